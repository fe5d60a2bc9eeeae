//! Calling values: binding arguments to parameters as Python does, and the call stack
//! that run-time errors report.

use super::bind::{missing_arguments, too_many_positional, unexpected_keyword};
use super::env::Env;
use super::error::{fail, guarded, Eval, Flow, RuntimeError, StackFrame};
use super::interpreter::{Frame, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::ast::{FunctionBody, ParamKind};
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::value::special::Special;
use crate::value::{Dict, Function, HashKey, Instance, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// The arguments of one call, evaluated, with the span of the call for errors.
#[derive(Debug)]
pub struct CallArgs {
    pub positional: Vec<Value>,
    pub keywords: Vec<(Symbol, Value)>,
    pub span: Span,
    /// The builtin being called (set by `Interpreter::call`), for its error messages.
    pub function: &'static str,
    /// The first positional argument is a method's receiver, not counted in messages.
    pub bound: bool,
}

impl CallArgs {
    pub fn new(positional: Vec<Value>, span: Span) -> CallArgs {
        CallArgs { positional, keywords: Vec::new(), span, function: "", bound: false }
    }

    /// Removes and returns a keyword argument.
    pub fn keyword(&mut self, name: &str) -> Option<Value> {
        let at = self.keywords.iter().position(|(k, _)| k.as_str() == name)?;
        Some(self.keywords.remove(at).1)
    }

    /// Checks the count of positional arguments and that no keywords are left.
    pub fn expect(&self, min: usize, max: usize) -> Eval<()> {
        let function = self.function;
        if let Some((name, _)) = self.keywords.first() {
            return fail(
                ErrorKind::TypeError,
                self.span,
                format!("{function}() got an unexpected keyword argument '{name}'"),
            );
        }
        let n = self.positional.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let receiver = usize::from(self.bound);
        let (min, max, n) = (min - receiver, max.saturating_sub(receiver), n - receiver);
        let expected = match (min, max) {
            (a, b) if a == b => format!("exactly {a} argument{}", if a == 1 { "" } else { "s" }),
            (a, usize::MAX) => format!("at least {a} argument{}", if a == 1 { "" } else { "s" }),
            (0, b) => format!("at most {b} argument{}", if b == 1 { "" } else { "s" }),
            (a, b) => format!("from {a} to {b} arguments"),
        };
        fail(ErrorKind::TypeError, self.span, format!("{function}() takes {expected} ({n} given)"))
    }
}

impl Interpreter {
    pub fn call(&mut self, callee: Value, mut args: CallArgs) -> Eval<Value> {
        match callee {
            Value::Function(f) => self.call_function(&f, args),
            Value::Builtin(b) => {
                let natives = self.natives;
                natives.call(self, b, args)
            }
            Value::BoundMethod(m) => {
                args.positional.insert(0, m.receiver.clone());
                args.bound = true;
                self.call(m.method.clone(), args)
            }
            Value::Class(class) => {
                let mut fields = IndexMap::new();
                // Python's `BaseException.__new__` keeps the arguments, whatever
                // `__init__` then does with them.
                if class.error_kind.is_some() {
                    fields.insert(Symbol::intern("args"), Value::tuple(args.positional.clone()));
                }
                let instance =
                    Value::Instance(Rc::new(Instance { class: class.clone(), fields: RefCell::new(fields) }));
                let takes_arguments = class.error_kind.is_some();
                match class.special(Special::Init) {
                    // `object.__init__` (a builtin) takes no arguments: Python's message.
                    Some(Value::Builtin(_)) | None
                        if !takes_arguments && (!args.positional.is_empty() || !args.keywords.is_empty()) =>
                    {
                        return fail(
                            ErrorKind::TypeError,
                            args.span,
                            format!("{}() takes no arguments", class.name),
                        )
                    }
                    Some(Value::Builtin(_)) | None if !takes_arguments => {}
                    None => {}
                    Some(init) => {
                        let span = args.span;
                        args.positional.insert(0, instance.clone());
                        let result = self.call(init, args)?;
                        if !matches!(result, Value::None) {
                            return fail(
                                ErrorKind::TypeError,
                                span,
                                format!("__init__() should return None, not '{}'", result.type_name()),
                            );
                        }
                    }
                }
                Ok(instance)
            }
            Value::Instance(ref inst) if inst.class.special(Special::Call).is_some() => {
                let span = args.span;
                let method = self.special_method(&callee, Special::Call, span)?;
                self.call(method.unwrap_or(Value::None), args)
            }
            Value::Descriptor(ref d) => match &**d {
                crate::value::Descriptor::StaticMethod(f) | crate::value::Descriptor::ClassMethod(f) => {
                    self.call(f.clone(), args)
                }
                crate::value::Descriptor::Property { .. } => {
                    fail(ErrorKind::TypeError, args.span, "'property' object is not callable")
                }
            },
            Value::Einops(function) => {
                let span = args.span;
                guarded(span, || self.call_einops(&function, args))
            }
            other => fail(
                ErrorKind::TypeError,
                args.span,
                format!("'{}' object is not callable", other.type_name()),
            ),
        }
    }

    fn call_function(&mut self, function: &Rc<Function>, args: CallArgs) -> Eval<Value> {
        let span = args.span;
        if self.frames.len() >= self.limits.max_depth {
            return Err(RuntimeError::new(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded",
                span,
            )
            .with_help(format!("tl allows {} nested calls", self.limits.max_depth))
            .into());
        }
        self.step(span)?;
        let env = self.bind(function, args)?;
        if function.def.scope.generator {
            return Ok(self.make_generator(function, env));
        }
        self.frames.push(Frame { function: function.clone(), env: env.clone() });
        let result = match &function.def.body {
            FunctionBody::Block(block) => match self.exec_block(block, &env) {
                Ok(()) => Ok(Value::None),
                Err(Flow::Return(value)) => Ok(value),
                Err(other) => Err(other),
            },
            FunctionBody::Expr(expr) => self.eval(expr, &env),
        };
        self.frames.pop();
        result.map_err(|flow| match flow {
            Flow::Error(mut error) => {
                error.stack.push(StackFrame { function: function.def.name.to_string(), call_span: span });
                Flow::Error(error)
            }
            other => other,
        })
    }

    /// A new scope for a call of `function` with its parameters bound to `args`.
    fn bind(&mut self, function: &Function, args: CallArgs) -> Eval<Rc<Env>> {
        let def = &function.def;
        let name = def.name;
        let env = Env::for_call(function.env.clone(), def.scope.clone());
        let params = &def.params;
        let mut slots: Vec<Option<Value>> = vec![None; params.len()];
        let normal: Vec<usize> = (0..params.len()).filter(|&i| params[i].kind == ParamKind::Normal).collect();
        let rest = params.iter().position(|p| p.kind == ParamKind::Rest);
        let kwargs = params.iter().position(|p| p.kind == ParamKind::Keywords);
        let given = args.positional.len();
        let mut extra = Vec::new();
        for (i, value) in args.positional.into_iter().enumerate() {
            match normal.get(i) {
                Some(&slot) => slots[slot] = Some(value),
                None if rest.is_some() => extra.push(value),
                None => {
                    let min = normal.iter().filter(|&&i| function.defaults[i].is_none()).count();
                    return fail(
                        ErrorKind::TypeError,
                        args.span,
                        too_many_positional(name.as_str(), min, normal.len(), given),
                    );
                }
            }
        }
        let mut extra_keywords = Dict::new();
        for (key, value) in args.keywords {
            let slot = params.iter().position(|p| {
                p.name.node == key && matches!(p.kind, ParamKind::Normal | ParamKind::KeywordOnly)
            });
            match slot {
                Some(i) if slots[i].is_some() => {
                    return fail(
                        ErrorKind::TypeError,
                        args.span,
                        format!("{name}() got multiple values for argument '{key}'"),
                    )
                }
                Some(i) => slots[i] = Some(value),
                None if kwargs.is_some() => {
                    let text = Value::str(key.as_str());
                    extra_keywords.insert(HashKey::Str(Rc::from(key.as_str())), text, value)
                }
                None => {
                    let names: Vec<&str> = params.iter().map(|p| p.name.node.as_str()).collect();
                    return Err(unexpected_keyword(name.as_str(), key.as_str(), &names, args.span).into());
                }
            }
        }
        let mut missing: Vec<(&str, ParamKind)> = Vec::new();
        for (i, param) in params.iter().enumerate() {
            let value = match param.kind {
                ParamKind::Rest => Some(Value::tuple(std::mem::take(&mut extra))),
                ParamKind::Keywords => Some(Value::Dict(Rc::new(std::mem::take(&mut extra_keywords).into()))),
                _ => slots[i].take().or_else(|| function.defaults[i].clone()),
            };
            match value {
                Some(v) => env.set(param.name.node, v),
                None => missing.push((param.name.node.as_str(), param.kind)),
            }
        }
        if !missing.is_empty() {
            let keyword_only = missing.iter().all(|(_, k)| *k == ParamKind::KeywordOnly);
            let names: Vec<&str> = missing.into_iter().map(|(n, _)| n).collect();
            return fail(
                ErrorKind::TypeError,
                args.span,
                missing_arguments(name.as_str(), &names, keyword_only),
            );
        }
        Ok(env)
    }

    /// `super()`: the instance of the running method, seen from above its class.
    pub(crate) fn super_of_current(&mut self, span: Span) -> Eval<Value> {
        let Some(frame) = self.frames.last() else {
            return fail(ErrorKind::RuntimeError, span, "super(): no enclosing method");
        };
        let function = frame.function.clone();
        let receiver = function.def.params.first().and_then(|p| frame.env.get_local(p.name.node));
        let Some(Value::Instance(instance)) = receiver.clone() else {
            return fail(
                ErrorKind::RuntimeError,
                span,
                "super(): the method's first argument is not an instance",
            );
        };
        let mut class = Some(instance.class.clone());
        while let Some(c) = class {
            let defines = c
                .members
                .borrow()
                .values()
                .any(|m| matches!(m, Value::Function(f) if Rc::ptr_eq(&f.def, &function.def)));
            if defines {
                return Ok(Value::Super(Rc::new(crate::value::SuperRef {
                    receiver: Value::Instance(instance),
                    start: c.base.clone(),
                })));
            }
            class = c.base.clone();
        }
        fail(
            ErrorKind::RuntimeError,
            span,
            "super(): the running function is not a method of this instance's class",
        )
    }
}
