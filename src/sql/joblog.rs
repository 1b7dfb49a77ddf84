//! What custodia keeps of a Spark job's output, and how a failed job is
//! told (docs/spark.md, "When the job fails").
//!
//! `spark-submit` writes the JVM's log to stderr, and the Python driver's
//! own output, tracebacks included, to stdout (PySpark's runner merges the
//! driver's stderr into it): an error in the SQL (`[PATH_NOT_FOUND]`,
//! `[TABLE_OR_VIEW_NOT_FOUND]`) is only there. Both are read line by line
//! as they come, each line shown to the recogniser
//! ([`super::diagnose::Seen`]); only the last lines and the first error
//! the script raised are kept, so a long job's log is never held whole.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, ExitStatus, Stdio};

use super::diagnose::{Job, Seen};
use crate::i18n::Lang;

/// The lines of the log shown after a failure.
const TAIL: usize = 30;
/// A longer line (a stack trace in one JSON log line) is cut in the tail.
const LINE_MAX: usize = 2000;
/// A "line" without a newline is read at most this long at a time.
const READ_MAX: u64 = 1 << 20;

/// The job's output, as far as custodia keeps it.
#[derive(Debug, Default)]
pub struct JobLog {
    tail: VecDeque<String>,
    /// The first line holding an error the script raised
    /// (`inplace::RAISED`, a catalogue id and its arguments).
    pub raised: Option<String>,
    pub seen: Seen,
}

impl JobLog {
    /// One line of stdout or stderr, without its line break.
    pub fn push(&mut self, line: &str) {
        self.seen.see(line);
        if self.raised.is_none() && line.contains(super::inplace::RAISED) {
            self.raised = Some(line.to_string());
        }
        if chatter(line) {
            return;
        }
        if self.tail.len() == TAIL {
            self.tail.pop_front();
        }
        let line = withheld(line);
        let line = match line.char_indices().nth(LINE_MAX) {
            Some((at, _)) => format!("{} …", &line[..at]),
            None => line,
        };
        self.tail.push_back(line);
    }

    /// Every line of `text`, as [`JobLog::push`] takes them (tests).
    pub fn of(text: &str) -> JobLog {
        let mut log = JobLog::default();
        for line in text.lines() {
            log.push(line);
        }
        log
    }
}

/// `line` without the data values Spark quotes in it, which may be
/// personal: a malformed record (`... in record parsing: [R-1,张三,138...]`)
/// and any value in single quotes (`[CAST_INVALID_INPUT] The value
/// '13812345678' of the type ...`). What custodia recognises in the log
/// is read before this (`Seen::see`); only the quoted tail loses them.
pub fn withheld(line: &str) -> String {
    const RECORD: &str = "record parsing:";
    let line = match line.find(RECORD) {
        Some(at) => format!("{} …", &line[..at + RECORD.len()]),
        None => line.to_string(),
    };
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(open) = rest.find('\'') {
        match rest[open + 1..].find('\'') {
            Some(len) => {
                out.push_str(&rest[..open]);
                out.push_str("'…'");
                rest = &rest[open + 1 + len + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The first error the script raised (`inplace::raise`: `custodia-error:`
/// and a JSON object of a `spark-run-*` catalogue id and its arguments) in
/// the run's language, with the source, its file (as the report names it)
/// and the field named as custodia.yaml and the schema name them. `None`
/// when the log holds none, or one this binary does not know.
pub fn raised_error(
    checked: &crate::check::Checked,
    parts: &[super::inplace::Part],
    log: &str,
) -> Option<String> {
    use crate::i18n::catalogue::Arg;
    use serde_json::Value as J;
    let at = log.find(super::inplace::RAISED)? + super::inplace::RAISED.len();
    let payload: serde_json::Map<String, J> = serde_json::Deserializer::from_str(&log[at..])
        .into_iter()
        .next()?
        .ok()?;
    let text = |k: &str| payload.get(k).and_then(J::as_str);
    let id = text("id").filter(|id| id.starts_with("spark-run-"))?;
    let mut args: Vec<(&str, Arg)> = Vec::new();
    if let Some(part) = text("part") {
        let part = parts.iter().find(|p| p.index.to_string() == part)?;
        args.push(("source", part.source.name().into()));
        if let Some(file) = text("file") {
            let file = match &part.source {
                crate::data::source::SparkSource::Table(t) => t.clone(),
                _ => super::inplace::shown_file(&part.root, file),
            };
            args.push(("file", file.into()));
        }
        if let Some(field) = text("field") {
            let c = checked.schema.collection(part.coll);
            let f = c.fields.get(field.parse::<usize>().ok()?)?;
            args.push(("field", format!("{}.{}", c.name, f.name).into()));
        }
    }
    if let Some(row) = text("row") {
        args.push(("row", row.into()));
    }
    let lang = crate::i18n::message_lang();
    crate::i18n::catalogue::has(crate::i18n::Lang::En, id)
        .then(|| crate::i18n::catalogue::text(lang, id, &args))
}

/// A log4j line below WARN (`26/12/04 10:42:29 INFO Executor: ...`, or
/// structured: `{"ts": ..., "level": "INFO", ...}`): Spark's start-up says
/// a screenful of them, which would push the error out of the tail.
fn chatter(line: &str) -> bool {
    let levels = ["INFO", "DEBUG", "TRACE"];
    if line.starts_with('{') {
        return levels
            .iter()
            .any(|l| line.contains(&format!("\"level\": \"{l}\"")));
    }
    // `yy/MM/dd HH:mm:ss LEVEL `: 17 characters of date and time.
    let stamp = line.get(..17).is_some_and(|s| {
        s.bytes().enumerate().all(|(i, b)| match i {
            2 | 5 => b == b'/',
            8 => b == b' ',
            11 | 14 => b == b':',
            _ => b.is_ascii_digit(),
        })
    });
    stamp
        && levels.iter().any(|l| {
            line[17..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(l))
        })
}

/// Runs `cmd` to its end, reading its stdout and stderr as they come into
/// one [`JobLog`] (lines in the order they arrive). `waiting` is called
/// once, when the log first says the job waits for executors: Spark waits
/// until a worker comes or someone stops it, so that is said while it
/// waits.
pub fn run(cmd: &mut Command, waiting: &dyn Fn()) -> std::io::Result<(ExitStatus, JobLog)> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let outputs: [Option<Box<dyn Read + Send>>; 2] = [
        child
            .stdout
            .take()
            .map(|o| Box::new(o) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|e| Box::new(e) as Box<dyn Read + Send>),
    ];
    let readers: Vec<_> = outputs
        .into_iter()
        .flatten()
        .map(|output| {
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut output = BufReader::new(output);
                loop {
                    let mut line = Vec::new();
                    match (&mut output).take(READ_MAX).read_until(b'\n', &mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {
                            if tx.send(line).is_err() {
                                break;
                            }
                        }
                    }
                }
            })
        })
        .collect();
    drop(tx);
    let mut log = JobLog::default();
    let mut said = false;
    for line in rx {
        let line = String::from_utf8_lossy(&line);
        log.push(line.trim_end_matches(['\n', '\r']));
        if !said && log.seen.waiting() {
            said = true;
            waiting();
        }
    }
    for reader in readers {
        // A reader only reads and sends; it ends when its pipe closes.
        let _ = reader.join();
    }
    Ok((child.wait()?, log))
}

/// The signal that ended the process.
fn signal(status: ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal()
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

/// The signal that ended the process, or, for an exit status of 128 + N
/// (as a shell wrapping `spark-submit` reports a child killed by signal
/// N), N.
pub fn signal_of(status: ExitStatus) -> Option<i32> {
    signal(status).or(match status.code() {
        Some(code @ 129..=159) => Some(code - 128),
        _ => None,
    })
}

/// While the job waits for executors: that it waits, why, and what to do.
pub fn waiting(lang: Lang, master: &str) -> String {
    let cause = super::diagnose::Cause::NoResources {
        master: master.to_string(),
    };
    let (cause, help) = cause.said();
    crate::t!(lang, "spark-waiting", cause = cause)
        + "\n"
        + &crate::t!(lang, "spark-help", help = help)
        + "\n"
}

/// A failed job in `lang`: the exit status, each cause recognised in its
/// log with what to do, then the log's last lines quoted as Spark wrote
/// them (`  | `), or that it wrote none.
pub fn failed(lang: Lang, status: ExitStatus, log: &JobLog, job: &Job) -> String {
    let killed = signal_of(status);
    let status = match (signal(status), status.code()) {
        (Some(signal), _) => crate::t!(
            lang,
            "spark-status-signal",
            signal = super::diagnose::signal_name(signal)
        ),
        (None, Some(code)) => crate::t!(lang, "spark-status-code", code = code),
        (None, None) => status.to_string(),
    };
    let mut out = crate::t!(lang, "spark-job-failed", status = status) + "\n";
    for cause in log.seen.causes(job, killed) {
        let (cause, help) = cause.said();
        out += &(crate::t!(lang, "spark-cause", cause = cause) + "\n");
        out += &(crate::t!(lang, "spark-help", help = help) + "\n");
    }
    if log.tail.is_empty() {
        out += &(crate::t!(lang, "spark-job-no-log") + "\n");
        return out;
    }
    out += &(crate::t!(lang, "spark-job-log") + "\n");
    for line in &log.tail {
        out += "  | ";
        out += line;
        out += "\n";
    }
    out
}
