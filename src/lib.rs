//! tl: a scripting language whose values are differentiable tensors.
//! See `src/README.md` for the map of modules.

pub mod syntax;
