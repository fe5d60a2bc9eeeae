//! The loops over tensor elements, apart from the tensor layer that decides shapes and
//! dtypes: the CPU kernels, and the CUDA device's generated ones.
//! Every kernel takes strided input (a storage slice and a layout) and has a fast path
//! for contiguous input.

mod cpu;
pub mod cuda;
mod memory;

pub use cpu::*;
pub use memory::keep_freed_buffers;
