//! Stage 3: files -> typed tables. Bad rows become input errors and are left
//! out; every other row is loaded, so one run shows every problem.

pub mod case;
pub mod convert;
pub mod read;
pub mod table;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use sha2::{Digest, Sha256};

use crate::check::schema::{CollKind, Schema};
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
    }
    for p in expand(&case.inventory, &mut loader) {
        loader.file(&p, "inventory", Target::Fixed(schema.record()));
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
        loader.file(p, "table", Target::Fixed(coll));
    }
    ds.errors.sort();
    ds.notes.sort();
    ds.notes.dedup();
    ds
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
            sha256: hex(&Sha256::digest(&bytes)),
            rows: 0,
        });
        let Some(text) = self.utf8(&bytes, &rel) else {
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
                Ok(v) => values[fid.0 as usize] = v,
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

fn raw_text(raw: &Raw) -> Option<String> {
    match raw {
        Raw::Text(s) => Some(s.clone()),
        Raw::Json(serde_json::Value::String(s)) => Some(s.clone()),
        Raw::Json(serde_json::Value::Null) => None,
        Raw::Json(j) => Some(j.to_string()),
    }
}

fn truncate(s: &str) -> String {
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
    let root = PathBuf::new();
    let mut loader = Loader {
        schema,
        opts,
        ds: &mut ds,
        root: &root,
    };
    for (coll, file, row) in rows {
        let rel = files.get(file as usize).cloned().unwrap_or_default();
        let mut undeclared = BTreeSet::new();
        loader.row(coll, row, file, &rel, false, &mut undeclared);
    }
    ds.errors.sort();
    ds
}
