//! Python's dict: insertion-ordered, keyed by hashable values, where `1`, `1.0` and
//! `true` are the same key.

use super::Value;
use indexmap::IndexMap;

/// The hashable form of a key. Numbers with an integral value hash as that integer.
/// Ordered only so that a frozenset's keys can be listed in one order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HashKey {
    None,
    Int(i64),
    Float(u64),
    Str(std::rc::Rc<str>),
    Tuple(Vec<HashKey>),
    /// A frozenset: its items' keys, sorted, so that equal sets are one key.
    FrozenSet(Vec<HashKey>),
    /// An instance of a class that defines `__hash__`: that class's identity and the
    /// method's result. Two such instances with one hash are one key; tl does not go on
    /// to ask their `__eq__` (Python would, for hashes that collide).
    Custom(usize, i64),
    /// Functions, classes and other objects hash by identity.
    Object(usize),
}

/// What decides the key of a class instance inside a value: only the interpreter can
/// call `__hash__`. `Ok(None)`: the instance is unhashable.
pub type InstanceKey<'a, E> = dyn FnMut(&Value) -> Result<Option<HashKey>, E> + 'a;

impl HashKey {
    /// `None` when the value cannot be a key (lists, dicts); class instances by identity.
    pub fn of(value: &Value) -> Option<HashKey> {
        let by_identity =
            &mut |v: &Value| Ok::<_, std::convert::Infallible>(Some(HashKey::Object(v.identity())));
        match HashKey::of_with(value, by_identity) {
            Ok(key) => key,
            Err(never) => match never {},
        }
    }

    /// `value`'s key, with `instance` deciding each class instance's.
    pub fn of_with<E>(value: &Value, instance: &mut InstanceKey<E>) -> Result<Option<HashKey>, E> {
        // Tuples nest only as deep as the program built them; grow the stack rather
        // than overflow (CPython's own `hash` crashes on a tuple nested a million deep).
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || HashKey::of_value(value, instance))
    }

    fn of_value<E>(value: &Value, instance: &mut InstanceKey<E>) -> Result<Option<HashKey>, E> {
        Ok(Some(match value {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(i) => HashKey::Int(*i),
            // Equal numbers are one key: 2.0 is 2 (and 2.0**63 is no int, so stays a float).
            Value::Float(x) if x.fract() == 0.0 && super::number::float_to_int(*x).is_ok() => {
                HashKey::Int(*x as i64)
            }
            Value::Float(x) => HashKey::Float(if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() }),
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Tuple(items) => {
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match HashKey::of_with(item, instance)? {
                        Some(key) => keys.push(key),
                        None => return Ok(None),
                    }
                }
                HashKey::Tuple(keys)
            }
            Value::Set(s) if s.borrow().frozen => {
                let mut keys: Vec<HashKey> = s.borrow().items.entries().map(|(k, _, _)| k.clone()).collect();
                keys.sort();
                HashKey::FrozenSet(keys)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::DictView(_) => return Ok(None),
            Value::Size(_) | Value::NamedTuple(_) => {
                return HashKey::of_with(&value.as_plain_tuple(), instance)
            }
            Value::DType(d) => HashKey::Str(std::rc::Rc::from(d.name())),
            Value::Device(d) => HashKey::Str(std::rc::Rc::from(d.to_string())),
            Value::Range(r) => {
                HashKey::Tuple(vec![HashKey::Int(r.start), HashKey::Int(r.stop), HashKey::Int(r.step)])
            }
            Value::Instance(_) => return instance(value),
            _ => HashKey::Object(value.identity()),
        }))
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

    pub fn contains_key(&self, key: &HashKey) -> bool {
        self.entries.contains_key(key)
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

    /// `(hash key, key, value)` in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = (&HashKey, &Value, &Value)> {
        self.entries.iter().map(|(h, (k, v))| (h, k, v))
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
        for (hash, key, value) in self.dict.borrow().entries() {
            match self.kind {
                ViewKind::Keys => set.insert(hash.clone(), key.clone()),
                _ => set.insert(
                    HashKey::Tuple(vec![hash.clone(), HashKey::of(value)?]),
                    Value::tuple(vec![key.clone(), value.clone()]),
                ),
            }
        }
        Some(set)
    }
}
