//! Italy: codice fiscale.
//!
//! Sixteen characters: three consonants of the surname and three of the
//! name, the birth year, a month letter (`ABCDEHLMPRST`), the birth day
//! (plus 40 for women), a cadastral place code (a letter and three digits)
//! and a check letter. When two people would get the same code, digits
//! from the right are replaced by letters (`LMNPQRSTUV` for 0–9): the
//! *omocodia*, so the seven digit positions accept either. The check letter
//! sums the other fifteen characters, odd positions through a fixed table,
//! modulo 26; it catches every single-character change.

use super::{shape, valid_date, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::ItFiscalCode,
    country: "IT",
    shapes: &[shape("LLLLLLXXLXXLXXXL", Strong)],
    validate: codice_fiscale,
}];

const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Values of `0-9` and `A-Z` in odd positions (1st, 3rd …).
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
/// Positions that hold digits, or their omocodia letters.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// The digit a position holds, undoing omocodia.
fn digit_at(s: &[u8], i: usize) -> Option<u32> {
    let b = s[i];
    if b.is_ascii_digit() {
        return Some(u32::from(b - b'0'));
    }
    OMOCODIA.iter().position(|&l| l == b).map(|p| p as u32)
}

pub(super) fn codice_fiscale(s: &[u8]) -> bool {
    if s.len() != 16 || !s.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    for i in 0..16 {
        let is_digit_slot = DIGIT_POSITIONS.contains(&i);
        if !is_digit_slot && !s[i].is_ascii_uppercase() {
            return false;
        }
        if is_digit_slot && digit_at(s, i).is_none() {
            return false;
        }
    }
    let d = |i: usize| digit_at(s, i).unwrap_or(0);
    let Some(month) = MONTHS.iter().position(|&m| m == s[8]) else {
        return false;
    };
    let mut day = d(9) * 10 + d(10);
    if day > 40 {
        day -= 40;
    }
    // The century is not written: 2000 is a leap year, so 29 February is
    // accepted for any two-digit year divisible by four.
    let year = 2000 + d(6) * 10 + d(7);
    if !valid_date(year, month as u32 + 1, day) {
        return false;
    }
    let mut sum = 0;
    for (i, &b) in s[..15].iter().enumerate() {
        let v = if b.is_ascii_digit() {
            b - b'0'
        } else {
            b - b'A'
        };
        sum += if i % 2 == 0 {
            ODD[usize::from(v)]
        } else {
            u32::from(v)
        };
    }
    s[15] == b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (it.codicefiscale); the second has
    // omocodia (digits replaced by letters).
    const CODES: &[&str] = &[
        "RCCMNL83S18D969H",
        "MRTMTT91D08F20QC",
        "BNCLRA61E52H501O",
        "RSSMRA85T10A562S",
    ];

    #[test]
    fn check_letter() {
        valid_and_one_digit_changes_rejected(codice_fiscale, CODES);
        // Every single-letter change of the check letter is caught too.
        for l in b'A'..=b'Z' {
            if l != b'H' {
                let mut v = *b"RCCMNL83S18D969H";
                v[15] = l;
                assert!(!codice_fiscale(&v));
            }
        }
        // Month letter not in the table.
        assert!(!codice_fiscale(b"RCCMNL83F18D969H"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("il mio CF RCCMNL83S18D969H", None),
            [(Kind::ItFiscalCode, "RCCMNL83S18D969H".into())]
        );
        assert_eq!(scan("rccmnl83s18d969h", None).len(), 1);
        assert!(scan("RCCMNL83S18D969HX", None).is_empty());
    }
}
