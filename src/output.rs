//! Where reports may be written, and writing them (security.md, "What
//! custodia reads and writes"): a report never replaces a file the run
//! reads, and never appears half-written where the old one was.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::data::case::CaseInputs;

/// A path as the file system resolves it (links followed). A file that does
/// not exist yet is resolved through its folder; a folder that does not
/// exist either is taken as given (the write will fail and say so).
fn resolved(p: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(p) {
        return p;
    }
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            std::fs::canonicalize(parent)
                .map(|d| d.join(name))
                .unwrap_or_else(|_| p.to_path_buf())
        }
        _ => p.to_path_buf(),
    }
}

/// Every path the run reads: files, and the folders whose files it reads
/// (`logs/`, `inventory/`, `tables/`, `policies/`), plus the baseline;
/// each with what it is (a token the catalogue's `output-over-input` puts
/// into words).
fn read_paths(inputs: &CaseInputs, baseline: Option<&Path>) -> Vec<(PathBuf, &'static str)> {
    let mut paths: Vec<(&Path, &'static str)> = Vec::new();
    paths.extend(inputs.manifest.iter().map(|p| (p.as_path(), "manifest")));
    paths.extend(inputs.company.iter().map(|p| (p.as_path(), "company")));
    paths.extend(inputs.inventory.iter().map(|p| (p.as_path(), "inventory")));
    paths.extend(inputs.logs.iter().map(|p| (p.as_path(), "logs")));
    paths.extend(inputs.tables.iter().map(|(_, p)| (p.as_path(), "table")));
    paths.extend(inputs.policies.iter().map(|p| (p.as_path(), "policies")));
    paths.extend(baseline.map(|p| (p, "baseline")));
    paths
        .into_iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, what)| (resolved(p), what))
        .collect()
}

/// Refuses a set of report paths that would replace an input of the run
/// (after following links), land inside a folder the run reads (the next
/// run would read the report as data), or name one file twice.
pub fn check_targets(
    inputs: &CaseInputs,
    baseline: Option<&Path>,
    targets: &[&Path],
) -> Result<(), String> {
    let read = read_paths(inputs, baseline);
    let lang = crate::i18n::message_lang();
    let mut seen: Vec<PathBuf> = Vec::new();
    for target in targets {
        let out = resolved(target);
        for (input, what) in &read {
            let clash = if input.is_dir() {
                out.starts_with(input)
            } else {
                out == *input
            };
            if clash {
                let place = if input.is_dir() { "inside" } else { "over" };
                return Err(over_input(lang, target, place, what, input));
            }
        }
        // A database, its log, an archive, or (inside the case folder)
        // any data file is evidence, whether or not this run reads it.
        if let Some(what) = crate::data::evidence_kind(&out, &inputs.root) {
            return Err(over_input(lang, target, "over", what, &out));
        }
        if let Some(name) = case_file_name(inputs, &out) {
            return Err(crate::t!(
                lang,
                "output-case-file",
                target = target.display().to_string(),
                name = name
            ) + "\n");
        }
        if let Some(glob) = glob_matching(inputs, &out) {
            return Err(crate::t!(
                lang,
                "output-case-glob",
                target = target.display().to_string(),
                glob = glob
            ) + "\n");
        }
        // Two reports written into one device, FIFO or standard stream
        // follow each other; only a file replaced by each loses one.
        if seen.contains(&out) && !written_into(target) {
            return Err(
                crate::t!(lang, "output-twice", target = target.display().to_string()) + "\n",
            );
        }
        seen.push(out);
    }
    Ok(())
}

/// The error for a report that would replace (`place`: `over`) or land
/// inside (`inside`) `input`, which is `what` (a token of the catalogue's
/// `output-over-input`).
fn over_input(
    lang: crate::i18n::Lang,
    target: &Path,
    place: &str,
    what: &str,
    input: &Path,
) -> String {
    crate::t!(
        lang,
        "output-over-input",
        target = target.display().to_string(),
        place = place,
        what = what,
        input = input.display().to_string()
    ) + "\n"
}

/// The name of `out` when it is a file the case folder is read by name
/// (`custodia.yaml`, `company.*`, `inventory.*` with a data extension; and
/// `custodia.yml`, which stops a run)
/// directly inside the case folder, whether or not it exists yet.
fn case_file_name(inputs: &CaseInputs, out: &Path) -> Option<String> {
    let root = std::fs::canonicalize(&inputs.root).ok()?;
    if out.parent() != Some(root.as_path()) {
        return None;
    }
    let name = out.file_name()?.to_string_lossy().into_owned();
    let stem = out.file_stem()?.to_string_lossy();
    // `custodia.yml` is not read, but its presence stops the next run.
    let read_by_name = matches!(&*name, "custodia.yaml" | "custodia.yml")
        || (matches!(&*stem, "company" | "inventory") && crate::data::case::is_data_file(out));
    read_by_name.then_some(name)
}

/// The glob of a custodia.yaml entry (`files: ["inv*.csv"]`) that a report
/// at `out` (resolved) would match: the next run would read the report as
/// data and stop INCOMPLETE (`--output github=inv-report.csv`; hostile
/// review h23c, 2026-12-07). A hidden name is never matched by a glob.
fn glob_matching(inputs: &CaseInputs, out: &Path) -> Option<String> {
    let name = out.file_name()?.to_string_lossy().into_owned();
    if name.starts_with('.') {
        return None;
    }
    let dir = out.parent()?;
    let mut globs = (inputs.mappings.entries.values().flatten())
        .flat_map(|r| r.entry.files.iter())
        .filter(|f| f.contains(['*', '?']));
    globs
        .find(|f| {
            let path = inputs.root.join(f.as_str());
            match (path.parent(), path.file_name()) {
                (Some(d), Some(p)) => {
                    resolved(d) == dir && crate::data::source::wildcard(&p.to_string_lossy(), &name)
                }
                _ => false,
            }
        })
        .cloned()
}

/// Removes the reports an earlier run left at `targets`, once the targets
/// are known to be safe to write ([`check_targets`]): a run that then stops
/// (a policy error, an unreadable input) leaves no report, where an
/// earlier run's "compliant" SARIF or JUnit stayed in place and a CI step
/// uploading whatever file was there showed it as this run's (hostile
/// review, 2026-12-05). Only a regular file (or a link to one, which
/// writing would replace too) is removed; a device, FIFO or socket is
/// written into, never removed.
///
/// **Decision (2026-12-07, hostile review h23c):** only a report custodia
/// wrote (or an empty file) is removed; a path holding any other file is
/// refused before anything is removed or read. `--output junit=notes.txt`
/// deleted the user's notes, and a run that then stopped left nothing in
/// their place.
pub fn remove_earlier_reports(targets: &[&Path]) -> Result<(), String> {
    // A descriptor of this process (`/dev/stdout`, a link to
    // `/proc/self/fd/1`) is written into, whatever it leads to.
    let files: Vec<&Path> = (targets.iter().copied())
        .filter(|t| std::fs::metadata(t).is_ok_and(|m| m.is_file()))
        .filter(|t| own_descriptor(t).is_none())
        .collect();
    if let Some(other) = files.iter().find(|t| !removable(t)) {
        return Err(crate::t!(
            crate::i18n::message_lang(),
            "output-not-a-report",
            path = other.display().to_string()
        ) + "\n");
    }
    for target in files {
        if let Err(e) = std::fs::remove_file(target) {
            let lang = crate::i18n::message_lang();
            return Err(crate::t!(
                lang,
                "output-cannot-remove-earlier",
                path = target.display().to_string(),
                error = &e
            ) + "\n");
        }
    }
    Ok(())
}

/// Whether the regular file at `path` may be removed as an earlier run's
/// report: empty, or a report custodia wrote, in any format (JSON, SARIF,
/// Code Quality, JUnit, GitHub and HTML by their structure; the audit
/// report in Markdown by its title line, the terminal report by its
/// `custodia VERSION · ` summary line).
fn removable(path: &Path) -> bool {
    use std::io::BufRead;
    if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return true;
    }
    if crate::data::is_custodia_report(path) {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let titles = [crate::i18n::Lang::En, crate::i18n::Lang::Zh]
        .map(|lang| format!("# {}", crate::t!(lang, "audit-title")));
    // `custodia 0.1.0 · as of …`, of this version or another.
    let summary = |line: &str| {
        (line.strip_prefix("custodia "))
            .and_then(|rest| rest.split_once(" · "))
            .is_some_and(|(version, _)| {
                !version.is_empty()
                    && (version.chars()).all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
            })
    };
    let mut lines = std::io::BufReader::new(file).split(b'\n');
    let mut first = true;
    while let Some(Ok(line)) = lines.next() {
        let line = String::from_utf8_lossy(&line);
        if first && titles.iter().any(|t| line.starts_with(t.as_str())) {
            return true;
        }
        first = false;
        if summary(&line) {
            return true;
        }
    }
    false
}

/// Writes `text` to `path` through a temporary file in the same folder,
/// renamed over `path` once complete: an interrupted run leaves the old
/// report (and at worst a `.NAME.custodia-tmp-PID` file), never half a new one.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(text.as_bytes()))
}

/// [`write_atomic`] for a report written piece by piece (buffered) by
/// `write`: the report is streamed to the temporary file, never held whole
/// in memory, and replaces `path` only once `write` has finished without
/// an error.
///
/// A `path` that is (or leads through links to) a character or block
/// device, a FIFO or a socket is written into instead: renaming over it
/// would replace `/dev/null` with a regular file (as root, for every
/// process of the machine), and a reader of a FIFO would never see the
/// report (security.md, "What custodia reads and writes").
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let write = match open_special(path)? {
        Some(into) => return write_into(into, write),
        None => write,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            crate::t!(crate::i18n::message_lang(), "output-no-file-name"),
        )
    })?;
    let tmp = dir.join(format!(
        ".{}.custodia-tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut f = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        write(&mut f)?;
        let f = f
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Whether a report to `path` is written into it rather than replacing it
/// (see [`write_atomic_with`]).
fn written_into(path: &Path) -> bool {
    let special = |t: std::fs::FileType| !t.is_file() && !t.is_dir();
    own_descriptor(path).is_some() || std::fs::metadata(path).is_ok_and(|m| special(m.file_type()))
}

/// Where a report is written when `path` is to be written into rather
/// than replaced.
enum Target {
    /// The process's own standard output or error (`/dev/stdout`,
    /// `/dev/fd/2`, ...), written through its handle, so that a report
    /// sent there and the main report follow each other at the one offset
    /// the shell gave (reopening `/dev/stdout` when it leads to a file
    /// starts a second offset at 0, and the main report overwrote it).
    Stdout,
    Stderr,
    File(std::fs::File),
}

/// Whether `path` is to be written into rather than replaced, and how:
/// when, links followed, it is neither a regular file nor a folder (a
/// device, a FIFO, a socket), or when it names one of the process's own
/// descriptors (`/dev/stdout`, `/dev/fd/1`, ...) whatever they lead to:
/// `--output json=/dev/stdout > r.json` must write into `r.json`, not
/// replace the link `/dev/stdout`. A file is opened without `create` and
/// without `truncate` (a device cannot be truncated, and the shell has
/// already created or emptied what a descriptor names), to append. The
/// open blocks until a FIFO has a reader, as a shell's `>` does. The opened
/// file is asked again: a path swapped for a regular file between the two
/// looks is left to the temporary file and rename.
fn open_special(path: &Path) -> std::io::Result<Option<Target>> {
    let special = |t: std::fs::FileType| !t.is_file() && !t.is_dir();
    let descriptor = own_descriptor(path);
    match descriptor {
        Some(1) => return Ok(Some(Target::Stdout)),
        Some(2) => return Ok(Some(Target::Stderr)),
        _ => {}
    }
    match std::fs::metadata(path) {
        Ok(m) if descriptor.is_some() || special(m.file_type()) => {}
        _ => return Ok(None),
    }
    let file = std::fs::OpenOptions::new().append(true).open(path)?;
    let keep = descriptor.is_some() || special(file.metadata()?.file_type());
    Ok(keep.then_some(Target::File(file)))
}

/// The number of the descriptor `path` names, for `/dev/stdout` (1),
/// `/dev/stderr` (2), `/dev/fd/N` and `/proc/self/fd/N`: the names a shell
/// user gives to the process's open files, however spelt (`/dev//stdout`,
/// `/dev/./stdout`) and through links to them (`out -> /proc/self/fd/1`).
/// Matched on the spelling alone, those were renamed over: the machine's
/// `/dev/stdout` link became a regular file and the report was lost
/// (review of 81c8099).
fn own_descriptor(path: &Path) -> Option<u32> {
    let mut at = tidy(path);
    for _ in 0..MAX_LINKS {
        if let Some(n) = descriptor_named(&at) {
            return Some(n);
        }
        let target = std::fs::read_link(&at).ok()?;
        at = match target.is_absolute() {
            true => tidy(&target),
            false => tidy(&at.parent()?.join(target)),
        };
    }
    None
}

/// Links followed to find a descriptor's name, as the kernel's limit.
const MAX_LINKS: usize = 40;

/// `path` without `.` and repeated separators.
fn tidy(path: &Path) -> std::path::PathBuf {
    path.components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect()
}

/// The descriptor a path names as written (see [`own_descriptor`]).
fn descriptor_named(path: &Path) -> Option<u32> {
    let text = path.to_str()?;
    match text {
        "/dev/stdout" => return Some(1),
        "/dev/stderr" => return Some(2),
        _ => {}
    }
    let n = text
        .strip_prefix("/dev/fd/")
        .or_else(|| text.strip_prefix("/proc/self/fd/"))?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// Writes a report straight into a device, FIFO, socket or standard
/// stream. Nothing is synced to disk: there is no disk behind most of them
/// (`fsync` on a pipe is an error), and the shell owns what a descriptor
/// names.
fn write_into(
    into: Target,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    fn buffered(
        w: impl Write,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        write(&mut w)?;
        w.flush()
    }
    match into {
        Target::Stdout => buffered(standard_output()?, write),
        Target::Stderr => buffered(standard_error()?, write),
        Target::File(f) => buffered(f, write),
    }
}

/// Whether standard output and standard error were closed when custodia
/// started: Rust's runtime then opens `/dev/null` (read and write) in their
/// place, and every write to them succeeds. `check CASE >&-` wrote its
/// report nowhere and exited 0 (hostile review h23c, 2026-12-07). Read
/// before anything else opens a file (`main`), and once.
static CLOSED_AT_START: std::sync::OnceLock<[bool; 2]> = std::sync::OnceLock::new();

fn closed_at_start() -> [bool; 2] {
    *CLOSED_AT_START.get_or_init(|| [opened_by_runtime(1), opened_by_runtime(2)])
}

/// Notes whether standard output and error were closed at start; call
/// first in `main`.
pub fn note_closed_stdout() {
    closed_at_start();
}

/// The error of a report sent to a standard stream closed at start.
fn closed_stream(name: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::BrokenPipe,
        crate::t!(
            crate::i18n::message_lang(),
            "output-stream-closed",
            stream = name
        ),
    )
}

/// Standard output, to write a report to: an error when it was closed
/// when custodia started, so that the report asked for there is a report
/// that could not be written (exit 2), never one written nowhere.
pub fn standard_output() -> std::io::Result<std::io::StdoutLock<'static>> {
    match closed_at_start()[0] {
        true => Err(closed_stream("stdout")),
        false => Ok(std::io::stdout().lock()),
    }
}

/// [`standard_output`] for a report sent to `/dev/stderr`.
fn standard_error() -> std::io::Result<std::io::StderrLock<'static>> {
    match closed_at_start()[1] {
        true => Err(closed_stream("stderr")),
        false => Ok(std::io::stderr().lock()),
    }
}

/// Whether descriptor `fd` is the `/dev/null` that Rust's runtime opens,
/// read and write, for a standard descriptor closed at start. A shell's
/// `>/dev/null` opens it write-only: that is a report knowingly thrown
/// away, and stays allowed. Only Linux says how a descriptor was opened
/// (`/proc/self/fdinfo`); elsewhere nothing is known, and nothing refused.
#[cfg(target_os = "linux")]
fn opened_by_runtime(fd: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(at), Ok(null)) = (
        std::fs::metadata(format!("/proc/self/fd/{fd}")),
        std::fs::metadata("/dev/null"),
    ) else {
        return false;
    };
    if (at.dev(), at.ino(), at.rdev()) != (null.dev(), null.ino(), null.rdev()) {
        return false;
    }
    let Ok(info) = std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}")) else {
        return false;
    };
    let flags = info
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok());
    // O_ACCMODE is 3, O_RDWR 2 on every Linux.
    flags.is_some_and(|f| f & 3 == 2)
}

#[cfg(not(target_os = "linux"))]
fn opened_by_runtime(_fd: u32) -> bool {
    false
}

/// Whether `path` names this process's standard output (`-`,
/// `/dev/stdout`, `/dev/fd/1`, a link to one), where the main report goes
/// unless a plain `--output` sends it elsewhere.
pub fn names_standard_output(path: &Path) -> bool {
    path.as_os_str() == "-" || own_descriptor(path) == Some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_streams_are_known_however_spelt() {
        for (spelt, n) in [
            ("/dev/stdout", 1),
            ("/dev//stdout", 1),
            ("/dev/./stdout", 1),
            ("/dev/stderr", 2),
            ("/dev/fd/3", 3),
            ("/proc/self/fd/1", 1),
            ("//proc/./self//fd/2", 2),
        ] {
            assert_eq!(
                descriptor_named(&tidy(Path::new(spelt))),
                Some(n),
                "{spelt}"
            );
        }
        assert_eq!(descriptor_named(&tidy(Path::new("/dev/fd/x"))), None);
        assert_eq!(descriptor_named(&tidy(Path::new("out/stdout"))), None);
    }
}
