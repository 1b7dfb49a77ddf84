//! The mask of personal values (security.md, "The mask"), property-tested
//! over names, phone numbers, ID numbers, e-mail addresses, free text with
//! numbers in it and arbitrary text: a value under 8 characters shows
//! nothing (not even its length); a longer one shows at most 4 characters
//! and at most a quarter of them, in one piece at its end.

use custodia::pii::{mask, MAX_SHOWN, SHORT, SHORT_MASK, SHOWN_ONE_IN};
use proptest::prelude::*;

/// Checks every promise of the mask for one value.
fn holds(value: &str) -> Result<(), TestCaseError> {
    let m = mask(value);
    let n = value.chars().count();
    if n < SHORT {
        prop_assert_eq!(m, SHORT_MASK);
        return Ok(());
    }
    let masked: Vec<char> = m.chars().collect();
    prop_assert_eq!(masked.len(), n, "the mask keeps a long value's length");
    let stars = masked.iter().take_while(|c| **c == '*').count();
    let shown = n - stars;
    prop_assert!(shown <= MAX_SHOWN, "{} shows {} chars", m, shown);
    prop_assert!(shown * SHOWN_ONE_IN <= n, "{} shows more than a quarter", m);
    let tail: String = value.chars().skip(n - shown).collect();
    prop_assert!(m.ends_with(&tail));
    // Nothing of the value is shown outside the tail.
    prop_assert!(masked[..stars].iter().all(|c| *c == '*'));
    Ok(())
}

fn names() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\u{4e00}-\\u{9fa5}]{2,4}",
        "[A-Z][a-z]{1,10} [A-Z][a-z]{1,12}",
    ]
}

fn numbers() -> impl Strategy<Value = String> {
    prop_oneof![
        "1[3-9][0-9]{9}",          // mobile phone
        "0[0-9]{2,3}-?[0-9]{7,8}", // landline
        "[1-6][0-9]{16}[0-9X]",    // resident ID number
        "[0-9]{1,20}",
    ]
}

fn mail() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9._]{0,15}@[a-z]{2,10}\\.(com|cn|org)"
}

fn free_text() -> impl Strategy<Value = String> {
    (names(), numbers(), ".{0,20}").prop_map(|(n, p, t)| format!("{n} {p}{t}"))
}

proptest! {
    #[test]
    fn names_phones_ids_and_mail_show_little(v in prop_oneof![names(), numbers(), mail()]) {
        holds(&v)?;
    }

    #[test]
    fn free_text_with_numbers_shows_little(v in free_text()) {
        holds(&v)?;
        // The name before the number never shows: only the end can.
        let name_len = v.split(' ').next().unwrap_or("").chars().count();
        let m = mask(&v);
        if v.chars().count() >= name_len + MAX_SHOWN {
            prop_assert!(m.chars().take(name_len).all(|c| c == '*'), "{} shows the name", m);
        }
    }

    #[test]
    fn any_text_shows_little(v in ".{0,64}") {
        holds(&v)?;
    }
}

#[test]
fn examples_from_the_review_are_masked() {
    // issue 18: these showed whole, one digit hidden, or the whole name.
    assert_eq!(mask("6234567"), "***");
    assert_eq!(mask("62345678"), "******78");
    assert_eq!(mask("张三 13812345678"), "***********678");
    assert_eq!(mask("张三"), "***");
}
