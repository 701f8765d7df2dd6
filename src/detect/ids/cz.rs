//! Czech Republic (and Slovakia): birth number (rodné číslo), `YYMMDD/XXXX`.
//!
//! Ten digits: the birth date (50 added to the month for women, and 20
//! more for numbers issued since 2004 when a day ran out), a serial, and
//! a check digit: the first nine as a number mod 11 (`10 → 0`). Numbers of
//! people born before 1954 have nine digits and no check digit; they are
//! not read. Slovakia kept the same number (rodné číslo) after 1993, so
//! one kind serves both, with a spec per state so that each is a home.
//! The slash form is read at home or after a keyword; the bare ten digits
//! also as weak evidence elsewhere. Births are read up to 2030.

use super::{digits_n, num, shape, valid_date, IdSpec, Shape, Strength::*, LAST_BIRTH_YEAR};
use crate::finding::Kind;

static SHAPES: &[Shape] = &[shape("dddddd/dddd", Home), shape("dddddddddd", Checked)];

const fn issued_in(country: &'static str) -> IdSpec {
    IdSpec {
        kind: Kind::CzRc,
        country,
        shapes: SHAPES,
        validate: rodne_cislo,
    }
}

pub(super) static SPECS: &[IdSpec] = &[issued_in("CZ"), issued_in("SK")];

pub(super) fn rodne_cislo(s: &[u8]) -> bool {
    if !digits_n(s, 10) {
        return false;
    }
    let yy = num(&s[0..2]);
    let year = if yy < 54 { 2000 + yy } else { 1900 + yy };
    let month = num(&s[2..4]) % 50 % 20;
    let check = u64::from(num(&s[..9])) % 11 % 10;
    year <= LAST_BIRTH_YEAR
        && valid_date(year, month, num(&s[4..6]))
        && check == u64::from(s[9] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (cz.rc) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/cz_rc.txt"))
    }

    #[test]
    fn date_and_check_digit() {
        // A change escapes when the date stays valid and the number moves
        // by a multiple of 11 or onto the `10 → 0` pair: rarely.
        let (escaped, total) = one_digit_escapes(rodne_cislo, &values());
        assert!(escaped * 20 < total, "{escaped} of {total}");
        // python-stdnum's example (its nine-digit one is not read).
        assert!(rodne_cislo(b"7103192745") && !rodne_cislo(b"7103192746"));
        assert!(!rodne_cislo(b"710319274") && !rodne_cislo(b"7113192745"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        let printed = format!("{}/{}", &v[..6], &v[6..]);
        assert_eq!(scan(&printed, Some("CZ")), [(Kind::CzRc, printed.clone())]);
        assert_eq!(
            scan(&format!("rodné číslo {printed}"), Some("SK")),
            [(Kind::CzRc, printed.clone())]
        );
        assert_eq!(scan(v, Some("CZ")), [(Kind::CzRc, v.into())]);
        // Slovakia is a home too (python-stdnum's sk.rc is cz.rc).
        assert_eq!(scan(&printed, Some("SK")), [(Kind::CzRc, printed.clone())]);
        assert_eq!(scan(v, Some("SK")), [(Kind::CzRc, v.into())]);
        assert!(scan(&format!("objednávka {v}"), Some("SK")).is_empty());
        assert!(scan(&printed, Some("GB")).is_empty());
        assert!(scan(&format!("objednávka {v}"), Some("CZ")).is_empty());
    }
}
