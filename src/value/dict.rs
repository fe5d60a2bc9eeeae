//! Python's dict: insertion-ordered, keyed by hashable values, where `1`, `1.0` and
//! `true` are the same key.

use super::Value;
use indexmap::IndexMap;

/// The hashable form of a key. Numbers with an integral value hash as that integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    None,
    Int(i64),
    Float(u64),
    Str(std::rc::Rc<str>),
    Tuple(Vec<HashKey>),
    /// Functions, classes and other objects hash by identity.
    Object(usize),
}

impl HashKey {
    /// `None` when the value cannot be a key (lists, dicts).
    pub fn of(value: &Value) -> Option<HashKey> {
        // Tuples nest only as deep as the program built them; grow the stack rather
        // than overflow (CPython's own `hash` crashes on a tuple nested a million deep).
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || HashKey::of_value(value))
    }

    fn of_value(value: &Value) -> Option<HashKey> {
        Some(match value {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(i) => HashKey::Int(*i),
            // Equal numbers are one key: 2.0 is 2 (and 2.0**63 is no int, so stays a float).
            Value::Float(x) if x.fract() == 0.0 && super::number::float_to_int(*x).is_ok() => {
                HashKey::Int(*x as i64)
            }
            Value::Float(x) => HashKey::Float(if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() }),
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Tuple(items) => HashKey::Tuple(items.iter().map(HashKey::of).collect::<Option<_>>()?),
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::DictView(_) => return None,
            Value::Size(_) | Value::NamedTuple(_) => return HashKey::of(&value.as_plain_tuple()),
            Value::DType(d) => HashKey::Str(std::rc::Rc::from(d.name())),
            Value::Device(d) => HashKey::Str(std::rc::Rc::from(d.to_string())),
            Value::Range(r) => {
                HashKey::Tuple(vec![HashKey::Int(r.start), HashKey::Int(r.stop), HashKey::Int(r.step)])
            }
            _ => HashKey::Object(value.identity()),
        })
    }
}

#[derive(Clone, Debug, Default)]
pub struct Dict {
    entries: IndexMap<HashKey, (Value, Value)>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Inserts or replaces; a replaced entry keeps its original key and position.
    pub fn insert(&mut self, key: HashKey, key_value: Value, value: Value) {
        match self.entries.get_mut(&key) {
            Some(slot) => slot.1 = value,
            None => {
                self.entries.insert(key, (key_value, value));
            }
        }
    }

    pub fn get(&self, key: &HashKey) -> Option<&Value> {
        self.entries.get(key).map(|(_, v)| v)
    }

    /// Looks up by the key value of another dict's entry.
    pub fn get_by_key(&self, key: &Value) -> Option<&Value> {
        HashKey::of(key).and_then(|k| self.get(&k))
    }

    pub fn remove(&mut self, key: &HashKey) -> Option<Value> {
        self.entries.shift_remove(key).map(|(_, v)| v)
    }

    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.entries.pop().map(|(_, kv)| kv)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// `(key, value)` pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.values().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries.values().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.entries.values().map(|(_, v)| v.clone()).collect()
    }
}

/// Which of a dict's views `d.keys()`, `d.values()` or `d.items()` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// Python 3's dict views: live windows on the dict (they see later changes), that
/// iterate, have a length and `in`, and, for keys and items, set operators.
#[derive(Debug)]
pub struct DictView {
    pub dict: std::rc::Rc<std::cell::RefCell<Dict>>,
    pub kind: ViewKind,
}

impl DictView {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    /// What the view holds now, in the dict's order.
    pub fn items(&self) -> Vec<Value> {
        let dict = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => dict.keys(),
            ViewKind::Values => dict.values(),
            ViewKind::Items => dict.iter().map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.dict.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.dict.borrow().is_empty()
    }

    /// The view as a set, for a keys or items view whose items are all hashable.
    pub fn as_set(&self) -> Option<super::set::Set> {
        if self.kind == ViewKind::Values {
            return None;
        }
        let mut set = super::set::Set::new(false);
        for item in self.items() {
            set.insert(HashKey::of(&item)?, item);
        }
        Some(set)
    }
}
