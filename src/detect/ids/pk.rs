//! Pakistan: CNIC (computerised national identity card number, NADRA).
//!
//! Thirteen digits written `#####-#######-#`: the first five locate the
//! applicant (the first digit is the province: 1 Khyber Pakhtunkhwa, 2 FATA,
//! 3 Punjab, 4 Sindh, 5 Balochistan, 6 Islamabad, 7 Gilgit-Baltistan), then
//! a family and serial number, and a last digit that gives the sex (odd for
//! men, even for women, never 0). NADRA publishes no check digit, so this
//! structure is all that can be checked (as python-stdnum's `pk.cnic` does).
//! The hyphenated form is how every card and form prints it and stands
//! alone; thirteen bare digits need a keyword (`CNIC`, `شناختی کارڈ`).

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::PkCnic,
    country: "PK",
    shapes: &[
        shape("ddddd-ddddddd-d", Strong),
        shape("ddddddddddddd", Keyword),
        // Spaced where the dashes go (`CNIC 35202 1234567 1`), named.
        shape("ddddd ddddddd d", Keyword),
    ],
    validate: cnic,
}];

pub(super) fn cnic(s: &[u8]) -> bool {
    digits_n(s, 13) && (b'1'..=b'7').contains(&s[0]) && s[12] != b'0'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    /// Generated with python-stdnum (pk.cnic) by tests/data/ids/gen_vectors.py.
    fn valid() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/pk_cnic.txt"))
    }

    #[test]
    fn province_and_sex_digit() {
        for v in valid() {
            assert!(cnic(v.as_bytes()), "{v}");
            // No check digit: only the province and sex digits are checked.
            let mut b = v.as_bytes().to_vec();
            for d in [b'0', b'8', b'9'] {
                b[0] = d;
                assert!(!cnic(&b), "{v}");
            }
            b = v.as_bytes().to_vec();
            b[12] = b'0';
            assert!(!cnic(&b), "{v}");
        }
        assert!(!cnic(b"352021234567") && !cnic(b"35202123456781"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mera CNIC 35202-1234567-1 hai", None),
            [(Kind::PkCnic, "35202-1234567-1".into())]
        );
        assert_eq!(
            scan("میرا شناختی کارڈ نمبر 4210112345672 ہے", None),
            [(Kind::PkCnic, "4210112345672".into())]
        );
        assert_eq!(
            scan("mera shanakhti card no 3520212345671 hai", Some("PK")),
            [(Kind::PkCnic, "3520212345671".into())]
        );
        assert_eq!(scan("CNIC: 35202-1234567-1.", Some("IN")).len(), 1);
        // A person's NTN is the CNIC number.
        assert_eq!(
            scan("NTN 3520212345671 for the invoice", Some("PK")),
            [(Kind::PkCnic, "3520212345671".into())]
        );
        assert_eq!(
            scan("CNIC 35202 1234567 1", Some("PK")),
            [(Kind::PkCnic, "35202 1234567 1".into())]
        );
        // Bare or spaced digits need the keyword; province 8 is not issued.
        assert!(scan("35202 1234567 1", Some("PK")).is_empty());
        assert!(scan("4210112345672", Some("PK")).is_empty());
        assert!(scan("85202-1234567-1", None).is_empty());
        assert!(scan("order 35202-1234567-0", Some("PK")).is_empty());
    }
}
