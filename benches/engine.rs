//! Criterion micro-benchmarks: the parser and checker on a large policy set,
//! and the evaluator's hot paths (indexes, joins, ref navigation) on a
//! generated case. Whole-process numbers are bench/run.sh's job.
//!
//! cargo bench --bench engine

#[path = "../examples/gen/case.rs"]
mod case;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use custodia::check::{self, Checked};
use custodia::data::{self, case as discovery, Dataset};
use custodia::syntax::span::SourceMap;
use jiff::tz::TimeZone;

/// The generated schema and `copies` copies of its nine rules, renamed.
fn large_policy_set(copies: usize) -> SourceMap {
    let mut sources = SourceMap::default();
    sources.add("schema.policy", case::SCHEMA_POLICY);
    for i in 0..copies {
        let renamed = rename_rules(case::RULES_POLICY, i);
        sources.add(format!("rules-{i:03}.policy"), renamed);
    }
    sources
}

fn rename_rules(text: &str, i: usize) -> String {
    let kinds = [
        "access ",
        "destruction ",
        "notification ",
        "retention ",
        "rule ",
    ];
    text.lines()
        .map(|line| {
            match kinds
                .iter()
                .find(|k| line.starts_with(*k) && line.ends_with('{'))
            {
                Some(_) => line.replacen(" {", &format!("_{i} {{"), 1),
                None => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_and_check(c: &mut Criterion) {
    let sources = large_policy_set(100);
    let rules = check::check_sources(sources.clone())
        .map(|c| c.rules.len())
        .unwrap_or(0);
    assert_eq!(rules, 900, "the large policy set checks");
    c.bench_function("parse and check 900 rules", |b| {
        b.iter(|| check::check_sources(black_box(sources.clone())).is_ok())
    });
}

struct Loaded {
    checked: Checked,
    ds: Dataset,
    tz: TimeZone,
}

fn load_generated(records: u64) -> Loaded {
    let dir = tempfile::tempdir().expect("tempdir");
    let opts = case::Options {
        records,
        events_per_record: 10,
        seed: 1,
        violation_rate: 0.01,
        real_logs: false,
    };
    case::generate(&opts, dir.path()).expect("generate");
    let inputs = discovery::discover(dir.path(), &Default::default()).expect("discover");
    let (sources, _) = custodia::app::load_policies(&inputs).expect("policies");
    let checked =
        check::check_sources(sources).unwrap_or_else(|_| panic!("generated policies check"));
    let tz = TimeZone::get("Asia/Shanghai").expect("bundled tzdb");
    let ds = data::load(
        &inputs,
        &checked.schema,
        &data::LoadOptions {
            tz: &tz,
            strict: false,
        },
    );
    assert!(ds.errors.is_empty());
    Loaded { checked, ds, tz }
}

fn evaluator(c: &mut Criterion) {
    let l = load_generated(20_000);
    let as_of = case::AS_OF;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let mut g = c.benchmark_group("evaluator, 20k records x 10 events, 1 thread");
    g.sample_size(20);
    g.bench_function("indexes", |b| {
        b.iter(|| pool.install(|| custodia::eval::index::build_for(&l.checked, &l.ds)))
    });
    g.bench_function("every rule and built-in check", |b| {
        b.iter(|| {
            pool.install(|| {
                custodia::eval::evaluate(&l.checked, &l.ds, &l.tz, as_of)
                    .violations
                    .len()
            })
        })
    });
    g.finish();
}

criterion_group!(benches, parse_and_check, evaluator);
criterion_main!(benches);
