#!/usr/bin/env python3
"""Test vectors for the identifier validators, from python-stdnum.

(Brazil's PIS/NIS, CNS and voter's title, which python-stdnum lacks, from
validate-docbr; Kazakhstan's IIN from kz-iin-validator; Zimbabwe's national
registration number from zim_id; Iran's national code from persian-tools;
Russia's SNILS from petrovna; Brazil's CNH from validate-docbr.)

    python3 tests/data/ids/gen_vectors.py    # rewrites tests/data/ids/*.txt

Each file holds valid values of one kind, one per line, generated at random
(fixed seed) and accepted by python-stdnum (the version pinned in
tests/corpus/requirements.txt), an implementation independent of ours. The
Rust unit tests of src/detect/ids/ read them with include_str! and check that
every value passes and every single-character change fails. Runs inside
target/eval-venv like the corpus scripts (PIIMASK_NO_VENV=1 to skip that).
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "corpus"))
import gen_corpus  # noqa: E402  (venv bootstrap only)

N = 12


def main() -> None:
    gen_corpus.ensure_venv(Path(__file__).resolve(), sys.argv[1:])
    from stdnum import luhn, verhoeff
    from stdnum.id import npwp
    from stdnum.in_ import epic, gstin, pan, vid
    from stdnum.ke import pin as ke_pin
    from stdnum.my import nric
    from stdnum.pk import cnic
    from stdnum.th import pin as th_pin
    from stdnum.ec import ci as ec_ci
    from stdnum.pe import cui as pe_cui
    from stdnum.ru import inn as ru_inn
    from stdnum.ar import cbu as ar_cbu
    from stdnum.do import cedula as do_cedula
    from stdnum.ec import ruc as ec_ruc
    from stdnum.pe import ruc as pe_ruc
    from stdnum.ve import rif as ve_rif
    from stdnum import ean
    from stdnum.be import nn as be_nn
    from stdnum.ch import ssn as ch_ssn
    from stdnum.ie import pps as ie_pps
    from stdnum.ie import vat as ie_vat
    from stdnum.il import idnr as il_idnr
    from stdnum.pt import cc as pt_cc
    from stdnum.pt import nif as pt_nif
    from stdnum.ro import cnp as ro_cnp
    from stdnum.at import vnr as at_vnr
    from stdnum.cz import rc as cz_rc
    from stdnum.dk import cpr as dk_cpr
    from stdnum.no import fodselsnummer as no_fnr
    from stdnum.ee import ik as ee_ik
    from stdnum.gr import amka as gr_amka
    from stdnum.hr import oib as hr_oib
    from stdnum.iso7064 import mod_11_10
    from stdnum.lt import asmens as lt_asmens
    from stdnum.bg import egn as bg_egn
    from stdnum.si import emso as si_emso
    from stdnum.lv import pvn as lv_pvn
    from stdnum.gr import vat as gr_vat
    from stdnum.ua import rntrc as ua_rntrc
    from stdnum.jp import in_ as jp_in
    from stdnum.sv import nit as sv_nit
    from stdnum.py import ruc as py_ruc
    from stdnum.cu import ni as cu_ni
    from validate_docbr import CNH, CNS, PIS, TituloEleitoral
    from kz_iin_validator import safe_validate_iin
    from zim_id import ZimID
    from persian_tools import national_id as ir_national_id
    from petrovna import validate_snils
    from faker import Faker

    rng = random.Random(13)
    up = string.ascii_uppercase
    digits = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    letters = lambda n: "".join(rng.choice(up) for _ in range(n))  # noqa: E731
    alnum36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def gen_gstin() -> str:
        state = rng.choice(sorted(gstin._STATE_CODES))
        p = letters(3) + rng.choice(sorted(pan._pan_holder_types)) + letters(1)
        p += f"{rng.randint(1, 9999):04d}" + letters(1)
        body = state + p + rng.choice(alnum36[1:]) + "Z"
        return body + luhn.calc_check_digit(body, alnum36)

    def gen_epic() -> str:
        body = digits(6)
        return letters(3) + body + luhn.calc_check_digit(body)

    def gen_vid() -> str:
        body = str(rng.randint(2, 9)) + digits(14)
        return body + verhoeff.calc_check_digit(body)

    def gen_cnic() -> str:
        return str(rng.randint(1, 7)) + digits(11) + str(rng.randint(1, 9))

    def gen_npwp() -> str:
        body = digits(8)
        n = body + luhn.calc_check_digit(body) + digits(6)
        return "0" + n if rng.random() < 0.3 else n

    def gen_my_nric() -> str:
        from stdnum import numdb
        places = [line.split()[0] for line in
                  (Path(nric.__file__).parent / "bp.dat").read_text().splitlines()
                  if line and not line.startswith("#")]
        while True:
            y, m, d = rng.randint(0, 99), rng.randint(1, 12), rng.randint(1, 28)
            v = f"{y:02d}{m:02d}{d:02d}" + rng.choice(places) + digits(4)
            if nric.is_valid(v) and numdb.get("my/bp").info(v[6:8])[0][1]:
                return v

    def gen_th_id() -> str:
        body = str(rng.randint(1, 8)) + digits(11)
        return body + th_pin.calc_check_digit(body)

    def gen_ke_pin() -> str:
        return rng.choice("AP") + digits(9) + letters(1)

    def gen_ec_cedula() -> str:
        # People's cédulas: a province (01-24, 30 abroad), third digit 0-5.
        body = rng.choice([f"{p:02d}" for p in range(1, 25)] + ["30"])
        body += str(rng.randint(0, 5)) + digits(6)
        return body + luhn.calc_check_digit(body)

    def gen_pe_dni() -> str:
        body = digits(8)
        checks = pe_cui.calc_check_digits(body)
        return body + "-" + rng.choice(checks) if rng.random() < 0.5 else body

    def gen_ru_inn() -> str:
        body = f"{rng.randint(1, 99):02d}" + digits(8)
        return body + ru_inn.calc_personal_check_digits(body)

    def gen_ar_cbu() -> str:
        # Bank and branch, then the account (CVUs of wallets start 000).
        first = digits(7)
        rest = digits(13)
        return first + ar_cbu.calc_check_digit(first) + rest + ar_cbu.calc_check_digit(rest)

    def gen_do_cedula() -> str:
        body = f"{rng.randint(1, 402):03d}" + digits(7)
        return body + luhn.calc_check_digit(body)

    def gen_pe_ruc() -> str:
        # People's RUCs only: 10 and a DNI, 15 and 17 without one.
        body = rng.choice(["10", "15", "17"]) + digits(8)
        return body + pe_ruc.calc_check_digit(body)

    def gen_ec_ruc() -> str:
        return gen_ec_cedula() + f"{rng.randint(1, 3):03d}"

    def gen_ve_rif() -> str:
        # People's RIFs: V (Venezuelan), E (foreigner), P (passport).
        body = rng.choice("VEP") + f"{rng.randint(1_000_000, 33_000_000):08d}"
        return body + ve_rif.calc_check_digit(body + "0")

    def gen_il_idnr() -> str:
        body = digits(8)
        return body + luhn.calc_check_digit(body)

    def gen_pt_nif() -> str:
        # People's numbers: 1, 2 or 3 (and 45, non-residents).
        body = rng.choice(["1", "2", "3", "45"])
        body += digits(8 - len(body))
        return body + pt_nif.calc_check_digit(body)

    def gen_pt_cc() -> str:
        body = digits(9) + rng.choice(["ZZ", "ZY", "ZX", "ZW", "ZV"])
        return body + pt_cc.calc_check_digit(body)

    def gen_ro_cnp() -> str:
        counties = sorted(ro_cnp._COUNTIES)
        sex = rng.choice("123456")
        yy = rng.randint(0, 25) if sex in "56" else rng.randint(0, 99)
        body = sex + f"{yy:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        body += rng.choice(counties) + f"{rng.randint(1, 999):03d}"
        return body + ro_cnp.calc_check_digit(body)

    def gen_be_nn() -> str:
        yy = rng.randint(0, 99)
        body = f"{yy:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 998):03d}"
        base = int(("2" + body) if yy <= 20 and rng.random() < 0.5 else body)
        return body + f"{97 - base % 97:02d}"

    def gen_ch_ahv() -> str:
        body = "756" + digits(9)
        return body + ean.calc_check_digit(body)

    def gen_ie_pps() -> str:
        body = digits(7)
        second = rng.choice(["", "", "W", "A", "B", "H"])
        if second in ("A", "B", "H"):
            return body + ie_vat.calc_check_digit(body + second) + second
        return body + ie_vat.calc_check_digit(body) + second

    def gen_no_fnr() -> str:
        # Born 1900-1999 (individual digits below 500) or from 2000 (500-999).
        yy = rng.randint(0, 99)
        individual = rng.randint(0, 499) if yy >= 30 else rng.randint(500, 999)
        day = rng.randint(1, 28) + (40 if rng.random() < 0.2 else 0)
        body = f"{day:02d}{rng.randint(1, 12):02d}{yy:02d}{individual:03d}"
        body += no_fnr.calc_check_digit1(body)
        return body + no_fnr.calc_check_digit2(body)

    def gen_dk_cpr() -> str:
        return f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}" + digits(4)

    def gen_cz_rc() -> str:
        yy = rng.randint(54, 99) if rng.random() < 0.7 else rng.randint(0, 20)
        month = rng.randint(1, 12) + (50 if rng.random() < 0.5 else 0)
        body = f"{yy:02d}{month:02d}{rng.randint(1, 28):02d}" + digits(3)
        return body + str(int(body) % 11 % 10)

    def gen_at_svnr() -> str:
        serial = f"{rng.randint(100, 999):03d}"
        date = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}"
        return serial + at_vnr.calc_check_digit(serial + "0" + date) + date

    def gen_hr_oib() -> str:
        body = str(rng.randint(1, 9)) + digits(9)
        return body + mod_11_10.calc_check_digit(body)

    def gen_gr_amka() -> str:
        body = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}" + digits(4)
        return body + luhn.calc_check_digit(body)

    def gen_baltic(century_digits: str) -> str:
        body = rng.choice(century_digits)
        yy = rng.randint(0, 25) if body in "56" else rng.randint(0, 99)
        body += f"{yy:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + digits(3)
        return body + ee_ik.calc_check_digit(body + "0")

    def gen_bg_egn() -> str:
        yy = rng.randint(0, 99)
        month = rng.randint(1, 12)
        if yy <= 25 and rng.random() < 0.5:
            month += 40
        body = f"{yy:02d}{month:02d}{rng.randint(1, 28):02d}" + digits(3)
        return body + bg_egn.calc_check_digit(body)

    def gen_jmbg() -> str:
        year = rng.choice([rng.randint(920, 999), rng.randint(0, 25)])
        body = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{year:03d}"
        body += rng.choice(["50", "71", "75", "80", "10", "17", "21", "41", "45"]) + digits(3)
        return body + si_emso.calc_check_digit(body)

    def gen_lv() -> str:
        if rng.random() < 0.3:
            body = "32" + digits(8)
        else:
            century = rng.choice("12")
            yy = rng.randint(0, 25) if century == "2" else rng.randint(20, 99)
            body = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{yy:02d}" + century + digits(3)
        return body + lv_pvn.calc_check_digit_pers(body)

    def gen_gr_afm() -> str:
        body = digits(8)
        return body + gr_vat.calc_check_digit(body)

    def gen_ua() -> str:
        body = digits(9)
        return body + ua_rntrc.calc_check_digit(body)

    def gen_jp() -> str:
        body = digits(11)
        return body + jp_in.calc_check_digit(body)

    def gen_sv_nit() -> str:
        place = rng.choice([f"{rng.randint(1, 14):02d}{rng.randint(1, 30):02d}", "9" + digits(3)])
        date = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}" + digits(2)
        body = place + date + rng.choice([f"{rng.randint(1, 100):03d}", f"{rng.randint(101, 999)}"])
        return body + sv_nit.calc_check_digit(body)

    # El Salvador's DUI: python-stdnum has none; the check as RNPN
    # publishes it (weights 9 … 2, (10 − Σ mod 10) mod 10), written here
    # apart from the Rust validator.
    def gen_sv_dui() -> str:
        body = digits(8)
        total = sum(int(d) * w for d, w in zip(body, range(9, 1, -1)))
        return body + str((10 - total % 10) % 10)

    # São Paulo's RG: no package at hand computes it. The check in its
    # other circulating form (weights 2 … 9 from the left, 11 minus the
    # remainder, 10 written X and 11 written 0), written here apart from
    # the Rust validator, which takes the remainder under weights 9 … 2.
    def gen_br_rg() -> str:
        body = digits(8)
        r = 11 - sum(int(d) * w for d, w in zip(body, range(2, 10))) % 11
        return body + {10: "X", 11: "0"}.get(r, str(r))

    def gen_py_ruc() -> str:
        body = str(rng.randint(100000, 8999999))
        return body + py_ruc.calc_check_digit(body)

    # validate-docbr draws from the random module's own generator.
    random.seed(113)
    br_pis, br_cns, br_titulo = PIS(), CNS(), TituloEleitoral()

    # Taiwan: python-stdnum has no national ID; Faker's zh_TW provider
    # computes the check digit itself (another independent implementation).
    taiwan = Faker("zh_TW")
    taiwan.seed_instance(13)

    # Kazakhstan: a birth date, its century-and-sex digit and a serial;
    # kz-iin-validator computes the check digit's two passes itself.
    def gen_kz_iin() -> str:
        year = rng.randint(1930, 2024)
        century = {18: 1, 19: 3, 20: 5}[year // 100] + rng.randint(0, 1)
        body = f"{year % 100:02}{rng.randint(1, 12):02}{rng.randint(1, 28):02}{century}{digits(4)}"
        return body + str(rng.randint(0, 9))

    kinds = {
        "in_gstin": (gen_gstin, gstin.is_valid),
        "in_voter_id": (gen_epic, epic.is_valid),
        "in_vid": (gen_vid, vid.is_valid),
        "pk_cnic": (gen_cnic, cnic.is_valid),
        "id_npwp": (gen_npwp, npwp.is_valid),
        "my_nric": (gen_my_nric, nric.is_valid),
        "th_id": (gen_th_id, th_pin.is_valid),
        "ke_kra_pin": (gen_ke_pin, ke_pin.is_valid),
        "ec_cedula": (gen_ec_cedula, ec_ci.is_valid),
        "pe_dni": (gen_pe_dni, pe_cui.is_valid),
        "ru_inn": (gen_ru_inn, lambda v: len(v) == 12 and ru_inn.is_valid(v)),
        "ar_cbu": (gen_ar_cbu, ar_cbu.is_valid),
        "do_cedula": (gen_do_cedula, do_cedula.is_valid),
        "pe_ruc": (gen_pe_ruc, pe_ruc.is_valid),
        "ec_ruc": (gen_ec_ruc, ec_ruc.is_valid),
        "ve_rif": (gen_ve_rif, ve_rif.is_valid),
        "il_idnr": (gen_il_idnr, lambda v: len(v) == 9 and il_idnr.is_valid(v)),
        "pt_nif": (gen_pt_nif, pt_nif.is_valid),
        "pt_cc": (gen_pt_cc, pt_cc.is_valid),
        "ro_cnp": (gen_ro_cnp, ro_cnp.is_valid),
        "be_nn": (gen_be_nn, be_nn.is_valid),
        "ch_ahv": (gen_ch_ahv, ch_ssn.is_valid),
        "ie_pps": (gen_ie_pps, ie_pps.is_valid),
        "no_fnr": (gen_no_fnr, no_fnr.is_valid),
        "dk_cpr": (gen_dk_cpr, dk_cpr.is_valid),
        "cz_rc": (gen_cz_rc, lambda v: len(v) == 10 and cz_rc.is_valid(v)),
        "at_svnr": (gen_at_svnr, at_vnr.is_valid),
        "hr_oib": (gen_hr_oib, hr_oib.is_valid),
        "gr_amka": (gen_gr_amka, gr_amka.is_valid),
        "ee_isikukood": (lambda: gen_baltic("3456"), ee_ik.is_valid),
        "lt_asmens_kodas": (lambda: gen_baltic("3456"), lt_asmens.is_valid),
        "bg_egn": (gen_bg_egn, bg_egn.is_valid),
        "rs_jmbg": (gen_jmbg, si_emso.is_valid),
        "lv_personas_kods": (gen_lv, lv_pvn.is_valid),
        "gr_afm": (gen_gr_afm, gr_vat.is_valid),
        "ua_rnokpp": (gen_ua, ua_rntrc.is_valid),
        "tw_id": (taiwan.ssn, lambda v: len(v) == 10),
        "jp_my_number": (gen_jp, jp_in.is_valid),
        "sv_nit": (gen_sv_nit, sv_nit.is_valid),
        "sv_dui": (gen_sv_dui, lambda v: len(v) == 9),
        "py_ruc": (gen_py_ruc, py_ruc.is_valid),
        "br_pis": (br_pis.generate, br_pis.validate),
        "br_cns": (br_cns.generate, br_cns.validate),
        "br_titulo_eleitor": (br_titulo.generate, br_titulo.validate),
        "kz_iin": (gen_kz_iin, lambda v: safe_validate_iin(v)[0] is not None),
        # zim_id draws from the random module, seeded above.
        "zw_nid": (ZimID.generate, ZimID.validate),
        "ir_national_id": (ir_national_id.generate_random, ir_national_id.validate),
        "cu_ni": (lambda: digits(11), lambda v: cu_ni.is_valid(v) and v[6] not in "678"),
        # petrovna checks the digits only, not the unchecked numbers below
        # 001-001-999, which our validator leaves out.
        "ru_snils": (lambda: digits(11), lambda v: validate_snils(v) and int(v[:9]) > 1001998),
        # Random digits that validate-docbr accepts, so that the numbers
        # whose first remainder is 10 (its "discount" of 2) come up too.
        "br_cnh": (lambda: digits(11), CNH().validate),
        "br_rg": (gen_br_rg, lambda v: len(v) == 9),
    }
    for name, (gen, ok) in kinds.items():
        values = []
        while len(values) < N:
            v = gen()
            if ok(v) and v not in values:
                values.append(v)
        (HERE / f"{name}.txt").write_text("\n".join(values) + "\n")
        print(name, len(values), file=sys.stderr)


if __name__ == "__main__":
    main()
