/* piimask._fast: the hot calls of the Python binding (scan, scan_batch,
 * redact, redact_batch), with their Python results built in C.
 *
 * Why: per chat message the engine needs about a microsecond, and building
 * the findings in Python (reading each C field through cffi, converting
 * byte offsets to string indices, making the tuples) cost more than that.
 * Here one C function takes the str, encodes it, calls the library and
 * builds the same Python objects as the pure-Python path in
 * piimask/__init__.py (the `Finding` NamedTuple, code-point offsets, the
 * matched text, the rounded confidence, the normalized value).
 *
 * The C ABI stays the one door into the library: this module does not link
 * libpiimask. `bind()` receives the addresses of the C functions from the
 * cffi module (API or ABI mode, whichever loaded the library), so both
 * paths call exactly the same library. The header is included for its
 * types, and the compiler checks the pointer types against it.
 *
 * Threads: the library runs with the GIL released. Reusable result buffers
 * (piimask_findings, piimask_bytes) come from small pools that are only
 * touched with the GIL held; a buffer belongs to one call from the moment
 * it leaves the pool until it returns, so concurrent and re-entrant calls
 * (a finalizer scanning while results are being built) never share one.
 *
 * Built against the stable ABI (Py_LIMITED_API 3.10, the first with
 * PyUnicode_AsUTF8AndSize): one wheel for CPython 3.10 and later.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

#include "piimask.h"

typedef piimask_status (*scan_into_fn)(const piimask_scanner *, const uint8_t *, size_t,
                                       const char *, piimask_findings *,
                                       const piimask_finding **, size_t *);
typedef piimask_status (*findings_new_fn)(piimask_findings **);
typedef void (*findings_free_fn)(piimask_findings *);
typedef piimask_status (*scan_batch_fn)(const piimask_scanner *, const piimask_text *, size_t,
                                        const char *, piimask_batch **);
typedef piimask_status (*batch_flat_fn)(const piimask_batch *, const piimask_finding **,
                                        size_t *, const size_t **);
typedef void (*batch_free_fn)(piimask_batch *);
typedef piimask_status (*redact_into_fn)(const piimask_scanner *, const uint8_t *, size_t,
                                         const char *, const char *, piimask_bytes *,
                                         const uint8_t **, size_t *);
typedef piimask_status (*bytes_new_fn)(piimask_bytes **);
typedef void (*bytes_free_fn)(piimask_bytes *);
typedef piimask_status (*redact_batch_fn)(const piimask_scanner *, const piimask_text *, size_t,
                                          const char *, const char *, piimask_bytes_list **);
typedef piimask_status (*list_flat_fn)(const piimask_bytes_list *, const uint8_t **, size_t *,
                                       const size_t **);
typedef void (*list_free_fn)(piimask_bytes_list *);
typedef const char *(*kind_name_fn)(const piimask_scanner *, uint32_t);

#if defined(__GNUC__) || defined(__clang__)
/* Each pointer type above is the type of the header's function. */
#define SAME_TYPE(fn, type)                                                        \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&fn), type),         \
                   #fn " does not match its declaration in piimask.h")
SAME_TYPE(piimask_scan_into, scan_into_fn);
SAME_TYPE(piimask_findings_new, findings_new_fn);
SAME_TYPE(piimask_findings_free, findings_free_fn);
SAME_TYPE(piimask_scan_batch, scan_batch_fn);
SAME_TYPE(piimask_batch_flat, batch_flat_fn);
SAME_TYPE(piimask_batch_free, batch_free_fn);
SAME_TYPE(piimask_redact_into, redact_into_fn);
SAME_TYPE(piimask_bytes_new, bytes_new_fn);
SAME_TYPE(piimask_bytes_free, bytes_free_fn);
SAME_TYPE(piimask_redact_batch, redact_batch_fn);
SAME_TYPE(piimask_bytes_list_flat, list_flat_fn);
SAME_TYPE(piimask_bytes_list_free, list_free_fn);
SAME_TYPE(piimask_scanner_kind_name, kind_name_fn);
#endif

/* The library's functions, set once by bind(). */
static struct {
    scan_into_fn scan_into;
    findings_new_fn findings_new;
    findings_free_fn findings_free;
    scan_batch_fn scan_batch;
    batch_flat_fn batch_flat;
    batch_free_fn batch_free;
    redact_into_fn redact_into;
    bytes_new_fn bytes_new;
    bytes_free_fn bytes_free;
    redact_batch_fn redact_batch;
    list_flat_fn list_flat;
    list_free_fn list_free;
    kind_name_fn kind_name;
} api;

static int bound;
/* The Finding type (a NamedTuple), and what makes one (new_finding):
 * tuple's tp_new slot (Python 3.10+) called with call_args = (fields,), or
 * else tuple.__new__ called with call_args = (Finding, fields); `fields`,
 * the 6-tuple of values, is item fields_at of call_args. */
static PyObject *finding_type;
static newfunc tuple_tp_new;
static PyObject *tuple_new;
static PyObject *call_args;
static Py_ssize_t fields_at;
/* status -> the exception to raise (piimask._error). */
static PyObject *error_factory;
/* builtins.round: confidences are rounded exactly as the Python path does. */
static PyObject *round_fn;
static PyObject *empty_str;

/* ------------------------------------------------------------------ pools */

#define POOL_MAX 16

static piimask_findings *findings_pool[POOL_MAX];
static int findings_idle;
static piimask_bytes *bytes_pool[POOL_MAX];
static int bytes_idle;

/* All four with the GIL held. */
static piimask_findings *findings_take(void) {
    if (findings_idle > 0)
        return findings_pool[--findings_idle];
    piimask_findings *f = NULL;
    if (api.findings_new(&f) != 0 || f == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return f;
}

static void findings_give(piimask_findings *f) {
    if (findings_idle < POOL_MAX)
        findings_pool[findings_idle++] = f;
    else
        api.findings_free(f);
}

static piimask_bytes *bytes_take(void) {
    if (bytes_idle > 0)
        return bytes_pool[--bytes_idle];
    piimask_bytes *b = NULL;
    if (api.bytes_new(&b) != 0 || b == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return b;
}

static void bytes_give(piimask_bytes *b) {
    if (bytes_idle < POOL_MAX)
        bytes_pool[bytes_idle++] = b;
    else
        api.bytes_free(b);
}

/* ---------------------------------------------------------------- helpers */

static int not_bound(void) {
    if (!bound) {
        PyErr_SetString(PyExc_RuntimeError, "piimask._fast: bind() was not called");
        return 1;
    }
    return 0;
}

static void type_error(const char *what, const char *expected, PyObject *value) {
    PyObject *name = PyObject_GetAttrString((PyObject *)Py_TYPE(value), "__name__");
    if (name == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s must be %s", what, expected);
        return;
    }
    PyErr_Format(PyExc_TypeError, "%s must be %s, not %U", what, expected, name);
    Py_DECREF(name);
}

/* Texts up to this many code points are read through the str's own UTF-8
 * (see text_utf8); longer ones are copied, so that a big text does not keep
 * a second, cached copy of itself alive for as long as the str lives. */
#define VIEW_MAX 65536

/* The UTF-8 of `text` for one library call: *p and *len, valid while `text`
 * and *keep (a new reference or NULL; release it after the call) live.
 *
 * A chat message is read in place: PyUnicode_AsUTF8AndSize returns the
 * characters of an ASCII str as they are stored, and encodes any other str
 * once, caching the result on it, which saves the bytes object and the copy
 * that encoding costs on every call. Lone surrogates, which have no UTF-8,
 * and long texts are encoded into a bytes object instead; surrogates go
 * through as (invalid) bytes, as str.encode("utf-8", "surrogatepass")
 * does. */
static int text_utf8(PyObject *text, PyObject **keep, const char **p, Py_ssize_t *len) {
    *keep = NULL;
    if (!PyUnicode_Check(text)) {
        type_error("text", "a str", text);
        return -1;
    }
    if (PyUnicode_GetLength(text) <= VIEW_MAX) {
        *p = PyUnicode_AsUTF8AndSize(text, len);
        if (*p != NULL)
            return 0;
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return -1;
        PyErr_Clear();
    }
    PyObject *data = PyUnicode_AsUTF8String(text);
    if (data == NULL && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        PyErr_Clear();
        data = PyUnicode_AsEncodedString(text, "utf-8", "surrogatepass");
    }
    char *bytes;
    if (data == NULL || PyBytes_AsStringAndSize(data, &bytes, len) < 0) {
        Py_XDECREF(data);
        return -1;
    }
    *keep = data;
    *p = bytes;
    return 0;
}

/* Region and role names, str -> their UTF-8 bytes: a service uses a few,
 * and encoding one on every call would cost more than looking it up. */
#define NAMES_MAX 256
static PyObject *encoded_names;

/* A C string argument (region, role): None gives NULL, a str its UTF-8,
 * NUL-terminated, kept alive by a new reference in *keep (release it once
 * the library has returned). Errors as piimask._c_string raises them. */
static int c_string(PyObject *value, const char *what, PyObject **keep, const char **out) {
    *keep = NULL;
    *out = NULL;
    if (value == Py_None)
        return 0;
    if (!PyUnicode_Check(value)) {
        type_error(what, "a str or None", value);
        return -1;
    }
    PyObject *data = PyDict_GetItemWithError(encoded_names, value); /* borrowed */
    if (data != NULL) {
        Py_INCREF(data);
    } else {
        if (PyErr_Occurred())
            return -1;
        data = PyUnicode_AsUTF8String(value);
        if (data == NULL)
            return -1;
        if (PyDict_Size(encoded_names) < NAMES_MAX && PyUnicode_CheckExact(value) &&
            PyDict_SetItem(encoded_names, value, data) < 0) {
            Py_DECREF(data);
            return -1;
        }
    }
    *keep = data;
    *out = PyBytes_AsString(data);
    return *out == NULL ? -1 : 0;
}

static int scanner_arg(PyObject *value, const piimask_scanner **out) {
    *out = (const piimask_scanner *)PyLong_AsVoidPtr(value);
    return (*out == NULL && PyErr_Occurred()) ? -1 : 0;
}

/* Sets the exception piimask._error(status) makes; returns NULL. */
static PyObject *raise_status(piimask_status status) {
    PyObject *exc = PyObject_CallFunction(error_factory, "k", (unsigned long)status);
    if (exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    return NULL;
}

/* Confidences are a handful of float32 values: each rounded once by
 * round(c, 6) (the float32's intended decimal, 0.85 not 0.8500000238). */
#define CONFIDENCES_MAX 64
static uint32_t confidence_bits[CONFIDENCES_MAX];
static PyObject *confidence_value[CONFIDENCES_MAX];
static int confidences;

static PyObject *confidence(float c) {
    uint32_t bits;
    memcpy(&bits, &c, sizeof bits);
    for (int i = 0; i < confidences; i++) {
        if (confidence_bits[i] == bits) {
            Py_INCREF(confidence_value[i]);
            return confidence_value[i];
        }
    }
    PyObject *value = PyObject_CallFunction(round_fn, "di", (double)c, 6);
    if (value != NULL && confidences < CONFIDENCES_MAX) {
        confidence_bits[confidences] = bits;
        confidence_value[confidences] = value;
        confidences++;
        Py_INCREF(value);
    }
    return value;
}

/* The kind's name for `code`, from the scanner's cache `names` (a dict
 * code -> str that the Scanner keeps), filled on first sight. */
static PyObject *kind_name(const piimask_scanner *scanner, PyObject *names, uint32_t code) {
    PyObject *key = PyLong_FromUnsignedLong(code);
    if (key == NULL)
        return NULL;
    PyObject *name = PyDict_GetItemWithError(names, key); /* borrowed */
    if (name != NULL) {
        Py_DECREF(key);
        Py_INCREF(name);
        return name;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    const char *c = api.kind_name(scanner, code);
    name = c != NULL ? PyUnicode_DecodeUTF8(c, (Py_ssize_t)strlen(c), NULL)
                     : PyUnicode_FromFormat("kind_%u", (unsigned int)code);
    if (name != NULL) {
        PyUnicode_InternInPlace(&name);
        if (PyDict_SetItem(names, key, name) < 0)
            Py_CLEAR(name);
    }
    Py_DECREF(key);
    return name;
}

/* Code-point index of byte offset `b` of the UTF-8 `data`, walking on from
 * the last position (offsets of one text come in increasing order; the
 * library never puts a finding's bound inside a character). */
typedef struct {
    const unsigned char *data;
    size_t byte;
    Py_ssize_t chars;
} cursor;

static Py_ssize_t char_index(cursor *at, size_t b) {
    if (b < at->byte) {
        at->byte = 0;
        at->chars = 0;
    }
    const unsigned char *p = at->data;
    Py_ssize_t chars = at->chars;
    for (size_t i = at->byte; i < b; i++)
        chars += (p[i] & 0xC0) != 0x80;
    at->byte = b;
    at->chars = chars;
    return chars;
}

/* A Finding from the six values `v` (references stolen; NULL if making
 * one failed, with its exception set), as tuple.__new__(Finding, v) makes
 * it: the interpreter's own constructor of tuple subclasses. With Python
 * 3.10+ tuple's tp_new slot is called directly (tuple.__new__ as a Python
 * callable costs another tuple and an argument check). The argument tuple
 * and the 6-tuple of values in it are reused from finding to finding while
 * nothing else holds them (reference count 1): a call re-entered from a
 * finalizer meanwhile sees a count above 1 and makes its own. The values
 * are all made before the tuple is filled, and filling it runs no Python
 * code (only str, int and float objects are released). */
static PyObject *new_finding(PyObject *v[6]) {
    for (int i = 0; i < 6; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < 6; j++)
                Py_XDECREF(v[j]);
            return NULL;
        }
    }
    PyObject *args = call_args;
    PyObject *fields = PyTuple_GetItem(args, fields_at); /* borrowed */
    if (fields != NULL && Py_REFCNT(args) == 1 && Py_REFCNT(fields) == 1) {
        Py_INCREF(args);
    } else {
        PyErr_Clear();
        fields = PyTuple_New(6);
        if (fields == NULL) {
            for (int j = 0; j < 6; j++)
                Py_DECREF(v[j]);
            return NULL;
        }
        args = fields_at == 0 ? PyTuple_Pack(1, fields) : PyTuple_Pack(2, finding_type, fields);
        Py_DECREF(fields); /* args holds it */
        if (args == NULL) {
            for (int j = 0; j < 6; j++)
                Py_DECREF(v[j]);
            return NULL;
        }
    }
    for (int i = 0; i < 6; i++)
        PyTuple_SetItem(fields, i, v[i]); /* steals; releases the previous value */
    PyObject *item = tuple_tp_new != NULL
                         ? tuple_tp_new((PyTypeObject *)finding_type, args, NULL)
                         : PyObject_Call(tuple_new, args, NULL);
    Py_DECREF(args);
    /* A Finding holds only str, int and float objects: it cannot be part of
     * a reference cycle, so the cycle collector need not track it (CPython
     * untracks plain tuples of such values itself, but not instances of
     * tuple subclasses). Untracked, the findings a service keeps no longer
     * trigger and lengthen collections: 0.35 us of a dense message's 4 us. */
    if (item != NULL)
        PyObject_GC_UnTrack(item); /* a no-op on an untracked object */
    return item;
}

/* The Finding tuples for `items[0..count)`, found in `text` (whose UTF-8 is
 * `data`, `len` bytes). */
static PyObject *findings_list(const piimask_scanner *scanner, PyObject *names, PyObject *text,
                               const char *data, size_t len, const piimask_finding *items,
                               size_t count) {
    PyObject *list = PyList_New((Py_ssize_t)count);
    if (list == NULL || count == 0)
        return list;
    Py_ssize_t chars = PyUnicode_GetLength(text);
    if (chars < 0)
        goto fail;
    int ascii = (size_t)chars == len;
    cursor at = {(const unsigned char *)data, 0, 0};
    for (size_t k = 0; k < count; k++) {
        const piimask_finding *f = &items[k];
        Py_ssize_t start, end;
        if (ascii) {
            start = (Py_ssize_t)f->start;
            end = (Py_ssize_t)f->end;
        } else {
            start = char_index(&at, f->start);
            end = char_index(&at, f->end);
        }
        /* Each made only while no exception is pending. */
        PyObject *v[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
        if ((v[0] = kind_name(scanner, names, f->kind)) != NULL &&
            (v[1] = PyLong_FromSsize_t(start)) != NULL &&
            (v[2] = PyLong_FromSsize_t(end)) != NULL &&
            (v[3] = PyUnicode_Substring(text, start, end)) != NULL &&
            (v[4] = confidence(f->confidence)) != NULL) {
            if (f->normalized_len == 0) {
                Py_INCREF(empty_str);
                v[5] = empty_str;
            } else {
                v[5] = PyUnicode_DecodeUTF8((const char *)f->normalized,
                                            (Py_ssize_t)f->normalized_len, NULL);
            }
        }
        PyObject *item = new_finding(v);
        if (item == NULL)
            goto fail;
        PyList_SetItem(list, (Py_ssize_t)k, item);
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

/* The texts of a batch as UTF-8: the piimask_text array points into the
 * strs (kept alive by `seq`) or into the bytes objects of `data`. */
typedef struct {
    PyObject *seq;   /* the texts: a list or a tuple */
    PyObject **data; /* per text, its bytes copy or NULL (see text_utf8) */
    piimask_text *texts;
    Py_ssize_t n;
} batch_input;

static void batch_input_clear(batch_input *in) {
    if (in->data != NULL) {
        for (Py_ssize_t i = 0; i < in->n; i++)
            Py_XDECREF(in->data[i]);
        PyMem_Free(in->data);
    }
    PyMem_Free(in->texts);
    Py_XDECREF(in->seq);
    memset(in, 0, sizeof *in);
}

static int batch_input_make(PyObject *texts, batch_input *in) {
    memset(in, 0, sizeof *in);
    /* A tuple as it is; anything else copied into a list, as list(texts)
     * does (with its error: "'int' object is not iterable"), so that
     * another thread changing the caller's list while the library runs
     * changes nothing here. */
    if (PyTuple_CheckExact(texts)) {
        Py_INCREF(texts);
        in->seq = texts;
    } else {
        in->seq = PySequence_List(texts);
    }
    if (in->seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Size(in->seq);
    if (n < 0)
        goto fail;
    if (n > 0) {
        in->data = PyMem_Calloc((size_t)n, sizeof(PyObject *));
        in->texts = PyMem_Calloc((size_t)n, sizeof(piimask_text));
        if (in->data == NULL || in->texts == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
    }
    in->n = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        /* Borrowed: `seq` (immutable, or a list of our own) holds the texts
         * for the whole call. */
        PyObject *text = PyTuple_CheckExact(in->seq) ? PyTuple_GetItem(in->seq, i)
                                                     : PyList_GetItem(in->seq, i);
        if (text == NULL)
            goto fail;
        const char *p;
        Py_ssize_t size;
        if (text_utf8(text, &in->data[i], &p, &size) < 0)
            goto fail;
        in->texts[i].ptr = (const uint8_t *)p;
        in->texts[i].len = (size_t)size;
    }
    return 0;
fail:
    batch_input_clear(in);
    return -1;
}

/* ------------------------------------------------------------- functions */

/* *slot = value (a new reference), releasing what was there. */
static void replace(PyObject **slot, PyObject *value) {
    PyObject *old = *slot;
    *slot = value;
    Py_XDECREF(old);
}

PyDoc_STRVAR(bind_doc,
             "bind(addresses, finding_type, error_factory)\n\n"
             "addresses: the library's functions (a dict name -> address as int);\n"
             "finding_type: the Finding NamedTuple; error_factory(status) -> exception.");

static const char *const names_in_order[] = {
    "piimask_scan_into",       "piimask_findings_new",  "piimask_findings_free",
    "piimask_scan_batch",      "piimask_batch_flat",    "piimask_batch_free",
    "piimask_redact_into",     "piimask_bytes_new",     "piimask_bytes_free",
    "piimask_redact_batch",    "piimask_bytes_list_flat", "piimask_bytes_list_free",
    "piimask_scanner_kind_name",
};

static PyObject *fast_bind(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *addresses, *type, *factory;
    if (!PyArg_ParseTuple(args, "O!OO:bind", &PyDict_Type, &addresses, &type, &factory))
        return NULL;
    if (!PyType_Check(type) || !PyType_IsSubtype((PyTypeObject *)type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "finding_type must be a tuple subclass (a NamedTuple)");
        return NULL;
    }
    if (!PyCallable_Check(factory)) {
        PyErr_SetString(PyExc_TypeError, "error_factory must be callable");
        return NULL;
    }
    uintptr_t found[sizeof names_in_order / sizeof names_in_order[0]];
    for (size_t i = 0; i < sizeof names_in_order / sizeof names_in_order[0]; i++) {
        PyObject *v = PyDict_GetItemString(addresses, names_in_order[i]);
        if (v == NULL) {
            PyErr_Format(PyExc_KeyError, "no address for %s", names_in_order[i]);
            return NULL;
        }
        unsigned long long address = PyLong_AsUnsignedLongLong(v);
        if (address == (unsigned long long)-1 && PyErr_Occurred())
            return NULL;
        if (address == 0 || address > UINTPTR_MAX) {
            PyErr_Format(PyExc_ValueError, "bad address for %s", names_in_order[i]);
            return NULL;
        }
        found[i] = (uintptr_t)address;
    }
    /* Bound again (importlib.reload(piimask)): the new Finding type and
     * error factory replace the old. The library must stay the same: the
     * pools hold its buffers. */
    static uintptr_t bound_to[sizeof names_in_order / sizeof names_in_order[0]];
    if (bound && memcmp(bound_to, found, sizeof found) != 0) {
        PyErr_SetString(PyExc_RuntimeError, "piimask._fast is bound to another library already");
        return NULL;
    }
    memcpy(bound_to, found, sizeof found);
    /* Addresses of functions, as cffi gives them (uintptr_t). */
    api.scan_into = (scan_into_fn)found[0];
    api.findings_new = (findings_new_fn)found[1];
    api.findings_free = (findings_free_fn)found[2];
    api.scan_batch = (scan_batch_fn)found[3];
    api.batch_flat = (batch_flat_fn)found[4];
    api.batch_free = (batch_free_fn)found[5];
    api.redact_into = (redact_into_fn)found[6];
    api.bytes_new = (bytes_new_fn)found[7];
    api.bytes_free = (bytes_free_fn)found[8];
    api.redact_batch = (redact_batch_fn)found[9];
    api.list_flat = (list_flat_fn)found[10];
    api.list_free = (list_free_fn)found[11];
    api.kind_name = (kind_name_fn)found[12];
    Py_INCREF(type);
    replace(&finding_type, type);
    /* PyType_GetSlot takes static types such as tuple from Python 3.10. */
    tuple_tp_new = (newfunc)(uintptr_t)PyType_GetSlot(&PyTuple_Type, Py_tp_new);
    if (tuple_tp_new == NULL)
        PyErr_Clear();
    PyObject *fields = PyTuple_New(6);
    if (fields == NULL)
        return NULL;
    for (int i = 0; i < 6; i++) {
        Py_INCREF(Py_None);
        PyTuple_SetItem(fields, i, Py_None);
    }
    fields_at = tuple_tp_new != NULL ? 0 : 1;
    PyObject *made = fields_at == 0 ? PyTuple_Pack(1, fields) : PyTuple_Pack(2, finding_type, fields);
    Py_DECREF(fields);
    if (made == NULL)
        return NULL;
    replace(&call_args, made);
    Py_INCREF(factory);
    replace(&error_factory, factory);
    bound = 1;
    Py_RETURN_NONE;
}

PyDoc_STRVAR(scan_doc, "scan(scanner, text, region, names) -> list of Finding");

static PyObject *fast_scan(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *scanner_obj, *text, *region_obj, *names;
    if (!PyArg_UnpackTuple(args, "scan", 4, 4, &scanner_obj, &text, &region_obj, &names))
        return NULL;
    const piimask_scanner *scanner;
    if (not_bound() || scanner_arg(scanner_obj, &scanner) < 0)
        return NULL;
    PyObject *data = NULL, *keep_region = NULL, *result = NULL;
    piimask_findings *found = NULL;
    const char *p;
    Py_ssize_t len;
    const char *region;
    if (text_utf8(text, &data, &p, &len) < 0 ||
        c_string(region_obj, "region", &keep_region, &region) < 0 ||
        (found = findings_take()) == NULL)
        goto done;
    const piimask_finding *items = NULL;
    size_t count = 0;
    piimask_status status;
    Py_BEGIN_ALLOW_THREADS
    status = api.scan_into(scanner, (const uint8_t *)p, (size_t)len, region, found, &items, &count);
    Py_END_ALLOW_THREADS
    result = status != 0 ? raise_status(status)
                         : findings_list(scanner, names, text, p, (size_t)len, items, count);
done:
    if (found != NULL)
        findings_give(found);
    Py_XDECREF(keep_region);
    Py_XDECREF(data);
    return result;
}

PyDoc_STRVAR(scan_batch_doc, "scan_batch(scanner, texts, region, names) -> list of lists of Finding");

static PyObject *fast_scan_batch(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *scanner_obj, *texts, *region_obj, *names;
    if (!PyArg_UnpackTuple(args, "scan_batch", 4, 4, &scanner_obj, &texts, &region_obj, &names))
        return NULL;
    const piimask_scanner *scanner;
    if (not_bound() || scanner_arg(scanner_obj, &scanner) < 0)
        return NULL;
    batch_input in;
    if (batch_input_make(texts, &in) < 0)
        return NULL;
    PyObject *keep_region = NULL, *result = NULL;
    piimask_batch *batch = NULL;
    const char *region;
    if (c_string(region_obj, "region", &keep_region, &region) < 0)
        goto done;
    piimask_status status;
    Py_BEGIN_ALLOW_THREADS
    status = api.scan_batch(scanner, in.texts, (size_t)in.n, region, &batch);
    Py_END_ALLOW_THREADS
    if (status != 0) {
        raise_status(status);
        goto done;
    }
    const piimask_finding *items = NULL;
    size_t count = 0;
    const size_t *bounds = NULL;
    status = api.batch_flat(batch, &items, &count, &bounds);
    if (status != 0) {
        raise_status(status);
        goto done;
    }
    result = PyList_New(in.n);
    if (result == NULL)
        goto done;
    for (Py_ssize_t m = 0; m < in.n; m++) {
        PyObject *text = PySequence_GetItem(in.seq, m);
        if (text == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        size_t first = bounds[m], last = bounds[m + 1];
        PyObject *found = findings_list(scanner, names, text, (const char *)in.texts[m].ptr,
                                        in.texts[m].len, items + first, last - first);
        Py_DECREF(text);
        if (found == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SetItem(result, m, found);
    }
done:
    if (batch != NULL)
        api.batch_free(batch);
    Py_XDECREF(keep_region);
    batch_input_clear(&in);
    return result;
}

PyDoc_STRVAR(redact_doc, "redact(scanner, text, region, role) -> str");

static PyObject *fast_redact(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *scanner_obj, *text, *region_obj, *role_obj;
    if (!PyArg_UnpackTuple(args, "redact", 4, 4, &scanner_obj, &text, &region_obj, &role_obj))
        return NULL;
    const piimask_scanner *scanner;
    if (not_bound() || scanner_arg(scanner_obj, &scanner) < 0)
        return NULL;
    PyObject *data = NULL, *keep_region = NULL, *keep_role = NULL, *result = NULL;
    piimask_bytes *masked = NULL;
    const char *p;
    Py_ssize_t len;
    const char *region, *role;
    if (text_utf8(text, &data, &p, &len) < 0 ||
        c_string(region_obj, "region", &keep_region, &region) < 0 ||
        c_string(role_obj, "role", &keep_role, &role) < 0 || (masked = bytes_take()) == NULL)
        goto done;
    const uint8_t *out = NULL;
    size_t out_len = 0;
    piimask_status status;
    Py_BEGIN_ALLOW_THREADS
    status = api.redact_into(scanner, (const uint8_t *)p, (size_t)len, region, role, masked, &out,
                             &out_len);
    Py_END_ALLOW_THREADS
    if (status != 0)
        result = raise_status(status);
    else if (out_len == 0)
        result = (Py_INCREF(empty_str), empty_str);
    else
        result = PyUnicode_DecodeUTF8((const char *)out, (Py_ssize_t)out_len, "surrogatepass");
done:
    if (masked != NULL)
        bytes_give(masked);
    Py_XDECREF(keep_role);
    Py_XDECREF(keep_region);
    Py_XDECREF(data);
    return result;
}

PyDoc_STRVAR(redact_batch_doc, "redact_batch(scanner, texts, region, role) -> list of str");

static PyObject *fast_redact_batch(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *scanner_obj, *texts, *region_obj, *role_obj;
    if (!PyArg_UnpackTuple(args, "redact_batch", 4, 4, &scanner_obj, &texts, &region_obj,
                           &role_obj))
        return NULL;
    const piimask_scanner *scanner;
    if (not_bound() || scanner_arg(scanner_obj, &scanner) < 0)
        return NULL;
    batch_input in;
    if (batch_input_make(texts, &in) < 0)
        return NULL;
    PyObject *keep_region = NULL, *keep_role = NULL, *result = NULL;
    piimask_bytes_list *list = NULL;
    const char *region, *role;
    if (c_string(region_obj, "region", &keep_region, &region) < 0 ||
        c_string(role_obj, "role", &keep_role, &role) < 0)
        goto done;
    piimask_status status;
    Py_BEGIN_ALLOW_THREADS
    status = api.redact_batch(scanner, in.texts, (size_t)in.n, region, role, &list);
    Py_END_ALLOW_THREADS
    if (status != 0) {
        raise_status(status);
        goto done;
    }
    const uint8_t *data = NULL;
    size_t total = 0;
    const size_t *bounds = NULL;
    status = api.list_flat(list, &data, &total, &bounds);
    if (status != 0) {
        raise_status(status);
        goto done;
    }
    result = PyList_New(in.n);
    if (result == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < in.n; i++) {
        size_t first = bounds[i], last = bounds[i + 1];
        PyObject *s;
        if (first == last) {
            Py_INCREF(empty_str);
            s = empty_str;
        } else {
            s = PyUnicode_DecodeUTF8((const char *)data + first, (Py_ssize_t)(last - first),
                                     "surrogatepass");
        }
        if (s == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SetItem(result, i, s);
    }
done:
    if (list != NULL)
        api.list_free(list);
    Py_XDECREF(keep_role);
    Py_XDECREF(keep_region);
    batch_input_clear(&in);
    return result;
}

static PyMethodDef fast_methods[] = {
    {"bind", fast_bind, METH_VARARGS, bind_doc},
    {"scan", fast_scan, METH_VARARGS, scan_doc},
    {"scan_batch", fast_scan_batch, METH_VARARGS, scan_batch_doc},
    {"redact", fast_redact, METH_VARARGS, redact_doc},
    {"redact_batch", fast_redact_batch, METH_VARARGS, redact_batch_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fast_module = {
    PyModuleDef_HEAD_INIT, "piimask._fast",
    "The Python binding's hot calls with their results built in C (see _fast.c).", -1,
    fast_methods,          NULL,
    NULL,                  NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__fast(void) {
    PyObject *builtins = PyImport_ImportModule("builtins");
    if (builtins == NULL)
        return NULL;
    round_fn = PyObject_GetAttrString(builtins, "round");
    Py_DECREF(builtins);
    if (round_fn == NULL)
        return NULL;
    tuple_new = PyObject_GetAttrString((PyObject *)&PyTuple_Type, "__new__");
    if (tuple_new == NULL)
        return NULL;
    empty_str = PyUnicode_FromStringAndSize("", 0);
    if (empty_str == NULL)
        return NULL;
    encoded_names = PyDict_New();
    if (encoded_names == NULL)
        return NULL;
    return PyModule_Create(&fast_module);
}
