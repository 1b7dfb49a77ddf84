//! Which clause a waiver by id may be taken to speak for.
//!
//! A waiver file names a rule and a subject, never a clause. In a rule that
//! checks one thing, that is enough. In a rule that checks several, a waiver
//! written about one finding (a catalogue entry marked wrongly) silenced
//! another found later by a different clause (the same held record
//! shredded), because it was then the subject's only violation (hostile
//! review, 2026-12-08). So a waiver by id does not cover, in a rule with
//! several clauses that can fail, a violation of a clause that *finds*
//! something that must not be there: a `forbid`, or a `require` that fails
//! because an `exists` or a `count` in it found objects (`require not
//! exists(destruction …)`, `require count(…) == 0`). Such a violation is
//! waived by its fingerprint, which names the clause and the objects
//! (docs/language.md, "Waivers").

use crate::check::ir::{CheckedClause, CheckedClauseKind, CheckedRule, CmpOp, Ir, IrKind};
use crate::syntax::ast::AggregateOp;

/// How many of the rule's clauses can fail (`require`, `match`, `forbid`).
pub fn checks(rule: &CheckedRule) -> usize {
    rule.clauses
        .iter()
        .filter(|c| {
            !matches!(
                c.kind,
                CheckedClauseKind::Let { .. } | CheckedClauseKind::When(_)
            )
        })
        .count()
}

/// Whether a violation of `clause` may rest on objects the clause found
/// against the rule: a `forbid`'s object, or what an `exists` or a `count`
/// of a `require` found where finding it makes the `require` fail. Decided
/// from the clause, not the run, so both engines agree, and whatever is
/// not clear (an aggregate compared as a bool, in arithmetic) counts as
/// finding: a refused waiver is said, a wrongly applied one is not.
pub fn finds_objects(rule: &CheckedRule, clause: &CheckedClause) -> bool {
    match &clause.kind {
        CheckedClauseKind::Forbid { .. } => true,
        CheckedClauseKind::Require { cond, .. } => against(rule, cond, false, 0),
        _ => false,
    }
}

/// `let`s refer to `let`s at most this deep (the language's own limit is 100).
const MAX_LETS: usize = 128;

/// Whether finding objects in an aggregate of `ir` can make it false
/// (`negated`: make it true, under an odd number of `not`s).
fn against(rule: &CheckedRule, ir: &Ir, negated: bool, lets: usize) -> bool {
    if lets > MAX_LETS {
        return true;
    }
    match &ir.kind {
        IrKind::Not(x) => against(rule, x, !negated, lets),
        IrKind::And(a, b) | IrKind::Or(a, b) => {
            against(rule, a, negated, lets) || against(rule, b, negated, lets)
        }
        // `exists` is true once one object is found: against the rule
        // under `not`.
        IrKind::Aggregate(AggregateOp::Exists, _) => negated,
        IrKind::Cmp(op, a, b, _) => match (is_count(rule, a, lets), is_count(rule, b, lets)) {
            (true, false) => grows_false(*op, negated) || has_aggregate(rule, b, lets),
            (false, true) => grows_false(op.flipped(), negated) || has_aggregate(rule, a, lets),
            _ => has_aggregate(rule, ir, lets),
        },
        IrKind::Var(slot) => match let_value(rule, *slot) {
            Some(value) => against(rule, value, negated, lets + 1),
            None => false,
        },
        _ => has_aggregate(rule, ir, lets),
    }
}

/// Whether more objects counted can make `count OP x` false (`negated`:
/// true). `==` either way: a count past the number is as wrong as one short.
fn grows_false(op: CmpOp, negated: bool) -> bool {
    match negated {
        false => matches!(op, CmpOp::Eq | CmpOp::Lt | CmpOp::Le),
        true => matches!(op, CmpOp::Eq | CmpOp::Ne | CmpOp::Gt | CmpOp::Ge),
    }
}

/// Whether `ir` is a `count(…)`, or a `let` bound to one.
fn is_count(rule: &CheckedRule, ir: &Ir, lets: usize) -> bool {
    match &ir.kind {
        IrKind::Aggregate(AggregateOp::Count, _) => true,
        IrKind::Var(slot) if lets <= MAX_LETS => {
            let_value(rule, *slot).is_some_and(|v| is_count(rule, v, lets + 1))
        }
        _ => false,
    }
}

/// Whether an `exists` or a `count` is in `ir`, through the `let`s it reads.
fn has_aggregate(rule: &CheckedRule, ir: &Ir, lets: usize) -> bool {
    if lets > MAX_LETS {
        return true;
    }
    let mut found = false;
    ir.walk(&mut |n| match &n.kind {
        IrKind::Aggregate(..) => found = true,
        IrKind::Var(slot) => {
            found |= let_value(rule, *slot).is_some_and(|v| has_aggregate(rule, v, lets + 1))
        }
        _ => {}
    });
    found
}

/// The value of the rule's `let` bound to `slot` (set-wide `let`s are
/// constants, and the rule's variables are objects).
fn let_value(rule: &CheckedRule, slot: u16) -> Option<&Ir> {
    rule.clauses.iter().find_map(|c| match &c.kind {
        CheckedClauseKind::Let { slot: s, value } if *s == slot => Some(value),
        _ => None,
    })
}
