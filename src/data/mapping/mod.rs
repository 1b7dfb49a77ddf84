//! The mapping of custodia.yaml (docs/mapping.md): a company's own files
//! read as they are. Each source entry is resolved against the file's
//! header (`plan`), its value maps and row filters are checked against the
//! file's values, and only then are rows turned into the schema's fields
//! (`transform`) and loaded by the same converter as any other row. Rows
//! keep their file, line and column; errors name the file's column.

mod load;
pub mod messages;
pub mod personal;
pub(crate) mod plan;
pub mod rows;
mod transform;
pub mod values;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::check::schema::{FieldType, Schema};
use crate::data::provenance::{Personal, Reread, SourceColumn, SourceColumns};
use crate::data::read::{RawRow, RowView};
use crate::data::source::{Resolved, Role, SourceEntry};
use crate::data::{InputError, Note};

pub use plan::fold;
use plan::{cell, Ctx, From, Plan};

/// The source entries of a case, by the file they name.
#[derive(Clone, Debug, Default)]
pub struct Mappings {
    pub entries: BTreeMap<PathBuf, Vec<Resolved>>,
    /// Where the entries were written (`custodia.yaml`).
    pub manifest: String,
    /// The language of the mapping's messages (`--lang`, else `lang:`,
    /// else the locale), chosen when the case is read.
    pub lang: crate::i18n::Lang,
}

impl Mappings {
    /// The entries for `path` that map it (columns, a kind, a filter).
    pub fn mapping(&self, path: &Path) -> Option<&[Resolved]> {
        self.entries
            .get(path)
            .filter(|es| es.iter().any(|r| r.entry.maps()))
            .map(Vec::as_slice)
    }

    /// How the entries say to read `path` (`sheet:`, `header_row:`).
    pub fn read_options(&self, path: &Path) -> crate::data::source::ReadOptions {
        self.entries
            .get(path)
            .and_then(|es| es.iter().find(|r| !r.entry.read.is_default()))
            .map(|r| r.entry.read.clone())
            .unwrap_or_default()
    }

    /// The encoding an entry names for `path`.
    pub fn encoding(&self, path: &Path) -> Option<(&str, u32)> {
        self.entries.get(path).and_then(|es| {
            es.iter()
                .find_map(|r| r.entry.encoding.as_deref().map(|e| (e, r.entry.line)))
        })
    }
}

/// What a mapped file's load needs from the loader.
pub struct Env<'a> {
    pub schema: &'a Schema,
    pub mappings: &'a Mappings,
    /// Every table with its file (for lookups).
    pub tables: &'a [(String, PathBuf)],
    pub rel: &'a str,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Day 0 of the file's Excel serial dates: a workbook's date system,
    /// else the 1900 one (`excel_epoch`).
    pub excel_day_zero: jiff::civil::Date,
}

/// The rows of a mapped file, ready for the converter, and what went
/// wrong: input errors (the mapping's at custodia.yaml lines), notes.
#[derive(Default)]
pub struct Mapped {
    /// (collection, row in field names, cell -> (column, original value)).
    pub rows: Vec<(crate::value::CollId, RawRow, Vec<Original>)>,
    pub errors: Vec<InputError>,
    pub notes: Vec<Note>,
    /// Ids of rows left out, per collection.
    pub left_out: Vec<(crate::value::CollId, String)>,
    /// Whether part of the file was not read.
    pub lost: bool,
    /// A workbook's sheet read, and its other sheets.
    pub sheet: Option<crate::data::excel::SheetsRead>,
    /// Which column feeds each field, for provenance (kept once per file).
    pub columns: Option<SourceColumns>,
    /// Lines of rows loaded whose text must not be quoted
    /// ([`personal::row_is_personal`]), in file order.
    pub personal_lines: Vec<u32>,
    /// The encoding the text was decoded from, when not plain UTF-8
    /// (`InputFile::encoding`: lines are quoted from the decoded text).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Fields with a default, or optional, that no column feeds
    /// (`Dataset::defaulted`).
    pub defaulted: Vec<(crate::value::CollId, crate::value::FieldId)>,
}

/// Where a mapped cell came from, for errors about it.
#[derive(Clone, Debug)]
pub struct Original {
    pub field: String,
    pub column: String,
    pub value: String,
    /// Whether `value`, as written in the file, is personal
    /// ([`personal::cell`]): show it only through `crate::pii::mask`.
    pub pii: bool,
}

/// Reads and maps one file named by `entries`.
pub fn load(env: &Env, path: &Path, entries: &[Resolved]) -> Mapped {
    let mut out = Mapped::default();
    let enc = match file_encoding(env, path, &mut out) {
        Some(e) => e,
        None => return out,
    };
    let file = match rows::read(
        path,
        enc,
        &env.mappings.read_options(path),
        env.mappings.lang,
    ) {
        Ok(f) => f,
        Err(e) => {
            out.errors.push(read_error(env.rel, e));
            out.lost = true;
            return out;
        }
    };
    if let Some((e, guessed)) = file.unnamed_encoding {
        out.notes
            .push(crate::data::loader::encoding_note(env.rel, e, guessed));
    }
    out.sheet = file.sheet.clone();
    out.encoding = file.decoded_from;
    out.lost |= !file.errors.is_empty();
    out.errors
        .extend(file.errors.into_iter().map(|e| read_error(env.rel, e)));
    if file.headers.is_empty() {
        out.lost = true;
        return out;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let reread = Some((enc, path));
    // A 1904 workbook's serials count from 1904-01-01.
    let env = &Env {
        excel_day_zero: file.day_zero.unwrap_or(env.excel_day_zero),
        ..*env
    };
    map_rows(
        env,
        &file.headers,
        &file.rows,
        stem,
        entries,
        reread,
        &mut out,
    );
    out
}

/// Maps rows read under `headers` (a file's, or a database result's
/// columns) through `entries`: every entry checked against the header and
/// the values before any row is turned into fields. `stem` names a log's
/// event kind when the entry does not (a file's stem, a table's name).
/// `reread` is how a file is read again for the values as written
/// (provenance); a database result has none.
pub fn map_rows(
    env: &Env,
    headers: &[String],
    file_rows: &[RawRow],
    stem: &str,
    entries: &[Resolved],
    reread: Option<(Option<&'static encoding_rs::Encoding>, &Path)>,
    out: &mut Mapped,
) {
    let table_names: Vec<String> = env.tables.iter().map(|(n, _)| n.clone()).collect();
    let ctx = Ctx {
        schema: env.schema,
        manifest: &env.mappings.manifest,
        rel: env.rel,
        stem,
        headers,
        tables: &table_names,
        lang: env.mappings.lang,
        header_is_data: false,
    };
    let mut plans = Vec::new();
    for entry in entries {
        match plan::plan(&ctx, entry) {
            Ok(p) => plans.push(p),
            Err(es) => out.errors.extend(es),
        }
    }
    if plans.len() < entries.len() {
        out.lost = true;
        return;
    }
    if let Some((enc, path)) = reread {
        out.columns = Some(source_columns(env, &ctx, &plans, enc, path));
    }
    for plan in &plans {
        let c = env.schema.collection(plan.coll);
        let fed = |name: &str| plan.fields.iter().any(|f| f.name == name);
        let absent = crate::data::absent_fields(c, fed);
        out.defaulted
            .extend(absent.into_iter().map(|field| (plan.coll, field)));
    }
    let chosen = assign(&ctx, &plans, file_rows, out);
    let lookups = lookups(env, &plans, out);
    for (p, plan) in plans.iter().enumerate() {
        let rows: Vec<&RawRow> = chosen
            .iter()
            .filter(|(_, c)| *c == p)
            .map(|(r, _)| &file_rows[*r])
            .collect();
        let problems = check_values(&ctx, plan, &rows);
        if !problems.is_empty() {
            out.errors.extend(problems);
            out.lost = true;
            continue;
        }
        let Some(lookups) = &lookups else {
            out.lost = true;
            continue;
        };
        for row in rows {
            transform::row(env, plan, row, lookups, out);
        }
    }
    unmapped_note(&ctx, &plans, out);
}

/// Which column feeds each field of each entry, and how to read the file
/// again: what a report needs to name the company's column and value.
fn source_columns(
    env: &Env,
    ctx: &Ctx,
    plans: &[Plan],
    encoding: Option<&'static encoding_rs::Encoding>,
    path: &Path,
) -> SourceColumns {
    let mut columns = SourceColumns {
        columns: Vec::new(),
        reread: Reread::MappedFile {
            encoding,
            options: env.mappings.read_options(path),
        },
    };
    for plan in plans {
        let collection = &env.schema.collection(plan.coll).name;
        for f in &plan.fields {
            let From::Column(index) = f.from else {
                continue;
            };
            let lookup_by_pii = f.lookup.as_ref().is_some_and(|(table, by)| {
                env.schema
                    .lookup(table)
                    .map(|c| env.schema.collection(c))
                    .and_then(|c| c.fields.iter().find(|x| x.name == *by))
                    .is_some_and(|x| x.pii)
            });
            columns.add(SourceColumn {
                collection: collection.clone(),
                field: f.name.clone(),
                column: ctx.headers[index].clone(),
                index: index as u32,
                personal: Personal::of(env.schema, &f.ty, f.pii, lookup_by_pii),
                translated: f.lookup.is_some() || f.values.is_some(),
            });
        }
    }
    columns
}

/// A cell of a row as the file holds it (a JSON number as written), for
/// a report's original value.
pub fn cell_text(row: &RawRow, position: usize) -> Option<String> {
    match row.cells.get(position).map(|c| &c.1) {
        Some(crate::data::read::Raw::Json(serde_json::Value::Null)) | None => None,
        Some(crate::data::read::Raw::Json(v)) if !v.is_string() => Some(v.to_string()),
        Some(_) => cell(row, position).map(str::to_string),
    }
}

fn read_error(rel: &str, e: crate::data::read::ReadError) -> InputError {
    InputError {
        line: e.line,
        column: e.column,
        ..InputError::file(rel, &e.message)
    }
}

/// The entries' encoding for this file, else the case's. `None` when the
/// label is unknown (an error at its line).
fn file_encoding(
    env: &Env,
    path: &Path,
    out: &mut Mapped,
) -> Option<Option<&'static encoding_rs::Encoding>> {
    match env.mappings.encoding(path) {
        None => Some(env.encoding),
        Some((label, line)) => match crate::data::encoding::from_label_in(label, env.mappings.lang)
        {
            Ok(e) => Some(Some(e)),
            Err(m) => {
                out.errors.push(InputError {
                    line: (line > 0).then_some(line),
                    ..InputError::file(&env.mappings.manifest, &m)
                });
                out.lost = true;
                None
            }
        },
    }
}

/// Which entry reads each row: (row index, plan index). A row no entry
/// selects, or two select, is an error for the file; a filter that selects
/// no row is an error at its line (nothing disappears without a word).
fn assign(ctx: &Ctx, plans: &[Plan], rows: &[RawRow], out: &mut Mapped) -> Vec<(usize, usize)> {
    let mut chosen = Vec::new();
    let (mut unread, mut twice, mut skipped) = (Vec::new(), Vec::new(), 0u64);
    let mut per_plan = vec![0u64; plans.len()];
    let mut filter_selected_nothing = false;
    let mut skip_line = 0u32;
    for (r, row) in rows.iter().enumerate() {
        // `skip:` belongs to its entry (R13): it drops a row that entry
        // would read, or a row no entry reads; never a row another
        // entry's `where` selects (the destruction under legal hold that
        // the access entry's skip named was dropped from the destruction log).
        let selected: Vec<usize> = (0..plans.len())
            .filter(|p| plans[*p].selects(row))
            .collect();
        let selecting: Vec<usize> = selected
            .iter()
            .copied()
            .filter(|p| plans[*p].skip_line(row).is_none())
            .collect();
        if selecting.is_empty() {
            let judges: Vec<usize> = if selected.is_empty() {
                (0..plans.len()).collect()
            } else {
                selected
            };
            if let Some(line) = judges.iter().find_map(|p| plans[*p].skip_line(row)) {
                skipped += 1;
                if skip_line == 0 {
                    skip_line = line;
                }
                continue;
            }
        }
        for p in &selecting {
            per_plan[*p] += 1;
        }
        match selecting.as_slice() {
            [] => unread.push(r),
            [one] => chosen.push((r, *one)),
            [a, b, ..] => twice.push((r, *a, *b)),
        }
    }
    for (p, plan) in plans.iter().enumerate() {
        if per_plan[p] == 0 && !rows.is_empty() {
            if let Some((column, _, line)) = plan.filter.first() {
                let present = personal::counted(
                    personal::column(ctx.schema, plans, *column),
                    distinct(rows.iter(), *column),
                );
                out.errors.push(at(
                    ctx,
                    *line,
                    messages::filter_selects_nothing(
                        ctx.lang,
                        ctx.rel,
                        &ctx.headers[*column],
                        &present,
                    ),
                ));
                out.lost = true;
                filter_selected_nothing = true;
            }
        }
    }
    // A filter that selects nothing already lists the values it missed.
    if let (Some(first), false) = (unread.first(), filter_selected_nothing) {
        let by_value = plans
            .iter()
            .find_map(|p| p.filter.first())
            .map(|(column, _, _)| {
                let present = personal::counted(
                    personal::column(ctx.schema, plans, *column),
                    distinct(unread.iter().map(|r| &rows[*r]), *column),
                );
                messages::by_value(ctx.lang, &ctx.headers[*column], &present)
            })
            .unwrap_or_default();
        let line = rows[*first].line;
        out.errors.push(at(
            ctx,
            plans[0].line,
            messages::rows_unread(ctx.lang, ctx.rel, unread.len() as u64, line, &by_value),
        ));
        out.lost = true;
    }
    if let Some((r, a, b)) = twice.first() {
        let lines = (plans[*a].line, plans[*b].line);
        out.errors.push(at(
            ctx,
            lines.1,
            messages::rows_twice(ctx.lang, ctx.rel, twice.len() as u64, rows[*r].line, lines),
        ));
        out.lost = true;
    }
    if skipped > 0 {
        out.notes.push(Note {
            file: ctx.rel.to_string(),
            message: messages::rows_skipped(ctx.lang, skipped, skip_line),
        });
    }
    chosen
}

fn at(ctx: &Ctx, line: u32, message: String) -> InputError {
    InputError {
        line: (line > 0).then_some(line),
        ..InputError::file(ctx.manifest, &message)
    }
}

/// The distinct non-empty values of a column with their counts, most
/// frequent first.
fn distinct<'r>(rows: impl Iterator<Item = &'r RawRow>, column: usize) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for row in rows {
        if let Some(v) = cell(row, column).filter(|v| !v.is_empty()) {
            *counts.entry(v.to_string()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Before any row is loaded: every value of a mapped column that its value
/// map lacks, and every value of an enum or bool column that is not a
/// value of its field, as one error at the field's line with counts.
fn check_values(ctx: &Ctx, plan: &Plan, rows: &[&RawRow]) -> Vec<InputError> {
    let mut errors = Vec::new();
    for f in &plan.fields {
        let From::Column(column) = f.from else {
            continue;
        };
        let item = match &f.ty {
            FieldType::List(inner) => inner.as_ref(),
            ty => ty,
        };
        // Beside a lookup, a value map names the exceptions (a reader not on
        // the roster): the other values are looked up, row by row.
        let needs_check = f.lookup.is_none()
            && (f.values.is_some() || matches!(item, FieldType::Enum(_) | FieldType::Bool));
        if !needs_check {
            continue;
        }
        let mut bad: HashMap<String, u64> = HashMap::new();
        for row in rows {
            let Some(text) = cell(row, column) else {
                continue;
            };
            for item_text in transform::items(f, text) {
                let ok = match &f.values {
                    Some(map) => map.contains_key(item_text),
                    None => plan::accepts(item, item_text),
                };
                if !ok {
                    *bad.entry(item_text.to_string()).or_default() += 1;
                }
            }
        }
        if bad.is_empty() {
            continue;
        }
        let mut bad: Vec<(String, u64)> = bad.into_iter().collect();
        bad.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        // A name in a ref column is personal even where the field is not.
        bad = personal::counted(Some(personal::kind(ctx.schema, f)), bad);
        let message = match f.values {
            Some(_) => messages::values_missing(ctx.lang, ctx.rel, &f.column, &f.name, &bad),
            None => messages::not_values_of(ctx.lang, ctx.rel, &f.column, &f.name, item, &bad),
        };
        let line = if f.line > 0 { f.line } else { plan.line };
        errors.push(InputError {
            field: Some(f.name.clone()),
            ..at(ctx, line, message)
        });
    }
    errors
}

/// Per lookup table, its `by` field's values -> the ids of the rows
/// holding them. `None` when a table could not be read (an error says so).
fn lookups(env: &Env, plans: &[Plan], out: &mut Mapped) -> Option<transform::Lookups> {
    let mut found = transform::Lookups::new();
    for f in plans.iter().flat_map(|p| &p.fields) {
        let Some((table, by)) = &f.lookup else {
            continue;
        };
        if found.contains_key(&(table.clone(), by.clone())) {
            continue;
        }
        match lookup_index(env, table, by) {
            Ok(index) => {
                found.insert((table.clone(), by.clone()), index);
            }
            Err(m) => {
                out.errors.push(InputError {
                    line: (f.line > 0).then_some(f.line),
                    field: Some(f.name.clone()),
                    ..InputError::file(&env.mappings.manifest, &m)
                });
                return None;
            }
        }
    }
    Some(found)
}

/// The index of one table: each of its files read through its own mapping
/// (with no lookup of its own), `by` -> ids.
fn lookup_index(env: &Env, table: &str, by: &str) -> Result<HashMap<String, Vec<String>>, String> {
    let mut index: HashMap<String, Vec<String>> = HashMap::new();
    for (_, path) in env.tables.iter().filter(|(n, _)| n == table) {
        let entries: Vec<Resolved> = env.mappings.entries.get(path).cloned().unwrap_or_else(|| {
            vec![Resolved {
                role: Role::Table(table.to_string()),
                entry: SourceEntry::default(),
            }]
        });
        let enc = env
            .mappings
            .encoding(path)
            .and_then(|(l, _)| crate::data::encoding::from_label(l).ok())
            .or(env.encoding);
        let opts = env.mappings.read_options(path);
        let file = rows::read(path, enc, &opts, env.mappings.lang)
            .map_err(|_| messages::lookup_table_unreadable(env.mappings.lang, table))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let rel = path.display().to_string();
        let ctx = Ctx {
            schema: env.schema,
            manifest: &env.mappings.manifest,
            rel: &rel,
            stem,
            headers: &file.headers,
            tables: &[],
            lang: env.mappings.lang,
            header_is_data: false,
        };
        for entry in &entries {
            let plan = plan::plan(&ctx, entry)
                .map_err(|_| messages::lookup_table_unreadable(env.mappings.lang, table))?;
            if plan.fields.iter().any(|f| f.lookup.is_some()) {
                return Err(messages::lookup_through_lookup(env.mappings.lang, table));
            }
            let field_text = |row: &RawRow, name: &str| {
                plan.fields
                    .iter()
                    .find(|f| f.name == name)
                    .and_then(|f| match &f.from {
                        From::Column(i) => cell(row, *i).map(|t| transform::mapped_text(f, t)),
                        From::Constant(k) => Some(k.clone()),
                    })
            };
            for row in file.rows.iter().filter(|r| plan.selects(r)) {
                if let (Some(key), Some(id)) = (field_text(row, by), field_text(row, "id")) {
                    if !key.is_empty() && !id.is_empty() {
                        index.entry(key).or_default().push(id);
                    }
                }
            }
        }
    }
    for ids in index.values_mut() {
        ids.sort();
        ids.dedup();
    }
    Ok(index)
}

/// The columns of the file that no field or filter reads: a note, so a
/// column left unmapped is seen.
fn unmapped_note(ctx: &Ctx, plans: &[Plan], out: &mut Mapped) {
    let mut read = vec![false; ctx.headers.len()];
    for p in plans {
        for f in &p.fields {
            if let From::Column(i) = f.from {
                read[i] = true;
            }
        }
        for (i, _, _) in p.filter.iter().chain(&p.skip) {
            read[*i] = true;
        }
    }
    let unread: Vec<&str> = ctx
        .headers
        .iter()
        .zip(&read)
        .filter(|(h, r)| !**r && !h.trim().is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    if !unread.is_empty() {
        out.notes.push(Note {
            file: ctx.rel.to_string(),
            message: messages::unmapped_columns(ctx.lang, &unread),
        });
    }
}

/// A view of a mapped row for the converter.
pub fn view(row: &RawRow) -> RowView<'_> {
    RowView::of(row)
}

/// An error at a line of the manifest.
pub fn at_line(manifest: &str, line: u32, message: &str) -> InputError {
    InputError {
        line: (line > 0).then_some(line),
        ..InputError::file(manifest, message)
    }
}
