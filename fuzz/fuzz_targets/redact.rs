//! Redacts any bytes with any region hint and checks what comes out: text
//! outside findings byte for byte, each finding replaced by its typed mask,
//! no finding's value (or a phone's E.164 digits) showing through, and
//! redacting the redacted text again changes nothing, reading values
//! spelled out as words or not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask::{Region, Scanner};
use piimask_fuzz::{all_kinds, check_redaction, spelled_out, TextInput};

fuzz_target!(|input: TextInput<'_>| {
    let TextInput { region, text } = input;
    let scanner = all_kinds();
    let mut findings = Vec::new();
    let mut masked = Vec::new();
    scanner
        .redact_into(text, region, &mut findings, &mut masked)
        .expect("default masks never fail");
    // `findings` holds the findings the redaction used.
    let mut scanned = Vec::new();
    scanner.scan_into(text, region, &mut scanned);
    assert_eq!(
        findings, scanned,
        "redaction used other findings than a scan"
    );
    check_redaction(text, &findings, &masked);

    assert_idempotent(scanner, region, &masked, "redaction");
    // Reading spelled-out values, a second redaction changes nothing
    // either (`nine[at]e.nine, 119nine…` once lost its number the first
    // time and masked it the second).
    let spelled = spelled_out();
    let mut once = Vec::new();
    spelled
        .redact_into(text, region, &mut findings, &mut once)
        .expect("default masks never fail");
    assert_idempotent(
        spelled,
        region,
        &once,
        "redaction reading spelled-out values",
    );
});

/// Redacting `once`, already redacted by `scanner`, must give it back.
fn assert_idempotent(scanner: &Scanner, region: Option<Region>, once: &[u8], what: &str) {
    let (mut findings, mut twice) = (Vec::new(), Vec::new());
    scanner
        .redact_into(once, region, &mut findings, &mut twice)
        .expect("default masks never fail");
    assert!(
        twice == once,
        "{what} is not idempotent:\n once: {:?}\ntwice: {:?}",
        String::from_utf8_lossy(once),
        String::from_utf8_lossy(&twice)
    );
}
