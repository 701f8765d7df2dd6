//! Serbia and the other states of former Yugoslavia: unique master citizen
//! number (JMBG, ЈМБГ; EMŠO in Slovenia, ЕМБГ in North Macedonia).
//!
//! Thirteen digits: the birth date `DDMMYYY` (the year without its first
//! digit: `985` is 1985, `005` is 2005), a political region, a serial (below
//! 500 for men), and a check digit (weights `765432765432`, mod 11,
//! `10 → 0`). One kind for the whole family, named for Serbia (the
//! largest). The bare digits stand alone in every state that still issues
//! them (Serbia, Bosnia and Herzegovina, Montenegro, North Macedonia, and
//! Slovenia as EMŠO; Croatia replaced its JMBG with the OIB): one spec per
//! state, the same validator, so that each is a home. Elsewhere the bare
//! digits are weak evidence, or named by `JMBG`, `EMŠO` or `ЕМБГ`. Births
//! are read up to 2030.

use super::{digits_n, num, shape, valid_date, IdSpec, Shape, Strength::*, LAST_BIRTH_YEAR};
use crate::checksum::mod11_check_ten_zero;
use crate::finding::Kind;

static SHAPES: &[Shape] = &[shape("ddddddddddddd", Checked)];

const fn issued_in(country: &'static str) -> IdSpec {
    IdSpec {
        kind: Kind::RsJmbg,
        country,
        shapes: SHAPES,
        validate: jmbg,
    }
}

pub(super) static SPECS: &[IdSpec] = &[
    issued_in("RS"),
    issued_in("BA"),
    issued_in("ME"),
    issued_in("MK"),
    issued_in("SI"),
];

pub(super) fn jmbg(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 12] = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    if !digits_n(s, 13) {
        return false;
    }
    let yyy = num(&s[4..7]);
    let year = if yyy < 800 { 2000 + yyy } else { 1000 + yyy };
    year <= LAST_BIRTH_YEAR
        && valid_date(year, num(&s[2..4]), num(&s[0..2]))
        && mod11_check_ten_zero(&s[..12], &WEIGHTS) == Some(u32::from(s[12] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (si.emso, the same algorithm) by
        // tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/rs_jmbg.txt"))
    }

    #[test]
    fn date_and_check_digit() {
        // `10 → 0` shares a check digit between two remainders.
        let (escaped, total) = one_digit_escapes(jmbg, &values());
        assert!(escaped * 20 < total, "{escaped} of {total}");
        // python-stdnum's example (an EMŠO) and its wrong check digit.
        assert!(jmbg(b"0101006500006") && !jmbg(b"0101006500007"));
        // Born in 2085: not yet.
        assert!(!jmbg(b"0101085500006"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [
            format!("JMBG: {v}"),
            format!("ЈМБГ {v}"),
            format!("EMŠO {v}"),
        ] {
            assert_eq!(scan(&text, None), [(Kind::RsJmbg, v.into())], "{text}");
        }
        // Bare at home in every state that issues it; weak evidence
        // elsewhere (below the default threshold), as in Croatia.
        for region in ["RS", "BA", "ME", "MK", "SI"] {
            assert_eq!(
                scan(v, Some(region)),
                [(Kind::RsJmbg, v.into())],
                "{region}"
            );
        }
        assert!(scan(v, Some("HR")).is_empty() && scan(v, Some("AT")).is_empty());
        assert!(scan(&format!("porudžbina {v}"), Some("RS")).is_empty());
    }
}
