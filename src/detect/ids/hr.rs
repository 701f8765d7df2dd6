//! Croatia: personal identification number (OIB, osobni identifikacijski
//! broj).
//!
//! Eleven digits, the last an ISO 7064 mod 11,10 check digit (as the
//! German tax ID's). Nothing else in it is structured, and one random
//! number in ten passes the check, so it is read only after its keyword:
//! Croatians write `OIB:` before it on every form and invoice.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::iso7064_mod11_10;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::HrOib,
    country: "HR",
    shapes: &[shape("ddddddddddd", Keyword)],
    validate: oib,
}];

pub(super) fn oib(s: &[u8]) -> bool {
    digits_n(s, 11) && iso7064_mod11_10(&s[..10]) == Some(u32::from(s[10] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (hr.oib) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/hr_oib.txt"))
    }

    #[test]
    fn iso_7064_check_digit() {
        valid_and_one_digit_changes_rejected(oib, &values());
        // python-stdnum's example.
        assert!(oib(b"33392005961") && !oib(b"33392005962"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        assert_eq!(scan(&format!("OIB: {v}"), None), [(Kind::HrOib, v.into())]);
        assert!(scan(v, Some("HR")).is_empty());
        assert!(scan(&format!("narudžba {v}"), Some("HR")).is_empty());
    }
}
