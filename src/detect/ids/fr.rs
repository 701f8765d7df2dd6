//! France: NIR (numéro de sécurité sociale).
//!
//! Fifteen characters: sex (1, 2; 3, 4, 7, 8 for provisional numbers), year
//! and month of birth (month 20 or above when unknown), the département
//! (`2A`/`2B` for Corsica), commune, order number, and a two-digit key,
//! `97 − (number mod 97)` where Corsica's `2A` and `2B` count as 19 and 18.
//! The key catches every single-digit change. Written with spaces as on
//! the carte Vitale (`1 85 05 78 006 084 91`) it stands alone.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::FrNir,
    country: "FR",
    shapes: &[
        shape("d dd dd XX ddd ddd dd", Strong),
        shape("d dd dd XXddd ddd dd", Home),
        shape("dddddXXdddddddd", Bare),
        // The key apart, as forms ask for it (`N° … clé …`).
        shape("dddddXXdddddd dd", Home),
    ],
    validate: nir,
}];

pub(super) fn nir(s: &[u8]) -> bool {
    if s.len() != 15
        || !digits_n(&s[..5], 5)
        || !digits_n(&s[7..], 8)
        || !matches!(s[0], b'1' | b'2' | b'3' | b'4' | b'7' | b'8')
    {
        return false;
    }
    let month = num(&s[3..5]);
    if !(1..=12).contains(&month) && !(20..=42).contains(&month) && !(50..=99).contains(&month) {
        return false;
    }
    // Corsica: 2A → 19, 2B → 18 in the arithmetic.
    let dept: u64 = match &s[5..7] {
        b"2A" => 19,
        b"2B" => 18,
        d if digits_n(d, 2) => u64::from(num(d)),
        _ => return false,
    };
    let head = u64::from(num(&s[..5]));
    let tail = u64::from(num(&s[7..13]));
    let n = (head * 100 + dept) * 1_000_000 + tail;
    u64::from(num(&s[13..])) == 97 - n % 97
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (fr.nir).
    const NIRS: &[&str] = &[
        "295109912611193",
        "253072B07300470",
        "185057800608491",
        "269019999999944",
    ];

    #[test]
    fn key() {
        valid_and_one_digit_changes_rejected(nir, NIRS);
        assert!(!nir(b"253072C07300470"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("n° de sécu 1 85 05 78 006 084 91 merci", None),
            [(Kind::FrNir, "1 85 05 78 006 084 91".into())]
        );
        assert_eq!(scan("NIR 253072B07300470", None).len(), 1);
        assert!(scan("commande 185057800608491", Some("FR")).is_empty());
        assert_eq!(
            scan("n° sécu 1850578006084 91", Some("FR")),
            [(Kind::FrNir, "1850578006084 91".into())]
        );
        assert_eq!(scan("n° sécu 1850578006084 91", None).len(), 1);
        assert!(scan("1850578006084 91", None).is_empty());
        assert!(scan("commande 1850578006084 91", Some("FR")).is_empty());
        // A wrong key: no NIR, and no number read out of its middle.
        assert!(scan("n° sécu 1850578006084 92", Some("FR")).is_empty());
    }
}
