//! `--min-confidence`: the threshold from the command line, at several
//! values, beside the configuration's and a role's own.

mod pipe;

use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("piimask runs");
    // A process that rejects its options may exit before reading.
    pipe::feed(child, stdin.as_bytes()).0
}

fn redact(extra: &[&str], text: &str) -> String {
    let mut args = vec!["redact", "--plain", "--region", "IN"];
    args.extend_from_slice(extra);
    let out = run(&args, &format!("{text}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

/// A national-format phone (0.85), one with `+` (0.95), an e-mail (0.97)
/// and an unnamed IMEI (0.4, weak evidence).
const TEXT: &str = "call 98765 43210 or +91 98765 43211, a@b.co, S/N 352099001761481";

#[test]
fn thresholds() {
    assert_eq!(
        redact(&[], TEXT),
        "call ••••• ••210 or +91 ••••• ••211, a•••@b.co, S/N 352099001761481"
    );
    assert_eq!(
        redact(&["--min-confidence", "0.5"], TEXT),
        redact(&[], TEXT)
    );
    assert_eq!(
        redact(&["--min-confidence", "0.3"], TEXT),
        "call ••••• ••210 or +91 ••••• ••211, a•••@b.co, S/N ••••••••••••••1"
    );
    assert_eq!(
        redact(&["--min-confidence", "0.9"], TEXT),
        "call 98765 43210 or +91 ••••• ••211, a•••@b.co, S/N 352099001761481"
    );
    assert_eq!(
        redact(&["--min-confidence", "0.96"], TEXT),
        "call 98765 43210 or +91 98765 43211, a•••@b.co, S/N 352099001761481"
    );
    assert_eq!(redact(&["--min-confidence", "1"], TEXT), TEXT);
}

#[test]
fn scan_reports_confidences_above_the_threshold() {
    let out = run(
        &[
            "scan",
            "--plain",
            "--region",
            "IN",
            "--min-confidence",
            "0.3",
        ],
        &format!("{TEXT}\n"),
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let confidences: Vec<f64> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["confidence"].as_f64().unwrap())
        .collect();
    assert_eq!(confidences.len(), 4);
    assert!(confidences.iter().any(|&c| c < 0.5));
}

#[test]
fn the_export_role_masks_weak_evidence() {
    // The built-in export role's own threshold (0.3) wins over the flag's.
    assert_eq!(
        redact(
            &["--role", "export", "--min-confidence", "0.9"],
            "S/N 352099001761481"
        ),
        "S/N"
    );
}

#[test]
fn out_of_range_is_an_error() {
    for bad in ["1.5", "-1", "high"] {
        let out = run(&["scan", "--plain", "--min-confidence", bad], "x\n");
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}
