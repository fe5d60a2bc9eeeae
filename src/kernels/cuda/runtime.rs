//! The driver side (feature `cuda`): one context and one stream on device 0, modules
//! JIT-loaded from generated PTX and cached by kernel text key, and a caching allocator.
//! Anything failing during initialisation means "no GPU": the reason is kept and the
//! CPU path is used.

use super::memory::{DeviceBuf, Pool};
use crate::storage::{TensorError, TensorResult};
use cust::context::Context;
use cust::device::{Device, DeviceAttribute};
use cust::function::{BlockSize, GridSize};
use cust::module::Module;
use cust::stream::{Stream, StreamFlags};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::c_void;
use std::rc::Rc;

pub struct Gpu {
    pub stream: Stream,
    modules: RefCell<HashMap<String, Module>>,
    pub pool: Pool,
    pub multiprocessors: u32,
    devices: u32,
    // Dropped last: everything above lives in this context.
    _context: Context,
}

thread_local! {
    static GPU: RefCell<Option<Result<Rc<Gpu>, String>>> = const { RefCell::new(None) };
}

fn start() -> Result<Gpu, String> {
    let failed = |what: &str, e: cust::error::CudaError| format!("{what}: {e}");
    cust::init(cust::CudaFlags::empty()).map_err(|e| failed("initialising the driver", e))?;
    let devices = Device::num_devices().map_err(|e| failed("counting devices", e))?;
    if devices == 0 {
        return Err("no CUDA device".into());
    }
    let device = Device::get_device(0).map_err(|e| failed("device 0", e))?;
    let context = Context::new(device).map_err(|e| failed("creating a context", e))?;
    let stream = Stream::new(StreamFlags::NON_BLOCKING, None).map_err(|e| failed("creating a stream", e))?;
    let multiprocessors = device
        .get_attribute(DeviceAttribute::MultiprocessorCount)
        .map_err(|e| failed("reading the device", e))? as u32;
    Ok(Gpu {
        stream,
        modules: RefCell::new(HashMap::new()),
        pool: Pool::default(),
        multiprocessors,
        devices,
        _context: context,
    })
}

/// The GPU, started on first use.
pub fn gpu() -> Result<Rc<Gpu>, String> {
    GPU.with(|g| g.borrow_mut().get_or_insert_with(|| start().map(Rc::new)).clone())
}

pub fn unavailable() -> Option<String> {
    gpu().err()
}

pub fn device_count() -> u32 {
    gpu().map_or(0, |g| g.devices)
}

pub fn synchronize() -> TensorResult<()> {
    match gpu() {
        Ok(g) => g.stream.synchronize().map_err(device_error),
        Err(_) => Ok(()),
    }
}

pub fn device_error(e: cust::error::CudaError) -> TensorError {
    TensorError::runtime(format!("CUDA error: {e}"))
}

/// A kernel argument: what `cuLaunchKernel` reads through a pointer to it.
pub enum Arg {
    Ptr(u64),
    U32(u32),
    F64(f64),
    I64(i64),
}

impl Gpu {
    /// Launches the kernel `name` of the module made by `ptx` (generated and JIT-loaded
    /// once per `key`).
    pub fn launch(
        &self,
        key: &str,
        ptx: impl FnOnce() -> String,
        name: &str,
        grid: (u32, u32, u32),
        block: (u32, u32),
        args: &[Arg],
    ) -> TensorResult<()> {
        let mut modules = self.modules.borrow_mut();
        if !modules.contains_key(key) {
            let module = Module::from_ptx(ptx(), &[]).map_err(device_error)?;
            modules.insert(key.to_string(), module);
        }
        let function = modules[key].get_function(name).map_err(device_error)?;
        let pointers: Vec<*mut c_void> = args
            .iter()
            .map(|a| match a {
                Arg::Ptr(p) => p as *const u64 as *mut c_void,
                Arg::U32(v) => v as *const u32 as *mut c_void,
                Arg::F64(v) => v as *const f64 as *mut c_void,
                Arg::I64(v) => v as *const i64 as *mut c_void,
            })
            .collect();
        // SAFETY: the arguments match the generated kernel's parameter list (each
        // generator documents its order), and `args` outlives the launch call, which
        // copies them.
        unsafe {
            self.stream
                .launch(
                    &function,
                    GridSize::xyz(grid.0, grid.1, grid.2),
                    BlockSize::xy(block.0, block.1),
                    0,
                    &pointers,
                )
                .map_err(device_error)
        }
    }

    pub fn alloc(&self, bytes: usize) -> TensorResult<Rc<DeviceBuf>> {
        self.pool.alloc(bytes).map(Rc::new)
    }
}
