//! Values typed in full-width characters (`ｒａｖｉ＠ｇｍａｉｌ．ｃｏｍ`,
//! `身份证：１１０１…００２Ｘ`), as Chinese and Japanese input methods write them
//! in full-width mode, are found as the same values written in ASCII,
//! masked whole, and masked text is not read again.

use std::sync::OnceLock;

use piimask::{Finding, Kind, Region, Scanner};

/// Values of every family, with their context.
const TEXTS: &[(&str, &str)] = &[
    ("IN", "WhatsApp me at +91 98765 43210 please"),
    ("IN", "mail ravi.kumar@example.in or UPI ravi@okaxis"),
    ("BR", "zap (11) 98765-4321, CPF 390.533.447-05"),
    ("US", "card 4111 1111 1111 1111"),
    ("IN", "Aadhaar 2341 2341 2346"),
    ("IN", "PAN ABCPE1234F"),
    ("DE", "IBAN DE89 3704 0044 0532 0130 00"),
    ("US", "server 192.168.1.10"),
    ("US", "SSN 536-90-4399"),
    ("CN", "身份证 11010519491231002X"),
    ("CN", "手机 138 0013 8000"),
    ("JP", "メール taro_yamada@example.co.jp です"),
];

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(Scanner::new)
}

fn values(found: &[Finding]) -> Vec<(Kind, String)> {
    found
        .iter()
        .map(|f| (f.kind.clone(), f.normalized.clone()))
        .collect()
}

/// The full-width form of every ASCII character of `plain` that `which`
/// selects (U+FF01..U+FF5E stand for U+0021..U+007E).
fn full_width(plain: &str, which: impl Fn(char) -> bool) -> String {
    plain
        .chars()
        .map(|c| {
            if ('!'..='~').contains(&c) && which(c) {
                char::from_u32(c as u32 + 0xFEE0).unwrap()
            } else {
                c
            }
        })
        .collect()
}

#[test]
fn values_in_full_width_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in TEXTS {
        let region = Region::new(region).unwrap();
        let expected = s.scan_in(plain, region);
        assert!(!expected.is_empty(), "{plain}");
        for which in [
            // What a full-width input method types for a value: digits,
            // letters and the signs inside values; then everything.
            (|c: char| c.is_ascii_alphanumeric() || "@._-+".contains(c)) as fn(char) -> bool,
            |c| c.is_ascii_digit(),
            |c| c.is_ascii_alphabetic() || c == '@',
            |_| true,
        ] {
            let text = full_width(plain, which);
            let found = s.scan_in(&text, region);
            assert_eq!(values(&found), values(&expected), "{text:?}");
            for (f, e) in found.iter().zip(&expected) {
                // The range is the value's characters, each in the form
                // it was typed in.
                assert_eq!(
                    full_width(&plain[e.range()], which),
                    text[f.range()],
                    "{text:?}"
                );
            }
            let masked = s.redact_with(&text, Some(region)).unwrap();
            assert_eq!(
                s.redact_with(&masked, Some(region)).unwrap(),
                masked,
                "{text:?}"
            );
        }
    }
}

#[test]
fn masks_hide_full_width_values() {
    let s = Scanner::builder().region("CN").build().unwrap();
    let masked = s
        .redact(
            "邮箱：ｗｅｉ．ｃａｉ＠１６３．ｃｏｍ，身份证：１１０１０５１９４９１２３１００２Ｘ",
        )
        .unwrap();
    assert!(
        !masked.contains("ｗｅｉ") && !masked.contains("１９４９"),
        "{masked}"
    );
    assert_eq!(s.redact(&masked).unwrap(), masked);
}

#[test]
fn full_width_punctuation_alone_asks_for_no_copy_and_changes_nothing() {
    // Chinese text is full of full-width brackets, colons and commas: the
    // findings are those of the same text with ASCII punctuation.
    let s = Scanner::builder().region("CN").build().unwrap();
    let cn = s.scan("电话（手机）：138 0013 8000，谢谢！");
    let ascii = s.scan("电话(手机):138 0013 8000,谢谢!");
    assert_eq!(values(&cn), values(&ascii));
    assert_eq!(cn.len(), 1);
}
