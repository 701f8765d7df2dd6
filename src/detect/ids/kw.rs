//! Kuwait: civil ID number (الرقم المدني, PACI).
//!
//! Twelve digits, for citizens and residents alike: the century of birth
//! (2 for the 1900s, 3 for the 2000s), the birth date `YYMMDD`, a four-digit
//! serial and a check digit (weights `2 1 6 3 7 9 10 5 8 4 2`, `11 −` the
//! remainder mod 11; a remainder of 1 is never issued). Every weight is
//! prime to 11, so every single-digit change is caught. Kuwait's phone
//! numbers are eight digits (eleven with `965`), so twelve bare digits with
//! a real birth date and the check are a civil ID in a Kuwaiti conversation
//! and weak evidence elsewhere; the Gulf's English says `civil ID`.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::KwCivilId,
    country: "KW",
    shapes: &[shape("dddddddddddd", Checked)],
    validate: civil_id,
}];

pub(super) fn civil_id(s: &[u8]) -> bool {
    if !digits_n(s, 12) {
        return false;
    }
    let century = match s[0] {
        b'2' => 1900,
        b'3' => 2000,
        _ => return false,
    };
    if !valid_date(century + num(&s[1..3]), num(&s[3..5]), num(&s[5..7])) {
        return false;
    }
    let Some(r) = weighted_mod(&s[..11], &[2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], 11) else {
        return false;
    };
    r != 1 && (11 - r) % 11 == u32::from(s[11] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // python-stdnum's examples (kw.cid, in versions after the one the
    // corpus pins), an implementation independent of this one.
    const IDS: &[&str] = &["288020122596", "227081660516", "292091998298"];

    #[test]
    fn century_date_and_check() {
        valid_and_one_digit_changes_rejected(civil_id, IDS);
        // python-stdnum's rejected examples: a check digit, a length, a
        // month 20.
        assert!(!civil_id(b"292091998297") && !civil_id(b"29209199829"));
        assert!(!civil_id(b"288200122596"));
        // Century 1 or 4.
        assert!(!civil_id(b"188020122596") && !civil_id(b"488020122596"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("الرقم المدني 288020122596", None),
            [(Kind::KwCivilId, "288020122596".into())]
        );
        assert_eq!(
            scan("my civil id: 292091998298", Some("AE")),
            [(Kind::KwCivilId, "292091998298".into())]
        );
        assert_eq!(scan("227081660516", Some("KW")).len(), 1);
        assert!(scan("227081660516", Some("AE")).is_empty());
        assert!(scan("طلب 227081660516", Some("KW")).is_empty());
    }
}
