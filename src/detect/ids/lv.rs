//! Latvia: personal code (personas kods).
//!
//! Eleven digits, printed `DDMMYY-CNNNN`: until mid-2017 the birth date, a
//! century digit (`0` for the 1800s, `1` for the 1900s, `2` from 2000), a
//! serial and a check digit; codes issued since then open with `32` and
//! carry no date. Both end with the same check, `(1 + Σ dᵢ·wᵢ) mod 11 mod
//! 10` with weights `10 5 8 4 2 1 6 3 7 9` (python-stdnum's `lv.pvn`, our
//! oracle, which notes that no second source confirms it; Faker's `lv_LV`
//! provider computes the same). The printed form is read at home and after
//! a keyword; the bare digits at home and as weak evidence elsewhere.
//! Births are read up to 2030.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::LvPersonasKods,
    country: "LV",
    shapes: &[shape("dddddd-ddddd", Home), shape("ddddddddddd", Checked)],
    validate: personas_kods,
}];

pub(super) fn personas_kods(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 10] = [10, 5, 8, 4, 2, 1, 6, 3, 7, 9];
    if !digits_n(s, 11) {
        return false;
    }
    // A code without a birth date opens with `32`.
    if !s.starts_with(b"32") {
        let year = match s[6] {
            b'0' => 1800,
            b'1' => 1900,
            b'2' => 2000,
            _ => return false,
        } + num(&s[4..6]);
        if year > LAST_BIRTH_YEAR || !valid_date(year, num(&s[2..4]), num(&s[0..2])) {
            return false;
        }
    }
    weighted_sum(&s[..10], &WEIGHTS)
        .is_some_and(|sum| (1 + sum) % 11 % 10 == u32::from(s[10] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (lv.pvn) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/lv_personas_kods.txt"))
    }

    #[test]
    fn date_and_check_digit() {
        // `mod 11 mod 10` shares a check digit between two remainders: a
        // few one-digit changes escape.
        let (escaped, total) = one_digit_escapes(personas_kods, &values());
        assert!(escaped * 15 < total, "{escaped} of {total}");
        // python-stdnum's examples: old and new format, a 13th month, a
        // wrong check digit.
        assert!(personas_kods(b"16117519997") && personas_kods(b"32867300679"));
        assert!(!personas_kods(b"16137519997") && !personas_kods(b"32867300677"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        let printed = format!("{}-{}", &v[..6], &v[6..]);
        for text in [
            format!("personas kods {v}"),
            format!("personas kods: {printed}"),
        ] {
            assert_eq!(scan(&text, None).len(), 1, "{text}");
        }
        assert_eq!(
            scan(&printed, Some("LV")),
            [(Kind::LvPersonasKods, printed.clone())]
        );
        assert_eq!(scan(v, Some("LV")), [(Kind::LvPersonasKods, v.into())]);
        assert!(scan(&format!("pasūtījums {v}"), Some("LV")).is_empty());
    }
}
