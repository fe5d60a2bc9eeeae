//! The loops over tensor elements, apart from the tensor layer that decides shapes and
//! dtypes: the CPU kernels, and the CUDA device's generated ones.
//! Every kernel takes strided input (a storage slice and a layout) and has a fast path
//! for contiguous input.

mod binary_op;
mod cpu;
pub mod cuda;
mod memory;
mod unary_op;

pub use binary_op::BinaryOp;

pub use cpu::*;
pub use memory::keep_freed_buffers;
pub use unary_op::{Saved, UnaryOp};
