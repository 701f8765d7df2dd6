"""Build step: build the piimask library with cargo and compile the cffi
module against it, both inside the package.

`pip install ./bindings/python` (or `python -m build --wheel`) from a source
checkout runs `cargo build --release --lib` at the repository root, bundles
the resulting libpiimask.so (debug info stripped) in the package, and
compiles `piimask._piimask_cffi` (see build_ffi.py) against it, and the
small extension `piimask._fast` (csrc/_fast.c: the hot calls with their
Python results built in C; it links no library, the cffi module hands it
the library's functions). With
$PIIMASK_LIB set, that library is bundled instead and cargo is not run.
Without cargo and without $PIIMASK_LIB the build stops with a message naming
what is missing; the package never installs without its library. An sdist
carries the crate (`cargo package`) in `rust/`, so that it builds anywhere
cargo is.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
# The Rust crate: the copy an sdist carries (see SdistWithCrate), else the
# repository this folder sits in.
REPO = HERE / "rust" if (HERE / "rust" / "Cargo.toml").is_file() else HERE.parent.parent

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))

if sys.platform == "darwin":
    LIBNAME = "libpiimask.dylib"
elif sys.platform == "win32":
    LIBNAME = "piimask.dll"
else:
    LIBNAME = "libpiimask.so"


def fail(message):
    raise SystemExit(f"\npiimask: {message}\n")


def cargo_program():
    found = shutil.which(os.environ.get("CARGO", "cargo"))
    if found:
        return found
    # rustup's default place, when the shell that runs pip did not load its
    # PATH change.
    home = Path.home() / ".cargo" / "bin" / "cargo"
    return str(home) if home.is_file() else None


def library_from_env():
    env = os.environ.get("PIIMASK_LIB")
    if not env:
        return None
    # A relative path may be meant from the repository root.
    for path in (Path(env), REPO / env):
        if path.is_file():
            return path.resolve()
    fail(f"PIIMASK_LIB={env} is not a file")


def build_library():
    """`cargo build --release --lib` at the repository root; the built library."""
    manifest = REPO / "Cargo.toml"
    if not manifest.is_file():
        fail(
            f"the Rust sources are not here ({manifest} is missing): build from a "
            "clone of the repository (pip install ./bindings/python), or set "
            "PIIMASK_LIB to a built libpiimask.so"
        )
    cargo = cargo_program()
    if cargo is None:
        fail(
            "building this package needs the Rust toolchain (cargo and rustc 1.82 or "
            "newer), and `cargo` is not on PATH. Install it (https://rustup.rs, or "
            "your system's `cargo` package), or set PIIMASK_LIB to an already built "
            "libpiimask.so, then install again."
        )
    command = [cargo, "build", "--release", "--lib", "--manifest-path", str(manifest)]
    print("piimask: " + " ".join(command), flush=True)
    try:
        subprocess.run(command, cwd=REPO, check=True)
    except subprocess.CalledProcessError as e:
        fail(f"`cargo build` failed (exit status {e.returncode}); see its output above")
    target = Path(os.environ.get("CARGO_TARGET_DIR") or "target")
    lib = (REPO / target if not target.is_absolute() else target) / "release" / LIBNAME
    if not lib.is_file():
        fail(f"cargo built no {lib}")
    return lib


class SdistWithCrate(sdist):
    """Puts the Rust crate, as `cargo package` makes it, in `rust/`, so that
    a wheel builds from the sdist alone (with cargo)."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        cargo = cargo_program()
        if cargo is None or not (REPO / "Cargo.toml").is_file():
            fail("making an sdist needs cargo and the repository's Rust sources")
        manifest = str(REPO / "Cargo.toml")
        subprocess.run(
            [cargo, "package", "--no-verify", "--allow-dirty", "--quiet", "--manifest-path", manifest],
            cwd=REPO,
            check=True,
        )
        target = Path(os.environ.get("CARGO_TARGET_DIR") or "target")
        packages = (REPO / target if not target.is_absolute() else target) / "package"
        crate = max(packages.glob("piimask-*.crate"), key=lambda p: p.stat().st_mtime)
        dest = Path(base_dir) / "rust"
        with tarfile.open(crate) as archive:
            for member in archive.getmembers():
                # piimask-V/path -> rust/path
                parts = Path(member.name).parts[1:]
                if not parts or not (member.isfile() or member.isdir()) or ".." in parts:
                    continue
                member.name = str(Path(*parts))
                archive.extract(member, dest)
        print(f"piimask: sdist carries {crate.name} in rust/", flush=True)


class BuildExtWithLibrary(build_ext):
    """Bundles the library next to the compiled module, then compiles the
    module against that copy."""

    def run(self):
        lib = library_from_env() or build_library()
        for ext in self.extensions:
            if "piimask" not in ext.libraries:
                continue  # _fast: calls the library through the cffi module's pointers
            dest = Path(self.get_ext_fullpath(ext.name)).parent / LIBNAME
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(lib, dest)
            # The release profile keeps line tables for profiling; a wheel
            # does not need them (a tenth of the size).
            strip = shutil.which("strip")
            if strip and sys.platform.startswith("linux"):
                subprocess.run([strip, "--strip-debug", str(dest)], check=False)
            print(f"piimask: bundled {lib}", flush=True)
            ext.library_dirs.append(str(dest.parent))
        super().run()


setup(
    cmdclass={"build_ext": BuildExtWithLibrary, "sdist": SdistWithCrate},
    cffi_modules=["build_ffi.py:ffibuilder"],
    ext_modules=[
        Extension(
            "piimask._fast",
            ["csrc/_fast.c"],
            # piimask.h for the types (the compiler checks the function
            # pointer types against it); the crate an sdist carries, else
            # the repository's.
            include_dirs=[str(REPO / "include")],
            # The stable ABI, except on a free-threaded CPython, which has
            # none (there the interpreter keeps the GIL on for this module,
            # which relies on it).
            define_macros=[] if FREE_THREADED else [("Py_LIMITED_API", "0x030A0000")],
            py_limited_api=not FREE_THREADED,
        )
    ],
    # The compiled modules use the stable ABI: one wheel for CPython 3.10+
    # (3.10 added PyUnicode_AsUTF8AndSize to it, which _fast reads texts with).
    options={"bdist_wheel": {"py_limited_api": "cp310"}},
)
