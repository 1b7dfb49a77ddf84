//! custodia: policy-as-code compliance checks for customer records when a
//! company is deregistered.
//!
//! The pipeline, one module per stage:
//! [`syntax`] (text -> AST) -> [`check`] (AST -> typed [`check::Checked`] set)
//! -> [`data`] (files -> typed columns) -> [`eval`] (indexes + rules ->
//! violations) -> [`report`] (one model, many renderers).
//!
//! ```
//! use custodia::syntax::span::SourceMap;
//! let mut sources = SourceMap::default();
//! sources.add("rules.policy", r#"
//!   retention keep_holds {
//!     for record r where r.legal_hold
//!     require r.status != "destroyed" else "{r.id} is on legal hold"
//!   }
//! "#);
//! let checked = custodia::check::check_sources(sources).expect("the policy type-checks");
//! assert_eq!(checked.rules[0].name, "keep_holds");
//! ```

pub mod check;
pub mod chinese;
pub mod cli;
pub mod data;
pub mod eval;
pub mod fmt;
pub mod freed_memory;
pub mod i18n;
pub mod lint;
pub mod output;
pub mod packs;
pub mod pii;
pub mod policy_files;
pub mod progress;
pub mod report;
pub mod sql;
pub mod syntax;
pub mod testing;
pub mod text;
pub mod value;
