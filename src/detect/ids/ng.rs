//! Nigeria: NIN (national identification number, NIMC).
//!
//! Eleven digits. NIMC publishes no check digit and no structure beyond
//! the length (numbers do not start with 0), so validation is structure
//! only. Outside Nigeria eleven bare digits need the keyword (`NIN`,
//! `NIMC`). In a Nigerian conversation, eleven digits not starting with 0
//! that no veto word claims (order, ref, tracking …) are an identity number
//! far more often than anything else: Nigerian mobile numbers are eleven
//! digits starting with 0, bank account numbers (NUBAN) ten, and the other
//! eleven-digit number people share, the BVN, is personal data too. So a
//! bare NIN is reported there, at the low confidence that lets a valid
//! phone number win.
//!
//! A BVN (bank verification number, CBN/NIBSS) is eleven digits too, with
//! no published check digit or structure beyond that; it is reported only
//! after its keyword (`BVN`), where it beats a bare NIN.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::NgNin,
        country: "NG",
        shapes: &[shape("ddddddddddd", Bare), shape("dddd dddd ddd", Keyword)],
        validate: nin,
    },
    IdSpec {
        kind: Kind::NgBvn,
        country: "NG",
        shapes: &[
            shape("ddddddddddd", Keyword),
            shape("dddd dddd ddd", Keyword),
        ],
        validate: nin,
    },
];

pub(super) fn nin(s: &[u8]) -> bool {
    digits_n(s, 11) && s[0] != b'0'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn structure_only() {
        assert!(nin(b"12345678901"));
        assert!(!nin(b"02345678901") && !nin(b"1234567890"));
        // No check digit: one-digit changes cannot be detected.
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my NIN is 12345678901", None),
            [(Kind::NgNin, "12345678901".into())]
        );
        assert!(scan("ok here 12345678901", None).is_empty());
        assert_eq!(scan("ok here 12345678901", Some("NG")).len(), 1);
        assert!(scan("Ref: 12345678901", Some("NG")).is_empty());
        assert!(scan("call 08031234567", Some("NG")).is_empty());
        // A prepaid meter's and a roll number, and a round count.
        assert!(scan("Meter no: 14229057782", Some("NG")).is_empty());
        assert!(scan("prepaid meter 45123456789 pls", Some("NG")).is_empty());
        assert!(scan("Meter 45123456789 recharge successful", Some("NG")).is_empty());
        assert!(scan("Roll no. 21021271006", Some("NG")).is_empty());
        assert!(scan("repitió 10000000000 veces", Some("NG")).is_empty());
    }

    #[test]
    fn bvn_after_its_keyword() {
        assert_eq!(
            scan("abeg send your BVN: 22123456789", None),
            [(Kind::NgBvn, "22123456789".into())]
        );
        assert_eq!(
            scan("my bvn na 22123456789", Some("NG")),
            [(Kind::NgBvn, "22123456789".into())]
        );
        assert_eq!(
            scan("Bank Verification Number 2212 3456 789", None),
            [(Kind::NgBvn, "2212 3456 789".into())]
        );
        assert!(scan("22123456789", None).is_empty());
        // A generic identity word names the BVN when the BVN is named.
        assert_eq!(
            scan("for KYC: BVN number 22123456789", Some("NG")),
            [(Kind::NgBvn, "22123456789".into())]
        );
        assert_eq!(
            scan("for KYC: 12345678901", Some("NG")),
            [(Kind::NgNin, "12345678901".into())]
        );
    }
}
