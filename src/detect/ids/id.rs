//! Indonesia: NIK (nomor induk kependudukan, on the KTP).
//!
//! Sixteen digits: province (two digits, 11–94), regency and district (two
//! each), the birth date `DDMMYY` with 40 added to the day for women, and a
//! four-digit serial from 0001. There is no check digit: one-digit changes
//! are caught only where they break the date or the region code, so a NIK
//! needs a keyword or an Indonesian conversation.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::IdNik,
    country: "ID",
    shapes: &[
        shape("dddddddddddddddd", Bare),
        shape("dd.dd.dd.dddddd.dddd", Home),
    ],
    validate: nik,
}];

/// Province codes of Indonesia's Dukcapil numbering.
fn province_ok(p: u32) -> bool {
    matches!(
        p,
        11..=19 | 21 | 31..=36 | 51..=53 | 61..=65 | 71..=76 | 81 | 82 | 91..=97
    )
}

pub(super) fn nik(s: &[u8]) -> bool {
    if !digits_n(s, 16) || !province_ok(num(&s[..2])) || &s[2..4] == b"00" || &s[12..] == b"0000" {
        return false;
    }
    let mut day = num(&s[6..8]);
    if day > 40 {
        day -= 40;
    }
    let (mm, yy) = (num(&s[8..10]), num(&s[10..12]));
    valid_date(1900 + yy, mm, day) || valid_date(2000 + yy, mm, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    // Generated with python-stdnum (id.nik).
    const NIKS: &[&str] = &["3171234512850001", "3273015502900123", "5171044107950002"];

    #[test]
    fn structure() {
        for v in NIKS {
            assert!(nik(v.as_bytes()), "{v}");
        }
        // Not a real date, province 99, serial 0000.
        for v in ["3171233212850001", "9971234512850001", "3171234512850000"] {
            assert!(!nik(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("NIK KTP 3171234512850001", None),
            [(Kind::IdNik, "3171234512850001".into())]
        );
        assert_eq!(scan("ini 3171234512850001 saya", Some("ID")).len(), 1);
        assert!(scan("pesanan 3171234512850001", Some("ID")).is_empty());
    }
}
