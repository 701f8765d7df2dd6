#!/usr/bin/env bash
# The Python and Node bindings' test suites, against a fresh release build
# of the C library:
#   - builds libpiimask (cargo build --release --lib),
#   - creates a venv in target/py-venv, installs bindings/python (which
#     bundles the library) and pytest, runs pytest,
#   - installs bindings/node's dependencies (koffi) and runs `node --test`.
# Needs python3 (3.8+, with venv) and node 18+ with npm; uses PyPI and the npm
# registry. Usage: scripts/bindings-tests.sh [python|node]...  (both by default)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir="${CARGO_TARGET_DIR:-$root/target}"
suites=("$@")
[[ ${#suites[@]} -eq 0 ]] && suites=(python node)

step() { printf '\n==> %s\n' "$*"; }

step "cargo build --release --lib"
cargo build --release --lib
lib="$target_dir/release/libpiimask.so"
[[ -f "$lib" ]] || { echo "missing $lib" >&2; exit 1; }

for suite in "${suites[@]}"; do
    case "$suite" in
    python)
        venv="$target_dir/py-venv"
        step "Python: venv in $venv"
        if [[ ! -x "$venv/bin/python" ]]; then
            python3 -m venv "$venv" || {
                # Debian's python3 without ensurepip.
                apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
                python3 -m venv "$venv"
            }
        fi
        "$venv/bin/python" -m pip install --quiet --upgrade pip
        step "Python: pip install ./bindings/python pytest"
        PIIMASK_LIB="$lib" "$venv/bin/python" -m pip install --quiet --force-reinstall \
            ./bindings/python pytest
        # Build leftovers of the in-tree build.
        rm -rf bindings/python/build bindings/python/src/*.egg-info
        step "Python: pytest"
        # Run from the tests folder so that the installed package is imported,
        # not the source tree.
        (cd bindings/python/tests && "$venv/bin/python" -m pytest -q -p no:cacheprovider .)
        ;;
    node)
        step "Node: npm install (koffi)"
        (
            cd bindings/node
            if [[ -f package-lock.json ]]; then
                npm ci --no-audit --no-fund --loglevel=error
            else
                npm install --no-audit --no-fund --loglevel=error
            fi
        )
        step "Node: node --test"
        (cd bindings/node && PIIMASK_LIB="$lib" node --test test/)
        ;;
    *)
        echo "unknown suite $suite (python, node)" >&2
        exit 2
        ;;
    esac
done
