//! Python's `set` and `frozenset`: hashable items without duplicates. tl keeps them in
//! insertion order (CPython's order follows the items' hashes, so a program that prints a
//! set should print `sorted(s)` to agree with CPython everywhere).

use super::dict::{Dict, HashKey};
use super::Value;

#[derive(Clone, Debug, Default)]
pub struct Set {
    pub items: Dict,
    /// A `frozenset`: no method changes it.
    pub frozen: bool,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set { items: Dict::new(), frozen }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains(&self, key: &HashKey) -> bool {
        self.items.contains_key(key)
    }

    pub fn insert(&mut self, key: HashKey, item: Value) {
        self.items.insert(key, item, Value::None);
    }

    pub fn remove(&mut self, key: &HashKey) -> bool {
        self.items.remove(key).is_some()
    }

    pub fn values(&self) -> Vec<Value> {
        self.items.keys()
    }

    /// Each item with its key, in insertion order.
    fn entries(&self) -> impl Iterator<Item = (&HashKey, &Value)> {
        self.items.entries().map(|(key, item, _)| (key, item))
    }

    /// Whether every item of `self` is in `other`.
    pub fn is_subset(&self, other: &Set) -> bool {
        self.entries().all(|(key, _)| other.contains(key))
    }

    /// The items of `self` whose keys `keep` accepts, as a set of `self`'s kind.
    pub fn filtered(&self, keep: impl Fn(&HashKey) -> bool) -> Set {
        let mut out = Set::new(self.frozen);
        for (key, item) in self.entries().filter(|(key, _)| keep(key)) {
            out.insert(key.clone(), item.clone());
        }
        out
    }

    /// `self | other`, `self & other`, `self - other`, `self ^ other`.
    pub fn combine(&self, op: SetOp, other: &Set) -> Set {
        match op {
            SetOp::Union => {
                let mut out = self.clone();
                for (key, item) in other.entries().filter(|(key, _)| !self.contains(key)) {
                    out.insert(key.clone(), item.clone());
                }
                out
            }
            SetOp::Intersection => self.filtered(|key| other.contains(key)),
            SetOp::Difference => self.filtered(|key| !other.contains(key)),
            SetOp::SymmetricDifference => {
                let mut out = self.filtered(|key| !other.contains(key));
                for (key, item) in other.entries().filter(|(key, _)| !self.contains(key)) {
                    out.insert(key.clone(), item.clone());
                }
                out
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

impl SetOp {
    pub fn of(op: crate::syntax::ast::BinOp) -> Option<SetOp> {
        use crate::syntax::ast::BinOp;
        Some(match op {
            BinOp::BitOr => SetOp::Union,
            BinOp::BitAnd => SetOp::Intersection,
            BinOp::Sub => SetOp::Difference,
            BinOp::BitXor => SetOp::SymmetricDifference,
            _ => return None,
        })
    }
}
