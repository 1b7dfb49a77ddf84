//! `--baseline FILE`: compares this run's violations with the JSON report of
//! an earlier run by fingerprint. A violation whose fingerprint the baseline
//! holds is `baseline` (unchanged); any other is `new`; baseline violations
//! this run no longer finds are reported as fixed. Matching counts: a
//! fingerprint that occurs twice in the baseline absorbs two violations, so a
//! third one with the same identity is still new. The outcome counts too:
//! "cannot tell" that became "violated" is a new finding (the old one is
//! fixed), or a gate on new violations would let the confirmed breach pass.
//! So does a severity raised since (a `warning` that is now an `error`): the
//! baseline absorbs a finding only at the severity it recorded or lower, or
//! an error that no run ever gated on would pass `--fail-on error` (review
//! bug 3). A baseline entry without a severity recorded counts as `info`.
//! A finding waived when the baseline was taken was not gated either: it
//! absorbs only a finding that is waived now.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::model::{Baseline, BaselineState, FixedViolation, Report};
use crate::syntax::ast::Severity;

/// An earlier JSON report: its violations and the company it was about.
pub struct Earlier {
    pub violations: Vec<FixedViolation>,
    /// Its `company` object's `name` and `credit_code`, if it had one.
    pub company: Option<Company>,
}

#[derive(Debug, PartialEq, Default)]
pub struct Company {
    pub name: Option<String>,
    pub credit_code: Option<String>,
    /// The facts of the two above shown masked (declared `pii`): they
    /// cannot tell companies apart (`张三的公司` and `李四的公司` are both
    /// `***`; hostile review, 2026-12-07).
    pub masked: Vec<String>,
}

/// Whether two reports are about one company.
#[derive(Debug, PartialEq)]
enum Sameness {
    Same,
    Other,
    /// The facts that could tell are masked in one report or both.
    Masked(Vec<String>),
}

impl Company {
    /// The `company` object of a JSON report; `None` when it names no
    /// company (neither a name nor a credit code): an object `{}`, or one
    /// holding other facts, was taken as this company's, and another
    /// company's report absorbed every matching finding (hostile review).
    fn of(doc: &Value) -> Option<Company> {
        let fact = |k: &str| {
            doc[k]
                .as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let masked = doc["company_masked"].as_array().into_iter().flatten();
        Company {
            name: fact("name"),
            credit_code: fact("credit_code"),
            masked: masked
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect(),
        }
        .named()
    }

    /// Itself when it names the company, by name or credit code.
    fn named(self) -> Option<Company> {
        (self.name.is_some() || self.credit_code.is_some()).then_some(self)
    }

    /// The company of this run's report.
    pub fn of_report(report: &Report) -> Option<Company> {
        let fact = |k: &str| {
            report
                .company
                .iter()
                .find(|(name, _)| name == k)
                .and_then(|(_, v)| v.as_str().map(str::trim))
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Company {
            name: fact("name"),
            credit_code: fact("credit_code"),
            masked: report.company_personal.clone(),
        }
        .named()
    }

    /// `name（credit code）`, or whichever the report gave.
    pub fn shown(&self) -> String {
        match (&self.name, &self.credit_code) {
            (Some(n), Some(c)) => format!("{n} ({c})"),
            (Some(n), None) => n.clone(),
            (None, Some(c)) => c.clone(),
            (None, None) => "?".into(),
        }
    }

    /// Whether two reports are about one company: the credit code decides
    /// when both give it, else the name. One naming the company by its
    /// name alone and the other by its code alone cannot be shown to be
    /// one company: not the same (it was, whatever the two said).
    /// A fact masked in either report is passed over for one that is not;
    /// when only masked ones are left, nothing can tell.
    fn same(&self, other: &Company) -> Sameness {
        let masked = |k: &str| self.masked.iter().chain(&other.masked).any(|m| m == k);
        let facts = [
            ("credit_code", &self.credit_code, &other.credit_code),
            ("name", &self.name, &other.name),
        ];
        let both: Vec<_> = facts
            .iter()
            .filter_map(|(k, a, b)| Some((*k, a.as_ref()?, b.as_ref()?)))
            .collect();
        match both.iter().find(|(k, _, _)| !masked(k)) {
            Some(("credit_code", a, b)) => Sameness::of(a.eq_ignore_ascii_case(b)),
            Some((_, a, b)) => Sameness::of(a == b),
            None if both.is_empty() => Sameness::Other,
            None => Sameness::Masked(both.iter().map(|(k, _, _)| k.to_string()).collect()),
        }
    }
}

impl Sameness {
    fn of(same: bool) -> Sameness {
        match same {
            true => Sameness::Same,
            false => Sameness::Other,
        }
    }
}

/// Why the baseline cannot be compared with this run: it is another
/// company's report, or only one of the two names a company. A
/// fingerprint holds a rule and a subject id, which two companies' cases
/// share easily (`R-1`), so another company's report absorbed this one's
/// violations and a gate on new ones passed (hostile review, 2026-12-05).
pub fn other_company(report: &Report, earlier: &Earlier) -> Option<crate::i18n::Msg> {
    compare(
        Company::of_report(report).as_ref(),
        earlier.company.as_ref(),
    )
}

/// Whether this run's report names no company: with a baseline naming
/// none either, nothing ties the two to one case (hostile review h23c:
/// another case's report absorbed this one's findings and the run exited
/// 0), which the run then notes.
pub fn names_no_company(report: &Report) -> bool {
    Company::of_report(report).is_none()
}

fn compare(ours: Option<&Company>, theirs: Option<&Company>) -> Option<crate::i18n::Msg> {
    match (ours, theirs) {
        (None, None) => None,
        (Some(ours), None) => Some(crate::msg!("baseline-no-company", ours = ours.shown())),
        (None, Some(theirs)) => Some(crate::msg!(
            "baseline-case-names-no-company",
            theirs = theirs.shown()
        )),
        (Some(ours), Some(theirs)) => match theirs.same(ours) {
            Sameness::Same => None,
            Sameness::Other => Some(crate::msg!(
                "baseline-other-company",
                theirs = theirs.shown(),
                ours = ours.shown()
            )),
            Sameness::Masked(facts) => Some(crate::msg!(
                "baseline-company-masked",
                facts = facts
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        },
    }
}

/// Reads the violations of an earlier JSON report.
pub fn load(path: &Path) -> Result<Earlier, String> {
    let shown = path.display().to_string();
    // `error: PATH: problem`, in the run's message language.
    let error = |place: String, problem: crate::i18n::Msg| {
        crate::msg!("app-input-error", place = place, message = problem).words() + "\n"
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        error(
            shown.clone(),
            crate::msg!("baseline-unreadable", error = &e),
        )
    })?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| {
        let place = format!("{shown}:{}:{}", e.line(), e.column());
        error(
            place,
            crate::msg!("baseline-not-json", error = e.to_string()),
        )
    })?;
    if doc["format_version"] != 1 {
        return Err(error(shown, crate::msg!("baseline-not-a-report")));
    }
    let Some(violations) = doc["violations"].as_array() else {
        return Err(error(shown, crate::msg!("baseline-no-violations")));
    };
    let violations = violations
        .iter()
        .enumerate()
        .map(|(i, v)| {
            entry(v).ok_or_else(|| {
                error(
                    shown.clone(),
                    crate::msg!("baseline-no-fingerprint", number = i + 1),
                )
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(Earlier {
        violations,
        company: Company::of(&doc["company"]),
    })
}

fn entry(v: &Value) -> Option<FixedViolation> {
    let text = |x: &Value| x.as_str().unwrap_or_default().to_string();
    Some(FixedViolation {
        fingerprint: v["fingerprint"].as_str()?.to_string(),
        rule: text(&v["rule"]),
        subject_id: text(&v["subject"]["id"]),
        message: text(&v["message"]),
        outcome: text(&v["outcome"]),
        severity: match v["severity"].as_str() {
            Some("error") => Some(Severity::Error),
            Some("warning") => Some(Severity::Warning),
            Some("info") => Some(Severity::Info),
            _ => None,
        },
        waived: !v["waiver"].is_null(),
    })
}

/// Marks every violation `new` or `baseline` and records the fixed ones.
pub fn apply(report: &mut Report, file: String, earlier: Vec<FixedViolation>) {
    let mut pending: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in earlier.iter().enumerate().rev() {
        pending.entry(e.fingerprint.as_str()).or_default().push(i);
    }
    let mut matched = vec![false; earlier.len()];
    for v in &mut report.violations {
        let outcome = v.outcome().as_str();
        let waived = v.waiver.is_some();
        let absorbs = |e: &FixedViolation| {
            (e.outcome == outcome || e.outcome.is_empty())
                && v.severity <= e.severity.unwrap_or(Severity::Info)
                && (!e.waived || waived)
        };
        let hit = pending
            .get_mut(v.fingerprint().to_hex().as_str())
            .and_then(|slots| {
                let at = slots.iter().rposition(|i| absorbs(&earlier[*i]))?;
                Some(slots.remove(at))
            });
        v.set_baseline(Some(match hit {
            Some(i) => {
                matched[i] = true;
                BaselineState::Unchanged
            }
            None => BaselineState::New,
        }));
    }
    let fixed = earlier
        .into_iter()
        .zip(matched)
        .filter(|(_, m)| !m)
        .map(|(e, _)| e)
        .collect();
    report.baseline = Some(Baseline { file, fixed });
}

#[cfg(test)]
mod tests {
    use super::Company;

    fn company(name: Option<&str>, code: Option<&str>) -> Company {
        Company {
            name: name.map(str::to_string),
            credit_code: code.map(str::to_string),
            masked: vec![],
        }
    }

    /// Each refusal names what it compares, and only two reports of one
    /// company, or of none, are compared.
    #[test]
    fn only_reports_of_one_company_are_compared() {
        use super::compare;
        use crate::i18n::Lang;
        let a = company(Some("甲公司"), Some("91310115MA1K4C2Y3C"));
        let b = company(Some("乙公司"), Some("91110000YYYYYYYYYY"));
        assert!(compare(None, None).is_none());
        assert!(compare(Some(&a), Some(&a)).is_none());
        let text = |m: Option<crate::i18n::Msg>| m.expect("refused").text(Lang::En);
        let t = text(compare(Some(&a), None));
        assert!(
            t.contains("names no company") && t.contains("甲公司 (91310115MA1K4C2Y3C)"),
            "{t}"
        );
        let t = text(compare(None, Some(&b)));
        assert!(
            t.contains("乙公司 (91110000YYYYYYYYYY)") && t.contains("this case names none"),
            "{t}"
        );
        let t = text(compare(Some(&a), Some(&b)));
        assert!(
            t.contains("another company, 乙公司") && t.contains("this case is 甲公司"),
            "{t}"
        );
    }

    #[test]
    fn the_credit_code_decides_else_the_name() {
        use super::Sameness::{Other, Same};
        let a = company(Some("甲公司"), Some("91310115MA1K4C2Y3C"));
        let same = |a: &Company, b: &Company| a.same(b);
        assert_eq!(
            same(
                &a,
                &company(Some("甲公司（上海）"), Some("91310115ma1k4c2y3c"))
            ),
            Same
        );
        let other_code = company(Some("甲公司"), Some("91110000YYYYYYYYYY"));
        assert_eq!(same(&a, &other_code), Other);
        let jia = company(Some("甲公司"), None);
        assert_eq!(same(&jia, &company(Some("甲公司"), None)), Same);
        assert_eq!(same(&jia, &company(Some("乙公司"), None)), Other);
        assert_eq!(same(&jia, &company(Some("乙公司"), Some("9131"))), Other);
        // Nothing in common to compare: not shown to be one company.
        assert_eq!(same(&jia, &company(None, Some("9131"))), Other);
    }

    /// A name declared `pii` is masked in both reports (`***`): it cannot
    /// tell two companies apart, so an unmasked credit code decides, and
    /// without one nothing can (hostile review, 2026-12-07: another
    /// company's report absorbed all 15 findings and the run exited 0).
    #[test]
    fn masked_facts_tell_no_company_apart() {
        use super::Sameness::{Masked, Other, Same};
        let masked = |name: &str, code: Option<&str>| Company {
            masked: vec!["name".into()],
            ..company(Some(name), code)
        };
        assert_eq!(
            masked("***", None).same(&masked("***", None)),
            Masked(vec!["name".into()])
        );
        assert_eq!(
            masked("***", None).same(&company(Some("***"), None)),
            Masked(vec!["name".into()])
        );
        assert_eq!(
            masked("***", Some("9131")).same(&masked("***", Some("9131"))),
            Same
        );
        assert_eq!(
            masked("***", Some("9131")).same(&masked("***", Some("9132"))),
            Other
        );
        let text = super::compare(Some(&masked("***", None)), Some(&masked("***", None)))
            .expect("refused")
            .text(crate::i18n::Lang::En);
        assert!(text.contains("`name`"), "{text}");
    }

    /// A `company` object with neither a name nor a credit code names no
    /// company: a baseline holding `{}` (or only other facts) was taken as
    /// this company's and absorbed its findings (hostile review).
    #[test]
    fn a_company_object_naming_no_company_is_no_company() {
        use serde_json::json;
        assert_eq!(Company::of(&json!({})), None);
        assert_eq!(Company::of(&json!({"legal_rep": "x"})), None);
        assert_eq!(Company::of(&json!({"name": " ", "credit_code": ""})), None);
        assert_eq!(Company::of(&json!(null)), None);
        assert_eq!(
            Company::of(&json!({"name": "甲公司"})),
            Some(company(Some("甲公司"), None))
        );
        let ours = company(Some("甲公司"), Some("91310115MA1K4C2Y3C"));
        assert!(super::compare(Some(&ours), Company::of(&json!({})).as_ref()).is_some());
    }
}
