//! Passport numbers. A passport number carries no check digit of its own
//! (the check digits live in the machine-readable zone, not in what people
//! type), and its shapes (`123456789`, `AB1234567`, `12AB34567`) are those
//! of order and booking codes. So it counts only when named, in the
//! languages of the markets we serve ("passport no.", "pasaporte",
//! "passaporte", "paspor", "Reisepass", "पासपोर्ट", "جواز السفر", "护照" …),
//! and only in a shape some country issues (the list below, per ICAO 9303
//! document numbers as the issuing countries print them).
//!
//! India's shape (one letter and seven digits) is `in_passport`, a kind of
//! its own in [`super::ids`]; it is left out here so the two never compete
//! (Indonesia and Vietnam, which print the same shape, are reported as
//! `in_passport` when named).

use once_cell::sync::Lazy;

use super::keywords::{glues, Keywords};
use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::{char_at, char_before};

/// A country's shape after a passport keyword: above the national-format
/// phone numbers (0.85) that nine digits may also be.
const CONFIDENCE: f32 = 0.9;

/// Letters (`L`) and digits (`d`) of the document numbers countries issue.
static SHAPES: &[&str] = &[
    // United States, United Kingdom, Australia (older), UAE, Egypt (older).
    "ddddddddd",
    // United States (next generation), China (E/G), Nigeria, Mexico,
    // South Korea, Malaysia, Egypt, Kenya (new), Brazil (older).
    "Ldddddddd",
    // Pakistan, Japan, Thailand, Italy, Saudi Arabia, Kenya, Turkey.
    "LLddddddd",
    // Canada, Brazil, Netherlands (with letters), Colombia.
    "LLdddddd",
    // Spain.
    "LLLdddddd",
    // France.
    "ddLLddddd",
    // Philippines.
    "LdddddddL",
];

static WORDS: Lazy<Keywords> = Lazy::new(|| {
    Keywords::new(
        &[
            "passport",
            "passport no",
            "ppt no",
            // Travel agents' shorthand (`PP# EA1234567`, `PP No. …`), only
            // in capitals: `pp.` is a page.
            "PP",
            "pasaporte",
            "passaporte",
            "passeport",
            "passaporto",
            "paspoort",
            "reisepass",
            "reisepassnummer",
            "passnummer",
            "pass-nr",
            "pasport",
            "paspor",
            "pasaport",
            "paszport",
            "pasipoti",
            "hộ chiếu",
            "паспорт",
            "جواز السفر",
            "جواز سفر",
            "رقم الجواز",
            "پاسپورٹ",
            "पासपोर्ट",
            "পাসপোর্ট",
            "护照",
            "護照",
            "パスポート",
            "여권",
            "หนังสือเดินทาง",
        ],
        24,
    )
});

/// Finds named passport numbers.
#[derive(Debug)]
pub(crate) struct PassportDetector;

impl PassportDetector {
    pub(crate) fn new() -> PassportDetector {
        // Build the keyword automaton now, not on a live message.
        Lazy::force(&WORDS);
        PassportDetector
    }
}

impl Detector for PassportDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::Passport]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    /// `12AB34567`'s span holds its first two digits only.
    fn min_span_digits(&self) -> usize {
        2
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // The token around the span's first ASCII digit run: up to three
        // letters before it, letters and digits after.
        let Some(first) = (span.start..span.end).find(|&i| text[i].is_ascii_digit()) else {
            return;
        };
        // Every shape opens with a run of 2 digits (then letters) or of 6
        // to 9, which only a 9-digit run does without a letter before it:
        // most spans (prices, times, phone groups) stop here.
        let run = text[first..]
            .iter()
            .take(10)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let letter_before = first > 0 && text[first - 1].is_ascii_alphabetic();
        let opens = match run {
            2 => text.get(first + 2).is_some_and(u8::is_ascii_alphabetic),
            6..=8 => letter_before,
            9 => true,
            _ => false,
        };
        if opens {
            passport_at(text, first, out);
        }
    }
}

/// The passport number whose first digit run starts at `first`, if its
/// token has a passport's shape and a keyword names it.
#[inline(never)]
fn passport_at(text: &[u8], first: usize, out: &mut Vec<Finding>) {
    let mut start = first;
    while start > 0 && first - start < 3 && text[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let mut end = first;
    while end < text.len() && end - start <= 9 && text[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let token = &text[start..end];
    if !(8..=9).contains(&token.len())
        || glues(char_before(text, start).0)
        || glues(char_at(text, end).0)
    {
        return;
    }
    let fits = |shape: &&str| {
        shape.len() == token.len()
            && shape.bytes().zip(token).all(|(s, &b)| match s {
                b'L' => b.is_ascii_alphabetic(),
                _ => b.is_ascii_digit(),
            })
    };
    if !SHAPES.iter().any(fits) || !WORDS.before(text, start) {
        return;
    }
    out.push(Finding {
        kind: Kind::Passport,
        start,
        end,
        confidence: CONFIDENCE,
        normalized: String::from_utf8_lossy(token).to_ascii_uppercase(),
    });
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};

    fn found(text: &str) -> Vec<(Kind, String)> {
        let scanner = Scanner::builder().region("NG").build().unwrap();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| (f.kind.clone(), text[f.range()].to_string()))
            .collect()
    }

    fn passport(v: &str) -> Vec<(Kind, String)> {
        vec![(Kind::Passport, v.to_string())]
    }

    #[test]
    fn shapes_after_a_keyword() {
        for v in [
            "123456789",
            "A12345678",
            "AB1234567",
            "AB123456",
            "XDA123456",
            "12AB34567",
            "P1234567A",
        ] {
            assert_eq!(found(&format!("passport no. {v}")), passport(v), "{v}");
        }
    }

    #[test]
    fn other_shapes_or_no_keyword_are_not_passports() {
        for t in [
            "passport no. 12345678",
            "passport no. 1234567890",
            "passport no. A1234567",
            "passport no. ABCD12345",
            "passport no. A1234567B8",
            "booking ref AB1234567",
            "AB1234567",
            "passport expired, order AB1234567",
        ] {
            assert!(!found(t).iter().any(|(k, _)| *k == Kind::Passport), "{t}");
        }
    }

    #[test]
    fn chat_context() {
        assert_eq!(
            found("Oga, my international passport number is A08123456"),
            passport("A08123456")
        );
        assert_eq!(found("meu passaporte: FZ123456"), passport("FZ123456"));
        assert_eq!(found("passport no. NF5170588🇮🇳"), passport("NF5170588"));
        assert_eq!(found("护照号码：E12345678，谢谢"), passport("E12345678"));
        assert_eq!(found("mi pasaporte es XDA123456"), passport("XDA123456"));
        assert_eq!(found("nomor paspor saya AB1234567"), passport("AB1234567"));
        assert_eq!(found("Reisepassnummer: 123456789"), passport("123456789"));
        assert_eq!(found("رقم الجواز: AB1234567"), passport("AB1234567"));
        assert_eq!(found("पासपोर्ट नंबर AB1234567"), passport("AB1234567"));
        assert_eq!(
            found("numéro de passeport 12AB34567"),
            passport("12AB34567")
        );
    }

    #[test]
    fn pp_names_a_passport_in_capitals_only() {
        for t in [
            "PP# EA1234567",
            "PP No. EA1234567",
            "PP: EA1234567",
            "Pax 2, PP EA1234567",
        ] {
            assert_eq!(found(t), passport("EA1234567"), "{t}");
        }
        for t in [
            "pp. EA1234567",
            "pp EA1234567",
            "Pp# EA1234567",
            "APP EA1234567",
            "PPE EA1234567",
        ] {
            assert!(!found(t).iter().any(|(k, _)| *k == Kind::Passport), "{t}");
        }
    }
}
