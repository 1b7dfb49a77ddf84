//! `check` does not keep the values of fields no rule reads
//! (`eval::reads`, docs/scale.md "Columns no rule reads"). A field wrongly
//! judged unread would read as missing, so these tests pin what counts as
//! a read, and that leaving the columns out changes no report, also for
//! rows without an id, whose report key digests every value.

use custodia::cli::app::{run_check, CheckOptions, Format, ScaleOptions};
use custodia::syntax::span::SourceMap;

mod common;

const SCHEMA: &str = r#"
schema {
  record {
    id: id
    title: text
    location: text?
    phone: text? pii
    remark: text?
    keeper: text?
    shelf: text?
    box: text?
    grade: int?
  }
  event access {
    record: ref record
    reader: text
    purpose: text?
    ip: text?
    remark: text?
  }
  table staff {
    id: id
    name: text
    note: text?
  }
}
"#;

/// Each of `keeper`, `shelf`, `box`, `reader`, `purpose` and `grade` is read
/// in one way only: a join key, a message through a ref, a message, an
/// aggregate's key, a filter, a `let`.
const RULES: &str = r#"
rule kept_by_staff {
  for record r
  match staff s on s.name == r.keeper
        else zh "{r.id}（{r.box}）：保管人不在名单上" en "{r.id} is kept by {r.box}"
}

rule read_for_a_purpose {
  for access a where a.purpose is set
  require count(access b where b.reader == a.reader) < 3
        else zh "{a.reader}查阅过多；架位{a.record.shelf}" en "{a.reader} reads {a.record.shelf} too much"
}

rule graded {
  for record r
  let g = r.grade
  require g is missing or g < 5 else "{r.id}"
}
"#;

fn unread_names(rules: &str) -> Vec<String> {
    let mut sources = SourceMap::default();
    sources.add("schema.policy", SCHEMA);
    sources.add("rules.policy", rules);
    let checked = custodia::check::check_sources(sources).expect("the policies check");
    custodia::eval::reads::unread_fields(&checked)
        .into_iter()
        .map(|(c, f)| {
            let coll = checked.schema.collection(c);
            format!("{}.{}", coll.name, coll.field(f).name)
        })
        .collect()
}

#[test]
fn only_fields_nothing_reads_are_left_out() {
    // Not `id`, `title`, `at` or refs (the report shows them), nothing of
    // a table, and none of the fields each read in one way by RULES.
    assert_eq!(
        unread_names(RULES),
        [
            "record.location",
            "record.phone",
            "record.remark",
            "access.ip",
            "access.remark"
        ]
    );
    // With no rule, every field a report does not show is left out.
    assert_eq!(
        unread_names(""),
        [
            "record.location",
            "record.phone",
            "record.remark",
            "record.keeper",
            "record.shelf",
            "record.box",
            "record.grade",
            "access.reader",
            "access.purpose",
            "access.ip",
            "access.remark"
        ]
    );
}

/// 600 records and 2,000 access events, a third of them without an id;
/// unread free text on every row, unique on many.
fn case() -> common::Case {
    let mut inventory = String::from("id,title,location,phone,remark,keeper,shelf,box,grade\n");
    for r in 0..600 {
        let keeper = if r % 97 == 0 { "外人" } else { "员工1" };
        inventory.push_str(&format!(
            "R-{r:04},账簿{r},档案室A-{},1380000{r:04},备注{r},{keeper},架{},盒{r},{}\n",
            r % 7,
            r % 11,
            r % 9
        ));
    }
    let mut access = String::from("id,at,record,reader,purpose,ip,remark\n");
    for e in 0..2000u32 {
        let id = if e % 3 == 0 {
            String::new()
        } else {
            format!("ACC-{e:06}")
        };
        access.push_str(&format!(
            "{id},2026-01-0{}T10:00:00+08:00,R-{:04},读者{},核对{},10.0.{}.{},说明{e}\n",
            1 + e % 9,
            e % 600,
            e % 700,
            e % 5,
            e % 250,
            e % 200
        ));
    }
    common::Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULES)
        .file("inventory.csv", &inventory)
        .file("logs/access.csv", &access)
        .file("tables/staff.csv", "id,name,note\nS-1,员工1,\n")
}

fn run(dir: &std::path::Path, format: Format, keep_unread: bool, piece: Option<usize>) -> String {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        as_of: Some("2026-03-01".into()),
        format,
        scale: ScaleOptions {
            keep_unread,
            piece_bytes: piece,
            ..Default::default()
        },
        ..Default::default()
    });
    assert_eq!(out.errors, "", "no run stops");
    format!("exit {}\n{}", out.exit, out.output)
}

/// Whatever the format and the cut into pieces (pieces merge their kept
/// values of id-less rows), the report is the same with every column kept.
#[test]
fn reports_are_the_same_with_every_column_kept() {
    let dir = case().write();
    let json = run(dir.path(), Format::Json, false, None);
    let report: serde_json::Value =
        serde_json::from_str(json.split_once('\n').expect("exit line").1).expect("JSON");
    let ids = |rule: &str| {
        report["violations"]
            .as_array()
            .expect("violations")
            .iter()
            .filter(|v| v["rule"] == rule)
            .count()
    };
    // Not vacuous: each rule finds something, and id-less events are among
    // the subjects, named by their line
    assert_eq!(ids("kept_by_staff"), 7);
    assert_eq!(ids("graded"), 265);
    assert!(ids("read_for_a_purpose") > 0);
    // (their fingerprints digest all their values, the unread ones too)
    assert!(
        json.contains("\"id\": \"logs/access.csv:"),
        "an id-less event"
    );
    for format in Format::ALL {
        let kept = run(dir.path(), format, true, None);
        for piece in [None, Some(997)] {
            assert_eq!(
                run(dir.path(), format, false, piece),
                kept,
                "{format:?} {piece:?}"
            );
        }
    }
}

/// The note on a column a file lacks names the rules that read the field,
/// also where the field is read only as a join key or in a message (the
/// readers are those of `eval::reads`; before, a `match` key was missed).
#[test]
fn a_field_read_only_as_a_join_key_or_in_a_message_has_its_readers_named() {
    let mut run = case();
    run = run.file("inventory.csv", "id,title\nR-1,账簿\n").file(
        "logs/access.csv",
        "id,at,record,reader\nA-1,2026-01-01T10:00:00+08:00,R-1,张三\n",
    );
    let notes: Vec<String> = run
        .run()
        .notes()
        .iter()
        .map(|n| n["message"].as_str().unwrap_or("").to_string())
        .collect();
    let about = |field: &str| {
        notes
            .iter()
            .find(|n| n.contains(&format!("no column `{field}`")))
            .cloned()
            .unwrap_or_else(|| panic!("a note on `{field}`: {notes:?}"))
    };
    assert!(
        about("keeper").contains("`kept_by_staff`"),
        "{}",
        about("keeper")
    );
    assert!(about("box").contains("`kept_by_staff`"), "{}", about("box"));
    assert!(
        about("shelf").contains("`read_for_a_purpose`"),
        "{}",
        about("shelf")
    );
}

/// An id-less row's unread cells are converted a second time, to be kept
/// (`rows::keep_unread_of_unnamed`): a placeholder dropped from one of its
/// lists is still noted once, not twice.
#[test]
fn a_placeholder_in_an_unread_list_of_an_id_less_row_is_noted_once() {
    let schema = SCHEMA.replace(
        "    remark: text?\n  }\n  table",
        "    remark: text?\n    seen_by: list of text\n  }\n  table",
    );
    let run = case()
        .file("policies/schema.policy", &schema)
        .file(
            "logs/access.csv",
            "id,at,record,reader,seen_by\n,2026-01-01T10:00:00+08:00,R-0001,读者1,甲;无\n",
        )
        .run();
    let notes: Vec<String> = run
        .notes()
        .iter()
        .map(|n| n["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("1 item of column `seen_by` stands for nothing")),
        "{notes:?}"
    );
}
