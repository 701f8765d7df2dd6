//! Scans any bytes with any region hint: no panic, no hang, and findings
//! that are well-formed, deterministic, and the same in a batch as alone.
//! Each registered kind is also scanned on its own, so that a detector's
//! findings are checked where another kind would win the overlap, and the
//! text is scanned again reading values spelled out as words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask::BatchFindings;
use piimask_fuzz::{all_kinds, check_findings, single_kind, spelled_out, TextInput};

fuzz_target!(
    // The scanners are built before the first input: one per kind (over a
    // hundred) takes seconds under AddressSanitizer, which libFuzzer's
    // per-input timeout would otherwise charge to the first input.
    init: {
        all_kinds();
        single_kind();
        spelled_out();
    },
    |input: TextInput<'_>| {
        let TextInput { region, text } = input;
        let scanner = all_kinds();
        let mut found = Vec::new();
        scanner.scan_into(text, region, &mut found);
        check_findings(scanner, text, &found);

        // A reused, dirty buffer changes nothing.
        let mut again = found.clone();
        scanner.scan_into(text, region, &mut again);
        assert_eq!(found, again, "scan is not deterministic");

        // Messages of a batch are scanned independently.
        let (a, b) = text.split_at(text.len() / 2);
        let mut batch = BatchFindings::default();
        scanner.scan_batch([text, a, b, text], region, &mut batch);
        assert_eq!(batch.len(), 4);
        assert_eq!(batch.get(0), Some(&found[..]));
        assert_eq!(batch.get(3), Some(&found[..]));
        for (i, part) in [(1, a), (2, b)] {
            scanner.scan_into(part, region, &mut again);
            assert_eq!(
                batch.get(i),
                Some(&again[..]),
                "batch differs from a single scan"
            );
        }

        for (_, one) in single_kind() {
            one.scan_into(text, region, &mut again);
            check_findings(one, text, &again);
        }

        // Reading values spelled out as words only adds findings, or
        // replaces a written one with a spelled one that holds it, reads
        // more and is surer (`4 068 12 o6` in Luxembourg: the written six
        // digits are a number after a phone word, 0.7; read with the `o` as
        // a `0`, the eight are a national number, 0.85).
        let spelled = spelled_out();
        spelled.scan_into(text, region, &mut again);
        check_findings(spelled, text, &again);
        for f in &found {
            let kept = again.contains(f)
                || again.iter().any(|g| {
                    g.start <= f.start
                        && f.end <= g.end
                        && g.len() > f.len()
                        && g.confidence > f.confidence
                });
            assert!(kept, "reading spelled-out values lost {f:?}");
        }
    }
);
