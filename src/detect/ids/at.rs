//! Austria: social insurance number (Sozialversicherungsnummer, on the
//! e-card), `1234 010180`.
//!
//! Ten digits: a three-digit serial that never opens with `0`, a check
//! digit, and (most often) the birth date `DDMMYY`. The check digit is the
//! weighted sum of the other nine mod 11 (weights `3 7 9 5 8 4 2 1 6`); a
//! number whose sum leaves 10 is never issued. The date is not checked:
//! numbers of people whose birth date was unknown hold another. The
//! grouped form is read in Austria or after a keyword, the bare digits
//! also as weak evidence elsewhere.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::AtSvnr,
    country: "AT",
    shapes: &[shape("dddd dddddd", Home), shape("dddddddddd", Bare)],
    validate: svnr,
}];

pub(super) fn svnr(s: &[u8]) -> bool {
    // The check digit's own place weighs 0.
    const WEIGHTS: [u32; 10] = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];
    digits_n(s, 10)
        && s[0] != b'0'
        && weighted_mod(s, &WEIGHTS, 11).is_some_and(|r| r == u32::from(s[3] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (at.vnr) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/at_svnr.txt"))
    }

    #[test]
    fn check_digit() {
        for v in values() {
            assert!(svnr(v.as_bytes()), "{v}");
            // Every weight but the check digit's is below 11 and not 0: a
            // changed digit anywhere breaks the check.
            crate::checksum::tests::for_each_one_digit_change(v.as_bytes(), |c| {
                assert!(!svnr(c), "{}", String::from_utf8_lossy(c));
            });
        }
        // python-stdnum's example.
        assert!(svnr(b"1237010180") && !svnr(b"2237010180"));
        assert!(!svnr(b"0237010180"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        let grouped = format!("{} {}", &v[..4], &v[4..]);
        assert_eq!(
            scan(&grouped, Some("AT")),
            [(Kind::AtSvnr, grouped.clone())]
        );
        assert_eq!(
            scan(&format!("SV-Nummer {v}"), None),
            [(Kind::AtSvnr, v.into())]
        );
        assert_eq!(scan(v, Some("AT")), [(Kind::AtSvnr, v.into())]);
        assert!(scan(&grouped, Some("GB")).is_empty());
        assert!(scan(&format!("Bestellung {v}"), Some("AT")).is_empty());
    }
}
