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
            let text = crate::data::encoding::decode(&bytes, Some(encoding)).ok()?;
            // As the loader read it: a UTF-16 tab-separated CSV file's
            // offsets are those of its text written as CSV.
            let csv = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            let utf16 = crate::data::encoding::is_utf16(encoding);
            let text = Arc::new(
                crate::data::split::tabs_to_commas(&text, csv && utf16)
                    .unwrap_or_else(|| text.into_owned()),
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
/// The values of its test blocks' `given`s are masked ([`mask_given_values`]):
/// build it with [`PolicySource::new`].
#[derive(Debug, Clone)]
pub struct PolicySource {
    pub name: String,
    pub text: String,
}

impl PolicySource {
    /// The file `name` holding `text`, as a diagnostic quotes it.
    pub fn new(name: &str, text: &str) -> PolicySource {
        PolicySource {
            name: name.into(),
            text: mask_given_values(text),
        }
    }
}

/// `text` with every value written in a test block's `given` masked: each
/// byte of a string's content, of a token that starts with a digit (a
/// number, date, datetime or duration) and of a comment becomes `*`. A test
/// gives made-up rows, often shaped like personal data (a phone number, a
/// name), and a diagnostic that quotes the line would print them
/// (security.md, "Policy tests"). Field and collection names stay, and
/// every byte keeps its offset, so the spans and labels of a diagnostic
/// still point where they did. Text outside `given { ... }` is unchanged.
pub fn mask_given_values(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    // Depth of braces inside a `given`, once its `{` is passed (0: outside).
    let mut given: Option<usize> = None;
    let mut after_given = false;
    while i < bytes.len() {
        let c = bytes[i];
        let inside = given.is_some();
        match c {
            b'"' => {
                let (content_end, end) = string_end(bytes, i);
                if inside {
                    out[i + 1..content_end].fill(b'*');
                }
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                if inside {
                    out[i + 2..end].fill(b'*');
                }
                i = end;
                continue;
            }
            b'{' if after_given => {
                given = Some(1);
                after_given = false;
            }
            b'{' => given = given.map(|d| d + 1),
            b'}' => given = given.and_then(|d| d.checked_sub(1).filter(|d| *d > 0)),
            b'0'..=b'9' if inside => {
                let end = token_end(bytes, i);
                out[i..end].fill(b'*');
                i = end;
                continue;
            }
            c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                let end = token_end(bytes, i);
                if !inside && &bytes[i..end] == b"given" {
                    after_given = true;
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Only whole characters are replaced, each by as many ASCII bytes, so
    // this is UTF-8; were it not, the lossy copy still shows no value.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Where the content of the string that opens at `start` ends (its closing
/// quote, or the end of the text) and the offset after it, escapes skipped.
fn string_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (i, i + 1),
            _ => i += 1,
        }
    }
    (bytes.len(), bytes.len())
}

/// The end of a name or literal token at `start`: letters, digits, `_`,
/// any non-ASCII byte, and the `-:+.` of dates, times and decimals.
fn token_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80 || b"_-:+.".contains(&bytes[i]))
    {
        i += 1;
    }
    i
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

#[cfg(test)]
mod tests {
    use super::mask_given_values;

    #[test]
    fn given_values_are_masked_in_place() {
        let text = "test \"t 1\" {\n  given staff { id: \"S-1\", name: \"欧阳娜娜\", n: 13955501236, // 张三\n    at: 2026-01-05T09:15:00+08:00, l: [\"a\\\"b\"] }\n  expect r fails for \"S-1\"\n}\nrule r { require x == \"13812345678\" }\n";
        let masked = mask_given_values(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(
            masked,
            "test \"t 1\" {\n  given staff { id: \"***\", name: \"************\", n: ***********, //*******\n    at: *************************, l: [\"****\"] }\n  expect r fails for \"S-1\"\n}\nrule r { require x == \"13812345678\" }\n"
        );
    }

    #[test]
    fn an_unclosed_given_or_string_masks_to_the_end() {
        assert_eq!(mask_given_values("given s { a: \"张"), "given s { a: \"***");
        assert_eq!(mask_given_values("given s { a: 12"), "given s { a: **");
    }
}
