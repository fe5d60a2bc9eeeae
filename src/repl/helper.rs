//! What rustyline asks of the language: whether an entry is finished, how to colour it,
//! and how to complete a name.

use crate::eval::Interpreter;
use crate::syntax::parser::parse_program;
use crate::syntax::span::SourceId;
use crate::syntax::token::Tok;
use crate::value::Value;
use logos::Logos;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

const KEYWORDS: &[&str] = &[
    "fn", "return", "if", "else", "while", "for", "in", "break", "continue", "class", "try", "catch",
    "raise", "assert", "with", "import", "as", "true", "false", "none", "and", "or", "not", "is",
];

pub struct TlHelper {
    interp: Rc<RefCell<Interpreter>>,
    color: bool,
}

impl TlHelper {
    pub fn new(interp: Rc<RefCell<Interpreter>>) -> TlHelper {
        TlHelper { interp, color: std::env::var_os("NO_COLOR").is_none() }
    }

    /// The value an expression before a `.` or `(` stands for, without running user
    /// code: a dotted path of globals (`opt.param_groups`), or a call of a builtin whose
    /// declaration returns a tensor (`randn(3)`, `x.reshape(2, 3)`), which stands for a
    /// tensor.
    fn resolve(&self, text: &str) -> Option<Value> {
        if let Some(callee) = text.strip_suffix(')').and_then(open_of_call).map(|open| &text[..open]) {
            let returns_tensor = match self.resolve(callee)? {
                Value::Builtin(b) => b.signature().returns,
                Value::BoundMethod(m) => match &m.method {
                    Value::Builtin(b) => b.signature().returns,
                    _ => None,
                },
                _ => None,
            }
            .is_some_and(|r| r.starts_with("Tensor"));
            return returns_tensor.then(|| {
                Value::Tensor(crate::tensor::Tensor::zeros(&[], crate::storage::dtype::DType::F32))
            });
        }
        let (head, rest) = match text.rsplit_once('.') {
            Some((head, name)) if head.ends_with(')') => (self.resolve(head)?, vec![name]),
            _ => {
                let mut parts = text.split('.');
                let first = parts.next()?;
                (self.interp.try_borrow_mut().ok()?.global(first)?, parts.collect())
            }
        };
        let mut interp = self.interp.try_borrow_mut().ok()?;
        let mut value = head;
        for part in rest {
            let name = crate::syntax::symbol::Symbol::intern(part);
            value = interp.get_attr(&value, name, Default::default()).ok()?;
        }
        Some(value)
    }

    /// Parameter names of the function whose call is open before `pos`, as `name=`.
    fn keyword_candidates(&self, line: &str) -> Vec<String> {
        let mut depth = 0i32;
        for (i, c) in line.char_indices().rev() {
            match c {
                ')' | ']' => depth += 1,
                '[' => depth -= 1,
                '(' if depth > 0 => depth -= 1,
                '(' => {
                    let callee = expression_before(&line[..i]);
                    return self.resolve(callee).map(|v| keyword_names(&v)).unwrap_or_default();
                }
                _ => {}
            }
        }
        Vec::new()
    }
}

/// The names a call of `callee` takes as keywords, each as `name=`: from a builtin's
/// declaration, a tl function's parameters, a class's `init`.
fn keyword_names(callee: &Value) -> Vec<String> {
    use crate::syntax::ast::ParamKind;
    match callee {
        Value::Builtin(b) => builtin_keywords(b, false),
        Value::Function(f) => f
            .def
            .params
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::Normal | ParamKind::KeywordOnly))
            .map(|p| format!("{}=", p.name.node))
            .collect(),
        Value::Class(c) => match c.lookup(crate::syntax::symbol::Symbol::intern("init")) {
            Some(init) => keyword_names(&init).into_iter().skip(1).collect(),
            None => Vec::new(),
        },
        Value::BoundMethod(m) => match &m.method {
            Value::Builtin(b) => builtin_keywords(b, true),
            other => keyword_names(other).into_iter().skip(1).collect(),
        },
        _ => Vec::new(),
    }
}

fn builtin_keywords(b: &crate::value::Builtin, method: bool) -> Vec<String> {
    use crate::value::signature::ParamKind;
    let signature = b.signature();
    let keyword = |(i, p): &(usize, &crate::value::signature::Param)| {
        matches!(p.kind, ParamKind::Normal | ParamKind::KeywordOnly) && !(method && *i == signature.receiver)
    };
    signature.params.iter().enumerate().filter(keyword).map(|(_, p)| format!("{}=", p.name)).collect()
}

/// Where the `(` is that the `)` just after `text` closes.
fn open_of_call(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' if depth == 0 => return (c == '(').then_some(i),
            '(' | '[' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The expression just before the end of `text` that a `.` or `(` applies to: a dotted
/// path, through calls and their arguments (`randn(3).reshape(2, 3)`).
fn expression_before(text: &str) -> &str {
    let mut start = text.len();
    loop {
        let head = &text[..start];
        if let Some(inner) = head.strip_suffix(')') {
            match open_of_call(inner) {
                Some(open) => start = open,
                None => return &text[start..],
            }
        }
        let word = dotted_word_before(&text[..start]);
        start -= word.len();
        if !(word.starts_with('.') && text[..start].ends_with(')')) {
            return &text[start..];
        }
    }
}

/// The `a.b.c` just before the end of `text`.
fn dotted_word_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

impl Completer for TlHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let word = dotted_word_before(&line[..pos]);
        let start = pos - word.len();
        let (base, partial, mut names) = match word.rsplit_once('.') {
            Some((path, partial)) => {
                // `randn(3).su`: the word starts at the `.`; what it applies to comes before.
                let target = if path.is_empty() { expression_before(&line[..start]) } else { path };
                let names = self
                    .resolve(target)
                    .and_then(|v| self.interp.try_borrow().ok().map(|i| i.attribute_names(&v)))
                    .unwrap_or_default();
                (start + path.len() + 1, partial, names)
            }
            None => {
                let mut names = self.interp.try_borrow().map(|i| i.global_names()).unwrap_or_default();
                names.extend(KEYWORDS.iter().map(|k| k.to_string()));
                names.extend(self.keyword_candidates(&line[..start]));
                (start, word, names)
            }
        };
        names.retain(|n| n.starts_with(partial) && !n.starts_with('_'));
        names.sort();
        names.dedup();
        let pairs = names.into_iter().map(|n| Pair { display: n.clone(), replacement: n }).collect();
        Ok((base, pairs))
    }
}

impl Hinter for TlHelper {
    type Hint = String;
}

impl Highlighter for TlHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.starts_with(':') {
            return Cow::Borrowed(line);
        }
        let mut out = String::with_capacity(line.len() * 2);
        let mut last = 0;
        let mut lexer = Tok::lexer(line);
        while let Some(tok) = lexer.next() {
            let span = lexer.span();
            out.push_str(&color_comments(&line[last..span.start]));
            let colour = match tok {
                Ok(Tok::Str(_) | Tok::FString(_)) => Some("32"),
                Ok(Tok::Int(_) | Tok::Float(_)) => Some("36"),
                Ok(Tok::True | Tok::False | Tok::None) => Some("35"),
                Ok(Tok::Ident(_)) | Ok(Tok::Newline) => None,
                Ok(ref t) if t.text().chars().all(|c| c.is_ascii_alphabetic()) => Some("1;34"),
                Err(_) => Some("31"),
                _ => None,
            };
            match colour {
                Some(code) => out.push_str(&format!("\x1b[{code}m{}\x1b[0m", &line[span.clone()])),
                None => out.push_str(&line[span.clone()]),
            }
            last = span.end;
        }
        out.push_str(&color_comments(&line[last..]));
        Cow::Owned(out)
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// Text between tokens is whitespace or a comment; comments are dimmed.
fn color_comments(gap: &str) -> String {
    let mut out = String::new();
    for (i, part) in gap.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match part.find('#') {
            Some(at) => out.push_str(&format!("{}\x1b[2m{}\x1b[0m", &part[..at], &part[at..])),
            None => out.push_str(part),
        }
    }
    out
}

impl Validator for TlHelper {
    /// An entry is finished unless it stops inside a bracket or block; an empty last
    /// line finishes it anyway, so a mistake never traps the user.
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.starts_with(':') || input.ends_with('\n') || input.trim().is_empty() {
            return Ok(ValidationResult::Valid(None));
        }
        Ok(match parse_program(input, SourceId(u32::MAX)) {
            Err(e) if e.incomplete => ValidationResult::Incomplete,
            _ => ValidationResult::Valid(None),
        })
    }
}

impl Helper for TlHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use rustyline::history::DefaultHistory;
    use std::path::PathBuf;

    fn completions(helper: &TlHelper, line: &str) -> Vec<String> {
        let history = DefaultHistory::new();
        let (_, pairs) = helper.complete(line, line.len(), &Context::new(&history)).unwrap();
        pairs.into_iter().map(|p| p.replacement).collect()
    }

    #[test]
    fn completes_names_methods_fields_and_keywords() {
        let mut interp = Interpreter::new(Box::new(std::io::sink()));
        let setup = "fn train(steps, learning_rate=0.1) = steps\nxs = [1]\n\
                     class Model { fn init(self) { self.weights = 1 } fn fit(self) = 0 }\nmodel = Model()";
        interp.run_source("<test>", setup, PathBuf::from("."), false).unwrap();
        let helper = TlHelper { interp: Rc::new(RefCell::new(interp)), color: false };
        assert_eq!(completions(&helper, "trai"), ["train"]);
        assert!(completions(&helper, "xs.app").contains(&"append".to_string()));
        assert_eq!(completions(&helper, "model.w"), ["weights"]);
        assert_eq!(completions(&helper, "model.f"), ["fit"]);
        assert_eq!(completions(&helper, "train(10, learn"), ["learning_rate="]);
        assert!(completions(&helper, "math.sq").contains(&"sqrt".to_string()));
        assert!(completions(&helper, "whi").contains(&"while".to_string()));
        // Builtins' keywords come from their declarations; a call of a builtin that
        // returns a tensor stands for a tensor.
        assert_eq!(completions(&helper, "zeros(2, 3, dt"), ["dtype="]);
        assert!(completions(&helper, "randn(3).su").contains(&"sum".to_string()));
        assert!(completions(&helper, "xs.append(randn(3).reshape(3, 1).su").contains(&"sum".to_string()));
        assert!(completions(&helper, "randn(3).sum(di").contains(&"dim=".to_string()));
    }

    #[test]
    fn highlights_without_changing_the_text() {
        let helper = TlHelper {
            interp: Rc::new(RefCell::new(Interpreter::new(Box::new(std::io::sink())))),
            color: true,
        };
        let line = "x = f\"{1}\" + 2.5 # note";
        let shown = helper.highlight(line, 0);
        let plain: String = strip_ansi(&shown);
        assert_eq!(plain, line);
        assert!(shown.contains("\x1b["));
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
