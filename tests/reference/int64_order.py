# Reference for tests/golden/tensors/int64_order.tl: PyTorch compares and accumulates
# integer tensors as integers.
import torch
big = 2**53
x = torch.tensor([big + 1, big, big + 3, big + 1])
print(x.sort())
print(x.sort(descending=True))
print(x.argsort())
# topk's order among ties is ATen's partial sort's, so these have none.
z = torch.tensor([big + 1, big, big + 3, big + 2])
print(z.topk(2))
print(z.topk(2, largest=False))
print(x.median())
print(x.median(0))
print(x.mode())
print(x.max(), x.min(), x.argmax(), x.argmin())
print(x.max(0))
print(x.min(dim=0))
print(torch.unique(torch.tensor([2**60 + 1, 2**60, 2**60 + 1])))
print(torch.unique(x, return_inverse=True, return_counts=True))
m = torch.tensor([[big + 1, big], [big, big + 1]])
print(m.max(1))
print(m.argmin(0))
print(torch.equal(torch.tensor([big + 1]), torch.tensor([big])))
print(torch.nan_to_num(torch.tensor([big + 1])))

print(torch.tensor([2**62, 2**62, 1]).cumsum(0))
print(torch.tensor([2**62, 4, 3]).cumprod(0))
print(torch.tensor([big + 1, 1]).cumsum(0))
print(torch.tensor([100, 100, 100], dtype=torch.uint8).cumprod(0))
print(torch.tensor([True, True, False]).cumsum(0))
print(torch.tensor([[1, 2], [3, 4]], dtype=torch.int8).cumsum(1))

y = torch.tensor([float("nan"), 1.0, float("nan"), 0.5])
print(y.sort())
print(y.argmax(), y.argmin(), y.max(0))
print(torch.unique(y))
print(y.median())
print(torch.arange(big, big + 3), torch.arange(big + 3, big, -2))
