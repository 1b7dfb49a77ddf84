//! Every message of the mapping, in one place (one function each), so the
//! wording can move to a message catalogue (Chinese first) unchanged in
//! meaning. Written for a compliance officer who edits custodia.yaml: what
//! is wrong, in the officer's terms (file, column, value), and what to write.

use crate::check::schema::FieldType;
use crate::data::convert::expected;

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Values with how many rows hold each, most frequent first, at most 10.
pub fn counted(values: &[(String, u64)]) -> String {
    let mut shown: Vec<String> = values
        .iter()
        .take(10)
        .map(|(v, n)| format!("`{}` ({n})", crate::data::truncate(v)))
        .collect();
    if values.len() > 10 {
        shown.push(format!("and {} more", values.len() - 10));
    }
    shown.join(", ")
}

pub fn bad_glob(pattern: &str) -> String {
    format!("`{pattern}`: a pattern may use `*` and `?` in the file name only, not in folder names")
}

pub fn glob_matches_nothing(pattern: &str) -> String {
    format!("`{pattern}` matches no file; check the name and the folder")
}

pub fn folder_entry(folder: &str) -> String {
    format!("`{folder}` is a folder: an entry that maps or names an encoding reads files; name them (`files: [{folder}/*.csv]`)")
}

pub fn no_such_column(rel: &str, column: &str, hint: Option<&str>, headers: &[String]) -> String {
    let hint = hint
        .map(|h| format!("; did you mean `{h}`?"))
        .unwrap_or_default();
    let names: Vec<&str> = headers.iter().map(String::as_str).take(30).collect();
    format!(
        "{rel} has no column `{column}`{hint} (its columns: {})",
        quoted(&names)
    )
}

pub fn column_twice(column: &str, first: &str, second: &str) -> String {
    format!(
        "column `{column}` is mapped to both `{first}` and `{second}`; a column feeds one field (read it once, and give the other field its own column or a `constant`)"
    )
}

pub fn shadowed_column(rel: &str, field: &str) -> String {
    format!(
        "`{field}` is mapped to another column, but {rel} also has a column named `{field}`; say which one to read (map `{field}` to it, or rename the file's column)"
    )
}

pub fn unmapped_required(rel: &str, collection: &str, missing: &[&str]) -> String {
    let (fields, have, them) = if missing.len() == 1 {
        ("field", "has", "it")
    } else {
        ("fields", "have", "them")
    };
    format!(
        "{rel}: the required {fields} {} of `{collection}` {have} no column; add {them} under `columns:` (`FIELD: COLUMN`, or `FIELD: {{ constant: VALUE }}`)",
        quoted(missing)
    )
}

pub fn header_lacks(collection: &str, missing: &[&str]) -> String {
    let columns = if missing.len() == 1 {
        "column"
    } else {
        "columns"
    };
    format!(
        "the header lacks the required {columns} {} of `{collection}`; the file was not read. Rename the columns, or map them in custodia.yaml (see docs/mapping.md; `custodia init` writes a first mapping)",
        quoted(missing)
    )
}

pub fn no_collection(name: &str) -> String {
    format!("the schema declares no `{name}` collection for this file")
}

pub fn no_table(name: &str) -> String {
    format!("the schema declares no table `{name}`")
}

pub fn unknown_kind(kind: &str, kinds: &[&str]) -> String {
    let hint = crate::check::suggest::did_you_mean(kind, kinds.iter().copied())
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    format!(
        "`kind: {kind}` is not an event kind of the schema{hint} (the kinds: {})",
        quoted(kinds)
    )
}

pub fn log_needs_kind(rel: &str, kinds: &[&str]) -> String {
    format!(
        "{rel}: say which events this file holds with `kind:` (one of {})",
        quoted(kinds)
    )
}

pub fn unknown_field(name: &str, collection: &str, hint: Option<&str>) -> String {
    let hint = hint
        .map(|h| format!("; did you mean `{h}`?"))
        .unwrap_or_default();
    format!("`{collection}` has no field `{name}`{hint} (`custodia schema` lists the fields)")
}

pub fn column_and_constant(name: &str) -> String {
    format!("`{name}` names both a `column` and a `constant`; keep one")
}

pub fn no_column(name: &str) -> String {
    format!("`{name}` needs `column: NAME` (or `constant: VALUE`)")
}

pub fn bad_target(field: &str, from: &str, to: &str, ty: &FieldType) -> String {
    let hint = match ty {
        FieldType::Enum(allowed) => {
            crate::check::suggest::did_you_mean(to, allowed.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default()
        }
        _ => String::new(),
    };
    format!(
        "the value map of `{field}` turns `{from}` into `{to}`, which is not a value of `{field}` (expected {}){hint}",
        expected(ty)
    )
}

pub fn fill_in_value(field: &str, from: &str, ty: &FieldType) -> String {
    let what = match ty {
        FieldType::Ref(_) | FieldType::Id => "the id it stands for".to_string(),
        ty => expected(ty),
    };
    format!("the value map of `{field}` leaves `{from}` empty: write {what}")
}

pub fn fill_in_column(field: &str) -> String {
    format!("fill in the column that holds `{field}` (or write `{{ constant: VALUE }}`)")
}

pub fn bad_constant(field: &str, value: &str, ty: &FieldType) -> String {
    format!(
        "`constant: {value}` is not a value of `{field}`: expected {}",
        expected(ty)
    )
}

pub fn format_not_date(field: &str) -> String {
    format!("`format` is for date and datetime fields; `{field}` is neither")
}

pub fn unknown_format(name: &str) -> String {
    let names: Vec<&str> = super::values::FORMAT_NAMES
        .iter()
        .map(|(n, _)| *n)
        .collect();
    format!(
        "unknown date format `{name}`; the formats are {}",
        quoted(&names)
    )
}

pub fn separator_not_list(field: &str) -> String {
    format!("`separator` is for list fields; `{field}` holds one value")
}

pub fn bad_lookup(text: &str) -> String {
    format!("`lookup: {text}` should name a table and its field, such as `lookup: staff.name`")
}

pub fn lookup_without_source(table: &str) -> String {
    format!("the lookup reads the table `{table}`, but the case has no file for it; add it under `tables:`")
}

pub fn lookup_through_lookup(table: &str) -> String {
    format!("the table `{table}` used by a lookup is itself mapped with a lookup; map it from its own columns")
}

pub fn lookup_table_unreadable(table: &str) -> String {
    format!("the table `{table}` used by a lookup could not be read (see its own errors)")
}

pub fn values_missing(rel: &str, column: &str, field: &str, missing: &[(String, u64)]) -> String {
    format!(
        "the value map of `{field}` lacks values that column `{column}` of {rel} holds (rows): {}; add each under `values:`",
        counted(missing)
    )
}

pub fn not_values_of(
    rel: &str,
    column: &str,
    field: &str,
    ty: &FieldType,
    bad: &[(String, u64)],
) -> String {
    format!(
        "column `{column}` of {rel} holds values that are not values of `{field}` (rows): {}; expected {}. Add a value map: `{field}: {{ column: {column}, values: {{ VALUE: CODE }} }}`",
        counted(bad),
        expected(ty)
    )
}

pub fn filter_selects_nothing(rel: &str, column: &str, present: &[(String, u64)]) -> String {
    format!(
        "this `where` selects no row of {rel}; column `{column}` holds (rows): {}",
        counted(present)
    )
}

pub fn rows_unread(rel: &str, count: u64, first_line: u32, by_value: &str) -> String {
    format!(
        "{count} rows of {rel} (the first at line {first_line}) are read by no entry{by_value}; add their values to an entry's `where:`, or to `skip:` to leave them out knowingly"
    )
}

pub fn rows_twice(rel: &str, count: u64, first_line: u32, lines: (u32, u32)) -> String {
    format!(
        "{count} rows of {rel} (the first at line {first_line}) are selected by two entries (lines {} and {}); make their `where:` exclusive",
        lines.0, lines.1
    )
}

pub fn rows_skipped(count: u64, line: u32) -> String {
    format!("{count} rows were left out knowingly by `skip:` (custodia.yaml line {line})")
}

pub fn unmapped_columns(columns: &[&str]) -> String {
    format!(
        "columns not mapped to any field, so not read: {}",
        quoted(columns)
    )
}

pub fn cannot_map_format(ext: &str) -> String {
    format!("a mapping reads .csv, .jsonl, .json, .yaml and .yml files, not .{ext}")
}

/// Row level: why a cell could not be read through the mapping.
pub fn bad_cell(column: &str, ty: &FieldType, formats: &[super::values::DateFormat]) -> String {
    let shown = match ty {
        FieldType::Date | FieldType::DateTime => {
            let names: Vec<&str> = super::values::FORMAT_NAMES
                .iter()
                .filter(|(_, f)| formats.contains(f))
                .map(|(n, _)| *n)
                .collect();
            let time = if *ty == FieldType::DateTime {
                " followed by a time H:mm"
            } else {
                ""
            };
            format!(
                "a date as {}{time}; add the file's form under `format:`",
                names.join(", ")
            )
        }
        FieldType::Duration => "a duration such as `30年`, `6个月`, `永久` or `10 years`".into(),
        ty => expected(ty),
    };
    format!("column `{column}`: expected {shown}")
}

pub fn lookup_unknown(column: &str, table: &str, by: &str) -> String {
    format!("column `{column}`: no row of `{table}` has this `{by}`")
}

pub fn lookup_ambiguous(column: &str, table: &str, by: &str, ids: &[String]) -> String {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    format!(
        "column `{column}`: several rows of `{table}` have this `{by}` ({}); write the id instead",
        quoted(&ids)
    )
}

/// Said after a converter's message for a mapped field.
pub fn from_column(column: &str) -> String {
    format!(" (column `{column}` of the file)")
}
