//! .xlsx strings written in parts, read as Excel and LibreOffice show
//! them (hostile review, 2026-12-07).
//!
//! A shared string (`<si>`) or an inline string (`<is>`) is a plain
//! `<t>`, runs of rich text (`<r><t>…</t></r>`) or both, with phonetic
//! guides (`<rPh>`) that are not shown. Spreadsheet programs show every
//! `<t>` of the string and of its runs, joined. calamine returns the
//! first plain `<t>` alone when one comes before any run: `<t/><r><t>是
//! </t></r>` (valid OOXML) read as an empty cell, and a held record's
//! destruction passed.
//!
//! So each string is read here twice, as calamine reads it and as it is
//! shown. Where the two differ, the shown text is the cell's value
//! ([`Parts::Shown`]); where text sits in an element neither the schema
//! nor a spreadsheet program places it in (a `<t>` inside an unknown
//! element, which calamine reads and LibreOffice does not), what is shown
//! is not known and the cell is an input error ([`Parts::Unclear`]).
//! Strings read alike (every string a spreadsheet program writes) leave
//! nothing behind.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};

use quick_xml::events::Event;

use crate::msg;

/// What a string calamine reads otherwise than it is shown is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parts {
    /// The text shown: every plain and run `<t>` joined.
    Shown(String),
    /// Text in an element a reader may or may not show.
    Unclear,
    /// Text of a run struck through (`<r><rPr><strike/></rPr>`): part
    /// of the cell crossed out, which voids it as a struck font does
    /// (hostile review h24a F3: `张三` struck beside `李四` counted two
    /// witnesses).
    Struck,
}

/// The shared strings calamine reads otherwise than they are shown, by
/// index.
pub type Misread = HashMap<usize, Parts>;

/// The shared strings (`xl/sharedStrings.xml`, found as calamine finds
/// it) of the .xlsx `bytes` that calamine misreads. The member is read
/// once, inflated as it is parsed: over `max` bytes the workbook is
/// refused (calamine reads it whole when the workbook opens, and a few KB
/// can inflate to gigabytes). A file that is not such a zip, or a member
/// whose XML cannot be read, is left to calamine, which reports it.
pub fn shared(bytes: &[u8], max: u64) -> Result<Misread, String> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(Misread::new());
    };
    let Some(i) = super::excel_xml::index_of(&zip, "xl/sharedStrings.xml") else {
        return Ok(Misread::new());
    };
    let Ok(part) = zip.by_index(i) else {
        return Ok(Misread::new());
    };
    let mut counted = Counted {
        inner: part.take(max.saturating_add(1)),
        read: 0,
    };
    let misread = each_string(BufReader::new(&mut counted));
    // What is left after an XML error is counted too.
    let _ = std::io::copy(&mut counted, &mut std::io::sink());
    if counted.read > max {
        return Err(msg!("excel-xlsx-shared-strings-too-large", max = max).words());
    }
    Ok(misread)
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// Each `<si>` of the shared strings `xml`, in order, that calamine
/// misreads. calamine counts every `<si>` start, wherever it is.
fn each_string<R: BufRead>(xml: R) -> Misread {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let (mut misread, mut index, mut buf) = (Misread::new(), 0usize, Vec::new());
    loop {
        buf.clear();
        let (name, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"si" => (e.name().0.to_vec(), false),
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => (Vec::new(), true),
            Ok(Event::Eof) | Err(_) => return misread,
            Ok(_) => continue,
        };
        if !empty {
            match string_parts(&mut reader, &name) {
                Some(Some(parts)) => {
                    misread.insert(index, parts);
                }
                Some(None) => {}
                None => return misread,
            }
        }
        index += 1;
    }
}

/// A string's text as calamine reads it and as it is shown, read up to
/// the end of the element `closing` (a `<si>` or an `<is>`): `None` where
/// the XML cannot be read, `Some(None)` when both read alike.
pub fn string_parts<R: BufRead>(
    reader: &mut quick_xml::Reader<R>,
    closing: &[u8],
) -> Option<Option<Parts>> {
    let mut read = Reading::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            // calamine ends the string at the first end of its name.
            Event::End(e) if e.name().as_ref() == closing => return Some(read.outcome()),
            Event::Start(e) if e.local_name().as_ref() == b"t" => {
                let name = e.name().as_ref().to_vec();
                let text = text_of(reader, &name)?;
                read.t(&text);
            }
            Event::Start(e) => {
                if e.local_name().as_ref() == b"strike" {
                    read.strike(super::excel_xml::strike_on(&e));
                }
                read.open(e.local_name().as_ref().to_vec());
            }
            Event::Empty(e) if e.local_name().as_ref() == b"t" => read.t(""),
            Event::Empty(e) if e.local_name().as_ref() == b"strike" => {
                read.strike(super::excel_xml::strike_on(&e));
            }
            // An empty `<r/>` starts calamine's rich text as `<r>` does.
            Event::Empty(e) if e.local_name().as_ref() == b"r" => read.open_close(b"r"),
            Event::End(_) => read.close(),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The text of a `<t>` up to its end, entities and character references
/// resolved and `_xHHHH_` escapes kept (both readings are compared as
/// written).
fn text_of<R: BufRead>(reader: &mut quick_xml::Reader<R>, name: &[u8]) -> Option<String> {
    element_text(reader, name, unescape_x00)
}

/// The text of the element `name` up to its end, entities and character
/// references resolved, each run of text through `run` (calamine unescapes
/// `_xHHHH_` in a string's text, not in a `<v>`).
pub(super) fn element_text<R: BufRead>(
    reader: &mut quick_xml::Reader<R>,
    name: &[u8],
    run: fn(&str) -> String,
) -> Option<String> {
    let (mut text, mut buf) = (String::new(), Vec::new());
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Text(t) => text.push_str(&run(&t.xml10_content().ok()?)),
            Event::GeneralRef(e) => {
                let name = e.decode().ok()?;
                match quick_xml::escape::resolve_predefined_entity(&name) {
                    Some(c) => text.push_str(c),
                    None => text.push(e.resolve_char_ref().ok()??),
                }
            }
            Event::End(e) if e.name().as_ref() == name => return Some(text),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// `_x00HH_` as the character HH, as calamine reads a text event.
fn unescape_x00(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x00") {
        let escape = rest.get(at..at + 7).filter(|e| e.ends_with('_'));
        let value = escape.and_then(|e| u8::from_str_radix(&e[4..6], 16).ok());
        match value {
            Some(v) => {
                out.push_str(&rest[..at]);
                out.push(char::from(v));
                rest = &rest[at + 7..];
            }
            None => {
                out.push_str(&rest[..at + 4]);
                rest = &rest[at + 4..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One string being read both ways.
#[derive(Default)]
struct Reading {
    /// The elements open inside the string, by local name.
    path: Vec<Vec<u8>>,
    /// calamine: its text once a run started, or its first plain `<t>`.
    rich: Option<String>,
    first_plain: Option<String>,
    /// calamine's phonetic flag (set by `<rPh>`, cleared by its end).
    phonetic: bool,
    /// As shown: the plain and run `<t>`s joined.
    shown: String,
    /// Text in a `<t>` shown by one reader and maybe not by another.
    unclear: bool,
    /// Whether the run being read is struck through, and whether any
    /// run's shown text was.
    run_struck: bool,
    struck: bool,
}

impl Reading {
    fn open(&mut self, name: Vec<u8>) {
        match name.as_slice() {
            b"r" if self.rich.is_none() && self.first_plain.is_none() => {
                self.rich = Some(String::new());
                self.run_struck = false;
            }
            b"r" => self.run_struck = false,
            b"rPh" => self.phonetic = true,
            _ => {}
        }
        self.path.push(name);
    }

    fn open_close(&mut self, name: &[u8]) {
        self.open(name.to_vec());
        self.close();
    }

    fn close(&mut self) {
        if self.path.pop().as_deref() == Some(b"rPh".as_slice()) {
            self.phonetic = false;
        }
    }

    /// A `<strike>` (`on` unless `val="0"`) where the path says: it
    /// strikes the run only inside the run's properties.
    fn strike(&mut self, on: bool) {
        if self.path.ends_with(&[b"r".to_vec(), b"rPr".to_vec()]) {
            self.run_struck = on;
        }
    }

    /// A `<t>` holding `text`, where the path says.
    fn t(&mut self, text: &str) {
        let shown = matches!(self.path.as_slice(), [] | [_]) && self.path.iter().all(|p| p == b"r");
        let phonetic = self.path.iter().any(|p| p == b"rPh");
        if shown {
            self.shown.push_str(text);
            // Only a run's text can be struck (`path` is `[r]`): a space
            // struck through crosses nothing out.
            self.struck |= self.run_struck && !self.path.is_empty() && !text.trim().is_empty();
        } else if !phonetic && !text.is_empty() {
            self.unclear = true;
        }
        if self.phonetic || self.first_plain.is_some() {
            return;
        }
        match &mut self.rich {
            Some(rich) => rich.push_str(text),
            None => self.first_plain = Some(text.to_string()),
        }
    }

    /// How the string is misread, if it is.
    fn outcome(self) -> Option<Parts> {
        let calamine = self.first_plain.or(self.rich).unwrap_or_default();
        match (self.unclear, calamine == self.shown) {
            (true, _) => Some(Parts::Unclear),
            (false, _) if self.struck => Some(Parts::Struck),
            (false, true) => None,
            (false, false) => Some(Parts::Shown(self.shown)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(xml: &str) -> Option<Parts> {
        let mut reader = quick_xml::Reader::from_reader(xml.as_bytes());
        let mut buf = Vec::new();
        // Past the string's start, named as it is written.
        let start = match reader.read_event_into(&mut buf).expect("the start") {
            Event::Start(e) => e.name().as_ref().to_vec(),
            other => panic!("not a start: {other:?}"),
        };
        string_parts(&mut reader, &start).expect("well-formed")
    }

    fn shown(text: &str) -> Option<Parts> {
        Some(Parts::Shown(text.into()))
    }

    /// Plain strings, runs, phonetic guides: read alike.
    #[test]
    fn strings_calamine_reads_as_shown_leave_nothing() {
        for xml in [
            "<si><t>是</t></si>",
            "<si><t/></si>",
            "<si></si>",
            "<si><r><t>是</t></r><r><rPr/><t>否</t></r></si>",
            "<si><t>否</t><rPh sb=\"0\" eb=\"1\"><t>是</t></rPh><phoneticPr fontId=\"1\"/></si>",
            "<si><rPh><t>是</t></rPh></si>",
            "<si><r><t>a</t></r><rPh><t>x</t></rPh><r><t>b</t></r></si>",
            "<x:si><x:t>是</x:t></x:si>",
        ] {
            assert_eq!(parts(xml), None, "{xml}");
        }
    }

    /// A plain `<t>` before runs or another `<t>`: calamine read the first
    /// alone.
    #[test]
    fn a_plain_t_before_more_parts_is_read_as_shown() {
        assert_eq!(parts("<si><t/><r><t>是</t></r></si>"), shown("是"));
        assert_eq!(parts("<si><t/><t>是</t></si>"), shown("是"));
        assert_eq!(
            parts("<si><t xml:space=\"preserve\"> </t><r><t>是</t></r></si>"),
            shown(" 是")
        );
        assert_eq!(parts("<si><t>否</t><r><t>是</t></r></si>"), shown("否是"));
        assert_eq!(
            parts("<si><t>a</t><rPh><t>x</t></rPh><r><t>b</t></r></si>"),
            shown("ab")
        );
        assert_eq!(parts("<si><t>a&amp;</t><t>_x0041_</t></si>"), shown("a&A"));
    }

    /// Text in an element no reader agrees on is unclear.
    #[test]
    fn text_in_an_unknown_element_is_unclear() {
        assert_eq!(parts("<si><x><t>是</t></x></si>"), Some(Parts::Unclear));
        assert_eq!(
            parts("<si><t>否</t><x><t>是</t></x></si>"),
            Some(Parts::Unclear)
        );
        assert_eq!(
            parts("<si><r><x><t>是</t></x></r></si>"),
            Some(Parts::Unclear)
        );
        // An unknown element without text changes nothing.
        assert_eq!(parts("<si><t>是</t><x><t/></x></si>"), None);
    }

    /// h24a F3: a run struck through in its properties voids the cell;
    /// a strike turned off, one on blank text, or on a font outside a
    /// run's properties does not.
    #[test]
    fn text_of_a_struck_run_is_struck() {
        let struck = "<rPr><strike/></rPr>";
        for xml in [
            format!("<si><r>{struck}<t>张三</t></r><r><t>、李四</t></r></si>"),
            format!("<si><r><t>李四、</t></r><r>{struck}<t>张三</t></r></si>"),
            format!("<si><t/><r>{struck}<t>是</t></r></si>"),
            "<si><r><rPr><b/><strike val=\"1\"/></rPr><t>是</t></r></si>".into(),
            "<si><r><rPr><strike></strike></rPr><t>是</t></r></si>".into(),
        ] {
            assert_eq!(parts(&xml), Some(Parts::Struck), "{xml}");
        }
        for xml in [
            "<si><r><rPr><strike val=\"0\"/></rPr><t>是</t></r></si>",
            "<si><r><rPr><strike val=\"false\"/></rPr><t>是</t></r></si>",
            "<si><r><rPr><strike/></rPr><t xml:space=\"preserve\"> </t></r><r><t>是</t></r></si>",
            "<si><r><rPr><strike/></rPr></r><r><t>是</t></r></si>",
            "<si><r><t>是</t></r></si>",
        ] {
            assert_ne!(parts(xml), Some(Parts::Struck), "{xml}");
        }
    }

    #[test]
    fn escapes_are_read_as_calamine_reads_them() {
        assert_eq!(unescape_x00("a_x0041_b_x00zz__x00"), "aAb_x00zz__x00");
        assert_eq!(unescape_x00("是"), "是");
    }

    #[test]
    fn every_misread_shared_string_is_found_by_index() {
        let xml = "<sst><si><t>否</t></si><si/><si><t/><r><t>是</t></r></si>\
                   <si><x><t>y</t></x></si></sst>";
        let found = each_string(xml.as_bytes());
        assert_eq!(found.len(), 2);
        assert_eq!(found.get(&2), Some(&Parts::Shown("是".into())));
        assert_eq!(found.get(&3), Some(&Parts::Unclear));
    }

    /// An .xlsx whose `xl/sharedStrings.xml` inflates past the limit is
    /// refused before calamine reads it whole (found in any letter case, as
    /// calamine finds it); at the limit it passes.
    #[test]
    fn shared_strings_are_counted_inflated_before_the_workbook_opens() {
        use std::io::Write;
        let text = format!("<sst><si><t>{}</t></si></sst>", "x".repeat(5000));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "xl/SharedStrings.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("in memory");
        zip.write_all(text.as_bytes()).expect("in memory");
        let bytes = zip.finish().expect("in memory").into_inner();
        assert!(bytes.len() < 1000, "compressed to {} bytes", bytes.len());
        let size = text.len() as u64;
        assert_eq!(shared(&bytes, size).map(|m| m.len()), Ok(0));
        let e = shared(&bytes, size - 1).expect_err("one byte over");
        assert!(e.contains(&format!("more than {} bytes", size - 1)), "{e}");
        // Not a zip, or no shared strings: left to calamine.
        assert_eq!(shared(b"not a zip", 1).map(|m| m.len()), Ok(0));
    }
}
