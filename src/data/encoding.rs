//! Text encodings of data files. Files are UTF-8 unless a byte-order mark
//! says otherwise or the case names an encoding (`--encoding`, `encoding:` in
//! custodia.yaml). A file that is not valid in its encoding is not read; when
//! it looks like GB18030/GBK (what Excel writes for "CSV" on a Chinese
//! system) the error says so and how to read it.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_8};

/// The encoding for `label` (WHATWG labels: `utf-8`, `gb18030`, `gbk`,
/// `utf-16le`, ...), or an error naming the label.
pub fn from_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{label}`; use `utf-8` or `gb18030` (or another WHATWG encoding label such as `gbk` or `utf-16le`)")
    })
}

/// Why a file could not be decoded.
#[derive(Debug, PartialEq)]
pub struct DecodeError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// Decodes a whole file. A byte-order mark decides the encoding (UTF-8,
/// UTF-16LE/BE) and is removed; otherwise `encoding`, else UTF-8.
pub fn decode<'b>(
    bytes: &'b [u8],
    encoding: Option<&'static Encoding>,
) -> Result<Cow<'b, str>, DecodeError> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) => (bom_encoding, &bytes[len..]),
        None => (encoding.unwrap_or(UTF_8), bytes),
    };
    if encoding == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(e) => Err(not_utf8(body, e.valid_up_to())),
        };
    }
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(text),
        None => {
            let at = first_bad_byte(encoding, body);
            let (line, column) = position(body, at);
            Err(DecodeError {
                line,
                column,
                message: format!(
                    "the file is not valid {} (first bad byte at offset {at}); it was not read",
                    encoding.name()
                ),
            })
        }
    }
}

fn not_utf8(bytes: &[u8], at: usize) -> DecodeError {
    let (line, column) = position(bytes, at);
    let message = if looks_like_gb18030(bytes) {
        format!("the file is not UTF-8 (first bad byte at offset {at}): it looks like GB18030 (GBK), the encoding Excel uses for CSV on Chinese systems; \
         read it with `--encoding gb18030` (or `encoding: gb18030` in custodia.yaml), or save it as UTF-8; it was not read")
    } else {
        format!("the file is not valid UTF-8 (first bad byte at offset {at}); save it as UTF-8, or name its encoding with `--encoding` (for example `--encoding gb18030`); it was not read")
    };
    DecodeError {
        line,
        column,
        message,
    }
}

/// GB18030 decodes every byte string of its own without error, and most
/// other byte strings with errors; text that decodes cleanly and has CJK
/// characters is very likely GB18030.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some_and(|text| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
}

/// Offset of the first byte that `encoding` cannot decode.
fn first_bad_byte(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(4));
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        // `read` counts the malformed bytes and those consumed after them.
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            read.saturating_sub(bad as usize + after as usize)
        }
        _ => read,
    }
}

/// 1-based line and character column of byte `at` (the column counts the
/// characters before it on its line that decode as UTF-8).
fn position(bytes: &[u8], at: usize) -> (u32, u32) {
    let at = at.min(bytes.len());
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let column = String::from_utf8_lossy(&bytes[line_start..at])
        .chars()
        .count() as u32
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_its_bom_removed() {
        assert!(matches!(decode(b"a,b\n", None), Ok(Cow::Borrowed("a,b\n"))));
        assert_eq!(decode(b"\xEF\xBB\xBFa", None).as_deref(), Ok("a"));
    }

    #[test]
    fn gb18030_is_detected_and_named_then_read_when_asked() {
        let (bytes, _, _) = GB18030.encode("id,title\nR-1,客户档案\n");
        let err = decode(&bytes, None).expect_err("not UTF-8");
        assert_eq!((err.line, err.column), (2, 5));
        assert!(err.message.contains("GB18030"), "{}", err.message);
        let gb = from_label("gb18030").expect("a known label");
        assert_eq!(
            decode(&bytes, Some(gb)).as_deref(),
            Ok("id,title\nR-1,客户档案\n")
        );
        // GBK is a label of the same decoder.
        let gbk = from_label("GBK").expect("a known label");
        assert_eq!(
            decode(&bytes, Some(gbk)).as_deref(),
            Ok("id,title\nR-1,客户档案\n")
        );
    }

    #[test]
    fn a_stray_byte_is_not_called_gb18030() {
        let err = decode(b"id\nR-\xff\n", None).expect_err("not UTF-8");
        assert_eq!((err.line, err.column), (2, 3));
        assert!(err.message.contains("offset 5"), "{}", err.message);
        assert!(!err.message.contains("GB18030"), "{}", err.message);
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("id\n档案\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes, None).as_deref(), Ok("id\n档案\n"));
    }

    #[test]
    fn unknown_labels_are_named() {
        let e = from_label("klingon").expect_err("no such encoding");
        assert!(e.contains("`klingon`"), "{e}");
    }
}
