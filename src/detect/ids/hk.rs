//! Hong Kong: identity card number (HKID), `A123456(3)`.
//!
//! One or two letters, six digits and a check character: the letters
//! valued 10 to 35 (a single letter preceded by a blank worth 36), the
//! eight values weighted 9 down to 2, and the check `11 − (sum mod 11)`,
//! `A` for 10 and `0` for 11. Printed with the check character in
//! parentheses, the form stands alone; run together (`A1234563`), it is
//! read in Hong Kong or after `HKID`.

use super::{shape, IdSpec, Strength::*};
use crate::checksum::alnum_value;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::HkHkid,
    country: "HK",
    shapes: &[
        shape("Ldddddd(X)", Strong),
        shape("LLdddddd(X)", Strong),
        shape("LddddddX", Home),
        shape("LLddddddX", Home),
    ],
    validate: hkid,
}];

pub(super) fn hkid(s: &[u8]) -> bool {
    let letters = match s.len() {
        8 => 1,
        9 => 2,
        _ => return false,
    };
    let (prefix, rest) = s.split_at(letters);
    let (digits, check) = rest.split_at(6);
    if !prefix.iter().all(u8::is_ascii_uppercase) || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    // A single letter stands after a blank worth 36.
    let blank = (letters == 1).then_some(36);
    let values = blank
        .into_iter()
        .chain(prefix.iter().chain(digits).filter_map(|&b| alnum_value(b)));
    let sum: u32 = values.zip((2..=9).rev()).map(|(v, w)| v * w).sum();
    let expected = match sum % 11 {
        0 => b'0',
        1 => b'A',
        r => b'0' + (11 - r) as u8,
    };
    check == [expected]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    /// stdnum-js's test vectors (`src/hk/hkid.spec.ts`).
    const VALID: &[&str] = &["G123456A", "A5555550", "C5678909", "AB9876543", "WX1234569"];

    #[test]
    fn check_character() {
        for v in VALID {
            assert!(hkid(v.as_bytes()), "{v}");
            // Weights 2 to 9 are below 11: every changed digit or check
            // character fails.
            let mut buf = v.as_bytes().to_vec();
            for i in v.len() - 7..v.len() {
                let orig = buf[i];
                for c in (b'0'..=b'9').chain([b'A']).filter(|&c| c != orig) {
                    buf[i] = c;
                    assert!(!hkid(&buf), "{}", String::from_utf8_lossy(&buf));
                }
                buf[i] = orig;
            }
        }
        assert!(!hkid(b"C5678908") && !hkid(b"1234567") && !hkid(b"A123456B"));
        // The Immigration Department's sample.
        assert!(hkid(b"A1234563"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my HKID is A123456(3) thanks", Some("GB")),
            [(Kind::HkHkid, "A123456(3)".into())]
        );
        assert_eq!(
            scan("身份證 AB987654(3)", None),
            [(Kind::HkHkid, "AB987654(3)".into())]
        );
        assert_eq!(
            scan("A1234563", Some("HK")),
            [(Kind::HkHkid, "A1234563".into())]
        );
        assert!(scan("A1234563", Some("GB")).is_empty());
        assert!(scan("order A1234563", Some("HK")).is_empty());
    }
}
