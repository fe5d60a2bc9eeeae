//! CPU kernels.

mod elementwise;
mod matmul;

pub use elementwise::*;
pub use matmul::*;
