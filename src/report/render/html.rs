//! `--format html`: the audit report (see `audit.rs`) as one self-contained
//! HTML file: inline style, no scripts, no external assets, so it can be
//! attached to a filing and opened anywhere. Every piece of text is escaped.
//!
//! Printed (A4), it is a document: page one is the summary with the place
//! to sign, each appendix starts a page, every page has a running header
//! (company, as-of date) and its number, table rows and headings are not
//! split from what follows, ids do not wrap inside a word.

use std::fmt::Write as _;

use super::audit::{self, Block, Inline, Line, Verdict};
use super::common::escape_markup as esc;
use super::sink::Out;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}\
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#f2f2f2}code{font-family:ui-monospace,monospace;font-size:.9em;word-break:keep-all;overflow-wrap:normal;white-space:nowrap}\
li code,p code{white-space:normal}\
.verdict{padding:.75rem 1rem;border-radius:.3rem;border:1px solid}\
.compliant{background:#e8f5e9;border-color:#2e7d32}.violations{background:#fdecea;border-color:#c62828}\
.incomplete,.findings{background:#fff8e1;border-color:#f9a825}dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
th{white-space:nowrap}table.attest{margin-top:1rem}table.attest td{height:2.4em;width:25%}\
.page-break{break-after:page}\
@media print{body{margin:0;max-width:none;padding:0;font-size:7.5pt;line-height:1.2}\
h1{font-size:13pt;margin:0 0 .3rem}h2{font-size:10pt;margin:.5rem 0 .2rem}h3{font-size:9pt;margin:.4rem 0 .2rem}h4{font-size:8.5pt;margin:.3rem 0 .1rem}p{margin:.2rem 0}\
dl.facts{grid-template-columns:max-content auto max-content auto}\
h1,h2,h3,h4{break-after:avoid}tr,li,.verdict,table.attest{break-inside:avoid}thead{display:table-header-group}\
table{margin:.15rem 0 .4rem}th,td{padding:0 .25rem}code{font-size:6.5pt}\
dl.facts{gap:0 1rem}.verdict{padding:.4rem .6rem}\
.compliant,.violations,.incomplete,.findings,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// The A4 page with its running header and page numbers, in CSS: the
/// header's text comes from the data, so it is written as a CSS string
/// (`css_string`) inside markup that is escaped as well.
fn page_style(report: &crate::report::model::Report) -> String {
    let header = css_string(&audit::running_header(report));
    format!(
        "@page{{size:A4;margin:13mm 12mm 13mm 12mm;\
@top-left{{content:{header};font-size:7.5pt;color:#555}}\
@bottom-right{{content:counter(page) \" / \" counter(pages);font-size:7.5pt;color:#555}}}}"
    )
}

/// Text as a CSS string literal that cannot end the string, the rule or
/// the `<style>` element: quotes, backslashes, `<`, `>`, `&` and controls
/// are written as CSS escapes.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() && !c.is_ascii()
            || c.is_ascii_alphanumeric()
            || " .,:;-_()·/".contains(c)
        {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// Whether `text` is a page this renderer wrote: its head as `write`
/// writes it, with this style, and the page's end. Only the accounting of
/// the case's files asks (a report written into the case is not data);
/// the style is long and particular, so no export of data starts so.
pub fn is_own_page(text: &str) -> bool {
    let text = text
        .strip_prefix("<!DOCTYPE html>\n<html lang=\"")
        .unwrap_or("");
    let head_end = text.find("</head>\n<body>\n<h1>").unwrap_or(0);
    let head = &text[..head_end];
    head.contains("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        && head.contains(&format!("</title>\n<style>{STYLE}\n@page{{"))
        && text.ends_with("</body>\n</html>\n")
}

pub fn render(report: &crate::report::model::Report) -> String {
    super::sink::to_string(|w| write(report, w))
}

/// Writes the page to `out`, block by block.
pub fn write(
    report: &crate::report::model::Report,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let title = audit::title(report);
    let verdict_class = match report.verdict() {
        Verdict::Compliant => "compliant",
        Verdict::CompliantWithFindings => "findings",
        Verdict::NotCompliant => "violations",
        // Not a pass: shown like an incomplete check.
        Verdict::NotFullyChecked | Verdict::Incomplete => "incomplete",
    };
    let mut out = Out::new(w);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        report.lang.tag(),
        esc(&title),
        page_style(report),
        esc(&title)
    );
    // Written block by block as the audit report yields them.
    audit::each_block(report, &mut |b| block(&b, verdict_class, &mut out));
    out.push_str("</body>\n</html>\n");
    out.finish()
}

fn block(b: &Block, verdict_class: &str, out: &mut Out) {
    match b {
        Block::Verdict(l) => {
            let _ = writeln!(out, "<p class=\"verdict {verdict_class}\">{}</p>", line(l));
        }
        Block::Attestation(labels) => {
            // One row: each label with an empty cell to write in.
            out.push_str("<table class=\"attest\">\n<tr>");
            for l in labels {
                let _ = write!(out, "<th>{}</th><td></td>", esc(l));
            }
            out.push_str("</tr>\n</table>\n");
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
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

#[cfg(test)]
mod tests {
    use super::css_string;

    /// The running header comes from the data: it cannot end the CSS
    /// string, the rule or the `<style>` element.
    #[test]
    fn css_strings_cannot_break_out() {
        let s = css_string("A\"}</style><script>\\ 公司");
        assert!(s.starts_with('"') && s.ends_with('"'));
        let inner = &s[1..s.len() - 1];
        for bad in ['"', '<', '>', '}', '\n'] {
            assert!(!inner.contains(bad), "{s}");
        }
        assert!(inner.contains("公司"));
    }
}
