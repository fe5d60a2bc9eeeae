# The PyTorch twin of devices.tl (its first part; the rest needs tl's no-GPU fallback).
import torch
d = torch.device("cuda:0")
print(d, repr(d), d.type, d.index)
c = torch.device("cpu")
print(c, repr(c), c.type, c.index)
print(torch.device("cuda", 1), d == torch.device("cuda:0"), d == c)
for bad in ["gpu", "cuda:x"]:
    try:
        torch.device(bad)
    except RuntimeError as e:
        print(e)
x = torch.tensor([1.0, 2.0])
print(x.device, x.is_cuda, repr(x.device))
print(x.to("cpu", torch.float64), x.to(torch.zeros(1, dtype=torch.int32)))
print(x.to(device="cpu", dtype=torch.float16))
print(torch.zeros(2, device="cpu").device, torch.get_default_device())
