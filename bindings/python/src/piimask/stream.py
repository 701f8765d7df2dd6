"""Redacting text that arrives in pieces: a socket, a streaming LLM answer,
a file read in blocks.

    >>> import piimask
    >>> scanner = piimask.Scanner(region="IN")
    >>> chunks = ["call me on 98765 4", "3210 or mail ri", "ya@example.in\\nbye"]
    >>> "".join(piimask.redact_stream(scanner, chunks))
    'call me on ••••• ••210 or mail r•••@example.in\\nbye'

Chunks may be split anywhere (inside a character's UTF-8 bytes, inside a
phone number, between a keyword and its number): the pieces joined are
exactly ``scanner.redact(whole_text)``. Text is held back only until no
finding can reach across it (normally the end of the current line), so
memory does not grow with the input. The work happens in the C library
(``piimask_stream_*``).

With ``with_findings=True`` each piece comes with the findings in it, as
``scanner.scan`` gives them for the whole text: offsets are indices into
the whole stream (``"".join(chunks)[f.start:f.end] == f.text``), in code
points for ``str`` chunks and in bytes for ``bytes`` chunks.

    >>> for piece, found in piimask.redact_stream(scanner, chunks, with_findings=True):
    ...     print([(f.kind, f.start, f.end, f.text) for f in found])
    [('phone', 11, 22, '98765 43210'), ('email', 31, 46, 'riya@example.in')]
    []
"""

from typing import Iterable, Iterator, List, Optional, Tuple, Union

from ._ffi import ffi, lib

_OK = 0

Text = Union[str, bytes]


class RedactStream:
    """An incremental redaction of one text. Feed it with :meth:`write`,
    end it with :meth:`finish`; each returns the redacted text that is now
    certain (possibly empty), and :attr:`findings` then holds the findings
    in that text. ``str`` chunks give ``str`` pieces, ``bytes`` chunks
    ``bytes`` (invalid UTF-8 passes through unchanged). Not for use by
    several threads at once.

    ``findings=False`` skips reading findings (:attr:`findings` stays
    empty) when only the redacted text is wanted."""

    def __init__(
        self,
        scanner,
        *,
        region: Optional[str] = None,
        role: Optional[str] = None,
        findings: bool = True,
    ):
        from . import _c_string, _error  # the package's helpers

        self._error = _error
        self._scanner = scanner  # keeps the C scanner alive as long as the stream
        c_region = ffi.NULL if region is None else _c_string(region, "region")
        c_role = _c_string(role, "role")
        out = ffi.new("piimask_stream **")
        status = lib.piimask_stream_new(scanner._ptr, c_region, c_role, out)
        if status != _OK:
            raise _error(status)
        self._ptr = ffi.gc(out[0], lib.piimask_stream_free)
        piece = ffi.new("piimask_bytes **")
        if lib.piimask_bytes_new(piece) != _OK:
            raise MemoryError("piimask_bytes_new")
        self._piece = ffi.gc(piece[0], lib.piimask_bytes_free)
        self._text = None  # str or bytes, fixed by the first chunk
        self.findings: List = []
        """The findings in the text the last :meth:`write` or :meth:`finish`
        returned, in order, with offsets into the whole stream (code points
        for ``str`` chunks, bytes for ``bytes``)."""
        self._found = ffi.NULL
        if findings:
            found = ffi.new("piimask_findings **")
            if lib.piimask_findings_new(found) != _OK:
                raise MemoryError("piimask_findings_new")
            self._found = ffi.gc(found[0], lib.piimask_findings_free)
            self._items = ffi.new("piimask_finding **")
            self._count = ffi.new("size_t *")
        # The input not yet covered by any output (what the library holds
        # back), starting at byte `_base` and index `_base_index` of the
        # whole stream: finding offsets are converted against it.
        self._pending = bytearray()
        self._written = 0
        self._base = 0
        self._base_index = 0

    def _result(self, status: int):
        if status != _OK:
            self.findings = []
            self._pending.clear()
            raise self._error(status)
        data = ffi.unpack(lib.piimask_bytes_data(self._piece), lib.piimask_bytes_len(self._piece))
        if self._found != ffi.NULL:
            self._read_findings()
        # Cuts fall on character boundaries, so a piece of text that came in
        # as str decodes on its own.
        return data.decode("utf-8", "surrogatepass") if self._text else data

    def _read_findings(self):
        """Converts the library's findings (byte offsets into the whole
        stream) and drops the input the outputs now cover."""
        covered = self._written - lib.piimask_stream_held(self._ptr)
        pending, base, as_text = self._pending, self._base, bool(self._text)
        lib.piimask_findings_items(self._found, self._items, self._count)
        items, n = self._items[0], self._count[0]
        found = []
        # Byte and stream index of the last converted offset: each byte of
        # the input is decoded once. Cuts and finding bounds fall on
        # character starts, so a stretch between two decodes on its own.
        at, index = base, self._base_index
        for i in range(n):
            f = items[i]
            matched = pending[f.start - base : f.end - base].decode("utf-8", "surrogatepass")
            if as_text:
                index += len(pending[at - base : f.start - base].decode("utf-8", "surrogatepass"))
                start, at = index, f.end
                index += len(matched)
                end = index
            else:
                start, end = f.start, f.end
            found.append(self._finding(f, start, end, matched))
        if as_text:
            index += len(pending[at - base : covered - base].decode("utf-8", "surrogatepass"))
        else:
            index = covered
        del pending[: covered - base]  # O(1) at the front of a bytearray
        self._base, self._base_index = covered, index
        self.findings = found

    def _finding(self, f, start: int, end: int, matched: str):
        from . import Finding

        name = lib.piimask_scanner_kind_name(self._scanner._ptr, f.kind)
        kind = ffi.string(name).decode("utf-8") if name != ffi.NULL else f"kind_{f.kind}"
        normalized = ffi.unpack(f.normalized, f.normalized_len).decode("utf-8")
        # The float32's intended decimal (0.85, not 0.8500000238).
        return Finding(kind, start, end, matched, round(f.confidence, 6), normalized)

    def write(self, chunk: Text) -> Text:
        """Takes the next chunk and returns the redacted text now certain."""
        if isinstance(chunk, str):
            data = chunk.encode("utf-8", "surrogatepass")
            is_text = True
        elif isinstance(chunk, (bytes, bytearray, memoryview)):
            data = bytes(chunk)
            is_text = False
        else:
            raise TypeError(f"chunks must be str or bytes, not {type(chunk).__name__}")
        if self._text is None:
            self._text = is_text
        elif self._text != is_text:
            raise TypeError("do not mix str and bytes chunks in one stream")
        status = lib.piimask_stream_write(self._ptr, data, len(data), self._piece, self._found)
        if status == _OK and self._found != ffi.NULL:
            self._pending.extend(data)
            self._written += len(data)
        return self._result(status)

    def finish(self) -> Text:
        """Ends the text and returns the rest of the redaction."""
        out = self._result(lib.piimask_stream_finish(self._ptr, self._piece, self._found))
        if self._text is None:
            return ""
        return out


def redact_stream(
    scanner,
    chunks: Iterable[Text],
    *,
    region: Optional[str] = None,
    role: Optional[str] = None,
    with_findings: bool = False,
) -> Iterator[Union[Text, Tuple[Text, List]]]:
    """Redacts an iterable of chunks lazily, yielding redacted pieces (only
    non-empty ones) as soon as they are certain. With ``with_findings=True``
    it yields ``(piece, findings)`` pairs instead: the findings in that
    piece, offsets into the whole stream (see the module docs)."""
    stream = RedactStream(scanner, region=region, role=role, findings=with_findings)
    for chunk in chunks:
        piece = stream.write(chunk)
        if piece:
            yield (piece, stream.findings) if with_findings else piece
    rest = stream.finish()
    if rest:
        yield (rest, stream.findings) if with_findings else rest
