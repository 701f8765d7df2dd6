//! Morocco: carte nationale d'identité number (CIN, CNIE; DGSN).
//!
//! One or two letters for the issuing region (`A` Rabat, `BE` and `BK`
//! Casablanca …) and up to six digits: `BE654321`, `A123456`. No check
//! character is published, and the same shape is a product code or a
//! licence plate in other chats, so a CIN is reported only after its
//! keyword (`CIN`, `CNIE`, `البطاقة الوطنية`, `carte nationale`), where
//! it is what Moroccan shops ask for on a cash-on-delivery order.

use super::{not_all_zeros, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::MaCin,
    country: "MA",
    shapes: &[
        shape("Lddddd", Keyword),
        shape("Ldddddd", Keyword),
        shape("LLddddd", Keyword),
        shape("LLdddddd", Keyword),
    ],
    validate: cin,
}];

pub(super) fn cin(s: &[u8]) -> bool {
    let letters = s.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let digits = &s[letters..];
    matches!(letters, 1 | 2)
        && matches!(digits.len(), 5 | 6)
        && digits.iter().all(u8::is_ascii_digit)
        && not_all_zeros(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn letters_and_digits() {
        for v in ["BE654321", "A123456", "BK12345", "J12345"] {
            assert!(cin(v.as_bytes()), "{v}");
        }
        for v in ["ABC12345", "1234567", "A1234", "A1234567", "BE000000"] {
            assert!(!cin(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("CIN: BE654321", Some("MA")),
            [(Kind::MaCin, "BE654321".into())]
        );
        assert_eq!(
            scan("رقم البطاقة الوطنية AB123456", None),
            [(Kind::MaCin, "AB123456".into())]
        );
        assert!(scan("BE654321", Some("MA")).is_empty());
        assert!(scan("ref BE654321", Some("MA")).is_empty());
    }
}
