//! The one error type of the syntax layer: lexing, parsing and the checks made on the
//! syntax tree all report a `SyntaxError`.

use super::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: Box<str>,
    pub span: Span,
    /// The short text printed under the caret.
    pub label: Box<str>,
    pub help: Option<Box<str>>,
    /// A second place that explains the first (the bracket a wrong closer should match).
    pub related: Option<Box<(Span, String)>>,
    /// The input stopped before the construct was finished (an open bracket, a missing
    /// block): the REPL asks for another line instead of reporting it.
    pub incomplete: bool,
}

impl SyntaxError {
    pub fn new(message: impl Into<Box<str>>, span: Span, label: impl Into<Box<str>>) -> Self {
        SyntaxError {
            message: message.into(),
            span,
            label: label.into(),
            help: None,
            related: None,
            incomplete: false,
        }
    }

    pub fn with_help(mut self, help: impl Into<Box<str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related = Some(Box::new((span, label.into())));
        self
    }

    pub fn incomplete(mut self) -> Self {
        self.incomplete = true;
        self
    }
}
