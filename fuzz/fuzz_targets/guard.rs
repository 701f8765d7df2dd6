//! The leak guard on any input. The first byte picks what the rest is:
//! - a conversation log: every line is answered by exactly one JSON object
//!   line (an answer or an error), and the ownership learnt survives a
//!   snapshot round trip unchanged;
//! - snapshot bytes: restoring them never panics, and a refused snapshot
//!   leaves the guard as it was; an accepted one snapshots back to itself;
//! - edits to a real snapshot, its checksum recomputed: the parser behind
//!   the checksum sees damaged records, counts and ids.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use piimask::guard::log::LogProcessor;
use piimask::guard::{Guard, GuardConfig, Record};
use piimask::policy::Key;
use piimask::Scanner;

fn guard() -> Guard {
    static SCANNER: OnceLock<Arc<Scanner>> = OnceLock::new();
    let scanner = SCANNER
        .get_or_init(|| Arc::new(Scanner::builder().region("IN").build().unwrap()))
        .clone();
    let config = GuardConfig {
        max_values_per_conversation: 4,
        lifetime_secs: 3600,
        ..GuardConfig::default()
    };
    Guard::new(scanner, &Key::new(&[7; 32]).unwrap(), config).unwrap()
}

fn sorted(guard: &Guard) -> Vec<Record> {
    let mut records = guard.store().export().unwrap();
    records.sort_by(|a, b| {
        (&a.conversation, a.fingerprint, a.seen).cmp(&(&b.conversation, b.fingerprint, b.seen))
    });
    records
}

/// A guard that learnt something, for the snapshot modes.
fn taught() -> Guard {
    let g = guard();
    let lines: &[&[u8]] = &[
        br#"{"conversation":"c-1","direction":"in","text":"98765 43210 a@b.co","ts":"2026-03-12T10:00:00Z"}"#,
        br#"{"register":{"conversation":"c-2","kind":"phone","value":"919876543210@s.whatsapp.net"}}"#,
        br#"{"conversation":"c-3","direction":"in","text":"card 4111 1111 1111 1111"}"#,
    ];
    let mut p = LogProcessor::new(&g, None).unwrap();
    let mut out = Vec::new();
    for line in lines {
        p.line(line, &mut out);
    }
    g
}

fn log(data: &[u8]) {
    let g = guard();
    let mut p = LogProcessor::new(&g, None).unwrap();
    let mut out = Vec::new();
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    for line in &lines {
        let before = out.len();
        p.line(line, &mut out);
        let answer = &out[before..];
        assert_eq!(answer.last(), Some(&b'\n'));
        // One answer line, then the monitor's alert (or error) lines.
        let mut answers = answer[..answer.len() - 1].split(|&b| b == b'\n');
        let value: serde_json::Value =
            serde_json::from_slice(answers.next().unwrap()).expect("every answer is JSON");
        assert!(value.is_object());
        for extra in answers {
            let value: serde_json::Value =
                serde_json::from_slice(extra).expect("every alert is JSON");
            assert!(value.get("alert").is_some() || value.get("error").is_some());
        }
    }
    let bytes = g.snapshot_bytes().unwrap();
    let back = guard();
    back.restore_bytes(&bytes).unwrap();
    assert_eq!(sorted(&g), sorted(&back));
}

fn restore(g: &Guard, bytes: &[u8]) {
    let before = sorted(g);
    match g.restore_bytes(bytes) {
        Ok(n) => {
            assert_eq!(g.store().len().unwrap(), n);
            let again = g.snapshot_bytes().unwrap();
            let other = guard();
            other.restore_bytes(&again).unwrap();
            assert_eq!(sorted(g), sorted(&other));
        }
        Err(e) => {
            assert_eq!(
                sorted(g),
                before,
                "a refused snapshot changed the guard: {e}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 => log(rest),
        1 => restore(&taught(), rest),
        _ => {
            // Edits (position, byte) to a real snapshot, then a fresh checksum.
            let g = taught();
            let mut bytes = g.snapshot_bytes().unwrap();
            let body = bytes.len() - 32;
            for edit in rest.chunks_exact(3) {
                let at = usize::from(u16::from_le_bytes([edit[0], edit[1]])) % body;
                bytes[at] = edit[2];
            }
            if rest.len() % 3 == 1 {
                bytes.truncate(body.saturating_sub(usize::from(rest[rest.len() - 1])));
            } else {
                bytes.truncate(body);
            }
            use sha2::Digest;
            let digest = sha2::Sha256::digest(&bytes);
            bytes.extend_from_slice(&digest);
            restore(&guard(), &bytes);
        }
    }
});
