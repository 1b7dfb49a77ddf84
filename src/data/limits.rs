//! Resource limits on inputs (documented in docs/security.md). Each one
//! ends in an input error naming the file, the place and the limit, never in
//! a crash or unbounded memory.

use super::InputError;

/// Largest data file read (1 GiB): files are read whole.
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// Longest line of a CSV or JSONL file (1 MiB). JSON and YAML documents may
/// be written on one line and are bounded by the file size instead.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Lines one CSV record may span (a quoted field holding line breaks):
/// 1,000. A quote opened by mistake and closed far below (a stray `"` at
/// the start of a remark) made one cell of the 42,000 rows between, which
/// vanished without an error; a real multi-line remark is far shorter.
/// A stray pair closed a few rows below is caught by what those rows look
/// like instead (`record_lines::swallowed_rows`).
pub const MAX_RECORD_LINES: usize = 1000;
/// Deepest nesting of a JSON document; serde_json's own recursion limit,
/// named here so that it is documented in one place.
pub const MAX_JSON_DEPTH: usize = 128;
/// Undeclared columns named one by one per file; the rest are counted.
pub const MAX_UNDECLARED_NAMED: usize = 20;
/// Cells of the box from a workbook sheet's first written cell to its last
/// (10 million: 200,000 rows of 50 columns). The reader holds that box in
/// memory, written or not: one stray cell at `XFD1048576` asked for
/// 512 GiB and aborted the run. Checked before the sheet is read; for
/// .ods and .xls, which are read whole when opened, for every sheet and
/// for all sheets together, before the workbook is opened
/// (`excel_box`). An .ods box counts from A1.
pub const MAX_SHEET_CELLS: u64 = 10_000_000;
/// Text of an .ods workbook's cells once repeated cells and runs of spaces
/// are spelled out, as the reader spells them out (1 GiB, the largest
/// file read): one cell's text repeated over a box within
/// `MAX_SHEET_CELLS` asked for 100 GB.
pub const MAX_WORKBOOK_TEXT_BYTES: u64 = MAX_FILE_BYTES;
/// Input errors kept per file; the rest are counted in one last error.
pub const MAX_INPUT_ERRORS_PER_FILE: usize = 1000;

/// An error when the file at `len` bytes is over `max`.
pub fn file_size(rel: &str, len: u64, max: u64) -> Option<InputError> {
    (len > max).then(|| {
        InputError::file(
            rel,
            &crate::msg!("limits-file-size", bytes = len, max = max).words(),
        )
    })
}

/// The first line longer than `max` bytes, for the line-based formats.
pub fn line_length(rel: &str, ext: &str, bytes: &[u8], max: usize) -> Option<InputError> {
    // A file no longer than the limit has no line longer than it.
    if !matches!(ext, "csv" | "jsonl") || bytes.len() <= max {
        return None;
    }
    let (mut line, mut start) = (1u32, 0usize);
    // A lone carriage return ends a line too (see `split::lone_cr_to_lf`).
    // Line ends are found with `memchr` (this runs, alone, before a file
    // read whole is parsed).
    let ends = memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'));
    for end in ends.chain(std::iter::once(bytes.len())) {
        if end - start > max {
            let mut e = InputError::file(
                rel,
                &crate::msg!(
                    "limits-line-length",
                    line = line,
                    bytes = end - start,
                    max = max
                )
                .words(),
            );
            e.line = Some(line);
            return Some(e);
        }
        line += 1;
        start = end + 1;
    }
    None
}

/// Keeps at most `max` of the errors from `first` on (those of one file):
/// the first by line, and says how many more there were.
pub fn cap_errors(errors: &mut Vec<InputError>, first: usize, rel: &str, max: usize) {
    let count = errors.len().saturating_sub(first);
    if count <= max {
        return;
    }
    // Errors arrive in an order that depends on how the file was cut into
    // pieces (each piece's read errors after its rows' errors): sort, so the
    // ones kept are the same whatever the cut.
    errors[first..].sort();
    errors.truncate(first + max);
    errors.push(InputError::file(
        rel,
        &crate::msg!("limits-errors-not-kept", count = count - max, max = max).words(),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_size_limit() {
        assert_eq!(file_size("a.csv", 10, 10), None);
        let e = file_size("a.csv", 11, 10).expect("over the limit");
        assert_eq!(e.file, "a.csv");
        assert!(
            e.message.contains("11 bytes, over the limit of 10 bytes"),
            "{}",
            e.message
        );
    }

    #[test]
    fn line_length_limit_names_the_line_and_skips_json() {
        let text = b"id\nshort\nfar too long\nok";
        assert_eq!(line_length("a.csv", "csv", text, 12), None);
        let e = line_length("a.csv", "csv", text, 11).expect("line 3 is 12 bytes");
        assert_eq!(e.line, Some(3));
        assert!(
            e.message.contains("line 3 is 12 bytes long"),
            "{}",
            e.message
        );
        assert_eq!(line_length("a.json", "json", text, 1), None);
        // The last line need not end in a newline.
        assert!(line_length("a.jsonl", "jsonl", b"{}\n12345", 4).is_some());
        // Lone carriage returns end lines; CRLF is one line end.
        assert_eq!(line_length("a.csv", "csv", b"abc\rdef\r\nghi", 4), None);
    }

    fn at_line(line: u32) -> InputError {
        InputError {
            line: Some(line),
            ..InputError::file("a.csv", &format!("bad line {line}"))
        }
    }

    #[test]
    fn errors_over_the_cap_are_counted_not_kept() {
        let mut errors: Vec<InputError> = (0..5)
            .map(|i| InputError::file("other.csv", &i.to_string()))
            .chain((1..=30).map(at_line))
            .collect();
        cap_errors(&mut errors, 5, "a.csv", 20);
        assert_eq!(errors.len(), 5 + 20 + 1);
        assert_eq!(errors[4].message, "4", "other files' errors are untouched");
        assert_eq!(errors[24].message, "bad line 20");
        assert_eq!(
            errors[25].message,
            "10 more input errors in this file were not kept (at most 20 are kept per file)"
        );
    }

    /// Pieces of a file deliver errors out of line order (a piece's read
    /// errors after its rows' errors); the errors kept must not depend on it.
    #[test]
    fn the_errors_kept_are_the_first_lines_whatever_the_arrival_order() {
        let in_order: Vec<InputError> = (1..=30).map(at_line).collect();
        let mut shuffled = in_order.clone();
        shuffled.reverse();
        shuffled.swap(3, 17);
        let (mut a, mut b) = (in_order, shuffled);
        cap_errors(&mut a, 0, "a.csv", 20);
        cap_errors(&mut b, 0, "a.csv", 20);
        assert_eq!(a, b);
        assert_eq!(a[19].line, Some(20));
    }
}
