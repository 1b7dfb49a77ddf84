//! The trace behind `custodia explain` and test coverage follows its own walk
//! of a rule (src/eval/trace.rs); this pins it to the evaluator: on the
//! example case, a subject's trace fails exactly when `check` reports a
//! violation of that rule for it.

use std::collections::BTreeSet;
use std::path::Path;

use custodia::cli::explain::fails;
use custodia::data::{self, case};
use custodia::eval::expr::Ctx;
use custodia::eval::{index, trace};

#[test]
fn traces_fail_exactly_where_check_reports_violations() {
    let compared = compare(
        "examples/acme-deregistration",
        jiff::civil::date(2026, 11, 27),
    );
    assert!(
        compared >= 10,
        "the example has violations to compare ({compared})"
    );
}

/// The boundary case has `forbid`s whose condition or join key is unknown
/// (review R16): explain says "cannot tell" and fails where check reports
/// `insufficient_evidence`.
#[test]
fn traces_of_forbids_with_unknown_conditions_fail_as_check_reports() {
    let compared = compare(
        "tests/cases/spark-boundaries",
        jiff::civil::date(2026, 3, 1),
    );
    assert!(compared >= 10, "violations to compare ({compared})");
}

/// Compares trace and check for every rule of the case; how many
/// violated subjects were compared.
fn compare(case: &str, as_of: jiff::civil::Date) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(case);
    let inputs = case::discover(&root, &case::Overrides::default()).expect("the example case");
    let (sources, _) = custodia::cli::app::load_policies(&inputs).expect("its policies");
    let checked = custodia::check::check_sources(sources).expect("they check");
    let tz = jiff::tz::TimeZone::get("Asia/Shanghai").expect("a time zone");
    let ds = data::load(
        &inputs,
        &checked.schema,
        &data::LoadOptions {
            tz: &tz,
            strict: false,
        },
    );
    let evaluation = custodia::eval::evaluate(&checked, &ds, &tz, as_of);
    let rule_summaries = evaluation.rules;
    let violations = evaluation
        .violations
        .read_back(&checked, &ds.files)
        .expect("the violations read back");
    let indexes = index::build_for(&checked, &ds);
    let ctx = Ctx {
        schema: &checked.schema,
        ds: &ds,
        indexes: &indexes,
        tz: &tz,
        as_of,
    };
    let mut compared = 0;
    for rule in &checked.rules {
        let reported: BTreeSet<String> = violations
            .iter()
            .filter(|v| *v.rule == *rule.name)
            .map(|v| v.subject_id().to_string())
            .collect();
        let traces = trace::trace_rule(&ctx, &checked, rule, None);
        let summary = rule_summaries
            .iter()
            .find(|r| r.name == rule.name)
            .expect("a summary per rule");
        let subjects = traces.iter().filter(|t| t.is_subject()).count() as u64;
        assert_eq!(subjects, summary.subjects, "subjects of {}", rule.name);
        let traced: BTreeSet<String> = traces
            .iter()
            .filter(|t| fails(rule, t))
            .map(|t| ctx.object_id(rule.subject, t.row))
            .collect();
        assert_eq!(traced, reported, "rule {}", rule.name);
        compared += reported.len();
    }
    compared
}
