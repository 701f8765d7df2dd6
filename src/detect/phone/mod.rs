//! Telephone numbers, worldwide, validated against libphonenumber metadata.
//!
//! The scanner hands us a numeric span such as `+91 98765 43210 / 98765
//! 12345`. We split it into digit *groups* (with the separators between
//! them) and look for the leftmost-longest run of consecutive groups that is
//! a valid number, the way a person reads a list of numbers:
//!
//! 1. cheap shape checks first (a span shorter than seven bytes is dropped
//!    before it is split): 7 to 17 digits (five or six after a phone word
//!    in the small numbering plans that dial so, such as Luxembourg's), at
//!    most seven groups, separators that people type inside numbers, no
//!    date shapes, not glued to letters or other digits (an extension,
//!    `…6083x7783`, excepted), no currency around it;
//! 2. then the form decides the validation: `+` or an international dialling
//!    prefix (`00`, `011` …) means calling code + national number; a WhatsApp
//!    link, JID or group mention (`@919876543210`) means bare international
//!    digits; otherwise the national format of the region hint, with its
//!    national prefix rules;
//! 3. last, context: the nearest keyword before the number (`order`,
//!    `invoice`, `OTP`, `tracking` … or `call`, `phone`, `WhatsApp` …) can
//!    veto a number written without `+`, or admit bare international digits.
//!
//! This follows what libphonenumber's `PhoneNumberMatcher` rejects (dates,
//! numbers inside longer letter or digit runs, prices, numbers lacking a
//! required national prefix) and adds the WhatsApp forms it misses. Like
//! the matcher, it takes a national number valid in any region sharing the
//! hint's calling code (at a slightly lower confidence), lets a `+` or `(`
//! start a number after letters or symbols (`abc+27 …`, `USD+33 …`), and
//! reads `\n`, `\r`, `\t` written as text as white space; a `/` right after
//! a number found starts the next one. See docs/detection.md.
//!
//! The pieces: [`groups`] splits a span into digit groups and separators,
//! [`whatsapp`] reads the forms WhatsApp gives a number, [`words`] holds
//! the context words and what they say, [`lookalikes`] tells the things
//! that look like a number (decimals, ISBNs, UUIDs, IPs, cards, amounts)
//! from one, and [`metadata`] validates against libphonenumber's
//! metadata, compiled ahead of time.

mod groups;
mod lookalikes;
pub(crate) mod metadata;
mod whatsapp;
mod words;

use once_cell::sync::Lazy;

use super::context::{PRICE_WORDS, REFERENCE_WORDS, UPPER_REFERENCE_WORDS};
use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::{
    self, char_at, char_before, digit_value, is_alphanumeric, is_latin_letter, is_numeric,
};
pub(crate) use groups::separator;
use groups::{
    capital_code_before, close_group, date_triple, ends_a_group, opening_group,
    parentheses_pair_up, year_serial, Group,
};
pub(crate) use lookalikes::rise_as_round_amounts;
use lookalikes::{
    has_binary_byte, in_list_of_small_numbers, is_amount_range, is_decimal, is_hours_range,
    is_isbn, is_serial_with_suffix, is_time_range, looks_like_card, looks_like_ipv4, near_currency,
    opens_with_a_fraction, unit_after, within_uuid, CURRENCY_INDEX,
};
use metadata::{Digits, RegionRules, TABLES};
use whatsapp::{
    continues_a_domain, encoded_plus_before, is_jid_domain, is_mention, is_whatsapp_link,
};
use words::{
    account_word_far, after_postcode_word, goes_to_recipient, is_domain_label, is_whole_word,
    names_something_else, price_word_far, Said, WordAutomaton, NEGATIVE_WORDS, POSITIVE_WORDS,
    WALLET_WORDS,
};

/// The longest `tel:` link before a dial string's pause that is looked
/// back over (`tel:+13127573121,,`: eighteen bytes).
const MAX_DIAL_STRING: usize = 40;

/// The most groups a written number has (`+33 6 12 34 56 78` has six).
const MAX_GROUPS: usize = 7;
/// Groups kept in view while sliding over a span: one more than a candidate
/// can use, so the longest candidate from the first group is always visible.
const WINDOW: usize = MAX_GROUPS + 1;
const MIN_DIGITS: usize = 7;
/// The fewest digits of a national number read in a region whose numbers
/// can be shorter than [`MIN_DIGITS`] ([`PhoneDetector::short_national`]):
/// four are more often an extension, a PIN or a year.
const MIN_SHORT_DIGITS: usize = 5;
/// E.164 allows 15 digits; IDD prefixes add up to four more.
const MAX_DIGITS: usize = 19;
/// Most digits of a number dialled within its area (a Brazilian mobile's
/// nine; Argentina's mobile token and eight).
const MAX_LOCAL_DIGITS: usize = 10;
/// How far back context words are looked for, in characters (not bytes:
/// masks keep a number's character count, so redacted text sees the same
/// context and redaction stays idempotent).
const CONTEXT_CHARS: usize = 40;
/// What stands between two numbers of a list besides `,`, `/`, `|` and
/// `&` (see [`listed_before`], which matches them as [`is_list_word`]
/// does), and how far back such a list is read: numbers, and bytes of one.
#[cfg(test)]
const LIST_WORDS: &[&str] = &["or", "ou", "o", "y", "atau", "au"];
const MAX_LISTED: usize = 3;
const MAX_LISTED_NUMBER: usize = 24;
/// Characters read after a number for a phone word said after it: a
/// postposition and a phrase (`पर व्हाट्सएप करें`, `é meu zap`).
const CONTEXT_AFTER_CHARS: usize = 24;

/// Confidence by the form a number was written in.
const CONF_WHATSAPP: f32 = 0.99;
const CONF_INTERNATIONAL: f32 = 0.95;
const CONF_NATIONAL_PREFIX: f32 = 0.9;
const CONF_NATIONAL: f32 = 0.85;
/// National format valid in another region of the hint's calling code.
const CONF_SIBLING_PREFIX: f32 = 0.88;
const CONF_SIBLING: f32 = 0.83;
const CONF_BARE_HOME: f32 = 0.8;
const CONF_BARE_KEYWORD: f32 = 0.7;
/// Without its area code, after a phone word.
const CONF_LOCAL: f32 = 0.7;
/// A national number of another country after a phone word
/// ([`PhoneDetector::plain`]).
const CONF_ABROAD: f32 = 0.7;
/// A dotted quad a phone word names: above the IPv4 reading (0.92).
const CONF_DOTTED_QUAD: f32 = 0.93;
/// The lengths of a national number of another country, its national
/// prefix included: shorter digits after a phone word are more often
/// codes and amounts, which some country's fixed lines always fit
/// (Germany's and Italy's take most runs of six or seven digits).
const MIN_ABROAD: usize = 8;
const MAX_ABROAD: usize = 13;

/// Mobile numbers dialled within their area with a token of their own,
/// which libphonenumber's metadata only holds inside the region's national
/// prefix pattern: (region, token, what it stands for before the area
/// code). Argentina's `15` marks a mobile dialled locally; in E.164 a
/// mobile is `9`, the area code, then the local number.
const MOBILE_TOKENS: &[(&str, &[u8], &[u8])] = &[("AR", b"15", b"9")];

/// What the candidates tried from one group share: the context found
/// before a position, and whether the last candidate was a valid number
/// that a veto word ruled out.
#[derive(Default)]
struct ContextMemo {
    /// `(position, context)`.
    context: std::cell::Cell<Option<(usize, Option<Said>)>>,
    vetoed: std::cell::Cell<bool>,
}

/// How a candidate was written, which decides how it is validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// `wa.me/…`, `phone=…`, `waid=…`, a JID or a group mention: bare
    /// international digits.
    WhatsApp,
    /// `+…`.
    Plus,
    /// Anything else: IDD prefix, national, or bare international.
    Plain,
}

#[derive(Debug)]
pub(crate) struct PhoneDetector {
    /// Context words, for windows of any script.
    context: WordAutomaton,
    /// The words written in ASCII only, for windows in ASCII (most): no
    /// other word can match there.
    ascii_context: WordAutomaton,
}

impl PhoneDetector {
    pub(crate) fn new() -> PhoneDetector {
        // Build the shared metadata now, not on the first scan.
        Lazy::force(&TABLES);
        Lazy::force(&CURRENCY_INDEX);
        // Context is read before most numbers found. The ASCII words are
        // a DFA, small as their bytes are few; all words together, in the
        // scripts of every market, would make a DFA of 3.6 MB (a state
        // costs a row over every byte class), so windows that hold other
        // characters take the NFA of every word instead (0.2 MB).
        let forms = |words: &mut dyn Iterator<Item = &&str>| -> Vec<String> {
            words.flat_map(|w| text::case_variants(w)).collect()
        };
        let upper_negatives = forms(&mut UPPER_REFERENCE_WORDS.iter());
        let negatives = forms(
            &mut REFERENCE_WORDS
                .iter()
                .chain(PRICE_WORDS)
                .chain(NEGATIVE_WORDS),
        );
        let positives = forms(&mut POSITIVE_WORDS.iter());
        let ascii = |words: &[String]| -> Vec<String> {
            words.iter().filter(|w| w.is_ascii()).cloned().collect()
        };
        let wallets = forms(&mut WALLET_WORDS.iter());
        PhoneDetector {
            context: WordAutomaton::new(&upper_negatives, &negatives, &positives, &wallets, false),
            ascii_context: WordAutomaton::new(
                &ascii(&upper_negatives),
                &ascii(&negatives),
                &ascii(&positives),
                &ascii(&wallets),
                true,
            ),
        }
    }

    /// Whether a word of chat is typed against the end of the number at
    /// `end` (`9876543210pls`, `…210ji`, `…210whatsapp pe`): a courtesy
    /// word or particle ([`WORDS_TYPED_AFTER`]) or a phone word, ending
    /// where the letters do. A code's letters are none of them
    /// (`9876543210ABC`, `…210abc`), and short words count in lower case
    /// only (`…210OK` may be a code's suffix).
    fn word_typed_after(&self, text: &[u8], end: usize) -> bool {
        const LONGEST: usize = 12;
        let letters = text[end..]
            .iter()
            .take(LONGEST + 1)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if !(2..=LONGEST).contains(&letters) {
            return false;
        }
        let word = &text[end..end + letters];
        let glued_to_more = char_at(text, end + letters)
            .0
            .is_some_and(|c| is_alphanumeric(c) || c == '_' || c == '@');
        if glued_to_more || (letters <= 3 && !word.iter().all(u8::is_ascii_lowercase)) {
            return false;
        }
        WORDS_TYPED_AFTER
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
            || self.is_phone_word(word)
    }

    /// Whether `word`, whole, is a phone word in a case it is written in.
    fn is_phone_word(&self, word: &[u8]) -> bool {
        let words = &self.ascii_context;
        words.matches(word).any(|m| {
            let id = m.pattern().as_usize();
            m.start() == 0
                && m.end() == word.len()
                && words.said(id) == Said::Phone
                && words.case_fits(id, word)
        })
    }

    /// Whether a phone word is typed against the number at `start`
    /// (`call09050000327`, `whatsapp08031234567`, `Tel0201234567`, and
    /// with `me` after it, `callme9876543210`): its
    /// letters are that word, not a code's prefix. Two capitals (`PH`,
    /// `WA`) are a country's or a code's prefix as often (`PH658131585`),
    /// so a phone word glued in capitals needs three letters.
    fn phone_word_glued_before(&self, text: &[u8], start: usize) -> bool {
        const LONGEST: usize = 12;
        let letters = text[..start]
            .iter()
            .rev()
            .take(LONGEST + 1)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if !(2..=LONGEST).contains(&letters) {
            return false;
        }
        let from = start - letters;
        let word = &text[from..start];
        let glued_to_more = char_before(text, from)
            .0
            .is_some_and(|c| is_alphanumeric(c) || c == '_');
        let two_capitals = letters == 2 && !word.iter().any(u8::is_ascii_lowercase);
        // `callme9876543210`, `whatsappme…`: the phone word and `me`, in
        // lower case, typed as one.
        let with_me = word
            .strip_suffix(b"me")
            .filter(|phone_word| phone_word.len() >= 2);
        !glued_to_more
            && !two_capitals
            && (self.is_phone_word(word) || with_me.is_some_and(|w| self.is_phone_word(w)))
    }

    /// What the nearest context word that ends before `end` on the same
    /// line says. A phone word right before a comma that opens the number
    /// names it too (`meu zap, 98765-4321`); a veto word there does not,
    /// as the clause before a comma may be about something else.
    fn context_before(&self, text: &[u8], end: usize) -> Option<Said> {
        let (said, stop) = self.clause_context(text, end);
        if said.is_some() {
            return said;
        }
        let comma_opens_number =
            stop > 0 && text[stop - 1] == b',' && text[stop..end].iter().all(|&b| b == b' ');
        if comma_opens_number {
            let said = self.clause_context(text, stop - 1).0;
            if said.is_some() {
                return said.filter(|&said| said != Said::Veto);
            }
        }
        self.listed_after_phone(text, end)
    }

    /// Whether the number starting at `start` is listed after others that
    /// a phone word names (`Tel: 022-2345 6789 / 2345 6790`, `Ph 0471
    /// 2345678, 2345679`): the second of a business's lines, often given
    /// without its area code. Up to [`MAX_LISTED`] numbers back, each read
    /// at most [`MAX_LISTED_NUMBER`] bytes: the look-back stays bounded.
    fn listed_after_phone(&self, text: &[u8], start: usize) -> Option<Said> {
        let mut previous = listed_before(text, start)?;
        // A round figure after a number is an amount (`Call 98… / 1250000`).
        if ends_in_round_figure(text, start) {
            return None;
        }
        for _ in 0..MAX_LISTED {
            match self.clause_context(text, previous.start).0 {
                said @ Some(Said::Phone | Said::Wallet) => return said,
                Some(Said::Veto) => return None,
                // An area code in brackets says "phone" as a word does
                // (`(11) 3456-7890 / 3456-7891`).
                None if opens_with_area_code(&text[previous.start..previous.end]) => {
                    return Some(Said::Phone)
                }
                None => previous = listed_before(text, previous.start)?,
            }
        }
        None
    }

    /// What the nearest context word on the clause before `end` says, and
    /// where the walk back stopped.
    fn clause_context(&self, text: &[u8], end: usize) -> (Option<Said>, usize) {
        // The window stops at the end of the line, clause or question, and at
        // the previous number (a keyword describes the number right after
        // it: in "txn ID 5380543458, call 00 91 81672 58119" the ID is not
        // the phone's). It also stops at an `@` and at mask bullets, so
        // that redacted text sees the same or a narrower window (an
        // e-mail's mask is shorter than the address).
        let mut start = end;
        for _ in 0..CONTEXT_CHARS {
            // ASCII, most of the walk, decided on the byte.
            match start.checked_sub(1).map(|i| text[i]) {
                None => break,
                Some(b'\n' | b'@' | b'?' | b'!' | b',' | b';' | b'0'..=b'9') => break,
                // A line break written as text (`\n`, `\r` in a double-escaped
                // log or export) ends the line as a real one does.
                Some(b'n' | b'r') if text::escaped_line_break_ends_at(text, start) => break,
                Some(b) if b < 0x80 => {
                    start -= 1;
                    continue;
                }
                Some(_) => {}
            }
            match char_before(text, start) {
                (None, 0) => break,
                (Some(c), _)
                    if matches!(
                        c,
                        '\n' | '@'
                            | '?'
                            | '!'
                            | ','
                            | ';'
                            | '，'
                            | '、'
                            | '；'
                            | '？'
                            | '！'
                            | crate::policy::mask::BULLET
                    ) || digit_value(c).is_some() =>
                {
                    break
                }
                (_, width) => start -= width,
            }
        }
        let stop = start;
        // Stopped inside an e-mail address, a handle, a token or a masked
        // value: its rest is no context (`lamar33@yahoo.co.id. 0811-…`
        // names no "id"), read the same way before and after masking (see
        // `token_rest_end`).
        let in_token = start > 0
            && (text[start - 1] == b'@'
                || text[start - 1].is_ascii_digit()
                || char_before(text, start).0 == Some(crate::policy::mask::BULLET));
        if in_token {
            start = crate::text::token_rest_end(text, start, end);
        }
        let window = &text[start..end];
        let mut nearest: Option<(usize, usize, Said)> = None;
        // Where the last phone word ended: a number sign right after one
        // (`Phone #: …`, `Cell# …`, `Tel № …`) is that word's "number", not
        // an order's, as the generic words for "number" are in neither list.
        let mut positive_end = None;
        let words = if window.is_ascii() {
            &self.ascii_context
        } else {
            &self.context
        };
        for m in words.matches(window) {
            let id = m.pattern().as_usize();
            if !is_whole_word(window, m.start(), m.end())
                || !words.case_fits(id, &window[m.start()..m.end()])
                || is_domain_label(window, m.start())
            {
                continue;
            }
            let number_sign = matches!(&window[m.start()..m.end()], b"#" | b"\xE2\x84\x96");
            // `my #`, `ur #`: English for "my number", a phone's.
            let said = if number_sign && after_possessive(window, m.start()) {
                Said::Phone
            } else {
                words.said(id)
            };
            let positive = said != Said::Veto;
            // A short phone word in capitals glued to the number by a
            // hyphen is a code's prefix (`order no. PH-658131585`), not a
            // word; a longer one is shouted (`CALL-9871993238`).
            if positive
                && m.end() - m.start() <= 3
                && m.end() + 1 == window.len()
                && window[m.end()] == b'-'
                && !window[m.start()..m.end()]
                    .iter()
                    .any(u8::is_ascii_lowercase)
            {
                continue;
            }
            if number_sign
                && positive_end
                    .is_some_and(|e: usize| window[e..m.start()].iter().all(|&b| b == b' '))
            {
                continue;
            }
            // A `#` before a letter opens a hashtag or a template's field
            // (`Daftar#Nama#Sekolah`), not a number; one after a digit or a
            // `*` ends a USSD code (`*123*66#`); and one with a word between
            // it and the number signs another (`*123# lalu CS 021…`).
            if number_sign
                && (window.get(m.end()).is_some_and(u8::is_ascii_alphabetic)
                    || text[..start + m.start()]
                        .last()
                        .is_some_and(|&b| b.is_ascii_digit() || b == b'*')
                    || window[m.end()..].iter().any(u8::is_ascii_alphabetic))
            {
                continue;
            }
            if positive {
                positive_end = Some(m.end());
            }
            if nearest.is_none_or(|(_, end, _)| m.end() >= end) {
                nearest = Some((m.start(), m.end(), said));
            }
        }
        match nearest {
            // A veto word names what follows it, which need not be this
            // number: not after the sentence ends and another names a
            // number (`for verification. new number: 0470 …`), nor when a
            // code stands between (`Ref: CCBGEFYPGC 🛒 mon numéro : …`).
            Some((from, to, Said::Veto))
                if names_something_else(&window[from..to], &window[to..])
                    || account_word_far(&window[from..to], &window[to..])
                    || price_word_far(&window[from..to], &window[to..])
                    || goes_to_recipient(&window[to..])
                    || (trunk_prefixed(text, end) && is_price_word(&window[from..to])) =>
            {
                (None, stop)
            }
            nearest => (nearest.map(|(_, _, said)| said), stop),
        }
    }

    /// Whether a phone word, and no veto word, follows a number on its
    /// clause within [`CONTEXT_AFTER_CHARS`], before any other number:
    /// languages that put the verb last say it after the number
    /// (`919876543210 पर व्हाट्सएप करें`, `98765-4321 é meu zap`,
    /// `447911123456 mera whatsapp hai`). Asked only when no word before
    /// the number decided. A wallet's name only when no other phone word
    /// is there.
    fn phone_word_after(&self, text: &[u8], end: usize) -> Option<Said> {
        let mut stop = end;
        for _ in 0..CONTEXT_AFTER_CHARS {
            match text.get(stop) {
                None => break,
                Some(b'\n' | b'@' | b'?' | b'!' | b',' | b';' | b'.' | b'0'..=b'9') => break,
                Some(b) if *b < 0x80 => {
                    stop += 1;
                    continue;
                }
                Some(_) => {}
            }
            match char_at(text, stop) {
                (Some(c), width)
                    if !matches!(
                        c,
                        '，' | '、' | '；' | '？' | '！' | '。' | crate::policy::mask::BULLET
                    ) && digit_value(c).is_none() =>
                {
                    stop += width
                }
                _ => break,
            }
        }
        // A phrase that goes on to the next number is that number's
        // (`TID 842439646214 - mera number +92 …`, `… call me at 8065-2517`),
        // and so is one that goes on to a masked value: redacted text
        // must read as the text did.
        if text
            .get(stop)
            .is_some_and(|&b| b.is_ascii_digit() || b == b'+')
            || char_at(text, stop)
                .0
                .is_some_and(|c| digit_value(c).is_some() || c == crate::policy::mask::BULLET)
        {
            return None;
        }
        let window = &text[end..stop];
        let words = if window.is_ascii() {
            &self.ascii_context
        } else {
            &self.context
        };
        // A phone word, and no veto word: `- Phone case still there?`
        // names a product.
        let mut phone = None;
        for m in words.matches(window) {
            let id = m.pattern().as_usize();
            if !is_whole_word(window, m.start(), m.end())
                || !words.case_fits(id, &window[m.start()..m.end()])
            {
                continue;
            }
            match words.said(id) {
                Said::Veto => return None,
                Said::Phone => phone = Some(Said::Phone),
                Said::Wallet => phone = phone.or(Some(Said::Wallet)),
            }
        }
        phone
    }

    /// [`Self::context_before`], remembered for the last `end` asked about:
    /// the candidates tried from one group mostly start at the same place.
    fn context_memo(&self, text: &[u8], end: usize, memo: &ContextMemo) -> Option<Said> {
        match memo.context.get() {
            Some((at, context)) if at == end => context,
            _ => {
                let context = self.context_before(text, end);
                memo.context.set(Some((end, context)));
                context
            }
        }
    }

    /// Tries the candidate made of `groups` (consecutive, from one span).
    fn candidate(
        &self,
        ctx: &Context<'_>,
        span: Span,
        groups: &[Group],
        next: Option<&Group>,
        memo: &ContextMemo,
        out: &mut Vec<Finding>,
    ) -> bool {
        let (first, last) = (&groups[0], &groups[groups.len() - 1]);
        let len: usize = groups.iter().map(|g| g.len).sum();
        if len > MAX_DIGITS || groups.iter().any(|g| g.len > MAX_DIGITS) {
            return false;
        }
        if len < MIN_DIGITS && !short_digits_valid(ctx, groups, len) {
            return false;
        }
        if groups[1..].iter().any(|g| !g.sep.joins_groups())
            || groups.iter().filter(|g| g.len == 1).count() > 2
        {
            return false;
        }
        let weak_date =
            groups.len() == 3 && date_triple(&groups[0], &groups[1], &groups[2]).is_some();
        let reference = groups.len() == 2
            && first.sep.plus_at.is_none()
            && year_serial(
                &groups[0],
                &groups[1],
                capital_code_before(ctx.text, first.start),
            );
        // Four or more groups joined by slashes are a list
        // (`32/64/128/256/512`); three are a date (read above) or a
        // number (`0171/234/5678`).
        let slashed = groups.len() >= 4
            && groups[1..]
                .iter()
                .all(|g| g.sep.chars == 1 && g.sep.punct == '/');
        if weak_date || reference || slashed || groups.iter().any(|g| g.in_date) {
            return false;
        }
        let text = ctx.text;
        // Where the number starts as written: a `+`, or a `(` that closes
        // after the first group, or the first digit.
        let plus_at = first.sep.plus_at;
        // Brazil's `0xx` before the area code, a national prefix with the
        // carrier left open (`(0xx11) 98765-4321`, `0XX21 3456-7890`),
        // opens the number as a `0` would.
        let placeholder = plus_at
            .is_none()
            .then(|| carrier_placeholder_before(text, first.start))
            .flatten();
        let opening = match placeholder {
            Some(at) => (at > 0 && text[at - 1] == b'(').then(|| at - 1),
            None => first.sep.open_at,
        };
        // "(070-146) 36 71": the `(` counts when one `)` closes it inside.
        let mut open_at =
            opening.filter(|_| groups[1..].iter().map(|g| g.sep.closes).sum::<u8>() == 1);
        // Parentheses inside the number must pair up: "4020000 (011" is
        // the end of one token and the start of another. A `(` before the
        // `+` may instead wrap the whole number, whose own `(0)` holds the
        // `)` (`(+49(0)30 1234567)`): then it is left outside.
        if !parentheses_pair_up(open_at.is_some(), &groups[1..]) {
            let wraps = matches!((open_at, plus_at), (Some(o), Some(p)) if o < p);
            if !wraps || !parentheses_pair_up(false, &groups[1..]) {
                return false;
            }
            open_at = None;
        }
        // `%2B` is a `+` encoded in a link (`phone=%2B9198…`, `tel:%2B…`,
        // `viber://chat?number=%2B…`): it opens an international number
        // as `+` does.
        let plus_at = plus_at.or_else(|| {
            (open_at.is_none() && encoded_plus_before(text, first.start)).then(|| first.start - 3)
        });
        let start = match (plus_at, open_at) {
            (Some(p), Some(o)) => p.min(o),
            (Some(p), None) => p,
            (None, Some(o)) => o,
            (None, None) => placeholder.unwrap_or(first.start),
        };
        let end = last.end;
        // A last group that is the hour of a time (`… - 18:15`, `१८:१५`)
        // belongs to the time, not to the number.
        if groups.len() > 1 && last.len <= 2 && text.get(end) == Some(&b':') {
            let (c, _) = char_at(text, end + 1);
            if c.is_some_and(|c| digit_value(c).is_some()) {
                return false;
            }
        }
        // Digits glued to a clock (`11:13:37.676368`, the seconds of a
        // timestamp) are the time's.
        if start == first.start
            && start >= 2
            && text[start - 1] == b':'
            && text[start - 2].is_ascii_digit()
        {
            return false;
        }
        let decimal = plus_at.is_none()
            && open_at.is_none()
            && (is_decimal(text, start, groups) || opens_with_a_fraction(groups));
        // A number glued to a tight separator continues a longer token,
        // unless the token before is a list's ordinal (`\n2.0831-2909-8644`).
        if (first.start != span.start
            && first.sep.is_tight()
            && plus_at.is_none()
            && !after_list_ordinal(text, first.start))
            || next.is_some_and(|g| g.sep.is_tight())
            || (plus_at.is_none() && in_list_of_small_numbers(text, groups, next))
        {
            return false;
        }
        let (digits, n) = digits_of(groups);
        let digits = &digits[..n];
        if is_isbn(text, end, groups, digits)
            || is_time_range(groups)
            || is_hours_range(groups)
            || is_amount_range(groups)
            || is_serial_with_suffix(groups)
        {
            return false;
        }

        // `\n`, `\r`, `\t` written as text are white space.
        let before = if text::escape_ends_at(text, start) {
            Some(' ')
        } else {
            char_before(text, start).0
        };
        let after = if text::escape_starts_at(text, end) {
            Some(' ')
        } else {
            char_at(text, end).0
        };
        if (before == Some('-') || after == Some('-')) && within_uuid(text, start, end) {
            return false;
        }
        // Digits after a dial string's pause (`tel:+13127573121,,867677077#`,
        // how video-call invitations give the meeting's id) are keyed in
        // once the call connects: the meeting's, not a number. A pause ends
        // them with `#` or stands in a `tel:` link (two commas between two
        // numbers typed in chat are a typo).
        if before == Some(',') && start >= 2 && text[start - 2] == b',' && {
            // The link's start, looked for a bounded way back (a run of
            // digits and commas must not cost a pass per candidate).
            let window = &text[start.saturating_sub(MAX_DIAL_STRING)..start];
            let token = window
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(window, |i| &window[i + 1..]);
            after == Some('#') || token.starts_with(b"tel:")
        } {
            return false;
        }
        let jid = after == Some('@') && is_jid_domain(&text[end + 1..]);
        let link = matches!(before, Some('/' | '=')) && is_whatsapp_link(text, start);
        // One mention typed against the next (`@91…@91…`) ends at its `@`.
        let next_mention = after == Some('@') && text.get(end + 1).is_some_and(u8::is_ascii_digit);
        // Mentions listed with slashes (`@91…/@91…`): the `/` right after
        // a number just found is no link's.
        let listed_after_slash = || {
            start >= 2 && text[start - 2] == b'/' && recent_phones(out).any(|f| f.end == start - 2)
        };
        let mention = before == Some('@')
            && groups.len() == 1
            && (is_mention(text, start) || listed_after_slash())
            && (next_mention || !glued_right(text, end, after))
            && !continues_a_domain(text, end);
        // WhatsApp's forms hold international digits. Digits that are no
        // such number are read as written: a link's national number, and
        // `phone=` as a plain form's field (`?phone=9876543210&name=…`).
        let whatsapp = (jid || link || mention)
            .then(|| {
                TABLES
                    .parse_international(digits, false)
                    .or_else(|| TABLES.parse_legacy_mobile(digits, true))
            })
            .flatten();
        let form = if whatsapp.is_some() {
            Form::WhatsApp
        } else if plus_at.is_some() {
            Form::Plus
        } else {
            Form::Plain
        };
        if len < MIN_DIGITS && form != Form::Plain {
            return false;
        }
        // A `+` or `(` marks where a number starts, whatever letters or
        // symbols come before it (`abc+27 …`, `#+31 …`, `USD+33 …`, as
        // libphonenumber's matcher reads them); only digits and mask
        // bullets still glue. After a `/` that ends the number before it,
        // a second number starts (`… 3517/+27 …`, `… 7175/090 …`).
        let opened = start < first.start;
        let glued_left = if opened {
            matches!(before, Some(c) if is_numeric(c) || c == crate::policy::mask::BULLET)
        } else if link {
            // A WhatsApp link names a phone number whatever its digits
            // (`wa.me/09876543210`, typed with the national number).
            false
        } else {
            // A mention's digits that are no international number are read
            // as written: `@` then stands for "at" (`Ping me @8099337008`,
            // `contact Akhilesh@7840055867`).
            glued_before(before)
                && !mention
                && !(before.is_some_and(|c| c.is_ascii_alphabetic())
                    && self.phone_word_glued_before(text, start))
                && !(before == Some('/')
                    && (recent_phones(out).any(|f| {
                        // `9352919666/9660029898`, `… 9352919666 /9660029898`,
                        // `082134976289(wa)/087888869297`, `…666//966…`
                        f.end < start && {
                            let between = &text[f.end..start - 1];
                            let slashes = between.iter().rev().take_while(|&&b| b == b'/').count();
                            slashes < 3 && is_note_or_space(&between[..between.len() - slashes])
                        }
                    })
                        || ends_an_address(text, start - 1)
                        || (ends_a_name(text, start - 1)
                            && text[start..end].iter().all(u8::is_ascii_digit))))
                // `Mob #98765…`, `Ph#98765…`: the sign is the phone word's;
                // `?mobile=98765…`: a form field named for a phone. In a
                // link the field's own name must be the phone word
                // (`?utm_source=refer_whatsapp&utm_medium=4804505` is no
                // phone's field).
                && !(matches!(before, Some('#' | '='))
                    && match link_field_name(text, start) {
                        Some(from) => self
                            .context_before(&text[from..start], start - from)
                            .is_some_and(|said| said != Said::Veto),
                        None => self
                            .context_memo(text, start, memo)
                            .is_some_and(|said| said != Said::Veto),
                    })
        };
        // An extension typed against the number (`+1-780-563-6083x7783`,
        // how US and Canadian signatures give an office line) leaves it
        // whole; a bare run before an `x` is more often a quantity or a
        // size (`9876543x2`), so only a number with a `+` or separators.
        let extended = || (plus_at.is_some() || groups.len() > 1) && extension_at(text, end);
        if form != Form::WhatsApp
            && (glued_left
                || (glued_right(text, end, after)
                    && !extended()
                    && !self.word_typed_after(text, end)))
        {
            return false;
        }
        let found = match form {
            Form::WhatsApp => whatsapp.map(|(code, nsn)| (code, nsn, CONF_WHATSAPP)),
            // A Brazilian mobile without its ninth digit, written with
            // `+55`, is how WhatsApp shows an account made before the digit
            // came (`+55 49 9824-5415 joined`), and how it is copied.
            Form::Plus => TABLES
                .parse_international(digits, true)
                .or_else(|| TABLES.parse_legacy_mobile(digits, true))
                .map(|(code, nsn)| (code, nsn, CONF_INTERNATIONAL)),
            // Amounts, units, binary bytes and context are checked only
            // once the digits are a valid number: they cost more than
            // validation rejects. WhatsApp's forms hold a number whatever
            // its digits.
            Form::Plain => self
                .plain(ctx, start, end, digits, groups, memo)
                .filter(|_| {
                    !(has_binary_byte(groups)
                        || near_currency(text, start, end)
                        || unit_after(text, end))
                }),
        };
        let Some((code, nsn, confidence)) = found else {
            return false;
        };
        // The digits of a link's path are its ids
        // (`…-whatsapp-twitter-2951485/amp`); a link carries a phone
        // number in WhatsApp's forms or in a field named for one, read
        // above. Asked of valid numbers only.
        if form == Form::Plain
            && !link
            && before != Some('=')
            && crate::text::within_link(text, start)
        {
            return false;
        }
        // The tail of a grouped reference (`Meeting ID: 766 0615 4424`,
        // where `0615 4424` alone is valid) or of an international number
        // that is not valid (`+965 9260 8562`): the veto word or the `+`
        // before the run's head names every group of it. Asked of valid
        // numbers only.
        if form == Form::Plain && self.tail_of_another_value(text, span, start, digits.len()) {
            return false;
        }
        // A decimal is a number only after a phone word: Armenians write
        // `91.123456` (a mobile), `10.344978` (Yerevan). Asked last, of
        // valid numbers only: context words cost more than validation.
        if decimal
            && !matches!(
                self.context_memo(text, start, memo),
                Some(Said::Phone | Said::Wallet)
            )
        {
            return false;
        }
        let normalized = plus_form(code, &nsn);
        out.push(Finding {
            kind: Kind::Phone,
            start,
            end,
            confidence,
            normalized,
        });
        true
    }

    /// Whether the number at `start` is the tail of another value: it
    /// follows, in the same span, groups of at most four digits, each
    /// joined by one space, no-break space, `-` or `.`, and those groups
    /// open with a `+` (an international number that failed validation:
    /// `+965 9260 8562` holds no national number of the viewer's region)
    /// or have a veto word before them: one grouped reference of at most
    /// twelve digits (meeting and conference ids are nine to twelve), not a
    /// fragment and then a phone number. A group of five or more digits
    /// before is a value of its own (`order 12345 98765 43210`), and so is
    /// a longer run's tail (`order 12 0812 3456 7890`): read on its own.
    fn tail_of_another_value(&self, text: &[u8], span: Span, start: usize, len: usize) -> bool {
        const MAX_FRAGMENT: usize = 4;
        const MAX_FRAGMENTS: usize = 3;
        const MAX_REFERENCE: usize = 12;
        if start <= span.start {
            return false;
        }
        let mut total = len;
        let mut head = start;
        let mut fragments = 0;
        while fragments < MAX_FRAGMENTS {
            let Some(sep) = group_separator_before(&text[span.start..head]) else {
                break;
            };
            let digits = text[span.start..head - sep]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits == 0 {
                break;
            }
            total += digits;
            if digits > MAX_FRAGMENT || total > MAX_REFERENCE {
                return false;
            }
            head -= sep + digits;
            fragments += 1;
        }
        fragments > 0
            && (text[..head].ends_with(b"+") || self.context_before(text, head) == Some(Said::Veto))
    }

    /// Digits written without `+`: an IDD prefix, the region's national
    /// format, or (with support from context) bare international digits.
    /// Context words can veto any of them.
    fn plain(
        &self,
        ctx: &Context<'_>,
        start: usize,
        end: usize,
        digits: &[u8],
        groups: &[Group],
        memo: &ContextMemo,
    ) -> Option<(u16, Digits, f32)> {
        let region = ctx.region.map(|r| &TABLES.regions[r.index()]);
        let context = || self.context_memo(ctx.text, start, memo);
        // A phone word before the number, or, with no context word before
        // it, right after it (read once: three readings below may ask).
        // Which phone word it is: a wallet's name says a whole mobile.
        let after = std::cell::Cell::new(None);
        let said = || match context() {
            Some(Said::Veto) => None,
            Some(said) => Some(said),
            None => after.get().unwrap_or_else(|| {
                let said = self.phone_word_after(ctx.text, end);
                after.set(Some(said));
                said
            }),
        };
        let phone_word = || said().is_some();
        // A valid number that a veto word rules out is remembered: its
        // groups are the order's (or invoice's …), and no shorter number
        // is read out of them (`заказ № 8 912 345-67-89`).
        let vetoed = || {
            let vetoed = context() == Some(Said::Veto);
            memo.vetoed.set(vetoed);
            vetoed
        };
        // Listed right after an international number (`+91 7000587139,
        // 9644564455`): a second number of that country, its code given
        // once, with or without a phone word. Asked after the readings of a
        // national number at home (a list may mix countries).
        let listed_international = || {
            let code = listed_after_international(ctx.text, start)?;
            let nsn = TABLES.national_under_code(code, digits)?;
            Some((!vetoed()).then_some((code, nsn, CONF_ABROAD)))
        };
        if digits.len() < MIN_DIGITS {
            return self.short_national(ctx, start, end, digits, groups, memo);
        }
        // International dialling prefix: the region's own, or the common 00.
        let own_idd = region
            .and_then(|r| r.intl_prefix())
            .and_then(|p| p.match_len(digits))
            .filter(|&n| n > 0);
        let common_idd = digits.starts_with(b"00").then_some(2);
        for n in [own_idd, common_idd].into_iter().flatten() {
            if let Some((code, nsn)) = TABLES.parse_international(&digits[n..], true) {
                // People group a dialled number at its calling code ("00 91
                // 81672 58119", "0091 …"), never across it: "59 006 487
                // 130" holds no "+64 87130".
                if !ends_a_group(groups, n + decimal_len(code)) {
                    continue;
                }
                // "00 91 81672 58119", grouped, is dialled: as strong as `+`.
                // One run of digits is as sure as a national number with
                // its prefix: an identifier named before it wins
                // (`for KYC: 0012199675187`, a South African ID).
                if groups.len() > 1 {
                    return Some((code, nsn, CONF_INTERNATIONAL));
                }
                return (!vetoed()).then_some((code, nsn, CONF_NATIONAL_PREFIX));
            }
        }
        if let Some(rules) = region {
            let national = rules.strip_national_prefix(digits);
            let nsn = national.digits.as_slice();
            let valid = rules.is_valid(nsn);
            if valid && (national.had_prefix || rules.prefix_optional_for(nsn)) {
                let confidence = if national.had_prefix {
                    CONF_NATIONAL_PREFIX
                } else {
                    CONF_NATIONAL
                };
                return (!vetoed()).then_some((rules.code, national.digits, confidence));
            }
            // Valid in a region sharing the calling code: dialled the same
            // way, a little less likely meant.
            if let Some((_, national)) = TABLES.national_in_sibling(rules, digits, &national) {
                let confidence = if national.had_prefix {
                    CONF_SIBLING_PREFIX
                } else {
                    CONF_SIBLING
                };
                return (!vetoed()).then_some((rules.code, national.digits, confidence));
            }
            if let Some(listed) = listed_international() {
                return listed;
            }
            // Valid at home but written without the national prefix its
            // format asks for (`telp 812-3456-7890` in Indonesia, where
            // the `0` was dropped with a `+62`): after a phone word, the
            // home number, rather than bare digits of another country
            // (`+81 23456 7890`).
            if valid && !national.had_prefix && phone_word() {
                return Some((rules.code, national.digits, CONF_BARE_KEYWORD));
            }
            // Dialled within its area, after a phone word ("meu zap
            // 98765-4321", "mi cel 15-4123-4567"): valid after some area
            // code of the region, which one unknown. Validation first: the
            // context costs more, and most digits are no such number.
            if let Some(local) = local_number(rules, digits, national.had_prefix) {
                let read = said() == Some(Said::Phone) && !after_postcode_word(ctx.text, start);
                return read.then_some((rules.code, local, CONF_LOCAL));
            }
        }
        if region.is_none() {
            if let Some(listed) = listed_international() {
                return listed;
            }
        }
        // Bare international digits ("919876543210"): the region's own code,
        // or any code when a phone word comes before.
        if digits.len() >= 10 {
            // Parsing is the costly part (a calling code shared by many
            // regions, like NANP's, tries each): do it only when the digits
            // start with the region's own code or a phone word came before.
            let home_prefix = region.is_some_and(|r| starts_with_code(digits, r.code));
            if !home_prefix && !phone_word() {
                return None;
            }
            if let Some((code, nsn)) = TABLES.parse_international(digits, false) {
                let home = region.is_some_and(|r| r.code == code);
                if vetoed() {
                    return None;
                }
                return if home {
                    Some((code, nsn, CONF_BARE_HOME))
                } else {
                    phone_word().then_some((code, nsn, CONF_BARE_KEYWORD))
                };
            }
        }
        // A number of another country as it is dialled there, after a
        // phone word (`call me at 0300 1234567`, an expat's Pakistani
        // mobile in a Dubai conversation). Which country is unknown (a
        // national number is often valid in several), so it is normalized
        // as libphonenumber parses it with the hint, as a local number is.
        // It must be written as one number, the whole run of digit groups,
        // each group joined by one character and the last of three digits
        // or more: a run the longer reading would take further
        // (`8885898563 - 6 kg`) is the home number and a quantity, and a
        // part of a longer run is no number of its own (`numéro de sécu :
        // 2 99 02 94 174 701 08`, whose parts each region would be asked
        // about). The phone word is asked before the regions: trying every
        // region costs more.
        let rules = region?;
        // Five digits, a hyphen and three is how Brazil writes a postcode
        // (`04567-000`); no country writes a phone number so.
        let postcode_shape = matches!(groups, [a, b] if a.len == 5 && b.len == 3
            && b.sep.chars == 1 && b.sep.punct == '-');
        let one_number = groups[1..].iter().all(|g| g.sep.chars == 1)
            && groups.last().is_some_and(|g| g.len >= 3)
            && !postcode_shape
            && !in_a_longer_run(ctx.text, groups[0].start, end);
        let abroad = (MIN_ABROAD..=MAX_ABROAD).contains(&digits.len())
            && one_number
            && matches!(said(), Some(Said::Phone | Said::Wallet))
            && !after_postcode_word(ctx.text, start)
            && TABLES.valid_abroad(rules, digits);
        abroad.then(|| (rules.code, rules.parse_national(digits), CONF_ABROAD))
    }

    /// Digits fewer than [`MIN_DIGITS`], a national number of the region
    /// ([`short_digits_valid`]), read as one: codes, amounts and OTPs take
    /// as few digits, so only after a phone word, never bare, and only
    /// written as one number. A part of a longer run of groups is none, nor
    /// are digits whose last group is a single digit (`31 23 4 kg`), nor a
    /// postcode. Out of line: most candidates are longer.
    #[inline(never)]
    fn short_national(
        &self,
        ctx: &Context<'_>,
        start: usize,
        end: usize,
        digits: &[u8],
        groups: &[Group],
        memo: &ContextMemo,
    ) -> Option<(u16, Digits, f32)> {
        let rules = &TABLES.regions[ctx.region?.index()];
        let text = ctx.text;
        let read = groups.last().is_some_and(|g| g.len >= 2)
            && groups[1..].iter().all(|g| g.sep.chars == 1)
            && !in_a_longer_run(text, groups[0].start, end)
            && !after_postcode_word(text, start)
            && self.context_memo(text, start, memo) == Some(Said::Phone);
        read.then(|| (rules.code, rules.parse_national(digits), CONF_LOCAL))
    }

    /// Slides over the groups of a span, emitting the leftmost-longest valid
    /// number at each step. Returns how many groups were consumed.
    fn consume(
        &self,
        ctx: &Context<'_>,
        span: Span,
        groups: &[Group],
        out: &mut Vec<Finding>,
    ) -> usize {
        let memo = ContextMemo::default();
        for take in (1..=groups.len().min(MAX_GROUPS)).rev() {
            memo.vetoed.set(false);
            if self.candidate(ctx, span, &groups[..take], groups.get(take), &memo, out)
                || memo.vetoed.get()
            {
                return take;
            }
        }
        1
    }
}

/// How many ASCII letters stand right before `at`, up to three.
fn letters_before(text: &[u8], at: usize) -> usize {
    text[..at]
        .iter()
        .rev()
        .take(3)
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

impl Detector for PhoneDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::Phone]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn reads_groups_apart(&self) -> bool {
        true
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        // A list's number before a phone number (`1. 06 19 19 18 27`, `2.
        // 98765 43210`) is no part of it, though with it the digits may
        // read as another, shorter number (`1 06 19 19 18` in France) that
        // leaves the real one's end shown: the rest is read first alone.
        // (Once: the rest opens after a dot, where no list does.)
        if may_open_with_list_number(ctx.text, span) && self.read_list_item(ctx, span, out) {
            return;
        }
        let text = ctx.text;
        // Every candidate needs MIN_DIGITS digits (fewer only in a small
        // numbering plan), so as many bytes: most spans (prices, times,
        // OTPs) are shorter.
        if span.end - span.start < MIN_DIGITS && !short_span_valid(ctx, span) {
            return;
        }
        // A span that starts glued to letters is a code (IBAN, SKU,
        // tracking number): none of its pieces is a phone number. Glue on
        // the right only spoils the number that ends there, which the
        // per-candidate check rejects (a JID's `@` excepted). (A span that
        // touches a masked value never gets here: the scanner does not
        // read it, see `crate::masked`.)
        // A span opened by `+` or `(` starts a number whatever is before
        // it, and `\n` written as text is white space.
        let left = char_before(text, span.start).0;
        let opens = matches!(
            char_at(text, span.start).0.and_then(separator),
            Some('+' | '(')
        );
        // One digit after a lower-case letter, then a space, ends a word
        // (`v2 9876…`, `room8 9876…`, a username `jua.d8 4897…`), not a
        // code's first group (`DE89 3704…`, `AB12 3456…`): the number after
        // it stands by itself, as once the word is masked (found by the
        // `redact` fuzz target). So do two digits after a lower-case word
        // of other than two letters (`iphone12 9876…`, `s23 9876…`); two
        // letters and two digits are how an IBAN opens (`de89 3704…`).
        let word_digit = left.is_some_and(|c| c.is_ascii_lowercase())
            && text.get(span.start).is_some_and(u8::is_ascii_digit)
            && match text.get(span.start + 1) {
                Some(b' ') => true,
                Some(b) if b.is_ascii_digit() => {
                    text.get(span.start + 2) == Some(&b' ') && letters_before(text, span.start) != 2
                }
                _ => false,
            };
        let code = matches!(left, Some(c) if is_latin_letter(c))
            && !word_digit
            && !opens
            && !self.phone_word_glued_before(text, span.start)
            && !encoded_plus_before(text, span.start)
            && !text::escape_ends_at(text, span.start)
            && carrier_placeholder_before(text, span.start).is_none();
        if code {
            // A code ends where a sentence does, or where a `+` or `(`
            // opens a number: in `TXN330… 080 6975 5969`, `…E7Z7 - +91
            // 74263 30562` and `HOQ3295656 - (076595) 60257` the number
            // after the code stands by itself.
            if let Some(next) = after_sentence_end(text, span) {
                self.detect(ctx, span.with_start(next), out);
            }
            return;
        }
        if looks_like_ipv4(text, span) {
            self.dotted_quad(ctx, span, out);
            return;
        }
        // `window[held]` is the group being read: groups are built where
        // they are kept, not copied there.
        let mut window = [Group::default(); WINDOW];
        let mut held = 0;
        window[0].start = span.start;
        window[0].sep.start = span.start;
        let mut in_group = false;
        let mut consumed = false;
        // Groups of one digit: enough of them may spell a number digit by
        // digit (see `spaced_digits`).
        let mut singles = 0;
        let mut i = span.start;
        while i < span.end {
            let b = text[i];
            if b.is_ascii_digit() {
                // A run of ASCII digits, read in one go.
                let current = &mut window[held];
                if !in_group {
                    in_group = true;
                    current.start = i;
                    current.len = 0;
                }
                while i < span.end && text[i].is_ascii_digit() {
                    if current.len < MAX_DIGITS {
                        current.digits[current.len] = text[i];
                    }
                    current.len = current.len.saturating_add(1);
                    i += 1;
                }
                current.end = i;
                continue;
            }
            let (c, width) = char_at(text, i);
            let width = width.max(1);
            match c.and_then(digit_value) {
                Some(d) => {
                    let current = &mut window[held];
                    if !in_group {
                        in_group = true;
                        current.start = i;
                        current.len = 0;
                    }
                    if current.len < MAX_DIGITS {
                        current.digits[current.len] = b'0' + d;
                    }
                    current.len = current.len.saturating_add(1);
                    current.end = i + width;
                }
                None => {
                    if in_group {
                        in_group = false;
                        singles += usize::from(window[held].len == 1);
                        close_group(&mut window, &mut held);
                        if held == WINDOW {
                            // Eight groups: not a card's layout.
                            consumed = true;
                            let used = self.consume(ctx, span, &window[..held], out);
                            window.copy_within(used..held, 0);
                            held -= used;
                        }
                        window[held] = Group::default();
                        window[held].sep.start = i;
                    }
                    if let Some(c) = c {
                        window[held].sep.push(c, i);
                    }
                }
            }
            i += width;
        }
        if in_group {
            singles += usize::from(window[held].len == 1);
            close_group(&mut window, &mut held);
        }
        if singles >= MIN_SINGLES_IN_A_RUN {
            let before = out.len();
            if singles >= MIN_DIGITS {
                self.spaced_digits(ctx, span, out);
            }
            if out.len() == before {
                self.single_runs_among_groups(ctx, span, out);
            }
        }
        if !consumed && looks_like_card(&window[..held]) {
            return;
        }
        while held > 0 {
            let used = self.consume(ctx, span, &window[..held], out);
            window.copy_within(used..held, 0);
            held -= used;
        }
    }
}

impl PhoneDetector {
    /// Reads the number after the list's number `span` opens with, if it
    /// opens with one (see [`after_list_number`]); whether it found one.
    /// A veto word before the list's number still names what follows
    /// (`order ID: 1. 4309…`).
    #[cold]
    #[inline(never)]
    fn read_list_item(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) -> bool {
        let Some(next) = after_list_number(ctx.text, span) else {
            return false;
        };
        if self.context_before(ctx.text, span.start) == Some(Said::Veto) {
            return false;
        }
        let before = out.len();
        self.detect(ctx, span.with_start(next), out);
        out.len() > before
    }

    /// `my whatsapp is 70.123.33.71`: four dotted groups that could be an
    /// IPv4 address are one (the IP detector reads them) unless a phone
    /// word names them. Then the four groups are tried as one number,
    /// reported above the address ([`CONF_DOTTED_QUAD`]) when valid, so
    /// that it is masked and compared as the phone number it is. Kept out
    /// of `detect`, whose code this rare case should not change.
    #[inline(never)]
    fn dotted_quad(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        if self.context_before(ctx.text, span.start) != Some(Said::Phone)
            || !self.phone_word_next_to(ctx.text, span.start)
        {
            return;
        }
        // Four groups of one to three digits, joined by single dots
        // (`looks_like_ipv4`).
        let text = ctx.text;
        let mut groups = [Group::default(); 4];
        let mut at = span.start;
        let parts = text[span.start..span.end].split(|&b| b == b'.');
        for (k, (group, part)) in groups.iter_mut().zip(parts).enumerate() {
            group.start = at;
            group.end = at + part.len();
            group.len = part.len();
            group.digits[..part.len()].copy_from_slice(part);
            if k == 0 {
                group.sep.start = span.start;
            } else {
                group.sep.start = at - 1;
                group.sep.push('.', at - 1);
            }
            at = group.end + 1;
        }
        let first = out.len();
        self.candidate(ctx, span, &groups, None, &ContextMemo::default(), out);
        for f in &mut out[first..] {
            if (f.start, f.end) == (span.start, span.end) {
                f.confidence = f.confidence.max(CONF_DOTTED_QUAD);
            }
        }
    }

    /// Whether a phone word ends right before `at`, or before one or two
    /// short words (`whatsapp is`, `appelle moi au`, `ring me on`): a
    /// phone word further back (`📞 whitelist …`, `📱 my IP is …`) names
    /// a number, not the address.
    fn phone_word_next_to(&self, text: &[u8], at: usize) -> bool {
        const SHORT_WORD: usize = 4;
        let window = &text[at.saturating_sub(CONTEXT_CHARS)..at];
        let gap = |i: usize| {
            window[..i]
                .iter()
                .rposition(|&b| !matches!(b, b' ' | b':' | b'-'))
                .map_or(0, |last| last + 1)
        };
        // Where the word may end: before the gap, and before each of up to
        // two short ASCII words.
        let mut ends = [gap(window.len()); 3];
        for k in 1..ends.len() {
            let end = ends[k - 1];
            let word = window[..end]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            ends[k] = if (1..=SHORT_WORD).contains(&word) {
                gap(end - word)
            } else {
                end
            };
        }
        let words = if window.is_ascii() {
            &self.ascii_context
        } else {
            &self.context
        };
        words.matches(window).any(|m| {
            let id = m.pattern().as_usize();
            ends.contains(&m.end())
                && words.said(id) == Said::Phone
                && is_whole_word(window, m.start(), m.end())
                && words.case_fits(id, &window[m.start()..m.end()])
        })
    }
}

/// Whether the word before `at` in `window`, a space apart, is an English
/// possessive (`my #`, `ur #`: "my number").
fn after_possessive(window: &[u8], at: usize) -> bool {
    const POSSESSIVES: &[&[u8]] = &[b"my", b"your", b"ur", b"his", b"her", b"our", b"their"];
    let Some(before) = window[..at].strip_suffix(b" ") else {
        return false;
    };
    let word_start = before
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    POSSESSIVES
        .iter()
        .any(|p| p.eq_ignore_ascii_case(&before[word_start..]))
}

/// The number listed right before the one starting at `start`: a list's
/// separator alone between them (`,`, `/`, `|`, `&` or a word of
/// `LIST_WORDS`, with spaces), six digits or more read back at most
/// [`MAX_LISTED_NUMBER`] bytes over digits and the characters that join
/// them (`022-2345 6789`, `+91 98765 43210`).
fn listed_before(text: &[u8], start: usize) -> Option<Span> {
    let skip_spaces = |mut i: usize| {
        while i > 0 && matches!(text[i - 1], b' ' | b'\t') {
            i -= 1;
        }
        i
    };
    let mut i = skip_spaces(start);
    match text[..i].last()? {
        b',' | b'/' | b'|' | b'&' => i -= 1,
        _ => {
            let word_end = i;
            while i > 0 && word_end - i < 5 && text[i - 1].is_ascii_alphabetic() {
                i -= 1;
            }
            // The word stands apart from both numbers.
            if word_end == start || !is_list_word(&text[i..word_end]) {
                return None;
            }
        }
    }
    let mut end = skip_spaces(i);
    // A number in brackets: `(+234 803 123 4567), 0805 …`.
    if text[..end].last() == Some(&b')') {
        end -= 1;
    }
    if !text[..end].last()?.is_ascii_digit() {
        return None;
    }
    let mut previous_start = end;
    let mut digits = 0;
    while previous_start > 0 && end - previous_start < MAX_LISTED_NUMBER {
        match text[previous_start - 1] {
            b'0'..=b'9' => digits += 1,
            b' ' | b'-' | b'.' | b'(' | b')' | b'+' => {}
            _ => break,
        }
        previous_start -= 1;
    }
    while text[previous_start] == b' ' {
        previous_start += 1;
    }
    (digits >= MIN_DIGITS - 1).then_some(Span {
        start: previous_start,
        end,
    })
}

/// Whether a number as written opens with an area code in brackets, one to
/// five digits (`(11) 3456-7890`, `(022) 2345 6789`).
fn opens_with_area_code(written: &[u8]) -> bool {
    let Some(rest) = written.strip_prefix(b"(") else {
        return false;
    };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=5).contains(&digits) && rest.get(digits) == Some(&b')')
}

/// Whether the number starting at `start` ends in four zeros or more (read
/// at most [`MAX_LISTED_NUMBER`] bytes, over digits and the characters that
/// join them): a round figure.
fn ends_in_round_figure(text: &[u8], start: usize) -> bool {
    let mut zeros = 0;
    for &b in text[start..].iter().take(MAX_LISTED_NUMBER) {
        match b {
            b'0' => zeros += 1,
            b'1'..=b'9' => zeros = 0,
            b' ' | b'-' | b'.' => {}
            _ => break,
        }
    }
    zeros >= 4
}

/// Whether `word` is one of `LIST_WORDS`, in any case.
fn is_list_word(word: &[u8]) -> bool {
    let lower = |i: usize| word[i].to_ascii_lowercase();
    match word.len() {
        1 => matches!(lower(0), b'o' | b'y'),
        2 => matches!((lower(0), lower(1)), (b'o', b'r' | b'u') | (b'a', b'u')),
        4 => word.eq_ignore_ascii_case(b"atau"),
        _ => false,
    }
}

/// The calling code of an international number that the number starting
/// at `start` is listed right after (`+91 7000587139, 9644564455`): a
/// second number of that country, its code given once.
fn listed_after_international(text: &[u8], start: usize) -> Option<u16> {
    let previous = listed_before(text, start)?;
    let written = &text[previous.start..previous.end];
    let written = written.strip_prefix(b"(").unwrap_or(written);
    if written.first() != Some(&b'+') || ends_in_round_figure(text, start) {
        return None;
    }
    let mut digits = [0u8; MAX_LISTED_NUMBER];
    let mut n = 0;
    for &b in written.iter().filter(|b| b.is_ascii_digit()) {
        digits[n] = b;
        n += 1;
    }
    TABLES
        .parse_international(&digits[..n], true)
        .map(|(code, _)| code)
}

/// Whether `digits`, fewer than [`MIN_DIGITS`], are a valid national
/// number of `rules`' region as written there (Luxembourg's `786317`,
/// Andorra's `312345`, the Faroes' `201234`), and no round figure
/// (`250000`, an amount). Asked before anything else of such short digits:
/// most are codes, amounts and postcodes, which validation rejects cheaply.
fn is_short_national(rules: &RegionRules, digits: &[u8]) -> bool {
    let national = rules.strip_national_prefix(digits);
    let nsn = national.digits.as_slice();
    rules.is_valid(nsn)
        && !digits.ends_with(b"0000")
        && (national.had_prefix || rules.prefix_optional_for(nsn))
}

/// Whether the digits of `groups`, `len` of them and fewer than
/// [`MIN_DIGITS`], can be a number of the message's region
/// ([`is_short_national`]).
fn short_digits_valid(ctx: &Context<'_>, groups: &[Group], len: usize) -> bool {
    if len < fewest_digits(ctx) {
        return false;
    }
    let (digits, n) = digits_of(groups);
    let rules = ctx.region.map(|r| &TABLES.regions[r.index()]);
    rules.is_some_and(|rules| is_short_national(rules, &digits[..n]))
}

/// Whether a span shorter than [`MIN_DIGITS`] bytes can hold a number of
/// the message's region: digits standing alone (`12345`, `482913`:
/// postcodes, OTPs, amounts) are validated before they are split.
fn short_span_valid(ctx: &Context<'_>, span: Span) -> bool {
    if span.end - span.start < fewest_digits(ctx) {
        return false;
    }
    let written = &ctx.text[span.start..span.end];
    !written.iter().all(u8::is_ascii_digit)
        || ctx
            .region
            .is_some_and(|r| is_short_national(&TABLES.regions[r.index()], written))
}

/// The digits of `groups` (at most [`MAX_DIGITS`] in all, as the caller
/// checked), one after another, and how many.
fn digits_of(groups: &[Group]) -> ([u8; MAX_DIGITS], usize) {
    let mut digits = [0u8; MAX_DIGITS];
    let mut n = 0;
    for g in groups {
        digits[n..n + g.len].copy_from_slice(&g.digits[..g.len]);
        n += g.len;
    }
    (digits, n)
}

/// The fewest digits a candidate holds in the message's region:
/// [`MIN_DIGITS`], or fewer where the region's national numbers are
/// shorter ([`RegionRules::short_plan`]).
fn fewest_digits(ctx: &Context<'_>) -> usize {
    ctx.region
        .and_then(|r| TABLES.regions[r.index()].short_plan())
        .map_or(MIN_DIGITS, |n| n.max(MIN_SHORT_DIGITS))
}

/// Whether the digits from `start` to `end` are part of a longer run of
/// digit groups: a separator and a digit right before or right after them.
fn in_a_longer_run(text: &[u8], start: usize, end: usize) -> bool {
    let before = group_separator_before(&text[..start])
        .is_some_and(|sep| start > sep && text[start - sep - 1].is_ascii_digit());
    let after = group_separator_after(&text[end..])
        .is_some_and(|sep| text.get(end + sep).is_some_and(u8::is_ascii_digit));
    before || after
}

/// [`group_separator_before`] at the start of `after`.
fn group_separator_after(after: &[u8]) -> Option<usize> {
    match after {
        [b' ' | b'-' | b'.', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0xAF, ..] => Some(3),
        _ => None,
    }
}

/// The length of the one separator that ends `before` and joins two groups
/// of a grouped number: a space, `-`, `.`, or a no-break space (U+00A0,
/// U+202F, as WhatsApp writes numbers in system lines).
fn group_separator_before(before: &[u8]) -> Option<usize> {
    match before {
        [.., b' ' | b'-' | b'.'] => Some(1),
        [.., 0xC2, 0xA0] => Some(2),
        [.., 0xE2, 0x80, 0xAF] => Some(3),
        _ => None,
    }
}

/// Where the next single digit is when the spaces at `at` are wider than
/// the one that joins the digits of a number written one digit at a time:
/// two spaces set its blocks apart (`0 8 0 3  1 2 3  4 5 6 7`), as one
/// space sets apart the groups of a number written in groups (three end
/// the numeric span, as they do between groups).
fn block_break(
    text: &[u8],
    span: Span,
    at: usize,
    sep: u8,
    single: impl Fn(usize) -> bool,
) -> Option<usize> {
    if sep != b' ' {
        return None;
    }
    let spaces = text[at..span.end.min(text.len())]
        .iter()
        .take_while(|&&b| b == b' ')
        .count();
    let next = at + spaces;
    (spaces == 2 && next < span.end && single(next)).then_some(next)
}

impl PhoneDetector {
    /// Numbers written one digit at a time (`9 8 7 6 5 4 3 2 1 0`,
    /// `9-8-7-6-…`), as people do to slip a number past a filter: seven or
    /// more single digits, each pair joined by the same one separator, are
    /// tried as one group; with spaces, two of them may set blocks apart
    /// (`9 8 7 6 5  4 3 2 1 0`). Grouped reading refuses them (more
    /// than two single-digit groups is no way to write a number).
    fn spaced_digits(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let mut i = span.start;
        while i + 2 < span.end {
            let single = |at: usize| {
                text[at].is_ascii_digit()
                    && !text.get(at + 1).is_some_and(u8::is_ascii_digit)
                    && (at == 0 || !text[at - 1].is_ascii_digit())
            };
            let sep = text[i + 1];
            if !(single(i) && matches!(sep, b' ' | b'-' | b'.') && single(i + 2)) {
                i += 1;
                continue;
            }
            let mut group = Group {
                start: i,
                ..Group::default()
            };
            let mut at = i;
            loop {
                if group.len < MAX_DIGITS {
                    group.digits[group.len] = text[at];
                }
                group.len += 1;
                group.end = at + 1;
                if at + 2 < span.end && text[at + 1] == sep && single(at + 2) {
                    at += 2;
                } else if let Some(next) = block_break(text, span, at + 1, sep, single) {
                    at = next;
                } else {
                    break;
                }
            }
            if (MIN_DIGITS..=MAX_DIGITS).contains(&group.len) {
                let memo = ContextMemo::default();
                match opening_group(text, span, i) {
                    // `+91 9 8 7 6 …`: the calling code written as usual.
                    Some(mut code) => {
                        group.sep.push_all(text, code.end, i);
                        code.sep.start = span.start;
                        code.sep.push_all(text, span.start, code.start);
                        self.candidate(ctx, span, &[code, group], None, &memo, out);
                    }
                    None => {
                        // What opens the number (`+`, `(`) when it starts
                        // the span.
                        group.sep.start = span.start;
                        if !text[span.start..i].iter().any(u8::is_ascii_digit) {
                            group.sep.push_all(text, span.start, i);
                        }
                        self.candidate(ctx, span, &[group], None, &memo, out);
                    }
                }
            }
            i = group.end;
        }
    }
}

/// The fewest single digits in a row, joined by one and the same
/// separator, that are read as one group beside other groups
/// ([`PhoneDetector::single_runs_among_groups`]).
const MIN_SINGLES_IN_A_RUN: usize = 3;

impl PhoneDetector {
    /// Numbers written partly one digit at a time, beside groups or in
    /// two runs: `98765 4 3 2 1 0`, `9876 5 4 3 2 1 0`, `9 8 7 6 5 43210`,
    /// `9 8 7 6 5 - 4 3 2 1 0`. Three or more single ASCII digits joined
    /// by one and the same separator (space, `-` or `.`) are read as one
    /// group, and that group with up to two groups (or runs) before it and
    /// after it, the most first, as a number written in groups: validated and
    /// weighed as any (`order 9876 5 4 3 2 1 0` stays an order). Without
    /// this, the grouped reading refuses the run (more than two one-digit
    /// groups) and reads what is left, if anything (`98765 4 3` as a
    /// number without its area code), and the number leaks.
    #[cold]
    #[inline(never)]
    fn single_runs_among_groups(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let end = span.end.min(text.len());
        // The next ASCII digit run at or after `*at`, as (start, end).
        let next_run = |at: &mut usize| -> Option<(usize, usize)> {
            while *at < end && !text[*at].is_ascii_digit() {
                *at += 1;
            }
            let start = *at;
            while *at < end && text[*at].is_ascii_digit() {
                *at += 1;
            }
            (start < *at).then_some((start, *at))
        };
        let single = |(start, end): (usize, usize)| end == start + 1;
        // Most spans with three one-digit groups hold no run of them
        // (`1/2/3 10:30`): a look without building groups first.
        let mut has_run = false;
        let (mut at, mut in_run, mut previous) = (span.start, 0, None);
        while let Some(run) = next_run(&mut at) {
            let joined = previous.is_some_and(|(_, end): (usize, usize)| {
                run.0 == end + 1
                    && matches!(text[end], b' ' | b'-' | b'.')
                    && (in_run < 2 || text[end] == text[end - 2])
            });
            in_run = match (single(run), joined) {
                (false, _) => 0,
                (true, true) => in_run + 1,
                (true, false) => 1,
            };
            if in_run >= MIN_SINGLES_IN_A_RUN {
                has_run = true;
                break;
            }
            previous = Some(run);
        }
        if !has_run {
            return;
        }
        // The groups read so far, a run of single digits collapsed into one
        // (`true`), kept only as far back as a window around the next run
        // to try reaches, so that memory stays bounded however long the
        // span.
        let mut groups: Vec<(Group, bool)> = Vec::with_capacity(16);
        let mut next_to_try = 0;
        // Where the groups of the numbers found so far end.
        let mut read = 0;
        let memo = ContextMemo::default();
        let mut at = span.start;
        let mut pending = next_run(&mut at);
        let mut previous_end = span.start;
        loop {
            let complete = match pending {
                Some(first) => {
                    // Single digits joined by one and the same separator.
                    let mut last = first;
                    let mut singles = 1;
                    pending = next_run(&mut at);
                    if single(first) && first.1 < end && matches!(text[first.1], b' ' | b'-' | b'.')
                    {
                        let sep = text[first.1];
                        while let Some(run) = pending.filter(|&run| {
                            single(run) && run.0 == last.1 + 1 && text[last.1] == sep
                        }) {
                            last = run;
                            singles += 1;
                            pending = next_run(&mut at);
                        }
                    }
                    let collapse = singles >= MIN_SINGLES_IN_A_RUN;
                    let mut group = Group {
                        start: first.0,
                        ..Group::default()
                    };
                    let mut from = first.0;
                    let push_run = |group: &mut Group, (start, end): (usize, usize)| {
                        for &d in &text[start..end] {
                            if group.len < MAX_DIGITS {
                                group.digits[group.len] = d;
                            }
                            group.len = group.len.saturating_add(1);
                        }
                        group.end = end;
                    };
                    if collapse {
                        while from < last.1 {
                            let run = (from, from + 1);
                            push_run(&mut group, run);
                            from += 2;
                        }
                    } else {
                        push_run(&mut group, first);
                        // Only this run is taken; the singles after it are
                        // read again as runs of their own.
                        if last != first {
                            at = first.1;
                            pending = next_run(&mut at);
                        }
                    }
                    group.sep.start = previous_end;
                    group.sep.push_all(text, previous_end, group.start);
                    previous_end = group.end;
                    groups.push((group, collapse));
                    false
                }
                None => true,
            };
            // Try each collapsed run once the groups a window around it
            // reaches (two after it, and one more to see what it leaves
            // out) are read, or at the end.
            while next_to_try < groups.len() && (complete || next_to_try + 3 < groups.len()) {
                let found = groups[next_to_try].1.then(|| {
                    let (groups, at) = (&groups[read..], next_to_try - read);
                    self.run_with_neighbours(ctx, span, groups, at, &memo, out)
                });
                // Read on after the number found; its groups are no
                // neighbours of the next.
                next_to_try = match found.flatten() {
                    Some(to) => {
                        read += to;
                        read
                    }
                    None => next_to_try + 1,
                };
            }
            if complete {
                return;
            }
            // What no window needs any more (three before the next to try).
            if groups.len() > 32 {
                let drop = next_to_try.saturating_sub(3);
                groups.drain(..drop);
                next_to_try -= drop;
                read = read.saturating_sub(drop);
            }
        }
    }

    /// Reads the collapsed run `groups[at]` with up to two groups before
    /// and after it, the most first (see
    /// [`single_runs_among_groups`](Self::single_runs_among_groups)); where
    /// the groups of the number found end, if one is.
    fn run_with_neighbours(
        &self,
        ctx: &Context<'_>,
        span: Span,
        groups: &[(Group, bool)],
        at: usize,
        memo: &ContextMemo,
        out: &mut Vec<Finding>,
    ) -> Option<usize> {
        let collapsed = |i: usize| groups.get(i).is_some_and(|g| g.1);
        let mut windows: Vec<(usize, usize)> = Vec::with_capacity(9);
        for from in at.saturating_sub(2)..=at {
            for to in at + 1..=(at + 3).min(groups.len()) {
                // A run of single digits left beside the window would make
                // it part of a longer string of them (`9 8 7 6 5  4 3 2 1 0
                // 9 8 7 6 5` holds no one number).
                let run_left_out = (from > 0 && collapsed(from - 1)) || collapsed(to);
                if to - from >= 2 && !run_left_out {
                    windows.push((from, to));
                }
            }
        }
        windows.sort_by_key(|&(from, to)| std::cmp::Reverse(to - from));
        for (from, to) in windows {
            let mut window: Vec<Group> = groups[from..to].iter().map(|g| g.0).collect();
            // What opens the number: the span's opening signs (`+`, `(`)
            // when it is the span's first group, else nothing.
            let first = &mut window[0];
            let opens_span = first.sep.start == span.start;
            first.sep = Default::default();
            first.sep.start = span.start;
            if opens_span {
                first.sep.push_all(ctx.text, span.start, first.start);
            }
            if self.candidate(ctx, span, &window, None, memo, out) {
                return Some(to);
            }
        }
        None
    }
}

/// Digits dialled within their area ([`RegionRules::is_local`]), as far as
/// they can be normalized: the calling code, then the national digits
/// written (as libphonenumber parses a number it finds only possible
/// locally), a mobile token replaced by what it stands for.
///
/// Digits that open with the national prefix (`had_prefix`) are a whole
/// number cut short, not a local one (`(011) 2349` in Buenos Aires): only a
/// mobile token, which the prefix pattern also matches, is read then.
fn local_number(rules: &RegionRules, digits: &[u8], had_prefix: bool) -> Option<Digits> {
    if digits.len() > MAX_LOCAL_DIGITS {
        return None;
    }
    if !had_prefix && rules.is_local(digits) {
        return Digits::concat(&[digits]);
    }
    let (_, token, head) = MOBILE_TOKENS.iter().find(|(id, _, _)| *id == rules.id)?;
    let rest = digits.strip_prefix(*token)?;
    rules
        .is_local_after(head, rest)
        .then(|| Digits::concat(&[head, rest]))
        .flatten()
}

/// The normalized values the number `e164` takes when written without its
/// area code ([`local_number`]): `+5511987654321` is `+55987654321` as
/// `98765-4321` and `+5587654321` as `8765-4321`; an Argentine mobile is
/// also its token's form (`15 4123-4567`, `+54941234567`). Which digits
/// are the area code is not in the metadata, so every split of the local
/// lengths is given. Only for regions whose mobiles are given that way
/// (Brazil, Argentina, Mexico, the NANP …). The leak guard owns these
/// beside the whole number, so that an agent who drops the area code
/// still pastes the customer's. Returns whether `e164` is a whole number
/// at all (a number given without its area code is not).
pub(crate) fn local_forms(e164: &str, mut form: impl FnMut(String)) -> bool {
    let Some(digits) = e164.strip_prefix('+') else {
        return false;
    };
    let Some((code, nsn)) = TABLES.parse_international(digits.as_bytes(), false) else {
        return false;
    };
    let nsn = nsn.as_slice();
    let mut given: Vec<String> = Vec::new();
    for &r in TABLES.regions_for_code(u32::from(code)) {
        let rules = &TABLES.regions[usize::from(r)];
        // Customers give their mobiles: where only fixed lines are given
        // without the area code (India, Indonesia …), a mobile's digits
        // cut short are no form of it.
        if !rules.has_local_mobiles() || !rules.is_valid(nsn) {
            continue;
        }
        let token = MOBILE_TOKENS
            .iter()
            .filter(|(id, _, head)| *id == rules.id && nsn.starts_with(head))
            .map(|(_, _, head)| *head);
        for head in std::iter::once(&b""[..]).chain(token) {
            let rest = &nsn[head.len()..];
            for &(local, area) in rules.local_lengths() {
                if usize::from(local) + usize::from(area) != rest.len() {
                    continue;
                }
                let tail = &rest[usize::from(area)..];
                let Some(digits) = Digits::concat(&[head, tail]) else {
                    continue;
                };
                let normalized = plus_form(code, &digits);
                if !given.contains(&normalized) {
                    given.push(normalized.clone());
                    form(normalized);
                }
            }
        }
    }
    true
}

/// The number a payment address is named after, normalized as a finding's
/// (E.164): Indian UPI apps name an address after its holder's mobile
/// (`9876543210@ybl`, `919876543210@paytm`), as Egyptians may their
/// InstaPay address (`01001234567@instapay`). `name` is the address's name
/// part, `region` the country of its payment network. Only a name of
/// digits alone that is a valid number there, written nationally (with or
/// without the national prefix) or after the calling code. The leak guard
/// owns that number beside the address, so that an agent who copies the
/// mobile out of a customer's address still pastes the customer's.
pub(crate) fn number_named_by(region: &str, name: &[u8]) -> Option<String> {
    if !(7..=15).contains(&name.len()) || !name.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rules = &TABLES.regions[usize::from(TABLES.region_index(region)?)];
    let national = rules.strip_national_prefix(name);
    let nsn = if rules.is_valid(national.digits.as_slice()) {
        national.digits
    } else {
        let mut code = String::with_capacity(3);
        push_decimal(&mut code, rules.code);
        let rest = name.strip_prefix(code.as_bytes())?;
        if !rules.is_valid(rest) {
            return None;
        }
        Digits::concat(&[rest])?
    };
    Some(plus_form(rules.code, &nsn))
}

/// Where Brazil's `0xx` ends right before `at` (`(0xx11) 98765-4321`):
/// the national prefix with the carrier code left for the caller to
/// choose, written in front of the area code. It starts a word.
fn carrier_placeholder_before(text: &[u8], at: usize) -> Option<usize> {
    let start = at.checked_sub(3)?;
    let written = text[start] == b'0' && text[start + 1..at].eq_ignore_ascii_case(b"xx");
    let free = start == 0 || !text[start - 1].is_ascii_alphanumeric();
    (written && free).then_some(start)
}

/// A finding's normalized value: `+`, the calling code, the national
/// digits. The leak guard's forms of a number ([`local_forms`]) are built
/// the same way, so that they equal the findings they stand for.
fn plus_form(code: u16, nsn: &Digits) -> String {
    let mut normalized = String::with_capacity(nsn.as_slice().len() + 4);
    normalized.push('+');
    push_decimal(&mut normalized, code);
    normalized.push_str(nsn.as_str());
    normalized
}

/// Appends the decimal digits of `n` without allocating.
fn push_decimal(s: &mut String, n: u16) {
    if n >= 10 {
        push_decimal(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

/// How many decimal digits `n` has.
fn decimal_len(n: u16) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

/// Whether ASCII `digits` begin with the decimal digits of `code`.
fn starts_with_code(digits: &[u8], code: u16) -> bool {
    let mut buf = [0u8; 5];
    let (mut n, mut i) = (code, buf.len());
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.starts_with(&buf[i..])
}

/// What a number cannot directly follow. A mask bullet is the masked part
/// of a value whose kept tail digits are not the start of a new number.
/// Where the name of the link's field ends at `value` starts (`?mobile=`
/// before `value`), when the `=` before `value` is a link's
/// ([`crate::text::within_link`]).
fn link_field_name(text: &[u8], value: usize) -> Option<usize> {
    if value == 0 || text[value - 1] != b'=' || !crate::text::within_link(text, value) {
        return None;
    }
    let name_end = value - 1;
    let name_len = text[..name_end]
        .iter()
        .rev()
        .take(64)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'[' | b']'))
        .count();
    Some(name_end - name_len)
}

fn glued_before(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_latin_letter(c) || is_numeric(c)
        || matches!(c, '_' | '#' | '@' | '$' | '€' | '£' | '¥' | '₹' | '%' | '&' | '=' | '/' | '\\' | '№' | crate::policy::mask::BULLET))
}

/// Whether `span` may open with a list's number (a dot after its first or
/// second byte): a look at two bytes before [`after_list_number`].
#[inline]
fn may_open_with_list_number(text: &[u8], span: Span) -> bool {
    text.get(span.start + 1..span.start + 3)
        .is_some_and(|two| two[0] == b'.' || two[1] == b'.')
}

/// Where the number after a list's number starts, when `span` opens with
/// one: one or two ASCII digits, a dot and one space, then a digit, `+` or
/// `(`, at the start of the text or a line or after a colon
/// (`contacts: 1. 98765 43210`, `1. 06 19 19 18 27\n2. …`).
fn after_list_number(text: &[u8], span: Span) -> Option<usize> {
    let inside = text.get(span.start..span.end)?;
    let digits = inside
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let marker = (1..=2).contains(&digits)
        && inside.get(digits..digits + 2) == Some(b". ")
        && inside
            .get(digits + 2)
            .is_some_and(|&b| b.is_ascii_digit() || matches!(b, b'+' | b'('));
    // What opens a list: the text's or a line's start, or a colon (white
    // space between). After a word, the digits may be what it names
    // (`order ID 1. 4309…`).
    let stands = || {
        let before = &text[span.start.saturating_sub(8)..span.start];
        let spaces = before
            .iter()
            .rev()
            .take_while(|&&b| b == b' ' || b == b'\t');
        match before.len() - spaces.count() {
            0 => span.start == before.len(),
            at => matches!(before[at - 1], b'\n' | b'\r' | b':'),
        }
    };
    (marker && stands()).then_some(span.start + digits + 2)
}

/// Where the span goes on after a full stop or an ellipsis followed by
/// white space (`. `, `… `), after a dash, slash or bar with white space on
/// both sides (`FT838855534623 - 0303 2349954`: codes are not written with
/// spaced dashes, lists of details are), or at a `+` or `(` after white
/// space, if it does.
fn after_sentence_end(text: &[u8], span: Span) -> Option<usize> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    const DASHES: [&[u8]; 2] = ["–".as_bytes(), "—".as_bytes()];
    let inside = &text[span.start..span.end];
    (0..inside.len()).find_map(|i| {
        // A `+` or `(` after white space opens a number of its own
        // (`HOQ3295656 - (076595) 60257`).
        if matches!(inside[i], b'+' | b'(') && i > 0 && inside[i - 1].is_ascii_whitespace() {
            return Some(span.start + i);
        }
        let after_space = i > 0 && inside[i - 1].is_ascii_whitespace();
        let stop = if inside[i] == b'.' {
            i + 1
        } else if inside[i..].starts_with(ELLIPSIS) {
            i + ELLIPSIS.len()
        } else if after_space && matches!(inside[i], b'-' | b'/' | b'|') {
            i + 1
        } else if let Some(dash) = DASHES
            .iter()
            .find(|d| after_space && inside[i..].starts_with(d))
        {
            i + dash.len()
        } else {
            return None;
        };
        let spaces = inside
            .get(stop..)?
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let next = stop + spaces;
        (spaces > 0 && next < inside.len()).then_some(span.start + next)
    })
}

/// Words of chat that people type against the end of a number, leaving
/// out the space: courtesy words, forms of address, and the particles of
/// Hinglish (`9876543210pe call karo`, `…210ko bhejo`).
const WORDS_TYPED_AFTER: &[&str] = &[
    "pls", "plz", "please", "thanks", "thx", "thanku", "thankyou", "sir", "ji", "bhai", "bro",
    "madam", "mam", "maam", "only", "asap", "dear", "pe", "par", "ko", "hai", "hain", "pr",
];

/// Whether the character `after` the number at `end` glues it to what
/// follows; a currency sign followed by a digit opens the next amount
/// (`…6442¥181振り込みました` in Japanese, written without spaces).
fn glued_right(text: &[u8], end: usize, after: Option<char>) -> bool {
    glued_after(after)
        && !(matches!(after, Some('$' | '€' | '£' | '¥' | '₹'))
            && after.is_some_and(|c| {
                char_at(text, end + c.len_utf8())
                    .0
                    .is_some_and(|d| digit_value(d).is_some())
            }))
}

/// Whether an extension glued to the number starts at `at`: `x` and one to
/// six ASCII digits, nothing glued after them.
fn extension_at(text: &[u8], at: usize) -> bool {
    if !matches!(text.get(at), Some(b'x' | b'X')) {
        return false;
    }
    let digits = text[at + 1..]
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=6).contains(&digits) && !glued_after(char_at(text, at + 1 + digits).0)
}

fn glued_after(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_latin_letter(c) || is_numeric(c)
        || matches!(c, '_' | '%' | '@' | '$' | '€' | '£' | '¥' | '₹' | '\\' | '°' | crate::policy::mask::BULLET))
}

/// Whether `start` follows a list's ordinal typed against it: one or two
/// digits and a dot that open a line (`1.0819-1864-3630`, after a real
/// line break or one written as text). The number must open with its trunk
/// `0`: after `29.` other digits are a decimal's fraction (`29.4955125`).
fn after_list_ordinal(text: &[u8], start: usize) -> bool {
    if start < 2 || text[start - 1] != b'.' || text.get(start) != Some(&b'0') {
        return false;
    }
    let digits = text[..start - 1]
        .iter()
        .rev()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let at = start - 1 - digits;
    // Lists count from 1: `0.0100…` is a decimal.
    (1..=2).contains(&digits)
        && text[at..start - 1] != *b"0"
        && (at == 0 || text[at - 1] == b'\n' || text::escape_ends_at(text, at))
}

/// Whether the number at `start` opens with a trunk `0` and a digit: no
/// amount is written so (`it will cost more 0813 953 4187`).
fn trunk_prefixed(text: &[u8], start: usize) -> bool {
    text.get(start) == Some(&b'0')
        && text
            .get(start + 1)
            .is_some_and(|b| (b'1'..=b'9').contains(b))
}

/// Whether `word` is one of the [`PRICE_WORDS`], in any ASCII case.
pub(super) fn is_price_word(word: &[u8]) -> bool {
    PRICE_WORDS
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// The phone numbers among the last findings: the ones of the span before
/// (other detectors may have read such a number as theirs too, a few
/// findings on one span).
fn recent_phones(out: &[Finding]) -> impl Iterator<Item = &Finding> {
    out.iter().rev().take(8).filter(|f| f.kind == Kind::Phone)
}

/// Whether `between` two numbers listed with a slash is white space or a
/// short note in brackets (`(wa)`, `(SMS) `): what the first number is for.
fn is_note_or_space(between: &[u8]) -> bool {
    let note = between.trim_ascii();
    note.is_empty()
        || (note.len() <= 12
            && note.first() == Some(&b'(')
            && note.last() == Some(&b')')
            && note[1..note.len() - 1]
                .iter()
                .all(|&b| b.is_ascii_alphabetic() || b == b' '))
}

/// Whether the `/` at `at` ends an e-mail address: contact details listed
/// with slashes (`ravi@gmail.com/9876543210`) start a number after it.
///
/// The `@` and the domain's dots may be bracketed (`x[at]e{.}co/…`),
/// as the mask writes them plainly (`x•••@e.co/…`; found by the `redact`
/// fuzz target: the number was masked only on redacting again).
fn ends_an_address(text: &[u8], at: usize) -> bool {
    let floor = at.saturating_sub(254);
    let word_start = floor
        + text[floor..at]
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
            .map_or(0, |p| p + 1);
    let word = &text[word_start..at];
    // The last `@`, plain or encoded as a link or HTML writes it
    // (`ravi%40gmail.com/…`, `ravi&#64;gmail.com/…`), as its mask writes
    // it plainly (`r•••@gmail.com/…`; found by the stream property test).
    let plain = [&b"@"[..], b"%40", b"&#64;", b"&#x40;", b"&#X40;"]
        .iter()
        .filter_map(|sign| {
            memchr::memmem::rfind(word, sign).map(|a| (word_start + a, word_start + a + sign.len()))
        })
        .max();
    // A bracketed `at` closes with a bracket, inside the word or, spaced,
    // right before it (`ravi (at) gmail.com/…`).
    let bracketed = || {
        (word_start + 1..=at)
            .rev()
            .filter(|&end| matches!(text[end - 1], b']' | b')' | b'}' | b'>'))
            .chain(std::iter::once(word_start))
            .find_map(|end| crate::detect::bracketed::at_sign_ending_at(text, end))
            .map(|sign| (sign.start, sign.end))
    };
    plain.or_else(bracketed).is_some_and(|(start, end)| {
        let domain = &text[end.min(at)..at];
        // A domain's characters, bracketed dots included: a domain glued
        // to other characters (`ravi@gmail.co😀111/…`) ends before them,
        // and the `/` is none of its (found by the stream property test).
        let domain_chars = domain.iter().all(|&b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'.' | b' ' | b'[' | b']' | b'(' | b')' | b'{' | b'}'
                )
        });
        let dotted = domain_chars
            && (domain.contains(&b'.')
                || domain.windows(4).any(|w| {
                    w[..3].eq_ignore_ascii_case(b"dot") && matches!(w[3], b']' | b')' | b'}')
                }));
        // A local part before the sign, one space away at most (`ravi
        // @gmail.com/…`): a sign at a line's start or after white space
        // opens a mention (`@instagram.com/98765 43210`), a path as it is
        // without the sign, at the text's start as after a line break
        // (found by the stream property test: a line read alone differed).
        let before = &text[..start];
        let before = before.strip_suffix(b" ").unwrap_or(before);
        let local = before.last().is_some_and(|b| !b.is_ascii_whitespace());
        local && dotted
    })
}

/// Whether `text[..at]` ends with a name standing as a word: a capital
/// and two to twenty lower-case letters after white space or the start
/// (`Tanvi/9953921288`, a contact as a list writes it). A path's segment
/// follows another slash or a dot (`docs/Tanvi/…`), and a code's letters
/// are capitals. The caller asks it only of digits written without
/// separators: a product and its version or date in a user agent
/// (`Gecko/9838-07-15`, `Chrome/28.0.870.0`) take the same shape.
fn ends_a_name(text: &[u8], at: usize) -> bool {
    let lower = text[..at]
        .iter()
        .rev()
        .take(21)
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let Some(capital) = at.checked_sub(lower + 1) else {
        return false;
    };
    (2..=20).contains(&lower)
        && text[capital].is_ascii_uppercase()
        && (capital == 0 || text[capital - 1].is_ascii_whitespace())
}

#[cfg(test)]
mod tests;
