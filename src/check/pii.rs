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
    let any = |items: &[&Ir]| items.iter().any(|i| reads_pii(schema, i, slots));
    match &ir.kind {
        IrKind::Var(s) => slots.get(*s as usize).copied().unwrap_or(false),
        IrKind::Field { base, coll, field } => {
            let c = schema.collection(*coll);
            // The id of an object reached through a personal ref is that
            // personal value.
            c.field(*field).pii || (c.id_field() == Some(*field) && reads_pii(schema, base, slots))
        }
        IrKind::Deref { base, .. } => reads_pii(schema, base, slots),
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
