//! Colombia: NIT (número de identificación tributaria).
//!
//! A number (nine digits for companies) and a check digit: the digits from
//! the right times `3 7 13 17 19 23 29 37 41 43 47 53 59 67 71`, modulo 11;
//! a remainder of 0 or 1 is the check itself, any other `r` gives `11 − r`.
//! Prime weights catch every single-digit change. Written `900.123.456-7`
//! it stands alone; the dash-only form needs a keyword or a Colombian
//! conversation.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::CoNit,
    country: "CO",
    shapes: &[
        shape("ddd.ddd.ddd-d", Strong),
        shape("ddddddddd-d", Home),
        shape("dddddddddd", Keyword),
    ],
    validate: nit,
}];

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
}
