# The reference of the einops half of examples/mlab_exercises.tl: the same solutions with
# einops on PyTorch (run with ../shared/tools/oracle). tl prints dtypes without `torch.`.
import torch as t
from einops import rearrange, reduce, repeat, einsum


def assert_all_equal(actual, expected):
    assert actual.shape == expected.shape, f"Shape mismatch, got: {actual.shape}"
    assert (actual == expected).all(), f"Value mismatch, got: {actual}"
    print("Passed!")


def assert_all_close(actual, expected, rtol=1e-05, atol=0.0001):
    assert actual.shape == expected.shape, f"Shape mismatch, got: {actual.shape}"
    assert t.allclose(actual, expected, rtol=rtol, atol=atol)
    print("Passed!")


def rearrange_1():
    return rearrange(t.arange(3, 9), "(h w) -> h w", h=3)
print(rearrange_1())
assert_all_equal(rearrange_1(), t.tensor([[3, 4], [5, 6], [7, 8]]))
def rearrange_2():
    return rearrange(t.arange(1, 7), "(h w) -> h w", h=2)
print(rearrange_2())
assert_all_equal(rearrange_2(), t.tensor([[1, 2, 3], [4, 5, 6]]))
def rearrange_3():
    return rearrange(t.arange(1, 7), "a -> 1 a 1")
print(rearrange_3())
assert_all_equal(rearrange_3(), t.tensor([[[1], [2], [3], [4], [5], [6]]]))

temps = t.tensor([71, 72, 70, 75, 71, 72, 70, 68, 65, 60, 68, 60, 55, 59, 75, 80, 85, 80, 78, 72, 83], dtype=t.float32)
def temperatures_average(temps):
    return reduce(temps, "(week 7) -> week", "mean")
print(temperatures_average(temps))
assert_all_close(temperatures_average(temps), t.tensor([71.5714, 62.1429, 79.0]))
def temperatures_differences(temps):
    return temps - repeat(temperatures_average(temps), "week -> (week 7)")
expected = t.tensor([-0.5714, 0.4286, -1.5714, 3.4286, -0.5714, 0.4286, -1.5714, 5.8571, 2.8571,
                   -2.1429, 5.8571, -2.1429, -7.1429, -3.1429, -4.0, 1.0, 6.0, 1.0, -1.0, -7.0, 4.0])
print(temperatures_differences(temps))
assert_all_close(temperatures_differences(temps), expected)
def temperatures_normalized(temps):
    weekly_std = reduce(temps, "(week 7) -> week", t.std)
    return temperatures_differences(temps) / repeat(weekly_std, "week -> (week 7)")
expected = t.tensor([-0.3326, 0.2494, -0.9146, 1.9954, -0.3326, 0.2494, -0.9146, 1.1839, 0.5775,
                   -0.4331, 1.1839, -0.4331, -1.4438, -0.6353, -0.8944, 0.2236, 1.3416, 0.2236,
                   -0.2236, -1.5652, 0.8944])
print(temperatures_normalized(temps))
assert_all_close(temperatures_normalized(temps), expected)
def batched_dot_product_nd(a, b):
    return einsum(a, b, "b ..., b ... -> b")
actual = batched_dot_product_nd(t.tensor([[1, 1, 0], [0, 0, 1]]), t.tensor([[1, 1, 0], [1, 1, 0]]))
print(actual)
assert_all_equal(actual, t.tensor([2, 0]))
actual2 = batched_dot_product_nd(t.arange(12).reshape((3, 2, 2)), t.arange(12).reshape((3, 2, 2)))
print(actual2)
assert_all_equal(actual2, t.tensor([14, 126, 366]))
def identity_matrix(n):
    return (rearrange(t.arange(n), "i -> i 1") == t.arange(n)).float()
print(identity_matrix(3))
assert_all_equal(identity_matrix(3), t.tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1]]))
print(identity_matrix(0))
assert_all_equal(identity_matrix(0), t.zeros((0, 0)))
def identity_matrix_bonus(n):
    return (repeat(t.arange(n), "i -> i j", j=n) == repeat(t.arange(n), "j -> i j", i=n)).long()
print(identity_matrix_bonus(4))
assert_all_equal(identity_matrix_bonus(3), t.tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1]]))
