# Reference for tests/golden/language/float_to_int.tl (CPython); its last five lines
# are tl's 64-bit OverflowErrors, where CPython gives big ints.
import math
def check(f):
    try: print(f())
    except Exception as e: print(type(e).__name__ + ": " + str(e))
inf = float("inf")
nan = float("nan")
for x in [inf, -inf, nan]:
    check(lambda: int(x))
    check(lambda: round(x))
    check(lambda: math.floor(x))
    check(lambda: math.ceil(x))
    check(lambda: math.trunc(x))
    check(lambda: x // 1)
    check(lambda: round(x, 2))
check(lambda: int(-2.7))
check(lambda: round(2.5))
check(lambda: round(-0.5))
check(lambda: math.floor(-2.5))
check(lambda: math.ceil(-2.5))
check(lambda: round(123456789012345678, -2))
check(lambda: round(-125, -1))
check(lambda: round(135, -1))
check(lambda: round(5, -20))
check(lambda: 1e300 // 1)
check(lambda: int(-2.0**63))
check(lambda: math.floor(2.0**62))
