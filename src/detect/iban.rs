//! International Bank Account Numbers.
//!
//! An IBAN is a two-letter country code, two check digits and a national
//! account number (the BBAN) whose length and layout of letters and digits
//! each country registers with SWIFT (the IBAN registry). The check digits
//! make the whole string, read as a number with letters as 10..35 and the
//! first four characters moved to the end, equal to 1 modulo 97 (ISO 7064
//! mod 97-10): any one changed character and any swap of two adjacent ones
//! is caught. With the exact length and the letter/digit layout on top, a
//! random string passes about once in ten thousand, so an IBAN needs no
//! context word.
//!
//! The scanner shows us a numeric span starting at the first digit: the
//! check digits. We look back for the two country letters (which must not
//! continue a word) and read forward the country's length of letters and
//! digits, either compact (`DE89370400440532013000`) or in the printed
//! groups of four separated by single spaces or dashes (`DE89 3704 0044
//! 0532 0130 00`), in any letter case. Checking streams over the
//! characters without copying them; only a finding allocates.

use super::{Context, Detector, Span, Trigger};
use crate::checksum::mod97;
use crate::finding::{Finding, Kind};
use crate::text::{
    char_at, char_before, is_alphabetic, is_alphanumeric, is_latin_letter, is_numeric,
};

/// The longest IBAN of any country (Russia, 33; 34 is the standard's cap).
const MAX_LEN: usize = 34;
const CONFIDENCE: f32 = 0.98;

/// Every country of the IBAN registry: code, total length, and the BBAN
/// layout in the registry's notation (`8n10n`: 8 digits then 10 digits;
/// `a` upper-case letters, `c` letters or digits).
static REGISTRY: &[(&[u8; 2], u8, &str)] = &[
    (b"AD", 24, "4n4n12c"),
    (b"AE", 23, "3n16n"),
    (b"AL", 28, "8n16c"),
    (b"AT", 20, "5n11n"),
    (b"AZ", 28, "4a20c"),
    (b"BA", 20, "3n3n8n2n"),
    (b"BE", 16, "3n7n2n"),
    (b"BG", 22, "4a4n2n8c"),
    (b"BH", 22, "4a14c"),
    (b"BI", 27, "5n5n11n2n"),
    (b"BR", 29, "8n5n10n1a1c"),
    (b"BY", 28, "4c4n16c"),
    (b"CH", 21, "5n12c"),
    (b"CR", 22, "4n14n"),
    (b"CY", 28, "3n5n16c"),
    (b"CZ", 24, "4n6n10n"),
    (b"DE", 22, "8n10n"),
    (b"DJ", 27, "5n5n11n2n"),
    (b"DK", 18, "4n9n1n"),
    (b"DO", 28, "4c20n"),
    (b"EE", 20, "2n2n11n1n"),
    (b"EG", 29, "4n4n17n"),
    (b"ES", 24, "4n4n1n1n10n"),
    (b"FI", 18, "3n11n"),
    (b"FK", 18, "2a12n"),
    (b"FO", 18, "4n9n1n"),
    (b"FR", 27, "5n5n11c2n"),
    (b"GB", 22, "4a6n8n"),
    (b"GE", 22, "2a16n"),
    (b"GI", 23, "4a15c"),
    (b"GL", 18, "4n9n1n"),
    (b"GR", 27, "3n4n16c"),
    (b"GT", 28, "4c20c"),
    (b"HN", 28, "4a20n"),
    (b"HR", 21, "7n10n"),
    (b"HU", 28, "3n4n1n15n1n"),
    (b"IE", 22, "4a6n8n"),
    (b"IL", 23, "3n3n13n"),
    (b"IQ", 23, "4a3n12n"),
    (b"IS", 26, "4n2n6n10n"),
    (b"IT", 27, "1a5n5n12c"),
    (b"JO", 30, "4a4n18c"),
    (b"KW", 30, "4a22c"),
    (b"KZ", 20, "3n13c"),
    (b"LB", 28, "4n20c"),
    (b"LC", 32, "4a24c"),
    (b"LI", 21, "5n12c"),
    (b"LT", 20, "5n11n"),
    (b"LU", 20, "3n13c"),
    (b"LV", 21, "4a13c"),
    (b"LY", 25, "3n3n15n"),
    (b"MC", 27, "5n5n11c2n"),
    (b"MD", 24, "2c18c"),
    (b"ME", 22, "3n13n2n"),
    (b"MK", 19, "3n10c2n"),
    (b"MN", 20, "4n12n"),
    (b"MR", 27, "5n5n11n2n"),
    (b"MT", 31, "4a5n18c"),
    (b"MU", 30, "4a2n2n12n3n3a"),
    (b"NI", 28, "4a20n"),
    (b"NL", 18, "4a10n"),
    (b"NO", 15, "4n6n1n"),
    (b"OM", 23, "3n16c"),
    (b"PK", 24, "4a16c"),
    (b"PL", 28, "8n16n"),
    (b"PS", 29, "4a21c"),
    (b"PT", 25, "4n4n11n2n"),
    (b"QA", 29, "4a21c"),
    (b"RO", 24, "4a16c"),
    (b"RS", 22, "3n13n2n"),
    (b"RU", 33, "9n5n15c"),
    (b"SA", 24, "2n18c"),
    (b"SC", 31, "4a2n2n16n3a"),
    (b"SD", 18, "2n12n"),
    (b"SE", 24, "3n16n1n"),
    (b"SI", 19, "5n8n2n"),
    (b"SK", 24, "4n6n10n"),
    (b"SM", 27, "1a5n5n12c"),
    (b"SO", 23, "4n3n12n"),
    (b"ST", 25, "4n4n11n2n"),
    (b"SV", 28, "4a20n"),
    (b"TL", 23, "3n14n2n"),
    (b"TN", 24, "2n3n13n2n"),
    (b"TR", 26, "5n1n16c"),
    (b"UA", 29, "6n19c"),
    (b"VA", 22, "3n15n"),
    (b"VG", 24, "4a16n"),
    (b"XK", 20, "4n10n2n"),
    (b"YE", 30, "4a4n18c"),
];

/// The registry entry of a country code (either case).
fn country(code: [u8; 2]) -> Option<(usize, &'static str)> {
    let code = code.map(|b| b.to_ascii_uppercase());
    REGISTRY
        .binary_search_by(|(c, _, _)| (*c).cmp(&code))
        .ok()
        .map(|i| (usize::from(REGISTRY[i].1), REGISTRY[i].2))
}

/// Whether `bban` has the registry layout `spec` (letters in any case).
fn bban_matches(bban: &[u8], spec: &str) -> bool {
    let mut at = 0;
    let mut count = 0usize;
    for b in spec.bytes() {
        if b.is_ascii_digit() {
            count = count * 10 + usize::from(b - b'0');
            continue;
        }
        let Some(part) = bban.get(at..at + count) else {
            return false;
        };
        let ok = match b {
            b'n' => part.iter().all(u8::is_ascii_digit),
            b'a' => part.iter().all(u8::is_ascii_alphabetic),
            _ => part.iter().all(u8::is_ascii_alphanumeric),
        };
        if !ok {
            return false;
        }
        at += count;
        count = 0;
    }
    at == bban.len()
}

/// Whether `iban` (compact, any case) is a valid IBAN: registered country,
/// its length and BBAN layout, and the mod-97 check.
pub(crate) fn is_valid_iban(iban: &[u8]) -> bool {
    if iban.len() < 5 || !iban[2].is_ascii_digit() || !iban[3].is_ascii_digit() {
        return false;
    }
    let Some((len, spec)) = country([iban[0], iban[1]]) else {
        return false;
    };
    iban.len() == len
        && bban_matches(&iban[4..], spec)
        && mod97(iban[4..].iter().chain(&iban[..4]).copied()) == Some(1)
}

/// Reads an IBAN of `len` characters written from `start`: compact, or in
/// groups of four joined by one repeated single space or dash after every
/// group. The last five to eight characters may be split once anywhere
/// (`BR15 0000 0000 0000 1093 2840 814 P2`, as Brazilian banks print the
/// account type and holder apart). Returns the compact characters (upper
/// case) and the end of the written form.
fn read(text: &[u8], start: usize, len: usize) -> Option<([u8; MAX_LEN], usize)> {
    let mut buf = [0u8; MAX_LEN];
    let mut n = 0;
    let mut i = start;
    let mut sep: Option<u8> = None;
    // Where the last group of four but one ends; the rest is the tail.
    let tail = 4 * ((len.max(5) - 1) / 4 - 1);
    let mut tail_split = false;
    while n < len.min(MAX_LEN) {
        let b = *text.get(i)?;
        if b.is_ascii_alphanumeric() {
            buf[n] = b.to_ascii_uppercase();
            n += 1;
            i += 1;
            continue;
        }
        let at_a_group = if n <= tail {
            n % 4 == 0
        } else {
            !std::mem::replace(&mut tail_split, true)
        };
        if !matches!(b, b' ' | b'-') || !at_a_group {
            return None;
        }
        match sep {
            None if n == 4 => sep = Some(b),
            Some(s) if s == b => {}
            _ => return None,
        }
        i += 1;
        if !text.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
    }
    if let Some(s) = sep {
        // Grouped: a separator after every group of four, and no further
        // group of digits continuing the number (digits that start a word,
        // `3pm`, or a count before one, `2 times`, do not).
        let seps = text[start..i].iter().filter(|&&c| c == s).count();
        let continued = text.get(i) == Some(&s)
            && text.get(i + 1).is_some_and(u8::is_ascii_digit)
            && !crate::text::digits_start_a_word(text, i + 1);
        if seps != (len - 1) / 4 || continued {
            return None;
        }
    }
    Some((buf, i))
}

/// The IBAN detector.
#[derive(Debug, Default)]
pub(crate) struct IbanDetector;

impl Detector for IbanDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::Iban]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let d0 = span.start;
        // The span must open with the two check digits, right after the two
        // country letters.
        if d0 < 2
            || !text
                .get(d0..d0 + 2)
                .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
        {
            return;
        }
        if text[d0 - 2].is_ascii_alphabetic() && text[d0 - 1].is_ascii_alphabetic() {
            iban_at(text, d0, out);
        }
    }
}

/// The IBAN whose check digits start at `d0`, after two letters.
#[inline(never)]
fn iban_at(text: &[u8], d0: usize, out: &mut Vec<Finding>) {
    let code = [text[d0 - 2], text[d0 - 1]];
    let start = d0 - 2;
    if char_before(text, start)
        .0
        .is_some_and(|c| is_alphanumeric(c) || c == '_' || is_latin_letter(c))
    {
        return;
    }
    let Some((len, _)) = country(code) else {
        return;
    };
    let Some((buf, end)) = read(text, start, len) else {
        return;
    };
    let iban = &buf[..len];
    // Glued to a following word or number; CJK text needs no spaces.
    let glued = char_at(text, end).0.is_some_and(|c| {
        is_numeric(c) || is_latin_letter(c) || (is_alphabetic(c) && (c as u32) < 0x2E80)
    });
    if glued || !is_valid_iban(iban) {
        return;
    }
    out.push(Finding {
        kind: Kind::Iban,
        start,
        end,
        confidence: CONFIDENCE,
        normalized: String::from_utf8_lossy(iban).into_owned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checksum::tests::for_each_one_digit_change;

    /// One IBAN per registry country, made with python-stdnum's iban module
    /// (random BBAN of the registered layout, stdnum's check digits, and
    /// stdnum's national checks where it has them).
    const VALID: &[&str] = &[
        "AD513982597940UGZECUYZUP",
        "AE202328601290404796669",
        "AL2072510273GRJQWOMYQEL1HAKY",
        "AT779913944117715162",
        "AZ96AJNYQ722OLZHWF2J046Y2CQI",
        "BA429420555266786981",
        "BE12383462756692",
        "BG57AZNS5069923LTMMHV1",
        "BH90SBVANGTJKBNBKNGJO6",
        "BI9209248343526119553721539",
        "BR3574310835924519592648475UQ",
        "BY37IQQ26230UWRZE2TXIYLE4I7F",
        "CH340083630U7AWJF1XYQ",
        "CR49091524870533181234",
        "CY1320796043HXXR3UK0382734U2",
        "CZ0318875251566945435612",
        "DE22806192057986096057",
        "DJ9456670338491636205584171",
        "DK8886159819072360",
        "DO48X56O20510174941098831818",
        "EE340859213237964596",
        "EG385861683626998726221778792",
        "ES5705728574638223923221",
        "FI9563295357267937",
        "FK31SU807160733134",
        "FO3333422904205261",
        "FR94111440579501LLROV4DVP28",
        "GB31KDIC61784185574415",
        "GE36VS8817850492225711",
        "GI20REKUQZJBTUJB46BZYPM",
        "GL4414460207843855",
        "GR8167815719H677BCQP89PCYXA",
        "GT43BCGNI1SQOKZJVXJU1C06EVBX",
        "HN46UOGG83087194227190059381",
        "HR6078055552190153136",
        "HU40375106132677186374077672",
        "IE04OBXI55785963034527",
        "IL508323029682021927720",
        "IQ84AMOK600360670331673",
        "IS152591519044747384055510",
        "IT23V6199010102W2U3CWLCULUM",
        "JO50VBMJ9614BQ7WOZLYPBOZMBNQSE",
        "KW31OYWPMHAWOV29A1T56KF33STLN0",
        "KZ511366LJ7S5DF39907",
        "LB243433ZWQWKYCTB52716CG56TP",
        "LC97HVTDVMPS7ISOD7Y0TJ4LMCV4ZNR4",
        "LI08983353LFRS5GDKADD",
        "LT929786539676790402",
        "LU27102IWX3U2CDHVR2M",
        "LV28OXGXI96SJQS4D9VIO",
        "LY29526477883544075543800",
        "MC522828020037MNZ2VBF0HRL09",
        "MD21Y6SJGFVQGL21R2AF8QWL",
        "ME25402525955897884880",
        "MK114218Z6QMSTHGS48",
        "MN072952806737994059",
        "MR7798172441615087734526650",
        "MT14IGBK5968428QGQ5VEC5X770I4RH",
        "MU71POIJ8802372222760260224GUE",
        "NI47EBQE83616620412124265913",
        "NL32ALEP3158715705",
        "NO2770525841837",
        "OM82763IBJAKHC833QB70A7",
        "PK54ZMSVNXH5TYSK9DKTWNKM",
        "PL92955444219835346472758298",
        "PS14QOTB4QRZI3FOOD4NWD3ZV7ROZ",
        "PT43504585675197253051902",
        "QA65CGKNIC11YKYSNDSL7WOEU8JIZ",
        "RO20GDFT5R1MO0VBUH8ODWRJ",
        "RS80641117510576156935",
        "RU2936108088391237YPIMTXECJL8YNXM",
        "SA4059XDS3RJCVDB6T7WPDKB",
        "SC37YBKP36036563244540513347FSF",
        "SD7337335932869869",
        "SE6224750187709248673687",
        "SI85569721652951582",
        "SK6847827570953918949485",
        "SM48N4068567592FICO7KZAKVBY",
        "SO866736895109732821188",
        "ST85168856417453413175624",
        "SV28LVFI98333455112137515220",
        "TL577482576899664484962",
        "TN4200260328354089531231",
        "TR89764218LAG8558605XPTZSG",
        "UA0720146202LXKN62DO0YSKESSF0",
        "VA87533266165918934106",
        "VG79ASKH3798496389641278",
        "XK578149927824823584",
        "YE98DCPC736001U03WU03MIJUVJJ8J",
    ];

    fn scan(text: &str) -> Vec<String> {
        static SCANNER: std::sync::OnceLock<crate::Scanner> = std::sync::OnceLock::new();
        let scanner = SCANNER.get_or_init(|| {
            crate::Scanner::builder()
                .kinds([Kind::Iban])
                .build()
                .unwrap()
        });
        scanner
            .scan(text)
            .into_iter()
            .map(|f| text[f.range()].to_string())
            .collect()
    }

    #[test]
    fn registry_is_sorted_and_consistent() {
        assert!(REGISTRY.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, len, spec) in REGISTRY {
            let mut sum = 0;
            let mut n = 0;
            for b in spec.bytes() {
                if b.is_ascii_digit() {
                    n = n * 10 + usize::from(b - b'0');
                } else {
                    sum += n;
                    n = 0;
                }
            }
            assert_eq!(sum + 4, usize::from(*len), "{code:?}");
            assert!(usize::from(*len) <= MAX_LEN);
        }
    }

    #[test]
    fn every_country_validates_and_rejects_one_character_changes() {
        assert_eq!(VALID.len(), REGISTRY.len());
        for v in VALID {
            assert!(is_valid_iban(v.as_bytes()), "{v}");
            assert!(is_valid_iban(v.to_lowercase().as_bytes()), "{v}");
            // mod 97-10 catches every single-digit change.
            for_each_one_digit_change(v.as_bytes(), |c| assert!(!is_valid_iban(c), "{c:?}"));
            // And the written forms are found in text.
            let grouped: Vec<String> = v
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8(c.to_vec()).unwrap())
                .collect();
            for written in [v.to_string(), grouped.join(" "), grouped.join("-")] {
                let text = format!("IBAN: {written}, thanks");
                assert_eq!(scan(&text), std::slice::from_ref(&written), "{text}");
            }
        }
    }

    #[test]
    fn layout_and_length() {
        // Right check digits cannot rescue a wrong layout or length.
        assert!(is_valid_iban(b"DE89370400440532013000"));
        assert!(!is_valid_iban(b"DE8937040044053201300"));
        assert!(!is_valid_iban(b"DE893704004405320130000"));
        assert!(!is_valid_iban(b"XX89370400440532013000"));
        assert!(!is_valid_iban(b"GB82WEST1234569876543A"));
        assert!(!is_valid_iban(b"DE"));
        assert!(bban_matches(b"WEST12345698765432", "4a6n8n"));
        assert!(!bban_matches(b"WES112345698765432", "4a6n8n"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("refund to DE89 3704 0044 0532 0130 00 pls"),
            ["DE89 3704 0044 0532 0130 00"]
        );
        assert_eq!(
            scan("iban gb82west12345698765432."),
            ["gb82west12345698765432"]
        );
        assert_eq!(
            scan("Gb82 WEST 1234 5698 7654 32"),
            ["Gb82 WEST 1234 5698 7654 32"]
        );
        assert_eq!(scan("NL91ABNA0417164300 ok"), ["NL91ABNA0417164300"]);
        // The tail split once elsewhere: Brazil's account type and holder
        // apart, as its banks print them.
        for text in [
            "BR15 0000 0000 0000 1093 2840 814 P2",
            "BR15 0000 0000 0000 1093 2840 814P 2",
            "DE89 3704 0044 0532 013 000",
        ] {
            assert_eq!(scan(text), [text], "{text}");
        }
        // But once, and only in the tail.
        for text in [
            "BR15 0000 0000 0000 1093 2840 81 4 P2",
            "DE89 3704 004 40532 0130 00",
            "DE89 3704 0044 0532 0130 0 0",
        ] {
            assert!(scan(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn hard_negatives() {
        // One digit off (mod 97 fails).
        assert!(scan("DE89 3704 0044 0532 0130 01").is_empty());
        // Glued to a word, or continuing.
        assert!(scan("XDE89370400440532013000").is_empty());
        assert!(scan("DE89370400440532013000X").is_empty());
        assert!(scan("DE893704004405320130001").is_empty());
        assert!(scan("DE89 3704 0044 0532 0130 00 12").is_empty());
        // Irregular grouping.
        assert!(scan("DE89 37040044 0532013000").is_empty());
        assert!(scan("DE89  3704 0044 0532 0130 00").is_empty());
        assert!(scan("DE89 3704-0044 0532 0130 00").is_empty());
        // Tracking codes with two letters and digits.
        assert!(scan("tracking DE12345678901234567890").is_empty());
        assert!(scan("JD014600006789012345").is_empty());
    }

    #[test]
    fn survives_any_bytes() {
        let d = IbanDetector;
        for t in [&b"DE89 3704\xff"[..], b"\xe4E89", b"89", b"D89"] {
            let ctx = Context::new(t, None);
            for s in 0..t.len() {
                for e in s..=t.len() {
                    d.detect(&ctx, Span { start: s, end: e }, &mut Vec::new());
                }
            }
        }
    }
}
