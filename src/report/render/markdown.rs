//! `--format markdown`: the audit report (see `audit.rs`) as CommonMark /
//! GitHub-flavoured Markdown. Text from the data is escaped so that it
//! cannot turn into markup, links or table cells.

use std::fmt::Write as _;

use super::audit::{self, Block, Inline, Line};
use super::sink::Out;

pub fn render(report: &crate::report::model::Report) -> String {
    render_doc(&audit::build(report))
}

/// Writes the audit report to `out`, block by block.
pub fn write(
    report: &crate::report::model::Report,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = Out::new(out);
    let _ = writeln!(out, "# {}", escape(&audit::title(report)));
    // Written block by block as the audit report yields them.
    audit::each_block(report, &mut |b| {
        if b == Block::PageBreak {
            return;
        }
        out.push('\n');
        block(&b, &mut out);
    });
    out.finish()
}

/// Any document of `audit.rs` (the audit report, the CI step summary).
pub fn render_doc(doc: &audit::AuditDoc) -> String {
    super::sink::to_string(|w| write_doc(doc, w))
}

fn write_doc(doc: &audit::AuditDoc, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = Out::new(w);
    let _ = writeln!(out, "# {}", escape(&doc.title));
    for b in doc.blocks.iter().filter(|b| **b != Block::PageBreak) {
        out.push('\n');
        block(b, &mut out);
    }
    out.finish()
}

fn block(b: &Block, out: &mut Out) {
    match b {
        Block::Heading(level, t) => {
            let _ = writeln!(out, "{} {}", "#".repeat(*level as usize), escape(t));
        }
        Block::Para(l) => {
            let _ = writeln!(out, "{}", line(l, false));
        }
        Block::Facts(facts) => {
            for (k, v) in facts {
                let _ = writeln!(out, "- **{}** {}", escape(k), line(v, false));
            }
        }
        Block::Items(items) => {
            for i in items {
                let _ = writeln!(out, "- {}", line(i, false));
            }
        }
        Block::Verdict(l) => {
            let _ = writeln!(out, "{}", line(l, false));
        }
        Block::Attestation(labels) => {
            // Lines to sign on paper; one paragraph each.
            let lines: Vec<String> = labels
                .iter()
                .map(|l| {
                    format!(
                        "**{}** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
                        escape(l)
                    )
                })
                .collect();
            let _ = writeln!(out, "{}", lines.join("\n\n"));
        }
        // Markdown has no pages; the headings carry the structure.
        Block::PageBreak => {}
        Block::Table { head, rows } => {
            let head: Vec<String> = head.iter().map(|h| escape(h)).collect();
            let _ = writeln!(out, "| {} |", head.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
            for r in rows {
                let cells: Vec<String> = r.iter().map(|c| line(c, true)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
        }
    }
}

/// A line of inline text; `in_table` when it is a table cell.
fn line(l: &Line, in_table: bool) -> String {
    l.iter()
        .map(|i| match i {
            Inline::Text(t) => escape(t),
            Inline::Strong(t) => format!("**{}**", escape(t)),
            Inline::Code(t) => code_span(t, in_table),
        })
        .collect()
}

/// Backslash-escapes the ASCII punctuation that could start markup, and
/// keeps each piece on one line (table cells and list items).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // `_` inside a word never delimits emphasis (CommonMark 6.2), so
        // `as_of` stays readable in the Markdown source.
        let inside_word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        if c == '_' && inside_word(i.checked_sub(1)) && inside_word(Some(i + 1)) {
            out.push(c);
            continue;
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A code span that holds any text: fenced with more backticks than the
/// text contains in a row. In a table cell `|` is escaped, because GFM
/// tables split on it even inside code (and drop the backslash); elsewhere
/// a backslash in a code span is literal, so it is left alone.
fn code_span(s: &str, in_table: bool) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let s = if in_table { s.replace('|', "\\|") } else { s };
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if s.starts_with('`') || s.ends_with('`') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_text_cannot_become_markup() {
        assert_eq!(escape("a|b <x> *y* [l](u)"), r"a\|b \<x\> \*y\* \[l\](u)");
        assert_eq!(escape("as_of _x_"), r"as_of \_x\_");
        assert_eq!(code_span("a`b", false), "``a`b``");
        assert_eq!(code_span("x | y", true), r"`x \| y`");
        // outside a table a backslash would show: `|` stays as it is
        assert_eq!(code_span("x | y", false), "`x | y`");
    }
}
