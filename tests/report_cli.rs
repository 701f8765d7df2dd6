//! `piimask report` end to end: renderings, determinism, bad lines.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::{Command, Output};

fn piimask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(args)
        .output()
        .expect("piimask runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report_cli");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const LOG: &str = concat!(
    r#"{"conversation":"c-1","direction":"out","sender":"agent-1","text":"[PHONE]","ts":"2026-03-12T09:05:00Z","pii":{"phone":1},"events":[{"class":"cross_conversation_leak","kind":"phone","start":0,"end":7,"owners":["c-2"],"rule":"cross_conversation_leak.phone","action":"hold","coaching":"."}],"action":"hold"}"#,
    "\n",
    r#"{"alert":{"id":"leak_events:agent-1:1773306300","rule":"leak_events","actor":"agent-1","window_secs":3600,"threshold":1,"count":1,"first_ts":"2026-03-12T09:05:00Z","last_ts":"2026-03-12T09:05:00Z"}}"#,
    "\n",
    r#"{"ack":"leak_events:agent-1:1773306300","by":"sup-1","ts":"2026-03-12T09:06:30Z"}"#,
    "\n",
);

#[test]
fn json_text_and_html_agree_and_replay_identically() {
    let log = scratch("log.jsonl");
    std::fs::write(&log, LOG).unwrap();
    let log = log.to_str().unwrap();
    let roi = [
        "--cost-of-measures",
        "10",
        "--cost-per-leaked-record",
        "100",
    ];
    let json = |html: &str| {
        let mut args = vec!["report", "--json", "--html", html];
        args.extend(roi);
        args.push(log);
        piimask(&args)
    };
    let (h1, h2) = (scratch("a.html"), scratch("b.html"));
    let a = json(h1.to_str().unwrap());
    let b = json(h2.to_str().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(std::fs::read(&h1).unwrap(), std::fs::read(&h2).unwrap());
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(v["leak_events"]["all"]["held"], 1);
    assert_eq!(v["alerts"]["list"][0]["response_secs"], 90);
    assert_eq!(v["roi"]["exposure_avoided"]["value"], 100.0);
    assert_eq!(v["roi"]["roi"]["value"], 9.0);
    let html = std::fs::read_to_string(&h1).unwrap();
    assert!(html.contains("<svg id=\"chart-events\""));
    assert!(html.contains("<svg id=\"chart-compliance\""));
    assert!(!html.contains("<script"));
    // Self-contained: nothing fetched (the SVG namespace is a name, not a
    // download).
    let rest = html.replace("http://www.w3.org/2000/svg", "");
    assert!(!rest.contains("http") && !rest.contains("src=") && !rest.contains("@import"));

    let text = piimask(&["report", log]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("(held 1 + masked 0) leak events x 0.00 per record"));
    assert!(text.contains("leak_events  agent-1"));
}

#[test]
fn unreadable_lines_are_skipped_named_by_number_and_never_quoted() {
    let log = scratch("bad.jsonl");
    std::fs::write(&log, format!("{LOG}my number is +44 7911 123456\n")).unwrap();
    let out = piimask(&["report", "--json", log.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.jsonl:4: not a JSON object"), "{err}");
    assert!(!err.contains("7911"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lines"]["unreadable"], 1);
    assert_eq!(v["messages"]["scanned"], 1);
}

#[test]
fn bad_roi_options_are_refused() {
    let out = piimask(&["report", "--period-days", "0", "x.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let out = piimask(&["report", "--cost-of-measures", "-5", "x.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reveal_audit_logs_are_read_beside_guard_output() {
    let (log, audit) = (scratch("guard-out.jsonl"), scratch("audit.jsonl"));
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(
        &audit,
        concat!(
            r#"{"time":"2026-03-12T10:00:00Z","actor":"sup-1","role":"supervisor","kind":"phone","conversation":"c-1","outcome":"revealed"}"#,
            "\n",
            r#"{"time":"2026-03-12T10:05:00Z","actor":"agent-1","role":"agent","kind":"email","outcome":"denied"}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = piimask(&[
        "report",
        "--json",
        log.to_str().unwrap(),
        audit.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lines"]["reveal_audit"], 2);
    assert_eq!(v["reveals"]["by_role"]["supervisor"]["revealed"], 1);
    assert_eq!(v["reveals"]["by_actor"]["agent-1"]["denied"], 1);
    assert_eq!(v["period"]["last_ts"], "2026-03-12T10:05:00Z");
    assert_eq!(v["messages"]["scanned"], 1);
}
