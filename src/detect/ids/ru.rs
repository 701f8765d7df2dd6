//! Russia: ИНН (INN, taxpayer identification number, ФНС) of a person.
//!
//! Twelve digits: a tax office's region code, a serial, and two check
//! digits, each `Σ wᵢ·dᵢ mod 11 mod 10` over the digits before it (weights
//! `7 2 4 10 3 5 9 4 6 8` for the first, `3 7 2 4 10 3 5 9 4 6 8` for the
//! second). One random number in about a hundred passes both. Ten-digit
//! INNs belong to companies, which are not personal data, and are left
//! alone. Twelve bare digits are an INN in a Russian conversation and weak
//! evidence elsewhere; the keyword is `ИНН`.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::RuInn,
    country: "RU",
    shapes: &[shape("dddddddddddd", Checked)],
    validate: personal_inn,
}];

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
}
