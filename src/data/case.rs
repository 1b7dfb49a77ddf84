//! Finds the inputs of a case directory (data-and-reports.md section 1): the
//! conventions, then `custodia.yaml`, then command-line flags, each
//! overriding the one before.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use super::InputError;

/// `custodia.yaml`. Unknown keys are errors naming the key.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub inventory: Option<String>,
    pub logs: Option<OneOrMany>,
    pub tables: Option<BTreeMap<String, String>>,
    pub company: Option<String>,
    pub policies: Option<OneOrMany>,
    pub packs: Option<Vec<String>>,
    pub time_zone: Option<String>,
    pub as_of: Option<String>,
    pub fail_on: Option<String>,
    /// Text encoding of the data files (`gb18030`, ...); default UTF-8.
    pub encoding: Option<String>,
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
}

/// Everything a check reads, resolved to paths.
#[derive(Debug, Default, Clone)]
pub struct CaseInputs {
    pub root: PathBuf,
    pub company: Option<PathBuf>,
    pub inventory: Vec<PathBuf>,
    pub logs: Vec<PathBuf>,
    pub tables: Vec<(String, PathBuf)>,
    pub policies: Vec<PathBuf>,
    pub packs: Vec<String>,
    /// Whether `packs` was chosen (`packs:` in the manifest, even `[]`, or
    /// `--pack`): then a case's own policies get exactly those packs, not
    /// the defaults (docs/packs.md).
    pub packs_chosen: bool,
    pub time_zone: Option<String>,
    pub as_of: Option<String>,
    pub fail_on: Option<String>,
    pub manifest: Option<PathBuf>,
    pub encoding: Option<String>,
}

const DATA_EXTENSIONS: [&str; 5] = ["csv", "jsonl", "json", "yaml", "yml"];

pub fn is_data_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATA_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Resolves the inputs of `root`. A missing case directory or a bad manifest
/// is an input error; the caller stops there.
pub fn discover(root: &Path, flags: &Overrides) -> Result<CaseInputs, Vec<InputError>> {
    if !root.is_dir() {
        return Err(vec![InputError::file(
            &root.display().to_string(),
            "the case directory does not exist or is not a directory",
        )]);
    }
    let mut case = CaseInputs {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let manifest_path = root.join("custodia.yaml");
    let manifest = if manifest_path.is_file() {
        case.manifest = Some(manifest_path.clone());
        read_manifest(&manifest_path)?
    } else {
        Manifest::default()
    };

    case.company = manifest
        .company
        .map(|p| root.join(p))
        .or_else(|| first_existing(root, "company", &["yaml", "yml", "json"]));
    case.inventory = match manifest.inventory {
        Some(p) => vec![root.join(p)],
        None => first_existing(root, "inventory", &DATA_EXTENSIONS)
            .map(|p| vec![p])
            .unwrap_or_else(|| {
                let dir = root.join("inventory");
                if dir.is_dir() {
                    vec![dir]
                } else {
                    vec![]
                }
            }),
    };
    case.logs = match manifest.logs {
        Some(l) => l.into_vec().into_iter().map(|p| root.join(p)).collect(),
        None => Some(root.join("logs"))
            .filter(|d| d.is_dir())
            .into_iter()
            .collect(),
    };
    case.tables = match manifest.tables {
        Some(t) => t.into_iter().map(|(k, v)| (k, root.join(v))).collect(),
        None => tables_in(&root.join("tables")),
    };
    case.policies = match manifest.policies {
        Some(p) => p.into_vec().into_iter().map(|p| root.join(p)).collect(),
        None => Some(root.join("policies"))
            .filter(|d| d.is_dir())
            .into_iter()
            .collect(),
    };
    case.packs_chosen = manifest.packs.is_some();
    case.packs = manifest.packs.unwrap_or_default();
    case.time_zone = manifest.time_zone;
    case.as_of = manifest.as_of;
    case.fail_on = manifest.fail_on;
    case.encoding = manifest.encoding;
    apply(&mut case, flags);
    Ok(case)
}

fn apply(case: &mut CaseInputs, flags: &Overrides) {
    if !flags.policies.is_empty() {
        case.policies = flags.policies.clone();
    }
    if let Some(i) = &flags.inventory {
        case.inventory = vec![i.clone()];
    }
    if !flags.logs.is_empty() {
        case.logs = flags.logs.clone();
    }
    for (name, path) in &flags.tables {
        case.tables.retain(|(n, _)| n != name);
        case.tables.push((name.clone(), path.clone()));
    }
    if let Some(c) = &flags.company {
        case.company = Some(c.clone());
    }
    if !flags.packs.is_empty() {
        case.packs_chosen = true;
        case.packs = flags.packs.clone();
    }
    if flags.encoding.is_some() {
        case.encoding = flags.encoding.clone();
    }
}

fn read_manifest(path: &Path) -> Result<Manifest, Vec<InputError>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![InputError::file(
            "custodia.yaml",
            &format!("cannot read the manifest: {e}"),
        )]
    })?;
    if text.trim().is_empty() {
        return Ok(Manifest::default());
    }
    serde_saphyr::from_str::<Manifest>(&text).map_err(|e| {
        let (line, column) = e.location().map_or((None, None), |l| {
            (Some(l.line() as u32), Some(l.column() as u32))
        });
        let message = first_line(&e.to_string());
        vec![InputError {
            file: "custodia.yaml".into(),
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

fn first_existing(root: &Path, stem: &str, exts: &[&str]) -> Option<PathBuf> {
    exts.iter()
        .map(|e| root.join(format!("{stem}.{e}")))
        .find(|p| p.is_file())
}

fn tables_in(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = walkdir::WalkDir::new(dir)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            Some((
                e.path().file_stem()?.to_str()?.to_string(),
                e.path().to_path_buf(),
            ))
        })
        .collect();
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
