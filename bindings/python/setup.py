"""Build hook: ship the piimask shared library inside the package.

The library is taken from $PIIMASK_LIB, else from the repository's
target/release or target/debug (the newer one), where `cargo build --release`
puts it. Without one the package still installs, and finds the library at
run time (see piimask/_ffi.py).
"""

import os
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

if sys.platform == "darwin":
    LIBNAME = "libpiimask.dylib"
elif sys.platform == "win32":
    LIBNAME = "piimask.dll"
else:
    LIBNAME = "libpiimask.so"


def built_library():
    repo = Path(__file__).resolve().parent.parent.parent
    env = os.environ.get("PIIMASK_LIB")
    if env:
        # pip builds in this folder: a relative path may be meant from the
        # repository root.
        for path in (Path(env), repo / env):
            if path.is_file():
                return path
        raise SystemExit(f"piimask: PIIMASK_LIB={env} is not a file")
    found = [repo / "target" / p / LIBNAME for p in ("release", "debug")]
    found = [p for p in found if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


class BuildPyWithLibrary(build_py):
    def run(self):
        super().run()
        lib = built_library()
        if lib is None:
            print("piimask: no built library found; it will be looked up at run time")
            return
        dest = Path(self.build_lib) / "piimask" / LIBNAME
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(lib, dest)
        print(f"piimask: bundled {lib}")


setup(cmdclass={"build_py": BuildPyWithLibrary})
