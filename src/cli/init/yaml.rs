//! Writes the proposed mapping as custodia.yaml: one line per setting, a
//! comment where a guess needs checking, `""` with a `# TODO` where a value
//! must be filled in (check then names that line).

use super::propose::{FieldProposal, FileInfo, Hint, Place, Proposal};
use crate::i18n::Lang;
use crate::t;

/// The text and the lines to look at: (line, what), for the summary.
#[derive(Default)]
pub struct Written {
    pub lines: Vec<String>,
    pub todo: Vec<(usize, String)>,
    pub guesses: Vec<(usize, String)>,
    /// The language of the comments and notes.
    pub lang: Lang,
}

impl Written {
    fn push(&mut self, indent: usize, text: String) -> usize {
        self.lines.push(format!("{}{text}", "  ".repeat(indent)));
        self.lines.len()
    }

    fn todo(&mut self, indent: usize, text: String, note: String) {
        let line = self.push(indent, format!("{text}  # TODO: {note}"));
        self.todo.push((line, note));
    }
}

/// A YAML scalar: plain when it cannot be read as anything but that text,
/// else double-quoted (JSON's escapes are YAML's).
pub fn q(s: &str) -> String {
    let special = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(crate::text::is_hidden)
        && !special.contains(&s.to_ascii_lowercase().as_str())
        && s.parse::<f64>().is_err()
        && !s.starts_with(['-', '.', '('])
        && s.chars().all(|c| {
            !c.is_ascii()
                || c.is_ascii_alphanumeric()
                || matches!(c, '_' | '-' | '.' | '(' | ')' | ' ' | '/')
        });
    if plain {
        s.to_string()
    } else {
        // JSON's escapes are YAML's; the bidi overrides, DEL and the C1
        // controls serde_json leaves raw are escaped the same way
        // (`\u202e`), so the file holds no hidden character (security.md).
        crate::text::json_safe(&serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\"")))
    }
}

pub fn write(files: &[FileInfo], proposals: &[Proposal], lang: Lang) -> Written {
    let mut w = Written {
        lang,
        ..Default::default()
    };
    for id in ["init-yaml-head-1", "init-yaml-head-2", "init-yaml-head-3"] {
        let text = crate::i18n::catalogue::text(lang, id, &[]);
        w.push(0, format!("# {text}"));
    }
    w.push(
        0,
        format!(
            "time_zone: Asia/Shanghai   # {}",
            t!(lang, "init-yaml-time-zone")
        ),
    );
    let of = |pick: &dyn Fn(&Place) -> bool| -> Vec<&Proposal> {
        proposals.iter().filter(|p| pick(&p.place)).collect()
    };
    let inventory = of(&|p| *p == Place::Inventory);
    if let Some(p) = inventory.first() {
        w.push(0, String::new());
        w.push(0, "inventory:".into());
        entry(&mut w, 1, &files[p.file], p, None);
    }
    let logs = of(&|p| matches!(p, Place::Log(_)));
    if !logs.is_empty() {
        w.push(0, String::new());
        w.push(0, "logs:".into());
        for p in logs {
            let Place::Log(kind) = &p.place else { continue };
            w.push(1, format!("- file: {}", q(&files[p.file].rel)));
            entry(&mut w, 2, &files[p.file], p, Some(kind));
        }
    }
    let tables = of(&|p| matches!(p, Place::Table(_)));
    if !tables.is_empty() {
        w.push(0, String::new());
        w.push(0, "tables:".into());
        for p in tables {
            let Place::Table(name) = &p.place else {
                continue;
            };
            w.push(1, format!("{name}:"));
            entry(&mut w, 2, &files[p.file], p, None);
        }
    }
    // Scalars are escaped by `q`; a comment quoting a column or a value
    // (`# check: a guess: ...`) shows its hidden characters as `\u{..}`.
    for line in &mut w.lines {
        *line = crate::text::visible_controls(line);
    }
    w
}

/// One source entry; a log's `- file:` line is written by the caller.
fn entry(w: &mut Written, indent: usize, file: &FileInfo, p: &Proposal, kind: Option<&String>) {
    match kind {
        Some(kind) => {
            w.push(indent, format!("kind: {kind}"));
        }
        None => {
            w.push(indent, format!("file: {}", q(&file.rel)));
        }
    }
    if let Some(enc) = file.encoding {
        w.push(
            indent,
            format!("encoding: {enc}   # {}", t!(w.lang, "init-yaml-encoding")),
        );
    }
    if let Some(row) = file.header_row {
        w.push(
            indent,
            format!(
                "header_row: {row}   # {}",
                t!(w.lang, "init-yaml-title-rows")
            ),
        );
    }
    w.push(indent, "columns:".into());
    for f in &p.fields {
        field(w, indent + 1, f);
    }
}

fn field(w: &mut Written, indent: usize, f: &FieldProposal) {
    let name = &f.field;
    let Some(column) = &f.column else {
        let note = t!(w.lang, "init-todo-column", field = name.as_str());
        w.todo(indent, format!("{name}: \"\""), note);
        return;
    };
    let simple =
        f.values.is_empty() && f.separator.is_none() && f.formats.is_none() && f.lookup.is_none();
    let why = t!(
        w.lang,
        "init-guess",
        column = column.as_str(),
        field = name.as_str()
    );
    if simple {
        let line = w.push(
            indent,
            with_guess(format!("{name}: {}", q(column)), f, &why),
        );
        if !f.sure {
            w.guesses.push((line, why));
        }
        return;
    }
    w.push(indent, format!("{name}:"));
    let line = w.push(
        indent + 1,
        with_guess(format!("column: {}", q(column)), f, &why),
    );
    if !f.sure {
        w.guesses.push((line, why));
    }
    if let Some(sep) = &f.separator {
        w.push(indent + 1, format!("separator: {}", q(sep)));
    }
    if let Some(formats) = &f.formats {
        let names: Vec<String> = formats.iter().map(|n| q(n)).collect();
        w.push(indent + 1, format!("format: [{}]", names.join(", ")));
    }
    if let Some(l) = &f.lookup {
        w.push(indent + 1, format!("lookup: {l}"));
    }
    if f.values.is_empty() {
        return;
    }
    w.push(indent + 1, "values:".into());
    for (from, to) in &f.values {
        match to {
            Some(to) => {
                w.push(indent + 2, format!("{}: {}", q(from), q(to)));
            }
            None => {
                let what = hint_words(w.lang, &f.values_hint);
                // A name looked up by a `pii` field: the key in
                // custodia.yaml holds it; the note (printed too) masks it.
                let shown = match f.values_hint {
                    Hint::IdOf { pii: true, .. } => crate::pii::mask(from),
                    _ => from.clone(),
                };
                let note = t!(
                    w.lang,
                    "init-todo-value",
                    value = shown.as_str(),
                    column = column.as_str(),
                    what = what
                );
                w.todo(indent + 2, format!("{}: \"\"", q(from)), note)
            }
        }
    }
}

fn with_guess(line: String, f: &FieldProposal, why: &str) -> String {
    if f.sure {
        line
    } else {
        format!("{line}   # check: {why}")
    }
}

/// What a value to fill in must be, in words.
fn hint_words(lang: Lang, hint: &Hint) -> String {
    match hint {
        Hint::None => t!(lang, "init-hint-value"),
        Hint::Duration => t!(lang, "init-hint-duration"),
        Hint::OneOf(codes) => t!(
            lang,
            "init-hint-one-of",
            codes = codes.join(&t!(lang, "list-comma"))
        ),
        Hint::Bool => t!(lang, "init-hint-bool"),
        Hint::IdOf { table, field, .. } => t!(
            lang,
            "init-hint-id-of",
            table = table.as_str(),
            field = field.as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::q;

    #[test]
    fn scalars_are_quoted_when_yaml_would_read_them_otherwise() {
        assert_eq!(q("档案号"), "档案号");
        assert_eq!(q("R-1001"), "R-1001");
        assert_eq!(q("yes"), "\"yes\"");
        assert_eq!(q("0042"), "\"0042\"");
        assert_eq!(q("a: b"), "\"a: b\"");
        assert_eq!(q(""), "\"\"");
        assert_eq!(q("#1"), "\"#1\"");
    }
}
