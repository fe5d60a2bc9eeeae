# str methods Python has, printf-style % formatting, f"{x=}" and nested format specs.
print("-42".zfill(6), "7".zfill(3), "+3".zfill(4), "abc".zfill(2))
print("hello wORLD they're".title(), "hELLO wORLD".capitalize(), "aBc".swapcase())
print("Straße".casefold(), "MiXeD".casefold())
for s in ["042", "4.2", "", "abc", "a1", " \t", "ABC1", "abc1", "Ab"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.isascii())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("="), "abc".rpartition("="))
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(keepends=True), "".splitlines(), "x\n\ny".splitlines())
print("a,b,c".rsplit(",", maxsplit=1), "  a b  c  ".rsplit(None, 1), " a  b ".rsplit(), "x--y--z".rsplit("--", 1), "a b".rsplit(maxsplit=0))
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\n\tc".expandtabs(2)))
print("test_case".removeprefix("test_"), "lab.tl".removesuffix(".tl"), "x".removeprefix("y"))
print("banana".rfind("an"), "banana".rfind("x"), "banana".index("n"), "banana".rindex("n"))
try:
    "banana".index("q")
except ValueError as e:
    print("ValueError:", e)

n, x, name = 42, 3.14159, "tl"
print("%d items" % n, "%5.2f|" % x, "%-6s|" % name, "%6s|" % name, "%s and %r" % (name, name))
print("%x %X %o %#x %#o %e %E %g %G" % (255, 255, 8, 255, 8, 12345.678, 0.000123, 1e-5, 1e20))
print("%+d % d %05d %-5d| %05.1f %.3s %c %c" % (5, 5, -42, 7, -2.5, "abcdef", 65, "z"))
print("%(name)s is %(age)d" % {"name": "ada", "age": 36}, "%d%%" % 50, "%*d|%-*d|" % (4, 1, 3, 2))
print("%d" % 3.99, "%i" % -3.5, "%s" % [1, 2], "%s" % (1,), "%.2f" % 2, "%s" % None)
for bad in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

width, prec = 10, 3
print(f"{x=}", f"{x = }", f"{name=}", f"{n=:5d}", f"{name=!s}", f"{n + 1=}")
print(f"[{x:{width}.{prec}f}]", f"[{name:>{width}}]", f"[{n:{'^'}{width}}]", f"{x:.{prec}}")
print(f"{n==42}", f"{n != 3}", f"{n>=1}")
