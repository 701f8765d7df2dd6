//! Malaysia: MyKad number (NRIC, nombor kad pengenalan).
//!
//! Twelve digits `YYMMDD-PB-###G`: the birth date, a two-digit place of
//! birth (a state code 01–16 and 21–59, 82 for unknown states, or a country
//! code for people born abroad, from the National Registration Department's
//! table; python-stdnum's `my.nric` carries it), a serial and a last digit
//! that gives the sex. There is no check digit. The hyphenated form is how
//! the card prints it and stands alone; twelve bare digits need a Malaysian
//! conversation or a keyword (`MyKad`, `IC`, `no. KP`).

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::MyNric,
    country: "MY",
    shapes: &[
        shape("dddddd-dd-dddd", Strong),
        shape("dddddd dd dddd", Home),
        shape("dddddddddddd", Checked),
    ],
    validate: nric,
}];

/// Place-of-birth codes of the National Registration Department (JPN).
fn place_ok(p: u32) -> bool {
    matches!(p, 1..=16 | 21..=68 | 71 | 72 | 74..=79 | 82..=93 | 98 | 99)
}

pub(super) fn nric(s: &[u8]) -> bool {
    if !digits_n(s, 12) || !place_ok(num(&s[6..8])) {
        return false;
    }
    let (yy, mm, dd) = (num(&s[..2]), num(&s[2..4]), num(&s[4..6]));
    valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    /// Generated with python-stdnum (my.nric) by tests/data/ids/gen_vectors.py.
    fn valid() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/my_nric.txt"))
    }

    #[test]
    fn date_and_place() {
        for v in valid() {
            assert!(nric(v.as_bytes()), "{v}");
        }
        // No check digit: a bad month, day or place of birth is caught.
        for v in [
            "901301145678",
            "900230145678",
            "900101175678",
            "900101005678",
            "900101705678",
        ] {
            assert!(!nric(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("No. KP saya 900101-14-5678", None),
            [(Kind::MyNric, "900101-14-5678".into())]
        );
        assert_eq!(
            scan("IC number saya 900101145678", None),
            [(Kind::MyNric, "900101145678".into())]
        );
        assert_eq!(scan("900101145678", Some("MY")).len(), 1);
        assert!(scan("900101145678", Some("GB")).is_empty());
        assert!(scan("pesanan 900101145678", Some("MY")).is_empty());
    }
}
