//! custodia: policy-as-code compliance checks for customer records when a
//! company is deregistered.
pub mod check;
pub mod syntax;
pub mod value;
