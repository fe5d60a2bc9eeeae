//! Tensors: a shared storage, a layout (shape, strides, offset) over it, and a dtype.
//! Views share the storage, so writing through a view is seen through its base. The
//! maths lives in `crate::kernels`; this layer decides shapes, dtypes and errors.

pub mod backend;
pub mod csv;
pub mod device;
pub mod npy;
pub mod ops;
pub mod overlap;
pub mod print;
pub mod random;
pub mod scalar;

use crate::kernels;
use crate::storage::dtype::DType;
use crate::storage::element::Element;
use crate::storage::layout::{self, Layout};
use crate::storage::{Buffer, Storage};
pub use crate::storage::{TensorError, TensorResult};
use crate::{with_dtype, with_storage};
use backend::{Backend, Cuda, DeviceKernels};
use scalar::Scalar;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::rc::Rc;

/// Refuses, before allocating, a tensor of `shape` and `dtype` whose element count
/// overflows or whose bytes pass the limit of `crate::limits` (PyTorch's errors).
pub fn check_allocation(shape: &[usize], dtype: DType) -> TensorResult<()> {
    let numel = layout::checked_numel(shape)?;
    crate::limits::fits(numel, dtype.item_size())
        .map(|_| ())
        .map_err(|bytes| TensorError::runtime(crate::limits::too_large_message(bytes)))
}

/// A handle to a tensor; clones are the same tensor (`a is b`).
#[derive(Clone)]
pub struct Tensor(Rc<TensorImpl>);

pub struct TensorImpl {
    storage: Rc<RefCell<Storage>>,
    layout: Layout,
    /// Bumped by every write into the storage, shared by all its views: autograd
    /// compares it with the version a saved tensor had (PyTorch's version counter).
    version: Rc<Cell<u64>>,
    /// For a tensor on the GPU: where its storage's current elements are (shared by its
    /// views, like `storage`, which is then the host copy).
    resident: crate::kernels::cuda::resident::Slot,
    /// Autograd's view of the tensor; `None` for the many that never need one.
    pub(crate) autograd: RefCell<Option<Box<crate::autograd::GradMeta>>>,
}

impl std::fmt::Debug for Tensor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tensor(shape={:?}, dtype={})", self.shape(), self.dtype())
    }
}

impl Tensor {
    /// A tensor owning `storage`, laid out row-major as `shape`.
    pub fn new(storage: Storage, shape: &[usize]) -> Tensor {
        debug_assert_eq!(storage.len(), shape.iter().product::<usize>());
        Tensor(Rc::new(TensorImpl {
            storage: Rc::new(RefCell::new(storage)),
            layout: Layout::contiguous(shape),
            version: Rc::new(Cell::new(0)),
            resident: Default::default(),
            autograd: RefCell::new(None),
        }))
    }

    /// A tensor on the GPU whose elements `resident` holds, laid out row-major as
    /// `shape`; `host` is its host copy (current or not, as `resident` says).
    pub fn on_device(
        resident: crate::kernels::cuda::resident::Resident,
        host: Storage,
        shape: &[usize],
    ) -> Tensor {
        Tensor(Rc::new(TensorImpl {
            storage: Rc::new(RefCell::new(host)),
            layout: Layout::contiguous(shape),
            version: Rc::new(Cell::new(0)),
            resident: crate::kernels::cuda::resident::Slot::new(resident),
            autograd: RefCell::new(None),
        }))
    }

    pub fn resident(&self) -> Option<&crate::kernels::cuda::resident::Resident> {
        self.0.resident.get()
    }

    /// The raw host storage cell (the device path fills it when it downloads).
    pub fn host_cell(&self) -> &RefCell<Storage> {
        &self.0.storage
    }

    pub fn from_vec<T: Buffer>(data: Vec<T>, shape: &[usize]) -> Tensor {
        Tensor::new(T::wrap(data), shape)
    }

    /// A 0-d tensor holding one value.
    pub fn scalar(value: Scalar, dtype: DType) -> Tensor {
        Tensor::full(&[], value, dtype)
    }

    pub fn full(shape: &[usize], value: Scalar, dtype: DType) -> Tensor {
        let n = shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d)).unwrap_or(usize::MAX);
        crate::limits::claim(n, dtype.item_size());
        let storage = with_dtype!(dtype, T => T::wrap(vec![value.to_element::<T>(); n]));
        Tensor::new(storage, shape)
    }

    pub fn zeros(shape: &[usize], dtype: DType) -> Tensor {
        Tensor::new(Storage::zeros(dtype, shape.iter().product()), shape)
    }

    /// Another view of the same storage.
    pub fn with_layout(&self, layout: Layout) -> Tensor {
        Tensor(Rc::new(TensorImpl {
            storage: self.0.storage.clone(),
            layout,
            version: self.0.version.clone(),
            resident: self.0.resident.clone(),
            autograd: RefCell::new(None),
        }))
    }

    pub fn layout(&self) -> &Layout {
        &self.0.layout
    }

    pub fn shape(&self) -> &[usize] {
        &self.0.layout.shape
    }

    pub fn ndim(&self) -> usize {
        self.0.layout.ndim()
    }

    pub fn numel(&self) -> usize {
        self.0.layout.numel()
    }

    pub fn dtype(&self) -> DType {
        self.0.storage.borrow().dtype()
    }

    pub fn device(&self) -> device::Device {
        if self.0.resident.get().is_some() {
            return device::Device::Cuda(0);
        }
        device::Device::Cpu
    }

    /// This tensor on `device` (itself when already there; the CPU when CUDA is
    /// unavailable): a copy with its own storage.
    pub fn to_device(&self, device: device::Device) -> TensorResult<Tensor> {
        let device = device::place(device)?;
        if self.device() == device {
            return Ok(self.clone());
        }
        let storage = self.storage();
        let data = with_storage!(&*storage, v => Buffer::wrap(kernels::gather(v, self.layout())));
        Ok(match device.is_cuda() {
            true => Cuda.upload(data, self.shape()),
            false => Tensor::new(data, self.shape()),
        })
    }

    pub fn storage(&self) -> Ref<'_, Storage> {
        self.sync_host();
        self.0.storage.borrow()
    }

    /// Makes the host copy of a device tensor current. A device that fails to copy back
    /// leaves nothing to compute with: the operation stops (see `crate::stop`) and its
    /// expression fails with the driver's message.
    fn sync_host(&self) {
        if let Some(r) = self.0.resident.get() {
            if let Err(e) = r.sync_host(&self.0.storage) {
                crate::stop::Stop::Device(e.message).raise();
            }
        }
    }

    /// The storage for writing: counts as a new version of every view of it.
    fn storage_mut(&self) -> RefMut<'_, Storage> {
        self.0.version.set(self.0.version.get() + 1);
        if let Some(r) = self.0.resident.get() {
            self.sync_host();
            r.host_written();
        }
        self.0.storage.borrow_mut()
    }

    /// Writes into this tensor's storage with `source`'s elements at hand: `write` gets
    /// the storage to change, and `source`'s storage and layout to read. Every write
    /// that reads a tensor goes through here. When `source` views the same storage, the
    /// part of it that `source` spans is copied first (PyTorch clones an overlapping
    /// source), so the write reads every element as it was before the write began, and
    /// the storage is never borrowed twice.
    pub fn write_from<R>(
        &self,
        source: &Tensor,
        write: impl FnOnce(&mut Storage, &Storage, &Layout) -> R,
    ) -> R {
        let source = if self.shares_storage(source) { source.spanned_copy() } else { source.clone() };
        let src = source.storage();
        let mut dst = self.storage_mut();
        write(&mut dst, &src, source.layout())
    }

    /// A tensor with the same shape and strides over a copy of just the storage range
    /// this one spans (so an expanded view stays small).
    fn spanned_copy(&self) -> Tensor {
        let layout = self.layout();
        let end = layout.storage_extent().unwrap_or(0).max(layout.offset);
        let storage = self.storage();
        let copied = with_storage!(&*storage, v => Buffer::wrap(v[layout.offset.min(end)..end].to_vec()));
        drop(storage);
        let rebased = Layout { offset: 0, ..layout.clone() };
        Tensor::new(copied, &[end - layout.offset.min(end)]).with_layout(rebased)
    }

    /// The version counter of the storage (see `TensorImpl::version`).
    pub fn version_counter(&self) -> &Rc<Cell<u64>> {
        &self.0.version
    }

    /// Whether nothing else holds this tensor or its storage (so writing into it
    /// cannot be seen elsewhere).
    pub fn is_sole_owner(&self) -> bool {
        Rc::strong_count(&self.0) == 1 && Rc::strong_count(&self.0.storage) == 1
    }

    pub(crate) fn inner(&self) -> &Rc<TensorImpl> {
        &self.0
    }

    pub(crate) fn from_inner(inner: Rc<TensorImpl>) -> Tensor {
        Tensor(inner)
    }

    /// Whether two tensors view the same storage.
    pub fn shares_storage(&self, other: &Tensor) -> bool {
        Rc::ptr_eq(&self.0.storage, &other.0.storage)
    }

    /// The address of the first element, as PyTorch's `data_ptr()`: views of one
    /// storage differ only by their offset.
    pub fn data_ptr(&self) -> usize {
        let storage = self.storage();
        let base = crate::with_storage!(&*storage, v => v.as_ptr() as usize);
        base + self.layout().offset * self.dtype().item_size()
    }

    pub fn same(&self, other: &Tensor) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    pub fn identity(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }

    pub fn is_contiguous(&self) -> bool {
        self.0.layout.is_contiguous()
    }

    /// The elements in row-major order, converted to f64.
    pub fn to_f64_vec(&self) -> Vec<f64> {
        let storage = self.storage();
        with_storage!(&*storage, v => kernels::map(v, self.layout(), |x| x.to_f64()))
    }

    /// The elements in row-major order, converted to i64.
    pub fn to_i64_vec(&self) -> Vec<i64> {
        let storage = self.storage();
        with_storage!(&*storage, v => kernels::map(v, self.layout(), |x| x.to_i64()))
    }

    /// A row-major copy of the elements (this tensor itself if already so laid out
    /// from offset 0 over its whole storage).
    pub fn contiguous(&self) -> Tensor {
        if self.is_contiguous() {
            return self.clone();
        }
        self.copy()
    }

    /// A new tensor with its own row-major storage.
    pub fn copy(&self) -> Tensor {
        if let Some(Ok(t)) = Backend::of(&[self]).kernel(|device| device.cast(self, self.dtype())) {
            return t;
        }
        let storage = self.storage();
        let data = with_storage!(&*storage, v => Buffer::wrap(kernels::gather(v, self.layout())));
        Tensor::new(data, self.shape())
    }

    /// The tensor converted to `dtype` (itself when it already has that dtype).
    pub fn to_dtype(&self, dtype: DType) -> Tensor {
        if self.dtype() == dtype {
            return self.clone();
        }
        if let Some(Ok(t)) = Backend::of(&[self]).kernel(|device| device.cast(self, dtype)) {
            return t;
        }
        let storage = self.storage();
        let data = with_storage!(&*storage, v => with_dtype!(dtype, T => T::wrap(kernels::map(v, self.layout(), crate::storage::element::cast::<_, T>))));
        Tensor::new(data, self.shape())
    }

    /// The single element of a one-element tensor.
    pub fn item(&self) -> TensorResult<Scalar> {
        if self.numel() != 1 {
            return Err(TensorError::runtime(format!(
                "a Tensor with {} elements cannot be converted to Scalar",
                self.numel()
            )));
        }
        let storage = self.storage();
        let at = self.layout().offset;
        Ok(with_storage!(&*storage, v => Scalar::from_element(v[at])))
    }

    /// Elements as scalars in row-major order (printing, `tolist`).
    pub fn scalars(&self) -> Vec<Scalar> {
        let storage = self.storage();
        with_storage!(&*storage, v => kernels::map(v, self.layout(), Scalar::from_element))
    }
}
