# Dict views: live, sized, iterable, `in`, set operators on keys and items, equality.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["c"] = 3
print(len(k), list(v), ("c", 3) in it, ("c", 4) in it, "a" in k, 2 in v)
print(k & {"a", "z"}, sorted(k | ["z"]), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(it & {("a", 1), ("b", 5)})
print(k == {"a", "b", "c"}, k == {"a"}, it == {("a", 1), ("b", 2), ("c", 3)}, v == v)
for key, value in d.items():
    print(key, value, end="; ")
print()
print(sorted(d.values(), reverse=True), max(d.keys()), sum(d.values()), bool({}.keys()))
print(d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
