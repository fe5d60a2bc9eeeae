//! Tensors printed exactly as PyTorch's `repr` prints them (`torch/_tensor_str.py`):
//! precision 4, integral floats as `1.`, scientific notation when the magnitudes call
//! for it, `...` past the threshold, wrapping at the line width, and the suffixes
//! (`dtype=`, `requires_grad=True`, `grad_fn=<...>`) in PyTorch's order.

use super::scalar::Scalar;
use super::Tensor;
use crate::storage::dtype::DType;
use crate::storage::layout::Layout;
use std::cell::RefCell;

#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    pub precision: usize,
    /// Elements beyond which a tensor is summarised (`inf`: never).
    pub threshold: f64,
    pub edgeitems: usize,
    pub linewidth: usize,
    /// `None`: chosen from the values.
    pub sci_mode: Option<bool>,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions { precision: 4, threshold: 1000.0, edgeitems: 3, linewidth: 80, sci_mode: None }
    }
}

thread_local! {
    static OPTIONS: RefCell<PrintOptions> = RefCell::new(PrintOptions::default());
}

pub fn print_options() -> PrintOptions {
    OPTIONS.with(|o| o.borrow().clone())
}

pub fn set_print_options(options: PrintOptions) {
    OPTIONS.with(|o| *o.borrow_mut() = options);
}

/// `repr(tensor)`; `extra` are the autograd suffixes (`requires_grad=True`, ...).
pub fn tensor_repr(tensor: &Tensor, extra: &[String]) -> String {
    let options = print_options();
    let prefix = "tensor(";
    let indent = prefix.len();
    let dtype = tensor.dtype();
    let mut suffixes = Vec::new();
    // PyTorch names the device first, for any tensor not on the CPU.
    if tensor.device().is_cuda() {
        suffixes.push(format!("device='{}'", tensor.device()));
    }
    let body = if tensor.numel() == 0 {
        if tensor.ndim() != 1 {
            suffixes.push(format!("size={}", shape_tuple(tensor.shape())));
        }
        if dtype != DType::DEFAULT_FLOAT {
            suffixes.push(format!("dtype={dtype}"));
        }
        "[]".to_string()
    } else {
        if !matches!(dtype, DType::F32 | DType::I64 | DType::Bool) {
            suffixes.push(format!("dtype={dtype}"));
        }
        let values = if dtype == DType::F16 || dtype == DType::BF16 {
            tensor.to_dtype(DType::F32)
        } else {
            tensor.clone()
        };
        let summarize = values.numel() as f64 > options.threshold;
        let sample =
            if summarize { summarized(&values, values.layout(), &options) } else { values.scalars() };
        let formatter = Formatter::new(&sample, dtype.is_float(), &options);
        let printer = Printer { tensor: &values, options: &options, formatter: &formatter, summarize };
        printer.block(values.layout(), indent)
    };
    suffixes.extend(extra.iter().cloned());
    add_suffixes(format!("{prefix}{body}"), &suffixes, indent, options.linewidth)
}

/// A shape as Python prints a tuple: `(2, 3)`, `(0,)`, `()`.
pub fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// A shape as PyTorch prints `torch.Size`: `torch.Size([2, 3])`.
pub fn torch_size(shape: &[usize]) -> String {
    format!("torch.Size([{}])", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
}

fn add_suffixes(text: String, suffixes: &[String], indent: usize, linewidth: usize) -> String {
    let mut out = text;
    let mut last_line_len = match out.rfind('\n') {
        Some(at) => out.len() - at + 1,
        None => out.len() + 2,
    };
    for suffix in suffixes {
        // PyTorch measures `dtype=torch.float64`: the dropped prefix still counts, so
        // lines break where torch's do.
        let torch_len = suffix.len() + if suffix.starts_with("dtype=") { "torch.".len() } else { 0 };
        if last_line_len + torch_len + 2 > linewidth {
            out.push_str(&format!(",\n{}{suffix}", " ".repeat(indent)));
            last_line_len = indent + torch_len;
        } else {
            out.push_str(&format!(", {suffix}"));
            last_line_len += torch_len + 2;
        }
    }
    out.push(')');
    out
}

/// The elements a summarised print shows (the edge items of every dimension).
fn summarized(tensor: &Tensor, layout: &Layout, options: &PrintOptions) -> Vec<Scalar> {
    if layout.ndim() == 0 {
        return tensor.with_layout(layout.clone()).scalars();
    }
    let n = layout.shape[0];
    let edge = options.edgeitems;
    let rows: Vec<usize> =
        if n > 2 * edge { (0..edge).chain(n - edge..n).collect() } else { (0..n).collect() };
    let mut out = Vec::new();
    for i in rows {
        let row = layout.select(0, i);
        if layout.ndim() == 1 {
            out.extend(tensor.with_layout(row).scalars());
        } else {
            out.extend(summarized(tensor, &row, options));
        }
    }
    out
}

/// PyTorch's `_Formatter`: one width and one notation for all elements.
struct Formatter {
    floating: bool,
    int_mode: bool,
    sci_mode: bool,
    max_width: usize,
    precision: usize,
}

impl Formatter {
    fn new(values: &[Scalar], floating: bool, options: &PrintOptions) -> Formatter {
        let precision = options.precision;
        let mut f = Formatter { floating, int_mode: true, sci_mode: false, max_width: 1, precision };
        if !floating {
            f.max_width = values.iter().map(|v| plain(*v).len()).max().unwrap_or(1).max(1);
            return f;
        }
        let finite: Vec<f64> =
            values.iter().map(|v| v.to_f64()).filter(|x| x.is_finite() && *x != 0.0).collect();
        if finite.is_empty() {
            return f;
        }
        let min = finite.iter().fold(f64::INFINITY, |m, x| m.min(x.abs()));
        let max = finite.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        f.int_mode = finite.iter().all(|x| *x == x.ceil());
        let wide_range = max / min > 1000.0 || max > 1.0e8;
        f.sci_mode = if f.int_mode { wide_range } else { wide_range || min < 1.0e-4 };
        let width = |text: String| text.len();
        f.max_width = finite
            .iter()
            .map(|&x| match (f.sci_mode, f.int_mode) {
                (true, _) => width(sci(x, precision)),
                (false, true) => width(format!("{x:.0}")) + 1,
                (false, false) => width(format!("{x:.precision$}")),
            })
            .max()
            .unwrap_or(1)
            .max(1);
        if let Some(mode) = options.sci_mode {
            f.sci_mode = mode;
        }
        f
    }

    fn format(&self, value: Scalar) -> String {
        let text = if self.floating {
            let x = value.to_f64();
            if self.sci_mode {
                sci(x, self.precision)
            } else if self.int_mode {
                if x.is_finite() {
                    format!("{x:.0}.")
                } else {
                    nonfinite(x)
                }
            } else if x.is_finite() {
                format!("{x:.prec$}", prec = self.precision)
            } else {
                nonfinite(x)
            }
        } else {
            plain(value)
        };
        format!("{}{text}", " ".repeat(self.max_width.saturating_sub(text.len())))
    }
}

/// Python's `str` of an element: `3`, `True`.
fn plain(value: Scalar) -> String {
    match value {
        Scalar::Bool(true) => "True".into(),
        Scalar::Bool(false) => "False".into(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(x) => crate::value::repr::float_repr(x),
    }
}

fn nonfinite(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    }
}

/// Python's `"{:.{p}e}".format(x)`: `1.0000e+00`.
fn sci(x: f64, precision: usize) -> String {
    if !x.is_finite() {
        return nonfinite(x);
    }
    let text = format!("{x:.precision$e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    format!("{mantissa}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

struct Printer<'a> {
    tensor: &'a Tensor,
    options: &'a PrintOptions,
    formatter: &'a Formatter,
    summarize: bool,
}

impl Printer<'_> {
    fn block(&self, layout: &Layout, indent: usize) -> String {
        match layout.ndim() {
            0 => self.formatter.format(self.tensor.with_layout(layout.clone()).scalars()[0]),
            1 => self.vector(layout, indent),
            dims => {
                let n = layout.shape[0];
                let edge = self.options.edgeitems;
                let row = |i: usize| self.block(&layout.select(0, i), indent + 1);
                let slices: Vec<String> = if self.summarize && n > 2 * edge {
                    (0..edge)
                        .map(row)
                        .chain(std::iter::once("...".to_string()))
                        .chain((n - edge..n).map(row))
                        .collect()
                } else {
                    (0..n).map(row).collect()
                };
                let separator = format!(",{}{}", "\n".repeat(dims - 1), " ".repeat(indent + 1));
                format!("[{}]", slices.join(&separator))
            }
        }
    }

    fn vector(&self, layout: &Layout, indent: usize) -> String {
        let element_length = self.formatter.max_width + 2;
        let available = self.options.linewidth as f64 - indent as f64;
        let per_line = ((available / element_length as f64).floor() as i64).max(1) as usize;
        let n = layout.shape[0];
        let edge = self.options.edgeitems;
        let values = self.tensor.with_layout(layout.clone()).scalars();
        let data: Vec<String> = if self.summarize && n > 2 * edge {
            values[..edge]
                .iter()
                .map(|v| self.formatter.format(*v))
                .chain(std::iter::once(" ...".to_string()))
                .chain(values[n - edge..].iter().map(|v| self.formatter.format(*v)))
                .collect()
        } else {
            values.iter().map(|v| self.formatter.format(*v)).collect()
        };
        let lines: Vec<String> = data.chunks(per_line).map(|chunk| chunk.join(", ")).collect();
        format!("[{}]", lines.join(&format!(",\n{}", " ".repeat(indent + 1))))
    }
}
