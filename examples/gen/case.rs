//! The case generator behind `examples/gen`: records, staff and retention
//! tables, four event logs (CSV and JSONL), the policy set of
//! `examples/gen/policies`, and a controlled share of violations of every
//! rule, counted in `planted.json`. Shared with tests and benches through
//! `#[path]`, so it only uses dev-dependencies.

#![allow(dead_code)] // each includer uses a different part

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use jiff::civil::Date;
use jiff::ToSpan;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub const SCHEMA_POLICY: &str = include_str!("policies/schema.policy");
pub const RULES_POLICY: &str = include_str!("policies/rules.policy");

/// The evaluation date written to `custodia.yaml`.
pub const AS_OF: Date = jiff::civil::date(2026, 11, 27);
const LIQUIDATION_FORMED: Date = jiff::civil::date(2026, 4, 5);

pub struct Options {
    pub records: u64,
    pub events_per_record: u32,
    pub seed: u64,
    pub violation_rate: f64,
}

pub struct Summary {
    pub records: u64,
    pub events: u64,
    /// Bytes of data files written (policies and manifest excluded).
    pub bytes: u64,
    /// Rule name -> subjects made to violate it.
    pub planted: BTreeMap<&'static str, u64>,
}

/// A record category of the retention schedule (accounting-archives table of
/// 会计档案管理办法 and the other periods of shared/domain/facts.md).
struct Category {
    id: &'static str,
    title: &'static str,
    /// Months; `None` is permanent.
    months: Option<i64>,
    citation: &'static str,
    personal_info: bool,
    weight: u32,
}

const CATEGORIES: &[Category] = &[
    Category {
        id: "original_voucher",
        title: "原始凭证",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 8,
    },
    Category {
        id: "accounting_voucher",
        title: "记账凭证",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 8,
    },
    Category {
        id: "ledger",
        title: "总账",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 4,
    },
    Category {
        id: "fixed_asset_card",
        title: "固定资产卡片",
        months: Some(60),
        citation: "会计档案管理办法（2015）附表1（报废清理后）",
        personal_info: false,
        weight: 2,
    },
    Category {
        id: "monthly_report",
        title: "月度财务会计报告",
        months: Some(120),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 4,
    },
    Category {
        id: "annual_report",
        title: "年度财务会计报告",
        months: None,
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 2,
    },
    Category {
        id: "bank_statement",
        title: "银行对账单",
        months: Some(120),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 4,
    },
    Category {
        id: "tax_return",
        title: "纳税申报表",
        months: Some(120),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 3,
    },
    Category {
        id: "handover_register",
        title: "会计档案移交清册",
        months: Some(360),
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 1,
    },
    Category {
        id: "destruction_register",
        title: "会计档案销毁清册",
        months: None,
        citation: "会计档案管理办法（2015）附表1",
        personal_info: false,
        weight: 1,
    },
    Category {
        id: "invoice_stub",
        title: "发票存根联",
        months: Some(60),
        citation: "发票管理办法（2023）第二十八条",
        personal_info: false,
        weight: 3,
    },
    Category {
        id: "customer_identity",
        title: "客户身份资料",
        months: Some(120),
        citation: "反洗钱法（2024）第三十四条",
        personal_info: true,
        weight: 20,
    },
    Category {
        id: "transaction_record",
        title: "电子商务交易记录",
        months: Some(36),
        citation: "电子商务法 第三十一条",
        personal_info: true,
        weight: 15,
    },
    Category {
        id: "pi_processing_record",
        title: "个人信息处理记录",
        months: Some(36),
        citation: "个人信息保护法 第五十六条",
        personal_info: true,
        weight: 8,
    },
    Category {
        id: "network_log",
        title: "网络日志",
        months: Some(6),
        citation: "网络安全法 第二十一条",
        personal_info: true,
        weight: 5,
    },
    Category {
        id: "labour_contract",
        title: "已解除劳动合同",
        months: Some(24),
        citation: "劳动合同法 第五十条",
        personal_info: true,
        weight: 4,
    },
];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英",
];
const PURPOSES: &[&str] = &[
    "年度审计调阅",
    "纳税申报核对",
    "清算资产核查",
    "客户投诉处理",
    "档案整理",
    "债权申报核对",
    "移交前清点",
];
const GOOD_METHODS: &[&str] = &["shred", "incinerate", "pulp", "degauss", "crypto_erase"];
const PLACES: &[&str] = &[
    "公司总部碎纸室",
    "上海示例纸业回收站",
    "机房数据销毁间",
    "浦东档案销毁中心",
];
const INDIVIDUAL_CHANNELS: &[&str] = &["sms", "email", "letter"];

/// Staff pools: who is picked for what, so every planted violation is
/// counted exactly once.
struct Staff {
    /// Cleared for PI, authorized with no end date; never sales.
    cleared: Vec<String>,
    managers: Vec<String>,
    /// Cleared, but their rights ended on 2023-12-31 (before any access).
    expired: Vec<String>,
    /// Not cleared for PI (role `it`).
    uncleared: Vec<String>,
    sales: Vec<String>,
}

struct Writers {
    inventory: BufWriter<File>,
    access_csv: BufWriter<File>,
    access_jsonl: BufWriter<File>,
    destruction: BufWriter<File>,
    notification: BufWriter<File>,
    handover: BufWriter<File>,
}

fn writer(path: &Path) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(1 << 20, File::create(path)?))
}

/// Writes the whole case into `out`.
pub fn generate(opts: &Options, out: &Path) -> io::Result<Summary> {
    for dir in ["logs", "tables", "policies"] {
        fs::create_dir_all(out.join(dir))?;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    fs::write(
        out.join("custodia.yaml"),
        format!(
            "# generated by examples/gen (seed {})\ntime_zone: Asia/Shanghai\nas_of: {AS_OF}\n",
            opts.seed
        ),
    )?;
    fs::write(out.join("company.yaml"), company_yaml())?;
    fs::write(out.join("policies/schema.policy"), SCHEMA_POLICY)?;
    fs::write(out.join("policies/rules.policy"), RULES_POLICY)?;
    write_schedule(&out.join("tables/retention_schedule.csv"))?;
    write_custodians(&out.join("tables/custodian.csv"))?;
    let staff = write_staff(&mut rng, opts.records, &out.join("tables/staff.csv"))?;
    let mut w = Writers {
        inventory: writer(&out.join("inventory.csv"))?,
        access_csv: writer(&out.join("logs/access.csv"))?,
        access_jsonl: writer(&out.join("logs/access-archive.jsonl"))?,
        destruction: writer(&out.join("logs/destruction.jsonl"))?,
        notification: writer(&out.join("logs/notification.jsonl"))?,
        handover: writer(&out.join("logs/handover.csv"))?,
    };
    writeln!(w.inventory, "id,title,class,category,subject,personal_info,created,period_end,status,legal_hold,location,phone")?;
    writeln!(w.access_csv, "at,record,actor,purpose")?;
    writeln!(w.handover, "id,at,record,custodian,handled_by")?;
    let mut g = Gen {
        rng,
        opts,
        staff,
        planted: BTreeMap::new(),
        events: 0,
        weights_total: CATEGORIES.iter().map(|c| c.weight).sum(),
    };
    // The company forms its liquidation group 20 days after the cause: late.
    g.plant("liquidation_group_on_time");
    for i in 0..opts.records {
        g.record(i, &mut w)?;
    }
    for f in [
        &mut w.inventory,
        &mut w.access_csv,
        &mut w.access_jsonl,
        &mut w.destruction,
        &mut w.notification,
        &mut w.handover,
    ] {
        f.flush()?;
    }
    drop(w);
    for rule in rule_names() {
        g.planted.entry(rule).or_insert(0);
    }
    let planted_json = serde_json::to_string_pretty(&g.planted).map_err(io::Error::other)?;
    fs::write(out.join("planted.json"), planted_json + "\n")?;
    Ok(Summary {
        records: opts.records,
        events: g.events,
        bytes: data_bytes(out)?,
        planted: g.planted,
    })
}

fn rule_names() -> [&'static str; 9] {
    [
        "access_purpose_recorded",
        "complete_destruction_record",
        "custody_after_deregistration",
        "handover_subject_notified",
        "important_not_read_by_sales",
        "liquidation_group_on_time",
        "no_destruction_under_legal_hold",
        "no_early_destruction",
        "pii_access_authorized",
    ]
}

fn data_bytes(out: &Path) -> io::Result<u64> {
    let mut total = 0;
    for entry in walk(out)? {
        if entry
            .extension()
            .is_some_and(|e| e != "policy" && e != "json")
        {
            total += fs::metadata(&entry)?.len();
        }
    }
    Ok(total)
}

fn walk(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            out.extend(walk(&p)?);
        } else {
            out.push(p);
        }
    }
    Ok(out)
}

fn company_yaml() -> String {
    format!(
        "# 虚构公司（examples/gen 生成）\nname: 上海合成数据科技股份有限公司\ncredit_code: 91310115MA1K4C2Y3N\ndissolution_cause: 2026-03-16\nliquidation_group_formed: {LIQUIDATION_FORMED}\n"
    )
}

fn write_schedule(path: &Path) -> io::Result<()> {
    let mut w = writer(path)?;
    writeln!(w, "id,title,period,citation")?;
    for c in CATEGORIES {
        let period = match c.months {
            None => "permanent".to_string(),
            Some(m) if m % 12 == 0 => format!("{} years", m / 12),
            Some(m) => format!("{m} months"),
        };
        writeln!(w, "{},{},{},{}", c.id, c.title, period, c.citation)?;
    }
    w.flush()
}

fn write_custodians(path: &Path) -> io::Result<()> {
    let mut w = writer(path)?;
    writeln!(w, "id,name")?;
    for (i, name) in [
        "上海示例档案寄存服务有限公司",
        "上海示例承继科技有限公司",
        "浦东新区档案馆",
        "上海合成数据清算组",
        "示例会计师事务所",
    ]
    .iter()
    .enumerate()
    {
        writeln!(w, "C-{:02},{name}", i + 1)?;
    }
    w.flush()
}

fn name(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{}{}",
        SURNAMES.choose(rng).unwrap_or(&"王"),
        GIVEN.choose(rng).unwrap_or(&"伟")
    )
}

/// One staff member per 1000 records, at least 40, in five pools.
fn write_staff(rng: &mut ChaCha8Rng, records: u64, path: &Path) -> io::Result<Staff> {
    let n = (records / 1000).max(40);
    let mut w = writer(path)?;
    writeln!(w, "id,name,role,authorized_from,authorized_to,may_read_pii")?;
    let mut s = Staff {
        cleared: vec![],
        managers: vec![],
        expired: vec![],
        uncleared: vec![],
        sales: vec![],
    };
    for i in 0..n {
        let id = format!("S-{:05}", i + 1);
        let from = jiff::civil::date(2010, 1, 1) + (rng.random_range(0..2000) as i64).days();
        let pool = i % 10;
        let (role, to, pii) = match pool {
            0 => ("manager", String::new(), true),
            1..=5 => (
                ["archivist", "accountant", "legal"][(i as usize / 10) % 3],
                String::new(),
                true,
            ),
            6 => ("accountant", "2023-12-31".to_string(), true),
            7 => ("it", String::new(), false),
            _ => ("sales", String::new(), false),
        };
        writeln!(w, "{id},{},{role},{from},{to},{pii}", name(rng))?;
        match pool {
            0 => {
                s.managers.push(id.clone());
                s.cleared.push(id);
            }
            1..=5 => s.cleared.push(id),
            6 => s.expired.push(id),
            7 => s.uncleared.push(id),
            _ => s.sales.push(id),
        }
    }
    w.flush()?;
    Ok(s)
}

/// What a record looks like before its events are written.
struct Rec {
    id: String,
    cat: &'static Category,
    class: &'static str,
    created: Date,
    status: &'static str,
    legal_hold: bool,
    /// The destruction date of a destroyed record.
    destroyed_on: Option<Date>,
}

struct Gen<'a> {
    rng: ChaCha8Rng,
    opts: &'a Options,
    staff: Staff,
    planted: BTreeMap<&'static str, u64>,
    events: u64,
    weights_total: u32,
}

/// Destruction planting: which single defect a destroyed record gets.
#[derive(Clone, Copy, PartialEq)]
enum DestructionDefect {
    None,
    NoEvent,
    BadMethod,
    OneWitness,
    NotApproved,
}

impl Gen<'_> {
    fn plant(&mut self, rule: &'static str) {
        *self.planted.entry(rule).or_insert(0) += 1;
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    fn violate(&mut self) -> bool {
        let p = self.opts.violation_rate;
        self.chance(p)
    }

    fn category(&mut self) -> &'static Category {
        let mut x = self.rng.random_range(0..self.weights_total);
        for c in CATEGORIES {
            if x < c.weight {
                return c;
            }
            x -= c.weight;
        }
        &CATEGORIES[0]
    }

    fn day_between(&mut self, from: Date, to: Date) -> Date {
        let days = (to - from).get_days().max(1);
        from + (self.rng.random_range(0..days) as i64).days()
    }

    /// A local datetime text on `day` in the case time zone (+08:00).
    fn at(&mut self, day: Date) -> String {
        let secs = self.rng.random_range(8 * 3600..19 * 3600);
        format!(
            "{day}T{:02}:{:02}:{:02}+08:00",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }

    fn record(&mut self, i: u64, w: &mut Writers) -> io::Result<()> {
        let rec = self.shape(i);
        let expires = rec.cat.months.map(|m| rec.created + m.months());
        let in_retention = expires.map_or(true, |e| e > AS_OF);
        let personal = rec.cat.personal_info;
        self.inventory_row(&rec, expires, &mut w.inventory)?;
        let mut events = 0u32;
        if rec.status == "destroyed" {
            events += self.destruction(&rec, w)?;
        }
        let custody = matches!(rec.status, "active" | "archived" | "transferred");
        if rec.status == "transferred" {
            // A missing handover is planted only on expired records, so it
            // violates handover_subject_notified and not custody as well.
            if !in_retention && self.violate() {
                self.plant("handover_subject_notified");
            } else {
                let handed = self.day_between(
                    jiff::civil::date(2026, 6, 1),
                    jiff::civil::date(2026, 11, 20),
                );
                self.handover(&rec, handed, w)?;
                events += 1;
                if personal {
                    events += self.notification(&rec, handed, w)?;
                }
            }
        } else if custody && in_retention {
            if self.violate() {
                self.plant("custody_after_deregistration");
            } else {
                let handed = self.day_between(
                    jiff::civil::date(2026, 6, 1),
                    jiff::civil::date(2026, 11, 20),
                );
                self.handover(&rec, handed, w)?;
                events += 1;
            }
        }
        let accesses = self.opts.events_per_record.saturating_sub(events);
        let mut sales_planted = false;
        for _ in 0..accesses {
            self.access(&rec, &mut sales_planted, w)?;
        }
        self.events += (events + accesses) as u64;
        Ok(())
    }

    fn shape(&mut self, i: u64) -> Rec {
        let cat = self.category();
        let class = match (cat.personal_info, self.rng.random_range(0..10)) {
            (true, 0..=1) => "important",
            (true, 2..=7) => "sensitive",
            (true, _) => "general",
            (false, 0..=3) => "important",
            (false, _) => "general",
        };
        let status = match self.rng.random_range(0..100) {
            0..=34 => "active",
            35..=64 => "archived",
            65..=84 => "transferred",
            85..=96 => "destroyed",
            _ => "anonymized",
        };
        let id = format!("R-{:07}", i + 1);
        if status == "destroyed" {
            return self.destroyed_shape(id, class);
        }
        let created = self.day_between(
            jiff::civil::date(2000, 1, 1),
            jiff::civil::date(2026, 6, 30),
        );
        let legal_hold = self.chance(0.02);
        Rec {
            id,
            cat,
            class,
            created,
            status,
            legal_hold,
            destroyed_on: None,
        }
    }

    /// A destroyed record: its category and creation date make the
    /// destruction lawful unless no_early_destruction is planted.
    fn destroyed_shape(&mut self, id: String, class: &'static str) -> Rec {
        let on = self.day_between(
            jiff::civil::date(2025, 1, 1),
            jiff::civil::date(2026, 10, 31),
        );
        let mut cat = self.category();
        while cat.months.is_none() {
            cat = self.category();
        }
        let months = cat.months.unwrap_or(12);
        let created = if self.violate() {
            self.plant("no_early_destruction");
            if self.chance(0.5) {
                cat = &CATEGORIES[5]; // annual_report: permanent
                on - (self.rng.random_range(400..4000) as i64).days()
            } else {
                on - months.months() + (self.rng.random_range(1..300) as i64).days()
            }
        } else {
            on - months.months() - (self.rng.random_range(0..2000) as i64).days()
        };
        let legal_hold = self.violate();
        Rec {
            id,
            cat,
            class,
            created,
            status: "destroyed",
            legal_hold,
            destroyed_on: Some(on),
        }
    }

    fn inventory_row(
        &mut self,
        r: &Rec,
        expires: Option<Date>,
        w: &mut impl Write,
    ) -> io::Result<()> {
        let year = r.created.year();
        let (title, subject, phone) = if r.cat.personal_info {
            let who = name(&mut self.rng);
            let phone = format!("13{:09}", self.rng.random_range(0..1_000_000_000u64));
            (format!("客户{who}{}（{year}年）", r.cat.title), who, phone)
        } else {
            (
                format!("{year}年度{}", r.cat.title),
                String::new(),
                String::new(),
            )
        };
        let location = format!(
            "档案室{}-{:02}柜",
            ["A", "B", "C", "D"][self.rng.random_range(0..4)],
            self.rng.random_range(1..60)
        );
        let period_end = expires.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            w,
            "{},{title},{},{},{subject},{},{},{period_end},{},{},{location},{phone}",
            r.id,
            r.class,
            r.cat.id,
            if r.cat.personal_info { "是" } else { "否" },
            r.created,
            r.status,
            if r.legal_hold { "true" } else { "" },
        )
    }

    /// One destruction event (or none, when that defect is planted).
    fn destruction(&mut self, r: &Rec, w: &mut Writers) -> io::Result<u32> {
        let on = r.destroyed_on.unwrap_or(AS_OF);
        let defect = if self.violate() {
            self.plant("complete_destruction_record");
            [
                DestructionDefect::NoEvent,
                DestructionDefect::BadMethod,
                DestructionDefect::OneWitness,
                DestructionDefect::NotApproved,
            ][self.rng.random_range(0..4)]
        } else {
            DestructionDefect::None
        };
        if defect == DestructionDefect::NoEvent {
            // Without an event, neither the legal hold nor an early
            // destruction can be seen in the logs.
            self.unplant_destruction_side_effects(r);
            return Ok(0);
        }
        if r.legal_hold {
            self.plant("no_destruction_under_legal_hold");
        }
        let method = if defect == DestructionDefect::BadMethod {
            "overwrite"
        } else {
            GOOD_METHODS.choose(&mut self.rng).unwrap_or(&"shred")
        };
        let witnesses = if defect == DestructionDefect::OneWitness {
            1
        } else {
            self.rng.random_range(2..4)
        };
        let names: Vec<String> = (0..witnesses)
            .map(|_| format!("\"{}\"", name(&mut self.rng)))
            .collect();
        let approved = match defect {
            // An accountant whose rights ended: not a manager.
            DestructionDefect::NotApproved => pick(&mut self.rng, &self.staff.expired),
            _ => pick(&mut self.rng, &self.staff.managers),
        };
        let at = self.at(on);
        let place = PLACES.choose(&mut self.rng).unwrap_or(&PLACES[0]);
        writeln!(
            w.destruction,
            r#"{{"id": "D-{}", "at": "{at}", "record": "{}", "method": "{method}", "place": "{place}", "witnesses": [{}], "approved_by": "{approved}"}}"#,
            &r.id[2..],
            r.id,
            names.join(", ")
        )?;
        Ok(1)
    }

    /// A destroyed record with no destruction event has nothing for
    /// no_early_destruction to see: take back what `destroyed_shape` planted.
    fn unplant_destruction_side_effects(&mut self, r: &Rec) {
        let early = match (r.cat.months, r.destroyed_on) {
            (None, _) => true,
            (Some(m), Some(on)) => r.created + m.months() > on,
            _ => false,
        };
        if early {
            if let Some(n) = self.planted.get_mut("no_early_destruction") {
                *n -= 1;
            }
        }
    }

    fn handover(&mut self, r: &Rec, on: Date, w: &mut Writers) -> io::Result<()> {
        let at = self.at(on);
        let custodian = self.rng.random_range(1..=5);
        let by = pick(&mut self.rng, &self.staff.cleared);
        writeln!(
            w.handover,
            "H-{},{at},{},C-{custodian:02},{by}",
            &r.id[2..],
            r.id
        )
    }

    /// The notice to the customer of a transferred PI record: individually,
    /// within 30 days before the handover, unless a violation is planted.
    fn notification(&mut self, r: &Rec, handed: Date, w: &mut Writers) -> io::Result<u32> {
        let (channel, day) = if self.violate() {
            self.plant("handover_subject_notified");
            match self.rng.random_range(0..3) {
                0 => return Ok(0),
                1 => (
                    "announcement",
                    handed - (self.rng.random_range(0..25) as i64).days(),
                ),
                _ => (
                    *INDIVIDUAL_CHANNELS.choose(&mut self.rng).unwrap_or(&"sms"),
                    handed - (self.rng.random_range(40..90) as i64).days(),
                ),
            }
        } else {
            (
                *INDIVIDUAL_CHANNELS.choose(&mut self.rng).unwrap_or(&"sms"),
                handed - (self.rng.random_range(1..25) as i64).days(),
            )
        };
        let at = self.at(day);
        let who = name(&mut self.rng);
        writeln!(
            w.notification,
            r#"{{"at": "{at}", "record": "{}", "channel": "{channel}", "recipient": "{who} 13{:09}"}}"#,
            r.id,
            self.rng.random_range(0..1_000_000_000u64)
        )?;
        Ok(1)
    }

    /// One access event; 60% go to access.csv, the rest to a JSONL archive
    /// with an explicit `kind`.
    fn access(&mut self, r: &Rec, sales_planted: &mut bool, w: &mut Writers) -> io::Result<()> {
        let personal = r.cat.personal_info;
        let important = r.class == "important";
        let mut day = self.day_between(
            jiff::civil::date(2024, 1, 2),
            jiff::civil::date(2026, 11, 20),
        );
        let actor = if personal && self.violate() {
            self.plant("pii_access_authorized");
            if self.chance(0.5) {
                pick(&mut self.rng, &self.staff.uncleared)
            } else {
                pick(&mut self.rng, &self.staff.expired)
            }
        } else if important && !personal && !*sales_planted && self.violate() {
            self.plant("important_not_read_by_sales");
            *sales_planted = true;
            pick(&mut self.rng, &self.staff.sales)
        } else if !important && !personal && self.chance(self.opts.violation_rate / 10.0) {
            "S-99999".to_string() // dangling: integrity.dangling_ref
        } else {
            pick(&mut self.rng, &self.staff.cleared)
        };
        let purpose = if self.violate() {
            self.plant("access_purpose_recorded");
            if personal {
                day = self.day_between(
                    LIQUIDATION_FORMED + 1.day(),
                    jiff::civil::date(2026, 11, 20),
                );
                "营销回访"
            } else {
                ""
            }
        } else {
            PURPOSES.choose(&mut self.rng).unwrap_or(&PURPOSES[0])
        };
        let at = self.at(day);
        if self.chance(0.6) {
            writeln!(w.access_csv, "{at},{},{actor},{purpose}", r.id)
        } else if purpose.is_empty() {
            writeln!(
                w.access_jsonl,
                r#"{{"kind": "access", "at": "{at}", "record": "{}", "actor": "{actor}"}}"#,
                r.id
            )
        } else {
            writeln!(
                w.access_jsonl,
                r#"{{"kind": "access", "at": "{at}", "record": "{}", "actor": "{actor}", "purpose": "{purpose}"}}"#,
                r.id
            )
        }
    }
}

fn pick(rng: &mut ChaCha8Rng, pool: &[String]) -> String {
    pool.choose(rng).cloned().unwrap_or_default()
}
