//! The `piimask` command line, end to end.
#![cfg(feature = "cli")]

mod pipe;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("piimask runs");
    let (out, written) = pipe::feed(child, stdin.as_bytes());
    written.unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

#[test]
fn scan_adds_findings_and_keeps_other_fields() {
    let input = r#"{"id":7,"text":"Olá! meu zap é (11) 96123-4567 😀 ok","region":"BR","meta":{"a":[1,2]}}"#;
    let out = run(&["scan"], &format!("{input}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = &lines(&out)[0];
    assert_eq!(v["id"], 7);
    assert_eq!(v["meta"]["a"][1], 2);
    let f = &v["findings"][0];
    assert_eq!(f["kind"], "phone");
    assert_eq!(f["text"], "(11) 96123-4567");
    assert_eq!(f["normalized"], "+5511961234567");
    // Offsets are UTF-8 bytes of "text".
    let text = v["text"].as_str().unwrap();
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "(11) 96123-4567");
    // Output keeps the input's fields as written, in order, findings last.
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    let at = |key: &str| raw.find(&format!("\"{key}\":")).unwrap();
    assert!(at("id") < at("text") && at("text") < at("region") && at("region") < at("meta"));
    assert!(at("meta") < at("findings"));
    assert!(raw.contains(r#""meta":{"a":[1,2]}"#), "{raw}");
}

#[test]
fn large_input_keeps_order_and_line_numbers_across_threads() {
    // Several megabytes: many blocks, processed by several workers.
    let mut input = String::new();
    let n = 60_000;
    for i in 0..n {
        if i % 9_973 == 0 {
            input.push_str("not json\n");
        } else {
            input.push_str(&format!(
                "{{\"i\":{i},\"text\":\"msg {i} call +44 20 7946 0958 ok\"}}\n"
            ));
        }
    }
    let out = run(&["redact", "--threads", "3"], &input);
    assert_eq!(out.status.code(), Some(1));
    let v = lines(&out);
    assert_eq!(v.len(), n);
    for (i, line) in v.iter().enumerate() {
        if i % 9_973 == 0 {
            assert_eq!(line["line"], i + 1);
        } else {
            assert_eq!(line["i"], i);
            assert_eq!(line["text"], format!("msg {i} call +44 •• •••• •958 ok"));
        }
    }
}

#[test]
fn lines_longer_than_a_block_keep_their_place() {
    // Lines of several hundred kilobytes among short ones: a block then
    // ends inside a line, and buffers handed back by one block are reused
    // by the next, so nothing of one block may leak into another.
    let long = "call +44 20 7946 0958 now ".repeat(25_000);
    let mut input = String::new();
    for i in 0..12 {
        let text = if i % 4 == 1 {
            long.as_str()
        } else {
            "short +44 20 7946 0958"
        };
        input.push_str(&format!("{{\"i\":{i},\"text\":\"{text}\"}}\n"));
    }
    for threads in ["1", "2"] {
        let out = run(&["redact", "--threads", threads], &input);
        assert_eq!(out.status.code(), Some(0));
        let v = lines(&out);
        assert_eq!(v.len(), 12);
        for (i, line) in v.iter().enumerate() {
            assert_eq!(line["i"], i);
            let text = line["text"].as_str().unwrap();
            let calls = if i % 4 == 1 { 25_000 } else { 1 };
            assert_eq!(text.matches("+44 •• •••• •958").count(), calls, "line {i}");
            assert!(!text.contains("7946"), "line {i}");
        }
    }
}

#[test]
fn redact_replaces_text_only() {
    let input = "{\"text\":\"mail rahul@example.com or +91 98765 43210\",\"n\":1}\n";
    let out = run(&["redact"], input);
    assert!(out.status.success());
    let v = &lines(&out)[0];
    assert_eq!(v["text"], "mail r•••@example.com or +91 ••••• ••210");
    assert_eq!(v["n"], 1);
    assert!(v.get("findings").is_none());
}

#[test]
fn region_flag_and_per_line_override() {
    let input =
        "{\"text\":\"ligar 11 96123-4567\"}\n{\"text\":\"call 98765 43210\",\"region\":\"IN\"}\n";
    let out = run(&["scan", "--region", "BR"], input);
    let v = lines(&out);
    assert_eq!(v[0]["findings"][0]["normalized"], "+5511961234567");
    assert_eq!(v[1]["findings"][0]["normalized"], "+919876543210");
    // Without any hint only international forms count.
    let out = run(&["scan"], "{\"text\":\"ligar 11 96123-4567\"}\n");
    assert_eq!(lines(&out)[0]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn malformed_lines_are_answered_and_counted() {
    let input = concat!(
        "{\"text\":\"+44 20 7946 0958\"}\n",
        "not json at all +44 20 7946 0958\n",
        "{\"no_text\":1}\n",
        "[1,2]\n",
        "{\"text\":5}\n",
        "{\"text\":\"x\",\"region\":\"ZZ\"}\n",
        "\n",
        "{\"text\":\"fine\"}\n",
    );
    let out = run(&["redact"], input);
    assert_eq!(out.status.code(), Some(1));
    // One output line for every input line: the blank one stays blank.
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(stdout.lines().nth(6), Some(""));
    let v: Vec<Value> = stdout
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v.len(), 7, "one answer per non-blank line");
    assert_eq!(v[0]["text"], "+44 •• •••• •958");
    for (i, line_no) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6)] {
        assert_eq!(v[i]["line"], line_no, "{:?}", v[i]);
        let error = v[i]["error"].as_str().unwrap();
        // Errors never echo the message text.
        assert!(!error.contains("7946"), "{error}");
    }
    assert_eq!(v[6]["text"], "fine");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 failed"), "{stderr}");
}

#[test]
fn invalid_utf8_in_a_plain_line_passes_through_and_the_rest_is_redacted() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(["redact", "--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"+44 20 7946 0958 \xff\nok +44 20 7946 0958\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let masked = "+44 •• •••• •958";
    let expected = [masked.as_bytes(), b" \xff\nok ", masked.as_bytes(), b"\n"].concat();
    assert_eq!(out.stdout, expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 passed through"), "{stderr}");
    assert!(out.status.success());
}

#[test]
fn plain_mode() {
    let out = run(
        &["scan", "--plain", "--region", "IN"],
        "call 98765 43210\nnothing here\n",
    );
    let v = lines(&out);
    assert_eq!(v[0]["findings"][0]["text"], "98765 43210");
    assert_eq!(v[1]["findings"].as_array().unwrap().len(), 0);
    let out = run(
        &["redact", "--plain", "--region", "IN"],
        "call 98765 43210\n",
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "call ••••• ••210\n");
}

#[test]
fn spelled_out_flag_reads_values_written_as_words() {
    let input =
        "call nine eight seven six five four three two one zero\nsales at example dot com\n";
    let out = run(&["redact", "--plain", "--region", "IN"], input);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), input);
    // Brackets are read without the flag (see `detect::bracketed`), and so
    // is an address that names a mail service (see `spelled::email`).
    let out = run(
        &["redact", "--plain", "--region", "IN"],
        "ravi [at] gmail [dot] com\nravi at gmail dot com\n",
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "r•••@gmail.com\nr•••@gmail.com\n"
    );
    let out = run(
        &["redact", "--plain", "--region", "IN", "--spelled-out"],
        input,
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "call +91•••••••210\ns•••@example.com\n"
    );
    let out = run(
        &["scan", "--region", "IN", "--spelled-out"],
        "{\"text\":\"नौ आठ सात छह पांच चार तीन दो एक शून्य\"}\n",
    );
    let v = lines(&out);
    assert_eq!(v[0]["findings"][0]["normalized"], "+919876543210");
    assert_eq!(v[0]["findings"][0]["start"], 0);
}

#[test]
fn kinds_flag_selects_detectors() {
    let out = run(
        &["redact", "--plain", "--kinds", "email"],
        "a@b.com +44 20 7946 0958\n",
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "a•••@b.com +44 20 7946 0958\n"
    );
    let out = run(&["scan", "--kinds", "nonsense"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind"));
}

#[test]
fn reads_a_file_argument() {
    let dir = std::env::temp_dir().join(format!("piimask-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("in.jsonl");
    std::fs::write(&path, "{\"text\":\"+44 20 7946 0958\"}\n").unwrap();
    let out = run(&["scan", path.to_str().unwrap()], "");
    assert_eq!(lines(&out)[0]["findings"][0]["normalized"], "+442079460958");
    let missing = run(&["scan", dir.join("missing.jsonl").to_str().unwrap()], "");
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("piimask-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn roles_keys_and_audited_reveal() {
    let dir = temp_dir("roles");
    let key = dir.join("tenant.key");
    std::fs::write(&key, [42u8; 32]).unwrap();
    let config = dir.join("config.json");
    std::fs::write(
        &config,
        r#"{"region":"IN","policy":{"roles":{"agent":{"kinds":{"phone":"fpe"}}}}}"#,
    )
    .unwrap();
    let (key, config) = (key.to_str().unwrap(), config.to_str().unwrap());

    // Without a key the agent role fails closed: no text, exit 1.
    let out = run(
        &["redact", "--plain", "--role", "agent", "--config", config],
        "call 98765 43210\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("98765"));

    // With it, the phone becomes another valid Indian number.
    let out = run(
        &[
            "redact",
            "--plain",
            "--role",
            "agent",
            "--config",
            config,
            "--key-file",
            key,
        ],
        "call 98765 43210\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let masked = String::from_utf8(out.stdout).unwrap();
    let fpe_value = masked.trim_end().strip_prefix("call ").unwrap().to_string();
    assert_eq!(fpe_value.len(), "98765 43210".len());
    assert_ne!(fpe_value, "98765 43210");

    // A supervisor may reveal it; an agent may not; both are audited.
    let audit = dir.join("audit.jsonl");
    let reveal = |role: &str| {
        run(
            &[
                "reveal",
                "--role",
                role,
                "--actor",
                "sup-1",
                "--kind",
                "phone",
                "--conversation",
                "c-7",
                "--region",
                "IN",
                "--config",
                config,
                "--key-file",
                key,
                "--audit-log",
                audit.to_str().unwrap(),
                &fpe_value,
            ],
            "",
        )
    };
    let ok = reveal("supervisor");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(String::from_utf8(ok.stdout).unwrap().trim(), "98765 43210");
    let denied = reveal("agent");
    assert_eq!(denied.status.code(), Some(1));
    assert!(denied.stdout.is_empty());
    let log = std::fs::read_to_string(&audit).unwrap();
    let events: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(
        (events[0]["outcome"].as_str(), events[1]["outcome"].as_str()),
        (Some("revealed"), Some("denied"))
    );
    assert_eq!(events[0]["conversation"], "c-7");
    assert!(!log.contains("98765"), "the audit log holds no values");

    // Unknown roles are a usage error before any line is read.
    let out = run(&["redact", "--role", "intern"], "{\"text\":\"x\"}\n");
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
