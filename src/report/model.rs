//! The one neutral report model. Every renderer (human, JSON, and later
//! SARIF, JUnit, Markdown) reads this; none re-evaluates anything.

use crate::data::{InputError, InputFile, Note};
use crate::syntax::ast::Severity;
use crate::syntax::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Violated,
    InsufficientEvidence,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Violated => "violated",
            Outcome::InsufficientEvidence => "insufficient_evidence",
        }
    }
}

/// A place in the data: an object of a collection and the row it came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DataLoc {
    pub collection: String,
    pub id: Option<String>,
    /// Index into `Report::inputs`.
    pub file: Option<u32>,
    pub line: Option<u32>,
    pub offset: Option<u64>,
    /// The row holds `pii` fields, so its text is never shown.
    pub pii: bool,
}

/// A place in a policy file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyLoc {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaiverInfo {
    pub until: String,
    pub because: String,
    pub by: Option<String>,
    pub policy: PolicyLoc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub rule: String,
    /// `retention` .. `rule`, or `integrity` / `waiver` for built-in checks.
    pub kind: String,
    pub severity: Severity,
    pub outcome: Outcome,
    pub title: Option<String>,
    pub message: String,
    pub cite: Vec<String>,
    pub help: Option<String>,
    /// The subject's id as the report names it (`FILE:LINE` for events without id).
    pub subject_id: String,
    pub subject: DataLoc,
    pub evidence: Vec<DataLoc>,
    pub policy: Option<PolicyLoc>,
    /// The source text of the failing clause.
    pub clause: Option<String>,
    /// Each path and call of the failing clause with its value (PII masked).
    pub values: Vec<(String, serde_json::Value)>,
    pub waiver: Option<WaiverInfo>,
}

/// Metadata and counts for every rule and built-in check in the set.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSummary {
    pub name: String,
    pub kind: String,
    pub severity: Severity,
    pub title: Option<String>,
    pub cite: Vec<String>,
    pub help: Option<String>,
    pub policy: Option<PolicyLoc>,
    pub subjects: u64,
    pub violated_subjects: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub error: u64,
    pub warning: u64,
    pub info: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub rules: u64,
    pub records: u64,
    pub events: u64,
    pub violations: Counts,
    pub waived: u64,
    pub input_errors: u64,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub tool_version: &'static str,
    pub as_of: String,
    pub time_zone: String,
    pub complete: bool,
    pub inputs: Vec<InputFile>,
    pub summary: Summary,
    pub rules: Vec<RuleSummary>,
    /// Ordered by rule id, subject id, evidence location.
    pub violations: Vec<Violation>,
    pub input_errors: Vec<InputError>,
    pub notes: Vec<Note>,
}

impl Report {
    /// Everything but the violations (which may be millions).
    pub fn clone_without_violations(&self) -> Report {
        Report {
            tool_version: self.tool_version,
            as_of: self.as_of.clone(),
            time_zone: self.time_zone.clone(),
            complete: self.complete,
            inputs: self.inputs.clone(),
            summary: self.summary.clone(),
            rules: self.rules.clone(),
            violations: Vec::new(),
            input_errors: self.input_errors.clone(),
            notes: self.notes.clone(),
        }
    }

    pub fn input_path(&self, file: Option<u32>) -> Option<&str> {
        file.map(|f| self.inputs[f as usize].path.as_str())
    }

    /// Violations that count for `--fail-on` (waived ones do not).
    pub fn max_unwaived_severity(&self) -> Option<Severity> {
        self.violations
            .iter()
            .filter(|v| v.waiver.is_none())
            .map(|v| v.severity)
            .max()
    }
}
