//! `import torch.nn as nn`, `from math import pi`, `import "file.tl" as m`: the
//! standard-library namespaces (`math`, `dist`, `optim`, ...), embedded in the binary
//! and loaded on first use; `torch`, whose attributes are the prelude's names under
//! PyTorch's spellings; and `.tl` files.

use super::env::Env;
use super::error::{fail, Eval, Flow, RuntimeError, StackFrame};
use super::interpreter::Interpreter;
use crate::exception::ErrorKind;
use crate::storage::dtype::DType;
use crate::syntax::ast::{ExprKind, ModulePath, StmtKind};
use crate::syntax::parser::parse_checked;
use crate::syntax::span::{Span, Spanned};
use crate::syntax::symbol::Symbol;
use crate::value::Module;
use crate::value::Value;
use std::path::PathBuf;
use std::rc::Rc;

/// `torch.X` names that differ from the prelude's: PyTorch's module and dtype names.
const TORCH_ALIASES: &[(&str, &str)] = &[("distributions", "dist")];

/// The prelude's name for `torch.name`.
pub(super) fn module_name(name: Symbol) -> Symbol {
    match TORCH_ALIASES.iter().find(|(torch, _)| *torch == name.as_str()) {
        Some((_, ours)) => Symbol::intern(ours),
        None => name,
    }
}

impl Interpreter {
    /// The module `import` statements name, and the top module of a dotted path (what
    /// a plain `import a.b` binds to `a`).
    pub(super) fn import_path(&mut self, path: &ModulePath) -> Eval<(Value, Value)> {
        let names = match path {
            ModulePath::File(file) => {
                let module = Value::Module(self.import(&file.node, file.span)?);
                return Ok((module.clone(), module));
            }
            ModulePath::Dotted(names) => names,
        };
        let top = self.top_module(&names[0])?;
        let mut module = top.clone();
        for (i, name) in names.iter().enumerate().skip(1) {
            let inner = self.get_attr(&module, name.node, name.span).ok();
            module = match inner {
                Some(inner @ Value::Module(_)) => inner,
                _ => {
                    let dotted: Vec<&str> = names[..=i].iter().map(|n| n.node.as_str()).collect();
                    return fail(
                        ErrorKind::ModuleNotFoundError,
                        name.span,
                        format!("No module named '{}'", dotted.join(".")),
                    );
                }
            };
        }
        Ok((top, module))
    }

    /// A module named by its first dotted name: `torch`, a standard-library namespace, or
    /// one of the prelude's namespaces (`linalg`).
    fn top_module(&mut self, name: &Spanned<Symbol>) -> Eval<Value> {
        if name.node.as_str() == "torch" {
            return Ok(Value::Module(self.torch()));
        }
        if let Some(module) = self.stdlib_namespace(name.node.as_str()) {
            return Ok(Value::Module(module?));
        }
        if let Some(module @ Value::Module(_)) = self.prelude.get_local(name.node) {
            return Ok(module);
        }
        let error = RuntimeError::new(
            ErrorKind::ModuleNotFoundError,
            format!("No module named '{}'", name.node),
            name.span,
        );
        let known = self.module_names();
        Err(match super::expr::closest_name(name.node.as_str(), &known) {
            Some(best) => error.with_help(format!("did you mean '{best}'?")),
            None => error.with_help(format!("the modules tl has are: {}", known.join(", "))),
        }
        .into())
    }

    /// Every module `import` can name at the top level.
    fn module_names(&self) -> Vec<String> {
        let mut names: Vec<String> = crate::stdlib::names().map(String::from).collect();
        names.push("torch".into());
        for name in self.prelude.local_names() {
            if let Some(Value::Module(_)) = self.prelude.get_local(name) {
                names.push(name.to_string());
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// `torch`: PyTorch's names for the prelude's functions, dtypes and namespaces.
    fn torch(&mut self) -> Rc<Module> {
        let key = "<torch>".to_string();
        if let Some(module) = self.modules.get(&key) {
            return module.clone();
        }
        let env = Env::new(Some(self.prelude.clone()));
        for (name, dtype) in DType::TORCH_NAMES {
            env.set(Symbol::intern(name), Value::DType(*dtype));
        }
        let doc = "PyTorch's namespace: `torch.X` is the prelude's `X` (`torch.zeros is zeros`), with PyTorch's \
                   dtype names (`torch.float` is float32, `torch.long` int64) and `torch.distributions` for `dist`.";
        let module = Rc::new(Module {
            name: "torch".into(),
            env,
            doc: Some(Rc::from(doc)),
            exports_prelude: true,
            package: true,
        });
        self.modules.insert(key, module.clone());
        module
    }

    /// `from module import name`: an attribute of the module, or `ImportError`.
    pub(super) fn import_name(
        &mut self,
        module: &Value,
        path: &ModulePath,
        name: &Spanned<Symbol>,
    ) -> Eval<Value> {
        if let Ok(value) = self.get_attr(module, name.node, name.span) {
            return Ok(value);
        }
        let from = match path {
            ModulePath::Dotted(names) => names.iter().map(|n| n.node.as_str()).collect::<Vec<_>>().join("."),
            ModulePath::File(file) => file.node.clone(),
        };
        let error = RuntimeError::new(
            ErrorKind::ImportError,
            format!("cannot import name '{}' from '{from}'", name.node),
            name.span,
        );
        let candidates = self.attribute_names(module);
        Err(match super::expr::closest_name(name.node.as_str(), &candidates) {
            Some(best) => error.with_help(format!("did you mean '{best}'?")),
            None => error,
        }
        .into())
    }

    /// What `from module import *` binds: the names in the module's `__all__`, or else
    /// every name of its own scope that does not start with `_`.
    pub(super) fn public_names(&mut self, module: &Value, span: Span) -> Eval<Vec<(Symbol, Value)>> {
        let Value::Module(m) = module else {
            return fail(ErrorKind::ImportError, span, "import * needs a module");
        };
        let names: Vec<Symbol> = match m.env.get_local(Symbol::intern("__all__")) {
            Some(all) => {
                let mut names = Vec::new();
                for item in self.collect(&all, span)? {
                    match item {
                        Value::Str(name) => names.push(Symbol::intern(&name)),
                        other => {
                            return fail(
                                ErrorKind::TypeError,
                                span,
                                format!("Item in {}.__all__ must be str, not {}", m.name, other.type_name()),
                            )
                        }
                    }
                }
                names
            }
            None => m.env.local_names().into_iter().filter(|n| !n.as_str().starts_with('_')).collect(),
        };
        let mut bound = Vec::with_capacity(names.len());
        for name in names {
            let value = match m.env.get_local(name) {
                Some(value) => value,
                None => {
                    return fail(
                        ErrorKind::AttributeError,
                        span,
                        format!("module '{}' has no attribute '{name}'", m.name),
                    )
                }
            };
            bound.push((name, value));
        }
        Ok(bound)
    }

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
        let display = format!("<stdlib>/{}.tl", name.replace('.', "/"));
        Some(self.load_module(key, name.to_string(), display, source.into(), PathBuf::new(), Span::default()))
    }

    /// `package.name` where `package` is `torch` or a standard-library module: the module
    /// `stdlib/<package>/<name>.tl`, or a folder of modules there (`torch.utils`), loaded
    /// on first use and kept as the package's attribute; `None` if there is neither.
    pub(super) fn stdlib_child(&mut self, package: &Module, name: Symbol) -> Option<Eval<Value>> {
        let full = format!("{}.{name}", package.name);
        let module = match self.stdlib_namespace(&full) {
            Some(Ok(module)) => module,
            Some(Err(error)) => return Some(Err(error)),
            None if crate::stdlib::is_package(&full) => {
                let key = format!("<stdlib>/{full}");
                let folder = self.modules.get(&key).cloned().unwrap_or_else(|| {
                    let env = Env::new(None);
                    Rc::new(Module { name: full, env, doc: None, exports_prelude: false, package: true })
                });
                self.modules.insert(key, folder.clone());
                folder
            }
            None => return None,
        };
        package.env.set(name, Value::Module(module.clone()));
        Some(Ok(Value::Module(module)))
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
        // A standard-library module is a package: `nn.functional` is stdlib/nn/functional.tl.
        let package = key.starts_with("<stdlib>/");
        let module = Rc::new(Module { name, env, doc, exports_prelude: false, package });
        self.modules.insert(key, module.clone());
        Ok(module)
    }
}
