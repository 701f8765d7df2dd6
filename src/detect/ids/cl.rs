//! Chile: RUT / RUN (rol único tributario / nacional).
//!
//! A number of up to eight digits and a check character computed modulo 11
//! with weights 2 to 7 repeating from the right; 10 is written `K` and 11
//! `0`. Every single-digit change is caught. Chileans write it with dots
//! and a dash (`12.345.678-5`), which stands alone; the dash-only form
//! needs a keyword or a Chilean conversation.

use super::{shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ClRut,
    country: "CL",
    shapes: &[
        shape("dd.ddd.ddd-K", Strong),
        shape("d.ddd.ddd-K", Strong),
        shape("dddddddd-K", Home),
        shape("ddddddd-K", Home),
        // Without dots or hyphen, as forms that take digits only store it:
        // only where a keyword names it, in a Chilean conversation (every
        // run of eight or nine digits is probed for it, so the region is
        // asked first, before the check and the keyword look-up).
        shape("ddddddddK", HomeKeyword),
        shape("dddddddK", HomeKeyword),
    ],
    validate: rut,
}];

pub(super) fn rut(s: &[u8]) -> bool {
    let Some((&check, body)) = s.split_last() else {
        return false;
    };
    if !(7..=8).contains(&body.len()) || !body.iter().all(u8::is_ascii_digit) || body[0] == b'0' {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .zip([2u32, 3, 4, 5, 6, 7].iter().cycle())
        .map(|(&d, &w)| u32::from(d - b'0') * w)
        .sum();
    let expected = match 11 - sum % 11 {
        11 => b'0',
        10 => b'K',
        d => b'0' + d as u8,
    };
    check == expected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (cl.rut).
    const RUTS: &[&str] = &["125319092", "76086427", "232627824", "150000009"];

    #[test]
    fn check_character() {
        valid_and_one_digit_changes_rejected(rut, RUTS);
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mi RUT es 12.531.909-2", None),
            [(Kind::ClRut, "12.531.909-2".into())]
        );
        assert_eq!(scan("rut 7608642-8 no", None).len(), 0);
        assert_eq!(scan("7.608.642-7", None).len(), 1);
        // Also a Spanish NIF with the letter K: the region decides.
        assert!(crate::detect::ids::es::nif(b"25239186K"));
        assert_eq!(
            scan("ok 25.239.186-K", Some("CL")),
            [(Kind::ClRut, "25.239.186-K".into())]
        );
        assert_eq!(
            scan("ok 25.239.186-K", Some("ES")),
            [(Kind::EsNif, "25.239.186-K".into())]
        );
        assert_eq!(scan("12531909-2", Some("CL")).len(), 1);
        assert!(scan("12531909-2", None).is_empty());
        assert_eq!(
            scan("rut 125319092", Some("CL")),
            [(Kind::ClRut, "125319092".into())]
        );
        assert_eq!(scan("RUT: 76086427", Some("CL")).len(), 1);
        assert!(scan("RUT: 76086427", None).is_empty());
        assert_eq!(scan("rut 25239186k", Some("CL")).len(), 1);
        assert!(scan("ok 125319092", Some("CL")).is_empty());
        assert!(scan("rut 125319093", Some("CL")).is_empty());
    }
}
