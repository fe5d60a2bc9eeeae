//! Random tensor programs, shared by the tensor fuzzer (tests/fuzz_tensors.rs) and the
//! aliasing differential test (tests/differential.rs): a base tensor, views of it
//! (slices, transposes, expands, diagonals, `as_strided`), and writes through one view
//! whose source is another view of the same storage. Written once with placeholders,
//! spelled as tl or as Python at the end.

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*), so a failure reproduces from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Text with `TRUE`, `FALSE`, `NONE` placeholders, spelled per language.
pub fn spell(text: &str, python: bool) -> String {
    let (t, f, n) = if python { ("True", "False", "None") } else { ("true", "false", "none") };
    text.replace("TRUE", t).replace("FALSE", f).replace("NONE", n)
}

fn tuple(items: &[usize]) -> String {
    match items {
        [one] => format!("({one},)"),
        _ => format!("({})", items.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// A view of `x` (a base of `len` elements shaped `rows × cols`) and its shape.
pub fn view(rng: &mut Rng, len: usize, rows: usize, cols: usize, strided: bool) -> (String, Vec<usize>) {
    let m = format!("x.reshape({rows}, {cols})");
    let a = rng.below(len);
    let b = a + 1 + rng.below(len - a);
    let i = rng.below(rows);
    let choices = if strided { 10 } else { 7 };
    match rng.below(choices) {
        0 => ("x".into(), vec![len]),
        1 => (format!("x[{a}:{b}]"), vec![b - a]),
        2 => (m.clone(), vec![rows, cols]),
        3 => (format!("{m}.T"), vec![cols, rows]),
        4 => (format!("{m}[{i}]"), vec![cols]),
        5 => (format!("x[{a}]"), vec![]),
        6 => (format!("{m}[{i}:]"), vec![rows - i, cols]),
        7 => (format!("x[{a}::2]"), vec![(len - a).div_ceil(2)]),
        8 => (format!("{m}[:, {}]", rng.below(cols)), vec![rows]),
        _ => {
            // Any in-bounds as_strided view, repeats and gaps included.
            let size = [1 + rng.below(3), 1 + rng.below(3)];
            let stride = [rng.below(3), rng.below(3)];
            let extent = (size[0] - 1) * stride[0] + (size[1] - 1) * stride[1];
            let offset = rng.below(len - extent.min(len - 1));
            (format!("x.as_strided({}, {}, {offset})", tuple(&size), tuple(&stride)), size.to_vec())
        }
    }
}

/// A write through one view of `x` whose source is another view of `x`.
pub fn aliasing_write(rng: &mut Rng, len: usize, rows: usize, cols: usize, strided: bool) -> String {
    let (dest, dest_shape) = view(rng, len, rows, cols, strided);
    let (source, source_shape) = view(rng, len, rows, cols, strided);
    // Most writes need the source in the destination's shape: broadcast a single
    // element, or take the source's leading elements.
    let numel: usize = dest_shape.iter().product();
    let fitted = if source_shape == dest_shape {
        source.clone()
    } else if source_shape.iter().product::<usize>() >= numel && numel > 0 {
        format!("{source}.flatten()[:{numel}].reshape({})", tuple(&dest_shape))
    } else {
        format!("{source}.flatten()[0]")
    };
    let mask = (0..numel).map(|_| if rng.below(2) == 0 { "TRUE" } else { "FALSE" }).collect::<Vec<_>>();
    match rng.below(10) {
        0 => format!("{dest}.copy_({fitted})"),
        1 => format!("{dest}[...] = {fitted}"),
        2 => format!("{dest}.add_({fitted})"),
        3 => format!("{dest}.mul_({fitted})"),
        4 => format!("{dest}.fill_({source}.flatten()[0])"),
        5 => format!("{dest}.clamp_(min={fitted})"),
        6 => format!("x[{}] = {source}.flatten()[0]", rng.below(len)),
        7 => format!(
            "{dest}.masked_fill_(tensor([{}]).reshape({}), {source}.flatten()[0])",
            mask.join(", "),
            tuple(&dest_shape)
        ),
        8 => {
            let k = 1 + rng.below(len.min(3));
            let targets: Vec<String> = (0..k).map(|_| rng.below(len).to_string()).collect();
            format!("x[[{}]] = {source}.flatten()[:{k}]", targets.join(", "))
        }
        _ => format!("y = {dest}; y += {fitted}"),
    }
}

/// A program of `writes` aliasing writes on a fresh `x`, printing `x` as a list (or the
/// error's kind and first line) after each, spelled for tl or (`python`) for PyTorch.
pub fn aliasing_program(rng: &mut Rng, writes: usize, strided: bool) -> (String, String) {
    let (rows, cols) = (1 + rng.below(3), 1 + rng.below(3));
    let len = rows * cols;
    let dtype = *rng.pick(&["float64", "int64"]);
    let mut tl = format!("x = arange({len}, dtype={dtype})\n");
    let mut python = tl.clone();
    for _ in 0..writes {
        let write = aliasing_write(rng, len, rows, cols, strided);
        writeln!(tl, "try {{ {}; print(x.tolist()) }} catch e {{ report(e) }}", spell(&write, false))
            .expect("write to a string");
        writeln!(
            python,
            "try:\n    {}\n    print(x.tolist())\nexcept Exception as e:\n    report(e)",
            spell(&write, true)
        )
        .expect("write to a string");
    }
    (tl, python)
}
