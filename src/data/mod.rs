//! Stage 3: files -> typed tables. Bad rows become input errors and are left
//! out; every other row is loaded, so one run shows every problem.

pub mod case;
pub mod convert;
mod jsonl_cells;
mod parallel;
pub mod read;
mod rows;
mod split;
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
}

impl Dataset {
    pub fn table(&self, c: CollId) -> &TableData {
        &self.tables[c.0 as usize]
    }
    pub fn origin(&self, c: CollId, row: u32) -> (&InputFile, RowOrigin) {
        let o = self.table(c).origin[row as usize];
        (&self.files[o.file as usize], o)
    }
}

pub struct LoadOptions<'a> {
    pub tz: &'a TimeZone,
    /// Undeclared columns are errors rather than notes.
    pub strict: bool,
}

/// Loads every input of the case into typed tables.
pub fn load(case: &CaseInputs, schema: &Schema, opts: &LoadOptions) -> Dataset {
    load_with_progress(case, schema, opts, &|_| {})
}

/// `load`, calling `progress` with each file's path once it is loaded (for
/// the progress bar on a terminal).
pub fn load_with_progress(
    case: &CaseInputs,
    schema: &Schema,
    opts: &LoadOptions,
    progress: &dyn Fn(&Path),
) -> Dataset {
    let mut ds = Dataset {
        tables: new_tables(schema),
        ..Default::default()
    };
    let mut loader = Loader {
        schema,
        opts,
        ds: &mut ds,
        root: &case.root,
    };
    if let Some(c) = &case.company {
        loader.file(c, "company", Target::Fixed(schema.company()));
        progress(c);
    }
    for p in expand(&case.inventory, &mut loader) {
        loader.file(&p, "inventory", Target::Fixed(schema.record()));
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
        loader.file(p, "table", Target::Fixed(coll));
        progress(p);
    }
    ds.errors.sort();
    ds.notes.sort();
    ds.notes.dedup();
    ds
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
            for entry in walkdir::WalkDir::new(p)
                .follow_links(false)
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
                        loader.ds.errors.push(InputError::file(
                            &rel,
                            &format!("cannot read this folder: {e}"),
                        ));
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

pub(crate) enum Target {
    Fixed(Option<CollId>),
    /// An event log: each row's kind is its `kind` field, else the file stem.
    Events,
}

struct Loader<'a> {
    schema: &'a Schema,
    opts: &'a LoadOptions<'a>,
    ds: &'a mut Dataset,
    root: &'a Path,
}

impl Loader<'_> {
    fn file(&mut self, path: &Path, role: &'static str, target: Target) {
        let rel = relative(self.root, path);
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
        let file_idx = self.ds.files.len() as u32;
        self.ds.files.push(InputFile {
            path: rel.clone(),
            abs: path.to_path_buf(),
            role,
            sha256: String::new(),
            rows: 0,
        });
        // The digest of a large file costs as much as a core's share of
        // parsing it: compute it on the side.
        let (sha256, ()) = rayon::join(
            || hex(&Sha256::digest(&bytes)),
            || self.contents(path, role, target, &bytes, &rel, file_idx),
        );
        self.ds.files[file_idx as usize].sha256 = sha256;
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
        let Some(text) = self.utf8(bytes, &rel) else {
            return;
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
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
        };
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        let mut format = None;
        let mut csv_headers = Vec::new();
        let mut starts = Vec::new();
        match (role, ext.as_str()) {
            ("company", "json") => read::single_object(text, true, &mut rows, &mut errors),
            ("company", "yaml" | "yml") => read::single_object(text, false, &mut rows, &mut errors),
            (_, "csv") => {
                if let Some((headers, body)) = read::csv_headers(text, &mut errors) {
                    let (cuts, open_quote) =
                        read::split_points(text, body, parallel::PIECE_BYTES, true);
                    if let Some(line) = open_quote {
                        errors.push(read::open_quote_error(line));
                    }
                    ctx.header_fields = rows::header_fields(&ctx.fields, &headers);
                    csv_headers = headers;
                    starts = cuts;
                    format = Some(open_quote);
                }
            }
            (_, "jsonl") => {
                starts = read::split_points(text, 0, parallel::PIECE_BYTES, false).0;
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
        for e in errors {
            self.ds.errors.push(InputError {
                file: rel.clone(),
                line: e.line,
                column: e.column,
                field: None,
                value: None,
                message: e.message,
            });
        }
        let piece_format = match (ext.as_str(), format) {
            ("csv", Some(open_quote)) => Some(parallel::Format::Csv {
                headers: &csv_headers,
                open_quote,
            }),
            ("jsonl", _) => Some(parallel::Format::Jsonl),
            _ => None,
        };
        let loaded = match piece_format {
            Some(f) => parallel::load_pieces(self.ds, &ctx, &target, &stem, text, &f, &starts),
            None => self.rows(&ctx, &target, &stem, rows),
        };
        if loaded.no_collection {
            self.ds.errors.push(InputError::file(
                &rel,
                &format!(
                    "the schema declares no `{}` collection for this file",
                    if ctx.is_company { "company" } else { "record" }
                ),
            ));
            return;
        }
        let (loaded, undeclared) = (loaded.rows, loaded.undeclared);
        self.ds.files[file_idx as usize].rows = loaded;
        for key in undeclared {
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
                self.ds.notes.push(Note {
                    file: rel.clone(),
                    message: format!("column `{key}` is not declared in the schema; it is ignored"),
                });
            }
        }
    }

    fn utf8<'b>(&mut self, bytes: &'b [u8], rel: &str) -> Option<&'b str> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(t) => Some(t),
            Err(e) => {
                let at = e.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                self.ds.errors.push(InputError {
                    file: rel.into(),
                    line: Some(line),
                    column: None,
                    field: None,
                    value: None,
                    message: format!("the file is not valid UTF-8 (first bad byte at offset {at}); it may be GBK/GB18030-encoded, as Excel saves CSV on Chinese systems: save it as UTF-8"),
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
    if s.chars().count() <= MAX_VALUE_CHARS {
        s.to_string()
    } else {
        s.chars().take(MAX_VALUE_CHARS).collect::<String>() + "…"
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
        };
        let mut sink = Sink {
            interner: &mut ds.interner,
            tables: &mut ds.tables,
            errors: &mut ds.errors,
            undeclared: &mut undeclared,
        };
        rows::convert_row(&ctx, &mut sink, coll, &RowView::of(&row));
    }
    ds.errors.sort();
    ds
}
