//! A chain of elementwise operations as one expression, and the one kernel that computes
//! it: each input is read once, the result written once. Device tensors made by
//! elementwise ops stay unevaluated expressions until something needs their elements,
//! so `exp(-(x - mu) ** 2 / 2)` becomes a single kernel.

use super::math::{self, Math};
use super::ptx::{self, Class, Kernel, Reg};
use crate::kernels::{BinaryOp, UnaryOp};
use crate::storage::dtype::DType;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// The k-th input tensor's element.
    Input(usize),
    /// The k-th scalar parameter (a Python number or a 0-d tensor's value).
    Scalar(usize),
    Unary(UnaryOp, usize),
    Binary(BinaryOp, usize, usize),
    /// `where(cond, a, b)`.
    Select(usize, usize, usize),
    /// Conversion to the node's dtype.
    Cast(usize),
}

/// Nodes in evaluation order, each with its dtype; the last is the result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expr {
    pub nodes: Vec<(Node, DType)>,
    pub inputs: Vec<DType>,
    pub scalars: Vec<DType>,
}

/// The most nodes one fused kernel takes before its inputs are evaluated first.
pub const MAX_NODES: usize = 64;

/// Dtypes the device computes in (the half types stay on the CPU path).
pub fn device_dtype(dtype: DType) -> bool {
    !matches!(dtype, DType::F16 | DType::BF16)
}

/// Whether `op` on `dtype` has device code.
pub fn unary_supported(op: UnaryOp, dtype: DType) -> bool {
    device_dtype(dtype)
        && !matches!(op, UnaryOp::Erf | UnaryOp::Erfc | UnaryOp::Lgamma | UnaryOp::Digamma | UnaryOp::Erfinv)
}

/// Whether `op` computing in `dtype` has device code. Integer division and remainder
/// (which must raise on zero) and bool arithmetic stay on the CPU path.
pub fn binary_supported(op: BinaryOp, dtype: DType) -> bool {
    use BinaryOp::*;
    device_dtype(dtype)
        && match op {
            FloorDiv | Remainder => false,
            Pow | Atan2 | Div => dtype.is_float(),
            BitAnd | BitOr | BitXor | ShiftLeft | ShiftRight => !dtype.is_float(),
            Add | Sub | Mul | Maximum | Minimum => dtype != DType::Bool,
            _ => true,
        }
}

impl Expr {
    pub fn dtype(&self) -> DType {
        self.nodes.last().map_or(DType::F32, |n| n.1)
    }

    /// Appends a node, returning its index.
    pub fn push(&mut self, node: Node, dtype: DType) -> usize {
        self.nodes.push((node, dtype));
        self.nodes.len() - 1
    }

    /// Appends `other`'s nodes (renumbered after this one's inputs and scalars); returns
    /// the index of its result.
    pub fn append(&mut self, other: &Expr) -> usize {
        let (base, inputs, scalars) = (self.nodes.len(), self.inputs.len(), self.scalars.len());
        self.inputs.extend(&other.inputs);
        self.scalars.extend(&other.scalars);
        for &(node, dtype) in &other.nodes {
            let node = match node {
                Node::Input(k) => Node::Input(k + inputs),
                Node::Scalar(k) => Node::Scalar(k + scalars),
                Node::Unary(op, a) => Node::Unary(op, a + base),
                Node::Binary(op, a, b) => Node::Binary(op, a + base, b + base),
                Node::Select(c, a, b) => Node::Select(c + base, a + base, b + base),
                Node::Cast(a) => Node::Cast(a + base),
            };
            self.nodes.push((node, dtype));
        }
        self.nodes.len() - 1
    }

    /// The text that names this kernel in the module cache.
    pub fn key(&self, layout: &Access) -> String {
        let mut key = String::new();
        let _ = write!(key, "{:?}|{:?}|{:?}|{:?}", self.nodes, self.inputs, self.scalars, layout);
        key
    }
}

/// How the kernel finds its inputs' elements: all contiguous with the output's shape
/// (index = element number), or through shape and strides of the collapsed rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    Contiguous,
    Strided { rank: usize },
}

/// The kernel's parameters, in order: the output pointer, the element count, each
/// input's pointer, each scalar (as 64 bits: f64 for floats, s64 otherwise), then for
/// strided access the shape and each input's strides (u32 each).
pub fn kernel(expr: &Expr, access: Access, name: &str) -> String {
    let mut k = Kernel::new(name);
    let out = k.pointer_param();
    let n = k.u32_param();
    let inputs: Vec<Reg> = expr.inputs.iter().map(|_| k.pointer_param()).collect();
    let scalars: Vec<Reg> = expr
        .scalars
        .iter()
        .map(|d| {
            let name = k.param(".b64");
            k.load_param(
                if d.is_float() { Class::F64 } else { Class::B64 },
                if d.is_float() { ".f64" } else { ".s64" },
                &name,
            )
        })
        .collect();
    let strided = match access {
        Access::Contiguous => None,
        Access::Strided { rank } => {
            let shape: Vec<Reg> = (0..rank).map(|_| k.u32_param()).collect();
            let strides: Vec<Vec<Reg>> =
                expr.inputs.iter().map(|_| (0..rank).map(|_| k.u32_param()).collect()).collect();
            Some((shape, strides))
        }
    };
    grid_stride_loop(&mut k, n, |k, i| {
        let offsets: Vec<Reg> = match &strided {
            None => vec![i; expr.inputs.len()],
            Some((shape, strides)) => strided_offsets(k, i, shape, strides),
        };
        let mut values: Vec<Reg> = Vec::with_capacity(expr.nodes.len());
        for &(node, dtype) in &expr.nodes {
            let v = match node {
                Node::Input(j) => {
                    let at = k.address(inputs[j], offsets[j], ptx::size_of(expr.inputs[j]));
                    k.load(expr.inputs[j], at)
                }
                Node::Scalar(j) => scalars[j],
                Node::Unary(op, a) => unary(k, op, expr.nodes[a].1, values[a]),
                Node::Binary(op, a, b) => binary(k, op, expr.nodes[a].1, values[a], values[b]),
                Node::Select(c, a, b) => {
                    let p = k.nonzero(values[c]);
                    k.select(p, values[a], values[b])
                }
                Node::Cast(a) => cast(k, expr.nodes[a].1, dtype, values[a]),
            };
            values.push(normalize(k, dtype, v));
        }
        let at = k.address(out, i, ptx::size_of(expr.dtype()));
        let result = *values.last().expect("an expression has nodes");
        k.store(expr.dtype(), at, result);
    });
    ptx::module(k)
}

/// `for (i = global thread id; i < n; i += all threads) body(i)`.
pub fn grid_stride_loop(k: &mut Kernel, n: Reg, body: impl FnOnce(&mut Kernel, Reg)) {
    let tid = k.special("%tid.x");
    let ntid = k.special("%ntid.x");
    let ctaid = k.special("%ctaid.x");
    let nctaid = k.special("%nctaid.x");
    let i = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {i}, {ctaid}, {ntid}, {tid}"));
    let step = k.op2("mul.lo.u32", Class::B32, nctaid, ntid);
    let (top, done) = (k.new_label("loop"), k.new_label("done"));
    k.label(&top);
    let p = k.op2("setp.ge.u32", Class::Pred, i, n);
    k.ins(format!("@{p} bra {done}"));
    body(k, i);
    k.ins(format!("add.u32 {i}, {i}, {step}"));
    k.ins(format!("bra {top}"));
    k.label(&done);
}

/// Each input's element offset for output element `i`, peeling `i`'s coordinates off
/// from the last dimension.
fn strided_offsets(k: &mut Kernel, i: Reg, shape: &[Reg], strides: &[Vec<Reg>]) -> Vec<Reg> {
    let mut offsets: Vec<Reg> = strides
        .iter()
        .map(|_| {
            let zero = k.reg(Class::B32);
            k.ins(format!("mov.u32 {zero}, 0"));
            zero
        })
        .collect();
    let mut rest = i;
    for d in (0..shape.len()).rev() {
        let q = k.op2("div.u32", Class::B32, rest, shape[d]);
        let back = k.op2("mul.lo.u32", Class::B32, q, shape[d]);
        let coordinate = k.op2("sub.u32", Class::B32, rest, back);
        for (o, s) in offsets.iter_mut().zip(strides) {
            let next = k.reg(Class::B32);
            k.ins(format!("mad.lo.u32 {next}, {coordinate}, {}, {o}", s[d]));
            *o = next;
        }
        rest = q;
    }
    offsets
}

/// Brings a computed value to its dtype's range: f32 rounded (so each op rounds as the
/// CPU's f32 op does), narrow integers wrapped, bools made 0/1.
fn normalize(k: &mut Kernel, dtype: DType, v: Reg) -> Reg {
    match dtype {
        DType::F32 => {
            let narrow = k.op1("cvt.rn.f32.f64", Class::F32, v);
            k.op1("cvt.f64.f32", Class::F64, narrow)
        }
        DType::Bool => {
            let p = k.nonzero(v);
            k.flag(p)
        }
        DType::U8 => {
            let r = k.reg(Class::B64);
            k.ins(format!("and.b64 {r}, {v}, 255"));
            r
        }
        DType::I8 | DType::I16 | DType::I32 => {
            let bits = 64 - 8 * dtype.item_size();
            let up = k.reg(Class::B64);
            k.ins(format!("shl.b64 {up}, {v}, {bits}"));
            let down = k.reg(Class::B64);
            k.ins(format!("shr.s64 {down}, {up}, {bits}"));
            down
        }
        _ => v,
    }
}

/// Conversion between dtypes' computing classes, with the CPU's rules: floats to
/// integers truncate (saturating; NaN gives 0), anything to bool is `!= 0`.
fn cast(k: &mut Kernel, from: DType, to: DType, v: Reg) -> Reg {
    match (from.is_float(), to.is_float()) {
        _ if to == DType::Bool => {
            let p = k.nonzero(v);
            k.flag(p)
        }
        (true, false) => k.op1("cvt.rzi.s64.f64", Class::B64, v),
        (false, true) if to == DType::F32 => {
            let narrow = k.op1("cvt.rn.f32.s64", Class::F32, v);
            k.op1("cvt.f64.f32", Class::F64, narrow)
        }
        (false, true) => k.op1("cvt.rn.f64.s64", Class::F64, v),
        _ => v,
    }
}

fn unary(k: &mut Kernel, op: UnaryOp, dtype: DType, x: Reg) -> Reg {
    if dtype.is_float() {
        float_unary(k, op, x)
    } else {
        integer_unary(k, op, dtype, x)
    }
}

fn float_unary(k: &mut Kernel, op: UnaryOp, x: Reg) -> Reg {
    use UnaryOp::*;
    let zero = k.f64_const(0.0);
    match op {
        Neg => k.neg(x),
        Abs => k.abs(x),
        Sign => {
            let one = k.f64_const(1.0);
            let minus = k.f64_const(-1.0);
            let pos = k.lt(zero, x);
            let neg = k.lt(x, zero);
            let s = k.select(neg, minus, zero);
            k.select(pos, one, s)
        }
        Square => k.mul(x, x),
        Relu => {
            let pos = k.lt(zero, x);
            let nan = k.is_nan(x);
            let keep = k.or(pos, nan);
            k.select(keep, x, zero)
        }
        Floor => k.op1("cvt.rmi.f64.f64", Class::F64, x),
        Ceil => k.op1("cvt.rpi.f64.f64", Class::F64, x),
        Round => k.rint(x),
        Trunc => k.trunc(x),
        Frac => {
            let t = k.trunc(x);
            k.sub(x, t)
        }
        Exp => math::exp(k, x),
        Exp2 => math::exp2(k, x),
        Expm1 => math::expm1(k, x),
        Log => math::log(k, x),
        Log2 => math::log2(k, x),
        Log10 => math::log10(k, x),
        Log1p => math::log1p(k, x),
        Sqrt => k.sqrt(x),
        Rsqrt => {
            let one = k.f64_const(1.0);
            let s = k.sqrt(x);
            k.div(one, s)
        }
        Reciprocal => {
            let one = k.f64_const(1.0);
            k.div(one, x)
        }
        Sin => math::sin(k, x),
        Cos => math::cos(k, x),
        Tan => math::tan(k, x),
        Asin => math::asin(k, x),
        Acos => math::acos(k, x),
        Atan => math::atan(k, x),
        Sinh => math::sinh(k, x),
        Cosh => math::cosh(k, x),
        Tanh => math::tanh(k, x),
        Sigmoid => math::sigmoid(k, x),
        Softplus => math::softplus(k, x),
        IsNan => {
            let p = k.is_nan(x);
            k.flag(p)
        }
        IsInf => {
            let a = k.abs(x);
            let inf = k.f64_const(f64::INFINITY);
            let p = k.eq(a, inf);
            k.flag(p)
        }
        IsFinite => {
            let a = k.abs(x);
            let inf = k.f64_const(f64::INFINITY);
            let p = k.lt(a, inf);
            k.flag(p)
        }
        LogicalNot => {
            let p = k.eq(x, zero);
            k.flag(p)
        }
        Erf | Erfc | Lgamma | Digamma | Erfinv | BitwiseNot => x,
    }
}

fn integer_unary(k: &mut Kernel, op: UnaryOp, dtype: DType, x: Reg) -> Reg {
    use UnaryOp::*;
    match op {
        Neg => k.op1("neg.s64", Class::B64, x),
        Abs => k.op1("abs.s64", Class::B64, x),
        Sign => {
            let zero = k.i64_const(0);
            let pos = k.op2("setp.gt.s64", Class::Pred, x, zero);
            let neg = k.op2("setp.lt.s64", Class::Pred, x, zero);
            let r = k.reg(Class::B64);
            k.ins(format!("selp.b64 {r}, -1, 0, {neg}"));
            let s = k.reg(Class::B64);
            k.ins(format!("selp.b64 {s}, 1, {r}, {pos}"));
            s
        }
        Square => k.op2("mul.lo.s64", Class::B64, x, x),
        Relu => {
            let zero = k.i64_const(0);
            k.op2("max.s64", Class::B64, x, zero)
        }
        IsNan | IsInf => k.i64_const(0),
        IsFinite => k.i64_const(1),
        LogicalNot => {
            let p = k.nonzero(x);
            let q = k.op1("not.pred", Class::Pred, p);
            k.flag(q)
        }
        BitwiseNot if dtype == DType::Bool => {
            let r = k.reg(Class::B64);
            k.ins(format!("xor.b64 {r}, {x}, 1"));
            r
        }
        BitwiseNot => k.op1("not.b64", Class::B64, x),
        // Integers are already integral; the floating functions never get integers
        // (the tensor layer converts them first).
        _ => x,
    }
}

fn binary(k: &mut Kernel, op: BinaryOp, dtype: DType, a: Reg, b: Reg) -> Reg {
    use BinaryOp::*;
    let float = dtype.is_float();
    let compare = |k: &mut Kernel, cmp: &str| {
        let ty = if float { "f64" } else { "s64" };
        let p = k.op2(&format!("setp.{cmp}.{ty}"), Class::Pred, a, b);
        k.flag(p)
    };
    match op {
        Eq => compare(k, "eq"),
        Ne => compare(k, if float { "neu" } else { "ne" }),
        Lt => compare(k, "lt"),
        Le => compare(k, "le"),
        Gt => compare(k, "gt"),
        Ge => compare(k, "ge"),
        LogicalAnd | LogicalOr | LogicalXor => {
            let (p, q) = (k.nonzero(a), k.nonzero(b));
            let name = match op {
                LogicalAnd => "and.pred",
                LogicalOr => "or.pred",
                _ => "xor.pred",
            };
            let r = k.op2(name, Class::Pred, p, q);
            k.flag(r)
        }
        Add if float => k.add(a, b),
        Sub if float => k.sub(a, b),
        Mul if float => k.mul(a, b),
        Div => k.div(a, b),
        Pow => math::pow(k, a, b),
        Atan2 => math::atan2(k, a, b),
        Maximum | Minimum if float => {
            // max.f64 drops NaN; PyTorch's maximum propagates it.
            let m = k.op2(if op == Maximum { "max.f64" } else { "min.f64" }, Class::F64, a, b);
            let nan_a = k.is_nan(a);
            let m = k.select(nan_a, a, m);
            let nan_b = k.is_nan(b);
            k.select(nan_b, b, m)
        }
        Add => k.op2("add.s64", Class::B64, a, b),
        Sub => k.op2("sub.s64", Class::B64, a, b),
        Mul => k.op2("mul.lo.s64", Class::B64, a, b),
        Maximum => k.op2("max.s64", Class::B64, a, b),
        Minimum => k.op2("min.s64", Class::B64, a, b),
        BitAnd => k.op2("and.b64", Class::B64, a, b),
        BitOr => k.op2("or.b64", Class::B64, a, b),
        BitXor => k.op2("xor.b64", Class::B64, a, b),
        ShiftLeft | ShiftRight => shift(k, op == ShiftLeft, a, b),
        FloorDiv | Remainder => a,
    }
}

/// Shifts as the CPU path does them: left by 0..64 else 0; right by the amount
/// clamped to 0..63 (arithmetic).
fn shift(k: &mut Kernel, left: bool, a: Reg, b: Reg) -> Reg {
    let zero = k.i64_const(0);
    let top = k.i64_const(63);
    let clamped = k.op2("max.s64", Class::B64, b, zero);
    let clamped = k.op2("min.s64", Class::B64, clamped, top);
    let amount = k.op1("cvt.u32.u64", Class::B32, clamped);
    if left {
        let shifted = k.op2("shl.b64", Class::B64, a, amount);
        let negative = k.op2("setp.lt.s64", Class::Pred, b, zero);
        let wide = k.op2("setp.gt.s64", Class::Pred, b, top);
        let out = k.op2("or.pred", Class::Pred, negative, wide);
        let r = k.reg(Class::B64);
        k.ins(format!("selp.b64 {r}, 0, {shifted}, {out}"));
        r
    } else {
        k.op2("shr.s64", Class::B64, a, amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_renumbers_inputs_scalars_and_nodes() {
        // (x + s) appended after (y * t): the second chain's references move past the first's.
        let f = DType::F32;
        let mut first = Expr { inputs: vec![f], scalars: vec![f], ..Expr::default() };
        let y = first.push(Node::Input(0), f);
        let t = first.push(Node::Scalar(0), f);
        first.push(Node::Binary(BinaryOp::Mul, y, t), f);
        let mut second = Expr { inputs: vec![DType::F64], scalars: vec![DType::F64], ..Expr::default() };
        let x = second.push(Node::Input(0), DType::F64);
        let s = second.push(Node::Scalar(0), DType::F64);
        second.push(Node::Binary(BinaryOp::Add, x, s), DType::F64);
        let root = first.append(&second);
        assert_eq!(root, 5);
        assert_eq!(first.inputs, vec![f, DType::F64]);
        assert_eq!(first.scalars, vec![f, DType::F64]);
        assert_eq!(
            &first.nodes[3..],
            &[
                (Node::Input(1), DType::F64),
                (Node::Scalar(1), DType::F64),
                (Node::Binary(BinaryOp::Add, 3, 4), DType::F64)
            ]
        );
        assert_eq!(first.dtype(), DType::F64);
    }

    #[test]
    fn kernels_are_keyed_by_chain_dtypes_and_layout() {
        let chain = super::super::catalogue::gaussian_chain();
        let contiguous = chain.key(&Access::Contiguous);
        assert_ne!(contiguous, chain.key(&Access::Strided { rank: 2 }));
        assert_ne!(chain.key(&Access::Strided { rank: 2 }), chain.key(&Access::Strided { rank: 3 }));
        let mut other = chain.clone();
        other.inputs[1] = DType::F64;
        assert_ne!(contiguous, other.key(&Access::Contiguous));
    }

    #[test]
    fn a_fused_chain_reads_each_input_once_and_writes_once() {
        let ptx = kernel(&super::super::catalogue::gaussian_chain(), Access::Contiguous, "k");
        assert_eq!(ptx.matches("ld.global.nc.f32").count(), 2);
        assert_eq!(ptx.matches("st.global").count(), 1);
        assert!(ptx.starts_with(super::ptx::HEADER));
    }

    #[test]
    fn the_device_leaves_what_must_raise_to_the_cpu() {
        assert!(!binary_supported(BinaryOp::FloorDiv, DType::I64));
        assert!(!binary_supported(BinaryOp::Add, DType::Bool));
        assert!(!binary_supported(BinaryOp::Add, DType::F16));
        assert!(binary_supported(BinaryOp::Add, DType::I8));
        assert!(!unary_supported(UnaryOp::Lgamma, DType::F64));
        assert!(unary_supported(UnaryOp::Exp, DType::F32));
    }
}
