//! The REPL: rustyline for editing and history, the interpreter keeping its state
//! across entries, and a few `:commands`.

mod helper;

use crate::eval::Interpreter;
use crate::run::{report, with_big_stack};
use helper::TlHelper;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Instant;

const HELP: &str = "\
tl REPL: type statements or expressions; an expression's value is echoed.
An unfinished line (an open bracket or block) continues on the next one;
an empty line ends it. Tab completes names, methods after `.`, and keywords.

  :help         this text
  :help NAME    the documentation of NAME, as help(NAME) prints it
  :type EXPR    the type of EXPR's value
  :time EXPR    evaluate EXPR and show how long it took
  :load FILE    run a .tl file in this session
  :quit         leave (as does Ctrl-D)
";

/// Where history is kept between sessions: `$TL_HISTORY`, or `~/.tl_history`.
fn history_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TL_HISTORY") {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".tl_history"))
}

pub fn main() -> i32 {
    with_big_stack(|| match session() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("tl: the terminal failed: {e}");
            1
        }
    })
}

fn session() -> rustyline::Result<()> {
    let mut session = Interpreter::new(Box::new(std::io::stdout()));
    session.set_argv(vec![String::new()]);
    session.interactive = true;
    let interp = Rc::new(RefCell::new(session));
    crate::interrupt::install(true);
    // With several candidates, Tab lists them all (as bash does) instead of cycling.
    let config =
        Config::builder().auto_add_history(true).completion_type(rustyline::CompletionType::List).build();
    let mut editor: Editor<TlHelper, DefaultHistory> = Editor::with_config(config)?;
    editor.set_helper(Some(TlHelper::new(interp.clone())));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!("tl {} — :help for help, :quit to leave", env!("CARGO_PKG_VERSION"));
    let mut entry = 0;
    loop {
        match editor.readline(">>> ") {
            Ok(line) => {
                entry += 1;
                crate::interrupt::clear();
                if !run_guarded(&interp, line.trim_end(), entry) {
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e),
        }
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    Ok(())
}

/// Runs one entry, surviving a panic: tl's own bug is reported with the entry that
/// caused it and the session goes on with its variables. False when the user asked to
/// leave.
fn run_guarded(interp: &Rc<RefCell<Interpreter>>, line: &str, entry: usize) -> bool {
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_entry(&mut interp.borrow_mut(), line, entry)
    }));
    run.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "tl: internal error ({what}) while running:\n    {line}\nplease report it; the session goes on."
        );
        interp.borrow_mut().recover();
        true
    })
}

/// Runs one entry; false when the user asked to leave.
fn run_entry(interp: &mut Interpreter, line: &str, entry: usize) -> bool {
    let name = format!("<repl:{entry}>");
    let (command, rest) = match line.strip_prefix(':') {
        Some(cmd) => cmd.split_once(' ').map_or((cmd, ""), |(c, r)| (c, r.trim())),
        None => {
            return match interp.run_source(&name, line, PathBuf::from("."), true) {
                // `exit()` and `quit()` end the session, as in Python's REPL.
                Err(crate::diag::Failure::Runtime(e))
                    if e.kind == crate::exception::ErrorKind::SystemExit =>
                {
                    false
                }
                Err(failure) => {
                    report(interp, &failure);
                    true
                }
                Ok(_) => true,
            };
        }
    };
    match command {
        "quit" | "q" | "exit" => return false,
        "help" | "h" if rest.is_empty() => print!("{HELP}"),
        "help" | "h" => match interp.evaluate(&name, rest) {
            Ok(value) => match crate::builtins::help::help_text(interp, &value) {
                Ok(text) => print!("{text}"),
                Err(crate::eval::Flow::Error(e)) => report(interp, &crate::diag::Failure::Runtime(e)),
                Err(_) => {}
            },
            Err(failure) => report(interp, &failure),
        },
        "type" | "t" => match interp.evaluate(&name, rest) {
            Ok(value) => println!("{}", value.type_name()),
            Err(failure) => report(interp, &failure),
        },
        "time" => {
            let start = Instant::now();
            let result = interp.evaluate(&name, rest);
            let elapsed = start.elapsed();
            match result {
                Ok(value) => {
                    if !matches!(value, crate::value::Value::None) {
                        match interp.repr(&value) {
                            Ok(text) => println!("{text}"),
                            Err(_) => println!("<{}>", value.type_name()),
                        }
                    }
                    println!("time: {:.3} ms", elapsed.as_secs_f64() * 1e3);
                }
                Err(failure) => report(interp, &failure),
            }
        }
        "load" | "l" => {
            let path = PathBuf::from(rest);
            if let Err(failure) = interp.run_file(&path, rest) {
                report(interp, &failure);
            }
        }
        other => eprintln!("unknown command :{other} (try :help)"),
    }
    true
}
