//! China: resident identity card number (居民身份证号码).
//!
//! Eighteen characters: a six-digit address code (the first two digits a
//! province: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83), the
//! birth date `YYYYMMDD`, a three-digit sequence (odd for men) and an ISO
//! 7064 mod 11-2 check character (`X` for 10), which catches every
//! single-digit change. Province, a real date and the check together leave
//! about one random 18-digit string in a hundred thousand, so the number
//! stands without a keyword.
//!
//! The Foreign Permanent Resident ID Card issued since 1 December 2023
//! (National Immigration Administration, announcement of the 2023 edition)
//! uses the same 18 positions and check: `9`, the two-digit province that
//! accepted the application, a three-digit nationality code, the birth
//! date, a sequence and the check character. python-stdnum (`cn.ric`)
//! rejects it (no address code starts with 9), so its test values are
//! built from that layout with stdnum's check character.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::iso7064_mod11_2;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::CnResidentId,
    country: "CN",
    shapes: &[
        shape("dddddddddddddddddX", Strong),
        shape("dddddd dddddddd dddX", Strong),
    ],
    validate: resident_id,
}];

fn province_ok(p: u32) -> bool {
    matches!(p, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81..=83)
}

pub(super) fn resident_id(s: &[u8]) -> bool {
    if s.len() != 18 || !digits_n(&s[..17], 17) || !(s[17].is_ascii_digit() || s[17] == b'X') {
        return false;
    }
    let year = num(&s[6..10]);
    // A resident's address code, or `9` + province for a foreigner.
    let province = if s[0] == b'9' {
        num(&s[1..3])
    } else {
        num(&s[..2])
    };
    if !province_ok(province) || !(1900..=2099).contains(&year) {
        return false;
    }
    if !valid_date(year, num(&s[10..12]), num(&s[12..14])) {
        return false;
    }
    let check = match s[17] {
        b'X' => 10,
        d => u32::from(d - b'0'),
    };
    iso7064_mod11_2(&s[..17]) == Some(check)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (cn.ric).
    const IDS: &[&str] = &[
        "11010519491231002X",
        "360426199101010071",
        "310104197512311239",
    ];

    #[test]
    fn check_and_date() {
        valid_and_one_digit_changes_rejected(resident_id, IDS);
        assert!(!resident_id(b"11010519491331002X"));
    }

    /// Foreign Permanent Resident ID Cards (2023 edition): `9`, province,
    /// nationality, birth date, sequence, ISO 7064 mod 11-2 check.
    #[test]
    fn foreign_permanent_residents() {
        valid_and_one_digit_changes_rejected(
            resident_id,
            &["91184019850312001X", "931156200102280123"],
        );
        // `9` then no province (`99`), or a bad birth date.
        assert!(!resident_id(b"999840198503120014") && !resident_id(b"911840198513120019"));
        assert_eq!(
            scan("永久居留身份证 91184019850312001X", None),
            [(Kind::CnResidentId, "91184019850312001X".into())]
        );
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("身份证号码：11010519491231002X", None),
            [(Kind::CnResidentId, "11010519491231002X".into())]
        );
        assert_eq!(scan("我的11010519491231002x", None).len(), 1);
        assert!(scan("订单 110105194912310021", None).is_empty());
    }
}
