//! Kazakhstan: the individual identification number (IIN, ИИН, ЖСН).
//!
//! Twelve digits that every resident carries for life and that banks,
//! Kaspi transfers, eGov services and couriers ask for: the birth date
//! `YYMMDD`, a century-and-sex digit (`1`–`2` born in the 1800s, `3`–`4`
//! the 1900s, `5`–`6` from 2000; odd for men), a four-digit serial, and a
//! mod-11 check digit with weights `1…11`, or `3…11, 1, 2` when the first
//! sum leaves 10; a number whose second sum leaves 10 too is never issued.
//! The eleventh digit's weight of 11 counts for nothing in the first sum,
//! so a typo there mostly goes unnoticed: the check is weaker than it
//! looks, and the date carries more of the evidence.
//! The scheme is Estonia's (see [`super::ee`]) moved to twelve digits,
//! with the century digit after the date. A business's BIN has the same
//! length and check, but its fifth digit, where a birth date's day
//! begins, is the entity type (4–6), so it fails the date and is not read:
//! it is no person's.
//!
//! A random twelve-digit number passes about one time in six hundred, so
//! the bare form is `Checked`: read in Kazakhstan unless a veto word
//! stands before it, after `ИИН`/`IIN`/`ЖСН` anywhere, and elsewhere only
//! as weak evidence.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::KzIin,
    country: "KZ",
    shapes: &[shape("dddddddddddd", Checked)],
    validate: iin,
}];

pub(super) fn iin(s: &[u8]) -> bool {
    digits_n(s, 12) && birth_date(s) && check_digit(s)
}

/// Whether the date `YYMMDD` and the century digit after it are real.
fn birth_date(s: &[u8]) -> bool {
    let century = match s[6] {
        b'1' | b'2' => 1800,
        b'3' | b'4' => 1900,
        b'5' | b'6' => 2000,
        _ => return false,
    };
    let year = century + num(&s[..2]);
    year <= LAST_BIRTH_YEAR && valid_date(year, num(&s[2..4]), num(&s[4..6]))
}

/// The weights of the check digit's first pass, and of its second.
const FIRST: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The two-pass mod-11 check digit over the first eleven digits.
fn check_digit(s: &[u8]) -> bool {
    let r = match weighted_mod(&s[..11], &FIRST, 11) {
        Some(10) => weighted_mod(&s[..11], &SECOND, 11),
        r => r,
    };
    r.is_some_and(|r| r < 10 && r == u32::from(s[11] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checksum::tests::for_each_one_digit_change;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with kz-iin-validator by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/kz_iin.txt"))
    }

    #[test]
    fn date_century_and_check_digit() {
        // The eleventh digit weighs 11 in the first pass, that is nothing:
        // a change there is caught only when the second pass runs. Any
        // other change is caught unless it makes the first sum leave 10
        // and the second pass then agrees, which is rare.
        let (mut eleventh, mut other, mut total) = (0, 0, 0);
        for v in values() {
            assert!(iin(v.as_bytes()), "{v}");
            for_each_one_digit_change(v.as_bytes(), |c| {
                total += 1;
                if iin(c) {
                    if c[10] != v.as_bytes()[10] {
                        eleventh += 1;
                    } else {
                        other += 1;
                    }
                }
            });
        }
        assert!(other * 30 < total, "{other} of {total}");
        assert!(eleventh > 0);
        // py-kz-validators' example; the same with a 30th of February, and
        // with century digits 0 and 7.
        assert!(iin(b"791028302728"));
        assert!(!iin(b"790230302728"));
        assert!(!iin(b"791028002728") && !iin(b"791028702728"));
    }

    #[test]
    fn second_pass_and_unissued_numbers() {
        let leaves_ten = |body: &[u8], w: &[u32; 11]| weighted_mod(body, w, 11) == Some(10);
        // Some vectors need the second pass.
        assert!(values()
            .iter()
            .any(|v| leaves_ten(&v.as_bytes()[..11], &FIRST)));
        // When both sums leave 10 no check digit fits: none is accepted.
        let unissued = (0..10_000)
            .map(|serial| format!("9001013{serial:04}"))
            .find(|b| leaves_ten(b.as_bytes(), &FIRST) && leaves_ten(b.as_bytes(), &SECOND))
            .expect("an unissued body");
        for d in 0..=9 {
            assert!(!iin(format!("{unissued}{d}").as_bytes()));
        }
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [
            format!("мой ИИН {v}"),
            format!("IIN: {v}"),
            format!("ЖСН {v}"),
            format!("иин {v}, номер карты каспи"),
        ] {
            assert_eq!(scan(&text, None), [(Kind::KzIin, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("KZ")), [(Kind::KzIin, v.into())]);
        assert!(scan(&format!("заказ {v}"), Some("KZ")).is_empty());
        // Elsewhere, unnamed, only as weak evidence (below the default).
        assert!(scan(v, Some("BR")).is_empty());
    }
}
