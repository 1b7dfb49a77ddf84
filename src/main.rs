//! Command line: flags in, exit status out. The work is in `custodia::app`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use custodia::app::{self, CheckOptions, FailOn, Format};
use custodia::data::case::Overrides;

#[derive(Parser)]
#[command(
    name = "custodia",
    version,
    about = "Policy-as-code checks for customer records at company deregistration"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a case directory against its policy set.
    Check(Box<CheckArgs>),
    /// Parse and type-check a policy set without data.
    Validate {
        /// Policy files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The case directory.
    #[arg(default_value = ".")]
    case: PathBuf,
    /// A policy file or folder (repeatable); replaces the case's policies/.
    #[arg(long = "policy")]
    policies: Vec<PathBuf>,
    /// A built-in pack (repeatable).
    #[arg(long = "pack")]
    packs: Vec<String>,
    /// The inventory file.
    #[arg(long)]
    inventory: Option<PathBuf>,
    /// An event log file or folder (repeatable).
    #[arg(long)]
    logs: Vec<PathBuf>,
    /// A table as NAME=FILE (repeatable).
    #[arg(long = "table", value_parser = parse_table)]
    tables: Vec<(String, PathBuf)>,
    /// The company facts file.
    #[arg(long)]
    company: Option<PathBuf>,
    /// The evaluation date (YYYY-MM-DD); default today.
    #[arg(long)]
    as_of: Option<String>,
    /// The case time zone (IANA name); default from custodia.yaml, else UTC.
    #[arg(long)]
    tz: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Write the report to FILE instead of standard output.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Undeclared columns are input errors rather than notes.
    #[arg(long)]
    strict: bool,
    /// Worker threads (default: one per available core); the report does not depend on it.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Read and type the inputs, then stop without evaluating any rule (for benchmarks).
    #[arg(long)]
    parse_only: bool,
    /// After the report, print on stderr the time spent per phase, rule and index.
    #[arg(long)]
    profile: bool,
}

fn parse_table(s: &str) -> Result<(String, PathBuf), String> {
    let (name, file) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=FILE, found `{s}`"))?;
    Ok((name.to_string(), PathBuf::from(file)))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut profile = None;
    let (outcome, output) = match cli.command {
        Command::Check(a) => {
            let opts = CheckOptions {
                case: a.case.clone(),
                overrides: Overrides {
                    policies: a.policies,
                    inventory: a.inventory,
                    logs: a.logs,
                    tables: a.tables,
                    company: a.company,
                    packs: a.packs,
                },
                as_of: a.as_of,
                tz: a.tz,
                format: match a.format {
                    FormatArg::Human => Format::Human,
                    FormatArg::Json => Format::Json,
                },
                fail_on: a.fail_on.map(|f| match f {
                    FailOnArg::Error => FailOn::Error,
                    FailOnArg::Warning => FailOn::Warning,
                    FailOnArg::Info => FailOn::Info,
                    FailOnArg::Never => FailOn::Never,
                }),
                strict: a.strict,
                scale: app::ScaleOptions {
                    threads: a.threads.map(usize::from),
                    parse_only: a.parse_only,
                    profile: a.profile,
                    progress: custodia::progress::wanted(
                        std::io::stderr().is_terminal(),
                        matches!(a.format, FormatArg::Human),
                    ),
                },
                color: color && a.output.is_none() && std::io::stdout().is_terminal(),
            };
            let (outcome, timings) = app::run_check_profiled(&opts);
            profile = timings;
            (outcome, a.output)
        }
        Command::Validate { paths } => (app::run_validate(&paths, color), None),
    };
    eprint!("{}", outcome.errors);
    let written = match output {
        Some(path) => std::fs::write(&path, &outcome.output)
            .map_err(|e| format!("error: cannot write {}: {e}", path.display())),
        None => std::io::stdout()
            .write_all(outcome.output.as_bytes())
            .map_err(|e| format!("error: cannot write the report: {e}")),
    };
    if let Err(e) = written {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    if let Some(p) = profile {
        eprint!("\n{p}");
    }
    ExitCode::from(outcome.exit)
}
