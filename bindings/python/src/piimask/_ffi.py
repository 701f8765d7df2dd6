"""Loads the piimask C library: through the compiled cffi module that the
package's build makes (API mode), else with cffi in ABI mode.

The declarations below mirror include/piimask.h (a test checks that every
function declared here is in the header with the same name). Text
parameters are declared `const char *` (the header says `const uint8_t *`,
the same ABI) so that Python bytes pass without a copy.
"""

import os
import sys
from pathlib import Path

from cffi import FFI

CDEF = """
typedef uint32_t piimask_status;
typedef struct piimask_scanner piimask_scanner;
typedef struct piimask_findings piimask_findings;
typedef struct piimask_batch piimask_batch;
typedef struct piimask_bytes piimask_bytes;
typedef struct piimask_bytes_list piimask_bytes_list;
typedef struct piimask_stream piimask_stream;
typedef struct {
    uint32_t kind;
    size_t start;
    size_t end;
    float confidence;
    const char *normalized;
    size_t normalized_len;
} piimask_finding;
typedef struct {
    const char *ptr;
    size_t len;
} piimask_text;
typedef struct {
    const char *time;
    size_t time_len;
    const char *actor;
    size_t actor_len;
    const char *role;
    size_t role_len;
    uint32_t kind;
    const char *kind_name;
    size_t kind_name_len;
    const char *conversation;
    size_t conversation_len;
    uint32_t outcome;
} piimask_audit_event;
typedef bool (*piimask_vault_lookup_fn)(void *ctx, const char *token, size_t token_len,
                                        piimask_bytes *value);
typedef void (*piimask_audit_fn)(void *ctx, const piimask_audit_event *event);

const char *piimask_version(void);
const char *piimask_status_message(uint32_t status);
const char *piimask_kind_name(uint32_t kind);
size_t piimask_last_error(char *buf, size_t cap);

piimask_status piimask_scanner_new(const char *config_json, size_t len, piimask_scanner **out);
piimask_status piimask_scanner_new_with_key(const char *config_json, size_t len, const char *key,
                                            size_t key_len, piimask_scanner **out);
void piimask_scanner_free(piimask_scanner *scanner);
const char *piimask_scanner_kind_name(const piimask_scanner *scanner, uint32_t kind);
piimask_status piimask_scanner_kind_code(const piimask_scanner *scanner, const char *name,
                                         uint32_t *out);

piimask_status piimask_scan(const piimask_scanner *scanner, const char *text, size_t len,
                            const char *region, piimask_findings **out);
piimask_status piimask_findings_items(const piimask_findings *findings,
                                      const piimask_finding **items, size_t *count);
void piimask_findings_free(piimask_findings *findings);
piimask_status piimask_findings_new(piimask_findings **out);
piimask_status piimask_scan_into(const piimask_scanner *scanner, const char *text, size_t len,
                                 const char *region, piimask_findings *findings,
                                 const piimask_finding **items, size_t *count);
piimask_status piimask_scan_batch(const piimask_scanner *scanner, const piimask_text *texts,
                                  size_t n, const char *region, piimask_batch **out);
piimask_status piimask_batch_flat(const piimask_batch *batch, const piimask_finding **items,
                                  size_t *count, const size_t **offsets);
void piimask_batch_free(piimask_batch *batch);

piimask_status piimask_redact(const piimask_scanner *scanner, const char *text, size_t len,
                              const char *region, const char *role, piimask_bytes **out);
const char *piimask_bytes_data(const piimask_bytes *bytes);
size_t piimask_bytes_len(const piimask_bytes *bytes);
void piimask_bytes_free(piimask_bytes *bytes);
piimask_status piimask_bytes_new(piimask_bytes **out);
piimask_status piimask_redact_into(const piimask_scanner *scanner, const char *text, size_t len,
                                   const char *region, const char *role, piimask_bytes *out,
                                   const char **data, size_t *data_len);
piimask_status piimask_redact_batch(const piimask_scanner *scanner, const piimask_text *texts,
                                    size_t n, const char *region, const char *role,
                                    piimask_bytes_list **out);
piimask_status piimask_bytes_list_flat(const piimask_bytes_list *list, const char **data,
                                       size_t *total, const size_t **offsets);
void piimask_bytes_list_free(piimask_bytes_list *list);

piimask_status piimask_stream_new(const piimask_scanner *scanner, const char *region,
                                  const char *role, piimask_stream **out);
piimask_status piimask_stream_write(piimask_stream *stream, const char *chunk, size_t len,
                                    piimask_bytes *out, piimask_findings *findings);
piimask_status piimask_stream_finish(piimask_stream *stream, piimask_bytes *out,
                                     piimask_findings *findings);
void piimask_stream_free(piimask_stream *stream);
size_t piimask_stream_held(const piimask_stream *stream);

piimask_status piimask_bytes_set(piimask_bytes *bytes, const char *data, size_t len);
piimask_status piimask_reveal(const piimask_scanner *scanner, const char *value, size_t len,
                              uint32_t kind, const char *role, const char *actor,
                              const char *conversation, const char *region,
                              piimask_vault_lookup_fn vault, void *vault_ctx,
                              piimask_audit_fn audit, void *audit_ctx, piimask_bytes **out);

typedef struct piimask_guard piimask_guard;
typedef struct piimask_check piimask_check;
typedef uint32_t piimask_action;
typedef uint32_t piimask_leak_class;
typedef struct {
    piimask_leak_class leak_class;
    uint32_t kind;
    size_t start;
    size_t end;
    piimask_action action;
    const char *rule;
    size_t rule_len;
    const char *coaching;
    size_t coaching_len;
    const piimask_text *owners;
    size_t owners_len;
} piimask_guard_event;
piimask_status piimask_guard_new(const piimask_scanner *scanner, const char *key, size_t key_len,
                                 const char *config_json, size_t config_len, piimask_guard **out);
void piimask_guard_free(piimask_guard *guard);
piimask_status piimask_guard_observe(const piimask_guard *guard, const char *conversation,
                                     const char *text, size_t len, int64_t time,
                                     const char *region, size_t *found);
piimask_status piimask_guard_register(const piimask_guard *guard, const char *conversation,
                                      const char *kind, const char *value, size_t len,
                                      int64_t time);
piimask_status piimask_guard_check(const piimask_guard *guard, const char *conversation,
                                   const char *sender, const char *text, size_t len, int64_t time,
                                   const char *language, piimask_check **out);
piimask_action piimask_check_action(const piimask_check *check);
const piimask_guard_event *piimask_check_events(const piimask_check *check, size_t *len);
const char *piimask_check_text(const piimask_check *check, size_t *len);
void piimask_check_free(piimask_check *check);
piimask_status piimask_guard_forget(const piimask_guard *guard, const char *conversation,
                                    size_t *forgotten);
piimask_status piimask_guard_snapshot(const piimask_guard *guard, const char *path,
                                      size_t *values);
piimask_status piimask_guard_restore(const piimask_guard *guard, const char *path,
                                     size_t *values);
"""

if sys.platform == "darwin":
    LIBNAME = "libpiimask.dylib"
elif sys.platform == "win32":
    LIBNAME = "piimask.dll"
else:
    LIBNAME = "libpiimask.so"


def _candidates():
    """Where the library may be, in order of preference."""
    here = Path(__file__).resolve().parent
    # A copy bundled at install time.
    yield here / LIBNAME
    # A source checkout: <repo>/bindings/python/src/piimask/_ffi.py.
    repo = here.parents[3] if len(here.parents) > 3 else None
    if repo is not None:
        built = [repo / "target" / p / LIBNAME for p in ("release", "debug")]
        built = [p for p in built if p.is_file()]
        yield from sorted(built, key=lambda p: p.stat().st_mtime, reverse=True)


def _load(ffi):
    env = os.environ.get("PIIMASK_LIB")
    if env:
        return ffi.dlopen(env), env
    tried = []
    for path in _candidates():
        tried.append(str(path))
        if path.is_file():
            return ffi.dlopen(str(path)), str(path)
    # Installed system-wide (e.g. /usr/local/lib).
    try:
        return ffi.dlopen("piimask"), "piimask"
    except OSError:
        pass
    raise OSError(
        "piimask: shared library not found; build it with `cargo build --release` "
        "and reinstall the package, or set PIIMASK_LIB to its path. Tried: " + ", ".join(tried)
    )


def _compiled():
    """The compiled (API mode) module that the package's build made from
    CDEF and the bundled library, unless $PIIMASK_LIB names a library to
    load instead (then ABI mode loads that one, as without the module)."""
    if os.environ.get("PIIMASK_LIB"):
        return None
    try:
        from . import _piimask_cffi
    except ImportError:
        return None
    return _piimask_cffi


_module = _compiled()
# True when calls go through the compiled module (no libffi on the way).
COMPILED = _module is not None
if COMPILED:
    ffi, lib = _module.ffi, _module.lib
    LIBRARY_PATH = str(Path(__file__).resolve().parent / LIBNAME)
else:
    ffi = FFI()
    ffi.cdef(CDEF)
    lib, LIBRARY_PATH = _load(ffi)
