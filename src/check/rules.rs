//! Checks the items that use the schema: defaults, set-wide `let`s, rules
//! and test blocks.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::syntax::ast::{
    ClauseKind, CollectionDecl, Expr, ExprKind, LetDecl, Literal, Message, MessagePart, Messages,
    Rule, Severity, TestBlock, Texts, UnaryOp,
};
use crate::syntax::localized::Localized;
use crate::value::Value;

use super::error::CheckError;
use super::expr::{literal, ExprChecker, Ty};
use super::ir::{
    CheckedClause, CheckedClauseKind, CheckedMessage, CheckedPart, CheckedRule, Ir, IrKind,
};
use super::regex_budget::RegexBudget;
use super::schema::{CollKind, FieldType, Schema};
use crate::syntax::lower::MAX_EXPR_DEPTH;

/// Field defaults must be literals of the field's type.
pub fn apply_defaults(
    schema: &mut Schema,
    decls: &[&CollectionDecl],
    errors: &mut Vec<CheckError>,
) {
    for d in decls {
        let Some(coll) = schema.lookup(d.head.node.name()) else {
            continue;
        };
        for f in d.fields.iter().filter(|f| f.default.is_some()) {
            let Some(default) = &f.default else { continue };
            let Some(fid) = schema.collection(coll).field_id(&f.name.node) else {
                continue;
            };
            let ty = schema.collection(coll).field(fid).ty.clone();
            match constant(default) {
                Some((v, t)) if fits(&t, &ty) => {
                    schema.collections[coll.0 as usize].fields[fid.0 as usize].default = Some(v)
                }
                Some((_, t)) => errors.push(CheckError::TypeMismatch {
                    span: default.span,
                    expected: crate::msg!("ty-field-type", code = ty.describe(schema)),
                    found: t.describe(schema),
                    context: crate::msg!("ctx-default", name = &f.name.node),
                }),
                None => errors.push(CheckError::NotConstant {
                    span: default.span,
                    what: crate::msg!("what-field-default"),
                }),
            }
        }
    }
}

fn constant(e: &Expr) -> Option<(Value, Ty)> {
    match &e.node {
        ExprKind::Literal(l) => Some(literal(l)),
        ExprKind::Unary(UnaryOp::Neg, x) => match &x.node {
            ExprKind::Literal(Literal::Int(n)) => Some((Value::Int(-n), Ty::Int)),
            ExprKind::Literal(Literal::Decimal(n)) => Some((Value::Dec(-n), Ty::Decimal)),
            _ => None,
        },
        ExprKind::List(items) => {
            let vals: Option<Vec<(Value, Ty)>> = items.iter().map(constant).collect();
            let vals = vals?;
            let ty = vals
                .first()
                .map_or(Ty::EmptyList, |(_, t)| Ty::List(Box::new(t.clone())));
            Some((Value::List(vals.into_iter().map(|(v, _)| v).collect()), ty))
        }
        _ => None,
    }
}

fn fits(t: &Ty, field: &FieldType) -> bool {
    match (t, field) {
        (Ty::Text, FieldType::Text | FieldType::Id | FieldType::Ref(_)) => true,
        (Ty::Text, FieldType::Enum(_)) => true,
        (Ty::Int, FieldType::Int | FieldType::Decimal) | (Ty::Decimal, FieldType::Decimal) => true,
        (Ty::Bool, FieldType::Bool)
        | (Ty::Date, FieldType::Date)
        | (Ty::DateTime, FieldType::DateTime) => true,
        (Ty::Duration, FieldType::Duration) => true,
        (Ty::EmptyList, FieldType::List(_)) => true,
        (Ty::List(e), FieldType::List(f)) => fits(e, f),
        _ => false,
    }
}

/// Set-wide `let`s, in dependency order; a cycle is an error.
pub fn set_lets(
    schema: &Schema,
    lets: &[&LetDecl],
    regexes: &mut RegexBudget,
    errors: &mut Vec<CheckError>,
) -> HashMap<String, (Ir, Ty)> {
    let mut consts: HashMap<String, (Ir, Ty)> = HashMap::new();
    let by_name: HashMap<&str, &LetDecl> =
        lets.iter().map(|l| (l.name.node.as_str(), *l)).collect();
    let mut names: Vec<&str> = by_name.keys().copied().collect();
    names.sort();
    let mut walk = LetWalk::default();
    for name in names {
        resolve_let(
            schema,
            name,
            &by_name,
            &mut consts,
            &mut walk,
            regexes,
            errors,
        );
    }
    consts
}

/// Where the resolution of set-wide `let`s stands.
#[derive(Default)]
struct LetWalk {
    /// The `let`s being resolved, outermost first (to find cycles).
    visiting: Vec<String>,
    /// Per resolved `let`, the longest chain of `let`s it ends.
    chains: HashMap<String, usize>,
}

fn resolve_let(
    schema: &Schema,
    name: &str,
    by_name: &HashMap<&str, &LetDecl>,
    consts: &mut HashMap<String, (Ir, Ty)>,
    walk: &mut LetWalk,
    regexes: &mut RegexBudget,
    errors: &mut Vec<CheckError>,
) {
    if consts.contains_key(name) {
        return;
    }
    let Some(decl) = by_name.get(name) else {
        return;
    };
    if walk.visiting.iter().any(|v| v == name) {
        errors.push(CheckError::NotConstant {
            span: decl.name.span,
            what: crate::msg!("what-self-ref", name = name),
        });
        return;
    }
    // `let`s are written out where they are used: a chain of them nests as
    // deeply as one expression would, and is held to the same limit.
    if walk.visiting.len() >= MAX_EXPR_DEPTH {
        errors.push(too_deep(decl, chain_too_long(name)));
        return;
    }
    walk.visiting.push(name.into());
    let mut deps = Vec::new();
    names_in(&decl.value, &mut deps);
    for d in deps.iter().filter(|d| by_name.contains_key(d.as_str())) {
        resolve_let(schema, d, by_name, consts, walk, regexes, errors);
    }
    walk.visiting.pop();
    let chain = 1 + deps
        .iter()
        .filter_map(|d| walk.chains.get(d.as_str()))
        .max()
        .unwrap_or(&0);
    let snapshot = consts.clone();
    let mut checker = ExprChecker {
        schema,
        consts: &snapshot,
        scope: vec![],
        next_slot: 0,
        max_slot: 0,
        regexes,
        errors,
        constant_context: Some("what-set-let"),
    };
    let (ir, ty) = checker.expr(&decl.value);
    // Each `let` it uses is within the limit, so this walk is shallow.
    let too_deep_by = if chain > MAX_EXPR_DEPTH {
        Some(chain_too_long(name))
    } else if ir.depth() > MAX_EXPR_DEPTH {
        Some(crate::msg!(
            "check-let-too-deep",
            name = name,
            limit = MAX_EXPR_DEPTH
        ))
    } else {
        None
    };
    // Once reported, the `let` counts as a constant: no cascade of errors.
    walk.chains
        .insert(name.into(), if too_deep_by.is_some() { 0 } else { chain });
    let ir = if let Some(message) = too_deep_by {
        errors.push(too_deep(decl, message));
        Ir {
            kind: IrKind::Const(Value::Missing),
            span: ir.span,
        }
    } else {
        ir
    };
    consts.insert(name.into(), (ir, ty));
}

fn chain_too_long(name: &str) -> crate::i18n::Msg {
    crate::msg!(
        "check-let-chain-too-long",
        name = name,
        limit = MAX_EXPR_DEPTH
    )
}

fn too_deep(decl: &LetDecl, message: crate::i18n::Msg) -> CheckError {
    CheckError::Syntax(crate::syntax::SyntaxError {
        span: decl.name.span,
        message,
        expected: vec![],
    })
}

pub fn names_in(e: &Expr, out: &mut Vec<String>) {
    match &e.node {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Literal(_) => {}
        ExprKind::List(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| names_in(i, out))
        }
        ExprKind::Field(b, _)
        | ExprKind::Unary(_, b)
        | ExprKind::Matches(b, _)
        | ExprKind::Is { value: b, .. } => names_in(b, out),
        ExprKind::Binary(_, a, b)
        | ExprKind::Contains(a, b)
        | ExprKind::In {
            item: a, list: b, ..
        } => {
            names_in(a, out);
            names_in(b, out);
        }
        ExprKind::Within {
            value,
            window,
            anchor,
            ..
        } => [value, window, anchor]
            .iter()
            .for_each(|x| names_in(x, out)),
        ExprKind::Aggregate { filter, .. } => filter.iter().for_each(|f| names_in(f, out)),
    }
}

pub fn check_rule(
    schema: &Schema,
    consts: &HashMap<String, (Ir, Ty)>,
    rule: &Rule,
    regexes: &mut RegexBudget,
    errors: &mut Vec<CheckError>,
) -> Option<CheckedRule> {
    let before = errors.len();
    let mut c = ExprChecker {
        schema,
        consts,
        scope: vec![],
        next_slot: 0,
        max_slot: 0,
        regexes,
        errors,
        constant_context: None,
    };
    let for_ = &rule.subjects;
    let subject = c.collection(&for_.collection.node, for_.collection.span);
    let subject_ty = subject.map_or(Ty::Error, Ty::Obj);
    c.name_free(&for_.var.node, for_.var.span);
    let subject_slot = c.bind(&for_.var.node, subject_ty);
    let filter = for_
        .filter
        .as_ref()
        .map(|f| c.condition(f, crate::msg!("ctx-for-where")));
    let mut clauses = Vec::with_capacity(rule.clauses.len());
    for clause in &rule.clauses {
        let kind = match &clause.kind {
            ClauseKind::Let { name, value } => {
                let (value, ty) = c.expr(value);
                c.name_free(&name.node, name.span);
                let names = c.reads_name(&value);
                let literal = super::expr::is_literal(&value).then(|| value.clone());
                let slot = c.bind(&name.node, ty);
                if let Some(b) = c.scope.last_mut() {
                    b.names = names;
                    b.literal = literal;
                }
                CheckedClauseKind::Let { slot, value }
            }
            ClauseKind::When(e) => CheckedClauseKind::When(c.condition(e, crate::msg!("ctx-when"))),
            ClauseKind::Require { cond, message } => {
                let cond = c.condition(cond, crate::msg!("ctx-require"));
                CheckedClauseKind::Require {
                    cond,
                    message: message.as_ref().map(|m| check_message(&mut c, m)),
                }
            }
            ClauseKind::Match {
                collection,
                var,
                on,
                message,
            }
            | ClauseKind::Forbid {
                collection,
                var,
                on,
                message,
            } => {
                let coll = c.collection(&collection.node, collection.span);
                c.name_free(&var.node, var.span);
                let join = match coll {
                    Some(coll) => c.join(coll, &var.node, Some(on), crate::msg!("ctx-on")),
                    None => {
                        c.bind(&var.node, Ty::Error);
                        continue;
                    }
                };
                let message = message.as_ref().map(|m| check_message(&mut c, m));
                if matches!(clause.kind, ClauseKind::Forbid { .. }) {
                    // The forbidden object is evidence, not a binding for later clauses.
                    c.scope.pop();
                    CheckedClauseKind::Forbid { join, message }
                } else {
                    CheckedClauseKind::Match { join, message }
                }
            }
        };
        clauses.push(CheckedClause {
            kind,
            span: clause.span,
        });
    }
    let checks = |k: &ClauseKind| !matches!(k, ClauseKind::Let { .. } | ClauseKind::When(_));
    if !rule.clauses.iter().any(|cl| checks(&cl.kind)) {
        c.errors.push(CheckError::ChecksNothing {
            span: rule.name.span,
        });
    }
    let slots = c.max_slot;
    if errors.len() > before {
        return None;
    }
    let mut checked = CheckedRule {
        name: rule.name.node.clone(),
        kind: rule.kind,
        title: None,
        severity: rule.severity.as_ref().map_or(Severity::Error, |s| s.node),
        cite: rule.cite.iter().map(|c| c.node.clone()).collect(),
        help: None,
        titles: texts(&rule.title),
        helps: texts(&rule.help),
        tags: rule.tags.iter().map(|t| t.node.clone()).collect(),
        subject: subject?,
        subject_slot,
        filter,
        clauses,
        slots,
        pii_slots: Vec::new(),
        span: rule.span,
        name_span: rule.name.span,
        for_span: for_.span,
    };
    checked.pii_slots = super::pii::slots(schema, &checked);
    checked.localize(Lang::default());
    Some(checked)
}

/// A title or help as written, without its spans.
fn texts(t: &Option<Texts>) -> Localized<String> {
    t.as_ref()
        .map(|t| t.map(|s| s.node.clone()))
        .unwrap_or_default()
}

/// Each language's message, checked; then the two languages' holes
/// compared ([`same_holes`]).
fn check_message(c: &mut ExprChecker, m: &Messages) -> CheckedMessage {
    let texts = m.map(|m| {
        m.parts
            .iter()
            .map(|p| match p {
                MessagePart::Text(t) => CheckedPart::Text(t.clone()),
                MessagePart::Hole(e) => CheckedPart::Hole(c.expr(e).0),
            })
            .collect()
    });
    if let (Some(zh), Some(en)) = (&m.zh, &m.en) {
        same_holes(zh, en, "zh", "en", c.errors);
        same_holes(en, zh, "en", "zh", c.errors);
    }
    CheckedMessage {
        parts: vec![],
        texts,
    }
}

/// An error at each hole of `has` whose expression no hole of `other`
/// has. Holes are compared as expressions (layout aside), as a set: a
/// Chinese sentence puts them in another order than an English one, and
/// may name a value twice.
fn same_holes(
    has: &Message,
    other: &Message,
    has_lang: &'static str,
    lacks: &'static str,
    errors: &mut Vec<CheckError>,
) {
    let holes = |m: &Message| -> Vec<Expr> {
        m.parts
            .iter()
            .filter_map(|p| match p {
                MessagePart::Hole(e) => Some(e.clone()),
                MessagePart::Text(_) => None,
            })
            .collect()
    };
    let theirs = holes(other);
    for hole in holes(has) {
        if !theirs.contains(&hole) {
            errors.push(CheckError::MessageHoles {
                span: hole.span,
                has: has_lang,
                lacks,
                message: has.span,
            });
        }
    }
}

/// Test blocks run later (`custodia test`); here their names are checked.
pub fn check_test(
    schema: &Schema,
    rule_names: &[String],
    t: &TestBlock,
    errors: &mut Vec<CheckError>,
) {
    for g in &t.givens {
        let Some(coll) = schema.lookup(&g.collection.node) else {
            let candidates = schema.names().map(String::from).collect();
            errors.push(CheckError::UnknownCollection {
                name: g.collection.node.clone(),
                span: g.collection.span,
                candidates,
            });
            continue;
        };
        let c = schema.collection(coll);
        for (field, _) in &g.fields {
            if c.field_id(&field.node).is_none()
                && !(c.kind == CollKind::Event && field.node == "kind")
            {
                let candidates = c.fields.iter().map(|f| f.name.clone()).collect();
                errors.push(CheckError::UnknownField {
                    collection: c.name.clone(),
                    name: field.node.clone(),
                    span: field.span,
                    candidates,
                });
            }
        }
    }
    for e in &t.expects {
        if !rule_names.contains(&e.rule.node) {
            errors.push(CheckError::UnknownRule {
                name: e.rule.node.clone(),
                span: e.rule.span,
                candidates: rule_names.to_vec(),
            });
        }
    }
}
