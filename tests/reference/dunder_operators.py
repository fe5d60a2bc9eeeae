# Dunder operators on a user Vector class, reflected operators, NotImplemented, identity ==,
# and a Vector-like class mixed with torch tensors.
import torch

class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vector):
            return Vector(self.x + o.x, self.y + o.y)
        if o == 0:
            return self
        return NotImplemented
    def __radd__(self, o):
        return self.__add__(o)
    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vector) and self.x == o.x and self.y == o.y
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

v1 = Vector(3, 4)
v2 = Vector(1, 2)
print(v1 + v2, v1 - v2, 2 * v1, v1 * 2.5, v1 / 2, -v2)
print(abs(v1), v1 @ v2, v1 == Vector(3, 4), v1 != v2, v2 < v1, v1 > v2)
print(sum([v1, v2], Vector(0, 0)), sum([v1, v2]))
print(sorted([v1, v2, Vector(0, 1)]), max([v1, v2]))
alias = v1
v1 += v2
print(v1, alias, alias is v1)

class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return "Right.__radd__"
print(Left() + Right())
try:
    Left() + Left()
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != Plain())

class Scale:
    def __init__(self, k):
        self.k = k
    def __mul__(self, t):
        return t * self.k
    def __rmul__(self, t):
        return t * self.k + 100
t = torch.tensor([1., 2.])
print(t * Scale(3))
print(Scale(3) * t)
