//! "Did you mean": the one fuzzy-match helper every error uses.

/// The closest candidate to `name`, if it is close enough to be a likely typo.
///
/// Distances count characters, not bytes (`题明` is one edit from `题名`),
/// and a candidate that shares no character with `name` is never offered:
/// between two-character Chinese names every pair is two edits apart, which
/// is within the limit but says nothing.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = name.chars().count();
    let limit = (len / 3).max(1) + 1;
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            (
                strsim::damerau_levenshtein(&name.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= limit && *d < len.max(c.chars().count()))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("sensitve", ["general", "sensitive", "important"]),
            Some("sensitive")
        );
        assert_eq!(
            did_you_mean("witnesess", ["witnesses", "method"]),
            Some("witnesses")
        );
        assert_eq!(did_you_mean("xyz", ["witnesses", "method"]), None);
    }

    #[test]
    fn chinese_names_are_compared_by_character() {
        let fields = ["题名", "密级", "形成日期", "保管期限", "状态"];
        assert_eq!(did_you_mean("题明", fields), Some("题名"));
        assert_eq!(did_you_mean("保管期间", fields), Some("保管期限"));
        // Two characters, both different: two edits, but no likeness.
        assert_eq!(did_you_mean("地址", fields), None);
    }
}
