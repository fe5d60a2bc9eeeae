//! The prelude: functions written in Rust that every program sees, and the methods of
//! the built-in types.

mod convert;
mod core;
mod errors;
mod math;
pub mod methods;
pub(crate) mod sequences;

use crate::eval::Env;
use crate::syntax::symbol::Symbol;
use crate::value::{Builtin, Value};

/// Installs every builtin and constant into the prelude scope.
pub fn install(prelude: &Env) {
    let tables: [&'static [Builtin]; 6] = [
        core::BUILTINS,
        convert::BUILTINS,
        sequences::BUILTINS,
        math::BUILTINS,
        errors::BUILTINS,
        errors::TYPES,
    ];
    for table in tables {
        for builtin in table {
            prelude.set(Symbol::intern(builtin.name), Value::Builtin(builtin));
        }
    }
    for (name, value) in math::CONSTANTS {
        prelude.set(Symbol::intern(name), Value::Float(*value));
    }
}

/// The builtin that `type(x)` returns for a value of a built-in type.
pub fn type_object(type_name: &str) -> Option<&'static Builtin> {
    [convert::BUILTINS, errors::BUILTINS, errors::TYPES]
        .into_iter()
        .flatten()
        .find(|b| b.name == type_name)
}
