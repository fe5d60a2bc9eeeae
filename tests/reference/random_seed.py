# random after random.seed(42): CPython's Mersenne Twister draws, number for number
# (random, uniform, randint, randrange, choice, choices, shuffle, sample, gauss), then
# the gamma, beta, von Mises, Pareto and Weibull variates and sample's counts= under
# other seeds.
import random

random.seed(42)
print([random.random() for _ in range(3)])
print(random.uniform(1, 5), random.uniform(-2.5, 0.5))
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7))
colors = ["red", "green", "blue", "gold"]
print(random.choice(colors), random.choice("xyz"), random.choice(range(1000)))
print(random.choices(colors, k=5))
print(random.choices(range(3), weights=[1, 0, 5], k=6))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(colors, 2))
print([random.gauss(0, 1) for _ in range(3)])
print(random.gauss(10, 0.5))
random.seed(42)
again = random.random()
print(again, again == 0.6394267984578837)
random.seed(7)
print(random.randint(0, 10**6), random.random())
state = random.getstate()
x = random.random()
random.setstate(state)
print(random.random() == x)
random.seed(2024)
print(random.getrandbits(16), random.getrandbits(40))
random.seed(3)
print(random.gammavariate(0.5, 2.0), random.gammavariate(1.0, 3.0), random.gammavariate(4.5, 0.5))
print(random.betavariate(2, 5), random.betavariate(0.3, 0.3), random.vonmisesvariate(1.0, 4.0))
print(random.vonmisesvariate(0.0, 0.0), random.paretovariate(2.5), random.weibullvariate(1.5, 0.8))
print(random.sample(["red", "blue"], 5, counts=[4, 2]), random.sample(range(4), k=3, counts=[0, 2, 1, 5]))
for s in [0, 1, 99]:
    random.seed(s)
    print(s, [random.gammavariate(a, 1.0) for a in (0.2, 1.0, 2.5, 30.0)], random.betavariate(0.7, 1.4))
    print(random.vonmisesvariate(3.0, 0.5), random.vonmisesvariate(-1.0, 20.0), random.paretovariate(1), random.weibullvariate(2, 3))
    print(random.sample("abcd", 6, counts=[3, 1, 0, 2]), random.random())
r = random.Random(11)
print([r.betavariate(0.5, 0.5) for _ in range(3)], r.gammavariate(0.9, 1.0), r.sample("xy", 2, counts=[1, 1]))
