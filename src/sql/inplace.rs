//! Sources Spark reads itself (`spark:` in custodia.yaml; docs/spark.md,
//! "Reading in place"): a path Spark understands (parquet, CSV, JSON Lines)
//! or a catalog table. custodia never opens them: the script reads them,
//! types each cell exactly as custodia's loader would or fails the job (a
//! cell in another form is an error, never a different value), numbers the
//! rows, checks the built-in integrity rules in SQL and returns the rows
//! a finding names, so that the report can place and name them.

use std::path::{Path, PathBuf};

use crate::check::schema::{CollKind, FieldType, Schema};
use crate::check::Checked;
use crate::data::case::CaseInputs;
use crate::data::source::{Role, SparkFormat, SparkSource};
use crate::i18n::Msg;
use crate::msg;
use crate::value::{CollId, Value};

use super::types::sql_type;
use super::{ident, quote};

/// The smallest `_row` of a row read in place: a staged row's `_row` is its
/// index in custodia's table (below 2^32); a row read in place has
/// `(part rank + 1) * 2^48 + file rank * 2^32 + its row number in the
/// file`, so rows keep the native engine's input order (files by path,
/// rows in file order; [`path_order`]) and never meet a staged row's
/// number. The first of several rows (a duplicate id's original, the
/// rows of a dangling ref, the object a ref names) is the same row as
/// natively only if the order is.
pub const FIRST_ROW: i64 = 1 << 32;
const PART_UNIT: i64 = 1 << 48;
/// The order of a part's files: by path as natively ([`path_order`]).
/// `input_file_name()` is a URI, its bytes percent-encoded (`%E4%B8%AD`
/// sorts before `a`, 中 after it): decoded first, a `+` kept as itself.
const FILE_ORDER: &str = "translate(url_decode(replace(_file, '+', '%2B')), '/', chr(1))";
/// Most files one part may read (the file rank's 16 bits).
const MAX_FILES: i64 = 1 << 16;

/// `rule` of the script's result rows that are not violations.
pub const PART_COUNT: i64 = -2;
pub const DUPLICATE: i64 = -3;
pub const DANGLING: i64 = -4;
pub const FUTURE: i64 = -5;
pub const OBJECT: i64 = -6;
/// The columns Spark saw in a part (`vals`), for the note on a field
/// read as its default or missing in every row (`Dataset::defaulted`).
pub const COLUMNS: i64 = -7;

/// One `spark:` source entry and the collection it fills.
#[derive(Clone, Debug)]
pub struct Part {
    pub index: usize,
    /// Its place among the parts in the native engine's order of files
    /// (by path, not by manifest entry: `data::expand`).
    pub rank: usize,
    pub coll: CollId,
    pub source: SparkSource,
    pub role: &'static str,
    /// Per field of the collection, the column it is read from.
    pub columns: Vec<String>,
    /// Line of the entry in custodia.yaml.
    pub line: u32,
    /// The case directory, absolute: a relative path is read from there,
    /// and a file under it is named relative to it, as natively.
    pub root: PathBuf,
}

impl Part {
    /// The view of its typed rows.
    pub fn view(&self) -> String {
        format!("custodia_p{}", self.index)
    }
}

/// The in-place sources of a case; an entry the compiler cannot read as
/// custodia's loader would is an error naming it and why.
pub fn resolve(case: &CaseInputs, schema: &Schema) -> Result<Vec<Part>, String> {
    let root = std::path::absolute(&case.root).unwrap_or_else(|_| case.root.clone());
    let mut parts = Vec::new();
    for (index, input) in case.in_place.iter().enumerate() {
        let Some(source) = input.entry.spark.clone() else {
            continue;
        };
        let refuse = |why: Msg| {
            crate::msg!(
                "spark-in-place-refused",
                line = input.entry.line as u64,
                source = source.name(),
                why = why
            )
            .words()
                + "\n"
        };
        let coll = target(schema, &input.role, input.entry.kind.as_deref()).map_err(refuse)?;
        let c = schema.collection(coll);
        let mut columns: Vec<String> = c.fields.iter().map(|f| f.name.clone()).collect();
        for (key, field) in input.entry.columns.iter().flatten() {
            let Some(i) = c.fields.iter().position(|f| f.name == key.name) else {
                let (coll, field) = (c.name.as_str(), key.name.as_str());
                return Err(refuse(msg!(
                    "spark-in-place-no-field",
                    coll = coll,
                    field = field
                )));
            };
            let spec = &field.0;
            let extra = spec.values.is_some()
                || spec.format.is_some()
                || spec.separator.is_some()
                || spec.lookup.is_some()
                || spec.constant.is_some();
            match (&spec.column, extra) {
                (Some(col), false) => columns[i] = col.clone(),
                _ => {
                    let field = key.name.as_str();
                    return Err(refuse(msg!("spark-in-place-column-only", field = field)));
                }
            }
        }
        if let Some(f) = c.fields.iter().find(|f| !read_in_place(&f.ty)) {
            let (coll, field) = (c.name.as_str(), f.name.as_str());
            return Err(refuse(msg!(
                "spark-in-place-type",
                coll = coll,
                field = field
            )));
        }
        if index as i64 >= i64::MAX / PART_UNIT - 1 {
            return Err(refuse(msg!("spark-in-place-too-many")));
        }
        parts.push(Part {
            index,
            rank: index,
            coll,
            source,
            role: input.role.as_str(),
            columns,
            line: input.entry.line,
            root: root.clone(),
        });
    }
    let mut order: Vec<(String, usize)> = parts
        .iter()
        .map(|p| (path_order(&p.source, &root), p.index))
        .collect();
    order.sort();
    for (rank, (_, index)) in order.into_iter().enumerate() {
        if let Some(p) = parts.iter_mut().find(|p| p.index == index) {
            p.rank = rank;
        }
    }
    Ok(parts)
}

/// The key that orders sources as the native engine orders its files: by
/// absolute path, compared component by component (a `/` below every
/// other character; `PathBuf`'s order). A table sorts after every path.
fn path_order(source: &SparkSource, root: &Path) -> String {
    match source {
        SparkSource::Path { path, .. } => {
            let uri = spark_path(root, path);
            let full = match uri.strip_prefix("file:") {
                Some(local) => format!("/{}", local.trim_start_matches('/')),
                None => uri,
            };
            full.replace('/', "\u{1}")
        }
        SparkSource::Table(t) => format!("\u{10ffff}{t}"),
    }
}

/// The collection an entry fills: the records, the named table, or for a
/// log the event kind given by `kind:` (required: no file name to take it
/// from, and a `kind` column is not read in place).
fn target(schema: &Schema, role: &Role, kind: Option<&str>) -> Result<CollId, Msg> {
    let (name, want) = match role {
        Role::Inventory => {
            return schema
                .record()
                .ok_or_else(|| msg!("spark-in-place-no-record"))
        }
        Role::Table(t) => (t.as_str(), CollKind::Table),
        Role::Log => match kind {
            Some(k) => (k, CollKind::Event),
            None => return Err(msg!("spark-in-place-no-kind")),
        },
    };
    schema
        .lookup(name)
        .filter(|c| schema.collection(*c).kind == want)
        .ok_or_else(|| {
            msg!(
                "spark-in-place-no-collection",
                kind = want.as_str(),
                name = name
            )
        })
}

fn read_in_place(t: &FieldType) -> bool {
    !matches!(t, FieldType::Duration | FieldType::List(_))
}

/// The path as Spark is given it: a URL as written, a local path as an
/// absolute `file:` path (a bare path would be read from the cluster's
/// default file system).
pub fn spark_path(root: &Path, path: &str) -> String {
    if path.contains("://") || path.starts_with("file:") {
        return path.to_string();
    }
    let p = Path::new(path);
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        root.join(p)
    };
    format!("file:{}", abs.display())
}

/// The views of one part: the source as Spark reads it, its cells as text
/// by column name, then its typed rows with `_row`, `_file` and `_line`.
pub fn views(checked: &Checked, part: &Part) -> String {
    let c = checked.schema.collection(part.coll);
    let read = format!("custodia_p{}_read", part.index);
    let cells = format!("custodia_p{}_cells", part.index);
    let mut out = format!(
        "-- `{}` read in place: {} (custodia.yaml line {})\n",
        c.name,
        super::comment(&part.source.name()),
        part.line
    );
    // Every cell as text by column name: a column missing from the source
    // is a missing value, as natively; a timestamp keeps its offset. A
    // file with a schema of its own (CSV header, Parquet, a table) keeps
    // its empty cells as keys, so any row lists its columns (`columns`);
    // JSON Lines has a declared schema, whose absent keys must drop out.
    let keep_nulls = match &part.source {
        SparkSource::Path {
            format: SparkFormat::Json,
            ..
        } => "",
        _ => ", 'ignoreNullFields', 'false'",
    };
    let as_text = format!("from_json(to_json(struct(s.*), map('timestampFormat', 'yyyy-MM-dd''T''HH:mm:ssXXX'{keep_nulls})), 'MAP<STRING,STRING>')");
    let (first_header, number) = match &part.source {
        SparkSource::Path { path, format } => {
            let path = quote(&spark_path(&part.root, path));
            let (schema, options) = match format {
                // `enforceSchema 'false'`: Spark takes the columns from one
                // file's header and by default reads every other file of
                // the folder by position; this makes a file whose header
                // differs an error instead of a silent misreading.
                SparkFormat::Csv => (
                    String::new(),
                    "header 'true', enforceSchema 'false', escape '\"', multiLine 'false', encoding 'UTF-8', mode 'FAILFAST'"
                        .to_string(),
                ),
                // A declared schema of text: no pass over the data to infer
                // one, and every value arrives as its text.
                SparkFormat::Json => {
                    let mut cols: Vec<String> = part.columns.clone();
                    cols.sort();
                    cols.dedup();
                    let cols: Vec<String> =
                        cols.iter().map(|n| format!("{} STRING", ident(n))).collect();
                    (format!(" ({})", cols.join(", ")), "mode 'FAILFAST'".to_string())
                }
                SparkFormat::Parquet => (String::new(), String::new()),
            };
            let sep = if options.is_empty() { "" } else { ", " };
            out.push_str(&format!(
                "CREATE OR REPLACE TEMPORARY VIEW {read}{schema}\nUSING {} OPTIONS (path {path}{sep}{options})\n;\n",
                format.as_str()
            ));
            out.push_str(&format!(
                "CREATE OR REPLACE TEMPORARY VIEW {cells} AS\nSELECT input_file_name() AS _file, monotonically_increasing_id() AS _mid, {as_text} AS _m\nFROM {read} s\n;\n"
            ));
            // A CSV file's first row is its header: row n is on line n + 1
            // (rows of one line each; `multiLine` is off).
            let header = if *format == SparkFormat::Csv { 1 } else { 0 };
            (
                header,
                "row_number() OVER (PARTITION BY _file ORDER BY _mid)".to_string(),
            )
        }
        SparkSource::Table(t) => {
            let order = match c.id_field() {
                Some(f) => format!("_m[{}], to_json(_m)", quote(&part.columns[f.0 as usize])),
                None => "to_json(_m)".into(),
            };
            let table: Vec<String> = t.split('.').map(ident).collect();
            out.push_str(&format!(
                "CREATE OR REPLACE TEMPORARY VIEW {cells} AS\nSELECT {} AS _file, CAST(0 AS BIGINT) AS _mid, {as_text} AS _m\nFROM {} s\n;\n",
                quote(t),
                table.join(".")
            ));
            // A table has no order: its rows are numbered by primary key,
            // then by their cells (identical rows are interchangeable).
            (0, format!("row_number() OVER (ORDER BY {order})"))
        }
    };
    let mut typed = Vec::new();
    let mut trimmed = Vec::new();
    for (i, f) in c.fields.iter().enumerate() {
        trimmed.push(format!(
            "nullif(regexp_replace(_m[{}], {}, ''), '') AS _t{i}",
            quote(&part.columns[i]),
            quote(&blank_ends())
        ));
        let fail = |problem: &str| {
            raise(
                &format!("spark-run-cell-{problem}"),
                &[
                    ("part", part.index.to_string()),
                    ("file", "_file".into()),
                    ("row", "_n".into()),
                    ("field", i.to_string()),
                ],
            )
        };
        let t = format!("_t{i}");
        let conv = typed_cell(&t, &f.ty, &fail);
        // An Excel error saved as text (`#N/A`) is an input error natively
        // (`convert::excel_error`): here it fails the job. So do bytes
        // that are not UTF-8, which Spark's reader turns into U+FFFD: a GBK
        // file read in place was text no rule could match, where natively
        // such a row is an input error. Any other type fails on either
        // already, as not of its form.
        let conv = match f.ty {
            FieldType::Text | FieldType::Id | FieldType::Ref(_) => format!(
                "CASE WHEN instr({t}, {}) > 0 THEN {} WHEN upper({t}) IN ({}) THEN {} ELSE {conv} END",
                quote("\u{FFFD}"),
                fail("encoding"),
                excel_errors(),
                fail("excel-error")
            ),
            _ => conv,
        };
        let conv = match (&f.default, f.optional) {
            (Some(d), _) => format!("coalesce({conv}, {})", literal(d)),
            // A word standing for nothing in an optional text, id or ref
            // is missing, as natively (`convert::optional_placeholder`).
            (None, true) if matches!(f.ty, FieldType::Text | FieldType::Id | FieldType::Ref(_)) => {
                format!(
                    "CASE WHEN {} THEN NULL ELSE {conv} END",
                    stands_for_nothing(&t)
                )
            }
            (None, true) => conv,
            (None, false) => format!(
                "CASE WHEN {t} IS NULL THEN {} ELSE {conv} END",
                fail("missing")
            ),
        };
        typed.push(format!(
            "CAST({conv} AS {}) AS {}",
            sql_type(&f.ty),
            ident(&f.name)
        ));
    }
    out.push_str(&format!(
        "CREATE OR REPLACE TEMPORARY VIEW {} AS\nSELECT CASE WHEN _fr < {MAX_FILES} AND _n < {FIRST_ROW} THEN {} * {PART_UNIT} + _fr * {FIRST_ROW} + _n \
         ELSE {} END AS _row, \
         _file, CAST(_n + {first_header} AS BIGINT) AS _line,\n  {}\nFROM (\n  SELECT c._file, c._n, f._fr, {}\n  FROM (SELECT _file, _m, {number} AS _n FROM {cells}) c\n  \
         JOIN (SELECT _file, row_number() OVER (ORDER BY {FILE_ORDER}) - 1 AS _fr FROM (SELECT DISTINCT _file FROM {cells})) f ON f._file = c._file)\n;\n",
        part.view(),
        part.rank + 1,
        raise(
            "spark-run-too-many-rows",
            &[("part", part.index.to_string())]
        ),
        typed.join(",\n  "),
        trimmed.join(", ")
    ));
    out
}

/// The Excel error values (`convert::EXCEL_ERRORS`) as an SQL list.
fn excel_errors() -> String {
    let quoted: Vec<String> = crate::data::convert::EXCEL_ERRORS
        .iter()
        .map(|e| quote(e))
        .collect();
    quoted.join(", ")
}

/// Whether the trimmed cell `t` is a word standing for nothing
/// (`text::stands_for_nothing`): full-width forms and dashes folded as
/// natively, then lower case, then the punctuation around it taken off;
/// nothing but that punctuation stands for nothing too.
fn stands_for_nothing(t: &str) -> String {
    let (from, to) = crate::text::nothing_fold_table();
    let words: Vec<String> = crate::text::nothing_words_folded()
        .iter()
        .map(|w| quote(w))
        .collect();
    let inner = format!(
        "regexp_replace(lower(translate({t}, {}, {})), {}, '')",
        quote(&from),
        quote(&to),
        quote(&crate::text::nothing_wraps_pattern())
    );
    format!("({inner} = '' OR {inner} IN ({}))", words.join(", "))
}

/// Fails the job with an error custodia shows in the run's language:
/// `custodia-error:` and a JSON object of a catalogue id (`spark-run-*`)
/// and its arguments, each an SQL expression. The arguments are numbers
/// and Spark's URL of a file, all ASCII, so no log's encoding can garble
/// them; custodia puts in the source's and the field's names
/// (`joblog::raised_error`). No cell's value is in it: it may be personal.
pub fn raise(id: &str, args: &[(&str, String)]) -> String {
    let mut fields = vec![format!("'id', {}", quote(id))];
    fields.extend(
        args.iter()
            .map(|(k, v)| format!("{}, CAST({v} AS STRING)", quote(k))),
    );
    format!(
        "raise_error(concat('{RAISED}', to_json(named_struct({}))))",
        fields.join(", ")
    )
}

/// What precedes the JSON of an error the script raises ([`raise`]).
pub const RAISED: &str = "custodia-error:";

/// A Java regex of a cell's blank ends: white space and the invisible
/// characters the loader trims too (`text::trim_cell`), so a cell of a
/// zero-width space is missing here as natively.
fn blank_ends() -> String {
    let class: String = crate::text::INVISIBLE
        .iter()
        .map(|(a, b)| match a == b {
            true => format!("\\x{{{:04X}}}", *a as u32),
            false => format!("\\x{{{:04X}}}-\\x{{{:04X}}}", *a as u32, *b as u32),
        })
        .collect();
    format!("^[\\p{{IsWhite_Space}}{class}]+|[\\p{{IsWhite_Space}}{class}]+$")
}

/// A trimmed cell (`NULL` when empty) as the field's type, accepted only
/// in the forms custodia's loader reads to the same value; any other form
/// fails the job.
fn typed_cell(t: &str, ty: &FieldType, fail: &dyn Fn(&str) -> String) -> String {
    let when = |pattern: &str, then: String, what: &str| {
        format!(
            "CASE WHEN {t} IS NULL THEN NULL WHEN {t} RLIKE {} THEN {then} ELSE {} END",
            quote(pattern),
            fail(what)
        )
    };
    match ty {
        FieldType::Text | FieldType::Id | FieldType::Ref(_) => t.to_string(),
        FieldType::Enum(allowed) => {
            let list: Vec<String> = allowed.iter().map(|a| quote(a)).collect();
            format!(
                "CASE WHEN {t} IS NULL OR {t} IN ({}) THEN {t} ELSE {} END",
                list.join(", "),
                fail("enum")
            )
        }
        FieldType::Int => when(
            "^[+-]?[0-9]+$",
            format!("CAST(regexp_replace({t}, '^[+]', '') AS BIGINT)"),
            "int",
        ),
        FieldType::Decimal => when(
            r"^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$",
            format!("CAST(regexp_replace({t}, '^[+]', '') AS DOUBLE)"),
            "decimal",
        ),
        FieldType::Bool => format!(
            "CASE WHEN {t} IS NULL THEN NULL WHEN lower({t}) IN ('true', 'yes', '1', '是', 'y') THEN TRUE \
             WHEN lower({t}) IN ('false', 'no', '0', '否', 'n') THEN FALSE ELSE {} END",
            fail("bool")
        ),
        FieldType::Date => when(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            format!("CAST({t} AS DATE)"),
            "date",
        ),
        // With an offset (RFC 3339, at most 14 hours), or local time in the
        // case time zone (the session's).
        FieldType::DateTime => format!(
            "CASE WHEN {t} IS NULL THEN NULL \
             WHEN {t} RLIKE {} THEN CAST({t} AS TIMESTAMP) \
             WHEN {t} RLIKE {} THEN CAST(CASE WHEN length({t}) = 16 THEN concat({t}, ':00') ELSE {t} END AS TIMESTAMP) \
             ELSE {} END",
            quote(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(Z|z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)$"),
            quote(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$"),
            fail("datetime")
        ),
        FieldType::Duration | FieldType::List(_) => fail("type"),
    }
}

/// A field's default as an SQL literal.
fn literal(v: &Value) -> String {
    match v {
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Value::Int(i) => format!("CAST({i} AS BIGINT)"),
        Value::Dec(d) => format!("CAST({d:?} AS DOUBLE)"),
        Value::Date(d) => format!("DATE'{d}'"),
        Value::Str(s) => quote(s),
        _ => "NULL".into(),
    }
}

/// The collections some part fills.
pub fn collections(parts: &[Part]) -> std::collections::BTreeSet<CollId> {
    parts.iter().map(|p| p.coll).collect()
}

/// The built-in checks (language.md section 8) over the collections read
/// in place, as result rows: a duplicate id (the row and the first with
/// its id), a dangling ref (the row, the field in `message`, the id in
/// `vals`), a future event (the row). The referencing side of a ref is
/// checked here when either end is read in place.
pub fn builtins(checked: &Checked, parts: &[Part], as_of: jiff::civil::Date) -> Vec<String> {
    let schema = &checked.schema;
    let in_place = collections(parts);
    let mut out = Vec::new();
    let null_vals = "CAST(NULL AS ARRAY<STRING>) AS vals";
    for coll in schema.ids() {
        let c = schema.collection(coll);
        let name = ident(&c.name);
        let here = in_place.contains(&coll);
        if here {
            if let Some(id) = c.id_field() {
                let id = ident(&c.field(id).name);
                out.push(format!(
                    "SELECT {DUPLICATE} AS rule, {} AS clause, array(d._row, d._first) AS rows, 'duplicate_id' AS outcome, CAST(NULL AS STRING) AS message, {null_vals}\n\
                     FROM (SELECT x._row, first_value(x._row) OVER (PARTITION BY x.{id} ORDER BY x._row) AS _first FROM {name} x WHERE x.{id} IS NOT NULL) d\nWHERE d._row <> d._first",
                    coll.0
                ));
            }
            if let (CollKind::Event, Some(at)) = (c.kind, c.field_id("at")) {
                out.push(format!(
                    "SELECT {FUTURE} AS rule, {} AS clause, array(x._row) AS rows, 'future_event' AS outcome, CAST(NULL AS STRING) AS message, {null_vals}\n\
                     FROM {name} x WHERE CAST(x.{} AS DATE) > DATE'{as_of}'",
                    coll.0,
                    ident(&c.field(at).name)
                ));
            }
        }
        for (i, f) in c.fields.iter().enumerate() {
            let (target, items) = match &f.ty {
                FieldType::Ref(t) => (*t, format!("array(x.{})", ident(&f.name))),
                FieldType::List(inner) => match **inner {
                    FieldType::Ref(t) => (t, format!("x.{}", ident(&f.name))),
                    _ => continue,
                },
                _ => continue,
            };
            if !here && !in_place.contains(&target) {
                continue;
            }
            let t = schema.collection(target);
            let Some(tid) = t.id_field() else { continue };
            let tid = ident(&t.field(tid).name);
            out.push(format!(
                "SELECT {DANGLING} AS rule, {} AS clause, array(r._row) AS rows, 'dangling_ref' AS outcome, '{i}' AS message, array(r._v) AS vals\n\
                 FROM (SELECT x._row, e._v FROM {name} x LATERAL VIEW explode({items}) e AS _v) r\n\
                 LEFT ANTI JOIN (SELECT DISTINCT y.{tid} AS _id FROM {} y WHERE y.{tid} IS NOT NULL) t ON t._id = r._v\nWHERE r._v IS NOT NULL",
                coll.0,
                ident(&t.name)
            ));
        }
    }
    out
}

/// The rows read in place that the result names (`refs`: a query of
/// collection `c` and row `r`), as the staged JSON of `stage.rs` (`f<i>`
/// per field, a personal field other than the id left out), for the
/// report to place and name them.
pub fn objects(checked: &Checked, parts: &[Part], refs: &str) -> Vec<String> {
    collections(parts)
        .into_iter()
        .map(|coll| {
            let c = checked.schema.collection(coll);
            let mut fields = vec![
                "'_row', x._row".to_string(),
                "'_file', x._file".into(),
                "'_line', x._line".into(),
            ];
            let id = c.id_field().map(|f| f.0 as usize);
            for (i, f) in c.fields.iter().enumerate() {
                let n = format!("x.{}", ident(&f.name));
                // A personal field is masked wherever a report shows it and
                // never needed to place or name a row: it stays in Spark.
                if f.pii && Some(i) != id {
                    fields.push(format!("'f{i}', CAST(NULL AS STRING)"));
                    continue;
                }
                let v = match f.ty {
                    FieldType::Date => format!("CAST({n} AS STRING)"),
                    FieldType::DateTime => format!("unix_seconds({n})"),
                    _ => n,
                };
                fields.push(format!("'f{i}', {v}"));
            }
            format!(
                "SELECT {OBJECT} AS rule, {} AS clause, array(x._row) AS rows, 'object' AS outcome, to_json(named_struct({})) AS message, CAST(NULL AS ARRAY<STRING>) AS vals\n\
                 FROM {} x LEFT SEMI JOIN (SELECT DISTINCT r FROM {refs} WHERE c = {}) k ON k.r = x._row\nWHERE x._row >= {FIRST_ROW}",
                coll.0,
                fields.join(", "),
                ident(&c.name),
                coll.0
            )
        })
        .collect()
}

/// The count of rows Spark read of each part.
pub fn counts(parts: &[Part]) -> Vec<String> {
    parts
        .iter()
        .map(|p| {
            format!(
                "SELECT {PART_COUNT} AS rule, {} AS clause, array(count(*)) AS rows, 'rows_read' AS outcome, CAST(NULL AS STRING) AS message, CAST(NULL AS ARRAY<STRING>) AS vals FROM {}",
                p.index,
                p.view()
            )
        })
        .collect()
}

/// The columns Spark saw in each part, for the defaulted-column note: of a
/// source with a schema (CSV header, Parquet, a table) the keys of one row,
/// which every row has; of JSON Lines every key some row holds a value in
/// (a key only ever `null` reads as absent, as every value was missing).
/// Of a part of no rows custodia makes no note: no row took a default.
pub fn columns(parts: &[Part]) -> Vec<String> {
    parts
        .iter()
        .map(|p| {
            let cells = format!("custodia_p{}_cells", p.index);
            let head = format!(
                "SELECT {COLUMNS} AS rule, {} AS clause, CAST(array() AS ARRAY<BIGINT>) AS rows, 'columns' AS outcome, CAST(NULL AS STRING) AS message",
                p.index
            );
            match &p.source {
                SparkSource::Path {
                    format: SparkFormat::Json,
                    ..
                } => format!(
                    "{head}, collect_list(k) AS vals\n\
                     FROM (SELECT DISTINCT k FROM {cells} LATERAL VIEW explode(map_keys(_m)) e AS k)"
                ),
                _ => format!(
                    "{head}, first(map_keys(_m)) AS vals FROM (SELECT _m FROM {cells} LIMIT 1)"
                ),
            }
        })
        .collect()
}

/// `input_file_name()` as the report names the file: percent-decoded, and
/// relative to the case when it lies under it (as natively).
pub fn shown_file(root: &Path, file: &str) -> String {
    let decoded = percent_decode(file);
    let local = decoded
        .strip_prefix("file://")
        .or_else(|| decoded.strip_prefix("file:"))
        .map(|p| format!("/{}", p.trim_start_matches('/')));
    if let Some(p) = local {
        let root = format!("{}/", root.display());
        return match p.strip_prefix(&root) {
            Some(rel) => rel.to_string(),
            None => p,
        };
    }
    decoded
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts are ranked as the native engine orders files (`PathBuf`'s
    /// order of absolute paths), not as custodia.yaml lists them: the
    /// first row of a dangling ref or duplicate id depends on it.
    #[test]
    fn parts_sort_as_the_native_engine_sorts_files() {
        let root = Path::new("/cases/acme");
        let key = |path: &str| {
            let source = SparkSource::Path {
                path: path.into(),
                format: SparkFormat::Csv,
            };
            path_order(&source, root)
        };
        let mut paths = [
            "logs/access.csv",
            "logs/b/x.csv",
            "file:/cases/acme/logs/access-archive.jsonl",
            "logs/中文.csv",
            "logs/b-c.csv",
            "/cases/acme/logs/a.csv",
        ];
        paths.sort_by_key(|p| key(p));
        let mut native: Vec<std::path::PathBuf> = [
            "logs/access.csv",
            "logs/b/x.csv",
            "logs/access-archive.jsonl",
            "logs/中文.csv",
            "logs/b-c.csv",
            "logs/a.csv",
        ]
        .iter()
        .map(|p| root.join(p))
        .collect();
        native.sort();
        let ours: Vec<String> = paths
            .iter()
            .map(|p| {
                p.trim_start_matches("file:")
                    .trim_start_matches("/cases/acme/")
                    .to_string()
            })
            .collect();
        let theirs: Vec<String> = native
            .iter()
            .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
            .collect();
        assert_eq!(ours, theirs);
        let table = path_order(&SparkSource::Table("db.t".into()), root);
        assert!(key("logs/zzz.csv") < table);
    }

    #[test]
    fn local_paths_become_absolute_file_urls_and_urls_stay() {
        let root = Path::new("/cases/acme");
        assert_eq!(
            spark_path(root, "logs/a.csv"),
            "file:/cases/acme/logs/a.csv"
        );
        assert_eq!(spark_path(root, "/data/a.csv"), "file:/data/a.csv");
        assert_eq!(
            spark_path(root, "hdfs://nn:8020/logs/*.parquet"),
            "hdfs://nn:8020/logs/*.parquet"
        );
        assert_eq!(spark_path(root, "s3a://bucket/logs/"), "s3a://bucket/logs/");
        assert_eq!(spark_path(root, "file:///data/a.csv"), "file:///data/a.csv");
    }

    #[test]
    fn files_are_shown_relative_to_the_case_and_decoded() {
        let root = Path::new("/cases/acme");
        assert_eq!(
            shown_file(root, "file:///cases/acme/logs/%E6%9F%A5%20a.csv"),
            "logs/查 a.csv"
        );
        assert_eq!(shown_file(root, "file:/data/a.csv"), "/data/a.csv");
        assert_eq!(
            shown_file(root, "hdfs://nn/logs/a.csv"),
            "hdfs://nn/logs/a.csv"
        );
        assert_eq!(shown_file(root, "db.access"), "db.access");
    }
}
