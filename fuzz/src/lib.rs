//! Helpers shared by the fuzz targets: a fixed schema (the example case's)
//! and a scratch case directory per process, rewritten for every input.

use std::path::{Path, PathBuf};

use custodia::check::Checked;
use custodia::data::{self, case::CaseInputs, LoadOptions};
use custodia::syntax::span::SourceMap;

/// The example's schema: every field type, `pii`, refs, lists, defaults.
pub const SCHEMA: &str = include_str!("../../examples/acme-deregistration/policies/schema.policy");

/// The schema, checked once per process.
pub fn checked_schema() -> &'static Checked {
    static CHECKED: std::sync::OnceLock<Checked> = std::sync::OnceLock::new();
    CHECKED.get_or_init(|| {
        let mut sources = SourceMap::default();
        sources.add("schema.policy", SCHEMA);
        match custodia::check::check_sources(sources) {
            Ok(c) => c,
            Err(_) => panic!("the example schema must type-check"),
        }
    })
}

/// A scratch directory for this process (under /dev/shm when it exists).
pub fn scratch() -> PathBuf {
    let base = Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("custodia-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Writes `data` to `rel` in a fresh scratch case and loads it against the
/// fixed schema, as the inventory (`role` "inventory") or a log.
pub fn load_one(rel: &str, data: &[u8], as_log: bool) {
    let root = scratch();
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let mut case = CaseInputs {
        root: root.clone(),
        ..Default::default()
    };
    if as_log {
        case.logs = vec![path];
    } else {
        case.inventory = vec![path];
    }
    let tz = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap_or(jiff::tz::TimeZone::UTC);
    let opts = LoadOptions {
        tz: &tz,
        strict: false,
    };
    let ds = data::load(&case, &checked_schema().schema, &opts);
    // The rows a file says it gave are the rows the tables hold.
    let counted: u64 = ds.files.iter().map(|f| f.rows).sum();
    let held: u64 = ds.tables.iter().map(|t| u64::from(t.len())).sum();
    assert_eq!(counted, held, "rows counted per file differ from rows loaded");
    // Read in tiny windows and pieces (the path of files over 64 MiB), the
    // same file gives the same dataset.
    let small = data::CheckLoadOptions {
        piece_bytes: Some(32),
        window_bytes: Some(64),
        ..Default::default()
    };
    let cut = data::load_with_progress(&case, &checked_schema().schema, &opts, small, &|_| {});
    assert_eq!(contents(&ds), contents(&cut), "reading in windows changed the dataset");
}

/// Everything a dataset holds, as text: every row's values (symbols
/// resolved) and origin, the files with digests and counts, the errors.
fn contents(ds: &data::Dataset) -> Vec<String> {
    let mut out: Vec<String> = ds
        .files
        .iter()
        .map(|f| format!("{} {} {}", f.path, f.sha256, f.rows))
        .collect();
    out.extend(ds.errors.iter().map(|e| format!("{e:?}")));
    for (t, table) in ds.tables.iter().enumerate() {
        for row in 0..table.len() {
            let values: Vec<String> = (0..table.columns.len())
                .map(|f| {
                    let v = table.get(row, custodia::value::FieldId(f as u32));
                    match v.as_text(&ds.interner) {
                        Some(text) => text.to_string(),
                        None => format!("{v:?}"),
                    }
                })
                .collect();
            out.push(format!("{t} {:?} {values:?}", table.origin(row)));
        }
    }
    out
}
