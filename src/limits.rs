//! The one limit on how much memory a single result may take: a tensor's storage, a
//! list, a string, a file read whole. Checking sizes against it before allocating turns
//! a request the machine cannot meet into an error, where the allocation would abort
//! the process (or the kernel would kill it).
//!
//! `TL_MAX_TENSOR_BYTES` sets it; the default is half of the memory the process may use
//! (physical memory, or the address-space limit when one is set, as `prlimit --as` does).

use crate::stop::Stop;
use std::sync::OnceLock;

/// The most bytes one result may take.
pub fn max_bytes() -> u64 {
    static LIMIT: OnceLock<u64> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        std::env::var("TL_MAX_TENSOR_BYTES")
            .ok()
            .and_then(|v| parse_bytes(v.trim()))
            .unwrap_or_else(|| usable_memory() / 2)
    })
}

/// `12345`, or with a binary suffix: `512M`, `4G`, `1T` (also `MiB`/`GiB`/`TiB`).
fn parse_bytes(text: &str) -> Option<u64> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let shift = match text[digits.len()..].to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KIB" => 10,
        "M" | "MIB" => 20,
        "G" | "GIB" => 30,
        "T" | "TIB" => 40,
        _ => return None,
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// Physical memory, or less when the address space is limited.
fn usable_memory() -> u64 {
    #[cfg(unix)]
    {
        // SAFETY: sysconf and getrlimit only read system parameters into plain values.
        let (pages, page_size, limit) = unsafe {
            let mut limit = libc::rlimit { rlim_cur: libc::RLIM_INFINITY, rlim_max: libc::RLIM_INFINITY };
            libc::getrlimit(libc::RLIMIT_AS, &mut limit);
            (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE), limit.rlim_cur)
        };
        let physical = if pages > 0 && page_size > 0 { pages as u64 * page_size as u64 } else { 8 << 30 };
        if limit == libc::RLIM_INFINITY {
            physical
        } else {
            // `rlim_t` is u64 here but narrower on some platforms.
            #[allow(clippy::unnecessary_cast)]
            let limit = limit as u64;
            physical.min(limit)
        }
    }
    #[cfg(not(unix))]
    {
        8 << 30
    }
}

/// The bytes `count` items of `item_size` bytes take, if that is within the limit.
pub fn fits(count: usize, item_size: usize) -> Result<u64, u128> {
    let bytes = count as u128 * item_size as u128;
    if bytes <= max_bytes() as u128 {
        Ok(bytes as u64)
    } else {
        Err(bytes)
    }
}

/// PyTorch's words for an allocation it cannot make, with how to raise tl's limit.
pub fn too_large_message(bytes: u128) -> String {
    format!(
        "DefaultCPUAllocator: can't allocate memory: you tried to allocate {bytes} bytes. \
         (tl refuses results this large; TL_MAX_TENSOR_BYTES sets its limit)"
    )
}

/// A file's bytes, read whole within the limit. Past it the error is `OutOfMemory`
/// (Python's `MemoryError`), after reading at most one byte more than the limit, so a
/// file without end (`/dev/zero`, a pipe) stops too.
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let limit = max_bytes();
    let too_large = |what: String| {
        std::io::Error::new(
            std::io::ErrorKind::OutOfMemory,
            format!("{what} than tl's limit for one result, {limit} bytes (TL_MAX_TENSOR_BYTES sets it)"),
        )
    };
    // Special files report a length of 0 and are measured as they are read.
    let known = file.metadata().map_or(0, |m| m.len());
    if known > limit {
        return Err(too_large(format!("the file has {known} bytes, more")));
    }
    let mut bytes = Vec::with_capacity(known as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large("the file is larger".to_string()));
    }
    Ok(bytes)
}

/// Claims room for `count` items of `item_size` bytes before a kernel allocates them:
/// past the limit, the kernel stops (see `crate::stop`) and the expression that ran it
/// fails with a `RuntimeError`.
pub fn claim(count: usize, item_size: usize) {
    if let Err(bytes) = fits(count, item_size) {
        Stop::TooLarge { bytes }.raise();
    }
}

/// `claim` for `count` items of type `T`.
pub fn claim_items<T>(count: usize) {
    claim(count, std::mem::size_of::<T>().max(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_bytes("4096"), Some(4096));
        assert_eq!(parse_bytes("512M"), Some(512 << 20));
        assert_eq!(parse_bytes("4GiB"), Some(4 << 30));
        assert_eq!(parse_bytes("1t"), Some(1 << 40));
        assert_eq!(parse_bytes("12Q"), None);
        assert_eq!(parse_bytes("99999999999T"), None);
    }

    #[test]
    fn the_default_is_within_this_machines_memory() {
        let limit = max_bytes();
        assert!(limit > 0 && limit <= usable_memory());
    }
}
