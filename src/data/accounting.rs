//! Input accounting (issue 12): every file of the case directory is either
//! read, with its role, or listed as not read, with why. A data file that no
//! input reads is an input error naming it and saying how to map it: the
//! company's own export `案卷目录.csv` at the case root would otherwise be
//! left out, and every rule over records would pass on nothing.
//!
//! The case root is looked at entry by entry. A root file is classified on
//! its own; a folder that holds an input (or is a policy folder) is looked
//! into file by file; any other folder is one entry, and one input error
//! when it holds data files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::case::{relative, CaseInputs, Given, NotRead};
use super::{walk, InputError};

/// Extensions of files that hold data, read or not by custodia: a file
/// with one of them that no input reads is an input error.
const DATA_LOOKING: [&str; 15] = [
    "csv", "tsv", "txt", "jsonl", "ndjson", "json", "yaml", "yml", "xlsx", "xlsm", "xls", "ods",
    "xml", "dbf", "parquet",
];

/// Conventional names at the case root, for "names are case-sensitive".
const CONVENTIONAL: [(&str, &[&str]); 3] = [
    (
        "inventory",
        &["csv", "jsonl", "json", "yaml", "yml", "xlsx", "xls", "ods"],
    ),
    ("company", &["yaml", "yml", "json"]),
    ("custodia", &["yaml", "yml"]),
];

/// Conventional folders and the role they feed.
const FOLDERS: [(&str, &str); 4] = [
    ("inventory", "inventory"),
    ("logs", "logs"),
    ("tables", "tables"),
    ("policies", "policies"),
];

/// How many names of data files an error on a folder quotes.
const NAMED_IN_FOLDER: usize = 3;

/// Most entries looked at in a folder no input reads. A link there may lead
/// to `/`; a folder too large to look through is an input error (its data,
/// if any, would otherwise go unmentioned).
const MAX_UNREAD_FOLDER_ENTRIES: usize = 10_000;

/// Fills `case.not_read`, and `case.errors` with the data files no input
/// reads and the entries that cannot be read.
pub(super) fn account(case: &mut CaseInputs, given: &Given) {
    let mut book = Book::new(case, given);
    book.ignored_inputs();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(&case.root) {
        Ok(dir) => dir.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            case.errors.push(InputError::file(
                &case.root.display().to_string(),
                &format!("cannot list the case directory: {}", e.kind()),
            ));
            return;
        }
    };
    entries.sort();
    for entry in entries {
        book.root_entry(&entry);
    }
    let Book {
        errors,
        mut not_read,
        ..
    } = book;
    not_read.sort();
    case.errors.extend(errors);
    case.not_read = not_read;
}

/// What is read, and what has been found so far.
struct Book<'a> {
    root: &'a Path,
    given: &'a Given,
    /// Case-relative paths of everything read (files and folders).
    read: Vec<String>,
    /// Case-relative paths of the policy folders and files.
    policies: Vec<String>,
    ignored: Vec<String>,
    /// Paths with an input error already (from discovery), not reported twice.
    reported: BTreeSet<String>,
    errors: Vec<InputError>,
    not_read: Vec<NotRead>,
}

impl<'a> Book<'a> {
    fn new(case: &'a CaseInputs, given: &'a Given) -> Book<'a> {
        let rel = |p: &PathBuf| relative(&case.root, p);
        let mut read: Vec<String> = case.manifest.iter().map(rel).collect();
        read.extend(case.company.iter().map(rel));
        read.extend(case.inventory.iter().map(rel));
        read.extend(case.logs.iter().map(rel));
        read.extend(case.tables.iter().map(|(_, p)| rel(p)));
        let sqlite_files = case
            .databases
            .iter()
            .filter_map(|d| super::db::sqlite_file(d.entry.db.as_ref()?, &case.root));
        read.extend(sqlite_files.map(|p| rel(&p)));
        // A local path Spark reads in place is read (by Spark; a glob: its
        // folder).
        read.extend(
            case.in_place
                .iter()
                .filter_map(|d| match d.entry.spark.as_ref()? {
                    super::source::SparkSource::Path { path, .. }
                        if !path.contains("://") && !path.starts_with("file:") =>
                    {
                        let fixed: PathBuf = Path::new(path)
                            .components()
                            .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?']))
                            .collect();
                        Some(rel(&case.root.join(fixed)))
                    }
                    _ => None,
                }),
        );
        // A policy folder reads only its `.policy` files: not in `read`.
        let policies: Vec<String> = case.policies.iter().map(rel).collect();
        Book {
            root: &case.root,
            given,
            read,
            policies,
            ignored: case.ignore.iter().map(rel).collect(),
            reported: case.errors.iter().map(|e| e.file.clone()).collect(),
            errors: Vec::new(),
            not_read: Vec::new(),
        }
    }

    fn root_entry(&mut self, path: &Path) {
        let rel = relative(self.root, path);
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        if walk::is_hidden(name.as_ref()) {
            return self.skip(&rel, "hidden: the name starts with `.`");
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => self.folder(path, &rel),
            Ok(m) if m.is_file() => self.file(path, &rel),
            _ => {
                if self.reported.contains(&rel) || inside_any(&rel, &self.read) {
                    return self.skip(&rel, "see its input error");
                }
                if inside_any(&rel, &self.ignored) {
                    return self.skip(&rel, "ignored (`ignore:` in custodia.yaml)");
                }
                let message = walk::not_a_regular_file(path)
                    .unwrap_or_else(|| "cannot read this entry".into());
                self.error(&rel, message);
            }
        }
    }

    /// A root folder: looked into file by file when it holds an input.
    fn folder(&mut self, dir: &Path, rel: &str) {
        let holds_input = self
            .read
            .iter()
            .chain(&self.policies)
            .any(|r| is_inside(r, rel) || is_inside(rel, r));
        if !holds_input {
            return self.unread_folder(dir, rel);
        }
        let found = walk::walk(dir, self.root);
        for hidden in &found.hidden {
            self.skip(
                &relative(self.root, hidden),
                "hidden: the name starts with `.`",
            );
        }
        // Entries that cannot be read below an input folder are input
        // errors of the loader, the policy search or `tables/`.
        for (path, message) in &found.problems {
            let r = relative(self.root, path);
            let elsewhere = inside_any(&r, &self.read) || inside_any(&r, &self.policies);
            if elsewhere || self.reported.contains(&r) {
                self.skip(&r, "see its input error");
            } else {
                self.error(&r, message.clone());
            }
        }
        for file in &found.files {
            let r = relative(self.root, file);
            self.file(file, &r);
        }
    }

    /// A root folder that holds no input: one entry, and one input error
    /// when data files are in it.
    fn unread_folder(&mut self, dir: &Path, rel: &str) {
        let shown = format!("{rel}/");
        if self.reported.contains(rel) {
            return self.skip(&shown, "see its input error");
        }
        if inside_any(rel, &self.ignored) {
            return self.skip(&shown, "ignored (`ignore:` in custodia.yaml)");
        }
        if let Some(reason) = self.displaced(rel) {
            return self.skip(&shown, &reason);
        }
        let found = walk::walk_at_most(dir, self.root, MAX_UNREAD_FOLDER_ENTRIES);
        if found.truncated {
            return self.error(
                &shown,
                format!("not read: no input reads this folder, and it holds more than {MAX_UNREAD_FOLDER_ENTRIES} entries, too many to look for data files in; move it out of the case, or list it under `ignore:` in custodia.yaml"),
            );
        }
        // What cannot be looked at may be data: each is an input error.
        for (path, message) in &found.problems {
            let r = relative(self.root, path);
            if !self.reported.contains(&r) {
                self.error(&r, message.clone());
                self.reported.insert(r);
            }
        }
        let data: Vec<String> = found
            .files
            .iter()
            .filter(|f| is_data_looking(f) && !is_custodia_report(f))
            .map(|f| relative(self.root, f))
            .filter(|r| !self.reported.contains(r))
            .collect();
        let files = found.files.len();
        if data.is_empty() && self.reported.iter().any(|r| is_inside(r, rel)) {
            return self.skip(&shown, "see the input errors of the files in it");
        }
        if data.is_empty() {
            let what = if files == 1 { "file" } else { "files" };
            return self.skip(
                &shown,
                &format!("no input reads this folder ({files} {what}, none of them data)"),
            );
        }
        let mut named: Vec<String> = data
            .iter()
            .take(NAMED_IN_FOLDER)
            .map(|d| format!("`{d}`"))
            .collect();
        if data.len() > NAMED_IN_FOLDER {
            named.push(format!("{} more", data.len() - NAMED_IN_FOLDER));
        }
        let how = match near_miss_folder(rel) {
            Some(right) => format!("names are case-sensitive: did you mean `{right}/`?"),
            None => format!(
                "move them under logs/ (events) or tables/ (tables), map them in custodia.yaml (`logs: [{rel}/]`), or list the folder under `ignore:` in custodia.yaml"
            ),
        };
        self.error(
            &shown,
            format!(
                "not read: no input reads this folder, which holds data files ({}); {how}",
                named.join(", ")
            ),
        );
    }

    /// A regular file at the root or in a folder that holds an input.
    fn file(&mut self, path: &Path, rel: &str) {
        if inside_any(rel, &self.read) {
            return;
        }
        if self.reported.contains(rel) {
            return self.skip(rel, "see its input error");
        }
        if inside_any(rel, &self.ignored) {
            return self.skip(rel, "ignored (`ignore:` in custodia.yaml)");
        }
        if inside_any(rel, &self.policies) {
            if extension(path) == "policy" {
                return; // read by the policy search
            }
            if is_data_looking(path) {
                return self.error(rel, unread_data_message(rel, false));
            }
            return self.skip(rel, "not a .policy file");
        }
        if is_data_looking(path) && is_custodia_report(path) {
            return self.skip(rel, "a report written by custodia");
        }
        if let Some(reason) = self.displaced(rel) {
            return self.skip(rel, &reason);
        }
        let at_root = !rel.contains('/');
        let ext = extension(path);
        if ext == "policy" {
            if at_root {
                return self.error(rel, "not read: a policy file at the case root; put it in policies/, or name it in custodia.yaml (`policies: [policies/, ...]`)".into());
            }
            return self.skip(rel, "a policy file outside the policy paths (`custodia test` runs the tests in such files)");
        }
        if is_data_looking(path) {
            return self.error(rel, unread_data_message(rel, at_root));
        }
        self.skip(
            rel,
            "not a data file (custodia reads .csv, .jsonl, .json, .yaml, .yml, .xlsx, .xls, .ods)",
        );
    }

    /// Why a conventional input was not read: its role was given elsewhere.
    fn displaced(&self, rel: &str) -> Option<String> {
        // A conventional folder or a file in it, else a conventional file.
        let top = rel.split('/').next().unwrap_or(rel);
        let role = FOLDERS
            .iter()
            .find(|(folder, _)| *folder == top)
            .map(|(_, role)| *role)
            .or_else(|| {
                let (stem, ext) = rel.rsplit_once('.')?;
                CONVENTIONAL[..2]
                    .iter()
                    .find(|(s, exts)| *s == stem && exts.contains(&ext))
                    .map(|(s, _)| *s)
            })?;
        let place = self.given.roles.get(role)?;
        let flag = match role {
            "logs" => "--logs",
            "tables" => "--table",
            "policies" => "--policy",
            "company" => "--company",
            _ => "--inventory",
        };
        let how = match *place {
            "custodia.yaml" => format!("`{role}:` in custodia.yaml"),
            _ => flag.to_string(),
        };
        Some(format!("{how} names the {role} to read instead"))
    }

    fn skip(&mut self, rel: &str, reason: &str) {
        self.not_read.push(NotRead {
            path: rel.to_string(),
            reason: reason.to_string(),
        });
    }

    /// An `ignore:` entry that covers a file the run reads (the logs folder,
    /// the inventory): the user believes it is left out while its rows are
    /// checked, or a rule reads it unseen. Neither may pass quietly.
    fn ignored_inputs(&mut self) {
        for ignored in &self.ignored {
            let input = self
                .read
                .iter()
                .chain(&self.policies)
                .find(|r| is_inside(r, ignored) || is_inside(ignored, r));
            if let Some(input) = input {
                self.errors.push(InputError::file(
                    ignored,
                    &format!("`ignore:` in custodia.yaml names `{ignored}`, but `{input}` is read as an input of the check; remove it from `ignore:`, or move it out of the case (or out of the folder the case reads)"),
                ));
            }
        }
    }

    fn error(&mut self, rel: &str, message: String) {
        self.skip(rel, "see its input error");
        self.errors.push(InputError::file(rel, &message));
    }
}

/// Whether `rel` is `base` or below it.
fn is_inside(rel: &str, base: &str) -> bool {
    rel == base
        || rel
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with('/') || base.ends_with('/'))
}

fn inside_any(rel: &str, bases: &[String]) -> bool {
    bases.iter().any(|b| is_inside(rel, b))
}

fn extension(p: &Path) -> String {
    p.extension()
        .map_or(String::new(), |e| e.to_string_lossy().into_owned())
}

fn is_data_looking(p: &Path) -> bool {
    DATA_LOOKING.contains(&extension(p).to_ascii_lowercase().as_str())
}

/// The message for a data file no input reads: how to make it read.
fn unread_data_message(rel: &str, at_root: bool) -> String {
    let (stem, ext) = rel.rsplit_once('.').unwrap_or((rel, ""));
    if at_root {
        let near = CONVENTIONAL
            .iter()
            .find(|(s, _)| stem.eq_ignore_ascii_case(s));
        if let Some((right, exts)) = near {
            let lower = ext.to_ascii_lowercase();
            return match exts.contains(&lower.as_str()) {
                true => {
                    format!("not read: names are case-sensitive: did you mean `{right}.{lower}`?")
                }
                false => format!(
                    "not read: `{right}` is read from .{} files; save it in one of those formats",
                    exts.join(", .")
                ),
            };
        }
    }
    let readable = super::case::is_data_file(Path::new(rel));
    let export = match readable {
        true => "",
        false => "custodia reads .csv, .jsonl, .json, .yaml, .yml, .xlsx, .xls, .ods: export it to one of them, then ",
    };
    format!(
        "not read: the name matches no input; {export}name it inventory.csv, put it under logs/, or map it in custodia.yaml (`inventory: {rel}`); or list it under `ignore:` in custodia.yaml"
    )
}

/// `Logs` for `logs`: a root folder whose name differs from a conventional
/// one only in case.
fn near_miss_folder(rel: &str) -> Option<&'static str> {
    FOLDERS
        .iter()
        .map(|(f, _)| *f)
        .find(|f| rel.eq_ignore_ascii_case(f) && rel != *f)
}

/// Whether a file is a report custodia wrote (JSON, SARIF, JUnit, GitHub
/// annotations): a run that writes its report into the case directory must
/// not find it as unread data next time.
fn is_custodia_report(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 2048];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    let text = text.trim_start();
    (text.starts_with('{') && text.contains("\"name\": \"custodia\""))
        || (text.starts_with("<?xml") && text.contains("package=\"custodia."))
        || (text.starts_with("::") && text.contains("title=custodia "))
}
