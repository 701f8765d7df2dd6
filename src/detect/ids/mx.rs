//! Mexico: CURP (population registry key), RFC (taxpayer registry), CLABE,
//! NSS and the voter's key of the INE card.
//!
//! A CURP is 18 characters: four letters from the name, the birth date
//! `YYMMDD`, sex (`H`, `M`, or `X` since 2022), the two-letter state of
//! birth (or `NE` abroad), three consonants from the name, a character that
//! disambiguates homonyms and tells the century (a digit before 2000, a
//! letter after), and a check digit: `Σ value(cᵢ)·(18 − i)` over the first
//! 17 characters, with values from `0-9A-NÑO-Z` in order, then
//! `(10 − sum mod 10) mod 10`.
//!
//! An RFC for a person is four letters, the birth date and a three-character
//! *homoclave* whose last character is a mod-11 check over the alphabet
//! `0-9A-N&O-Z Ñ` (companies have three letters and are padded with a space
//! on the left for the check). The birth date must be a real date in both.
//! About 1.5 % of the RFCs in use carry a check character that does not
//! verify (python-stdnum's note; its check is off by default), and people
//! often give their RFC without the homoclave: after the keyword `RFC`, a
//! person's four letters and real birth date suffice (a second spec, below
//! a checked RFC's confidence). Written bare, dashed or spaced
//! (`GODE-561231-GR8`, `GODE 561231 GR8`).
//!
//! A CLABE (clave bancaria estandarizada, Banco de México) is eighteen
//! digits: the bank's three-digit code, the three-digit plaza, the
//! eleven-digit account and a check digit: `Σ (dᵢ·wᵢ mod 10)` with weights
//! `3 7 1` repeating, then `(10 − sum mod 10) mod 10`. The weights are odd
//! and not 5, so every single-digit change is caught. Bank codes are those
//! of SPEI participants: the banks' (002–168, from Banxico's list) and the
//! block 600–799 where Banxico keeps adding brokers, SOFIPOs and payment
//! institutions (Mercado Pago 722, Nu 638, STP 646 …), plus 901/902.
//! Eighteen bare digits need a Mexican conversation or a keyword (`CLABE`).
//!
//! An NSS (número de seguridad social, IMSS) is eleven digits: the
//! subdelegation that affiliated the worker, the year of affiliation, the
//! birth year, a serial and a Luhn check digit (weights 1 and 2, digit
//! sums, to the next ten), which catches every single-digit change. One
//! random number in ten passes, and eleven digits are also order and
//! tracking numbers in Mexican chats, so an NSS is reported only after its
//! keyword (`NSS`, `IMSS`, `número de seguridad social`), printed bare or
//! `AABBCCDDEE-F`.
//!
//! The voter's key (clave de elector) of the INE card, the identity card
//! most Mexicans show, is eighteen characters: six letters from the
//! surnames and name, the birth date `YYMMDD`, the state of birth (`01`–
//! `32`), the sex (`H` or `M`) and three digits (INE publishes no check).
//! The letters, a real date, a state and a sex make it plain enough to stand
//! alone, in any case (the matcher hands validators capitals).

use super::{digits_n, not_all_zeros, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::{digit, luhn_valid};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::MxCurp,
        country: "MX",
        shapes: &[shape("LLLLddddddLLLLLLXd", Strong)],
        validate: curp,
    },
    IdSpec {
        kind: Kind::MxRfc,
        country: "MX",
        shapes: &[
            shape("LLLLddddddXXX", Strong),
            shape("LLLL-dddddd-XXX", Strong),
            shape("LLLL dddddd XXX", Strong),
            shape("LLLddddddXXX", Strong),
        ],
        validate: rfc,
    },
    // A person's RFC without a verified check, after its keyword.
    IdSpec {
        kind: Kind::MxRfc,
        country: "MX",
        shapes: &[
            shape("LLLLddddddXXX", Keyword),
            shape("LLLL-dddddd-XXX", Keyword),
            shape("LLLL dddddd XXX", Keyword),
            shape("LLLLdddddd", Keyword),
            shape("LLLL-dddddd", Keyword),
        ],
        validate: rfc_personal_structure,
    },
    IdSpec {
        kind: Kind::MxClaveElector,
        country: "MX",
        shapes: &[shape("LLLLLLddddddddLddd", Strong)],
        validate: clave_elector,
    },
    IdSpec {
        kind: Kind::MxClabe,
        country: "MX",
        shapes: &[
            shape("dddddddddddddddddd", Checked),
            shape("ddd ddd ddddddddddd d", Home),
            // The check digit left on the account's digits, as many type it.
            shape("ddd ddd dddddddddddd", Home),
            shape("dddd dddd dddd dddd dd", Home),
        ],
        validate: clabe,
    },
    IdSpec {
        kind: Kind::MxNss,
        country: "MX",
        shapes: &[
            shape("ddddddddddd", Keyword),
            shape("dddddddddd-d", Keyword),
        ],
        validate: nss,
    },
];

/// Bank codes of the banks among SPEI participants (Banxico).
const CLABE_BANKS: &[u16] = &[
    2, 6, 9, 12, 14, 19, 21, 30, 36, 42, 44, 58, 59, 60, 62, 72, 102, 103, 106, 108, 110, 112, 113,
    116, 124, 126, 127, 128, 129, 130, 132, 133, 135, 136, 137, 138, 140, 141, 143, 145, 147, 148,
    150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 166, 168,
];

pub(super) fn clabe(s: &[u8]) -> bool {
    if !digits_n(s, 18) {
        return false;
    }
    let bank = num(&s[..3]);
    let bank_ok = matches!(bank, 600..=799 | 901 | 902)
        || u16::try_from(bank).is_ok_and(|b| CLABE_BANKS.contains(&b));
    if !bank_ok {
        return false;
    }
    let sum: u32 = s[..17]
        .iter()
        .zip([3u32, 7, 1].iter().cycle())
        .map(|(&b, &w)| digit(b).unwrap_or(0) * w % 10)
        .sum();
    (10 - sum % 10) % 10 == u32::from(s[17] - b'0')
}

const STATES: &[&[u8; 2]] = &[
    b"AS", b"BC", b"BS", b"CC", b"CL", b"CM", b"CS", b"CH", b"DF", b"DG", b"GT", b"GR", b"HG",
    b"JC", b"MC", b"MN", b"MS", b"NT", b"NL", b"OC", b"PL", b"QT", b"QR", b"SP", b"SL", b"SR",
    b"TC", b"TS", b"TL", b"VZ", b"YN", b"ZS", b"NE",
];

/// The value of a character in the CURP alphabet `0-9 A-N Ñ O-Z` (no Ñ in
/// ASCII input, but it shifts the letters after N).
fn curp_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'N' => Some(u32::from(b - b'A') + 10),
        b'O'..=b'Z' => Some(u32::from(b - b'O') + 25),
        _ => None,
    }
}

pub(super) fn curp(s: &[u8]) -> bool {
    if s.len() != 18
        || !s[..4].iter().all(u8::is_ascii_uppercase)
        || !digits_n(&s[4..10], 6)
        || !matches!(s[10], b'H' | b'M' | b'X')
        || !STATES.iter().any(|st| st[..] == s[11..13])
        || !s[13..16]
            .iter()
            .all(|b| b.is_ascii_uppercase() && !b"AEIOU".contains(b))
        || !s[16].is_ascii_alphanumeric()
        || !s[17].is_ascii_digit()
    {
        return false;
    }
    let century = if s[16].is_ascii_digit() { 1900 } else { 2000 };
    if !valid_date(century + num(&s[4..6]), num(&s[6..8]), num(&s[8..10])) {
        return false;
    }
    let mut sum = 0;
    for (i, &b) in s[..17].iter().enumerate() {
        let Some(v) = curp_value(b) else {
            return false;
        };
        sum += v * (18 - i as u32);
    }
    u32::from(s[17] - b'0') == (10 - sum % 10) % 10
}

/// The value of a character in the RFC alphabet `0-9 A-N & O-Z space Ñ`.
fn rfc_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'N' => Some(u32::from(b - b'A') + 10),
        b'&' => Some(24),
        b'O'..=b'Z' => Some(u32::from(b - b'O') + 25),
        b' ' => Some(37),
        _ => None,
    }
}

/// The name letters (`letters` of them) and a real date after them.
fn rfc_name_and_date(s: &[u8], letters: usize) -> bool {
    if s.len() < letters + 6
        || !s[..letters]
            .iter()
            .all(|b| b.is_ascii_uppercase() || *b == b'&')
    {
        return false;
    }
    let date = &s[letters..letters + 6];
    if !digits_n(date, 6) {
        return false;
    }
    // Two-digit years: a real date in either century.
    let (yy, mm, dd) = (num(&date[..2]), num(&date[2..4]), num(&date[4..6]));
    valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd)
}

/// A person's RFC without its check: the name letters and birth date,
/// with or without the three-character homoclave.
pub(super) fn rfc_personal_structure(s: &[u8]) -> bool {
    match s.len() {
        10 => rfc_name_and_date(s, 4),
        13 => rfc_name_and_date(s, 4) && s[10..].iter().all(u8::is_ascii_alphanumeric),
        _ => false,
    }
}

pub(super) fn rfc(s: &[u8]) -> bool {
    let letters = match s.len() {
        13 => 4,
        12 => 3,
        _ => return false,
    };
    if !rfc_name_and_date(s, letters) {
        return false;
    }
    let homoclave = &s[letters + 6..];
    if !homoclave.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    // The check: padded to 12 characters before the check character.
    let pad = 13 - s.len();
    let mut sum = 0;
    for (i, b) in std::iter::repeat_n(b' ', pad)
        .chain(s[..s.len() - 1].iter().copied())
        .enumerate()
    {
        let Some(v) = rfc_value(b) else {
            return false;
        };
        sum += v * (13 - i as u32);
    }
    let check = match 11 - sum % 11 {
        11 => b'0',
        10 => b'A',
        d => b'0' + d as u8,
    };
    s[s.len() - 1] == check
}

pub(super) fn clave_elector(s: &[u8]) -> bool {
    s.len() == 18
        && s[..6].iter().all(u8::is_ascii_uppercase)
        && rfc_name_and_date(&s[..12], 6)
        && digits_n(&s[12..14], 2)
        && (1..=32).contains(&num(&s[12..14]))
        && matches!(s[14], b'H' | b'M')
        && digits_n(&s[15..], 3)
}

pub(super) fn nss(s: &[u8]) -> bool {
    digits_n(s, 11) && not_all_zeros(s) && luhn_valid(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{
        one_digit_escapes, scan, valid_and_one_digit_changes_rejected,
    };

    // Generated with python-stdnum (mx.curp, mx.rfc with check digits).
    const CURPS: &[&str] = &[
        "BOXW310820HNERXN09",
        "HEGG560427MVZRRL04",
        "MAVR990612HDFRLS07",
        "GOMA050101MDFNRRA2",
    ];
    const RFCS: &[&str] = &[
        "GODE561231GR8",
        "MAGR750101AB7",
        "ABC680524P73",
        "XYZ010203AB9",
    ];

    #[test]
    fn checks() {
        // CURP's check is mod 10 with weights 18 to 2: a change of 5 in a
        // position of even weight (and any change at weight 10) keeps the
        // sum mod 10, so some one-digit changes pass unless they break the
        // date. RFC's mod-11 check catches every one.
        let (escaped, total) = one_digit_escapes(curp, CURPS);
        assert!(escaped * 10 <= total, "{escaped} of {total}");
        valid_and_one_digit_changes_rejected(rfc, RFCS);
        // Not a real date.
        assert!(!curp(b"BOXW310230HNERXN09"));
        assert!(!rfc(b"GODE561331GR8"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("mi CURP es HEGG560427MVZRRL04", None),
            [(Kind::MxCurp, "HEGG560427MVZRRL04".into())]
        );
        assert_eq!(
            scan("RFC: GODE561231GR8 gracias", None),
            [(Kind::MxRfc, "GODE561231GR8".into())]
        );
        assert!(scan("HEGG560427MVZRRL04X", None).is_empty());
    }

    #[test]
    fn clave_elector_of_the_ine_card() {
        for v in ["GMVLMR80070501M100", "PRGNJN95122809H400"] {
            assert!(clave_elector(v.as_bytes()), "{v}");
        }
        for v in [
            // No 13th month, no 33rd state, no sex letter.
            "GMVLMR80130501M100",
            "GMVLMR80070533M100",
            "GMVLMR80070501X100",
            // A digit among the letters, a letter among the digits.
            "GMVLM180070501M100",
            "GMVLMR8007050AM100",
        ] {
            assert!(!clave_elector(v.as_bytes()), "{v}");
        }
        for (region, text) in [
            (None, "mi clave de elector es GMVLMR80070501M100"),
            (Some("MX"), "GMVLMR80070501M100"),
            (Some("US"), "INE: PRGNJN95122809H400 gracias"),
            // Any case: the matcher hands the validator capitals.
            (Some("MX"), "mi ine gmvlmr80070501m100"),
        ] {
            assert_eq!(
                scan(text, region),
                [(
                    Kind::MxClaveElector,
                    text.split(' ').find(|w| w.len() == 18).unwrap().into()
                )],
                "{text}"
            );
        }
        assert!(scan("SKU-GMVLMR80070501M100", Some("MX")).is_empty());
    }

    /// python-stdnum's own example of an RFC in use whose check character
    /// does not verify (`VACE-460910-SX6`), and a person's RFC given
    /// without its homoclave (`COMG-600703`): after a keyword only, below
    /// a checked one.
    #[test]
    fn rfc_without_a_valid_check_after_its_keyword() {
        assert!(!rfc(b"VACE460910SX6") && rfc_personal_structure(b"VACE460910SX6"));
        assert!(rfc_personal_structure(b"COMG600703"));
        assert!(!rfc_personal_structure(b"COMG601303") && !rfc_personal_structure(b"ABC6807"));
        assert_eq!(
            scan("mi RFC es VACE460910SX6", None),
            [(Kind::MxRfc, "VACE460910SX6".into())]
        );
        assert_eq!(
            scan("RFC: GODE 561231 GR8", None),
            [(Kind::MxRfc, "GODE 561231 GR8".into())]
        );
        assert_eq!(
            scan("mi RFC: VACE-460910-SX6", None),
            [(Kind::MxRfc, "VACE-460910-SX6".into())]
        );
        assert_eq!(
            scan("RFC: COMG600703, gracias", Some("MX")),
            [(Kind::MxRfc, "COMG600703".into())]
        );
        for text in ["VACE460910SX6", "folio COMG600703", "pedido VACE460910SX6"] {
            assert!(scan(text, Some("MX")).is_empty(), "{text}");
        }
    }

    /// Banco de México's example CLABE (Banamex, plaza 010) and others
    /// built on its layout with the weights 3-7-1 check digit.
    const CLABES: &[&str] = &[
        "002010077777777771",
        "012180001234567899",
        "646180157000000004",
    ];

    #[test]
    fn clabe_check_and_bank() {
        valid_and_one_digit_changes_rejected(clabe, CLABES);
        // Bank code 001 and 500 are no SPEI participants.
        assert!(!clabe(b"001010077777777772") && !clabe(b"500010077777777778"));
    }

    #[test]
    fn clabe_in_chat() {
        assert_eq!(
            scan("mi CLABE es 002010077777777771 a nombre de Ana", None),
            [(Kind::MxClabe, "002010077777777771".into())]
        );
        assert_eq!(
            scan("cuenta clabe: 012 180 00123456789 9", None),
            [(Kind::MxClabe, "012 180 00123456789 9".into())]
        );
        assert_eq!(
            scan("clabe interbancaria: 072 180 000118359711", Some("MX")),
            [(Kind::MxClabe, "072 180 000118359711".into())]
        );
        assert_eq!(scan("transfiere a 646180157000000004", Some("MX")).len(), 1);
        assert!(scan("646180157000000004", Some("US")).is_empty());
        assert!(scan("pedido 646180157000000004", Some("MX")).is_empty());
    }

    #[test]
    fn nss_luhn() {
        // 12345678903 is the example of catalogmx's NSS validator (an
        // independent implementation); the second carries its Luhn digit.
        crate::detect::ids::testutil::valid_and_one_digit_changes_rejected(
            nss,
            &["12345678903", "01876543214"],
        );
        assert!(!nss(b"00000000000") && !nss(b"1234567890"));
        assert_eq!(
            scan("mi NSS es 12345678903", Some("MX")),
            [(Kind::MxNss, "12345678903".into())]
        );
        assert_eq!(
            scan("número de seguridad social: 1234567890-3", None),
            [(Kind::MxNss, "1234567890-3".into())]
        );
        assert!(scan("12345678903", Some("MX")).is_empty());
    }
}
