//! Honduras: DNI (documento nacional de identificación, RNP).
//!
//! Thirteen digits, printed `0801-1990-12345`: the department (01 to 18)
//! and municipality of registration, the birth year, and a serial. No check
//! digit is published; the department, a municipality code and a birth
//! year of the 1900s or 2000s are what is checked. The printed form is a
//! DNI in a Honduran conversation or after a keyword (`DNI`, `identidad`);
//! thirteen bare digits are one in Honduras (phone numbers there are eight
//! digits) and weak evidence elsewhere.

use super::{digits_n, not_all_zeros, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::HnDni,
    country: "HN",
    shapes: &[
        shape("dddd-dddd-ddddd", Home),
        shape("dddd dddd ddddd", Home),
        shape("ddddddddddddd", Checked),
    ],
    validate: dni,
}];

pub(super) fn dni(s: &[u8]) -> bool {
    digits_n(s, 13)
        && matches!(num(&s[..2]), 1..=18)
        && matches!(num(&s[2..4]), 1..=28)
        && matches!(&s[4..6], b"19" | b"20")
        && not_all_zeros(&s[8..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn department_municipality_and_year() {
        assert!(dni(b"0801199012345") && dni(b"1804200300017"));
        for bad in [
            "1901199012345",
            "0800199012345",
            "0801179012345",
            "0801199000000",
        ] {
            assert!(!dni(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("DNI 0801-1990-12345", Some("GT")),
            [(Kind::HnDni, "0801-1990-12345".into())]
        );
        assert_eq!(scan("0801-1990-12345", Some("HN")).len(), 1);
        assert_eq!(scan("0801199012345", Some("HN")).len(), 1);
        assert!(scan("0801-1990-12345", Some("MX")).is_empty());
        assert!(scan("pedido 0801199012345", Some("HN")).is_empty());
    }
}
