"""Find and mask personal data in chat messages.

    >>> import piimask
    >>> scanner = piimask.Scanner(region="IN")
    >>> text = "Call 98765 43210 or mail priya@example.in"
    >>> [(f.kind, f.text) for f in scanner.scan(text)]
    [('phone', '98765 43210'), ('email', 'priya@example.in')]
    >>> scanner.redact(text)
    'Call ••••• ••210 or mail p•••@example.in'

A thin binding over the piimask C library: all detection, masking and
reveal decisions happen there. Offsets in findings are Python string indices (code
points), so ``text[f.start:f.end] == f.text``. A Scanner is immutable and
may be shared by any number of threads; calls release the GIL.
"""

import json
import threading
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Union,
)

from ._ffi import LIBRARY_PATH, ffi, lib

__all__ = [
    "Scanner",
    "Finding",
    "Error",
    "ConfigError",
    "UnknownRegionError",
    "UnknownKindError",
    "UnknownRoleError",
    "InvalidArgumentError",
    "MissingKeyError",
    "RedactionError",
    "RevealDeniedError",
    "NotFoundError",
    "RevealDenied",
    "NotFound",
    "InternalError",
    "library_version",
    "Guard",
    "GuardCheck",
    "GuardEvent",
    "LIBRARY_PATH",
]

__version__ = "0.1.0"

# piimask_status values (include/piimask.h).
_OK = 0
_NULL_ARGUMENT = 1
_INVALID_CONFIG = 2
_UNKNOWN_REGION = 3
_UNKNOWN_KIND = 4
_UNKNOWN_ROLE = 5
_OUT_OF_RANGE = 6
_INVALID_ARGUMENT = 7
_REDACTION_FAILED = 8
_PANIC = 9
_MISSING_KEY = 11
_REVEAL_DENIED = 12
_NOT_FOUND = 13


class Error(Exception):
    """A piimask call failed. ``status`` is the C status code, ``message``
    the library's description (never containing scanned text)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class ConfigError(Error, ValueError):
    """The configuration is malformed or fails validation."""


class UnknownRegionError(Error, ValueError):
    """A region code the phone metadata does not know."""


class UnknownKindError(Error, ValueError):
    """A kind name that is neither built in nor defined by the configuration."""


class UnknownRoleError(Error, ValueError):
    """A role that the scanner's policy does not define."""


class MissingKeyError(Error):
    """A role's keyed operator (token, hash, fpe) needs a key; build the
    Scanner with ``key=``."""


class InvalidArgumentError(Error, ValueError):
    """A malformed argument."""


class RedactionError(Error):
    """Redaction could not complete; no text is returned."""


class RevealDeniedError(Error):
    """``Scanner.reveal``: the role may not reveal values. The attempt was
    audited."""


class NotFoundError(Error, LookupError):
    """``Scanner.reveal``: nothing to reveal (the token is not in the vault,
    or the value is not a format-preserving value of its kind). The
    attempt was audited."""


# Short names.
RevealDenied = RevealDeniedError
NotFound = NotFoundError


class InternalError(Error):
    """An internal error in the library (a bug: please report it)."""


_ERRORS = {
    _INVALID_CONFIG: ConfigError,
    _UNKNOWN_REGION: UnknownRegionError,
    _UNKNOWN_KIND: UnknownKindError,
    _UNKNOWN_ROLE: UnknownRoleError,
    _REDACTION_FAILED: RedactionError,
    _PANIC: InternalError,
    _INVALID_ARGUMENT: InvalidArgumentError,
    _MISSING_KEY: MissingKeyError,
    _REVEAL_DENIED: RevealDeniedError,
    _NOT_FOUND: NotFoundError,
}


def _error(status: int) -> Error:
    size = lib.piimask_last_error(ffi.NULL, 0)
    if size:
        buf = ffi.new("char[]", size + 1)
        lib.piimask_last_error(buf, size + 1)
        message = ffi.string(buf).decode("utf-8", "replace")
    else:
        message = ffi.string(lib.piimask_status_message(status)).decode()
    return _ERRORS.get(status, Error)(status, message)


class Finding(NamedTuple):
    """One piece of personal data in a text."""

    kind: str
    """The kind's name: ``phone``, ``email``, ``credit_card``, ... or a custom kind."""
    start: int
    """Index of the first character (code point) in the scanned string."""
    end: int
    """Index one past the last character."""
    text: str
    """The matched text, ``text[start:end]``."""
    confidence: float
    """How sure the detector is, from 0 to 1."""
    normalized: str
    """The canonical value: E.164 for phones, lower-cased domain for e-mails, ..."""


_DEFAULT_REGION = object()

# Builds a Finding from a tuple in C (Finding(...) runs a Python function).
_new_tuple = tuple.__new__

# Confidences are a handful of float32 values: rounded once each.
_CONFIDENCES = {}


# The library's functions that piimask._fast calls (csrc/_fast.c).
_FAST_FUNCTIONS = (
    "piimask_scan_into",
    "piimask_findings_new",
    "piimask_findings_free",
    "piimask_scan_batch",
    "piimask_batch_flat",
    "piimask_batch_free",
    "piimask_redact_into",
    "piimask_bytes_new",
    "piimask_bytes_free",
    "piimask_redact_batch",
    "piimask_bytes_list_flat",
    "piimask_bytes_list_free",
    "piimask_scanner_kind_name",
)


def _bind_fast():
    """piimask._fast, the compiled extension that builds the results of
    scan, scan_batch, redact and redact_batch in C (the package's build
    compiles it), bound to the functions of the library loaded above; None
    when it is not there (a source checkout): then the same results are
    built in Python, by the `_*_py` methods of Scanner."""
    try:
        from . import _fast
    except ImportError:
        return None
    addresses = {}
    for name in _FAST_FUNCTIONS:
        try:  # API mode: the compiled cffi module's function
            fn = ffi.addressof(lib, name)
        except (AttributeError, TypeError, ffi.error):  # ABI mode: already a pointer
            fn = getattr(lib, name)
        addresses[name] = int(ffi.cast("uintptr_t", fn))
    _fast.bind(addresses, Finding, _error)
    return _fast


_FAST = _bind_fast()
# True when scan/scan_batch/redact/redact_batch build their results in C.
FAST = _FAST is not None
_fast_scan = _FAST.scan if FAST else None
_fast_scan_batch = _FAST.scan_batch if FAST else None
_fast_redact = _FAST.redact if FAST else None
_fast_redact_batch = _FAST.redact_batch if FAST else None


class _OutParams(threading.local):
    """Out-parameters and reusable results for the library calls, allocated
    once per thread (allocating them per call costs more than the call)."""

    def __init__(self):
        self.findings = ffi.new("piimask_findings **")
        self.batch = ffi.new("piimask_batch **")
        self.bytes = ffi.new("piimask_bytes **")
        self.list = ffi.new("piimask_bytes_list **")
        self.items = ffi.new("piimask_finding **")
        self.count = ffi.new("size_t *")
        self.offsets = ffi.new("size_t **")
        self.data = ffi.new("char **")
        # Reused by scan() and redact(): one call into the library each.
        if lib.piimask_findings_new(self.findings) != _OK:
            raise MemoryError("piimask_findings_new")
        self.found = ffi.gc(self.findings[0], lib.piimask_findings_free)
        if lib.piimask_bytes_new(self.bytes) != _OK:
            raise MemoryError("piimask_bytes_new")
        self.masked = ffi.gc(self.bytes[0], lib.piimask_bytes_free)
        # Set while `found` or `masked` is being read: a call re-entering on
        # this thread meanwhile (from a finalizer) must not overwrite them.
        self.busy = False


_out = _OutParams()


def _c_string(value: Optional[str], what: str):
    if value is None:
        return ffi.NULL
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")
    return value.encode("utf-8")


def _c_name(value: Optional[str], what: str, required: bool = True):
    """A name for the audit trail (role, actor, conversation): a str
    without NUL characters (a C string would end there)."""
    if value is None and not required:
        return ffi.NULL
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise InvalidArgumentError(_INVALID_ARGUMENT, f"{what} contains a NUL character")
    return value.encode("utf-8")


def _encode(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    # Lone surrogates go through as (invalid) bytes and come back unchanged.
    return text.encode("utf-8", "surrogatepass")


def _char_offsets(text: str, data: bytes, byte_offsets: Iterable[int]) -> List[int]:
    """Maps increasing UTF-8 byte offsets of `data` (= `text` encoded) to
    code-point indices of `text`, in one linear pass."""
    if len(data) == len(text):  # ASCII: the same
        return list(byte_offsets)
    out = []
    last_byte = last_char = 0
    for b in byte_offsets:
        if b < last_byte:  # not increasing: start over
            last_byte = last_char = 0
        last_char += len(data[last_byte:b].decode("utf-8", "surrogatepass"))
        last_byte = b
        out.append(last_char)
    return out


_OUTCOMES = ("revealed", "denied", "not_found")


def _text(ptr, size) -> str:
    return ffi.unpack(ptr, size).decode("utf-8") if size else ""


class _RevealCall:
    """The Python side of one ``reveal``: the host's callables, and the
    first exception they raised (re-raised once the library returns)."""

    __slots__ = ("lookup", "audit", "error")

    def __init__(self, lookup, audit):
        self.lookup = lookup
        self.audit = audit
        self.error = None


# The library calls these two during piimask_reveal, on the calling thread;
# `ctx` is the _RevealCall's handle. They never raise into C. Made into C
# callbacks once, on the first reveal (see _trampolines): nothing is
# allocated per call but the handle.
def _vault_lookup(ctx, token, token_len, value):
    call = ffi.from_handle(ctx)
    try:
        found = call.lookup(_text(token, token_len))
        if found is None:
            return False
        if not isinstance(found, str):
            raise TypeError(f"the vault must return a str or None, not {type(found).__name__}")
        data = found.encode("utf-8")
        return lib.piimask_bytes_set(value, data, len(data)) == _OK
    except BaseException as e:  # noqa: B036 - re-raised by reveal()
        if call.error is None:
            call.error = e
        return False


def _audit_record(ctx, event):
    call = ffi.from_handle(ctx)
    try:
        e = event[0]
        call.audit(
            {
                "time": _text(e.time, e.time_len),
                "actor": _text(e.actor, e.actor_len),
                "role": _text(e.role, e.role_len),
                "kind": _text(e.kind_name, e.kind_name_len),
                "conversation": (
                    None
                    if e.conversation == ffi.NULL
                    else _text(e.conversation, e.conversation_len)
                ),
                "outcome": _OUTCOMES[e.outcome] if e.outcome < len(_OUTCOMES) else "unknown",
            }
        )
    except BaseException as e:  # noqa: B036 - re-raised by reveal()
        if call.error is None:
            call.error = e


_TRAMPOLINES = []
_TRAMPOLINES_LOCK = threading.Lock()


def _trampolines():
    """The C callbacks for _vault_lookup and _audit_record."""
    if not _TRAMPOLINES:
        with _TRAMPOLINES_LOCK:
            if not _TRAMPOLINES:
                vault = ffi.callback("bool(void *, const char *, size_t, piimask_bytes *)")
                audit = ffi.callback("void(void *, const piimask_audit_event *)")
                _TRAMPOLINES.extend([vault(_vault_lookup), audit(_audit_record)])
    return _TRAMPOLINES


class Scanner:
    """Finds and masks personal data. Build once (that compiles the
    detectors), share everywhere: a Scanner is immutable and thread-safe.

    :param region: default region hint for national phone formats (ISO 3166
        alpha-2). ``"IN"`` unless ``config`` names one; ``None`` for no hint
        (only international formats are recognised).
    :param kinds: only detect these kinds (names such as ``"phone"``).
    :param config: a configuration as a dict or a JSON string, the schema of
        the CLI's ``--config`` (region, kinds, custom detectors, policy);
        ``region`` and ``kinds`` given here override it.
    :param key: the tenant's secret key (bytes, at least 16; use 32 random
        bytes) for the keyed operators of roles (token, hash, fpe).
    :param min_confidence: drop findings below this confidence (0 to 1;
        default 0.5, see docs/confidence.md); lower it to mask weak evidence
        too. Overrides the configuration's ``min_confidence``.
    :raises ConfigError, UnknownRegionError, UnknownKindError:
    """

    def __init__(
        self,
        region: Optional[str] = _DEFAULT_REGION,  # type: ignore[assignment]
        kinds: Optional[Iterable[str]] = None,
        config: Union[None, str, bytes, Mapping[str, Any]] = None,
        *,
        key: Optional[bytes] = None,
        min_confidence: Optional[float] = None,
    ):
        if config is None:
            cfg = {}
        elif isinstance(config, (str, bytes)):
            cfg = json.loads(config)
            if not isinstance(cfg, dict):
                raise ConfigError(_INVALID_CONFIG, "the configuration must be a JSON object")
        else:
            cfg = dict(config)
        if region is _DEFAULT_REGION:
            cfg.setdefault("region", "IN")
        elif region is None:
            cfg.pop("region", None)
        else:
            cfg["region"] = region
        if kinds is not None:
            if isinstance(kinds, str):
                raise TypeError("kinds must be a list of kind names, not a str")
            cfg["kinds"] = list(kinds)
        if min_confidence is not None:
            cfg["min_confidence"] = float(min_confidence)
        data = json.dumps(cfg).encode("utf-8")
        out = ffi.new("piimask_scanner **")
        if key is None:
            status = lib.piimask_scanner_new(data, len(data), out)
        else:
            key = bytes(key)
            status = lib.piimask_scanner_new_with_key(data, len(data), key, len(key), out)
        if status != _OK:
            raise _error(status)
        self._ptr = ffi.gc(out[0], lib.piimask_scanner_free)
        # For piimask._fast (kept alive by _ptr, which self holds).
        self._address = int(ffi.cast("uintptr_t", self._ptr))
        self._names = {}
        self._codes = {}
        self.region = cfg.get("region")

    def _kind_name(self, code: int) -> str:
        name = self._names.get(code)
        if name is None:
            c = lib.piimask_scanner_kind_name(self._ptr, code)
            name = ffi.string(c).decode("utf-8") if c != ffi.NULL else f"kind_{code}"
            self._names[code] = name
        return name

    def _findings(self, text: str, data: bytes, items, first: int, last: int) -> List[Finding]:
        """Findings `first..last` of the C array `items`, for `text`. The hot
        path of every call with findings: each C field is read once, and the
        tuples are built without NamedTuple's Python-level constructor."""
        if first == last:
            return []
        raw = []
        offsets = []
        for i in range(first, last):
            f = items[i]
            raw.append(f)
            offsets.append(f.start)
            offsets.append(f.end)
        if len(data) != len(text):  # not ASCII: byte offsets -> string indices
            offsets = _char_offsets(text, data, offsets)
        names = self._names
        found = []
        for k, f in enumerate(raw):
            start = offsets[2 * k]
            end = offsets[2 * k + 1]
            code = f.kind
            kind = names.get(code) or self._kind_name(code)
            c = f.confidence
            confidence = _CONFIDENCES.get(c)
            if confidence is None:
                # The float32's intended decimal (0.85, not 0.8500000238).
                confidence = _CONFIDENCES.setdefault(c, round(c, 6))
            normalized = ffi.unpack(f.normalized, f.normalized_len).decode("utf-8")
            found.append(_new_tuple(Finding, (kind, start, end, text[start:end], confidence, normalized)))
        return found

    def scan(self, text: str, *, region: Optional[str] = None) -> List[Finding]:
        """The personal data in ``text``, in order, never overlapping.
        ``region`` overrides the scanner's region hint for this call
        (``""`` for none)."""
        if _fast_scan is None:
            return self._scan_py(text, region)
        return _fast_scan(self._address, text, region, self._names)

    def _scan_py(self, text: str, region: Optional[str] = None) -> List[Finding]:
        """scan() with its results built in Python (without piimask._fast)."""
        data = _encode(text)
        c_region = ffi.NULL if region is None else _c_string(region, "region")
        o = _out
        if o.busy:
            return self._scan_alloc(text, data, c_region)
        o.busy = True
        try:
            items, count = o.items, o.count
            status = lib.piimask_scan_into(
                self._ptr, data, len(data), c_region, o.found, items, count
            )
            if status != _OK:
                raise _error(status)
            n = count[0]
            return self._findings(text, data, items[0], 0, n) if n else []
        finally:
            o.busy = False

    def _scan_alloc(self, text, data, c_region) -> List[Finding]:
        """scan() with results of its own (for re-entrant calls)."""
        out = ffi.new("piimask_findings **")
        status = lib.piimask_scan(self._ptr, data, len(data), c_region, out)
        if status != _OK:
            raise _error(status)
        try:
            items = ffi.new("piimask_finding **")
            count = ffi.new("size_t *")
            lib.piimask_findings_items(out[0], items, count)
            return self._findings(text, data, items[0], 0, count[0])
        finally:
            lib.piimask_findings_free(out[0])

    def redact(
        self, text: str, role: Optional[str] = None, *, region: Optional[str] = None
    ) -> str:
        """``text`` with every finding replaced as the viewer's ``role``
        says: a built-in role (``agent``, ``supervisor``, ``compliance``,
        ``export``) or one of the configuration's policy; ``None`` for the
        policy's default role (the typed masks, ``+91 ••••• ••210``, unless
        the configuration names one). Raises instead of ever returning
        unmasked text."""
        if _fast_redact is None:
            return self._redact_py(text, role, region)
        return _fast_redact(self._address, text, region, role)

    def _redact_py(self, text: str, role: Optional[str] = None, region: Optional[str] = None) -> str:
        """redact() with its result built in Python (without piimask._fast)."""
        data = _encode(text)
        c_region = ffi.NULL if region is None else _c_string(region, "region")
        c_role = ffi.NULL if role is None else _c_string(role, "role")
        o = _out
        if o.busy:
            return self._redact_alloc(data, c_region, c_role)
        o.busy = True
        try:
            out, size = o.data, o.count
            status = lib.piimask_redact_into(
                self._ptr, data, len(data), c_region, c_role, o.masked, out, size
            )
            if status != _OK:
                raise _error(status)
            raw = ffi.unpack(out[0], size[0])
        finally:
            o.busy = False
        return raw.decode("utf-8", "surrogatepass")

    def _redact_alloc(self, data, c_region, c_role) -> str:
        """redact() with results of its own (for re-entrant calls)."""
        out = ffi.new("piimask_bytes **")
        status = lib.piimask_redact(self._ptr, data, len(data), c_region, c_role, out)
        if status != _OK:
            raise _error(status)
        try:
            raw = ffi.unpack(lib.piimask_bytes_data(out[0]), lib.piimask_bytes_len(out[0]))
        finally:
            lib.piimask_bytes_free(out[0])
        return raw.decode("utf-8", "surrogatepass")

    @staticmethod
    def _texts(texts: Sequence[str]):
        """Encodes the texts into one buffer and a piimask_text array
        pointing into it; returns the encoded texts and keep-alives."""
        datas = [_encode(t) for t in texts]
        blob = b"".join(datas)
        base = ffi.from_buffer(blob)
        entries = []
        at = 0
        for d in datas:
            entries.append((base + at, len(d)))
            at += len(d)
        array = ffi.new("piimask_text[]", entries) if entries else ffi.NULL
        return datas, array, (blob, base)

    def scan_batch(self, texts: Sequence[str], *, region: Optional[str] = None) -> List[List[Finding]]:
        """``scan`` of each text, in one call into the library (much less
        overhead per message for short messages)."""
        if _fast_scan_batch is None:
            return self._scan_batch_py(texts, region)
        return _fast_scan_batch(self._address, texts, region, self._names)

    def _scan_batch_py(self, texts: Sequence[str], region: Optional[str] = None) -> List[List[Finding]]:
        """scan_batch() with its results built in Python (without piimask._fast)."""
        texts = list(texts)
        datas, array, keep = self._texts(texts)
        o = _out
        out = o.batch
        status = lib.piimask_scan_batch(
            self._ptr, array, len(texts), _c_string(region, "region"), out
        )
        if status != _OK:
            raise _error(status)
        batch = out[0]
        try:
            items, count, offsets = o.items, o.count, o.offsets
            lib.piimask_batch_flat(batch, items, count, offsets)
            bounds = ffi.unpack(offsets[0], len(texts) + 1)
            arr = items[0]
            return [
                self._findings(t, d, arr, bounds[m], bounds[m + 1])
                if bounds[m] != bounds[m + 1]
                else []
                for m, (t, d) in enumerate(zip(texts, datas))
            ]
        finally:
            lib.piimask_batch_free(batch)
            del keep

    def redact_batch(
        self, texts: Sequence[str], role: Optional[str] = None, *, region: Optional[str] = None
    ) -> List[str]:
        """``redact`` of each text, in one call into the library. If any
        text fails, raises and returns nothing."""
        if _fast_redact_batch is None:
            return self._redact_batch_py(texts, role, region)
        return _fast_redact_batch(self._address, texts, region, role)

    def _redact_batch_py(
        self, texts: Sequence[str], role: Optional[str] = None, region: Optional[str] = None
    ) -> List[str]:
        """redact_batch() with its results built in Python (without piimask._fast)."""
        texts = list(texts)
        _, array, keep = self._texts(texts)
        o = _out
        out = o.list
        status = lib.piimask_redact_batch(
            self._ptr,
            array,
            len(texts),
            _c_string(region, "region"),
            _c_string(role, "role"),
            out,
        )
        if status != _OK:
            raise _error(status)
        listed = out[0]
        try:
            data, total, offsets = o.data, o.count, o.offsets
            lib.piimask_bytes_list_flat(listed, data, total, offsets)
            blob = ffi.unpack(data[0], total[0])
            bounds = ffi.unpack(offsets[0], len(texts) + 1)
        finally:
            lib.piimask_bytes_list_free(listed)
            del keep
        return [
            blob[bounds[i] : bounds[i + 1]].decode("utf-8", "surrogatepass")
            for i in range(len(texts))
        ]

    def _kind_code(self, kind: str) -> int:
        code = self._codes.get(kind)
        if code is None:
            if not isinstance(kind, str):
                raise TypeError(f"kind must be a str, not {type(kind).__name__}")
            out = ffi.new("uint32_t *")
            status = lib.piimask_scanner_kind_code(self._ptr, kind.encode("utf-8"), out)
            if status != _OK:
                raise _error(status)
            code = self._codes[kind] = out[0]
        return code

    def reveal(
        self,
        value: str,
        kind: str,
        role: str,
        actor: str,
        *,
        audit: Callable[[Dict[str, Any]], None],
        vault: Union[None, Mapping[str, str], Callable[[str], Optional[str]]] = None,
        conversation: Optional[str] = None,
        region: Optional[str] = None,
    ) -> str:
        """The value behind a token (``[PHONE:q3k9x2mb7d]``) or an FPE
        value, for a ``role`` allowed to reveal (``supervisor`` and
        ``compliance`` by default). Every attempt, allowed or not, is
        reported to ``audit``.

        :param value: the token or FPE value as it appeared in redacted text.
        :param kind: its kind's name (``"phone"``, or a custom kind).
        :param role: the role asking. :param actor: who asks (recorded).
        :param audit: required; called once per attempt with a dict
            ``{time, actor, role, kind, conversation, outcome}`` (outcome
            ``"revealed"``, ``"denied"`` or ``"not_found"``), never the value.
        :param vault: maps tokens to values: a mapping, or a callable
            returning the value or ``None``; not needed for FPE values
            (the scanner's key decrypts them).
        :param conversation: recorded in the audit event.
        :param region: region hint to read an FPE phone number in national
            format (the scanner's when ``None``).
        :raises RevealDeniedError: the role may not reveal.
        :raises NotFoundError: unknown token, or not an FPE value of the kind.
        :raises UnknownRoleError, MissingKeyError, UnknownKindError:

        An exception raised by ``vault`` or ``audit`` is raised again here,
        and then no value is returned.
        """
        if audit is None or not callable(audit):
            raise TypeError("audit must be a callable: every reveal is audited")
        if vault is None:
            lookup = None
        elif isinstance(vault, Mapping):
            lookup = vault.get
        elif callable(vault):
            lookup = vault
        else:
            raise TypeError("vault must be a mapping, a callable or None")
        if not isinstance(value, str):
            raise TypeError(f"value must be a str, not {type(value).__name__}")
        data = _encode(value)
        code = self._kind_code(kind)
        c_role = _c_name(role, "role")
        c_actor = _c_name(actor, "actor")
        c_conversation = _c_name(conversation, "conversation", required=False)
        c_region = _c_string(region, "region")
        vault_fn, audit_fn = _trampolines()
        call = _RevealCall(lookup, audit)
        handle = ffi.new_handle(call)
        out = ffi.new("piimask_bytes **")
        status = lib.piimask_reveal(
            self._ptr,
            data,
            len(data),
            code,
            c_role,
            c_actor,
            c_conversation,
            c_region,
            vault_fn if lookup is not None else ffi.NULL,
            handle,
            audit_fn,
            handle,
            out,
        )
        try:
            if call.error is not None:
                raise call.error
            if status != _OK:
                raise _error(status)
            result = out[0]
            return ffi.unpack(lib.piimask_bytes_data(result), lib.piimask_bytes_len(result)).decode(
                "utf-8"
            )
        finally:
            if status == _OK:
                lib.piimask_bytes_free(out[0])

    def __repr__(self) -> str:
        return f"piimask.Scanner(region={self.region!r})"


def library_version() -> str:
    """The version of the loaded C library."""
    return ffi.string(lib.piimask_version()).decode()


from .guard import Guard, GuardCheck, GuardEvent  # noqa: E402
from .stream import RedactStream, redact_stream  # noqa: E402,F401  (streaming adapter)
