//! CPU kernels.

mod elementwise;

pub use elementwise::*;
