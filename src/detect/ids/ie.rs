//! Ireland: Personal Public Service number (PPS, PPSN).
//!
//! Seven digits and a check letter, sometimes a second letter: `W` (a
//! married woman's old number), `T` or `X`, or, for numbers issued since
//! 2013, `A`, `B` or `H`, which then takes part in the check. The check
//! letter is the weighted sum (weights 8 down to 2, the second letter's
//! value times 9) mod 23 in `WABCDEFGHIJKLMNOPQRSTUV`. Seven digits and a
//! letter are also how shops write references (one in 23 passes), so the
//! number is read in Ireland or after `PPS`.

use super::{shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::IePps,
    country: "IE",
    shapes: &[shape("dddddddL", Home), shape("dddddddLL", Home)],
    validate: pps,
}];

/// The check letters, by remainder.
const CHECK_LETTERS: &[u8; 23] = b"WABCDEFGHIJKLMNOPQRSTUV";

pub(super) fn pps(s: &[u8]) -> bool {
    const WEIGHTS: [u32; 7] = [8, 7, 6, 5, 4, 3, 2];
    if !matches!(s.len(), 8 | 9) || !s[..7].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let second = match s.get(8) {
        None => 0,
        Some(b'A') => 1,
        Some(b'B') => 2,
        Some(b'H') => 8,
        Some(b'W' | b'T' | b'X') => 0,
        Some(_) => return false,
    };
    weighted_sum(&s[..7], &WEIGHTS)
        .is_some_and(|sum| CHECK_LETTERS[((sum + 9 * second) % 23) as usize] == s[7])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (ie.pps) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/ie_pps.txt"))
    }

    #[test]
    fn check_letter() {
        for v in values() {
            assert!(pps(v.as_bytes()), "{v}");
            // Every other digit or check letter fails: 23 is prime and
            // every weight is below it.
            let mut buf = v.as_bytes().to_vec();
            for i in 0..8 {
                let orig = buf[i];
                let others: Vec<u8> = if i < 7 {
                    (b'0'..=b'9').collect()
                } else {
                    CHECK_LETTERS.to_vec()
                };
                for c in others.into_iter().filter(|&c| c != orig) {
                    buf[i] = c;
                    assert!(!pps(&buf), "{}", String::from_utf8_lossy(&buf));
                }
                buf[i] = orig;
            }
        }
        // python-stdnum's examples.
        assert!(pps(b"6433435F") && pps(b"6433435FT") && pps(b"6433435OA"));
        assert!(!pps(b"6433435E") && !pps(b"6433435VH") && !pps(b"6433435FZ"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        assert_eq!(
            scan(&format!("my PPS number is {v}"), None),
            [(Kind::IePps, v.into())]
        );
        assert_eq!(scan(v, Some("IE")), [(Kind::IePps, v.into())]);
        // Elsewhere unnamed, or a reference at home: nothing.
        assert!(scan(v, Some("GB")).is_empty());
        assert!(scan(&format!("order ref {v}"), Some("IE")).is_empty());
    }
}
