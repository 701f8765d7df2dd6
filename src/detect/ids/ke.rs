//! Kenya: KRA PIN (Kenya Revenue Authority personal identification number)
//! and the national identity card's number.
//!
//! KRA PIN: eleven characters, `A` (individuals) or `P` (non-individuals),
//! nine digits and a letter (python-stdnum's `ke.pin`). KRA publishes no
//! check character, so the structure is all that can be checked: a Kenyan
//! conversation or a keyword (`KRA PIN`) is needed, and a veto word (order,
//! ref …) still rules it out.
//!
//! The ID card number: seven or eight digits (older cards have seven),
//! with no check digit and no structure beyond that, which M-Pesa agents,
//! lenders and couriers ask for. Digits that short are everything else too,
//! so it is reported only in a Kenyan conversation, after its keyword (`ID
//! no`, `kitambulisho`) or a generic identity word (`national ID`).

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::KeKraPin,
        country: "KE",
        shapes: &[shape("LdddddddddL", Checked)],
        validate: kra_pin,
    },
    IdSpec {
        kind: Kind::KeNationalId,
        country: "KE",
        shapes: &[
            shape("dddddddd", HomeKeyword),
            shape("ddddddd", HomeKeyword),
        ],
        validate: national_id,
    },
];

pub(super) fn national_id(s: &[u8]) -> bool {
    (digits_n(s, 7) || digits_n(s, 8)) && s[0] != b'0'
}

pub(super) fn kra_pin(s: &[u8]) -> bool {
    s.len() == 11
        && matches!(s[0], b'A' | b'P')
        && digits_n(&s[1..10], 9)
        && s[10].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    /// Generated with python-stdnum (ke.pin) by tests/data/ids/gen_vectors.py.
    fn valid() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/ke_kra_pin.txt"))
    }

    #[test]
    fn structure() {
        for v in valid() {
            assert!(kra_pin(v.as_bytes()), "{v}");
            // No check character: the prefix and the letter are checked.
            let mut b = v.as_bytes().to_vec();
            b[0] = b'B';
            assert!(!kra_pin(&b));
            b = v.as_bytes().to_vec();
            b[10] = b'7';
            assert!(!kra_pin(&b));
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("KRA PIN yangu ni A012345678Z", None),
            [(Kind::KeKraPin, "A012345678Z".into())]
        );
        assert_eq!(
            scan("nitumie P051234567Q", Some("KE")),
            [(Kind::KeKraPin, "P051234567Q".into())]
        );
        // "PIN" alone is a veto word (a one-time PIN); "KRA PIN" is not.
        assert_eq!(scan("KRA pin: P051234567Q", None).len(), 1);
        assert!(scan("A012345678Z", None).is_empty());
        assert!(scan("order A012345678Z", Some("KE")).is_empty());
        assert!(scan("KRA PIN B012345678Z", None).is_empty());
    }

    #[test]
    fn national_id_in_chat() {
        for (text, region, value) in [
            ("ID no 23456789", Some("KE"), "23456789"),
            ("my ID number: 2345678", Some("KE"), "2345678"),
            ("namba ya kitambulisho ni 23456789", Some("KE"), "23456789"),
            ("national ID 23456789 jina John", Some("KE"), "23456789"),
        ] {
            assert_eq!(
                scan(text, region),
                [(Kind::KeNationalId, value.into())],
                "{text}"
            );
        }
        for (text, region) in [
            // Unnamed: seven or eight digits are anything.
            ("23456789", Some("KE")),
            ("tuma 23456789", Some("KE")),
            // Named, but elsewhere: seven or eight digits after `ID no`
            // are any card's or employer's number.
            ("national ID 23456789", Some("IN")),
            ("ID no 23456789", Some("IN")),
            ("kitambulisho 23456789", None),
            // Nine digits, a leading zero, a veto word.
            ("ID no 234567891", Some("KE")),
            ("ID no 03456789", Some("KE")),
            ("order ID no 23456789", Some("KE")),
        ] {
            assert!(
                scan(text, region)
                    .iter()
                    .all(|(k, _)| *k != Kind::KeNationalId),
                "{text}"
            );
        }
    }
}
