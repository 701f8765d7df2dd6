#!/usr/bin/env python3
"""An audit of piimask against values it was not built from: Faker's.

    python3 tests/corpus/faker_audit.py                 # target/release/piimask
    python3 tests/corpus/faker_audit.py --bin PATH --examples 5

Faker (pinned in requirements.txt) generates personal and non-personal values
for every locale, in the layouts its authors saw in each country. The
labelled corpus is written by us, so it can share our blind spots; these
values are not. Three checks, each judged by an oracle that is not ours:

* phones: Faker's `phone_number` of every locale with a two-letter country,
  in `my number is … thanks`, scanned in that country; phonenumbers says
  which are valid. Recall over the valid ones.
* e-mail: Faker's addresses of every locale that email-validator accepts,
  in `mail me: …, thanks`. Recall, and how many spans differ from the
  address.
* not personal data: ISBNs, EANs, UPCs, dates and timestamps, prices,
  coordinates, postcodes, routing and SWIFT codes, user agents, URLs,
  UUIDs, hashes, licence plates, VINs … of every locale, bare and in three
  chat templates. Every finding inside one of them is a false positive
  (CNPJs are left out: a company's number is a kind piimask reports).

Prints one table per check, with examples of what was missed or reported.
Runs inside target/eval-venv like the corpus scripts.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402  (venv bootstrap only)

# Faker methods whose values are not personal data, and a few shapes of
# order and tracking numbers built with its numerify/bothify.
NOT_PERSONAL = [
    "isbn10", "isbn13", "ean8", "ean13", "localized_ean13", "upc_a", "upc_e", "date", "date_time",
    "iso8601", "time", "pricetag", "postcode", "building_number", "credit_card_expire", "swift",
    "aba", "port_number", "year", "uuid4", "md5", "sha1", "hex_color", "latitude", "longitude",
    "coordinate", "license_plate", "vin", "user_agent", "url", "uri", "image_url", "file_path",
    "hostname", "mac_address", "sentence", "street_address", "company", "catch_phrase",
]
NUMBER_SHAPES = {
    "order_number": ["#########", "##########", "ORD-########", "#######-##"],
    "tracking_code": ["1Z###?##########", "??#########??", "TBA############"],
}
TEMPLATES = ["order {v} shipped", "{v}", "ref: {v}, thanks"]


def countries(locales):
    """Locales of a country (not `ar_AA`, generic Arabic, nor `fr_QC`)."""
    import phonenumbers

    for loc in sorted(locales):
        country = loc.partition("_")[2]
        if country in phonenumbers.SUPPORTED_REGIONS:
            yield loc, country


def scan(binary: str, records: list[dict]) -> list[dict]:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = subprocess.run([binary, "scan"], input=lines, capture_output=True, text=True, check=True)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    if len(results) != len(records):
        sys.exit(f"piimask answered {len(results)} lines for {len(records)}")
    return results


def audit_phones(binary, faker_cls, locales, examples):
    import phonenumbers

    rows = []
    for loc, country in countries(locales):
        fake = faker_cls(loc)
        fake.seed_instance(1)
        if not hasattr(fake, "phone_number"):
            continue
        for _ in range(60):
            number = fake.phone_number()
            try:
                valid = phonenumbers.is_valid_number(phonenumbers.parse(number, country))
            except phonenumbers.NumberParseException:
                valid = False
            if valid:
                rows.append((loc, country, number))
    prefix = "my number is "
    results = scan(binary, [{"text": f"{prefix}{n} thanks", "region": c} for _, c, n in rows])
    missed = collections.defaultdict(list)
    for (loc, _, number), result in zip(rows, results):
        start = len(prefix.encode())
        end = start + len(number.encode())
        if not any(f["kind"] == "phone" and f["start"] < end and f["end"] > start for f in result["findings"]):
            missed[loc].append(number)
    lost = sum(len(v) for v in missed.values())
    print(f"phones: {len(rows)} valid numbers (phonenumbers), {len(rows) - lost} found, {lost} missed")
    for loc, numbers in sorted(missed.items(), key=lambda kv: -len(kv[1]))[:examples]:
        print(f"    {loc:7} {len(numbers):3} missed, e.g. {numbers[:3]}")


def audit_emails(binary, faker_cls, locales, examples):
    from email_validator import EmailNotValidError, validate_email

    rows = []
    for loc in sorted(locales):
        fake = faker_cls(loc)
        fake.seed_instance(9)
        for method in ("email", "free_email", "company_email", "safe_email"):
            for _ in range(8):
                address = getattr(fake, method)()
                try:
                    validate_email(address, check_deliverability=False)
                except EmailNotValidError:
                    continue
                rows.append(address)
    results = scan(binary, [{"text": f"mail me: {a}, thanks"} for a in rows])
    missed, wrong = [], []
    for address, result in zip(rows, results):
        found = [f["text"] for f in result["findings"] if f["kind"] == "email"]
        if not found:
            missed.append(address)
        elif found[0] != address:
            wrong.append((address, found[0]))
    print(f"e-mail: {len(rows)} addresses (email-validator), {len(missed)} missed, {len(wrong)} with another span")
    for item in (missed + wrong)[:examples]:
        print(f"    {item}")


def audit_not_personal(binary, faker_cls, locales, examples):
    import random

    rows = []
    for loc, country in countries(locales):
        fake = faker_cls(loc)
        fake.seed_instance(11)
        shapes = random.Random(loc)
        methods = [(m, getattr(fake, m, None)) for m in NOT_PERSONAL]
        methods += [
            (name, lambda p=patterns: fake.bothify(shapes.choice(p)).upper())
            for name, patterns in NUMBER_SHAPES.items()
        ]
        for name, method in methods:
            if method is None:
                continue
            for i in range(12):
                try:
                    value = str(method()).replace("\n", ", ")
                except (AttributeError, KeyError, ValueError):
                    break
                rows.append((loc, country, name, value, TEMPLATES[i % len(TEMPLATES)].format(v=value)))
    results = scan(binary, [{"text": t, "region": c} for _, c, _, _, t in rows])
    per_method = collections.defaultdict(lambda: [0, 0, collections.Counter(), []])
    for (loc, _, name, value, _), result in zip(rows, results):
        stat = per_method[name]
        stat[1] += 1
        inside = [f for f in result["findings"] if f["text"] in value]
        if inside:
            stat[0] += 1
            stat[2][inside[0]["kind"]] += 1
            stat[3].append((loc, value, inside[0]["kind"], inside[0]["text"]))
    reported = sum(s[0] for s in per_method.values())
    print(f"not personal: {len(rows)} values, {reported} with a finding inside")
    for name, (hits, total, kinds, found) in sorted(per_method.items(), key=lambda kv: -kv[1][0]):
        if hits:
            print(f"    {name:16} {hits:4}/{total:<5} {dict(kinds.most_common(4))}")
            for item in found[:examples]:
                print(f"        {item}")


def main() -> None:
    gen_corpus.ensure_venv(Path(__file__).resolve(), sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=str(gen_corpus.repo_root() / "target/release/piimask"))
    parser.add_argument("--examples", type=int, default=3, help="examples shown per line")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    from faker import Faker
    from faker.config import AVAILABLE_LOCALES

    audit_phones(args.bin, Faker, AVAILABLE_LOCALES, args.examples)
    audit_emails(args.bin, Faker, AVAILABLE_LOCALES, args.examples)
    audit_not_personal(args.bin, Faker, AVAILABLE_LOCALES, args.examples)


if __name__ == "__main__":
    main()
