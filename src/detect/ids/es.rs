//! Spain: NIF/DNI (citizens) and NIE (foreigners).
//!
//! A DNI is eight digits and a control letter, `TRWAGMYFPDXBNJZSQVHLCKE`
//! indexed by the number modulo 23, which catches every single-digit
//! change. An NIE replaces the first digit with `X`, `Y` or `Z` (0, 1, 2
//! for the letter's computation). The letter makes both distinctive in
//! chat, so they stand without a keyword.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::EsNif,
        country: "ES",
        shapes: &[
            shape("ddddddddL", Strong),
            shape("dddddddd-L", Strong),
            shape("dddddddd L", Home),
            shape("dd.ddd.ddd-L", Strong),
            shape("dd.ddd.dddL", Strong),
        ],
        validate: nif,
    },
    IdSpec {
        kind: Kind::EsNie,
        country: "ES",
        shapes: &[
            shape("LdddddddL", Strong),
            shape("L-ddddddd-L", Strong),
            shape("Ldddddddd-L", Strong),
            shape("L ddddddd L", Home),
        ],
        validate: nie,
    },
];

const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

fn letter(n: u32) -> u8 {
    LETTERS[(n % 23) as usize]
}

pub(crate) fn nif(s: &[u8]) -> bool {
    digits_n(s.get(..8).unwrap_or(&[]), 8) && s.len() == 9 && letter(num(&s[..8])) == s[8]
}

pub(super) fn nie(s: &[u8]) -> bool {
    if s.len() != 9 || !digits_n(&s[1..8], 7) {
        return false;
    }
    let first = match s[0] {
        b'X' => 0,
        b'Y' => 1,
        b'Z' => 2,
        _ => return false,
    };
    letter(first * 10_000_000 + num(&s[1..8])) == s[8]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (es.dni, es.nie).
    const NIFS: &[&str] = &["54362315K", "12345678Z", "00000000T"];
    const NIES: &[&str] = &["X2482300W", "Y1234567X", "Z8765432E", "Y0000001S"];

    #[test]
    fn letters() {
        valid_and_one_digit_changes_rejected(nif, NIFS);
        valid_and_one_digit_changes_rejected(nie, NIES);
        assert!(!nie(b"A1234567X") && !nif(b"1234567Z"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mi DNI es 12345678Z", None),
            [(Kind::EsNif, "12345678Z".into())]
        );
        assert_eq!(
            scan("DNI 12.345.678-Z ok", None),
            [(Kind::EsNif, "12.345.678-Z".into())]
        );
        assert_eq!(
            scan("NIE X-2482300-W", None),
            [(Kind::EsNie, "X-2482300-W".into())]
        );
        assert_eq!(
            scan("nie x2482300w", None),
            [(Kind::EsNie, "x2482300w".into())]
        );
        assert!(scan("12345678A", None).is_empty());
        assert!(scan("SKU 12345678ZX", None).is_empty());
    }
}
