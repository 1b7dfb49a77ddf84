//! Applies waivers (language.md section 6) and reports the ones that are
//! expired, unused or name no rule.

use std::sync::Arc;

use crate::check::Checked;
use crate::report::model::{DataLoc, Outcome, Violation, WaiverInfo};

use super::builtin::{BuiltinCheck, WAIVER_EXPIRED, WAIVER_UNKNOWN_RULE, WAIVER_UNUSED};
use super::explain::policy_loc;
use jiff::civil::Date;

pub fn apply(as_of: Date, checked: &Checked, violations: &mut [Violation]) -> Vec<Violation> {
    let mut findings = Vec::new();
    for w in &checked.waivers {
        let loc = policy_loc(checked, w.span);
        let mut finding = |check: &BuiltinCheck, message: String| {
            findings.push(Violation {
                rule: check.id.into(),
                kind: "waiver",
                severity: check.severity,
                outcome: Outcome::Violated,
                title: Some(check.title.into()),
                message,
                cite: Arc::new([]),
                help: None,
                subject_id: w.subject.node.clone(),
                subject: DataLoc {
                    collection: "waiver".into(),
                    id: Some(w.subject.node.clone()),
                    file: None,
                    line: None,
                    offset: None,
                    pii: false,
                    key: w.subject.node.clone(),
                },
                evidence: vec![],
                policy: Some(loc.clone()),
                clause: Some(
                    checked
                        .sources
                        .snippet(w.span)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .into(),
                ),
                values: vec![],
                waiver: None,
                fingerprint: String::new(),
                baseline: None,
            })
        };
        let rule = &w.rule.node;
        if checked.rule(rule).is_none() {
            let hint = crate::check::suggest::did_you_mean(
                rule,
                checked.rules.iter().map(|r| r.name.as_str()),
            )
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
            finding(
                &WAIVER_UNKNOWN_RULE,
                format!("the waiver names rule `{rule}`, which does not exist{hint}"),
            );
            continue;
        }
        if w.until.node < as_of {
            finding(
                &WAIVER_EXPIRED,
                format!(
                    "the waiver of `{rule}` for `{}` expired on {}",
                    w.subject.node, w.until.node
                ),
            );
            continue;
        }
        let info = WaiverInfo {
            until: w.until.node.to_string(),
            because: w.because.node.clone(),
            by: w.by.as_ref().map(|b| b.node.clone()),
            policy: loc.clone(),
        };
        let mut used = false;
        for v in violations
            .iter_mut()
            .filter(|v| *v.rule == **rule && v.subject_id == w.subject.node && v.waiver.is_none())
        {
            v.waiver = Some(Box::new(info.clone()));
            used = true;
        }
        if !used {
            finding(
                &WAIVER_UNUSED,
                format!(
                    "the waiver of `{rule}` for `{}` matched no violation",
                    w.subject.node
                ),
            );
        }
    }
    findings
}
