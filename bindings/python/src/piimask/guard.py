"""The leak guard: catches one customer's data written into another
conversation, and personal data that belongs to no conversation, in what
agents send, and says what to do with the message and why.

    >>> import piimask
    >>> guard = piimask.Guard(piimask.Scanner(region="IN"), key=bytes(range(32)))
    >>> guard.observe("c-1", "my number is 98765 43210")
    1
    >>> guard.check("c-1", "agent-3", "calling +91-98765-43210").action
    'deliver'
    >>> leak = guard.check("c-2", "agent-3", "ask wa.me/919876543210")
    >>> leak.action, leak.events[0].leak_class, leak.events[0].owners
    ('hold', 'cross_conversation_leak', ['c-1'])

Offsets in events are Python string indices (code points). Events never
hold the value. A Guard may be shared by any number of threads.
"""

import json
import os
from typing import Any, List, Mapping, NamedTuple, Optional, Union

from ._ffi import ffi, lib

_ACTIONS = ("deliver", "mask", "hold")
_CLASSES = {
    1: "cross_conversation_leak",
    2: "unknown_outbound",
    3: "store_error",
    4: "check_error",
}


class GuardEvent(NamedTuple):
    """One caught value of a checked message (never the value itself)."""

    leak_class: str
    """``cross_conversation_leak``, ``unknown_outbound``, ``store_error`` or ``check_error``."""
    kind: str
    """The kind's name (``phone``, ``email``, ...)."""
    start: int
    """Index of the value's first character in the checked text."""
    end: int
    """Index one past its last character."""
    owners: List[str]
    """The conversations that own it (cross-conversation leaks)."""
    rule: str
    """The rule that fired, e.g. ``cross_conversation_leak.phone``."""
    action: str
    """What the rule does: ``deliver``, ``mask`` or ``hold``."""
    coaching: str
    """The explanation for the agent."""


class GuardCheck(NamedTuple):
    """The result of :meth:`Guard.check`."""

    action: str
    """``deliver``, ``mask`` or ``hold``: the strictest of the events'."""
    events: List[GuardEvent]
    """One per caught value, in text order."""
    text: Optional[str]
    """What to send: the original (deliver), the masked text (mask), or ``None`` (hold)."""


def _name(value: str, what: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if "\0" in value:
        from . import _INVALID_ARGUMENT, InvalidArgumentError

        raise InvalidArgumentError(_INVALID_ARGUMENT, f"{what} contains a NUL character")
    return value.encode("utf-8")


def _time(time: Optional[int]) -> int:
    return -1 if time is None else int(time)


def _check(status: int) -> None:
    if status != 0:
        from . import _error

        raise _error(status)


class Guard:
    """The leak guard, on a :class:`piimask.Scanner`, keyed by the tenant's
    secret ``key`` (bytes, at least 16: fingerprints and snapshots use a
    subkey of it), with a guard configuration (a dict or JSON string:
    ``actions``, ``coaching``, ``lifetime_secs``,
    ``max_values_per_conversation``, ``mask_role``, ``language``,
    ``read_spelled_out``, ``split_window_secs``; docs/guard.md).

    Times are Unix seconds; ``None`` means now.

    :raises ConfigError: a short key or an invalid configuration.
    """

    def __init__(
        self,
        scanner,
        key: bytes,
        config: Union[None, str, bytes, Mapping[str, Any]] = None,
    ):
        if config is None:
            data = ffi.NULL
            size = 0
        else:
            if not isinstance(config, (str, bytes)):
                config = json.dumps(dict(config))
            data = config.encode("utf-8") if isinstance(config, str) else config
            size = len(data)
        key = bytes(key)
        out = ffi.new("piimask_guard **")
        _check(lib.piimask_guard_new(scanner._ptr, key, len(key), data, size, out))
        self._ptr = ffi.gc(out[0], lib.piimask_guard_free)
        self._scanner = scanner

    def observe(
        self, conversation: str, text: str, *, time: Optional[int] = None, region: Optional[str] = None
    ) -> int:
        """Learns the personal data a customer wrote in ``conversation``;
        returns how many values were found."""
        from . import _c_string, _encode

        data = _encode(text)
        found = ffi.new("size_t *")
        _check(
            lib.piimask_guard_observe(
                self._ptr,
                _name(conversation, "conversation"),
                data,
                len(data),
                _time(time),
                _c_string(region, "region"),
                found,
            )
        )
        return found[0]

    def register(
        self, conversation: str, kind: str, value: str, *, time: Optional[int] = None
    ) -> None:
        """Records that ``conversation`` owns ``value`` of ``kind`` (the
        customer's WhatsApp number, the e-mail on file).

        :raises InvalidArgumentError: not a valid value of the kind.
        """
        data = value.encode("utf-8")
        _check(
            lib.piimask_guard_register(
                self._ptr,
                _name(conversation, "conversation"),
                _name(kind, "kind"),
                data,
                len(data),
                _time(time),
            )
        )

    def check(
        self,
        conversation: str,
        sender: str,
        text: str,
        *,
        time: Optional[int] = None,
        language: Optional[str] = None,
    ) -> GuardCheck:
        """Checks a message ``sender`` sends in ``conversation``. A store
        or masking failure holds the message; it never raises for those."""
        from . import _char_offsets, _encode

        data = _encode(text)
        out = ffi.new("piimask_check **")
        c_language = ffi.NULL if language is None else _name(language, "language")
        _check(
            lib.piimask_guard_check(
                self._ptr,
                _name(conversation, "conversation"),
                _name(sender, "sender"),
                data,
                len(data),
                _time(time),
                c_language,
                out,
            )
        )
        result = out[0]
        try:
            action = _ACTIONS[lib.piimask_check_action(result)]
            count = ffi.new("size_t *")
            items = lib.piimask_check_events(result, count)
            raw = [items[i] for i in range(count[0])]
            offsets = _char_offsets(text, data, [x for e in raw for x in (e.start, e.end)])
            events = []
            for k, e in enumerate(raw):
                owners = [
                    ffi.unpack(e.owners[o].ptr, e.owners[o].len).decode("utf-8")
                    for o in range(e.owners_len)
                ]
                events.append(
                    GuardEvent(
                        _CLASSES.get(e.leak_class, "unknown"),
                        self._scanner._kind_name(e.kind),
                        offsets[2 * k],
                        offsets[2 * k + 1],
                        owners,
                        ffi.unpack(e.rule, e.rule_len).decode("utf-8"),
                        _ACTIONS[e.action],
                        ffi.unpack(e.coaching, e.coaching_len).decode("utf-8"),
                    )
                )
            if action == "deliver":
                send: Optional[str] = text
            elif action == "mask":
                size = ffi.new("size_t *")
                masked = lib.piimask_check_text(result, size)
                send = ffi.unpack(masked, size[0]).decode("utf-8", "surrogatepass")
            else:
                send = None
        finally:
            lib.piimask_check_free(result)
        return GuardCheck(action, events, send)

    def forget(self, conversation: str) -> int:
        """Erases everything ``conversation`` owns; returns how many values."""
        n = ffi.new("size_t *")
        _check(lib.piimask_guard_forget(self._ptr, _name(conversation, "conversation"), n))
        return n[0]

    def snapshot(self, path: Union[str, "os.PathLike[str]"]) -> int:
        """Writes the ownership (fingerprints only) to ``path`` atomically;
        returns how many values."""
        n = ffi.new("size_t *")
        _check(lib.piimask_guard_snapshot(self._ptr, _name(os.fspath(path), "path"), n))
        return n[0]

    def restore(self, path: Union[str, "os.PathLike[str]"]) -> int:
        """Replaces the ownership with the snapshot at ``path``; returns how
        many values. A damaged, foreign or other-key file raises
        :class:`piimask.Error` and leaves the guard unchanged."""
        n = ffi.new("size_t *")
        _check(lib.piimask_guard_restore(self._ptr, _name(os.fspath(path), "path"), n))
        return n[0]

    def __repr__(self) -> str:
        return "piimask.Guard(...)"
