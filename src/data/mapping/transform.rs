//! One row of a company's file -> a row in the schema's field names and
//! canonical values (`2026/3/18` -> `2026-03-18`, `一般` -> `general`,
//! `王芳、李强` -> two items, a name -> a staff id). Each cell keeps its
//! column position, so errors and evidence point at the original cell.

use std::collections::HashMap;

use serde_json::Value as Json;

use crate::check::schema::FieldType;
use crate::data::read::{Raw, RawRow};
use crate::data::InputError;

use super::messages;
use super::plan::{CellAt, FieldPlan, From, Plan};
use super::values;
use super::{Env, Original};

/// (table, field) -> that field's value -> ids of the rows holding it.
pub type Lookups = HashMap<(String, String), HashMap<String, Vec<String>>>;

/// The items of a cell: for a list field split at its separators; else the
/// cell itself. Empty items are dropped.
pub fn items<'t>(f: &FieldPlan, text: &'t str) -> Vec<&'t str> {
    let text = crate::text::trim_cell(text);
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
        .map(crate::text::trim_cell)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether an item of a list field is a word standing for "nothing"
/// (`无`, `-`, a bare `（签）`: `convert::placeholder_item`) that the field's value map does
/// not name: it is passed on as written, neither mapped nor looked up, and
/// the converter drops it with a note (docs/inputs-and-reports.md,
/// "placeholder list items"). A value map naming it says what it stands for.
pub fn placeholder(f: &FieldPlan, item: &str) -> bool {
    let FieldType::List(inner) = &f.ty else {
        return false;
    };
    let named = matches!(
        **inner,
        FieldType::Text | FieldType::Id | FieldType::Ref(_) | FieldType::Enum(_)
    );
    let item = crate::text::trim_cell(item);
    named
        && crate::data::convert::placeholder_item(item)
        && !f.values.as_ref().is_some_and(|m| m.contains_key(item))
}

/// A scalar through the field's value map (unchanged when not in it).
pub fn mapped_text(f: &FieldPlan, text: &str) -> String {
    let t = crate::text::trim_cell(text);
    f.values
        .as_ref()
        .and_then(|m| m.get(t))
        .cloned()
        .unwrap_or_else(|| t.to_string())
}

/// What mapping rows found besides the rows themselves.
#[derive(Default)]
pub struct RowsOut {
    pub errors: Vec<InputError>,
    /// Ids of rows left out, per collection.
    pub left_out: Vec<(crate::value::CollId, String)>,
    /// Lines of rows loaded whose text must not be quoted.
    pub personal_lines: Vec<u32>,
}

/// One row in the schema's field names, with where each cell came from;
/// `None` when it is left out (its errors in `out`).
pub fn row<'p>(
    env: &Env,
    plan: &'p Plan,
    row: &dyn CellAt,
    lookups: &Lookups,
    out: &mut RowsOut,
) -> Option<(RawRow, Vec<Original<'p>>)> {
    if let Some(e) = other_kind(env, plan, row) {
        out.errors.push(e);
        return None;
    }
    let mut cells = Vec::with_capacity(plan.fields.len());
    let mut originals = Vec::with_capacity(plan.fields.len());
    let mut failed = false;
    for f in &plan.fields {
        let structured = match &f.from {
            From::Column(i) => row.structured_at(*i),
            From::Constant(_) => None,
        };
        let (text, column) = match &f.from {
            From::Column(i) => {
                let pos = row.column_at(*i);
                let text = match structured {
                    Some(v) => v.to_string(),
                    None => row.cell_at(*i).unwrap_or("").to_string(),
                };
                (text, pos)
            }
            From::Constant(k) => (k.clone(), None),
        };
        // Whether the cell as written is personal (a name looked up into
        // an id is), not only the field: errors and evidence show it.
        let personal = super::personal::cell(f, &text);
        let typed = typed_cell(env, row, f);
        let value = match structured {
            Some(v) => listed_value(env, f, v, lookups),
            None if typed == Typed::LongNumber && crate::data::workbook::identifying(&f.ty) => {
                Err(messages::long_number(env.mappings.lang, &f.column))
            }
            None if typed == Typed::Formatted && crate::data::workbook::identifying(&f.ty) => {
                let format = formatted_code(env, row, f).unwrap_or_default();
                Err(messages::formatted_number(
                    env.mappings.lang,
                    &f.column,
                    &format,
                ))
            }
            None if typed == Typed::FormattedText && crate::data::workbook::identifying(&f.ty) => {
                let format = formatted_code(env, row, f).unwrap_or_default();
                Err(messages::formatted_text(
                    env.mappings.lang,
                    &f.column,
                    &format,
                ))
            }
            // A date cell in an id, reference or text field: what was
            // typed (`1995-2`) is lost (docs/inputs-and-reports.md).
            None if matches!(typed, Typed::Date | Typed::Time)
                && crate::data::workbook::identifying(&f.ty) =>
            {
                let cell = column.map(|c| (row.line(), c));
                Err(messages::date_cell_refused(
                    env.mappings.lang,
                    &f.column,
                    cell,
                ))
            }
            None => field_value(env, f, &text, lookups, typed == Typed::Date),
        };
        match value {
            Ok(Some(raw)) => cells.push((f.name.clone(), raw, column)),
            Ok(None) => {}
            Err(message) => {
                failed = true;
                out.errors.push(InputError {
                    file: env.rel.to_string(),
                    line: Some(row.line()),
                    column,
                    field: Some(f.name.clone()),
                    value: Some(shown(&text, personal)),
                    message,
                });
            }
        }
        originals.push(Original {
            field: &f.name,
            column: &f.column,
            value: text,
            pii: personal,
        });
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
        return None;
    }
    if super::personal::row_is_personal(plan, row) {
        out.personal_lines.push(row.line());
    }
    let mapped = RawRow {
        line: row.line(),
        offset: row.offset(),
        cells,
    };
    Some((mapped, originals))
}

/// A row whose `kind` column names another kind than its entry's: an
/// input error at the row, which is not read. Read as the entry's kind, a
/// destruction became an access event; the entry's `kind:` and the
/// column disagree, and neither is taken on trust (docs/mapping.md, "The
/// kind of a log's rows"). An empty cell is the entry's kind.
fn other_kind(env: &Env, plan: &Plan, row: &dyn CellAt) -> Option<InputError> {
    let named = plan.other_kind(row)?;
    let (i, own) = plan.kind_column.as_ref()?;
    Some(InputError {
        file: env.rel.to_string(),
        line: Some(row.line()),
        column: row.column_at(*i),
        field: Some("kind".into()),
        value: Some(crate::data::truncate(named)),
        message: messages::other_kind(env.mappings.lang, named, own, plan.line),
    })
}

/// What a workbook cell's type says beyond its text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Typed {
    Plain,
    /// A date-formatted cell (`excel::TypedCells::dates`).
    Date,
    /// A time-of-day cell (`excel::TypedCells::times`).
    Time,
    /// A number of 16 digits or more (`excel::TypedCells::long_numbers`).
    LongNumber,
    /// A number shown through a number format (`excel::TypedCells::formatted`).
    Formatted,
    /// A text shown with text added (`excel::TypedCells::text_formatted`).
    FormattedText,
}

/// The number format of the workbook cell `f` reads (`Typed::Formatted`,
/// `Typed::FormattedText`).
fn formatted_code(env: &Env, row: &dyn CellAt, f: &FieldPlan) -> Option<String> {
    let (Some(typed), From::Column(i)) = (env.typed, &f.from) else {
        return None;
    };
    let at = row.column_at(*i).map(|c| (row.line(), c))?;
    (typed.formatted.get(&at))
        .or_else(|| typed.text_formatted.get(&at))
        .cloned()
}

fn typed_cell(env: &Env, row: &dyn CellAt, f: &FieldPlan) -> Typed {
    let (Some(typed), From::Column(i)) = (env.typed, &f.from) else {
        return Typed::Plain;
    };
    let Some(at) = row.column_at(*i).map(|c| (row.line(), c)) else {
        return Typed::Plain;
    };
    if typed.dates.contains(&at) {
        Typed::Date
    } else if typed.times.contains(&at) {
        Typed::Time
    } else if typed.long_numbers.contains(&at) {
        Typed::LongNumber
    } else if typed.formatted.contains_key(&at) {
        Typed::Formatted
    } else if typed.text_formatted.contains_key(&at) {
        Typed::FormattedText
    } else {
        Typed::Plain
    }
}

/// A value as an input error shows it: masked for personal data.
pub fn shown(text: &str, pii: bool) -> String {
    if pii {
        crate::pii::mask(text)
    } else {
        crate::data::truncate(text)
    }
}

/// A list cell into a list field, item by item as a separated cell's; any
/// other structured cell is an error of its row.
fn listed_value(
    env: &Env,
    f: &FieldPlan,
    v: &Json,
    lookups: &Lookups,
) -> Result<Option<Raw>, String> {
    let lang = env.mappings.lang;
    let (FieldType::List(inner), Json::Array(items)) = (&f.ty, v) else {
        return Err(messages::structured_cell(lang, &f.column, v.is_array()));
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let text = match item {
            Json::String(s) => s.clone(),
            Json::Number(_) | Json::Bool(_) => item.to_string(),
            Json::Null => continue,
            _ => return Err(messages::structured_cell(lang, &f.column, item.is_array())),
        };
        if crate::text::trim_cell(&text).is_empty() {
            continue;
        }
        if placeholder(f, &text) {
            out.push(Json::String(text));
            continue;
        }
        out.push(Json::String(scalar(env, f, inner, &text, lookups)?));
    }
    Ok(Some(Raw::Json(Json::Array(out))))
}

/// The canonical cell of one field; `None` when the cell is empty.
fn field_value(
    env: &Env,
    f: &FieldPlan,
    text: &str,
    lookups: &Lookups,
    date_cell: bool,
) -> Result<Option<Raw>, String> {
    if date_cell && matches!(f.ty, FieldType::Date | FieldType::DateTime) {
        return date_cell_value(env, f, text).map(|t| Some(Raw::Text(t)));
    }
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
            let item = match placeholder(f, p) {
                true => p.to_string(),
                false => scalar(env, f, inner, p, lookups)?,
            };
            out.push(Json::String(item));
        }
        return Ok(Some(Raw::Json(Json::Array(out))));
    }
    // A value the map sends to empty (an optional field's, `永久: ""`) is
    // an empty cell (docs/mapping.md, Decision 2026-12-08).
    let to_empty = |p: &str| {
        (f.values.as_ref())
            .and_then(|m| m.get(crate::text::trim_cell(p)))
            .is_some_and(|v| v.is_empty())
    };
    match parts.first() {
        None => Ok(None),
        Some(p) if to_empty(p) => Ok(None),
        Some(p) => scalar(env, f, &f.ty, p, lookups).map(|t| Some(Raw::Text(t))),
    }
}

/// **Decision** (docs/mapping.md, review R23): a workbook's date cell is
/// a date whatever `format:` says (`format:` describes text cells): its
/// text is `YYYY-MM-DD`, with a time when it has one, whatever form the
/// sheet shows it in. A value map of the field still applies to it.
fn date_cell_value(env: &Env, f: &FieldPlan, text: &str) -> Result<String, String> {
    let t = mapped_text(f, text);
    let dashes = [values::DateFormat::Dashes];
    let read = match f.ty {
        FieldType::Date => values::date_in(&t, &dashes, env.excel_day_zero).map(|d| d.to_string()),
        _ => values::datetime_in(&t, &dashes, env.excel_day_zero),
    };
    read.ok_or_else(|| messages::bad_date_cell(env.mappings.lang, &f.column, &f.ty))
}

/// One value: through the value map, then the lookup, then into the
/// canonical form of its type.
fn scalar(
    env: &Env,
    f: &FieldPlan,
    ty: &FieldType,
    text: &str,
    lookups: &Lookups,
) -> Result<String, String> {
    let lang = env.mappings.lang;
    let in_map = f
        .values
        .as_ref()
        .and_then(|m| m.get(crate::text::trim_cell(text)));
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
    let bad = || messages::bad_cell(lang, &f.column, ty, &f.formats, &t);
    match ty {
        FieldType::Date => values::date_in(&t, &f.formats, env.excel_day_zero)
            .map(|d| d.to_string())
            .ok_or_else(bad),
        FieldType::DateTime => {
            values::datetime_in(&t, &f.formats, env.excel_day_zero).ok_or_else(|| {
                // A day alone: no `format:` can supply the time it lacks.
                match values::date_in(&t, &f.formats, env.excel_day_zero) {
                    Some(_) => messages::date_without_time(lang, &f.column),
                    None => bad(),
                }
            })
        }
        FieldType::Duration => values::duration(&t).ok_or_else(bad),
        _ => Ok(t),
    }
}
