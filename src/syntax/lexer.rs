//! Turns source text into the token stream the parser reads. logos recognises the
//! tokens; this pass adds what needs context:
//! - statements end at a newline or `;`, except inside `()`, `[]` and dict braces, after
//!   a token that cannot end a line (a binary operator), and before `else`/`catch`/`finally`/`}`;
//! - a `{` after a complete expression or `else`/`try`/`catch` opens a block, any
//!   other `{` opens a dict;
//! - `rearrange[`, `reduce[`, ... make the einops keywords; elsewhere they are names;
//! - brackets must match, and nest at most `MAX_NESTING` deep.

use super::error::SyntaxError;
use super::span::{SourceId, Span};
use super::token::{LexErrorKind, Tok};
use logos::Logos;

/// Deeper nesting than this is refused: the evaluator recurses over the tree.
const MAX_NESTING: usize = 200;

pub type SpannedTok = (usize, Tok, usize);

#[derive(Clone, Copy, PartialEq)]
enum Bracket {
    Paren,
    Square,
    Dict,
    Block,
}

impl Bracket {
    fn closer(self) -> &'static str {
        match self {
            Bracket::Paren => ")",
            Bracket::Square => "]",
            Bracket::Dict | Bracket::Block => "}",
        }
    }
}

/// Lexes `text`, which starts at byte `base` of the source `source`.
pub fn lex(text: &str, source: SourceId, base: usize) -> Result<Vec<SpannedTok>, SyntaxError> {
    let span = |start: usize, end: usize| Span::new(source, base + start, base + end);
    let mut out: Vec<SpannedTok> = Vec::new();
    let mut open: Vec<(Bracket, usize, usize)> = Vec::new();
    let mut lexer = Tok::lexer(text);
    // Set right after a block's closing `}`: a statement may follow on the same line.
    let mut after_block = false;
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let (start, end) = (base + range.start, base + range.end);
        let tok = match result {
            Ok(tok) => tok,
            Err(kind) => return Err(lex_error(kind, lexer.slice(), span(range.start, range.end))),
        };
        let in_block = matches!(open.last(), None | Some((Bracket::Block, ..)));
        if std::mem::take(&mut after_block) && in_block && tok.starts_statement() {
            out.push((start, Tok::Newline, start));
        }
        match tok {
            Tok::Newline | Tok::Semicolon => {
                let inside_expression = matches!(open.last(), Some((b, ..)) if *b != Bracket::Block);
                // `from m import *` ends at its star, which elsewhere continues the line.
                let star_import = out.len() >= 2
                    && out[out.len() - 1].1 == Tok::Star
                    && out[out.len() - 2].1 == Tok::Import;
                let redundant = match out.last() {
                    None => true,
                    Some((_, last, _)) => {
                        *last == Tok::Newline
                            || *last == Tok::BlockOpen
                            || (last.continues_line() && !star_import)
                    }
                };
                if tok == Tok::Semicolon && inside_expression {
                    return Err(SyntaxError::new(
                        "unexpected `;` inside brackets",
                        span(range.start, range.end),
                        "statements cannot end here",
                    ));
                }
                if !inside_expression && !redundant {
                    out.push((start, Tok::Newline, end));
                }
            }
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                let (bracket, tok) = match tok {
                    Tok::LParen => (Bracket::Paren, tok),
                    Tok::LBracket => (Bracket::Square, tok),
                    _ if out.last().is_some_and(|(_, t, _)| t.ends_expression()) => {
                        (Bracket::Block, Tok::BlockOpen)
                    }
                    _ => (Bracket::Dict, tok),
                };
                if tok == Tok::LBracket {
                    mark_einops_keyword(&mut out);
                }
                if open.len() >= MAX_NESTING {
                    return Err(SyntaxError::new(
                        format!("brackets nest more than {MAX_NESTING} deep"),
                        span(range.start, range.end),
                        "too deep",
                    ));
                }
                open.push((bracket, start, end));
                out.push((start, tok, end));
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => {
                let closer = tok.text();
                match open.pop() {
                    Some((bracket, ..)) if bracket.closer() == closer => {
                        after_block = bracket == Bracket::Block
                    }
                    Some((bracket, open_start, open_end)) => {
                        return Err(SyntaxError::new(
                            format!(
                                "mismatched `{closer}`: the bracket open here needs `{}`",
                                bracket.closer()
                            ),
                            Span::new(source, start, end),
                            format!("expected `{}`", bracket.closer()),
                        )
                        .with_related(Span::new(source, open_start, open_end), "opened here"));
                    }
                    None => {
                        return Err(SyntaxError::new(
                            format!("unmatched `{closer}`"),
                            span(range.start, range.end),
                            "nothing to close here",
                        ))
                    }
                }
                if tok == Tok::RBrace {
                    drop_trailing_newline(&mut out);
                }
                out.push((start, tok, end));
            }
            Tok::Else | Tok::Catch | Tok::Finally => {
                drop_trailing_newline(&mut out);
                out.push((start, tok, end));
            }
            _ => out.push((start, tok, end)),
        }
    }
    if let Some(&(bracket, start, end)) = open.last() {
        return Err(SyntaxError::new(
            format!("this bracket is never closed: expected `{}`", bracket.closer()),
            Span::new(source, start, end),
            "opened here",
        )
        .incomplete());
    }
    drop_trailing_newline(&mut out);
    Ok(out)
}

fn drop_trailing_newline(out: &mut Vec<SpannedTok>) {
    if matches!(out.last(), Some((_, Tok::Newline, _))) {
        out.pop();
    }
}

/// `rearrange[` is the einops form; `x.rearrange(` or a variable `rearrange` is a name.
fn mark_einops_keyword(out: &mut [SpannedTok]) {
    let n = out.len();
    let after_dot = n >= 2 && out[n - 2].1 == Tok::Dot;
    if let Some((_, tok @ Tok::Ident(_), _)) = out.last_mut() {
        if after_dot {
            return;
        }
        let Tok::Ident(name) = *tok else { return };
        *tok = match name.as_str() {
            "rearrange" => Tok::Rearrange,
            "reduce" => Tok::Reduce,
            "repeat" => Tok::Repeat,
            "einsum" => Tok::Einsum,
            "pack" => Tok::Pack,
            "unpack" => Tok::Unpack,
            _ => return,
        };
    }
}

fn lex_error(kind: LexErrorKind, slice: &str, span: Span) -> SyntaxError {
    match kind {
        LexErrorKind::UnexpectedChar => {
            let shown = slice.chars().next().map(|c| c.escape_debug().to_string()).unwrap_or_default();
            SyntaxError::new(format!("unexpected character `{shown}`"), span, "not part of any token")
        }
        LexErrorKind::UnterminatedString => {
            SyntaxError::new("unterminated string", span, "this string has no closing quote")
                .with_help("strings end on the line they start; use \\n for a newline")
        }
        LexErrorKind::BadEscape(esc) => {
            SyntaxError::new(format!("invalid escape `{esc}` in string"), span, "in this string")
                .with_help("valid escapes: \\n \\t \\r \\0 \\\\ \\' \\\" \\xNN \\uNNNN \\UNNNNNNNN")
        }
        LexErrorKind::IntTooLarge => {
            SyntaxError::new("integer literal too large", span, "does not fit in 64 bits")
                .with_help("integers are 64-bit; write a float such as 1e30 instead")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        lex(src, SourceId(0), 0)
            .unwrap()
            .into_iter()
            .map(|(_, t, _)| match t {
                Tok::Newline => ";".to_string(),
                Tok::BlockOpen => "{blk".to_string(),
                Tok::Ident(s) => s.to_string(),
                Tok::Int(n) => n.to_string(),
                other => other.text().to_string(),
            })
            .collect()
    }

    #[test]
    fn newlines_end_statements_outside_brackets() {
        assert_eq!(kinds("a = (1,\n2)\nb"), ["a", "=", "(", "1", ",", "2", ")", ";", "b"]);
        assert_eq!(kinds("a +\n b\n\n;c"), ["a", "+", "b", ";", "c"]);
    }

    #[test]
    fn braces_after_expressions_open_blocks() {
        assert_eq!(kinds("if x {\n y\n}\nelse {}"), ["if", "x", "{blk", "y", "}", "else", "{blk", "}"]);
        assert_eq!(kinds("d = {\n1: 2\n}"), ["d", "=", "{", "1", ":", "2", "}"]);
    }

    #[test]
    fn einops_keywords_need_a_bracket() {
        assert_eq!(kinds("rearrange[a]")[0], "rearrange");
        assert!(matches!(lex("rearrange[a]", SourceId(0), 0).unwrap()[0].1, Tok::Rearrange));
        assert!(matches!(lex("x.repeat[a]", SourceId(0), 0).unwrap()[2].1, Tok::Ident(_)));
        assert!(matches!(lex("repeat(a)", SourceId(0), 0).unwrap()[0].1, Tok::Ident(_)));
    }

    #[test]
    fn reports_bracket_errors() {
        assert!(lex("(]", SourceId(0), 0).is_err());
        assert!(lex("(", SourceId(0), 0).unwrap_err().incomplete);
        assert!(lex("\"abc", SourceId(0), 0).is_err());
        assert!(lex("$", SourceId(0), 0).is_err());
    }
}
