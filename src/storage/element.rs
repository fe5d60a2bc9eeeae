//! The Rust types behind the dtypes, and the conversions between them that PyTorch
//! makes: integers wrap, floats truncate toward zero, anything nonzero is `true`.

use super::dtype::DType;
use half::{bf16, f16};

pub trait Element: Copy + Send + Sync + PartialOrd + std::fmt::Debug + 'static {
    const DTYPE: DType;
    fn to_f64(self) -> f64;
    fn to_i64(self) -> i64;
    fn from_f64(x: f64) -> Self;
    /// Wraps like a C cast: `300` as uint8 is `44`.
    fn from_i64(x: i64) -> Self;
    fn from_bool(b: bool) -> Self;
    fn is_nonzero(self) -> bool;
}

macro_rules! integer_element {
    ($t:ty, $d:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
            fn from_f64(x: f64) -> Self {
                // Truncate toward zero, then wrap: what PyTorch's casts do on x86.
                (x as i64) as $t
            }
            fn from_i64(x: i64) -> Self {
                x as $t
            }
            fn from_bool(b: bool) -> Self {
                b as $t
            }
            fn is_nonzero(self) -> bool {
                self != 0
            }
        }
    };
}

integer_element!(u8, U8);
integer_element!(i8, I8);
integer_element!(i16, I16);
integer_element!(i32, I32);
integer_element!(i64, I64);

macro_rules! float_element {
    ($t:ty, $d:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
            fn from_f64(x: f64) -> Self {
                x as $t
            }
            fn from_i64(x: i64) -> Self {
                x as $t
            }
            fn from_bool(b: bool) -> Self {
                b as u8 as $t
            }
            fn is_nonzero(self) -> bool {
                self != 0.0
            }
        }
    };
}

float_element!(f32, F32);
float_element!(f64, F64);

macro_rules! half_element {
    ($t:ty, $d:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn to_f64(self) -> f64 {
                self.to_f64()
            }
            fn to_i64(self) -> i64 {
                self.to_f64() as i64
            }
            fn from_f64(x: f64) -> Self {
                <$t>::from_f64(x)
            }
            fn from_i64(x: i64) -> Self {
                <$t>::from_f64(x as f64)
            }
            fn from_bool(b: bool) -> Self {
                <$t>::from_f64(b as u8 as f64)
            }
            fn is_nonzero(self) -> bool {
                self.to_f64() != 0.0
            }
        }
    };
}

half_element!(f16, F16);
half_element!(bf16, BF16);

impl Element for bool {
    const DTYPE: DType = DType::Bool;
    fn to_f64(self) -> f64 {
        self as u8 as f64
    }
    fn to_i64(self) -> i64 {
        self as i64
    }
    fn from_f64(x: f64) -> Self {
        x != 0.0
    }
    fn from_i64(x: i64) -> Self {
        x != 0
    }
    fn from_bool(b: bool) -> Self {
        b
    }
    fn is_nonzero(self) -> bool {
        self
    }
}

/// Converts one element to another type as `tensor.to(dtype)` does.
pub fn cast<A: Element, B: Element>(x: A) -> B {
    match A::DTYPE.category() {
        super::dtype::Category::Float => B::from_f64(x.to_f64()),
        _ if B::DTYPE == DType::Bool => B::from_bool(x.is_nonzero()),
        _ => B::from_i64(x.to_i64()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casts_wrap_and_truncate_like_torch() {
        assert_eq!(cast::<i64, u8>(300), 44);
        assert_eq!(cast::<i64, i8>(-129), 127);
        assert_eq!(cast::<f64, i64>(-2.7), -2);
        assert_eq!(cast::<f32, u8>(300.5), 44);
        assert!(cast::<f64, bool>(0.1));
        assert_eq!(cast::<bool, f32>(true), 1.0);
        assert_eq!(cast::<i64, f16>(3).to_f64(), 3.0);
    }
}
