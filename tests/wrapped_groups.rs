//! Numbers typed as digit groups each wrapped alike in brackets or quotes
//! (`[98765] [43210]`, `"98765" "43210"`, `(11) (98765) (4321)`): read by
//! every scanner, validated as the number they hide, masked digit by
//! digit, the same in a stream, and caught by the guard. Groups wrapped
//! otherwise, or not all, are left as written.

mod common;

use piimask::{Kind, Scanner};
use proptest::prelude::*;

fn scanner(region: &str) -> Scanner {
    Scanner::builder().region(region).build().unwrap()
}

/// `(kind, matched text, normalized)` of every finding.
fn found(scanner: &Scanner, text: &str) -> Vec<(Kind, String, String)> {
    scanner
        .scan(text)
        .into_iter()
        .map(|f| (f.kind.clone(), text[f.range()].to_string(), f.normalized))
        .collect()
}

/// Every pair of brackets or quotes a group may be wrapped in.
const PAIRS: [(&str, &str); 17] = [
    ("[", "]"),
    ("(", ")"),
    ("{", "}"),
    ("<", ">"),
    ("\"", "\""),
    ("'", "'"),
    ("`", "`"),
    ("\u{201C}", "\u{201D}"),
    ("\u{2018}", "\u{2019}"),
    ("\u{201E}", "\u{201C}"),
    ("\u{AB}", "\u{BB}"),
    ("\u{BB}", "\u{AB}"),
    ("\u{300C}", "\u{300D}"),
    ("\u{300E}", "\u{300F}"),
    ("\u{3010}", "\u{3011}"),
    ("\u{FF08}", "\u{FF09}"),
    ("\u{FF3B}", "\u{FF3D}"),
];

/// `groups` each wrapped in `open`…`close`, joined by `between`.
fn wrap(groups: &[&str], (open, close): (&str, &str), between: &str) -> String {
    groups
        .iter()
        .map(|g| format!("{open}{g}{close}"))
        .collect::<Vec<_>>()
        .join(between)
}

#[test]
fn numbers_wrapped_group_by_group_are_found_in_every_pair() {
    let india = scanner("IN");
    assert!(!india.reads_spelled_out());
    for pair in PAIRS {
        for between in ["", " ", "  "] {
            for groups in [
                &["98765", "43210"][..],
                &["987", "654", "3210"],
                &["+91", "98765", "43210"],
            ] {
                let wrapped = wrap(groups, pair, between);
                let text = format!("call me {wrapped} pls");
                let phones = found(&india, &text);
                assert_eq!(phones.len(), 1, "{text}");
                assert_eq!(phones[0].0, Kind::Phone, "{text}");
                assert_eq!(phones[0].2, "+919876543210", "{text}");
                // The finding runs from the first digit (or `+`) to the
                // last: the brackets around the number stay outside.
                let (open, close) = pair;
                assert_eq!(
                    phones[0].1,
                    wrapped[open.len()..wrapped.len() - close.len()],
                    "{text}"
                );
            }
        }
    }
}

#[test]
fn every_kind_and_region_reads_through_the_wrapping() {
    for (region, text, kind, normalized) in [
        (
            "BR",
            "ligue [11] [98765] [4321]",
            Kind::Phone,
            "+5511987654321",
        ),
        (
            "BR",
            "ligue \"11\" \"98765\" \"4321\"",
            Kind::Phone,
            "+5511987654321",
        ),
        (
            "BR",
            "ligue [11] [98765-4321]",
            Kind::Phone,
            "+5511987654321",
        ),
        (
            "BR",
            "ligue (11) (98765-4321)",
            Kind::Phone,
            "+5511987654321",
        ),
        (
            "BR",
            "ligue (11) (98765) (4321)",
            Kind::Phone,
            "+5511987654321",
        ),
        (
            "MX",
            "llama al «55» «1234» «5678»",
            Kind::Phone,
            "+525512345678",
        ),
        ("US", "call (415) (555) (2671)", Kind::Phone, "+14155552671"),
        (
            "NG",
            "call me [0803] [123] [4567]",
            Kind::Phone,
            "+2348031234567",
        ),
        (
            "ZA",
            "bel \u{201C}082\u{201D} \u{201C}123\u{201D} \u{201C}4567\u{201D}",
            Kind::Phone,
            "+27821234567",
        ),
        (
            "IN",
            "card [4111] [1111] [1111] [1111]",
            Kind::CreditCard,
            "4111111111111111",
        ),
        (
            "BR",
            "cpf [123] [456] [789] [09]",
            Kind::BrCpf,
            "12345678909",
        ),
    ] {
        let got = found(&scanner(region), text);
        assert_eq!(got.len(), 1, "{region} {text}: {got:?}");
        assert_eq!(
            (&got[0].0, got[0].2.as_str()),
            (&kind, normalized),
            "{region} {text}"
        );
    }
}

#[test]
fn groups_wrapped_otherwise_are_left_as_written() {
    let india = scanner("IN");
    for text in [
        // One group wrapped, or the two in different pairs.
        "call 98765 (43210)",
        "call [98765] (43210)",
        "call \"98765\" '43210'",
        // A bracket away from its digits, more than two spaces between
        // the pairs, a list, a note after a number.
        "call [ 98765 ] [ 43210 ]",
        "call [98765]   [43210]",
        "ids \"98765\", \"43210\"",
        "stock 98765 (43210 units)",
        "call [98765] [43210 x]",
        "call [98765] [432-10 x]",
        "[ref 98765] [43210]",
        // Brackets the wrong way round.
        "call ]98765[ ]43210[",
        // A veto word still vetoes; too few digits; not a number of the
        // region once joined.
        "order [98765] [43210]",
        "OTP \"98765\" \"43210\"",
        "sizes [38] [40] [42]",
        "[2023] [1105] [1200]",
    ] {
        assert!(
            found(&india, text).is_empty(),
            "{text}: {:?}",
            found(&india, text)
        );
    }
}

#[test]
fn masks_cover_the_digits_and_a_second_redaction_finds_nothing() {
    let india = scanner("IN");
    for (text, masked) in [
        ("call [98765] [43210]", "call [•••••] [••210]"),
        ("call \"98765\" \"43210\"", "call \"•••••\" \"••210\""),
        ("call (98765)(43210)", "call (•••••)(••210)"),
        ("call «987» «654» «3210»", "call «•••» «•••» «•210»"),
        ("tel [+91] [98765] [43210]", "tel [+91] [•••••] [••210]"),
    ] {
        let once = india.redact(text).unwrap();
        assert_eq!(once, masked, "{text}");
        assert_eq!(india.redact(&once).unwrap(), once, "{text}");
    }
}

#[test]
fn a_wrapped_number_reads_the_same_whatever_else_the_text_holds() {
    // The reading runs over the whole text once the scanner has seen a
    // wrapped group anywhere in it: a number wrapped in parentheses is
    // noticed inside its numeric span, one in other brackets or quotes
    // after it, and both read alike beside anything.
    let india = scanner("IN");
    for line in [
        "call (98765) (43210)",
        "call [98765] [43210]",
        "call \"98765\" \"43210\"",
    ] {
        assert_eq!(india.scan(line).len(), 1, "{line}");
        common::assert_reads_alike_beside(
            &india,
            line,
            &[
                " ok",
                " 98765🔥43210",
                " ok [1] [2]",
                " ok (5)(6)",
                " ०९८७",
                " ok\u{200B}",
            ],
        );
    }
}

#[test]
fn the_guard_catches_a_number_passed_on_wrapped() {
    common::assert_guard_holds_leak(
        scanner("IN"),
        "my number is 98765 43210",
        "his number [98765] [43210]",
    );
}

/// Redacts `text` as a stream, cut into chunks of `size` bytes.
fn redact_streamed(scanner: &Scanner, text: &str, size: usize) -> String {
    let mut stream = scanner.stream(scanner.region(), None).unwrap();
    let mut out = Vec::new();
    for chunk in text.as_bytes().chunks(size.max(1)) {
        stream.write(chunk, &mut out).unwrap();
    }
    stream.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Wrapped groups among other text: redaction is idempotent, a stream
    /// cut anywhere gives the whole text's redaction, and where the same
    /// groups written plain are masked (no veto word before them, `id
    /// no …`), the number's digits never show but its last three.
    #[test]
    fn wrapped_numbers_mask_alike_whole_and_streamed(
        pair in prop::sample::select(PAIRS.to_vec()),
        between in prop::sample::select(vec!["", " ", "  "]),
        split in prop::sample::select(vec![
            vec!["98765", "43210"],
            vec!["987", "654", "3210"],
            vec!["9", "8765", "43210"],
        ]),
        before in "[a-z \\[\\](\"'0-9]{0,12}",
        // Not a digit group right after the number: `(9)(8765)(43210) 00`
        // holds `(43210) 00` as written, which the reading does not
        // replace (as `9 8765 43210 00` is another number).
        after in "([a-z\\])\"'][a-z \\])\"'0-9]{0,11})?",
        size in 1usize..9,
    ) {
        let india = scanner("IN");
        let text = format!("{before} no {} {after}", wrap(&split, pair, between));
        let once = india.redact(&text).unwrap();
        prop_assert_eq!(india.redact(&once).unwrap(), once.clone(), "{}", text);
        prop_assert_eq!(redact_streamed(&india, &text, size), once.clone(), "{}", text);
        let shown = |masked: &str| {
            let digits: String = masked.chars().filter(char::is_ascii_digit).collect();
            digits.contains("98765") || digits.contains("9876543")
        };
        let plain = format!("{before} no {} {after}", split.join(" "));
        if !shown(&india.redact(&plain).unwrap()) {
            prop_assert!(!shown(&once), "{} -> {}", text, once);
        }
    }
}
