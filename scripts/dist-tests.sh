#!/usr/bin/env bash
# Tests the artefacts of scripts/dist the way users install them:
#   - C: the soname (readelf -d) and its links; examples/c-cmake built with
#     CMake through pkg-config against target/dist/c and run; the same
#     program linked statically with `pkg-config --static`;
#   - Python: the wheel installed into a fresh venv, the Python suite run
#     against it (compiled module; scripts/bindings-tests.sh runs it through
#     ABI mode); the README's `pip install ./bindings/python` in another
#     fresh venv, and its example;
#   - without cargo, `pip install ./bindings/python` and the npm install
#     script fail with a message naming the Rust toolchain;
#   - Node: the npm tarball installed into an empty directory with no Rust
#     toolchain on PATH, the Node suite run against that copy;
#   - Rust: `cargo publish --dry-run`; `cargo doc` without warnings; the
#     library with `missing_docs` denied.
# Installs what it needs when missing (cmake, pkg-config, patchelf,
# python3-venv, the Python headers) with apt-get; Python and npm packages
# come from PyPI and the npm registry. Usage: scripts/dist-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target_dir="${CARGO_TARGET_DIR:-$root/target}"
dist="$target_dir/dist"
work="$target_dir/dist-test"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
major=${version%%.*}
started=$SECONDS
unset PIIMASK_LIB

step() { printf '\n==> dist-tests: %s\n' "$*"; }
fail() { echo "dist-tests: FAIL: $*" >&2; exit 1; }

step "tools"
missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v patchelf >/dev/null || missing+=(patchelf)
command -v readelf >/dev/null || missing+=(binutils)
probe=$(mktemp -d)
python3 -m venv "$probe/venv" >/dev/null 2>&1 || missing+=(python3-venv)
rm -rf "$probe"
python3 -c 'import os, sysconfig; raise SystemExit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' ||
    missing+=(python3-dev)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing ${missing[*]}"
    if [[ $(id -u) -eq 0 ]]; then sudo=; else sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "scripts/dist"
scripts/dist
rm -rf "$work" && mkdir -p "$work"

# ---------------------------------------------------------------- C
step "C: soname"
c="$dist/c"
soname=$(readelf -d "$c/lib/libpiimask.so.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ "$soname" == "libpiimask.so.$major" ]] || fail "soname is '$soname', not libpiimask.so.$major"
[[ "$(readlink "$c/lib/libpiimask.so.$major")" == "libpiimask.so.$version" ]] || fail "libpiimask.so.$major link"
[[ "$(readlink "$c/lib/libpiimask.so")" == "libpiimask.so.$version" ]] || fail "libpiimask.so link"
echo "libpiimask.so -> libpiimask.so.$major -> libpiimask.so.$version (SONAME $soname)"

step "C: examples/c-cmake through pkg-config"
export PKG_CONFIG_PATH="$c/lib/pkgconfig"
[[ "$(pkg-config --modversion piimask)" == "$version" ]] || fail "pkg-config --modversion"
cmake -S examples/c-cmake -B "$work/cmake" -DCMAKE_BUILD_TYPE=Release >"$work/cmake.log" ||
    { cat "$work/cmake.log"; fail "cmake configure"; }
cmake --build "$work/cmake" >>"$work/cmake.log" || { cat "$work/cmake.log"; fail "cmake build"; }
needed=$(readelf -d "$work/cmake/piimask_cmake_example" | sed -n 's/.*(NEEDED).*\[\(libpiimask.*\)\]/\1/p')
[[ "$needed" == "libpiimask.so.$major" ]] || fail "the example needs '$needed', not the soname"
expected="header $version, library $version
Call ••••• ••210 or mail p•••@example.in"
out=$("$work/cmake/piimask_cmake_example")
[[ "$out" == "$expected" ]] || fail "examples/c-cmake printed: $out"
echo "$out"

step "C: static link through pkg-config --static"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror examples/c-cmake/main.c $(pkg-config --cflags piimask) \
    "$c/lib/libpiimask.a" $(pkg-config --static --libs-only-l piimask | sed 's/-lpiimask//') \
    -o "$work/static-example"
out=$("$work/static-example")
[[ "$out" == "$expected" ]] || fail "static example printed: $out"
dynamic=$(readelf -d "$work/static-example")
[[ "$dynamic" != *libpiimask* ]] || fail "the static example links libpiimask.so"
echo "ok"
unset PKG_CONFIG_PATH

# ---------------------------------------------------------------- Python
step "Python: the sdist carries the crate"
sdist_listing=$(tar -tzf "$dist/python/piimask-$version.tar.gz")
for f in rust/Cargo.toml rust/Cargo.lock rust/build.rs rust/src/lib.rs rust/include/piimask.h build_ffi.py csrc/_fast.c setup.py; do
    grep -qx "piimask-$version/$f" <<<"$sdist_listing" || fail "the sdist has no $f"
done
echo "ok"

step "Python: the wheel in a fresh venv"
wheel=$(ls "$dist"/python/piimask-"$version"-*.whl)
echo "$(basename "$wheel")"
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet "$wheel" pytest
"$py" -c 'import piimask, piimask._ffi as f; assert f.COMPILED, "the wheel has no compiled module"; assert piimask.FAST, "the wheel has no piimask._fast"; print("compiled modules, library", f.LIBRARY_PATH)'
step "Python: suite against the wheel (compiled module)"
# From the tests folder, so that the installed package is imported.
(cd bindings/python/tests && "$py" -m pytest -q -p no:cacheprovider .)

step "Python: the README's pip install ./bindings/python in a fresh venv"
python3 -m venv "$work/venv-readme"
"$work/venv-readme/bin/python" -m pip install --quiet --upgrade pip
"$work/venv-readme/bin/python" -m pip install --quiet ./bindings/python
rm -rf bindings/python/build bindings/python/src/*.egg-info
(cd "$work" && "$work/venv-readme/bin/python" "$root/bindings/python/examples/readme.py" >readme-py.out)
diff -u bindings/python/examples/readme.expected "$work/readme-py.out"
echo "ok"

step "Python and Node: without a Rust toolchain, the source installs say what is missing"
bare_path="$(dirname "$(command -v node)"):/usr/local/bin:/usr/bin:/bin"
if PATH="$bare_path" command -v cargo >/dev/null; then
    echo "skipped: cargo is in a system folder"
else
    # HOME elsewhere too: setup.py also looks in ~/.cargo/bin.
    mkdir -p "$work/no-rust-home"
    if HOME="$work/no-rust-home" PATH="$work/venv/bin:$bare_path" "$work/venv/bin/python" -m pip install \
        --no-cache-dir ./bindings/python >"$work/no-rust-pip.log" 2>&1; then
        fail "pip install ./bindings/python succeeded without cargo"
    fi
    grep -q "needs the Rust toolchain" "$work/no-rust-pip.log" || { cat "$work/no-rust-pip.log"; fail "pip: no clear message"; }
    rm -rf bindings/python/build bindings/python/src/*.egg-info
    if PATH="$bare_path" node bindings/node/install.js >"$work/no-rust-npm.log" 2>&1; then
        fail "the npm install script succeeded without cargo"
    fi
    grep -q "needs the Rust toolchain" "$work/no-rust-npm.log" || { cat "$work/no-rust-npm.log"; fail "npm: no clear message"; }
    grep -h "needs the Rust toolchain" "$work/no-rust-pip.log" "$work/no-rust-npm.log" | sed 's/^ *//'
fi

# ---------------------------------------------------------------- Node
step "Node: the tarball in an empty directory, no Rust toolchain on PATH"
app="$work/node-app"
mkdir -p "$app"
if PATH="$bare_path" command -v cargo >/dev/null; then
    echo "(cargo is in a system folder: the install cannot hide it, but must not need it)"
fi
(cd "$app" && PATH="$bare_path" npm install --no-audit --no-fund --loglevel=error "$dist/node/piimask-$version.tgz")
(cd "$app" && PATH="$bare_path" node -e '
  const p = require("piimask");
  if (!p.LIBRARY_PATH.startsWith(require("path").resolve("node_modules/piimask"))) throw new Error(p.LIBRARY_PATH);
  console.log("library", p.LIBRARY_PATH, "version", p.libraryVersion());')
step "Node: suite against the installed copy"
cp -r bindings/node/test bindings/node/examples "$app/node_modules/piimask/"
(cd "$app" && PATH="$bare_path" PIIMASK_REPO="$root" node --test node_modules/piimask/test/)

# ---------------------------------------------------------------- Rust
step "Rust: cargo publish --dry-run"
cargo publish --dry-run --allow-dirty
step "Rust: cargo doc without warnings, missing_docs denied"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --all-features
cargo rustc --lib --profile check --quiet -- -D missing_docs

echo
echo "dist-tests: all passed in $((SECONDS - started)) s"
