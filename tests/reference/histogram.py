# Reference for tests/golden/plot/histogram.tl: torch.histogram and matplotlib's hist.
import torch
x = torch.tensor([1., 2, 1, 4, 2.5, 3])
print(torch.histogram(x, bins=4))
print(torch.histogram(x, bins=3, density=True))
print(torch.histogram(x, bins=4, range=(0., 2.)))
print(torch.histogram(torch.tensor([2., 2.]), bins=2))
print(torch.histogram(x, bins=torch.tensor([0., 1.5, 5.])))
print(torch.histogram(x, bins=2, weight=torch.tensor([1., 2, 3, 4, 5, 6])))
print(torch.histogram(x.double(), bins=2).hist.dtype)
for bad in [lambda: torch.histogram(torch.tensor([1, 2]), bins=2), lambda: torch.histogram(x, bins=0), lambda: torch.histogram(x, bins=2, range=(3., 1.))]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
# plt.hist([1, 2, 2, 3, 3, 3], bins=3) counts with numpy.histogram, in float64:
counts, edges = torch.histogram(torch.tensor([1, 2, 2, 3, 3, 3], dtype=torch.float64), bins=3)
print(counts, edges)
