//! Saudi Arabia: national ID and iqama (resident identity) number.
//!
//! Ten digits: `1` for citizens (national ID), `2` for residents (iqama),
//! then eight digits and a Luhn check digit over the ten, which catches
//! every single-digit change. Ten digits are common in chat, so a bare
//! number needs a Saudi conversation or a keyword (`هوية وطنية`, `iqama`,
//! `إقامة`). python-stdnum has no module for it; the test values carry the
//! Luhn digit the Ministry of Interior's scheme uses.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::SaNationalId,
    country: "SA",
    shapes: &[shape("dddddddddd", Checked)],
    validate: national_id,
}];

pub(super) fn national_id(s: &[u8]) -> bool {
    digits_n(s, 10) && matches!(s[0], b'1' | b'2') && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    const IDS: &[&str] = &["1012345672", "2234567895", "1098765439"];

    #[test]
    fn type_digit_and_luhn() {
        valid_and_one_digit_changes_rejected(national_id, IDS);
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("رقم الهوية الوطنية 1012345672", None),
            [(Kind::SaNationalId, "1012345672".into())]
        );
        assert_eq!(
            scan("my iqama no 2234567895", None),
            [(Kind::SaNationalId, "2234567895".into())]
        );
        // "My ID number", as a customer writes it.
        assert_eq!(
            scan("رقم هويتي 1012345672", None),
            [(Kind::SaNationalId, "1012345672".into())]
        );
        assert_eq!(
            scan("هويتي 1012345672", Some("SA")),
            [(Kind::SaNationalId, "1012345672".into())]
        );
        assert_eq!(
            scan("رقم هوية 1012345672", Some("SA")),
            [(Kind::SaNationalId, "1012345672".into())]
        );
        assert_eq!(scan("1012345672", Some("SA")).len(), 1);
        assert!(scan("1012345672", Some("US")).is_empty());
        assert!(scan("طلب 1012345672", Some("SA")).is_empty());
    }
}
