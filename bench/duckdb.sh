#!/usr/bin/env bash
# custodia against DuckDB on the same rules and files, side by side.
#
# For each shape and size, generates a case (bench/lib.sh: bench, real,
# high), then runs, as whole processes under /usr/bin/time -v:
#   custodia check CASE --format json          (the nine rules + built-in checks)
#   python bench/duckdb_rules.py CASE OUT.csv  (the nine rules in DuckDB SQL)
# and prints wall time, user+sys CPU time, peak RSS and the custodia/DuckDB
# ratios, and checks that both found the same number of violations per rule
# (exit 1 if not). It also times `custodia check CASE --parse-only` (read
# and type every input, no rule), for check/parse. DuckDB comes from PyPI, installed into a venv in
# $DUCKDB_VENV (default /tmp/custodia-bench-duckdb); where it cannot be
# installed the comparison is skipped with a message (exit 0).
#
#   bench/duckdb.sh                      # shapes bench, real, high at 100k and 1M records
#   SHAPES=high bench/duckdb.sh 100000
#   DUCKDB_VERSION=1.4.2 bench/duckdb.sh # pin another DuckDB (default 2.0.1)
#   BIN=/tmp/custodia-old bench/duckdb.sh  # measure another custodia binary
#   BEFORE=/tmp/custodia-old bench/duckdb.sh # also time that binary's check on
#                                        # each case and compare its report
#
# Cases go to $CASES (default /tmp/custodia-bench-cases) and are deleted
# after their run unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
read -r -a shapes <<<"${SHAPES:-bench real high}"
cases=${CASES:-/tmp/custodia-bench-cases}
venv=${DUCKDB_VENV:-/tmp/custodia-bench-duckdb}
version=${DUCKDB_VERSION:-2.0.1}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is missing: apt-get install time" >&2; exit 2; }

if ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
  echo "installing duckdb $version from PyPI into $venv ..." >&2
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "duckdb==$version"; } >&2; then
    echo "bench: DuckDB could not be installed (no python3 venv or no access to PyPI): comparison skipped" >&2
    exit 0
  fi
fi
py=$venv/bin/python
duckdb_version=$("$py" -c "import duckdb; print(duckdb.__version__)")

[ "${BUILD:-1}" = 0 ] || cargo build --release --quiet --bin custodia --example gen  # BUILD=0: use the binaries as they are
bin=${BIN:-target/release/custodia}
out=$cases/out
mkdir -p "$out"

# Violations per rule of the nine rules: custodia's JSON report ($1),
# DuckDB's CSV ($2); one line per rule with both counts.
per_rule() {
  "$py" - "$1" "$2" <<'PY'
import csv, json, re, sys
from collections import Counter
# The report is pretty-printed: each violation's "rule" is on its own line,
# inside the top-level "violations" array (read as lines: a report of
# 450,000 violations would take gigabytes as Python objects).
rules = re.compile(r'^      "rule": "([a-z_.]+)",$')
ours = Counter()
inside = False
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.startswith('  "violations": ['):
            inside = True
        elif inside and line.startswith("  ]"):
            break
        elif inside:
            m = rules.match(line)
            if m:
                ours[m.group(1)] += 1
theirs = Counter(row["rule"] for row in csv.DictReader(open(sys.argv[2], encoding="utf-8")))
for rule in sorted(theirs.keys() | {r for r in ours if "." not in r}):
    print(rule, ours[rule], theirs[rule])
PY
}

echo "DuckDB $duckdb_version; load average before: $(load_average) (other processes share the cores: compare CPU times too)"
printf '%-6s %-8s %6s %10s | %8s %8s %8s | %8s %8s %8s | %8s %8s %8s | %6s %6s %6s | %7s %7s %5s\n' \
  shape records in_MiB violations parse_s cpu_s RSS_MiB custodia_s cpu_s RSS_MiB duckdb_s cpu_s RSS_MiB wall cpu RSS chk/prs cpu load
status=0
for shape in "${shapes[@]}"; do
  for n in "${sizes[@]}"; do
    case_dir=$cases/$shape-r${n}x${EVENTS:-10}
    generate "$shape" "$n" "$case_dir"
    input=$(input_mib "$case_dir")
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r p_wall p_cpu p_rss < <(measure "$out/parse-$shape-$n" "$bin" check "$case_dir" --parse-only)
    read -r c_wall c_cpu c_rss < <(measure "$out/custodia-$shape-$n" "$bin" check "$case_dir" --format json)
    read -r d_wall d_cpu d_rss < <(measure "$out/duckdb-$shape-$n" "$py" bench/duckdb_rules.py "$case_dir" "$out/duckdb-$shape-$n.csv")
    per_rule "$out/custodia-$shape-$n.out" "$out/duckdb-$shape-$n.csv" >"$out/rules-$shape-$n.txt"
    found=$(awk '{s+=$2} END {print s}' "$out/rules-$shape-$n.txt")
    awk -v sh="$shape" -v n="$n" -v in_mb="$input" -v f="$found" -v pw="$p_wall" -v pc="$p_cpu" -v pr="$p_rss" -v cw="$c_wall" -v cc="$c_cpu" -v cr="$c_rss" -v dw="$d_wall" -v dc="$d_cpu" -v dr="$d_rss" -v la="$load" 'BEGIN {
      printf "%-6s %-8d %6d %10d | %8.2f %8.2f %8d | %8.2f %8.2f %8d | %8.2f %8.2f %8d | %6.2f %6.2f %6.2f | %7.2f %7.2f %5s\n", sh, n, in_mb, f, pw, pc, pr, cw, cc, cr, dw, dc, dr, cw/dw, cc/dc, cr/dr, cw/pw, cc/pc, la }'
    if ! awk '$2 != $3 {bad=1; printf "  MISMATCH %s: custodia %d, duckdb %d\n", $1, $2, $3} END {exit bad}' "$out/rules-$shape-$n.txt"; then
      status=1
    fi
    if [ -n "${BEFORE:-}" ]; then
      read -r b_wall b_cpu b_rss < <(measure "$out/before-$shape-$n" "$BEFORE" check "$case_dir" --format json)
      same=differs; cmp -s "$out/before-$shape-$n.out" "$out/custodia-$shape-$n.out" && same=identical
      awk -v w="$b_wall" -v c="$b_cpu" -v r="$b_rss" -v cw="$c_wall" -v cc="$c_cpu" -v cr="$c_rss" -v same="$same" 'BEGIN {
        printf "  before (BEFORE=): check %.2f s, cpu %.2f s, %d MiB; this build / before: wall %.2f, cpu %.2f, RSS %.2f; JSON report %s\n", w, c, r, cw/w, cc/c, cr/r, same }'
      rm -f "$out/before-$shape-$n.out"
    fi
    rm -f "$out/custodia-$shape-$n.out" "$out/duckdb-$shape-$n.csv"
    [ -n "${KEEP:-}" ] || rm -rf "$case_dir"
  done
done
echo "wall, cpu, RSS: custodia check / DuckDB (below 1: custodia is faster or smaller); chk/prs: custodia check / parse-only"
echo "load average after: $(load_average)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
exit $status
