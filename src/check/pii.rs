//! Which expressions hold personal information, decided before anything is
//! evaluated (security.md, "Personal information"). A value is personal when
//! it is read from a `pii` field or built from one: the mark follows it
//! through a rule's `let`s, lists, `ref` navigation (the id a `pii` ref
//! names), arithmetic and every built-in function but `len`. Conditions
//! (`==`, `contains`, `is set`, ...) and counts yield no part of a value and
//! are not marked.

use super::ir::{CheckedClauseKind, CheckedRule, Func, Ir, IrKind};
use super::schema::Schema;

/// Per slot of `rule`, whether the value bound there is personal. Only a
/// `let` can bind one: the other slots hold objects, shown by their id.
pub fn slots(schema: &Schema, rule: &CheckedRule) -> Vec<bool> {
    let mut pii = vec![false; rule.slots as usize];
    for clause in &rule.clauses {
        if let CheckedClauseKind::Let { slot, value } = &clause.kind {
            // Slots are never reused, and a `let` sees only earlier ones.
            pii[*slot as usize] = reads_pii(schema, value, &pii);
        }
    }
    pii
}

/// Whether the value of `ir` is personal; `slots` as from [`slots`].
pub fn reads_pii(schema: &Schema, ir: &Ir, slots: &[bool]) -> bool {
    // Not done (issue 18, L9): with `refs` set, ids that do not read like
    // ids (`R-keep`) were masked too; a ref must be masked only when it
    // does not resolve. Until then refs are marked as before.
    marked(schema, ir, slots, false)
}

/// Whether a value of `ir` that [`reads_pii`] marks is masked whatever it
/// holds: it is read from a `pii` field or built from one, or from a `let`
/// marked personal. Otherwise it is marked only as a ref into a collection
/// with `pii` fields, and the evaluator masks it unless it reads like an id
/// (`crate::pii::looks_like_id`; security.md, "Ids and dangling refs").
pub fn always_masked(schema: &Schema, ir: &Ir, slots: &[bool]) -> bool {
    marked(schema, ir, slots, false)
}

/// [`reads_pii`]; `refs`: whether a ref into a collection with `pii`
/// fields counts ([`refers_to_personal`]). The id reached through such a
/// ref (`a.actor.id`) is an id the data holds, not the cell's text, and is
/// shown like any id.
fn marked(schema: &Schema, ir: &Ir, slots: &[bool], refs: bool) -> bool {
    let any = |items: &[&Ir]| items.iter().any(|i| marked(schema, i, slots, refs));
    match &ir.kind {
        IrKind::Var(s) => slots.get(*s as usize).copied().unwrap_or(false),
        IrKind::Field { base, coll, field } => {
            let c = schema.collection(*coll);
            // The id of an object reached through a personal ref is that
            // personal value.
            c.field(*field).pii
                || (refs && refers_to_personal(schema, &c.field(*field).ty))
                || (c.id_field() == Some(*field) && marked(schema, base, slots, false))
        }
        IrKind::Deref { base, .. } => marked(schema, base, slots, refs),
        IrKind::List(items) => any(&items.iter().collect::<Vec<_>>()),
        IrKind::Neg(x) => any(&[x]),
        IrKind::Arith(_, a, b) => any(&[a, b]),
        IrKind::Call(Func::Len, _) => false,
        IrKind::Call(_, args) => any(&args.iter().collect::<Vec<_>>()),
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
        | IrKind::Aggregate(..) => false,
    }
}

/// Whether a field of type `ty` is a ref (or a list of refs) into a
/// collection with `pii` fields. Its value is an object when the ref
/// resolves, shown by its id whatever the mark; when it does not (a staff
/// member's *name* where an id belongs, security.md "Ids and dangling
/// refs"), it is the text of the cell, and that is masked. The mark is
/// static, so a dangling id (`S-99`) is masked too.
fn refers_to_personal(schema: &Schema, ty: &super::schema::FieldType) -> bool {
    use super::schema::FieldType;
    let target = match ty {
        FieldType::Ref(t) => *t,
        FieldType::List(inner) => match inner.as_ref() {
            FieldType::Ref(t) => *t,
            _ => return false,
        },
        _ => return false,
    };
    schema.collection(target).fields.iter().any(|f| f.pii)
}
