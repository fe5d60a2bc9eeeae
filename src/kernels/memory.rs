//! Keeping freed tensor buffers for reuse. glibc hands every allocation over 32 MiB
//! back to the kernel when it is freed, so each large op result is fresh memory that
//! page-faults in, 4 KiB at a time (for a 40 MB result, about as long as the op's own
//! work). Raising the mmap and trim thresholds keeps freed buffers in the heap, where
//! the next result of the same size reuses pages that are already mapped.

/// Sets glibc's allocator to keep freed large buffers (a no-op elsewhere).
pub fn keep_freed_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const ONE_GIB: libc::c_int = 1 << 30;
        // SAFETY: `mallopt` only adjusts allocator parameters; it is called before any
        // other thread exists.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, ONE_GIB);
            libc::mallopt(libc::M_TRIM_THRESHOLD, ONE_GIB);
        }
    }
}
