//! Dimension collapsing: adjacent dimensions that every operand walks as one (the
//! outer's stride is the inner's stride times its size) merge, and size-1 dimensions
//! go, so most elementwise kernels see rank 1 (contiguous) or 2 (one broadcast).

/// The collapsed shape and each operand's strides for an output of `shape`, where
/// `strides[k]` are operand k's element strides (0 where it broadcasts).
pub fn collapse(shape: &[usize], strides: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let keep: Vec<usize> = (0..shape.len()).filter(|&d| shape[d] != 1).collect();
    let mut out_shape: Vec<usize> = Vec::new();
    let mut out_strides: Vec<Vec<usize>> = vec![Vec::new(); strides.len()];
    for &d in &keep {
        let mergeable = !out_shape.is_empty()
            && strides
                .iter()
                .zip(&out_strides)
                .all(|(s, o)| *o.last().expect("same rank") == s[d] * shape[d]);
        if mergeable {
            *out_shape.last_mut().expect("checked") *= shape[d];
            for (s, o) in strides.iter().zip(out_strides.iter_mut()) {
                *o.last_mut().expect("checked") = s[d];
            }
        } else {
            out_shape.push(shape[d]);
            for (s, o) in strides.iter().zip(out_strides.iter_mut()) {
                o.push(s[d]);
            }
        }
    }
    if out_shape.is_empty() {
        out_shape.push(1);
        out_strides.iter_mut().for_each(|o| o.push(1));
    }
    (out_shape, out_strides)
}

/// Whether every operand is read in element order (one index serves all).
pub fn is_contiguous(shape: &[usize], strides: &[Vec<usize>]) -> bool {
    shape.len() == 1 && strides.iter().all(|s| s[0] == 1 || shape[0] == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_operands_collapse_to_one_dimension() {
        let (shape, strides) = collapse(&[2, 3, 4], &[vec![12, 4, 1], vec![12, 4, 1]]);
        assert_eq!(shape, vec![24]);
        assert_eq!(strides, vec![vec![1], vec![1]]);
        assert!(is_contiguous(&shape, &strides));
    }

    #[test]
    fn a_broadcast_row_keeps_two_dimensions() {
        // x: [100, 8] contiguous; b: [8] broadcast over rows (stride 0).
        let (shape, strides) = collapse(&[100, 8], &[vec![8, 1], vec![0, 1]]);
        assert_eq!(shape, vec![100, 8]);
        assert_eq!(strides, vec![vec![8, 1], vec![0, 1]]);
        assert!(!is_contiguous(&shape, &strides));
    }

    #[test]
    fn size_one_dimensions_vanish_and_transposes_stay() {
        let (shape, strides) = collapse(&[1, 3, 1, 2], &[vec![6, 2, 2, 1], vec![6, 1, 6, 3]]);
        assert_eq!(shape, vec![3, 2]);
        assert_eq!(strides, vec![vec![2, 1], vec![1, 3]]);
        let (shape, strides) = collapse(&[], &[vec![]]);
        assert_eq!((shape, strides), (vec![1], vec![vec![1]]));
    }

    #[test]
    fn partly_mergeable_dimensions_merge_where_all_agree() {
        // A [4, 5, 6] output; operand 1 broadcasts along the first dimension only.
        let (shape, strides) = collapse(&[4, 5, 6], &[vec![30, 6, 1], vec![0, 6, 1]]);
        assert_eq!(shape, vec![4, 30]);
        assert_eq!(strides, vec![vec![30, 1], vec![0, 1]]);
    }
}
