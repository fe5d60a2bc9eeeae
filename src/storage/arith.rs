//! Arithmetic on one element of each dtype, with PyTorch's semantics: integers wrap,
//! `//` and `%` floor as Python's do, half floats compute in f32.

use super::element::Element;
use half::{bf16, f16};

pub trait Arith: Element {
    fn add(self, b: Self) -> Self;
    fn sub(self, b: Self) -> Self;
    fn mul(self, b: Self) -> Self;
    /// Division; for integers only called by code that promotes to float first.
    fn div(self, b: Self) -> Self;
    /// Python's `//` (integer divisors are checked for zero before).
    fn floor_div(self, b: Self) -> Self;
    /// Python's `%`: the result takes the divisor's sign.
    fn rem(self, b: Self) -> Self;
    fn pow(self, b: Self) -> Self;
    fn max(self, b: Self) -> Self;
    fn min(self, b: Self) -> Self;
    fn neg(self) -> Self;
    fn abs(self) -> Self;
    fn is_zero(self) -> bool {
        !self.is_nonzero()
    }
}

macro_rules! integer_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            fn add(self, b: Self) -> Self { self.wrapping_add(b) }
            fn sub(self, b: Self) -> Self { self.wrapping_sub(b) }
            fn mul(self, b: Self) -> Self { self.wrapping_mul(b) }
            fn div(self, b: Self) -> Self { if b == 0 { 0 } else { self.wrapping_div(b) } }
            fn floor_div(self, b: Self) -> Self {
                if b == 0 { return 0; }
                let q = self.wrapping_div(b);
                if self.wrapping_rem(b) != 0 && ((self < 0 as $t) != (b < 0 as $t)) { q.wrapping_sub(1) } else { q }
            }
            fn rem(self, b: Self) -> Self {
                if b == 0 { return 0; }
                let r = self.wrapping_rem(b);
                if r != 0 && ((r < 0 as $t) != (b < 0 as $t)) { r.wrapping_add(b) } else { r }
            }
            // A negative power truncates 1 / x^n toward zero, as ATen's integer pow does.
            #[allow(unused_comparisons)]
            fn pow(self, b: Self) -> Self {
                if b < 0 as $t {
                    return match self as i64 {
                        1 => 1,
                        -1 => if (b as i64) % 2 == 0 { 1 } else { self },
                        _ => 0,
                    };
                }
                let mut result: $t = 1;
                let mut base = self;
                let mut exp = b as i64;
                while exp > 0 {
                    if exp & 1 == 1 { result = result.wrapping_mul(base); }
                    base = base.wrapping_mul(base);
                    exp >>= 1;
                }
                result
            }
            fn max(self, b: Self) -> Self { if self >= b { self } else { b } }
            fn min(self, b: Self) -> Self { if self <= b { self } else { b } }
            fn neg(self) -> Self { (0 as $t).wrapping_sub(self) }
            #[allow(unused_comparisons)]
            fn abs(self) -> Self { if self < 0 as $t { self.neg() } else { self } }
        }
    )*};
}

integer_arith!(u8, i8, i16, i32, i64);

macro_rules! float_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            fn add(self, b: Self) -> Self { self + b }
            fn sub(self, b: Self) -> Self { self - b }
            fn mul(self, b: Self) -> Self { self * b }
            fn div(self, b: Self) -> Self { self / b }
            // CPython's float_floor_div, which ATen's div_floor_floating copies: the
            // quotient of the exact remainder, rounded, and a zero signed as a / b.
            fn floor_div(self, b: Self) -> Self {
                if b == 0.0 { return self / b; }
                let r = self % b;
                let mut quotient = (self - r) / b;
                if r != 0.0 && ((b < 0.0) != (r < 0.0)) {
                    quotient -= 1.0;
                }
                if quotient == 0.0 {
                    return (0.0 as $t).copysign(self / b);
                }
                let floor = quotient.floor();
                if quotient - floor > 0.5 { floor + 1.0 } else { floor }
            }
            fn rem(self, b: Self) -> Self {
                let r = self % b;
                if r != 0.0 && ((r < 0.0) != (b < 0.0)) { r + b } else { r }
            }
            fn pow(self, b: Self) -> Self { self.powf(b) }
            // NaN propagates, as in torch.maximum.
            fn max(self, b: Self) -> Self { if self.is_nan() || b.is_nan() { <$t>::NAN } else { self.max(b) } }
            fn min(self, b: Self) -> Self { if self.is_nan() || b.is_nan() { <$t>::NAN } else { self.min(b) } }
            fn neg(self) -> Self { -self }
            fn abs(self) -> Self { self.abs() }
        }
    )*};
}

float_arith!(f32, f64);

macro_rules! half_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            fn add(self, b: Self) -> Self { <$t>::from_f32(self.to_f32() + b.to_f32()) }
            fn sub(self, b: Self) -> Self { <$t>::from_f32(self.to_f32() - b.to_f32()) }
            fn mul(self, b: Self) -> Self { <$t>::from_f32(self.to_f32() * b.to_f32()) }
            fn div(self, b: Self) -> Self { <$t>::from_f32(self.to_f32() / b.to_f32()) }
            fn floor_div(self, b: Self) -> Self { <$t>::from_f32(Arith::floor_div(self.to_f32(), b.to_f32())) }
            fn rem(self, b: Self) -> Self { <$t>::from_f32(Arith::rem(self.to_f32(), b.to_f32())) }
            fn pow(self, b: Self) -> Self { <$t>::from_f32(self.to_f32().powf(b.to_f32())) }
            fn max(self, b: Self) -> Self { <$t>::from_f32(Arith::max(self.to_f32(), b.to_f32())) }
            fn min(self, b: Self) -> Self { <$t>::from_f32(Arith::min(self.to_f32(), b.to_f32())) }
            fn neg(self) -> Self { -self }
            fn abs(self) -> Self { <$t>::from_f32(self.to_f32().abs()) }
        }
    )*};
}

half_arith!(f16, bf16);

/// Bool arithmetic as PyTorch defines it: `+` is or, `*` is and.
impl Arith for bool {
    fn add(self, b: Self) -> Self {
        self | b
    }
    fn sub(self, b: Self) -> Self {
        self ^ b
    }
    fn mul(self, b: Self) -> Self {
        self & b
    }
    fn div(self, b: Self) -> Self {
        self & b
    }
    fn floor_div(self, b: Self) -> Self {
        self & b
    }
    fn rem(self, _: Self) -> Self {
        false
    }
    fn pow(self, b: Self) -> Self {
        self | !b
    }
    fn max(self, b: Self) -> Self {
        self | b
    }
    fn min(self, b: Self) -> Self {
        self & b
    }
    fn neg(self) -> Self {
        self
    }
    fn abs(self) -> Self {
        self
    }
}
