//! A source entry of `custodia.yaml`: where one collection's rows come
//! from. The short form is a path (`inventory: 案卷目录.csv`); the long
//! form is a map naming a file (`file:`) or a database query (`url_env:` or
//! a literal `url: sqlite://…`, with `query:` or `table:`). See
//! docs/databases.md.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// One source of `inventory`, `logs` or `tables` in the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file or folder, relative to the case.
    Path(String),
    Entry(SourceEntry),
}

/// The long form of a source. Unknown keys are an error naming the key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceEntry {
    pub file: Option<String>,
    /// The environment variable holding the connection URL (`postgres://`,
    /// `mysql://`, `sqlite://PATH`): credentials never go in the manifest.
    pub url_env: Option<String>,
    /// A literal URL; only `sqlite://PATH` (a path holds no secret).
    pub url: Option<String>,
    /// A `SELECT` whose result rows are the collection's rows.
    pub query: Option<String>,
    /// A table or view read whole.
    pub table: Option<String>,
    /// For a log: the event kind of its rows (a `kind` column still wins).
    pub kind: Option<String>,
    /// Longest a read may take, in seconds (default `DEFAULT_TIMEOUT_SECONDS`).
    pub timeout_seconds: Option<u64>,
}

/// The keys of a source entry, for the "unknown key" error.
const KEYS: &[&str] = &[
    "file",
    "url_env",
    "url",
    "query",
    "table",
    "kind",
    "timeout_seconds",
];

/// Default statement timeout of a database read.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 300;

impl Source {
    /// The database entry, when this source is one (not a file).
    pub fn database(&self) -> Option<&SourceEntry> {
        match self {
            Source::Entry(e) if e.file.is_none() => Some(e),
            _ => None,
        }
    }

    /// The file path, when this source is a file.
    pub fn file(&self) -> Option<&str> {
        match self {
            Source::Path(p) => Some(p),
            Source::Entry(e) => e.file.as_deref(),
        }
    }
}

impl SourceEntry {
    /// What is wrong with the combination of keys, if anything: a file and
    /// a database at once, a database without a connection or without a
    /// query, a literal URL that could hold a password.
    pub fn problem(&self, role: &str) -> Option<String> {
        let db_keys = [
            ("url_env", self.url_env.is_some()),
            ("url", self.url.is_some()),
            ("query", self.query.is_some()),
            ("table", self.table.is_some()),
            ("timeout_seconds", self.timeout_seconds.is_some()),
        ];
        if self.file.is_some() {
            return db_keys.iter().find(|(_, set)| *set).map(|(k, _)| {
                format!("a {role} source names `file:` and `{k}:`; a source is a file or a database query, not both")
            });
        }
        if self.kind.is_some() && role != "logs" {
            return Some(format!(
                "`kind:` names the event kind of a log; a {role} source has none"
            ));
        }
        match (&self.url_env, &self.url) {
            (None, None) => {
                return Some(format!(
                    "a {role} source names neither `file:` nor a database (`url_env: VARIABLE` holding its URL)"
                ))
            }
            (Some(_), Some(_)) => {
                return Some(format!(
                    "a {role} source names both `url_env:` and `url:`; keep one"
                ))
            }
            (None, Some(url)) if !url.starts_with("sqlite://") => {
                return Some(
                    "`url:` may only name a SQLite file (`sqlite://PATH`); a server's URL holds credentials, so give it in an environment variable (`url_env: ARCHIVE_DB_URL`)".into(),
                )
            }
            _ => {}
        }
        match (&self.query, &self.table) {
            (None, None) => Some(format!(
                "a database {role} source names neither `query:` nor `table:`"
            )),
            (Some(_), Some(_)) => Some(format!(
                "a database {role} source names both `query:` and `table:`; keep one"
            )),
            _ if self.timeout_seconds == Some(0) => {
                Some("`timeout_seconds:` must be at least 1".into())
            }
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SourceVisitor)
    }
}

struct SourceVisitor;

impl<'de> Visitor<'de> for SourceVisitor {
    type Value = Source;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a path, or a map with `file:`, or `url_env:` and `query:` or `table:`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Source, E> {
        Ok(Source::Path(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Source, A::Error> {
        let mut e = SourceEntry::default();
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "file" => &mut e.file,
                "url_env" => &mut e.url_env,
                "url" => &mut e.url,
                "query" => &mut e.query,
                "table" => &mut e.table,
                "kind" => &mut e.kind,
                "timeout_seconds" => {
                    e.timeout_seconds = Some(map.next_value()?);
                    continue;
                }
                other => return Err(de::Error::unknown_field(other, KEYS)),
            };
            if slot.is_some() {
                return Err(de::Error::custom(format!("the key `{key}` appears twice")));
            }
            *slot = Some(map.next_value()?);
        }
        Ok(Source::Entry(e))
    }
}

/// `logs:` in the manifest: one source or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Sources {
    Many(Vec<Source>),
    One(Source),
}

impl Sources {
    pub fn into_vec(self) -> Vec<Source> {
        match self {
            Sources::One(s) => vec![s],
            Sources::Many(v) => v,
        }
    }
}

/// A database source of the case, as the manifest gives it.
#[derive(Debug, Clone)]
pub struct DbInput {
    /// `inventory`, `log` or `table` (the roles of `InputFile`).
    pub role: &'static str,
    /// For a table: the schema's table it fills.
    pub table_name: Option<String>,
    pub entry: SourceEntry,
}

/// The manifest's sources of one role, split into file paths (joined to
/// the case root) and database sources; a malformed entry is an input
/// error of the manifest (the role then has no source, and the check is
/// incomplete).
pub fn split(
    role: &'static str,
    table_name: Option<&str>,
    sources: Vec<Source>,
    root: &std::path::Path,
    databases: &mut Vec<DbInput>,
    errors: &mut Vec<super::InputError>,
) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    let key = match role {
        "log" => "logs",
        "table" => "tables",
        other => other,
    };
    for source in sources {
        if let Source::Entry(e) = &source {
            if let Some(problem) = e.problem(key) {
                errors.push(super::InputError::file("custodia.yaml", &problem));
                continue;
            }
        }
        match (source.file(), source.database()) {
            (Some(p), _) => paths.push(root.join(p)),
            (None, Some(e)) => databases.push(DbInput {
                role,
                table_name: table_name.map(str::to_string),
                entry: e.clone(),
            }),
            // `problem` has ruled out an entry with neither.
            (None, None) => {}
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<Source, String> {
        serde_saphyr::from_str::<Source>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn a_path_and_a_database_entry_both_read() {
        assert_eq!(
            parse("inventory.csv"),
            Ok(Source::Path("inventory.csv".into()))
        );
        let s = parse("url_env: ARCHIVE_DB_URL\ntable: 案卷目录\n").expect("a valid entry");
        let e = s.database().expect("a database entry");
        assert_eq!(e.url_env.as_deref(), Some("ARCHIVE_DB_URL"));
        assert_eq!(e.table.as_deref(), Some("案卷目录"));
        assert_eq!(e.problem("inventory"), None);
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_it() {
        let err = parse("url_env: X\ntabel: t\n").expect_err("an unknown key");
        assert!(err.contains("tabel"), "{err}");
    }

    #[test]
    fn a_server_url_in_the_manifest_is_refused() {
        let e = SourceEntry {
            url: Some("postgres://u:secret@h/db".into()),
            table: Some("t".into()),
            ..Default::default()
        };
        let problem = e.problem("inventory").expect("refused");
        assert!(problem.contains("environment variable"), "{problem}");
        let sqlite = SourceEntry {
            url: Some("sqlite://archive.db".into()),
            table: Some("t".into()),
            ..Default::default()
        };
        assert_eq!(sqlite.problem("inventory"), None);
    }

    #[test]
    fn a_database_entry_needs_a_query_or_a_table_not_both() {
        let mut e = SourceEntry {
            url_env: Some("X".into()),
            ..Default::default()
        };
        assert!(e.problem("logs").is_some());
        e.query = Some("SELECT 1".into());
        e.table = Some("t".into());
        assert!(e.problem("logs").is_some());
        e.table = None;
        assert_eq!(e.problem("logs"), None);
        e.file = Some("x.csv".into());
        assert!(e.problem("logs").is_some());
    }
}
