//! What the leak guard adds to a scan: `check_outbound` against `scan` on
//! the same messages, with 100 000 conversations owning values (the issue's
//! bar: at most 1.3x). Three cases:
//! - `own`: chat, each message checked in the conversation that
//!   wrote its values (an agent repeating the customer's data: every value
//!   fingerprinted and looked up, no event), the common case;
//! - `cross`: the same messages checked in another conversation (every
//!   value is a cross-conversation leak: events, coaching, held);
//! - `unknown`: messages of the same sort whose values nobody owns (events,
//!   coaching, and the message masked), the worst case;
//! - `mixed`: what a service sees: the `own` messages, but one in 25
//!   checked in another conversation and one in 25 replaced by an `unknown`
//!   message (about 2% of messages leak, 2% carry data nobody owns).
//!
//! For `unknown` it also prints check_outbound against `redact` (masking is
//! redaction work that `scan` does not do).
//!
//! Messages are the corpus's chat without personal data, every other one
//! given a phone number or e-mail of its own (the corpus's personal data is
//! a few fixed values, which would make every value owned by hundreds of
//! conversations).
//!
//! Before the criterion runs it prints each ratio from interleaved rounds
//! (steadier than two criterion figures on a busy machine).

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use piimask::guard::{Guard, GuardConfig};
use piimask::policy::Key;
use piimask::Scanner;

#[allow(dead_code)] // the other corpora serve the other benches
#[path = "common/corpus.rs"]
mod corpus;

const TOTAL: usize = 64 * 1024;
const CONVERSATIONS: usize = 100_000;
const TIME: u64 = 1_773_000_000;

fn conversation(i: usize) -> String {
    format!("c-{}", i % CONVERSATIONS)
}

/// A guard whose 100 000 conversations own a phone and an e-mail each, and
/// where message `i` of `observed` was written in conversation `i`.
fn guard(observed: &[String]) -> Guard {
    let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
    let guard = Guard::new(
        scanner,
        &Key::new(&[7; 32]).unwrap(),
        GuardConfig::default(),
    )
    .unwrap();
    let mut rng = corpus::Rng::new(11);
    for c in 0..CONVERSATIONS {
        let text = format!(
            "my number is 9{} and mail user{c}@example.com",
            rng.digits(9)
        );
        guard
            .observe_inbound_at(&conversation(c), &text, TIME, None)
            .unwrap();
    }
    for (i, m) in observed.iter().enumerate() {
        guard
            .observe_inbound_at(&conversation(i), m, TIME, None)
            .unwrap();
    }
    guard
}

struct Case {
    name: &'static str,
    messages: Vec<String>,
    /// The conversation each message is checked in.
    conversations: Vec<String>,
}

/// Chat-like messages, every other one with a value of its own.
fn messages(seed: u64) -> Vec<String> {
    let mut rng = corpus::Rng::new(seed);
    corpus::numbers_no_pii(TOTAL)
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            if i % 2 == 1 {
                return m;
            }
            let value = match rng.next_u64() % 4 {
                0 => format!("Call me on +91 9{} after 6.", rng.digits(9)),
                1 => format!("contact: 919{}@s.whatsapp.net", rng.digits(9)),
                2 => format!("email me at user{}@example.in", rng.digits(8)),
                _ => format!("pls call 8{}", rng.digits(9)),
            };
            format!("{m} {value}")
        })
        .collect()
}

fn cases() -> Vec<Case> {
    let realistic = messages(3);
    let dense = messages(4);
    let n = realistic.len();
    vec![
        Case {
            name: "own",
            messages: realistic.clone(),
            conversations: (0..n).map(conversation).collect(),
        },
        Case {
            name: "mixed",
            messages: (0..n)
                .map(|i| match i % 25 {
                    12 => dense[i].clone(),
                    _ => realistic[i].clone(),
                })
                .collect(),
            conversations: (0..n)
                .map(|i| match i % 25 {
                    0 => conversation(i + 1),
                    _ => conversation(i),
                })
                .collect(),
        },
        Case {
            name: "cross",
            messages: realistic,
            conversations: (0..n).map(|i| conversation(i + 1)).collect(),
        },
        Case {
            name: "unknown",
            conversations: (0..dense.len()).map(conversation).collect(),
            messages: dense,
        },
    ]
}

fn scan_all(scanner: &Scanner, case: &Case) -> usize {
    case.messages.iter().map(|m| scanner.scan(m).len()).sum()
}

fn check_all(guard: &Guard, case: &Case) -> usize {
    case.messages
        .iter()
        .zip(&case.conversations)
        .map(|(m, c)| {
            guard
                .check(&piimask::guard::Outbound {
                    time: Some(TIME),
                    ..piimask::guard::Outbound::new(c, "agent-1", m)
                })
                .events
                .len()
        })
        .sum()
}

fn redact_all(scanner: &Scanner, case: &Case) -> usize {
    case.messages
        .iter()
        .map(|m| scanner.redact(m).map_or(0, |r| r.len()))
        .sum()
}

fn print_ratio(guard: &Guard, case: &Case, baseline: &str) {
    let (mut scan, mut check) = (f64::MAX, f64::MAX);
    let mut events = 0;
    for _ in 0..30 {
        let t = std::time::Instant::now();
        if baseline == "redact" {
            std::hint::black_box(redact_all(guard.scanner(), case));
        } else {
            std::hint::black_box(scan_all(guard.scanner(), case));
        }
        scan = scan.min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        events = std::hint::black_box(check_all(guard, case));
        check = check.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{}: check_outbound / {baseline} = {:.2} ({:.3} ms / {:.3} ms, best of 30 interleaved rounds; {} messages, {} events)",
        case.name,
        check / scan,
        check * 1e3,
        scan * 1e3,
        case.messages.len(),
        events
    );
}

fn bench(c: &mut Criterion) {
    let cases = cases();
    let guard = guard(&cases[0].messages);
    // Only in a real benchmark run (`cargo bench`), not in `cargo test`.
    if std::env::args().any(|a| a == "--bench") {
        for case in &cases {
            print_ratio(&guard, case, "scan");
        }
        let unknown = cases.iter().find(|c| c.name == "unknown").expect("case");
        print_ratio(&guard, unknown, "redact");
    }
    let mut group = c.benchmark_group("guard");
    for case in &cases {
        let bytes: usize = case.messages.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("scan", case.name), case, |b, case| {
            b.iter(|| scan_all(guard.scanner(), case))
        });
        group.bench_with_input(
            BenchmarkId::new("check_outbound", case.name),
            case,
            |b, case| b.iter(|| check_all(&guard, case)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
