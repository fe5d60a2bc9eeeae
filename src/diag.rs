//! Diagnostics: every error a user sees, rendered by miette with the source line and a
//! caret under the span; run-time errors add the tl call stack.

use crate::eval::RuntimeError;
use crate::source::SourceMap;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;

/// Why running a program failed.
#[derive(Debug)]
pub enum Failure {
    Syntax(Box<SyntaxError>),
    Runtime(Box<RuntimeError>),
    /// The program could not be read or its output not written.
    Io(String),
}

/// A warning, printed as Python's `warnings` module prints one (its category, then the
/// message) on stderr, apart from what the program prints.
pub fn warn(category: &str, message: &str) {
    eprintln!("{category}: {message}");
}

/// Width diagnostics are wrapped to; fixed so that golden files do not depend on the
/// terminal.
const WIDTH: usize = 100;

pub fn render(failure: &Failure, sources: &SourceMap, color: bool) -> String {
    match failure {
        Failure::Syntax(e) => {
            let mut labels = vec![(e.span, e.label.to_string())];
            labels.extend(e.related.as_deref().cloned());
            let help = e.help.as_deref().map(String::from);
            render_report(format!("SyntaxError: {}", e.message), &labels, help, sources, color)
        }
        Failure::Runtime(e) => {
            let label = e.label.clone().unwrap_or_else(|| "here".to_string());
            let mut text = render_report(
                if e.message.is_empty() {
                    e.class_name()
                } else {
                    format!("{}: {}", e.class_name(), e.message)
                },
                &[(user_span(e, sources), label)],
                e.help.clone(),
                sources,
                color,
            );
            if !e.stack.is_empty() {
                text.push_str(&call_stack(e, sources));
            }
            text
        }
        Failure::Io(message) => format!("error: {message}\n"),
    }
}

/// Where to point for an error: where it happened, or, when that is inside the standard
/// library, the innermost call the user's own code made (the whole way down is in the
/// call stack below the report).
fn user_span(error: &RuntimeError, sources: &SourceMap) -> Span {
    let in_stdlib = |span: Span| sources.get(span.source).is_some_and(|f| f.name.starts_with("<stdlib>"));
    if !in_stdlib(error.span) {
        return error.span;
    }
    error.stack.iter().map(|frame| frame.call_span).find(|&span| !in_stdlib(span)).unwrap_or(error.span)
}

/// The calls an error unwound through, outermost first, ending where it happened.
fn call_stack(error: &RuntimeError, sources: &SourceMap) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut caller = "<main>".to_string();
    let mut line = |span: Span, function: &str| {
        let Some(file) = sources.get(span.source) else {
            return;
        };
        let (row, col) = sources.line_col(span.source, span.start);
        let code = file.text.lines().nth(row - 1).unwrap_or("").trim();
        lines.push(format!("  {}:{row}:{col} in {function}: {code}\n", file.name));
    };
    for frame in error.stack.iter().rev() {
        line(frame.call_span, &caller);
        caller = frame.function.clone();
    }
    line(error.span, &caller);
    let mut out = String::from("call stack (most recent call last):\n");
    let mut i = 0;
    while i < lines.len() {
        let repeats = lines[i..].iter().take_while(|l| **l == lines[i]).count();
        // Like Python, show a line that repeats (recursion) a few times, then count.
        for _ in 0..repeats.min(REPEATED_FRAMES_SHOWN) {
            out.push_str(&lines[i]);
        }
        if repeats > REPEATED_FRAMES_SHOWN {
            out.push_str(&format!(
                "  [the line above repeats {} more times]\n",
                repeats - REPEATED_FRAMES_SHOWN
            ));
        }
        i += repeats;
    }
    out
}

/// A call-stack line repeated more than this is summarised.
const REPEATED_FRAMES_SHOWN: usize = 3;

fn render_report(
    message: String,
    labels: &[(Span, String)],
    help: Option<String>,
    sources: &SourceMap,
    color: bool,
) -> String {
    let primary = labels[0].0;
    let report = match sources.get(primary.source) {
        Some(file) => {
            let len = file.text.len();
            let labels = labels
                .iter()
                .filter(|(span, _)| span.source == primary.source)
                .map(|(span, label)| {
                    let start = (span.start as usize).min(len);
                    let end = (span.end as usize).clamp(start, len);
                    LabeledSpan::new(Some(label.clone()), start, end - start)
                })
                .collect();
            Report {
                message,
                help,
                labels,
                source: Some(NamedSource::new(file.name.clone(), file.text.to_string())),
            }
        }
        None => Report { message, help, labels: vec![], source: None },
    };
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(theme).with_width(WIDTH);
    if handler.render_report(&mut out, &report).is_err() {
        out = format!("{}\n", report.message);
    }
    out
}

#[derive(Debug)]
struct Report {
    message: String,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: Option<NamedSource<String>>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
}
