//! Sums of contiguous runs of floats, the fast path of `sum`/`mean`: independent
//! accumulators (SIMD lanes, AVX2 when the CPU has it), runs split across cores.
//! f32 sums blocks of 1024 elements in f32 lanes and the block sums in f64, so the
//! error stays that of a 1024-element f32 sum however long the input (PyTorch's
//! cascade sum is of the same kind); f64 sums in f64 lanes.

use super::parallel::PARALLEL_MIN;
use rayon::prelude::*;

/// A float with a fast slice sum.
pub trait SumElement: Copy + Send + Sync + Into<f64> {
    fn slice_sum(values: &[Self]) -> f64;
}

/// Sums `values` in `N` lanes of `acc`, widening each element with `widen`.
#[inline(always)]
fn lanes<T: Copy, A: Copy + Default + std::ops::AddAssign, const N: usize>(
    values: &[T],
    widen: impl Fn(T) -> A,
) -> [A; N] {
    let mut acc = [A::default(); N];
    let chunks = values.chunks_exact(N);
    let tail = chunks.remainder();
    for chunk in chunks {
        for (a, &x) in acc.iter_mut().zip(chunk) {
            *a += widen(x);
        }
    }
    for (a, &x) in acc.iter_mut().zip(tail) {
        *a += widen(x);
    }
    acc
}

const BLOCK: usize = 1024;

#[inline(always)]
fn f32_sum_portable(values: &[f32]) -> f64 {
    values
        .chunks(BLOCK)
        .map(|block| lanes::<f32, f32, 32>(block, |x| x).iter().map(|&s| s as f64).sum::<f64>())
        .sum()
}

/// The same blocks with AVX2 intrinsics: four 8-lane accumulators per block, whose sum
/// is widened into four f64 lanes without leaving the registers.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn f32_sum_avx2(values: &[f32]) -> f64 {
    use std::arch::x86_64::*;
    let mut total = _mm256_setzero_pd();
    let blocks = values.chunks_exact(BLOCK);
    let rest = blocks.remainder();
    for block in blocks {
        let mut acc = [_mm256_setzero_ps(); 4];
        for chunk in block.chunks_exact(32) {
            let p = chunk.as_ptr();
            // SAFETY: `chunk` holds 32 floats, so the four 8-float loads stay inside it.
            unsafe {
                acc[0] = _mm256_add_ps(acc[0], _mm256_loadu_ps(p));
                acc[1] = _mm256_add_ps(acc[1], _mm256_loadu_ps(p.add(8)));
                acc[2] = _mm256_add_ps(acc[2], _mm256_loadu_ps(p.add(16)));
                acc[3] = _mm256_add_ps(acc[3], _mm256_loadu_ps(p.add(24)));
            }
        }
        let sum = _mm256_add_ps(_mm256_add_ps(acc[0], acc[1]), _mm256_add_ps(acc[2], acc[3]));
        total = _mm256_add_pd(total, _mm256_cvtps_pd(_mm256_castps256_ps128(sum)));
        total = _mm256_add_pd(total, _mm256_cvtps_pd(_mm256_extractf128_ps::<1>(sum)));
    }
    let mut lanes = [0f64; 4];
    // SAFETY: `lanes` has room for the 4 doubles stored.
    unsafe { _mm256_storeu_pd(lanes.as_mut_ptr(), total) };
    lanes.iter().sum::<f64>() + f32_sum_portable(rest)
}

impl SumElement for f32 {
    fn slice_sum(values: &[f32]) -> f64 {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2, checked just above.
            return unsafe { f32_sum_avx2(values) };
        }
        f32_sum_portable(values)
    }
}

impl SumElement for f64 {
    fn slice_sum(values: &[f64]) -> f64 {
        lanes::<f64, f64, 8>(values, |x| x).iter().sum()
    }
}

/// The sum of a slice, split into a few pieces per core when it is long.
pub fn sum<T: SumElement>(values: &[T]) -> f64 {
    if values.len() < PARALLEL_MIN {
        return T::slice_sum(values);
    }
    let piece = values.len().div_ceil(4 * rayon::current_num_threads());
    values.par_chunks(piece).map(T::slice_sum).sum()
}

/// The sums of consecutive runs of `run > 0` elements (`values.len()` is a multiple
/// of it).
pub fn run_sums<T: SumElement>(values: &[T], run: usize) -> Vec<f64> {
    debug_assert!(run > 0 && values.len().is_multiple_of(run));
    if run >= PARALLEL_MIN || values.len() < PARALLEL_MIN {
        return values.chunks(run).map(sum).collect();
    }
    // Whole runs per task, a few tasks per core.
    let runs_per_task = (values.len() / run).div_ceil(4 * rayon::current_num_threads());
    values
        .par_chunks(run * runs_per_task)
        .flat_map_iter(|task| task.chunks(run).map(T::slice_sum).collect::<Vec<_>>())
        .collect()
}

/// The sums down the columns of a row-major matrix with rows of `run > 0` elements
/// (`values.len()` is a multiple of it): whole rows are added at once, so the inner
/// loop runs along memory.
pub fn column_sums<T: SumElement>(values: &[T], run: usize) -> Vec<f64> {
    debug_assert!(run > 0 && values.len().is_multiple_of(run));
    let mut sums = vec![0.0; run];
    for row in values.chunks_exact(run) {
        for (sum, &x) in sums.iter_mut().zip(row) {
            *sum += x.into();
        }
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_match_a_compensated_reference() {
        let values: Vec<f32> = (0..300_001u64).map(|i| ((i * 7919) % 1000) as f32 / 997.0 - 0.4).collect();
        let exact: f64 = values.iter().map(|&x| x as f64).sum();
        assert!((sum(&values) - exact).abs() < 1e-6 * exact.abs().max(1.0));
        let runs = run_sums(&values[..300_000], 1000);
        assert_eq!(runs.len(), 300);
        let first: f64 = values[..1000].iter().map(|&x| x as f64).sum();
        assert!((runs[0] - first).abs() < 1e-3);
        let doubles: Vec<f64> = values.iter().map(|&x| x as f64).collect();
        assert!((sum(&doubles) - exact).abs() < 1e-9 * exact.abs().max(1.0));
        let columns = column_sums(&values[..300_000], 1000);
        let first_column: f64 = values[..300_000].iter().step_by(1000).map(|&x| x as f64).sum();
        assert_eq!(columns.len(), 1000);
        assert!((columns[0] - first_column).abs() < 1e-9);
    }
}
