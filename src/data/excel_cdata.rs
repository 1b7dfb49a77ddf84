//! CDATA sections in a workbook's cell XML, written as the text they hold
//! before anything reads the workbook (hostile review, 2026-12-06, F1).
//!
//! XML says `<t><![CDATA[是]]></t>` is the text `是`, as `<t>是</t>` is;
//! calamine reads only the second (its string and value readers pass over
//! CDATA), and so did custodia's own readings of the XML. A `是` in the
//! legal-hold column, as a shared string, an inline string, a `t="str"`
//! value or an .ods `<text:p>`, read as an empty cell and the held
//! record's destruction passed; `<v><![CDATA[0]]></v>` in a boolean cell
//! read as true, and a shared-string index so written as string 0.
//!
//! So the members holding cells (an .xlsx's shared strings and sheets, an
//! .ods's content.xml) are looked through for `<![CDATA[` first, inflated
//! and nothing kept. A workbook without any (every workbook a spreadsheet
//! program writes) is read as it is, with no copy. One with some is read
//! from a copy in which those members are written again, each CDATA
//! section as the escaped text it holds and the rest as it was; the other
//! members are copied as they are. Every reader after this one — calamine,
//! and custodia's own passes over the XML (formulas, number formats,
//! boxes, cells written twice, .ods cells) — then reads the text.

use std::io::{BufReader, Cursor, Read, Write};

use quick_xml::events::Event;

use crate::msg;

const CDATA: &[u8] = b"<![CDATA[";

/// The workbook `bytes` (of type `ext`) with the CDATA sections of its
/// cell XML written as text; `None` when it has none (or is not a zip:
/// left to the reader, which says why). A member holding CDATA that cannot
/// be written again is an error: read as it is, its CDATA would be empty
/// cells.
pub fn without_cdata(bytes: &[u8], ext: &str) -> Result<Option<Vec<u8>>, String> {
    let ext = ext.to_ascii_lowercase();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(None);
    };
    let with_cdata: Vec<usize> = (0..zip.len())
        .filter(|&i| {
            zip.by_index(i)
                .is_ok_and(|f| holds_cells(f.name(), &ext) && has_cdata(f))
        })
        .collect();
    if with_cdata.is_empty() {
        return Ok(None);
    }
    rewrite(&mut zip, &with_cdata).map(Some)
}

/// Whether the zip member `name` is one calamine reads cells from: an
/// .xlsx's shared strings and sheets (matched as calamine matches them,
/// letter case aside and `\` for `/`), an .ods's content.xml.
fn holds_cells(name: &str, ext: &str) -> bool {
    let name = name.replace('\\', "/").to_ascii_lowercase();
    match ext {
        "ods" => name == "content.xml",
        _ => {
            name == "xl/sharedstrings.xml"
                || name.starts_with("xl/worksheets/")
                || name.starts_with("xl/dialogsheets/")
        }
    }
}

/// Whether `from` holds `<![CDATA[`, read through in chunks. A read that
/// fails ends the search: no reader gets past that point either.
fn has_cdata(mut from: impl Read) -> bool {
    let finder = memchr::memmem::Finder::new(CDATA);
    let mut buf = vec![0u8; 64 << 10];
    // The last bytes of a chunk are kept before the next one, so a
    // marker split between two chunks is found.
    let mut kept = 0;
    loop {
        let n = match from.read(&mut buf[kept..]) {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        let end = kept + n;
        if finder.find(&buf[..end]).is_some() {
            return true;
        }
        kept = end.min(CDATA.len() - 1);
        buf.copy_within(end - kept..end, 0);
    }
}

/// A copy of `zip` in which the members `with_cdata` are written again
/// without CDATA, the others copied as they are (still compressed).
fn rewrite(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    with_cdata: &[usize],
) -> Result<Vec<u8>, String> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let copied = match with_cdata.contains(&i) {
            true => rewrite_member(zip, i, &mut out),
            false => zip
                .by_index_raw(i)
                .and_then(|f| out.raw_copy_file(f))
                .map_err(|e| e.to_string()),
        };
        copied.map_err(|reason| msg!("excel-cdata-unreadable", reason = reason).words())?;
    }
    let out = out.finish().map_err(|e| e.to_string());
    out.map(Cursor::into_inner)
        .map_err(|reason| msg!("excel-cdata-unreadable", reason = reason).words())
}

/// The member `i` of `zip` written into `out` with its CDATA as text.
fn rewrite_member(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    i: usize,
    out: &mut zip::ZipWriter<Cursor<Vec<u8>>>,
) -> Result<(), String> {
    let member = zip.by_index(i).map_err(|e| e.to_string())?;
    let name = member.name().to_string();
    // Deflated fast: the copy is held in memory until the workbook is read.
    let options = zip::write::SimpleFileOptions::default()
        .compression_level(Some(1))
        .large_file(member.size() >= u64::from(u32::MAX));
    out.start_file(name.as_str(), options)
        .map_err(|e| e.to_string())?;
    cdata_as_text(BufReader::new(member), out).map_err(|e| format!("{name}: {e}"))
}

/// The XML `from` written to `to` event by event, each CDATA section as
/// the escaped text it holds. Elements, text and the rest are written as
/// they were read; ends are not checked against their starts, as calamine
/// does not check them.
fn cdata_as_text(from: impl std::io::BufRead, to: impl Write) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(from);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    let mut writer = quick_xml::Writer::new(to);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("{e} (byte {})", reader.error_position()))?;
        let written = match event {
            Event::Eof => return Ok(()),
            Event::CData(text) => writer.get_mut().write_all(&escaped(&text)),
            event => writer.write_event(event),
        };
        written.map_err(|e| e.to_string())?;
    }
}

/// The bytes of a CDATA section as XML text: `&`, `<` and `>` escaped.
/// Byte by byte, whatever the document's encoding: in UTF-8 and the other
/// ASCII-compatible encodings those bytes are those characters only.
fn escaped(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    for &b in raw {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b => out.push(b),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_text(xml: &str) -> String {
        let mut out = Vec::new();
        cdata_as_text(xml.as_bytes(), &mut out).expect("well-formed XML");
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    /// CDATA becomes escaped text; everything else is written as read,
    /// character references, comments and empty elements included.
    #[test]
    fn cdata_is_written_as_escaped_text_and_the_rest_as_it_was() {
        let xml = "<?xml version=\"1.0\"?>\n<sst a='1'><si><t xml:space=\"preserve\">\
                   <![CDATA[是 <a&b> ]]></t></si><!-- <x> --><si><t>&#26159;&amp;<![CDATA[]]>x</t>\
                   </si><e/></sst>";
        assert_eq!(
            as_text(xml),
            "<?xml version=\"1.0\"?>\n<sst a='1'><si><t xml:space=\"preserve\">\
             是 &lt;a&amp;b&gt; </t></si><!-- <x> --><si><t>&#26159;&amp;x</t></si><e/></sst>"
        );
        let plain = "<r><c r=\"A1\" t=\"s\"><v>0</v></c></r>";
        assert_eq!(as_text(plain), plain);
    }

    /// The marker is found wherever it falls, across chunks too.
    #[test]
    fn cdata_is_found_across_chunks() {
        for at in [0, 1, (64 << 10) - 4, 64 << 10, (64 << 10) + 3, 200_000] {
            let mut xml = vec![b'x'; at];
            xml.extend_from_slice(b"<![CDATA[1]]>");
            assert!(has_cdata(xml.as_slice()), "at {at}");
            // Cut inside the marker: `<![CDATA` is no CDATA.
            assert!(!has_cdata(&xml[..xml.len() - 5]), "cut at {at}");
        }
        assert!(!has_cdata(&b"<t>x</t>"[..]));
    }

    #[test]
    fn only_the_members_holding_cells_are_looked_at() {
        assert!(holds_cells("xl/sharedStrings.xml", "xlsx"));
        assert!(holds_cells("XL\\Worksheets\\sheet1.xml", "xlsx"));
        assert!(!holds_cells("xl/styles.xml", "xlsx"));
        assert!(holds_cells("content.xml", "ods"));
        assert!(!holds_cells("styles.xml", "ods"));
    }

    fn zip_of(members: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in members {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("in memory");
            zip.write_all(text.as_bytes()).expect("in memory");
        }
        zip.finish().expect("in memory").into_inner()
    }

    fn member_of(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut text = String::new();
        let mut member = zip.by_name(name).expect("the member");
        member.read_to_string(&mut text).expect("UTF-8");
        text
    }

    #[test]
    fn not_a_zip_or_no_cdata_gives_no_copy() {
        assert_eq!(without_cdata(b"no", "xlsx"), Ok(None));
        let bytes = zip_of(&[("content.xml", "<t>x</t>"), ("styles.xml", "<![CDATA[")]);
        assert_eq!(without_cdata(&bytes, "ods"), Ok(None));
    }

    /// The members holding CDATA are written again; the others are kept
    /// as they were.
    #[test]
    fn a_copy_has_the_cdata_as_text_and_the_other_members_as_they_were() {
        let bytes = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<p><![CDATA[是]]></p>"),
            ("styles.xml", "<![CDATA[x]]>"),
        ]);
        let copy = without_cdata(&bytes, "ods")
            .expect("well-formed")
            .expect("a copy");
        assert_eq!(member_of(&copy, "content.xml"), "<p>是</p>");
        assert_eq!(member_of(&copy, "styles.xml"), "<![CDATA[x]]>");
        assert_eq!(
            member_of(&copy, "mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet"
        );
    }

    /// CDATA in XML that cannot be read is an error, never left unread.
    #[test]
    fn cdata_in_broken_xml_is_an_error() {
        let bytes = zip_of(&[("xl/worksheets/sheet1.xml", "<t><![CDATA[是]]></t><c r=\"")]);
        let e = without_cdata(&bytes, "xlsx").expect_err("broken XML");
        assert!(
            e.contains("holds text written as CDATA") && e.contains("xl/worksheets/sheet1.xml"),
            "{e}"
        );
    }
}
