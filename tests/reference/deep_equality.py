# Reference for tests/golden/language/deep_equality.tl (CPython).
def check(f):
    try: print(f())
    except Exception as e: print(type(e).__name__ + ": " + str(e))
def nest(depth):
    x = []
    for i in range(depth): x = [x]
    return x
for depth in [600, 900, 1100, 100000]: check(lambda: nest(depth) == nest(depth))
check(lambda: nest(600) != nest(600))
check(lambda: nest(600) < nest(601))
check(lambda: nest(2000) < nest(2000))
check(lambda: nest(600) in [1, nest(600)])
check(lambda: [nest(3)].index(nest(3)))
check(lambda: [nest(3), 1, nest(3)].count(nest(3)))
deep = nest(100000)
check(lambda: deep == deep)
check(lambda: [deep] == [deep])
check(lambda: {"k": nest(600)} == {"k": nest(600)})

xs = [1]
xs.append(xs)
print(xs == xs, xs in xs, xs)
a = []
a.append(a)
b = []
b.append(b)
check(lambda: a == b)
check(lambda: a in [b])
d = {}
d["self"] = d
print(d == d, d)
t = ([],)
t[0].append(t)
print(t)

print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2**53 == 2.0**53)
print(-2**62 * 2 == -2.0**63, 9223372036854775807 < 2.0**63, 3 < 3.5, -3 > -3.5)
print({2.0**53: "float"}[2**53], len({2**53 + 1: 1, 2.0**53: 2}))
