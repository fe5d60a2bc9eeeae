# itertools (with tee and chain.from_iterable), functools (with lru_cache's
# CacheInfo) and collections as CPython has them, and time.perf_counter (only its
# ordering is printed: the values vary).
import itertools
import functools
import collections
import time

print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.combinations([1, 2, 3, 4], 2)), list(itertools.combinations("abc", 3)))
print(list(itertools.permutations("abc")), list(itertools.permutations(range(3), 2))[:4])
print(list(itertools.chain([1, 2], "xy", (None,))))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.repeat("z", 3)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccaa")], list(itertools.pairwise([1, 2, 3])))
print(list(itertools.chain.from_iterable(["ab", [1, 2], (), range(2)])), list(itertools.chain.from_iterable(s * 2 for s in "xy")))
a, b = itertools.tee(itertools.count(1), 2)
print(list(itertools.islice(a, 4)), next(b), list(itertools.islice(b, 2)), next(a))
first, second, third = itertools.tee("abc", 3)
print(list(zip(first, second)), list(third), itertools.tee([1], 0), list(first), len(itertools.tee([])))
c, d = itertools.tee(b)
print(c is b, next(c), next(d), next(b), list(itertools.islice(d, 3)))

print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 100))
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)
print(square(7), two_to(10), [square(x) for x in range(4)])
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda x, y: len(y) - len(x))))
print(fib.cache_info(), fib.cache_info().hits, fib.cache_info()[1])
@functools.lru_cache(maxsize=2)
def halve(n, exact=False):
    return n / 2 if exact else n // 2
results = [halve(n) for n in [8, 6, 8, 4, 6, 8]] + [halve(8, exact=True), halve(8, exact=True)]
print(results, halve.cache_info())
halve.cache_clear()
print(halve.cache_info(), halve(3), halve.cache_info(), halve.cache_parameters())

od = collections.OrderedDict()
od["z"] = 1
od["a"] = 2
od["m"] = 3
del od["a"]
od["a"] = 4
print(list(od.keys()), list(od.items()), od["m"], "z" in od, len(od), od == {"a": 4, "m": 3, "z": 1})
dd = collections.defaultdict(list)
for word in ["apple", "bob", "avocado", "cat", "banana"]:
    dd[word[0]].append(word)
print(dd)
print(dict(dd.items()), dd["q"], len(dd), "q" in dd, "x" in dd)
counts = collections.defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts.items()), counts)
c = collections.Counter("abracadabra")
print(c.most_common(3), c["a"], c["zzz"], sum(c.values()), sorted(c.elements())[:6])
c.update("aaz")
print(c.most_common(2), c["z"], collections.Counter([1, 1, 2]) + collections.Counter([2, 3]))
dq = collections.deque([1, 2, 3])
dq.append(4)
dq.appendleft(0)
print(list(dq), dq.pop(), dq.popleft(), list(dq), len(dq), dq[0], dq[-1])
dq.extend([7, 8])
dq.rotate(2)
print(list(dq))
window = collections.deque(maxlen=3)
for i in range(6):
    window.append(i)
print(list(window), window.maxlen)
Point = collections.namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x + p.y, p._replace(x=0), p._asdict())

t0 = time.perf_counter()
busy = sum(i * i for i in range(10000))
t1 = time.perf_counter()
print(busy, type(t1 - t0).__name__, t1 - t0 >= 0, t1 >= t0)
