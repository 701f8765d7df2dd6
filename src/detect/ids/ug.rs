//! Uganda: the National Identification Number (NIN) of the Ndaga Muntu.
//!
//! Fourteen letters and digits issued by NIRA: `C` for a citizen, `M` or
//! `F` for the holder's sex, the last two digits of the birth year, then a
//! ten-character serial (`CM90012345678X`, `CF85034103H9XA`). Mobile money
//! agents, banks and SIM registration ask for it, so customers type it in
//! chat. NIRA publishes no check character; the class, sex and year, and a
//! serial mostly of digits (five at least), are all that can be checked,
//! and `CM` or `CF` then two digits is also how a part or a batch code can
//! open. So the number is read in a Ugandan
//! conversation, or after its keyword anywhere (`NIN`, which Nigeria's
//! eleven digits share, `Ndaga Muntu`, `NIRA`), in any case (the matcher
//! hands validators capitals).

use super::{shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::UgNin,
    country: "UG",
    shapes: &[shape("LLddXXXXXXXXXX", Home)],
    validate: nin,
}];

pub(super) fn nin(s: &[u8]) -> bool {
    if s.len() != 14 || !s.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    // The serial is mostly digits: a word typed after `CM90` is not one.
    let serial_digits = s[4..].iter().filter(|b| b.is_ascii_digit()).count();
    s[0] == b'C'
        && matches!(s[1], b'M' | b'F')
        && s[2..4].iter().all(u8::is_ascii_digit)
        && serial_digits >= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn structure() {
        for v in ["CM90012345678X", "CF85034103H9XA", "CM930121003EGE"] {
            assert!(nin(v.as_bytes()), "{v}");
        }
        for v in [
            // A letter short, or one more.
            "CM9001234567X",
            "CM90012345678XY",
            // Not a citizen's class, no sex letter, no birth year.
            "XM90012345678X",
            "CX90012345678X",
            "CMA0012345678X",
            // A word rather than a serial.
            "CM90ABCDEFGH12",
            "CM90-12345678X",
        ] {
            assert!(!nin(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        for (text, region) in [
            ("my NIN is CM90012345678X", None),
            ("NIN: CF85034103H9XA for the mobile money line", Some("KE")),
            ("ndaga muntu CM930121003EGE", None),
            ("CM90012345678X", Some("UG")),
            // Any case: the matcher hands the validator capitals.
            ("nin cm9001234567ab", Some("UG")),
            ("CM90012345678x", Some("UG")),
        ] {
            let found = scan(text, region);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].0, Kind::UgNin, "{text}");
        }
        for (text, region) in [
            // Unnamed outside Uganda: a part or batch code.
            ("CM90012345678X", Some("NG")),
            ("CM90012345678X", None),
            // A veto word at home.
            ("order CM90012345678X", Some("UG")),
            // Glued into a longer code.
            ("SKU-XCM90012345678X", Some("UG")),
        ] {
            assert!(scan(text, region).is_empty(), "{text} {region:?}");
        }
    }
}
