//! Runtime values shared by the loaders and the evaluator. Text is interned
//! once per run, so equality and hashing of text are integer operations.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use jiff::civil::Date;

pub use crate::syntax::ast::Duration;

/// An interned string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

#[derive(Default, Debug)]
pub struct Interner {
    /// FxHash: interning is the loaders' hottest map, and the keys are
    /// our own data, not an attacker's choice of hash collisions.
    map: FxHashMap<Arc<str>, Sym>,
    strings: Vec<Arc<str>>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.map.get(s) {
            return sym;
        }
        let sym = Sym(self.strings.len() as u32);
        let arc: Arc<str> = Arc::from(s);
        self.strings.push(arc.clone());
        self.map.insert(arc, sym);
        sym
    }
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
    }
    pub fn resolve(&self, sym: Sym) -> &str {
        &self.strings[sym.0 as usize]
    }
    /// Every string, in symbol order.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        self.strings.iter().map(|s| &**s)
    }
}

/// Identifies a collection of the checked schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CollId(pub u32);

/// Identifies a field inside its collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u32);

/// A value during evaluation. `Missing` is the *unknown* of three-valued logic.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Missing,
    Bool(bool),
    Int(i64),
    Dec(f64),
    Sym(Sym),
    Str(Arc<str>),
    Date(Date),
    /// Seconds since the Unix epoch.
    DateTime(i64),
    Duration(Duration),
    List(Arc<[Value]>),
    /// An object of a collection, by row.
    Obj(CollId, u32),
}

impl Value {
    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing)
    }

    /// The text of a string value, resolving interned ones.
    pub fn as_text<'a>(&'a self, interner: &'a Interner) -> Option<&'a str> {
        match self {
            Value::Sym(s) => Some(interner.resolve(*s)),
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A value usable as a hash-index key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Bool(bool),
    Int(i64),
    DecBits(u64),
    Sym(Sym),
    Date(Date),
    DateTime(i64),
}

impl Key {
    /// The key of a value, or `None` for values that cannot be keys (missing,
    /// lists, objects) or text that no loaded row contains.
    pub fn of(value: &Value, interner: &Interner) -> Option<Key> {
        Some(match value {
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::Int(*i),
            Value::Dec(d) if d.fract() == 0.0 && d.abs() < 9.0e15 => Key::Int(*d as i64),
            Value::Dec(d) => Key::DecBits(d.to_bits()),
            Value::Sym(s) => Key::Sym(*s),
            Value::Str(s) => Key::Sym(interner.lookup(s)?),
            Value::Date(d) => Key::Date(*d),
            Value::DateTime(t) => Key::DateTime(*t),
            Value::Missing | Value::Duration(_) | Value::List(_) | Value::Obj(..) => return None,
        })
    }
}
