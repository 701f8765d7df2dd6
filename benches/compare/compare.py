#!/usr/bin/env python3
"""Peer comparison: throughput and accuracy of piimask and its peers on one labelled corpus.

    python3 benches/compare/compare.py [--messages N] [--seed S] [--json OUT] [--targets-only]

One command on a fresh machine (Python 3.11+, cargo): it reuses target/eval-venv and the
installers of tests/corpus/eval.py, generates the corpus with tests/corpus/gen_corpus.py
(default 20 000 messages, all kinds), builds piimask (cargo build --release) and times, on
the same messages, like with like:

  piimask      rust        examples/throughput.rs: one Scanner, scan_into per message with
                           its region, reused buffer; median of 3 processes x 7 passes
               rust/dfkinds  the same, the scanner built for datafog's kinds only
  piimask      cli         target/release/piimask scan FILE > /dev/null (JSON in and out,
                           process start-up included, default threads); the corpus file,
                           and the corpus repeated to a large file (also --threads 2 and 1)
  piimask      latency     benches/latency.rs: per-call p50...max of scan and redact on
                           realistic chat and on this corpus, the first message of an
                           unseen region (fresh processes), start-up and resident memory
  piimask      py/msg      the Python binding (bindings/python), one call per message
  piimask      py/batch    the Python binding's batch call, if it has one
  datafog      rust/msg    datafog-core's Rust crate (same release as the wheel),
               rust/whole  per message / once over the whole corpus joined by newlines
  datafog      py/msg      datafog_core.scan(text, config) once per message
  datafog      py/whole    datafog_core.scan over the whole corpus as one text
  presidio_rs  py/msg      presidio_rs.Analyzer().analyze, one persistent analyzer
  presidio     py/msg      presidio-analyzer's regex recognisers (no NLP model)
  phonenumbers py/msg      PhoneNumberMatcher, Leniency.VALID (phones only)

MB/s is 10^6 bytes of message text (UTF-8) per second of the engine's calls only (the
Python loop and the list of results included, conversion of offsets and scoring not), by
wall-clock time and by CPU time (thread, process, or all the CLI's threads).
"x piimask" is how many times faster the piimask mode named beside it is (ratio of cpu MB/s).
Accuracy uses eval.py's scoring: exact kind and byte span; P/R/F1 are micro over the kinds
the engine supports (for piimask, the kinds it reported), plus phone F1.
Timings on a shared 2-core machine are noisy: the piimask figures are medians of repeats.
Below the table: issue 15's and issue 7's targets, each MET or NOT MET with its figure;
--targets-only measures just what those need and prints only them (about a minute once the
venv, the corpus and the build are there).
"""

from __future__ import annotations

import argparse
import bisect
import gc
import hashlib
import inspect
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS_TOOLS = REPO / "tests" / "corpus"
sys.path.insert(0, str(CORPUS_TOOLS))
import gen_corpus  # noqa: E402  (stdlib-only at import time)
import eval as harness  # noqa: E402  (tests/corpus/eval.py)

WORK = REPO / "target" / "compare"
BINDING = REPO / "bindings" / "python"
TARGETS = {"rust_vs_datafog_fastest": 20.0, "py_msg_vs_datafog_py_msg": 4.0, "cli_mb_per_s": 60.0}


def log(msg: str) -> None:
    print(f"[compare] {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], **kw)


# ---------------------------------------------------------------------------
# corpus
# ---------------------------------------------------------------------------

def realistic_corpus(snap, messages: int) -> Path:
    """The benches' realistic chat (criterion's c_realistic_chat, benches/common/corpus.rs),
    about 110 bytes per message, region IN, no labels: written by examples/realistic_jsonl."""
    path = WORK / f"realistic-n{messages}.jsonl"
    out = run([snap["realistic"], messages * 110, "IN"], capture_output=True, text=True, check=True).stdout
    records = [dict(json.loads(l), id=i, labels=[], negatives=[]) for i, l in enumerate(out.splitlines())]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def corpus_files(seed: int, messages: int, big_mb: float, labelled=None):
    """The labelled corpus (reused while gen_corpus.py is unchanged; or `labelled`, a
    corpus given), the same messages without labels ({"id","region","text"}: what the Rust
    programs and the CLI read), and the latter repeated to at least big_mb MB of text (the
    CLI's large file)."""
    WORK.mkdir(parents=True, exist_ok=True)
    gen = CORPUS_TOOLS / "gen_corpus.py"
    key = hashlib.sha256(gen.read_bytes() + (CORPUS_TOOLS / "requirements.txt").read_bytes()).hexdigest()[:12]
    labelled = labelled or WORK / f"corpus-s{seed}-n{messages}-{key}.jsonl"
    if not labelled.exists():
        log(f"generating {messages} messages (seed {seed}) -> {labelled.relative_to(REPO)}")
        tmp = labelled.with_suffix(".tmp")
        r = run([sys.executable, gen, "--seed", seed, "--messages", messages, "--out", tmp],
                stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit(f"gen_corpus.py failed:\n{r.stderr}")
        tmp.rename(labelled)
    else:
        log(f"reusing {labelled.relative_to(REPO)}")
    records = [json.loads(l) for l in labelled.read_text(encoding="utf-8").splitlines() if l.strip()]
    plain = labelled.with_name(labelled.stem + "-messages.jsonl")
    lines = [json.dumps({"id": r["id"], "region": r["region"], "text": r["text"]}, ensure_ascii=False)
             for r in records]
    body = "\n".join(lines) + "\n"
    if not plain.exists() or plain.read_text(encoding="utf-8") != body:
        plain.write_text(body, encoding="utf-8")
    text_bytes = sum(len(r["text"].encode("utf-8")) for r in records)
    times = max(1, -(-int(big_mb * 1e6) // max(1, text_bytes)))
    big = labelled.with_name(labelled.stem + f"-messages-x{times}.jsonl")
    if not big.exists():
        for stale in WORK.glob("corpus-*-messages-x*.jsonl"):  # large files of other corpora
            stale.unlink()
        with open(big, "w", encoding="utf-8") as f:
            for _ in range(times):
                f.write(body)
    return records, labelled, plain, big, times, text_bytes


# ---------------------------------------------------------------------------
# measurements
# ---------------------------------------------------------------------------

def row(engine, mode, mbs, cpu_mbs=None, note="", preds=None, supported=None, ref=None, **extra):
    """One line of the table from the MB/s of each repeat, by wall-clock time and by CPU time
    (median shown, spread kept)."""
    cpu_mbs = cpu_mbs or None
    return dict(engine=engine, mode=mode, mb_per_s=statistics.median(mbs), spread=(min(mbs), max(mbs)),
                mb_per_s_cpu=statistics.median(cpu_mbs) if cpu_mbs else None,
                spread_cpu=(min(cpu_mbs), max(cpu_mbs)) if cpu_mbs else None,
                repeats=len(mbs), note=note, preds=preds, supported=supported, ref=ref, **extra)


def cargo_build(args, env=None, messages=False):
    """cargo, quiet unless it fails (the shared tree may carry other engineers' warnings).
    True when it succeeds; with messages=True, cargo's JSON messages (a list), or None."""
    log("cargo " + " ".join(args))
    if messages:
        args = [*args, "--message-format=json-render-diagnostics"]
    r = run(["cargo", *args], cwd=REPO, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        print("\n".join(r.stderr.splitlines()[-40:]), file=sys.stderr)
    if not messages:
        return r.returncode == 0
    return [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")] if r.returncode == 0 else None


def build_piimask():
    """One cargo invocation for the CLI, the C library (for the Python binding) and the
    throughput example, copied at once to target/compare/bin: target/release is shared with
    whoever else builds in this tree, and every piimask row must come from the same build."""
    msgs = cargo_build(["build", "--release", "--lib", "--bins", "--example", "throughput",
                        "--example", "realistic_jsonl", "--bench", "latency"], messages=True)
    if msgs is None:
        sys.exit("cargo build --release failed")
    # The bench's executable carries a hash in its name: cargo says which.
    latency = next((Path(m["executable"]) for m in msgs if m.get("reason") == "compiler-artifact"
                    and m.get("executable") and m["target"]["name"] == "latency"
                    and "bench" in m["target"]["kind"]), None)
    if latency is None:
        sys.exit("cargo build did not report the latency bench's executable")
    rel = REPO / "target" / "release"
    libname = "libpiimask.dylib" if sys.platform == "darwin" else "libpiimask.so"
    dest = WORK / "bin"
    dest.mkdir(parents=True, exist_ok=True)
    snap = {}
    for key, src in (("cli", rel / "piimask"), ("throughput", rel / "examples" / "throughput"),
                     ("realistic", rel / "examples" / "realistic_jsonl"), ("lib", rel / libname),
                     ("latency", latency)):
        snap[key] = dest / ("latency" if key == "latency" else src.name)
        shutil.copy2(src, snap[key])
    head = run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = run(["git", "status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock"], cwd=REPO,
                capture_output=True, text=True).stdout.splitlines()
    changed = f" + uncommitted changes to {len(dirty)} files (src/, Cargo.toml, Cargo.lock)" if dirty else ""
    snap["describe"] = f"{head or '?'}{changed}"
    return snap


def read_findings(path: Path, records, kind_map=None):
    preds = {}
    for r, line in zip(records, path.read_text(encoding="utf-8").splitlines()):
        preds[r["id"]] = [((kind_map.get(k, "other") if kind_map else k), s, e) for k, s, e in json.loads(line)]
    return preds


def measure_rust(snap, records, plain, text_bytes, runs, df_cfgs, skipped):
    """piimask's examples/throughput.rs and datafog-core's crate (benches/compare/datafog_rs),
    each run `runs` times, alternating, so that both see the same machine load. Every run
    times 7 passes; a row's figure is the median over all passes of all runs."""
    programs = {"piimask": [snap["throughput"], plain]}
    if df_cfgs is not None:
        # piimask asked for the kinds datafog reports: the same job
        programs["piimask_dfkinds"] = [snap["throughput"], plain, "--kinds", ",".join(sorted(df_cfgs[2]))]
        env = dict(os.environ, CARGO_TARGET_DIR=str(WORK / "datafog-rs"))
        if cargo_build(["build", "--release", "--manifest-path", str(HERE / "datafog_rs" / "Cargo.toml")], env=env):
            programs["datafog"] = [WORK / "datafog-rs" / "release" / "datafog-throughput", plain,
                                   "--config", json.dumps(df_cfgs[0]), "--config-de", json.dumps(df_cfgs[1])]
        else:
            skipped["datafog rust"] = "cargo build of benches/compare/datafog_rs failed"
    preds = {}
    for name, cmd in programs.items():  # findings, for scoring (untimed)
        if name == "piimask_dfkinds":
            continue
        out = WORK / f"{name}-rust-findings.jsonl"
        run([*cmd, "--passes", 1, "--repeat", 1, "--findings", out], check=True, capture_output=True)
        preds[name] = read_findings(out, records, harness.DATAFOG_MAP if name == "datafog" else None)
    pools: dict = {}
    cpu_pools: dict = {}
    info: dict = {}
    for _ in range(runs):
        for name, cmd in programs.items():
            r = run([*cmd, "--passes", 7], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"{cmd[0]} exited {r.returncode}: {r.stderr[-800:]}")
            for line in r.stdout.splitlines():
                rep = json.loads(line)
                assert rep["bytes"] == text_bytes, (rep["bytes"], text_bytes)
                pools.setdefault((name, rep["mode"]), []).extend(rep["mb_per_s"])
                cpu_pools.setdefault((name, rep["mode"]), []).extend(rep.get("mb_per_s_cpu") or [])
                info[(name, rep["mode"])] = rep
    rows = []
    n = len(pools[("piimask", "rust_scan_into")])
    setup = info[("piimask", "rust_scan_into")]["setup_seconds"]
    key = ("piimask", "rust_scan_into")
    rows.append(row("piimask", "rust", pools[key], cpu_pools[key], preds=preds["piimask"], ref="self",
                    note=f"Scanner::scan_into per message, region per message, reused buffer, all "
                         f"{len(info[key]['kinds'])} kinds; {n} passes in {runs} processes; set-up (phone "
                         f"metadata) {setup * 1e3:.0f} ms, not counted", setup_seconds=setup))
    key = ("piimask_dfkinds", "rust_scan_into")
    if key in pools:
        rows.append(row("piimask", "rust/dfkinds", pools[key], cpu_pools[key], ref="self",
                        note=f"the same with Scanner::builder().kinds(datafog's kinds: "
                             f"{', '.join(info[key]['kinds'])}); {n} passes"))
    if "datafog" in programs:
        rows.append(row("datafog", "rust/msg", pools[("datafog", "per_message")],
                        cpu_pools[("datafog", "per_message")], preds=preds["datafog"],
                        supported=df_cfgs[2], ref="rust",
                        note=f"datafog_core::scan_with_config per message (config parsed once); {n} passes"))
        rows.append(row("datafog", "rust/whole", pools[("datafog", "whole_text")],
                        cpu_pools[("datafog", "whole_text")], ref="rust",
                        note=f"scan_with_config once over all messages joined by newlines; {n} passes"))
    return rows


def measure_cli(snap, records, plain, big, times, text_bytes, runs, quick=False):
    """The CLI on the corpus file and on the large file: default threads, two and one. The
    large-file cases run alternately (one run of each in turn), so that the thread counts
    compared with each other see the same machine load. quick: the large file with two and
    one thread only, and no accuracy."""
    exe = snap["cli"]
    out = []
    cases = (("cli", plain, 1, [], runs + 2, "corpus file"),
             ("cli/large", big, times, [], runs, f"corpus x{times}"),
             ("cli/large/2t", big, times, ["--threads", "2"], runs, f"corpus x{times}, --threads 2"),
             ("cli/large/1t", big, times, ["--threads", "1"], runs, f"corpus x{times}, --threads 1"))
    if quick:
        cases = cases[2:]
    mbs = {c[0]: [] for c in cases}
    cpu_mbs = {c[0]: [] for c in cases}
    for rep in range(max(c[4] for c in cases)):
        for mode, path, mult, extra, reps, label in cases:
            if rep >= reps:
                continue
            ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            r = run([exe, "scan", *extra, path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            secs = time.perf_counter() - t0
            ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            if r.returncode != 0:
                sys.exit(f"piimask scan exited {r.returncode}: {r.stderr[-500:]!r}")
            mbs[mode].append(text_bytes * mult / secs / 1e6)
            cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
            cpu_mbs[mode].append(text_bytes * mult / max(cpu, 1e-6) / 1e6)
    for mode, path, mult, extra, reps, label in cases:
        size = path.stat().st_size / 1e6
        out.append(row("piimask", mode, mbs[mode], cpu_mbs[mode], file_mb=size,
                       note=f"piimask scan {' '.join(extra) + ' ' if extra else ''}FILE >/dev/null, {label} "
                            f"({size:.1f} MB of JSONL, {size / (text_bytes * mult / 1e6):.2f} bytes per text byte); "
                            f"{reps} runs; start-up and JSON in/out included; CPU time = user + system "
                            "of all its threads"))
    if not quick:
        eng = harness.PiimaskEngine(harness_args(piimask_bin=str(exe)))  # accuracy: eval.py's reading of its output
        eng.setup()
        out[0]["preds"] = eng.run(records, plain)
    return out


def measure_latency(snap, plain, quick=False):
    """benches/latency.rs on the benches' realistic chat and on this corpus (its messages with
    their regions): per-call percentiles of scan and redact, first message of a region in fresh
    processes, start-up and resident memory. Returns its JSON report, or None (logged)."""
    cmd = [snap["latency"], "--bench", "--json", "--dense", plain]
    if quick:
        cmd += ["--rounds", "3", "--realistic-bytes", "1000000", "--first-per-region", "3", "--startup-runs", "3"]
    r = run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        log(f"latency bench failed ({r.returncode}): {r.stderr[-500:]}")
        return None
    return json.loads(r.stdout)


class Job:
    """A timed Python measurement: one_pass() handles every message once and returns the
    engine's raw results in message order (or, for a one-call job, whatever split() turns
    into that list afterwards); convert(text, raw) maps one message's raw result to
    [(kind, start, end)] in UTF-8 bytes. Neither split nor convert is timed."""

    def __init__(self, engine, mode, one_pass, warm, convert, note, supported=None, ref=None, bulk=False,
                 split=None):
        self.engine, self.mode, self.one_pass, self.warm, self.convert = engine, mode, one_pass, warm, convert
        self.note, self.supported, self.ref, self.bulk, self.split = note, supported, ref, bulk, split
        self.secs: list[float] = []
        self.cpu_secs: list[float] = []
        self.first = None


def per_message_job(engine, mode, items, call, convert, note, supported=None, ref="py/msg"):
    return Job(engine, mode, lambda: [call(t, reg) for t, reg in items],
               lambda: [call(t, reg) for t, reg in items[:200]], convert, note, supported, ref)


def time_jobs(jobs, records, text_bytes, min_seconds, max_passes):
    """Warms every job up, then runs passes round-robin (job A, job B, job A, ...) so that the
    jobs compared with each other see the same machine load (each from a frozen heap); a job stops after max_passes
    passes or once min_seconds are spent, with at least 3 passes for one-call (bulk) jobs."""
    for j in jobs:
        j.warm()
    active = list(jobs)
    while active:
        for j in list(active):
            # Each pass starts from a collected, frozen heap: it pays for the garbage collection
            # of what it allocates itself, not for scanning results that other jobs retain.
            gc.collect()
            gc.freeze()
            c0, t0 = time.process_time(), time.perf_counter()
            res = j.one_pass()
            j.secs.append(time.perf_counter() - t0)
            j.cpu_secs.append(time.process_time() - c0)
            gc.unfreeze()
            if j.first is None:
                j.first = res
            del res
            enough = sum(j.secs) >= min_seconds and len(j.secs) >= (3 if j.bulk else 1)
            if len(j.secs) >= max_passes or enough:
                active.remove(j)
    rows = []
    for j in jobs:
        raws = j.split(j.first) if j.split else j.first
        preds = {r["id"]: j.convert(r["text"], raw) for r, raw in zip(records, raws)}
        passes = f"{len(j.secs)} pass" + ("" if len(j.secs) == 1 else "es")
        rows.append(row(j.engine, j.mode, [text_bytes / s / 1e6 for s in j.secs],
                        [text_bytes / max(s, 1e-6) / 1e6 for s in j.cpu_secs], preds=preds,
                        supported=j.supported, ref=j.ref, note=f"{j.note}; {passes}"))
    return rows


def harness_args(**kw):
    ns = argparse.Namespace(peer_entities="mapped", score_threshold=None, piimask_bin="target/release/piimask")
    for k, v in kw.items():
        setattr(ns, k, v)
    return ns


def setup_peer(name):
    eng = harness.ENGINES[name](harness_args())
    t0 = time.perf_counter()
    eng.setup()
    return eng, time.perf_counter() - t0


def datafog_jobs(df, items):
    """datafog_core.scan once per message (eval.py's call), and once over all messages joined
    by newlines (findings mapped back to their messages; the default locale for all)."""
    jobs = [per_message_job("datafog", "py/msg", items, df.caller(), df.convert, df.note, df.supported)]
    texts = [t for t, _ in items]
    joined = "\n".join(texts)
    starts, acc = [], 0
    for t in texts:
        starts.append(acc)
        acc += len(t.encode("utf-8")) + 1
    scan, cfg = df.df.scan, df.cfg
    whole = (lambda: scan(joined, cfg)) if cfg is not None else (lambda: scan(joined))

    def split(found):
        out = [[] for _ in texts]
        for f in found:
            s, e = f.byte_range.start, f.byte_range.end
            i = bisect.bisect_right(starts, s) - 1
            if e <= starts[i] + len(texts[i].encode("utf-8")):
                out[i].append((harness.DATAFOG_MAP.get(f.entity_type, "other"), s - starts[i], e - starts[i]))
        return out

    jobs.append(Job("datafog", "py/whole", whole, whole, lambda text, raw: raw,
                    "datafog_core.scan once over all messages joined by newlines (default locale)",
                    df.supported, "py/batch", bulk=True, split=split))
    return jobs


# ---------------------------------------------------------------------------
# the Python binding (bindings/python, written alongside: probed, not assumed)
# ---------------------------------------------------------------------------

def setup_binding(lib: Path):
    """pip-installs bindings/python into the venv (after cargo build --release) and imports
    it. Returns (module, None) or (None, reason). The package is built from a copy in
    target/compare so that the build leaves nothing in bindings/python."""
    if not (BINDING / "pyproject.toml").exists() and not (BINDING / "setup.py").exists():
        return None, "bindings/python does not exist yet"
    os.environ.setdefault("PIIMASK_LIB", str(lib))
    # The copy keeps the repository's layout (bindings/python beside include/): its build
    # compiles against ../../include/piimask.h.
    root = WORK / "binding-src"
    src = root / "bindings" / "python"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BINDING, src, ignore=shutil.ignore_patterns(
        "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "*.so", "*.dylib", "*.dll"))
    shutil.copytree(REPO / "include", root / "include")
    log(f"pip install ./bindings/python (PIIMASK_LIB={os.environ['PIIMASK_LIB']})")
    ok, out = gen_corpus.pip_install(["--force-reinstall", str(src)])
    if not ok:
        tail = out.strip().splitlines()[-1] if out.strip() else "?"
        return None, f"pip install ./bindings/python failed: {tail}"
    import importlib
    importlib.invalidate_caches()
    try:
        sys.modules.pop("piimask", None)
        mod = importlib.import_module("piimask")
        mod.Scanner  # noqa: B018
    except Exception as e:  # noqa: BLE001
        return None, f"import piimask failed: {type(e).__name__}: {e}"
    return mod, None


def _takes(fn, name):
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def binding_jobs(mod, items):
    """Per-message and batch jobs for the Python binding. It reports Python string indices
    (issue 4), converted to UTF-8 bytes for scoring. The scanner has no default region: each
    message's region goes with the call, as for the Rust API and the CLI."""
    try:
        scanner = mod.Scanner(region=None)
    except TypeError:
        scanner = mod.Scanner()
    per_region: dict = {}

    def for_region(reg):
        if reg not in per_region:
            per_region[reg] = mod.Scanner(region=reg)
        return per_region[reg]

    if _takes(scanner.scan, "region"):
        scan = scanner.scan
        call = lambda t, reg: scan(t, region=reg)  # noqa: E731
        how = "scanner.scan(text, region=R) per message"
    else:
        scans = {reg: for_region(reg).scan for reg in {reg for _, reg in items}}
        call = lambda t, reg: scans[reg](t)  # noqa: E731
        how = "Scanner(region=R).scan(text) per message, a scanner per region"

    def convert(text, found):
        tab = harness.cp_to_byte_table(text) if found else None
        return [(f.kind, tab[f.start], tab[f.end]) for f in found]

    jobs = [per_message_job("piimask", "py/msg", items, call, convert, how, ref="self")]

    name = next((n for n in ("scan_batch", "scan_many") if hasattr(scanner, n)), None)
    if name is None:
        return jobs, "the binding has no batch call (looked for scan_batch, scan_many)"
    fn = getattr(scanner, name)
    if _takes(fn, "regions"):
        texts, regions = [t for t, _ in items], [reg for _, reg in items]
        batch = lambda: fn(texts, regions=regions)  # noqa: E731
        how = f"{name}(texts, regions=[...]), one call"
    else:
        # The batch call takes one region: one batch per region, as a service batching each
        # country's (or conversation's) messages would call it.
        groups: dict = {}
        for i, (t, reg) in enumerate(items):
            idx, ts = groups.setdefault(reg, ([], []))
            idx.append(i)
            ts.append(t)
        if _takes(fn, "region"):
            fns = {reg: (lambda ts, reg=reg: fn(ts, region=reg)) for reg in groups}
        else:
            fns = {reg: getattr(for_region(reg), name) for reg in groups}

        def batch():
            out = [None] * len(items)
            for reg, (idx, ts) in groups.items():
                for i, found in zip(idx, fns[reg](ts)):
                    out[i] = found
            return out
        how = f"{name}(texts, region=R), one call per region ({len(groups)} calls)"
    jobs.append(Job("piimask", "py/batch", batch, batch, convert, how, ref="self", bulk=True))
    return jobs, None


# ---------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------

def score_row(r, records):
    if r.get("preds") is None or not any(rec["labels"] for rec in records):
        return
    per, fp_neg, gold, pred = harness.score(records, r["preds"])
    sup = r["supported"] if r.get("supported") is not None else {p[1] for p in pred}
    m = harness.micro(per, only=set(sup))
    ph = per.get("phone", dict(precision=0.0, recall=0.0, f1=0.0))
    r["accuracy"] = dict(supported=sorted(sup), precision=m["precision"], recall=m["recall"], f1=m["f1"],
                         tp=m["tp"], fp=m["fp"], fn=m["fn"], phone_precision=ph["precision"],
                         phone_recall=ph["recall"], phone_f1=ph["f1"], micro_all=harness.micro(per),
                         kinds=per)


def speed(r):
    """The figure ratios use: MB/s by CPU time when measured (waiting for a core on a busy
    machine does not count), else by wall-clock time."""
    return r["mb_per_s_cpu"] if r.get("mb_per_s_cpu") else r["mb_per_s"]


def ratios(rows):
    ref = {"rust": None, "py/msg": None, "py/batch": None}
    for r in rows:
        if r["engine"] == "piimask" and r["mode"] in ref:
            ref[r["mode"]] = r
    for r in rows:
        key = r.get("ref")
        if key == "py/batch" and ref["py/batch"] is None:
            key = "rust"  # no batch call in the binding: the Rust API stands in
        if key in ref and r["engine"] != "piimask":
            base = ref[key]
            r["vs"] = key if base else key + " (not run)"
            r["x_piimask"] = speed(base) / speed(r) if base and speed(r) else None
        elif r["engine"] == "piimask" and r.get("ref") == "self":
            r["vs"], r["x_piimask"] = "=", None
        else:
            r["vs"], r["x_piimask"] = "", None


def fmt_mb(x):
    return "-" if x is None else ("%.3f" % x if x < 1 else "%.2f" % x if x < 10 else "%.1f" % x)


def fmt_x(x):
    return "" if x is None else "%.0f" % x if x >= 100 else "%.1f" % x if x >= 10 else "%.2f" % x


def print_table(rows, out=sys.stdout):
    hdr = ("engine", "mode", "MB/s", "spread", "cpu MB/s", "cpu spread", "vs", "x piimask", "kinds", "P", "R",
           "F1", "phone F1")
    lines = []
    for r in rows:
        a = r.get("accuracy")
        sp, cs = r.get("spread"), r.get("spread_cpu")
        lines.append((r["engine"], r["mode"], fmt_mb(r["mb_per_s"]),
                      ("%s-%s" % (fmt_mb(sp[0]), fmt_mb(sp[1]))) if sp else "",
                      fmt_mb(r.get("mb_per_s_cpu")),
                      ("%s-%s" % (fmt_mb(cs[0]), fmt_mb(cs[1]))) if cs else "",
                      r.get("vs", ""), fmt_x(r.get("x_piimask")),
                      str(len(a["supported"])) if a else "",
                      "%.3f" % a["precision"] if a else "", "%.3f" % a["recall"] if a else "",
                      "%.3f" % a["f1"] if a else "",
                      ("%.3f" % a["phone_f1"] if "phone" in a["supported"] else "n/a") if a else ""))
    w = [max(len(str(x)) for x in col) for col in zip(hdr, *lines)]

    def fmt(cells):
        return "  ".join(str(c).ljust(n) if i < 2 else str(c).rjust(n) for i, (c, n) in enumerate(zip(cells, w)))
    print(fmt(hdr), file=out)
    print("  ".join("-" * n for n in w), file=out)
    for ln in lines:
        print(fmt(ln), file=out)


def targets(rows):
    get = {(r["engine"], r["mode"]): r for r in rows}
    res = []

    def both(a, b):
        return (f"cpu {fmt_mb(speed(a))} vs {fmt_mb(speed(b))} MB/s; wall {fmt_mb(a['mb_per_s'])} vs "
                f"{fmt_mb(b['mb_per_s'])} MB/s, {a['mb_per_s'] / b['mb_per_s']:.2f}x")
    rust = get.get(("piimask", "rust"))
    peers = [r for r in rows if r["engine"] == "datafog" and r["mode"] in ("rust/msg", "rust/whole", "py/whole")]
    if rust and peers:
        fastest = max(peers, key=speed)
        x = speed(rust) / speed(fastest)
        same = get.get(("piimask", "rust/dfkinds"))
        extra = (f"; asked only for datafog's kinds: {speed(same) / speed(fastest):.2f}x" if same else "")
        res.append(dict(target="piimask Rust API >= 20x datafog-core's fastest path", value=x,
                        detail=f"datafog {fastest['mode']}; {both(rust, fastest)}{extra}",
                        met=x >= TARGETS["rust_vs_datafog_fastest"]))
    name = "piimask Python binding per message >= 4x datafog's scan per message"
    pym, dfm = get.get(("piimask", "py/msg")), get.get(("datafog", "py/msg"))
    if pym and dfm:
        x = speed(pym) / speed(dfm)
        res.append(dict(target=name, value=x, detail=both(pym, dfm), met=x >= TARGETS["py_msg_vs_datafog_py_msg"]))
    else:
        res.append(dict(target=name, value=None, met=None,
                        detail="not measured: " + ("no Python binding" if not pym else "datafog unavailable")))
    cli = get.get(("piimask", "cli/large")) or get.get(("piimask", "cli/large/2t"))
    if cli:
        threads = "default threads" if cli["mode"] == "cli/large" else "--threads 2"
        res.append(dict(target="CLI end to end on a large JSONL file >= 60 MB/s (wall)", value=cli["mb_per_s"],
                        detail=f"{cli['file_mb']:.0f} MB of JSONL, {threads}; by CPU time "
                               f"{fmt_mb(cli['mb_per_s_cpu'])} MB/s per core",
                        met=cli["mb_per_s"] >= TARGETS["cli_mb_per_s"]))
    return res


def targets15(rows, lat):
    """Issue 15's targets: each a dict(target, value, unit, detail, met), met None when not
    measured (detail says why) or when the target is a figure to report, not a bar."""
    get = {(r["engine"], r["mode"]): r for r in rows}
    res = []

    def ratio(target, mine, theirs, bar, why=""):
        a, b = get.get(mine), get.get(theirs)
        if not (a and b and speed(b)):
            missing = " and ".join(f"{e} {m}" for (e, m), r in ((mine, a), (theirs, b)) if not r)
            res.append(dict(target=target, value=None, unit="x", met=None,
                            detail=f"not measured: no {missing or 'figure'}{why}"))
            return
        x = speed(a) / speed(b)
        res.append(dict(target=target, value=x, unit="x", met=x >= bar,
                        detail=f"cpu MB/s {fmt_mb(speed(a))} vs {fmt_mb(speed(b))}; by wall-clock time "
                               f"{a['mb_per_s'] / b['mb_per_s']:.2f}x"))

    ratio("Python, one call per message, >= 3x datafog_core.scan per message",
          ("piimask", "py/msg"), ("datafog", "py/msg"), 3.0)
    ratio("Python scan_batch >= 5x datafog_core.scan per message",
          ("piimask", "py/batch"), ("datafog", "py/msg"), 5.0)
    ratio("Rust API per message, every kind, >= 1.5x datafog-core's whole-text mode",
          ("piimask", "rust"), ("datafog", "rust/whole"), 1.5)
    ratio("Rust API per message, every kind, >= 5x datafog-core per message",
          ("piimask", "rust"), ("datafog", "rust/msg"), 5.0)

    fm = (lat or {}).get("first_message") or {}

    def slow(key):
        return ", ".join(f"{x['region']} {x['us']:.0f} us" for x in fm.get(key) or [])

    # Two readings of "a region never seen before by the process": a process that has just
    # started (serverless, the CLI in a pipeline), and one that has served other regions.
    for key, how in (("scan", "fresh process"), ("scan_warm_process", "process that served another region")):
        target = f"first message of an unseen region, {how}: p99 <= 100 us"
        p = fm.get(key)
        if not p:
            res.append(dict(target=target, value=None, unit="us", met=None,
                            detail="not measured: the latency bench did not run"))
            continue
        red = fm.get(key.replace("scan", "redact")) or {}
        again = fm.get("scan_same_message_again") or {}
        res.append(dict(target=target, value=p["p99_us"], unit="us", met=p["p99_us"] <= 100.0,
                        detail=f"scan_into, {fm['samples']} fresh processes over {fm['regions']} regions: p50 "
                               f"{p['p50_us']:.1f}, max {p['max_us']:.1f} us; first redact_into p99 "
                               f"{red.get('p99_us', float('nan')):.1f} us; the same message again p99 "
                               f"{again.get('p99_us', float('nan')):.1f} us; slowest: {slow(key + '_slowest')}"))
    st = (lat or {}).get("startup") or {}
    if st.get("all_regions_ms") is not None:
        grown = (st["rss_all_regions_kb"] - st["rss_before_kb"]) / 1024
        res.append(dict(target="scanner start-up with every region prepared <= 20 ms", value=st["all_regions_ms"],
                        unit="ms", met=st["all_regions_ms"] <= 20.0,
                        detail=f"Scanner::new() {st['build_ms']:.1f} ms + a probe scanned in each of the "
                               f"{st['regions']:.0f} regions {st['prepare_pass_ms']:.1f} ms (again, all prepared: "
                               f"{st['prepared_pass_ms']:.1f} ms); medians of {st['runs']} processes"))
        res.append(dict(target="resident memory of a scanner with every region: a few MB (read: <= 8 MB)",
                        value=grown, unit="MB", met=grown <= 8.0,
                        detail=f"VmRSS {st['rss_before_kb'] / 1024:.1f} MB before Scanner::new(), "
                               f"{st['rss_built_kb'] / 1024:.1f} MB after, {st['rss_all_regions_kb'] / 1024:.1f} MB "
                               f"with every region (peak {st['hwm_kb'] / 1024:.1f} MB)"))
    else:
        res.append(dict(target="scanner start-up with every region prepared <= 20 ms", value=None, unit="ms",
                        met=None, detail="not measured: the latency bench did not run"))
    two, one = get.get(("piimask", "cli/large/2t")), get.get(("piimask", "cli/large/1t"))
    if two and one:
        x = two["mb_per_s"] / one["mb_per_s"]
        eff = speed(two) / speed(one)
        res.append(dict(target="CLI --threads 2 >= 1.8x --threads 1 on a large file (wall)", value=x, unit="x",
                        met=x >= 1.8,
                        detail=f"{two['file_mb']:.0f} MB of JSONL, {fmt_mb(two['mb_per_s'])} vs "
                               f"{fmt_mb(one['mb_per_s'])} MB/s; by CPU time {fmt_mb(speed(two))} vs "
                               f"{fmt_mb(speed(one))} MB/s per core, so {2 * eff:.2f}x on two idle cores; "
                               f"a loaded machine does not give the second thread a core"))
    for w in (lat or {}).get("warm") or []:
        for op in ("scan", "redact"):
            p, q = w[op], w[f"{op}_fastest_of_rounds"]
            res.append(dict(target=f"latency per message, {w['corpus']} chat, {op}", value=p["p99_us"], unit="us",
                            met=None,
                            detail=f"p50 {p['p50_us']:.2f} / p99 {p['p99_us']:.2f} / p99.9 {p['p999_us']:.1f} / "
                                   f"max {p['max_us']:.0f} us over {p['calls']} calls; per message fastest of rounds "
                                   f"p50 {q['p50_us']:.2f} / p99 {q['p99_us']:.2f} us; {w['messages']} messages of "
                                   f"{w['bytes_per_message']:.0f} bytes, {w['regions']} regions"))
    return res


def print_targets(title, tg):
    print(f"\ntargets ({title}):")
    for t in tg:
        unit = t.get("unit") or ("MB/s" if "MB/s" in t["target"] else "x")
        v = "-" if t["value"] is None else (f"{t['value']:.2f}x" if unit == "x" else f"{t['value']:.1f} {unit}")
        status = ("reported" if t["value"] is not None else "n/a") if t["met"] is None else (
            "MET" if t["met"] else "NOT MET")
        print(f"  {status:<8} {t['target']}: {v}\n           ({t['detail']})")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    gen_corpus.ensure_venv(Path(__file__).resolve(), argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--messages", type=int, default=20000, help="corpus size (default 20000)")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    ap.add_argument("--json", dest="json_out", default=None, help="also write every figure as JSON here")
    ap.add_argument("--skip", default="", help="comma-separated engines to leave out: "
                                               "piimask_py, datafog, presidio_rs, presidio, phonenumbers")
    ap.add_argument("--runs", type=int, default=None,
                    help="processes per Rust program, runs of the CLI on the large file (default 3; "
                         "2 with --targets-only)")
    ap.add_argument("--min-seconds", type=float, default=None,
                    help="repeat a Python measurement until this much time is spent (default 3; 2 with "
                         "--targets-only)")
    ap.add_argument("--max-passes", type=int, default=None,
                    help="at most this many passes (default 7; 5 with --targets-only)")
    ap.add_argument("--targets-only", "--quick", dest="targets_only", action="store_true",
                    help="measure only what issue 15's targets need (piimask and datafog; the CLI's large "
                         "file with two threads and one; the latency bench, shorter) and print only the "
                         "targets: a few minutes")
    ap.add_argument("--text", choices=["labelled", "realistic"], default="labelled",
                    help="labelled: tests/corpus/gen_corpus.py's corpus (PII in most messages, hard "
                         "negatives planted; P/R scored); realistic: the benches' realistic chat "
                         "(criterion's c_realistic_chat, about one finding per 150 bytes; unlabelled, "
                         "speed only)")
    ap.add_argument("--large-mb", type=float, default=None,
                    help="MB of message text in the CLI's large file (default 50; 20 with --targets-only)")
    args = ap.parse_args(argv)
    quick = args.targets_only
    for name, full, short in (("runs", 3, 2), ("min_seconds", 3.0, 2.0), ("max_passes", 7, 5),
                              ("large_mb", 50.0, 20.0)):
        if getattr(args, name) is None:
            setattr(args, name, short if quick else full)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if quick:
        skip |= {"presidio_rs", "presidio", "phonenumbers"}
    t_start = time.time()
    load0 = os.getloadavg()

    snap = build_piimask()
    given = realistic_corpus(snap, args.messages) if args.text == "realistic" else None
    records, labelled, plain, big, times, text_bytes = corpus_files(args.seed, args.messages, args.large_mb,
                                                                    given)
    items = [(r["text"], r.get("region")) for r in records]
    n_labels = sum(len(r["labels"]) for r in records)
    log(f"corpus: {len(records)} messages, {text_bytes} text bytes "
        f"({text_bytes / len(records):.0f} per message), {n_labels} gold labels")

    rows, skipped, setups, peers = [], {}, {}, {}
    for name in ("datafog", "presidio_rs", "presidio", "phonenumbers"):
        if name in skip:
            continue
        try:
            peers[name], setups[name] = setup_peer(name)
        except harness.Unavailable as e:
            skipped[name] = str(e)
            log(f"{name} skipped: {e}")

    log("Rust APIs: piimask and datafog-core, alternating")
    df = peers.get("datafog")
    df_cfgs = (df.cfg if df.cfg is not None else {}, df.cfg_de, df.supported) if df else None
    rows += measure_rust(snap, records, plain, text_bytes, args.runs, df_cfgs, skipped)
    log("piimask CLI")
    rows += measure_cli(snap, records, plain, big, times, text_bytes, args.runs, quick)
    log("latency bench (benches/latency.rs): warm calls, first messages, start-up")
    lat = measure_latency(snap, plain, quick)
    if lat is None:
        skipped["latency"] = "the latency bench failed (see its error above)"

    jobs = []
    if "piimask_py" not in skip:
        mod, why = setup_binding(snap["lib"])
        if mod is None:
            skipped["piimask py"] = why
            log(f"piimask Python binding skipped: {why}")
        else:
            try:
                bjobs, note = binding_jobs(mod, items)
                jobs += bjobs
                if note:
                    skipped["piimask py/batch"] = note
            except Exception as e:  # noqa: BLE001
                skipped["piimask py"] = f"{type(e).__name__}: {e}"
                log(f"piimask Python binding failed: {type(e).__name__}: {e}")
    if df:
        jobs += datafog_jobs(df, items)
    if jobs:
        log("Python, alternating: " + ", ".join(f"{j.engine} {j.mode}" for j in jobs))
        rows += time_jobs(jobs, records, text_bytes, args.min_seconds, args.max_passes)
    for name in ("presidio_rs", "presidio", "phonenumbers"):
        if name in peers:
            eng = peers[name]
            log(f"Python: {name} per message")
            rows += time_jobs([per_message_job(name, "py/msg", items, eng.caller(), eng.convert, eng.note,
                                               eng.supported)], records, text_bytes, args.min_seconds,
                              args.max_passes)
    for r in rows:
        if r["engine"] in setups and r["mode"] == "py/msg":
            r["setup_seconds"] = setups[r["engine"]]

    order = {"piimask": 0, "datafog": 1, "presidio_rs": 2, "presidio": 3, "phonenumbers": 4}
    modes = ["rust", "rust/dfkinds", "rust/msg", "rust/whole", "cli", "cli/large", "cli/large/2t", "cli/large/1t",
             "py/batch", "py/whole", "py/msg"]
    rows.sort(key=lambda r: (modes.index(r["mode"]) if r["mode"] in modes else 99, order.get(r["engine"], 9)))
    for r in rows:
        score_row(r, records)
    ratios(rows)
    tg = targets(rows)
    tg15 = targets15(rows, lat)
    load1 = os.getloadavg()

    print(f"\npiimask peer comparison: {len(records)} messages (seed {args.seed}), {text_bytes / 1e6:.2f} MB of "
          f"message text ({text_bytes / len(records):.0f} bytes per message), {n_labels} gold labels; "
          f"{os.cpu_count()} CPUs, load average {load0[0]:.1f} at start, {load1[0]:.1f} at end")
    print(f"piimask build: {snap['describe']} (CLI, library, examples and latency bench from one cargo build)")
    if quick:
        acc = next((r.get("accuracy") for r in rows if (r["engine"], r["mode"]) == ("piimask", "rust")), None)
        if acc:
            print(f"piimask Rust API accuracy on this corpus (a target met by dropping it would not count): P "
                  f"{acc['precision']:.3f} R {acc['recall']:.3f} F1 {acc['f1']:.3f}, phone F1 {acc['phone_f1']:.3f}")
        print("Ratios by CPU time (robust to load: waiting for a core does not count), latencies by wall-clock "
              "time (a call that loses its core counts whole).")
    else:
        print("MB/s: 10^6 bytes of message text per second of wall-clock time, median of the repeats (spread: "
          "slowest-fastest);\ncpu MB/s: the same per second of CPU time (the process's or thread's; for the CLI "
          "all its threads).")
        print("x piimask: how many times piimask's mode 'vs' beats this row, by cpu MB/s (robust to load).")
        print("P/R/F1: micro over the kinds the engine supports ('kinds'; exact kind and byte span); phone F1 "
              "alone.\n")
        print_table(rows)
        print()
        for r in rows:
            print(f"  {r['engine']:<12} {r['mode']:<12} {r['note']}")
    if skipped:
        print("\nnot measured:")
        for k, v in skipped.items():
            print(f"  {k}: {v}")
    print_targets("issue 15", tg15)
    print_targets("issue 7", tg)
    print(f"\n({time.time() - t_start:.0f} s in all; the machine is shared, so timings are noisy: see the spreads)")

    if args.json_out:
        def clean(r):
            d = {k: v for k, v in r.items() if k != "preds"}
            if d.get("supported") is not None:
                d["supported"] = sorted(d["supported"])
            return d
        Path(args.json_out).write_text(json.dumps(dict(
            piimask_build=snap["describe"], messages=len(records), seed=args.seed, text_bytes=text_bytes, gold_labels=n_labels,
            corpus=str(labelled.relative_to(REPO)), load_average=[load0, load1], cpus=os.cpu_count(),
            rows=[clean(r) for r in rows], skipped=skipped, targets=tg, targets_issue15=tg15, latency=lat,
            peer_setup_seconds=setups), indent=2))


if __name__ == "__main__":
    main()
