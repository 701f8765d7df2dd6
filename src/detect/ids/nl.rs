//! Netherlands: BSN (burgerservicenummer).
//!
//! Nine digits passing the "11-proof": `9·d₁ + 8·d₂ + … + 2·d₈ − d₉` is a
//! multiple of 11. Distinct weights modulo 11 catch every single-digit
//! change. One random number in eleven passes, so a bare BSN needs a
//! keyword or a Dutch conversation; the dotted `1234.56.789` is how letters
//! from the tax office print it.

use super::{digits_n, not_all_zeros, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::NlBsn,
    country: "NL",
    shapes: &[
        shape("ddddddddd", Bare),
        shape("dddd.dd.ddd", Home),
        shape("ddd.ddd.ddd", Home),
        // Spaced in threes, as a Canadian SIN is: only where a keyword
        // names it.
        shape("ddd ddd ddd", Keyword),
    ],
    validate: bsn,
}];

pub(super) fn bsn(s: &[u8]) -> bool {
    if !digits_n(s, 9) || !not_all_zeros(s) {
        return false;
    }
    let Some(sum) = weighted_sum(&s[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) else {
        return false;
    };
    (sum + 11 * 9 - u32::from(s[8] - b'0')) % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (nl.bsn).
    const BSNS: &[&str] = &["111222333", "123456782", "010000008"];

    #[test]
    fn eleven_proof() {
        valid_and_one_digit_changes_rejected(bsn, BSNS);
        assert!(!bsn(b"000000000"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mijn BSN is 123456782", None),
            [(Kind::NlBsn, "123456782".into())]
        );
        assert_eq!(scan("1234.56.782", Some("NL")).len(), 1);
        assert!(scan("1234.56.782", None).is_empty());
        assert!(scan("bestelling 123456782", Some("NL")).is_empty());
        assert_eq!(
            scan("bsn 123 456 782", Some("NL")),
            [(Kind::NlBsn, "123 456 782".into())]
        );
        assert!(scan("ok 123 456 782", Some("NL")).is_empty());
        // `111111110` passes the 11-proof: a test value, no one's number.
        assert!(bsn(b"111111110"));
        assert!(scan("BSN 111111110", Some("NL")).is_empty());
    }
}
