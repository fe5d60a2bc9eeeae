//! Tensor operations: shapes, dtypes and errors decided here, loops in `crate::kernels`.

pub mod axes;
pub mod binary;
#[cfg(feature = "cuda")]
pub mod device;
pub mod gather;
pub mod index;
pub mod keys;
pub mod linalg;
pub mod matrix;
pub mod reduce;
pub mod replicate;
pub mod shape;
pub mod sort;
pub mod special;
pub mod split;
pub mod triangular;
pub mod unary;

pub use crate::kernels::{BinaryOp, UnaryOp};
pub use binary::{binary, Operand};
pub use unary::unary;
