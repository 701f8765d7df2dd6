//! Thailand: national identification number (เลขประจำตัวประชาชน).
//!
//! Thirteen digits, written `d-dddd-ddddd-dd-d` on the card: the first is
//! the person's category (1–8), then the registration office, a serial, and
//! a check digit, `(11 − Σ dᵢ·(13 … 2) mod 11) mod 10` over the first
//! twelve (Department of Provincial Administration; python-stdnum's
//! `th.pin`). The distinct weights catch every single-digit change but the
//! ones that shift the sum by exactly the remainders 0 and 10 (both give
//! check 1). The dashed form stands alone; thirteen bare digits need a Thai
//! conversation or a keyword (`บัตรประชาชน`).

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ThId,
    country: "TH",
    shapes: &[
        shape("d-dddd-ddddd-dd-d", Strong),
        shape("d dddd ddddd dd d", Strong),
        shape("ddddddddddddd", Checked),
    ],
    validate: th_id,
}];

pub(super) fn th_id(s: &[u8]) -> bool {
    if !digits_n(s, 13) || matches!(s[0], b'0' | b'9') {
        return false;
    }
    let Some(sum) = weighted_sum(&s[..12], &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) else {
        return false;
    };
    (11 - sum % 11) % 10 == u32::from(s[12] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    /// Generated with python-stdnum (th.pin) by tests/data/ids/gen_vectors.py.
    fn valid() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/th_id.txt"))
    }

    #[test]
    fn check_digit() {
        // `(11 − r) mod 10` gives 1 for remainders 0 and 10: one change in
        // eleven of a digit can move the sum between them; the first digit
        // (0 and 9 are not issued) catches a few more.
        let (escaped, total) = one_digit_escapes(th_id, &valid());
        assert!(escaped * 10 <= total, "{escaped} of {total}");
        assert!(!th_id(b"0341832166746") && !th_id(b"9341832166746"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("เลขบัตรประชาชน 1-1037-02071-81-1 ค่ะ", None),
            [(Kind::ThId, "1-1037-02071-81-1".into())]
        );
        assert_eq!(
            scan("thai id 1103702071811", None),
            [(Kind::ThId, "1103702071811".into())]
        );
        assert_eq!(scan("1103702071811", Some("TH")).len(), 1);
        assert!(scan("1103702071811", None).is_empty());
        assert!(scan("1-1037-02071-81-2", None).is_empty());
    }
}
