//! miette sources: policy files, and single data lines that keep their real
//! line numbers (a data file may be huge; only the needed line is read).

use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;
use std::sync::{Arc, Mutex};

use encoding_rs::Encoding;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Longest data line shown; longer ones are cut (whole characters).
const MAX_LINE_BYTES: usize = 400;

#[derive(Debug, Clone)]
pub struct LineSource {
    pub name: String,
    pub text: String,
    /// 1-based line number of `text` in its file.
    pub line: u32,
}

impl LineSource {
    /// Reads the line starting at `offset` of `path`: a byte offset in the
    /// file, or, when the file was decoded (`encoding`: not UTF-8, or after
    /// a byte-order mark), an offset in the decoded text, which is where
    /// the loader's row offsets point.
    pub fn read(
        path: &Path,
        name: &str,
        encoding: Option<&'static Encoding>,
        offset: u64,
        line: u32,
    ) -> Option<LineSource> {
        let buf = match encoding {
            None => raw_line(path, offset)?,
            Some(e) => decoded_line(path, e, offset)?,
        };
        let mut text = String::from_utf8_lossy(&buf)
            .trim_end_matches(['\n', '\r'])
            .to_string();
        if text.len() > MAX_LINE_BYTES {
            let mut cut = MAX_LINE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            text.push('…');
        }
        Some(LineSource {
            name: name.into(),
            text,
            line,
        })
    }
}

/// The bytes of the line at byte `offset` of `path`, read alone: a data
/// file may be huge.
fn raw_line(path: &Path, offset: u64) -> Option<Vec<u8>> {
    let mut f = std::fs::File::open(path).ok()?;
    f.seek(SeekFrom::Start(offset)).ok()?;
    let mut buf = Vec::new();
    BufReader::new(f)
        .take(MAX_LINE_BYTES as u64 * 4)
        .read_until(b'\n', &mut buf)
        .ok()?;
    Some(buf)
}

/// The line at text `offset` of `path` decoded as the loader decoded it.
/// The last file decoded is kept: a report quotes many rows of one file.
fn decoded_line(path: &Path, encoding: &'static Encoding, offset: u64) -> Option<Vec<u8>> {
    type Cached = Option<(std::path::PathBuf, Arc<String>)>;
    static LAST: Mutex<Cached> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    let text = match &*last {
        Some((p, text)) if p == path => Arc::clone(text),
        _ => {
            let bytes = std::fs::read(path).ok()?;
            let text = Arc::new(
                crate::data::encoding::decode(&bytes, Some(encoding))
                    .ok()?
                    .into_owned(),
            );
            *last = Some((path.to_path_buf(), Arc::clone(&text)));
            text
        }
    };
    let rest = text.get(offset as usize..)?;
    let mut end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    end = end.min(MAX_LINE_BYTES * 4);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    Some(rest.as_bytes()[..end].to_vec())
}

use std::io::Read;

impl SourceCode for LineSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if span.offset() + span.len() > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            (0, self.text.len()).into(),
            self.line as usize - 1,
            0,
            1,
        );
        Ok(Box::new(contents))
    }
}

/// A whole policy file. miette counts the header's column in bytes; this
/// reports it in characters, so a column after Chinese text is right.
#[derive(Debug, Clone)]
pub struct PolicySource {
    pub name: String,
    pub text: String,
}

impl SourceCode for PolicySource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let start = inner.span().offset();
        let line_start = self
            .text
            .get(..start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(0, |t| t.chars().count());
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        );
        Ok(Box::new(contents))
    }
}
