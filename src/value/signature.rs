//! A builtin's signature, read from the first line of its docstring as PyTorch writes
//! them (`sum(input, dim=None, keepdim=False, *, dtype=None) -> Tensor`): the one
//! declaration that argument binding, `help()`, completion and `docs/reference.md` use.

use crate::syntax::symbol::Symbol;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt;
use std::sync::OnceLock;

/// How a parameter may be given, in Python's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// Before a `/`: by position only.
    PositionalOnly,
    /// By position or by keyword.
    Normal,
    /// `*name`: the surplus positional arguments (PyTorch also takes `name=` for it).
    VarArgs,
    /// After `*` or `*name`: by keyword only.
    KeywordOnly,
    /// `**name`: any other keywords.
    VarKeywords,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    /// `name` interned, so that binding compares keywords without looking at text.
    pub symbol: Symbol,
    pub kind: ParamKind,
    /// The type after `:`, when the declaration gives one (checked when binding).
    pub annotation: Option<&'static str>,
    /// The default as written (`None`, `False`, `1e-05`, `'fro'`); `None` here: required.
    pub default: Option<&'static str>,
}

impl Param {
    pub fn required(&self) -> bool {
        self.default.is_none()
            && matches!(self.kind, ParamKind::PositionalOnly | ParamKind::Normal | ParamKind::KeywordOnly)
    }

    /// Fills a slot by position (positional-only and normal parameters).
    pub fn positional(&self) -> bool {
        matches!(self.kind, ParamKind::PositionalOnly | ParamKind::Normal)
    }
}

/// PyTorch's NumPy-style keyword aliases, as `torch/csrc/utils/python_arg_parser.cpp`
/// accepts them: (alias, the parameter it names).
pub const ALIASES: &[(&str, &str)] = &[
    ("axis", "dim"),
    ("keepdims", "keepdim"),
    ("x", "input"),
    ("a", "input"),
    ("x1", "input"),
    ("x2", "other"),
];

#[derive(Debug, PartialEq, Eq)]
pub struct Signature {
    pub name: &'static str,
    pub params: Vec<Param>,
    /// What follows `->`, if anything.
    pub returns: Option<&'static str>,
    /// Where a method's receiver goes: the parameter `self` or `input`, else the first.
    pub receiver: usize,
    /// How many parameters take positions, how many of those are required, and
    /// whether any keyword-only one is: what a call of positional arguments only
    /// is checked against without building slots.
    pub positional: usize,
    pub required_positional: usize,
    pub required_keyword_only: bool,
    pub varargs: Option<usize>,
    /// Declares PyTorch's `out=`, which the interpreter writes the result into.
    pub has_out: bool,
}

impl Signature {
    /// Parses `name(p1, p2=default, *, k=default) -> ret`.
    pub fn parse(line: &'static str) -> Result<Signature, String> {
        let line = line.trim();
        let open = line.find('(').ok_or_else(|| format!("no '(' in signature {line:?}"))?;
        let close = matching_paren(line, open).ok_or_else(|| format!("unbalanced signature {line:?}"))?;
        let name = line[..open].trim();
        let returns = line[close + 1..].trim().strip_prefix("->").map(str::trim);
        let mut params = Vec::new();
        let mut kind = ParamKind::Normal;
        for part in split_top_level(&line[open + 1..close]) {
            let part = part.trim();
            match part {
                "" => continue,
                "/" => {
                    for p in &mut params {
                        let p: &mut Param = p;
                        p.kind = ParamKind::PositionalOnly;
                    }
                    continue;
                }
                "*" => {
                    kind = ParamKind::KeywordOnly;
                    continue;
                }
                _ => {}
            }
            let (this_kind, part) = if let Some(rest) = part.strip_prefix("**") {
                (ParamKind::VarKeywords, rest)
            } else if let Some(rest) = part.strip_prefix('*') {
                kind = ParamKind::KeywordOnly;
                (ParamKind::VarArgs, rest)
            } else {
                (kind, part)
            };
            let (head, default) = match split_default(part) {
                Some((head, default)) => (head, Some(default.trim())),
                None => (part, None),
            };
            let (name, annotation) = match head.split_once(':') {
                Some((name, annotation)) => (name.trim(), Some(annotation.trim())),
                None => (head.trim(), None),
            };
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Err(format!("bad parameter {part:?} in signature {line:?}"));
            }
            if params.iter().any(|p: &Param| p.name == name) {
                return Err(format!("parameter {name} twice in signature {line:?}"));
            }
            params.push(Param { name, symbol: Symbol::intern(name), kind: this_kind, annotation, default });
        }
        Ok(Signature::new(name, params, returns))
    }

    fn new(name: &'static str, params: Vec<Param>, returns: Option<&'static str>) -> Signature {
        let receiver = params.iter().position(|p| p.name == "self" || p.name == "input").unwrap_or(0);
        let positional = params.iter().filter(|p| p.positional()).count();
        let required_positional = params.iter().filter(|p| p.positional() && p.required()).count();
        let required_keyword_only = params.iter().any(|p| p.kind == ParamKind::KeywordOnly && p.required());
        let varargs = params.iter().position(|p| p.kind == ParamKind::VarArgs);
        let has_out = params.iter().any(|p| p.name == "out");
        Signature {
            name,
            params,
            returns,
            receiver,
            positional,
            required_positional,
            required_keyword_only,
            varargs,
            has_out,
        }
    }

    /// The signature of the docstring `doc`, parsed once per thread and kept.
    pub fn of(doc: &'static str) -> &'static Signature {
        thread_local! {
            static PARSED: RefCell<FxHashMap<usize, &'static Signature>> = RefCell::new(FxHashMap::default());
        }
        PARSED.with(|parsed| {
            let key = doc.as_ptr() as usize;
            if let Some(signature) = parsed.borrow().get(&key) {
                return *signature;
            }
            let line = doc.lines().next().unwrap_or("");
            // Declarations are checked by a test over the whole registry, so a bad one
            // is a bug here, not the user's: bind it as taking anything.
            let signature = Signature::parse(line).unwrap_or_else(|_| Signature::permissive(line));
            let signature: &'static Signature = Box::leak(Box::new(signature));
            parsed.borrow_mut().insert(key, signature);
            signature
        })
    }

    fn permissive(line: &'static str) -> Signature {
        let name = line.split('(').next().unwrap_or(line);
        let params = vec![
            Param {
                name: "args",
                symbol: Symbol::intern("args"),
                kind: ParamKind::VarArgs,
                annotation: None,
                default: None,
            },
            Param {
                name: "kwargs",
                symbol: Symbol::intern("kwargs"),
                kind: ParamKind::VarKeywords,
                annotation: None,
                default: None,
            },
        ];
        Signature::new(name, params, None)
    }

    /// The parameter a keyword names: its own name, or one of the [`ALIASES`] of it.
    pub fn keyword(&self, keyword: Symbol) -> Option<usize> {
        let named = |name: Symbol| {
            self.params.iter().position(|p| {
                p.symbol == name && matches!(p.kind, ParamKind::Normal | ParamKind::KeywordOnly)
            })
        };
        named(keyword).or_else(|| {
            static INTERNED: OnceLock<Vec<(Symbol, Symbol)>> = OnceLock::new();
            let aliases = INTERNED.get_or_init(|| {
                ALIASES
                    .iter()
                    .map(|(alias, canonical)| (Symbol::intern(alias), Symbol::intern(canonical)))
                    .collect()
            });
            let (_, canonical) = aliases.iter().find(|(alias, _)| *alias == keyword)?;
            named(*canonical)
        })
    }

    /// The parameter list as written, leaving out a method's receiver when `method`.
    pub fn params_text(&self, method: bool) -> String {
        let mut out = Vec::new();
        let mut star_written = false;
        let positional_only = self.params.iter().rposition(|p| p.kind == ParamKind::PositionalOnly);
        for (i, p) in self.params.iter().enumerate() {
            if method && (i == self.receiver || p.name == "out") {
                if Some(i) == positional_only && i > 0 {
                    out.push("/".to_string());
                }
                continue;
            }
            match p.kind {
                ParamKind::KeywordOnly if !star_written => {
                    out.push("*".to_string());
                    star_written = true;
                }
                ParamKind::VarArgs => star_written = true,
                _ => {}
            }
            let mut text = match p.kind {
                ParamKind::VarArgs => format!("*{}", p.name),
                ParamKind::VarKeywords => format!("**{}", p.name),
                _ => p.name.to_string(),
            };
            if let Some(annotation) = p.annotation {
                text += ": ";
                text += annotation;
            }
            if let Some(default) = p.default {
                text += if p.annotation.is_some() { " = " } else { "=" };
                text += default;
            }
            out.push(text);
            if Some(i) == positional_only {
                out.push("/".to_string());
            }
        }
        out.join(", ")
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.name, self.params_text(false))?;
        if let Some(returns) = self.returns {
            write!(f, " -> {returns}")?;
        }
        Ok(())
    }
}

fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    for (i, c) in text.char_indices().skip_while(|(i, _)| *i < open) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at the commas outside brackets and quotes.
fn split_top_level(text: &'static str) -> Vec<&'static str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `name=default` or `name: type = default`, split at the first `=` outside quotes.
fn split_default(part: &'static str) -> Option<(&'static str, &'static str)> {
    let at = part.find('=')?;
    Some((&part[..at], &part[at + 1..]))
}

/// The name a docstring declares: what comes before the `(` of its first line.
pub const fn declared_name(doc: &'static str) -> &'static str {
    let bytes = doc.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end] != b'(' {
        end += 1;
    }
    let (name, _) = doc.split_at(end);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pytorch_signatures() {
        let s = Signature::parse("sum(input, dim=None, keepdim=False, *, dtype=None) -> Tensor").unwrap();
        assert_eq!(s.name, "sum");
        assert_eq!(s.params.len(), 4);
        assert_eq!(s.params[3].kind, ParamKind::KeywordOnly);
        assert_eq!(s.params[1].default, Some("None"));
        assert_eq!(s.returns, Some("Tensor"));
        assert_eq!(s.to_string(), "sum(input, dim=None, keepdim=False, *, dtype=None) -> Tensor");
        assert_eq!(s.params_text(true), "dim=None, keepdim=False, *, dtype=None");
        assert_eq!(s.keyword(Symbol::intern("axis")), Some(1));
        assert_eq!(s.keyword(Symbol::intern("keepdims")), Some(2));
    }

    #[test]
    fn reads_python_markers() {
        let s = Signature::parse("print(*args, sep=' ', end='\\n', file=None, flush=False)").unwrap();
        assert_eq!(s.params[0].kind, ParamKind::VarArgs);
        assert_eq!(s.params[1].kind, ParamKind::KeywordOnly);
        let s = Signature::parse("len(obj, /)").unwrap();
        assert_eq!(s.params[0].kind, ParamKind::PositionalOnly);
        assert_eq!(s.to_string(), "len(obj, /)");
        let s = Signature::parse("where(condition, input, other) -> Tensor").unwrap();
        assert_eq!(s.receiver, 1);
        assert_eq!(s.params_text(true), "condition, other");
        let s =
            Signature::parse("norm(input, p='fro', dim=None, keepdim=False, out=None, dtype=None)").unwrap();
        assert_eq!(s.params[1].default, Some("'fro'"));
        assert!(Signature::parse("f(a, a)").is_err());
        assert_eq!(declared_name("zeros(*size)"), "zeros");
    }
}
