//! A `.parquet` input into the dataset: read by `parquet` (cargo feature
//! `parquet`) and loaded through the same row path as a JSONL file, or,
//! when custodia.yaml maps it, through the mapping (`mapping::rows`). Built
//! without the feature, a Parquet input is an input error, never skipped.

use std::path::Path;

use super::loader::{Loader, Target};
use super::InputError;

/// Whether `path` is read as Parquet.
pub(super) fn is_parquet(path: &Path) -> bool {
    super::loader::extension(path) == "parquet"
}

impl Loader<'_> {
    /// Loads a Parquet file; whether part of it could not be read.
    pub(super) fn parquet(
        &mut self,
        path: &Path,
        role: &'static str,
        target: Target,
        rel: &str,
    ) -> bool {
        // Mapped, its rows go through the mapping as a CSV file's do.
        if let Some(entries) = self.mappings.mapping(path) {
            return self.mapped(path, role, rel, entries);
        }
        self.parquet_rows(path, role, target, rel)
    }

    #[cfg(feature = "parquet")]
    fn parquet_rows(&mut self, path: &Path, role: &'static str, target: Target, rel: &str) -> bool {
        // The reader decodes an untrusted binary format: should it panic on
        // a crafted file, that file is an input error, not the end of the run.
        let read = std::panic::catch_unwind(|| super::parquet::read(path))
            .unwrap_or_else(|_| Err(crate::msg!("parquet-reader-failed").words()));
        let (rows, errors) = match read {
            Ok(r) => r,
            Err(message) => {
                self.ds.errors.push(InputError::file(rel, &message));
                return true;
            }
        };
        let file_idx = self.push_file(rel, path, role);
        if let Ok(bytes) = std::fs::read(path) {
            self.ds.files[file_idx as usize].sha256 = super::loader::sha256_hex(&bytes);
        }
        let first_error = self.ds.errors.len();
        self.read_errors(rel, errors);
        let stem = self.stem_for(path, &target);
        let ctx = super::rows::FileCtx::new(
            self.schema,
            self.opts.tz,
            &self.check,
            file_idx,
            rel,
            role == "company",
        );
        let loaded = self.rows(&ctx, &target, vec![(stem, rows)]);
        self.finish(rel, file_idx, first_error, ctx.is_company, loaded)
    }

    #[cfg(not(feature = "parquet"))]
    fn parquet_rows(&mut self, _: &Path, _: &'static str, _: Target, rel: &str) -> bool {
        self.ds.errors.push(InputError::file(
            rel,
            &crate::msg!("parquet-not-built").words(),
        ));
        true
    }
}
