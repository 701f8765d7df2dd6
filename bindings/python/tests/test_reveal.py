"""Scanner.reveal: FPE values with the key, tokens through a vault, denied
roles, the audit callback (one event per attempt, never the value), and
exceptions raised by the host's callables."""

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import piimask

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent
REPO = PACKAGE.parent.parent

KEY = bytes(range(32))
CONFIG = {
    "custom": [{"kind": "employee_id", "pattern": r"\bEMP-\d{6}\b"}],
    "policy": {
        "roles": {
            "agent": {"kinds": {"phone": "fpe", "employee_id": "token"}},
            "auditor": {"default": "label", "reveal": True},
        }
    },
}
PHONE = "+91 98765 43210"
EMAIL = "priya@example.in"


@pytest.fixture(scope="module")
def scanner():
    return piimask.Scanner(region="IN", config=CONFIG, key=KEY)


class Log:
    """An audit sink that keeps every event."""

    def __init__(self):
        self.events = []

    def __call__(self, event):
        self.events.append(event)

    @property
    def outcomes(self):
        return [e["outcome"] for e in self.events]


def test_fpe_values_reveal_with_the_key(scanner):
    masked = scanner.redact(f"call {PHONE} now", role="agent")
    fpe = masked[len("call ") : -len(" now")]
    assert len(fpe) == len(PHONE) and fpe != PHONE and fpe.startswith("+91 ")
    log = Log()
    assert scanner.reveal(fpe, "phone", "supervisor", "agent-42", audit=log) == PHONE
    # The region of the call reads a national-format value back.
    national = scanner.redact("98765 43210", role="agent")
    assert scanner.reveal(national, "phone", "compliance", "agent-42", audit=log, region="IN") == (
        "98765 43210"
    )
    assert log.outcomes == ["revealed", "revealed"]
    event = log.events[0]
    assert set(event) == {"time", "actor", "role", "kind", "conversation", "outcome"}
    assert (event["actor"], event["role"], event["kind"], event["conversation"]) == (
        "agent-42",
        "supervisor",
        "phone",
        None,
    )
    assert len(event["time"]) == 20 and event["time"].endswith("Z")


def test_tokens_reveal_through_a_mapping_or_a_callable(scanner):
    token = scanner.redact(EMAIL, role="agent")
    assert token.startswith("[EMAIL:")
    employee = scanner.redact("EMP-123456", role="agent")
    assert employee.startswith("[EMPLOYEE_ID:")
    log = Log()
    vault = {token: EMAIL, employee: "EMP-123456"}
    assert scanner.reveal(token, "email", "supervisor", "a", vault=vault, audit=log) == EMAIL
    asked = []

    def lookup(t):
        asked.append(t)
        return vault.get(t)

    revealed = scanner.reveal(
        employee, "employee_id", "auditor", "a", vault=lookup, audit=log, conversation="c-9"
    )
    assert revealed == "EMP-123456"
    assert asked == [employee]
    assert [e["kind"] for e in log.events] == ["email", "employee_id"]
    assert log.events[1]["conversation"] == "c-9"


def test_denied_unknown_and_missing_are_audited_and_raise(scanner):
    token = scanner.redact(EMAIL, role="agent")
    asked = []

    def vault(t):
        asked.append(t)
        return EMAIL if t == token else None

    log = Log()
    with pytest.raises(piimask.RevealDeniedError) as denied:
        scanner.reveal(
            token, "email", "agent", "agent-42", vault=vault, audit=log, conversation="c-9"
        )
    assert isinstance(denied.value, piimask.Error)
    assert isinstance(denied.value, piimask.RevealDenied)
    assert denied.value.status == 12
    assert asked == []  # a role that may not reveal never reaches the vault
    with pytest.raises(piimask.UnknownRoleError):
        scanner.reveal(token, "email", "intern", "agent-42", vault=vault, audit=log)
    stranger = scanner.redact("other@example.com", role="agent")
    with pytest.raises(piimask.NotFoundError) as missing:
        scanner.reveal(stranger, "email", "supervisor", "agent-42", vault=vault, audit=log)
    assert isinstance(missing.value, piimask.NotFound) and isinstance(missing.value, LookupError)
    with pytest.raises(piimask.NotFoundError):
        scanner.reveal(token, "email", "supervisor", "agent-42", audit=log)  # no vault
    with pytest.raises(piimask.NotFoundError):
        scanner.reveal("not a value", "credit_card", "supervisor", "agent-42", audit=log)
    assert log.outcomes == ["denied", "denied", "not_found", "not_found", "not_found"]
    # No event, and no error message, holds a value.
    secrets = ["98765", "priya", "other@", token, stranger, "not a value"]
    for event in log.events:
        dumped = json.dumps(event)
        assert not any(s in dumped for s in secrets), dumped
    assert not any(s in str(denied.value) + str(missing.value) for s in secrets)


def test_a_keyless_scanner_cannot_decrypt(scanner):
    fpe = scanner.redact(PHONE, role="agent")
    log = Log()
    with pytest.raises(piimask.MissingKeyError):
        keyless = piimask.Scanner(region="IN", config=CONFIG)
        keyless.reveal(fpe, "phone", "supervisor", "a", audit=log)
    assert log.outcomes == ["not_found"]


def test_audit_is_required_and_arguments_are_checked(scanner):
    token = scanner.redact(EMAIL, role="agent")
    asked = []
    vault = lambda t: asked.append(t)  # noqa: E731
    with pytest.raises(TypeError):
        scanner.reveal(token, "email", "supervisor", "a", vault=vault)  # no audit
    with pytest.raises(TypeError):
        scanner.reveal(token, "email", "supervisor", "a", vault=vault, audit=None)
    log = Log()
    with pytest.raises(piimask.UnknownKindError):
        scanner.reveal(token, "shoe_size", "supervisor", "a", vault=vault, audit=log)
    with pytest.raises(piimask.UnknownRegionError):
        scanner.reveal(token, "email", "supervisor", "a", vault=vault, audit=log, region="XX")
    with pytest.raises(piimask.InvalidArgumentError):
        scanner.reveal(token, "email", "supervisor", "a\0b", vault=vault, audit=log)
    with pytest.raises(TypeError):
        scanner.reveal(token, "email", None, "a", vault=vault, audit=log)
    with pytest.raises(TypeError):
        scanner.reveal(token, "email", "supervisor", "a", vault=42, audit=log)
    with pytest.raises(TypeError):
        scanner.reveal(b"bytes", "email", "supervisor", "a", vault=vault, audit=log)
    assert log.events == [] and asked == []  # malformed calls attempt nothing


def test_exceptions_of_the_callables_propagate(scanner):
    token = scanner.redact(EMAIL, role="agent")

    def broken_vault(t):
        raise KeyError("vault offline")

    log = Log()
    with pytest.raises(KeyError, match="vault offline"):
        scanner.reveal(token, "email", "supervisor", "a", vault=broken_vault, audit=log)
    assert log.outcomes == ["not_found"]
    with pytest.raises(TypeError, match="str or None"):
        scanner.reveal(token, "email", "supervisor", "a", vault=lambda t: 42, audit=log)

    def broken_audit(event):
        raise OSError("audit log full")

    # The value is not handed back when its audit event could not be stored.
    with pytest.raises(OSError, match="audit log full"):
        scanner.reveal(token, "email", "supervisor", "a", vault={token: EMAIL}, audit=broken_audit)


def test_callables_may_call_the_scanner(scanner):
    token = scanner.redact(EMAIL, role="agent")
    seen = []

    def vault(t):
        seen.append(scanner.redact(f"mail {EMAIL}"))
        return EMAIL

    def audit(event):
        seen.append(scanner.scan(PHONE)[0].normalized)

    assert scanner.reveal(token, "email", "supervisor", "a", vault=vault, audit=audit) == EMAIL
    assert seen == ["mail p•••@example.in", "+919876543210"]


def test_threads_reveal_with_one_scanner(scanner):
    values = [f"user{i}@example.com" for i in range(8)]
    tokens = [scanner.redact(v, role="agent") for v in values]
    vault = dict(zip(tokens, values))

    def work(i):
        log = Log()
        for n in range(50):
            j = (i + n) % len(values)
            revealed = scanner.reveal(
                tokens[j], "email", "supervisor", f"t{i}", vault=vault, audit=log
            )
            assert revealed == values[j]
        assert {e["actor"] for e in log.events} == {f"t{i}"} and len(log.events) == 50
        return True

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(work, range(8)))


def test_reveal_example_runs_and_is_documented():
    example = PACKAGE / "examples" / "reveal.py"
    out = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, check=True
    ).stdout
    assert out == (PACKAGE / "examples" / "reveal.expected").read_text()
    docs = [REPO / "docs" / "python.md"]
    docs = [d for d in docs if d.is_file()]
    if not docs:
        pytest.skip("not in a source checkout")
    block = "```python\n" + example.read_text() + "```"
    assert any(block in d.read_text() for d in docs), (
        "docs/python.md must show bindings/python/examples/reveal.py verbatim"
    )
