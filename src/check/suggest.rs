//! "Did you mean": the one fuzzy-match helper every error uses.

/// The closest candidate to `name`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            (
                strsim::damerau_levenshtein(&name.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
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
}
