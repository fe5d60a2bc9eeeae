//! The interpreter's state: sources, the prelude and global scopes, loaded modules, the
//! output stream and the active calls.

use super::env::Env;
use super::error::{Eval, Flow, RuntimeError};
use crate::diag::Failure;
use crate::exception::ErrorKind;
use crate::source::SourceMap;
use crate::syntax::ast::{ExprKind, StmtKind};
use crate::syntax::parser::parse_checked;
use crate::syntax::symbol::Symbol;
use crate::value::native::NativeTypes;
use crate::value::{Class, Function, Module, Value};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Bounds that keep a runaway program from taking the process down with it.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Nested tl calls before `RecursionError` (Python's default is 1000).
    pub max_depth: usize,
    /// Statements, loop iterations and calls executed before the program is stopped
    /// (for fuzzing).
    pub max_steps: Option<u64>,
    /// Longest list, tuple or string a program may build (`MemoryError` beyond); by
    /// default as many `Value`s as fit in `crate::limits::max_bytes`.
    pub max_sequence_len: usize,
}

impl Default for Limits {
    fn default() -> Self {
        // A list's items are `Value`s: the size limit of any one result, counted in them.
        let max_sequence_len = crate::limits::max_bytes() as usize / std::mem::size_of::<Value>();
        Limits { max_depth: 1000, max_steps: None, max_sequence_len }
    }
}

/// An active call of a tl function: `super()` reads it.
pub(super) struct Frame {
    pub function: Rc<Function>,
    pub env: Rc<Env>,
}

pub struct Interpreter {
    pub sources: SourceMap,
    /// Builtins and the lazily loaded standard-library namespaces.
    pub(super) prelude: Rc<Env>,
    /// The scope of the script, the `-e` code or the REPL session.
    pub globals: Rc<Env>,
    pub(super) modules: HashMap<String, Rc<Module>>,
    /// Modules being imported, to report a cycle instead of looping.
    pub(super) importing: Vec<String>,
    pub(super) out: Box<dyn Write>,
    pub(super) frames: Vec<Frame>,
    /// The errors whose `catch` clauses are running, innermost last (a bare `raise`
    /// raises the last again).
    pub(super) handling: Vec<RuntimeError>,
    pub(super) limits: Limits,
    pub(super) steps: u64,
    /// Running the REPL: `plt.show()` may draw figures in the terminal.
    pub interactive: bool,
    /// What the builtins layer defines: builtin calls, tensors' attributes, indexing
    /// and operators.
    pub(super) natives: &'static dyn NativeTypes,
    /// Python's error classes as bases of classes (`class E(ValueError)`), made once each.
    pub(super) exception_bases: HashMap<ErrorKind, Rc<Class>>,
    /// What `type(x)` gives for values of a type tl has no type object for (iterators,
    /// generators): a class of that name, made once each so that types compare equal.
    pub(super) value_types: HashMap<String, Rc<Class>>,
}

impl Interpreter {
    /// A fresh interpreter whose `print` writes to `out`, with `natives` for the
    /// builtins and native types (`Interpreter::new` gives it tl's).
    pub fn with_natives(out: Box<dyn Write>, natives: &'static dyn NativeTypes) -> Interpreter {
        let prelude = Env::new(None);
        natives.install(&prelude);
        let globals = Env::new(Some(prelude.clone()));
        Interpreter {
            sources: SourceMap::default(),
            prelude,
            globals,
            modules: HashMap::new(),
            importing: Vec::new(),
            out,
            frames: Vec::new(),
            handling: Vec::new(),
            limits: Limits::default(),
            steps: 0,
            interactive: false,
            natives,
            exception_bases: HashMap::new(),
            value_types: HashMap::new(),
        }
    }

    /// Sets `argv`: the script's path and its arguments.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        let items = Value::list(argv.iter().map(|a| Value::str(a)).collect());
        if let Some(Value::Module(sys)) = self.prelude.get_local(Symbol::intern("sys")) {
            sys.env.set(Symbol::intern("argv"), items.clone());
        }
        self.prelude.set(Symbol::intern("argv"), items);
    }

    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Runs a script file in the global scope; `name` is how diagnostics call it.
    pub fn run_file(&mut self, path: &Path, name: &str) -> Result<(), Failure> {
        let text =
            crate::source::read_source(path).map_err(|e| Failure::Io(format!("cannot read {name}: {e}")))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.run_source(name, &text, dir, false).map(|_| ())
    }

    /// Parses and runs `text` in the global scope. With `echo`, the value of each
    /// top-level expression statement that is not `None` is printed, as Python's REPL does.
    pub fn run_source(&mut self, name: &str, text: &str, dir: PathBuf, echo: bool) -> Result<(), Failure> {
        self.run_program(name, text, dir, echo).map(|_| ())
    }

    /// Runs `text` and returns the value of its last statement if that is an expression
    /// (the REPL's `:type` and `:time`).
    pub fn evaluate(&mut self, name: &str, text: &str) -> Result<Value, Failure> {
        self.run_program(name, text, PathBuf::from("."), false)
    }

    fn run_program(&mut self, name: &str, text: &str, dir: PathBuf, echo: bool) -> Result<Value, Failure> {
        let src = self.sources.add(name, text, dir);
        let program = parse_checked(text, src);
        let program = program.map_err(Failure::Syntax)?;
        let globals = self.globals.clone();
        let mut last = Value::None;
        let result = (|| -> Eval<()> {
            for stmt in &program {
                last = Value::None;
                match &stmt.node {
                    StmtKind::Expr(expr) if !matches!(expr.node, ExprKind::If { .. }) => {
                        self.step(stmt.span)?;
                        // Operations catch their own stops; this catches any other.
                        last = super::error::guarded(stmt.span, || self.eval(expr, &globals))?;
                        if echo && !matches!(last, Value::None) {
                            let text = super::error::guarded(expr.span, || self.repr(&last))?;
                            self.write_out(&format!("{text}\n"), expr.span)?;
                        }
                    }
                    _ => super::error::guarded(stmt.span, || self.exec(stmt, &globals))?,
                }
            }
            // Ctrl-C during the last statement's kernels, which had no check after them.
            match program.last() {
                Some(stmt) if crate::interrupt::pending() => {
                    Err(super::error::keyboard_interrupt(stmt.span).into())
                }
                _ => Ok(()),
            }
        })();
        self.frames.clear();
        let flushed = self.out.flush();
        match result {
            Ok(()) => flushed.map(|_| last).map_err(|e| Failure::Io(format!("cannot write output: {e}"))),
            Err(Flow::Error(error)) => Err(Failure::Runtime(error)),
            // The checker refuses `return`/`break`/`continue` outside their constructs.
            Err(_) => Ok(Value::None),
        }
    }

    /// Forgets the calls and imports in progress when a panic abandoned an entry.
    pub fn recover(&mut self) {
        self.frames.clear();
        self.handling.clear();
        self.importing.clear();
    }

    /// Writes program output (`print`, REPL echo).
    /// The scope a builtin was called from: the running function's, else the globals.
    pub fn current_scope(&self) -> Rc<Env> {
        self.frames.last().map_or_else(|| self.globals.clone(), |f| f.env.clone())
    }

    pub fn write_out(&mut self, text: &str, span: crate::syntax::span::Span) -> Eval<()> {
        self.out.write_all(text.as_bytes()).map_err(|e| {
            RuntimeError::new(ErrorKind::OSError, format!("cannot write output: {e}"), span).into()
        })
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Counts one unit of work against `Limits::max_steps`.
    pub(super) fn step(&mut self, span: crate::syntax::span::Span) -> Eval<()> {
        self.steps += 1;
        if crate::interrupt::pending() {
            return Err(super::error::keyboard_interrupt(span).into());
        }
        match self.limits.max_steps {
            Some(max) if self.steps > max => {
                Err(RuntimeError::new(ErrorKind::RuntimeError, format!("step limit of {max} exceeded"), span)
                    .into())
            }
            _ => Ok(()),
        }
    }

    /// Looks a name up from `env`, loading a standard-library namespace on first use;
    /// `Ok(None)` if the name is not defined.
    pub(super) fn lookup(
        &mut self,
        name: Symbol,
        env: &Env,
        span: crate::syntax::span::Span,
    ) -> Eval<Option<Value>> {
        match env.resolve(name) {
            super::env::Lookup::Found(v) => Ok(Some(v)),
            super::env::Lookup::Unbound => Err(unbound_local(name, span)),
            super::env::Lookup::Missing => self.load_stdlib_name(name),
        }
    }

    /// A standard-library module used by its name alone (`dist.Normal`): loaded on first
    /// use and kept in the prelude.
    #[cold]
    fn load_stdlib_name(&mut self, name: Symbol) -> Eval<Option<Value>> {
        let Some(module) = self.stdlib_namespace(name.as_str()) else { return Ok(None) };
        let value = Value::Module(module?);
        self.prelude.set(name, value.clone());
        Ok(Some(value))
    }

    /// Names visible at the top level (REPL completion).
    pub fn global_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.globals.visible_names().iter().map(|s| s.to_string()).collect();
        names.extend(crate::stdlib::names().map(String::from));
        names.sort();
        names.dedup();
        names
    }

    /// The standard-library module `name` (`nn.functional` too), loading it if needed
    /// (`tl doc`); `None` if there is none or it fails to load.
    pub fn stdlib_module(&mut self, name: &str) -> Option<Rc<crate::value::Module>> {
        self.stdlib_namespace(name)?.ok()
    }

    /// A global's value, loading a standard-library namespace if that is what the name
    /// is (REPL completion after `.`); nothing else runs.
    pub fn global(&mut self, name: &str) -> Option<Value> {
        let globals = self.globals.clone();
        self.lookup(Symbol::intern(name), &globals, Default::default()).ok().flatten()
    }
}

#[cold]
fn unbound_local(name: Symbol, span: crate::syntax::span::Span) -> Flow {
    let message = format!("cannot access local variable '{name}' where it is not associated with a value");
    RuntimeError::new(ErrorKind::UnboundLocalError, message, span).into()
}
