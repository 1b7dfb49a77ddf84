//! The case's collections as Spark reads them: custodia's loader reads and
//! types every source (so input errors, mappings, encodings and YAML are
//! exactly the native engine's), then each collection is written as one
//! JSONL file of typed values with its rows' provenance (`_row` in input
//! order, `_file`, `_line`). The script's views read these files.

use std::io::Write;
use std::path::Path;

use crate::check::schema::FieldType;
use crate::check::Checked;
use crate::data::Dataset;
use crate::syntax::ast::Duration;
use crate::value::{CollId, FieldId, Value};

use super::types::{sql_type, PROVENANCE};
use super::{ident, quote, STAGE_PLACEHOLDER};

/// The file a collection is staged in, under the stage directory.
pub fn file_name(coll: CollId) -> String {
    format!("c{}.jsonl", coll.0)
}

/// The staged column holding the name key (`data::convert::name_key`) of a
/// field compared as names (`IrKind::Cmp`): `王芳（签）` is `王芳`. `#` is
/// in no field's name.
pub fn name_column(field: &str) -> String {
    format!("{field}#name")
}

/// Whether a field's name keys are staged: a name (`Field::is_name`),
/// which `==` and `!=` compare as names (`ExprChecker::reads_name`).
pub fn names_staged(f: &crate::check::schema::Field) -> bool {
    f.is_name()
}

/// The staged JSON type of a field: dates as text, datetimes as seconds.
fn staged_type(t: &FieldType) -> &'static str {
    match t {
        FieldType::Date => "STRING",
        FieldType::DateTime => "BIGINT",
        other => sql_type(other),
    }
}

/// Two views per collection: the staged file as JSON, and the typed view
/// named after the collection; for a collection some source of which Spark
/// reads in place, that view is the staged rows and those of each source
/// read in place (`inplace.rs`).
pub fn views(checked: &Checked, parts: &[super::inplace::Part]) -> String {
    let mut out = String::new();
    for part in parts {
        out.push_str(&super::inplace::views(checked, part));
    }
    for coll in checked.schema.ids() {
        let c = checked.schema.collection(coll);
        let mut cols: Vec<String> = PROVENANCE
            .iter()
            .map(|(n, t)| format!("{} {t}", ident(n)))
            .collect();
        let mut typed: Vec<String> = PROVENANCE.iter().map(|(n, _)| ident(n)).collect();
        for f in &c.fields {
            cols.push(format!("{} {}", ident(&f.name), staged_type(&f.ty)));
            let n = ident(&f.name);
            typed.push(match f.ty {
                FieldType::Date => format!("CAST({n} AS DATE) AS {n}"),
                FieldType::DateTime => format!("timestamp_seconds({n}) AS {n}"),
                _ => n,
            });
        }
        // Rows read in place have no name keys: the union needs one shape.
        if !parts.iter().any(|p| p.coll == coll) {
            for f in c.fields.iter().filter(|f| names_staged(f)) {
                let n = ident(&name_column(&f.name));
                cols.push(format!("{n} STRING"));
                typed.push(n);
            }
        }
        let staged = ident(&format!("{}__staged", c.name));
        out.push_str(&format!(
            "-- {} `{}`\nCREATE OR REPLACE TEMPORARY VIEW {staged} ({})\nUSING json OPTIONS (path {}, mode 'FAILFAST')\n;\n",
            c.kind.as_str(),
            c.name,
            cols.join(", "),
            quote(&format!("{STAGE_PLACEHOLDER}/{}", file_name(coll)))
        ));
        let read_in_place: Vec<String> = parts
            .iter()
            .filter(|p| p.coll == coll)
            .map(|p| format!("\nUNION ALL SELECT * FROM {}", p.view()))
            .collect();
        out.push_str(&format!(
            "CREATE OR REPLACE TEMPORARY VIEW {} AS\nSELECT {} FROM {staged}{}\n;\n",
            ident(&c.name),
            typed.join(", "),
            read_in_place.concat()
        ));
    }
    out
}

/// Writes every collection of `ds` under `dir`.
pub fn write(checked: &Checked, ds: &Dataset, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for coll in checked.schema.ids() {
        let c = checked.schema.collection(coll);
        let file = std::fs::File::create(dir.join(file_name(coll)))?;
        let mut w = std::io::BufWriter::new(file);
        let table = ds.table(coll);
        for row in 0..table.len() {
            let (f, origin) = ds.origin(coll, row);
            let mut obj = serde_json::Map::new();
            obj.insert("_row".into(), row.into());
            obj.insert("_file".into(), f.path.clone().into());
            obj.insert("_line".into(), origin.line.into());
            for (i, field) in c.fields.iter().enumerate() {
                let v = table.get(row, FieldId(i as u32));
                if names_staged(field) {
                    let key = v.as_text(&ds.interner).map(crate::data::convert::name_key);
                    obj.insert(name_column(&field.name), key.into());
                }
                obj.insert(field.name.clone(), json(ds, &v, &field.ty));
            }
            serde_json::to_writer(&mut w, &serde_json::Value::Object(obj))?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    Ok(())
}

fn json(ds: &Dataset, v: &Value, ty: &FieldType) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Missing => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Dec(d) => serde_json::Number::from_f64(*d).map_or(J::Null, J::Number),
        Value::Sym(_) | Value::Str(_) => J::String(v.as_text(&ds.interner).unwrap_or("").into()),
        Value::Date(d) => J::String(d.to_string()),
        Value::DateTime(t) => J::from(*t),
        Value::Duration(d) => {
            let (perm, months, days, seconds) = match *d {
                Duration::Permanent => (true, 0, 0, 0),
                Duration::Span {
                    months,
                    days,
                    seconds,
                } => (false, months, days, seconds),
            };
            serde_json::json!({"perm": perm, "months": months, "days": days, "seconds": seconds})
        }
        Value::List(items) => {
            let inner = match ty {
                FieldType::List(t) => &**t,
                other => other,
            };
            J::Array(
                items
                    .iter()
                    .map(|i| match json(ds, i, inner) {
                        J::String(s) => J::String(s),
                        other => J::String(other.to_string()),
                    })
                    .collect(),
            )
        }
        Value::Obj(..) => J::Null,
    }
}

/// A staged JSON value read back as the field's value (the inverse of
/// `json` for the types read in place); `None` when it does not fit.
pub fn value_of(
    interner: &mut crate::value::Interner,
    j: &serde_json::Value,
    ty: &FieldType,
) -> Option<Value> {
    use serde_json::Value as J;
    Some(match (j, ty) {
        (J::Null, _) => Value::Missing,
        (
            J::String(s),
            FieldType::Text | FieldType::Id | FieldType::Ref(_) | FieldType::Enum(_),
        ) => Value::Sym(interner.intern(s)),
        (J::Bool(b), FieldType::Bool) => Value::Bool(*b),
        (J::Number(n), FieldType::Int) => Value::Int(n.as_i64()?),
        (J::Number(n), FieldType::Decimal) => Value::Dec(n.as_f64()?),
        (J::String(s), FieldType::Date) => Value::Date(s.parse().ok()?),
        (J::Number(n), FieldType::DateTime) => Value::DateTime(n.as_i64()?),
        _ => return None,
    })
}
