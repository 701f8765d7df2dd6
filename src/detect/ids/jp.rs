//! Japan: Individual Number (個人番号, "My Number", マイナンバー).
//!
//! Twelve digits, printed `dddd dddd dddd` on the My Number card: eleven
//! assigned digits that encode nothing about the person, and a check digit,
//! `(−Σ dᵢ·wᵢ) mod 11 mod 10` with weights `6 5 4 3 2 7 6 5 4 3 2` (the
//! Cabinet Office's ordinance; python-stdnum's `jp.in_`, our oracle). The
//! law treats it as specific personal information, which may not be
//! collected outside tax and social security: exactly what must not sit in
//! a chat. The grouped forms are read at home and after a keyword; the bare
//! digits at home unless vetoed (a check that one random string in ten
//! passes, as Aadhaar's twelve digits in India), and as weak evidence
//! elsewhere. English "my number" is a phone phrase, so only `mynumber`
//! and `my number card` name it in English.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::JpMyNumber,
    country: "JP",
    shapes: &[
        shape("dddd dddd dddd", Home),
        shape("dddd-dddd-dddd", Home),
        shape("dddddddddddd", Bare),
    ],
    validate: my_number,
}];

pub(super) fn my_number(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 11] = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    if !digits_n(s, 12) {
        return false;
    }
    weighted_sum(&s[..11], &WEIGHTS)
        .is_some_and(|sum| (11 - sum % 11) % 11 % 10 == u32::from(s[11] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (jp.in_) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/jp_my_number.txt"))
    }

    #[test]
    fn check_digit() {
        // Remainders 0 and 1 both give check digit 0: one change in eleven
        // that moves the sum between them escapes.
        let (escaped, total) = one_digit_escapes(my_number, &values());
        assert!(escaped * 10 <= total, "{escaped} of {total}");
        // python-stdnum's own example.
        assert!(my_number(b"621498320257"));
        assert!(!my_number(b"621498320258"));
        assert!(!my_number(b"62149832025"));
    }

    #[test]
    fn in_chat() {
        for v in values() {
            let spaced = format!("{} {} {}", &v[..4], &v[4..8], &v[8..]);
            for text in [
                format!("マイナンバー：{spaced}です"),
                format!("個人番号 {v}"),
                format!("my number card {spaced}"),
            ] {
                assert_eq!(
                    scan(&text, None),
                    [(
                        Kind::JpMyNumber,
                        text[text.find(&v[..4]).unwrap()..]
                            .trim_end_matches("です")
                            .into()
                    )],
                    "{text}"
                );
            }
            assert!(scan(&spaced, Some("JP"))
                .iter()
                .any(|(k, _)| *k == Kind::JpMyNumber));
            assert!(!scan(&spaced, Some("BR"))
                .iter()
                .any(|(k, _)| *k == Kind::JpMyNumber));
        }
        // At home, an order word before the bare digits vetoes them.
        assert!(!scan("注文 621498320257", Some("JP"))
            .iter()
            .any(|(k, _)| *k == Kind::JpMyNumber));
        assert!(scan("6214 9832 0258", Some("JP")).is_empty());
    }
}
