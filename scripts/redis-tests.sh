#!/usr/bin/env bash
# The Redis store's tests against a real Redis: installs redis-server (the
# Debian package) when it is missing, starts one on a free loopback port
# with no persistence for this run, runs `cargo test --features redis`
# (the library's tests with the feature, and tests/redis_store.rs: the
# store and counters suites, two replicas on one Redis, Redis stopped
# mid-run), then stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null; then
    echo "==> installing redis-server"
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi
# The Debian package may start a system-wide server; this run uses its own.

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
echo "==> redis-server on 127.0.0.1:$port"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.05
done

export PIIMASK_REDIS_URL="redis://127.0.0.1:$port/0"
PIIMASK_REDIS_SERVER="$(command -v redis-server)"
export PIIMASK_REDIS_SERVER

echo "==> cargo clippy --features redis"
cargo clippy --features redis --all-targets -- -D warnings

echo "==> cargo test --features redis"
cargo test --features redis --lib guard
cargo test --features redis --test redis_store -- --nocapture 2>&1 | tee target/redis-tests.log
if grep -q '^skipped' target/redis-tests.log; then
    echo "a Redis test was skipped although the server is up" >&2
    exit 1
fi
