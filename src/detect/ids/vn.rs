//! Vietnam: citizen identity number (số định danh cá nhân, on the CCCD).
//!
//! Twelve digits (Decree 137/2015/ND-CP, Circular 07/2016/TT-BCA): the
//! three-digit code of the province where the birth was registered, a
//! digit for century and sex (0/1 men/women born in the 1900s, 2/3 in the
//! 2000s; later digits are for centuries no one living was born in), the
//! last two digits of the birth year and six random digits. There is no
//! check digit; province and century are what is checked (python-stdnum
//! has no module for it). Twelve bare digits need a Vietnamese
//! conversation or a keyword (`CCCD`, `căn cước`).

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::VnCccd,
    country: "VN",
    shapes: &[shape("dddddddddddd", Bare)],
    validate: cccd,
}];

/// Province codes of Circular 07/2016/TT-BCA (the 63 provinces).
const PROVINCES: &[u16] = &[
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// [`PROVINCES`] as a bit set: the check runs on many 12-digit numbers.
const PROVINCE_BITS: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < PROVINCES.len() {
        bits |= 1 << PROVINCES[i];
        i += 1;
    }
    bits
};

pub(super) fn cccd(s: &[u8]) -> bool {
    digits_n(s, 12)
        && matches!(s[3], b'0'..=b'3')
        && num(&s[..3]) < 128
        && PROVINCE_BITS & (1 << num(&s[..3])) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    // Province, century/sex digit, year of birth, random digits.
    const IDS: &[&str] = &["001099012345", "079203004567", "048185123456"];

    #[test]
    fn province_and_century() {
        for v in IDS {
            assert!(cccd(v.as_bytes()), "{v}");
        }
        // Province 003 and 097 do not exist; century digit 4 is the 2100s.
        for v in [
            "003099012345",
            "097099012345",
            "001499012345",
            "00109901234",
        ] {
            assert!(!cccd(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("số CCCD của em là 001099012345", None),
            [(Kind::VnCccd, "001099012345".into())]
        );
        assert_eq!(
            scan("căn cước 079203004567", None),
            [(Kind::VnCccd, "079203004567".into())]
        );
        assert_eq!(scan("001099012345", Some("VN")).len(), 1);
        assert!(scan("001099012345", Some("TH")).is_empty());
    }
}
