# Generators: yield and yield from, infinite generators sliced lazily, generator
# expressions' evaluation order, iter/next with defaults, iterator classes, lazy builtins.
import itertools

def countdown(n):
    while n > 0:
        yield n
        n -= 1
    print("countdown done")

print(list(countdown(3)))
for v in countdown(2):
    print("got", v)

def chained(*parts):
    for p in parts:
        yield from p
    yield "end"
print(list(chained([1, 2], (3,), "ab")))

def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(itertools.islice(naturals(), 5)), list(itertools.islice(naturals(), 2, 10, 3)))

def noisy(x):
    print("computing", x)
    return x * 10
gen = (noisy(x) for x in range(3))
print("generator made")
print("first", next(gen))
print("rest", list(gen))
print("exhausted", list(gen))

it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration caught")

g = countdown(1)
print(next(g), next(g, "no more"))

class Squares:
    def __init__(self, limit):
        self.limit = limit
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.limit:
            raise StopIteration
        self.i += 1
        return self.i * self.i
for s in Squares(4):
    print("square", s)
print(list(Squares(3)), sum(Squares(5)))

z = zip("abc", range(10))
print(next(z), list(z))
m = map(noisy, [1, 2, 3])
print("map made")
print(next(m))
f = filter(lambda x: x % 2 == 0, range(10))
print(next(f), next(f), list(f))
e = enumerate(["x", "y", "z"], start=1)
print(next(e), list(e))
r = reversed([1, 2, 3])
print(next(r), list(r))
same = iter(range(5))
alias = same
next(alias)
print(list(same))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
