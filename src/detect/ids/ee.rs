//! Estonia: personal identification code (isikukood).
//!
//! Eleven digits: sex and century (`1`–`2` born in the 1800s, `3`–`4` the
//! 1900s, `5`–`6` from 2000), the birth date `YYMMDD`, a serial, and a
//! mod-11 check digit: weights `1234567891`, or `3456789123` when the
//! first sum leaves 10 (`10 → 0` if the second does too). Lithuania's
//! asmens kodas is built the same way (see [`super::lt`]). Births are read
//! up to 2030.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::EeIsikukood,
    country: "EE",
    shapes: &[shape("ddddddddddd", Checked)],
    validate: isikukood,
}];

pub(super) fn isikukood(s: &[u8]) -> bool {
    digits_n(s, 11) && birth_date(s) && check_digit(s)
}

/// Whether the century digit and the date `YYMMDD` after it are real.
pub(super) fn birth_date(s: &[u8]) -> bool {
    let century = match s[0] {
        b'1' | b'2' => 1800,
        b'3' | b'4' => 1900,
        b'5' | b'6' => 2000,
        _ => return false,
    };
    let year = century + num(&s[1..3]);
    year <= LAST_BIRTH_YEAR && valid_date(year, num(&s[3..5]), num(&s[5..7]))
}

/// The two-pass mod-11 check digit over the first ten digits.
pub(super) fn check_digit(s: &[u8]) -> bool {
    const FIRST: [u32; 10] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
    const SECOND: [u32; 10] = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
    let r = match weighted_mod(&s[..10], &FIRST, 11) {
        Some(10) => weighted_mod(&s[..10], &SECOND, 11),
        r => r,
    };
    r.is_some_and(|r| r % 10 == u32::from(s[10] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (ee.ik) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ee_isikukood.txt"))
    }

    #[test]
    fn date_and_check_digit() {
        // The second pass and `10 → 0` let a rare change through.
        let (escaped, total) = one_digit_escapes(isikukood, &values());
        assert!(escaped * 30 < total, "{escaped} of {total}");
        // python-stdnum's example; a 30th of February.
        assert!(isikukood(b"36805280109") && !isikukood(b"36805280108"));
        assert!(!isikukood(b"36802300109"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        assert_eq!(
            scan(&format!("isikukood {v}"), None),
            [(Kind::EeIsikukood, v.into())]
        );
        assert_eq!(scan(v, Some("EE")), [(Kind::EeIsikukood, v.into())]);
        assert!(scan(&format!("tellimus {v}"), Some("EE")).is_empty());
    }
}
