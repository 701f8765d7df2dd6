//! India: Aadhaar, PAN, and the other identifiers of Indian customers.
//!
//! Aadhaar numbers are 12 digits, never starting with 0 or 1, ending in a
//! Verhoeff check digit (every single-digit change and adjacent swap is
//! caught); UIDAI never issues palindromes. Twelve digits are also `91` +
//! a mobile number, so bare Aadhaar numbers need a keyword or an Indian
//! conversation, and lose to a valid phone number without a keyword.
//!
//! A PAN is five letters, four digits, a letter: the fourth letter is the
//! holder type (P person, C company, H HUF, F firm, A AOP, T trust, B BOI,
//! L local authority, J juridical person, G government, K krish). The last
//! letter is a check character whose algorithm is not published, so the
//! structure is all we check; it is distinctive enough to stand alone.
//!
//! A GSTIN is the two-digit state code (01–38 of the GST state code list,
//! 97 for other territories), the holder's PAN, an entity number (`1`–`9`,
//! then `A`–`Z`), `Z`, and a check character: Luhn mod 36 over `0-9A-Z`,
//! which catches every single-character change. It stands alone.
//!
//! An EPIC (voter ID) is three letters and seven digits, the last a Luhn
//! check over the other six (python-stdnum's `in_.epic`); it needs an
//! Indian conversation or a keyword. A passport number is a letter and
//! seven digits with no published check, so it needs a keyword. An Aadhaar
//! virtual ID (VID) is sixteen digits, not starting with 0 or 1, with a
//! Verhoeff check digit, never a palindrome (UIDAI); sixteen digits are
//! also a card number, so with its keyword (`VID`) it wins over a card,
//! and without one it is reported only in an Indian conversation, below a
//! card (a Luhn-valid number in a card range stays a card) and not after a
//! card word (a mistyped card is not a VID).
//!
//! A driving licence number (Sarathi, since 2011 and for every licence
//! renewed since) is the state's two-letter code, the two-digit code of
//! the RTO that issued it, the year of issue and a seven-digit serial:
//! `MH14 20110062821`, `DL-0420110149646`. No check digit exists; the
//! state code (one of about forty pairs of letters), a non-zero RTO and a
//! year of the 1900s or 2000s make the fifteen characters distinctive, so
//! a licence stands alone in an Indian conversation and needs a keyword
//! (`DL`, `driving licence`) elsewhere. Older state formats
//! (`MH-12/2005/123456`) are not read.
//!
//! An ABHA number (Ayushman Bharat Health Account, the national digital
//! health ID) is fourteen digits printed `91-5078-6234-2345`; the National
//! Health Authority publishes no check digit, so its printed layout, which
//! no other Indian number takes, is read at home and after `ABHA` anywhere,
//! and fourteen bare digits only after `ABHA` or `health ID`.
//!
//! A UAN (Universal Account Number of the EPFO, every salaried worker's
//! provident fund account) is twelve digits with no published check,
//! which employees give to HR and loan agents: read only after `UAN` in an
//! Indian conversation (Pakistan's UAN is a business's phone number).

use super::{digits_n, not_all_zeros, num, shape, IdSpec, Strength::*};
use crate::checksum::{luhn_valid, verhoeff_valid};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::InAadhaar,
        country: "IN",
        shapes: &[
            shape("dddd dddd dddd", Home),
            shape("dddd-dddd-dddd", Home),
            shape("dddddddddddd", Bare),
        ],
        validate: aadhaar,
    },
    IdSpec {
        kind: Kind::InPan,
        country: "IN",
        shapes: &[shape("LLLLLddddL", Strong)],
        validate: pan,
    },
    IdSpec {
        kind: Kind::InGstin,
        country: "IN",
        shapes: &[shape("ddLLLLLddddLXLX", Strong)],
        validate: gstin,
    },
    IdSpec {
        kind: Kind::InVoterId,
        country: "IN",
        shapes: &[shape("LLLddddddd", Checked)],
        validate: epic,
    },
    IdSpec {
        kind: Kind::InPassport,
        country: "IN",
        shapes: &[shape("Lddddddd", Keyword)],
        validate: passport,
    },
    IdSpec {
        kind: Kind::InVid,
        country: "IN",
        shapes: &[
            shape("dddd dddd dddd dddd", Named),
            shape("dddd-dddd-dddd-dddd", Named),
            shape("dddddddddddddddd", Named),
        ],
        validate: vid,
    },
    IdSpec {
        kind: Kind::InDrivingLicence,
        country: "IN",
        shapes: &[
            shape("LLddddddddddddd", Home),
            shape("LLdd ddddddddddd", Home),
            shape("LLdd-ddddddddddd", Home),
            shape("LLdd dddd ddddddd", Home),
            shape("LLdd-dddd-ddddddd", Home),
            shape("LL-ddddddddddddd", Home),
            shape("LL-dd-dddd-ddddddd", Home),
        ],
        validate: driving_licence,
    },
    IdSpec {
        kind: Kind::InAbha,
        country: "IN",
        shapes: &[
            shape("dd-dddd-dddd-dddd", Home),
            shape("dd dddd dddd dddd", Keyword),
            shape("dddddddddddddd", Keyword),
        ],
        validate: abha,
    },
    IdSpec {
        kind: Kind::InUan,
        country: "IN",
        shapes: &[shape("dddddddddddd", HomeKeyword)],
        validate: uan,
    },
];

/// Twelve digits: the structure is all the EPFO publishes.
pub(super) fn uan(s: &[u8]) -> bool {
    digits_n(s, 12) && s[0] != b'0'
}

/// Fourteen digits: the structure is all the NHA publishes.
pub(super) fn abha(s: &[u8]) -> bool {
    digits_n(s, 14) && s[0] != b'0'
}

/// The codes of India's states and union territories on licences and
/// number plates (`OR` and `UA` before Odisha's and Uttarakhand's renaming,
/// `TG` Telangana's since 2024).
#[rustfmt::skip]
const STATE_CODES: &[&[u8; 2]] = &[
    b"AN", b"AP", b"AR", b"AS", b"BR", b"CG", b"CH", b"DD", b"DL", b"DN", b"GA", b"GJ",
    b"HP", b"HR", b"JH", b"JK", b"KA", b"KL", b"LA", b"LD", b"MH", b"ML", b"MN", b"MP",
    b"MZ", b"NL", b"OD", b"OR", b"PB", b"PY", b"RJ", b"SK", b"TG", b"TN", b"TR", b"TS",
    b"UA", b"UK", b"UP", b"WB",
];

pub(super) fn driving_licence(s: &[u8]) -> bool {
    s.len() == 15
        && STATE_CODES.iter().any(|code| s[..2] == code[..])
        && digits_n(&s[2..], 13)
        && &s[2..4] != b"00"
        && matches!(&s[4..6], b"19" | b"20")
        && not_all_zeros(&s[8..])
}

/// The value of a GSTIN character in the alphabet `0-9A-Z`.
fn base36(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        _ => None,
    }
}

/// Luhn mod 36 over `0-9A-Z` (ISO/IEC 7812's Luhn generalised to N
/// characters, as the GSTN computes a GSTIN's last character).
fn luhn36_valid(s: &[u8]) -> bool {
    let mut sum = 0;
    for (i, &b) in s.iter().rev().enumerate() {
        let Some(v) = base36(b) else {
            return false;
        };
        sum += if i % 2 == 1 {
            (v * 2) / 36 + (v * 2) % 36
        } else {
            v
        };
    }
    sum % 36 == 0
}

pub(super) fn gstin(s: &[u8]) -> bool {
    s.len() == 15
        && digits_n(&s[..2], 2)
        && matches!(num(&s[..2]), 1..=38 | 97)
        && pan(&s[2..12])
        && s[12] != b'0'
        && s[13] == b'Z'
        && luhn36_valid(s)
}

pub(super) fn epic(s: &[u8]) -> bool {
    s.len() == 10
        && s[..3].iter().all(u8::is_ascii_uppercase)
        && digits_n(&s[3..], 7)
        && luhn_valid(&s[3..])
}

pub(super) fn passport(s: &[u8]) -> bool {
    s.len() == 8 && s[0].is_ascii_uppercase() && digits_n(&s[1..], 7) && not_all_zeros(&s[1..])
}

pub(super) fn vid(s: &[u8]) -> bool {
    digits_n(s, 16) && s[0] >= b'2' && !s.iter().eq(s.iter().rev()) && verhoeff_valid(s)
}

pub(crate) fn aadhaar(s: &[u8]) -> bool {
    digits_n(s, 12) && s[0] >= b'2' && !s.iter().eq(s.iter().rev()) && verhoeff_valid(s)
}

pub(super) fn pan(s: &[u8]) -> bool {
    s.len() == 10
        && s[..5].iter().all(u8::is_ascii_uppercase)
        && b"ABCFGHJLPTK".contains(&s[3])
        && digits_n(&s[5..9], 4)
        && &s[5..9] != b"0000"
        && s[9].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{
        lines, scan, valid_and_one_char_changes_rejected, valid_and_one_digit_changes_rejected,
    };

    // Generated with python-stdnum (in_.aadhaar, in_.pan).
    const AADHAARS: &[&str] = &[
        "234123412346",
        "499118665246",
        "987789328793",
        "417421809677",
    ];
    const PANS: &[&str] = &["ABCPE1234F", "AAAPL1234C", "BNZAA2318J"];

    #[test]
    fn checks() {
        valid_and_one_digit_changes_rejected(aadhaar, AADHAARS);
        for v in PANS {
            assert!(pan(v.as_bytes()), "{v}");
        }
        for v in ["ABCDE1234F", "ABCPE0000F", "ABCPE1234", "1BCPE1234F"] {
            assert!(!pan(v.as_bytes()), "{v}");
        }
        assert!(!aadhaar(b"123412341234") && !aadhaar(b"1234567890"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("Aadhaar 2341 2341 2346", None),
            [(Kind::InAadhaar, "2341 2341 2346".into())]
        );
        assert_eq!(
            scan("आधार नंबर 234123412346", None),
            [(Kind::InAadhaar, "234123412346".into())]
        );
        assert_eq!(
            scan("my adhar 234123412346", None),
            [(Kind::InAadhaar, "234123412346".into())]
        );
        assert_eq!(
            scan("PAN: ABCPE1234F.", None),
            [(Kind::InPan, "ABCPE1234F".into())]
        );
        assert_eq!(
            scan("pan abcpe1234f", None),
            [(Kind::InPan, "ABCPE1234F".to_lowercase())]
        );
        assert!(scan("2341 2341 2346", None).is_empty());
        assert!(scan("XABCPE1234F", None).is_empty());
        assert!(scan("UTR 234123412346", Some("IN")).is_empty());
    }

    // Generated with python-stdnum (in_.gstin, in_.epic, in_.vid) by
    // tests/data/ids/gen_vectors.py.
    fn gstins() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/in_gstin.txt"))
    }
    fn epics() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/in_voter_id.txt"))
    }
    fn vids() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/in_vid.txt"))
    }

    #[test]
    fn gstin_check_character() {
        valid_and_one_char_changes_rejected(gstin, &gstins());
        // State code 38 (Ladakh) and 97 (other territory) are issued though
        // python-stdnum 2.2 does not list them: check characters computed
        // with stdnum's `luhn.calc_check_digit(…, alphabet)`.
        assert!(gstin(b"38AAAPL1234C1ZB") && gstin(b"97AAAPL1234C1Z7"));
        assert!(!gstin(b"39AAAPL1234C1Z9") && !gstin(b"00AAAPL1234C1ZU"));
    }

    #[test]
    fn epic_and_vid() {
        valid_and_one_digit_changes_rejected(epic, &epics());
        valid_and_one_digit_changes_rejected(vid, &vids());
        assert!(!epic(b"AB12345678") && !vid(b"1234567890123452"));
        assert!(passport(b"J8369854") && !passport(b"J0000000") && !passport(b"18369854"));
    }

    #[test]
    fn new_kinds_in_chat() {
        let g = gstins()[0];
        let text = format!("GSTIN: {g}, bill attached");
        assert_eq!(scan(&text, None), [(Kind::InGstin, g.to_string())]);
        let text = format!("हमारा जीएसटी नंबर {g} है");
        assert_eq!(scan(&text, None), [(Kind::InGstin, g.to_string())]);
        let e = epics()[0];
        let text = format!("voter id {e}");
        assert_eq!(scan(&text, None), [(Kind::InVoterId, e.to_string())]);
        let text = format!("मतदाता पहचान पत्र {e}");
        assert_eq!(scan(&text, None), [(Kind::InVoterId, e.to_string())]);
        assert_eq!(scan(e, Some("IN")).len(), 1);
        assert!(scan(e, Some("US")).is_empty());
        assert_eq!(
            scan("passport no J8369854 valid till 2030", None),
            [(Kind::InPassport, "J8369854".into())]
        );
        assert_eq!(
            scan("मेरा पासपोर्ट नंबर J8369854", None),
            [(Kind::InPassport, "J8369854".into())]
        );
        // Indonesia's and Vietnam's passports have the same shape.
        for text in [
            "paspor A1234567",
            "nomor paspor saya A1234567",
            "số hộ chiếu B1234567",
        ] {
            assert_eq!(scan(text, None).len(), 1, "{text}");
        }
        assert!(scan("J8369854", Some("IN")).is_empty());
        // Travel agents' `PP`, in capitals only (`pp.` is a page).
        for text in [
            "PP# J8369854",
            "PP No. J8369854",
            "Umrah pax: Ali, PP J8369854",
        ] {
            assert_eq!(
                scan(text, None),
                [(Kind::InPassport, "J8369854".into())],
                "{text}"
            );
        }
        assert!(scan("pp. J8369854", None).is_empty());
        assert!(scan("APP J8369854", None).is_empty());
        let v = vids()[0];
        let spaced = format!("{} {} {} {}", &v[..4], &v[4..8], &v[8..12], &v[12..]);
        let text = format!("Aadhaar VID: {spaced}");
        assert_eq!(scan(&text, None), [(Kind::InVid, spaced.clone())]);
        let text = format!("virtual id {v}");
        assert_eq!(scan(&text, None), [(Kind::InVid, v.to_string())]);
        // Unnamed: in an Indian conversation only (see `unnamed_vid_at_home`).
        assert_eq!(scan(v, Some("IN")), [(Kind::InVid, v.to_string())]);
        assert!(scan(v, Some("US")).iter().all(|(k, _)| *k != Kind::InVid));
        // Its keyword beats a card number of the same digits: 2366 8738
        // 4881 6371 is Verhoeff-valid and a Luhn-valid Visa-range number.
        assert!(vid(b"2366873848816371"));
        let all = crate::Scanner::builder().build().unwrap();
        let text = "VID no 2366 8738 4881 6371 check karo";
        let found: Vec<_> = all.scan(text).into_iter().map(|f| f.kind).collect();
        assert_eq!(found, [Kind::InVid]);
        let text = "card no 2366 8738 4881 6371";
        let found: Vec<_> = all.scan(text).into_iter().map(|f| f.kind).collect();
        assert_eq!(found, [Kind::CreditCard]);
        // Chat writes "vid" in lower case after "aadhaar" or before "no";
        // alone, lower-case "vid" is an everyday word elsewhere.
        for text in [
            "sending aadhaar vid 2366 8738 4881 6371 for verification",
            "aadhar vid 2366873848816371 pls update",
            "vid no 2366 8738 4881 6371 🙏🏻",
        ] {
            let found: Vec<_> = all.scan(text).into_iter().map(|f| f.kind).collect();
            assert_eq!(found, [Kind::InVid], "{text}");
        }
        let found: Vec<_> = all
            .scan("vid 2366 8738 4881 6371")
            .into_iter()
            .map(|f| f.kind)
            .collect();
        assert_eq!(found, [Kind::CreditCard]);
    }

    /// Without its keyword, a VID is found in an Indian conversation only,
    /// below a card and never after a card word or a veto word.
    #[test]
    fn unnamed_vid_at_home() {
        let india = crate::Scanner::builder().region("IN").build().unwrap();
        let kinds = |scanner: &crate::Scanner, text: &str| -> Vec<Kind> {
            scanner.scan(text).into_iter().map(|f| f.kind).collect()
        };
        // Verhoeff-valid, Luhn-invalid: no card.
        let v = "7492 5750 6403 2390";
        assert!(vid(v.replace(' ', "").as_bytes()));
        assert!(!luhn_valid(v.replace(' ', "").as_bytes()));
        assert_eq!(kinds(&india, &format!("sent {v} pls check")), [Kind::InVid]);
        let found = india.scan(&format!("ok here {v}"));
        assert!((found[0].confidence - 0.75).abs() < 1e-6);
        // Luhn-valid in a card range: a card, as before.
        assert_eq!(
            kinds(&india, "sent 2366 8738 4881 6371"),
            [Kind::CreditCard]
        );
        for text in [
            format!("My card {v} got declined"),
            format!("order {v} shipped"),
        ] {
            assert!(kinds(&india, &text).is_empty(), "{text}");
        }
        let brazil = crate::Scanner::builder().region("BR").build().unwrap();
        assert!(kinds(&brazil, &format!("sent {v}")).is_empty());
    }

    #[test]
    fn driving_licence_structure() {
        for v in ["MH1420110062821", "DL0420110149646", "KA0119990001234"] {
            assert!(driving_licence(v.as_bytes()), "{v}");
        }
        for v in [
            "XX1420110062821", // no state
            "MH0020110062821", // RTO 00
            "MH1430110062821", // year 3011
            "MH1420110000000", // serial 0
            "MH142011006282",  // fourteen characters
        ] {
            assert!(!driving_licence(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn abha_number() {
        assert!(abha(b"91507862342345") && !abha(b"9150786234234") && !abha(b"01507862342345"));
        for (region, text, value) in [
            ("IN", "ABHA number: 91-5078-6234-2345", "91-5078-6234-2345"),
            ("IN", "91-5078-6234-2345", "91-5078-6234-2345"),
            ("AE", "my abha 91 5078 6234 2345", "91 5078 6234 2345"),
            ("IN", "health ID 91507862342345", "91507862342345"),
        ] {
            assert_eq!(
                scan(text, Some(region)),
                [(Kind::InAbha, value.into())],
                "{text}"
            );
        }
        assert!(scan("91-5078-6234-2345", Some("AE")).is_empty());
        assert!(scan("91507862342345", Some("IN")).is_empty());
        assert!(scan("order id 91-5078-6234-2345", Some("IN")).is_empty());
    }

    #[test]
    fn uan_after_its_keyword_at_home() {
        assert!(uan(b"100123456789") && !uan(b"10012345678") && !uan(b"010012345678"));
        for text in [
            "my UAN no is 100123456789",
            "PF UAN: 101234567890 pls update KYC",
        ] {
            assert_eq!(
                scan(text, Some("IN")),
                [(
                    Kind::InUan,
                    text.split(' ').find(|w| w.len() == 12).unwrap().into()
                )],
                "{text}"
            );
        }
        assert!(scan("UAN 100123456789", Some("PK")).is_empty());
        assert!(scan("100123456789", Some("IN")).is_empty());
    }

    #[test]
    fn driving_licence_in_chat() {
        for (text, value) in [
            ("DL no MH14 20110062821", "MH14 20110062821"),
            ("my DL number is DL-0420110149646", "DL-0420110149646"),
            ("licence MH14-2011-0062821 hai", "MH14-2011-0062821"),
            ("MH1420110062821", "MH1420110062821"),
        ] {
            assert_eq!(
                scan(text, Some("IN")),
                [(Kind::InDrivingLicence, value.into())],
                "{text}"
            );
        }
        assert_eq!(
            scan("driving licence: MH14 20110062821", Some("AE")).len(),
            1
        );
        assert!(scan("MH14 20110062821", Some("AE")).is_empty());
        // A parcel's code that happens to fit, after its veto word; an
        // Aadhaar named before a veto word stays one.
        assert!(scan("tracking DL0120230001234", Some("IN")).is_empty());
        assert_eq!(
            scan(
                "use this aadhaar for the booking: 2341 2341 2346",
                Some("IN")
            )
            .len(),
            1
        );
    }
}
