//! `torch.autograd.Function`: an operation whose forward and backward the program
//! writes. `apply` runs `forward(ctx, *args)` without recording, then records one node,
//! `<Name>Backward`, whose formula calls the class's `backward(ctx, *grads)` through
//! the engine's `Host`: the interpreter, which the engine does not know.

use super::error_at;
use crate::autograd::engine::Host;
use crate::autograd::node::{Custom, Record};
use crate::autograd::{GradMode, Node};
use crate::eval::{fail, CallArgs, Eval, Flow, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::tensor::{Tensor, TensorError, TensorResult};
use crate::value::{Builtin, Class, Descriptor, Instance, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The class `torch.autograd.Function`, to subclass.
pub fn function_class() -> Value {
    let mut members = IndexMap::new();
    members.insert(
        Symbol::intern("apply"),
        Value::Descriptor(Rc::new(Descriptor::ClassMethod(Value::Builtin(&APPLY)))),
    );
    for method in [&FORWARD, &BACKWARD] {
        members.insert(
            Symbol::intern(method.name),
            Value::Descriptor(Rc::new(Descriptor::StaticMethod(Value::Builtin(method)))),
        );
    }
    let doc = "The base of operations whose forward and backward the program writes, as torch.autograd.Function: \
               subclass it with `@staticmethod fn forward(ctx, *args)` and `@staticmethod fn backward(ctx, *grads)` \
               (one gradient per forward argument, None for those that need none), and call `Cls.apply(*args)`. \
               `ctx.save_for_backward(*tensors)` keeps tensors for backward (`ctx.saved_tensors`, checked against \
               in-place changes), `ctx.needs_input_grad` says which arguments need a gradient, \
               `ctx.mark_non_differentiable(*outputs)` and `ctx.set_materialize_grads(false)` work as in PyTorch. \
               The result's `grad_fn` is `<Cls>Backward`; a backward written with differentiable operations can \
               be differentiated again.";
    Value::Class(Rc::new(Class {
        name: Symbol::intern("Function"),
        doc: Some(Rc::from(doc)),
        base: None,
        members: RefCell::new(members),
        error_kind: None,
    }))
}

static APPLY: Builtin = Builtin::method(
    apply,
    "apply(cls, /, *args) -> Tensor or tuple

Runs the class's `forward(ctx, *args)` without recording history and, when an argument
requires grad, makes the outputs the results of one node whose backward is the class's
`backward(ctx, *grad_outputs)`.

Args:
    cls: the Function subclass
    args: forward's arguments (tensors and other values)
Returns: what forward returns
Example: callable(autograd.Function.apply)  # True",
);

static FORWARD: Builtin = Builtin::function(
    forward_missing,
    "forward(ctx, /, *args) -> Tensor or tuple

What a Function subclass computes; each subclass defines its own as a static method.

Args:
    ctx: the context that carries state to backward
    args: the inputs
Returns: the outputs
Example: callable(autograd.Function.forward)  # True",
);

static BACKWARD: Builtin = Builtin::function(
    backward_missing,
    "backward(ctx, /, *grad_outputs) -> Tensor or tuple

The gradients of a Function subclass's inputs from those of its outputs; each subclass
defines its own as a static method.

Args:
    ctx: the context forward filled
    grad_outputs: one gradient per output
Returns: one gradient per forward argument (None for those that need none)
Example: callable(autograd.Function.backward)  # True",
);

fn forward_missing(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail(
        ErrorKind::NotImplementedError,
        args.span,
        "You must implement the forward function for custom autograd.Function.",
    )
}

fn backward_missing(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail(
        ErrorKind::NotImplementedError,
        args.span,
        "You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.",
    )
}

/// The methods of `ctx`, the object forward and backward share.
static CONTEXT_METHODS: &[Builtin] = &[
    Builtin::method(
        save_for_backward,
        "save_for_backward(self, /, *tensors) -> None

Keeps `tensors` (or None) for backward, as `ctx.saved_tensors`; backward refuses to run if
one of them was changed in place since.

Args:
    tensors: tensors or None
Returns: None
Example: callable(autograd.Function.apply)  # True",
    ),
    Builtin::method(
        mark_non_differentiable,
        "mark_non_differentiable(self, /, *outputs) -> None

Marks outputs of forward that get no gradient (such as indices): they do not require grad.

Args:
    outputs: tensors forward returns
Returns: None
Example: callable(autograd.Function.apply)  # True",
    ),
    Builtin::method(
        set_materialize_grads,
        "set_materialize_grads(self, value, /) -> None

Whether backward receives zeros (true, the default) or None for outputs whose gradient
did not flow.

Args:
    value: a bool
Returns: None
Example: callable(autograd.Function.apply)  # True",
    ),
    Builtin::method(
        mark_dirty,
        "mark_dirty(self, /, *tensors) -> None

PyTorch's mark for inputs forward changed in place; tl's Functions do not support
in-place forwards, so this is an error.

Args:
    tensors: the changed inputs
Returns: None
Example: callable(autograd.Function.apply)  # True",
    ),
];

thread_local! {
    static CONTEXT_CLASS: Rc<Class> = {
        let mut members = IndexMap::new();
        for method in CONTEXT_METHODS {
            members.insert(Symbol::intern(method.name), Value::Builtin(method));
        }
        Rc::new(Class {
            name: Symbol::intern("FunctionCtx"),
            doc: Some(Rc::from("What a Function's forward and backward share.")),
            base: None,
            members: RefCell::new(members),
            error_kind: None,
        })
    };
    /// The node names made so far, each once (node names are static).
    static NODE_NAMES: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
}

fn context_field(ctx: &Value, name: &str) -> Option<Value> {
    let Value::Instance(inst) = ctx else { return None };
    inst.fields.borrow().get(&Symbol::intern(name)).cloned()
}

fn set_context_field(ctx: &Value, name: &str, value: Value) {
    if let Value::Instance(inst) = ctx {
        inst.fields.borrow_mut().insert(Symbol::intern(name), value);
    }
}

fn save_for_backward(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    for (i, value) in args.positional[1..].iter().enumerate() {
        if !matches!(value, Value::Tensor(_) | Value::None) {
            return fail(
                ErrorKind::TypeError,
                args.span,
                format!(
                    "save_for_backward can only save variables, but argument {i} is of type {}",
                    value.type_name()
                ),
            );
        }
    }
    set_context_field(&args.positional[0], "saved_tensors", Value::tuple(args.positional[1..].to_vec()));
    Ok(Value::None)
}

fn mark_non_differentiable(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let mut marked = match context_field(&args.positional[0], "_non_differentiable") {
        Some(Value::List(items)) => items.borrow().clone(),
        _ => Vec::new(),
    };
    marked.extend(args.positional[1..].iter().cloned());
    set_context_field(&args.positional[0], "_non_differentiable", Value::list(marked));
    Ok(Value::None)
}

fn set_materialize_grads(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let on = args.positional.get(1).is_some_and(Value::truthy);
    set_context_field(&args.positional[0], "_materialize_grads", Value::Bool(on));
    Ok(Value::None)
}

fn mark_dirty(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail(
        ErrorKind::NotImplementedError,
        args.span,
        "tl's autograd.Function does not support forwards that change their inputs in place (mark_dirty)",
    )
}

/// What the node of one `apply` keeps for backward.
struct Pending {
    class: Value,
    ctx: Value,
    /// For each forward argument, the index among the node's inputs of the tensor it
    /// was, if it was one that required grad.
    inputs: Vec<Option<usize>>,
    /// The shape of each of the node's inputs, which its gradient must have.
    input_shapes: Vec<Vec<usize>>,
    span: Span,
}

fn apply(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let span = args.span;
    let class = args.positional[0].clone();
    let forward_args = args.positional[1..].to_vec();
    let recording = crate::autograd::is_grad_enabled();
    let needs: Vec<bool> = forward_args
        .iter()
        .map(|a| recording && matches!(a, Value::Tensor(t) if t.requires_grad()))
        .collect();
    let ctx = Value::Instance(Rc::new(Instance {
        class: CONTEXT_CLASS.with(Rc::clone),
        fields: RefCell::new(IndexMap::new()),
    }));
    set_context_field(
        &ctx,
        "needs_input_grad",
        Value::tuple(needs.iter().map(|&b| Value::Bool(b)).collect()),
    );
    let forward = interp.get_attr(&class, Symbol::intern("forward"), span)?;
    let mut call_args = vec![ctx.clone()];
    call_args.extend(forward_args.iter().cloned());
    let result = {
        let _off = GradMode::set(false);
        interp
            .call(forward, CallArgs { keywords: args.keywords.clone(), ..CallArgs::new(call_args, span) })?
    };
    if !needs.iter().any(|&n| n) {
        return Ok(result);
    }
    let inputs: Vec<Tensor> = forward_args
        .iter()
        .zip(&needs)
        .filter_map(|(a, &need)| match a {
            Value::Tensor(t) if need => Some(t.clone()),
            _ => None,
        })
        .collect();
    let mut index = 0;
    let positions = needs
        .iter()
        .map(|&need| {
            need.then(|| {
                index += 1;
                index - 1
            })
        })
        .collect();
    let (outputs, rebuild) = output_tensors(&result, &inputs);
    let non_differentiable: Vec<Tensor> = match context_field(&ctx, "_non_differentiable") {
        Some(Value::List(items)) => items
            .borrow()
            .iter()
            .filter_map(|v| if let Value::Tensor(t) = v { Some(t.clone()) } else { None })
            .collect(),
        _ => Vec::new(),
    };
    let differentiable: Vec<&Tensor> =
        outputs.iter().filter(|t| !non_differentiable.iter().any(|n| n.same(t))).collect();
    let saved: Vec<Tensor> = match context_field(&ctx, "saved_tensors") {
        Some(Value::Tuple(items)) => items
            .iter()
            .filter_map(|v| if let Value::Tensor(t) = v { Some(t.clone()) } else { None })
            .collect(),
        _ => Vec::new(),
    };
    // The standard library names the nodes of its composite operations as PyTorch's
    // kernels name theirs (`_backward_name = "NllLossBackward0"`).
    let node_name = match &class {
        Value::Class(c) => match c.lookup(Symbol::intern("_backward_name")) {
            Some(Value::Str(name)) => name.to_string(),
            _ => format!("{}Backward", c.name),
        },
        _ => "FunctionBackward".into(),
    };
    let name = NODE_NAMES.with(|names| {
        *names.borrow_mut().entry(node_name.clone()).or_insert_with(|| Box::leak(node_name.into_boxed_str()))
    });
    let input_refs: Vec<&Tensor> = inputs.iter().collect();
    let saved_refs: Vec<&Tensor> =
        saved.iter().filter(|t| !differentiable.iter().any(|o| o.same(t))).collect();
    let saved_outputs: Vec<usize> = differentiable
        .iter()
        .enumerate()
        .filter(|(_, o)| saved.iter().any(|s| s.same(o)))
        .map(|(i, _)| i)
        .collect();
    let input_shapes = inputs.iter().map(|t| t.shape().to_vec()).collect();
    let pending: Custom = Rc::new(Pending { class, ctx, inputs: positions, input_shapes, span });
    Record { name, inputs: &input_refs, saved_inputs: &saved_refs, saved_outputs: &saved_outputs }
        .attach_custom(&differentiable, pending);
    Ok(rebuild)
}

/// The tensors among forward's result (one tensor, or a tuple or list of values), and
/// the result to return: an output that is an input returned unchanged becomes a new
/// tensor sharing its elements, so that the node does not take over the input.
fn output_tensors(result: &Value, inputs: &[Tensor]) -> (Vec<Tensor>, Value) {
    let fresh = |t: &Tensor| {
        if inputs.iter().any(|i| i.same(t)) || t.grad_fn().is_some() {
            t.detach()
        } else {
            t.clone()
        }
    };
    match result {
        Value::Tensor(t) => {
            let t = fresh(t);
            (vec![t.clone()], Value::Tensor(t))
        }
        Value::Tuple(items) => {
            let mut tensors = Vec::new();
            let rebuilt = items
                .iter()
                .map(|v| match v {
                    Value::Tensor(t) => {
                        let t = fresh(t);
                        tensors.push(t.clone());
                        Value::Tensor(t)
                    }
                    other => other.clone(),
                })
                .collect();
            (tensors, Value::tuple(rebuilt))
        }
        other => (Vec::new(), other.clone()),
    }
}

/// The interpreter as the engine's `Host`: runs a Function's backward, keeping the
/// first error the program raised (the engine carries only tensor errors).
pub struct InterpreterHost<'a> {
    pub interp: &'a mut Interpreter,
    pub error: Option<Flow>,
}

impl InterpreterHost<'_> {
    pub fn new(interp: &mut Interpreter) -> InterpreterHost<'_> {
        InterpreterHost { interp, error: None }
    }

    /// The engine's result, with the program's own error in place of its marker.
    pub fn finish<T>(self, result: TensorResult<T>, span: Span) -> Eval<T> {
        match (result, self.error) {
            (Ok(value), _) => Ok(value),
            (Err(_), Some(flow)) => Err(flow),
            (Err(e), None) => Err(error_at(e, span)),
        }
    }
}

impl Host for InterpreterHost<'_> {
    fn backward(
        &mut self,
        custom: &Custom,
        node: &Node,
        grads: &[Option<Tensor>],
    ) -> TensorResult<Vec<Option<Tensor>>> {
        let Some(pending) = custom.downcast_ref::<Pending>() else {
            return Err(TensorError::runtime("a custom backward of an unknown kind"));
        };
        match run_backward(self.interp, pending, node, grads) {
            Ok(grads) => Ok(grads),
            Err(flow) => {
                self.error = Some(flow);
                Err(TensorError::runtime("the program's backward failed"))
            }
        }
    }
}

fn run_backward(
    interp: &mut Interpreter,
    pending: &Pending,
    node: &Node,
    grads: &[Option<Tensor>],
) -> Eval<Vec<Option<Tensor>>> {
    let span = pending.span;
    let materialize = !matches!(context_field(&pending.ctx, "_materialize_grads"), Some(Value::Bool(false)));
    let mut call_args = vec![pending.ctx.clone()];
    for (g, info) in grads.iter().zip(&node.outputs) {
        call_args.push(match g {
            Some(g) => Value::Tensor(g.clone()),
            None if materialize => Value::Tensor(Tensor::zeros(&info.shape, info.dtype)),
            None => Value::None,
        });
    }
    let backward = interp.get_attr(&pending.class, Symbol::intern("backward"), span)?;
    let returned = interp.call(backward, CallArgs::new(call_args, span))?;
    let returned = match returned {
        Value::Tuple(items) => items.to_vec(),
        one => vec![one],
    };
    let expected = pending.inputs.len();
    if returned.len() != expected {
        return fail(
            ErrorKind::RuntimeError,
            span,
            format!(
                "function {} returned an incorrect number of gradients (expected {expected}, got {})",
                node.name,
                returned.len()
            ),
        );
    }
    let mut input_grads = vec![None; node.next.len()];
    for (i, (value, slot)) in returned.into_iter().zip(&pending.inputs).enumerate() {
        let Some(slot) = slot else { continue };
        match value {
            Value::None => {}
            Value::Tensor(g) => {
                let shape = &pending.input_shapes[*slot];
                if g.shape() != shape.as_slice() {
                    return fail(
                        ErrorKind::RuntimeError,
                        span,
                        format!(
                            "Function {} returned an invalid gradient at index {i} - got {:?} but expected shape compatible with {:?}",
                            node.name,
                            g.shape(),
                            shape
                        ),
                    );
                }
                input_grads[*slot] = Some(g);
            }
            other => {
                return fail(
                    ErrorKind::TypeError,
                    span,
                    format!(
                        "function {} returned a gradient different than None at position {} of type {}, but expected a Tensor",
                        node.name,
                        i + 1,
                        other.type_name()
                    ),
                )
            }
        }
    }
    Ok(input_grads)
}
