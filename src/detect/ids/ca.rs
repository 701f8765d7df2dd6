//! Canada: Social Insurance Number.
//!
//! Nine digits with a Luhn check digit (every single-digit change caught).
//! The first digit is the province of registration; 0 and 8 are never
//! issued. Luhn lets one random number in ten through, so the SIN needs a
//! keyword (`SIN`, `NAS`) or a Canadian conversation.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::CaSin,
    country: "CA",
    shapes: &[
        shape("ddd ddd ddd", Home),
        shape("ddd-ddd-ddd", Home),
        shape("ddddddddd", Bare),
    ],
    validate: sin,
}];

pub(super) fn sin(s: &[u8]) -> bool {
    digits_n(s, 9) && !matches!(s[0], b'0' | b'8') && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (ca.sin).
    const SINS: &[&str] = &["046454286", "123456782", "130692544"];

    #[test]
    fn luhn() {
        valid_and_one_digit_changes_rejected(sin, &SINS[1..]);
        // Leading 0 is not issued (the value is otherwise Luhn-valid).
        assert!(!sin(b"046454286"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my SIN is 123 456 782", None),
            [(Kind::CaSin, "123 456 782".into())]
        );
        assert_eq!(scan("123-456-782", Some("CA")).len(), 1);
        assert!(scan("sin 123456782", None).is_empty());
    }
}
