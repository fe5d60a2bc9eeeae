//! A tensor's elements: one flat buffer of one dtype, shared by every view of it.

use super::dtype::DType;
use super::element::{cast, Element};
use half::{bf16, f16};

#[derive(Clone, Debug)]
pub enum Storage {
    Bool(Vec<bool>),
    U8(Vec<u8>),
    I8(Vec<i8>),
    I16(Vec<i16>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    F16(Vec<f16>),
    BF16(Vec<bf16>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

/// Runs `$body` with `$v` bound to the typed buffer of `$storage`, whatever its dtype.
#[macro_export]
macro_rules! with_storage {
    ($storage:expr, $v:ident => $body:expr) => {
        match $storage {
            $crate::storage::Storage::Bool($v) => $body,
            $crate::storage::Storage::U8($v) => $body,
            $crate::storage::Storage::I8($v) => $body,
            $crate::storage::Storage::I16($v) => $body,
            $crate::storage::Storage::I32($v) => $body,
            $crate::storage::Storage::I64($v) => $body,
            $crate::storage::Storage::F16($v) => $body,
            $crate::storage::Storage::BF16($v) => $body,
            $crate::storage::Storage::F32($v) => $body,
            $crate::storage::Storage::F64($v) => $body,
        }
    };
}

/// Runs `$body` with the type alias `$t` set to the Rust type of `$dtype`.
#[macro_export]
macro_rules! with_dtype {
    ($dtype:expr, $t:ident => $body:expr) => {
        match $dtype {
            $crate::storage::dtype::DType::Bool => {
                type $t = bool;
                $body
            }
            $crate::storage::dtype::DType::U8 => {
                type $t = u8;
                $body
            }
            $crate::storage::dtype::DType::I8 => {
                type $t = i8;
                $body
            }
            $crate::storage::dtype::DType::I16 => {
                type $t = i16;
                $body
            }
            $crate::storage::dtype::DType::I32 => {
                type $t = i32;
                $body
            }
            $crate::storage::dtype::DType::I64 => {
                type $t = i64;
                $body
            }
            $crate::storage::dtype::DType::F16 => {
                type $t = half::f16;
                $body
            }
            $crate::storage::dtype::DType::BF16 => {
                type $t = half::bf16;
                $body
            }
            $crate::storage::dtype::DType::F32 => {
                type $t = f32;
                $body
            }
            $crate::storage::dtype::DType::F64 => {
                type $t = f64;
                $body
            }
        }
    };
}

/// Typed access to a storage's buffer.
pub trait Buffer: Element {
    fn wrap(data: Vec<Self>) -> Storage;
    fn slice(storage: &Storage) -> Option<&[Self]>;
    fn slice_mut(storage: &mut Storage) -> Option<&mut [Self]>;
}

macro_rules! buffer {
    ($t:ty, $variant:ident) => {
        impl Buffer for $t {
            fn wrap(data: Vec<Self>) -> Storage {
                Storage::$variant(data)
            }
            fn slice(storage: &Storage) -> Option<&[Self]> {
                match storage {
                    Storage::$variant(v) => Some(v),
                    _ => None,
                }
            }
            fn slice_mut(storage: &mut Storage) -> Option<&mut [Self]> {
                match storage {
                    Storage::$variant(v) => Some(v),
                    _ => None,
                }
            }
        }
    };
}

buffer!(bool, Bool);
buffer!(u8, U8);
buffer!(i8, I8);
buffer!(i16, I16);
buffer!(i32, I32);
buffer!(i64, I64);
buffer!(f16, F16);
buffer!(bf16, BF16);
buffer!(f32, F32);
buffer!(f64, F64);

impl Storage {
    pub fn dtype(&self) -> DType {
        with_storage!(self, v => element_dtype(v))
    }

    pub fn len(&self) -> usize {
        with_storage!(self, v => v.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A buffer of `len` zeros (false for bool).
    pub fn zeros(dtype: DType, len: usize) -> Storage {
        crate::limits::claim(len, dtype.item_size());
        with_dtype!(dtype, T => T::wrap(vec![T::from_i64(0); len]))
    }

    /// The element at `index` as f64 (for printing and `item`).
    pub fn get_f64(&self, index: usize) -> f64 {
        with_storage!(self, v => v[index].to_f64())
    }

    /// The buffer converted to `dtype` (a copy; the same buffer cloned if equal).
    pub fn cast(&self, dtype: DType) -> Storage {
        if self.dtype() == dtype {
            return self.clone();
        }
        with_storage!(self, v => with_dtype!(dtype, T => T::wrap(v.iter().map(|&x| cast::<_, T>(x)).collect())))
    }
}

fn element_dtype<T: Element>(_: &[T]) -> DType {
    T::DTYPE
}
