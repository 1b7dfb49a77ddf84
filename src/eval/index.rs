//! Hash indexes for joins and `ref` navigation. Every index is built here,
//! once per run and per (collection, field), before any rule is evaluated,
//! and shared by every rule that joins on that key.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::profile::{IndexKind, IndexProfile};

use crate::check::ir::{CheckedClauseKind, CheckedRule, Ir, IrKind, Join};
use crate::check::schema::{FieldType, Schema};
use crate::check::Checked;
use crate::data::{Column, Dataset};
use crate::value::{CollId, FieldId, HashedRanks, Key, Sym};

/// Rows by key, laid out flat: each key's rows are one run of `rows`, in
/// input order. One allocation per index instead of one per key.
#[derive(Debug, Default)]
pub struct Index {
    /// How a key finds its run of `rows`.
    slots: Slots,
    /// Slot `s`'s rows are `rows[starts[s]..starts[s + 1]]`: one number per
    /// slot, not a (start, length) pair. A join index by symbol has a slot
    /// for every hashed symbol of the run, so this halves it.
    starts: Vec<u32>,
    rows: Vec<u32>,
    /// Rows whose key field is absent: their `on` is unknown, not false.
    pub missing: Vec<u32>,
    /// Of a column of dates: the rows whose day may have no start as a
    /// timestamp in some time zone (the first and last days jiff knows).
    /// Compared with a datetime such a day is unknown, not unequal, so
    /// every datetime probe tests them (`Ctx::probe`).
    pub edge: Vec<u32>,
}

/// Whether the start of day `d` may lie outside the timestamps jiff can
/// represent (-9999-01-02T01:59:59Z ..= 9999-12-30T22:00:00Z) in some
/// time zone (offsets up to 26 hours): a margin of three days each way.
fn near_the_end_of_time(d: jiff::civil::Date) -> bool {
    d <= jiff::civil::date(-9999, 1, 3) || d >= jiff::civil::date(9999, 12, 29)
}

#[derive(Debug)]
enum Slots {
    /// A column of hashed symbols: the slot is the symbol's rank among the
    /// hashed symbols (a join probe is then an array read, and building it
    /// a counting sort, not a million hash-map entries). By rank, not by
    /// symbol: the unhashed free text of real logs is most of the symbols.
    BySymbol(Arc<HashedRanks>),
    /// Any other column: key -> slot.
    ByKey(FxHashMap<Key, u32>),
}

impl Default for Slots {
    fn default() -> Self {
        Slots::ByKey(FxHashMap::default())
    }
}

impl Index {
    /// The rows whose key is `key`, in input order.
    pub fn rows(&self, key: &Key) -> &[u32] {
        let slot = match (&self.slots, key) {
            (Slots::BySymbol(ranks), Key::Sym(s)) => ranks.rank(*s),
            (Slots::BySymbol(_), _) => None,
            (Slots::ByKey(slots), _) => slots.get(key).map(|&s| s as usize),
        };
        match slot.and_then(|s| Some((*self.starts.get(s)?, *self.starts.get(s + 1)?))) {
            Some((start, end)) => &self.rows[start as usize..end as usize],
            None => &[],
        }
    }

    /// How many distinct keys the index holds.
    pub fn keys(&self) -> usize {
        self.starts.windows(2).filter(|w| w[1] > w[0]).count()
    }

    /// A column of symbols, counting-sorted by hashed rank. A join key is
    /// never stored unhashed (`unhashed_fields`); should a column hold an
    /// unhashed symbol anyway, it is indexed by key, where that symbol
    /// gets its own run as it always did (no probe, keyed by a hashed
    /// symbol, reaches it).
    fn from_syms(column: &[Option<Sym>], ranks: &Arc<HashedRanks>) -> Index {
        let mut size = 0;
        for s in column.iter().flatten() {
            match ranks.rank(*s) {
                Some(r) => size = size.max(r + 1),
                None => return Index::from_keys(column.iter().map(|s| s.map(Key::Sym))),
            }
        }
        let slots = column.iter().map(|s| s.and_then(|s| ranks.rank(s)));
        let sorted = counting_sort(slots, size);
        Index {
            slots: Slots::BySymbol(Arc::clone(ranks)),
            starts: sorted.starts,
            rows: sorted.rows,
            missing: sorted.missing,
            edge: Vec::new(),
        }
    }

    /// Any other keys: each distinct key gets a slot in first-seen order
    /// (one hash per row), then the rows are counting-sorted by slot.
    fn from_keys(keys: impl Iterator<Item = Option<Key>>) -> Index {
        let mut slots: FxHashMap<Key, u32> = FxHashMap::default();
        let slot_of_row: Vec<u32> = keys
            .map(|key| match key {
                Some(k) => {
                    let next = slots.len() as u32;
                    *slots.entry(k).or_insert(next)
                }
                None => NO_SLOT,
            })
            .collect();
        let present = slot_of_row
            .iter()
            .map(|&s| (s != NO_SLOT).then_some(s as usize));
        let sorted = counting_sort(present, slots.len());
        Index {
            slots: Slots::ByKey(slots),
            starts: sorted.starts,
            rows: sorted.rows,
            missing: sorted.missing,
            edge: Vec::new(),
        }
    }
}

/// A row whose key is absent, in `from_keys`'s slot list.
const NO_SLOT: u32 = u32::MAX;

/// Rows grouped by slot: slot `s`'s are `rows[starts[s]..starts[s + 1]]`.
struct Sorted {
    starts: Vec<u32>,
    rows: Vec<u32>,
    missing: Vec<u32>,
}

/// A counting sort of row numbers by slot (`None`: the row's key is
/// absent). One pass counts each slot's rows, one lays the runs out, one
/// places the rows, so every run stays in input order.
fn counting_sort(slots: impl Iterator<Item = Option<usize>> + Clone, size: usize) -> Sorted {
    // Slot s's count goes to starts[s + 1], so that the running sum leaves
    // starts[s] at the beginning of s's run.
    let mut starts = vec![0u32; size + 1];
    let mut missing = Vec::new();
    for (row, slot) in slots.clone().enumerate() {
        match slot {
            Some(s) => starts[s + 1] += 1,
            None => missing.push(row as u32),
        }
    }
    for s in 1..starts.len() {
        starts[s] += starts[s - 1];
    }
    let mut rows = vec![0u32; starts[size] as usize];
    // Each slot's cursor moves from its beginning to its end, which is the
    // next slot's beginning: shifted by one, the cursors are `starts` again.
    for (row, slot) in slots.enumerate() {
        if let Some(s) = slot {
            rows[starts[s] as usize] = row as u32;
            starts[s] += 1;
        }
    }
    starts.rotate_right(1);
    starts[0] = 0;
    Sorted {
        starts,
        rows,
        missing,
    }
}

/// A resolved row of `RefColumn`: no object has that id (or the ref is absent).
pub const NO_ROW: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct Indexes {
    map: FxHashMap<(CollId, FieldId), Index>,
    /// For each `ref` field that a rule navigates through, the row each
    /// object's ref points at, resolved once: `a.actor.role` on ten million
    /// events is then an array read, not a hash lookup per event.
    /// A few fields (the navigated refs): a list searched in place beats
    /// a hash of the pair on every navigation.
    refs: Vec<((CollId, FieldId), Vec<u32>)>,
    /// The `id` field of each collection, by `CollId` (looked up per `ref`).
    ids: Vec<Option<FieldId>>,
    /// For large collections that refs point at: hashed rank of a symbol
    /// -> first row with that id. Every ref of every event is checked
    /// (dangling refs) or navigated; an array read beats a hash probe into
    /// a million keys.
    by_sym: FxHashMap<CollId, Vec<u32>>,
    /// The ranks `by_sym` and the symbol indexes are laid out by.
    ranks: Arc<HashedRanks>,
}

/// Collections smaller than this are found through their id index, whose
/// few keys stay in cache.
pub(crate) const SYM_ARRAY_MIN_ROWS: u32 = 4096;

impl Indexes {
    pub fn get(&self, coll: CollId, field: FieldId) -> Option<&Index> {
        self.map.get(&(coll, field))
    }

    /// The object that field `field` of row `row` of `coll` refers to, when
    /// that ref was resolved ahead: `Some(None)` for a dangling or absent ref.
    pub fn resolved(&self, coll: CollId, field: FieldId, row: u32) -> Option<Option<u32>> {
        let target = *self.resolved_column(coll, field)?.get(row as usize)?;
        Some((target != NO_ROW).then_some(target))
    }

    /// The target rows of a resolved ref field, one per row (`NO_ROW` when
    /// absent or dangling).
    pub fn resolved_column(&self, coll: CollId, field: FieldId) -> Option<&[u32]> {
        (self.refs.iter())
            .find(|(key, _)| *key == (coll, field))
            .map(|(_, rows)| rows.as_slice())
    }

    /// The first row (in input order) whose id is `key`.
    pub fn first_by_id(&self, coll: CollId, key: &Key) -> Option<u32> {
        if let (Key::Sym(s), Some(rows)) = (key, self.by_sym.get(&coll)) {
            let rank = self.ranks.rank(*s)?;
            return rows.get(rank).copied().filter(|r| *r != NO_ROW);
        }
        let id = (*self.ids.get(coll.0 as usize)?)?;
        self.get(coll, id)?.rows(key).first().copied()
    }
}

/// The indexes this run builds: every join key, and the id index of the
/// small collections refs point at. Large ref targets are found through a
/// symbol array instead, and no other id index is ever probed: an id index
/// on ten million events without ids would hold ten million "missing" rows.
pub fn needed_for(checked: &Checked, ds: &Dataset) -> Vec<(CollId, FieldId)> {
    let small_targets = ref_targets(&checked.schema)
        .into_iter()
        .filter(|c| ds.table(*c).len() < SYM_ARRAY_MIN_ROWS);
    ids_and_join_keys(checked, small_targets)
}

/// The id field of each of `colls` that has one, and every join key,
/// sorted and without repeats.
fn ids_and_join_keys(
    checked: &Checked,
    colls: impl Iterator<Item = CollId>,
) -> Vec<(CollId, FieldId)> {
    let schema = &checked.schema;
    let mut keys: Vec<(CollId, FieldId)> = colls
        .filter_map(|c| Some((c, schema.collection(c).id_field()?)))
        .collect();
    keys.extend(join_keys(checked));
    keys.sort();
    keys.dedup();
    keys
}

/// The text fields that nothing looks up by value, so the loader may store
/// their strings without hashing them (`data::CheckLoadOptions::unhashed`):
/// `text` and `id` fields that are no join key of any rule, and ids of
/// collections that no `ref` points at. Every index is built on a join key
/// or on the id of a ref target, so no index ever reads one of them; an
/// expression compares their text, and `integrity.duplicate_id`
/// deduplicates an unhashed id by its text.
pub fn unhashed_fields(checked: &Checked) -> Vec<(CollId, FieldId)> {
    let schema = &checked.schema;
    let keys = join_keys(checked);
    let targets = ref_targets(schema);
    let mut out = Vec::new();
    for c in schema.ids() {
        for (i, f) in schema.collection(c).fields.iter().enumerate() {
            let field = FieldId(i as u32);
            let free = match f.ty {
                FieldType::Text => true,
                FieldType::Id => !targets.contains(&c),
                _ => false,
            };
            if free && !keys.contains(&(c, field)) {
                out.push((c, field));
            }
        }
    }
    out
}

/// Whether a join key field of this type is indexed: not a list, nor a
/// duration (`==` compares durations by length, `1 day == 24 hours`, which
/// no key of its parts tells). A join on any other key field tests every
/// row with the whole condition, natively and in SQL (`sql::rules`).
pub fn indexable(ty: &FieldType) -> bool {
    !matches!(ty, FieldType::List(_) | FieldType::Duration)
}

/// The (collection, field) of every indexable join key of the rules.
fn join_keys(checked: &Checked) -> Vec<(CollId, FieldId)> {
    let schema = &checked.schema;
    let mut keys = Vec::new();
    let mut add_join = |j: &Join| {
        if let Some((field, _)) = &j.key {
            if indexable(&schema.collection(j.coll).field(*field).ty) {
                keys.push((j.coll, *field));
            }
        }
    };
    for rule in &checked.rules {
        for clause in &rule.clauses {
            if let CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } =
                &clause.kind
            {
                add_join(join);
            }
        }
        walk_rule(rule, &mut |ir| {
            if let IrKind::Aggregate(_, j) = &ir.kind {
                add_join(j);
            }
        });
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The `ref` fields rules navigate through (`a.actor.role`): (collection,
/// field, target collection).
pub fn navigated_refs(checked: &Checked) -> Vec<(CollId, FieldId, CollId)> {
    let mut out = Vec::new();
    for rule in &checked.rules {
        walk_rule(rule, &mut |ir| {
            if let IrKind::Deref { base, target } = &ir.kind {
                if let IrKind::Field { coll, field, .. } = &base.kind {
                    out.push((*coll, *field, *target));
                }
            }
        });
    }
    out.sort();
    out.dedup();
    out
}

/// Visits every expression of a rule: its `for` filter, then its clauses'.
fn walk_rule(rule: &CheckedRule, visit: &mut impl FnMut(&Ir)) {
    rule.filter.iter().for_each(|f| f.walk(visit));
    for clause in &rule.clauses {
        clause_irs(&clause.kind)
            .into_iter()
            .for_each(|ir| ir.walk(visit));
    }
}

pub fn clause_irs(kind: &CheckedClauseKind) -> Vec<&Ir> {
    match kind {
        CheckedClauseKind::Let { value, .. } => vec![value],
        CheckedClauseKind::When(e) => vec![e],
        CheckedClauseKind::Require { cond, .. } => vec![cond],
        CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } => {
            join.cond.iter().collect()
        }
    }
}

/// Builds every index, in parallel (each is independent of the others),
/// then resolves the navigated refs through the id indexes.
pub fn build(
    ds: &Dataset,
    schema: &Schema,
    keys: &[(CollId, FieldId)],
    refs: &[(CollId, FieldId, CollId)],
) -> Indexes {
    build_profiled(ds, schema, keys, refs).0
}

/// Every index the rules of `checked` use on `ds`.
pub fn build_for(checked: &Checked, ds: &Dataset) -> Indexes {
    build(
        ds,
        &checked.schema,
        &needed_for(checked, ds),
        &navigated_refs(checked),
    )
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

/// `build`, with the time, keys and rows of each index for `--profile`.
pub fn build_profiled(
    ds: &Dataset,
    schema: &Schema,
    keys: &[(CollId, FieldId)],
    refs: &[(CollId, FieldId, CollId)],
) -> (Indexes, Vec<IndexProfile>) {
    let name = |c: CollId, f: FieldId| {
        let coll = schema.collection(c);
        format!("{}.{}", coll.name, coll.field(f).name)
    };
    let ranks = Arc::new(ds.interner.hashed_ranks());
    let timed_built: Vec<(Index, Duration)> = keys
        .par_iter()
        .map(|&(coll, field)| {
            timed(|| build_one(&ds.table(coll).columns[field.0 as usize], &ranks))
        })
        .collect();
    let mut profiles: Vec<IndexProfile> = keys
        .iter()
        .zip(&timed_built)
        .map(|(&(c, f), (index, time))| IndexProfile {
            name: name(c, f),
            kind: if schema.collection(c).field(f).name == "id" {
                IndexKind::Id
            } else {
                IndexKind::Join
            },
            time: *time,
            keys: index.keys() as u64,
            rows: (index.rows.len() + index.missing.len()) as u64,
        })
        .collect();
    let built: Vec<Index> = timed_built.into_iter().map(|(i, _)| i).collect();
    let mut indexes = Indexes {
        map: keys.iter().copied().zip(built).collect(),
        refs: Vec::new(),
        ids: schema
            .ids()
            .map(|c| schema.collection(c).id_field())
            .collect(),
        by_sym: FxHashMap::default(),
        ranks: Arc::clone(&ranks),
    };
    let targets = ref_targets(schema);
    let arrays: Vec<(Option<Vec<u32>>, Duration)> = targets
        .par_iter()
        .map(|&c| timed(|| sym_array(ds, schema, c, &ranks)))
        .collect();
    for (&c, (array, time)) in targets.iter().zip(&arrays) {
        if array.is_some() {
            profiles.push(IndexProfile {
                name: format!("{}.id", schema.collection(c).name),
                kind: IndexKind::SymbolToRow,
                time: *time,
                keys: ds.table(c).len() as u64,
                rows: ds.table(c).len() as u64,
            });
        }
    }
    indexes.by_sym = targets
        .into_iter()
        .zip(arrays)
        .filter_map(|(c, (a, _))| Some((c, a?)))
        .collect();
    let resolved: Vec<(Option<Vec<u32>>, Duration)> = refs
        .par_iter()
        .map(|&(coll, field, target)| timed(|| resolve(ds, &indexes, coll, field, target)))
        .collect();
    for (&(coll, field, target), (rows, time)) in refs.iter().zip(resolved) {
        if let Some(rows) = rows {
            profiles.push(IndexProfile {
                name: name(coll, field),
                kind: IndexKind::Ref(schema.collection(target).name.clone()),
                time,
                keys: rows.iter().filter(|r| **r != NO_ROW).count() as u64,
                rows: rows.len() as u64,
            });
            indexes.refs.push(((coll, field), rows));
        }
    }
    (indexes, profiles)
}

/// Collections some `ref` field (or list of refs) points at.
fn ref_targets(schema: &Schema) -> Vec<CollId> {
    let mut out: Vec<CollId> = schema
        .collections
        .iter()
        .flat_map(|c| c.fields.iter())
        .filter_map(|f| match &f.ty {
            FieldType::Ref(t) => Some(*t),
            FieldType::List(inner) => match **inner {
                FieldType::Ref(t) => Some(t),
                _ => None,
            },
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Hashed rank of a symbol -> first row whose id is that symbol, for a
/// large collection. The id of a ref target is always hashed
/// (`unhashed_fields`); an unhashed one could not be found by a ref anyway.
fn sym_array(ds: &Dataset, schema: &Schema, coll: CollId, ranks: &HashedRanks) -> Option<Vec<u32>> {
    let table = ds.table(coll);
    if table.len() < SYM_ARRAY_MIN_ROWS {
        return None;
    }
    let id = schema.collection(coll).id_field()?;
    let Column::Sym(ids) = &table.columns[id.0 as usize] else {
        return None;
    };
    let mut rows = vec![NO_ROW; ranks.len()];
    for (row, sym) in ids.iter().enumerate() {
        if let Some(r) = sym.and_then(|s| ranks.rank(s)) {
            if rows[r] == NO_ROW {
                rows[r] = row as u32;
            }
        }
    }
    Some(rows)
}

/// The target row of every object's ref, or `None` if the field is not a
/// column of symbols (then navigation falls back to the id index).
fn resolve(
    ds: &Dataset,
    indexes: &Indexes,
    coll: CollId,
    field: FieldId,
    target: CollId,
) -> Option<Vec<u32>> {
    let Column::Sym(values) = &ds.table(coll).columns[field.0 as usize] else {
        return None;
    };
    // In chunks on the pool: a log's ref to staff alone was the longest
    // task of the phase (16 ns a row, 15 ms at a million events).
    Some(
        values
            .par_iter()
            .with_min_len(1 << 14)
            .map(|v| {
                v.and_then(|s| indexes.first_by_id(target, &Key::Sym(s)))
                    .unwrap_or(NO_ROW)
            })
            .collect(),
    )
}

fn build_one(column: &Column, ranks: &Arc<HashedRanks>) -> Index {
    match column {
        // An array by symbol is sized by every hashed symbol: worth it for a
        // large column only; a small table's keys go through a hash map.
        Column::Sym(c) if c.len() >= SYM_ARRAY_MIN_ROWS as usize => Index::from_syms(c, ranks),
        Column::Sym(c) => Index::from_keys(c.iter().map(|s| s.map(Key::Sym))),
        // Keyed as `Key::of` keys a probe, so that an int and a decimal that
        // are `==` meet. A NaN (no key) is a candidate of every probe, as an
        // absent key is: its comparisons are unknown, never false.
        Column::Int(c) => Index::from_keys(c.iter().map(|v| v.and_then(|i| Key::number(i as f64)))),
        Column::Dec(c) => Index::from_keys(c.iter().map(|v| v.and_then(Key::number))),
        Column::Bool(c) => Index::from_keys(c.iter().map(|v| v.map(Key::Bool))),
        Column::Date(c) => {
            let mut index = Index::from_keys(c.iter().map(|v| v.map(Key::Date)));
            index.edge = c
                .iter()
                .enumerate()
                .filter(|(_, d)| d.is_some_and(near_the_end_of_time))
                .map(|(row, _)| row as u32)
                .collect();
            index
        }
        Column::DateTime(c) => Index::from_keys(
            c.iter()
                .map(|&t| (t != crate::data::table::NO_TIME).then_some(Key::DateTime(t))),
        ),
        Column::Duration(_) | Column::List(_) | Column::Unread(_) => Index::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::table::NO_TIME;
    use crate::value::Interner;

    const NONE: &[u32] = &[];

    fn build_one_plain(column: &Column) -> Index {
        build_one(column, &Arc::default())
    }

    /// A large column of symbols is laid out by hashed rank: the free text
    /// stored unhashed between its symbols takes no slot, and every row is
    /// still found by its key.
    #[test]
    fn a_symbol_index_is_sized_by_the_hashed_symbols_only() {
        let mut interner = Interner::default();
        let mut keys = Vec::new();
        for i in 0..100 {
            for j in 0..9 {
                interner.push_unhashed(&format!("free {i} {j}"));
            }
            keys.push(interner.intern(&format!("R-{i}")));
        }
        let column: Vec<Option<Sym>> = (0..5000).map(|row| Some(keys[row % 100])).collect();
        let index = build_one(&Column::Sym(column), &Arc::new(interner.hashed_ranks()));
        assert!(matches!(index.slots, Slots::BySymbol(_)));
        assert_eq!(index.starts.len(), 101);
        assert_eq!(index.keys(), 100);
        for (i, key) in keys.iter().enumerate() {
            let rows = index.rows(&Key::Sym(*key));
            assert_eq!(rows.len(), 50);
            assert!(rows.iter().all(|r| *r as usize % 100 == i));
        }
    }

    /// Should a join key column ever hold an unhashed symbol, the index
    /// falls back to keys, where every hashed key is still found.
    #[test]
    fn a_symbol_column_with_unhashed_text_is_indexed_by_key() {
        let mut interner = Interner::default();
        let hashed = interner.intern("R-1");
        let free = interner.push_unhashed("R-1");
        let mut column = vec![Some(hashed); 5000];
        column[7] = Some(free);
        let index = build_one(&Column::Sym(column), &Arc::new(interner.hashed_ranks()));
        assert!(matches!(index.slots, Slots::ByKey(_)));
        assert_eq!(index.rows(&Key::Sym(hashed)).len(), 4999);
        assert!(index.missing.is_empty());
    }

    #[test]
    fn a_symbol_index_keeps_input_order_and_the_missing_rows() {
        let mut interner = Interner::default();
        let (a, b) = (interner.intern("a"), interner.intern("b"));
        let unseen = interner.intern("c");
        let index = build_one(
            &Column::Sym(vec![Some(b), None, Some(a), Some(b), None, Some(b)]),
            &Arc::new(interner.hashed_ranks()),
        );
        assert_eq!(index.rows(&Key::Sym(b)), &[0, 3, 5]);
        assert_eq!(index.rows(&Key::Sym(a)), &[2]);
        assert_eq!(index.rows(&Key::Sym(unseen)), NONE);
        assert_eq!(index.rows(&Key::Num(1f64.to_bits())), NONE);
        assert_eq!(index.missing, vec![1, 4]);
        assert_eq!(index.keys(), 2);
    }

    #[test]
    fn a_hashed_index_keeps_input_order_and_the_missing_rows() {
        let index = build_one_plain(&Column::Int(vec![
            Some(7),
            Some(3),
            None,
            Some(7),
            Some(3),
            Some(7),
        ]));
        assert_eq!(index.rows(&Key::Num(7f64.to_bits())), &[0, 3, 5]);
        assert_eq!(index.rows(&Key::Num(3f64.to_bits())), &[1, 4]);
        assert_eq!(index.rows(&Key::Num(9f64.to_bits())), NONE);
        let mut interner = Interner::default();
        assert_eq!(index.rows(&Key::Sym(interner.intern("7"))), NONE);
        assert_eq!(index.missing, vec![2]);
        assert_eq!(index.keys(), 2);
    }

    #[test]
    fn decimals_are_number_keys_and_absent_times_are_missing() {
        let dec = build_one_plain(&Column::Dec(vec![Some(2.0), Some(2.5), None, Some(2.0)]));
        assert_eq!(dec.rows(&Key::Num(2.0f64.to_bits())), &[0, 3]);
        assert_eq!(dec.rows(&Key::Num(2.5f64.to_bits())), &[1]);
        assert_eq!(dec.missing, vec![2]);
        let times = build_one_plain(&Column::DateTime(vec![5, NO_TIME, 5, 6]));
        assert_eq!(times.rows(&Key::DateTime(5)), &[0, 2]);
        assert_eq!(times.rows(&Key::DateTime(6)), &[3]);
        assert_eq!(times.missing, vec![1]);
        assert_eq!(times.keys(), 2);
    }

    #[test]
    fn an_index_of_an_unindexable_column_is_empty() {
        let index = build_one_plain(&Column::Duration(vec![None]));
        assert_eq!(index.rows(&Key::Num(0f64.to_bits())), NONE);
        assert_eq!(index.keys(), 0);
    }
}
