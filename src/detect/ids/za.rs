//! South Africa: identity number.
//!
//! Thirteen digits, `YYMMDD SSSS C A Z`: the birth date, a gender sequence
//! (0000–4999 female, 5000–9999 male), citizenship (0 citizen, 1 permanent
//! resident, 2 refugee), a digit that was once used for race (now 8 or 9)
//! and a Luhn check digit, which catches every single-digit change.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ZaId,
    country: "ZA",
    shapes: &[
        shape("dddddd dddd ddd", Home),
        shape("dddddd dddd dd d", Home),
        shape("ddddddddddddd", Bare),
    ],
    validate: za_id,
}];

pub(super) fn za_id(s: &[u8]) -> bool {
    if !digits_n(s, 13) || !matches!(s[10], b'0' | b'1' | b'2') {
        return false;
    }
    let (yy, mm, dd) = (num(&s[..2]), num(&s[2..4]), num(&s[4..6]));
    (valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd)) && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (za.idnr).
    const IDS: &[&str] = &[
        "7503305044089",
        "8001015009087",
        "9202204720083",
        "8801015009080",
    ];

    #[test]
    fn luhn_and_date() {
        valid_and_one_digit_changes_rejected(za_id, IDS);
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("ID number 7503305044089", None),
            [(Kind::ZaId, "7503305044089".into())]
        );
        assert_eq!(scan("ok 7503305044089", Some("ZA")).len(), 1);
        assert!(scan("ok 7503305044089", None).is_empty());
    }
}
