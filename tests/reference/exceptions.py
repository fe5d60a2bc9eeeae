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
