//! Sweden: personnummer (and samordningsnummer).
//!
//! `YYMMDD-NNNC` or with the century, `YYYYMMDD-NNNC`; the separator turns
//! to `+` in the year a person turns 100. Coordination numbers add 60 to
//! the day. The check digit is Luhn over the ten digits `YYMMDDNNN`, which
//! catches every single-digit change; the date must be real.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::SePersonnummer,
    country: "SE",
    shapes: &[
        shape("dddddd-dddd", Strong),
        shape("dddddd+dddd", Strong),
        shape("dddddddd-dddd", Strong),
        shape("dddddddddddd", Home),
        shape("dddddddddd", Bare),
    ],
    validate: personnummer,
}];

pub(super) fn personnummer(s: &[u8]) -> bool {
    let (century, s) = match s.len() {
        10 if digits_n(s, 10) => (None, s),
        12 if digits_n(s, 12) => (Some(num(&s[..2])), &s[2..]),
        _ => return false,
    };
    let (yy, mm, mut dd) = (num(&s[..2]), num(&s[2..4]), num(&s[4..6]));
    if dd > 60 {
        dd -= 60;
    }
    let date_ok = match century {
        Some(c @ 18..=20) => valid_date(c * 100 + yy, mm, dd),
        Some(_) => false,
        None => valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd),
    };
    date_ok && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (se.personnummer).
    const NUMBERS: &[&str] = &[
        "8803200016",
        "198803200016",
        "6403273813",
        "8112189876",
        "0002291235",
    ];

    #[test]
    fn luhn_and_date() {
        // Luhn covers the ten digits YYMMDDNNNC; the century digits of the
        // twelve-digit form are checked only as a real date.
        let ten: Vec<&str> = NUMBERS.iter().copied().filter(|v| v.len() == 10).collect();
        valid_and_one_digit_changes_rejected(personnummer, &ten);
        assert!(personnummer(b"198803200016"));
        assert!(!personnummer(b"178803200016"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("personnummer 880320-0016", None),
            [(Kind::SePersonnummer, "880320-0016".into())]
        );
        assert_eq!(scan("mitt 19880320-0016", None).len(), 1);
        assert_eq!(scan("640327+3813", None).len(), 1);
        assert!(scan("8803200016", None).is_empty());
        // "pnr" names a personnummer here; to the phone detector it is a
        // veto word (an airline booking), which must not leak into IDs.
        assert_eq!(
            scan("mitt pnr 8803200016", Some("SE")),
            [(Kind::SePersonnummer, "8803200016".into())]
        );
    }
}
