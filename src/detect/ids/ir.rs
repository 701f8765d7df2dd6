//! Iran: the national code (کد ملی, code melli) of the national ID card.
//!
//! Ten digits: three for the place of issue, six for the person, and a
//! check digit: `r = Σ dᵢ·(10 − i) mod 11` over the first nine, the check
//! digit `r` when `r < 2`, else `11 − r` (so remainders 1 and 10 share the
//! check digit 1, and a typo between them goes unnoticed). The six personal digits are
//! never all zero. Shops on WhatsApp and Instagram ask for it to register
//! a buyer or to send a parcel, and customers type it in Persian digits as
//! often as in Latin ones (the scanner reads both).
//!
//! One random ten-digit number in ten passes, and ten digits are also a
//! mobile number written without its `0` (`912 345 6789`), so bare digits
//! are read only after a keyword (`کد ملی`, `کدملی`, `شماره ملی`,
//! `کارت ملی`, `code melli`, `national code`, in both the Persian and the
//! Arabic forms of `ک` and `ی`). The card prints it `ddd-dddddd-d`, a
//! grouping of Iran's alone, read in an Iranian conversation as well.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::IrNationalId,
    country: "IR",
    shapes: &[shape("ddd-dddddd-d", Home), shape("dddddddddd", Keyword)],
    validate: national_code,
}];

pub(super) fn national_code(s: &[u8]) -> bool {
    if !digits_n(s, 10) || s[3..9].iter().all(|&b| b == b'0') {
        return false;
    }
    let Some(r) = weighted_mod(&s[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2], 11) else {
        return false;
    };
    let check = if r < 2 { r } else { 11 - r };
    check == u32::from(s[9] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with persian-tools by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ir_national_id.txt"))
    }

    #[test]
    fn check_digit() {
        // Remainders 1 and 10 both give the check digit 1, so a change
        // between them goes unnoticed.
        let (escaped, total) = one_digit_escapes(national_code, &values());
        assert!(escaped * 30 < total, "{escaped} of {total}");
        // persian-tools' examples; the personal digits all zero.
        assert!(national_code(b"0499370899") && national_code(b"0684159414"));
        assert!(!national_code(b"0684159415"));
        assert!(!national_code(b"1230000003"));
    }

    #[test]
    fn in_chat() {
        for text in [
            "کد ملی 0499370899",
            "کدملی: ۰۴۹۹۳۷۰۸۹۹",
            "كد ملي 0499370899",
            "شماره ملی 0499370899",
            "code melli 0499370899",
        ] {
            let found = scan(text, None);
            assert!(
                matches!(found[..], [(Kind::IrNationalId, _)]),
                "{text}: {found:?}"
            );
        }
        assert_eq!(
            scan("049-937089-9", Some("IR")),
            [(Kind::IrNationalId, "049-937089-9".into())]
        );
        assert!(scan("049-937089-9", Some("TR")).is_empty());
        // Bare, even at home, ten digits say nothing by themselves.
        assert!(scan("0499370899", Some("IR")).is_empty());
        assert!(scan("کد ملی 0499370898", None).is_empty());
    }
}
