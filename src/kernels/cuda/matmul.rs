//! Batched matrix multiplication on the device: a straightforward 16×16 shared-memory
//! tiled kernel (cuBLAS is not used), accumulating in the operands' dtype as the CPU
//! path does. Operands are read through strides, so transposed views need no copy.

use super::ptx::{self, Class, Kernel};
use crate::storage::dtype::DType;

pub const TILE: u32 = 16;

/// `C[b] = A[b] @ B[b]` for `A: [M, K]`, `B: [K, N]`, `C: [M, N]` contiguous.
/// Parameters: A, B, C pointers; M, N, K; A's batch, row and column strides; B's.
/// Grid: (ceil(N/16), ceil(M/16), batch); block (16, 16).
pub fn kernel(dtype: DType, name: &str) -> String {
    let mut k = Kernel::new(name);
    let (ty, class, size) = match dtype {
        DType::F32 => ("f32", Class::F32, 4),
        _ => ("f64", Class::F64, 8),
    };
    let a = k.pointer_param();
    let b = k.pointer_param();
    let c = k.pointer_param();
    let dims: Vec<_> = (0..9).map(|_| k.u32_param()).collect();
    let (m, n, kk) = (dims[0], dims[1], dims[2]);
    let (a_batch, a_row, a_col, b_batch, b_row, b_col) =
        (dims[3], dims[4], dims[5], dims[6], dims[7], dims[8]);
    let tile_a = k.shared(&format!(".{ty}"), (TILE * (TILE + 1)) as usize);
    let tile_b = k.shared(&format!(".{ty}"), (TILE * (TILE + 1)) as usize);
    let tx = k.special("%tid.x");
    let ty_ = k.special("%tid.y");
    let bx = k.special("%ctaid.x");
    let by = k.special("%ctaid.y");
    let batch = k.special("%ctaid.z");
    let row = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {row}, {by}, {TILE}, {ty_}"));
    let col = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {col}, {bx}, {TILE}, {tx}"));
    let a_base = k.op2("mul.lo.u32", Class::B32, batch, a_batch);
    let b_base = k.op2("mul.lo.u32", Class::B32, batch, b_batch);
    let zero = if dtype == DType::F32 { "0f00000000" } else { "0d0000000000000000" };
    let acc = k.reg(class);
    k.ins(format!("mov.{ty} {acc}, {zero}"));
    // Shared slots: this thread's (ty, tx) in both tiles, padded rows of 17.
    let slot = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {slot}, {ty_}, {}, {tx}", TILE + 1));
    let slot_bytes = k.reg(Class::B32);
    k.ins(format!("mul.lo.u32 {slot_bytes}, {slot}, {size}"));
    let t = k.reg(Class::B32);
    k.ins(format!("mov.u32 {t}, 0"));
    let (top, done) = (k.new_label("tile"), k.new_label("tiled"));
    k.label(&top);
    let p = k.op2("setp.ge.u32", Class::Pred, t, kk);
    k.ins(format!("@{p} bra {done}"));
    // A[row, t + tx] and B[t + ty, col], zero outside the matrices.
    let a_col_at = k.op2("add.u32", Class::B32, t, tx);
    let b_row_at = k.op2("add.u32", Class::B32, t, ty_);
    for (tile, base, src, r, cc, rs, cs, limit_r, limit_c) in [
        (&tile_a, a_base, a, row, a_col_at, a_row, a_col, m, kk),
        (&tile_b, b_base, b, b_row_at, col, b_row, b_col, kk, n),
    ] {
        let value = k.reg(class);
        k.ins(format!("mov.{ty} {value}, {zero}"));
        let inside_r = k.op2("setp.lt.u32", Class::Pred, r, limit_r);
        let inside_c = k.op2("setp.lt.u32", Class::Pred, cc, limit_c);
        let inside = k.op2("and.pred", Class::Pred, inside_r, inside_c);
        let offset = k.reg(Class::B32);
        k.ins(format!("mad.lo.u32 {offset}, {r}, {rs}, {base}"));
        let offset2 = k.reg(Class::B32);
        k.ins(format!("mad.lo.u32 {offset2}, {cc}, {cs}, {offset}"));
        let address = k.address(src, offset2, size);
        k.ins(format!("@{inside} ld.global.nc.{ty} {value}, [{address}]"));
        let shared_at = k.reg(Class::B64);
        k.ins(format!("mov.u64 {shared_at}, {tile}"));
        let wide = k.reg(Class::B64);
        k.ins(format!("cvt.u64.u32 {wide}, {slot_bytes}"));
        let at = k.op2("add.s64", Class::B64, shared_at, wide);
        k.ins(format!("st.shared.{ty} [{at}], {value}"));
    }
    k.ins("bar.sync 0");
    let (a_tile_base, b_tile_base) = (k.reg(Class::B64), k.reg(Class::B64));
    k.ins(format!("mov.u64 {a_tile_base}, {tile_a}"));
    k.ins(format!("mov.u64 {b_tile_base}, {tile_b}"));
    for i in 0..TILE {
        // A tile (ty, i) times B tile (i, tx).
        let a_slot = k.reg(Class::B32);
        k.ins(format!("mad.lo.u32 {a_slot}, {ty_}, {}, {i}", TILE + 1));
        let a_at = k.address(a_tile_base, a_slot, size);
        let b_slot = k.reg(Class::B32);
        k.ins(format!("add.u32 {b_slot}, {tx}, {}", i * (TILE + 1)));
        let b_at = k.address(b_tile_base, b_slot, size);
        let (x, y) = (k.reg(class), k.reg(class));
        k.ins(format!("ld.shared.{ty} {x}, [{a_at}]"));
        k.ins(format!("ld.shared.{ty} {y}, [{b_at}]"));
        k.ins(format!("fma.rn.{ty} {acc}, {x}, {y}, {acc}"));
    }
    k.ins("bar.sync 0");
    k.ins(format!("add.u32 {t}, {t}, {TILE}"));
    k.ins(format!("bra {top}"));
    k.label(&done);
    let inside_r = k.op2("setp.lt.u32", Class::Pred, row, m);
    let inside_c = k.op2("setp.lt.u32", Class::Pred, col, n);
    let inside = k.op2("and.pred", Class::Pred, inside_r, inside_c);
    let skip = k.new_label("outside");
    k.ins(format!("@!{inside} bra {skip}"));
    let mn = k.op2("mul.lo.u32", Class::B32, m, n);
    let c_base = k.op2("mul.lo.u32", Class::B32, batch, mn);
    let c_row = k.reg(Class::B32);
    k.ins(format!("mad.lo.u32 {c_row}, {row}, {n}, {c_base}"));
    let c_at = k.op2("add.u32", Class::B32, c_row, col);
    let address = k.address(c, c_at, size);
    k.ins(format!("st.global.{ty} [{address}], {acc}"));
    k.label(&skip);
    ptx::module(k)
}
