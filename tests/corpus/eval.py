#!/usr/bin/env python3
"""Accuracy harness: score PII engines against a labelled corpus (gen_corpus.py).

    python3 tests/corpus/eval.py --corpus corpus.jsonl
    python3 tests/corpus/eval.py --corpus corpus.jsonl --engines piimask,phonenumbers \\
        --kinds phone,email --errors 15 --json report.json

Engines
  piimask       `<bin> scan FILE` (the CLI of this repo; skipped until it is built)
  phonenumbers  libphonenumber's PhoneNumberMatcher(text, region, Leniency.VALID), phones only
  presidio      presidio-analyzer's predefined pattern recognizers (no NLP model:
                AnalyzerEngine with presidio's NoOpNlpEngine)
  presidio_rs   PyPI presidio-rs (a persistent Analyzer)
  datafog       PyPI datafog-core (scan(); locale "de" for DE messages)

A prediction is a true positive when its kind and [start, end) (UTF-8 bytes) equal
a gold label exactly.  Peer entity types are mapped to our kinds; types with no
mapping count as false positives of kind `other`.  By default the peers are asked
only for the entity types that map to our kinds (--peer-entities mapped); use
--peer-entities all to run everything they have.

The first run creates target/eval-venv, installs tests/corpus/requirements.txt
and then the peers as needed (pinned below); a peer that cannot be installed or
imported is reported and skipped.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen_corpus  # noqa: E402  (stdlib-only at import time)

ALL_ENGINES = ["piimask", "phonenumbers", "presidio", "presidio_rs", "datafog"]
PEER_PACKAGES = {  # engine -> (import name, pip requirement)
    "presidio": ("presidio_analyzer", "presidio-analyzer==2.2.366"),
    "presidio_rs": ("presidio_rs", "presidio-rs==0.1.11"),
    "datafog": ("datafog_core", "datafog-core==0.4.4"),
}

# Presidio (Python) and presidio-rs entity types -> our kinds.
PRESIDIO_MAP = {
    "PHONE_NUMBER": "phone", "ZA_MOBILE_NUMBER": "phone", "ZA_TELEPHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email", "CREDIT_CARD": "credit_card", "IBAN_CODE": "iban",
    "IP_ADDRESS": "ip_address", "US_SSN": "us_ssn", "US_ITIN": "us_itin", "BR_CPF": "br_cpf",
    "BR_CNPJ": "br_cnpj", "IN_AADHAAR": "in_aadhaar", "IN_PAN": "in_pan", "MX_CURP": "mx_curp",
    "MX_RFC": "mx_rfc", "ES_NIF": "es_nif", "ES_NIE": "es_nie", "IT_FISCAL_CODE": "it_fiscal_code",
    "PL_PESEL": "pl_pesel", "NL_BSN": "nl_bsn", "FR_NIR": "fr_nir", "DE_TAX_ID": "de_tax_id",
    "UK_NINO": "gb_nino", "UK_NHS": "gb_nhs", "CA_SIN": "ca_sin", "CN_RIC": "cn_resident_id",
    "KR_RRN": "kr_rrn", "ZA_ID": "za_id", "ZA_ID_NUMBER": "za_id", "TR_TCKN": "tr_tckn",
    "TR_NATIONAL_ID": "tr_tckn", "SE_PERSONNUMMER": "se_personnummer",
    "FI_PERSONAL_IDENTITY_CODE": "fi_hetu", "AR_CUIT": "ar_cuit", "CL_RUT": "cl_rut",
    "CO_NIT": "co_nit", "ID_NIK": "id_nik", "NG_NIN": "ng_nin", "SG_NRIC_FIN": "sg_nric",
    "AU_TFN": "au_tfn", "AU_MEDICARE": "au_medicare",
}
DATAFOG_MAP = {
    "PHONE": "phone", "EMAIL": "email", "CREDIT_CARD": "credit_card", "IP_ADDRESS": "ip_address",
    "SSN": "us_ssn", "DE_IBAN": "iban", "DE_TAX_ID": "de_tax_id",
}


class Unavailable(Exception):
    pass


def cp_to_byte_table(text: str) -> list[int]:
    """table[i] = UTF-8 byte offset of code point i (len(text)+1 entries)."""
    out = [0]
    acc = 0
    for ch in text:
        o = ord(ch)
        acc += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        out.append(acc)
    return out


def ensure_peer(engine: str) -> None:
    mod, req = PEER_PACKAGES[engine]
    if importlib.util.find_spec(mod) is None:
        print(f"[setup] installing {req} for engine {engine} ...", file=sys.stderr)
        ok, out = gen_corpus.pip_install([req])
        importlib.invalidate_caches()
        if not ok:
            raise Unavailable(f"pip install {req} failed: {out.strip().splitlines()[-1] if out.strip() else '?'}")
    try:
        importlib.import_module(mod)
    except Exception as e:  # noqa: BLE001
        raise Unavailable(f"import {mod} failed: {type(e).__name__}: {e}")


# ---------------------------------------------------------------------------
# engines: setup() may raise Unavailable; run(records) -> {id: [(kind, start, end)]}
#
# A per-message engine splits its work in two so that benches/compare/compare.py can
# time the engine's own call alone: caller() returns f(text, region) -> raw result
# (the one call per message), convert(text, raw) maps it to [(kind, start, end)].
# ---------------------------------------------------------------------------

class Engine:
    name = "?"
    supported: set[str] = set()   # our kinds the engine can report at all
    note = ""

    def __init__(self, args):
        self.args = args

    def setup(self):
        pass

    def caller(self):
        raise NotImplementedError

    def convert(self, text, raw):
        raise NotImplementedError

    def run(self, records, corpus_path):
        call, convert = self.caller(), self.convert
        return {r["id"]: convert(r["text"], call(r["text"], r.get("region"))) for r in records}


class PiimaskEngine(Engine):
    name = "piimask"

    def setup(self):
        b = Path(self.args.piimask_bin)
        if not b.is_absolute():
            b = gen_corpus.repo_root() / b
        if not b.exists():
            raise Unavailable(f"{b} does not exist yet (cargo build --release)")
        self.bin = b
        self.supported = set(gen_corpus.ALL_KINDS)
        self.note = "includes process start-up and JSON in/out"

    def run(self, records, corpus_path):
        cmd = [str(self.bin), "scan", str(corpus_path)]
        proc = subprocess.run(cmd, capture_output=True)
        if proc.returncode != 0:
            raise Unavailable("%s exited %d: %s" % (" ".join(cmd), proc.returncode,
                                                   proc.stderr.decode(errors="replace")[-500:]))
        out = {}
        lines = proc.stdout.decode("utf-8").splitlines()
        if len(lines) != len(records):
            print(f"[piimask] warning: {len(lines)} output lines for {len(records)} messages", file=sys.stderr)
        for i, line in enumerate(lines):
            obj = json.loads(line)
            rid = obj.get("id", records[i]["id"] if i < len(records) else i)
            out[rid] = [(f["kind"], f["start"], f["end"]) for f in obj.get("findings", [])]
        return out


class PhonenumbersEngine(Engine):
    name = "phonenumbers"
    supported = {"phone"}
    note = "PhoneNumberMatcher, Leniency.VALID, message region"

    def setup(self):
        import phonenumbers
        self.pn = phonenumbers

    def caller(self):
        matcher, valid = self.pn.PhoneNumberMatcher, self.pn.Leniency.VALID
        return lambda text, region: [(m.start, m.end) for m in matcher(text, region or "ZZ", leniency=valid)]

    def convert(self, text, raw):
        tab = cp_to_byte_table(text) if raw else None
        return [("phone", tab[s], tab[e]) for s, e in raw]


class PresidioEngine(Engine):
    name = "presidio"
    note = "predefined pattern recognizers + PhoneRecognizer, NoOpNlpEngine"

    def setup(self):
        ensure_peer("presidio")
        import inspect
        import logging
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        # tldextract (used by the e-mail/URL recognizers) tries to download the public
        # suffix list and logs a traceback when offline; it falls back to its snapshot.
        logging.getLogger("tldextract").setLevel(logging.CRITICAL)
        from presidio_analyzer import AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer import predefined_recognizers as pr
        from presidio_analyzer.nlp_engine import NoOpNlpEngine
        recs, names = [], []
        for n in sorted(dir(pr)):
            c = getattr(pr, n)
            if not (inspect.isclass(c) and issubclass(c, EntityRecognizer)):
                continue
            if not (issubclass(c, PatternRecognizer) or n in ("PhoneRecognizer", "ZaMobileNumberRecognizer",
                                                               "ZaTelephoneNumberRecognizer")):
                continue  # NER / NLP / remote recognizers need models or services
            try:
                inst = c(supported_language="en")
            except Exception:  # noqa: BLE001
                continue
            ents = inst.supported_entities
            if self.args.peer_entities == "mapped" and not any(e in PRESIDIO_MAP for e in ents):
                continue
            recs.append(inst)
            names.append(n)
        registry = RecognizerRegistry(recognizers=recs, supported_languages=["en"])
        nlp = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "noop"}])
        self.engine = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["en"])
        self.supported = {PRESIDIO_MAP[e] for r in recs for e in r.supported_entities if e in PRESIDIO_MAP}
        self.recognizers = names

    def caller(self):
        analyze, threshold = self.engine.analyze, self.args.score_threshold
        return lambda text, region: analyze(text=text, language="en", score_threshold=threshold)

    def convert(self, text, raw):
        tab = cp_to_byte_table(text) if raw else None
        return [(PRESIDIO_MAP.get(x.entity_type, "other"), tab[x.start], tab[x.end]) for x in raw]


class PresidioRsEngine(Engine):
    name = "presidio_rs"
    note = "presidio_rs.Analyzer().analyze(text, 'en')"

    def setup(self):
        ensure_peer("presidio_rs")
        import presidio_rs
        self.az = presidio_rs.Analyzer()
        ents = list(self.az.supported_entities())
        self.entities = [e for e in ents if e in PRESIDIO_MAP] if self.args.peer_entities == "mapped" else None
        self.supported = {PRESIDIO_MAP[e] for e in ents if e in PRESIDIO_MAP}

    def caller(self):
        analyze, entities, threshold = self.az.analyze, self.entities, self.args.score_threshold
        return lambda text, region: analyze(text, language="en", entities=entities, score_threshold=threshold)

    def convert(self, text, raw):
        tab = cp_to_byte_table(text) if raw else None
        # presidio-rs reports code-point offsets (checked against astral-plane text)
        return [(PRESIDIO_MAP.get(x["entity_type"], "other"), tab[x["start"]], tab[x["end"]]) for x in raw]


class DatafogEngine(Engine):
    name = "datafog"
    note = "datafog_core.scan(); locale de for DE"

    def setup(self):
        ensure_peer("datafog")
        import datafog_core
        self.df = datafog_core
        caps = datafog_core.capabilities()
        default = [e for e in caps["default_entities"]]
        de = default + [e for e in caps["locales"].get("de", {}).get("enabled_entities", [])]
        if self.args.peer_entities == "mapped":
            self.cfg = {"entities": [e for e in default if e in DATAFOG_MAP]}
            self.cfg_de = {"locale": "de", "entities": [e for e in de if e in DATAFOG_MAP]}
        else:
            self.cfg, self.cfg_de = None, {"locale": "de"}
        self.supported = {DATAFOG_MAP[e] for e in de if e in DATAFOG_MAP}

    def caller(self):
        scan, cfg, cfg_de = self.df.scan, self.cfg, self.cfg_de
        if cfg is None:
            return lambda text, region: scan(text, cfg_de) if region == "DE" else scan(text)
        return lambda text, region: scan(text, cfg_de if region == "DE" else cfg)

    def convert(self, text, raw):
        return [(DATAFOG_MAP.get(f.entity_type, "other"), f.byte_range.start, f.byte_range.end) for f in raw]


ENGINES = {"piimask": PiimaskEngine, "phonenumbers": PhonenumbersEngine, "presidio": PresidioEngine,
           "presidio_rs": PresidioRsEngine, "datafog": DatafogEngine}


# ---------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(records, preds, kinds_filter=None):
    gold = set()
    negs = {}
    for r in records:
        for l in r["labels"]:
            if kinds_filter is None or l["kind"] in kinds_filter:
                gold.add((r["id"], l["kind"], l["start"], l["end"]))
        negs[r["id"]] = r.get("negatives", [])
    pred = set()
    for rid, lst in preds.items():
        for k, s, e in lst:
            if kinds_filter is None or k in kinds_filter:
                pred.add((rid, k, s, e))
    gold_by_msg = {}
    for g in gold:
        gold_by_msg.setdefault(g[0], []).append(g)
    kinds = sorted({g[1] for g in gold} | {p[1] for p in pred})
    per = {}
    fp_neg = {}
    for k in kinds:
        gk = {g for g in gold if g[1] == k}
        pk = {p for p in pred if p[1] == k}
        tp = len(gk & pk)
        fps = pk - gk
        bnd = xkind = onneg = 0
        for (rid, kk, s, e) in fps:
            ov = [g for g in gold_by_msg.get(rid, []) if g[2] < e and s < g[3]]
            if any(g[1] == kk for g in ov):
                bnd += 1
            elif ov:
                xkind += 1
            else:
                hit = [n for n in negs.get(rid, []) if n["start"] < e and s < n["end"]]
                if hit:
                    onneg += 1
                    nk = hit[0]["kind"]
                    fp_neg[nk] = fp_neg.get(nk, 0) + 1
        p, rc, f = prf(tp, len(fps), len(gk - pk))
        per[k] = dict(gold=len(gk), tp=tp, fp=len(fps), fn=len(gk - pk), precision=p, recall=rc, f1=f,
                      fp_boundary=bnd, fp_other_kind=xkind, fp_on_negative=onneg)
    return per, fp_neg, gold, pred


def micro(per, only=None):
    tp = sum(v["tp"] for k, v in per.items() if only is None or k in only)
    fp = sum(v["fp"] for k, v in per.items() if only is None or k in only)
    fn = sum(v["fn"] for k, v in per.items() if only is None or k in only)
    p, r, f = prf(tp, fp, fn)
    return dict(tp=tp, fp=fp, fn=fn, precision=p, recall=r, f1=f)


def print_table(name, per, mic, mic_sup, timing, fp_neg, note, supported=None, out=sys.stdout):
    hdr = ("kind", "gold", "TP", "FP", "FN", "P", "R", "F1", "FP:bnd", "FP:kind", "FP:neg")
    rows = []
    unsupported = [k for k in per if supported is not None and k not in supported and k != "other"
                   and per[k]["tp"] == 0 and per[k]["fp"] == 0]
    for k in sorted(per, key=lambda k: (-per[k]["gold"], k)):
        if k in unsupported:
            continue
        v = per[k]
        rows.append((k, v["gold"], v["tp"], v["fp"], v["fn"], "%.3f" % v["precision"], "%.3f" % v["recall"],
                     "%.3f" % v["f1"], v["fp_boundary"], v["fp_other_kind"], v["fp_on_negative"]))
    rows.append(("micro (all)", sum(v["gold"] for v in per.values()), mic["tp"], mic["fp"], mic["fn"],
                 "%.3f" % mic["precision"], "%.3f" % mic["recall"], "%.3f" % mic["f1"], "", "", ""))
    if mic_sup is not None:
        rows.append(("micro (supported)", "", mic_sup["tp"], mic_sup["fp"], mic_sup["fn"],
                     "%.3f" % mic_sup["precision"], "%.3f" % mic_sup["recall"], "%.3f" % mic_sup["f1"], "", "", ""))
    widths = [max(len(str(x)) for x in col) for col in zip(hdr, *rows)]
    print(f"\n== {name}  ({note})" if note else f"\n== {name}", file=out)
    print("   %.2f s for %s messages, %.2f MB/s%s" % (timing["seconds"], timing["messages"], timing["mb_per_s"],
                                                    ("; setup %.2f s" % timing["setup_seconds"])), file=out)

    def fmt(r):
        return "  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
    print(fmt(hdr), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for i, r in enumerate(rows):
        if r[0].startswith("micro") and not rows[i - 1][0].startswith("micro"):
            print("  ".join("-" * w for w in widths), file=out)
        print(fmt(r), file=out)
    if unsupported:
        print("   not reported at all (%d kinds, %d gold labels, all FN): %s" % (
            len(unsupported), sum(per[k]["gold"] for k in unsupported), " ".join(sorted(unsupported))), file=out)
    if fp_neg:
        print("   FP on planted hard negatives: " + ", ".join(
            "%s %d" % (k, v) for k, v in sorted(fp_neg.items(), key=lambda kv: -kv[1])), file=out)


def show_errors(records, gold, pred, n, supported=None, out=sys.stdout):
    by_id = {r["id"]: r for r in records}

    def ctx(rid, s, e, width=45):
        t = by_id[rid]["text"]
        b = t.encode("utf-8")
        pre = b[max(0, s - width):s].decode("utf-8", errors="ignore")
        mid = b[s:e].decode("utf-8", errors="replace")
        post = b[e:e + width].decode("utf-8", errors="ignore")
        return ("%s⟦%s⟧%s" % (pre, mid, post)).replace("\n", "⏎")

    fps = sorted(pred - gold, key=lambda x: (x[1], x[0], x[2]))
    fns = sorted(gold - pred, key=lambda x: (x[1], x[0], x[2]))
    kinds = sorted({x[1] for x in fps} | {x[1] for x in fns})
    silent = [k for k in kinds if supported is not None and k not in supported and not any(x[1] == k for x in fps)]
    if silent:
        print("\n(kinds the engine never reports, not listed: %s)" % " ".join(silent), file=out)
    for k in kinds:
        if k in silent:
            continue
        kfp = [x for x in fps if x[1] == k][:n]
        kfn = [x for x in fns if x[1] == k][:n]
        print(f"\n-- {k}: false positives ({len([x for x in fps if x[1] == k])}), showing {len(kfp)}", file=out)
        for rid, kk, s, e in kfp:
            gl = [g for g in gold if g[0] == rid and g[2] < e and s < g[3]]
            extra = ("   [gold here: %s]" % ", ".join("%s %d-%d" % (g[1], g[2], g[3]) for g in gl)) if gl else ""
            print("   #%-5s %s  %s%s" % (rid, by_id[rid]["region"], ctx(rid, s, e), extra), file=out)
        print(f"-- {k}: false negatives ({len([x for x in fns if x[1] == k])}), showing {len(kfn)}", file=out)
        for rid, kk, s, e in kfn:
            pl = [p for p in pred if p[0] == rid and p[2] < e and s < p[3]]
            extra = ("   [predicted here: %s]" % ", ".join("%s %d-%d" % (p[1], p[2], p[3]) for p in pl)) if pl else ""
            print("   #%-5s %s  %s%s" % (rid, by_id[rid]["region"], ctx(rid, s, e), extra), file=out)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    gen_corpus.ensure_venv(Path(__file__).resolve(), argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--corpus", required=True, help="JSONL written by gen_corpus.py")
    ap.add_argument("--engines", default=",".join(ALL_ENGINES), help="comma-separated: " + ",".join(ALL_ENGINES))
    ap.add_argument("--piimask-bin", default="target/release/piimask",
                    help="path of the piimask binary (relative paths from the repo root)")
    ap.add_argument("--kinds", default=None, help="score only these kinds (comma-separated)")
    ap.add_argument("--peer-entities", choices=["mapped", "all"], default="mapped",
                    help="ask peers only for entity types that map to our kinds (default), or for all")
    ap.add_argument("--score-threshold", type=float, default=None,
                    help="drop presidio / presidio_rs results scoring below this (default: none, as shipped)")
    ap.add_argument("--json", dest="json_out", default=None, help="also write the results as JSON here")
    ap.add_argument("--errors", type=int, default=0,
                    help="print up to N false positives and negatives per kind for the first engine")
    ap.add_argument("--limit", type=int, default=None, help="only the first N messages")
    args = ap.parse_args(argv)

    corpus_path = Path(args.corpus).resolve()
    records = [json.loads(l) for l in corpus_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    tmp = None
    if args.limit:
        records = records[:args.limit]
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
        for r in records:
            tmp.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.close()
        corpus_path = Path(tmp.name)
    kinds_filter = set(args.kinds.split(",")) if args.kinds else None
    total_bytes = sum(len(r["text"].encode("utf-8")) for r in records)
    print("corpus %s: %d messages, %d text bytes, %d gold labels" % (
        args.corpus, len(records), total_bytes, sum(len(r["labels"]) for r in records)))

    results, skipped, first = {}, {}, None
    for name in [e.strip() for e in args.engines.split(",") if e.strip()]:
        if name not in ENGINES:
            ap.error(f"unknown engine {name}")
        eng = ENGINES[name](args)
        try:
            t0 = time.perf_counter()
            eng.setup()
            t_setup = time.perf_counter() - t0
            t0 = time.perf_counter()
            preds = eng.run(records, corpus_path)
            secs = time.perf_counter() - t0
        except Unavailable as e:
            print(f"\n== {name}: skipped: {e}")
            skipped[name] = str(e)
            continue
        per, fp_neg, gold, pred = score(records, preds, kinds_filter)
        if name == "piimask":  # what it reports today: the kinds it emitted at least once
            eng.supported = {p[1] for p in pred}
        sup = eng.supported if kinds_filter is None else (eng.supported & kinds_filter)
        mic, mic_sup = micro(per), micro(per, only=sup) if sup and sup != set(per) else None
        timing = dict(seconds=secs, setup_seconds=t_setup, messages=len(records),
                      mb_per_s=total_bytes / secs / 1e6 if secs else 0.0)
        print_table(name, per, mic, mic_sup, timing, fp_neg, eng.note, supported=eng.supported)
        results[name] = dict(timing=timing, kinds=per, micro=mic, micro_supported=mic_sup,
                             supported_kinds=sorted(eng.supported), fp_on_negatives=fp_neg, note=eng.note)
        if first is None:
            first = (name, gold, pred, eng.supported)
    if args.errors and first:
        print(f"\n==== errors of {first[0]} (up to {args.errors} per kind and side; ⟦⟧ marks the span)")
        show_errors(records, first[1], first[2], args.errors, supported=first[3])
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(dict(corpus=str(args.corpus), messages=len(records),
                                                       text_bytes=total_bytes, kinds_filter=args.kinds,
                                                       engines=results, skipped=skipped), indent=2))
    if tmp:
        os.unlink(tmp.name)


if __name__ == "__main__":
    main()
