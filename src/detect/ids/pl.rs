//! Poland: PESEL.
//!
//! Eleven digits: the birth date `YYMMDD` with the century folded into the
//! month (+80 for the 1800s, +20 for the 2000s, +40, +60 after), a serial
//! whose last digit gives the sex, and a check digit with weights
//! `1 3 7 9 1 3 7 9 1 3` modulo 10. Every weight is odd and not 5, so every
//! single-digit change is caught; the date must be real. Eleven bare digits
//! are common in chat, so a PESEL needs a keyword, or a Polish conversation.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::PlPesel,
    country: "PL",
    shapes: &[shape("ddddddddddd", Bare)],
    validate: pesel,
}];

pub(super) fn pesel(s: &[u8]) -> bool {
    if !digits_n(s, 11) {
        return false;
    }
    let (yy, mm, dd) = (num(&s[..2]), num(&s[2..4]), num(&s[4..6]));
    let (century, month) = match mm {
        81..=92 => (1800, mm - 80),
        1..=12 => (1900, mm),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        _ => return false,
    };
    if !valid_date(century + yy, month, dd) {
        return false;
    }
    let r = weighted_mod(&s[..10], &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3], 10);
    r.map(|r| (10 - r) % 10) == Some(u32::from(s[10] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (pl.pesel).
    const PESELS: &[&str] = &["44051401359", "02070803628", "85010112345", "02270803624"];

    #[test]
    fn checksum_and_date() {
        let valid: Vec<&str> = PESELS
            .iter()
            .copied()
            .filter(|v| pesel(v.as_bytes()))
            .collect();
        assert_eq!(valid.len(), PESELS.len(), "{valid:?}");
        // A one-digit change either breaks the date or the check digit.
        valid_and_one_digit_changes_rejected(pesel, PESELS);
        assert!(!pesel(b"44053101352"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mój PESEL to 44051401359", None),
            [(Kind::PlPesel, "44051401359".into())]
        );
        assert_eq!(scan("podaję 44051401359", Some("PL")).len(), 1);
        assert!(scan("podaję 44051401359", Some("DE")).is_empty());
        assert!(scan("zamówienie 44051401359", Some("PL")).is_empty());
        // After a phone number in the same numeric span.
        assert_eq!(
            scan("kontakt +48533840548 - 44051401359", Some("PL")).len(),
            1
        );
    }
}
