# The reference of tests/golden/einops/views.tl.
import torch as t
from einops import rearrange, repeat, einsum


def shares(name, x, y):
    print(name, y.shape, y.data_ptr() == x.data_ptr(), y.is_contiguous())


x = t.arange(24.0).reshape(2, 3, 4)
shares("transpose", x, rearrange(x, "a b c -> c b a"))
shares("merge trailing", x, rearrange(x, "a b c -> a (b c)"))
shares("split", x, rearrange(x, "a b (c d) -> a b c d", d=2))
shares("permute then merge", x, rearrange(x, "a b c -> a (c b)"))
shares("unit axes", x, rearrange(x, "a b c -> a 1 b c ()"))
shares("ellipsis", x, rearrange(x, "a ... -> ... a"))
shares("new axis", x, repeat(x, "a b c -> a b c d", d=5))
shares("repeat merged", x, repeat(x, "a b c -> a b (c d)", d=2))
shares("einsum transpose", x, einsum(x, "a b c -> c a b"))
view = rearrange(x, "a b c -> c b a")
copied = rearrange(x, "a b c -> a (c b)")
x[0, 0, 0] = 100.0
print(view[0, 0, 0], copied[0, 0])
