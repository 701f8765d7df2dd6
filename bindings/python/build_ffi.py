"""The compiled (cffi API mode) module `piimask._piimask_cffi`.

It declares the same C functions as the ABI-mode fallback, from the one list
in `src/piimask/_ffi.py` (`CDEF`), and is compiled against the generated
header `include/piimask.h`, so that the C compiler checks every declaration
against the real one. The module calls the library directly (no libffi on
the call path) and links the `libpiimask.so` that setup.py bundles next to
it (rpath `$ORIGIN`). The C ABI stays the only door into the library.

Used by setup.py through `cffi_modules`; setup.py's build step builds the
library and adds its folder to `library_dirs` before this compiles.
"""

import ast
import sys
from pathlib import Path

from cffi import FFI

HERE = Path(__file__).resolve().parent
# The crate an sdist carries (setup.py), else the repository.
REPO = HERE / "rust" if (HERE / "rust" / "Cargo.toml").is_file() else HERE.parent.parent


def read_cdef(path=HERE / "src" / "piimask" / "_ffi.py"):
    """`CDEF` from _ffi.py, without importing it (importing loads the
    library). Every top-level statement that assigns or extends `CDEF`
    (`CDEF = ...`, `CDEF += ...`) is run, in order, so declarations added
    there in any of those forms reach the compiled module too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    kept = []
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == "CDEF" for t in targets):
            kept.append(node)
    namespace = {}
    exec(compile(ast.Module(body=kept, type_ignores=[]), str(path), "exec"), namespace)
    cdef = namespace.get("CDEF")
    if isinstance(cdef, (list, tuple)):
        cdef = "\n".join(cdef)
    if not isinstance(cdef, str) or "piimask_scan" not in cdef:
        raise RuntimeError(f"piimask: no CDEF declarations found in {path}")
    return cdef


ffibuilder = FFI()
ffibuilder.cdef(read_cdef())
ffibuilder.set_source(
    "piimask._piimask_cffi",
    '#include "piimask.h"',
    include_dirs=[str(REPO / "include")],
    libraries=["piimask"],
    # setup.py adds the folder of the library it bundles to library_dirs.
    extra_link_args=["-Wl,-rpath,@loader_path" if sys.platform == "darwin" else "-Wl,-rpath,$ORIGIN"],
    # CDEF declares text as `const char *` where the header says
    # `const uint8_t *` (the same ABI) so that Python bytes pass without a
    # copy; only the pointer's signedness differs.
    extra_compile_args=["-Wno-pointer-sign", "-Wno-incompatible-pointer-types"],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
