//! File names as the readers of SARIF, GitHub annotations and GitLab Code
//! Quality resolve them: relative to the repository root, whatever the
//! working directory of the check and however the case was named
//! (`examples/acme`, `$PWD/examples/acme`, `.` inside it, `x/../examples/acme`).
//!
//! The JSON, human and audit reports keep naming files from the case
//! directory; only these three formats, read by tools that look the file up
//! in a checkout, go through [`RepoPaths`].

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::report::model::{Report, Roots};

/// `p` with `.` dropped and each `..` taking away the part before it, without
/// looking at the file system (a link is not followed, as `case::relative`
/// does not follow one either). A `..` above the start of a relative path is
/// kept; above the root it is dropped, as the system does.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    out.iter().collect()
}

/// The nearest directory at or above `dir` that holds `.git` (a folder, or
/// the file of a worktree or submodule). No git program is needed.
pub fn find_repo_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Where the case sits: the repository root given (`--repo-root`) or found
/// from `.git`; without one, the working directory when the case is inside
/// it (CI runs at the checkout's root), else the case directory itself.
pub fn roots(case: &Path, repo_root: Option<&Path>) -> Result<Roots, String> {
    let absolute = |p: &Path| {
        std::path::absolute(p).map(|a| normalize(&a)).map_err(|e| {
            let place = p.display().to_string();
            let lang = crate::i18n::message_lang();
            crate::t!(
                lang,
                "app-input-error",
                place = place,
                message = e.to_string()
            ) + "\n"
        })
    };
    let case = absolute(case)?;
    let repo = match repo_root {
        Some(r) => {
            let r = absolute(r)?;
            if !case.starts_with(&r) {
                return Err(crate::t!(
                    crate::i18n::message_lang(),
                    "paths-case-outside-repo",
                    root = r.display().to_string(),
                    case = case.display().to_string()
                ) + "\n");
            }
            r
        }
        None => find_repo_root(&case).unwrap_or_else(|| {
            let cwd = std::env::current_dir().map(|d| normalize(&d));
            match cwd {
                Ok(cwd) if case.starts_with(&cwd) => cwd,
                _ => case.clone(),
            }
        }),
    };
    Ok(Roots { repo, case })
}

/// Each file of the report by its repository path (`/` separators, no `.`
/// or `..`), or `None` when it is not in the repository: a built-in pack's
/// policy, a file outside the checkout.
pub struct RepoPaths<'a> {
    roots: &'a Roots,
    known: HashMap<&'a str, Option<String>>,
}

impl<'a> RepoPaths<'a> {
    pub fn new(report: &'a Report) -> RepoPaths<'a> {
        let roots = &report.roots;
        let known = report
            .inputs
            .iter()
            .map(|i| {
                let path = if i.abs.as_os_str().is_empty() {
                    None
                } else {
                    std::path::absolute(&i.abs).ok()
                };
                let resolved = match path {
                    Some(abs) => in_repo(roots, &abs),
                    None => named(roots, &i.path),
                };
                (i.path.as_str(), resolved)
            })
            .collect();
        RepoPaths { roots, known }
    }

    /// The repository path of a file the report names (an input's path, a
    /// policy file, the file of an input error).
    pub fn get(&self, path: &str) -> Option<String> {
        match self.known.get(path) {
            Some(p) => p.clone(),
            None => named(self.roots, path),
        }
    }
}

/// A path as the report names it: from the case directory, or absolute.
fn named(roots: &Roots, path: &str) -> Option<String> {
    if path.is_empty() || path.starts_with(crate::check::BUILTIN_PREFIX) {
        return None;
    }
    in_repo(roots, &roots.case.join(path))
}

fn in_repo(roots: &Roots, abs: &Path) -> Option<String> {
    let abs = normalize(abs);
    let rel = abs.strip_prefix(&roots.repo).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_resolves_dots_lexically() {
        let n = |s: &str| normalize(Path::new(s)).to_string_lossy().into_owned();
        assert_eq!(n("examples/../examples/x/./a.csv"), "examples/x/a.csv");
        assert_eq!(n("/r/a/../../../b"), "/b");
        assert_eq!(n("../x"), "../x");
    }

    #[test]
    fn paths_are_named_from_the_repository_root() {
        let roots = Roots {
            repo: PathBuf::from("/r"),
            case: PathBuf::from("/r/examples/x"),
        };
        assert_eq!(
            named(&roots, "logs/a.csv").as_deref(),
            Some("examples/x/logs/a.csv")
        );
        assert_eq!(
            named(&roots, "../shared/p.policy").as_deref(),
            Some("examples/shared/p.policy")
        );
        assert_eq!(named(&roots, "/elsewhere/a.csv"), None);
        assert_eq!(named(&roots, "<builtin>/cn/pipl.policy"), None);
        assert_eq!(named(&roots, "../../../out.csv"), None);
    }
}
