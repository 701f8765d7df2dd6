//! Per-message latency: the tail a service sees, not only the mean that
//! criterion's throughput benches report.
//!
//! ```text
//! cargo bench --bench latency                       # human-readable tables
//! cargo bench --bench latency -- --dense FILE       # the labelled corpus too
//! cargo bench --bench latency -- --json             # one JSON object (benches/compare/compare.py)
//! ```
//!
//! What it measures, each call timed on its own with `Instant` (wall clock,
//! so on a busy machine a call that loses its core counts whole):
//!
//! - **warm**: `scan_into` and `redact_into` per message on (a) the benches'
//!   realistic chat (`benches/common/corpus.rs`, region IN) and (b) the
//!   dense labelled corpus of the tests (`tests/corpus/gen_corpus.py`, every
//!   message with its own region; `--dense FILE`, else the newest
//!   `target/compare/corpus-s7-*-messages.jsonl` that `compare.py` wrote).
//!   One scanner, one reused buffer, an untimed warm-up pass, then
//!   `--rounds` passes. Two views: every call (what a service sees), and per
//!   message the fastest of its rounds (the text's own cost, without the
//!   machine's scheduling noise).
//! - **first message in an unseen region**: a fresh process per sample (the
//!   phone metadata and whatever a region prepares are shared by every
//!   scanner of a process, so "first" only means something in a new one):
//!   it builds a scanner, then times its very first call on one message of
//!   one region, and the same call again. A second series first scans a
//!   message in a region no sample uses (a process that has served other
//!   regions): what is left is the new region's own cost, apart from what
//!   any process pays on its first call.
//! - **start-up**: in fresh processes, `Scanner::new()` and the resident
//!   memory (`VmRSS` of `/proc/self/status`) before and after; and then with
//!   every region the metadata knows prepared. The public API has no call
//!   that prepares every region, so the bench scans a probe (a number
//!   written without `+`, which is checked against the hint's own formats)
//!   once in each region, and once more to show what is left when all is
//!   prepared.
//!
//! Without `--bench` (as `cargo test --all-targets` runs benches) it does a
//! tiny run of every part, to keep the code exercised.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use piimask::{Finding, Region, Scanner};
use serde_json::{json, Value};

#[path = "common/corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// One message and the region hint it is scanned with.
type Message = (String, Option<Region>);

struct Options {
    full: bool,
    json: bool,
    dense: Option<PathBuf>,
    rounds: usize,
    realistic_bytes: usize,
    first_regions: usize,
    first_per_region: usize,
    startup_runs: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..]);
        return;
    }
    if let Err(e) = run(&args) {
        eprintln!("latency: {e}");
        std::process::exit(2);
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let full = args.iter().any(|a| a == "--bench");
    let mut o = Options {
        full,
        json: false,
        dense: None,
        rounds: if full { 7 } else { 1 },
        realistic_bytes: if full { 2_000_000 } else { 20_000 },
        first_regions: if full { 100 } else { 2 },
        first_per_region: if full { 5 } else { 1 },
        startup_runs: if full { 5 } else { 1 },
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> Result<usize, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .filter(|&n: &usize| n > 0)
                .ok_or(format!("{name} needs a positive number"))
        };
        match a.as_str() {
            "--bench" => {}
            "--json" => o.json = true,
            "--rounds" => o.rounds = num("--rounds")?,
            "--realistic-bytes" => o.realistic_bytes = num("--realistic-bytes")?,
            "--first-regions" => o.first_regions = num("--first-regions")?,
            "--first-per-region" => o.first_per_region = num("--first-per-region")?,
            "--startup-runs" => o.startup_runs = num("--startup-runs")?,
            "--dense" => {
                o.dense = Some(PathBuf::from(it.next().ok_or("--dense needs a file")?));
            }
            // libtest's options (`cargo test -- --nocapture`) reach every
            // target: not ours to refuse.
            _ if a.starts_with("--") => eprintln!("latency: ignoring option {a}"),
            // A name filter from `cargo bench latency`: there is only one bench.
            _ => {}
        }
    }
    let dense_path = o
        .dense
        .clone()
        .or_else(|| if o.full { newest_dense() } else { None });

    let realistic: Vec<Message> = {
        let india = Some(Region::new("IN").map_err(|e| e.to_string())?);
        corpus::realistic(o.realistic_bytes)
            .into_iter()
            .map(|t| (t, india))
            .collect()
    };
    let dense = match &dense_path {
        Some(p) => Some(read_messages(p)?),
        None => None,
    };

    let mut report = json!({
        "timer_overhead_ns": timer_overhead_ns(),
        "rounds": o.rounds,
        "load_average": load_average(),
    });
    let mut warm = Vec::new();
    warm.push(warm_latency("realistic", &realistic, o.rounds));
    match &dense {
        Some(d) => warm.push(warm_latency("dense", d, o.rounds)),
        None if o.full => eprintln!(
            "latency: no dense corpus (run benches/compare/compare.py once, or pass --dense \
             FILE: JSON Lines with \"text\" and \"region\"); realistic chat only"
        ),
        None => {}
    }
    report["warm"] = Value::Array(warm);
    if let Some(p) = &dense_path {
        report["dense_file"] = json!(p.display().to_string());
    }

    // First messages: from the dense corpus, else realistic chat with a
    // region hint from a list of countries (national numbers in it are
    // checked against that region).
    let samples = first_message_samples(dense.as_deref(), &realistic, &o);
    report["first_message"] = first_messages(&samples)?;
    report["startup"] = startup(o.startup_runs)?;

    if o.json {
        println!("{report}");
    } else {
        print_report(&report);
    }
    Ok(())
}

/// The newest `target/compare/corpus-s7-*-messages.jsonl` (the labelled
/// corpus, seed 7, without labels), as compare.py leaves it.
fn newest_dense() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/compare");
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("corpus-s7-") && name.ends_with("-messages.jsonl")
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

fn read_messages(path: &Path) -> Result<Vec<Message>, String> {
    let data = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\"", n + 1))?;
        let region = match v["region"].as_str() {
            Some(code) => Some(Region::new(code).map_err(|e| format!("line {}: {e}", n + 1))?),
            None => None,
        };
        out.push((text.to_owned(), region));
    }
    Ok(out)
}

/// Nanoseconds between two `Instant::now()` with nothing in between: the
/// floor of every figure below (not subtracted from them).
fn timer_overhead_ns() -> u64 {
    let mut v: Vec<u64> = (0..10_000)
        .map(|_| {
            let t = Instant::now();
            black_box(());
            t.elapsed().as_nanos() as u64
        })
        .collect();
    v.sort_unstable();
    v[v.len() / 2]
}

fn load_average() -> Value {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| {
            s.split_whitespace()
                .take(3)
                .filter_map(|x| x.parse::<f64>().ok())
                .collect::<Vec<_>>()
        })
        .map_or(Value::Null, |v| json!(v))
}

/// p50 … max (µs) of nanosecond samples, by nearest rank.
fn percentiles(ns: &mut [u64]) -> Value {
    ns.sort_unstable();
    let n = ns.len();
    let at = |q: f64| ns[((q * n as f64).ceil() as usize).clamp(1, n) - 1] as f64 / 1e3;
    let mean = ns.iter().map(|&x| x as f64).sum::<f64>() / n as f64 / 1e3;
    json!({
        "calls": n, "mean_us": mean, "p50_us": at(0.50), "p90_us": at(0.90),
        "p99_us": at(0.99), "p999_us": at(0.999), "max_us": ns[n - 1] as f64 / 1e3,
    })
}

/// Times `call` once per message per round (after an untimed warm-up pass):
/// every call's nanoseconds, and per message the fastest of its rounds.
fn time_calls(
    messages: &[Message],
    rounds: usize,
    mut call: impl FnMut(&[u8], Option<Region>),
) -> (Vec<u64>, Vec<u64>) {
    for (text, region) in messages {
        call(text.as_bytes(), *region);
    }
    let mut all = Vec::with_capacity(messages.len() * rounds);
    let mut fastest = vec![u64::MAX; messages.len()];
    for _ in 0..rounds {
        for (i, (text, region)) in messages.iter().enumerate() {
            let t = Instant::now();
            call(black_box(text.as_bytes()), *region);
            let ns = t.elapsed().as_nanos() as u64;
            all.push(ns);
            fastest[i] = fastest[i].min(ns);
        }
    }
    (all, fastest)
}

/// Scan and redact latency per message on one corpus, one warm scanner
/// (every kind, no default region: each message brings its own).
fn warm_latency(name: &str, messages: &[Message], rounds: usize) -> Value {
    let scanner = Scanner::new();
    let bytes: usize = messages.iter().map(|(t, _)| t.len()).sum();
    let mut found: Vec<Finding> = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    let mut findings = 0usize;
    let (mut scan_all, mut scan_min) = time_calls(messages, rounds, |t, r| {
        scanner.scan_into(t, r, &mut found);
        findings += found.len();
    });
    let (mut redact_all, mut redact_min) = time_calls(messages, rounds, |t, r| {
        // Redaction of a valid message does not fail with the default policy.
        let _ = scanner.redact_into(t, r, &mut found, &mut out);
        black_box(&out);
    });
    let regions: std::collections::BTreeSet<_> = messages
        .iter()
        .filter_map(|(_, r)| r.map(|r| r.code()))
        .collect();
    json!({
        "corpus": name,
        "messages": messages.len(),
        "bytes_per_message": bytes as f64 / messages.len().max(1) as f64,
        "regions": regions.len(),
        "findings_per_message": findings as f64 / (messages.len() * (rounds + 1)).max(1) as f64,
        "scan": percentiles(&mut scan_all),
        "scan_fastest_of_rounds": percentiles(&mut scan_min),
        "redact": percentiles(&mut redact_all),
        "redact_fastest_of_rounds": percentiles(&mut redact_min),
    })
}

/// Regions for the first-message samples when there is no dense corpus:
/// the 30 countries of the labelled corpus's kind.
const FALLBACK_REGIONS: &[&str] = &[
    "IN", "BR", "MX", "AR", "CO", "CL", "PE", "ES", "FR", "DE", "IT", "GB", "NL", "PL", "TR", "RU",
    "US", "CA", "NG", "ZA", "KE", "EG", "SA", "AE", "ID", "PH", "VN", "TH", "JP", "AU",
];

/// Up to `first_per_region` messages with a digit for each of up to
/// `first_regions` regions.
fn first_message_samples(
    dense: Option<&[Message]>,
    realistic: &[Message],
    o: &Options,
) -> Vec<Message> {
    let has_digit = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
    let mut out = Vec::new();
    match dense {
        Some(d) => {
            let mut seen: Vec<(Region, usize)> = Vec::new();
            for (text, region) in d {
                let Some(region) = region else { continue };
                if !has_digit(text) {
                    continue;
                }
                match seen.iter().position(|(r, _)| r == region) {
                    Some(i) if seen[i].1 >= o.first_per_region => continue,
                    Some(i) => seen[i].1 += 1,
                    None if seen.len() >= o.first_regions => continue,
                    None => seen.push((*region, 1)),
                }
                out.push((text.clone(), Some(*region)));
            }
        }
        None => {
            let mut texts = realistic.iter().map(|(t, _)| t).filter(|t| has_digit(t));
            for code in FALLBACK_REGIONS.iter().take(o.first_regions) {
                for _ in 0..o.first_per_region {
                    if let Some(t) = texts.next() {
                        out.push((t.clone(), Region::new(code).ok()));
                    }
                }
            }
        }
    }
    out
}

fn spawn_child(args: &[&str]) -> Result<Value, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .arg("--child")
        .args(args)
        .output()
        .map_err(|e| format!("cannot start a child: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "child {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("child output: {e}"))
}

/// Each sample in a fresh process: its first `scan_into` (and, in another
/// process, its first `redact_into`) on one message in one region.
fn first_messages(samples: &[Message]) -> Result<Value, String> {
    let mut report = json!({ "samples": samples.len() });
    let regions: std::collections::BTreeSet<_> = samples
        .iter()
        .filter_map(|(_, r)| r.map(|r| r.code()))
        .collect();
    report["regions"] = json!(regions.len());
    for (op, warm) in [
        ("scan", ""),
        ("redact", ""),
        ("scan", "warm"),
        ("redact", "warm"),
    ] {
        let (mut first, mut again, mut build) = (Vec::new(), Vec::new(), Vec::new());
        let mut slowest: Vec<(u64, &str, usize)> = Vec::new();
        for (text, region) in samples {
            let code = region.map_or("", |r| r.code());
            let v = spawn_child(&["first", op, code, text, warm])?;
            let ns = v["first_ns"].as_u64().unwrap_or(0);
            slowest.push((ns, code, text.len()));
            first.push(ns);
            again.push(v["again_ns"].as_u64().unwrap_or(0));
            build.push(v["build_ns"].as_u64().unwrap_or(0));
        }
        if samples.is_empty() {
            continue;
        }
        let key = if warm.is_empty() {
            op.to_string()
        } else {
            format!("{op}_warm_process")
        };
        report[&key] = percentiles(&mut first);
        // Which regions the tail comes from (what they prepare on first use).
        slowest.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
        report[format!("{key}_slowest")] = slowest
            .iter()
            .take(5)
            .map(|&(ns, code, bytes)| json!({ "region": code, "us": ns as f64 / 1e3, "bytes": bytes }))
            .collect();
        if !warm.is_empty() {
            continue;
        }
        report[format!("{op}_same_message_again")] = percentiles(&mut again);
        if op == "scan" {
            report["scanner_build"] = percentiles(&mut build);
        }
    }
    Ok(report)
}

/// Median of each figure over `runs` fresh processes.
fn startup(runs: usize) -> Result<Value, String> {
    let mut all: Vec<Value> = Vec::new();
    for _ in 0..runs {
        all.push(spawn_child(&["startup"])?);
    }
    let median = |key: &str| {
        let mut v: Vec<f64> = all.iter().filter_map(|x| x[key].as_f64()).collect();
        v.sort_by(|a, b| a.total_cmp(b));
        v.get(v.len() / 2).copied()
    };
    let keys = [
        "build_ms",
        "rss_before_kb",
        "rss_built_kb",
        "regions",
        "prepare_pass_ms",
        "prepared_pass_ms",
        "all_regions_ms",
        "rss_all_regions_kb",
        "hwm_kb",
    ];
    let mut out = json!({ "runs": runs });
    for k in keys {
        out[k] = json!(median(k));
    }
    Ok(out)
}

/// Resident set and its high-water mark (kB), from `/proc/self/status`.
fn rss_kb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// A message of every common kind, scanned (with a region no sample uses)
/// before the timed call when a process is to be warm.
const WARM_UP: &str = "Hæ, hringdu í 611 1234 eða +354 611 1234, skrifaðu á jon@example.is; \
     pöntun 12345678, kort 4111 1111 1111 1111, IBAN IS14 0159 2600 7654 5510 7303 39, ip 10.0.0.1";

/// What a fresh process measures: `first OP REGION TEXT [warm]` or `startup`.
fn child(args: &[String]) {
    let rss_before = rss_kb().0;
    let t = Instant::now();
    let scanner = Scanner::new();
    let build_ns = t.elapsed().as_nanos() as u64;
    let rss_built = rss_kb().0;
    let report = match args.first().map(String::as_str) {
        Some("first") => {
            let (op, code, text) = (&args[1], &args[2], args[3].as_bytes());
            let region = (!code.is_empty()).then(|| Region::new(code).expect("region"));
            let mut found = Vec::new();
            let mut out = Vec::new();
            let mut call = |text: &[u8], region: Option<Region>| {
                let t = Instant::now();
                if op == "scan" {
                    scanner.scan_into(black_box(text), region, &mut found);
                } else {
                    let _ = scanner.redact_into(black_box(text), region, &mut found, &mut out);
                }
                t.elapsed().as_nanos() as u64
            };
            if args.get(4).map(String::as_str) == Some("warm") {
                // A process that has served another region already: what is
                // left is the new region's own first-use cost.
                let other = if code == "IS" { "FJ" } else { "IS" };
                call(WARM_UP.as_bytes(), Region::new(other).ok());
            }
            let first_ns = call(text, region);
            let again_ns = call(text, region);
            json!({ "build_ns": build_ns, "first_ns": first_ns, "again_ns": again_ns })
        }
        Some("startup") => {
            let regions: Vec<String> = (b'A'..=b'Z')
                .flat_map(|a| (b'A'..=b'Z').map(move |b| String::from_utf8(vec![a, b]).unwrap()))
                .filter(|code| Region::new(code).is_ok())
                .collect();
            // A number written without `+` is checked against the hint's
            // own formats, which prepares the region (its patterns).
            let mut found = Vec::new();
            let mut probe = || {
                let t = Instant::now();
                for code in &regions {
                    let region = Region::new(code).ok();
                    scanner.scan_into(black_box(b"call me on 0987654321"), region, &mut found);
                }
                t.elapsed().as_secs_f64() * 1e3
            };
            let prepare = probe();
            let again = probe();
            let (rss_all, hwm) = rss_kb();
            let build_ms = build_ns as f64 / 1e6;
            json!({
                "build_ms": build_ms,
                "rss_before_kb": rss_before,
                "rss_built_kb": rss_built,
                "regions": regions.len(),
                "prepare_pass_ms": prepare,
                "prepared_pass_ms": again,
                "all_regions_ms": build_ms + prepare,
                "rss_all_regions_kb": rss_all,
                "hwm_kb": hwm,
            })
        }
        other => {
            eprintln!("latency: unknown child mode {other:?}");
            std::process::exit(2);
        }
    };
    println!("{report}");
}

/// "CA 15037 µs, BR 9798 µs, …" from a list of slowest samples.
fn slowest(list: &Value) -> String {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            let region = s["region"].as_str().unwrap_or("?");
            format!("{region} {:.0} µs", s["us"].as_f64().unwrap_or(0.0))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_report(r: &Value) {
    let f = |v: &Value| v.as_f64().map_or("-".into(), |x| format!("{x:.1}"));
    println!(
        "per-call latency, µs of wall-clock time (timer floor {} ns, not subtracted; load average {})",
        r["timer_overhead_ns"], r["load_average"]
    );
    println!(
        "{:<10} {:<7} {:<22} {:>8} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9}",
        "corpus", "op", "view", "calls", "mean", "p50", "p90", "p99", "p99.9", "max"
    );
    let line = |corpus: &str, op: &str, view: &str, p: &Value| {
        println!(
            "{:<10} {:<7} {:<22} {:>8} {:>7} {:>7} {:>7} {:>7} {:>8} {:>9}",
            corpus,
            op,
            view,
            p["calls"],
            f(&p["mean_us"]),
            f(&p["p50_us"]),
            f(&p["p90_us"]),
            f(&p["p99_us"]),
            f(&p["p999_us"]),
            f(&p["max_us"])
        )
    };
    for w in r["warm"].as_array().into_iter().flatten() {
        let name = w["corpus"].as_str().unwrap_or("?");
        for op in ["scan", "redact"] {
            line(name, op, "every call", &w[op]);
            line(
                name,
                op,
                "fastest of rounds",
                &w[format!("{op}_fastest_of_rounds")],
            );
        }
    }
    let fm = &r["first_message"];
    for op in ["scan", "redact"] {
        if fm[op].is_object() {
            line("first msg", op, "fresh process", &fm[op]);
            line(
                "",
                op,
                "same message again",
                &fm[format!("{op}_same_message_again")],
            );
            line(
                "",
                op,
                "after another region",
                &fm[format!("{op}_warm_process")],
            );
        }
    }
    for w in r["warm"].as_array().into_iter().flatten() {
        println!(
            "  {}: {} messages, {:.0} bytes and {:.2} findings per message, {} regions",
            w["corpus"].as_str().unwrap_or("?"),
            w["messages"],
            w["bytes_per_message"].as_f64().unwrap_or(0.0),
            w["findings_per_message"].as_f64().unwrap_or(0.0),
            w["regions"]
        );
    }
    println!(
        "  first msg: {} fresh processes per op and view over {} regions; slowest first scans: {}; \
         after another region: {}",
        fm["samples"],
        fm["regions"],
        slowest(&fm["scan_slowest"]),
        slowest(&fm["scan_warm_process_slowest"]),
    );
    let s = &r["startup"];
    let mb = |v: &Value| {
        v.as_f64()
            .map_or("-".into(), |x| format!("{:.1}", x / 1024.0))
    };
    println!(
        "start-up (median of {} fresh processes): Scanner::new() {} ms, resident {} -> {} MB; \
         every region ({:.0}) prepared: {} ms in all, resident {} MB (peak {} MB); \
         a probe scanned in each region: {} ms the first time, {} ms again",
        s["runs"],
        f(&s["build_ms"]),
        mb(&s["rss_before_kb"]),
        mb(&s["rss_built_kb"]),
        s["regions"].as_f64().unwrap_or(0.0),
        f(&s["all_regions_ms"]),
        mb(&s["rss_all_regions_kb"]),
        mb(&s["hwm_kb"]),
        f(&s["prepare_pass_ms"]),
        f(&s["prepared_pass_ms"]),
    );
}
