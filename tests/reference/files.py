# Text files: write/writelines, with-blocks, read/readline/readlines, iterating by
# line, append mode, and os.path's exists/join/basename/dirname; the file is removed.
import os

folder = "/tmp"
path = os.path.join(folder, "tl_golden_files.txt")
print(path, os.path.basename(path), os.path.dirname(path), os.path.join("a", "b", "c.txt"))
print(os.path.join("/abs", "/root", "x"), os.path.join("dir/", "f"), os.path.splitext("data.tar.gz"))
f = open(path, "w")
n = f.write("first line\n")
f.writelines(["second line\n", "third", " line\n"])
f.close()
print(n, os.path.exists(path), os.path.isfile(path), os.path.isdir(folder))
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline()))
    print(repr(f.read()))
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"), len(line))
with open(path, "a") as f:
    f.write("appended\n")
    f.write("no newline at end")
with open(path) as f:
    lines = f.readlines()
print(len(lines), lines[-2:])
with open(path) as f:
    print([line.strip().upper() for line in f if "line" in line])
with open(path, "w") as f:
    f.write("overwritten\n")
with open(path) as f:
    print(repr(f.read()), f.closed)
print(f.closed)
total = 0
with open(path, "w") as f:
    for k in range(5):
        total += f.write(f"{k},{k * k}\n")
print(total)
with open(path) as f:
    rows = [tuple(int(v) for v in line.split(",")) for line in f]
print(rows)
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    os.remove(path)
except OSError as e:
    print("OSError", type(e).__name__)
