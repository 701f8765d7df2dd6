//! Argentina: CUIT / CUIL (tax and labour identification).
//!
//! Eleven digits `TT-NNNNNNNN-C`: a type (20, 23, 24, 25, 26, 27 for
//! people; 30, 33, 34 for companies), the DNI or company number, and a
//! mod-11 check digit with weights `5 4 3 2 7 6 5 4 3 2` (remainder 11
//! gives 0; 10 is not issued, the type becomes 23 or 33 instead, but older
//! numbers carry 9). Every single-digit change is caught except where the
//! check maps a remainder of 10 to 9.
//!
//! Argentina: DNI (documento nacional de identidad, RENAPER). Seven or eight
//! digits, written with dots (`30.123.456`) or without, and no check digit:
//! Argentine prices are written with the same dots (`$ 12.345.678`), so
//! every form needs the keyword (`DNI`).
//!
//! Argentina: CBU (clave bancaria uniforme) and CVU (its twin for wallets
//! such as Mercado Pago, opening `000`): the 22 digits a customer sends to
//! be paid or refunded ("pasame tu CBU"). Bank and branch (7 digits) with a
//! check digit, then the account (13 digits) with another, each weighted
//! `3 1 7 9` from the right. Two check digits let one random string in a
//! hundred through, and 22 digits are rare in chat: the bare run is
//! reported in Argentina, and weakly elsewhere.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::checksum::weighted_mod;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::ArCuit,
        country: "AR",
        shapes: &[
            shape("dd-dddddddd-d", Strong),
            shape("dd-ddddddd-d", Strong),
            shape("ddddddddddd", Bare),
            // Spaced where the dashes go (`cuil 20 12345678 6`), named.
            shape("dd dddddddd d", Keyword),
        ],
        validate: cuit,
    },
    IdSpec {
        kind: Kind::ArDni,
        country: "AR",
        shapes: &[
            shape("dd.ddd.ddd", Keyword),
            shape("d.ddd.ddd", Keyword),
            shape("dddddddd", Keyword),
            shape("ddddddd", Keyword),
        ],
        validate: dni,
    },
    IdSpec {
        kind: Kind::ArCbu,
        country: "AR",
        shapes: &[
            shape("dddddddddddddddddddddd", Checked),
            shape("dddddddd dddddddddddddd", Home),
            shape("dddddddd-dddddddddddddd", Home),
        ],
        validate: cbu,
    },
];

/// Bank and branch with their check digit, then the account with its own.
pub(super) fn cbu(s: &[u8]) -> bool {
    digits_n(s, 22) && cbu_check(&s[..7]) == s[7] - b'0' && cbu_check(&s[8..21]) == s[21] - b'0'
}

/// The check digit of a CBU block: weights 3, 1, 7, 9 from the right.
fn cbu_check(block: &[u8]) -> u8 {
    let sum: u32 = block
        .iter()
        .rev()
        .zip([3u32, 1, 7, 9].iter().cycle())
        .map(|(&d, &w)| u32::from(d - b'0') * w)
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Seven or eight digits, from 1.000.000 (numbers below were issued as
/// other documents and are no longer in use).
pub(super) fn dni(s: &[u8]) -> bool {
    matches!(s.len(), 7 | 8) && s.iter().all(u8::is_ascii_digit) && s[0] != b'0'
}

pub(super) fn cuit(s: &[u8]) -> bool {
    if !digits_n(s, 11) || !matches!(num(&s[..2]), 20 | 23 | 24 | 25 | 26 | 27 | 30 | 33 | 34) {
        return false;
    }
    let Some(r) = weighted_mod(&s[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 11) else {
        return false;
    };
    let check = match 11 - r {
        11 => 0,
        10 => 9,
        d => d,
    };
    u32::from(s[10] - b'0') == check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{
        lines, one_digit_escapes, scan, valid_and_one_digit_changes_rejected,
    };

    // Generated with python-stdnum (ar.cuit).
    const CUITS: &[&str] = &[
        "20267565393",
        "30500010912",
        "27333333339",
        "20123456786",
        "30712345671",
    ];

    #[test]
    fn check_digit() {
        // Remainders 10 and 11 map to 9 and 0, shared with remainders 2 and
        // 11: a few one-digit changes pass the check; the rest are caught.
        let (escaped, total) = one_digit_escapes(cuit, CUITS);
        assert!(escaped * 20 <= total, "{escaped} of {total}");
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("CUIT 20-26756539-3", None),
            [(Kind::ArCuit, "20-26756539-3".into())]
        );
        assert_eq!(scan("mi CUIL es 20267565393", None).len(), 1);
        assert!(scan("pedido 20267565393", Some("AR")).is_empty());
        // Spaced where the dashes go: named only.
        assert_eq!(
            scan("cuil 20 26756539 3", Some("AR")),
            [(Kind::ArCuit, "20 26756539 3".into())]
        );
        assert!(scan("pedido 20 26756539 3", Some("AR")).is_empty());
        assert!(scan("20 26756539 3", Some("AR")).is_empty());
    }

    #[test]
    fn dni_needs_its_keyword() {
        assert!(dni(b"30123456") && dni(b"4123456"));
        assert!(!dni(b"03123456") && !dni(b"123456") && !dni(b"123456789"));
        for (text, value) in [
            ("mi DNI es 30.123.456", "30.123.456"),
            ("DNI: 4.123.456", "4.123.456"),
            ("documento nacional de identidad 30123456", "30123456"),
        ] {
            assert_eq!(
                scan(text, Some("AR")),
                [(Kind::ArDni, value.into())],
                "{text}"
            );
        }
        // The same words in Peru name Peru's DNI.
        assert_eq!(
            scan("DNI 30123456", Some("PE")),
            [(Kind::PeDni, "30123456".into())]
        );
        // A price is written with the same dots.
        assert!(scan("sale $ 30.123.456", Some("AR")).is_empty());
        assert!(scan("30123456", Some("AR")).is_empty());
    }

    fn cbus() -> Vec<&'static str> {
        // Generated with python-stdnum (ar.cbu) by tests/data/ids/gen_vectors.py;
        // and stdnum's own example.
        let mut v = lines(include_str!("../../../tests/data/ids/ar_cbu.txt"));
        v.push("2850590940090418135201");
        v
    }

    #[test]
    fn cbu_check_digits() {
        // Weights 3, 1, 7, 9 are all odd and none is 5: every one-digit
        // change moves its block's sum by a non-multiple of 10.
        valid_and_one_digit_changes_rejected(cbu, &cbus());
    }

    #[test]
    fn cbu_in_chat() {
        let v = cbus()[0];
        let grouped = format!("{} {}", &v[..8], &v[8..]);
        for (text, region, value) in [
            (format!("pasame tu CBU: {v}"), None, v.to_string()),
            (format!("CVU {v} (mercado pago)"), None, v.to_string()),
            (
                format!("transferí a {v}, gracias"),
                Some("AR"),
                v.to_string(),
            ),
            (format!("cbu {grouped}"), Some("AR"), grouped.clone()),
        ] {
            assert_eq!(scan(&text, region), [(Kind::ArCbu, value)], "{text}");
        }
        // Bare outside Argentina it is weak evidence, below the default
        // threshold; after a veto word it is none.
        assert!(scan(v, Some("BR")).is_empty());
        assert!(scan(&format!("pedido {v}"), Some("AR")).is_empty());
    }
}
