//! Stage 3: files -> typed tables. Bad rows become input errors and are left
//! out; every other row is loaded, so one run shows every problem.

pub mod case;
pub mod convert;
pub mod encoding;
pub mod limits;
pub mod read;
pub mod table;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use sha2::{Digest, Sha256};

use crate::check::schema::{CollKind, FieldType, Schema};
use crate::value::{CollId, Interner, Value};

use case::{relative, CaseInputs};
use convert::Converter;
use read::{Raw, RawRow};
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
    /// Per file: datetimes read without an offset (in the case time zone),
    /// as (file, first line, count); the app warns when no zone was set.
    pub naive_datetimes: Vec<(String, u32, u64)>,
    /// Ids of rows left out for input errors, per collection: a ref to one
    /// of them is not reported again as dangling.
    pub left_out_ids: BTreeSet<(CollId, String)>,
    /// Collections with a file, or a part of one, that could not be read:
    /// which ids they lack is unknown, so refs to them are not judged.
    pub partly_read: BTreeSet<CollId>,
}

impl Dataset {
    /// Whether a row with this id was in the input but left out.
    pub fn was_left_out(&self, c: CollId, id: &str) -> bool {
        self.left_out_ids.contains(&(c, id.to_string()))
    }
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
        ds: &mut ds,
        root: &case.root,
        encoding,
    };
    if let Some(c) = &case.company {
        loader.fixed(c, "company", schema.company());
    }
    for p in expand(&case.inventory, &mut loader) {
        loader.fixed(&p, "inventory", schema.record());
    }
    for p in expand(&case.logs, &mut loader) {
        loader.file(&p, "log", Target::Events);
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

fn new_tables(schema: &Schema) -> Vec<TableData> {
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

enum Target {
    Fixed(Option<CollId>),
    /// An event log: each row's kind is its `kind` field, else the file stem.
    Events,
}

struct Loader<'a> {
    schema: &'a Schema,
    opts: &'a LoadOptions<'a>,
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
        let first_error = self.ds.errors.len();
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if let Some(e) = limits::file_size(&rel, size, limits::MAX_FILE_BYTES) {
            self.ds.errors.push(e);
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
        let file_idx = self.ds.files.len() as u32;
        self.ds.files.push(InputFile {
            path: rel.clone(),
            abs: path.to_path_buf(),
            role,
            sha256: hex(&Sha256::digest(&bytes)),
            rows: 0,
        });
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(text) = self.decode(&bytes, &rel, &ext) else {
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
        let (mut rows, mut errors) = (Vec::new(), Vec::new());
        match (role, ext.as_str()) {
            ("company", "json") => read::single_object(text, true, &mut rows, &mut errors),
            ("company", "yaml" | "yml") => read::single_object(text, false, &mut rows, &mut errors),
            (_, "csv") => read::csv(text, &mut rows, &mut errors),
            (_, "jsonl") => read::jsonl(text, &mut rows, &mut errors),
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
        let is_company = role == "company";
        let mut undeclared = BTreeSet::new();
        let mut loaded = 0u64;
        for row in rows {
            let coll = match &target {
                Target::Fixed(Some(c)) => *c,
                Target::Fixed(None) => {
                    self.ds.errors.push(InputError::file(
                        &rel,
                        &format!(
                            "the schema declares no `{}` collection for this file",
                            if is_company { "company" } else { "record" }
                        ),
                    ));
                    return;
                }
                Target::Events => match self.event_kind(&row, &stem, &rel) {
                    Some(c) => c,
                    None => continue,
                },
            };
            if self.row(coll, row, file_idx, &rel, is_company, &mut undeclared) {
                loaded += 1;
            }
        }
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

    fn event_kind(&mut self, row: &RawRow, stem: &str, rel: &str) -> Option<CollId> {
        let kind = row
            .cells
            .iter()
            .find(|(k, ..)| k == "kind")
            .map(|(_, v, col)| (raw_text(v), *col));
        let (name, col) = match &kind {
            Some((Some(k), col)) if !k.trim().is_empty() => (k.trim().to_string(), *col),
            _ => (stem.to_string(), None),
        };
        match self
            .schema
            .lookup(&name)
            .filter(|c| self.schema.collection(*c).kind == CollKind::Event)
        {
            Some(c) => Some(c),
            None => {
                let kinds: Vec<&str> = self
                    .schema
                    .collections
                    .iter()
                    .filter(|c| c.kind == CollKind::Event)
                    .map(|c| c.name.as_str())
                    .collect();
                let hint = crate::check::suggest::did_you_mean(&name, kinds.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.ds.errors.push(InputError {
                    file: rel.into(),
                    line: Some(row.line),
                    column: col,
                    field: Some("kind".into()),
                    value: Some(truncate(&name)),
                    message: format!(
                        "unknown event kind `{name}`; the schema declares {}{hint}",
                        kinds
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
                None
            }
        }
    }

    /// Converts one row; returns whether it was loaded.
    fn row(
        &mut self,
        coll: CollId,
        row: RawRow,
        file: u32,
        rel: &str,
        is_company: bool,
        undeclared: &mut BTreeSet<String>,
    ) -> bool {
        let c = self.schema.collection(coll);
        let mut values: Vec<Option<Value>> = vec![None; c.fields.len()];
        let mut ok = true;
        let mut bad: Vec<usize> = Vec::new();
        let mut conv = Converter {
            interner: &mut self.ds.interner,
            tz: self.opts.tz,
        };
        for (key, raw, col) in &row.cells {
            let Some(fid) = c.field_id(key.trim()) else {
                if !(key == "kind" && c.kind == CollKind::Event) {
                    undeclared.insert(key.clone());
                }
                continue;
            };
            let field = c.field(fid);
            let (line, column) = if is_company {
                (col.or(Some(row.line)), None)
            } else {
                (Some(row.line), *col)
            };
            match conv.convert(raw, &field.ty) {
                Ok(v) => {
                    if field.ty == FieldType::DateTime && v.is_some() && !has_offset(raw) {
                        count_naive(&mut self.ds.naive_datetimes, rel, row.line);
                    }
                    values[fid.0 as usize] = v
                }
                Err(expected) => {
                    ok = false;
                    bad.push(fid.0 as usize);
                    let shown = raw_text(raw).map(|t| {
                        if field.pii {
                            crate::pii::mask(&t)
                        } else {
                            truncate(&t)
                        }
                    });
                    self.ds.errors.push(InputError {
                        file: rel.into(),
                        line,
                        column,
                        field: Some(field.name.clone()),
                        value: shown,
                        message: expected,
                    });
                }
            }
        }
        for (i, f) in c.fields.iter().enumerate() {
            if values[i].is_none() {
                values[i] = f.default.clone();
            }
            if values[i].is_none() && !f.optional && !bad.contains(&i) {
                ok = false;
                let column = row
                    .cells
                    .iter()
                    .find(|(k, ..)| k.trim() == f.name)
                    .and_then(|(_, _, col)| if is_company { None } else { *col });
                self.ds.errors.push(InputError {
                    file: rel.into(),
                    line: Some(row.line),
                    column,
                    field: Some(f.name.clone()),
                    value: None,
                    message: "a required field is absent or empty".into(),
                });
            }
        }
        if !ok {
            let id = c.id_field().map(|f| c.field(f).name.as_str());
            if let Some(Some(text)) = row
                .cells
                .iter()
                .find(|(k, ..)| Some(k.trim()) == id)
                .map(|(_, raw, _)| raw_text(raw))
            {
                self.ds.left_out_ids.insert((coll, text.trim().to_string()));
            }
        }
        if ok {
            let origin = RowOrigin {
                file,
                line: row.line,
                offset: row.offset,
            };
            self.ds.tables[coll.0 as usize].push_row(
                values
                    .into_iter()
                    .map(|v| v.unwrap_or(Value::Missing))
                    .collect(),
                origin,
            );
        }
        ok
    }
}

/// Whether a datetime as written carries its offset (`Z`, `+08:00`).
fn has_offset(raw: &Raw) -> bool {
    let text = match raw {
        Raw::Text(s) | Raw::Json(serde_json::Value::String(s)) => s.trim(),
        _ => return true,
    };
    text.get(10..)
        .is_some_and(|time| time.contains(['Z', 'z', '+', '-']))
}

fn count_naive(naive: &mut Vec<(String, u32, u64)>, rel: &str, line: u32) {
    match naive.last_mut() {
        Some((file, _, n)) if file == rel => *n += 1,
        _ => naive.push((rel.to_string(), line, 1)),
    }
}

fn raw_text(raw: &Raw) -> Option<String> {
    match raw {
        Raw::Text(s) => Some(s.clone()),
        Raw::Json(serde_json::Value::String(s)) => Some(s.clone()),
        Raw::Json(serde_json::Value::Null) => None,
        Raw::Json(j) => Some(j.to_string()),
    }
}

/// The value quoted in an input error: at most [`MAX_VALUE_CHARS`]
/// characters, control characters shown escaped.
fn truncate(s: &str) -> String {
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
