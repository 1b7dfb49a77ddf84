//! Text a rule compares a field with that no row holds, while rows hold a
//! value a typo away (`r.category == "acounting_voucher"` beside records of
//! `accounting_voucher`). Such a rule tests less than its author meant:
//! its `where` or `when` lets nothing through, or its `forbid` or `!=` can
//! never fail, and the run could say COMPLIANT. The report says it, and the
//! run is not fully checked (docs/reports.md, "Verdict and rule status").
//! Values of an enum are checked against the schema already; this is for
//! text, ids and refs, whose values only the data knows.

use std::collections::HashMap;

use crate::check::ir::{CheckedClauseKind, CheckedRule, CmpOp, Func, Ir, IrKind, Join};
use crate::check::schema::{FieldType, Schema};
use crate::check::Checked;
use crate::data::{Column, Dataset};
use crate::report::model::UnmatchedValue;
use crate::value::{CollId, FieldId, Value};

/// Beyond this many distinct values a column is free text, not a
/// vocabulary: no near value is looked for.
const MAX_DISTINCT: usize = 20_000;

/// Literals shorter than this (in characters) are near another value only
/// when they differ in letter case or spaces: `A1` beside `A2` is no typo.
const MIN_EDITED_CHARS: usize = 4;

/// Per rule of `checked`, the text it compares a field with that no row
/// of `ds` holds while a near value is held. `skip`: collections not
/// loaded here (read in place by Spark), of which nothing is known.
pub fn unmatched(
    checked: &Checked,
    ds: &Dataset,
    skip: &dyn Fn(CollId) -> bool,
) -> Vec<Vec<UnmatchedValue>> {
    let mut columns: HashMap<(CollId, FieldId, Case), Option<Vocabulary>> = HashMap::new();
    checked
        .rules
        .iter()
        .map(|rule| {
            let mut found: Vec<UnmatchedValue> = Vec::new();
            for (coll, field, literal) in literals(&checked.schema, rule) {
                let Compared {
                    text: literal,
                    part,
                    case,
                } = literal;
                if skip(coll) || ds.table(coll).is_empty() {
                    continue;
                }
                let vocabulary = columns
                    .entry((coll, field, case))
                    .or_insert_with(|| Vocabulary::of(ds, coll, field, case));
                let Some(miss) = vocabulary
                    .as_ref()
                    .and_then(|v| v.miss(&checked.schema, coll, field, &literal, part))
                else {
                    continue;
                };
                if !found.contains(&miss) {
                    found.push(miss);
                }
            }
            found
        })
        .collect()
}

/// A string literal a field is compared with.
struct Compared {
    text: String,
    /// Looked for inside the field's values (`contains`), not equal to one.
    part: bool,
    /// The field's values as compared: as held, or through `lower`/`upper`.
    case: Case,
}

/// How a field's values are compared: `r.note`, `lower(r.note)`, `upper(r.note)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Case {
    Held,
    Lower,
    Upper,
}

impl Case {
    /// `value` as this case compares it, folded as the evaluator folds it.
    fn apply(self, value: &str) -> String {
        match self {
            Case::Held => value.to_string(),
            Case::Lower => value.to_lowercase(),
            Case::Upper => value.to_uppercase(),
        }
    }
}

impl From<String> for Compared {
    fn from(text: String) -> Compared {
        Compared {
            text,
            part: false,
            case: Case::Held,
        }
    }
}

type Found = (CollId, FieldId, Compared);

/// The (collection, field, text) of every comparison of a text, id or ref
/// field with a string literal by `==`, `!=`, `in`, `not in`, a list's
/// `contains` (`["诉讼保全"] contains r.note`, the mirror of `in`) or (a
/// text field) `contains` or a plain pattern's `matches`, anywhere in the rule: its `where`, its clauses
/// and their joins; a field also through `lower` or `upper` (compared with
/// its values folded). The forms a list's `contains` and `lower` took
/// escaped it (hostile review h19: a typo made a rule not applicable and
/// the run COMPLIANT).
fn literals(schema: &Schema, rule: &CheckedRule) -> Vec<Found> {
    let mut out = Vec::new();
    let mut keys = Vec::new();
    let mut visit = |ir: &Ir| compared(schema, ir, &mut out);
    rule.filter.iter().for_each(|f| f.walk(&mut visit));
    for clause in &rule.clauses {
        match &clause.kind {
            CheckedClauseKind::Let { value: ir, .. }
            | CheckedClauseKind::When(ir)
            | CheckedClauseKind::Require { cond: ir, .. } => ir.walk(&mut visit),
            CheckedClauseKind::Match { join, .. } | CheckedClauseKind::Forbid { join, .. } => {
                join.walk(&mut visit);
                keyed(schema, join, &mut keys);
            }
        }
    }
    out.extend(keys);
    out
}

/// A join looked up by a literal (`on d.method == "shred"` taken as its key).
fn keyed(schema: &Schema, join: &Join, out: &mut Vec<Found>) {
    if let Some((field, key)) = &join.key {
        if let Some(text) = literal(key) {
            if is_vocabulary(schema, join.coll, *field) {
                out.push((join.coll, *field, text.into()));
            }
        }
    }
}

fn compared(schema: &Schema, ir: &Ir, out: &mut Vec<Found>) {
    let field = |ir: &Ir| compared_field(schema, ir);
    let found = |(coll, field, case): (CollId, FieldId, Case), text: String, part: bool| {
        (coll, field, Compared { text, part, case })
    };
    match &ir.kind {
        IrKind::Cmp(CmpOp::Eq | CmpOp::Ne, a, b, _) => {
            let pair = match (field(a), literal(b), field(b), literal(a)) {
                (Some(f), Some(text), _, _) | (_, _, Some(f), Some(text)) => Some((f, text)),
                _ => None,
            };
            if let Some((f, text)) = pair {
                out.push(found(f, text, false));
            }
        }
        IrKind::In { item, list, .. } => {
            if let Some(f) = field(item) {
                for text in listed(list) {
                    out.push(found(f, text, false));
                }
            }
            // The literal on the left (`"Customer" in [r.category]`).
            if let (Some(text), IrKind::List(items)) = (literal(item), &list.kind) {
                for f in items.iter().filter_map(field) {
                    out.push(found(f, text.clone(), false));
                }
            }
        }
        IrKind::Contains(hay, needle, _) => {
            // Text looked for inside a text field (`r.category contains
            // "Customer"` beside `customer_profile`; hostile review,
            // 2026-12-07: the `where` was never true and the run COMPLIANT).
            if let (Some(f), Some(text)) = (field(hay), literal(needle)) {
                if schema.collection(f.0).field(f.1).ty == FieldType::Text {
                    out.push(found(f, text, true));
                }
            }
            // A list written in the rule holding a field (`["诉讼保全"]
            // contains r.note`): `r.note in [...]`.
            if let Some(f) = field(needle) {
                for text in listed(hay) {
                    out.push(found(f, text, false));
                }
            }
        }
        // A pattern that is plain text is text looked for inside the field
        // (`r.title matches "Customer"` beside `customer_profile`), as
        // `contains` is (hostile review h23, 2026-12-07: it was not looked
        // at, and the `where` let nothing through).
        IrKind::Matches(x, _, pattern) if is_plain(pattern) => {
            if let Some(f) = field(x) {
                if schema.collection(f.0).field(f.1).ty == FieldType::Text {
                    out.push(found(f, pattern.to_string(), true));
                }
            }
        }
        // A join inside an expression (`count`, `exists`), looked up by a
        // literal.
        IrKind::Aggregate(_, join) => keyed(schema, join, out),
        _ => {}
    }
}

/// The field `ir` compares, and how: a text, id or ref field, or `lower`
/// or `upper` of one.
fn compared_field(schema: &Schema, ir: &Ir) -> Option<(CollId, FieldId, Case)> {
    match &ir.kind {
        IrKind::Field { coll, field, .. } if is_vocabulary(schema, *coll, *field) => {
            Some((*coll, *field, Case::Held))
        }
        IrKind::Call(func @ (Func::Lower | Func::Upper), args) if args.len() == 1 => {
            // The outer fold decides: `lower(upper(x))` is `lower(x)`.
            let (coll, field, _) = compared_field(schema, &args[0])?;
            let case = if *func == Func::Lower {
                Case::Lower
            } else {
                Case::Upper
            };
            Some((coll, field, case))
        }
        _ => None,
    }
}

/// Text, ids and refs: fields whose values only the data knows.
fn is_vocabulary(schema: &Schema, coll: CollId, field: FieldId) -> bool {
    matches!(
        schema.collection(coll).field(field).ty,
        FieldType::Text | FieldType::Id | FieldType::Ref(_)
    )
}

/// A pattern without any character a regular expression reads otherwise
/// than as itself: text, matched wherever it is in a value.
fn is_plain(pattern: &str) -> bool {
    !pattern.is_empty() && !pattern.contains(|c: char| "\\.^$|?*+()[]{}".contains(c))
}

fn literal(ir: &Ir) -> Option<String> {
    match &ir.kind {
        IrKind::Const(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    }
}

/// The string literals of a list written in the rule.
fn listed(list: &Ir) -> Vec<String> {
    match &list.kind {
        IrKind::List(items) => items.iter().filter_map(literal).collect(),
        IrKind::Const(Value::List(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

/// The distinct values of one column with how many rows hold each.
struct Vocabulary {
    counts: HashMap<String, u64>,
}

impl Vocabulary {
    /// `None` for a column of more than `MAX_DISTINCT` values (free text)
    /// or one not kept (no rule reads it: then no rule compares it).
    fn of(ds: &Dataset, coll: CollId, field: FieldId, case: Case) -> Option<Vocabulary> {
        let Column::Sym(values) = &ds.table(coll).columns[field.0 as usize] else {
            return None;
        };
        let mut by_sym: HashMap<crate::value::Sym, u64> = HashMap::new();
        for sym in values.iter().flatten() {
            *by_sym.entry(*sym).or_default() += 1;
            if by_sym.len() > MAX_DISTINCT {
                return None;
            }
        }
        // Text stored unhashed can hold one string under two symbols.
        let mut counts: HashMap<String, u64> = HashMap::new();
        for (sym, n) in by_sym {
            *counts
                .entry(case.apply(ds.interner.resolve(sym)))
                .or_default() += n;
        }
        Some(Vocabulary { counts })
    }

    /// What to say of `literal` compared with this column: nothing when a
    /// row holds it, or when no held value is near it.
    fn miss(
        &self,
        schema: &Schema,
        coll: CollId,
        field: FieldId,
        literal: &str,
        part: bool,
    ) -> Option<UnmatchedValue> {
        let near = if part {
            self.holding(literal)?
        } else {
            if self.counts.contains_key(literal) {
                return None;
            }
            self.near(literal)?
        };
        let c = schema.collection(coll);
        let f = c.field(field);
        let shown = |s: &str| match f.pii {
            true => crate::pii::mask(s),
            false => s.to_string(),
        };
        Some(UnmatchedValue {
            field: format!("{}.{}", c.name, f.name),
            value: shown(literal),
            near: shown(near),
            // `near` is one of the keys (`Vocabulary::near`).
            rows: self.counts[near],
        })
    }

    /// For `contains`: `None` when a held value holds `literal`, else the
    /// one (most held) that holds it but for letter case, width or spaces.
    /// No fuzzy match: a part of a value a typo away is too loose a guess.
    fn holding(&self, literal: &str) -> Option<&str> {
        // As `contains` on text reads both sides (`ContainsBy::Read`):
        // `記帳` is held by `记账凭证`.
        let read = crate::text::as_matched(literal);
        if (self.counts.keys()).any(|v| crate::text::as_matched(v).contains(read.as_ref())) {
            return None;
        }
        let folded = fold(literal);
        if folded.is_empty() {
            return None;
        }
        self.counts
            .iter()
            .filter(|(v, _)| fold(v).contains(&folded))
            .max_by_key(|(v, n)| (**n, std::cmp::Reverse(v.as_str())))
            .map(|(v, _)| v.as_str())
    }

    /// The held value nearest `literal`: one that differs only in letter
    /// case, width or spaces, else (for a literal of `MIN_EDITED_CHARS` or
    /// more) one the fuzzy matcher offers; of equals, the most held.
    fn near(&self, literal: &str) -> Option<&str> {
        let folded = fold(literal);
        let mut same: Vec<&str> = (self.counts.keys())
            .filter(|v| fold(v) == folded)
            .map(String::as_str)
            .collect();
        // Each of `same` is a key of `counts`.
        same.sort_by_key(|v| (std::cmp::Reverse(self.counts[*v]), *v));
        if let Some(v) = same.first() {
            return Some(v);
        }
        if literal.chars().count() < MIN_EDITED_CHARS {
            return None;
        }
        // `S-99` beside `S-09` names another staff member, not a typo.
        let numbered = digits_as_nine(literal);
        let others = (self.counts.keys())
            .filter(|v| digits_as_nine(v) != numbered)
            .map(String::as_str);
        crate::check::suggest::did_you_mean(literal, others)
    }
}

/// `s` with every ASCII digit as `9`: values that differ only in their
/// numbers share one.
fn digits_as_nine(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

/// Letter case, full-width forms, spaces and invisible characters aside,
/// and read as `matches` reads a text (`text::as_matched`: traditional
/// characters as simplified ones, `帐` as `账`, radicals as ideographs):
/// `r.title == "记账凭证"` beside rows of `記帳憑證` let nothing through
/// and said nothing (hostile review h23, 2026-12-07).
fn fold(s: &str) -> String {
    crate::text::as_matched(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !crate::text::is_invisible(*c))
        .map(crate::text::half_width)
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(values: &[(&str, u64)]) -> Vocabulary {
        Vocabulary {
            counts: values.iter().map(|(v, n)| (v.to_string(), *n)).collect(),
        }
    }

    #[test]
    fn a_value_a_typo_away_is_near_one_held_is_not_asked_about() {
        let v = vocabulary(&[("accounting_voucher", 3), ("ledger", 2), ("A1", 1)]);
        assert_eq!(v.near("acounting_voucher"), Some("accounting_voucher"));
        assert_eq!(v.near("Ledger "), Some("ledger"));
        assert_eq!(v.near("ＬＥＤＧＥＲ"), Some("ledger"));
        // Short: only case and spaces count.
        assert_eq!(v.near("A2"), None);
        assert_eq!(v.near("a1"), Some("A1"));
        // Nothing near: a value the data simply lacks.
        assert_eq!(v.near("tax_return"), None);
        // Another number is another value, not a typo.
        let ids = vocabulary(&[("S-09", 1), ("R-1004", 1)]);
        assert_eq!(ids.near("S-99"), None);
        assert_eq!(ids.near("R-1005"), None);
        assert_eq!(ids.near("R-l004"), Some("R-1004"));
    }

    #[test]
    fn text_looked_for_inside_values_is_asked_about_when_held_only_in_another_case() {
        let v = vocabulary(&[("customer_profile", 3), ("ledger", 2)]);
        assert_eq!(v.holding("Customer"), Some("customer_profile"));
        assert_eq!(v.holding("customer"), None);
        assert_eq!(v.holding("ＰＲＯＦＩＬＥ"), Some("customer_profile"));
        // Nothing holds it in any case: a value the data simply lacks.
        assert_eq!(v.holding("invoice"), None);
        // Held as `contains` reads text: traditional, `帐` for `账`.
        let v = vocabulary(&[("2019年记账凭证", 3)]);
        assert_eq!(v.holding("記帳"), None);
        assert_eq!(v.holding("记帐凭证"), None);
    }

    #[test]
    fn a_value_held_in_traditional_characters_or_a_variant_is_near() {
        let v = vocabulary(&[("記賬憑證", 3), ("记帐凭证", 1), ("营销", 2)]);
        assert_eq!(v.near("记账凭证"), Some("記賬憑證"));
        // Short, but the same word.
        assert_eq!(v.near("營銷"), Some("营销"));
        let short = vocabulary(&[("賬", 1)]);
        assert_eq!(short.near("账"), Some("賬"));
    }
}
