//! Slips of a Chinese input method, recognised where the parser stopped: a
//! full-width character where ASCII syntax is expected (`“`, `（`, `，`, the
//! ideographic space ...), a duration written with a Chinese unit (`30天`) and
//! a date written the Chinese way (`2026年3月18日`). Each gets one message that
//! says what to type instead, in place of the list of tokens pest expected.
//!
//! String literals and comments may hold any character, and nothing else in
//! the grammar accepts these, so the parser never gets past one. It does not
//! always stop *at* it, though: where the grammar expects a literal token
//! (the `,` of `tags ["a"，"b"]`), pest reports the start of the enclosing
//! rule (`tags`). So the first slip from the stopping point to the end of
//! the top-level item is taken ([`find`]).

use crate::i18n::Msg;
use crate::msg;

/// What the author meant at a place the parser could not go past.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    /// Byte range of the slip in the text that was parsed.
    pub start: usize,
    pub end: usize,
    pub message: Msg,
}

/// The slip that made the parser stop at byte `stop` of `text`: one at that
/// place, a string opened with `"` and closed with `”`, or one later in the
/// same top-level item.
pub fn find(text: &str, stop: usize) -> Option<Slip> {
    at(text, stop)
        .or_else(|| string_closed_full_width(text, stop))
        .or_else(|| later_in_item(text, stop))
}

/// The first slip after `stop`, outside strings and comments, before a line
/// that starts at the left margin with anything but `}` (the next top-level
/// item in any layout `custodia fmt` would leave).
fn later_in_item(text: &str, stop: usize) -> Option<Slip> {
    let mut chars = text
        .get(stop..)?
        .char_indices()
        .map(|(i, c)| (stop + i, c))
        .peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => skip_string(&mut chars),
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                let _ = chars.by_ref().find(|(_, c)| *c == '\n');
            }
            '\n' if chars
                .peek()
                .is_some_and(|(_, n)| !n.is_whitespace() && *n != '}') =>
            {
                return None;
            }
            _ => {
                if let Some(slip) = at(text, i) {
                    return Some(slip);
                }
            }
        }
    }
    None
}

/// Consumes a string literal's body and closing quote (or the rest of the text).
fn skip_string(chars: &mut impl Iterator<Item = (usize, char)>) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return,
            _ => {}
        }
    }
}

/// `title "会计凭证”`: a string opened with `"` whose first line ends with a
/// full-width quotation mark runs on to the next `"`, and the parser stops
/// somewhere after it (or at its start, when no `"` follows). The
/// full-width mark is the slip.
fn string_closed_full_width(text: &str, stop: usize) -> Option<Slip> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i > stop {
            return None;
        }
        match c {
            '"' => {
                let body = i + 1;
                skip_string(&mut chars);
                let first_line = text[body..].split('\n').next().unwrap_or("").trim_end();
                let spans_lines = text[body..]
                    .find('\n')
                    .is_some_and(|n| chars.peek().map_or(true, |(end, _)| body + n < *end));
                let last = first_line.chars().next_back();
                if let (true, Some(q @ ('”' | '“' | '＂'))) = (spans_lines, last) {
                    let start = body + first_line.len() - q.len_utf8();
                    return Some(Slip {
                        start,
                        end: body + first_line.len(),
                        message: msg!("slip-string-closed-full-width", mark = q.to_string()),
                    });
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                let _ = chars.by_ref().find(|(_, c)| *c == '\n');
            }
            _ => {}
        }
    }
    None
}

/// The slip at byte `at` of `text`, if there is one.
fn at(text: &str, at: usize) -> Option<Slip> {
    let c = text.get(at..)?.chars().next()?;
    chinese_date(text, at)
        .or_else(|| chinese_duration(text, at))
        .or_else(|| {
            full_width(c).map(|message| Slip {
                start: at,
                end: at + c.len_utf8(),
                message,
            })
        })
}

/// The message for a full-width (or other input-method) character used as
/// syntax, naming the ASCII character to type instead.
fn full_width(c: char) -> Option<Msg> {
    let named = |what: Msg, ascii: &str| {
        Some(msg!(
            "slip-use-ascii",
            what = what,
            char = c.to_string(),
            ascii = ascii
        ))
    };
    match c {
        '“' | '”' | '‘' | '’' | '＂' | '＇' => named(msg!("slip-what-quote"), "\""),
        '（' | '）' => named(msg!("slip-what-parenthesis"), &ascii_of(c)),
        '＝' => named(msg!("slip-what-equals"), "="),
        '，' => named(msg!("slip-what-comma"), ","),
        '：' => named(msg!("slip-what-colon"), ":"),
        '；' => Some(msg!("slip-semicolon", char = c.to_string())),
        '｛' | '｝' => named(msg!("slip-what-brace"), &ascii_of(c)),
        '［' | '］' => named(msg!("slip-what-bracket"), &ascii_of(c)),
        '＜' => named(msg!("slip-what-less-than"), "<"),
        '＞' => named(msg!("slip-what-greater-than"), ">"),
        '！' => named(msg!("slip-what-exclamation"), "!"),
        '\u{3000}' => Some(msg!("slip-ideographic-space")),
        // Text pasted from Word or a web page brings no-break spaces; the
        // error showed a caret under a `missing` that was plainly there
        // (hostile review, 2026-12-05).
        '\u{00A0}' | '\u{202F}' => Some(msg!(
            "slip-no-break-space",
            code = format!("U+{:04X}", c as u32)
        )),
        '、' => named(msg!("slip-what-ideographic-comma"), ","),
        '。' => named(msg!("slip-what-ideographic-full-stop"), "."),
        '【' => named(msg!("slip-what-lenticular-bracket"), "["),
        '】' => named(msg!("slip-what-lenticular-bracket"), "]"),
        '《' => named(msg!("slip-what-double-angle-bracket"), "<"),
        '》' => named(msg!("slip-what-double-angle-bracket"), ">"),
        '\u{FF01}'..='\u{FF5E}' if c.is_alphabetic() => {
            named(msg!("slip-what-letter"), &ascii_of(c))
        }
        '\u{FF01}'..='\u{FF5E}' if c.is_numeric() => named(msg!("slip-what-digit"), &ascii_of(c)),
        '\u{FF01}'..='\u{FF5E}' => named(msg!("slip-what-character"), &ascii_of(c)),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => Some(msg!(
            "slip-invisible",
            code = format!("U+{:04X}", c as u32),
            name = invisible_name(c)
        )),
        '\u{2028}' | '\u{2029}' | '\u{85}' => Some(msg!(
            "slip-line-separator",
            code = format!("U+{:04X}", c as u32)
        )),
        _ => None,
    }
}

/// The name of a character that shows nothing (pasted from a web page or a
/// word processor), for the message that asks to remove it.
fn invisible_name(c: char) -> Msg {
    match c {
        '\u{200B}' => msg!("slip-invisible-zero-width-space"),
        '\u{200C}' => msg!("slip-invisible-zero-width-non-joiner"),
        '\u{200D}' => msg!("slip-invisible-zero-width-joiner"),
        '\u{2060}' => msg!("slip-invisible-word-joiner"),
        _ => msg!("slip-invisible-soft-hyphen"),
    }
}

/// The ASCII character a full-width form (U+FF01-U+FF5E) stands for.
fn ascii_of(c: char) -> String {
    crate::text::half_width(c).to_string()
}

/// Chinese duration units, longest first, with the English unit each means
/// (the language's own keyword, in every language of the messages).
const UNITS: [(&str, &str); 9] = [
    ("个月", "month"),
    ("小时", "hour"),
    ("分钟", "minute"),
    ("星期", "week"),
    ("年", "year"),
    ("月", "month"),
    ("周", "week"),
    ("天", "day"),
    ("日", "day"),
];

/// `30天` or `30 天` where the parser stopped at the unit: the number it
/// follows, and the unit in English (`30 days`, `1 year`).
fn chinese_duration(text: &str, at: usize) -> Option<Slip> {
    let (unit, english) = UNITS.iter().find(|(u, _)| text[at..].starts_with(u))?;
    let start = number_before(text, at)?;
    let digits = text[start..at].trim_end();
    let plural = if digits == "1" { "" } else { "s" };
    let written = &text[start..at + unit.len()];
    Some(Slip {
        start,
        end: at + unit.len(),
        message: msg!(
            "slip-chinese-duration",
            written = written,
            duration = format!("{digits} {english}{plural}")
        ),
    })
}

/// `2026年3月18日` where the parser stopped at `年`: the date in ISO form.
fn chinese_date(text: &str, at: usize) -> Option<Slip> {
    let start = number_before(text, at)?;
    let year = &text[start..at];
    let rest = text[at..].strip_prefix('年')?;
    let (month, rest) = split_number(rest)?;
    let rest = rest.strip_prefix('月')?;
    let (day, rest) = split_number(rest)?;
    let rest = rest.strip_prefix(['日', '号'])?;
    if year.len() != 4 || month.len() > 2 || day.len() > 2 {
        return None;
    }
    let end = text.len() - rest.len();
    Some(Slip {
        start,
        end,
        message: msg!(
            "slip-chinese-date",
            written = &text[start..end],
            date = format!("{year}-{month:0>2}-{day:0>2}")
        ),
    })
}

/// The start of the ASCII number (and the spaces after it) that ends at
/// `at`, when it is a number of its own and not the tail of a name (`a30`).
fn number_before(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let digits_end = before.trim_end_matches(' ').len();
    let start = before[..digits_end]
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .len();
    let is_name_tail = before[..start]
        .chars()
        .next_back()
        .is_some_and(pest::unicode::XID_CONTINUE);
    (start < digits_end && !is_name_tail).then_some(start)
}

/// The leading ASCII digits of `s` and the rest.
fn split_number(s: &str) -> Option<(&str, &str)> {
    let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (n > 0).then(|| s.split_at(n))
}

#[cfg(test)]
mod tests {
    use super::at;

    fn message(text: &str, stop: &str) -> Option<String> {
        let i = text.find(stop)?;
        at(text, i).map(|s| s.message.to_string())
    }

    #[test]
    fn full_width_characters_name_their_ascii_form() {
        assert_eq!(
            message("title “x”", "“").as_deref(),
            Some("full-width quotation mark `“`: use `\"`")
        );
        assert_eq!(
            message("f（a）", "（").as_deref(),
            Some("full-width parenthesis `（`: use `(`")
        );
        assert_eq!(
            message("for ｒecord", "ｒ").as_deref(),
            Some("full-width letter `ｒ`: use `r`")
        );
        assert_eq!(message("a b", "b"), None);
    }

    #[test]
    fn a_slip_later_in_the_item_is_found_but_not_one_in_the_next_item() {
        let text = "rule r {\n  tags [\"a\"，\"b\"]\n}\nrule s {\n  title “x”\n}\n";
        let stop = text.find("tags").unwrap_or(0);
        let slip = super::find(text, stop).map(|s| s.message.to_string());
        assert_eq!(slip.as_deref(), Some("full-width comma `，`: use `,`"));
        let text = "rule r {\n  require\n}\nrule s {\n  title “x”\n}\n";
        let stop = text.find("}").unwrap_or(0);
        assert_eq!(super::find(text, stop), None);
        // Inside strings and comments any character is fine.
        let text = "rule r {\n  title \"（\" // ，\n  require\n}\n";
        assert_eq!(super::find(text, text.find("title").unwrap_or(0)), None);
    }

    #[test]
    fn a_string_closed_with_a_full_width_quote_is_found() {
        let text = "rule r {\n  title \"x”\n  cite \"y\"\n  for record r\n}\n";
        let slip = super::find(text, text.find('y').unwrap_or(0));
        assert_eq!(
            slip.map(|s| text[s.start..s.end].to_string()).as_deref(),
            Some("”")
        );
    }

    #[test]
    fn chinese_units_suggest_english_ones() {
        assert_eq!(
            message("x < 30天", "天").as_deref(),
            Some("write `30天` as `30 days` (durations use English units)")
        );
        assert_eq!(
            message("x < 1 年", "年").as_deref(),
            Some("write `1 年` as `1 year` (durations use English units)")
        );
        assert_eq!(
            message("x < 6个月", "个").as_deref(),
            Some("write `6个月` as `6 months` (durations use English units)")
        );
        // The digits of a name are not a number.
        assert_eq!(message("a30天", "天"), None);
    }

    #[test]
    fn chinese_dates_suggest_iso_dates() {
        assert_eq!(
            message("x < 2026年3月18日 and", "年").as_deref(),
            Some("write the date `2026年3月18日` as `2026-03-18`")
        );
    }
}
