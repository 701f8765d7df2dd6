//! Bulgaria: unified civil number (ЕГН, EGN).
//!
//! Ten digits: the birth date `YYMMDD`, with 20 added to the month for the
//! 1800s and 40 for births from 2000, a serial whose last digit gives the
//! sex, and a check digit (weights `2 4 8 5 10 9 7 3 6`, mod 11, `10 → 0`).
//! The date and the check leave few random numbers: the bare digits are
//! read at home and as weak evidence elsewhere. Births are read up to 2030.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::BgEgn,
    country: "BG",
    shapes: &[shape("dddddddddd", Checked)],
    validate: egn,
}];

pub(super) fn egn(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 9] = [2, 4, 8, 5, 10, 9, 7, 3, 6];
    if !digits_n(s, 10) {
        return false;
    }
    let (yy, month) = (num(&s[0..2]), num(&s[2..4]));
    let (year, month) = match month {
        41..=52 => (2000 + yy, month - 40),
        21..=32 => (1800 + yy, month - 20),
        _ => (1900 + yy, month),
    };
    year <= LAST_BIRTH_YEAR
        && valid_date(year, month, num(&s[4..6]))
        && weighted_mod(&s[..9], &WEIGHTS, 11).is_some_and(|r| r % 10 == u32::from(s[9] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (bg.egn) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/bg_egn.txt"))
    }

    #[test]
    fn date_and_check_digit() {
        // `10 → 0` shares a check digit between two remainders: a few
        // one-digit changes escape.
        let (escaped, total) = one_digit_escapes(egn, &values());
        assert!(escaped * 20 < total, "{escaped} of {total}");
        // python-stdnum's examples: two valid, an invalid date; its birth
        // in 2075 (`7542011030`) is not read yet.
        assert!(egn(b"7523169263") && egn(b"8032056031"));
        assert!(!egn(b"8019010008") && !egn(b"7523169264") && !egn(b"7542011030"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [format!("ЕГН {v}"), format!("egn: {v}")] {
            assert_eq!(scan(&text, None), [(Kind::BgEgn, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("BG")), [(Kind::BgEgn, v.into())]);
        assert!(scan(&format!("поръчка {v}"), Some("BG")).is_empty());
    }
}
