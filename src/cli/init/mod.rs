//! `custodia init DIR [FILES...]`: writes a first custodia.yaml for a
//! folder of a company's own exports. It reads the header and the values
//! of every data file, places each file (inventory, a log, a table), maps
//! its columns onto the schema's fields and proposes value maps, list
//! separators, date formats and lookups from the values it sees (see
//! `propose`). Guesses are commented; what it cannot know is left as
//! `""` with a `# TODO`, which `custodia check` then names by its line.

mod propose;
mod yaml;

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::check::schema::CollKind;
use crate::check::Checked;
use crate::cli::app::{self, Outcome};
use crate::cli::schema::docs::Descriptions;
use crate::data::case::relative;
use crate::data::mapping::rows as file_rows;
use crate::data::terms;
use crate::t;

use propose::{FileInfo, Place, Proposal, Terms};

/// Files `init` reads; others are listed as not mapped, with why.
const READ: [&str; 6] = ["csv", "jsonl", "xlsx", "xlsm", "xls", "ods"];
const DATA: [&str; 12] = [
    "csv", "tsv", "txt", "jsonl", "ndjson", "json", "yaml", "yml", "xlsx", "xlsm", "xls", "ods",
];

pub fn run_init(dir: &Path, files: &[PathBuf], force: bool, lang: crate::i18n::Lang) -> Outcome {
    if !dir.is_dir() {
        return app::stop(words::no_folder(lang, dir));
    }
    let target = dir.join("custodia.yaml");
    for existing in [&target, &dir.join("custodia.yml")] {
        if std::fs::symlink_metadata(existing).is_ok() && !force {
            return app::stop(words::exists(lang, existing));
        }
    }
    let checked = match schema(dir) {
        Ok(c) => c,
        Err(o) => return o,
    };
    let mut skipped = Vec::new();
    let paths = match data_files(dir, files, &mut skipped, lang) {
        Ok(p) => p,
        Err(m) => return app::stop(m),
    };
    let infos: Vec<FileInfo> = paths
        .iter()
        .filter_map(|p| read(dir, p, &mut skipped, lang))
        .collect();
    let descriptions = Descriptions::of(&checked);
    let describe = |c: &crate::check::schema::Collection, f: &crate::check::schema::Field| {
        descriptions
            .field(c, f)
            .map(terms::cjk_terms)
            .unwrap_or_default()
    };
    let t = Terms {
        descriptions: &describe,
    };
    let proposals = place_all(&checked, &infos, &t, &mut skipped, lang);
    let written = yaml::write(&infos, &proposals, lang);
    let mut text = written.lines.join("\n");
    text.push('\n');
    if let Err(e) = crate::output::write_atomic(&target, &text) {
        return app::stop(words::cannot_write(lang, &target, &e));
    }
    Outcome {
        output: summary(dir, &infos, &proposals, &written, &skipped, lang),
        errors: String::new(),
        exit: 0,
        files: Vec::new(),
    }
}

/// The schema the mapping is written for: the case's policies when it
/// has a `policies/` folder (with the packs it would get), else the
/// standard schema.
fn schema(dir: &Path) -> Result<Checked, Outcome> {
    let policies = dir.join("policies");
    let sources = if policies.is_dir() {
        let inputs = crate::data::case::CaseInputs {
            root: dir.to_path_buf(),
            policies: vec![policies],
            ..Default::default()
        };
        app::load_case_policies(&inputs).map_err(app::stop)?.0
    } else {
        crate::syntax::span::SourceMap::default()
    };
    crate::check::check_sources(sources)
        .map_err(|(s, errors)| app::stop(app::policy_error_text(&s, &errors, false)))
}

/// The data files to map: `files`, else every data file of the folder
/// but the policies, the company file and the conventional inputs (read as
/// they are named).
fn data_files(
    dir: &Path,
    files: &[PathBuf],
    skipped: &mut Vec<(String, String)>,
    lang: crate::i18n::Lang,
) -> Result<Vec<PathBuf>, String> {
    if !files.is_empty() {
        let mut out = Vec::new();
        for f in files {
            let p = if f.exists() { f.clone() } else { dir.join(f) };
            let inside = p
                .canonicalize()
                .ok()
                .zip(dir.canonicalize().ok())
                .is_some_and(|(p, d)| p.starts_with(d));
            if !inside {
                return Err(words::outside(lang, f, dir));
            }
            out.push(p);
        }
        return Ok(out);
    }
    let found = crate::data::walk::walk(dir, dir);
    let mut out = Vec::new();
    for p in found.files {
        let rel = relative(dir, &p);
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !DATA.contains(&ext.as_str())
            || rel.starts_with("policies/")
            || rel.starts_with("policy-tests/")
        {
            continue;
        }
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let top = !rel.contains('/');
        if top && matches!(stem, "custodia" | "company") {
            continue;
        }
        if (top && stem == "inventory")
            || rel.starts_with("logs/")
            || rel.starts_with("tables/")
            || rel.starts_with("inventory/")
        {
            skipped.push((rel, words::conventional(lang)));
            continue;
        }
        out.push(p);
    }
    Ok(out)
}

/// Rows above the header a workbook's title may take.
const TITLE_ROWS: u32 = 10;

/// The first visible sheet of a workbook, its header in the first row (of
/// the first `TITLE_ROWS`) under which the sheet reads: exports often put
/// a title above the header. With none, row 1's error.
fn workbook_rows(
    path: &Path,
    lang: crate::i18n::Lang,
) -> (
    Option<u32>,
    Result<file_rows::FileRows, crate::data::read::ReadError>,
) {
    let first = file_rows::read(path, None, &Default::default(), lang);
    if first.as_ref().is_ok_and(|f| !f.headers.is_empty()) {
        return (None, first);
    }
    for row in 2..=TITLE_ROWS {
        let opts = crate::data::source::ReadOptions {
            sheet: None,
            header_row: Some(row),
        };
        if let Ok(f) = file_rows::read(path, None, &opts, lang) {
            if !f.headers.is_empty() && f.errors.is_empty() {
                return (Some(row), Ok(f));
            }
        }
    }
    (None, first)
}

/// A file's header and rows; GB18030 when it is not UTF-8.
fn read(
    dir: &Path,
    path: &Path,
    skipped: &mut Vec<(String, String)>,
    lang: crate::i18n::Lang,
) -> Option<FileInfo> {
    let rel = relative(dir, path);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !READ.contains(&ext.as_str()) {
        skipped.push((rel, words::not_readable(lang, &ext)));
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    // A workbook has no text encoding; its first visible sheet is read.
    let utf8 = crate::data::excel::is_workbook(&ext)
        || bytes.starts_with(b"\xEF\xBB\xBF")
        || std::str::from_utf8(&bytes).is_ok();
    // Text that reads as Big5 as well is not drafted as GB18030: `check`
    // then asks which it is, where a wrong guess read its ids garbled and
    // passed (third hostile review, 2026-12-06).
    use crate::data::encoding::{chinese, Chinese};
    let either = !utf8 && chinese(&bytes) == Some(Chinese::Big5OrGb18030);
    let encoding = (!utf8 && !either).then_some("gb18030");
    let enc = encoding.and_then(|l| crate::data::encoding::from_label(l).ok());
    let (header_row, read) = match crate::data::excel::is_workbook(&ext) {
        true => workbook_rows(path, lang),
        false => (None, file_rows::read(path, enc, &Default::default(), lang)),
    };
    match read {
        Ok(f) if !f.headers.is_empty() => Some(FileInfo {
            rel,
            encoding,
            header_row,
            headers: f.headers,
            rows: f.rows.into_vec().0,
        }),
        Ok(_) => {
            skipped.push((rel, words::no_header(lang)));
            None
        }
        Err(e) => {
            skipped.push((rel, e.message));
            None
        }
    }
}

/// Places every file and proposes its mapping: tables first, so that the
/// other files' lookups can use them. One inventory: a second file taken
/// for records is listed as not mapped.
fn place_all(
    checked: &Checked,
    infos: &[FileInfo],
    t: &Terms,
    skipped: &mut Vec<(String, String)>,
    lang: crate::i18n::Lang,
) -> Vec<Proposal> {
    let schema = &checked.schema;
    let mut placed = Vec::new();
    let mut inventory_taken = false;
    for info in infos {
        match propose::collection(schema, info, t) {
            Some(c) => placed.push((info, c)),
            None => skipped.push((info.rel.clone(), words::unplaced(lang))),
        }
    }
    let is_table = |c: crate::value::CollId| schema.collection(c).kind == CollKind::Table;
    let mut proposals: Vec<Proposal> = Vec::new();
    for (info, c) in placed.iter().filter(|(_, c)| is_table(*c)) {
        let p = propose::propose(schema, info, infos, *c, t, &[]);
        proposals.push(p);
    }
    let mut seen_tables: Vec<String> = Vec::new();
    proposals.retain(|p| match &p.place {
        Place::Table(n) if seen_tables.contains(n) => {
            skipped.push((infos[p.file].rel.clone(), words::second_table(lang, n)));
            false
        }
        Place::Table(n) => {
            seen_tables.push(n.clone());
            true
        }
        _ => true,
    });
    let mut others = Vec::new();
    for (info, c) in placed.iter().filter(|(_, c)| !is_table(*c)) {
        let p = propose::propose(schema, info, infos, *c, t, &proposals);
        if p.place == Place::Inventory {
            if inventory_taken {
                skipped.push((info.rel.clone(), words::second_inventory(lang)));
                continue;
            }
            inventory_taken = true;
        }
        others.push(p);
    }
    others.extend(proposals);
    others
}

fn summary(
    dir: &Path,
    infos: &[FileInfo],
    proposals: &[Proposal],
    written: &yaml::Written,
    skipped: &[(String, String)],
    lang: crate::i18n::Lang,
) -> String {
    let mut out = String::new();
    let yaml = dir.join("custodia.yaml");
    let _ = writeln!(out, "{}", words::wrote(lang, &yaml));
    for p in proposals {
        let info = &infos[p.file];
        let mapped = p.fields.iter().filter(|f| f.column.is_some()).count();
        let _ = writeln!(
            out,
            "  {}",
            words::placed(lang, &info.rel, &p.place, mapped, info.encoding)
        );
    }
    if !written.todo.is_empty() {
        let _ = writeln!(out, "\n{}", words::fill_in_heading(lang));
        for (line, what) in &written.todo {
            let at = format!("custodia.yaml:{line}");
            let said = crate::t!(lang, "human-input-error", at = at, message = what);
            let _ = writeln!(out, "  {said}");
        }
    }
    if !written.guesses.is_empty() {
        let _ = writeln!(out, "\n{}", words::guesses_heading(lang));
        for (line, what) in &written.guesses {
            let at = format!("custodia.yaml:{line}");
            let said = crate::t!(lang, "human-input-error", at = at, message = what);
            let _ = writeln!(out, "  {said}");
        }
    }
    let mut not_mapped: Vec<String> = skipped
        .iter()
        .map(|(f, why)| t!(lang, "init-skipped", file = f.as_str(), why = why.as_str()))
        .collect();
    for p in proposals {
        let rel = &infos[p.file].rel;
        let coll = match &p.place {
            Place::Inventory => "record",
            Place::Log(k) | Place::Table(k) => k,
        };
        for (h, twin) in &p.unmapped {
            not_mapped.push(match twin {
                Some((field, mapped)) => words::column_like_mapped(lang, rel, h, field, mapped),
                None => words::column_not_mapped(lang, rel, h, coll),
            });
        }
        for f in &p.fields {
            if !f.unread.is_empty() {
                not_mapped.push(words::unread_dates(
                    lang,
                    rel,
                    f.column.as_deref().unwrap_or(""),
                    &f.unread,
                ));
            }
        }
    }
    if !not_mapped.is_empty() {
        let _ = writeln!(out, "\n{}", words::not_mapped_heading(lang));
        for line in not_mapped {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "\n{}", words::next(lang, dir));
    out
}

/// Every message of `init`, one function each, put into words by the
/// catalogue (i18n/*.ftl, section "custodia init").
mod words {
    use std::path::Path;

    use super::Place;
    use crate::i18n::Lang;
    use crate::t;

    pub fn no_folder(lang: Lang, dir: &Path) -> String {
        t!(lang, "init-no-folder", dir = dir.display().to_string()) + "\n"
    }
    pub fn exists(lang: Lang, path: &Path) -> String {
        t!(lang, "init-exists", path = path.display().to_string()) + "\n"
    }
    pub fn cannot_write(lang: Lang, path: &Path, e: &std::io::Error) -> String {
        t!(
            lang,
            "init-cannot-write",
            path = path.display().to_string(),
            error = e
        ) + "\n"
    }
    pub fn outside(lang: Lang, f: &Path, dir: &Path) -> String {
        t!(
            lang,
            "init-outside",
            file = f.display().to_string(),
            dir = dir.display().to_string()
        ) + "\n"
    }
    pub fn conventional(lang: Lang) -> String {
        t!(lang, "init-conventional")
    }
    pub fn not_readable(lang: Lang, ext: &str) -> String {
        t!(lang, "init-not-readable", ext = ext)
    }
    pub fn no_header(lang: Lang) -> String {
        t!(lang, "init-no-header")
    }
    pub fn unplaced(lang: Lang) -> String {
        t!(lang, "init-unplaced")
    }
    pub fn second_table(lang: Lang, name: &str) -> String {
        t!(lang, "init-second-table", name = name)
    }
    pub fn second_inventory(lang: Lang) -> String {
        t!(lang, "init-second-inventory")
    }
    pub fn wrote(lang: Lang, path: &Path) -> String {
        t!(lang, "init-wrote", path = path.display().to_string())
    }
    pub fn placed(
        lang: Lang,
        rel: &str,
        place: &Place,
        mapped: usize,
        encoding: Option<&str>,
    ) -> String {
        let role = match place {
            Place::Inventory => t!(lang, "init-role-inventory"),
            Place::Log(k) => t!(lang, "init-role-log", kind = k.as_str()),
            Place::Table(n) => t!(lang, "init-role-table", name = n.as_str()),
        };
        match encoding {
            Some(e) => t!(
                lang,
                "init-placed-encoding",
                file = rel,
                role = role,
                count = mapped,
                encoding = e
            ),
            None => t!(lang, "init-placed", file = rel, role = role, count = mapped),
        }
    }
    pub fn fill_in_heading(lang: Lang) -> String {
        t!(lang, "init-fill-in-heading")
    }
    pub fn guesses_heading(lang: Lang) -> String {
        t!(lang, "init-guesses-heading")
    }
    pub fn not_mapped_heading(lang: Lang) -> String {
        t!(lang, "init-not-mapped-heading")
    }
    pub fn column_not_mapped(lang: Lang, rel: &str, column: &str, coll: &str) -> String {
        t!(
            lang,
            "init-column-not-mapped",
            file = rel,
            column = column,
            collection = coll
        )
    }
    pub fn column_like_mapped(
        lang: Lang,
        rel: &str,
        column: &str,
        field: &str,
        mapped: &str,
    ) -> String {
        t!(
            lang,
            "init-column-like-mapped",
            file = rel,
            column = column,
            field = field,
            mapped = mapped
        )
    }
    pub fn unread_dates(lang: Lang, rel: &str, column: &str, values: &[String]) -> String {
        let shown: Vec<String> = values.iter().take(5).map(|v| format!("`{v}`")).collect();
        t!(
            lang,
            "init-unread-dates",
            file = rel,
            column = column,
            values = shown.join(&t!(lang, "list-comma"))
        )
    }
    pub fn next(lang: Lang, dir: &Path) -> String {
        t!(lang, "init-next", dir = dir.display().to_string())
    }
}
