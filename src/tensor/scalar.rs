//! One element outside a tensor: what `item()` returns and what fills a tensor.

use super::{TensorError, TensorResult};
use crate::storage::dtype::{Category, DType};
use crate::storage::element::Element;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
}

impl Scalar {
    pub fn from_element<T: Element>(x: T) -> Scalar {
        match T::DTYPE.category() {
            Category::Bool => Scalar::Bool(x.is_nonzero()),
            Category::Integer => Scalar::Int(x.to_i64()),
            Category::Float => Scalar::Float(x.to_f64()),
        }
    }

    pub fn to_element<T: Element>(self) -> T {
        match self {
            Scalar::Bool(b) => T::from_bool(b),
            Scalar::Int(i) => T::from_i64(i),
            Scalar::Float(x) => T::from_f64(x),
        }
    }

    /// Whether PyTorch stores this Python number in `dtype` rather than refuse it
    /// (`c10::checked_convert`). Tensor-to-tensor casts and arithmetic wrap instead.
    pub fn fits(self, dtype: DType) -> bool {
        match (self, dtype.integer_range()) {
            (Scalar::Bool(_), _) => true,
            _ if dtype == DType::Bool => true,
            // Unsigned types take negative ints down to -max, wrapping (so `a - b` can
            // run as `a + 255 * b`).
            (Scalar::Int(i), Some((low, high))) => (if low == 0 { -high } else { low }..=high).contains(&i),
            // The floor must be in range: 127.9 fits int8, -0.5 does not fit uint8.
            (Scalar::Float(x), Some((low, high))) => x >= low as f64 && x < high as f64 + 1.0,
            (value, None) => {
                let x = value.to_f64();
                !x.is_finite() || x.abs() <= dtype.finite_max()
            }
        }
    }

    /// This number as the fill of `elements` elements of `dtype` (`fill_`, `full`,
    /// `t[i] = x`), or PyTorch's overflow error.
    pub fn checked_fill(self, dtype: DType, elements: usize) -> TensorResult<Scalar> {
        // ATen fills a single element through a path that checks no half type.
        let unchecked = elements == 1 && matches!(dtype, DType::F16 | DType::BF16);
        if unchecked || self.fits(dtype) {
            return Ok(self);
        }
        Err(TensorError::runtime(format!(
            "value cannot be converted to type {} without overflow",
            accessor_type_name(dtype)
        )))
    }

    pub fn category(self) -> Category {
        match self {
            Scalar::Bool(_) => Category::Bool,
            Scalar::Int(_) => Category::Integer,
            Scalar::Float(_) => Category::Float,
        }
    }

    /// The dtype a tensor made from this value alone gets.
    pub fn default_dtype(self) -> DType {
        match self {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int(_) => DType::I64,
            Scalar::Float(_) => DType::DEFAULT_FLOAT,
        }
    }

    /// This value stored in `dtype` and read back: the rounding that dtype applies.
    pub fn to_dtype_f64(self, dtype: DType) -> f64 {
        crate::with_dtype!(dtype, T => self.to_element::<T>().to_f64())
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Scalar::Bool(b) => b as u8 as f64,
            Scalar::Int(i) => i as f64,
            Scalar::Float(x) => x,
        }
    }
}

/// The element types as `c10::Scalar`'s accessors name them in their overflow errors
/// (neither the dtype names `tensor()` uses nor the C++ names of the kernels).
fn accessor_type_name(dtype: DType) -> &'static str {
    match dtype {
        DType::Bool => "bool",
        DType::U8 => "uint8_t",
        DType::I8 => "int8_t",
        DType::I16 => "int16_t",
        DType::I32 => "int",
        DType::I64 => "int64_t",
        DType::F16 => "c10::Half",
        DType::BF16 => "c10::BFloat16",
        DType::F32 => "float",
        DType::F64 => "double",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_as_checked_convert_decides() {
        assert!(Scalar::Int(-255).fits(DType::U8) && !Scalar::Int(-256).fits(DType::U8));
        assert!(Scalar::Int(127).fits(DType::I8) && !Scalar::Int(128).fits(DType::I8));
        assert!(Scalar::Float(127.9).fits(DType::I8) && !Scalar::Float(128.0).fits(DType::I8));
        assert!(!Scalar::Float(-128.5).fits(DType::I8) && !Scalar::Float(-0.5).fits(DType::U8));
        assert!(Scalar::Float(-(2f64.powi(63))).fits(DType::I64));
        assert!(!Scalar::Float(2f64.powi(63)).fits(DType::I64));
        assert!(!Scalar::Float(f64::NAN).fits(DType::I32) && !Scalar::Float(f64::INFINITY).fits(DType::I64));
        assert!(
            Scalar::Float(f64::NAN).fits(DType::F16) && Scalar::Float(f64::NEG_INFINITY).fits(DType::F32)
        );
        assert!(Scalar::Int(65504).fits(DType::F16) && !Scalar::Int(65505).fits(DType::F16));
        assert!(Scalar::Float(f32::MAX as f64).fits(DType::F32) && !Scalar::Float(1e39).fits(DType::F32));
        assert!(Scalar::Float(1e300).fits(DType::Bool) && Scalar::Bool(true).fits(DType::I8));
    }

    #[test]
    fn a_single_half_is_filled_unchecked() {
        assert!(Scalar::Float(1e30).checked_fill(DType::F16, 1).is_ok());
        let error = Scalar::Float(1e30).checked_fill(DType::F16, 2).unwrap_err();
        assert_eq!(error.message, "value cannot be converted to type c10::Half without overflow");
        assert!(Scalar::Int(1000).checked_fill(DType::I8, 1).is_err());
    }
}
