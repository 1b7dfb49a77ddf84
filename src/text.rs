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

/// Characters that show nothing where they stand: the invisible format
/// characters of Unicode category Cf (zero-width space and joiners, word
/// joiner, byte-order mark, soft hyphen, direction marks, invisible
/// operators, tags; not the Arabic number signs, which show), the
/// combining grapheme joiner, the Hangul fillers and the braille blank.
/// A cell of nothing but these and whitespace looks empty in every editor
/// and is empty (inputs-and-reports.md, "Empty cells").
pub fn is_invisible(c: char) -> bool {
    // ASCII and the CJK blocks hold none: most cells' ends, answered at once.
    !c.is_ascii()
        && !('\u{3165}'..'\u{fe00}').contains(&c)
        && INVISIBLE
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&c))
}

/// The words that stand for "nothing" when written as an item of a list
/// (`王芳;无`, `["王芳", "N/A"]`): no item, dropped with a note
/// (inputs-and-reports.md, "placeholder list items"). Latin ones are
/// compared without regard to ASCII case. A scalar cell holding one keeps
/// it as its value.
pub const NOTHING_WORDS: [&str; 57] = [
    "无",
    "没有",
    "暂无",
    "空",
    "无人",
    "不详",
    "無",
    "沒有",
    "暫無",
    "無人",
    "不詳",
    "-",
    "--",
    "—",
    "——",
    "/",
    "n/a",
    "na",
    "none",
    "null",
    "nil",
    "nan",
    // Unknown or still to come, as paper registers write it (hostile
    // review, 2026-12-06: `王芳、？` and `王芳、未知` were two witnesses).
    "未知",
    "不明",
    "待定",
    "待补",
    "待補",
    "未签",
    "未签字",
    "未簽",
    "未簽字",
    "略",
    "?",
    "??",
    "???",
    "*",
    "…",
    "……",
    // Not filled in, or the value is elsewhere (the row above, an
    // attachment, a remark): nothing this row states (hostile review
    // h19: `未填`, `同上`, `〃`, `见附件` were a purpose, a place of
    // destruction and a witness, and `TBD` a registered purpose).
    "未填",
    "未填写",
    "未填寫",
    "未登记",
    "未登記",
    "未记录",
    "未記錄",
    "同上",
    "〃",
    "见附件",
    "見附件",
    "详见附件",
    "詳見附件",
    "见备注",
    "見備註",
    "详见备注",
    "詳見備註",
    "tbd",
    "tbc",
];

/// Punctuation a register writes around a word for nothing, or alone
/// where it fills nothing in (`无。`, `（无）`, `"N/A"`, `。`, `...`),
/// as [`nothing_fold`] leaves it: full-width ASCII already ASCII. Not the
/// dashes, slashes and `*`, which are words themselves (`-`, `/`).
const NOTHING_WRAPS: [char; 38] = [
    '(', ')', '[', ']', '<', '>', '"', '\'', '.', ',', ';', ':', '!', '?', '~', '（', '）', '【',
    '】', '〔', '〕', '「', '」', '『', '』', '《', '》', '〈', '〉', '“', '”', '‘', '’', '。',
    '、', '…', '·', '～',
];

/// What a paper register writes after a name to say the person signed,
/// in brackets (`（签）`, `(签字)`, `【已签】`) or, the Chinese ones, right
/// after it (`王芳签字`): the same person as the name alone, so two
/// witnesses `王芳（签）`, `王芳` are one.
const SIGNATURE_MARKS: &[&str] = &[
    "签",
    "签字",
    "签名",
    "签章",
    "已签",
    "已签字",
    "已签名",
    "本人签字",
    "手签",
    "盖章",
    "簽",
    "簽字",
    "簽名",
    "簽章",
    "已簽",
    "已簽字",
    "已簽名",
    "本人簽字",
    "手簽",
    "蓋章",
    "签名盖章",
    "签字盖章",
    "签名并盖章",
    "签字并盖章",
    "簽名蓋章",
    "簽字蓋章",
    "sign",
    "signed",
];

/// The Chinese [`SIGNATURE_MARKS`], longest first (`已签字` before `签字`;
/// `bare_marks_are_the_chinese_marks_longest_first` holds it true).
const BARE_SIGNATURE_MARKS: [&str; 26] = [
    "签名并盖章",
    "签字并盖章",
    "签名盖章",
    "签字盖章",
    "簽名蓋章",
    "簽字蓋章",
    "本人签字",
    "本人簽字",
    "已签字",
    "已签名",
    "已簽字",
    "已簽名",
    "签字",
    "签名",
    "签章",
    "已签",
    "手签",
    "盖章",
    "簽字",
    "簽名",
    "簽章",
    "已簽",
    "手簽",
    "蓋章",
    "签",
    "簽",
];

/// The name before a signature mark written without brackets after it
/// (`王芳签字`, `王芳/签`; `key` folded as for
/// [`name_before_signature_mark`]): Chinese marks only, the longest that
/// fits, and only with a name of two characters or more before it (a
/// name is never one character, and `李签` could be one).
pub fn name_before_bare_signature_mark(key: &str) -> Option<&str> {
    BARE_SIGNATURE_MARKS.iter().find_map(|mark| {
        let name = key
            .strip_suffix(mark)?
            .trim_end_matches(['/', '-', ':', '：', '／', '—', '_']);
        // `王芳（签` is a bracket left open, not a bare mark.
        let open = name.ends_with(['（', '(', '【', '[', '〔']);
        (name.chars().count() >= 2 && !open).then_some(name)
    })
}

/// What a register writes after a name besides a signature mark: a tick
/// (`王芳√`) or the punctuation of the sentence or list it stood in
/// (`王芳。`, `王芳、`, `王芳，`). Not a cross (`✗` may say "did not sign").
const AFTER_A_NAME: [char; 28] = [
    '。', '、', '，', ',', '.', ';', '；', '√', '✓', '✔', '☑', '_', '/', '／', ':', '：', '．',
    '｡', '､', '＿', '！', '!', '~', '～', '*', '＊', '\u{fe0e}', '\u{fe0f}',
];

/// The role a register writes before a name (`监销人王芳`, `监销人：王芳`),
/// or a label asking for the signature (`签字：王芳`), longest first.
const BEFORE_A_NAME: [&str; 30] = [
    "监销人员",
    "監銷人員",
    "监销人",
    "監銷人",
    "监销员",
    "監銷員",
    "见证人",
    "見證人",
    "批准人",
    "审批人",
    "審批人",
    "经办人",
    "經辦人",
    "经手人",
    "經手人",
    "鉴定人",
    "鑒定人",
    "监督人",
    "監督人",
    "监交人",
    "監交人",
    "接收人",
    "移交人",
    "交接人",
    "签字",
    "签名",
    "监销",
    "監銷",
    "见证",
    "見證",
];

/// Quotes or brackets a register may write a whole name in (`“王芳”`,
/// `【王芳】`).
const AROUND_A_NAME: [(char, char); 8] = [
    ('“', '”'),
    ('"', '"'),
    ('‘', '’'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
    ('（', '）'),
    ('(', ')'),
];

/// The name in `key` (folded as for [`name_before_signature_mark`])
/// without what a register writes around it: ticks and punctuation after
/// it ([`AFTER_A_NAME`]), a role or a label before it ([`BEFORE_A_NAME`],
/// `（签）王芳`), when two characters or more are left (hostile review,
/// 2026-12-06: `王芳` and `王芳√`, `签字：王芳`, `监销人王芳` were two
/// witnesses).
pub fn name_between_marks(key: &str) -> &str {
    let key = key.trim_end_matches(AFTER_A_NAME);
    let key = AROUND_A_NAME
        .iter()
        .find_map(|&(open, close)| key.strip_prefix(open)?.strip_suffix(close))
        .filter(|name| name.chars().count() >= 2)
        .unwrap_or(key);
    let labelled = BEFORE_A_NAME
        .iter()
        .find_map(|label| key.strip_prefix(label))
        .or_else(|| mark_before(key))
        .map(|rest| rest.trim_start_matches([':', '：', '/', '／', '-', '—', '_']))
        .filter(|rest| rest.chars().count() >= 2);
    labelled.unwrap_or(key)
}

/// Whether `key` (folded) is a role, a label or a signature mark and no
/// name (`监销人`, `签字：`, `（签）`).
pub fn is_label_only(key: &str) -> bool {
    let key = key.trim_end_matches(AFTER_A_NAME);
    BEFORE_A_NAME.contains(&key) || is_signature_mark(key)
}

/// Whether the text in brackets beside a name says the person signed or
/// the role they signed in (`签`, `监销人`): not part of the name.
fn is_mark_or_role(inner: &str) -> bool {
    SIGNATURE_MARKS.contains(&inner) || BEFORE_A_NAME.contains(&inner)
}

/// What follows a bracketed signature mark opening `key` (`（签）王芳`).
fn mark_before(key: &str) -> Option<&str> {
    BRACKETS.iter().find_map(|&(open, close)| {
        let inner = key.strip_prefix(open)?;
        let at = inner.find(close)?;
        is_mark_or_role(&inner[..at]).then(|| &inner[at + close.len_utf8()..])
    })
}

/// Whether `key` (folded as for [`name_before_signature_mark`]) is a
/// signature mark and nothing more: `（签）`, `签字`.
pub fn is_signature_mark(key: &str) -> bool {
    name_before_signature_mark(key) == Some("") || BARE_SIGNATURE_MARKS.contains(&key)
}

/// The brackets a signature mark is written in.
const BRACKETS: [(char, char); 5] = [
    ('（', '）'),
    ('(', ')'),
    ('【', '】'),
    ('[', ']'),
    ('〔', '〕'),
];

/// The name before a bracketed signature mark ending `key` (folded:
/// without whitespace, in ASCII lower case), empty when the mark is all
/// of it; `None` when `key` ends in no such mark.
pub fn name_before_signature_mark(key: &str) -> Option<&str> {
    BRACKETS.iter().find_map(|&(open, close)| {
        let inner = key.strip_suffix(close)?;
        let at = inner.rfind(open)?;
        let (name, mark) = (&inner[..at], &inner[at + open.len_utf8()..]);
        (is_mark_or_role(mark) || is_annotation(name, mark)).then_some(name)
    })
}

/// What a register writes in brackets after a name about that person:
/// a role, a post or a department (`王芳（档案员）`, `王芳（财务部）`,
/// `Wang Fang (manager)`), after a name of two characters or more. Not an
/// addition saying someone else signed for them or that they did not
/// sign ([`NOT_THEIR_SIGNATURE`]: `王芳（代）`, `王芳（未签）`), which
/// keeps the item another. Hostile review, 2026-12-07: `王芳、王芳（档案员）`
/// were two witnesses, and the one list of roles could never be whole;
/// reading such an item as the name errs towards one person, the side a
/// rule on witnesses fails safe on.
fn is_annotation(name: &str, inner: &str) -> bool {
    name.chars().count() >= 2
        && !inner.is_empty()
        && inner.chars().count() <= 12
        && !inner.contains(NOT_THEIR_SIGNATURE)
        && !inner.contains(AROUND_OR_BRACKET)
}

/// Characters an addition in brackets holds when it says the person did
/// not sign themselves: by proxy (代), not, refused, none, a cross.
const NOT_THEIR_SIGNATURE: [char; 10] = ['代', '未', '拒', '不', '非', '没', '无', '✗', '×', '✘'];

/// Brackets and quotes inside an addition: two additions, or a name in it.
const AROUND_OR_BRACKET: [char; 12] = [
    '(', ')', '（', '）', '【', '】', '[', ']', '〔', '〕', '“', '"',
];

/// Whether a list item (already trimmed, `trim_cell`) is one of
/// [`NOTHING_WORDS`], its letters compared without regard to ASCII case,
/// its full-width forms as their ASCII ones (`ＮＡ`, `Ｎ／Ａ`, `－`, as a
/// Chinese input method types them) and every dash as `-` (`–`, `―`,
/// `−`): Decision (2026-12-05), `王芳;－` was two witnesses.
///
/// Decision (hostile review h19): punctuation around the word does not
/// make it a value (`无。`, `（无）`, `“N/A”`, [`NOTHING_WRAPS`]), and an
/// item of nothing but such punctuation stands for nothing too (`。`,
/// `...`, `、`).
pub fn stands_for_nothing(item: &str) -> bool {
    let wrapped = |c: char| NOTHING_WRAPS.contains(&nothing_fold(c));
    if item.starts_with(wrapped) || item.ends_with(wrapped) {
        let inner = item.trim_matches(wrapped);
        return inner.is_empty() || is_nothing_word(inner);
    }
    is_nothing_word(item)
}

/// Whether `item` is one of [`NOTHING_WORDS`], compared folded.
fn is_nothing_word(item: &str) -> bool {
    // Every word is at most 4 characters of at most 3 bytes: longer items
    // are names.
    item.len() <= 12
        && item
            .chars()
            .next()
            .is_some_and(|c| NOTHING_FIRSTS.contains(&nothing_fold(c)))
        && NOTHING_WORDS.iter().any(|w| {
            let mut word = w.chars().map(nothing_fold);
            let mut item = item.chars().map(nothing_fold);
            loop {
                match (word.next(), item.next()) {
                    (None, None) => return true,
                    (Some(a), Some(b)) if a == b => {}
                    _ => return false,
                }
            }
        })
}

/// Whether a cell, untrimmed, is one of [`NOTHING_WORDS`] once trimmed
/// (`trim_cell`): a cell whose first character neither trims away nor
/// starts a word is answered without trimming it (asked of every
/// optional text cell while loading).
pub fn cell_stands_for_nothing(cell: &str) -> bool {
    // An ASCII first byte is the first character: no decoding, and one
    // bit of `ASCII_NOTHING_FIRSTS` instead of a scan of the firsts.
    if let Some(&b) = cell.as_bytes().first().filter(|b| b.is_ascii()) {
        let starts_word = (ASCII_NOTHING_GATE >> b.to_ascii_lowercase()) & 1 == 1;
        return match ascii_kept(b) && !starts_word {
            true => false,
            false => stands_for_nothing(trim_cell(cell)),
        };
    }
    match cell.chars().next() {
        None => false,
        Some(c) if kept_at_end(c) && !opens_nothing(nothing_fold(c)) => false,
        Some(_) => stands_for_nothing(trim_cell(cell)),
    }
}

/// The first character of each of [`NOTHING_WORDS`], folded: the one
/// test most cells need, as every optional text cell is asked
/// (`nothing_firsts_are_the_words_first_characters` holds it true).
const NOTHING_FIRSTS: [char; 24] = [
    '无', '没', '暂', '空', '不', '無', '沒', '暫', '-', '/', 'n', '未', '待', '略', '?', '*', '…',
    '同', '〃', '见', '見', '详', '詳', 't',
];

/// Whether a cell whose first character is `c` (folded) may stand for
/// nothing: it starts a word or punctuation around one.
fn opens_nothing(c: char) -> bool {
    NOTHING_FIRSTS.contains(&c) || NOTHING_WRAPS.contains(&c)
}

/// The ASCII characters [`opens_nothing`] holds, a bit per character:
/// folded, an ASCII character is itself in lower case (`nothing_fold`).
const ASCII_NOTHING_GATE: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < NOTHING_FIRSTS.len() {
        let c = NOTHING_FIRSTS[i] as u32;
        if c < 128 {
            bits |= 1 << c;
        }
        i += 1;
    }
    let mut i = 0;
    while i < NOTHING_WRAPS.len() {
        let c = NOTHING_WRAPS[i] as u32;
        if c < 128 {
            bits |= 1 << c;
        }
        i += 1;
    }
    bits
};

/// The characters [`stands_for_nothing`] folds that are not ASCII, and
/// what each is folded to (before ASCII letters are lowered): for the
/// Spark script, which folds a cell with SQL's `translate` (`sql::inplace`).
pub fn nothing_fold_table() -> (String, String) {
    let from: String = ('\u{ff01}'..='\u{ff5e}')
        .chain('\u{2010}'..='\u{2015}')
        .chain(['\u{2212}', '\u{fe58}', '\u{fe63}', '\u{2044}', '\u{2215}'])
        .collect();
    let to: String = from.chars().map(nothing_fold_case).collect();
    (from, to)
}

/// A Java regular expression matching a run of [`NOTHING_WRAPS`] at
/// either end of a folded cell, for the Spark script.
pub fn nothing_wraps_pattern() -> String {
    let class: String = NOTHING_WRAPS
        .iter()
        .map(|&c| match c {
            '[' | ']' | '\\' | '^' | '-' | '&' => format!("\\{c}"),
            c => c.to_string(),
        })
        .collect();
    format!("^[{class}]+|[{class}]+$")
}

/// [`NOTHING_WORDS`] as [`stands_for_nothing`] compares them (`—` as `-`).
pub fn nothing_words_folded() -> Vec<String> {
    let mut words: Vec<String> = NOTHING_WORDS
        .iter()
        .map(|w| w.chars().map(nothing_fold).collect())
        .collect();
    words.dedup();
    words
}

/// A character as [`stands_for_nothing`] compares it: full-width ASCII as
/// ASCII, every dash as `-`, slashes as `/`, ASCII letters lower case.
fn nothing_fold(c: char) -> char {
    nothing_fold_case(c).to_ascii_lowercase()
}

/// [`nothing_fold`] but for the case of ASCII letters.
fn nothing_fold_case(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' => '-',
        '\u{2044}' | '\u{2215}' => '/',
        c => c,
    }
}

/// The ranges of [`is_invisible`], also read by the Spark script's trim
/// (`sql::inplace`), which must read a cell as the loader does.
pub const INVISIBLE: [(char, char); 21] = [
    ('\u{00ad}', '\u{00ad}'),
    ('\u{034f}', '\u{034f}'),
    ('\u{061c}', '\u{061c}'),
    ('\u{115f}', '\u{1160}'),
    ('\u{17b4}', '\u{17b5}'),
    ('\u{180b}', '\u{180f}'),
    ('\u{200b}', '\u{200f}'),
    ('\u{202a}', '\u{202e}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206f}'),
    ('\u{2800}', '\u{2800}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{fe00}', '\u{fe0f}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{ffa0}', '\u{ffa0}'),
    ('\u{fff9}', '\u{fffb}'),
    ('\u{1bca0}', '\u{1bca3}'),
    ('\u{1d173}', '\u{1d17a}'),
    ('\u{e0001}', '\u{e0001}'),
    ('\u{e0020}', '\u{e007f}'),
    ('\u{e0100}', '\u{e01ef}'),
];

/// Text as `matches` reads it, as a reader sees it: invisible characters
/// ([`is_invisible`]) dropped, and a tab, a no-break space or another space
/// of Unicode (not the ideographic space U+3000) as a plain space. A zero-
/// width space or a no-break space inside `记账凭证` took a title out of
/// every pattern of the packs (2026-12-07). A line break (a cell wrapped
/// with Alt+Enter: `2019年度\n会计凭证`) is no part of a word written in
/// ideographs: gone beside one ([`IDEOGRAPHS`]), a space elsewhere.
/// Traditional characters read as simplified ones (`會計憑證`, hostile
/// review 2026-12-07; the pattern is folded alike, [`matched_pattern`]),
/// and `帐` as `账` (`chinese::read_alike`). `contains` on text reads both
/// its sides so too (hostile review h23). Borrowed
/// when there is nothing to change, as in nearly every cell.
pub fn as_matched(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| match c.is_ascii() {
        true => matches!(c, '\t' | '\u{0b}' | '\u{0c}' | '\n' | '\r'),
        false => {
            is_invisible(c)
                || matched_as_space(c)
                || radical(c).is_some()
                || crate::chinese::is_read_otherwise(c)
        }
    };
    if !text.contains(odd) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().filter(|c| !is_invisible(*c)).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '\n' | '\r') {
            let end = (i..chars.len())
                .find(|&k| !matches!(chars[k], '\n' | '\r'))
                .unwrap_or(chars.len());
            let beside =
                (i > 0 && ideograph(chars[i - 1])) || chars.get(end).is_some_and(|n| ideograph(*n));
            if !beside {
                out.push(' ');
            }
            i = end;
            continue;
        }
        out.push(match (matched_as_space(c), radical(c)) {
            (true, _) => ' ',
            (_, Some(ideograph)) => crate::chinese::read_alike(ideograph),
            _ => crate::chinese::read_alike(c),
        });
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// A `matches` pattern as the text it is matched against
/// ([`as_matched`]): traditional characters as simplified ones, so that
/// `會計` finds `会计凭证` and `会计` finds `會計憑證`. A character beside
/// `-` is left alone: it may bound a range of a class (`[一-龥]`).
pub fn matched_pattern(pattern: &str) -> std::borrow::Cow<'_, str> {
    if !pattern.contains(crate::chinese::is_read_otherwise) {
        return std::borrow::Cow::Borrowed(pattern);
    }
    let chars: Vec<char> = pattern.chars().collect();
    let bounds =
        |i: usize| (i > 0 && chars[i - 1] == '-') || chars.get(i + 1).is_some_and(|n| *n == '-');
    let folded = (0..chars.len()).map(|i| match bounds(i) {
        true => chars[i],
        false => crate::chinese::read_alike(chars[i]),
    });
    std::borrow::Cow::Owned(folded.collect())
}

/// The characters a line break beside which `matches` drops
/// ([`as_matched`]): CJK radicals, punctuation and ideographs.
pub const IDEOGRAPHS: [(char, char); 3] = [
    ('\u{2e80}', '\u{9fff}'),
    ('\u{f900}', '\u{faff}'),
    ('\u{20000}', '\u{3ffff}'),
];

fn ideograph(c: char) -> bool {
    IDEOGRAPHS.iter().any(|(a, b)| (*a..=*b).contains(&c))
}

/// Each Kangxi radical or CJK radical (U+2E80-U+2FDF) that stands for an
/// ideograph (NFKC), with the ideograph: PDF text extraction gives `现⾦流量表`
/// for 现金流量表, which escaped the packs' patterns (hostile review,
/// 2026-12-07). `matches` reads them as the ideographs, on Spark too.
pub fn radicals() -> &'static [(char, char)] {
    static PAIRS: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        use unicode_normalization::UnicodeNormalization;
        ('\u{2e80}'..='\u{2fdf}')
            .filter_map(|c| {
                let mut plain = std::iter::once(c).nfkc();
                match (plain.next(), plain.next()) {
                    (Some(p), None) if p != c => Some((c, p)),
                    _ => None,
                }
            })
            .collect()
    })
}

fn radical(c: char) -> Option<char> {
    if !('\u{2e80}'..='\u{2fdf}').contains(&c) {
        return None;
    }
    radicals().iter().find(|(r, _)| *r == c).map(|(_, p)| *p)
}

/// The spaces `matches` reads as a plain space ([`as_matched`]).
pub const MATCHED_AS_SPACE: [(char, char); 7] = [
    ('\t', '\t'),
    ('\u{0b}', '\u{0c}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
];

fn matched_as_space(c: char) -> bool {
    MATCHED_AS_SPACE
        .iter()
        .any(|(first, last)| (*first..=*last).contains(&c))
}

/// Lower-case hexadecimal digits of `bytes`, two a byte (digests and
/// fingerprints). By table: `format!` per byte was 1% of a check's CPU
/// with 45,000 fingerprints.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// The ASCII character a full-width form (U+FF01-U+FF5E: `Ｒ`, `１`, `－`)
/// stands for; any other character as it is.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A cell's text without the whitespace and invisible characters
/// ([`is_invisible`]) at its ends: `""` for a cell that only looks empty
/// (`\u{200b}`, `\u{feff} \u{3000}`). On the hot path of every cell: past
/// `str::trim`, it looks further only when an end is not ASCII.
pub fn trim_cell(s: &str) -> &str {
    // Most cells end in visible characters at both ends: one look at each,
    // by its byte where that is ASCII (ids, dates, numbers, addresses),
    // decoding a character only at an end that is not.
    let kept = |c: Option<char>| c.is_some_and(kept_at_end);
    if let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last()) {
        let first_kept = match first.is_ascii() {
            true => ascii_kept(first),
            false => kept(s.chars().next()),
        };
        let last_kept = match last.is_ascii() {
            true => ascii_kept(last),
            false => kept(s.chars().next_back()),
        };
        if first_kept && last_kept {
            return s;
        }
    }
    let t = s.trim();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if !a.is_ascii() || !b.is_ascii() => {
            t.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
        }
        _ => t,
    }
}

/// Whether a character at a cell's end stays there in [`trim_cell`]. The
/// CJK blocks (U+3165 to U+FDFF) hold no whitespace and no invisible
/// character (`cjk_holds_no_whitespace_or_invisible`): the ends of most
/// Chinese cells are answered there, without the Unicode tables.
fn kept_at_end(c: char) -> bool {
    ('\u{3165}'..'\u{fe00}').contains(&c) || (!c.is_whitespace() && !is_invisible(c))
}

/// Whether an ASCII byte at a cell's end stays there in [`trim_cell`]: the
/// ASCII whitespace of `char::is_whitespace` (tab to carriage return,
/// space) trims away, and no ASCII character is invisible. A byte below
/// 0x80 is a whole character in UTF-8, so no decoding is needed.
fn ascii_kept(b: u8) -> bool {
    !matches!(b, b'\t'..=b'\r' | b' ')
}

/// An id or a ref as a message quotes it, on one line: every control
/// character (line breaks and tabs too: an id has none), and the invisible
/// and hidden ones, as `\u{a}`. `R-` and `1` in two paragraphs of a cell
/// printed as two lines of the report (hostile review, 2026-12-07).
pub fn id_shown(id: &str) -> String {
    escape_where(
        id,
        |c| c.is_control() || is_invisible(c) || is_hidden(c),
        |c, out| out.extend(c.escape_unicode()),
    )
}

/// Shows hidden characters as `\u{..}`, keeping newlines and tabs.
pub fn visible_controls(text: &str) -> String {
    escape_hidden(text, |c, out| out.push_str(&c.escape_unicode().to_string()))
}

/// A name with its invisible characters ([`is_invisible`]) and hidden ones
/// ([`is_hidden`]) as `\u{200b}`: a column `legal_hold` + U+200B printed
/// raw reads exactly as `legal_hold` (inputs-and-reports.md, near-miss
/// columns).
///
/// In a name that also holds ASCII letters, a Cyrillic or Greek letter
/// looking like a Latin one ([`latin_lookalike`]) is shown so too: `lеgal_hold`
/// with a Cyrillic `е` is `l\u{435}gal_hold`. A name wholly in Cyrillic
/// (`дата`) is shown as written.
pub fn invisibles_shown(name: &str) -> String {
    let mixed = name.chars().any(|c| c.is_ascii_alphabetic());
    escape_where(
        name,
        |c| is_invisible(c) || is_hidden(c) || (mixed && latin_lookalike(c).is_some()),
        |c, out| out.extend(c.escape_unicode()),
    )
}

/// The Latin letter a Cyrillic or Greek one looks exactly like (`е` U+0435
/// is `e`), as a column name typed on a Russian keyboard layout or pasted
/// from a web page holds it: `lеgal_hold` printed as, and was, another
/// column than `legal_hold` (hostile review, 2026-12-07).
pub fn latin_lookalike(c: char) -> Option<char> {
    const PAIRS: [(char, char); 24] = [
        ('а', 'a'),
        ('е', 'e'),
        ('о', 'o'),
        ('р', 'p'),
        ('с', 'c'),
        ('у', 'y'),
        ('х', 'x'),
        ('і', 'i'),
        ('ј', 'j'),
        ('ѕ', 's'),
        ('һ', 'h'),
        ('ԁ', 'd'),
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('О', 'O'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('Х', 'X'),
        ('ο', 'o'),
    ];
    if c.is_ascii() {
        return None;
    }
    PAIRS.iter().find(|(from, _)| *from == c).map(|(_, to)| *to)
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
    escape_where(text, is_hidden, escape)
}

/// `text` with each character `hide` picks written by `escape`.
fn escape_where(
    text: &str,
    hide: impl Fn(char) -> bool,
    escape: impl Fn(char, &mut String),
) -> String {
    if !text.contains(&hide) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hide(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `bytes` may hold the start of a hidden character ([`is_hidden`]):
/// an ASCII control other than newline and tab, DEL, or the first byte of
/// a C1 control (`0xC2`) or of a bidi override or isolate (`0xE2`). A
/// false `true` costs only the slower check; a false `false` cannot happen.
/// No early exit, so the compiler checks many bytes at a time.
fn may_hold_hidden(bytes: &[u8]) -> bool {
    bytes.chunks(64).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found
                | ((b < 0x20) & (b != b'\n') & (b != b'\t'))
                | (b == 0x7f)
                | (b == 0xc2)
                | (b == 0xe2)
        })
    })
}

/// How an [`Escaping`] writer shows a hidden character: as
/// [`visible_controls`] does (`\u{202e}`) or as [`json_safe`] does
/// (`\u202e`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EscapeStyle {
    Visible,
    Json,
    /// In JSON whose strings a person reads in a code-scanning page (SARIF,
    /// Code Quality): the visible form (`\u{202e}`), its backslash escaped
    /// for JSON, so the decoded text shows the escape instead of a bidi
    /// override reordering the message (hostile review, 2026-12-05).
    JsonVisible,
}

/// A writer that escapes hidden characters on the way through, the same
/// bytes [`visible_controls`] or [`json_safe`] give for the whole text: a
/// streamed report is escaped piece by piece (the escape of a character
/// never depends on its neighbours). A character split across two writes
/// is held until its last byte arrives.
pub struct Escaping<W: std::io::Write> {
    inner: W,
    style: EscapeStyle,
    /// The first bytes of a UTF-8 character whose rest is still to come.
    pending: Vec<u8>,
}

impl<W: std::io::Write> Escaping<W> {
    pub fn new(inner: W, style: EscapeStyle) -> Self {
        Escaping {
            inner,
            style,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, text: &str) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in text.char_indices().filter(|(_, c)| is_hidden(*c)) {
            self.inner.write_all(&text.as_bytes()[start..i])?;
            match self.style {
                EscapeStyle::Visible => write!(self.inner, "{}", c.escape_unicode())?,
                EscapeStyle::Json => write!(self.inner, "\\u{:04x}", c as u32)?,
                EscapeStyle::JsonVisible => write!(self.inner, "\\\\u{{{:x}}}", c as u32)?,
            }
            start = i + c.len_utf8();
        }
        self.inner.write_all(&text.as_bytes()[start..])
    }

    /// Escapes the complete characters of `bytes`, keeps an incomplete
    /// last one for the next write. Bytes that are not UTF-8 at all (no
    /// renderer writes any) pass through as they are.
    fn write_bytes(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        // Nearly every piece of a report has nothing to escape: those go
        // through as they are, without decoding their characters. A piece
        // ending inside a character is written too (the character is not a
        // hidden one: its first byte is here and is not one that starts
        // one), and the rest of it, at the start of the next piece, passes
        // through below as the bytes that are not UTF-8 on their own.
        if !may_hold_hidden(bytes) {
            return self.inner.write_all(bytes);
        }
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => return self.write_text(text),
                Err(e) => {
                    let (good, bad) = bytes.split_at(e.valid_up_to());
                    let good = std::str::from_utf8(good)
                        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
                    self.write_text(good)?;
                    match e.error_len() {
                        None => {
                            self.pending.extend_from_slice(bad);
                            return Ok(());
                        }
                        Some(n) => {
                            self.inner.write_all(&bad[..n])?;
                            bytes = &bad[n..];
                        }
                    }
                }
            }
        }
    }
}

impl<W: std::io::Write> std::io::Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return self.write_bytes(buf);
        }
        let mut joined = std::mem::take(&mut self.pending);
        joined.extend_from_slice(buf);
        self.write_bytes(&joined)
    }

    /// An incomplete character left at the end is written as it is.
    fn flush(&mut self) -> std::io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.inner.write_all(&rest)?;
        self.inner.flush()
    }
}

/// A writer that keeps nothing and notes whether any hidden character
/// ([`is_hidden`]) went through it: whether a streamed text needs escaping,
/// found without holding the text (a coloured human report of a million
/// findings is rendered twice, once to find that out).
#[derive(Default)]
pub struct FindsHidden {
    pub found: bool,
    /// The first bytes of a UTF-8 character whose rest is still to come.
    pending: Vec<u8>,
}

impl std::io::Write for FindsHidden {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut rest = bytes.as_slice();
        while !self.found && !rest.is_empty() {
            let (good, next) = match std::str::from_utf8(rest) {
                Ok(text) => (text, &rest[rest.len()..]),
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // `good` is valid UTF-8, as the error says.
                    let good = std::str::from_utf8(good).unwrap_or_default();
                    match e.error_len() {
                        None => {
                            self.pending = bad.to_vec();
                            (good, &bad[bad.len()..])
                        }
                        Some(n) => (good, &bad[n..]),
                    }
                }
            };
            self.found = good.contains(is_hidden);
            rest = next;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pattern_folds_traditional_characters_but_not_range_bounds() {
        use super::{as_matched, matched_pattern};
        assert_eq!(matched_pattern("會計|憑證"), "会计|凭证");
        assert_eq!(matched_pattern("[會-龥]帳"), "[會-龥]账");
        // `帐` is read as `账` on both sides (`chinese::VARIANTS`).
        assert_eq!(matched_pattern("记帐凭证"), "记账凭证");
        assert_eq!(as_matched("記帳憑證"), "记账凭证");
        assert!(matches!(
            matched_pattern("会计.*"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(as_matched("會計\n憑證"), "会计凭证");
    }

    #[test]
    fn matches_reads_a_wrapped_cell_as_a_reader_does() {
        assert_eq!(super::as_matched("2019年度\n会计凭证"), "2019年度会计凭证");
        assert_eq!(super::as_matched("记账\r\n凭证"), "记账凭证");
        assert_eq!(super::as_matched("ledger\nbook"), "ledger book");
        assert_eq!(super::as_matched("ledger\r\n\r\nbook"), "ledger book");
        assert_eq!(super::as_matched("劳动\u{a0}合同"), "劳动 合同");
        assert_eq!(super::as_matched("现\u{2fa6}流量表"), "现金流量表");
        assert!(matches!(
            super::as_matched("记账凭证"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    use super::trim_cell;
    use super::{json_safe, terminal_safe, visible_controls, EscapeStyle, Escaping, FindsHidden};
    use std::io::Write;

    /// The first-character gate passes every word: a word added to the
    /// list without its first character would never match.
    #[test]
    fn bare_marks_are_the_chinese_marks_longest_first() {
        let chinese: std::collections::BTreeSet<&str> = super::SIGNATURE_MARKS
            .iter()
            .copied()
            .filter(|m| !m.is_ascii())
            .collect();
        let bare: std::collections::BTreeSet<&str> =
            super::BARE_SIGNATURE_MARKS.into_iter().collect();
        assert_eq!(chinese, bare);
        let lens: Vec<usize> = super::BARE_SIGNATURE_MARKS
            .iter()
            .map(|m| m.chars().count())
            .collect();
        assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{lens:?}");
    }

    #[test]
    fn nothing_firsts_are_the_words_first_characters() {
        let firsts: std::collections::BTreeSet<char> = super::NOTHING_WORDS
            .iter()
            .filter_map(|w| w.chars().next().map(super::nothing_fold))
            .collect();
        let gate: std::collections::BTreeSet<char> = super::NOTHING_FIRSTS.into_iter().collect();
        assert_eq!(firsts, gate);
    }

    /// Words around which punctuation stands, punctuation alone, and the
    /// words for "not filled in" stand for nothing, in a cell too; a value
    /// in brackets does not (hostile review h19).
    #[test]
    fn punctuation_around_nothing_and_not_filled_in_stand_for_nothing() {
        for w in [
            "无。",
            "（无）",
            "(N/A)",
            "“无”",
            "【待定】",
            "。",
            "...",
            "、",
            "同上",
            "〃",
            "未填",
            "见附件",
            "TBD",
            "Ｔｂｄ",
        ] {
            assert!(super::stands_for_nothing(w), "{w}");
            assert!(super::cell_stands_for_nothing(&format!(" {w} ")), "{w}");
            assert!(super::cell_stands_for_nothing(w), "{w}");
        }
        for w in ["(查账)", "王芳。", "同方", "见云", "tbd1", "1.", ".5"] {
            assert!(!super::stands_for_nothing(w), "{w}");
            assert!(!super::cell_stands_for_nothing(w), "{w}");
        }
    }

    /// The shortcuts of `is_invisible` leave out no character of its table.
    #[test]
    fn is_invisible_is_its_table() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let listed = super::INVISIBLE.iter().any(|(a, b)| (*a..=*b).contains(&c));
            assert_eq!(super::is_invisible(c), listed, "{c:?}");
        }
    }

    /// Every byte gives the two digits `format!("{:02x}")` gives.
    #[test]
    fn hex_is_two_lower_case_digits_a_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let by_format: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(super::hex(&all), by_format);
        assert_eq!(super::hex(&[]), "");
    }

    /// The shortcut of `trim_cell` (both ends visible: nothing to trim)
    /// trims as the whole definition does, at every kind of end.
    #[test]
    fn trim_cell_is_whitespace_and_invisibles_off_both_ends() {
        let ends = [
            "", "a", "1", "王", " ", "\t", "\u{3000}", "\u{200b}", "\u{feff}", "é", "\u{ad}", "\n",
            // ASCII ends read by their byte: controls that are whitespace
            // and ones that are not, and the non-ASCII whitespace near them.
            "\u{b}", "\r", "\u{1c}", "\u{7f}", "\u{0}", "\u{85}", "\u{a0}",
        ];
        for first in ends {
            for last in ends {
                for middle in ["", "x", "王芳", " \u{200b} "] {
                    let cell = format!("{first}{middle}{last}");
                    let whole =
                        cell.trim_matches(|c: char| c.is_whitespace() || super::is_invisible(c));
                    assert_eq!(trim_cell(&cell), whole, "{cell:?}");
                }
            }
        }
    }

    /// A cell answers as its trimmed text does, with or without the
    /// shortcut on its first character.
    #[test]
    fn a_cell_stands_for_nothing_as_its_trimmed_text() {
        for cell in [
            "无",
            " 无 ",
            "\u{200b}ＮＡ",
            "\tn/a\n",
            "－",
            "王芳",
            "",
            " ",
            "no",
            "不是",
            "/x",
            "\u{feff}—",
            "档案整理/93754",
            "10.1.2.3",
            "N",
            "null ",
        ] {
            assert_eq!(
                super::cell_stands_for_nothing(cell),
                super::stands_for_nothing(trim_cell(cell)),
                "{cell:?}"
            );
        }
    }

    /// The shortcut of `kept_at_end`: no character of the CJK blocks it
    /// answers at once trims away.
    #[test]
    fn cjk_holds_no_whitespace_or_invisible() {
        for c in '\u{3165}'..'\u{fe00}' {
            assert!(!c.is_whitespace() && !super::is_invisible(c), "{c:?}");
        }
    }

    /// The shortcut on an ASCII first byte answers as the trimmed text
    /// does, for every ASCII character before every kind of rest.
    #[test]
    fn a_cell_of_every_ascii_first_character_stands_for_nothing_as_trimmed() {
        for b in 0u8..128 {
            for rest in ["", "a", "/A", "ull", "无", " ", "?", "-"] {
                let cell = format!("{}{rest}", char::from(b));
                assert_eq!(
                    super::cell_stands_for_nothing(&cell),
                    super::stands_for_nothing(trim_cell(&cell)),
                    "{cell:?}"
                );
            }
        }
    }

    #[test]
    fn placeholder_words_are_whole_items_in_any_ascii_case() {
        for w in [
            "无",
            "暂无",
            "-",
            "—",
            "——",
            "/",
            "N/A",
            "n/a",
            "NA",
            "None",
            "NULL",
            "nil",
            // Full width, other dashes, traditional forms (2026-12-05).
            "ＮＡ",
            "Ｎ／Ａ",
            "－",
            "／",
            "–",
            "ｎｕｌｌ",
            "無",
            "不詳",
        ] {
            assert!(super::stands_for_nothing(w), "{w}");
        }
        for w in [
            "无名氏",
            "Nina",
            "王芳",
            "-1",
            "Null Li",
            "没有人",
            "",
            "Ｎｉｎａ",
            "－１",
        ] {
            assert!(!super::stands_for_nothing(w), "{w}");
        }
    }

    #[test]
    fn a_cell_of_whitespace_and_invisible_characters_is_empty() {
        for blank in [
            "",
            " ",
            "\u{3000}",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\u{2060}",
            "\u{ad}",
            " \u{200b}\u{3000}\u{200d} ",
            "\u{200c}\t\u{2060}",
            "\u{3164}",
        ] {
            assert_eq!(trim_cell(blank), "", "{blank:?}");
        }
        assert_eq!(trim_cell("\u{200b}王芳\u{feff}"), "王芳");
        assert_eq!(trim_cell(" audit "), "audit");
        // Inside a value they stay: only the ends are trimmed.
        assert_eq!(trim_cell("a\u{200b}b"), "a\u{200b}b");
        // Visible text is kept whole, whatever its script.
        for kept in ["无", "-", "N/A", "\u{0600}1", "é"] {
            assert_eq!(trim_cell(kept), kept);
        }
    }

    /// Whether `text`, written `step` bytes at a time, holds a hidden character.
    fn finds_hidden(text: &str, step: usize) -> bool {
        let mut w = FindsHidden::default();
        for piece in text.as_bytes().chunks(step) {
            w.write_all(piece).expect("FindsHidden takes every write");
        }
        w.found
    }

    #[test]
    fn finds_hidden_characters_split_across_writes() {
        for step in 1..=4 {
            assert!(finds_hidden("客户\u{202e}档案", step), "{step}");
            assert!(finds_hidden("档\u{9b}", step), "{step}");
            assert!(finds_hidden("a\u{1b}[2J", step), "{step}");
            assert!(!finds_hidden("客户档案 a\tb\n", step), "{step}");
        }
    }

    /// `text` written through an escaping writer `step` bytes at a time.
    fn escaped_in_pieces(text: &str, style: EscapeStyle, step: usize) -> String {
        let mut out = Vec::new();
        let mut w = Escaping::new(&mut out, style);
        for piece in text.as_bytes().chunks(step) {
            w.write_all(piece).expect("a Vec takes every write");
        }
        w.flush().expect("a Vec takes every write");
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn escaping_writer_gives_the_bytes_of_the_whole_text_escape() {
        // `©`, `·` and `—` start with the bytes a C1 control or a bidi
        // override starts with, and are not hidden.
        let text = "客\u{1b}[2J户\u{202e}档\r案\u{9b}\u{7f}\u{2066} a\tb\n{\"k\":\"x\u{202e}\"} ©·—客户档案 plain text";
        for step in 1..=text.len() {
            assert_eq!(
                escaped_in_pieces(text, EscapeStyle::Visible, step),
                visible_controls(text),
                "pieces of {step} bytes"
            );
            assert_eq!(
                escaped_in_pieces(text, EscapeStyle::Json, step),
                json_safe(text),
                "pieces of {step} bytes"
            );
        }
    }

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
