//! Branch-free versions of the hot float functions, written so that the compiler turns
//! a loop over them into SIMD code (libm's `expf` is a call per element).

use std::mem::MaybeUninit;

/// `e^x` for f32, correctly rounded but for rare ties (as PyTorch's is): computed in
/// f64 as `2^n e^r` with `x = n ln 2 + r`, `|r| <= ln 2 / 2`, and `e^r` by its Taylor
/// polynomial to degree 11 (error below 1e-14), then rounded once to f32. Every step
/// is plain arithmetic or integer bit work, so a loop over it becomes SIMD code; `inf`,
/// `0`, subnormal results and NaN come out of the final rounding as IEEE gives them.
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    const LOG2_E: f64 = std::f64::consts::LOG2_E;
    const LN_2: f64 = std::f64::consts::LN_2;
    // Adding 1.5 * 2^52 rounds to an integer held in the low mantissa bits.
    const ROUNDER: f64 = 6_755_399_441_055_744.0;
    // Beyond these every f32 result is inf or 0, and 2^n stays a normal f64.
    let x = (x as f64).clamp(-110.0, 90.0);
    let shifted = x * LOG2_E + ROUNDER;
    let n = shifted - ROUNDER;
    let r = x - n * LN_2;
    let mut p = 1.0 / 39_916_800.0;
    for coefficient in [
        1.0 / 3_628_800.0,
        1.0 / 362_880.0,
        1.0 / 40_320.0,
        1.0 / 5_040.0,
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        0.5,
        1.0,
        1.0,
    ] {
        p = p * r + coefficient;
    }
    let n_bits = shifted.to_bits().wrapping_sub(ROUNDER.to_bits());
    let scale = f64::from_bits(n_bits.wrapping_add(1023) << 52);
    (p * scale) as f32
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

    #[test]
    fn exp_f32_is_correctly_rounded_over_its_range() {
        let mut x = -103.9_f32;
        while x < 88.7 {
            let exact = (x as f64).exp() as f32;
            assert_eq!(exp_f32(x), exact, "exp({x})");
            x += 0.0137;
        }
        for x in [0.0f32, -0.0, 1e-8, -1e-8, 1.0, -1.0, 0.5, 4.0, 20.0, -20.0, 88.72, -87.0, -100.0] {
            assert_eq!(exp_f32(x), (x as f64).exp() as f32, "exp({x})");
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
