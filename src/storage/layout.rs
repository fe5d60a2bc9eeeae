//! Where a tensor's elements sit in its storage: shape, strides and offset. Every view
//! (`transpose`, slicing, `expand`, ...) is a new layout over the same storage.

/// A shape, a stride per dimension (in elements, never negative; 0 for an expanded
/// dimension) and the storage index of the first element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub shape: Vec<usize>,
    pub strides: Vec<usize>,
    pub offset: usize,
}

/// Row-major strides for a shape.
pub fn contiguous_strides(shape: &[usize]) -> Vec<usize> {
    let mut strides = vec![0; shape.len()];
    let mut step = 1usize;
    for (stride, &size) in strides.iter_mut().zip(shape).rev() {
        *stride = step;
        step = step.saturating_mul(size.max(1));
    }
    strides
}

/// The element count of a shape, refused as PyTorch refuses it when it does not fit in
/// an int64.
pub fn checked_numel(shape: &[usize]) -> Result<usize, super::TensorError> {
    shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .filter(|&n| n <= i64::MAX as usize)
        .ok_or_else(|| super::TensorError::runtime("numel: integer multiplication overflow"))
}

/// The shape two shapes broadcast to, or `None` when they do not (NumPy's rules).
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let x = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
        let y = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
        out[i] = match (x, y) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

impl Layout {
    pub fn contiguous(shape: &[usize]) -> Layout {
        Layout { shape: shape.to_vec(), strides: contiguous_strides(shape), offset: 0 }
    }

    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Saturating: a layout of more elements than a `usize` counts (only a view can be
    /// one) reports `usize::MAX`, which no allocation accepts.
    pub fn numel(&self) -> usize {
        self.shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d)).unwrap_or(usize::MAX)
    }

    /// PyTorch's `is_contiguous`: row-major, ignoring dimensions of size 1.
    pub fn is_contiguous(&self) -> bool {
        if self.numel() == 0 {
            return true;
        }
        let mut expected = 1;
        for (&size, &stride) in self.shape.iter().zip(&self.strides).rev() {
            if size != 1 {
                if stride != expected {
                    return false;
                }
                expected *= size;
            }
        }
        true
    }

    /// The storage range a contiguous layout covers.
    pub fn contiguous_range(&self) -> Option<std::ops::Range<usize>> {
        self.is_contiguous().then(|| self.offset..self.offset + self.numel())
    }

    /// The largest storage index this layout touches, plus one (0 when empty); `None`
    /// when that does not fit in a `usize` (sizes and strides from user input).
    pub fn storage_extent(&self) -> Option<usize> {
        if self.shape.contains(&0) {
            return Some(0);
        }
        self.shape
            .iter()
            .zip(&self.strides)
            .try_fold(self.offset.checked_add(1)?, |acc, (&n, &s)| acc.checked_add((n - 1).checked_mul(s)?))
    }

    /// Storage indices of the elements in row-major order.
    pub fn offsets(&self) -> Offsets<'_> {
        Offsets::new(self)
    }

    /// `offsets()` collected, once the size limit allows a list that long.
    pub fn offset_list(&self) -> Vec<usize> {
        crate::limits::claim_items::<usize>(self.numel());
        self.offsets().collect()
    }

    pub fn transpose(&self, a: usize, b: usize) -> Layout {
        let mut out = self.clone();
        out.shape.swap(a, b);
        out.strides.swap(a, b);
        out
    }

    pub fn permute(&self, dims: &[usize]) -> Layout {
        Layout {
            shape: dims.iter().map(|&d| self.shape[d]).collect(),
            strides: dims.iter().map(|&d| self.strides[d]).collect(),
            offset: self.offset,
        }
    }

    /// Elements `start, start + step, ...` below `stop` along `dim` (`step > 0`,
    /// bounds already clamped).
    pub fn slice(&self, dim: usize, start: usize, stop: usize, step: usize) -> Layout {
        let mut out = self.clone();
        let len = if stop > start { (stop - start).div_ceil(step) } else { 0 };
        if len > 0 {
            out.offset += start * self.strides[dim];
        }
        out.shape[dim] = len;
        out.strides[dim] *= step;
        out
    }

    /// Index `i` of `dim`, removing the dimension.
    pub fn select(&self, dim: usize, i: usize) -> Layout {
        let mut out = self.clone();
        out.offset += i * self.strides[dim];
        out.shape.remove(dim);
        out.strides.remove(dim);
        out
    }

    pub fn unsqueeze(&self, dim: usize) -> Layout {
        let mut out = self.clone();
        let stride = if dim < self.ndim() { self.strides[dim] * self.shape[dim] } else { 1 };
        out.shape.insert(dim, 1);
        out.strides.insert(dim, stride);
        out
    }

    /// Removes the given dimensions, which must have size 1.
    pub fn squeeze(&self, dims: &[usize]) -> Layout {
        let mut out = Layout { shape: vec![], strides: vec![], offset: self.offset };
        for d in 0..self.ndim() {
            if !(dims.contains(&d) && self.shape[d] == 1) {
                out.shape.push(self.shape[d]);
                out.strides.push(self.strides[d]);
            }
        }
        out
    }

    /// Broadcasts to `shape` (which must be compatible): new and size-1 dimensions get
    /// stride 0.
    pub fn expand(&self, shape: &[usize]) -> Layout {
        let extra = shape.len() - self.ndim();
        let strides = (0..shape.len())
            .map(|i| {
                if i < extra {
                    0
                } else {
                    let d = i - extra;
                    if self.shape[d] == shape[i] {
                        self.strides[d]
                    } else {
                        0
                    }
                }
            })
            .collect();
        Layout { shape: shape.to_vec(), strides, offset: self.offset }
    }

    /// The diagonal of dims `a` and `b` at `offset` (positive: above), as the last dim.
    pub fn diagonal(&self, offset: i64, a: usize, b: usize) -> Layout {
        let (rows, cols) = (self.shape[a] as i64, self.shape[b] as i64);
        let len =
            if offset >= 0 { rows.min(cols - offset) } else { (rows + offset).min(cols) }.max(0) as usize;
        let mut start = self.offset;
        if len > 0 {
            start += if offset >= 0 {
                offset as usize * self.strides[b]
            } else {
                (-offset) as usize * self.strides[a]
            };
        }
        let mut shape = Vec::new();
        let mut strides = Vec::new();
        for d in 0..self.ndim() {
            if d != a && d != b {
                shape.push(self.shape[d]);
                strides.push(self.strides[d]);
            }
        }
        shape.push(len);
        strides.push(self.strides[a] + self.strides[b]);
        Layout { shape, strides, offset: start }
    }

    /// The strides that view this layout as `shape` without copying, if there are any
    /// (PyTorch's `computeStride`).
    pub fn view_as(&self, shape: &[usize]) -> Option<Layout> {
        let numel = self.numel();
        if numel == 0 || self.ndim() == 0 {
            return Some(Layout {
                shape: shape.to_vec(),
                strides: contiguous_strides(shape),
                offset: self.offset,
            });
        }
        let mut strides = vec![0usize; shape.len()];
        let mut view_d = shape.len() as isize - 1;
        let mut chunk_base_stride = *self.strides.last()?;
        let mut tensor_numel = 1;
        let mut view_numel = 1;
        for tensor_d in (0..self.ndim()).rev() {
            tensor_numel *= self.shape[tensor_d];
            let chunk_ends = tensor_d == 0
                || (self.shape[tensor_d - 1] != 1
                    && self.strides[tensor_d - 1] != tensor_numel * chunk_base_stride);
            if chunk_ends {
                while view_d >= 0 && (view_numel < tensor_numel || shape[view_d as usize] == 1) {
                    strides[view_d as usize] = view_numel * chunk_base_stride;
                    view_numel *= shape[view_d as usize];
                    view_d -= 1;
                }
                if view_numel != tensor_numel {
                    return None;
                }
                if tensor_d > 0 {
                    chunk_base_stride = self.strides[tensor_d - 1];
                    tensor_numel = 1;
                    view_numel = 1;
                }
            }
        }
        (view_d == -1).then(|| Layout { shape: shape.to_vec(), strides, offset: self.offset })
    }
}

/// Walks a layout's storage indices in row-major order (an odometer over the shape).
pub struct Offsets<'a> {
    layout: &'a Layout,
    index: Vec<usize>,
    next: usize,
    remaining: usize,
}

impl<'a> Offsets<'a> {
    fn new(layout: &'a Layout) -> Offsets<'a> {
        Offsets { layout, index: vec![0; layout.ndim()], next: layout.offset, remaining: layout.numel() }
    }
}

impl Iterator for Offsets<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let current = self.next;
        for d in (0..self.index.len()).rev() {
            self.index[d] += 1;
            self.next += self.layout.strides[d];
            if self.index[d] < self.layout.shape[d] {
                break;
            }
            self.next -= self.layout.strides[d] * self.index[d];
            self.index[d] = 0;
        }
        Some(current)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Offsets<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_walk_the_right_elements() {
        let base = Layout::contiguous(&[2, 3]);
        assert_eq!(base.offsets().collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5]);
        assert_eq!(base.transpose(0, 1).offsets().collect::<Vec<_>>(), [0, 3, 1, 4, 2, 5]);
        assert_eq!(base.slice(1, 1, 3, 1).offsets().collect::<Vec<_>>(), [1, 2, 4, 5]);
        assert_eq!(base.select(0, 1).offsets().collect::<Vec<_>>(), [3, 4, 5]);
        let row = Layout::contiguous(&[3]);
        assert_eq!(row.expand(&[2, 3]).offsets().collect::<Vec<_>>(), [0, 1, 2, 0, 1, 2]);
        assert_eq!(Layout::contiguous(&[3, 3]).diagonal(0, 0, 1).offsets().collect::<Vec<_>>(), [0, 4, 8]);
    }

    #[test]
    fn view_follows_torch() {
        let base = Layout::contiguous(&[2, 3, 4]);
        assert!(base.view_as(&[6, 4]).is_some());
        let t = base.transpose(0, 1);
        assert!(t.view_as(&[24]).is_none());
        assert!(t.view_as(&[3, 2, 2, 2]).is_some());
        assert!(!t.is_contiguous());
        assert_eq!(broadcast_shapes(&[5, 1], &[3]), Some(vec![5, 3]));
        assert_eq!(broadcast_shapes(&[2], &[3]), None);
    }
}
