//! A source entry of `custodia.yaml`: which file(s) feed a role, read how
//! (encoding, sheet, header row) and mapped how onto the schema (columns,
//! value maps, formats, lookups, row filters; see `mapping`).
//!
//! `inventory: 案卷目录.csv` (the short form) and the long form
//! `inventory: { file: 案卷目录.csv, encoding: gbk, columns: {...} }` both
//! read into a `SourceEntry`. An unknown key is an error naming it: a key
//! silently ignored (`colums:`) would read the file unmapped.

use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::excel::SheetChoice;

/// A YAML scalar as its text: `是: true` maps the text `是` to the text
/// `true`, whatever YAML would make of either (a number, a bool).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&msg!("source-expect-scalar").words())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        // Asked for a string, serde-saphyr hands over the scalar's text
        // (`0042` stays `0042`, `no` stays `no`).
        d.deserialize_str(V)
    }
}

/// A key of a mapping with its line in custodia.yaml, ordered by its text.
#[derive(Clone, Debug)]
pub struct Key {
    pub name: String,
    pub line: u32,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name.cmp(&other.name)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<String>::deserialize(d)?;
        Ok(Key {
            name: s.value,
            line: s.referenced.line() as u32,
        })
    }
}

/// One value or a list of them (`where: {操作类型: 查阅}` or `[查阅, 借阅]`).
#[derive(Clone, Debug, Default)]
pub struct Scalars(pub Vec<Scalar>);

impl<'de> Deserialize<'de> for Scalars {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalars;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&msg!("source-expect-values").words())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalars, E> {
                Ok(Scalars(vec![Scalar(v.to_string())]))
            }
            // An unquoted number (`where: {类型: 1.0}`) is not taken: read
            // as a number its text is lost (`1.0` would be 1, `0042` 42),
            // and a `skip:` of the wrong text leaves out no row without a
            // word (hostile review, 2026-12-04). A list's items keep their
            // text (`Scalar`); the error says to quote or list it.
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalars, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<Scalar>()? {
                    out.push(s);
                }
                Ok(Scalars(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// How one field of the schema is read from a file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// The file's column (its header text).
    pub column: Option<String>,
    /// The file's values -> the schema's (`一般: general`, `是: true`).
    pub values: Option<BTreeMap<Scalar, Spanned<Scalar>>>,
    /// Date and datetime formats accepted (`YYYY/M/D`, `excel` ...).
    pub format: Option<Scalars>,
    /// Separator of the items of a list field (`、`).
    pub separator: Option<Scalars>,
    /// `TABLE.FIELD`: the cell names a row of the table by that field; the
    /// row's id is the value (staff name -> staff id).
    pub lookup: Option<String>,
    /// The same value for every row; no column is read.
    pub constant: Option<Scalar>,
}

/// `field: 档案号` (the column alone) or `field: { column: ..., ... }`.
fn field_spec<'de, D: Deserializer<'de>>(d: D) -> Result<FieldSpec, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = FieldSpec;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(&msg!("source-expect-field").words())
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldSpec, E> {
            Ok(FieldSpec {
                column: Some(v.to_string()),
                ..Default::default()
            })
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FieldSpec, A::Error> {
            FieldSpec::deserialize(de::value::MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_any(V)
}

/// A `FieldSpec` read from either form.
#[derive(Clone, Debug, Default)]
pub struct Field(pub FieldSpec);

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        field_spec(d).map(Field)
    }
}

/// The long form of a source, as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryKeys {
    file: Option<String>,
    files: Option<Vec<String>>,
    encoding: Option<String>,
    sheet: Option<SheetName>,
    header_row: Option<u32>,
    kind: Option<String>,
    columns: Option<BTreeMap<Key, Field>>,
    #[serde(rename = "where")]
    filter: Option<BTreeMap<String, Spanned<Scalars>>>,
    skip: Option<BTreeMap<String, Spanned<Scalars>>>,
    url_env: Option<String>,
    url: Option<String>,
    query: Option<String>,
    table: Option<String>,
    timeout_seconds: Option<u64>,
    spark: Option<SparkKeys>,
}

/// `spark: { path: URL, format: parquet }` or `spark: { table: db.name }`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SparkKeys {
    path: Option<String>,
    format: Option<String>,
    table: Option<String>,
}

/// A source Spark reads itself, in place (docs/spark.md, "Reading in
/// place"): custodia never opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SparkSource {
    /// A path Spark understands: relative to the case, absolute, or a URL
    /// (`file://`, `hdfs://`, `s3a://`), a file, folder or glob.
    Path { path: String, format: SparkFormat },
    /// A table of Spark's catalog (Hive): `db.name`.
    Table(String),
}

/// The formats a path read in place may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SparkFormat {
    Parquet,
    Csv,
    /// JSON Lines: one object per line.
    Json,
}

impl SparkFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SparkFormat::Parquet => "parquet",
            SparkFormat::Csv => "csv",
            SparkFormat::Json => "json",
        }
    }
}

impl SparkSource {
    /// How reports and errors name it: `spark:PATH` or `spark:table:db.name`.
    pub fn name(&self) -> String {
        match self {
            SparkSource::Path { path, .. } => format!("spark:{path}"),
            SparkSource::Table(t) => format!("spark:table:{t}"),
        }
    }

    fn of(keys: SparkKeys) -> Result<SparkSource, String> {
        match (keys.path, keys.format, keys.table) {
            (Some(_), _, Some(_)) => Err(msg!("source-spark-path-and-table").words()),
            (None, Some(_), Some(_)) => Err(msg!("source-spark-table-format").words()),
            (None, _, None) => Err(msg!("source-spark-needs-path").words()),
            (None, None, Some(t)) => {
                let ok = !t.is_empty()
                    && t.split('.').all(|p| {
                        !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_')
                    });
                if ok {
                    Ok(SparkSource::Table(t))
                } else {
                    Err(msg!("source-spark-table-name", table = t.as_str()).words())
                }
            }
            (Some(path), format, None) => {
                let format = match format.as_deref() {
                    Some("parquet") => SparkFormat::Parquet,
                    Some("csv") => SparkFormat::Csv,
                    Some("json") => SparkFormat::Json,
                    Some(other) => return Err(msg!("source-spark-format", format = other).words()),
                    None => return Err(msg!("source-spark-no-format").words()),
                };
                if path.is_empty() {
                    return Err(msg!("source-spark-no-path").words());
                }
                Ok(SparkSource::Path { path, format })
            }
        }
    }
}

/// A source of rows: file(s) and how to read and map them.
#[derive(Clone, Debug, Default)]
pub struct SourceEntry {
    /// Paths or globs (`*`, `?` in the last part), relative to the case;
    /// empty when the rows come from a database.
    pub files: Vec<String>,
    /// The database table or query the rows come from instead of files
    /// (docs/databases.md).
    pub db: Option<DbSource>,
    /// The source Spark reads itself instead (`spark:`); custodia's loader
    /// never reads it (docs/spark.md, "Reading in place").
    pub spark: Option<SparkSource>,
    pub encoding: Option<String>,
    /// How the file is read beyond its encoding: the workbook sheet, the
    /// header row (of a workbook or a CSV file).
    pub read: ReadOptions,
    /// Event kind of a log entry's rows.
    pub kind: Option<String>,
    /// Field name -> how it is read; `None` when the entry maps nothing.
    pub columns: Option<BTreeMap<Key, Field>>,
    /// Only rows whose column holds one of the values are read.
    pub filter: BTreeMap<String, Spanned<Scalars>>,
    /// Rows whose column holds one of the values are knowingly not read.
    pub skip: BTreeMap<String, Spanned<Scalars>>,
    /// Line of the entry in custodia.yaml (0 for the command line).
    pub line: u32,
    /// Whether written in the long form (a mapping).
    pub long: bool,
}

impl SourceEntry {
    /// A number beyond what custodia accepts (`header_row:`,
    /// `timeout_seconds:`): an error at the entry's line, where the
    /// manifest's entries are resolved (`case::discover`).
    pub fn out_of_bounds(&self) -> Option<String> {
        if let Some(n) = self.read.header_row.filter(|n| *n > MAX_HEADER_ROW) {
            let row = n.to_string();
            return Some(
                crate::msg!(
                    "review-header-row-too-large",
                    row = row,
                    max = MAX_HEADER_ROW
                )
                .words(),
            );
        }
        let timeout = self.db.as_ref().and_then(|db| db.timeout_seconds);
        let seconds = timeout.filter(|s| *s > MAX_TIMEOUT_SECONDS)?.to_string();
        Some(
            crate::msg!(
                "review-timeout-too-long",
                seconds = seconds,
                max = MAX_TIMEOUT_SECONDS
            )
            .words(),
        )
    }

    /// Whether the entry changes how rows are read into fields: columns,
    /// a kind, a row filter, rows skipped. (`skip:` alone once read the
    /// file unmapped: the rows meant to be left out were read as data.)
    pub fn maps(&self) -> bool {
        self.kind.is_some() || self.maps_rows()
    }

    /// Whether the entry maps rows, not only names their kind: columns, a
    /// row filter, rows skipped. An entry with only `kind:` is read as it
    /// is, the kind being that of rows whose `kind` column is empty or
    /// absent: a `kind` column still wins, for a file as for a database
    /// (docs/mapping.md, "The kind of a log's rows").
    pub fn maps_rows(&self) -> bool {
        self.columns.is_some() || !self.filter.is_empty() || !self.skip.is_empty()
    }
}

/// Where a database source reads from: one connection, and one table or
/// one `SELECT`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DbSource {
    /// The environment variable holding the connection URL (`postgres://`,
    /// `mysql://`, `sqlite://PATH`): credentials never go in the manifest.
    pub url_env: Option<String>,
    /// A literal URL; only `sqlite://PATH` (a path holds no secret).
    pub url: Option<String>,
    /// A `SELECT` whose result rows are the source's rows.
    pub query: Option<String>,
    /// A table or view read whole.
    pub table: Option<String>,
    /// Longest a read may take, in seconds (default `DEFAULT_TIMEOUT_SECONDS`).
    pub timeout_seconds: Option<u64>,
}

/// Default statement timeout of a database read.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 300;

/// Longest `timeout_seconds:` accepted: a week. **Decision**
/// (docs/databases.md): a larger number (`18446744073709551615` for "no
/// timeout") is an error at its line; it made the run panic.
pub const MAX_TIMEOUT_SECONDS: u64 = 7 * 24 * 3600;

/// Highest `header_row:` accepted. **Decision** (docs/mapping.md): title
/// rows above a header are a few; a larger number is a mistake, an error
/// at its line (`header_row: 4294967295` exhausted the memory).
pub const MAX_HEADER_ROW: u32 = 1000;

impl DbSource {
    /// The database keys of an entry, when it names any.
    fn of(keys: &EntryKeys) -> Option<DbSource> {
        let db = DbSource {
            url_env: keys.url_env.clone(),
            url: keys.url.clone(),
            query: keys.query.clone(),
            table: keys.table.clone(),
            timeout_seconds: keys.timeout_seconds,
        };
        (db != DbSource::default()).then_some(db)
    }

    /// What is wrong with the combination of keys, if anything: no
    /// connection, two of them, a literal URL that could hold a password,
    /// no query or table, or both.
    fn problem(&self) -> Option<String> {
        match (&self.url_env, &self.url) {
            (None, None) => return Some(msg!("source-db-no-connection").words()),
            (Some(_), Some(_)) => return Some(msg!("source-db-two-connections").words()),
            (None, Some(url)) if !url.starts_with("sqlite://") => {
                return Some(msg!("source-db-url-not-sqlite").words())
            }
            _ => {}
        }
        match (&self.query, &self.table) {
            (None, None) => Some(msg!("source-db-no-query").words()),
            (Some(_), Some(_)) => Some(msg!("source-db-query-and-table").words()),
            _ if self.timeout_seconds == Some(0) => Some(msg!("source-db-timeout-zero").words()),
            _ => None,
        }
    }
}

/// How to read one file beyond its path and encoding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The workbook sheet to read; `None` is the first visible worksheet.
    pub sheet: Option<SheetChoice>,
    /// 1-based row of the header; `None` is row 1.
    pub header_row: Option<u32>,
}

impl ReadOptions {
    pub fn is_default(&self) -> bool {
        *self == ReadOptions::default()
    }
}

/// `sheet: 目录` or `sheet: 2` (a number is a position; quote it, `sheet:
/// "2"`, for a sheet named 2).
#[derive(Clone, Debug)]
struct SheetName(SheetChoice);

impl<'de> Deserialize<'de> for SheetName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SheetName;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&msg!("source-expect-sheet").words())
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<SheetName, E> {
                match u32::try_from(n) {
                    Ok(n) if n >= 1 => Ok(SheetName(SheetChoice::Index(n))),
                    _ => Err(E::custom(msg!("source-sheet-number", number = n).words())),
                }
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<SheetName, E> {
                match u64::try_from(n) {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(E::custom(
                        msg!("source-sheet-number", number = n.to_string()).words(),
                    )),
                }
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<SheetName, E> {
                Ok(SheetName(SheetChoice::Name(s.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for SourceEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SourceEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&msg!("source-expect-entry").words())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SourceEntry, E> {
                Ok(SourceEntry {
                    files: vec![v.to_string()],
                    ..Default::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SourceEntry, A::Error> {
                let keys = EntryKeys::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if let Some(spark) = keys.spark.clone() {
                    return in_place(keys, spark).map_err(de::Error::custom);
                }
                let db = DbSource::of(&keys);
                let files = match (keys.file.clone(), keys.files.clone(), &db) {
                    (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => {
                        return Err(de::Error::custom(msg!("source-files-and-db").words()))
                    }
                    (None, None, Some(db)) => match db.problem() {
                        Some(problem) => return Err(de::Error::custom(problem)),
                        None => Vec::new(),
                    },
                    (Some(f), None, None) => vec![f],
                    (None, Some(fs), None) if !fs.is_empty() => fs,
                    (Some(_), Some(_), None) => {
                        return Err(de::Error::custom(msg!("source-file-and-files").words()))
                    }
                    _ => return Err(de::Error::custom(msg!("source-no-file").words())),
                };
                if db.is_some()
                    && (keys.sheet.is_some()
                        || keys.header_row.is_some()
                        || keys.encoding.is_some())
                {
                    return Err(de::Error::custom(msg!("source-db-read-options").words()));
                }
                if keys.header_row == Some(0) {
                    return Err(de::Error::custom(msg!("source-header-row-zero").words()));
                }

                Ok(SourceEntry {
                    files,
                    db,
                    spark: None,
                    encoding: keys.encoding,
                    read: ReadOptions {
                        sheet: keys.sheet.map(|s| s.0),
                        header_row: keys.header_row,
                    },
                    kind: keys.kind,
                    columns: keys.columns,
                    filter: keys.filter.unwrap_or_default(),
                    skip: keys.skip.unwrap_or_default(),
                    line: 0,
                    long: true,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// An entry read by Spark in place: `spark:` with only what says how its
/// rows map onto the schema (`kind`, `columns`); a key about reading a
/// file or a database is refused, since Spark reads it.
fn in_place(keys: EntryKeys, spark: SparkKeys) -> Result<SourceEntry, String> {
    let others = [
        ("file", keys.file.is_some()),
        ("files", keys.files.is_some()),
        ("encoding", keys.encoding.is_some()),
        ("sheet", keys.sheet.is_some()),
        ("header_row", keys.header_row.is_some()),
        ("where", keys.filter.is_some()),
        ("skip", keys.skip.is_some()),
        ("url_env", keys.url_env.is_some()),
        ("url", keys.url.is_some()),
        ("query", keys.query.is_some()),
        ("table", keys.table.is_some()),
        ("timeout_seconds", keys.timeout_seconds.is_some()),
    ];
    if let Some((key, _)) = others.iter().find(|(_, given)| *given) {
        return Err(msg!("source-spark-key", key = *key).words());
    }
    Ok(SourceEntry {
        spark: Some(SparkSource::of(spark)?),
        kind: keys.kind,
        columns: keys.columns,
        long: true,
        ..Default::default()
    })
}

/// A source entry with its line in custodia.yaml.
#[derive(Clone, Debug)]
pub struct Source(pub SourceEntry);

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<SourceEntry>::deserialize(d)?;
        let mut entry = spanned.value;
        entry.line = spanned.referenced.line() as u32;
        Ok(Source(entry))
    }
}

/// `logs:` — one source or a list of them.
#[derive(Clone, Debug)]
pub struct Sources(pub Vec<Source>);

impl<'de> Deserialize<'de> for Sources {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Sources;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(&msg!("source-expect-sources").words())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Sources, E> {
                Ok(Sources(vec![Source(SourceEntry {
                    files: vec![v.to_string()],
                    ..Default::default()
                })]))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Sources, A::Error> {
                let d = de::value::MapAccessDeserializer::new(map);
                Ok(Sources(vec![Source(SourceEntry::deserialize(d)?)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Sources, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<Source>()? {
                    out.push(s);
                }
                Ok(Sources(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The role a source entry feeds, for the mapping's checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Inventory,
    Log,
    Table(String),
}

impl Role {
    /// The role as `InputFile::role` names it.
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Inventory => "inventory",
            Role::Log => "log",
            Role::Table(_) => "table",
        }
    }

    /// The schema's table a `tables:` source fills.
    pub fn table(&self) -> Option<&str> {
        match self {
            Role::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// A resolved source entry: its role and the files it names.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub role: Role,
    pub entry: SourceEntry,
}

/// The files a source entry names: each path relative to `root`, a glob
/// (`*`, `?` in the last part) expanded in path order. A glob that
/// matches nothing is an error (the rows it should have read would be
/// missing without a word).
pub fn expand(
    root: &Path,
    entry: &SourceEntry,
    lang: crate::i18n::Lang,
) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for f in &entry.files {
        // `inventory: ""` read the case root as the inventory folder: 112
        // errors about every file of the case (hostile review, 2026-12-04).
        let the_root = Path::new(f.trim())
            .components()
            .all(|c| c == std::path::Component::CurDir);
        if the_root {
            // An empty path is shown quoted, not as empty backticks.
            let shown = match f.trim().is_empty() {
                true => format!("{f:?}"),
                false => f.clone(),
            };
            return Err(crate::data::mapping::messages::the_case_itself(
                lang, &shown,
            ));
        }
        if !f.contains(['*', '?']) {
            out.push(root.join(f));
            continue;
        }
        let path = root.join(f);
        let (dir, pattern) = match (path.parent(), path.file_name()) {
            (Some(d), Some(p)) => (d.to_path_buf(), p.to_string_lossy().into_owned()),
            _ => return Err(crate::data::mapping::messages::bad_glob(lang, f)),
        };
        if dir.to_string_lossy().contains(['*', '?']) {
            return Err(crate::data::mapping::messages::bad_glob(lang, f));
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        !p.is_dir()
                            && p.file_name().is_some_and(|n| {
                                let n = n.to_string_lossy();
                                !n.starts_with('.') && wildcard(&pattern, &n)
                            })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if found.is_empty() {
            return Err(crate::data::mapping::messages::glob_matches_nothing(
                lang, f,
            ));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// `*` (any run of characters) and `?` (one character) matching.
pub fn wildcard(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni, mut star, mut mark) = (0, 0, None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct M {
        inventory: Option<Source>,
        logs: Option<Sources>,
    }

    #[test]
    fn short_and_long_forms_read_into_one_shape() {
        let m: M = serde_saphyr::from_str(
            "inventory: 案卷目录.csv\nlogs:\n  - file: 查阅.csv\n    kind: access\n    columns:\n      at: 时间\n      actor: { column: 查阅人, lookup: staff.name }\n",
        )
        .expect("valid");
        let inv = m.inventory.expect("given").0;
        assert_eq!(inv.files, ["案卷目录.csv"]);
        assert!(!inv.maps());
        let logs = m.logs.expect("given").0;
        assert_eq!(logs[0].0.line, 3);
        let cols = logs[0].0.columns.as_ref().expect("columns");
        let (key, actor) = cols.iter().find(|(k, _)| k.name == "actor").expect("actor");
        assert_eq!(actor.0.lookup.as_deref(), Some("staff.name"));
        assert_eq!(key.line, 7);
    }

    #[test]
    fn value_maps_keep_the_text_of_yaml_scalars() {
        let m: M = serde_saphyr::from_str(
            "inventory:\n  file: a.csv\n  columns:\n    legal_hold: { column: 涉诉, values: { 是: true, no: false, 0042: x } }\n",
        )
        .expect("valid");
        let inv = m.inventory.expect("given").0;
        let columns = inv.columns.expect("columns");
        let values = columns
            .values()
            .next()
            .expect("one field")
            .0
            .values
            .clone()
            .expect("values");
        let keys: Vec<&str> = values.keys().map(|k| k.0.as_str()).collect();
        assert_eq!(keys, ["0042", "no", "是"]);
        assert_eq!(values[&Scalar("是".into())].value.0, "true");
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_it() {
        let e = serde_saphyr::from_str::<M>("inventory:\n  file: a.csv\n  colums: {}\n")
            .expect_err("unknown key");
        assert!(e.to_string().contains("colums"), "{e}");
        let e = serde_saphyr::from_str::<M>(
            "inventory:\n  file: a.csv\n  columns:\n    id: { colum: 档案号 }\n",
        )
        .expect_err("unknown key");
        assert!(e.to_string().contains("colum"), "{e}");
    }

    #[test]
    fn the_long_form_names_the_sheet_and_header_row() {
        let inv =
            |yaml: &str| serde_saphyr::from_str::<M>(yaml).map(|m| m.inventory.expect("given").0);
        let e = inv("inventory:\n  file: a.xlsx\n  sheet: 目录\n  header_row: 2\n").expect("a map");
        assert_eq!(e.read.sheet, Some(SheetChoice::Name("目录".into())));
        assert_eq!(e.read.header_row, Some(2));
        let e = inv("inventory:\n  file: a.xlsx\n  sheet: 2\n").expect("a map");
        assert_eq!(e.read.sheet, Some(SheetChoice::Index(2)));
        let e = inv("inventory:\n  file: a.xlsx\n  sheet: \"2\"\n").expect("a map");
        assert_eq!(e.read.sheet, Some(SheetChoice::Name("2".into())));
        let e = inv("inventory:\n  file: a.xlsx\n  header_row: 0\n").expect_err("row 0");
        assert!(e.to_string().contains("counts from 1"), "{e}");
        let e = inv("inventory:\n  file: a.xlsx\n  sheet: 0\n").expect_err("sheet 0");
        assert!(e.to_string().contains("numbered from 1"), "{e}");
        assert!(inv("inventory:\n  sheet: 1\n").is_err(), "file is required");
    }

    #[test]
    fn a_database_entry_is_one_more_kind_of_source_entry() {
        let m: M = serde_saphyr::from_str(
            "inventory:\n  url_env: ARCHIVE_DB_URL\n  table: 案卷目录\n  columns:\n    id: 档案号\n",
        )
        .expect("valid");
        let inv = m.inventory.expect("given").0;
        assert!(inv.files.is_empty());
        let db = inv.db.as_ref().expect("a database source");
        assert_eq!(db.url_env.as_deref(), Some("ARCHIVE_DB_URL"));
        assert_eq!(db.table.as_deref(), Some("案卷目录"));
        assert!(inv.columns.is_some(), "the mapping is the same keys");
        let e = serde_saphyr::from_str::<M>("inventory:\n  url_env: X\n  tabel: t\n")
            .expect_err("an unknown key");
        assert!(e.to_string().contains("tabel"), "{e}");
    }

    #[test]
    fn a_database_entry_is_refused_when_its_keys_do_not_fit() {
        let refused = |yaml: &str, says: &str| {
            let e = serde_saphyr::from_str::<M>(yaml).expect_err(yaml);
            assert!(e.to_string().contains(says), "{yaml}: {e}");
        };
        refused(
            "inventory:\n  url: postgres://u:secret@h/db\n  table: t\n",
            "environment variable",
        );
        refused(
            "inventory:\n  url_env: X\n",
            "neither `query:` nor `table:`",
        );
        refused(
            "inventory:\n  url_env: X\n  query: SELECT 1\n  table: t\n",
            "both `query:` and `table:`",
        );
        refused(
            "inventory:\n  url_env: X\n  url: sqlite://a.db\n  table: t\n",
            "both `url_env:` and `url:`",
        );
        refused("inventory:\n  file: a.csv\n  table: t\n", "not both");
        refused("inventory:\n  table: t\n", "url_env");
        refused(
            "inventory:\n  url_env: X\n  table: t\n  timeout_seconds: 0\n",
            "at least 1",
        );
        refused(
            "inventory:\n  url_env: X\n  table: t\n  encoding: gbk\n",
            "a database source has none",
        );
        let sqlite: M =
            serde_saphyr::from_str("inventory:\n  url: sqlite://archive.db\n  table: t\n")
                .expect("a SQLite path holds no secret");
        assert!(sqlite.inventory.expect("given").0.db.is_some());
    }

    #[test]
    fn wildcards_match_names() {
        assert!(wildcard("查阅*.csv", "查阅登记2026.csv"));
        assert!(wildcard("a?c", "abc"));
        assert!(!wildcard("*.csv", "a.jsonl"));
    }
}
