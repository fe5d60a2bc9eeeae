//! Errors of tensor operations, with PyTorch's kinds and messages. They carry no span:
//! the builtin that called the operation adds the span of the call.

use crate::exception::ErrorKind;

#[derive(Clone, Debug, PartialEq)]
pub struct TensorError {
    /// Python's exception name: `RuntimeError`, `IndexError`, `TypeError`, `ValueError`.
    pub kind: ErrorKind,
    pub message: String,
}

pub type TensorResult<T> = Result<T, TensorError>;

impl TensorError {
    pub fn runtime(message: impl Into<String>) -> TensorError {
        TensorError { kind: ErrorKind::RuntimeError, message: message.into() }
    }

    /// What PyTorch reports as `NotImplementedError` (a dtype an operation lacks).
    pub fn not_implemented(message: impl Into<String>) -> TensorError {
        TensorError { kind: ErrorKind::NotImplementedError, message: message.into() }
    }

    /// ATen's error when its kernel `kernel` has no instance for `dtype`.
    pub fn no_kernel(kernel: &str, dtype: super::dtype::DType) -> TensorError {
        TensorError::not_implemented(format!("\"{kernel}\" not implemented for '{}'", dtype.torch_name()))
    }

    /// `torch.linalg.LinAlgError`: a singular or indefinite matrix.
    pub fn linalg(message: impl Into<String>) -> TensorError {
        TensorError { kind: ErrorKind::LinAlgError, message: message.into() }
    }

    pub fn index(message: impl Into<String>) -> TensorError {
        TensorError { kind: ErrorKind::IndexError, message: message.into() }
    }

    pub fn type_error(message: impl Into<String>) -> TensorError {
        TensorError { kind: ErrorKind::TypeError, message: message.into() }
    }

    pub fn value(message: impl Into<String>) -> TensorError {
        TensorError { kind: ErrorKind::ValueError, message: message.into() }
    }
}
