//! Dominican Republic: cédula de identidad y electoral (JCE).
//!
//! Eleven digits, printed `001-1234567-8`: a three-digit code of the office
//! that first issued it (`001` to the `400`s), a serial, and a Luhn check
//! digit over all eleven, which catches every single-digit change. The
//! hyphenated form is how the card, forms and people write it; eleven bare
//! digits are also a phone number with its `1` (`18095551234`), and a valid
//! phone number keeps them (0.8 and up beats a bare cédula's 0.75).
//!
//! python-stdnum (`do.cedula`) also accepts a few hundred early cédulas
//! that fail the check; they are not listed here, so those are missed.

use super::{digits_n, not_all_zeros, shape, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::DoCedula,
    country: "DO",
    shapes: &[shape("ddd-ddddddd-d", Home), shape("ddddddddddd", Checked)],
    validate: cedula,
}];

pub(super) fn cedula(s: &[u8]) -> bool {
    digits_n(s, 11) && not_all_zeros(s) && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (do.cedula) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/do_cedula.txt"))
    }

    fn hyphenated(v: &str) -> String {
        format!("{}-{}-{}", &v[..3], &v[3..10], &v[10..])
    }

    #[test]
    fn luhn_over_eleven_digits() {
        valid_and_one_digit_changes_rejected(cedula, &values());
        assert!(!cedula(b"00000000000") && !cedula(b"0011391820"));
        // python-stdnum's own example.
        assert!(cedula(b"00113918205") && !cedula(b"00113918204"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        let printed = hyphenated(v);
        assert_eq!(
            scan(&format!("mi cédula es {printed}"), None),
            [(Kind::DoCedula, printed.clone())]
        );
        assert_eq!(
            scan(&format!("Cedula: {v} gracias"), Some("MX")),
            [(Kind::DoCedula, v.into())]
        );
        assert_eq!(
            scan(&printed, Some("DO")),
            [(Kind::DoCedula, printed.clone())]
        );
        assert_eq!(scan(v, Some("DO")).len(), 1);
        // Elsewhere, unnamed: nothing (hyphenated) or weak evidence (bare).
        assert!(scan(&printed, Some("US")).is_empty());
        assert!(scan(v, Some("ES")).is_empty());
        assert!(scan(&format!("pedido {v}"), Some("DO")).is_empty());
    }

    #[test]
    fn a_dominican_mobile_stays_a_phone() {
        // `1 829 …` with its country code, eleven digits that also pass
        // the Luhn check: the phone number is the better read.
        assert!(cedula(b"18297145239"));
        let scanner = crate::Scanner::builder().region("DO").build().unwrap();
        let found = scanner.scan("llámame al 18297145239");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Phone);
    }
}
