//! One file per output format, each reading the same [`Report`](super::model::Report).

pub mod human;
pub mod json;
pub mod source;
