//! Nicaragua: cédula de identidad (CSE).
//!
//! Printed `001-010190-0001A`: the municipality of registration, the birth
//! date `DDMMYY`, a serial and a letter. The letter's algorithm is not
//! published, so the structure is what is checked: three digits, a real
//! date, four digits and a letter. Written so, with its hyphens, nothing
//! else looks like it, and it stands alone; run together
//! (`0010101900001A`) it needs a Nicaraguan conversation or a keyword.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::NiCedula,
    country: "NI",
    shapes: &[
        shape("ddd-dddddd-ddddL", Strong),
        shape("dddddddddddddL", Home),
    ],
    validate: cedula,
}];

pub(super) fn cedula(s: &[u8]) -> bool {
    if s.len() != 14 || !digits_n(&s[..13], 13) || !s[13].is_ascii_uppercase() {
        return false;
    }
    let (day, month, year) = (num(&s[3..5]), num(&s[5..7]), num(&s[7..9]));
    valid_date(1900 + year, month, day) || valid_date(2000 + year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn birth_date_and_letter() {
        assert!(cedula(b"0010101900001A") && cedula(b"4412912000123X"));
        assert!(!cedula(b"0013201900001A") && !cedula(b"0010113900001A"));
        assert!(!cedula(b"00101019000011") && !cedula(b"001010190001A"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("cédula 001-010190-0001A", None),
            [(Kind::NiCedula, "001-010190-0001A".into())]
        );
        assert_eq!(scan("001-010190-0001a", Some("US")).len(), 1);
        assert_eq!(scan("0010101900001A", Some("NI")).len(), 1);
        assert!(scan("0010101900001A", Some("MX")).is_empty());
    }
}
