//! Stage 3: files -> typed tables. Bad rows become input errors and are left
//! out; every other row is loaded, so one run shows every problem.

mod accounting;
pub mod case;
pub mod convert;
mod csv_records;
pub mod db;
mod db_mapped;
#[cfg(feature = "mysql")]
mod db_mysql;
#[cfg(feature = "postgres")]
mod db_postgres;
mod db_sql;
#[cfg(feature = "sqlite")]
mod db_sqlite;
#[cfg(feature = "sqlite")]
mod db_sqlite_wal;
mod db_unread;
mod document;
pub mod durations;
pub mod encoding;
mod ends;
pub mod excel;
mod excel_box;
mod excel_box_ods;
mod excel_box_xls;
mod excel_cdata;
mod excel_cells;
pub mod excel_epoch;
mod excel_grid;
mod excel_notes;
mod excel_numfmt;
mod excel_ods_cells;
mod excel_strings;
mod excel_twice;
mod excel_twin;
mod excel_xml;
mod jsonl_cells;
pub mod limits;
mod loader;
pub mod mapping;
mod own_reports;
/// Whether a file is a report custodia wrote (`--output` removes only those).
pub use ends::StatusAsks;
pub use own_reports::is_custodia_report;
pub use worded::header_names_field;
mod parallel;
#[cfg(feature = "parquet")]
mod parquet;
mod parquet_load;
pub mod provenance;
pub mod read;
mod record_lines;
mod rows;
pub mod source;
pub(crate) mod split;
mod stream;
pub mod table;
pub mod terms;
mod typed_rows;
mod voided;
pub mod walk;
mod worded;
mod workbook;
mod workbook_like;
mod yaml_errors;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;

use crate::check::schema::{CollKind, Schema};
use crate::value::{CollId, FieldId, Interner};

pub(crate) use accounting::evidence_kind;
use case::{relative, CaseInputs};
pub(crate) use loader::sha256_hex;
use loader::{Loader, Target};
use read::{RawRow, RowView};
use rows::{FileCtx, Sink};
use source::Role;
pub use table::{Column, RowOrigin, TableData};

/// Longest offending value quoted in an input error.
const MAX_VALUE_CHARS: usize = 60;

/// Malformed input: not a violation, but it makes the check incomplete.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputError {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub field: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

impl InputError {
    pub fn file(file: &str, message: &str) -> Self {
        InputError {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            value: None,
            message: message.into(),
        }
    }
}

/// Something worth knowing that does not make the check incomplete.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    pub file: String,
    pub message: String,
    /// The rules the note is about, every one of them (its message may
    /// name only the first few): JUnit shows the note in each one's suite.
    /// Empty for a note on the run or its data as a whole.
    pub rules: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct InputFile {
    /// A workbook's sheet is `FILE!SHEET` (`目录.xlsx!Sheet1`), its rows'
    /// lines are sheet row numbers.
    pub path: String,
    pub abs: PathBuf,
    pub role: &'static str,
    pub sha256: String,
    pub rows: u64,
    /// The encoding the text was decoded from when it is not plain UTF-8
    /// (another encoding, or a byte-order mark before it): row offsets are
    /// offsets in the decoded text, not in the file's bytes.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The sheet of a workbook: its rows have no line of text to quote.
    pub sheet: Option<String>,
    /// For a source read through a mapping: which column feeds each field
    /// (docs/mapping.md, "Provenance"). Shared, not copied, by clones.
    pub columns: Option<std::sync::Arc<provenance::SourceColumns>>,
    /// Sorted lines of a mapped file whose text holds personal or unknown
    /// content (`mapping::personal::row_is_personal`): never quoted.
    pub personal_lines: Vec<u32>,
    /// A database source (`db:…`): its rows have no line of text either;
    /// each row's primary key, by its position in the result, names it in
    /// the report instead (docs/databases.md).
    pub row_keys: Option<std::sync::Arc<db::RowKeys>>,
    /// A log whose rows name their own event kind (a `kind` column, or a
    /// `kind` key in some row): it is a source only of the kinds its rows
    /// were, never of the kind its name says (`report::coverage`).
    pub rows_name_kind: bool,
    /// The event kinds the case's entries read this file as (`kind:`):
    /// when none of its rows could be read, the report says so of those
    /// kinds instead of "no log supplied" (`report::coverage`).
    pub given_for: Vec<String>,
    /// The collections an entry of custodia.yaml reads this file into
    /// that got no row of it because the entry's mapping has an input
    /// error (a column the file lacks, a value its `values:` lacks, a
    /// lookup into a table that could not be read): those errors are
    /// custodia.yaml's, not the file's, and the report says the file was
    /// given and not read, pointing at the first of them, instead of "no
    /// log supplied" or "holds no rows" (`report::coverage`; hostile
    /// review h23a, task 2 of session 24).
    pub mapping_failed: Vec<MappingFailed>,
}

/// One of [`InputFile::mapping_failed`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappingFailed {
    /// The collection the entry reads the file into.
    pub collection: String,
    /// custodia.yaml, as errors name it, and the line of the entry's first
    /// error there.
    pub manifest: String,
    pub line: u32,
}

impl InputFile {
    /// Whether the text of `line` must not be quoted (a mapped row with a
    /// personal cell or a cell no field reads).
    pub fn personal_line(&self, line: u32) -> bool {
        self.personal_lines.binary_search(&line).is_ok()
    }
}

#[derive(Debug, Default)]
pub struct Dataset {
    /// Indexed by `CollId`.
    pub tables: Vec<TableData>,
    /// Rows read per collection when Spark read some of it in place
    /// (docs/spark.md): its table then holds only the rows a finding
    /// names, so counts come from here.
    pub counted_rows: std::collections::BTreeMap<CollId, u64>,
    pub interner: Interner,
    pub files: Vec<InputFile>,
    pub errors: Vec<InputError>,
    pub notes: Vec<Note>,
    /// Per file: datetimes read without an offset, as (file, first line,
    /// count); filled only when `CheckLoadOptions::naive_in_utc` is set, for the
    /// note that they were read in UTC.
    pub naive_datetimes: Vec<(String, u32, u64)>,
    /// Per file: datetimes written with an offset neither UTC's nor the
    /// case zone's, as (file, first line, count, its offset in seconds),
    /// for the note that their days are counted in another zone.
    pub foreign_datetimes: Vec<(String, u32, u64, i32)>,
    /// Ids of rows left out for input errors, per collection: a ref to one
    /// of them is not reported again as dangling.
    pub left_out_ids: BTreeSet<(CollId, String)>,
    /// Collections with a file, or a part of one, that could not be read:
    /// which ids they lack is unknown, so refs to them are not judged.
    pub partly_read: BTreeSet<CollId>,
    /// Files and folders of the case that were not read, with why
    /// (`CaseInputs::not_read`).
    pub not_read: Vec<case::NotRead>,
    /// Text fields whose values were stored in the interner without being
    /// hashed (`CheckLoadOptions::unhashed`), sorted: their symbols are not
    /// canonical, so they are compared and deduplicated by text.
    pub unhashed: Vec<(CollId, FieldId)>,
    /// Fields with a default, or optional, that a file's header (a mapped
    /// file's plan, a database result's columns) has no column for: each
    /// row of that source took the default or read the field as missing
    /// (file, collection, field). Which of them a rule reads is said in a
    /// note (`cli::app`).
    pub defaulted: Vec<(String, CollId, FieldId)>,
    /// Database sources of a log or a table whose result held no row
    /// (source, collection): a note names the rules that had nothing to
    /// check in it (`cli::app`; docs/databases.md).
    pub empty_sources: Vec<(String, CollId)>,
    /// Undeclared columns (a mapped file's unread ones) every value of
    /// which reads as the type (bool, date, datetime) of a field of the
    /// same file that is absent (`defaulted`), or blank in every row that
    /// has the column: most likely that field under another name. An input error when a rule
    /// reads the field (`cli::app`; docs/inputs-and-reports.md, "a field
    /// under another name").
    pub hidden_fields: Vec<HiddenField>,
}

/// One of [`Dataset::hidden_fields`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HiddenField {
    pub file: String,
    /// The undeclared column, as its header names it.
    pub column: String,
    pub coll: CollId,
    pub field: FieldId,
    /// The column's first cell holding a value.
    pub line: u32,
    pub cell: Option<u32>,
    /// The file has no column for the field (`Dataset::defaulted`); else
    /// its column is blank in every row that has this one.
    pub absent: bool,
    /// A mapped file's: the line in custodia.yaml of the entry that leaves
    /// the column unread.
    pub entry: Option<u32>,
    /// The field is filled in other rows, and blank in the row at `line`,
    /// where the column (a date named as an end: `离职日期`) holds a date.
    pub row: bool,
    /// The column is a status (`在职状态`, `是否在职`) whose cell at `line`
    /// says the person is gone (`离职`, `否`) while the field, an end date
    /// of a table (`authorized_to`), is blank in that row or holds a day
    /// standing for no end (`9999-12-31`).
    pub gone: Option<Gone>,
    /// The column is named as an end (`离职日期`) and, at `line`, holds
    /// what is said of the row's end date `field` (`authorized_to`).
    pub end: Option<EndSaid>,
    /// The column's header names the bool field (`诉讼情况` for
    /// `legal_hold`) and, at `line`, it holds this value, which reads as
    /// no yes or no (`涉诉`): the field written in words.
    pub worded: Option<String>,
}

/// A status cell saying a person is gone beside a blank end date:
/// [`HiddenField::gone`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gone {
    /// The cell, as written (`离职`, `否`).
    pub word: String,
    /// What the column asks, by its header.
    pub asks: StatusAsks,
    /// The end date's day when it stands for no end (`9999-12-31`);
    /// `None` when the field is blank.
    pub held: Option<jiff::civil::Date>,
}

/// What a column named as an end (`离职日期`) holds beside a table row's
/// own end date (`authorized_to`): [`HiddenField::end`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndSaid {
    /// A date earlier than the field's in the same row: (the column's,
    /// the field's).
    Earlier(jiff::civil::Date, jiff::civil::Date),
    /// A value that reads as no date, as written.
    Undated(String),
}

impl Dataset {
    /// Where a loader's converted rows go: this dataset's columns, errors
    /// and left-out ids, and the file's own tallies (a `parallel::Loaded`'s).
    pub(crate) fn sink<'a>(
        &'a mut self,
        undeclared: &'a mut BTreeSet<String>,
        naive: &'a mut rows::NaiveDatetimes,
        near: &'a mut rows::NearMisses,
    ) -> rows::Sink<'a> {
        rows::Sink {
            interner: &mut self.interner,
            tables: &mut self.tables,
            errors: &mut self.errors,
            undeclared,
            left_out: &mut self.left_out_ids,
            naive,
            near,
            free_text: None,
            kind_named: false,
            values: Vec::new(),
        }
    }

    /// Rows loaded into the collections of one kind (records, events).
    pub fn rows_of_kind(&self, schema: &Schema, kind: CollKind) -> u64 {
        schema
            .ids()
            .filter(|c| schema.collection(*c).kind == kind)
            .map(|c| self.rows(c))
            .sum()
    }

    /// Rows read of a collection, here or by Spark in place.
    pub fn rows(&self, c: CollId) -> u64 {
        self.counted_rows
            .get(&c)
            .copied()
            .unwrap_or(self.table(c).len() as u64)
    }

    /// Whether a row with this id was in the input but left out.
    pub fn was_left_out(&self, c: CollId, id: &str) -> bool {
        self.left_out_ids.contains(&(c, id.to_string()))
    }
    pub fn table(&self, c: CollId) -> &TableData {
        &self.tables[c.0 as usize]
    }
    /// Whether the field's text was stored unhashed (see `unhashed`).
    pub fn is_unhashed(&self, c: CollId, f: FieldId) -> bool {
        self.unhashed.binary_search(&(c, f)).is_ok()
    }
    pub fn origin(&self, c: CollId, row: u32) -> (&InputFile, RowOrigin) {
        let o = self.table(c).origin(row);
        (&self.files[o.file as usize], o)
    }
}

pub struct LoadOptions<'a> {
    pub tz: &'a TimeZone,
    /// Undeclared columns are errors rather than notes.
    pub strict: bool,
}

/// What the `check` command asks of the loader beyond `LoadOptions`;
/// `load` (explain, tests, benchmarks) uses the defaults.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckLoadOptions<'a> {
    /// The case names no time zone (no `time_zone`, no `--tz`), so `tz` is
    /// UTC by default: count per file the datetimes read without an offset
    /// (`Dataset::naive_datetimes`) so the report can say so.
    pub naive_in_utc: bool,
    /// Bytes per piece of a large CSV or JSONL file; `None` is
    /// `parallel::PIECE_BYTES`. Tests set it small to cut small files.
    pub piece_bytes: Option<usize>,
    /// CSV and JSONL files larger than this are read in windows of this
    /// size; `None` is `stream::window_bytes()`. Tests set it small.
    pub window_bytes: Option<usize>,
    /// Text fields that no rule looks up by value (`eval::unhashed_fields`):
    /// the strings of large files that only these fields hold are stored
    /// without entering the interner's hash table, which at ten million
    /// unique event ids was a third of the loading time.
    pub unhashed: &'a [(CollId, FieldId)],
    /// Fields no rule or report of the run reads (`eval::reads`): their
    /// cells are still checked, but their values are not kept
    /// (`table::Column::Unread`), which for the free text of large files
    /// is most of the memory (docs/scale.md, "Columns no rule reads").
    pub unread: &'a [(CollId, FieldId)],
    /// The rules run on Spark, which reads the `spark:` sources itself;
    /// otherwise each such source is an input error (docs/spark.md).
    pub spark_reads_in_place: bool,
}

/// Loads every input of the case into typed tables.
pub fn load(case: &CaseInputs, schema: &Schema, opts: &LoadOptions) -> Dataset {
    load_with_progress(case, schema, opts, CheckLoadOptions::default(), &|_| {})
}

/// `load`, calling `progress` with each file's path once it is loaded (for
/// the progress bar on a terminal).
pub fn load_with_progress(
    case: &CaseInputs,
    schema: &Schema,
    opts: &LoadOptions,
    check: CheckLoadOptions,
    progress: &dyn Fn(&Path),
) -> Dataset {
    let mut unhashed = check.unhashed.to_vec();
    unhashed.sort();
    unhashed.dedup();
    let mut ds = Dataset {
        tables: new_tables(schema, check.unread),
        // What finding the inputs ran into makes the check incomplete too.
        errors: case.errors.clone(),
        not_read: case.not_read.clone(),
        unhashed,
        ..Default::default()
    };
    if let Some(m) = &case.manifest {
        ds.files.push(manifest_file(&case.root, m));
    }
    let encoding = match case.encoding.as_deref().map(encoding::from_label) {
        Some(Ok(e)) => Some(e),
        Some(Err(message)) => {
            ds.errors.push(InputError::file("custodia.yaml", &message));
            return ds;
        }
        None => None,
    };
    let window = check.window_bytes.unwrap_or_else(stream::window_bytes);
    let mut loader = Loader {
        schema,
        opts,
        check,
        ds: &mut ds,
        root: &case.root,
        encoding,
        mappings: &case.mappings,
        tables: &case.tables,
        ignore: &case.ignore,
        clean: None,
    };
    // Input errors are sorted at the end: the folders may be walked first.
    let inventory = expand(&case.inventory, &mut loader);
    let logs = expand(&case.logs, &mut loader);
    let tables = case.tables.iter().map(|(_, p)| p);
    // On one thread, as asked, the loader checks each file itself: none is
    // listed, so none is waited for.
    let ahead = stream::CleanAhead::new(match rayon::current_num_threads() > 1 {
        true => (inventory.iter().chain(&logs).chain(tables))
            .filter(|p| loader.may_stream(p, window))
            .cloned()
            .collect(),
        false => Vec::new(),
    });
    loader.clean = Some(&ahead);
    std::thread::scope(|scope| {
        // Listed files are waited for: a thread checks them.
        if ahead.lists_any() {
            scope.spawn(|| ahead.run(limits::MAX_LINE_BYTES));
        }
        load_files(&mut loader, case, schema, &inventory, &logs, progress);
        ahead.stop();
    });
    let check = loader.check;
    if !check.spark_reads_in_place {
        for input in &case.in_place {
            loader.ds.errors.push(in_place_error(case, input));
        }
    }
    empty_inventory_note(case, schema, &mut ds);
    ds.errors.sort();
    ds.notes.sort();
    ds.notes.dedup();
    ds
}

/// The company, inventory, log and table files and the databases, in the
/// order of the dataset.
fn load_files(
    loader: &mut Loader,
    case: &CaseInputs,
    schema: &Schema,
    inventory: &[PathBuf],
    logs: &[PathBuf],
    progress: &dyn Fn(&Path),
) {
    if let Some(c) = &case.company {
        loader.fixed(c, "company", schema.company());
        progress(c);
    }
    for p in inventory {
        loader.fixed(p, "inventory", schema.record());
        progress(p);
    }
    for p in logs {
        loader.file(p, "log", Target::Events);
        progress(p);
    }
    for (name, p) in &case.tables {
        let coll = schema
            .lookup(name)
            .filter(|c| schema.collection(*c).kind == CollKind::Table);
        if coll.is_none() {
            let rel = relative(&case.root, p);
            let message = crate::msg!("data-no-table-for-file", name = name).words();
            loader.ds.errors.push(InputError::file(&rel, &message));
            continue;
        }
        loader.fixed(p, "table", coll);
        progress(p);
    }
    for group in db::same_result(&case.databases) {
        db::load(loader, &group);
    }
    db_unread::list(loader, &case.databases, &case.ignore);
}

/// The manifest as an input of role `manifest`, with its digest: the
/// report says which settings the check ran with.
fn manifest_file(root: &Path, path: &Path) -> InputFile {
    let sha256 = std::fs::read(path)
        .map(|b| loader::sha256_hex(&b))
        .unwrap_or_default();
    InputFile {
        path: relative(root, path),
        abs: path.to_path_buf(),
        role: "manifest",
        sha256,
        ..Default::default()
    }
}

/// A source only Spark reads: an input error for any other reader, never
/// a source skipped (its rows would be missing from a passing check).
fn in_place_error(case: &CaseInputs, input: &source::Resolved) -> InputError {
    let name = input
        .entry
        .spark
        .as_ref()
        .map(|s| s.name())
        .unwrap_or_default();
    InputError {
        line: (input.entry.line > 0).then_some(input.entry.line),
        ..InputError::file(
            &case.mappings.manifest,
            &crate::msg!("spark-in-place-native", source = name).words(),
        )
    }
}

/// A check with no records passes every record rule vacuously: say so.
fn empty_inventory_note(case: &CaseInputs, schema: &Schema, ds: &mut Dataset) {
    let Some(record) = schema.record() else {
        return;
    };
    // An inventory file with input errors already says why rows are missing.
    let paths: Vec<String> = case
        .inventory
        .iter()
        .map(|p| relative(&case.root, p))
        .collect();
    let inventory_errors = ds
        .errors
        .iter()
        .any(|e| paths.iter().any(|p| e.file.starts_with(p.as_str())));
    let from_db = case.databases.iter().any(|d| d.role == Role::Inventory);
    // Spark reads it: how many records it holds is known after the job.
    let in_place = case.in_place.iter().any(|d| d.role == Role::Inventory);
    if !ds.table(record).is_empty() || inventory_errors || in_place {
        return;
    }
    let message = match case.inventory.is_empty() && !from_db {
        true => crate::msg!("data-no-inventory"),
        false => crate::msg!("data-empty-inventory"),
    };
    ds.notes.push(Note {
        file: "inventory".into(),
        message: message.words(),
        rules: Vec::new(),
    });
}

/// Empty tables for the collections of `schema`, without the `unread`
/// fields' columns.
pub(crate) fn new_tables(schema: &Schema, unread: &[(CollId, FieldId)]) -> Vec<TableData> {
    schema
        .ids()
        .map(|c| {
            let types: Vec<_> = schema.collection(c).fields.iter().map(|f| &f.ty).collect();
            let left_out = unread.iter().filter(|(u, _)| *u == c).map(|(_, f)| *f);
            TableData::new(c, &types).without(left_out, schema.collection(c).id_field())
        })
        .collect()
}

/// Files and folders -> data files in path order. A missing path, and every
/// entry below a folder that is not a readable regular file, is an error.
fn expand(paths: &[PathBuf], loader: &mut Loader) -> Vec<PathBuf> {
    let mut out = BTreeSet::new();
    for p in paths {
        if p.is_dir() {
            // Links are followed (a log folder may link to an export), and
            // the walk reports a link that leads back to an ancestor.
            let found = walk::walk(p, loader.root);
            out.extend(found.files);
            for (path, message) in found.problems {
                let rel = relative(loader.root, &path);
                loader.ds.errors.push(InputError::file(&rel, &message));
            }
        } else {
            match walk::not_a_regular_file(p) {
                None => {
                    out.insert(p.clone());
                }
                Some(message) => {
                    let rel = relative(loader.root, p);
                    loader.ds.errors.push(InputError::file(&rel, &message));
                }
            }
        }
    }
    once_each(out.into_iter().collect(), loader)
}

/// The files in path order, each file the file system holds once: a link
/// to a log beside it (`logs/a/notification.jsonl` leading to
/// `logs/notification.jsonl`) counted every row twice, with no note
/// (hostile review, 2026-12-06). The path that is no link is read (else
/// the first); each other one is noted.
fn once_each(files: Vec<PathBuf>, loader: &mut Loader) -> Vec<PathBuf> {
    let real: Vec<PathBuf> = (files.iter())
        .map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone()))
        .collect();
    let is_link = |f: &Path| std::fs::symlink_metadata(f).is_ok_and(|m| m.is_symlink());
    let mut chosen: std::collections::HashMap<&PathBuf, usize> = std::collections::HashMap::new();
    for (i, r) in real.iter().enumerate() {
        let keep = chosen
            .get(r)
            .map_or(true, |&j| is_link(&files[j]) && !is_link(&files[i]));
        if keep {
            chosen.insert(r, i);
        }
    }
    let mut out = Vec::with_capacity(chosen.len());
    for (i, f) in files.iter().enumerate() {
        // Every file's real path was entered in the first loop.
        let first = chosen.get(&real[i]).copied().unwrap_or(i);
        if first == i {
            out.push(f.clone());
            continue;
        }
        loader.ds.notes.push(Note {
            file: relative(loader.root, f),
            message: crate::msg!(
                "load-same-file-twice",
                first = relative(loader.root, &files[first])
            )
            .words(),
            rules: Vec::new(),
        });
    }
    out
}

pub(crate) fn truncate(s: &str) -> String {
    let shown: String = s.chars().take(MAX_VALUE_CHARS).collect();
    let shown = crate::text::visible_controls(&shown);
    if s.chars().count() <= MAX_VALUE_CHARS {
        shown
    } else {
        shown + "…"
    }
}

/// Rows built in memory (the `given`s of a policy `test`): converted,
/// defaulted and checked exactly like rows read from files, so a test sees
/// the data a real case would. `files` are the display paths rows point at.
pub fn from_rows(
    schema: &Schema,
    opts: &LoadOptions,
    files: &[String],
    rows: Vec<(CollId, u32, RawRow)>,
) -> Dataset {
    let mut ds = Dataset {
        tables: new_tables(schema, &[]),
        files: files
            .iter()
            .map(|p| InputFile {
                path: p.clone(),
                abs: PathBuf::from(p),
                role: "policy",
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    for (coll, file, row) in rows {
        let rel = files.get(file as usize).cloned().unwrap_or_default();
        let mut undeclared = BTreeSet::new();
        // A test's rows have no file a note could point at: the default
        // options count no naive datetimes.
        let ctx = FileCtx::new(
            schema,
            opts.tz,
            &CheckLoadOptions::default(),
            file,
            &rel,
            false,
        );
        let mut sink = Sink {
            interner: &mut ds.interner,
            tables: &mut ds.tables,
            errors: &mut ds.errors,
            undeclared: &mut undeclared,
            left_out: &mut ds.left_out_ids,
            naive: &mut Default::default(),
            // A test's `given` names fields as the schema does or fails to check.
            near: &mut Default::default(),
            free_text: None,
            kind_named: false,
            values: Vec::new(),
        };
        rows::convert_row(&ctx, &mut sink, coll, &RowView::of(&row));
    }
    ds.errors.sort();
    ds
}

/// The fields of `c` a source can lack whole (a default or optional) for
/// which `has` finds no column: every row of the source reads them as the
/// default or missing, which a note says when a rule reads them
/// (`Dataset::defaulted`; a whole column absent is never silent).
pub(crate) fn absent_fields(
    c: &crate::check::schema::Collection,
    has: impl Fn(&str) -> bool,
) -> Vec<FieldId> {
    c.fields
        .iter()
        .enumerate()
        .filter(|(_, f)| (f.default.is_some() || f.optional) && !has(&f.name))
        .map(|(i, _)| FieldId(i as u32))
        .collect()
}
