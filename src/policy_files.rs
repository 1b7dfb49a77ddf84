//! Finds the `.policy` files a path names, for every command that reads a
//! policy set (`check`, `validate`, `test`, `fmt`, `schema`, `explain`).
//!
//! A policy the run does not read makes its rules silently pass, so nothing
//! here is skipped without a word: a folder is walked like the data folders
//! (links followed, hidden entries left out, see `data::walk`), and a
//! dangling link, an unreadable folder, a FIFO, a file ending in `.Policy`
//! or a folder without any `.policy` file is a problem naming it.

use std::path::{Path, PathBuf};

use crate::data::case::relative;
use crate::data::walk;

/// The policy files found under one path, and what stops them being read.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    /// One `error: PATH: message` line each.
    pub problems: Vec<String>,
}

/// The `.policy` files `p` names: the file itself, or every one below a
/// folder in path order. `root` is what paths in messages are shown from.
pub fn at(p: &Path, root: &Path) -> Found {
    let mut found = Found::default();
    let shown = |path: &Path| relative(root, path);
    let lang = crate::i18n::message_lang();
    let problem = |path: &Path, message: &str| {
        crate::t!(
            lang,
            "app-input-error",
            place = shown(path),
            message = message
        ) + "\n"
    };
    if !p.is_dir() {
        let exists = std::fs::symlink_metadata(p).is_ok();
        match walk::not_a_regular_file(p) {
            None => found.files.push(p.to_path_buf()),
            Some(_) if !exists => found
                .problems
                .push(problem(p, &crate::t!(lang, "policy-path-missing"))),
            Some(message) => found.problems.push(problem(p, &message)),
        }
        return found;
    }
    let below = walk::walk(p, root);
    for (path, message) in &below.problems {
        found.problems.push(problem(path, message));
    }
    for hidden in &below.hidden {
        if let Some(message) = hidden_policies(hidden, root) {
            found.problems.push(problem(hidden, &message));
        }
    }
    for file in below.files {
        match extension(&file) {
            Some("policy") => found.files.push(file),
            Some(ext) if ext.eq_ignore_ascii_case("policy") => {
                let message = crate::t!(lang, "policy-file-case", ext = ext);
                found.problems.push(problem(&file, &message));
            }
            _ => {
                let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if let Some(name) = misnamed(name) {
                    let message = crate::t!(lang, "account-file-policy-misnamed", name = name);
                    found.problems.push(problem(&file, &message));
                }
            }
        }
    }
    if found.files.is_empty() && found.problems.is_empty() {
        let message = crate::t!(lang, "policy-folder-empty");
        found.problems.push(problem(p, &message));
    }
    found
}

/// Why a hidden entry under a policies folder stops the run: a `.policy`
/// file, or a folder holding one. Its rules would not be checked, and the
/// run said COMPLIANT (hostile review, 2026-12-05). An editor's lock (a
/// link to nothing) and backups (`.rules.policy.swp`) are not policies.
fn hidden_policies(hidden: &Path, root: &Path) -> Option<String> {
    let lang = crate::i18n::message_lang();
    let is_policy = |p: &Path| extension(p).is_some_and(|e| e.eq_ignore_ascii_case("policy"));
    let meta = std::fs::metadata(hidden).ok()?;
    if meta.is_file() {
        return is_policy(hidden).then(|| crate::t!(lang, "policy-file-hidden"));
    }
    if !meta.is_dir() {
        return None;
    }
    // Bounded: a hidden folder may be a whole repository's `.git`.
    let inside = walk::walk_at_most(hidden, root, 100_000);
    let first = inside
        .files
        .iter()
        .chain(&inside.hidden)
        .find(|p| is_policy(p) && std::fs::metadata(p).is_ok_and(|m| m.is_file()))?;
    Some(crate::t!(
        lang,
        "policy-folder-hidden",
        file = relative(root, first)
    ))
}

/// The name a policy file saved under another extension should have:
/// `destruction.policy.txt` (as Notepad saves it) is `destruction.policy`.
/// Its rules were not checked; the data-file advice (export it, name it
/// inventory.csv) misled (hostile review, 2026-12-04).
pub fn misnamed(rel: &str) -> Option<String> {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    let lower = file.to_ascii_lowercase();
    let at = lower.find(".policy")?;
    // `.Policy` alone has an error of its own (policy_files); an editor's
    // backup (`rules.policy.bak`, `rules.policy~`) is meant to stay unread.
    let rest = &lower[at + ".policy".len()..];
    if rest.is_empty() || BACKUPS.contains(&rest.trim()) {
        return None;
    }
    Some(format!("{}.policy", &file[..at]))
}

/// What editors append to a backup copy, which is meant to stay unread.
const BACKUPS: [&str; 5] = [".bak", ".orig", ".old", "~", ".swp"];

/// Whether a file name is an editor's backup copy (`rules.policy.bak`,
/// `rules.polciy~`).
pub fn is_backup(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    BACKUPS.iter().any(|b| lower.ends_with(b))
}

fn extension(p: &Path) -> Option<&str> {
    p.extension().and_then(|e| e.to_str())
}

/// `at` for several paths: every file once, in path order, and every problem.
pub fn all(paths: &[PathBuf], root: &Path) -> Found {
    let mut out = Found::default();
    for p in paths {
        let found = at(p, root);
        out.files.extend(found.files);
        out.problems.extend(found.problems);
    }
    out.files.sort();
    // One file however named: `validate policies ./policies` reported
    // every rule defined twice (hostile review h23c, 2026-12-07).
    let mut seen = std::collections::HashSet::new();
    out.files
        .retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    out
}
