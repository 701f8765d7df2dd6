//! Ghana: the Ghana Card's personal identification number (PIN).
//!
//! `GHA-` then nine digits, a dash and one more digit (`GHA-712345678-9`),
//! as the National Identification Authority prints it; the same number is
//! the SSNIT and tax number of its holder, so mobile money, banks and
//! sellers ask for it. The NIA publishes no algorithm for the last digit,
//! so the structure is all that can be checked. The literal `GHA` and the
//! dashes make the type plain: the printed form stands alone anywhere. The
//! run-together form (`GHA7123456789`), which forms and chat also take,
//! needs a Ghanaian conversation or a keyword.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::GhCard,
    country: "GH",
    shapes: &[
        shape("LLL-ddddddddd-d", Strong),
        shape("LLLdddddddddd", Home),
    ],
    validate: ghana_card,
}];

pub(super) fn ghana_card(s: &[u8]) -> bool {
    s.len() == 13 && s.starts_with(b"GHA") && digits_n(&s[3..], 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn structure() {
        assert!(ghana_card(b"GHA7123456789"));
        assert!(!ghana_card(b"GHB7123456789"));
        assert!(!ghana_card(b"GHA712345678"));
        assert!(!ghana_card(b"GHA71234567X9"));
    }

    #[test]
    fn in_chat() {
        for (text, region) in [
            ("my ghana card GHA-712345678-9 thanks", None),
            ("Ghana Card PIN: GHA-000123456-7", Some("GH")),
            ("pls use gha-712345678-9", Some("GH")),
            ("GHA-712345678-9", Some("NG")),
            ("ghanacard GHA7123456789", None),
            ("GHA7123456789", Some("GH")),
        ] {
            let found = scan(text, region);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].0, Kind::GhCard, "{text}");
        }
        for (text, region) in [
            // Run together, outside Ghana and unnamed: a code.
            ("GHA7123456789", Some("NG")),
            // Another country's letters, or a digit short.
            ("GHB-712345678-9", Some("GH")),
            ("GHA-71234567-9", Some("GH")),
            // Part of a longer code.
            ("XGHA-712345678-9", Some("GH")),
            ("GHA-712345678-91", Some("GH")),
        ] {
            assert!(
                scan(text, region).iter().all(|(k, _)| *k != Kind::GhCard),
                "{text}"
            );
        }
    }
}
