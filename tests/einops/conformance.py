# The reference of tests/golden/einops/conformance.tl: the same cases with einops on
# PyTorch (run with ../shared/tools/oracle).
import math
import torch as t
from einops import rearrange, reduce, repeat, einsum, pack, unpack


def data(*shape):
    return t.arange(math.prod(shape), dtype=t.float32).reshape(shape)


def show(name, y):
    print(name, y.shape)
    print(y)


show("identity", rearrange(data(2, 3, 2, 2), "b h w c -> b h w c"))
show("transpose", rearrange(data(2, 3, 2, 1), "b h w c -> b w h c"))
show("compose batch and height", rearrange(data(2, 3, 2, 1), "b h w c -> (b h) w c"))
show("concatenate along width", rearrange(data(2, 2, 3, 1), "b h w c -> h (b w) c"))
show("flatten", rearrange(data(2, 2, 2, 3), "b c h w -> b (c h w)"))
show("space to depth", rearrange(data(1, 4, 4, 1), "b (h h1) (w w1) c -> b h w (c h1 w1)", h1=2, w1=2))
show("depth to space", rearrange(data(1, 2, 2, 4), "b h w (c h1 w1) -> b (h h1) (w w1) c", h1=2, w1=2))
show("split batch", rearrange(data(4, 2, 2, 1), "(b1 b2) h w c -> (b1 h) (b2 w) c", b1=2))
show("reverse order", rearrange(data(1, 2, 1, 3, 2), "a b c d e -> e d c b a"))
show("ellipsis identity", rearrange(data(2, 3), "... -> ..."))
show("ellipsis keeps the rest", rearrange(data(2, 3, 2), "a ... -> a ..."))
show("ellipsis last", rearrange(data(2, 3, 2), "... e -> e ..."))
show("ellipsis in the middle", rearrange(data(2, 2, 3), "a ... e -> e ... a"))
show("ellipsis composed", rearrange(data(2, 3, 2, 1, 2), "a ... c d -> a (...) c d"))
show("ellipsis moved", rearrange(data(2, 2, 2, 3), "b ... c -> b c ..."))
show("ellipsis with split", rearrange(data(2, 6), "... (c c2) -> ... c c2", c2=2))
show("unit axis added", rearrange(data(2, 3), "a b -> a b ()"))
show("unit axes by 1", rearrange(data(4), "a -> 1 a 1"))
show("unit axes removed", rearrange(data(1, 4, 1), "1 a 1 -> a"))
show("unit axis inside a group", rearrange(data(2, 3), "a b -> (a 1 b)"))
show("compose two groups", rearrange(data(2, 1, 2, 2, 1), "a b c d e -> (a b) (c d e)"))
show("split with one known", rearrange(data(12), "(h w) -> h w", w=4))
show("list input is stacked", rearrange([data(2, 2), data(2, 2) + 10, data(2, 2) + 20], "b h w -> h (b w)"))
show("zero length axis", rearrange(data(0, 3), "a b -> b a"))

show("mean over batch", reduce(data(2, 2, 2, 1), "b h w c -> h w c", "mean"))
show("min over two axes", reduce(data(2, 2, 2, 2), "b h w c -> h w", "min"))
show("max pool and concat", reduce(data(2, 4, 4, 1), "b (h h2) (w w2) c -> h (b w) c", "max", h2=2, w2=2))
show("max pool 2x2", reduce(data(1, 2, 4, 4), "b c (h 2) (w 2) -> b c h w", "max"))
show("keep unit axes", reduce(data(2, 2, 2, 3), "b h w c -> b () () c", "max"))
show("keep unit axes by 1", reduce(data(2, 2, 2, 3), "b h w c -> b 1 1 c", "sum"))
show("global average", reduce(data(2, 3, 2, 2), "b c h w -> b c", "mean"))
show("everything", reduce(data(2, 2, 2, 2), "b h w c -> ", "sum"))
show("ellipsis sum", reduce(data(2, 3, 2, 2), "... h w -> ...", "sum"))
show("anonymous reduced", reduce(data(2, 6) + 1, "a (b 2) -> a b", "prod"))
show("prod over two axes", reduce(data(2, 2, 3) / 4 + 1, "a b c -> a", "prod"))
show("any", reduce(data(3, 4) % 5 == 0, "a b -> a", "any"))
show("all", reduce(data(3, 4) < 9, "a b -> b", "all"))
show("sum of ints", reduce(t.arange(12).reshape(3, 4), "a b -> b", "sum"))
show("function: std", reduce(data(2, 2, 2, 3), "b c h w -> b c", t.std))
show("function: logsumexp", reduce(data(2, 4) / 4, "b (h 2) -> b h", t.logsumexp))


def second_moment(x, dims):
    return (x**2).mean(dims)


show("function: user defined", reduce(data(4, 3), "(a 2) b -> a", second_moment))
show("no axis reduced", reduce(data(2, 3), "a b -> b a", "mean"))

show("new axis", repeat(data(2, 2, 1), "h w c -> h new w c", new=3))
show("repeat along width", repeat(data(2, 2, 1), "h w c -> h (repeat w) c", repeat=2))
show("upsample", repeat(data(2, 2, 1), "h w c -> (h 2) (w 2) c"))
show("interleave", repeat(data(2, 2, 1), "h w c -> h (w repeat) c", repeat=2))
show("anonymous new axis", repeat(data(2), "b -> b 3"))
show("ellipsis repeat", repeat(data(2, 2), "a ... -> 2 a ..."))
show("unit to copies", repeat(data(3, 1), "a () -> a b", b=2))

show("matmul", einsum(data(2, 3), data(3, 2), "i j, j k -> i k"))
show("batched matmul", einsum(data(2, 2, 3), data(2, 3, 2), "b i j, b j k -> b i k"))
show("trace", einsum(data(3, 3), "i i ->"))
show("diagonal", einsum(data(3, 3), "i i -> i"))
show("batch diagonal", einsum(data(2, 2, 2), "b i i -> b i"))
show("three operands", einsum(data(2, 2, 2), data(2, 2, 2), data(2, 2, 2), "a b c, c b d, a g k -> a b k"))
show("ellipsis in matmul", einsum(data(3, 2), data(2, 2, 2), "out_dim in_dim, ... in_dim -> ... out_dim"))
show("filters", einsum(data(2, 2, 2), data(2, 2, 3), "batch h w, h w channel -> batch channel"))
show("outer", einsum(data(3), data(2), "i, j -> i j"))
show("transpose", einsum(data(2, 3), "i j -> j i"))
show("sum all", einsum(data(2, 3), "i j ->"))
show("batched dot", einsum(data(3, 2, 2), data(3, 2, 2), "b ..., b ... -> b"))
show("ellipsis summed", einsum(data(3, 2, 2), "... i j -> i j"))
show("broadcast unit axis", einsum(data(2, 1), data(1, 3), "i j, i j -> i j"))
show("ints", einsum(t.arange(6).reshape(2, 3), t.arange(3), "i j, j -> i"))

packed, shapes = pack([data(2, 3, 5), data(2, 3, 7, 5), data(2, 3, 7, 9, 5)], "i j * k")
print("pack", packed.shape, shapes)
pieces = unpack(packed, shapes, "i j * k")
print("unpack", [p.shape for p in pieces], all([(p == q).all() for p, q in zip(pieces, [data(2, 3, 5), data(2, 3, 7, 5), data(2, 3, 7, 9, 5)])]))
packed, shapes = pack([data(2, 3), data(2), data(2, 2, 2)], "b *")
show("pack batch", packed)
print(shapes)
pieces = unpack(packed, [[3], [], [2, -1]], "b *")
for p in pieces:
    show("unpack with -1", p)
