//! Greece: social security number (AMKA, ΑΜΚΑ).
//!
//! Eleven digits: the birth date `DDMMYY`, four serial digits and a Luhn
//! check digit. The date and the check together leave few random numbers:
//! the bare digits are read at home and as weak evidence elsewhere.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::GrAmka,
    country: "GR",
    shapes: &[shape("ddddddddddd", Checked)],
    validate: amka,
}];

pub(super) fn amka(s: &[u8]) -> bool {
    if !digits_n(s, 11) {
        return false;
    }
    let (day, month, yy) = (num(&s[0..2]), num(&s[2..4]), num(&s[4..6]));
    (valid_date(1900 + yy, month, day) || valid_date(2000 + yy, month, day)) && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (gr.amka) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/gr_amka.txt"))
    }

    #[test]
    fn date_and_luhn() {
        valid_and_one_digit_changes_rejected(amka, &values());
        // python-stdnum's example; the same digits with a 32nd day.
        assert!(amka(b"01013099997") && !amka(b"01013099999"));
        assert!(!amka(b"32013099997"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [format!("ΑΜΚΑ {v}"), format!("AMKA: {v}")] {
            assert_eq!(scan(&text, None), [(Kind::GrAmka, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("GR")), [(Kind::GrAmka, v.into())]);
        assert!(scan(&format!("παραγγελία {v}"), Some("GR")).is_empty());
    }
}
