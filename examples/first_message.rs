//! Latency of the first message in a region a process has not seen yet,
//! and the cost of starting a scanner ready for every region.
//!
//! ```text
//! cargo run --release --example first_message -- [--runs N] [--file FILE]
//! ```
//!
//! Each run is a fresh process (the phone metadata is shared by every
//! scanner of a process, so "first" only means something in a new one):
//!
//! 1. builds `Scanner::new()`, times it and
//!    reads the resident memory (`VmRSS`);
//! 2. scans one message in each of 36 regions (a mobile number written
//!    nationally, as a customer would: `07400 123456` in GB), timing each
//!    `scan_in` call, then the same message again (warm, for comparison);
//!    `--file` takes the first message with a digit per region from a JSON
//!    Lines file (`{"region", "text"}`) instead;
//! 3. scans a probe message in every region the metadata knows (each
//!    region's patterns ready from then on) and times that, with the
//!    resident memory after.
//!
//! The parent process runs N such processes (default 20) and prints one
//! JSON object: p50, p99, best and worst of every first-message call over
//! all runs (and of all but each process's very first message, which also
//! pays for whatever any first message with digits initialises), the same
//! for the warm calls, and of the start-up figures.
//! Wall-clock figures on a busy machine include waiting for a core, so the
//! calls during which the thread kept its CPU (its count of times
//! scheduled, in `/proc/thread-self/schedstat`, did not change) are also
//! summarised apart: for them, wall-clock time is CPU time. The thread CPU
//! clock of `schedstat` only advances at scheduler ticks, too coarse for a
//! call; the best of N runs is the steadiest start-up figure.

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use piimask::{Region, Scanner};

/// A mobile number per region, written nationally (libphonenumber's example
/// numbers, formatted by the `phonenumber` crate).
const NATIONAL: &[(&str, &str)] = &[
    ("IN", "081234 56789"),
    ("BR", "(11) 96123-4567"),
    ("MX", "222 123 4567"),
    ("AR", "011 15-2345-6789"),
    ("CO", "321 1234567"),
    ("CL", "(2) 2123 4567"),
    ("PE", "912 345 678"),
    ("ES", "612 34 56 78"),
    ("FR", "06 12 34 56 78"),
    ("DE", "01512 3456789"),
    ("IT", "312 345 6789"),
    ("GB", "07400 123456"),
    ("NL", "06 12345678"),
    ("PL", "512 345 678"),
    ("TR", "0501 234 56 78"),
    ("RU", "8 (912) 345-67-89"),
    ("US", "(201) 555-0123"),
    ("CA", "(506) 234-5678"),
    ("NG", "0802 123 4567"),
    ("ZA", "071 123 4567"),
    ("KE", "0712 123456"),
    ("EG", "010 01234567"),
    ("SA", "051 234 5678"),
    ("AE", "050 123 4567"),
    ("ID", "0812-345-678"),
    ("PH", "0905 123 4567"),
    ("VN", "0912 345 678"),
    ("TH", "081 234 5678"),
    ("CN", "131 2345 6789"),
    ("JP", "090-1234-5678"),
    ("KR", "010-2000-0000"),
    ("AU", "0412 345 678"),
    ("PK", "0301 2345678"),
    ("SG", "8123 4567"),
    ("SE", "070-123 45 67"),
    ("FI", "041 2345678"),
];

/// How many times this thread has been put on a CPU (Linux): when it is
/// the same before and after a call, the call ran without being preempted,
/// and its wall-clock time is its CPU time.
fn slices() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().nth(2)?.parse().ok()
}

/// Times `f`: microseconds, and whether the thread kept its CPU throughout.
fn timed<R>(f: impl FnOnce() -> R) -> (R, f64, bool) {
    let before = slices();
    let t0 = Instant::now();
    let r = f();
    let us = t0.elapsed().as_secs_f64() * 1e6;
    (r, us, before.is_some() && before == slices())
}

/// Resident memory of this process in KiB (Linux), if the kernel says.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The value at quantile `q` (0..=1) of a sorted, non-empty list.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i]
}

fn summary(mut v: Vec<f64>) -> serde_json::Value {
    if v.is_empty() {
        return serde_json::Value::Null;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    serde_json::json!({
        "n": v.len(),
        "p50": quantile(&v, 0.5),
        "p99": quantile(&v, 0.99),
        "max": v[v.len() - 1],
        "min": v[0],
    })
}

fn main() {
    if let Err(e) = run() {
        eprintln!("first_message: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut runs = 20usize;
    let mut file: Option<String> = None;
    let mut child = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive number")?
            }
            "--file" => file = Some(args.next().ok_or("--file needs a path")?),
            "--child" => child = true,
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    let messages = match &file {
        Some(path) => from_file(path)?,
        None => NATIONAL
            .iter()
            .map(|(r, n)| (r.to_string(), format!("hi, call me on {n} after 6 pm")))
            .collect(),
    };
    if child {
        return one_process(&messages);
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut reports = Vec::with_capacity(runs);
    for _ in 0..runs {
        let mut cmd = Command::new(&exe);
        cmd.arg("--child");
        if let Some(path) = &file {
            cmd.args(["--file", path]);
        }
        let out = cmd.output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
        reports.push(report);
    }
    let all = |key: &str| -> Vec<f64> {
        reports
            .iter()
            .flat_map(|r| r[key].as_array().cloned().unwrap_or_default())
            .filter_map(|v| v.as_f64())
            .collect()
    };
    // Without each process's first message, which also pays for what any
    // first message with digits initialises, whatever its region.
    let later = |key: &str| -> Vec<f64> {
        reports
            .iter()
            .flat_map(|r| {
                r[key]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .skip(1)
            })
            .filter_map(|v| v.as_f64())
            .collect()
    };
    let each = |key: &str| -> Vec<f64> { reports.iter().filter_map(|r| r[key].as_f64()).collect() };
    let report = serde_json::json!({
        "runs": runs,
        "regions": messages.len(),
        "first_message_us": summary(all("first_us")),
        "warm_message_us": summary(all("warm_us")),
        "first_message_not_preempted_us": summary(all("first_kept_us")),
        "first_message_after_the_first_us": summary(later("first_us")),
        "warm_message_not_preempted_us": summary(all("warm_kept_us")),
        "scanner_new_ms": summary(each("new_ms")),
        "rss_after_new_kib": summary(each("rss_new_kib")),
        "every_region": reports.first().map(|r| r["every_region"].clone()),
        "every_region_ms": summary(each("every_region_ms")),
        "rss_after_every_region_kib": summary(each("rss_all_kib")),
    });
    println!("{report}");
    Ok(())
}

/// The first message holding a digit per region, in file order.
fn from_file(path: &str) -> Result<Vec<(String, String)>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out: Vec<(String, String)> = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let (Some(region), Some(text)) = (v["region"].as_str(), v["text"].as_str()) else {
            continue;
        };
        if text.bytes().any(|b| b.is_ascii_digit()) && !out.iter().any(|(r, _)| r == region) {
            out.push((region.to_string(), text.to_string()));
        }
    }
    Ok(out)
}

/// One fresh process: prints one JSON object of raw figures.
fn one_process(messages: &[(String, String)]) -> Result<(), String> {
    let t0 = Instant::now();
    let scanner = Scanner::new();
    let new_ms = t0.elapsed().as_secs_f64() * 1e3;
    let rss_new_kib = rss_kib();
    // Warm what every message uses (not the region's phone rules) with a
    // message without a region.
    black_box(scanner.scan("hi, see you at 10:30, bill 1234 is paid"));

    let regions: Vec<Region> = messages
        .iter()
        .map(|(r, _)| Region::new(r).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let (mut first_us, mut warm_us) = (Vec::new(), Vec::new());
    let (mut first_kept, mut warm_kept) = (Vec::new(), Vec::new());
    for ((_, text), &region) in messages.iter().zip(&regions) {
        let (found, us, kept) = timed(|| black_box(scanner.scan_in(black_box(text), region)));
        first_us.push(us);
        if kept {
            first_kept.push(us);
        }
        let (again, us, kept) = timed(|| black_box(scanner.scan_in(black_box(text), region)));
        warm_us.push(us);
        if kept {
            warm_kept.push(us);
        }
        assert_eq!(found, again);
    }

    // Every region the metadata knows, each with a national-looking number.
    let every: Vec<Region> = (b'A'..=b'Z')
        .flat_map(|a| (b'A'..=b'Z').map(move |b| [a, b]))
        .filter_map(|code| Region::new(std::str::from_utf8(&code).ok()?).ok())
        .collect();
    let t0 = Instant::now();
    for &region in &every {
        black_box(scanner.scan_in(black_box("call 0123 456 7890 or 023 4567 8901"), region));
    }
    let every_region_ms = t0.elapsed().as_secs_f64() * 1e3;
    let report = serde_json::json!({
        "new_ms": new_ms,
        "rss_new_kib": rss_new_kib,
        "first_us": first_us,
        "warm_us": warm_us,
        "first_kept_us": first_kept,
        "warm_kept_us": warm_kept,
        "every_region": every.len(),
        "every_region_ms": every_region_ms,
        "rss_all_kib": rss_kib(),
    });
    println!("{report}");
    Ok(())
}
