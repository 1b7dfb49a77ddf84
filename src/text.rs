//! Text shown to a person: what data may not put in it raw.

/// Shows control characters (terminal escapes, NUL, carriage returns) and
/// bidirectional overrides as `\u{..}`, keeping newlines and tabs: data must
/// not be able to rewrite a terminal or a CI log, or reorder what it shows.
pub fn visible_controls(text: &str) -> String {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.contains(hidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::visible_controls;

    #[test]
    fn escapes_controls_and_bidi_overrides_keeps_newlines_and_tabs() {
        assert_eq!(visible_controls("a\tb\nc"), "a\tb\nc");
        assert_eq!(visible_controls("\u{1b}[2Jx\0"), "\\u{1b}[2Jx\\u{0}");
        assert_eq!(visible_controls("ab\u{202e}cd\r"), "ab\\u{202e}cd\\u{d}");
        assert_eq!(visible_controls("客户档案"), "客户档案");
    }
}
