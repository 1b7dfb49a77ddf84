//! Command line: flags in, exit status out. The work is in `custodia::cli::app`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use custodia::cli::app::{self, CheckOptions, FailOn, Format};
use custodia::data::case::Overrides;

/// Policy-as-code checks for customer records at company deregistration
#[derive(Parser)]
#[command(name = "custodia", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour: auto (a terminal, unless NO_COLOR is set non-empty; always
    /// when FORCE_COLOR is set non-empty), always or never.
    #[arg(long, value_enum, global = true, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Language of custodia's own words: zh or en. Default: `lang:` in
    /// custodia.yaml, else the locale (LC_ALL, LC_MESSAGES, LANG), else en.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<custodia::i18n::Lang>,
}

fn parse_lang(s: &str) -> Result<custodia::i18n::Lang, String> {
    match custodia::i18n::Lang::parse(s) {
        Some(l) if !s.eq_ignore_ascii_case("c") && !s.eq_ignore_ascii_case("posix") => Ok(l),
        _ => Err(custodia::t!(
            custodia::i18n::message_lang(),
            "cli-expected-lang",
            value = s
        )),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Whether to colour an output that goes to a terminal or not. `NO_COLOR`
/// and `FORCE_COLOR` count only when set to something (no-color.org,
/// force-color.org); `NO_COLOR` wins over `FORCE_COLOR`, the flag over both.
fn use_color(choice: ColorArg, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if set("NO_COLOR") => false,
        ColorArg::Auto => is_terminal || set("FORCE_COLOR"),
    }
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
        /// Exit 1 when there are warnings (for CI).
        #[arg(long)]
        deny_warnings: bool,
        /// The date waivers are measured from (YYYY-MM-DD); default today.
        #[arg(long)]
        as_of: Option<String>,
    },
    /// List the built-in policy packs with their rules and citations.
    Packs,
    /// Run the `test` blocks of a policy set and report clause coverage.
    Test(TestArgs),
    /// Explain step by step how one rule evaluates for one subject.
    Explain(ExplainArgs),
    /// Print the effective schema (standard + extensions) as a table.
    Schema {
        /// Policy files or folders; none: the standard schema alone.
        paths: Vec<PathBuf>,
        /// Print a JSON Schema for the rows of this collection instead.
        #[arg(long, value_name = "COLLECTION")]
        json_schema: Option<String>,
    },
    /// Write a first custodia.yaml mapping a folder of the company's own exports.
    Init {
        /// The case folder.
        dir: PathBuf,
        /// The data files to map (default: every data file of the folder).
        files: Vec<PathBuf>,
        /// Replace an existing custodia.yaml.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man {
        /// A command whose own page to print (custodia-check(1): `custodia man check`).
        command: Option<String>,
    },
    /// Compile a case's policy set to SQL for a distributed engine (docs/spark.md).
    Compile(CompileArgs),
    /// Rewrite policy files in the canonical layout.
    Fmt {
        /// Policy files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Change nothing; print a diff and exit 1 when a file is not formatted.
        #[arg(long)]
        check: bool,
    },
}

#[derive(clap::Args)]
struct CompileArgs {
    /// The case directory.
    #[arg(default_value = ".")]
    case: PathBuf,
    /// The SQL dialect.
    #[arg(long, value_enum)]
    target: TargetArg,
    /// Write the script here instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also stage the case's data here, as the script reads it.
    #[arg(long, value_name = "DIR")]
    stage: Option<PathBuf>,
    /// The evaluation date (YYYY-MM-DD); default from custodia.yaml, else today.
    #[arg(long)]
    as_of: Option<String>,
    /// The case time zone (IANA name); default from custodia.yaml, else UTC.
    #[arg(long)]
    tz: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum TargetArg {
    SparkSql,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EngineArg {
    Native,
    Spark,
}

fn parse_conf(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| expected_form("KEY=VALUE", s))?;
    Ok((k.to_string(), v.to_string()))
}

#[derive(clap::Args)]
struct TestArgs {
    /// Policy files or folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The evaluation date (YYYY-MM-DD) for `as_of`; default today.
    #[arg(long)]
    as_of: Option<String>,
    /// The time zone of the tests (IANA name); default UTC.
    #[arg(long)]
    tz: Option<String>,
    /// Fail (exit 1) when fewer than N% of the clauses are covered.
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    coverage_threshold: Option<f64>,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The rule to explain.
    rule: String,
    /// The id of the subject (optional for a rule `for company`).
    #[arg(long)]
    subject: Option<String>,
    /// The case directory.
    #[arg(default_value = ".")]
    case: PathBuf,
    /// A policy file or folder (repeatable); replaces the case's policies/.
    #[arg(long = "policy")]
    policies: Vec<PathBuf>,
    /// A built-in pack (repeatable).
    #[arg(long = "pack")]
    packs: Vec<String>,
    /// The evaluation date (YYYY-MM-DD); default from custodia.yaml, else today.
    #[arg(long)]
    as_of: Option<String>,
    /// The case time zone (IANA name); default from custodia.yaml, else UTC.
    #[arg(long)]
    tz: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Sarif,
    Junit,
    Github,
    Markdown,
    Html,
    Codequality,
}

impl FormatArg {
    fn format(self) -> Format {
        match self {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Junit => Format::Junit,
            FormatArg::Github => Format::Github,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Codequality => Format::Codequality,
        }
    }
}

/// One `--output`: FORMAT=PATH writes that format to PATH as well; a plain
/// PATH receives the `--format` report instead of standard output.
#[derive(Clone)]
enum OutputArg {
    Extra(Format, PathBuf),
    Main(PathBuf),
}

fn parse_output(s: &str) -> Result<OutputArg, String> {
    if let Some((name, path)) = s.split_once('=') {
        if let Some(f) = Format::parse(name) {
            if path.is_empty() {
                return Err(expected_form(&format!("{name}=PATH"), s));
            }
            return Ok(OutputArg::Extra(f, PathBuf::from(path)));
        }
        // A word before `=` is a format name misspelt, not a file name:
        // `code-quality=gl.json` wrote the human report into a file of
        // that name, and `gl.json` was never written (hostile review
        // h23c, 2026-12-07). A file whose name holds `=` is `./NAME=...`.
        if !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
        {
            return Err(unknown_output_format(name, path));
        }
    }
    Ok(OutputArg::Main(PathBuf::from(s)))
}

/// The refusal of `--output NAME=PATH` whose NAME is no format.
fn unknown_output_format(name: &str, path: &str) -> String {
    let lang = custodia::i18n::message_lang();
    let names = Format::ALL.map(Format::name);
    // `code-quality`, `Code_Quality`: the name without its separators.
    let plain: String = (name.chars())
        .filter(|c| !matches!(c, '-' | '_'))
        .collect::<String>()
        .to_lowercase();
    let near = (names.iter().copied())
        .find(|n| *n == plain)
        .or_else(|| custodia::check::suggest::did_you_mean(name, names.iter().copied()));
    let hint = near
        .map(|n| custodia::t!(lang, "explain-did-you-mean", name = format!("{n}={path}")))
        .unwrap_or_default();
    custodia::t!(
        lang,
        "cli-output-unknown-format",
        name = name,
        formats = names.join(", "),
        hint = hint,
        value = format!("{name}={path}")
    )
}

/// Refuses two reports on standard output: they follow each other there,
/// and a reader of either finds two documents (`--format json --output
/// sarif=/dev/stdout` wrote a JSON report and a SARIF log one after the
/// other; hostile review h23c, 2026-12-07). `main`: the main report's
/// format and whether it goes to standard output.
fn two_on_stdout(main: (Format, bool), outputs: &[(Format, PathBuf)]) -> Option<String> {
    let on_stdout: Vec<&str> = (main.1.then_some(main.0).into_iter())
        .chain(
            (outputs.iter())
                .filter(|(_, p)| custodia::output::names_standard_output(p))
                .map(|(f, _)| *f),
        )
        .map(Format::name)
        .collect();
    (on_stdout.len() > 1).then(|| {
        custodia::t!(
            custodia::i18n::message_lang(),
            "cli-output-stdout-twice",
            formats = on_stdout.join(", ")
        )
    })
}

/// Why a plain `--output PATH` cannot be taken: a second one (the first
/// was dropped without a word), or a name whose extension says another
/// format than `--format` (`--output results.sarif` wrote the human report
/// into it, and the SARIF upload then failed or showed nothing).
fn main_output_refused(earlier: Option<&PathBuf>, path: &Path, format: Format) -> Option<String> {
    let lang = custodia::i18n::message_lang();
    if let Some(first) = earlier {
        return Some(custodia::t!(
            lang,
            "cli-output-twice",
            first = first.display().to_string(),
            second = path.display().to_string()
        ));
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let said: &[Format] = match ext.as_str() {
        "sarif" => &[Format::Sarif],
        "json" => &[Format::Json, Format::Codequality, Format::Sarif],
        "xml" => &[Format::Junit],
        "html" | "htm" => &[Format::Html],
        "md" | "markdown" => &[Format::Markdown],
        _ => return None,
    };
    (!said.contains(&format)).then(|| {
        custodia::t!(
            lang,
            "cli-output-format-mismatch",
            path = path.display().to_string(),
            format = format.name(),
            wanted = said[0].name()
        )
    })
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
    /// The company facts file (company.yaml).
    #[arg(long)]
    company: Option<PathBuf>,
    /// The evaluation date (YYYY-MM-DD); default from custodia.yaml, else today.
    #[arg(long)]
    as_of: Option<String>,
    /// The case time zone (IANA name); default from custodia.yaml, else UTC.
    #[arg(long)]
    tz: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// FORMAT=PATH: also write that report (repeatable; sarif, junit, json,
    /// github, markdown, html, human, codequality). A plain PATH receives the --format
    /// report instead of standard output.
    #[arg(long = "output", value_name = "FORMAT=PATH", value_parser = parse_output)]
    outputs: Vec<OutputArg>,
    /// An earlier JSON report: mark violations new or baseline, list fixed
    /// ones; --fail-on counts only new ones.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Accept rules not checked for want of data or because they compare
    /// with a value a typo away from the data's, objects a rule could not
    /// decide (a value its `where` or `when` needs is missing) and an empty
    /// inventory: the exit status is then decided by --fail-on alone.
    /// Without it, they make the exit status 2. The verdict says NOT FULLY
    /// CHECKED either way.
    #[arg(long)]
    allow_not_checked: bool,
    /// Accept data that a `skip:` or an `ignore:` of custodia.yaml left
    /// out: the exit status is then decided by --fail-on alone. Without it, they make the exit
    /// status 2. The verdict says NOT FULLY CHECKED either way.
    #[arg(long)]
    allow_skipped: bool,
    /// The repository root that SARIF, GitHub annotations and Code Quality
    /// name files from; default: the nearest folder above the case with `.git`.
    #[arg(long, value_name = "DIR")]
    repo_root: Option<PathBuf>,
    /// Undeclared columns, and the columns of a mapped file that no entry of
    /// custodia.yaml reads, are input errors rather than notes.
    #[arg(long)]
    strict: bool,
    /// Text encoding of the data files, e.g. gb18030 for CSV saved by Excel
    /// on a Chinese system; default UTF-8 (a byte-order mark overrides it).
    #[arg(long)]
    encoding: Option<String>,
    /// Worker threads, 1 to 256 (default: one per available core); the report does not depend on it.
    #[arg(long, value_parser = parse_threads)]
    threads: Option<u16>,
    /// Read and type the inputs, then stop without evaluating any rule (for benchmarks).
    // No report is made, so the flags that ask for one or decide the exit
    // status from it are refused: a CI step that gained --parse-only would
    // otherwise exit 0 on a non-compliant case and write no report.
    #[arg(long, conflicts_with_all = [
        "format", "outputs", "baseline", "fail_on", "allow_not_checked", "allow_skipped",
        "max_per_rule", "all", "summary_only", "engine",
    ])]
    parse_only: bool,
    /// After the report, print on stderr the time spent per phase, rule and index.
    #[arg(long)]
    profile: bool,
    /// Findings the human report shows per rule (the rest are counted).
    #[arg(long, value_name = "N", value_parser = parse_count,
        default_value_t = custodia::report::model::DEFAULT_PER_RULE)]
    max_per_rule: usize,
    /// Show every finding in the human report.
    #[arg(long)]
    all: bool,
    /// The audit report (markdown, html) as its summary page only.
    #[arg(long)]
    summary_only: bool,
    /// Where the rules are evaluated: here, or on Apache Spark (docs/spark.md).
    #[arg(long, value_enum, default_value_t = EngineArg::Native)]
    engine: EngineArg,
    /// The Spark master for --engine spark: local[N], spark://HOST:PORT, yarn.
    #[arg(long, value_name = "URL", default_value = "local[2]")]
    spark_master: String,
    /// A Spark setting KEY=VALUE for --engine spark (repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = parse_conf)]
    spark_conf: Vec<(String, String)>,
}

/// A percentage from 0 to 100. `NaN` is refused: every comparison with it is
/// false, so a threshold of NaN would pass any coverage.
fn parse_percent(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(n) if (0.0..=100.0).contains(&n) => Ok(n),
        _ => Err(custodia::t!(
            custodia::i18n::message_lang(),
            "cli-expected-percent",
            value = s
        )),
    }
}

/// A value parser's error: `expected FORM, found `s``, in the run's
/// message language (set from `--lang` or the locale before parsing).
fn expected_form(form: &str, s: &str) -> String {
    let lang = custodia::i18n::message_lang();
    custodia::t!(lang, "cli-expected-form", form = form, value = s)
}

/// A count from 0 up; its own parser so that the reason is custodia's in
/// both languages (clap's would be Rust's "invalid digit found in string").
fn parse_count(s: &str) -> Result<usize, String> {
    s.trim().parse::<usize>().map_err(|_| {
        custodia::t!(
            custodia::i18n::message_lang(),
            "cli-expected-count",
            value = s
        )
    })
}

/// A number of worker threads, 1 to `app::MAX_THREADS`.
fn parse_threads(s: &str) -> Result<u16, String> {
    match s.trim().parse::<u16>() {
        Ok(n) if (1..=app::MAX_THREADS).contains(&usize::from(n)) => Ok(n),
        _ => Err(custodia::t!(
            custodia::i18n::message_lang(),
            "cli-expected-threads",
            value = s,
            max = app::MAX_THREADS
        )),
    }
}

/// `error: cannot write PATH: why` (or the report, to standard output), in
/// the run's message language.
fn cannot_write(path: Option<&std::path::Path>, e: &std::io::Error) -> String {
    let lang = custodia::i18n::message_lang();
    match path {
        Some(p) => custodia::t!(
            lang,
            "app-cannot-write",
            path = p.display().to_string(),
            error = e
        ),
        None => custodia::t!(lang, "app-cannot-write-report", error = e),
    }
}

/// The text a generator writes (completions, man page) as an outcome.
/// Rendering into memory fails only as a writer can; said as a report
/// that could not be written, in the run's language.
fn generated(text: std::io::Result<Vec<u8>>) -> app::Outcome {
    match text {
        Ok(out) => app::Outcome {
            output: String::from_utf8_lossy(&out).into_owned(),
            errors: String::new(),
            exit: 0,
            files: Vec::new(),
        },
        Err(e) => app::Outcome {
            output: String::new(),
            errors: format!("{}\n", cannot_write(None, &e)),
            exit: 2,
            files: Vec::new(),
        },
    }
}

/// `custodia man [COMMAND]`; an unknown command is a usage error (exit 2)
/// naming the commands there are.
fn man(command: Option<&str>, lang: custodia::i18n::Lang) -> app::Outcome {
    use custodia::cli::manual::{man_page, ManError};
    match man_page(Cli::command(), lang, command) {
        Ok(page) => generated(Ok(page)),
        Err(ManError::Write(e)) => generated(Err(e)),
        Err(ManError::UnknownCommand(name)) => {
            let commands: Vec<String> = Cli::command()
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| s.get_name().to_string())
                .collect();
            app::Outcome {
                output: String::new(),
                errors: format!(
                    "{}\n",
                    custodia::i18n::catalogue::text(
                        lang,
                        "man-unknown-command",
                        &[
                            ("name", custodia::text::visible_controls(&name).into()),
                            (
                                "commands",
                                commands.join(&custodia::t!(lang, "list-comma")).into()
                            ),
                        ]
                    )
                ),
                exit: 2,
                files: Vec::new(),
            }
        }
    }
}

fn parse_table(s: &str) -> Result<(String, PathBuf), String> {
    let (name, file) = s
        .split_once('=')
        .ok_or_else(|| expected_form("NAME=FILE", s))?;
    Ok((name.to_string(), PathBuf::from(file)))
}

/// Writes to standard error without panicking: `eprint!` panics when
/// stderr cannot be written (`2>/dev/full`), and the run ended with status
/// 101 instead of its own (hostile review h23c, 2026-12-07). A message that
/// cannot be shown is lost; the exit status still says what happened.
macro_rules! say_err {
    ($($arg:tt)*) => {{
        let _ = std::io::Write::write_fmt(&mut std::io::stderr(), format_args!($($arg)*));
    }};
}

/// [`say_err!`] with a line end.
macro_rules! say_err_line {
    ($($arg:tt)*) => {{
        say_err!("{}\n", format_args!($($arg)*));
    }};
}

/// Help asked for on standard output, without panicking when it cannot be
/// written (`--help | head -1`).
fn say_out(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// Writes a finished check's reports piece by piece: each `--output` file
/// through a temporary file renamed once complete, the main report to its
/// file the same way or to standard output, buffered. A report of a million
/// findings is never held whole in memory (security.md, "Bounded resources").
fn write_report(opts: &CheckOptions, mut done: app::Finished) -> ExitCode {
    // The words of a failed write: the report's language (`lang:` in the
    // manifest included), which the run set on its own threads only.
    custodia::i18n::set_message_lang(done.report.lang);
    say_err!("{}", custodia::text::terminal_safe(&done.errors));
    let (report, checked) = (&done.report, &done.checked);
    for (format, path) in &opts.outputs {
        let written = custodia::output::write_atomic_with(path, |w| {
            app::render_to(*format, report, checked, false, w)
        });
        if let Err(e) = written {
            say_err_line!("{}", cannot_write(Some(path), &e));
            return ExitCode::from(2);
        }
    }
    let written = match &opts.main_output {
        Some(path) => custodia::output::write_atomic_with(path, |w| {
            app::render_to(opts.format, report, checked, opts.color, w)
        })
        .map_err(|e| cannot_write(Some(path), &e)),
        None => custodia::output::standard_output()
            .and_then(|stdout| {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
                app::render_to(opts.format, report, checked, opts.color, &mut out)?;
                out.flush()
            })
            .map_err(|e| cannot_write(None, &e)),
    };
    if let Err(e) = written {
        say_err_line!("{e}");
        return ExitCode::from(2);
    }
    if let Some(p) = done.profile_text() {
        say_err!("\n{p}");
    }
    ExitCode::from(done.exit)
}

/// The arguments, parsed by clap in the language of `--lang` or the locale
/// (`cli::usage`); a usage error or `--help` ends the process as clap's
/// own would (exit 2, or 0 for `--help`).
fn parse_cli() -> Cli {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = custodia::cli::usage::lang_of_args(&args);
    // The words of the value parsers below, and of input errors read
    // before a case's manifest (a check sets its own once it has read `lang:`).
    custodia::i18n::set_message_lang(lang);
    let command = custodia::cli::usage::localize(Cli::command(), lang);
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let err = match parsed {
        Ok(cli) => return cli,
        Err(e) => e,
    };
    let ansi = match err.use_stderr() {
        true => std::io::stderr().is_terminal(),
        false => std::io::stdout().is_terminal(),
    };
    if let Some(help) = custodia::cli::usage::help_text(&err, lang, ansi) {
        // `custodia` alone prints its help on stderr and exits 2, as clap does.
        match err.use_stderr() {
            true => say_err!("{help}"),
            false => say_out(&help),
        }
        std::process::exit(err.exit_code());
    }
    let names = Cli::command();
    let command = custodia::cli::usage::command_of(&args, &names);
    match custodia::cli::usage::error_text(&err, lang, command) {
        Some(text) => {
            say_err!("{text}");
            std::process::exit(err.exit_code());
        }
        None => err.exit(),
    }
}

fn main() -> ExitCode {
    // Before anything opens a file (see `output::standard_output`).
    custodia::output::note_closed_stdout();
    custodia::freed_memory::map_large_blocks();
    let cli = parse_cli();
    let color = use_color(cli.color, std::io::stderr().is_terminal());
    // A report is escaped by its format (app::render_as), JSON Schema is
    // JSON; everything else on stdout is text for a terminal.
    let text_on_stdout = match &cli.command {
        Command::Check(_) => false,
        Command::Schema { json_schema, .. } => json_schema.is_none(),
        _ => true,
    };
    // Commands that colour their own text (policy diagnostics) keep colour
    // codes on stdout when colour is on; on any other stdout (explain,
    // init, ...) an ESC can only have come from a file, and a colour code
    // can hide text (`ESC [8m`): every one is escaped.
    let colour_on_stdout = color
        && matches!(
            &cli.command,
            Command::Validate { .. }
                | Command::Test(_)
                | Command::Schema { .. }
                | Command::Fmt { .. }
        );
    let (mut outcome, output) = match cli.command {
        Command::Check(a) => 'check: {
            let mut main_output = None;
            let mut outputs = Vec::new();
            for o in &a.outputs {
                match o {
                    // `-` is standard output, where the report goes anyway
                    // (it wrote a file named `-`).
                    OutputArg::Main(p) if p.as_os_str() == "-" => {}
                    OutputArg::Main(p) => {
                        if let Some(m) =
                            main_output_refused(main_output.as_ref(), p, a.format.format())
                        {
                            break 'check (app::stop(m + "\n"), None);
                        }
                        main_output = Some(p.clone())
                    }
                    // `FORMAT=-` is standard output too (it wrote a file
                    // named `-`; hostile review h23c, 2026-12-07).
                    OutputArg::Extra(f, p) if p.as_os_str() == "-" => {
                        outputs.push((*f, PathBuf::from("/dev/stdout")))
                    }
                    OutputArg::Extra(f, p) => outputs.push((*f, p.clone())),
                }
            }
            let main_on_stdout = main_output
                .as_deref()
                .map_or(true, custodia::output::names_standard_output);
            if let Some(m) = two_on_stdout((a.format.format(), main_on_stdout), &outputs) {
                break 'check (app::stop(m + "\n"), None);
            }
            let opts = CheckOptions {
                case: a.case.clone(),
                overrides: Overrides {
                    policies: a.policies,
                    inventory: a.inventory,
                    logs: a.logs,
                    tables: a.tables,
                    company: a.company,
                    packs: a.packs,
                    encoding: a.encoding,
                    lang: cli.lang,
                },
                as_of: a.as_of,
                tz: a.tz,
                format: a.format.format(),
                fail_on: a.fail_on.map(|f| match f {
                    FailOnArg::Error => FailOn::Error,
                    FailOnArg::Warning => FailOn::Warning,
                    FailOnArg::Info => FailOn::Info,
                    FailOnArg::Never => FailOn::Never,
                }),
                allow_not_checked: a.allow_not_checked,
                allow_skipped: a.allow_skipped,
                strict: a.strict,
                scale: app::ScaleOptions {
                    threads: a.threads.map(usize::from),
                    parse_only: a.parse_only,
                    profile: a.profile,
                    progress: custodia::progress::wanted(
                        std::io::stderr().is_terminal(),
                        matches!(a.format, FormatArg::Human),
                    ),
                    piece_bytes: None,
                    window_bytes: None,
                    // For measuring what leaving them out saves (scale.md).
                    keep_unread: std::env::var_os("CUSTODIA_KEEP_COLUMNS").is_some(),
                },
                // A report written to a file is never coloured.
                color: main_output.is_none()
                    && use_color(cli.color, std::io::stdout().is_terminal()),
                outputs,
                lang: cli.lang,
                view: custodia::report::model::View {
                    per_rule: (!a.all).then_some(a.max_per_rule),
                    summary_only: a.summary_only,
                },
                baseline: a.baseline,
                repo_root: a.repo_root,
                main_output: main_output.clone(),
                engine: (a.engine == EngineArg::Spark).then(|| {
                    custodia::sql::spark::SparkOptions {
                        master: a.spark_master.clone(),
                        conf: a.spark_conf.clone(),
                    }
                }),
            };
            match app::run_check_streamed(&opts) {
                Ok(done) => return write_report(&opts, done),
                Err(outcome) => (outcome, main_output),
            }
        }
        Command::Packs => (
            app::run_packs(custodia::i18n::Lang::choose(cli.lang, None)),
            None,
        ),
        // In the run's language: Chinese descriptions for a Chinese user.
        Command::Completions { shell } => (
            generated(Ok(custodia::cli::manual::completion_script(
                Cli::command(),
                shell,
                custodia::i18n::Lang::choose(cli.lang, None),
            ))),
            None,
        ),
        Command::Man { command } => (
            man(
                command.as_deref(),
                custodia::i18n::Lang::choose(cli.lang, None),
            ),
            None,
        ),
        Command::Validate {
            paths,
            deny_warnings,
            as_of,
        } => (
            app::run_validate_with(
                &paths,
                color,
                deny_warnings,
                as_of.as_deref(),
                custodia::i18n::Lang::choose(cli.lang, None),
            ),
            None,
        ),
        Command::Test(a) => {
            let opts = custodia::testing::TestOptions {
                paths: a.paths,
                as_of: a.as_of,
                tz: a.tz,
                coverage_threshold: a.coverage_threshold,
                color,
                lang: custodia::i18n::Lang::choose(cli.lang, None),
            };
            (custodia::testing::run_test(&opts), None)
        }
        Command::Schema { paths, json_schema } => (
            custodia::cli::schema::run_schema(&paths, json_schema.as_deref(), color),
            None,
        ),
        Command::Init { dir, files, force } => (
            custodia::cli::init::run_init(
                &dir,
                &files,
                force,
                custodia::i18n::Lang::choose(cli.lang, None),
            ),
            None,
        ),
        Command::Compile(a) => {
            let TargetArg::SparkSql = a.target;
            let opts = custodia::cli::compile::CompileOptions {
                case: a.case,
                as_of: a.as_of,
                tz: a.tz,
                output: a.output,
                stage: a.stage,
            };
            (custodia::cli::compile::run_compile(&opts), None)
        }
        Command::Fmt { paths, check } => {
            let lang = custodia::i18n::Lang::choose(cli.lang, None);
            (
                custodia::cli::fmt::run_fmt(&paths, check, color, lang),
                None,
            )
        }
        Command::Explain(a) => {
            let opts = custodia::cli::explain::ExplainOptions {
                rule: a.rule,
                subject: a.subject,
                case: a.case,
                overrides: Overrides {
                    policies: a.policies,
                    packs: a.packs,
                    lang: cli.lang,
                    ..Default::default()
                },
                as_of: a.as_of,
                tz: a.tz,
                lang: cli.lang,
            };
            (custodia::cli::explain::run_explain(&opts), None)
        }
    };
    // Nothing from a file (a value, a policy file's name) may reach the
    // terminal raw; custodia's own colour codes are kept.
    say_err!("{}", custodia::text::terminal_safe(&outcome.errors));
    if text_on_stdout {
        outcome.output = if colour_on_stdout {
            custodia::text::terminal_safe(&outcome.output)
        } else {
            custodia::text::visible_controls(&outcome.output)
        };
    }
    for (path, text) in &outcome.files {
        if let Err(e) = custodia::output::write_atomic(path, text) {
            say_err_line!("{}", cannot_write(Some(path), &e));
            return ExitCode::from(2);
        }
    }
    // A run stopped before it had a report (a refused --output among them)
    // leaves the file as it was.
    let stopped = outcome.output.is_empty() && outcome.exit == 2;
    let written = match output {
        Some(_) if stopped => Ok(()),
        Some(path) => custodia::output::write_atomic(&path, &outcome.output)
            .map_err(|e| cannot_write(Some(&path), &e)),
        // Nothing to say needs no standard output (closed or not).
        None if outcome.output.is_empty() => Ok(()),
        None => custodia::output::standard_output()
            .and_then(|mut out| out.write_all(outcome.output.as_bytes()))
            .map_err(|e| cannot_write(None, &e)),
    };
    if let Err(e) = written {
        say_err_line!("{e}");
        return ExitCode::from(2);
    }
    ExitCode::from(outcome.exit)
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;
    use custodia::i18n::catalogue::{has, text};
    use custodia::i18n::Lang;

    /// `--help` in Chinese comes from the catalogue (`cli::usage`): every
    /// command and argument has its words in both languages, and the
    /// English is the doc comment clap shows, word for word.
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut problems = vec![];
        for (id, english) in custodia::cli::usage::help_ids(&Cli::command()) {
            if !has(Lang::En, &id) || !has(Lang::Zh, &id) {
                problems.push(format!("{id} = {english}"));
            } else if text(Lang::En, &id, &[]) != english {
                problems.push(format!(
                    "{id}: en.ftl differs from the doc comment: {english}"
                ));
            }
        }
        assert!(
            problems.is_empty(),
            "add to i18n/en.ftl and i18n/zh.ftl:\n{}",
            problems.join("\n")
        );
    }
}
