//! Elementwise functions of two or three operands (`add`, `where`, `clamp`, `lerp`,
//! `addcmul`, ...), the products (`matmul`, `mm`, `dot`, ...), and the in-place method forms
//! (`x.add_(y)`, `x.zero_()`), which compute out of place and write the result back.

use super::args::{arg, number_of, tensor_arg};
use super::convert::operand;
use super::error_at;
use crate::autograd::ops::pointwise::{self, Pointwise};
use crate::autograd::ops::{binary, linalg, shape, BinaryOp, Operand};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::syntax::span::Span;
use crate::tensor::ops::shape::Written;
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorResult};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Add, interp, args),
        "add(input, other, *, alpha=1, out=None) -> Tensor

The elementwise sum `input + alpha * other`, broadcasting the operands and promoting their dtypes.

Args:
    input: a tensor or a number
    other: a tensor or a number to add
    alpha: a number that `other` is multiplied by first (an int for integer operands)
    out: a tensor the result is written into
Returns: a tensor
Example: add(tensor([1., 2.]), tensor([10., 20.]), alpha=2)  # tensor([21., 42.])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Sub, interp, args),
        "sub(input, other, *, alpha=1, out=None) -> Tensor

The elementwise difference `input - alpha * other`, broadcasting the operands and promoting their dtypes.

Args:
    input: a tensor or a number
    other: a tensor or a number to subtract
    alpha: a number that `other` is multiplied by first (an int for integer operands)
    out: a tensor the result is written into
Returns: a tensor
Example: sub(tensor([5, 7]), tensor([1, 2]), alpha=2)  # tensor([3, 3])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Sub, interp, args),
        "subtract(input, other, *, alpha=1, out=None) -> Tensor

Another name for `sub`: `input - alpha * other`, elementwise with broadcasting.

Args:
    input: a tensor or a number
    other: a tensor or a number to subtract
    alpha: a number that `other` is multiplied by first (an int for integer operands)
    out: a tensor the result is written into
Returns: a tensor
Example: tensor([5., 7.]).subtract(1.5)  # tensor([3.5000, 5.5000])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Mul, interp, args),
        "mul(input, other, *, out=None) -> Tensor

The elementwise product of two operands, broadcast together, in their promoted dtype.

Args:
    input: a tensor or a number
    other: a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: mul(tensor([1, 2, 3]), 2)  # tensor([2, 4, 6])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Mul, interp, args),
        "multiply(input, other, *, out=None) -> Tensor

Another name for `mul`: the elementwise product, with broadcasting.

Args:
    input: a tensor or a number
    other: a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: tensor([1., 2.]).multiply(tensor([3., 4.]))  # tensor([3., 8.])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Div, interp, args),
        "div(input, other, *, rounding_mode=None, out=None) -> Tensor

Elementwise division of `input` by `other`: true division (a float result even for integers), or rounded toward zero or down.

Args:
    input: the dividend, a tensor or a number
    other: the divisor, a tensor or a number
    rounding_mode: `None` (true division), `'trunc'` (toward zero) or `'floor'` (down)
    out: a tensor the result is written into
Returns: a tensor
Example: div(tensor([7, -7]), 2, rounding_mode='trunc')  # tensor([ 3, -3])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Div, interp, args),
        "divide(input, other, *, rounding_mode=None, out=None) -> Tensor

Another name for `div`: elementwise division, true or rounded.

Args:
    input: the dividend, a tensor or a number
    other: the divisor, a tensor or a number
    rounding_mode: `None` (true division), `'trunc'` (toward zero) or `'floor'` (down)
    out: a tensor the result is written into
Returns: a tensor
Example: divide(tensor([7., -7.]), 2, rounding_mode='floor')  # tensor([ 3., -4.])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Div, interp, args),
        "true_divide(input, other, *, out=None) -> Tensor

Elementwise true division, which gives floats even for integer operands (`div` without a rounding mode).

Args:
    input: the dividend, a tensor or a number
    other: the divisor, a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: true_divide(tensor([1, 2]), 4)  # tensor([0.2500, 0.5000])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::FloorDiv, interp, args),
        "floor_divide(input, other, *, out=None) -> Tensor

Elementwise division rounded down to a whole number, in the operands' promoted dtype.

Args:
    input: the dividend, a tensor or a number
    other: the divisor, a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: floor_divide(tensor([7, -7]), 2)  # tensor([ 3, -4])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Remainder, interp, args),
        "remainder(input, other, *, out=None) -> Tensor

The elementwise remainder of `input / other` with the sign of `other`, as Python's `%` gives it.

Args:
    input: the dividend, a tensor or a number
    other: the divisor, a tensor or a number
    out: a tensor the result is written into
Returns: a tensor
Example: remainder(tensor([7, -7]), 3)  # tensor([1, 2])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Eq, interp, args),
        "eq(input, other, *, out=None) -> Tensor

Whether each element of `input` is equal to the matching element of `other` (broadcast), as a bool tensor.

Args:
    input: a tensor or a number
    other: a tensor or a number to compare with
    out: a tensor the result is written into
Returns: a bool tensor
Example: eq(tensor([1, 2, 3]), 2)  # tensor([False,  True, False])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Ne, interp, args),
        "ne(input, other, *, out=None) -> Tensor

Whether each element of `input` is not equal to the matching element of `other` (broadcast), as a bool tensor.

Args:
    input: a tensor or a number
    other: a tensor or a number to compare with
    out: a tensor the result is written into
Returns: a bool tensor
Example: tensor([1, 2, 3]).ne(2)  # tensor([ True, False,  True])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Lt, interp, args),
        "lt(input, other, *, out=None) -> Tensor

Whether each element of `input` is less than the matching element of `other` (broadcast), as a bool tensor.

Args:
    input: a tensor or a number
    other: a tensor or a number to compare with
    out: a tensor the result is written into
Returns: a bool tensor
Example: lt(tensor([1, 2, 3]), 2)  # tensor([ True, False, False])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Le, interp, args),
        "le(input, other, *, out=None) -> Tensor

Whether each element of `input` is less than or equal to the matching element of `other` (broadcast), as a bool tensor.

Args:
    input: a tensor or a number
    other: a tensor or a number to compare with
    out: a tensor the result is written into
Returns: a bool tensor
Example: le(tensor([1, 2, 3]), 2)  # tensor([ True,  True, False])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Gt, interp, args),
        "gt(input, other, *, out=None) -> Tensor

Whether each element of `input` is greater than the matching element of `other` (broadcast), as a bool tensor.

Args:
    input: a tensor or a number
    other: a tensor or a number to compare with
    out: a tensor the result is written into
Returns: a bool tensor
Example: gt(tensor([1, 2, 3]), 2)  # tensor([False, False,  True])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::Ge, interp, args),
        "ge(input, other, *, out=None) -> Tensor

Whether each element of `input` is greater than or equal to the matching element of `other` (broadcast), as a bool tensor.

Args:
    input: a tensor or a number
    other: a tensor or a number to compare with
    out: a tensor the result is written into
Returns: a bool tensor
Example: tensor([1., 2., 3.]).ge(tensor([2., 2., 2.]))  # tensor([False,  True,  True])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::LogicalAnd, interp, args),
        "logical_and(input, other, *, out=None) -> Tensor

Elementwise truth of \"both operands are nonzero\", broadcasting the two; any dtype, a bool result.

Args:
    input: a tensor or a number
    other: a tensor or a number
    out: a tensor the result is written into
Returns: a bool tensor
Example: logical_and(tensor([true, true, false]), tensor([true, false, false]))  # tensor([ True, False, False])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::LogicalOr, interp, args),
        "logical_or(input, other, *, out=None) -> Tensor

Elementwise truth of \"either operand is nonzero\", broadcasting the two; any dtype, a bool result.

Args:
    input: a tensor or a number
    other: a tensor or a number
    out: a tensor the result is written into
Returns: a bool tensor
Example: logical_or(tensor([1, 0, 0]), tensor([0, 0, 2]))  # tensor([ True, False,  True])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::LogicalXor, interp, args),
        "logical_xor(input, other, *, out=None) -> Tensor

Elementwise truth of \"exactly one operand is nonzero\", broadcasting the two; any dtype, a bool result.

Args:
    input: a tensor or a number
    other: a tensor or a number
    out: a tensor the result is written into
Returns: a bool tensor
Example: tensor([true, false]).logical_xor(tensor([true, true]))  # tensor([False,  True])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::BitAnd, interp, args),
        "bitwise_and(input, other, *, out=None) -> Tensor

The bitwise AND of integer or bool operands, elementwise with broadcasting (logical for bools).

Args:
    input: an integer or bool tensor, or such a number
    other: an integer or bool tensor, or such a number
    out: a tensor the result is written into
Returns: a tensor
Example: bitwise_and(tensor([12, 10]), tensor([10, 6]))  # tensor([8, 2])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::BitOr, interp, args),
        "bitwise_or(input, other, *, out=None) -> Tensor

The bitwise OR of integer or bool operands, elementwise with broadcasting (logical for bools).

Args:
    input: an integer or bool tensor, or such a number
    other: an integer or bool tensor, or such a number
    out: a tensor the result is written into
Returns: a tensor
Example: bitwise_or(tensor([12, 10]), 3)  # tensor([15, 11])",
    ),
    Builtin::both(
        |interp, args| arithmetic(BinaryOp::BitXor, interp, args),
        "bitwise_xor(input, other, *, out=None) -> Tensor

The bitwise XOR of integer or bool operands, elementwise with broadcasting (logical for bools).

Args:
    input: an integer or bool tensor, or such a number
    other: an integer or bool tensor, or such a number
    out: a tensor the result is written into
Returns: a tensor
Example: tensor([true, false]).bitwise_xor(tensor([true, true]))  # tensor([False,  True])",
    ),
    Builtin::both(
        where_,
        "where(condition: Tensor, input, other, *, out=None) -> Tensor

Picks elementwise from `input` where `condition` holds and from `other` elsewhere, broadcasting all three. As a method, `x.where(c, y)` is `where(c, x, y)`.

Args:
    condition: a bool (or nonzero-tested) tensor
    input: a tensor or number chosen where `condition` holds
    other: a tensor or number chosen elsewhere
    out: a tensor the result is written into
Returns: a tensor
Example: where(tensor([true, false]), tensor([1., 2.]), tensor([10., 20.]))  # tensor([ 1., 20.])",
    ),
    Builtin::both(
        |interp, args| clamp(Pointwise::Clamp, interp, args),
        "clamp(input: Tensor, min=None, max=None, *, out=None) -> Tensor

Limits each element to lie between `min` and `max` (at least one given); where `min > max` every element becomes `max`. Differentiable with PyTorch's gradient (see Autograd).

Args:
    input: the tensor to limit
    min: the lower bound, a number or a tensor (broadcast), or `None`
    max: the upper bound, a number or a tensor (broadcast), or `None`
    out: a tensor the result is written into
Returns: a tensor
Example: clamp(tensor([-2., 0.5, 3.]), min=-1, max=1)  # tensor([-1.0000,  0.5000,  1.0000])",
    ),
    Builtin::both(
        |interp, args| clamp(Pointwise::Clamp, interp, args),
        "clip(input: Tensor, min=None, max=None, *, out=None) -> Tensor

Another name for `clamp`: each element limited to `[min, max]`.

Args:
    input: the tensor to limit
    min: the lower bound, a number or a tensor (broadcast), or `None`
    max: the upper bound, a number or a tensor (broadcast), or `None`
    out: a tensor the result is written into
Returns: a tensor
Example: tensor([1, 5, 9]).clip(2, 6)  # tensor([2, 5, 6])",
    ),
    Builtin::both(
        |interp, args| clamp(Pointwise::ClampMin, interp, args),
        "clamp_min(input: Tensor, min, *, out=None) -> Tensor

Limits each element from below: `clamp(input, min=min)`, with its own gradient node.

Args:
    input: the tensor to limit
    min: the lower bound, a number or a tensor (broadcast)
    out: a tensor the result is written into
Returns: a tensor
Example: clamp_min(tensor([-2., 0.5]), 0)  # tensor([0.0000, 0.5000])",
    ),
    Builtin::both(
        |interp, args| clamp(Pointwise::ClampMax, interp, args),
        "clamp_max(input: Tensor, max, *, out=None) -> Tensor

Limits each element from above: `clamp(input, max=max)`, with its own gradient node.

Args:
    input: the tensor to limit
    max: the upper bound, a number or a tensor (broadcast)
    out: a tensor the result is written into
Returns: a tensor
Example: tensor([-2., 0.5]).clamp_max(0)  # tensor([-2.,  0.])",
    ),
    Builtin::both(
        lerp,
        "lerp(input: Tensor, end: Tensor, weight, *, out=None) -> Tensor

Linear interpolation from `input` toward `end`: `input + weight * (end - input)`, computed with one rounding as PyTorch's kernel does; `end` (and a `weight` tensor) must have `input`'s float dtype.

Args:
    input: the start points, a float tensor
    end: the end points, a tensor of the same dtype
    weight: a number or a tensor (broadcast): 0 gives `input`, 1 gives `end`
    out: a tensor the result is written into
Returns: a tensor
Example: lerp(tensor([0., 10.]), tensor([1., 20.]), 0.25)  # tensor([ 0.2500, 12.5000])",
    ),
    Builtin::both(
        |interp, args| addc(false, interp, args),
        "addcmul(input: Tensor, tensor1: Tensor, tensor2: Tensor, *, value=1, out=None) -> Tensor

`input + value * tensor1 * tensor2`, elementwise with broadcasting, as one operation with its own gradient node.

Args:
    input: the tensor added to
    tensor1: the first factor
    tensor2: the second factor
    value: a number the product is scaled by (cast to the result's dtype)
    out: a tensor the result is written into
Returns: a tensor
Example: addcmul(tensor([1., 1.]), tensor([2., 3.]), tensor([4., 5.]), value=0.5)  # tensor([5.0000, 8.5000])",
    ),
    Builtin::both(
        |interp, args| addc(true, interp, args),
        "addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, *, value=1, out=None) -> Tensor

`input + value * tensor1 / tensor2`, elementwise with broadcasting, as one operation with its own gradient node; integer `tensor1` and `tensor2` are refused.

Args:
    input: the tensor added to
    tensor1: the numerator
    tensor2: the denominator
    value: a number the quotient is scaled by
    out: a tensor the result is written into
Returns: a tensor
Example: addcdiv(tensor([1., 1.]), tensor([2., 3.]), tensor([4., 6.]), value=2)  # tensor([2., 2.])",
    ),
    Builtin::both(
        nan_to_num,
        "nan_to_num(input: Tensor, nan=0.0, posinf=None, neginf=None, *, out=None) -> Tensor

Replaces NaN, positive and negative infinity with finite numbers: by default 0 and the dtype's largest and lowest finite values. Integer and bool tensors come back unchanged.

Args:
    input: the tensor
    nan: the number NaN becomes
    posinf: the number +inf becomes; `None`: the dtype's largest finite value
    neginf: the number -inf becomes; `None`: the dtype's lowest finite value
    out: a tensor the result is written into
Returns: a tensor
Example: nan_to_num(tensor([nan, inf, -inf, 1.5]), posinf=9.0)  # tensor([ 0.0000e+00,  9.0000e+00, -3.4028e+38,  1.5000e+00])",
    ),
    Builtin::both(
        |interp, args| matmul(Product::Matmul, interp, args),
        "matmul(input: Tensor, other: Tensor, *, out=None) -> Tensor

The matrix product with PyTorch's rules for every rank: dot for two vectors, matrix-vector, and batched products that broadcast the batch dims.

Args:
    input: a tensor with at least one dim
    other: a tensor with at least one dim
    out: a tensor the result is written into
Returns: a tensor
Example: matmul(tensor([[1., 2.], [3., 4.]]), tensor([1., 1.]))  # tensor([3., 7.])",
    ),
    Builtin::both(
        |interp, args| matmul(Product::Checked { op: "mm", second: "mat2", ranks: (2, 2) }, interp, args),
        "mm(input: Tensor, mat2: Tensor, *, out=None) -> Tensor

The product of two matrices (2-D tensors only, no broadcasting).

Args:
    input: an (n, m) matrix
    mat2: an (m, p) matrix
    out: a tensor the result is written into
Returns: a tensor
Example: mm(tensor([[1., 2.]]), tensor([[3.], [4.]]))  # tensor([[11.]])",
    ),
    Builtin::both(
        |interp, args| matmul(Product::Checked { op: "bmm", second: "mat2", ranks: (3, 3) }, interp, args),
        "bmm(input: Tensor, mat2: Tensor, *, out=None) -> Tensor

The batched product of two stacks of matrices (3-D tensors with the same batch size, no broadcasting).

Args:
    input: a (b, n, m) tensor
    mat2: a (b, m, p) tensor
    out: a tensor the result is written into
Returns: a tensor
Example: bmm(ones(2, 1, 3), ones(2, 3, 1)).shape  # torch.Size([2, 1, 1])",
    ),
    Builtin::both(
        |interp, args| matmul(Product::Checked { op: "mv", second: "vec", ranks: (2, 1) }, interp, args),
        "mv(input: Tensor, vec: Tensor, *, out=None) -> Tensor

The product of a matrix and a vector.

Args:
    input: an (n, m) matrix
    vec: a vector of length m
    out: a tensor the result is written into
Returns: a tensor
Example: mv(tensor([[1., 2.], [3., 4.]]), tensor([1., -1.]))  # tensor([-1., -1.])",
    ),
    Builtin::both(
        |interp, args| matmul(Product::Checked { op: "dot", second: "tensor", ranks: (1, 1) }, interp, args),
        "dot(input: Tensor, tensor: Tensor, *, out=None) -> Tensor

The dot product of two vectors of the same length and dtype.

Args:
    input: a 1-D tensor
    tensor: a 1-D tensor
    out: a tensor the result is written into
Returns: a tensor
Example: dot(tensor([1, 2, 3]), tensor([4, 5, 6]))  # tensor(32)",
    ),
    Builtin::both(
        |interp, args| matmul(Product::Checked { op: "dot", second: "other", ranks: (1, 1) }, interp, args),
        "inner(input: Tensor, other: Tensor, *, out=None) -> Tensor

The inner product of two vectors (the sum of their elementwise products).

Args:
    input: a 1-D tensor
    other: a 1-D tensor
    out: a tensor the result is written into
Returns: a tensor
Example: tensor([1., 2.]).inner(tensor([3., 4.]))  # tensor(11.)",
    ),
    Builtin::both(
        outer,
        "outer(input: Tensor, vec2: Tensor, *, out=None) -> Tensor

The outer product of two vectors: the matrix of every product `input[i] * vec2[j]`.

Args:
    input: a 1-D tensor
    vec2: a 1-D tensor
    out: a tensor the result is written into
Returns: a tensor
Example: outer(tensor([1, 2]), tensor([3, 4, 5])).tolist()  # [[3, 4, 5], [6, 8, 10]]",
    ),
    Builtin::both(
        addmm,
        "addmm(input: Tensor, mat1: Tensor, mat2: Tensor, *, beta=1, alpha=1, out=None) -> Tensor

`beta * input + alpha * (mat1 @ mat2)` as one operation (its node is PyTorch's
`AddmmBackward0`): a bias broadcast over a product of matrices, as `nn.Linear` computes.

Args:
    input: a tensor broadcastable to the product's shape (such as a bias row)
    mat1: an (n, m) matrix
    mat2: an (m, p) matrix
    beta: the factor of input
    alpha: the factor of the product
    out: a tensor the result is written into
Returns: an (n, p) tensor
Example: addmm(tensor([1., 2.]), ones(3, 2), eye(2)).tolist()  # [[2.0, 3.0], [2.0, 3.0], [2.0, 3.0]]",
    ),
    Builtin::both(
        equal,
        "equal(input: Tensor, other: Tensor) -> bool

Whether two tensors have the same shape and the same values (a Python bool; no broadcasting).

Args:
    input: a tensor
    other: a tensor
Returns: a bool
Example: equal(tensor([1, 2]), tensor([1., 2.]))  # True",
    ),
    Builtin::both(
        allclose,
        "allclose(input: Tensor, other: Tensor, rtol=1e-05, atol=1e-08, equal_nan=False) -> bool

Whether every element of `input` is within `atol + rtol * abs(other)` of the matching element of `other` (broadcast together).

Args:
    input: a tensor
    other: a tensor
    rtol: the relative tolerance
    atol: the absolute tolerance
    equal_nan: whether NaN counts as close to NaN
Returns: a bool
Example: allclose(tensor([1.0, 2.0]), tensor([1.0, 2.000001]))  # True",
    ),
];

/// `x.op_(...)`: the method `op`, written back into `x`.
pub static IN_PLACE: &[Builtin] = &[
    Builtin::method(
        in_place,
        "add_(self, other, *, alpha=1) -> Tensor

Adds `alpha * other` into the tensor, in place.

Args:
    self: the tensor written into
    other: a tensor or number (broadcast to `self`'s shape)
    alpha: a number `other` is multiplied by first
Returns: `self`
Example: tensor([1., 2.]).add_(1)  # tensor([2., 3.])",
    ),
    Builtin::method(
        in_place,
        "sub_(self, other, *, alpha=1) -> Tensor

Subtracts `alpha * other` from the tensor, in place.

Args:
    self: the tensor written into
    other: a tensor or number (broadcast to `self`'s shape)
    alpha: a number `other` is multiplied by first
Returns: `self`
Example: tensor([1., 2.]).sub_(tensor([1., 1.]), alpha=2)  # tensor([-1.,  0.])",
    ),
    Builtin::method(
        in_place,
        "mul_(self, other) -> Tensor

Multiplies the tensor by `other`, in place.

Args:
    self: the tensor written into
    other: a tensor or number (broadcast to `self`'s shape)
Returns: `self`
Example: tensor([1., 2.]).mul_(3)  # tensor([3., 6.])",
    ),
    Builtin::method(
        in_place,
        "div_(self, other, *, rounding_mode=None) -> Tensor

Divides the tensor by `other`, in place (the result must fit `self`'s dtype).

Args:
    self: the tensor written into
    other: a tensor or number (broadcast to `self`'s shape)
    rounding_mode: `None`, `'trunc'` or `'floor'`, as for `div`
Returns: `self`
Example: tensor([3., 5.]).div_(2)  # tensor([1.5000, 2.5000])",
    ),
    Builtin::method(
        in_place,
        "pow_(self, exponent) -> Tensor

Raises each element to `exponent`, in place.

Args:
    self: the tensor written into
    exponent: a tensor or number
Returns: `self`
Example: tensor([2., 3.]).pow_(2)  # tensor([4., 9.])",
    ),
    Builtin::method(
        in_place,
        "remainder_(self, other) -> Tensor

Replaces each element by its remainder modulo `other` (the sign of `other`), in place.

Args:
    self: the tensor written into
    other: a tensor or number
Returns: `self`
Example: tensor([7, -7]).remainder_(3)  # tensor([1, 2])",
    ),
    Builtin::method(
        in_place,
        "clamp_(self, min=None, max=None) -> Tensor

Limits each element to `[min, max]`, in place.

Args:
    self: the tensor written into
    min: the lower bound, a number or tensor, or `None`
    max: the upper bound, a number or tensor, or `None`
Returns: `self`
Example: tensor([-2., 0.5, 3.]).clamp_(-1, 1)  # tensor([-1.0000,  0.5000,  1.0000])",
    ),
    Builtin::method(
        in_place,
        "clip_(self, min=None, max=None) -> Tensor

Another name for `clamp_`: each element limited to `[min, max]`, in place.

Args:
    self: the tensor written into
    min: the lower bound, a number or tensor, or `None`
    max: the upper bound, a number or tensor, or `None`
Returns: `self`
Example: tensor([1, 5, 9]).clip_(max=6)  # tensor([1, 5, 6])",
    ),
    Builtin::method(
        in_place,
        "neg_(self) -> Tensor

Negates each element, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([1., -2.]).neg_()  # tensor([-1.,  2.])",
    ),
    Builtin::method(
        in_place,
        "abs_(self) -> Tensor

Replaces each element by its absolute value, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([1., -2.]).abs_()  # tensor([1., 2.])",
    ),
    Builtin::method(
        in_place,
        "exp_(self) -> Tensor

Replaces each element `x` by `e**x`, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([0.]).exp_()  # tensor([1.])",
    ),
    Builtin::method(
        in_place,
        "log_(self) -> Tensor

Replaces each element by its natural logarithm, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([1.]).log_()  # tensor([0.])",
    ),
    Builtin::method(
        in_place,
        "sqrt_(self) -> Tensor

Replaces each element by its square root, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([4., 9.]).sqrt_()  # tensor([2., 3.])",
    ),
    Builtin::method(
        in_place,
        "sigmoid_(self) -> Tensor

Replaces each element `x` by `1 / (1 + e**-x)`, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([0.]).sigmoid_()  # tensor([0.5000])",
    ),
    Builtin::method(
        in_place,
        "relu_(self) -> Tensor

Replaces each negative element by zero, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([-1., 2.]).relu_()  # tensor([0., 2.])",
    ),
    Builtin::method(
        in_place,
        "tanh_(self) -> Tensor

Replaces each element by its hyperbolic tangent, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([0.]).tanh_()  # tensor([0.])",
    ),
    Builtin::method(
        in_place,
        "floor_(self) -> Tensor

Rounds each element down, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([1.5, -1.5]).floor_()  # tensor([ 1., -2.])",
    ),
    Builtin::method(
        in_place,
        "ceil_(self) -> Tensor

Rounds each element up, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([1.5, -1.5]).ceil_()  # tensor([ 2., -1.])",
    ),
    Builtin::method(
        in_place,
        "round_(self, *, decimals=0) -> Tensor

Rounds each element to `decimals` decimal places (halves to even), in place.

Args:
    self: the tensor written into
    decimals: how many decimal places to keep (negative: tens, hundreds...)
Returns: `self`
Example: tensor([1.25, 2.5]).round_(decimals=1)  # tensor([1.2000, 2.5000])",
    ),
    Builtin::method(
        in_place,
        "lerp_(self, end, weight) -> Tensor

Moves the tensor toward `end` by `weight` (`self + weight * (end - self)`), in place.

Args:
    self: the tensor written into
    end: a tensor of `self`'s dtype
    weight: a number or tensor
Returns: `self`
Example: tensor([0., 10.]).lerp_(tensor([1., 20.]), 0.5)  # tensor([ 0.5000, 15.0000])",
    ),
    Builtin::method(
        in_place,
        "addcmul_(self, tensor1, tensor2, *, value=1) -> Tensor

Adds `value * tensor1 * tensor2` into the tensor, in place.

Args:
    self: the tensor written into
    tensor1: the first factor
    tensor2: the second factor
    value: a number the product is scaled by
Returns: `self`
Example: tensor([1., 1.]).addcmul_(tensor([2., 3.]), tensor([4., 5.]))  # tensor([ 9., 16.])",
    ),
    Builtin::method(
        in_place,
        "addcdiv_(self, tensor1, tensor2, *, value=1) -> Tensor

Adds `value * tensor1 / tensor2` into the tensor, in place.

Args:
    self: the tensor written into
    tensor1: the numerator
    tensor2: the denominator
    value: a number the quotient is scaled by
Returns: `self`
Example: tensor([1., 1.]).addcdiv_(tensor([2., 3.]), tensor([4., 6.]), value=-1)  # tensor([0.5000, 0.5000])",
    ),
    Builtin::method(
        in_place,
        "copy_(self, other, non_blocking=False) -> Tensor

Copies the elements of `other` (broadcast, cast to `self`'s dtype, from any device) into the tensor.

Args:
    self: the tensor written into
    other: the tensor copied from
    non_blocking: accepted for PyTorch's sake; every copy has finished when `copy_` returns
Returns: `self`
Example: zeros(3).copy_(tensor([1, 2, 3]))  # tensor([1., 2., 3.])",
    ),
    Builtin::method(
        in_place,
        "zero_(self) -> Tensor

Sets every element to zero.

Args:
    self: the tensor written into
Returns: `self`
Example: ones(2).zero_()  # tensor([0., 0.])",
    ),
    Builtin::method(
        in_place,
        "fill_(self, value) -> Tensor

Sets every element to `value` (a number, or a 0-d tensor).

Args:
    self: the tensor written into
    value: a number or a 0-d tensor
Returns: `self`
Example: zeros(2, dtype=int64).fill_(7)  # tensor([7, 7])",
    ),
    Builtin::method(
        in_place,
        "scatter_(self, dim, index, src=None, *, value=None) -> Tensor

Writes `src` (or the number `value`) into the tensor at the positions `index` gives along `dim`, in place.

Args:
    self: the tensor written into
    dim: the dim `index` indexes
    index: an int64 tensor of positions
    src: a tensor (or number) of the values written
    value: a number written at every indexed position, instead of `src`
Returns: `self`
Example: zeros(3).scatter_(0, tensor([2, 0]), tensor([5., 6.]))  # tensor([6., 0., 5.])",
    ),
    Builtin::method(
        in_place,
        "scatter_add_(self, dim, index, src) -> Tensor

Adds the elements of `src` into the tensor at the positions `index` gives along `dim` (repeats add up), in place.

Args:
    self: the tensor written into
    dim: the dim `index` indexes
    index: an int64 tensor of positions
    src: a tensor of the values added
Returns: `self`
Example: zeros(2).scatter_add_(0, tensor([1, 1, 0]), tensor([1., 2., 3.]))  # tensor([3., 3.])",
    ),
    Builtin::method(
        in_place,
        "index_add_(self, dim, index, source, *, alpha=1) -> Tensor

Adds `alpha` times the slices of `source` into the slices of the tensor that `index` names along `dim`, in place.

Args:
    self: the tensor written into
    dim: the dim along which slices are added
    index: an int64 vector, one entry per slice of `source`
    source: the slices added
    alpha: a number `source` is multiplied by
Returns: `self`
Example: zeros(3).index_add_(0, tensor([0, 2]), tensor([1., 2.]), alpha=10)  # tensor([10.,  0., 20.])",
    ),
    Builtin::method(
        in_place,
        "masked_fill_(self, mask, value) -> Tensor

Sets the elements where `mask` is true (broadcast) to `value`, in place.

Args:
    self: the tensor written into
    mask: a bool tensor
    value: a number or a 0-d tensor
Returns: `self`
Example: zeros(3).masked_fill_(tensor([true, false, true]), 1.5)  # tensor([1.5000, 0.0000, 1.5000])",
    ),
    Builtin::method(
        in_place,
        "put_(self, index, source, accumulate=False) -> Tensor

Writes (or adds) the elements of `source` at the flat positions `index`, as if the tensor were one-dimensional, in place.

Args:
    self: the tensor written into
    index: an int64 tensor of flat positions
    source: a tensor with as many elements as `index`
    accumulate: whether to add to the elements instead of replacing them
Returns: `self`
Example: zeros(2, 2).put_(tensor([0, 3]), tensor([1., 2.])).tolist()  # [[1.0, 0.0], [0.0, 2.0]]",
    ),
    Builtin::method(
        in_place,
        "square_(self) -> Tensor

Squares each element, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([2., -3.]).square_()  # tensor([4., 9.])",
    ),
    Builtin::method(
        in_place,
        "sin_(self) -> Tensor

Replaces each element by its sine, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([0.]).sin_()  # tensor([0.])",
    ),
    Builtin::method(
        in_place,
        "cos_(self) -> Tensor

Replaces each element by its cosine, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([0.]).cos_()  # tensor([1.])",
    ),
    Builtin::method(
        in_place,
        "trunc_(self) -> Tensor

Rounds each element toward zero, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([1.5, -1.5]).trunc_()  # tensor([ 1., -1.])",
    ),
    Builtin::method(
        in_place,
        "reciprocal_(self) -> Tensor

Replaces each element `x` by `1 / x`, in place.

Args:
    self: the tensor written into
Returns: `self`
Example: tensor([2., 4.]).reciprocal_()  # tensor([0.5000, 0.2500])",
    ),
    Builtin::method(
        in_place,
        "tril_(self, diagonal=0) -> Tensor

Zeroes the elements above the `diagonal`-th diagonal of the (last two dims of the) tensor, in place.

Args:
    self: the tensor written into
    diagonal: which diagonal stays: 0 the main one, positive above it, negative below
Returns: `self`
Example: ones(2, 2).tril_().tolist()  # [[1.0, 0.0], [1.0, 1.0]]",
    ),
    Builtin::method(
        in_place,
        "triu_(self, diagonal=0) -> Tensor

Zeroes the elements below the `diagonal`-th diagonal of the (last two dims of the) tensor, in place.

Args:
    self: the tensor written into
    diagonal: which diagonal stays: 0 the main one, positive above it, negative below
Returns: `self`
Example: ones(2, 2).triu_(1).tolist()  # [[0.0, 1.0], [0.0, 0.0]]",
    ),
];

fn done(result: TensorResult<Tensor>, args: &CallArgs) -> Eval<Value> {
    result.map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// Parameter `i` (`name`), given by position or keyword, as a tensor or a number.
fn operand_arg(args: &mut CallArgs, i: usize, name: &str) -> Eval<Operand> {
    match arg(args, i, name) {
        Some(v) => operand(&v).map_or_else(
            || {
                fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!(
                        "{}(): argument '{name}' must be a Tensor or a number, not {}",
                        args.function,
                        v.type_name()
                    ),
                )
            },
            Ok,
        ),
        None => super::args::missing(args, name),
    }
}

/// Parameter `i` (`name`) as a tensor; the binder has checked the annotation.
fn tensor_param(args: &mut CallArgs, i: usize, name: &str) -> Eval<Tensor> {
    match arg(args, i, name) {
        Some(Value::Tensor(t)) => Ok(t),
        Some(other) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{}(): argument '{name}' must be Tensor, not {}", args.function, other.type_name()),
        ),
        None => super::args::missing(args, name),
    }
}

/// A parameter that may be a number, `None` or absent.
fn optional(args: &mut CallArgs, i: usize, name: &str) -> Option<Value> {
    arg(args, i, name).filter(|v| !matches!(v, Value::None))
}

/// `add(input, other, *, alpha=1)` (and `sub`), `div(input, other, *,
/// rounding_mode=None)` (and `divide`), the other arithmetic, comparisons and
/// logical and bitwise ops of two operands.
fn arithmetic(op: BinaryOp, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let a = operand_arg(&mut args, 0, "input")?;
    let mut b = operand_arg(&mut args, 1, "other")?;
    if matches!(op, BinaryOp::Add | BinaryOp::Sub) {
        if let Some(alpha) = args.keyword("alpha") {
            let alpha = number_of(&alpha, "alpha", args.span)?;
            let dtype = crate::tensor::ops::binary::result_type(&[&a, &b]);
            let refusal = match alpha {
                Scalar::Float(_) if !dtype.is_float() => {
                    Some("For integral input tensors, argument alpha must not be a floating point number.")
                }
                Scalar::Bool(_) if dtype != DType::Bool => {
                    Some("Boolean alpha only supported for Boolean results.")
                }
                _ => None,
            };
            if let Some(message) = refusal {
                return fail(ErrorKind::RuntimeError, args.span, message);
            }
            b = Operand::Tensor(
                binary(BinaryOp::Mul, &b, &Operand::Scalar(alpha)).map_err(|e| error_at(e, args.span))?,
            );
        }
    }
    if op == BinaryOp::Div {
        match args.keyword("rounding_mode") {
            None | Some(Value::None) => {}
            Some(Value::Str(mode)) if matches!(&*mode, "trunc" | "floor") => {
                return done(pointwise::div_rounded(&a, &b, &*mode == "floor"), &args);
            }
            Some(Value::Str(mode)) => {
                let message = format!(
                    "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{mode}'"
                );
                return fail(ErrorKind::RuntimeError, args.span, message);
            }
            Some(other) => {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!(
                        "{}(): argument 'rounding_mode' must be str, not {}",
                        args.function,
                        other.type_name()
                    ),
                )
            }
        }
    }
    done(binary(op, &a, &b), &args)
}

/// `where(condition, input, other)`: `input` where `condition` holds, else `other`,
/// broadcasting all three.
fn where_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let condition = tensor_param(&mut args, 0, "condition")?;
    let a = operand_arg(&mut args, 1, "input")?;
    let b = operand_arg(&mut args, 2, "other")?;
    done(crate::autograd::ops::binary::select(&condition, &a, &b), &args)
}

/// `clamp(input, min=None, max=None)` (`clip`), `clamp_min(input, min)`,
/// `clamp_max(input, max)`: the bounds are numbers or tensors; `clamp` needs one.
fn clamp(op: Pointwise, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let (low, high) = match op {
        Pointwise::ClampMin => (optional(&mut args, 1, "min"), None),
        Pointwise::ClampMax => (None, optional(&mut args, 1, "max")),
        _ => (optional(&mut args, 1, "min"), optional(&mut args, 2, "max")),
    };
    let x = tensor_param(&mut args, 0, "input")?;
    if low.is_none() && high.is_none() {
        let message = match op {
            Pointwise::Clamp => "torch.clamp: At least one of 'min' or 'max' must not be None".to_string(),
            _ => format!(
                "{}(): argument '{}' must be a Tensor or a number, not NoneType",
                args.function,
                if op == Pointwise::ClampMin { "min" } else { "max" }
            ),
        };
        return fail(
            if op == Pointwise::Clamp { ErrorKind::RuntimeError } else { ErrorKind::TypeError },
            args.span,
            message,
        );
    }
    let dtype = x.dtype();
    let bound = |v: &Value, is_min: bool| -> Eval<Operand> {
        let b = operand(v).map_or_else(
            || {
                fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!(
                        "{}(): argument '{}' must be a Tensor or a number, not {}",
                        args.function,
                        if is_min { "min" } else { "max" },
                        v.type_name()
                    ),
                )
            },
            Ok,
        )?;
        integer_bound(b, dtype, is_min, args.span)
    };
    let low = low.map(|v| bound(&v, true)).transpose()?;
    let high = high.map(|v| bound(&v, false)).transpose()?;
    done(pointwise::clamp(op, &x, low.as_ref(), high.as_ref()), &args)
}

/// An int bound of an integer tensor is compared, not cast: one beyond the dtype's range
/// on the side that clamps nothing is saturated, one on the other side is PyTorch's error.
fn integer_bound(bound: Operand, dtype: DType, is_min: bool, span: Span) -> Eval<Operand> {
    let (Operand::Scalar(Scalar::Int(value)), Some((low, high))) = (&bound, dtype.integer_range()) else {
        return Ok(bound);
    };
    let value = *value;
    if (is_min && value > high) || (!is_min && value < low) {
        return fail(
            ErrorKind::RuntimeError,
            span,
            format!(
                "Clamp {} value {value} is outside the representable range of {}",
                if is_min { "min" } else { "max" },
                dtype.torch_name()
            ),
        );
    }
    Ok(Operand::Scalar(Scalar::Int(value.clamp(low, high))))
}

/// `lerp(input, end, weight)`: `input + weight * (end - input)`.
fn lerp(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let start = tensor_param(&mut args, 0, "input")?;
    let end = tensor_param(&mut args, 1, "end")?;
    let weight = operand_arg(&mut args, 2, "weight")?;
    done(pointwise::lerp(&start, &end, &weight), &args)
}

/// `addcmul(input, tensor1, tensor2, *, value=1)`: `input + value * tensor1 * tensor2`
/// (`addcdiv`: `/ tensor2`).
fn addc(divide: bool, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let value = match args.keyword("value") {
        // A one-element tensor counts as its number, as PyTorch's binding takes it.
        Some(v) => number_of(&v, "value", args.span).or_else(|_| {
            fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}(): argument 'value' must be Number, not {}", args.function, v.type_name()),
            )
        })?,
        None => Scalar::Int(1),
    };
    let x = tensor_param(&mut args, 0, "input")?;
    let t1 = tensor_param(&mut args, 1, "tensor1")?;
    let t2 = tensor_param(&mut args, 2, "tensor2")?;
    done(pointwise::addc(divide, &x, &t1, &t2, value), &args)
}

/// `nan_to_num(input, nan=0.0, posinf=None, neginf=None)`: the dtype's extremes by
/// default.
fn nan_to_num(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let nan = optional(&mut args, 1, "nan");
    let posinf = optional(&mut args, 2, "posinf");
    let neginf = optional(&mut args, 3, "neginf");
    let x = tensor_param(&mut args, 0, "input")?;
    let (max, min) = (x.dtype().finite_max(), -x.dtype().finite_max());
    let value = |v: Option<Value>, name: &str, default: f64| -> Eval<f64> {
        match v {
            None => Ok(default),
            Some(v) => match number_of(&v, name, args.span) {
                Ok(s) => Ok(s.to_f64()),
                Err(_) => fail(
                    ErrorKind::TypeError,
                    args.span,
                    format!("nan_to_num(): argument '{name}' must be float, not {}", v.type_name()),
                ),
            },
        }
    };
    let (n, p, m) = (value(nan, "nan", 0.0)?, value(posinf, "posinf", max)?, value(neginf, "neginf", min)?);
    done(pointwise::nan_to_num(&x, n, p, m), &args)
}

/// `matmul(input, other)`, `mm(input, mat2)`, `bmm(input, mat2)`, `mv(input, vec)`,
/// `dot(input, tensor)`, `inner(input, other)`.
fn matmul(product: Product, _: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let second = match product {
        Product::Matmul => "other",
        Product::Checked { second, .. } => second,
    };
    let a = tensor_param(&mut args, 0, "input")?;
    let b = tensor_param(&mut args, 1, second)?;
    match product {
        Product::Matmul => done(linalg::matmul(&a, &b), &args),
        Product::Checked { op, ranks, .. } => done(linalg::checked_matmul(op, ranks, &a, &b), &args),
    }
}

/// Which product a matrix-product builtin computes.
#[derive(Clone, Copy)]
enum Product {
    /// `matmul`'s broadcasting product of any ranks.
    Matmul,
    /// A product of operands of fixed `ranks`, checked as ATen's `op` checks them
    /// (`inner` as `dot`), with the second operand's parameter name (`mm(input, mat2)`).
    Checked { op: &'static str, second: &'static str, ranks: (usize, usize) },
}

/// `outer(input, vec2)`.
fn outer(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let a = tensor_param(&mut args, 0, "input")?;
    let b = tensor_param(&mut args, 1, "vec2")?;
    done(linalg::outer(&a, &b), &args)
}

fn addmm(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let input = tensor_param(&mut args, 0, "input")?;
    let mat1 = tensor_param(&mut args, 1, "mat1")?;
    let mat2 = tensor_param(&mut args, 2, "mat2")?;
    let factor = |args: &mut CallArgs, name: &str| -> Eval<f64> {
        match args.keyword(name) {
            None => Ok(1.0),
            Some(v) => Ok(super::args::number_of(&v, name, args.span)?.to_f64()),
        }
    };
    let beta = factor(&mut args, "beta")?;
    let alpha = factor(&mut args, "alpha")?;
    done(linalg::addmm(&input, &mat1, &mat2, beta, alpha), &args)
}

/// `equal(input, other)`: same shape and same values (a bool, not a tensor).
fn equal(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let a = tensor_param(&mut args, 0, "input")?;
    let b = tensor_param(&mut args, 1, "other")?;
    let same_values = if a.dtype().is_float() || b.dtype().is_float() {
        a.to_f64_vec() == b.to_f64_vec()
    } else {
        a.to_i64_vec() == b.to_i64_vec()
    };
    Ok(Value::Bool(a.shape() == b.shape() && same_values))
}

/// `allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)`.
fn allclose(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let tolerance = |args: &mut CallArgs, i: usize, name: &str, default: f64| -> Eval<f64> {
        match arg(args, i, name) {
            None => Ok(default),
            Some(v) => Ok(number_of(&v, name, args.span)?.to_f64()),
        }
    };
    let rtol = tolerance(&mut args, 2, "rtol", 1e-5)?;
    let atol = tolerance(&mut args, 3, "atol", 1e-8)?;
    let equal_nan = arg(&mut args, 4, "equal_nan").is_some_and(|v| v.truthy());
    let a = tensor_param(&mut args, 0, "input")?;
    let b = tensor_param(&mut args, 1, "other")?;
    let shape =
        crate::tensor::ops::binary::broadcast(a.shape(), b.shape()).map_err(|e| error_at(e, args.span))?;
    let x = a.with_layout(a.layout().expand(&shape)).to_f64_vec();
    let y = b.with_layout(b.layout().expand(&shape)).to_f64_vec();
    let close = x.iter().zip(&y).all(|(p, q)| {
        if p.is_nan() || q.is_nan() {
            return equal_nan && p.is_nan() && q.is_nan();
        }
        p == q || (p - q).abs() <= atol + rtol * q.abs()
    });
    Ok(Value::Bool(close))
}

/// `x.op_(...)`: runs `x.op(...)` and writes the result into `x`; returns `x`. The
/// arguments are bound against the in-place declaration, whose parameters are the
/// method's (same names, same order), so the method reads them as they are.
fn in_place(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dest = tensor_arg(&args, 0)?;
    let span = args.span;
    let base = args.function.trim_end_matches('_');
    // The tensors the result is computed from (a fill reads its one value first).
    let fill_element = base == "fill" && matches!(args.positional.get(1), Some(Value::Tensor(_)));
    let fills = matches!(base, "zero" | "fill" | "masked_fill");
    let operands = args.positional[1..].iter().chain(args.keywords.iter().map(|(_, v)| v));
    let inputs: Vec<Tensor> = operands
        .filter_map(|v| match v {
            Value::Tensor(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let result = match base {
        "zero" => Tensor::scalar(Scalar::Int(0), dest.dtype()),
        "fill" | "copy" => {
            let name = if base == "fill" { "value" } else { "other" };
            if base == "copy" {
                // Every copy is finished when `copy_` returns, so waiting or not is the same.
                let _non_blocking = arg(&mut args, 2, "non_blocking").is_some_and(|v| v.truthy());
            }
            match operand_arg(&mut args, 1, name)? {
                Operand::Tensor(t) if base == "fill" && t.ndim() > 0 => {
                    return fail(
                        ErrorKind::RuntimeError,
                        span,
                        format!(
                            "fill_ only supports 0-dimension value tensor but got tensor with {} dimensions.",
                            t.ndim()
                        ),
                    )
                }
                Operand::Tensor(t) => t,
                Operand::Scalar(s) => {
                    let s = s.checked_fill(dest.dtype(), dest.numel()).map_err(|e| error_at(e, span))?;
                    Tensor::scalar(s, dest.dtype())
                }
            }
        }
        _ => {
            // A backward that reads the input would save `dest`, which the write below
            // changes: as in PyTorch, the operation reads a copy of `dest` as it is now,
            // with `dest`'s history (`z.log_()` on a computed `z` stays differentiable).
            if crate::autograd::is_grad_enabled() {
                if let Some(node) = dest.grad_fn() {
                    let before = dest.copy();
                    before.set_history(&node, dest.output_nr());
                    args.positional[0] = Value::Tensor(before);
                }
            }
            let Some(method) = crate::builtins::methods::lookup(&args.positional[0], base) else {
                return fail(
                    ErrorKind::AttributeError,
                    args.span,
                    format!("'Tensor' object has no attribute '{}'", args.function),
                );
            };
            args.function = method.name;
            match (method.call)(interp, args)? {
                Value::Tensor(t) => t,
                other => {
                    return fail(
                        ErrorKind::TypeError,
                        span,
                        format!("{base}() returned {}", other.type_name()),
                    )
                }
            }
        }
    };
    let result = if matches!(base, "fill" | "copy" | "zero") {
        shape::to_dtype(&result, dest.dtype()).map_err(|e| error_at(e, span))?
    } else {
        result
    };
    let inputs: Vec<&Tensor> = inputs.iter().collect();
    let written = match () {
        _ if fill_element => Written::Element,
        _ if fills => Written::Number,
        _ => Written::Computed(&inputs),
    };
    shape::assign(&dest, &result, written).map_err(|e| error_at(e, span))?;
    Ok(Value::Tensor(dest))
}
