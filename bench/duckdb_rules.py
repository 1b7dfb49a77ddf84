"""The nine rules of examples/gen/policies/rules.policy as hand-written DuckDB
SQL, over the files of a generated case, for bench/duckdb.sh.

    python duckdb_rules.py CASE_DIR OUT.csv

Reads every input the rules need (all declared columns, as custodia does),
evaluates the rules with the same three-valued reading (a `require` fails on
false *and* on unknown: `IS NOT TRUE`), builds each violation's subject and
message, and writes one CSV row per violation (rule, subject, message) to
OUT.csv. bench/duckdb.sh counts those rows per rule and compares them with
custodia's JSON report. The case time zone is the session's, so `date(at)`,
`at + 30 days` and a date compared with a datetime are calendar operations
in Asia/Shanghai, as in custodia.
"""

import re
import sys
from pathlib import Path

import duckdb


def yaml_value(text, key):
    """A top-level `key: value` of the generator's flat YAML files."""
    m = re.search(rf"^{key}:\s*(\S+)\s*$", text, re.M)
    if not m:
        sys.exit(f"duckdb_rules: no `{key}:` found")
    return m.group(1)


def sql(case, real):
    manifest = (case / "custodia.yaml").read_text(encoding="utf-8")
    company = (case / "company.yaml").read_text(encoding="utf-8")
    tz = yaml_value(manifest, "time_zone")
    as_of = yaml_value(manifest, "as_of")
    credit = yaml_value(company, "credit_code")
    cause = yaml_value(company, "dissolution_cause")
    formed = yaml_value(company, "liquidation_group_formed")
    # The real shape's events carry ids and the access log free text.
    ev_id = "'id': 'VARCHAR', " if real else ""
    access_extra = ", 'ip': 'VARCHAR', 'remark': 'VARCHAR'" if real else ""
    access_cols = "id, \"at\", record, actor, nullif(purpose, '') AS purpose, ip, nullif(remark, '') AS remark" if real else "\"at\", record, actor, nullif(purpose, '') AS purpose"
    c = str(case)
    return f"""
SET TimeZone = '{tz}';
CREATE MACRO truthy(x) AS lower(x) IN ('true', 'yes', '是', '1');

CREATE TABLE record AS SELECT * FROM read_csv('{c}/inventory.csv', header = true,
  columns = {{'id': 'VARCHAR', 'title': 'VARCHAR', 'class': 'VARCHAR', 'category': 'VARCHAR',
             'subject': 'VARCHAR', 'personal_info': 'VARCHAR', 'created': 'DATE',
             'period_end': 'DATE', 'status': 'VARCHAR', 'legal_hold': 'VARCHAR',
             'location': 'VARCHAR', 'phone': 'VARCHAR'}});
CREATE TABLE staff AS SELECT * FROM read_csv('{c}/tables/staff.csv', header = true,
  columns = {{'id': 'VARCHAR', 'name': 'VARCHAR', 'role': 'VARCHAR', 'authorized_from': 'DATE',
             'authorized_to': 'DATE', 'may_read_pii': 'VARCHAR'}});
CREATE TABLE retention_schedule AS SELECT * FROM read_csv('{c}/tables/retention_schedule.csv',
  header = true, columns = {{'id': 'VARCHAR', 'title': 'VARCHAR', 'period': 'VARCHAR', 'citation': 'VARCHAR'}});
CREATE TABLE access AS
  SELECT {access_cols} FROM read_csv('{c}/logs/access.csv', header = true,
    columns = {{{ev_id}'at': 'TIMESTAMPTZ', 'record': 'VARCHAR', 'actor': 'VARCHAR', 'purpose': 'VARCHAR'{access_extra}}})
  UNION ALL
  SELECT {access_cols} FROM read_json('{c}/logs/access-archive.jsonl', format = 'newline_delimited',
    columns = {{'kind': 'VARCHAR', {ev_id}'at': 'TIMESTAMPTZ', 'record': 'VARCHAR', 'actor': 'VARCHAR',
               'purpose': 'VARCHAR'{access_extra}}})
  WHERE kind = 'access';
CREATE TABLE destruction AS SELECT * FROM read_json('{c}/logs/destruction.jsonl', format = 'newline_delimited',
  columns = {{'id': 'VARCHAR', 'at': 'TIMESTAMPTZ', 'record': 'VARCHAR', 'method': 'VARCHAR', 'place': 'VARCHAR',
             'witnesses': 'VARCHAR[]', 'approved_by': 'VARCHAR'}});
CREATE TABLE notification AS SELECT * FROM read_json('{c}/logs/notification.jsonl', format = 'newline_delimited',
  columns = {{{ev_id}'at': 'TIMESTAMPTZ', 'record': 'VARCHAR', 'channel': 'VARCHAR', 'recipient': 'VARCHAR'}});
CREATE TABLE handover AS SELECT * FROM read_csv('{c}/logs/handover.csv', header = true,
  columns = {{'id': 'VARCHAR', 'at': 'TIMESTAMPTZ', 'record': 'VARCHAR', 'custodian': 'VARCHAR',
             'handled_by': 'VARCHAR'}});

CREATE TABLE violations AS
-- pii_access_authorized: for access a where a.record.personal_info (two requires)
WITH pa AS (
  SELECT a.record, a."at", s.name, s.role, s.may_read_pii, s.authorized_from, s.authorized_to
  FROM access a JOIN record r ON r.id = a.record LEFT JOIN staff s ON s.id = a.actor
  WHERE truthy(r.personal_info)
),
-- destroyed records and their destruction events (match d on d.record == r.id)
rd AS (
  SELECT r.id AS rid, d.* FROM record r JOIN destruction d ON d.record = r.id
  WHERE r.status = 'destroyed'
),
-- destruction events with their record (d.record.category, d.record.created)
dr AS (
  SELECT d.record AS rid, d."at", r.category, r.created
  FROM destruction d LEFT JOIN record r ON r.id = d.record
)
SELECT 'pii_access_authorized' AS rule, record AS subject,
       format('{{}} ({{}}) is not cleared to read personal information but opened {{}}', name, role, record) AS message
  FROM pa WHERE truthy(may_read_pii) IS NOT TRUE
UNION ALL
SELECT 'pii_access_authorized', record,
       format('{{}} opened {{}} on {{}}, outside their authorization window', name, record, CAST("at" AS DATE))
  FROM pa WHERE (CAST("at" AS DATE) >= authorized_from
                 AND (authorized_to IS NULL OR CAST("at" AS DATE) <= authorized_to)) IS NOT TRUE
-- access_purpose_recorded
UNION ALL
SELECT 'access_purpose_recorded', record, 'a.purpose is set does not hold' FROM access WHERE purpose IS NULL
UNION ALL
SELECT 'access_purpose_recorded', a.record,
       format('{{}} was opened for marketing after the liquidation group was formed', a.record)
  FROM access a JOIN record r ON r.id = a.record
  WHERE truthy(r.personal_info) AND a.at >= CAST(DATE '{formed}' AS TIMESTAMPTZ)
    AND (NOT contains(a.purpose, '营销')) IS NOT TRUE
-- important_not_read_by_sales: forbid access a on a.record == r.id and a.actor.role == "sales"
UNION ALL
SELECT 'important_not_read_by_sales', r.id,
       format('{{}} is important but was opened by {{}}, who works in sales', r.id, s.name)
  FROM record r JOIN access a ON a.record = r.id JOIN staff s ON s.id = a.actor
  WHERE r.class = 'important' AND s.role = 'sales'
-- complete_destruction_record
UNION ALL
SELECT 'complete_destruction_record', r.id,
       format('record {{}} is marked destroyed but no destruction event exists', r.id)
  FROM record r WHERE r.status = 'destroyed'
    AND NOT EXISTS (SELECT 1 FROM destruction d WHERE d.record = r.id)
UNION ALL
SELECT 'complete_destruction_record', rid,
       format('{{}} was destroyed by {{}}, which is not an approved method', rid, method)
  FROM rd WHERE (method IN ('shred', 'incinerate', 'pulp', 'degauss', 'crypto_erase')) IS NOT TRUE
UNION ALL
SELECT 'complete_destruction_record', rid,
       format('destruction of {{}} was witnessed by {{}} person(s); two are required', rid, len(list_distinct(witnesses)))
  FROM rd WHERE (len(list_distinct(witnesses)) >= 2) IS NOT TRUE
UNION ALL
SELECT 'complete_destruction_record', rid, 'd.approved_by.role == "manager" does not hold'
  FROM rd LEFT JOIN staff s ON s.id = rd.approved_by WHERE (s.role = 'manager') IS NOT TRUE
-- no_destruction_under_legal_hold
UNION ALL
SELECT 'no_destruction_under_legal_hold', r.id,
       format('{{}} is under legal hold but was destroyed on {{}} ({{}})', r.id, CAST(d.at AS DATE), d.method)
  FROM record r JOIN destruction d ON d.record = r.id WHERE truthy(r.legal_hold)
-- handover_subject_notified
UNION ALL
SELECT 'handover_subject_notified', r.id,
       format('{{}} is marked transferred but no handover to a custodian is recorded', r.id)
  FROM record r WHERE r.status = 'transferred'
    AND NOT EXISTS (SELECT 1 FROM handover h WHERE h.record = r.id)
UNION ALL
SELECT 'handover_subject_notified', r.id,
       format('the customer behind {{}} was not told individually within 30 days of its handover on {{}}',
              r.id, CAST(h.at AS DATE))
  FROM record r JOIN handover h ON h.record = r.id
  WHERE r.status = 'transferred' AND truthy(r.personal_info)
    AND NOT EXISTS (SELECT 1 FROM notification n
                    WHERE n.record = r.id AND n.channel IN ('sms', 'email', 'letter')
                      AND (n.at BETWEEN h.at - INTERVAL 30 DAY AND h.at
                           OR n.at BETWEEN h.at AND h.at + INTERVAL 30 DAY))
-- no_early_destruction
UNION ALL
SELECT 'no_early_destruction', rid,
       format('no retention period is scheduled for category {{}}', category)
  FROM dr WHERE NOT EXISTS (SELECT 1 FROM retention_schedule s WHERE s.id = dr.category)
UNION ALL
SELECT 'no_early_destruction', rid,
       format('{{}} ({{}}) must be kept permanently but was destroyed on {{}}', rid, category, CAST("at" AS DATE))
  FROM dr JOIN retention_schedule s ON s.id = dr.category WHERE s.period = 'permanent'
UNION ALL
SELECT 'no_early_destruction', rid,
       format('{{}} was destroyed on {{}}, before its {{}} retention period ended on {{}}', rid,
              CAST("at" AS DATE), s.period, CAST(created + CAST(s.period AS INTERVAL) AS DATE))
  FROM dr JOIN retention_schedule s ON s.id = dr.category
  WHERE s.period <> 'permanent'
    AND (CAST("at" AS DATE) >= CAST(created + CAST(s.period AS INTERVAL) AS DATE)) IS NOT TRUE
-- custody_after_deregistration
UNION ALL
SELECT 'custody_after_deregistration', r.id,
       format('{{}} is still in retention on {as_of} (status {{}}) but has not been handed over', r.id, r.status)
  FROM record r
  WHERE r.status IN ('active', 'archived', 'transferred')
    AND (r.period_end IS NULL OR r.period_end > DATE '{as_of}')
    AND NOT EXISTS (SELECT 1 FROM handover h WHERE h.record = r.id)
-- liquidation_group_on_time (the company: one row)
UNION ALL
SELECT 'liquidation_group_on_time', 'company', 'credit code does not match'
  WHERE NOT regexp_full_match('{credit}', '[0-9A-HJ-NPQRTUWXY]{{2}}[0-9]{{6}}[0-9A-HJ-NPQRTUWXY]{{10}}')
UNION ALL
SELECT 'liquidation_group_on_time', 'company',
       format('the liquidation group was formed {{}} days after the cause of dissolution; the limit is 15 days',
              DATE '{formed}' - DATE '{cause}')
  WHERE NOT (DATE '{formed}' BETWEEN DATE '{cause}' AND DATE '{cause}' + INTERVAL 15 DAY);
"""


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: duckdb_rules.py CASE_DIR OUT.csv")
    case, out = Path(sys.argv[1]).resolve(), sys.argv[2]
    header = (case / "logs/access.csv").open(encoding="utf-8").readline()
    real = header.startswith("id,")
    con = duckdb.connect()
    con.execute(sql(case, real))
    con.execute(f"COPY violations TO '{out}' (FORMAT CSV, HEADER)")


if __name__ == "__main__":
    main()
