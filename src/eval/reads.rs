//! Which fields a `check` run reads, so that the loader need not store the
//! others (docs/scale.md, "Columns no rule reads").
//!
//! A field left out reads as missing, so this must be complete: every
//! expression of every rule, the keys its joins look up, its messages in
//! every language, and what the report itself shows of an object.

use std::collections::BTreeSet;

use crate::check::ir::{CheckedClauseKind, CheckedMessage, CheckedPart, CheckedRule, Ir, IrKind};
use crate::check::schema::{CollKind, Collection, FieldType};
use crate::check::Checked;
use crate::value::{CollId, FieldId};

/// The fields of records and events that nothing in a run of `checked`
/// reads, sorted. Only collections whose objects have an `id` qualify: an
/// object without one is named by a digest of all its values.
pub fn unread_fields(checked: &Checked) -> Vec<(CollId, FieldId)> {
    let read = fields_read(checked);
    let schema = &checked.schema;
    let mut out = Vec::new();
    for c in schema.ids() {
        let coll = schema.collection(c);
        if !matches!(coll.kind, CollKind::Record | CollKind::Event) || coll.id_field().is_none() {
            continue;
        }
        for i in 0..coll.fields.len() {
            let field = FieldId(i as u32);
            if !read.contains(&(c, field)) && !shown_by_reports(coll, field) {
                out.push((c, field));
            }
        }
    }
    out
}

/// Fields the report and the built-in checks read of any object: its id
/// (its name in the report), its title (题名, shown beside the subject),
/// an event's `at` (events dated after `as_of`), a record's `created`
/// (records created after it, `cli::dated_facts`) and every ref (dangling
/// refs; a name in a ref makes the row personal).
fn shown_by_reports(coll: &Collection, field: FieldId) -> bool {
    let f = coll.field(field);
    let is_ref = |ty: &FieldType| matches!(ty, FieldType::Ref(_));
    Some(field) == coll.id_field()
        || f.name == "title"
        || f.name == "at"
        || (coll.kind == CollKind::Record && f.name == "created")
        || is_ref(&f.ty)
        || matches!(&f.ty, FieldType::List(inner) if is_ref(inner))
}

/// Every (collection, field) an expression of a rule reads.
pub fn fields_read(checked: &Checked) -> BTreeSet<(CollId, FieldId)> {
    let mut read = BTreeSet::new();
    for rule in &checked.rules {
        each_field_read(rule, &mut |c, f| {
            read.insert((c, f));
        });
    }
    read
}

/// Calls `f` with each (collection, field) the rule reads, once or more.
pub fn each_field_read(rule: &CheckedRule, f: &mut impl FnMut(CollId, FieldId)) {
    visit_rule(rule, &mut |ir| {
        if let IrKind::Field { coll, field, .. } = &ir.kind {
            f(*coll, *field);
        }
        // The key field of an aggregate's join is looked up, not walked:
        // it is no node of the condition.
        if let IrKind::Aggregate(_, join) = &ir.kind {
            if let Some((field, _)) = &join.key {
                f(join.coll, *field);
            }
        }
    });
    for clause in &rule.clauses {
        if let CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } =
            &clause.kind
        {
            if let Some((field, _)) = &join.key {
                f(join.coll, *field);
            }
        }
    }
}

/// Visits every expression of a rule, and every node below each: its
/// filter, its clauses (join conditions and keys included) and the holes
/// of its messages in every language.
fn visit_rule(rule: &CheckedRule, visit: &mut impl FnMut(&Ir)) {
    rule.filter.iter().for_each(|f| f.walk(visit));
    for clause in &rule.clauses {
        match &clause.kind {
            CheckedClauseKind::Let { value, .. } => value.walk(visit),
            CheckedClauseKind::When(e) => e.walk(visit),
            CheckedClauseKind::Require { cond, message } => {
                cond.walk(visit);
                visit_message(message.as_ref(), visit);
            }
            CheckedClauseKind::Match { join, message }
            | CheckedClauseKind::Forbid { join, message } => {
                join.walk(visit);
                visit_message(message.as_ref(), visit);
            }
        }
    }
}

fn visit_message(message: Option<&CheckedMessage>, visit: &mut impl FnMut(&Ir)) {
    let Some(m) = message else { return };
    let texts = m.texts.each().flat_map(|(_, parts)| parts.iter());
    for part in m.parts.iter().chain(texts) {
        if let CheckedPart::Hole(ir) = part {
            ir.walk(visit);
        }
    }
}
