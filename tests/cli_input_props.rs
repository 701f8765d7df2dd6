//! Issue #17's invariant for the command line's reader, as properties:
//! whatever bytes the input holds, `redact --plain` writes one line for
//! every line it read, each equal to its input outside the masked spans,
//! and no number or e-mail the scanner finds in a valid stretch of a line
//! survives. JSON Lines keeps one output line per input line too. The
//! pipeline runs in-process (`piimask::cli::lines::process`), worker
//! threads and all; `tests/cli_input.rs` runs the real process.
#![cfg(feature = "cli")]

mod pipe;

use std::sync::OnceLock;

use piimask::cli::lines::{process, Format, Job, Malformed, Mode, Summary};
use piimask::{Finding, Scanner};
use proptest::prelude::*;

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| Scanner::builder().region("IN").build().unwrap())
}

fn run(
    format: Format,
    mode: Mode,
    lossy: bool,
    malformed: Malformed,
    input: &[u8],
) -> (Vec<u8>, Summary) {
    let job = Job {
        scanner: scanner(),
        role: None,
        mode,
        format,
        threads: 2,
        lossy,
        malformed,
    };
    let mut output = Vec::new();
    let summary = process(&job, &mut &input[..], &mut output).expect("runs");
    (output, summary)
}

/// Pieces of chat lines: personal data, ordinary text, and what archives
/// really hold (stray invalid bytes, encoded surrogates, a BOM, NUL, CR).
const PIECES: &[&[u8]] = &[
    b"+91 98765 43210",
    b"98765 43210",
    b"+44 20 7946 0958",
    b"priya@example.in",
    b"rahul.s+x@example.co.in",
    b"card 4111 1111 1111 1111",
    b"IBAN DE89 3704 0044 0532 0130 00",
    b"router at 192.168.1.1 ok",
    b"order #48213977",
    b"call me ",
    b" ok ",
    "नमस्ते ".as_bytes(),
    "₹5780".as_bytes(),
    b"\xff",
    b"\xfe\xff",
    b"\xc3",
    b"\xe0\xa5",
    b"\xed\xa0\x80",
    b"\x80",
    b"\xef\xbb\xbf",
    b"\0",
    b"\r",
    b"\t",
    b"\n",
    b"\r\n",
];

/// `1.23 s (4.5 MB/s)`: what follows " in " at the end of the summary.
fn is_rate(rate: &str) -> bool {
    let Some((secs, rest)) = rate.split_once(" s (") else {
        return false;
    };
    let Some(mbs) = rest.strip_suffix(" MB/s)") else {
        return false;
    };
    secs.parse::<f64>().is_ok() && mbs.parse::<f64>().is_ok()
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 0..12),
        1 => "[ -~]{0,12}".prop_map(String::into_bytes),
        1 => "[0-9 +()@.-]{0,16}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// The lines of `data` as the reader splits them: at every LF, the last
/// one (possibly empty) after the last LF.
fn segments(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == b'\n').collect()
}

/// The findings of each valid UTF-8 stretch of `line`, scanned alone, at
/// their offsets in `line`.
fn stretch_findings(line: &[u8]) -> Vec<Finding> {
    let mut all = Vec::new();
    let mut offset = 0;
    for chunk in line.utf8_chunks() {
        let stretch = chunk.valid();
        all.extend(scanner().scan(stretch).into_iter().map(|mut f| {
            f.start += offset;
            f.end += offset;
            f
        }));
        offset += stretch.len() + chunk.invalid().len();
    }
    all
}

/// Whether `out` is `line` with each finding's bytes replaced by something
/// else (the gaps between findings kept byte for byte, in order).
fn equal_outside(line: &[u8], findings: &[Finding], out: &[u8]) -> Result<(), String> {
    let mut gaps = Vec::new();
    let mut last = 0;
    for f in findings {
        gaps.push(&line[last..f.start]);
        last = f.end;
    }
    let tail = &line[last..];
    let mut at = 0;
    for (i, gap) in gaps.iter().enumerate() {
        // The first gap starts the line; each later one follows a mask,
        // at its leftmost place (which leaves the most room for the rest).
        let found = if i == 0 {
            out.starts_with(gap).then_some(0)
        } else {
            out[at..]
                .windows(gap.len().max(1))
                .position(|w| gap.is_empty() || w == *gap)
                .map(|p| at + p)
        };
        let Some(start) = found else {
            return Err(format!("gap {i} {gap:?} not kept"));
        };
        if i > 0 {
            let mask = &out[at..start];
            let value = &line[findings[i - 1].range()];
            if mask == value {
                return Err(format!("finding {} shown unmasked", i - 1));
            }
        }
        at = start + gap.len();
    }
    if !out[at..].ends_with(tail) || out.len() - tail.len() < at {
        return Err(format!("tail {tail:?} not kept"));
    }
    if let Some(f) = findings.last() {
        if out[at..out.len() - tail.len()] == line[f.range()] {
            return Err("last finding shown unmasked".into());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn plain_redaction_keeps_every_line_and_masks_every_finding(input in input()) {
        let (out, summary) = run(Format::Plain, Mode::Redact, false, Malformed::Error, &input);
        let (ins, outs) = (segments(&input), segments(&out));
        prop_assert_eq!(ins.len(), outs.len(), "line count");
        let lines = ins.len() - usize::from(input.is_empty() || input.ends_with(b"\n"));
        prop_assert_eq!(summary.lines, lines);
        prop_assert_eq!(summary.counts.done, lines);
        prop_assert_eq!(summary.counts.failed, 0);
        let mut invalid = 0;
        for (line, out) in ins.iter().zip(&outs) {
            // The reader takes a CR before the LF as part of the line end,
            // and writes it back.
            let (line, out) = match line.strip_suffix(b"\r") {
                Some(line) => {
                    prop_assert_eq!(out.last(), Some(&b'\r'));
                    (line, &out[..out.len() - 1])
                }
                None => (*line, *out),
            };
            invalid += usize::from(std::str::from_utf8(line).is_err());
            // What the scanner finds in each valid stretch of the line,
            // read alone (docs/input.md), in line offsets.
            let findings = stretch_findings(line);
            if let Err(why) = equal_outside(line, &findings, out) {
                return Err(TestCaseError::fail(format!("{why}: {line:?} -> {out:?}")));
            }
            // None of it survives: the output's stretches hold no finding
            // with the value of one of them.
            for f in stretch_findings(out) {
                prop_assert!(
                    !findings.iter().any(|g| g.kind == f.kind && g.normalized == f.normalized),
                    "{:?} {:?} survives: {:?} -> {:?}",
                    f.kind,
                    f.normalized,
                    line,
                    out
                );
            }
        }
        prop_assert_eq!(summary.counts.passed_through, invalid);
        prop_assert_eq!(summary.counts.replaced, 0);
    }

    #[test]
    fn lossy_plain_redaction_writes_utf8_line_for_line(input in input()) {
        let (out, summary) = run(Format::Plain, Mode::Redact, true, Malformed::Error, &input);
        prop_assert_eq!(segments(&input).len(), segments(&out).len());
        prop_assert!(std::str::from_utf8(&out).is_ok());
        prop_assert_eq!(summary.counts.done, summary.lines);
    }

    #[test]
    fn json_lines_answer_every_line(input in input(), as_plain in any::<bool>(), scan in any::<bool>()) {
        // Lines that are JSON objects, mixed with the raw ones.
        let mut data = Vec::new();
        for (i, line) in segments(&input).into_iter().enumerate() {
            if i % 2 == 0 {
                // Invalid bytes become lone surrogate escapes, as Python's
                // surrogateescape would write them.
                let text = String::from_utf8_lossy(line);
                let json = serde_json::json!({ "id": i, "text": text }).to_string();
                data.extend_from_slice(json.replace('\u{FFFD}', "\\udc80").as_bytes());
            } else {
                data.extend_from_slice(line);
            }
            data.push(b'\n');
        }
        let malformed = if as_plain { Malformed::Redact } else { Malformed::Error };
        let mode = if scan { Mode::Scan } else { Mode::Redact };
        let (out, summary) = run(Format::JsonLines, mode, false, malformed, &data);
        let lines = data.iter().filter(|&&b| b == b'\n').count();
        prop_assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), lines);
        prop_assert!(out.is_empty() || out.ends_with(b"\n"));
        prop_assert_eq!(summary.lines, lines);
        prop_assert_eq!(summary.counts.done + summary.counts.failed, lines);
        // The JSON objects are all redacted (or scanned), whatever their text.
        for (i, out) in segments(&out).into_iter().enumerate().take(lines) {
            if i % 2 == 0 {
                let v: serde_json::Value = serde_json::from_slice(out).unwrap();
                prop_assert_eq!(&v["id"], i);
                prop_assert!(v["text"].is_string());
            } else if !as_plain && !out.is_empty() {
                // A raw line is an answer: a JSON value (an object, an
                // error) or, when the line was JSON already, itself.
                prop_assert!(serde_json::from_slice::<serde_json::Value>(out).is_ok());
            }
        }
    }
}

proptest! {
    // Each case starts two processes: a few cases, to show the binary is
    // the pipeline the other properties test.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn the_process_writes_what_the_pipeline_writes(input in input(), lossy in any::<bool>()) {

        use std::process::{Command, Stdio};

        let mut args = vec!["redact", "--plain", "--region", "IN"];
        if lossy {
            args.push("--lossy");
        }
        let child = Command::new(env!("CARGO_BIN_EXE_piimask"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (out, written) = pipe::feed(child, &input);
        written.unwrap();
        prop_assert!(out.status.success());
        let (expected, summary) = run(Format::Plain, Mode::Redact, lossy, Malformed::Error, &input);
        prop_assert_eq!(out.stdout, expected);
        prop_assert_eq!(summary.bytes, input.len() as u64);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The last line is the summary, then the time taken and MB/s
        // (values not checked: they are wall-clock).
        let last = stderr.strip_suffix('\n').and_then(|s| s.lines().last()).unwrap_or("");
        let (stable, rate) = last.rsplit_once(" in ").unwrap_or((last, ""));
        prop_assert_eq!(stable, format!("piimask: {summary}"), "{}", stderr);
        prop_assert!(is_rate(rate), "{}", stderr);
    }
}
