//! The commands, one module each; `src/main.rs` holds only clap and exit
//! codes. [`app`] is `check` and what every command shares (options,
//! [`app::Outcome`], loading a case's policies, exit status).

pub mod app;
pub mod clap_tips;
pub mod compile;
pub mod dated_facts;
pub mod explain;
pub mod fmt;
pub mod init;
pub mod manual;
pub mod schema;
pub mod usage;
