//! Where a tensor's elements live: the CPU, or a CUDA device when tl is built with the
//! `cuda` feature and one can be initialised. Asking for `cuda` where there is none
//! keeps the tensor on the CPU and says so once, so a lab written for a GPU still runs.

use super::backend::{Cuda, DeviceKernels};
use super::{TensorError, TensorResult};
use std::cell::Cell;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Device {
    Cpu,
    Cuda(u32),
}

impl Device {
    /// PyTorch's device strings: `cpu`, `cuda`, `cuda:N`.
    pub fn parse(text: &str) -> TensorResult<Device> {
        let (kind, index) = match text.split_once(':') {
            Some((kind, index)) => (kind, Some(index)),
            None => (text, None),
        };
        let index = match index.map(str::parse::<u32>) {
            None => None,
            Some(Ok(i)) => Some(i),
            Some(Err(_)) => return Err(TensorError::runtime(format!("Invalid device string: '{text}'"))),
        };
        match (kind, index) {
            ("cpu", None | Some(0)) => Ok(Device::Cpu),
            ("cuda", i) => Ok(Device::Cuda(i.unwrap_or(0))),
            _ => Err(TensorError::runtime(format!(
                "Expected one of cpu, cuda device type at start of device string: {text}"
            ))),
        }
    }

    /// `"cpu"` or `"cuda"` (PyTorch's `device.type`).
    pub fn kind(self) -> &'static str {
        match self {
            Device::Cpu => "cpu",
            Device::Cuda(_) => "cuda",
        }
    }

    pub fn index(self) -> Option<u32> {
        match self {
            Device::Cpu => None,
            Device::Cuda(i) => Some(i),
        }
    }

    pub fn is_cuda(self) -> bool {
        matches!(self, Device::Cuda(_))
    }
}

impl fmt::Display for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Device::Cpu => f.write_str("cpu"),
            Device::Cuda(i) => write!(f, "cuda:{i}"),
        }
    }
}

thread_local! {
    /// The device new tensors are made on; `None` until `TL_DEVICE` has been read.
    static DEFAULT: Cell<Option<Device>> = const { Cell::new(None) };
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

/// The device factories use when given no `device=`: `set_default_device`'s, else
/// `TL_DEVICE`'s, else the CPU.
pub fn default_device() -> Device {
    DEFAULT.with(|d| match d.get() {
        Some(device) => device,
        None => {
            let device =
                std::env::var("TL_DEVICE").ok().map_or(Device::Cpu, |text| match Device::parse(&text) {
                    Ok(device) => place(device).unwrap_or(Device::Cpu),
                    Err(e) => {
                        eprintln!("tl: ignoring TL_DEVICE: {}", e.message);
                        Device::Cpu
                    }
                });
            d.set(Some(device));
            device
        }
    })
}

pub fn set_default_device(device: Device) -> TensorResult<()> {
    let device = place(device)?;
    DEFAULT.with(|d| d.set(Some(device)));
    Ok(())
}

/// Why there is no usable CUDA device, or `None` when there is one.
pub fn cuda_unavailable() -> Option<String> {
    Cuda.unavailable()
}

pub fn cuda_device_count() -> u32 {
    Cuda.device_count()
}

/// The device a tensor asked to live on `requested` actually lives on: the CPU when
/// CUDA is unavailable (said once on stderr); an error for a device index that does
/// not exist.
pub fn place(requested: Device) -> TensorResult<Device> {
    let Device::Cuda(index) = requested else {
        return Ok(Device::Cpu);
    };
    if let Some(reason) = cuda_unavailable() {
        if !WARNED.with(|w| w.replace(true)) {
            eprintln!("tl: CUDA is not available ({reason}); tensors stay on the CPU");
        }
        return Ok(Device::Cpu);
    }
    if index >= cuda_device_count() {
        return Err(TensorError::runtime("CUDA error: invalid device ordinal"));
    }
    Ok(requested)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pytorch_device_strings() {
        assert_eq!(Device::parse("cpu").unwrap(), Device::Cpu);
        assert_eq!(Device::parse("cuda").unwrap(), Device::Cuda(0));
        assert_eq!(Device::parse("cuda:1").unwrap(), Device::Cuda(1));
        assert_eq!(Device::Cuda(1).to_string(), "cuda:1");
        let err = Device::parse("gpu").unwrap_err();
        assert_eq!(err.message, "Expected one of cpu, cuda device type at start of device string: gpu");
        assert!(Device::parse("cuda:x").is_err());
    }

    #[cfg(not(feature = "cuda"))]
    #[test]
    fn without_cuda_tensors_stay_on_the_cpu() {
        assert_eq!(place(Device::Cuda(0)).unwrap(), Device::Cpu);
        assert_eq!(place(Device::Cuda(3)).unwrap(), Device::Cpu);
        assert!(cuda_unavailable().unwrap().contains("without the `cuda` feature"));
    }
}
