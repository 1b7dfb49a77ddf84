#!/usr/bin/env bash
# A short run of every fuzz target from its seeds (and the corpus kept from
# earlier runs). CI calls it; it skips itself, and succeeds, where
# cargo-fuzz is missing. Usage: fuzz/smoke.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz smoke: skipped (cargo-fuzz is not installed: cargo install cargo-fuzz)"
    exit 0
fi
# Nightly when there is one; else the stable toolchain with RUSTC_BOOTSTRAP=1,
# which accepts the unstable sanitizer flags cargo-fuzz passes (it builds and
# runs these targets with stable 1.95).
if cargo +nightly --version >/dev/null 2>&1; then
    toolchain=+nightly
else
    toolchain=+stable
    export RUSTC_BOOTSTRAP=1
    echo "fuzz smoke: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1"
fi
for target in $(cargo "$toolchain" fuzz list); do
    mkdir -p "corpus/$target"
    echo "fuzz smoke: $target for ${seconds}s"
    log="$(mktemp)"
    if ! cargo "$toolchain" fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz smoke: $target FAILED; the input is under fuzz/artifacts/$target/"
        exit 1
    fi
    grep -E '^stat::number_of_executed_units' "$log" || true
    rm -f "$log"
done
echo "fuzz smoke: every target ran ${seconds}s without a crash"
