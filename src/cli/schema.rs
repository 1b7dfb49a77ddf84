//! `custodia schema [PATHS]`: the effective schema of a policy set (the
//! standard schema with the set's extensions) as a table, one collection
//! after another, each field with its description (see [`docs`]); and
//! `--json-schema COLLECTION`, a JSON Schema (draft 2020-12) for that
//! collection's rows in JSON, JSONL or YAML files, so that exporters can
//! check their files before a run.
//!
//! The JSON Schema describes the canonical form a file should use; the
//! loader is more lenient (numbers accepted as text, `YYYY-MM-DD HH:MM`
//! datetimes in the case time zone, bools such as `是`), see
//! docs/inputs-and-reports.md.

use std::fmt::Write;
use std::path::PathBuf;

use serde_json::{json, Map, Value as Json};

use crate::check::schema::{CollKind, Collection, Field, FieldType, Schema};
use crate::check::Checked;
use crate::cli::app::{self, Outcome};
use crate::data::case;
use crate::value::Value;

pub(crate) mod docs;
use docs::Descriptions;

pub fn run_schema(paths: &[PathBuf], json_schema: Option<&str>, color: bool) -> Outcome {
    let checked = match load(paths, color) {
        Ok(c) => c,
        Err(o) => return o,
    };
    let output = match json_schema {
        None => table(&checked),
        Some(name) => match checked.schema.lookup(name) {
            Some(c) => {
                let descriptions = Descriptions::of(&checked);
                let doc =
                    json_schema_for(&checked.schema, checked.schema.collection(c), &descriptions);
                let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
                text.push('\n');
                text
            }
            None => {
                let lang = crate::i18n::message_lang();
                let hint = crate::check::suggest::did_you_mean(name, checked.schema.names())
                    .map(|s| crate::t!(lang, "builtin-waiver-did-you-mean", name = s))
                    .unwrap_or_default();
                return app::stop(
                    crate::t!(lang, "schema-no-collection", name = name, hint = hint) + "\n",
                );
            }
        },
    };
    Outcome {
        output,
        errors: String::new(),
        exit: 0,
        files: Vec::new(),
    }
}

/// The checked set of `paths`; with no paths, the standard schema alone.
fn load(paths: &[PathBuf], color: bool) -> Result<Checked, Outcome> {
    let sources = if paths.is_empty() {
        crate::syntax::span::SourceMap::default()
    } else {
        let inputs = case::CaseInputs {
            root: PathBuf::from("."),
            policies: paths.to_vec(),
            ..Default::default()
        };
        app::load_policies(&inputs).map_err(app::stop)?.0
    };
    crate::check::check_sources(sources)
        .map_err(|(s, errors)| app::stop(app::policy_error_text(&s, &errors, color)))
}

/// The table's head: catalogue ids. `pii` is the language's keyword and
/// stays as it is.
const COLUMNS: [&str; 6] = [
    "schema-column-field",
    "schema-column-type",
    "schema-column-presence",
    "pii",
    "schema-column-declared",
    "schema-column-description",
];

fn table(checked: &Checked) -> String {
    let descriptions = Descriptions::of(checked);
    let mut out = String::new();
    for (i, c) in checked.schema.collections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let head = match c.kind {
            CollKind::Record | CollKind::Company => c.name.clone(),
            CollKind::Event => format!("event {}", c.name),
            CollKind::Table => format!("table {}", c.name),
        };
        let _ = match descriptions.collection_in(crate::i18n::message_lang(), c) {
            Some(d) => writeln!(out, "{head} — {d}"),
            None => writeln!(out, "{head}"),
        };
        let head = COLUMNS.map(|id| match id {
            "pii" => id.to_string(),
            id => crate::i18n::catalogue::text(crate::i18n::message_lang(), id, &[]),
        });
        let rows: Vec<[String; 6]> = std::iter::once(head)
            .chain(c.fields.iter().map(|f| {
                let description = shown_description(&descriptions, c, f).unwrap_or_default();
                row(checked, f, &description)
            }))
            .collect();
        out.push_str(&aligned(&rows));
    }
    out
}

/// The rows as columns two spaces apart, padded by display width (a Chinese
/// name takes two columns per character on a terminal).
/// A field's description as `schema` shows it: the implicit `at` and `id`
/// of events described in the run's message language (custodia's words;
/// `Descriptions::field` keeps the English for `init`, which matches
/// column names against it).
fn shown_description(descriptions: &Descriptions, c: &Collection, f: &Field) -> Option<String> {
    let lang = crate::i18n::message_lang();
    match (f.span, c.kind, f.name.as_str()) {
        (None, CollKind::Event, "at") => Some(crate::t!(lang, "schema-event-at")),
        (None, CollKind::Event, "id") => Some(crate::t!(lang, "schema-event-id")),
        _ => descriptions.field_in(lang, c, f),
    }
}

fn aligned<const N: usize>(rows: &[[String; N]]) -> String {
    let width = crate::fmt::width;
    let widths: Vec<usize> = (0..N)
        .map(|col| rows.iter().map(|r| width(&r[col])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::from("  ");
        for (col, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if col + 1 < N {
                line.push_str(&" ".repeat(widths[col] - width(cell) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn row(checked: &Checked, f: &Field, description: &str) -> [String; 6] {
    let lang = crate::i18n::message_lang();
    let presence = match (&f.default, f.optional) {
        (Some(d), _) => crate::t!(lang, "schema-default", value = value_text(d)),
        (None, true) => crate::t!(lang, "schema-optional"),
        (None, false) => crate::t!(lang, "schema-required"),
    };
    let declared = f.span.map_or_else(
        || crate::t!(lang, "schema-implicit"),
        |s| {
            let file = checked.sources.get(s.file);
            format!("{}:{}", file.path, file.line_col(s.start).0)
        },
    );
    [
        f.name.clone(),
        f.ty.describe(&checked.schema),
        presence,
        if f.pii { "pii".into() } else { String::new() },
        declared,
        description.to_string(),
    ]
}

/// A default value as policy text.
fn value_text(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("\"{s}\""),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Dec(d) => d.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Duration(d) => d.to_string(),
        Value::List(items) => format!(
            "[{}]",
            items.iter().map(value_text).collect::<Vec<_>>().join(", ")
        ),
        _ => "?".into(),
    }
}

/// The JSON Schema of one collection's rows; each property's `description`
/// is the field's own, then what the type and `pii` add.
pub fn json_schema_for(schema: &Schema, c: &Collection, descriptions: &Descriptions) -> Json {
    let mut properties = Map::new();
    if c.kind == CollKind::Event {
        properties.insert(
            "kind".into(),
            json!({ "const": c.name, "description": crate::t!(crate::i18n::message_lang(), "schema-json-kind") }),
        );
    }
    let mut required = Vec::new();
    for f in &c.fields {
        let mut p = field_schema(&f.ty);
        if f.optional || f.default.is_some() {
            p = json!({ "anyOf": [p, { "type": "null" }] });
        } else {
            required.push(f.name.clone());
        }
        if let Json::Object(m) = &mut p {
            if let Some(d) = &f.default {
                m.insert("default".into(), default_json(d));
            }
            let own = shown_description(descriptions, c, f);
            let description = field_description(schema, own.as_deref(), f);
            if !description.is_empty() {
                m.insert("description".into(), json!(description));
            }
        }
        properties.insert(f.name.clone(), p);
    }
    let mut description = crate::t!(
        crate::i18n::message_lang(),
        "schema-json-row",
        name = &c.name,
        kind = match c.kind {
            CollKind::Record => crate::t!(crate::i18n::message_lang(), "role-record"),
            CollKind::Event => crate::t!(crate::i18n::message_lang(), "role-event"),
            CollKind::Table => crate::t!(crate::i18n::message_lang(), "role-table"),
            CollKind::Company => crate::t!(crate::i18n::message_lang(), "role-company"),
        }
    );
    if let Some(d) = descriptions.collection_in(crate::i18n::message_lang(), c) {
        let lang = crate::i18n::message_lang();
        description = crate::t!(
            lang,
            "schema-json-row-described",
            row = description,
            text = d
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": c.name,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
    })
}

fn field_schema(ty: &FieldType) -> Json {
    match ty {
        FieldType::Text => json!({ "type": "string" }),
        FieldType::Id => json!({ "type": "string", "minLength": 1 }),
        FieldType::Ref(_) => json!({ "type": "string" }),
        FieldType::Enum(values) => json!({ "enum": values.to_vec() }),
        FieldType::Int => json!({ "type": "integer" }),
        FieldType::Decimal => json!({ "type": "number" }),
        FieldType::Bool => json!({ "type": "boolean" }),
        FieldType::Date => {
            json!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
        }
        FieldType::DateTime => json!({ "type": "string", "format": "date-time" }),
        FieldType::Duration => json!({
            "type": "string",
            "pattern": "^([0-9]+ (years?|months?|weeks?|days?|hours?|minutes?)|permanent)$",
        }),
        FieldType::List(inner) => json!({ "type": "array", "items": field_schema(inner) }),
    }
}

/// The field's own description, then what its type and `pii` mark add,
/// one sentence each: `the record consulted; the id of a `record``.
fn field_description(schema: &Schema, own: Option<&str>, f: &Field) -> String {
    let lang = crate::i18n::message_lang();
    let mut parts: Vec<String> = own.map(String::from).into_iter().collect();
    match &f.ty {
        FieldType::Ref(c) => {
            let name = &schema.collection(*c).name;
            parts.push(crate::t!(lang, "schema-json-ref", collection = name));
        }
        FieldType::List(item) => {
            if let FieldType::Ref(c) = item.as_ref() {
                let name = &schema.collection(*c).name;
                parts.push(crate::t!(lang, "schema-json-refs", collection = name));
            }
        }
        _ => {}
    }
    if f.pii {
        parts.push(crate::t!(lang, "schema-json-pii"));
    }
    parts.join(&crate::t!(lang, "list-separator"))
}

fn default_json(v: &Value) -> Json {
    match v {
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Dec(d) => json!(d),
        Value::List(items) => Json::Array(items.iter().map(default_json).collect()),
        other => json!(value_text(other).trim_matches('"')),
    }
}
