# The einops benchmarks of issue 5 with einops on PyTorch: the same work as
# benches/einops_forms.tl, printed the same way.

import torch
from timing import bench
from einops import einsum, rearrange, reduce


x = torch.rand(32, 64, 128, 128)


def views():
    for _ in range(10000):
        rearrange(x, "b c h w -> b h w c")


bench("rearrange_view_32x64x128x128", views, 10000)
assert rearrange(x, "b c h w -> b h w c").data_ptr() == x.data_ptr()
bench("reduce_maxpool_32x64x128x128", lambda: reduce(x, "b c (h 2) (w 2) -> b c h w", "max"), 1)
bench("rearrange_copy_32x64x128x128", lambda: rearrange(x, "b c h w -> b (h w c)"), 1)
a = torch.rand(64, 128, 256)
b = torch.rand(64, 256, 128)
bench("einsum_bmm_64x128x256", lambda: einsum(a, b, "b i j, b j k -> b i k"), 1)
