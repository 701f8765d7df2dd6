//! The command line's line reader (`piimask scan` / `redact`) on any bytes,
//! in every mode: one output line for every input line (issue #17), every
//! line accounted for in the summary, plain redacted text a copy of the
//! input where nothing could be found, JSON output parseable line by line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask::cli::lines::{process, Format, Job, Malformed, Mode};
use piimask_fuzz::all_kinds;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, input)) = data.split_first() else {
        return;
    };
    let format = if flags & 1 == 0 {
        Format::Plain
    } else {
        Format::JsonLines
    };
    let mode = if flags & 2 == 0 {
        Mode::Redact
    } else {
        Mode::Scan
    };
    let job = Job {
        scanner: all_kinds(),
        role: None,
        mode,
        format,
        threads: 1 + usize::from(flags & 4 != 0),
        lossy: flags & 8 != 0,
        malformed: if flags & 16 == 0 {
            Malformed::Error
        } else {
            Malformed::Redact
        },
    };
    let mut out = Vec::new();
    let summary = process(&job, &mut &input[..], &mut out).expect("reading a slice cannot fail");

    let ins: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    let lines = ins.len() - usize::from(input.is_empty() || input.ends_with(b"\n"));
    assert_eq!(summary.lines, lines, "lines counted");
    assert_eq!(summary.counts.done + summary.counts.failed, lines);

    if format == Format::Plain && mode == Mode::Redact {
        // A copy: same lines, same line ends.
        let outs: Vec<&[u8]> = out.split(|&b| b == b'\n').collect();
        assert_eq!(ins.len(), outs.len(), "one output line per input line");
        assert_eq!(summary.counts.failed, 0, "default masks never fail");
        for (line, written) in ins.iter().zip(&outs) {
            assert_eq!(line.ends_with(b"\r"), written.ends_with(b"\r"));
            // Nothing to find without a digit, an `@`, a `/` (a profile
            // link's) or a `:` (after an app's name): kept as it was.
            let plain = !line
                .iter()
                .any(|&b| b.is_ascii_digit() || b >= 0x80 || matches!(b, b'@' | b'/' | b':'));
            if plain {
                assert_eq!(line, written, "a line without candidates changed");
            }
        }
        if job.lossy {
            assert!(std::str::from_utf8(&out).is_ok(), "lossy output is UTF-8");
        }
    } else {
        // JSON Lines out: an LF after every line.
        assert_eq!(
            out.iter().filter(|&&b| b == b'\n').count(),
            lines,
            "one output line per input line"
        );
        assert!(out.is_empty() || out.ends_with(b"\n"));
        let as_plain = job.malformed == Malformed::Redact && mode == Mode::Redact;
        if !as_plain {
            for line in out.split(|&b| b == b'\n').take(lines) {
                if !line.is_empty() {
                    serde_json::from_slice::<serde_json::Value>(line)
                        .expect("every answer is JSON");
                }
            }
        }
    }
});
