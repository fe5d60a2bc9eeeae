//! `import "file.tl" as m` and the standard-library namespaces (`math`, later `dist`,
//! `optim`, ...), which are embedded in the binary and loaded on first use.

use super::env::Env;
use super::error::{fail, Eval, Flow, StackFrame};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{ExprKind, StmtKind};
use crate::syntax::parser::parse_checked;
use crate::syntax::span::{Span, Spanned};
use crate::value::Module;
use std::path::PathBuf;
use std::rc::Rc;

impl Interpreter {
    /// Imports a standard-library module by name or a `.tl` file by path (relative to
    /// the importing file's folder). Each module runs once; later imports share it.
    pub(super) fn import(&mut self, path: &str, span: Span) -> Eval<Rc<Module>> {
        if !path.ends_with(".tl") && crate::stdlib::source(path).is_some() {
            if let Some(module) = self.stdlib_namespace(path) {
                return module;
            }
        }
        let dir = self.sources.get(span.source).map(|f| f.dir.clone()).unwrap_or_default();
        let full = dir.join(path);
        let key = full.canonicalize().unwrap_or_else(|_| full.clone()).display().to_string();
        if let Some(module) = self.modules.get(&key) {
            return Ok(module.clone());
        }
        let text = match crate::source::read_source(&full) {
            Ok(text) => text,
            Err(e) if full.exists() => {
                return fail(ErrorKind::ImportError, span, format!("cannot import \"{path}\": {e}"));
            }
            Err(e) => {
                let hint = if path.ends_with(".tl") {
                    "paths are relative to the folder of the file that imports them".to_string()
                } else {
                    let names: Vec<&str> = crate::stdlib::names().collect();
                    format!("a file path ends in .tl; standard-library modules are: {}", names.join(", "))
                };
                return Err(super::RuntimeError::new(
                    ErrorKind::ImportError,
                    format!("cannot import \"{path}\": {e}"),
                    span,
                )
                .with_help(hint)
                .into());
            }
        };
        let name = full.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let folder = full.parent().map(PathBuf::from).unwrap_or_default();
        self.load_module(key, name, path.to_string(), text.into(), folder, span)
    }

    /// The embedded standard-library module `name`, loading it if needed; `None` if
    /// there is no such module. A module that fails to load (a bug in tl) is that error.
    pub(super) fn stdlib_namespace(&mut self, name: &str) -> Option<Eval<Rc<Module>>> {
        let source = crate::stdlib::source(name)?;
        let key = format!("<stdlib>/{name}");
        if let Some(module) = self.modules.get(&key) {
            return Some(Ok(module.clone()));
        }
        let display = format!("<stdlib>/{name}.tl");
        Some(self.load_module(key, name.to_string(), display, source.into(), PathBuf::new(), Span::default()))
    }

    fn load_module(
        &mut self,
        key: String,
        name: String,
        display: String,
        text: Rc<str>,
        dir: PathBuf,
        span: Span,
    ) -> Eval<Rc<Module>> {
        if self.importing.contains(&key) {
            return fail(ErrorKind::ImportError, span, format!("circular import of \"{display}\""));
        }
        let src = self.sources.add(display, text.clone(), dir);
        let program = match parse_checked(&text, src) {
            Ok(program) => program,
            Err(error) => {
                return Err(Flow::Error(Box::new(
                    super::RuntimeError::new(
                        ErrorKind::SyntaxError,
                        format!("in imported module: {}", error.message),
                        error.span,
                    )
                    .with_label(error.label)
                    .with_stack(StackFrame { function: format!("<module {name}>"), call_span: span }),
                )))
            }
        };
        let env = Env::new(Some(self.prelude.clone()));
        self.importing.push(key.clone());
        let mut result = Ok(());
        for stmt in &program {
            result = self.exec(stmt, &env);
            if result.is_err() {
                break;
            }
        }
        self.importing.pop();
        if let Err(flow) = result {
            return Err(match flow {
                Flow::Error(mut error) => {
                    error.stack.push(StackFrame { function: format!("<module {name}>"), call_span: span });
                    Flow::Error(error)
                }
                other => other,
            });
        }
        let doc = match program.first().map(|s| &s.node) {
            Some(StmtKind::Expr(Spanned { node: ExprKind::Str(text), .. })) => Some(text.clone()),
            _ => None,
        };
        let module = Rc::new(Module { name, env, doc });
        self.modules.insert(key, module.clone());
        Ok(module)
    }
}
