//! Property tests: whatever the input, findings are well-formed and
//! redaction touches nothing but the findings.

use piimask::{Finding, Kind, Region, Scanner};
use proptest::prelude::*;

/// Pieces that make chat-like text dense in near-misses and real values.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+91 98765 43210".to_string()),
        Just("(011) 2345-6789".to_string()),
        Just("wa.me/".to_string()),
        Just("@s.whatsapp.net".to_string()),
        Just("rahul.s+x@example.co.in".to_string()),
        Just("@".to_string()),
        Just("12/03/2024".to_string()),
        Just("٠١٠٠١٢٣٤٥٦٧".to_string()),
        Just("０９０-１２３４".to_string()),
        Just("₹1,499".to_string()),
        Just("order #".to_string()),
        Just(" ".to_string()),
        Just("-".to_string()),
        Just("😀".to_string()),
        "[0-9]{1,12}",
        "[ +()./-]{1,3}",
        "[a-zA-Z]{1,6}",
        "\\PC{1,4}",
    ]
}

fn chat() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..24).prop_map(|v| v.concat())
}

fn scanner() -> &'static Scanner {
    static S: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        Scanner::builder()
            .region("IN")
            .kinds([Kind::Phone, Kind::Email])
            .build()
            .unwrap()
    })
}

fn check_findings(text: &[u8], findings: &[Finding]) {
    for f in findings {
        assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        assert!(std::str::from_utf8(&text[f.start..f.end]).is_ok(), "{f:?}");
        assert!((0.0..=1.0).contains(&f.confidence));
    }
    for w in findings.windows(2) {
        assert!(w[0].end <= w[1].start, "sorted and disjoint: {w:?}");
    }
}

/// Walks `masked` against `text`: everything outside findings must come
/// back byte for byte; a finding's mask keeps the value's characters or
/// replaces them with bullets (e-mails: first character, bullets, domain).
fn check_redaction(text: &str, findings: &[Finding], masked: &str) {
    let mut rest = masked;
    let mut last = 0;
    for f in findings {
        let gap = &text[last..f.start];
        rest = rest
            .strip_prefix(gap)
            .unwrap_or_else(|| panic!("gap {gap:?} kept in {masked:?}"));
        let value = &text[f.range()];
        if f.kind == Kind::Email {
            let (local, domain) = value.rsplit_once('@').unwrap();
            let first = local.chars().next().unwrap();
            let expected = format!("{first}•••@{domain}");
            rest = rest
                .strip_prefix(expected.as_str())
                .unwrap_or_else(|| panic!("email mask in {masked:?}"));
        } else {
            let mut chars = rest.chars();
            let mut hidden = 0;
            for original in value.chars() {
                let got = chars.next().unwrap();
                assert!(
                    got == original || got == '•',
                    "{got:?} for {original:?} in {masked:?}"
                );
                hidden += usize::from(got == '•');
            }
            assert!(hidden > 0, "a mask hides something: {value:?}");
            rest = chars.as_str();
        }
        last = f.end;
    }
    assert_eq!(rest, &text[last..]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn findings_are_well_formed(text in chat()) {
        check_findings(text.as_bytes(), &scanner().scan(&text));
    }

    #[test]
    fn any_bytes_are_safe(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut out = Vec::new();
        scanner().scan_into(&bytes, Region::new("BR").ok(), &mut out);
        check_findings(&bytes, &out);
        let mut masked = Vec::new();
        scanner().redact_into(&bytes, None, &mut out, &mut masked).unwrap();
    }

    #[test]
    fn redaction_keeps_everything_outside_findings(text in chat()) {
        let findings = scanner().scan(&text);
        let masked = scanner().redact(&text).unwrap();
        check_redaction(&text, &findings, &masked);
    }

    #[test]
    fn redaction_is_idempotent(text in chat()) {
        let once = scanner().redact(&text).unwrap();
        prop_assert_eq!(scanner().redact(&once).unwrap(), once.clone());
    }
}
