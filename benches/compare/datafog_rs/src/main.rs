//! Scanning throughput of datafog-core's Rust API on a JSON Lines corpus,
//! measured the way piimask's `examples/throughput.rs` measures piimask.
//!
//! ```text
//! datafog-throughput FILE --config JSON [--config-de JSON] [--passes N] [--repeat R] [--findings OUT]
//! ```
//!
//! Each configuration is parsed once (`parse_scan_config`, the schema of the
//! Python `scan(text, config)`); `--config-de` applies to messages whose
//! `"region"` is `DE`. Two modes, each with one untimed warm-up pass and N
//! timed passes of R scans of the corpus:
//! - `per_message`: `scan_with_config` once per message;
//! - `whole_text`: `scan_with_config` once over all messages joined by `\n`
//!   (the default configuration).
//!
//! Prints one JSON object per mode, with MB/s from wall-clock time and, on
//! Linux, from the thread's on-CPU time (as `examples/throughput.rs` does). `--findings OUT` writes the per-message
//! warm-up findings, one JSON array of `[entity_type, start, end]` (UTF-8
//! byte offsets) per message.

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

use datafog_core::{parse_scan_config, scan_with_config, ScanConfig};

fn main() {
    if let Err(e) = run() {
        eprintln!("datafog-throughput: {e}");
        std::process::exit(2);
    }
}

fn parse_config(json: &str) -> Result<ScanConfig, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    parse_scan_config(&v).map_err(|e| format!("{e:?}"))
}

fn next_number(args: &mut impl Iterator<Item = String>, name: &str) -> Result<usize, String> {
    args.next()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{name} needs a positive number"))
}

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

struct Passes {
    repeat: usize,
    seconds: Vec<f64>,
    cpu_seconds: Vec<f64>,
}

fn summary(mode: &str, messages: usize, bytes: usize, p: &Passes) -> serde_json::Value {
    let volume = (bytes * p.repeat) as f64;
    let mbps: Vec<f64> = p.seconds.iter().map(|s| volume / s / 1e6).collect();
    let (median, best, worst) = stats(&mbps);
    let mbps_cpu: Vec<f64> = p.cpu_seconds.iter().map(|s| volume / s / 1e6).collect();
    let cpu = (mbps_cpu.len() == p.seconds.len()).then(|| stats(&mbps_cpu));
    serde_json::json!({
        "engine": "datafog_rs",
        "mode": mode,
        "messages": messages,
        "bytes": bytes,
        "passes": p.seconds.len(),
        "repeat": p.repeat,
        "seconds": p.seconds,
        "mb_per_s": mbps,
        "mb_per_s_median": median,
        "mb_per_s_best": best,
        "mb_per_s_worst": worst,
        "cpu_seconds": cpu.map(|_| &p.cpu_seconds),
        "mb_per_s_cpu": cpu.map(|_| &mbps_cpu),
        "mb_per_s_cpu_median": cpu.map(|c| c.0),
    })
}

/// One warm-up call of `f`, then `passes` timed passes of `repeat` calls
/// (`repeat` chosen from the warm-up when not given).
fn time_passes(passes: usize, repeat: Option<usize>, mut f: impl FnMut() -> usize) -> Passes {
    let t0 = Instant::now();
    black_box(f());
    let warm = t0.elapsed().as_secs_f64();
    let repeat = repeat.unwrap_or_else(|| (0.25 / warm.max(1e-6)).ceil().clamp(1.0, 1e4) as usize);
    let mut p = Passes {
        repeat,
        seconds: Vec::with_capacity(passes),
        cpu_seconds: Vec::with_capacity(passes),
    };
    for _ in 0..passes {
        let c0 = cpu_ns();
        let t0 = Instant::now();
        let mut n = 0;
        for _ in 0..repeat {
            n += f();
        }
        p.seconds.push(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_ns()) {
            p.cpu_seconds
                .push(c1.saturating_sub(c0).max(1) as f64 / 1e9);
        }
        black_box(n);
    }
    p
}

fn run() -> Result<(), String> {
    let (mut file, mut config, mut config_de, mut findings_out) = (None, None, None, None);
    let (mut passes, mut repeat) = (7usize, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--config" => config = Some(args.next().ok_or("--config needs JSON")?),
            "--config-de" => config_de = Some(args.next().ok_or("--config-de needs JSON")?),
            "--passes" => passes = next_number(&mut args, "--passes")?,
            "--repeat" => repeat = Some(next_number(&mut args, "--repeat")?),
            "--findings" => findings_out = Some(args.next().ok_or("--findings needs a path")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => file = Some(a),
        }
    }
    let file = file.ok_or("usage: datafog-throughput FILE --config JSON [--config-de JSON] ...")?;
    let config = parse_config(&config.unwrap_or_else(|| "{}".into()))?;
    let config_de = match config_de {
        Some(json) => parse_config(&json)?,
        None => config.clone(),
    };
    let data = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let mut messages: Vec<(String, bool)> = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\"", n + 1))?;
        messages.push((text.to_owned(), v["region"].as_str() == Some("DE")));
    }
    let bytes: usize = messages.iter().map(|(t, _)| t.len()).sum();

    if let Some(path) = &findings_out {
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?,
        );
        for (text, de) in &messages {
            let found = scan_with_config(text, if *de { &config_de } else { &config });
            let row: Vec<(&str, usize, usize)> = found
                .iter()
                .map(|f| (f.entity_type.as_str(), f.byte_range.start, f.byte_range.end))
                .collect();
            serde_json::to_writer(&mut w, &row).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }

    let p = time_passes(passes, repeat, || {
        let mut n = 0;
        for (text, de) in &messages {
            n += scan_with_config(black_box(text), if *de { &config_de } else { &config }).len();
        }
        n
    });
    println!("{}", summary("per_message", messages.len(), bytes, &p));

    let joined: String = messages
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let p = time_passes(passes, repeat, || {
        scan_with_config(black_box(&joined), &config).len()
    });
    // Throughput counts the message bytes only, like every other mode.
    println!("{}", summary("whole_text", messages.len(), bytes, &p));
    Ok(())
}
