//! Egypt: national ID number (الرقم القومي).
//!
//! Fourteen digits: the century of birth (2 for the 1900s, 3 for the
//! 2000s), the birth date `YYMMDD`, the governorate of birth (01–04 the
//! city governorates, 11–19 Lower Egypt, 21–29 Upper Egypt, 31–35 the
//! frontier governorates, 88 born abroad), a four-digit sequence whose last
//! digit gives the sex, and a check digit. The Civil Status Organization
//! does not publish the check digit's formula, so the century, a real date
//! and the governorate are what is checked (python-stdnum has no module for
//! it). Fourteen bare digits need an Egyptian conversation or a keyword
//! (`الرقم القومي`).

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::EgNationalId,
    country: "EG",
    shapes: &[shape("dddddddddddddd", Checked)],
    validate: national_id,
}];

fn governorate_ok(g: u32) -> bool {
    matches!(g, 1..=4 | 11..=19 | 21..=29 | 31..=35 | 88)
}

pub(super) fn national_id(s: &[u8]) -> bool {
    if !digits_n(s, 14) || !governorate_ok(num(&s[7..9])) {
        return false;
    }
    let century = match s[0] {
        b'2' => 1900,
        b'3' => 2000,
        _ => return false,
    };
    valid_date(century + num(&s[1..3]), num(&s[3..5]), num(&s[5..7]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    // The published layout: century, birth date, governorate, sequence, check.
    const IDS: &[&str] = &["29001010112345", "30512312101234", "28502288812343"];

    #[test]
    fn century_date_and_governorate() {
        for v in IDS {
            assert!(national_id(v.as_bytes()), "{v}");
        }
        for v in [
            "19001010112345", // century 1
            "29013010112345", // month 13
            "29002300112345", // 30 February
            "29001010512345", // governorate 05
            "29001013012345", // governorate 30
        ] {
            assert!(!national_id(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("الرقم القومي بتاعي 29001010112345", None),
            [(Kind::EgNationalId, "29001010112345".into())]
        );
        assert_eq!(scan("29001010112345", Some("EG")).len(), 1);
        assert!(scan("29001010112345", Some("FR")).is_empty());
        assert!(scan("طلب 29001010112345", Some("EG")).is_empty());
    }
}
