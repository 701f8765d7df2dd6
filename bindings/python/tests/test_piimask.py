import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import piimask
from piimask import _ffi

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent
REPO = PACKAGE.parent.parent

TEXT = "Hi! WhatsApp me at +91 98765 43210 or mail priya@example.in, order #48213977"
MASKED = "Hi! WhatsApp me at +91 ••••• ••210 or mail p•••@example.in, order #48213977"


@pytest.fixture(scope="module")
def scanner():
    return piimask.Scanner(region="IN")


def test_scan(scanner):
    found = scanner.scan(TEXT)
    assert [f.kind for f in found] == ["phone", "email"]
    phone, email = found
    assert phone.text == "+91 98765 43210" == TEXT[phone.start : phone.end]
    assert phone.normalized == "+919876543210"
    assert 0.5 < phone.confidence <= 1.0
    assert email.normalized == "priya@example.in"
    assert isinstance(phone, tuple) and phone._fields == (
        "kind",
        "start",
        "end",
        "text",
        "confidence",
        "normalized",
    )


@pytest.mark.parametrize(
    "before, after",
    [
        ("", ""),
        ("é", "ü"),  # 2-byte UTF-8
        ("नमस्ते ", " धन्यवाद"),  # 3-byte UTF-8
        ("📞📞 ", " 🙂"),  # non-BMP: 4-byte UTF-8, one code point each
        ("👨‍👩‍👧 ", "🇮🇳"),  # ZWJ sequences and flags: several code points
        ("\ud800 ", " \udfff"),  # lone surrogates pass through
    ],
)
def test_offsets_are_string_indices(scanner, before, after):
    text = f"{before}call +91 98765 43210 {after} mail a.b@example.com {before}"
    found = scanner.scan(text)
    assert [f.text for f in found] == ["+91 98765 43210", "a.b@example.com"]
    for f in found:
        assert text[f.start : f.end] == f.text
    assert scanner.redact(text) == (
        f"{before}call +91 ••••• ••210 {after} mail a•••@example.com {before}"
    )


def test_empty_and_clean_text(scanner):
    assert scanner.scan("") == []
    assert scanner.redact("") == ""
    assert scanner.scan("order #48213977 on 12/03/2024") == []


def test_redact(scanner):
    assert scanner.redact(TEXT) == MASKED
    assert scanner.redact(MASKED) == MASKED  # nothing new to find


def test_region_hints():
    default = piimask.Scanner()
    assert default.region == "IN"
    assert [f.kind for f in default.scan("call 98765 43210")] == ["phone"]
    # Per call: another region, or none.
    assert default.scan("call 98765 43210", region="") == []
    ar = default.scan("llamame al (011) 2345-6789", region="AR")
    assert ar[0].normalized == "+541123456789"
    assert default.redact("call 98765 43210", region="") == "call 98765 43210"
    # No region: only international formats.
    none = piimask.Scanner(region=None)
    assert none.region is None
    assert none.scan("call 98765 43210") == []
    assert len(none.scan("call +91 98765 43210")) == 1


def test_kinds_and_config():
    emails = piimask.Scanner(kinds=["email"])
    assert [f.kind for f in emails.scan(TEXT)] == ["email"]
    from_dict = piimask.Scanner(config={"region": "AR", "kinds": ["phone"]})
    assert from_dict.region == "AR"
    assert len(from_dict.scan("llamame al (011) 2345-6789 o a@b.co")) == 1
    from_json = piimask.Scanner(config=json.dumps({"region": "AR"}))
    assert from_json.region == "AR"
    # Arguments override the configuration.
    assert piimask.Scanner(region="GB", config={"region": "AR"}).region == "GB"


def test_custom_kinds():
    config = {
        "custom": [
            {"kind": "employee_id", "pattern": r"\bEMP-\d{6}\b"},
            {"kind": "customer_name", "terms": ["Priya Raman"], "case_insensitive": True},
        ]
    }
    custom = piimask.Scanner(config=config)
    text = "📞 priya raman (EMP-123456) called from +91 98765 43210"
    found = custom.scan(text)
    assert [f.kind for f in found] == ["customer_name", "employee_id", "phone"]
    assert [f.text for f in found] == ["priya raman", "EMP-123456", "+91 98765 43210"]
    assert all(text[f.start : f.end] == f.text for f in found)
    masked = custom.redact(text)
    assert "EMP-123456" not in masked and "raman" not in masked
    only = piimask.Scanner(kinds=["employee_id"], config=config)
    assert [f.kind for f in only.scan(text)] == ["employee_id"]
    with pytest.raises(piimask.ConfigError, match=r"custom\[0\]"):
        piimask.Scanner(config={"custom": [{"kind": "x", "pattern": "("}]})


def test_errors(scanner):
    with pytest.raises(piimask.UnknownRegionError) as e:
        piimask.Scanner(region="XX")
    assert e.value.status == 3
    assert "unknown region" in e.value.message
    assert isinstance(e.value, piimask.Error) and isinstance(e.value, ValueError)

    with pytest.raises(piimask.UnknownKindError, match="shoe_size"):
        piimask.Scanner(kinds=["phone", "shoe_size"])
    with pytest.raises(piimask.ConfigError, match="invalid configuration") as e:
        piimask.Scanner(config={"regoin": "IN"})
    assert e.value.status == 2
    with pytest.raises(piimask.UnknownRegionError):
        scanner.scan(TEXT, region="ZZ")
    with pytest.raises(piimask.UnknownRegionError):
        scanner.redact_batch([TEXT], region="ZZ")
    with pytest.raises(TypeError):
        scanner.scan(b"bytes are not text")
    with pytest.raises(TypeError):
        piimask.Scanner(kinds="phone")


def test_unknown_role_never_returns_text(scanner):
    # Roles arrive with masking policies; a role the scanner does not know
    # is an error, never unmasked text.
    with pytest.raises(piimask.UnknownRoleError) as e:
        scanner.redact(TEXT, role="no_such_role_xyz")
    assert e.value.status == 5
    assert "98765" not in str(e.value)
    with pytest.raises(piimask.UnknownRoleError):
        scanner.redact_batch([TEXT, "hi"], role="no_such_role_xyz")


def test_roles_and_keys(scanner):
    assert scanner.redact(TEXT, role="supervisor") == MASKED
    with pytest.raises(piimask.MissingKeyError) as e:
        scanner.redact(TEXT, role="agent")
    assert e.value.status == 11
    keyed = piimask.Scanner(key=b"k" * 32)
    agent = keyed.redact(TEXT, role="agent")
    assert "98765" not in agent and "210" not in agent
    assert keyed.redact(TEXT, role="agent") == agent  # stable tokens
    assert piimask.Scanner(key=b"j" * 32).redact(TEXT, role="agent") != agent
    assert keyed.redact_batch([TEXT], role="agent") == [agent]
    with pytest.raises(piimask.ConfigError, match="key"):
        piimask.Scanner(key=b"short")


MESSAGES = [
    "WhatsApp me at +91 98765 43210",
    "",
    "order #48213977, nothing personal",
    "📞 mail priya@example.in or call 98765 43210 🙂",
    "\ud83d lone surrogate +44 20 7946 0958",
]


def test_batches_equal_single_calls(scanner):
    assert scanner.scan_batch(MESSAGES) == [scanner.scan(m) for m in MESSAGES]
    assert scanner.redact_batch(MESSAGES) == [scanner.redact(m) for m in MESSAGES]
    assert scanner.scan_batch([]) == []
    assert scanner.redact_batch([]) == []
    assert scanner.scan_batch(m for m in MESSAGES) == scanner.scan_batch(MESSAGES)
    for message, found in zip(MESSAGES, scanner.scan_batch(MESSAGES)):
        for f in found:
            assert message[f.start : f.end] == f.text


def test_threads_share_one_scanner(scanner):
    messages = MESSAGES * 50
    expected_scan = [scanner.scan(m) for m in messages]
    expected_redact = [scanner.redact(m) for m in messages]

    def work(seed):
        for i in range(len(messages)):
            j = (i + seed) % len(messages)
            assert scanner.scan(messages[j]) == expected_scan[j]
            assert scanner.redact(messages[j]) == expected_redact[j]
        assert scanner.redact_batch(messages) == expected_redact
        with pytest.raises(piimask.UnknownRegionError):
            scanner.scan("x", region="XX")
        return True

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, range(16)))


def test_reentrant_calls_use_results_of_their_own(scanner):
    # scan() and redact() reuse per-thread results; a call re-entering on
    # the same thread while they are read (from a finalizer) gets its own.
    expected = (scanner.scan(TEXT), scanner.redact(TEXT))
    piimask._out.busy = True
    try:
        assert (scanner.scan(TEXT), scanner.redact(TEXT)) == expected
        with pytest.raises(piimask.UnknownRegionError):
            scanner.scan(TEXT, region="XX")
    finally:
        piimask._out.busy = False

    class Finalizer:
        def __del__(self):
            assert scanner.redact(TEXT) == MASKED

    # Findings built while finalizers run stay right.
    for _ in range(200):
        Finalizer()
        assert scanner.scan(TEXT) == expected[0]


def test_library_and_version():
    assert piimask.library_version() == piimask.__version__
    assert Path(piimask.LIBRARY_PATH).name.startswith(("libpiimask", "piimask"))


def test_cdef_matches_the_header():
    header = REPO / "include" / "piimask.h"
    if not header.is_file():
        pytest.skip("not in a source checkout")
    declared = set(re.findall(r"\b(piimask_\w+)\(", header.read_text()))
    used = set(re.findall(r"\b(piimask_\w+)\(", _ffi.CDEF))
    assert used <= declared
    assert "piimask_scan" in used and "piimask_redact_batch" in used


def test_readme_example_runs_and_is_documented():
    example = PACKAGE / "examples" / "readme.py"
    out = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, check=True
    ).stdout
    assert out == (PACKAGE / "examples" / "readme.expected").read_text()
    docs = [REPO / "README.md"]
    docs = [d for d in docs if d.is_file()]
    if not docs:
        pytest.skip("not in a source checkout")
    block = "```python\n" + example.read_text() + "```"
    assert any(block in d.read_text() for d in docs), (
        "README.md must show bindings/python/examples/readme.py verbatim"
    )


def test_values_split_by_invisible_characters_are_found_with_string_indices():
    scanner = piimask.Scanner(region="IN")
    text = "📞 call \u202a+91 98765\u200b43210\u202c or ravi\u200b@gmail\u00ad.com 🙂"
    phone, email = scanner.scan(text)
    assert (phone.normalized, email.normalized) == ("+919876543210", "ravi@gmail.com")
    for f in (phone, email):
        assert text[f.start : f.end] == f.text
    # A mark inside the value is part of it; the direction mark that closes it stays outside.
    assert phone.text == "+91 98765\u200b43210" and email.text == "ravi\u200b@gmail\u00ad.com"
    masked = scanner.redact(text)
    assert "98765" not in masked and "ravi" not in masked and masked.endswith(".com 🙂")


def test_full_width_and_italic_values_are_found_with_string_indices():
    scanner = piimask.Scanner(region="CN")
    text = "📞 _+86 138 0013 8000_ 邮箱：ｗｅｉ．ｃａｉ＠１６３．ｃｏｍ，身份证：１１０１０５１９４９１２３１００２Ｘ 🙂"
    phone, email, resident = scanner.scan(text)
    assert (phone.normalized, email.normalized, resident.normalized) == (
        "+8613800138000",
        "wei.cai@163.com",
        "11010519491231002X",
    )
    for f in (phone, email, resident):
        assert text[f.start : f.end] == f.text
    assert phone.text == "+86 138 0013 8000" and email.text == "ｗｅｉ．ｃａｉ＠１６３．ｃｏｍ"
    masked = scanner.redact(text)
    assert "0013" not in masked and "ｗｅｉ" not in masked and masked.endswith("Ｘ 🙂")


@pytest.mark.parametrize(
    "region, words, e164",
    [
        ("IN", "नौ आठ सात छह पांच चार तीन दो एक शून्य", "+919876543210"),
        ("CN", "一三八一二三四五六七八", "+8613812345678"),
        ("IN", "nine eight seven six five four three two one zero", "+919876543210"),
    ],
)
def test_spelled_out_values_are_read_on_request(region, words, e164):
    text = f"📞 {words} 🙂 or ravi at gmail dot com"
    # Without the opt-in, only the address that names a mail service.
    (plain,) = piimask.Scanner(region=region).scan(text)
    assert plain.normalized == "ravi@gmail.com"
    assert text[plain.start : plain.end] == "ravi at gmail dot com"
    assert piimask.Scanner(region=region).scan(f"📞 {words} 🙂") == []
    spelled = piimask.Scanner(region=region, config={"spelled_out": True})
    phone, email = spelled.scan(text)
    assert (phone.text, phone.normalized) == (words, e164)
    assert (email.text, email.normalized) == ("ravi at gmail dot com", "ravi@gmail.com")
    for f in (phone, email):
        assert text[f.start : f.end] == f.text
    masked = spelled.redact(text)
    assert masked.endswith("🙂 or r•••@gmail.com") and words not in masked
    # An `@` and dots in brackets are read without the opt-in.
    bracketed = f"📞 {words} 🙂 or ravi [at] gmail [dot] com"
    (email,) = piimask.Scanner(region=region).scan(bracketed)
    assert bracketed[email.start : email.end] == email.text == "ravi [at] gmail [dot] com"
    assert email.normalized == "ravi@gmail.com"
