//! Finds the inputs of a case directory (data-and-reports.md section 1): the
//! conventions, then `custodia.yaml`, then command-line flags, each
//! overriding the one before.

use crate::msg;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use super::mapping::Mappings;
use super::source::{self, Resolved, Role, Source, Sources};
use super::{walk, InputError};

/// `custodia.yaml`. Unknown keys are errors naming the key.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub inventory: Option<Source>,
    pub logs: Option<Sources>,
    pub tables: Option<BTreeMap<String, Source>>,
    pub company: Option<String>,
    pub policies: Option<OneOrMany>,
    pub packs: Option<Vec<String>>,
    pub time_zone: Option<String>,
    pub as_of: Option<String>,
    pub fail_on: Option<String>,
    /// The language of the reports (`zh`, `en`); `--lang` overrides it.
    pub lang: Option<String>,
    /// Text encoding of the data files (`gb18030`, ...); default UTF-8.
    pub encoding: Option<String>,
    /// Files and folders of the case that are knowingly not read: listed in
    /// the report as such, and no input error for holding data.
    pub ignore: Option<OneOrMany>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// Overrides given on the command line.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub policies: Vec<PathBuf>,
    pub inventory: Option<PathBuf>,
    pub logs: Vec<PathBuf>,
    pub tables: Vec<(String, PathBuf)>,
    pub company: Option<PathBuf>,
    pub packs: Vec<String>,
    /// `--encoding`: overrides `encoding:` in the manifest.
    pub encoding: Option<String>,
    /// `--lang`: the language of the messages about the case's inputs.
    pub lang: Option<crate::i18n::Lang>,
}

/// Everything a check reads, resolved to paths, and what it does not read.
///
/// A role without a source is `None` or empty: `company: None` means no
/// company file was found or given (or the one found could not be read; an
/// input error in `errors` then says why), so rules over the company have
/// no data; likewise an empty `inventory`, `logs` or `tables`.
#[derive(Debug, Default, Clone)]
pub struct CaseInputs {
    pub root: PathBuf,
    pub company: Option<PathBuf>,
    pub inventory: Vec<PathBuf>,
    pub logs: Vec<PathBuf>,
    pub tables: Vec<(String, PathBuf)>,
    /// The source entries that read a database table or query, in manifest
    /// order (docs/databases.md); the file entries are in `mappings`.
    pub databases: Vec<Resolved>,
    /// The source entries Spark reads itself (`spark:`), in manifest order
    /// (docs/spark.md, "Reading in place"); the loader reads none of them.
    pub in_place: Vec<Resolved>,
    pub policies: Vec<PathBuf>,
    pub packs: Vec<String>,
    /// Whether `packs` was chosen (`packs:` in the manifest, even `[]`, or
    /// `--pack`): then a case's own policies get exactly those packs, not
    /// the defaults (docs/packs.md).
    pub packs_chosen: bool,
    pub time_zone: Option<String>,
    pub as_of: Option<String>,
    pub fail_on: Option<String>,
    /// `lang:` of the manifest, as written.
    pub lang: Option<String>,
    pub manifest: Option<PathBuf>,
    pub encoding: Option<String>,
    /// `ignore:` of the manifest, resolved.
    pub ignore: Vec<PathBuf>,
    /// Files of an entry refused at its line (`header_row:` out of
    /// bounds): not read, and listed as "see its input error".
    pub refused: Vec<PathBuf>,
    /// Every file (or folder) of the case directory that no input reads,
    /// with why; see `accounting`.
    pub not_read: Vec<NotRead>,
    /// The source entries of the manifest, by the file they name: how each
    /// is read and mapped (docs/mapping.md).
    pub mappings: Mappings,
    /// What finding the inputs ran into: a conventional input that cannot
    /// be read, two inventories, a data file no input reads. They make the
    /// check incomplete like any input error.
    pub errors: Vec<InputError>,
}

/// A file or folder of the case that the check does not read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NotRead {
    /// Relative to the case directory; a folder ends in `/`.
    pub path: String,
    pub reason: String,
    /// Left out by `ignore:` while it holds data (rows, a sheet with
    /// values, a table with rows): the line of `ignore:` in custodia.yaml.
    /// Scope not checked, as rows a `skip:` leaves out are (docs/reports.md,
    /// "Data left out by `ignore:`").
    pub ignored_data: Option<u32>,
}

impl NotRead {
    /// An entry not read for `reason`, holding no data left out.
    pub fn new(path: String, reason: String) -> NotRead {
        NotRead {
            path,
            reason,
            ignored_data: None,
        }
    }

    /// An entry the `ignore:` of the manifest in `root` covers; `data`: it
    /// holds data.
    pub fn ignored(root: &Path, path: String, data: bool) -> NotRead {
        NotRead {
            path,
            reason: crate::msg!("account-ignored").words(),
            ignored_data: data.then(|| ignore_line(root)),
        }
    }
}

/// The line of the `ignore:` key in the case's manifest (1 when it cannot
/// be told: the report still points at the file).
pub fn ignore_line(root: &Path) -> u32 {
    manifest_key_line(root, "ignore")
}

/// The line of custodia.yaml (or custodia.yml) where top-level `key:` is
/// written; 1 when it cannot be found (a flow mapping, an anchor).
pub fn manifest_key_line(root: &Path, key: &str) -> u32 {
    let text = ["custodia.yaml", "custodia.yml"]
        .iter()
        .find_map(|name| std::fs::read_to_string(root.join(name)).ok())
        .unwrap_or_default();
    let at = text.lines().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    at.map_or(1, |i| i as u32 + 1)
}

/// Where a role's source was chosen instead of by the conventions, for the
/// report's reason why a conventional file was not read.
#[derive(Debug, Default)]
pub(super) struct Given {
    pub(super) roles: BTreeMap<&'static str, &'static str>,
}

/// Parquet is listed even in a build without the `parquet` feature, so
/// that such a file is an input error saying so, not a file left unread.
const DATA_EXTENSIONS: [&str; 9] = [
    "csv", "jsonl", "json", "yaml", "yml", "xlsx", "xls", "ods", "parquet",
];

pub fn is_data_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATA_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Resolves the inputs of `root`. A missing case directory or a bad manifest
/// is an input error; the caller stops there. Every other problem finding
/// the inputs is in `CaseInputs::errors`, and every file of the case that
/// is not read is in `CaseInputs::not_read`.
pub fn discover(root: &Path, flags: &Overrides) -> Result<CaseInputs, Vec<InputError>> {
    if !root.is_dir() {
        return Err(vec![InputError::file(
            &root.display().to_string(),
            &msg!("case-no-directory").words(),
        )]);
    }
    let mut case = CaseInputs {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let manifest = match manifest_path(root)? {
        Some(path) => {
            let m = read_manifest(&path)?;
            case.manifest = Some(path);
            m
        }
        None => Manifest::default(),
    };
    let mut given = Given::default();
    let mut errors = Vec::new();
    case.company = match manifest.company {
        Some(p) => given.set("company", Some(root.join(p))),
        None => conventional(
            root,
            "company",
            &["yaml", "yml", "json"],
            false,
            &mut errors,
        ),
    };
    let mut mappings = Mappings {
        manifest: case
            .manifest
            .as_deref()
            .map_or("custodia.yaml".into(), |m| relative(root, m)),
        // As the run's language is chosen (`app::case_lang`); a `lang:`
        // custodia does not write is refused there.
        lang: crate::i18n::Lang::choose(
            flags.lang,
            manifest.lang.as_deref().and_then(crate::i18n::Lang::parse),
        ),
        ..Default::default()
    };
    let mut databases = Vec::new();
    let mut in_place = Vec::new();
    // Files of an entry whose `header_row:` is out of bounds: not read
    // (an error at its line says why), and not "named by no input".
    let mut unreadable = Vec::new();
    let mut resolve = |mut s: Source, role: Role, errors: &mut Vec<InputError>| {
        if let Some(message) = s.0.out_of_bounds() {
            errors.push(InputError {
                line: (s.0.line > 0).then_some(s.0.line),
                ..InputError::file(&mappings.manifest, &message)
            });
            if let Some(db) = &mut s.0.db {
                // Read with the longest timeout accepted: the error above
                // already makes the check incomplete.
                db.timeout_seconds = Some(source::MAX_TIMEOUT_SECONDS);
            } else {
                unreadable.extend(source::expand(root, &s.0, mappings.lang).unwrap_or_default());
                return Vec::new();
            }
        }
        if s.0.spark.is_some() {
            in_place.push(Resolved { role, entry: s.0 });
            return Vec::new();
        }
        if s.0.db.is_some() {
            // A database source names no file: it is read by `data::db`.
            databases.push(Resolved { role, entry: s.0 });
            return Vec::new();
        }
        resolve_source(root, s.0, role, &mut mappings, errors)
    };
    case.inventory = match manifest.inventory {
        Some(s) => given.set("inventory", resolve(s, Role::Inventory, &mut errors)),
        None => conventional(root, "inventory", &DATA_EXTENSIONS, true, &mut errors)
            .into_iter()
            .collect(),
    };
    case.logs = match manifest.logs {
        Some(l) => given.set(
            "logs",
            l.0.into_iter()
                .flat_map(|s| resolve(s, Role::Log, &mut errors))
                .collect(),
        ),
        None => conventional_folder(root, "logs", &mut errors)
            .into_iter()
            .collect(),
    };
    case.tables = match manifest.tables {
        Some(t) => given.set(
            "tables",
            t.into_iter()
                .flat_map(|(k, s)| {
                    resolve(s, Role::Table(k.clone()), &mut errors)
                        .into_iter()
                        .map(move |p| (k.clone(), p))
                })
                .collect(),
        ),
        None => conventional_folder(root, "tables", &mut errors)
            .map(|dir| tables_in(&dir, root, &mut errors))
            .unwrap_or_default(),
    };
    case.policies = match manifest.policies {
        Some(p) => given.set(
            "policies",
            p.into_vec().into_iter().map(|p| root.join(p)).collect(),
        ),
        None => conventional_folder(root, "policies", &mut errors)
            .into_iter()
            .collect(),
    };
    for (path, error) in mappings.refuse_disagreeing_reads(root) {
        errors.push(error);
        case.inventory.retain(|p| *p != path);
        case.logs.retain(|p| *p != path);
        case.tables.retain(|(_, p)| *p != path);
        unreadable.push(path);
    }
    case.mappings = mappings;
    case.databases = databases;
    case.in_place = in_place;
    case.ignore = manifest
        .ignore
        .map(|i| i.into_vec().into_iter().map(|p| root.join(p)).collect())
        .unwrap_or_default();
    case.refused = unreadable;
    case.packs_chosen = manifest.packs.is_some();
    case.packs = manifest.packs.unwrap_or_default();
    case.time_zone = manifest.time_zone;
    case.as_of = manifest.as_of;
    case.fail_on = manifest.fail_on;
    case.lang = manifest.lang;
    case.encoding = manifest.encoding;
    apply(&mut case, flags, &mut given);
    case.errors = errors;
    super::accounting::account(&mut case, &given);
    Ok(case)
}

/// The files of one source entry; a long-form entry is kept for the loader,
/// under each file it names. A pattern that matches nothing is an error at
/// the entry's line.
fn resolve_source(
    root: &Path,
    entry: source::SourceEntry,
    role: Role,
    mappings: &mut Mappings,
    errors: &mut Vec<InputError>,
) -> Vec<PathBuf> {
    let mut paths = match source::expand(root, &entry, mappings.lang) {
        Ok(p) => p,
        Err(message) => {
            errors.push(InputError {
                line: (entry.line > 0).then_some(entry.line),
                ..InputError::file(&mappings.manifest, &message)
            });
            return Vec::new();
        }
    };
    // A file two of the entry's names match (`files: [OA.csv, O*.csv]`) is
    // the entry's once: it was read twice, and its rows "selected by two
    // entries (lines 5 and 5)".
    let mut seen = std::collections::HashSet::new();
    paths.retain(|p| seen.insert(p.clone()));
    let reads_otherwise = entry.maps() || entry.encoding.is_some() || !entry.read.is_default();
    if let Some(folder) = paths.iter().find(|p| reads_otherwise && p.is_dir()) {
        // The entry's mapping would not reach the files below the folder.
        let message =
            super::mapping::messages::folder_entry(mappings.lang, &relative(root, folder));
        errors.push(InputError {
            line: (entry.line > 0).then_some(entry.line),
            ..InputError::file(&mappings.manifest, &message)
        });
        return Vec::new();
    }
    if entry.long {
        for p in &paths {
            mappings
                .entries
                .entry(p.clone())
                .or_default()
                .push(Resolved {
                    role: role.clone(),
                    entry: entry.clone(),
                });
        }
    }
    paths
}

impl Given {
    /// Records that `role` was given in the manifest; returns `value`.
    fn set<T>(&mut self, role: &'static str, value: T) -> T {
        self.roles.insert(role, "custodia.yaml");
        value
    }
}

/// `custodia.yaml`, else `custodia.yml`; both at once is an error (which
/// one holds the settings would be a guess).
fn manifest_path(root: &Path) -> Result<Option<PathBuf>, Vec<InputError>> {
    let present: Vec<PathBuf> = ["custodia.yaml", "custodia.yml"]
        .iter()
        .map(|n| root.join(n))
        .filter(|p| exists(p))
        .collect();
    match present.as_slice() {
        [] => Ok(None),
        [one] => match walk::not_a_regular_file(one) {
            None => Ok(Some(one.clone())),
            Some(message) => Err(vec![InputError::file(&relative(root, one), &message)]),
        },
        _ => Err(vec![InputError::file(
            "custodia.yml",
            &msg!("case-two-manifests").words(),
        )]),
    }
}

/// The language the case's manifest asks for, read from its top-level
/// `lang:` line alone: so that an error in a manifest that says `lang: zh`
/// is written in Chinese although the manifest as a whole cannot be read.
/// `None` without a manifest, without such a line, or for a language
/// custodia does not write (`case_lang` refuses it once the manifest reads).
pub fn manifest_lang_hint(root: &Path) -> Option<crate::i18n::Lang> {
    let path = manifest_path(root).ok().flatten()?;
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|line| {
        let value = line.strip_prefix("lang:")?;
        let value = value.split('#').next().unwrap_or_default().trim();
        crate::i18n::Lang::parse(value.trim_matches(|c| c == '"' || c == '\''))
    })
}

/// Whether anything (a file, a folder, a link even to nothing) has this name.
fn exists(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok()
}

/// The one conventional source `STEM.EXT` (or, when `folder`, `STEM/`) of
/// a role. Two of them present, or one that is not a readable file (a
/// dangling link, a folder named `inventory.csv`, a FIFO), is an input
/// error naming it: never "the case has no inventory".
fn conventional(
    root: &Path,
    stem: &str,
    exts: &[&str],
    folder: bool,
    errors: &mut Vec<InputError>,
) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = exts
        .iter()
        .map(|e| root.join(format!("{stem}.{e}")))
        .collect();
    if folder {
        candidates.push(root.join(stem));
    }
    let present: Vec<PathBuf> = candidates.into_iter().filter(|p| exists(p)).collect();
    let first = present.first()?;
    let first_rel = relative(root, first);
    for other in &present[1..] {
        let rel = relative(root, other);
        let shown = if rel == stem {
            format!("{rel}/")
        } else {
            rel.clone()
        };
        errors.push(InputError::file(
            &rel,
            &msg!(
                "case-second-input",
                stem = stem,
                first = first_rel.as_str(),
                second = shown
            )
            .words(),
        ));
    }
    let problem = if folder && first.file_name() == Some(stem.as_ref()) {
        match std::fs::metadata(first) {
            Ok(m) if m.is_dir() => None,
            _ => walk::not_a_regular_file(first)
                .or_else(|| Some(msg!("case-file-not-folder-no-extension").words())),
        }
    } else {
        walk::not_a_regular_file(first)
    };
    match problem {
        None => Some(first.clone()),
        Some(message) => {
            errors.push(InputError::file(&first_rel, &message));
            None
        }
    }
}

/// The conventional folder `NAME/`, when there is one; an input error when
/// something by that name is not a readable folder.
fn conventional_folder(root: &Path, name: &str, errors: &mut Vec<InputError>) -> Option<PathBuf> {
    let dir = root.join(name);
    if !exists(&dir) {
        return None;
    }
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => Some(dir),
        _ => {
            let message = walk::not_a_regular_file(&dir)
                .unwrap_or_else(|| msg!("case-file-not-folder").words());
            errors.push(InputError::file(name, &message));
            None
        }
    }
}

fn apply(case: &mut CaseInputs, flags: &Overrides, given: &mut Given) {
    let mut flag = |role| {
        given.roles.insert(role, "command-line");
    };
    if !flags.policies.is_empty() {
        case.policies = flags.policies.clone();
        flag("policies");
    }
    if let Some(i) = &flags.inventory {
        case.inventory = vec![i.clone()];
        case.databases.retain(|d| d.role != Role::Inventory);
        flag("inventory");
    }
    if !flags.logs.is_empty() {
        case.logs = flags.logs.clone();
        case.databases.retain(|d| d.role != Role::Log);
        flag("logs");
    }
    // A `--table NAME=FILE` replaces what the manifest or `tables/` gives
    // for NAME; repeated for one NAME, every file given is read, as
    // repeated `--logs` are (hostile review h23c, 2026-12-07: the earlier
    // files were dropped unseen, a false pass).
    for (name, _) in &flags.tables {
        case.tables.retain(|(n, _)| n != name);
        case.databases
            .retain(|d| d.role.table() != Some(name.as_str()));
    }
    for (name, path) in &flags.tables {
        case.tables.push((name.clone(), path.clone()));
        flag("tables");
    }
    if let Some(c) = &flags.company {
        case.company = Some(c.clone());
        flag("company");
    }
    if !flags.packs.is_empty() {
        case.packs_chosen = true;
        case.packs = flags.packs.clone();
    }
    if flags.encoding.is_some() {
        case.encoding = flags.encoding.clone();
    }
}

/// Whether `text` reads as a custodia.yaml (a part of one kept beside the
/// case, as scripts/spark-diff's `spark-in-place.yaml`): settings, no data.
pub(super) fn reads_as_manifest(text: &str) -> bool {
    serde_saphyr::from_str::<Manifest>(text).is_ok()
}

fn read_manifest(path: &Path) -> Result<Manifest, Vec<InputError>> {
    let name = path
        .file_name()
        .map_or("custodia.yaml".into(), |n| n.to_string_lossy().into_owned());
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![InputError::file(
            &name,
            &msg!("case-cannot-read-manifest", reason = &e).words(),
        )]
    })?;
    if text.trim().is_empty() {
        return Ok(Manifest::default());
    }
    serde_saphyr::from_str::<Manifest>(&text).map_err(|e| {
        let (line, column) = e.location().map_or((None, None), |l| {
            (Some(l.line() as u32), Some(l.column() as u32))
        });
        // A syntax error in the user's terms (review R28); serde's field
        // messages ("unknown field `x`, expected one of …") and custodia's
        // own are framed in the run's language, Rust's type names put
        // plainly.
        let lang = crate::i18n::message_lang();
        let message = match super::yaml_errors::syntax(&e) {
            Some(m) => m.words(),
            None => crate::i18n::serde_frame::words(&first_line(&e.to_string()), lang),
        };
        vec![InputError {
            file: name.clone(),
            line,
            column,
            field: None,
            value: None,
            message,
        }]
    })
}

/// The first line of an error message from a parser, without its own
/// location suffix (we print the location ourselves).
pub fn first_line(msg: &str) -> String {
    let line = msg.lines().next().unwrap_or(msg);
    // serde-saphyr starts with `error: line N column M: `.
    let line = match line.strip_prefix("error: line ") {
        Some(rest) => rest.split_once(": ").map_or(line, |(_, m)| m),
        None => line,
    };
    match line.find(" at line ") {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

/// The tables of `tables/`: one file per table, named after it. A file in
/// a sub-folder is not read (which table it is would be a guess from a
/// path): an input error says how to map it.
fn tables_in(dir: &Path, root: &Path, errors: &mut Vec<InputError>) -> Vec<(String, PathBuf)> {
    let found = walk::walk(dir, root);
    for (path, message) in &found.problems {
        errors.push(InputError::file(&relative(root, path), message));
    }
    let mut out = Vec::new();
    for path in found.files {
        let rel = relative(root, &path);
        if path.parent() != Some(dir) {
            let stem = path
                .file_stem()
                .map_or("NAME".into(), |s| s.to_string_lossy());
            errors.push(InputError::file(
                &rel,
                &msg!(
                    "case-table-in-subfolder",
                    stem = stem.as_ref(),
                    file = rel.as_str()
                )
                .words(),
            ));
            continue;
        }
        if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
            out.push((stem.to_string(), path.clone()));
        }
    }
    out.sort();
    out
}

/// Display path of `p` relative to the case directory, with `/` separators.
/// A path outside the case is shown whole, as an absolute path when it was
/// given as one.
pub fn relative(root: &Path, p: &Path) -> String {
    match p.strip_prefix(root) {
        Ok(rel) => slash_separated(rel),
        Err(_) => match inside_absolute(root, p) {
            Some(rel) => slash_separated(&rel),
            None => slash_separated(p),
        },
    }
}

/// `p` relative to `root` when both, made absolute against the working
/// directory, are one inside the other: a case given as `examples/acme`
/// with `--policy /abs/examples/acme/x.policy` still shows `x.policy`.
/// Lexical only (`std::path::absolute` follows no links), so a link inside
/// the case that leads elsewhere keeps its name in the case.
fn inside_absolute(root: &Path, p: &Path) -> Option<PathBuf> {
    let root = std::path::absolute(root).ok()?;
    let p = std::path::absolute(p).ok()?;
    p.strip_prefix(&root).ok().map(Path::to_path_buf)
}

/// `p` with `/` between its parts. The root component is itself a
/// separator, so it is not joined like a name (that printed `//tmp/x`).
fn slash_separated(p: &Path) -> String {
    let mut out = String::new();
    for c in p.components() {
        match c {
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            part => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&part.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_the_case_is_shown_from_the_case() {
        let root = Path::new("/cases/acme");
        assert_eq!(
            relative(root, Path::new("/cases/acme/policies/a.policy")),
            "policies/a.policy"
        );
        let root = Path::new("examples/acme");
        assert_eq!(
            relative(root, Path::new("examples/acme/inventory.csv")),
            "inventory.csv"
        );
    }

    #[test]
    fn an_absolute_path_outside_the_case_keeps_one_leading_slash() {
        let root = Path::new("/cases/acme");
        assert_eq!(relative(root, Path::new("/tmp/x.policy")), "/tmp/x.policy");
        let root = Path::new("examples/acme");
        assert_eq!(relative(root, Path::new("/tmp/x.policy")), "/tmp/x.policy");
    }

    #[test]
    fn a_relative_path_outside_the_case_is_shown_as_given() {
        let root = Path::new("examples/acme");
        assert_eq!(
            relative(root, Path::new("other/x.policy")),
            "other/x.policy"
        );
        assert_eq!(relative(root, Path::new("../x.policy")), "../x.policy");
    }

    #[test]
    fn a_case_and_a_file_given_differently_still_meet() {
        // The case relative to the working directory, the file absolute (or
        // with a leading `./`): both name the same place.
        let cwd = std::env::current_dir().expect("the tests run in a directory");
        let root = Path::new("examples/acme");
        let abs = cwd.join("examples/acme/policies/a.policy");
        assert_eq!(relative(root, &abs), "policies/a.policy");
        assert_eq!(
            relative(&cwd.join(root), Path::new("examples/acme/x.csv")),
            "x.csv"
        );
        assert_eq!(relative(root, Path::new("./examples/acme/x.csv")), "x.csv");
    }
}
