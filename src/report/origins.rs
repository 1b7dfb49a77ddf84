//! The values of mapped sources as the company wrote them (docs/mapping.md,
//! "Provenance"): read back once per source for the cells the violations
//! show, when the report is built, never kept while the data loads.

use std::collections::BTreeMap;

use crate::data::InputFile;

use super::model::{Originals, ValueSource, Violation};

/// The original text of every cell a violation's value came from, read
/// back source by source (each source once).
pub fn read_back(inputs: &[InputFile], violations: &[Violation]) -> Originals {
    let sources: Vec<ValueSource> = violations
        .iter()
        .filter(|v| v.has_sources())
        .flat_map(|v| v.finding().sources.into_vec())
        .collect();
    read_back_cells(inputs, sources.iter())
}

/// The original text of the cells `sources` point at (`explain` shows
/// its trace's), each source read once.
pub fn read_back_cells<'a>(
    inputs: &[InputFile],
    sources: impl Iterator<Item = &'a ValueSource>,
) -> Originals {
    // Per source, (line, column) -> whether a value read from it was masked.
    let mut wanted: BTreeMap<u32, BTreeMap<(u32, u32), bool>> = BTreeMap::new();
    for s in sources {
        let masked = wanted
            .entry(s.file)
            .or_default()
            .entry((s.line, s.column))
            .or_default();
        *masked |= s.masked;
    }
    let mut out = Originals::new();
    for (file, cells) in wanted {
        let Some(input) = inputs.get(file as usize) else {
            continue;
        };
        let Some(columns) = &input.columns else {
            continue;
        };
        // A file changed since it was checked would show values that were
        // not the ones checked: then none is shown.
        if !unchanged(input) {
            continue;
        }
        let found = crate::data::provenance::original_cells(&input.abs, columns, &cells);
        out.extend(
            found
                .into_iter()
                .map(|((line, column), text)| ((file, line, column), text)),
        );
    }
    out
}

/// Whether the file still has the digest it was checked with.
fn unchanged(input: &InputFile) -> bool {
    let Ok(bytes) = std::fs::read(&input.abs) else {
        return false;
    };
    crate::data::sha256_hex(&bytes) == input.sha256
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file changed after it was checked is not read back.
    #[test]
    fn a_changed_file_is_not_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.csv");
        std::fs::write(&path, "档案号\nR-1\n").expect("write");
        let actual = {
            use sha2::Digest;
            let d = sha2::Sha256::digest(std::fs::read(&path).expect("read"));
            d.iter().map(|b| format!("{b:02x}")).collect::<String>()
        };
        let input = InputFile {
            abs: path.clone(),
            sha256: actual,
            ..Default::default()
        };
        assert!(unchanged(&input));
        std::fs::write(&path, "档案号\nR-2\n").expect("write");
        assert!(!unchanged(&input));
        std::fs::remove_file(&path).expect("rm");
        assert!(!unchanged(&input));
    }
}
