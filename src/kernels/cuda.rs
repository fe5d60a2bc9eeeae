//! The CUDA path: kernels written as PTX text at run time and JIT-loaded by the driver
//! (no nvcc at build time). What generates the text is plain Rust and tested
//! everywhere; what talks to the driver (cust) is behind the `cuda` feature.

pub mod catalogue;
pub mod collapse;
pub mod fused;
pub mod launch;
pub mod math;
pub mod matmul;
#[cfg(feature = "cuda")]
pub mod memory;
pub mod ptx;
pub mod reduce;
#[cfg(feature = "cuda")]
pub mod resident;
#[cfg(not(feature = "cuda"))]
#[path = "cuda/no_resident.rs"]
pub mod resident;
#[cfg(feature = "cuda")]
pub mod runtime;
