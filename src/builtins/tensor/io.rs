//! How tensors leave and enter a program besides literals: `set_printoptions`,
//! `save`/`load` of NumPy `.npy` files, and `load_csv`/`save_csv` of delimited text.

use super::args::{arg, int_of, missing, number_of, tensor_arg};
use super::convert::dtype_arg;
use super::error_at;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::limits;
use crate::storage::dtype::DType;
use crate::syntax::span::Span;
use crate::tensor::csv::{self, Element, Header};
use crate::tensor::print::{print_options, set_print_options, PrintOptions};
use crate::tensor::{npy, Tensor};
use crate::value::{Builtin, Value};
use std::path::Path;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        set_printoptions,
        "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None) -> None

Sets how tensors are printed, as PyTorch's option of the same name: `profile` first
(`'default'`, `'short'` or `'full'`), then each option given; `sci_mode` is set every
time (`None`: chosen from the values).

Args:
    precision: digits after the point for floats
    threshold: how many elements a tensor may have before it is summarised with `...`
    edgeitems: how many items are shown at each end of a summarised dim
    linewidth: the characters per line before rows are wrapped
    profile: `'default'`, `'short'` (precision 2, 2 edge items) or `'full'` (never summarised)
    sci_mode: `True` for scientific notation, `False` for none, `None` to let the values decide
Returns: None
Example: set_printoptions(profile='default')  # None",
    ),
    Builtin::function(
        save,
        "save(obj, f) -> None

Writes the tensor `obj` to the file `f` in NumPy's `.npy` format (which `load` and
`numpy.load` read), not PyTorch's pickle format.

Args:
    obj: the tensor to write
    f: the path of the file, a str
Returns: None
Example: save(tensor([1, 2]), '/tmp/tl_example.npy') or load('/tmp/tl_example.npy')  # tensor([1, 2])",
    ),
    Builtin::function(
        load,
        "load(f) -> Tensor

Reads a tensor from the NumPy `.npy` file at `f` (as `save` or `numpy.save` writes
it): its dtype, shape and element order are the file's.

Args:
    f: the path of the file, a str
Returns: a tensor
Example: load('tests/golden/tensors/data/bool.npy')  # tensor([ True, False,  True])",
    ),
    Builtin::function(
        load_csv,
        "load_csv(path, *, delimiter=',', skiprows=0, header=None, dtype=float32) -> Tensor

Reads a table of numbers from a delimited text file into a 2-d tensor, one row per
record, in the manner of `numpy.loadtxt` (tl's own function; `#` starts a comment, an
empty field is NaN).

Args:
    path: the path of the file, a str
    delimiter: the one ASCII character between fields
    skiprows: how many lines to skip at the start
    header: whether the first record is a header; `None`: when all its fields are text
    dtype: the dtype of the result
Returns: a 2-d tensor (records, columns)
Example: load_csv('tests/golden/tensors/data/semicolons.csv', delimiter=';')  # tensor([[1., 2., 3.], [4., 5., 6.]])",
    ),
    Builtin::function(
        save_csv,
        "save_csv(input, path, *, header=None, delimiter=',') -> None

Writes a 1-d tensor as one column, or a 2-d one as rows, to a delimited text file that
`load_csv` reads back to the same values (tl's own function).

Args:
    input: the 1-d or 2-d tensor to write
    path: the path of the file, a str
    header: a list of column names, written as the first line
    delimiter: the one ASCII character between fields
Returns: None
Example: save_csv(tensor([1, 2]), '/tmp/tl_example.csv', header=['a']) or load_csv('/tmp/tl_example.csv')  # tensor([[1.], [2.]])",
    ),
];

/// `set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode)`
/// as PyTorch's: `profile` first, then the options given (`None` keeps a value), and
/// `sci_mode` always.
fn set_printoptions(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let mut given: Vec<Option<Value>> =
        ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"]
            .iter()
            .enumerate()
            .map(|(i, name)| arg(&mut args, i, name).filter(|v| !matches!(v, Value::None)))
            .collect();
    let mut take = |i: usize| given[i].take();
    let (precision, threshold, edgeitems, linewidth, profile, sci_mode) =
        (take(0), take(1), take(2), take(3), take(4), take(5));
    let mut options = match profile {
        Some(Value::Str(p)) if &*p == "default" => PrintOptions::default(),
        Some(Value::Str(p)) if &*p == "short" => {
            PrintOptions { precision: 2, edgeitems: 2, ..PrintOptions::default() }
        }
        Some(Value::Str(p)) if &*p == "full" => {
            PrintOptions { threshold: f64::INFINITY, ..PrintOptions::default() }
        }
        Some(other) => {
            return fail(
                ErrorKind::ValueError,
                args.span,
                format!("unknown print profile {}", other.type_name()),
            )
        }
        None => print_options(),
    };
    let span = args.span;
    let count = |v: Value, what: &str| -> Eval<usize> {
        let n = int_of(&v, what, span)?;
        usize::try_from(n)
            .map_or_else(|_| fail(ErrorKind::ValueError, span, format!("{what} must be >= 0")), Ok)
    };
    if let Some(v) = precision {
        options.precision = count(v, "precision")?.min(60);
    }
    if let Some(v) = threshold {
        options.threshold = number_of(&v, "threshold", args.span)?.to_f64();
    }
    if let Some(v) = edgeitems {
        options.edgeitems = count(v, "edgeitems")?;
    }
    if let Some(v) = linewidth {
        options.linewidth = count(v, "linewidth")?;
    }
    options.sci_mode = sci_mode.map(|v| v.truthy());
    set_print_options(options);
    Ok(Value::None)
}

fn path_arg(args: &CallArgs, i: usize) -> Eval<String> {
    match args.positional.get(i) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("{}(): a path is a str, not {}", args.function, other.type_name()),
        ),
        None => missing(args, "path"),
    }
}

fn io_error(error: std::io::Error, path: &str, span: Span) -> crate::eval::Flow {
    let kind = match error.kind() {
        std::io::ErrorKind::NotFound => ErrorKind::FileNotFoundError,
        std::io::ErrorKind::OutOfMemory => ErrorKind::MemoryError,
        _ => ErrorKind::OSError,
    };
    crate::eval::RuntimeError::new(kind, format!("{error}: '{path}'"), span).into()
}

/// `save(t, "x.npy")`.
fn save(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    let path = path_arg(&args, 1)?;
    let bytes = npy::encode(&t).map_err(|e| error_at(e, args.span))?;
    std::fs::write(&path, bytes).map_err(|e| io_error(e, &path, args.span))?;
    Ok(Value::None)
}

/// `load("x.npy")`.
fn load(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let path = path_arg(&args, 0)?;
    let bytes = limits::read_file(Path::new(&path)).map_err(|e| io_error(e, &path, args.span))?;
    npy::decode(&bytes).map(Value::Tensor).map_err(|e| error_at(e, args.span))
}

/// `load_csv(path, delimiter=",", skiprows=0, header=None, dtype=float32)`: a 2-d
/// tensor of the numbers in a delimited text file (see `tensor::csv` for what a header,
/// a comment and an empty field are).
fn load_csv(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let span = args.span;
    let dtype = dtype_arg(args.keyword("dtype"), span)?.unwrap_or(DType::DEFAULT_FLOAT);
    let delimiter = delimiter_arg(&mut args)?;
    let skip = match args.keyword("skiprows").map(|v| int_of(&v, "skiprows", span)).transpose()? {
        None => 0,
        Some(n) => usize::try_from(n)
            .map_or_else(|_| fail(ErrorKind::ValueError, span, "skiprows must be >= 0"), Ok)?,
    };
    let header = match args.keyword("header") {
        None | Some(Value::None) => Header::Detect,
        Some(Value::Bool(true)) => Header::Yes,
        Some(Value::Bool(false)) => Header::No,
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                span,
                format!("load_csv(): header must be None, True or False, not {}", other.type_name()),
            )
        }
    };
    let path = path_arg(&args, 0)?;
    let bytes = limits::read_file(Path::new(&path)).map_err(|e| io_error(e, &path, span))?;
    let table = csv::parse(&bytes, &path, delimiter, skip, header)
        .or_else(|e| fail(ErrorKind::ValueError, span, e))?;
    if let Some((line, column)) = table.first_empty.filter(|_| !dtype.is_float()) {
        return fail(
            ErrorKind::ValueError,
            span,
            format!(
                "the empty field at line {line}, column {column} of {path} is NaN, which {} cannot hold",
                dtype.name()
            ),
        );
    }
    let shape = [table.rows, table.columns];
    Ok(Value::Tensor(Tensor::from_vec(table.values, &shape).to_dtype(dtype)))
}

/// `save_csv(t, path, header=None, delimiter=",")`: a 1-d tensor as one column, a 2-d
/// one as rows, with `header` (one name per column) as the first line; `load_csv`
/// reads it back to the same values.
fn save_csv(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let span = args.span;
    let delimiter = delimiter_arg(&mut args)?;
    let header = match args.keyword("header") {
        None | Some(Value::None) => None,
        Some(Value::List(items)) => Some(names(&items.borrow(), span)?),
        Some(Value::Tuple(items)) => Some(names(&items, span)?),
        Some(other) => {
            return fail(
                ErrorKind::TypeError,
                span,
                format!("save_csv(): header is a list of column names, not {}", other.type_name()),
            )
        }
    };
    let t = tensor_arg(&args, 0)?;
    let path = path_arg(&args, 1)?;
    let columns = match t.shape() {
        [_] => 1,
        [_, columns] => *columns,
        dims => {
            return fail(
                ErrorKind::ValueError,
                span,
                format!("Expected 1D or 2D array, got {}D array instead", dims.len()),
            )
        }
    };
    if let Some(names) = header.as_ref().filter(|n| n.len() != columns) {
        return fail(
            ErrorKind::ValueError,
            span,
            format!("save_csv(): {} header names for {columns} columns", names.len()),
        );
    }
    let elements: Vec<Element> = match t.dtype() {
        DType::F64 => t.to_f64_vec().into_iter().map(Element::Float).collect(),
        d if d.is_float() => t.to_f64_vec().into_iter().map(|x| Element::Float32(x as f32)).collect(),
        _ => t.to_i64_vec().into_iter().map(Element::Int).collect(),
    };
    let bytes = csv::write(&elements, columns, header.as_deref(), delimiter)
        .or_else(|e| fail(ErrorKind::OSError, span, e))?;
    std::fs::write(&path, bytes).map_err(|e| io_error(e, &path, span))?;
    Ok(Value::None)
}

/// The `delimiter=` keyword: one ASCII character, `,` when not given.
fn delimiter_arg(args: &mut CallArgs) -> Eval<u8> {
    match args.keyword("delimiter") {
        None => Ok(b','),
        Some(Value::Str(d)) if d.len() == 1 && d.is_ascii() && !matches!(&*d, "\"" | "#" | "\n" | "\r") => {
            Ok(d.as_bytes()[0])
        }
        Some(other) => {
            let shown = match other {
                Value::Str(d) => format!("{d:?}"),
                other => other.type_name().to_string(),
            };
            fail(
                ErrorKind::TypeError,
                args.span,
                format!("{}(): delimiter must be one ASCII character other than a quote, # or a line break, not {shown}", args.function),
            )
        }
    }
}

fn names(items: &[Value], span: Span) -> Eval<Vec<String>> {
    items
        .iter()
        .map(|v| match v {
            Value::Str(s) => Ok(s.to_string()),
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("save_csv(): a column name is a str, not {}", other.type_name()),
            ),
        })
        .collect()
}
