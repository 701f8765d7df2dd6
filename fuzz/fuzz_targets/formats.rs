//! The archive formats on any bytes: WhatsApp exports (reader and writer),
//! CSV with chosen columns, JSON Lines with a nested field. No panic, and
//! where the input parses, the redacted output parses back into the same
//! structure:
//!
//! - WhatsApp: the same messages (timestamps, senders present or not,
//!   lines per message), the same line breaks, each header byte-identical
//!   up to its sender;
//! - CSV: the header byte-identical, the same records with the same number
//!   of fields (as the `csv` crate reads them), every other column
//!   byte-identical, each redacted field the redaction of the input's, and
//!   the file unchanged where nothing was found; a record fails exactly
//!   when a quoted field never closes, and then writes nothing;
//! - JSON Lines: each object the input's with the strings at the path
//!   replaced by their redaction, byte-identical where nothing was found;
//!   a failed line writes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask::formats::csv::{record_end, sep_line, unclosed_quote, CsvRedactor, DELIMITERS};
use piimask::formats::json::{FieldPath, JsonFieldRedactor};
use piimask::formats::whatsapp::{parse_export, parse_header, ExportRedactor};
use piimask::{Region, Scanner};
use piimask_fuzz::all_kinds;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    // First byte: the format (bits 0-1), a choice within it (bits 2-4: the
    // column, the field path, the region), --mask-senders or, for CSV, a
    // named delimiter (bit 5; else the header decides), the delimiter
    // (bits 6-7: `,`, `;`, tab, `|`).
    let Some((&flags, input)) = data.split_first() else {
        return;
    };
    let choice = usize::from(flags >> 2 & 7);
    match flags & 3 {
        0 | 3 => whatsapp(input, choice, flags & 32 != 0),
        1 => {
            let delimiter = DELIMITERS[usize::from(flags >> 6)];
            csv(input, choice, (flags & 32 != 0).then_some(delimiter))
        }
        _ => json(input, choice),
    }
});

/// Redacts `text` as the formats do, for the expected values.
fn redacted(scanner: &Scanner, text: &[u8], region: Option<Region>) -> Vec<u8> {
    let (mut found, mut out) = (Vec::new(), Vec::new());
    scanner
        .redact_role_into(text, region, None, &mut found, &mut out)
        .expect("default masks never fail");
    out
}

fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    data.split(|&b| b == b'\n')
}

fn whatsapp(input: &[u8], choice: usize, mask_senders: bool) {
    let region = [None, Region::new("IN").ok(), Region::new("BR").ok()][choice % 3];
    let mut r = ExportRedactor::new(all_kinds(), region, None, mask_senders)
        .expect("the default role exists");
    if mask_senders {
        // Two passes, as the CLI does for a file: names first.
        for line in lines(input) {
            r.learn_sender(line);
        }
    }
    let mut out = Vec::new();
    // Each line with the two after it, as the CLI hands them (a value split
    // across two messages is masked in both).
    let all: Vec<&[u8]> = lines(input).collect();
    for (i, line) in all.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let following = &all[(i + 1).min(all.len())..(i + 3).min(all.len())];
        r.line_before(line, following, &mut out)
            .expect("default masks never fail");
    }
    let (before, after) = (parse_export(input), parse_export(&out));
    assert_eq!(before.len(), after.len(), "messages");
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a.timestamp, b.timestamp, "timestamp");
        assert_eq!(a.sender.is_some(), b.sender.is_some(), "sender present");
        assert_eq!(
            memchr::memchr_iter(b'\n', &a.body).count(),
            memchr::memchr_iter(b'\n', &b.body).count(),
            "lines of a message"
        );
    }
    for (li, lo) in lines(input).zip(lines(&out)) {
        let li = li.strip_suffix(b"\r").unwrap_or(li);
        if let Some(h) = parse_header(li) {
            let upto = h.sender.clone().map_or(h.body, |s| s.start);
            assert_eq!(&li[..upto], &lo[..upto], "header bytes");
        }
    }
}

fn csv_records(data: &[u8], delimiter: u8) -> Vec<csv::ByteRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(data);
    reader
        .byte_records()
        .map(|r| r.expect("the flexible reader takes any bytes"))
        .collect()
}

fn csv(input: &[u8], choice: usize, named: Option<u8>) {
    let scanner = all_kinds();
    // After Excel's `sep=;` line, the header is the record after it, as
    // the CLI reads it.
    let sep = sep_line(input);
    let (skip, first) = match sep {
        Some((delimiter, len)) => (len, named.unwrap_or(delimiter)),
        None => (0, named.unwrap_or(b',')),
    };
    let header_end = skip + record_end(&input[skip..], first).unwrap_or(input.len() - skip);
    let (header, body) = input.split_at(header_end);
    // A column the header has (or a name it lacks, which must fail).
    let names = csv_records(&header[skip..], first);
    let column = names
        .first()
        .and_then(|h| h.get(choice % h.len().max(1)))
        .and_then(|n| std::str::from_utf8(n).ok())
        .unwrap_or("message")
        .to_string();
    let mut r = CsvRedactor::new(scanner, &[column], None).expect("one column");
    if let Some(delimiter) = named {
        r = match r.with_delimiter(delimiter) {
            Ok(r) => r,
            Err(_) => return,
        };
    }
    if r.header(header).is_err() {
        return;
    }
    let delimiter = r.delimiter();
    let selected = r.selected()[0];
    let mut out = header.to_vec();
    let mut rest = body;
    let mut all_ok = true;
    while !rest.is_empty() {
        let end = record_end(rest, delimiter).unwrap_or(rest.len());
        let (record, tail) = rest.split_at(end);
        rest = tail;
        let before = out.len();
        match r.record(record, None, &mut out) {
            Ok(_) => assert!(
                unclosed_quote(record, delimiter).is_none(),
                "unclosed quote taken"
            ),
            Err(_) => {
                assert!(
                    unclosed_quote(record, delimiter).is_some(),
                    "record failed: {record:?}"
                );
                assert_eq!(out.len(), before, "a failed record wrote");
                all_ok = false;
            }
        }
    }
    if !all_ok {
        return;
    }
    assert!(out.starts_with(header), "header kept");
    let (before, after) = (csv_records(input, delimiter), csv_records(&out, delimiter));
    assert_eq!(before.len(), after.len(), "records");
    let mut changed = false;
    for (a, b) in before
        .iter()
        .zip(&after)
        .skip(1 + usize::from(sep.is_some()))
    {
        assert_eq!(a.len(), b.len(), "fields of a record");
        for (i, (fa, fb)) in a.iter().zip(b).enumerate() {
            if i != selected {
                assert_eq!(fa, fb, "column {i} kept");
            } else if !fa.ends_with(b"\r") {
                // (A last field's trailing CRs belong to the line ending.)
                assert_eq!(fb, &redacted(scanner, fa, None)[..], "column {i} redacted");
            }
            changed |= fa != fb;
        }
    }
    if !changed {
        assert_eq!(out, input, "nothing found, yet the file changed");
    }
}

/// Replaces the strings at `path` in `v` with their redaction, as
/// `JsonFieldRedactor` reads the path (arrays apply it to each element,
/// the last of duplicate keys counts).
fn redact_path(scanner: &Scanner, v: &mut Value, path: &[&str], region: Option<Region>) {
    match v {
        Value::Array(items) => {
            for item in items {
                redact_path(scanner, item, path, region);
            }
        }
        Value::Object(map) => {
            if let Some((key, rest)) = path.split_first() {
                if let Some(child) = map.get_mut(*key) {
                    redact_path(scanner, child, rest, region);
                }
            }
        }
        Value::String(s) if path.is_empty() => {
            let masked = redacted(scanner, s.as_bytes(), region);
            *s = String::from_utf8(masked).expect("a redacted string is UTF-8");
        }
        _ => {}
    }
}

fn json(input: &[u8], choice: usize) {
    const PATHS: [&str; 4] = ["text", "payload.message.body", "messages.text", "a"];
    let path = PATHS[choice % PATHS.len()];
    let keys: Vec<&str> = path.split('.').collect();
    let scanner = all_kinds();
    let mut r = JsonFieldRedactor::new(scanner, FieldPath::new(path).expect("a valid path"), None)
        .expect("the default role exists");
    for line in lines(input) {
        let mut out = Vec::new();
        let result = r.line(line, None, &mut out);
        let Ok(_) = result else {
            assert!(out.is_empty(), "a failed line wrote");
            continue;
        };
        let Ok(mut want) = serde_json::from_slice::<Value>(line) else {
            // Accepted by the redactor, beyond serde_json's Value (a number
            // out of f64's range): at least the output must still parse as
            // JSON.
            serde_json::from_slice::<&serde_json::value::RawValue>(&out).expect("output is JSON");
            continue;
        };
        let region = match want.get("region") {
            Some(Value::String(code)) => Some(Region::new(code).expect("the redactor took it")),
            _ => None,
        };
        let original = want.clone();
        redact_path(scanner, &mut want, &keys, region);
        let got: Value = serde_json::from_slice(&out).expect("output is JSON");
        assert_eq!(got, want, "only the strings at the path change");
        if want == original {
            assert_eq!(out, line, "nothing found, yet the line changed");
        }
    }
}
