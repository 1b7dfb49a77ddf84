#!/usr/bin/env bash
# Whole-process benchmark of `custodia check`: for each shape and size,
# generates a seeded case (x10 events per record) under $CASES (default
# /tmp/custodia-bench-cases), times `check --parse-only` and
# `check --format json` with /usr/bin/time -v (wall time, user+sys CPU, peak
# RSS), and deletes the case before the next one (KEEP=1 keeps them), so
# only one case is on disk at a time.
#
#   bench/run.sh                 # shapes bench, real, high; 10k 100k 1M records
#   bench/run.sh 10000 100000    # chosen sizes
#   SHAPES="real high" bench/run.sh 100000
#   THREADS=1 bench/run.sh       # pass --threads 1
#   EVENTS=20 bench/run.sh       # events per record (default 10)
#   RATE=0.001 bench/run.sh      # share of subjects violating each rule in
#                                # the bench and real shapes (default 0.01)
#   HIGH_RATE=0.03 bench/run.sh  # the same for the high shape (default 0.0265)
#   BIN=/tmp/custodia-old bench/run.sh   # measure another custodia binary
#
# Shapes (bench/lib.sh): `bench` events without ids and fixed texts; `real`
# unique event ids (ACC-000000001, ...) and free text (purposes, remarks,
# IPs); `high` the real shape with about 450,000 violations at 1M records.
#
# Needs GNU time (`apt-get install time` on Debian if /usr/bin/time is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
read -r -a shapes <<<"${SHAPES:-bench real high}"
cases=${CASES:-/tmp/custodia-bench-cases}
threads_flag=()
[ -n "${THREADS:-}" ] && threads_flag=(--threads "$THREADS")
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is missing: apt-get install time" >&2; exit 2; }

[ "${BUILD:-1}" = 0 ] || cargo build --release --quiet --bin custodia --example gen  # BUILD=0: use the binaries as they are
bin=${BIN:-target/release/custodia}
out=$cases/out
mkdir -p "$out"

echo "load average before: $(load_average) (other processes share the cores: compare CPU times too)"
printf '%-6s %-8s %-9s %6s %10s %8s %8s %8s %8s %10s %9s %9s %7s %7s\n' shape records events in_MiB violations parse_s parse_cpu check_s check_cpu records/s parse_RSS check_RSS RSS/in chk/prs
for shape in "${shapes[@]}"; do
  for n in "${sizes[@]}"; do
    case_dir=$cases/$shape-r${n}x${EVENTS:-10}
    generate "$shape" "$n" "$case_dir"
    input=$(input_mib "$case_dir")
    read -r parse_s parse_cpu parse_rss < <(measure "$out/parse-$shape-$n" "$bin" check "$case_dir" --parse-only "${threads_flag[@]}")
    read -r check_s check_cpu rss < <(measure "$out/check-$shape-$n" "$bin" check "$case_dir" --format json "${threads_flag[@]}")
    found=$(grep -o '"violations": {[^}]*}' "$out/check-$shape-$n.out" | head -1 | grep -o '[0-9]\+' | awk '{s+=$1} END {print s}')
    ev=$((n * ${EVENTS:-10}))
    awk -v sh="$shape" -v n="$n" -v ev="$ev" -v in_mb="$input" -v f="$found" -v p="$parse_s" -v pc="$parse_cpu" -v pr="$parse_rss" -v c="$check_s" -v cc="$check_cpu" -v rss="$rss" 'BEGIN {
      printf "%-6s %-8d %-9d %6d %10d %8.2f %8.2f %8.2f %8.2f %10.0f %6dMiB %6dMiB %7.2f %7.2f\n", sh, n, ev, in_mb, f, p, pc, c, cc, n/c, pr, rss, rss/in_mb, c/p }'
    rm -f "$out/check-$shape-$n.out"
    [ -n "${KEEP:-}" ] || rm -rf "$case_dir"
  done
done
echo "load average after: $(load_average)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
