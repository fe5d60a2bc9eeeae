# PyTorch twin of tests/golden/stdlib/data_loading.tl: the data-loading tutorial's
# steps (a Dataset subclass, DataLoader epochs, collation, random_split, errors).
# Run it with the oracle; its output is the golden's .out.
import torch
from collections import namedtuple
from torch.utils.data import Dataset, DataLoader, TensorDataset, random_split


def dtype_name(t):
    return str(t.dtype).replace("torch.", "")


class PointsDataset(Dataset):
    """Ten 2-d points with a label: the point's index modulo 3."""

    def __init__(self, n=10):
        super().__init__()
        self.features = torch.arange(2 * n, dtype=torch.float32).reshape(n, 2) / 10
        self.labels = [i % 3 for i in range(n)]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        return self.features[idx], self.labels[idx]


data = PointsDataset()
x0, y0 = data[0]
print("sample 0:", x0, y0, len(data))

# An epoch with batch_size=4: the last batch is short unless drop_last.
for drop_last in [False, True]:
    loader = DataLoader(data, batch_size=4, shuffle=False, drop_last=drop_last)
    print(f"drop_last={drop_last}: len(loader) = {len(loader)}")
    for i, (features, labels) in enumerate(loader):
        print(" batch", i, features.shape, labels.shape, dtype_name(features), dtype_name(labels))
        print("  labels", labels.tolist(), "first row", features[0].tolist())
features, labels = next(iter(DataLoader(data, batch_size=4)))
print(features)
print(labels)

# The same data through TensorDataset.
tds = TensorDataset(data.features, torch.tensor(data.labels))
print("TensorDataset:", len(tds), tds[3])
for xb, yb in DataLoader(tds, batch_size=3, drop_last=True):
    print(" ", round(xb.sum().item(), 4), yb.tolist())
print("batches:", [len(yb) for _, yb in DataLoader(tds, batch_size=3)])

# Samples that are dicts collate key by key.
class Records(Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return {"id": i, "score": i / 4, "name": f"item{i}", "flag": i % 2 == 0,
                "pixels": torch.full((2, 2), i)}

for batch in DataLoader(Records(), batch_size=2):
    print(sorted(batch), batch["id"].tolist(), dtype_name(batch["id"]), batch["score"].tolist(),
          dtype_name(batch["score"]), batch["name"], batch["flag"].tolist(), batch["pixels"].shape)

# default_collate on nested structures.
collate = torch.utils.data.default_collate
print(collate([1, 2, 3]), collate([True, False]), collate(["a", "b"]))
print(collate([0.5, 1.5]).tolist(), dtype_name(collate([0.5, 1.5])), dtype_name(collate([1, 2.5])))
nested = collate([(1, ("a", 2.0), [3, 4]), (5, ("b", 6.0), [7, 8])])
print(type(nested).__name__, len(nested), nested[0], nested[1][0], nested[1][1].tolist(), nested[2])
print(collate([{"x": [1, 2], "y": {"z": 3}}, {"x": [4, 5], "y": {"z": 6}}]))
Point = namedtuple("Point", ["x", "y"])
p = collate([Point(1, 2.0), Point(3, 4.0)])
print(isinstance(p, Point), p.x, p.y.tolist())
print(collate([torch.ones(2, 3), torch.zeros(2, 3)]).shape)

# batch_size=None: no batching; tuples come back as lists (default_convert).
print(list(DataLoader(range(3), batch_size=None)))
s = next(iter(DataLoader(data, batch_size=None)))
print(type(s).__name__, s[0], s[1])

# A shuffled epoch visits every sample once.
torch.manual_seed(0)
shuffled = DataLoader(data, batch_size=4, shuffle=True)
for epoch in range(2):
    seen = []
    for _, labels in shuffled:
        seen.extend(labels.tolist())
    print("epoch", epoch, "labels sorted:", sorted(seen), "count", len(seen))
ids = DataLoader(TensorDataset(torch.arange(10)), batch_size=3, shuffle=True)
got = [int(v) for (b,) in ids for v in b]
print("ids sorted:", sorted(got), len(ids))

# random_split: integer lengths and fractions (the remainder dealt round-robin).
train, test = random_split(data, [7, 3])
print("split", len(train), len(test), sorted(train.indices + test.indices) == list(range(10)))
parts = random_split(range(11), [0.5, 0.3, 0.2])
print("fractions", [len(part) for part in parts], sorted(i for part in parts for i in part))
parts = random_split(TensorDataset(torch.arange(10)), [0.25, 0.25, 0.25, 0.25])
print("quarters", [len(part) for part in parts])
xb, yb = next(iter(DataLoader(train, batch_size=7)))
print("train batch", xb.shape, yb.shape, sorted(yb.tolist()) == sorted(data.labels[i] for i in train.indices))
print("train loader", [tuple(f.shape) for f, _ in DataLoader(train, batch_size=3)])

# Subsets and concatenation.
both = data + tds
print("concat", len(both), both[12][1], len(torch.utils.data.Subset(data, [1, 3, 5])))

# An iterable-style dataset.
class Stream(torch.utils.data.IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return self.n

stream = DataLoader(Stream(7), batch_size=3)
print("stream", [b.tolist() for b in stream], len(stream))
print("stream drop_last", [b.tolist() for b in DataLoader(Stream(7), batch_size=3, drop_last=True)])

# Worker processes (tl loads in-process, with the same batches in the same order).
print("workers", [b.tolist() for _, b in DataLoader(data, batch_size=4, num_workers=2)])

class Range(torch.utils.data.IterableDataset):
    def __init__(self, start, end):
        super().__init__()
        self.start = start
        self.end = end

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        if info is None:
            return iter(range(self.start, self.end))
        per_worker = -(-(self.end - self.start) // info.num_workers)
        first = self.start + info.id * per_worker
        return iter(range(first, min(first + per_worker, self.end)))

print("sharded", list(DataLoader(Range(3, 7), num_workers=0)), list(DataLoader(Range(3, 7), num_workers=2)))
print("duplicated", [b.tolist() for b in DataLoader(Stream(5), batch_size=2, num_workers=2)])
print("main process", torch.utils.data.get_worker_info())

class WhoLoads(Dataset):
    def __len__(self):
        return 7

    def __getitem__(self, i):
        info = torch.utils.data.get_worker_info()
        return info.id * 100 + i

print("loaded by", [b.tolist() for b in DataLoader(WhoLoads(), batch_size=2, num_workers=2)])

# Errors, caught and printed.
def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("mismatch", lambda: TensorDataset(torch.zeros(3), torch.zeros(4)))
attempt("base", lambda: Dataset()[0])
attempt("sum", lambda: random_split(data, [5, 4]))
attempt("fraction", lambda: random_split(data, [1.5, -0.5]))
attempt("batch_sampler", lambda: DataLoader(data, batch_size=4, batch_sampler=[[0, 1]]))
attempt("sampler", lambda: DataLoader(data, sampler=[0, 1], shuffle=True))
attempt("drop_last", lambda: DataLoader(data, batch_size=None, drop_last=True))
attempt("batch_size", lambda: DataLoader(data, batch_size=0))
attempt("workers", lambda: DataLoader(data, num_workers=-1))
attempt("persistent", lambda: DataLoader(data, persistent_workers=True))
attempt("iterable", lambda: DataLoader(Stream(3), shuffle=True))
attempt("sizes", lambda: collate([[1, 2], [3]]))
attempt("stack", lambda: collate([torch.zeros(2), torch.zeros(3)]))
attempt("none", lambda: collate([None, None]))
attempt("shuffle empty", lambda: DataLoader([], shuffle=True))
loader = DataLoader(data, batch_size=2)
def reassign():
    loader.batch_size = 3
attempt("frozen", reassign)
