//! Zambia: national registration card number (NRC).
//!
//! Printed `123456/78/1`: a six-digit serial, the two-digit code of the
//! district that registered the holder, and a last digit (`1` for
//! Zambian citizens). No check digit is published; the slashes are the
//! shape, a Zambian conversation or a keyword (`NRC`) the evidence, since
//! six digits, two and one between slashes could be a reference elsewhere.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ZmNrc,
    country: "ZM",
    shapes: &[shape("dddddd/dd/d", Home), shape("ddddddddd", HomeKeyword)],
    validate: nrc,
}];

pub(super) fn nrc(s: &[u8]) -> bool {
    digits_n(s, 9) && &s[6..8] != b"00" && matches!(s[8], b'1'..=b'3')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn district_and_citizenship() {
        assert!(nrc(b"123456781") && nrc(b"654321101"));
        assert!(!nrc(b"123456001") && !nrc(b"123456780") && !nrc(b"12345678"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my NRC 123456/78/1", None),
            [(Kind::ZmNrc, "123456/78/1".into())]
        );
        assert_eq!(scan("123456/78/1", Some("ZM")).len(), 1);
        assert_eq!(scan("NRC no 123456781", Some("ZM")).len(), 1);
        assert!(scan("123456/78/1", Some("KE")).is_empty());
        assert!(scan("123456781", Some("ZM")).is_empty());
    }
}
