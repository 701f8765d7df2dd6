//! Cuba: the identity number (número de identidad, NI) of the carnet de
//! identidad.
//!
//! Eleven digits: the birth date `YYMMDD`, a century digit (`9` born in the
//! 1800s, `0`–`5` the 1900s, `6`–`8` from 2000), and four more whose
//! second-to-last is the sex (even for men). Nothing else is checked, and
//! no check digit is published. Cuban shops sell through WhatsApp groups,
//! and remittance and top-up agents ask for the carnet's number.
//!
//! A random eleven-digit number has a real date about one time in
//! thirty, far too often to read bare digits; the number is read only
//! after a keyword (`carnet de identidad`, `carné de identidad`,
//! `número de identidad`, `CI`, or a generic identity word).

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::CuNi,
    country: "CU",
    shapes: &[shape("ddddddddddd", Keyword)],
    validate: ni,
}];

pub(super) fn ni(s: &[u8]) -> bool {
    if !digits_n(s, 11) {
        return false;
    }
    let century = match s[6] {
        b'9' => 1800,
        b'0'..=b'5' => 1900,
        _ => 2000,
    };
    let year = century + num(&s[..2]);
    year <= LAST_BIRTH_YEAR && valid_date(year, num(&s[2..4]), num(&s[4..6]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (cu.ni) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/cu_ni.txt"))
    }

    #[test]
    fn birth_date_and_century() {
        for v in values() {
            assert!(ni(v.as_bytes()), "{v}");
        }
        // python-stdnum's examples: 1991, 1972, 1885; a 30th of February.
        assert!(ni(b"91021027775") && ni(b"72062506561") && ni(b"85020291531"));
        assert!(!ni(b"02023061531"));
        // Born in 2085 (century digit 6): not yet.
        assert!(!ni(b"85020261531"));
        assert!(!ni(b"9102102777") && !ni(b"910210277751"));
    }

    #[test]
    fn in_chat() {
        for text in [
            "mi carnet de identidad es 91021027775",
            "CI: 91021027775",
            "número de identidad 91021027775",
        ] {
            assert_eq!(
                scan(text, Some("CU")),
                [(Kind::CuNi, "91021027775".into())],
                "{text}"
            );
        }
        // Bare, even in Cuba, a date is no evidence.
        assert!(scan("91021027775", Some("CU")).is_empty());
        assert!(scan("pedido 91021027775", Some("CU")).is_empty());
    }
}
