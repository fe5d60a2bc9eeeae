# The reference of tests/golden/einops/runtime_errors.tl: each case fails in einops too.
import torch as t
from einops import rearrange, reduce, repeat, einsum, pack, unpack


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ": " + str(e).strip().split("\n")[-1].strip())


o = t.ones
check(lambda: rearrange(o(2, 3, 4), "a b -> b a"))
check(lambda: rearrange(o(2), "a b ... -> b a ..."))
check(lambda: rearrange(o(10), "(h w) -> h w", h=3))
check(lambda: rearrange(o(12), "(h w) -> h w", h=3, w=5))
check(lambda: rearrange(o(2, 3), "a b -> b a", b=4))
check(lambda: rearrange(o(2, 3), "a b -> b a", c=2))
check(lambda: rearrange(o(12), "(h w) -> h w"))
check(lambda: repeat(o(2), "a -> a b"))
check(lambda: reduce(t.arange(6).reshape(2, 3), "a b -> a", "mean"))
check(lambda: reduce(o(2, 3), "a b -> a", 5 + 1))
check(lambda: rearrange([1, 2], "a -> a"))
check(lambda: rearrange([], "a -> a"))
check(lambda: einsum(o(2, 3), "i j, j k -> i k"))
check(lambda: einsum(o(2, 3), o(4, 5), "i j, j k -> i k"))
check(lambda: einsum(o(2, 3), "i j k -> i"))
check(lambda: einsum(o(2, 3), "i i -> i"))
check(lambda: einsum(t.arange(3), o(3), "i, i ->"))
check(lambda: pack([o(2)], "a b *"))
check(lambda: unpack(o(2, 5), [[2], [2]], "b *"))
check(lambda: unpack(o(2, 5), [[-1], [-1]], "b *"))
check(lambda: unpack(o(2, 5, 1), [[5]], "b *"))
