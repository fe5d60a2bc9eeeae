# Decorators: plain, with arguments, stacked (order shown), on a class, and stateful
# decorators counting calls through a closure and nonlocal.
def shout(f):
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def greet(name, punct="."):
    return f"hello {name}{punct}"
print(greet("ada"), greet("bob", punct="?"))

def repeat(n):
    def deco(f):
        def wrapper(x):
            return [f(x) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def double(x):
    return x * 2
print(double(5))

def tag(label):
    def deco(f):
        print("decorating", f.__name__, "with", label)
        def wrapper():
            return f"<{label}>" + f() + f"</{label}>"
        wrapper.__name__ = f.__name__
        return wrapper
    return deco

@tag("b")
@tag("i")
def word():
    return "text"
print(word(), word.__name__)

def register(cls):
    cls.registered = True
    print("registering", cls.__name__)
    return cls

@register
class Model:
    def __init__(self, size):
        self.size = size
print(Model.registered, Model(4).size)

def counted(f):
    calls = 0
    def wrapper(*args):
        nonlocal calls
        calls += 1
        print(f"call {calls} of {f.__name__}{args}")
        return f(*args)
    wrapper.count = lambda: calls
    return wrapper

@counted
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), add.count())

@counted
@repeat(2)
def inc(x):
    return x + 1
print(inc(10), inc.count(), add.count())
