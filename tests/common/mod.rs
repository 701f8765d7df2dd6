//! What the tests of values written to slip past a filter share
//! (`tests/invisible.rs`, `tests/italics.rs`, `tests/fullwidth.rs`): the
//! values of every family, each with its context, and how their findings
//! are compared with those of the plain text.

use std::sync::OnceLock;

use piimask::{Finding, Kind, Region, Scanner};

/// Values of every family, with their context, and the region each is
/// read in.
pub const TEXTS: &[(&str, &str)] = &[
    ("IN", "WhatsApp me at +91 98765 43210 please"),
    ("IN", "call 98765 43210"),
    ("IN", "mail ravi.kumar@example.in or UPI ravi@okaxis"),
    ("BR", "zap (11) 98765-4321, CPF 390.533.447-05"),
    ("US", "card 4111 1111 1111 1111 exp 12/27"),
    ("IN", "Aadhaar 2341 2341 2346"),
    ("IN", "PAN ABCPE1234F"),
    ("GB", "my number is 07911 123456"),
    ("DE", "IBAN DE89 3704 0044 0532 0130 00"),
    ("US", "server 192.168.1.10"),
    ("US", "SSN 536-90-4399"),
];

/// One scanner with every kind, built once per test binary.
pub fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(Scanner::new)
}

/// What a scan found, as kinds and normalized values (offsets differ
/// between a text and its plain form).
pub fn values(found: &[Finding]) -> Vec<(Kind, String)> {
    found
        .iter()
        .map(|f| (f.kind.clone(), f.normalized.clone()))
        .collect()
}

/// `text` masked, after checking that masking the masked text again
/// changes nothing (nothing left in it reads as a value).
pub fn masked_once(text: &str, region: Region) -> String {
    let s = scanner();
    let masked = s.redact_with(text, Some(region)).unwrap();
    assert_eq!(
        s.redact_with(&masked, Some(region)).unwrap(),
        masked,
        "{text:?}"
    );
    masked
}
