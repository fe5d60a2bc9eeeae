//! Every kind of kernel the device path can generate, by name: the PTX snapshot tests
//! and the `ptxas` check (tests/ptx_kernels.rs) go through these lists.

use super::fused::{self, device_dtype, Access, Expr, Node};
use super::{matmul, reduce};
use crate::kernels::{BinaryOp, UnaryOp};
use crate::storage::dtype::DType;

const DTYPES: [DType; 8] =
    [DType::Bool, DType::U8, DType::I8, DType::I16, DType::I32, DType::I64, DType::F32, DType::F64];

/// `op(x)` computing in `dtype`.
fn unary(op: UnaryOp, dtype: DType) -> Expr {
    let mut e = Expr { inputs: vec![dtype], ..Expr::default() };
    let x = e.push(Node::Input(0), dtype);
    let out = if matches!(op, UnaryOp::IsNan | UnaryOp::IsInf | UnaryOp::IsFinite | UnaryOp::LogicalNot) {
        DType::Bool
    } else {
        dtype
    };
    e.push(Node::Unary(op, x), out);
    e
}

/// `x op s` with a scalar parameter.
fn binary(op: BinaryOp, dtype: DType) -> Expr {
    let mut e = Expr { inputs: vec![dtype], scalars: vec![dtype], ..Expr::default() };
    let x = e.push(Node::Input(0), dtype);
    let s = e.push(Node::Scalar(0), dtype);
    let compare = op.gives_bool();
    e.push(Node::Binary(op, x, s), if compare { DType::Bool } else { dtype });
    e
}

fn cast(from: DType, to: DType) -> Expr {
    let mut e = Expr { inputs: vec![from], ..Expr::default() };
    let x = e.push(Node::Input(0), from);
    e.push(Node::Cast(x), to);
    e
}

/// `exp(-(x - mu)^2 / 2)` in f32 with `mu` a tensor: the benchmark's five-op chain.
pub fn gaussian_chain() -> Expr {
    let f = DType::F32;
    let mut e = Expr { inputs: vec![f, f], scalars: vec![f, f], ..Expr::default() };
    let x = e.push(Node::Input(0), f);
    let mu = e.push(Node::Input(1), f);
    let d = e.push(Node::Binary(BinaryOp::Sub, x, mu), f);
    let two = e.push(Node::Scalar(0), f);
    let sq = e.push(Node::Binary(BinaryOp::Pow, d, two), f);
    let n = e.push(Node::Unary(UnaryOp::Neg, sq), f);
    let half = e.push(Node::Scalar(1), f);
    let q = e.push(Node::Binary(BinaryOp::Div, n, half), f);
    e.push(Node::Unary(UnaryOp::Exp, q), f);
    e
}

/// `where(x > 0, x, 0.1 * x)` in f64 from an int32 input: select and casts together.
fn select_chain() -> Expr {
    let mut e = Expr { inputs: vec![DType::I32], scalars: vec![DType::F64], ..Expr::default() };
    let raw = e.push(Node::Input(0), DType::I32);
    let x = e.push(Node::Cast(raw), DType::F64);
    let zero = e.push(Node::Scalar(0), DType::F64);
    let positive = e.push(Node::Binary(BinaryOp::Gt, x, zero), DType::Bool);
    let scaled = e.push(Node::Binary(BinaryOp::Mul, x, zero), DType::F64);
    e.push(Node::Select(positive, x, scaled), DType::F64);
    e
}

fn add(dtype: DType) -> Expr {
    let mut e = Expr { inputs: vec![dtype, dtype], ..Expr::default() };
    let x = e.push(Node::Input(0), dtype);
    let y = e.push(Node::Input(1), dtype);
    e.push(Node::Binary(BinaryOp::Add, x, y), dtype);
    e
}

const ELEMENTWISE: &str = "tl_elementwise";

/// The kernels kept as text in tests/ptx, to be read in review.
pub fn snapshots() -> Vec<(String, String)> {
    vec![
        ("add_f32_contiguous".into(), fused::kernel(&add(DType::F32), Access::Contiguous, ELEMENTWISE)),
        (
            "add_i32_strided_rank2".into(),
            fused::kernel(&add(DType::I32), Access::Strided { rank: 2 }, ELEMENTWISE),
        ),
        ("gaussian_chain_f32".into(), fused::kernel(&gaussian_chain(), Access::Contiguous, ELEMENTWISE)),
        ("where_cast_chain".into(), fused::kernel(&select_chain(), Access::Contiguous, ELEMENTWISE)),
        (
            "sum_f32".into(),
            reduce::kernel(reduce::Fold::Sum, DType::F32, false, DType::F32, true, "tl_reduce"),
        ),
        (
            "argmax_f64_second_pass".into(),
            reduce::kernel(reduce::Fold::ArgMax, DType::F64, true, DType::F64, true, "tl_reduce"),
        ),
        ("matmul_f32".into(), matmul::kernel(DType::F32, "tl_matmul")),
    ]
}

/// Every op on every device dtype it supports, every cast, strided ranks 1 to 6, every
/// fold on every dtype in both passes, matmul in both float dtypes.
pub fn all() -> Vec<(String, String)> {
    let mut out = snapshots();
    for dtype in DTYPES.into_iter().filter(|d| device_dtype(*d)) {
        for &op in UnaryOp::ALL {
            let floating_only = op.float_fn().is_some();
            if fused::unary_supported(op, dtype) && (dtype.is_float() || !floating_only) {
                out.push((
                    format!("{}_{}", op.name(), dtype.name()),
                    fused::kernel(&unary(op, dtype), Access::Contiguous, ELEMENTWISE),
                ));
            }
        }
        for &op in BinaryOp::ALL {
            if fused::binary_supported(op, dtype) {
                out.push((
                    format!("{}_{}", op.name(), dtype.name()),
                    fused::kernel(&binary(op, dtype), Access::Contiguous, ELEMENTWISE),
                ));
            }
        }
        for to in DTYPES {
            out.push((
                format!("cast_{}_{}", dtype.name(), to.name()),
                fused::kernel(&cast(dtype, to), Access::Contiguous, ELEMENTWISE),
            ));
        }
        use reduce::Fold::*;
        for fold in [Sum, Prod, Max, Min, ArgMax, ArgMin, All, Any] {
            let acc = fold.accumulator(dtype);
            let output = if matches!(fold, All | Any) { DType::Bool } else { dtype };
            let name = format!("{fold:?}_{}", dtype.name());
            out.push((
                format!("{name}_partials"),
                reduce::kernel(fold, dtype, false, acc, false, "tl_reduce"),
            ));
            out.push((
                format!("{name}_one_pass"),
                reduce::kernel(fold, dtype, false, output, true, "tl_reduce"),
            ));
            out.push((
                format!("{name}_final"),
                reduce::kernel(fold, acc, fold.has_index(), output, true, "tl_reduce"),
            ));
        }
    }
    for rank in 1..=6 {
        out.push((
            format!("gaussian_rank{rank}"),
            fused::kernel(&gaussian_chain(), Access::Strided { rank }, ELEMENTWISE),
        ));
    }
    out.push(("matmul_f64".into(), matmul::kernel(DType::F64, "tl_matmul")));
    out
}
