# Reference for tests/golden/docs/help_and_dir.tl: the same program in Python (3.11, with
# PyTorch), run with /work/shared/tools/oracle tests/reference/help_and_dir.py.
#
# pydoc's layout is not tl's, so where tl calls help() this prints what the two must agree
# on: the signature lines (inspect.signature for Python functions, methods and classes, the
# first line of PyTorch's docstring for torch.zeros and Tensor.reshape, which inspect cannot
# read), one per line, in the order tl prints them. dir() lists are printed with the dunder
# names filtered out; tl's lists add `init` (its constructor; Python's is the dunder
# `__init__`). __doc__ of Python functions and classes is printed cleaned by
# inspect.cleandoc, which is what Python 3.13 stores (less leading and trailing blank
# lines) and what tl's __doc__ holds.
#
# The helpers' names start with '__' so that the top-level dir() skips them, as it skips
# the dunders Python defines itself.
#
# Where tl differs (left out of the golden):
# - dir(Dog), a subclass: Python lists the inherited names too
#   (['_secret', 'describe', 'fetch', 'sound', 'speak'] + tl's 'init'); tl lists only
#   ['fetch', 'sound', 'speak'], the names the class itself defines.
# - help() of a class that overrides a method of its base: tl lists the overridden method
#   again under "Methods inherited from Base"; pydoc lists each name once, under the class
#   that defines it. tl also leaves out the base's data attributes ("Data and other
#   attributes inherited from Base"), which pydoc lists.
# - help(tensor([1.]).sum): tl prints `Tensor.sum(dim=None, keepdim=False, *, dtype=None,
#   out=None)`; PyTorch's method is `sum(dim=None, keepdim=False, dtype=None)` and refuses
#   out= (TypeError), as every Tensor method does; tl's methods accept it.
# - dir(1.5): Python's ['as_integer_ratio', 'conjugate', 'fromhex', 'hex', 'imag',
#   'is_integer', 'real'], tl's ['is_integer'] (tl's floats have no other attribute);
#   likewise dir(1) ([] in tl), dir('a') and dir({}) (subsets of Python's, the methods tl
#   has) and dir(tensor) (tl lists methods only, not shape, dtype, device, grad,
#   requires_grad, T, mT, data, is_leaf, grad_fn, ndim, which tl's tensors have).
# - dir() inside a nested function lists, in Python, the free variables it uses from the
#   enclosing function; tl lists only the function's own locals.
# - __doc__ keeps, in Python, trailing spaces of a line and a last line of spaces deeper
#   than the common indentation, and expands tabs (to 8 columns) before dedenting; tl's
#   clean strips trailing whitespace and does not expand tabs.
import inspect as __inspect
import torch as __torch


def __sig(name, f):
    print(name + str(__inspect.signature(f)))


def __dir(x):
    print([n for n in dir(x) if not n.startswith('__')])


def __doc(x):
    print(None if x.__doc__ is None else __inspect.cleandoc(x.__doc__))


# Builtin functions
print(__torch.zeros.__doc__.strip().splitlines()[0])
# tl: zeros(*size, out=None, dtype=None, device=None, requires_grad=False) -> Tensor
__sig('len', len)
__sig('len', len)
print(type(len.__doc__), type(__torch.zeros.__doc__))

# Builtin methods
print(__torch.Tensor.reshape.__doc__.strip().splitlines()[0])
# tl: Tensor.reshape(*shape) -> Tensor
__sig('str.split', 'a'.split)

# A stdlib class: tl's docstring is its own text; PyTorch's begins
print(__torch.optim.SGD.__doc__.strip().splitlines()[0])


class Animal:
    """An animal with a name.

    Subclasses add what the animal does.
    """
    def __init__(self, name, *, legs=4):
        """Names the animal; `legs` counts its legs."""
        self.name = name
        self.legs = legs

    def describe(self):
        'One line about the animal.'
        return f"{self.name} ({self.legs} legs)"

    def _secret(self):
        return 42


class Dog(Animal):
    """A dog.

    It fetches.
    """
    sound = "woof"

    def speak(self, times=1, *words, loud=False, **options):
        """The dog's sound, `times` times,
           then the `words`.
        """
        return " ".join([self.sound] * times + list(words))

    def fetch(self, thing):
        return thing


class Plain:
    def __init__(self):
        self.x = 1


def area(w, h=2.0, *, scale=1):
    """
    The area of a `w` by `h` rectangle.

        Indented lines keep what they have beyond the common indentation.
    Blank lines at either end are dropped.

    """
    return w * h * scale


def undocumented(x):
    y = x
    return y


def one_line(x): return x


def late_string():
    x = 1
    "not a docstring: not the first statement"


def concatenated():
    "Adjacent strings " "make one docstring."
    return None


# help(Animal): the class's signature, then its methods'
__sig('Animal', Animal)
__sig('init', Animal.__init__)
__sig('describe', Animal.describe)
__sig('_secret', Animal._secret)
# help(Dog)
__sig('Dog', Dog)
__sig('speak', Dog.speak)
__sig('fetch', Dog.fetch)
print('sound =', repr(Dog.sound))
__sig('init', Dog.__init__)
__sig('describe', Dog.describe)
__sig('_secret', Dog._secret)
# help(Plain)
__sig('Plain', Plain)
__sig('init', Plain.__init__)
# help(area), help(undocumented)
__sig('area', area)
__sig('undocumented', undocumented)

rex = Dog("Rex", legs=3)
# help(rex) is help(Dog); help(rex.speak), help(Dog.speak)
__sig('Dog', type(rex))
__sig('speak', rex.speak)
__sig('speak', Dog.speak)
print(rex.speak(2, "!"), rex.describe())

__doc(Animal)
__doc(Dog)
__doc(Plain)
__doc(rex)
__doc(Animal.__init__)
__doc(Animal.describe)
__doc(Dog.speak)
print(rex.speak.__doc__ == Dog.speak.__doc__)
__doc(rex.fetch)
print(repr(__inspect.cleandoc(area.__doc__)))
print(undocumented.__doc__, one_line.__doc__, late_string.__doc__)
__doc(concatenated)

# dir() of values
__dir(rex)        # tl adds 'init'
__dir(Plain())    # tl adds 'init'
__dir(Animal)     # tl adds 'init'
__dir([1])
__dir((1,))
__dir(None)
print('is_integer' in dir(1.5))
print('sum' in dir(__torch.tensor([1.])), 'matmul' in dir(__torch.tensor([1.])), 'bogus' in dir(__torch.tensor([1.])))
print('split' in dir('a'), 'get' in dir({}))

# dir() alone: the names in scope
__dir_top = [n for n in dir() if not n.startswith('__')]
print(__dir_top)


def scope(a, b=2):
    c = a + b
    print(dir())
    d = c
    print(dir())


scope(1)


def blocks():
    if True:
        inside_if = 1
    for i in range(1):
        inside_for = 2
    print(dir())


blocks()


class Scoped:
    def method(self, k):
        print(dir())


Scoped().method(1)
print((lambda q: dir())(1))
