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
//!   card, and is masked as one;
//! * the PhilHealth identification number (PIN), twelve digits printed
//!   `12-345678901-2`, which hospitals, employers and lenders ask for:
//!   printed in a Philippine conversation or after `PhilHealth` anywhere;
//!   bare after it at home. Twelve bare digits are common (Aadhaar numbers,
//!   orders), and a form every country's text can take costs a context
//!   look-up on each: the printed forms carry Filipinos' numbers abroad;
//! * the UMID card's common reference number (CRN), twelve digits printed
//!   `0111-2345678-9`, the ID most workers carry: printed at home or after
//!   `UMID`/`CRN`, and anywhere as the card prints it, `CRN-0111-2345678-9`
//!   (the finding then covers the prefix); bare only after those words at
//!   home (a bank's customer reference number is a CRN too);
//! * the Pag-IBIG (HDMF) membership number, twelve digits printed in fours
//!   (`1210-3456-7890`), which loan and housing applications ask for: only
//!   after `Pag-IBIG` or `HDMF` (a merchant's ID is a `MID` too), as fours
//!   of digits are Aadhaar's and many an order's grouping too; bare only so
//!   named at home.

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
    IdSpec {
        kind: Kind::PhPhilhealth,
        country: "PH",
        shapes: &[
            shape("dd-ddddddddd-d", Home),
            shape("dddddddddddd", HomeKeyword),
        ],
        validate: twelve_digits,
    },
    IdSpec {
        kind: Kind::PhUmidCrn,
        country: "PH",
        shapes: &[
            shape("dddd-ddddddd-d", Home),
            shape("LLL-dddd-ddddddd-d", Strong),
            shape("dddddddddddd", HomeKeyword),
        ],
        validate: umid_crn,
    },
    IdSpec {
        kind: Kind::PhPagibig,
        country: "PH",
        shapes: &[
            shape("dddd-dddd-dddd", Keyword),
            shape("dddd dddd dddd", Keyword),
            shape("dddddddddddd", HomeKeyword),
        ],
        validate: twelve_digits,
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

/// PhilHealth, UMID and Pag-IBIG numbers: none has a published check digit.
pub(super) fn twelve_digits(s: &[u8]) -> bool {
    digits_n(s, 12) && not_all_zeros(s)
}

/// A UMID CRN, with or without the `CRN` the card prints before it.
pub(super) fn umid_crn(s: &[u8]) -> bool {
    match s.len() {
        15 => s.starts_with(b"CRN") && twelve_digits(&s[3..]),
        _ => twelve_digits(s),
    }
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
        assert!(twelve_digits(b"123456789012") && !twelve_digits(b"12345678901"));
        assert!(!twelve_digits(b"000000000000") && !twelve_digits(b"12345678901X"));
        assert!(umid_crn(b"CRN011123456789") && umid_crn(b"011123456789"));
        assert!(!umid_crn(b"CRX011123456789") && !umid_crn(b"CRN01112345678X"));
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

    #[test]
    fn philhealth_umid_and_pagibig() {
        for (region, text, kind, value) in [
            (
                "PH",
                "PhilHealth no. 12-345678901-2",
                Kind::PhPhilhealth,
                "12-345678901-2",
            ),
            ("PH", "12-345678901-2", Kind::PhPhilhealth, "12-345678901-2"),
            (
                "PH",
                "my philhealth 123456789012",
                Kind::PhPhilhealth,
                "123456789012",
            ),
            (
                "AE",
                "philhealth: 12-345678901-2",
                Kind::PhPhilhealth,
                "12-345678901-2",
            ),
            (
                "PH",
                "UMID CRN-0111-2345678-9",
                Kind::PhUmidCrn,
                "CRN-0111-2345678-9",
            ),
            (
                "MY",
                "CRN-0111-2345678-9",
                Kind::PhUmidCrn,
                "CRN-0111-2345678-9",
            ),
            ("PH", "0111-2345678-9", Kind::PhUmidCrn, "0111-2345678-9"),
            ("PH", "umid 011123456789", Kind::PhUmidCrn, "011123456789"),
            (
                "PH",
                "Pag-IBIG MID no. 1210-3456-7890",
                Kind::PhPagibig,
                "1210-3456-7890",
            ),
            (
                "SG",
                "pagibig 1210 3456 7890",
                Kind::PhPagibig,
                "1210 3456 7890",
            ),
            ("PH", "HDMF 121034567890", Kind::PhPagibig, "121034567890"),
            (
                "SA",
                "HDMF 1210-3456-7890",
                Kind::PhPagibig,
                "1210-3456-7890",
            ),
        ] {
            assert_eq!(scan(text, Some(region)), [(kind, value.into())], "{text}");
        }
        // Unnamed outside the Philippines; bare twelve digits unnamed.
        assert!(scan("12-345678901-2", Some("IN")).is_empty());
        assert!(scan("0111-2345678-9", Some("MY")).is_empty());
        assert!(scan("123456789012", Some("PH")).is_empty());
        assert!(scan("1210-3456-7890", Some("PH")).is_empty());
        assert!(scan("philhealth 123456789012", Some("AE")).is_empty());
        // A payment terminal's merchant ID.
        assert!(scan("MID no 1210-3456-7890", Some("IN"))
            .iter()
            .all(|(k, _)| *k != Kind::PhPagibig));
        // A bank's customer reference number abroad.
        assert!(scan("CRN 011123456789", Some("IN")).is_empty());
        assert!(scan("order no. 12-345678901-2", Some("PH")).is_empty());
    }
}
