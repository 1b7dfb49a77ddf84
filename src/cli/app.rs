//! The `check` job end to end: find inputs, load and check the policy set,
//! load the data, evaluate, build the report, render. `main.rs` only parses
//! flags and maps the outcome to an exit status.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::check::{self, CheckError, Checked};
use crate::data::{self, case, InputError, InputFile};
use crate::report::{self, model::Report, render};
use crate::syntax::ast::Severity;
use crate::syntax::span::SourceMap;
use crate::t;
use crate::value::{CollId, FieldId};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Human,
    Json,
    Sarif,
    Junit,
    Github,
    Markdown,
    Html,
    Codequality,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Markdown,
        Format::Html,
        Format::Codequality,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Codequality => "codequality",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Option<FailOn> {
        Some(match s {
            "error" => FailOn::Error,
            "warning" => FailOn::Warning,
            "info" => FailOn::Info,
            "never" => FailOn::Never,
            _ => return None,
        })
    }
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub case: PathBuf,
    pub overrides: case::Overrides,
    pub as_of: Option<String>,
    pub tz: Option<String>,
    pub format: Format,
    pub fail_on: Option<FailOn>,
    /// `--allow-not-checked`: rules not checked for want of data (and an
    /// empty inventory) do not make the exit status 2; the verdict still
    /// says NOT FULLY CHECKED.
    pub allow_not_checked: bool,
    /// `--allow-skipped`: data a `skip:` or `ignore:` of custodia.yaml left
    /// out does not make the exit status 2; the verdict still says NOT FULLY CHECKED.
    /// A flag of its own: the manifest is the company's, and an auditor who
    /// accepted a missing log has not accepted rows dropped from a file.
    pub allow_skipped: bool,
    pub strict: bool,
    pub color: bool,
    /// Further reports of the same run (`--output FORMAT=PATH`).
    pub outputs: Vec<(Format, PathBuf)>,
    /// An earlier JSON report to compare with (`--baseline`).
    pub baseline: Option<PathBuf>,
    /// The repository root SARIF, annotations and Code Quality name files
    /// from (`--repo-root`); `None`: found from `.git`.
    pub repo_root: Option<PathBuf>,
    /// Where the main report goes (`--output PATH`), written by the caller;
    /// only checked here, with `outputs`, against the run's inputs.
    pub main_output: Option<PathBuf>,
    /// Threads, `--parse-only`, `--profile`, progress (docs/scale.md).
    pub scale: ScaleOptions,
    /// `--lang`; `None`: `lang:` in custodia.yaml, else the locale.
    pub lang: Option<crate::i18n::Lang>,
    /// `--max-per-rule`, `--all`, `--summary-only`.
    pub view: crate::report::model::View,
    /// `--engine spark`: the rules run on Spark (docs/spark.md); `None`: here.
    pub engine: Option<crate::sql::spark::SparkOptions>,
}

/// Most worker threads (`--threads`): more than the largest machines' cores
/// gains nothing, and each costs start-up time and memory (5,000 took 34 s
/// to start on a 3-row case).
pub const MAX_THREADS: usize = 256;

/// How a check uses the machine; none of these changes the report.
#[derive(Clone, Debug, Default)]
pub struct ScaleOptions {
    /// Worker threads; `None` = one per available core. The report is the
    /// same byte for byte whatever the number.
    pub threads: Option<usize>,
    /// Read and type the inputs, then stop: no rule is evaluated.
    pub parse_only: bool,
    /// Time and count every phase, rule and index (`--profile`).
    pub profile: bool,
    /// Show a progress line on stderr (main decides: terminal + human).
    pub progress: bool,
    /// Bytes per piece of a large CSV/JSONL file (`None`: 1 MiB). Not a
    /// flag: tests set it small to show that the cut changes nothing.
    #[doc(hidden)]
    pub piece_bytes: Option<usize>,
    /// Size of the windows a large CSV/JSONL file is read in (`None`:
    /// `stream::window_bytes()`), for the same reason.
    #[doc(hidden)]
    pub window_bytes: Option<usize>,
    /// Store every column, also those no rule reads (`eval::reads`). Not
    /// a flag: tests compare both ways.
    #[doc(hidden)]
    pub keep_unread: bool,
}

/// What a run prints and how it exits.
pub struct Outcome {
    pub output: String,
    /// Printed to stderr (problems that stop the run before a report exists).
    pub errors: String,
    pub exit: u8,
    /// Reports to write, from `--output FORMAT=PATH`.
    pub files: Vec<(PathBuf, String)>,
}

pub fn stop(message: String) -> Outcome {
    Outcome {
        output: String::new(),
        errors: message,
        exit: 2,
        files: Vec::new(),
    }
}

pub fn run_check(opts: &CheckOptions) -> Outcome {
    run_check_profiled(opts).0
}

/// `run_check`, with the `--profile` text (printed after the report) when
/// `opts.scale.profile` is set and the check got as far as evaluating.
pub fn run_check_profiled(opts: &CheckOptions) -> (Outcome, Option<String>) {
    match run_check_streamed(opts) {
        Err(outcome) => (outcome, None),
        Ok(mut done) => {
            let output = render_as(opts.format, &done.report, &done.checked, opts.color);
            let files = opts
                .outputs
                .iter()
                .map(|(f, path)| {
                    let text = render_as(*f, &done.report, &done.checked, false);
                    (path.clone(), text)
                })
                .collect();
            let profile = done.profile_text();
            let outcome = Outcome {
                output,
                errors: std::mem::take(&mut done.errors),
                exit: done.exit,
                files,
            };
            (outcome, profile)
        }
    }
}

/// A check that got as far as its report, before the report is written:
/// the CLI streams it ([`render_to`]) to standard output and each
/// `--output` file instead of holding it as one `String`.
pub struct Finished {
    pub report: Report,
    pub checked: Checked,
    /// Printed to stderr (a step summary that could not be written).
    pub errors: String,
    pub exit: u8,
    /// `--profile`: the timings so far, and when the report phase began.
    profile: Option<(crate::eval::profile::Profile, std::time::Instant)>,
}

impl Finished {
    /// The `--profile` text, the report phase timed up to now (call it
    /// once the report is written).
    pub fn profile_text(&mut self) -> Option<String> {
        let (mut timings, started) = self.profile.take()?;
        timings
            .phases
            .push(("profile-phase-report", started.elapsed()));
        Some(timings.render(self.report.lang))
    }
}

/// The check up to its report ([`Finished`]), or what to print instead (an
/// error that stopped it, `--parse-only`).
pub fn run_check_streamed(opts: &CheckOptions) -> Result<Finished, Outcome> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.scale.threads {
        pool = pool.num_threads(n.clamp(1, MAX_THREADS));
    }
    match pool.build() {
        Ok(pool) => pool.install(|| check_case(opts)),
        Err(e) => Err(stop(format!(
            "{}\n",
            t!(
                crate::i18n::message_lang(),
                "app-no-threads",
                error = e.to_string()
            )
        ))),
    }
}

fn check_case(opts: &CheckOptions) -> Result<Finished, Outcome> {
    let started = std::time::Instant::now();
    let flags = case::Overrides {
        lang: opts.lang.or(opts.overrides.lang),
        ..opts.overrides.clone()
    };
    // Until the manifest is read: the flag, else the manifest's `lang:`
    // line, else the locale (not the language another run in this process
    // may have set). The line alone counts, so that a manifest that cannot
    // be read still has its errors in its language.
    let early = crate::i18n::Lang::choose(flags.lang, case::manifest_lang_hint(&opts.case));
    crate::i18n::set_run_message_lang(early);
    let inputs = match case::discover(&opts.case, &flags) {
        Ok(i) => i,
        Err(errors) => return Err(stop(input_error_text_in(&errors, early))),
    };
    let lang = match case_lang(opts.lang, &inputs) {
        Ok(lang) => {
            // Input errors and notes become text as the data is read, on
            // this run's threads (i18n::message_lang).
            crate::i18n::set_run_message_lang(lang);
            lang
        }
        Err(message) => return Err(stop(message)),
    };
    let targets: Vec<&Path> = opts
        .main_output
        .iter()
        .chain(opts.outputs.iter().map(|(_, p)| p))
        .map(PathBuf::as_path)
        .collect();
    if let Err(m) = crate::output::check_targets(&inputs, opts.baseline.as_deref(), &targets)
        .and_then(|()| crate::output::remove_earlier_reports(&targets))
    {
        return Err(stop(m));
    }
    if let Some(Err(m)) = inputs.encoding.as_deref().map(data::encoding::from_label) {
        let lang = crate::i18n::message_lang();
        return Err(stop(t!(lang, "cli-error", message = m) + "\n"));
    }
    let tz_name = opts
        .tz
        .clone()
        .or_else(|| inputs.time_zone.clone())
        .unwrap_or_else(|| "UTC".into());
    let tz = match TimeZone::get(&tz_name) {
        Ok(tz) => tz,
        Err(_) => return Err(stop(t!(lang, "stop-bad-time-zone", zone = &tz_name) + "\n")),
    };
    let as_of = match resolve_as_of(opts.as_of.as_deref().or(inputs.as_of.as_deref()), &tz) {
        Ok(d) => d,
        Err(m) => return Err(stop(m)),
    };
    let today = jiff::Timestamp::now().to_zoned(tz.clone()).date();
    // A day that has not come, chosen by the case itself, judges its
    // retention periods and deadlines by a date the company picked: the
    // case folder is the company's, the gate the auditor's (hostile
    // review, 2026-12-06: `as_of: 2099-01-01` turned a violation into an
    // expired waiver). The command line may ask for it knowingly.
    if opts.as_of.is_none() && as_of > today {
        return Err(stop(
            t!(
                lang,
                "stop-as-of-in-manifest-after-today",
                as_of = as_of.to_string(),
                today = today.to_string()
            ) + "\n",
        ));
    }
    let fail_on = match (opts.fail_on, &inputs.fail_on) {
        (Some(f), _) => f,
        // `never` from the case itself would open every gate run on it: the
        // case folder is the company's, the gate the auditor's (hostile
        // review, 2026-12-05). Only the command line may say it.
        (None, Some(s)) => match FailOn::parse(s) {
            Some(FailOn::Never) => {
                return Err(stop(t!(lang, "stop-fail-on-never-in-manifest") + "\n"))
            }
            Some(f) => f,
            None => return Err(stop(t!(lang, "stop-bad-fail-on", value = s) + "\n")),
        },
        (None, None) => FailOn::Error,
    };
    let roots = match render::paths::roots(&opts.case, opts.repo_root.as_deref()) {
        Ok(r) => r,
        Err(m) => return Err(stop(m)),
    };
    let baseline = match &opts.baseline {
        Some(path) => match report::baseline::load(path) {
            Ok(b) => Some((path.display().to_string(), b)),
            Err(m) => return Err(stop(m)),
        },
        None => None,
    };
    let (sources, policy_files, packs) = match load_case_policies(&inputs) {
        Ok(x) => x,
        Err(m) => return Err(stop(m)),
    };
    let mut checked = match check::check_sources(sources) {
        Ok(c) => c,
        Err((sources, errors)) => {
            return Err(stop(policy_error_text_in(
                &sources, &errors, opts.color, lang,
            )))
        }
    };
    // Rule texts and enum labels in the report's language.
    checked.localize(lang);
    if !opts.scale.parse_only {
        if let Some(m) = nothing_to_check(lang, &checked, &inputs, &policy_files) {
            // What finding the inputs ran into often says why (an export
            // under another name, a dangling inventory.csv): first.
            return Err(stop(format!(
                "{}{m}",
                input_error_text_in(&inputs.errors, lang)
            )));
        }
    }
    let policy_time = started.elapsed();
    let started = std::time::Instant::now();
    let progress = crate::progress::Progress::new(opts.scale.progress);
    progress.phase(t!(lang, "progress-reading"));
    let zone_was_set = opts.tz.is_some() || inputs.time_zone.is_some();
    let unhashed = crate::eval::index::unhashed_fields(&checked);
    // Spark stages every column of what it reads here (`sql::stage`).
    let unread = match opts.engine.is_none() && !opts.scale.keep_unread {
        true => crate::eval::reads::unread_fields(&checked),
        false => Vec::new(),
    };
    let mut ds = data::load_with_progress(
        &inputs,
        &checked.schema,
        &data::LoadOptions {
            tz: &tz,
            strict: opts.strict,
        },
        data::CheckLoadOptions {
            naive_in_utc: !zone_was_set,
            piece_bytes: opts.scale.piece_bytes,
            window_bytes: opts.scale.window_bytes,
            unhashed: &unhashed,
            unread: &unread,
            spark_reads_in_place: opts.engine.is_some(),
        },
        &|p| progress.file_loaded(p),
    );
    let hidden = hidden_field_errors(&checked, &ds, lang);
    ds.errors.extend(hidden);
    ds.notes.extend(warnings(&checked, &ds, lang));
    ds.notes
        .extend(rules_that_check_nothing(&checked, as_of, lang));
    if zone_was_set {
        let foreign = foreign_offset_notes(&ds, &tz_name, lang).collect::<Vec<_>>();
        ds.notes.extend(foreign);
    } else {
        // With no zone named, UTC is the spec's default, not the company's
        // choice: `+08:00` times counted in UTC move an access at 00:30 to
        // the day before, and the rule passes (hostile review, 2026-12-06).
        let errors = unzoned_offset_errors(&ds, lang);
        ds.errors.extend(errors);
    }
    let zone_from = if opts.tz.is_some() {
        "--tz"
    } else {
        "custodia.yaml"
    };
    ds.notes.extend(posix_zone_note(&tz_name, zone_from, lang));
    let zone = (tz_name.as_str(), zone_from);
    let dated = super::dated_facts::company_facts_after_as_of(&checked, &ds, &tz, as_of, lang);
    ds.errors.extend(dated);
    let created = super::dated_facts::records_created_after_as_of(&checked, &ds, &tz, as_of, lang);
    ds.errors.extend(created);
    let packs_zone =
        super::dated_facts::zone_for_chinese_packs(&packs.packs, zone, &tz, as_of, lang);
    ds.errors.extend(packs_zone);
    if as_of > today {
        ds.notes.push(data::Note {
            file: "--as-of".into(),
            message: t!(
                lang,
                "note-as-of-after-today",
                as_of = as_of.to_string(),
                today = today.to_string()
            ),
            rules: Vec::new(),
        });
    }
    ds.notes.sort();
    let load_time = started.elapsed();
    progress.phase(t!(lang, "progress-evaluating", count = checked.rules.len()));
    if opts.scale.parse_only {
        progress.finish();
        return Err(parsed_only(&ds, &checked, lang));
    }
    let eval_opts = crate::eval::EvalOptions {
        list_subjects: opts.format == Format::Junit
            || opts.outputs.iter().any(|(f, _)| *f == Format::Junit),
    };
    let (evaluation, mut timings) = match &opts.engine {
        None => crate::eval::evaluate_profiled(&checked, &ds, &tz, as_of, eval_opts),
        Some(spark) => {
            let spark_inputs = crate::sql::spark::Inputs {
                case: &inputs,
                tz: &tz,
                tz_name: &tz_name,
                as_of,
            };
            let noted = ds.defaulted.len();
            match crate::sql::spark::evaluate(&checked, &mut ds, &spark_inputs, spark) {
                Ok(e) => {
                    // The columns of sources read in place are known only now.
                    let readers = field_readers(&checked);
                    let notes = defaulted_notes(&checked, &readers, &ds.defaulted[noted..], lang);
                    ds.notes.extend(notes);
                    ds.notes.sort();
                    (e, Default::default())
                }
                Err(m) => return Err(stop(m)),
            }
        }
    };
    let started = std::time::Instant::now();
    let coverage = report::coverage::coverage(&checked, &ds, &inputs);
    let pack_note = packs.note.clone();
    let packs_left_out = packs.left_out.clone();
    let unfit_schema = packs.unfit_schema.clone();
    let context = report::Context {
        as_of: as_of.to_string(),
        time_zone: tz_name,
        policy_files,
        coverage,
        packs,
        never_true: rules_never_true(&checked, as_of),
    };
    let mut report = match report::build(&checked, ds, evaluation, context) {
        Ok(report) => report,
        Err(e) => {
            return Err(stop(t!(lang, "stop-spill-unread", error = &e) + "\n"));
        }
    };
    report.roots = roots;
    report.lang = lang;
    report.packs_note = pack_note.map(|m| m.text(lang));
    report.packs_chosen_by = match (inputs.packs_chosen, opts.overrides.packs.is_empty()) {
        (false, _) => None,
        (true, false) => Some("--pack"),
        (true, true) => Some("custodia.yaml"),
    };
    // Default statute packs the case's own custodia.yaml left out (not
    // `--pack`: the command line is the auditor's choice): scope not
    // checked, as a `skip:` is (the `manifest_packs_narrow` hostile case).
    if report.packs_chosen_by == Some("custodia.yaml") && !packs_left_out.is_empty() {
        report.skipped.push(crate::report::model::Skipped {
            file: "custodia.yaml".to_string(),
            what: crate::report::model::LeftOut::Packs(packs_left_out.clone()),
            line: case::manifest_key_line(&inputs.root, "packs"),
        });
    }
    // Default packs the case's own `record` schema left out: the same
    // scope not checked, named at that `record` (hostile review h23b #5).
    if let (None, Some((file, line))) = (report.packs_chosen_by, &unfit_schema) {
        report.skipped.push(crate::report::model::Skipped {
            file: file.clone(),
            what: crate::report::model::LeftOut::PacksUnfit(packs_left_out.clone()),
            line: *line,
        });
    }
    report.packs_unfit_schema = unfit_schema;
    report.packs_left_out = packs_left_out;
    report.view = opts.view;
    report.fail_on = fail_on.threshold();
    if let Some((file, earlier)) = baseline {
        if let Some(why) = report::baseline::other_company(&report, &earlier) {
            let place = crate::msg!("app-input-error", place = &file, message = why);
            return Err(stop(place.text(lang) + "\n"));
        }
        let untied = earlier.company.is_none() && report::baseline::names_no_company(&report);
        report::baseline::apply(&mut report, file.clone(), earlier.violations);
        let known = (report.violations.iter())
            .filter(|v| v.baseline() == Some(report::model::BaselineState::Unchanged))
            .count();
        if untied && known > 0 {
            report.notes.push(data::Note {
                message: t!(lang, "note-baseline-untied", count = known),
                file,
                rules: Vec::new(),
            });
            report.notes.sort();
        }
    }
    progress.phase(t!(lang, "progress-writing"));
    progress.finish();
    let errors = if wants(opts, Format::Github) {
        append_step_summary(&report, &inputs, opts.baseline.as_deref())
    } else {
        String::new()
    };
    let profile = opts.scale.profile.then(|| {
        timings
            .phases
            .insert(0, ("profile-phase-policies", policy_time));
        timings
            .phases
            .insert(1, ("profile-phase-inputs", load_time));
        (timings, started)
    });
    let accepted = Accepted {
        not_checked: opts.allow_not_checked,
        skipped: opts.allow_skipped,
    };
    report.not_checked_accepted = exit_status(&report, FailOn::Never, accepted) == 0;
    Ok(Finished {
        exit: exit_status(&report, fail_on, accepted),
        report,
        checked,
        errors,
        profile,
    })
}

/// Whether the run writes this format (`--format` or `--output FORMAT=…`).
fn wants(opts: &CheckOptions, format: Format) -> bool {
    opts.format == format || opts.outputs.iter().any(|(f, _)| *f == format)
}

/// In a GitHub Actions step (`$GITHUB_STEP_SUMMARY` names a file), appends
/// the Markdown summary of the run: the annotations GitHub shows are capped,
/// the summary page is not. A file that cannot be written is a warning,
/// not a failure of the check; so is a path that is an input of the run
/// (the baseline, the manifest, a data or policy file, a file the next run
/// would read), which `--output` refuses: the Markdown was appended to the
/// baseline JSON, and the next run with it stopped (hostile review).
fn append_step_summary(
    report: &Report,
    inputs: &case::CaseInputs,
    baseline: Option<&Path>,
) -> String {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return String::new();
    };
    let shown = Path::new(&path).display().to_string();
    if crate::output::check_targets(inputs, baseline, &[Path::new(&path)]).is_err() {
        return t!(report.lang, "app-step-summary-over-input", path = shown) + "\n";
    }
    let text = render::github::step_summary(report);
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    match written {
        Ok(()) => String::new(),
        Err(e) => format!(
            "{}\n",
            t!(
                report.lang,
                "app-no-step-summary",
                path = Path::new(&path).display().to_string(),
                error = &e
            )
        ),
    }
}

/// The report in `format`, as one `String` (tests and the library API; the
/// CLI streams it with [`render_to`]). Same bytes as `render_to` writes.
pub fn render_as(format: Format, report: &Report, checked: &Checked, color: bool) -> String {
    render::sink::to_string(|w| render_to(format, report, checked, color, w))
}

/// Writes the report in `format` to `out` piece by piece: a report of a
/// million findings is never held whole in memory (security.md, "Bounded
/// resources"). `out` should be buffered.
pub fn render_to(
    format: Format,
    report: &Report,
    checked: &Checked,
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::text::{EscapeStyle, Escaping};
    use std::io::Write as _;
    // Every format is shown in a terminal, a CI log, a browser or an
    // editor some day: no control character or bidi override from the data
    // reaches it raw. The same characters are escaped in each
    // (crate::text::is_hidden), in the format's own way, as they are written.
    let style = match format {
        Format::Json => EscapeStyle::Json,
        Format::Sarif | Format::Codequality => EscapeStyle::JsonVisible,
        _ => EscapeStyle::Visible,
    };
    if format == Format::Human && color {
        // Colour codes are ours, so a coloured report is kept only when its
        // plain text has nothing to show escaped (a terminal report: it is
        // rendered twice, the first time into nothing).
        let mut plain = crate::text::FindsHidden::default();
        render::human::write(report, checked, false, &mut plain)?;
        if !plain.found {
            render::human::write(report, checked, true, out)?;
            return out.flush();
        }
    }
    // Buffered before the escaping: renderers write in pieces of a few
    // bytes (serde_json a quote, a colon, an indent at a time), which the
    // escaping then checks 64 KiB at a time instead of one by one.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, Escaping::new(out, style));
    match format {
        Format::Human => render::human::write(report, checked, false, &mut out)?,
        Format::Json => render::json::write(report, &mut out)?,
        Format::Sarif => render::sarif::write(report, &mut out)?,
        Format::Junit => render::junit::write(report, &mut out)?,
        Format::Github => render::github::write(report, &mut out)?,
        Format::Markdown => render::markdown::write(report, &mut out)?,
        Format::Html => render::html::write(report, &mut out)?,
        Format::Codequality => render::codequality::write(report, &mut out)?,
    }
    out.flush()
}

/// The exit status of a `--parse-only` run that read its inputs cleanly:
/// no rule was evaluated, so neither 0 ("complete, and no violation") nor
/// 1; not 2 either, which says the inputs could not all be read. A gate
/// on the exit status never reads it as a pass (hostile review: a CI step
/// that gained `--parse-only` exited 0 on a non-compliant case).
pub const EXIT_PARSED_ONLY: u8 = 3;

/// `--parse-only`: what was read, and the input errors; exit 2 if any,
/// else [`EXIT_PARSED_ONLY`].
fn parsed_only(ds: &data::Dataset, checked: &Checked, lang: crate::i18n::Lang) -> Outcome {
    use crate::check::schema::CollKind;
    let rows = |kind| ds.rows_of_kind(&checked.schema, kind);
    let output = t!(
        lang,
        "app-parsed-only",
        records = rows(CollKind::Record),
        events = rows(CollKind::Event),
        files = ds.files.iter().filter(|f| f.role != "manifest").count(),
        errors = ds.errors.len()
    ) + "\n";
    Outcome {
        output,
        errors: input_error_text_in(&ds.errors, lang),
        exit: if ds.errors.is_empty() {
            EXIT_PARSED_ONLY
        } else {
            2
        },
        files: Vec::new(),
    }
}

/// Things a user should know that make the check neither fail nor
/// incomplete: empty policy files, and datetimes read in UTC only because
/// the case names no time zone.
fn warnings(checked: &Checked, ds: &data::Dataset, lang: crate::i18n::Lang) -> Vec<data::Note> {
    let mut notes: Vec<data::Note> = checked
        .sources
        .files()
        .filter(|(_, f)| crate::text::trim_cell(&f.text).is_empty())
        .map(|(_, f)| data::Note {
            file: f.path.clone(),
            message: t!(lang, "note-empty-policy-file"),
            rules: Vec::new(),
        })
        .collect();
    let readers = field_readers(checked);
    // A field whose values an undeclared column holds is an input error
    // of its own (`hidden_field_errors`), which says the default was taken.
    let hidden = |(file, coll, field): &&(String, CollId, FieldId)| {
        ds.hidden_fields
            .iter()
            .any(|h| h.file == *file && h.coll == *coll && h.field == *field)
            && readers.contains_key(&(*coll, *field))
    };
    let defaulted: Vec<_> = ds
        .defaulted
        .iter()
        .filter(|d| !hidden(d))
        .cloned()
        .collect();
    notes.extend(defaulted_notes(checked, &readers, &defaulted, lang));
    notes.extend(empty_source_notes(checked, &readers, ds, lang));
    // The loader counts these only when no zone was named (`naive_in_utc`).
    notes.extend(ds.naive_datetimes.iter().map(|(file, line, n)| data::Note {
        file: file.clone(),
        message: t!(lang, "note-naive-datetimes", count = *n, line = *line),
        rules: Vec::new(),
    }));
    notes
}

/// Datetimes written with an offset the case's zone never has (`+08:00`
/// in a case left in UTC): their days (deadlines, "on the day") are
/// counted in the case's zone, not the one they were written in.
fn foreign_offset_notes<'a>(
    ds: &'a data::Dataset,
    zone: &'a str,
    lang: crate::i18n::Lang,
) -> impl Iterator<Item = data::Note> + 'a {
    ds.foreign_datetimes
        .iter()
        .map(move |(file, line, n, offset)| data::Note {
            file: file.clone(),
            message: t!(
                lang,
                "note-foreign-offset",
                count = *n,
                line = *line,
                offset = offset_text(*offset),
                zone = zone
            ),
            rules: Vec::new(),
        })
}

/// Datetimes written with an offset other than UTC's in a case that named
/// no zone: an input error per file, so the run is not fully checked until
/// `time_zone` (or `--tz`) says where the company's days are.
fn unzoned_offset_errors(ds: &data::Dataset, lang: crate::i18n::Lang) -> Vec<data::InputError> {
    ds.foreign_datetimes
        .iter()
        .map(|(file, line, n, offset)| {
            let mut e = data::InputError::file(
                file,
                &t!(
                    lang,
                    "error-foreign-offset-unzoned",
                    count = *n,
                    offset = offset_text(*offset)
                ),
            );
            e.line = Some(*line);
            e
        })
        .collect()
}

/// `+08:00` for 28,800 seconds east of UTC.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let (h, m) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    format!("{sign}{h:02}:{m:02}")
}

/// `Etc/GMT+8` is UTC-08:00: POSIX inverts the sign, and people who mean
/// Beijing time write "GMT+8". Every date of the case would shift by a day
/// without a word (review R27), so the report says which zone it used.
/// A note per rule of the case's own policies whose `where` or `when`
/// can never be true, or whose `require` always is
/// (`custodia::lint::never_true`, `always_true`): `validate` warns of
/// them, and `check` listed such a rule as "not applicable" or "passed"
/// without a word (third hostile review, 2026-12-06).
fn rules_that_check_nothing(
    checked: &Checked,
    as_of: jiff::civil::Date,
    lang: crate::i18n::Lang,
) -> Vec<data::Note> {
    let lints = crate::lint::lint_in(checked, as_of, lang);
    let wanted = [
        crate::lint::NEVER_TRUE,
        crate::lint::ALWAYS_TRUE,
        crate::lint::LIST_IS_SET,
    ];
    lints
        .iter()
        .filter(|l| wanted.contains(&l.code))
        .filter_map(|l| {
            let file = checked.sources.get(l.span.file);
            if file.path.starts_with(crate::check::BUILTIN_PREFIX) {
                return None;
            }
            let rule = checked.rules.iter().find(|r| {
                r.span.file == l.span.file
                    && r.span.start <= l.span.start
                    && l.span.end <= r.span.end
            })?;
            let (line, _) = file.line_col(l.span.start);
            let message = t!(
                lang,
                "note-rule-checks-nothing",
                line = line,
                rule = rule.name.as_str(),
                lint = l.message.as_str(),
                code = l.code
            );
            Some(data::Note {
                file: file.path.clone(),
                message,
                rules: vec![rule.name.clone()],
            })
        })
        .collect()
}

/// Per rule of the case's own policies, each `where` or `when` that can
/// never be true (`custodia::lint::never_true`): such a rule checks
/// nothing, and the tool knows it, so it is not checked and the run not
/// fully checked (docs/reports.md, "A rule that can never apply"; hostile
/// review h23b #11: `where r.status matches "^destoryed$"` was a note, and
/// the run COMPLIANT, exit 0). The packs' rules are not the case's to fix.
fn rules_never_true(
    checked: &Checked,
    as_of: jiff::civil::Date,
) -> Vec<(String, crate::report::model::NeverTrue)> {
    (crate::lint::never_true(checked, as_of).into_iter())
        .filter_map(|(span, what, why)| {
            let file = checked.sources.get(span.file);
            if file.path.starts_with(crate::check::BUILTIN_PREFIX) {
                return None;
            }
            let rule = checked.rules.iter().find(|r| {
                r.span.file == span.file && r.span.start <= span.start && span.end <= r.span.end
            })?;
            let (line, _) = file.line_col(span.start);
            let n = crate::report::model::NeverTrue { line, what, why };
            Some((rule.name.clone(), n))
        })
        .collect()
}

fn posix_zone_note(zone: &str, from: &str, lang: crate::i18n::Lang) -> Option<data::Note> {
    let hours = zone.strip_prefix("Etc/GMT")?;
    let (sign, n) = hours.split_at(hours.find(|c: char| c.is_ascii_digit())?);
    let offset = match sign {
        "+" => format!("-{n:0>2}:00"),
        "-" => format!("+{n:0>2}:00"),
        _ => return None,
    };
    Some(data::Note {
        file: from.into(),
        message: t!(lang, "note-posix-zone", zone = zone, offset = offset),
        rules: Vec::new(),
    })
}

/// A file whose header lacks the column of a field that has a default, and
/// rules read that field: every row took the default (`legal_hold = false`)
/// and the report says so, since a column left out of an export reads as
/// "no legal hold" on every record (docs/inputs-and-reports.md).
/// How a note names what lacks a column: a YAML or JSON file's rows have
/// fields (`yes`), a database table (`table`) or query (`query`) columns
/// and is no file (hostile review, 2026-12-07), a table file columns.
fn source_shape(source: &str) -> &'static str {
    if let Some(what) = source.strip_prefix("db:").and_then(|r| r.split_once('/')) {
        let first = what.1.split_whitespace().next().unwrap_or("");
        return match ["select", "with"].contains(&first.to_ascii_lowercase().as_str()) {
            true => "query",
            false => "table",
        };
    }
    let document = std::path::Path::new(source)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            ["yaml", "yml", "json", "jsonl"].contains(&e.to_ascii_lowercase().as_str())
        });
    if document {
        "yes"
    } else {
        "no"
    }
}

fn defaulted_notes(
    checked: &Checked,
    readers: &Readers,
    defaulted: &[(String, CollId, FieldId)],
    lang: crate::i18n::Lang,
) -> Vec<data::Note> {
    defaulted
        .iter()
        .filter_map(|(file, coll, field)| {
            let rules = readers.get(&(*coll, *field))?;
            let f = checked.schema.collection(*coll).field(*field);
            let shown: Vec<String> = rules.iter().take(3).map(|r| format!("`{r}`")).collect();
            let shown = shown.join(&t!(lang, "list-comma"));
            let more = rules.len().saturating_sub(3);
            let all: Vec<String> = rules.iter().map(|r| r.to_string()).collect();
            let document = source_shape(file);
            let Some(default) = f.default.as_ref().map(|d| default_text(d, lang)) else {
                // An optional field: read as missing in every row.
                let message = t!(
                    lang,
                    "review-optional-column-absent",
                    field = f.name.as_str(),
                    rules = shown,
                    count = rules.len(),
                    more = more,
                    document = document
                );
                return Some(data::Note {
                    file: file.clone(),
                    message,
                    rules: all.clone(),
                });
            };
            let readers = t!(
                lang,
                "app-defaulted-readers",
                rules = shown,
                count = rules.len(),
                more = more
            );
            Some(data::Note {
                file: file.clone(),
                message: t!(
                    lang,
                    "app-defaulted-column",
                    field = &f.name,
                    default = default,
                    readers = readers,
                    document = document
                ),
                rules: all,
            })
        })
        .collect()
}

/// Decision (2026-12-05, hostile review): a file without the column of a
/// bool, date or datetime field a rule reads (or with it blank in every
/// row that has the other; a mapped file's entry reading nothing into
/// it), holding an undeclared column (a mapped file's unread one)
/// every value of which reads as that type (`诉讼保全` of `是`/`否` in an
/// inventory without `legal_hold`), is an input error at the column's first
/// value: the field took its default (or was missing) in every row while
/// its values sat in a column nothing reads, and a record under hold that
/// was destroyed passed as COMPLIANT with only a note. The user maps the
/// column, renames it, or declares it when it holds something else.
fn hidden_field_errors(
    checked: &Checked,
    ds: &data::Dataset,
    lang: crate::i18n::Lang,
) -> Vec<InputError> {
    if ds.hidden_fields.is_empty() {
        return Vec::new();
    }
    let readers = field_readers(checked);
    ds.hidden_fields
        .iter()
        .filter_map(|h| {
            let rules = readers.get(&(h.coll, h.field))?;
            let c = checked.schema.collection(h.coll);
            let f = c.field(h.field);
            let shown: Vec<String> = rules.iter().take(3).map(|r| format!("`{r}`")).collect();
            let readers = t!(
                lang,
                "app-defaulted-readers",
                rules = shown.join(&t!(lang, "list-comma")),
                count = rules.len(),
                more = rules.len().saturating_sub(3)
            );
            let read_as = match &f.default {
                Some(d) => format!("`{} = {}`", f.name, default_text(d, lang)),
                None => t!(lang, "app-hidden-field-missing", field = f.name.as_str()),
            };
            let ty = match f.ty {
                check::schema::FieldType::Bool => "bool",
                check::schema::FieldType::Date => "date",
                _ => "datetime",
            };
            // The column an entry maps the field to, when it is not the
            // field's own (blank in every row beside the other).
            let own = (h.entry.is_some() && !h.absent)
                .then(|| mapped_column(ds, &h.file, &c.name, &f.name))
                .flatten()
                .filter(|own| own != &f.name);
            let said = HiddenSaid {
                own: own.as_deref(),
                column: &h.column,
                field: &f.name,
                ty,
                readers: &readers,
                read_as: &read_as,
                collection: &extend_target(c),
                pii: f.pii,
            };
            let message = hidden_field_message(h, &said, lang);
            Some(InputError {
                file: h.file.clone(),
                line: Some(h.line),
                column: h.cell,
                field: None,
                value: None,
                message,
            })
        })
        .collect()
}

/// The collection as `extend` names it in a policy (`record`, `company`,
/// `event access`, `table staff`). **Decision (2026-12-07, hostile review
/// h24a M3):** the advice to declare a column once said `extend staff { … }`,
/// which does not parse; following it stopped the whole policy set.
fn extend_target(c: &check::schema::Collection) -> String {
    use check::schema::CollKind;
    match c.kind {
        CollKind::Record | CollKind::Company => c.kind.as_str().to_string(),
        CollKind::Event | CollKind::Table => format!("{} {}", c.kind.as_str(), c.name),
    }
}

/// The header of the column a mapped file's entry reads into
/// `collection.field`, if one does.
fn mapped_column(ds: &data::Dataset, file: &str, collection: &str, field: &str) -> Option<String> {
    let columns = ds.files.iter().find(|f| f.path == file)?.columns.as_ref()?;
    let i = columns.find(collection, field)?;
    Some(columns.columns[i as usize].column.clone())
}

/// The words of a [`hidden_field_errors`] error.
struct HiddenSaid<'a> {
    /// The column a mapping chose for the field (blank in every row).
    own: Option<&'a str>,
    column: &'a str,
    field: &'a str,
    ty: &'a str,
    readers: &'a str,
    read_as: &'a str,
    collection: &'a str,
    /// The field is declared `pii`: its value in the row is masked.
    pii: bool,
}

/// A hidden field's error: a mapped file's (naming its entry), or a
/// file's whose column of the field is absent or blank in every row.
fn hidden_field_message(h: &data::HiddenField, s: &HiddenSaid, lang: crate::i18n::Lang) -> String {
    let (column, field, ty, collection) = (s.column, s.field, s.ty, s.collection);
    let (readers, read_as) = (s.readers, s.read_as);
    if let Some(end) = &h.end {
        return end_column_message(h, end, s, lang);
    }
    if let Some(value) = &h.worded {
        return t!(
            lang,
            "app-hidden-field-worded",
            column = column,
            field = field,
            value = crate::data::truncate(value),
            readers = readers,
            read_as = read_as,
            collection = collection
        );
    }
    if let Some(gone) = &h.gone {
        let asks = match gone.asks {
            data::StatusAsks::Present => "present",
            data::StatusAsks::Left => "left",
            data::StatusAsks::Status => "status",
        };
        let held = gone.held.map_or("blank".to_string(), |d| d.to_string());
        return t!(
            lang,
            "app-hidden-field-gone",
            column = column,
            asks = asks,
            held = held,
            word = gone.word.as_str(),
            field = field,
            ty = ty,
            readers = readers,
            read_as = read_as,
            collection = collection
        );
    }
    if h.row {
        return t!(
            lang,
            "app-hidden-field-row",
            column = column,
            field = field,
            ty = ty,
            readers = readers,
            read_as = read_as,
            collection = collection
        );
    }
    match (h.entry, h.absent, s.own) {
        (Some(line), _, Some(own)) => t!(
            lang,
            "app-hidden-field-mapped-blank",
            column = column,
            field = field,
            own = own,
            ty = ty,
            readers = readers,
            read_as = read_as,
            collection = collection,
            line = line
        ),
        (Some(line), absent, None) => t!(
            lang,
            "app-hidden-field-mapped",
            column = column,
            field = field,
            ty = ty,
            readers = readers,
            read_as = read_as,
            collection = collection,
            line = line,
            blank = if absent { "no" } else { "yes" }
        ),
        (None, true, _) => t!(
            lang,
            "app-hidden-field",
            column = column,
            field = field,
            ty = ty,
            readers = readers,
            read_as = read_as,
            collection = collection
        ),
        (None, false, _) => t!(
            lang,
            "app-hidden-field-blank",
            column = column,
            field = field,
            ty = ty,
            readers = readers,
            read_as = read_as,
            collection = collection
        ),
    }
}

/// A column named as an end (`离职日期`) beside a table row's end date
/// (`authorized_to`): holding an earlier date, or a value that reads as no
/// date (docs/inputs-and-reports.md, "an end column earlier than the
/// row's end"). A mapped file's names the column read into the field and
/// the entry's line.
fn end_column_message(
    h: &data::HiddenField,
    end: &data::EndSaid,
    s: &HiddenSaid,
    lang: crate::i18n::Lang,
) -> String {
    let mapped = if h.entry.is_some() { "yes" } else { "no" };
    let own = s.own.unwrap_or(s.field);
    let line = h.entry.unwrap_or(0);
    match end {
        data::EndSaid::Earlier(date, field_date) => t!(
            lang,
            "app-end-column-earlier",
            column = s.column,
            mapped = mapped,
            own = own,
            line = line,
            date = date.to_string(),
            // The row's own value of a `pii` field is not shown.
            field_date = match s.pii {
                true => crate::pii::mask(&field_date.to_string()),
                false => field_date.to_string(),
            },
            field = s.field,
            ty = s.ty,
            readers = s.readers,
            collection = s.collection
        ),
        data::EndSaid::Undated(value) => t!(
            lang,
            "app-end-column-undated",
            column = s.column,
            mapped = mapped,
            own = own,
            line = line,
            value = crate::data::truncate(value),
            field = s.field,
            ty = s.ty,
            readers = s.readers,
            collection = s.collection
        ),
    }
}

/// The rules that read each field, in rule order.
type Readers<'c> = BTreeMap<(CollId, FieldId), Vec<&'c str>>;

/// [`Readers`] of the checked set.
fn field_readers(checked: &Checked) -> Readers<'_> {
    let mut readers: BTreeMap<(CollId, FieldId), Vec<&str>> = BTreeMap::new();
    for rule in &checked.rules {
        // Join keys and message holes included (`eval::reads`).
        crate::eval::reads::each_field_read(rule, &mut |coll, field| {
            let names = readers.entry((coll, field)).or_default();
            if names.last() != Some(&rule.name.as_str()) {
                names.push(&rule.name);
            }
        });
    }
    readers
}

/// A database source of a log or table whose result held no row: the
/// rules over its collection had nothing to check in it (a `WHERE` with a
/// typo'd year reads as "no such events"; docs/databases.md).
fn empty_source_notes(
    checked: &Checked,
    readers: &Readers,
    ds: &data::Dataset,
    lang: crate::i18n::Lang,
) -> Vec<data::Note> {
    ds.empty_sources
        .iter()
        .filter_map(|(source, coll)| {
            let mut rules: Vec<&str> = Vec::new();
            let subject = checked.rules.iter().filter(|r| r.subject == *coll);
            rules.extend(subject.map(|r| r.name.as_str()));
            for ((c, _), names) in readers.range((*coll, FieldId(0))..) {
                if c != coll {
                    break;
                }
                rules.extend(names.iter().copied());
            }
            rules.sort_unstable();
            rules.dedup();
            if rules.is_empty() {
                return None;
            }
            let shown: Vec<String> = rules.iter().map(|r| format!("`{r}`")).collect();
            let collection = checked.schema.collection(*coll).name.as_str();
            Some(data::Note {
                file: source.clone(),
                message: t!(
                    lang,
                    "review-empty-db-source",
                    collection = collection,
                    rules = shown.join(&t!(lang, "list-comma")),
                    count = rules.len()
                ),
                rules: rules.iter().map(|r| r.to_string()).collect(),
            })
        })
        .collect()
}

/// A schema default as a policy writes it.
fn default_text(v: &crate::value::Value, lang: crate::i18n::Lang) -> String {
    use crate::value::Value;
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Dec(d) => d.to_string(),
        Value::Str(s) => format!("\"{s}\""),
        Value::Date(d) => d.to_string(),
        // An enum's default is an interned symbol: named by the field alone.
        _ => t!(lang, "app-its-default"),
    }
}

/// What the command line accepted of the scope a run did not check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accepted {
    /// `--allow-not-checked`: rules without their data, objects a rule
    /// could not decide, an empty inventory, nothing applied.
    pub not_checked: bool,
    /// `--allow-skipped`: rows left out by a `skip:` of custodia.yaml.
    pub skipped: bool,
}

/// 2 when the check is incomplete, or when a rule was not checked for want
/// of data or could not decide some objects (findings of insufficient
/// evidence only when the run would otherwise pass), or the inventory is empty
/// (unless `--allow-not-checked`), or
/// when a `skip:` left rows out (unless `--allow-skipped`); then 1 or 0 by
/// `--fail-on` (docs/reports.md, "Verdict and rule status").
pub fn exit_status(report: &Report, fail_on: FailOn, accepted: Accepted) -> u8 {
    if !report.complete
        || (!accepted.not_checked && !report.rules_checked_but_findings())
        || (report.skipped.iter())
            .any(|s| !(accepted.skipped && s.what.accepted_by_allow_skipped()))
    {
        return 2;
    }
    match (fail_on.threshold(), report.max_unwaived_severity()) {
        (Some(t), Some(worst)) if worst >= t => 1,
        // Findings of insufficient evidence: subjects not checked. A run
        // that fails already says it is no pass; one that would pass is
        // not fully checked (h24b F10: a warning rule's exited 0).
        _ if !accepted.not_checked && !report.rules_fully_checked() => 2,
        _ => 0,
    }
}

/// Why a check would prove nothing, before any data is read: a policy set
/// without rules, or a case without an inventory when rules read records.
/// Either would otherwise end "compliant" with nothing checked.
fn nothing_to_check(
    lang: crate::i18n::Lang,
    checked: &Checked,
    inputs: &case::CaseInputs,
    policy_files: &[InputFile],
) -> Option<String> {
    if checked.rules.is_empty() {
        let files: Vec<&str> = policy_files.iter().map(|f| f.path.as_str()).collect();
        let files = if files.is_empty() {
            t!(lang, "audit-none")
        } else {
            files.join(&t!(lang, "list-comma"))
        };
        return Some(t!(lang, "stop-no-rules", files = files) + "\n");
    }
    // A set none of whose rules ranges over records (company deadlines, or
    // events that only refer to records) can run without one: a rule that
    // reads records through a ref is then reported not checked (no data).
    let reads_records = checked
        .schema
        .record()
        .is_some_and(|record| checked.rules.iter().any(|r| r.subject == record));
    let from_db = inputs
        .databases
        .iter()
        .chain(&inputs.in_place)
        .any(|d| d.role.as_str() == "inventory");
    if inputs.inventory.is_empty() && !from_db && reads_records {
        let case = inputs.root.display().to_string();
        return Some(t!(lang, "stop-no-inventory", case = case) + "\n");
    }
    None
}

/// The time zone by IANA name and the evaluation date (default today there).
pub fn resolve_time(tz_name: &str, as_of: Option<&str>) -> Result<(TimeZone, Date), String> {
    let lang = crate::i18n::message_lang();
    let tz = TimeZone::get(tz_name)
        .map_err(|_| t!(lang, "stop-bad-time-zone", zone = tz_name) + "\n")?;
    let as_of = resolve_as_of(as_of, &tz)?;
    Ok((tz, as_of))
}

fn resolve_as_of(given: Option<&str>, tz: &TimeZone) -> Result<Date, String> {
    match given {
        Some(s) => data::convert::parse_date(s)
            .ok_or_else(|| t!(crate::i18n::message_lang(), "app-bad-as-of", value = s) + "\n"),
        None => Ok(jiff::Timestamp::now().to_zoned(tz.clone()).date()),
    }
}

/// Reads every `*.policy` file given (in path order) and the built-in packs
/// named, or the default packs when neither is given (`validate`, `test`,
/// `schema`). Returns the sources and their input records (hashes).
pub fn load_policies(inputs: &case::CaseInputs) -> Result<(SourceMap, Vec<InputFile>), String> {
    let (mut sources, mut files, mut problems) = read_policy_files(inputs);
    // No policies and no packs: the standard packs (data-and-reports.md 1).
    let packs: Vec<String> = if inputs.policies.is_empty() && inputs.packs.is_empty() {
        crate::packs::defaults()
            .into_iter()
            .map(String::from)
            .collect()
    } else {
        inputs.packs.clone()
    };
    add_packs(&packs, &mut sources, &mut files, &mut problems);
    finish_policy_set(inputs, sources, files, problems)
}

/// The policy set of a case (`check`, `explain`): its own policies and the
/// packs `packs::choose` picks for it, with what the report must say about
/// that choice.
pub fn load_case_policies(
    inputs: &case::CaseInputs,
) -> Result<(SourceMap, Vec<InputFile>, crate::packs::PackChoice), String> {
    let (mut sources, mut files, mut problems) = read_policy_files(inputs);
    let own_record = check::own_record_file(&sources);
    let mut copy_unfit = None;
    let fits = |packs: &[String]| {
        let files: Vec<(String, &'static str)> = packs
            .iter()
            .filter_map(|p| crate::packs::get(p))
            .flat_map(|files| files.iter())
            .map(|(path, text)| (format!("{}{path}", check::BUILTIN_PREFIX), *text))
            .collect();
        match check::packs_fit(&sources, &files) {
            Ok(()) => true,
            Err(e) => {
                copy_unfit = Some(e);
                false
            }
        }
    };
    let mut choice = crate::packs::choose(
        !inputs.policies.is_empty(),
        inputs.packs_chosen.then_some(inputs.packs.as_slice()),
        own_record.as_deref(),
        fits,
    );
    // The default packs a named list leaves out. A case's own `record`
    // that lacks fields their rules use does not make them apply less:
    // the statutes bind the company whatever its schema, so they are left
    // out unchecked either way (hostile review h23b #5: a five-field
    // `record` took all five packs out and the run said COMPLIANT, exit
    // 0, while `packs: []` said NOT FULLY CHECKED, exit 2).
    if inputs.packs_chosen {
        choice.left_out = (crate::packs::defaults().into_iter())
            .filter(|d| !choice.packs.iter().any(|p| p == d))
            .map(String::from)
            .collect();
    }
    if let Some((file, line)) = &mut choice.unfit_schema {
        *line = record_line(&sources, file).unwrap_or(0);
    }
    if let (Some(e), Some(file)) = (copy_unfit, &own_record) {
        refuse_unfit_copy(&sources, file, &e)?;
    }
    add_packs(&choice.packs, &mut sources, &mut files, &mut problems);
    let (sources, files) = finish_policy_set(inputs, sources, files, problems)?;
    Ok((sources, files, choice))
}

/// The line of the `record` (not an `extend`) that `file` declares: where
/// the reports point when that schema left the packs out.
fn record_line(sources: &SourceMap, file: &str) -> Option<u32> {
    use crate::syntax::ast::{CollectionHead, Item};
    let (id, f) = sources.files().find(|(_, f)| f.path == file)?;
    let parsed = crate::syntax::parsed(sources, id);
    let span = parsed.0.items.iter().find_map(|i| match i {
        Item::Schema(cs) => cs
            .iter()
            .find(|c| !c.extend && c.head.node == CollectionHead::Record)
            .map(|c| c.head.span),
        _ => None,
    })?;
    Some(f.line_col(span.start).0)
}

/// A case `record` that declares nearly every field of the standard one
/// (three in four or more) is a copy of the standard schema with fields
/// changed: dropping the packs for it, with only a note, made a case with
/// statutory violations COMPLIANT (hostile review, 2026-12-04). It stops
/// the run with the first rule of a pack it breaks, unless `packs: []`
/// says the packs are not wanted. A schema of the case's own (acme's 12
/// of 19 fields) keeps the note.
fn refuse_unfit_copy(
    sources: &SourceMap,
    file: &str,
    e: &crate::check::error::CheckError,
) -> Result<(), String> {
    const COPY_SHARE: f64 = 0.75;
    if check::std_record_share(sources) < COPY_SHARE {
        return Ok(());
    }
    let lang = crate::i18n::message_lang();
    let d = e.describe_in(lang);
    Err(t!(
        lang,
        "policy-std-copy-unfit",
        file = file,
        packs = crate::packs::defaults().join(&t!(lang, "list-comma")),
        reason = d.message
    ) + "\n")
}

/// The case's own `.policy` files, and the problems reading them.
fn read_policy_files(inputs: &case::CaseInputs) -> (SourceMap, Vec<InputFile>, Vec<String>) {
    let mut sources = SourceMap::default();
    let mut files = Vec::new();
    let found = crate::policy_files::all(&inputs.policies, &inputs.root);
    let mut problems = found.problems;
    for p in found.files {
        let rel = case::relative(&inputs.root, &p);
        match std::fs::read(&p).map(String::from_utf8) {
            Ok(Ok(text)) => {
                files.push(InputFile {
                    path: rel.clone(),
                    abs: p.clone(),
                    role: "policy",
                    sha256: crate::data::sha256_hex(text.as_bytes()),
                    ..Default::default()
                });
                sources.add(rel, text);
            }
            Ok(Err(_)) => problems.push(
                t!(
                    crate::i18n::message_lang(),
                    "policy-file-not-utf8",
                    file = &rel
                ) + "\n",
            ),
            Err(e) => problems.push(
                t!(
                    crate::i18n::message_lang(),
                    "policy-file-unreadable",
                    file = &rel,
                    error = &e
                ) + "\n",
            ),
        }
    }
    (sources, files, problems)
}

/// Adds the built-in packs `packs` to the set; an unknown name is a problem.
fn add_packs(
    packs: &[String],
    sources: &mut SourceMap,
    files: &mut Vec<InputFile>,
    problems: &mut Vec<String>,
) {
    for (at, pack) in packs.iter().enumerate() {
        // Its rules twice would be "defined twice" errors about a rule the
        // user never wrote (third hostile review, 2026-12-06).
        if packs[..at].contains(pack) {
            let lang = crate::i18n::message_lang();
            problems.push(t!(lang, "policy-pack-listed-twice", pack = pack.as_str()) + "\n");
            continue;
        }
        match crate::packs::get(pack) {
            Some(pack_files) => {
                for (path, text) in pack_files {
                    let name = format!("{}{path}", check::BUILTIN_PREFIX);
                    // Listed with its hash like a case file: the audit report
                    // must say exactly which policy text was applied.
                    files.push(InputFile {
                        path: name.clone(),
                        abs: PathBuf::new(),
                        role: "policy",
                        sha256: crate::data::sha256_hex(text.as_bytes()),
                        ..Default::default()
                    });
                    sources.add(name, *text);
                }
            }
            None => problems.push(
                t!(
                    crate::i18n::message_lang(),
                    "policy-unknown-pack",
                    pack = pack,
                    packs =
                        crate::packs::names().join(&t!(crate::i18n::message_lang(), "list-comma"))
                ) + "\n",
            ),
        }
    }
}

fn finish_policy_set(
    inputs: &case::CaseInputs,
    sources: SourceMap,
    files: Vec<InputFile>,
    mut problems: Vec<String>,
) -> Result<(SourceMap, Vec<InputFile>), String> {
    if sources.files().next().is_none() && problems.is_empty() {
        let case = inputs.root.display().to_string();
        problems.push(t!(crate::i18n::message_lang(), "policy-no-set", case = case) + "\n");
    }
    if problems.is_empty() {
        Ok((sources, files))
    } else {
        Err(problems.concat())
    }
}

/// Input errors as `error: FILE:LINE:COL: message` lines, in the run's
/// message language (before a run knows its own).
pub fn input_error_text(errors: &[InputError]) -> String {
    input_error_text_in(errors, crate::i18n::message_lang())
}

/// [`input_error_text`] in `lang`: a run that knows its language passes it,
/// so that another run in the same process cannot change it midway.
pub fn input_error_text_in(errors: &[InputError], lang: crate::i18n::Lang) -> String {
    errors
        .iter()
        .map(|e| {
            let place = match (e.line, e.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", e.file),
                (Some(l), None) => format!("{}:{l}", e.file),
                _ => e.file.clone(),
            };
            t!(lang, "app-input-error", place = place, message = &e.message) + "\n"
        })
        .collect()
}

/// Policy errors in the run's message language (`schema`, `compile`,
/// `init`: commands that print them before any case language is read;
/// English in a library that never sets it).
pub fn policy_error_text(sources: &SourceMap, errors: &[CheckError], color: bool) -> String {
    policy_error_text_in(sources, errors, color, crate::i18n::message_lang())
}

/// Policy errors in `lang`, each put into words here (`describe_in`).
pub fn policy_error_text_in(
    sources: &SourceMap,
    errors: &[CheckError],
    color: bool,
    lang: crate::i18n::Lang,
) -> String {
    let diags: Vec<_> = errors.iter().map(|e| e.describe_in(lang)).collect();
    render::human::policy_errors(sources, &diags, color, lang)
}

/// `custodia validate`: parse and type-check a policy set without data,
/// then lint it. Exit 2 on errors; 1 on warnings with `deny_warnings`.
pub fn run_validate(paths: &[PathBuf], color: bool) -> Outcome {
    run_validate_with(paths, color, false, None, crate::i18n::Lang::En)
}

/// `lang`: the policy files have no manifest, so `--lang`, else the
/// locale (docs/reports.md, "Languages").
pub fn run_validate_with(
    paths: &[PathBuf],
    color: bool,
    deny_warnings: bool,
    as_of: Option<&str>,
    lang: crate::i18n::Lang,
) -> Outcome {
    let root = PathBuf::from(".");
    let inputs = case::CaseInputs {
        root,
        policies: paths.to_vec(),
        ..Default::default()
    };
    let sources = match load_policies(&inputs) {
        Ok((s, _)) => s,
        Err(m) => return stop(m),
    };
    let today = match resolve_as_of(as_of, &TimeZone::UTC) {
        Ok(d) => d,
        Err(m) => return stop(m),
    };
    match check::check_sources(sources) {
        Ok(c) => {
            let warnings = crate::lint::lint_in(&c, today, lang);
            let mut output = render::human::policy_warnings(&c.sources, &warnings, color, lang);
            output.push_str(&validated(&c, lang));
            if !warnings.is_empty() {
                output.push_str(&t!(lang, "validate-warnings", count = warnings.len()));
                output.push('\n');
            }
            Outcome {
                output,
                errors: String::new(),
                exit: u8::from(deny_warnings && !warnings.is_empty()),
                files: Vec::new(),
            }
        }
        Err((sources, errors)) => stop(policy_error_text_in(&sources, &errors, color, lang)),
    }
}

fn validated(c: &Checked, lang: crate::i18n::Lang) -> String {
    t!(
        lang,
        "validate-ok",
        rules = c.rules.len(),
        collections = c.schema.collections.len(),
        waivers = c.waivers.len(),
        tests = c.tests.len()
    ) + "\n"
}

/// `custodia packs`: the built-in packs, their rules and citations.
/// The language of a case's run: `--lang`, else `lang:` in custodia.yaml,
/// else the locale. A `lang:` custodia does not write is an error, never
/// silently the locale's language.
pub fn case_lang(
    flag: Option<crate::i18n::Lang>,
    inputs: &case::CaseInputs,
) -> Result<crate::i18n::Lang, String> {
    let Some(s) = inputs.lang.as_deref() else {
        return Ok(crate::i18n::Lang::choose(flag, None));
    };
    match crate::i18n::Lang::parse(s) {
        Some(l) => Ok(crate::i18n::Lang::choose(flag, Some(l))),
        None => {
            let lang = crate::i18n::Lang::choose(flag, None);
            Err(t!(lang, "stop-bad-lang", value = s) + "\n")
        }
    }
}

pub fn run_packs(lang: crate::i18n::Lang) -> Outcome {
    match crate::packs::listing(lang) {
        Ok(output) => Outcome {
            output,
            errors: String::new(),
            exit: 0,
            files: Vec::new(),
        },
        Err(m) => stop(m),
    }
}
