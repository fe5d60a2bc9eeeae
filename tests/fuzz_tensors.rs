//! Fuzzing with random tensor programs rather than text: random shapes and dtypes,
//! views (slices, transposes, expands, diagonals, `as_strided`), in-place writes and
//! index assignments whose source aliases the destination, huge sizes (expanded views
//! made concrete, products, creation), reductions over every dim and autograd through
//! them. The interpreter must never panic or abort: each statement ends in a value or
//! an error. Cases: `TL_FUZZ_CASES` (default 200); a long run:
//! `TL_FUZZ_CASES=200000 cargo test --release --test fuzz_tensors`.

#[path = "support/tensor_programs.rs"]
#[allow(dead_code)] // each test crate uses its own part of the generator
mod tensor_programs;

use std::fmt::Write as _;
use std::path::PathBuf;
use tensor_programs::{aliasing_program, spell, Rng};
use tl::eval::{Interpreter, Limits};
use tl::golden::Capture;
use tl::run::with_big_stack;

fn cases() -> usize {
    std::env::var("TL_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

const DTYPES: &[&str] = &["float32", "float64", "int64", "int32", "int8", "uint8", "bool", "float16"];

/// A statement on `t`, a random tensor of the program, of one of the fuzzed kinds.
fn statement(rng: &mut Rng, ndim: usize) -> String {
    let dim = rng.below(ndim + 2) as i64 - 1;
    let huge = *rng.pick(&["10**6", "2**31", "2**32", "10**12", "2**62", "2**63 - 1"]);
    let reduction = *rng.pick(&[
        "sum",
        "mean",
        "max",
        "min",
        "prod",
        "argmax",
        "argmin",
        "std",
        "var",
        "logsumexp",
        "cumsum",
        "sort",
        "all",
        "any",
        "median",
    ]);
    match rng.below(12) {
        0 => format!("r = t.{reduction}({dim})"),
        1 => format!("r = t.{reduction}()"),
        2 => format!("r = t.expand({huge}, *t.shape) + 1"),
        3 => format!("r = t.reshape(-1)[none].expand({huge}, -1).{reduction}()"),
        4 => format!("r = ones(1).expand({huge}, {huge}).{reduction}()"),
        5 => format!("r = zeros({huge}, dtype={})", rng.pick(DTYPES)),
        6 => format!("r = t.reshape(-1, 1) @ t.reshape(1, -1).expand({huge}, -1)"),
        7 => format!("r = repeat[... -> ... n](t, n={huge}).{reduction}()"),
        8 => {
            let w = "w = t.double().detach().requires_grad_(TRUE)";
            format!("{w}; (w.exp() * w).{reduction}().sum().backward(); r = w.grad")
        }
        9 => format!("r = t.to({}).{reduction}({dim}, keepdim=TRUE)", rng.pick(DTYPES)),
        10 => format!("t[...] = t.flip({dim})"),
        _ => "r = t.diagonal(0, 0, -1) if t.ndim > 1 else t; r += r".to_string(),
    }
}

/// A random program: aliasing writes on a small `x`, then statements on a random `t`.
fn program(rng: &mut Rng) -> String {
    let (aliasing, _) = aliasing_program(rng, 3, true);
    let ndim = rng.below(4);
    let shape: Vec<String> = (0..ndim).map(|_| rng.below(4).to_string()).collect();
    let dtype = rng.pick(DTYPES);
    let mut text = aliasing;
    writeln!(
        text,
        "t = (arange({}) - 2).to({dtype}).reshape({})",
        shape.iter().map(|d| d.parse::<usize>().unwrap_or(0)).product::<usize>(),
        shape.join(", ")
    )
    .expect("write to a string");
    for _ in 0..4 {
        writeln!(text, "try {{ {} }} catch e {{ report(e) }}", spell(&statement(rng, ndim), false))
            .expect("write to a string");
    }
    format!("fn report(e) {{ print(e.kind) }}\n{text}")
}

/// Runs `source` in a fresh, bounded interpreter; a panic fails the test with the program.
fn run(source: String) {
    with_big_stack(move || {
        let mut interp = Interpreter::new(Box::new(Capture::default()));
        interp.set_limits(Limits { max_depth: 200, max_steps: Some(20_000), max_sequence_len: 1 << 16 });
        let _ = interp.run_source("<fuzz>", &source, PathBuf::from("."), false);
    });
}

#[test]
fn random_tensor_programs_never_panic() {
    // Results past 64 MiB are refused, so huge cases are errors, cheaply.
    std::env::set_var("TL_MAX_TENSOR_BYTES", "64M");
    let seed: u64 = std::env::var("TL_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(18);
    let mut rng = Rng(seed | 1);
    for case in 0..cases() {
        let source = program(&mut rng);
        let shown = source.clone();
        if std::panic::catch_unwind(move || run(source)).is_err() {
            panic!("case {case} (seed {seed}) panicked:\n{shown}");
        }
    }
}
