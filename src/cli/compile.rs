//! `custodia compile CASE --target spark-sql`: the case's policy set as one
//! Spark SQL script, and (with `--stage DIR`) its data staged for it.

use std::path::PathBuf;

use crate::cli::app::{self, Outcome};
use crate::data::{self, case};

pub struct CompileOptions {
    pub case: PathBuf,
    pub as_of: Option<String>,
    pub tz: Option<String>,
    /// Where the script goes; `None`: standard output.
    pub output: Option<PathBuf>,
    /// Where the staged collections go; `None`: not staged.
    pub stage: Option<PathBuf>,
}

pub fn run_compile(opts: &CompileOptions) -> Outcome {
    match compile_case(opts) {
        Ok(o) => o,
        Err(m) => app::stop(m),
    }
}

fn compile_case(opts: &CompileOptions) -> Result<Outcome, String> {
    let inputs = case::discover(&opts.case, &case::Overrides::default())
        .map_err(|e| app::input_error_text(&e))?;
    let tz_name = opts
        .tz
        .clone()
        .or_else(|| inputs.time_zone.clone())
        .unwrap_or_else(|| "UTC".into());
    let (tz, as_of) =
        app::resolve_time(&tz_name, opts.as_of.as_deref().or(inputs.as_of.as_deref()))?;
    let (sources, _, _) = app::load_case_policies(&inputs)?;
    let checked = crate::check::check_sources(sources)
        .map_err(|(s, e)| app::policy_error_text(&s, &e, false))?;
    // The `spark:` sources are read by the script itself.
    let parts = crate::sql::inplace::resolve(&inputs, &checked.schema)?;
    let compiled = crate::sql::compile_in_place(&checked, &tz_name, as_of, &parts)
        .map_err(|e| format!("{e}\n"))?;
    if let Some(dir) = &opts.stage {
        let ds = data::load_with_progress(
            &inputs,
            &checked.schema,
            &data::LoadOptions {
                tz: &tz,
                strict: false,
            },
            data::CheckLoadOptions {
                spark_reads_in_place: true,
                ..Default::default()
            },
            &|_| {},
        );
        // Staging only what loaded would make Spark check less than the
        // case holds: refuse, as a check would report them.
        if !ds.errors.is_empty() {
            let lang = crate::i18n::message_lang();
            return Err(format!(
                "{}{}\n",
                app::input_error_text(&ds.errors),
                crate::t!(lang, "compile-input-errors")
            ));
        }
        crate::sql::stage::write(&checked, &ds, dir).map_err(|e| {
            let dir = dir.display().to_string();
            let lang = crate::i18n::message_lang();
            crate::t!(lang, "compile-cannot-stage", dir = dir, error = &e) + "\n"
        })?;
    }
    let mut out = Outcome {
        output: String::new(),
        errors: String::new(),
        exit: 0,
        files: vec![],
    };
    match &opts.output {
        Some(p) => out.files.push((p.clone(), compiled.sql)),
        None => out.output = compiled.sql,
    }
    Ok(out)
}
