//! Python's numeric tower for scalars: bool < int < float, with checked integer maths.

use super::Value;
use crate::exception::ErrorKind;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug)]
pub enum Number {
    Int(i64),
    Float(f64),
}

pub fn as_number(v: &Value) -> Option<Number> {
    match v {
        Value::Bool(b) => Some(Number::Int(*b as i64)),
        Value::Int(i) => Some(Number::Int(*i)),
        Value::Float(x) => Some(Number::Float(*x)),
        _ => None,
    }
}

impl Number {
    pub fn to_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(x) => x,
        }
    }

    pub fn equals(self, other: Number) -> bool {
        self.partial_cmp(other) == Some(Ordering::Equal)
    }

    /// Python's order, exact between ints and floats (`2**53 + 1 > 2.0**53`, which in
    /// f64 would be equal).
    pub fn partial_cmp(self, other: Number) -> Option<Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (Number::Float(a), Number::Float(b)) => a.partial_cmp(&b),
            (Number::Int(a), Number::Float(b)) => int_float_cmp(a, b),
            (Number::Float(a), Number::Int(b)) => int_float_cmp(b, a).map(Ordering::reverse),
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            Number::Int(i) => Value::Int(i),
            Number::Float(x) => Value::Float(x),
        }
    }
}

/// 2^63: the first float above every i64 (and -2^63 the last one not below them).
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

fn int_float_cmp(i: i64, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x >= TWO_POW_63 {
        return Some(Ordering::Less);
    }
    if x < -TWO_POW_63 {
        return Some(Ordering::Greater);
    }
    // The whole part of `x` is an i64 here; ties are broken by its fraction.
    Some(i.cmp(&(x.trunc() as i64)).then(0.0.partial_cmp(&x.fract()).unwrap_or(Ordering::Equal)))
}

/// `int(x)` of a float, truncated toward zero, or Python's error: NaN is a ValueError,
/// infinity an OverflowError, and so (tl's ints being 64-bit) is anything beyond i64.
pub fn float_to_int(x: f64) -> Result<i64, (ErrorKind, &'static str)> {
    if x.is_nan() {
        return Err((ErrorKind::ValueError, "cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err((ErrorKind::OverflowError, "cannot convert float infinity to integer"));
    }
    if !(-TWO_POW_63..TWO_POW_63).contains(&x.trunc()) {
        return Err((ErrorKind::OverflowError, "float too large for a 64-bit integer"));
    }
    Ok(x.trunc() as i64)
}

/// Python's `//` on floats: the floor of the true quotient.
pub fn float_floor_div(a: f64, b: f64) -> f64 {
    crate::storage::arith::Arith::floor_div(a, b)
}

/// Python's `%` on floats: the result has the sign of the divisor.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let r = a % b;
    if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
        r + b
    } else {
        r
    }
}

/// Python's `//` on ints (`None` on overflow; the caller has ruled out zero).
pub fn int_floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    Some(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

/// Python's `%` on ints (the caller has ruled out zero).
pub fn int_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_follow_python() {
        assert_eq!(int_floor_div(-7, 2), Some(-4));
        assert_eq!(int_mod(-7, 2), 1);
        assert_eq!(int_mod(7, -2), -1);
        assert_eq!(float_mod(-7.5, 2.0), 0.5);
        assert_eq!(float_floor_div(-7.5, 2.0), -4.0);
        assert_eq!(int_floor_div(i64::MIN, -1), None);
    }

    #[test]
    fn ints_and_floats_compare_exactly() {
        let big = Number::Int((1 << 53) + 1);
        assert!(!big.equals(Number::Float(2f64.powi(53))));
        assert_eq!(big.partial_cmp(Number::Float(2f64.powi(53))), Some(Ordering::Greater));
        assert_eq!(Number::Float(2.5).partial_cmp(Number::Int(2)), Some(Ordering::Greater));
        assert_eq!(Number::Int(-3).partial_cmp(Number::Float(-2.5)), Some(Ordering::Less));
        assert_eq!(Number::Int(i64::MAX).partial_cmp(Number::Float(TWO_POW_63)), Some(Ordering::Less));
        assert!(Number::Int(i64::MIN).equals(Number::Float(-TWO_POW_63)));
        assert_eq!(Number::Int(0).partial_cmp(Number::Float(f64::NAN)), None);
    }

    #[test]
    fn float_to_int_refuses_as_python() {
        assert_eq!(float_to_int(-2.7), Ok(-2));
        assert_eq!(float_to_int(-TWO_POW_63), Ok(i64::MIN));
        assert_eq!(float_to_int(TWO_POW_63).unwrap_err().0, ErrorKind::OverflowError);
        assert_eq!(float_to_int(f64::NEG_INFINITY).unwrap_err().0, ErrorKind::OverflowError);
        assert_eq!(float_to_int(f64::NAN).unwrap_err().0, ErrorKind::ValueError);
    }
}
