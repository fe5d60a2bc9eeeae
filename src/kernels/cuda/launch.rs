//! Launch configurations: how many blocks of how many threads a kernel gets.

use super::reduce;

pub const ELEMENTWISE_BLOCK: u32 = 256;

/// Blocks for a grid-stride elementwise kernel over `n` elements: enough to fill every
/// multiprocessor several times over, never more than there is work for.
pub fn elementwise_blocks(n: usize, multiprocessors: u32) -> u32 {
    let needed = n.div_ceil(ELEMENTWISE_BLOCK as usize).max(1);
    needed.min((multiprocessors.max(1) * 16) as usize) as u32
}

/// Blocks per row for a reduction of `outer` rows of `inner` elements: one block per
/// row when there are rows enough to fill the device, else the rows split so that about
/// eight blocks run per multiprocessor (at most 1024 partials per row, each block
/// folding at least a few elements per thread).
pub fn reduction_parts(outer: usize, inner: usize, multiprocessors: u32) -> u32 {
    let target = (multiprocessors.max(1) as usize) * 8;
    if outer >= target || inner <= reduce::BLOCK as usize {
        return 1;
    }
    let by_work = inner.div_ceil(reduce::BLOCK as usize * 4);
    let by_device = target.div_ceil(outer.max(1));
    by_work.min(by_device).clamp(1, 1024) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elementwise_grids_fill_the_h100_and_no_more() {
        assert_eq!(elementwise_blocks(0, 132), 1);
        assert_eq!(elementwise_blocks(1000, 132), 4);
        assert_eq!(elementwise_blocks(1 << 28, 132), 132 * 16);
    }

    #[test]
    fn reductions_split_long_rows_and_not_many_rows() {
        // A full reduction of 2^28 elements on 132 SMs: 1056 partials, one more pass.
        assert_eq!(reduction_parts(1, 1 << 28, 132), 1024);
        assert_eq!(reduction_parts(1, 100, 132), 1);
        assert_eq!(reduction_parts(10_000, 1000, 132), 1);
        // 8 rows of a million: about 132 parts each.
        assert_eq!(reduction_parts(8, 1 << 20, 132), 132);
    }
}
