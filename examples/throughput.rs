//! Scanning throughput of the Rust API on a JSON Lines corpus, as the peer
//! comparison (`benches/compare/compare.py`) measures it.
//!
//! ```text
//! cargo run --release --example throughput -- FILE [--passes N] [--repeat R] [--kinds K,..] [--findings OUT] [--redact]
//! ```
//!
//! Each line of FILE is an object with `"text"` and an optional `"region"`
//! (the corpus of `tests/corpus/gen_corpus.py`). One `Scanner` (no default
//! region) scans every message with its own region hint through
//! `Scanner::scan_into` and one reused findings buffer: one untimed warm-up
//! pass, then N timed passes (default 7), each scanning the whole corpus R
//! times (default: enough for the pass to last about 0.25 s). Prints one
//! JSON object: the corpus size, the set-up time (scanner and phone metadata),
//! the seconds and MB/s (10^6 bytes of message text per second) of each
//! pass, and their median, best and worst; on Linux also the same from the
//! thread's on-CPU time (`/proc/thread-self/schedstat`), which time spent
//! waiting for a core on a busy machine does not inflate.
//! `--kinds phone,email,...` builds the scanner for those kinds only.
//! `--findings OUT` writes the warm-up pass's findings, one JSON array of
//! `[kind, start, end]` per message (UTF-8 byte offsets), for scoring.
//! `--redact` times `Scanner::redact_into` (the default role's masks, one
//! reused output buffer) instead of `scan_into`.

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

use piimask::{Finding, Kind, Region, Scanner};

/// Nanoseconds this thread has run on a CPU (Linux), if the kernel says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Median, best and worst of a non-empty list.
fn stats(v: &[f64]) -> (f64, f64, f64) {
    let mut sorted = v.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    (median, sorted[n - 1], sorted[0])
}

fn main() {
    if let Err(e) = run() {
        eprintln!("throughput: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut file = None;
    let mut passes = 7usize;
    let mut repeat: Option<usize> = None;
    let mut findings_out = None;
    let mut redact = false;
    let mut kinds: Option<Vec<Kind>> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--passes" => {
                passes = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--passes needs a positive number")?
            }
            "--repeat" => {
                repeat = Some(
                    args.next()
                        .and_then(|v| v.parse().ok())
                        .filter(|&n| n > 0)
                        .ok_or("--repeat needs a positive number")?,
                )
            }
            "--kinds" => {
                let list = args.next().ok_or("--kinds needs a comma-separated list")?;
                kinds = Some(list.split(',').map(|k| Kind::from_name(k.trim())).collect());
            }
            "--findings" => findings_out = Some(args.next().ok_or("--findings needs a path")?),
            "--redact" => redact = true,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => file = Some(a),
        }
    }
    let file = file.ok_or(
        "usage: throughput FILE [--passes N] [--repeat R] [--kinds K,..] [--findings OUT] [--redact]",
    )?;
    let data = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;

    // Set-up, reported apart: building the scanner and loading the phone
    // metadata shared by all scanners (first touched by a region lookup).
    let t0 = Instant::now();
    let mut builder = Scanner::builder();
    if let Some(kinds) = kinds {
        builder = builder.kinds(kinds);
    }
    let scanner = builder.build().map_err(|e| e.to_string())?;
    Region::new("US").map_err(|e| e.to_string())?;
    let setup_seconds = t0.elapsed().as_secs_f64();

    // Parse everything first: only scanning is timed.
    let mut messages: Vec<(String, Option<Region>)> = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\"", n + 1))?
            .to_owned();
        let region = match v["region"].as_str() {
            Some(code) => Some(Region::new(code).map_err(|e| format!("line {}: {e}", n + 1))?),
            None => None,
        };
        messages.push((text, region));
    }
    let bytes: usize = messages.iter().map(|(t, _)| t.len()).sum();

    let mut out: Vec<Finding> = Vec::new();
    let mut masked: Vec<u8> = Vec::new();
    // One message, as the timed passes process it.
    let mut process = |text: &str, region: Option<Region>, out: &mut Vec<Finding>| {
        if redact {
            scanner
                .redact_into(black_box(text.as_bytes()), region, out, &mut masked)
                .expect("redaction with the default role");
            black_box(masked.len());
        } else {
            scanner.scan_into(black_box(text.as_bytes()), region, out);
        }
    };
    // Warm-up pass (lazy tables, caches), which also yields the findings.
    let t0 = Instant::now();
    let mut per_message: Vec<Vec<(String, usize, usize)>> = Vec::new();
    let mut total_findings = 0usize;
    for (text, region) in &messages {
        process(text, *region, &mut out);
        total_findings += out.len();
        if findings_out.is_some() {
            per_message.push(
                out.iter()
                    .map(|f| (f.kind.name().to_owned(), f.start, f.end))
                    .collect(),
            );
        }
    }
    let warmup_seconds = t0.elapsed().as_secs_f64();
    let repeat =
        repeat.unwrap_or_else(|| (0.25 / warmup_seconds.max(1e-6)).ceil().clamp(1.0, 1e4) as usize);

    let mut seconds = Vec::with_capacity(passes);
    let mut cpu_seconds = Vec::with_capacity(passes);
    for _ in 0..passes {
        let c0 = cpu_ns();
        let t0 = Instant::now();
        let mut n = 0usize;
        for _ in 0..repeat {
            for (text, region) in &messages {
                process(text, *region, &mut out);
                n += out.len();
            }
        }
        seconds.push(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_ns()) {
            cpu_seconds.push(c1.saturating_sub(c0).max(1) as f64 / 1e9);
        }
        black_box(n);
    }

    if let Some(path) = findings_out {
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(&path).map_err(|e| format!("cannot write {path}: {e}"))?,
        );
        for f in &per_message {
            serde_json::to_writer(&mut w, f).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }

    let volume = (bytes * repeat) as f64;
    let mbps: Vec<f64> = seconds.iter().map(|s| volume / s / 1e6).collect();
    let (median, best, worst) = stats(&mbps);
    let mbps_cpu: Vec<f64> = cpu_seconds.iter().map(|s| volume / s / 1e6).collect();
    let cpu = (mbps_cpu.len() == passes).then(|| stats(&mbps_cpu));
    let report = serde_json::json!({
        "engine": "piimask",
        "mode": if redact { "rust_redact_into" } else { "rust_scan_into" },
        "kinds": scanner.kinds().map(|k| k.name().to_owned()).collect::<Vec<_>>(),
        "messages": messages.len(),
        "bytes": bytes,
        "findings": total_findings,
        "passes": passes,
        "repeat": repeat,
        "setup_seconds": setup_seconds,
        "warmup_seconds": warmup_seconds,
        "seconds": seconds,
        "mb_per_s": mbps,
        "mb_per_s_median": median,
        "mb_per_s_best": best,
        "mb_per_s_worst": worst,
        "cpu_seconds": cpu.map(|_| &cpu_seconds),
        "mb_per_s_cpu": cpu.map(|_| &mbps_cpu),
        "mb_per_s_cpu_median": cpu.map(|c| c.0),
    });
    println!("{report}");
    Ok(())
}
