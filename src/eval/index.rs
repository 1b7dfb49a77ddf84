//! Hash indexes for joins and `ref` navigation. Every index is built here,
//! once per run and per (collection, field), before any rule is evaluated,
//! and shared by every rule that joins on that key.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::check::ir::{CheckedClauseKind, IrKind, Join};
use crate::check::schema::{FieldType, Schema};
use crate::check::Checked;
use crate::data::{Column, Dataset};
use crate::value::{CollId, FieldId, Key};

/// Rows by key, laid out flat: each key's rows are one run of `rows`, in
/// input order. One allocation per index instead of one per key.
#[derive(Debug, Default)]
pub struct Index {
    /// key -> (start, len) in `rows`.
    runs: FxHashMap<Key, (u32, u32)>,
    rows: Vec<u32>,
    /// Rows whose key field is absent: their `on` is unknown, not false.
    pub missing: Vec<u32>,
}

impl Index {
    /// The rows whose key is `key`, in input order.
    pub fn rows(&self, key: &Key) -> &[u32] {
        match self.runs.get(key) {
            Some(&(start, len)) => &self.rows[start as usize..(start + len) as usize],
            None => &[],
        }
    }

    /// Every key with its rows (in no particular order).
    pub fn runs(&self) -> impl Iterator<Item = (&Key, &[u32])> {
        self.runs
            .iter()
            .map(|(k, &(s, l))| (k, &self.rows[s as usize..(s + l) as usize]))
    }

    /// Keys in first-seen order come from one pass; rows are placed in a
    /// second, so every run stays in input order.
    fn from_keys(keys: impl Iterator<Item = Option<Key>> + Clone) -> Index {
        let mut runs: FxHashMap<Key, (u32, u32)> = FxHashMap::default();
        let mut missing = Vec::new();
        for (row, key) in keys.clone().enumerate() {
            match key {
                Some(k) => runs.entry(k).or_insert((0, 0)).1 += 1,
                None => missing.push(row as u32),
            }
        }
        let mut next = 0u32;
        for run in runs.values_mut() {
            run.0 = next;
            next += run.1;
            run.1 = 0;
        }
        let mut rows = vec![0u32; next as usize];
        for (row, key) in keys.enumerate() {
            if let Some(run) = key.and_then(|k| runs.get_mut(&k)) {
                rows[(run.0 + run.1) as usize] = row as u32;
                run.1 += 1;
            }
        }
        Index {
            runs,
            rows,
            missing,
        }
    }
}

#[derive(Debug, Default)]
pub struct Indexes {
    map: FxHashMap<(CollId, FieldId), Index>,
    /// The `id` field of each collection, by `CollId` (looked up per `ref`).
    ids: Vec<Option<FieldId>>,
}

impl Indexes {
    pub fn get(&self, coll: CollId, field: FieldId) -> Option<&Index> {
        self.map.get(&(coll, field))
    }

    /// The first row (in input order) whose id is `key`.
    pub fn first_by_id(&self, _schema: &Schema, coll: CollId, key: &Key) -> Option<u32> {
        let id = (*self.ids.get(coll.0 as usize)?)?;
        self.get(coll, id)?.rows(key).first().copied()
    }
}

/// Which (collection, field) pairs the policy set needs indexed: every join
/// key, the id of every collection (for `ref` navigation, duplicate ids and
/// dangling refs).
pub fn needed(checked: &Checked) -> Vec<(CollId, FieldId)> {
    let schema = &checked.schema;
    let mut keys: Vec<(CollId, FieldId)> = schema
        .ids()
        .filter_map(|c| Some((c, schema.collection(c).id_field()?)))
        .collect();
    let mut add_join = |j: &Join| {
        if let Some((field, _)) = &j.key {
            if !matches!(
                schema.collection(j.coll).field(*field).ty,
                FieldType::List(_) | FieldType::Duration
            ) {
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
        let mut visit = |ir: &crate::check::ir::Ir| {
            if let IrKind::Aggregate(_, j) = &ir.kind {
                add_join(j);
            }
        };
        rule.filter.iter().for_each(|f| f.walk(&mut visit));
        for clause in &rule.clauses {
            clause_irs(&clause.kind)
                .into_iter()
                .for_each(|ir| ir.walk(&mut visit));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

pub fn clause_irs(kind: &CheckedClauseKind) -> Vec<&crate::check::ir::Ir> {
    match kind {
        CheckedClauseKind::Let { value, .. } => vec![value],
        CheckedClauseKind::When(e) => vec![e],
        CheckedClauseKind::Require { cond, .. } => vec![cond],
        CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } => {
            join.cond.iter().collect()
        }
    }
}

/// Builds every index, in parallel (each is independent of the others).
pub fn build(ds: &Dataset, schema: &Schema, keys: &[(CollId, FieldId)]) -> Indexes {
    let built: Vec<Index> = keys
        .par_iter()
        .map(|&(coll, field)| build_one(&ds.table(coll).columns[field.0 as usize]))
        .collect();
    Indexes {
        map: keys.iter().copied().zip(built).collect(),
        ids: schema
            .ids()
            .map(|c| schema.collection(c).id_field())
            .collect(),
    }
}

fn build_one(column: &Column) -> Index {
    match column {
        Column::Sym(c) => Index::from_keys(c.iter().map(|v| v.map(Key::Sym))),
        Column::Int(c) => Index::from_keys(c.iter().map(|v| v.map(Key::Int))),
        Column::Dec(c) => Index::from_keys(c.iter().map(|v| {
            v.map(|d| {
                if d.fract() == 0.0 && d.abs() < 9.0e15 {
                    Key::Int(d as i64)
                } else {
                    Key::DecBits(d.to_bits())
                }
            })
        })),
        Column::Bool(c) => Index::from_keys(c.iter().map(|v| v.map(Key::Bool))),
        Column::Date(c) => Index::from_keys(c.iter().map(|v| v.map(Key::Date))),
        Column::DateTime(c) => Index::from_keys(c.iter().map(|v| v.map(Key::DateTime))),
        Column::Duration(_) | Column::List(_) => Index::default(),
    }
}
