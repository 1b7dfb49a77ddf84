//! One file per output format, each reading the same [`Report`](super::model::Report).

pub mod audit;
pub mod codequality;
pub mod common;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod paths;
pub mod sarif;
pub mod source;
