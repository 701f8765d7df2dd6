"""The package's build reads the C declarations from _ffi.py (build_ffi.py),
so that the compiled module and ABI mode declare the same functions."""

import importlib.util
from pathlib import Path

import pytest

from piimask import _ffi

PACKAGE = Path(__file__).resolve().parent.parent
BUILD_FFI = PACKAGE / "build_ffi.py"


def build_ffi():
    if not BUILD_FFI.is_file():
        pytest.skip("not in a source checkout")
    spec = importlib.util.spec_from_file_location("piimask_build_ffi", BUILD_FFI)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_declares_what_abi_mode_declares():
    assert build_ffi().read_cdef() == _ffi.CDEF


def test_every_form_of_extending_cdef_reaches_the_build(tmp_path):
    source = tmp_path / "_ffi.py"
    source.write_text(
        "import os\n"
        'CDEF = """void piimask_scan(void);"""\n'
        'lib = os.environ["NOT_RUN"]  # the rest of the module does not run\n'
        'CDEF += "void piimask_stream_new(void);"\n'
        "def helper():\n"
        '    CDEF = "not top level"\n',
        encoding="utf-8",
    )
    assert build_ffi().read_cdef(source) == (
        "void piimask_scan(void);void piimask_stream_new(void);"
    )


def test_a_list_of_declarations_is_joined(tmp_path):
    source = tmp_path / "_ffi.py"
    source.write_text(
        'CDEF = ["void piimask_scan(void);"]\nCDEF += ["void piimask_free(void);"]\n',
        encoding="utf-8",
    )
    assert build_ffi().read_cdef(source) == "void piimask_scan(void);\nvoid piimask_free(void);"


def test_no_declarations_is_an_error(tmp_path):
    source = tmp_path / "_ffi.py"
    source.write_text("X = 1\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="no CDEF"):
        build_ffi().read_cdef(source)
