//! Ecuador: cédula de identidad (Registro Civil).
//!
//! Ten digits: a province code (01 to 24, 30 for Ecuadorians registered
//! abroad), a third digit below 6 for people (6 and 9 open the RUCs of
//! public bodies and companies, which are not personal data), six more
//! digits and a check digit. The check weighs the first nine digits 2, 1,
//! 2, 1 … and folds products above 9, which for ten digits is exactly Luhn:
//! every single-digit change is caught. One random number in ten passes the
//! check and about one in seven the province and third digit, so ten bare
//! digits are a cédula in an Ecuadorian conversation (where a valid mobile
//! number, `09…`, still wins) and weak evidence elsewhere; the hyphen before
//! the check digit (`171234567-5`) is how forms print it.
//!
//! A person's RUC (tax number) is their cédula and a three-digit
//! establishment number (`001` for the first): thirteen digits that give the
//! cédula away, reported as one.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::EcCedula,
    country: "EC",
    shapes: &[
        shape("dddddddddd", Checked),
        shape("ddddddddd-d", Home),
        shape("ddddddddddddd", Checked),
    ],
    validate: cedula_or_person_ruc,
}];

/// A cédula, or a person's RUC: a cédula and an establishment number.
pub(super) fn cedula_or_person_ruc(s: &[u8]) -> bool {
    match s.len() {
        10 => cedula(s),
        13 => cedula(&s[..10]) && digits_n(&s[10..], 3) && &s[10..] != b"000",
        _ => false,
    }
}

pub(super) fn cedula(s: &[u8]) -> bool {
    digits_n(s, 10) && matches!(num(&s[..2]), 1..=24 | 30) && s[2] < b'6' && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    #[test]
    fn province_third_digit_and_check() {
        // Generated with python-stdnum (ec.ci) by tests/data/ids/gen_vectors.py.
        let values = lines(include_str!("../../../tests/data/ids/ec_cedula.txt"));
        valid_and_one_digit_changes_rejected(cedula, &values);
        // Province 25 does not exist; a third digit of 6 opens a public
        // body's RUC.
        assert!(!cedula(b"2500000000") && !cedula(b"1760000000"));
        assert!(!cedula(b"171234567"));
    }

    #[test]
    fn person_ruc() {
        // Generated with python-stdnum (ec.ruc, people's RUCs) by
        // tests/data/ids/gen_vectors.py.
        let values = lines(include_str!("../../../tests/data/ids/ec_ruc.txt"));
        for v in &values {
            assert!(cedula_or_person_ruc(v.as_bytes()), "{v}");
            let mut no_establishment = v.as_bytes().to_vec();
            no_establishment[10..].copy_from_slice(b"000");
            assert!(!cedula_or_person_ruc(&no_establishment), "{v}");
        }
        // A change in the cédula's digits is caught by its check digit.
        let ceds: Vec<&str> = values.iter().map(|v| &v[..10]).collect();
        valid_and_one_digit_changes_rejected(cedula, &ceds);
        let v = values[0];
        assert_eq!(
            scan(&format!("RUC {v}"), None),
            [(Kind::EcCedula, v.into())]
        );
        assert_eq!(scan(v, Some("EC")), [(Kind::EcCedula, v.into())]);
        assert!(scan(v, Some("PE")).is_empty());
    }

    #[test]
    fn in_chat() {
        let v = lines(include_str!("../../../tests/data/ids/ec_cedula.txt"))[0];
        assert_eq!(
            scan(&format!("mi cédula es {v}, gracias"), Some("CO")),
            [(Kind::EcCedula, v.into())]
        );
        let hyphenated = format!("{}-{}", &v[..9], &v[9..]);
        assert_eq!(
            scan(&format!("C.I. {hyphenated}"), None),
            [(Kind::EcCedula, hyphenated.clone())]
        );
        assert_eq!(scan(&hyphenated, Some("EC")).len(), 1);
        assert_eq!(scan(v, Some("EC")).len(), 1);
        // Elsewhere, unnamed: weak evidence, below the default threshold.
        assert!(scan(v, Some("MX")).is_empty());
        assert!(scan(&format!("pedido {v}"), Some("EC")).is_empty());
    }
}
