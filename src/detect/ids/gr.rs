//! Greece: social security number (AMKA, ΑΜΚΑ) and tax number (AFM, ΑΦΜ).
//!
//! The AMKA is eleven digits: the birth date `DDMMYY`, four serial digits
//! and a Luhn check digit. The date and the check together leave few
//! random numbers: the bare digits are read at home and as weak evidence
//! elsewhere.
//!
//! The AFM is nine digits whose last is a check: `Σ dᵢ·2⁸⁻ⁱ mod 11 mod 10`
//! over the first eight (python-stdnum's `gr.vat`). People and businesses
//! have one; nothing else is structured and one random number in ten
//! passes, so it is read only after its keyword (`ΑΦΜ`, `AFM`).

use super::{digits_n, not_all_zeros, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::{luhn_valid, weighted_mod};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::GrAmka,
        country: "GR",
        shapes: &[shape("ddddddddddd", Checked)],
        validate: amka,
    },
    IdSpec {
        kind: Kind::GrAfm,
        country: "GR",
        shapes: &[shape("ddddddddd", Keyword)],
        validate: afm,
    },
];

pub(super) fn afm(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 8] = [256, 128, 64, 32, 16, 8, 4, 2];
    digits_n(s, 9)
        && not_all_zeros(s)
        && weighted_mod(&s[..8], &WEIGHTS, 11).is_some_and(|r| r % 10 == u32::from(s[8] - b'0'))
}

pub(super) fn amka(s: &[u8]) -> bool {
    if !digits_n(s, 11) {
        return false;
    }
    let (day, month, yy) = (num(&s[0..2]), num(&s[2..4]), num(&s[4..6]));
    (valid_date(1900 + yy, month, day) || valid_date(2000 + yy, month, day)) && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan, valid_and_one_digit_changes_rejected};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (gr.amka) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/gr_amka.txt"))
    }

    #[test]
    fn date_and_luhn() {
        valid_and_one_digit_changes_rejected(amka, &values());
        // python-stdnum's example; the same digits with a 32nd day.
        assert!(amka(b"01013099997") && !amka(b"01013099999"));
        assert!(!amka(b"32013099997"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [format!("ΑΜΚΑ {v}"), format!("AMKA: {v}")] {
            assert_eq!(scan(&text, None), [(Kind::GrAmka, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("GR")), [(Kind::GrAmka, v.into())]);
        assert!(scan(&format!("παραγγελία {v}"), Some("GR")).is_empty());
    }

    fn afms() -> Vec<&'static str> {
        // Generated with python-stdnum (gr.vat) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/gr_afm.txt"))
    }

    #[test]
    fn afm_check_digit() {
        let (escaped, total) = crate::detect::ids::testutil::one_digit_escapes(afm, &afms());
        assert!(escaped * 10 < total, "{escaped} of {total}");
        // python-stdnum's example (`EL 094259216`) and a wrong check digit.
        assert!(afm(b"094259216") && !afm(b"094259219"));
    }

    #[test]
    fn afm_after_its_keyword_only() {
        let v = afms()[0];
        for text in [
            format!("ΑΦΜ {v}"),
            format!("A.F.M.: {v}"),
            format!("afm {v}"),
        ] {
            assert_eq!(scan(&text, None), [(Kind::GrAfm, v.into())], "{text}");
        }
        assert!(!scan(v, Some("GR")).iter().any(|(k, _)| *k == Kind::GrAfm));
    }
}
