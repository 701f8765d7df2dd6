//! `piimask redact --format whatsapp|csv|jsonl`: the bundled exports give
//! their `.expected` files, output is the same for any thread count, and
//! CSV/JSON keep every byte outside the redacted values.

use std::io::Write;
use std::process::{Command, Stdio};

fn redact(args: &[&str], input: &[u8]) -> (Vec<u8>, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .arg("redact")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    // A run that stops on its arguments reads nothing: the pipe it leaves
    // closed is no failure of the test.
    if let Err(e) = feeder.join().unwrap() {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

fn example(name: &str) -> String {
    format!("{}/examples/whatsapp/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn whatsapp_examples_as_the_readme_shows() {
    for name in ["android", "ios"] {
        let input = example(&format!("{name}.txt"));
        let (out, err, ok) = redact(&["--region", "IN", "--format", "whatsapp", &input], b"");
        assert!(ok, "{err}");
        assert_eq!(
            out,
            std::fs::read(example(&format!("{name}.expected"))).unwrap()
        );
        assert!(err.contains(" MB/s)"), "{err}");
        let (out, _, ok) = redact(
            &[
                "--region",
                "IN",
                "--format",
                "whatsapp",
                "--mask-senders",
                &input,
            ],
            b"",
        );
        assert!(ok);
        assert_eq!(
            out,
            std::fs::read(example(&format!("{name}.senders.expected"))).unwrap()
        );
    }
}

/// A generated export of several blocks, with senders and invalid bytes.
fn big_export() -> Vec<u8> {
    let mut v = Vec::new();
    for i in 0..40_000u32 {
        let sender = match i % 4 {
            0 => "Ravi Kumar".to_string(),
            1 => "+55 11 91234-5678".to_string(),
            2 => format!("Guest {}", i % 97),
            _ => "Priya".to_string(),
        };
        writeln!(
            v,
            "{:02}/03/2024, 14:{:02} - {sender}: order #{} call 98765 {:05} or (11) 98765-4321 @Priya",
            i % 28 + 1,
            i % 60,
            48_213_977 + i,
            i % 100_000
        )
        .unwrap();
        if i % 7 == 0 {
            v.extend_from_slice(b"continued \xff\xfe line 98765 43210\n");
        }
    }
    v
}

#[test]
fn a_number_split_across_two_messages_is_masked_in_both_across_blocks() {
    // Pairs of messages, each half of a number, over several blocks of the
    // reader: some pair straddles every block boundary. Every other pair has
    // a message between (Ravi's own or Priya's), which leaves the join.
    let mut input = Vec::new();
    for i in 0..24_000u32 {
        let (day, minute) = (i % 28 + 1, i % 60);
        writeln!(
            input,
            "{day:02}/03/2024, 14:{minute:02} - Ravi Kumar: his number is 98765"
        )
        .unwrap();
        match i % 4 {
            1 => writeln!(input, "{day:02}/03/2024, 14:{minute:02} - Ravi Kumar: wait").unwrap(),
            3 => writeln!(input, "{day:02}/03/2024, 14:{minute:02} - Priya: ok?").unwrap(),
            _ => {}
        }
        writeln!(
            input,
            "{day:02}/03/2024, 14:{minute:02} - Ravi Kumar: 43210 call him {i}"
        )
        .unwrap();
    }
    let args = |threads| {
        [
            "--region",
            "IN",
            "--format",
            "whatsapp",
            "--threads",
            threads,
        ]
    };
    let (one, err1, ok1) = redact(&args("1"), &input);
    let (three, err3, ok3) = redact(&args("3"), &input);
    assert!(ok1 && ok3, "{err1} {err3}");
    assert_eq!(one, three);
    let out = String::from_utf8(one).unwrap();
    assert_eq!(out.matches("his number is •••••\n").count(), 24_000);
    assert_eq!(out.matches("Ravi Kumar: •••10 call him").count(), 24_000);
    // Another sender's message, or two between, join nothing.
    let input = "12/03/2024, 14:32 - Ravi Kumar: his number is 98765\n\
                 12/03/2024, 14:32 - Priya: 43210 boxes\n\
                 12/03/2024, 14:33 - Ravi Kumar: box 98765\n\
                 12/03/2024, 14:33 - Ravi Kumar: ok\n\
                 12/03/2024, 14:33 - Priya: ok\n\
                 12/03/2024, 14:33 - Ravi Kumar: 43210\n";
    let (out, err, ok) = redact(&args("1"), input.as_bytes());
    assert!(ok, "{err}");
    assert_eq!(String::from_utf8(out).unwrap(), input);
}

#[test]
fn output_does_not_depend_on_threads() {
    let input = big_export();
    let (one, err1, ok1) = redact(
        &[
            "--region",
            "IN",
            "--format",
            "whatsapp",
            "--mask-senders",
            "--threads",
            "1",
        ],
        &input,
    );
    let (three, err3, ok3) = redact(
        &[
            "--region",
            "IN",
            "--format",
            "whatsapp",
            "--mask-senders",
            "--threads",
            "3",
        ],
        &input,
    );
    assert!(ok1 && ok3, "{err1} {err3}");
    assert_eq!(one, three);
    assert_eq!(
        input.iter().filter(|&&b| b == b'\n').count(),
        one.iter().filter(|&&b| b == b'\n').count()
    );
    // Invalid bytes pass through unchanged; the number after them is masked.
    let want = [&b"continued \xff\xfe line "[..], "••••• ••210".as_bytes()].concat();
    assert!(one.windows(want.len()).any(|w| w == want));
    assert!(!String::from_utf8_lossy(&one).contains("98765 43210"));
}

#[test]
fn csv_columns_and_json_fields() {
    let csv = b"id,message,notes\r\n1,\"call 98765 43210, ok\",\"kept 98765 43210\"\r\n2,\"a\"\"b\nc 98765 43210\",\r\n";
    let (out, err, ok) = redact(
        &["--region", "IN", "--format", "csv", "--columns", "message"],
        csv,
    );
    assert!(ok, "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "id,message,notes\r\n1,\"call ••••• ••210, ok\",\"kept 98765 43210\"\r\n2,\"a\"\"b\nc ••••• ••210\",\r\n"
    );
    let (_, err, ok) = redact(&["--format", "csv", "--columns", "nope"], csv);
    assert!(!ok && err.contains("nope"), "{err}");

    // A lone surrogate escape is read as U+FFFD, as in the default mode.
    let (out, _, ok) = redact(
        &["--region", "IN", "--format", "jsonl", "--field", "a"],
        b"{\"a\":\"caf\\udce9 98765 43210\"}\n",
    );
    assert!(ok);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\"a\":\"caf\u{fffd} ••••• ••210\"}\n"
    );

    let jsonl = b"{\"id\":1,\"payload\":{\"message\":{\"body\":\"call 98765 43210\"}}}\nnot json\n";
    let (out, _, ok) = redact(
        &[
            "--region",
            "IN",
            "--format",
            "jsonl",
            "--field",
            "payload.message.body",
        ],
        jsonl,
    );
    assert!(!ok, "the malformed line fails the run");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\"id\":1,\"payload\":{\"message\":{\"body\":\"call ••••• ••210\"}}}\n{\"error\":\"invalid JSON at column 2\",\"line\":2}\n"
    );
}

#[test]
fn csv_with_semicolons_tabs_or_a_named_delimiter() {
    // Spreadsheets in Brazil write semicolons, the comma being the decimal
    // point: the header finds the delimiter, quoted line breaks after a
    // semicolon stay inside their field, and the output keeps it.
    let csv = "id;mensagem;valor\r\n1;\"zap (11) 98765-4321, ok\";1,50\r\n2;\"linha\nana@gmail.com\";2,00\r\n";
    let args = ["--region", "BR", "--format", "csv", "--columns", "mensagem"];
    let (out, err, ok) = redact(&args, csv.as_bytes());
    assert!(ok, "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "id;mensagem;valor\r\n1;\"zap (••) •••••-•321, ok\";1,50\r\n2;\"linha\na•••@gmail.com\";2,00\r\n"
    );
    assert!(err.contains("3 records, 2 findings, 0 failed"), "{err}");
    for threads in ["1", "3"] {
        let (again, _, ok) = redact(
            &[&args[..], &["--threads", threads]].concat(),
            csv.as_bytes(),
        );
        assert!(ok);
        assert_eq!(again, redact(&args, csv.as_bytes()).0);
    }

    // Excel's `sep=;` line names the delimiter and is written back.
    let excel = "sep=;\r\nid;mensagem\r\n1;zap 11 98765-4321, ok\r\n";
    let (out, err, ok) = redact(&args, excel.as_bytes());
    assert!(ok, "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "sep=;\r\nid;mensagem\r\n1;zap •• •••••-•321, ok\r\n"
    );

    let tsv = b"id\tmsg\n1\tcall 98765 43210\n";
    for named in [&[][..], &["--delimiter", "tab"][..]] {
        let args = [
            &["--region", "IN", "--format", "csv", "--columns", "msg"][..],
            named,
        ]
        .concat();
        let (out, err, ok) = redact(&args, tsv);
        assert!(ok, "{err}");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id\tmsg\n1\tcall ••••• ••210\n"
        );
    }

    // A named delimiter the header does not use: an error naming the
    // column, and nothing written, not even the header.
    let (out, err, ok) = redact(
        &["--format", "csv", "--columns", "msg", "--delimiter", ";"],
        tsv,
    );
    assert!(!ok && err.contains("no column named \"msg\""), "{err}");
    assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
    let (_, err, ok) = redact(
        &["--format", "csv", "--columns", "msg", "--delimiter", "ab"],
        tsv,
    );
    assert!(!ok && err.contains("--delimiter"), "{err}");
}

#[test]
fn csv_quotes_as_the_csv_crate_reads_them() {
    // A quote inside an unquoted field and a lone CR are text: each record
    // stays its own and both messages are redacted.
    let csv = b"id,notes,message\n1,5\" screen,call 98765 43210\n2,a\rb,98765 43210\n";
    let (out, err, ok) = redact(
        &["--region", "IN", "--format", "csv", "--columns", "message"],
        csv,
    );
    assert!(ok, "{err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "id,notes,message\n1,5\" screen,call ••••• ••210\n2,a\rb,••••• ••210\n"
    );
    assert!(err.contains("3 records, 2 findings, 0 failed"), "{err}");
}

#[test]
fn csv_unclosed_quote_fails_closed_naming_its_line() {
    // The notes field of record 3 (line 4) opens a quote that never
    // closes: everything after it would be one field of an unredacted
    // column, so it is dropped and the run fails, naming the line.
    let csv = b"id,notes,message\n1,\"two\nlines\",98765 43210\n2,ok,hi\n3,\"unclosed,98765 43210\n4,x,98765 43210\n";
    for threads in ["1", "2"] {
        let (out, err, ok) = redact(
            &[
                "--region",
                "IN",
                "--format",
                "csv",
                "--columns",
                "message",
                "--threads",
                threads,
            ],
            csv,
        );
        assert!(!ok, "{err}");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,notes,message\n1,\"two\nlines\",••••• ••210\n2,ok,hi\n\n"
        );
        assert!(
            err.contains("line 5: a quoted field opens here and is never closed; record 4"),
            "{err}"
        );
        assert!(!err.contains("98765"), "{err}");
        assert!(err.contains("4 records, 1 findings, 1 failed"), "{err}");
    }
}

#[test]
fn csv_quote_open_past_the_record_limit_stops_the_run() {
    // A quote that stays open for more than 16 MiB: the run stops there
    // instead of reading the rest of the input into memory.
    let mut csv = b"id,notes,message\n1,ok,98765 43210\n2,\"open".to_vec();
    let line = [b"x".repeat(1023), b"\n".to_vec()].concat();
    while csv.len() < 18 << 20 {
        csv.extend_from_slice(&line);
    }
    csv.extend_from_slice(b"\",98765 43210\n3,after,98765 43210\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args([
            "redact",
            "--region",
            "IN",
            "--format",
            "csv",
            "--columns",
            "message",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The run stops reading early: a broken pipe here is expected.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&csv);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let (stdout, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(!out.status.success());
    assert!(
        err.contains("line 3: a quoted field opens here and is still open after 16 MiB"),
        "{err}"
    );
    assert!(
        !stdout.contains("after") && !stdout.contains("98765"),
        "{stdout:.200}"
    );
}

#[test]
fn a_closed_output_stops_the_run() {
    // `piimask redact … | head`: the reader closes the pipe after a few
    // bytes. Every format stops with a write error, for any thread count,
    // and never waits for ever (the CSV and WhatsApp pipeline once did: the
    // reader kept waiting to hand a block to workers that had stopped).
    let dir = std::env::temp_dir().join(format!("piimask-closed-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rows = 400_000;
    let mut csv = b"id,text\n".to_vec();
    let mut export = Vec::new();
    let mut jsonl = Vec::new();
    for i in 0..rows {
        writeln!(csv, "{i},call me on 98765 {i:05} about order {i}").unwrap();
        writeln!(export, "12/03/2024, 14:32 - Ravi: call me on 98765 {i:05}").unwrap();
        writeln!(jsonl, r#"{{"text": "call me on 98765 {i:05}"}}"#).unwrap();
    }
    let files = [
        ("in.csv", csv, vec!["--format", "csv", "--columns", "text"]),
        ("in.txt", export, vec!["--format", "whatsapp"]),
        (
            "in.jsonl",
            jsonl.clone(),
            vec!["--format", "jsonl", "--field", "text"],
        ),
        ("lines.jsonl", jsonl, vec![]),
    ];
    for (name, data, format) in &files {
        let path = dir.join(name);
        std::fs::write(&path, data).unwrap();
        for threads in ["1", "3"] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_piimask"))
                .args(["redact", "--region", "IN", "--threads", threads])
                .args(format)
                .arg(&path)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdout = child.stdout.take().unwrap();
            let mut first = [0u8; 64];
            std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
            drop(stdout);
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
            let status = loop {
                if let Some(status) = child.try_wait().unwrap() {
                    break status;
                }
                if std::time::Instant::now() > deadline {
                    child.kill().unwrap();
                    panic!("{name} with {threads} threads still runs with its output closed");
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            };
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            assert!(!status.success(), "{name}, {threads} threads: {err}");
            assert!(
                err.contains("write error"),
                "{name}, {threads} threads: {err}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
