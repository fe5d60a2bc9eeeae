//! Branch-free versions of the hot float functions, written so that the compiler turns
//! a loop over them into SIMD code (libm's `expf` is a call per element).

use std::mem::MaybeUninit;

/// `e^x` for f32 within about 1 ulp (Cephes' `expf`: `x = n ln 2 + r`, a degree-6
/// polynomial for `e^r`, then `2^n` built from the exponent bits), with `inf`, `0`,
/// subnormal results and NaN as IEEE gives them.
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Adding and subtracting 1.5 * 2^23 rounds to the nearest integer without a call.
    const ROUNDER: f32 = 12_582_912.0;
    let clamped = x.clamp(-104.0, 89.0);
    let n = (clamped * LOG2_E + ROUNDER) - ROUNDER;
    let r = clamped - n * LN2_HI - n * LN2_LO;
    let mut p = 1.987_569_1e-4_f32;
    p = p * r + 1.398_199_9e-3;
    p = p * r + 8.333_452e-3;
    p = p * r + 4.166_579_6e-2;
    p = p * r + 1.666_666_5e-1;
    p = p * r + 0.5;
    let e_r = p * r * r + r + 1.0;
    // 2^n in two factors so that n down to -150 (subnormal results) stays exact.
    let n = n as i32;
    let half = n >> 1;
    let scale_a = f32::from_bits(((half + 127) as u32) << 23);
    let scale_b = f32::from_bits(((n - half + 127) as u32) << 23);
    let y = e_r * scale_a * scale_b;
    if x > 88.722_84 {
        f32::INFINITY
    } else if x < -103.972_08 {
        0.0
    } else if x.is_nan() {
        x
    } else {
        y
    }
}

/// `exp_f32` over a slice into `out` (same length), with AVX2 (8 lanes) when the CPU
/// has it, checked at run time, so one binary runs everywhere.
pub fn exp_f32_slice(src: &[f32], out: &mut [MaybeUninit<f32>]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, checked just above.
        return unsafe { exp_f32_slice_avx2(src, out) };
    }
    exp_f32_slice_portable(src, out);
}

#[inline(always)]
fn exp_f32_slice_portable(src: &[f32], out: &mut [MaybeUninit<f32>]) {
    for (slot, &x) in out.iter_mut().zip(src) {
        slot.write(exp_f32(x));
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn exp_f32_slice_avx2(src: &[f32], out: &mut [MaybeUninit<f32>]) {
    exp_f32_slice_portable(src, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f32, b: f32) -> u32 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs() as u32
    }

    #[test]
    fn exp_f32_is_within_two_ulps_of_exact_over_its_range() {
        let mut x = -103.9_f32;
        while x < 88.7 {
            let exact = (x as f64).exp() as f32;
            assert!(ulps(exp_f32(x), exact) <= 2, "exp({x}) = {} vs {exact}", exp_f32(x));
            x += 0.0137;
        }
        for x in [0.0f32, -0.0, 1e-8, -1e-8, 1.0, -1.0, 0.5, 20.0, -20.0, 88.72, -87.0, -100.0] {
            assert!(ulps(exp_f32(x), (x as f64).exp() as f32) <= 2, "exp({x})");
        }
    }

    #[test]
    fn exp_f32_edges_follow_ieee() {
        assert_eq!(exp_f32(f32::INFINITY), f32::INFINITY);
        assert_eq!(exp_f32(f32::NEG_INFINITY), 0.0);
        assert_eq!(exp_f32(89.0), f32::INFINITY);
        assert_eq!(exp_f32(-110.0), 0.0);
        assert!(exp_f32(f32::NAN).is_nan());
        assert_eq!(exp_f32(0.0), 1.0);
    }
}
