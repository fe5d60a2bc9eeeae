//! Fuzzing the lexer, parser and evaluator: random bytes, random token streams and
//! mutated golden programs go through the whole interpreter, which must never panic,
//! overflow its stack or run away (a step limit and a small sequence limit bound each
//! case). Cases per property: `TL_FUZZ_CASES` (default 200); a long run:
//! `TL_FUZZ_CASES=100000 cargo test --release --test fuzz`.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use tl::eval::{Interpreter, Limits};
use tl::golden::Capture;
use tl::run::with_big_stack;

fn cases() -> u32 {
    std::env::var("TL_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

/// Runs `source` in a fresh, bounded interpreter and renders any error, as the CLI does.
fn run(source: String) {
    // Mutated programs may write files (`savefig`, `save`) wherever their paths say:
    // let that be a scratch folder, not the repository.
    static SCRATCH: std::sync::Once = std::sync::Once::new();
    SCRATCH.call_once(|| {
        let dir = std::env::temp_dir().join(format!("tl-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).and_then(|_| std::env::set_current_dir(&dir)).expect("scratch folder");
    });
    with_big_stack(move || {
        let mut interp = Interpreter::new(Box::new(Capture::default()));
        interp.set_limits(Limits { max_depth: 200, max_steps: Some(20_000), max_sequence_len: 1 << 16 });
        if let Err(failure) = interp.run_source("<fuzz>", &source, PathBuf::from("."), true) {
            let text = tl::diag::render(&failure, &interp.sources, false);
            assert!(!text.is_empty());
        }
    });
}

/// Pieces of tl, so that random sequences of them get past the lexer and often the parser.
const VOCABULARY: &[&str] = &[
    "fn",
    "return",
    "if",
    "else",
    "while",
    "for",
    "in",
    "break",
    "continue",
    "class",
    "try",
    "catch",
    "raise",
    "assert",
    "with",
    "import",
    "from",
    "as",
    "global",
    "nonlocal",
    "del",
    "finally",
    "yield",
    "yield from",
    "true",
    "false",
    "none",
    "and",
    "or",
    "not",
    "is",
    "rearrange",
    "reduce",
    "repeat",
    "einsum",
    "pack",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    "...",
    "->",
    "=",
    "+=",
    "-=",
    "*=",
    "/=",
    "//=",
    "**=",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "@",
    "&",
    "|",
    "^",
    "~",
    "<<",
    ">>",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "\n",
    ";",
    "x",
    "y",
    "f",
    "self",
    "init",
    "print",
    "len",
    "range",
    "list",
    "dict",
    "str",
    "super",
    "math",
    "0",
    "1",
    "2",
    "-1",
    "2.5",
    "1e300",
    "9223372036854775807",
    "\"s\"",
    "'t'",
    "f\"{x}\"",
    "f\"{x:>5.2f}\"",
    "[1, 2]",
    "{\"k\": 1}",
    "(1,)",
    "|a| a",
    "x[0]",
    "x[1:2]",
    "x.y",
    "f(x)",
    "*x",
    "**x",
    "@f",
    "x if y else f",
    "r\"\\d\"",
    "{1, 2}",
    "{x for x in y}",
    "(x for x in y)",
    "a, *b = x",
    "|=",
    "&=",
    "^=",
    "<<=",
    ">>=",
    "f\"{x=}\"",
    "f\"{x:{y}}\"",
    "\"%d\" % x",
    "x.__add__",
    "__init__",
    "super().__init__()",
    "class E(ValueError) {}",
    "raise E from x",
    "catch E as e",
];

fn token_stream() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..60).prop_map(|tokens| tokens.join(" "))
}

/// The golden programs, as seeds for mutation.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = tl::golden::discover(&[root.join("tests/golden"), root.join("examples")], false);
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: &'static str },
    Duplicate { at: usize, len: usize },
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<usize>(), 1usize..20).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), prop::sample::select(VOCABULARY)).prop_map(|(at, text)| Edit::Insert { at, text }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Duplicate { at, len }),
    ];
    prop::collection::vec(edit, 1..6)
}

/// Applies edits at character boundaries.
fn mutate(source: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for edit in edits {
        let n = chars.len().max(1);
        match edit {
            Edit::Delete { at, len } => {
                let start = at % n;
                let end = (start + len).min(chars.len());
                chars.drain(start.min(end)..end);
            }
            Edit::Insert { at, text } => {
                let start = (at % n).min(chars.len());
                chars.splice(start..start, format!(" {text} ").chars());
            }
            Edit::Duplicate { at, len } => {
                let start = (at % n).min(chars.len());
                let end = (start + len).min(chars.len());
                let copy: Vec<char> = chars[start..end].to_vec();
                chars.splice(end..end, copy);
            }
        }
    }
    chars.into_iter().collect()
}

/// Axis terms for random einops patterns, legal and not.
const AXES: &[&str] =
    &["a", "b", "c", "a", "1", "2", "3", "0", "()", "...", "(a b)", "(b 2)", "(... c)", "((a))", "*"];

/// A random einops form applied to a random tensor with random axis lengths.
fn einops_program() -> impl Strategy<Value = String> {
    let side = || prop::collection::vec(prop::sample::select(AXES), 0..5).prop_map(|axes| axes.join(" "));
    let form = prop_oneof![
        (side(), side()).prop_map(|(l, r)| format!("rearrange[{l} -> {r}]")),
        (side(), side()).prop_map(|(l, r)| format!("repeat[{l} -> {r}]")),
        (side(), side(), prop::sample::select(&["sum", "max", "prod", "all", "std", "x"][..]))
            .prop_map(|(l, r, op)| format!("reduce[{l} -> {r}, {op}]")),
        (side(), side(), side()).prop_map(|(a, b, r)| format!("einsum[{a}, {b} -> {r}]")),
        side().prop_map(|s| format!("pack[{s}]")),
    ];
    let shape = prop::collection::vec(0usize..5, 0..5);
    let lengths = prop::collection::vec((prop::sample::select(&["a", "b", "c", "d"][..]), 0i64..5), 0..3);
    (form, shape, shape_pair(), lengths).prop_map(|(form, shape, other, lengths)| {
        let dims = |s: &[usize]| s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
        let kwargs: String = lengths.iter().map(|(name, n)| format!(", {name}={n}")).collect();
        let args = if form.starts_with("einsum") {
            format!("ones({}), ones({})", dims(&shape), dims(&other))
        } else if form.starts_with("pack") {
            format!("[ones({}), ones({})]", dims(&shape), dims(&other))
        } else {
            format!("ones({}){kwargs}", dims(&shape))
        };
        format!("x = 1\nprint({form}({args}))")
    })
}

fn shape_pair() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..5, 0..5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        run(String::from_utf8_lossy(&bytes).into_owned());
    }

    #[test]
    fn random_token_streams_never_panic(source in token_stream()) {
        run(source);
    }

    #[test]
    fn random_einops_forms_never_panic(source in einops_program()) {
        run(source);
    }

    #[test]
    fn mutated_programs_never_panic(pick in any::<prop::sample::Index>(), edits in edits()) {
        let corpus = corpus();
        let source = pick.get(&corpus);
        run(mutate(source, &edits));
    }
}

#[test]
fn pathological_inputs_are_errors_not_crashes() {
    let deep_brackets = "(".repeat(10_000) + &")".repeat(10_000);
    let long_chain = "x = 1\ny = ".to_string() + &"x + ".repeat(50_000) + "x";
    let unary_chain = "-".repeat(50_000) + "1";
    let nested_list = "x = []\nfor i in range(15000) { x = [x] }\nprint(len(repr(x)))".to_string();
    let huge = "s = 'ab' * 100000000".to_string();
    let width = "print(f'{1:99999999999}')".to_string();
    let forever = "while true { }".to_string();
    for source in [deep_brackets, long_chain, unary_chain, nested_list, huge, width, forever] {
        run(source);
    }
}
