//! Element types and PyTorch's type promotion (`torch.promote_types`,
//! `torch.result_type`).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    Bool,
    U8,
    I8,
    I16,
    I32,
    I64,
    F16,
    BF16,
    F32,
    F64,
}

/// Bool < integer < float: a Python scalar only widens a tensor to a higher category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Bool,
    Integer,
    Float,
}

impl DType {
    /// ATen's C++ type names, which its error messages use.
    pub fn torch_name(self) -> &'static str {
        match self {
            DType::Bool => "Bool",
            DType::U8 => "Byte",
            DType::I8 => "Char",
            DType::I16 => "Short",
            DType::I32 => "Int",
            DType::I64 => "Long",
            DType::F16 => "Half",
            DType::BF16 => "BFloat16",
            DType::F32 => "Float",
            DType::F64 => "Double",
        }
    }

    /// The C++ element types, which some of ATen's messages name instead.
    pub fn cpp_name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::U8 => "unsigned char",
            DType::I8 => "signed char",
            DType::I16 => "short int",
            DType::I32 => "int",
            DType::I64 => "long int",
            DType::F16 => "c10::Half",
            DType::BF16 => "c10::BFloat16",
            DType::F32 => "float",
            DType::F64 => "double",
        }
    }

    /// PyTorch's short dtype names whose prelude names are conversion functions
    /// (`float`, `int`, `bool`) or missing (`cfloat` aside): `torch.float` is float32.
    pub const TORCH_NAMES: &'static [(&'static str, DType)] = &[
        ("float", DType::F32),
        ("int", DType::I32),
        ("bool", DType::Bool),
        ("double", DType::F64),
        ("long", DType::I64),
        ("half", DType::F16),
        ("short", DType::I16),
    ];

    pub const ALL: [DType; 10] = [
        DType::Bool,
        DType::U8,
        DType::I8,
        DType::I16,
        DType::I32,
        DType::I64,
        DType::F16,
        DType::BF16,
        DType::F32,
        DType::F64,
    ];

    /// The default float dtype (`torch.get_default_dtype()`).
    pub const DEFAULT_FLOAT: DType = DType::F32;

    /// PyTorch's name without the `torch.` prefix.
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::U8 => "uint8",
            DType::I8 => "int8",
            DType::I16 => "int16",
            DType::I32 => "int32",
            DType::I64 => "int64",
            DType::F16 => "float16",
            DType::BF16 => "bfloat16",
            DType::F32 => "float32",
            DType::F64 => "float64",
        }
    }

    /// The dtype a name (or one of PyTorch's aliases) stands for.
    pub fn from_name(name: &str) -> Option<DType> {
        Some(match name {
            "bool" => DType::Bool,
            "uint8" => DType::U8,
            "int8" => DType::I8,
            "int16" | "short" => DType::I16,
            "int32" => DType::I32,
            "int64" | "long" => DType::I64,
            "float16" | "half" => DType::F16,
            "bfloat16" => DType::BF16,
            "float32" => DType::F32,
            "float64" | "double" => DType::F64,
            _ => return None,
        })
    }

    pub fn category(self) -> Category {
        match self {
            DType::Bool => Category::Bool,
            DType::U8 | DType::I8 | DType::I16 | DType::I32 | DType::I64 => Category::Integer,
            DType::F16 | DType::BF16 | DType::F32 | DType::F64 => Category::Float,
        }
    }

    pub fn is_float(self) -> bool {
        self.category() == Category::Float
    }

    pub fn is_integer(self) -> bool {
        self.category() == Category::Integer
    }

    /// The smallest and largest value of an integer dtype.
    pub fn integer_range(self) -> Option<(i64, i64)> {
        Some(match self {
            DType::U8 => (0, u8::MAX as i64),
            DType::I8 => (i8::MIN as i64, i8::MAX as i64),
            DType::I16 => (i16::MIN as i64, i16::MAX as i64),
            DType::I32 => (i32::MIN as i64, i32::MAX as i64),
            DType::I64 => (i64::MIN, i64::MAX),
            _ => return None,
        })
    }

    /// The largest finite value of a float dtype (`f64::MAX` for the others, which
    /// nothing exceeds).
    pub fn finite_max(self) -> f64 {
        match self {
            DType::F16 => 65504.0,
            DType::BF16 => 3.389_531_389_251_535_5e38,
            DType::F32 => f32::MAX as f64,
            _ => f64::MAX,
        }
    }

    pub fn item_size(self) -> usize {
        match self {
            DType::Bool | DType::U8 | DType::I8 => 1,
            DType::I16 | DType::F16 | DType::BF16 => 2,
            DType::I32 | DType::F32 => 4,
            DType::I64 | DType::F64 => 8,
        }
    }

    /// The smallest dtype both values fit in (`torch.promote_types`).
    pub fn promote(self, other: DType) -> DType {
        use DType::*;
        if self == other {
            return self;
        }
        let (a, b) = if self <= other { (self, other) } else { (other, self) };
        match (a, b) {
            (Bool, x) => x,
            (U8, I8) | (U8, I16) => I16,
            (U8, x) => x,
            (F16, BF16) => F32,
            (x, y) if x.is_integer() && y.is_integer() => y,
            (x, y) if x.is_integer() && y.is_float() => y,
            (_, y) => y,
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One operand of an operation, as `torch.result_type` weighs it: tensors with
/// dimensions outrank 0-d tensors, which outrank Python scalars, unless a lower rank
/// brings a higher category.
#[derive(Clone, Copy, Debug)]
pub enum Operand {
    Tensor(DType),
    ZeroDim(DType),
    /// A Python number: bool, int (int64) or float (the default float dtype).
    Scalar(Category),
}

/// PyTorch's `result_type` over the operands of one operation.
pub fn result_type(operands: &[Operand]) -> DType {
    let mut tensors: Option<DType> = None;
    let mut zero_dim: Option<DType> = None;
    let mut scalars: Option<DType> = None;
    let fold = |slot: &mut Option<DType>, d: DType| *slot = Some(slot.map_or(d, |s| s.promote(d)));
    for op in operands {
        match *op {
            Operand::Tensor(d) => fold(&mut tensors, d),
            Operand::ZeroDim(d) => fold(&mut zero_dim, d),
            Operand::Scalar(c) => fold(
                &mut scalars,
                match c {
                    Category::Bool => DType::Bool,
                    Category::Integer => DType::I64,
                    Category::Float => DType::DEFAULT_FLOAT,
                },
            ),
        }
    }
    combine(tensors, combine(zero_dim, scalars)).unwrap_or(DType::DEFAULT_FLOAT)
}

/// c10's `combine_categories`: the higher-priority result wins unless the lower one is
/// of a higher category.
fn combine(higher: Option<DType>, lower: Option<DType>) -> Option<DType> {
    let Some(high) = higher else { return lower };
    let Some(low) = lower else { return Some(high) };
    if high.is_float() {
        return Some(high);
    }
    if high == DType::Bool || low.is_float() {
        return Some(high.promote(low));
    }
    Some(high)
}

#[cfg(test)]
mod tests {
    use super::DType::*;
    use super::*;

    #[test]
    fn promotion_matches_torch() {
        assert_eq!(U8.promote(I8), I16);
        assert_eq!(Bool.promote(U8), U8);
        assert_eq!(I32.promote(F16), F16);
        assert_eq!(F16.promote(BF16), F32);
        assert_eq!(I64.promote(F32), F32);
        assert_eq!(I8.promote(I64), I64);
    }

    #[test]
    fn scalars_do_not_widen_within_a_category() {
        assert_eq!(result_type(&[Operand::Tensor(U8), Operand::Scalar(Category::Integer)]), U8);
        assert_eq!(result_type(&[Operand::Tensor(I32), Operand::Scalar(Category::Float)]), F32);
        assert_eq!(result_type(&[Operand::Tensor(F16), Operand::Scalar(Category::Float)]), F16);
        assert_eq!(result_type(&[Operand::Tensor(Bool), Operand::Scalar(Category::Integer)]), I64);
        assert_eq!(result_type(&[Operand::Tensor(I32), Operand::ZeroDim(I64)]), I32);
        assert_eq!(result_type(&[Operand::Tensor(I32), Operand::ZeroDim(F64)]), F64);
        assert_eq!(result_type(&[Operand::ZeroDim(I64), Operand::Scalar(Category::Float)]), F32);
    }
}
