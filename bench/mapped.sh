#!/usr/bin/env bash
# A mapped source against the same file found by convention: generates the
# bench shape (bench/lib.sh) with N records (default 100000), then times
# `check` (CHECK_FLAGS, default `--parse-only`) on the case as generated
# and on copies whose custodia.yaml maps one source each (`file:` with
# `kind:` and `columns:`, the columns named as they are), and, with ALL=1,
# one copy mapping the inventory, logs/access.csv and
# logs/access-archive.jsonl together. Prints wall s, CPU s, peak MiB.
#
#   bench/mapped.sh                       # 100k records, parse-only
#   CHECK_FLAGS="--format json" ALL=1 bench/mapped.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
n=${1:-100000}
cases=${CASES:-/tmp/custodia-bench-cases}
bin=${BIN:-target/release/custodia}
read -r -a flags <<<"${CHECK_FLAGS:---parse-only}"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is missing" >&2; exit 2; }
[ "${BUILD:-1}" = 0 ] || cargo build --release --quiet --bin custodia --example gen
base=$cases/mapped-$n
generate bench "$n" "$base"

inventory='  file: inventory.csv
  columns: { id: id, title: title, class: class, category: category, subject: subject, personal_info: personal_info, created: created, period_end: period_end, status: status, legal_hold: legal_hold, location: location, phone: phone }'
access='  - file: logs/access.csv
    kind: access
    columns: { at: at, record: record, actor: actor, purpose: purpose }'
archive='  - file: logs/access-archive.jsonl
    kind: access
    columns: { at: at, record: record, actor: actor, purpose: purpose }'

# A copy of the case (links to its files) whose custodia.yaml maps $2.
variant() {
  local dir=$base-$1 what=$2
  rm -rf "$dir" && mkdir -p "$dir/logs"
  for f in "$base"/* "$base"/logs/*; do
    local rel=${f#"$base"/}
    [ -d "$f" ] && [ "$rel" = logs ] && continue
    [ "$rel" = custodia.yaml ] || ln -s "$f" "$dir/$rel"
  done
  cp "$base/custodia.yaml" "$dir/"
  {
    case $what in *inventory*) printf 'inventory:\n%s\n' "$inventory" ;; esac
    echo 'logs:'
    case $what in *access.csv*) echo "$access" ;; *) echo '  - logs/access.csv' ;; esac
    case $what in *archive*) echo "$archive" ;; *) echo '  - logs/access-archive.jsonl' ;; esac
    printf '  - logs/destruction.jsonl\n  - logs/handover.csv\n  - logs/notification.jsonl\n'
  } >>"$dir/custodia.yaml"
  echo "$dir"
}

run() {
  local name=$1 dir=$2 m
  m=$(measure "$cases/$name" "$bin" check "$dir" "${flags[@]}") || exit 1
  read -r wall cpu rss <<<"$m"
  printf '%-28s %8s s %8s s %7s MiB\n' "$name" "$wall" "$cpu" "$rss"
}

echo "custodia check ${flags[*]} at $n records ($(input_mib "$base") MiB), load $(load_average)"
run convention "$base"
run access.csv-mapped "$(variant csv 'access.csv')"
run archive-mapped "$(variant jsonl 'archive')"
[ "${ALL:-0}" = 1 ] && run all-three-mapped "$(variant all 'inventory access.csv archive')"
exit 0
