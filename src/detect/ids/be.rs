//! Belgium: national register number (rijksregisternummer, numéro de
//! registre national), on the eID card as `85.07.30-033.28`.
//!
//! Eleven digits: the birth date `YYMMDD` (month `00` or day `00` when
//! unknown), a serial (odd for men) and a check number, `97 − (the first
//! nine as a number mod 97)`, with a `2` put before the nine for births
//! from 2000. The printed form with its dots and dash stands alone; the
//! bare eleven digits are read at home and as weak evidence elsewhere.
//! Births from 2000 are read up to 2030 (python-stdnum stops at the
//! current year).

use super::{digits_n, not_all_zeros, num, shape, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::BeNn,
    country: "BE",
    shapes: &[
        shape("dd.dd.dd-ddd.dd", Strong),
        shape("dddddd-ddd-dd", Home),
        shape("ddddddddddd", Checked),
    ],
    validate: national_number,
}];

pub(super) fn national_number(s: &[u8]) -> bool {
    if !digits_n(s, 11) || !not_all_zeros(s) || num(&s[2..4]) > 12 || num(&s[4..6]) > 31 {
        return false;
    }
    let body = u64::from(num(&s[..9]));
    let check = u64::from(num(&s[9..11]));
    97 - body % 97 == check
        || (2000 + num(&s[..2]) <= LAST_BIRTH_YEAR && 97 - (2_000_000_000 + body) % 97 == check)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (be.nn) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/be_nn.txt"))
    }

    #[test]
    fn check_number_mod_97() {
        // Two centuries, two check numbers: a change of the year's digits
        // now and then meets the other century's.
        let (escaped, total) = one_digit_escapes(national_number, &values());
        assert!(escaped * 30 < total, "{escaped} of {total}");
        // python-stdnum's example, and the eID's printed specimen form.
        assert!(national_number(b"85073003328") && !national_number(b"85073003329"));
        assert!(!national_number(b"00000000000") && !national_number(b"85133003328"));
    }

    #[test]
    fn in_chat() {
        let printed = "85.07.30-033.28";
        assert_eq!(scan(printed, Some("GB")), [(Kind::BeNn, printed.into())]);
        assert_eq!(
            scan("rijksregisternummer 85073003328", None),
            [(Kind::BeNn, "85073003328".into())]
        );
        assert_eq!(
            scan("85073003328", Some("BE")),
            [(Kind::BeNn, "85073003328".into())]
        );
        assert!(scan("bestelling 85073003328", Some("BE")).is_empty());
    }
}
