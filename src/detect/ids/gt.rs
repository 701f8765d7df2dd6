//! Guatemala: CUI (código único de identificación), the number of the DPI
//! (documento personal de identificación, RENAP).
//!
//! Thirteen digits, printed `1587 56444 0904`: an eight-digit serial, a
//! check digit (the serial's digits weighted 2 to 9, mod 11, written mod
//! 10), and the department (01–22) and municipality of registration. The
//! municipality must exist in its department: RENAP's codes follow the
//! list of municipalities, 17 in Guatemala department, 33 in
//! Huehuetenango … (the counts as of 2015, when Escuintla and
//! Huehuetenango gained one each). One random number in ten passes the
//! check and about one in thirty the place codes, so thirteen bare digits
//! are a CUI in a Guatemalan conversation (mobile numbers there are eight
//! digits, eleven with `502`) and weak evidence elsewhere.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::GtDpi,
    country: "GT",
    shapes: &[
        shape("dddd ddddd dddd", Checked),
        shape("dddd-ddddd-dddd", Checked),
        shape("ddddddddddddd", Checked),
    ],
    validate: cui,
}];

/// Municipalities per department, 01 to 22.
const MUNICIPALITIES: [u32; 22] = [
    17, 8, 16, 16, 14, 14, 19, 8, 24, 21, 9, 30, 33, 21, 8, 17, 14, 5, 11, 11, 7, 17,
];

pub(super) fn cui(s: &[u8]) -> bool {
    if !digits_n(s, 13) {
        return false;
    }
    let (department, municipality) = (num(&s[9..11]), num(&s[11..13]));
    let Some(&count) = MUNICIPALITIES.get((department as usize).wrapping_sub(1)) else {
        return false;
    };
    if municipality == 0 || municipality > count {
        return false;
    }
    weighted_mod(&s[..8], &[2, 3, 4, 5, 6, 7, 8, 9], 11).map(|r| r % 10)
        == Some(u32::from(s[8] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    // python-stdnum's JavaScript port (stdnum-js, gt/cui), an independent
    // implementation.
    const CUIS: &[&str] = &["1587564440904", "1580352240101"];

    #[test]
    fn check_digit_and_place() {
        // The check digit covers the serial (its 10 is written 0, so a few
        // changes pass); the place codes are checked against the list.
        let (mut escaped, mut total) = (0, 0);
        for v in CUIS {
            assert!(cui(v.as_bytes()), "{v}");
            for i in 0..9 {
                for d in b'0'..=b'9' {
                    let mut c = v.as_bytes().to_vec();
                    if c[i] != d {
                        c[i] = d;
                        total += 1;
                        escaped += usize::from(cui(&c));
                    }
                }
            }
        }
        assert!(escaped * 10 <= total, "{escaped} of {total}");
        // stdnum-js's rejected example: the check digit.
        assert!(!cui(b"1680352240101"));
        // Department 23, municipality 00, Izabal's (18) sixth.
        assert!(!cui(b"1587564442301") && !cui(b"1587564440900"));
        assert!(!cui(b"1587564441806"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mi DPI es 1587 56444 0904", None),
            [(Kind::GtDpi, "1587 56444 0904".into())]
        );
        assert_eq!(scan("1580352240101", Some("GT")).len(), 1);
        assert!(scan("1580352240101", Some("MX")).is_empty());
        assert!(scan("pedido 1580352240101", Some("GT")).is_empty());
    }
}
