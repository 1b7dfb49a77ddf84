#!/usr/bin/env bash
# Whole-process benchmark of `custodia check`: generates seeded cases of
# 10k, 100k and 1M records (x10 events each) under bench/cases/ (git-ignored),
# then times `check --format json` and `check --parse-only` on each with
# /usr/bin/time -v (wall time, peak RSS).
#
#   bench/run.sh                 # 10k 100k 1M, all cores
#   bench/run.sh 10000 100000    # chosen sizes
#   THREADS=1 bench/run.sh       # pass --threads 1
#   EVENTS=20 bench/run.sh       # events per record (default 10)
#   RATE=0.001 bench/run.sh      # share of subjects violating each rule (default 0.01)
#
# Needs GNU time (`apt-get install time` on Debian if /usr/bin/time is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
events=${EVENTS:-10}
seed=${SEED:-1}
rate=${RATE:-0.01}
threads_flag=()
[ -n "${THREADS:-}" ] && threads_flag=(--threads "$THREADS")
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is missing: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin custodia --example gen
bin=target/release/custodia
mkdir -p bench/cases bench/out

# wall seconds, CPU seconds (user+sys) and peak RSS (MiB) of one run
measure() {
  local log=$1; shift
  /usr/bin/time -v "$@" >"$log.out" 2>"$log.time" || [ $? -le 1 ]
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log.time")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log.time")
  echo "$wall $cpu $rss"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the cores: compare CPU times too)"
printf '%-8s %-9s %6s %8s %8s %8s %8s %10s %10s %9s %7s %7s\n' records events in_MiB parse_s parse_cpu check_s check_cpu records/s events/s check_RSS RSS/in chk/prs
for n in "${sizes[@]}"; do
  case_dir=bench/cases/r${n}x${events}
  [ "$rate" != 0.01 ] && case_dir=${case_dir}v$rate
  if [ ! -f "$case_dir/planted.json" ]; then
    target/release/examples/gen --records "$n" --events-per-record "$events" --seed "$seed" \
      --violation-rate "$rate" --out "$case_dir" 2>/dev/null
  fi
  input=$(find "$case_dir" -type f \( -name '*.csv' -o -name '*.jsonl' -o -name '*.yaml' \) -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s/1048576}')
  read -r parse_s parse_cpu _ < <(measure "bench/out/parse-$n" "$bin" check "$case_dir" --parse-only "${threads_flag[@]}")
  read -r check_s check_cpu rss < <(measure "bench/out/check-$n" "$bin" check "$case_dir" --format json "${threads_flag[@]}")
  ev=$((n * events))
  awk -v n="$n" -v ev="$ev" -v in_mb="$input" -v p="$parse_s" -v pc="$parse_cpu" -v c="$check_s" -v cc="$check_cpu" -v rss="$rss" 'BEGIN {
    printf "%-8d %-9d %6d %8.2f %8.2f %8.2f %8.2f %10.0f %10.0f %6dMiB %7.2f %7.2f\n", n, ev, in_mb, p, pc, c, cc, n/c, ev/c, rss, rss/in_mb, c/p }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
