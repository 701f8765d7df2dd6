"""piimask.Guard: ownership in any format, both classes, actions and the
text to send, registration, forget, snapshots (and damaged ones refused),
coaching languages, code-point offsets, threads, and the README example."""

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


@pytest.fixture()
def guard():
    return piimask.Guard(piimask.Scanner(region="IN"), key=KEY)


def test_own_data_in_any_format_is_silent(guard):
    assert guard.observe("c-1", "my number is 98765 43210", time=100) == 1
    for form in ["+91-98765-43210", "0091 98765 43210", "wa.me/919876543210",
                 "919876543210@s.whatsapp.net"]:
        result = guard.check("c-1", "agent", f"ok {form}", time=101)
        assert result == piimask.GuardCheck("deliver", [], f"ok {form}")


def test_cross_conversation_leak_is_held_with_owners(guard):
    guard.observe("c-1", "98765 43210")
    guard.observe("c-9", "+91 98765 43210")
    text = "📞 try 09876543210"
    result = guard.check("c-2", "agent", text)
    assert result.action == "hold" and result.text is None
    (event,) = result.events
    assert event.leak_class == "cross_conversation_leak"
    assert event.kind == "phone"
    assert event.owners == ["c-1", "c-9"]
    assert event.rule == "cross_conversation_leak.phone"
    assert text[event.start:event.end] == "09876543210"  # code points
    assert "43210" not in event.coaching


def test_unknown_values_masked_or_held(guard):
    result = guard.check("c-2", "agent", "call me on 91234 56789")
    assert result.action == "mask"
    assert result.text == "call me on ••••• ••789"
    assert result.events[0].leak_class == "unknown_outbound"
    assert guard.check("c-2", "agent", "card 4111 1111 1111 1111").action == "hold"


def test_a_number_split_across_two_messages_is_read_whole(guard):
    guard.observe("c-1", "my number is 98765 43210", time=100)
    assert guard.check("c-2", "agent", "his number 98765", time=101).action == "deliver"
    text = "\u3000" + "43210 call him"  # after an ideographic space
    result = guard.check("c-2", "agent", text, time=110)
    assert result.action == "hold"
    (event,) = result.events
    assert event.leak_class == "cross_conversation_leak" and event.owners == ["c-1"]
    assert text[event.start:event.end] == "43210"  # code points
    off = piimask.Guard(piimask.Scanner(region="IN"), key=KEY,
                        config={"split_window_secs": 0})
    off.observe("c-1", "my number is 98765 43210", time=100)
    off.check("c-2", "agent", "his number 98765", time=101)
    assert off.check("c-2", "agent", text, time=110).events == []


def test_register_forget_and_errors(guard):
    guard.register("c-1", "email", "Ravi@Shop.in")
    assert guard.check("c-1", "a", "mail ravi@shop.in").events == []
    assert guard.check("c-2", "a", "mail RAVI@shop.in").events[0].owners == ["c-1"]
    assert guard.forget("c-1") == 1
    assert guard.check("c-2", "a", "mail ravi@shop.in").events[0].leak_class == "unknown_outbound"
    with pytest.raises(piimask.InvalidArgumentError) as e:
        guard.register("c-1", "credit_card", "4111 1111 1111 1112")
    assert "1112" not in str(e.value)
    with pytest.raises(piimask.ConfigError):
        piimask.Guard(piimask.Scanner(), key=b"short")
    with pytest.raises(piimask.ConfigError):
        piimask.Guard(piimask.Scanner(), key=KEY, config={"actions": {"x": 1}})


def test_configured_actions_and_languages():
    config = {
        "actions": {"unknown_outbound": {"default": "deliver"}},
        "coaching": {"hi": {"unknown_outbound": "{kind}: mat bhejo ({rule})"}},
    }
    guard = piimask.Guard(piimask.Scanner(region="IN"), key=KEY, config=config)
    result = guard.check("c", "a", "call 91234 56789", language="hi")
    assert result.action == "deliver"
    assert result.events[0].coaching == "phone: mat bhejo (unknown_outbound.phone)"


def test_snapshot_round_trip_and_damage(guard, tmp_path):
    guard.observe("c-1", "98765 43210 and priya@example.in")
    path = tmp_path / "guard.snap"
    assert guard.snapshot(path) == 2
    restarted = piimask.Guard(piimask.Scanner(region="IN"), key=KEY)
    assert restarted.restore(path) == 2
    assert restarted.check("c-2", "a", "priya@example.in").events[0].owners == ["c-1"]
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(piimask.Error) as e:
        restarted.restore(path)
    assert "corrupt" in e.value.message
    other = piimask.Guard(piimask.Scanner(region="IN"), key=bytes(32))
    path.write_bytes(data)
    with pytest.raises(piimask.Error, match="another key"):
        other.restore(path)
    assert restarted.check("c-2", "a", "priya@example.in").events[0].owners == ["c-1"]


def test_threads_share_a_guard(guard):
    numbers = [f"9{i:04d}{i:05d}" for i in range(1, 41)]

    def work(i):
        guard.observe(f"t-{i}", f"mine: {numbers[i]}")
        own = guard.check(f"t-{i}", "a", f"+91 {numbers[i]}")
        return own.action

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(work, range(40))) == {"deliver"}
    leak = guard.check("x", "a", f"0{numbers[3]}")
    assert leak.events[0].owners == ["t-3"]


def test_guard_example_runs_and_is_documented():
    example = PACKAGE / "examples" / "guard.py"
    out = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, check=True
    ).stdout
    assert out == (PACKAGE / "examples" / "guard.expected").read_text()
    docs = [d for d in [REPO / "docs" / "guard.md"] if d.is_file()]
    if not docs:
        pytest.skip("not in a source checkout")
    block = "```python\n" + example.read_text() + "```"
    assert any(block in d.read_text() for d in docs), (
        "docs/guard.md must show bindings/python/examples/guard.py verbatim"
    )
