//! Archive formats: the bundled WhatsApp exports redact as their
//! `.expected` files show (regenerate with `PIIMASK_BLESS=1` and review the
//! diff), headers stay byte-identical, and a redacted export parses back
//! into the same messages, senders and timestamps.

use std::path::Path;

use piimask::formats::whatsapp::{parse_export, parse_header, ExportRedactor};
use piimask::{Kind, Scanner};
use proptest::prelude::*;

fn scanner() -> &'static Scanner {
    static S: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
    S.get_or_init(|| Scanner::builder().region("IN").build().unwrap())
}

/// Redacts a whole export line by line.
fn redact_export(text: &[u8], mask_senders: bool) -> Vec<u8> {
    let s = scanner();
    let mut r = ExportRedactor::new(s, s.region(), None, mask_senders).unwrap();
    if mask_senders {
        // Two passes, as the CLI does for a file: names first.
        for line in text.split(|&b| b == b'\n') {
            r.learn_sender(line);
        }
    }
    let mut out = Vec::new();
    let mut lines = text.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        r.line(line, &mut out).unwrap();
        if lines.peek().is_some() {
            out.push(b'\n');
        }
    }
    out
}

fn check_example(name: &str, mask_senders: bool) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/whatsapp");
    let input = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
    let out = redact_export(&input, mask_senders);
    let suffix = if mask_senders { ".senders" } else { "" };
    let expected_path = dir.join(format!("{name}{suffix}.expected"));
    if std::env::var_os("PIIMASK_BLESS").is_some() {
        std::fs::write(&expected_path, &out).unwrap();
    }
    let expected = std::fs::read(&expected_path).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&expected),
        "{name}"
    );
    check_structure(&input, &out, mask_senders);
}

/// Same messages, timestamps, line breaks; every header byte-identical up
/// to its sender, and senders kept unless they are phone numbers (masked)
/// or pseudonyms were asked for.
fn check_structure(input: &[u8], out: &[u8], mask_senders: bool) {
    let before = parse_export(input);
    let after = parse_export(out);
    assert_eq!(before.len(), after.len());
    assert_eq!(
        input.iter().filter(|&&b| b == b'\n').count(),
        out.iter().filter(|&&b| b == b'\n').count()
    );
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a.timestamp, b.timestamp);
        assert_eq!(a.sender.is_some(), b.sender.is_some());
        if let (Some(sa), Some(sb)) = (&a.sender, &b.sender) {
            let phone = scanner()
                .scan(std::str::from_utf8(sa).unwrap())
                .iter()
                .any(|f| f.kind == Kind::Phone);
            if mask_senders {
                assert!(
                    sb.starts_with(b"Contact ") || sb.starts_with("\u{200e}Contact ".as_bytes())
                );
            } else if phone {
                assert!(sb.contains(&"•".as_bytes()[0]), "phone sender masked");
            } else {
                assert_eq!(sa, sb);
            }
        }
        assert_eq!(
            a.body.iter().filter(|&&b| b == b'\n').count(),
            b.body.iter().filter(|&&b| b == b'\n').count()
        );
    }
    for (li, lo) in input.split(|&b| b == b'\n').zip(out.split(|&b| b == b'\n')) {
        if let Some(h) = parse_header(li) {
            let ho = parse_header(lo).expect("a header stays a header");
            let upto = h.sender.clone().map_or(h.body, |s| s.start);
            assert_eq!(&li[..upto], &lo[..upto], "header bytes");
            assert_eq!(h.timestamp, ho.timestamp);
        }
    }
}

#[test]
fn android_example() {
    check_example("android", false);
    check_example("android", true);
}

#[test]
fn ios_example() {
    check_example("ios", false);
    check_example("ios", true);
}

#[test]
fn foreign_sender_gives_its_region() {
    // With region IN, a Brazilian national number is found only because
    // the sender's calling code says Brazil.
    let text = "12/03/2024, 14:35 - +55 11 91234-5678: Meu celular: (11) 98765-4321\n\
                12/03/2024, 14:36 - Ravi: (11) 98765-4321";
    let out = String::from_utf8(redact_export(text.as_bytes(), false)).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines[0].contains("98765-4321"), "{}", lines[0]);
    assert!(lines[1].ends_with("(11) 98765-4321"), "{}", lines[1]);
}

fn sender() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Ravi Kumar".to_string()),
        Just("Priya".to_string()),
        Just("+91 98765 43210".to_string()),
        Just("+55 11 91234-5678".to_string()),
        "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?",
    ]
}

fn body_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("call 98765 43210".to_string()),
        Just("mail a.b@example.com".to_string()),
        Just("card 4111 1111 1111 1111".to_string()),
        Just("order #48213977".to_string()),
        Just("@Ravi Kumar".to_string()),
        Just("<Media omitted>".to_string()),
        Just(": ".to_string()),
        "[a-z ]{1,12}",
        "[0-9 +()-]{1,14}",
        "\\PC{1,6}",
    ]
}

fn message() -> impl Strategy<Value = String> {
    (
        1u32..29,
        1u32..13,
        0u32..24,
        0u32..60,
        any::<bool>(),
        sender(),
        prop::collection::vec(body_piece(), 1..5),
        prop::collection::vec("[a-z][a-z 0-9]{0,20}", 0..3),
    )
        .prop_map(|(d, m, h, min, ios, sender, body, more)| {
            let head = if ios {
                format!("[{d}/{m}/24, {}:{min:02}:00 PM] {sender}: ", h % 12 + 1)
            } else {
                format!("{d:02}/{m:02}/2024, {h:02}:{min:02} - {sender}: ")
            };
            let mut s = head + &body.concat().replace('\n', " ");
            for line in more {
                s.push('\n');
                s.push_str(&line);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn redacted_exports_parse_back(messages in prop::collection::vec(message(), 1..12), masked in any::<bool>()) {
        let text = messages.join("\n");
        let out = redact_export(text.as_bytes(), masked);
        check_structure(text.as_bytes(), &out, masked);
    }
}

mod csv_and_json {
    use super::scanner;
    use piimask::formats::csv::{record_end, CsvRedactor};
    use piimask::formats::json::{FieldPath, JsonFieldRedactor};

    fn redact_csv(text: &[u8], columns: &[&str]) -> Vec<u8> {
        let cols: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let mut r = CsvRedactor::new(scanner(), &cols, None).unwrap();
        let mut rest = text;
        let mut out = Vec::new();
        let mut first = true;
        while !rest.is_empty() {
            let end = record_end(rest, r.delimiter()).unwrap_or(rest.len());
            let (rec, tail) = rest.split_at(end);
            if first {
                r.header(rec).unwrap();
                out.extend_from_slice(rec);
                first = false;
            } else {
                r.record(rec, None, &mut out).unwrap();
            }
            rest = tail;
        }
        out
    }

    #[test]
    fn columns_redacted_the_rest_kept() {
        let input = "id,message,notes,amount\r\n\
                     1,\"call 98765 43210, ok\",\"VIP \"\"gold\"\"\",\"1,499\"\r\n\
                     2,plain text,mail a.b@example.com,20\r\n\
                     3,\"two\nlines 98765 43210\",,\"0\"\r\n\
                     4,98765 43210,\"\",5";
        let out = String::from_utf8(redact_csv(input.as_bytes(), &["message"])).unwrap();
        assert_eq!(
            out,
            "id,message,notes,amount\r\n\
             1,\"call ••••• ••210, ok\",\"VIP \"\"gold\"\"\",\"1,499\"\r\n\
             2,plain text,mail a.b@example.com,20\r\n\
             3,\"two\nlines ••••• ••210\",,\"0\"\r\n\
             4,••••• ••210,\"\",5"
        );
        let both = String::from_utf8(redact_csv(input.as_bytes(), &["message", "notes"])).unwrap();
        assert!(both.contains("mail a•••@example.com"));
        let cols = vec!["nope".to_string()];
        let mut r = CsvRedactor::new(scanner(), &cols, None).unwrap();
        assert!(r.header(b"id,message\n").is_err());
    }

    #[test]
    fn nested_json_fields_and_arrays() {
        let path = FieldPath::new("payload.messages.body").unwrap();
        let mut r = JsonFieldRedactor::new(scanner(), path, None).unwrap();
        let line = r#"{"id":1,"payload":{"messages":[{"body":"call 98765 43210","n":1.50},{"body":"hi \u00e9"},{"x":2}]},"body":"98765 43210"}"#;
        let mut out = Vec::new();
        assert_eq!(r.line(line.as_bytes(), None, &mut out).unwrap(), 1);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"id":1,"payload":{"messages":[{"body":"call ••••• ••210","n":1.50},{"body":"hi \u00e9"},{"x":2}]},"body":"98765 43210"}"#
        );
        let path = FieldPath::new("texts").unwrap();
        let mut r = JsonFieldRedactor::new(scanner(), path, None).unwrap();
        let mut out = Vec::new();
        r.line(br#"{"texts": ["98765 43210", "none", 3]}"#, None, &mut out)
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"texts": ["••••• ••210", "none", 3]}"#
        );
        let mut out = Vec::new();
        assert!(r.line(b"not json", None, &mut out).is_err());
        assert!(out.is_empty());
        assert!(FieldPath::new("a..b").is_err());
        // The line's own region, as in the CLI's default mode.
        let path = FieldPath::new("m.t").unwrap();
        let mut r = JsonFieldRedactor::new(scanner(), path, None).unwrap();
        let mut out = Vec::new();
        r.line(
            br#"{"region":"BR","m":{"t":"(11) 98765-4321"}}"#,
            None,
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"region":"BR","m":{"t":"(••) •••••-•321"}}"#
        );
    }
}

mod csv_props {
    use super::scanner;
    use piimask::formats::csv::{record_end, CsvRedactor};
    use proptest::prelude::*;

    fn field() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("call 98765 43210".to_string()),
            Just("a.b@example.com".to_string()),
            Just("say \"hi\", ok".to_string()),
            Just("two\nlines 98765 43210".to_string()),
            Just(String::new()),
            "[a-z0-9 ]{0,10}",
        ]
    }

    fn write(rows: &[Vec<String>], quote_all: bool) -> Vec<u8> {
        let style = if quote_all {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Necessary
        };
        let mut w = csv::WriterBuilder::new()
            .quote_style(style)
            .from_writer(Vec::new());
        w.write_record(["id", "message", "notes"]).unwrap();
        for r in rows {
            w.write_record(r).unwrap();
        }
        w.into_inner().unwrap()
    }

    fn read(data: &[u8]) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(data)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn other_columns_and_quoting_are_kept(
            rows in prop::collection::vec(prop::collection::vec(field(), 3), 0..8),
            quote_all in any::<bool>(),
        ) {
            let input = write(&rows, quote_all);
            let mut r = CsvRedactor::new(scanner(), &["message".to_string()], None).unwrap();
            let mut out = Vec::new();
            let mut rest = &input[..];
            let mut first = true;
            while !rest.is_empty() {
                let end = record_end(rest, r.delimiter()).unwrap_or(rest.len());
                let (rec, tail) = rest.split_at(end);
                if first {
                    r.header(rec).unwrap();
                    out.extend_from_slice(rec);
                    first = false;
                } else {
                    r.record(rec, None, &mut out).unwrap();
                }
                rest = tail;
            }
            let (before, after) = (read(&input), read(&out));
            prop_assert_eq!(before.len(), after.len());
            prop_assert_eq!(&before[0], &after[0]);
            for (b, a) in before.iter().zip(&after).skip(1) {
                prop_assert_eq!(&b[0], &a[0]);
                prop_assert_eq!(&b[2], &a[2]);
                prop_assert!(!a[1].contains("98765 43210"));
                prop_assert_eq!(b[1] == a[1], scanner().scan(&b[1]).is_empty());
            }
            if before.iter().zip(&after).all(|(b, a)| b[1] == a[1]) {
                // Nothing masked: byte for byte the same.
                prop_assert_eq!(&out, &input);
            }
            if quote_all {
                // Quoted fields stay quoted.
                let text = String::from_utf8(out.clone()).unwrap();
                for a in &after[1..] {
                    let quoted = format!("\"{}\"", a[1].replace('"', "\"\""));
                    prop_assert!(text.contains(&quoted), "{quoted} in {text}");
                }
            }
        }
    }
}
