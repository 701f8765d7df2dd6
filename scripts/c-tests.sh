#!/usr/bin/env bash
# The C API tests (tests/c/*.c, and the C++ ones, tests/c/*.cpp) under AddressSanitizer + UndefinedBehaviorSanitizer
# (linked to the static library) and under valgrind (linked to the shared
# library), failing on any error or leak. The plain runs, against both
# libraries, are `cargo test --test c_api`.
#
# Usage: scripts/c-tests.sh [--debug]    (release build, with debug info, by
# default: valgrind is ten times faster on it, and it is the build the
# bindings tests use)
# Installs valgrind with apt-get when it is missing. CC defaults to gcc,
# CXX to g++.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
cargo_flags=(--lib --release)
if [[ "${1:-}" == "--debug" ]]; then
    profile=debug
    cargo_flags=(--lib)
fi
cc="${CC:-gcc}"
cxx="${CXX:-g++}"
target_dir="${CARGO_TARGET_DIR:-target}"
lib_dir="$target_dir/$profile"
out="$lib_dir/c-sanitized"

echo "==> cargo build ${cargo_flags[*]}"
cargo build "${cargo_flags[@]}"
mkdir -p "$out"

if ! command -v valgrind >/dev/null; then
    echo "==> installing valgrind"
    if [[ $(id -u) -eq 0 ]]; then sudo=; else sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null
fi

static_libs=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)
warnings=(-Wall -Wextra -Werror -pedantic -g -Iinclude)
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:exitcode=23
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
passed=0
failed=0

run() { # name, label, command...
    local name=$1 label=$2
    shift 2
    if "$@" >"$out/$name-$label.log" 2>&1; then
        passed=$((passed + 1))
        echo "ok   $name ($label)"
    else
        failed=$((failed + 1))
        echo "FAIL $name ($label)"
        tail -n 40 "$out/$name-$label.log"
    fi
}

for src in tests/c/*.c tests/c/*.cpp; do
    name=$(basename "${src%.*}")
    case "$src" in
    *.cpp) compiler=$cxx cflags=(-std=c++17 "${warnings[@]}") ;;
    *) compiler=$cc cflags=(-std=c11 "${warnings[@]}") ;;
    esac
    "$compiler" "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer \
        -fno-sanitize-recover=undefined \
        "$src" "$lib_dir/libpiimask.a" "${static_libs[@]}" -o "$out/$name-asan"
    run "$name" "asan+ubsan" "$out/$name-asan"

    "$compiler" "${cflags[@]}" "$src" -L"$lib_dir" -lpiimask -Wl,-rpath,"$PWD/$lib_dir" -lpthread \
        -o "$out/$name-shared"
    # Leaks are errors when definite or indirect. "Possibly lost" blocks are
    # excluded: the process-lifetime tables (phone metadata, regex caches in
    # lazily built statics) hold only interior pointers to some blocks.
    # LeakSanitizer, above, checks every allocation too.
    run "$name" "valgrind" valgrind --quiet --error-exitcode=1 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        "$out/$name-shared"
done

echo
echo "c-tests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
