//! Romania: personal numeric code (CNP, cod numeric personal).
//!
//! Thirteen digits: sex and century (`1`/`2` born 1900–1999, `3`/`4` in
//! the 1800s, `5`/`6` from 2000, `7`–`9` residents), the birth date
//! `YYMMDD`, a county code (`01`–`52`, `70` and `80`–`83`), a serial and a
//! mod-11 check digit (weights `279146358279`, `10 → 1`). The date, the
//! county and the check digit together make a random match rare, so the
//! bare digits are read at home and as weak evidence elsewhere. Births
//! from 2000 are read up to 2030: a product barcode from Romania
//! (`594…`) would otherwise be a CNP of 2094.

use super::{digits_n, num, shape, valid_date, IdSpec, Strength::*, LAST_BIRTH_YEAR};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::RoCnp,
    country: "RO",
    shapes: &[shape("ddddddddddddd", Checked)],
    validate: cnp,
}];

pub(super) fn cnp(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 12] = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
    if !digits_n(s, 13) || s[0] == b'0' {
        return false;
    }
    let yy = num(&s[1..3]);
    let year = match s[0] {
        b'3' | b'4' => 1800 + yy,
        b'5' | b'6' if 2000 + yy <= LAST_BIRTH_YEAR => 2000 + yy,
        b'5' | b'6' => return false,
        _ => 1900 + yy,
    };
    let county = num(&s[7..9]);
    valid_date(year, num(&s[3..5]), num(&s[5..7]))
        && matches!(county, 1..=48 | 51 | 52 | 70 | 80..=83)
        && weighted_mod(&s[..12], &WEIGHTS, 11)
            .is_some_and(|r| (if r == 10 { 1 } else { r }) == u32::from(s[12] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (ro.cnp) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ro_cnp.txt"))
    }

    #[test]
    fn date_county_and_check_digit() {
        // `10 → 1` shares a check digit between two remainders (and a
        // date or county may stay valid): a few one-digit changes escape.
        let (escaped, total) = one_digit_escapes(cnp, &values());
        assert!(escaped * 30 < total, "{escaped} of {total}");
        // python-stdnum's examples: one valid, one it rejects.
        assert!(cnp(b"1630615123457"));
        assert!(!cnp(b"8800101221144") && !cnp(b"0000000000000"));
        // A Romanian product barcode is no birth in 2094.
        assert!(!cnp(b"5940000000000"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        for text in [format!("CNP: {v}"), format!("codul numeric personal {v}")] {
            assert_eq!(scan(&text, None), [(Kind::RoCnp, v.into())], "{text}");
        }
        assert_eq!(scan(v, Some("RO")), [(Kind::RoCnp, v.into())]);
        assert!(scan(&format!("comanda {v}"), Some("RO")).is_empty());
    }
}
