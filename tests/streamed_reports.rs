//! The CLI writes every report piece by piece (to standard output, and to
//! each `--output` file through a temporary file), escaping control and
//! bidi characters as it goes; the bytes are those of the library's
//! one-`String` rendering (issue 18, security.md "Limits").

mod common;

use common::{custodia_in, rec, Case};
use custodia::cli::app::{run_check, CheckOptions, Format};

/// A case whose rule fails every record, each message carrying a terminal
/// escape, a bidi override and CJK text from the data: enough rows that
/// every report is larger than the 64 KiB write buffer.
fn failing_case() -> tempfile::TempDir {
    let rows: String = (0..1500)
        .map(|i| {
            rec(
                &format!("R{i}"),
                &[("title", &format!("档案\u{1b}[2J{i}\u{202e}x"))],
            )
        })
        .collect();
    let dir = Case::with(
        "rule titled {\n  for record r\n  require r.title == \"x\"\n    else \"{r.id}: {r.title}\"\n}\n",
        &rows,
    )
    .write();
    std::fs::write(dir.path().join("custodia.yaml"), "as_of: 2026-11-27\n").expect("manifest");
    dir
}

fn library_report(dir: &std::path::Path, format: Format) -> String {
    run_check(&CheckOptions {
        case: dir.to_path_buf(),
        format,
        color: false,
        // every finding, so that the human report is large too
        view: custodia::report::model::View {
            per_rule: None,
            summary_only: false,
        },
        // As the binary below is run (`common::ACCEPT_OWN_SCHEMA`).
        allow_skipped: true,
        ..Default::default()
    })
    .output
}

#[test]
fn streamed_reports_are_the_bytes_of_the_string_rendering() {
    let dir = failing_case();
    let root = dir.path();
    for format in Format::ALL {
        let name = format.name();
        let expected = library_report(root, format);
        // GitHub's annotations are capped (ci.md): that one stays small.
        let large = format == Format::Github || expected.len() > 1 << 16;
        assert!(large, "{name}: {} bytes", expected.len());
        assert!(!expected.contains('\u{1b}'), "{name}: a raw escape");
        assert!(!expected.contains('\u{202e}'), "{name}: a raw override");
        let file = root.join(format!("out.{name}"));
        let target = format!("{name}={}", file.display());
        let (code, stdout, err) = custodia_in(
            root,
            &[
                "check",
                ".",
                "--all",
                "--format",
                name,
                "--output",
                &target,
                common::ACCEPT_OWN_SCHEMA,
            ],
        );
        assert_eq!(code, 1, "{name}: {err}");
        assert!(stdout == expected, "{name}: standard output differs");
        let written = std::fs::read_to_string(&file).expect("the --output file");
        assert!(written == expected, "{name}: the --output file differs");
    }
}

/// A report whose writing fails half-way never replaces the old file, and
/// leaves no temporary file behind.
#[test]
fn a_stream_that_fails_keeps_the_old_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.html");
    custodia::output::write_atomic(&path, "old").expect("write");
    let failed = custodia::output::write_atomic_with(&path, |w| {
        w.write_all(&vec![b'x'; 1 << 20])?;
        Err(std::io::Error::other("the renderer stopped"))
    });
    assert!(failed.is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}
