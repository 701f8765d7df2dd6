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
