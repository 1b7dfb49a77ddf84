//! Masking of personal information (data-and-reports.md section 6). Every
//! report path that could print a `pii` value goes through [`mask`].
//!
//! The mask is one rule for every kind of value (names, phone numbers, ID
//! numbers, e-mail addresses, free text with numbers in it): it cannot tell
//! them apart, so it must hold for the worst of them (security.md,
//! "The mask").

/// Values shorter than this (in characters) are masked whole.
pub const SHORT: usize = 8;
/// Most characters of a value a mask shows.
pub const MAX_SHOWN: usize = 4;
/// A mask shows at most one character in this many.
pub const SHOWN_ONE_IN: usize = 4;
/// What a short value is masked to: its length is not shown either.
pub const SHORT_MASK: &str = "***";

/// How many characters, at the end, the mask of a value of `len`
/// characters shows.
pub fn shown(len: usize) -> usize {
    if len < SHORT {
        0
    } else {
        (len / SHOWN_ONE_IN).min(MAX_SHOWN)
    }
}

/// Masks a value so that its owner can tell which one it was but nobody can
/// read it: a value under [`SHORT`] characters becomes `***`; a longer one
/// keeps its length as `*` and shows only its last [`shown`] characters
/// (at most 4, at most a quarter): `13812345678` -> `*********78`,
/// `110101198503071234` -> `**************1234`, `张三` -> `***`,
/// `张三 13812345678` -> `***********678`.
pub fn mask(value: &str) -> String {
    let n = value.chars().count();
    if n < SHORT {
        return SHORT_MASK.into();
    }
    let keep = shown(n);
    let tail: String = value.chars().skip(n - keep).collect();
    "*".repeat(n - keep) + &tail
}

/// Longest text that can look like an id ([`looks_like_id`]).
const MAX_ID_LEN: usize = 40;
/// Longest all-digit text that looks like an id: phone numbers (7 digits
/// and more) and ID numbers do not.
const MAX_NUMERIC_ID_LEN: usize = 6;

/// Whether `value` reads like a code that names a row (`S-03`, `R-1007`,
/// `emp_42`, `1001`) rather than personal text (a name, a phone number,
/// an e-mail address): ASCII letters, digits and `-_.:/#` only, with both a
/// letter and a digit, or digits only and at most 6 of them; and no
/// personal document number ([`looks_like_document_number`]).
pub fn looks_like_id(value: &str) -> bool {
    if value.chars().any(is_han) {
        return looks_like_chinese_code(value);
    }
    let id_char = |c: char| c.is_ascii_alphanumeric() || "-_.:/#".contains(c);
    if value.is_empty() || value.len() > MAX_ID_LEN || !value.chars().all(id_char) {
        return false;
    }
    if looks_like_document_number(value) {
        return false;
    }
    let letters = value.chars().any(|c| c.is_ascii_alphabetic());
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if letters {
        digits > 0
    } else {
        digits == value.len() && digits <= MAX_NUMERIC_ID_LEN
    }
}

/// Most ideographs of a code written in Chinese (`会计凭证-2019-001` has 4).
const MAX_HAN_IN_ID: usize = 8;
/// Fewest digits of a code written in Chinese: `合同001`, while a name
/// with a digit told apart (`张伟2`, as an OA system writes a second
/// 张伟) stays personal.
const MIN_DIGITS_IN_HAN_ID: usize = 3;

/// Whether `c` is a Chinese character (CJK unified ideographs, extension
/// A, compatibility ideographs), as [`crate::sql::expr::looks_like_id`]
/// tests them by range.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether a text with Chinese characters reads like a code that names a
/// row (`档案-2019-001`, `合同001`, `会计凭证-2019-001`) rather than personal
/// text: at most 40 characters, only Chinese characters (at most 8),
/// ASCII letters, digits and `-_.:/#`, at least 3 digits, no run of 7
/// digits or more (a phone or ID number beside a name: `王芳13812345678`),
/// and no car plate (`粤B12345`: one character, then a letter and 5 or 6
/// letters and digits). A bare name (`王芳`), a name with a digit
/// (`张伟2`) and anything with a space stay personal.
fn looks_like_chinese_code(value: &str) -> bool {
    let allowed = |c: char| is_han(c) || c.is_ascii_alphanumeric() || "-_.:/#".contains(c);
    let chars: Vec<char> = value.chars().collect();
    let han = chars.iter().filter(|c| is_han(**c)).count();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    let longest_run = value
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    let plate = han == 1
        && is_han(chars[0])
        && (7..=8).contains(&chars.len())
        && chars[1].is_ascii_alphabetic()
        && chars[2..].iter().all(char::is_ascii_alphanumeric);
    chars.len() <= MAX_ID_LEN
        && chars.iter().all(|c| allowed(*c))
        && han <= MAX_HAN_IN_ID
        && digits >= MIN_DIGITS_IN_HAN_ID
        && longest_run <= MAX_NUMERIC_ID_LEN
        && !plate
}

/// Whether `value` reads like the number of a person's papers: 7 digits
/// or more with at most two letters at each end and nothing else. A
/// resident ID number ending in `X` (`11010119850307123X`, one in eleven),
/// a passport or travel permit (`E12345678`, `C12345678`), a Hong Kong or
/// Taiwan ID (`A1234567`, `A123456789`) were shown whole as ids (hostile
/// review, 2026-12-07). A code with a separator (`ACC-000000001`) is an id.
fn looks_like_document_number(value: &str) -> bool {
    let body = value.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let lead = value.len() - body.len();
    let digits = body.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let trail = body.len() - digits.len();
    lead <= 2
        && trail <= 2
        && digits.len() > MAX_NUMERIC_ID_LEN
        && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{looks_like_id, mask};

    #[test]
    fn ids_look_like_ids_and_names_do_not() {
        for id in [
            "S-03",
            "R-1007",
            "emp_42",
            "1001",
            "A1B2-C3",
            "ACC-000000001",
            "EMP123456",
            "档案-2019-001",
            "合同001",
            "会计凭证-2019-001",
            "檔案-2019-001",
            "HT-合同-2024/015",
        ] {
            assert!(looks_like_id(id), "{id}");
        }
        for text in [
            "张三",
            "Zhang Wei",
            "ZhangWei",
            "13812345678",
            "li@x.com",
            "",
            "ADMIN",
            "11010119850307123X",
            "11010119850307123x",
            "E12345678",
            "EA1234567",
            "A123456789",
            "王芳",
            "欧阳娜娜",
            "张伟2",
            "王芳13812345678",
            "王芳-13812345678",
            "王芳 001",
            "粤B12345",
            "京AD12345",
            "合同",
            "客户110101198503071234",
        ] {
            assert!(!looks_like_id(text), "{text}");
        }
    }

    #[test]
    fn masks_phones_names_ids_mail_and_text() {
        assert_eq!(mask("13812345678"), "*********78");
        assert_eq!(mask("6234567"), "***");
        assert_eq!(mask("62345678"), "******78");
        assert_eq!(mask("110101198503071234"), "**************1234");
        assert_eq!(mask("张三"), "***");
        assert_eq!(mask("欧阳娜娜"), "***");
        assert_eq!(mask("张三 13812345678"), "***********678");
        assert_eq!(mask("li.wei@example.com"), "**************.com");
        assert_eq!(mask("x"), "***");
        assert_eq!(mask(""), "***");
    }
}
