#!/usr/bin/env python3
"""Writes the shanghai-deregistration example case (deterministic).

A fictional 非上市股份有限公司 in Shanghai, founded in 1994, in ordinary
deregistration in 2026: its record catalogue, a year of access logs, the 2026
appraisal and destruction batch, the handover to two custodians, the notices,
announcements and the liquidation timeline. Everything passes the cn/* packs
except the problems planted below (listed in EXPECTED.md).

    python3 examples/shanghai-deregistration/generate.py

Every name, number and company in it is invented.
"""

import csv
import io
import json
import os
import random
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = random.Random(20261127)

# ---------------------------------------------------------------- the planted problems
SUPERVISED_BY_ONE = "BS-2003"  # destroyed with only the archives supervisor present
NO_PURPOSE = ("L-2019", "2026-05-14 15:20")  # a ledger consulted without a purpose
UNTOLD_CUSTOMER = "C-0042"  # customer file handed over, customer never told
UNSETTLED_VOUCHER = "V-1995-2"  # a voucher of an unsettled receivable, destroyed
FORMER_READER = ("S08", "CF-0013", "2026-07-08 10:05")  # read after her rights ended
UNENCRYPTED_KYC = "KY-C-0038"  # kept under a litigation hold, electronic, not encrypted
# The creditor announcement is published on day 63 (2026-03-30) of 60.

# ---------------------------------------------------------------- the timeline
DISSOLUTION = date(2026, 1, 15)  # 股东大会决议解散
GROUP_FORMED = date(2026, 1, 26)  # day 11 of 15
GROUP_PUBLISHED = date(2026, 2, 2)  # day 7 of 10
CREDITORS_ANNOUNCED = date(2026, 3, 30)  # day 63 of 60: planted
LIQUIDATION_FINISHED = date(2026, 10, 16)
DEREGISTRATION_FILED = date(2026, 11, 5)  # day 20 of 30
INVOICES_CANCELLED = date(2026, 10, 20)  # 发票缴销, before the tax deregistration
TAX_DEREGISTERED = date(2026, 10, 27)  # 清税证明, before the filing
APPRAISAL_AT = "2026-02-25T14:00:00+08:00"
HANDOVER_FROM = date(2026, 10, 10)  # the handover to the custodians runs 10 to 14 October
# 个人信息保护法 第十九条, 第四十七条第一款第二项: the customer system
# crypto-erases a customer file at 02:00 on the last day of its 3 years
# (its nightly retention job), so no file is kept, or handed over, past
# its period (hostile review h24b F19).
PURGE_TIME = "02:00:00+08:00"
DESTRUCTION_AT = "2026-03-18T09:30:00+08:00"
AS_OF = "2026-11-27"


def write(path, text):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def csv_text(header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if r.get(h) is None else r.get(h) for h in header])
    return out.getvalue()


def jsonl(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def at(d, hh=10, mm=0):
    return f"{d.isoformat()} {hh:02d}:{mm:02d}"


# ---------------------------------------------------------------- tables
STAFF = [
    ("S01", "周建国", "company_head", "1994-03-01", "", True, False),
    ("S02", "吴秀兰", "archives_head", "2005-07-01", "", True, True),
    ("S03", "郑丽", "archivist", "2012-03-01", "", True, True),
    ("S04", "钱志强", "accounting_head", "2008-01-01", "", False, False),
    ("S05", "孙敏", "accountant", "2014-09-01", "", False, False),
    ("S06", "林海", "accountant", "2016-04-01", "", False, False),
    ("S07", "李浩", "it", "2013-05-01", "", False, False),
    ("S08", "冯晓燕", "customer_service", "2018-01-01", "2026-06-30", True, False),
    ("S09", "陈宇", "customer_service", "2019-05-01", "", True, False),
    ("S10", "何静", "customer_service", "2020-02-01", "", True, False),
    ("S11", "赵磊", "sales", "2017-06-01", "", False, False),
    ("S12", "高明", "legal", "2015-01-01", "", True, False),
    ("S13", "许文", "liquidator", "2026-01-26", "", True, False),
    ("S14", "唐雪", "archivist", "2017-03-01", "", True, True),
]

PROVISION_RECORD = "PR-01"

# (id, title, series, period, trigger, statutory, citation, 附表1 item)
SCHEDULE = [
    ("voucher", "记账凭证", "accounting", "30 years", "fiscal_year_end", True, "会计档案管理办法 附表1 第2项", 2),
    ("ledger", "总账及明细账", "accounting", "30 years", "fiscal_year_end", True, "会计档案管理办法 附表1 第3、4项", 3),
    ("annual_report", "年度财务会计报告", "accounting", "permanent", "fiscal_year_end", True, "会计档案管理办法 附表1 第9项", 9),
    ("quarterly_report", "月度、季度财务会计报告", "accounting", "10 years", "fiscal_year_end", True, "会计档案管理办法 附表1 第8项", 8),
    ("bank_statement", "银行对账单及余额调节表", "accounting", "10 years", "fiscal_year_end", True, "会计档案管理办法 附表1 第10、11项", 11),
    ("tax_return", "纳税申报表", "tax", "10 years", "fiscal_year_end", True, "税收征收管理法实施细则 第二十九条第二款", None),
    ("invoice_stub", "发票存根联", "invoice", "5 years", "fiscal_year_end", True, "发票管理办法 第二十八条", None),
    ("contract", "购销合同", "contract", "10 years", "closed", False, "公司合同管理制度", None),
    ("customer_file", "客户档案", "customer", "3 years", "closed", False, "公司客户资料管理制度", None),
    ("kyc", "客户身份证件影像", "customer", "5 years", "closed", False, "公司客户资料管理制度", None),
    ("pia_report", "个人信息保护影响评估报告", "other", "3 years", "created", True, "个人信息保护法 第五十六条", None),
    ("processing_record", "个人信息处理情况记录", "other", "3 years", "created", True, "个人信息保护法 第五十六条第二款", None),
]

CUSTODIANS = [
    ("K-1", "上海申档档案管理服务有限公司（虚构）", "021-5555 0101 上海市嘉定区示例路 88 号"),
    ("K-2", "上海浦云信息服务有限公司（虚构）", "400-555-0102 service@puyun.example"),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏玲宇浩凯晨欣怡子涵梓萱一诺"


def person():
    return RNG.choice(SURNAMES) + "".join(RNG.choice(GIVEN) for _ in range(RNG.choice([1, 2])))


def phone():
    return "1" + RNG.choice("3589") + "".join(RNG.choice("0123456789") for _ in range(9))


# ---------------------------------------------------------------- the catalogue
def catalogue():
    recs = []

    def rec(id, title, cat, created, cls, location, medium="paper", **kw):
        r = dict(id=id, title=title, category=cat, created=created, status="transferred",
                 medium=medium, location=location, personal_info="false")
        r["class"] = cls
        r.update(kw)
        recs.append(r)
        return r

    for y in range(1994, 2026):
        elec = y >= 2016
        med = "electronic" if elec else "paper"
        loc = "财务电子档案系统" if elec else ("档案室A区" if y < 2010 else "档案室B区")
        for half in (1, 2):
            rec(f"V-{y}-{half}", f"{y}年{'上' if half == 1 else '下'}半年记账凭证", "voucher",
                f"{y}-{'06-30' if half == 1 else '12-31'}", "general", loc, med)
        rec(f"L-{y}", f"{y}年度总账及明细账", "ledger", f"{y}-12-31", "general", loc, med)
        rec(f"AR-{y}", f"{y}年度财务会计报告", "annual_report", f"{y}-12-31", "important", loc, med,
            backup_location="浦东异地备份库")
        rec(f"QR-{y}", f"{y}年度月度及季度财务报告", "quarterly_report", f"{y}-12-31", "general", loc, med)
        rec(f"BS-{y}", f"{y}年度银行对账单及余额调节表", "bank_statement", f"{y}-12-31", "general", loc, med)
        if y >= 2006:
            rec(f"TR-{y}", f"{y}年度纳税申报表", "tax_return", f"{y}-12-31", "general", loc, med)
        if y >= 2016:
            rec(f"IS-{y}", f"{y}年度发票存根联", "invoice_stub", f"{y}-12-31", "general", loc, med)
    for i in range(1, 41):
        start = date(2010, 1, 1) + timedelta(days=RNG.randrange(0, 5000))
        closed = start + timedelta(days=RNG.randrange(365, 1500))
        rec(f"CT-{i:03d}", f"购销合同 第{i:03d}号", "contract", start.isoformat(), "general", "合同柜",
            closed=closed.isoformat() if closed < date(2026, 1, 1) else None)
    customers = []
    for i in range(1, 61):
        cid = f"C-{i:04d}"
        name = person()
        created = date(2012, 1, 1) + timedelta(days=RNG.randrange(0, 4300))
        left = created + timedelta(days=RNG.randrange(400, 3000))
        closed = left if left < date(2026, 1, 1) else None
        # Whether the ID scans were taken: kept as the draws of the
        # random numbers were first made (customers who left before
        # December 2022 have none).
        early_leaver = closed is not None and closed < date(2022, 12, 1)
        # A file whose 3 years end before the handover was purged on the
        # last day of its period; the others went to the successor.
        expired = closed is not None and period_end(closed, 3) < HANDOVER_FROM
        customers.append((cid, name, closed, expired))
        rec(f"CF-{i:04d}", f"客户档案：{name}", "customer_file", created.isoformat(), "sensitive",
            "客户资料系统", "electronic", subject=cid, subject_name=name, phone=phone(),
            personal_info="true", encrypted="true", closed=closed.isoformat() if closed else None,
            status="destroyed" if expired else "transferred")
        if not early_leaver and i % 3 == 2 and cid != UNTOLD_CUSTOMER:
            kyc_created = max(created, date(2021, 7, 1)) + timedelta(days=RNG.randrange(0, 60))
            rec(f"KY-{cid}", f"客户身份证件影像：{name}", "kyc", kyc_created.isoformat(), "sensitive",
                "客户资料系统", "electronic", subject=cid, subject_name=name, personal_info="true",
                sensitive_personal_info="true", encrypted="true",
                closed=closed.isoformat() if closed else None)
    rec("PIA-01", "客户身份证件影像处理个人信息保护影响评估报告", "pia_report", "2021-06-10", "important",
        "合规部文件柜", backup_location="浦东异地备份库")
    rec("PIA-02", "客户资料移交浦云信息服务个人信息保护影响评估报告", "pia_report", "2026-09-01",
        "important", "合规部文件柜", backup_location="浦东异地备份库")
    # 个人信息保护法 第五十六条第二款: the record of providing the customer
    # files to the successor, kept three years (handed to K-1 with the archives).
    rec(PROVISION_RECORD, "客户资料移交浦云信息服务处理情况记录", "processing_record", "2026-10-10",
        "important", "合规部文件柜", backup_location="浦东异地备份库")
    return recs, customers


def period_end(closed, years):
    """The last day of a period of `years` counted from `closed` (the day
    itself plus the years, as the packs count it; 29 February gives 28)."""
    try:
        return closed.replace(year=closed.year + years)
    except ValueError:
        return closed.replace(year=closed.year + years, day=28)


def purged(r):
    """A customer file erased by the customer system's retention job."""
    return r["category"] == "customer_file" and r["status"] == "destroyed"


def destroyed_in_2026(r):
    """The 2026-03-18 batch of accounting archives: everything whose period
    ended by 2025-12-31."""
    y = int(r["created"][:4])
    cat = r["category"]
    if cat in ("voucher", "ledger"):
        return y <= 1995
    if cat in ("quarterly_report", "bank_statement", "tax_return"):
        return y <= 2015
    if cat == "invoice_stub":
        return y <= 2020
    return False


def main():
    recs, customers = catalogue()
    by_id = {r["id"]: r for r in recs}
    destroyed = [r for r in recs if destroyed_in_2026(r)]
    for r in destroyed:
        r["status"] = "destroyed"
    erased = sorted((r for r in recs if purged(r)), key=lambda r: r["closed"])
    by_id[UNSETTLED_VOUCHER]["unsettled"] = "true"
    kyc = by_id[UNENCRYPTED_KYC]
    kyc.update(status="archived", legal_hold="true", encrypted="false", deidentified="false")

    inv_header = ["id", "title", "class", "category", "subject", "subject_name", "phone",
                  "personal_info", "sensitive_personal_info", "medium", "location", "created",
                  "closed", "status", "legal_hold", "unsettled", "encrypted", "deidentified", "backup_location"]
    write("inventory.csv", csv_text(inv_header, recs))

    write("tables/staff.csv", csv_text(
        ["id", "name", "role", "authorized_from", "authorized_to", "may_read_pii", "designated_handover"],
        [dict(id=s[0], name=s[1], role=s[2], authorized_from=s[3], authorized_to=s[4],
              may_read_pii=str(s[5]).lower(), designated_handover=str(s[6]).lower()) for s in STAFF]))
    write("tables/retention_schedule.csv", csv_text(
        ["id", "title", "series", "period", "trigger", "statutory", "citation", "annex1_item"],
        [dict(id=s[0], title=s[1], series=s[2], period=s[3], trigger=s[4],
              statutory=str(s[5]).lower(), citation=s[6], annex1_item=s[7]) for s in SCHEDULE]))
    write("tables/vendor.csv", csv_text(
        ["id", "name", "contract_signed", "contract_ends", "purpose", "method", "pi_types", "protection"],
        [dict(id="V-1", name="上海申档档案管理服务有限公司（虚构）", contract_signed="2026-02-20",
              contract_ends="2026-12-31", purpose="销毁保管期满的会计档案和客户档案", method="专车运输、化浆销毁",
              pi_types="客户姓名、证件号码、联系方式、账户信息",
              protection="保密协议、专车封箱运输、全程监销、出具销毁证明")]))
    write("tables/custodian.csv", csv_text(["id", "name", "contact"],
                                           [dict(id=c[0], name=c[1], contact=c[2]) for c in CUSTODIANS]))

    write("company.yaml", f"""# 上海浦江云数科技股份有限公司 (fictional): a non-listed joint-stock company
# founded in 1994, dissolved by resolution of the shareholders' meeting.
name: 上海浦江云数科技股份有限公司（虚构）
credit_code: 91310104MA1FR7QW8W  # its check digit fits (GB 32100-2015)
dissolution_cause: {DISSOLUTION}           # 股东大会决议解散
liquidation_group_formed: {GROUP_FORMED}     # 清算组成立
liquidation_finished: {LIQUIDATION_FINISHED}         # 清算报告经股东大会确认
deregistration_filed: {DEREGISTRATION_FILED}         # 向上海市市场监督管理局申请注销登记
deregistration_kind: ordinary
invoices_cancelled: {INVOICES_CANCELLED}           # 未使用发票缴销
tax_deregistered: {TAX_DEREGISTERED}             # 注销税务登记（清税）
""")

    # Appraisal opinions and the destruction register.
    appraisals, destructions = [], []
    for n, r in enumerate(destroyed, 1):
        # 第十七条: led by the archives office, with accounting and audit.
        appraisals.append(dict(id=f"JD-{n:03d}", record=r["id"], at=APPRAISAL_AT, conclusion="destroy",
                               appraisers=["吴秀兰", "钱志强", "高明", "沈立新"], opinion_no="JD-2026-01",
                               lead="S02", accounting_member="S04",
                               audit_member="沈立新（上海某会计师事务所，虚构）"))
        d = dict(id=f"XH-{n:03d}", record=r["id"], at=DESTRUCTION_AT,
                 method="pulp" if r["medium"] == "paper" else "crypto_erase",
                 place="上海申档档案管理服务有限公司销毁中心（虚构）" if r["medium"] == "paper" else "客户资料系统机房",
                 register_no=f"XHQC-2026-{n:03d}", volumes=RNG.randrange(1, 12),
                 retention_required=by_category(r["category"]), retention_served=served(r, date(2026, 3, 18)),
                 approved_by="S01", archives_head="S02", accounting_head="S04", archives_handler="S03",
                 accounting_handler="S05", archives_supervisor="S14", accounting_supervisor="S06")
        if r["medium"] == "electronic":
            d["it_supervisor"] = "S07"
        else:
            # 个人信息保护法 第二十一条: paper is pulped by an entrusted company.
            d["vendor"] = "V-1"
        if r["id"] == SUPERVISED_BY_ONE:
            del d["accounting_supervisor"]
        destructions.append(d)
    # The customer system's retention job (客户资料系统): each file erased
    # at 02:00 on the last day of its 3 years, the IT supervisor watching
    # the job's log, the erasure approved under the company's customer
    # records rule by the company head.
    for n, r in enumerate(erased, len(destroyed) + 1):
        day = period_end(date.fromisoformat(r["closed"]), 3)
        destructions.append(dict(id=f"XH-{n:03d}", record=r["id"], at=f"{day}T{PURGE_TIME}",
                                 method="crypto_erase", place="客户资料系统机房",
                                 register_no=f"XHQC-{day.year}-KH-{r['id'][3:]}", volumes=1,
                                 retention_required=by_category(r["category"]), retention_served="3 years",
                                 approved_by="S01", archives_head="S02", archives_handler="S03",
                                 archives_supervisor="S02", it_supervisor="S07"))
    write("logs/appraisal.jsonl", jsonl(appraisals))
    write("logs/destruction.jsonl", jsonl(destructions))

    # Handovers: archives to K-1, customer records to the successor K-2.
    handovers = []
    for n, r in enumerate([r for r in recs if r["status"] == "transferred"], 1):
        customer_side = r["category"] in ("customer_file", "kyc")
        day = date(2026, 10, 10) + timedelta(days=n % 5)
        # The handover register (会计档案移交清册, 第二十四条): contents, and
        # the handler and supervisor of each side.
        handovers.append(dict(id=f"YJ-{n:03d}", record=r["id"], at=at(day, 9 + n % 8),
                              custodian="K-2" if customer_side else "K-1",
                              handled_by=["S02", "S03", "S14"][n % 3],
                              received_by="韩梅" if customer_side else "罗志平",
                              supervised_by="S13", receiver_supervisor="邱海" if customer_side else "钟立",
                              register_no=f"YJQC-2026-{n:03d}", volumes=1 + n % 4,
                              retention_required=by_category(r["category"]),
                              retention_served=served(r, day),
                              processing_record=PROVISION_RECORD if customer_side else None))
    write("logs/handover.csv", csv_text(["id", "at", "record", "custodian", "handled_by", "received_by",
                                         "supervised_by", "receiver_supervisor", "register_no", "volumes",
                                         "retention_required", "retention_served", "processing_record"],
                                handovers))

    # Notices: creditors, customers (transfer and destruction).
    notes = []
    creditors = ["上海某钢材贸易有限公司（虚构）", "浙江某电子元件有限公司（虚构）", "上海某物业管理有限公司（虚构）",
                 "江苏某物流有限公司（虚构）", "上海某广告有限公司（虚构）", "某商业银行上海分行（虚构）"]
    for i, c in enumerate(creditors, 1):
        notes.append(dict(id=f"TZ-ZQ-{i:02d}", subject=f"CR-{i:02d}", topic="creditor", channel="letter",
                          at=f"{GROUP_FORMED + timedelta(days=2 + i % 5)}T10:00:00+08:00", recipient=c))
    for cid, name, closed, expired in customers:
        if expired:
            # 指引 十一.4: told by SMS the day the file was erased.
            notes.append(dict(id=f"TZ-XH-{cid}", subject=cid, record=f"CF-{cid[2:]}", topic="destruction",
                              channel="sms", at=f"{period_end(closed, 3)}T10:00:00+08:00", recipient=phone()))
        elif cid != UNTOLD_CUSTOMER:
            day = date(2026, 9, 20) + timedelta(days=RNG.randrange(0, 12))
            notes.append(dict(id=f"TZ-YJ-{cid}", subject=cid, topic="transfer",
                              channel=RNG.choice(["sms", "email"]), at=f"{day}T10:00:00+08:00",
                              recipient=phone(), new_holder=CUSTODIANS[1][1],
                              new_holder_contact=CUSTODIANS[1][2]))

    write("logs/announcement.yaml", f"""# Public announcements (公告) on the National Enterprise Credit Information
# Publicity System (国家企业信用信息公示系统) and in a newspaper.
- {{id: GG-1, topic: dissolution, at: "{DISSOLUTION + timedelta(days=7)} 09:00", medium: 国家企业信用信息公示系统}}
- {{id: GG-2, topic: liquidation_group, at: "{GROUP_PUBLISHED} 09:00", medium: 国家企业信用信息公示系统}}
- {{id: GG-3, topic: creditors, at: "{CREDITORS_ANNOUNCED} 09:00", medium: 国家企业信用信息公示系统}}
- {{id: GG-4, topic: customers, at: "2026-09-15 09:00", medium: 公司网站及微信公众号}}
""")

    write("logs/assessment.jsonl", jsonl([
        dict(id="PG-1", category="kyc", scope="sensitive_pi", report="PIA-01", at="2021-06-10T10:00:00+08:00"),
        dict(id="PG-2", category="customer_file", scope="provide", report="PIA-02", at="2026-09-01T10:00:00+08:00"),
        # 个人信息保护法 第五十五条第三项: providing the ID scans is assessed too
        # (the same report covers both kinds of record).
        dict(id="PG-3", category="kyc", scope="provide", report="PIA-02", at="2026-09-01T10:00:00+08:00"),
    ]))
    write("logs/breach.jsonl", jsonl([dict(
        id="SJ-2026-01", at="2026-04-08T16:40:00+08:00", types="客户姓名、手机号",
        cause="客服人员误将含12名客户信息的表格发送至外部邮箱，可能导致骚扰电话",
        remedies="已要求对方删除并书面确认；提醒客户注意陌生来电", contact="合规部 高明 021-5555 0199",
        high_risk=False, regulator_notified="2026-04-09T10:00:00+08:00",
        individuals_notified="2026-04-09T15:00:00+08:00")]))

    # Inspections: every storage place each quarter.
    places = sorted({r["location"] for r in recs})
    inspections = [dict(id=f"JC-{q}-{i}", at=at(d, 14), location=p, inspector="S02", result="ok")
                   for q, d in enumerate([date(2025, 12, 15), date(2026, 3, 16), date(2026, 6, 15),
                                          date(2026, 9, 15)], 1)
                   for i, p in enumerate(places, 1)]
    write("logs/inspection.csv", csv_text(["id", "at", "location", "inspector", "result"], inspections))

    changes = []
    for n, (cid, _, _, expired) in enumerate([c for c in customers if not c[3]][:12], 1):
        changes.append(dict(id=f"BG-{n:02d}", at=at(date(2025, 12, 1) + timedelta(days=25 * n), 11),
                            record=f"CF-{cid[2:]}", actor="S09", reason=RNG.choice(["客户来电更正手机号", "客户书面申请更正地址", "合同续签更新联系人"]),
                            reviewed_by="S10"))
    write("logs/change.csv", csv_text(["id", "at", "record", "actor", "reason", "reviewed_by"], changes))
    # 指引 十.4: each customer told of a change to their file two days later.
    for c in changes:
        changed = date.fromisoformat(c["at"][:10])
        notes.append(dict(id=f"TZ-{c['id']}", subject=f"C-{c['record'][3:]}", record=c["record"],
                          topic="change", channel="sms", at=f"{changed + timedelta(days=2)}T10:00:00+08:00"))
    write("logs/notification.jsonl", jsonl(notes))
    # 指引 三.2, 三.6: the archiving of what stays in the archive.
    write("logs/archival.csv", csv_text(["id", "at", "record", "location", "actor"], [
        dict(id=f"GD-{n:02d}", at=at(date.fromisoformat(r["created"]) + timedelta(days=30), 15),
             record=r["id"], location=r["location"], actor="S03")
        for n, r in enumerate([r for r in recs if r["status"] == "archived"], 1)]))
    # 公司法 第二百三十五条第三款: the creditors are paid only after the claim
    # periods (45 days from the announcement of 2026-03-30, 30 days from each notice).
    # Each declared its claim (第一款) within 30 days of its notice (28 January to 1 February).
    write("logs/creditor_payment.csv", csv_text(["id", "at", "creditor", "amount", "declared"], [
        dict(id=f"QC-{n:02d}", at=at(date(2026, 7, 1) + timedelta(days=n), 14), creditor=f"CR-{n:02d}",
             amount=f"{12000 + 3500 * n}.00", declared=str(date(2026, 2, 16) + timedelta(days=n)))
        for n in range(1, 7)]))
    write("logs/review.csv", csv_text(["id", "at", "scope", "reviewer", "result"], [dict(
        id="SC-1", at="2026-10-28 15:00", scope="客户资料保管、销毁、移交与告知的合规审查", reviewer="S12", result="passed")]))

    write("logs/access.csv", csv_text(["id", "at", "record", "actor", "action", "purpose", "approved_by",
                                       "borrower", "external"], access_log(recs)))


def by_category(cat):
    return next(s[3] for s in SCHEDULE if s[0] == cat)


def served(r, day):
    """Full years kept from the day after the record's fiscal year to `day`
    (会计档案管理办法 第十四条): a 1995 voucher destroyed in March 2026 has
    served 30 years, not 31."""
    start = date(int(r["created"][:4]) + 1, 1, 1)
    years = day.year - start.year - ((day.month, day.day) < (start.month, start.day))
    return f"{max(years, 0)} years"


def access_log(recs):
    """A year of consultations, 2025-12-01 to 2026-10-15."""
    acc_records = [r["id"] for r in recs if r["category"] in ("voucher", "ledger", "bank_statement",
                                                              "quarterly_report", "annual_report")
                   and r["status"] != "destroyed"]
    customer_files = [r["id"] for r in recs if r["category"] == "customer_file" and r["status"] != "destroyed"]
    contracts = [r["id"] for r in recs if r["category"] == "contract"]
    rows = []
    day = date(2025, 12, 1)
    while day <= date(2026, 10, 15):
        if day.weekday() < 5:
            for _ in range(RNG.choice([0, 1, 1, 2])):
                kind = RNG.random()
                hh, mm = RNG.randrange(9, 17), RNG.choice([0, 10, 20, 30, 40, 50])
                if kind < 0.45:
                    rows.append(dict(at=at(day, hh, mm), record=RNG.choice(acc_records),
                                     actor=RNG.choice(["S04", "S05", "S06", "S13"]), action="query",
                                     purpose=RNG.choice(["清算审计", "债权债务清理", "清税申报核对", "编制清算报告"])))
                elif kind < 0.55:
                    rows.append(dict(at=at(day, hh, mm), record=RNG.choice(acc_records), actor="S05",
                                     action="copy", purpose="税务机关清税检查调取", approved_by="S04"))
                elif kind < 0.9:
                    reader = RNG.choice(["S09", "S10", "S08"] if day <= date(2026, 6, 30) else ["S09", "S10"])
                    read = dict(at=at(day, hh, mm), record=RNG.choice(customer_files), actor=reader,
                                action="query", purpose=RNG.choice(["售后服务", "客户回访", "资料更正", "移交前核对"]))
                    # No customer file is read once the handover began: a file
                    # handed over is the successor's, and the company's use of
                    # it afterwards would break 个人信息保护法 第四十七条 (the
                    # random draws are made all the same, so the rest of the
                    # log is as before).
                    if day <= HANDOVER_FROM:
                        rows.append(read)
                else:
                    rows.append(dict(at=at(day, hh, mm), record=RNG.choice(contracts), actor="S11",
                                     action="query", purpose="应收账款催收"))
        day += timedelta(days=1)
    rows.append(dict(at="2026-04-20 10:00", record="AR-2025", actor="S02", action="loan",
                     purpose="清算组编制清算方案", approved_by="S01", borrower="清算组", external="false"))
    rows.append(dict(at="2026-06-03 14:30", record=UNENCRYPTED_KYC, actor="S12", action="query",
                     purpose="诉讼应诉"))
    rows.append(dict(at=NO_PURPOSE[1], record=NO_PURPOSE[0], actor="S06", action="query"))
    rows.append(dict(at=FORMER_READER[2], record=FORMER_READER[1], actor=FORMER_READER[0], action="query",
                     purpose="客户回访"))
    rows.sort(key=lambda r: r["at"])
    for n, r in enumerate(rows, 1):
        r["id"] = f"CY-{n:04d}"
    return rows


if __name__ == "__main__":
    main()
