//! A device tensor's storage (feature `cuda`). Its elements live in one of three
//! places, whichever is current: a device buffer, an elementwise expression not yet
//! run (`Lazy`, which fusion extends), or the host copy (after a CPU-only op wrote it).
//! Reading on the host downloads; a kernel reading it uploads or runs the expression.

use super::collapse;
use super::fused::{self, Access, Expr};
use super::launch;
use super::memory::DeviceBuf;
use super::runtime::{device_error, gpu, Arg, Gpu};
use crate::storage::dtype::DType;
use crate::storage::Storage;
use crate::storage::{TensorError, TensorResult};
use crate::with_storage;
use cust::memory::CopyDestination;
use std::cell::RefCell;
use std::rc::Rc;

/// One input of a pending expression: a device buffer read through strides (already
/// expanded to the expression's shape) from an element offset.
#[derive(Clone)]
pub struct Input {
    pub buffer: Rc<DeviceBuf>,
    pub dtype: DType,
    pub strides: Vec<usize>,
    pub offset: usize,
}

/// Where a tensor's device elements are, for a tensor that has them (shared by its
/// views).
#[derive(Clone, Default)]
pub struct Slot(Option<Rc<Resident>>);

impl Slot {
    pub fn new(resident: Resident) -> Slot {
        Slot(Some(Rc::new(resident)))
    }

    pub fn get(&self) -> Option<&Resident> {
        self.0.as_deref()
    }
}

/// An elementwise expression over device inputs, producing a contiguous `shape`.
#[derive(Clone)]
pub struct Lazy {
    pub expr: Expr,
    pub inputs: Vec<Input>,
    /// Scalar parameters as 64-bit patterns (f64 for floats, i64 otherwise).
    pub scalars: Vec<u64>,
    pub shape: Vec<usize>,
}

pub struct Resident {
    pub dtype: DType,
    pub len: usize,
    state: RefCell<State>,
}

struct State {
    buffer: Option<Rc<DeviceBuf>>,
    lazy: Option<Lazy>,
    host_current: bool,
}

impl Resident {
    /// Storage whose current elements are on the host (uploaded when a kernel needs them).
    pub fn from_host(dtype: DType, len: usize) -> Resident {
        Resident { dtype, len, state: RefCell::new(State { buffer: None, lazy: None, host_current: true }) }
    }

    pub fn from_buffer(dtype: DType, len: usize, buffer: Rc<DeviceBuf>) -> Resident {
        Resident {
            dtype,
            len,
            state: RefCell::new(State { buffer: Some(buffer), lazy: None, host_current: false }),
        }
    }

    pub fn from_lazy(lazy: Lazy) -> Resident {
        let len = lazy.shape.iter().product();
        let dtype = lazy.expr.dtype();
        Resident {
            dtype,
            len,
            state: RefCell::new(State { buffer: None, lazy: Some(lazy), host_current: false }),
        }
    }

    /// The pending expression, if the elements have not been computed yet.
    pub fn lazy(&self) -> Option<Lazy> {
        self.state.borrow().lazy.clone()
    }

    /// The device buffer with the current elements: the expression run, or the host
    /// copy uploaded, if need be.
    pub fn buffer(&self, host: &RefCell<Storage>) -> TensorResult<Rc<DeviceBuf>> {
        if let Some(b) = &self.state.borrow().buffer {
            return Ok(b.clone());
        }
        let g = gpu().map_err(TensorError::runtime)?;
        let lazy = self.state.borrow().lazy.clone();
        let buffer = match lazy {
            Some(lazy) => run(&g, &lazy)?,
            None => upload(&g, &host.borrow())?,
        };
        // Computed: the expression (and the input buffers it held) can go.
        let mut state = self.state.borrow_mut();
        state.lazy = None;
        state.buffer = Some(buffer.clone());
        Ok(buffer)
    }

    /// Makes the host copy current (downloading), before the CPU path reads it.
    pub fn sync_host(&self, host: &RefCell<Storage>) -> TensorResult<()> {
        if self.state.borrow().host_current {
            return Ok(());
        }
        let buffer = self.buffer(host)?;
        let g = gpu().map_err(TensorError::runtime)?;
        g.stream.synchronize().map_err(device_error)?;
        let mut storage = Storage::zeros(self.dtype, self.len);
        with_storage!(&mut storage, v => {
            let bytes = as_bytes_mut(v);
            if !bytes.is_empty() {
                let slice = buffer.buffer().index(..bytes.len());
                slice.copy_to(bytes).map_err(device_error)?;
            }
        });
        *host.borrow_mut() = storage;
        self.state.borrow_mut().host_current = true;
        Ok(())
    }

    /// The host copy was written: the device's copy is stale.
    pub fn host_written(&self) {
        let mut s = self.state.borrow_mut();
        s.host_current = true;
        s.buffer = None;
        s.lazy = None;
    }
}

fn as_bytes<T>(v: &[T]) -> &[u8] {
    // SAFETY: tensor elements are plain numbers (bool is one byte, 0 or 1).
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), std::mem::size_of_val(v)) }
}

fn as_bytes_mut<T>(v: &mut [T]) -> &mut [u8] {
    // SAFETY: as above; the device only ever writes valid elements of the dtype
    // (kernels store bools as 0 or 1).
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<u8>(), std::mem::size_of_val(v)) }
}

pub fn upload(g: &Gpu, storage: &Storage) -> TensorResult<Rc<DeviceBuf>> {
    with_storage!(storage, v => {
        let bytes = as_bytes(v);
        let buffer = g.pool.alloc(bytes.len())?;
        if !bytes.is_empty() {
            let mut slice = buffer.buffer().index(..bytes.len());
            slice.copy_from(bytes).map_err(device_error)?;
        }
        Ok(Rc::new(buffer))
    })
}

/// Runs a pending expression into a new buffer: one fused kernel.
pub fn run(g: &Gpu, lazy: &Lazy) -> TensorResult<Rc<DeviceBuf>> {
    let n: usize = lazy.shape.iter().product();
    let dtype = lazy.expr.dtype();
    let out = g.alloc(n * dtype.item_size())?;
    if n == 0 {
        return Ok(out);
    }
    let strides: Vec<Vec<usize>> = lazy.inputs.iter().map(|i| i.strides.clone()).collect();
    let (shape, strides) = collapse::collapse(&lazy.shape, &strides);
    let access = if collapse::is_contiguous(&shape, &strides) {
        Access::Contiguous
    } else {
        Access::Strided { rank: shape.len() }
    };
    let mut args = vec![Arg::Ptr(out.ptr()), Arg::U32(n as u32)];
    for input in &lazy.inputs {
        args.push(Arg::Ptr(input.buffer.ptr() + (input.offset * input.dtype.item_size()) as u64));
    }
    for (&bits, dtype) in lazy.scalars.iter().zip(&lazy.expr.scalars) {
        args.push(if dtype.is_float() { Arg::F64(f64::from_bits(bits)) } else { Arg::I64(bits as i64) });
    }
    if access != Access::Contiguous {
        args.extend(shape.iter().map(|&s| Arg::U32(s as u32)));
        for s in &strides {
            args.extend(s.iter().map(|&s| Arg::U32(s as u32)));
        }
    }
    let key = format!("elementwise {}", lazy.expr.key(&access));
    let blocks = launch::elementwise_blocks(n, g.multiprocessors);
    g.launch(
        &key,
        || fused::kernel(&lazy.expr, access, "tl_elementwise"),
        "tl_elementwise",
        (blocks, 1, 1),
        (launch::ELEMENTWISE_BLOCK, 1),
        &args,
    )?;
    Ok(out)
}
