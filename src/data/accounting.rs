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

use crate::msg;
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

/// Hidden folders at the case root that are not looked into: those of
/// version control (`.git`, `.svn`, `.hg`, `.bzr`, `.jj`), editors and
/// IDEs (`.idea`, `.vscode`, `.vs`, `.fleet`), CI settings (`.github`,
/// `.gitlab`), and the operating system's (`.Trash`, `.Trashes`,
/// `.fseventsd`, `.Spotlight-V100`, `.TemporaryItems`,
/// `.DocumentRevisions-V100`).
/// Any other hidden folder at the root (`.补录/`, `.old/`, `.backup/`) is
/// looked into as one under `logs/` is (docs/inputs-and-reports.md).
const TOOL_FOLDERS: [&str; 17] = [
    ".git",
    ".svn",
    ".hg",
    ".bzr",
    ".jj",
    ".idea",
    ".vscode",
    ".vs",
    ".fleet",
    ".github",
    ".gitlab",
    ".Trash",
    ".Trashes",
    ".fseventsd",
    ".Spotlight-V100",
    ".TemporaryItems",
    ".DocumentRevisions-V100",
];

/// Whether `name`, a hidden root folder's, is one of [`TOOL_FOLDERS`],
/// by exact name.
fn is_tool_folder(name: &str) -> bool {
    TOOL_FOLDERS.contains(&name)
}

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
                &msg!("account-cannot-list-case", reason = &e).words(),
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
    /// The files the policies are read from, resolved: a policy file
    /// elsewhere that a link in `policies/` reaches is read.
    policy_targets: BTreeSet<PathBuf>,
    ignored: Vec<String>,
    /// The manifest read (case-relative), if any.
    manifest: Option<String>,
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
        // The files SQLite keeps beside a database are part of it: its
        // write-ahead log was read with it (db_unread notes each one).
        for file in sqlite_files {
            let file = rel(&file);
            for suffix in ["-wal", "-shm", "-journal"] {
                read.push(format!("{file}{suffix}"));
            }
            read.push(file);
        }
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
            policy_targets: resolved_files(&case.policies),
            ignored: case.ignore.iter().map(rel).collect(),
            manifest: case.manifest.as_ref().map(rel),
            reported: (case.errors.iter().map(|e| e.file.clone()))
                .chain(case.refused.iter().map(rel))
                .collect(),
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
            return self.hidden(path, &rel);
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => self.folder(path, &rel),
            Ok(m) if m.is_file() => self.file(path, &rel),
            _ => {
                if self.reported.contains(&rel) || inside_any(&rel, &self.read) {
                    return self.skip(&rel, &msg!("account-see-input-error").words());
                }
                if inside_any(&rel, &self.ignored) {
                    return self.skip(&rel, &msg!("account-ignored").words());
                }
                let message = walk::not_a_regular_file(path)
                    .unwrap_or_else(|| msg!("walk-cannot-read-entry").words());
                self.error(&rel, message);
            }
        }
    }

    /// A hidden entry (name starting with `.`): not read, and listed.
    /// **Decision (2026-12-05)**: a hidden regular file with a data
    /// extension that holds something is an input error, not "hidden": a
    /// `logs/.destruction-2025.csv` holding a held record's destruction was
    /// listed as hidden and the run said COMPLIANT (hostile review). macOS's
    /// `._` companions (AppleDouble, not data) stay listed, and so does a
    /// JSON or YAML file whose text does not read as rows (a tool's
    /// settings); a hidden folder is not entered.
    /// **Decision (2026-12-05, second hostile review)**: as anywhere else,
    /// a file counts as data by its text whatever its extension: a
    /// `logs/.destruction-2025` or `logs/.destruction.jsonl.bak` holding
    /// rows was only listed as hidden, and the run said COMPLIANT.
    fn hidden(&mut self, path: &Path, rel: &str) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let file = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
        // A tool's settings (`.gitlab-ci.yml`, `.prettierrc.json`) are
        // JSON or YAML too: those count only when their text reads as rows.
        let settings =
            ["json", "yaml", "yml"].contains(&extension(path).to_ascii_lowercase().as_str());
        let data = file
            && !name.as_deref().is_some_and(|n| n.starts_with("._"))
            && !super::own_reports::holds_nothing(path)
            && match (is_data_looking(path), settings) {
                (true, false) => true,
                _ => {
                    unreadable_data_message(path, rel).is_some()
                        || reads_as_data(path).is_some()
                        || super::workbook_like::of_file(path).is_some()
                }
            };
        // A hidden folder (`logs/.2025/`, or `.补录/` at the root) is looked
        // into, and an error when it holds data. **Decision (2026-12-08,
        // hostile review h23a F5)**: a root `.补录/销毁清册.csv` was listed
        // as hidden and the run said COMPLIANT, while `.补录.csv` beside it
        // was an error. Only the folders of version control, editors and
        // the operating system at the root (`TOOL_FOLDERS`) are not.
        let folder = (rel.contains('/') || !is_tool_folder(name.as_deref().unwrap_or("")))
            && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
        if folder && !inside_any(rel, &self.ignored) {
            let found = walk::walk_at_most(path, self.root, MAX_UNREAD_FOLDER_ENTRIES);
            let holds_data =
                found.truncated || found.files.iter().any(|f| holds_data(f) && !passed_over(f));
            if holds_data {
                return self.error(
                    &format!("{rel}/"),
                    msg!("account-hidden-folder-data").words(),
                );
            }
        }
        // As the policy search refuses a hidden `.policy` file among the
        // policies, a hidden one custodia.yaml's `policies:` leaves out is
        // not only "hidden" (an editor's swap file is no policy).
        if file && extension(path) == "policy" && self.in_policies_the_manifest_displaces(rel) {
            return self.error(rel, msg!("account-policy-not-listed").words());
        }
        // `.custodia.yaml`: named like the manifest (`manifest_like`).
        let like = name.as_deref().and_then(manifest_like);
        if let (true, false, Some(like)) = (file, rel.contains('/'), like) {
            if !inside_any(rel, &self.ignored) {
                return self.manifest_like(rel, like);
            }
        }
        if !data {
            return self.skip(rel, &msg!("account-hidden").words());
        }
        if inside_any(rel, &self.ignored) {
            return self
                .not_read
                .push(NotRead::ignored(self.root, rel.to_string(), true));
        }
        self.error(rel, msg!("account-hidden-data").words());
    }

    /// A root folder: looked into file by file when it holds an input.
    fn folder(&mut self, dir: &Path, rel: &str) {
        let holds_input = self
            .read
            .iter()
            .chain(&self.policies)
            .any(|r| is_inside(r, rel) || is_inside(rel, r));
        // Each policy file of a `policies/` folder custodia.yaml leaves out
        // is accounted for on its own (`policy_left_off_manifest`).
        if !holds_input && !self.in_policies_the_manifest_displaces(rel) {
            return self.unread_folder(dir, rel);
        }
        let found = walk::walk(dir, self.root);
        for hidden in &found.hidden {
            self.hidden(hidden, &relative(self.root, hidden));
        }
        // Entries that cannot be read below an input folder are input
        // errors of the loader, the policy search or `tables/`.
        for (path, message) in &found.problems {
            let r = relative(self.root, path);
            let elsewhere = inside_any(&r, &self.read) || inside_any(&r, &self.policies);
            if elsewhere || self.reported.contains(&r) {
                self.skip(&r, &msg!("account-see-input-error").words());
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
            return self.skip(&shown, &msg!("account-see-input-error").words());
        }
        if inside_any(rel, &self.ignored) {
            let data = self.folder_holds_data(dir);
            return self.not_read.push(NotRead::ignored(self.root, shown, data));
        }
        // A logs/ folder custodia.yaml's `logs:` leaves out falls through
        // when it holds data: its data files are errors, as in any folder
        // no input reads.
        let displaced = self.displaced(rel);
        if let Some(reason) = &displaced {
            if self.given_elsewhere(rel).is_none() {
                return self.skip(&shown, reason);
            }
        }
        let found = walk::walk_at_most(dir, self.root, MAX_UNREAD_FOLDER_ENTRIES);
        if found.truncated {
            return self.error(
                &shown,
                msg!("account-folder-too-large", max = MAX_UNREAD_FOLDER_ENTRIES).words(),
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
        // A hidden data file or folder in it is an input error, as in any
        // folder (third hostile re-test, 2026-12-06: `存档/.销毁清册.csv`
        // was "0 files, none of them data").
        for hidden in &found.hidden {
            if hidden_may_hold_data(hidden, self.root) {
                self.hidden(hidden, &relative(self.root, hidden));
            }
        }
        // A policy file holding rules in a folder no input reads
        // (`Policies/`, `rules/`): its rules would go unchecked.
        for file in &found.files {
            let r = relative(self.root, file);
            let policy = extension(file) == "policy" && !walk::is_hidden(file_name(file).as_ref());
            let ignored = inside_any(&r, &self.ignored);
            if policy && !ignored && !self.reported.contains(&r) && self.policy_rules_unread(file) {
                self.error(&r, policy_outside_message(&r));
                self.reported.insert(r);
            }
        }
        let data: Vec<String> = found
            .files
            .iter()
            .filter(|f| holds_data(f) && !passed_over(f))
            .map(|f| relative(self.root, f))
            .filter(|r| !self.reported.contains(r))
            .collect();
        let files = found.files.len();
        if data.is_empty() && self.reported.iter().any(|r| is_inside(r, rel)) {
            return self.skip(&shown, &msg!("account-see-errors-in-folder").words());
        }
        if let (true, Some(reason)) = (data.is_empty(), &displaced) {
            return self.skip(&shown, reason);
        }
        if data.is_empty() {
            return self.skip(
                &shown,
                &msg!("account-folder-no-data", files = files).words(),
            );
        }
        let mut named: Vec<String> = data
            .iter()
            .take(NAMED_IN_FOLDER)
            .map(|d| format!("`{d}`"))
            .collect();
        if data.len() > NAMED_IN_FOLDER {
            named.push(msg!("account-more", count = data.len() - NAMED_IN_FOLDER).words());
        }
        let files = named.join(&crate::t!(crate::i18n::message_lang(), "list-comma"));
        let elsewhere = self.given_elsewhere(rel);
        match elsewhere {
            Some((role, None)) => {
                let message = msg!("account-folder-not-listed", role = role, files = files);
                return self.error(&shown, message.words());
            }
            Some((role, Some(flag))) => {
                let message = msg!(
                    "account-folder-not-given",
                    role = role,
                    flag = flag,
                    files = files
                );
                return self.error(&shown, message.words());
            }
            _ => {}
        }
        let how = match near_miss_folder(rel) {
            Some(right) => msg!("account-folder-near-miss", right = right),
            None => msg!("account-folder-how", folder = rel),
        };
        self.error(
            &shown,
            msg!("account-folder-holds-data", files = files, how = how).words(),
        );
    }

    /// A regular file at the root or in a folder that holds an input.
    fn file(&mut self, path: &Path, rel: &str) {
        if inside_any(rel, &self.read) {
            return;
        }
        if self.reported.contains(rel) {
            return self.skip(rel, &msg!("account-see-input-error").words());
        }
        if inside_any(rel, &self.ignored) {
            let data = ignored_holds_data(path);
            return self
                .not_read
                .push(NotRead::ignored(self.root, rel.to_string(), data));
        }
        if inside_any(rel, &self.policies) {
            // A file named itself under `policies:` or `--policy` is read
            // whatever its extension (policy_files::at); only the other
            // files of a named folder are passed over.
            if extension(path) == "policy" || self.policies.iter().any(|p| p == rel) {
                return; // read by the policy search
            }
            if is_data_looking(path) || crate::policy_files::misnamed(rel).is_some() {
                return self.error(rel, unread_data_message(rel, false));
            }
            if let Some(message) = unreadable_data_message(path, rel) {
                return self.error(rel, message);
            }
            if let Some(name) = policy_by_name_or_text(path) {
                let message = msg!("account-file-policy-misnamed", name = name);
                return self.error(rel, message.words());
            }
            return self.skip(rel, &msg!("account-not-a-policy-file").words());
        }
        if is_data_looking(path) && super::own_reports::is_custodia_report(path) {
            return self.skip(rel, &msg!("account-custodia-report").words());
        }
        if is_data_looking(path) && super::own_reports::holds_nothing(path) {
            return self.skip(rel, &msg!("account-empty-file").words());
        }
        if self.policy_left_off_manifest(path, rel) {
            return self.error(rel, msg!("account-policy-not-listed").words());
        }
        if let Some(reason) = self.displaced(rel) {
            // A database or an archive left in `logs/` while custodia.yaml
            // lists the logs is data left out, as a CSV there is (hostile
            // review, 2026-12-06: `logs/old.db` was only "displaced").
            let elsewhere = self.given_elsewhere(rel);
            let unreadable = elsewhere.and_then(|_| unreadable_data_message(path, rel));
            if let Some(message) = unreadable {
                return self.error(rel, message);
            }
            match elsewhere {
                Some(_) if !is_data_looking(path) => {}
                Some(("logs", None)) => {
                    return self.error(rel, msg!("account-log-not-listed").words());
                }
                Some((role, None)) => {
                    let message = msg!("account-input-not-listed", role = role).words();
                    return self.error(rel, message);
                }
                Some(("logs", Some(_))) => {
                    return self.error(rel, msg!("account-log-not-given", path = rel).words());
                }
                Some((role, Some(flag))) => {
                    let message = msg!("account-input-not-given", role = role, flag = flag);
                    return self.error(rel, message.words());
                }
                None => {}
            }
            return self.skip(rel, &reason);
        }
        let at_root = !rel.contains('/');
        let ext = extension(path);
        if ext == "policy" {
            if at_root {
                return self.error(rel, msg!("account-policy-at-root").words());
            }
            if self.policy_rules_unread(path) {
                return self.error(rel, policy_outside_message(rel));
            }
            return self.skip(rel, &msg!("account-policy-outside").words());
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let (true, Some(like)) = (at_root, name.as_deref().and_then(manifest_like)) {
            // `Custodia.yaml` and `custodia.json` keep their own messages
            // ("names are case-sensitive", "read from .yaml, .yml files").
            let conventional = is_data_looking(path)
                && rel
                    .rsplit_once('.')
                    .is_some_and(|(stem, _)| stem.eq_ignore_ascii_case("custodia"));
            if !conventional {
                return self.manifest_like(rel, like);
            }
        }
        if let Some(name) = crate::policy_files::misnamed(rel) {
            let message = msg!("account-file-policy-misnamed", name = name).words();
            return self.error(rel, message);
        }
        if is_data_looking(path) {
            return self.error(rel, unread_data_message(rel, at_root));
        }
        if let Some(message) = unreadable_data_message(path, rel) {
            return self.error(rel, message);
        }
        // **Decision (2026-12-05)**: a workbook under a name custodia does
        // not read (a template, an add-in, a `.fods`, an OA system's HTML
        // "export to Excel", a renamed workbook) is data, as it is under
        // `logs/`: it was "not a data file" and the run passed.
        if let Some(kind) = super::workbook_like::of_file(path) {
            if super::own_reports::is_custodia_report(path) {
                return self.skip(rel, &msg!("account-custodia-report").words());
            }
            return self.error(rel, super::workbook_like::unread(kind));
        }
        if let Some(message) = reads_as_data(path) {
            // A Code Quality report (a JSON array of objects) is custodia's own.
            if super::own_reports::is_custodia_report(path) {
                return self.skip(rel, &msg!("account-custodia-report").words());
            }
            return self.error(rel, message.words());
        }
        self.skip(rel, &msg!("account-not-a-data-file").words());
    }

    /// A policy file outside the policy paths that holds rules, while the
    /// policies are the case's own (custodia.yaml or `policies/`), not the
    /// auditor's `--policy`, which reads them instead.
    /// **Decision (2026-12-07, hostile review)**: an input error unless
    /// under `ignore:`: `Policies/legal_hold.policy` beside `policies/`
    /// was "none of them data" and the run said COMPLIANT. A file of
    /// `test` blocks alone (`policy-tests/`, for `custodia test`) is
    /// still only listed.
    fn policy_rules_unread(&self, path: &Path) -> bool {
        let by_flag = self
            .given
            .roles
            .get("policies")
            .is_some_and(|place| *place != "custodia.yaml");
        let read = path
            .canonicalize()
            .is_ok_and(|p| self.policy_targets.contains(&p));
        !by_flag && !read && holds_rules(path)
    }

    /// A root file named like the manifest (`manifest_like`).
    /// **Decision (2026-12-07, hostile review)**: without a manifest, an
    /// input error: `custodia.yaml.bak` holding `as_of`, `time_zone` and
    /// `fail_on: warning` was "not a data file", and the run was checked
    /// as of today, in UTC, and exited 0. Beside the manifest, an editor's
    /// copy or a hidden one is listed, and any other (`custodia.toml`) is
    /// an input error: which file holds the settings would be a guess.
    fn manifest_like(&mut self, rel: &str, like: ManifestLike) {
        match (&self.manifest, like) {
            (None, _) => self.error(rel, msg!("account-manifest-misnamed").words()),
            (Some(manifest), ManifestLike::Copy) => {
                let reason = msg!("account-manifest-copy", manifest = manifest.as_str()).words();
                self.skip(rel, &reason);
            }
            (Some(manifest), ManifestLike::Other) => {
                let message = msg!("account-manifest-beside", manifest = manifest.as_str());
                self.error(rel, message.words());
            }
        }
    }

    /// The role (`logs`, `inventory`, `tables`, `company`) whose
    /// conventional place `rel` is while custodia.yaml or a flag names
    /// that role's sources elsewhere, and the flag (`None`: custodia.yaml).
    /// **Decision** (docs/inputs-and-reports.md): a data file there is an
    /// input error unless under `ignore:`, not "read instead": a log left
    /// off `logs:` (last year's beside this year's), an `inventory.csv`
    /// beside `inventory: 目录2025.csv`, and (hostile review, 2026-12-05)
    /// the case's own logs beside `--logs elsewhere/` each made the rules
    /// pass on part of the data. The policies are the auditor's to choose.
    fn given_elsewhere(&self, rel: &str) -> Option<(&'static str, Option<&'static str>)> {
        let role = conventional_role(rel)?;
        let place = *self.given.roles.get(role)?;
        (role != "policies").then_some((role, (place != "custodia.yaml").then(|| flag_of(role))))
    }

    /// A policy file of the case's `policies/` folder that `policies:` in
    /// custodia.yaml leaves out. **Decision (2026-12-06, hostile review)**:
    /// an input error unless under `ignore:`, as a log left off `logs:` is:
    /// custodia.yaml is the company's file, and a list naming all rule files
    /// but `destruction.policy` made the run COMPLIANT with the destruction
    /// rules unread. `--policy` is the auditor's choice and stays "instead".
    fn policy_left_off_manifest(&self, path: &Path, rel: &str) -> bool {
        self.in_policies_the_manifest_displaces(rel)
            && (extension(path) == "policy" || crate::policy_files::misnamed(rel).is_some())
    }

    /// `rel` is in the case's `policies/` folder, and custodia.yaml's
    /// `policies:` names the policies to read.
    fn in_policies_the_manifest_displaces(&self, rel: &str) -> bool {
        conventional_role(rel) == Some("policies")
            && self.given.roles.get("policies") == Some(&"custodia.yaml")
    }

    /// Why a conventional input was not read: its role was given elsewhere.
    fn displaced(&self, rel: &str) -> Option<String> {
        let role = conventional_role(rel)?;
        let place = self.given.roles.get(role)?;
        let how = match *place {
            "custodia.yaml" => msg!("account-manifest-key", role = role).words(),
            _ => flag_of(role).to_string(),
        };
        Some(msg!("account-displaced", how = how, role = role).words())
    }

    /// Whether an ignored folder holds a data file (or more entries than
    /// are looked at, or one that cannot be looked at).
    fn folder_holds_data(&self, dir: &Path) -> bool {
        let found = walk::walk_at_most(dir, self.root, MAX_UNREAD_FOLDER_ENTRIES);
        found.truncated
            || !found.problems.is_empty()
            || found.files.iter().any(|f| ignored_holds_data(f))
            || found
                .hidden
                .iter()
                .any(|h| hidden_may_hold_data(h, self.root))
    }

    fn skip(&mut self, rel: &str, reason: &str) {
        self.not_read
            .push(NotRead::new(rel.to_string(), reason.to_string()));
    }

    /// An `ignore:` entry that covers a file the run reads (the logs folder,
    /// the inventory): the user believes it is left out while its rows are
    /// checked, or a rule reads it unseen. Neither may pass quietly.
    fn ignored_inputs(&mut self) {
        for ignored in &self.ignored {
            // A hidden entry is never read, in an input folder too: it may
            // be ignored (`logs/.access-2025.csv`, an input error otherwise).
            let hidden = |c: &str| c != "." && c != ".." && walk::is_hidden(c.as_ref());
            if ignored.split('/').any(hidden) {
                continue;
            }
            let input = self
                .read
                .iter()
                .chain(&self.policies)
                // `.` is the case folder itself: it covers every input.
                .find(|r| {
                    matches!(ignored.as_str(), "" | ".")
                        || is_inside(r, ignored)
                        || is_inside(ignored, r)
                });
            if let Some(input) = input {
                // The case folder itself is named `.` (its path relative to
                // itself is empty).
                let ignored = if ignored.is_empty() { "." } else { ignored };
                self.errors.push(InputError::file(
                    ignored,
                    &msg!(
                        "account-ignore-names-input",
                        ignored = ignored,
                        input = input
                    )
                    .words(),
                ));
            }
        }
    }

    fn error(&mut self, rel: &str, message: String) {
        self.skip(rel, &msg!("account-see-input-error").words());
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

/// A data-looking file that is not unread data: a report custodia wrote,
/// or a file with nothing in it.
fn passed_over(p: &Path) -> bool {
    super::own_reports::is_custodia_report(p) || super::own_reports::holds_nothing(p)
}

/// The name a file among the policies should have when it is one by its
/// extension, nearly `.policy` (`strict.polciy`, `rules.plicy`), or by its
/// text, which parses as policy items (second hostile review, 2026-12-05:
/// a rule file saved as `.polciy` was passed over as "not a .policy file"
/// and the run said COMPLIANT).
fn policy_by_name_or_text(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_string_lossy().into_owned();
    if crate::policy_files::is_backup(&file) {
        return None;
    }
    let (stem, ext) = file.rsplit_once('.').unwrap_or((&file, ""));
    let named = name_near_policy(ext);
    let policy = || {
        use std::io::Read;
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_POLICY_SNIFF).read_to_string(&mut text))
            .ok()?;
        let (ast, errors) = crate::syntax::parse_file(&text, crate::syntax::span::FileId(0));
        let parses = errors.is_empty() && !ast.items.is_empty();
        (parses || opens_a_rule(&text)).then_some(())
    };
    (named || policy().is_some()).then(|| format!("{stem}.policy"))
}

/// Whether a line of `text` opens a rule or a schema as policy text does
/// (`access pii_read {`, `schema {`): a rule file with a typo in it does
/// not parse, and is a policy file all the same.
fn opens_a_rule(text: &str) -> bool {
    const OPENERS: [&str; 6] = [
        "rule",
        "retention",
        "access",
        "destruction",
        "notification",
        "schema",
    ];
    text.lines().any(|line| {
        let mut words = line.split_whitespace();
        words.next().is_some_and(|w| OPENERS.contains(&w)) && line.trim_end().ends_with('{')
    })
}

/// Whether a `.policy` file declares rules or waivers, which a check
/// would read, and not only `test` blocks (which `custodia test` runs):
/// by its items when it parses, else by a line opening a rule.
fn holds_rules(path: &Path) -> bool {
    use crate::syntax::ast::Item;
    use std::io::Read;
    let mut bytes = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(MAX_POLICY_SNIFF).read_to_end(&mut bytes));
    if read.is_err() {
        // Cannot be read: its rules, if any, go unchecked all the same.
        return true;
    }
    let text = String::from_utf8_lossy(&bytes);
    let (ast, errors) = crate::syntax::parse_file(&text, crate::syntax::span::FileId(0));
    let rules = ast
        .items
        .iter()
        .any(|i| matches!(i, Item::Rule(_) | Item::Waiver(_)));
    rules || (!errors.is_empty() && opens_a_rule(&text))
}

/// The input error for a policy file holding rules outside the policy
/// paths: a near miss of `policies/` (`Policies/`) is named as such.
fn policy_outside_message(rel: &str) -> String {
    let top = rel.split('/').next().unwrap_or(rel);
    let near = top.eq_ignore_ascii_case("policies") || top.eq_ignore_ascii_case("policy");
    let near = if near { "yes" } else { "no" };
    msg!("account-policy-rules-outside", near = near).words()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
}

/// How a root file is named like the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ManifestLike {
    /// An editor's copy or a hidden one: `custodia.yaml.bak`,
    /// `custodia.yaml~`, `.custodia.yaml`, `Custodia.yml.orig`.
    Copy,
    /// Another name or format: `custodia.toml`, `custodia`, `custodia.json`.
    Other,
}

/// Backup suffixes of editors and tools, lower case.
const MANIFEST_BACKUPS: [&str; 7] = [".bak", "~", ".orig", ".old", ".backup", ".tmp", ".swp"];

/// Other configuration formats a manifest may be saved in, lower case.
const MANIFEST_FORMATS: [&str; 4] = [".toml", ".ini", ".json", ".conf"];

/// Whether a file name, ignoring case, leading dots, backup suffixes and
/// other configuration extensions, is `custodia`, `custodia.yaml` or
/// `custodia.yml`, and is not one of the last two itself.
fn manifest_like(name: &str) -> Option<ManifestLike> {
    if matches!(name, "custodia.yaml" | "custodia.yml") {
        return None;
    }
    let lower = name.to_lowercase();
    let mut rest = lower.trim_start_matches('.');
    let mut format = false;
    loop {
        if let Some(s) = MANIFEST_BACKUPS.iter().find_map(|b| rest.strip_suffix(b)) {
            rest = s;
        } else if let Some(s) = MANIFEST_FORMATS.iter().find_map(|f| rest.strip_suffix(f)) {
            (rest, format) = (s, true);
        } else {
            break;
        }
    }
    match rest {
        "custodia.yaml" | "custodia.yml" if !format => Some(ManifestLike::Copy),
        "custodia" | "custodia.yaml" | "custodia.yml" => Some(ManifestLike::Other),
        _ => None,
    }
}

/// Text read from a file among the policies to tell whether it is one.
const MAX_POLICY_SNIFF: u64 = 1 << 20;

/// Whether an extension is `policy` mistyped: two edits or fewer, not
/// counting case (`polciy`, `plicy`, `policyy`).
fn name_near_policy(ext: &str) -> bool {
    let ext = ext.to_ascii_lowercase();
    ext.len() >= 4 && ext != "policy" && strsim::damerau_levenshtein(&ext, "policy") <= 2
}

/// Whether a file in a folder no input reads is data: by its extension,
/// its text, or as a workbook under another name.
fn holds_data(p: &Path) -> bool {
    is_data_looking(p)
        || unopenable(p).is_some()
        || reads_as_data(p).is_some()
        || super::workbook_like::of_file(p).is_some()
}

/// Whether a hidden entry inside a folder (under `root`) may hold data: a
/// folder with a file that does, or a file holding data that is no macOS
/// `._` companion.
fn hidden_may_hold_data(p: &Path, root: &Path) -> bool {
    let companion = p
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("._"));
    if p.is_dir() {
        let found = walk::walk_at_most(p, root, MAX_UNREAD_FOLDER_ENTRIES);
        return found.truncated || found.files.iter().any(|f| ignored_holds_data(f));
    }
    !companion && ignored_holds_data(p)
}

/// Whether a file `ignore:` covers holds data, which the verdict then
/// names as left out unchecked. A JSON or YAML document holding no list of
/// objects (a tool's settings, the generator's `planted.json` counts), or
/// reading as a custodia.yaml, is no data, as for a hidden file; one that
/// cannot be parsed, or is larger than [`PLAIN_DOCUMENT_BYTES`], is.
fn ignored_holds_data(p: &Path) -> bool {
    if passed_over(p) || !holds_data(p) {
        return false;
    }
    let document = ["json", "yaml", "yml"].contains(&extension(p).to_ascii_lowercase().as_str());
    let no_rows = at_most_a_header(p) || (document && holds_no_rows(p));
    !no_rows
}

/// A text file of at most one line that is not blank: a table's header,
/// or a line of prose, with no row under it. A workbook, an archive, a
/// database or bytes with a NUL (binary, or UTF-16) are never this.
fn at_most_a_header(p: &Path) -> bool {
    let small = std::fs::metadata(p).is_ok_and(|m| m.len() <= PLAIN_DOCUMENT_BYTES);
    let binary = || unopenable(p).is_some() || super::workbook_like::of_file(p).is_some();
    let text = (small && !binary())
        .then(|| std::fs::read(p).ok())
        .flatten();
    text.is_some_and(|bytes| {
        let lines = bytes.split(|b| matches!(b, b'\n' | b'\r'));
        let mut lines = lines.filter(|l| !l.trim_ascii().is_empty());
        let (first, second) = (lines.next(), lines.next());
        // One line of JSON lines, a JSON array or a YAML flow list holds
        // every row (third hostile re-test, 2026-12-06).
        let structured = first.is_some_and(|l| {
            let l = l.trim_ascii();
            l.starts_with(b"-") || l.contains(&b'{') || l.contains(&b'[')
        });
        !bytes.contains(&0) && second.is_none() && !structured
    })
}

/// The largest JSON or YAML document [`holds_no_rows`] parses.
const PLAIN_DOCUMENT_BYTES: u64 = 1 << 20;

/// A JSON or YAML document in which no list holds an object.
fn holds_no_rows(p: &Path) -> bool {
    fn rows_in(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Array(items) => items.iter().any(|i| i.is_object() || rows_in(i)),
            // Objects keyed by their ids (`{"D-9": {…}, "D-10": {…}}`).
            serde_json::Value::Object(o) if o.len() >= 2 && o.values().all(keyed_row) => true,
            serde_json::Value::Object(o) => o.values().any(rows_in),
            _ => false,
        }
    }
    fn keyed_row(v: &serde_json::Value) -> bool {
        v.as_object().is_some_and(|o| o.len() >= 2)
    }
    let small = std::fs::metadata(p).is_ok_and(|m| m.len() <= PLAIN_DOCUMENT_BYTES);
    let text = small.then(|| std::fs::read_to_string(p).ok()).flatten();
    let Some(text) = text else {
        return false;
    };
    let parsed = serde_saphyr::from_str::<serde_json::Value>(&text).ok();
    parsed.is_some_and(|v| !rows_in(&v)) || super::case::reads_as_manifest(&text)
}

fn is_data_looking(p: &Path) -> bool {
    DATA_LOOKING.contains(&extension(p).to_ascii_lowercase().as_str())
}

/// The message for a data file no input reads: how to make it read.
fn unread_data_message(rel: &str, at_root: bool) -> String {
    if let Some(name) = crate::policy_files::misnamed(rel) {
        return msg!("account-file-policy-misnamed", name = name).words();
    }
    let (stem, ext) = rel.rsplit_once('.').unwrap_or((rel, ""));
    if at_root {
        let near = CONVENTIONAL
            .iter()
            .find(|(s, _)| stem.eq_ignore_ascii_case(s));
        if let Some((right, exts)) = near {
            let lower = ext.to_ascii_lowercase();
            let name = format!("{right}.{lower}");
            return match exts.contains(&lower.as_str()) {
                true => msg!("account-file-near-miss", name = name).words(),
                false => msg!(
                    "account-file-wrong-format",
                    name = *right,
                    exts = exts.join(", .")
                )
                .words(),
            };
        }
    }
    let readable = super::case::is_data_file(Path::new(rel));
    match readable {
        true => msg!("account-file-unread", file = rel).words(),
        false => msg!("account-file-unread-export", file = rel).words(),
    }
}

/// A SQLite database, a compressed or archived export, or a spreadsheet
/// custodia cannot open, that no input reads: data all the same, so an
/// input error saying how to have it read (review R2: they were listed as
/// "not a data file", and a records-system database dropped into the case
/// was silently left out).
fn unreadable_data_message(path: &Path, rel: &str) -> Option<String> {
    Some(match unopenable(path)? {
        Unopenable::Opaque(o) => o.unread(rel),
        Unopenable::Word => word_document_message(rel),
        Unopenable::Other(ext) => crate::t!(
            crate::i18n::message_lang(),
            "review-unread-other-format",
            file = rel,
            ext = ext
        ),
    })
}

/// Extensions of word-processor documents custodia cannot read (WPS
/// Writer's `.wps` is said with the spreadsheets of other programs):
/// Word's, RTF, and OpenDocument text of LibreOffice Writer and WPS
/// (`.odt`, its template `.ott`, flat `.fodt`; WPS's template `.wpt`).
const WORD_EXTENSIONS: [&str; 10] = [
    "doc", "docx", "docm", "dot", "dotx", "rtf", "odt", "ott", "fodt", "wpt",
];

/// The media type an OpenDocument text names in its first bytes (the
/// zip's first entry `mimetype`, stored; `office:mimetype` of a flat
/// `.fodt`); `-template` follows it in a template's.
const ODF_TEXT: &[u8] = b"application/vnd.oasis.opendocument.text";

/// Whether a file is a Word (or RTF, or OpenDocument text) document, by
/// its extension or, for an Office Open XML zip, its bytes
/// (`word/document.xml`), for an OpenDocument text its media type.
/// **Decision (2026-12-07, hostile review h24a F10/M4):** a register kept
/// as a Word table (`销毁清册.docx`: the official forms of 会计档案销毁清册
/// and 移交清册 are Word documents) was listed at the case root as "not a
/// data file" and the run passed, while `.wps`, `.html` and `.et` were
/// input errors; under `logs/` it was called UTF-16 text. A Word document
/// is now an input error wherever it lies, saying custodia cannot read it
/// and to export its table to .xlsx or .csv (or list it under `ignore:`).
pub(super) fn is_word_document(ext: &str, head: &[u8]) -> bool {
    if WORD_EXTENSIONS.contains(&ext) {
        return true;
    }
    // A zip whose central directory names the Word part (its name is
    // stored in the local header of the first entries too); an
    // OpenDocument text by its media type (h25a F04: `.odt` was "not a
    // data file" at the root, UTF-16 text under `logs/`).
    let holds = |part: &[u8]| head.windows(part.len()).any(|w| w == part);
    (head.starts_with(b"PK\x03\x04") && (holds(b"word/document.xml") || holds(ODF_TEXT)))
        || (head.starts_with(b"<?xml") && holds(ODF_TEXT))
}

/// The message for a Word document (`rel`: as shown).
pub(super) fn word_document_message(rel: &str) -> String {
    crate::t!(
        crate::i18n::message_lang(),
        "review-unread-word",
        file = rel
    )
}

/// A file that is data custodia cannot open ([`unreadable_data_message`]).
enum Unopenable {
    /// A database or an archive, by its name or its first bytes.
    Opaque(Opaque),
    /// A spreadsheet or database of another program, by its extension.
    Other(&'static str),
    /// A Word document ([`is_word_document`]).
    Word,
}

/// What `path` is when it is data custodia cannot open. Windows' thumbnail
/// caches (`Thumbs.db`) are no database of the company's.
fn unopenable(path: &Path) -> Option<Unopenable> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
    if name.is_some_and(|n| WINDOWS_THUMBNAILS.contains(&n.as_str())) {
        return None;
    }
    let ext = extension(path).to_ascii_lowercase();
    const SQLITE: [&str; 4] = ["db", "sqlite", "sqlite3", "db3"];
    const COMPRESSED: [&str; 15] = [
        "gz", "zip", "7z", "rar", "tar", "tgz", "bz2", "xz", "zst", "z", "lz4", "lzma", "cab",
        "cpio", "lzh",
    ];
    const OTHER_SHEETS: [&str; 6] = ["et", "xlsb", "numbers", "mdb", "accdb", "wps"];
    if is_word_document(&ext, &head_bytes(path)) {
        return Some(Unopenable::Word);
    }
    let by_name = if SQLITE.contains(&ext.as_str()) {
        Some(Opaque::Sqlite)
    } else if COMPRESSED.contains(&ext.as_str()) {
        Some(Opaque::Compressed)
    } else {
        None
    };
    if let Some(o) = by_name.or_else(|| opaque_file(path)) {
        return Some(Unopenable::Opaque(o));
    }
    OTHER_SHEETS
        .iter()
        .find(|o| **o == ext)
        .map(|o| Unopenable::Other(o))
}

/// The first bytes of a file (empty when it cannot be read).
fn head_bytes(path: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut head = Vec::new();
    // Unreadable: judged by its name alone.
    let _ = std::fs::File::open(path).and_then(|f| f.take(SNIFFED_BYTES).read_to_end(&mut head));
    head
}

/// The thumbnail caches Windows leaves in folders of pictures (lower case).
const WINDOWS_THUMBNAILS: [&str; 3] = ["thumbs.db", "ehthumbs.db", "ehthumbs_vista.db"];

/// How much of a file of another extension is looked at to tell data.
const SNIFFED_BYTES: u64 = 16 * 1024;

/// Why a file whose name does not say data holds data all the same: its
/// first lines read as a table (a header of at least three named columns
/// and rows of as many, separated by `,`, tab, `;` or `|`) or as JSON
/// lines. A log exported as `access-2025.log`, `.dat`, `.csv.bak` or
/// `.jsonlines` beside the case's logs was listed as "not a data file"
/// and its rows left out (hostile review, 2026-12-04).
fn reads_as_data(path: &Path) -> Option<crate::i18n::Msg> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(SNIFFED_BYTES).read_to_end(&mut head))
        .ok()?;
    let cut = head.len() as u64 == SNIFFED_BYTES;
    let text = head_text(&head)?;
    let trimmed = text.trim_start();
    // A JSON array of objects (`[{…`), as a JSON export is.
    if let Some(rest) = trimmed.strip_prefix('[') {
        if rest.trim_start().starts_with('{') {
            return Some(msg!("account-reads-as-json-lines"));
        }
    }
    let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if cut {
        lines.pop(); // cut short by the sniff
    }
    lines.truncate(8);
    let objects = |l: &&str| {
        serde_json::from_str::<serde_json::Value>(l)
            .is_ok_and(|v| v.as_object().is_some_and(|o| o.len() >= 2))
    };
    if !lines.is_empty() && lines.iter().all(objects) {
        return Some(msg!("account-reads-as-json-lines"));
    }
    [b',', b'\t', b';', b'|'].into_iter().find_map(|sep| {
        let columns = table_width(&text, sep, cut)?;
        Some(msg!("account-reads-as-table", columns = columns))
    })
}

/// The sniffed bytes as text: UTF-16 (marked, or told by its NUL bytes:
/// `encoding::guess`) decoded; other text with a NUL is binary.
fn head_text(head: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    let utf16 = encoding_rs::Encoding::for_bom(head)
        .map(|(e, _)| e)
        .filter(|e| *e != encoding_rs::UTF_8)
        .or_else(|| super::encoding::utf16_without_bom(head));
    match utf16 {
        Some(e) => Some(e.decode_with_bom_removal(head).0),
        None if head.contains(&0) => None,
        None => Some(String::from_utf8_lossy(head)),
    }
}

/// The number of columns when the first records of `text` (quoted cells
/// may span lines) split into as many fields by `sep` as the first: at
/// least three, or two over at least three records; the first record's
/// fields all names (up to 128 characters; empty ones only at its end,
/// from a separator closing every line).
fn table_width(text: &str, sep: u8, cut: bool) -> Option<usize> {
    let mut records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes())
        .records()
        .take(9)
        .map_while(Result::ok)
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
        .collect();
    if cut {
        records.pop(); // cut short by the sniff
    }
    records.truncate(8);
    let (header, rows) = records.split_first()?;
    let fields: Vec<&str> = header.iter().collect();
    let names = fields.iter().rposition(|h| !h.trim().is_empty())? + 1;
    let named = fields
        .iter()
        .take(names)
        .all(|h| !h.trim().is_empty() && h.chars().count() <= 128);
    let width = header.len();
    let enough = names >= 3 || (names == 2 && rows.len() >= 2);
    (named && enough && !rows.is_empty() && rows.iter().all(|r| r.len() == width)).then_some(width)
}

/// A file custodia cannot open as data, told by its first bytes whatever
/// its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opaque {
    /// SQLite's 16-byte header.
    Sqlite,
    /// gzip, compress (`.Z`), bzip2, xz, LZMA, zstd, LZ4, 7z, RAR, a
    /// cabinet or a cpio archive (a zip is a workbook or an archive:
    /// `workbook_like` tells them apart).
    Compressed,
}

impl Opaque {
    /// What `head`, a file's first bytes, is.
    pub(super) fn of(head: &[u8]) -> Option<Opaque> {
        const COMPRESSED: [&[u8]; 11] = [
            b"\x1f\x8b",
            b"\x1f\x9d",
            b"BZh",
            b"\xfd7zXZ\x00",
            b"\x5d\x00\x00",
            b"\x28\xb5\x2f\xfd",
            b"\x04\x22\x4d\x18",
            b"7z\xbc\xaf\x27\x1c",
            b"Rar!\x1a\x07",
            b"MSCF\x00\x00\x00\x00",
            b"07070",
        ];
        match head {
            _ if head.starts_with(b"SQLite format 3\0") => Some(Opaque::Sqlite),
            _ if COMPRESSED.iter().any(|m| head.starts_with(m)) => Some(Opaque::Compressed),
            _ => None,
        }
    }

    /// The message for such a file that no entry reads (`rel`: as shown).
    pub(super) fn unread(self, rel: &str) -> String {
        let lang = crate::i18n::message_lang();
        match self {
            Opaque::Sqlite => crate::t!(lang, "review-unread-sqlite", file = rel),
            Opaque::Compressed => crate::t!(lang, "review-unread-compressed", file = rel),
        }
    }
}

/// What an existing file is when a report must not replace it: `database`
/// for a SQLite database, or a write-ahead log, shared-memory or journal
/// file (the changes not yet in a database are only there); `archive` for
/// a compressed or archived file; and inside the case folder (`root`),
/// where the next run would look at it, `data` for any other file custodia
/// counts as data where no input reads it (a table, JSON lines, a
/// workbook), unless it is a report custodia wrote. Outside the case
/// folder an earlier report or an export is the user's to replace.
///
/// A report written over `acme.db-wal` dropped the destruction only the
/// log held, and one over `old/backup.zip` left a folder of "no data" for
/// the next run, which passed (hostile reviews, 2026-12-06).
pub(crate) fn evidence_kind(path: &Path, root: &Path) -> Option<&'static str> {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let name = path.file_name()?.to_string_lossy();
    if ["-wal", "-shm", "-journal"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        return Some("database");
    }
    match unopenable(path) {
        Some(Unopenable::Opaque(Opaque::Sqlite)) => return Some("database"),
        Some(Unopenable::Opaque(Opaque::Compressed)) => return Some("archive"),
        _ => {}
    }
    let in_case = std::fs::canonicalize(root).is_ok_and(|root| path.starts_with(root));
    (in_case && holds_data(path) && !passed_over(path)).then_some("data")
}

/// What a file is by its first bytes ([`Opaque`]).
fn opaque_file(path: &Path) -> Option<Opaque> {
    use std::io::Read;
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .ok()?;
    Opaque::of(&head)
}

/// `Logs` for `logs`: a root folder whose name differs from a conventional
/// one only in case.
fn near_miss_folder(rel: &str) -> Option<&'static str> {
    FOLDERS
        .iter()
        .map(|(f, _)| *f)
        .find(|f| rel.eq_ignore_ascii_case(f) && rel != *f)
}

/// The role whose conventional place `rel` is: a conventional folder or a
/// file in it, else a conventional file (`inventory.csv`, `company.yaml`).
/// The flag that names a role's sources on the command line.
fn flag_of(role: &str) -> &'static str {
    match role {
        "logs" => "--logs",
        "tables" => "--table",
        "policies" => "--policy",
        "company" => "--company",
        _ => "--inventory",
    }
}

fn conventional_role(rel: &str) -> Option<&'static str> {
    let top = rel.split('/').next().unwrap_or(rel);
    FOLDERS
        .iter()
        .find(|(folder, _)| *folder == top)
        .map(|(_, role)| *role)
        .or_else(|| {
            let (stem, ext) = rel.rsplit_once('.')?;
            CONVENTIONAL[..2]
                .iter()
                .find(|(s, exts)| *s == stem && exts.contains(&ext))
                .map(|(s, _)| *s)
        })
}

/// Every file under `paths` (folders walked, links followed), resolved.
fn resolved_files(paths: &[PathBuf]) -> BTreeSet<PathBuf> {
    paths
        .iter()
        .flat_map(|p| walkdir::WalkDir::new(p).follow_links(true))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.path().canonicalize().ok())
        .collect()
}
