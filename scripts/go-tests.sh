#!/usr/bin/env bash
# The Go host of the C ABI (examples/go): installs the C library into a
# prefix with scripts/c-install, as a Go service would find it (pkg-config),
# then gofmt, go vet, `go test -race` on the wrapper package, and the
# example program, whose output must match examples/go/main.expected.
# Installs Debian's golang-go with apt-get when `go` is missing. Go's caches
# live under target/ (go-cache, go-path); nothing is written elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir="${CARGO_TARGET_DIR:-$root/target}"

if ! command -v go >/dev/null; then
    echo "==> installing golang-go"
    if [[ $(id -u) -eq 0 ]]; then sudo=; else sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq golang-go >/dev/null
fi
go version

prefix="$target_dir/go-prefix"
echo "==> scripts/c-install --prefix $prefix"
rm -rf "$prefix"
scripts/c-install --prefix "$prefix" >/dev/null

export GOCACHE="$target_dir/go-cache" GOPATH="$target_dir/go-path" GOFLAGS=-mod=mod GOTOOLCHAIN=local
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig" CGO_ENABLED=1
# The library is not in a system directory: the binaries carry its path.
export CGO_LDFLAGS="-Wl,-rpath,$prefix/lib"
cd examples/go

echo "==> gofmt"
unformatted=$(gofmt -l .)
if [[ -n "$unformatted" ]]; then
    echo "gofmt would change: $unformatted" >&2
    exit 1
fi
echo "==> go vet"
go vet ./...
echo "==> go test -race"
go test -race -count=1 ./...
echo "==> go run . (examples/go/main.go)"
go run . >"$target_dir/go-example.out"
diff -u main.expected "$target_dir/go-example.out"
echo "go-tests: ok"
