//! Payment card numbers (PANs).
//!
//! A card number is 12 to 19 digits whose first digits (the issuer
//! identification number, IIN) belong to a card network and whose length is
//! one that network issues, ending in a Luhn check digit. Luhn alone lets
//! one random number in ten through, and chat text is full of long numbers,
//! so all three checks must pass, and the written form must be one a person
//! types a card in:
//!
//! * groups joined by one kind of separator, a single space or a single
//!   dash, used the same way throughout (`4111 1111 1111 1111`,
//!   `3782-822463-10005`): fours with a shorter last group, or the
//!   4-6-5 / 4-6-4 layout of American Express and Diners, or 6-13 for
//!   19-digit UnionPay;
//! * or one bare run of digits.
//!
//! The groups must be the whole run of digit groups around them: a card is
//! never part of a longer digit sequence (`1234 4111 1111 1111 1111` is not
//! a card, whatever its tail). A bare run is weaker evidence than a grouped
//! one: it is reported unless the nearest context word says it is an order,
//! invoice or tracking number, and a bare 12-digit run (Maestro's shortest,
//! also the length of Aadhaar numbers and many references) only after a
//! card word.
//!
//! Confidence: grouped 0.97, bare 0.9 (above a bare phone number in the home
//! region, 0.8, so that a 13-digit Visa is not read as a phone), and a
//! card word before raises either.

use super::context::{self, Around};
use super::{Context, Detector, Span, Trigger};
use crate::checksum::luhn_valid;
use crate::finding::{Finding, Kind};
use crate::text::{char_at, char_before, digit_value, is_latin_letter};

const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;
/// The most groups a card is written in (19 digits in fours: five).
const MAX_GROUPS: usize = 5;

const CONF_GROUPED: f32 = 0.97;
const CONF_BARE: f32 = 0.9;
const CONF_KEYWORD_BONUS: f32 = 0.02;

/// One issuer range: numbers whose first `digits` digits lie in `lo..=hi`
/// are issued in the lengths set in `lengths` (bit *n* = length *n*).
struct Range {
    lo: u32,
    hi: u32,
    digits: u32,
    lengths: u32,
}

const fn lens(list: &[u32]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < list.len() {
        mask |= 1 << list[i];
        i += 1;
    }
    mask
}

const fn range(lo: u32, hi: u32, digits: u32, lengths: u32) -> Range {
    Range {
        lo,
        hi,
        digits,
        lengths,
    }
}

const L16: u32 = lens(&[16]);
const L16_19: u32 = lens(&[16, 17, 18, 19]);
const L12_19: u32 = lens(&[12, 13, 14, 15, 16, 17, 18, 19]);

/// Issuer ranges of the networks people pay with (published IIN tables of
/// each network; overlaps are harmless, any match admits the number).
static RANGES: &[Range] = &[
    // Visa (incl. Electron and Visa-issued Elo/RuPay co-brands).
    range(4, 4, 1, lens(&[13, 16, 19])),
    // Mastercard, 2-series and 5-series.
    range(2221, 2720, 4, L16),
    range(51, 55, 2, L16),
    // American Express.
    range(34, 34, 2, lens(&[15])),
    range(37, 37, 2, lens(&[15])),
    // Diners Club International, and Diners/Discover ranges.
    range(300, 305, 3, lens(&[14, 16, 17, 18, 19])),
    range(3095, 3095, 4, lens(&[14, 16, 17, 18, 19])),
    range(36, 36, 2, lens(&[14, 16, 17, 18, 19])),
    range(38, 39, 2, lens(&[14, 16, 17, 18, 19])),
    // Discover.
    range(6011, 6011, 4, L16_19),
    range(644, 649, 3, L16_19),
    range(65, 65, 2, L16_19),
    range(622126, 622925, 6, L16_19),
    // JCB.
    range(3528, 3589, 4, L16_19),
    // UnionPay (62, and 81 for the newer ranges).
    range(62, 62, 2, L16_19),
    range(81, 81, 2, L16_19),
    // RuPay (60, 65, 81, 82, 508, and the JCB co-brand 353/356).
    range(60, 60, 2, L16),
    range(82, 82, 2, L16),
    range(508, 508, 3, L16),
    range(353, 353, 3, L16),
    range(356, 356, 3, L16),
    // Maestro (international and UK ranges).
    range(5018, 5018, 4, L12_19),
    range(5020, 5020, 4, L12_19),
    range(5038, 5038, 4, L12_19),
    range(5893, 5893, 4, L12_19),
    range(6304, 6304, 4, L12_19),
    range(6759, 6759, 4, L12_19),
    range(6761, 6763, 4, L12_19),
    range(6771, 6771, 4, L12_19),
    // Dankort.
    range(5019, 5019, 4, L16),
    // Mir.
    range(2200, 2204, 4, L16_19),
    // Elo (Brazil).
    range(401178, 401179, 6, L16),
    range(431274, 431274, 6, L16),
    range(438935, 438935, 6, L16),
    range(451416, 451416, 6, L16),
    range(457393, 457393, 6, L16),
    range(457631, 457632, 6, L16),
    range(504175, 504175, 6, L16),
    range(506699, 506778, 6, L16),
    range(509000, 509999, 6, L16),
    range(627780, 627780, 6, L16),
    range(636297, 636297, 6, L16),
    range(636368, 636368, 6, L16),
    range(650031, 650033, 6, L16),
    range(650035, 650051, 6, L16),
    range(650405, 650439, 6, L16),
    range(650485, 650538, 6, L16),
    range(650541, 650598, 6, L16),
    range(650700, 650718, 6, L16),
    range(650720, 650727, 6, L16),
    range(650901, 650978, 6, L16),
    range(651652, 651679, 6, L16),
    range(655000, 655058, 6, L16),
    // Hipercard (Brazil).
    range(606282, 606282, 6, lens(&[16, 19])),
    range(384100, 384100, 6, lens(&[16, 19])),
    range(384140, 384140, 6, lens(&[16, 19])),
    range(384160, 384160, 6, lens(&[16, 19])),
    // Verve (Nigeria).
    range(506099, 506198, 6, lens(&[16, 18, 19])),
    range(650002, 650027, 6, lens(&[16, 18, 19])),
    // Troy (Turkey).
    range(9792, 9792, 4, L16),
    // InstaPayment, InterPayment.
    range(637, 639, 3, L16),
    range(636, 636, 3, L16_19),
    // UzCard, Humo, LankaPay, BC Card.
    range(8600, 8600, 4, L16),
    range(9860, 9860, 4, L16),
    range(357111, 357111, 6, L16),
    range(94, 94, 2, L16),
];

/// Whether a network issues numbers of this length starting with these
/// digits (`digits` are ASCII, at least six).
pub(crate) fn issuer_accepts(digits: &[u8]) -> bool {
    let len = digits.len();
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&len) {
        return false;
    }
    // The number spelled by the first n digits, for every n a range uses,
    // computed once.
    let mut prefix = [0u32; 7];
    for n in 1..prefix.len() {
        prefix[n] = prefix[n - 1] * 10 + u32::from(digits[n - 1] - b'0');
    }
    RANGES
        .iter()
        .any(|r| r.lengths & (1 << len) != 0 && (r.lo..=r.hi).contains(&prefix[r.digits as usize]))
}

/// Whether `digits` (ASCII) is a plausible card number: issuer range,
/// length and Luhn.
pub(crate) fn is_valid_pan(digits: &[u8]) -> bool {
    digits.iter().all(u8::is_ascii_digit) && issuer_accepts(digits) && luhn_valid(digits)
}

/// Whether the group sizes are a layout people write cards in.
fn layout_ok(sizes: &[usize]) -> bool {
    match sizes {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] | [6, 13] | [6, 12] => true,
        [rest @ .., last] if rest.len() >= 2 => rest.iter().all(|&s| s == 4) && *last <= 4,
        _ => false,
    }
}

/// A run of digit groups joined by one repeated single-character separator.
#[derive(Default)]
struct Run {
    start: usize,
    end: usize,
    digits: [u8; MAX_DIGITS],
    len: usize,
    sizes: [usize; MAX_GROUPS],
    groups: usize,
    /// Separator joining the groups, once there are two.
    sep: Option<char>,
    /// Too many digits or groups to be a card.
    spoiled: bool,
    /// Whether the run is glued to a neighbouring group by a single
    /// separator character (it continues a longer number).
    glued: bool,
}

impl Run {
    fn push_group(&mut self, start: usize, end: usize, digits: &[u8]) {
        if self.groups == 0 {
            self.start = start;
        }
        self.end = end;
        if self.groups == MAX_GROUPS || self.len + digits.len() > MAX_DIGITS {
            self.spoiled = true;
            return;
        }
        self.sizes[self.groups] = digits.len();
        self.groups += 1;
        self.digits[self.len..self.len + digits.len()].copy_from_slice(digits);
        self.len += digits.len();
    }
}

/// The card detector.
#[derive(Debug, Default)]
pub(crate) struct CardDetector;

impl CardDetector {
    pub(crate) fn new() -> CardDetector {
        // Build the keyword automaton now, not on the first scan.
        context::words();
        CardDetector
    }
}

impl CardDetector {
    fn judge(&self, ctx: &Context<'_>, span: Span, run: &Run, out: &mut Vec<Finding>) {
        if run.spoiled || run.glued || run.groups == 0 || !layout_ok(&run.sizes[..run.groups]) {
            return;
        }
        let digits = &run.digits[..run.len];
        if !is_valid_pan(digits) {
            return;
        }
        let text = ctx.text;
        // A `+` or `(` opening the span makes it a phone number.
        if run.start > span.start
            && text[span.start..run.start]
                .iter()
                .any(|&b| b == b'+' || b == b'(')
        {
            return;
        }
        if !free_standing(text, run.start, run.end) {
            return;
        }
        let around: Around = context::words().before(text, run.start);
        let named = around.names(&Kind::CreditCard);
        let confidence = if run.groups > 1 {
            CONF_GROUPED
        } else if named {
            CONF_BARE
        } else if around.vetoed || run.len == MIN_DIGITS {
            return;
        } else {
            CONF_BARE
        };
        let bonus = if named { CONF_KEYWORD_BONUS } else { 0.0 };
        out.push(Finding {
            kind: Kind::CreditCard,
            start: run.start,
            end: run.end,
            confidence: (confidence + bonus).min(0.99),
            normalized: String::from_utf8_lossy(digits).into_owned(),
        });
    }
}

/// Not glued to letters, digits or a decimal point on either side.
fn free_standing(text: &[u8], start: usize, end: usize) -> bool {
    let before = char_before(text, start).0;
    let after = char_at(text, end).0;
    let glued = |c: Option<char>| {
        c.is_some_and(|c| {
            is_latin_letter(c)
                || c.is_numeric()
                || (c.is_alphabetic() && (c as u32) < 0x2E80)
                || matches!(c, '_' | '@' | '/' | '\\' | crate::policy::mask::BULLET)
        })
    };
    // A point, comma or colon followed by more of the token ("…2001:db8::")
    // continues it: a decimal, a list of numbers, an IPv6 address.
    let dot_digit = |at: usize| {
        matches!(char_at(text, at).0, Some('.' | ',' | ':'))
            && char_at(text, at + 1).0.is_some_and(|c| c.is_alphanumeric())
    };
    !glued(before)
        && !glued(after)
        && !dot_digit(end)
        && !matches!(before, Some('.' | ',' | '$' | '€' | '£' | '#'))
}

/// The ASCII separator that joins card groups, if `c` is one.
fn card_separator(c: char) -> Option<char> {
    match c {
        ' ' | '\u{A0}' | '\u{202F}' => Some(' '),
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => Some('-'),
        _ => None,
    }
}

impl Detector for CardDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::CreditCard]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // Cheap reject: a span holds a card only with at least 12 digits.
        if span.end - span.start < MIN_DIGITS {
            return;
        }
        // Nor with fewer than 12 bytes that are ASCII digits or part of a
        // non-ASCII character (a bound on the digits of every script).
        let maybe_digits = text[span.start..span.end]
            .iter()
            .filter(|&&b| b.is_ascii_digit() || b >= 0x80)
            .count();
        if maybe_digits < MIN_DIGITS {
            return;
        }
        let mut run = Run::default();
        let mut group = [0u8; MAX_DIGITS];
        let mut group_len = 0usize;
        let mut group_start = span.start;
        let mut group_end = span.start;
        // The separator characters since the last group.
        let mut sep: Option<char> = None;
        let mut sep_chars = 0usize;
        let mut i = span.start;
        let mut in_group = false;
        loop {
            let (c, w) = if i < span.end {
                char_at(text, i)
            } else {
                (None, 0)
            };
            match c.and_then(digit_value) {
                Some(d) => {
                    if !in_group {
                        // A group starts: does it continue the run?
                        if run.groups > 0 || run.spoiled {
                            let joins = sep_chars == 1
                                && sep.is_some()
                                && (run.sep.is_none() || run.sep == sep);
                            if joins {
                                run.sep = sep;
                            } else {
                                if sep_chars == 1 {
                                    run.glued = true;
                                }
                                self.judge(ctx, span, &run, out);
                                run = Run {
                                    glued: sep_chars == 1,
                                    ..Run::default()
                                };
                            }
                        }
                        in_group = true;
                        group_start = i;
                        group_len = 0;
                    }
                    if group_len < MAX_DIGITS {
                        group[group_len] = b'0' + d;
                    }
                    group_len += 1;
                    group_end = i + w;
                }
                None => {
                    if in_group {
                        in_group = false;
                        if group_len > MAX_DIGITS {
                            run.spoiled = true;
                            run.end = group_end;
                        } else {
                            run.push_group(group_start, group_end, &group[..group_len]);
                        }
                        sep_chars = 0;
                    }
                    let Some(c) = c else { break };
                    sep_chars += 1;
                    sep = if sep_chars == 1 {
                        card_separator(c)
                    } else {
                        None
                    };
                }
            }
            i += w.max(1);
        }
        self.judge(ctx, span, &run, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(String, f32)> {
        let scanner = crate::Scanner::builder()
            .kinds([Kind::CreditCard])
            .build()
            .unwrap();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| (text[f.range()].to_string(), f.confidence))
            .collect()
    }

    /// Test numbers published by the networks and payment processors, and
    /// numbers generated in each issuer range with python-stdnum's luhn.
    const VALID: &[&str] = &[
        "4111111111111111",
        "4012888888881881",
        "4222222222222",
        "5555555555554444",
        "5105105105105100",
        "2223003122003222",
        "2720992593319364",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3530111333300000",
        "3566002020360505",
        "30569309025904",
        "38520000023237",
        "6200000000000005",
        "6212345678901232",
        "6081234567890128",
        "5018000000000009",
        "6759649826438453",
        "2200123456789019",
        "6362970000457013",
        "6062826786276634",
        "9792123456789018",
        "6250941006528599",
        "6221261111111116",
        "4000056655665556",
        "8171999927660000",
        "6011000000000000001",
    ];

    #[test]
    fn valid_numbers_pass_and_one_digit_changes_fail() {
        for v in VALID {
            assert!(is_valid_pan(v.as_bytes()), "{v}");
            // Luhn catches every single-digit change.
            crate::checksum::tests::for_each_one_digit_change(v.as_bytes(), |c| {
                assert!(!luhn_valid(c), "{c:?}")
            });
        }
    }

    #[test]
    fn issuer_ranges_and_lengths() {
        // Luhn-valid, but no network issues these.
        for v in [
            "1234567812345670",
            "7000000000000000",
            "4111111111111111111111",
        ] {
            assert!(!is_valid_pan(v.as_bytes()), "{v}");
        }
        // Amex is 15 digits, Mastercard 16.
        assert!(!issuer_accepts(b"3782822463100051"));
        assert!(!issuer_accepts(b"555555555555444"));
        assert!(!issuer_accepts(b"12345"));
    }

    #[test]
    fn grouped_and_bare_in_chat() {
        assert_eq!(
            scan("pay with 4111 1111 1111 1111 pls"),
            [("4111 1111 1111 1111".into(), 0.97)]
        );
        assert_eq!(
            scan("card: 4111-1111-1111-1111.")[0].0,
            "4111-1111-1111-1111"
        );
        assert_eq!(scan("amex 3782 822463 10005")[0].0, "3782 822463 10005");
        assert_eq!(scan("num 4111111111111111 ok")[0].0, "4111111111111111");
        assert_eq!(
            scan("6011 0000 0000 0000 001")[0].0,
            "6011 0000 0000 0000 001"
        );
        assert_eq!(scan("visa 4222222222222")[0].0, "4222222222222");
    }

    #[test]
    fn hard_negatives() {
        // Luhn-invalid.
        assert!(scan("card 4111 1111 1111 1112").is_empty());
        // Mixed separators, odd layouts.
        assert!(scan("4111 1111-1111 1111").is_empty());
        assert!(scan("41 1111 1111 1111 11").is_empty());
        assert!(scan("4111  1111  1111  1111").is_empty());
        // Inside longer digit runs.
        assert!(scan("ref 1234 4111 1111 1111 1111").is_empty());
        assert!(scan("41111111111111119").is_empty());
        assert!(scan("94111111111111111").is_empty());
        assert!(scan("4111-1111-1111-1111-5555").is_empty());
        // Glued to letters or a decimal point.
        assert!(scan("X4111111111111111").is_empty());
        assert!(scan("4111111111111111kg").is_empty());
        assert!(scan("0.4111111111111111").is_empty());
        // Bare and after an order word.
        assert!(scan("order no 4111111111111111").is_empty());
        assert!(scan("tracking 4111111111111111").is_empty());
        // A phone number written with +.
        assert!(scan("+4111111111111111").is_empty());
        // Bare 12 digits only after a card word.
        assert!(scan("501800000009").is_empty());
        assert_eq!(scan("maestro card 501800000009").len(), 1);
    }

    #[test]
    fn keywords_raise_confidence() {
        assert!((scan("card 4111111111111111")[0].1 - 0.92).abs() < 1e-6);
        assert!((scan("my card 4111 1111 1111 1111")[0].1 - 0.99).abs() < 1e-6);
    }

    #[test]
    fn survives_any_bytes() {
        let d = CardDetector;
        let texts: [&[u8]; 4] = [
            b"4111 1111 1111 1111\xff",
            b"\xe4111 1111 1111 1111",
            b"4111\xa01111",
            b"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5",
        ];
        for t in texts {
            let ctx = Context {
                text: t,
                region: None,
            };
            for s in 0..t.len() {
                for e in s..=t.len() {
                    let mut out = Vec::new();
                    d.detect(&ctx, Span { start: s, end: e }, &mut out);
                }
            }
        }
    }
}
