//! What classes are built from: `object` (the base every class ends at), the
//! decorators `staticmethod`, `classmethod` and `property` (with `.setter`, `.getter`,
//! `.deleter`), `NotImplemented`, and `super`.

use super::tensor::args::arg;
use crate::eval::{fail, CallArgs, Eval, Interpreter};
use crate::exception::ErrorKind;
use crate::syntax::symbol::Symbol;
use crate::value::{Builtin, Class, Descriptor, SuperRef, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin::function(
        staticmethod,
        "staticmethod(function, /) -> staticmethod

Makes a method that takes no receiver: `C.f(x)` and `C().f(x)` both call `function(x)`.
Written as the decorator `@staticmethod` before a `fn` in a class.

Args:
    function: the function to wrap
Returns: a staticmethod, which the class holds as a member
Example: class C { twice = staticmethod(|x| 2 * x) }; C.twice(4)  # 8",
    ),
    Builtin::function(
        classmethod,
        "classmethod(function, /) -> classmethod

Makes a method whose first argument is the class itself (`cls`), from the class or any of
its instances: alternative constructors are written this way. Written as the decorator
`@classmethod` before a `fn` in a class.

Args:
    function: the function to wrap
Returns: a classmethod, which the class holds as a member
Example: class C { make = classmethod(|cls| cls()) }; type(C.make()) is C  # True",
    ),
    Builtin::function(
        property,
        "property(fget=None, fset=None, fdel=None, doc=None) -> property

An attribute computed by functions: reading `obj.name` calls `fget(obj)`, assigning calls
`fset(obj, value)`, `del obj.name` calls `fdel(obj)`. Written as the decorator `@property`
before the getter, then `@name.setter` before a setter of the same name.

Args:
    fget: the function that reads the attribute
    fset: the function that assigns it; without one, assigning is an `AttributeError`
    fdel: the function that deletes it
    doc: its docstring
Returns: a property, which the class holds as a member
Example: class C { half = property(|self| self.n / 2) }; c = C(); c.n = 3; c.half  # 1.5",
    ),
    Builtin::function(
        super_,
        "super(type=None, object_or_type=None, /) -> super

`self` seen from above its class: attributes are looked up in the classes after `type` in
the hierarchy and bound to `self`, so that `super().__init__(...)` runs the base class's
`__init__`. With no arguments, `type` is the class of the running method and the object is
its first argument. The search ends at `object`, whose `__init__` does nothing.

Args:
    type: the class to search above
    object_or_type: the instance (or class) the found methods are bound to
Returns: a proxy whose attributes are the base classes' members bound to the object
Example: |self| super().__init__()",
    ),
];

/// `obj.setter(f)` and the like, on a property.
pub static PROPERTY_METHODS: &[Builtin] = &[
    Builtin::method(
        |interp, args| property_with(Part::Set, interp, args),
        "setter(self, fset, /) -> property

A copy of the property with `fset` as its setter: `@name.setter` before a `fn name(self,
value)` in a class.

Args:
    fset: the function `fset(obj, value)` that assigns the attribute
Returns: a property
Example: property(|s| 1).setter(|s, v| none)",
    ),
    Builtin::method(
        |interp, args| property_with(Part::Get, interp, args),
        "getter(self, fget, /) -> property

A copy of the property with `fget` as its getter.

Args:
    fget: the function `fget(obj)` that reads the attribute
Returns: a property
Example: property().getter(|s| 1)",
    ),
    Builtin::method(
        |interp, args| property_with(Part::Delete, interp, args),
        "deleter(self, fdel, /) -> property

A copy of the property with `fdel` as its deleter: `@name.deleter` before a `fn name(self)`.

Args:
    fdel: the function `fdel(obj)` run by `del obj.name`
Returns: a property
Example: property(|s| 1).deleter(|s| none)",
    ),
];

/// What `object` holds.
static OBJECT_MEMBERS: &[Builtin] = &[Builtin::method(
    object_init,
    "__init__(self, /, *args, **kwargs) -> None

`object`'s initialiser: it does nothing, and takes no arguments besides the instance. Every
`super().__init__()` chain ends here.

Returns: None
Example: object().__init__()",
)];

/// The constants of this module: `NotImplemented`.
pub static CONSTANTS: &[Builtin] = &[Builtin::function(
    not_implemented,
    "NotImplemented(*args, **kwargs)

What an operator method (`__add__`, `__eq__`, ...) returns when it cannot handle the other
operand: Python then tries the other operand's reflected method (`__radd__`), and `==`
falls back to identity. Calling it is a `TypeError`.

Returns: never
Example: class V { fn __add__(self, other) = NotImplemented }",
)];

/// The class `object`: the base of every class.
pub fn object_class() -> Value {
    let mut members = IndexMap::new();
    for method in OBJECT_MEMBERS {
        members.insert(Symbol::intern(method.name), Value::Builtin(method));
    }
    let doc = Some(Rc::from("The base of every class."));
    Value::Class(Rc::new(Class {
        name: Symbol::intern("object"),
        doc,
        base: None,
        members: RefCell::new(members),
        error_kind: None,
    }))
}

fn object_init(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    if args.positional.len() > 1 || !args.keywords.is_empty() {
        return fail(
            ErrorKind::TypeError,
            args.span,
            "object.__init__() takes exactly one argument (the instance to initialize)",
        );
    }
    Ok(Value::None)
}

fn not_implemented(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    fail(ErrorKind::TypeError, args.span, "'NotImplementedType' object is not callable")
}

fn callable_argument(args: &CallArgs, what: &str) -> Eval<Value> {
    let function = args.positional[0].clone();
    if !function.is_callable() {
        return fail(
            ErrorKind::TypeError,
            args.span,
            format!("{what}() needs a function, not {}", function.type_name()),
        );
    }
    Ok(function)
}

fn staticmethod(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let function = callable_argument(&args, "staticmethod")?;
    Ok(Value::Descriptor(Rc::new(Descriptor::StaticMethod(function))))
}

fn classmethod(_: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let function = callable_argument(&args, "classmethod")?;
    Ok(Value::Descriptor(Rc::new(Descriptor::ClassMethod(function))))
}

fn present(value: &Value) -> Option<Value> {
    (!matches!(value, Value::None)).then(|| value.clone())
}

fn property(interp: &mut Interpreter, mut args: CallArgs) -> Eval<Value> {
    let mut part = |i: usize, name: &str| arg(&mut args, i, name).and_then(|v| present(&v));
    let (get, set, delete, doc) = (part(0, "fget"), part(1, "fset"), part(2, "fdel"), part(3, "doc"));
    let doc = match (&doc, &get) {
        (Some(doc), _) => Some(Rc::from(interp.str_of(doc)?)),
        (None, Some(Value::Function(f))) => {
            let body = match &f.def.body {
                crate::syntax::ast::FunctionBody::Block(block) => crate::syntax::actions::docstring(block),
                crate::syntax::ast::FunctionBody::Expr(_) => None,
            };
            body.map(Rc::from)
        }
        _ => None,
    };
    Ok(Value::Descriptor(Rc::new(Descriptor::Property { get, set, delete, doc })))
}

enum Part {
    Get,
    Set,
    Delete,
}

fn property_with(part: Part, _: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    let Value::Descriptor(d) = &args.positional[0] else {
        return fail(ErrorKind::TypeError, args.span, "not a property");
    };
    let Descriptor::Property { get, set, delete, doc } = &**d else {
        return fail(ErrorKind::TypeError, args.span, "not a property");
    };
    let function = Some(args.positional[1].clone());
    let (mut get, mut set, mut delete) = (get.clone(), set.clone(), delete.clone());
    match part {
        Part::Get => get = function,
        Part::Set => set = function,
        Part::Delete => delete = function,
    }
    Ok(Value::Descriptor(Rc::new(Descriptor::Property { get, set, delete, doc: doc.clone() })))
}

fn super_(interp: &mut Interpreter, args: CallArgs) -> Eval<Value> {
    match args.positional.as_slice() {
        [] => interp.super_of_current(args.span),
        [Value::Class(class), object] => {
            let belongs = match object {
                Value::Instance(inst) => inst.class.is_subclass_of(class),
                Value::Class(c) => c.is_subclass_of(class),
                _ => false,
            };
            if !belongs {
                return fail(
                    ErrorKind::TypeError,
                    args.span,
                    "super(type, obj): obj must be an instance or subtype of type",
                );
            }
            Ok(Value::Super(Rc::new(SuperRef { receiver: object.clone(), start: class.base.clone() })))
        }
        [first, ..] if !matches!(first, Value::Class(_)) => fail(
            ErrorKind::TypeError,
            args.span,
            format!("super() argument 1 must be a type, not {}", first.type_name()),
        ),
        _ => fail(
            ErrorKind::TypeError,
            args.span,
            "super() takes two arguments or none (tl has no unbound super)",
        ),
    }
}
