#!/usr/bin/env python3
"""Deterministic, labelled corpus of WhatsApp-style chat messages for piimask.

    python3 tests/corpus/gen_corpus.py --seed 7 --messages 4000 --out corpus.jsonl

Writes JSON Lines, one message per line:

    {"id": 0, "region": "IN", "text": "...",
     "labels": [{"kind": "phone", "start": 12, "end": 27}],
     "negatives": [{"kind": "order_no", "start": 40, "end": 48}]}

`start`/`end` are UTF-8 byte offsets into `text` (end exclusive).  `labels` are
the gold spans; `negatives` marks the hard negatives that were planted (they
are *not* personal data, the harness only uses them to break false positives
down by cause).

Every label is checked by an oracle before it is written (phonenumbers for
phones, python-stdnum for cards/IBANs/IDs, email-validator for e-mails,
ipaddress for IPs), and every finished message is audited so that nothing
outside the gold labels is a valid value of any kind in a form a matcher should
report -- except numbers that sit right after an explicit non-phone keyword
(order, invoice, ref, tracking, AWB, OTP, code, PIN ... in the message's
languages), which are deliberate keyword-guarded negatives.

Gold span conventions
  phone   from the first character of the number as written (a leading `+`,
          `00`/IDD digits or an opening `(` included) to its last digit.  For
          wa.me links, `phone=` parameters and WhatsApp JIDs only the digits
          (and a `+` if one is written) are the span.
  email   the address only: no `mailto:`, no `<>`, no trailing punctuation.
  others  the value as written, separators included, no keyword.

The script creates target/eval-venv (shared with eval.py) on first use and
re-executes itself inside it; set PIIMASK_NO_VENV=1 to use the current
interpreter as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements.txt"


# ---------------------------------------------------------------------------
# venv bootstrap (stdlib only; shared with eval.py and examples/make_chat.py)
# ---------------------------------------------------------------------------

def repo_root() -> Path:
    p = HERE
    for cand in [p, *p.parents]:
        if (cand / "Cargo.toml").exists():
            return cand
    return HERE.parents[1]


def venv_dir() -> Path:
    env = os.environ.get("PIIMASK_EVAL_VENV")
    return Path(env).resolve() if env else repo_root() / "target" / "eval-venv"


def _venv_python(vdir: Path) -> Path:
    return vdir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _req_hash() -> str:
    return hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:16]


def pip_install(args: list[str], quiet: bool = True) -> tuple[bool, str]:
    """pip install into the running interpreter (which is the venv's)."""
    cmd = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check"]
    if quiet:
        cmd.append("-q")
    proc = subprocess.run(cmd + args, capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def ensure_venv(script: Path, argv: list[str]) -> None:
    """Make sure we run inside target/eval-venv with requirements.txt installed.

    Outside the venv: create it if needed and exec the script inside it.
    Inside: (re)install requirements.txt when it changed since last time."""
    if os.environ.get("PIIMASK_NO_VENV") == "1":
        return
    vdir = venv_dir()
    inside = Path(sys.prefix).resolve() == vdir.resolve() if vdir.exists() else False
    if not inside:
        py = _venv_python(vdir)
        if not py.exists():
            print(f"[setup] creating venv {vdir} ...", file=sys.stderr)
            vdir.parent.mkdir(parents=True, exist_ok=True)
            r = subprocess.run([sys.executable, "-m", "venv", str(vdir)])
            if r.returncode != 0 or not py.exists():
                sys.exit("[setup] could not create the venv (on Debian: apt-get install "
                         "python3-venv), or set PIIMASK_NO_VENV=1 and install "
                         f"{REQUIREMENTS} yourself")
        os.execv(str(py), [str(py), str(script), *argv])
    marker = vdir / ".piimask-requirements"
    want = _req_hash()
    if not marker.exists() or marker.read_text().strip() != want:
        print(f"[setup] installing {REQUIREMENTS.relative_to(repo_root())} into {vdir} ...",
              file=sys.stderr)
        ok, out = pip_install(["-r", str(REQUIREMENTS)])
        if not ok:
            sys.exit(f"[setup] pip install failed:\n{out}")
        marker.write_text(want + "\n")


# Heavy modules, imported by load_deps() once we are inside the venv.
pn = None          # phonenumbers
stdnum = None      # namespace of stdnum modules
Faker = None
validate_email = None


class _NS:
    pass


def load_deps() -> None:
    global pn, stdnum, Faker, validate_email
    if pn is not None:
        return
    import importlib

    import phonenumbers
    from email_validator import validate_email as ve
    from faker import Faker as F

    pn = phonenumbers
    Faker = F
    validate_email = ve
    ns = _NS()
    for mod in ("luhn verhoeff iban us.ssn us.itin br.cpf br.cnpj in_.aadhaar in_.pan mx.curp "
                "mx.rfc es.dni es.nie es.nif it.codicefiscale pl.pesel nl.bsn fr.nir de.idnr "
                "gb.nhs ca.sin cn.ric kr.rrn za.idnr tr.tckimlik se.personnummer fi.hetu "
                "ar.cuit cl.rut co.nit id.nik au.tfn").split():
        setattr(ns, mod.replace("in_.", "in.").replace(".", "_"),
                importlib.import_module("stdnum." + mod))
    from stdnum.iso7064 import mod_11_10
    ns.mod_11_10 = mod_11_10
    stdnum = ns


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

DIGIT_BASES = {"arab": 0x0660, "ext_arab": 0x06F0, "deva": 0x0966, "fullwidth": 0xFF10}


def to_script(s: str, script: str | None) -> str:
    """ASCII digits -> another decimal digit script (plus/hyphen too for full-width)."""
    if not script:
        return s
    base = DIGIT_BASES[script]
    out = []
    for ch in s:
        if "0" <= ch <= "9":
            out.append(chr(base + ord(ch) - 48))
        elif script == "fullwidth" and ch == "+":
            out.append("\uff0b")
        elif script == "fullwidth" and ch == "-":
            out.append("\uff0d")
        else:
            out.append(ch)
    return "".join(out)


def ascii_digits(s: str) -> str:
    """Same length in code points: every decimal digit becomes ASCII, full-width
    plus/hyphen become ASCII."""
    out = []
    for ch in s:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            d = unicodedata.decimal(ch, None)
            out.append(str(d) if d is not None else ch)
        elif ch == "\uff0b":
            out.append("+")
        elif ch in "\uff0d\u2010\u2011\u2012\u2013":
            out.append("-")
        else:
            out.append(ch)
    return "".join(out)


def only_digits(s: str) -> str:
    return "".join(ch for ch in ascii_digits(s) if "0" <= ch <= "9")


def wchoice(rng, pairs):
    """pairs: list of (value, weight)."""
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    acc = 0.0
    for v, w in pairs:
        acc += w
        if x < acc:
            return v
    return pairs[-1][0]


def stable_seed(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


def rdigits(rng, n: int, first_nonzero: bool = False) -> str:
    s = "".join(rng.choice("0123456789") for _ in range(n))
    if first_nonzero and n and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


# A rendered slot is a list of pieces (text, tag): tag None is plain text,
# "L:kind" a gold label, "N:kind" a hard negative, "G:kind" a hard negative
# guarded by the non-phone keyword just before it (order, OTP, tracking ...).
def L(kind: str, text: str):
    return (text, "L:" + kind)


def N(kind: str, text: str):
    return (text, "N:" + kind)


def G(kind: str, text: str):
    return (text, "G:" + kind)


UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"
VOWELS = "AEIOU"


# ---------------------------------------------------------------------------
# phones
# ---------------------------------------------------------------------------

REGIONS_ALL = ("IN BR MX AR CO CL PE ES FR DE IT GB NL PL TR RU US CA NG ZA KE EG SA AE "
               "ID PH VN TH CN JP KR AU PK SG SE FI").split()

_IDD_CACHE: dict[str, str | None] = {}


def idd_for(region: str) -> str | None:
    """The international (IDD) prefix people of `region` dial, as written."""
    if region in _IDD_CACHE:
        return _IDD_CACHE[region]
    md = pn.PhoneMetadata.metadata_for_region(region)
    cands = []
    if md.preferred_international_prefix:
        cands.append(md.preferred_international_prefix.replace("~", " "))
    cands += ["00", "001", "011", "010", "0011", "000", "009", "008", "0021", "005"]
    res = None
    for c in cands:
        if re.fullmatch(md.international_prefix, c.replace(" ", "")):
            res = c
            break
    _IDD_CACHE[region] = res
    return res


def gen_number(rng, region: str, mobile_p: float = 0.75):
    """A random valid number of `region`: an example number with randomised
    trailing digits, kept only when phonenumbers says it is valid there."""
    PNT = pn.PhoneNumberType
    want = PNT.MOBILE if rng.random() < mobile_p else PNT.FIXED_LINE
    ex = pn.example_number_for_type(region, want) or pn.example_number(region)
    nsn = pn.national_significant_number(ex)
    cc = ex.country_code
    for attempt in range(600):
        # keep 0-3 leading digits of the example (more as attempts fail)
        keep = min(len(nsn) - 4, wchoice(rng, [(0, 3), (1, 4), (2, 3), (3, 1)]) + attempt // 150)
        cand = nsn[:keep] + rdigits(rng, len(nsn) - keep)
        if cand[0] == "0" and not ex.italian_leading_zero:
            continue
        try:
            num = pn.parse("+%d%s" % (cc, cand), None)
        except pn.NumberParseException:
            continue
        if not pn.is_valid_number(num) or pn.region_code_for_number(num) != region:
            continue
        t = pn.number_type(num)
        if t in (want, PNT.FIXED_LINE_OR_MOBILE):
            return num
    return ex


def _same_number(text: str, region: str | None, num) -> bool:
    try:
        p = pn.parse(text, region)
    except pn.NumberParseException:
        return False
    return (pn.is_valid_number(p) and p.country_code == num.country_code
            and pn.national_significant_number(p) == pn.national_significant_number(num))


def _fmt(num, f):
    return pn.format_number(num, f)


def phone_surface(rng, num, msg_region: str, form: str) -> str | None:
    """One written form of `num`; None when the form does not apply."""
    F = pn.PhoneNumberFormat
    cc = num.country_code
    num_region = pn.region_code_for_number(num)
    own = num_region == msg_region
    intl = _fmt(num, F.INTERNATIONAL)
    nat = _fmt(num, F.NATIONAL)
    e164 = _fmt(num, F.E164)
    rest = intl[len("+%d" % cc):].strip()
    if form == "e164":
        return e164
    if form == "intl":
        v = wchoice(rng, [("asis", 55), ("cc_compact", 15), ("dash", 15), ("dot", 5), ("nanpa", 10)])
        if v == "cc_compact":
            return "+%d %s" % (cc, re.sub(r"[\s\-]", "", rest))
        if v == "dash":
            return "+%d-%s" % (cc, re.sub(r"\s", "-", rest))
        if v == "dot":
            return "+%d.%s" % (cc, re.sub(r"[\s\-]", ".", rest))
        if v == "nanpa" and cc == 1:
            d = pn.national_significant_number(num)
            return rng.choice(["+1 (%s) %s-%s", "+1(%s)%s-%s", "+1 %s %s %s"]) % (d[:3], d[3:6], d[6:])
        return intl
    if form == "intl_paren":
        # +55 (11) 96123-4567, +1 (201) 555-0123, +90 (212) 345 67 89
        m = re.match(r"\((0?)(\d+)\)\s*(.*)$", nat)
        if not m or num_region not in PAREN_REGIONS:
            return None
        return "+%d (%s) %s" % (cc, m.group(2), m.group(3))
    if form == "intl_trunk0":
        # +44 (0)20 7946 0958: only where the trunk prefix 0 is dropped internationally
        if num_region not in TRUNK0_REGIONS or not nat.startswith("0"):
            return None
        return "+%d (0)%s" % (cc, nat[1:])
    if form == "idd":
        idd = idd_for(msg_region)
        if not idd or (own and idd != "00"):
            return None
        if idd != "00" or rng.random() < 0.5:
            return "%s %d %s" % (idd, cc, rest)
        return "%s%d %s" % (idd, cc, rest)
    if form == "national":
        if not own:
            return None
        d = pn.national_significant_number(num)
        if cc == 1:
            return rng.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s%s%s", "1-%s-%s-%s",
                               "(%s) %s-%s", "%s %s %s"]) % (d[:3], d[3:6], d[6:])
        if msg_region == "IN" and pn.number_type(num) == pn.PhoneNumberType.MOBILE and rng.random() < 0.7:
            return rng.choice(["%s %s", "%s%s", "%s-%s", "%s %s"]) % (d[:5], d[5:])
        v = wchoice(rng, [("asis", 60), ("compact", 18), ("dash", 9), ("dot", 4), ("slash", 4),
                          ("paren", 5)])
        if v == "compact":
            return re.sub(r"[\s\-()]", "", nat)
        if v == "dash":
            return re.sub(r"\s+", "-", nat.replace("(", "").replace(")", ""))
        if v == "dot" and "(" not in nat:
            return re.sub(r"[\s\-]", ".", nat)
        if v == "slash" and msg_region in ("DE", "AT", "CH", "NL", "IT", "FR") and " " in nat:
            a, b = nat.split(" ", 1)
            return a + "/" + re.sub(r"\s", "", b)
        if v == "paren" and nat.startswith("0") and " " in nat and "(" not in nat:
            a, b = nat.split(" ", 1)
            return "(%s) %s" % (a, b)
        return nat
    raise ValueError(form)


# where "+44 (0)20 ..." is how people write their own number abroad
TRUNK0_REGIONS = {"GB", "DE", "NL", "AU", "ZA", "FR", "NG", "KE", "SE", "FI", "IN"}

# where "+55 (11) 96123-4567" / "+90 (212) ..." is common
PAREN_REGIONS = {"BR", "US", "CA", "TR", "PK", "ID", "PE", "CO", "AR", "PH", "MX"}

PHONE_FORMS_OWN = [("intl", 26), ("e164", 12), ("national", 30), ("intl_paren", 4),
                   ("intl_trunk0", 4), ("idd", 6), ("wa", 4), ("wa_https", 4), ("api", 3),
                   ("jid_s", 3), ("jid_c", 2)]
PHONE_FORMS_FOREIGN = [("intl", 45), ("e164", 20), ("intl_trunk0", 6), ("idd", 15), ("wa", 6),
                       ("wa_https", 5), ("jid_s", 3)]


def render_phone(rng, msg_region: str, script: str | None = None, foreign_p: float = 0.08, forms=None):
    """Pieces [(text, tag)] for one phone number, the number labelled.

    `script`: render the digits in another decimal script (not for links/JIDs)."""
    foreign = rng.random() < foreign_p
    num_region = msg_region
    if foreign:
        while num_region == msg_region:
            num_region = rng.choice(REGIONS_ALL)
    num = gen_number(rng, num_region)
    digits = _fmt(num, pn.PhoneNumberFormat.E164)[1:]
    for _ in range(8):
        form = wchoice(rng, forms or (PHONE_FORMS_FOREIGN if foreign else PHONE_FORMS_OWN))
        if form in ("wa", "wa_https", "api", "jid_s", "jid_c"):
            plus = "+" if form in ("wa", "wa_https", "api") and rng.random() < 0.12 else ""
            lab = L("phone", plus + digits)
            if form == "wa":
                return [("wa.me/", None), lab]
            if form == "wa_https":
                tail = rng.choice(["", "", "", "?text=Hi", "?text=Hola%20quiero%20info"])
                return [(rng.choice(["https://wa.me/", "http://wa.me/", "https://wa.me/"]), None), lab,
                        (tail, None)]
            if form == "api":
                tail = rng.choice(["", "&text=Hello", "&text=Ol%C3%A1", "&app_absent=0"])
                return [(rng.choice(["https://api.whatsapp.com/send?phone=",
                                     "https://api.whatsapp.com/send/?phone=",
                                     "api.whatsapp.com/send?phone="]), None), lab, (tail, None)]
            return [lab, ("@s.whatsapp.net" if form == "jid_s" else "@c.us", None)]
        s = phone_surface(rng, num, msg_region, form)
        if s is None:
            continue
        if script:
            s = to_script(s, script)
        if _same_number(s, msg_region, num):
            return [L("phone", s)]
    s = to_script(_fmt(num, pn.PhoneNumberFormat.E164), script)
    assert _same_number(s, msg_region, num)
    return [L("phone", s)]


# ---------------------------------------------------------------------------
# e-mail
# ---------------------------------------------------------------------------

FREE_DOMAINS = {
    "IN": ["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com", "hotmail.com"],
    "BR": ["gmail.com", "hotmail.com", "uol.com.br", "bol.com.br", "yahoo.com.br", "terra.com.br"],
    "MX": ["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.es", "prodigy.net.mx"],
    "AR": ["gmail.com", "hotmail.com", "yahoo.com.ar", "fibertel.com.ar"],
    "CO": ["gmail.com", "hotmail.com", "yahoo.es", "outlook.com"],
    "CL": ["gmail.com", "hotmail.com", "vtr.net", "yahoo.es"],
    "PE": ["gmail.com", "hotmail.com", "yahoo.es"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
    "FR": ["gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr"],
    "DE": ["gmail.com", "gmx.de", "web.de", "t-online.de", "posteo.de", "gmx.net"],
    "IT": ["gmail.com", "libero.it", "virgilio.it", "alice.it", "tiscali.it"],
    "GB": ["gmail.com", "btinternet.com", "yahoo.co.uk", "outlook.com", "sky.com"],
    "NL": ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com"],
    "PL": ["gmail.com", "wp.pl", "o2.pl", "interia.pl", "onet.pl"],
    "TR": ["gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"],
    "RU": ["yandex.ru", "mail.ru", "gmail.com", "rambler.ru", "bk.ru"],
    "US": ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "comcast.net"],
    "CA": ["gmail.com", "hotmail.ca", "shaw.ca", "rogers.com", "videotron.ca"],
    "NG": ["gmail.com", "yahoo.com", "outlook.com"],
    "ZA": ["gmail.com", "mweb.co.za", "telkomsa.net", "webmail.co.za"],
    "KE": ["gmail.com", "yahoo.com", "outlook.com"],
    "EG": ["gmail.com", "yahoo.com", "hotmail.com"],
    "SA": ["gmail.com", "hotmail.com", "outlook.sa"],
    "AE": ["gmail.com", "emirates.net.ae", "hotmail.com", "outlook.com"],
    "ID": ["gmail.com", "yahoo.co.id", "ymail.com"],
    "PH": ["gmail.com", "yahoo.com.ph", "outlook.ph"],
    "VN": ["gmail.com", "yahoo.com.vn", "outlook.com"],
    "TH": ["gmail.com", "hotmail.co.th", "outlook.co.th"],
    "CN": ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"],
    "JP": ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "icloud.com"],
    "KR": ["naver.com", "daum.net", "hanmail.net", "gmail.com", "kakao.com"],
    "AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com.au"],
    "PK": ["gmail.com", "yahoo.com", "hotmail.com"],
    "SG": ["gmail.com", "singnet.com.sg", "yahoo.com.sg"],
    "SE": ["gmail.com", "telia.com", "hotmail.se", "bredband.net"],
    "FI": ["gmail.com", "elisanet.fi", "luukku.com", "outlook.com"],
}
CC_TLD = {"IN": "in", "BR": "com.br", "MX": "com.mx", "AR": "com.ar", "CO": "com.co", "CL": "cl",
          "PE": "pe", "ES": "es", "FR": "fr", "DE": "de", "IT": "it", "GB": "co.uk", "NL": "nl",
          "PL": "pl", "TR": "com.tr", "RU": "ru", "US": "com", "CA": "ca", "NG": "com.ng",
          "ZA": "co.za", "KE": "co.ke", "EG": "com.eg", "SA": "com.sa", "AE": "ae", "ID": "co.id",
          "PH": "com.ph", "VN": "vn", "TH": "co.th", "CN": "cn", "JP": "co.jp", "KR": "co.kr",
          "AU": "com.au", "PK": "pk", "SG": "com.sg", "SE": "se", "FI": "fi"}
BIZ_WORDS = ["shop", "store", "mart", "traders", "exports", "fashion", "mobiles", "electronics",
             "tienda", "loja", "boutique", "handel", "negozio", "winkel", "sklep", "magaza",
             "global", "digital", "home", "express", "bazaar", "kart", "deals", "studio"]
BIZ_LOCALS = {"en": ["info", "contact", "sales", "support", "orders", "hello"],
              "es": ["ventas", "contacto", "info"], "pt": ["vendas", "contato", "sac"],
              "de": ["kontakt", "info", "service"], "fr": ["contact", "info", "service.client"],
              "it": ["info", "vendite"], "nl": ["info", "klantenservice"], "pl": ["kontakt", "biuro"],
              "tr": ["info", "satis", "destek"], "ru": ["info", "zakaz", "sales"],
              "id": ["cs", "admin", "info"], "sv": ["kundtjanst", "info"], "fi": ["asiakaspalvelu", "info"]}
SUBDOMAIN_BITS = ["mail", "sales", "support", "corp", "in", "eu", "students", "alumni", "staff",
                  "billing", "mx", "br", "team"]
PLUS_TAGS = ["orders", "shop", "whatsapp", "promo", "amazon", "news", "work", "2024", "ml",
             "invoices", "tienda", "compras"]
IDN_DOMAINS = {
    "de": ["bücher.de", "müller-bau.de", "grüne-wiese.de", "bäckerei-schön.de"],
    "es": ["españa-viajes.es", "niño.com", "cañón.mx", "diseño.com.ar"],
    "pt": ["açaí.com.br", "pão-de-queijo.com.br", "coração.com.br"],
    "fr": ["café-paris.fr", "élégance.fr", "crème-brûlée.fr"],
    "ru": ["пример.рф", "почта.рф", "магазин.рф"],
    "zh": ["例子.中国", "公司.中国", "商店.cn"],
    "ja": ["例え.jp", "会社.jp", "お店.jp"],
    "ko": ["예시.한국", "회사.kr"],
    "ar": ["مثال.مصر", "متجر.السعودية", "شركة.امارات"],
    "th": ["ตัวอย่าง.ไทย", "ร้านค้า.ไทย"],
    "hi": ["उदाहरण.भारत", "दुकान.भारत"],
    "tr": ["çiçekçi.com.tr", "güneş.com.tr"],
    "pl": ["sklep-żółw.pl", "łódź-meble.pl"],
    "sv": ["blåbär.se", "smörgås.se"],
    "fi": ["kauppa-äiti.fi", "pääkonttori.fi"],
    "nl": ["café-de-reiger.nl"],
    "it": ["caffè-roma.it", "perché.it"],
    "vi": ["cửahàng.vn", "việtnam.vn"],
}
IDN_LOCALS = {
    "es": ["josé", "begoña", "ángel.garcía", "nuñez", "maría.josé"],
    "de": ["jürgen", "müller", "björn.schäfer", "günther"],
    "fr": ["hélène", "françois", "zoé.lefèvre", "jérôme"],
    "pt": ["joão", "conceição", "andré.gonçalves", "léa"],
    "zh": ["用户", "张伟", "客服", "王芳"],
    "ja": ["山田", "たなか", "さくら"],
    "ru": ["иван", "пользователь", "мария.петрова"],
    "ar": ["محمد", "علي", "فاطمة"],
    "hi": ["राहुल", "प्रिया"],
    "ko": ["김철수", "지민"],
    "th": ["สมชาย"],
    "tr": ["şükrü", "gül.yılmaz", "çağla"],
    "pl": ["łukasz", "zofia.wąs"],
    "sv": ["åsa", "björn"],
    "fi": ["jää", "päivi"],
    "it": ["niccolò", "mattè"],
}
LANG_BASE = {"hinglish": "hi", "roman_ur": "ur", "pcm": "en", "singlish": "en", "tl": "en",
             "af": "en", "sw": "en"}


def _ascii_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if ch.isascii() and (ch.isalnum() or ch in "._-"))
    return s.lower()


def email_ok(addr: str) -> bool:
    try:
        validate_email(addr, check_deliverability=False)
        return True
    except Exception:
        return False


def gen_email(rng, region: str, lang: str, fk, names) -> str:
    base_lang = LANG_BASE.get(lang, lang)
    for _ in range(50):
        style = wchoice(rng, [("plain", 48), ("plus", 10), ("sub", 8), ("upper", 8), ("biz", 12),
                              ("idn_dom", 7), ("idn_local", 7)])
        first, last = _ascii_name(rng.choice(names[0])), _ascii_name(rng.choice(names[1]))
        if not first:
            first = _ascii_name(fk.user_name()) or "user"
        if not last:
            last = _ascii_name(fk.last_name()) or "x"
        local = wchoice(rng, [(f"{first}.{last}", 4), (f"{first}{last}", 2), (f"{first[0]}{last}", 2),
                              (f"{first}_{last}", 1), (f"{first}{rng.randint(1, 99)}", 2),
                              (f"{first}.{last}{rng.randint(70, 99)}", 1), (fk.user_name(), 2)])
        local = re.sub(r"[^a-z0-9._+-]", "", local.lower()).strip(".") or "user"
        local = re.sub(r"\.{2,}", ".", local)
        domain = rng.choice(FREE_DOMAINS[region])
        if style == "plus":
            local = f"{local}+{rng.choice(PLUS_TAGS)}"
        elif style == "sub":
            word = rng.choice(BIZ_WORDS)
            domain = f"{rng.choice(SUBDOMAIN_BITS)}.{last or word}{rng.choice(['', '-' + word])}.{CC_TLD[region]}"
        elif style == "biz":
            local = rng.choice(BIZ_LOCALS.get(base_lang, BIZ_LOCALS["en"]) + [first, local])
            domain = f"{last}-{rng.choice(BIZ_WORDS)}.{rng.choice([CC_TLD[region], 'com', 'net'])}"
        elif style == "upper":
            if rng.random() < 0.3:
                local, domain = local.upper(), domain.upper()
            else:
                local = ".".join(p[:1].upper() + p[1:] for p in local.split("."))
                domain = domain[:1].upper() + domain[1:]
        elif style == "idn_dom":
            domain = rng.choice(IDN_DOMAINS.get(base_lang) or IDN_DOMAINS["de"])
        elif style == "idn_local":
            local = rng.choice(IDN_LOCALS.get(base_lang) or IDN_LOCALS["es"])
            if rng.random() < 0.5 and base_lang in IDN_DOMAINS:
                domain = rng.choice(IDN_DOMAINS[base_lang])
        addr = f"{local}@{domain}"
        if email_ok(addr) and len(addr) <= 60:
            return addr
    raise RuntimeError("no valid e-mail")


def render_email(rng, region, lang, fk, names, at_end=True):
    addr = gen_email(rng, region, lang, fk, names)
    wrap = wchoice(rng, [("plain", 70), ("angle", 8), ("mailto", 6), ("paren", 5), ("name_angle", 5)])
    trail = wchoice(rng, [("", 70), (".", 12), (",", 8), ("!", 5), ("?", 2)]) if at_end else ""
    if wrap == "angle":
        return [("<", None), L("email", addr), (">" + trail, None)]
    if wrap == "mailto":
        return [("mailto:", None), L("email", addr), (trail, None)]
    if wrap == "paren":
        return [("(", None), L("email", addr), (")" + trail, None)]
    if wrap == "name_angle":
        nm = rng.choice(names[0])
        return [(f"{nm} <", None), L("email", addr), (">" + trail, None)]
    return [L("email", addr), (trail, None)]


# ---------------------------------------------------------------------------
# payment cards, IBANs, IP addresses
# ---------------------------------------------------------------------------

# (brand, IIN prefixes, lengths) -- real issuer ranges
CARD_BRANDS = {
    "visa": (["4"], [16, 16, 16, 16, 13, 19]),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2310", "2520", "2720"], [16]),
    "amex": (["34", "37"], [15]),
    "discover": (["6011", "644", "645", "649", "65"], [16, 16, 19]),
    "jcb": (["3528", "3530", "3566", "3589"], [16]),
    "unionpay": (["62", "621", "622", "6250"], [16, 16, 17, 18, 19]),
    "rupay": (["60", "6521", "6522", "508", "817", "820"], [16]),
    "maestro": (["5018", "5020", "5038", "6304", "6759", "6761", "6762", "6763"], [16, 18, 19]),
    "mir": (["2200", "2201", "2202", "2203", "2204"], [16]),
    "troy": (["9792"], [16]),
}
REGION_CARDS = {"IN": ["rupay", "visa", "mastercard"], "CN": ["unionpay", "visa"],
                "JP": ["jcb", "visa", "mastercard"], "RU": ["mir", "visa", "mastercard"],
                "TR": ["troy", "visa", "mastercard"], "US": ["visa", "mastercard", "amex", "discover"]}


def gen_card(rng, region):
    brands = REGION_CARDS.get(region, ["visa", "mastercard", "amex", "maestro", "visa", "mastercard"])
    if rng.random() < 0.25:
        brands = list(CARD_BRANDS)
    brand = rng.choice(brands)
    prefixes, lengths = CARD_BRANDS[brand]
    pre = rng.choice(prefixes)
    n = rng.choice(lengths)
    body = pre + rdigits(rng, n - len(pre) - 1)
    num = body + stdnum.luhn.calc_check_digit(body)
    assert stdnum.luhn.is_valid(num) and len(num) == n
    return brand, num


def group_card(rng, num, sep=None):
    if sep is None:
        sep = wchoice(rng, [(" ", 55), ("-", 15), ("", 30)])
    n = len(num)
    if n == 15:
        groups = [4, 6, 5]
    elif n == 14:
        groups = [4, 6, 4]
    elif n == 19 and rng.random() < 0.4:
        groups = [6, 13]
    else:
        groups = [4] * (n // 4) + ([n % 4] if n % 4 else [])
    out, i = [], 0
    for g in groups:
        out.append(num[i:i + g])
        i += g
    return sep.join(out)


def render_card(rng, region):
    _, num = gen_card(rng, region)
    return [L("credit_card", group_card(rng, num))]


IBAN_COUNTRIES = ["DE", "FR", "ES", "IT", "NL", "GB", "PL", "TR", "BR", "SA", "AE", "EG", "PK",
                  "BE", "AT", "CH", "PT", "IE", "SE", "FI", "NO", "DK", "LU", "GR", "RO", "CZ",
                  "HU", "HR", "KW", "QA", "IL", "UA"]
IBAN_HOME = {"DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT", "NL": "NL", "GB": "GB", "PL": "PL",
             "TR": "TR", "BR": "BR", "SA": "SA", "AE": "AE", "EG": "EG", "PK": "PK", "SE": "SE",
             "FI": "FI"}
_IBAN_STRUCT: dict[str, list] = {}


def _iban_struct(cc):
    if cc not in _IBAN_STRUCT:
        import stdnum.iban as si
        info = si._ibandb.info(cc + "00")[0][1]
        spec = info.get("bban", "")
        _IBAN_STRUCT[cc] = [(int(n), t) for n, t in re.findall(r"(\d+)!([nac])", spec)]
    return _IBAN_STRUCT[cc]


def gen_iban(rng, region):
    cc = IBAN_HOME.get(region) if rng.random() < 0.75 else None
    cc = cc or rng.choice(IBAN_COUNTRIES)
    struct = _iban_struct(cc)
    for _ in range(5000):
        bban = []
        for n, t in struct:
            if t == "n":
                bban.append(rdigits(rng, n))
            elif t == "a":
                bban.append("".join(rng.choice(UPPER) for _ in range(n)))
            else:  # alphanumeric: mostly digits in practice
                bban.append("".join(rng.choice(UPPER) if rng.random() < 0.05 else rng.choice("0123456789")
                                    for _ in range(n)))
        bban = "".join(bban)
        check = stdnum.iban.calc_check_digits(cc + "00" + bban)
        iban = cc + check + bban
        if stdnum.iban.is_valid(iban):
            return iban
    raise RuntimeError("no IBAN for " + cc)


def format_iban(rng, iban):
    v = wchoice(rng, [("group", 60), ("compact", 25), ("lower_group", 5), ("lower", 4), ("dash", 2),
                      ("mixed", 4)])
    if v == "group":
        return stdnum.iban.format(iban)
    if v == "lower_group":
        return stdnum.iban.format(iban).lower()
    if v == "lower":
        return iban.lower()
    if v == "dash":
        return stdnum.iban.format(iban, "-")
    if v == "mixed":
        return iban[:2].capitalize() + stdnum.iban.format(iban)[2:]
    return iban


def render_iban(rng, region):
    return [L("iban", format_iban(rng, gen_iban(rng, region)))]


def gen_ipv4(rng):
    kind = wchoice(rng, [("public", 65), ("p192", 15), ("p10", 10), ("p172", 5), ("cgnat", 5)])
    if kind == "p192":
        return f"192.168.{rng.choice([0, 1, 1, 1, 2, 10, 100])}.{rng.randint(1, 254)}"
    if kind == "p10":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "p172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "cgnat":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    while True:
        a = rng.randint(1, 223)
        if a in (10, 127, 100, 169, 172, 192, 0):
            continue
        return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def gen_ipv6(rng):
    import ipaddress
    prefix = rng.choice(["2001:db8", "2400:cb00", "2a02:26f0", "2806:2f0", "2405:201", "2c0f:fb50",
                         "2001:4860", "2a00:1450", "fe80:0", "2804:14c", "240e:3a1", "2001:ee0"])
    groups = [int(g, 16) for g in prefix.split(":")]
    while len(groups) < 8:
        groups.append(0 if rng.random() < 0.3 else rng.randint(0, 0xFFFF))
    if prefix.startswith("fe80"):
        groups[1:4] = [0, 0, 0]
    addr = ipaddress.IPv6Address(":".join("%x" % g for g in groups))
    v = wchoice(rng, [("rfc5952", 60), ("exploded", 14), ("upper", 10), ("nozero", 10), ("mapped", 6)])
    if v == "exploded":
        return addr.exploded
    if v == "upper":
        return addr.compressed.upper()
    if v == "nozero":
        return ":".join("%x" % g for g in groups)
    if v == "mapped":
        return "::ffff:" + gen_ipv4(rng)
    return addr.compressed


def ip_ok(s):
    import ipaddress
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


def render_ip(rng, region):
    if rng.random() < 0.65:
        ip = gen_ipv4(rng)
        assert ip_ok(ip)
        v = wchoice(rng, [("plain", 85), ("port", 15)])
        if v == "port":
            return [L("ip_address", ip), (":" + str(rng.choice([80, 443, 8080, 3389, 22, 5060])), None)]
        return [L("ip_address", ip)]
    ip = gen_ipv6(rng)
    assert ip_ok(ip)
    if rng.random() < 0.1:
        return [("[", None), L("ip_address", ip), ("]:" + str(rng.choice([443, 8443])), None)]
    return [L("ip_address", ip)]


# ---------------------------------------------------------------------------
# national identifiers
# ---------------------------------------------------------------------------

def _date(rng, y0=1950, y1=2005):
    import datetime
    d = datetime.date(y0, 1, 1) + datetime.timedelta(days=rng.randint(0, (y1 - y0) * 365))
    return d


def _strip(s):
    return re.sub(r"[\s.\-/]", "", s)


def _spaced(s, groups, sep=" "):
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    return sep.join(out)


def g_us_ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        s = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
        if stdnum.us_ssn.is_valid(s):
            return s


def g_us_itin(rng):
    grp = rng.choice([x for x in range(70, 100) if x not in (89, 93)])  # the groups stdnum accepts
    return "9%s%02d%s" % (rdigits(rng, 2), grp, rdigits(rng, 4))


def g_br_cpf(rng):
    while True:
        b = rdigits(rng, 9)
        if len(set(b)) > 1:
            return b + stdnum.br_cpf._calc_check_digits(b)


def g_br_cnpj(rng):
    b = rdigits(rng, 8, True) + rng.choice(["0001", "0001", "0002"])
    return b + stdnum.br_cnpj.calc_check_digits(b)


def g_in_aadhaar(rng):
    while True:
        b = rng.choice("23456789") + rdigits(rng, 10)
        n = b + stdnum.verhoeff.calc_check_digit(b)
        if stdnum.in_aadhaar.is_valid(n):
            return n


def g_in_pan(rng):
    while True:
        n = ("".join(rng.choice(UPPER) for _ in range(3)) + ("P" if rng.random() < 0.85 else rng.choice("CHFATB"))
             + rng.choice(UPPER) + rdigits(rng, 4) + rng.choice(UPPER))
        if stdnum.in_pan.is_valid(n):
            return n


MX_STATES = "AS BC BS CC CS CH CL CM DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS".split()


def g_mx_curp(rng):
    while True:
        d = _date(rng, 1950, 2006)
        n = (rng.choice(UPPER) + rng.choice(VOWELS) + rng.choice(UPPER) + rng.choice(UPPER)
             + d.strftime("%y%m%d") + rng.choice("HM") + rng.choice(MX_STATES)
             + "".join(rng.choice(CONSONANTS) for _ in range(3))
             + (rng.choice("0123456789") if d.year < 2000 else rng.choice(UPPER)))
        n += stdnum.mx_curp.calc_check_digit(n)
        if stdnum.mx_curp.is_valid(n):
            return n


def g_mx_rfc(rng):
    while True:
        d = _date(rng, 1950, 2004)
        n = (rng.choice(UPPER) + rng.choice(VOWELS) + rng.choice(UPPER) + rng.choice(UPPER)
             + d.strftime("%y%m%d") + rng.choice("123456789ABCDEFGHIJKLMNPRSTUV")
             + rng.choice("123456789ABCDEFGHIJKLMNPRSTUVWXYZ"))
        n += stdnum.mx_rfc.calc_check_digit(n)
        if stdnum.mx_rfc.is_valid(n, validate_check_digits=True):
            return n


def g_es_nif(rng):
    b = rdigits(rng, 8)
    return b + stdnum.es_dni.calc_check_digit(b)


def g_es_nie(rng):
    b = rng.choice("XYZ") + rdigits(rng, 7)
    return b + stdnum.es_nie.calc_check_digit(b)


def g_it_fiscal_code(rng):
    while True:
        d = _date(rng, 1940, 2005)
        day = d.day + (40 if rng.random() < 0.5 else 0)
        n = ("".join(rng.choice(CONSONANTS) for _ in range(3)) + "".join(rng.choice(UPPER) for _ in range(3))
             + d.strftime("%y") + "ABCDEHLMPRST"[d.month - 1] + "%02d" % day
             + rng.choice("ABCDEFGHILMZ") + rdigits(rng, 3))
        n += stdnum.it_codicefiscale.calc_check_digit(n)
        if stdnum.it_codicefiscale.is_valid(n):
            return n


def g_pl_pesel(rng):
    d = _date(rng, 1940, 2008)
    mm = d.month + (20 if d.year >= 2000 else 0)
    b = "%s%02d%02d%s" % (d.strftime("%y"), mm, d.day, rdigits(rng, 4))
    return b + stdnum.pl_pesel.calc_check_digit(b)


def g_nl_bsn(rng):
    while True:
        b = rng.choice("123456") + rdigits(rng, 7)
        for last in "0123456789":
            if stdnum.nl_bsn.is_valid(b + last):
                return b + last


def g_fr_nir(rng):
    while True:
        d = _date(rng, 1940, 2005)
        dept = "%02d" % rng.choice([x for x in range(1, 96) if x != 20])
        b = "%s%s%02d%s%03d%03d" % (rng.choice("12"), d.strftime("%y"), d.month, dept,
                                    rng.randint(1, 990), rng.randint(1, 999))
        n = b + stdnum.fr_nir.calc_check_digits(b)
        if stdnum.fr_nir.is_valid(n):
            return n


def g_de_tax_id(rng):
    while True:
        b = rng.choice("123456789") + rdigits(rng, 9)
        counts = sorted((b.count(c) for c in set(b)), reverse=True)
        if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
            continue
        n = b + stdnum.mod_11_10.calc_check_digit(b)
        if _de_idnr_valid(n):
            return n


def _de_idnr_valid(s):
    """stdnum's check plus the BZSt rule stdnum lacks: a digit that occurs
    three times in the first ten may not stand in three consecutive places."""
    s = _strip(s)
    return stdnum.de_idnr.is_valid(s) and not any(
        s[i] == s[i + 1] == s[i + 2] for i in range(8))


# GB National Insurance number: no stdnum module; structure per HMRC's published rules
# (first letter not D F I Q U V, second not D F I O Q U V, some prefixes never issued,
# suffix A-D). There is no check digit.
NINO_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(s):
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", s):
        return False
    return (s[0] not in "DFIQUV" and s[1] not in "DFIOQUV" and s[:2] not in NINO_BAD_PREFIX)


def g_gb_nino(rng):
    while True:
        n = rng.choice(UPPER) + rng.choice(UPPER) + rdigits(rng, 6) + rng.choice("ABCD")
        if nino_ok(n):
            return n


def g_gb_nhs(rng):
    while True:
        n = rng.choice("3456789") + rdigits(rng, 9)
        if stdnum.gb_nhs.is_valid(n):
            return n
        for last in "0123456789":
            if stdnum.gb_nhs.is_valid(n[:9] + last):
                return n[:9] + last


def g_ca_sin(rng):
    b = rng.choice("1234567") + rdigits(rng, 7)
    return b + stdnum.luhn.calc_check_digit(b)


CN_AREAS = ["110101", "110105", "110108", "310101", "310104", "310115", "440103", "440106",
            "440305", "440306", "330106", "330108", "510104", "510107", "320102", "320106",
            "420106", "420111", "500103", "610113", "370102", "210102", "350203", "430104"]


def g_cn_resident_id(rng):
    while True:
        d = _date(rng, 1950, 2005)
        b = rng.choice(CN_AREAS) + d.strftime("%Y%m%d") + rdigits(rng, 3)
        n = b + stdnum.cn_ric.calc_check_digit(b + "0")
        if stdnum.cn_ric.is_valid(n):
            return n


def g_kr_rrn(rng):
    while True:
        d = _date(rng, 1950, 2008)
        g = rng.choice("12") if d.year < 2000 else rng.choice("34")
        b = d.strftime("%y%m%d") + g + "%02d" % rng.randint(0, 96) + rdigits(rng, 3)
        n = b + stdnum.kr_rrn.calc_check_digit(b)
        if stdnum.kr_rrn.is_valid(n):
            return n


def g_za_id(rng):
    while True:
        d = _date(rng, 1950, 2005)
        b = d.strftime("%y%m%d") + rdigits(rng, 4) + rng.choice("001") + "8"
        n = b + stdnum.luhn.calc_check_digit(b)
        if stdnum.za_idnr.is_valid(n):
            return n


def g_tr_tckn(rng):
    b = rng.choice("123456789") + rdigits(rng, 8)
    return b + stdnum.tr_tckimlik.calc_check_digits(b)


def g_se_personnummer(rng):
    while True:
        d = _date(rng, 1945, 2005)
        b = d.strftime("%y%m%d") + rdigits(rng, 3)
        n = b + stdnum.luhn.calc_check_digit(b)
        if stdnum.se_personnummer.is_valid(n[:6] + "-" + n[6:]):
            return d.strftime("%Y")[:2] + n  # keep the century: YYYYMMDDNNNC


def g_fi_hetu(rng):
    while True:
        d = _date(rng, 1945, 2008)
        nnn = "%03d" % rng.randint(2, 899)
        sep = "-" if d.year < 2000 else "A"
        n = d.strftime("%d%m%y") + sep + nnn + stdnum.fi_hetu._calc_checksum(d.strftime("%d%m%y") + nnn)
        if stdnum.fi_hetu.is_valid(n):
            return n


def g_ar_cuit(rng):
    while True:
        b = rng.choice(["20", "20", "27", "27", "23", "24", "30"]) + "%08d" % rng.randint(10_000_000, 45_000_000)
        n = b + stdnum.ar_cuit.calc_check_digit(b)
        if len(n) == 11 and stdnum.ar_cuit.is_valid(n):
            return n


def g_cl_rut(rng):
    b = str(rng.randint(5_000_000, 26_000_000))
    return b + stdnum.cl_rut.calc_check_digit(b)


def g_co_nit(rng):
    while True:
        b = str(rng.randint(800_000_000, 901_999_999))
        n = b + stdnum.co_nit.calc_check_digit(b)
        if stdnum.co_nit.is_valid(n):
            return n


ID_AREAS = ["3171", "3172", "3173", "3174", "3273", "3578", "3374", "5171", "1271", "3471", "7371",
            "6471", "3201", "3216", "3515"]


def g_id_nik(rng):
    while True:
        d = _date(rng, 1960, 2005)
        dd = d.day + (40 if rng.random() < 0.5 else 0)
        n = rng.choice(ID_AREAS) + "%02d" % rng.randint(1, 12) + "%02d%s" % (dd, d.strftime("%m%y")) + "%04d" % rng.randint(1, 600)
        if stdnum.id_nik.is_valid(n):
            return n


# Nigerian NIN: 11 digits issued by NIMC; no public check digit and no stdnum module,
# so any 11-digit string not starting with 0 has the public structure.
def g_ng_nin(rng):
    return rng.choice("123456789") + rdigits(rng, 10)


def nin_ok(s):
    return bool(re.fullmatch(r"[1-9]\d{10}", s))


# Singapore NRIC/FIN: no stdnum module; the check letter follows the widely published
# weights 2 7 6 5 4 3 2 (+4 for T/G series) and the S/T and F/G letter tables.
def nric_check(prefix, digits):
    total = sum(int(d) * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2)))
    if prefix in "TG":
        total += 4
    table = "JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK"
    return table[total % 11]


def nric_ok(s):
    s = s.upper()
    return bool(re.fullmatch(r"[STFG]\d{7}[A-Z]", s)) and nric_check(s[0], s[1:8]) == s[8]


def g_sg_nric(rng):
    p = wchoice(rng, [("S", 6), ("T", 3), ("F", 1), ("G", 1)])
    d = rdigits(rng, 7)
    return p + d + nric_check(p, d)


def g_au_tfn(rng):
    while True:
        b = rng.choice("1234567") + rdigits(rng, 7)
        for last in "0123456789":
            if stdnum.au_tfn.is_valid(b + last):
                return b + last


# Australian Medicare card number: no stdnum module; 10 digits, first 2-6, the 9th is
# (d1*1 + d2*3 + d3*7 + d4*9 + d5*1 + d6*3 + d7*7 + d8*9) mod 10, the 10th the issue
# number (1-9), as publicly documented by Services Australia.
def medicare_ok(s):
    s = re.sub(r"\s", "", s)
    if not re.fullmatch(r"[2-6]\d{9}", s):
        return False
    chk = sum(int(d) * w for d, w in zip(s[:8], (1, 3, 7, 9, 1, 3, 7, 9))) % 10
    return chk == int(s[8]) and s[9] != "0"


def g_au_medicare(rng):
    b = rng.choice("23456") + rdigits(rng, 7)
    chk = sum(int(d) * w for d, w in zip(b, (1, 3, 7, 9, 1, 3, 7, 9))) % 10
    return b + str(chk) + rng.choice("123456789")


class IdKind:
    """gen: compact value; forms: [(formatter, weight, bare)]; valid: oracle on a
    written form; audit: regexes of written forms a matcher should report even
    without a keyword (the negative audit rejects any valid match)."""

    def __init__(self, name, region, gen, valid, forms, keywords, audit, weak=False):
        self.name, self.region, self.gen, self.valid = name, region, gen, valid
        self.forms, self.keywords, self.weak = forms, keywords, weak
        self.audit = [re.compile(r"(?<![\w.\-/])(?:%s)(?![\w]|[.\-/]\w)" % a) for a in audit]


def _v(mod, **kw):
    return lambda s: getattr(stdnum, mod).is_valid(_strip(s).upper(), **kw)


def _ident(s):
    return s


ID_KINDS = {k.name: k for k in [
    IdKind("us_ssn", "US", g_us_ssn, _v("us_ssn"),
           [(lambda s: _spaced(s, [3, 2, 4], "-"), 7, False), (lambda s: _spaced(s, [3, 2, 4]), 1, False),
            (_ident, 2, True)],
           ["SSN", "SSN:", "my SSN is", "social security #", "Social Security number", "SSN #"],
           [r"\d{3}-\d{2}-\d{4}", r"\d{3} \d{2} \d{4}"], weak=True),
    IdKind("us_itin", "US", g_us_itin, _v("us_itin"),
           [(lambda s: _spaced(s, [3, 2, 4], "-"), 8, False), (_ident, 2, True)],
           ["ITIN", "ITIN:", "my ITIN is", "ITIN #"], [r"9\d{2}-\d{2}-\d{4}"], weak=True),
    IdKind("br_cpf", "BR", g_br_cpf, _v("br_cpf"),
           [(lambda s: "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:]), 7, False), (_ident, 3, True),
            (lambda s: s[:9] + "-" + s[9:], 1, False)],
           ["CPF", "CPF:", "meu CPF é", "CPF nº", "cpf", "CPF do titular:"],
           [r"\d{3}\.\d{3}\.\d{3}-\d{2}", r"\d{11}", r"\d{9}-\d{2}"]),
    IdKind("br_cnpj", "BR", g_br_cnpj, _v("br_cnpj"),
           [(lambda s: "%s.%s.%s/%s-%s" % (s[:2], s[2:5], s[5:8], s[8:12], s[12:]), 7, False),
            (_ident, 3, True)],
           ["CNPJ", "CNPJ:", "CNPJ da empresa", "cnpj"], [r"\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}", r"\d{14}"]),
    IdKind("in_aadhaar", "IN", g_in_aadhaar, _v("in_aadhaar"),
           [(lambda s: _spaced(s, [4, 4, 4]), 6, False), (lambda s: _spaced(s, [4, 4, 4], "-"), 1, False),
            (_ident, 3, True)],
           ["Aadhaar", "Aadhaar no", "Aadhaar:", "aadhar number", "आधार नंबर", "Aadhaar card no.", "UID"],
           [r"[2-9]\d{3} \d{4} \d{4}", r"[2-9]\d{3}-\d{4}-\d{4}", r"[2-9]\d{11}"]),
    IdKind("in_pan", "IN", g_in_pan, _v("in_pan"), [(_ident, 1, False)],
           ["PAN", "PAN:", "PAN card", "pan no", "PAN number"], [r"[A-Z]{5}\d{4}[A-Z]"]),
    IdKind("mx_curp", "MX", g_mx_curp, _v("mx_curp"), [(_ident, 1, False)],
           ["CURP", "CURP:", "mi CURP es", "curp"], [r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d"]),
    IdKind("mx_rfc", "MX", g_mx_rfc, _v("mx_rfc", validate_check_digits=True), [(_ident, 1, False)],
           ["RFC", "RFC:", "RFC para factura", "mi RFC es"], [r"[A-Z&Ñ]{4}\d{6}[A-Z0-9]{3}"]),
    IdKind("es_nif", "ES", g_es_nif, _v("es_nif"),
           [(_ident, 7, False), (lambda s: s[:8] + "-" + s[8:], 2, False),
            (lambda s: "%s.%s.%s-%s" % (s[:2], s[2:5], s[5:8], s[8:]), 1, False)],
           ["DNI", "DNI:", "NIF", "mi DNI es", "DNI nº"], [r"\d{8}-?[A-Z]", r"\d{2}\.\d{3}\.\d{3}-?[A-Z]"]),
    IdKind("es_nie", "ES", g_es_nie, _v("es_nie"),
           [(_ident, 7, False), (lambda s: "%s-%s-%s" % (s[0], s[1:8], s[8]), 3, False)],
           ["NIE", "NIE:", "mi NIE es", "NIE nº"], [r"[XYZ]-?\d{7}-?[A-Z]"]),
    IdKind("it_fiscal_code", "IT", g_it_fiscal_code, _v("it_codicefiscale"), [(_ident, 1, False)],
           ["codice fiscale", "CF", "C.F.", "cod. fiscale", "codice fiscale:"],
           [r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]"]),
    IdKind("pl_pesel", "PL", g_pl_pesel, _v("pl_pesel"), [(_ident, 1, True)],
           ["PESEL", "PESEL:", "nr PESEL", "mój PESEL to", "PESEL nr"], [r"\d{11}"], weak=True),
    IdKind("nl_bsn", "NL", g_nl_bsn, _v("nl_bsn"),
           [(_ident, 8, True), (lambda s: "%s.%s.%s" % (s[:4], s[4:6], s[6:]), 2, False)],
           ["BSN", "BSN:", "burgerservicenummer", "mijn BSN is", "BSN-nummer"], [r"\d{4}\.\d{2}\.\d{3}"],
           weak=True),
    IdKind("fr_nir", "FR", g_fr_nir, _v("fr_nir"),
           [(lambda s: _spaced(s, [1, 2, 2, 2, 3, 3, 2]), 6, False), (_ident, 4, True)],
           ["n° de sécu", "numéro de sécurité sociale", "NIR", "n° SS", "numéro de sécu :"],
           [r"[12] \d{2} \d{2} \d{2} \d{3} \d{3} \d{2}", r"[12]\d{14}"]),
    IdKind("de_tax_id", "DE", g_de_tax_id, _de_idnr_valid,
           [(lambda s: _spaced(s, [2, 3, 3, 3]), 4, False), (_ident, 6, True)],
           ["Steuer-ID", "Steuer-IdNr.", "Steueridentifikationsnummer", "IdNr", "Steuer-ID:"],
           [r"\d{2} \d{3} \d{3} \d{3}", r"[1-9]\d{10}"]),
    IdKind("gb_nino", "GB", g_gb_nino, nino_ok,
           [(lambda s: "%s %s %s %s %s" % (s[:2], s[2:4], s[4:6], s[6:8], s[8]), 5, False), (_ident, 5, False)],
           ["NI number", "NINO", "National Insurance no", "NI no.", "NI number:"],
           [r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]"]),
    IdKind("gb_nhs", "GB", g_gb_nhs, _v("gb_nhs"),
           [(lambda s: _spaced(s, [3, 3, 4]), 7, False), (_ident, 3, True)],
           ["NHS number", "NHS no", "NHS no.", "NHS number:"], [r"\d{3} \d{3} \d{4}"], weak=True),
    IdKind("ca_sin", "CA", g_ca_sin, _v("ca_sin"),
           [(lambda s: _spaced(s, [3, 3, 3]), 5, False), (lambda s: _spaced(s, [3, 3, 3], "-"), 3, False),
            (_ident, 2, True)],
           ["SIN", "SIN:", "social insurance number", "NAS", "my SIN is"], [r"\d{3}[ -]\d{3}[ -]\d{3}"],
           weak=True),
    IdKind("cn_resident_id", "CN", g_cn_resident_id, _v("cn_ric"), [(_ident, 1, True)],
           ["身份证号", "身份证", "身份证号码：", "身份证号："], [r"\d{17}[\dX]"]),
    IdKind("kr_rrn", "KR", g_kr_rrn, _v("kr_rrn"),
           [(lambda s: s[:6] + "-" + s[6:], 8, False), (_ident, 2, True)],
           ["주민등록번호", "주민번호", "주민등록번호:"], [r"\d{6}-\d{7}", r"\d{13}"]),
    IdKind("za_id", "ZA", g_za_id, _v("za_idnr"),
           [(_ident, 8, True), (lambda s: _spaced(s, [6, 4, 3]), 2, False)],
           ["ID number", "ID no", "SA ID", "ID no:"], [r"\d{13}", r"\d{6} \d{4} \d{3}"]),
    IdKind("tr_tckn", "TR", g_tr_tckn, _v("tr_tckimlik"), [(_ident, 1, True)],
           ["TC kimlik no", "TCKN", "T.C. kimlik numaram", "TC no", "TC:"], [r"[1-9]\d{10}"]),
    IdKind("se_personnummer", "SE", g_se_personnummer, _v("se_personnummer"),
           [(lambda s: s[2:8] + "-" + s[8:], 6, False), (lambda s: s[:8] + "-" + s[8:], 3, False),
            (lambda s: s[2:], 1, True)],
           ["personnummer", "pnr", "mitt personnummer är", "personnummer:"],
           [r"(?:19|20)?\d{6}[-+]\d{4}", r"(?:19|20)\d{10}"]),
    IdKind("fi_hetu", "FI", g_fi_hetu, lambda s: stdnum.fi_hetu.is_valid(s.strip().upper()), [(_ident, 1, False)],
           ["henkilötunnus", "hetu", "HETU", "henkilötunnukseni on"], [r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]"]),
    IdKind("ar_cuit", "AR", g_ar_cuit, _v("ar_cuit"),
           [(lambda s: "%s-%s-%s" % (s[:2], s[2:10], s[10]), 7, False), (_ident, 3, True)],
           ["CUIT", "CUIL", "CUIT:", "mi CUIL es", "CUIT nro"], [r"\d{2}-\d{8}-\d"]),
    IdKind("cl_rut", "CL", g_cl_rut, _v("cl_rut"),
           [(lambda s: "{:,}".format(int(s[:-1])).replace(",", ".") + "-" + s[-1], 7, False),
            (lambda s: s[:-1] + "-" + s[-1], 3, False)],
           ["RUT", "RUT:", "mi RUT es", "rut", "RUN"], [r"\d{1,2}\.\d{3}\.\d{3}-[\dkK]", r"\d{7,8}-[\dkK]"],
           weak=True),
    IdKind("co_nit", "CO", g_co_nit, _v("co_nit"),
           [(lambda s: "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:]), 6, False),
            (lambda s: s[:-1] + "-" + s[-1], 4, False)],
           ["NIT", "NIT:", "NIT de la empresa", "nit"], [r"\d{3}\.\d{3}\.\d{3}-\d", r"\d{9}-\d"], weak=True),
    IdKind("id_nik", "ID", g_id_nik, _v("id_nik"), [(_ident, 1, True)],
           ["NIK", "NIK:", "NIK KTP", "no KTP", "nomor KTP"], [r"\d{16}"]),
    IdKind("ng_nin", "NG", g_ng_nin, nin_ok, [(_ident, 1, True)],
           ["NIN", "NIN:", "my NIN is", "NIN number", "NIN no"], [], weak=True),
    IdKind("sg_nric", "SG", g_sg_nric, nric_ok, [(_ident, 1, False)],
           ["NRIC", "NRIC:", "IC no", "my IC is", "FIN", "NRIC no."], [r"[STFG]\d{7}[A-Z]"]),
    IdKind("au_tfn", "AU", g_au_tfn, _v("au_tfn"),
           [(lambda s: _spaced(s, [3, 3, 3]), 7, False), (_ident, 3, True)],
           ["TFN", "TFN:", "tax file number", "my TFN is"], [r"\d{3} \d{3} \d{3}"], weak=True),
    IdKind("au_medicare", "AU", g_au_medicare, medicare_ok,
           [(lambda s: _spaced(s, [4, 5, 1]), 8, False), (_ident, 2, True)],
           ["Medicare", "Medicare no", "Medicare card", "Medicare number"], [r"[2-6]\d{3} \d{5} \d"],
           weak=True),
]}

# ---------------------------------------------------------------------------
# Identifiers of the WhatsApp-commerce markets (issue 13; engineer "ids").
# Oracles: python-stdnum where it has the scheme (in_.gstin, in_.epic, in_.vid,
# pk.cnic, id.npwp, my.nric, th.pin, ke.pin); otherwise the published layout,
# written out below. Malaysia is not a corpus region: MyKad numbers appear in
# Singapore chats (where many Malaysians work), mostly in their dashed form.
# ---------------------------------------------------------------------------

def _sn(mod):
    import importlib
    return importlib.import_module("stdnum." + mod)


def _sn_valid(mod):
    return lambda s: _sn(mod).is_valid(_strip(s).upper())


GSTIN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def g_in_gstin(rng):
    gst, pan = _sn("in_.gstin"), _sn("in_.pan")
    state = rng.choice(sorted(gst._STATE_CODES))
    up = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    p = "".join(rng.choice(up) for _ in range(3)) + rng.choice(sorted(pan._pan_holder_types))
    p += rng.choice(up) + "%04d" % rng.randint(1, 9999) + rng.choice(up)
    body = state + p + rng.choice(GSTIN_ALPHABET[1:10] + "A") + "Z"
    return body + _sn("luhn").calc_check_digit(body, GSTIN_ALPHABET)


def g_in_voter_id(rng):
    body = rdigits(rng, 6)
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3)) + body + \
        _sn("luhn").calc_check_digit(body)


# Indian passport: a letter and seven digits; no published check digit.
def in_passport_ok(s):
    return bool(re.fullmatch(r"[A-Z]\d{7}", s)) and s[1:] != "0000000"


def g_in_passport(rng):
    return rng.choice("ABCDEFGHJKLMNPRSTUVWYZ") + rdigits(rng, 7, first_nonzero=True)


def g_in_vid(rng):
    while True:
        body = rng.choice("23456789") + rdigits(rng, 14)
        v = body + _sn("verhoeff").calc_check_digit(body)
        if _sn("in_.vid").is_valid(v):
            return v


# Mexican CLABE (Banco de México): bank code of a SPEI participant, plaza, account,
# check digit = (10 - sum(d_i * (3,7,1)_i mod 10) mod 10) mod 10; no stdnum module.
CLABE_BANKS = ["002", "012", "014", "021", "030", "036", "044", "058", "072", "127", "137", "638", "646",
               "722"]


def _clabe_check(b):
    return str((10 - sum(int(d) * (3, 7, 1)[i % 3] % 10 for i, d in enumerate(b)) % 10) % 10)


def clabe_ok(s):
    s = _strip(s)
    return bool(re.fullmatch(r"\d{18}", s)) and _clabe_bank_ok(s[:3]) and _clabe_check(s[:17]) == s[17]


def _clabe_bank_ok(b):
    n = int(b)
    return b in CLABE_BANKS or 600 <= n <= 799 or n in (2, 6, 9, 19, 42, 59, 60, 62, 106, 113, 130, 136)


def g_mx_clabe(rng):
    b = rng.choice(CLABE_BANKS) + "%03d" % rng.randint(1, 999) + rdigits(rng, 11)
    return b + _clabe_check(b)


# Nigerian BVN: 11 digits (NIBSS), no public check digit; shares its form with the NIN,
# so it is always written after its keyword.
def g_ng_bvn(rng):
    return "22" + rdigits(rng, 9)


def g_pk_cnic(rng):
    return rng.choice("1234567") + rdigits(rng, 11) + rng.choice("123456789")


def g_id_npwp(rng):
    body = rdigits(rng, 8, first_nonzero=False)
    return body + _sn("luhn").calc_check_digit(body) + rdigits(rng, 3) + "000"


def g_my_nric(rng):
    places = ["01", "02", "05", "07", "08", "10", "12", "13", "14", "41", "43", "56", "71"]
    while True:
        d = _date(rng, 1960, 2005)
        v = d.strftime("%y%m%d") + rng.choice(places) + rdigits(rng, 4)
        if _sn("my.nric").is_valid(v):
            return v


def g_th_id(rng):
    body = rng.choice("12345678") + rdigits(rng, 11)
    return body + _sn("th.pin").calc_check_digit(body)


def g_ke_kra_pin(rng):
    return rng.choice("AP") + rdigits(rng, 9) + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")


def _luhn_complete(body):
    return body + _sn("luhn").calc_check_digit(body)


# UAE Emirates ID (ICP): 784, birth year, 7-digit serial, Luhn; no stdnum module.
def emirates_id_ok(s):
    s = _strip(s)
    return bool(re.fullmatch(r"784(19|20)\d{10}", s)) and _sn("luhn").is_valid(s)


def g_ae_emirates_id(rng):
    return _luhn_complete("784" + str(rng.randint(1955, 2008)) + rdigits(rng, 7))


# Saudi national ID / iqama: 1 (citizen) or 2 (resident), 8 digits, Luhn; no stdnum module.
def sa_id_ok(s):
    return bool(re.fullmatch(r"[12]\d{9}", s)) and _sn("luhn").is_valid(s)


def g_sa_national_id(rng):
    return _luhn_complete(rng.choice("12") + rdigits(rng, 8))


# Egyptian national ID: century (2/3), birth date YYMMDD, governorate, 4-digit sequence,
# check digit (formula unpublished); no stdnum module.
EG_GOVERNORATES = ["01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
                   "22", "23", "24", "25", "26", "27", "28", "29", "31", "32", "33", "34", "35", "88"]


def eg_id_ok(s):
    import datetime
    if not re.fullmatch(r"[23]\d{13}", s) or s[7:9] not in EG_GOVERNORATES:
        return False
    try:
        datetime.date((1900 if s[0] == "2" else 2000) + int(s[1:3]), int(s[3:5]), int(s[5:7]))
    except ValueError:
        return False
    return True


def g_eg_national_id(rng):
    d = _date(rng, 1950, 2005)
    c = "2" if d.year < 2000 else "3"
    return c + d.strftime("%y%m%d") + rng.choice(EG_GOVERNORATES) + rdigits(rng, 5)


# Vietnamese CCCD (Circular 07/2016/TT-BCA): province code, century/sex digit 0-3,
# birth year, 6 random digits; no stdnum module.
VN_PROVINCES = ["001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
                "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
                "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
                "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
                "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"]


def cccd_ok(s):
    return bool(re.fullmatch(r"\d{12}", s)) and s[:3] in VN_PROVINCES and s[3] in "0123"


def g_vn_cccd(rng):
    y = rng.randint(1950, 2006)
    sex = rng.randint(0, 1) + (0 if y < 2000 else 2)
    return rng.choice(VN_PROVINCES) + str(sex) + "%02d" % (y % 100) + rdigits(rng, 6)


def issue13_id_kinds():
    return [
        IdKind("in_gstin", "IN", g_in_gstin, _sn_valid("in_.gstin"), [(_ident, 1, False)],
               ["GSTIN", "GSTIN:", "GST no", "GST number", "our GSTIN is", "जीएसटी नंबर"],
               [r"\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z]"]),
        IdKind("in_voter_id", "IN", g_in_voter_id, _sn_valid("in_.epic"), [(_ident, 1, True)],
               ["voter ID", "Voter ID:", "EPIC no", "voter card no", "मतदाता पहचान पत्र"],
               [r"[A-Z]{3}\d{7}"]),
        IdKind("in_passport", "IN", g_in_passport, in_passport_ok, [(_ident, 1, True)],
               ["passport no", "Passport No.", "passport number", "पासपोर्ट नंबर", "Passport:"], [],
               weak=True),
        IdKind("in_vid", "IN", g_in_vid, _sn_valid("in_.vid"),
               [(lambda s: _spaced(s, [4, 4, 4, 4]), 6, True), (_ident, 4, True)],
               ["VID", "VID:", "Aadhaar VID", "virtual ID", "VID no"], [], weak=True),
        IdKind("mx_clabe", "MX", g_mx_clabe, clabe_ok,
               [(_ident, 8, True), (lambda s: _spaced(s, [3, 3, 11, 1]), 2, False)],
               ["CLABE", "CLABE:", "cuenta CLABE", "mi CLABE es", "CLABE interbancaria"],
               [r"\d{18}", r"\d{3} \d{3} \d{11} \d"]),
        IdKind("ng_bvn", "NG", g_ng_bvn, nin_ok, [(_ident, 1, True)],
               ["BVN", "BVN:", "my BVN is", "BVN number", "bank verification number"], [],
               weak=True),
        IdKind("pk_cnic", "PK", g_pk_cnic, _sn_valid("pk.cnic"),
               [(lambda s: "%s-%s-%s" % (s[:5], s[5:12], s[12]), 8, False), (_ident, 2, True)],
               ["CNIC", "CNIC:", "CNIC no", "mera CNIC", "شناختی کارڈ نمبر", "NIC"],
               [r"\d{5}-\d{7}-\d"]),
        IdKind("id_npwp", "ID", g_id_npwp, _sn_valid("id.npwp"),
               [(lambda s: "%s.%s.%s.%s-%s.%s" % (s[:2], s[2:5], s[5:8], s[8], s[9:12], s[12:]), 7, False),
                (_ident, 3, True)],
               ["NPWP", "NPWP:", "no NPWP", "NPWP saya", "nomor NPWP"],
               [r"\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}"]),
        IdKind("my_nric", "SG", g_my_nric, _sn_valid("my.nric"),
               [(lambda s: "%s-%s-%s" % (s[:6], s[6:8], s[8:]), 8, False), (_ident, 2, True)],
               ["MyKad", "MyKad:", "MyKad no", "no. KP", "Malaysian IC no"], [r"\d{6}-\d{2}-\d{4}"]),
        IdKind("th_id", "TH", g_th_id, _sn_valid("th.pin"),
               [(lambda s: "%s-%s-%s-%s-%s" % (s[0], s[1:5], s[5:10], s[10:12], s[12]), 6, False),
                (_ident, 4, True)],
               ["เลขบัตรประชาชน", "บัตรประชาชน", "เลขประจำตัวประชาชน", "Thai ID", "ID card no"],
               [r"[1-8]-\d{4}-\d{5}-\d{2}-\d", r"[1-8]\d{12}"]),
        IdKind("ke_kra_pin", "KE", g_ke_kra_pin, _sn_valid("ke.pin"), [(_ident, 1, False)],
               ["KRA PIN", "KRA PIN:", "KRA pin no", "my KRA PIN is", "PIN ya KRA"], [r"[AP]\d{9}[A-Z]"]),
        IdKind("ae_emirates_id", "AE", g_ae_emirates_id, emirates_id_ok,
               [(lambda s: "%s-%s-%s-%s" % (s[:3], s[3:7], s[7:14], s[14]), 7, False), (_ident, 3, True)],
               ["Emirates ID", "Emirates ID:", "EID", "رقم الهوية", "my Emirates ID no"],
               [r"784-\d{4}-\d{7}-\d", r"784\d{12}"]),
        IdKind("sa_national_id", "SA", g_sa_national_id, sa_id_ok, [(_ident, 1, True)],
               ["رقم الهوية", "رقم الهوية الوطنية", "iqama", "Iqama no", "رقم الإقامة", "national ID"],
               [r"[12]\d{9}"], weak=True),
        IdKind("eg_national_id", "EG", g_eg_national_id, eg_id_ok, [(_ident, 1, True)],
               ["الرقم القومي", "رقم قومي", "national ID", "الرقم القومي بتاعي"], [r"[23]\d{13}"],
               weak=True),
        IdKind("vn_cccd", "VN", g_vn_cccd, cccd_ok, [(_ident, 1, True)],
               ["CCCD", "số CCCD", "căn cước", "CCCD:", "số định danh"], [r"0\d{11}"], weak=True),
    ]


# Kinds written only after their keyword (they share their written form with another kind).
ALWAYS_KEYWORD = {"ng_bvn"}

ID_KINDS.update({k.name: k for k in issue13_id_kinds()})

REGION_IDS: dict[str, list[str]] = {}
for _k in ID_KINDS.values():
    REGION_IDS.setdefault(_k.region, []).append(_k.name)


POSSESSIVE_KW = re.compile(r"^(my|mi|meu|mój|mijn|mitt|mon|ma|meine?|il mio)\b|\b(is|es|é|to|är|on)$", re.I)
POSSESSIVE_END = re.compile(r"\b(my|mi|meu|mój|mijn|mitt|mon|ma|meine?|mio|mein|il mio|मेरा|我的|ini)\s*$", re.I)


def render_id(rng, kind_name, keyword_p=None, possessive_before=False):
    """Pieces for one national ID: maybe a keyword, then the labelled value."""
    k = ID_KINDS[kind_name]
    compact = k.gen(rng)
    fmt, _, bare = wchoice(rng, [((f, w, b), w) for f, w, b in k.forms])
    surface = fmt(compact)
    assert k.valid(surface), (kind_name, surface)
    if keyword_p is None:
        keyword_p = 0.9 if (bare or k.weak) else 0.6
    pieces = []
    if rng.random() < keyword_p:
        kws = k.keywords
        if possessive_before:  # "here is my" + "my TFN is" -> no
            kws = [w for w in kws if not POSSESSIVE_KW.search(w)] or kws
        kw = rng.choice(kws)
        sep = "" if kw.endswith(("：", ":")) and rng.random() < 0.3 else " "
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]$", kw) and rng.random() < 0.5:
            sep = ""
        pieces.append((kw + sep, None))
    pieces.append(L(kind_name, surface))
    return pieces


# ---------------------------------------------------------------------------
# languages: chat phrases.  Slots: {phone} {email} {card} {iban} {ip} {idfull}
# (labelled), {name} {product} and hard negatives {price} {date} {time} {order}
# {tracking} {otp} {version} {qty} {pct} {year} {postal} {sku} {bankref}
# {invoice} {ticket} {badcard} {badiban} {dotted} {address}.
# A language without some list falls back to English for it.
# ---------------------------------------------------------------------------

EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

LANGS = {
    "en": dict(
        greet=["Hi", "Hello", "Hey", "Hii", "Hi there", "Good morning", "Good evening", "Hello sir",
               "Hi team", "Hey {name}", "Hi {name}!", "Morning", "Dear sir/madam", "Hello 👋"],
        bye=["Thanks", "Thank you!", "Thanks a lot 🙏", "thx", "Cheers", "ok thanks", "Pls revert asap",
             "waiting for your reply", "Have a nice day!", "Regards, {name}", "ty", "🙏🙏"],
        phone=["call me on {phone}", "my number is {phone}", "WhatsApp me at {phone}", "pls call {phone}",
               "reach me at {phone} after 6", "📞 {phone}", "new number: {phone}",
               "you can also try my wife's number {phone}", "Contact: {name}, {phone}",
               "call back on {phone} pls", "ring me {phone}", "this is my alternate no {phone}",
               "Mob: {phone}", "Tel {phone}", "sms {phone} if no answer", "my brother {name} - {phone}",
               "Driver's number {phone}", "office line {phone}, ask for {name}"],
        email=["my email is {email}", "mail me at {email}", "Email: {email}", "send the invoice to {email}",
               "pls share details on {email}", "you can write to {email}", "my new email id {email}",
               "cc {email} too", "email {email} for returns", "my gmail: {email}"],
        body=["Is the {product} still available?", "How much for the {product}? {price}?",
              "I ordered {qty} on {date} and {order} is still not delivered 😕",
              "Can you deliver on {date} around {time}?", "Paid {price} already. {bankref}",
              "{tracking} shows in transit since {date}", "Your {otp}. Do not share it with anyone.",
              "App crashes after updating to {version}", "Got {pct} off with the coupon 🎉",
              "Price dropped to {price}, is it final?", "Postcode {postal}, do you ship there?",
              "Do you have model {sku} in black?", "Need {qty} by {date}", "{invoice} attached, pls check",
              "Raised {ticket}, no update yet", "My card {badcard} got declined, why?",
              "Is this IBAN right {badiban}? transfer failed", "Following up on {order}",
              "Open till {time}?", "Running {version}, still same issue", "customer since {year} 😊",
              "see clause {dotted} of the T&C", "Deliver to {address}", "{qty} for {price} ok?",
              "Sale ends {date} {time}", "Refund of {price} for {order}?", "Still waiting since {date} 😤",
              "Is {product} covered by warranty till {year}?", "COD available for {postal}?"],
        card=["card no {card}", "pay with my card {card}, exp 08/27", "charge {card} pls",
              "use card {card} for the EMI", "Card: {card}", "my debit card {card}"],
        iban=["IBAN: {iban}", "transfer to {iban} pls", "my account IBAN {iban}", "refund to IBAN {iban}",
              "bank details: IBAN {iban}"],
        ip=["my IP is {ip}", "server {ip} is down", "login blocked from {ip}?", "router shows {ip}",
            "whitelist {ip} pls", "IPv6: {ip}", "can't reach {ip} since morning", "VPN gives {ip}"],
        id=["for KYC: {idfull}", "here is my {idfull}", "{idfull}", "sending {idfull} for verification",
            "as requested, {idfull}", "{idfull} pls update the form"],
        idnokw=["{idfull}", "ok here {idfull}", "{idfull} pls check", "sent {idfull}"],
        kw=dict(order=["Order #", "order no. ", "order ID ", "Order ", "order #"],
                tracking=["tracking ", "tracking no. ", "AWB ", "tracking ID ", "Tracking # "],
                otp=["OTP is ", "OTP: ", "verification code is ", "PIN ", "code "],
                bankref=["ref ", "txn ID ", "transaction ID ", "ref no. ", "Ref: "],
                invoice=["invoice ", "Invoice #", "INV "],
                ticket=["ticket #", "case ", "complaint no. ", "booking ref ", "SR "]),
        months=EN_MONTHS, date_text=["{d} {m} {y}", "{m} {d}", "{d} {m}", "{m} {d}, {y}"],
        products=["phone case", "charger", "earbuds", "smartwatch", "laptop bag", "sneakers", "hoodie",
                  "air fryer", "power bank", "iPhone 15", "Galaxy A54", "yoga mat", "mixer grinder",
                  "school bag", "bluetooth speaker"],
    ),
    "hinglish": dict(
        greet=["Namaste", "Hello ji", "Bhaiya hello", "Hii didi", "Namaskar", "Ram Ram", "Hello sir ji",
               "Hi bhai", "Hello madam ji"],
        bye=["Dhanyavaad 🙏", "thanks bhai", "jaldi reply karna", "ok ji", "shukriya", "theek hai",
             "reply karo pls", "🙏"],
        phone=["mera number {phone} hai", "is number pe call karo {phone}", "{phone} pe WhatsApp karo",
               "mere papa ka number {phone}", "call karna {phone} pe shaam ko", "ye mera naya no hai {phone}",
               "{phone} pe msg kar do", "delivery boy ko bolo {phone} pe call kare", "bhai ka no {phone}"],
        email=["mera email {email} hai", "{email} pe bhej do", "bill {email} pe mail kar dena",
               "email id {email}"],
        body=["{product} available hai kya?", "{product} ka price kya hai? {price} bahut zyada hai",
              "{order} abhi tak nahi aaya 😡", "{date} ko delivery ho jayegi?", "{time} ke baad aana",
              "{otp} aaya hai, kya karu?", "{pct} discount milega?", "{qty} chahiye {date} tak",
              "payment kar diya {price}, {bankref}", "{tracking} pe koi update nahi",
              "bhaiya {product} ka colour kaunsa hai?", "COD hai kya {postal} mein?",
              "{order} cancel karna hai", "kal {time} tak pakka?", "{price} final karo na bhai",
              "app {version} pe chal nahi raha"],
        id=["KYC ke liye {idfull}", "ye raha {idfull}", "{idfull} bhej raha hu", "{idfull} check karo"],
        kw=dict(order=["order no ", "Order #", "order "], bankref=["UTR ", "UPI ref ", "UPI txn id ", "ref no "],
                tracking=["AWB ", "tracking id ", "docket no "]),
        products=["kurta", "saree", "lehenga", "mixer", "cooler", "chappal", "jeans", "Redmi Note 13",
                  "pressure cooker", "dupatta", "smart TV"],
    ),
    "hi": dict(
        greet=["नमस्ते", "नमस्ते जी", "प्रणाम", "नमस्कार"],
        bye=["धन्यवाद 🙏", "जल्दी जवाब दें", "ठीक है", "शुक्रिया"],
        phone=["मेरा नंबर {phone} है", "इस नंबर पर कॉल करें {phone}", "{phone} पर व्हाट्सएप करें",
               "मेरे भाई का नंबर {phone}"],
        email=["मेरा ईमेल {email} है", "{email} पर भेज दीजिए"],
        body=["{product} कितने का है? {price}?", "मेरा {order} अभी तक नहीं आया", "{date} को डिलीवरी हो जाएगी?",
              "{time} के बाद आना", "{pct} छूट मिलेगी?", "{otp} किसी को न बताएं"],
        id=["{idfull}", "मेरा {idfull} है"],
        kw=dict(order=["ऑर्डर नंबर ", "ऑर्डर "], otp=["OTP ", "ओटीपी "]),
        products=["साड़ी", "कुर्ता", "मोबाइल", "कूलर", "जूते"],
    ),
    "pt": dict(
        greet=["Oi", "Olá", "Bom dia", "Boa tarde", "Boa noite", "Oi, tudo bem?", "E aí", "Oii {name}",
               "Olá, boa tarde!"],
        bye=["Obrigado!", "Obrigada 😊", "Valeu!", "vlw", "Aguardo retorno", "Abraço", "obg", "Grato"],
        phone=["meu número é {phone}", "me chama no zap {phone}", "liga pra mim {phone}", "WhatsApp: {phone}",
               "pode ligar no {phone} depois das 18h", "cel {phone}", "número da minha mãe {phone}",
               "contato {name} {phone}", "fixo {phone}", "me manda msg no {phone}"],
        email=["meu e-mail é {email}", "manda no {email}", "e-mail: {email}", "pode enviar a nota pro {email}",
               "meu email {email}"],
        body=["Ainda tem {product}?", "Quanto fica {product}? {price} à vista?",
              "Meu {order} ainda não chegou 😕", "Consegue entregar dia {date}?", "Paguei {price} no pix, {bankref}",
              "{tracking} parado desde {date}", "Seu {otp}. Não compartilhe.", "Tem {pct} de desconto no boleto?",
              "Quero {qty}, entrega até {date}?", "O app travou na versão {version}",
              "CEP {postal}, vocês entregam?", "{invoice} chegou?", "Parcela em 10x de {price}?",
              "Abre que horas? {time}?", "Entrega no {address}"],
        card=["cartão {card}", "pode cobrar no cartão {card}", "cartão final... não, o número todo: {card}"],
        ip=["meu IP é {ip}", "o servidor {ip} caiu"],
        id=["meu {idfull}", "{idfull} pra nota fiscal", "segue {idfull}", "{idfull}", "nota no {idfull}"],
        kw=dict(order=["pedido ", "pedido nº ", "pedido #"], tracking=["código de rastreio ", "rastreio "],
                otp=["código de verificação ", "código "], bankref=["ID da transação ", "comprovante nº "],
                invoice=["NF-e ", "nota fiscal nº "], ticket=["protocolo ", "chamado "]),
        months="jan fev mar abr mai jun jul ago set out nov dez".split(),
        date_text=["{d} de {m}", "{d} {m} {y}", "{d}/{m}"],
        products=["o tênis", "a camiseta", "o fone bluetooth", "a capinha", "o vestido", "a air fryer",
                  "o celular", "a mochila", "o carregador"],
    ),
    "es": dict(
        greet=["Hola", "Buenas", "Buenos días", "Buenas tardes", "Hola, qué tal?", "Holaa", "Buen día",
               "Hola {name}", "Qué tal"],
        bye=["Gracias!", "Muchas gracias 🙏", "Saludos", "Quedo atento", "Mil gracias", "gracias!!",
             "Quedo pendiente", "Un saludo"],
        phone=["mi número es {phone}", "llámame al {phone}", "escríbeme al WhatsApp {phone}", "mi cel {phone}",
               "whats {phone}", "el número de mi esposo es {phone}", "tel. {phone}", "me puedes marcar al {phone}",
               "contacto {name}: {phone}", "móvil {phone}"],
        email=["mi correo es {email}", "mándalo a {email}", "correo: {email}", "envíame la factura a {email}",
               "mi mail {email}"],
        body=["¿Todavía tienen {product}?", "¿Cuánto cuesta {product}? ¿{price}?", "Mi {order} no ha llegado 😕",
              "¿Pueden entregar el {date}?", "Ya pagué {price}, {bankref}", "{tracking} sin movimiento desde el {date}",
              "Tu {otp}. No lo compartas.", "¿Hay {pct} de descuento?", "Necesito {qty} para el {date}",
              "La app falla con la {version}", "CP {postal}, ¿hacen envíos?", "¿Abren a las {time}?",
              "¿Me mandan la {invoice}?", "Envío a {address}", "¿A meses sin intereses? {price}"],
        card=["tarjeta {card}", "cóbrame en la tarjeta {card}", "número de tarjeta {card}"],
        iban=["IBAN {iban}", "mi cuenta IBAN: {iban}", "transferencia a {iban}"],
        ip=["mi IP es {ip}", "el servidor {ip} no responde"],
        id=["mi {idfull}", "{idfull} para la factura", "te paso mi {idfull}", "{idfull}"],
        kw=dict(order=["pedido ", "pedido #", "orden ", "pedido nº "], tracking=["guía ", "número de seguimiento ", "tracking "],
                otp=["código de verificación ", "código ", "clave "], bankref=["folio ", "referencia ", "comprobante "],
                invoice=["factura ", "factura nº "], ticket=["ticket ", "caso ", "reserva "]),
        months="ene feb mar abr may jun jul ago sep oct nov dic".split(),
        date_text=["{d} de {m}", "{d} {m} {y}", "{d}-{m}-{y}"],
        products=["el par de zapatillas", "el celular", "la funda", "el audífono", "la chamarra", "la licuadora",
                  "la mochila", "la camiseta", "el cargador", "el vestido"],
    ),
    "fr": dict(
        greet=["Bonjour", "Salut", "Bonsoir", "Coucou", "Bonjour madame", "Bjr", "Bonjour {name}"],
        bye=["Merci !", "Merci beaucoup 🙏", "Bonne journée", "Cordialement", "A bientôt", "mrc", "Bonne soirée"],
        phone=["mon numéro : {phone}", "appelez-moi au {phone}", "vous pouvez me joindre au {phone}",
               "WhatsApp {phone}", "tél. {phone}", "mon portable {phone}", "rappelez-moi au {phone} svp",
               "le fixe : {phone}"],
        email=["mon adresse mail : {email}", "envoyez la facture à {email}", "mail : {email}",
               "écrivez-moi à {email}"],
        body=["{product} est toujours dispo ?", "C'est combien {product} ? {price} ?",
              "Ma {order} n'est toujours pas arrivée", "Livraison possible le {date} vers {time} ?",
              "J'ai payé {price}, {bankref}", "{tracking} bloqué depuis le {date}", "Votre {otp}. Ne le partagez pas.",
              "{pct} de remise ?", "Il me faut {qty} avant le {date}", "L'appli plante depuis la {version}",
              "Code postal {postal}, vous livrez ?", "Ouvert jusqu'à {time} ?", "Livraison au {address}"],
        card=["carte {card}", "ma carte bancaire {card}"],
        iban=["IBAN : {iban}", "virement sur {iban}", "mon RIB/IBAN {iban}"],
        id=["mon {idfull}", "voici mon {idfull}", "{idfull}"],
        kw=dict(order=["commande n° ", "commande ", "commande #"], tracking=["n° de suivi ", "suivi "],
                otp=["code de vérification : ", "code "], bankref=["référence ", "réf. "],
                invoice=["facture ", "facture n° "], ticket=["dossier ", "ticket "]),
        months="janv. févr. mars avril mai juin juil. août sept. oct. nov. déc.".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["le canapé", "la robe", "le casque", "la machine à café", "le vélo", "le sac à dos"],
    ),
    "de": dict(
        greet=["Hallo", "Guten Tag", "Moin", "Hi", "Servus", "Guten Morgen", "Hallo zusammen", "Hallo {name}"],
        bye=["Danke!", "Vielen Dank 🙏", "LG", "Liebe Grüße", "Viele Grüße", "Schönen Tag noch",
             "Danke im Voraus", "MfG"],
        phone=["meine Nummer: {phone}", "ruf mich an unter {phone}", "Tel. {phone}", "erreichbar unter {phone}",
               "Handy {phone}", "bitte Rückruf an {phone}", "WhatsApp: {phone}", "Festnetz {phone}"],
        email=["meine Mail: {email}", "bitte an {email} schicken", "E-Mail: {email}",
               "Rechnung bitte an {email}"],
        body=["Ist {product} noch da?", "Was kostet {product}? {price}?", "Meine {order} ist noch nicht angekommen",
              "Lieferung am {date} gegen {time} möglich?", "Habe {price} überwiesen, {bankref}",
              "{tracking} hängt seit {date}", "Ihr {otp}. Nicht weitergeben.", "Gibt es {pct} Rabatt?",
              "Brauche {qty} bis {date}", "App stürzt ab seit {version}", "PLZ {postal}, liefert ihr dahin?",
              "Geöffnet bis {time}?", "Lieferadresse: {address}", "{invoice} ist falsch"],
        card=["Karte {card}", "Kreditkarte {card}"],
        iban=["IBAN: {iban}", "bitte auf {iban} überweisen", "meine IBAN {iban}", "Erstattung an IBAN {iban}"],
        ip=["meine IP ist {ip}", "Server {ip} nicht erreichbar"],
        id=["meine {idfull}", "hier meine {idfull}", "{idfull}"],
        kw=dict(order=["Bestellung ", "Bestellnr. ", "Bestellung Nr. "], tracking=["Sendungsnummer ", "Tracking "],
                otp=["Bestätigungscode: ", "Code ", "TAN "], bankref=["Verwendungszweck ", "Referenz "],
                invoice=["Rechnung Nr. ", "Rechnung "], ticket=["Ticket ", "Vorgang "]),
        months="Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez.".split(),
        date_text=["{d}. {m}", "{d}. {m} {y}"],
        products=["das Fahrrad", "die Kaffeemaschine", "das Sofa", "die Handyhülle", "der Kopfhörer",
                  "die Winterjacke", "der Staubsauger"],
    ),
    "it": dict(
        greet=["Ciao", "Buongiorno", "Salve", "Buonasera", "Ciao a tutti"],
        bye=["Grazie!", "Grazie mille 🙏", "A presto", "Cordiali saluti", "Buona giornata"],
        phone=["il mio numero è {phone}", "chiamami al {phone}", "cell. {phone}", "scrivimi su WhatsApp al {phone}",
               "tel {phone}"],
        email=["la mia email è {email}", "mandala a {email}", "email: {email}"],
        body=["{product} è ancora disponibile?", "Quanto costa {product}? {price}?",
              "Il mio {order} non è ancora arrivato", "Consegna il {date} alle {time}?", "Ho pagato {price}, {bankref}",
              "{tracking} fermo dal {date}", "Il tuo {otp}. Non condividerlo.", "C'è lo sconto del {pct}?",
              "CAP {postal}, spedite qui?", "Mi serve {qty} entro il {date}"],
        iban=["IBAN {iban}", "bonifico su {iban}"],
        id=["il mio {idfull}", "{idfull}", "ecco il {idfull}"],
        kw=dict(order=["ordine n. ", "ordine "], tracking=["tracking ", "codice spedizione "],
                otp=["codice di verifica ", "codice "], bankref=["CRO ", "rif. "], invoice=["fattura n. "]),
        months="gen feb mar apr mag giu lug ago set ott nov dic".split(), date_text=["{d} {m}", "{d} {m} {y}"],
        products=["il divano", "la borsa", "la cover", "la macchina del caffè", "la bici", "la giacca"],
    ),
    "nl": dict(
        greet=["Hoi", "Hallo", "Goedemorgen", "Hey", "Goedemiddag"],
        bye=["Dank je!", "Bedankt 🙏", "Groetjes", "Fijne dag", "Mvg"],
        phone=["mijn nummer is {phone}", "bel me op {phone}", "app me op {phone}", "tel: {phone}",
               "bereikbaar op {phone}"],
        email=["mijn e-mail is {email}", "stuur het naar {email}", "mail: {email}"],
        body=["Is {product} nog beschikbaar?", "Wat kost {product}? {price}?", "Mijn {order} is nog niet binnen",
              "Kan het {date} om {time} bezorgd worden?", "Ik heb {price} betaald, {bankref}",
              "{tracking} staat al sinds {date} stil", "Je {otp}. Niet delen.", "Postcode {postal}, bezorgen jullie daar?",
              "{pct} korting?"],
        iban=["IBAN: {iban}", "graag overmaken naar {iban}", "mijn rekening {iban}"],
        id=["mijn {idfull}", "{idfull}"],
        kw=dict(order=["bestelling ", "bestelnummer "], tracking=["track & trace ", "trackingcode "],
                otp=["verificatiecode ", "code "], bankref=["kenmerk ", "referentie "]),
        months="jan feb mrt apr mei jun jul aug sep okt nov dec".split(), date_text=["{d} {m}", "{d} {m} {y}"],
        products=["de fiets", "de bank", "de jas", "de koptelefoon", "het hoesje", "de stofzuiger"],
    ),
    "pl": dict(
        greet=["Dzień dobry", "Cześć", "Hej", "Witam"],
        bye=["Dziękuję!", "Dzięki 🙏", "Pozdrawiam", "Miłego dnia"],
        phone=["mój numer to {phone}", "zadzwoń pod {phone}", "tel. {phone}", "proszę o kontakt {phone}",
               "WhatsApp {phone}"],
        email=["mój mail to {email}", "proszę wysłać na {email}", "e-mail: {email}"],
        body=["Czy {product} jest jeszcze dostępny?", "Ile kosztuje {product}? {price}?", "Moje {order} jeszcze nie dotarło",
              "Dostawa {date} o {time}?", "Zapłaciłem {price}, {bankref}", "{tracking} bez zmian od {date}",
              "Twój {otp}. Nie udostępniaj.", "Jest {pct} rabatu?", "Kod pocztowy {postal}"],
        iban=["IBAN {iban}", "proszę o przelew na {iban}", "nr konta {iban}"],
        id=["mój {idfull}", "{idfull}", "podaję {idfull}"],
        kw=dict(order=["zamówienie nr ", "zamówienie "], tracking=["nr przesyłki ", "numer śledzenia "],
                otp=["kod weryfikacyjny ", "kod "], bankref=["tytuł przelewu ", "nr ref. "]),
        months="stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["rower", "plecak", "ekspres do kawy", "głośnik", "odkurzacz"],
    ),
    "tr": dict(
        greet=["Merhaba", "Selam", "İyi günler", "Günaydın", "Merhabalar"],
        bye=["Teşekkürler!", "Teşekkür ederim 🙏", "Kolay gelsin", "İyi çalışmalar", "Sağ olun"],
        phone=["numaram {phone}", "beni {phone} numaradan arayın", "WhatsApp: {phone}", "tel: {phone}",
               "cep {phone}", "{phone} numarasına yazın"],
        email=["mailim {email}", "{email} adresine gönderin", "e-posta: {email}"],
        body=["{product} hâlâ var mı?", "{product} kaç para? {price} mi?", "{order} hâlâ gelmedi",
              "{date} tarihinde {time} gibi teslim olur mu?", "{price} ödedim, {bankref}",
              "{tracking} {date} tarihinden beri aynı", "{otp}. Kimseyle paylaşmayın.", "{pct} indirim var mı?",
              "Posta kodu {postal}"],
        iban=["IBAN: {iban}", "{iban} hesabına gönderin", "IBAN'ım {iban}"],
        card=["kartım {card}", "kart no {card}"],
        id=["{idfull}", "fatura için {idfull}"],
        kw=dict(order=["sipariş no ", "Sipariş "], tracking=["kargo takip no ", "takip no "],
                otp=["doğrulama kodunuz ", "kod "], bankref=["dekont no ", "ref "]),
        months="Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["ayakkabı", "telefon kılıfı", "mont", "kulaklık", "çanta", "elbise"],
    ),
    "ru": dict(
        greet=["Здравствуйте", "Привет", "Добрый день", "Добрый вечер", "Доброе утро"],
        bye=["Спасибо!", "Спасибо большое 🙏", "Жду ответа", "Хорошего дня"],
        phone=["мой номер {phone}", "позвоните мне {phone}", "тел. {phone}", "пишите в WhatsApp {phone}",
               "звоните по номеру {phone}", "номер мужа {phone}"],
        email=["моя почта {email}", "отправьте на {email}", "email: {email}"],
        body=["{product} ещё в наличии?", "Сколько стоит {product}? {price}?", "Мой {order} до сих пор не пришёл",
              "Можно доставку {date} в {time}?", "Оплатил {price}, {bankref}", "{tracking} не обновляется с {date}",
              "Ваш {otp}. Никому не сообщайте.", "Скидка {pct} есть?", "Индекс {postal}"],
        card=["карта {card}", "номер карты {card}"],
        id=["{idfull}"],
        kw=dict(order=["заказ №", "заказ № ", "заказ "], tracking=["трек-номер ", "трек "],
                otp=["код подтверждения ", "код: "], bankref=["номер операции ", "квитанция № "]),
        months="января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["кроссовки", "чехол", "куртка", "наушники", "пылесос", "платье"],
    ),
    "ar": dict(
        greet=["مرحبا", "السلام عليكم", "أهلا", "صباح الخير", "مساء الخير", "هلا"],
        bye=["شكرا", "شكرا جزيلا 🙏", "بانتظار ردكم", "يعطيك العافية", "مع السلامة"],
        phone=["رقمي {phone}", "اتصل بي على {phone}", "واتساب {phone}", "تواصل معي على {phone}",
               "رقم الجوال {phone}", "هذا رقمي الجديد {phone}"],
        email=["ايميلي {email}", "ارسل الفاتورة على {email}", "البريد: {email}"],
        body=["هل {product} متوفر؟", "كم سعر {product}؟ {price}", "{order} لم يصل حتى الآن",
              "التوصيل يوم {date} الساعة {time}؟", "دفعت {price}، {bankref}", "{tracking} متوقف من {date}",
              "{otp}. لا تشاركه مع أحد.", "في خصم {pct}؟", "أبغى {qty}"],
        iban=["الآيبان {iban}", "IBAN: {iban}", "حوّل على {iban}"],
        card=["البطاقة {card}"],
        id=["{idfull}"],
        kw=dict(order=["طلب رقم ", "الطلب "], tracking=["رقم التتبع ", "رقم الشحنة "], otp=["رمز التحقق ", "الرمز "],
                bankref=["رقم العملية ", "مرجع "]),
        months="يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["عباية", "جوال", "عطر", "ساعة", "شنطة", "سماعات"],
    ),
    "id": dict(
        greet=["Halo", "Hai kak", "Selamat pagi", "Permisi kak", "Assalamualaikum", "Siang kak", "Halo gan"],
        bye=["Terima kasih!", "Makasih kak 🙏", "Ditunggu ya", "Thx kak", "Makasih banyak"],
        phone=["nomor saya {phone}", "hubungi saya di {phone}", "WA: {phone}", "chat WA ke {phone} ya kak",
               "no hp {phone}", "telp {phone}", "nomor kurirnya {phone}"],
        email=["email saya {email}", "kirim ke {email} ya", "email: {email}"],
        body=["Kak, {product} masih ada?", "Harga {product} berapa? {price}?", "{order} belum sampai kak",
              "Bisa kirim tanggal {date} jam {time}?", "Sudah transfer {price}, {bankref}",
              "{tracking} belum update sejak {date}", "{otp}. Jangan berikan ke siapa pun.", "Ada diskon {pct}?",
              "Kode pos {postal}", "Ongkir ke {postal} berapa?"],
        id=["{idfull}", "ini {idfull} saya", "untuk verifikasi {idfull}"],
        kw=dict(order=["pesanan #", "no pesanan ", "order "], tracking=["resi ", "no resi "],
                otp=["kode OTP ", "kode verifikasi "], bankref=["no ref ", "ID transaksi "]),
        months="Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["baju batik", "hijab", "sepatu", "casing HP", "tas", "skincare", "headset"],
    ),
    "tl": dict(
        greet=["Hi po", "Hello po", "Magandang umaga", "Good pm po", "Kumusta"],
        bye=["Salamat po!", "Thank you po 🙏", "Salamat", "Ingat"],
        phone=["number ko po {phone}", "text niyo ako sa {phone}", "call niyo ako {phone}", "Viber/WhatsApp {phone}",
               "CP {phone}"],
        email=["email ko {email}", "pakisend sa {email}"],
        body=["Available pa po ba yung {product}?", "Magkano po {product}? {price}?", "Yung {order} hindi pa dumarating",
              "Pwede po i-deliver sa {date}?", "Nagbayad na po ako {price}, {bankref}", "{tracking} walang update since {date}",
              "Ang iyong {otp}. Huwag ibahagi."],
        kw=dict(bankref=["GCash ref no. ", "ref no. "]),
        products=["cellphone", "rice cooker", "t-shirt", "tsinelas", "bag"],
    ),
    "vi": dict(
        greet=["Chào shop", "Xin chào", "Chào bạn", "Alo shop ơi", "Dạ chào anh"],
        bye=["Cảm ơn!", "Cảm ơn shop 🙏", "Mong phản hồi sớm"],
        phone=["số của tôi là {phone}", "gọi cho tôi {phone}", "sđt {phone}", "Zalo {phone}", "liên hệ {phone}"],
        email=["email của tôi là {email}", "gửi về {email} nhé"],
        body=["{product} còn hàng không shop?", "{product} giá bao nhiêu? {price} hả?", "{order} chưa nhận được",
              "Giao ngày {date} lúc {time} được không?", "Đã chuyển khoản {price}, {bankref}",
              "{tracking} không cập nhật từ {date}", "{otp}. Không chia sẻ cho ai.", "Giảm {pct} không shop?"],
        kw=dict(order=["đơn hàng #", "đơn "], tracking=["mã vận đơn "], otp=["mã OTP ", "mã xác thực "],
                bankref=["mã giao dịch "]),
        products=["áo thun", "váy", "ốp lưng", "tai nghe", "giày"],
    ),
    "th": dict(
        greet=["สวัสดีครับ", "สวัสดีค่ะ", "หวัดดีค่ะ"],
        bye=["ขอบคุณครับ", "ขอบคุณค่ะ 🙏", "รอคำตอบนะคะ"],
        phone=["เบอร์ผม {phone} ครับ", "โทร {phone} ได้เลยค่ะ", "ติดต่อ {phone}", "เบอร์โทร {phone}"],
        email=["อีเมล {email}", "ส่งมาที่ {email} นะคะ"],
        body=["{product} ยังมีไหมคะ", "{product} ราคาเท่าไหร่ {price} ไหม", "{order} ยังไม่ได้รับเลย",
              "ส่งวันที่ {date} เวลา {time} ได้ไหม", "โอนแล้ว {price} {bankref}", "{otp} ห้ามบอกใคร", "ลด {pct} ไหมคะ"],
        kw=dict(order=["คำสั่งซื้อ #", "ออเดอร์ "], tracking=["เลขพัสดุ "], otp=["รหัส OTP ", "รหัสยืนยัน "],
                bankref=["เลขที่รายการ "]),
        months="ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split(),
        date_text=["{d} {m}", "{d} {m} {y}"],
        products=["เสื้อ", "เคสมือถือ", "กระเป๋า", "รองเท้า", "หูฟัง"],
    ),
    "zh": dict(
        greet=["你好", "您好", "在吗", "亲，在吗？", "早上好"],
        bye=["谢谢", "谢谢亲 🙏", "麻烦尽快回复", "好的，谢谢"],
        phone=["我的电话是{phone}", "电话：{phone}", "手机{phone}", "打我电话{phone}", "联系人：{name} {phone}",
               "加微信或者打{phone}", "收件人电话 {phone}"],
        email=["我的邮箱是 {email}", "发到 {email}", "邮箱：{email}"],
        body=["{product}还有货吗？", "{product}多少钱？{price}吗？", "{order}还没到", "{date} {time}能送到吗？",
              "已付款{price}，{bankref}", "{tracking}从{date}就没更新了", "{otp}，请勿泄露。", "有{pct}优惠吗？"],
        id=["{idfull}", "我的{idfull}", "实名认证：{idfull}"],
        kw=dict(order=["订单号", "订单号：", "订单 "], tracking=["运单号", "快递单号"], otp=["验证码", "验证码："],
                bankref=["交易单号", "流水号"]),
        products=["手机壳", "耳机", "连衣裙", "运动鞋", "充电宝"],
    ),
    "ja": dict(
        greet=["こんにちは", "お世話になっております", "すみません", "おはようございます"],
        bye=["ありがとうございます", "よろしくお願いします🙏", "お返事お待ちしております"],
        phone=["電話番号は{phone}です", "連絡先：{phone}", "携帯{phone}までお願いします", "TEL {phone}"],
        email=["メール：{email}", "{email} までお願いします"],
        body=["{product}まだありますか？", "{product}はいくらですか？{price}ですか？", "{order}がまだ届きません",
              "{date}の{time}に配達できますか？", "{price}振り込みました。{bankref}", "{otp}。他人に教えないでください。",
              "{pct}オフですか？"],
        kw=dict(order=["注文番号", "注文番号："], tracking=["追跡番号", "お問い合わせ番号 "], otp=["認証コード", "確認コード："],
                bankref=["受付番号 "]),
        products=["スニーカー", "スマホケース", "イヤホン", "ワンピース", "バッグ"],
    ),
    "ko": dict(
        greet=["안녕하세요", "안녕하세요~", "저기요"],
        bye=["감사합니다", "감사합니다 🙏", "답변 부탁드려요"],
        phone=["제 번호는 {phone}입니다", "연락처: {phone}", "{phone}로 연락주세요", "전화 {phone}"],
        email=["이메일: {email}", "{email} 로 보내주세요"],
        body=["{product} 아직 있나요?", "{product} 얼마예요? {price}?", "{order} 아직 안 왔어요",
              "{date} {time}에 배송 가능해요?", "{price} 입금했어요, {bankref}", "{otp} 타인에게 알려주지 마세요",
              "{pct} 할인 되나요?"],
        id=["{idfull}", "본인확인 {idfull}"],
        kw=dict(order=["주문번호 ", "주문 "], tracking=["송장번호 "], otp=["인증번호 ", "인증번호: "], bankref=["거래번호 "]),
        products=["운동화", "폰케이스", "이어폰", "원피스", "가방"],
    ),
    "sw": dict(
        greet=["Habari", "Mambo", "Habari yako", "Jambo", "Sasa"],
        bye=["Asante!", "Asante sana 🙏", "Karibu"],
        phone=["namba yangu ni {phone}", "nipigie {phone}", "WhatsApp {phone}", "simu {phone}"],
        email=["barua pepe yangu ni {email}", "tuma kwa {email}"],
        body=["{product} bado ipo?", "Bei ya {product} ni ngapi? {price}?", "{order} bado haijafika",
              "Mnaweza kuleta {date} saa {time}?", "Nimelipa {price} kwa M-Pesa, {bankref}", "{otp}. Usimwambie mtu."],
        kw=dict(bankref=["M-Pesa ref ", "ref "]),
        products=["simu", "viatu", "kitenge", "redio"],
    ),
    "ur": dict(
        greet=["السلام علیکم", "آداب", "ہیلو"],
        bye=["شکریہ", "بہت شکریہ 🙏", "جواب کا انتظار ہے"],
        phone=["میرا نمبر {phone} ہے", "اس نمبر پر کال کریں {phone}", "واٹس ایپ {phone}"],
        email=["میری ای میل {email} ہے"],
        body=["{product} دستیاب ہے؟", "{product} کی قیمت کیا ہے؟ {price}؟", "{order} ابھی تک نہیں ملا",
              "{date} کو ڈیلیوری ہو جائے گی؟"],
        kw=dict(order=["آرڈر نمبر "]),
        products=["جوتے", "سوٹ", "موبائل"],
    ),
    "roman_ur": dict(
        greet=["Assalam o alaikum", "AoA", "Salam bhai", "AOA sir"],
        bye=["Shukriya", "JazakAllah", "Jaldi reply karein"],
        phone=["mera number {phone} hai", "is number pe call karein {phone}", "{phone} pe WhatsApp karein"],
        email=["meri email {email} hai"],
        body=["{product} available hai?", "{product} ki price kya hai? {price}?", "{order} abhi tak nahi mila",
              "{date} tak delivery ho jayegi?", "{price} bhej diye hain, {bankref}"],
        kw=dict(bankref=["TID ", "JazzCash TID ", "Easypaisa ref "]),
        products=["lawn suit", "kurta", "shoes", "mobile"],
    ),
    "pcm": dict(
        greet=["Good morning", "Hello boss", "How far", "Good afternoon ma", "Hi"],
        bye=["Thank you", "Tnx", "God bless", "Abeg reply fast"],
        phone=["my number na {phone}", "call me for {phone}", "abeg call {phone}", "WhatsApp me on {phone}"],
        body=["Abeg {product} dey?", "How much be {product}? {price}?", "{order} never reach me o",
              "Una fit deliver {date}?", "I don pay {price}, {bankref}"],
        products=["ankara", "phone", "generator", "shoes"],
    ),
    "singlish": dict(
        greet=["Hi", "Hello", "Hi boss", "Eh hello"],
        bye=["Thanks ah", "Tks", "ok thanks lah", "Cheers"],
        phone=["my hp {phone}", "call me at {phone} can?", "whatsapp {phone} lah", "my number {phone}"],
        body=["{product} still got or not?", "{product} how much ah? {price}?", "{order} still never come leh",
              "Can deliver {date} {time}?", "Paid {price} via PayNow, {bankref}"],
        id=["{idfull}", "my {idfull}"],
        products=["aircon", "phone case", "shoes", "rice cooker"],
    ),
    "af": dict(
        greet=["Hallo", "Goeie môre", "Howzit", "Sawubona"],
        bye=["Dankie!", "Baie dankie 🙏", "Cheers"],
        phone=["my nommer is {phone}", "bel my by {phone}", "WhatsApp {phone}"],
        email=["my e-pos is {email}"],
        body=["Is {product} nog beskikbaar?", "Hoeveel kos {product}? {price}?",
              "My {order} het nog nie aangekom nie", "Kan julle op {date} aflewer?"],
        products=["die braai", "die fiets", "die skoene"],
    ),
    "sv": dict(
        greet=["Hej", "Hej hej", "God morgon", "Hallå"],
        bye=["Tack!", "Tack så mycket 🙏", "Mvh", "Ha en bra dag"],
        phone=["mitt nummer är {phone}", "ring mig på {phone}", "tel {phone}", "nås på {phone}"],
        email=["min mejl är {email}", "skicka till {email}"],
        body=["Finns {product} kvar?", "Vad kostar {product}? {price}?", "Min {order} har inte kommit",
              "Kan ni leverera {date} kl {time}?", "Har betalat {price} via Swish, {bankref}", "Din {otp}. Dela inte."],
        iban=["IBAN {iban}", "betala till {iban}"],
        id=["mitt {idfull}", "{idfull}"],
        kw=dict(order=["order ", "ordernummer "], otp=["kod ", "engångskod "], bankref=["referens ", "OCR "]),
        products=["cykel", "jacka", "soffa", "hörlurar"],
    ),
    "fi": dict(
        greet=["Moi", "Hei", "Huomenta", "Terve"],
        bye=["Kiitos!", "Kiitos paljon 🙏", "Terveisin"],
        phone=["numeroni on {phone}", "soita {phone}", "puh. {phone}", "tavoittaa numerosta {phone}"],
        email=["sähköpostini on {email}", "lähetä osoitteeseen {email}"],
        body=["Onko {product} vielä saatavilla?", "Paljonko {product} maksaa? {price}?", "{order} ei ole vielä tullut",
              "Voiko toimittaa {date} klo {time}?", "Maksoin {price}, {bankref}", "{otp}. Älä jaa."],
        iban=["IBAN {iban}", "tilille {iban}"],
        id=["{idfull}", "henkilötunnukseni {idfull}"],
        kw=dict(order=["tilaus ", "tilausnumero "], otp=["vahvistuskoodi ", "koodi "], bankref=["viite "]),
        products=["takki", "pyörä", "kuulokkeet", "sohva"],
    ),
}


def lget(lang, key):
    v = LANGS[lang].get(key)
    return v if v else LANGS["en"][key]


def kwget(lang, key):
    v = LANGS[lang].get("kw", {}).get(key)
    return v if v else LANGS["en"]["kw"][key]


# region -> message weight, languages, Faker locale, digit script (lang -> (script, p))
REGIONS = {
    "IN": dict(w=3.0, langs=[("en", 35), ("hinglish", 45), ("hi", 20)], fk="en_IN",
               script={"hi": ("deva", 0.5)}),
    "BR": dict(w=2.0, langs=[("pt", 95), ("en", 5)], fk="pt_BR"),
    "MX": dict(w=1.5, langs=[("es", 92), ("en", 8)], fk="es_MX"),
    "AR": dict(w=1.0, langs=[("es", 95), ("en", 5)], fk="es_AR"),
    "CO": dict(w=1.0, langs=[("es", 95), ("en", 5)], fk="es_CO"),
    "CL": dict(w=1.0, langs=[("es", 95), ("en", 5)], fk="es_CL"),
    "PE": dict(w=1.0, langs=[("es", 95), ("en", 5)], fk="es"),
    "ES": dict(w=1.0, langs=[("es", 90), ("en", 10)], fk="es_ES"),
    "FR": dict(w=1.0, langs=[("fr", 92), ("en", 8)], fk="fr_FR"),
    "DE": dict(w=1.2, langs=[("de", 90), ("en", 10)], fk="de_DE"),
    "IT": dict(w=1.0, langs=[("it", 92), ("en", 8)], fk="it_IT"),
    "GB": dict(w=1.0, langs=[("en", 100)], fk="en_GB"),
    "NL": dict(w=1.0, langs=[("nl", 80), ("en", 20)], fk="nl_NL"),
    "PL": dict(w=1.0, langs=[("pl", 92), ("en", 8)], fk="pl_PL"),
    "TR": dict(w=1.0, langs=[("tr", 92), ("en", 8)], fk="tr_TR"),
    "RU": dict(w=1.0, langs=[("ru", 95), ("en", 5)], fk="ru_RU"),
    "US": dict(w=1.5, langs=[("en", 92), ("es", 8)], fk="en_US"),
    "CA": dict(w=1.0, langs=[("en", 70), ("fr", 30)], fk="en_CA"),
    "NG": dict(w=1.0, langs=[("en", 60), ("pcm", 40)], fk="en_NG"),
    "ZA": dict(w=1.0, langs=[("en", 75), ("af", 25)], fk="zu_ZA"),
    "KE": dict(w=1.0, langs=[("en", 50), ("sw", 50)], fk="en_KE"),
    "EG": dict(w=1.0, langs=[("ar", 80), ("en", 20)], fk="ar_EG", script={"ar": ("arab", 0.5)}),
    "SA": dict(w=1.0, langs=[("ar", 80), ("en", 20)], fk="ar_SA", script={"ar": ("arab", 0.5)}),
    "AE": dict(w=1.0, langs=[("ar", 55), ("en", 45)], fk="ar_AE", script={"ar": ("arab", 0.4)}),
    "ID": dict(w=1.2, langs=[("id", 95), ("en", 5)], fk="id_ID"),
    "PH": dict(w=1.0, langs=[("tl", 60), ("en", 40)], fk="en_PH"),
    "VN": dict(w=1.0, langs=[("vi", 95), ("en", 5)], fk="vi_VN"),
    "TH": dict(w=1.0, langs=[("th", 90), ("en", 10)], fk="th_TH"),
    "CN": dict(w=1.0, langs=[("zh", 95), ("en", 5)], fk="zh_CN", script={"zh": ("fullwidth", 0.25)}),
    "JP": dict(w=1.0, langs=[("ja", 95), ("en", 5)], fk="ja_JP", script={"ja": ("fullwidth", 0.25)}),
    "KR": dict(w=1.0, langs=[("ko", 95), ("en", 5)], fk="ko_KR"),
    "AU": dict(w=1.0, langs=[("en", 100)], fk="en_AU"),
    "PK": dict(w=1.0, langs=[("roman_ur", 40), ("ur", 35), ("en", 25)], fk="en_PK",
               script={"ur": ("ext_arab", 0.6)}),
    "SG": dict(w=1.0, langs=[("singlish", 75), ("zh", 25)], fk="en_US"),
    "SE": dict(w=0.5, langs=[("sv", 90), ("en", 10)], fk="sv_SE"),
    "FI": dict(w=0.5, langs=[("fi", 90), ("en", 10)], fk="fi_FI"),
}
assert sorted(REGIONS) == sorted(REGIONS_ALL)

# Names where Faker's locale has none of its own (or only English ones).
BUILTIN_NAMES = {
    "ar": (["Ahmed", "Mohamed", "Mahmoud", "Omar", "Youssef", "Fatma", "Mona", "Nour", "Sara", "Khaled",
            "Hassan", "Aya", "Mariam", "Abdullah", "Faisal", "Noura", "Reem", "Layla"],
           ["Hassan", "Ali", "Ibrahim", "Mostafa", "Elsayed", "Alharbi", "Alqahtani", "Alotaibi",
            "Almansoori", "Alnuaimi", "Abdelrahman", "Salem"],
           ["محمد", "أحمد", "فاطمة", "نور", "خالد", "سارة", "عمر", "مريم", "يوسف", "ليلى"]),
    "KE": (["Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Mwangi", "Kiprop", "Akinyi", "Brian", "Faith"],
           ["Ochieng", "Mutua", "Kariuki", "Wanjala", "Kiptoo", "Omondi", "Njoroge"], None),
    "PH": (["Jose", "Maria", "Juan", "Ana", "Mark", "Kristine", "Jerome", "Angelica", "Paolo", "Jasmine"],
           ["DelaCruz", "Reyes", "Santos", "Garcia", "Bautista", "Mendoza", "Villanueva"], None),
    "SG": (["Weiling", "Junjie", "Siti", "Arun", "Mei", "Kumar", "Hui Min", "Darren"],
           ["Tan", "Lim", "Lee", "Ng", "Wong", "Ahmad", "Goh"], None),
    "VN": (["Minh", "Lan", "Huong", "Tuan", "Linh", "Duc", "Thao", "Nam"],
           ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"],
           ["Minh", "Lan", "Hương", "Tuấn", "Linh", "Đức", "Thảo", "Nam"]),
    "TH": (["Somchai", "Nattapong", "Siriporn", "Kanya", "Anan", "Ploy"],
           ["Srisuk", "Wongsa", "Chaiyaporn", "Boonmee", "Saetang"], None),
    "ur": (None, None, ["علی", "احمد", "فاطمہ", "عائشہ", "بلال", "زینب"]),
}
BUILTIN_NAMES["KR"] = (["Minjun", "Seoyeon", "Jiwoo", "Hyunwoo", "Jisoo", "Donghyun", "Yuna"],
                       ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon"], None)
BUILTIN_NAMES["EG"] = BUILTIN_NAMES["SA"] = BUILTIN_NAMES["AE"] = BUILTIN_NAMES["ar"]

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                 "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def romanize(s: str) -> str:
    s = "".join(_CYR.get(ch, _CYR.get(ch.lower(), ch)) if "\u0400" <= ch <= "\u04ff" else ch for ch in s)
    return _ascii_name(s)


class Region:
    """Per-region Faker instance and name pools (deterministic for a seed)."""

    def __init__(self, code, seed):
        self.code = code
        self.cfg = REGIONS[code]
        self.fk = Faker(self.cfg["fk"])
        self.fk.seed_instance(stable_seed(seed, code, "faker"))
        b = BUILTIN_NAMES.get(code)
        if b and b[0]:
            first, last = b[0], b[1]
        elif code in ("CN", "JP"):
            first = [self.fk.first_romanized_name() for _ in range(40)]
            last = [self.fk.last_romanized_name() for _ in range(40)]
        else:
            first = [self.fk.first_name() for _ in range(40)]
            last = [self.fk.last_name() for _ in range(40)]
        self.mail_names = ([romanize(x) for x in first if romanize(x)],
                           [romanize(x) for x in last if romanize(x)])
        self.roman_first = [x.split()[0].capitalize() for x in self.mail_names[0]]
        self._disp = {}
        self._extra_fk = {}

    def display_names(self, lang):
        if lang not in self._disp:
            if lang in ("ar", "ur"):
                names = BUILTIN_NAMES[lang][2]
            elif lang == "hi":
                f = Faker("hi_IN")
                f.seed_instance(stable_seed(self.code, "hi_IN"))
                names = [f.first_name() for _ in range(30)]
            elif lang in ("zh", "ja", "ko", "th", "ru", "vi"):
                b = BUILTIN_NAMES.get(self.code)
                if b and b[2]:
                    names = b[2]
                else:
                    loc = {"zh": "zh_CN", "ja": "ja_JP", "ko": "ko_KR", "th": "th_TH", "ru": "ru_RU",
                           "vi": "vi_VN"}[lang]
                    f = Faker(loc)
                    f.seed_instance(stable_seed(self.code, loc))
                    names = [f.first_name() for _ in range(30)]
            else:
                names = self.roman_first
            self._disp[lang] = names
        return self._disp[lang]


# ---------------------------------------------------------------------------
# hard negatives
# ---------------------------------------------------------------------------

PRICE_FMT = {
    "IN": [("₹{n}", "in"), ("Rs. {n}", "in"), ("Rs {n}/-", "in"), ("₹ {n}", "in"), ("{n} rs", "plain"), ("INR {n}", "in")],
    "BR": [("R$ {n}", "eu_dec"), ("R${n}", "eu_dec"), ("R$ {n}", "eu")],
    "MX": [("${n}", "us_dec"), ("$ {n} MXN", "us"), ("${n} pesos", "us")],
    "AR": [("$ {n}", "eu"), ("${n}", "eu"), ("ARS {n}", "eu")],
    "CO": [("$ {n}", "eu"), ("COP {n}", "eu"), ("${n}", "eu")],
    "CL": [("${n}", "eu"), ("CLP {n}", "eu")],
    "PE": [("S/ {n}", "us_dec"), ("S/. {n}", "plain")],
    "ES": [("{n} €", "eu"), ("{n}€", "eu_dec"), ("€{n}", "eu_dec")],
    "FR": [("{n} €", "sp_dec"), ("{n}€", "plain"), ("{n} euros", "sp")],
    "DE": [("{n} €", "eu_dec"), ("{n} Euro", "eu"), ("€ {n}", "eu_dec")],
    "IT": [("{n} €", "eu_dec"), ("€ {n}", "eu"), ("{n} euro", "eu")],
    "NL": [("€ {n}", "eu_dec"), ("€{n}", "eu_dec"), ("{n} euro", "eu")],
    "GB": [("£{n}", "us_dec"), ("£{n}", "us"), ("GBP {n}", "us")],
    "US": [("${n}", "us_dec"), ("${n}", "us"), ("USD {n}", "us"), ("{n} dollars", "plain")],
    "CA": [("${n}", "us_dec"), ("${n} CAD", "us"), ("C$ {n}", "us_dec")],
    "PL": [("{n} zł", "sp"), ("{n} zł", "sp_dec"), ("PLN {n}", "plain")],
    "TR": [("{n} TL", "eu"), ("₺{n}", "eu"), ("{n} TL", "eu_dec")],
    "RU": [("{n} ₽", "sp"), ("{n} руб.", "plain"), ("{n} р.", "sp")],
    "NG": [("₦{n}", "us"), ("N{n}", "us"), ("NGN {n}", "us")],
    "ZA": [("R{n}", "sp"), ("R {n}", "sp_dec"), ("R{n}", "plain_dec")],
    "KE": [("KSh {n}", "us"), ("Ksh. {n}", "us"), ("KES {n}", "plain")],
    "EG": [("EGP {n}", "us"), ("{n} جنيه", "plain"), ("{n} ج.م", "plain")],
    "SA": [("SAR {n}", "us"), ("{n} ريال", "plain"), ("{n} ر.س", "plain")],
    "AE": [("AED {n}", "us"), ("{n} درهم", "plain"), ("Dhs {n}", "us")],
    "ID": [("Rp {n}", "eu"), ("Rp{n}", "eu"), ("IDR {n}", "eu"), ("{k}rb", "k")],
    "PH": [("₱{n}", "us"), ("Php {n}", "us_dec"), ("P{n}", "us")],
    "VN": [("{n}đ", "eu"), ("{k}k", "k"), ("{n} VND", "eu")],
    "TH": [("฿{n}", "us"), ("{n} บาท", "us"), ("{n} บ.", "plain")],
    "CN": [("¥{n}", "plain"), ("{n}元", "plain"), ("￥{n}", "us"), ("RMB {n}", "plain")],
    "JP": [("¥{n}", "us"), ("{n}円", "us"), ("{n}円（税込）", "us")],
    "KR": [("₩{n}", "us"), ("{n}원", "us")],
    "AU": [("${n}", "us_dec"), ("A${n}", "us_dec"), ("AUD {n}", "us")],
    "PK": [("Rs {n}", "us"), ("PKR {n}", "us"), ("₨ {n}", "us")],
    "SG": [("S${n}", "us_dec"), ("${n}", "us"), ("SGD {n}", "plain")],
    "SE": [("{n} kr", "sp"), ("{n}:-", "plain"), ("SEK {n}", "plain")],
    "FI": [("{n} €", "eu_dec"), ("{n}€", "plain")],
}
BIG_PRICE = {"IN", "ID", "VN", "KR", "CO", "CL", "AR", "JP", "PK", "NG"}


def _group(intpart: str, sep: str, lakh=False) -> str:
    if lakh and len(intpart) > 3:
        head, tail = intpart[:-3], intpart[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        if head:
            parts.insert(0, head)
        return sep.join(parts + [tail])
    out = []
    while len(intpart) > 3:
        out.insert(0, intpart[-3:])
        intpart = intpart[:-3]
    out.insert(0, intpart)
    return sep.join(out)


def neg_price(rng, region, lang, value=None):
    tmpl, style = rng.choice(PRICE_FMT[region])
    if value is None:
        mag = wchoice(rng, [(2, 35), (3, 35), (4, 20), (5, 10)] if region not in BIG_PRICE
                      else [(2, 10), (3, 30), (4, 30), (5, 20), (6, 10)])
        v = rng.randint(10 ** (mag - 1), 10 ** mag - 1)
        if rng.random() < 0.5:
            v = v - v % (10 if v > 100 else 1) + (9 if rng.random() < 0.5 else 0)
    else:
        v = value
    cents = rng.choice(["00", "99", "90", "50", "49"])
    ip = str(v)
    if style == "in":
        n = _group(ip, ",", lakh=True) + (".00" if rng.random() < 0.15 else "")
    elif style == "us":
        n = _group(ip, ",")
    elif style == "us_dec":
        n = _group(ip, ",") + "." + cents
    elif style == "eu":
        n = _group(ip, ".")
    elif style == "eu_dec":
        n = _group(ip, ".") + "," + cents
    elif style in ("sp", "sp_dec"):
        n = _group(ip, rng.choice([" ", "\u00a0", "\u202f"])) + ("," + cents if style == "sp_dec" else "")
    elif style == "plain_dec":
        n = ip + "." + cents
    elif style == "k":
        n = str(max(1, v // 1000) if v > 1000 else v)
    else:
        n = ip
    return [N("price", tmpl.replace("{n}", n).replace("{k}", n))]


DATE_STYLE = {"US": "mdy", "JP": "ymd", "CN": "ymd", "KR": "ymd", "SE": "iso", "DE": "dot", "RU": "dot",
              "PL": "dot", "TR": "dot", "FI": "dot", "NL": "dash", "ZA": "ymd"}


def neg_date(rng, region, lang):
    import datetime
    d = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randint(0, 4 * 365))
    style = DATE_STYLE.get(region, "dmy")
    y, m, dd = d.year, d.month, d.day
    pad = rng.random() < 0.8
    D = "%02d" % dd if pad else str(dd)
    M = "%02d" % m if pad else str(m)
    choice = wchoice(rng, [("num", 55), ("iso", 10), ("short", 12), ("text", 18), ("yy", 5)])
    if choice == "text":
        if lang in ("zh", "ja"):
            s = rng.choice(["%d年%d月%d日" % (y, m, dd), "%d月%d日" % (m, dd)])
        elif lang == "ko":
            s = rng.choice(["%d년 %d월 %d일" % (y, m, dd), "%d월 %d일" % (m, dd)])
        elif lang == "vi":
            s = "%d tháng %d" % (dd, m)
        else:
            months = LANGS[lang].get("months") or EN_MONTHS
            fmt = rng.choice(LANGS[lang].get("date_text") or LANGS["en"]["date_text"])
            s = fmt.format(d=dd, m=months[m - 1], y=y)
    elif choice == "iso":
        s = "%d-%02d-%02d" % (y, m, dd)
    elif choice == "short":
        s = {"mdy": "%s/%s" % (M, D), "ymd": "%s/%s" % (M, D)}.get(style, "%s/%s" % (D, M))
        if style == "dot":
            s = "%s.%s." % (D, M)
    elif choice == "yy":
        s = {"mdy": "%s/%s/%02d" % (M, D, y % 100)}.get(style, "%s/%s/%02d" % (D, M, y % 100))
    else:
        s = {"mdy": "%s/%s/%d" % (M, D, y), "ymd": "%d/%s/%s" % (y, M, D), "iso": "%d-%02d-%02d" % (y, m, dd),
             "dot": "%s.%s.%d" % (D, M, y), "dash": "%s-%s-%d" % (D, M, y)}.get(style, "%s/%s/%d" % (D, M, y))
    return [N("date", s)]


def neg_time(rng, region, lang):
    h, mi = rng.randint(7, 21), rng.choice([0, 0, 15, 30, 30, 45, 10, 20])
    if lang in ("fr", "pt", "vi") and rng.random() < 0.6:
        s = "%dh%02d" % (h, mi) if mi else "%dh" % h
    elif lang == "de" and rng.random() < 0.5:
        s = rng.choice(["%d:%02d Uhr", "%d.%02d Uhr"]) % (h, mi)
    elif lang in ("en", "hinglish", "tl", "singlish", "pcm") and rng.random() < 0.5:
        s = "%d:%02d %s" % ((h - 1) % 12 + 1, mi, rng.choice(["am", "pm", "AM", "PM"])) if mi else \
            "%d%s" % ((h - 1) % 12 + 1, rng.choice(["pm", " pm", "am"]))
    elif lang == "ja" and rng.random() < 0.5:
        s = "%d時" % h if not mi else "%d時%d分" % (h, mi)
    elif lang == "zh" and rng.random() < 0.5:
        s = "%d点" % h if not mi else "%d点%d分" % (h, mi)
    elif lang == "ko" and rng.random() < 0.5:
        s = "%d시" % h
    elif lang in ("id", "fi", "sv") and rng.random() < 0.5:
        s = "%d.%02d" % (h, mi)
    elif lang == "th":
        s = "%d.%02d น." % (h, mi)
    else:
        s = "%d:%02d" % (h, mi)
    return [N("time", s)]


def neg_pct(rng, region, lang):
    p = rng.choice([5, 10, 12, 15, 18, 20, 25, 30, 40, 50, 60, 70])
    s = ("%%%d" % p) if lang == "tr" else rng.choice(["%d%%", "%d %%", "%d%% off", "-%d%%"]) % p
    return [N("percent", s)]


def neg_qty(rng, region, lang):
    s = rng.choice(["%d x %dg" % (rng.randint(2, 6), rng.choice([250, 500, 750])), "%d kg" % rng.randint(1, 25),
                    "%d.%dL" % (rng.randint(1, 5), rng.choice([5, 0])), "x%d" % rng.randint(2, 12),
                    "size %d" % rng.randint(36, 46), "%d pcs" % rng.randint(2, 50), "%d ml" % rng.choice([100, 250, 500]),
                    "%d pack" % rng.choice([6, 12, 24]), "%dx" % rng.randint(2, 10), "%d meters" % rng.randint(2, 40)])
    return [N("quantity", s)]


def _num_id(rng, lo=8, hi=12):
    n = rng.randint(lo, hi)
    return rng.choice("123456789") + rdigits(rng, n - 1)


def neg_order(rng, region, lang):
    kw = rng.choice(kwget(lang, "order"))
    v = wchoice(rng, [("digits", 65), ("short", 15), ("alnum", 20)])
    if v == "digits":
        num = _num_id(rng, 8, 12)
    elif v == "short":
        num = _num_id(rng, 5, 7)
    else:
        num = rng.choice(["%s-%s" % (rng.choice([region, "OD", "A", "SO", "WEB"]), _num_id(rng, 5, 9)),
                          "OD%s" % _num_id(rng, 12, 15), "%s%s" % (rng.choice(UPPER), _num_id(rng, 6, 9)),
                          "%s-%s-%s" % (_num_id(rng, 3, 3), _num_id(rng, 7, 7), _num_id(rng, 7, 7))])
    if kw.endswith("#") and rng.random() < 0.3:
        kw = kw[:-1] + "# "
    return [(kw, None), G("order_no", num)]


def neg_invoice(rng, region, lang):
    kw = rng.choice(kwget(lang, "invoice"))
    num = rng.choice(["INV-%d-%05d" % (rng.randint(2023, 2026), rng.randint(1, 99999)),
                      "%d/%04d" % (rng.randint(1, 999), rng.randint(2023, 2026)),
                      "F-%05d" % rng.randint(1, 99999), _num_id(rng, 6, 10),
                      "%d-%04d" % (rng.randint(2023, 2026), rng.randint(1, 9999))])
    return [(kw, None), G("invoice_no", num)]


def neg_tracking(rng, region, lang):
    kw = rng.choice(kwget(lang, "tracking"))
    v = wchoice(rng, [("ups", 15), ("dhl", 10), ("s10", 20), ("digits", 40), ("sf", 10), ("alnum", 5)])
    if v == "ups":
        num = "1Z" + "".join(rng.choice(UPPER + "0123456789") for _ in range(6)) + rdigits(rng, 10)
    elif v == "dhl":
        num = "JD" + rdigits(rng, 18)
    elif v == "s10":
        num = rng.choice(["EE", "RA", "LP", "NX", "CP", "RR", "LX"]) + rdigits(rng, 9) + rng.choice(
            [region if region not in ("GB",) else "GB", "CN", "IN", "BR", "RU", "DE"])
    elif v == "digits":
        num = _num_id(rng, 12, 22)
    elif v == "sf":
        num = "SF" + rdigits(rng, 13)
    else:
        num = "".join(rng.choice(UPPER) for _ in range(3)) + rdigits(rng, 10)
    return [(kw, None), G("tracking_no", num)]


def neg_otp(rng, region, lang):
    kw = rng.choice(kwget(lang, "otp"))
    return [(kw, None), G("otp", rdigits(rng, rng.choice([4, 6, 6, 6, 8]), first_nonzero=rng.random() < 0.7))]


def neg_bankref(rng, region, lang):
    kws = kwget(lang, "bankref")
    if region == "IN" and lang in ("en", "hinglish") and rng.random() < 0.6:
        kws = ["UTR ", "UPI ref no ", "UTR no. "]
    kw = rng.choice(kws)
    num = rng.choice([_num_id(rng, 10, 12), _num_id(rng, 12, 12),
                      "".join(rng.choice(UPPER + "0123456789") for _ in range(10)),
                      "TXN" + _num_id(rng, 9, 12), "FT" + _num_id(rng, 10, 12)])
    return [(kw, None), G("bank_ref", num)]


def neg_ticket(rng, region, lang):
    kw = rng.choice(kwget(lang, "ticket"))
    num = rng.choice([_num_id(rng, 6, 10), "".join(rng.choice(UPPER + "23456789") for _ in range(6)),
                      "%d%s" % (rng.randint(2023, 2026), rdigits(rng, 8))])
    return [(kw, None), G("ticket_no", num)]


def neg_version(rng, region, lang):
    a, b, c = rng.randint(1, 18), rng.randint(0, 20), rng.randint(0, 40)
    s = rng.choice(["v%d.%d.%d" % (a, b, c), "iOS %d.%d.%d" % (rng.randint(15, 18), rng.randint(0, 6), rng.randint(1, 3)),
                    "Android %d" % rng.randint(10, 15), "version %d.%d" % (a, b), "%d.%d.%d-beta" % (a, b, c),
                    "build %d.%02d.%d" % (rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 9)),
                    "v%d.%d" % (a, b), "MIUI %d.%d.%d" % (rng.randint(12, 14), rng.randint(0, 5), rng.randint(1, 20))])
    return [N("version", s)]


def neg_year(rng, region, lang):
    return [N("year", str(rng.randint(1985, 2026)))]


POSTAL_FMT = {"IN": lambda r: r.choice("12345678") + rdigits(r, 5), "US": lambda r: rdigits(r, 5, True),
              "BR": lambda r: "%s-%s" % (rdigits(r, 5, True), rdigits(r, 3)), "CA": None, "GB": None,
              "NL": None, "JP": lambda r: "〒%s-%s" % (rdigits(r, 3, True), rdigits(r, 4)),
              "PL": lambda r: "%s-%s" % (rdigits(r, 2), rdigits(r, 3)), "SE": lambda r: "%s %s" % (rdigits(r, 3, True), rdigits(r, 2))}


def neg_postal(rng, region, lang, fk=None):
    f = POSTAL_FMT.get(region, "faker")
    if f and f != "faker":
        s = f(rng)
    else:
        s = fk.postcode() if fk is not None else rdigits(rng, 5, True)
    return [N("postal_code", s)]


def neg_sku(rng, region, lang):
    s = rng.choice(["SKU %s-%d-%s" % ("".join(rng.choice(UPPER) for _ in range(2)), rng.randint(100, 9999),
                                      rng.choice(["XL", "M", "BLK", "S", "RED"])),
                    "SM-A%d%sE" % (rng.randint(100, 999), rng.choice(["", "5"])), "RMX%d" % rng.randint(3000, 3999),
                    "M%s%d%s/A" % ("".join(rng.choice(UPPER) for _ in range(2)), rng.randint(1, 9),
                                   "".join(rng.choice(UPPER) for _ in range(2))),
                    "B0%s" % "".join(rng.choice(UPPER + "0123456789") for _ in range(8)),
                    "%dK-%dUQ%d" % (rng.choice([4, 8]), rng.choice([43, 50, 55, 65]), rng.randint(7000, 9000)),
                    "art. %d" % rng.randint(10000, 99999)])
    return [N("sku", s)]


def neg_badcard(rng, region, lang):
    for _ in range(100):
        _, num = gen_card(rng, region)
        d = int(num[-1])
        bad = num[:-1] + str((d + rng.randint(1, 9)) % 10)
        if not stdnum.luhn.is_valid(bad):
            return [N("bad_card", group_card(rng, bad, sep=rng.choice([" ", " ", "-", ""])))]
    raise RuntimeError


def neg_badiban(rng, region, lang):
    for _ in range(100):
        iban = gen_iban(rng, region)
        i = rng.randint(4, len(iban) - 1)
        if not iban[i].isdigit():
            continue
        bad = iban[:i] + str((int(iban[i]) + rng.randint(1, 9)) % 10) + iban[i + 1:]
        if not stdnum.iban.is_valid(bad, check_country=False) and not stdnum.iban.is_valid(bad):
            return [N("bad_iban", stdnum.iban.format(bad) if rng.random() < 0.7 else bad)]
    raise RuntimeError


def neg_dotted(rng, region, lang):
    n = rng.randint(5, 7)
    s = rng.choice([".".join(str(rng.randint(1, 9)) for _ in range(n)),
                    ".".join(str(rng.randint(1, 60)) for _ in range(n)),
                    "1.3.6.1.4.1.%d" % rng.randint(100, 60000)])
    return [N("dotted_number", s)]


# Faker locales whose street addresses read naturally in a chat
GOOD_ADDRESS = {"IN", "BR", "MX", "AR", "CO", "CL", "ES", "FR", "DE", "IT", "GB", "NL", "PL", "US", "CA",
                "AU", "TR"}


def neg_address(rng, region, lang, fk=None):
    if region not in GOOD_ADDRESS or fk is None:
        return neg_price(rng, region, lang)
    s = fk.street_address().replace("\n", ", ")
    return [N("address", s)]


NEG_SLOTS = {"price": neg_price, "date": neg_date, "time": neg_time, "pct": neg_pct, "qty": neg_qty,
             "order": neg_order, "invoice": neg_invoice, "tracking": neg_tracking, "otp": neg_otp,
             "bankref": neg_bankref, "ticket": neg_ticket, "version": neg_version, "year": neg_year,
             "postal": neg_postal, "sku": neg_sku, "badcard": neg_badcard, "badiban": neg_badiban,
             "dotted": neg_dotted, "address": neg_address}


# ---------------------------------------------------------------------------
# the audit: nothing outside gold labels / keyword-guarded negatives may be a
# valid value of any kind in a form a matcher should report
# ---------------------------------------------------------------------------

RUN_RE = re.compile(r"\d+")
IBAN_CAND_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){8,34}")
IPV4_RE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)")
IPV6_RE = re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])")
EMAIL_CAND_RE = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")


# ---------------------------------------------------------------------------
# payment and device kinds: upi_id, bank_account, imei, crypto_address,
# passport (one generator, one oracle and templates per kind)
# ---------------------------------------------------------------------------

# NPCI's published UPI handles (a subset: the ones customers use most).
NK_UPI_HANDLES = ["okaxis", "oksbi", "okhdfcbank", "okicici", "ybl", "ibl", "axl", "paytm", "apl",
                  "upi", "axisbank", "icici", "sbi", "hdfcbank", "kotak", "idfcfirst", "fam",
                  "jupiteraxis", "naviaxis", "ptsbi", "pthdfc", "ptyes", "ptaxis", "waaxis"]
NK_UPI_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,255}@([A-Za-z0-9]+)")


def nk_upi_valid(v: str) -> bool:
    m = NK_UPI_RE.fullmatch(v)
    return bool(m) and m.group(1).lower() in NK_UPI_HANDLES and not v.split("@")[0].endswith(".")


def nk_gen_upi(rng, region: str) -> str:
    first = rng.choice(["ravi", "priya", "amit", "sunita", "rahul", "neha", "arjun", "kavya", "vikram",
                        "pooja", "sanjay", "anita", "deepak", "meena", "rohit", "sharma.traders"])
    name = rng.choice([first, first + "." + rng.choice(["kumar", "sharma", "patel", "singh", "rao"]),
                       first + str(rng.randint(1, 999)), "9" + rdigits(rng, 9), first + "_" + rdigits(rng, 2)])
    return name + "@" + rng.choice(NK_UPI_HANDLES)


# Nigerian banks (CBN codes) for NUBANs.
NK_NG_BANKS = [("GTBank", "058"), ("Access Bank", "044"), ("Zenith", "057"), ("First Bank", "011"),
               ("UBA", "033"), ("Fidelity", "070"), ("Wema", "035"), ("Sterling", "232")]
NK_NUBAN_W = [3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3]


def nk_nuban_check(bank: str, serial: str) -> str:
    s = sum(int(d) * w for d, w in zip(bank + serial, NK_NUBAN_W))
    return str((10 - s % 10) % 10)


def nk_bank_account_valid(v: str) -> bool:
    d = re.sub(r"[ \-]", "", v)
    return d.isdigit() and 6 <= len(d) <= 20


def nk_gen_bank_account(rng, region: str):
    """-> (value, bank name or None)"""
    if region == "NG":
        bank, code = rng.choice(NK_NG_BANKS)
        serial = rdigits(rng, 9)
        return serial + nk_nuban_check(code, serial), bank
    if region == "BR":
        return rdigits(rng, rng.choice([5, 6, 8]), True) + "-" + str(rng.randint(0, 9)), None
    n = {"IN": rng.choice([11, 12, 14, 15, 16]), "KE": rng.choice([10, 13, 14]), "PK": rng.choice([14, 16]),
         "ID": 10, "MX": 11}.get(region, 10)
    v = rdigits(rng, n, True)
    if region == "MX" and rng.random() < 0.4:
        v = v[:4] + " " + v[4:8] + " " + v[8:]
    return v, None


def nk_imei_valid(v: str) -> bool:
    import stdnum.imei
    d = re.sub(r"[ \-]", "", v)
    return len(d) == 15 and stdnum.imei.is_valid(d)


def nk_gen_imei(rng, region: str) -> str:
    import stdnum.luhn as luhn
    body = rng.choice(["35", "86", "49", "01", "99", "35"]) + rdigits(rng, 12)
    v = body + luhn.calc_check_digit(body)
    if rng.random() < 0.25:
        v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
    return v


NK_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
NK_BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
# EIP-55's own examples (mixed case, checksummed).
NK_EIP55 = ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"]


def nk_b58encode(b: bytes) -> str:
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = NK_B58[r] + out
    return "1" * (len(b) - len(b.lstrip(b"\0"))) + out


def nk_b58decode(s: str) -> bytes | None:
    n = 0
    for c in s:
        if c not in NK_B58:
            return None
        n = n * 58 + NK_B58.index(c)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(s) - len(s.lstrip("1"))) + body


def nk_dsha(b: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def nk_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (b >> i) & 1 else 0
    return chk


def nk_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def nk_convertbits(data, frombits, tobits, pad=True):
    acc = bits = 0
    ret = []
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & ((1 << tobits) - 1))
    if pad and bits:
        ret.append((acc << (tobits - bits)) & ((1 << tobits) - 1))
    elif not pad and (bits >= frombits or ((acc << (tobits - bits)) & ((1 << tobits) - 1))):
        return None
    return ret


def nk_segwit_encode(hrp: str, version: int, program: bytes) -> str:
    data = [version] + nk_convertbits(program, 8, 5)
    const = 1 if version == 0 else 0x2bc830a3
    pm = nk_polymod(nk_hrp_expand(hrp) + data + [0] * 6) ^ const
    checksum = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(NK_BECH[d] for d in data + checksum)


def nk_crypto_valid(v: str) -> bool:
    if re.fullmatch(r"0x[0-9a-f]{40}|0x[0-9A-F]{40}", v):
        return True
    if v in NK_EIP55:
        return True
    if v[:1] in "13":
        raw = nk_b58decode(v)
        return raw is not None and len(raw) == 25 and raw[0] in (0, 5) and nk_dsha(raw[:21])[:4] == raw[21:]
    low = v.lower()
    if low.startswith(("bc1", "tb1")) and (v == low or v == v.upper()):
        data = [NK_BECH.find(c) for c in low[3:]]
        if -1 in data or len(data) < 7:
            return False
        const = nk_polymod(nk_hrp_expand(low[:2]) + data)
        version = data[0]
        prog = nk_convertbits(data[1:-6], 5, 8, False)
        if prog is None or not 2 <= len(prog) <= 40 or version > 16:
            return False
        if version == 0:
            return const == 1 and len(prog) in (20, 32)
        return const == 0x2bc830a3
    return False


def nk_gen_crypto(rng, region: str) -> str:
    form = rng.choice(["p2pkh", "p2sh", "bech32", "bech32m", "eth", "eth"])
    if form in ("p2pkh", "p2sh"):
        payload = bytes([0 if form == "p2pkh" else 5]) + bytes(rng.randrange(256) for _ in range(20))
        return nk_b58encode(payload + nk_dsha(payload)[:4])
    if form == "bech32":
        return nk_segwit_encode("bc", 0, bytes(rng.randrange(256) for _ in range(rng.choice([20, 32]))))
    if form == "bech32m":
        return nk_segwit_encode("bc", 1, bytes(rng.randrange(256) for _ in range(32)))
    if rng.random() < 0.3:
        return rng.choice(NK_EIP55)
    return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))


# Passport shapes per region (letters L, digits d); India is in_passport.
NK_PASSPORT_SHAPES = {"US": ["ddddddddd", "Ldddddddd"], "GB": ["ddddddddd"], "BR": ["LLdddddd"],
                      "MX": ["Ldddddddd"], "NG": ["Ldddddddd"], "PK": ["LLddddddd"], "CN": ["Ldddddddd"],
                      "FR": ["ddLLddddd"], "ES": ["LLLdddddd"], "IT": ["LLddddddd"], "JP": ["LLddddddd"],
                      "KE": ["LLddddddd"], "PH": ["LdddddddL"], "TH": ["LLddddddd"], "CA": ["LLdddddd"],
                      "AE": ["ddddddddd"], "EG": ["Ldddddddd"], "SA": ["LLddddddd"], "TR": ["LLddddddd"],
                      "KR": ["Ldddddddd"]}


def nk_passport_valid(v: str) -> bool:
    shape = "".join("L" if c.isalpha() else "d" for c in v)
    return v.isascii() and v.isalnum() and any(shape in s for s in NK_PASSPORT_SHAPES.values())


def nk_gen_passport(rng, region: str) -> str:
    shape = rng.choice(NK_PASSPORT_SHAPES.get(region, ["LLddddddd"]))
    out = "".join(rng.choice(UPPER) if c == "L" else str(rng.randint(0, 9)) for c in shape)
    return out if out[0] != "0" else "1" + out[1:]


NK_KINDS = {
    # kind: (regions or None for all, probability per message, generator, oracle)
    "upi_id": (["IN"], 0.10, nk_gen_upi, nk_upi_valid),
    "bank_account": (["IN", "NG", "KE", "PK", "ID", "BR", "MX"], 0.08, nk_gen_bank_account, nk_bank_account_valid),
    "imei": (None, 0.02, nk_gen_imei, nk_imei_valid),
    "crypto_address": (None, 0.02, nk_gen_crypto, nk_crypto_valid),
    "passport": (list(NK_PASSPORT_SHAPES), 0.04, nk_gen_passport, nk_passport_valid),
}

NK_TEMPLATES = {
    "upi_id": {"en": ["pay to {v}", "my UPI ID is {v}", "GPay: {v}", "send the advance on {v}"],
               "hinglish": ["payment {v} pe kar do", "mera UPI {v} hai", "isi UPI pe bhejo {v}"],
               "hi": ["कृपया {v} पर भुगतान करें", "मेरा यूपीआई {v} है"]},
    "bank_account": {"en": ["A/c no. {v}", "account number: {v}", "my account number is {v}",
                            "{bank} account {v}", "acct {v}"],
                     "hinglish": ["mera A/c {v} hai", "account no {v} me daal do"],
                     "hi": ["खाता संख्या {v}"], "pt": ["conta {v}", "conta corrente: {v}"],
                     "es": ["número de cuenta {v}", "mi cuenta es {v}"], "id": ["no rek {v}", "rekening {v}"],
                     "sw": ["namba ya akaunti {v}"], "pcm": ["{bank} account {v}", "my account number: {v}"]},
    "imei": {"en": ["IMEI: {v}", "IMEI number {v}", "the IMEI is {v}"], "hinglish": ["IMEI number {v} hai"],
             "hi": ["आईएमईआई {v}"], "pt": ["IMEI {v}"], "es": ["el IMEI es {v}"], "id": ["nomor IMEI {v}"]},
    "crypto_address": {"en": ["BTC: {v}", "send USDT to {v}", "my wallet {v}"], "pt": ["minha carteira {v}"],
                       "es": ["mi billetera {v}"], "id": ["dompet saya {v}"]},
    "passport": {"en": ["passport no. {v}", "my passport number is {v}"], "pt": ["passaporte {v}"],
                 "es": ["pasaporte {v}"], "fr": ["numéro de passeport {v}"], "id": ["nomor paspor {v}"],
                 "ar": ["رقم الجواز {v}"], "tr": ["pasaport no {v}"], "it": ["passaporto {v}"]},
}


def nk_plan(rng, region: str, kinds) -> list:
    plan = []
    for kind, (regions, p, _, _) in NK_KINDS.items():
        if kind in kinds and (regions is None or region in regions) and rng.random() < p:
            plan.append("nk:" + kind)
    return plan


def nk_render(rng, kind: str, region: str, lang: str):
    """A phrase naming a value of `kind`, as pieces (the value labelled)."""
    _, _, gen, valid = NK_KINDS[kind]
    value, bank = gen(rng, region), None
    if kind == "bank_account":
        value, bank = value
    assert valid(value), (kind, value)
    t = NK_TEMPLATES[kind]
    choices = t.get(lang) or t.get(LANG_BASE.get(lang, "")) or t["en"]
    choices = [c for c in choices if bank or "{bank}" not in c] or t["en"][:3]
    before, after = rng.choice(choices).replace("{bank}", bank or "").split("{v}")
    return [(before, None), L(kind, value), (after, None)]


def audit(text: str, region: str, protected: list[tuple[int, int]]) -> str | None:
    """Return a description of the first problem, or None. Offsets are code points."""
    norm = ascii_digits(text)

    def free(s, e):
        return not any(s < pe and ps < e for ps, pe in protected)

    # 1. phones, as libphonenumber's matcher sees them
    for m in pn.PhoneNumberMatcher(text, region, leniency=pn.Leniency.VALID):
        if free(m.start, m.end):
            return "phone-matcher:" + m.raw_string
    # 2. digit clusters: every run of 1-7 digit groups joined by short separators
    runs = [(m.start(), m.end()) for m in RUN_RE.finditer(norm)]
    clusters, cur = [], []
    for r in runs:
        if cur and r[0] - cur[-1][1] <= 3 and re.fullmatch(r"[ \-./()\u00a0]*", norm[cur[-1][1]:r[0]]):
            cur.append(r)
        else:
            if cur:
                clusters.append(cur)
            cur = [r]
    if cur:
        clusters.append(cur)
    for cl in clusters:
        for i in range(len(cl)):
            s0 = cl[i][0]
            if s0 > 0 and norm[s0 - 1] in "+(":
                s0 -= 1
            for j in range(i, min(len(cl), i + 7)):
                e = cl[j][1]
                if not free(s0, e):
                    continue
                sub = norm[s0:e]
                nd = sum(1 for ch in sub if ch.isdigit())
                if 5 <= nd <= 17:
                    try:
                        p = pn.parse(sub, region)
                        if pn.is_valid_number(p):
                            return "phone-parse:" + text[s0:e]
                    except pn.NumberParseException:
                        pass
                if 13 <= nd <= 19 and re.fullmatch(r"\d{3,}(?:[ \-]\d{3,})*(?:[ \-]\d+)?", sub):
                    if stdnum.luhn.is_valid(re.sub(r"\D", "", sub)):
                        return "luhn:" + text[s0:e]
    # 3. national IDs in their reportable written forms
    for k in ID_KINDS.values():
        for rx in k.audit:
            for m in rx.finditer(norm):
                if free(m.start(), m.end()) and k.valid(m.group()):
                    return "%s:%s" % (k.name, m.group())
    # 4. IBANs (any prefix ending on a group boundary)
    for m in IBAN_CAND_RE.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        cand = m.group()
        for end in range(len(cand), 11, -1):
            c = re.sub(r"[ \-]", "", cand[:end])
            if len(c) >= 12 and stdnum.iban.is_valid(c):
                return "iban:" + cand[:end]
    # 5. IP addresses
    for rx in (IPV4_RE, IPV6_RE):
        for m in rx.finditer(norm):
            if free(m.start(), m.end()) and ip_ok(m.group()):
                return "ip:" + m.group()
    # 6. e-mail addresses
    for m in EMAIL_CAND_RE.finditer(text):
        cand = m.group().rstrip(".!?")
        if free(m.start(), m.start() + len(cand)) and email_ok(cand):
            return "email:" + cand
    return None


# ---------------------------------------------------------------------------
# message assembly
# ---------------------------------------------------------------------------

EMOJI = ["🙏", "😊", "👍", "🔥", "❤️", "😂", "📦", "🚚", "✅", "❗", "🙂", "😅", "💯", "🤝", "📞", "📱", "✉️",
         "💳", "🎉", "😡", "🥲", "👍🏽", "🙏🏻", "👨‍👩‍👧", "🤦‍♂️", "🇮🇳", "🇧🇷", "😍", "🤔", "⏰", "🛒"]
CJK_LANGS = {"zh", "ja"}


class Ctx:
    def __init__(self, rng, region: Region, kinds):
        self.rng, self.region, self.kinds = rng, region, kinds
        self.code = region.code

    def script_for(self, lang):
        sc = self.region.cfg.get("script", {}).get(lang)
        if sc and self.rng.random() < sc[1]:
            return sc[0]
        return None


def render_template(ctx: Ctx, tmpl: str, lang: str, slot_args: dict):
    rng = ctx.rng
    pieces = []
    parts = [p for p in re.split(r"(\{\w+\})", tmpl) if p]
    for pi, part in enumerate(parts):
        if not (part.startswith("{") and part.endswith("}")):
            pieces.append((part, None))
            continue
        slot = part[1:-1]
        if slot == "phone":
            pieces += render_phone(rng, ctx.code, script=ctx.script_for(lang))
        elif slot == "email":
            pieces += render_email(rng, ctx.code, lang, ctx.region.fk, ctx.region.mail_names,
                                   at_end=pi == len(parts) - 1)
        elif slot == "card":
            pieces += render_card(rng, ctx.code)
        elif slot == "iban":
            pieces += render_iban(rng, ctx.code)
        elif slot == "ip":
            pieces += render_ip(rng, ctx.code)
        elif slot == "idfull":
            prev = "".join(t for t, _ in pieces[-1:])
            pieces += render_id(rng, slot_args["id_kind"], slot_args.get("id_kw_p"),
                                possessive_before=bool(POSSESSIVE_END.search(prev)))
        elif slot.startswith("nk_"):
            pieces += nk_render(rng, slot[3:], ctx.code, lang)
        elif slot == "name":
            pieces.append((rng.choice(ctx.region.display_names(lang)), None))
        elif slot == "product":
            prod = rng.choice(lget(lang, "products"))
            if pi == 0:
                prod = prod[:1].upper() + prod[1:]
            pieces.append((prod, None))
        elif slot in NEG_SLOTS:
            kw = {"fk": ctx.region.fk} if slot in ("postal", "address") else {}
            neg = NEG_SLOTS[slot](rng, ctx.code, lang, **kw)
            sc = ctx.script_for(lang) if slot in ("price", "date", "time", "order", "otp", "qty") else None
            if sc:
                neg = [(to_script(t, sc), tag) for t, tag in neg]
            pieces += neg
        else:
            raise KeyError(slot)
    return pieces


def pick_lang(ctx: Ctx):
    return wchoice(ctx.rng, ctx.region.cfg["langs"])


def build_message(ctx: Ctx):
    rng, kinds = ctx.rng, ctx.kinds
    main_lang = pick_lang(ctx)

    def seg_lang():
        return main_lang if rng.random() < 0.8 else pick_lang(ctx)

    plan = []
    if "phone" in kinds:
        plan += ["phone"] * wchoice(rng, [(0, 36), (1, 50), (2, 12), (3, 2)])
    if "email" in kinds:
        plan += ["email"] * wchoice(rng, [(0, 72), (1, 26), (2, 2)])
    ids = [k for k in REGION_IDS.get(ctx.code, []) if k in kinds]
    if ids and rng.random() < 0.45:
        plan.append("id:" + rng.choice(ids))
    if "credit_card" in kinds and rng.random() < 0.06:
        plan.append("card")
    if "iban" in kinds and rng.random() < (0.09 if ctx.code in IBAN_HOME else 0.03):
        plan.append("iban")
    if "ip_address" in kinds and rng.random() < 0.05:
        plan.append("ip")
    plan += nk_plan(rng, ctx.code, kinds)
    n_body = wchoice(rng, [(0, 12), (1, 55), (2, 28), (3, 5)])
    if not plan and n_body == 0:
        n_body = 1
    middle = []
    for item in plan:
        lang = seg_lang()
        args = {}
        if item.startswith("id:"):
            kind = item[3:]
            k = ID_KINDS[kind]
            # weak, bare-digit identifiers: only a minority without keyword
            no_kw = rng.random() < 0.12 and kind not in ALWAYS_KEYWORD
            args = {"id_kind": kind, "id_kw_p": 0.0 if no_kw else (1.0 if kind in ALWAYS_KEYWORD else 0.92 if k.weak else 0.65)}
            tmpl = rng.choice(lget(lang, "idnokw") if no_kw else lget(lang, "id"))
        elif item.startswith("nk:"):
            tmpl = "{nk_%s}" % item[3:]
        else:
            tmpl = rng.choice(lget(lang, item))
        middle.append((tmpl, lang, args))
    for _ in range(n_body):
        lang = seg_lang()
        tmpl = rng.choice(lget(lang, "body"))
        while "{address}" in tmpl and ctx.code not in GOOD_ADDRESS:
            tmpl = rng.choice(lget(lang, "body"))
        middle.append((tmpl, lang, {}))
    rng.shuffle(middle)
    segs = []
    if rng.random() < 0.55:
        segs.append((rng.choice(lget(main_lang, "greet")), main_lang, {}))
    segs += middle
    if rng.random() < 0.35:
        segs.append((rng.choice(lget(main_lang, "bye")), main_lang, {}))

    pieces = []
    for i, (tmpl, lang, args) in enumerate(segs):
        if i:
            if lang in CJK_LANGS:
                j = wchoice(rng, [("，", 30), ("。", 20), (" ", 20), ("\n", 15), ("！", 5), ("", 10)])
            else:
                j = wchoice(rng, [(" ", 30), (". ", 16), (", ", 10), ("\n", 16), (" - ", 4), ("! ", 5),
                                  ("... ", 5), (" " + rng.choice(EMOJI) + " ", 10), ("\n\n", 2), ("? ", 2)])
            pieces.append((j, None))
        pieces += render_template(ctx, tmpl, lang, args)
    if rng.random() < 0.3:
        pieces.append((rng.choice(["", " "]) + rng.choice(EMOJI) * rng.choice([1, 1, 2, 3]), None))
    if rng.random() < 0.08:  # lazy typing: lower-case the plain text (values keep their case)
        pieces = [(t.lower(), tag) if tag is None else (t, tag) for t, tag in pieces]
    return pieces


def _asc_alnum(c):
    return c.isascii() and c.isalnum()


def _adjacent_ok(text, s, e, kind):
    """Reject spans whose boundaries would be ambiguous to a reader: a digit group
    right before/after a number, letters glued to a number, an address glued to
    more address characters."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if kind == "email":
        return not (before.isalnum() or before in "._%+-") and not (after.isalnum() or after in "_%+-@")
    if re.match(r"[\s\-./]{0,2}\d", ascii_digits(text[e:e + 3])):
        return False
    if re.search(r"\d[\s\-./]{0,2}$", ascii_digits(text[max(0, s - 3):s])):
        return False
    if kind == "ip_address":
        return not (_asc_alnum(before) or before in ".:") and not (
            _asc_alnum(after) or after == "." and e + 1 < len(text) and text[e + 1].isalnum())
    return not _asc_alnum(before) and not _asc_alnum(after)


def assemble(pieces):
    """-> text, labels, negatives, protected (code-point spans)"""
    text_parts, labels, negs, protected = [], [], [], []
    cp = bp = 0
    for t, tag in pieces:
        if not t:
            continue
        b = len(t.encode("utf-8"))
        if tag:
            kind_type, kind = tag.split(":", 1)
            if kind_type == "L":
                labels.append({"kind": kind, "start": bp, "end": bp + b, "_cp": (cp, cp + len(t))})
                protected.append((cp, cp + len(t)))
            else:
                negs.append({"kind": kind, "start": bp, "end": bp + b, "guarded": kind_type == "G"})
                if kind_type == "G":
                    protected.append((cp, cp + len(t)))
        text_parts.append(t)
        cp += len(t)
        bp += b
    return "".join(text_parts), labels, negs, protected


def make_message(seed: int, idx: int, regions: dict, kinds, region_code=None, max_tries=60):
    rng = __import__("random").Random(stable_seed(seed, "msg", idx))
    codes = list(REGIONS)
    code = region_code or wchoice(rng, [(c, REGIONS[c]["w"]) for c in codes])
    region = regions[code]
    region.fk.seed_instance(stable_seed(seed, "fk", idx))
    ctx = Ctx(rng, region, kinds)
    last_problem = None
    for attempt in range(max_tries):
        pieces = build_message(ctx)
        text, labels, negs, protected = assemble(pieces)
        nbytes = len(text.encode("utf-8"))
        if nbytes < 40 or nbytes > 250 or text != text.strip() and text.strip() == "":
            last_problem = "length %d" % nbytes
            continue
        if any(not _adjacent_ok(text, *l["_cp"], l["kind"]) for l in labels):
            last_problem = "adjacency"
            continue
        prob = audit(text, code, protected)
        if prob:
            last_problem = prob
            continue
        enc = text.encode("utf-8")
        for l in labels:
            cs, ce = l.pop("_cp")
            assert enc[l["start"]:l["end"]].decode("utf-8") == text[cs:ce]
        return {"id": idx, "region": code, "text": text, "labels": labels, "negatives": negs}, attempt
    raise RuntimeError("message %d (%s): no clean message after %d tries, last problem %s"
                       % (idx, code, max_tries, last_problem))


ALL_KINDS = ["phone", "email", "credit_card", "iban", "ip_address"] + list(ID_KINDS) + list(NK_KINDS)


def label_valid(kind: str, value: str, region: str) -> bool:
    """The oracle verdict on one labelled value."""
    if kind == "phone":
        v = ascii_digits(value)
        try:
            if re.fullmatch(r"\+?\d+", v) and pn.is_valid_number(pn.parse("+" + v.lstrip("+"), None)):
                return True  # wa.me / phone= / JID digits (international, no IDD)
        except pn.NumberParseException:
            pass
        try:
            return pn.is_valid_number(pn.parse(value, region))
        except pn.NumberParseException:
            return False
    if kind == "email":
        return email_ok(value)
    if kind == "credit_card":
        d = re.sub(r"[ \-]", "", value)
        return d.isdigit() and 13 <= len(d) <= 19 and stdnum.luhn.is_valid(d)
    if kind == "iban":
        return stdnum.iban.is_valid(re.sub(r"[ \-]", "", value).upper())
    if kind == "ip_address":
        return ip_ok(value)
    if kind in NK_KINDS:
        return NK_KINDS[kind][3](value)
    return ID_KINDS[kind].valid(value)


def verify(path: str) -> int:
    """Re-check a corpus file: offsets, label validity, and the negative audit."""
    bad = 0
    n = 0
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        n += 1
        text, region = rec["text"], rec["region"]
        enc = text.encode("utf-8")
        b2c, pos = {}, 0
        for i, ch in enumerate(text):
            b2c[pos] = i
            pos += len(ch.encode("utf-8"))
        b2c[pos] = len(text)
        protected, prev_end = [], -1
        for l in sorted(rec["labels"], key=lambda l: l["start"]):
            ok = l["start"] in b2c and l["end"] in b2c and l["start"] >= prev_end
            val = enc[l["start"]:l["end"]].decode("utf-8", errors="replace")
            if not ok or not label_valid(l["kind"], val, region):
                print("bad label #%s %s %r" % (rec["id"], l["kind"], val), file=sys.stderr)
                bad += 1
            prev_end = l["end"]
            protected.append((b2c.get(l["start"], 0), b2c.get(l["end"], 0)))
        for g in rec.get("negatives", []):
            if g.get("guarded"):
                protected.append((b2c[g["start"]], b2c[g["end"]]))
        prob = audit(text, region, protected)
        if prob:
            print("audit #%s: %s" % (rec["id"], prob), file=sys.stderr)
            bad += 1
    print("verify: %d messages, %d problems" % (n, bad), file=sys.stderr)
    return bad


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ensure_venv(Path(__file__).resolve(), argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--messages", type=int, default=4000)
    ap.add_argument("--out", default="-", help="output JSONL path ('-' = stdout)")
    ap.add_argument("--kinds", default="all",
                    help="comma-separated kinds to embed (default all): " + ",".join(ALL_KINDS))
    ap.add_argument("--regions", default="all", help="comma-separated region codes (default all)")
    ap.add_argument("--verify", metavar="PATH", help="re-check an existing corpus file with the oracles and exit")
    args = ap.parse_args(argv)
    load_deps()
    if args.verify:
        sys.exit(1 if verify(args.verify) else 0)
    kinds = ALL_KINDS if args.kinds == "all" else [k.strip() for k in args.kinds.split(",") if k.strip()]
    bad = [k for k in kinds if k not in ALL_KINDS]
    if bad:
        ap.error("unknown kinds: %s" % ", ".join(bad))
    region_list = list(REGIONS) if args.regions == "all" else args.regions.split(",")
    t0 = time.time()
    regions = {c: Region(c, args.seed) for c in REGIONS}
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    counts: dict[str, int] = {}
    neg_counts: dict[str, int] = {}
    per_region: dict[str, int] = {}
    retries = 0
    total_bytes = 0
    sub = __import__("random").Random(stable_seed(args.seed, "regions"))
    for i in range(args.messages):
        forced = None if args.regions == "all" else sub.choice(region_list)
        rec, tries = make_message(args.seed, i, regions, set(kinds), forced)
        retries += tries
        for l in rec["labels"]:
            counts[l["kind"]] = counts.get(l["kind"], 0) + 1
        for n in rec["negatives"]:
            neg_counts[n["kind"]] = neg_counts.get(n["kind"], 0) + 1
        per_region[rec["region"]] = per_region.get(rec["region"], 0) + 1
        total_bytes += len(rec["text"].encode())
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    dt = time.time() - t0
    with_labels = sum(counts.values())
    err = sys.stderr
    print("gen_corpus: %d messages (%d text bytes), %d labels, seed %d, %.1fs, %d regenerations"
          % (args.messages, total_bytes, with_labels, args.seed, dt, retries), file=err)
    print("labels per kind:", file=err)
    for k in sorted(counts, key=lambda k: (-counts[k], k)):
        print("  %-16s %6d" % (k, counts[k]), file=err)
    print("hard negatives per kind:", file=err)
    print("  " + ", ".join("%s %d" % (k, neg_counts[k]) for k in sorted(neg_counts, key=lambda k: -neg_counts[k])),
          file=err)
    print("messages per region: " + " ".join("%s %d" % (k, per_region[k]) for k in sorted(per_region)), file=err)


if __name__ == "__main__":
    main()
