#!/usr/bin/env bash
# The Spark path: runs bindings/python/examples/spark_redact.py in Spark
# local mode on 3000 rows and checks it against `piimask redact`
# (bindings/python/tests/test_spark.py). Installs pyspark, pandas, pyarrow
# and the Python binding into a venv cached in target/spark-venv (the first
# run downloads about 320 MB; later runs reuse it). Needs Java 17 (installs
# openjdk-17-jre-headless with apt-get when `java` is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir="${CARGO_TARGET_DIR:-$root/target}"

step() { printf '\n==> %s\n' "$*"; }

if ! command -v java >/dev/null; then
    step "apt-get install openjdk-17-jre-headless"
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

step "cargo build --release (library and CLI)"
cargo build --release --lib --bin piimask
lib="$target_dir/release/libpiimask.so"

venv="$target_dir/spark-venv"
step "Spark venv in $venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv" || {
        apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    }
fi
if ! "$venv/bin/python" -c "import pyspark, pandas, pyarrow, pytest" 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet pyspark "pandas<3" pyarrow pytest
fi
PIIMASK_LIB="$lib" "$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps ./bindings/python
"$venv/bin/python" -m pip install --quiet cffi
rm -rf bindings/python/build bindings/python/src/*.egg-info

step "Spark local mode: spark_redact.py against the CLI"
(cd bindings/python/tests && PIIMASK_SPARK_REQUIRED=1 PIIMASK_CLI="$target_dir/release/piimask" \
    PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" -m pytest -q -p no:cacheprovider test_spark.py)
