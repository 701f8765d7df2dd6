//! Denmark: CPR number (personnummer), `DDMMYY-SSSS`.
//!
//! Ten digits: the birth date and a serial whose first digit, with the
//! year, gives the century. Numbers issued since 2007 carry no check
//! digit, so nothing but the date is checked: the printed form is read in
//! Denmark or after `CPR`, the ten bare digits only after a keyword.
//! Births are read up to 2030.
//!
//! Sweden writes its personnummer alike (`YYMMDD-NNNC`, Luhn): a Danish
//! number that is also a valid Swedish one reads as the Swedish one, which
//! stands alone.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::DkCpr,
    country: "DK",
    shapes: &[shape("dddddd-dddd", Home), shape("dddddddddd", Keyword)],
    validate: cpr,
}];

pub(super) fn cpr(s: &[u8]) -> bool {
    if !digits_n(s, 10) {
        return false;
    }
    let yy = num(&s[4..6]);
    let year = match s[6] {
        b'5'..=b'8' if yy >= 58 => 1800 + yy,
        b'0'..=b'3' => 1900 + yy,
        b'4' | b'9' if yy >= 37 => 1900 + yy,
        _ => 2000 + yy,
    };
    year <= LAST_BIRTH_YEAR && valid_date(year, num(&s[2..4]), num(&s[0..2]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (dk.cpr) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/dk_cpr.txt"))
    }

    #[test]
    fn birth_date_and_century() {
        for v in values() {
            assert!(cpr(v.as_bytes()), "{v}");
        }
        // python-stdnum's example; a 31st of February; a birth in 2050.
        assert!(cpr(b"2110625629"));
        assert!(!cpr(b"3102625629") && !cpr(b"0101505000") && !cpr(b"211062562"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        let printed = format!("{}-{}", &v[..6], &v[6..]);
        assert_eq!(scan(&printed, Some("DK")), [(Kind::DkCpr, printed.clone())]);
        assert_eq!(
            scan(&format!("CPR-nr. {v}"), None),
            [(Kind::DkCpr, v.into())]
        );
        // Elsewhere unnamed, bare at home, or an order's: nothing.
        assert!(scan(&printed, Some("GB")).is_empty());
        assert!(scan(v, Some("DK")).is_empty());
        assert!(scan(&format!("ordrenummer {printed}"), Some("DK")).is_empty());
    }
}
