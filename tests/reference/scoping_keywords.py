# global and nonlocal, UnboundLocalError when a local is read before it is assigned,
# and a name assigned only in a branch that did not run.
counter = 0
def bump(by=1):
    global counter
    counter += by
    return counter
bump(); bump(5)
print(counter, bump())

def make_global():
    global created
    created = "made inside a function"
make_global()
print(created)

def outer():
    n = 0
    def middle():
        def inner():
            nonlocal n
            n += 10
            return n
        nonlocal n
        n += 1
        return inner()
    middle(); middle()
    return n
print(outer())

def accumulator():
    total = []
    count = 0
    def add(x):
        nonlocal count
        total.append(x)
        count += 1
        return count, sum(total)
    return add
acc = accumulator()
acc(3)
print(acc(4), acc(5))

x = 10
def reads_then_assigns():
    print(x)
    x = 5
try:
    reads_then_assigns()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e)
except NameError as e:
    print("NameError", e)
print(issubclass(UnboundLocalError, NameError))

def branch(flag):
    if flag:
        value = "set"
    return value
print(branch(True))
try:
    branch(False)
except NameError as e:
    print(type(e).__name__, "|", e)

def shadow():
    x = "local x"
    def inner():
        return x
    return inner()
print(shadow(), x)
