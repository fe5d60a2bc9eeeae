//! Filling a new buffer in chunks, on all cores when it is big enough to pay for it.
//! The output is written once, never zeroed first: a fresh 40 MB buffer is faulted in
//! page by page, and letting each core fault in its own chunks halves that cost too.

use rayon::prelude::*;
use std::mem::MaybeUninit;

/// Below this many elements a loop runs on the calling thread.
pub const PARALLEL_MIN: usize = 1 << 16;
/// Elements per parallel task: big enough to amortise scheduling, small enough to
/// balance two cores.
const CHUNK: usize = 1 << 15;

/// A vector of `n` elements, each chunk written by `fill(start, chunk)`, which must
/// initialise every element of `chunk` (the elements `start..start + chunk.len()`).
pub fn fill_new<U: Send>(n: usize, fill: impl Fn(usize, &mut [MaybeUninit<U>]) + Sync) -> Vec<U> {
    let mut out: Vec<U> = new_buffer(n);
    let spare = &mut out.spare_capacity_mut()[..n];
    if n < PARALLEL_MIN {
        fill(0, spare);
    } else {
        spare.par_chunks_mut(CHUNK).enumerate().for_each(|(i, chunk)| {
            crate::interrupt::check();
            fill(i * CHUNK, chunk)
        });
    }
    // SAFETY: `fill` initialised all `n` elements (its contract), and `n <= capacity`.
    unsafe { out.set_len(n) };
    out
}

/// An empty vector with room for `n` elements, once the size limit allows them (every
/// kernel's output is allocated here; see `crate::limits`).
pub fn new_buffer<U>(n: usize) -> Vec<U> {
    crate::limits::claim_items::<U>(n);
    Vec::with_capacity(n)
}
