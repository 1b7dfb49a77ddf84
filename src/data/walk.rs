//! Walks a folder of the case the one way every input is found: symbolic
//! links followed, hidden entries (name starting with `.`) neither read nor
//! entered, and every entry that is not a readable regular file or folder
//! (a dangling link, a link loop, an unreadable folder, a FIFO, a device)
//! returned as a problem naming it, never skipped in silence.

use crate::msg;
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
        Ok(m) if m.is_dir() => Some(msg!("walk-folder-not-file").words()),
        Ok(m) => Some(not_a_file(m.file_type())),
        Err(e) => Some(missing(path, &e)),
    }
}

/// Why a path cannot be opened: a link to nothing, or nothing at all.
fn missing(path: &Path, e: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match (is_link, e.kind()) {
        (true, std::io::ErrorKind::NotFound) => msg!("walk-dangling-link").words(),
        (true, _) if e.raw_os_error() == Some(40) => msg!("walk-link-loop").words(),
        (false, std::io::ErrorKind::NotFound) => msg!("walk-no-such-path").words(),
        _ => msg!("walk-cannot-read", reason = e).words(),
    }
}

/// An entry that is neither a regular file nor a folder. A FIFO is never
/// opened: reading one waits for a writer that may never come.
fn not_a_file(kind: std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if kind.is_fifo() {
            Some(msg!("walk-fifo"))
        } else if kind.is_char_device() || kind.is_block_device() {
            Some(msg!("walk-device"))
        } else if kind.is_socket() {
            Some(msg!("walk-socket"))
        } else {
            None
        };
        if let Some(what) = what {
            return msg!("walk-special-file", what = what).words();
        }
    }
    let _ = kind;
    msg!("walk-not-regular-file").words()
}

/// A folder entry that cannot be read, in words and with case-relative paths
/// (walkdir's own message has absolute ones).
pub fn walk_error(root: &Path, e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        return msg!("walk-link-loop-to", ancestor = relative(root, ancestor)).words();
    }
    match e.io_error() {
        Some(io) if io.raw_os_error() == Some(40) => msg!("walk-link-loop").words(),
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => msg!("walk-dangling-link").words(),
        Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            msg!("walk-permission-denied").words()
        }
        Some(io) => msg!("walk-cannot-read", reason = io).words(),
        None => msg!("walk-cannot-read-entry").words(),
    }
}
