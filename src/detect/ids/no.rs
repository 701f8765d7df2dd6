//! Norway: national identity number (fødselsnummer, and the D-number of
//! residents without one).
//!
//! Eleven digits: the birth date `DDMMYY` (40 added to the day for a
//! D-number, to the month for an H-number), three individual digits whose
//! range gives the century, and two mod-11 check digits (weights
//! `376189452` and `5432765432`; a remainder that would need `10` is never
//! issued). Two check digits and a date make a random match rare: the bare
//! digits are read at home and as weak evidence elsewhere.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::NoFnr,
    country: "NO",
    shapes: &[shape("ddddddddddd", Checked), shape("dddddd ddddd", Home)],
    validate: fodselsnummer,
}];

pub(super) fn fodselsnummer(s: &[u8]) -> bool {
    const FIRST: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const SECOND: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let check = |weights: &[u32], at: usize| {
        weighted_sum(&s[..at], weights)
            .is_some_and(|sum| (11 - sum % 11) % 11 == u32::from(s[at] - b'0'))
    };
    digits_n(s, 11) && check(&FIRST, 9) && check(&SECOND, 10) && birth_date(s)
}

/// Whether the date and century the number encodes are real.
fn birth_date(s: &[u8]) -> bool {
    let (mut day, mut month, yy) = (num(&s[0..2]), num(&s[2..4]), num(&s[4..6]));
    // An FH-number (day 80 and up) holds no date, and is for the
    // health service's own use.
    if day >= 80 {
        return false;
    }
    if day > 40 {
        day -= 40;
    }
    if month > 40 {
        month -= 40;
    }
    let year = match num(&s[6..9]) {
        0..=499 => 1900 + yy,
        500..=749 if yy >= 54 => 1800 + yy,
        _ if yy < 40 => 2000 + yy,
        900..=999 => 1900 + yy,
        _ => return false,
    };
    valid_date(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (no.fodselsnummer) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/no_fnr.txt"))
    }

    #[test]
    fn two_check_digits_and_a_date() {
        // Each check digit's weights are below 11 and never 0: any one
        // changed digit moves a sum by a non-multiple of 11.
        valid_and_one_digit_changes_rejected(fodselsnummer, &values());
        // python-stdnum's examples.
        assert!(fodselsnummer(b"15108695088") && !fodselsnummer(b"15108695077"));
        assert!(!fodselsnummer(b"00000000000"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        assert_eq!(
            scan(&format!("fødselsnummer {v}"), None),
            [(Kind::NoFnr, v.into())]
        );
        let spaced = format!("{} {}", &v[..6], &v[6..]);
        assert_eq!(scan(&spaced, Some("NO")), [(Kind::NoFnr, spaced.clone())]);
        assert_eq!(scan(v, Some("NO")), [(Kind::NoFnr, v.into())]);
        assert!(scan(&spaced, Some("GB")).is_empty());
        assert!(scan(&format!("ordrenummer {v}"), Some("NO")).is_empty());
    }
}
