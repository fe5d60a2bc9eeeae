# Reference for tests/golden/language/math_module.tl (CPython): math.log with a base,
# gamma and lgamma (tl's are ports of CPython's: equal bit for bit, printed with repr),
# erf and erfc (printed to 8 significant digits: tl's are not the C library's and differ
# from about the 10th), and the domain and range errors.
import math

def row(f, xs):
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except Exception as e:
            out.append(type(e).__name__)
    print(" ".join(out))

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# log with a base: log(x) / log(base)
print(math.log(8, 2), math.log(100, 10), math.log(1000, 10), math.log(2, 8), math.log(0.5, 2))
print(math.log(10**18, 10), math.log(2**62, 2), math.log(1e-300, 10), math.log(1e300, 1e-300))
print(math.log(3.0, math.e), math.log(7, 0.5), math.log(5e-324, 2), math.log(True, 2))
print(math.log(math.inf, 2), math.log(math.nan, 2), math.log(2, math.inf), math.log(math.inf, math.inf))
check(lambda: math.log(0, 2))
check(lambda: math.log(-1, 10))
check(lambda: math.log(0.0, 2))
check(lambda: math.log(-math.inf, 2))
check(lambda: math.log(8, 0))
check(lambda: math.log(8, -2.0))
check(lambda: math.log(8, 1))
check(lambda: math.log("8", 2))

# gamma: exact factorials, halves, reflection, tiny and large arguments
row(math.gamma, [1, 2, 3, 4, 5, 10, 23])
row(math.gamma, [24, 25.0, 30, 100, 170])
row(math.gamma, [0.5, 1.5, 2.5, 3.5, 10.5, 100.5])
row(math.gamma, [-0.5, -1.5, -2.5, -3.5, -10.5, -100.5])
row(math.gamma, [1e-10, -1e-10, 1e-25, -1e-25, 1e-300])
row(math.gamma, [0.1, 0.25, 1 / 3, 4.9, 5.1, 5.6, 6.2])
row(math.gamma, [140.5, 150.25, 171.5, 171.62, -139.5, -150.25])
row(math.gamma, [-170.5, -180.5, -201.5, -250.25, -1000.5])
row(math.gamma, [-1 + 1e-12, -1 - 1e-12, -3 + 1e-9, -20 - 1e-6])
row(math.gamma, [math.inf, math.nan, 171.7, 172, 200.5, 1e300, 5e-324, -5e-324])
check(lambda: math.gamma(0))
check(lambda: math.gamma(-0.0))
check(lambda: math.gamma(-3))
check(lambda: math.gamma(-1e300))
check(lambda: math.gamma(-math.inf))
check(lambda: math.gamma(172.0))
check(lambda: math.gamma(5e-324))

# lgamma
row(math.lgamma, [1, 2, 3, 4, 10, 23, 100])
row(math.lgamma, [0.5, 1.5, 2.5, 10.5, 100.5, 1000.5])
row(math.lgamma, [-0.5, -1.5, -2.5, -10.5, -100.5, -1000.5])
row(math.lgamma, [1e-10, -1e-10, 1e-25, 5e-324, 0.1, 4.9, 5.1])
row(math.lgamma, [1e10, 1e100, 1e300, -1e10 - 2**-19, 171.7, 172])
row(math.lgamma, [-1 + 1e-12, -1 - 1e-12, -3 + 1e-9, -20 - 1e-6])
row(math.lgamma, [math.inf, -math.inf, math.nan, 1e306])
check(lambda: math.lgamma(0))
check(lambda: math.lgamma(-0.0))
check(lambda: math.lgamma(-2))
check(lambda: math.lgamma(-1e20))
check(lambda: math.lgamma(1e306))
check(lambda: math.lgamma(None))

# erf and erfc
xs = [0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, -0.5, -1.0, -2.5]
print(" ".join(f"{math.erf(x):.8g}" for x in xs))
print(" ".join(f"{math.erfc(x):.8g}" for x in xs))
print(math.erf(0.0), math.erf(6.0), math.erf(-6.0), math.erf(math.inf), math.erf(-math.inf), math.erf(math.nan))
print(math.erfc(0.0), math.erfc(30.0), math.erfc(-30.0), math.erfc(math.inf), math.erfc(-math.inf), math.erfc(math.nan))
