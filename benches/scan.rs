//! Throughput of `scan` and `redact` over the shapes of text the issue
//! names: (a) prose, (b) numbers without personal data, (c) realistic chat,
//! (d) dense personal data, (e) one 1 MB message; single-threaded and two
//! threads sharing one scanner; and `scan_spelled_out`, the same scan also
//! reading values spelled out as words (what that opt-in pass costs).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use piimask::Scanner;

#[path = "common/corpus.rs"]
mod corpus;

const TOTAL: usize = 256 * 1024;

fn inputs() -> Vec<(&'static str, Vec<String>)> {
    vec![
        ("a_prose", corpus::prose(TOTAL)),
        ("b_numbers_no_pii", corpus::numbers_no_pii(TOTAL)),
        ("c_realistic_chat", corpus::realistic(TOTAL)),
        ("d_dense_pii", corpus::dense(TOTAL)),
        (
            "e_one_1mb_message",
            vec![corpus::realistic(1 << 20).join(" ")],
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let scanner = Scanner::builder().region("IN").build().unwrap();
    let spelled = Scanner::builder()
        .region("IN")
        .spelled_out(true)
        .build()
        .unwrap();
    let mut group = c.benchmark_group("throughput");
    for (name, messages) in inputs() {
        let bytes: usize = messages.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("scan", name), &messages, |b, msgs| {
            let mut out = Vec::new();
            b.iter(|| {
                let mut n = 0;
                for m in msgs {
                    scanner.scan_into(m.as_bytes(), scanner.region(), &mut out);
                    n += out.len();
                }
                n
            })
        });
        group.bench_with_input(BenchmarkId::new("redact", name), &messages, |b, msgs| {
            let (mut findings, mut out) = (Vec::new(), Vec::new());
            b.iter(|| {
                let mut n = 0;
                for m in msgs {
                    scanner
                        .redact_into(m.as_bytes(), scanner.region(), &mut findings, &mut out)
                        .unwrap();
                    n += out.len();
                }
                n
            })
        });
        group.bench_with_input(
            BenchmarkId::new("scan_spelled_out", name),
            &messages,
            |b, msgs| {
                let mut out = Vec::new();
                b.iter(|| {
                    let mut n = 0;
                    for m in msgs {
                        spelled.scan_into(m.as_bytes(), spelled.region(), &mut out);
                        n += out.len();
                    }
                    n
                })
            },
        );
        // Two threads share one scanner; throughput counts both halves.
        group.bench_with_input(
            BenchmarkId::new("scan_2_threads", name),
            &messages,
            |b, msgs| {
                let (left, right) = msgs.split_at(msgs.len() / 2);
                b.iter(|| {
                    std::thread::scope(|s| {
                        for half in [left, right] {
                            let scanner = &scanner;
                            s.spawn(move || {
                                let mut out = Vec::new();
                                for m in half {
                                    scanner.scan_into(m.as_bytes(), scanner.region(), &mut out);
                                }
                            });
                        }
                    })
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
