//! Peru: DNI (documento nacional de identidad, RENIEC), also called CUI.
//!
//! Eight digits, which is how Peruvians write it on every form and in
//! chat. The card prints a check character after them (a digit or a
//! letter: RENIEC's weights `3 2 7 6 5 4 3 2`, mod 11, mapped to
//! `65432110987` or `KJIHGFEDCBA`); written with it (`12345678-5`), the
//! number validates and stands alone in a Peruvian conversation. Eight bare
//! digits have no check and are a date, an amount or an order as often:
//! they need a keyword (`DNI`, `CUI`).
//!
//! Peru: RUC (registro único de contribuyentes, SUNAT) of a person.
//!
//! Eleven digits: a type (`10` a person with a DNI, whose eight digits
//! follow; `15` and `17` people without one; `20` a company, not personal
//! data and not reported), eight digits and a check digit (weights
//! `5 4 3 2 7 6 5 4 3 2`, mod 11, 10 and 11 written 0), which catches
//! most single-digit changes (those that move the remainder between 0 and
//! 1 pass). Customers give it for an invoice (`factura con RUC …`), so a
//! person's RUC gives their DNI away. One random number in ten passes the
//! check and three type codes in a hundred open it: eleven bare digits are a
//! RUC in a Peruvian conversation (where mobile numbers are nine digits,
//! `51` and nine with the country code) and weak evidence elsewhere.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::{mod11_check_ten_zero, weighted_mod};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::PeDni,
        country: "PE",
        shapes: &[shape("dddddddd", Keyword), shape("dddddddd-X", Home)],
        validate: dni,
    },
    IdSpec {
        kind: Kind::PeRuc,
        country: "PE",
        shapes: &[shape("ddddddddddd", Checked)],
        validate: person_ruc,
    },
];

/// Eight digits, or eight digits and their check character.
pub(super) fn dni(s: &[u8]) -> bool {
    match s.len() {
        8 => digits_n(s, 8),
        9 => digits_n(&s[..8], 8) && check_characters(&s[..8]).contains(&s[8]),
        _ => false,
    }
}

/// A person's RUC: type `10`, `15` or `17`, and the check digit.
pub(super) fn person_ruc(s: &[u8]) -> bool {
    if !digits_n(s, 11) || !matches!(&s[..2], b"10" | b"15" | b"17") {
        return false;
    }
    mod11_check_ten_zero(&s[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) == Some(u32::from(s[10] - b'0'))
}

/// The two characters RENIEC may print as the check of `digits`: a digit
/// and a letter.
fn check_characters(digits: &[u8]) -> [u8; 2] {
    let r = weighted_mod(digits, &[3, 2, 7, 6, 5, 4, 3, 2], 11).unwrap_or(0) as usize;
    [b"65432110987"[r], b"KJIHGFEDCBA"[r]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (pe.cui) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/pe_dni.txt"))
    }

    #[test]
    fn check_character() {
        for v in values() {
            let compact = v.replace('-', "");
            assert!(dni(compact.as_bytes()), "{v}");
            if compact.len() == 9 {
                // Any other check character fails (the digit and the letter
                // of one remainder both pass).
                let valid = check_characters(&compact.as_bytes()[..8]);
                for c in (b'0'..=b'9').chain(b'A'..=b'Z') {
                    let mut other = compact.clone().into_bytes();
                    other[8] = c;
                    assert_eq!(dni(&other), valid.contains(&c), "{v} with {}", c as char);
                }
            }
        }
        assert!(!dni(b"1234567") && !dni(b"123456789012"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("boleta con DNI 45678912 por favor", Some("PE")),
            [(Kind::PeDni, "45678912".into())]
        );
        let with_check = values().into_iter().find(|v| v.contains('-')).unwrap();
        assert_eq!(
            scan(&format!("mi dni: {with_check}"), Some("PE")),
            [(Kind::PeDni, with_check.into())]
        );
        assert_eq!(scan(with_check, Some("PE")).len(), 1);
        // Eight bare digits say nothing by themselves.
        assert!(scan("45678912", Some("PE")).is_empty());
        assert!(scan("pedido 45678912", Some("PE")).is_empty());
    }

    fn rucs() -> Vec<&'static str> {
        // Generated with python-stdnum (pe.ruc) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/pe_ruc.txt"))
    }

    #[test]
    fn ruc_type_and_check_digit() {
        // Two remainders share the check digit 0: a few changes pass.
        let (escaped, total) = one_digit_escapes(person_ruc, &rucs());
        assert!(escaped * 20 <= total, "{escaped} of {total}");
        // python-stdnum's example, a company's RUC: valid, but not a person's.
        assert!(!person_ruc(b"20512333797"));
        let mut company = rucs()[0].as_bytes().to_vec();
        company[..2].copy_from_slice(b"20");
        assert!(!person_ruc(&company));
        assert!(!person_ruc(b"1046821536"));
    }

    #[test]
    fn ruc_in_chat() {
        let v = rucs()[0];
        assert_eq!(
            scan(&format!("mi RUC es {v} para la factura"), None),
            [(Kind::PeRuc, v.into())]
        );
        assert_eq!(
            scan(&format!("ruc: {v}"), Some("PE")),
            [(Kind::PeRuc, v.into())]
        );
        assert_eq!(scan(v, Some("PE")), [(Kind::PeRuc, v.into())]);
        // Elsewhere, unnamed: weak evidence, below the default threshold.
        assert!(scan(v, Some("MX")).is_empty());
        assert!(scan(&format!("pedido {v}"), Some("PE")).is_empty());
    }
}
