//! Israel: identity number (מספר זהות, on the teudat zehut).
//!
//! Nine digits, the last a Luhn check digit over all nine. Older numbers
//! open with `0`, and many write them without it: eight digits after a
//! keyword are the number with its zero dropped (the Luhn sum does not
//! change). Nine bare digits are also an Israeli landline without its
//! spaces (`031234567`), and a valid phone number keeps them (0.8 and up
//! beats a bare identity number's 0.75).

use super::{shape, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::IlIdnr,
    country: "IL",
    shapes: &[
        shape("ddddddddd", Checked),
        shape("dddddddd-d", Home),
        shape("dddddddd", Keyword),
    ],
    validate: idnr,
}];

/// Eight or nine digits (the leading zero dropped), not all zeros, Luhn.
pub(super) fn idnr(s: &[u8]) -> bool {
    matches!(s.len(), 8 | 9)
        && s.iter().all(u8::is_ascii_digit)
        && super::not_all_zeros(s)
        && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (il.idnr) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/il_idnr.txt"))
    }

    #[test]
    fn luhn_over_nine_digits() {
        valid_and_one_digit_changes_rejected(idnr, &values());
        // python-stdnum's examples.
        assert!(idnr(b"039337423") && !idnr(b"039337422"));
        assert!(!idnr(b"000000000") && !idnr(b"1234567") && !idnr(b"0393374230"));
    }

    #[test]
    fn the_leading_zero_may_be_dropped() {
        assert!(idnr(b"39337423"));
        assert_eq!(
            scan("ת.ז. 39337423", Some("IL")),
            [(Kind::IlIdnr, "39337423".into())]
        );
        // Eight digits without a keyword are anything.
        assert!(scan("39337423", Some("IL")).is_empty());
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [
            format!("מספר תעודת זהות {v}"),
            format!("ת\"ז: {v}"),
            format!("my teudat zehut is {v}"),
        ] {
            assert_eq!(scan(&text, None), [(Kind::IlIdnr, v.into())], "{text}");
        }
        let dashed = format!("{}-{}", &v[..8], &v[8..]);
        assert_eq!(scan(&dashed, Some("IL")), [(Kind::IlIdnr, dashed.clone())]);
        assert_eq!(scan(v, Some("IL")), [(Kind::IlIdnr, v.into())]);
        // Elsewhere, unnamed, or after a veto word: nothing.
        assert!(scan(v, Some("GB")).is_empty());
        assert!(scan(&format!("order {v}"), Some("IL")).is_empty());
    }
}
