//! Venezuela: cédula de identidad (SAIME) and a person's RIF (SENIAT).
//!
//! A cédula is seven or eight digits after the holder's nationality, `V`
//! (Venezuelan) or `E` (foreigner): `V-12.345.678`, `V12345678`. It is what
//! every Pago Móvil payment asks for beside the bank and the phone number
//! (`Pago móvil: Banesco 0134 V-12345678 0414-1234567`), so it travels in
//! sales chats all day. No check digit is published; the letter and a
//! number of the range SAIME has issued (V up to 40 million) are what is
//! checked. With its letter it is a cédula in a Venezuelan conversation or
//! after a keyword (`cédula`, `C.I.`); the digits alone (`C.I:
//! 12.345.678`) only after a keyword in a Venezuelan conversation, since
//! the same dots write prices in bolívares.
//!
//! A person's RIF (tax number) is their cédula, zero-padded to eight
//! digits, and a check digit (`V-12345678-9`; weights `3 2 7 6 5 4 3 2`
//! after a value for the type letter, mod 11): read as the cédula it holds,
//! and printed so, with its letter and check digit, it stands alone.
//! `J` (companies) and `G` (government) RIFs are not personal data.

use super::{digits_n, not_all_zeros, num, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::VeCedula,
    country: "VE",
    shapes: &[
        shape("L-dd.ddd.ddd", Home),
        shape("L-d.ddd.ddd", Home),
        shape("Ldd.ddd.ddd", Home),
        shape("L-dddddddd", Home),
        shape("L-ddddddd", Home),
        shape("Ldddddddd", Home),
        shape("Lddddddd", Home),
        shape("L-dddddddd-d", Strong),
        shape("Lddddddddd", Home),
        shape("dd.ddd.ddd", HomeKeyword),
        shape("d.ddd.ddd", HomeKeyword),
        shape("dddddddd", HomeKeyword),
        shape("ddddddd", HomeKeyword),
    ],
    validate: cedula_or_person_rif,
}];

/// A cédula with or without its letter, or a person's RIF.
pub(super) fn cedula_or_person_rif(s: &[u8]) -> bool {
    match s {
        [b'V' | b'E' | b'P', digits @ ..] if digits.len() == 9 => person_rif(s),
        [letter @ (b'V' | b'E'), digits @ ..] => cedula(*letter, digits),
        digits => cedula(b'V', digits) || cedula(b'E', digits),
    }
}

fn cedula(letter: u8, digits: &[u8]) -> bool {
    if !matches!(digits.len(), 7 | 8) || !digits_n(digits, digits.len()) || digits[0] == b'0' {
        return false;
    }
    letter == b'E' || num(digits) <= 40_000_000
}

/// `V`, `E` (foreigner) or `P` (passport holder), eight digits, and the
/// check digit.
fn person_rif(s: &[u8]) -> bool {
    if s.len() != 10 || !digits_n(&s[1..], 9) || !not_all_zeros(&s[1..9]) {
        return false;
    }
    let type_value = match s[0] {
        b'V' => 4,
        b'E' => 8,
        b'P' => 16,
        _ => return false,
    };
    let Some(sum) = weighted_sum(&s[1..9], &[3, 2, 7, 6, 5, 4, 3, 2]) else {
        return false;
    };
    b"00987654321"[((type_value + sum) % 11) as usize] == s[9]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn rifs() -> Vec<&'static str> {
        // Generated with python-stdnum (ve.rif) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ve_rif.txt"))
    }

    #[test]
    fn letter_and_range() {
        assert!(cedula_or_person_rif(b"V12345678") && cedula_or_person_rif(b"E81234567"));
        assert!(cedula_or_person_rif(b"V1234567") && cedula_or_person_rif(b"12345678"));
        // Beyond the issued range, a leading zero, another letter, a length.
        for bad in [
            "V45123456",
            "V01234567",
            "J12345678",
            "X12345678",
            "V123456",
            "V123456789",
        ] {
            assert!(!cedula_or_person_rif(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn rif_check_digit() {
        // Two remainders share the check digit 0: a few changes pass.
        let (escaped, total) = one_digit_escapes(cedula_or_person_rif, &rifs());
        assert!(escaped * 10 <= total, "{escaped} of {total}");
        // A company's RIF (python-stdnum's example) is not a person's.
        assert!(!cedula_or_person_rif(b"J309744356"));
        for v in rifs() {
            let mut company = v.as_bytes().to_vec();
            company[0] = b'J';
            assert!(!cedula_or_person_rif(&company), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan(
                "Pago móvil: Banesco 0134 V-12345678 04141234567",
                Some("VE")
            ),
            [(Kind::VeCedula, "V-12345678".into())]
        );
        assert_eq!(
            scan("mi cédula es V-18.456.789", None),
            [(Kind::VeCedula, "V-18.456.789".into())]
        );
        assert_eq!(
            scan("Titular: Maria Perez\nC.I: 18.456.789", Some("VE")),
            [(Kind::VeCedula, "18.456.789".into())]
        );
        let rif = rifs()[0];
        let printed = format!("{}-{}-{}", &rif[..1], &rif[1..9], &rif[9..]);
        assert_eq!(
            scan(&format!("RIF {printed}"), Some("VE")),
            [(Kind::VeCedula, printed.clone())]
        );
        // Unnamed outside Venezuela, or a price in bolívares.
        assert!(scan("V-12345678", Some("CO")).is_empty());
        assert!(scan("total 18.456.789 Bs", Some("VE")).is_empty());
        assert!(scan("18.456.789", Some("VE")).is_empty());
    }
}
