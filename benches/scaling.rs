//! Linear time, shown as throughput: each shape of input is scanned (and
//! redacted) at 1×, 10× and 100× a base size of 16 KB, in one message. If
//! some step were quadratic, throughput would fall as the input grows; the
//! summary printed at the end gives, per shape, how much longer 10× and
//! 100× the input takes (linear: 10 and 100; the bar is under 20 and 200).
//!
//! Shapes: a long chat message; long digit runs; many findings per
//! message; and pathological separators (`1-1-1-…`, `+(+(…`, `.....`, …).
//!
//! `cargo bench --bench scaling` (about two minutes).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use piimask::Scanner;

#[path = "common/corpus.rs"]
#[allow(dead_code)]
mod corpus;

const BASE: usize = 16 * 1024;
const FACTORS: [usize; 3] = [1, 10, 100];

/// A text of `len` bytes repeating `piece` (cut on a byte boundary; the
/// pieces are ASCII or cut where it does not matter for the scanner).
fn repeat(piece: &str, len: usize) -> Vec<u8> {
    piece.bytes().cycle().take(len).collect()
}

/// The shapes, each a function from a size to a text, and whether redaction
/// is measured too.
#[allow(clippy::type_complexity)]
fn shapes() -> Vec<(&'static str, Box<dyn Fn(usize) -> Vec<u8>>, bool)> {
    let mut shapes: Vec<(&'static str, Box<dyn Fn(usize) -> Vec<u8>>, bool)> = vec![
        (
            "long_message",
            Box::new(|n| {
                let mut text = corpus::realistic(n).join(" ").into_bytes();
                text.truncate(n);
                text
            }),
            true,
        ),
        ("digit_run", Box::new(|n| repeat("0123456789", n)), true),
        (
            "many_findings",
            Box::new(|n| {
                repeat(
                    "+91 98765 43210, a@b.co, 4111 1111 1111 1111, 10.0.0.1; CPF 390.533.447-05; ",
                    n,
                )
            }),
            true,
        ),
    ];
    for (name, piece) in [
        ("sep_dash", "1-"),
        ("sep_plus_paren", "+("),
        ("sep_dots", "."),
        ("sep_spaced_digits", "1 "),
        ("sep_dotted_digits", "1."),
        ("sep_colons", "1::"),
        ("sep_at_dot", "@."),
        ("sep_dial_pauses", "1234567,,"),
    ] {
        shapes.push((name, Box::new(move |n| repeat(piece, n)), false));
    }
    shapes
}

fn bench(c: &mut Criterion) {
    let scanner = Scanner::builder().region("IN").build().unwrap();
    for (shape, make, redact) in shapes() {
        let mut group = c.benchmark_group(format!("scaling_{shape}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_millis(1500));
        for factor in FACTORS {
            let text = make(BASE * factor);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let id = format!("{factor}x");
            group.bench_with_input(BenchmarkId::new("scan", &id), &text, |b, t| {
                let mut out = Vec::new();
                b.iter(|| {
                    scanner.scan_into(t, scanner.region(), &mut out);
                    out.len()
                })
            });
            if redact {
                group.bench_with_input(BenchmarkId::new("redact", &id), &text, |b, t| {
                    let (mut findings, mut out) = (Vec::new(), Vec::new());
                    b.iter(|| {
                        scanner
                            .redact_into(t, scanner.region(), &mut findings, &mut out)
                            .unwrap();
                        out.len()
                    })
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench);

/// Where criterion keeps its results (as criterion finds it).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    // target/release/deps/scaling-… → target/criterion
    let exe = std::env::current_exe().unwrap_or_default();
    exe.ancestors()
        .nth(3)
        .map_or_else(|| PathBuf::from("target"), PathBuf::from)
        .join("criterion")
}

/// The mean time of one benchmark in nanoseconds, from criterion's record.
fn mean_ns(group: &str, op: &str, factor: usize) -> Option<f64> {
    let path = criterion_dir()
        .join(group)
        .join(op)
        .join(format!("{factor}x"))
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// Prints, per shape and operation, the time at 10× and 100× relative to
/// 1× and the throughput at each size.
fn summary() {
    println!(
        "\nscaling summary (time relative to 1x = {} KB; linear is 10 and 100)",
        BASE / 1024
    );
    println!(
        "{:<20} {:<7} {:>8} {:>8}   {:>10} {:>10} {:>10}",
        "shape", "op", "10x", "100x", "MB/s 1x", "MB/s 10x", "MB/s 100x"
    );
    for (shape, _, redact) in shapes() {
        let ops: &[&str] = if redact {
            &["scan", "redact"]
        } else {
            &["scan"]
        };
        for op in ops {
            let group = format!("scaling_{shape}");
            let times: Vec<Option<f64>> = FACTORS.iter().map(|&f| mean_ns(&group, op, f)).collect();
            let [Some(t1), Some(t10), Some(t100)] = times[..] else {
                continue;
            };
            let mbs = |t: f64, f: usize| (BASE * f) as f64 / t * 1e9 / 1e6;
            println!(
                "{:<20} {:<7} {:>8.1} {:>8.1}   {:>10.1} {:>10.1} {:>10.1}",
                shape,
                op,
                t10 / t1,
                t100 / t1,
                mbs(t1, 1),
                mbs(t10, 10),
                mbs(t100, 100)
            );
        }
    }
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
