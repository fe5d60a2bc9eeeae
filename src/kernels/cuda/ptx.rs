//! Writing PTX: a kernel's parameters, virtual registers and instructions, assembled into
//! a module the driver can JIT. Registers are typed by class; `ptxas` allocates the real
//! ones, so every value gets a fresh virtual register.

use super::math::Math;
use crate::storage::dtype::DType;
use std::fmt::{self, Write};

/// PTX 7.0 for sm_70 runs on every GPU since Volta, the H100 included (the driver JITs
/// it for the device at hand).
pub const HEADER: &str = ".version 7.0\n.target sm_70\n.address_size 64\n";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Pred,
    B16,
    B32,
    B64,
    F32,
    F64,
}

impl Class {
    const ALL: [Class; 6] = [Class::Pred, Class::B16, Class::B32, Class::B64, Class::F32, Class::F64];

    fn prefix(self) -> &'static str {
        match self {
            Class::Pred => "p",
            Class::B16 => "h",
            Class::B32 => "r",
            Class::B64 => "rd",
            Class::F32 => "f",
            Class::F64 => "fd",
        }
    }

    fn decl(self) -> &'static str {
        match self {
            Class::Pred => ".pred",
            Class::B16 => ".b16",
            Class::B32 => ".b32",
            Class::B64 => ".b64",
            Class::F32 => ".f32",
            Class::F64 => ".f64",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reg {
    class: Class,
    id: u32,
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}{}", self.class.prefix(), self.id)
    }
}

/// One `.entry` being written.
pub struct Kernel {
    name: String,
    params: Vec<String>,
    body: String,
    counts: [u32; 6],
    shared: Vec<String>,
    labels: u32,
}

impl Kernel {
    pub fn new(name: &str) -> Kernel {
        Kernel {
            name: name.into(),
            params: Vec::new(),
            body: String::new(),
            counts: [0; 6],
            shared: Vec::new(),
            labels: 0,
        }
    }

    /// Declares a parameter of PTX type `ty` (`.u64`, `.u32`, `.f64`, ...); returns its name.
    pub fn param(&mut self, ty: &str) -> String {
        let name = format!("{}_param_{}", self.name, self.params.len());
        self.params.push(format!(".param {ty} {name}"));
        name
    }

    /// Declares a shared-memory array of `count` elements of `ty`; returns its name.
    pub fn shared(&mut self, ty: &str, count: usize) -> String {
        let name = format!("shared_{}", self.shared.len());
        self.shared.push(format!(".shared .align 8 {ty} {name}[{count}];"));
        name
    }

    pub fn reg(&mut self, class: Class) -> Reg {
        let at = Class::ALL.iter().position(|c| *c == class).unwrap_or(0);
        self.counts[at] += 1;
        Reg { class, id: self.counts[at] }
    }

    /// One instruction (the `;` is added).
    pub fn ins(&mut self, text: impl AsRef<str>) {
        self.body.push('\t');
        self.body.push_str(text.as_ref());
        self.body.push_str(";\n");
    }

    pub fn new_label(&mut self, what: &str) -> String {
        self.labels += 1;
        format!("$L_{what}_{}", self.labels)
    }

    pub fn label(&mut self, name: &str) {
        let _ = writeln!(self.body, "{name}:");
    }

    /// A register holding the value of parameter `name`.
    pub fn load_param(&mut self, class: Class, ty: &str, name: &str) -> Reg {
        let r = self.reg(class);
        self.ins(format!("ld.param{ty} {r}, [{name}]"));
        r
    }

    /// A register holding a new `.u32` parameter.
    pub fn u32_param(&mut self) -> Reg {
        let name = self.param(".u32");
        self.load_param(Class::B32, ".u32", &name)
    }

    /// A global-space pointer from a pointer parameter.
    pub fn pointer_param(&mut self) -> Reg {
        let name = self.param(".u64");
        let raw = self.load_param(Class::B64, ".u64", &name);
        let global = self.reg(Class::B64);
        self.ins(format!("cvta.to.global.u64 {global}, {raw}"));
        global
    }

    /// `base + index * size` as a 64-bit address.
    pub fn address(&mut self, base: Reg, index: Reg, size: usize) -> Reg {
        let wide = self.reg(Class::B64);
        self.ins(format!("mul.wide.u32 {wide}, {index}, {size}"));
        let at = self.reg(Class::B64);
        self.ins(format!("add.s64 {at}, {base}, {wide}"));
        at
    }

    /// A special register such as `%tid.x` copied into a general one.
    pub fn special(&mut self, name: &str) -> Reg {
        let r = self.reg(Class::B32);
        self.ins(format!("mov.u32 {r}, {name}"));
        r
    }

    pub fn finish(self) -> String {
        let mut out = format!(".visible .entry {}(\n\t", self.name);
        out.push_str(&self.params.join(",\n\t"));
        out.push_str("\n)\n{\n");
        for (class, count) in Class::ALL.iter().zip(self.counts) {
            if count > 0 {
                let _ = writeln!(out, "\t.reg {} %{}<{}>;", class.decl(), class.prefix(), count + 1);
            }
        }
        for decl in &self.shared {
            let _ = writeln!(out, "\t{decl}");
        }
        out.push_str(&self.body);
        out.push_str("\tret;\n}\n");
        out
    }
}

/// A module of one kernel.
pub fn module(kernel: Kernel) -> String {
    format!("{HEADER}\n{}", kernel.finish())
}

/// Bytes per element of `dtype` on the device (bool is a byte).
pub fn size_of(dtype: DType) -> usize {
    dtype.item_size()
}

/// `ld.global` type suffix and the register class an element is loaded into.
fn memory_type(dtype: DType) -> (&'static str, Class) {
    match dtype {
        DType::Bool | DType::U8 => (".u8", Class::B16),
        DType::I8 => (".s8", Class::B16),
        DType::I16 => (".s16", Class::B16),
        DType::I32 => (".s32", Class::B32),
        DType::I64 => (".s64", Class::B64),
        DType::F32 => (".f32", Class::F32),
        DType::F16 | DType::BF16 | DType::F64 => (".f64", Class::F64),
    }
}

impl Kernel {
    /// Loads the element at `address` into the computing class of its dtype: f64 for
    /// floats, s64 for integers and bools.
    pub fn load(&mut self, dtype: DType, address: Reg) -> Reg {
        let (ty, class) = memory_type(dtype);
        let raw = self.reg(class);
        self.ins(format!("ld.global.nc{ty} {raw}, [{address}]"));
        self.widen(dtype, raw)
    }

    /// A value as loaded (in its memory class) widened to its computing class.
    pub fn widen(&mut self, dtype: DType, raw: Reg) -> Reg {
        let target = if dtype.is_float() { Class::F64 } else { Class::B64 };
        if raw.class == target {
            return raw;
        }
        let out = self.reg(target);
        let conversion = match dtype {
            DType::F32 => "cvt.f64.f32",
            DType::Bool | DType::U8 => "cvt.u64.u16",
            DType::I8 | DType::I16 => "cvt.s64.s16",
            _ => "cvt.s64.s32",
        };
        self.ins(format!("{conversion} {out}, {raw}"));
        out
    }

    /// Stores a computing-class value as an element of `dtype`.
    pub fn store(&mut self, dtype: DType, address: Reg, value: Reg) {
        let (ty, class) = memory_type(dtype);
        let ty = if matches!(dtype, DType::Bool | DType::U8 | DType::I8) { ".u8" } else { ty };
        let raw = if class == value.class {
            value
        } else {
            let r = self.reg(class);
            let conversion = match class {
                Class::F32 => "cvt.rn.f32.f64",
                Class::B16 => "cvt.u16.u64",
                _ => "cvt.u32.u64",
            };
            self.ins(format!("{conversion} {r}, {value}"));
            r
        };
        self.ins(format!("st.global{ty} [{address}], {raw}"));
    }

    pub fn f64_const(&mut self, v: f64) -> Reg {
        let r = self.reg(Class::F64);
        self.ins(format!("mov.f64 {r}, 0d{:016X}", v.to_bits()));
        r
    }

    pub fn i64_const(&mut self, v: i64) -> Reg {
        let r = self.reg(Class::B64);
        self.ins(format!("mov.b64 {r}, {v}"));
        r
    }

    /// `op.ty dst, a, b` into a fresh register of `class`.
    pub fn op2(&mut self, op: &str, class: Class, a: Reg, b: Reg) -> Reg {
        let r = self.reg(class);
        self.ins(format!("{op} {r}, {a}, {b}"));
        r
    }

    pub fn op1(&mut self, op: &str, class: Class, a: Reg) -> Reg {
        let r = self.reg(class);
        self.ins(format!("{op} {r}, {a}"));
        r
    }

    /// 1 or 0 (s64) from a predicate.
    pub fn flag(&mut self, p: Reg) -> Reg {
        let r = self.reg(Class::B64);
        self.ins(format!("selp.b64 {r}, 1, 0, {p}"));
        r
    }

    /// The predicate `value != 0` of a computing-class value (NaN counts as nonzero).
    pub fn nonzero(&mut self, value: Reg) -> Reg {
        let p = self.reg(Class::Pred);
        match value.class {
            Class::F64 => self.ins(format!("setp.neu.f64 {p}, {value}, 0d0000000000000000")),
            _ => self.ins(format!("setp.ne.s64 {p}, {value}, 0")),
        }
        p
    }
}

/// Emitting the shared maths: each operation is one or a few instructions.
impl Math for Kernel {
    type F = Reg;
    type P = Reg;
    fn c(&mut self, v: f64) -> Reg {
        self.f64_const(v)
    }
    fn add(&mut self, a: Reg, b: Reg) -> Reg {
        self.op2("add.rn.f64", Class::F64, a, b)
    }
    fn sub(&mut self, a: Reg, b: Reg) -> Reg {
        self.op2("sub.rn.f64", Class::F64, a, b)
    }
    fn mul(&mut self, a: Reg, b: Reg) -> Reg {
        self.op2("mul.rn.f64", Class::F64, a, b)
    }
    fn div(&mut self, a: Reg, b: Reg) -> Reg {
        self.op2("div.rn.f64", Class::F64, a, b)
    }
    fn fma(&mut self, a: Reg, b: Reg, c: Reg) -> Reg {
        let r = self.reg(Class::F64);
        self.ins(format!("fma.rn.f64 {r}, {a}, {b}, {c}"));
        r
    }
    fn neg(&mut self, a: Reg) -> Reg {
        self.op1("neg.f64", Class::F64, a)
    }
    fn abs(&mut self, a: Reg) -> Reg {
        self.op1("abs.f64", Class::F64, a)
    }
    fn sqrt(&mut self, a: Reg) -> Reg {
        self.op1("sqrt.rn.f64", Class::F64, a)
    }
    fn rint(&mut self, a: Reg) -> Reg {
        self.op1("cvt.rni.f64.f64", Class::F64, a)
    }
    fn trunc(&mut self, a: Reg) -> Reg {
        self.op1("cvt.rzi.f64.f64", Class::F64, a)
    }
    fn lt(&mut self, a: Reg, b: Reg) -> Reg {
        self.op2("setp.lt.f64", Class::Pred, a, b)
    }
    fn eq(&mut self, a: Reg, b: Reg) -> Reg {
        self.op2("setp.eq.f64", Class::Pred, a, b)
    }
    fn is_nan(&mut self, a: Reg) -> Reg {
        self.op2("setp.nan.f64", Class::Pred, a, a)
    }
    fn sign_bit(&mut self, a: Reg) -> Reg {
        let bits = self.op1("mov.b64", Class::B64, a);
        let p = self.reg(Class::Pred);
        self.ins(format!("setp.lt.s64 {p}, {bits}, 0"));
        p
    }
    fn and(&mut self, p: Reg, q: Reg) -> Reg {
        self.op2("and.pred", Class::Pred, p, q)
    }
    fn or(&mut self, p: Reg, q: Reg) -> Reg {
        self.op2("or.pred", Class::Pred, p, q)
    }
    fn not(&mut self, p: Reg) -> Reg {
        self.op1("not.pred", Class::Pred, p)
    }
    fn select(&mut self, p: Reg, a: Reg, b: Reg) -> Reg {
        let r = self.reg(a.class);
        let ty = if a.class == Class::F64 { "f64" } else { "b64" };
        self.ins(format!("selp.{ty} {r}, {a}, {b}, {p}"));
        r
    }
    fn copysign(&mut self, magnitude: Reg, sign: Reg) -> Reg {
        // PTX's copysign takes the sign source first.
        let r = self.reg(Class::F64);
        self.ins(format!("copysign.f64 {r}, {sign}, {magnitude}"));
        r
    }
    fn pow2(&mut self, n: Reg) -> Reg {
        let whole = self.op1("cvt.rzi.s64.f64", Class::B64, n);
        let biased = self.reg(Class::B64);
        self.ins(format!("add.s64 {biased}, {whole}, 1023"));
        let bits = self.reg(Class::B64);
        self.ins(format!("shl.b64 {bits}, {biased}, 52"));
        self.op1("mov.b64", Class::F64, bits)
    }
    fn frexp(&mut self, a: Reg) -> (Reg, Reg) {
        let bits = self.op1("mov.b64", Class::B64, a);
        let shifted = self.reg(Class::B64);
        self.ins(format!("shr.u64 {shifted}, {bits}, 52"));
        let field = self.reg(Class::B64);
        self.ins(format!("and.b64 {field}, {shifted}, 2047"));
        let unbiased = self.reg(Class::B64);
        self.ins(format!("sub.s64 {unbiased}, {field}, 1023"));
        let e = self.op1("cvt.rn.f64.s64", Class::F64, unbiased);
        let fraction = self.reg(Class::B64);
        self.ins(format!("and.b64 {fraction}, {bits}, 4503599627370495"));
        let one = self.reg(Class::B64);
        self.ins(format!("or.b64 {one}, {fraction}, 4607182418800017408"));
        let m = self.op1("mov.b64", Class::F64, one);
        (m, e)
    }
}
