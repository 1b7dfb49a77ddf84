//! Which expressions hold personal information, decided before anything is
//! evaluated (security.md, "Personal information"). A value is personal when
//! it is read from a `pii` field or built from one: the mark follows it
//! through a rule's `let`s, lists, `ref` navigation (the id a `pii` ref
//! names), arithmetic and every built-in function but `len`. Conditions
//! (`==`, `contains`, `is set`, ...) and counts yield no part of a value and
//! are not marked.
//!
//! A ref into a collection with `pii` fields is marked [`Mark::Ref`]: what
//! it holds is known only when the data is read. When it names an object of
//! that collection it is an id and is shown; when it does not (an OA
//! export's staff *name* in a ref column) it is the text of the cell, and
//! the evaluator masks it unless it reads like an id (security.md, "Names
//! in ref fields"; `eval::explain`, `Ctx::reads_pii`).

use super::ir::{CheckedClauseKind, CheckedRule, Func, Ir, IrKind};
use super::schema::{FieldType, Schema};
use crate::value::CollId;

/// Whether an expression's value is personal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mark {
    /// Not personal: shown as it is.
    #[default]
    No,
    /// The text of a ref (or a list of refs) into this collection, which
    /// has `pii` fields: shown when each text names an object of it or
    /// reads like an id, masked otherwise.
    Ref(CollId),
    /// Read from a `pii` field or built from a personal value: masked
    /// whatever it holds.
    Always,
}

/// Per slot of `rule`, whether the value bound there is personal. Only a
/// `let` can bind one: the other slots hold objects, shown by their id.
pub fn slots(schema: &Schema, rule: &CheckedRule) -> Vec<Mark> {
    let mut pii = vec![Mark::No; rule.slots as usize];
    for clause in &rule.clauses {
        if let CheckedClauseKind::Let { slot, value } = &clause.kind {
            // Slots are never reused, and a `let` sees only earlier ones.
            pii[*slot as usize] = mark(schema, value, &pii);
        }
    }
    pii
}

/// Whether the value of `ir` is masked whatever it holds; `slots` as from
/// [`slots`]. A ref's text ([`Mark::Ref`]) is not: it can only be judged
/// against the data ([`mark`]).
pub fn reads_pii(schema: &Schema, ir: &Ir, slots: &[Mark]) -> bool {
    mark(schema, ir, slots) == Mark::Always
}

/// How the value of `ir` is personal; `slots` as from [`slots`].
pub fn mark(schema: &Schema, ir: &Ir, slots: &[Mark]) -> Mark {
    let derived = |items: &[&Ir]| {
        if items.iter().any(|i| mark(schema, i, slots) != Mark::No) {
            // A value computed from a ref's text (`upper(a.actor)`) is no
            // longer a text the data can be asked about.
            Mark::Always
        } else {
            Mark::No
        }
    };
    match &ir.kind {
        IrKind::Var(s) => slots.get(*s as usize).copied().unwrap_or_default(),
        IrKind::Field { base, coll, field } => {
            let c = schema.collection(*coll);
            let f = c.field(*field);
            if f.pii {
                Mark::Always
            } else if c.id_field() == Some(*field) {
                // The id of an object reached through a `pii` ref is that
                // personal value; reached through a ref into a personal
                // collection, it is an id the collection holds (a ref that
                // names nothing reaches no object).
                match mark(schema, base, slots) {
                    Mark::Always => Mark::Always,
                    _ => Mark::No,
                }
            } else {
                personal_target(schema, &f.ty).map_or(Mark::No, Mark::Ref)
            }
        }
        IrKind::Deref { base, .. } => mark(schema, base, slots),
        IrKind::List(items) => list_mark(items.iter().map(|i| mark(schema, i, slots))),
        IrKind::Neg(x) => derived(&[x]),
        IrKind::Arith(_, a, b) => derived(&[a, b]),
        IrKind::Call(Func::Len, _) => Mark::No,
        IrKind::Call(_, args) => derived(&args.iter().collect::<Vec<_>>()),
        IrKind::Const(_)
        | IrKind::AsOf
        | IrKind::Company(_)
        | IrKind::Not(_)
        | IrKind::And(..)
        | IrKind::Or(..)
        | IrKind::Cmp(..)
        | IrKind::In { .. }
        | IrKind::Contains(..)
        | IrKind::Matches(..)
        | IrKind::Is { .. }
        | IrKind::Within { .. }
        | IrKind::Aggregate(..) => Mark::No,
    }
}

/// The mark of a list literal from its items': personal when one is;
/// a ref's text when its marked items are texts of refs into one
/// collection (every text item is then judged against it, the safe side).
fn list_mark(items: impl Iterator<Item = Mark>) -> Mark {
    let mut out = Mark::No;
    for m in items {
        out = match (out, m) {
            (_, Mark::No) => out,
            (Mark::No, m) => m,
            (Mark::Ref(a), Mark::Ref(b)) if a == b => out,
            _ => Mark::Always,
        };
    }
    out
}

/// The collection a field of type `ty` refers into (a ref or a list of
/// refs), when that collection has `pii` fields.
fn personal_target(schema: &Schema, ty: &FieldType) -> Option<CollId> {
    let target = match ty {
        FieldType::Ref(t) => *t,
        FieldType::List(inner) => match inner.as_ref() {
            FieldType::Ref(t) => *t,
            _ => return None,
        },
        _ => return None,
    };
    schema
        .collection(target)
        .fields
        .iter()
        .any(|f| f.pii)
        .then_some(target)
}
