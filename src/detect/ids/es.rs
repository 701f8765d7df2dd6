//! Spain: NIF/DNI (citizens), NIE (foreigners) and the social security
//! number.
//!
//! A DNI is eight digits and a control letter, `TRWAGMYFPDXBNJZSQVHLCKE`
//! indexed by the number modulo 23, which catches every single-digit
//! change. An NIE replaces the first digit with `X`, `Y` or `Z` (0, 1, 2
//! for the letter's computation) and has seven digits after it; people write
//! it compact, with hyphens around the digits, or with one hyphen before the
//! letter (`Y8063915-Z`). The letter makes both distinctive in chat, so they
//! stand without a keyword.
//!
//! Spaniards who have no DNI get a NIF with a letter in front: `K` (under
//! 14), `L` (resident abroad) or `M` (foreigners without NIE), seven digits,
//! and the DNI control letter of those seven digits (Orden EHA/451/2008,
//! art. 2; python-stdnum's `es.nif` checks them the same way). They are
//! rare, so they need a keyword or a Spanish conversation.
//!
//! The social security number (número de la Seguridad Social, NUSS/NAF),
//! which every worker gives an employer, is twelve digits: the province
//! (`01`–`53`), eight digits, and two control digits, the remainder mod 97
//! of the province and number read as one (when the eight digits are below
//! 10,000,000, of the number plus the province times 10,000,000). Printed
//! `28/12345678/40` it stands alone; spaced or dashed it needs a Spanish
//! conversation or its keyword; twelve bare digits, its keyword.

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
            // K/L/M + seven digits, written like an NIE; rare enough that
            // they need Spain or a keyword.
            shape("LdddddddL", Home),
            shape("Lddddddd-L", Home),
        ],
        validate: nif,
    },
    IdSpec {
        kind: Kind::EsNie,
        country: "ES",
        shapes: &[
            shape("LdddddddL", Strong),
            shape("L-ddddddd-L", Strong),
            shape("Lddddddd-L", Strong),
            shape("L ddddddd L", Home),
        ],
        validate: nie,
    },
    IdSpec {
        kind: Kind::EsNss,
        country: "ES",
        shapes: &[
            shape("dd/dddddddd/dd", Strong),
            shape("dd dddddddd dd", Home),
            shape("dd-dddddddd-dd", Home),
            shape("dddddddddddd", Keyword),
        ],
        validate: nss,
    },
];

pub(super) fn nss(s: &[u8]) -> bool {
    if !digits_n(s, 12) {
        return false;
    }
    let (province, number) = (u64::from(num(&s[..2])), u64::from(num(&s[2..10])));
    let read = if number < 10_000_000 {
        number + province * 10_000_000
    } else {
        province * 100_000_000 + number
    };
    (1..=53).contains(&province) && read % 97 == u64::from(num(&s[10..]))
}

const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

fn letter(n: u32) -> u8 {
    LETTERS[(n % 23) as usize]
}

pub(crate) fn nif(s: &[u8]) -> bool {
    if s.len() != 9 {
        return false;
    }
    match s[0] {
        b'K' | b'L' | b'M' => digits_n(&s[1..8], 7) && letter(num(&s[1..8])) == s[8],
        _ => digits_n(&s[..8], 8) && letter(num(&s[..8])) == s[8],
    }
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

    /// An NIE is `X`, `Y` or `Z`, seven digits and a letter (Orden
    /// INT/2058/2008, which added `Y` when `X` ran out); written with one
    /// hyphen before the letter it has seven digits, not eight.
    #[test]
    fn nie_with_a_hyphen_before_the_letter() {
        assert_eq!(
            scan("mi NIE es Y8063915-Z", None),
            [(Kind::EsNie, "Y8063915-Z".into())]
        );
        assert_eq!(scan("Y8063915-Z", None).len(), 1);
        assert!(scan("Y80639150-Z", None).is_empty());
    }

    /// NIFs of Spaniards without a DNI: `K`, `L`, `M`, seven digits and the
    /// DNI letter of those digits (Orden EHA/451/2008); generated with
    /// python-stdnum (es.nif).
    #[test]
    fn nif_k_l_m() {
        valid_and_one_digit_changes_rejected(nif, &["K1234567L", "L7654321J", "M0123456S"]);
        assert!(!nif(b"A1234567L") && !nie(b"K1234567L"));
        assert_eq!(
            scan("NIF L7654321J", None),
            [(Kind::EsNif, "L7654321J".into())]
        );
        assert_eq!(scan("M0123456-S", Some("ES")).len(), 1);
        assert!(scan("M0123456S", None).is_empty());
    }

    /// The example of a public validator's documentation (`281234567840`),
    /// and numbers below 10,000,000 in their province.
    #[test]
    fn social_security_number() {
        assert!(nss(b"281234567840") && !nss(b"281234567841"));
        // 08/01234567: 1,234,567 + 8 · 10,000,000 = 81,234,567 ≡ 74 (mod 97).
        assert!(nss(b"080123456774") && !nss(b"080123456703"));
        // A province that does not exist.
        assert!(!nss(b"991234567810") && !nss(b"001234567800"));
        for (region, text, value) in [
            ("MX", "28/12345678/40", "28/12345678/40"),
            (
                "ES",
                "mi número de la seguridad social: 28 12345678 40",
                "28 12345678 40",
            ),
            ("ES", "NUSS 281234567840", "281234567840"),
        ] {
            assert_eq!(
                scan(text, Some(region)),
                [(Kind::EsNss, value.into())],
                "{text}"
            );
        }
        assert!(scan("28 12345678 40", Some("IN")).is_empty());
        assert!(scan("281234567840", Some("ES")).is_empty());
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
