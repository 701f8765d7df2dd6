//! Values typed with the decimal digits of another script (`٢٩٠٠…` on an
//! Arabic keyboard, `۰۹۱…` on a Persian or Urdu one, `९८७…` in Hindi,
//! `๖๒๐…` in Thai) are found as the same values written in ASCII digits,
//! masked whole, and masked text is not read again.

mod common;

use common::{scanner, values};
use piimask::{Kind, Region};

/// The zeros of the scripts whose digits phone keyboards of WhatsApp's
/// markets type: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu),
/// Devanagari, Bengali, Thai.
const ZEROS: &[u32] = &[0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50];

/// Identifiers of the markets that type such digits, beside the values of
/// every family (`common::TEXTS`).
const NATIVE: &[(&str, &str)] = &[
    ("EG", "الرقم القومي 29001010112345"),
    ("SA", "رقم الهوية 1012345672"),
    ("AE", "emirates id 784-1985-1234567-3"),
    ("PK", "CNIC 35202-1234567-1"),
    ("TH", "บัตรประชาชน 6203345968409"),
    ("EG", "رقمي 01012345678"),
];

/// `plain` with its ASCII digits written in the script of `zero`.
fn in_script(plain: &str, zero: u32) -> String {
    plain
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero + d).unwrap(),
            _ => c,
        })
        .collect()
}

#[test]
fn values_in_other_scripts_digits_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in common::TEXTS.iter().chain(NATIVE) {
        let region = Region::new(region).unwrap();
        let expected = s.scan_in(plain, region);
        assert!(!expected.is_empty(), "{plain}");
        for &zero in ZEROS {
            let text = in_script(plain, zero);
            let found = s.scan_in(&text, region);
            assert_eq!(values(&found), values(&expected), "{text:?}");
            for (f, e) in found.iter().zip(&expected) {
                // The range is the value's characters as typed.
                assert_eq!(
                    in_script(&plain[e.range()], zero),
                    text[f.range()],
                    "{text:?}"
                );
            }
            common::masked_once(&text, region);
        }
    }
}

/// A run that mixes scripts is no number anyone typed: its digits are not
/// read as one.
#[test]
fn runs_mixing_scripts_are_not_read_as_one() {
    let s = scanner();
    let region = Region::new("EG").unwrap();
    for text in [
        "الرقم القومي 2900101011234٥",
        "الرقم القومي ٢٩٠٠١٠١٠١١٢٣٤5",
        "server 192.168.1.1٣",
    ] {
        let found = s.scan_in(text, region);
        assert!(
            found
                .iter()
                .all(|f| f.kind != Kind::EgNationalId && f.kind != Kind::IpAddress),
            "{text:?}: {found:?}"
        );
    }
}
