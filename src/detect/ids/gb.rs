//! United Kingdom: National Insurance number and NHS number.
//!
//! A NINO is two prefix letters, six digits and a suffix `A`–`D`. It has no
//! check digit; HMRC's allocation rules exclude `D F I Q U V` as first
//! letter, `D F I O Q U V` as second, and the prefixes `BG GB KN NK NT TN
//! ZZ` (and temporary `TN`/`OO`-style numbers). The letters make it
//! distinctive, written compact, in pairs (`QQ 12 34 56 C`) or with a space
//! after the prefix or before the suffix only (`PR 123612C`, `PR123612 C`):
//! HMRC's own letters print it in pairs, and people copy it every way.
//!
//! An NHS number is ten digits with a mod-11 check digit (weights 10 to 2;
//! a remainder giving 10 is never issued), which catches every
//! single-digit change. Bare NHS numbers need a keyword or a British
//! conversation.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::GbNino,
        country: "GB",
        shapes: &[
            shape("LLddddddL", Strong),
            shape("LL dd dd dd L", Strong),
            shape("LL dddddd L", Strong),
            shape("LL ddddddL", Strong),
            shape("LLdddddd L", Strong),
        ],
        validate: nino,
    },
    IdSpec {
        kind: Kind::GbNhs,
        country: "GB",
        shapes: &[
            shape("ddd ddd dddd", Home),
            shape("ddd-ddd-dddd", Home),
            shape("dddddddddd", Bare),
        ],
        validate: nhs,
    },
];

pub(super) fn nino(s: &[u8]) -> bool {
    s.len() == 9
        && s[..2].iter().all(u8::is_ascii_uppercase)
        && !b"DFIQUV".contains(&s[0])
        && !b"DFIOQUV".contains(&s[1])
        && ![&b"BG"[..], b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ"].contains(&&s[..2])
        && digits_n(&s[2..8], 6)
        && matches!(s[8], b'A'..=b'D')
}

pub(super) fn nhs(s: &[u8]) -> bool {
    if !digits_n(s, 10) {
        return false;
    }
    let Some(r) = weighted_mod(&s[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2], 11) else {
        return false;
    };
    match 11 - r {
        10 => false,
        11 => s[9] == b'0',
        d => u32::from(s[9] - b'0') == d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // NHS numbers generated with python-stdnum (gb.nhs).
    const NHS: &[&str] = &["9434765919", "4010232137", "9434765870"];

    #[test]
    fn rules() {
        valid_and_one_digit_changes_rejected(nhs, NHS);
        for v in ["AB123456C", "QQ123456C", "JG103759A"] {
            assert_eq!(nino(v.as_bytes()), !v.starts_with("QQ"), "{v}");
        }
        for v in [
            "DA123456C",
            "AO123456C",
            "GB123456A",
            "AB123456E",
            "AB12345C",
        ] {
            assert!(!nino(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("NI number AB 12 34 56 C", None),
            [(Kind::GbNino, "AB 12 34 56 C".into())]
        );
        assert_eq!(scan("nino ab123456c.", None).len(), 1);
        // A space after the prefix only, or before the suffix only.
        assert_eq!(
            scan("my NINO is PR 123612C", None),
            [(Kind::GbNino, "PR 123612C".into())]
        );
        assert_eq!(
            scan("National Insurance: PR123612 C thanks", None),
            [(Kind::GbNino, "PR123612 C".into())]
        );
        assert_eq!(
            scan("NHS number: 943 476 5919", None),
            [(Kind::GbNhs, "943 476 5919".into())]
        );
        assert_eq!(scan("943 476 5919", Some("GB")).len(), 1);
        assert!(scan("943 476 5919", Some("US")).is_empty());
    }
}
