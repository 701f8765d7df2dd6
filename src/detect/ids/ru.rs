//! Russia: ИНН (INN, taxpayer identification number, ФНС) and СНИЛС
//! (SNILS, the individual insurance account number) of a person.
//!
//! The INN is twelve digits: a tax office's region code, a serial, and two check
//! digits, each `Σ wᵢ·dᵢ mod 11 mod 10` over the digits before it (weights
//! `7 2 4 10 3 5 9 4 6 8` for the first, `3 7 2 4 10 3 5 9 4 6 8` for the
//! second). One random number in about a hundred passes both. Ten-digit
//! INNs belong to companies, which are not personal data, and are left
//! alone. Twelve bare digits are an INN in a Russian conversation and weak
//! evidence elsewhere; the keyword is `ИНН`.
//!
//! SNILS, which employers, clinics, banks and the Gosuslugi portal ask
//! for, is nine digits and two check digits, written `112-233-445 95`:
//! `Σ dᵢ·(10 − i) mod 101` over the nine, `00` for a remainder of 100.
//! Numbers up to `001-001-998` were issued before the check digits and
//! have none to test, so they are not read. One random number in a
//! hundred passes, and eleven digits are also a Russian mobile written
//! with its `8` (`89161234567`): bare digits, and digits grouped by
//! spaces as a phone's can be, are read only after `СНИЛС`/`SNILS`; the
//! hyphenated form of the green card, in a Russian conversation too.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::RuInn,
        country: "RU",
        shapes: &[shape("dddddddddddd", Checked)],
        validate: personal_inn,
    },
    IdSpec {
        kind: Kind::RuSnils,
        country: "RU",
        shapes: &[
            shape("ddd-ddd-ddd dd", Home),
            shape("ddd-ddd-ddd-dd", Home),
            shape("ddd ddd ddd dd", Keyword),
            shape("ddddddddddd", Keyword),
        ],
        validate: snils,
    },
];

/// The highest number issued without check digits (`001-001-998`).
const LAST_UNCHECKED_SNILS: u32 = 1_001_998;

pub(super) fn personal_inn(s: &[u8]) -> bool {
    if !digits_n(s, 12) || s[..2] == *b"00" {
        return false;
    }
    let check = |digits: &[u8], weights: &[u32]| {
        weighted_mod(digits, weights, 11).map(|r| b'0' + (r % 10) as u8)
    };
    check(&s[..10], &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == Some(s[10])
        && check(&s[..11], &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == Some(s[11])
}

pub(super) fn snils(s: &[u8]) -> bool {
    if !digits_n(s, 11) {
        return false;
    }
    let number = s[..9]
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    if number <= LAST_UNCHECKED_SNILS {
        return false;
    }
    let Some(r) = weighted_mod(&s[..9], &[9, 8, 7, 6, 5, 4, 3, 2, 1], 101) else {
        return false;
    };
    // A sum under 100 is its own check; 100 and 101 give 00, as does a
    // remainder of 100.
    let check = if r == 100 { 0 } else { r };
    check == u32::from(s[9] - b'0') * 10 + u32::from(s[10] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (ru.inn) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ru_inn.txt"))
    }

    #[test]
    fn two_check_digits() {
        // `mod 11 mod 10` maps remainders 10 and 0 to one digit: a few
        // one-digit changes pass; nearly all are caught.
        let (escaped, total) = one_digit_escapes(personal_inn, &values());
        assert!(escaped * 20 <= total, "{escaped} of {total}");
        assert!(!personal_inn(b"7707083893"), "a company's ten digits");
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        assert_eq!(
            scan(&format!("мой ИНН {v}, спасибо"), None),
            [(Kind::RuInn, v.into())]
        );
        assert_eq!(scan(&format!("INN: {v}"), Some("IN")).len(), 1);
        assert_eq!(scan(v, Some("RU")).len(), 1);
        assert!(scan(v, Some("BR")).is_empty());
        assert!(scan(&format!("заказ {v}"), Some("RU")).is_empty());
    }

    fn snils_values() -> Vec<&'static str> {
        // Generated with petrovna by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ru_snils.txt"))
    }

    #[test]
    fn snils_check_digits() {
        // Two check digits: a one-digit change of the nine moves the sum by
        // 1 to 81, so the remainder changes, and the change passes only
        // between the two remainders that give 00 (0 and 100).
        let (escaped, total) = one_digit_escapes(snils, &snils_values());
        assert!(escaped * 100 <= total, "{escaped} of {total}");
        // The example of the Pension Fund's rules and most guides; the sums 100
        // and 101 and a remainder of 100 all give 00.
        assert!(snils(b"11223344595"));
        assert!(!snils(b"11223344596"));
        assert!(snils(b"05023431600"), "sum 100");
        assert!(snils(b"01610339600"), "sum 101");
        assert!(snils(b"82098123300"), "sum 201, remainder 100");
        assert!(!snils(b"82098123399"));
        // Before the check digits: not read.
        assert!(!snils(b"00100199800"));
    }

    #[test]
    fn snils_in_chat() {
        let v = snils_values()[0];
        let hyphenated = format!("{}-{}-{} {}", &v[..3], &v[3..6], &v[6..9], &v[9..]);
        let spaced = format!("{} {} {} {}", &v[..3], &v[3..6], &v[6..9], &v[9..]);
        for (text, value) in [
            (format!("СНИЛС {hyphenated}"), &hyphenated),
            (format!("мой снилс: {v}"), &v.to_string()),
            (format!("SNILS {spaced}"), &spaced),
            (format!("номер СНИЛС {v}, спасибо"), &v.to_string()),
        ] {
            assert_eq!(
                scan(&text, None),
                [(Kind::RuSnils, value.clone())],
                "{text}"
            );
        }
        assert_eq!(
            scan(&hyphenated, Some("RU")),
            [(Kind::RuSnils, hyphenated.clone())]
        );
        // Elsewhere, and bare even at home, the digits say nothing alone.
        assert!(scan(&hyphenated, Some("BR")).is_empty());
        assert!(scan(v, Some("RU"))
            .iter()
            .all(|(kind, _)| *kind != Kind::RuSnils));
        let mut wrong = v.as_bytes().to_vec();
        wrong[10] = if wrong[10] == b'9' {
            b'0'
        } else {
            wrong[10] + 1
        };
        let wrong = String::from_utf8(wrong).unwrap();
        assert!(scan(&format!("СНИЛС {wrong}"), None).is_empty());
    }
}
