//! The caching device allocator: freed buffers are kept by size class and handed out
//! again, so a training loop's many same-sized temporaries cost no `cuMemAlloc` after
//! the first step (PyTorch's caching allocator does the same).

use super::runtime::device_error;
use crate::storage::TensorResult;
use cust::memory::{DeviceBuffer, DevicePointer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

type FreeLists = Rc<RefCell<HashMap<usize, Vec<DeviceBuffer<u8>>>>>;

#[derive(Default)]
pub struct Pool {
    free: FreeLists,
}

/// A device allocation of at least `bytes`; returns to its pool when dropped.
pub struct DeviceBuf {
    buffer: Option<DeviceBuffer<u8>>,
    pub bytes: usize,
    free: FreeLists,
}

/// The size class of a request: powers of two up to 1 MiB, then whole 2 MiB pages.
pub fn size_class(bytes: usize) -> usize {
    const PAGE: usize = 2 << 20;
    if bytes <= 1 << 20 {
        bytes.max(512).next_power_of_two()
    } else {
        bytes.div_ceil(PAGE) * PAGE
    }
}

impl Pool {
    pub fn alloc(&self, bytes: usize) -> TensorResult<DeviceBuf> {
        let class = size_class(bytes);
        let reused = self.free.borrow_mut().get_mut(&class).and_then(Vec::pop);
        let buffer = match reused {
            Some(b) => b,
            None => {
                // SAFETY: device memory of plain bytes; every kernel writes what it
                // later reads, and uploads fill the buffer before use.
                match unsafe { DeviceBuffer::uninitialized(class) } {
                    Ok(b) => b,
                    Err(_) => {
                        // Out of memory: give the cached buffers back and try once more.
                        self.free.borrow_mut().clear();
                        unsafe { DeviceBuffer::uninitialized(class) }.map_err(device_error)?
                    }
                }
            }
        };
        Ok(DeviceBuf { buffer: Some(buffer), bytes, free: self.free.clone() })
    }
}

impl DeviceBuf {
    pub fn ptr(&self) -> u64 {
        self.buffer.as_ref().map_or(0, |b| {
            let p: DevicePointer<u8> = b.as_device_ptr();
            p.as_raw()
        })
    }

    pub fn buffer(&self) -> &DeviceBuffer<u8> {
        self.buffer.as_ref().expect("present until dropped")
    }
}

impl Drop for DeviceBuf {
    fn drop(&mut self) {
        if let Some(b) = self.buffer.take() {
            self.free.borrow_mut().entry(b.len()).or_default().push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::size_class;

    #[test]
    fn size_classes_round_up() {
        assert_eq!(size_class(1), 512);
        assert_eq!(size_class(1000), 1024);
        assert_eq!(size_class(1 << 20), 1 << 20);
        assert_eq!(size_class((1 << 20) + 1), 2 << 20);
        assert_eq!(size_class(5 << 20), 6 << 20);
    }
}
