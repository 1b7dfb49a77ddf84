# Shared by bench/run.sh and bench/duckdb.sh (sourced, not run).

# The shapes of generated cases: `bench` (the original: events without ids,
# fixed purposes, 1% of subjects violating each rule), `real` (the shape of
# real logs: unique event ids, free-text purposes, remarks and IPs; 1%),
# `high` (`real` with 2.65% of subjects violating each rule: about 450,000
# violations at 1M records and 10M events).
shape_flags() {
  case $1 in
    bench) echo "--violation-rate ${RATE:-0.01}" ;;
    real) echo "--real-logs --violation-rate ${RATE:-0.01}" ;;
    high) echo "--real-logs --violation-rate ${HIGH_RATE:-0.0265}" ;;
    *) echo "bench: unknown shape $1 (bench, real, high)" >&2; return 2 ;;
  esac
}

# Generates the case of shape $1 with $2 records into $3 (unless there).
generate() {
  local shape=$1 n=$2 dir=$3 flags
  flags=$(shape_flags "$shape") || return 2
  if [ ! -f "$dir/planted.json" ]; then
    # shellcheck disable=SC2086 # flags are words
    "${GEN:-target/release/examples/gen}" --records "$n" --events-per-record "${EVENTS:-10}" \
      --seed "${SEED:-1}" $flags --out "$dir" 2>/dev/null
  fi
}

# MiB of the case's data files.
input_mib() {
  find "$1" -type f \( -name '*.csv' -o -name '*.jsonl' -o -name '*.yaml' \) -printf '%s\n' |
    awk '{s+=$1} END {printf "%.0f", s/1048576}'
}

# Runs a command under GNU time: prints wall seconds, CPU seconds (user+sys)
# and peak RSS (MiB). Standard output goes to $1.out, time's report to
# $1.time. Exit codes 0, 1 (violations found) and 3 (--parse-only: read
# cleanly, no rule evaluated) are success.
measure() {
  local log=$1; shift
  local code=0
  /usr/bin/time -v "$@" >"$log.out" 2>"$log.time" || code=$?
  case $code in 0|1|3) ;; *)
    echo "bench: failed (exit $code): $* (see $log.time)" >&2; return 1 ;; esac
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log.time")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log.time")
  echo "$wall $cpu $rss"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
