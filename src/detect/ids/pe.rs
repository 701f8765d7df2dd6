//! Peru: DNI (documento nacional de identidad, RENIEC), also called CUI.
//!
//! Eight digits, which is how Peruvians write it on every form and in
//! chat. The card prints a check character after them (a digit or a
//! letter: RENIEC's weights `3 2 7 6 5 4 3 2`, mod 11, mapped to
//! `65432110987` or `KJIHGFEDCBA`); written with it (`12345678-5`), the
//! number validates and stands alone in a Peruvian conversation. Eight bare
//! digits have no check and are a date, an amount or an order as often:
//! they need a keyword (`DNI`, `CUI`).

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::PeDni,
    country: "PE",
    shapes: &[shape("dddddddd", Keyword), shape("dddddddd-X", Home)],
    validate: dni,
}];

/// Eight digits, or eight digits and their check character.
pub(super) fn dni(s: &[u8]) -> bool {
    match s.len() {
        8 => digits_n(s, 8),
        9 => digits_n(&s[..8], 8) && check_characters(&s[..8]).contains(&s[8]),
        _ => false,
    }
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
    use crate::detect::ids::testutil::{lines, scan};

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
}
