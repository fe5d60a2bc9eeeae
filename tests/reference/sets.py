# Sets: literals, set() and comprehensions, the operators and their in-place forms,
# Python's methods, frozenset, membership; sorted() where CPython's hash order differs.
a = {1, 2, 3, 4}
b = {3, 4, 5}
empty = set()
print(a, b, empty, len(a), len(empty), type(empty).__name__)
print(sorted(set([3, 1, 3, 2, 1])), set("aab") == {"a", "b"}, {x % 3 for x in range(10)})
print(sorted({w[0] for w in ["apple", "avocado", "banana", "cherry"]}))
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(sorted(a.union([9], (8,))), a.intersection(range(3)), a.difference({1}, {2}))
print(3 in a, 7 in a, 7 not in a, {1, 2} <= a, {1, 2} < a, a < a, a >= {4}, a > a)
print({1, 2}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = {1, 2}
c.add(3)
c.add(2)
c.discard(1)
c.discard(99)
print(c)
try:
    c.remove(99)
except KeyError as e:
    print("KeyError", e)
c.remove(3)
print(c, len(c))
c.update([5, 6], {7})
print(c)
d = {1, 2, 3}
d |= {4}
print(d)
d &= {2, 3, 4}
print(d)
d -= {3}
print(d)
d ^= {4, 5}
print(d)
alias = d
alias |= {9}
print(sorted(d), sorted(alias))  # sorted: CPython orders by hash, tl by insertion
p = {10}
print(p.pop(), p, len(p))
try:
    p.pop()
except KeyError as e:
    print("pop from empty:", e)
f = frozenset([1, 2, 2, 3])
print(f, len(f), 2 in f, f | {4}, f & {1, 9}, type(f).__name__)
print(f == {1, 2, 3}, frozenset() == set(), {1, 2} == {2, 1}, {1} != {1.0})
cc = a.copy()
cc.add(100)
print(len(a), len(cc))
cc.clear()
print(cc, bool(cc), bool(a))
print(sorted({"pear", "fig", "kiwi"}), sorted({"b", "a"} | {"c"}))
print(list(sorted(set([5, 3, 5, 1]))), sum({1, 2, 3}), max({4, 8, 2}))
