//! Bangladesh: national identity card number (NID, Election Commission).
//!
//! Three lengths are in use: ten digits on the smart cards issued since
//! 2016, and on the older laminated cards thirteen digits (district,
//! upazila, union and serial codes) or seventeen (the birth year and those
//! thirteen). No check digit is published, so beyond the length only the
//! seventeen-digit form's birth year is checked, and a number is reported
//! only after its keyword (`NID`, `এনআইডি`, `জাতীয় পরিচয়পত্র`, in Banglish
//! `jatiyo porichoy potro`): ten and thirteen bare digits are phone numbers
//! and orders as often. Customers send it to open bKash and Nagad wallets
//! and for cash-on-delivery checks.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::BdNid,
    country: "BD",
    shapes: &[
        shape("dddddddddd", Keyword),
        shape("ddddddddddddd", Keyword),
        shape("ddddddddddddddddd", Keyword),
        shape("ddd ddd dddd", Keyword),
    ],
    validate: nid,
}];

pub(super) fn nid(s: &[u8]) -> bool {
    match s.len() {
        10 | 13 => digits_n(s, s.len()) && s[0] != b'0',
        17 => digits_n(s, 17) && matches!(&s[..2], b"19" | b"20"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn lengths_and_birth_year() {
        for v in ["1234567890", "2612345678901", "19902612345678901"] {
            assert!(nid(v.as_bytes()), "{v}");
        }
        for v in [
            "0234567890",
            "123456789",
            "17902612345678901",
            "123456789012",
        ] {
            assert!(!nid(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("amar NID number 19902612345678901", Some("BD")),
            [(Kind::BdNid, "19902612345678901".into())]
        );
        assert_eq!(
            scan("NID: 123 456 7890", None),
            [(Kind::BdNid, "123 456 7890".into())]
        );
        assert_eq!(scan("এনআইডি নম্বর ১৯৯০২৬১২৩৪৫৬৭৮৯০১", Some("BD")).len(), 1);
        // The card's name as Banglish spells it.
        assert_eq!(
            scan("amar jatiyo porichoy potro number 4456123789", Some("BD")),
            [(Kind::BdNid, "4456123789".into())]
        );
        // Without the keyword, digits are digits.
        assert!(scan("1234567890", Some("BD")).is_empty());
        assert!(scan("order 19902612345678901", Some("BD")).is_empty());
    }
}
