"""The confidence threshold: the ``min_confidence=`` argument, the
configuration's field and a role's own, at several values."""

import pytest

import piimask

# A national-format phone (0.85), a card with its keyword (0.92), a phone
# with + (0.95) and an e-mail (0.97).
TEXT = "call 98765 43210, card 4111111111111111, or +91 98765 43211, mail a@example.com"


def kinds_at(**options):
    return [f.kind for f in piimask.Scanner(region="IN", **options).scan(TEXT)]


def test_default_keeps_everything():
    assert kinds_at() == ["phone", "credit_card", "phone", "email"]
    assert kinds_at(min_confidence=0) == kinds_at()
    assert kinds_at(min_confidence=0.5) == kinds_at()


@pytest.mark.parametrize(
    "threshold, kinds",
    [
        (0.85, ["phone", "credit_card", "phone", "email"]),
        (0.86, ["credit_card", "phone", "email"]),
        (0.93, ["phone", "email"]),
        (0.96, ["email"]),
        (1.0, []),
    ],
)
def test_findings_below_the_threshold_are_dropped(threshold, kinds):
    assert kinds_at(min_confidence=threshold) == kinds
    assert kinds_at(config={"min_confidence": threshold}) == kinds


def test_the_argument_overrides_the_configuration():
    assert kinds_at(min_confidence=0.96, config={"min_confidence": 0.2}) == ["email"]


def test_out_of_range_is_a_config_error():
    with pytest.raises(piimask.ConfigError):
        piimask.Scanner(min_confidence=1.5)


def test_roles_have_their_own_threshold():
    s = piimask.Scanner(
        region="IN",
        min_confidence=0.9,
        config={"policy": {"roles": {"strict": {"default": "label", "min_confidence": 0.5}}}},
    )
    text = "call 98765 43210 or +91 98765 43211"
    assert s.redact(text, role="strict") == "call [PHONE] or [PHONE]"
    assert s.redact(text) == "call 98765 43210 or +91 ••••• ••211"
