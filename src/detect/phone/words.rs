//! The words around a number that decide what it is: veto words (an
//! order's, an account's, an identifier's number), phone words, the names
//! of mobile-money wallets, and the tests of where such a word stands
//! (a whole word, a postcode's word, a sentence that moved on).
//!
//! The lists are data; [`WordAutomaton`] searches them all in one pass over
//! the window before a number.

use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Match;

use crate::detect::overlapping::{Overlapping, Words};
use crate::text::{char_at, char_before, is_alphabetic, is_alphanumeric, is_latin_letter};

/// Veto words of phone numbers only, on top of the shared
/// [`REFERENCE_WORDS`](crate::detect::context::REFERENCE_WORDS) (after either, a number is not a phone number unless
/// written with `+`): words that name an account, an identifier or a
/// numbered thing, which the ID detectors read as their own keywords.
///
/// Not "verification" alone: "for verification 98765 43210" gives a number
/// to check; "verification code 482913" is vetoed by "code".
pub(super) const NEGATIVE_WORDS: &[&str] = &[
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
pub(super) const POSITIVE_WORDS: &[&str] = &[
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
    // Brazil's short word in ads and signatures (`Fone: (11) 3456-7890`,
    // `fone/whats`); "earphones" too, but no number follows those.
    "fone",
    "contact",
    "whatsapp",
    "whats app",
    "whats",
    "wa",
    "zap",
    // WhatsApp as it is typed: Spanish America's `wsp`, `wasap`,
    // `guasap`; Brazil's `wpp`, `zapzap`; and the usual misspellings.
    "wsp",
    "wasap",
    "guasap",
    "whatsap",
    "watsap",
    "watsapp",
    "wats",
    "uatsap",
    "wpp",
    "zapzap",
    "zapp",
    "w/a",
    "📲",
    "sms",
    "text me",
    "txt me",
    "msg me",
    "message me",
    "hit me up",
    "hmu",
    "ping me",
    "ring",
    "my number",
    "my no",
    "my nommer",
    "میرا نمبر",
    "واٹس ایپ",
    "new number",
    "new no",
    // `pay the amount at this number (7798831904)`: a number pointed at
    // is one to call or pay, whatever named an amount before it.
    "this number",
    "this no",
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
    // Indonesian SMS and chat abbreviate "hubungi" (contact) and "telepon"
    // (the Indonesian SMS Spam Collection: `Info Hub: 0852…`, `tlp 0813…`).
    "hub",
    "tlp",
    "tlpn",
    "telpon",
    "फोन",
    // With the nukta, as many keyboards write it; mobile (Hindi and
    // Marathi spellings); contact.
    "फ़ोन",
    "मोबाइल",
    "मोबाईल",
    "संपर्क",
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
    "me liga",
    "me chama",
    "me add",
    "me adiciona",
    "manda msg",
    // Spanish beyond the dictionary: Argentina's `celu` and voseo
    // (`escribime`, `llamá`). Not `fijo` (a landline, but a `plazo fijo`
    // is a term deposit and a `precio fijo` a price).
    "celu",
    "escríbeme",
    "escribeme",
    "escribime",
    "llamá",
    "agendame",
    "agéndame",
    "mandame un mensaje",
    "mándame un mensaje",
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
    // Mobile networks, named beside a number to say which line it is
    // (`MTN: 0803…`, `glo08078191187`, `Jio 98…`): Nigeria, Ghana, Kenya,
    // South Africa, India, Pakistan, Bangladesh, Indonesia, the
    // Philippines. Not names that are everyday words (`Jazz`, `Smart`,
    // `Tri`, `XL`, `Vi`).
    "mtn",
    "glo",
    "airtel",
    "9mobile",
    "etisalat",
    "safaricom",
    "vodacom",
    "jio",
    "bsnl",
    "zong",
    "ufone",
    "telenor",
    "grameenphone",
    "banglalink",
    "telkomsel",
    "indosat",
    "globe",
    // Markets whose words were missing (2026-12-04): Bengali, Urdu,
    // Persian, Hausa, Yoruba, Malay, Tagalog, Tamil, Telugu, Sinhala,
    // Amharic, Hebrew, Burmese, Khmer: phone, mobile, my number, call me.
    "ফোন",
    "মোবাইল",
    "আমার নম্বর",
    "যোগাযোগ",
    "হোয়াটসঅ্যাপ",
    "فون",
    "موبائل",
    "رابطہ",
    "تلفن",
    "موبایل",
    "شماره من",
    "شماره تماس",
    "lambar waya",
    "lambata",
    "kira ni",
    "nọmba mi",
    "nomba mi",
    "nombor saya",
    "nombor telefon",
    "tawagan",
    "தொலைபேசி",
    "கைபேசி",
    "ఫోన్",
    "దూరవాణి",
    "දුරකථන",
    "ስልክ",
    "טלפון",
    "נייד",
    "ဖုန်း",
    "ទូរស័ព្ទ",
];

/// Mobile-money wallets whose account is the holder's phone number, given
/// as the app shows it, often without the national prefix (`opay
/// 8031234567`, `gcash 9171234567`, `bkash 1712345678`): phone words for a
/// whole mobile number, never for one without its area code (`momo 1500000`
/// is an amount). Not names that are also names or common words elsewhere
/// (`maya`, `wave`, `paga`).
pub(super) const WALLET_WORDS: &[&str] = &[
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
    "বিকাশ",
    "নগদ",
    // India's UPI apps, Indonesia's and Thailand's wallets, Egypt's and
    // Tanzania's mobile money: each account is the holder's number.
    "paytm",
    "phonepe",
    "gpay",
    "google pay",
    "gopay",
    "ovo",
    "shopeepay",
    "linkaja",
    "promptpay",
    "พร้อมเพย์",
    "vodafone cash",
    "tigo pesa",
];

/// What the context word that decides says about a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Said {
    /// A veto word: the number is an order's, an account's …
    Veto,
    /// A phone word.
    Phone,
    /// A mobile-money wallet's name ([`WALLET_WORDS`]): a whole mobile
    /// number, not one without its area code.
    Wallet,
}

/// Context words in one automaton: negative ones first (pattern ids below
/// `negatives`, the first `upper` of them veto words only in capitals),
/// then phone words, then wallets' names (from `wallets`).
#[derive(Debug)]
pub(super) struct WordAutomaton {
    automaton: Walk,
    upper: usize,
    negatives: usize,
    wallets: usize,
}

/// The automaton of a [`WordAutomaton`], walked a byte at a time (see
/// [`crate::detect::overlapping`]): the windows before a number are a few
/// dozen bytes, over which the search API's set-up per call costs more
/// than the steps.
#[derive(Debug)]
enum Walk {
    /// The ASCII words: few enough for a DFA.
    Dfa(Words<DFA>),
    /// Every word, of every script.
    Nfa(Words<NFA>),
}

/// The iterator of [`WordAutomaton::matches`].
pub(super) enum Matches<'a> {
    Dfa(Overlapping<'a, DFA>),
    Nfa(Overlapping<'a, NFA>),
}

impl Iterator for Matches<'_> {
    type Item = Match;

    #[inline]
    fn next(&mut self) -> Option<Match> {
        match self {
            Matches::Dfa(m) => m.next(),
            Matches::Nfa(m) => m.next(),
        }
    }
}

impl WordAutomaton {
    /// The automaton of the words, a DFA when `dfa` (see [`Walk`]).
    pub(super) fn new(
        upper_negatives: &[String],
        negatives: &[String],
        positives: &[String],
        wallets: &[String],
        dfa: bool,
    ) -> WordAutomaton {
        let words = upper_negatives
            .iter()
            .chain(negatives)
            .chain(positives)
            .chain(wallets);
        let automaton = if dfa {
            Walk::Dfa(Words::dfa(words))
        } else {
            Walk::Nfa(Words::new(words))
        };
        let upper = upper_negatives.len();
        WordAutomaton {
            automaton,
            upper,
            negatives: upper + negatives.len(),
            wallets: upper + negatives.len() + positives.len(),
        }
    }

    /// Every word in `window`, overlapping ones included, by where it ends
    /// (as `AhoCorasick::find_overlapping_iter` reports them).
    #[inline]
    pub(super) fn matches<'a>(&'a self, window: &'a [u8]) -> Matches<'a> {
        match &self.automaton {
            Walk::Dfa(words) => Matches::Dfa(words.overlapping(window)),
            Walk::Nfa(words) => Matches::Nfa(words.overlapping(window)),
        }
    }

    /// What the word matched as pattern `id` says.
    pub(super) fn said(&self, id: usize) -> Said {
        if id < self.negatives {
            Said::Veto
        } else if id < self.wallets {
            Said::Phone
        } else {
            Said::Wallet
        }
    }

    /// Whether `matched`, found as pattern `id`, is written in the case its
    /// word requires (capitals for the first `upper` patterns).
    pub(super) fn case_fits(&self, id: usize, matched: &[u8]) -> bool {
        id >= self.upper || !matched.iter().any(u8::is_ascii_lowercase)
    }
}

/// Whether a context word found at `start..end` of `window` stands as a
/// whole word: keywords start a word ("shopping" holds no "pin"; scripts
/// without spaces, Chinese and Japanese, have no word starts) and end one.
#[inline]
pub(super) fn is_whole_word(window: &[u8], start: usize, end: usize) -> bool {
    let spaced = char_at(window, start).0.is_some_and(is_latin_letter);
    let at_word_start =
        !spaced || !matches!(char_before(window, start).0, Some(c) if is_alphanumeric(c));
    let is_symbol = !window[start].is_ascii_alphanumeric() && window[start] < 0x80;
    let at_word_end =
        is_symbol || !matches!(char_at(window, end).0, Some(c) if is_alphabetic(c) && c.is_ascii());
    at_word_start && at_word_end
}

/// Whether the word at `start` of `window` is a label of a domain name
/// (`www.hquarters.co.id`, `shop.example.ph`): it follows a dot glued to
/// the label before it, in a token of two dots or more, or of a link. A
/// dot between two words alone (`Cust.ID`, `Ref.No`) keeps the word.
pub(super) fn is_domain_label(window: &[u8], start: usize) -> bool {
    if start < 2 || window[start - 1] != b'.' || !window[start - 2].is_ascii_alphanumeric() {
        return false;
    }
    let token = &window[..start];
    let token = &token[token
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(0, |p| p + 1)..];
    token.iter().filter(|&&b| b == b'.').count() >= 2 || crate::text::within_link(window, start)
}

/// Whether the word right before `start` (past a `:` and spaces; `C.P.`
/// reads as `cp`) is one that names a phone in one market and a postcode
/// in others, or `start` opens a ZIP+4 code after a state's code
/// ([`zip_plus_four_after_state`]):
/// Turkish `cep` (a mobile) is Brazil's `CEP 59763-343`, Filipino `cp` (a
/// cellphone) the Spanish and French `CP 47002`. Either is phone word
/// enough for a whole number, not for one without its area code, which a
/// postcode's digits often make.
pub(super) fn after_postcode_word(text: &[u8], start: usize) -> bool {
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
        || zip_plus_four_after_state(text, start)
}

/// The two-letter codes of the United States' states and of its capital.
const US_STATES: &[&[u8; 2]] = &[
    b"AL", b"AK", b"AZ", b"AR", b"CA", b"CO", b"CT", b"DE", b"FL", b"GA", b"HI", b"ID", b"IL",
    b"IN", b"IA", b"KS", b"KY", b"LA", b"ME", b"MD", b"MA", b"MI", b"MN", b"MS", b"MO", b"MT",
    b"NE", b"NV", b"NH", b"NJ", b"NM", b"NY", b"NC", b"ND", b"OH", b"OK", b"OR", b"PA", b"RI",
    b"SC", b"SD", b"TN", b"TX", b"UT", b"VT", b"VA", b"WA", b"WV", b"WI", b"WY", b"DC",
];

/// Whether `start` opens a ZIP+4 code (`98109-5210`) right after a state's
/// code and its city's comma, as a US address ends (`Seattle, WA
/// 98109-5210`): `WA` is also WhatsApp's (`meu WA 98109-5210`), and the
/// digits make a local Brazilian mobile.
fn zip_plus_four_after_state(text: &[u8], start: usize) -> bool {
    let zip = text.get(start..start + 10).is_some_and(|z| {
        z[..5].iter().all(u8::is_ascii_digit)
            && z[5] == b'-'
            && z[6..].iter().all(u8::is_ascii_digit)
    }) && !text.get(start + 10).is_some_and(u8::is_ascii_digit);
    let before = text[..start].trim_ascii_end();
    zip && before.len() < start
        && US_STATES.iter().any(|state| before.ends_with(*state))
        && before[..before.len() - 2].trim_ascii_end().ends_with(b",")
}

/// Words for "number" that open a clause about a phone number after a
/// full stop (`… for verification. New number: 0470 164 089`).
pub(super) const NUMBER_WORDS: &[&str] = &[
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

/// Veto words that name an account, whose number the bank-account
/// detector reads when it follows the word closely.
const ACCOUNT_WORDS: &[&str] = &["account", "acct", "a/c", "conta", "cuenta"];

/// Short words that join an account word to its number (`account no. is`,
/// `número da conta`), beside the words for "number".
const ACCOUNT_CONNECTORS: &[&str] = &["is", "de", "da", "do", "the", "my", "your", "ur"];

/// Whether an account word (`veto`) is too far from the number, two words
/// or more other than a word for "number" or a connector standing between
/// (`Account Statement for 0774…`, `account linked with 98…`, `your A/c
/// and sent to 98…`): the number is then not the account's own, which the
/// bank-account detector reads after the word alone or a bank's name, but
/// one the sentence goes on to; the veto does not hold.
pub(super) fn account_word_far(veto: &[u8], gap: &[u8]) -> bool {
    ACCOUNT_WORDS
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(veto))
        && words_outside(gap, &[NUMBER_WORDS, ACCOUNT_CONNECTORS])
            .nth(1)
            .is_some()
}

/// The words of `gap` (its runs of ASCII letters) that are in none of
/// `lists`: what stands between a veto word and a number other than the
/// words that join them.
fn words_outside<'a>(gap: &'a [u8], lists: &'a [&[&str]]) -> impl Iterator<Item = &'a [u8]> + 'a {
    gap.split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(move |word| {
            !lists
                .iter()
                .flat_map(|list| list.iter())
                .any(|n| n.as_bytes().eq_ignore_ascii_case(word))
        })
}

/// Words that may stand between a price word and its amount (`price is`,
/// `salary approx`, `rent per month`, `preço de`), beside the words for
/// "number" and the account connectors.
const AMOUNT_CONNECTORS: &[&str] = &[
    "of", "rs", "inr", "usd", "approx", "around", "about", "upto", "up", "only", "per", "month",
    "pm", "range", "between", "from", "expected", "total", "min", "max", "was", "will", "be",
    "hai", "ka", "ki", "es", "e", "el", "la", "o", "a", "le", "por", "mes", "mensal", "mensual",
];

/// Whether a price word (`veto`) names something other than the number, a
/// word standing between them that neither joins nor qualifies an amount
/// (`price details 9876543210 pe bhejo`, `preço e fotos no 11 98765-4321`,
/// `amount bhejne ke baad 98…`): the number is then not the amount, which
/// follows the word closely (`price 45000`, `salary approx 92500-97500`),
/// but one the sentence goes on to; the veto does not hold.
pub(super) fn price_word_far(veto: &[u8], gap: &[u8]) -> bool {
    // The gap first: nearly every veto word stands right before its
    // number (`order 4821…`, `Ref: …`), and the price words are many.
    words_outside(gap, &[NUMBER_WORDS, ACCOUNT_CONNECTORS, AMOUNT_CONNECTORS])
        .next()
        .is_some()
        && super::is_price_word(veto)
}

/// Prepositions that point at whom something goes to or comes from.
const RECIPIENT_WORDS: &[&str] = &[
    "to", "from", "by", "with", "ke", "dari", "para", "pe", "al", "ao", "an", "au",
];

/// Whether a veto word's phrase goes on to a recipient or a sender before
/// the number: two words or more between them, the last a preposition of
/// [`RECIPIENT_WORDS`] (`OTP sent to 98…`, `invoice sent to 98…`, `order
/// placed by 98…`, `kode dikirim ke 0812…`), or such a preposition and a
/// name (`send the parcel to Ramesh 098…`). The veto word names the code,
/// the order or the invoice; the number is whom it went to.
pub(super) fn goes_to_recipient(gap: &[u8]) -> bool {
    // The preposition stands apart from the number (not `order no.
    // AN-6115982`, a code's letters).
    if !gap
        .last()
        .is_some_and(|&b| b.is_ascii_whitespace() || b == b':')
    {
        return false;
    }
    let mut words = gap
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let is_recipient_word = |w: &[u8]| {
        RECIPIENT_WORDS
            .iter()
            .any(|r| r.as_bytes().eq_ignore_ascii_case(w))
    };
    let Some(last) = words.next_back() else {
        return false;
    };
    let Some(before_last) = words.next_back() else {
        return false;
    };
    is_recipient_word(last) || (is_capitalized_name(last) && is_recipient_word(before_last))
}

/// A word written as a name: a capital, then two or more small letters
/// (`Ramesh`, not `AN` or `ID`).
fn is_capitalized_name(word: &[u8]) -> bool {
    word.len() >= 3 && word[0].is_ascii_uppercase() && word[1..].iter().all(u8::is_ascii_lowercase)
}

/// Whether the `gap` between a `veto` word and a number shows the veto word
/// to be about something else: a sentence ends in it and a word for
/// "number" follows, or a code (six or more capital letters) stands in it
/// (unless the veto word is in capitals too: `ORDER SHIPPED 1234…` is
/// shouted, not coded).
pub(super) fn names_something_else(veto: &[u8], gap: &[u8]) -> bool {
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
