//! Values in WhatsApp's italics (`_98765 43210_`), whose underscores do not
//! show in the app, are found as the same values written plainly, masked
//! without their underscores, and masked text is not read again; an
//! underscore between letters or digits (`user_98765…`) still glues.

mod common;

use common::{scanner, values, TEXTS};
use piimask::{Kind, Region, Scanner};

/// `plain` with `open` before and `close` after `plain[start..end]`.
fn wrap(plain: &str, start: usize, end: usize, open: &str, close: &str) -> String {
    format!(
        "{}{open}{}{close}{}",
        &plain[..start],
        &plain[start..end],
        &plain[end..]
    )
}

/// Every way a value is put in italics: alone, in bold italics, before a
/// full stop, in brackets, in Markdown's double underscores.
const WRAPS: &[(&str, &str)] = &[
    ("_", "_"),
    ("*_", "_*"),
    ("_", "_."),
    ("(_", "_)"),
    ("__", "__"),
    ("_", ""),
    ("", "_"),
];

#[test]
fn values_in_italics_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in TEXTS {
        let region = Region::new(region).unwrap();
        let expected = s.scan_in(plain, region);
        assert!(!expected.is_empty(), "{plain}");
        for e in &expected {
            for &(open, close) in WRAPS {
                let text = wrap(plain, e.start, e.end, open, close);
                let found = s.scan_in(&text, region);
                assert_eq!(values(&found), values(&expected), "{text:?}");
                // The value's range is the value, without the marks.
                let f = found.iter().find(|f| f.normalized == e.normalized).unwrap();
                assert_eq!(&text[f.range()], &plain[e.range()], "{text:?}");
                let masked = common::masked_once(&text, region);
                assert!(masked.contains(open) && masked.contains(close), "{masked}");
            }
        }
        // The whole message in italics.
        let whole = format!("_{plain}_");
        assert_eq!(
            values(&s.scan_in(&whole, region)),
            values(&expected),
            "{whole:?}"
        );
    }
}

#[test]
fn a_keyword_in_italics_still_names_the_value() {
    let s = Scanner::builder().region("BR").build().unwrap();
    // Eleven bare digits are a CPF only when a keyword names them.
    assert!(s.scan("ref 39053344705").is_empty());
    for text in [
        "_CPF_: 39053344705",
        "*_CPF_* 39053344705",
        "_meu cpf é_ 39053344705",
    ] {
        let found = s.scan(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].kind, Kind::BrCpf, "{text}");
    }
    // A veto word in italics still vetoes.
    let s = Scanner::builder().region("IN").build().unwrap();
    assert_eq!(s.scan("call 9876543210").len(), 1);
    assert!(s.scan("_order no_ 9876543210").is_empty());
}

#[test]
fn an_underscore_between_letters_or_digits_still_glues() {
    let s = Scanner::builder().region("IN").build().unwrap();
    for text in [
        "user_9876543210",
        "x_9876543210_y",
        "IMG_20231105_9876543210.jpg",
        "ref_9876543210_",
        "id 98765_43210",
        "https://example.com/a/_9876543210",
    ] {
        assert!(s.scan(text).is_empty(), "{text}");
    }
    // Underscores inside an address are the address's.
    for text in [
        "first_.last@gmail.com",
        "ravi_kumar@gmail.com",
        "a__b@gmail.com",
    ] {
        let found = s.scan(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].range(), 0..text.len(), "{text}");
    }
    // A lone underscore is no mark, but a sign typed between two digit
    // groups, read as a space as `98765🔥43210`'s emoji is; the one after
    // the number stays outside it.
    let text = "call 98765 _ 43210 _";
    let found = s.scan(text);
    assert_eq!(found.len(), 1, "{text}");
    assert_eq!(&text[found[0].range()], "98765 _ 43210");
}

#[test]
fn masks_keep_the_marks_and_hide_the_value() {
    let s = Scanner::builder().region("IN").build().unwrap();
    assert_eq!(s.redact("call _9876543210_").unwrap(), "call _•••••••210_");
    assert_eq!(
        s.redact("mail _ravi@gmail.com_ now").unwrap(),
        "mail _r•••@gmail.com_ now"
    );
    // With invisible characters and keycaps in the same value.
    let masked = s
        .redact("_98765\u{200B}43210_ _9\u{FE0F}\u{20E3}8\u{FE0F}\u{20E3}7\u{FE0F}\u{20E3}6\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}3\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}_")
        .unwrap();
    assert!(
        !masked.contains("98765") && !masked.contains('6'),
        "{masked}"
    );
    assert_eq!(s.redact(&masked).unwrap(), masked);
}
