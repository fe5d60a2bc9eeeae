//! A tensor's elements as sort keys, compared exactly: integers (and bools) as i64,
//! floats as f64 (every float dtype widens to f64 without rounding). An int64 above
//! 2^53 would lose its low bits in f64, so `sort`, `unique` and `argmax` must not go
//! through it.

use crate::tensor::Tensor;
use std::cmp::Ordering;

pub enum Keys {
    Exact(Vec<i64>),
    Float(Vec<f64>),
}

impl Keys {
    /// The elements of `t` in row-major order.
    pub fn of(t: &Tensor) -> Keys {
        if t.dtype().is_float() {
            Keys::Float(t.to_f64_vec())
        } else {
            Keys::Exact(t.to_i64_vec())
        }
    }

    /// PyTorch's order of row-major elements `i` and `j`: NaN after every number, NaNs
    /// equal to one another.
    pub fn cmp(&self, i: usize, j: usize) -> Ordering {
        match self {
            Keys::Exact(v) => v[i].cmp(&v[j]),
            Keys::Float(v) => v[i].partial_cmp(&v[j]).unwrap_or_else(|| v[i].is_nan().cmp(&v[j].is_nan())),
        }
    }

    /// `==` on the elements: NaN equals nothing, itself included.
    pub fn equal(&self, i: usize, j: usize) -> bool {
        match self {
            Keys::Exact(v) => v[i] == v[j],
            Keys::Float(v) => v[i] == v[j],
        }
    }

    pub fn is_nan(&self, i: usize) -> bool {
        matches!(self, Keys::Float(v) if v[i].is_nan())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_int64s_compare_exactly() {
        let keys = Keys::of(&Tensor::from_vec(vec![(1i64 << 53) + 1, 1 << 53], &[2]));
        assert_eq!(keys.cmp(0, 1), Ordering::Greater);
        assert!(!keys.equal(0, 1));
    }

    #[test]
    fn nan_sorts_last_and_equals_nothing() {
        let keys = Keys::of(&Tensor::from_vec(vec![f64::NAN, f64::INFINITY, f64::NAN], &[3]));
        assert_eq!(keys.cmp(0, 1), Ordering::Greater);
        assert_eq!(keys.cmp(0, 2), Ordering::Equal);
        assert!(!keys.equal(0, 0));
        assert!(keys.is_nan(2) && !keys.is_nan(1));
    }
}
