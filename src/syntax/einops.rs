//! Parse-time checks of einops patterns. A pattern is part of the syntax, so einops'
//! pattern errors (an axis on one side only, duplicates, a second ellipsis, nested
//! brackets, ...) are syntax errors pointing at the offending axis, reported before
//! the script runs. What depends on the input (its rank, axis lengths) is checked when
//! the form is applied (`crate::einops`).

use super::ast::{Axis, AxisList, EinopsForm, EinopsKind, ExprKind};
use super::error::SyntaxError;
use super::span::{Span, Spanned};
use super::symbol::Symbol;
use std::fmt::Write;

/// The reductions `reduce[..., op]` knows by name; any other op is a function value.
pub const REDUCTIONS: &[&str] = &["sum", "mean", "max", "min", "prod", "any", "all"];

/// One axis of a side, with whether it sits inside brackets.
struct Term<'a> {
    axis: &'a Spanned<Axis>,
    bracketed: bool,
}

/// The axes of a side in order, groups opened one level.
fn terms(side: &AxisList) -> Result<Vec<Term<'_>>, SyntaxError> {
    let mut out = Vec::new();
    for axis in side {
        match &axis.node {
            Axis::Group(inner) => {
                for member in inner {
                    if matches!(member.node, Axis::Group(_)) {
                        return Err(SyntaxError::new(
                            "brackets inside brackets: an axis composition is one level",
                            member.span,
                            "nested composition",
                        ));
                    }
                    out.push(Term { axis: member, bracketed: true });
                }
            }
            _ => out.push(Term { axis, bracketed: false }),
        }
    }
    Ok(out)
}

fn name_of(term: &Term) -> Option<Symbol> {
    match term.axis.node {
        Axis::Name(name) => Some(name),
        _ => None,
    }
}

/// The named axes of a side, each with where it is.
fn names(terms: &[Term]) -> Vec<(Symbol, Span)> {
    terms.iter().filter_map(|t| name_of(t).map(|n| (n, t.axis.span))).collect()
}

/// The checks every side gets: positive anonymous lengths, `*` only where it means
/// something, one ellipsis, and no name twice (einsum inputs may repeat a name).
fn check_side(terms: &[Term], kind: EinopsKind, duplicates_allowed: bool) -> Result<(), SyntaxError> {
    let mut seen: Vec<(Symbol, Span)> = Vec::new();
    let mut ellipsis: Option<Span> = None;
    for term in terms {
        let span = term.axis.span;
        match term.axis.node {
            Axis::Anonymous(n) if n < 1 => {
                return Err(SyntaxError::new(
                    format!("an anonymous axis needs a positive length, not {n}"),
                    span,
                    "not a length",
                ))
            }
            Axis::Star if !matches!(kind, EinopsKind::Pack | EinopsKind::Unpack) => {
                return Err(SyntaxError::new(
                    format!("`*` belongs to pack and unpack patterns, not {}", kind.name()),
                    span,
                    "not an axis here",
                ))
            }
            Axis::Ellipsis => {
                if let Some(first) = ellipsis {
                    return Err(SyntaxError::new(
                        "only one ellipsis `...` per side",
                        span,
                        "second ellipsis",
                    )
                    .with_related(first, "first ellipsis"));
                }
                ellipsis = Some(span);
            }
            Axis::Name(name) => {
                if let Some(&(_, first)) =
                    seen.iter().find(|(n, _)| *n == name).filter(|_| !duplicates_allowed)
                {
                    return Err(SyntaxError::new(format!("duplicate axis `{name}`"), span, "second time")
                        .with_related(first, "first time"));
                }
                seen.push((name, span));
            }
            _ => {}
        }
    }
    Ok(())
}

fn ellipsis_of<'a>(terms: &'a [Term]) -> Option<&'a Term<'a>> {
    terms.iter().find(|t| matches!(t.axis.node, Axis::Ellipsis))
}

/// An anonymous axis longer than 1 (a unit `1` is not an axis of its own).
fn long_anonymous<'a>(terms: &'a [Term]) -> Option<&'a Term<'a>> {
    terms.iter().find(|t| matches!(t.axis.node, Axis::Anonymous(n) if n > 1))
}

/// The first named axis of `side` that `other` lacks.
fn missing_from(side: &[Term], other: &[Term]) -> Option<(Symbol, Span)> {
    let other = names(other);
    names(side).into_iter().find(|(n, _)| !other.iter().any(|(m, _)| m == n))
}

/// Checks a form's pattern; the grammar calls this on every form it parses.
pub fn check(form: &EinopsForm) -> Result<(), SyntaxError> {
    match form.kind {
        EinopsKind::Rearrange | EinopsKind::Reduce | EinopsKind::Repeat => check_transform(form),
        EinopsKind::Einsum => check_einsum(form),
        EinopsKind::Pack | EinopsKind::Unpack => check_pack(form),
    }
}

fn check_transform(form: &EinopsForm) -> Result<(), SyntaxError> {
    let kind = form.kind.name();
    let (left, right) = (terms(&form.inputs[0])?, terms(&form.output)?);
    check_side(&left, form.kind, false)?;
    check_side(&right, form.kind, false)?;
    if let Some(term) = ellipsis_of(&left).filter(|t| t.bracketed) {
        return Err(SyntaxError::new(
            "an ellipsis inside brackets is only allowed on the right side",
            term.axis.span,
            "bracketed on the left",
        ));
    }
    if let (None, Some(term)) = (ellipsis_of(&left), ellipsis_of(&right)) {
        return Err(SyntaxError::new(
            "an ellipsis on the right side needs one on the left side",
            term.axis.span,
            "no `...` on the left",
        ));
    }
    if let (Some(term), None, false) =
        (ellipsis_of(&left), ellipsis_of(&right), form.kind == EinopsKind::Reduce)
    {
        return Err(SyntaxError::new(
            format!("the ellipsis is only on the left side of {kind}"),
            term.axis.span,
            "no `...` on the right",
        )
        .with_help("only reduce removes the axes of an ellipsis"));
    }
    let one_side_only = |(name, span): (Symbol, Span), side: &str, what: &str| {
        Err(SyntaxError::new(
            format!("axis `{name}` is only on the {side} side of {kind}"),
            span,
            what.to_string(),
        ))
    };
    match form.kind {
        EinopsKind::Rearrange => {
            if let Some(term) = long_anonymous(&left).or(long_anonymous(&right)) {
                return Err(SyntaxError::new(
                    "rearrange takes no anonymous axes (numbers other than 1)",
                    term.axis.span,
                    "a number in rearrange",
                )
                .with_help("use repeat to add an axis of a given length, reduce to remove one"));
            }
            if let Some(missing) = missing_from(&left, &right) {
                return one_side_only(missing, "left", "not on the right");
            }
            if let Some(missing) = missing_from(&right, &left) {
                return one_side_only(missing, "right", "not on the left");
            }
        }
        EinopsKind::Repeat => {
            if let Some(term) = long_anonymous(&left) {
                return Err(SyntaxError::new(
                    "repeat takes anonymous axes on the right side only",
                    term.axis.span,
                    "on the left of repeat",
                ));
            }
            if let Some(missing) = missing_from(&left, &right) {
                return one_side_only(missing, "left", "not on the right")
                    .map_err(|e: SyntaxError| e.with_help("repeat only adds axes; reduce removes them"));
            }
        }
        _ => {
            if let Some(term) = long_anonymous(&right) {
                return Err(SyntaxError::new(
                    "reduce takes anonymous axes on the left side only",
                    term.axis.span,
                    "on the right of reduce",
                ));
            }
            if let Some(missing) = missing_from(&right, &left) {
                return one_side_only(missing, "right", "not on the left")
                    .map_err(|e: SyntaxError| e.with_help("reduce only removes axes; repeat adds them"));
            }
            check_reduction(form)?;
        }
    }
    Ok(())
}

/// `reduce[..., op]`: op is a reduction's name or an expression for a function value;
/// a literal that is neither is caught here.
fn check_reduction(form: &EinopsForm) -> Result<(), SyntaxError> {
    let Some(op) = &form.reduction else { return Ok(()) };
    let unknown = |what: String| {
        Err(SyntaxError::new(format!("unknown reduction {what}"), op.span, "not a reduction")
            .with_help(format!("use one of {} or a function f(tensor, dims)", REDUCTIONS.join(" "))))
    };
    match &op.node {
        ExprKind::Str(name) if !REDUCTIONS.contains(&&**name) => unknown(format!("\"{name}\"")),
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Bool(_) | ExprKind::None => {
            unknown("(a constant is not a function)".into())
        }
        ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::Dict(_) | ExprKind::FString(_) => {
            unknown("(a literal is not a function)".into())
        }
        _ => Ok(()),
    }
}

fn check_einsum(form: &EinopsForm) -> Result<(), SyntaxError> {
    let mut inputs = Vec::new();
    for side in &form.inputs {
        inputs.push(einsum_side(side, form.kind, true)?);
    }
    let output = einsum_side(&form.output, form.kind, false)?;
    for (name, span) in names(&output) {
        if !inputs.iter().any(|side| names(side).iter().any(|(n, _)| *n == name)) {
            return Err(SyntaxError::new(
                format!("axis `{name}` of the output is in no input"),
                span,
                "unknown axis",
            ));
        }
    }
    if let Some(term) = ellipsis_of(&output) {
        if !inputs.iter().any(|side| ellipsis_of(side).is_some()) {
            return Err(SyntaxError::new(
                "an ellipsis in the output needs one in an input",
                term.axis.span,
                "no input has `...`",
            ));
        }
    }
    Ok(())
}

/// One side of an einsum: single names and an ellipsis only.
fn einsum_side(
    side: &AxisList,
    kind: EinopsKind,
    duplicates_allowed: bool,
) -> Result<Vec<Term<'_>>, SyntaxError> {
    for axis in side {
        let refuse = |message: &str, label: &str| {
            Err(SyntaxError::new(message.to_string(), axis.span, label.to_string()))
        };
        match axis.node {
            Axis::Group(_) => return refuse("einsum takes no compositions (bracketed axes)", "composition"),
            Axis::Anonymous(_) => {
                return refuse("einsum takes no anonymous or unit axes", "a number in einsum")
            }
            _ => {}
        }
    }
    let side_terms = terms(side)?;
    check_side(&side_terms, kind, duplicates_allowed)?;
    Ok(side_terms)
}

fn check_pack(form: &EinopsForm) -> Result<(), SyntaxError> {
    let side = &form.inputs[0];
    for axis in side {
        if !matches!(axis.node, Axis::Name(_) | Axis::Star) {
            return Err(SyntaxError::new(
                format!("{} patterns take axis names and one `*` only", form.kind.name()),
                axis.span,
                "not a name",
            ));
        }
    }
    let side_terms = terms(side)?;
    check_side(&side_terms, form.kind, false)?;
    let stars: Vec<Span> = side.iter().filter(|a| matches!(a.node, Axis::Star)).map(|a| a.span).collect();
    match stars.as_slice() {
        [] => Err(SyntaxError::new(
            format!("a {} pattern needs one `*` for the packed axes", form.kind.name()),
            form.span,
            "no `*`",
        )),
        [_] => Ok(()),
        [first, second, ..] => Err(SyntaxError::new("only one `*` per pattern", *second, "second `*`")
            .with_related(*first, "first `*`")),
    }
}

/// A side as written: `b (h w) ...`.
pub fn side_text(side: &AxisList) -> String {
    let mut out = String::new();
    for (i, axis) in side.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match &axis.node {
            Axis::Name(name) => out.push_str(name.as_str()),
            Axis::Anonymous(n) => write!(out, "{n}").unwrap_or(()),
            Axis::Ellipsis => out.push_str("..."),
            Axis::Star => out.push('*'),
            Axis::Group(inner) => write!(out, "({})", side_text(inner)).unwrap_or(()),
        }
    }
    out
}

/// The pattern as written: `b c -> c b`, `i j, j k -> i k`, `b *`.
pub fn pattern_text(form: &EinopsForm) -> String {
    let inputs: Vec<String> = form.inputs.iter().map(side_text).collect();
    match form.kind {
        EinopsKind::Pack | EinopsKind::Unpack => inputs.join(", "),
        _ => format!("{} -> {}", inputs.join(", "), side_text(&form.output)),
    }
}
