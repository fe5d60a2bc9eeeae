//! Reductions on the device: rows of a contiguous `[outer, inner]` matrix reduced to
//! `outer` results. A row is split over `parts` blocks; each thread folds a grid-stride
//! slice of it, warps combine by shuffles, warps through shared memory, and a block
//! writes one partial; a second launch (parts = 1) folds the partials. No atomics, so
//! the result is the same on every run.

use super::math::Math;
use super::ptx::{self, Class, Kernel, Reg};
use crate::storage::dtype::DType;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    Sum,
    Prod,
    Max,
    Min,
    ArgMax,
    ArgMin,
    All,
    Any,
}

impl Fold {
    pub fn has_index(self) -> bool {
        matches!(self, Fold::ArgMax | Fold::ArgMin)
    }

    /// The dtype partials are kept in: f64 for floats, i64 for integers and flags.
    pub fn accumulator(self, input: DType) -> DType {
        match self {
            Fold::All | Fold::Any => DType::I64,
            _ if input.is_float() => DType::F64,
            _ => DType::I64,
        }
    }
}

pub const BLOCK: u32 = 256;

/// One pass. Parameters: input pointer, (input index pointer, u32, when
/// `indexed_input`), output pointer, (output index pointer for arg folds: u32 partials,
/// or int64 in the final pass), `inner` (u32), `scale` (f64, multiplies the final
/// pass's float sum: 1/n for mean). Partials are stored in the accumulator's dtype, the
/// final pass in `output`. Grid: (parts, outer).
pub fn kernel(
    fold: Fold,
    input: DType,
    indexed_input: bool,
    output: DType,
    final_pass: bool,
    name: &str,
) -> String {
    let mut k = Kernel::new(name);
    let acc_dtype = fold.accumulator(input);
    let float = acc_dtype.is_float();
    let src = k.pointer_param();
    let src_index = indexed_input.then(|| k.pointer_param());
    let dst = k.pointer_param();
    let dst_index = fold.has_index().then(|| k.pointer_param());
    let inner = k.u32_param();
    let scale_name = k.param(".f64");
    let scale = k.load_param(Class::F64, ".f64", &scale_name);
    let tid = k.special("%tid.x");
    let part = k.special("%ctaid.x");
    let parts = k.special("%nctaid.x");
    let row = k.special("%ctaid.y");
    let row_start = k.op2("mul.lo.u32", Class::B32, row, inner);

    let mut acc = identity(&mut k, fold, float);
    let mut acc_index = k.reg(Class::B32);
    k.ins(format!("mov.u32 {acc_index}, -1"));
    // for (j = part * BLOCK + tid; j < inner; j += parts * BLOCK)
    let j = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {j}, {part}, {BLOCK}, {tid}"));
    let step = k.reg(Class::B32);
    k.ins(format!("mul.lo.u32 {step}, {parts}, {BLOCK}"));
    let (top, done) = (k.new_label("fold"), k.new_label("folded"));
    k.label(&top);
    let p = k.op2("setp.ge.u32", Class::Pred, j, inner);
    k.ins(format!("@{p} bra {done}"));
    let at = k.op2("add.u32", Class::B32, row_start, j);
    let address = k.address(src, at, ptx::size_of(input));
    let mut x = k.load(input, address);
    if matches!(fold, Fold::All | Fold::Any) {
        let nz = k.nonzero(x);
        x = k.flag(nz);
    }
    let x_index = match src_index {
        Some(base) => {
            let a = k.address(base, at, 4);
            let r = k.reg(Class::B32);
            k.ins(format!("ld.global.nc.u32 {r}, [{a}]"));
            r
        }
        None => j,
    };
    let (next, next_index) = combine(&mut k, fold, float, (acc, acc_index), (x, x_index));
    k.ins(format!("mov.{} {acc}, {next}", if float { "f64" } else { "b64" }));
    k.ins(format!("mov.u32 {acc_index}, {next_index}"));
    k.ins(format!("add.u32 {j}, {j}, {step}"));
    k.ins(format!("bra {top}"));
    k.label(&done);

    // Within each warp, then across the block's warps through shared memory.
    (acc, acc_index) = warp_fold(&mut k, fold, float, acc, acc_index);
    let values = k.shared(if float { ".f64" } else { ".s64" }, (BLOCK / 32) as usize);
    let indices = k.shared(".u32", (BLOCK / 32) as usize);
    let lane = k.reg(Class::B32);
    k.ins(format!("and.b32 {lane}, {tid}, 31"));
    let warp = k.reg(Class::B32);
    k.ins(format!("shr.u32 {warp}, {tid}, 5"));
    let slot = shared_slot(&mut k, &values, warp, 8);
    let index_slot = shared_slot(&mut k, &indices, warp, 4);
    let not_first = k.reg(Class::Pred);
    k.ins(format!("setp.ne.u32 {not_first}, {lane}, 0"));
    let ty = if float { "f64" } else { "s64" };
    k.ins(format!("@!{not_first} st.shared.{ty} [{slot}], {acc}"));
    k.ins(format!("@!{not_first} st.shared.u32 [{index_slot}], {acc_index}"));
    k.ins("bar.sync 0");
    let beyond = k.new_label("beyond");
    let p = k.reg(Class::Pred);
    k.ins(format!("setp.ne.u32 {p}, {warp}, 0"));
    k.ins(format!("@{p} bra {beyond}"));
    let mine = identity(&mut k, fold, float);
    let mine_index = k.reg(Class::B32);
    k.ins(format!("mov.u32 {mine_index}, -1"));
    let present = k.reg(Class::Pred);
    k.ins(format!("setp.lt.u32 {present}, {lane}, {}", BLOCK / 32));
    let lane_slot = shared_slot(&mut k, &values, lane, 8);
    let lane_index_slot = shared_slot(&mut k, &indices, lane, 4);
    k.ins(format!("@{present} ld.shared.{ty} {mine}, [{lane_slot}]"));
    k.ins(format!("@{present} ld.shared.u32 {mine_index}, [{lane_index_slot}]"));
    let (total, total_index) = warp_fold(&mut k, fold, float, mine, mine_index);
    k.ins(format!("@{not_first} bra {beyond}"));
    let out_at = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {out_at}, {row}, {parts}, {part}"));
    let final_value = if final_pass && fold == Fold::Sum && float { k.mul(total, scale) } else { total };
    let address = k.address(dst, out_at, ptx::size_of(output));
    let stored = convert(&mut k, acc_dtype, output, final_value);
    k.store(output, address, stored);
    if let Some(base) = dst_index {
        if final_pass {
            let a = k.address(base, out_at, 8);
            let wide = k.op1("cvt.u64.u32", Class::B64, total_index);
            k.ins(format!("st.global.u64 [{a}], {wide}"));
        } else {
            let a = k.address(base, out_at, 4);
            k.ins(format!("st.global.u32 [{a}], {total_index}"));
        }
    }
    k.label(&beyond);
    ptx::module(k)
}

/// The accumulator converted to the stored dtype (partials stay in the accumulator's).
fn convert(k: &mut Kernel, from: DType, to: DType, v: Reg) -> Reg {
    match (from.is_float(), to.is_float()) {
        (false, true) => k.op1("cvt.rn.f64.s64", Class::F64, v),
        (true, false) => k.op1("cvt.rzi.s64.f64", Class::B64, v),
        _ => v,
    }
}

fn shared_slot(k: &mut Kernel, array: &str, index: Reg, size: usize) -> Reg {
    let base = k.reg(Class::B64);
    k.ins(format!("mov.u64 {base}, {array}"));
    let offset = k.reg(Class::B64);
    k.ins(format!("mul.wide.u32 {offset}, {index}, {size}"));
    k.op2("add.s64", Class::B64, base, offset)
}

/// The fold's starting value: nothing seen yet.
fn identity(k: &mut Kernel, fold: Fold, float: bool) -> Reg {
    match (fold, float) {
        (Fold::Sum | Fold::Any, true) => k.f64_const(0.0),
        (Fold::Prod, true) => k.f64_const(1.0),
        (Fold::Max | Fold::ArgMax, true) => k.f64_const(f64::NEG_INFINITY),
        (Fold::Min | Fold::ArgMin, true) => k.f64_const(f64::INFINITY),
        (Fold::Sum | Fold::Any, false) => k.i64_const(0),
        (Fold::Prod | Fold::All, _) => k.i64_const(1),
        (Fold::Max | Fold::ArgMax, false) => k.i64_const(i64::MIN),
        (Fold::Min | Fold::ArgMin, false) => k.i64_const(i64::MAX),
    }
}

/// Folds `(b, j)` into `(a, i)`. Max and min propagate NaN; the arg folds count NaN as
/// the extreme and keep the first index among equals, as the CPU path does.
fn combine(k: &mut Kernel, fold: Fold, float: bool, (a, i): (Reg, Reg), (b, j): (Reg, Reg)) -> (Reg, Reg) {
    let ty = if float { "f64" } else { "s64" };
    let class = if float { Class::F64 } else { Class::B64 };
    match fold {
        Fold::Sum => (k.op2(&format!("add.{}", if float { "rn.f64" } else { "s64" }), class, a, b), i),
        Fold::Prod => (k.op2(&format!("mul.{}", if float { "rn.f64" } else { "lo.s64" }), class, a, b), i),
        Fold::All => (k.op2("min.s64", class, a, b), i),
        Fold::Any => (k.op2("max.s64", class, a, b), i),
        Fold::Max | Fold::Min => {
            let m = k.op2(&format!("{}.{ty}", if fold == Fold::Max { "max" } else { "min" }), class, a, b);
            if !float {
                return (m, i);
            }
            let nan_a = k.is_nan(a);
            let m = k.select(nan_a, a, m);
            let nan_b = k.is_nan(b);
            (k.select(nan_b, b, m), i)
        }
        Fold::ArgMax | Fold::ArgMin => {
            let cmp = if fold == Fold::ArgMax { "gt" } else { "lt" };
            let better = k.op2(&format!("setp.{cmp}.{ty}"), Class::Pred, b, a);
            let equal = k.op2(&format!("setp.eq.{ty}"), Class::Pred, b, a);
            let (better, equal) = if float {
                let nan_a = k.is_nan(a);
                let nan_b = k.is_nan(b);
                let not_nan_a = k.op1("not.pred", Class::Pred, nan_a);
                let fresh_nan = k.op2("and.pred", Class::Pred, nan_b, not_nan_a);
                let both_nan = k.op2("and.pred", Class::Pred, nan_a, nan_b);
                (
                    k.op2("or.pred", Class::Pred, better, fresh_nan),
                    k.op2("or.pred", Class::Pred, equal, both_nan),
                )
            } else {
                (better, equal)
            };
            let earlier = k.op2("setp.lt.u32", Class::Pred, j, i);
            let tie = k.op2("and.pred", Class::Pred, equal, earlier);
            let take = k.op2("or.pred", Class::Pred, better, tie);
            let v = k.reg(class);
            k.ins(format!("selp.{} {v}, {b}, {a}, {take}", if float { "f64" } else { "b64" }));
            let idx = k.reg(Class::B32);
            k.ins(format!("selp.b32 {idx}, {j}, {i}, {take}"));
            (v, idx)
        }
    }
}

/// Folds a warp's 32 values into lane 0 by shuffling down 16, 8, 4, 2, 1 lanes.
fn warp_fold(k: &mut Kernel, fold: Fold, float: bool, mut v: Reg, mut i: Reg) -> (Reg, Reg) {
    for offset in [16, 8, 4, 2, 1] {
        let (lo, hi) = (k.reg(Class::B32), k.reg(Class::B32));
        k.ins(format!("mov.b64 {{{lo}, {hi}}}, {v}"));
        let (lo2, hi2) = (k.reg(Class::B32), k.reg(Class::B32));
        k.ins(format!("shfl.sync.down.b32 {lo2}, {lo}, {offset}, 31, -1"));
        k.ins(format!("shfl.sync.down.b32 {hi2}, {hi}, {offset}, 31, -1"));
        let other = k.reg(if float { Class::F64 } else { Class::B64 });
        k.ins(format!("mov.b64 {other}, {{{lo2}, {hi2}}}"));
        let other_index = k.reg(Class::B32);
        k.ins(format!("shfl.sync.down.b32 {other_index}, {i}, {offset}, 31, -1"));
        (v, i) = combine(k, fold, float, (v, i), (other, other_index));
    }
    (v, i)
}
