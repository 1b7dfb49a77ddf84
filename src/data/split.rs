//! Where a CSV or JSONL text may be cut into pieces that parse on their
//! own: at record ends, never inside a quoted CSV field.

use super::read::Base;

/// The csv crate's view of quotes: a quote only opens a quoted field at the
/// start of a field. Tracked byte by byte to find record ends for chunking
/// and the line of a quote left open.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum CsvState {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl CsvState {
    fn step(self, b: u8) -> CsvState {
        match (self, b) {
            (CsvState::Quoted, b'"') => CsvState::QuoteInQuoted,
            (CsvState::Quoted, _) => CsvState::Quoted,
            (CsvState::FieldStart, b'"') => CsvState::Quoted,
            (CsvState::QuoteInQuoted, b'"') => CsvState::Quoted,
            (_, b',' | b'\n') => CsvState::FieldStart,
            _ => CsvState::Unquoted,
        }
    }
}

/// Fields of one line of CSV text read on its own, quotes as the csv crate
/// reads them (a separator inside a quoted field separates nothing).
pub(crate) fn fields_in_line(line: &str) -> usize {
    line_fields(line).len()
}

/// The fields of one line of CSV text read on its own, split at commas
/// outside quotes (quotes left in).
pub(crate) fn line_fields(line: &str) -> Vec<&str> {
    let mut state = CsvState::FieldStart;
    let (mut fields, mut start) = (Vec::new(), 0);
    for (i, b) in line.bytes().enumerate() {
        let inside = state == CsvState::Quoted;
        state = state.step(b);
        if b == b',' && !inside {
            fields.push(&line[start..i]);
            start = i + 1;
        }
    }
    fields.push(&line[start..]);
    fields
}

/// Byte positions of the newlines that end CSV records (not those inside
/// quoted fields). `open_line` tracks the line of the last opening quote.
pub(crate) fn record_ends<'b>(
    bytes: &'b [u8],
    state: &'b mut CsvState,
    line: &'b mut u32,
) -> impl Iterator<Item = usize> + 'b {
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        *state = state.step(b);
        if b == b'\n' {
            *line += 1;
            if *state == CsvState::FieldStart {
                return Some(i);
            }
        }
        None
    })
}

/// Cuts `text[from..]` into pieces of about `size` bytes, each ending just
/// after a record end (a newline outside quotes for CSV, any newline for
/// JSONL), so each piece parses on its own. Returns the pieces' start bytes
/// and, for CSV, the line of a quote left open at the end of the file.
pub fn split_points(text: &str, from: usize, size: usize, csv: bool) -> (Vec<usize>, Option<u32>) {
    let bytes = text.as_bytes();
    let mut starts = vec![from];
    // Without any quote every newline ends a record, as in JSONL.
    let csv = csv && memchr::memchr(b'"', &bytes[from.min(bytes.len())..]).is_some();
    if !csv {
        let mut at = from;
        while at.saturating_add(size) < bytes.len() {
            match memchr_newline(&bytes[at + size..]) {
                Some(i) => {
                    at = at + size + i + 1;
                    if at < bytes.len() {
                        starts.push(at);
                    }
                }
                None => break,
            }
        }
        return (starts, None);
    }
    let base_lines = Base::of(text, from).lines;
    let (mut state, mut open_line, mut line) = (CsvState::FieldStart, 0u32, 1 + base_lines);
    let mut next_cut = from.saturating_add(size);
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        let before = state;
        state = state.step(b);
        if before == CsvState::FieldStart && state == CsvState::Quoted {
            open_line = line;
        }
        if b == b'\n' {
            line += 1;
            if state == CsvState::FieldStart && i + 1 >= next_cut && i + 1 < bytes.len() {
                starts.push(i + 1);
                next_cut = (i + 1).saturating_add(size);
            }
        }
    }
    let open = (state == CsvState::Quoted).then_some(open_line);
    (starts, open)
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

/// A line ended by a lone carriage return (classic Mac, "CSV (Macintosh)",
/// or mixed into a file) as if ended by a newline: every reader and line
/// count after this sees one kind of line end. The byte is replaced in
/// place, so offsets do not move. In CSV a carriage return inside a quoted
/// field is part of the value and stays; JSON text cannot hold a raw one
/// inside a string, and YAML reads it as a line break anyway.
pub fn lone_cr_to_lf(text: &str, csv: bool) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    let mut state = CsvState::FieldStart;
    for (i, byte) in out.iter_mut().enumerate() {
        if lone(i) && !(csv && state == CsvState::Quoted) {
            *byte = b'\n';
        }
        if csv {
            state = state.step(*byte);
        }
    }
    // ASCII for ASCII: still UTF-8; the fallback keeps this free of a panic.
    std::borrow::Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// The text of a tab-separated file written as CSV, when `text` is one:
/// Excel's "Unicode text" (`Unicode 文本 (*.txt)`) save, the most common
/// way Chinese staff export a sheet, is UTF-16 with a byte-order mark and
/// TAB between cells, quoting cells as CSV does (`"a""b"`). Read as CSV
/// it was one column named by the whole header, and every mapped column
/// was "missing" (hostile review, 2026-12-07, F5). Only a file decoded
/// from UTF-16 (`utf16`) is looked at, and it is tab-separated when its
/// first line with any text holds a tab and no comma outside quotes: a
/// comma-separated file's header holds commas, and a one-column file
/// neither. `None` otherwise, the text read as it is.
///
/// Each tab outside quotes becomes a comma and each unquoted cell holding
/// a comma is quoted; a quoted cell is kept as it is. Lines stay where
/// they are, so errors name the file's own lines, and cells keep their
/// positions (a CSV cell's column is its position).
pub fn tabs_to_commas(text: &str, utf16: bool) -> Option<String> {
    if !utf16 || !tab_separated(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut rest = text;
    while !rest.is_empty() {
        rest = copy_cell(rest, &mut out);
        if let Some(r) = rest.strip_prefix('\t') {
            out.push(',');
            rest = r;
        } else if let Some(c) = rest.chars().next() {
            // A line end (`\r` or `\n`): the next cell starts a record.
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(out)
}

/// Whether the first line of `text` with any text holds a tab and no
/// comma outside quotes.
fn tab_separated(text: &str) -> bool {
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let (mut quoted, mut tab, mut comma) = (false, false, false);
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\t' if !quoted => tab = true,
            b',' if !quoted => comma = true,
            _ => {}
        }
    }
    tab && !comma
}

/// Copies the cell at the start of `text` to `out` as a CSV cell, and
/// returns what follows it (a tab, a line end, or nothing).
fn copy_cell<'t>(text: &'t str, out: &mut String) -> &'t str {
    if text.starts_with('"') {
        // As csv reads a quoted cell: to the quote not doubled, then any
        // text up to the separator, kept as written.
        let bytes = text.as_bytes();
        let mut i = 1;
        while i < bytes.len() {
            match (bytes[i], bytes.get(i + 1)) {
                (b'"', Some(b'"')) => i += 2,
                (b'"', _) => break,
                _ => i += 1,
            }
        }
        let end = i + text
            .get(i..)
            .map_or(0, |r| r.find(['\t', '\r', '\n']).unwrap_or(r.len()));
        out.push_str(&text[..end.min(text.len())]);
        return &text[end.min(text.len())..];
    }
    let end = text.find(['\t', '\r', '\n']).unwrap_or(text.len());
    let cell = &text[..end];
    if cell.contains(',') {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
    &text[end..]
}

#[cfg(test)]
mod tests {
    use super::{lone_cr_to_lf, tabs_to_commas};

    #[test]
    fn a_utf16_tab_separated_text_is_written_as_csv() {
        let tsv = "单号\t备注\r\nX-1\t\"a\tb\"\"c\"\r\nX-2\t1,5\n\nX-3\t\"多\n行\"\n";
        assert_eq!(
            tabs_to_commas(tsv, true).as_deref(),
            Some("单号,备注\r\nX-1,\"a\tb\"\"c\"\r\nX-2,\"1,5\"\n\nX-3,\"多\n行\"\n")
        );
        // Not UTF-16, a header with a comma, or no tab: read as it is.
        assert_eq!(tabs_to_commas(tsv, false), None);
        assert_eq!(tabs_to_commas("a,b\tc\n1,2\n", true), None);
        assert_eq!(tabs_to_commas("单号\nX-1\n", true), None);
        // A title line above is skipped only when blank.
        assert_eq!(
            tabs_to_commas("\n\na\tb\n", true).as_deref(),
            Some("\n\na,b\n")
        );
    }

    #[test]
    fn lone_carriage_returns_end_lines_outside_quotes() {
        assert_eq!(
            lone_cr_to_lf("a,b\rc,d\r\ne,f\r", true),
            "a,b\nc,d\r\ne,f\n"
        );
        assert_eq!(lone_cr_to_lf("a,\"x\ry\"\rz,w", true), "a,\"x\ry\"\nz,w");
        assert_eq!(lone_cr_to_lf("{}\r{}\r\n", false), "{}\n{}\r\n");
        assert!(matches!(
            lone_cr_to_lf("a\r\nb\n", true),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
