//! What the tests of values written to slip past a filter share
//! (`tests/invisible.rs`, `tests/italics.rs`, `tests/fullwidth.rs`,
//! `tests/signs.rs`, `tests/wrapped_groups.rs`, `tests/styled_letters.rs`):
//! the values of every family, each with its context, how their findings
//! are compared with those of the plain text, and the checks each makes of
//! a value written its way. Each test file uses some of them.
#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use piimask::guard::{Action, Guard, GuardConfig, LeakClass};
use piimask::policy::Key;
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

/// Checks that `line`'s findings stay the same with each of `rests`
/// after it: a reading that runs over a whole text once something in it
/// calls for one must find in one place what it finds alone (a stream
/// redacts a text in pieces).
pub fn assert_reads_alike_beside(scanner: &Scanner, line: &str, rests: &[&str]) {
    let alone = scanner.scan(line);
    for rest in rests {
        let text = format!("{line}{rest}");
        let head: Vec<_> = scanner
            .scan(&text)
            .into_iter()
            .filter(|f| f.end <= line.len())
            .collect();
        assert_eq!(head, alone, "{line:?} + {rest:?}");
    }
}

/// Checks that the guard, having seen `owned` from the customer of
/// conversation `c-1`, holds `passed_on` sent by an agent to conversation
/// `c-2` as a leak of that customer's value.
pub fn assert_guard_holds_leak(scanner: Scanner, owned: &str, passed_on: &str) {
    let key = Key::new(&[7; 32]).unwrap();
    let guard = Guard::new(Arc::new(scanner), &key, GuardConfig::default()).unwrap();
    guard.observe_inbound("c-1", owned).unwrap();
    guard.observe_inbound("c-2", "need 20 boxes").unwrap();
    let leak = guard.check_outbound("c-2", "agent-7", passed_on);
    assert_eq!(leak.action, Action::Hold, "{passed_on}");
    assert_eq!(leak.events[0].class, LeakClass::CrossConversationLeak);
    assert_eq!(leak.events[0].owners, ["c-1"]);
}
