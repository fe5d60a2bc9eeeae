//! Runs the LALRPOP parser over the lexer's tokens and turns its errors into
//! `SyntaxError`s that say, in words, what was expected.

use super::ast::{Expr, Stmt};
use super::error::SyntaxError;
use super::lexer::lex;
use super::span::{SourceId, Span};
use super::token::Tok;
use lalrpop_util::ParseError;

#[allow(clippy::all, unused_parens, unused_imports, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/tl.rs"));
}

/// Parses a file or REPL entry and runs the checks on its tree: what the interpreter
/// runs.
pub fn parse_checked(text: &str, src: SourceId) -> Result<Vec<Stmt>, Box<SyntaxError>> {
    let program = parse_program(text, src)?;
    super::check::check_program(&program)?;
    Ok(program)
}

/// Parses a whole file or REPL entry.
pub fn parse_program(text: &str, src: SourceId) -> Result<Vec<Stmt>, SyntaxError> {
    let tokens = lex(text, src, 0)?;
    let end = text.len();
    generated::ProgramParser::new()
        .parse(src, tokens.into_iter().map(Ok::<_, SyntaxError>))
        .map_err(|e| with_python_hint(convert(e, src, end), text))
}

/// A hint for a Python spelling tl writes differently, from the line the error is on.
fn with_python_hint(error: SyntaxError, text: &str) -> SyntaxError {
    let at = (error.span.start as usize).min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // The error may be reported on the line after the Python spelling (`try { }` then
    // `except` on the next line): look at both.
    let next_end =
        text[line_end..].get(1..).and_then(|rest| rest.find('\n')).map_or(text.len(), |i| line_end + 1 + i);
    let line = text[line_start..line_end].trim().trim_start_matches('}').trim_start();
    let next = text.get(line_end..next_end).unwrap_or("").trim();
    let opens_block = ["if ", "for ", "while ", "else", "class ", "try", "with ", "except"]
        .iter()
        .any(|keyword| line.starts_with(keyword));
    let hint = if line.starts_with("def ") {
        "tl writes a function as `fn f(x) { ... }` (or `fn f(x) = expr`)"
    } else if line.contains("lambda ") || line.contains("lambda:") {
        "tl writes `lambda x: expr` as `|x| expr`"
    } else if line.starts_with("elif ") || line.contains("} elif ") {
        "tl writes `elif` as `else if`"
    } else if line.starts_with("except") || next.starts_with("} except") || next.starts_with("except") {
        "tl writes `except E as e:` as `catch E as e { ... }`"
    } else if opens_block && line.ends_with(':') {
        "tl's blocks are braces: `if x > 0 { ... }`, not a `:` and indentation"
    } else {
        return error;
    };
    error.with_help(hint)
}

/// Parses one expression that starts at byte `base` of `src` (an f-string field).
pub fn parse_expr(text: &str, src: SourceId, base: usize) -> Result<Expr, SyntaxError> {
    let tokens = lex(text, src, base)?;
    generated::ExprParser::new()
        .parse(src, tokens.into_iter().map(Ok::<_, SyntaxError>))
        .map_err(|e| convert(e, src, base + text.len()))
}

fn convert(error: ParseError<usize, Tok, SyntaxError>, src: SourceId, end: usize) -> SyntaxError {
    match error {
        ParseError::User { error } => error,
        ParseError::UnrecognizedEof { expected, .. } => {
            let at = Span::new(src, end, end);
            SyntaxError::new(
                format!("unexpected end of input, expected {}", expected_words(&expected)),
                at,
                "input ends here",
            )
            .incomplete()
        }
        ParseError::UnrecognizedToken { token: (l, tok, r), expected } => {
            let span = Span::new(src, l, r);
            let mut error = SyntaxError::new(
                format!("unexpected {tok}, expected {}", expected_words(&expected)),
                span,
                format!("unexpected {tok}"),
            );
            if matches!(tok, Tok::Newline) && expected.iter().any(|e| e == "BlockOpen") {
                error = error.with_help("a block starts with `{` on the same line");
            }
            error
        }
        ParseError::ExtraToken { token: (l, tok, r) } => {
            SyntaxError::new(format!("unexpected {tok}"), Span::new(src, l, r), "not expected here")
        }
        ParseError::InvalidToken { location } => {
            SyntaxError::new("invalid token", Span::new(src, location, location + 1), "here")
        }
    }
}

/// Terminals that any expression may start with: when all of these are expected, the
/// message says "an expression" instead of listing every token that can start one.
const EXPRESSION_STARTS: &[&str] = &["Ident", "Int", "Float", "Str", "\"(\"", "\"[\""];

/// Terminals that continue an expression: listed together as "an operator".
const OPERATORS: &[&str] = &[
    "\"+\"", "\"-\"", "\"*\"", "\"/\"", "\"//\"", "\"%\"", "\"**\"", "\"@\"", "\"&\"", "\"|\"", "\"^\"",
    "\"<<\"", "\">>\"", "\"==\"", "\"!=\"", "\"<\"", "\"<=\"", "\">\"", "\">=\"", "\"and\"", "\"or\"",
    "\"in\"", "\"not\"", "\"is\"", "\"(\"", "\"[\"", "\".\"",
];

fn expected_words(expected: &[String]) -> String {
    let has = |name: &str| expected.iter().any(|e| e == name);
    let mut words: Vec<String> = Vec::new();
    let expression = EXPRESSION_STARTS.iter().all(|t| has(t));
    let operator = has("\"+\"") && has("\"==\"") && has("\".\"");
    if expression {
        words.push("an expression".into());
    }
    if operator {
        words.push("an operator".into());
    }
    for name in expected {
        let covered =
            (expression && is_expression_start(name)) || (operator && OPERATORS.contains(&name.as_str()));
        if covered {
            continue;
        }
        let word = terminal_word(name);
        if !words.contains(&word) {
            words.push(word);
        }
    }
    match words.len() {
        0 => "something else".into(),
        1 => words.remove(0),
        n if n > 8 => format!("one of {} and others", words[..8].join(", ")),
        _ => {
            let last = words.pop().unwrap_or_default();
            format!("{} or {}", words.join(", "), last)
        }
    }
}

fn is_expression_start(name: &str) -> bool {
    EXPRESSION_STARTS.contains(&name)
        || matches!(
            name,
            "FStr"
                | "\"*\""
                | "\"-\""
                | "\"not\""
                | "\"{\""
                | "\"+\""
                | "\"~\""
                | "\"if\""
                | "\"|\""
                | "\"none\""
                | "\"true\""
                | "\"false\""
                | "\"...\""
                | "\"rearrange\""
                | "\"reduce\""
                | "\"repeat\""
                | "\"einsum\""
                | "\"pack\""
                | "\"unpack\""
        )
}

fn terminal_word(name: &str) -> String {
    match name {
        "Ident" => "a name".into(),
        "Int" | "Float" => "a number".into(),
        "Str" => "a string".into(),
        "FStr" => "an f-string".into(),
        "Sep" => "end of statement".into(),
        "BlockOpen" => "`{`".into(),
        quoted => format!("`{}`", quoted.trim_matches('"').replace("\\\"", "\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::StmtKind;

    fn parse(src: &str) -> Result<Vec<Stmt>, SyntaxError> {
        parse_program(src, SourceId(0))
    }

    #[test]
    fn parses_the_sketch_constructs() {
        let program = "fn f(a, b=1.0, *rest, key=2) {\n return a + b\n}\nfn sq(x) = x * x\n\
                       g = |x| x * x\nclass P(Base) { fn init(self, r) { self.r = r } }\n\
                       for i, x in enumerate(xs) { if x > 0 { continue } else { break } }\n\
                       try { raise 1 } catch e { print(e) }\nwith no_grad { x -= 1 }\n\
                       d = {\"k\": [v for v in range(3) if v > 0]}\nx = A[2:4, [0, 1], ..., none, ::2]\n\
                       y = rearrange[b c h w -> b (c h w)](x)\nz = reduce[(w d) -> w, mean](t, d=7)";
        let stmts = parse(program).unwrap();
        assert_eq!(stmts.len(), 11);
        assert!(matches!(stmts[0].node, StmtKind::FnDef(_)));
    }

    #[test]
    fn errors_say_what_was_expected() {
        let e = parse("x = = 1").unwrap_err();
        assert_eq!(&*e.message, "unexpected `=`, expected an expression");
        assert_eq!((e.span.start, e.span.end), (4, 5));
        assert!(parse("fn f(x) {").unwrap_err().incomplete);
        assert!(parse("f(x) = 3").unwrap_err().message.contains("cannot assign to a function call"));
        assert!(parse("fn f(a=1, b) {}").unwrap_err().message.contains("without a default"));
    }

    #[test]
    fn python_spellings_get_tl_hints() {
        let help = |src: &str| parse(src).unwrap_err().help.map(|h| h.to_string()).unwrap_or_default();
        assert!(help("def f(x):\n  return x\n").contains("fn f(x) {"));
        assert!(help("f = lambda x: x\n").contains("|x| expr"));
        assert!(help("if a {\n} elif b {\n}\n").contains("else if"));
        assert!(help("if a { } elif b { }\n").contains("else if"));
        assert!(help("try {\n} except ValueError:\n").contains("catch E as e"));
        assert!(help("for x in xs:\n  print(x)\n").contains("braces"));
    }

    #[test]
    fn fstring_fields_point_into_the_file() {
        let stmts = parse("f\"a{x + 1:.3f}b{y!r}\"").unwrap();
        let StmtKind::Expr(expr) = &stmts[0].node else { panic!() };
        let crate::syntax::ast::ExprKind::FString(parts) = &expr.node else { panic!() };
        assert_eq!(parts.len(), 4);
        let crate::syntax::ast::FStringPart::Field { expr, spec, .. } = &parts[1] else { panic!() };
        assert_eq!((expr.span.start, expr.span.end), (4, 9));
        assert_eq!(spec, &vec![crate::syntax::ast::FStringPart::Text(".3f".into())]);
    }
}
