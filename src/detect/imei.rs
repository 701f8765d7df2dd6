//! IMEI: the 15-digit identity of a mobile device (3GPP TS 23.003): an
//! 8-digit type allocation code, a 6-digit serial number and a Luhn check
//! digit. Customers paste it when a phone is lost, stolen or under
//! warranty, and it ties a device to its owner.
//!
//! Fifteen digits that pass Luhn are one random number in ten, so the value
//! counts only when named ("IMEI", "IMEI no.", "número IMEI", "आईएमईआई"):
//! then it is reported at [`CONF_NAMED`]. Unnamed, it is weak evidence,
//! reported below the default threshold ([`CONF_BARE`], see
//! `docs/confidence.md`) so that only leak-averse roles mask it. Written
//! forms: 15 digits in one run, or the groups devices print (`35-209900-
//! 176148-1`, `35209900 176148 1`).

use once_cell::sync::Lazy;

use super::keywords::{glues, Keywords};
use super::{Context, Detector, Span, Trigger};
use crate::checksum::luhn_valid;
use crate::finding::{Finding, Kind};
use crate::text::{char_at, char_before};

/// Named by a keyword.
const CONF_NAMED: f32 = 0.95;
/// Fifteen Luhn-valid digits in an IMEI grouping, unnamed: weak evidence.
const CONF_BARE: f32 = 0.4;

/// The digit groups an IMEI is written in.
const GROUPINGS: &[&[usize]] = &[&[15], &[2, 6, 6, 1], &[8, 6, 1], &[14, 1], &[8, 7]];

static WORDS: Lazy<Keywords> = Lazy::new(|| {
    Keywords::new(
        &[
            "imei",
            "imei1",
            "imei2",
            "imei 1",
            "imei 2",
            "imei-1",
            "imei-2",
            "imei no",
            "imei number",
            "आईएमईआई",
            "आईएमइआई",
            "رقم imei",
            "ایمی",
            "串号",
            "國際移動設備識別碼",
            "国际移动设备识别码",
        ],
        24,
    )
});

/// Finds IMEIs in numeric spans.
#[derive(Debug)]
pub(crate) struct ImeiDetector;

impl ImeiDetector {
    pub(crate) fn new() -> ImeiDetector {
        // Build the keyword automaton now, not on a live message.
        Lazy::force(&WORDS);
        ImeiDetector
    }
}

impl Detector for ImeiDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::Imei]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn min_span_digits(&self) -> usize {
        15
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // The scanner asks only about spans of 15 digits or more.
        // Digit runs of the span: (start, end) of each, at most 16 looked at.
        let mut runs = [(0usize, 0usize); 16];
        let mut n = 0;
        let mut i = span.start;
        while i < span.end && n < runs.len() {
            if text[i].is_ascii_digit() {
                let start = i;
                while i < span.end && text[i].is_ascii_digit() {
                    i += 1;
                }
                runs[n] = (start, i);
                n += 1;
            } else {
                i += 1;
            }
        }
        let runs = &runs[..n];
        for first in 0..runs.len() {
            for grouping in GROUPINGS {
                if let Some(f) = candidate(ctx, &runs[first..], grouping) {
                    out.push(f);
                    break;
                }
            }
        }
    }
}

/// An IMEI written in `grouping` at the start of `runs`, if there is one.
fn candidate(ctx: &Context<'_>, runs: &[(usize, usize)], grouping: &[usize]) -> Option<Finding> {
    let text = ctx.text;
    let groups = runs.get(..grouping.len())?;
    let mut digits = [0u8; 15];
    let mut n = 0;
    for (k, (&(start, end), &len)) in groups.iter().zip(grouping).enumerate() {
        if end - start != len {
            return None;
        }
        // Groups are joined by one separator: a space, `-`, `/` or `.`.
        if k > 0 {
            let prev_end = groups[k - 1].1;
            if start - prev_end != 1 || !matches!(text[prev_end], b' ' | b'-' | b'/' | b'.') {
                return None;
            }
        }
        digits[n..n + len].copy_from_slice(&text[start..end]);
        n += len;
    }
    let (start, end) = (groups[0].0, groups[groups.len() - 1].1);
    if n != 15 || !luhn_valid(&digits) || !free_standing(text, start, end) {
        return None;
    }
    let confidence = if WORDS.before(text, start) {
        CONF_NAMED
    } else {
        CONF_BARE
    };
    Some(Finding {
        kind: Kind::Imei,
        start,
        end,
        confidence,
        normalized: String::from_utf8_lossy(&digits).into_owned(),
    })
}

/// Not part of a longer token: no letter, digit, `+` or decimal point
/// glued on either side.
fn free_standing(text: &[u8], start: usize, end: usize) -> bool {
    let before = char_before(text, start).0;
    let after = char_at(text, end).0;
    let glued = glues;
    let decimal =
        |at: usize| text.get(at) == Some(&b'.') && text.get(at + 1).is_some_and(u8::is_ascii_digit);
    let after_decimal_point =
        start >= 2 && text[start - 1] == b'.' && text[start - 2].is_ascii_digit();
    !(glued(before) || glued(after) || before == Some('+') || decimal(end) || after_decimal_point)
}

#[cfg(test)]
mod tests {
    use crate::checksum::tests::for_each_one_digit_change;
    use crate::{Kind, MinConfidence, Scanner};

    /// Valid IMEIs, checked with python-stdnum (`stdnum.imei.is_valid`).
    const VALID: &[&str] = &[
        "352099001761481",
        "490154203237518",
        "356938035643809",
        "353918050436910",
        "860123045678900",
    ];

    static SCANNER: once_cell::sync::Lazy<Scanner> = once_cell::sync::Lazy::new(|| {
        Scanner::builder()
            .kinds([Kind::Imei])
            .min_confidence(0.0)
            .build()
            .unwrap()
    });

    fn imeis(text: &str) -> Vec<(String, f32)> {
        SCANNER
            .scan(text)
            .iter()
            .map(|f| (text[f.range()].to_string(), f.confidence))
            .collect()
    }

    #[test]
    fn valid_values_with_a_keyword() {
        for v in VALID {
            let found = imeis(&format!("IMEI: {v}"));
            assert_eq!(found, [(v.to_string(), 0.95)], "{v}");
        }
    }

    #[test]
    fn every_single_digit_change_is_rejected() {
        for v in VALID {
            for_each_one_digit_change(v.as_bytes(), |changed| {
                let changed = std::str::from_utf8(changed).unwrap();
                assert!(imeis(&format!("IMEI {changed}")).is_empty(), "{changed}");
            });
        }
    }

    #[test]
    fn written_forms() {
        for t in [
            "IMEI 35-209900-176148-1",
            "imei no. 35 209900 176148 1",
            "IMEI: 35209900 176148 1",
            "IMEI1: 352099001761481",
            "IMEI number 35-209900-176148-1已付款",
        ] {
            let found = imeis(t);
            assert_eq!(found.len(), 1, "{t}");
            assert_eq!(found[0].1, 0.95, "{t}");
        }
        // Not an IMEI grouping, glued, or a decimal.
        for t in [
            "IMEI 3520 9900 1761 481",
            "IMEI A352099001761481",
            "IMEI 352099001761481.5",
            "IMEI +352099001761481",
            "IMEI 3520990017614810",
        ] {
            assert!(imeis(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn unnamed_values_are_weak_evidence() {
        assert_eq!(
            imeis("ref 352099001761481"),
            [("352099001761481".to_string(), 0.4)]
        );
        let default = Scanner::builder().kinds([Kind::Imei]).build().unwrap();
        assert!(default.scan("ref 352099001761481").is_empty());
        assert_eq!(default.min_confidence(), MinConfidence::DEFAULT);
    }

    #[test]
    fn chat_context() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let kinds = |t: &str| {
            scanner
                .scan(t)
                .into_iter()
                .map(|f| (f.kind, f.normalized))
                .collect::<Vec<_>>()
        };
        let imei = |v: &str| vec![(Kind::Imei, v.to_string())];
        assert_eq!(
            kinds("phone chori ho gaya, IMEI number hai 356938035643809 pls block"),
            imei("356938035643809")
        );
        assert_eq!(
            kinds("mi celular robado, IMEI: 35-391805-043691-0"),
            imei("353918050436910")
        );
        assert_eq!(
            kinds("मेरा फ़ोन खो गया, आईएमईआई 860123045678900"),
            imei("860123045678900")
        );
        assert_eq!(
            kinds("celular com garantia, número IMEI 490154203237518"),
            imei("490154203237518")
        );
        // The export role masks the weak evidence too.
        let masked = scanner
            .redact_as("S/N 352099001761481 ok", scanner.region(), Some("export"))
            .unwrap();
        assert_eq!(masked, "S/N  ok");
    }
}
