//! The binary elementwise ops as the kernels see them, expanded from their declarations
//! in `crate::ops` (the tensor layer decides their broadcasting and type promotion).

/// The part of each declaration in `crate::ops` the kernels own.
macro_rules! declare {
    ($($op:ident $name:literal {
        $(node $node:literal $(or $first:literal for a number first)? $(, or $second:literal for a number second)?,
            saves $saves:expr, grad $grad:expr;)?
    })*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum BinaryOp {
            $($op),*
        }

        impl BinaryOp {
            /// Every op, in declaration order.
            pub const ALL: &'static [BinaryOp] = &[$(BinaryOp::$op),*];

            /// PyTorch's name for error messages (`add`, `bitwise_and`, ...).
            pub fn name(self) -> &'static str {
                match self {
                    $(BinaryOp::$op => $name),*
                }
            }
        }
    };
}

crate::ops::binary_ops!(declare);

impl BinaryOp {
    /// Comparisons and logical ops: their result is bool whatever they compute in.
    pub fn gives_bool(self) -> bool {
        self.is_comparison() || self.is_logical()
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        )
    }

    pub fn is_logical(self) -> bool {
        matches!(self, BinaryOp::LogicalAnd | BinaryOp::LogicalOr | BinaryOp::LogicalXor)
    }
}
