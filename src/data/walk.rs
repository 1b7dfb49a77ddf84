//! Walks a folder of the case the one way every input is found: symbolic
//! links followed, hidden entries (name starting with `.`) neither read nor
//! entered, and every entry that is not a readable regular file or folder
//! (a dangling link, a link loop, an unreadable folder, a FIFO, a device)
//! returned as a problem naming it, never skipped in silence.

use std::path::{Path, PathBuf};

use super::case::relative;

/// What is below a folder.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files (a link counts as what it leads to), in path order.
    pub files: Vec<PathBuf>,
    /// Hidden files and folders, not entered.
    pub hidden: Vec<PathBuf>,
    /// Entries that could not be read, with why, in words.
    pub problems: Vec<(PathBuf, String)>,
    /// The walk stopped at its limit of entries (`walk_at_most`).
    pub truncated: bool,
}

/// Whether a name is hidden (`.git`, `.DS_Store`, an editor's `.#x` lock).
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Everything below `dir` (which must be a folder). `root` is the case
/// directory, for the paths in messages.
pub fn walk(dir: &Path, root: &Path) -> Walk {
    walk_at_most(dir, root, usize::MAX)
}

/// `walk`, stopping after `max` entries (a link in a folder nothing reads
/// may lead to `/`).
pub fn walk_at_most(dir: &Path, root: &Path, max: usize) -> Walk {
    let mut out = Walk::default();
    let mut entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let mut seen = 0usize;
    while let Some(entry) = entries.next() {
        seen += 1;
        if seen > max {
            out.truncated = true;
            break;
        }
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                // A hidden link to nothing (an editor's `.#x` lock) is
                // hidden first: it is not followed, so it cannot fail.
                if e.depth() > 0 && path.file_name().is_some_and(is_hidden) {
                    out.hidden.push(path);
                } else {
                    let message = walk_error(root, &e);
                    out.problems.push((path, message));
                }
                continue;
            }
        };
        if e.depth() > 0 && is_hidden(e.file_name()) {
            if e.file_type().is_dir() {
                entries.skip_current_dir();
            }
            out.hidden.push(e.into_path());
            continue;
        }
        let kind = e.file_type();
        if kind.is_file() {
            out.files.push(e.into_path());
        } else if !kind.is_dir() {
            let message = not_a_file(kind);
            out.problems.push((e.into_path(), message));
        }
    }
    out
}

/// What a path that should be a regular file is instead (links followed);
/// `None` when it is one.
pub fn not_a_regular_file(path: &Path) -> Option<String> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => None,
        Ok(m) if m.is_dir() => Some("a folder, not a file; it was not read".into()),
        Ok(m) => Some(not_a_file(m.file_type())),
        Err(e) => Some(missing(path, &e)),
    }
}

/// Why a path cannot be opened: a link to nothing, or nothing at all.
fn missing(path: &Path, e: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match (is_link, e.kind()) {
        (true, std::io::ErrorKind::NotFound) => {
            "a symbolic link to nothing; it was not followed".into()
        }
        (true, _) if e.raw_os_error() == Some(40) => {
            "a symbolic link loop (too many levels of links); it was not followed".into()
        }
        (false, std::io::ErrorKind::NotFound) => "this path does not exist".into(),
        _ => format!("cannot read this entry: {}", e.kind()),
    }
}

/// An entry that is neither a regular file nor a folder. A FIFO is never
/// opened: reading one waits for a writer that may never come.
fn not_a_file(kind: std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if kind.is_fifo() {
            Some("a FIFO (named pipe)")
        } else if kind.is_char_device() || kind.is_block_device() {
            Some("a device")
        } else if kind.is_socket() {
            Some("a socket")
        } else {
            None
        };
        if let Some(what) = what {
            return format!("{what}, not a regular file; it was not read");
        }
    }
    let _ = kind;
    "not a regular file; it was not read".into()
}

/// A folder entry that cannot be read, in words and with case-relative paths
/// (walkdir's own message has absolute ones).
pub fn walk_error(root: &Path, e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        return format!(
            "a symbolic link loop: this link leads back to `{}`; it was not followed",
            relative(root, ancestor)
        );
    }
    match e.io_error() {
        Some(io) if io.raw_os_error() == Some(40) => {
            "a symbolic link loop (too many levels of links); it was not followed".into()
        }
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "a symbolic link to nothing; it was not followed".into()
        }
        Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "cannot read this entry: permission denied; nothing below it was read".into()
        }
        Some(io) => format!("cannot read this entry: {}", io.kind()),
        None => "cannot read this entry".into(),
    }
}
