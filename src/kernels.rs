//! The loops over tensor elements, apart from the tensor layer that decides shapes and
//! dtypes: the CPU kernels here, and (with the `cuda` feature) a CUDA device later.
//! Every kernel takes strided input (a storage slice and a layout) and has a fast path
//! for contiguous input.

mod cpu;
mod memory;

pub use cpu::*;
pub use memory::keep_freed_buffers;
