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

#[cfg(test)]
mod tests {
    use super::lone_cr_to_lf;

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
