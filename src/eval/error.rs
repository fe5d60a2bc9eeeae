//! Run-time errors and the other ways evaluation leaves a construct early.

use crate::exception::ErrorKind;
use crate::storage::TensorError;
use crate::syntax::span::Span;
use crate::value::Value;

/// A run-time error: Python's kind (`TypeError`), a message, the span of the expression
/// that failed, and the tl calls it unwound through.
#[derive(Clone, Debug)]
pub struct RuntimeError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
    pub label: Option<String>,
    pub help: Option<String>,
    /// Innermost call first: each entry is a call the error left.
    pub stack: Vec<StackFrame>,
    /// The error it was raised from (`raise ... from e`).
    /// An error value, or an instance of a program's own error class.
    pub cause: Option<Value>,
    /// The instance raised, when it is of a program's own error class (`raise E(1)`
    /// for `class E(ValueError)`): what `catch ... as e` binds.
    pub raised: Option<Value>,
}

#[derive(Clone, Debug)]
pub struct StackFrame {
    /// The function that was called.
    pub function: String,
    /// Where it was called from.
    pub call_span: Span,
}

impl RuntimeError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Span) -> RuntimeError {
        RuntimeError {
            kind,
            message: message.into(),
            span,
            label: None,
            help: None,
            stack: Vec::new(),
            cause: None,
            raised: None,
        }
    }

    /// The error as the value `catch ... as e` binds.
    pub fn value(&self) -> Value {
        match &self.raised {
            Some(instance) => instance.clone(),
            None => Value::Error(std::rc::Rc::new(crate::value::ErrorValue {
                kind: self.kind,
                message: self.message.clone(),
                cause: self.cause.clone(),
            })),
        }
    }

    /// The name of its class: the program's own error class, or Python's.
    pub fn class_name(&self) -> String {
        match &self.raised {
            Some(Value::Instance(instance)) => instance.class.name.to_string(),
            _ => self.kind.to_string(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_stack(mut self, frame: StackFrame) -> Self {
        self.stack.push(frame);
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

/// Why evaluation stopped before the end of a construct.
#[derive(Debug)]
pub enum Flow {
    Error(Box<RuntimeError>),
    Return(Value),
    Break,
    Continue,
}

impl From<RuntimeError> for Flow {
    fn from(error: RuntimeError) -> Flow {
        Flow::Error(Box::new(error))
    }
}

pub type Eval<T> = Result<T, Flow>;

/// A tensor operation's error as a run-time error at the call that caused it.
pub fn error_at(error: TensorError, span: Span) -> Flow {
    RuntimeError::new(error.kind, error.message, span).into()
}

/// Fails with a new error of `kind` at `span`.
pub fn fail<T>(kind: ErrorKind, span: Span, message: impl Into<String>) -> Eval<T> {
    Err(RuntimeError::new(kind, message, span).into())
}

/// Runs an operation whose kernels may stop part-way (see `crate::stop`), turning a stop
/// into the Python exception it stands for, at `span`.
pub fn guarded<T>(span: Span, operation: impl FnOnce() -> Eval<T>) -> Eval<T> {
    crate::stop::catch(operation).unwrap_or_else(|stop| Err(stopped(stop, span).into()))
}

/// The exception a `Stop` raises at `span`.
pub fn stopped(stop: crate::stop::Stop, span: Span) -> RuntimeError {
    match stop {
        crate::stop::Stop::TooLarge { bytes } => {
            RuntimeError::new(ErrorKind::RuntimeError, crate::limits::too_large_message(bytes), span)
        }
        crate::stop::Stop::Interrupted => keyboard_interrupt(span),
        crate::stop::Stop::Device(message) => RuntimeError::new(ErrorKind::RuntimeError, message, span),
    }
}

/// Ctrl-C, reported where the program was (and cleared: it is reported once).
pub fn keyboard_interrupt(span: Span) -> RuntimeError {
    crate::interrupt::clear();
    RuntimeError::new(ErrorKind::KeyboardInterrupt, "", span)
}
