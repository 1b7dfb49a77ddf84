//! Traditional Chinese characters read as their simplified forms, where a
//! reader takes them for the same word: `張偉` is `张伟`, `會計憑證` is
//! `会计凭证`. Records kept in Hong Kong, Taiwan or an older system write
//! traditional characters; without this, the approver `張偉` was another
//! person than the witness `张伟`, and a title `會計憑證` escaped every
//! pattern of the packs.
//!
//! The table is OpenCC's `TSCharacters.txt` (Apache-2.0), one character to
//! one character, the first of its simplified forms: names and patterns
//! need no phrase conversion, and both sides of a comparison are folded
//! alike, so a character with two readings (`乾` as `干`) cannot split
//! one word in two.

use std::sync::OnceLock;

const TABLE: &str = include_str!("chinese/ts-characters.txt");

/// Each traditional character with its simplified form, sorted.
pub fn traditional_pairs() -> &'static [(char, char)] {
    static PAIRS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = TABLE.lines().filter_map(pair).collect();
        pairs.sort_unstable();
        // One entry maps to a character that is itself traditional
        // (`薴` to `苧`, itself `苎`): follow it to the end.
        let lookup = pairs.clone();
        for (_, to) in pairs.iter_mut() {
            while let Ok(i) = lookup.binary_search_by_key(to, |(from, _)| *from) {
                if lookup[i].1 == *to {
                    break;
                }
                *to = lookup[i].1;
            }
        }
        pairs
    })
}

/// `key<TAB>value value…` as (key, first value), one character each;
/// comments, and lines that keep the character as it is, give none.
fn pair(line: &str) -> Option<(char, char)> {
    if line.starts_with('#') {
        return None;
    }
    let (key, values) = line.split_once('\t')?;
    let first = values.split(' ').next()?;
    match (single(key)?, single(first)?) {
        (from, to) if from != to => Some((from, to)),
        _ => None,
    }
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `c` in its simplified form, or `c` itself.
pub fn simplified(c: char) -> char {
    // Every traditional character of the table is at or above U+3400.
    if (c as u32) < 0x3400 {
        return c;
    }
    let pairs = traditional_pairs();
    match pairs.binary_search_by_key(&c, |(from, _)| *from) {
        Ok(i) => pairs[i].1,
        Err(_) => c,
    }
}

/// Whether `c` has a simplified form other than itself.
pub fn is_traditional(c: char) -> bool {
    simplified(c) != c
}

/// Characters that accounting records write for one another, as the form
/// `matches` and `contains` read them in: `帐` for `账` (记帐凭证, 会计帐簿,
/// 对帐单). The 1985 会计法 wrote `会计帐簿`, its 1999 revision `会计账簿`;
/// records kept before then, and many since, write `帐`, so the archives of
/// one company hold both. The packs' patterns spell `[账帐賬帳]` by hand; a
/// user's `contains "记帐凭证"` found none of `记账凭证` (hostile review h23,
/// 2026-12-07). Sorted by the first character; each second one is simplified.
pub const VARIANTS: [(char, char); 1] = [('帐', '账')];

/// `c` as text is read for `matches` and `contains`: its simplified form
/// ([`simplified`]), then the variant the packs write ([`VARIANTS`]), so
/// `帳`, `帐` and `賬` are all `账`. Names are not read so (`帐` is no
/// name's variant): [`simplified`] alone.
pub fn read_alike(c: char) -> char {
    let s = simplified(c);
    match VARIANTS.binary_search_by_key(&s, |(from, _)| *from) {
        Ok(i) => VARIANTS[i].1,
        Err(_) => s,
    }
}

/// Whether [`read_alike`] reads `c` as another character.
pub fn is_read_otherwise(c: char) -> bool {
    read_alike(c) != c
}

/// Every character [`read_alike`] reads as another, with that one, sorted:
/// the traditional ones of [`traditional_pairs`] and the [`VARIANTS`]. The
/// Spark engine's `translate` is built from it (`sql::expr`).
pub fn read_alike_pairs() -> &'static [(char, char)] {
    static PAIRS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = traditional_pairs()
            .iter()
            .map(|(from, _)| (*from, read_alike(*from)))
            .chain(VARIANTS.iter().copied())
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        s.chars().map(simplified).collect()
    }

    #[test]
    fn traditional_words_read_as_simplified_ones() {
        assert_eq!(fold("張偉"), "张伟");
        assert_eq!(fold("會計憑證"), "会计凭证");
        assert_eq!(fold("已銷毀"), "已销毁");
        assert_eq!(fold("勞動合同"), "劳动合同");
    }

    #[test]
    fn simplified_text_and_other_scripts_stay_as_they_are() {
        assert_eq!(
            fold("会计凭证 Wang Fang 2019年"),
            "会计凭证 Wang Fang 2019年"
        );
        assert!(!is_traditional('张'));
        assert!(!is_traditional('A'));
    }

    #[test]
    fn a_chain_is_followed_to_its_end() {
        assert_eq!(simplified('薴'), '苎');
        assert!(traditional_pairs()
            .iter()
            .all(|(_, to)| !is_traditional(*to)));
    }

    #[test]
    fn accounting_variants_read_as_the_form_the_packs_write() {
        let read = |s: &str| s.chars().map(read_alike).collect::<String>();
        assert_eq!(read("记帐凭证"), "记账凭证");
        assert_eq!(read("記帳憑證"), "记账凭证");
        assert_eq!(read("賬簿"), "账簿");
        // Names are not read so.
        assert_eq!(simplified('帐'), '帐');
        assert!(read_alike_pairs().windows(2).all(|w| w[0].0 < w[1].0));
        assert!(read_alike_pairs()
            .iter()
            .all(|(from, to)| read_alike(*from) == *to && !is_read_otherwise(*to)));
        assert_eq!(read_alike_pairs().len(), traditional_pairs().len() + 1);
    }

    #[test]
    fn the_whole_table_is_read() {
        // 4,113 lines, of which 8 keep their character as the first value.
        assert_eq!(traditional_pairs().len(), 4105);
    }
}
