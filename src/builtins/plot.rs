//! The Rust half of `plt`: stdlib/plt.tl keeps pyplot's state (figures, axes, what was
//! plotted with which options) as tl objects; `_plt_save(figure, path)` reads one into a
//! `plot::Figure` and writes it as PNG or SVG, `_plt_inline(path)` draws a saved PNG in
//! the REPL's terminal. `_plt_check_mark`, `_plt_check_loc` and `_plt_check_size` read
//! a mark, a legend location or a figure's size as soon as plt.tl records it, so that
//! bad input fails at the user's `plot`/`legend`/`figure` call rather than at `savefig`.

use super::tensor::convert::tensor_from_data;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::plot::color::{self, Rgba};
use crate::plot::figure::{self, Axes, Bars, Figure, Line, LineStyle, Location, Mark, Marker, Points};
use crate::storage::dtype::DType;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::{Builtin, HashKey, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        save,
        "_plt_save(figure, path) -> None

Draws a figure that stdlib/plt.tl recorded and writes it to `path`, as PNG or SVG by the
path's extension, making the path's folder when it is missing. plt's `savefig` and `show`
call it; programs use those.

Args:
    figure: the figure as plt.tl records it: a dict or object with `size`, `dpi`, `suptitle` and `axes`
    path: the file to write, ending in `.png` or `.svg`
Returns: None
Example: _plt_save({'size': (2, 1), 'axes': []}, 'figures/doc_example.svg')  # None",
    ),
    Builtin::function(
        inline,
        "_plt_inline(path) -> bool

Draws the PNG at `path` in the terminal, when the REPL runs in one that shows images;
whether it did. plt's `show` calls it.

Args:
    path: the PNG file to show
Returns: a bool
Example: _plt_inline('figures/missing.png')  # False",
    ),
    Builtin::function(
        check_mark,
        "_plt_check_mark(mark) -> None

Reads one plotted mark (a line, bars or points, as plt.tl records it) as `savefig` will,
so that bad data, colours or styles fail at the call that plotted them.

Args:
    mark: the mark: a dict with its `kind` and data
Returns: None
Example: _plt_check_mark({'kind': 'points', 'x': [1, 2], 'y': [3, 4]})  # None",
    ),
    Builtin::function(
        check_loc,
        "_plt_check_loc(loc) -> None

Checks a legend location (`'best'`, `'upper right'`, ...) as `savefig` will, so that a
bad one fails at the `legend` call.

Args:
    loc: the location's name
Returns: None
Example: _plt_check_loc('upper right')  # None",
    ),
    Builtin::function(
        check_size,
        "_plt_check_size(figure) -> None

Checks a figure's size in inches and its dots per inch as `savefig` will, so that bad
ones fail at the `figure` call.

Args:
    figure: the figure as plt.tl records it, with `size` and `dpi`
Returns: None
Example: _plt_check_size({'size': (6.4, 4.8), 'dpi': 100})  # None",
    ),
];

/// `_plt_save(figure, path)`: renders the figure to the file, by its extension.
fn save(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let span = args.span;
    let Value::Str(path) = &args.positional[1] else {
        return fail(ErrorKind::TypeError, span, "savefig(): a path is a str");
    };
    let figure = read_figure(&args.positional[0], span)?;
    let bytes = crate::plot::encode(&figure, path).or_else(|e| fail(ErrorKind::ValueError, span, e))?;
    if let Some(folder) = std::path::Path::new(&**path).parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .or_else(|e| fail(ErrorKind::OSError, span, format!("{e}: '{}'", folder.display())))?;
    }
    std::fs::write(&**path, bytes).or_else(|e| fail(ErrorKind::OSError, span, format!("{e}: '{path}'")))?;
    Ok(Value::None)
}

/// `_plt_check_mark(mark)`: fails as `savefig` would on this mark.
fn check_mark(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    read_mark(&args.positional[0], args.span)?;
    Ok(Value::None)
}

/// `_plt_check_loc(loc)`: fails as `savefig` would on this legend location.
fn check_loc(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match &args.positional[0] {
        Value::Str(loc) => location(loc, args.span).map(|_| Value::None),
        other => {
            fail(ErrorKind::TypeError, args.span, format!("loc must be a str, not {}", other.type_name()))
        }
    }
}

/// `_plt_check_size(figure)`: fails as `savefig` would on this figure's size and dpi.
fn check_size(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    figure_size(&args.positional[0], args.span)?;
    Ok(Value::None)
}

/// `_plt_inline(path)`: shows a PNG in the terminal when running the REPL in one that
/// can draw images; whether it did.
fn inline(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    use std::io::IsTerminal;
    let Value::Str(path) = &args.positional[0] else { return Ok(Value::Bool(false)) };
    if !interp.interactive || !std::io::stdout().is_terminal() {
        return Ok(Value::Bool(false));
    }
    let shown = std::fs::read(&**path).map(|png| crate::plot::inline::show(&png)).unwrap_or(false);
    Ok(Value::Bool(shown))
}

/// A field of a tl object (`fig.axes`) or an entry of a dict (`mark["x"]`).
fn field(value: &Value, name: &str) -> Option<Value> {
    match value {
        Value::Instance(instance) => instance.fields.borrow().get(&Symbol::intern(name)).cloned(),
        Value::Dict(dict) => {
            let key = Value::Str(name.into());
            HashKey::of(&key).and_then(|k| dict.borrow().get(&k).cloned())
        }
        _ => None,
    }
    .filter(|v| !matches!(v, Value::None))
}

fn number(value: &Value, what: &str, span: Span) -> Eval<f64> {
    match value {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Tensor(t) if t.numel() == 1 => Ok(t.to_f64_vec()[0]),
        other => {
            fail(ErrorKind::TypeError, span, format!("{what} must be a number, not {}", other.type_name()))
        }
    }
}

fn number_field(value: &Value, name: &str, default: f64, span: Span) -> Eval<f64> {
    field(value, name).map_or(Ok(default), |v| number(&v, name, span))
}

/// A text field; plt.tl has made labels and titles strings with `str`.
fn text_field(value: &Value, name: &str) -> Option<String> {
    match field(value, name)? {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

/// Numbers from a tensor (any shape, flattened), a list, a tuple or a range.
fn numbers(value: &Value, what: &str, span: Span) -> Eval<Vec<f64>> {
    match value {
        Value::Tensor(t) => Ok(t.to_dtype(DType::F64).to_f64_vec()),
        Value::Range(r) => Ok((0..r.len()).map(|i| r.get(i) as f64).collect()),
        Value::List(_) | Value::Tuple(_) => Ok(tensor_from_data(value, Some(DType::F64), span)?.to_f64_vec()),
        other => fail(
            ErrorKind::TypeError,
            span,
            format!("{what} must be a tensor or a list of numbers, not {}", other.type_name()),
        ),
    }
}

/// The items of a list or tuple.
fn items_of(value: &Value, what: &str, span: Span) -> Eval<Vec<Value>> {
    match value {
        Value::List(list) => Ok(list.borrow().clone()),
        Value::Tuple(items) => Ok(items.to_vec()),
        other => fail(
            ErrorKind::TypeError,
            span,
            format!("{what} must be a list or a tuple, not {}", other.type_name()),
        ),
    }
}

fn limits(value: &Value, name: &str, span: Span) -> Eval<(Option<f64>, Option<f64>)> {
    let Some(pair) = field(value, name) else { return Ok((None, None)) };
    let items = items_of(&pair, name, span)?;
    let bound = |v: Option<&Value>| -> Eval<Option<f64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => number(v, name, span).map(Some),
        }
    };
    Ok((bound(items.first())?, bound(items.get(1))?))
}

fn color_of(value: &Value, span: Span) -> Eval<Rgba> {
    match value {
        Value::Str(name) => color::parse(name)
            .map_or_else(|| fail(ErrorKind::ValueError, span, format!("'{name}' is not a valid value for color: supported inputs are (r, g, b) and (r, g, b, a) 0-1 float tuples; '#rrggbb', '#rrggbbaa', '#rgb' strings; named color strings ('C0'..'C9', 'tab:blue', 'r', 'red', ...); string reprs of 0-1 floats for grayscale")), Ok),
        Value::Tuple(_) | Value::List(_) => {
            let parts = numbers(value, "a color", span)?;
            match parts[..] {
                [r, g, b] => Ok(Rgba::from_unit(r, g, b, 1.0)),
                [r, g, b, a] => Ok(Rgba::from_unit(r, g, b, a)),
                _ => fail(ErrorKind::ValueError, span, "a color tuple has 3 or 4 numbers (r, g, b[, a]) in 0..1"),
            }
        }
        other => fail(
            ErrorKind::TypeError,
            span,
            format!("a color is a name or an (r, g, b) tuple, not {}", other.type_name()),
        ),
    }
}

/// A figure's size in inches and its dots per inch.
fn figure_size(value: &Value, span: Span) -> Eval<((f64, f64), f64)> {
    let size = field(value, "size").map_or(Ok(vec![6.4, 4.8]), |s| numbers(&s, "figsize", span))?;
    if size.len() != 2 || size.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
        return fail(
            ErrorKind::ValueError,
            span,
            "figsize is two positive numbers (width, height) in inches",
        );
    }
    let dpi = number_field(value, "dpi", 100.0, span)?;
    if !(dpi.is_finite() && dpi > 0.0) {
        return fail(ErrorKind::ValueError, span, "dpi must be a positive number");
    }
    Ok(((size[0], size[1]), dpi))
}

fn read_figure(value: &Value, span: Span) -> Eval<Figure> {
    let (size, dpi) = figure_size(value, span)?;
    let mut axes = Vec::new();
    if let Some(list) = field(value, "axes") {
        for ax in items_of(&list, "axes", span)? {
            axes.push(read_axes(&ax, span)?);
        }
    }
    Ok(Figure { size, dpi, suptitle: text_field(value, "suptitle"), axes })
}

fn read_axes(value: &Value, span: Span) -> Eval<Axes> {
    let count = |name: &str| -> Eval<usize> { Ok(number_field(value, name, 1.0, span)?.max(0.0) as usize) };
    let legend = text_field(value, "legend_loc").map(|loc| location(&loc, span)).transpose()?;
    let mut marks = Vec::new();
    if let Some(list) = field(value, "marks") {
        for mark in items_of(&list, "marks", span)? {
            marks.push(read_mark(&mark, span)?);
        }
    }
    Ok(Axes {
        rows: count("rows")?.max(1),
        cols: count("cols")?.max(1),
        index: number_field(value, "index", 0.0, span)?.max(0.0) as usize,
        title: text_field(value, "title").unwrap_or_default(),
        xlabel: text_field(value, "xlabel").unwrap_or_default(),
        ylabel: text_field(value, "ylabel").unwrap_or_default(),
        xlim: limits(value, "xlim", span)?,
        ylim: limits(value, "ylim", span)?,
        marks,
        legend,
        grid: field(value, "show_grid").is_some_and(|g| g.truthy()),
    })
}

fn location(loc: &str, span: Span) -> Eval<Location> {
    Location::parse(loc).map_or_else(
        || {
            fail(
                ErrorKind::ValueError,
                span,
                format!("'{loc}' is not a valid value for loc; supported values are 'best', 'upper right', 'upper left', 'lower left', 'lower right', 'right', 'center left', 'center right', 'lower center', 'upper center', 'center'"),
            )
        },
        Ok,
    )
}

/// The colour of a mark: its `color`, else its format string's letter, else the cycle's
/// colour stored by plt.tl, then faded by `alpha`.
fn mark_color(value: &Value, letter: Option<char>, span: Span) -> Eval<Rgba> {
    let base = match (field(value, "color"), letter) {
        (Some(c), _) => color_of(&c, span)?,
        (None, Some(letter)) => color_of(&Value::Str(letter.to_string().into()), span)?,
        (None, None) => color_of(&field(value, "cycle_color").unwrap_or(Value::Str("C0".into())), span)?,
    };
    match field(value, "alpha") {
        Some(alpha) => Ok(base.with_alpha(number(&alpha, "alpha", span)?)),
        None => Ok(base),
    }
}

fn read_mark(value: &Value, span: Span) -> Eval<Mark> {
    let label = text_field(value, "label").filter(|l| !l.starts_with('_'));
    let kind = text_field(value, "kind").unwrap_or_default();
    let column = |name: &str| -> Eval<Vec<f64>> {
        field(value, name).map_or(Ok(Vec::new()), |v| numbers(&v, name, span))
    };
    match kind.as_str() {
        "line" => {
            let fmt = text_field(value, "fmt").unwrap_or_default();
            let Some((letter, fmt_marker, fmt_style)) = figure::parse_format(&fmt) else {
                return fail(ErrorKind::ValueError, span, format!("'{fmt}' is not a valid format string (a colour letter from bgrcmykw, a marker from o.sD^v+x, a line style from - -- -. :)"));
            };
            let style = match text_field(value, "linestyle") {
                Some(s) => LineStyle::parse(&s).map_or_else(
                    || fail(ErrorKind::ValueError, span, format!("'{s}' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")),
                    Ok,
                )?,
                None => fmt_style.unwrap_or(LineStyle::Solid),
            };
            let marker = match text_field(value, "marker") {
                Some(m) => Some(marker_of(&m, span)?),
                None => fmt_marker,
            };
            let (xs, ys) = (column("x")?, column("y")?);
            if xs.len() != ys.len() {
                return fail(
                    ErrorKind::ValueError,
                    span,
                    format!(
                        "x and y must have same first dimension, but have shapes ({},) and ({},)",
                        xs.len(),
                        ys.len()
                    ),
                );
            }
            Ok(Mark::Line(Line {
                xs,
                ys,
                color: mark_color(value, letter, span)?,
                width: number_field(value, "linewidth", 1.5, span)?,
                style,
                marker,
                label,
            }))
        }
        "bars" => {
            let (lefts, widths, heights, bottoms) =
                (column("left")?, column("width")?, column("height")?, column("bottom")?);
            if widths.len() != lefts.len() || heights.len() != lefts.len() || bottoms.len() != lefts.len() {
                return fail(
                    ErrorKind::ValueError,
                    span,
                    "bar lefts, widths, heights and bottoms must have the same length",
                );
            }
            let edge = field(value, "edgecolor").map(|c| color_of(&c, span)).transpose()?;
            let container = field(value, "container").is_some_and(|c| c.truthy());
            let color = mark_color(value, None, span)?;
            Ok(Mark::Bars(Bars { lefts, widths, heights, bottoms, color, edge, label, container }))
        }
        "points" => {
            let (xs, ys) = (column("x")?, column("y")?);
            if xs.len() != ys.len() {
                return fail(ErrorKind::ValueError, span, "x and y must be the same size");
            }
            let marker = text_field(value, "marker").map_or(Ok(Marker::Circle), |m| marker_of(&m, span))?;
            let area = number_field(value, "s", 36.0, span)?;
            Ok(Mark::Points(Points { xs, ys, color: mark_color(value, None, span)?, area, marker, label }))
        }
        other => fail(ErrorKind::ValueError, span, format!("unknown kind of mark {other:?}")),
    }
}

fn marker_of(name: &str, span: Span) -> Eval<Marker> {
    Marker::parse(name).map_or_else(
        || {
            fail(
                ErrorKind::ValueError,
                span,
                format!("Unrecognized marker style '{name}' (tl draws o . s D ^ v + x)"),
            )
        },
        Ok,
    )
}
