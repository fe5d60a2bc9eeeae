//! How tensors leave and enter a program besides literals: `set_printoptions`,
//! `save`/`load` of NumPy `.npy` files, and `load_csv`.

use super::args::{int_of, missing, number_of, tensor_arg};
use super::convert::dtype_arg;
use super::error_at;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::syntax::span::Span;
use crate::tensor::dtype::DType;
use crate::tensor::print::{print_options, set_print_options, PrintOptions};
use crate::tensor::{npy, Tensor};
use crate::value::{Builtin, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin { name: "set_printoptions", call: set_printoptions },
    Builtin { name: "save", call: save },
    Builtin { name: "load", call: load },
    Builtin { name: "load_csv", call: load_csv },
];

/// `set_printoptions(precision=, threshold=, edgeitems=, linewidth=, sci_mode=,
/// profile=)`: options not given keep their values; `profile="default"` resets.
fn set_printoptions(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let mut options = match args.keyword("profile") {
        Some(Value::Str(p)) if &*p == "default" => PrintOptions::default(),
        Some(Value::Str(p)) if &*p == "short" => {
            PrintOptions { precision: 2, edgeitems: 2, ..PrintOptions::default() }
        }
        Some(Value::Str(p)) if &*p == "full" => {
            PrintOptions { threshold: f64::INFINITY, ..PrintOptions::default() }
        }
        Some(other) => {
            return fail("ValueError", args.span, format!("unknown print profile {}", other.type_name()))
        }
        None => print_options(),
    };
    let span = args.span;
    let count = |v: Value, what: &str| -> Eval<usize> {
        let n = int_of(&v, what, span)?;
        usize::try_from(n).map_or_else(|_| fail("ValueError", span, format!("{what} must be >= 0")), Ok)
    };
    if let Some(v) = args.keyword("precision") {
        options.precision = count(v, "precision")?.min(60);
    }
    if let Some(v) = args.keyword("threshold") {
        options.threshold = number_of(&v, "threshold", args.span)?.to_f64();
    }
    if let Some(v) = args.keyword("edgeitems") {
        options.edgeitems = count(v, "edgeitems")?;
    }
    if let Some(v) = args.keyword("linewidth") {
        options.linewidth = count(v, "linewidth")?;
    }
    if let Some(v) = args.keyword("sci_mode") {
        options.sci_mode = if matches!(v, Value::None) { None } else { Some(v.truthy()) };
    }
    args.expect(0, 0)?;
    set_print_options(options);
    Ok(Value::None)
}

fn path_arg(args: &CallArgs, i: usize) -> Eval<String> {
    match args.positional.get(i) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => fail(
            "TypeError",
            args.span,
            format!("{}(): a path is a str, not {}", args.function, other.type_name()),
        ),
        None => missing(args, "path"),
    }
}

fn io_error(error: std::io::Error, path: &str, span: Span) -> crate::eval::Flow {
    let kind = if error.kind() == std::io::ErrorKind::NotFound { "FileNotFoundError" } else { "OSError" };
    crate::eval::RuntimeError::new(kind, format!("{error}: '{path}'"), span).into()
}

/// `save(t, "x.npy")`.
fn save(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(2, 2)?;
    let t = tensor_arg(&args, 0)?;
    let path = path_arg(&args, 1)?;
    let bytes = npy::encode(&t).map_err(|e| error_at(e, args.span))?;
    std::fs::write(&path, bytes).map_err(|e| io_error(e, &path, args.span))?;
    Ok(Value::None)
}

/// `load("x.npy")`.
fn load(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    args.expect(1, 1)?;
    let path = path_arg(&args, 0)?;
    let bytes = std::fs::read(&path).map_err(|e| io_error(e, &path, args.span))?;
    npy::decode(&bytes).map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// `load_csv(path, delimiter=",", skiprows=0, dtype=float32)`: a 2-d tensor of the
/// numbers in a delimited text file. A first line that is not all numbers is taken
/// as a header and skipped; blank lines and `#` comments are ignored.
fn load_csv(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let dtype = dtype_arg(args.keyword("dtype"), args.span)?.unwrap_or(DType::DEFAULT_FLOAT);
    let delimiter = match args.keyword("delimiter") {
        Some(Value::Str(d)) if !d.is_empty() => d.to_string(),
        None => ",".into(),
        Some(_) => return fail("TypeError", args.span, "load_csv(): delimiter must be a non-empty str"),
    };
    let skip = args.keyword("skiprows").map(|v| int_of(&v, "skiprows", args.span)).transpose()?.unwrap_or(0);
    args.expect(1, 1)?;
    let path = path_arg(&args, 0)?;
    let text = std::fs::read_to_string(&path).map_err(|e| io_error(e, &path, args.span))?;
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for (number, line) in text.lines().enumerate().skip(skip.max(0) as usize) {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(delimiter.as_str()).map(str::trim).collect();
        let parsed: Result<Vec<f64>, &str> =
            fields.iter().map(|f| f.parse::<f64>().map_err(|_| *f)).collect();
        match parsed {
            Ok(row) => {
                if let Some(first) = rows.first().filter(|r| r.len() != row.len()) {
                    return fail(
                        "ValueError",
                        args.span,
                        format!(
                            "{path}:{}: {} columns where the first row has {}",
                            number + 1,
                            row.len(),
                            first.len()
                        ),
                    );
                }
                rows.push(row);
            }
            Err(_) if rows.is_empty() && number == skip.max(0) as usize => {}
            Err(field) => {
                return fail(
                    "ValueError",
                    args.span,
                    format!("{path}:{}: '{field}' is not a number", number + 1),
                )
            }
        }
    }
    let columns = rows.first().map_or(0, Vec::len);
    let shape = [rows.len(), columns];
    Ok(Value::Tensor(Tensor::from_vec(rows.concat(), &shape).to_dtype(dtype)))
}
