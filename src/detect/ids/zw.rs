//! Zimbabwe: the national registration number on the national ID card
//! (chitupa, isitupa).
//!
//! Two digits for the registration office, a national number of six or
//! seven digits, a check letter, and two digits for the holder's district
//! of origin (`00` for a foreign one): `63-2012345 P 42`. The letter is the
//! office code and national number read as one number, modulo 23, in
//! `ZABCDEFGHJKLMNPQRSTVWXY` (the alphabet without I, O and U, zero first).
//! Every bank, mobile-money agent and courier asks for it, and customers
//! type it in chat with the hyphen (`63-2012345P42`, `63-2012345 P 42`,
//! `63-2012345-P-42`) or without (`632012345P42`).
//!
//! The district codes are not checked: the published lists disagree, and
//! districts have been created since, so a list would miss real numbers.
//! The check letter alone passes one random value in 23; the hyphen after
//! two digits and the letter between digits make the form plain, so the
//! hyphenated forms are read anywhere (Zimbabweans in South Africa write
//! it in South African chats), and the forms without it in Zimbabwe or
//! after a keyword.

use super::{shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ZwNid,
    country: "ZW",
    shapes: &[
        shape("dd-ddddddLdd", Strong),
        shape("dd-dddddddLdd", Strong),
        shape("dd-dddddd Ldd", Strong),
        shape("dd-ddddddd Ldd", Strong),
        shape("dd-dddddd L dd", Strong),
        shape("dd-ddddddd L dd", Strong),
        shape("dd-dddddd-L-dd", Strong),
        shape("dd-ddddddd-L-dd", Strong),
        shape("ddddddddLdd", Home),
        shape("dddddddddLdd", Home),
        shape("dd dddddd L dd", Home),
        shape("dd ddddddd L dd", Home),
    ],
    validate: nid,
}];

/// The check letters by remainder modulo 23.
const CHECK_LETTERS: &[u8; 23] = b"ZABCDEFGHJKLMNPQRSTVWXY";

pub(super) fn nid(s: &[u8]) -> bool {
    // The slots of every shape: office and national number, the letter
    // (upper-cased), the district.
    let Some(at) = s.len().checked_sub(3).filter(|&at| matches!(at, 8 | 9)) else {
        return false;
    };
    let (number, letter, district) = (&s[..at], s[at], &s[at + 1..]);
    if !number.iter().chain(district).all(u8::is_ascii_digit) {
        return false;
    }
    let remainder = number
        .iter()
        .fold(0, |r, &d| (r * 10 + u32::from(d - b'0')) % 23);
    CHECK_LETTERS[remainder as usize] == letter
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with zim_id by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/zw_nid.txt"))
    }

    #[test]
    fn check_letter() {
        // Every change of a digit before the letter moves the remainder (a
        // digit times a power of ten is never a multiple of 23), and any
        // other letter is another remainder; the district of origin is
        // not covered.
        for v in values() {
            let slots = v.replace('-', "");
            assert!(nid(slots.as_bytes()), "{v}");
            let at = slots.len() - 3;
            let mut buf = slots.clone().into_bytes();
            for i in 0..buf.len() {
                for c in (b'0'..=b'9').chain(b'A'..=b'Z') {
                    if c == slots.as_bytes()[i] {
                        continue;
                    }
                    buf[i] = c;
                    let district_digit = i > at && c.is_ascii_digit();
                    assert_eq!(
                        nid(&buf),
                        district_digit,
                        "{}",
                        String::from_utf8_lossy(&buf)
                    );
                }
                buf[i] = slots.as_bytes()[i];
            }
        }
        // The examples of two independent descriptions of the scheme.
        assert!(nid(b"502001148W50") && nid(b"082047823Q29"));
        assert!(!nid(b"502001148V50") && !nid(b"082047823Q2"));
        // I, O and U are never check letters.
        assert!(!CHECK_LETTERS.iter().any(|l| b"IOU".contains(l)));
    }

    #[test]
    fn in_chat() {
        let v = "63-2012345P42";
        assert!(nid(b"632012345P42"));
        for written in [
            "63-2012345P42",
            "63-2012345 P 42",
            "63-2012345-P-42",
            "63-2012345p42",
            "63-201234S42",
            "63-201234 S 42",
        ] {
            for region in [None, Some("ZW"), Some("ZA")] {
                assert_eq!(
                    scan(&format!("my ID is {written} thanks"), region),
                    [(Kind::ZwNid, written.into())],
                    "{written} in {region:?}"
                );
            }
        }
        assert_eq!(
            scan("chitupa changu 632012345P42", None),
            [(Kind::ZwNid, "632012345P42".into())]
        );
        assert_eq!(
            scan("632012345P42", Some("ZW")),
            [(Kind::ZwNid, "632012345P42".into())]
        );
        assert!(scan("632012345P42", Some("ZA")).is_empty());
        // A wrong check letter, or a letter the scheme never uses.
        assert!(scan("63-2012345G42", Some("ZW")).is_empty());
        assert!(scan(&v.replace('P', "I"), Some("ZW")).is_empty());
    }
}
