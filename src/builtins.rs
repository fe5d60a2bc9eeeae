//! The prelude: functions written in Rust that every program sees, and the methods of
//! the built-in types.

mod call;
mod classes;
mod convert;
mod core;
mod errors;
pub(crate) mod help;
pub(crate) mod math;
pub mod methods;
mod natives;
mod plot;
pub(crate) mod sequences;
mod system;
pub mod tensor;

use crate::eval::Env;
use crate::storage::dtype::DType;
use crate::syntax::symbol::Symbol;
use crate::tensor::device::Device;
use crate::value::{Builtin, Module, Value};
use std::rc::Rc;

/// Every table of builtins the prelude and tensors see. An entry's `kind` says whether
/// it is installed as a function, looked up as a tensor method (in this order, first
/// found wins), or both; `help`, `dir`, completion and `tl doc` walk the same list.
pub static TABLES: &[&[Builtin]] = &[
    core::BUILTINS,
    system::BUILTINS,
    classes::BUILTINS,
    classes::CONSTANTS,
    help::BUILTINS,
    convert::BUILTINS,
    sequences::BUILTINS,
    errors::BUILTINS,
    errors::TYPES,
    tensor::create::BUILTINS,
    tensor::create::TYPES,
    tensor::methods::BUILTINS,
    tensor::device::BUILTINS,
    tensor::device::METHODS,
    tensor::autograd::BUILTINS,
    tensor::autograd::METHODS,
    tensor::random::BUILTINS,
    tensor::gather::BUILTINS,
    tensor::sort::BUILTINS,
    tensor::arrange::BUILTINS,
    tensor::arrange::METHODS,
    tensor::linalg::BUILTINS,
    tensor::reduce::BUILTINS,
    tensor::elementwise::BUILTINS,
    tensor::elementwise::IN_PLACE,
    math::BUILTINS,
    tensor::special::BUILTINS,
    tensor::histogram::BUILTINS,
    tensor::io::BUILTINS,
    plot::BUILTINS,
];

/// The builtins of the namespaces (`linalg.norm`, `autograd.grad`), by namespace.
pub static NAMESPACES: &[(&str, &[Builtin])] = &[
    ("linalg", tensor::linalg::NAMESPACE),
    ("autograd", tensor::autograd::NAMESPACE),
    ("time", system::TIME),
    ("os", system::OS),
    ("os.path", system::OS_PATH),
    ("sys", system::SYS),
    ("_io", system::IO),
];

/// Installs every builtin and constant into the prelude scope.
fn install(prelude: &Env) {
    for builtin in TABLES.iter().flat_map(|t| t.iter()).filter(|b| b.is_function()) {
        // Python's `sum max min any all` come first and hand tensors on to the reductions.
        let name = Symbol::intern(builtin.name);
        if prelude.get_local(name).is_none() {
            prelude.set(name, Value::Builtin(builtin));
        }
    }
    prelude.set(Symbol::intern("object"), classes::object_class());
    prelude.set(Symbol::intern("cpu"), Value::Device(Device::Cpu));
    prelude.set(Symbol::intern("cuda"), Value::Device(Device::Cuda(0)));
    let linalg = namespace(tensor::linalg::NAMESPACE);
    prelude.set(Symbol::intern("linalg"), Value::Module(Module::namespace("linalg", linalg)));
    for (name, manager) in tensor::autograd::context_managers() {
        prelude.set(Symbol::intern(name), manager);
    }
    // `special.gammaln` and the like: the prelude's functions under torch.special's names.
    let special = Env::new(None);
    for (name, target) in tensor::special::namespace() {
        if let Some(value) = prelude.get_local(Symbol::intern(target)) {
            special.set(Symbol::intern(name), value);
        }
    }
    prelude.set(Symbol::intern("special"), Value::Module(Module::namespace("special", special)));
    let autograd = Module::namespace("autograd", namespace(tensor::autograd::NAMESPACE));
    // `autograd.functional.jacobian` as in PyTorch, and `autograd.jacobian` for short.
    autograd.env.set(Symbol::intern("functional"), Value::Module(autograd.clone()));
    autograd.env.set(Symbol::intern("Function"), tensor::function::function_class());
    prelude.set(Symbol::intern("autograd"), Value::Module(autograd));
    for name in ["time", "_io"] {
        let table = NAMESPACES.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, t)| *t);
        prelude.set(Symbol::intern(name), Value::Module(Module::namespace(name, namespace(table))));
    }
    let os = Module::namespace("os", namespace(system::OS));
    os.env
        .set(Symbol::intern("path"), Value::Module(Module::namespace("os.path", namespace(system::OS_PATH))));
    os.env.set(Symbol::intern("sep"), Value::str("/"));
    prelude.set(Symbol::intern("os"), Value::Module(os));
    let sys = Module::namespace("sys", namespace(system::SYS));
    sys.env.set(Symbol::intern("argv"), Value::list(vec![]));
    sys.env.set(Symbol::intern("maxsize"), Value::Int(i64::MAX));
    sys.env.set(Symbol::intern("platform"), Value::str(std::env::consts::OS));
    prelude.set(Symbol::intern("sys"), Value::Module(sys));
    for (name, value) in math::CONSTANTS {
        prelude.set(Symbol::intern(name), Value::Float(*value));
    }
    // `bool` stays the conversion function; as a `dtype=` it means the bool dtype.
    for dtype in DType::ALL.into_iter().filter(|d| *d != DType::Bool) {
        prelude.set(Symbol::intern(dtype.name()), Value::DType(dtype));
    }
    for alias in ["double", "long", "half", "short"] {
        if let Some(dtype) = DType::from_name(alias) {
            prelude.set(Symbol::intern(alias), Value::DType(dtype));
        }
    }
}

fn namespace(table: &'static [Builtin]) -> Rc<Env> {
    let env = Env::new(None);
    for builtin in table {
        env.set(Symbol::intern(builtin.name), Value::Builtin(builtin));
    }
    env
}

/// The builtin that `type(x)` returns for a value of a built-in type.
pub fn type_object(type_name: &str) -> Option<&'static Builtin> {
    [convert::BUILTINS, errors::BUILTINS, errors::TYPES, tensor::create::TYPES]
        .into_iter()
        .flatten()
        .find(|b| b.name == type_name)
}
