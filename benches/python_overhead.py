#!/usr/bin/env python3
"""Per-call overhead of the Python binding on short chat messages (~100 bytes).

Times, per message, on the same generated messages:
  - the bare cost of crossing into the library (cffi and ctypes, raw calls),
  - piimask.Scanner.scan / redact called once per message,
  - piimask scan_batch / redact_batch (one call for all messages),
  - datafog_core.scan and presidio_rs.Analyzer().analyze, when installed
    (PyPI: datafog-core, presidio-rs; --install-peers installs them).

Usage (after `pip install ./bindings/python`, e.g. in target/py-venv):
    python benches/python_overhead.py [--messages 2000] [--repeat 5]
        [--install-peers] [--json out.json] [--corpus FILE.jsonl]

--corpus times the messages of a JSON Lines corpus instead (the first
--messages of them; each line's "text" and "region"), such as the dense
labelled chat of tests/corpus/gen_corpus.py (`--seed 7`, what
benches/compare/compare.py measures): one scanner without a default region,
each message's region passed with the call (scan(text, region=R)), the batch
calls one per region, and datafog_core.scan with compare.py's configuration
(its kinds that piimask also knows; locale de for DE).

Figures are the best of --repeat runs, in microseconds per message, of
process CPU time (robust on a shared machine; --wall for wall-clock time).
"""

import argparse
import ctypes
import importlib
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

import piimask
from piimask import _ffi

PEERS = {"datafog_core": "datafog-core==0.4.4", "presidio_rs": "presidio-rs==0.1.11"}


def messages(n, seed=7):
    """WhatsApp-style messages of about 100 bytes; a third carry a phone
    number or an e-mail address, the rest look like chat with dates,
    prices and order numbers."""
    rnd = random.Random(seed)
    clean = [
        "ok see you tomorrow at the shop around 11, bring the invoice for order #{o} please 🙏",
        "price is ₹{p} incl. GST and delivery on {d}/0{m}/2024 between 10 and 12, thanks a lot!",
        "parcel {o} left the hub today 🚚 tracking says it arrives friday morning, will confirm",
        "can you check stock for SKU-{o}? the customer wants 12 units before {d}/0{m}, urgent pls",
        "hola! el pedido {o} ya salió del depósito, llega el {d}/0{m} entre 9 y 13 hs 👍 saludos",
    ]
    pii = [
        "hi, this is priya from the pune store, pls call me on +91 98{a} {b} or whatsapp, order #{o}",
        "hola, mi número es +54 9 11 {a2}-{b2}, escribime cuando llegue el pedido {o} 🙏 gracias!",
        "send the bill for order {o} to ravi.{a}@example.in and cc accounts@shop.example, thx",
        "call 0{a}{b} tomorrow before noon about order {o}, ask for mr. sharma at the front desk",
        "wa.me/4477009{a}{a} is my work number, the other one is switched off this week, regards",
    ]
    out = []
    for i in range(n):
        fields = dict(
            o=rnd.randint(10_000_000, 99_999_999),
            p=rnd.randint(100, 99_999),
            d=rnd.randint(10, 28),
            m=rnd.randint(1, 9),
            a=rnd.randint(100, 999),
            b=rnd.randint(10_000, 99_999),
            a2=rnd.randint(1000, 9999),
            b2=rnd.randint(1000, 9999),
        )
        templates = pii if i % 3 == 0 else clean
        out.append(rnd.choice(templates).format(**fields))
    return out


# Process CPU time (all threads) by default: on a shared machine, time spent
# descheduled is not the binding's. --wall switches to wall-clock time.
CLOCK = time.process_time_ns


def _dist_version(name):
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return "?"


def corpus(path, n):
    """The first n messages of a JSON Lines corpus: (texts, regions)."""
    texts, regions = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                texts.append(record["text"])
                regions.append(record.get("region"))
                if len(texts) == n:
                    break
    return texts, regions


def datafog_configs(datafog_core):
    """compare.py's configuration of datafog_core.scan (tests/corpus/eval.py):
    the entities piimask also detects; locale de (and its entities) for DE."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "corpus"))
    from eval import DATAFOG_MAP

    caps = datafog_core.capabilities()
    default = list(caps["default_entities"])
    de = default + list(caps["locales"].get("de", {}).get("enabled_entities", []))
    cfg = {"entities": [e for e in default if e in DATAFOG_MAP]}
    cfg_de = {"locale": "de", "entities": [e for e in de if e in DATAFOG_MAP]}
    return cfg, cfg_de


def ctypes_library():
    """The same library through ctypes, for the scan path's raw calls."""
    lib = ctypes.CDLL(_ffi.LIBRARY_PATH)
    vp = ctypes.c_void_p
    lib.piimask_scanner_new.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(vp)]
    lib.piimask_scanner_new.restype = ctypes.c_uint32
    lib.piimask_scan.argtypes = [vp, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(vp)]
    lib.piimask_scan.restype = ctypes.c_uint32
    lib.piimask_findings_items.argtypes = [vp, ctypes.POINTER(vp), ctypes.POINTER(ctypes.c_size_t)]
    lib.piimask_findings_items.restype = ctypes.c_uint32
    lib.piimask_findings_free.argtypes = [vp]
    lib.piimask_findings_free.restype = None
    lib.piimask_scanner_free.argtypes = [vp]
    lib.piimask_scanner_free.restype = None
    lib.piimask_version.argtypes = []
    lib.piimask_version.restype = vp
    return lib


def ensure_peers():
    for module, requirement in PEERS.items():
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"installing {requirement} ...", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", requirement], check=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--install-peers", action="store_true", help="pip install the peers if missing")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of process CPU time")
    ap.add_argument("--corpus", help="time the messages of this JSON Lines corpus (text, region)")
    ap.add_argument("--dump", help="write the messages as JSON Lines (text, region) here and stop "
                                   "(for benches/node_overhead.js)")
    args = ap.parse_args()
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter_ns
    if args.install_peers:
        ensure_peers()

    if args.corpus:
        msgs, regions = corpus(args.corpus, args.messages)
        scanner = piimask.Scanner(region=None)
    else:
        msgs = messages(args.messages)
        regions = ["IN"] * len(msgs)
        scanner = piimask.Scanner(region="IN")
    n = len(msgs)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for m, r in zip(msgs, regions):
                f.write(json.dumps({"text": m, "region": r}, ensure_ascii=False) + "\n")
        return
    mean_bytes = sum(len(m.encode()) for m in msgs) / n
    datas = [m.encode() for m in msgs]
    pairs = list(zip(msgs, regions))
    # The batch calls take one region: one call per region.
    groups = {}
    for m, r in pairs:
        groups.setdefault(r, []).append(m)
    groups = list(groups.items())
    ffi, lib = _ffi.ffi, _ffi.lib
    results = {}

    def row(name, us, note=""):
        results[name] = round(us, 3)
        print(f"{name:<44} {us:9.2f} µs/msg   {note}")

    fast = getattr(piimask, "FAST", False)
    print(f"{n} messages{' of ' + args.corpus if args.corpus else ''}, {mean_bytes:.0f} bytes on average, "
          f"{len(groups)} regions; Python {platform.python_version()}; piimask {piimask.library_version()} "
          f"({'compiled cffi module' if _ffi.COMPILED else 'cffi ABI mode'}"
          f"{', results built in C (piimask._fast)' if fast else ', results built in Python'}); "
          f"best of {args.repeat}; {'wall-clock' if args.wall else 'process CPU'} time; "
          f"load average {os.getloadavg()[0]:.1f}")
    found = sum(len(scanner.scan(m, region=r)) for m, r in pairs)
    print(f"piimask finds {found} values\n")

    # Every measurement, run in alternation: each round times each once, so
    # that all of them see the same machine load; the best round counts.
    cases = []  # (name, fn, rounds, note)

    def case(name, fn, rounds=args.repeat, note=""):
        cases.append((name, fn, rounds, note))

    # Bare crossings: the floor of any binding.
    case("cffi: piimask_version() call", lambda: [lib.piimask_version() for _ in msgs])
    c = ctypes_library()
    case("ctypes: piimask_version() call", lambda: [c.piimask_version() for _ in msgs])

    # The scan path's raw calls without building Python results.
    ptr = scanner._ptr
    out = ffi.new("piimask_findings **")
    items = ffi.new("piimask_finding **")
    count = ffi.new("size_t *")
    lib.piimask_findings_new(out)
    reused = ffi.gc(out[0], lib.piimask_findings_free)

    c_regions = [ffi.NULL if r is None else r.encode() for r in regions]
    data_regions = list(zip(datas, c_regions))

    def cffi_scan_into():
        for d, r in data_regions:
            lib.piimask_scan_into(ptr, d, len(d), r, reused, items, count)

    def cffi_raw():
        for d, r in data_regions:
            lib.piimask_scan(ptr, d, len(d), r, out)
            lib.piimask_findings_items(out[0], items, count)
            lib.piimask_findings_free(out[0])

    # The engine alone: one call for every message (one per region),
    # nothing built in Python.
    keep_alive = []
    arrays = []
    for r, ts in groups:
        _, array, keep = scanner._texts(ts)
        keep_alive.append((array, keep))
        arrays.append((array, len(ts), ffi.NULL if r is None else r.encode()))
    batch_out = ffi.new("piimask_batch **")

    def engine_only():
        for array, count_, region in arrays:
            lib.piimask_scan_batch(ptr, array, count_, region, batch_out)
            lib.piimask_batch_free(batch_out[0])

    case("engine alone (1 scan_batch call, no results)", engine_only)
    case("cffi: scan_into (1 raw call)", cffi_scan_into)
    case("cffi: scan + items + free (3 raw calls)", cffi_raw)
    cs = ctypes.c_void_p()
    config = b'{}' if args.corpus else b'{"region":"IN"}'
    c.piimask_scanner_new(config, len(config), ctypes.byref(cs))
    cout, citems, ccount = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_size_t()
    ctypes_pairs = [(d, None if r is None else r.encode()) for d, r in zip(datas, regions)]

    def ctypes_raw():
        for d, r in ctypes_pairs:
            c.piimask_scan(cs, d, len(d), r, ctypes.byref(cout))
            c.piimask_findings_items(cout, ctypes.byref(citems), ctypes.byref(ccount))
            c.piimask_findings_free(cout)

    case("ctypes: scan + items + free (3 raw calls)", ctypes_raw)

    # The binding as users call it.
    case("piimask Scanner.scan('') (binding floor)", lambda: [scanner.scan("") for _ in msgs])
    scan, redact = scanner.scan, scanner.redact
    scan_batch, redact_batch = scanner.scan_batch, scanner.redact_batch
    case("piimask Scanner.scan(msg)", lambda: [scan(m, region=r) for m, r in pairs])
    case("piimask Scanner.scan_batch(msgs)", lambda: [scan_batch(ts, region=r) for r, ts in groups])
    case("piimask Scanner.redact(msg)", lambda: [redact(m, region=r) for m, r in pairs])
    case("piimask Scanner.redact_batch(msgs)", lambda: [redact_batch(ts, region=r) for r, ts in groups])

    # Peers, on the same messages.
    skipped = []
    try:
        import datafog_core

        datafog_core.scan(msgs[0])
        version = getattr(datafog_core, "__version__", "") or _dist_version("datafog-core")
        case("datafog_core.scan(msg)", lambda: [datafog_core.scan(m) for m in msgs],
             note=f"datafog-core {version}")
        try:
            cfg, cfg_de = datafog_configs(datafog_core)
            df_scan = datafog_core.scan
            df_pairs = [(m, cfg_de if r == "DE" else cfg) for m, r in pairs]
            case("datafog_core.scan(msg, cfg) (compare.py's)", lambda: [df_scan(m, c) for m, c in df_pairs],
                 note="piimask's kinds only; locale de for DE")
        except Exception as e:  # noqa: BLE001  (tests/corpus/eval.py missing or changed)
            print(f"datafog with compare.py's configuration skipped: {type(e).__name__}: {e}")
    except ImportError:
        skipped.append(("datafog_core.scan(msg)", PEERS["datafog_core"]))
    try:
        import presidio_rs

        analyzer = presidio_rs.Analyzer()
        analyzer.analyze(msgs[0], language="en")
        case("presidio_rs.Analyzer().analyze(msg)",
             lambda: [analyzer.analyze(m, language="en") for m in msgs], rounds=min(args.repeat, 3),
             note=f"presidio-rs {_dist_version('presidio-rs')}, persistent Analyzer")
    except ImportError:
        skipped.append(("presidio_rs.Analyzer().analyze(msg)", PEERS["presidio_rs"]))

    for _, fn, _, _ in cases:
        fn()  # warm up
    best = {name: float("inf") for name, _, _, _ in cases}
    for r in range(args.repeat):
        for name, fn, rounds, _ in cases:
            if r < rounds:
                t = CLOCK()
                fn()
                best[name] = min(best[name], CLOCK() - t)
    for name, _, _, note in cases:
        row(name, best[name] / n / 1000, note)
    for name, requirement in skipped:
        print(f"{name:<44} skipped (pip install {requirement})")
    # Against the faster of datafog's two ways of being called.
    peers = [p for p in ("datafog_core.scan(msg)", "datafog_core.scan(msg, cfg) (compare.py's)") if p in best]
    peer = min(peers, key=lambda p: best[p]) if peers else None
    if peer is not None:
        print(f"\nx {peer}, the faster datafog call (its µs / piimask's):")
        for name in ("scan(msg)", "scan_batch(msgs)", "redact(msg)", "redact_batch(msgs)"):
            key = f"piimask Scanner.{name}"
            ratio = best[peer] / best[key]
            results[f"x datafog: {name}"] = round(ratio, 2)
            print(f"  {key:<42} {ratio:6.2f}x")
    c.piimask_scanner_free(cs)
    del keep_alive

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"messages": n, "mean_bytes": mean_bytes, "us_per_message": results}, f, indent=2)


if __name__ == "__main__":
    main()
