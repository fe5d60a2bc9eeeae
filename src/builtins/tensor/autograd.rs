//! Autograd as tl programs see it: `requires_grad`, `.grad`, `grad_fn`, `backward`,
//! `detach`, `no_grad`/`enable_grad`, `autograd.grad` and the functional transforms
//! (`grad`, `jacobian`, `hessian`, `vjp`, `jvp`).

use super::args::{arg, required, tensor_arg};
use super::error_at;
use super::function::InterpreterHost;
use crate::autograd::engine::{self, Options};
use crate::autograd::{self, Edge};
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::span::Span;
use crate::syntax::symbol::Symbol;
use crate::tensor::print::torch_size;
use crate::tensor::scalar::Scalar;
use crate::tensor::Tensor;
use crate::value::{BoundMethod, Builtin, Class, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

pub static METHODS: &[Builtin] = &[
    Builtin::method(
        backward,
        "backward(self, gradient=None, retain_graph=None, create_graph=False) -> None

Runs the backward pass from this tensor: every leaf it was computed from that requires grad
gets the derivative added into its `.grad`. The graph is freed afterwards unless kept.

Args:
    gradient: the weight of each element (the vector of a vector-Jacobian product), of this tensor's shape; `None` for a one-element tensor
    retain_graph: keep the graph for another backward pass; `None` follows `create_graph`
    create_graph: record the backward pass itself, so the gradients can be differentiated again
Returns: `None`
Example: (|x| [(x ** 2).sum().backward(), x.grad][1])(tensor([3.], requires_grad=true))  # tensor([6.])",
    ),
    Builtin::method(
        requires_grad_,
        "requires_grad_(self, requires_grad=True) -> Tensor

Sets whether autograd records operations on this tensor, in place, and returns the tensor.
Only a leaf of floating dtype can be made to require grad.

Args:
    requires_grad: whether it requires grad
Returns: this tensor
Example: tensor([1., 2.]).requires_grad_().requires_grad  # True",
    ),
    Builtin::method(
        retain_grad,
        "retain_grad(self) -> None

Makes a tensor that is not a leaf keep its gradient in `.grad` during backward passes, as
leaves do (for a leaf it changes nothing).

Returns: `None`
Example: (|y| [y.retain_grad(), (y * 2).sum().backward(), y.grad][2])(tensor([1.], requires_grad=true) * 3)  # tensor([2.])",
    ),
    Builtin::method(
        detach,
        "detach(self) -> Tensor

A tensor sharing this one's elements but cut from the graph: it does not require grad, and
nothing computed from it reaches this tensor's history.

Returns: a tensor that is a leaf, not requiring grad
Example: (tensor([2.], requires_grad=true) * 3).detach().requires_grad  # False",
    ),
    Builtin::method(
        detach_,
        "detach_(self) -> Tensor

Cuts this tensor from the graph in place: it becomes a leaf that does not require grad.

Returns: this tensor
Example: (tensor([2.], requires_grad=true) * 3).detach_().is_leaf  # True",
    ),
];

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        set_grad_enabled,
        "set_grad_enabled(mode) -> bool

Turns gradient recording on or off for what follows (as `with no_grad` does for a block).

Args:
    mode: whether operations are recorded for autograd
Returns: the mode it replaced
Example: set_grad_enabled(true)  # True",
    ),
    Builtin::function(
        is_grad_enabled,
        "is_grad_enabled() -> bool

Whether operations are being recorded for autograd now (false inside `with no_grad`).

Returns: a bool
Example: is_grad_enabled()  # True",
    ),
    Builtin::function(
        grad_transform,
        "grad(func, argnums=0) -> function

The gradient as a function (`torch.func.grad`): the returned function takes `func`'s
arguments and gives the gradient of `func`'s one-element tensor result with respect to the
argument(s) chosen.

Args:
    func: a function of tensors that returns a one-element tensor
    argnums: the position of the argument to differentiate by, or a tuple of positions (then a tuple of gradients)
Returns: a function
Example: grad(|x| (x ** 2).sum())(tensor([1., 2.]))  # tensor([2., 4.])",
    ),
    Builtin::function(jacobian, JACOBIAN),
    Builtin::function(hessian, HESSIAN),
    Builtin::function(vjp, VJP),
    Builtin::function(jvp, JVP),
];

/// `autograd.grad`, `autograd.functional.*`.
pub static NAMESPACE: &[Builtin] = &[
    Builtin::function(
        autograd_grad,
        "grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None) -> tuple

The gradients of `outputs` with respect to `inputs`, returned instead of added into `.grad`
(which stays untouched): the sum over the outputs of each one's vector-Jacobian product.

Args:
    outputs: a tensor or a sequence of tensors to differentiate
    inputs: a tensor or a sequence of tensors to differentiate with respect to
    grad_outputs: the weight of each output (tensors of their shapes, or `None` for a one-element output)
    retain_graph: keep the graph for another backward pass; `None` follows `create_graph`
    create_graph: record the computation of the gradients, so they can be differentiated again
    only_inputs: deprecated and ignored, as in PyTorch (a warning when false)
    allow_unused: give `None` for an input the outputs do not depend on, instead of an error
Returns: a tuple with one gradient per input
Example: (|x| autograd.grad((x ** 2).sum(), x))(tensor([3.], requires_grad=true))  # (tensor([6.]),)",
    ),
    Builtin::function(jacobian, JACOBIAN),
    Builtin::function(hessian, HESSIAN),
    Builtin::function(vjp, VJP),
    Builtin::function(jvp, JVP),
];

const JACOBIAN: &str = "jacobian(func, inputs, create_graph=False) -> Tensor or tuple

The Jacobian of `func` at `inputs`: the derivative of every output element by every input
element, shaped `output.shape + input.shape`, nested in tuples where `func` takes or gives
several tensors.

Args:
    func: a function of tensors returning a tensor or a tuple of tensors
    inputs: a tensor or a tuple of tensors, the point
    create_graph: record the computation, so the Jacobian can be differentiated again
Returns: a tensor, or tuples of tensors
Example: jacobian(|x| x ** 2, tensor([3.]))  # tensor([[6.]])";

const HESSIAN: &str = "hessian(func, inputs) -> Tensor or tuple

The Hessian of the scalar function `func` at `inputs`: the second derivatives, shaped
`input.shape + input.shape`, nested in tuples where `func` takes several tensors.

Args:
    func: a function of tensors returning a one-element tensor
    inputs: a tensor or a tuple of tensors, the point
Returns: a tensor, or a tuple of tuples of tensors
Example: hessian(|x| (x ** 3).sum(), tensor([2.]))  # tensor([[12.]])";

const VJP: &str = "vjp(func, inputs, v=None) -> tuple

`func`'s value at `inputs` and the vector-Jacobian product `vᵀ J` there: the gradient of
`func`'s outputs weighted by `v`.

Args:
    func: a function of tensors returning a tensor or a tuple of tensors
    inputs: a tensor or a tuple of tensors, the point
    v: the weights, shaped as `func`'s outputs; `None` for a one-element output
Returns: a tuple `(outputs, vjp)`, each a tensor or a tuple of tensors like `func`'s outputs and `inputs`
Example: vjp(|x| x ** 2, tensor([1., 2.]), tensor([1., 1.]))  # (tensor([1., 4.]), tensor([2., 4.]))";

const JVP: &str = "jvp(func, inputs, v=None) -> tuple

`func`'s value at `inputs` and the Jacobian-vector product `J v` there: the derivative of
`func`'s outputs in the direction `v`.

Args:
    func: a function of tensors returning a tensor or a tuple of tensors
    inputs: a tensor or a tuple of tensors, the point
    v: the direction, shaped as `inputs`; `None` for a one-element input
Returns: a tuple `(outputs, jvp)`, each a tensor or a tuple of tensors like `func`'s outputs
Example: jvp(|x| x ** 2, tensor([1., 2.]), tensor([1., 0.]))  # (tensor([1., 4.]), tensor([2., 0.]))";

/// `enter` and `exit` are called on the class itself (`with no_grad { }`) or on an
/// instance (`with no_grad() { }`), so the receiver is optional.
static NO_GRAD_ENTER: Builtin = Builtin::method(
    no_grad_enter,
    "enter(self=None, /) -> None

Starts a `with no_grad` block: operations are not recorded for autograd until it ends.

Returns: `None`
Example: no_grad().enter()",
);
static ENABLE_GRAD_ENTER: Builtin = Builtin::method(
    enable_grad_enter,
    "enter(self=None, /) -> None

Starts a `with enable_grad` block: operations are recorded for autograd until it ends, even
inside `no_grad`.

Returns: `None`
Example: enable_grad().enter()",
);
static GRAD_MODE_EXIT: Builtin = Builtin::method(
    grad_mode_exit,
    "exit(self=None, /) -> None

Ends a `with no_grad` or `with enable_grad` block: the grad mode from before it comes back.

Returns: `None`
Example: no_grad().exit()",
);
static GRAD_OF: Builtin = Builtin::method(
    grad_of,
    "grad(self, /, *args) -> Tensor or tuple

The function `grad(func, argnums)` returns, called with `func`'s arguments: the gradient
of `func`'s result with respect to the chosen argument(s).

Args:
    args: `func`'s arguments, tensors
Returns: a tensor, or a tuple of tensors for a tuple of `argnums`
Example: grad(|x, y| (x * y).sum(), argnums=1)(tensor([1., 2.]), tensor([3., 4.]))  # tensor([1., 2.])",
);

thread_local! {
    /// The grad modes that `with no_grad` / `with enable_grad` blocks replaced.
    static SAVED_MODES: RefCell<Vec<bool>> = const { RefCell::new(Vec::new()) };
}

/// The context managers `no_grad` and `enable_grad`: classes whose `enter` sets grad
/// mode and whose `exit` restores it (usable as `with no_grad { }` or `no_grad()`).
pub fn context_managers() -> Vec<(&'static str, Value)> {
    [("no_grad", &NO_GRAD_ENTER), ("enable_grad", &ENABLE_GRAD_ENTER)]
        .into_iter()
        .map(|(name, enter)| {
            let mut members = IndexMap::new();
            members.insert(Symbol::intern("enter"), Value::Builtin(enter));
            members.insert(Symbol::intern("exit"), Value::Builtin(&GRAD_MODE_EXIT));
            let members = RefCell::new(members);
            let class =
                Class { name: Symbol::intern(name), doc: None, base: None, members, error_kind: None };
            (name, Value::Class(Rc::new(class)))
        })
        .collect()
}

fn enter(on: bool) -> Eval<Value> {
    SAVED_MODES.with(|s| s.borrow_mut().push(autograd::set_grad_enabled(on)));
    Ok(Value::None)
}

fn no_grad_enter(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    enter(false)
}

fn enable_grad_enter(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    enter(true)
}

fn grad_mode_exit(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    if let Some(previous) = SAVED_MODES.with(|s| s.borrow_mut().pop()) {
        autograd::set_grad_enabled(previous);
    }
    Ok(Value::None)
}

fn set_grad_enabled(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let mode = required(&mut args, 0, "mode")?;
    Ok(Value::Bool(autograd::set_grad_enabled(mode.truthy())))
}

fn is_grad_enabled(_: &mut Interpreter, _: CallArgs) -> Eval<Value> {
    Ok(Value::Bool(autograd::is_grad_enabled()))
}

const NON_LEAF_GRAD_WARNING: &str = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.";

/// `x.requires_grad`, `x.grad`, `x.grad_fn`, `x.is_leaf`.
pub fn property(t: &Tensor, name: &str) -> Option<Value> {
    Some(match name {
        "requires_grad" => Value::Bool(t.requires_grad()),
        "is_leaf" => Value::Bool(t.is_leaf()),
        "grad_fn" => t.grad_fn().map_or(Value::None, |node| Value::GradFn(Edge::Node { node, output_nr: 0 })),
        "grad" => {
            if !t.is_leaf() && !t.retains_grad() {
                crate::diag::warn("UserWarning", NON_LEAF_GRAD_WARNING);
            }
            t.grad().map_or(Value::None, Value::Tensor)
        }
        _ => return None,
    })
}

/// `x.requires_grad = flag`, `x.grad = g`; `None` for other names.
pub fn set_property(t: &Tensor, name: &str, value: &Value, span: Span) -> Option<Eval<()>> {
    Some(match (name, value) {
        ("requires_grad", v) => t.set_requires_grad(v.truthy()).map_err(|e| error_at(e, span)),
        ("grad", Value::None) => {
            t.set_grad(None);
            Ok(())
        }
        ("grad", Value::Tensor(g)) if g.shape() == t.shape() => {
            t.set_grad(Some(g.clone()));
            Ok(())
        }
        ("grad", Value::Tensor(g)) => fail(
            ErrorKind::RuntimeError,
            span,
            format!(
                "attempting to assign a gradient of size '{:?}' to a tensor of size '{:?}'. Please ensure that the gradient and the tensor are the same size",
                g.shape(),
                t.shape()
            ),
        ),
        ("grad", other) => fail(
            ErrorKind::TypeError,
            span,
            format!("assigned grad expected to be a Tensor or None but got grad of type {}", other.type_name()),
        ),
        _ => return None,
    })
}

/// `grad_fn.next_functions`, `grad_fn.variable` (of an `AccumulateGrad`), `grad_fn.name`.
pub fn grad_fn_attribute(edge: &Edge, name: &str) -> Option<Value> {
    match (edge, name) {
        (Edge::Node { node, .. }, "next_functions") => Some(Value::tuple(
            node.next
                .iter()
                .map(|e| match e {
                    Some(e @ Edge::Node { output_nr, .. }) => {
                        Value::tuple(vec![Value::GradFn(e.clone()), Value::Int(*output_nr as i64)])
                    }
                    Some(e) => Value::tuple(vec![Value::GradFn(e.clone()), Value::Int(0)]),
                    None => Value::tuple(vec![Value::None, Value::Int(0)]),
                })
                .collect(),
        )),
        (Edge::Leaf(_), "next_functions") => Some(Value::tuple(vec![])),
        (Edge::Leaf(t), "variable") => Some(Value::Tensor(t.clone())),
        (_, "name") => Some(Value::BoundMethod(Rc::new(BoundMethod {
            receiver: Value::str(edge.name()),
            method: Value::Builtin(&NODE_NAME),
        }))),
        _ => None,
    }
}

static NODE_NAME: Builtin = Builtin::method(
    |_, args| Ok(args.positional[0].clone()),
    "name(self, /) -> str

The name of a node of the backward graph, as PyTorch names it (`MulBackward0`).

Returns: a str
Example: (tensor([1.], requires_grad=true) * 2).grad_fn.name()  # 'MulBackward0'",
);

/// Parameter `name` (keyword, or position `i`), `None` when left out or given as `None`.
fn given(args: &mut CallArgs, i: usize, name: &str) -> Option<Value> {
    arg(args, i, name).filter(|v| !matches!(v, Value::None))
}

/// A flag parameter: its truth, `None` when left out or given as `None`.
fn flag(args: &mut CallArgs, i: usize, name: &str) -> Option<bool> {
    given(args, i, name).map(|v| v.truthy())
}

/// The implicit gradient of a root: ones for a scalar, PyTorch's error otherwise.
fn root_gradient(t: &Tensor, gradient: Option<Value>, span: Span) -> Eval<Tensor> {
    match gradient {
        Some(Value::Tensor(g)) => {
            if g.shape() != t.shape() {
                return fail(
                    ErrorKind::RuntimeError,
                    span,
                    format!(
                        "Mismatch in shape: grad_output[0] has a shape of {} and output[0] has a shape of {}.",
                        torch_size(g.shape()),
                        torch_size(t.shape())
                    ),
                );
            }
            Ok(g)
        }
        Some(Value::None) | None if t.numel() == 1 => {
            Ok(Tensor::full(t.shape(), Scalar::Float(1.0), t.dtype()))
        }
        Some(Value::None) | None => {
            fail(ErrorKind::RuntimeError, span, "grad can be implicitly created only for scalar outputs")
        }
        Some(other) => {
            fail(ErrorKind::TypeError, span, format!("gradient must be a Tensor, not {}", other.type_name()))
        }
    }
}

fn root_edge(t: &Tensor, i: usize, span: Span) -> Eval<Edge> {
    t.gradient_edge().map_or_else(
        || {
            fail(
                ErrorKind::RuntimeError,
                span,
                format!("element {i} of tensors does not require grad and does not have a grad_fn"),
            )
        },
        Ok,
    )
}

/// `y.backward(gradient=none, retain_graph=none, create_graph=false)`.
fn backward(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let gradient = arg(&mut args, 1, "gradient");
    let create_graph = flag(&mut args, 3, "create_graph").unwrap_or(false);
    let retain_graph = flag(&mut args, 2, "retain_graph").unwrap_or(create_graph);
    let t = tensor_arg(&args, 0)?;
    let edge = root_edge(&t, 0, args.span)?;
    let g = root_gradient(&t, gradient, args.span)?;
    let mut host = InterpreterHost::new(interp);
    let result = engine::run(vec![(edge, g)], &Options { retain_graph, create_graph }, None, &mut host);
    host.finish(result, args.span)?;
    Ok(Value::None)
}

fn requires_grad_(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let on = arg(&mut args, 1, "requires_grad").is_none_or(|v| v.truthy());
    let t = tensor_arg(&args, 0)?;
    // The method words this refusal its own way.
    if on && !t.dtype().is_float() {
        return fail(
            ErrorKind::RuntimeError,
            args.span,
            "only Tensors of floating point dtype can require gradients",
        );
    }
    t.set_requires_grad(on).map_err(|e| error_at(e, args.span))?;
    Ok(Value::Tensor(t))
}

fn retain_grad(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    tensor_arg(&args, 0)?.retain_grad().map_err(|e| error_at(e, args.span))?;
    Ok(Value::None)
}

fn detach(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    Ok(Value::Tensor(tensor_arg(&args, 0)?.detach()))
}

fn detach_(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let t = tensor_arg(&args, 0)?;
    t.detach_in_place();
    Ok(Value::Tensor(t))
}

/// A tensor or a tuple/list of tensors, as a list and whether it was a single one.
fn tensors_of(value: &Value, what: &str, span: Span) -> Eval<(Vec<Tensor>, bool)> {
    match value.as_plain_tuple() {
        Value::Tensor(t) => Ok((vec![t], true)),
        Value::Tuple(items) => Ok((tensor_items(&items, what, span)?, false)),
        Value::List(items) => Ok((tensor_items(&items.borrow(), what, span)?, false)),
        other => fail(
            ErrorKind::TypeError,
            span,
            format!("{what} must be a Tensor or a tuple of Tensors, not {}", other.type_name()),
        ),
    }
}

fn tensor_items(items: &[Value], what: &str, span: Span) -> Eval<Vec<Tensor>> {
    items
        .iter()
        .map(|v| match v {
            Value::Tensor(t) => Ok(t.clone()),
            other => fail(
                ErrorKind::TypeError,
                span,
                format!("{what} must contain Tensors, not {}", other.type_name()),
            ),
        })
        .collect()
}

/// The gradients of `outputs` (weighted by `grad_outputs`) with respect to `inputs`;
/// `None` where an input is not reached.
fn gradients(
    interp: &mut Interpreter,
    outputs: &[Tensor],
    grad_outputs: Vec<Tensor>,
    inputs: &[Tensor],
    options: &Options,
    span: Span,
) -> Eval<Vec<Option<Tensor>>> {
    let mut roots = Vec::new();
    for (i, (t, g)) in outputs.iter().zip(grad_outputs).enumerate() {
        roots.push((root_edge(t, i, span)?, g));
    }
    let capture: Vec<Edge> = inputs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            t.gradient_edge().map_or_else(
                || {
                    fail(
                        ErrorKind::RuntimeError,
                        span,
                        format!("One of the differentiated Tensors (input {i}) does not require grad"),
                    )
                },
                Ok,
            )
        })
        .collect::<Eval<_>>()?;
    let mut host = InterpreterHost::new(interp);
    let result = engine::run(roots, options, Some(&capture), &mut host);
    host.finish(result, span)
}

/// `autograd.grad(outputs, inputs, grad_outputs=none, retain_graph=none,
/// create_graph=false, only_inputs=true, allow_unused=none)`: a tuple of gradients.
fn autograd_grad(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let outputs = required(&mut args, 0, "outputs")?;
    let inputs = required(&mut args, 1, "inputs")?;
    let grad_outputs = arg(&mut args, 2, "grad_outputs");
    let create_graph = flag(&mut args, 4, "create_graph").unwrap_or(false);
    let retain_graph = flag(&mut args, 3, "retain_graph").unwrap_or(create_graph);
    if flag(&mut args, 5, "only_inputs") == Some(false) {
        crate::diag::warn("FutureWarning", ONLY_INPUTS_WARNING);
    }
    let allow_unused = flag(&mut args, 6, "allow_unused").unwrap_or(false);
    let span = args.span;
    let (outputs, _) = tensors_of(&outputs, "outputs", span)?;
    let (inputs, _) = tensors_of(&inputs, "inputs", span)?;
    let given = match grad_outputs {
        None | Some(Value::None) => vec![Value::None; outputs.len()],
        Some(v) => match v.as_plain_tuple() {
            Value::Tuple(items) => items.to_vec(),
            Value::List(items) => items.borrow().clone(),
            single => vec![single],
        },
    };
    let grad_outputs =
        outputs.iter().zip(given).map(|(t, g)| root_gradient(t, Some(g), span)).collect::<Eval<Vec<_>>>()?;
    let grads =
        gradients(interp, &outputs, grad_outputs, &inputs, &Options { retain_graph, create_graph }, span)?;
    let items = grads
        .into_iter()
        .enumerate()
        .map(|(i, g)| match g {
            Some(g) => Ok(Value::Tensor(g)),
            None if allow_unused => Ok(Value::None),
            None => fail(ErrorKind::RuntimeError, span, format!("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior. (input {i})")),
        })
        .collect::<Eval<Vec<_>>>()?;
    Ok(Value::tuple(items))
}

const ONLY_INPUTS_WARNING: &str = "only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate gradient for other parts of the graph, please use torch.autograd.backward.";

/// Fresh leaves for differentiating at `inputs`: detached copies that require grad,
/// unless an input already requires grad (a transform nested in another), in which
/// case it is used as it is so the outer transform sees through.
fn differentiable(inputs: &[Tensor], span: Span) -> Eval<Vec<Tensor>> {
    inputs
        .iter()
        .map(|t| {
            if t.requires_grad() {
                return Ok(t.clone());
            }
            let leaf = t.detach();
            leaf.set_requires_grad(true).map_err(|e| error_at(e, span))?;
            Ok(leaf)
        })
        .collect()
}

/// Calls `f` on the tensors `args`, returning its tensor outputs and whether it
/// returned a single tensor.
fn call_on(interp: &mut Interpreter, f: &Value, args: &[Tensor], span: Span) -> Eval<(Vec<Tensor>, bool)> {
    let _mode = autograd::GradMode::set(true);
    let result =
        interp.call(f.clone(), CallArgs::new(args.iter().cloned().map(Value::Tensor).collect(), span))?;
    tensors_of(&result, "the function's outputs", span)
}

/// `grad(f, argnums=0)`: a function computing the gradient of `f`'s scalar output
/// with respect to argument `argnums` (an int or a tuple of ints).
fn grad_transform(_: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let func = required(&mut args, 0, "func")?;
    let argnums = arg(&mut args, 1, "argnums").unwrap_or(Value::Int(0));
    let receiver = Value::tuple(vec![func, argnums]);
    Ok(Value::BoundMethod(Rc::new(BoundMethod { receiver, method: Value::Builtin(&GRAD_OF) })))
}

/// What `grad(f, argnums)` returns, called with `f`'s arguments.
fn grad_of(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let span = args.span;
    let Value::Tuple(bound) = &args.positional[0] else {
        return fail(ErrorKind::TypeError, span, "grad(): not a gradient function");
    };
    let (f, argnums) = (bound[0].clone(), bound[1].clone());
    let (mut inputs, _) = tensors_of(&Value::tuple(args.positional[1..].to_vec()), "arguments", span)?;
    let (which, single) = match argnums {
        Value::Int(i) => (vec![i], true),
        Value::Tuple(items) => {
            (items.iter().map(|v| if let Value::Int(i) = v { *i } else { -1 }).collect(), false)
        }
        other => {
            return fail(
                ErrorKind::TypeError,
                span,
                format!("argnums must be int or Tuple[int, ...], not {}", other.type_name()),
            )
        }
    };
    let mut positions = Vec::new();
    for i in which {
        let Some(at) = usize::try_from(i).ok().filter(|&at| at < inputs.len()) else {
            return fail(
                ErrorKind::RuntimeError,
                span,
                format!("Got argnums={i} but only {} positional inputs", inputs.len()),
            );
        };
        positions.push(at);
    }
    let nested = positions.iter().any(|&i| inputs[i].requires_grad());
    for &i in &positions {
        inputs[i] = differentiable(&inputs[i..=i], span)?.remove(0);
    }
    let (outputs, _) = call_on(interp, &f, &inputs, span)?;
    let output = match outputs.as_slice() {
        [one] if one.numel() == 1 => one,
        _ => {
            let dims = outputs.first().map_or(0, Tensor::ndim);
            return fail(ErrorKind::RuntimeError, span, format!("grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got tensor with {dims} dims. Maybe you wanted to use the vjp or jacrev APIs instead?"));
        }
    };
    let targets: Vec<Tensor> = positions.iter().map(|&i| inputs[i].clone()).collect();
    let options = Options { retain_graph: nested, create_graph: nested };
    let ones = Tensor::full(output.shape(), Scalar::Float(1.0), output.dtype());
    let grads = gradients(interp, &outputs, vec![ones], &targets, &options, span)?;
    let grads: Vec<Value> = grads
        .into_iter()
        .zip(&targets)
        .map(|(g, t)| Value::Tensor(g.unwrap_or_else(|| Tensor::zeros(t.shape(), t.dtype()))))
        .collect();
    Ok(if single { grads[0].clone() } else { Value::tuple(grads) })
}

/// The Jacobian blocks d output_i / d input_j, each shaped `output_i.shape +
/// input_j.shape`, one backward per output element.
fn jacobian_blocks(
    interp: &mut Interpreter,
    outputs: &[Tensor],
    inputs: &[Tensor],
    create_graph: bool,
    span: Span,
) -> Eval<Vec<Vec<Tensor>>> {
    let mut blocks = Vec::new();
    for output in outputs {
        let mut rows: Vec<Vec<Tensor>> = vec![Vec::new(); inputs.len()];
        for k in 0..output.numel() {
            let mut one_hot = vec![0.0; output.numel()];
            one_hot[k] = 1.0;
            let seed = Tensor::from_vec(one_hot, output.shape()).to_dtype(output.dtype());
            let options = Options { retain_graph: true, create_graph };
            let grads = if output.requires_grad() {
                gradients(interp, std::slice::from_ref(output), vec![seed], inputs, &options, span)?
            } else {
                vec![None; inputs.len()]
            };
            for ((row, g), input) in rows.iter_mut().zip(grads).zip(inputs) {
                row.push(g.unwrap_or_else(|| Tensor::zeros(input.shape(), input.dtype())));
            }
        }
        let block = rows
            .into_iter()
            .zip(inputs)
            .map(|(row, input)| {
                let mut shape: Vec<i64> = output.shape().iter().map(|&d| d as i64).collect();
                shape.extend(input.shape().iter().map(|&d| d as i64));
                let stacked = if row.is_empty() {
                    Ok(Tensor::zeros(&[0], input.dtype()))
                } else {
                    crate::autograd::ops::shape::stack(&row, 0)
                };
                stacked
                    .and_then(|s| crate::autograd::ops::shape::reshape(&s, &shape))
                    .map_err(|e| error_at(e, span))
            })
            .collect::<Eval<Vec<_>>>()?;
        blocks.push(block);
    }
    Ok(blocks)
}

/// PyTorch's nesting of Jacobian blocks: tuples where inputs or outputs were tuples.
fn nest(blocks: Vec<Vec<Tensor>>, single_output: bool, single_input: bool) -> Value {
    let row = |r: Vec<Tensor>| {
        if single_input {
            Value::Tensor(r.into_iter().next().expect("one input"))
        } else {
            Value::tuple(r.into_iter().map(Value::Tensor).collect())
        }
    };
    if single_output {
        row(blocks.into_iter().next().expect("one output"))
    } else {
        Value::tuple(blocks.into_iter().map(row).collect())
    }
}

/// `jacobian(f, inputs, create_graph=false)`.
fn jacobian(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let (func, inputs) = (required(&mut args, 0, "func")?, required(&mut args, 1, "inputs")?);
    let create_graph = flag(&mut args, 2, "create_graph").unwrap_or(false);
    let span = args.span;
    let (inputs, single_input) = tensors_of(&inputs, "inputs", span)?;
    let leaves = differentiable(&inputs, span)?;
    let (outputs, single_output) = call_on(interp, &func, &leaves, span)?;
    let blocks = jacobian_blocks(interp, &outputs, &leaves, create_graph, span)?;
    let blocks = if create_graph {
        blocks
    } else {
        blocks.into_iter().map(|r| r.into_iter().map(|t| t.detach()).collect()).collect()
    };
    Ok(nest(blocks, single_output, single_input))
}

/// `hessian(f, inputs)`: the Jacobian of the gradient of a scalar function.
fn hessian(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let (func, inputs) = (required(&mut args, 0, "func")?, required(&mut args, 1, "inputs")?);
    let span = args.span;
    let (inputs, single_input) = tensors_of(&inputs, "inputs", span)?;
    let leaves = differentiable(&inputs, span)?;
    let (outputs, _) = call_on(interp, &func, &leaves, span)?;
    if outputs.len() != 1 || outputs[0].numel() != 1 {
        return fail(
            ErrorKind::RuntimeError,
            span,
            "The function given to hessian should return a single Tensor containing a single element",
        );
    }
    let first = {
        let _mode = autograd::GradMode::set(true);
        jacobian_blocks(interp, &outputs, &leaves, true, span)?.remove(0)
    };
    let blocks = jacobian_blocks(interp, &first, &leaves, false, span)?;
    let blocks: Vec<Vec<Tensor>> = blocks
        .into_iter()
        .zip(&leaves)
        .map(|(row, input)| {
            row.into_iter()
                .map(|block| {
                    let mut shape: Vec<i64> = input.shape().iter().map(|&d| d as i64).collect();
                    shape.extend(block.shape()[input.ndim() + outputs[0].ndim()..].iter().map(|&d| d as i64));
                    crate::autograd::ops::shape::reshape(&block.detach(), &shape)
                        .map_err(|e| error_at(e, span))
                })
                .collect::<Eval<Vec<_>>>()
        })
        .collect::<Eval<_>>()?;
    Ok(nest(blocks, single_input, single_input))
}

/// Results of `vjp`/`jvp`, detached: one tensor, or a tuple where `f` took or gave one.
fn packed(tensors: Vec<Tensor>, single: bool) -> Value {
    if single {
        Value::Tensor(tensors[0].detach())
    } else {
        Value::tuple(tensors.into_iter().map(|t| Value::Tensor(t.detach())).collect())
    }
}

/// `vjp(f, inputs, v)`: `(f(inputs), vᵀ J)`.
fn vjp(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let (func, inputs) = (required(&mut args, 0, "func")?, required(&mut args, 1, "inputs")?);
    let v = arg(&mut args, 2, "v");
    let span = args.span;
    let (inputs, single_input) = tensors_of(&inputs, "inputs", span)?;
    let leaves = differentiable(&inputs, span)?;
    let (outputs, single_output) = call_on(interp, &func, &leaves, span)?;
    let seeds = match v {
        None | Some(Value::None) => {
            outputs.iter().map(|t| root_gradient(t, None, span)).collect::<Eval<Vec<_>>>()?
        }
        Some(v) => tensors_of(&v, "v", span)?.0,
    };
    let grads = gradients(
        interp,
        &outputs,
        seeds,
        &leaves,
        &Options { retain_graph: false, create_graph: false },
        span,
    )?;
    let grads: Vec<Tensor> = grads
        .into_iter()
        .zip(&leaves)
        .map(|(g, t)| g.unwrap_or_else(|| Tensor::zeros(t.shape(), t.dtype())))
        .collect();
    Ok(Value::tuple(vec![packed(outputs, single_output), packed(grads, single_input)]))
}

/// `jvp(f, inputs, v)`: `(f(inputs), J v)`, by the double-vjp trick: `J v` is the
/// derivative of `uᵀ J v` with respect to a dummy `u`.
fn jvp(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let (func, inputs) = (required(&mut args, 0, "func")?, required(&mut args, 1, "inputs")?);
    let v = arg(&mut args, 2, "v");
    let span = args.span;
    let (inputs, _) = tensors_of(&inputs, "inputs", span)?;
    let leaves = differentiable(&inputs, span)?;
    let (outputs, single_output) = call_on(interp, &func, &leaves, span)?;
    let tangents = match v {
        None | Some(Value::None) => {
            leaves.iter().map(|t| root_gradient(t, None, span)).collect::<Eval<Vec<_>>>()?
        }
        Some(v) => tensors_of(&v, "v", span)?.0,
    };
    let dummies: Vec<Tensor> = outputs
        .iter()
        .map(|t| {
            let u = Tensor::zeros(t.shape(), t.dtype());
            u.set_requires_grad(true).map(|_| u)
        })
        .collect::<Result<_, _>>()
        .map_err(|e| error_at(e, span))?;
    let _mode = autograd::GradMode::set(true);
    let vjps = gradients(
        interp,
        &outputs,
        dummies.clone(),
        &leaves,
        &Options { retain_graph: true, create_graph: true },
        span,
    )?;
    let (vjps, used): (Vec<Tensor>, Vec<Tensor>) =
        vjps.into_iter().zip(tangents).filter_map(|(g, t)| g.map(|g| (g, t))).unzip();
    let jv = if vjps.is_empty() {
        outputs.iter().map(|t| Tensor::zeros(t.shape(), t.dtype())).collect()
    } else {
        gradients(interp, &vjps, used, &dummies, &Options { retain_graph: false, create_graph: false }, span)?
            .into_iter()
            .zip(&outputs)
            .map(|(g, t)| g.unwrap_or_else(|| Tensor::zeros(t.shape(), t.dtype())))
            .collect()
    };
    Ok(Value::tuple(vec![packed(outputs, single_output), packed(jv, single_output)]))
}
