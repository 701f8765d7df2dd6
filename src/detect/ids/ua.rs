//! Ukraine: individual taxpayer registration number (РНОКПП, formerly
//! ІПН, "identification code").
//!
//! Ten digits: the days from 31 December 1899 to the birth date, a serial
//! whose last digit gives the sex, and a check digit: `Σ dᵢ·wᵢ mod 11 mod
//! 10` with weights `−1 5 7 9 4 6 10 5 7` (python-stdnum's `ua.rntrc`, our
//! oracle; `−1` is `10` modulo 11). Any five digits are a day count and one
//! random number in ten passes the check, so the number is read only after
//! its keyword (`РНОКПП`, `ІПН`, `ідентифікаційний код`).

use super::{digits_n, not_all_zeros, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::UaRnokpp,
    country: "UA",
    shapes: &[shape("dddddddddd", Keyword)],
    validate: rnokpp,
}];

pub(super) fn rnokpp(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 9] = [10, 5, 7, 9, 4, 6, 10, 5, 7];
    digits_n(s, 10)
        && not_all_zeros(s)
        && weighted_mod(&s[..9], &WEIGHTS, 11).is_some_and(|r| r % 10 == u32::from(s[9] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (ua.rntrc) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ua_rnokpp.txt"))
    }

    #[test]
    fn check_digit() {
        // `mod 11 mod 10` shares a check digit between two remainders.
        let (escaped, total) = one_digit_escapes(rnokpp, &values());
        assert!(escaped * 10 < total, "{escaped} of {total}");
        // python-stdnum's example and its wrong check digit.
        assert!(rnokpp(b"1759013776") && !rnokpp(b"1759013770"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [format!("РНОКПП {v}"), format!("мій ІПН: {v}")] {
            assert_eq!(scan(&text, None), [(Kind::UaRnokpp, v.into())], "{text}");
        }
        // Ten bare digits are anything (a phone number in Ukraine).
        assert!(!scan(v, Some("UA"))
            .iter()
            .any(|(k, _)| *k == Kind::UaRnokpp));
        assert!(scan(&format!("замовлення {v}"), Some("UA")).is_empty());
    }
}
