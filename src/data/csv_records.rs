//! The records of a CSV body, as the csv crate reads them, at less cost:
//! a line without a quote or a carriage return inside it is split at its
//! commas, its fields left in place; any other record is read by csv_core,
//! whose reader the csv crate wraps. Most lines of real logs quote
//! nothing, and csv_core's state machine, byte by byte, with a copy of
//! every field, was the largest cost of reading them (issue 16).

use std::ops::Range;

use csv_core::ReadRecordResult;

/// Where a record lies in the body: from `start` (after any empty lines)
/// to `end` (its terminator included), with `newlines` line ends before
/// `start` and `inner_newlines` inside its fields (quoted ones only).
/// `other_breaks`: a quoted field holds a line break that is not a line
/// end of the file (`record_lines::OTHER_BREAKS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub newlines: u32,
    pub inner_newlines: u32,
    pub other_breaks: bool,
}

/// A record's fields: a plain record's line, cut between its commas, or a
/// quoted record's fields unescaped and end to end.
#[derive(Clone, Copy)]
pub struct Fields<'r> {
    text: &'r str,
    ranges: &'r [Range<usize>],
}

impl<'r> Fields<'r> {
    pub fn len(&self) -> usize {
        self.ranges.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
    /// The field at `i` as written, quotes removed.
    pub fn get(&self, i: usize) -> Option<&'r str> {
        self.ranges.get(i).and_then(|r| self.text.get(r.clone()))
    }
    pub fn iter(&self) -> impl Iterator<Item = &'r str> + 'r {
        let text = self.text;
        self.ranges
            .iter()
            .map(move |r| text.get(r.clone()).unwrap_or(""))
    }
}

/// One record read: its place, and its fields (`None` for a quoted record
/// whose unescaped text is not UTF-8, which UTF-8 input cannot give).
pub struct Record<'r> {
    pub span: Span,
    pub fields: Option<Fields<'r>>,
}

pub struct Records<'t> {
    text: &'t str,
    pos: usize,
    /// Line ends in `text[..pos]`.
    newlines: u32,
    core: csv_core::Reader,
    /// csv_core's output for a quoted record: its fields end to end, and
    /// where each ends.
    unescaped: Vec<u8>,
    ends: Vec<usize>,
    ranges: Vec<Range<usize>>,
    /// `next_odd`'s last answer.
    odd: Option<usize>,
}

impl<'t> Records<'t> {
    pub fn new(text: &'t str) -> Self {
        Records {
            text,
            pos: 0,
            newlines: 0,
            // The csv crate's defaults: `,`, `"` doubled to escape, and CR,
            // LF or CRLF ending a record.
            core: csv_core::Reader::new(),
            unescaped: vec![0; 1024],
            ends: vec![0; 32],
            ranges: Vec::new(),
            odd: None,
        }
    }

    /// The next record; `None` at the end of the body.
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        loop {
            let rest = &self.text.as_bytes()[self.pos..];
            if rest.is_empty() {
                return None;
            }
            let line_end = memchr::memchr(b'\n', rest);
            let line = &rest[..line_end.unwrap_or(rest.len())];
            let content = line.strip_suffix(b"\r").unwrap_or(line);
            if self.next_odd() < self.pos + content.len() {
                return self.quoted();
            }
            let span = Span {
                start: self.pos,
                end: self.pos + line_end.map_or(rest.len(), |n| n + 1),
                newlines: self.newlines,
                inner_newlines: 0,
                other_breaks: false,
            };
            self.pos = span.end;
            self.newlines += u32::from(line_end.is_some());
            // csv_core skips empty lines.
            if content.is_empty() {
                continue;
            }
            // Cut at ASCII bytes (line ends, commas), so on characters.
            let text = &self.text[span.start..span.start + content.len()];
            self.ranges.clear();
            let mut from = 0;
            for comma in memchr::memchr_iter(b',', content) {
                self.ranges.push(from..comma);
                from = comma + 1;
            }
            self.ranges.push(from..content.len());
            return Some(Record {
                span,
                fields: Some(Fields {
                    text,
                    ranges: &self.ranges,
                }),
            });
        }
    }

    /// Where the next quote or CR is, at or after `pos` (the text's length
    /// when there is none). One `memchr2` answers for every line before
    /// it: looking for them in each line again cost two calls a line
    /// (about 100 instructions on a log's line). A file with CRLF line
    /// ends still looks once a line.
    fn next_odd(&mut self) -> usize {
        match self.odd {
            Some(at) if at >= self.pos => at,
            _ => {
                let rest = &self.text.as_bytes()[self.pos..];
                let at =
                    memchr::memchr2(b'"', b'\r', rest).map_or(self.text.len(), |i| self.pos + i);
                self.odd = Some(at);
                at
            }
        }
    }

    /// A record csv_core reads: one with quotes (which may span lines) or
    /// with a carriage return inside it (which ends a record alone).
    fn quoted(&mut self) -> Option<Record<'_>> {
        // Empty lines before it, which csv_core would skip unseen.
        let rest = &self.text.as_bytes()[self.pos..];
        let skipped = &rest[..rest
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count()];
        self.newlines += memchr::memchr_iter(b'\n', skipped).count() as u32;
        self.pos += skipped.len();
        let start = self.pos;
        self.core.reset();
        let (mut read, mut written, mut ended) = (0, 0, 0);
        loop {
            // Once the input is used up, an empty slice tells csv_core that
            // the body ends there.
            let (result, nin, nout, nend) = self.core.read_record(
                &self.text.as_bytes()[start + read..],
                &mut self.unescaped[written..],
                &mut self.ends[ended..],
            );
            read += nin;
            written += nout;
            ended += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.unescaped.resize(self.unescaped.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => {
                    self.pos = self.text.len();
                    return None;
                }
            }
        }
        let inner_newlines = memchr::memchr_iter(b'\n', &self.unescaped[..written]).count() as u32;
        let span = Span {
            start,
            end: start + read,
            newlines: self.newlines,
            inner_newlines,
            other_breaks: super::record_lines::has_other_breaks(&self.unescaped[..written]),
        };
        self.newlines +=
            memchr::memchr_iter(b'\n', &self.text.as_bytes()[start..span.end]).count() as u32;
        self.pos = span.end;
        // csv_core's field ends count from the record's first byte out.
        self.ranges.clear();
        let mut from = 0;
        for &to in &self.ends[..ended] {
            self.ranges.push(from..to);
            from = to;
        }
        let fields = super::encoding::from_utf8(&self.unescaped[..written])
            .ok()
            .filter(|text| {
                self.ranges
                    .iter()
                    .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
            })
            .map(|text| Fields {
                text,
                ranges: &self.ranges,
            });
        Some(Record { span, fields })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the csv crate reads (as `csv_body` used it before): each
    /// record's fields and the count of line ends before its first byte.
    fn by_csv_crate(text: &str) -> Vec<(Vec<String>, u32)> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut out = Vec::new();
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            // The csv crate's position is where the previous record ended:
            // the terminators csv_core skipped come first.
            let mut at = record.position().map_or(0, |p| p.byte()) as usize;
            while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            let newlines = memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() as u32;
            out.push((fields(&record), newlines));
        }
        out
    }

    fn fields(record: &csv::ByteRecord) -> Vec<String> {
        record
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect()
    }

    fn by_records(text: &str) -> Vec<(Vec<String>, u32)> {
        let mut records = Records::new(text);
        let mut out = Vec::new();
        let mut last_end = 0;
        while let Some(Record { span, fields }) = records.next_record() {
            assert!(span.start >= last_end && span.end > span.start, "{span:?}");
            last_end = span.end;
            let fields = fields.expect("UTF-8 in, UTF-8 out");
            out.push((fields.iter().map(str::to_string).collect(), span.newlines));
        }
        assert_eq!(records.pos, text.len());
        out
    }

    #[test]
    fn reads_what_the_csv_crate_reads() {
        let cases = [
            "",
            "\n",
            "\n\n\n",
            "\r\n\r\n",
            "a,b,c",
            "a,b,c\n",
            "a,b,c\r\n1,2,3\r\n",
            "a,b\n\n\nc,d\n",
            "a,b\r\n\r\n\r\nc,d\r\n",
            "a,b\rc,d\r",
            "a,b\r\rc,d",
            "a,b\r\r\nc,d\n",
            "\"a\",b\n",
            "\"a,b\",c\nd,e\n",
            "x,\"line one\nline two\",y\nz,w\n",
            "x,\"He said \"\"hi\"\"\",y\n",
            "x,\"open to the end\n",
            "a,b\"c\",d\n",
            "a,,\n,,\n",
            ",\n",
            "  \n",
            "\t,\n",
            "王芳,\"李,雷\",档案\n张三,李四,\r\n",
            "a,\"b\"\r\n\r\n\"c\",d\r\n",
            "\r\n\"q\"\r\n",
            "\r\r\"q\",x\n",
            "a\r",
            "\"\"",
            "\"unterminated",
            "a,b\n\"c\nd\"\n\ne,f",
        ];
        for text in cases {
            assert_eq!(by_records(text), by_csv_crate(text), "{text:?}");
        }
    }

    /// Commas, quotes, CRs and line ends at every position of lines of
    /// every length up to 21 bytes, read as the csv crate reads them.
    #[test]
    fn reads_marks_at_every_position_as_the_csv_crate() {
        let marks = [",", "\"", "\r", "\r\n", "\n", "长", ",,"];
        for len in 0..20 {
            for mark in marks {
                for at in 0..=len {
                    let mut line: String = "abcdefghijklmnopqrstu"[..len].to_string();
                    line.insert_str(at, mark);
                    for text in [
                        format!("{line}\nx,y\n"),
                        line.clone(),
                        format!("h,{line},t"),
                    ] {
                        assert_eq!(by_records(&text), by_csv_crate(&text), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn grows_its_buffers_for_a_long_quoted_record() {
        let long = "长".repeat(2000);
        let many = vec!["\"x\""; 100].join(",");
        let text = format!("\"{long}\",b\n{many}\n");
        assert_eq!(by_records(&text), by_csv_crate(&text));
        assert_eq!(by_records(&text)[1].0.len(), 100);
    }
}
