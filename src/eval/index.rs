//! Hash indexes for joins and `ref` navigation. Every index is built here,
//! once per run and per (collection, field), before any rule is evaluated,
//! and shared by every rule that joins on that key.

use std::collections::HashMap;

use crate::check::ir::{CheckedClauseKind, IrKind, Join};
use crate::check::schema::{FieldType, Schema};
use crate::check::Checked;
use crate::data::{Column, Dataset};
use crate::value::{CollId, FieldId, Key};

#[derive(Debug, Default)]
pub struct Index {
    pub rows: HashMap<Key, Vec<u32>>,
    /// Rows whose key field is absent: their `on` is unknown, not false.
    pub missing: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct Indexes {
    map: HashMap<(CollId, FieldId), Index>,
}

impl Indexes {
    pub fn get(&self, coll: CollId, field: FieldId) -> Option<&Index> {
        self.map.get(&(coll, field))
    }

    /// The first row (in input order) whose id is `key`.
    pub fn first_by_id(&self, schema: &Schema, coll: CollId, key: &Key) -> Option<u32> {
        let id = schema.collection(coll).id_field()?;
        self.get(coll, id)?
            .rows
            .get(key)
            .and_then(|rows| rows.first().copied())
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

pub fn build(ds: &Dataset, keys: &[(CollId, FieldId)]) -> Indexes {
    let mut map = HashMap::with_capacity(keys.len());
    for &(coll, field) in keys {
        map.insert(
            (coll, field),
            build_one(&ds.table(coll).columns[field.0 as usize]),
        );
    }
    Indexes { map }
}

fn build_one(column: &Column) -> Index {
    let mut index = Index::default();
    let mut add = |row: usize, key: Option<Key>| match key {
        Some(k) => index
            .rows
            .entry(k)
            .or_insert_with(Vec::new)
            .push(row as u32),
        None => index.missing.push(row as u32),
    };
    match column {
        Column::Sym(c) => c
            .iter()
            .enumerate()
            .for_each(|(i, v)| add(i, v.map(Key::Sym))),
        Column::Int(c) => c
            .iter()
            .enumerate()
            .for_each(|(i, v)| add(i, v.map(Key::Int))),
        Column::Dec(c) => c.iter().enumerate().for_each(|(i, v)| {
            add(
                i,
                v.map(|d| {
                    if d.fract() == 0.0 && d.abs() < 9.0e15 {
                        Key::Int(d as i64)
                    } else {
                        Key::DecBits(d.to_bits())
                    }
                }),
            )
        }),
        Column::Bool(c) => c
            .iter()
            .enumerate()
            .for_each(|(i, v)| add(i, v.map(Key::Bool))),
        Column::Date(c) => c
            .iter()
            .enumerate()
            .for_each(|(i, v)| add(i, v.map(Key::Date))),
        Column::DateTime(c) => c
            .iter()
            .enumerate()
            .for_each(|(i, v)| add(i, v.map(Key::DateTime))),
        Column::Duration(_) | Column::List(_) => {}
    }
    index
}
