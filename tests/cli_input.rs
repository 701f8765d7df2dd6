//! What the command line makes of input as archives really hold it (issue
//! #17, rules in docs/input.md): invalid UTF-8, lone surrogate escapes, a
//! BOM, CRLF, NUL, a last line without a newline, lines that are not JSON.
//! Every test runs the real `piimask` process.
#![cfg(feature = "cli")]

mod pipe;

use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    stdout: Vec<u8>,
    stderr: String,
    code: Option<i32>,
}

fn piimask(args: &[&str], stdin: &[u8]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("piimask runs");
    let (out, written) = pipe::feed(child, stdin);
    written.unwrap();
    Run {
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

impl Run {
    fn text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("UTF-8 output")
    }

    fn json(&self) -> Vec<Value> {
        self.text()
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }

    /// Standard error without the summary's wall-clock end (`in 0.01 s
    /// (1.2 MB/s)`), which differs from run to run.
    fn stderr_without_rate(&self) -> String {
        self.stderr
            .lines()
            .map(|l| match l.rsplit_once(" in ") {
                Some((stable, rate)) if rate.ends_with(" MB/s)") => stable,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

const PHONE: &str = "+44 20 7946 0958";
const MASKED: &str = "+44 •• •••• •958";

#[test]
fn plain_invalid_bytes_pass_through_or_become_replacement_characters() {
    let input = b"ok \xff\xfe call +44 20 7946 0958\n+44 20 7946\xff0958\n";
    let run = piimask(&["redact", "--plain"], input);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let expected = [
        b"ok \xff\xfe call ".as_slice(),
        MASKED.as_bytes(),
        b"\n+44 20 7946\xff0958\n",
    ]
    .concat();
    // The second line's number is cut by an invalid byte: neither half is
    // a valid number, and no number spans the byte.
    assert_eq!(run.stdout, expected);
    assert!(
        run.stderr
            .contains("2 with invalid data (0 replaced, 2 passed through)"),
        "{}",
        run.stderr
    );

    let run = piimask(&["redact", "--plain", "--lossy"], input);
    assert_eq!(
        run.text(),
        format!("ok \u{FFFD}\u{FFFD} call {MASKED}\n+44 20 7946\u{FFFD}0958\n")
    );
    assert!(run.stderr.contains("(2 replaced, 0 passed through)"));

    // A scan writes JSON, which holds no invalid bytes: U+FFFD, and the
    // offsets are into the text as written.
    let run = piimask(&["scan", "--plain"], input);
    let v = run.json();
    let text = v[0]["text"].as_str().unwrap();
    let f = &v[0]["findings"][0];
    let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
    assert_eq!(&text[s as usize..e as usize], PHONE);
    assert!(text.starts_with("ok \u{FFFD}\u{FFFD}"));
}

#[test]
fn json_lone_surrogates_are_read_as_replacement_characters() {
    let input = concat!(
        r#"{"text": "caf\udce9 +44 20 7946 0958", "id": 1}"#,
        "\n",
        r#"{"text": "broken \ud83d +44 20 7946 0958 \ud83d\ude00"}"#,
        "\n",
        r#"{"text": "\ud83d"}"#,
        "\n",
    );
    let run = piimask(&["redact"], input.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v = run.json();
    assert_eq!(v[0]["text"], format!("caf\u{FFFD} {MASKED}"));
    assert_eq!(v[0]["id"], 1);
    assert_eq!(v[1]["text"], format!("broken \u{FFFD} {MASKED} 😀"));
    assert_eq!(v[2]["text"], "\u{FFFD}");
    assert!(
        run.stderr.contains("3 with invalid data (3 replaced"),
        "{}",
        run.stderr
    );

    // A scan writes the text as read; offsets are into it.
    let run = piimask(&["scan"], input.as_bytes());
    let v = run.json();
    assert_eq!(v[0]["text"], "caf\u{FFFD} +44 20 7946 0958");
    assert_eq!(v[0]["findings"][0]["start"], 7);
    assert_eq!(v[0]["findings"][0]["normalized"], "+442079460958");

    // In keys and other fields too: the line written is valid JSON.
    let run = piimask(
        &["redact"],
        b"{\"na\\udcffme\": [\"\\ud83d\"], \"text\": \"hi\"}\n",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.json()[0]["na\u{FFFD}me"][0], "\u{FFFD}");
}

#[test]
fn json_invalid_bytes_are_read_as_replacement_characters() {
    let run = piimask(&["redact"], b"{\"text\": \"caf\xe9 +44 20 7946 0958\"}\n");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.json()[0]["text"], format!("caf\u{FFFD} {MASKED}"));
}

#[test]
fn byte_order_mark() {
    // JSON Lines: skipped (an exporter's mark, not part of the JSON).
    let run = piimask(
        &["redact"],
        "\u{FEFF}{\"text\": \"+44 20 7946 0958\"}\n".as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.text(), format!("{{\"text\":\"{MASKED}\"}}\n"));
    // Plain text: kept, like every byte outside a finding.
    let run = piimask(
        &["redact", "--plain"],
        "\u{FEFF}+44 20 7946 0958\n".as_bytes(),
    );
    assert_eq!(run.text(), format!("\u{FEFF}{MASKED}\n"));
}

#[test]
fn crlf_and_a_last_line_without_newline() {
    let input = b"+44 20 7946 0958\r\nok\r\n\r\nlast +44 20 7946 0958";
    // Plain text: each line keeps its own line end, the last none.
    let run = piimask(&["redact", "--plain"], input);
    assert_eq!(run.text(), format!("{MASKED}\r\nok\r\n\r\nlast {MASKED}"));
    assert!(run.stderr.contains("4 lines, 4 redacted"), "{}", run.stderr);
    // JSON Lines out: every line ends in LF.
    let run = piimask(&["scan", "--plain"], input);
    assert_eq!(run.text().matches('\n').count(), 4);
    assert_eq!(run.json()[0]["text"], PHONE);

    let input = b"{\"text\":\"+44 20 7946 0958\"}\r\n\r\n{\"text\":\"x\"}";
    let run = piimask(&["redact"], input);
    assert_eq!(
        run.text(),
        format!("{{\"text\":\"{MASKED}\"}}\n\n{{\"text\":\"x\"}}\n")
    );
}

#[test]
fn nul_bytes() {
    // Plain text: a NUL is a character like another.
    let run = piimask(&["redact", "--plain"], b"a\0+44 20 7946 0958\0b\n");
    assert_eq!(run.stdout, [b"a\0", MASKED.as_bytes(), b"\0b\n"].concat());
    // JSON: escaped, it is text; raw, the line is not JSON (a control
    // character in a string), and the error says so.
    let input = b"{\"text\":\"a\\u0000+44 20 7946 0958\"}\n{\"text\":\"a\0+44 20 7946 0958\"}\n";
    let run = piimask(&["redact"], input);
    let v = run.json();
    assert_eq!(v[0]["text"], format!("a\0{MASKED}"));
    let error = v[1]["error"].as_str().unwrap();
    assert!(error.contains("control character"), "{error}");
    assert!(!error.contains("7946"));
    assert_eq!(run.code, Some(1));
    // ... which --malformed redact masks as plain text instead.
    let run = piimask(&["redact", "--malformed", "redact"], input);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout.split(|&b| b == b'\n').nth(1).unwrap(),
        [b"{\"text\":\"a\0".as_slice(), MASKED.as_bytes(), b"\"}"].concat()
    );
}

#[test]
fn malformed_lines_are_errors_or_plain_text() {
    let input = concat!(
        "{\"text\":\"+44 20 7946 0958\"}\n",
        "not json +44 20 7946 0958\n",
        "[\"+44 20 7946 0958\"]\n",
        "{\"text\":5}\n",
        "{\"text\":\"ok\"",
    );
    let run = piimask(&["redact"], input.as_bytes());
    assert_eq!(run.code, Some(1));
    let v = run.json();
    assert_eq!(v.len(), 5);
    assert_eq!(v[0]["text"], MASKED);
    assert!(v[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON at column 2"));
    assert_eq!(v[2]["error"], "line is not a JSON object");
    assert_eq!(v[3]["error"], "\"text\" must be a string");
    assert!(v[4]["error"]
        .as_str()
        .unwrap()
        .contains("EOF while parsing"));
    assert!(!run.text().contains("7946"));
    assert!(
        run.stderr.contains("5 lines, 1 redacted, 4 failed"),
        "{}",
        run.stderr
    );

    // --malformed redact: lines that are no JSON object are plain text;
    // a JSON object with a bad "text" is still an error.
    let run = piimask(&["redact", "--malformed", "redact"], input.as_bytes());
    let out: Vec<&str> = run.text().lines().collect();
    assert_eq!(out.len(), 5);
    assert_eq!(out[1], format!("not json {MASKED}"));
    assert_eq!(out[2], format!("[\"{MASKED}\"]"));
    assert!(out[3].starts_with("{\"error\":"));
    assert_eq!(out[4], "{\"text\":\"ok\"");
    assert!(
        run.stderr.contains("5 lines, 4 redacted, 1 failed") && run.stderr.contains("3 not JSON"),
        "{}",
        run.stderr
    );
    // A scan reads them as plain-text messages.
    let run = piimask(&["scan", "--malformed", "redact"], input.as_bytes());
    let v = run.json();
    assert_eq!(v[1]["text"], format!("not json {PHONE}"));
    assert_eq!(v[1]["findings"][0]["normalized"], "+442079460958");
}

#[test]
fn plain_lone_surrogates_pass_through_and_malformed_changes_nothing() {
    // A lone surrogate in plain text is its 3-byte (WTF-8) encoding, as
    // Python's surrogatepass writes it: invalid UTF-8 like any other.
    let input = b"caf\xed\xb3\xa9 +44 20 7946 0958\n{not json} +44 20 7946 0958\n";
    let run = piimask(&["redact", "--plain"], input);
    let expected = [
        b"caf\xed\xb3\xa9 ".as_slice(),
        MASKED.as_bytes(),
        b"\n{not json} ",
        MASKED.as_bytes(),
        b"\n",
    ]
    .concat();
    assert_eq!(run.stdout, expected);
    // In plain text every line is a message: --malformed has nothing to do.
    let again = piimask(&["redact", "--plain", "--malformed", "redact"], input);
    assert_eq!(again.stdout, expected);
    assert_eq!(again.stderr_without_rate(), run.stderr_without_rate());
}

#[test]
fn summary_ends_with_time_taken_and_throughput() {
    for args in [&["redact"][..], &["redact", "--plain"], &["scan"]] {
        let input = format!("{{\"text\":\"call {PHONE}\"}}\n");
        let run = piimask(args, input.as_bytes());
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let last = run.stderr.lines().last().expect("a summary line");
        assert!(last.starts_with("piimask: 1 lines, 1 "), "{last}");
        // Time and MB/s are there; their values are wall-clock, unchecked.
        let (_, rate) = last.rsplit_once(" in ").expect("time taken");
        let (secs, rest) = rate.split_once(" s (").expect("seconds");
        let mbs = rest.strip_suffix(" MB/s)").expect("MB/s");
        secs.parse::<f64>().expect("seconds are a number");
        mbs.parse::<f64>().expect("MB/s is a number");
        // Not a terminal: no progress bar drawn.
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
}
