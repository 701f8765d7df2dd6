//! Telephone numbers, worldwide, validated against libphonenumber metadata.
//!
//! The scanner hands us a numeric span such as `+91 98765 43210 / 98765
//! 12345`. We split it into digit *groups* (with the separators between
//! them) and look for the leftmost-longest run of consecutive groups that is
//! a valid number, the way a person reads a list of numbers:
//!
//! 1. cheap shape checks first (a span shorter than seven bytes is dropped
//!    before it is split): 7 to 17 digits, at most seven groups,
//!    separators that people type inside numbers, no date shapes, not glued
//!    to letters or other digits (an extension, `…6083x7783`, excepted),
//!    no currency around it;
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

pub(crate) mod metadata;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;

use super::context::REFERENCE_WORDS;
use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::{
    self, char_at, char_before, digit_value, ends_with_ignore_case, is_alphabetic, is_alphanumeric,
    is_latin_letter, is_numeric,
};
use metadata::{Digits, RegionRules, TABLES};

/// The most groups a written number has (`+33 6 12 34 56 78` has six).
const MAX_GROUPS: usize = 7;
/// Groups kept in view while sliding over a span: one more than a candidate
/// can use, so the longest candidate from the first group is always visible.
const WINDOW: usize = MAX_GROUPS + 1;
const MIN_DIGITS: usize = 7;
/// E.164 allows 15 digits; IDD prefixes add up to four more.
const MAX_DIGITS: usize = 19;
/// Most digits of a number dialled within its area (a Brazilian mobile's
/// nine; Argentina's mobile token and eight).
const MAX_LOCAL_DIGITS: usize = 10;
/// How far back context words are looked for, in characters (not bytes:
/// masks keep a number's character count, so redacted text sees the same
/// context and redaction stays idempotent).
const CONTEXT_CHARS: usize = 40;
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

/// Mobile numbers dialled within their area with a token of their own,
/// which libphonenumber's metadata only holds inside the region's national
/// prefix pattern: (region, token, what it stands for before the area
/// code). Argentina's `15` marks a mobile dialled locally; in E.164 a
/// mobile is `9`, the area code, then the local number.
const MOBILE_TOKENS: &[(&str, &[u8], &[u8])] = &[("AR", b"15", b"9")];

/// Veto words of phone numbers only, on top of the shared
/// [`REFERENCE_WORDS`] (after either, a number is not a phone number unless
/// written with `+`): words that name an account, an identifier or a
/// numbered thing, which the ID detectors read as their own keywords.
///
/// Not "verification" alone: "for verification 98765 43210" gives a number
/// to check; "verification code 482913" is vetoed by "code".
const NEGATIVE_WORDS: &[&str] = &[
    // An airline booking in English, a personnummer in Swedish: either way
    // not a phone number, and the Swedish ID detector reads it as its own.
    "pnr",
    "id",
    "acct",
    "account",
    "conta",
    "cuenta",
    "a/c",
    "policy",
    "nota fiscal",
    "codice",
    "mã",
    "cccd",
    "cmnd",
    "định danh",
    "#",
    "№",
];

/// Words after which bare digits are read as a phone number. Generic words
/// for "number" (`number`, `número`, `नंबर`, `номер` …) are in neither list:
/// in "order number 12345678" the word that decides is "order".
const POSITIVE_WORDS: &[&str] = &[
    "call",
    "call me",
    "contacto",
    "contato",
    "kontakt",
    "ligar",
    "ligue",
    "llamar",
    "llámame",
    // Typed without the accent as often as with it.
    "llamame",
    "llámanos",
    "llamanos",
    "márcame",
    "marcame",
    "llama",
    "marcar",
    "zadzwoń",
    "appelle",
    "appeler",
    "anrufen",
    "chiamami",
    "chiama",
    "hubungi",
    "gọi",
    "โทร",
    "phone",
    "ph",
    "tel",
    "tele",
    "telephone",
    "mobile",
    "mob",
    "cell",
    "cel",
    "celular",
    "contact",
    "whatsapp",
    "whats app",
    "whats",
    "wa",
    "zap",
    "sms",
    "text me",
    "ring",
    "my number",
    "my no",
    "my nommer",
    "میرا نمبر",
    "واٹس ایپ",
    "new number",
    "new no",
    "alternate number",
    "alternate no",
    "alternative number",
    "driver's number",
    "número da minha",
    "número do meu",
    "número de mi",
    "numero de mi",
    "numéro de ma",
    "numéro de mon",
    "mi número",
    "mi numero",
    "meu número",
    "meu numero",
    "mon numéro",
    "mon numero",
    "landline",
    "office line",
    "hotline",
    "zalo",
    "viber",
    "nipigie",
    "piga simu",
    "liên hệ",
    "điện thoại",
    "เบอร์",
    "phone number",
    "mobile number",
    "contact number",
    "whatsapp number",
    "telefone",
    "telefono",
    "teléfono",
    "móvil",
    "movil",
    "portable",
    "téléphone",
    "telephone",
    "handy",
    "rufnummer",
    "telefon",
    "cep",
    "телефон",
    // Armenian: telephone, its abbreviation, mobile.
    "հեռախոս",
    "հեռ.",
    "բջջային",
    "nomor",
    "hp",
    "no hp",
    "telp",
    "telepon",
    "फोन",
    "电话",
    "手机",
    "電話",
    "携帯",
    "전화",
    "핸드폰",
    "هاتف",
    "جوال",
    // How the chat of each market says "my number", "call me", "reach me
    // at" (the phone phrases of `tests/corpus/gen_corpus.py`, read back on
    // 2026-12-02): what lets bare international digits of another country
    // (`447911123456`) be read as a number.
    "reach me",
    "wife's number",
    "husband's number",
    "brother's number",
    "sister's number",
    "mother's number",
    "father's number",
    "friend's number",
    "📞",
    "☎",
    "📱",
    "رقمي",
    "اتصل",
    "تواصل",
    "واتساب",
    "meine nummer",
    "ruf mich an",
    "rückruf",
    "erreichbar unter",
    "festnetz",
    "handynummer",
    "telefonnummer",
    "mobilnummer",
    "mijn nummer",
    "bel me",
    "bel my",
    "bel mij",
    "app me",
    "bereikbaar op",
    "telefoonnummer",
    "numeroni",
    "soita",
    "puh",
    "tavoittaa",
    "puhelin",
    "appelez-moi",
    "rappelez-moi",
    "joindre",
    "tél",
    "fixe",
    "मेरा नंबर",
    "mera number",
    "mera no",
    "का नंबर",
    "कॉल करें",
    "व्हाट्सएप",
    "il mio numero",
    "cellulare",
    "連絡先",
    "연락처",
    "연락주세요",
    "제 번호",
    "내 번호",
    "fixo",
    "liga pra",
    "manda msg",
    "mój numer",
    "moj numer",
    "numer telefonu",
    "мой номер",
    "номер телефона",
    "номер мужа",
    "номер жены",
    "звоните",
    "позвоните",
    "тел",
    "mitt nummer",
    "nås på",
    "namba yangu",
    "simu",
    "ติดต่อ",
    "cp",
    "number ko",
    "text niyo ako",
    "numero ko",
    "numaram",
    "arayın",
    "telefonum",
    "اس نمبر پر",
    "کال کریں",
    "sđt",
    "số của tôi",
    "联系人",
    "联系",
    "微信",
];

/// Mobile-money wallets whose account is the holder's phone number, given
/// as the app shows it, often without the national prefix (`opay
/// 8031234567`, `gcash 9171234567`, `bkash 1712345678`): phone words for a
/// whole mobile number, never for one without its area code (`momo 1500000`
/// is an amount). Not names that are also names or common words elsewhere
/// (`maya`, `wave`, `paga`).
const WALLET_WORDS: &[&str] = &[
    "opay",
    "palmpay",
    "momo",
    "mobile money",
    "mtn money",
    "airtel money",
    "orange money",
    "mpesa",
    "m-pesa",
    "gcash",
    "easypaisa",
    "jazzcash",
    "bkash",
    "nagad",
];

/// Currency signs and codes: a number next to one is an amount.
static CURRENCIES: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₩", "₺", "₽", "₦", "₱", "฿", "₫", "₴", "₪", "r$", "rs", "rs.", "inr",
    "usd", "eur", "gbp", "brl", "mxn", "ars", "clp", "idr", "rp", "rm", "myr", "php", "aed", "sar",
    "egp", "ngn", "kes", "zar", "tl", "rub", "pln", "zł", "s/", "kr", "cad", "aud", "sgd", "jpy",
    "cny", "rmb", "krw", "vnd", "thb", "pkr", "chf", "руб",
];

/// Currencies written out, mostly after the amount (`98765432 reais`), and
/// the Indian and Indonesian words for large amounts: read as [`CURRENCIES`].
static CURRENCY_WORDS: &[&str] = &[
    "reais",
    "pesos",
    "rupees",
    "rupee",
    "rupiah",
    "ringgit",
    "dollars",
    "dólares",
    "dolares",
    "euros",
    "naira",
    "shillings",
    "ksh",
    "baht",
    "soles",
    "dirhams",
    "dirham",
    "riyals",
    "riyal",
    "rubles",
    "рублей",
    "paise",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "juta",
    "ribu",
];

#[derive(Clone, Copy, Debug, Default)]
struct Group {
    /// Byte offsets of the first digit and one past the last digit.
    start: usize,
    end: usize,
    /// Up to `MAX_DIGITS` ASCII digits; `len > MAX_DIGITS` marks a run too
    /// long to be part of any number.
    digits: [u8; MAX_DIGITS],
    len: usize,
    /// The separator before this group (for the first group of a span: the
    /// `+` or `(` that opens it).
    sep: Separator,
    /// Part of a date with a four-digit year.
    in_date: bool,
}

#[derive(Clone, Copy, Debug, Default)]
struct Separator {
    start: usize,
    /// Where a leading `+` is, if the separator holds one.
    plus_at: Option<usize>,
    /// Where a `(` is, if any.
    open_at: Option<usize>,
    closes: u8,
    spaces: u8,
    /// Count and last one of `-`, `.`, `/` and dashes.
    puncts: u8,
    punct: char,
    chars: u8,
}

impl Separator {
    /// Pushes every character of `text[from..to]`.
    fn push_all(&mut self, text: &[u8], from: usize, to: usize) {
        for (k, _, c) in bstr::ByteSlice::char_indices(&text[from..to]) {
            self.push(c, from + k);
        }
    }

    fn push(&mut self, c: char, at: usize) {
        self.chars = self.chars.saturating_add(1);
        match separator(c) {
            Some('+') => self.plus_at = Some(at),
            Some('(') => self.open_at = Some(at),
            Some(')') => self.closes = self.closes.saturating_add(1),
            Some(' ') => self.spaces = self.spaces.saturating_add(1),
            Some(c) => {
                self.puncts = self.puncts.saturating_add(1);
                self.punct = c;
            }
            None => {}
        }
    }

    /// Whether people write this between two groups of one number.
    fn joins_groups(&self) -> bool {
        self.plus_at.is_none()
            && self.chars <= 3
            && self.spaces <= 2
            && self.puncts <= 1
            && self.closes <= 1
    }

    /// A single `-` or `.` with nothing else: the groups around it belong to
    /// one token (a date, a code, a decimal), so a number cannot start or
    /// end there.
    fn is_tight(&self) -> bool {
        self.chars == 1 && self.puncts == 1 && matches!(self.punct, '-' | '.')
    }
}

/// Whether the parentheses between `groups` pair up, with one already open
/// before the first of them if `open`.
fn parentheses_pair_up(open: bool, groups: &[Group]) -> bool {
    let mut depth = i32::from(open);
    for g in groups {
        depth -= i32::from(g.sep.closes);
        if depth < 0 {
            return false;
        }
        depth += i32::from(g.sep.open_at.is_some());
    }
    depth == 0
}

/// The ASCII form of a character that may sit between digit groups of one
/// written number (full-width and typographic variants included: Japanese
/// and Chinese text writes `０９０－１２３４`), or `None`.
pub(crate) fn separator(c: char) -> Option<char> {
    match c {
        '-' | '.' | '/' | '(' | ')' | '+' => Some(c),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
        | '\u{FF0D}' | '\u{30FC}' => Some('-'),
        '\u{FF0E}' => Some('.'),
        '\u{FF0F}' => Some('/'),
        '\u{FF08}' => Some('('),
        '\u{FF09}' => Some(')'),
        '\u{FF0B}' => Some('+'),
        c if text::is_inline_space(c) => Some(' '),
        _ => None,
    }
}

/// What the candidates tried from one group share: the context found
/// before a position, and whether the last candidate was a valid number
/// that a veto word ruled out.
#[derive(Default)]
struct ContextMemo {
    /// `(position, context)`.
    context: std::cell::Cell<Option<(usize, Option<Said>)>>,
    vetoed: std::cell::Cell<bool>,
}

/// What the context word that decides says about a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Said {
    /// A veto word: the number is an order's, an account's …
    Veto,
    /// A phone word.
    Phone,
    /// A mobile-money wallet's name ([`WALLET_WORDS`]): a whole mobile
    /// number, not one without its area code.
    Wallet,
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

/// Context words in one automaton: negative ones first (pattern ids below
/// `negatives`), then phone words, then wallets' names (from `wallets`).
#[derive(Debug)]
struct WordAutomaton {
    automaton: AhoCorasick,
    negatives: usize,
    wallets: usize,
}

impl WordAutomaton {
    fn new(
        negatives: &[String],
        positives: &[String],
        wallets: &[String],
        kind: AhoCorasickKind,
    ) -> WordAutomaton {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(negatives.iter().chain(positives).chain(wallets))
            .expect("context word automaton");
        WordAutomaton {
            automaton,
            negatives: negatives.len(),
            wallets: negatives.len() + positives.len(),
        }
    }

    /// What the word matched as pattern `id` says.
    fn said(&self, id: usize) -> Said {
        if id < self.negatives {
            Said::Veto
        } else if id < self.wallets {
            Said::Phone
        } else {
            Said::Wallet
        }
    }
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
        let negatives = forms(&mut REFERENCE_WORDS.iter().chain(NEGATIVE_WORDS));
        let positives = forms(&mut POSITIVE_WORDS.iter());
        let ascii = |words: &[String]| -> Vec<String> {
            words.iter().filter(|w| w.is_ascii()).cloned().collect()
        };
        let wallets = forms(&mut WALLET_WORDS.iter());
        PhoneDetector {
            context: WordAutomaton::new(
                &negatives,
                &positives,
                &wallets,
                AhoCorasickKind::ContiguousNFA,
            ),
            ascii_context: WordAutomaton::new(
                &ascii(&negatives),
                &ascii(&positives),
                &ascii(&wallets),
                AhoCorasickKind::DFA,
            ),
        }
    }

    /// What the nearest context word that ends before `end` on the same
    /// line says. A phone word right before a comma that opens the number
    /// names it too (`meu zap, 98765-4321`); a veto word there does not,
    /// as the clause before a comma may be about something else.
    fn context_before(&self, text: &[u8], end: usize) -> Option<Said> {
        let (said, stop) = self.clause_context(text, end);
        let comma_opens_number = said.is_none()
            && stop > 0
            && text[stop - 1] == b','
            && text[stop..end].iter().all(|&b| b == b' ');
        if comma_opens_number {
            return self
                .clause_context(text, stop - 1)
                .0
                .filter(|&said| said != Said::Veto);
        }
        said
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
        for m in words.automaton.find_overlapping_iter(window) {
            if !is_whole_word(window, m.start(), m.end()) {
                continue;
            }
            let said = words.said(m.pattern().as_usize());
            let positive = said != Said::Veto;
            let number_sign = matches!(&window[m.start()..m.end()], b"#" | b"\xE2\x84\x96");
            if number_sign
                && positive_end
                    .is_some_and(|e: usize| window[e..m.start()].iter().all(|&b| b == b' '))
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
                if names_something_else(&window[from..to], &window[to..]) =>
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
        for m in words.automaton.find_overlapping_iter(window) {
            if !is_whole_word(window, m.start(), m.end()) {
                continue;
            }
            match words.said(m.pattern().as_usize()) {
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
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&len) || groups.iter().any(|g| g.len > MAX_DIGITS) {
            return false;
        }
        if groups[1..].iter().any(|g| !g.sep.joins_groups())
            || groups.iter().filter(|g| g.len == 1).count() > 2
        {
            return false;
        }
        let weak_date =
            groups.len() == 3 && date_triple(&groups[0], &groups[1], &groups[2]).is_some();
        if weak_date || groups.iter().any(|g| g.in_date) {
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
        let decimal = plus_at.is_none() && open_at.is_none() && is_decimal(text, start, groups);
        // A number glued to a tight separator continues a longer token.
        if (first.start != span.start && first.sep.is_tight() && plus_at.is_none())
            || next.is_some_and(|g| g.sep.is_tight())
        {
            return false;
        }
        let mut digits = [0u8; MAX_DIGITS];
        let mut n = 0;
        for g in groups {
            digits[n..n + g.len].copy_from_slice(&g.digits[..g.len]);
            n += g.len;
        }
        let digits = &digits[..n];
        if is_isbn(text, end, groups, digits) {
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
        let jid = after == Some('@') && is_jid_domain(&text[end + 1..]);
        let link = matches!(before, Some('/' | '=')) && is_whatsapp_link(text, start);
        let mention = before == Some('@')
            && groups.len() == 1
            && is_mention(text, start)
            && !glued_right(text, end, after)
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
            glued_before(before)
                && !(before == Some('/')
                    && (out
                        .last()
                        .is_some_and(|f| f.kind == Kind::Phone && f.end + 1 == start)
                        || ends_an_address(text, start - 1)))
                // `Mob #98765…`, `Ph#98765…`: the sign is the phone word's;
                // `?mobile=98765…`: a form field named for a phone.
                && !(matches!(before, Some('#' | '='))
                    && self
                        .context_memo(text, start, memo)
                        .is_some_and(|said| said != Said::Veto))
        };
        // An extension typed against the number (`+1-780-563-6083x7783`,
        // how US and Canadian signatures give an office line) leaves it
        // whole; a bare run before an `x` is more often a quantity or a
        // size (`9876543x2`), so only a number with a `+` or separators.
        let extended = || (plus_at.is_some() || groups.len() > 1) && extension_at(text, end);
        if form != Form::WhatsApp && (glued_left || (glued_right(text, end, after) && !extended()))
        {
            return false;
        }
        let found = match form {
            Form::WhatsApp => whatsapp.map(|(code, nsn)| (code, nsn, CONF_WHATSAPP)),
            Form::Plus => TABLES
                .parse_international(digits, true)
                .or_else(|| TABLES.parse_legacy_mobile(digits, false))
                .map(|(code, nsn)| (code, nsn, CONF_INTERNATIONAL)),
            // Amounts and context are checked only once the digits are a
            // valid number: they cost more than validation rejects.
            Form::Plain => self
                .plain(ctx, start, end, digits, groups, memo)
                .filter(|_| !near_currency(text, start, end)),
        };
        let Some((code, nsn, confidence)) = found else {
            return false;
        };
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
            let (code, nsn) = TABLES.parse_international(digits, false)?;
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
        None
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

impl Detector for PhoneDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::Phone]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // Every candidate needs MIN_DIGITS digits, so as many bytes: most
        // spans (prices, times, OTPs) are shorter.
        if span.end - span.start < MIN_DIGITS {
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
        let code = matches!(left, Some(c) if is_latin_letter(c))
            && !opens
            && !encoded_plus_before(text, span.start)
            && !text::escape_ends_at(text, span.start)
            && carrier_placeholder_before(text, span.start).is_none();
        if code {
            // A code ends where a sentence does, or where a `+` or `(`
            // opens a number: in `TXN330… 080 6975 5969`, `…E7Z7 - +91
            // 74263 30562` and `HOQ3295656 - (076595) 60257` the number
            // after the code stands by itself.
            if let Some(next) = after_sentence_end(text, span) {
                self.detect(
                    ctx,
                    Span {
                        start: next,
                        end: span.end,
                    },
                    out,
                );
            }
            return;
        }
        if looks_like_ipv4(text, span) {
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
        if singles >= MIN_DIGITS {
            self.spaced_digits(ctx, span, out);
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
    /// Numbers written one digit at a time (`9 8 7 6 5 4 3 2 1 0`,
    /// `9-8-7-6-…`), as people do to slip a number past a filter: seven or
    /// more single digits, each pair joined by the same one separator, are
    /// tried as one group. Grouped reading refuses them (more than two
    /// single-digit groups is no way to write a number).
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

/// Whether a context word found at `start..end` of `window` stands as a
/// whole word: keywords start a word ("shopping" holds no "pin"; scripts
/// without spaces, Chinese and Japanese, have no word starts) and end one.
#[inline]
fn is_whole_word(window: &[u8], start: usize, end: usize) -> bool {
    let spaced = char_at(window, start).0.is_some_and(is_latin_letter);
    let at_word_start =
        !spaced || !matches!(char_before(window, start).0, Some(c) if is_alphanumeric(c));
    let is_symbol = !window[start].is_ascii_alphanumeric() && window[start] < 0x80;
    let at_word_end =
        is_symbol || !matches!(char_at(window, end).0, Some(c) if is_alphabetic(c) && c.is_ascii());
    at_word_start && at_word_end
}

/// Whether the word right before `start` (past a `:` and spaces; `C.P.`
/// reads as `cp`) is one that names a phone in one market and a postcode
/// in others:
/// Turkish `cep` (a mobile) is Brazil's `CEP 59763-343`, Filipino `cp` (a
/// cellphone) the Spanish and French `CP 47002`. Either is phone word
/// enough for a whole number, not for one without its area code, which a
/// postcode's digits often make.
fn after_postcode_word(text: &[u8], start: usize) -> bool {
    let before = text[..start].trim_ascii_end();
    let before = before.strip_suffix(b":").unwrap_or(before).trim_ascii_end();
    let word_start = before
        .iter()
        .rposition(|b| !(b.is_ascii_alphabetic() || *b == b'.'))
        .map_or(0, |i| i + 1);
    let mut letters = before[word_start..].iter().filter(|&&b| b != b'.');
    let mut word = [0u8; 3];
    let mut len = 0;
    for &b in letters.by_ref().take(word.len()) {
        word[len] = b.to_ascii_lowercase();
        len += 1;
    }
    letters.next().is_none() && matches!(&word[..len], b"cep" | b"cp")
}

/// The group of two or more digits that opens `span` with a `+` and ends
/// one separator before `at`, if there is one (`+91 ` before `9 8 7 6 …`).
fn opening_group(text: &[u8], span: Span, at: usize) -> Option<Group> {
    let before = &text[span.start..at];
    let first = before.iter().position(u8::is_ascii_digit)?;
    let len = before[first..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = first + len;
    let plus = before[..first].contains(&b'+');
    if !plus || !(2..=3).contains(&len) || end + 1 != before.len() {
        return None;
    }
    let mut group = Group {
        start: span.start + first,
        end: span.start + end,
        len,
        ..Group::default()
    };
    group.digits[..len].copy_from_slice(&before[first..end]);
    Some(group)
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

/// Whether `at` digits into the candidate written as `groups` is the end
/// of a group or falls in the last one (`00 919876543210`).
fn ends_a_group(groups: &[Group], at: usize) -> bool {
    let mut end = 0;
    for (i, g) in groups.iter().enumerate() {
        end += g.len;
        if end >= at {
            return end == at || i + 1 == groups.len();
        }
    }
    false
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
fn glued_before(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_latin_letter(c) || is_numeric(c)
        || matches!(c, '_' | '#' | '@' | '$' | '€' | '£' | '¥' | '₹' | '%' | '&' | '=' | '/' | '\\' | '№' | crate::policy::mask::BULLET))
}

/// Words for "number" that open a clause about a phone number after a
/// full stop (`… for verification. New number: 0470 164 089`).
const NUMBER_WORDS: &[&str] = &[
    "number",
    "no",
    "nr",
    "num",
    "numero",
    "número",
    "numéro",
    "nummer",
    "numer",
    "numara",
    "nomor",
    "nombor",
    "номер",
    "số",
    "नंबर",
    "رقم",
];

/// Whether the `gap` between a `veto` word and a number shows the veto word
/// to be about something else: a sentence ends in it and a word for
/// "number" follows, or a code (six or more capital letters) stands in it
/// (unless the veto word is in capitals too: `ORDER SHIPPED 1234…` is
/// shouted, not coded).
fn names_something_else(veto: &[u8], gap: &[u8]) -> bool {
    let shouted =
        veto.iter().any(u8::is_ascii_uppercase) && !veto.iter().any(u8::is_ascii_lowercase);
    let mut sentence_ended = false;
    // The characters of the word just read: a full stop after a short one
    // is an abbreviation's (`Ref. no. 9876…`, `Tel. …`), not a sentence's.
    let mut last_word = bstr::ByteSlice::chars(veto).count();
    let mut i = 0;
    while i < gap.len() {
        let (c, w) = char_at(gap, i);
        let w = w.max(1);
        match c {
            Some(c) if is_alphabetic(c) => {
                let mut j = i;
                while let (Some(c), w) = char_at(gap, j) {
                    if !is_alphabetic(c) || w == 0 {
                        break;
                    }
                    j += w;
                }
                let word = &gap[i..j];
                let number_word = NUMBER_WORDS
                    .iter()
                    .any(|n| n.as_bytes().eq_ignore_ascii_case(word));
                let code = !shouted
                    && !number_word
                    && word.len() >= 6
                    && word.iter().all(u8::is_ascii_uppercase);
                if code || (sentence_ended && number_word) {
                    return true;
                }
                last_word = bstr::ByteSlice::chars(word).count();
                i = j;
            }
            Some('.') => {
                let dots = gap[i..].iter().take_while(|&&b| b == b'.').count();
                sentence_ended |= (last_word > 4 || dots >= 3)
                    && gap.get(i + dots).is_none_or(u8::is_ascii_whitespace);
                last_word = 0;
                i += dots;
            }
            Some('…' | '。') => {
                sentence_ended = true;
                i += w;
            }
            _ => {
                last_word = 0;
                i += w;
            }
        }
    }
    false
}

/// Where the span goes on after a full stop or an ellipsis followed by
/// white space (`. `, `… `), or at a `+` or `(` after white space, if it
/// does.
fn after_sentence_end(text: &[u8], span: Span) -> Option<usize> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let inside = &text[span.start..span.end];
    (0..inside.len()).find_map(|i| {
        // A `+` or `(` after white space opens a number of its own
        // (`HOQ3295656 - (076595) 60257`).
        if matches!(inside[i], b'+' | b'(') && i > 0 && inside[i - 1].is_ascii_whitespace() {
            return Some(span.start + i);
        }
        let stop = if inside[i] == b'.' {
            i + 1
        } else if inside[i..].starts_with(ELLIPSIS) {
            i + ELLIPSIS.len()
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

/// Whether the `/` at `at` ends an e-mail address: contact details listed
/// with slashes (`ravi@gmail.com/9876543210`) start a number after it.
fn ends_an_address(text: &[u8], at: usize) -> bool {
    let word = &text[at.saturating_sub(254)..at];
    let word = &word[word
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(0, |p| p + 1)..];
    word.iter().rposition(|&b| b == b'@').is_some_and(|a| {
        let domain = &word[a + 1..];
        a > 0 && domain.contains(&b'.') && !domain.contains(&b'/')
    })
}

/// `@s.whatsapp.net` and `@c.us` follow a phone number in WhatsApp JIDs.
fn is_jid_domain(after_at: &[u8]) -> bool {
    let rest = |d: &[u8]| {
        after_at.len() >= d.len()
            && after_at[..d.len()].eq_ignore_ascii_case(d)
            && !matches!(after_at.get(d.len()), Some(b) if b.is_ascii_alphanumeric() || *b == b'-')
    };
    rest(b"s.whatsapp.net") || rest(b"c.us")
}

/// Whether `%2B`, a `+` encoded in a link, ends at `at`.
#[inline]
fn encoded_plus_before(text: &[u8], at: usize) -> bool {
    at >= 3 && text[at - 1] | 0x20 == b'b' && text[at - 2] == b'2' && text[at - 3] == b'%'
}

/// Whether the `@` before the digits at `start` mentions a group member:
/// WhatsApp writes a mention into the message's text as `@` and the
/// member's number in international digits (`@919876543210 please call`).
/// The `@` must start a word: after a letter, a digit or a sign that goes
/// on in an e-mail address's local part (`ravi@98…`, `a.b@98…`) it is an
/// address's or a handle's.
fn is_mention(text: &[u8], start: usize) -> bool {
    let at = start - 1;
    !text::escape_ends_at(text, at)
        && !char_before(text, at).0.is_some_and(|c| {
            is_alphanumeric(c) || matches!(c, '.' | '_' | '-' | '+' | '%' | '\'' | '@' | '/' | '=')
        })
}

/// Whether a `.` or `-` at `end` goes on with letters or digits: the digits
/// after an `@` then open a domain (`ops@1234567890.in`), not a mention.
fn continues_a_domain(text: &[u8], end: usize) -> bool {
    matches!(text.get(end), Some(b'.' | b'-'))
        && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// `wa.me/…`, `api.whatsapp.com/send?phone=…` and `whatsapp://send?phone=…`;
/// a business's catalog link, `wa.me/c/…`; and the `waid=…` of a contact
/// card shared in a chat (`TEL;type=CELL;waid=919876543210:+91 98765 43210`).
fn is_whatsapp_link(text: &[u8], start: usize) -> bool {
    // Viber's links hold international digits too, with or without `+`.
    [
        &b"wa.me/"[..],
        b"wa.me/c/",
        b"phone=",
        b"waid=",
        b"viber://add?number=",
        b"viber://chat?number=",
        b"viber://contact?number=",
    ]
    .iter()
    .any(|form| ends_with_ignore_case(text, start, form))
}

/// Whether three consecutive groups form a date written with one separator
/// (`12/03/2024`, `2024-03-12`, `12.03.24`): `Some(true)` with a four-digit
/// year, `Some(false)` with a two-digit one (weak: `06.12.34.56.78` is a
/// French number).
fn date_triple(a: &Group, b: &Group, c: &Group) -> Option<bool> {
    let value = |g: &Group| {
        g.digits[..g.len.min(4)]
            .iter()
            .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'))
    };
    let (s1, s2) = (b.sep, c.sep);
    let one_punct = |s: Separator| s.chars == 1 && s.puncts == 1;
    if !one_punct(s1)
        || !one_punct(s2)
        || s1.punct != s2.punct
        || !matches!(s1.punct, '/' | '.' | '-')
    {
        return None;
    }
    let day_month = |g: &Group| (1..=2).contains(&g.len) && (1..=31).contains(&value(g));
    let year = |g: &Group| g.len == 2 || (g.len == 4 && (1900..=2100).contains(&value(g)));
    if day_month(a) && day_month(b) && year(c) {
        Some(c.len == 4)
    } else if a.len == 4 && year(a) && day_month(b) && day_month(c) {
        Some(true)
    } else {
        None
    }
}

/// Whether two groups joined by one `.` read as a decimal number: a
/// coordinate or a measure (`23.6683665`, `-83.419569`: one or two digits,
/// a dot and the rest, without a trunk `0`), or an amount (`41731757.7`: a
/// last group of one or two digits after a dot). A minus sign glued before
/// it makes three integer digits a decimal too. The caller still reads one
/// after a phone word.
fn is_decimal(text: &[u8], start: usize, groups: &[Group]) -> bool {
    let [whole, fraction] = groups else {
        return false;
    };
    if !(fraction.sep.is_tight() && fraction.sep.punct == '.') {
        return false;
    }
    let minus = start > 0
        && text[start - 1] == b'-'
        && (start < 2 || !text[start - 2].is_ascii_alphanumeric());
    let short_whole = whole.len <= 2 && whole.digits[0] != b'0';
    short_whole || fraction.len <= 2 || (minus && whole.len <= 3)
}

/// Whether the groups are an ISBN-10 written with hyphens (`0-7421-8096-4`,
/// `650-61780-0`, an old nine-character SBN): three or four groups joined
/// by single `-`, the last one the check digit, and the check holds. A
/// phone number is not written with a one-digit last group, so a number
/// lost here passed a check it had no reason to pass (one in eleven).
/// The check may be an `X` after the digits (`84-470-1746-X`).
fn is_isbn(text: &[u8], end: usize, groups: &[Group], digits: &[u8]) -> bool {
    // The cheap test first: this runs for every candidate.
    if groups[groups.len() - 1].len != 1 && text.get(end) != Some(&b'-') {
        return false;
    }
    let hyphenated = groups[1..]
        .iter()
        .all(|g| g.sep.is_tight() && g.sep.punct == '-');
    if !hyphenated || !(2..=4).contains(&groups.len()) {
        return false;
    }
    let check_x = matches!(text.get(end..end + 2), Some([b'-', b'X' | b'x']))
        && !text.get(end + 2).is_some_and(u8::is_ascii_alphanumeric);
    if check_x {
        let n = digits.len() + 1;
        let mut chars = [b'X'; 10];
        if n > chars.len() {
            return false;
        }
        chars[..n - 1].copy_from_slice(digits);
        return crate::checksum::isbn10_valid(&chars[..n]);
    }
    groups.len() >= 3 && groups[groups.len() - 1].len == 1 && crate::checksum::isbn10_valid(digits)
}

/// Whether `text[start..end]` lies inside a UUID (`8-4-4-4-12` hexadecimal
/// digits: `4ecf271c-5054-4969-a604-e4c57472aafb` holds `5054-4969`, a
/// Danish number).
fn within_uuid(text: &[u8], start: usize, end: usize) -> bool {
    use crate::detect::pix::{is_uuid, UUID_LEN as LEN};
    let part = |b: u8| b.is_ascii_hexdigit() || b == b'-';
    let mut from = start;
    while from > start.saturating_sub(LEN) && part(text[from - 1]) {
        from -= 1;
    }
    let to = (end..text.len().min(end + LEN))
        .find(|&i| !part(text[i]))
        .unwrap_or(text.len().min(end + LEN));
    (from..=start)
        .filter(|&at| at + LEN >= end && at + LEN <= to)
        .any(|at| is_uuid(&text[at..at + LEN]))
}

/// Keeps the group read at `window[*held]`, marking the groups of a date
/// with a four-digit year so that no candidate uses them.
fn close_group(window: &mut [Group; WINDOW], held: &mut usize) {
    let h = *held;
    // A date stands by itself: three groups that go on from a group before
    // them, joined as tightly (`+54-9-11-2070-6136`), are not one.
    if h >= 2
        && !window[h - 2].sep.is_tight()
        && date_triple(&window[h - 2], &window[h - 1], &window[h]) == Some(true)
    {
        window[h - 2].in_date = true;
        window[h - 1].in_date = true;
        window[h].in_date = true;
    }
    *held += 1;
}

/// `76.215.207.99`: four dotted groups of at most three digits, each at most
/// 255, is an IPv4 address (the IP detector decides), not a phone number.
/// Addresses are not written with leading zeros; Swedish numbers can be
/// (`08.14.27.74`, `070.132.81.56`).
fn looks_like_ipv4(text: &[u8], span: Span) -> bool {
    let s = &text[span.start..span.end];
    let mut parts = 0;
    for part in s.split(|&b| b == b'.') {
        parts += 1;
        let small = !part.is_empty()
            && part.len() <= 3
            && part.iter().all(u8::is_ascii_digit)
            && (part.len() == 1 || part[0] != b'0');
        if parts > 4 || !small || part.iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0')) > 255
        {
            return false;
        }
    }
    parts == 4
}

/// Four groups of four digits (or Amex 4-6-5) read as a card, valid or not;
/// the card detector decides, and no phone number hides in its pieces.
/// `groups` are all the digit runs of the span (digits of every script
/// count: a phone number in Arabic-Indic digits after a card, `4111 … 1111
/// -٠١٠…`, is not part of it).
fn looks_like_card(groups: &[Group]) -> bool {
    let mut sizes = [0usize; 5];
    if groups.len() > sizes.len() {
        return false;
    }
    for (size, g) in sizes.iter_mut().zip(groups) {
        *size = g.len;
    }
    matches!(
        &sizes[..groups.len()],
        [4, 4, 4, 4] | [4, 4, 4, 4, 1..=3] | [4, 6, 5] | [4, 6, 4]
    )
}

/// Whether a currency sign or code sits right before or after the number.
fn near_currency(text: &[u8], start: usize, end: usize) -> bool {
    let trim_back = |mut at: usize| {
        while at > 0 && text[at - 1] == b' ' {
            at -= 1;
        }
        at
    };
    let before = trim_back(start);
    let before_ok = |cur: &str| {
        ends_with_ignore_case(text, before, cur.as_bytes())
            && !matches!(char_before(text, before - cur.len()).0, Some(c) if is_alphabetic(c) && cur.as_bytes()[0].is_ascii_alphabetic())
    };
    let mut after = end;
    while text.get(after) == Some(&b' ') {
        after += 1;
    }
    // A currency after the number is its unit, unless an amount of its own
    // follows ("call 02144422175 Rs 3,790 sent", "… Rs. 70,230.00", "… Rs:500").
    let after_ok = |cur: &str| {
        let mut next = after + cur.len();
        if matches!(text.get(next), Some(b'.' | b':')) {
            next += 1;
        }
        while text.get(next) == Some(&b' ') {
            next += 1;
        }
        text::starts_with_ignore_case(text, after, cur.as_bytes())
            && !matches!(char_at(text, after + cur.len()).0, Some(c) if is_alphabetic(c))
            && !matches!(char_at(text, next).0, Some(c) if digit_value(c).is_some())
    };
    // Only the currencies that end with the byte before (start with the
    // byte after) can match: most numbers have no candidate at all.
    let by_last = before.checked_sub(1).map_or(&[][..], |i| {
        &CURRENCY_INDEX.by_last[usize::from(text[i].to_ascii_lowercase())]
    });
    let by_first = text.get(after).map_or(&[][..], |&b| {
        &CURRENCY_INDEX.by_first[usize::from(b.to_ascii_lowercase())]
    });
    by_last.iter().any(|cur| before_ok(cur)) || by_first.iter().any(|cur| after_ok(cur))
}

/// [`CURRENCIES`] and [`CURRENCY_WORDS`] by their last and by their first
/// byte (ASCII lower case).
struct CurrencyIndex {
    by_last: [Vec<&'static str>; 256],
    by_first: [Vec<&'static str>; 256],
}

static CURRENCY_INDEX: Lazy<CurrencyIndex> = Lazy::new(|| {
    let by = |byte: fn(&str) -> u8| {
        std::array::from_fn(|b| {
            CURRENCIES
                .iter()
                .chain(CURRENCY_WORDS)
                .copied()
                .filter(|cur| usize::from(byte(cur).to_ascii_lowercase()) == b)
                .collect()
        })
    };
    CurrencyIndex {
        by_last: by(|cur| cur.as_bytes()[cur.len() - 1]),
        by_first: by(|cur| cur.as_bytes()[0]),
    }
});

#[cfg(test)]
mod tests;
