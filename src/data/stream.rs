//! Large CSV and JSONL files are read in windows of `window_bytes()`, cut at
//! record ends, so that only two windows of a file's text are in memory
//! while its rows load (the one parsing and the next, read meanwhile), not
//! the whole file. The rows, errors and digest are those
//! of reading the file whole: windows are cut where pieces are (at record
//! ends, outside CSV quotes) and pieces already give the same dataset
//! whatever the cut (`tests/determinism.rs`).
//!
//! Only clean files stream: UTF-8 without byte-order mark, no line over the
//! limit, no lone carriage return. That is checked first, in a pass that keeps nothing; any other
//! file is read whole, where its problem is reported with its position.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use sha2::{Digest, Sha256};

use super::loader::{Loader, Target};
use super::parallel::{self, Merger};
use super::read::{self, Base};
use super::rows::FileCtx;
use super::InputError;

/// Text read per window: half a group of pieces on the pool (4 MiB on two
/// threads), at least 4 MiB (on one thread a smaller window is only more
/// windows) and at most `MAX_WINDOW_BYTES`. The next window is read while this
/// one's pieces parse, so two are in memory: one group. The merge of a group
/// overlaps the parsing of the next, also across windows (`Merger`), so a
/// larger window only holds more text while its pieces parse (docs/scale.md,
/// "Loading").
pub fn window_bytes() -> usize {
    (parallel::group_len() * parallel::PIECE_BYTES / 2).clamp(4 << 20, MAX_WINDOW_BYTES)
}

/// Two windows hold a piece a thread even at 64 threads; without a cap,
/// `--threads 256` would read every file up to the 1 GiB limit whole.
const MAX_WINDOW_BYTES: usize = 32 << 20;

/// Whether `path` can be read in windows: UTF-8 throughout, no byte-order
/// mark, no line longer than `max_line` bytes. An unreadable file is not
/// clean (reading it whole reports why).
pub fn is_clean(path: &Path, max_line: usize) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    // `data` holds the unchecked tail of the last read (after its last
    // newline, so at most a line) and then the next read.
    let mut data: Vec<u8> = Vec::with_capacity(2 << 20);
    let mut line_len = 0usize;
    let mut first = true;
    loop {
        let kept = data.len();
        let n = match (&mut file).take(1 << 20).read_to_end(&mut data) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                data.truncate(kept);
                continue;
            }
            Err(_) => return false,
        };
        // UTF-16, marked or not, is decoded whole (`encoding::guess`).
        let utf16 = || super::encoding::utf16_without_bom(&data).is_some();
        if first && (encoding_rs::Encoding::for_bom(&data).is_some() || utf16()) {
            return false;
        }
        first = false;
        // A lone carriage return ends a line: such a file is read whole,
        // where line ends are made one kind (`split::lone_cr_to_lf`). One
        // last in the buffer is judged when the next byte is read.
        for cr in memchr::memchr_iter(b'\r', &data) {
            match data.get(cr + 1) {
                Some(b'\n') => {}
                Some(_) => return false,
                None if n == 0 => return false,
                None => {}
            }
        }
        let mut start = kept;
        for nl in memchr::memchr_iter(b'\n', &data[kept..]).map(|i| kept + i) {
            if line_len + (nl - start) > max_line {
                return false;
            }
            line_len = 0;
            start = nl + 1;
        }
        line_len += data.len() - start;
        if line_len > max_line {
            return false;
        }
        if n == 0 {
            return super::encoding::from_utf8(&data).is_ok();
        }
        // Whole lines are whole characters: check up to the last newline.
        if let Some(last) = memchr::memrchr(b'\n', &data) {
            if super::encoding::from_utf8(&data[..=last]).is_err() {
                return false;
            }
            data.drain(..=last);
        }
    }
}

/// [`is_clean`] of the large files a check may stream, worked out ahead on
/// a thread of its own, in the order the loader reads them: the pass over
/// a file (a fifth of a second at 800 MB) then runs beside the pool's
/// parsing of the files before it, not between them with the pool idle.
/// A file not listed, or asked for once the thread stopped without it, is
/// checked by the asker. Whoever lists files must have a thread `run` them:
/// an asker waits for a listed file until then.
pub struct CleanAhead {
    paths: Vec<PathBuf>,
    found: Mutex<Found>,
    ready: Condvar,
}

#[derive(Default)]
struct Found {
    clean: Vec<Option<bool>>,
    stopped: bool,
}

impl CleanAhead {
    pub fn new(paths: Vec<PathBuf>) -> Self {
        let found = Found {
            clean: vec![None; paths.len()],
            stopped: false,
        };
        CleanAhead {
            paths,
            found: Mutex::new(found),
            ready: Condvar::new(),
        }
    }

    /// Whether any file is listed (else no thread need run).
    pub fn lists_any(&self) -> bool {
        !self.paths.is_empty()
    }

    /// Checks each listed file in turn, until all are or `stop` is called.
    pub fn run(&self, max_line: usize) {
        // However the loop ends, askers stop waiting for it.
        struct Stopped<'c>(&'c CleanAhead);
        impl Drop for Stopped<'_> {
            fn drop(&mut self) {
                self.0.found().stopped = true;
                self.0.ready.notify_all();
            }
        }
        let _stopped = Stopped(self);
        for (i, path) in self.paths.iter().enumerate() {
            if self.found().stopped {
                return;
            }
            let clean = is_clean(path, max_line);
            self.found().clean[i] = Some(clean);
            self.ready.notify_all();
        }
    }

    /// The loader is done: files not yet checked are not needed.
    pub fn stop(&self) {
        self.found().stopped = true;
    }

    /// `is_clean(path, max_line)`, as worked out ahead when listed.
    pub fn is_clean(&self, path: &Path, max_line: usize) -> bool {
        if let Some(i) = self.paths.iter().position(|p| p == path) {
            let mut found = self.found();
            loop {
                if let Some(clean) = found.clean[i] {
                    return clean;
                }
                if found.stopped {
                    break;
                }
                found = self
                    .ready
                    .wait(found)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        }
        is_clean(path, max_line)
    }

    fn found(&self) -> MutexGuard<'_, Found> {
        self.found.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How a streamed file is read: CSV (with its header, once read) or JSONL.
struct Window<'a> {
    file: File,
    buf: Vec<u8>,
    /// Where `buf` starts in the file.
    base: Base,
    size: usize,
    /// The size a window is read at (`size` grows for a long record).
    window: usize,
    eof: bool,
    /// The next window's buffer, read while this one's pieces parse.
    ahead: Vec<u8>,
    /// Reading ahead failed: the error of the next `fill`, after the rows
    /// before it loaded, as when the file is read window after window.
    ahead_error: Option<std::io::Error>,
    hasher: Sha256,
    ctx: FileCtx<'a>,
    headers: Option<Vec<String>>,
    csv: bool,
    /// The header could not be read: the rest is only digested.
    skip: bool,
    /// The last group of pieces of the window before, merged while this
    /// window's first group parses.
    merger: Merger<()>,
}

/// What one window of a file gave.
enum Step {
    Loaded,
    /// The buffer holds no whole piece yet: read more.
    More,
}

impl Window<'_> {
    /// Digests the first `end` bytes of the buffer (whole records, read) and
    /// drops them, moving the window's place in the file past them.
    fn consume(&mut self, end: usize) {
        let done = &self.buf[..end];
        self.hasher.update(done);
        self.base = Base {
            lines: self.base.lines + memchr::memchr_iter(b'\n', done).count() as u32,
            offset: self.base.offset + end as u64,
        };
        self.buf.drain(..end);
    }

    /// Reads until the buffer holds `size` bytes or the file ends. The
    /// buffer grows only by what is read (no zero-filled reservation).
    fn fill(&mut self) -> std::io::Result<()> {
        if let Some(e) = self.ahead_error.take() {
            return Err(e);
        }
        if !self.eof {
            let wanted = self.size.saturating_sub(self.buf.len()) as u64;
            self.eof = read_into(&mut self.file, &mut self.buf, wanted)?;
        }
        Ok(())
    }
}

impl Loader<'_> {
    /// Loads a clean CSV or JSONL file (see [`is_clean`]) window by window;
    /// whether part of it could not be read (see `Loader::file`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn stream(
        &mut self,
        path: &Path,
        role: &'static str,
        target: Target,
        rel: &str,
        file_idx: u32,
        window_bytes: usize,
    ) -> bool {
        let first_error = self.ds.errors.len();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                let message = crate::msg!("load-cannot-read", reason = &e).words();
                self.ds.errors.push(InputError::file(rel, &message));
                return true;
            }
        };
        let stem = self.stem_for(path, &target);
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let mut w = Window {
            file,
            buf: Vec::new(),
            base: Base::default(),
            size: window_bytes,
            window: window_bytes,
            eof: false,
            ahead: Vec::new(),
            ahead_error: None,
            hasher: Sha256::new(),
            // A streamed file is UTF-8 throughout (`is_clean`): no bad bytes.
            ctx: FileCtx::new(
                self.schema,
                self.opts.tz,
                &self.check,
                file_idx,
                rel,
                role == "company",
            ),
            headers: None,
            csv,
            skip: false,
            merger: Merger::default(),
        };
        loop {
            if let Err(e) = w.fill() {
                w.merger.merge_pending(self.ds, &mut |()| {});
                let message = crate::msg!("load-cannot-read", reason = &e).words();
                self.ds.errors.push(InputError::file(rel, &message));
                break;
            }
            if w.skip {
                w.hasher.update(&w.buf);
                w.buf.clear();
            } else {
                match self.window(&mut w, &target, &stem) {
                    Ok(Step::Loaded) => {
                        // A long record grew the window; the next starts anew.
                        w.size = window_bytes;
                    }
                    Ok(Step::More) => {}
                    Err(message) => {
                        // The rows of earlier windows stay, counted and noted.
                        w.merger.merge_pending(self.ds, &mut |()| {});
                        self.ds.errors.push(InputError::file(rel, &message));
                        break;
                    }
                }
            }
            if w.eof && w.buf.is_empty() {
                break;
            }
        }
        // A file that failed part way has no digest: it was not read whole.
        if w.eof && w.buf.is_empty() {
            self.ds.files[file_idx as usize].sha256 = crate::text::hex(&w.hasher.finalize());
        }
        let loaded = w.merger.finish(self.ds, &mut |()| {});
        self.finish(rel, file_idx, first_error, w.ctx.is_company, loaded)
    }

    /// Loads the whole records at the front of the window's buffer, digests
    /// them and drops them from it. An error ends the file.
    fn window(&mut self, w: &mut Window, target: &Target, stem: &str) -> Result<Step, String> {
        // Up to the last newline (all of it at the end): whole characters.
        let usable = if w.eof {
            w.buf.len()
        } else {
            memchr::memrchr(b'\n', &w.buf).map_or(0, |i| i + 1)
        };
        let text = super::encoding::from_utf8(&w.buf[..usable])
            .map_err(|_| crate::msg!("load-file-changed").words())?;
        if w.csv && w.headers.is_none() {
            if !w.eof && !holds_a_record(text) {
                // The header row is not whole yet.
                w.size = w.size.saturating_mul(2);
                return Ok(Step::More);
            }
            let mut errors = Vec::new();
            let read = read::csv_headers(text, &mut errors);
            self.read_errors(w.ctx.rel, errors);
            let Some((headers, end)) = read else {
                // As when read whole: the header's error, and no rows.
                w.skip = true;
                return Ok(Step::More);
            };
            if self.header_lacks(target, stem, &headers, w.ctx.rel) {
                w.skip = true;
                return Ok(Step::More);
            }
            w.ctx.set_headers(&headers);
            w.headers = Some(headers);
            w.consume(end);
            return Ok(Step::More);
        }
        let piece_bytes = self.check.piece_bytes.unwrap_or(parallel::PIECE_BYTES);
        let (mut starts, open_quote) = read::split_points(text, 0, piece_bytes, w.csv);
        let end = if w.eof {
            text.len()
        } else if starts.len() > 1 {
            // The last piece may stop inside a record: it goes to the next window.
            starts.pop().unwrap_or(text.len())
        } else {
            // Not one whole piece yet (a record longer than the window).
            w.size = w.size.saturating_mul(2);
            return Ok(Step::More);
        };
        let mut open = None;
        if w.eof {
            open = open_quote.map(|line| line + w.base.lines);
        }
        let format = match &w.headers {
            Some(headers) => parallel::Format::Csv {
                headers,
                open_quote: open,
            },
            None => parallel::Format::Jsonl,
        };
        let chunk = &text[..end];
        // The rest (a piece that may stop inside a record) starts the next
        // window's buffer; the next window is read while this one parses.
        let mut next = std::mem::take(&mut w.ahead);
        next.clear();
        next.extend_from_slice(&w.buf[end..]);
        let wanted = match w.eof {
            true => 0,
            false => w.window.saturating_sub(next.len()) as u64,
        };
        // The digest costs as much as a core's share of parsing: on the
        // side, with the count of the window's lines and the next read.
        let (ctx, base, hasher, merger) = (&w.ctx, w.base, &mut w.hasher, &mut w.merger);
        let file = &mut w.file;
        let ds = &mut *self.ds;
        let ((), (lines, read)) = rayon::join(
            || parallel::load_pieces(ds, merger, ctx, target, stem, chunk, &format, &starts, base),
            || {
                hasher.update(chunk.as_bytes());
                let lines = memchr::memchr_iter(b'\n', chunk.as_bytes()).count() as u32;
                (lines, read_into(file, &mut next, wanted))
            },
        );
        if let Some(line) = open {
            w.merger.merge_pending(self.ds, &mut |()| {});
            self.read_errors(w.ctx.rel, vec![read::open_quote_error(line)]);
        }
        w.base = Base {
            lines: base.lines + lines,
            offset: base.offset + end as u64,
        };
        w.ahead = std::mem::replace(&mut w.buf, next);
        match read {
            Ok(eof) => w.eof |= eof,
            Err(e) => w.ahead_error = Some(e),
        }
        Ok(Step::Loaded)
    }
}

/// Appends up to `wanted` bytes of `file` to `buf`; whether the file ended
/// before them.
fn read_into(file: &mut File, buf: &mut Vec<u8>, wanted: u64) -> std::io::Result<bool> {
    if wanted == 0 {
        return Ok(false);
    }
    let n = file.take(wanted).read_to_end(buf)?;
    Ok((n as u64) < wanted)
}

/// Whether `text` holds a whole CSV record (a newline outside quotes).
fn holds_a_record(text: &str) -> bool {
    let (mut state, mut line) = (super::split::CsvState::FieldStart, 1);
    let found = super::split::record_ends(text.as_bytes(), &mut state, &mut line)
        .next()
        .is_some();
    found
}

#[cfg(test)]
mod tests {
    use super::{is_clean, CleanAhead};

    /// A window is half a round of pieces of the pool it loads on (the
    /// next is read while it parses), at least 4 MiB and no larger than 32
    /// MiB however many threads there are.
    #[test]
    fn a_window_is_half_a_round_of_pieces_up_to_32_mib() {
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
            pool.expect("pool").install(super::window_bytes)
        };
        assert_eq!(on(1), 4 << 20);
        assert_eq!(on(2), 4 << 20);
        assert_eq!(on(16), 32 << 20);
        assert_eq!(on(40), 32 << 20);
    }

    /// Worked out ahead or not, listed or not, stopped early or not: each
    /// file gets the answer `is_clean` gives, and no asker waits forever.
    #[test]
    fn clean_ahead_answers_as_is_clean() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            path
        };
        let clean = write("a.jsonl", b"{\"id\": \"R-1\"}\n");
        let marked = write("b.csv", b"\xEF\xBB\xBFid\nR-1\n");
        let unlisted = write("c.csv", b"id\nR-1\r\n");
        let ahead = CleanAhead::new(vec![clean.clone(), marked.clone()]);
        std::thread::scope(|scope| {
            scope.spawn(|| ahead.run(1000));
            for path in [&marked, &clean, &unlisted] {
                assert_eq!(ahead.is_clean(path, 1000), is_clean(path, 1000), "{path:?}");
            }
        });
        let stopped = CleanAhead::new(vec![clean.clone(), marked.clone()]);
        stopped.stop();
        stopped.run(1000);
        assert!(stopped.is_clean(&clean, 1000));
        assert!(!stopped.is_clean(&marked, 1000));
    }

    fn clean(bytes: &[u8], max_line: usize) -> bool {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.jsonl");
        std::fs::write(&path, bytes).expect("write");
        is_clean(&path, max_line)
    }

    /// A file over several 1 MiB reads: clean unless it has a byte-order
    /// mark, a bad byte (also one across a read boundary) or a long line.
    #[test]
    fn only_utf8_without_bom_and_long_lines_is_clean() {
        let line = "{\"id\": \"R-1\", \"title\": \"会计凭证\"}\n";
        let text = line.repeat(3 * (1 << 20) / line.len());
        assert!(clean(text.as_bytes(), 1000));
        assert!(!clean(&[b"\xEF\xBB\xBF", text.as_bytes()].concat(), 1000));
        // UTF-16 without a mark is valid UTF-8 byte by byte: not clean.
        let utf16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(!clean(&utf16, 1 << 20));
        let mut bad = text.clone().into_bytes();
        bad[(1 << 20) + 7] = 0xFF;
        assert!(!clean(&bad, 1000));
        // A character cut by the 1 MiB read is still whole: clean.
        let at = (1 << 20) - 1;
        let mut split = vec![b'a'; at];
        split.extend_from_slice("字\n".as_bytes());
        split.extend_from_slice(text.as_bytes());
        assert!(clean(&split, 2 << 20));
        // A line longer than the limit, across reads.
        let long = [&vec![b'x'; 1_500_000][..], b"\n", text.as_bytes()].concat();
        assert!(!clean(&long, 1 << 20));
        assert!(clean(&long, 2 << 20));
        assert!(!clean(text.as_bytes(), line.len() - 2));
        // A lone carriage return, also as the last byte of a read or file.
        assert!(!clean(&[text.as_bytes(), b"a\rb\n"].concat(), 1000));
        assert!(!clean(&[text.as_bytes(), b"a\r"].concat(), 1000));
        let mut cr_at_edge = vec![b'a'; (1 << 20) - 1];
        cr_at_edge.extend_from_slice(b"\r\n");
        cr_at_edge.extend_from_slice(text.as_bytes());
        assert!(clean(&cr_at_edge, 2 << 20));
    }
}
