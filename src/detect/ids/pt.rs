//! Portugal: the tax number (NIF, número de contribuinte) and the citizen
//! card (Cartão de Cidadão).
//!
//! The NIF is nine digits with a mod-11 check digit (weights 9 down to 2,
//! `10 → 0`). People's numbers open with `1`, `2` or `3` (`45` for
//! non-residents); companies' (`5`, `6`, `9` …) are not personal data and
//! are left alone. Nine digits are also a Portuguese phone number (`2…`
//! landlines share the first digit), so bare digits stay weak at home and
//! a valid phone number keeps them; after `NIF` or `contribuinte` the
//! number is the NIF.
//!
//! The citizen card's document number is the holder's civil
//! identification number (eight digits), its check digit, two characters
//! of the card's version (`ZZ`, `ZY` …) and a check digit over all of them
//! (letters valued 10 to 35, every second value from the right doubled
//! and reduced as in Luhn). Letters inside digits make the form plain.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::{alnum_value, mod11_check_ten_zero};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::PtNif,
        country: "PT",
        shapes: &[shape("ddddddddd", Bare), shape("ddd ddd ddd", Bare)],
        validate: nif,
    },
    IdSpec {
        kind: Kind::PtCc,
        country: "PT",
        shapes: &[
            shape("dddddddd d LLd", Strong),
            shape("ddddddddd LLd", Strong),
            shape("dddddddddLLd", Strong),
        ],
        validate: citizen_card,
    },
];

/// A person's NIF: nine digits opening with 1, 2, 3 or 45, and its check.
pub(super) fn nif(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 8] = [9, 8, 7, 6, 5, 4, 3, 2];
    if !digits_n(s, 9) || !(matches!(s[0], b'1'..=b'3') || s.starts_with(b"45")) {
        return false;
    }
    mod11_check_ten_zero(&s[..8], &WEIGHTS) == Some(u32::from(s[8] - b'0'))
}

/// A citizen card number: nine digits, two version characters, and the
/// check digit over the eleven before it.
pub(super) fn citizen_card(s: &[u8]) -> bool {
    if s.len() != 12
        || !s[..9].iter().all(u8::is_ascii_digit)
        || !s[9..11].iter().all(u8::is_ascii_alphanumeric)
        || !s[11].is_ascii_digit()
    {
        return false;
    }
    // Every second value from the right doubled, and reduced by 9 when
    // over 9 (as in Luhn; the others stay as they are, letters too).
    let doubled = |v: u32| if v * 2 > 9 { v * 2 - 9 } else { v * 2 };
    let sum: u32 = s[..11]
        .iter()
        .rev()
        .enumerate()
        .filter_map(|(i, &b)| alnum_value(b).map(|v| if i % 2 == 0 { doubled(v) } else { v }))
        .sum();
    (10 - sum % 10) % 10 == u32::from(s[11] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{
        lines, one_digit_escapes, scan, valid_and_one_digit_changes_rejected,
    };

    fn nifs() -> Vec<&'static str> {
        // Generated with python-stdnum (pt.nif) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/pt_nif.txt"))
    }

    fn cards() -> Vec<&'static str> {
        // Generated with python-stdnum (pt.cc) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/pt_cc.txt"))
    }

    #[test]
    fn nif_check_digit() {
        // `10 → 0` lets a change of one digit escape now and then: bounded,
        // not zero.
        let (escaped, total) = one_digit_escapes(nif, &nifs());
        assert!(escaped * 15 < total, "{escaped} of {total}");
        for v in nifs() {
            let mut wrong = v.as_bytes().to_vec();
            wrong[8] = if wrong[8] == b'9' { b'0' } else { wrong[8] + 1 };
            assert!(!nif(&wrong), "{v}");
        }
        // python-stdnum's example is a company's number: valid, not a
        // person's.
        assert!(!nif(b"501964843") && !nif(b"000000000") && !nif(b"12345678"));
    }

    #[test]
    fn citizen_card_check_digit() {
        // Digits are caught as by Luhn; a letter and a digit can share a
        // value once doubled (`Z` and `5`), so letters are not.
        valid_and_one_digit_changes_rejected(citizen_card, &cards());
        // python-stdnum's example.
        assert!(citizen_card(b"000000000ZZ4") && !citizen_card(b"000000000ZZ3"));
    }

    #[test]
    fn in_chat() {
        let v = nifs()[0];
        for text in [format!("NIF {v}"), format!("o meu contribuinte é {v}")] {
            assert_eq!(scan(&text, None), [(Kind::PtNif, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("PT")), [(Kind::PtNif, v.into())]);
        assert!(scan(&format!("encomenda {v}"), Some("PT")).is_empty());
        assert!(scan(v, Some("BR")).is_empty());
        let c = cards()[0];
        let printed = format!("{} {} {}", &c[..8], &c[8..9], &c[9..]);
        for text in [printed.clone(), c.to_string()] {
            assert_eq!(scan(&text, Some("GB")), [(Kind::PtCc, text.clone())]);
        }
        assert_eq!(
            scan(&format!("cartão de cidadão {printed}"), None),
            [(Kind::PtCc, printed.clone())]
        );
    }

    #[test]
    fn a_lisbon_landline_stays_a_phone() {
        // Both a valid NIF and a Lisbon number: the phone without a keyword,
        // the NIF after one.
        assert!(nif(b"213456788"));
        let scanner = crate::Scanner::builder().region("PT").build().unwrap();
        let found = scanner.scan("ligue 213456788");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Phone);
        let found = scanner.scan("NIF 213456788");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::PtNif);
    }
}
