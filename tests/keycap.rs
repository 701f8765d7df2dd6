//! Numbers written as keycap emoji (`9️⃣8️⃣7️⃣…`) are found as the same
//! values written with plain digits, and masked whole.

use piimask::Scanner;
use proptest::prelude::*;

/// `text` with every ASCII digit written as a keycap: with U+FE0F when
/// `emoji_style`, else the digit and U+20E3 alone.
fn keycaps(text: &str, emoji_style: bool) -> String {
    let mark = if emoji_style {
        "\u{FE0F}\u{20E3}"
    } else {
        "\u{20E3}"
    };
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                format!("{c}{mark}")
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Values of many kinds, with their context.
const TEXTS: &[(&str, &str)] = &[
    ("IN", "WhatsApp me at +91 98765 43210 please"),
    ("IN", "call 98765 43210"),
    ("BR", "zap (11) 98765-4321, CPF 390.533.447-05"),
    ("US", "card 4111 1111 1111 1111 exp 12/27"),
    ("IN", "Aadhaar 2341 2341 2346"),
    ("GB", "my number is 07911 123456"),
    ("DE", "IBAN DE89 3704 0044 0532 0130 00"),
];

fn scanner() -> Scanner {
    Scanner::new()
}

#[test]
fn keycap_values_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in TEXTS {
        let region = region.parse().unwrap();
        let expected = s.scan_in(plain, region);
        assert!(!expected.is_empty(), "{plain}");
        for emoji_style in [true, false] {
            let text = keycaps(plain, emoji_style);
            let found = s.scan_in(&text, region);
            let values = |f: &[piimask::Finding]| {
                f.iter()
                    .map(|f| (f.kind.clone(), f.normalized.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(values(&found), values(&expected), "{text}");
            let masked = s.redact_with(&text, Some(region)).unwrap();
            assert_eq!(
                s.redact_with(&masked, Some(region)).unwrap(),
                masked,
                "{text}"
            );
            for (f, e) in found.iter().zip(&expected) {
                // The range covers the keycaps of the plain range, marks
                // included.
                assert_eq!(
                    &text[f.range()],
                    keycaps(&plain[e.range()], emoji_style),
                    "{text}"
                );
            }
        }
    }
}

#[test]
fn keycaps_are_masked_whole_and_redaction_is_idempotent() {
    let s = Scanner::builder().region("IN").build().unwrap();
    let text = "WhatsApp: 9\u{FE0F}\u{20E3}8\u{FE0F}\u{20E3}7\u{FE0F}\u{20E3}6\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}3\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3} ❤\u{FE0F}";
    let masked = s.redact(text).unwrap();
    assert!(!masked.chars().any(|c| c.is_ascii_digit()), "{masked}");
    assert!(
        masked.starts_with("WhatsApp: •") && masked.ends_with(" ❤\u{FE0F}"),
        "{masked}"
    );
    assert_eq!(s.redact(&masked).unwrap(), masked);
}

#[test]
fn a_keycap_alone_is_no_value() {
    let s = Scanner::builder().region("IN").build().unwrap();
    for text in ["rate us 5\u{FE0F}\u{20E3} stars", "order #1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}3\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}6\u{FE0F}\u{20E3}7\u{FE0F}\u{20E3}8\u{FE0F}\u{20E3}", "a\u{20E3} b\u{FE0F}\u{20E3}"] {
        assert!(s.scan(text).is_empty(), "{text}");
    }
}

proptest! {
    // Any text: keycap digits find what plain digits find, and the
    // redaction of keycap text is idempotent.
    #[test]
    fn keycaps_equal_plain_digits(plain in "[0-9 +()#.@a-z-]{0,60}", emoji_style: bool) {
        static SCANNER: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
        let s = SCANNER.get_or_init(|| Scanner::builder().region("IN").build().unwrap());
        let text = keycaps(&plain, emoji_style);
        let values = |f: Vec<piimask::Finding>| {
            f.into_iter().map(|f| (f.kind, f.normalized)).collect::<Vec<_>>()
        };
        prop_assert_eq!(values(s.scan(&text)), values(s.scan(&plain)));
        let masked = s.redact(&text).unwrap();
        prop_assert_eq!(s.redact(&masked).unwrap(), masked);
    }
}
