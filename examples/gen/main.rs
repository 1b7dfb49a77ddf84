//! Generates a synthetic case directory for benchmarks and scale tests:
//!
//! ```sh
//! cargo run --release --example gen -- --records 100000 --events-per-record 10 --seed 1 --out /tmp/case
//! custodia check /tmp/case --format json
//! ```
//!
//! The same arguments always give the same bytes. `planted.json` in the case
//! lists, per rule, how many subjects were made to violate it.

mod case;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Generate a seeded synthetic custodia case directory")]
struct Args {
    /// Number of records in the inventory.
    #[arg(long, default_value_t = 10_000)]
    records: u64,
    /// Events per record, summed over every log (access, destruction,
    /// handover, notification).
    #[arg(long, default_value_t = 10)]
    events_per_record: u32,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Share of subjects made to violate each rule (0..1).
    #[arg(long, default_value_t = 0.01)]
    violation_rate: f64,
    /// The shape of real logs: unique event ids (`ACC-000000001`, ...) and
    /// free text (purposes with reference numbers, remarks, IP addresses).
    #[arg(long)]
    real_logs: bool,
    /// The case directory to write (created; existing files are replaced).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(0.0..=1.0).contains(&args.violation_rate) {
        eprintln!("error: --violation-rate must be between 0 and 1");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let opts = case::Options {
        records: args.records,
        events_per_record: args.events_per_record,
        seed: args.seed,
        violation_rate: args.violation_rate,
        real_logs: args.real_logs,
    };
    match case::generate(&opts, &args.out) {
        Ok(summary) => {
            eprintln!(
                "wrote {} records and {} events to {} in {:.1} s ({} bytes of data)",
                summary.records,
                summary.events,
                args.out.display(),
                started.elapsed().as_secs_f64(),
                summary.bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
