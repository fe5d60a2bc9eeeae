//! Stopping a computation part-way. Kernels and allocation sites deep below the
//! interpreter have no error path (they return plain vectors), so when a result would
//! pass the size limit or the user presses Ctrl-C they unwind with a `Stop` (by
//! `resume_unwind`, which prints nothing), and the interpreter catches it where it runs
//! an operation and turns it into a Python exception at that expression. Any other
//! panic passes through untouched.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// A result of this many bytes would pass `crate::limits::max_bytes`.
    TooLarge { bytes: u128 },
    /// SIGINT arrived (see `crate::interrupt`).
    Interrupted,
    /// The GPU failed to copy a tensor back (the driver's message).
    Device(String),
}

impl Stop {
    /// Unwinds to the nearest `catch`.
    pub fn raise(self) -> ! {
        resume_unwind(Box::new(self))
    }
}

/// Runs `f`, returning the `Stop` it raised instead of its value. Whatever `f` had
/// borrowed is released as it unwinds; a half-written result is dropped.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Stop> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => Ok(value),
        Err(payload) => match payload.downcast::<Stop>() {
            Ok(stop) => Err(*stop),
            Err(other) => resume_unwind(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_is_caught_and_other_panics_pass() {
        assert_eq!(catch(|| 3), Ok(3));
        assert_eq!(catch(|| Stop::Interrupted.raise()), Err::<(), _>(Stop::Interrupted));
        let through = std::panic::catch_unwind(|| catch(|| resume_unwind(Box::new("other"))));
        assert!(through.is_err());
    }

    #[test]
    fn a_stop_crosses_rayon_threads() {
        use rayon::prelude::*;
        let caught = catch(|| {
            (0..1000).into_par_iter().for_each(|i| {
                if i == 777 {
                    Stop::TooLarge { bytes: 1 }.raise();
                }
            })
        });
        assert_eq!(caught, Err(Stop::TooLarge { bytes: 1 }));
    }
}
