"""The streaming adapter: any chunking gives the whole-text redaction."""

import random

import pytest

import piimask

PIECES = [
    "+91 98765 43210", "98765 43210", "priya@example.in", "4111 1111 1111 1111",
    "order #48213977", "आधार: ", "2345 6789 0124", "😀", "é", "\n", " ", "call ", "१२",
    "GB82 WEST 1234 5698 7654 32", "lorem ipsum dolor " * 80,
]


@pytest.fixture(scope="module")
def scanner():
    return piimask.Scanner(region="IN")


def chunked(text, rng):
    cuts = sorted(rng.randrange(len(text) + 1) for _ in range(rng.randrange(8)))
    last = 0
    for c in cuts + [len(text)]:
        yield text[last:c]
        last = c


def test_random_chunkings_equal_whole_text(scanner):
    rng = random.Random(14)
    for _ in range(300):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(30)))
        want = scanner.redact(text)
        assert "".join(piimask.redact_stream(scanner, chunked(text, rng))) == want
        # Bytes chunks, split inside UTF-8 characters too.
        data = text.encode()
        pieces = piimask.redact_stream(scanner, chunked(data, rng))
        assert b"".join(pieces) == want.encode()


def test_random_chunkings_find_what_a_whole_text_scan_finds(scanner):
    """Findings of every piece, put together, are scanner.scan() of the
    whole text: code-point offsets into the whole stream for str chunks
    (lone surrogates included), byte offsets for bytes chunks split inside
    characters."""
    rng = random.Random(1414)
    pieces = PIECES + ["\ud83d", "+55 11 91234-5678", "ravi@例え.jp"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(30)))
        want = scanner.scan(text)
        out, found = [], []
        for piece, piece_found in piimask.redact_stream(scanner, chunked(text, rng), with_findings=True):
            out.append(piece)
            found.extend(piece_found)
        assert "".join(out) == scanner.redact(text)
        assert found == want
        for f in found:
            assert text[f.start : f.end] == f.text
        if "\ud83d" in text:
            continue
        data = text.encode()
        found = []
        stream = piimask.RedactStream(scanner)
        for chunk in chunked(data, rng):
            stream.write(chunk)
            found.extend(stream.findings)
        stream.finish()
        found.extend(stream.findings)
        in_bytes = [
            f._replace(start=len(text[: f.start].encode()), end=len(text[: f.end].encode()))
            for f in want
        ]
        assert found == in_bytes
        for f in found:
            assert data[f.start : f.end].decode() == f.text


def test_findings_come_with_their_piece(scanner):
    stream = piimask.RedactStream(scanner)
    assert stream.write("😀 call 98765 4") == ""
    assert stream.findings == []
    assert stream.write("3210 now\nand ") == "😀 call ••••• ••210 now\n"
    assert [(f.kind, f.start, f.end, f.text) for f in stream.findings] == [
        ("phone", 7, 18, "98765 43210")
    ]
    assert stream.finish() == "and "
    assert stream.findings == []
    quiet = piimask.RedactStream(scanner, findings=False)
    assert quiet.write("98765 43210\n") == "••••• ••210\n"
    assert quiet.findings == []


def test_invalid_bytes_pass_through(scanner):
    out = b"".join(piimask.redact_stream(scanner, [b"ok \xff\xfe call 98765", b" 43210\n"]))
    assert out == b"ok \xff\xfe call " + "••••• ••210".encode() + b"\n"


def test_pieces_come_before_the_end(scanner):
    stream = piimask.RedactStream(scanner)
    assert stream.write("call 98765 43210 now\nand ") == "call ••••• ••210 now\n"
    assert stream.write("more") == ""
    assert stream.finish() == "and more"
    with pytest.raises(piimask.Error):
        stream.write("x")


def test_roles_and_errors(scanner):
    with pytest.raises(piimask.Error):
        piimask.RedactStream(scanner, role="no_such_role")
    stream = piimask.RedactStream(scanner)
    stream.write("a")
    with pytest.raises(TypeError):
        stream.write(b"b")


def test_module_example():
    import doctest

    import piimask.stream

    assert doctest.testmod(piimask.stream).failed == 0
