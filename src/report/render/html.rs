//! `--format html`: the audit report (see `audit.rs`) as one self-contained
//! HTML file: inline style, no scripts, no external assets, so it can be
//! attached to a filing and opened anywhere. Every piece of text is escaped.

use std::fmt::Write as _;

use super::audit::{self, Block, Inline, Line, Verdict};
use super::common::escape_markup as esc;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}\
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#f2f2f2}code{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all}\
.verdict{padding:.75rem 1rem;border-radius:.3rem;border:1px solid}\
.compliant{background:#e8f5e9;border-color:#2e7d32}.violations{background:#fdecea;border-color:#c62828}\
.incomplete,.findings{background:#fff8e1;border-color:#f9a825}dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}";

pub fn render(report: &crate::report::model::Report) -> String {
    let doc = audit::build(report);
    let verdict_class = match doc.verdict {
        Verdict::Compliant => "compliant",
        Verdict::CompliantWithFindings => "findings",
        Verdict::NotCompliant => "violations",
        // Not a pass: shown like an incomplete check.
        Verdict::NotFullyChecked | Verdict::Incomplete => "incomplete",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&doc.title),
        esc(&doc.title)
    );
    let mut in_verdict = false;
    for b in &doc.blocks {
        // The paragraph after the "Verdict" heading is the verdict box.
        if in_verdict {
            if let Block::Para(l) = b {
                let _ = writeln!(out, "<p class=\"verdict {verdict_class}\">{}</p>", line(l));
                in_verdict = false;
                continue;
            }
        }
        if let Block::Heading(2, t) = b {
            in_verdict = t == "Verdict";
        }
        block(b, &mut out);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn block(b: &Block, out: &mut String) {
    match b {
        Block::Heading(level, t) => {
            let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(t));
        }
        Block::Para(l) => {
            let _ = writeln!(out, "<p>{}</p>", line(l));
        }
        Block::Facts(facts) => {
            out.push_str("<dl class=\"facts\">\n");
            for (k, v) in facts {
                let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), line(v));
            }
            out.push_str("</dl>\n");
        }
        Block::Items(items) => {
            out.push_str("<ul>\n");
            for i in items {
                let _ = writeln!(out, "<li>{}</li>", line(i));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { head, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for h in head {
                let _ = write!(out, "<th>{}</th>", esc(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for r in rows {
                out.push_str("<tr>");
                for c in r {
                    let _ = write!(out, "<td>{}</td>", line(c));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

fn line(l: &Line) -> String {
    l.iter()
        .map(|i| match i {
            Inline::Text(t) => esc(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", esc(t)),
            Inline::Code(t) => format!("<code>{}</code>", esc(t)),
        })
        .collect()
}
