//! The numbers `hash()` returns, by CPython's algorithms (`Python/pyhash.c`,
//! `Objects/tupleobject.c`, `Objects/setobject.c`) where CPython's are fixed: ints,
//! floats, tuples and frozensets of them hash as in CPython. CPython salts string
//! hashes afresh in every process, so tl's (a fixed SipHash) is as good as any; `None`
//! hashes to a constant of tl's own, and objects by identity, as CPython's do.

use super::dict::HashKey;
use std::hash::{Hash, Hasher};

/// CPython's modulus for numeric hashes: the Mersenne prime 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;

impl HashKey {
    pub fn python_hash(&self) -> i64 {
        match self {
            HashKey::None => not_minus_one(0xFCA8_6420),
            HashKey::Int(i) => int_hash(*i),
            HashKey::Float(bits) => float_hash(f64::from_bits(*bits)),
            HashKey::Str(s) => {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                s.hash(&mut hasher);
                not_minus_one(hasher.finish() as i64)
            }
            HashKey::Tuple(items) => tuple_hash(items),
            HashKey::FrozenSet(items) => frozenset_hash(items),
            HashKey::Custom(_, h) => not_minus_one(*h),
            HashKey::Object(address) => not_minus_one(address.rotate_right(4) as i64),
        }
    }
}

/// -1 is CPython's error signal, so no hash is -1.
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

fn int_hash(i: i64) -> i64 {
    let magnitude = (i.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if i < 0 { -magnitude } else { magnitude })
}

/// `_Py_HashDouble`: the float's value as a fraction, reduced modulo 2**61 - 1, so that a
/// float equal to an int hashes as the int.
fn float_hash(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) } as u32;
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    not_minus_one(if v < 0.0 { -(x as i64) } else { x as i64 })
}

/// C's `frexp`: `v = m * 2**e` with `0.5 <= m < 1` (for a finite, nonzero `v`).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// CPython's tuple hash, after xxHash.
fn tuple_hash(items: &[HashKey]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for item in items {
        acc = acc.wrapping_add((item.python_hash() as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    if acc as i64 == -1 {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// CPython's frozenset hash: its items' hashes, shuffled and combined by xor (so order
/// does not matter), then mixed.
fn frozenset_hash(items: &[HashKey]) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut hash = items.iter().fold(0u64, |acc, item| acc ^ shuffle(item.python_hash() as u64));
    hash ^= (items.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash as i64 == -1 {
        590_923_713
    } else {
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(value: &super::super::Value) -> HashKey {
        HashKey::of(value).unwrap()
    }

    // The expected numbers are CPython 3.11's `hash(...)` of the same values.
    #[test]
    fn numbers_hash_as_in_cpython() {
        use super::super::Value;
        assert_eq!(key(&Value::Int(-1)).python_hash(), -2);
        assert_eq!(key(&Value::Int(1 << 61)).python_hash(), 1);
        assert_eq!(key(&Value::Float(1.5)).python_hash(), 1_152_921_504_606_846_977);
        assert_eq!(key(&Value::Float(-0.1)).python_hash(), -230_584_300_921_369_408);
        assert_eq!(key(&Value::Float(f64::INFINITY)).python_hash(), 314_159);
        assert_eq!(key(&Value::Float(2.0)).python_hash(), 2);
        assert_eq!(key(&Value::Float(1e-320)).python_hash(), 33_957_085_184);
        assert_eq!(key(&Value::Float(1e300)).python_hash(), 1_224_995_262_755_759_164);
        assert_eq!(key(&Value::Float(-2.5e-8)).python_hash(), -789_396_629_831_109_982);
    }

    #[test]
    fn tuples_and_frozensets_hash_as_in_cpython() {
        use super::super::Value;
        let pair = Value::tuple(vec![Value::Int(1), Value::Int(2)]);
        assert_eq!(key(&pair).python_hash(), -3_550_055_125_485_641_917);
        assert_eq!(HashKey::Tuple(vec![]).python_hash(), 5_740_354_900_026_072_187);
        let set = HashKey::FrozenSet(vec![HashKey::Int(1), HashKey::Int(2)]);
        assert_eq!(set.python_hash(), -1_826_646_154_956_904_602);
        assert_eq!(HashKey::FrozenSet(vec![]).python_hash(), 133_146_708_735_736);
    }
}
