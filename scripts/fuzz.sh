#!/usr/bin/env bash
# Runs every cargo-fuzz target under fuzz/ for a bounded time with
# AddressSanitizer (and LeakSanitizer), starting from the committed seeds
# (fuzz/seeds/<target>) plus whatever corpus earlier runs left in
# fuzz/corpus/<target> (git-ignored). Fails if any target crashes, panics,
# times out (one input over 10 s), leaks or goes over 2 GB; the input that
# did it is left in fuzz/artifacts/<target>/, to replay with
#     cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  fuzzing time per target (default 60)
#   TARGET   targets to run (default: all of them)
# Targets run side by side, one per CPU (PIIMASK_FUZZ_JOBS to change it):
# each libFuzzer process is single-threaded, so on an otherwise idle
# machine every target still gets a core for its SECONDS, and the whole run
# takes SECONDS times targets over CPUs.
#
# Uses the nightly toolchain when there is one (else the default one with
# RUSTC_BOOTSTRAP=1: the sanitizer needs -Zsanitizer); installs cargo-fuzz
# from crates.io when it is missing. The first build of the fuzz crate
# takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(scan redact config ffi cli_lines guard stream formats)
fi

step() { printf '\n==> %s\n' "$*"; }

# The sanitizer needs -Z flags: the nightly toolchain when the machine has
# one, else the stable one with RUSTC_BOOTSTRAP=1 (its standard library
# ships the sanitizer runtimes; nothing else is fetched).
if rustup run nightly rustc --version >/dev/null 2>&1; then
    toolchain=(+nightly)
else
    echo "no nightly toolchain: fuzzing with the default one and RUSTC_BOOTSTRAP=1"
    toolchain=()
    export RUSTC_BOOTSTRAP=1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    step "installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

# The fuzz crate has a target directory of its own: its instrumented
# build must not evict (or be evicted by) the main one.
fuzz_flags=(--target-dir fuzz/target)

step "cargo ${toolchain[*]} fuzz build (AddressSanitizer)"
for t in "${targets[@]}"; do
    cargo "${toolchain[@]}" fuzz build "${fuzz_flags[@]}" "$t"
done

logs=fuzz/target/logs
mkdir -p "$logs"
# std keeps a channel context per thread that LeakSanitizer can catch before
# the exiting thread frees it; see fuzz/lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Fuzzes one target; its outcome goes to $logs/<target>.outcome (a summary
# line, then any details to print).
fuzz_target() {
    local t=$1 log="$logs/$1.log" outcome="$logs/$1.outcome" status=0 runs extra=()
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    if [[ -f "fuzz/dicts/$t.dict" ]]; then
        extra+=("-dict=fuzz/dicts/$t.dict")
    fi
    cargo "${toolchain[@]}" fuzz run "${fuzz_flags[@]}" "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -detect_leaks=1 -print_final_stats=1 "${extra[@]}" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [[ $status -eq 0 ]]; then
        printf '%-8s ok      %s executions\n' "$t" "${runs:-?}" >"$outcome"
        return
    fi
    {
        printf '%-8s FAILED (exit %s) after %s executions\n' "$t" "$status" "${runs:-?}"
        echo "FAILED: $t (exit $status); the panic, if any, from $log:"
        grep -A 12 -m 1 'panicked at' "$log" || true
        echo "last lines of $log:"
        grep -v -E '^(#[0-9]+|INFO:|\s+NEW_FUNC)' "$log" | tail -n 20
        # The input itself, so that a run on a machine that is gone can
        # still be replayed: `base64 -d > input` and `cargo fuzz run`.
        for a in "fuzz/artifacts/$t"/*; do
            [[ -f "$a" ]] || continue
            echo "input $a (base64): $(head -c 65536 "$a" | base64 -w 0)"
        done
    } >"$outcome"
}

jobs=${PIIMASK_FUZZ_JOBS:-$(nproc)}
step "fuzzing ${targets[*]} for ${seconds}s each, $jobs at a time"
running=0
for t in "${targets[@]}"; do
    rm -f "$logs/$t.outcome"
    if [[ $running -ge $jobs ]]; then
        wait -n || true
        running=$((running - 1))
    fi
    echo "fuzzing $t"
    fuzz_target "$t" &
    running=$((running + 1))
done
wait || true

failed=()
summary=()
for t in "${targets[@]}"; do
    if [[ ! -s "$logs/$t.outcome" ]]; then
        failed+=("$t")
        summary+=("$(printf '%-8s FAILED  no outcome (see %s)' "$t" "$logs/$t.log")")
        continue
    fi
    summary+=("$(head -n 1 "$logs/$t.outcome")")
    if ! head -n 1 "$logs/$t.outcome" | grep -q ' ok '; then
        failed+=("$t")
        tail -n +2 "$logs/$t.outcome"
    fi
done

# The C ABI's Rust-side tests (its unit tests, and the fail-closed tests
# that call it with injected faults, panics included) under valgrind: no
# invalid access, no leak. scripts/c-tests.sh does the same for the C
# programs, and installs valgrind.
if command -v valgrind >/dev/null; then
    step "valgrind: C ABI unit tests and fail-closed tests"
    exe_of() {
        # The test harness (in deps/), not the CLI binary the tests run.
        cargo test "$@" --no-run --message-format=json 2>/dev/null |
            sed -n 's/.*"executable":"\([^"]*\/deps\/[^"]*\)".*/\1/p' | tail -n 1
    }
    run_valgrind() { # label, test filter, cargo test arguments...
        local label=$1 filter=$2 exe log="$logs/valgrind-$1.log"
        shift 2
        exe=$(exe_of "$@")
        if [[ -z "$exe" ]]; then
            failed+=("valgrind $label")
            summary+=("$(printf '%-8s FAILED  %s: no test binary' valgrind "$label")")
        elif valgrind --quiet --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
            "$exe" "$filter" --test-threads=1 >"$log" 2>&1; then
            summary+=("$(printf '%-8s ok      %s' valgrind "$label")")
        else
            failed+=("valgrind $label")
            summary+=("$(printf '%-8s FAILED  %s (%s)' valgrind "$label" "$log")")
            tail -n 40 "$log"
        fi
    }
    run_valgrind ffi-unit-tests ffi:: --lib
    run_valgrind fail-closed-c-abi c_abi --test fail_closed
else
    summary+=("valgrind skipped: not installed (scripts/c-tests.sh installs it)")
fi

step "summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "failed: ${failed[*]} (fuzz inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzzing passed"
