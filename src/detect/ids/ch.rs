//! Switzerland: social security number (AHV-Nummer, numéro AVS), on the
//! health insurance card as `756.1234.5678.97`.
//!
//! Thirteen digits: `756` (the country's code in the EAN scheme), nine
//! digits drawn at random, and an EAN-13 check digit. The dotted form
//! stands alone; the bare digits are read at home and as weak evidence
//! elsewhere (`756` opens no product barcode's country prefix).

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ChAhv,
    country: "CH",
    shapes: &[
        shape("ddd.dddd.dddd.dd", Strong),
        shape("ddddddddddddd", Checked),
    ],
    validate: ahv,
}];

pub(super) fn ahv(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 12] = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3];
    digits_n(s, 13)
        && s.starts_with(b"756")
        && weighted_sum(&s[..12], &WEIGHTS)
            .is_some_and(|sum| (10 - sum % 10) % 10 == u32::from(s[12] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (ch.ssn) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ch_ahv.txt"))
    }

    fn dotted(v: &str) -> String {
        format!("{}.{}.{}.{}", &v[..3], &v[3..7], &v[7..11], &v[11..])
    }

    #[test]
    fn ean_check_digit() {
        valid_and_one_digit_changes_rejected(ahv, &values());
        // python-stdnum's example.
        assert!(ahv(b"7569217076985") && !ahv(b"7569217076986"));
        // Another country's EAN prefix.
        assert!(!ahv(b"7609217076985"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        let printed = dotted(v);
        assert_eq!(scan(&printed, Some("GB")), [(Kind::ChAhv, printed.clone())]);
        for text in [format!("AHV-Nr. {v}"), format!("mon numéro AVS {v}")] {
            assert_eq!(scan(&text, None), [(Kind::ChAhv, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("CH")), [(Kind::ChAhv, v.into())]);
        assert!(scan(&format!("Bestellung {v}"), Some("CH")).is_empty());
    }
}
