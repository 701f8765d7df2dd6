//! The words that stand for digits, `@` and `.`, as data.
//!
//! One table per language, digit by digit, in the spellings chat uses
//! (Hinglish `chaar` and `char`, Portuguese `meia` for six as Brazilians
//! read numbers aloud), and the teens and tens of the languages that read
//! numbers out in pairs. All languages share one dictionary: a message can
//! mix them, and no spelling stands for two different numbers (a test
//! checks). Words that are also common words of their own (`do`, `un`,
//! `oh`, `once`) are *weak*: a run's ends treat them apart (see
//! `super::digits`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

/// What a word stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// A digit, or a number of two digits (`eleven`, `ninety`, `onze`);
    /// `weak` when the spelling is also an ordinary word.
    Digit { value: u8, weak: bool },
    /// `e`, `y`: "and" between tens and a unit (`vinte e um`).
    And,
    /// `double`, `triple`: the next digit that many times.
    Times(u8),
    /// `plus`: a `+` before a number.
    Plus,
    /// `at`, `arroba`: an address's `@`.
    At,
    /// `dot`, `punto`: a `.` in an address's domain.
    Dot,
}

/// Digit words by language: entry `d` lists the spellings of digit `d`.
pub(crate) const DIGITS: &[(&str, [&[&str]; 10])] = &[
    (
        "en",
        [
            &["zero", "oh", "o"],
            &["one"],
            &["two"],
            &["three"],
            &["four"],
            &["five"],
            &["six"],
            &["seven"],
            &["eight"],
            &["nine"],
        ],
    ),
    (
        "hi-Latn",
        [
            &["shunya", "sunya", "sifar"],
            &["ek"],
            &["do"],
            &["teen"],
            &["char", "chaar"],
            &["paanch", "panch", "paach"],
            &["chhe", "chhah", "chah"],
            &["saat"],
            &["aath", "aat"],
            &["nau", "nao"],
        ],
    ),
    (
        "hi",
        [
            &["शून्य"],
            &["एक"],
            &["दो"],
            &["तीन"],
            &["चार"],
            &["पाँच", "पांच"],
            &["छह", "छः", "छे"],
            &["सात"],
            &["आठ"],
            &["नौ"],
        ],
    ),
    (
        "es",
        [
            &["cero"],
            &["uno", "un", "una"],
            &["dos"],
            &["tres"],
            &["cuatro"],
            &["cinco"],
            &["seis"],
            &["siete"],
            &["ocho"],
            &["nueve"],
        ],
    ),
    (
        "pt",
        [
            &["zero"],
            &["um", "uma"],
            &["dois", "duas"],
            &["três", "tres"],
            &["quatro"],
            &["cinco"],
            &["seis", "meia"],
            &["sete"],
            &["oito"],
            &["nove"],
        ],
    ),
    (
        "fr",
        [
            &["zéro", "zero"],
            &["un", "une"],
            &["deux"],
            &["trois"],
            &["quatre"],
            &["cinq"],
            &["six"],
            &["sept"],
            &["huit"],
            &["neuf"],
        ],
    ),
    (
        "it",
        [
            &["zero"],
            &["uno"],
            &["due"],
            &["tre"],
            &["quattro"],
            &["cinque"],
            &["sei"],
            &["sette"],
            &["otto"],
            &["nove"],
        ],
    ),
    (
        "de",
        [
            &["null"],
            &["eins"],
            &["zwei", "zwo"],
            &["drei"],
            &["vier"],
            &["fünf"],
            &["sechs"],
            &["sieben"],
            &["acht"],
            &["neun"],
        ],
    ),
    (
        "id",
        [
            &["nol", "kosong"],
            &["satu"],
            &["dua"],
            &["tiga"],
            &["empat"],
            &["lima"],
            &["enam"],
            &["tujuh"],
            &["delapan", "lapan"],
            &["sembilan"],
        ],
    ),
    (
        "tr",
        [
            &["sıfır", "sifir"],
            &["bir"],
            &["iki"],
            &["üç", "uc"],
            &["dört", "dort"],
            &["beş", "bes"],
            &["altı", "alti"],
            &["yedi"],
            &["sekiz"],
            &["dokuz"],
        ],
    ),
    (
        "sw",
        [
            &["sifuri"],
            &["moja"],
            &["mbili"],
            &["tatu"],
            &["nne"],
            &["tano"],
            &["sita"],
            &["saba"],
            &["nane"],
            &["tisa"],
        ],
    ),
    (
        "ar",
        [
            &["صفر"],
            &["واحد"],
            &["اثنان", "اثنين"],
            &["ثلاثة"],
            &["أربعة", "اربعة"],
            &["خمسة"],
            &["ستة"],
            &["سبعة"],
            &["ثمانية"],
            &["تسعة"],
        ],
    ),
    (
        "ru",
        [
            &["ноль", "нуль"],
            &["один"],
            &["два"],
            &["три"],
            &["четыре"],
            &["пять"],
            &["шесть"],
            &["семь"],
            &["восемь"],
            &["девять"],
        ],
    ),
    (
        "vi",
        [
            // With and without the marks: chat often goes without.
            &["không", "khong"],
            &["một", "mot"],
            &["hai"],
            &["ba"],
            &["bốn", "bon"],
            &["năm", "nam"],
            &["sáu", "sau"],
            &["bảy", "bay"],
            &["tám", "tam"],
            &["chín", "chin"],
        ],
    ),
    (
        // Bangladesh and West Bengal, in Bengali script (`য়` precomposed
        // and as `য` with its nukta, as keyboards differ) and as typed in
        // Latin letters.
        "bn",
        [
            &["শূন্য"],
            &["এক"],
            &["দুই"],
            &["তিন"],
            &["চার"],
            &["পাঁচ"],
            &["\u{99b}\u{9df}", "\u{99b}\u{9af}\u{9bc}"],
            &["সাত"],
            &["আট"],
            &["\u{9a8}\u{9df}", "\u{9a8}\u{9af}\u{9bc}"],
        ],
    ),
    (
        "bn-Latn",
        [
            &["shunno", "shunyo"],
            &[],
            &["dui"],
            &["tin"],
            &[],
            &["pach"],
            &["choy", "chhoy"],
            &["shat", "sat"],
            &[],
            &["noy"],
        ],
    ),
    (
        "ur",
        [
            &["صفر"],
            &["ایک"],
            &["دو"],
            &["تین"],
            &["چار"],
            &["پانچ"],
            &["چھ"],
            &["سات"],
            &["آٹھ"],
            &["نو"],
        ],
    ),
    (
        "tl",
        [
            &["sero", "wala"],
            &["isa"],
            &["dalawa"],
            &["tatlo"],
            &["apat"],
            &["lima"],
            &["anim"],
            &["pito"],
            &["walo"],
            &["siyam"],
        ],
    ),
];

/// Numbers of two digits by language: the teens and the tens, which read
/// out phone numbers in pairs (`ninety-eight seventy-six`) and area codes
/// (`onze` is São Paulo's 11). Tens take the unit after them.
pub(crate) const TENS: &[(&str, &[(&str, u8)])] = &[
    (
        "en",
        &[
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("thirteen", 13),
            ("fourteen", 14),
            ("fifteen", 15),
            ("sixteen", 16),
            ("seventeen", 17),
            ("eighteen", 18),
            ("nineteen", 19),
            ("twenty", 20),
            ("thirty", 30),
            ("forty", 40),
            ("fourty", 40),
            ("fifty", 50),
            ("sixty", 60),
            ("seventy", 70),
            ("eighty", 80),
            ("ninety", 90),
        ],
    ),
    (
        "es",
        &[
            ("diez", 10),
            ("once", 11),
            ("doce", 12),
            ("trece", 13),
            ("catorce", 14),
            ("quince", 15),
            ("dieciséis", 16),
            ("dieciseis", 16),
            ("diecisiete", 17),
            ("dieciocho", 18),
            ("diecinueve", 19),
            ("veinte", 20),
            ("veintiuno", 21),
            ("veintidós", 22),
            ("veintidos", 22),
            ("veintitrés", 23),
            ("veintitres", 23),
            ("veinticuatro", 24),
            ("veinticinco", 25),
            ("veintiséis", 26),
            ("veintiseis", 26),
            ("veintisiete", 27),
            ("veintiocho", 28),
            ("veintinueve", 29),
            ("treinta", 30),
            ("cuarenta", 40),
            ("cincuenta", 50),
            ("sesenta", 60),
            ("setenta", 70),
            ("ochenta", 80),
            ("noventa", 90),
        ],
    ),
    (
        "pt",
        &[
            ("dez", 10),
            ("onze", 11),
            ("doze", 12),
            ("treze", 13),
            ("catorze", 14),
            ("quatorze", 14),
            ("quinze", 15),
            ("dezesseis", 16),
            ("dezasseis", 16),
            ("dezessete", 17),
            ("dezassete", 17),
            ("dezoito", 18),
            ("dezenove", 19),
            ("dezanove", 19),
            ("vinte", 20),
            ("trinta", 30),
            ("quarenta", 40),
            ("cinquenta", 50),
            ("sessenta", 60),
            ("setenta", 70),
            ("oitenta", 80),
            ("noventa", 90),
        ],
    ),
];

/// "And" between tens and a unit: Portuguese `e`, Spanish `y`.
const AND: &[&str] = &["e", "y"];

/// Digit spellings that are also everyday words or names (Hindi "do" is
/// English "do", Spanish and French "un" is "a", Italian "sei" is "you are",
/// Vietnamese "năm" is "year", Swahili "sita" is a name, Vietnamese
/// without its marks is English and French: "bay", "chin", "bon", "mot"):
/// they count inside a run of number words only.
const WEAK: &[&str] = &[
    "o",
    "oh",
    "do",
    "un",
    "una",
    "une",
    "um",
    "uma",
    "meia",
    "sei",
    "bir",
    "ba",
    "hai",
    "năm",
    "aat",
    "nao",
    "uc",
    "bes",
    "sita",
    "saba",
    "once",
    "mot",
    "bon",
    "nam",
    "sau",
    "bay",
    "tam",
    "chin",
    "tin",
    "sat",
    "noy",
    "\u{9a8}\u{9df}",
    "\u{9a8}\u{9af}\u{9bc}",
    "دو",
    "wala",
    "isa",
];

/// `double five`, `triple nine`.
const TIMES: &[(&str, u8)] = &[("double", 2), ("triple", 3)];

/// The `@` of an address, spelled out (Spanish and Portuguese say "arroba").
pub(crate) const AT: &[&str] = &["at", "arroba", "arobase"];

/// The dots of a domain, spelled out.
pub(crate) const DOT: &[&str] = &["dot", "punto", "ponto", "point", "titik", "nokta", "punkt"];

/// Every word, lower case, and what it stands for, with a filter that
/// turns away nearly every other word before it is hashed.
struct Dictionary {
    /// A Bloom filter of each word's length, first and last byte (lower
    /// case): one look-up turns away nineteen words of twenty that are not
    /// in the dictionary.
    filter: [u64; FILTER_WORDS],
    words: HashMap<&'static [u8], Word, BuildHasherDefault<Fnv>>,
}

static DICTIONARY: Lazy<Dictionary> = Lazy::new(|| {
    let mut all = Vec::new();
    for (_, digits) in DIGITS {
        for (value, spellings) in (0u8..).zip(digits) {
            for spelling in *spellings {
                let weak = WEAK.contains(spelling);
                all.push((*spelling, Word::Digit { value, weak }));
            }
        }
    }
    for (_, numbers) in TENS {
        for &(spelling, value) in *numbers {
            let weak = WEAK.contains(&spelling);
            all.push((spelling, Word::Digit { value, weak }));
        }
    }
    all.extend(AND.iter().map(|&word| (word, Word::And)));
    all.extend(
        TIMES
            .iter()
            .map(|&(word, times)| (word, Word::Times(times))),
    );
    all.push(("plus", Word::Plus));
    all.extend(AT.iter().map(|&word| (word, Word::At)));
    all.extend(DOT.iter().map(|&word| (word, Word::Dot)));
    let mut dictionary = Dictionary {
        filter: [0; FILTER_WORDS],
        words: HashMap::default(),
    };
    for (word, meaning) in all {
        let bit = filter_bit(word.as_bytes());
        dictionary.filter[bit / 64] |= 1 << (bit % 64);
        dictionary.words.insert(word.as_bytes(), meaning);
    }
    dictionary
});

/// The longest word of the dictionary, in bytes (Devanagari and Arabic
/// letters take two or three).
const LONGEST: usize = 24;

/// What `word` stands for, in any case of its ASCII letters.
pub(crate) fn lookup(word: &[u8]) -> Option<Word> {
    let dictionary = &*DICTIONARY;
    let bit = filter_bit(word);
    if word.len() > LONGEST || dictionary.filter[bit / 64] >> (bit % 64) & 1 == 0 {
        return None;
    }
    let mut lower = [0u8; LONGEST];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    dictionary.words.get(&*lower).copied()
}

/// Bits of the dictionary's filter, in 64-bit words (4,096 bits).
const FILTER_WORDS: usize = 64;

/// The filter bit of `word` (any ASCII case; empty words have bit 0, and
/// the dictionary has none).
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let (Some(first), Some(last)) = (word.first(), word.last()) else {
        return 0;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    let mixed = ((usize::from(first) * 0x9E37) ^ (usize::from(last) * 0x85EB)) + word.len() * 0x2F;
    mixed % (FILTER_WORDS * 64)
}

/// FNV-1a: the dictionary's keys are a few bytes long, where SipHash's
/// set-up costs more than the hashing.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A character that stands for one digit by itself: a Chinese numeral, or
/// a digit enclosed, superscript or subscript (see [`enclosed_digit`]).
pub(crate) fn numeral(c: char) -> Option<u8> {
    cjk_digit(c).or_else(|| enclosed_digit(c))
}

/// Digits in circles, brackets, with a full stop or comma, or raised or
/// lowered (`⑨⑧⑦⑥⑤ ④③②①⓪`, `❾❽❼…`, `⁹⁸⁷…`): Unicode gives them a
/// digit value (category No) but not the decimal digit property, so they
/// break every run of digits while reading as one. Those of two digits
/// (`⑩`, `⒑` …) stand for no one digit and are left out.
fn enclosed_digit(c: char) -> Option<u8> {
    let c = u32::from(c);
    let from = |first: u32, value: u32| u8::try_from(c - first + value).ok();
    match c {
        0x24EA | 0x24FF | 0x1F100 | 0x1F101 | 0x2070 | 0x2080 => Some(0),
        0xB9 => Some(1),
        0xB2 | 0xB3 => from(0xB2, 2),
        0x2074..=0x2079 => from(0x2074, 4),
        0x2081..=0x2089 => from(0x2081, 1),
        0x2460..=0x2468 => from(0x2460, 1),
        0x2474..=0x247C => from(0x2474, 1),
        0x2488..=0x2490 => from(0x2488, 1),
        0x24F5..=0x24FD => from(0x24F5, 1),
        0x2776..=0x277E => from(0x2776, 1),
        0x2780..=0x2788 => from(0x2780, 1),
        0x278A..=0x2792 => from(0x278A, 1),
        0x1F102..=0x1F10A => from(0x1F102, 1),
        0x1F10B | 0x1F10C => Some(0),
        _ => None,
    }
}

/// Chinese numerals, written one character a digit (`一三八…`; `幺` is
/// how "one" is read out in phone numbers).
fn cjk_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '幺' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_spelling_stands_for_two_things() {
        let mut seen: HashMap<&str, (u8, &str)> = HashMap::new();
        let digits = DIGITS.iter().flat_map(|(language, digits)| {
            (0u8..).zip(digits).flat_map(move |(value, spellings)| {
                spellings.iter().map(move |&s| (*language, s, value))
            })
        });
        let tens = TENS.iter().flat_map(|(language, numbers)| {
            numbers.iter().map(move |&(s, value)| (*language, s, value))
        });
        for (language, spelling, value) in digits.chain(tens) {
            if let Some(&(other, other_language)) = seen.get(spelling) {
                assert_eq!(
                    other, value,
                    "{spelling:?} is {other} in {other_language}, {value} in {language}"
                );
            }
            seen.insert(spelling, (value, language));
            assert_eq!(spelling, spelling.to_lowercase(), "tables are lower case");
            assert!(
                spelling.len() <= LONGEST,
                "{spelling:?} is longer than LONGEST"
            );
        }
        let others = AT.iter().chain(DOT).chain(AND);
        for word in others.chain(TIMES.iter().map(|(w, _)| w)) {
            assert!(!seen.contains_key(word), "{word:?} is also a digit");
        }
        for weak in WEAK {
            assert!(seen.contains_key(weak), "weak {weak:?} is no digit word");
        }
    }

    #[test]
    fn looks_words_up_in_any_ascii_case() {
        assert_eq!(
            lookup(b"Nine"),
            Some(Word::Digit {
                value: 9,
                weak: false
            })
        );
        assert_eq!(
            lookup(b"NINE"),
            Some(Word::Digit {
                value: 9,
                weak: false
            })
        );
        assert_eq!(
            lookup(b"Tr\xc3\xaas"),
            Some(Word::Digit {
                value: 3,
                weak: false
            })
        );
        assert_eq!(
            lookup(b"oh"),
            Some(Word::Digit {
                value: 0,
                weak: true
            })
        );
        assert_eq!(lookup(b"DOUBLE"), Some(Word::Times(2)));
        assert_eq!(lookup(b"AT"), Some(Word::At));
        assert_eq!(lookup(b"Punto"), Some(Word::Dot));
        assert_eq!(lookup(b"nein"), None);
        assert_eq!(lookup(&[b'a'; 100]), None);
    }
}
