//! Writes the proposed mapping as custodia.yaml: one line per setting, a
//! comment where a guess needs checking, `""` with a `# TODO` where a value
//! must be filled in (check then names that line).

use super::propose::{FieldProposal, FileInfo, Place, Proposal};

/// The text and the lines to look at: (line, what), for the summary.
#[derive(Default)]
pub struct Written {
    pub lines: Vec<String>,
    pub todo: Vec<(usize, String)>,
    pub guesses: Vec<(usize, String)>,
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
        serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
    }
}

pub fn write(files: &[FileInfo], proposals: &[Proposal]) -> Written {
    let mut w = Written::default();
    w.push(0, "# custodia.yaml written by `custodia init`: how the company's own files read onto the schema.".into());
    w.push(
        0,
        "# Lines marked `# check` are guesses; lines marked `# TODO` must be filled in.".into(),
    );
    w.push(
        0,
        "# Then run `custodia check` on this folder. See docs/mapping.md.".into(),
    );
    w.push(
        0,
        "time_zone: Asia/Shanghai   # the time zone of times written without one".into(),
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
            format!("encoding: {enc}   # not UTF-8: read as Excel writes CSV on a Chinese system"),
        );
    }
    if let Some(row) = file.header_row {
        w.push(
            indent,
            format!("header_row: {row}   # the rows above are a title"),
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
        w.todo(
            indent,
            format!("{name}: \"\""),
            format!("no column found for the required field `{name}`: write its column, or `{{ constant: VALUE }}`"),
        );
        return;
    };
    let simple =
        f.values.is_empty() && f.separator.is_none() && f.formats.is_none() && f.lookup.is_none();
    if simple {
        let line = w.push(indent, with_guess(format!("{name}: {}", q(column)), f));
        if !f.sure {
            w.guesses.push((line, f.why.clone()));
        }
        return;
    }
    w.push(indent, format!("{name}:"));
    let line = w.push(indent + 1, with_guess(format!("column: {}", q(column)), f));
    if !f.sure {
        w.guesses.push((line, f.why.clone()));
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
            None => w.todo(
                indent + 2,
                format!("{}: \"\"", q(from)),
                format!("`{from}` in column `{column}`: write {}", f.values_hint),
            ),
        }
    }
}

fn with_guess(line: String, f: &FieldProposal) -> String {
    if f.sure {
        line
    } else {
        format!("{line}   # check: {}", f.why)
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
