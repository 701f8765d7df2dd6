//! Singapore: NRIC and FIN.
//!
//! A prefix letter (`S`/`T` citizens and residents born before/after 2000,
//! `F`/`G` foreigners before/after 2000, `M` foreigners from 2022), seven
//! digits and a check letter: the digits times `2 7 6 5 4 3 2`, plus 4 for
//! `T`/`G` and 3 for `M`, modulo 11, looked up in the prefix's table
//! (`JZIHGFEDCBA` for S/T, `XWUTRQPNMLK` for F/G, `XWUTRQPNJLK` for M).
//! Distinct weights catch every single-digit change.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::SgNric,
    country: "SG",
    shapes: &[shape("LdddddddL", Strong)],
    validate: nric,
}];

pub(super) fn nric(s: &[u8]) -> bool {
    if s.len() != 9 || !digits_n(&s[1..8], 7) {
        return false;
    }
    let (offset, table): (u32, &[u8; 11]) = match s[0] {
        b'S' => (0, b"JZIHGFEDCBA"),
        b'T' => (4, b"JZIHGFEDCBA"),
        b'F' => (0, b"XWUTRQPNMLK"),
        b'G' => (4, b"XWUTRQPNMLK"),
        b'M' => (3, b"XWUTRQPNJLK"),
        _ => return false,
    };
    let Some(sum) = weighted_sum(&s[1..8], &[2, 7, 6, 5, 4, 3, 2]) else {
        return false;
    };
    table[((sum + offset) % 11) as usize] == s[8]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Check letters computed from the published weights and tables.
    const NRICS: &[&str] = &[
        "S1234567D",
        "T0123456G",
        "F1234567N",
        "G1234567X",
        "M1234567K",
    ];

    #[test]
    fn check_letter() {
        valid_and_one_digit_changes_rejected(nric, NRICS);
        assert!(!nric(b"A1234567D"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("NRIC: S1234567D", None),
            [(Kind::SgNric, "S1234567D".into())]
        );
        assert_eq!(scan("s1234567d", None).len(), 1);
        assert!(scan("XS1234567D", None).is_empty());
    }
}
