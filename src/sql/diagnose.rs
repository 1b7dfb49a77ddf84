//! Why a Spark job failed, in words a user can act on (issue 19).
//!
//! Spark's log is Spark's and Java's own English. The failures users meet
//! most (out of memory, no master or no workers, a path or table that is
//! not there, no Java or an old one, two Pythons) are recognised in the
//! lines of the job's output ([`Seen::see`], one line at a time, so the
//! whole log need not be kept) and said in the run's language with what
//! to do ([`Cause::said`]), before the last lines of the log, which are
//! still shown as Spark wrote them.

use crate::i18n::Msg;
use crate::msg;

/// What the log showed, line by line.
#[derive(Debug, Default)]
pub struct Seen {
    no_java: bool,
    /// The class file version of the Spark class this Java could not load.
    java_class: Option<u32>,
    python: Option<(String, String)>,
    bad_master_url: bool,
    master_unreachable: bool,
    no_resources: bool,
    /// The first path Spark found missing; `true` when taken from a line
    /// of structured (JSON) logging, where quotes and backslashes are
    /// escaped: a plain line's path replaces it.
    path: Option<(String, bool)>,
    table: Option<(String, bool)>,
    /// `java.lang.OutOfMemoryError` anywhere.
    oom: bool,
    /// Out of memory in an executor: a task lost to it, an executor that
    /// exited with code 52 (Spark's own code for it) or 137 (SIGKILL,
    /// mostly the kernel's or the container's memory killer).
    executor_oom: bool,
    /// A container killed for exceeding its memory (YARN, Kubernetes):
    /// heap and overhead together.
    container_oom: bool,
    /// Out of memory in a thread of the driver (`Exception in thread
    /// "main"`, the py4j call that collects the result).
    driver_oom: bool,
    result_too_large: bool,
}

impl Seen {
    /// Notes what one line of the job's output (stdout or stderr) shows.
    pub fn see(&mut self, line: &str) {
        let structured = line.trim_start().starts_with('{');
        if line.contains("JAVA_HOME is not set")
            || (line.contains("/bin/java:") && line.contains("No such file or directory"))
        {
            self.no_java = true;
        }
        if line.contains("UnsupportedClassVersionError") {
            // `... (class file version 61.0), this version of the Java
            // Runtime only recognizes class file versions up to 55.0`.
            let version = after(line, "class file version ")
                .and_then(|v| v.split('.').next())
                .and_then(|v| v.parse().ok());
            self.java_class = self.java_class.or(version).or(Some(0));
        }
        if self.python.is_none() {
            self.python = python_versions(line);
        }
        if line.contains("Could not parse Master URL") {
            self.bad_master_url = true;
        }
        if line.contains("Failed to connect to master")
            || line.contains("All masters are unresponsive")
        {
            self.master_unreachable = true;
        }
        if line.contains("Initial job has not accepted any resources") {
            self.no_resources = true;
        }
        if let Some(path) = missing_path(line) {
            keep_first(&mut self.path, path, structured);
        }
        if let Some(table) = missing_table(line) {
            keep_first(&mut self.table, table, structured);
        }
        if line.contains("OutOfMemoryError") {
            self.oom = true;
            if line.contains("Exception in thread \"") && !line.contains("Executor task launch") {
                self.driver_oom = true;
            }
            if line.contains("Lost task") || line.contains(" executor ") {
                self.executor_oom = true;
            }
        }
        if executor_exit(line) {
            self.executor_oom = true;
        }
        if line.contains("Container killed")
            || line.contains("exceeding memory limits")
            || line.contains("beyond physical memory limits")
            || line.contains("OOMKilled")
            || line.contains("possible container OOM")
        {
            self.container_oom = true;
        }
        if line.contains("spark.driver.maxResultSize") {
            self.result_too_large = true;
        }
    }

    /// Whether the job waits for executors the cluster does not give.
    pub fn waiting(&self) -> bool {
        self.no_resources
    }

    /// The causes the lines showed, most basic first: without Java or the
    /// master nothing else ran, and a missing source is the user's to fix
    /// before memory matters. `killed` is the signal that ended
    /// `spark-submit` itself, if one did.
    pub fn causes(&self, job: &Job, killed: Option<i32>) -> Vec<Cause> {
        let mut out = Vec::new();
        if self.no_java {
            out.push(Cause::NoJava);
        }
        if let Some(class) = self.java_class {
            // Class file version 61 is Java 17, 55 Java 11: 44 apart.
            out.push(Cause::OldJava {
                needs: (class > 44).then(|| class - 44),
            });
        }
        if let Some((worker, driver)) = &self.python {
            out.push(Cause::TwoPythons {
                worker: worker.clone(),
                driver: driver.clone(),
            });
        }
        let master = job.master.to_string();
        if self.bad_master_url {
            out.push(Cause::BadMasterUrl { master });
        } else if self.master_unreachable {
            out.push(Cause::MasterUnreachable { master });
        } else if self.no_resources {
            out.push(Cause::NoResources { master });
        }
        if let Some((path, _)) = &self.path {
            out.push(Cause::PathNotFound {
                path: path.clone(),
                source: job.source_of_path(path),
            });
        }
        if let Some((table, _)) = &self.table {
            out.push(Cause::TableNotFound {
                table: table.clone(),
                source: job.source_of_table(table),
            });
        }
        let local = job.master.starts_with("local");
        if self.result_too_large {
            out.push(Cause::ResultTooLarge);
        }
        let memory = if local && (self.oom || self.executor_oom) {
            // One JVM: the tasks run in the driver.
            Some(Memory::Local)
        } else if self.container_oom {
            Some(Memory::Container)
        } else if self.executor_oom {
            Some(Memory::Executor)
        } else if self.driver_oom {
            Some(Memory::Driver)
        } else if self.oom {
            Some(Memory::Unknown)
        } else {
            None
        };
        if let Some(which) = memory {
            out.push(Cause::OutOfMemory {
                which,
                driver: job.setting("spark.driver.memory"),
                executor: job.setting("spark.executor.memory"),
            });
        }
        match killed {
            Some(9) => out.push(Cause::Killed),
            Some(signal) => out.push(Cause::Stopped {
                signal: signal_name(signal),
            }),
            None => {}
        }
        out
    }
}

/// What the diagnosis names of the job: the master and settings it was
/// given, and the sources it read in place (to name the custodia.yaml
/// entry of a missing path or table).
pub struct Job<'a> {
    pub master: &'a str,
    /// Every `--conf` custodia passed, its own first, the user's after.
    pub conf: &'a [(String, String)],
    pub parts: &'a [super::inplace::Part],
}

impl Job<'_> {
    /// The last value given to `key` (the one Spark uses).
    fn setting(&self, key: &str) -> Option<String> {
        (self.conf.iter().rev())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    /// The entry read in place whose path Spark says does not exist, as
    /// custodia.yaml names it, with its line.
    fn source_of_path(&self, missing: &str) -> Option<(String, u32)> {
        use crate::data::source::SparkSource;
        let local = missing
            .strip_prefix("file://")
            .or_else(|| missing.strip_prefix("file:"));
        self.parts.iter().find_map(|p| {
            let SparkSource::Path { path, .. } = &p.source else {
                return None;
            };
            // `Path`'s equality compares components: `./a` is `a`.
            let same = path == missing
                || local.is_some_and(|l| std::path::Path::new(l) == p.root.join(path));
            same.then(|| (p.source.name(), p.line))
        })
    }

    /// The entry read in place naming the catalog table Spark cannot find
    /// (Spark may name it with its catalog: `spark_catalog.db.t`).
    fn source_of_table(&self, missing: &str) -> Option<(String, u32)> {
        use crate::data::source::SparkSource;
        let missing = missing.to_ascii_lowercase();
        self.parts.iter().find_map(|p| match &p.source {
            SparkSource::Table(t) => {
                let t = t.to_ascii_lowercase();
                (missing == t || missing.ends_with(&format!(".{t}")))
                    .then(|| (p.source.name(), p.line))
            }
            SparkSource::Path { .. } => None,
        })
    }
}

/// Which memory ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Memory {
    /// `local[N]`: one JVM, the driver's.
    Local,
    Driver,
    Executor,
    /// An executor's container killed by YARN or Kubernetes.
    Container,
    /// The log does not say which.
    Unknown,
}

/// A failure recognised in the job's log: data; [`Cause::said`] words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    NoJava,
    /// Spark needs Java `needs` or later (when the log says).
    OldJava {
        needs: Option<u32>,
    },
    TwoPythons {
        worker: String,
        driver: String,
    },
    BadMasterUrl {
        master: String,
    },
    MasterUnreachable {
        master: String,
    },
    NoResources {
        master: String,
    },
    /// A path Spark found missing, as Spark wrote it, and the
    /// custodia.yaml entry that names it (source, line) when one does.
    PathNotFound {
        path: String,
        source: Option<(String, u32)>,
    },
    TableNotFound {
        table: String,
        source: Option<(String, u32)>,
    },
    /// With the memory settings the job was given (`None`: not set).
    OutOfMemory {
        which: Memory,
        driver: Option<String>,
        executor: Option<String>,
    },
    ResultTooLarge,
    /// `spark-submit` was killed (SIGKILL).
    Killed,
    /// `spark-submit` was stopped by another signal.
    Stopped {
        signal: String,
    },
}

impl Cause {
    /// What happened, and what to do.
    pub fn said(&self) -> (Msg, Msg) {
        match self {
            Cause::NoJava => (msg!("spark-cause-no-java"), msg!("spark-help-no-java")),
            Cause::OldJava { needs: Some(v) } => (
                msg!("spark-cause-old-java", needs = *v),
                msg!("spark-help-old-java", needs = *v),
            ),
            Cause::OldJava { needs: None } => (
                msg!("spark-cause-old-java-unknown"),
                msg!("spark-help-old-java", needs = 17u32),
            ),
            Cause::TwoPythons { worker, driver } => (
                msg!(
                    "spark-cause-two-pythons",
                    worker = worker.as_str(),
                    driver = driver.as_str()
                ),
                msg!("spark-help-two-pythons"),
            ),
            Cause::BadMasterUrl { master } => (
                msg!("spark-cause-master-url", master = master.as_str()),
                msg!("spark-help-master-url"),
            ),
            Cause::MasterUnreachable { master } => (
                msg!("spark-cause-master-unreachable", master = master.as_str()),
                msg!("spark-help-master-unreachable", master = master.as_str()),
            ),
            Cause::NoResources { master } => (
                msg!("spark-cause-no-resources", master = master.as_str()),
                msg!("spark-help-no-resources"),
            ),
            Cause::PathNotFound { path, source } => (
                match source {
                    Some((source, line)) => msg!(
                        "spark-cause-path-of-source",
                        path = path.as_str(),
                        source = source.as_str(),
                        line = *line
                    ),
                    None => msg!("spark-cause-path", path = path.as_str()),
                },
                msg!("spark-help-path"),
            ),
            Cause::TableNotFound { table, source } => (
                match source {
                    Some((source, line)) => msg!(
                        "spark-cause-table-of-source",
                        table = table.as_str(),
                        source = source.as_str(),
                        line = *line
                    ),
                    None => msg!("spark-cause-table", table = table.as_str()),
                },
                msg!("spark-help-table"),
            ),
            Cause::OutOfMemory {
                which,
                driver,
                executor,
            } => {
                let (driver, executor) = (setting(driver), setting(executor));
                match which {
                    Memory::Local => (
                        msg!("spark-cause-memory-local"),
                        msg!("spark-help-memory-driver", driver = driver),
                    ),
                    Memory::Driver => (
                        msg!("spark-cause-memory-driver"),
                        msg!("spark-help-memory-driver", driver = driver),
                    ),
                    Memory::Executor => (
                        msg!("spark-cause-memory-executor"),
                        msg!("spark-help-memory-executor", executor = executor),
                    ),
                    Memory::Container => (
                        msg!("spark-cause-memory-container"),
                        msg!("spark-help-memory-container", executor = executor),
                    ),
                    Memory::Unknown => (
                        msg!("spark-cause-memory"),
                        msg!("spark-help-memory", driver = driver, executor = executor),
                    ),
                }
            }
            Cause::ResultTooLarge => (
                msg!("spark-cause-result-size"),
                msg!("spark-help-result-size"),
            ),
            Cause::Killed => (msg!("spark-cause-killed"), msg!("spark-help-killed")),
            Cause::Stopped { signal } => (
                msg!("spark-cause-stopped", signal = signal.as_str()),
                msg!("spark-help-stopped"),
            ),
        }
    }
}

/// A memory setting as the help names it: its value, or that Spark's
/// default applies.
fn setting(value: &Option<String>) -> crate::i18n::Arg {
    match value {
        Some(v) => v.as_str().into(),
        None => msg!("spark-setting-default").into(),
    }
}

/// `9 (SIGKILL)` for 9, and so on; the number for others.
pub fn signal_name(signal: i32) -> String {
    let name = match signal {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        24 => "SIGXCPU",
        _ => return signal.to_string(),
    };
    format!("{signal} ({name})")
}

/// The text after `key` on the line.
fn after<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.find(key).map(|at| &line[at + key.len()..])
}

fn keep_first(slot: &mut Option<(String, bool)>, found: String, structured: bool) {
    match slot {
        Some((_, false)) => {}
        Some((_, true)) if structured => {}
        _ => *slot = Some((found, structured)),
    }
}

/// `[PATH_NOT_FOUND] Path does not exist: file:/data/x.csv. SQLSTATE: 42K03`
/// (Spark 3.4 and later), `Path does not exist: file:/data/x.csv;` (before):
/// the path.
fn missing_path(line: &str) -> Option<String> {
    let rest = after(line, "Path does not exist: ")?;
    let rest = match rest.find(" SQLSTATE:") {
        Some(end) => &rest[..end],
        None => rest.split("\\n").next().unwrap_or(rest),
    };
    let rest = rest.trim_end();
    let path = rest
        .strip_suffix('.')
        .or_else(|| rest.strip_suffix(';'))
        .unwrap_or(rest);
    (!path.is_empty()).then(|| path.to_string())
}

/// `[TABLE_OR_VIEW_NOT_FOUND] The table or view `db`.`t` cannot be found.`
/// (Spark 3.4 and later), `Table or view not found: db.t` (before): the
/// name, without Spark's backquotes.
fn missing_table(line: &str) -> Option<String> {
    let name = if let Some(rest) = after(line, "The table or view ") {
        rest.split(" cannot be found").next()?
    } else {
        let rest = after(line, "Table or view not found: ")?;
        rest.split([';', ' ']).next()?
    };
    let name = name.replace('`', "");
    (!name.is_empty()).then_some(name)
}

/// `Python in worker has different version: 3.10 than that in driver:
/// 3.12` (PySpark 3.4 and later), `... different version 2.7 than that in
/// driver 3.6` (before): (worker, driver).
fn python_versions(line: &str) -> Option<(String, String)> {
    let rest = after(line, "Python in worker has different version")?;
    let version = |s: &str| -> Option<String> {
        let s = s.trim_start_matches([':', ' ']);
        let v: String = s
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let v = v.trim_end_matches('.');
        (!v.is_empty()).then(|| v.to_string())
    };
    let worker = version(rest)?;
    let driver = version(after(rest, "than that in driver")?)?;
    Some((worker, driver))
}

/// An executor that ended with Spark's exit code for out of memory (52)
/// or was killed (137 = 128 + SIGKILL: the kernel's or a container's
/// memory killer, nearly always).
fn executor_exit(line: &str) -> bool {
    ["exited with code ", "exit code ", "exitStatus "]
        .iter()
        .any(|key| {
            line.match_indices(key).any(|(at, _)| {
                let code: String = line[at + key.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                code == "52" || code == "137"
            })
        })
        && (line.contains("xecutor") || line.contains("Command exited"))
}

#[cfg(test)]
mod tests;
