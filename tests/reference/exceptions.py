# Exceptions: tuples of classes, `as e`, clause order, finally on success/error/return,
# raise ... from, bare raise, assert messages, the class hierarchy, and BaseException.
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "value":
        return int("abc")
    if kind == "zero":
        return 1 / 0
    return "fine"

for kind in ["key", "index", "value", "zero", "ok"]:
    try:
        result = risky(kind)
        print(kind, "no error:", result)
    except (KeyError, IndexError) as e:
        print(kind, "lookup:", type(e).__name__, e)
    except ValueError as e:
        print(kind, "value:", e)
    except Exception as e:
        print(kind, "other:", type(e).__name__, e)
    finally:
        print(kind, "finally")

def with_finally(fail):
    try:
        if fail:
            raise RuntimeError("boom")
        return "returned"
    finally:
        print("cleanup, fail =", fail)
print(with_finally(False))
try:
    with_finally(True)
except RuntimeError as e:
    print("caught", e)

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad config") from e
except ValueError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)

try:
    try:
        [].pop()
    except IndexError:
        print("handling, then re-raising")
        raise
except IndexError as e:
    print("re-raised:", e)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)

try:
    {"a": 1}["b"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))

try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not reached")
except BaseException as e:
    print("BaseException caught", type(e).__name__, isinstance(e, Exception))

# A program's own error classes: args kept, str/repr from them, caught by their base.
class ShapeError(ValueError):
    def __init__(self, expected, got):
        super().__init__(f"expected {expected}, got {got}")
        self.expected = expected
        self.got = got

class Quiet(Exception):
    pass

class Odd(KeyError):
    pass

try:
    raise ShapeError((2, 3), (3, 2))
except ValueError as e:
    print(type(e).__name__, "|", e, "|", repr(e), "|", e.args, e.expected, e.got)
try:
    raise Quiet
except Quiet as e:
    print("Quiet:", repr(e), e.args, str(e) == "")
try:
    raise Quiet("a", 2)
except (TypeError, Quiet) as e:
    print(e, repr(e), isinstance(e, Exception), isinstance(e, ValueError))
try:
    raise Odd("k")
except LookupError as e:
    print("Odd:", e, issubclass(Odd, KeyError), issubclass(Odd, IndexError))
try:
    try:
        raise ShapeError(1, 2)
    except Quiet:
        print("not reached")
except ShapeError as e:
    print("outer caught", e.got)
try:
    try:
        raise ShapeError(1, 2)
    except ShapeError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "from", type(e.__cause__).__name__)

# try/else: else runs only when the body raised nothing, and its errors are not caught there.
for value in ["3", "x"]:
    try:
        n = int(value)
    except ValueError:
        print("not a number:", value)
    else:
        print("parsed", n)
    finally:
        print("done with", value)
try:
    try:
        pass
    except ValueError:
        print("not reached")
    else:
        raise ValueError("from else")
except ValueError as e:
    print("outer caught", e)
