//! South Korea: resident registration number (주민등록번호).
//!
//! Thirteen digits, `YYMMDD-GBBBBNC`: the birth date, a digit for sex and
//! century (1/2 for the 1900s, 3/4 for the 2000s, 5–8 for foreigners, 9/0
//! for the 1800s), the birthplace and serial, and a check digit with
//! weights `2 3 4 5 6 7 8 9 2 3 4 5`, `(11 − sum mod 11) mod 10`. Numbers
//! issued since October 2020 have random last six digits and no valid
//! check; python-stdnum, our oracle, still requires it, and so do we: a
//! bare 13-digit string without it is too weak to report.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::KrRrn,
    country: "KR",
    shapes: &[
        shape("dddddd-ddddddd", Strong),
        shape("ddddddddddddd", Bare),
    ],
    validate: rrn,
}];

pub(super) fn rrn(s: &[u8]) -> bool {
    if !digits_n(s, 13) {
        return false;
    }
    let century = match s[6] {
        b'1' | b'2' | b'5' | b'6' => 1900,
        b'3' | b'4' | b'7' | b'8' => 2000,
        _ => 1800,
    };
    if !valid_date(century + num(&s[..2]), num(&s[2..4]), num(&s[4..6])) {
        return false;
    }
    let Some(r) = weighted_mod(&s[..12], &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], 11) else {
        return false;
    };
    (11 - r) % 10 == u32::from(s[12] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{one_digit_escapes, scan};

    // Generated with python-stdnum (kr.rrn).
    const RRNS: &[&str] = &["9710101234561", "0101013123458", "8501012234569"];

    #[test]
    fn check_and_date() {
        let ok: Vec<&str> = RRNS.iter().copied().filter(|v| rrn(v.as_bytes())).collect();
        assert_eq!(ok.len(), RRNS.len());
        // `(11 − r) mod 10` gives 1 for remainders 0 and 10: a few one-digit
        // changes pass; the rest are caught (or break the date).
        let (escaped, total) = one_digit_escapes(rrn, RRNS);
        assert!(escaped * 20 <= total, "{escaped} of {total}");
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("주민등록번호 971010-1234561", None),
            [(Kind::KrRrn, "971010-1234561".into())]
        );
        assert!(scan("9710101234561", None).is_empty());
    }
}
