//! Tanzania: national identification number (NIN, NIDA).
//!
//! Twenty digits, printed `19900101-12345-00001-12`: the holder's birth
//! date `YYYYMMDD`, then codes of the place of registration, a serial and
//! two more digits. NIDA publishes no check digit, so a real birth date is
//! what is checked. The printed grouping is a NIN in a Tanzanian
//! conversation or after a keyword (`NIDA`, `kitambulisho`); twenty bare
//! digits with a birth date are one in Tanzania and weak evidence
//! elsewhere. Mobile money and SIM registration ask for it, so customers
//! send it.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::TzNida,
    country: "TZ",
    shapes: &[
        shape("dddddddd-ddddd-ddddd-dd", Home),
        shape("dddddddddddddddddddd", Bare),
    ],
    validate: nin,
}];

pub(super) fn nin(s: &[u8]) -> bool {
    digits_n(s, 20)
        && matches!(&s[..2], b"19" | b"20")
        && valid_date(num(&s[..4]), num(&s[4..6]), num(&s[6..8]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn birth_date() {
        assert!(nin(b"19900101123450000112") && nin(b"20040229611010000101"));
        for v in [
            "19901301123450000112", // month 13
            "20050229611010000101", // 29 February 2005
            "18900101123450000112", // the 1800s
            "1990010112345000011",  // 19 digits
        ] {
            assert!(!nin(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("namba ya NIDA 19900101-12345-00001-12", None),
            [(Kind::TzNida, "19900101-12345-00001-12".into())]
        );
        assert_eq!(scan("19900101-12345-00001-12", Some("TZ")).len(), 1);
        assert_eq!(scan("19900101123450000112", Some("TZ")).len(), 1);
        assert!(scan("19900101-12345-00001-12", Some("KE")).is_empty());
        assert!(scan("19900101123450000112", Some("KE")).is_empty());
        assert!(scan("order 19900101123450000112", Some("TZ")).is_empty());
    }
}
