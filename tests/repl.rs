//! Drives the real `tl` binary through a pseudo-terminal, as a user would.

use rexpect::session::spawn_command;
use std::process::Command;

/// Types `line`, waits for `expected` and then for the next prompt: rustyline discards
/// what is typed before its prompt appears, and the terminal echoes the typed line, so
/// `expected` must not occur in `line` itself.
fn entry(
    repl: &mut rexpect::session::PtySession,
    line: &str,
    expected: &str,
) -> Result<(), rexpect::error::Error> {
    assert!(!line.contains(expected), "{expected:?} would match the echo of {line:?}");
    repl.send_line(line)?;
    repl.exp_string(expected)?;
    repl.exp_string(">>> ")?;
    Ok(())
}

#[test]
fn repl_echoes_continues_lines_survives_errors_and_quits() -> Result<(), rexpect::error::Error> {
    let history = std::env::temp_dir().join(format!("tl-repl-test-{}", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_tl"));
    command.env("TL_HISTORY", &history).env("NO_COLOR", "1");
    let mut repl = spawn_command(command, Some(10_000))?;
    repl.exp_string(">>> ")?;

    entry(&mut repl, "1 + 2", "3")?;

    // An open block asks for more lines (rustyline's validator keeps the entry open).
    repl.send_line("fn double(x) {")?;
    repl.send_line("    return x * 2")?;
    entry(&mut repl, "}; 6 * 7", "42")?;
    entry(&mut repl, "double(50)", "100")?;

    // `none` is not echoed; a string is echoed with its quotes.
    entry(&mut repl, "print('hi')", "\r\nhi\r\n")?;
    entry(&mut repl, "'a' + 'b'", "'ab'")?;

    // An error prints its diagnostic and the session keeps its variables.
    entry(&mut repl, "total = double(5); total", "10")?;
    entry(&mut repl, "undefined_name + 1", "NameError: name 'undefined_name' is not defined")?;
    entry(&mut repl, "total + 1", "11")?;
    entry(&mut repl, ":type total / 2", "float")?;

    repl.send_line(":quit")?;
    repl.exp_eof()?;
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    let _ = std::fs::remove_file(&history);
    assert!(saved.contains("double(50)"), "history was not saved: {saved:?}");
    Ok(())
}

#[test]
fn show_in_the_repl_saves_the_figure_and_draws_it_inline_in_kitty() -> Result<(), rexpect::error::Error> {
    let dir = std::env::temp_dir().join(format!("tl-repl-plot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_tl"));
    command
        .current_dir(&dir)
        .env("TL_HISTORY", dir.join("history"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-kitty");
    let mut repl = spawn_command(command, Some(10_000))?;
    repl.exp_string(">>> ")?;
    repl.send_line("plt.plot([1, 2, 3], label='rising'); plt.legend()")?;
    repl.exp_string(">>> ")?;
    repl.send_line("plt.show()")?;
    repl.exp_string("figure saved to figures/figure_1.png")?;
    // The kitty graphics protocol: a PNG (f=100) transmitted and shown (a=T).
    repl.exp_string("\x1b_Ga=T,f=100,")?;
    repl.exp_string(">>> ")?;
    repl.send_line("plt.plot('not data')")?;
    repl.exp_string("TypeError: plot data must be a tensor or a list of numbers, not str")?;
    repl.send_line("6 * 7")?;
    repl.exp_string("42")?;
    repl.send_line(":quit")?;
    repl.exp_eof()?;
    let png = std::fs::read(dir.join("figures/figure_1.png")).expect("the figure was written");
    assert!(png.starts_with(b"\x89PNG"));
    Ok(())
}

#[test]
fn ctrl_c_stops_running_code_and_the_session_keeps_its_state() -> Result<(), rexpect::error::Error> {
    let history = std::env::temp_dir().join(format!("tl-repl-interrupt-{}", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_tl"));
    command.env("TL_HISTORY", &history).env("NO_COLOR", "1");
    let mut repl = spawn_command(command, Some(10_000))?;
    repl.exp_string(">>> ")?;
    repl.send_line("kept = 41")?;
    repl.exp_string(">>> ")?;
    repl.send_line("while true { }")?;
    std::thread::sleep(std::time::Duration::from_millis(500));
    repl.send_control('c')?;
    repl.exp_string("KeyboardInterrupt")?;
    repl.exp_string(">>> ")?;
    repl.send_line("kept + 1")?;
    repl.exp_string("42")?;
    // A kernel is stopped too, and Ctrl-C at the prompt only clears the line.
    repl.send_line("a = ones(3000, 3000, dtype=float64); b = [a @ a for i in range(1000)]")?;
    std::thread::sleep(std::time::Duration::from_millis(800));
    repl.send_control('c')?;
    repl.exp_string("KeyboardInterrupt")?;
    repl.exp_string(">>> ")?;
    repl.send_control('c')?;
    repl.exp_string(">>> ")?;
    repl.send_line("kept * 2")?;
    repl.exp_string("82")?;
    repl.send_line(":quit")?;
    repl.exp_eof()?;
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    let _ = std::fs::remove_file(&history);
    assert!(saved.contains("while true { }") && saved.contains("kept + 1"), "history: {saved:?}");
    Ok(())
}

/// `:help NAME` prints the declaration; Tab completes a builtin's keyword and the
/// methods of a builtin call's tensor, listing several candidates at once.
#[test]
fn help_and_tab_completion_come_from_the_declarations() -> Result<(), rexpect::error::Error> {
    let history = std::env::temp_dir().join(format!("tl-repl-help-test-{}", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_tl"));
    command.env("TL_HISTORY", &history).env("NO_COLOR", "1");
    let mut repl = spawn_command(command, Some(10_000))?;
    repl.exp_string(">>> ")?;
    repl.send_line(":help zeros")?;
    repl.exp_string("Help on built-in function zeros:")?;
    repl.exp_string("zeros(*size")?;
    repl.exp_string("dtype=None")?;
    repl.exp_string(">>> ")?;
    repl.send_line(":help")?;
    repl.exp_string(":help NAME")?;
    repl.exp_string(">>> ")?;
    // One candidate: Tab writes it into the line.
    repl.send("zeros(2, 3, dt")?;
    repl.flush()?;
    repl.send("\t")?;
    repl.flush()?;
    repl.exp_string("dtype=")?;
    repl.send_line("int64)")?;
    repl.exp_string("tensor([[0, 0, 0],")?;
    repl.exp_string(">>> ")?;
    // Several: a second Tab lists them.
    repl.send("randn(3).su")?;
    repl.flush()?;
    repl.send("\t")?;
    repl.flush()?;
    repl.send("\t")?;
    repl.flush()?;
    repl.exp_string("subtract")?;
    repl.exp_string("sum")?;
    repl.send_control('c')?;
    // rustyline drops what was typed ahead of the new prompt.
    std::thread::sleep(std::time::Duration::from_millis(300));
    repl.send_line(":quit")?;
    repl.exp_eof()?;
    let _ = std::fs::remove_file(&history);
    Ok(())
}
