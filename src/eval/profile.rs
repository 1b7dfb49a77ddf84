//! `--profile`: where a check spends its time, per phase, per rule and per
//! index, with the counts that explain it (subjects, matches, violations;
//! keys and rows). Rule and index times are summed over worker threads, so
//! they add up to CPU time, not wall time; rule times are estimated from a
//! sample of the subjects (`eval/rules.rs: TIMING_STRIDE`).

use std::fmt::Write;
use std::time::Duration;

#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub threads: usize,
    /// Phases in run order, wall time.
    pub phases: Vec<(&'static str, Duration)>,
    pub rules: Vec<RuleProfile>,
    pub indexes: Vec<IndexProfile>,
}

#[derive(Clone, Debug)]
pub struct RuleProfile {
    pub name: String,
    pub time: Duration,
    pub subjects: u64,
    /// Objects found by the rule's `match` and `forbid` joins.
    pub matches: u64,
    pub violations: u64,
}

#[derive(Clone, Debug)]
pub struct IndexProfile {
    /// `collection.field`, with what the index is for.
    pub name: String,
    pub time: Duration,
    pub keys: u64,
    pub rows: u64,
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

impl Profile {
    /// The text printed on stderr after the report.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let total: Duration = self.phases.iter().map(|(_, d)| *d).sum();
        let _ = writeln!(
            out,
            "profile: {} on {} thread{} (rule and index times are summed over threads; rule times are estimated from one subject in 64)",
            secs(total),
            self.threads,
            if self.threads == 1 { "" } else { "s" }
        );
        let _ = writeln!(out, "\n  {:<28} {:>10}", "phase", "wall");
        for (name, d) in &self.phases {
            let _ = writeln!(out, "  {:<28} {:>10}", name, secs(*d));
        }
        let width = self
            .rules
            .iter()
            .map(|r| r.name.len())
            .max()
            .unwrap_or(4)
            .max(4);
        let _ = writeln!(
            out,
            "\n  {:<width$} {:>10} {:>10} {:>10} {:>10}",
            "rule", "time", "subjects", "matches", "violations"
        );
        // In policy-set order, so two runs line up; the times show the slow one.
        for r in &self.rules {
            let _ = writeln!(
                out,
                "  {:<width$} {:>10} {:>10} {:>10} {:>10}",
                r.name,
                secs(r.time),
                r.subjects,
                r.matches,
                r.violations
            );
        }
        let width = self
            .indexes
            .iter()
            .map(|i| i.name.len())
            .max()
            .unwrap_or(5)
            .max(5);
        let _ = writeln!(
            out,
            "\n  {:<width$} {:>10} {:>10} {:>10}",
            "index", "time", "keys", "rows"
        );
        for i in &self.indexes {
            let _ = writeln!(
                out,
                "  {:<width$} {:>10} {:>10} {:>10}",
                i.name,
                secs(i.time),
                i.keys,
                i.rows
            );
        }
        out
    }
}
