//! Binary elementwise operations with broadcasting and PyTorch's type promotion.

use crate::kernels::{self, BinaryOp};
use crate::storage::arith::Arith;
use crate::storage::dtype::{self, DType};
use crate::storage::element::Element;
use crate::storage::layout::{broadcast_shapes, Layout};
use crate::storage::{Buffer, Storage};
use crate::tensor::backend::{Backend, DeviceKernels};
use crate::tensor::scalar::Scalar;
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::with_dtype;

/// The dtype PyTorch computes an operation of several operands in
/// (`torch.result_type` over them all).
pub fn result_type(operands: &[&Operand]) -> DType {
    let weighed: Vec<dtype::Operand> = operands.iter().map(|o| o.promotion()).collect();
    dtype::result_type(&weighed)
}

/// `lerp(start, end, weight)`: `start + weight * (end - start)` for `|weight| < 0.5`,
/// else `end - (end - start) * (1 - weight)`, each with one rounding (a fused
/// multiply-add), in float32 for the half types, as ATen's kernel computes it. `end`
/// (and a `weight` tensor with dims) must have `start`'s dtype; the result has it.
pub fn lerp(start: &Tensor, end: &Tensor, weight: &Operand) -> TensorResult<Tensor> {
    let dtype = start.dtype();
    let mismatch = |what: &str, other: DType| {
        TensorError::runtime(format!(
            "expected dtype {} for `{what}` but got dtype {}",
            dtype.cpp_name(),
            other.cpp_name()
        ))
    };
    if end.dtype() != dtype {
        return Err(mismatch("end", end.dtype()));
    }
    if let Operand::Tensor(w) = weight {
        if w.ndim() > 0 && w.dtype() != dtype {
            return Err(mismatch("weight", w.dtype()));
        }
    }
    let shape = broadcast(&broadcast(start.shape(), end.shape())?, weight.shape())?;
    if !dtype.is_float() {
        let kernel =
            if matches!(weight, Operand::Tensor(_)) { "lerp_kernel_tensor" } else { "lerp_kernel_scalar" };
        return Err(TensorError::no_kernel(kernel, dtype));
    }
    // The weight as the kernel holds it: float64 for float64, float32 otherwise.
    let weight = match weight {
        Operand::Tensor(w) => w.to_dtype(if dtype == DType::F64 { DType::F64 } else { DType::F32 }),
        Operand::Scalar(s) => Tensor::scalar(*s, if dtype == DType::F64 { DType::F64 } else { DType::F32 }),
    };
    let expand = |t: &Tensor| t.with_layout(t.layout().expand(&shape));
    let (s, e, w) = (expand(start), expand(end), expand(&weight));
    let (ss, es, ws) = (s.storage(), e.storage(), w.storage());
    let storage = if dtype == DType::F64 {
        let (p, q, r) = (f64::slice(&ss), f64::slice(&es), f64::slice(&ws));
        let (p, q, r) = (p.expect("own dtype"), q.expect("own dtype"), r.expect("cast above"));
        Storage::F64(kernels::zip3_map((p, s.layout()), (q, e.layout()), (r, w.layout()), lerp_f64))
    } else {
        let r = f32::slice(&ws).expect("cast above");
        with_dtype!(dtype, T => {
            let (p, q) = (T::slice(&ss).expect("own dtype"), T::slice(&es).expect("own dtype"));
            T::wrap(kernels::zip3_map((p, s.layout()), (q, e.layout()), (r, w.layout()), |a: T, b: T, c: f32| {
                T::from_f64(lerp_f32(a.to_f64() as f32, b.to_f64() as f32, c) as f64)
            }))
        })
    };
    Ok(Tensor::new(storage, &shape))
}

/// `input + value * tensor1 * tensor2` for float tensors already in their common
/// dtype `dtype`: `value * tensor1` rounded, then one fused multiply-add (in float32
/// for the half types), as ATen's kernel computes it.
pub fn addcmul_float(input: &Tensor, t1: &Tensor, t2: &Tensor, value: f64) -> TensorResult<Tensor> {
    let dtype = input.dtype();
    let shape = broadcast(&broadcast(input.shape(), t1.shape())?, t2.shape())?;
    let expand = |t: &Tensor| t.with_layout(t.layout().expand(&shape));
    let (x, a, b) = (expand(input), expand(t1), expand(t2));
    let (xs, as_, bs) = (x.storage(), a.storage(), b.storage());
    let storage = with_dtype!(dtype, T => {
        let (p, q, r) = (T::slice(&xs).expect("cast"), T::slice(&as_).expect("cast"), T::slice(&bs).expect("cast"));
        let f = |s: T, u: T, w: T| -> T {
            if dtype == DType::F64 {
                T::from_f64((value * u.to_f64()).mul_add(w.to_f64(), s.to_f64()))
            } else {
                let v = value as f32;
                T::from_f64((v * u.to_f64() as f32).mul_add(w.to_f64() as f32, s.to_f64() as f32) as f64)
            }
        };
        T::wrap(kernels::zip3_map((p, x.layout()), (q, a.layout()), (r, b.layout()), f))
    });
    Ok(Tensor::new(storage, &shape))
}

fn lerp_f64(start: f64, end: f64, weight: f64) -> f64 {
    if weight.abs() < 0.5 {
        weight.mul_add(end - start, start)
    } else {
        (weight - 1.0).mul_add(end - start, end)
    }
}

fn lerp_f32(start: f32, end: f32, weight: f32) -> f32 {
    if weight.abs() < 0.5 {
        weight.mul_add(end - start, start)
    } else {
        (weight - 1.0).mul_add(end - start, end)
    }
}

/// One side of a binary operation: a tensor or a Python number.
#[derive(Clone, Debug)]
pub enum Operand {
    Tensor(Tensor),
    Scalar(Scalar),
}

impl Operand {
    fn promotion(&self) -> dtype::Operand {
        match self {
            Operand::Tensor(t) if t.ndim() == 0 => dtype::Operand::ZeroDim(t.dtype()),
            Operand::Tensor(t) => dtype::Operand::Tensor(t.dtype()),
            Operand::Scalar(s) => dtype::Operand::Scalar(s.category()),
        }
    }

    /// This operand as a tensor of `dtype`.
    fn tensor(&self, dtype: DType) -> TensorResult<Tensor> {
        match self {
            Operand::Tensor(t) => Ok(t.to_dtype(dtype)),
            Operand::Scalar(s) => Ok(Tensor::scalar(*s, dtype)),
        }
    }

    fn is_bool(&self) -> bool {
        match self {
            Operand::Tensor(t) => t.dtype() == DType::Bool,
            Operand::Scalar(s) => matches!(s, Scalar::Bool(_)),
        }
    }

    fn shape(&self) -> &[usize] {
        match self {
            Operand::Tensor(t) => t.shape(),
            Operand::Scalar(_) => &[],
        }
    }
}

/// The dtype an operation computes in and the dtype of its result.
pub fn dtypes(op: BinaryOp, a: &Operand, b: &Operand) -> TensorResult<(DType, DType)> {
    let common = dtype::result_type(&[a.promotion(), b.promotion()]);
    Ok(match op {
        _ if op.is_comparison() => (common, DType::Bool),
        _ if op.is_logical() => (DType::Bool, DType::Bool),
        BinaryOp::Div | BinaryOp::Atan2 if !common.is_float() => (DType::DEFAULT_FLOAT, DType::DEFAULT_FLOAT),
        BinaryOp::ShiftLeft | BinaryOp::ShiftRight if common.is_float() => return Err(TensorError::no_kernel(&format!("{}_cpu", op.name()), common)),
        // Bools shift as int64, as in PyTorch.
        BinaryOp::ShiftLeft | BinaryOp::ShiftRight if common == DType::Bool => (DType::I64, DType::I64),
        BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor if common.is_float() => {
            return Err(TensorError::no_kernel(&format!("{}_cpu", op.name()), common))
        }
        BinaryOp::FloorDiv if common == DType::Bool => return Err(TensorError::no_kernel("div_floor_cpu", common)),
        BinaryOp::Pow if common == DType::Bool => return Err(TensorError::no_kernel("pow", common)),
        BinaryOp::Remainder if common == DType::Bool => return Err(TensorError::no_kernel("remainder_cpu", common)),
        BinaryOp::Sub if a.is_bool() && b.is_bool() => {
            return Err(TensorError::not_implemented(
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
            ))
        }
        BinaryOp::Sub if a.is_bool() || b.is_bool() => {
            return Err(TensorError::not_implemented(
                "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            ))
        }
        _ => (common, common),
    })
}

/// The broadcast shape of two shapes, with PyTorch's error.
pub fn broadcast(a: &[usize], b: &[usize]) -> TensorResult<Vec<usize>> {
    let shape = broadcast_mismatch(a, b)?;
    crate::storage::layout::checked_numel(&shape)?;
    Ok(shape)
}

fn broadcast_mismatch(a: &[usize], b: &[usize]) -> TensorResult<Vec<usize>> {
    broadcast_shapes(a, b).ok_or_else(|| {
        let n = a.len().max(b.len());
        let dim = (0..n)
            .rev()
            .find(|&i| {
                let x = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
                let y = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
                x != y && x != 1 && y != 1
            })
            .unwrap_or(0);
        let size = |s: &[usize]| if dim + s.len() >= n { s[dim + s.len() - n] } else { 1 };
        TensorError::runtime(format!(
            "The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {dim}",
            size(a),
            size(b)
        ))
    })
}

/// `a op b` elementwise, broadcasting.
pub fn binary(op: BinaryOp, a: &Operand, b: &Operand) -> TensorResult<Tensor> {
    // PyTorch refuses bool subtraction before it looks at shapes, and finds a missing
    // kernel for the dtype only after broadcasting.
    let shape = broadcast(a.shape(), b.shape());
    if op != BinaryOp::Sub {
        shape.as_ref().map_err(Clone::clone)?;
    }
    let (compute, output) = dtypes(op, a, b)?;
    let shape = shape?;
    let x = a.tensor(compute)?;
    let y = b.tensor(compute)?;
    if compute.is_integer() && matches!(op, BinaryOp::FloorDiv | BinaryOp::Remainder) && has_zero(&y) {
        return Err(TensorError::runtime("ZeroDivisionError"));
    }
    // Only a scalar exponent is refused; tensor exponents go through the kernel.
    if compute.is_integer() && op == BinaryOp::Pow && matches!(b, Operand::Scalar(s) if s.to_f64() < 0.0) {
        return Err(TensorError::runtime("Integers to negative integer powers are not allowed."));
    }
    if let Some(result) = Backend::of(&[&x, &y]).kernel(|device| device.binary(op, &x, &y, &shape, output)) {
        return result;
    }
    let xl = x.layout().expand(&shape);
    let yl = y.layout().expand(&shape);
    let (xs, ys) = (x.storage(), y.storage());
    let storage = with_dtype!(compute, T => {
        let (p, q) = (T::slice(&xs).expect("cast above"), T::slice(&ys).expect("cast above"));
        compute_typed::<T>(op, p, &xl, q, &yl, output)
    });
    Ok(Tensor::new(storage, &shape))
}

fn has_zero(t: &Tensor) -> bool {
    t.to_i64_vec().contains(&0)
}

fn compute_typed<T: Arith + Buffer>(
    op: BinaryOp,
    a: &[T],
    al: &Layout,
    b: &[T],
    bl: &Layout,
    output: DType,
) -> Storage {
    // Each op's function is its own type, so the kernel is compiled (and vectorised)
    // per op rather than calling through a pointer per element.
    fn zip<T: Copy + Sync, U: Send>(
        a: (&[T], &Layout),
        b: (&[T], &Layout),
        f: impl Fn(T, T) -> U + Sync,
    ) -> Vec<U> {
        kernels::zip_map(a.0, a.1, b.0, b.1, f)
    }
    macro_rules! arith {
        ($f:expr) => {
            T::wrap(zip((a, al), (b, bl), $f))
        };
    }
    macro_rules! test {
        ($f:expr) => {
            Storage::Bool(zip((a, al), (b, bl), $f))
        };
    }
    match op {
        BinaryOp::Add => arith!(T::add),
        BinaryOp::Sub => arith!(T::sub),
        BinaryOp::Mul => arith!(T::mul),
        BinaryOp::Div => arith!(T::div),
        BinaryOp::FloorDiv => arith!(T::floor_div),
        BinaryOp::Remainder => arith!(T::rem),
        BinaryOp::Pow => arith!(T::pow),
        BinaryOp::Maximum => arith!(T::max),
        BinaryOp::Minimum => arith!(T::min),
        BinaryOp::Atan2 => arith!(|y, x| T::from_f64(y.to_f64().atan2(x.to_f64()))),
        BinaryOp::BitAnd => arith!(|x, y| bitwise(x, y, |p, q| p & q)),
        BinaryOp::BitOr => arith!(|x, y| bitwise(x, y, |p, q| p | q)),
        BinaryOp::BitXor => arith!(|x, y| bitwise(x, y, |p, q| p ^ q)),
        // Shifting by the width or more gives 0 (or -1 for negative numbers shifted right).
        BinaryOp::ShiftLeft => {
            arith!(|x, y| bitwise(x, y, |p, q| if (0..64).contains(&q) { p << q } else { 0 }))
        }
        BinaryOp::ShiftRight => arith!(|x, y| bitwise(x, y, |p, q| p >> q.clamp(0, 63))),
        BinaryOp::LogicalAnd => test!(|x, y| x.is_nonzero() && y.is_nonzero()),
        BinaryOp::LogicalOr => test!(|x, y| x.is_nonzero() || y.is_nonzero()),
        BinaryOp::LogicalXor => test!(|x, y| x.is_nonzero() != y.is_nonzero()),
        BinaryOp::Eq => test!(|x, y| x == y),
        BinaryOp::Ne => test!(|x, y| x != y),
        BinaryOp::Lt => test!(|x, y| x < y),
        BinaryOp::Le => test!(|x, y| x <= y),
        BinaryOp::Gt => test!(|x, y| x > y),
        BinaryOp::Ge => test!(|x, y| x >= y),
    }
    .cast_if(output)
}

/// Bitwise operations on the integer value (bools and integers only reach here).
fn bitwise<T: Element>(x: T, y: T, f: fn(i64, i64) -> i64) -> T {
    if T::DTYPE == DType::Bool {
        return T::from_bool(f(x.to_i64(), y.to_i64()) != 0);
    }
    T::from_i64(f(x.to_i64(), y.to_i64()))
}

impl Storage {
    fn cast_if(self, dtype: DType) -> Storage {
        if self.dtype() == dtype {
            self
        } else {
            self.cast(dtype)
        }
    }
}

/// `where(cond, a, b)`: elements of `a` where `cond` is nonzero, of `b` elsewhere (a
/// selection, so `inf` and `nan` in the other operand do not leak in).
pub fn select(cond: &Tensor, a: &Operand, b: &Operand) -> TensorResult<Tensor> {
    let (dtype, _) = dtypes(BinaryOp::Add, a, b)?;
    let shape = broadcast(cond.shape(), &broadcast(a.shape(), b.shape())?)?;
    // A number chosen into the result is stored, not computed with: PyTorch refuses
    // one that overflows the dtype.
    for operand in [a, b] {
        if let Operand::Scalar(s) = operand {
            s.checked_fill(dtype, shape.iter().product())?;
        }
    }
    let (x, y, flags) = (a.tensor(dtype)?, b.tensor(dtype)?, cond.to_dtype(DType::Bool));
    if let Some(result) =
        Backend::of(&[&flags, &x, &y]).kernel(|device| device.select(&flags, &x, &y, &shape))
    {
        return result;
    }
    let expand = |t: Tensor| t.with_layout(t.layout().expand(&shape));
    let (x, y, flags) = (expand(x), expand(y), expand(flags));
    let (fs, xs, ys) = (flags.storage(), x.storage(), y.storage());
    let fs = bool::slice(&fs).expect("converted above");
    let storage = with_dtype!(dtype, T => {
        let (p, q) = (T::slice(&xs).expect("cast above"), T::slice(&ys).expect("cast above"));
        let picked = kernels::zip3_map((fs, flags.layout()), (p, x.layout()), (q, y.layout()), |f, p, q| if f { p } else { q });
        T::wrap(picked)
    });
    Ok(Tensor::new(storage, &shape))
}
