//! South Korea: resident registration number (주민등록번호) and foreigner
//! registration number (외국인등록번호).
//!
//! Thirteen digits, `YYMMDD-GBBBBNC`: the birth date, a digit for sex and
//! century (1/2 for the 1900s, 3/4 for the 2000s; 5/6 and 7/8 for
//! foreigners born in those centuries), the birthplace and serial, and a
//! check digit over `Σ dᵢ·(2 3 4 5 6 7 8 9 2 3 4 5)`: `(11 − s mod 11) mod
//! 10` for residents, `(13 − s mod 11) mod 10` for foreigners.
//!
//! What the issuers actually issue, beyond python-stdnum (our oracle for the
//! checksummed numbers, which knows the resident formula only):
//!
//! * Since October 2020 the Ministry of the Interior and Safety assigns the
//!   six digits after the sex digit at random, so new numbers have no valid
//!   check digit. They keep the birth date and the sex digit, and nothing
//!   else can be checked: a second spec accepts that structure only after a
//!   keyword (`주민등록번호`, `RRN` …), at 0.93; a number that also passes
//!   its check scores higher (0.96, 0.98 with a keyword) and wins.
//! * Foreigner registration numbers (sex digit 5–8) use the `13 −` formula.
//! * The sex digits 9 and 0 stood for births in the 1800s; no one alive
//!   holds such a number, so they are rejected.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::KrRrn,
        country: "KR",
        shapes: &[
            shape("dddddd-ddddddd", Strong),
            shape("ddddddddddddd", Bare),
        ],
        validate: rrn,
    },
    // Numbers issued since October 2020: no check digit to verify.
    IdSpec {
        kind: Kind::KrRrn,
        country: "KR",
        shapes: &[
            shape("dddddd-ddddddd", Keyword),
            shape("ddddddddddddd", Keyword),
        ],
        validate: rrn_structure,
    },
];

/// The birth date and sex digit of a number issued to a living person.
pub(super) fn rrn_structure(s: &[u8]) -> bool {
    if !digits_n(s, 13) {
        return false;
    }
    let century = match s[6] {
        b'1' | b'2' | b'5' | b'6' => 1900,
        b'3' | b'4' | b'7' | b'8' => 2000,
        _ => return false,
    };
    valid_date(century + num(&s[..2]), num(&s[2..4]), num(&s[4..6]))
}

/// A number issued before October 2020, with its check digit.
pub(super) fn rrn(s: &[u8]) -> bool {
    if !rrn_structure(s) {
        return false;
    }
    let Some(sum) = weighted_sum(&s[..12], &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) else {
        return false;
    };
    let base = if s[6] >= b'5' { 13 } else { 11 };
    (base - sum % 11) % 10 == u32::from(s[12] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{one_digit_escapes, scan};

    // Generated with python-stdnum (kr.rrn).
    const RRNS: &[&str] = &["9710101234561", "0101013123458", "8501012234569"];
    // Foreigner registration numbers: the check `(13 − s mod 11) mod 10`.
    const FOREIGNERS: &[&str] = &["9001015123452", "0502037654321", "8812316001116"];

    #[test]
    fn check_and_date() {
        let ok: Vec<&str> = RRNS.iter().copied().filter(|v| rrn(v.as_bytes())).collect();
        assert_eq!(ok.len(), RRNS.len());
        // `(11 − r) mod 10` gives 1 for remainders 0 and 10: a few one-digit
        // changes pass; the rest are caught (or break the date).
        let (escaped, total) = one_digit_escapes(rrn, RRNS);
        assert!(escaped * 20 <= total, "{escaped} of {total}");
    }

    /// Foreigner registration numbers (sex digit 5–8) follow
    /// `(13 − s mod 11) mod 10`, not the resident formula.
    #[test]
    fn foreigner_numbers() {
        let (escaped, total) = one_digit_escapes(rrn, FOREIGNERS);
        assert!(escaped * 20 <= total, "{escaped} of {total}");
        // The resident formula's digit is wrong for a foreigner.
        assert!(!rrn(b"9001015123450"));
        assert_eq!(
            scan("외국인등록번호 900101-5123452", None),
            [(Kind::KrRrn, "900101-5123452".into())]
        );
    }

    /// No one alive was born in the 1800s (sex digits 9 and 0), even with a
    /// valid check digit.
    #[test]
    fn no_births_in_the_1800s() {
        // 971010-9…: 1897; the check digit is valid for the resident formula.
        assert!(!rrn(b"9710109234562") && !rrn_structure(b"9710109234562"));
        assert!(!rrn_structure(b"9710100234568"));
        assert!(scan("주민등록번호 971010-9234562", None).is_empty());
    }

    /// Numbers issued since October 2020 carry random digits after the sex
    /// digit (Ministry of the Interior and Safety): after a keyword the date
    /// and sex digit are enough, at the documented 0.93; without one they
    /// are not reported.
    #[test]
    fn numbers_since_october_2020() {
        // 2021-03-04, sex digit 4; its last digit fails the old check.
        assert!(!rrn(b"2103044829173") && rrn_structure(b"2103044829173"));
        let scanner = crate::Scanner::builder().build().unwrap();
        let text = "주민등록번호 210304-4829173";
        let found = scanner.scan(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind.clone(), &text[found[0].range()]),
            (Kind::KrRrn, "210304-4829173")
        );
        assert!((found[0].confidence - 0.93).abs() < 1e-6);
        assert_eq!(scan("RRN 2103044829173", None).len(), 1);
        assert!(scan("210304-4829173", Some("KR")).is_empty());
        assert!(scan("주민등록번호 211304-4829173", None).is_empty());
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("주민등록번호 971010-1234561", None),
            [(Kind::KrRrn, "971010-1234561".into())]
        );
        assert!(scan("9710101234561", None).is_empty());
    }
}
