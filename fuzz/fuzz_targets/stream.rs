//! Streaming redaction of any bytes split at fuzzer-chosen points: the
//! chunked output is byte for byte the whole-text redaction, the findings
//! (in stream offsets) are the whole text's, and the stream accounts for
//! every byte it took (output so far covers `position - held`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask_fuzz::{all_kinds, TextInput};

fuzz_target!(|data: &[u8]| {
    // First byte: the number of cuts (low four bits), and whether every
    // chunk is one byte (bit 4); then two bytes per cut; then the region
    // and the text as in the `redact` target.
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let cuts = usize::from(flags & 15);
    let Some((positions, rest)) = rest.split_at_checked(2 * cuts) else {
        return;
    };
    let Ok(TextInput { region, text }) =
        arbitrary::Arbitrary::arbitrary_take_rest(arbitrary::Unstructured::new(rest))
    else {
        return;
    };
    let mut ends: Vec<usize> = if flags & 16 != 0 {
        (1..=text.len()).collect()
    } else {
        positions
            .chunks(2)
            .map(|p| usize::from(u16::from_le_bytes([p[0], p[1]])) % (text.len() + 1))
            .collect()
    };
    ends.push(text.len());
    ends.sort_unstable();

    let scanner = all_kinds();
    let mut want_findings = Vec::new();
    let mut want = Vec::new();
    scanner
        .redact_role_into(text, region, None, &mut want_findings, &mut want)
        .expect("default masks never fail");

    let mut stream = scanner
        .stream(region, None)
        .expect("the default role exists");
    let mut out = Vec::new();
    let mut found = Vec::new();
    let mut last = 0;
    for end in ends {
        let before = out.len();
        stream
            .write(&text[last..end], &mut out)
            .expect("default masks never fail");
        last = end;
        assert_eq!(stream.position(), end, "every byte taken");
        assert!(stream.held() <= end);
        let covered = end - stream.held();
        for f in stream.findings() {
            assert!(f.end <= covered, "finding {f:?} past the output");
        }
        assert!(
            want.get(before..out.len()) == Some(&out[before..]),
            "output so far is not a prefix of the whole redaction"
        );
        found.extend_from_slice(stream.findings());
    }
    stream.finish(&mut out).expect("default masks never fail");
    assert_eq!(stream.held(), 0);
    found.extend_from_slice(stream.findings());
    assert!(
        out == want,
        "chunked output differs:\nstream: {:?}\n whole: {:?}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&want)
    );
    assert_eq!(found, want_findings, "findings differ");
    assert!(
        stream.write(b"x", &mut out).is_err(),
        "finished stream took more"
    );
});
