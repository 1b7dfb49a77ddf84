//! The mapping of custodia.yaml (docs/mapping.md): a company's own files
//! read as they are. Each source entry is resolved against the file's
//! header (`plan`), its value maps and row filters are checked against the
//! file's values, and only then are rows turned into the schema's fields
//! (`transform`) and loaded by the same converter as any other row. Rows
//! keep their file, line and column; errors name the file's column.

pub(crate) mod by_values;
mod load;
pub mod messages;
pub mod personal;
pub(crate) mod plan;
pub mod rows;
mod survey;
mod transform;
pub mod values;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::check::schema::Schema;
use crate::data::provenance::{Personal, Reread, SourceColumn, SourceColumns};
use crate::data::source::{Resolved, Role, SourceEntry};
use crate::data::{InputError, Note};

pub use plan::fold;
use plan::{CellAt, Ctx, From, Plan};

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
    /// The entries for `path` that map its rows (columns, a filter, rows
    /// skipped). An entry naming only a log's `kind:` does not: the file
    /// is read as it is, and a `kind` column still wins ([`Self::kind`]).
    pub fn mapping(&self, path: &Path) -> Option<&[Resolved]> {
        self.entries
            .get(path)
            .filter(|es| es.iter().any(|r| r.entry.maps_rows()))
            .map(Vec::as_slice)
    }

    /// The `kind:` an entry names for `path`: the kind of its rows whose
    /// `kind` column is empty or absent, in place of the file's stem.
    pub fn kind(&self, path: &Path) -> Option<&str> {
        self.kind_at(path).map(|(kind, _)| kind)
    }

    /// [`Self::kind`], with the line of its entry.
    pub fn kind_at(&self, path: &Path) -> Option<(&str, u32)> {
        self.entries
            .get(path)?
            .iter()
            .find_map(|r| Some((r.entry.kind.as_deref()?.trim(), r.entry.line)))
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
    /// A workbook's date and long number cells; `None` for other files.
    pub typed: Option<&'a crate::data::excel::TypedCells>,
    /// Bytes per piece of a text file (`parallel::PIECE_BYTES`; tests
    /// set it small).
    pub piece_bytes: usize,
    /// `--strict`: columns no entry reads are input errors, not a note.
    pub strict: bool,
}

/// The rows of a mapped file, ready for the converter, and what went
/// wrong: input errors (the mapping's at custodia.yaml lines), notes.
#[derive(Default)]
pub struct Mapped {
    /// The file's rows as read, not yet mapped: they are mapped and
    /// converted a piece at a time (`Loader::mapped_rows`).
    pub rows: rows::Rows,
    /// The entries checked against the file's header and values; `None`
    /// when no row is read.
    pub prepared: Option<Prepared>,
    /// A workbook's day 0 and its typed cells (`Env`).
    pub excel_day_zero: Option<jiff::civil::Date>,
    pub typed: Option<crate::data::excel::TypedCells>,
    pub errors: Vec<InputError>,
    pub notes: Vec<Note>,
    /// Whether part of the file was not read.
    pub lost: bool,
    /// The file's SHA-256, from the bytes the mapping read.
    pub sha256: Option<String>,
    /// A workbook's sheet read, and its other sheets.
    pub sheet: Option<crate::data::excel::SheetsRead>,
    /// Which column feeds each field, for provenance (kept once per file).
    pub columns: Option<SourceColumns>,
    /// The encoding the text was decoded from, when not plain UTF-8
    /// (`InputFile::encoding`: lines are quoted from the decoded text).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Fields with a default, or optional, that no column feeds
    /// (`Dataset::defaulted`).
    pub defaulted: Vec<(crate::value::CollId, crate::value::FieldId)>,
}

/// The entries of a file checked against its header and every value: each
/// row's entry, and the fields it is read into.
pub struct Prepared {
    pub plans: Vec<Plan>,
    /// Per plan: whether its rows are read (its values all passed
    /// `check_values`, its lookup tables were read).
    pub reads: Vec<bool>,
    pub lookups: transform::Lookups,
}

/// Which entry reads a row.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Choice {
    /// Left out by a `skip:` at this line of the manifest.
    Skipped(u32),
    /// No entry reads it.
    Unread,
    One(usize),
    /// Two entries (or more) read it.
    Twice(usize, usize),
}

/// Which entry reads `row`. `skip:` belongs to its entry (R13): it drops a
/// row that entry would read, or a row no entry reads; never a row another
/// entry's `where` selects (the destruction under legal hold that the
/// access entry's skip named was dropped from the destruction log).
pub fn choose(plans: &[Plan], row: &(impl CellAt + ?Sized)) -> Choice {
    // The first two entries that read the row, how many do, and the first
    // that selects it: no list per row (a mapped log has millions).
    let (mut reading, mut count, mut any_selected) = ([0usize; 2], 0usize, false);
    for (p, plan) in plans.iter().enumerate() {
        if !plan.selects(row) {
            continue;
        }
        any_selected = true;
        if plan.skip_line(row).is_none() {
            if count < 2 {
                reading[count] = p;
            }
            count += 1;
        }
    }
    if count == 0 {
        // Judged by the entries that select it, else by all.
        let skip = plans
            .iter()
            .filter(|plan| !any_selected || plan.selects(row))
            .find_map(|plan| plan.skip_line(row));
        if let Some(line) = skip {
            return Choice::Skipped(line);
        }
    }
    match count {
        0 => Choice::Unread,
        1 => Choice::One(reading[0]),
        _ => Choice::Twice(reading[0], reading[1]),
    }
}

/// Where a mapped cell came from, for errors about it.
#[derive(Clone, Debug)]
pub struct Original<'p> {
    /// The field the cell feeds, and the column it is in (`FieldPlan`).
    pub field: &'p str,
    pub column: &'p str,
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
    let file = match rows::read_in_pieces(
        path,
        enc,
        &env.mappings.read_options(path),
        env.mappings.lang,
        env.piece_bytes,
        true,
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
    if file.tab_separated {
        out.notes
            .push(crate::data::loader::tab_separated_note(env.rel));
    }
    out.sha256 = file.sha256.clone();
    out.sheet = file.sheet.clone();
    out.encoding = file.decoded_from;
    let whole_file_errors = !file.errors.is_empty();
    out.lost |= whole_file_errors;
    out.errors
        .extend(file.errors.into_iter().map(|e| read_error(env.rel, e)));
    // A header the file's whole-file errors explain (an empty file, a
    // header row past the end) stops here; any other empty header (a
    // blank first line, JSONL lines none of which parses) goes on, so that
    // the entries' columns and the rows' own errors are said: such a file
    // once read as 0 rows with no error, and the run passed.
    if file.headers.is_empty() && whole_file_errors {
        out.lost = true;
        return out;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let reread = Some((enc, path));
    // A 1904 workbook's serials count from 1904-01-01.
    out.excel_day_zero = file.day_zero;
    out.typed = file.typed;
    map_rows(
        env,
        &file.headers,
        file.rows,
        stem,
        entries,
        reread,
        &mut out,
    );
    out
}

/// Checks `entries` against `headers` (a file's, or a database result's
/// columns) and against every value of `rows`, before any row is turned
/// into fields: `out.prepared` says how each row is then read
/// (`Loader::mapped_rows`). `stem` names a log's event kind when the entry
/// does not (a file's stem, a table's name). `reread` is how a file is
/// read again for the values as written (provenance); a database result
/// has none.
pub fn map_rows(
    env: &Env,
    headers: &[String],
    file_rows: rows::Rows,
    stem: &str,
    entries: &[Resolved],
    reread: Option<(Option<&'static encoding_rs::Encoding>, &Path)>,
    out: &mut Mapped,
) {
    if headers.is_empty() {
        // One error for the file, not one "has no column" per field; the
        // rows' read errors say why (a JSONL file none of whose lines
        // parses).
        let line = entries.first().map_or(0, |e| e.entry.line);
        let message = messages::no_header(env.mappings.lang, env.rel);
        out.errors
            .push(at_line(&env.mappings.manifest, line, &message));
        out.errors.extend(survey::read_errors(env.rel, &file_rows));
        out.lost = true;
        return;
    }
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
        // The rows' read errors are said too (a file whose header the
        // entries do not fit may be cut short or garbled).
        out.errors.extend(survey::read_errors(ctx.rel, &file_rows));
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
    let survey = survey::survey(&plans, &file_rows);
    survey.report(&ctx, &plans, &file_rows, out);
    let lookups = lookups(env, &plans, out);
    let mut reads = vec![false; plans.len()];
    for (p, plan) in plans.iter().enumerate() {
        let problems = survey.value_errors(&ctx, p, plan);
        if !problems.is_empty() {
            out.errors.extend(problems);
            out.lost = true;
            continue;
        }
        reads[p] = lookups.is_some();
        out.lost |= lookups.is_none();
    }
    let header_line = reread.and_then(|(_, path)| header_line(env, path));
    unmapped_note(&ctx, &plans, (env.strict, header_line), out);
    inverted_note(&ctx, &plans, out);
    let unread = unread_columns(&ctx, &plans);
    for plan in &mut plans {
        let beside: Vec<usize> = plan.beside.iter().map(|b| b.near).collect();
        plan.unread = (unread.iter().copied())
            .filter(|i| !beside.contains(i))
            .map(|i| (i, headers[i].clone()))
            .collect();
        plan.skip_headers = (plan.skip.iter())
            .map(|(i, _, _)| headers[*i].clone())
            .collect();
    }
    out.rows = file_rows;
    if let Some(lookups) = lookups {
        out.prepared = Some(Prepared {
            plans,
            reads,
            lookups,
        });
    }
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

/// Per lookup table, its `by` field's values -> the ids of the rows
/// holding them. `None` when a table could not be read, or a value map
/// beside a lookup names a value of another row (an error says so).
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
    let shadowed: Vec<InputError> = plans
        .iter()
        .flat_map(|p| &p.fields)
        .filter_map(|f| exception_shadowing_a_row(env, f, &found))
        .collect();
    if !shadowed.is_empty() {
        out.errors.extend(shadowed);
        return None;
    }
    Some(found)
}

/// The error for a value map beside a lookup that names, as an exception,
/// a value the table has for another row (`吴刚: S-09` beside
/// `lookup: staff.name`, while the roster holds a 吴刚 S-10): every row
/// naming it would be taken as the exception's id, silently, when it may
/// mean the person on the roster (hostile review, 2026-12-06). An
/// exception that gives the same id as the table's one row is harmless.
fn exception_shadowing_a_row(
    env: &Env,
    f: &plan::FieldPlan,
    found: &transform::Lookups,
) -> Option<InputError> {
    let ((table, by), values) = (f.lookup.as_ref()?, f.values.as_ref()?);
    let index = found.get(&(table.clone(), by.clone()))?;
    let mut clashes: Vec<(&String, &String, &Vec<String>)> = values
        .iter()
        .filter_map(|(name, id)| {
            let ids = index.get(name)?;
            (ids.as_slice() != std::slice::from_ref(id)).then_some((name, id, ids))
        })
        .collect();
    clashes.sort();
    // The name is a roster's (`pii`): shown masked, as every cell of such a
    // column is; the ids tell the user which.
    let shown = |name: &str| personal::kind(f).shown(name);
    let m = match clashes.first() {
        Some((name, id, ids)) => messages::exception_shadows_row(
            env.mappings.lang,
            &f.column,
            table,
            by,
            &shown(name),
            id,
            ids,
        ),
        None => {
            let (name, id, other) = exception_taking_a_rows_id(values, index)?;
            messages::exception_takes_rows_id(
                env.mappings.lang,
                &f.column,
                table,
                by,
                &shown(name),
                id,
                &shown(other),
            )
        }
    };
    Some(InputError {
        line: (f.line > 0).then_some(f.line),
        field: Some(f.name.clone()),
        ..InputError::file(&env.mappings.manifest, &m)
    })
}

/// The first exception (by name) of `values` whose id the table gives to a
/// row of another name, with that name: `吴刚: S-09` beside a roster whose
/// S-09 is 陈宇 read the outside auditor's access as 陈宇's, who is
/// cleared (hostile review h25a F13).
fn exception_taking_a_rows_id<'a>(
    values: &'a HashMap<String, String>,
    index: &'a HashMap<String, Vec<String>>,
) -> Option<(&'a String, &'a String, &'a String)> {
    let mut taken: Vec<(&String, &String, &String)> = values
        .iter()
        .filter_map(|(name, id)| {
            let (other, _) = index
                .iter()
                .filter(|(other, ids)| *other != name && ids.contains(id))
                .min_by_key(|(other, _)| other.as_str())?;
            Some((name, id, other))
        })
        .collect();
    taken.sort();
    taken.first().copied()
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
            let field_text = |row: &dyn CellAt, name: &str| {
                plan.fields
                    .iter()
                    .find(|f| f.name == name)
                    .and_then(|f| match &f.from {
                        From::Column(i) => row.cell_at(*i).map(|t| transform::mapped_text(f, t)),
                        From::Constant(k) => Some(k.clone()),
                    })
            };
            file.rows.for_each(|row| {
                // A row the table's own entry leaves out (`where:` or
                // `skip:`) is no row of the table: it names nobody. A former
                // employee's row skipped once answered for her name with the
                // staff number since given to another, whose rights were
                // then judged (hostile review, 2026-12-05).
                if !plan.selects(row) || plan.skip_line(row).is_some() {
                    return;
                }
                if let (Some(key), Some(id)) = (field_text(row, by), field_text(row, "id")) {
                    if !key.is_empty() && !id.is_empty() {
                        index.entry(key).or_default().push(id);
                    }
                }
            });
        }
    }
    for ids in index.values_mut() {
        ids.sort();
        ids.dedup();
    }
    Ok(index)
}

/// The line of a file's header row, for a file whose columns have a
/// position (a text table or a workbook's sheet); `None` for a JSON, JSONL
/// or YAML file, whose keys have none.
fn header_line(env: &Env, path: &Path) -> Option<u32> {
    let ext = (path.extension().and_then(|e| e.to_str()))
        .unwrap_or("")
        .to_ascii_lowercase();
    let positioned = !matches!(ext.as_str(), "json" | "jsonl" | "yaml" | "yml" | "parquet");
    positioned.then(|| env.mappings.read_options(path).header_row.unwrap_or(1))
}

/// The columns of the file that no field or filter reads: a note, so a
/// column left unmapped is seen. **Decision (2026-12-07, hostile review
/// h24a F14):** under `--strict` ("undeclared columns are input errors")
/// each is an input error at its header cell, as an undeclared column of
/// a file read without a mapping is: a column no entry reads is exactly
/// such a column, and a CI gate run with `--strict` passed company
/// exports whose unread `作废`, `离职日期` or `诉讼情况` column decided a rule.
/// `strict` is (`--strict`, the header's line when columns have positions).
fn unmapped_note(ctx: &Ctx, plans: &[Plan], strict: (bool, Option<u32>), out: &mut Mapped) {
    let positions = unread_columns(ctx, plans);
    let unread: Vec<&str> = positions.iter().map(|&i| ctx.headers[i].as_str()).collect();
    if strict.0 {
        let max = crate::data::limits::MAX_UNDECLARED_NAMED;
        for &i in positions.iter().take(max) {
            let message = messages::unmapped_column_strict(ctx.lang, &ctx.headers[i]);
            out.errors.push(InputError {
                line: strict.1,
                column: strict.1.map(|_| i as u32 + 1),
                ..InputError::file(ctx.rel, &message)
            });
        }
        if positions.len() > max {
            let message = messages::unmapped_columns_strict_more(ctx.lang, positions.len() - max);
            out.errors.push(InputError {
                line: strict.1,
                ..InputError::file(ctx.rel, &message)
            });
        }
        return;
    }
    if !unread.is_empty() {
        out.notes.push(Note {
            file: ctx.rel.to_string(),
            message: messages::unmapped_columns(ctx.lang, &unread),
            rules: Vec::new(),
        });
    }
}

/// A bool column read turned round (`plan::answers_alike`): the report
/// says so, since the verdict rests on that line of custodia.yaml.
fn inverted_note(ctx: &Ctx, plans: &[Plan], out: &mut Mapped) {
    for plan in plans {
        for (f, words) in plan::inverted_bools(plan) {
            let pairs: Vec<String> = words
                .iter()
                .map(|(k, w)| format!("`{k}: {}`", !w))
                .collect();
            out.notes.push(Note {
                file: ctx.rel.to_string(),
                message: crate::t!(
                    ctx.lang,
                    "mapping-bool-inverted",
                    column = f.column.as_str(),
                    field = f.name.as_str(),
                    manifest = ctx.manifest,
                    line = f.line,
                    pairs = pairs.join(&crate::t!(ctx.lang, "list-comma"))
                ),
                rules: Vec::new(),
            });
        }
    }
}

/// The positions of the named columns of the file that no entry reads
/// (no field, filter, skip or kind column).
fn unread_columns(ctx: &Ctx, plans: &[Plan]) -> Vec<usize> {
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
        if let Some((i, _)) = p.kind_column {
            // Read to see that each row is of the entry's kind.
            read[i] = true;
        }
    }
    (0..ctx.headers.len())
        .filter(|i| !read[*i] && !ctx.headers[*i].trim().is_empty())
        .collect()
}

/// An error at a line of the manifest.
impl Mappings {
    /// The files two of whose entries read them differently (`sheet:`,
    /// `header_row:`), each with an error at the later entry's line, and
    /// their entries dropped. A file is read once: the second entry's
    /// sheet was read by the first one's options, or listed as "not the
    /// one named", and a destruction sheet named in custodia.yaml was
    /// never read (hostile review, 2026-12-04).
    pub fn refuse_disagreeing_reads(&mut self, root: &Path) -> Vec<(PathBuf, InputError)> {
        let disagreeing: Vec<(PathBuf, u32, u32)> = self
            .entries
            .iter()
            .filter_map(|(path, entries)| {
                let first = entries.first()?;
                let other = entries.iter().find(|r| r.entry.read != first.entry.read)?;
                Some((path.clone(), other.entry.line, first.entry.line))
            })
            .collect();
        disagreeing
            .into_iter()
            .map(|(path, line, first)| {
                self.entries.remove(&path);
                let message = crate::t!(
                    self.lang,
                    "mapping-reads-disagree",
                    file = crate::data::case::relative(root, &path),
                    line = first
                );
                (path, at_line(&self.manifest, line, &message))
            })
            .collect()
    }
}

pub fn at_line(manifest: &str, line: u32, message: &str) -> InputError {
    InputError {
        line: (line > 0).then_some(line),
        ..InputError::file(manifest, message)
    }
}
