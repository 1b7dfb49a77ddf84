//! The `given` objects of a test block -> an in-memory dataset. Values go
//! through the same conversion as rows read from JSON files (defaults,
//! required fields, enum values), so a test cannot pass on data a real case
//! would reject.

use jiff::tz::TimeZone;
use serde_json::Value as Json;

use crate::check::Checked;
use crate::data::read::{Raw, RawRow};
use crate::data::{self, Dataset, LoadOptions};
use crate::syntax::ast::{Expr, Ident};
use crate::syntax::ast::{ExprKind, Given, Literal, TestBlock, UnaryOp};
use crate::syntax::span::Span;
use crate::value::CollId;

/// A problem with a `given`, at the place it points to.
#[derive(Clone, Debug)]
pub struct GivenError {
    pub span: Span,
    pub message: String,
}

/// The display path of every policy file; rows point into this list by
/// their `FileId`, so evidence reads `tests.policy:12`.
pub fn file_paths(checked: &Checked) -> Vec<String> {
    checked
        .sources
        .files()
        .map(|(_, f)| f.path.clone())
        .collect()
}

/// Builds the dataset of one test, or every problem with its `given`s.
pub fn dataset(
    checked: &Checked,
    test: &TestBlock,
    tz: &TimeZone,
) -> Result<Dataset, Vec<GivenError>> {
    let files = file_paths(checked);
    let opts = LoadOptions { tz, strict: true };
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for g in &test.givens {
        match row(checked, g) {
            Ok(r) => {
                // Convert each object on its own first, so an error names its field.
                let alone = data::from_rows(&checked.schema, &opts, &files, vec![clone_row(&r)]);
                errors.extend(alone.errors.iter().map(|e| GivenError {
                    span: field_span(g, e.field.as_deref()),
                    message: match &e.field {
                        Some(f) => crate::t!(
                            crate::i18n::message_lang(),
                            "human-input-error",
                            at = format!("`{}.{f}`", g.collection.node),
                            message = &e.message
                        ),
                        None => e.message.clone(),
                    },
                }));
                rows.push(r);
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(data::from_rows(&checked.schema, &opts, &files, rows))
}

type Row = (CollId, u32, RawRow);

fn clone_row((c, f, r): &Row) -> Row {
    (
        *c,
        *f,
        RawRow {
            line: r.line,
            offset: r.offset,
            cells: r
                .cells
                .iter()
                .map(|(k, v, col)| {
                    let v = match v {
                        Raw::Text(t) => Raw::Text(t.clone()),
                        Raw::Json(j) => Raw::Json(j.clone()),
                    };
                    (k.clone(), v, *col)
                })
                .collect(),
        },
    )
}

fn field_span(g: &Given, field: Option<&str>) -> Span {
    field
        .and_then(|f| g.fields.iter().find(|(n, _)| n.node == f))
        .map_or(g.collection.span, |(n, v)| n.span.to(v.span))
}

fn row(checked: &Checked, g: &Given) -> Result<Row, GivenError> {
    let coll = checked
        .schema
        .lookup(&g.collection.node)
        .ok_or_else(|| GivenError {
            span: g.collection.span,
            message: crate::msg!("given-unknown-collection", name = &g.collection.node).words(),
        })?;
    let source = checked.sources.get(g.span.file);
    let (line, _) = source.line_col(g.span.start);
    let mut cells = Vec::new();
    for (i, (name, value)) in g.fields.iter().enumerate() {
        // As in a JSONL row: a field given twice is an error, not the last
        // value (hostile review, 2026-12-05: `method: "burn", method:
        // "shred"` passed).
        if g.fields[..i].iter().any(|(n, _)| n.node == name.node) {
            return Err(GivenError {
                span: name.span,
                message: crate::msg!("given-field-twice", field = &name.node).words(),
            });
        }
        cells.push(cell(checked, name, value)?);
    }
    Ok((
        coll,
        g.span.file.0,
        RawRow {
            line,
            offset: g.span.start as u64,
            cells,
        },
    ))
}

fn cell(
    checked: &Checked,
    name: &Ident,
    value: &Expr,
) -> Result<(String, Raw, Option<u32>), GivenError> {
    let (_, column) = checked
        .sources
        .get(name.span.file)
        .line_col(name.span.start);
    let json = json_of(value).ok_or_else(|| GivenError {
        span: value.span,
        message: crate::msg!("given-not-literal", field = &name.node).words(),
    })?;
    Ok((name.node.clone(), Raw::Json(json), Some(column)))
}

/// A literal given value as the JSON a data file would hold.
fn json_of(e: &Expr) -> Option<Json> {
    Some(match &e.node {
        ExprKind::Literal(l) => match l {
            Literal::Text(s) => Json::String(s.clone()),
            Literal::Int(i) => Json::from(*i),
            Literal::Decimal(d) => Json::Number(serde_json::Number::from_f64(*d)?),
            Literal::Bool(b) => Json::Bool(*b),
            Literal::Date(d) => Json::String(d.to_string()),
            Literal::DateTime(t) => Json::String(t.to_string()),
            Literal::Duration(d) => Json::String(d.to_string()),
        },
        ExprKind::Unary(UnaryOp::Neg, x) => match &x.node {
            ExprKind::Literal(Literal::Int(i)) => Json::from(-i),
            ExprKind::Literal(Literal::Decimal(d)) => {
                Json::Number(serde_json::Number::from_f64(-d)?)
            }
            _ => return None,
        },
        ExprKind::List(items) => Json::Array(items.iter().map(json_of).collect::<Option<_>>()?),
        _ => return None,
    })
}
