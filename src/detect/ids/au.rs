//! Australia: Tax File Number and Medicare card number.
//!
//! A TFN is nine digits (eight for some old ones) whose weighted sum with
//! `1 4 3 7 5 8 6 9 10` (the first eight of them for eight digits) is a
//! multiple of 11;
//! distinct weights catch every single-digit change.
//!
//! A Medicare card number is ten digits: the first 2–6, the ninth a check
//! digit (`Σ dᵢ·(1 3 7 9 1 3 7 9)` over the first eight, mod 10) and the
//! tenth the card's issue number (1–9). The weights are odd and not 5, so a
//! change in the first nine digits is always caught; the issue number is
//! not covered by the check. Both need a keyword or an Australian
//! conversation when bare.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::{weighted_mod, weighted_sum};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::AuTfn,
        country: "AU",
        shapes: &[
            shape("ddd ddd ddd", Home),
            shape("ddd-ddd-ddd", Home),
            shape("ddddddddd", Bare),
        ],
        validate: tfn,
    },
    IdSpec {
        kind: Kind::AuMedicare,
        country: "AU",
        shapes: &[
            shape("dddd ddddd d", Home),
            shape("dddd ddddd d-d", Home),
            shape("dddddddddd", Bare),
        ],
        validate: medicare,
    },
];

pub(super) fn tfn(s: &[u8]) -> bool {
    let weights: &[u32] = match s.len() {
        9 => &[1, 4, 3, 7, 5, 8, 6, 9, 10],
        8 => &[1, 4, 3, 7, 5, 8, 6, 9],
        _ => return false,
    };
    digits_n(s, s.len()) && weighted_sum(s, weights).is_some_and(|sum| sum % 11 == 0)
}

pub(super) fn medicare(s: &[u8]) -> bool {
    let s = match s.len() {
        10 => s,
        // With the individual reference number.
        11 => &s[..10],
        _ => return false,
    };
    digits_n(s, 10)
        && (b'2'..=b'6').contains(&s[0])
        && s[9] != b'0'
        && weighted_mod(&s[..8], &[1, 3, 7, 9, 1, 3, 7, 9], 10) == Some(u32::from(s[8] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // TFNs generated with python-stdnum (au.tfn); Medicare numbers from the
    // published check-digit rule.
    const TFNS: &[&str] = &["123456782", "876543210", "12345679"];
    const MEDICARE: &[&str] = &["2123456701", "2951234571"];

    #[test]
    fn checks() {
        valid_and_one_digit_changes_rejected(tfn, TFNS);
        for v in MEDICARE {
            assert!(medicare(v.as_bytes()), "{v}");
            // Changes in the first nine digits are caught; the issue
            // number (tenth) is not covered by the check.
            crate::checksum::tests::for_each_one_digit_change(&v.as_bytes()[..9], |c| {
                let mut changed = c.to_vec();
                changed.push(v.as_bytes()[9]);
                assert!(!medicare(&changed), "{changed:?}");
            });
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my TFN is 123 456 782", None),
            [(Kind::AuTfn, "123 456 782".into())]
        );
        assert_eq!(
            scan("Medicare 2123 45670 1", None),
            [(Kind::AuMedicare, "2123 45670 1".into())]
        );
        assert_eq!(scan("2123456701", Some("AU")).len(), 1);
    }
}
