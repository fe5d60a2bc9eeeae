//! Ctrl-C. SIGINT only sets a flag; the interpreter looks at it before every statement,
//! loop iteration and call, and long kernels between chunks of work, and stop with
//! `KeyboardInterrupt` there. A REPL session goes back to its prompt with its state;
//! a script reports where it was and exits with 130, as Python does.

use crate::stop::Stop;
use std::sync::atomic::{AtomicBool, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);
/// Set for scripts: a second Ctrl-C while the first is still unhandled (code that does
/// not reach a check) ends the process at once.
static EXIT_ON_SECOND: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    if PENDING.swap(true, Ordering::SeqCst) && EXIT_ON_SECOND.load(Ordering::SeqCst) {
        // SAFETY: `_exit` is async-signal-safe.
        unsafe { libc::_exit(130) }
    }
}

/// Routes SIGINT to the flag. `interactive`: a REPL, which must survive any number.
pub fn install(interactive: bool) {
    EXIT_ON_SECOND.store(!interactive, Ordering::SeqCst);
    #[cfg(unix)]
    // SAFETY: the handler only touches atomics (and `_exit`), which is async-signal-safe;
    // SA_RESTART keeps blocking reads going, as they check nothing.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Whether Ctrl-C was pressed and not yet reported.
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Forgets a pending interrupt: once reported, or when it arrived while nothing was
/// running (before a REPL entry).
pub fn clear() {
    PENDING.store(false, Ordering::SeqCst);
}

/// For kernels, between chunks: stops the computation if Ctrl-C was pressed (the flag
/// stays set for the interpreter to report).
pub fn check() {
    if pending() {
        Stop::Interrupted.raise();
    }
}
