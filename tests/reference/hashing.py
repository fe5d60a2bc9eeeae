# Hashing: a class's __hash__ and __eq__ decide dict keys and set items, __eq__ without
# __hash__ (or __hash__ = None) makes instances unhashable, == asks __eq__ inside lists,
# tuples and dicts; hash() of numbers, tuples and frozensets is CPython's; hex/oct/bin.
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __repr__(self): return f"P({self.x})"
class Q(P): pass
class E:
    def __eq__(self, o): return True
d = {P(1): "a"}
print(d[P(1)], P(1) in d, Q(1) in d, P(2) in d)
s = {P(1), P(1), P(2)}
print(len(s), P(2) in s, sorted([p.x for p in s]))
print(hash(3), hash(-1), hash(1.5), hash((1, 2)), hash("ab") == hash("ab"), hash(1) == hash(1.0))
fs = frozenset([1, 2])
print({fs: 1}[frozenset([2, 1])], hash(frozenset([1, 2])), hash(frozenset()))
print(hex(255), hex(-255), oct(8), bin(5), bin(0))
print([P(1), P(2)] == [P(1), P(2)], [P(1)].index(P(1)), [P(1), P(1)].count(P(1)), P(1) in [P(3), P(1)])
print({1: P(1)} == {1: P(1)}, (P(1),) == (P(1),))
try: print({E(): 1})
except TypeError as e: print("TypeError:", e)
try: hash([1])
except TypeError as e: print("TypeError:", e)
try: [1] in {1: 2}
except TypeError as e: print("TypeError:", e)
class B:
    def __hash__(self): return "x"
try: hash(B())
except TypeError as e: print("TypeError:", e)
class N: __hash__ = None
try: hash(N())
except TypeError as e: print("TypeError:", e)
x = P(5)
s2 = {x}
s2.discard(P(5))
print(s2, {P(1), P(2)} - {P(1)}, {P(1)} | {P(1)}, d.get(P(1)), {(P(1), 2): 3}[(P(1), 2)])
