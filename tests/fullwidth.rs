//! Values typed in full-width characters (`ｒａｖｉ＠ｇｍａｉｌ．ｃｏｍ`,
//! `身份证：１１０１…００２Ｘ`), as Chinese and Japanese input methods write them
//! in full-width mode, are found as the same values written in ASCII,
//! masked whole, and masked text is not read again.

mod common;

use common::{scanner, values};
use piimask::{Region, Scanner};

/// Values that Chinese and Japanese chat types in full-width mode, beside
/// those of every family (`common::TEXTS`).
const CJK: &[(&str, &str)] = &[
    ("CN", "身份证 11010519491231002X"),
    ("CN", "手机 138 0013 8000"),
    ("JP", "メール taro_yamada@example.co.jp です"),
];

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
    for &(region, plain) in common::TEXTS.iter().chain(CJK) {
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
            common::masked_once(&text, region);
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
