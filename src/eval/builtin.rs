//! The built-in checks of language.md section 8: duplicate ids, dangling
//! refs, future events. Waiver checks live in `waivers.rs`.

use std::collections::BTreeMap;

use crate::check::schema::{CollKind, FieldType};
use crate::report::model::{Outcome, Violation};
use crate::syntax::ast::Severity;
use crate::value::{CollId, FieldId, Key, Value};

use super::expr::Ctx;

/// Most referencing rows listed as evidence of one dangling ref.
const MAX_DANGLING_EVIDENCE: usize = 10;

fn builtin(
    rule: &str,
    severity: Severity,
    title: &str,
    message: String,
    ctx: &Ctx,
    subject: (CollId, u32),
    subject_id: String,
) -> Violation {
    Violation {
        rule: rule.into(),
        kind: rule.split('.').next().unwrap_or("integrity").into(),
        severity,
        outcome: Outcome::Violated,
        title: Some(title.into()),
        message,
        cite: vec![],
        help: None,
        subject_id,
        subject: ctx.data_loc(subject.0, subject.1),
        evidence: vec![],
        policy: None,
        clause: None,
        values: vec![],
        waiver: None,
    }
}

pub fn duplicate_ids(ctx: &Ctx) -> Vec<Violation> {
    let mut out = Vec::new();
    for coll in ctx.schema.ids() {
        let Some(id_field) = ctx.schema.collection(coll).id_field() else {
            continue;
        };
        let table = ctx.ds.table(coll);
        let mut first: rustc_hash::FxHashMap<Key, u32> = Default::default();
        for row in 0..table.len() {
            let Some(key) = Key::of(&table.get(row, id_field), &ctx.ds.interner) else {
                continue;
            };
            match first.get(&key) {
                None => {
                    first.insert(key, row);
                }
                Some(&orig) => {
                    let id = ctx.object_id(coll, row);
                    let name = &ctx.schema.collection(coll).name;
                    let mut v = builtin(
                        "integrity.duplicate_id",
                        Severity::Error,
                        "ids are unique within their collection",
                        format!(
                            "`{name}` id `{id}` occurs again; first at line {}",
                            table.origin[orig as usize].line
                        ),
                        ctx,
                        (coll, row),
                        id,
                    );
                    v.evidence.push(ctx.data_loc(coll, orig));
                    out.push(v);
                }
            }
        }
    }
    out
}

pub fn dangling_refs(ctx: &Ctx) -> Vec<Violation> {
    let mut out = Vec::new();
    for coll in ctx.schema.ids() {
        let c = ctx.schema.collection(coll);
        for (i, f) in c.fields.iter().enumerate() {
            let target = match &f.ty {
                FieldType::Ref(t) => *t,
                FieldType::List(inner) => match **inner {
                    FieldType::Ref(t) => t,
                    _ => continue,
                },
                _ => continue,
            };
            // dangling id -> referencing rows, in id order for determinism
            let mut dangling: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            let table = ctx.ds.table(coll);
            let field = FieldId(i as u32);
            let resolved = ctx.indexes.resolved_column(coll, field);
            for row in 0..table.len() {
                // A ref resolved ahead to a row is not dangling: skip it
                // without reading or looking up its value.
                if resolved.is_some_and(|r| r[row as usize] != super::index::NO_ROW) {
                    continue;
                }
                let v = table.get(row, field);
                let mut check = |item: &Value| {
                    let found = Key::of(item, &ctx.ds.interner)
                        .and_then(|k| ctx.indexes.first_by_id(ctx.schema, target, &k));
                    if found.is_none() {
                        dangling
                            .entry(ctx.display(item, false))
                            .or_default()
                            .push(row);
                    }
                };
                // No vector per row: this runs over every ref of every event.
                match &v {
                    Value::List(items) => items.iter().for_each(&mut check),
                    Value::Missing => {}
                    item => check(item),
                }
            }
            let target_name = &ctx.schema.collection(target).name;
            for (id, rows) in dangling {
                let mut v = builtin(
                    "integrity.dangling_ref",
                    Severity::Warning,
                    "every ref names an existing object",
                    format!(
                        "`{}.{}` names `{id}`, which no `{target_name}` has ({} row{})",
                        c.name,
                        f.name,
                        rows.len(),
                        if rows.len() == 1 { "" } else { "s" }
                    ),
                    ctx,
                    (coll, rows[0]),
                    id,
                );
                v.evidence = rows
                    .iter()
                    .take(MAX_DANGLING_EVIDENCE)
                    .map(|r| ctx.data_loc(coll, *r))
                    .collect();
                out.push(v);
            }
        }
    }
    out
}

pub fn future_events(ctx: &Ctx) -> Vec<Violation> {
    let mut out = Vec::new();
    for coll in ctx
        .schema
        .ids()
        .filter(|c| ctx.schema.collection(*c).kind == CollKind::Event)
    {
        let Some(at) = ctx.schema.collection(coll).field_id("at") else {
            continue;
        };
        let table = ctx.ds.table(coll);
        for row in 0..table.len() {
            let Value::DateTime(t) = table.get(row, at) else {
                continue;
            };
            let Some(day) = ctx.date_of(t) else { continue };
            if day > ctx.as_of {
                let id = ctx.object_id(coll, row);
                let message = format!(
                    "this `{}` event is dated {day}, after the evaluation date {}",
                    ctx.schema.collection(coll).name,
                    ctx.as_of
                );
                out.push(builtin(
                    "integrity.future_event",
                    Severity::Warning,
                    "no event is dated after as_of",
                    message,
                    ctx,
                    (coll, row),
                    id,
                ));
            }
        }
    }
    out
}
