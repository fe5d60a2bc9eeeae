# Python's surface: conditional expressions, starred assignment and displays, del,
# raw and triple-quoted strings, and the import forms with their errors.
import math
import math as m
from math import pi, sqrt as root
import torch
import torch.nn as nn
from torch import nn as tnn, optim

def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in [-2, 0, 3]], [x if x % 2 else -x for x in range(5)])
clip = lambda v: 0 if v < 0 else (1 if v > 1 else v)
print(clip(-0.5), clip(0.25), clip(7), "yes" if [] else "no")

xs = [1, 2, 3, 4, 5]
a, *rest = xs
*init, last = xs
first, *mid, final = "abcd"
print(a, rest, init, last, first, mid, final)
head, *tail = [9]
print(head, tail, [*xs[:2], *"hi"], (*rest, 1))

ys = list(range(8))
del ys[0]
del ys[1:3]
d = {"a": 1, "b": 2}
del d["a"]
print(ys, d)
class Box:
    pass
box = Box()
box.attr = 5
del box.attr
print(hasattr(box, "attr"))
z = 1
del z
try:
    print(z)
except NameError as e:
    print("NameError:", e)

print(r"\d+\n", len(r"\d+\n"), "tab\there")
doc = """line one
  line "two"
line three"""
print(doc, doc.count("\n"), '''single ''quotes''')

print(math.floor(2.7), m.sqrt(16), round(pi, 4), root(2.25), math is m)
print(torch.tensor([1.0, 2.0]).sum(), nn is tnn, nn.Linear(2, 3).weight.shape, optim.SGD.__name__)
try:
    import nonexistent_mod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from math import tau, nope
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError))

# ** in dict displays; type() of values without a type object
defaults = {"lr": 0.1, "steps": 10}
print({**defaults, "steps": 20, **{"momentum": 0.9}})
def gen():
    yield 1
it = iter([1, 2])
print(type(it).__name__, type(gen()).__name__, type(zip([1], [2])).__name__, type(range(2)).__name__)
print(type(it) is type(iter([])), isinstance(it, type(it)))
