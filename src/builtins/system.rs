//! The operating system as Python's `time`, `os`, `os.path` and file objects see it:
//! clocks, paths, folders, text files (`open`), `input` and `exit`.

use super::tensor::args::{arg, required};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::value::{Builtin, Value};
use std::path::{Path, PathBuf};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        open,
        "open(file, mode='r', encoding=None) -> file

Opens a text file: mode `'r'` reads it (all of it, now), `'w'` writes it anew, `'a'`
appends, `'x'` creates it (FileExistsError if it exists). The file object has `read
readline readlines write writelines close`, iterates by line, and works with `with open(p)
as f { }`; what is written reaches the file at `close` or the end of the `with`.

Args:
    file: the path, relative to the current folder
    mode: 'r', 'w', 'a' or 'x', optionally with 't'; binary modes are refused
    encoding: only UTF-8 ('utf-8', 'utf8' or None)
Returns: a file object
Example: open('/dev/null', 'w').write('hi')  # 2",
    ),
    Builtin::function(
        input,
        "input(prompt='', /) -> str

Writes `prompt`, then reads one line from standard input, without its newline; at the end
of input, an `EOFError`-like `OSError`.

Args:
    prompt: the text shown before reading
Returns: the line, a str
Example: ask = || input('name? ')",
    ),
    Builtin::function(
        exit,
        "exit(code=None, /) -> never

Ends the program with `code` as its exit status (0 for `none`; a string is printed to
standard error and the status is 1), by raising `SystemExit`, which `catch e` does not
catch. `quit` is the same.

Args:
    code: the exit status, or a message
Returns: never
Example: stop = || exit(0)",
    ),
    Builtin::function(
        exit,
        "quit(code=None, /) -> never

The same as `exit`: ends the program with `code` as its exit status.

Args:
    code: the exit status, or a message
Returns: never
Example: stop = || quit()",
    ),
];

/// The deepest recursion `sys.setrecursionlimit` allows: tl grows its stack as calls
/// nest, so the bound is memory (some kilobytes a call), not a crash.
const MAX_RECURSION_LIMIT: i64 = 100_000;

/// What `sys.` holds besides `argv` (set with the script's arguments), `maxsize` and
/// `platform`.
pub static SYS: &[Builtin] = &[
    Builtin::function(
        exit,
        "exit(status=None, /)

Ends the program by raising `SystemExit(status)`: the exit status is `status` when it is an
int, 1 with the message printed when it is anything else, 0 for `none`.

Args:
    status: the exit status, or a message
Returns: never returns
Example: f = || sys.exit(1)",
    ),
    Builtin::function(
        getrecursionlimit,
        "getrecursionlimit() -> int

How deeply tl calls may nest before a `RecursionError` (1000 unless set).

Returns: an int
Example: sys.getrecursionlimit() > 0  # True",
    ),
    Builtin::function(
        setrecursionlimit,
        "setrecursionlimit(limit, /) -> None

Sets how deeply tl calls may nest before a `RecursionError`: from 1 to 100000 (each level
takes some kilobytes of stack, which tl grows as needed).

Args:
    limit: the deepest nesting allowed
Returns: None
Example: sys.setrecursionlimit(sys.getrecursionlimit())  # None",
    ),
];

fn getrecursionlimit(interp: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    Ok(Value::Int(interp.limits().max_depth as i64))
}

fn setrecursionlimit(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let limit = crate::builtins::convert::index_of(&args.positional[0], args.span)?;
    if limit < 1 {
        return fail(ErrorKind::ValueError, args.span, "recursion limit must be greater or equal than 1");
    }
    if limit > MAX_RECURSION_LIMIT {
        let message = format!("recursion limit {limit} is above tl's most, {MAX_RECURSION_LIMIT}");
        return fail(ErrorKind::ValueError, args.span, message);
    }
    let limits = crate::eval::Limits { max_depth: limit as usize, ..interp.limits() };
    interp.set_limits(limits);
    Ok(Value::None)
}

/// What `time.` holds.
pub static TIME: &[Builtin] = &[
    Builtin::function(
        time,
        "time() -> float

Seconds since the Unix epoch, from the system clock, as Python's `time.time`.

Returns: a float
Example: time.time() > 1.7e9  # True",
    ),
    Builtin::function(
        monotonic,
        "perf_counter() -> float

Seconds on a monotonic clock with the best resolution: only the difference between two
readings means something.

Returns: a float
Example: time.perf_counter() >= 0  # True",
    ),
    Builtin::function(
        monotonic,
        "monotonic() -> float

Seconds on a clock that never goes back: only the difference between two readings means
something.

Returns: a float
Example: time.monotonic() >= 0  # True",
    ),
    Builtin::function(
        sleep,
        "sleep(secs, /) -> None

Waits `secs` seconds (a float is fine); Ctrl-C ends the wait.

Args:
    secs: how long to wait, not negative
Returns: None
Example: time.sleep(0.01)",
    ),
];

/// What `os.` holds (and `os.path`, below).
pub static OS: &[Builtin] = &[
    Builtin::function(
        getcwd,
        "getcwd() -> str

The current folder, as an absolute path.

Returns: a str
Example: len(os.getcwd()) > 0  # True",
    ),
    Builtin::function(
        listdir,
        "listdir(path='.') -> list

The names of the entries of the folder `path`, sorted (CPython's order is the file
system's; sorting makes tl's repeatable).

Args:
    path: the folder
Returns: a list of str
Example: os.listdir('.')",
    ),
    Builtin::function(
        remove,
        "remove(path) -> None

Deletes the file `path`.

Args:
    path: the file to delete
Returns: None
Example: clean = || os.remove('scratch.txt')",
    ),
    Builtin::function(
        makedirs,
        "makedirs(name, exist_ok=False) -> None

Creates the folder `name` and the folders above it that are missing.

Args:
    name: the folder to create
    exist_ok: whether an existing folder is fine (else FileExistsError)
Returns: None
Example: prepare = || os.makedirs('out/figures', exist_ok=true)",
    ),
];

/// What `os.path.` holds.
pub static OS_PATH: &[Builtin] = &[
    Builtin::function(
        join,
        "join(a, /, *p) -> str

The paths joined with `/`; a part that is absolute starts the path anew, as in Python.

Args:
    a: the first part
    p: the further parts
Returns: a str
Example: os.path.join('data', 'x.csv')  # 'data/x.csv'",
    ),
    Builtin::function(
        |interp, args| path_test(interp, args, |p| p.exists()),
        "exists(path) -> bool

Whether `path` names an existing file or folder.

Args:
    path: the path
Returns: a bool
Example: os.path.exists('/')  # True",
    ),
    Builtin::function(
        |interp, args| path_test(interp, args, |p| p.is_file()),
        "isfile(path) -> bool

Whether `path` names an existing file.

Args:
    path: the path
Returns: a bool
Example: os.path.isfile('/')  # False",
    ),
    Builtin::function(
        |interp, args| path_test(interp, args, |p| p.is_dir()),
        "isdir(path) -> bool

Whether `path` names an existing folder.

Args:
    path: the path
Returns: a bool
Example: os.path.isdir('/')  # True",
    ),
    Builtin::function(
        |interp, args| path_part(interp, args, |p| p.rsplit_once('/').map_or(p, |(_, b)| b).to_string()),
        "basename(p) -> str

The last part of the path `p`: what follows its last `/`.

Args:
    p: the path
Returns: a str
Example: os.path.basename('data/x.csv')  # 'x.csv'",
    ),
    Builtin::function(
        |interp, args| path_part(interp, args, dirname),
        "dirname(p) -> str

The path `p` without its last part: what precedes its last `/`.

Args:
    p: the path
Returns: a str
Example: os.path.dirname('data/x.csv')  # 'data'",
    ),
    Builtin::function(
        splitext,
        "splitext(p) -> tuple

The path split before the extension of its last part: `(root, ext)`, `ext` starting with
`.` or empty. A leading dot (`.bashrc`) is not an extension.

Args:
    p: the path
Returns: a tuple of two str
Example: os.path.splitext('data/x.csv')  # ('data/x', '.csv')",
    ),
    Builtin::function(
        abspath,
        "abspath(path) -> str

The absolute form of `path`, from the current folder, with `.` and `..` resolved as text.

Args:
    path: the path
Returns: a str
Example: os.path.abspath('/a/b/../c')  # '/a/c'",
    ),
];

/// The primitives stdlib/io.tl builds file objects from.
pub static IO: &[Builtin] = &[
    Builtin::function(
        read_text,
        "read_text(path) -> str

The whole text of the file `path` (UTF-8); FileNotFoundError or IsADirectoryError as Python
raises them.

Args:
    path: the file
Returns: a str
Example: _io.read_text('/dev/null')  # ''",
    ),
    Builtin::function(
        write_text,
        "write_text(path, text, append=False) -> None

Writes `text` to the file `path`, replacing it, or at its end with `append`.

Args:
    path: the file
    text: what to write
    append: whether to add to the end instead of replacing
Returns: None
Example: _io.write_text('/dev/null', 'hi')",
    ),
];

fn text(args: &mut CallArgs, i: usize, name: &str) -> Eval<String> {
    match required(args, i, name)? {
        Value::Str(s) => Ok(s.to_string()),
        other => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{name} should be a string, not {}", other.type_name()),
        ),
    }
}

/// Python's exception for a failed file operation on `path`.
fn os_error<T>(error: std::io::Error, path: &str, args: &CallArgs) -> Eval<T> {
    let (kind, errno, what) = match error.kind() {
        std::io::ErrorKind::NotFound => (ErrorKind::FileNotFoundError, 2, "No such file or directory"),
        std::io::ErrorKind::AlreadyExists => (ErrorKind::FileExistsError, 17, "File exists"),
        std::io::ErrorKind::IsADirectory => (ErrorKind::IsADirectoryError, 21, "Is a directory"),
        _ => return fail(ErrorKind::OSError, args.span, format!("{error}: '{path}'")),
    };
    fail(kind, args.span, format!("[Errno {errno}] {what}: '{path}'"))
}

fn open(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "file")?;
    let mode = match arg(&mut args, 1, "mode") {
        Some(Value::Str(m)) => m.to_string(),
        None => "r".into(),
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("open() argument 'mode' must be str, not {}", other.type_name()),
            )
        }
    };
    match arg(&mut args, 2, "encoding") {
        None | Some(Value::None) => {}
        Some(Value::Str(e)) if matches!(e.to_lowercase().as_str(), "utf-8" | "utf8") => {}
        Some(other) => {
            let shown = interp.str_of(&other)?;
            return fail(
                ErrorKind::ValueError,
                args.span,
                format!("tl reads and writes UTF-8 only, not encoding {shown}"),
            );
        }
    }
    let plain = mode.replace('t', "");
    let base = match plain.as_str() {
        "r" | "w" | "a" | "x" | "r+" | "w+" | "a+" => plain.chars().next().unwrap_or('r'),
        _ if mode.contains('b') => {
            return fail(
                ErrorKind::ValueError,
                args.span,
                format!("binary mode '{mode}' is not supported: tl files are text"),
            )
        }
        _ => return fail(ErrorKind::ValueError, args.span, format!("invalid mode: '{mode}'")),
    };
    if plain.ends_with('+') {
        return fail(
            ErrorKind::ValueError,
            args.span,
            format!("mode '{mode}' (read and write) is not supported: open the file twice"),
        );
    }
    let content = match base {
        'r' => match std::fs::read_to_string(&path) {
            Ok(content) => content,
            Err(e) => return os_error(e, &path, &args),
        },
        'x' if Path::new(&path).exists() => {
            return os_error(std::io::ErrorKind::AlreadyExists.into(), &path, &args)
        }
        'w' | 'x' => match std::fs::write(&path, "") {
            Ok(()) => String::new(),
            Err(e) => return os_error(e, &path, &args),
        },
        _ => String::new(),
    };
    let span = args.span;
    let Some(io) = interp.global("io") else {
        return fail(ErrorKind::ImportError, span, "the io module is missing");
    };
    let class = interp.get_attr(&io, crate::syntax::symbol::Symbol::intern("TextFile"), span)?;
    let mode = Value::str(&base.to_string());
    interp.call(class, CallArgs::new(vec![Value::str(&path), mode, Value::str(&content)], span))
}

fn read_text(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "path")?;
    match std::fs::read_to_string(&path) {
        Ok(content) => Ok(Value::str(&content)),
        Err(e) => os_error(e, &path, &args),
    }
}

fn write_text(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "path")?;
    let content = text(&mut args, 1, "text")?;
    let append = arg(&mut args, 2, "append").is_some_and(|v| v.truthy());
    let written = if append {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut f| f.write_all(content.as_bytes()))
    } else {
        std::fs::write(&path, content)
    };
    match written {
        Ok(()) => Ok(Value::None),
        Err(e) => os_error(e, &path, &args),
    }
}

fn input(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if let Some(prompt) = args.positional.first() {
        let shown = interp.str_of(prompt)?;
        interp.write_out(&shown, args.span)?;
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => fail(ErrorKind::EOFError, args.span, "EOF when reading a line"),
        Ok(_) => Ok(Value::str(line.strip_suffix('\n').unwrap_or(&line).trim_end_matches('\r'))),
        Err(e) => fail(ErrorKind::OSError, args.span, e.to_string()),
    }
}

fn exit(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let message = match args.positional.first() {
        None | Some(Value::None) => String::new(),
        Some(code) => interp.str_of(code)?,
    };
    fail(ErrorKind::SystemExit, args.span, message)
}

fn time(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    Ok(Value::Float(now.as_secs_f64()))
}

fn monotonic(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Float(START.with(|start| start.elapsed().as_secs_f64())))
}

fn sleep(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let Some(secs) = args.positional[0].as_f64() else {
        return fail(ErrorKind::TypeError, args.span, "sleep() needs a number of seconds");
    };
    if secs < 0.0 || secs.is_nan() {
        return fail(ErrorKind::ValueError, args.span, "sleep length must be non-negative");
    }
    let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs.min(1e9));
    while std::time::Instant::now() < end {
        if crate::interrupt::pending() {
            return Err(crate::eval::keyboard_interrupt(args.span).into());
        }
        std::thread::sleep((end - std::time::Instant::now()).min(std::time::Duration::from_millis(20)));
    }
    Ok(Value::None)
}

fn getcwd(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match std::env::current_dir() {
        Ok(dir) => Ok(Value::str(&dir.display().to_string())),
        Err(e) => fail(ErrorKind::OSError, args.span, e.to_string()),
    }
}

fn listdir(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = match arg(&mut args, 0, "path") {
        Some(Value::Str(p)) => p.to_string(),
        None | Some(Value::None) => ".".into(),
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("listdir: path should be a string, not {}", other.type_name()),
            )
        }
    };
    let entries = match std::fs::read_dir(&path) {
        Ok(entries) => entries,
        Err(e) => return os_error(e, &path, &args),
    };
    let mut names: Vec<String> =
        entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

fn remove(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "path")?;
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(Value::None),
        Err(e) => os_error(e, &path, &args),
    }
}

fn makedirs(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "name")?;
    let exist_ok = arg(&mut args, 1, "exist_ok").is_some_and(|v| v.truthy());
    if Path::new(&path).is_dir() && !exist_ok {
        return os_error(std::io::ErrorKind::AlreadyExists.into(), &path, &args);
    }
    match std::fs::create_dir_all(&path) {
        Ok(()) => Ok(Value::None),
        Err(e) => os_error(e, &path, &args),
    }
}

fn join(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut out = String::new();
    for part in &args.positional {
        let Value::Str(part) = part else {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!("join() argument must be str, not {}", part.type_name()),
            );
        };
        if part.starts_with('/') || out.is_empty() {
            out = part.to_string();
        } else if out.ends_with('/') {
            out.push_str(part);
        } else {
            out.push('/');
            out.push_str(part);
        }
    }
    Ok(Value::str(&out))
}

fn path_test(_: &mut Interpreter, mut args: CallArgs, test: fn(&Path) -> bool) -> Eval<Value> {
    let path = text(&mut args, 0, "path")?;
    Ok(Value::Bool(test(Path::new(&path))))
}

fn path_part(_: &mut Interpreter, mut args: CallArgs, part: fn(&str) -> String) -> Eval<Value> {
    let path = text(&mut args, 0, "p")?;
    Ok(Value::str(&part(&path)))
}

fn dirname(path: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) => "/".into(),
        Some((head, _)) => head.to_string(),
        None => String::new(),
    }
}

fn splitext(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "p")?;
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    let name = &path[name_start..];
    let dot = name
        .trim_start_matches('.')
        .rfind('.')
        .map(|i| i + (name.len() - name.trim_start_matches('.').len()));
    let (root, ext) = match dot {
        Some(i) => (&path[..name_start + i], &path[name_start + i..]),
        None => (path.as_str(), ""),
    };
    Ok(Value::tuple(vec![Value::str(root), Value::str(ext)]))
}

fn abspath(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let path = text(&mut args, 0, "path")?;
    let full = if path.starts_with('/') {
        PathBuf::from(&path)
    } else {
        std::env::current_dir().unwrap_or_default().join(&path)
    };
    let mut parts: Vec<String> = Vec::new();
    for component in full.components() {
        match component {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    Ok(Value::str(&format!("/{}", parts.join("/"))))
}
