//! CPU kernels.

mod elementwise;
mod fastmath;
mod matmul;
mod parallel;
mod sum;

pub use elementwise::*;
pub use fastmath::*;
pub use matmul::*;
pub use parallel::{new_buffer, PARALLEL_MIN};
pub use sum::*;
