//! Uruguay: cédula de identidad (DNIC).
//!
//! Six or seven digits and a check digit, printed `1.234.567-2`: the
//! digits weighted `2 9 8 7 6 3 4` (right-aligned), and the check brings
//! the sum to a multiple of ten. Weights prime to ten but one (`2`, `8`,
//! `6`, `4` are even), so most single-digit changes are caught. Printed
//! with its dots and hyphen it is a cédula in a Uruguayan conversation or
//! after a keyword (`cédula`, `C.I.`); eight bare digits only after one.
//! Chile writes its RUT the same way; a number valid in both (one in about
//! eleven) may be read as the RUT, and is masked either way.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::UyCi,
    country: "UY",
    shapes: &[
        shape("d.ddd.ddd-d", Home),
        shape("ddd.ddd-d", Home),
        shape("ddddddd-d", Home),
        shape("dddddddd", Keyword),
    ],
    validate: ci,
}];

pub(super) fn ci(s: &[u8]) -> bool {
    if !matches!(s.len(), 7 | 8) || !digits_n(s, s.len()) || s[0] == b'0' {
        return false;
    }
    const WEIGHTS: [u32; 7] = [2, 9, 8, 7, 6, 3, 4];
    let body = &s[..s.len() - 1];
    let Some(sum) = weighted_sum(body, &WEIGHTS[7 - body.len()..]) else {
        return false;
    };
    (10 - sum % 10) % 10 == u32::from(s[s.len() - 1] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{one_digit_escapes, scan};

    // Valid and invalid examples of independent implementations (stdnum-js
    // uy/ci, and a published validator's test list).
    const CIS: &[&str] = &["99999999", "49077602", "12345672"];

    #[test]
    fn check_digit() {
        let (escaped, total) = one_digit_escapes(ci, CIS);
        assert!(escaped * 5 <= total, "{escaped} of {total}");
        for bad in ["99999996", "49077605", "12345673", "1234567", "02345672"] {
            assert!(!ci(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mi cédula es 4.907.760-2", None),
            [(Kind::UyCi, "4.907.760-2".into())]
        );
        assert_eq!(scan("4.907.760-2", Some("UY")).len(), 1);
        assert_eq!(scan("CI 49077602", Some("UY")).len(), 1);
        assert!(scan("49077602", Some("UY")).is_empty());
    }
}
