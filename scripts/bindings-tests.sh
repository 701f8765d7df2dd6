#!/usr/bin/env bash
# The Python and Node bindings' test suites against the source tree and a
# fresh release build of the C library:
#   - builds libpiimask (cargo build --release --lib),
#   - python: a venv in target/py-venv, pip install ./bindings/python (which
#     bundles the library and compiles the cffi module) and pytest, pytest;
#   - python-abi: the same suite through cffi's ABI mode, the fallback used
#     with $PIIMASK_LIB and in source checkouts (no compiled module);
#   - node: bindings/node's dependencies (koffi), `node --test`.
# Without arguments only python-abi runs: scripts/dist-tests.sh (run next by
# scripts/test) runs the Python suite against the wheel and the Node suite
# against the npm tarball, as users install them, so running those here too
# would test the same code twice. Needs python3 (3.10+, with venv) and node 18+
# with npm; uses PyPI and the npm registry.
# Usage: scripts/bindings-tests.sh [python|python-abi|node]...
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir="${CARGO_TARGET_DIR:-$root/target}"
suites=("$@")
[[ ${#suites[@]} -eq 0 ]] && suites=(python-abi)

step() { printf '\n==> %s\n' "$*"; }

step "cargo build --release --lib"
cargo build --release --lib
lib="$target_dir/release/libpiimask.so"
[[ -f "$lib" ]] || { echo "missing $lib" >&2; exit 1; }

python_venv() {
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
}

for suite in "${suites[@]}"; do
    case "$suite" in
    python-abi)
        python_venv
        step "Python (ABI mode): pip install cffi pytest"
        "$venv/bin/python" -m pip uninstall --quiet --yes piimask 2>/dev/null || true
        "$venv/bin/python" -m pip install --quiet cffi pytest
        step "Python (ABI mode): pytest against bindings/python/src and $lib"
        (cd bindings/python/tests && PIIMASK_LIB="$lib" PYTHONPATH="$root/bindings/python/src" \
            "$venv/bin/python" -m pytest -q -p no:cacheprovider .)
        ;;
    python)
        python_venv
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
