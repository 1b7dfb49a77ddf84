//! The values of mapped sources as the company wrote them (docs/mapping.md,
//! "Provenance"): read back once per source for the cells the violations
//! show, when the report is built, never kept while the data loads.

use std::collections::BTreeMap;

use crate::data::InputFile;

use super::model::{Originals, Violation};

/// The original text of every cell a violation's value came from, read
/// back source by source (each source once).
pub fn read_back(inputs: &[InputFile], violations: &[Violation]) -> Originals {
    // Per source, (line, column) -> whether a value read from it was masked.
    let mut wanted: BTreeMap<u32, BTreeMap<(u32, u32), bool>> = BTreeMap::new();
    for s in violations.iter().flat_map(|v| v.sources.iter()) {
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
        let found = crate::data::provenance::original_cells(&input.abs, columns, &cells);
        out.extend(
            found
                .into_iter()
                .map(|((line, column), text)| ((file, line, column), text)),
        );
    }
    out
}
