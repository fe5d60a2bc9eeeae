//! Running programs the ways the command line asks: a script, `-e` code. Every run
//! happens on a thread with a large stack so that deep (bounded) recursion in the
//! evaluator never overflows.

use crate::diag::{render, Failure};
use crate::eval::Interpreter;
use crate::exception::ErrorKind;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The evaluator's stack: tl's recursion limit of 1000 calls needs far less, and
/// `stacker` grows it further for pathologically nested expressions.
const STACK_SIZE: usize = 256 * 1024 * 1024;

/// Runs `f` on a thread with the interpreter's stack size.
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(f)
        .expect("spawn the interpreter thread")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// What to run.
pub enum Program {
    File { path: PathBuf, args: Vec<String> },
    Code(String),
}

/// Runs a program with output to stdout and diagnostics to stderr; the exit status.
pub fn run(program: Program) -> i32 {
    crate::interrupt::install(false);
    with_big_stack(move || {
        let stdout = std::io::stdout();
        let mut interp = Interpreter::new(Box::new(std::io::BufWriter::new(stdout)));
        let result = match &program {
            Program::File { path, args } => {
                interp.set_argv(
                    std::iter::once(path.display().to_string()).chain(args.iter().cloned()).collect(),
                );
                interp.run_file(path, &path.display().to_string())
            }
            Program::Code(code) => {
                interp.set_argv(vec!["-e".into()]);
                interp.run_source("<-e>", code, PathBuf::from("."), false)
            }
        };
        interp.flush();
        match result {
            Ok(()) => 0,
            // `exit(code)`: the status Python gives, a message printed, no diagnostic.
            Err(Failure::Runtime(e)) if e.kind == ErrorKind::SystemExit => match e.message.parse::<i32>() {
                Ok(code) => code,
                Err(_) if e.message.is_empty() => 0,
                Err(_) => {
                    eprintln!("{}", e.message);
                    1
                }
            },
            Err(failure) => {
                report(&interp, &failure);
                match &failure {
                    // Python's status for a program stopped by Ctrl-C (128 + SIGINT).
                    Failure::Runtime(e) if e.kind == ErrorKind::KeyboardInterrupt => 130,
                    _ => 1,
                }
            }
        }
    })
}

/// Prints a failure to stderr, in colour when stderr is a terminal.
pub fn report(interp: &Interpreter, failure: &Failure) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = render(failure, &interp.sources, color);
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// The folder a path's relative imports start from.
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}
