//! Double-precision elementary functions for device kernels. PTX has only approximate
//! f32 `ex2`/`lg2`/`sin`/`cos`, so tl writes its own: each function here is generic over
//! `Math`, which the PTX emitter implements by writing one instruction per operation
//! and `Exact` (below) implements with plain f64 arithmetic, so the very code that
//! becomes a kernel is tested on the CPU against Rust's libm. The algorithms are
//! branch-free (both sides computed, one selected), as suits a GPU.

// fdlibm's coefficients are kept digit for digit as published, beyond f64's precision.
#![allow(clippy::excessive_precision)]

/// The operations the algorithms are written in. Exponents are carried as integral
/// floats, so only one value type is needed.
pub trait Math {
    type F: Copy;
    type P: Copy;
    fn c(&mut self, v: f64) -> Self::F;
    fn add(&mut self, a: Self::F, b: Self::F) -> Self::F;
    fn sub(&mut self, a: Self::F, b: Self::F) -> Self::F;
    fn mul(&mut self, a: Self::F, b: Self::F) -> Self::F;
    fn div(&mut self, a: Self::F, b: Self::F) -> Self::F;
    /// `a * b + c` rounded once.
    fn fma(&mut self, a: Self::F, b: Self::F, c: Self::F) -> Self::F;
    fn neg(&mut self, a: Self::F) -> Self::F;
    fn abs(&mut self, a: Self::F) -> Self::F;
    fn sqrt(&mut self, a: Self::F) -> Self::F;
    /// Round to the nearest integer, ties to even.
    fn rint(&mut self, a: Self::F) -> Self::F;
    fn trunc(&mut self, a: Self::F) -> Self::F;
    fn lt(&mut self, a: Self::F, b: Self::F) -> Self::P;
    fn eq(&mut self, a: Self::F, b: Self::F) -> Self::P;
    fn is_nan(&mut self, a: Self::F) -> Self::P;
    fn sign_bit(&mut self, a: Self::F) -> Self::P;
    fn and(&mut self, p: Self::P, q: Self::P) -> Self::P;
    fn or(&mut self, p: Self::P, q: Self::P) -> Self::P;
    fn not(&mut self, p: Self::P) -> Self::P;
    fn select(&mut self, p: Self::P, a: Self::F, b: Self::F) -> Self::F;
    fn copysign(&mut self, magnitude: Self::F, sign: Self::F) -> Self::F;
    /// `2^n` for an integral `n` in [-1022, 1023], made from its bits.
    fn pow2(&mut self, n: Self::F) -> Self::F;
    /// `(m, e)` with `a = m * 2^e`, `m` in [1, 2), for a positive normal `a`.
    fn frexp(&mut self, a: Self::F) -> (Self::F, Self::F);
}

const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// ln 2 split so that `n * LN2_HI` is exact for the exponents met here (fdlibm's split).
const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
/// π/2 as three doubles, for Cody–Waite argument reduction with fma.
const PIO2: [f64; 3] = [std::f64::consts::FRAC_PI_2, 6.123_233_995_736_766e-17, -1.497_384_904_859_169_8e-33];
const PIO4: (f64, f64) = (std::f64::consts::FRAC_PI_4, 3.061_616_997_868_383e-17);

fn gt<M: Math>(m: &mut M, a: M::F, b: M::F) -> M::P {
    m.lt(b, a)
}

fn constant_gt<M: Math>(m: &mut M, a: M::F, b: f64) -> M::P {
    let b = m.c(b);
    gt(m, a, b)
}

fn constant_lt<M: Math>(m: &mut M, a: M::F, b: f64) -> M::P {
    let b = m.c(b);
    m.lt(a, b)
}

fn is_inf<M: Math>(m: &mut M, a: M::F) -> M::P {
    let x = m.abs(a);
    let inf = m.c(f64::INFINITY);
    m.eq(x, inf)
}

/// `Σ coeffs[k] x^k` by Horner's rule.
fn poly<M: Math>(m: &mut M, x: M::F, coeffs: &[f64]) -> M::F {
    let mut acc = m.c(coeffs[coeffs.len() - 1]);
    for &k in coeffs[..coeffs.len() - 1].iter().rev() {
        let k = m.c(k);
        acc = m.fma(acc, x, k);
    }
    acc
}

/// 1/k! for k = 0..=n.
fn inverse_factorials(n: usize) -> Vec<f64> {
    let mut out = vec![1.0];
    for k in 1..=n {
        out.push(out[k - 1] / k as f64);
    }
    out
}

/// `2^n e^r` for |r| ≤ ln2/2 (plus a small tail); the scaling is split in two so that
/// results in the subnormal range come out right.
fn exp_scaled<M: Math>(m: &mut M, n: M::F, r: M::F) -> M::F {
    let p = poly(m, r, &inverse_factorials(13));
    let half = m.c(0.5);
    let h = m.mul(n, half);
    let h = m.trunc(h);
    let rest = m.sub(n, h);
    let a = m.pow2(h);
    let b = m.pow2(rest);
    let p = m.mul(p, a);
    m.mul(p, b)
}

/// e^(x + tail), where `tail` is a correction far below x's last bit (zero for plain exp).
fn exp_with_tail<M: Math>(m: &mut M, x: M::F, tail: M::F) -> M::F {
    let log2e = m.c(LOG2_E);
    let n = m.mul(x, log2e);
    let n = m.rint(n);
    // Huge |x| is caught by the selects below; clamping keeps the exponent bits sane.
    let (lo, hi) = (m.c(-1100.0), m.c(1100.0));
    let below = m.lt(n, lo);
    let n = m.select(below, lo, n);
    let above = gt(m, n, hi);
    let n = m.select(above, hi, n);
    let minus_n = m.neg(n);
    let (ln2_hi, ln2_lo) = (m.c(LN2_HI), m.c(LN2_LO));
    let r = m.fma(minus_n, ln2_hi, x);
    let r = m.fma(minus_n, ln2_lo, r);
    let r = m.add(r, tail);
    let y = exp_scaled(m, n, r);
    let overflow = constant_gt(m, x, 709.782_712_893_384);
    let inf = m.c(f64::INFINITY);
    let y = m.select(overflow, inf, y);
    let underflow = constant_lt(m, x, -745.2);
    let zero = m.c(0.0);
    let y = m.select(underflow, zero, y);
    let nan = m.is_nan(x);
    m.select(nan, x, y)
}

pub fn exp<M: Math>(m: &mut M, x: M::F) -> M::F {
    let zero = m.c(0.0);
    exp_with_tail(m, x, zero)
}

pub fn exp2<M: Math>(m: &mut M, x: M::F) -> M::F {
    let n = m.rint(x);
    let (lo, hi) = (m.c(-1100.0), m.c(1100.0));
    let below = m.lt(n, lo);
    let n = m.select(below, lo, n);
    let above = gt(m, n, hi);
    let n = m.select(above, hi, n);
    let f = m.sub(x, n);
    let (ln2_hi, ln2_lo) = (m.c(std::f64::consts::LN_2), m.c(2.319_046_813_846_299_6e-17));
    let r_lo = m.mul(f, ln2_lo);
    let r = m.fma(f, ln2_hi, r_lo);
    let y = exp_scaled(m, n, r);
    let overflow = constant_gt(m, x, 1024.0);
    let inf = m.c(f64::INFINITY);
    let y = m.select(overflow, inf, y);
    let underflow = constant_lt(m, x, -1075.0);
    let zero = m.c(0.0);
    let y = m.select(underflow, zero, y);
    let nan = m.is_nan(x);
    m.select(nan, x, y)
}

pub fn expm1<M: Math>(m: &mut M, x: M::F) -> M::F {
    // |x| < 1/2: x + x² Σ x^(k-2)/k!, no cancellation; beyond, exp(x) - 1 loses little.
    let series = poly(m, x, &inverse_factorials(16)[2..]);
    let xx = m.mul(x, x);
    let small = m.fma(series, xx, x);
    let e = exp(m, x);
    let one = m.c(1.0);
    let large = m.sub(e, one);
    let a = m.abs(x);
    let is_small = constant_lt(m, a, 0.5);
    let y = m.select(is_small, small, large);
    // Keeps -0 and passes NaN (the series already gives x for both).
    let zero = m.c(0.0);
    let z = m.eq(x, zero);
    m.select(z, x, y)
}

/// `(e, hi, lo)` with `x = m 2^e`, m in [√½, √2), and `ln m = hi + lo` to about twice
/// double precision (pow needs it), for positive finite x (subnormals too).
fn log_parts<M: Math>(m: &mut M, x: M::F) -> (M::F, M::F, M::F) {
    let tiny = constant_lt(m, x, f64::MIN_POSITIVE);
    let scale = m.c(2f64.powi(54));
    let scaled = m.mul(x, scale);
    let x = m.select(tiny, scaled, x);
    let (mant, e) = m.frexp(x);
    let shift = m.c(-54.0);
    let zero = m.c(0.0);
    let adjust = m.select(tiny, shift, zero);
    let e = m.add(e, adjust);
    let big = constant_gt(m, mant, std::f64::consts::SQRT_2);
    let half = m.c(0.5);
    let halved = m.mul(mant, half);
    let mant = m.select(big, halved, mant);
    let one = m.c(1.0);
    let e_up = m.add(e, one);
    let e = m.select(big, e_up, e);
    // ln(1 + f) = 2 atanh(s), s = f / (2 + f), |s| ≤ 0.1716.
    let f = m.sub(mant, one);
    let two = m.c(2.0);
    let denominator = m.add(two, f);
    // s = f / (2 + f) as s + s_lo: the rounding of 2 + f and of the quotient recovered.
    let lost = m.sub(two, denominator);
    let denominator_lo = m.add(lost, f);
    let s = m.div(f, denominator);
    let minus_s = m.neg(s);
    let residual = m.fma(minus_s, denominator, f);
    let residual = m.fma(minus_s, denominator_lo, residual);
    let s_lo = m.div(residual, denominator);
    let z = m.mul(s, s);
    let odd: Vec<f64> = (1..=12).map(|k| 1.0 / (2 * k + 1) as f64).collect();
    let r = poly(m, z, &odd);
    let r = m.mul(r, z);
    let two_s = m.add(s, s);
    let two_s_lo = m.add(s_lo, s_lo);
    let lo = m.fma(two_s, r, two_s_lo);
    (e, two_s, lo)
}

/// The special values of the logarithms: -inf at 0, NaN below, +inf and NaN passed on.
fn log_specials<M: Math>(m: &mut M, x: M::F, y: M::F) -> M::F {
    let zero = m.c(0.0);
    let is_zero = m.eq(x, zero);
    let neg_inf = m.c(f64::NEG_INFINITY);
    let y = m.select(is_zero, neg_inf, y);
    let negative = m.lt(x, zero);
    let nan = m.c(f64::NAN);
    let y = m.select(negative, nan, y);
    let inf = m.c(f64::INFINITY);
    let is_inf = m.eq(x, inf);
    let y = m.select(is_inf, inf, y);
    let is_nan = m.is_nan(x);
    m.select(is_nan, x, y)
}

pub fn log<M: Math>(m: &mut M, x: M::F) -> M::F {
    let (e, lm, lm_lo) = log_parts(m, x);
    let (hi, lo) = (m.c(LN2_HI), m.c(LN2_LO));
    let tail = m.fma(e, lo, lm_lo);
    let tail = m.add(lm, tail);
    let y = m.fma(e, hi, tail);
    log_specials(m, x, y)
}

/// log base 2 or 10: `e log_b 2 + ln m log_b e`, exact at powers of two for base 2.
fn log_base<M: Math>(m: &mut M, x: M::F, log_b_2: f64, log_b_e: f64) -> M::F {
    let (e, lm, lm_lo) = log_parts(m, x);
    let lm = m.add(lm, lm_lo);
    let (a, b) = (m.c(log_b_2), m.c(log_b_e));
    let scaled = m.mul(lm, b);
    let y = m.fma(e, a, scaled);
    log_specials(m, x, y)
}

pub fn log2<M: Math>(m: &mut M, x: M::F) -> M::F {
    log_base(m, x, 1.0, LOG2_E)
}

pub fn log10<M: Math>(m: &mut M, x: M::F) -> M::F {
    log_base(m, x, std::f64::consts::LOG10_2, std::f64::consts::LOG10_E)
}

pub fn log1p<M: Math>(m: &mut M, x: M::F) -> M::F {
    // log(u) * x / (u - 1) with u = 1 + x cancels u's rounding error (Goldberg).
    let one = m.c(1.0);
    let u = m.add(one, x);
    let lu = log(m, u);
    let d = m.sub(u, one);
    let ratio = m.div(x, d);
    let y = m.mul(lu, ratio);
    let exact = m.eq(u, one);
    let y = m.select(exact, x, y);
    let inf = m.c(f64::INFINITY);
    let is_inf = m.eq(x, inf);
    m.select(is_inf, x, y)
}

/// `(r, n)` with x = r + n π/2, |r| ≤ π/4 (accurate while |x| < 2^30 or so).
fn reduce_half_pi<M: Math>(m: &mut M, x: M::F) -> (M::F, M::F) {
    let two_over_pi = m.c(std::f64::consts::FRAC_2_PI);
    let n = m.mul(x, two_over_pi);
    let n = m.rint(n);
    let minus_n = m.neg(n);
    let mut r = x;
    for part in PIO2 {
        let p = m.c(part);
        r = m.fma(minus_n, p, r);
    }
    (r, n)
}

/// sin r and cos r for |r| ≤ π/4 (fdlibm's kernel polynomials).
fn sin_cos_kernel<M: Math>(m: &mut M, r: M::F) -> (M::F, M::F) {
    const S: [f64; 6] = [
        -1.666_666_666_666_663_243_48e-1,
        8.333_333_333_322_489_461_24e-3,
        -1.984_126_982_985_794_931_34e-4,
        2.755_731_370_707_006_767_89e-6,
        -2.505_076_025_340_686_341_95e-8,
        1.589_690_995_211_550_102_21e-10,
    ];
    const C: [f64; 6] = [
        4.166_666_666_666_660_190_37e-2,
        -1.388_888_888_887_410_957_49e-3,
        2.480_158_728_947_672_941_78e-5,
        -2.755_731_435_139_066_330_35e-7,
        2.087_572_321_298_174_827_90e-9,
        -1.135_964_755_778_819_482_65e-11,
    ];
    let z = m.mul(r, r);
    let ps = poly(m, z, &S);
    let rz = m.mul(r, z);
    let sin = m.fma(rz, ps, r);
    let pc = poly(m, z, &C);
    let half = m.c(0.5);
    let hz = m.mul(half, z);
    let one = m.c(1.0);
    let w = m.sub(one, hz);
    let lost = m.sub(one, w);
    let lost = m.sub(lost, hz);
    let zz = m.mul(z, z);
    let tail = m.fma(zz, pc, lost);
    let cos = m.add(w, tail);
    (sin, cos)
}

/// The quadrant `n mod 4` as two flags: odd (sin and cos swap) and which signs flip.
fn quadrant<M: Math>(m: &mut M, n: M::F) -> (M::P, M::P, M::P) {
    let quarter = m.c(0.25);
    let q = m.mul(n, quarter);
    let q = m.trunc(q);
    let four = m.c(4.0);
    let whole = m.mul(q, four);
    let k = m.sub(n, whole); // in (-4, 4)
    let zero = m.c(0.0);
    let neg = m.lt(k, zero);
    let wrapped = m.add(k, four);
    let k = m.select(neg, wrapped, k);
    let (one, two, three) = (m.c(1.0), m.c(2.0), m.c(3.0));
    let k1 = m.eq(k, one);
    let k2 = m.eq(k, two);
    let k3 = m.eq(k, three);
    let odd = m.or(k1, k3);
    // sin flips in quadrants 2 and 3, cos in 1 and 2.
    let sin_flip = m.or(k2, k3);
    let cos_flip = m.or(k1, k2);
    (odd, sin_flip, cos_flip)
}

/// Keeps ±0 as given (the reduction loses the sign of zero).
fn keep_zero<M: Math>(m: &mut M, x: M::F, y: M::F) -> M::F {
    let zero = m.c(0.0);
    let z = m.eq(x, zero);
    m.select(z, x, y)
}

pub fn sin<M: Math>(m: &mut M, x: M::F) -> M::F {
    let (r, n) = reduce_half_pi(m, x);
    let (s, c) = sin_cos_kernel(m, r);
    let (odd, flip, _) = quadrant(m, n);
    let y = m.select(odd, c, s);
    let minus = m.neg(y);
    let y = m.select(flip, minus, y);
    keep_zero(m, x, y)
}

pub fn cos<M: Math>(m: &mut M, x: M::F) -> M::F {
    let (r, n) = reduce_half_pi(m, x);
    let (s, c) = sin_cos_kernel(m, r);
    let (odd, _, flip) = quadrant(m, n);
    let y = m.select(odd, s, c);
    let minus = m.neg(y);
    m.select(flip, minus, y)
}

pub fn tan<M: Math>(m: &mut M, x: M::F) -> M::F {
    let (r, n) = reduce_half_pi(m, x);
    let (s, c) = sin_cos_kernel(m, r);
    let (odd, _, _) = quadrant(m, n);
    let even_quadrant = m.div(s, c);
    let cot = m.div(c, s);
    let odd_quadrant = m.neg(cot);
    let y = m.select(odd, odd_quadrant, even_quadrant);
    keep_zero(m, x, y)
}

pub fn atan<M: Math>(m: &mut M, x: M::F) -> M::F {
    let a = m.abs(x);
    let one = m.c(1.0);
    let inverted = constant_gt(m, a, 1.0);
    let reciprocal = m.div(one, a);
    let t = m.select(inverted, reciprocal, a);
    // Beyond tan(π/8), atan t = π/4 + atan((t - 1) / (t + 1)).
    let shifted = constant_gt(m, t, std::f64::consts::SQRT_2 - 1.0);
    let num = m.sub(t, one);
    let den = m.add(t, one);
    let moved = m.div(num, den);
    let u = m.select(shifted, moved, t);
    let z = m.mul(u, u);
    let alternating: Vec<f64> =
        (1..=23).map(|k| if k % 2 == 1 { -1.0 } else { 1.0 } / (2 * k + 1) as f64).collect();
    let p = poly(m, z, &alternating);
    let uz = m.mul(u, z);
    let p = m.fma(uz, p, u);
    let (pio4_hi, pio4_lo) = (m.c(PIO4.0), m.c(PIO4.1));
    let plus = m.add(p, pio4_lo);
    let plus = m.add(pio4_hi, plus);
    let y = m.select(shifted, plus, p);
    let pio2_hi = m.c(PIO2[0]);
    let pio2_lo = m.c(PIO2[1]);
    let rest = m.sub(pio2_lo, y);
    let complement = m.add(pio2_hi, rest);
    let y = m.select(inverted, complement, y);
    let y = m.copysign(y, x);
    let nan = m.is_nan(x);
    m.select(nan, x, y)
}

pub fn atan2<M: Math>(m: &mut M, y: M::F, x: M::F) -> M::F {
    let (ay, ax) = (m.abs(y), m.abs(x));
    let ratio = m.div(ay, ax);
    let a = atan(m, ratio);
    let zero = m.c(0.0);
    let y_zero = m.eq(y, zero);
    let a = m.select(y_zero, zero, a);
    let y_inf = is_inf(m, y);
    let x_inf = is_inf(m, x);
    let both_inf = m.and(y_inf, x_inf);
    let quarter = m.c(PIO4.0);
    let a = m.select(both_inf, quarter, a);
    // Left half-plane (including x = -0): π - a.
    let pi = m.c(std::f64::consts::PI);
    let pi_lo = m.c(2.0 * PIO2[1]);
    let back = m.sub(pi_lo, a);
    let back = m.add(pi, back);
    let left = m.sign_bit(x);
    let a = m.select(left, back, a);
    let r = m.copysign(a, y);
    let nx = m.is_nan(x);
    let ny = m.is_nan(y);
    let nan = m.or(nx, ny);
    let sum = m.add(x, y);
    m.select(nan, sum, r)
}

/// `sqrt((1 - x)(1 + x))`, the other leg for asin and acos.
fn cosine_leg<M: Math>(m: &mut M, x: M::F) -> M::F {
    let one = m.c(1.0);
    let a = m.sub(one, x);
    let b = m.add(one, x);
    let p = m.mul(a, b);
    m.sqrt(p)
}

pub fn asin<M: Math>(m: &mut M, x: M::F) -> M::F {
    let leg = cosine_leg(m, x);
    let y = atan2(m, x, leg);
    keep_zero(m, x, y)
}

pub fn acos<M: Math>(m: &mut M, x: M::F) -> M::F {
    let leg = cosine_leg(m, x);
    atan2(m, leg, x)
}

/// `e^|x| / 2`, the large part of sinh and cosh (halving e^a exactly, except where e^a
/// alone would overflow).
fn half_exp<M: Math>(m: &mut M, a: M::F) -> M::F {
    let e = exp(m, a);
    let half = m.c(0.5);
    let halved = m.mul(e, half);
    let ln2 = m.c(std::f64::consts::LN_2);
    let shifted = m.sub(a, ln2);
    let near_overflow = exp(m, shifted);
    let huge = constant_gt(m, a, 709.0);
    m.select(huge, near_overflow, halved)
}

pub fn sinh<M: Math>(m: &mut M, x: M::F) -> M::F {
    let a = m.abs(x);
    let h = half_exp(m, a);
    let quarter = m.c(0.25);
    let inverse = m.div(quarter, h);
    let large = m.sub(h, inverse);
    let large = m.copysign(large, x);
    // |x| < 1: the odd Taylor series x + x³/3! + ... (no cancellation).
    let z = m.mul(x, x);
    let odd: Vec<f64> = inverse_factorials(21).into_iter().skip(3).step_by(2).collect();
    let p = poly(m, z, &odd);
    let xz = m.mul(x, z);
    let small = m.fma(xz, p, x);
    let is_small = constant_lt(m, a, 1.0);
    let y = m.select(is_small, small, large);
    let nan = m.is_nan(x);
    m.select(nan, x, y)
}

pub fn cosh<M: Math>(m: &mut M, x: M::F) -> M::F {
    let a = m.abs(x);
    let h = half_exp(m, a);
    let quarter = m.c(0.25);
    let inverse = m.div(quarter, h);
    m.add(h, inverse)
}

pub fn tanh<M: Math>(m: &mut M, x: M::F) -> M::F {
    let a = m.abs(x);
    let two_a = m.add(a, a);
    let e = expm1(m, two_a);
    let two = m.c(2.0);
    let den = m.add(e, two);
    let t = m.div(e, den);
    let saturated = constant_gt(m, a, 22.0);
    let one = m.c(1.0);
    let t = m.select(saturated, one, t);
    let y = m.copysign(t, x);
    let nan = m.is_nan(x);
    m.select(nan, x, y)
}

/// `1 / (1 + e^-x)`, as the CPU path computes it.
pub fn sigmoid<M: Math>(m: &mut M, x: M::F) -> M::F {
    let minus = m.neg(x);
    let e = exp(m, minus);
    let one = m.c(1.0);
    let den = m.add(one, e);
    m.div(one, den)
}

/// `x` above 20, else `log1p(e^x)`, as the CPU path computes it.
pub fn softplus<M: Math>(m: &mut M, x: M::F) -> M::F {
    let e = exp(m, x);
    let y = log1p(m, e);
    let linear = constant_gt(m, x, 20.0);
    m.select(linear, x, y)
}

/// `x^y` with C's special cases; `y ln|x|` is formed in double-double so large
/// results keep their accuracy.
pub fn pow<M: Math>(m: &mut M, x: M::F, y: M::F) -> M::F {
    let ax = m.abs(x);
    let (e, lm, lm_lo) = log_parts(m, ax);
    let (hi, lo) = (m.c(LN2_HI), m.c(LN2_LO));
    // ln|x| = a + b + c: a exact (LN2_HI has trailing zero bits), b and c small.
    let a = m.mul(e, hi);
    let c = m.fma(e, lo, lm_lo);
    let p1 = m.mul(y, a);
    let minus_p1 = m.neg(p1);
    let e1 = m.fma(y, a, minus_p1);
    let p2 = m.mul(y, lm);
    let minus_p2 = m.neg(p2);
    let e2 = m.fma(y, lm, minus_p2);
    let head = m.add(p1, p2);
    let big = m.abs(p1);
    let small = m.abs(p2);
    let ordered = m.lt(small, big);
    // Fast2Sum's rounding error of p1 + p2, larger operand first.
    let (first, second) = (m.select(ordered, p1, p2), m.select(ordered, p2, p1));
    let lost = m.sub(first, head);
    let lost = m.add(lost, second);
    let lost = m.add(lost, e1);
    let lost = m.add(lost, e2);
    let tail = m.fma(y, c, lost);
    // Infinities (ln 0, ln inf, an infinite y) go through the plain product y ln|x|.
    let zero = m.c(0.0);
    let ax_zero = m.eq(ax, zero);
    let ax_inf = is_inf(m, ax);
    let y_inf = is_inf(m, y);
    let special = m.or(ax_zero, ax_inf);
    let special = m.or(special, y_inf);
    let log_special = log(m, ax);
    let special_head = m.mul(y, log_special);
    let head = m.select(special, special_head, head);
    let tail = m.select(special, zero, tail);
    let r = exp_with_tail(m, head, tail);
    // Signs: a negative base needs an integral exponent; odd ones keep the sign.
    let y_whole = m.rint(y);
    let y_int = m.eq(y_whole, y);
    let half = m.c(0.5);
    let hy = m.mul(y, half);
    let hy_whole = m.rint(hy);
    let hy_int = m.eq(hy_whole, hy);
    let even = m.not(hy_int);
    let y_odd = m.and(y_int, even);
    let negative_base = m.sign_bit(x);
    let flip = m.and(negative_base, y_odd);
    let minus = m.neg(r);
    let r = m.select(flip, minus, r);
    let x_negative = m.lt(x, zero);
    let x_finite = m.not(ax_inf);
    let not_int = m.not(y_int);
    let bad = m.and(x_negative, not_int);
    let bad = m.and(bad, x_finite);
    let nan = m.c(f64::NAN);
    let r = m.select(bad, nan, r);
    let x_nan = m.is_nan(x);
    let y_nan = m.is_nan(y);
    let either_nan = m.or(x_nan, y_nan);
    let sum = m.add(x, y);
    let r = m.select(either_nan, sum, r);
    // x^0 = 1 and 1^y = 1 even for NaN; (-1)^±inf = 1.
    let one = m.c(1.0);
    let y_zero = m.eq(y, zero);
    let x_one = m.eq(x, one);
    let ax_one = m.eq(ax, one);
    let unit = m.and(ax_one, y_inf);
    let ones = m.or(y_zero, x_one);
    let ones = m.or(ones, unit);
    m.select(ones, one, r)
}

/// The algorithms run on f64 directly: what the tests compare with Rust's libm.
pub struct Exact;

impl Math for Exact {
    type F = f64;
    type P = bool;
    fn c(&mut self, v: f64) -> f64 {
        v
    }
    fn add(&mut self, a: f64, b: f64) -> f64 {
        a + b
    }
    fn sub(&mut self, a: f64, b: f64) -> f64 {
        a - b
    }
    fn mul(&mut self, a: f64, b: f64) -> f64 {
        a * b
    }
    fn div(&mut self, a: f64, b: f64) -> f64 {
        a / b
    }
    fn fma(&mut self, a: f64, b: f64, c: f64) -> f64 {
        a.mul_add(b, c)
    }
    fn neg(&mut self, a: f64) -> f64 {
        -a
    }
    fn abs(&mut self, a: f64) -> f64 {
        a.abs()
    }
    fn sqrt(&mut self, a: f64) -> f64 {
        a.sqrt()
    }
    fn rint(&mut self, a: f64) -> f64 {
        a.round_ties_even()
    }
    fn trunc(&mut self, a: f64) -> f64 {
        a.trunc()
    }
    fn lt(&mut self, a: f64, b: f64) -> bool {
        a < b
    }
    fn eq(&mut self, a: f64, b: f64) -> bool {
        a == b
    }
    fn is_nan(&mut self, a: f64) -> bool {
        a.is_nan()
    }
    fn sign_bit(&mut self, a: f64) -> bool {
        a.is_sign_negative()
    }
    fn and(&mut self, p: bool, q: bool) -> bool {
        p && q
    }
    fn or(&mut self, p: bool, q: bool) -> bool {
        p || q
    }
    fn not(&mut self, p: bool) -> bool {
        !p
    }
    fn select(&mut self, p: bool, a: f64, b: f64) -> f64 {
        if p {
            a
        } else {
            b
        }
    }
    fn copysign(&mut self, magnitude: f64, sign: f64) -> f64 {
        magnitude.copysign(sign)
    }
    fn pow2(&mut self, n: f64) -> f64 {
        // The same bit construction as the PTX (exponent field n + 1023).
        f64::from_bits(((n as i64 + 1023) as u64) << 52)
    }
    fn frexp(&mut self, a: f64) -> (f64, f64) {
        let bits = a.to_bits();
        let e = ((bits >> 52) & 0x7ff) as i64 - 1023;
        (f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000), e as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place (0 when both are the same NaN/inf/zero).
    fn ulps(a: f64, b: f64) -> f64 {
        if a == b || (a.is_nan() && b.is_nan()) {
            return 0.0;
        }
        if !a.is_finite() || !b.is_finite() {
            return f64::INFINITY;
        }
        let scale = b.abs().max(f64::MIN_POSITIVE);
        let ulp = f64::from_bits(scale.to_bits() + 1) - scale;
        (a - b).abs() / ulp
    }

    /// Sample points: a log-spaced sweep of both signs plus the special values.
    fn points(lo: f64, hi: f64) -> Vec<f64> {
        let mut xs =
            vec![0.0, -0.0, 1.0, -1.0, 0.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE];
        let n = 4000;
        for i in 0..=n {
            let t = lo.ln() + (hi.ln() - lo.ln()) * i as f64 / n as f64;
            xs.push(t.exp());
            xs.push(-t.exp());
        }
        xs
    }

    fn check(
        name: &str,
        f: fn(&mut Exact, f64) -> f64,
        reference: fn(f64) -> f64,
        xs: &[f64],
        max_ulps: f64,
    ) {
        for &x in xs {
            let (got, want) = (f(&mut Exact, x), reference(x));
            assert!(
                ulps(got, want) <= max_ulps,
                "{name}({x:e}) = {got:e}, libm says {want:e} ({} ulps)",
                ulps(got, want)
            );
        }
    }

    #[test]
    fn exponentials_match_libm() {
        let xs = points(1e-300, 800.0);
        check("exp", exp, f64::exp, &xs, 2.0);
        check("exp2", exp2, f64::exp2, &points(1e-300, 1100.0), 2.0);
        check("expm1", expm1, f64::exp_m1, &xs, 3.0);
        check("sinh", sinh, f64::sinh, &points(1e-300, 700.0), 3.0);
        check("cosh", cosh, f64::cosh, &points(1e-300, 700.0), 3.0);
        check("tanh", tanh, f64::tanh, &xs, 3.0);
        // Subnormal results keep their (few) bits right.
        assert_eq!(exp(&mut Exact, -740.0), (-740f64).exp());
    }

    #[test]
    fn logarithms_match_libm() {
        let xs = points(1e-320, 1e308);
        check("log", log, f64::ln, &xs, 2.0);
        check("log2", log2, f64::log2, &xs, 2.0);
        check("log10", log10, f64::log10, &xs, 2.0);
        check("log1p", log1p, f64::ln_1p, &points(1e-300, 1e300), 3.0);
        assert_eq!(log2(&mut Exact, 1024.0), 10.0);
        assert_eq!(log1p(&mut Exact, -1.0), f64::NEG_INFINITY);
    }

    #[test]
    fn trigonometry_matches_libm() {
        // Cody–Waite reduction is accurate for moderate arguments, which tl documents.
        let xs = points(1e-300, 1e5);
        check("sin", sin, f64::sin, &xs, 2.0);
        check("cos", cos, f64::cos, &xs, 2.0);
        check("tan", tan, f64::tan, &xs, 4.0);
        check("atan", atan, f64::atan, &points(1e-300, 1e300), 2.0);
        check("asin", asin, f64::asin, &points(1e-300, 1.0), 4.0);
        check("acos", acos, f64::acos, &points(1e-300, 1.0), 4.0);
    }

    #[test]
    fn two_argument_functions_match_libm() {
        let xs = points(1e-200, 1e200);
        let sparse: Vec<f64> = xs.iter().step_by(97).copied().collect();
        for &y in &sparse {
            for &x in &sparse {
                let (got, want) = (atan2(&mut Exact, y, x), y.atan2(x));
                assert!(ulps(got, want) <= 3.0, "atan2({y:e}, {x:e}) = {got:e}, libm {want:e}");
            }
        }
        let bases = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            2.0,
            -2.0,
            10.0,
            1e-3,
            7.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let exponents = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            3.0,
            -3.0,
            0.5,
            -0.5,
            100.5,
            300.0,
            -300.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for &x in &bases {
            for &y in &exponents {
                let (got, want) = (pow(&mut Exact, x, y), x.powf(y));
                assert!(ulps(got, want) <= 4.0, "pow({x:e}, {y:e}) = {got:e}, libm {want:e}");
            }
        }
        for &x in xs.iter().step_by(13).filter(|x| **x > 0.0) {
            for y in [2.0, 0.5, 3.7, -1.3] {
                let (got, want) = (pow(&mut Exact, x, y), x.powf(y));
                assert!(ulps(got, want) <= 4.0, "pow({x:e}, {y:e}) = {got:e}, libm {want:e}");
            }
        }
    }

    #[test]
    fn logistic_functions_match_the_cpu_formulas() {
        for x in points(1e-300, 800.0) {
            let sigmoid_cpu = 1.0 / (1.0 + (-x).exp());
            assert!(ulps(sigmoid(&mut Exact, x), sigmoid_cpu) <= 2.0, "sigmoid({x})");
            let softplus_cpu = if x > 20.0 { x } else { x.exp().ln_1p() };
            assert!(ulps(softplus(&mut Exact, x), softplus_cpu) <= 3.0, "softplus({x})");
        }
    }
}
