//! The grammar skips comments, so the formatter finds them with a scan of
//! the source (outside string literals) and re-attaches them by position:
//! a comment on the line where a printed node ends trails it; any other
//! comment is printed before the next node that starts after it.
//!
//! Line ends are the grammar's (`COMMENT` in grammar/policy.pest): LF, CRLF,
//! a lone CR, and the separators U+2028, U+2029 and NEL that end a comment
//! (and stop the parse). A scan that ended a comment at LF only took the
//! code after a lone CR into the comment, and fmt printed it twice
//! (hostile review h19: `+ 1 year` became `+ 1 year + 1 year`).

/// One `//` comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    /// The comment including `//`, without trailing whitespace.
    pub text: String,
    /// A blank line follows it in the source (it is detached from what follows).
    pub blank_after: bool,
}

/// Every comment of `src`, in order.
pub fn scan(src: &str) -> Vec<Comment> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = string_end(bytes, i + 1),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find(is_line_end).map_or(src.len(), |n| i + n);
                out.push(Comment {
                    start: i,
                    end,
                    text: src[i..end].trim_end().to_string(),
                    blank_after: blank_line_follows(&src[end..]),
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The index just after the closing quote of a string whose body starts at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether `c` ends a comment, as the grammar's `COMMENT` says: LF, CR
/// (alone or before LF), U+2028, U+2029 or NEL.
pub fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// The line ends in `text`, a CRLF counted once.
fn line_ends(text: &str) -> usize {
    text.chars().filter(|c| is_line_end(*c)).count() - text.matches("\r\n").count()
}

/// Whether the whitespace after a comment holds an empty line before more text.
fn blank_line_follows(rest: &str) -> bool {
    let ws: &str = rest
        .find(|c: char| !c.is_whitespace())
        .map_or(rest, |n| &rest[..n]);
    line_ends(ws) >= 2 && ws.len() < rest.len()
}

/// Whether `a..b` of `src` stays on one line.
pub fn same_line(src: &str, a: usize, b: usize) -> bool {
    src.get(a.min(b)..a.max(b))
        .is_some_and(|s| !s.contains(is_line_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_inside_strings_are_not_comments() {
        let src = "cite \"http://x // y\" // real\n\n// next\nrule";
        let c = scan(src);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].text, "// real");
        assert!(c[0].blank_after);
        assert_eq!(c[1].text, "// next");
        assert!(!c[1].blank_after);
    }

    /// A comment ends where the grammar ends it; the code after a lone CR
    /// is code, not part of the comment.
    #[test]
    fn a_comment_ends_at_every_line_end_of_the_grammar() {
        for end in ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}"] {
            let src = format!("a // note{end}+ 1 year{end}");
            let c = scan(&src);
            assert_eq!(c.len(), 1, "{end:?}");
            assert_eq!(c[0].text, "// note", "{end:?}");
            assert_eq!(&src[c[0].end..c[0].end + end.len()], end, "{end:?}");
        }
    }

    #[test]
    fn a_blank_line_is_two_line_ends_of_any_kind() {
        for (ws, blank) in [
            ("\r\n\r\n", true),
            ("\r\r", true),
            ("\r\n", false),
            ("\r", false),
            ("\n\r\n", true),
        ] {
            let c = scan(&format!("// c{ws}rule"));
            assert_eq!(c[0].blank_after, blank, "{ws:?}");
        }
        assert!(!same_line("a\rb", 0, 2));
        assert!(same_line("a b", 0, 2));
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let c = scan(r#"title "a \" // b" // c"#);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text, "// c");
    }
}
