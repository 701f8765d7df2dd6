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
"""

from typing import Iterable, Iterator, Optional, Union

from ._ffi import ffi, lib

_OK = 0


class RedactStream:
    """An incremental redaction of one text. Feed it with :meth:`write`,
    end it with :meth:`finish`; each returns the redacted text that is now
    certain (possibly empty). ``str`` chunks give ``str`` pieces, ``bytes``
    chunks ``bytes`` (invalid UTF-8 passes through unchanged). Not for use
    by several threads at once."""

    def __init__(self, scanner, *, region: Optional[str] = None, role: Optional[str] = None):
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

    def _result(self, status: int):
        if status != _OK:
            raise self._error(status)
        data = ffi.unpack(lib.piimask_bytes_data(self._piece), lib.piimask_bytes_len(self._piece))
        # Cuts fall on character boundaries, so a piece of text that came in
        # as str decodes on its own.
        return data.decode("utf-8", "surrogatepass") if self._text else data

    def write(self, chunk: Union[str, bytes]):
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
        return self._result(
            lib.piimask_stream_write(self._ptr, data, len(data), self._piece, ffi.NULL)
        )

    def finish(self):
        """Ends the text and returns the rest of the redaction."""
        out = self._result(lib.piimask_stream_finish(self._ptr, self._piece, ffi.NULL))
        if self._text is None:
            return ""
        return out


def redact_stream(
    scanner,
    chunks: Iterable[Union[str, bytes]],
    *,
    region: Optional[str] = None,
    role: Optional[str] = None,
) -> Iterator[Union[str, bytes]]:
    """Redacts an iterable of chunks lazily, yielding redacted pieces (only
    non-empty ones) as soon as they are certain."""
    stream = RedactStream(scanner, region=region, role=role)
    for chunk in chunks:
        piece = stream.write(chunk)
        if piece:
            yield piece
    rest = stream.finish()
    if rest:
        yield rest
