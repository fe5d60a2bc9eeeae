//! Generators: calling a function whose body yields makes a paused run of that body,
//! resumed by each `next`. A tree-walker cannot pause in the middle of its own Rust
//! recursion, so the statements that contain a `yield` (blocks, `if`, `while`, `for`,
//! `try`) are run by this small machine from an explicit stack of where each one is;
//! statements without a `yield` run as usual. `yield` is a statement (`yield x`, `yield
//! from xs`), as in most Python code; `x = yield` is not supported.

use super::env::Env;
use super::error::{fail, Eval, Flow, RuntimeError};
use super::interpreter::Interpreter;
use super::iter::ValueIter;
use crate::exception::ErrorKind;
use crate::syntax::ast::{Block, Expr, ExprKind, Handler, Stmt, StmtKind};
use crate::syntax::span::Span;
use crate::value::{Function, Value};
use std::rc::Rc;

/// A paused generator.
pub struct Generator {
    /// Keeps the syntax tree the `Place`s point into alive.
    function: Rc<Function>,
    env: Rc<Env>,
    places: Vec<Place>,
    /// The iterator of a `yield from` in progress.
    delegate: Option<Box<ValueIter>>,
    finished: bool,
}

/// Where the run is inside one statement that contains a `yield`.
enum Place {
    Block {
        block: *const Block,
        next: usize,
    },
    While {
        stmt: *const Stmt,
    },
    For {
        stmt: *const Stmt,
        items: ValueIter,
    },
    /// Inside a `try`'s body: an error stops here to look for its handler.
    Try {
        stmt: *const Stmt,
    },
    /// Inside a handler or a `finally`: errors pass on.
    Handled,
}

// SAFETY (for every dereference of a `Place` pointer below): the pointers point into the
// function's syntax tree, which `Generator::function` keeps alive and which is never
// changed after parsing.
fn block<'a>(pointer: *const Block) -> &'a Block {
    unsafe { &*pointer }
}

fn stmt<'a>(pointer: *const Stmt) -> &'a Stmt {
    unsafe { &*pointer }
}

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<generator object {}>", self.function.def.name)
    }
}

impl Generator {
    pub fn new(function: Rc<Function>, env: Rc<Env>) -> Generator {
        let places = match &function.def.body {
            crate::syntax::ast::FunctionBody::Block(body) => vec![Place::Block { block: body, next: 0 }],
            crate::syntax::ast::FunctionBody::Expr(_) => Vec::new(),
        };
        Generator { function, env, places, delegate: None, finished: false }
    }

    pub fn name(&self) -> String {
        self.function.def.name.to_string()
    }
}

/// Whether a statement holds a `yield` outside nested functions.
fn yields(stmt: &Stmt) -> bool {
    match &stmt.node {
        StmtKind::Yield(_) | StmtKind::YieldFrom(_) => true,
        StmtKind::While { body, .. } | StmtKind::For { body, .. } | StmtKind::With { body, .. } => {
            block_yields(body)
        }
        StmtKind::Try { body, handlers, orelse, finally } => {
            block_yields(body)
                || handlers.iter().any(|h| block_yields(&h.body))
                || orelse.iter().any(block_yields)
                || finally.iter().any(block_yields)
        }
        StmtKind::Expr(expr) => expr_yields(expr),
        _ => false,
    }
}

fn block_yields(block: &Block) -> bool {
    block.stmts.iter().any(yields)
}

fn expr_yields(expr: &Expr) -> bool {
    match &expr.node {
        ExprKind::If { then, otherwise, .. } => {
            block_yields(then) || otherwise.as_deref().is_some_and(expr_yields)
        }
        ExprKind::Block(block) => block_yields(block),
        _ => false,
    }
}

impl Interpreter {
    /// Runs the generator to its next `yield`: `None` once it has finished.
    pub(super) fn resume(&mut self, generator: &mut Generator, span: Span) -> Eval<Option<Value>> {
        if generator.finished {
            return Ok(None);
        }
        let depth = self.frames.len();
        let outcome = self.run_to_yield(generator, span);
        self.frames.truncate(depth);
        match outcome {
            Ok(Some(value)) => Ok(Some(value)),
            Ok(None) => {
                generator.finished = true;
                Ok(None)
            }
            Err(flow) => {
                generator.finished = true;
                Err(match flow {
                    Flow::Error(mut error) => {
                        error
                            .stack
                            .push(super::error::StackFrame { function: generator.name(), call_span: span });
                        Flow::Error(error)
                    }
                    other => other,
                })
            }
        }
    }

    fn run_to_yield(&mut self, g: &mut Generator, span: Span) -> Eval<Option<Value>> {
        loop {
            if let Some(delegate) = g.delegate.as_mut() {
                match self.next_item(delegate, span) {
                    Ok(Some(value)) => return Ok(Some(value)),
                    Ok(None) => g.delegate = None,
                    Err(flow) => self.unwind(g, flow)?,
                }
                continue;
            }
            match self.advance(g) {
                Ok(Some(value)) => return Ok(Some(value)),
                Ok(None) if g.places.is_empty() => return Ok(None),
                Ok(None) => {}
                Err(Flow::Return(_)) => return Ok(None),
                Err(flow) => self.unwind(g, flow)?,
            }
        }
    }

    /// One step of the machine: a value when a `yield` is reached.
    fn advance(&mut self, g: &mut Generator) -> Eval<Option<Value>> {
        let env = g.env.clone();
        let Some(place) = g.places.last_mut() else { return Ok(None) };
        match place {
            Place::Block { block: pointer, next } => {
                let block = block(*pointer);
                let Some(current) = block.stmts.get(*next) else {
                    g.places.pop();
                    return Ok(None);
                };
                *next += 1;
                self.start(g, current, &env)
            }
            Place::While { stmt: pointer } => {
                let StmtKind::While { cond, body } = &stmt(*pointer).node else { return Ok(None) };
                if self.condition(cond, &env)? {
                    g.places.push(Place::Block { block: body, next: 0 });
                } else {
                    g.places.pop();
                }
                Ok(None)
            }
            Place::For { stmt: pointer, items } => {
                let StmtKind::For { target, iter, body } = &stmt(*pointer).node else { return Ok(None) };
                match self.next_item(items, iter.span)? {
                    Some(item) => {
                        self.assign(target, item, &env)?;
                        g.places.push(Place::Block { block: body, next: 0 });
                    }
                    None => {
                        g.places.pop();
                    }
                }
                Ok(None)
            }
            Place::Try { stmt: pointer } => {
                // The body ended without an error: the `else`, the `finally`, then what
                // follows (pushed in reverse).
                let (orelse, finally) = match &stmt(*pointer).node {
                    StmtKind::Try { orelse, finally, .. } => (orelse.as_ref(), finally.as_ref()),
                    _ => (None, None),
                };
                g.places.pop();
                for block in [finally, orelse].into_iter().flatten() {
                    g.places.push(Place::Handled);
                    g.places.push(Place::Block { block, next: 0 });
                }
                Ok(None)
            }
            Place::Handled => {
                g.places.pop();
                Ok(None)
            }
        }
    }

    /// Begins a statement: run whole when it holds no `yield`, else entered.
    fn start(&mut self, g: &mut Generator, current: &Stmt, env: &Rc<Env>) -> Eval<Option<Value>> {
        self.step(current.span)?;
        if !yields(current) {
            self.exec(current, env)?;
            return Ok(None);
        }
        match &current.node {
            StmtKind::Yield(value) => {
                let value = match value {
                    Some(e) => self.eval(e, env)?,
                    None => Value::None,
                };
                return Ok(Some(value));
            }
            StmtKind::YieldFrom(iterable) => {
                let value = self.eval(iterable, env)?;
                g.delegate = Some(Box::new(self.iterate(&value, iterable.span)?));
            }
            StmtKind::While { .. } => g.places.push(Place::While { stmt: current }),
            StmtKind::For { iter, .. } => {
                let iterable = self.eval(iter, env)?;
                let items = self.iterate(&iterable, iter.span)?;
                g.places.push(Place::For { stmt: current, items });
            }
            StmtKind::Try { body, .. } => {
                g.places.push(Place::Try { stmt: current });
                g.places.push(Place::Block { block: body, next: 0 });
            }
            StmtKind::Expr(expr) => self.enter_if(g, expr, env)?,
            _ => {
                return fail(
                    ErrorKind::NotImplementedError,
                    current.span,
                    "tl generators yield from blocks, `if`, `while`, `for` and `try`, not from inside `with`",
                )
            }
        }
        Ok(None)
    }

    /// Enters the branch of an `if` chain whose condition holds.
    fn enter_if(&mut self, g: &mut Generator, expr: &Expr, env: &Rc<Env>) -> Eval<()> {
        match &expr.node {
            ExprKind::If { cond, then, otherwise } => {
                if self.condition(cond, env)? {
                    g.places.push(Place::Block { block: then, next: 0 });
                } else if let Some(otherwise) = otherwise {
                    self.enter_if(g, otherwise, env)?;
                }
            }
            ExprKind::Block(block) => g.places.push(Place::Block { block, next: 0 }),
            _ => {}
        }
        Ok(())
    }

    /// Where a `break`, `continue` or error raised inside the generator goes: to its
    /// loop, or to the `catch` of the innermost `try` around it; out of the generator
    /// otherwise.
    fn unwind(&mut self, g: &mut Generator, flow: Flow) -> Eval<()> {
        match flow {
            Flow::Break | Flow::Continue => {
                while let Some(place) = g.places.pop() {
                    if matches!(place, Place::While { .. } | Place::For { .. }) {
                        if matches!(flow, Flow::Continue) {
                            g.places.push(place);
                        }
                        return Ok(());
                    }
                }
                Ok(())
            }
            Flow::Error(error) => {
                g.delegate = None;
                while let Some(place) = g.places.pop() {
                    let Place::Try { stmt: pointer } = place else { continue };
                    let StmtKind::Try { handlers, finally, .. } = &stmt(pointer).node else { continue };
                    return self.enter_handler(g, *error, handlers, finally.as_ref());
                }
                Err(Flow::Error(error))
            }
            other => Err(other),
        }
    }

    fn enter_handler(
        &mut self,
        g: &mut Generator,
        error: RuntimeError,
        handlers: &[Handler],
        finally: Option<&Block>,
    ) -> Eval<()> {
        let env = g.env.clone();
        for handler in handlers {
            if !self.catches(handler, &error, &env)? {
                continue;
            }
            if let Some(name) = &handler.binding {
                env.assign(name.node, error.value());
            }
            if let Some(finally) = finally {
                g.places.push(Place::Handled);
                g.places.push(Place::Block { block: finally, next: 0 });
            }
            g.places.push(Place::Handled);
            g.places.push(Place::Block { block: &handler.body, next: 0 });
            return Ok(());
        }
        if let Some(finally) = finally {
            self.exec_block(finally, &env)?;
        }
        Err(error.into())
    }

    /// A generator for a call of `function`, its arguments bound.
    pub(super) fn make_generator(&mut self, function: &Rc<Function>, env: Rc<Env>) -> Value {
        let generator = Generator::new(function.clone(), env);
        Value::Iterator(Rc::new(std::cell::RefCell::new(ValueIter::Generator(Box::new(generator)))))
    }
}
