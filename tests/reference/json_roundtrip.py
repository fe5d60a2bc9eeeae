# json: dumps with and without indent, escapes, True/False/None <-> true/false/null,
# floats, loads, round trips, and dump/load through a file (removed afterwards).
import json
import os

doc = {"name": "tl", "version": 2, "ratio": 0.1, "big": 1e20, "neg": -3.5e-7,
       "flags": [True, False, None], "nested": {"list": [1, [2, [3]]], "empty": {}, "none": []},
       "text": "line\nbreak \"quoted\" tab\t back\\slash"}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, indent=2))
print(json.dumps([1, {"a": [None]}], indent=4))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps([1, 2], separators=(",", ":")))
print(json.dumps("caf\u00e9 \u2603"), json.dumps("caf\u00e9", ensure_ascii=False))
print(json.dumps(1.0), json.dumps(3), json.dumps(-0.0), json.dumps(2.5e-10), json.dumps(None), json.dumps(True))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps(""))
back = json.loads(s)
print(back == doc, back["flags"], back["nested"]["list"][1][1], back["text"])
print(json.loads('{"x": [1, 2.0, "three", true, false, null], "y": {"z": -1e3}}'))
print(json.loads("  [ 1 ,\n 2 ]  "), json.loads('"\\u00e9\\n"'), json.loads("3.25"), json.loads("null"))
print(type(json.loads("1")).__name__, type(json.loads("1.0")).__name__, type(json.loads("1e2")).__name__)
data = [{"id": i, "sq": i * i, "even": i % 2 == 0} for i in range(3)]
print(json.loads(json.dumps(data)) == data, json.loads(json.dumps(data, indent=1)) == data)
try:
    json.loads("{bad json}")
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads("[1, 2")
except ValueError as e:
    print("ValueError:", e)
path = "/tmp/tl_golden_json.json"
with open(path, "w") as f:
    json.dump(data, f, indent=2)
with open(path) as f:
    text = f.read()
print(text)
with open(path) as f:
    loaded = json.load(f)
print(loaded == data, loaded[2])
os.remove(path)
print(os.path.exists(path))
