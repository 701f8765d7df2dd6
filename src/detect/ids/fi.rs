//! Finland: henkilötunnus (HETU).
//!
//! `DDMMYYCZZZQ`: the birth date, a century sign (`+` 1800s; `-` and, since
//! 2023, `Y X W V U` for the 1900s; `A` and `B C D E F` for the 2000s), an
//! individual number and a check character,
//! `0123456789ABCDEFHJKLMNPRSTUVWXY` indexed by the nine digits modulo 31,
//! which catches every single-digit change.
//!
//! Individual numbers 002–899 are permanent codes; 900–999 are temporary
//! codes, which healthcare and other organisations issue to people not yet
//! in the Population Information System, with the same date, century sign
//! and check character (DVV, "Personal identity code"; python-stdnum's
//! `fi.hetu` with `allow_temporary`). Both identify a person, so both are
//! reported.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::FiHetu,
    country: "FI",
    shapes: &[shape("ddddddCdddX", Strong)],
    validate: hetu,
}];

const CHECK: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

pub(super) fn hetu(s: &[u8]) -> bool {
    if s.len() != 11 || !digits_n(&s[..6], 6) || !digits_n(&s[7..10], 3) {
        return false;
    }
    let century = match s[6] {
        b'+' => 1800,
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => 1900,
        b'A' | b'B' | b'C' | b'D' | b'E' | b'F' => 2000,
        _ => return false,
    };
    if !valid_date(century + num(&s[4..6]), num(&s[2..4]), num(&s[..2])) {
        return false;
    }
    let individual = num(&s[7..10]);
    if !(2..=999).contains(&individual) {
        return false;
    }
    let n = num(&s[..6]) * 1000 + individual;
    CHECK[(n % 31) as usize] == s[10]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (fi.hetu).
    const HETUS: &[&str] = &["131052-308T", "020202A002F", "311299-1236", "290200B4561"];

    #[test]
    fn check_character() {
        valid_and_one_digit_changes_rejected(hetu, HETUS);
        assert!(!hetu(b"131052G308T"));
    }

    /// Temporary codes (individual number 900–999), as DVV describes them;
    /// generated with python-stdnum (`fi.hetu.validate(…, allow_temporary=True)`).
    #[test]
    fn temporary_codes() {
        valid_and_one_digit_changes_rejected(hetu, &["131052-9085", "020202A999M", "311299Y950V"]);
        // 000 and 001 are never issued.
        assert!(!hetu(b"131052-0013") && !hetu(b"131052-000A"));
        assert_eq!(
            scan("väliaikainen hetu 131052-9085", None),
            [(Kind::FiHetu, "131052-9085".into())]
        );
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("hetu 131052-308T.", None),
            [(Kind::FiHetu, "131052-308T".into())]
        );
        assert_eq!(scan("020202A002F", None).len(), 1);
    }
}
