#!/usr/bin/env python3
"""Generates examples/guard/network.jsonl: the conversation log of a small
distribution network, for the leak guard's README section and tests.

Four agents serve dozens of conversations with retail customers and two
with other distributors. Customers write their phone numbers, e-mails,
Aadhaar numbers, PANs, card numbers and IBANs in the formats people use;
the host registers some customers' WhatsApp numbers and e-mails on file;
agents reply, often repeating the customer's own data in another format
(which the guard must leave alone), and sometimes leak: another customer's
value (cross_conversation_leak, always written in a format other than the
owner's) or a value nobody shared (unknown_outbound: the agent's own
number, an outside e-mail, ...).

Writes network.jsonl (the log) and planted.json (every planted leak: line
number, class, kind, owners). Deterministic for a seed:

    python3 examples/guard/generate.py [--seed 11]

Values are random but valid (Luhn, mod 97, Verhoeff, Indian mobile ranges);
none belongs to anyone.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

AGENTS = ["agent-asha", "agent-bilal", "agent-chen", "agent-divya"]

# Verhoeff tables (Aadhaar check digit).
_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(digits: str) -> str:
    c = 0
    for i, d in enumerate(reversed(digits)):
        c = _D[c][_P[(i + 1) % 8][int(d)]]
    return str(_INV[c])


def luhn_digit(digits: str) -> str:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


# ---- values: a canonical form and the ways people write it --------------


def phone(rng):
    return rng.choice("6789") + "".join(rng.choice("0123456789") for _ in range(9))


def phone_forms(n):
    return [
        f"{n[:5]} {n[5:]}",
        f"+91 {n[:5]} {n[5:]}",
        f"+91-{n[:5]}-{n[5:]}",
        f"0{n}",
        f"0091 {n[:5]} {n[5:]}",
        f"wa.me/91{n}",
        f"91{n}@s.whatsapp.net",
        f"+91{n}",
        f"{n[:5]}-{n[5:]}",
    ]


FIRST = ["priya", "rahul", "anita", "vikram", "sunita", "arjun", "meena", "farhan",
         "kavya", "rohit", "zoya", "imran", "neha", "sanjay", "lakshmi", "deepak"]
LAST = ["sharma", "iyer", "khan", "patel", "reddy", "das", "nair", "gupta", "singh", "joshi"]
DOMAINS = ["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com", "kiranastores.in"]


def email(rng):
    return f"{rng.choice(FIRST)}.{rng.choice(LAST)}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"


def email_forms(e):
    local, domain = e.split("@")
    return [e, e.upper(), local.title() + "@" + domain, local + "@" + domain.upper()]


def card(rng):
    body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    return body + luhn_digit(body)


def card_forms(c):
    return [
        " ".join(c[i:i + 4] for i in range(0, 16, 4)),
        "-".join(c[i:i + 4] for i in range(0, 16, 4)),
        c,
    ]


def iban(rng):
    bban = "".join(rng.choice("0123456789") for _ in range(18))
    rearranged = bban + "1314" + "00"  # D=13, E=14
    check = 98 - int(rearranged) % 97
    return f"DE{check:02d}{bban}"


def iban_forms(i):
    return [" ".join(i[k:k + 4] for k in range(0, len(i), 4)), i]


def aadhaar(rng):
    while True:
        body = rng.choice("23456789") + "".join(rng.choice("0123456789") for _ in range(10))
        n = body + verhoeff_digit(body)
        if n != n[::-1]:
            return n


def aadhaar_forms(a):
    return [f"{a[:4]} {a[4:8]} {a[8:]}", f"{a[:4]}-{a[4:8]}-{a[8:]}"]


def pan(rng):
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return ("".join(rng.choice(letters) for _ in range(3)) + rng.choice("PC")
            + rng.choice(letters) + f"{rng.randint(1, 9999):04d}" + rng.choice(letters))


def pan_forms(p):
    return [p]


FAMILIES = {
    "phone": (phone, phone_forms),
    "email": (email, email_forms),
    "credit_card": (card, card_forms),
    "iban": (iban, iban_forms),
    "in_aadhaar": (aadhaar, aadhaar_forms),
    "in_pan": (pan, pan_forms),
}

# How a customer mentions a value, and how an agent repeats or leaks one.
CUSTOMER_SAYS = {
    "phone": ["my number is {v}", "call me on {v}", "whatsapp {v} pe bhejo", "new number: {v}"],
    "email": ["send the invoice to {v}", "mail id {v}", "please email me at {v}"],
    "credit_card": ["pay by card {v}", "card no {v} se payment kar do"],
    "iban": ["our account for the refund: {v}", "IBAN {v}"],
    "in_aadhaar": ["aadhaar {v} for KYC", "KYC: aadhaar no {v}"],
    "in_pan": ["PAN {v} for the GST bill", "pan card {v}"],
}
AGENT_REPEATS = {
    "phone": ["noted your number {v}, the driver will call", "confirming delivery contact {v}"],
    "email": ["invoice sent to {v}", "updated your e-mail to {v}"],
    "credit_card": ["payment on card {v} received, thank you"],
    "iban": ["refund initiated to {v}"],
    "in_aadhaar": ["KYC done with aadhaar {v}"],
    "in_pan": ["GST bill made on PAN {v}"],
}
AGENT_LEAKS = {
    "phone": ["call {v}, they bought the same lot last week", "ask at {v} for the spare stock"],
    "email": ["cc'ing {v} on this order", "forward it to {v}"],
    "credit_card": ["use this card for the advance: {v}"],
    "iban": ["transfer to {v} instead"],
    "in_aadhaar": ["use this aadhaar for the booking: {v}"],
    "in_pan": ["bill it on PAN {v}"],
}
SMALL_TALK_IN = [
    "hi, is the 25 kg rice bag in stock?", "order 48213977 kab tak aayega?",
    "price for 40 cartons of biscuits?", "ok thanks", "delivery Tuesday 10:30 chalega",
    "bhaiya rate kam karo, 5% discount?", "invoice INV-2026-0042 mil gaya",
]
SMALL_TALK_OUT = [
    "Namaste! Yes, in stock at Rs 1,240 per bag.", "Order 48213977 dispatched, AWB 1ZBJC2WQ3919863189.",
    "40 cartons: Rs 18,600 incl. GST.", "Thank you!", "Tuesday 10:30 confirmed.",
    "Best I can do is 3% on orders above Rs 20,000.",
]


def other_form(forms, used):
    """A form of the value different from the one its owner used."""
    choices = [f for f in forms if f != used]
    return choices


def generate(seed: int):
    rng = random.Random(seed)
    t = datetime.datetime(2026, 3, 12, 8, 0, 0, tzinfo=datetime.timezone.utc)
    lines = []
    planted = []
    owned = {}  # conversation -> list of (kind, canonical, form used)

    def ts():
        nonlocal t
        t += datetime.timedelta(seconds=rng.randint(20, 400))
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")

    def emit(obj):
        lines.append(obj)
        return len(lines)  # 1-based line number

    conversations = [f"c-{i:02d}" for i in range(1, 37)]
    distributors = ["d-rival-1", "d-rival-2"]
    agent_of = {c: AGENTS[i % len(AGENTS)] for i, c in enumerate(conversations + distributors)}

    # Two conversations share a household landline-less mobile: owned twice.
    shared_phone = phone(rng)

    # Phase 1: customers introduce themselves; the host registers some.
    for i, c in enumerate(conversations):
        owned[c] = []
        kinds = ["phone"] + rng.sample(["email", "credit_card", "iban", "in_aadhaar", "in_pan"], 2)
        for kind in kinds:
            make, forms = FAMILIES[kind]
            value = shared_phone if (kind == "phone" and i in (4, 5)) else make(rng)
            form = rng.choice(forms(value))
            text = rng.choice(CUSTOMER_SAYS[kind]).format(v=form)
            if rng.random() < 0.4:
                text = rng.choice(SMALL_TALK_IN) + " " + text
            emit({"conversation": c, "direction": "in", "sender": f"cust-{c[2:]}",
                  "text": text, "ts": ts()})
            owned[c].append((kind, value, form))
        if i % 3 == 0:
            wa = phone(rng)
            emit({"register": {"conversation": c, "kind": "phone",
                               "value": f"91{wa}@s.whatsapp.net"}, "ts": ts()})
            owned[c].append(("phone", wa, f"91{wa}@s.whatsapp.net"))
        if i % 5 == 0:
            e = email(rng)
            emit({"register": {"conversation": c, "kind": "email", "value": e}, "ts": ts()})
            owned[c].append(("email", e, e))
        emit({"conversation": c, "direction": "out", "sender": agent_of[c],
              "text": rng.choice(SMALL_TALK_OUT), "ts": ts()})
    for d in distributors:
        owned[d] = []
        emit({"conversation": d, "direction": "in", "sender": f"dist-{d[-1]}",
              "text": "Hello, we also stock Basmati 25 kg. Interested in a bulk deal?", "ts": ts()})

    # Phase 2: replies repeating the conversation's own data in another form.
    for c in conversations:
        for kind, value, used in rng.sample(owned[c], 2):
            forms = FAMILIES[kind][1](value)
            form = rng.choice(other_form(forms, used) or forms)
            emit({"conversation": c, "direction": "out", "sender": agent_of[c],
                  "text": rng.choice(AGENT_REPEATS[kind]).format(v=form), "ts": ts()})
        emit({"conversation": c, "direction": "in", "sender": f"cust-{c[2:]}",
              "text": rng.choice(SMALL_TALK_IN), "ts": ts()})

    # Phase 3: planted leaks, of every class and kind family, interleaved
    # with more harmless replies.
    targets = conversations + distributors
    for kind in FAMILIES:
        sources = [c for c in conversations if any(k == kind for k, _, _ in owned[c])]
        for source in rng.sample(sources, min(2, len(sources))):
            _, value, used = next(o for o in owned[source] if o[0] == kind)
            forms = FAMILIES[kind][1](value)
            form = rng.choice(other_form(forms, used) or forms)
            target = rng.choice([x for x in targets if x != source])
            owners = sorted(c for c in conversations
                            if any(k == kind and v == value for k, v, _ in owned[c]))
            if target in owners:
                continue
            n = emit({"conversation": target, "direction": "out", "sender": agent_of[target],
                      "text": rng.choice(AGENT_LEAKS[kind]).format(v=form), "ts": ts()})
            planted.append({"line": n, "class": "cross_conversation_leak", "kind": kind,
                            "owners": owners})
            # A harmless reply in between.
            c = rng.choice(conversations)
            k, v, u = rng.choice(owned[c])
            form = rng.choice(FAMILIES[k][1](v))
            emit({"conversation": c, "direction": "out", "sender": agent_of[c],
                  "text": rng.choice(AGENT_REPEATS[k]).format(v=form), "ts": ts()})
    # The shared number, leaked to a rival distributor: two owners.
    n = emit({"conversation": "d-rival-1", "direction": "out", "sender": agent_of["d-rival-1"],
              "text": f"this shop orders weekly, call {phone_forms(shared_phone)[2]}",
              "ts": ts()})
    planted.append({"line": n, "class": "cross_conversation_leak", "kind": "phone",
                    "owners": ["c-05", "c-06"]})
    # Values nobody shared: the agent's own number, an outside e-mail, ...
    unknown_texts = {
        "phone": "message me directly on {v}, cheaper outside the app",
        "email": "write to my personal mail {v}",
        "credit_card": "pay on this card instead: {v}",
        "iban": "send the advance to {v}",
        "in_aadhaar": "book it on aadhaar {v}",
        "in_pan": "put PAN {v} on the bill",
    }
    for kind, template in unknown_texts.items():
        make, forms = FAMILIES[kind]
        value = make(rng)
        c = rng.choice(targets)
        n = emit({"conversation": c, "direction": "out", "sender": agent_of[c],
                  "text": template.format(v=rng.choice(forms(value))), "ts": ts()})
        planted.append({"line": n, "class": "unknown_outbound", "kind": kind, "owners": []})
    return lines, planted


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args(argv)
    lines, planted = generate(args.seed)
    with open(args.out / "network.jsonl", "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(args.out / "planted.json", "w", encoding="utf-8") as f:
        json.dump(planted, f, indent=1)
        f.write("\n")
    print(f"{len(lines)} lines, {len(planted)} planted leaks")


if __name__ == "__main__":
    main()
