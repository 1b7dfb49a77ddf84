#!/usr/bin/env bash
# The Spark engine at scale (issue 19, item 5; docs/spark.md): generates the
# benchmark case (bench/lib.sh's generator, x10 events per record), checks
# it with the native engine and with the Spark engine on the local
# standalone cluster (scripts/spark-cluster), prints the wall time, CPU
# time and peak RSS of each and whether they found the same violations, and
# writes Spark's plan (`EXPLAIN FORMATTED`) of one rule.
#
#   bench/spark-scale.sh              # 1M records (10M events)
#   bench/spark-scale.sh 10000        # a small trial
#   SHAPE=real bench/spark-scale.sh   # shape (bench/lib.sh; default bench)
#   RULE=3 bench/spark-scale.sh       # the rule whose plan is written (index
#                                     # in the compiled script; default 0)
#   PROFILE=debug bench/spark-scale.sh 10000   # debug binaries (no release build)
#   CUSTODIA_SPARK_MASTER=spark://host:7077    # a running cluster (not
#                                              # started or stopped here)
#   IN_PLACE=1 bench/spark-scale.sh   # Spark reads the inventory, the access
#                                     # and notification logs and the staff
#                                     # and custodian tables in place (from
#                                     # the generated case; no staged copy),
#                                     # the rest staged as for acme
#                                     # (scripts/spark-diff); no plan
#
#   EXECUTOR_MEMORY=3g bench/spark-scale.sh   # executors (and workers, when
#                                     # the cluster is started here) of
#                                     # that size (default 512m)
#
# Output under $CASES (default /tmp/custodia-spark-scale): native.json,
# spark.json, *.time (GNU time), explain-rule-N.txt; the case is deleted
# at the end (KEEP=1 keeps it). Peak RSS is custodia's and its largest
# child's (the Spark driver); executors run under the cluster's workers
# ($EXECUTOR_MEMORY, default 512 MB, each) and are not in it.
#
# Spark itself stages the case (docs/spark.md, "How the data reaches
# Spark"): at 1M records the staged JSONL is about the size of the case.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
n=${1:-1000000}
shape=${SHAPE:-bench}
profile=${PROFILE:-release}
cases=${CASES:-/tmp/custodia-spark-scale}
[ -x /usr/bin/time ] || { echo "spark-scale: /usr/bin/time (GNU time) is missing: apt-get install time" >&2; exit 2; }

if [ "$profile" = release ]; then
  cargo build --release --quiet --bin custodia --example gen
else
  cargo build --quiet --bin custodia --example gen
  export GEN=target/debug/examples/gen
fi
bin=target/$profile/custodia

VENV=${CUSTODIA_SPARK_VENV:-/tmp/custodia-spark-venv}
scripts/spark-cluster install >/dev/null
export SPARK_HOME; SPARK_HOME=$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export PYSPARK_PYTHON="$VENV/bin/python"

mkdir -p "$cases"
case_dir=$cases/$shape-r${n}x${EVENTS:-10}
trap '[ -n "${KEEP:-}" ] || rm -rf "$case_dir" "$cases/stage" "$cases/in-place"; [ -n "${CUSTODIA_SPARK_MASTER:-}" ] || scripts/spark-cluster stop' EXIT
master=${CUSTODIA_SPARK_MASTER:-}
executor_memory=${EXECUTOR_MEMORY:-512m}
export CUSTODIA_SPARK_WORKER_MEMORY=${CUSTODIA_SPARK_WORKER_MEMORY:-$executor_memory}
[ -n "$master" ] || master=$(scripts/spark-cluster start)

echo "generating $n records ($shape) ..."
generate "$shape" "$n" "$case_dir"
echo "load average before: $(load_average)"
printf '%-7s %9s %9s %9s %10s\n' engine wall_s cpu_s rss_MiB violations
row() {
  local engine=$1 json=$2; shift 2
  read -r wall cpu rss < <(measure "$cases/$engine" "$@")
  local found
  found=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["violations"]))' "$json")
  printf '%-7s %9.1f %9.1f %9d %10d\n' "$engine" "$wall" "$cpu" "$rss" "$found"
}
row native "$cases/native.json" "$bin" check "$case_dir" --format json --output "$cases/native.json"
spark_case=$case_dir
if [ -n "${IN_PLACE:-}" ]; then
  # A twin of the case whose custodia.yaml names the large sources by
  # their absolute paths for Spark; the staged ones are linked in.
  spark_case=$cases/in-place
  rm -rf "$spark_case"; mkdir -p "$spark_case/logs" "$spark_case/tables"
  ln -s "$case_dir/company.yaml" "$case_dir/policies" "$spark_case/"
  ln -s "$case_dir/logs/destruction.jsonl" "$case_dir/logs/handover.csv" "$spark_case/logs/"
  ln -s "$case_dir/tables/retention_schedule.csv" "$spark_case/tables/"
  cat "$case_dir/custodia.yaml" - >"$spark_case/custodia.yaml" <<EOF
inventory:
  spark: { path: $case_dir/inventory.csv, format: csv }
logs:
  - spark: { path: $case_dir/logs/access.csv, format: csv }
    kind: access
  - spark: { path: $case_dir/logs/access-archive.jsonl, format: json }
    kind: access
  - spark: { path: $case_dir/logs/notification.jsonl, format: json }
    kind: notification
  - logs/destruction.jsonl
  - logs/handover.csv
tables:
  staff:
    spark: { path: $case_dir/tables/staff.csv, format: csv }
  custodian:
    spark: { path: $case_dir/tables/custodian.csv, format: csv }
  retention_schedule: tables/retention_schedule.csv
EOF
fi
row spark "$cases/spark.json" "$bin" check "$spark_case" --engine spark --spark-master "$master" \
  --spark-conf spark.executor.memory="$executor_memory" --spark-conf spark.cores.max=2 \
  --format json --output "$cases/spark.json"
# In place, Spark names the case's files by the absolute paths the twin's
# custodia.yaml gives them; natively they are relative to the case.
python3 - "$cases/native.json" "$cases/spark.json" "$case_dir/" <<'PY'
import json, sys
keys = ("rule", "subject", "outcome", "message", "evidence", "values", "waiver", "fingerprint")
a, b = ([json.dumps({k: v.get(k) for k in keys}, sort_keys=True).replace(sys.argv[3], "") for v in json.load(open(p))["violations"]] for p in sys.argv[1:3])
print("same violations:", "yes" if sorted(a) == sorted(b) else "NO", f"({len(a)} and {len(b)})")
PY
echo "load average after: $(load_average)"
[ -z "${IN_PLACE:-}" ] || exit 0

# The plan of one rule: the script's statements up to the rule's last step,
# run on the staged case in a local session, then EXPLAIN of that step.
rule=${RULE:-0}
"$bin" compile "$case_dir" --target spark-sql --output "$cases/case.sql" --stage "$cases/stage"
"$VENV/bin/python" - "$cases/case.sql" "$cases/stage" "$rule" >"$cases/explain-rule-$rule.txt" <<'PY'
import re, sys
from pyspark.sql import SparkSession
script, stage, rule = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(script, encoding="utf-8").read().replace("${custodia.stage}", stage)
chunks, chunk = [], []
for line in text.splitlines():
    if line.strip() == ";":
        chunks.append("\n".join(chunk).strip()); chunk = []
    else:
        chunk.append(line)
steps = [i for i, c in enumerate(chunks) if re.search(rf"^CREATE OR REPLACE TEMPORARY VIEW r{rule}_s\d+ AS$", c, re.M)]
if not steps:
    sys.exit(f"no rule {rule} in the script")
spark = (SparkSession.builder.master("local[1]").appName("custodia-explain")
         .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
for c in chunks[: steps[-1] + 1]:
    if c and not all(l.strip().startswith("--") or not l.strip() for l in c.splitlines()):
        spark.sql(c)
last = re.search(r"VIEW (r\d+_s\d+) AS", chunks[steps[-1]]).group(1)
head = [l for l in text.splitlines() if l.startswith(f"-- ==== rule ")][rule]
print(head)
print(f"-- EXPLAIN FORMATTED SELECT * FROM {last}")
print(spark.sql(f"EXPLAIN FORMATTED SELECT * FROM {last}").collect()[0][0])
spark.stop()
PY
echo "plan of rule $rule: $cases/explain-rule-$rule.txt"
