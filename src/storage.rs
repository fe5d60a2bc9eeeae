//! What tensors are made of, below both `tensor` and `kernels`: the dtypes and their
//! element types, the arithmetic kernels compute with, the layouts (shape, strides,
//! offset) over a flat buffer, the typed buffers themselves, and the errors of the
//! operations on them.

pub mod arith;
pub mod buffer;
pub mod dtype;
pub mod element;
pub mod error;
pub mod layout;

pub use buffer::{Buffer, Storage};
pub use error::{TensorError, TensorResult};
