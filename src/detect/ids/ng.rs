//! Nigeria: NIN (national identification number, NIMC).
//!
//! Eleven digits. NIMC publishes no check digit and no structure beyond
//! the length (numbers do not start with 0), so validation is structure
//! only, and eleven digits are far too common in chat (bank references,
//! tracking numbers) to report without a keyword: a NIN is reported only
//! after `NIN`/`NIMC`. Nigerian mobile numbers are eleven digits too but
//! start with 0, so they never collide.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::NgNin,
    country: "NG",
    shapes: &[
        shape("ddddddddddd", Keyword),
        shape("dddd dddd ddd", Keyword),
    ],
    validate: nin,
}];

pub(super) fn nin(s: &[u8]) -> bool {
    digits_n(s, 11) && s[0] != b'0'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn structure_only() {
        assert!(nin(b"12345678901"));
        assert!(!nin(b"02345678901") && !nin(b"1234567890"));
        // No check digit: one-digit changes cannot be detected.
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my NIN is 12345678901", None),
            [(Kind::NgNin, "12345678901".into())]
        );
        assert!(scan("ok here 12345678901", Some("NG")).is_empty());
    }
}
