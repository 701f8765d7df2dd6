//! Taiwan: national identification number (身分證字號).
//!
//! A letter and nine digits, `A123456789`: the letter names the place of
//! first registration, the first digit the sex (`1`, `2`; `8`, `9` for the
//! resident certificates of foreigners since 2021, built the same way),
//! and the last digit is a check: the letter stands for a two-digit number
//! (`A` 10 … `H` 17, then `J` 18 … `N` 22, `P` 23 … `V` 29, `X` 30, `Y` 31,
//! `W` 32, `Z` 33, `I` 34, `O` 35: the letters added later come last),
//! whose digits are weighted 1 and 9, the next eight digits 8 down to 1,
//! and the check digit 1; the sum must be a multiple of ten. python-stdnum
//! has no validator for it: the test vectors come from Faker's `zh_TW`
//! provider, and the ministry's own example `A123456789` passes.
//!
//! One random string of that shape in 25 passes, so the number is read in
//! Taiwan (unless an order word vetoes it) and after a keyword elsewhere.

use super::{shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::TwId,
    country: "TW",
    shapes: &[shape("Lddddddddd", Home)],
    validate: national_id,
}];

/// The number a registration letter stands for in the check.
fn letter_value(b: u8) -> Option<u32> {
    const ORDER: &[u8; 26] = b"ABCDEFGHJKLMNPQRSTUVXYWZIO";
    ORDER.iter().position(|&l| l == b).map(|i| i as u32 + 10)
}

pub(super) fn national_id(s: &[u8]) -> bool {
    if s.len() != 10 || !b"1289".contains(&s[1]) {
        return false;
    }
    let (Some(letter), Some(digits)) = (
        letter_value(s[0]),
        weighted_sum(&s[1..], &[8, 7, 6, 5, 4, 3, 2, 1, 1]),
    ) else {
        return false;
    };
    (letter / 10 + letter % 10 * 9 + digits) % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with Faker (zh_TW ssn) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/tw_id.txt"))
    }

    #[test]
    fn letter_and_check_digit() {
        // Weights 8 … 1 and 1 against mod 10: a change of 5 under an even
        // weight and an even change under weight 5 keep the sum (8 of the
        // 81 one-digit changes of a number).
        let mut all = values();
        all.push("A123456789");
        let (escaped, total) = one_digit_escapes(national_id, &all);
        assert!(escaped * 9 < total, "{escaped} of {total}");
        assert!(!national_id(b"A323456789") && !national_id(b"a123456789"));
        // `I` stands for 34, not 18 as in alphabetical order.
        assert!(national_id(b"I123456781") && !national_id(b"I123456787"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [format!("身分證字號：{v}"), format!("身份證 {v}")] {
            assert_eq!(scan(&text, None), [(Kind::TwId, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("TW")), [(Kind::TwId, v.into())]);
        assert!(scan(v, Some("US")).is_empty());
        assert!(scan(&format!("訂單 {v}"), Some("TW")).is_empty());
    }
}
