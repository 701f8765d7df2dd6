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
//! When a run of digit groups is not one card, it may be a card written with
//! what follows it in a payment chat: `4111111111111111 12/25`, `4111 1111
//! 1111 1111 123`, `3782 822463 10005 1234`, or two cards one after the
//! other. Such a run is split: it must start with a card and consist of
//! nothing but cards, then at most an expiry date (`MM/YY`, `MM/YYYY`) and
//! a CVV (three or four digits; four only after a card of 16 digits or
//! more, or an Amex: after a shorter one they make one longer, mistyped
//! card), in either order; after such a card the expiry may also be
//! written `MMYY` or `MM YY`, the CVV then of three digits. Each card is
//! reported and
//! the rest left alone; any other digits in the run spoil it whole, as
//! before (a card is still never part of a longer digit sequence).
//!
//! Issuer tables lag behind new ranges (and UATP, 15 digits starting with
//! 1, is in none of the usual ones), so after a card word (`card`, `paid
//! with`, `tarjeta`, `cartão`, `kartu` …) or before an expiry/CVV word
//! (`exp`, `cvv` …) or an expiry date, a Luhn-valid number of 13 to 19
//! digits is a card whatever its prefix, at a lower confidence. SIM card
//! numbers (ICCIDs, Luhn-valid and starting with 89, "SIM card …") are not.
//!
//! Confidence: grouped 0.97, bare 0.9 (above a bare phone number in the home
//! region, 0.8, so that a 13-digit Visa is not read as a phone), and a
//! card word before raises either; a prefix outside the issuer table, 0.85.

use super::context::{self, Around};
use super::{Context, Detector, Span, Trigger};
use crate::checksum::luhn_valid;
use crate::finding::{raised_confidence, Finding, Kind};
use crate::text::{
    char_at, char_before, digit_value, is_alphabetic, is_alphanumeric, is_latin_letter, is_numeric,
};

const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;
/// The most groups a card is written in (19 digits in fours: five).
const MAX_GROUPS: usize = 5;

const CONF_GROUPED: f32 = 0.97;
const CONF_BARE: f32 = 0.9;
/// Bare, unnamed, of a length few cards have (13, 14, 17 or 18 digits):
/// below a checksum-valid national ID of the conversation's country (0.75)
/// with the same digits, which such a length more often is (a South
/// African ID of someone born in the 1940s is a Luhn-valid Visa-range
/// number; a CNPJ, a Diners one; a CLABE, a Discover one).
const CONF_BARE_RARE_LENGTH: f32 = 0.7;
const CONF_KEYWORD_BONUS: f32 = 0.02;
/// A Luhn-valid number outside the issuer table, called a card.
const CONF_UNLISTED: f32 = 0.85;
/// Most digit groups a run split into cards and their tails may have (two
/// 19-digit cards in fours, an expiry and a CVV: thirteen).
const MAX_PARTS: usize = 13;
/// Most cards in one split run.
const MAX_CARDS: usize = 2;

/// Words that follow a card number: its expiry date or security code.
const AFTER_WORDS: &[&[u8]] = &[
    b"exp",
    b"expiry",
    b"expires",
    b"expiration",
    b"valid thru",
    b"valid till",
    b"cvv",
    b"cvv2",
    b"cvc",
    b"cvc2",
    b"cid",
    b"csc",
    b"venc",
    b"vence",
    b"vencimiento",
    b"validade",
    b"val",
    "gültig".as_bytes(),
    b"ablauf",
    b"berlaku",
    "срок".as_bytes(),
];

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
/// length and Luhn. Luhn first: it turns away nine candidates in ten for a
/// pass over the digits, where the issuer table is a walk over every range.
pub(crate) fn is_valid_pan(digits: &[u8]) -> bool {
    digits.iter().all(u8::is_ascii_digit) && luhn_valid(digits) && issuer_accepts(digits)
}

/// Whether a person who calls `digits` a card means one, though no network
/// in the table issues it: Luhn-valid, 13 to 19 digits, not a SIM card's
/// ICCID (89…).
fn unlisted_pan(digits: &[u8]) -> bool {
    (13..=MAX_DIGITS).contains(&digits.len())
        && !digits.starts_with(b"89")
        && digits.iter().all(u8::is_ascii_digit)
        && luhn_valid(digits)
}

/// Whether an expiry or security-code word follows `end` (after spaces and
/// a `:`, `-` or `,`).
fn expiry_word_after(text: &[u8], end: usize) -> bool {
    let mut at = end;
    while at < text.len() && at - end < 4 && matches!(text[at], b' ' | b':' | b'-' | b',' | b'(') {
        at += 1;
    }
    if at == end {
        return false;
    }
    AFTER_WORDS.iter().any(|w| {
        crate::text::starts_with_ignore_case(text, at, w)
            && !char_at(text, at + w.len()).0.is_some_and(is_alphabetic)
    })
}

/// Whether an expiry or security-code word of three letters or more is
/// typed right against `end`, ending where the letters end (`…1111exp`,
/// `…1111CVV123`).
fn expiry_word_glued(text: &[u8], end: usize) -> bool {
    AFTER_WORDS.iter().any(|w| {
        w.len() >= 3
            && w.iter().all(u8::is_ascii_alphanumeric)
            && crate::text::starts_with_ignore_case(text, end, w)
            && !char_at(text, end + w.len()).0.is_some_and(is_alphabetic)
    })
}

/// Whether a card ending at `end` is followed by the rest of a card dump's
/// fields (`4111…,12/27,123`, `Juan,4111…,1227`, `4111…/12/27/123`,
/// `4111…:12:27:123`, `4111…-12-2027-123`): an expiry date (`MM/YY`,
/// `MM/YYYY`, `MMYY`, or its month and year as two fields), a code of
/// three or four digits (after a `,` or `/`), or both in either order,
/// each after one separator (`,`, `/`, `:` or `-`, the same throughout;
/// spaces allowed after it), and nothing glued after the last but that
/// separator once more. Other digits after the separator go on with a decimal, a list, a
/// path, a date or a time (`…,50`, `…,123,456`, `…/2025/01`, `…:30`).
fn dump_fields_after(text: &[u8], end: usize) -> bool {
    let digits_at = |at: usize| {
        text.get(at..)
            .map_or(0, |t| t.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let year_at = |at: usize| match digits_at(at) {
        2 => Some(2),
        4 if (2000..=2099).contains(&crate::detect::ids::num(&text[at..at + 4])) => Some(4),
        _ => None,
    };
    let separator = match text.get(end) {
        Some(&b) if matches!(b, b',' | b'/' | b':' | b'-') => b,
        _ => return false,
    };
    // Whether the fields read are enough for a dump: after a dash or a
    // colon, digits alone go on with a longer number or a time
    // (`4111-…-1111-5555`), and an expiry date says they are a dump's.
    let enough = |expiry: bool, code: bool| expiry || (code && matches!(separator, b',' | b'/'));
    let (mut expiry, mut code) = (false, false);
    // Whether the separator once more closed enough fields (`…/12/27/`,
    // `…:1227: `) before white space or the end: whatever follows is then
    // none of this dump's, a field or not (`…:1227: 4111…`, the next
    // dump's card; `…:1227: 2001:db8::1`), as it is once that is masked
    // (`…:1227: ••••:•••::•`; both found by the stream property test: the
    // card was masked only on redacting again). Glued to what follows, it
    // closes them only before a valid card (`…:1227:4111…`): before a
    // mask it stood before the value masked (`…:1227:••••1111`).
    let mut closed = false;
    let mut at = end;
    while text.get(at) == Some(&separator) {
        closed |= enough(expiry, code)
            && (char_at(text, at + 1).0.is_none_or(char::is_whitespace)
                || next_card_at(text, at + 1));
        let field = at + 1 + text[at + 1..].iter().take_while(|&&b| b == b' ').count();
        let n = digits_at(field);
        let month = n >= 2 && is_month(&text[field..field + 2]);
        // The month, then the year after a slash or the separator.
        let year = match text.get(field + 2) {
            Some(&b) if n == 2 && month && (b == b'/' || b == separator) => year_at(field + 3),
            _ => None,
        };
        if let Some(year) = year.filter(|_| !expiry) {
            expiry = true;
            at = field + 3 + year;
        } else if n == 4 && month && !expiry {
            expiry = true;
            at = field + 4;
        } else if (3..=4).contains(&n) && !code {
            code = true;
            at = field + n;
        } else {
            return closed;
        }
    }
    // Whether the text after the fields goes on with them.
    let (next, width) = char_at(text, at);
    let goes_on = next.is_some_and(|c| {
        is_alphanumeric(c) || matches!(c, '/' | '_' | '@' | crate::policy::mask::BULLET)
    }) || (matches!(next, Some('.' | ':' | '-'))
        && char_at(text, at + width).0.is_some_and(is_alphanumeric));
    closed || (enough(expiry, code) && !goes_on)
}

/// Whether a valid card number starts at `at`, glued to a dump's last
/// separator before it (`5555…:1227:4111…`). Its mask does not count: the
/// card before is masked by then, and another value's mask of the same
/// shape (an account's, an IMEI's) stood for digits that went on with
/// the fields.
fn next_card_at(text: &[u8], at: usize) -> bool {
    let digits = text[at..]
        .iter()
        .take(20)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (13..=19).contains(&digits) && is_valid_pan(&text[at..at + digits])
}

/// Whether two ASCII digits are a month, `01` to `12`.
fn is_month(d: &[u8]) -> bool {
    matches!((d[0], d[1]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'))
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

    /// Whether the run so far is a card of 15 digits or more in a layout
    /// people write and a card dump's fields follow it: cheap tests first,
    /// as this runs at a dash between digit groups. A shorter run goes on:
    /// `5038-1106-6904-0414` is one card, not a 12-digit one and `MMYY`.
    fn ends_card_before_dump(&self, text: &[u8]) -> bool {
        self.len >= 15
            && !self.spoiled
            && dump_fields_after(text, self.end)
            && layout_ok(&self.sizes[..self.groups])
            && (is_valid_pan(&self.digits[..self.len]) || unlisted_pan(&self.digits[..self.len]))
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
        let listed = is_valid_pan(digits);
        if !listed && !unlisted_pan(digits) {
            return;
        }
        let text = ctx.text;
        if opened_as_phone(text, span, run.start) {
            return;
        }
        if !free_standing(text, run.start, run.end) {
            return;
        }
        let followed = expiry_word_after(text, run.end);
        if let Some(finding) = card_finding(text, run.start, run.end, digits, run.groups, followed)
        {
            out.push(finding);
        }
    }

    /// The second look at a span in which no run was a card: a card
    /// followed by more cards, an expiry date or a CVV (see the module
    /// docs). All or nothing: a part that is none of these spoils the span.
    fn split(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let Some((parts, n)) = split_parts(text, span) else {
            return;
        };
        // The first card opens the span (nothing but a bracket before it).
        if n < 2 || (parts[0].start != span.start && !enclosed_from(text, span, parts[0].start)) {
            return;
        }
        let mut cards = [(0usize, 0usize); MAX_CARDS];
        let mut found = 0;
        let mut i = 0;
        while found < MAX_CARDS && i < n {
            let Some(k) = card_at(&parts[..n], i) else {
                break;
            };
            cards[found] = (i, k);
            found += 1;
            i += k;
        }
        // Four digits after a card shorter than 16 digits make a number of
        // card length with it: "5038 2425 7847 7920" is one mistyped card,
        // not a 12-digit Maestro and a code. American Express prints a
        // four-digit code (its CID), so a 15-digit Amex keeps it.
        let four_digit_code = found > 0 && {
            let (at, k) = cards[found - 1];
            let card = &parts[at..at + k];
            let len: usize = card.iter().map(|p| p.len).sum();
            len >= 16 || (len == 15 && matches!(&card[0].digits[..2], b"34" | b"37"))
        };
        if found == 0 || !tail_ok(&parts[..n], i, four_digit_code) {
            return;
        }
        let (first, last) = (&parts[0], &parts[n - 1]);
        if !free_standing(text, first.start, last.end) {
            return;
        }
        // An expiry date right after a card, or a word after the run, says
        // the digits before it are a card.
        let expiry_next = |at: usize| at < n && expiry_at(&parts[..n], at).is_some();
        let word_after = expiry_word_after(text, last.end);
        let mut pending = Vec::new();
        for &(at, k) in &cards[..found] {
            let mut digits = [0u8; MAX_DIGITS];
            let mut len = 0;
            for p in &parts[at..at + k] {
                digits[len..len + p.len].copy_from_slice(&p.digits[..p.len]);
                len += p.len;
            }
            let (start, end) = (parts[at].start, parts[at + k - 1].end);
            let followed = expiry_next(at + k) || word_after;
            match card_finding(text, start, end, &digits[..len], k, followed) {
                Some(f) => pending.push(f),
                None => return,
            }
        }
        out.append(&mut pending);
    }
}

/// The finding for a card at `start..end` (already free-standing), if its
/// context allows: a bare number needs no veto word before it (and a bare
/// 12-digit one a card word), and a number outside the issuer table a card
/// word before or an expiry/CVV after (`followed`).
fn card_finding(
    text: &[u8],
    start: usize,
    end: usize,
    digits: &[u8],
    groups: usize,
    followed: bool,
) -> Option<Finding> {
    let listed = is_valid_pan(digits);
    let around: Around = context::words().before(text, start);
    let named = around.names(&Kind::CreditCard);
    // The digits of a link are its ids (see `within_link`), unless the
    // link names a card (`?card=…`).
    if !named && crate::text::within_link(text, start) {
        return None;
    }
    let confidence = if !listed {
        // Only a payment-card word counts: "ID card", "Aadhaar card" name
        // another kind (or any identity document) in the same window.
        let other_kind = !(around.kinds & !context::bit(&Kind::CreditCard)).is_empty();
        if !unlisted_pan(digits) || around.vetoed || other_kind || !(named || followed) {
            return None;
        }
        CONF_UNLISTED
    } else if groups > 1 {
        CONF_GROUPED
    } else if named {
        CONF_BARE
    } else if around.vetoed || digits.len() == MIN_DIGITS {
        return None;
    } else if matches!(digits.len(), 15 | 16 | 19) {
        CONF_BARE
    } else {
        CONF_BARE_RARE_LENGTH
    };
    let bonus = if named && listed {
        CONF_KEYWORD_BONUS
    } else {
        0.0
    };
    Some(Finding {
        kind: Kind::CreditCard,
        start,
        end,
        confidence: raised_confidence(confidence, bonus).min(0.99),
        normalized: String::from_utf8_lossy(digits).into_owned(),
    })
}

/// One digit group of a span being split, and the characters before it.
#[derive(Clone, Copy, Default)]
struct Part {
    start: usize,
    end: usize,
    digits: [u8; MAX_DIGITS],
    len: usize,
    gap: Gap,
}

/// The characters between two digit groups.
#[derive(Clone, Copy, Default)]
struct Gap {
    chars: u8,
    spaces: u8,
    /// Count and last one of the `-`, `.` and `/` in it.
    puncts: u8,
    punct: char,
    /// Anything else (`(`, `+` …).
    others: u8,
}

impl Gap {
    fn push(&mut self, c: char) {
        self.chars = self.chars.saturating_add(1);
        match (card_separator(c), c) {
            (Some(' '), _) => self.spaces = self.spaces.saturating_add(1),
            (Some(_), _) | (None, '/' | '\u{FF0F}') => {
                self.puncts = self.puncts.saturating_add(1);
                self.punct = match c {
                    '/' | '\u{FF0F}' => '/',
                    '.' => '.',
                    _ => '-',
                };
            }
            _ => self.others = self.others.saturating_add(1),
        }
    }

    /// One card separator: groups of the same card.
    fn joiner(&self) -> Option<char> {
        match (self.chars, self.spaces, self.puncts, self.others) {
            (1, 1, 0, 0) => Some(' '),
            (1, 0, 1, 0) if matches!(self.punct, '-' | '.') => Some(self.punct),
            _ => None,
        }
    }

    /// Between a card and what follows it: white space, with at most one
    /// `-` or `/` (`4111 … 1111 - 12/25`).
    fn spaced(&self) -> bool {
        self.spaces >= 1 && self.puncts <= 1 && self.others == 0
    }

    /// The single `/` of an expiry date.
    fn slash(&self) -> bool {
        self.chars == 1 && self.puncts == 1 && self.punct == '/'
    }
}

/// The digit groups of `span`, or `None` when there are more than
/// [`MAX_PARTS`] or one is longer than a card.
fn split_parts(text: &[u8], span: Span) -> Option<([Part; MAX_PARTS], usize)> {
    let mut parts = [Part::default(); MAX_PARTS];
    let mut n = 0;
    let mut gap = Gap::default();
    let mut in_group = false;
    let mut i = span.start;
    while i < span.end {
        let (c, w) = char_at(text, i);
        let w = w.max(1);
        match c.and_then(digit_value) {
            Some(d) => {
                if !in_group {
                    if n == MAX_PARTS {
                        return None;
                    }
                    parts[n] = Part {
                        start: i,
                        gap,
                        ..Part::default()
                    };
                    n += 1;
                    in_group = true;
                }
                let p = &mut parts[n - 1];
                if p.len == MAX_DIGITS {
                    return None;
                }
                p.digits[p.len] = b'0' + d;
                p.len += 1;
                p.end = i + w;
            }
            None => {
                if in_group {
                    in_group = false;
                    gap = Gap::default();
                }
                match c {
                    Some(c) => gap.push(c),
                    None => return None,
                }
            }
        }
        i += w;
    }
    Some((parts, n))
}

/// The number of parts from `i` that make a card ending before white space
/// or the end of the span, longest first.
fn card_at(parts: &[Part], i: usize) -> Option<usize> {
    let mut sizes = [0usize; MAX_GROUPS];
    for k in (1..=MAX_GROUPS.min(parts.len() - i)).rev() {
        let group = &parts[i..i + k];
        let joiner = group.get(1).and_then(|p| p.gap.joiner());
        if group[1..]
            .iter()
            .any(|p| p.gap.joiner().is_none() || p.gap.joiner() != joiner)
        {
            continue;
        }
        if parts.get(i + k).is_some_and(|p| !p.gap.spaced()) {
            continue;
        }
        let len: usize = group.iter().map(|p| p.len).sum();
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&len) {
            continue;
        }
        for (s, p) in sizes.iter_mut().zip(group) {
            *s = p.len;
        }
        if !layout_ok(&sizes[..k]) {
            continue;
        }
        let mut digits = [0u8; MAX_DIGITS];
        let mut at = 0;
        for p in group {
            digits[at..at + p.len].copy_from_slice(&p.digits[..p.len]);
            at += p.len;
        }
        if is_valid_pan(&digits[..len]) || unlisted_pan(&digits[..len]) {
            return Some(k);
        }
    }
    None
}

/// An expiry date at part `i` (`MM/YY` or `MM/YYYY`): the parts it takes.
fn expiry_at(parts: &[Part], i: usize) -> Option<usize> {
    let (month, year) = (parts.get(i)?, parts.get(i + 1)?);
    let value = |p: &Part| {
        p.digits[..p.len]
            .iter()
            .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'))
    };
    let month_ok = (1..=2).contains(&month.len) && (1..=12).contains(&value(month));
    let year_ok = year.len == 2 || (year.len == 4 && (2000..=2099).contains(&value(year)));
    (month_ok && year_ok && year.gap.slash() && parts.get(i + 2).is_none_or(|p| p.gap.spaced()))
        .then_some(2)
}

/// Whether the parts from `i` on are at most one expiry date and one CVV
/// (three digits, or four when `four_digit_code`), in either order, after
/// white space. After a card that takes a four-digit code, the expiry may
/// also be written without its slash (`1227`, `12 27`), the CVV then of
/// three digits (`4111111111111111 1227 123`): four digits are the expiry
/// or the code, a card either way.
fn tail_ok(parts: &[Part], i: usize, four_digit_code: bool) -> bool {
    let code_len = if four_digit_code { 3..=4 } else { 3..=3 };
    tail_reads(parts, i, code_len, false) || four_digit_code && tail_reads(parts, i, 3..=3, true)
}

/// [`tail_ok`]'s reading with codes of `code_len` digits, and with an
/// expiry written without its slash when `bare_expiry`.
fn tail_reads(
    parts: &[Part],
    mut i: usize,
    code_len: std::ops::RangeInclusive<usize>,
    bare_expiry: bool,
) -> bool {
    let (mut expiry, mut cvv) = (false, false);
    while i < parts.len() {
        if !parts[i].gap.spaced() {
            return false;
        }
        let alone = parts.get(i + 1).is_none_or(|p| p.gap.spaced());
        if let Some(k) = expiry_at(parts, i).filter(|_| !expiry) {
            expiry = true;
            i += k;
        } else if let Some(k) = bare_expiry_at(parts, i)
            .filter(|&k| bare_expiry && !expiry && parts.get(i + k).is_none_or(|p| p.gap.spaced()))
        {
            expiry = true;
            i += k;
        } else if code_len.contains(&parts[i].len) && !cvv && alone {
            cvv = true;
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// An expiry date at part `i` written without its slash: `MMYY`, or `MM
/// YY` apart; month 01 to 12. The parts it takes.
fn bare_expiry_at(parts: &[Part], i: usize) -> Option<usize> {
    let part = parts.get(i)?;
    match part.len {
        4 if is_month(&part.digits[..2]) => Some(1),
        2 if is_month(&part.digits[..2]) => {
            let year = parts.get(i + 1)?;
            (year.len == 2 && year.gap.spaced()).then_some(2)
        }
        _ => None,
    }
}

/// Whether what the span holds before a run at `start` makes the run part
/// of a phone number: a `+` (`+44 …`), or a `(` around digits before it
/// (`(011) 2345 …`). A `(` just before the run only encloses it:
/// `(4111 1111 1111 1111)` is a card in brackets.
fn opened_as_phone(text: &[u8], span: Span, start: usize) -> bool {
    let lead = &text[span.start..start];
    lead.contains(&b'+') || (lead.contains(&b'(') && !enclosed_from(text, span, start))
}

/// Whether the span opens with one `(` before `start`, spaces at most
/// between.
fn enclosed_from(text: &[u8], span: Span, start: usize) -> bool {
    match text[span.start..start].split_first() {
        Some((b'(', spaces)) => spaces.iter().all(|&b| b == b' '),
        _ => false,
    }
}

/// Not glued to letters, digits or a decimal point on either side.
fn free_standing(text: &[u8], start: usize, end: usize) -> bool {
    // `\n`, `\r`, `\t` written as text are white space.
    let before = if crate::text::escape_ends_at(text, start) {
        Some(' ')
    } else {
        char_before(text, start).0
    };
    let after = if crate::text::escape_starts_at(text, end) {
        Some(' ')
    } else {
        char_at(text, end).0
    };
    let glued = |c: Option<char>| {
        c.is_some_and(|c| {
            is_latin_letter(c)
                || is_numeric(c)
                || (is_alphabetic(c) && (c as u32) < 0x2E80)
                || matches!(c, '_' | '@' | '/' | '\\' | crate::policy::mask::BULLET)
        })
    };
    // A magnetic stripe's first track opens the number with its format
    // code `B` and closes it with `^` (`%B4111…^NAME^2712…`).
    let track_one = |start: usize| {
        text.get(end) == Some(&b'^') && !char_before(text, start).0.is_some_and(is_alphanumeric)
    };
    let before = before.filter(|&c| !(c == 'B' && track_one(start - 1)));
    // A slash after the number opens a card dump's fields, or glues; an
    // expiry or code word typed against it (`4111…exp 12/27`) does not glue.
    let after = after.filter(|&c| match c {
        '/' => !dump_fields_after(text, end),
        c if c.is_ascii_alphabetic() => !expiry_word_glued(text, end),
        _ => true,
    });
    // A point or colon followed by more of the token ("…2001:db8::")
    // continues it: a decimal, a file or domain name, an IPv6 address. So
    // does a comma before digits (a decimal, a list of numbers); a colon or
    // a comma does not before a card dump's next fields. A comma before a
    // word only lacks its space (`4111…,exp 12/27`).
    let dot_digit = |at: usize| match char_at(text, at).0 {
        Some('.') => char_at(text, at + 1).0.is_some_and(is_alphanumeric),
        Some(':') => {
            char_at(text, at + 1).0.is_some_and(is_alphanumeric) && !dump_fields_after(text, at)
        }
        Some(',') => {
            char_at(text, at + 1).0.is_some_and(is_numeric) && !dump_fields_after(text, at)
        }
        _ => false,
    };
    // A number sign or a point before the number makes it an order number,
    // a reference or a decimal, unless it labels a card (`Card#4111…`); so
    // does a comma after a digit (the rest of a grouped or decimal
    // number), not one after a word (a field's separator: `Juan,4111…`).
    let signed = match before {
        Some('#' | '.') => !labelled_by_card_word(text, start),
        Some(',') => char_before(text, start - 1).0.is_some_and(is_numeric),
        Some('$' | '€' | '£') => true,
        _ => false,
    };
    !glued(before) && !glued(after) && !dot_digit(end) && !signed
}

/// Card words that a number sign or an abbreviation's point may follow:
/// `Card#4111…`, `CC # 4111…`, `Card No.4111…`, `tarjeta#4111…`.
const SIGN_LABELS: &[&str] = &[
    "card",
    "cc",
    "visa",
    "mastercard",
    "amex",
    "rupay",
    "maestro",
    "tarjeta",
    "cartão",
    "cartao",
    "carte",
    "carta",
    "karte",
    "kart",
    "kartu",
    "karta",
    "карта",
    "карты",
];

/// Words that may stand between such a card word and its sign.
const SIGN_CONNECTORS: &[&str] = &["no", "nr", "nro", "num", "number", "nº", "número", "numero"];

/// Whether the `#` or `.` right before `start` follows a card word (with a
/// connector such as `No` between, at most): the sign numbers the card.
/// After any other word (`Order #`, `ref.`) or a digit it does not.
fn labelled_by_card_word(text: &[u8], start: usize) -> bool {
    let mut end = start - 1;
    for step in 0..2 {
        while end > 0 && text[end - 1] == b' ' {
            end -= 1;
        }
        let mut word_start = end;
        while let (Some(c), w) = char_before(text, word_start) {
            if !(is_alphabetic(c) || c == 'º') || end - word_start > 24 {
                break;
            }
            word_start -= w;
        }
        if word_start == end || char_before(text, word_start).0.is_some_and(is_alphanumeric) {
            return false;
        }
        let Ok(word) = std::str::from_utf8(&text[word_start..end]) else {
            return false;
        };
        let word = word.to_lowercase();
        if SIGN_LABELS.contains(&word.as_str()) {
            return true;
        }
        if step == 1 || !SIGN_CONNECTORS.contains(&word.as_str()) {
            return false;
        }
        // `Card No.`: the point ends the connector; a space may precede it.
        end = word_start;
    }
    false
}

/// The ASCII separator that joins card groups, if `c` is one.
fn card_separator(c: char) -> Option<char> {
    match c {
        ' ' | '\u{A0}' | '\u{202F}' => Some(' '),
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => Some('-'),
        // `4111.1111.1111.1111`: one separator throughout, as the others.
        '.' => Some('.'),
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

    fn min_span_digits(&self) -> usize {
        MIN_DIGITS
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // The scanner asks only about spans of 12 digits or more.
        if span.end - span.start < MIN_DIGITS {
            return;
        }
        let found_before = out.len();
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
        let mut span_digits = 0usize;
        loop {
            let (c, w) = if i < span.end {
                char_at(text, i)
            } else {
                (None, 0)
            };
            match c.and_then(digit_value) {
                Some(d) => {
                    span_digits += 1;
                    if !in_group {
                        // A group starts: does it continue the run?
                        if run.groups > 0 || run.spoiled {
                            // A dash before a dump's fields ends the card
                            // (`4111…1111-12-27-123`).
                            let joins = sep_chars == 1
                                && sep.is_some()
                                && (run.sep.is_none() || run.sep == sep)
                                && !(sep == Some('-') && run.ends_card_before_dump(text));
                            if joins {
                                run.sep = sep;
                            } else {
                                // One sign between groups glues them,
                                // unless a card dump's fields follow it.
                                if sep_chars == 1 && !dump_fields_after(text, run.end) {
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
        // A card and the shortest tail (a CVV) take 15 digits, and the
        // card opens the span (or a bracket before it).
        let opens =
            text[span.start] == b'(' || char_at(text, span.start).0.and_then(digit_value).is_some();
        if out.len() == found_before && span_digits >= MIN_DIGITS + 3 && opens {
            self.split(ctx, span, out);
        }
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

    /// A bare number of a length few cards have scores below a national ID
    /// of the conversation's country with the same digits, and still above
    /// the default threshold.
    #[test]
    fn rare_lengths_yield_to_home_identifiers() {
        let conf = |t: &str| scan(t)[0].1;
        assert!((conf("sent 4222222222222 pls") - CONF_BARE_RARE_LENGTH).abs() < 1e-6);
        assert!((conf("sent 4111111111111111 pls") - CONF_BARE).abs() < 1e-6);
        assert!((conf("sent 378282246310005 pls") - CONF_BARE).abs() < 1e-6);
        // Named by a card word, any length is a card.
        assert!((conf("visa 4222222222222") - CONF_BARE - CONF_KEYWORD_BONUS).abs() < 1e-6);
        let kinds = |region: &str, text: &str| -> Vec<Kind> {
            let scanner = crate::Scanner::builder().region(region).build().unwrap();
            scanner.scan(text).into_iter().map(|f| f.kind).collect()
        };
        // A South African ID of someone born in 1940, Luhn-valid like
        // every one, in the Visa range: an ID at home, a card elsewhere.
        assert_eq!(kinds("ZA", "sent 4001015009081 pls check"), [Kind::ZaId]);
        assert_eq!(
            kinds("GB", "sent 4001015009081 pls check"),
            [Kind::CreditCard]
        );
        assert_eq!(kinds("ZA", "card 4001015009081"), [Kind::CreditCard]);
        // A CLABE of STP (bank 646), Luhn-valid in the Discover range.
        assert_eq!(
            kinds("MX", "te paso mi 646287110987702967"),
            [Kind::MxClabe]
        );
    }

    #[test]
    fn groups_joined_by_dots() {
        let texts = |t: &str| scan(t).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
        assert_eq!(texts("card 4111.1111.1111.1111."), ["4111.1111.1111.1111"]);
        assert_eq!(
            texts("card 4111.1111.1111.1111 exp 12/27"),
            ["4111.1111.1111.1111"]
        );
        // Longer dotted tokens, mixed separators and a decimal stay out.
        for t in [
            "1.4111.1111.1111.1111",
            "4111.1111.1111.1111.5",
            "4111.1111-1111.1111",
            "v4111.1111.1111.1111",
        ] {
            assert!(scan(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn cards_in_brackets() {
        let texts = |t: &str| scan(t).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
        assert_eq!(texts("card (4111 1111 1111 1111)"), ["4111 1111 1111 1111"]);
        assert_eq!(texts("card (4111111111111111) ok"), ["4111111111111111"]);
        assert_eq!(
            texts("card ( 4111 1111 1111 1111 )"),
            ["4111 1111 1111 1111"]
        );
        assert_eq!(
            texts("card (4111 1111 1111 1111 12/27 123)"),
            ["4111 1111 1111 1111"]
        );
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
        // A phone number written with +, or with an area code in brackets.
        assert!(scan("+4111111111111111").is_empty());
        assert!(scan("(011) 4111 1111 1111 1111").is_empty());
        assert!(scan("((4111 1111 1111 1111))").is_empty());
        // Bare 12 digits only after a card word.
        assert!(scan("501800000009").is_empty());
        assert_eq!(scan("maestro card 501800000009").len(), 1);
    }

    #[test]
    fn the_ids_of_links_are_no_cards() {
        // Post and story ids that pass Luhn and fall in an issuer's range.
        for t in [
            "https://m.facebook.com/story.php?story_fbid=3536761386342517&id=1",
            "https://www.linkedin.com/posts/x-activity-6599537107709063168-CXKy",
            "see www.example.com/p/4111111111111111 ok",
            "(https://pay.example.com/c/4111-1111-1111-1111)",
        ] {
            assert!(scan(t).is_empty(), "{t}");
        }
        // A link that names the card, and a card beside a link.
        for t in [
            "https://example.com/pay?card=4111111111111111",
            "https://x.com 4111111111111111",
            "https://x.com, card 4111 1111 1111 1111",
        ] {
            assert_eq!(scan(t).len(), 1, "{t}");
        }
    }

    /// #18: a card written with its expiry, CVV or a second card in one
    /// run of digits, in the payment chats of several markets.
    #[test]
    fn cards_with_expiry_cvv_or_another_card() {
        let texts = |t: &str| scan(t).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
        assert_eq!(texts("card 4111111111111111 12/25"), ["4111111111111111"]);
        assert_eq!(
            texts("my card is 4111 1111 1111 1111 123"),
            ["4111 1111 1111 1111"]
        );
        assert_eq!(texts("amex 3782 822463 10005 1234"), ["3782 822463 10005"]);
        assert_eq!(
            texts("tarjeta 5555 5555 5555 4444 08/2027 321"),
            ["5555 5555 5555 4444"]
        );
        assert_eq!(
            texts("cartão 4111-1111-1111-1111 123 12/27 ok"),
            ["4111-1111-1111-1111"]
        );
        assert_eq!(
            texts("kartu 4111111111111111 - 12/25"),
            ["4111111111111111"]
        );
        // Two cards, bare or grouped, one space apart.
        assert_eq!(
            texts("cards 4111111111111111 5555555555554444"),
            ["4111111111111111", "5555555555554444"]
        );
        assert_eq!(
            texts("4111 1111 1111 1111 5555 5555 5555 4444"),
            ["4111 1111 1111 1111", "5555 5555 5555 4444"]
        );
        // Escapes written as text are white space.
        assert_eq!(
            texts(r"card:\n4111111111111111 12/25\n"),
            ["4111111111111111"]
        );
        // Confidence as for the card alone.
        assert!((scan("4111 1111 1111 1111 123")[0].1 - CONF_GROUPED).abs() < 1e-6);
        // The expiry without its slash, beside a three-digit code, in either
        // order (a card dump's `number MMYY cvv`).
        assert_eq!(texts("4111111111111111 1227 123"), ["4111111111111111"]);
        assert_eq!(
            texts("card 5555 5555 5555 4444 123 0928"),
            ["5555 5555 5555 4444"]
        );
        assert_eq!(
            texts("amex 3782 822463 10005 0127 321"),
            ["3782 822463 10005"]
        );
        assert_eq!(texts("5555555555554444 12 27 123"), ["5555555555554444"]);
        assert_eq!(texts("5555555555554444 12 27"), ["5555555555554444"]);
        // A card dump's fields, comma-separated.
        assert_eq!(texts("4111111111111111,12/27,123"), ["4111111111111111"]);
        assert_eq!(
            texts("Juan Perez,4111111111111111,12/2027,123"),
            ["4111111111111111"]
        );
        assert_eq!(
            texts("card 4111 1111 1111 1111, 12/27, 123"),
            ["4111 1111 1111 1111"]
        );
        assert_eq!(texts("5555555555554444,123,1227."), ["5555555555554444"]);
        assert_eq!(texts("amex 378282246310005,1234"), ["378282246310005"]);
        assert_eq!(
            texts("card:4111111111111111,exp:12/27"),
            ["4111111111111111"]
        );
        // An expiry or code word typed against the number.
        assert_eq!(
            texts("visa 4111111111111111exp 12/27"),
            ["4111111111111111"]
        );
        assert_eq!(texts("4111111111111111EXP12/27"), ["4111111111111111"]);
        assert_eq!(texts("4111 1111 1111 1111cvv 123"), ["4111 1111 1111 1111"]);
        // Slash-separated.
        assert_eq!(texts("4111111111111111/12/27/123"), ["4111111111111111"]);
        assert_eq!(texts("cc 5555555555554444/1227/123"), ["5555555555554444"]);
        assert_eq!(texts("5555555555554444/123/12/2027."), ["5555555555554444"]);
        // Colons and dashes, the month and year as two fields, the
        // separator once more after the last field.
        assert_eq!(texts("4111111111111111:12:27:123"), ["4111111111111111"]);
        assert_eq!(texts("4111111111111111-12-2027-123"), ["4111111111111111"]);
        assert_eq!(
            texts("4111-1111-1111-1111-12-27-123"),
            ["4111-1111-1111-1111"]
        );
        assert_eq!(texts("5038-1106-6904-0414"), ["5038-1106-6904-0414"]);
        assert_eq!(texts("5038-1106-6904-0414-1227"), ["5038-1106-6904-0414"]);
        assert_eq!(
            texts("5555555555554444:1227:123 Ravi"),
            ["5555555555554444"]
        );
        assert_eq!(texts("4111111111111111,12,27,123,"), ["4111111111111111"]);
        assert_eq!(
            texts("card 4111111111111111/12/27/ ok"),
            ["4111111111111111"]
        );
        // A card right after another's fields, and its mask, close the
        // first dump too.
        assert_eq!(
            texts("5555555555554444:1227:4111111111111111/12/27/123"),
            ["5555555555554444", "4111111111111111"]
        );
        // Digits that are no card go on with the fields.
        assert!(texts("5555555555554444:1227:1234567890123").is_empty());
        // Dumps one space apart, the separator closing the first: the
        // next card is no field of it (found by the stream property test:
        // the first card was masked only on redacting again).
        assert_eq!(
            texts("5555555555554444:1227: 4111111111111111/12/27/123"),
            ["5555555555554444", "4111111111111111"]
        );
        assert_eq!(
            texts("5555555555554444/12/27/ 4111111111111111,1227,123"),
            ["5555555555554444", "4111111111111111"]
        );
        assert_eq!(
            texts("5555555555554444:1227: 192.168.1.20"),
            ["5555555555554444"]
        );
        assert_eq!(
            texts("5555555555554444:1227: 2001:db8::1"),
            ["5555555555554444"]
        );
        // A magnetic stripe's first track.
        assert_eq!(
            texts("%B4111111111111111^KUMAR/RAVI^27121010000000000000?"),
            ["4111111111111111"]
        );
    }

    /// A group that starts the word after the card (`3pm`, `4ravi@…`),
    /// or one or two digits before a word (a count), is no part of its
    /// run: the card is read without it. So is a group glued to a small
    /// letter before the card (`v2`, `room4`). A count at the end of the
    /// text, or more digits, still make a longer number.
    #[test]
    fn groups_of_the_words_around_are_no_part_of_the_run() {
        let texts = |t: &str| scan(t).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
        for (text, card) in [
            (
                "card 4111 1111 1111 1111 4ravi@gmail.com",
                "4111 1111 1111 1111",
            ),
            ("card 4111111111111111 4ravi@gmail.com", "4111111111111111"),
            ("4111111111111111 123kg", "4111111111111111"),
            (
                "card 4111 1111 1111 1111 3pm tomorrow",
                "4111 1111 1111 1111",
            ),
            ("card 4111 1111 1111 1111 2 times", "4111 1111 1111 1111"),
            (
                "card 4111 1111 1111 1111 12 months EMI",
                "4111 1111 1111 1111",
            ),
            (
                "card 4111 1111 1111 1111 12/27 123 2x",
                "4111 1111 1111 1111",
            ),
            ("my card v2 4111 1111 1111 1111", "4111 1111 1111 1111"),
            ("room4 4111111111111111 3pm", "4111111111111111"),
            (
                "tarjeta 4111 1111 1111 1111 3 cuotas",
                "4111 1111 1111 1111",
            ),
        ] {
            assert_eq!(texts(text), [card], "{text}");
        }
        for text in [
            "4111 1111 1111 1111 12",
            "ref 1234 4111 1111 1111 1111 2x",
            "AB12 4111 1111 1111 1111",
            "ab1234 4111 1111 1111 1111",
        ] {
            assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
        }
    }

    /// The split keeps the precision of the whole-run rule: anything but
    /// cards, one expiry and one CVV spoils the run.
    #[test]
    fn split_runs_hard_negatives() {
        for t in [
            "ref 1234 4111 1111 1111 1111",
            "4111-1111-1111-1111-5555",
            "4111 1111 1111 1111 12345",
            "4111 1111 1111 1111 12",
            "4111111111111111 13/25",
            "4111111111111111 12/25 123 456",
            "4111111111111111 12/25 12/26",
            // No month, two bare expiries or a four-digit code beside one,
            // or a bare expiry after a card too short for it.
            "4111111111111111 1327 123",
            "4111111111111111 13 27 123",
            "4111111111111111 12 2 123",
            "4111111111111111 1227 0128",
            "4111111111111111 12 27 01 28",
            "4111 1111 1111 1111 1234 5678",
            "card 5038 2425 7847 1220 123",
            "4111111111111111 123 98765 43210",
            "4111 1111 1111 1112 123",
            "order 4111111111111111 123",
            "+4111111111111111 123",
            // A comma after a digit: a grouped or decimal number; before
            // digits that are no card dump's fields, a decimal or a list.
            "1,4111111111111111",
            "4111111111111111,50",
            "4111111111111111,12",
            "4111111111111111,12345",
            "4111111111111111,13/27,123",
            "4111111111111111,12/27,123,456",
            "4111111111111111,123,456",
            "4111111111111111,12/27/2025",
            "4111111111111111,123kg",
            // Other letters glue, and so does a word that goes on.
            "4111111111111111abc",
            "4111111111111111expo",
            "4111111111111111value",
            "ref4111111111111111exp",
            // A slash before anything but a dump's fields: a path, a date.
            "4111111111111111/2025/01",
            "4111111111111111/12/27/123/9",
            "4111111111111111/abc",
            "files/4111111111111111/12/27/123",
            "4111111111111111/12/27/abc",
            "4111111111111111,12,123",
            "4111111111111111:30",
            "id 4111111111111111:12:27:123:5",
            "ref 4111111111111111-12",
            "2024-12-27-4111111111111111",
            "AB4111111111111111^X",
            // A mask after the closing separator, glued.
            "5555555555554444:1227:••••••••••••1111/12/27/123",
            "4111111111111111/12/27/x",
            "4111-1111-1111-1111-123",
            "4111111111111111:123",
            "4111111111111111,123.45",
            "4111111111111111 5555555555554444 4012888888881881",
            // Four digits after a card shorter than 16 digits (Amex
            // aside): a mistyped card of 16 (Luhn-invalid), not a 12-digit
            // Maestro and a code.
            "My card 5038 2425 7847 7920 got declined",
            "card 5020 4486 4093 0464",
        ] {
            assert!(scan(t).is_empty(), "{t}: {:?}", scan(t));
        }
    }

    /// #13 and #18: a Luhn-valid number outside the issuer table is a card
    /// when the customer calls it one (UATP, new ranges), at 0.85.
    #[test]
    fn unlisted_prefixes_after_a_card_word() {
        let one = |t: &str| {
            let found = scan(t);
            assert_eq!(found.len(), 1, "{t}: {found:?}");
            assert!((found[0].1 - CONF_UNLISTED).abs() < 1e-6, "{t}");
            found[0].0.clone()
        };
        // UATP: 15 digits, prefix 1.
        assert_eq!(one("UATP card 135410014004955"), "135410014004955");
        assert_eq!(one("paid with 7000000000000005"), "7000000000000005");
        assert_eq!(
            one("tarjeta 6799990000000000003 vence 12/27"),
            "6799990000000000003"
        );
        assert_eq!(one("cartão 7200 1234 5678 9018"), "7200 1234 5678 9018");
        assert_eq!(one("kartu kredit 7200123456789018"), "7200123456789018");
        assert_eq!(one("pagué con 7000000000000005"), "7000000000000005");
        // Or an expiry or security code right after it.
        assert_eq!(one("7000000000000005 exp 12/25"), "7000000000000005");
        assert_eq!(one("7000000000000005, CVV 123"), "7000000000000005");
        assert_eq!(one("7000000000000005 12/25"), "7000000000000005");
        // Without either, an unlisted prefix is not a card; nor a SIM
        // card's ICCID, nor a Luhn-invalid number, nor one after a veto.
        for t in [
            "7000000000000005",
            "call 7000000000000005 now",
            "sim card 8991101200003204514",
            "sim card 7000000000000005",
            "ration card 1234567890128",
            "my ID card 7503305044089",
            "aadhaar card 7000000000000005",
            "card 7000000000000006",
            "order 7000000000000005 card",
            "card 700000000005",
        ] {
            assert!(scan(t).is_empty(), "{t}: {:?}", scan(t));
        }
    }

    #[test]
    fn keywords_raise_confidence() {
        assert!((scan("card 4111111111111111")[0].1 - 0.92).abs() < 1e-6);
        assert!((scan("my card 4111 1111 1111 1111")[0].1 - 0.99).abs() < 1e-6);
    }

    #[test]
    fn a_number_sign_after_a_card_word_labels_the_card() {
        for text in [
            "Card#4111111111111111",
            "CC# 4111 1111 1111 1111",
            "cc#4111 1111 1111 1111 exp 12/27",
            "visa #4111-1111-1111-1111",
            "Card No.4111111111111111",
            "card number # 4111111111111111",
            "Tarjeta#4111111111111111",
            "Карта#4111111111111111",
        ] {
            let found = scan(text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(
                found[0].0.starts_with("4111") && found[0].0.ends_with("1111"),
                "{text}"
            );
        }
        // After another word, or a digit, the sign or point still vetoes.
        for text in [
            "Order #4111111111111111",
            "order#4111 1111 1111 1111",
            "Acc#4111111111111111",
            "ref.4111111111111111",
            "order no.4111111111111111",
            "12.4111111111111111",
            "paid by card, invoice #4111111111111111",
        ] {
            assert!(scan(text).is_empty(), "{text}");
        }
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
            let ctx = Context::new(t, None);
            for s in 0..t.len() {
                for e in s..=t.len() {
                    let mut out = Vec::new();
                    d.detect(&ctx, Span { start: s, end: e }, &mut out);
                }
            }
        }
    }
}
