//! `custodia fmt`: the layout is canonical and meaning-preserving.
//! Properties, over every `.policy` file of the repository, over layouts and
//! comments shuffled into them, and over generated syntax trees:
//! parse(fmt(x)) == parse(x), fmt(fmt(x)) == fmt(x), and no comment is lost.

mod common;

use common::custodia;

use std::path::Path;

use custodia::fmt::expr::ExprPrinter;
use custodia::fmt::{comments, format_ast, format_source, width, MAX_WIDTH};
use custodia::syntax::ast::*;
use custodia::syntax::localized::Localized;
use custodia::syntax::parse_file;
use custodia::syntax::span::{FileId, Span, Spanned};
use proptest::prelude::*;

/// The tree of a policy text, without positions: `Spanned` ignores its span
/// in equality, but the `span` fields of rules, clauses and messages do not.
fn parse(text: &str) -> String {
    let (ast, errors) = parse_file(text, FileId(0));
    assert!(errors.is_empty(), "does not parse: {errors:?}\n{text}");
    shape(&ast)
}

fn shape(ast: &PolicyFile) -> String {
    let spans = regex::Regex::new(r"Span \{ file: FileId\(\d+\), start: \d+, end: \d+ \}")
        .expect("a valid pattern");
    spans.replace_all(&format!("{ast:?}"), "_").into_owned()
}

fn comment_texts(text: &str) -> Vec<String> {
    let mut c: Vec<String> = comments::scan(text).into_iter().map(|c| c.text).collect();
    c.sort();
    c
}

/// The three properties for one source text that parses.
fn assert_fmt_properties(name: &str, text: &str) {
    let once = format_source(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(
        parse(&once),
        parse(text),
        "{name}: fmt changed the meaning:\n{once}"
    );
    let twice = format_source(&once).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(twice, once, "{name}: fmt is not idempotent");
    assert_eq!(
        comment_texts(&once),
        comment_texts(text),
        "{name}: comments lost"
    );
}

fn policy_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["policies", "examples", "tests", "docs"] {
        for e in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let e = e.expect("walk the repository");
            if e.path().extension().is_some_and(|x| x == "policy") {
                // The bad-input catalogue holds policies that are not UTF-8
                // on purpose; fmt is only defined on text.
                let Ok(text) = std::fs::read_to_string(e.path()) else {
                    continue;
                };
                out.push((e.path().display().to_string(), text));
            }
        }
    }
    out
}

/// The code blocks of the spec and of docs/language.md that parse as policies.
fn policy_blocks() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for doc in ["tests/spec/language.md", "docs/language.md"] {
        let text = std::fs::read_to_string(root.join(doc)).expect("read the doc");
        let mut block: Option<String> = None;
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("```") {
                match block.take() {
                    Some(b) if parse_file(&b, FileId(0)).1.is_empty() => {
                        out.push((format!("{doc}:{n}"), b))
                    }
                    Some(_) => {}
                    None => block = Some(String::new()),
                }
            } else if let Some(b) = block.as_mut() {
                b.push_str(line);
                b.push('\n');
            }
        }
    }
    out
}

#[test]
fn every_policy_file_in_the_repository_formats_stably() {
    let files = policy_files();
    assert!(files.len() >= 10, "found only {} policy files", files.len());
    for (name, text) in files {
        if parse_file(&text, FileId(0)).1.is_empty() {
            assert_fmt_properties(&name, &text);
        } else {
            assert!(
                format_source(&text).is_err(),
                "{name}: fmt must refuse bad syntax"
            );
        }
    }
}

#[test]
fn every_policy_block_of_the_docs_formats_stably() {
    let blocks = policy_blocks();
    assert!(blocks.len() >= 5, "found only {} blocks", blocks.len());
    for (name, text) in blocks {
        assert_fmt_properties(&name, &text);
    }
}

#[test]
fn canonical_layout_snapshot() {
    let src = r#"// header comment

policy "p" { version "1"   owner "合规部" }
let   classes=["a","b"]   // trailing
rule  r1 { cite "x"  title "t"
  for record r where r.status=="destroyed" and (r.class in classes or not(r.title contains "x"))
  // before the match
  match destruction d on d.record==r.id else "no {r.id}"
  require len(d.witnesses)>=2 and d.approved_by is set and d.place != "" and d.method in ["shred", "pulp"] else "long message {r.id} {len(d.witnesses)}"
  let n = count(access a where a.record == r.id and a.purpose is set and a.at > r.created and a.actor is set)
  // at the end of the rule
}
waive r1 for "R-1" until 2027-01-31 because "reason" by "李伟"
test "t" { given record { id: "R1", title: "x", class: "general", category: "c", created: 2020-01-01, status: "destroyed" }
  expect r1 fails for "R1" }
"#;
    let out = format_source(src).expect("formats");
    insta::assert_snapshot!(out);
    assert_fmt_properties("snapshot", src);
}

/// The widest line of a text, in display columns.
fn widest(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

#[test]
fn long_conditions_break_before_their_top_level_and_or() {
    let src = r#"rule long {
  for record r where r.status == "destroyed" and r.location is set and r.category.statutory and not r.legal_hold
  let n = count(access a where a.record == r.id and a.purpose is set and a.at > r.created and a.actor is set)
  when r.medium == "electronic" and r.status in ["active", "archived"] and (r.class == "sensitive" or r.sensitive_personal_info)
  require (r.closed is set and r.closed within 30 days after r.created and r.location is set) or (r.closed is missing and as_of <= r.created + 30 days) else "not closed in time"
  match destruction d on d.record == r.id and d.approved_by is set and d.method in ["shred", "pulp"] and d.place != ""
  forbid access a on a.record == r.id and date(a.at) > r.closed and not exists(approval p where p.access == a.id and p.granted is set and date(p.at) <= r.closed)
  require count(access a where a.record == r.id and a.purpose is set and a.at > r.created and a.actor is set) >= 2
  require r.title is set and (r.class is set or r.location is set) else "short: one line"
}

let wanted = r.status == "destroyed" and r.location is set and r.category.statutory and not r.legal_hold
"#;
    let out = format_source(src).expect("formats");
    insta::assert_snapshot!(out);
    assert!(
        widest(&out) <= MAX_WIDTH,
        "a line passes {MAX_WIDTH}:\n{out}"
    );
    assert!(
        out.contains(
            "  require r.title is set and (r.class is set or r.location is set) else \"short: one line\"\n"
        ),
        "a condition that fits stays on one line:\n{out}"
    );
    assert_fmt_properties("long conditions", src);
}

#[test]
fn an_and_inside_an_or_is_parenthesised_and_other_redundant_parentheses_go() {
    let cases = [
        ("a and b or c and d", "(a and b) or (c and d)"),
        ("(a and b) or (c and d)", "(a and b) or (c and d)"),
        ("a or b and c", "a or (b and c)"),
        ("(a) or (b)", "a or b"),
        ("(a or b) and c", "(a or b) and c"),
        ("a or (b or c)", "a or (b or c)"),
        ("(a or b) or c", "a or b or c"),
        ("not (a and b) or c", "not (a and b) or c"),
        (
            "a or exists(x y where y.p and y.q)",
            "a or exists(x y where y.p and y.q)",
        ),
        ("(a == 1 and b) == c", "(a == 1 and b) == c"),
    ];
    for (cond, want) in cases {
        let src = format!("rule r {{\n  for record r\n  require {cond}\n}}\n");
        let out = format_source(&src).expect("formats");
        assert_eq!(
            out,
            format!("rule r {{\n  for record r\n  require {want}\n}}\n"),
            "{cond}"
        );
        assert_fmt_properties(cond, &src);
    }
}

#[test]
fn a_broken_or_keeps_the_parentheses_of_its_and_operands() {
    let src = r#"rule r {
  for company c
  require c.liquidation_group_formed is set and c.liquidation_group_formed within 15 days after c.dissolution_cause or c.liquidation_group_formed is missing and as_of <= c.dissolution_cause + 15 days
}
"#;
    let out = format_source(src).expect("formats");
    assert_eq!(
        out,
        r#"rule r {
  for company c
  require (c.liquidation_group_formed is set
              and c.liquidation_group_formed within 15 days after c.dissolution_cause)
          or (c.liquidation_group_formed is missing and as_of <= c.dissolution_cause + 15 days)
}
"#
    );
    assert_fmt_properties("broken or", src);
}

/// Each operand's parentheses are decided without printing it, so a deep
/// condition formats in time proportional to its size times its depth (a
/// printer that printed each operand twice to decide would take 2^30 steps).
#[test]
fn deeply_nested_conditions_format_quickly() {
    let mut cond = "r.liquidation_group_formed is set".to_string();
    for i in 0..30 {
        let op = if i % 2 == 0 { "and" } else { "or" };
        cond = format!("r.dissolution_cause_{i} is set {op} ({cond})");
    }
    let src = format!("rule r {{\n  for record r\n  require {cond}\n}}\n");
    let started = std::time::Instant::now();
    assert_fmt_properties("deep", &src);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn line_width_counts_a_cjk_character_as_two_columns() {
    // 82 characters but 101 columns: it must break.
    let cond = r#"r.title == "客户档案销毁记录登记表" and r.location == "深圳档案室第三排" and r.class is set"#;
    let line = format!("  require {cond}");
    assert!(line.chars().count() <= MAX_WIDTH && width(&line) > MAX_WIDTH);
    let src = format!("rule r {{\n  for record r\n  require {cond}\n}}\n");
    let out = format_source(&src).expect("formats");
    assert_eq!(
        out,
        "rule r {\n  for record r\n  require r.title == \"客户档案销毁记录登记表\"\n          and r.location == \"深圳档案室第三排\"\n          and r.class is set\n}\n"
    );
    // Trailing comments line up on the screen, not by character count.
    let src = "rule r {\n  title \"销毁\" // a\n  severity error // b\n  for record r\n}\n";
    let out = format_source(src).expect("formats");
    let columns: Vec<usize> = out
        .lines()
        .filter_map(|l| l.find("//").map(|at| width(&l[..at])))
        .collect();
    assert_eq!(columns, [18, 18], "{out}");
}

#[test]
fn chinese_names_count_two_columns_a_character_too() {
    // Names, not strings, make the line 77 characters but 101 columns.
    let cond = "档.保管期限起算日期 >= 最短保管期限 and 档.题名 is set and 档.存放位置 is set and 档.密级 is set";
    let line = format!("  require {cond}");
    assert!(
        line.chars().count() <= MAX_WIDTH && width(&line) > MAX_WIDTH,
        "{}",
        width(&line)
    );
    let src = format!("rule 规则 {{\n  for record 档\n  require {cond}\n}}\n");
    let out = format_source(&src).expect("formats");
    assert_eq!(
        out,
        "rule 规则 {\n  for record 档\n  require 档.保管期限起算日期 >= 最短保管期限\n          and 档.题名 is set\n          and 档.存放位置 is set\n          and 档.密级 is set\n}\n"
    );
}

#[test]
fn control_characters_in_the_source_do_not_confuse_comment_alignment() {
    let src = "rule r {\n  title \"a\u{1}b\"  // one\n  for record r  // two\n}\n";
    assert_fmt_properties("control character", src);
    let out = format_source(src).expect("formats");
    assert!(out.contains("title \"a\u{1}b\"  // one\n"), "{out:?}");
}

#[test]
fn fmt_check_prints_a_diff_and_exits_1_then_fmt_fixes_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.policy");
    std::fs::write(
        &file,
        "rule r {\n for record r\n    require r.title is set // why\n}\n",
    )
    .expect("write");
    let path = file.to_str().expect("utf-8 path");
    let (code, out, err) = custodia(&["fmt", "--check", path]);
    assert_eq!(code, 1, "{out}{err}");
    let shown = out.replace(path, "a.policy");
    insta::assert_snapshot!(shown);
    let (code, out, _) = custodia(&["fmt", path]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 of 1 file(s) reformatted"), "{out}");
    let (code, out, _) = custodia(&["fmt", "--check", path]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "0 of 1 file(s) would be reformatted\n");
}

/// The policies users copy from (the examples and the packs) are in the
/// layout `custodia fmt` gives them, so `fmt --check` in their own CI does
/// not start by flagging what they copied.
#[test]
fn shipped_policies_are_in_the_canonical_layout() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut canonical = Vec::new();
    for dir in ["examples", "policies"] {
        for e in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let e = e.expect("walk the repository");
            if e.path().extension().is_some_and(|x| x == "policy") {
                canonical.push(e.path().to_str().expect("utf-8 path").to_string());
            }
        }
    }
    assert!(
        canonical.len() >= 12,
        "found only {} files",
        canonical.len()
    );
    let mut args = vec!["fmt", "--check"];
    args.extend(canonical.iter().map(String::as_str));
    let (code, out, err) = custodia(&args);
    assert_eq!(
        code, 0,
        "not in the canonical layout; run `custodia fmt` on them:\n{out}{err}"
    );
}

#[test]
fn fmt_refuses_a_file_that_does_not_parse() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bad.policy");
    std::fs::write(&file, "rule r {\n  for record\n}\n").expect("write");
    let (code, _, err) = custodia(&["fmt", file.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert!(err.contains("expected"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "rule r {\n  for record\n}\n",
        "a file with errors is left alone"
    );
}

/// The rule of hostile review h19: a lone CR after a comment ends it, so
/// `+ 1 year` on the next line is code (the period ends a year later).
const LONE_CR_RULE: &str = "destruction deleted {\n  for destruction d\n  require date(d.at) <= d.record.created  // 保管期满日\r           + 1 year\n}\n";

/// fmt's comment scan ends a comment where the grammar does: at LF, CRLF,
/// a lone CR. It ended one at LF only, took the code after a lone CR into
/// the comment and printed it twice (`+ 1 year + 1 year`, one more a run).
#[test]
fn a_comment_ended_by_a_lone_cr_keeps_the_code_after_it() {
    assert_fmt_properties("lone CR", LONE_CR_RULE);
    let out = format_source(LONE_CR_RULE).expect("formats");
    assert_eq!(
        out,
        "destruction deleted {\n  for destruction d\n  require date(d.at) <= d.record.created + 1 year\n  // 保管期满日\n}\n"
    );
    // A file with CR or CRLF line ends throughout formats as with LF.
    let lf =
        "rule r {  // one\n  for record r\n\n  // two\n  require r.title is set  // three\n}\n";
    let expected = format_source(lf).expect("formats");
    for end in ["\r", "\r\n"] {
        let text = lf.replace('\n', end);
        assert_fmt_properties(&format!("{end:?} line ends"), &text);
        assert_eq!(format_source(&text).expect("formats"), expected, "{end:?}");
    }
}

/// The safety net: fmt writes nothing that parses to another tree, and
/// says where the file would have changed, in both languages.
#[test]
fn fmt_refuses_text_that_would_mean_something_else() {
    let (before, errors) = parse_file(LONE_CR_RULE, FileId(0));
    assert!(errors.is_empty(), "{errors:?}");
    let doubled = "destruction deleted {\n  for destruction d\n  require date(d.at) <= d.record.created + 1 year + 1 year\n}\n";
    let relaid = "destruction deleted { for destruction d require date(d.at)\n <= (d.record.created + 1 year) }";
    assert_eq!(
        custodia::fmt::read_back(&before, relaid.to_string()),
        Ok(relaid.to_string()),
        "layout is no difference"
    );
    let errors = custodia::fmt::read_back(&before, doubled.to_string()).expect_err("refused");
    assert_eq!(errors[0].message.id, "fmt-would-change-meaning");
    let mut sources = custodia::syntax::span::SourceMap::default();
    sources.add("rules.policy", LONE_CR_RULE);
    let errors: Vec<_> = errors
        .into_iter()
        .map(custodia::check::CheckError::Syntax)
        .collect();
    let shown: Vec<String> = [custodia::i18n::Lang::En, custodia::i18n::Lang::Zh]
        .into_iter()
        .map(|lang| custodia::cli::app::policy_error_text_in(&sources, &errors, false, lang))
        .collect();
    insta::assert_snapshot!(shown.join("\n"));
}

/// A formatted text that does not parse for another reason than the
/// nesting limit is fmt's fault, and not explained as the nesting limit
/// (a file with CR line ends throughout was refused so).
#[test]
fn a_read_back_failure_other_than_nesting_is_not_blamed_on_nesting() {
    let (before, _) = parse_file(LONE_CR_RULE, FileId(0));
    let errors = custodia::fmt::read_back(&before, "rule r {".to_string()).expect_err("refused");
    assert_eq!(errors[0].message.id, "fmt-read-back-failed");
    assert!(
        !errors[0].message.to_string().contains("nesting"),
        "{}",
        errors[0].message
    );
}

// ---- generated syntax trees -------------------------------------------

fn sp<T>(node: T) -> Spanned<T> {
    Spanned::new(node, Span::new(FileId(0), 0, 0))
}

fn ident() -> impl Strategy<Value = Ident> {
    // Names that start like keywords test the keyword boundaries, with
    // ASCII and with Chinese characters after the keyword (`for档`).
    prop::sample::select(vec![
        "r", "d", "x_1", "notes", "order", "index", "format", "records", "档案", "for档", "in期限",
    ])
    .prop_map(|s| sp(s.to_string()))
}

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "a",
        "销毁",
        "say \"hi\"",
        "back\\slash",
        "line\nbreak",
        "tab\there",
        "{braces}",
        "// not a comment",
    ])
    .prop_map(String::from)
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        text().prop_map(Literal::Text),
        (-1000i64..100_000).prop_map(Literal::Int),
        (-100_000i64..100_000).prop_map(|n| Literal::Decimal(n as f64 / 100.0)),
        any::<bool>().prop_map(Literal::Bool),
        (1900i16..2200, 1i8..=12, 1i8..=28)
            .prop_map(|(y, m, d)| Literal::Date(jiff::civil::date(y, m, d))),
        (0i64..4_000_000_000).prop_map(|s| {
            Literal::DateTime(jiff::Timestamp::from_second(s).expect("in range"))
        }),
        (
            0i64..500,
            prop::sample::select(vec!["years", "month", "weeks", "day", "hours", "minutes"])
        )
            .prop_map(|(n, u)| {
                Literal::Duration(
                    custodia::syntax::lower::duration_from(n, u).expect("small duration"),
                )
            }),
        Just(Literal::Duration(Duration::Permanent)),
    ]
}

/// Expressions; `strings` = whether text literals may appear (not inside a
/// message hole, which lives inside a string itself).
fn expr(strings: bool) -> BoxedStrategy<Expr> {
    let lit = literal().prop_filter("no text in holes", move |l| {
        strings || !matches!(l, Literal::Text(_))
    });
    let leaf = prop_oneof![
        lit.prop_map(|l| sp(ExprKind::Literal(l))),
        prop::sample::select(vec!["r", "notes", "as_of", "company"])
            .prop_map(|n| sp(ExprKind::Name(n.to_string()))),
    ];
    leaf.prop_recursive(4, 24, 3, move |inner| {
        let boxed = inner.clone();
        let b = move || boxed.clone().prop_map(Box::new);
        let bin = prop::sample::select(vec![
            BinaryOp::Or,
            BinaryOp::And,
            BinaryOp::Eq,
            BinaryOp::Ne,
            BinaryOp::Lt,
            BinaryOp::Le,
            BinaryOp::Gt,
            BinaryOp::Ge,
            BinaryOp::Add,
            BinaryOp::Sub,
            BinaryOp::Mul,
            BinaryOp::Div,
        ]);
        let mut options: Vec<BoxedStrategy<Expr>> = vec![
            prop::collection::vec(inner.clone(), 0..3)
                .prop_map(|v| sp(ExprKind::List(v)))
                .boxed(),
            (b(), ident())
                .prop_map(|(e, f)| sp(ExprKind::Field(e, f)))
                .boxed(),
            (any::<bool>(), b())
                .prop_map(|(not, e)| {
                    // `-5` is read as the literal -5, never as a negation.
                    let literal_number = matches!(
                        e.node,
                        ExprKind::Literal(Literal::Int(_) | Literal::Decimal(_))
                    );
                    let op = if not || literal_number {
                        UnaryOp::Not
                    } else {
                        UnaryOp::Neg
                    };
                    sp(ExprKind::Unary(op, e))
                })
                .boxed(),
            (bin, b(), b())
                .prop_map(|(op, a, c)| sp(ExprKind::Binary(op, a, c)))
                .boxed(),
            (b(), b(), any::<bool>())
                .prop_map(|(item, list, negated)| {
                    sp(ExprKind::In {
                        item,
                        list,
                        negated,
                    })
                })
                .boxed(),
            (b(), b())
                .prop_map(|(a, c)| sp(ExprKind::Contains(a, c)))
                .boxed(),
            (b(), any::<bool>())
                .prop_map(|(value, set)| sp(ExprKind::Is { value, set }))
                .boxed(),
            (b(), b(), any::<bool>(), b())
                .prop_map(|(value, window, after, anchor)| {
                    sp(ExprKind::Within {
                        value,
                        window,
                        after,
                        anchor,
                    })
                })
                .boxed(),
            (
                prop::sample::select(vec!["len", "lower", "days_between"]),
                prop::collection::vec(inner.clone(), 0..3),
            )
                .prop_map(|(f, args)| sp(ExprKind::Call(sp(f.to_string()), args)))
                .boxed(),
            (any::<bool>(), ident(), ident(), prop::option::of(b()))
                .prop_map(|(count, collection, var, filter)| {
                    let op = if count {
                        AggregateOp::Count
                    } else {
                        AggregateOp::Exists
                    };
                    sp(ExprKind::Aggregate {
                        op,
                        collection,
                        var,
                        filter,
                    })
                })
                .boxed(),
        ];
        if strings {
            options.push(
                (b(), text())
                    .prop_map(|(a, p)| sp(ExprKind::Matches(a, sp(p))))
                    .boxed(),
            );
        }
        // Operators are where precedence bugs hide: make them common.
        let weighted = options
            .into_iter()
            .enumerate()
            .map(|(i, o)| (if i == 3 { 8 } else { 1 }, o))
            .collect::<Vec<_>>();
        prop::strategy::Union::new_weighted(weighted)
    })
    .boxed()
}

fn message() -> impl Strategy<Value = Message> {
    // Text and holes alternate: two text parts in a row read back as one.
    (
        any::<bool>(),
        prop::collection::vec(
            (
                text().prop_filter("non-empty", |t| !t.is_empty()),
                expr(false),
            ),
            0..3,
        ),
    )
        .prop_map(|(hole_first, pairs)| {
            let mut parts = Vec::new();
            for (t, e) in pairs {
                if hole_first {
                    parts.push(MessagePart::Hole(e));
                    parts.push(MessagePart::Text(t));
                } else {
                    parts.push(MessagePart::Text(t));
                    parts.push(MessagePart::Hole(e));
                }
            }
            Message {
                parts,
                span: Span::new(FileId(0), 0, 0),
            }
        })
}

/// One text for every language, or one per language (either or both),
/// as the bilingual syntax writes them.
fn localized<T: std::fmt::Debug + Clone + 'static>(
    t: BoxedStrategy<T>,
) -> impl Strategy<Value = Localized<T>> {
    prop_oneof![
        t.clone().prop_map(Localized::any),
        (prop::option::of(t.clone()), t.clone(), any::<bool>()).prop_map(|(other, one, zh)| {
            let mut l = Localized::default();
            if zh {
                l.zh = Some(one);
                l.en = other;
            } else {
                l.en = Some(one);
                l.zh = other;
            }
            l
        }),
    ]
}

fn clause() -> impl Strategy<Value = Clause> {
    let kind = prop_oneof![
        (ident(), expr(true)).prop_map(|(name, value)| ClauseKind::Let { name, value }),
        expr(true).prop_map(ClauseKind::When),
        (expr(true), prop::option::of(localized(message().boxed())))
            .prop_map(|(cond, message)| ClauseKind::Require { cond, message }),
        (
            ident(),
            ident(),
            expr(true),
            prop::option::of(localized(message().boxed())),
            any::<bool>()
        )
            .prop_map(|(collection, var, on, message, forbid)| {
                if forbid {
                    ClauseKind::Forbid {
                        collection,
                        var,
                        on,
                        message,
                    }
                } else {
                    ClauseKind::Match {
                        collection,
                        var,
                        on,
                        message,
                    }
                }
            }),
    ];
    kind.prop_map(|kind| Clause {
        kind,
        span: Span::new(FileId(0), 0, 0),
    })
}

fn rule() -> impl Strategy<Value = Item> {
    (
        (
            prop::sample::select(vec![
                RuleKind::Retention,
                RuleKind::Access,
                RuleKind::Destruction,
                RuleKind::Notification,
                RuleKind::Rule,
            ]),
            ident(),
            prop::option::of(localized(text().prop_map(sp).boxed())),
            prop::option::of(
                prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info])
                    .prop_map(sp),
            ),
            prop::collection::vec(text().prop_map(sp), 0..3),
            prop::option::of(localized(text().prop_map(sp).boxed())),
            prop::collection::vec(text().prop_map(sp), 0..3),
        ),
        (ident(), ident(), prop::option::of(expr(true))),
        prop::collection::vec(clause(), 0..4),
    )
        .prop_map(
            |((kind, name, title, severity, cite, help, tags), (coll, var, filter), clauses)| {
                Item::Rule(Box::new(Rule {
                    kind,
                    name,
                    title,
                    severity,
                    cite,
                    help,
                    tags,
                    subjects: ForClause {
                        collection: coll,
                        var,
                        filter,
                        span: Span::new(FileId(0), 0, 0),
                    },
                    clauses,
                    span: Span::new(FileId(0), 0, 0),
                }))
            },
        )
}

fn type_expr() -> impl Strategy<Value = TypeExpr> {
    let leaf = prop_oneof![
        Just(TypeExpr::Text),
        Just(TypeExpr::Int),
        Just(TypeExpr::Decimal),
        Just(TypeExpr::Bool),
        Just(TypeExpr::Date),
        Just(TypeExpr::DateTime),
        Just(TypeExpr::Duration),
        Just(TypeExpr::Id),
        prop::collection::vec(
            (text(), prop::option::of(localized(text().boxed()))).prop_map(|(code, label)| {
                EnumValue {
                    code,
                    label: label.unwrap_or_default(),
                }
            }),
            1..3
        )
        .prop_map(TypeExpr::OneOf),
        ident().prop_map(|i| TypeExpr::Ref(i.node)),
    ];
    leaf.prop_recursive(2, 4, 1, |inner| {
        inner.prop_map(|t| TypeExpr::List(Box::new(t)))
    })
}

fn schema() -> impl Strategy<Value = Item> {
    let head = prop_oneof![
        Just(CollectionHead::Record),
        Just(CollectionHead::Company),
        ident().prop_map(|i| CollectionHead::Event(i.node)),
        ident().prop_map(|i| CollectionHead::Table(i.node)),
    ];
    let field = (
        ident(),
        type_expr(),
        any::<bool>(),
        prop::option::of(literal().prop_map(|l| sp(ExprKind::Literal(l)))),
        any::<bool>(),
    )
        .prop_map(|(name, ty, optional, default, pii)| FieldDecl {
            name,
            ty: sp(ty),
            optional,
            default,
            pii,
        });
    let decl = (head, any::<bool>(), prop::collection::vec(field, 0..4)).prop_map(
        |(head, extend, fields)| CollectionDecl {
            head: sp(head),
            extend,
            fields,
        },
    );
    prop::collection::vec(decl, 0..3).prop_map(Item::Schema)
}

fn other_item() -> impl Strategy<Value = Item> {
    let span = Span::new(FileId(0), 0, 0);
    prop_oneof![
        (
            text(),
            prop::collection::vec(
                (
                    prop::sample::select(vec!["version", "owner", "description"]),
                    text()
                ),
                0..3
            )
        )
            .prop_map(move |(name, fields)| Item::Header(Header {
                name: sp(name),
                fields: fields
                    .into_iter()
                    .map(|(k, v)| (sp(k.to_string()), sp(v)))
                    .collect(),
                span,
            })),
        (ident(), expr(true)).prop_map(|(name, value)| Item::Let(LetDecl { name, value })),
        (
            ident(),
            text(),
            (1900i16..2200, 1i8..=12, 1i8..=28),
            text(),
            prop::option::of(text())
        )
            .prop_map(move |(rule, subject, (y, m, d), because, by)| {
                Item::Waiver(Waiver {
                    rule,
                    subject: sp(subject),
                    until: sp(jiff::civil::date(y, m, d)),
                    because: sp(because),
                    by: by.map(sp),
                    span,
                })
            }),
        (
            text(),
            prop::collection::vec(
                (ident(), prop::collection::vec((ident(), expr(true)), 0..3)),
                0..3
            ),
            prop::collection::vec(
                (
                    ident(),
                    prop_oneof![
                        Just(ExpectOutcome::Passes),
                        Just(ExpectOutcome::Fails),
                        Just(ExpectOutcome::LacksEvidence)
                    ],
                    prop::option::of(text())
                ),
                0..3
            )
        )
            .prop_map(move |(name, givens, expects)| Item::Test(TestBlock {
                name: sp(name),
                givens: givens
                    .into_iter()
                    .map(|(collection, fields)| Given {
                        collection,
                        fields,
                        span
                    })
                    .collect(),
                expects: expects
                    .into_iter()
                    .map(|(rule, outcome, subject)| Expect {
                        rule,
                        outcome,
                        subject: subject.map(sp),
                        span,
                    })
                    .collect(),
                span,
            })),
    ]
}

fn policy_file() -> impl Strategy<Value = PolicyFile> {
    prop::collection::vec(prop_oneof![rule(), schema(), other_item()], 0..4)
        .prop_map(|items| PolicyFile { items })
}

// ---- generated long conditions ------------------------------------------

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// `v.field`, a field of the variable of a rule, a join or an aggregate.
fn field_of(var: &str, field: &str) -> Expr {
    sp(ExprKind::Field(
        boxed(sp(ExprKind::Name(var.to_string()))),
        sp(field.to_string()),
    ))
}

/// The comparisons real conditions are made of: at most 40 columns each.
fn comparison() -> impl Strategy<Value = Expr> {
    let field = prop::sample::select(vec![
        "status",
        "location",
        "dissolution_cause",
        "liquidation_group_formed",
        "approved_by",
    ]);
    let var = prop::sample::select(vec!["r", "c", "a"]);
    let value = prop::sample::select(vec!["destroyed", "档案室", "ordinary"]);
    (var, field, value, 0..4u8).prop_map(|(v, f, value, kind)| {
        let x = field_of(v, f);
        match kind {
            0 => sp(ExprKind::Binary(
                BinaryOp::Eq,
                boxed(x),
                boxed(sp(ExprKind::Literal(Literal::Text(value.to_string())))),
            )),
            1 => sp(ExprKind::Is {
                value: boxed(x),
                set: value == "ordinary",
            }),
            2 => sp(ExprKind::Binary(
                BinaryOp::Le,
                boxed(sp(ExprKind::Name("as_of".to_string()))),
                boxed(x),
            )),
            _ => x,
        }
    })
}

/// A left-nested chain of `op` over `operands` (at least one).
fn chain_of(op: BinaryOp, operands: Vec<Expr>) -> Expr {
    let mut it = operands.into_iter();
    let first = it.next().expect("the strategy makes at least two operands");
    it.fold(first, |a, b| sp(ExprKind::Binary(op, boxed(a), boxed(b))))
}

/// A comparison, sometimes negated.
fn operand() -> impl Strategy<Value = Expr> {
    (comparison(), any::<bool>()).prop_map(|(e, not)| {
        if not {
            sp(ExprKind::Unary(UnaryOp::Not, boxed(e)))
        } else {
            e
        }
    })
}

fn and_or_chain(operands: Vec<Expr>, and: bool) -> Expr {
    chain_of(if and { BinaryOp::And } else { BinaryOp::Or }, operands)
}

/// `and`/`or` chains of two to five operands, nested up to `depth` levels.
fn chains(depth: u32) -> impl Strategy<Value = Expr> {
    operand().prop_recursive(depth, 40, 5, |inner| {
        (prop::collection::vec(inner, 2..6), any::<bool>())
            .prop_map(|(operands, and)| and_or_chain(operands, and))
    })
}

/// Conditions as the packs write them, and longer: `and`/`or` chains of
/// two to five operands nested up to three levels, with `exists`, `not
/// exists` and `count(...) >= 2` among the operands. An aggregate's
/// `where` starts with a comparison and holds chains but no other
/// aggregate: fmt breaks only at `and`/`or`, and an aggregate's `where`
/// breaks two columns right of its parenthesis, so aggregates nested three
/// deep drift past the width (the packs nest one at most).
fn long_condition() -> impl Strategy<Value = Expr> {
    operand().prop_recursive(3, 40, 5, |inner| {
        let aggregate = (
            0..3u8,
            any::<bool>(),
            comparison(),
            prop::collection::vec(chains(2), 1..4),
        )
            .prop_map(|(kind, and, first, rest)| {
                let op = if kind == 2 {
                    AggregateOp::Count
                } else {
                    AggregateOp::Exists
                };
                let operands = std::iter::once(first).chain(rest).collect();
                let aggregate = sp(ExprKind::Aggregate {
                    op,
                    collection: sp("access".to_string()),
                    var: sp("a".to_string()),
                    filter: Some(boxed(and_or_chain(operands, and))),
                });
                match kind {
                    0 => aggregate,
                    1 => sp(ExprKind::Unary(UnaryOp::Not, boxed(aggregate))),
                    _ => {
                        let two = boxed(sp(ExprKind::Literal(Literal::Int(2))));
                        sp(ExprKind::Binary(BinaryOp::Ge, boxed(aggregate), two))
                    }
                }
            });
        prop_oneof![
            3 => (prop::collection::vec(inner, 2..6), any::<bool>())
                .prop_map(|(operands, and)| and_or_chain(operands, and)),
            1 => aggregate,
        ]
    })
}

/// A rule whose `where`, `let`, `when`, `require`, `match` and `forbid`
/// each hold a generated condition.
fn rule_with_conditions(filter: Expr, conditions: Vec<Expr>) -> PolicyFile {
    let span = Span::new(FileId(0), 0, 0);
    let clauses = conditions
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let kind = match i % 5 {
                0 => ClauseKind::Require {
                    cond: e,
                    message: None,
                },
                1 => ClauseKind::Let {
                    name: sp("n".to_string()),
                    value: e,
                },
                2 => ClauseKind::When(e),
                3 => ClauseKind::Match {
                    collection: sp("destruction".to_string()),
                    var: sp("d".to_string()),
                    on: e,
                    message: None,
                },
                _ => ClauseKind::Forbid {
                    collection: sp("access".to_string()),
                    var: sp("x".to_string()),
                    on: e,
                    message: None,
                },
            };
            Clause { kind, span }
        })
        .collect();
    PolicyFile {
        items: vec![Item::Rule(Box::new(Rule {
            kind: RuleKind::Rule,
            name: sp("long".to_string()),
            title: None,
            severity: None,
            cite: vec![],
            help: None,
            tags: vec![],
            subjects: ForClause {
                collection: sp("record".to_string()),
                var: sp("r".to_string()),
                filter: Some(filter),
                span,
            },
            clauses,
            span,
        }))],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Long conditions in every place one can stand: printed within the
    /// width, broken only when one line would pass it, read back as the same
    /// tree, and stable.
    #[test]
    fn generated_long_conditions_wrap_within_the_width(
        filter in long_condition(),
        conditions in prop::collection::vec(long_condition(), 1..6),
    ) {
        let ast = rule_with_conditions(filter, conditions);
        let text = format_ast(&ast);
        let (parsed, errors) = parse_file(&text, FileId(0));
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
        prop_assert_eq!(shape(&parsed), shape(&ast), "{}", text);
        let again = format_source(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&again, &text);
        prop_assert!(widest(&text) <= MAX_WIDTH, "a line passes {}:\n{}", MAX_WIDTH, text);
        // A clause whose one-line form fits is printed on one line.
        let Item::Rule(rule) = &ast.items[0] else {
            return Err(TestCaseError::fail("the file is one rule"));
        };
        let one_line = ExprPrinter { src: None };
        for clause in &rule.clauses {
            if let ClauseKind::Require { cond, .. } = &clause.kind {
                let line = format!("  require {}\n", one_line.expr(cond));
                let fits = width(line.trim_end()) <= MAX_WIDTH;
                prop_assert_eq!(text.contains(&line), fits, "{}\n{}", line, text);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_trees_print_and_parse_back(ast in policy_file()) {
        let text = format_ast(&ast);
        let (parsed, errors) = parse_file(&text, FileId(0));
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
        prop_assert_eq!(shape(&parsed), shape(&ast), "{}", text);
        let again = format_source(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(again, text);
    }

    /// Any layout of the repository's policies, with comments sprinkled in,
    /// formats to the same meaning, stably, with every comment kept.
    #[test]
    fn relaid_repository_policies_format_stably(
        pick in any::<prop::sample::Index>(),
        choices in prop::collection::vec(0usize..7, 1..2000),
    ) {
        let files = policy_files();
        let (_, text) = &files[pick.index(files.len())];
        let relaid = relay(text, &choices);
        prop_assume!(parse_file(&relaid, FileId(0)).1.is_empty());
        let once = format_source(&relaid).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(parse(&once), parse(text));
        let twice = format_source(&once).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(comment_texts(&once), comment_texts(&relaid));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Damaged policies: fmt never panics; it refuses what does not parse
    /// and keeps the properties for what still does.
    #[test]
    fn damaged_policies_never_panic(
        pick in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        len in 0usize..40,
        insert in prop::sample::select(vec!["", "\"", "//", "{", "}", "(", " and ", "\n", "销"]),
    ) {
        let files = policy_files();
        let (_, text) = &files[pick.index(files.len())];
        let chars: Vec<char> = text.chars().collect();
        let at = cut.index(chars.len().max(1)).min(chars.len());
        let end = (at + len).min(chars.len());
        let damaged: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        match format_source(&damaged) {
            Ok(once) => {
                prop_assert_eq!(parse(&once), parse(&damaged));
                prop_assert_eq!(format_source(&once).ok(), Some(once.clone()));
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}

/// Replaces each run of whitespace outside strings and comments with one of
/// a few layouts, some with a comment in them.
fn relay(text: &str, choices: &[usize]) -> String {
    const LAYOUTS: [&str; 7] = [" ", "\n", "   ", "\n\n  ", " // note\n", "\r", " // cr\r  "];
    let mut out = String::with_capacity(text.len() * 2);
    let mut chars = text.chars().peekable();
    let mut n = 0;
    let (mut in_string, mut in_comment) = (false, false);
    while let Some(c) = chars.next() {
        if in_comment {
            out.push(c);
            in_comment = c != '\n' && c != '\r';
            continue;
        }
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if chars.peek() == Some(&'/') => {
                in_comment = true;
                out.push(c);
            }
            c if c.is_whitespace() => {
                while chars.peek().is_some_and(|p| p.is_whitespace()) {
                    chars.next();
                }
                out.push_str(LAYOUTS[choices[n % choices.len()]]);
                n += 1;
            }
            c => out.push(c),
        }
    }
    out
}

/// Texts in two languages: one line a language, `zh` first, the second
/// text under the first; a one-language text stays as one; comments stay.
#[test]
fn texts_in_two_languages_take_a_line_each() {
    let src = r#"rule r {
  title en "Records have a title"   zh "资料须有题名"  // the duty
  help zh "补录题名。" en "Enter it."
  for record r
  // before the clause
  require r.title != "" else en "{r.id} has no title" zh "{r.id}没有题名"  // why
  require r.title != "x" else zh "仅中文 {r.id}"
}
"#;
    let expected = r#"rule r {
  title zh "资料须有题名"  // the duty
        en "Records have a title"
  help zh "补录题名。"
       en "Enter it."

  for record r
  // before the clause
  require r.title != ""
        else zh "{r.id}没有题名"  // why
             en "{r.id} has no title"
  require r.title != "x" else zh "仅中文 {r.id}"
}
"#;
    let formatted = format_source(src).expect("formats");
    assert_eq!(formatted, expected);
    assert_eq!(format_source(&formatted).expect("formats"), formatted);
    assert_eq!(parse(&formatted), parse(src));
}

/// Enum labels stay on the field's line, after their value.
#[test]
fn enum_labels_follow_their_values() {
    let src = "schema {\n  record {\n    id: id\n    class: one of \"general\" en \"general\"  zh \"一般\", \"x\" \"甲\"?  // class\n  }\n}\n";
    let formatted = format_source(src).expect("formats");
    assert!(
        formatted.contains(
            "class: one of \"general\" zh \"一般\" en \"general\", \"x\" \"甲\"?  // class"
        ),
        "{formatted}"
    );
}

/// A field's description is the comment after it on its line; with two
/// fields on one line, fmt gave the second's comment to the line before,
/// so `custodia schema` described the wrong field (hostile review,
/// 2026-12-05). The descriptions read the same after fmt.
#[test]
fn fmt_keeps_each_description_on_its_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("schema.policy");
    std::fs::write(
        &p,
        "schema {\n  record { id: id  title: text  // 题名 (document title)\n           status: one of \"active\", \"destroyed\"\n           created: date  phone: text? pii }  // customer phone\n}\n",
    )
    .expect("write");
    let path = p.to_str().expect("utf-8");
    // Each field's name and description, line numbers left out.
    let described = || {
        let (code, out, err) = custodia(&["--color", "never", "schema", path]);
        assert_eq!(code, 0, "{out}{err}");
        out.lines()
            .filter_map(|l| {
                let cells: Vec<&str> = l
                    .split("  ")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect();
                let name = cells.first()?.to_string();
                let last = cells.last()?.to_string();
                Some(if last.contains("schema.policy:") {
                    (name, String::new())
                } else {
                    (name, last)
                })
            })
            .collect::<Vec<_>>()
    };
    let before = described();
    assert!(
        before.contains(&("title".into(), "题名 (document title)".into())),
        "{before:?}"
    );
    assert!(
        before.contains(&("phone".into(), "customer phone".into())),
        "{before:?}"
    );
    let (code, out, err) = custodia(&["fmt", path]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(described(), before);
}
