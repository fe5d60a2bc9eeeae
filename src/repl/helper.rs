//! What rustyline asks of the language: whether an entry is finished, how to colour it,
//! and how to complete a name.

use crate::eval::{attribute_names, Interpreter};
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

    /// The value a dotted path of globals names (`opt.param_groups`), without calling
    /// anything.
    fn resolve(&self, path: &str) -> Option<Value> {
        let mut interp = self.interp.try_borrow_mut().ok()?;
        let mut parts = path.split('.');
        let mut value = interp.global(parts.next()?)?;
        for part in parts {
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
                    let callee = dotted_word_before(&line[..i]);
                    return match self.resolve(callee) {
                        Some(Value::Function(f)) => {
                            f.def.params.iter().map(|p| format!("{}=", p.name.node)).collect()
                        }
                        _ => Vec::new(),
                    };
                }
                _ => {}
            }
        }
        Vec::new()
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
                let names = self.resolve(path).map(|v| attribute_names(&v)).unwrap_or_default();
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
