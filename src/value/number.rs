//! Python's numeric tower for scalars: bool < int < float, with checked integer maths.

use super::Value;

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
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a == b,
            (a, b) => a.to_f64() == b.to_f64(),
        }
    }

    pub fn partial_cmp(self, other: Number) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.to_f64().partial_cmp(&b.to_f64()),
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            Number::Int(i) => Value::Int(i),
            Number::Float(x) => Value::Float(x),
        }
    }
}

/// Python's `//` on floats: the floor of the true quotient.
pub fn float_floor_div(a: f64, b: f64) -> f64 {
    crate::tensor::arith::Arith::floor_div(a, b)
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
}
