"""The compiled extension piimask._fast (csrc/_fast.c) builds the results of
scan, scan_batch, redact and redact_batch in C; the `_*_py` methods build
them in Python (the path without the extension, as in a source checkout).
Both must give the same objects and raise the same errors."""

import gc
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import piimask
from piimask import _ffi

needs_fast = pytest.mark.skipif(
    not piimask.FAST, reason="no compiled piimask._fast (a source checkout: results built in Python)"
)

# Values of many kinds, in many scripts, next to hard negatives.
PARTS = [
    "call +91 98765 43210",
    "WhatsApp 98765 43210",
    "mail priya@example.in",
    "Grüße an jürgen.müller@beispiel.de",
    "card 4111 1111 1111 1111 exp 12/27",
    "IBAN DE89 3704 0044 0532 0130 00",
    "ip 192.168.10.254",
    "+44 20 7946 0958",
    "order #48213977",
    "₹1,299 on 12/03/2024",
    "PAN ABCPD1234F",
    "employee E-123456",
    "jürgen müller und प्रिया",
    "नमस्ते",
    "धन्यवाद 🙏",
    "📞📞",
    "👨‍👩‍👧",
    "🇮🇳🇧🇷",
    "é",
    "\U0001f600 +54 9 11 2345-6789",
    "\ud800",
    "\udfff lone",
    "",
    " ",
    "\n",
    "\x00nul",
]
CONFIG = {
    "custom": [
        {"kind": "employee_id", "pattern": r"\bE-\d{6}\b"},
        {"kind": "customer_name", "terms": ["Jürgen Müller", "प्रिया"], "case_insensitive": True},
    ],
}


def corpus(n=400, seed=7):
    rnd = random.Random(seed)
    texts = [" ".join(rnd.choice(PARTS) for _ in range(rnd.randint(0, 6))) for _ in range(n)]
    # The last three are longer than what _fast reads in place (65,536 code
    # points): copied instead, ASCII, not, and with a lone surrogate.
    return texts + PARTS + [
        "x" * 5000 + " +91 98765 43210 " + "é" * 3000 + " a@b.co",
        "y" * 70000 + " +91 98765 43210",
        "é" * 70000 + " +91 98765 43210 a@b.co",
        "\ud800" + "é" * 70000 + " +91 98765 43210",
    ]


TEXTS = corpus()


@pytest.fixture(scope="module")
def scanners():
    return [
        piimask.Scanner(region="IN", config=CONFIG),
        piimask.Scanner(region=None, min_confidence=0.1),
        piimask.Scanner(region="DE", kinds=["email", "iban", "phone"]),
    ]


def same(a, b):
    """Equal, and the same types all the way down (Finding, int, float, str)."""
    assert a == b
    assert type(a) is type(b)
    if isinstance(a, (list, tuple)):
        for x, y in zip(a, b):
            same(x, y)


@needs_fast
def test_scan_builds_the_same_findings(scanners):
    found = 0
    for scanner in scanners:
        for text in TEXTS:
            for region in (None, "", "BR"):
                c = scanner.scan(text, region=region)
                same(c, scanner._scan_py(text, region))
                found += len(c)
                for f in c:
                    assert type(f) is piimask.Finding
                    assert hash(f) == hash(tuple(f))
                    assert text[f.start : f.end] == f.text
    assert found > 1000  # the corpus has findings of many kinds
    kinds = {f.kind for s in scanners for t in TEXTS for f in s.scan(t)}
    assert {"phone", "email", "credit_card", "iban", "ip_address", "employee_id", "customer_name"} <= kinds


@needs_fast
def test_batches_build_the_same_results(scanners):
    for scanner in scanners:
        for region in (None, "GB"):
            same(scanner.scan_batch(TEXTS, region=region), scanner._scan_batch_py(TEXTS, region))
            same(scanner.redact_batch(TEXTS, region=region), scanner._redact_batch_py(TEXTS, None, region))
        same(scanner.scan_batch(iter(TEXTS[:50])), scanner._scan_batch_py(iter(TEXTS[:50])))
        same(scanner.scan_batch(tuple(TEXTS[:50])), scanner._scan_batch_py(list(TEXTS[:50])))
        same(scanner.scan_batch([]), scanner._scan_batch_py([]))
        same(scanner.redact_batch([]), scanner._redact_batch_py([]))


@needs_fast
def test_redact_builds_the_same_text(scanners):
    keyed = piimask.Scanner(key=b"k" * 32)
    for scanner, role in [(s, None) for s in scanners] + [(scanners[0], "supervisor"), (keyed, "agent")]:
        for text in TEXTS:
            same(scanner.redact(text, role), scanner._redact_py(text, role))
        same(scanner.redact_batch(TEXTS, role), scanner._redact_batch_py(TEXTS, role))


def raised(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001
        return type(e), str(e), getattr(e, "status", None)
    raise AssertionError("no exception")


@needs_fast
def test_the_same_errors(scanners):
    s = scanners[0]
    cases = [
        (lambda: s.scan("x", region="ZZ"), lambda: s._scan_py("x", "ZZ")),
        (lambda: s.scan(b"bytes"), lambda: s._scan_py(b"bytes")),
        (lambda: s.scan(None), lambda: s._scan_py(None)),
        (lambda: s.scan("x", region=3), lambda: s._scan_py("x", 3)),
        (lambda: s.redact("x", role="no_such_role"), lambda: s._redact_py("x", "no_such_role")),
        (lambda: s.redact(PARTS[0], role="agent"), lambda: s._redact_py(PARTS[0], "agent")),
        (lambda: s.redact_batch(PARTS, "agent"), lambda: s._redact_batch_py(PARTS, "agent")),
        (lambda: s.redact(7), lambda: s._redact_py(7)),
        (lambda: s.redact("x", role=b"agent"), lambda: s._redact_py("x", b"agent")),
        (lambda: s.redact("x", region=["IN"]), lambda: s._redact_py("x", None, ["IN"])),
        (lambda: s.scan("x", region="\ud800"), lambda: s._scan_py("x", "\ud800")),
        (lambda: s.redact_batch(["x"], role=1), lambda: s._redact_batch_py(["x"], 1)),
        (lambda: s.scan_batch(["x"], region=b"IN"), lambda: s._scan_batch_py(["x"], b"IN")),
        (lambda: s.scan_batch(["a", 1]), lambda: s._scan_batch_py(["a", 1])),
        (lambda: s.scan_batch(5), lambda: s._scan_batch_py(5)),
        (lambda: s.scan_batch(["x"], region="ZZ"), lambda: s._scan_batch_py(["x"], "ZZ")),
        (lambda: s.redact_batch(["a", None]), lambda: s._redact_batch_py(["a", None])),
        (lambda: s.redact_batch(["x"], role="nope"), lambda: s._redact_batch_py(["x"], "nope")),
    ]
    for fast, slow in cases:
        assert raised(fast) == raised(slow)


@needs_fast
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's str layout")
def test_long_texts_keep_no_utf8_copy(scanners):
    # A short non-ASCII str keeps the UTF-8 it was read through (CPython
    # caches it on the str, and counts it in its size); a long one is copied
    # for the call and stays as small as it was.
    short, long = "é +91 98765 43210", "é" * 70000 + " +91 98765 43210"
    sizes = sys.getsizeof(short), sys.getsizeof(long)
    for scanner in scanners:
        scanner.scan(short)
        scanner.scan(long)
        scanner.scan_batch([short, long])
        scanner.redact(long)
    assert sys.getsizeof(short) > sizes[0]
    assert sys.getsizeof(long) == sizes[1]


@needs_fast
def test_reentrant_calls_from_finalizers_while_results_are_built(scanners):
    # Garbage collection may run a finalizer while _fast builds findings;
    # a scan there takes a result buffer of its own, never the one in use.
    scanner = scanners[0]
    text = "📞 mail priya@example.in or call 98765 43210 🙂 " * 3
    expected = scanner._scan_py(text)
    seen = []

    class Cycle:
        def __init__(self):
            self.me = self

        def __del__(self):
            seen.append((scanner.scan(text), scanner.redact(text), scanner.scan_batch([text, text])))

    old = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    try:
        for _ in range(300):
            Cycle()
            assert scanner.scan(text) == expected
            assert scanner.scan_batch([text]) == [expected]
    finally:
        gc.set_threshold(*old)
    gc.collect()
    assert len(seen) == 300
    masked = scanner._redact_py(text)
    assert all(r == (expected, masked, [expected, expected]) for r in seen)


@needs_fast
def test_findings_are_not_tracked_by_the_cycle_collector(scanners):
    # A Finding holds only str, int and float objects, so _fast untracks it
    # (as CPython untracks plain tuples of atoms): kept findings neither
    # trigger nor lengthen collections. Its values stay alive and intact
    # through collections, and a finding in a list still keeps it alive.
    scanner = scanners[0]
    text = "call +91 98765 43210 or mail priya@example.in, card 4111 1111 1111 1111"
    kept = [scanner.scan(text) for _ in range(50)] + scanner.scan_batch([text] * 50)
    assert all(len(found) == 3 for found in kept)
    assert not any(gc.is_tracked(f) for found in kept for f in found)
    gc.collect()
    assert all(found == scanner._scan_py(text) for found in kept)
    # The Python path builds the same values; its NamedTuples are tracked.
    assert gc.is_tracked(scanner._scan_py(text)[0])


@needs_fast
def test_threads_get_the_same_results(scanners):
    scanner = scanners[0]
    expected = [scanner._scan_py(t) for t in TEXTS]
    masked = [scanner._redact_py(t) for t in TEXTS]

    def work(seed):
        order = list(range(len(TEXTS)))
        random.Random(seed).shuffle(order)
        for i in order[:150]:
            assert scanner.scan(TEXTS[i]) == expected[i]
            assert scanner.redact(TEXTS[i]) == masked[i]
        assert scanner.scan_batch(TEXTS) == expected
        return True

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert all(pool.map(work, range(12)))


@needs_fast
def test_abi_mode_with_fast_results_is_the_same():
    # With $PIIMASK_LIB set, the library loads in cffi's ABI mode; _fast
    # then calls that library's functions, with the same results.
    script = (
        "import json, sys, piimask\n"
        "from piimask import _ffi\n"
        "assert not _ffi.COMPILED and piimask.FAST\n"
        "s = piimask.Scanner(region='IN')\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([s.scan_batch(texts), [s.scan(t) for t in texts], s.redact_batch(texts)]))\n"
    )
    texts = [t for t in TEXTS if "\ud800" not in t and "\udfff" not in t]  # JSON-safe
    env = dict(os.environ, PIIMASK_LIB=_ffi.LIBRARY_PATH)
    out = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        cwd=os.path.dirname(os.path.abspath(__file__)),
        check=True,
    ).stdout
    s = piimask.Scanner(region="IN")
    expected = [s._scan_batch_py(texts), [s._scan_py(t) for t in texts], s._redact_batch_py(texts)]
    assert json.loads(out) == json.loads(json.dumps(expected))


@needs_fast
def test_reloading_the_package_rebinds_the_finding_type():
    script = (
        "import importlib, piimask\n"
        "old = piimask.Finding\n"
        "importlib.reload(piimask)\n"
        "assert piimask.Finding is not old and piimask.FAST\n"
        "found = piimask.Scanner(region='IN').scan('call 98765 43210')\n"
        "assert [type(f) for f in found] == [piimask.Finding], found\n"
        "try:\n"
        "    piimask.Scanner().scan('x', region='ZZ')\n"
        "except piimask.UnknownRegionError:\n"
        "    print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.abspath(__file__)),
    )
    assert out.stdout.strip() == "ok", out.stderr
