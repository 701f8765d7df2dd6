//! India: Aadhaar and PAN.
//!
//! Aadhaar numbers are 12 digits, never starting with 0 or 1, ending in a
//! Verhoeff check digit (every single-digit change and adjacent swap is
//! caught); UIDAI never issues palindromes. Twelve digits are also `91` +
//! a mobile number, so bare Aadhaar numbers need a keyword or an Indian
//! conversation, and lose to a valid phone number without a keyword.
//!
//! A PAN is five letters, four digits, a letter: the fourth letter is the
//! holder type (P person, C company, H HUF, F firm, A AOP, T trust, B BOI,
//! L local authority, J juridical person, G government, K krish). The last
//! letter is a check character whose algorithm is not published, so the
//! structure is all we check; it is distinctive enough to stand alone.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::verhoeff_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::InAadhaar,
        country: "IN",
        shapes: &[
            shape("dddd dddd dddd", Home),
            shape("dddd-dddd-dddd", Home),
            shape("dddddddddddd", Bare),
        ],
        validate: aadhaar,
    },
    IdSpec {
        kind: Kind::InPan,
        country: "IN",
        shapes: &[shape("LLLLLddddL", Strong)],
        validate: pan,
    },
];

pub(crate) fn aadhaar(s: &[u8]) -> bool {
    digits_n(s, 12) && s[0] >= b'2' && !s.iter().eq(s.iter().rev()) && verhoeff_valid(s)
}

pub(super) fn pan(s: &[u8]) -> bool {
    s.len() == 10
        && s[..5].iter().all(u8::is_ascii_uppercase)
        && b"ABCFGHJLPTK".contains(&s[3])
        && digits_n(&s[5..9], 4)
        && &s[5..9] != b"0000"
        && s[9].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (in_.aadhaar, in_.pan).
    const AADHAARS: &[&str] = &[
        "234123412346",
        "499118665246",
        "987789328793",
        "417421809677",
    ];
    const PANS: &[&str] = &["ABCPE1234F", "AAAPL1234C", "BNZAA2318J"];

    #[test]
    fn checks() {
        valid_and_one_digit_changes_rejected(aadhaar, AADHAARS);
        for v in PANS {
            assert!(pan(v.as_bytes()), "{v}");
        }
        for v in ["ABCDE1234F", "ABCPE0000F", "ABCPE1234", "1BCPE1234F"] {
            assert!(!pan(v.as_bytes()), "{v}");
        }
        assert!(!aadhaar(b"123412341234") && !aadhaar(b"1234567890"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("Aadhaar 2341 2341 2346", None),
            [(Kind::InAadhaar, "2341 2341 2346".into())]
        );
        assert_eq!(
            scan("आधार नंबर 234123412346", None),
            [(Kind::InAadhaar, "234123412346".into())]
        );
        assert_eq!(
            scan("PAN: ABCPE1234F.", None),
            [(Kind::InPan, "ABCPE1234F".into())]
        );
        assert_eq!(
            scan("pan abcpe1234f", None),
            [(Kind::InPan, "ABCPE1234F".to_lowercase())]
        );
        assert!(scan("2341 2341 2346", None).is_empty());
        assert!(scan("XABCPE1234F", None).is_empty());
        assert!(scan("UTR 234123412346", Some("IN")).is_empty());
    }
}
