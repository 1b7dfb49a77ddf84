//! Text shown to a person: what data may not put in it raw. One predicate,
//! [`is_hidden`], decides which characters those are for every output; each
//! output shows them in its own escape (security.md, "Control characters").

/// Control characters (terminal escapes, NUL, BEL, carriage returns, DEL,
/// the C1 controls) and the Unicode bidirectional overrides and isolates,
/// but not newlines and tabs: what could rewrite a terminal or a CI log, or
/// reorder what it shows.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Shows hidden characters as `\u{..}`, keeping newlines and tabs.
pub fn visible_controls(text: &str) -> String {
    escape_hidden(text, |c, out| out.push_str(&c.escape_unicode().to_string()))
}

/// For JSON and SARIF: hidden characters as JSON escapes (`\u202e`).
/// serde_json escapes the C0 controls already; the bidi overrides, DEL and
/// the C1 controls it leaves raw. JSON text holds them only inside strings,
/// where the escape means the same character.
pub fn json_safe(text: &str) -> String {
    escape_hidden(text, |c, out| {
        out.push_str(&format!("\\u{:04x}", c as u32));
    })
}

/// For a terminal: like [`visible_controls`], but custodia's own colour
/// codes (`ESC [ digits ; ... m`, which only colour text) are kept.
pub fn terminal_safe(text: &str) -> String {
    if !text.contains(is_hidden) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let sgr = colour_code_len(rest);
        if sgr > 0 {
            out.push_str(&rest[..sgr]);
            rest = &rest[sgr..];
            continue;
        }
        if is_hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of a colour code (SGR: `ESC [`, digits and `;`, `m`) at the
/// start of `text`, or 0.
fn colour_code_len(text: &str) -> usize {
    let Some(params) = text.strip_prefix("\u{1b}[") else {
        return 0;
    };
    let n = params
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if params.as_bytes().get(n) == Some(&b'm') {
        2 + n + 1
    } else {
        0
    }
}

fn escape_hidden(text: &str, escape: impl Fn(char, &mut String)) -> String {
    if !text.contains(is_hidden) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{json_safe, terminal_safe, visible_controls};

    #[test]
    fn escapes_controls_and_bidi_overrides_keeps_newlines_and_tabs() {
        assert_eq!(visible_controls("a\tb\nc"), "a\tb\nc");
        assert_eq!(visible_controls("\u{1b}[2Jx\0"), "\\u{1b}[2Jx\\u{0}");
        assert_eq!(visible_controls("ab\u{202e}cd\r"), "ab\\u{202e}cd\\u{d}");
        assert_eq!(visible_controls("客户档案"), "客户档案");
        assert_eq!(
            visible_controls("\u{9b}\u{7f}\u{2066}"),
            "\\u{9b}\\u{7f}\\u{2066}"
        );
    }

    #[test]
    fn json_escapes_mean_the_same_characters() {
        let raw = "{\"a\":\"x\u{202e}y\u{7f}\u{9b}\"}";
        let safe = json_safe(raw);
        assert_eq!(safe, "{\"a\":\"x\\u202ey\\u007f\\u009b\"}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("JSON");
        assert_eq!(back["a"], "x\u{202e}y\u{7f}\u{9b}");
    }

    #[test]
    fn terminal_keeps_colour_codes_only() {
        assert_eq!(
            terminal_safe("\u{1b}[1;31merror\u{1b}[0m"),
            "\u{1b}[1;31merror\u{1b}[0m"
        );
        assert_eq!(
            terminal_safe("\u{1b}[31mok\u{1b}c\u{7}\r"),
            "\u{1b}[31mok\\u{1b}c\\u{7}\\u{d}"
        );
        assert_eq!(terminal_safe("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(terminal_safe("\u{1b}["), "\\u{1b}[");
    }
}
