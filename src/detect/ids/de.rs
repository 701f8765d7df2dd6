//! Germany: Steuerliche Identifikationsnummer (IdNr) and the social
//! insurance number (Sozialversicherungsnummer, the pension insurer's
//! Rentenversicherungsnummer, RVNR).
//!
//! **IdNr.** //! Eleven digits, the first not 0. Among the first ten, exactly one digit
//! occurs two or three times (three times never in three consecutive
//! places) and the others at most once; the eleventh is an ISO 7064
//! mod 11,10 check digit, which catches every single-digit change. The
//! repetition rule rules out most everyday eleven-digit numbers, but bare
//! IdNrs still need a keyword or a German conversation.
//!
//! **Social insurance number**, `65 170839 J 003` on the insurance card and
//! on every payslip: the insurer's area number (a list of two-digit
//! codes), the birth date as `DDMMYY`, the first letter of the birth name,
//! a two-digit serial and a check digit. The letter counts as its place in
//! the alphabet, two digits (`J` is `10`), and the check digit is the sum
//! of the digit sums of the twelve digits weighted `2 1 2 5 7 1 2 1 2 1 2
//! 1`, mod 10. The day is not checked (numbers of people whose birth date
//! was unknown, or whose day ran out of serials, hold another); the month
//! is. The spaced form, a letter between digit groups, is plain enough to
//! read anywhere; the compact one in Germany or after a keyword, and as
//! weak evidence elsewhere.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::{iso7064_mod11_10, weighted_digit_sum};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::DeTaxId,
        country: "DE",
        shapes: &[shape("dd ddd ddd ddd", Home), shape("ddddddddddd", Bare)],
        validate: idnr,
    },
    IdSpec {
        kind: Kind::DeSvnr,
        country: "DE",
        shapes: &[
            shape("dd dddddd L ddd", Strong),
            shape("dd dddddd L dd d", Strong),
            shape("dd dddddd Lddd", Strong),
            shape("ddddddddLddd", Checked),
        ],
        validate: svnr,
    },
];

pub(super) fn idnr(s: &[u8]) -> bool {
    if !digits_n(s, 11) || s[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &b in &s[..10] {
        counts[usize::from(b - b'0')] += 1;
    }
    let multi = counts.iter().filter(|&&c| c > 1).count();
    if multi != 1 || counts.iter().any(|&c| c > 3) {
        return false;
    }
    // A digit three times: never three in a row.
    if counts.contains(&3) && s[..10].windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return false;
    }
    iso7064_mod11_10(&s[..10]) == Some(u32::from(s[10] - b'0'))
}

/// The area numbers of the pension insurers (Bereichsnummern): the
/// regional insurers' `02`–`29` and their `38`–`82` for numbers given
/// since, the miners' and seamen's `89`.
fn svnr_area(area: u8) -> bool {
    matches!(area, 2..=4 | 8..=21 | 23..=26 | 28 | 29 | 38..=40 | 42..=82 | 89)
}

pub(super) fn svnr(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 12] = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    if s.len() != 12 || !digits_n(&s[..8], 8) || !digits_n(&s[9..], 3) {
        return false;
    }
    let two = |at: usize| (s[at] - b'0') * 10 + (s[at + 1] - b'0');
    let letter = s[8];
    if !letter.is_ascii_alphabetic() || !svnr_area(two(0)) || !(1..=12).contains(&two(4)) {
        return false;
    }
    // The letter counts as its place in the alphabet, two digits.
    let place = letter.to_ascii_uppercase() - b'A' + 1;
    let mut digits = [0; 12];
    digits[..8].copy_from_slice(&s[..8]);
    digits[8..10].copy_from_slice(&[b'0' + place / 10, b'0' + place % 10]);
    digits[10..].copy_from_slice(&s[9..11]);
    weighted_digit_sum(&digits, &WEIGHTS).is_some_and(|sum| sum % 10 == u32::from(s[11] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (de.idnr).
    const IDNRS: &[&str] = &["36574261809", "65929970489", "86095742719"];

    #[test]
    fn repetition_and_check() {
        let ok: Vec<&str> = IDNRS
            .iter()
            .copied()
            .filter(|v| idnr(v.as_bytes()))
            .collect();
        assert_eq!(ok.len(), IDNRS.len());
        // The check digit catches every change the repetition rule lets
        // through.
        valid_and_one_digit_changes_rejected(idnr, IDNRS);
        assert!(!idnr(b"12345678903"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("Steuer-ID 36 574 261 809", None),
            [(Kind::DeTaxId, "36 574 261 809".into())]
        );
        assert_eq!(scan("hier meine 36574261809", Some("DE")).len(), 1);
        assert!(scan("Bestellung 36574261809", Some("DE")).is_empty());
    }

    fn svnrs() -> Vec<&'static str> {
        // Generated with the `stdnum` package for JavaScript (de.svnr) by
        // tests/data/ids/gen_de_svnr.mjs.
        lines(include_str!("../../../tests/data/ids/de_svnr.txt"))
    }

    #[test]
    fn svnr_check() {
        for v in svnrs() {
            assert!(svnr(v.as_bytes()), "{v}");
            assert!(svnr(v.to_ascii_lowercase().as_bytes()), "{v}");
            // With digit sums, weights 1, 2 and 5 give each digit its own
            // value mod 10, so a changed digit there breaks the check;
            // weight 7 (the month's first digit) confuses 0 with 4 and 3
            // with 7, which no month holds.
            crate::checksum::tests::for_each_one_digit_change(v.as_bytes(), |c| {
                assert!(!svnr(c), "{}", String::from_utf8_lossy(c));
            });
        }
        // The examples of the insurers' leaflets and of Wikipedia.
        assert!(svnr(b"15070649C103") && svnr(b"65170839J003"));
        assert!(!svnr(b"15070649C104") && !svnr(b"15070649D103"));
        // An area no insurer has, a thirteenth month.
        assert!(!svnr(b"01070649C103") && !svnr(b"15071349C103"));
        assert!(!svnr(b"150706493103") && !svnr(b"15070649C10"));
    }

    #[test]
    fn svnr_in_chat() {
        let v = svnrs()[0];
        let spaced = format!("{} {} {} {}", &v[..2], &v[2..8], &v[8..9], &v[9..]);
        assert_eq!(scan(&spaced, None), [(Kind::DeSvnr, spaced.clone())]);
        assert_eq!(
            scan(&format!("meine Rentenversicherungsnummer: {v}"), None),
            [(Kind::DeSvnr, v.into())]
        );
        assert_eq!(
            scan(&format!("SV-Nummer {v}"), Some("AT")),
            [(Kind::DeSvnr, v.into())]
        );
        assert_eq!(scan(v, Some("DE")), [(Kind::DeSvnr, v.into())]);
        assert!(scan(&format!("Bestellung {v}"), Some("DE")).is_empty());
        // Compact without a keyword outside Germany: weak evidence only.
        assert!(scan(v, Some("IN")).is_empty());
    }
}
