//! Germany: Steuerliche Identifikationsnummer (IdNr).
//!
//! Eleven digits, the first not 0. Among the first ten, exactly one digit
//! occurs two or three times (three times never in three consecutive
//! places) and the others at most once; the eleventh is an ISO 7064
//! mod 11,10 check digit, which catches every single-digit change. The
//! repetition rule rules out most everyday eleven-digit numbers, but bare
//! IdNrs still need a keyword or a German conversation.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::checksum::iso7064_mod11_10;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::DeTaxId,
    country: "DE",
    shapes: &[shape("dd ddd ddd ddd", Home), shape("ddddddddddd", Bare)],
    validate: idnr,
}];

pub(super) fn idnr(s: &[u8]) -> bool {
    if !digits_n(s, 11) || s[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &b in &s[..10] {
        counts[usize::from(b - b'0')] += 1;
    }
    let multi = counts.iter().filter(|&&c| c > 1).count();
    if multi != 1 || counts.iter().any(|&c| c > 3) {
        return false;
    }
    // A digit three times: never three in a row.
    if counts.contains(&3) && s[..10].windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return false;
    }
    iso7064_mod11_10(&s[..10]) == Some(u32::from(s[10] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (de.idnr).
    const IDNRS: &[&str] = &["36574261809", "65929970489", "86095742719"];

    #[test]
    fn repetition_and_check() {
        let ok: Vec<&str> = IDNRS
            .iter()
            .copied()
            .filter(|v| idnr(v.as_bytes()))
            .collect();
        assert_eq!(ok.len(), IDNRS.len());
        // The check digit catches every change the repetition rule lets
        // through.
        valid_and_one_digit_changes_rejected(idnr, IDNRS);
        assert!(!idnr(b"12345678903"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("Steuer-ID 36 574 261 809", None),
            [(Kind::DeTaxId, "36 574 261 809".into())]
        );
        assert_eq!(scan("hier meine 36574261809", Some("DE")).len(), 1);
        assert!(scan("Bestellung 36574261809", Some("DE")).is_empty());
    }
}
