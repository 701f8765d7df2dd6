//! United Arab Emirates: Emirates ID number (ICP).
//!
//! Fifteen digits written `784-YYYY-NNNNNNN-C` on the card: 784 (the ISO
//! 3166 numeric code of the UAE), the holder's year of birth, a serial and
//! a Luhn check digit over the fifteen, which catches every single-digit
//! change. The dashed form stands alone; fifteen bare digits need an
//! Emirati conversation or a keyword (`Emirates ID`, `رقم الهوية`).
//! python-stdnum has no module for it, so the test values follow the
//! published layout with the Luhn digit computed by our checked Luhn.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::AeEmiratesId,
    country: "AE",
    shapes: &[
        shape("ddd-dddd-ddddddd-d", Strong),
        shape("ddd dddd ddddddd d", Strong),
        shape("ddddddddddddddd", Checked),
    ],
    validate: emirates_id,
}];

pub(super) fn emirates_id(s: &[u8]) -> bool {
    digits_n(s, 15) && &s[..3] == b"784" && (1900..=2099).contains(&num(&s[3..7])) && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // The layout of the card (784, birth year, serial) with its Luhn digit.
    const IDS: &[&str] = &["784198512345673", "784200112345671", "784196865703050"];

    #[test]
    fn prefix_year_and_luhn() {
        valid_and_one_digit_changes_rejected(emirates_id, IDS);
        assert!(!emirates_id(b"784185012345675"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("Emirates ID: 784-1985-1234567-3", None),
            [(Kind::AeEmiratesId, "784-1985-1234567-3".into())]
        );
        assert_eq!(
            scan("رقم الهوية 784198512345673", None),
            [(Kind::AeEmiratesId, "784198512345673".into())]
        );
        assert_eq!(scan("784198512345673", Some("AE")).len(), 1);
        assert!(scan("784198512345673", Some("IN")).is_empty());
        assert!(scan("784-1985-1234567-4", None).is_empty());
    }
}
