//! Number formats that show text in place of the number (hostile review,
//! 2026-12-07). A legal-hold cell holding the number 0 under the format
//! `"是";"是";"是"` (or `[=0]"是";[=1]"否";General`) shows 是 in Excel,
//! and was read as 0, false: a held record's destruction passed. The
//! number is not shown at all, so what the sheet says and the value read
//! disagree whatever the field: such a cell is an input error naming
//! both (`excel::row_of`).
//!
//! Only the section of the format that applies to the value is looked at,
//! chosen as Excel chooses it (positive; negative; zero; text, or by
//! conditions such as `[=0]`: `applying`).
//! A section shows the number when it holds a digit placeholder (`0`,
//! `#`, `?`), `General`, `@`, or any unquoted ASCII letter (date and time
//! codes, exponents: the value in another form, which calamine reads as
//! a date where it is one). Its literal text is what is quoted, escaped
//! (`\是`), unquoted beyond ASCII, or a currency `[$元-804]`. Text of
//! punctuation only (`-` for zero, as accounting formats show it) is no
//! text. Units beside digits (`0"天"`, `"R-"000`) show the number and
//! are left to the rules on identifying fields.
//!
//! A text cell is shown by the format's text section (`text_shown`),
//! and treated alike: other text in place of its own is an input error,
//! text added beside it (`"R-"@`) one in identifying fields.

/// The text the format `code` shows for `value` in place of the number,
/// when it shows text and no digits; `None` when it shows the number (or
/// nothing, or only punctuation).
pub fn shown_text(code: &str, value: f64) -> Option<String> {
    let sections: Vec<Section> = split(code).iter().map(|s| Section::of(s)).collect();
    let section = applying(&sections, value)?;
    let text = section.literal.trim();
    let words = text.chars().any(char::is_alphanumeric);
    (!section.digits && words && text != number_text(value)).then(|| text.to_string())
}

/// What a format's text section does to a text cell (`text_shown`).
#[derive(Debug, PartialEq, Eq)]
pub enum TextShown {
    /// The section shows this literal text and not the cell's text
    /// (`"是"`: a text cell holding 否 shows 是).
    Instead(String),
    /// The section shows the cell's text with this literal text beside it
    /// (`"R-"@`: `1002` shows `R-1002`).
    Around(String),
    /// The section shows none of the cell's text and no word in its place:
    /// nothing (`;;;`, the text hidden) or only punctuation (`;;;"-"`,
    /// this literal). Excel shows the cell blank (or a dash) while it
    /// holds text.
    Hidden(String),
}

/// What the format `code` shows for the text cell holding `text`, when
/// that is not the text as it is (hostile review, 2026-12-07, F1: a text
/// cell `否` under `General;General;General;"是"` shows 是 in Excel, and a
/// held record's destruction passed). A text cell is shown by the
/// format's text section: its fourth, or with fewer sections the first
/// holding an unquoted `@`; without one Excel shows the text as it is.
/// A section with `@` (or `General`) shows the text, with whatever
/// literal text it has beside it; one without shows its literal alone.
/// Punctuation, padding and an empty section (`;;;`) are no other text,
/// as for numbers: they hide the text ([`TextShown::Hidden`]).
pub fn text_shown(code: &str, text: &str) -> Option<TextShown> {
    let sections = split(code);
    let section = match sections.get(3) {
        Some(fourth) => fourth,
        None => sections.iter().find(|s| has_at(s))?,
    };
    let (shows_text, literal) = text_section(section);
    let literal = literal.trim();
    if !literal.chars().any(char::is_alphanumeric) {
        let hidden = !shows_text && !crate::text::trim_cell(text).is_empty();
        return hidden.then(|| TextShown::Hidden(literal.to_string()));
    }
    match shows_text {
        true => Some(TextShown::Around(literal.to_string())),
        false => (literal != text.trim()).then(|| TextShown::Instead(literal.to_string())),
    }
}

/// Whether the section holds an `@` outside quotes and escapes.
fn has_at(section: &str) -> bool {
    let (mut quoted, mut escaped) = (false, false);
    section.chars().any(|c| {
        let at = c == '@' && !quoted && !escaped;
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            _ => {}
        }
        at
    })
}

/// A text section read: whether it shows the cell's text (`@`, or
/// `General`), and its literal text. Other unquoted ASCII letters are
/// literal here: a text section has no date codes.
fn text_section(code: &str) -> (bool, String) {
    let (mut shows, mut literal) = (false, String::new());
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => literal.extend(chars.by_ref().take_while(|&q| q != '"')),
            '\\' => literal.extend(chars.next()),
            '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                if let Some(currency) = inside.strip_prefix('$') {
                    literal.push_str(currency.split('-').next().unwrap_or(""));
                }
            }
            '@' => shows = true,
            'G' | 'g' if general_follows(&mut chars) => shows = true,
            c => literal.push(c),
        }
    }
    (shows, literal)
}

/// Whether `eneral` follows a `G` (any letter case), consuming it if so.
fn general_follows(chars: &mut std::iter::Peekable<std::str::Chars>) -> bool {
    let rest: String = chars.clone().take(6).collect();
    if !rest.eq_ignore_ascii_case("eneral") {
        return false;
    }
    chars.nth(5);
    true
}

/// One section of a format: whether it shows the number, its literal
/// text, and its condition.
#[derive(Debug, Default)]
struct Section {
    digits: bool,
    literal: String,
    condition: Option<(String, f64)>,
}

impl Section {
    fn of(code: &str) -> Section {
        let mut section = Section::default();
        let mut chars = code.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    for q in chars.by_ref() {
                        if q == '"' {
                            break;
                        }
                        section.literal.push(q);
                    }
                }
                '\\' => section.literal.extend(chars.next()),
                // Padding as wide as the next character, and fill: no
                // text of their own worth reading.
                '_' | '*' => {
                    chars.next();
                }
                '[' => {
                    let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                    section.bracket(&inside);
                }
                '0' | '#' | '?' | '@' => section.digits = true,
                c if c.is_ascii_alphabetic() => section.digits = true,
                c if c.is_ascii() => section.literal.push(c),
                c => section.literal.push(c),
            }
        }
        section
    }

    /// A `[…]` of the section: a condition, a currency, or a colour or
    /// locale (nothing shown).
    fn bracket(&mut self, inside: &str) {
        if let Some(currency) = inside.strip_prefix('$') {
            let text = currency.split('-').next().unwrap_or("");
            self.literal.push_str(text);
            return;
        }
        let op_len = inside
            .chars()
            .take_while(|c| matches!(c, '<' | '>' | '='))
            .count();
        if op_len == 0 {
            return;
        }
        if let Ok(n) = inside[op_len..].trim().parse::<f64>() {
            self.condition = Some((inside[..op_len].to_string(), n));
        }
    }

    /// Whether the section's condition holds for `v` (`None` without one).
    fn holds(&self, v: f64) -> Option<bool> {
        let (op, n) = self.condition.as_ref()?;
        Some(match op.as_str() {
            "=" => v == *n,
            "<>" => v != *n,
            "<" => v < *n,
            "<=" => v <= *n,
            ">" => v > *n,
            ">=" => v >= *n,
            _ => false,
        })
    }
}

/// The section that shows `value`, as Excel chooses it: the first when
/// its condition holds (by default, positive, or not negative when there
/// are two sections), else the second when its condition holds (by
/// default, negative), else the third; none (Excel shows `####`) when
/// no section is left.
fn applying(sections: &[Section], value: f64) -> Option<&Section> {
    let n = sections.len().min(3);
    let first = sections.first()?;
    let first_holds = first.holds(value).unwrap_or(match n {
        1 => true,
        2 => value >= 0.0,
        _ => value > 0.0,
    });
    if first_holds {
        return Some(first);
    }
    let second = sections.get(1).filter(|_| n >= 2)?;
    if second.holds(value).unwrap_or(n == 2 || value < 0.0) {
        return Some(second);
    }
    sections.get(2).filter(|_| n >= 3)
}

/// The sections of `code`, split at `;` outside quotes and brackets and
/// not escaped.
fn split(code: &str) -> Vec<String> {
    let (mut sections, mut current) = (Vec::new(), String::new());
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            ';' if !quoted && !bracket => {
                sections.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    sections.push(current);
    sections
}

/// The number as custodia reads it (`excel::number_text`).
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(code: &str, v: f64) -> Option<String> {
        shown_text(code, v)
    }

    #[test]
    fn text_in_place_of_the_number_is_found_in_the_section_that_applies() {
        assert_eq!(shown("\"是\";\"是\";\"是\"", 0.0), Some("是".into()));
        assert_eq!(shown("\"否\";\"否\";\"是\"", 0.0), Some("是".into()));
        assert_eq!(shown("\"否\";\"否\";\"是\"", 1.0), Some("否".into()));
        assert_eq!(
            shown("[=0]\"是\";[=1]\"否\";General", 0.0),
            Some("是".into())
        );
        assert_eq!(
            shown("[=1]\"是\";[=0]\"否\";General", 0.0),
            Some("否".into())
        );
        assert_eq!(shown("\\是", 0.0), Some("是".into()));
        assert_eq!(shown("是", 5.0), Some("是".into()));
        assert_eq!(shown("[Red]\"yes\";\"no\"", -1.0), Some("no".into()));
        assert_eq!(shown("[$元-804]", 3.0), Some("元".into()));
    }

    #[test]
    fn formats_that_show_the_number_or_no_text_are_read() {
        for (code, v) in [
            ("0.00", 1.0),
            ("\"R-\"000", 1.0),
            ("0\"天\"", 30.0),
            ("#,##0;-#,##0;\"-\"", 0.0),
            ("_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", 0.0),
            ("0;0;0;\"是\"", 0.0),
            ("0;0;", 0.0),
            (";;;", 1.0),
            ("yyyy\"年\"m\"月\"", 1.0),
            ("\"1\"", 1.0),
            ("[=0]0;\"是\"", 0.0),
            ("#41", 0.0),
        ] {
            assert_eq!(shown(code, v), None, "{code} {v}");
        }
    }

    #[test]
    fn a_text_section_without_at_shows_its_literal_in_place_of_the_text() {
        let instead = |s: &str| Some(TextShown::Instead(s.into()));
        assert_eq!(
            text_shown("General;General;General;\"是\"", "否"),
            instead("是")
        );
        assert_eq!(text_shown(";;;\"是\"", "否"), instead("是"));
        assert_eq!(
            text_shown("\"是\";\"是\";\"是\";\"是\"", "否"),
            instead("是")
        );
        assert_eq!(text_shown("0;0;0;\\是", "否"), instead("是"));
        assert_eq!(text_shown("0;0;0;[Red]yes", "no"), instead("yes"));
        // The text the section shows is the cell's own: nothing else shown.
        assert_eq!(text_shown(";;;\"是\"", "是"), None);
        // With fewer than four sections only one holding `@` is the text's.
        assert_eq!(text_shown("\"R-\"General", "1"), None);
        assert_eq!(text_shown("\"@\";\\@", "1"), None);
    }

    #[test]
    fn a_text_section_with_at_shows_the_text_with_its_additions() {
        let around = |s: &str| Some(TextShown::Around(s.into()));
        assert_eq!(text_shown("\"R-\"@", "1002"), around("R-"));
        assert_eq!(text_shown("0;0;0;@\"号\"", "1002"), around("号"));
        assert_eq!(
            text_shown("General;General;General;\"R-\"General", "1"),
            around("R-")
        );
    }

    #[test]
    fn text_sections_that_show_the_text_or_nothing_are_read() {
        for code in [
            "@",
            "General;General;General;@",
            "General;General;General;General",
            "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
            "\"是\";\"是\";\"是\"",
            "0.00",
            "\"R-\"000",
        ] {
            assert_eq!(text_shown(code, "否"), None, "{code}");
        }
        // A blank text cell has nothing to hide.
        assert_eq!(text_shown(";;;", " "), None);
    }

    #[test]
    fn a_text_section_showing_no_text_hides_the_text() {
        let hidden = |s: &str| Some(TextShown::Hidden(s.into()));
        assert_eq!(text_shown(";;;", "S-01"), hidden(""));
        assert_eq!(text_shown("0;0;0;", "S-01"), hidden(""));
        assert_eq!(text_shown("0;0;0;\"-\"", "S-01"), hidden("-"));
    }

    #[test]
    fn sections_split_outside_quotes_brackets_and_escapes() {
        assert_eq!(split("\"a;b\";\\;0;[<;]0"), ["\"a;b\"", "\\;0", "[<;]0"]);
    }
}
