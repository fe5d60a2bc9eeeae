# Properties with setters, read-only properties, staticmethod, classmethod constructors,
# class attributes, type names, isinstance/issubclass with tuples, and super() chains.
class Temperature:
    unit = "C"
    made = 0
    def __init__(self, celsius):
        self.celsius = celsius
        Temperature.made += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def kelvin(self):
        return self._c + 273.15
    @staticmethod
    def describe(x):
        return f"static {x}"
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

t = Temperature(25)
t.celsius = 30
print(t.celsius, t.kelvin, t.unit, Temperature.unit)
try:
    t.kelvin = 0
except AttributeError as e:
    print("AttributeError:", e)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
f = Temperature.from_fahrenheit(212)
print(f.celsius, type(f).__name__, Temperature.made)
print(Temperature.describe(1), t.describe(2))

class Warm(Temperature):
    unit = "warm C"
w = Warm.from_fahrenheit(98.6)
print(type(w).__name__, round(w.celsius, 2), w.unit, Temperature.made)
print(isinstance(w, (int, Temperature)), isinstance(3, (str, float)), isinstance(True, int))
print(issubclass(Warm, Temperature), issubclass(Warm, (int, str)), issubclass(bool, (str, int)))

class A:
    def __init__(self, x):
        self.trail = ["A"]
        self.x = x
    def who(self):
        return "A.who"
class B(A):
    def __init__(self, x):
        super().__init__(x * 2)
        self.trail.append("B")
    def who(self):
        return "B.who"
class C(B):
    def __init__(self, x):
        super().__init__(x + 1)
        self.trail.append("C")
    def who(self):
        return super(B, self).who() + " via " + super(C, self).who()
c = C(1)
print(c.trail, c.x, c.who(), type(c).__name__)

class NoInit:
    tag = "no init"
class Child(NoInit):
    def __init__(self):
        super().__init__()
        self.ready = True
ch = Child()
print(ch.ready, ch.tag, isinstance(ch, NoInit), type(ch).__name__)
