//! The Philippines: SSS number, TIN, and PhilSys number.
//!
//! None carries a published check digit, and their lengths (ten, nine or
//! twelve, sixteen digits) are those of phone, order and card numbers, so
//! each is read by its printed grouping or its keyword:
//!
//! * the SSS number (Social Security System), `34-1234567-8`, which every
//!   employee and most online sellers' customers have: printed in a
//!   Philippine conversation or after `SSS`; ten bare digits after `SSS`;
//! * the TIN (BIR), `123-456-789-000` with its branch code: printed with
//!   the branch anywhere after `TIN` and in a Philippine conversation; nine
//!   or twelve bare digits only after `TIN` there (Nigeria and Ghana call
//!   their own tax numbers TIN too);
//! * the PhilSys number of the national ID (PSN, and the card's PCN),
//!   sixteen digits printed in fours like a card: after `PhilSys`,
//!   `PhilID`, `PSN`, `PCN` or a generic identity word in a Philippine
//!   conversation. A Luhn-valid one in a card's range can be read as a
//!   card, and is masked as one.

use super::{digits_n, not_all_zeros, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::PhSss,
        country: "PH",
        shapes: &[shape("dd-ddddddd-d", Home), shape("dddddddddd", Keyword)],
        validate: sss,
    },
    IdSpec {
        kind: Kind::PhTin,
        country: "PH",
        shapes: &[
            shape("ddd-ddd-ddd-ddd", Home),
            shape("ddd-ddd-ddd", HomeKeyword),
            shape("ddddddddd", HomeKeyword),
            shape("dddddddddddd", HomeKeyword),
        ],
        validate: tin,
    },
    IdSpec {
        kind: Kind::PhPhilsys,
        country: "PH",
        shapes: &[
            shape("dddd-dddd-dddd-dddd", Keyword),
            shape("dddd dddd dddd dddd", Keyword),
            shape("dddddddddddddddd", Keyword),
        ],
        validate: philsys,
    },
];

pub(super) fn sss(s: &[u8]) -> bool {
    digits_n(s, 10) && not_all_zeros(s)
}

pub(super) fn tin(s: &[u8]) -> bool {
    matches!(s.len(), 9 | 12) && digits_n(s, s.len()) && not_all_zeros(&s[..9])
}

pub(super) fn philsys(s: &[u8]) -> bool {
    digits_n(s, 16) && not_all_zeros(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn lengths() {
        assert!(sss(b"3412345678") && !sss(b"341234567") && !sss(b"0000000000"));
        assert!(tin(b"123456789") && tin(b"123456789000") && !tin(b"1234567890"));
        assert!(!tin(b"000000000000"));
        assert!(philsys(b"1234567890123456") && !philsys(b"123456789012345"));
    }

    #[test]
    fn in_chat() {
        for (region, text, kind, value) in [
            ("PH", "SSS no. 34-1234567-8", Kind::PhSss, "34-1234567-8"),
            ("PH", "34-1234567-8", Kind::PhSss, "34-1234567-8"),
            ("AE", "my SSS 3412345678", Kind::PhSss, "3412345678"),
            ("PH", "TIN 123-456-789-000", Kind::PhTin, "123-456-789-000"),
            ("SG", "TIN: 123-456-789-000", Kind::PhTin, "123-456-789-000"),
            ("PH", "TIN: 123456789", Kind::PhTin, "123456789"),
            (
                "PH",
                "PhilSys 1234-5678-9012-3457",
                Kind::PhPhilsys,
                "1234-5678-9012-3457",
            ),
            (
                "PH",
                "national ID: 1234 5678 9012 3457",
                Kind::PhPhilsys,
                "1234 5678 9012 3457",
            ),
        ] {
            assert_eq!(scan(text, Some(region)), [(kind, value.into())], "{text}");
        }
        // Unnamed, or outside the Philippines for the bare forms.
        assert!(scan("34-1234567-8", Some("MY")).is_empty());
        assert!(scan("3412345678", Some("PH")).is_empty());
        assert!(scan("TIN 123456789", Some("NG")).is_empty());
        assert!(scan("1234 5678 9012 3457", Some("PH")).is_empty());
        assert!(scan("order 3412345678", Some("PH")).is_empty());
    }
}
