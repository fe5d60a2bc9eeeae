//! One element outside a tensor: what `item()` returns and what fills a tensor.

use super::dtype::{Category, DType};
use super::element::Element;

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
