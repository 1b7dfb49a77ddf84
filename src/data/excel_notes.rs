//! The cell notes (批注, comments) of an .xlsx sheet that void their row.
//!
//! **Decision (2026-12-08, hostile review h25a F11).** A register kept in
//! Excel marks a void entry with a note on it as often as with a strike
//! (`此条作废：接收方未签收，已重新办理`); the note part
//! (`xl/comments*.xml`) was not looked at and the voided handover passed.
//! A note on a cell read whose text says the row was voided (the words
//! that void in any column, `voided::says_void`) is an input error at
//! that cell, naming the note, and the row is left out, as for a struck
//! cell. Notes of .xls and .ods files, and threaded comments without
//! their legacy note, are not read.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::excel_xml::{cell_ref, member};

/// The notes of the sheet at `sheet_path` (`xl/worksheets/sheet1.xml`)
/// of the .xlsx `bytes` whose text says their row was voided, by cell.
pub fn voiding_notes(bytes: &[u8], sheet_path: &str) -> HashMap<(u32, u32), String> {
    let mut notes = HashMap::new();
    let Some(path) = comments_path(bytes, sheet_path) else {
        return notes;
    };
    let Some(xml) = member(bytes, &path) else {
        return notes;
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    // The note being read: its cell and its text so far.
    let mut note: Option<((u32, u32), String)> = None;
    let mut in_text = false;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"comment" => {
                    note = (e.try_get_attribute(b"ref").ok().flatten())
                        .and_then(|a| cell_ref(&a.value))
                        .map(|at| (at, String::new()));
                }
                b"t" => in_text = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let (Some((_, text)), Ok(s)) = (note.as_mut(), t.xml10_content()) {
                    text.push_str(&s);
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"comment" => {
                    if let Some((at, text)) = note.take() {
                        if super::voided::says_void("批注", &text) {
                            notes.insert(at, text.trim().to_string());
                        }
                    }
                }
                _ => {}
            },
            Ok(_) => {}
        }
    }
    notes
}

/// The notes part of a sheet, by the sheet's relationships
/// (`xl/worksheets/_rels/sheet1.xml.rels`, a `.../comments` relationship
/// whose target is relative to the sheet's folder).
fn comments_path(bytes: &[u8], sheet_path: &str) -> Option<String> {
    let (folder, file) = sheet_path.rsplit_once('/')?;
    let rels = member(bytes, &format!("{folder}/_rels/{file}.rels"))?;
    let mut reader = quick_xml::Reader::from_reader(rels.as_slice());
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return None,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let value = |k: &[u8]| {
                    let a = e.try_get_attribute(k).ok()??;
                    String::from_utf8(a.value.into_owned()).ok()
                };
                if !value(b"Type").is_some_and(|t| t.ends_with("/comments")) {
                    continue;
                }
                return value(b"Target").map(|t| resolve(folder, &t));
            }
            Ok(_) => {}
        }
    }
}

/// A relationship's target as a part name: absolute (`/xl/comments1.xml`)
/// or relative to `folder` (`../comments1.xml`).
fn resolve(folder: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = folder.split('/').collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn targets_resolve_against_the_sheet_folder() {
        assert_eq!(
            resolve("xl/worksheets", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(
            resolve("xl/worksheets", "/xl/comments2.xml"),
            "xl/comments2.xml"
        );
    }
}
