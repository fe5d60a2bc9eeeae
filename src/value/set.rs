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

    pub fn contains(&self, item: &Value) -> bool {
        self.items.get_by_key(item).is_some()
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

    /// Whether every item of `self` is in `other`.
    pub fn is_subset(&self, other: &Set) -> bool {
        self.items.iter().all(|(item, _)| other.contains(item))
    }

    /// The items of `self` that `keep` accepts, as a set of `self`'s kind.
    pub fn filtered(&self, keep: impl Fn(&Value) -> bool) -> Set {
        let mut out = Set::new(self.frozen);
        for (item, _) in self.items.iter().filter(|(item, _)| keep(item)) {
            if let Some(key) = HashKey::of(item) {
                out.insert(key, item.clone());
            }
        }
        out
    }

    /// `self | other`, `self & other`, `self - other`, `self ^ other`.
    pub fn combine(&self, op: SetOp, other: &Set) -> Set {
        match op {
            SetOp::Union => {
                let mut out = self.clone();
                for (item, _) in other.items.iter() {
                    if let Some(key) = HashKey::of(item) {
                        if out.items.get(&key).is_none() {
                            out.insert(key, item.clone());
                        }
                    }
                }
                out
            }
            SetOp::Intersection => self.filtered(|item| other.contains(item)),
            SetOp::Difference => self.filtered(|item| !other.contains(item)),
            SetOp::SymmetricDifference => {
                let mut out = self.filtered(|item| !other.contains(item));
                for (item, _) in other.items.iter().filter(|(item, _)| !self.contains(item)) {
                    if let Some(key) = HashKey::of(item) {
                        out.insert(key, item.clone());
                    }
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
