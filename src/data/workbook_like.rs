//! Workbooks under a name custodia does not read as one: an Excel template
//! (`.xltx`, `.xlt`), an add-in (`.xlam`), a WPS template (`.ett`), a flat
//! OpenDocument spreadsheet (`.fods`), an OA system's "export to Excel"
//! (an HTML table, `.html`), or a workbook whose name was changed
//! (`destruction-2025.xlsx.bak`, `.xlsx~`, no extension). At the case root
//! they were listed as "not a data file" and the run passed; under `logs/`
//! the bytes of one were read as text, and the error advised
//! `--encoding gb18030` (hostile review, 2026-12-05). Each is told here by
//! its extension or its bytes, with the extension to save it as
//! (docs/inputs-and-reports.md, "Input accounting").

use std::io::{Read, Seek};
use std::path::Path;

use crate::i18n::Msg;
use crate::msg;

/// What a workbook-like file is, by its bytes or its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An Office Open XML workbook (a zip with `xl/workbook.xml`): an
    /// .xlsx, or a template, add-in or macro workbook.
    Xlsx,
    /// An OLE compound file with a workbook stream (BIFF): an .xls, an
    /// .xlt template, a WPS .et or .ett.
    Xls,
    /// An OpenDocument spreadsheet (a zip whose `mimetype` says so).
    Ods,
    /// A flat OpenDocument spreadsheet: the same as one XML file.
    FlatOds,
    /// A web page holding a table, as OA systems write "export to Excel".
    WebPage,
}

impl Kind {
    /// The extension to save it as, one custodia reads.
    pub fn save_as(self) -> &'static str {
        match self {
            Kind::Xlsx | Kind::WebPage => "xlsx",
            Kind::Xls => "xls",
            Kind::Ods | Kind::FlatOds => "ods",
        }
    }

    /// Whether renaming it makes it a workbook custodia reads (a web page
    /// or a flat spreadsheet must be saved again).
    fn renamable(self) -> &'static str {
        match self {
            Kind::Xlsx | Kind::Xls | Kind::Ods => "yes",
            Kind::FlatOds | Kind::WebPage => "no",
        }
    }

    /// What it is, in words.
    pub fn what(self) -> Msg {
        match self {
            Kind::Xlsx => msg!("workbook-like-xlsx"),
            Kind::Xls => msg!("workbook-like-xls"),
            Kind::Ods => msg!("workbook-like-ods"),
            Kind::FlatOds => msg!("workbook-like-fods"),
            Kind::WebPage => msg!("workbook-like-web-page"),
        }
    }
}

/// Extensions of workbooks custodia does not read, and what they are.
/// (`.xlsm`, `.xml`: data-looking files already; `.et`, `.xlsb`: formats
/// custodia cannot open, said otherwise.)
const EXTENSIONS: [(&str, Kind); 11] = [
    ("xltx", Kind::Xlsx),
    ("xltm", Kind::Xlsx),
    ("xlam", Kind::Xlsx),
    ("xlt", Kind::Xls),
    ("xla", Kind::Xls),
    ("ett", Kind::Xls),
    ("ots", Kind::Ods),
    ("fods", Kind::FlatOds),
    ("html", Kind::WebPage),
    ("htm", Kind::WebPage),
    ("mht", Kind::WebPage),
];

/// What the file `path` is when it is a workbook custodia does not read
/// under its name: by its bytes (a workbook whatever its name), else by its
/// extension. A web page counts only when it holds a table (a report
/// custodia wrote, `--format html`, does: `own_reports` tells it).
pub fn of_file(path: &Path) -> Option<Kind> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if super::excel::is_workbook(&ext) {
        return None;
    }
    let by_name = EXTENSIONS
        .iter()
        .find(|(e, _)| *e == ext || (ext == "mhtml" && *e == "mht"))
        .map(|(_, k)| *k);
    let by_bytes = std::fs::File::open(path)
        .ok()
        .and_then(|mut f| container(&mut f).or_else(|| text_kind(&head(&mut f)?)));
    match by_bytes.or(by_name)? {
        Kind::WebPage if !holds_table(path) => None,
        kind => Some(kind),
    }
}

/// What the bytes of a file are when they are a workbook (to be read under
/// a workbook's extension).
pub fn of_bytes(bytes: &[u8]) -> Option<Kind> {
    container(&mut std::io::Cursor::new(bytes)).or_else(|| {
        let head = &bytes[..bytes.len().min(HEAD)];
        text_kind(head)
    })
}

/// Bytes of the file's start read to tell a text workbook.
const HEAD: usize = 4096;

fn head(f: &mut std::fs::File) -> Option<Vec<u8>> {
    f.rewind().ok()?;
    let mut head = Vec::new();
    f.take(HEAD as u64).read_to_end(&mut head).ok()?;
    Some(head)
}

/// A zip or OLE workbook.
fn container<R: Read + Seek>(r: &mut R) -> Option<Kind> {
    let mut magic = [0u8; 8];
    r.rewind().ok()?;
    r.read_exact(&mut magic).ok()?;
    r.rewind().ok()?;
    if magic.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(r).ok()?;
        if zip.index_for_name("xl/workbook.xml").is_some()
            || zip.index_for_name("xl/workbook.bin").is_some()
        {
            return Some(Kind::Xlsx);
        }
        let mut mimetype = Vec::new();
        zip.by_name("mimetype")
            .ok()?
            .take(128)
            .read_to_end(&mut mimetype)
            .ok()?;
        return mimetype
            .windows(24)
            .any(|w| w == b"opendocument.spreadsheet")
            .then_some(Kind::Ods);
    }
    if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        let ole = cfb::CompoundFile::open(r).ok()?;
        let workbook = ole.exists("/Workbook") || ole.exists("/Book");
        return workbook.then_some(Kind::Xls);
    }
    None
}

/// A flat OpenDocument spreadsheet or a web page, by its first bytes.
fn text_kind(head: &[u8]) -> Option<Kind> {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("<?xml")
        && text.contains("office:document")
        && text.contains("opendocument.spreadsheet")
    {
        return Some(Kind::FlatOds);
    }
    let page = ["<!doctype html", "<html", "<table"]
        .iter()
        .any(|p| lower.starts_with(p));
    page.then_some(Kind::WebPage)
}

/// Whether a web page holds a table (`<table`, any case), looked for in
/// its first MiB: an OA export is a table, an ordinary page is not data.
fn holds_table(path: &Path) -> bool {
    let mut text = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(1 << 20).read_to_end(&mut text))
        .is_ok()
        && text.windows(6).any(|w| w.eq_ignore_ascii_case(b"<table"))
}

/// The input error of a workbook-like file that no input reads, at the
/// case root or in a folder.
pub fn unread(kind: Kind) -> String {
    msg!(
        "account-workbook-like",
        what = kind.what().words(),
        save_as = kind.save_as(),
        rename = kind.renamable()
    )
    .words()
}

/// The input error of a workbook-like file given to read (under `logs/`,
/// or named by the manifest), `file` its case path: it is not read as
/// text.
pub fn misnamed(kind: Kind, file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    msg!(
        "load-workbook-like",
        what = kind.what().words(),
        name = name,
        save_as = kind.save_as(),
        rename = kind.renamable()
    )
    .words()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(members: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in members {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("in memory");
            zip.write_all(text.as_bytes()).expect("in memory");
        }
        zip.finish().expect("in memory").into_inner()
    }

    fn ole_of(stream: &str) -> Vec<u8> {
        let mut ole =
            cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("in memory");
        ole.create_stream(stream)
            .and_then(|mut s| s.write_all(b"records"))
            .expect("in memory");
        ole.flush().expect("in memory");
        ole.into_inner().into_inner()
    }

    #[test]
    fn workbooks_are_told_by_their_bytes() {
        let xlsx = zip_of(&[("xl/workbook.xml", "<workbook/>")]);
        assert_eq!(of_bytes(&xlsx), Some(Kind::Xlsx));
        let ods = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<x/>"),
        ]);
        assert_eq!(of_bytes(&ods), Some(Kind::Ods));
        assert_eq!(of_bytes(&ole_of("Workbook")), Some(Kind::Xls));
        assert_eq!(of_bytes(&ole_of("Book")), Some(Kind::Xls));
        let fods = "<?xml version=\"1.0\"?><office:document office:mimetype=\
                    \"application/vnd.oasis.opendocument.spreadsheet\">";
        assert_eq!(of_bytes(fods.as_bytes()), Some(Kind::FlatOds));
        let page = "\u{feff}<html><body><table><tr><td>id</td></tr></table>";
        assert_eq!(of_bytes(page.as_bytes()), Some(Kind::WebPage));
        // Not workbooks: a Word document (zip, OLE), an archive, text.
        let docx = zip_of(&[("word/document.xml", "<w/>")]);
        assert_eq!(of_bytes(&docx), None);
        assert_eq!(of_bytes(&ole_of("WordDocument")), None);
        let text = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text")]);
        assert_eq!(of_bytes(&text), None);
        assert_eq!(of_bytes(b"id,title\nR-1,x\n"), None);
        assert_eq!(of_bytes(b"PK\x03\x04 cut short"), None);
        assert_eq!(of_bytes(b""), None);
    }
}
