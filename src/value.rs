//! Runtime values shared by the loaders and the evaluator. Text is interned
//! once per run, so equality and hashing of text are integer operations.

use std::hash::BuildHasher;
use std::num::NonZeroU32;
use std::sync::Arc;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use jiff::civil::Date;

pub use crate::syntax::ast::Duration;

/// An interned string. Non-zero, so `Option<Sym>` takes four bytes in a
/// column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// Position in the interner (0-based), for tables indexed by symbol.
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    /// The symbol `k` places after this one (`Interner::append_unhashed`
    /// hands out consecutive symbols).
    pub fn plus(self, k: usize) -> Sym {
        let n = u32::try_from(k).ok().and_then(|k| self.0.checked_add(k));
        // Only for symbols the interner has handed out, all below 2^32.
        #[allow(clippy::expect_used)]
        Sym(n.expect("a symbol handed out"))
    }
}

/// Every distinct string of a run, once: the texts end to end in one
/// buffer, found again through a hash table of symbols. Millions of ids and
/// phone numbers cost their bytes plus about a dozen, not an allocation
/// each.
///
/// Text that nothing looks up by value (free text, the ids of events no
/// rule joins on: `data::Dataset::unhashed`) is *stored* here without
/// entering the hash table (`push_unhashed`): it resolves like any symbol,
/// but another symbol may hold the same text. Only hashed symbols are
/// canonical (same text, same symbol); `Key::of` looks an unhashed one up by
/// its text, and comparisons of two different symbols compare their texts.
#[derive(Default)]
pub struct Interner {
    text: String,
    /// End of each string in `text`, by symbol index.
    ends: Ends,
    table: HashTable<Sym>,
    /// One bit per symbol, set when it is *not* in `table`.
    unhashed: Vec<u64>,
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Interner({} strings)", self.ends.len())
    }
}

/// FxHash: interning is the loaders' hottest operation, and the strings are
/// the case's own data; a hash-flooding input only makes one run slower.
fn hash(s: &str) -> u64 {
    FxBuildHasher.hash_one(s)
}

impl Interner {
    /// An interner sized for about `n` strings (no rehashing until then).
    pub fn with_capacity(n: usize) -> Self {
        Interner {
            text: String::with_capacity(n * 16),
            ends: Ends::with_capacity(n),
            table: HashTable::with_capacity(n),
            unhashed: Vec::new(),
        }
    }

    /// Stores `s` under a new symbol without entering it in the hash table
    /// (see the type's documentation): no hashing, no probe, no growth of
    /// the table, for text that is never looked up by value.
    pub fn push_unhashed(&mut self, s: &str) -> Sym {
        let sym = self.next_sym();
        self.text.push_str(s);
        self.ends.push(self.text.len());
        let i = sym.index();
        if self.unhashed.len() <= i / 64 {
            self.unhashed.resize(i / 64 + 1, 0);
        }
        self.unhashed[i / 64] |= 1 << (i % 64);
        sym
    }

    /// `push_unhashed` of `from`'s strings `range` (symbol indices), in
    /// order, with one copy of their text: how a loader's merge appends a
    /// run of a piece's free text. The symbols given are consecutive from
    /// the one returned (`None` for an empty range).
    pub fn append_unhashed(
        &mut self,
        from: &Interner,
        range: std::ops::Range<usize>,
    ) -> Option<Sym> {
        if range.is_empty() {
            return None;
        }
        let first = self.next_sym();
        // More than four billion distinct strings cannot be loaded in memory
        // anyway; running out of symbols is a hard limit (as in `next_sym`).
        #[allow(clippy::expect_used)]
        u32::try_from(self.ends.len() + range.len()).expect("fewer than 2^32 distinct strings");
        let start = from.ends.span(range.start).start;
        let shift = self.text.len() - start;
        self.text
            .push_str(&from.text[start..from.ends.end(range.end - 1)]);
        for i in range {
            self.ends.push(from.ends.end(i) + shift);
            let j = self.ends.len() - 1;
            if self.unhashed.len() <= j / 64 {
                self.unhashed.resize(j / 64 + 1, 0);
            }
            self.unhashed[j / 64] |= 1 << (j % 64);
        }
        Some(first)
    }

    /// Whether `sym` is in the hash table, so that it is the only symbol of
    /// its text.
    pub fn is_hashed(&self, sym: Sym) -> bool {
        let i = sym.index();
        self.unhashed
            .get(i / 64)
            .map_or(true, |bits| bits & (1 << (i % 64)) == 0)
    }

    /// The symbol the next new string gets.
    fn next_sym(&self) -> Sym {
        let n = u32::try_from(self.ends.len() + 1)
            .ok()
            .and_then(NonZeroU32::new);
        // More than four billion distinct strings cannot be loaded in memory
        // anyway; running out of symbols is a hard limit.
        #[allow(clippy::expect_used)]
        Sym(n.expect("fewer than 2^32 distinct strings"))
    }

    pub fn intern(&mut self, s: &str) -> Sym {
        self.intern_hashed(s, hash(s))
    }

    /// The hash `intern` files `s` under, so that a caller can compute it
    /// ahead (on another thread) and `intern_hashed` only probes.
    pub fn hash(s: &str) -> u64 {
        hash(s)
    }

    /// `intern`, with `h == Interner::hash(s)` already computed.
    pub fn intern_hashed(&mut self, s: &str, h: u64) -> Sym {
        let Interner {
            text, ends, table, ..
        } = self;
        if let Some(&sym) = table.find(h, |&sym| &text[ends.span(sym.index())] == s) {
            return sym;
        }
        let n = u32::try_from(ends.len() + 1).ok().and_then(NonZeroU32::new);
        // More than four billion distinct strings cannot be loaded in memory
        // anyway; running out of symbols is a hard limit.
        #[allow(clippy::expect_used)]
        let sym = Sym(n.expect("fewer than 2^32 distinct strings"));
        text.push_str(s);
        ends.push(text.len());
        let (text, ends) = (&*text, &*ends);
        table.insert_unique(h, sym, |&sym| hash(&text[ends.span(sym.index())]));
        sym
    }
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.table
            .find(hash(s), |&sym| self.resolve(sym) == s)
            .copied()
    }
    pub fn resolve(&self, sym: Sym) -> &str {
        self.resolve_index(sym.index())
    }
    /// The string of the symbol with index `i` (`Sym::index`).
    pub fn resolve_index(&self, i: usize) -> &str {
        &self.text[self.ends.span(i)]
    }
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
    /// The rank of every hashed symbol among the hashed ones, for arrays
    /// indexed by symbol: such an array only ever holds join keys and ids,
    /// which are hashed, so it need not grow with the free text.
    pub fn hashed_ranks(&self) -> HashedRanks {
        let mut before = Vec::with_capacity(self.unhashed.len());
        let mut hashed = 0u32;
        for bits in &self.unhashed {
            before.push(hashed);
            hashed += 64 - bits.count_ones();
        }
        let unhashed: usize = self.unhashed.iter().map(|b| b.count_ones() as usize).sum();
        HashedRanks {
            before,
            unhashed: self.unhashed.clone(),
            len: self.ends.len() - unhashed,
        }
    }

    /// Every string, in symbol order.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| &self.text[self.ends.span(i)])
    }
}

/// The end offsets of the interner's strings in 4 bytes each instead of 8:
/// the low 32 bits of each end, and the few strings at which the text
/// passed another 4 GiB. On a million-record case that is 12 MB less, and
/// the text of a run may still exceed 4 GiB.
#[derive(Default)]
struct Ends {
    low: Vec<u32>,
    /// For each 4 GiB the text has passed, the first string that ends past
    /// it (a string that passes two is listed twice), in order.
    wraps: Vec<usize>,
}

impl Ends {
    fn with_capacity(n: usize) -> Self {
        Ends {
            low: Vec::with_capacity(n),
            wraps: Vec::new(),
        }
    }
    fn len(&self) -> usize {
        self.low.len()
    }
    fn is_empty(&self) -> bool {
        self.low.is_empty()
    }
    fn push(&mut self, end: usize) {
        let high = (end as u64 >> 32) as usize;
        while high > self.wraps.len() {
            self.wraps.push(self.low.len());
        }
        // The low half by construction: the high half is in `wraps`.
        self.low.push(end as u32);
    }
    fn end(&self, i: usize) -> usize {
        let high = self.wraps.partition_point(|&w| w <= i) as u64;
        ((high << 32) | u64::from(self.low[i])) as usize
    }
    /// Where string `i` is in the text. Every probe of the interner's
    /// table asks this, and a text under 4 GiB (every run but the largest)
    /// has no wraps: its ends are read directly.
    #[inline]
    fn span(&self, i: usize) -> std::ops::Range<usize> {
        if self.wraps.is_empty() {
            let start = if i == 0 { 0 } else { self.low[i - 1] as usize };
            return start..self.low[i] as usize;
        }
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        start..self.end(i)
    }
}

/// Hashed symbols numbered 0, 1, 2, ... in symbol order, skipping the
/// unhashed ones (`Interner::hashed_ranks`). On real logs most symbols are
/// free text and event ids stored unhashed, so an array by rank is a
/// fraction of one by symbol. A rank costs a popcount: one 4-byte count
/// per 64 symbols plus a copy of the interner's bit per symbol.
#[derive(Clone, Debug, Default)]
pub struct HashedRanks {
    /// Per word of `unhashed`: the hashed symbols before it.
    before: Vec<u32>,
    /// The interner's bits (set: unhashed); symbols past the last word are
    /// all hashed.
    unhashed: Vec<u64>,
    /// How many hashed symbols there are.
    len: usize,
}

impl HashedRanks {
    /// The rank of `sym`, or `None` when it is unhashed.
    pub fn rank(&self, sym: Sym) -> Option<usize> {
        let i = sym.index();
        let (word, bit) = (i / 64, i % 64);
        match self.unhashed.get(word) {
            Some(&bits) if bits & (1 << bit) != 0 => None,
            Some(&bits) => {
                let below = (!bits & ((1u64 << bit) - 1)).count_ones() as usize;
                Some(self.before[word] as usize + below)
            }
            // Past the last word every symbol is hashed, and every word
            // before it is full.
            None => Some(i - (self.unhashed.len() * 64 - self.hashed_in_words())),
        }
    }

    /// The hashed symbols among the first `64 * unhashed.len()`.
    fn hashed_in_words(&self) -> usize {
        match (self.before.last(), self.unhashed.last()) {
            (Some(&b), Some(&bits)) => b as usize + 64 - bits.count_ones() as usize,
            _ => 0,
        }
    }

    /// How many hashed symbols there are: the size of an array by rank.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
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
    /// A number (int or decimal) as the bits of the `f64` it compares as:
    /// `==` compares an int with a decimal as `f64` (`Ctx::compare`), so
    /// an int and a decimal that are `==` share a key. Ints beyond 2^53
    /// that round to one `f64` share it too; a join re-tests its condition
    /// on every candidate, which tells them apart. `-0.0` is `0.0`.
    Num(u64),
    Sym(Sym),
    Date(Date),
    DateTime(i64),
}

impl Key {
    /// The key of a value, or `None` for values that cannot be keys (missing,
    /// lists, objects, NaN) or text that no loaded row contains.
    pub fn of(value: &Value, interner: &Interner) -> Option<Key> {
        Some(match value {
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::number(*i as f64)?,
            Value::Dec(d) => Key::number(*d)?,
            Value::Sym(s) if interner.is_hashed(*s) => Key::Sym(*s),
            // Text stored unhashed is keyed by the hashed symbol of the same
            // text: every join key and id is hashed, so a text no hashed
            // symbol has matches no row.
            Value::Sym(s) => Key::Sym(interner.lookup(interner.resolve(*s))?),
            Value::Str(s) => Key::Sym(interner.lookup(s)?),
            Value::Date(d) => Key::Date(*d),
            Value::DateTime(t) => Key::DateTime(*t),
            Value::Missing | Value::Duration(_) | Value::List(_) | Value::Obj(..) => return None,
        })
    }

    /// The key of a number; `None` for NaN, which is `==` to nothing and
    /// whose comparisons are unknown, so no key can stand for it.
    pub fn number(x: f64) -> Option<Key> {
        if x.is_nan() {
            None
        } else if x == 0.0 {
            Some(Key::Num(0.0f64.to_bits()))
        } else {
            Some(Key::Num(x.to_bits()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ends past 4 GiB (no text is allocated: only the offsets) come back
    /// whole, including a string that starts below a 4 GiB line and ends
    /// above it, and one that ends exactly on it.
    #[test]
    fn ends_keep_offsets_past_four_gib() {
        const G4: usize = 1 << 32;
        let ends = [
            3,
            10,
            G4 - 2,
            G4,
            G4 + 5,
            2 * G4 - 1,
            2 * G4 + 1,
            3 * G4 + 9,
        ];
        let mut e = Ends::default();
        for end in ends {
            e.push(end);
        }
        assert_eq!(e.len(), ends.len());
        for (i, end) in ends.iter().enumerate() {
            assert_eq!(e.end(i), *end, "string {i}");
            let start = if i == 0 { 0 } else { ends[i - 1] };
            assert_eq!(e.span(i), start..*end, "string {i}");
        }
        assert_eq!(e.wraps, vec![3, 6, 7]);
        // A jump over two lines at once is two entries.
        e.push(6 * G4);
        assert_eq!(e.end(8), 6 * G4);
        assert_eq!(e.span(8), 3 * G4 + 9..6 * G4);
    }

    /// Ranks number the hashed symbols densely in symbol order, across
    /// words of the bit set and past its last word.
    #[test]
    fn hashed_symbols_rank_densely_and_unhashed_ones_not_at_all() {
        let mut interner = Interner::default();
        let mut expected = Vec::new();
        for i in 0..200 {
            let text = format!("s{i}");
            if i % 3 == 0 && i < 130 {
                expected.push((interner.push_unhashed(&text), None));
            } else {
                expected.push((interner.intern(&text), Some(())));
            }
        }
        let ranks = interner.hashed_ranks();
        let mut next = 0;
        for (sym, hashed) in expected {
            match hashed {
                Some(()) => {
                    assert_eq!(ranks.rank(sym), Some(next), "{sym:?}");
                    next += 1;
                }
                None => assert_eq!(ranks.rank(sym), None, "{sym:?}"),
            }
        }
        assert_eq!(ranks.len(), next);
        let mut all_hashed = Interner::default();
        for n in 0..70 {
            all_hashed.intern(&n.to_string());
        }
        let ranks = all_hashed.hashed_ranks();
        assert_eq!(ranks.len(), 70);
        assert_eq!(
            ranks.rank(Sym(NonZeroU32::MIN.saturating_add(69))),
            Some(69)
        );
    }

    /// Unhashed text resolves like any symbol, is never returned by
    /// `lookup`, and keys as the hashed symbol of the same text, or not at
    /// all when no hashed symbol has it.
    /// A run appended at once is what pushing its strings one by one
    /// gives: the same symbols, texts and hashed bits.
    #[test]
    fn a_run_appended_at_once_is_its_strings_pushed_one_by_one() {
        let mut piece = Interner::default();
        let texts = ["R-1", "", "备注：已核对", "10.0.0.1", "R-2", "x"];
        for t in texts {
            piece.push_unhashed(t);
        }
        let (mut one_by_one, mut at_once) = (Interner::default(), Interner::default());
        for i in &mut [&mut one_by_one, &mut at_once] {
            // Some symbols before, and enough to cross a word of bits.
            for k in 0..62 {
                i.intern(&format!("id-{k}"));
            }
        }
        let singly: Vec<Sym> = texts.iter().map(|t| one_by_one.push_unhashed(t)).collect();
        let first = at_once.append_unhashed(&piece, 0..2);
        let second = at_once.append_unhashed(&piece, 2..texts.len());
        assert_eq!(at_once.append_unhashed(&piece, 3..3), None);
        assert_eq!(first, Some(singly[0]));
        assert_eq!(second, Some(singly[2]));
        assert_eq!(second.map(|s| s.plus(3)), Some(singly[5]));
        assert_eq!(
            at_once.strings().collect::<Vec<_>>(),
            one_by_one.strings().collect::<Vec<_>>()
        );
        for s in singly {
            assert!(!at_once.is_hashed(s));
        }
        assert_eq!(at_once.lookup("id-61"), one_by_one.lookup("id-61"));
        assert_eq!(
            at_once.lookup("R-1"),
            None,
            "unhashed text is not looked up"
        );
    }

    #[test]
    fn unhashed_text_resolves_and_keys_by_its_text() {
        let mut interner = Interner::default();
        let free = interner.push_unhashed("R-1");
        let other = interner.push_unhashed("R-1");
        assert_ne!(free, other);
        assert_eq!(interner.resolve(free), "R-1");
        assert!(!interner.is_hashed(free));
        assert_eq!(interner.lookup("R-1"), None);
        assert_eq!(Key::of(&Value::Sym(free), &interner), None);
        let hashed = interner.intern("R-1");
        assert_ne!(hashed, free);
        assert!(interner.is_hashed(hashed));
        assert_eq!(interner.intern("R-1"), hashed);
        assert_eq!(
            Key::of(&Value::Sym(free), &interner),
            Some(Key::Sym(hashed))
        );
        assert_eq!(
            Key::of(&Value::Sym(other), &interner),
            Some(Key::Sym(hashed))
        );
        let strings: Vec<&str> = interner.strings().collect();
        assert_eq!(strings, ["R-1", "R-1", "R-1"]);
    }
}
