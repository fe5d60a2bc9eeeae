//! Python's exception kinds, the one list every layer raises from: tensor operations
//! (`TensorError`), the interpreter (`RuntimeError`) and the error values of tl code.

use std::fmt;

macro_rules! kinds {
    ($($kind:ident $(: $parent:ident)?),* $(,)?) => {
        /// A Python exception class tl raises or lets tl code build.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorKind {
            $($kind),*
        }

        impl ErrorKind {
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$kind),*];

            /// The class name, as Python prints it.
            pub fn name(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => stringify!($kind)),*
                }
            }

            /// The class it derives from (`None` for `BaseException`).
            fn parent(self) -> Option<ErrorKind> {
                match self {
                    $(ErrorKind::$kind => kinds!(@parent $($parent)?)),*
                }
            }
        }
    };
    (@parent $parent:ident) => { Some(ErrorKind::$parent) };
    (@parent) => { None };
}

// Each with the parent Python (or, for `LinAlgError` and `EinopsError`, PyTorch and
// einops) gives it, for `isinstance`.
kinds! {
    BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    AssertionError: Exception,
    AttributeError: Exception,
    EinopsError: RuntimeError,
    EOFError: Exception,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    ImportError: Exception,
    IndexError: LookupError,
    IsADirectoryError: OSError,
    KeyError: LookupError,
    KeyboardInterrupt: BaseException,
    LinAlgError: RuntimeError,
    LookupError: Exception,
    MemoryError: Exception,
    ModuleNotFoundError: ImportError,
    NameError: Exception,
    NotImplementedError: RuntimeError,
    OSError: Exception,
    OverflowError: ArithmeticError,
    RecursionError: RuntimeError,
    RuntimeError: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    SystemExit: BaseException,
    TypeError: Exception,
    UnboundLocalError: NameError,
    ValueError: Exception,
    ZeroDivisionError: ArithmeticError,
}

impl ErrorKind {
    /// The kind of a class name, for the builtins that build errors by name.
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// Whether an error of this kind is an instance of `class` (itself or a parent).
    pub fn is_a(self, class: ErrorKind) -> bool {
        self == class || self.parent().is_some_and(|p| p.is_a(class))
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind::*;
    use super::*;

    #[test]
    fn names_round_trip() {
        for &kind in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(ErrorKind::from_name("Warning"), None);
    }

    #[test]
    fn python_hierarchy() {
        assert!(FileNotFoundError.is_a(OSError));
        assert!(NotImplementedError.is_a(RuntimeError));
        assert!(ValueError.is_a(Exception));
        assert!(!ValueError.is_a(TypeError));
        assert!(!KeyboardInterrupt.is_a(Exception));
        assert!(KeyboardInterrupt.is_a(BaseException));
        assert!(KeyError.is_a(LookupError) && UnboundLocalError.is_a(NameError));
        assert!(ZeroDivisionError.is_a(ArithmeticError) && ModuleNotFoundError.is_a(ImportError));
    }
}
