//! Stage 3: files -> typed tables. Bad rows become input errors and are left
//! out; every other row is loaded, so one run shows every problem.

pub mod case;
pub mod convert;
pub mod encoding;
mod jsonl_cells;
pub mod limits;
mod parallel;
pub mod read;
mod rows;
mod split;
mod stream;
pub mod table;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use sha2::{Digest, Sha256};

use crate::check::schema::{CollKind, Schema};
use crate::value::{CollId, Interner};

use case::{relative, CaseInputs};
use read::{RawRow, RowView};
use rows::{FileCtx, Sink};
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
}

#[derive(Clone, Debug)]
pub struct InputFile {
    pub path: String,
    pub abs: PathBuf,
    pub role: &'static str,
    pub sha256: String,
    pub rows: u64,
}

#[derive(Debug, Default)]
pub struct Dataset {
    /// Indexed by `CollId`.
    pub tables: Vec<TableData>,
    pub interner: Interner,
    pub files: Vec<InputFile>,
    pub errors: Vec<InputError>,
    pub notes: Vec<Note>,
    /// Per file: datetimes read without an offset, as (file, first line,
    /// count); filled only when `CheckLoadOptions::naive_in_utc` is set, for the
    /// note that they were read in UTC.
    pub naive_datetimes: Vec<(String, u32, u64)>,
    /// Ids of rows left out for input errors, per collection: a ref to one
    /// of them is not reported again as dangling.
    pub left_out_ids: BTreeSet<(CollId, String)>,
    /// Collections with a file, or a part of one, that could not be read:
    /// which ids they lack is unknown, so refs to them are not judged.
    pub partly_read: BTreeSet<CollId>,
}

impl Dataset {
    /// Rows loaded into the collections of one kind (records, events).
    pub fn rows_of_kind(&self, schema: &Schema, kind: CollKind) -> u64 {
        schema
            .ids()
            .filter(|c| schema.collection(*c).kind == kind)
            .map(|c| self.table(c).len() as u64)
            .sum()
    }

    /// Whether a row with this id was in the input but left out.
    pub fn was_left_out(&self, c: CollId, id: &str) -> bool {
        self.left_out_ids.contains(&(c, id.to_string()))
    }
    pub fn table(&self, c: CollId) -> &TableData {
        &self.tables[c.0 as usize]
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
pub struct CheckLoadOptions {
    /// The case names no time zone (no `time_zone`, no `--tz`), so `tz` is
    /// UTC by default: count per file the datetimes read without an offset
    /// (`Dataset::naive_datetimes`) so the report can say so.
    pub naive_in_utc: bool,
    /// Bytes per piece of a large CSV or JSONL file; `None` is
    /// `parallel::PIECE_BYTES`. Tests set it small to cut small files.
    pub piece_bytes: Option<usize>,
    /// CSV and JSONL files larger than this are read in windows of this
    /// size; `None` is `stream::WINDOW_BYTES`. Tests set it small.
    pub window_bytes: Option<usize>,
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
    let mut ds = Dataset {
        tables: new_tables(schema),
        ..Default::default()
    };
    let encoding = match case.encoding.as_deref().map(encoding::from_label) {
        Some(Ok(e)) => Some(e),
        Some(Err(message)) => {
            ds.errors.push(InputError::file("custodia.yaml", &message));
            return ds;
        }
        None => None,
    };
    let mut loader = Loader {
        schema,
        opts,
        check,
        ds: &mut ds,
        root: &case.root,
        encoding,
    };
    if let Some(c) = &case.company {
        loader.fixed(c, "company", schema.company());
        progress(c);
    }
    for p in expand(&case.inventory, &mut loader) {
        loader.fixed(&p, "inventory", schema.record());
        progress(&p);
    }
    for p in expand(&case.logs, &mut loader) {
        loader.file(&p, "log", Target::Events);
        progress(&p);
    }
    for (name, p) in &case.tables {
        let coll = schema
            .lookup(name)
            .filter(|c| schema.collection(*c).kind == CollKind::Table);
        if coll.is_none() {
            let rel = relative(&case.root, p);
            loader.ds.errors.push(InputError::file(&rel, &format!("the schema declares no table `{name}` (a file in tables/ is named after its table)")));
            continue;
        }
        loader.fixed(p, "table", coll);
        progress(p);
    }
    empty_inventory_note(case, schema, &mut ds);
    ds.errors.sort();
    ds.notes.sort();
    ds.notes.dedup();
    ds
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
    if !ds.table(record).is_empty() || inventory_errors {
        return;
    }
    let message = if case.inventory.is_empty() {
        "the case has no inventory (inventory.csv, .jsonl, .json, .yaml or an inventory/ folder); no records were checked"
    } else {
        "the inventory has no records; rules over records checked nothing"
    };
    ds.notes.push(Note {
        file: "inventory".into(),
        message: message.into(),
    });
}

pub(crate) fn new_tables(schema: &Schema) -> Vec<TableData> {
    schema
        .ids()
        .map(|c| {
            let types: Vec<_> = schema.collection(c).fields.iter().map(|f| &f.ty).collect();
            TableData::new(c, &types)
        })
        .collect()
}

/// Files and folders -> data files in path order; a missing path is an error.
fn expand(paths: &[PathBuf], loader: &mut Loader) -> Vec<PathBuf> {
    let mut out = BTreeSet::new();
    for p in paths {
        if p.is_dir() {
            // Links are followed (a log folder may link to an export), and
            // walkdir reports a link that leads back to an ancestor.
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && !e.file_name().to_string_lossy().starts_with('.') =>
                    {
                        out.insert(e.into_path());
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let rel = relative(loader.root, e.path().unwrap_or(p));
                        let message = walk_error(loader.root, &e);
                        loader.ds.errors.push(InputError::file(&rel, &message));
                    }
                }
            }
        } else if p.is_file() {
            out.insert(p.clone());
        } else {
            let rel = relative(loader.root, p);
            loader
                .ds
                .errors
                .push(InputError::file(&rel, "this path does not exist"));
        }
    }
    out.into_iter().collect()
}

/// A folder entry that cannot be read, in words and with case-relative paths
/// (walkdir's own message has absolute ones).
fn walk_error(root: &Path, e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        return format!(
            "a symbolic link loop: this link leads back to `{}`; it was not followed",
            relative(root, ancestor)
        );
    }
    match e.io_error() {
        Some(io) if io.raw_os_error() == Some(40) => {
            "a symbolic link loop (too many levels of links); it was not followed".into()
        }
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "a symbolic link to nothing; it was not followed".into()
        }
        Some(io) => format!("cannot read this entry: {}", io.kind()),
        None => "cannot read this entry".into(),
    }
}

pub(crate) enum Target {
    Fixed(Option<CollId>),
    /// An event log: each row's kind is its `kind` field, else the file stem.
    Events,
}

struct Loader<'a> {
    schema: &'a Schema,
    opts: &'a LoadOptions<'a>,
    check: CheckLoadOptions,
    ds: &'a mut Dataset,
    root: &'a Path,
    /// From `--encoding` or the manifest; a byte-order mark overrides it.
    encoding: Option<&'static encoding_rs::Encoding>,
}

impl Loader<'_> {
    /// A file of one collection; an error that names no field (the file, or
    /// a row of it, could not be read) marks the collection partly read.
    fn fixed(&mut self, path: &Path, role: &'static str, coll: Option<CollId>) {
        let before = self.ds.errors.len();
        self.file(path, role, Target::Fixed(coll));
        if let Some(c) = coll {
            if self.ds.errors[before..].iter().any(|e| e.field.is_none()) {
                self.ds.partly_read.insert(c);
            }
        }
    }

    fn file(&mut self, path: &Path, role: &'static str, target: Target) {
        let rel = relative(self.root, path);
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if let Some(e) = limits::file_size(&rel, size, limits::MAX_FILE_BYTES) {
            self.ds.errors.push(e);
            return;
        }
        let window = self.check.window_bytes.unwrap_or(stream::WINDOW_BYTES);
        let streamable = self.encoding.map_or(true, |e| e == encoding_rs::UTF_8)
            && size > window as u64
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("jsonl"))
            && stream::is_clean(path, limits::MAX_LINE_BYTES);
        if streamable {
            let file_idx = self.push_file(&rel, path, role);
            self.stream(path, role, target, &rel, file_idx, window);
            return;
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.ds.errors.push(InputError::file(
                    &rel,
                    &format!("cannot read this file: {e}"),
                ));
                return;
            }
        };
        let file_idx = self.push_file(&rel, path, role);
        // The digest of a large file costs as much as a core's share of
        // parsing it: compute it on the side.
        let (sha256, ()) = rayon::join(
            || hex(&Sha256::digest(&bytes)),
            || self.contents(path, role, target, &bytes, &rel, file_idx),
        );
        self.ds.files[file_idx as usize].sha256 = sha256;
    }

    /// Lists an input file (digest and row count come later); its index.
    fn push_file(&mut self, rel: &str, path: &Path, role: &'static str) -> u32 {
        self.ds.files.push(InputFile {
            path: rel.to_string(),
            abs: path.to_path_buf(),
            role,
            sha256: String::new(),
            rows: 0,
        });
        self.ds.files.len() as u32 - 1
    }

    /// A reader's errors, as input errors of the file `rel`.
    fn read_errors(&mut self, rel: &str, errors: Vec<read::ReadError>) {
        self.ds
            .errors
            .extend(errors.into_iter().map(|e| InputError {
                file: rel.to_string(),
                line: e.line,
                column: e.column,
                field: None,
                value: None,
                message: e.message,
            }));
    }

    /// Reads the rows of one file whose bytes are read.
    fn contents(
        &mut self,
        path: &Path,
        role: &'static str,
        target: Target,
        bytes: &[u8],
        rel: &str,
        file_idx: u32,
    ) {
        let rel = rel.to_string();
        let first_error = self.ds.errors.len();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(text) = self.decode(bytes, &rel, &ext) else {
            return;
        };
        let text: &str = &text;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let collection_name = match &target {
            Target::Fixed(Some(c)) => self.schema.collection(*c).name.clone(),
            _ => stem.clone(),
        };
        let mut ctx = FileCtx {
            schema: self.schema,
            fields: rows::field_maps(self.schema),
            header_fields: Vec::new(),
            tz: self.opts.tz,
            file: file_idx,
            rel: &rel,
            is_company: role == "company",
            count_naive: self.check.naive_in_utc,
        };
        let piece_bytes = self.check.piece_bytes.unwrap_or(parallel::PIECE_BYTES);
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        let mut format = None;
        let mut csv_headers = Vec::new();
        let mut starts = Vec::new();
        match (role, ext.as_str()) {
            ("company", "json") => read::single_object(text, true, &mut rows, &mut errors),
            ("company", "yaml" | "yml") => read::single_object(text, false, &mut rows, &mut errors),
            (_, "csv") => {
                if let Some((headers, body)) = read::csv_headers(text, &mut errors) {
                    let (cuts, open_quote) = read::split_points(text, body, piece_bytes, true);
                    if let Some(line) = open_quote {
                        // The pieces drop their own errors from that line on.
                        read::drop_after_open_quote(&mut errors, line);
                        errors.push(read::open_quote_error(line));
                    }
                    ctx.header_fields = rows::header_fields(&ctx.fields, &headers);
                    csv_headers = headers;
                    starts = cuts;
                    format = Some(open_quote);
                }
            }
            (_, "jsonl") => {
                starts = read::split_points(text, 0, piece_bytes, false).0;
            }
            (_, "json") => read::json(text, &collection_name, &mut rows, &mut errors),
            (_, "yaml" | "yml") => read::yaml(text, &collection_name, &mut rows, &mut errors),
            _ => {
                self.ds.errors.push(InputError::file(
                    &rel,
                    "unknown file type; expected .csv, .jsonl, .json, .yaml or .yml",
                ));
                return;
            }
        }
        self.read_errors(&rel, errors);
        let piece_format = match (ext.as_str(), format) {
            ("csv", Some(open_quote)) => Some(parallel::Format::Csv {
                headers: &csv_headers,
                open_quote,
            }),
            ("jsonl", _) => Some(parallel::Format::Jsonl),
            _ => None,
        };
        let loaded = match piece_format {
            Some(f) => parallel::load_pieces(
                self.ds,
                &ctx,
                &target,
                &stem,
                text,
                &f,
                &starts,
                read::Base::default(),
            ),
            None => self.rows(&ctx, &target, &stem, rows),
        };
        self.finish(&rel, file_idx, first_error, ctx.is_company, loaded);
    }

    /// What follows the rows of a file: its count, the notes on naive
    /// datetimes and undeclared columns, the cap on its input errors.
    fn finish(
        &mut self,
        rel: &str,
        file_idx: u32,
        first_error: usize,
        is_company: bool,
        loaded: parallel::Loaded,
    ) {
        let rel = rel.to_string();
        if loaded.no_collection {
            self.ds.errors.push(InputError::file(
                &rel,
                &format!(
                    "the schema declares no `{}` collection for this file",
                    if is_company { "company" } else { "record" }
                ),
            ));
            return;
        }
        if let Some(line) = loaded.naive.first_line {
            self.ds
                .naive_datetimes
                .push((rel.clone(), line, loaded.naive.count));
        }
        let (loaded, undeclared) = (loaded.rows, loaded.undeclared);
        self.ds.files[file_idx as usize].rows = loaded;
        limits::cap_errors(
            &mut self.ds.errors,
            first_error,
            &rel,
            limits::MAX_INPUT_ERRORS_PER_FILE,
        );
        let undeclared_count = undeclared.len();
        for (i, key) in undeclared.into_iter().enumerate() {
            if i == limits::MAX_UNDECLARED_NAMED {
                let message = format!(
                    "and {} more columns not declared in the schema",
                    undeclared_count - i
                );
                if self.opts.strict {
                    self.ds.errors.push(InputError::file(&rel, &message));
                } else {
                    self.ds.notes.push(Note {
                        file: rel.clone(),
                        message,
                    });
                }
                break;
            }
            if self.opts.strict {
                self.ds.errors.push(InputError {
                    file: rel.clone(),
                    line: None,
                    column: None,
                    field: Some(key.clone()),
                    value: None,
                    message: format!("column `{key}` is not declared in the schema (--strict)"),
                });
            } else {
                let message = if key.trim().is_empty() {
                    "a column has no name in the header; it is ignored".to_string()
                } else {
                    format!("column `{key}` is not declared in the schema; it is ignored")
                };
                self.ds.notes.push(Note {
                    file: rel.clone(),
                    message,
                });
            }
        }
    }

    /// The file's text in its encoding, within the line-length limit; an
    /// input error otherwise.
    fn decode<'b>(
        &mut self,
        bytes: &'b [u8],
        rel: &str,
        ext: &str,
    ) -> Option<std::borrow::Cow<'b, str>> {
        if let Some(e) = limits::line_length(rel, ext, bytes, limits::MAX_LINE_BYTES) {
            self.ds.errors.push(e);
            return None;
        }
        match encoding::decode(bytes, self.encoding) {
            Ok(text) => Some(text),
            Err(e) => {
                self.ds.errors.push(InputError {
                    file: rel.into(),
                    line: Some(e.line),
                    column: Some(e.column),
                    field: None,
                    value: None,
                    message: e.message,
                });
                None
            }
        }
    }

    /// Loads rows read whole (JSON, YAML, the company file) one by one.
    fn rows(
        &mut self,
        ctx: &FileCtx,
        target: &Target,
        stem: &str,
        rows: Vec<RawRow>,
    ) -> parallel::Loaded {
        let mut loaded = parallel::Loaded::default();
        let mut sink = Sink {
            interner: &mut self.ds.interner,
            tables: &mut self.ds.tables,
            errors: &mut self.ds.errors,
            undeclared: &mut loaded.undeclared,
            left_out: &mut self.ds.left_out_ids,
            naive: &mut loaded.naive,
        };
        for row in &rows {
            let view = RowView::of(row);
            let coll = match target {
                Target::Fixed(Some(c)) => *c,
                Target::Fixed(None) => {
                    loaded.no_collection = true;
                    break;
                }
                Target::Events => match rows::event_kind(ctx, &mut sink, &view, stem) {
                    Some(c) => c,
                    None => continue,
                },
            };
            if rows::convert_row(ctx, &mut sink, coll, &view) {
                loaded.rows += 1;
            }
        }
        loaded
    }
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
        tables: new_tables(schema),
        files: files
            .iter()
            .map(|p| InputFile {
                path: p.clone(),
                abs: PathBuf::from(p),
                role: "policy",
                sha256: String::new(),
                rows: 0,
            })
            .collect(),
        ..Default::default()
    };
    let fields = rows::field_maps(schema);
    for (coll, file, row) in rows {
        let rel = files.get(file as usize).cloned().unwrap_or_default();
        let mut undeclared = BTreeSet::new();
        let ctx = FileCtx {
            schema,
            fields: fields.clone(),
            header_fields: Vec::new(),
            tz: opts.tz,
            file,
            rel: &rel,
            is_company: false,
            // A test's rows have no file a note could point at.
            count_naive: false,
        };
        let mut sink = Sink {
            interner: &mut ds.interner,
            tables: &mut ds.tables,
            errors: &mut ds.errors,
            undeclared: &mut undeclared,
            left_out: &mut ds.left_out_ids,
            naive: &mut Default::default(),
        };
        rows::convert_row(&ctx, &mut sink, coll, &RowView::of(&row));
    }
    ds.errors.sort();
    ds
}
