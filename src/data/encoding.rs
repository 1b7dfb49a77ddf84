//! Text encodings of data files. Files are UTF-8 unless a byte-order mark
//! says otherwise or the case names an encoding (`--encoding`, `encoding:` in
//! custodia.yaml). A file that is not valid in its encoding is not read; when
//! it looks like GB18030/GBK (what Excel writes for "CSV" on a Chinese
//! system) the error says so and how to read it.

use std::borrow::Cow;

use crate::msg;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_8};

/// The encoding for `label` (WHATWG labels: `utf-8`, `gb18030`, `gbk`,
/// `utf-16le`, ...), or an error naming the label.
pub fn from_label(label: &str) -> Result<&'static Encoding, String> {
    from_label_in(label, crate::i18n::message_lang())
}

/// [`from_label`], its error in `lang` (the mapping's, which knows it).
pub fn from_label_in(label: &str, lang: crate::i18n::Lang) -> Result<&'static Encoding, String> {
    Encoding::for_label_no_replacement(label.trim().as_bytes())
        .ok_or_else(|| msg!("encoding-unknown", label = label).text(lang))
}

/// The encoding of a file whose case names none: none (UTF-8, or what its
/// byte-order mark says) unless the file is not UTF-8 and is GB18030 text
/// (`chinese`) more than it is damaged UTF-8: its bytes that are not UTF-8
/// outnumber its non-ASCII characters that are. Chinese UTF-8 text often
/// also decodes as GB18030 (as nonsense); one stray byte in it must cost
/// its row, not turn the whole file into nonsense. Text that reads as Big5
/// as well is not guessed: its rows are input errors asking for its
/// encoding.
pub fn guess(bytes: &[u8]) -> Option<&'static Encoding> {
    if Encoding::for_bom(bytes).is_some() {
        return None;
    }
    if let Some(utf16) = utf16_without_bom(bytes) {
        return Some(utf16);
    }
    if from_utf8(bytes).is_ok() {
        return None;
    }
    let (mut valid_non_ascii, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (invalid > valid_non_ascii && chinese(bytes) == Some(Chinese::Gb18030)).then_some(GB18030)
}

/// UTF-16 without a byte-order mark, as some tools export "Unicode text":
/// its ASCII characters (separators, digits, line ends) put a NUL byte in
/// every other byte, which is valid UTF-8, so the file read as one column
/// of `i\0d\0…` and the error said the header lacked its columns (hostile
/// review, 2026-12-04). Text never holds NUL; NULs at one parity in at
/// least a tenth of the first 4 KiB's code units, and at most an eighth as
/// many at the other (a Chinese character such as `丁`, U+4E01, has a NUL
/// byte too), are UTF-16.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let units = head.len() / 2;
    if units < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    match (
        even * 10 >= units && odd * 8 <= even,
        odd * 10 >= units && even * 8 <= odd,
    ) {
        (true, _) => return Some(encoding_rs::UTF_16BE),
        (_, true) => return Some(encoding_rs::UTF_16LE),
        _ => {}
    }
    // Chinese text in UTF-16 has NULs at both parities: `销` is U+9500,
    // `一` U+4E00, and a header of 销毁… words held more of them than the
    // eighth allowed above (hostile review, 2026-12-07, F5). More NULs at
    // one parity, in a tenth of the units, and the head read in that byte
    // order as text (`utf16_text`) is UTF-16 too: GBK and UTF-8 text never
    // hold a NUL, and binary data is not text in UTF-16.
    let order = match (
        even * 10 >= units && even > odd,
        odd * 10 >= units && odd > even,
    ) {
        (true, _) => u16::from_be_bytes,
        (_, true) => u16::from_le_bytes,
        _ => return None,
    };
    let utf16 = head.chunks_exact(2).map(|p| order([p[0], p[1]]));
    if !utf16_text(utf16) {
        return None;
    }
    Some(match even > odd {
        true => encoding_rs::UTF_16BE,
        false => encoding_rs::UTF_16LE,
    })
}

/// Whether the code units `units` are text: no unpaired surrogate (but
/// a high one cut off at the end), no NUL, no control character other
/// than tab and line ends, no noncharacter U+FFFE or U+FFFF.
fn utf16_text(units: impl Iterator<Item = u16> + Clone) -> bool {
    let total = units.clone().count();
    let mut seen = 0usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                seen += c.len_utf16();
                let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
                if control || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
                    return false;
                }
            }
            // Only a high surrogate cut off by the head's end is allowed.
            Err(e) => {
                seen += 1;
                let cut = seen == total && (0xD800..0xDC00).contains(&e.unpaired_surrogate());
                if !cut {
                    return false;
                }
            }
        }
    }
    true
}

/// Whether `e` is UTF-16, either byte order.
pub fn is_utf16(e: &'static Encoding) -> bool {
    e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE
}

/// `std::str::from_utf8`, validated with SIMD (`simdutf8`): every CSV and
/// JSONL input is validated as it loads, and Chinese text validates several
/// times faster this way. An error is std's (with its position).
pub fn from_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// The encoding a file's text was decoded from when its offsets are not
/// its bytes' (`InputFile::encoding`): a byte-order mark's, else `encoding`
/// unless UTF-8.
pub fn decoded_from(
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((e, _)) => Some(e),
        None => encoding.filter(|e| *e != UTF_8),
    }
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
    utf32(bytes)?;
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) => (bom_encoding, &bytes[len..]),
        None => (encoding.unwrap_or(UTF_8), bytes),
    };
    if encoding != UTF_8 && Encoding::for_bom(bytes).is_none() {
        if let Some(e) = utf8_named_otherwise(body, encoding) {
            return Err(e);
        }
        if let Some(e) = utf8_line_among_others(body, encoding) {
            return Err(e);
        }
        if let Some(e) = gb18030_named_single_byte(body, encoding) {
            return Err(e);
        }
    }
    if encoding == UTF_8 {
        return match from_utf8(body) {
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
                message: msg!("encoding-invalid", encoding = encoding.name(), at = at).words(),
            })
        }
    }
}

/// A UTF-32 byte-order mark: a UTF-16 one followed by two NUL bytes, or
/// the big-endian one. UTF-32 is not read (no spreadsheet writes it); the
/// UTF-16 mark in front of it was read as UTF-16 and the file as garbled
/// text, with a note saying UTF-16LE (hostile review, 2026-12-05).
fn utf32(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(DecodeError {
            line: 1,
            column: 1,
            message: msg!("encoding-utf32").words(),
        });
    }
    Ok(())
}

/// A file named (in custodia.yaml or by `--encoding`) as another encoding
/// whose bytes are valid UTF-8 with non-ASCII text in them: decoded as
/// named it would be read as mojibake without a word (a wrong name, since
/// Chinese text in GBK is practically never valid UTF-8 as well).
fn utf8_named_otherwise(body: &[u8], encoding: &'static Encoding) -> Option<DecodeError> {
    let first = body.iter().position(|b| !b.is_ascii())?;
    std::str::from_utf8(body).ok()?;
    let (line, column) = position(body, first);
    Some(DecodeError {
        line,
        column,
        message: msg!("encoding-utf8-named-otherwise", encoding = encoding.name()).words(),
    })
}

/// A file named as a single-byte encoding (`ascii`, `latin1`, which
/// WHATWG reads as windows-1252, and the like) whose bytes are Chinese
/// text in GB18030: a single-byte encoding decodes any byte, so a GBK
/// export named `ascii` was read as Latin letters (`客户营销回访` as
/// `¿Í»§ÓªÏú»Ø·Ã`) that no rule could match, and the run said COMPLIANT
/// (hostile review, 2026-12-06). Western text practically never decodes
/// as GB18030 without an error, its accented letters followed by ASCII.
fn gb18030_named_single_byte(body: &[u8], encoding: &'static Encoding) -> Option<DecodeError> {
    if !encoding.is_single_byte() {
        return None;
    }
    let first = body.iter().position(|b| !b.is_ascii())?;
    let encoding = encoding.name();
    let message = match chinese(body)? {
        Chinese::Gb18030 => msg!("encoding-gb18030-named-single-byte", encoding = encoding),
        Chinese::Big5OrGb18030 => msg!("encoding-big5-named-single-byte", encoding = encoding),
    };
    let (line, column) = position(body, first);
    Some(DecodeError {
        line,
        column,
        message: message.words(),
    })
}

/// A line of UTF-8 Chinese in a file read in another encoding (GBK rows,
/// then one a UTF-8 program appended): decoded as the file's encoding it
/// is nonsense (`客户营销回访` as `瀹㈡埛钀ラ攢鍥炶`) that no rule can match,
/// and GB18030 decodes it without an error (hostile review, 2026-12-05:
/// a marketing access hid so). A line counts when it is valid UTF-8 with
/// two or more CJK ideographs in it; a line of GBK text practically never
/// is both (`utf8_line_among_others_ignores_gbk_text`).
fn utf8_line_among_others(body: &[u8], encoding: &'static Encoding) -> Option<DecodeError> {
    if !encoding.is_ascii_compatible() {
        return None;
    }
    let mut start = 0;
    for line in body.split(|b| *b == b'\n') {
        let at = start;
        start += line.len() + 1;
        let Some(first) = line.iter().position(|b| !b.is_ascii()) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(line) else {
            continue;
        };
        let ideographs = text
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        if ideographs >= 2 {
            let (line, column) = position(body, at + first);
            return Some(DecodeError {
                line,
                column,
                message: msg!(
                    "encoding-utf8-line-among-others",
                    encoding = encoding.name()
                )
                .words(),
            });
        }
    }
    None
}

/// Invalid UTF-8 in a line-based file (CSV, JSONL): each run of bad bytes
/// became as many `?` in the text (so every offset and line stays where it
/// was, and `?` is neither a quote, a separator nor a line end), and the row
/// holding one is left out on its own.
#[derive(Debug, Default)]
pub struct BadBytes {
    /// Text offsets of the first byte of each run of bad bytes, in order.
    pub offsets: Vec<u64>,
    /// The Chinese encoding the whole file reads as, if any.
    pub chinese: Option<Chinese>,
    /// Bytes of a byte-order mark before the text (offsets name file bytes).
    pub bom: u64,
    /// The error for the file as a whole (for a bad byte in a CSV header).
    pub first: Option<DecodeError>,
}

impl BadBytes {
    /// The first bad byte in `start..end` (text offsets).
    pub fn first_in(&self, start: u64, end: u64) -> Option<u64> {
        let i = self.offsets.partition_point(|&o| o < start);
        self.offsets.get(i).copied().filter(|&o| o < end)
    }

    /// Why the row holding the bad byte at text offset `at` was left out.
    pub fn row_message(&self, at: u64) -> String {
        let at = at + self.bom;
        match self.chinese {
            Some(Chinese::Gb18030) => msg!("encoding-row-looks-gb18030", at = at),
            Some(Chinese::Big5OrGb18030) => msg!("encoding-row-looks-big5", at = at),
            None => msg!("encoding-row-not-utf8", at = at),
        }
        .words()
    }
}

/// `decode` for the line-based formats: invalid UTF-8 does not stop the
/// file but is handed back as `BadBytes`, so only the rows holding it are
/// lost. Other encodings (named, or by byte-order mark) still decode whole
/// or not at all: their decoders do not resynchronise on a row boundary.
pub fn decode_rows<'b>(
    bytes: &'b [u8],
    encoding: Option<&'static Encoding>,
) -> Result<(Cow<'b, str>, BadBytes), DecodeError> {
    utf32(bytes)?;
    let (utf8, body, bom) = match Encoding::for_bom(bytes) {
        Some((e, len)) => (e == UTF_8, &bytes[len..], len as u64),
        None => (encoding.map_or(true, |e| e == UTF_8), bytes, 0),
    };
    if !utf8 {
        return decode(bytes, encoding).map(|text| (text, BadBytes::default()));
    }
    match from_utf8(body) {
        Ok(text) => Ok((Cow::Borrowed(text), BadBytes::default())),
        Err(e) => {
            let first = not_utf8(body, e.valid_up_to());
            let (text, offsets) = patch_bad_bytes(body);
            let bad = BadBytes {
                offsets,
                chinese: chinese(body),
                bom,
                first: Some(first),
            };
            Ok((Cow::Owned(text), bad))
        }
    }
}

/// `bytes` with every byte that is not UTF-8 replaced by `?`, and the
/// offsets where each run of them starts.
fn patch_bad_bytes(bytes: &[u8]) -> (String, Vec<u64>) {
    let mut out = Vec::with_capacity(bytes.len());
    let mut offsets = Vec::new();
    for chunk in bytes.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes());
        if !chunk.invalid().is_empty() {
            offsets.push(out.len() as u64);
            out.resize(out.len() + chunk.invalid().len(), b'?');
        }
    }
    // Valid by construction (valid chunks and ASCII); the fallback only
    // keeps this free of a panic path.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, offsets)
}

fn not_utf8(bytes: &[u8], at: usize) -> DecodeError {
    let (line, column) = position(bytes, at);
    let nuls = bytes.iter().take(4096).filter(|b| **b == 0).count();
    let message = match chinese(bytes) {
        // NUL bytes, in a twentieth of the head or more, are UTF-16's
        // (or UTF-32's): GB18030 never holds one, and advising it was
        // wrong (hostile review, 2026-12-07, F5).
        _ if nuls * 20 >= bytes.len().min(4096) => msg!("encoding-file-looks-utf16", at = at),
        Some(Chinese::Gb18030) => msg!("encoding-file-looks-gb18030", at = at),
        Some(Chinese::Big5OrGb18030) => msg!("encoding-file-looks-big5", at = at),
        None => msg!("encoding-file-not-utf8", at = at),
    }
    .words();
    DecodeError {
        line,
        column,
        message,
    }
}

/// The Chinese encoding of text that is not UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chinese {
    /// GB18030 (GBK), what Excel writes for CSV on a simplified Chinese
    /// system.
    Gb18030,
    /// Big5 (traditional characters, Taiwan and Hong Kong) at least as
    /// well as GB18030: which one is not guessed.
    Big5OrGb18030,
}

/// Fewer characters beyond ASCII than this, in text that reads as Big5
/// too, are not enough to tell GB18030 from Big5.
const FEW_CHARACTERS: usize = 8;

/// The Chinese encoding `bytes` read as, if any. GB18030 decodes every
/// byte string of its own without error, and most other byte strings with
/// errors; text that decodes cleanly and has CJK characters is very likely
/// GB18030 — or Big5, which GB18030 decodes without an error too (every
/// Big5 byte pair is a GBK one), into kana, private-use and rare
/// characters: `文書-3` read as `ゅ-3` (hostile review, 2026-12-06, F3:
/// a Big5 destruction list was read so, the held record's destruction was
/// only a dangling reference, and the run passed). So text is Big5 as
/// well when at least a quarter of its GBK characters are uncommon ones
/// (`gbk_uncommon`) and it decodes as Big5 with no greater share of
/// uncommon Big5 ones (`big5_uncommon`). Simplified Chinese text is
/// nearly all GB2312 (a rare character in a name is a few in a hundred),
/// traditional text in Big5 read as GBK about three in four uncommon.
pub fn chinese(bytes: &[u8]) -> Option<Chinese> {
    let text = GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
    if !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return None;
    }
    let (gbk, gbk_odd) = gbk_uncommon(bytes);
    let big5 = BIG5.decode_without_bom_handling_and_without_replacement(bytes);
    // A few characters tell nothing: `檔-3` in Big5 reads as the common
    // `郎-3` in GBK (third hostile re-test, 2026-12-06).
    if gbk < FEW_CHARACTERS && big5.is_some() {
        return Some(Chinese::Big5OrGb18030);
    }
    if gbk_odd * 4 < gbk {
        return Some(Chinese::Gb18030);
    }
    let (all, odd) = big5_uncommon(bytes);
    // Shares compared without division: odd / all <= gbk_odd / gbk.
    match big5.is_some() && odd * gbk <= gbk_odd * all {
        true => Some(Chinese::Big5OrGb18030),
        false => Some(Chinese::Gb18030),
    }
}

/// The characters of GB18030 text `bytes` beyond ASCII, and how many of
/// them are uncommon: outside GB2312's hanzi (rows B0–F7) and its
/// punctuation and full-width rows (A1–A3). Kana, Greek, Cyrillic, box
/// drawing, private use, the GBK extensions and four-byte sequences are.
fn gbk_uncommon(bytes: &[u8]) -> (usize, usize) {
    let (mut all, mut uncommon, mut i) = (0, 0, 0);
    while let Some(&lead) = bytes.get(i) {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let len = match lead {
            0..=0x7F => 1,
            // `€`, the one single byte GB18030 reads beyond ASCII.
            0x80 | 0xFF => 1,
            _ if next.is_ascii_digit() => 4,
            _ => 2,
        };
        if lead > 0x7F {
            let common = len == 2
                && (0xA1..=0xFE).contains(&next)
                && matches!(lead, 0xA1..=0xA3 | 0xB0..=0xF7);
            all += 1;
            uncommon += usize::from(!common);
        }
        i += len;
    }
    (all, uncommon)
}

/// The characters of Big5 text `bytes` beyond ASCII, and how many of them
/// are uncommon: outside Big5's symbols (A140–A3BF) and its two levels of
/// hanzi (A440–C67E, C940–F9D5); the HKSCS and vendor extensions are.
fn big5_uncommon(bytes: &[u8]) -> (usize, usize) {
    let (mut all, mut uncommon, mut i) = (0, 0, 0);
    while let Some(&lead) = bytes.get(i) {
        if lead <= 0x7F {
            i += 1;
            continue;
        }
        let code = u16::from_be_bytes([lead, bytes.get(i + 1).copied().unwrap_or(0)]);
        let common = matches!(code, 0xA140..=0xA3BF | 0xA440..=0xC67E | 0xC940..=0xF9D5);
        all += 1;
        uncommon += usize::from(!common);
        i += 2;
    }
    (all, uncommon)
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

    /// The SIMD validator agrees with std: the same text, the same error
    /// position (a bad byte after Chinese text, text cut inside a character).
    #[test]
    fn from_utf8_is_std_from_utf8() {
        let text = "档案整理/93754,10.43.14.17\n".repeat(20);
        assert_eq!(from_utf8(text.as_bytes()), Ok(text.as_str()));
        let mut bad = text.clone().into_bytes();
        bad[301] = 0xFF;
        let cut = &text.as_bytes()[..31 * 19 + 1];
        for bytes in [&bad[..], cut, &text.as_bytes()[..1]] {
            assert_eq!(from_utf8(bytes), std::str::from_utf8(bytes));
        }
    }

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
    fn bad_bytes_become_question_marks_at_the_same_offsets() {
        let (text, bad) = decode_rows(b"id\nR-\xff\xfe\nR-2\n\xe4\xb8", None).expect("UTF-8 rows");
        assert_eq!(text, "id\nR-??\nR-2\n??");
        assert_eq!(bad.offsets, [5, 6, 12]);
        assert_eq!(bad.first_in(3, 8), Some(5));
        assert_eq!(bad.first_in(8, 12), None);
        assert!(bad.row_message(5).contains("offset 5"));
        // A byte-order mark counts in the offsets a message names.
        let (_, bad) = decode_rows(b"\xEF\xBB\xBFid\n\xff\n", None).expect("UTF-8 rows");
        assert!(bad.row_message(bad.offsets[0]).contains("offset 6"));
        // A named encoding other than UTF-8 still decodes whole or not at all.
        let gb = from_label("gb18030").expect("a known label");
        assert!(decode_rows(b"id\n\x81\n", Some(gb)).is_err());
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("id\n档案\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes, None).as_deref(), Ok("id\n档案\n"));
    }

    #[test]
    fn utf16_without_a_bom_is_guessed_from_its_nul_bytes() {
        // `丁` (U+4E01) has a NUL byte of its own.
        let text = "id,题名,at\nR-1,合同丁,2026-01-05\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(guess(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(guess(&be), Some(encoding_rs::UTF_16BE));
        assert_eq!(
            decode(&le, guess(&le)).map(|t| t.into_owned()),
            Ok(text.to_string())
        );
        // UTF-8 text, ASCII or Chinese, is not.
        assert_eq!(guess(text.as_bytes()), None);
        assert_eq!(guess(b"id,title\nR-1,a\n"), None);
    }

    #[test]
    fn chinese_utf16_without_a_bom_is_guessed_despite_its_ideographs_nuls() {
        // 销 U+9500, 一 U+4E00, 丁 U+4E01: a NUL byte at the other parity.
        let text = "销毁单号\t档案号\t销毁日期\t一\t丁\r\n销-1\tR-1\t2026-05-20\t一\t丁\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(guess(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(guess(&be), Some(encoding_rs::UTF_16BE));
        // A control character in it: not text, not guessed; the error
        // then says UTF-16, not GB18030.
        let mut control = le.clone();
        control.splice(0..0, [0x07, 0x00]);
        assert_eq!(guess(&control), None);
        let err = decode(&control, None).expect_err("not UTF-8");
        assert!(err.message.contains("UTF-16"), "{}", err.message);
        // A character of two units cut in two by the end of the 4 KiB
        // looked at is still text.
        let cut = format!("{}a,b𠀀\n", "销,1\n".repeat(511));
        let le: Vec<u8> = cut.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(guess(&le), Some(encoding_rs::UTF_16LE));
    }

    #[test]
    fn gb18030_is_guessed_but_damaged_utf8_is_not() {
        let (gbk, _, _) = GB18030.encode("档案号,题名\nR-1,客户档案\n");
        assert_eq!(guess(&gbk), Some(GB18030));
        assert_eq!(guess("档案号,题名\n".as_bytes()), None);
        // Chinese UTF-8 with one stray byte also decodes as GB18030.
        let mut utf8 = "id,title\nR-1,客户档案资料\nR-2,x".as_bytes().to_vec();
        utf8.push(0xB5);
        utf8.extend_from_slice(b"\n");
        assert_eq!(guess(&utf8), None);
        assert_eq!(guess(b"id\nR-\xff\n"), None);
        assert_eq!(decoded_from(b"\xEF\xBB\xBFa", None), Some(UTF_8));
        assert_eq!(decoded_from(b"a", Some(UTF_8)), None);
        assert_eq!(decoded_from(b"a", Some(GB18030)), Some(GB18030));
    }

    #[test]
    fn utf8_text_named_as_gbk_is_refused_but_ascii_is_read() {
        let gbk = from_label("gbk").expect("a label");
        let err = decode("id,题名\n".as_bytes(), Some(gbk)).expect_err("refused");
        assert_eq!((err.line, err.column), (1, 4));
        assert!(err.message.contains("valid UTF-8"), "{}", err.message);
        assert!(decode_rows("id,title\n".as_bytes(), Some(gbk)).is_ok());
        let (text, _, _) = encoding_rs::GBK.encode("id,题名\n");
        assert_eq!(decode(&text, Some(gbk)).expect("GBK"), "id,题名\n");
    }

    /// A UTF-8 line among GBK ones stops the file, whether GB18030 was
    /// guessed or named; GBK rows alone are read.
    #[test]
    fn a_utf8_line_in_a_gbk_file_is_refused() {
        let rows = "at,purpose\n2026-05-01,清算核对档案资料整理\n2026-05-02,清算核对档案资料整理\n2026-05-03,清算核对档案资料整理\n";
        let (gbk, _, _) = GB18030.encode(rows);
        let mut mixed = gbk.to_vec();
        mixed.extend_from_slice("2026-05-06,客户营销回访\n".as_bytes());
        assert_eq!(guess(&mixed), Some(GB18030));
        let err = decode(&mixed, Some(GB18030)).expect_err("a mixed file");
        assert_eq!((err.line, err.column), (5, 12), "{err:?}");
        assert!(err.message.contains("UTF-8"), "{}", err.message);
        assert!(decode(&gbk, Some(GB18030)).is_ok());
    }

    /// GBK text of one to four characters a line that happens to be valid
    /// UTF-8 (`删` is C9 BE, `ɾ` in UTF-8) is not taken for a UTF-8 line:
    /// every pair of common characters of GB2312 level 1, as a line's only
    /// non-ASCII text, reads as GBK.
    #[test]
    fn utf8_line_among_others_ignores_gbk_text() {
        let common: Vec<char> = (0xb0u8..=0xd7)
            .flat_map(|lead| (0xa1u8..=0xfe).map(move |trail| [lead, trail]))
            .filter_map(|b| {
                GB18030
                    .decode_without_bom_handling_and_without_replacement(&b)?
                    .chars()
                    .next()
            })
            .collect();
        let (mut flagged, mut valid_utf8) = (0, 0);
        for pair in common.windows(2).step_by(7) {
            let line: String = format!("R-1,{}{}\n", pair[0], pair[1]);
            let (bytes, _, _) = GB18030.encode(&line);
            valid_utf8 += usize::from(std::str::from_utf8(&bytes).is_ok());
            if utf8_line_among_others(&bytes, GB18030).is_some() {
                flagged += 1;
            }
        }
        // Some are valid UTF-8: the ideographs decide.
        assert!(valid_utf8 > 0);
        assert_eq!(flagged, 0);
    }

    /// Traditional Chinese in Big5 decodes as GB18030 without an error, as
    /// kana, private-use and rare characters (`文書` as `ゅ` and a private
    /// character): it is not guessed GB18030, and its error names Big5
    /// (hostile review, 2026-12-06, F3). Read as named, it is its text.
    #[test]
    fn big5_text_is_not_guessed_gb18030() {
        let texts = [
            "at,record,method,place,witnesses,approved_by\n\
             2026-06-01 10:00,文書-3,shred,總部,王芳;陳靜,S-01\n",
            "檔案號,題名,密級,分類,形成日期,狀態,涉訴凍結\nR-1,客戶檔案甲,敏感,客戶資料,2020/1/1,在庫,否\n",
            "id,purpose\nR-1,客戶行銷回訪，電話回訪，已辦結。\n",
            "id,name\nS-01,陳靜\nS-02,張偉\nS-03,黃國華\n",
        ];
        for text in texts {
            let (big5, _, unmappable) = BIG5.encode(text);
            assert!(!unmappable, "{text}");
            assert!(GB18030
                .decode_without_bom_handling_and_without_replacement(&big5)
                .is_some());
            assert_eq!(chinese(&big5), Some(Chinese::Big5OrGb18030), "{text}");
            assert_eq!(guess(&big5), None, "{text}");
            let err = decode(&big5, None).expect_err("not UTF-8");
            assert!(err.message.contains("`encoding: big5`"), "{}", err.message);
            let (_, bad) = decode_rows(&big5, None).expect("UTF-8 rows");
            assert!(bad.row_message(0).contains("Big5"));
            let named = from_label("big5").expect("a WHATWG label");
            assert_eq!(decode(&big5, Some(named)).as_deref(), Ok(text));
        }
    }

    /// Simplified Chinese in GBK is still guessed, with the characters
    /// beyond GB2312 a roster of names holds (`喆`, `堃`, `珺`, ...) and
    /// full-width punctuation; and so is text that is not Big5 at all.
    #[test]
    fn gbk_text_is_guessed_with_its_rare_characters() {
        let names = "王喆 张堃 李珺 赵犇 刘昇 陈玥 周翀 吴垚 郑淼 孙鑫 钱骞 冯赟 何旻 吕婧";
        let roster: String = names
            .split(' ')
            .enumerate()
            .map(|(i, n)| format!("S-{i},{n},档案员,2020-01-01\n"))
            .collect();
        let texts = [
            format!("工号,姓名,岗位,授权开始\n{roster}"),
            "档案号,题名,密级,分类\nR-1,客户档案甲,敏感,客户资料\n".to_string(),
            "id,purpose\nR-1,客户营销回访，电话回访，已办结。备注：（无）\n".to_string(),
            "销毁时间,档案号,监销人\n2026-05-20 14:00,R-2,王芳;陈静\n".to_string(),
        ];
        for text in &texts {
            let (gbk, _, _) = encoding_rs::GBK.encode(text);
            assert_eq!(chinese(&gbk), Some(Chinese::Gb18030), "{text}");
        }
        let all = texts.concat();
        let (gbk, _, _) = encoding_rs::GBK.encode(&all);
        assert_eq!(guess(&gbk), Some(GB18030));
        // Names alone, a rare character in every other one, as many as
        // in Big5 would be uncommon: GBK reads them best.
        let (gbk, _, _) = encoding_rs::GBK.encode("id,name\nS-1,张堃\nS-2,赵犇\n");
        assert_eq!(chinese(&gbk), Some(Chinese::Gb18030));
    }

    /// `ascii` and `latin1` are windows-1252, which decodes any byte.
    #[test]
    fn gbk_text_named_as_a_single_byte_encoding_is_refused() {
        let (gbk, _, _) = GB18030.encode("at,purpose\n2026-05-06 10:00,客户营销回访\n");
        for label in [
            "ascii",
            "latin1",
            "iso-8859-1",
            "windows-1252",
            "x-user-defined",
        ] {
            let named = from_label(label).expect("a WHATWG label");
            let e = decode(&gbk, Some(named)).expect_err(label);
            assert_eq!((e.line, e.column), (2, 18), "{label}");
            assert!(e.message.contains("GB18030"), "{label}: {}", e.message);
        }
        // Western text in windows-1252 is read as named.
        let western = b"name,city\nM\xfcller,K\xf6ln\nZo\xeb,Cr\xe9teil\n";
        let named = from_label("latin1").expect("a WHATWG label");
        let text = decode(western, Some(named)).expect("windows-1252 text");
        assert!(
            text.contains("Müller,Köln") && text.contains("Zoë,Créteil"),
            "{text}"
        );
    }

    /// A UTF-32 file (either byte order, with its mark) is refused, not
    /// read as UTF-16.
    #[test]
    fn utf32_is_refused() {
        let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain("id\n".chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain("id\n".chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        for bytes in [le, be] {
            let err = decode(&bytes, None).expect_err("UTF-32");
            assert!(err.message.contains("UTF-32"), "{}", err.message);
            assert!(decode_rows(&bytes, None).is_err());
        }
        // A UTF-16 file whose first character is U+0000 is no text either;
        // one starting with any other character is UTF-16.
        assert!(decode(&[0xFF, 0xFE, b'i', 0, b'd', 0], None).is_ok());
    }

    #[test]
    fn unknown_labels_are_named() {
        let e = from_label("klingon").expect_err("no such encoding");
        assert!(e.contains("`klingon`"), "{e}");
    }
}
