//! One row of a company's file -> a row in the schema's field names and
//! canonical values (`2026/3/18` -> `2026-03-18`, `一般` -> `general`,
//! `王芳、李强` -> two items, a name -> a staff id). Each cell keeps its
//! column position, so errors and evidence point at the original cell.

use std::collections::HashMap;

use serde_json::Value as Json;

use crate::check::schema::FieldType;
use crate::data::read::{Raw, RawRow};
use crate::data::InputError;
use crate::i18n::Lang;

use super::messages;
use super::plan::{cell, FieldPlan, From, Plan};
use super::values;
use super::{Env, Mapped, Original};

/// (table, field) -> that field's value -> ids of the rows holding it.
pub type Lookups = HashMap<(String, String), HashMap<String, Vec<String>>>;

/// The items of a cell: for a list field split at its separators; else the
/// cell itself. Empty items are dropped.
pub fn items<'t>(f: &FieldPlan, text: &'t str) -> Vec<&'t str> {
    let text = text.trim();
    if !matches!(f.ty, FieldType::List(_)) {
        return if text.is_empty() { vec![] } else { vec![text] };
    }
    let mut parts = vec![text];
    for sep in &f.separators {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep.as_str()))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A scalar through the field's value map (unchanged when not in it).
pub fn mapped_text(f: &FieldPlan, text: &str) -> String {
    let t = text.trim();
    f.values
        .as_ref()
        .and_then(|m| m.get(t))
        .cloned()
        .unwrap_or_else(|| t.to_string())
}

/// Maps one row into `out.rows`, or records why it was left out.
pub fn row(env: &Env, plan: &Plan, row: &RawRow, lookups: &Lookups, out: &mut Mapped) {
    let mut cells = Vec::with_capacity(plan.fields.len());
    let mut originals = Vec::with_capacity(plan.fields.len());
    let mut failed = false;
    for f in &plan.fields {
        let (text, column) = match &f.from {
            From::Column(i) => {
                let pos = row.cells.get(*i).and_then(|c| c.2);
                (cell(row, *i).unwrap_or("").to_string(), pos)
            }
            From::Constant(k) => (k.clone(), None),
        };
        // Whether the cell as written is personal (a name looked up into
        // an id is), not only the field: errors and evidence show it.
        let personal = super::personal::cell(env.schema, f, &text);
        originals.push(Original {
            field: f.name.clone(),
            column: f.column.clone(),
            value: text.clone(),
            pii: personal,
        });
        match field_value(env.mappings.lang, f, &text, lookups) {
            Ok(Some(raw)) => cells.push((f.name.clone(), raw, column)),
            Ok(None) => {}
            Err(message) => {
                failed = true;
                out.errors.push(InputError {
                    file: env.rel.to_string(),
                    line: Some(row.line),
                    column,
                    field: Some(f.name.clone()),
                    value: Some(shown(&text, personal)),
                    message,
                });
            }
        }
    }
    if failed {
        // A reference to this row is then not also reported as dangling.
        let id = plan
            .fields
            .iter()
            .zip(&originals)
            .find(|(f, _)| f.name == "id");
        if let Some((f, o)) = id {
            out.left_out.push((plan.coll, mapped_text(f, &o.value)));
        }
        return;
    }
    if super::personal::row_is_personal(env.schema, plan, row) {
        out.personal_lines.push(row.line);
    }
    out.rows.push((
        plan.coll,
        RawRow {
            line: row.line,
            offset: row.offset,
            cells,
        },
        originals,
    ));
}

/// A value as an input error shows it: masked for personal data.
pub fn shown(text: &str, pii: bool) -> String {
    if pii {
        crate::pii::mask(text)
    } else {
        crate::data::truncate(text)
    }
}

/// The canonical cell of one field; `None` when the cell is empty.
fn field_value(
    lang: Lang,
    f: &FieldPlan,
    text: &str,
    lookups: &Lookups,
) -> Result<Option<Raw>, String> {
    let mut parts = items(f, text);
    // **Decision** (docs/mapping.md): a value map's `""` key is what an
    // empty cell (or a database NULL) stands for; it was accepted and
    // never applied, the field then read as absent.
    if parts.is_empty() && f.values.as_ref().is_some_and(|m| m.contains_key("")) {
        parts.push("");
    }
    if let FieldType::List(inner) = &f.ty {
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            out.push(Json::String(scalar(lang, f, inner, p, lookups)?));
        }
        return Ok(Some(Raw::Json(Json::Array(out))));
    }
    match parts.first() {
        None => Ok(None),
        Some(p) => scalar(lang, f, &f.ty, p, lookups).map(|t| Some(Raw::Text(t))),
    }
}

/// One value: through the value map, then the lookup, then into the
/// canonical form of its type.
fn scalar(
    lang: Lang,
    f: &FieldPlan,
    ty: &FieldType,
    text: &str,
    lookups: &Lookups,
) -> Result<String, String> {
    let in_map = f.values.as_ref().and_then(|m| m.get(text.trim()));
    let t = mapped_text(f, text);
    let t = match &f.lookup {
        // A value map beside a lookup gives the id itself.
        Some(_) if in_map.is_some() => t,
        Some((table, by)) => {
            let index = lookups.get(&(table.clone(), by.clone()));
            match index.and_then(|i| i.get(&t)).map(Vec::as_slice) {
                Some([id]) => id.clone(),
                Some(ids) if ids.len() > 1 => {
                    return Err(messages::lookup_ambiguous(lang, &f.column, table, by, ids))
                }
                _ => return Err(messages::lookup_unknown(lang, &f.column, table, by)),
            }
        }
        None => t,
    };
    let bad = || messages::bad_cell(lang, &f.column, ty, &f.formats);
    match ty {
        FieldType::Date => values::date(&t, &f.formats)
            .map(|d| d.to_string())
            .ok_or_else(bad),
        FieldType::DateTime => values::datetime(&t, &f.formats).ok_or_else(bad),
        FieldType::Duration => values::duration(&t).ok_or_else(bad),
        _ => Ok(t),
    }
}
