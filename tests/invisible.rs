//! Values with invisible characters among their characters
//! (`98765\u{200B}43210`, `ravi\u{200B}@gmail.com`, a number wrapped in
//! bidirectional marks) are found as the same values written plainly,
//! masked whole, and masked text is not read again.

mod common;

use common::{scanner, values, TEXTS};
use piimask::{Region, Scanner};
use proptest::prelude::*;

/// The invisible characters a text may hide a value with, written here from
/// the Unicode code charts: the soft hyphen, the Arabic letter mark, the
/// zero-width space, non-joiner and joiner, the left-to-right and
/// right-to-left marks, embeddings and overrides, the word joiner and the
/// invisible operators, the isolates, and U+FEFF.
const INVISIBLE: &[char] = &[
    '\u{AD}', '\u{61C}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}',
    '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2061}', '\u{2062}', '\u{2063}',
    '\u{2064}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
];

/// `plain` with `mark` after every character that `every` selects.
fn hide(plain: &str, mark: char, every: impl Fn(char) -> bool) -> String {
    plain
        .chars()
        .flat_map(|c| {
            let hidden = every(c).then_some(mark);
            std::iter::once(c).chain(hidden)
        })
        .collect()
}

#[test]
fn values_hidden_by_invisible_characters_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in TEXTS {
        let region = Region::new(region).unwrap();
        let expected = s.scan_in(plain, region);
        assert!(!expected.is_empty(), "{plain}");
        for &mark in INVISIBLE {
            // After every digit, every letter, or every sign.
            for every in [
                (|c: char| c.is_ascii_digit()) as fn(char) -> bool,
                |c| c.is_ascii_alphabetic(),
                |c| c.is_ascii_punctuation(),
            ] {
                let text = hide(plain, mark, every);
                let found = s.scan_in(&text, region);
                assert_eq!(values(&found), values(&expected), "{text:?}");
                for f in &found {
                    // The range holds the value's characters and the marks
                    // among them, nothing more.
                    let visible: String = text[f.range()].chars().filter(|c| *c != mark).collect();
                    let e = expected
                        .iter()
                        .find(|e| e.normalized == f.normalized)
                        .unwrap();
                    assert_eq!(visible, plain[e.range()], "{text:?}");
                }
                common::masked_once(&text, region);
            }
        }
    }
}

#[test]
fn masks_cover_every_digit_of_a_hidden_number() {
    let s = Scanner::builder().region("IN").build().unwrap();
    for text in [
        "call 98765\u{200B}43210",
        "call 9\u{200B}8\u{200B}7\u{200B}6\u{200B}5\u{200B}4\u{200B}3\u{200B}2\u{200B}1\u{200B}0",
        "call \u{202A}+91 98765 43210\u{202C}",
        "call 98765\u{FE0F}43210",
        "call 98765\u{AD}43210",
    ] {
        let masked = s.redact(text).unwrap();
        let digits: String = masked.chars().filter(char::is_ascii_digit).collect();
        // At most the calling code and the last three digits show.
        assert!(
            digits.len() <= 5 && !digits.contains("98765"),
            "{text:?} -> {masked:?}"
        );
        assert_eq!(s.redact(&masked).unwrap(), masked);
    }
    let masked = s.redact("mail ravi\u{200B}@gmail\u{200B}.com").unwrap();
    assert!(
        !masked.contains("ravi") && masked.contains("•••"),
        "{masked}"
    );
}

/// An `@` said in words is read behind an invisible character anywhere
/// in the words, as without it: a zero-width space slipped into `at` or
/// the mail service's name hid the address from every scan before (the
/// words were looked for as written only).
#[test]
fn an_address_said_in_words_is_read_behind_invisible_characters() {
    let s = scanner();
    let region = Region::new("IN").unwrap();
    for plain in [
        "ravi at gmail dot com",
        "mail RAVI AT GMAIL DOT COM",
        "ravi.k at the rate gmail.com",
        "juan arroba gmail punto com",
        "call 98765 43210 or ravi at gmail dot com",
    ] {
        let expected = values(&s.scan_in(plain, region));
        assert!(!expected.is_empty(), "{plain}");
        for &mark in INVISIBLE {
            for at in (0..=plain.len()).filter(|&i| plain.is_char_boundary(i)) {
                let mut text = plain.to_string();
                text.insert(at, mark);
                assert_eq!(values(&s.scan_in(&text, region)), expected, "{text:?}");
                common::masked_once(&text, region);
            }
        }
    }
    // Full-width letters, as a Chinese or Japanese input method types them.
    let text = "ｒａｖｉ ａｔ ｇｍａｉｌ ｄｏｔ ｃｏｍ";
    assert_eq!(
        values(&s.scan_in(text, region)),
        values(&s.scan_in("ravi at gmail dot com", region))
    );
    // What reads as prose without the marks does with them.
    for text in [
        "we are\u{200B} at home",
        "see you at\u{200B} gmail office",
        "ravi\u{200B} at gmail",
    ] {
        assert!(s.scan_in(text, region).is_empty(), "{text:?}");
    }
}

#[test]
fn marks_wrapped_around_a_value_stay_outside_it() {
    // WhatsApp exports and contact cards wrap a number in bidirectional
    // embeddings or isolates; the value is what is between them, and a
    // label in its place keeps both marks, so the embedding still closes.
    let config =
        piimask::Config::from_json(r#"{"policy":{"roles":{"bot":{"default":"label"}}}}"#).unwrap();
    let s = Scanner::builder()
        .region("GB")
        .config(&config)
        .build()
        .unwrap();
    for (open, close) in [
        ("\u{202A}", "\u{202C}"),
        ("\u{2068}", "\u{2069}"),
        ("\u{200E}", "\u{200E}"),
        ("\u{200F}", "\u{200F}"),
        ("\u{2066}", "\u{2069}\u{200E}"),
    ] {
        for (value, label) in [
            ("+44 7830 332317", "[PHONE]"),
            ("07830 332317", "[PHONE]"),
            ("jo@example.com", "[EMAIL]"),
            ("4111 1111 1111 1111", "[CREDIT_CARD]"),
        ] {
            let text = format!("call {open}{value}{close} now");
            let found = s.scan(&text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(&text[found[0].range()], value, "{text:?}");
            assert_eq!(
                s.redact_as(&text, s.region(), Some("bot")).unwrap(),
                format!("call {open}{label}{close} now"),
            );
        }
    }
    // A mark after a value's last digit that holds a keycap stays with it.
    let text = "call 98765 4321\u{2069}0\u{FE0F}\u{20E3}\u{200F} now";
    let found = Scanner::builder().region("IN").build().unwrap().scan(text);
    assert_eq!(
        &text[found[0].range()],
        "98765 4321\u{2069}0\u{FE0F}\u{20E3}"
    );
}

#[test]
fn marks_among_emoji_and_right_to_left_words_change_nothing() {
    let s = Scanner::builder().region("SA").build().unwrap();
    for (text, plain) in [
        (
            "👨\u{200D}👩\u{200D}👧 رقمي\u{200F} 0501234567",
            "👨👩👧 رقمي 0501234567",
        ),
        (
            "تواصل\u{200F} معي\u{200F} 0501234567",
            "تواصل معي 0501234567",
        ),
        ("طلب\u{200F} رقم #48213977", "طلب رقم #48213977"),
    ] {
        assert_eq!(values(&s.scan(text)), values(&s.scan(plain)), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Values, look-alikes and value characters, with invisible characters
    /// put anywhere, hold the values the text without them holds.
    #[test]
    fn invisible_characters_anywhere_hide_nothing(
        plain in prop::collection::vec(prop_oneof![
            3 => prop::sample::select(vec![
                "+91 98765 43210", "98765 43210", "ravi.k@gmail.com", "4111 1111 1111 1111",
                "2341 2341 2346", "order #48213977", "OTP 482139", "call ", "mail ", " ",
                "ravi at gmail dot com", "juan arroba gmail punto com",
            ]).prop_map(str::to_string),
            1 => "[0-9 +()#.@a-z-]{1,12}",
        ], 0..6).prop_map(|pieces| pieces.concat()),
        marks in prop::collection::vec((0usize..96, prop::sample::select(INVISIBLE)), 0..6),
    ) {
        let s = scanner();
        let region = Region::new("IN").unwrap();
        let mut text = plain.clone();
        for (at, mark) in marks {
            let at = at.min(text.len());
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            text.insert(at, mark);
        }
        prop_assert_eq!(values(&s.scan_in(&text, region)), values(&s.scan_in(&plain, region)));
        let masked = s.redact_with(&text, Some(region)).unwrap();
        prop_assert_eq!(s.redact_with(&masked, Some(region)).unwrap(), masked);
    }
}
