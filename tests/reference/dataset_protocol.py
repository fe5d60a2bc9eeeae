# Container protocol: __len__ __getitem__ __iter__ __next__ __contains__ __bool__ __str__,
# and the old sequence protocol where IndexError ends iteration.
class Dataset:
    def __init__(self, items):
        self.items = items
        self.pos = 0
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i] * 10
    def __iter__(self):
        self.pos = 0
        return self
    def __next__(self):
        if self.pos >= len(self.items):
            raise StopIteration
        self.pos += 1
        return self.items[self.pos - 1]
    def __contains__(self, x):
        return x in self.items
    def __bool__(self):
        return len(self.items) > 0
    def __str__(self):
        return f"Dataset of {len(self)}"

ds = Dataset([1, 2, 3])
for x in ds:
    print("item", x)
print(list(ds), len(ds), ds[1], ds[-1], 2 in ds, 5 in ds, 5 not in ds)
print(str(ds), ds, f"[{ds}]")
print([x * x for x in ds], sum(ds), sorted(ds, reverse=True))
empty = Dataset([])
if ds:
    print("ds is truthy")
if not empty:
    print("empty is falsy", bool(empty), len(empty))
it = iter(ds)
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")

class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError("too far")
        return i * i
print(list(Squares()), 9 in Squares(), 5 in Squares())
for s in Squares():
    print("square", s)
a, b, c, d = Squares()
print(a, b, c, d, Squares()[2])

class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), "truthy" if Sized() else "falsy")
