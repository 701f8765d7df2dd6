//! United States: Social Security Number and Individual Taxpayer
//! Identification Number.
//!
//! Neither has a check digit; validity is the numbering rules of the SSA
//! and the IRS. An SSN's area (first three digits) is never 000, 666 or
//! 900–999, its group never 00 and its serial never 0000, and a few numbers
//! published in advertising are void. ITINs take exactly the 900 areas,
//! with the groups the IRS assigns (50–65, 70–88, 90–92, 94–99), so the two
//! kinds never overlap. Without a check digit, nine bare digits say little:
//! a bare SSN needs a keyword (nine out of ten random numbers pass its
//! rules); a bare ITIN (area 9 and an assigned group: about one random
//! number in forty) also stands in a US conversation. `123-45-6789` is the
//! canonical form and stands alone.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::UsSsn,
        country: "US",
        shapes: &[
            shape("ddd-dd-dddd", Strong),
            shape("ddd dd dddd", Home),
            shape("ddddddddd", Keyword),
        ],
        validate: ssn,
    },
    IdSpec {
        kind: Kind::UsItin,
        country: "US",
        shapes: &[
            shape("ddd-dd-dddd", Strong),
            shape("ddd dd dddd", Home),
            shape("ddddddddd", Bare),
        ],
        validate: itin,
    },
];

/// Numbers the SSA voided after they were printed in advertisements.
const VOID: &[&[u8]] = &[b"078051120", b"219099999", b"457555462"];

pub(super) fn ssn(s: &[u8]) -> bool {
    if !digits_n(s, 9) || VOID.contains(&s) {
        return false;
    }
    let (area, group, serial) = (num(&s[..3]), num(&s[3..5]), num(&s[5..]));
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

pub(super) fn itin(s: &[u8]) -> bool {
    if !digits_n(s, 9) || s[0] != b'9' {
        return false;
    }
    let group = num(&s[3..5]);
    matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    // Generated with python-stdnum (us.ssn, us.itin).
    const SSNS: &[&str] = &["536904399", "001010001", "899999999", "123456789"];
    const ITINS: &[&str] = &["912701234", "999999999", "912941234"];

    #[test]
    fn rules() {
        for v in SSNS {
            assert!(ssn(v.as_bytes()), "{v}");
            assert!(!itin(v.as_bytes()), "{v}");
        }
        for v in ITINS {
            assert!(itin(v.as_bytes()), "{v}");
            assert!(!ssn(v.as_bytes()), "{v}");
        }
        for v in [
            "000123456",
            "666123456",
            "900123456",
            "123001234",
            "123450000",
            "078051120",
            "12345678",
            "12345678a",
        ] {
            assert!(!ssn(v.as_bytes()), "{v}");
        }
        for v in ["912891234", "912931234", "912661234", "812701234"] {
            assert!(!itin(v.as_bytes()), "{v}");
        }
        // No check digit: one-digit changes are caught only where they
        // break a range (area 666, group 00 …), which the tests above show.
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my SSN is 536-90-4399 ok", None),
            [(Kind::UsSsn, "536-90-4399".into())]
        );
        assert_eq!(
            scan("SSN: 536904399", Some("US")),
            [(Kind::UsSsn, "536904399".into())]
        );
        assert_eq!(
            scan("ITIN 912-70-1234", None),
            [(Kind::UsItin, "912-70-1234".into())]
        );
        // Bare nine digits without a keyword: an order number, a zip+4 …
        assert!(scan("ref 536904399 sent", Some("US")).is_empty());
        assert!(scan("ok 536904399", Some("US")).is_empty());
        // A generic identity word names the identifiers of the region.
        assert_eq!(
            scan("for KYC: 536904399", Some("US")),
            [(Kind::UsSsn, "536904399".into())]
        );
        assert!(scan("for KYC: 536904399", Some("GB")).is_empty());
        assert!(scan("SSN 666-12-3456", None).is_empty());
        assert!(scan("order 536-90-4399-1", None).is_empty());
        // A phone number with a calling code, not an SSN after it.
        assert!(scan("TEL +81 191-85-9003", None).is_empty());
        // The same dialled with an international prefix (from Argentina,
        // Korea, the US; the prefix and code glued or not).
        for dialled in [
            "llámame al 00 81 858-92-8256",
            "연락처: 001 81 143-12-4782",
            "call 0081 858-92-8256",
            "call 011 81 858-92-8256",
        ] {
            assert!(scan(dialled, None).is_empty(), "{dialled}");
        }
        // Digits before an SSN that dial nothing leave it one: no prefix,
        // no calling code, a longer run, or glued to a word.
        for (text, ssn) in [
            ("ref 05 81 858-92-8256", "858-92-8256"),
            ("ids 00 99 858-92-8256", "858-92-8256"),
            ("SSN 00 858-92-8256", "858-92-8256"),
            ("tel 12 34 00 81 858-92-8256", "858-92-8256"),
            ("x00 81 858-92-8256", "858-92-8256"),
        ] {
            assert_eq!(scan(text, None), [(Kind::UsSsn, ssn.into())], "{text}");
        }
        assert!(scan("code OD-536-90-4399", None).is_empty());
    }
}
