//! Splits the body of an f-string into text and `{expr!conv:spec}` fields; each field's
//! expression is parsed where it stands, so its spans point into the file.

use super::ast::FStringPart;
use super::error::SyntaxError;
use super::escape::unescape;
use super::parser::parse_expr;
use super::span::{SourceId, Span};

/// `body` is the raw text between the quotes; it starts at byte `offset` of `src`.
pub fn parse(body: &str, src: SourceId, offset: usize) -> Result<Vec<FStringPart>, SyntaxError> {
    let bytes = body.as_bytes();
    let span = |a: usize, b: usize| Span::new(src, offset + a, offset + b);
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut text_start = 0;
    let mut i = 0;
    let flush_text = |text: &mut String, start: usize, end: usize, parts: &mut Vec<FStringPart>| {
        if text.is_empty() {
            return Ok(());
        }
        let decoded = unescape(text).map_err(|esc| {
            SyntaxError::new(format!("invalid escape `{esc}` in f-string"), span(start, end), "in this text")
        })?;
        parts.push(FStringPart::Text(decoded));
        text.clear();
        Ok(())
    };
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                text.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                text.push('}');
                i += 2;
            }
            b'}' => {
                return Err(SyntaxError::new(
                    "single `}` in f-string",
                    span(i, i + 1),
                    "write `}}` for a literal brace",
                ));
            }
            b'{' => {
                flush_text(&mut text, text_start, i, &mut parts)?;
                let (field, end) = parse_field(body, i, src, offset)?;
                parts.extend(field);
                i = end;
                text_start = i;
            }
            _ => {
                let ch = body[i..].chars().next().unwrap_or(' ');
                text.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    flush_text(&mut text, text_start, i, &mut parts)?;
    Ok(parts)
}

/// Parses the field that opens at `open` (a `{`); returns its parts and the index after
/// its `}`. A field is one part, or two for Python's `{x=}`: the text `x=`, then the
/// value (its `repr` unless a conversion or spec says otherwise).
fn parse_field(
    body: &str,
    open: usize,
    src: SourceId,
    offset: usize,
) -> Result<(Vec<FStringPart>, usize), SyntaxError> {
    let bytes = body.as_bytes();
    let span = |a: usize, b: usize| Span::new(src, offset + a, offset + b);
    let unclosed =
        || SyntaxError::new("unclosed `{` in f-string", span(open, open + 1), "this field has no `}`");
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open + 1;
    let mut expr_end = None;
    let mut conversion = None;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match b {
            b'\'' | b'"' => quote = Some(b),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b'}' | b':' if depth == 0 => {
                expr_end = Some(i);
                break;
            }
            b'!' if depth == 0
                && matches!(bytes.get(i + 1), Some(b'r' | b's' | b'a'))
                && matches!(bytes.get(i + 2), Some(b':' | b'}')) =>
            {
                conversion = Some(bytes[i + 1] as char);
                expr_end = Some(i);
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let expr_end = expr_end.ok_or_else(unclosed)?;
    let mut source = &body[open + 1..expr_end];
    // `{x=}` and `{x = }`: a trailing `=` that is not part of `==`, `!=`, `<=` or `>=`.
    let trimmed = source.trim_end();
    let self_documenting = trimmed.ends_with('=')
        && !trimmed[..trimmed.len() - 1].ends_with(['=', '!', '<', '>'])
        && !trimmed[..trimmed.len() - 1].trim().is_empty();
    let mut parts = Vec::new();
    if self_documenting {
        parts.push(FStringPart::Text(source.to_string()));
        source = &trimmed[..trimmed.len() - 1];
    }
    if source.trim().is_empty() {
        return Err(SyntaxError::new(
            "empty expression in f-string",
            span(open, expr_end + 1),
            "nothing to format",
        ));
    }
    let expr = parse_expr(source, src, offset + open + 1)?;
    let mut i = expr_end + if conversion.is_some() { 2 } else { 0 };
    let mut spec = Vec::new();
    if bytes[i] == b':' {
        i += 1;
        let mut text = String::new();
        while i < bytes.len() && bytes[i] != b'}' {
            if bytes[i] == b'{' {
                if !text.is_empty() {
                    spec.push(FStringPart::Text(std::mem::take(&mut text)));
                }
                let (nested, end) = parse_field(body, i, src, offset)?;
                spec.extend(nested);
                i = end;
                continue;
            }
            let ch = body[i..].chars().next().unwrap_or(' ');
            text.push(ch);
            i += ch.len_utf8();
        }
        if i >= bytes.len() {
            return Err(unclosed());
        }
        if !text.is_empty() {
            spec.push(FStringPart::Text(text));
        }
    }
    if self_documenting && conversion.is_none() && spec.is_empty() {
        conversion = Some('r');
    }
    parts.push(FStringPart::Field { expr, conversion, spec });
    Ok((parts, i + 1))
}
