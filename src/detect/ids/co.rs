//! Colombia: NIT (número de identificación tributaria) and the cédula de
//! ciudadanía.
//!
//! A number (nine digits for companies) and a check digit: the digits from
//! the right times `3 7 13 17 19 23 29 37 41 43 47 53 59 67 71`, modulo 11;
//! a remainder of 0 or 1 is the check itself, any other `r` gives `11 − r`.
//! Prime weights catch every single-digit change. Written `900.123.456-7`
//! it stands alone; the dash-only form needs a keyword or a Colombian
//! conversation.
//!
//! The cédula de ciudadanía (`C.C. 1.023.456.789`, `cédula 79.123.456`):
//! seven, eight or ten digits, ten only from `1` on (issued since 2004),
//! with no check digit (the oldest, of six digits, are left out: they
//! read as prices, `123.456`). Sellers and couriers ask for it with every order, so it is
//! in every Colombian chat, and it is nothing but digits: it is reported
//! only in a Colombian conversation after its keyword (`cédula`, `C.C.`,
//! `CC`, in lower case too: `mi cc es …`) or a generic identity word.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::CoNit,
        country: "CO",
        shapes: &[
            shape("ddd.ddd.ddd-d", Strong),
            shape("ddddddddd-d", Home),
            shape("dddddddddd", Keyword),
        ],
        validate: nit,
    },
    IdSpec {
        kind: Kind::CoCedula,
        country: "CO",
        shapes: &[
            shape("d.ddd.ddd.ddd", HomeKeyword),
            shape("dd.ddd.ddd", HomeKeyword),
            shape("d.ddd.ddd", HomeKeyword),
            shape("dddddddddd", HomeKeyword),
            shape("dddddddd", HomeKeyword),
            shape("ddddddd", HomeKeyword),
        ],
        validate: cedula,
    },
];

pub(super) fn cedula(s: &[u8]) -> bool {
    matches!(s.len(), 7 | 8 | 10)
        && digits_n(s, s.len())
        && s[0] != b'0'
        && (s.len() < 10 || s[0] == b'1')
}

const WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

pub(super) fn nit(s: &[u8]) -> bool {
    let Some((&check, body)) = s.split_last() else {
        return false;
    };
    if !(8..=15).contains(&body.len()) || !digits_n(s, s.len()) {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    let expected = match sum % 11 {
        r @ (0 | 1) => r,
        r => 11 - r,
    };
    u32::from(check - b'0') == expected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{one_digit_escapes, scan};

    // Generated with python-stdnum (co.nit).
    const NITS: &[&str] = &["2131234321", "8600195187", "9001234568", "8300545390"];

    #[test]
    fn check_digit() {
        let ok: Vec<&str> = NITS.iter().copied().filter(|v| nit(v.as_bytes())).collect();
        assert_eq!(ok.len(), NITS.len());
        // Remainders 1 and 10 both give check digit 1: a few one-digit
        // changes pass; the rest are caught.
        let (escaped, total) = one_digit_escapes(nit, NITS);
        assert!(escaped * 20 <= total, "{escaped} of {total}");
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("NIT 860.019.518-7", None),
            [(Kind::CoNit, "860.019.518-7".into())]
        );
        assert_eq!(scan("860019518-7", Some("CO")).len(), 1);
        assert!(scan("860019518-7", None).is_empty());
    }

    #[test]
    fn cedula_in_chat() {
        for (text, value) in [
            ("C.C. 1.023.456.789", "1.023.456.789"),
            ("mi cédula es 79.123.456", "79.123.456"),
            ("cedula 1023456789 de Bogotá", "1023456789"),
            ("CC 52345678", "52345678"),
            // In lower case too, as Colombians type it.
            ("cc 52345678", "52345678"),
            ("mi cc es 1023456789", "1023456789"),
            ("c.c 52.345.678 de Medellín", "52.345.678"),
            ("documento de identidad 1023456789", "1023456789"),
            ("moto 150cc, mi cc 52345678", "52345678"),
        ] {
            assert_eq!(
                scan(text, Some("CO")),
                [(Kind::CoCedula, value.into())],
                "{text}"
            );
        }
        for (text, region) in [
            // Unnamed, or outside Colombia.
            ("1023456789", Some("CO")),
            ("cédula 1023456789", Some("EC")),
            ("cédula 1023456789", None),
            // Ten digits start with 1; none with 0; a veto word.
            ("cédula 2023456789", Some("CO")),
            ("cédula 0123456", Some("CO")),
            ("pedido 52345678", Some("CO")),
            // `cc` in lower case outside Colombia.
            ("cc 52345678", Some("EC")),
            ("cc 52345678", None),
            // An engine's cubic centimetres.
            ("motor 1500 cc 52123456", Some("CO")),
            ("moto 125 C.C. 52123456", Some("CO")),
        ] {
            assert!(
                scan(text, region).iter().all(|(k, _)| *k != Kind::CoCedula),
                "{text}"
            );
        }
    }
}
