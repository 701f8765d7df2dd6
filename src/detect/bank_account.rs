//! Domestic bank account numbers: what customers in India, Nigeria, Kenya,
//! Pakistan, Indonesia, Brazil, Mexico, the rest of Latin America, Vietnam
//! and Thailand send to be paid, written after an account word (`A/c no.`,
//! `account number`, `खाता संख्या`, `conta`, `rekening`, `cuenta`, `STK`,
//! `เลขบัญชี`, `NUBAN` …).
//!
//! Most domestic account numbers have no public check digit and no fixed
//! length (6 to 18 digits in India alone), so they are personal data only
//! when named: the word must stand right before the number (see
//! [`super::keywords`]), with at most a bank's name between (`rek BCA …`),
//! or the holder's name must follow it, as Indonesian transfer details
//! write it (`BCA 1234567890 a/n Budi`; then below a phone number, which
//! e-wallets are paid to). Where a check exists and its key is known, it
//! must hold: a Nigerian NUBAN (10 digits) carries a check digit over the
//! bank's CBN code, so when the message names a bank whose code we know,
//! a number that fails the check is dropped, and one that passes is
//! reported with more confidence. Nigerian transfer details often name
//! only the bank (`0123456785 GTB`, `Access Bank:` and the number on the
//! next line): in a Nigerian conversation, a bank's name right beside ten
//! digits that pass its check is evidence enough (a name that is also an
//! everyday word, `access`, `sterling` …, only with the word `bank`).
//! Indonesian ones too (`transfer ke BCA 1234567890`, `kirim ke mandiri
//! 1370012345678`), and Malaysian, Thai and Philippine ones
//! (`Maybank 1234 5678 9012`, `KBank 123-4-56789-0`, `BDO 001234567890`):
//! there no check digit is public, but each large bank gives its accounts
//! one length (BCA 10 digits, Mandiri 13, Maybank 12, every large Thai
//! bank 10 …), so in a conversation of that country a bank's name right
//! beside a number of that bank's length names an account. Brazilian
//! transfer details give the branch before the account (`ag 0001 cc
//! 12345-6`): `cc` names the account only after a branch, being Colombia's
//! `C.C.` (the cédula) as well.
//!
//! Written forms: digits in one run or in groups joined by one `-` or
//! space (`1234 5678 9012`, Brazil's `12345-6` with its check digit), and,
//! after an account word, three groups or more joined by dots
//! (`2731.7942.96`, how Indonesian transfer details write BCA's accounts).
//! Amounts (`1.250`, `1,250`, `1.250.000`), dates and numbers written with
//! `+` are left alone.

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;

use super::keywords::{glues, Keywords};
use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::masked::{bullet_at, bullet_before};
use crate::region::Region;
use crate::text::{char_at, char_before, ends_with_ignore_case};

/// Named by an account word: above a national-format phone number, with
/// or without its prefix (0.85, 0.9), which "A/c 9876543210" could also be;
/// below a national ID named by its own keyword (0.93).
const CONF_NAMED: f32 = 0.91;
/// A NUBAN whose check digit holds for the bank named beside it.
const CONF_NUBAN: f32 = 0.95;
/// Followed by its holder's name (`1234567890 a/n Budi`) but named by no
/// account word: below a national phone number (0.85), as Indonesian
/// e-wallets are paid to a phone number written the same way. An
/// Indonesian bank beside a number of its accounts' length, likewise.
const CONF_HOLDER: f32 = 0.84;

const MIN_DIGITS: usize = 6;
const MAX_DIGITS: usize = 20;

static WORDS: Lazy<Keywords> = Lazy::new(|| {
    Keywords::with_connectors(
        &[
            // English (India, Nigeria, Kenya, Pakistan, Malaysia …).
            "a/c",
            "a/c no",
            "ac no",
            "acc",
            "acc no",
            "acct",
            "acct no",
            "account",
            "bank account",
            "savings account",
            "current account",
            "nuban",
            // Hindi, Urdu, Bengali, Tamil.
            "खाता",
            "खाता संख्या",
            // "A/C" written in Devanagari, spaced as typed.
            "ए/सी",
            "ए / सी",
            "अकाउंट",
            "اکاؤنٹ",
            "کھاتہ",
            "অ্যাকাউন্ট",
            // Bengali as typed in Bangladesh: "account" spelled as said,
            // "account" in Bengali's own word, and Rocket, the mobile bank
            // whose account is the phone number and a check digit.
            "একাউন্ট",
            "হিসাব",
            "রকেট",
            "கணக்கு",
            // Portuguese (Brazil).
            "conta",
            "conta corrente",
            "conta poupança",
            "c/c",
            // Spanish (Mexico, Latin America).
            "cuenta",
            "no. de cuenta",
            "número de cuenta",
            "cta",
            // Indonesian, Malay.
            "rekening",
            // With `-nya` ("its"), as the account just named is written.
            "rekeningnya",
            "no rek",
            "no. rek",
            "norek",
            "rek",
            "akaun",
            "no akaun",
            // Swahili (Kenya), Arabic, Turkish, French.
            "akaunti",
            "namba ya akaunti",
            "رقم الحساب",
            "حساب",
            "hesap",
            "hesap no",
            "compte",
            "numéro de compte",
            // Vietnamese, Thai.
            "stk",
            "số tài khoản",
            "so tai khoan",
            "tài khoản",
            "tai khoan",
            "บัญชี",
            "เลขบัญชี",
            "เลขที่บัญชี",
        ],
        BANK_NAMES,
        24,
    )
});

/// Banks that customers name between the account word and the number
/// (`rek BCA 1234567890`, `A/c SBI …`, `conta Nubank …`), one word each,
/// lower case: the markets of [`WORDS`], their largest banks and wallets.
#[rustfmt::skip]
static BANK_NAMES: &[&str] = &[
    // Indonesia, Malaysia.
    "bca", "bri", "bni", "btn", "bsi", "mandiri", "cimb", "niaga", "permata", "danamon",
    "jago", "seabank", "ocbc", "panin", "bjb", "btpn", "jenius", "maybank", "rhb", "ambank",
    "bsn", "hong", "leong", "public",
    // India.
    "sbi", "hdfc", "icici", "axis", "kotak", "pnb", "bob", "canara", "idbi", "indusind",
    "federal", "union", "baroda", "indian", "overseas", "central", "yes",
    // Nigeria, Kenya.
    "gtb", "gtbank", "zenith", "uba", "access", "fidelity", "fcmb", "wema", "sterling",
    "ecobank", "stanbic", "polaris", "keystone", "providus", "heritage", "jaiz", "opay",
    "palmpay", "kuda", "moniepoint", "first", "equity", "kcb", "ncba", "absa", "dtb", "coop",
    // Pakistan.
    "hbl", "ubl", "mcb", "meezan", "allied", "abl", "alfalah", "askari", "faysal", "nbp",
    // Brazil, Mexico.
    "nubank", "itaú", "itau", "bradesco", "caixa", "santander", "inter", "bb", "sicoob",
    "sicredi", "banco", "bbva", "banorte", "banamex", "azteca", "hsbc", "scotiabank",
    "inbursa", "banregio",
    // Colombia, Peru, Argentina, Chile: banks, wallets, and the kind of
    // account (`cuenta de ahorros`, `cuenta corriente`).
    "bancolombia", "davivienda", "nequi", "daviplata", "bogotá", "bogota", "occidente",
    "popular", "colpatria", "bcp", "interbank", "yape", "plin", "galicia", "macro", "naranja",
    "mercadopago", "estado",
    // Venezuela.
    "banesco", "mercantil", "provincial", "venezuela", "bnc", "bancamiga", "bicentenario",
    "bancaribe", "tesoro", "banplus", "sofitasa", "exterior",
    "ahorros", "ahorro", "corriente", "vista", "poupança", "poupanca",
    // Vietnam, Thailand.
    "vcb", "vietcombank", "techcombank", "bidv", "agribank", "vietinbank", "acb", "mb",
    "vpbank", "tpbank", "sacombank", "kbank", "scb", "ktb", "กสิกร", "กรุงเทพ", "กรุงไทย",
    "ไทยพาณิชย์", "ออมสิน",
    // South Africa, Ghana.
    "fnb", "capitec", "nedbank", "investec", "tymebank", "discovery", "gcb", "calbank",
    // The Philippines.
    "bdo", "bpi", "metrobank", "landbank", "unionbank", "rcbc", "eastwest", "gcash", "maya",
    // Gulf, Saudi Arabia, Egypt, Turkey.
    "enbd", "adcb", "fab", "mashreq", "rajhi", "alrajhi", "snb", "riyad", "ahli", "cib", "nbe",
    "misr", "qnb", "ziraat", "garanti", "akbank", "halkbank", "vakıfbank", "vakifbank",
    "isbank", "denizbank",
    // Anywhere.
    "citi", "citibank", "standard", "chartered", "savings", "current",
];

/// Nigerian banks by the names customers write, and their 3-digit CBN
/// codes (the NUBAN check-digit key). The names marked `true` are everyday
/// words too (`access`, `sterling` …): beside a number with no account word,
/// they count only with the word `bank`.
static NG_BANKS: &[(&str, &[u8; 3], bool)] = &[
    ("access", b"044", true),
    ("citibank", b"023", false),
    ("ecobank", b"050", false),
    ("fcmb", b"214", false),
    ("fidelity", b"070", true),
    ("first bank", b"011", false),
    ("firstbank", b"011", false),
    ("gtb", b"058", false),
    ("gtbank", b"058", false),
    ("guaranty trust", b"058", false),
    ("heritage", b"030", true),
    ("jaiz", b"301", false),
    ("keystone", b"082", true),
    ("polaris", b"076", true),
    ("providus", b"101", true),
    ("stanbic", b"221", false),
    ("standard chartered", b"068", true),
    ("sterling", b"232", true),
    ("suntrust", b"100", true),
    ("uba", b"033", false),
    ("union bank", b"032", false),
    ("unity bank", b"215", false),
    ("wema", b"035", false),
    ("zenith", b"057", false),
];

/// A bank's name and the lengths of its account numbers.
type BankLengths = (&'static str, &'static [usize]);

/// Banks by the one word customers write, the conversations where that
/// word names them, and the lengths of their account numbers (each bank's
/// own, printed on its books and checked by its transfer forms). Indonesia,
/// Malaysia, Thailand (every large bank's accounts have ten digits, the
/// state savings and farmers' banks' twelve), Colombia, Peru and the
/// Philippines. A name written before `Bank` or the account's type counts
/// as well (`Public Bank`, `Bancolombia ahorros`).
static BANKS_BY_LENGTH: &[(&str, &[BankLengths])] = &[
    (
        "ID",
        &[
            ("bca", &[10]),
            ("bni", &[10]),
            ("bsi", &[10]),
            ("permata", &[10]),
            ("jago", &[12]),
            ("seabank", &[12]),
            ("mandiri", &[13]),
            ("cimb", &[13, 14]),
            ("niaga", &[13, 14]),
            ("bri", &[15]),
            ("btn", &[16]),
        ],
    ),
    (
        "MY",
        &[
            ("maybank", &[12]),
            ("mbb", &[12]),
            ("cimb", &[10, 14]),
            ("public", &[10]),
            ("pbb", &[10]),
            ("rhb", &[14]),
            ("leong", &[11]),
            ("hlb", &[11]),
            ("ambank", &[13]),
            ("islam", &[14]),
            ("bsn", &[16]),
        ],
    ),
    (
        "TH",
        &[
            ("kbank", &[10]),
            ("kasikorn", &[10]),
            ("kasikornbank", &[10]),
            ("scb", &[10]),
            ("bbl", &[10]),
            ("ktb", &[10]),
            ("krungthai", &[10]),
            ("krungsri", &[10]),
            ("ttb", &[10]),
            ("gsb", &[12]),
            ("baac", &[12]),
            ("กสิกร", &[10]),
            ("กสิกรไทย", &[10]),
            ("ไทยพาณิชย์", &[10]),
            ("กรุงไทย", &[10]),
            ("กรุงศรี", &[10]),
            ("ทีทีบี", &[10]),
            ("ออมสิน", &[12]),
        ],
    ),
    ("CO", &[("bancolombia", &[11]), ("davivienda", &[12])]),
    ("PE", &[("bcp", &[14]), ("interbank", &[13])]),
    (
        "PH",
        &[
            ("bdo", &[10, 12]),
            ("bpi", &[10]),
            ("metrobank", &[13]),
            ("landbank", &[10]),
            ("unionbank", &[12]),
            ("rcbc", &[10]),
            ("chinabank", &[12]),
            ("pnb", &[12]),
            ("eastwest", &[12]),
            ("security", &[13]),
        ],
    ),
];

/// [`BANKS_BY_LENGTH`] by region, and whether some of its banks' names are
/// written in a script without spaces between words (Thai).
static BANK_REGIONS: Lazy<Vec<(Region, bool, &[BankLengths])>> = Lazy::new(|| {
    BANKS_BY_LENGTH
        .iter()
        .map(|&(code, banks)| {
            let region = Region::new(code).expect("a region of the table");
            let unspaced = banks.iter().any(|(name, _)| !name.is_ascii());
            (region, unspaced, banks)
        })
        .collect()
});

static NG_BANK_NAMES: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(NG_BANKS.iter().map(|(name, _, _)| name))
        .expect("bank name automaton")
});

/// Finds named bank account numbers.
#[derive(Debug)]
pub(crate) struct BankAccountDetector;

impl BankAccountDetector {
    pub(crate) fn new() -> BankAccountDetector {
        // Build the keyword automata now, not on a live message.
        Lazy::force(&WORDS);
        Lazy::force(&NG_BANK_NAMES);
        Lazy::force(&BANK_REGIONS);
        BankAccountDetector
    }
}

impl Detector for BankAccountDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::BankAccount]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn min_span_digits(&self) -> usize {
        MIN_DIGITS
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let Some(start) = (span.start..span.end).find(|&i| text[i].is_ascii_digit()) else {
            return;
        };
        // `+` opens a phone number.
        if text[span.start..start].contains(&b'+') {
            return;
        }
        // Groups joined by one `-` or space; the digits are copied out only
        // for a number that is reported.
        let mut n = 0;
        let mut i = start;
        loop {
            let run = text[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            n += run;
            i += run;
            if n > MAX_DIGITS {
                return;
            }
            let joined = matches!(text.get(i), Some(b'-' | b' '))
                && text.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !joined {
                break;
            }
            i += 1;
        }
        let mut end = i;
        // One run that a dot and a digit follow may go on in dotted groups.
        let dotted = if end == start + n
            && text.get(end) == Some(&b'.')
            && text.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            dotted_end(text, start, end)
        } else {
            None
        };
        if let Some((dotted_end, digits)) = dotted {
            (end, n) = (dotted_end, digits);
        }
        // A sticker's name holds a date.
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&n)
            || !free_standing(text, start, end)
            || whatsapp_media_name(text, end)
        {
            return;
        }
        let named = WORDS.before(text, start) || branch_and_cc_before(text, start);
        if dotted.is_some() && !named {
            return;
        }
        let holder = !named && holder_after(text, end);
        // Nigerian transfer details often name no account at all, only the
        // bank beside the number (`0123456785 GTB`, `Access Bank:
        // 0690000032`, the bank on the line above): then the NUBAN check
        // for that bank must hold.
        let beside = (!named && !holder && n == 10)
            .then(|| nigerian_bank_beside(ctx, start, end))
            .flatten();
        let of_its_length = !named
            && !holder
            && beside.is_none()
            && (10..=16).contains(&n)
            && ctx.region.is_some_and(|r| {
                BANK_REGIONS
                    .iter()
                    .find(|(region, ..)| *region == r)
                    .is_some_and(|&(_, unspaced, banks)| {
                        bank_of_its_length_beside(ctx, unspaced, banks, start, end, n)
                    })
            });
        // A link's digits are its ids (`?account=5819836033983559069`: an
        // app store's developer account).
        if (!named && !holder && beside.is_none() && !of_its_length)
            || crate::text::within_link(text, start)
        {
            return;
        }
        let mut digits = [0u8; MAX_DIGITS];
        for (slot, &b) in digits
            .iter_mut()
            .zip(text[start..end].iter().filter(|b| b.is_ascii_digit()))
        {
            *slot = b;
        }
        let digits = &digits[..n];
        let bank = beside.or_else(|| nuban_bank(ctx, start, end, digits));
        let confidence = match bank {
            Some(code) if nuban_valid(code, digits) => CONF_NUBAN,
            Some(_) => return,
            None if named => CONF_NAMED,
            None => CONF_HOLDER,
        };
        out.push(Finding {
            kind: Kind::BankAccount,
            start,
            end,
            confidence,
            normalized: String::from_utf8_lossy(digits).into_owned(),
        });
    }
}

/// Where the account written in groups joined by dots that starts at
/// `start` ends, if it is one: `2731.7942.96`, `313.0100.5936.535`, as
/// Indonesian transfer details write BCA's and BRI's accounts. Three
/// groups or more, so that a decimal amount is none, and not every group
/// after the first of three digits, an amount's thousands (`1.250.000`);
/// not a date (`20.02.2016`), nor groups of three digits or fewer (an IP
/// address, a version) either. `first_end` ends the first group. Returns
/// the end and the count of digits.
fn dotted_end(text: &[u8], start: usize, first_end: usize) -> Option<(usize, usize)> {
    let mut lens = [0usize; 8];
    lens[0] = first_end - start;
    let mut groups = 1;
    let mut i = first_end;
    while text.get(i) == Some(&b'.') && text.get(i + 1).is_some_and(u8::is_ascii_digit) {
        if groups == lens.len() {
            return None;
        }
        let run = text[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        lens[groups] = run;
        groups += 1;
        i += 1 + run;
    }
    let lens = &lens[..groups];
    let thousands = lens[1..].iter().all(|&l| l == 3);
    let date = matches!(lens, [1 | 2, 1 | 2, 2 | 4] | [4, 1 | 2, 1 | 2]);
    // Groups of three digits or fewer are an IP address's or a version's.
    let long_group = lens.iter().any(|&l| l >= 4);
    (groups >= 3 && long_group && !thousands && !date).then(|| (i, lens.iter().sum()))
}

/// Whether the account holder's name follows the number: Indonesian
/// transfer details read `BCA 1234567890 a/n Budi` ("atas nama", in the
/// name of), an account even without an account word before it.
fn holder_after(text: &[u8], end: usize) -> bool {
    let rest = &text[end..];
    let rest = &rest[rest.iter().take_while(|&&b| b == b' ').count()..];
    ["a/n", "a.n.", "a.n", "atas nama"].iter().any(|word| {
        rest.len() >= word.len()
            && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes())
            && !rest.get(word.len()).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Whether a Brazilian branch and `cc` (conta corrente) come right before
/// the number at `start`: `ag 0001 cc 12345-6`, `Ag: 1234-5 / CC: 98765-4`,
/// `agência 1234⏎c.c. 12345-6`, how transfer details are given there. `cc`
/// alone names no account: it is Colombia's `C.C.` (cédula de ciudadanía)
/// too, and a copy in e-mail; the branch before it says which.
#[inline(always)]
fn branch_and_cc_before(text: &[u8], start: usize) -> bool {
    // Nearly every number has no `c` or `.` before it, past a space or a
    // colon: decided on that byte, without a call (`| 0x20` folds `C`).
    let mut i = start;
    while i > 0 && start - i < 2 && matches!(text[i - 1], b' ' | b':') {
        i -= 1;
    }
    i > 0 && matches!(text[i - 1] | 0x20, b'c' | b'.') && branch_and_cc_before_slow(text, start)
}

#[cold]
#[inline(never)]
fn branch_and_cc_before_slow(text: &[u8], start: usize) -> bool {
    // Backwards over at most `most` bytes that `keep` accepts.
    let back = |at: usize, most: usize, keep: fn(u8) -> bool| {
        at - text[..at]
            .iter()
            .rev()
            .take(most)
            .take_while(|&&b| keep(b))
            .count()
    };
    // Whether `text[..at]` ends with one of `words` as a word; its start.
    let word_before = |at: usize, words: &[&[u8]]| {
        words.iter().find_map(|word| {
            let from = at.checked_sub(word.len())?;
            (ends_with_ignore_case(text, at, word)
                && !text[..from].last().is_some_and(u8::is_ascii_alphanumeric))
            .then_some(from)
        })
    };
    let i = back(start, 3, |b| matches!(b, b' ' | b':'));
    let Some(i) = word_before(i, &[b"c.c.", b"c.c", b"cc"]) else {
        return false;
    };
    let gap = back(i, 4, |b| {
        matches!(b, b' ' | b',' | b'/' | b'|' | b';' | b'-' | b'\n' | b'\r')
    });
    if gap == i {
        return false;
    }
    // The branch: three to six digits, a check digit or `X` after a dash
    // among them (Banco do Brasil's `1234-5`).
    let branch = back(gap, 7, |b| {
        b.is_ascii_digit() || matches!(b, b'-' | b'x' | b'X')
    });
    let digits = text[branch..gap]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    if !(3..=6).contains(&digits) || !text[branch].is_ascii_digit() {
        return false;
    }
    let i = back(branch, 3, |b| matches!(b, b' ' | b':'));
    word_before(
        i,
        &[
            b"ag",
            b"ag.",
            b"agencia",
            "agência".as_bytes(),
            "AGÊNCIA".as_bytes(),
        ],
    )
    .is_some()
}

/// Whether the digits ending at `end` are the date in the name of a
/// WhatsApp media file, `STK-20220702-WA0011.webp` (a sticker; `IMG`,
/// `VID`, `AUD`, `PTT`, `DOC` likewise): Vietnamese `STK` ("số tài khoản")
/// names an account, and the sticker's name would read as one.
fn whatsapp_media_name(text: &[u8], end: usize) -> bool {
    text.get(end..end + 4)
        .is_some_and(|tail| tail[..3].eq_ignore_ascii_case(b"-WA") && tail[3].is_ascii_digit())
}

/// Not glued to letters or digits, not a decimal amount, not a percentage.
fn free_standing(text: &[u8], start: usize, end: usize) -> bool {
    let before = char_before(text, start).0;
    let after = char_at(text, end).0;
    let word = glues;
    let decimal = matches!(text.get(end), Some(b'.' | b','))
        && text.get(end + 1).is_some_and(u8::is_ascii_digit);
    !word(before) && !word(after) && !decimal && after != Some('%')
}

/// The CBN code of the Nigerian bank named on the number's line, when the
/// number is 10 digits (a NUBAN) and the conversation is Nigerian or the
/// number is called a NUBAN.
fn nuban_bank(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    digits: &[u8],
) -> Option<&'static [u8; 3]> {
    if digits.len() != 10 {
        return None;
    }
    let text = ctx.text;
    let line_start = text[start.saturating_sub(80)..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(start.saturating_sub(80), |p| {
            start.saturating_sub(80) + p + 1
        });
    let line_end = text[end..(end + 80).min(text.len())]
        .iter()
        .position(|&b| b == b'\n')
        .map_or((end + 80).min(text.len()), |p| end + p);
    let line = &text[line_start..line_end];
    let nigerian = ctx.region.is_some_and(|r| r.code() == "NG")
        || line.windows(5).any(|w| w.eq_ignore_ascii_case(b"nuban"));
    if !nigerian {
        return None;
    }
    NG_BANK_NAMES
        .find_iter(line)
        .find(|m| stands_as_word(m, line))
        .map(|m| NG_BANKS[m.pattern().as_usize()].1)
}

/// The CBN code of a Nigerian bank named right beside the number, in a
/// Nigerian conversation: before it (`GTB 0123456785`, `Access Bank: …`)
/// or after it (`0123456785 GTB`, `… (Zenith)`), with only separators,
/// the word `bank` or `plc`, and at most one line break between.
fn nigerian_bank_beside(ctx: &Context<'_>, start: usize, end: usize) -> Option<&'static [u8; 3]> {
    if ctx.region.is_none_or(|r| r.code() != "NG") {
        return None;
    }
    let text = ctx.text;
    // A name standing as a word; an everyday word only with `bank`.
    let bank_at = |m: aho_corasick::Match, within: &[u8], with_bank: bool| {
        let (_, code, everyday) = NG_BANKS[m.pattern().as_usize()];
        (stands_as_word(&m, within) && (with_bank || !everyday)).then_some(code)
    };
    // Before: with the filler gone (and a trailing `bank` or `plc`, for
    // `Wema Bank 0123…`), a bank's name must end what is left.
    let before = strip_filler(&text[start.saturating_sub(40)..start], End::Tail);
    let without_bank = strip_word(before, End::Tail, b"bank")
        .or_else(|| strip_word(before, End::Tail, b"plc"))
        .map(|rest| (strip_filler(rest, End::Tail), true));
    for (before, with_bank) in [Some((before, false)), without_bank].into_iter().flatten() {
        let named = NG_BANK_NAMES
            .find_iter(before)
            .filter(|m| m.end() == before.len())
            .find_map(|m| bank_at(m, before, with_bank));
        if named.is_some() {
            return named;
        }
    }
    // After: a bank's name must open what is left.
    let after = strip_filler(&text[end..(end + 40).min(text.len())], End::Head);
    let m = NG_BANK_NAMES
        .find_iter(after)
        .next()
        .filter(|m| m.start() == 0)?;
    let with_bank = strip_word(&after[m.end()..], End::Head, b" bank").is_some();
    bank_at(m, after, with_bank)
}

/// Whether a bank of `region` whose accounts have `n` digits is named
/// right beside the number ([`BANKS_BY_LENGTH`]; the caller checks the
/// conversation's region): before it (`transfer ke BCA 1234567890`,
/// `Mandiri: …`, `Public Bank 3123456789`) or after it (`1234567890
/// (BCA)`), with only separators and at most one line break between.
/// Thai is written without spaces between words (`unspaced`: the region
/// has such names): a Thai bank's name ends the Thai letters before the
/// number or starts those after it (`โอนเข้ากสิกร 123-4-56789-0`).
#[inline(never)]
fn bank_of_its_length_beside(
    ctx: &Context<'_>,
    unspaced: bool,
    banks: &[BankLengths],
    start: usize,
    end: usize,
    n: usize,
) -> bool {
    let text = ctx.text;
    let names_bank = |word: &[u8], in_thai: Option<End>| {
        banks.iter().any(|&(name, lengths)| {
            let name = name.as_bytes();
            lengths.contains(&n)
                && match in_thai {
                    None => name.eq_ignore_ascii_case(word),
                    Some(End::Tail) => name[0] >= 0x80 && word.ends_with(name),
                    Some(End::Head) => name[0] >= 0x80 && word.starts_with(name),
                }
        })
    };
    let from = start.saturating_sub(48);
    let mut before = strip_filler(&text[from..start], End::Tail);
    // `Public Bank 3123456789`, `Bancolombia ahorros 123-456789-01`.
    for word in [
        &b"bank"[..],
        b"ahorros",
        b"corriente",
        b"savings",
        b"current",
    ] {
        if let Some(rest) = strip_word(before, End::Tail, word) {
            before = strip_filler(rest, End::Tail);
            break;
        }
    }
    let letters = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word_start = from + before.len() - letters;
    // Glued to a letter, a digit or a masked value (which was glued to it
    // before masking): no bank's name.
    let whole_word = word_start == 0
        || !(text[word_start - 1].is_ascii_alphanumeric() || bullet_before(text, word_start));
    if letters > 0 && whole_word && names_bank(&text[word_start..from + before.len()], None) {
        return true;
    }
    if unspaced
        && letters == 0
        && before.last().is_some_and(|&b| b >= 0x80)
        && names_bank(thai_tail(before), Some(End::Tail))
    {
        return true;
    }
    let after = strip_filler(&text[end..(end + 48).min(text.len())], End::Head);
    let letters = after.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let whole_word =
        !after.get(letters).is_some_and(u8::is_ascii_alphanumeric) && !bullet_at(after, letters);
    (letters > 0 && whole_word && names_bank(&after[..letters], None))
        || (unspaced
            && letters == 0
            && after.first().is_some_and(|&b| b >= 0x80)
            && names_bank(after, Some(End::Head)))
}

/// The Thai letters (and their vowel and tone marks) that end `s`.
fn thai_tail(s: &[u8]) -> &[u8] {
    let mut start = s.len();
    while let (Some(c), len) = char_before(s, start) {
        if !('\u{0E01}'..='\u{0E4E}').contains(&c) {
            break;
        }
        start -= len;
    }
    &s[start..]
}

/// Whether the bank name `m` found in `within` stands as a word (no ASCII
/// letter or digit against it).
fn stands_as_word(m: &aho_corasick::Match, within: &[u8]) -> bool {
    let glued = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    !glued(m.start().checked_sub(1).map(|i| &within[i])) && !glued(within.get(m.end()))
}

/// Which end of a slice is read.
#[derive(Clone, Copy)]
enum End {
    Head,
    Tail,
}

/// Strips, from one end of `s`, what stands between a number and the bank
/// named beside it: spaces, `:`, `-`, `(`, `)`, `,` and at most one line
/// break.
fn strip_filler(mut s: &[u8], end: End) -> &[u8] {
    let mut line_break = false;
    loop {
        let byte = match end {
            End::Head => s.first(),
            End::Tail => s.last(),
        };
        match byte {
            Some(b' ' | b'\t' | b'\r' | b':' | b'-' | b'(' | b')' | b',') => {}
            Some(b'\n') if !line_break => line_break = true,
            _ => return s,
        }
        s = match end {
            End::Head => &s[1..],
            End::Tail => &s[..s.len() - 1],
        };
    }
}

/// `s` without the whole word `word` (ASCII, any case) at one end.
fn strip_word<'a>(s: &'a [u8], end: End, word: &[u8]) -> Option<&'a [u8]> {
    let n = word.len();
    if s.len() < n {
        return None;
    }
    let (part, rest, next) = match end {
        End::Head => (&s[..n], &s[n..], s.get(n)),
        End::Tail => (
            &s[s.len() - n..],
            &s[..s.len() - n],
            s.len().checked_sub(n + 1).map(|i| &s[i]),
        ),
    };
    (part.eq_ignore_ascii_case(word) && !next.is_some_and(u8::is_ascii_alphanumeric))
        .then_some(rest)
}

/// The CBN NUBAN check: weights 3, 7, 3 over the bank code and the first
/// nine digits; the tenth digit is `10 - sum mod 10` (10 becomes 0).
fn nuban_valid(bank: &[u8; 3], account: &[u8]) -> bool {
    const WEIGHTS: [u32; 12] = [3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3];
    let [serial @ .., check] = account else {
        return false;
    };
    if serial.len() != 9 {
        return false;
    }
    let sum: u32 = bank
        .iter()
        .chain(serial)
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    u32::from(check - b'0') == (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::nuban_valid;
    use crate::checksum::tests::for_each_one_digit_change;
    use crate::{Kind, Scanner};

    fn found(region: &str, text: &str) -> Vec<(Kind, String)> {
        let scanner = Scanner::builder().region(region).build().unwrap();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| (f.kind.clone(), text[f.range()].to_string()))
            .collect()
    }

    fn account(v: &str) -> Vec<(Kind, String)> {
        vec![(Kind::BankAccount, v.to_string())]
    }

    /// NUBANs with their banks' codes; check digits computed with a
    /// separate Python implementation of the CBN's published algorithm.
    const NUBANS: &[(&[u8; 3], &str)] = &[
        (b"058", "0123456785"),
        (b"044", "0690000032"),
        (b"057", "2000000015"),
        (b"011", "3000000018"),
    ];

    #[test]
    fn nuban_check_digit() {
        for (bank, v) in NUBANS {
            assert!(nuban_valid(bank, v.as_bytes()), "{v}");
            for_each_one_digit_change(v.as_bytes(), |c| {
                assert!(!nuban_valid(bank, c), "{}", String::from_utf8_lossy(c))
            });
        }
    }

    #[test]
    fn named_accounts_in_chat() {
        assert_eq!(
            found(
                "IN",
                "Payment A/c no. 50100234567890 HDFC, IFSC HDFC0001234"
            ),
            account("50100234567890")
        );
        assert_eq!(found("IN", "खाता संख्या 3456789012 है"), account("3456789012"));
        assert_eq!(found("IN", "acc 30123456789 SBI"), account("30123456789"));
        assert_eq!(
            found("IN", "A/c 9876543210 pe transfer karo"),
            account("9876543210")
        );
        assert_eq!(
            found("BR", "Banco do Brasil agência 1234-5 conta 12345-6"),
            account("12345-6")
        );
        assert_eq!(
            found("ID", "transfer ke BCA no rek 1234567890 a.n. Budi"),
            account("1234567890")
        );
        assert_eq!(
            found("MX", "mi número de cuenta es 0123 4567 8901"),
            account("0123 4567 8901")
        );
        assert_eq!(
            found("KE", "Equity Bank account number: 0123456789012"),
            account("0123456789012")
        );
        assert_eq!(
            found("PK", "Meezan Bank account no 01234567890123"),
            account("01234567890123")
        );
    }

    /// The bank named between the account word and the number is part of
    /// the phrase, in every market's way of writing it.
    #[test]
    fn a_bank_named_between_the_word_and_the_number() {
        for (region, text, value) in [
            (
                "ID",
                "transfer ke rek BCA 1234567890 a.n. Budi",
                "1234567890",
            ),
            ("ID", "rekening Bank Mandiri 1234567890123", "1234567890123"),
            ("ID", "no. rek. BRI: 123456789012345", "123456789012345"),
            (
                "ID",
                "Ini nomor rekeningnya: 5829-01-012786-534. BRI a/n Andika",
                "5829-01-012786-534",
            ),
            ("BD", "ব্যাংক একাউন্ট নং- ১২৩১১০১১৫৭৮৭৬", "১২৩১১০১১৫৭৮৭৬"),
            ("IN", "*ए / सी क्रमांक:* *98260100010701*", "98260100010701"),
            ("BD", "রকেট- 015576892271 (পার্সোনাল )", "015576892271"),
            ("IN", "A/c SBI 30123456789", "30123456789"),
            ("IN", "my account HDFC no 50100234567890", "50100234567890"),
            ("BR", "conta Nubank 12345678-9", "12345678-9"),
            ("MX", "cuenta BBVA 0123456789", "0123456789"),
            ("PK", "account HBL 01234567890123", "01234567890123"),
            ("KE", "acc no Equity 0123456789012", "0123456789012"),
            ("CO", "mi cuenta nequi 3001234567", "3001234567"),
            (
                "CO",
                "cuenta de ahorros Bancolombia 123-456789-01",
                "123-456789-01",
            ),
            ("CL", "cuenta corriente 0123456789", "0123456789"),
            (
                "VE",
                "cuenta corriente Banesco 01340123450123456789",
                "01340123450123456789",
            ),
            ("VN", "số tài khoản 0011001234567", "0011001234567"),
            ("VN", "STK VCB: 0011001234567", "0011001234567"),
            ("TH", "เลขบัญชี 123-4-56789-0 กสิกร", "123-4-56789-0"),
            ("TH", "บัญชีกสิกร 1234567890", "1234567890"),
            ("ZA", "account FNB 62012345678", "62012345678"),
            ("PH", "account BPI 1234567890", "1234567890"),
            ("TR", "hesap no Ziraat 12345678", "12345678"),
        ] {
            assert_eq!(found(region, text), account(value), "{region}: {text}");
        }
        // No account word, but the holder's name after the number.
        for text in [
            "kak, transfer ke BCA 1234567890 a/n Budi ya",
            "1234567890 a.n. Siti Rahayu",
            "BRI 123456789012345 atas nama Andi",
        ] {
            let value = text
                .split(' ')
                .find(|w| w.len() >= 10 && w.bytes().all(|b| b.is_ascii_digit()))
                .unwrap();
            assert_eq!(found("ID", text), account(value), "{text}");
        }
        // An e-wallet is paid to a phone number: the phone wins.
        assert_eq!(
            found("ID", "DANA 081234567890 a/n Budi"),
            [(Kind::Phone, "081234567890".to_string())]
        );
        // Any other word still stands between: not this number's name.
        for (region, text) in [
            ("ID", "rekening sudah aktif 1234567890"),
            ("IN", "account blocked since 12345678"),
        ] {
            assert!(found(region, text).is_empty(), "{region}: {text}");
        }
    }

    #[test]
    fn nigerian_accounts_check_against_the_named_bank() {
        assert_eq!(
            found("NG", "Pay to GTBank account 0123456785, Chidi"),
            account("0123456785")
        );
        // The same bank, one digit changed: not that bank's account.
        assert!(found("NG", "Pay to GTBank account 0123456788, Chidi")
            .iter()
            .all(|(k, _)| *k != Kind::BankAccount));
        // No bank named: the keyword is all there is.
        assert_eq!(
            found("NG", "account number 0123456788"),
            account("0123456788")
        );
    }

    /// Nigerian transfer details that name only the bank, beside the
    /// number: the bank's NUBAN check decides.
    #[test]
    fn a_nigerian_bank_beside_the_number() {
        for (text, value) in [
            ("send to 0123456785 GTB", "0123456785"),
            ("0123456785 gtbank Chinedu Okafor", "0123456785"),
            ("kindly pay GTB 0123456785", "0123456785"),
            ("Access Bank: 0690000032", "0690000032"),
            ("0690000032 access bank", "0690000032"),
            ("Access Bank\n0690000032\nChinedu Okafor", "0690000032"),
            ("0690000032\nAccess Bank PLC\nChinedu", "0690000032"),
            ("Zenith 2000000015 (Ade)", "2000000015"),
            ("First Bank - 3000000018", "3000000018"),
        ] {
            assert_eq!(found("NG", text), account(value), "{text}");
        }
        for (region, text) in [
            // One digit changed: not that bank's account.
            ("NG", "send to 0123456786 GTB"),
            // Another bank's account.
            ("NG", "0123456785 (Zenith)"),
            // An everyday word is no bank without `bank`.
            ("NG", "I can't access 0690000032"),
            ("NG", "0690000032 access"),
            // Not beside: another word between.
            ("NG", "GTB said 0123456785"),
            // Two line breaks: another block.
            ("NG", "GTB\n\n0123456785"),
            // Not a Nigerian conversation.
            ("GH", "send to 0123456785 GTB"),
        ] {
            assert!(
                found(region, text)
                    .iter()
                    .all(|(k, _)| *k != Kind::BankAccount),
                "{region}: {text}"
            );
        }
    }

    /// Indonesian transfer details that name only the bank: the number
    /// must have that bank's account length.
    #[test]
    fn an_indonesian_bank_beside_a_number_of_its_length() {
        for (text, value) in [
            ("transfer ke BCA 1234567890 ya", "1234567890"),
            ("kirim ke mandiri 1370012345678", "1370012345678"),
            ("BRI 1234-01-012345-53-1", "1234-01-012345-53-1"),
            ("Bank BNI: 0123456789", "0123456789"),
            ("1234567890 (BCA)", "1234567890"),
            ("BCA\n1234567890\nBudi Santoso", "1234567890"),
            ("cimb niaga 70012345678901", "70012345678901"),
        ] {
            assert_eq!(found("ID", text), account(value), "{text}");
        }
        for (region, text) in [
            // Not that bank's length.
            ("ID", "BCA 123456789"),
            ("ID", "mandiri 1234567890"),
            // Not the bank's name as a word, or another word between.
            ("ID", "abca 1234567890"),
            ("ID", "BCA kode 1234567890"),
            // A phone number stays one.
            ("ID", "BCA 0812345678"),
            // Not an Indonesian conversation.
            ("MY", "BCA 1234567890"),
        ] {
            assert!(
                found(region, text)
                    .iter()
                    .all(|(k, _)| *k != Kind::BankAccount),
                "{region}: {text}"
            );
        }
    }

    /// Malaysian, Thai, Colombian, Peruvian and Philippine transfer details
    /// name the bank alone too (`Maybank 1234 5678 9012`, `KBank
    /// 123-4-56789-0`): the number must have that bank's account length, in
    /// that country.
    #[test]
    fn a_bank_beside_a_number_of_its_length_in_other_markets() {
        for (region, text, value) in [
            (
                "MY",
                "Maybank 1234 5678 9012 (Ali bin Abu)",
                "1234 5678 9012",
            ),
            ("MY", "bank in to Public Bank 3123456789 ya", "3123456789"),
            ("MY", "Hong Leong Bank: 12345678901", "12345678901"),
            ("MY", "RHB 21412345678901", "21412345678901"),
            ("TH", "KBank 123-4-56789-0", "123-4-56789-0"),
            ("TH", "โอนเข้ากสิกร 123-4-56789-0 ค่ะ", "123-4-56789-0"),
            ("TH", "123-4-56789-0 ไทยพาณิชย์", "123-4-56789-0"),
            ("TH", "ออมสิน 020123456789", "020123456789"),
            ("PH", "BDO 001234567890", "001234567890"),
            ("PH", "send to BPI 1234567890 po", "1234567890"),
            ("PH", "Metrobank\n1234567890123", "1234567890123"),
            ("CO", "Bancolombia ahorros 123-456789-01", "123-456789-01"),
            ("CO", "davivienda 0550 1234 5678", "0550 1234 5678"),
            ("PE", "BCP 191-12345678-0-12", "191-12345678-0-12"),
            ("PE", "interbank: 200-3001234567", "200-3001234567"),
        ] {
            assert_eq!(found(region, text), account(value), "{text}");
        }
        for (region, text) in [
            // Not that bank's length, or not that country's bank.
            ("MY", "Maybank 1234567890"),
            ("TH", "KBank 1234567890123"),
            ("PH", "BCA 1234567890"),
            ("CO", "Bancolombia 1234567890"),
            ("CO", "ahorros 12345678901"),
            ("ID", "Maybank 123456789012"),
            // The word is no bank's name here, or Thai letters before it.
            ("MY", "publicity 3123456789"),
            ("TH", "ไทย 1234567890"),
            // A phone number stays one.
            ("TH", "KBank 0812345678"),
            ("PH", "BPI 0917 123 4567"),
        ] {
            assert!(
                found(region, text)
                    .iter()
                    .all(|(k, _)| *k != Kind::BankAccount),
                "{region}: {text}"
            );
        }
    }

    /// Groups joined by dots, as Indonesian transfer details write BCA's
    /// and BRI's accounts: named by an account word, and neither an
    /// amount's thousands nor a date.
    #[test]
    fn dotted_groups_after_an_account_word() {
        for (region, text, value) in [
            (
                "ID",
                "Kirim ke Bank BCA No. Rek : 2731.7942.96 A/n : ANDRI",
                "2731.7942.96",
            ),
            (
                "ID",
                "No Rekening:  313.0100.5936.535 Atas Nama: Bayu",
                "313.0100.5936.535",
            ),
            ("IN", "A/c no 1234.5678.9012", "1234.5678.9012"),
        ] {
            assert_eq!(found(region, text), account(value), "{text}");
        }
        for (region, text) in [
            ("ID", "no rek 1.250.000"),
            ("ID", "rekening 20.02.2016"),
            ("ID", "rek 2731.7942"),
            // Groups of three digits or fewer: an address, a version.
            ("ID", "rek 192.168.10.1"),
            ("ID", "rekening app v10.112.3"),
            // Dotted, named by no account word.
            ("ID", "transfer ke BCA 2731.7942.96"),
            ("ID", "2731.7942.96 a/n Budi"),
        ] {
            assert!(
                found(region, text)
                    .iter()
                    .all(|(k, _)| *k != Kind::BankAccount),
                "{region}: {text}"
            );
        }
    }

    #[test]
    fn a_brazilian_branch_and_cc_name_the_account() {
        for (text, number) in [
            ("ag 0001 cc 12345-6", "12345-6"),
            ("Banco do Brasil Ag: 1234-5 / CC: 98765-4", "98765-4"),
            ("Itaú AG 0341 CC 12345-6 (Ana)", "12345-6"),
            ("agência 1234\nc.c. 123456-7", "123456-7"),
            ("Agência: 3456, cc 0098765-4", "0098765-4"),
        ] {
            assert_eq!(found("BR", text), account(number), "{text}");
        }
        for text in [
            // Colombia's `C.C.` (cédula), a copy, no branch before `cc`.
            "C.C. 1234567890",
            "cc 12345-6",
            "manda cópia cc 1234567",
            // The branch's word or digits are not there.
            "bag 1234 cc 12345-6",
            "ag 12 cc 12345-6",
        ] {
            let found = found("BR", text);
            assert!(
                found.iter().all(|(k, _)| *k != Kind::BankAccount),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn unnamed_or_not_about_the_number() {
        for (region, t) in [
            ("IN", "order 1234567890"),
            ("IN", "my account was blocked, call 98765 43210 pls"),
            ("IN", "account balance 12500.50"),
            ("IN", "account 12345"),
            ("IN", "account +91 98765 43210"),
            ("BR", "conta de luz 123.456"),
            // A WhatsApp sticker's file name after `STK`.
            ("VN", "STK-20220702-WA0011.webp (file attached)"),
            ("VN", "\u{200e}STK-20220702-WA0011.webp"),
            // A link's id after `account=`.
            (
                "IN",
                "https://play.google.com/apps/publish/?account=5819836033983559069#AppList",
            ),
        ] {
            assert!(
                found(region, t)
                    .iter()
                    .all(|(k, _)| *k != Kind::BankAccount),
                "{t}"
            );
        }
    }
}
