//! Keywords that name the value right after them, for detectors of values
//! that are personal data only when named (a bank account number, an IMEI,
//! a passport number): their digits alone look like any order number.
//!
//! Unlike [`super::context`], which ranks many kinds in one shared
//! automaton and vetoes on "order" or "IMEI", each such detector keeps its
//! own short word list, and a word counts only when it is *about* the value:
//! on the same line, within a few characters, and with nothing between the
//! two but punctuation and connector words ("A/c no. is", "número da"). So
//! "my account was blocked, call 98765 43210" names no account number.
//!
//! The search runs only on a candidate that already has the value's shape
//! (and check digit, where there is one), in a window of bounded length.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::policy::mask::BULLET;
use crate::text::{
    char_at, char_before, digit_value, is_alphabetic, is_alphanumeric, is_latin_letter,
};

/// Words that may stand between a keyword and its value.
static CONNECTORS: &[&str] = &[
    "no",
    "nr",
    "nro",
    "num",
    "number",
    "nummer",
    "numero",
    "número",
    "numéro",
    "nomor",
    "no.",
    "is",
    "es",
    "é",
    "est",
    "ist",
    "adalah",
    "my",
    "your",
    "mi",
    "meu",
    "minha",
    "mon",
    "ma",
    "mein",
    "meine",
    "de",
    "do",
    "da",
    "del",
    "of",
    "the",
    "ka",
    "ki",
    "ke",
    "hai",
    "का",
    "की",
    "है",
    "संख्या",
    "नंबर",
    "नं",
    "क्रमांक",
    "sa",
    "n",
    "nº",
    "n°",
    "id",
    "anda",
    "saya",
    "kamu",
    "mera",
    "meri",
    "mero",
    "apna",
    "apni",
    "here",
    "below",
    "bank",
    "with",
    "at",
    "and",
    "number:",
    "号码",
    "號碼",
    "号",
    "番号",
    "번호",
    "رقم",
    "numarası",
    // Bengali "no." and "number", Urdu's and Persian's "number".
    "নং",
    "নম্বর",
    "نمبر",
    "شماره",
];

/// What a word before a number can be, for the quick test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The last word of a keyword of the list: the slow path looks.
    KeywordEnd,
    /// A connector word ("no", "is", "my" …): look at the word before it.
    Connector,
}

/// ASCII words and what they are, asked about nearly every word that
/// stands before a number in a chat, ignoring ASCII case: a word of up to
/// eight bytes is packed into a `u64` (lower-cased on the way) and looked
/// up in an open-addressed table (a multiply, a shift and one or two
/// compares); the rare longer words are kept sorted.
#[derive(Debug)]
struct WordMap {
    /// Packed words (0 marks an empty slot; no word packs to 0).
    slots: Vec<u64>,
    roles: Vec<Role>,
    /// `64 - log2(slots.len())`: the hash keeps the product's top bits.
    shift: u32,
    long: Vec<(Vec<u8>, Role)>,
}

impl WordMap {
    /// The words (lower case, not empty), each with its role; a word given
    /// twice keeps its first role.
    fn new(words: impl IntoIterator<Item = (Vec<u8>, Role)>) -> WordMap {
        let mut short = Vec::new();
        let mut long: Vec<(Vec<u8>, Role)> = Vec::new();
        for (w, role) in words.into_iter().filter(|(w, _)| !w.is_empty()) {
            match Self::pack(&w) {
                Some(key) => short.push((key, role)),
                None => long.push((w, role)),
            }
        }
        long.sort_by(|a, b| a.0.cmp(&b.0));
        long.dedup_by(|b, a| a.0 == b.0);
        // At most a quarter full: a probe rarely looks past its first slot.
        let size = (short.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![0u64; size];
        let mut roles = vec![Role::Connector; size];
        let shift = 64 - size.trailing_zeros();
        for (key, role) in short {
            let mut i = Self::slot(key, shift);
            while slots[i] != 0 && slots[i] != key {
                i = (i + 1) & (size - 1);
            }
            if slots[i] == 0 {
                slots[i] = key;
                roles[i] = role;
            }
        }
        WordMap {
            slots,
            roles,
            shift,
            long,
        }
    }

    /// A word of one to eight bytes, lower-cased, as one number, its
    /// length in the top byte's place when shorter (so `ab` and `ab\0`
    /// differ). Byte by byte: a `copy_from_slice` of a variable length
    /// would call `memcpy` for at most eight bytes.
    #[inline]
    fn pack(word: &[u8]) -> Option<u64> {
        if word.is_empty() || word.len() > 8 {
            return None;
        }
        let key = word
            .iter()
            .rev()
            .fold(0u64, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()));
        Some(if word.len() < 8 {
            key | (word.len() as u64) << 56
        } else {
            key
        })
    }

    #[inline]
    fn slot(key: u64, shift: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
    }

    /// What `word` (any ASCII case, not empty) is, if the map holds it.
    #[inline]
    fn get(&self, word: &[u8]) -> Option<Role> {
        let Some(key) = Self::pack(word) else {
            // Lower-cased on the fly: the scan path allocates nothing.
            let lower = word.iter().map(u8::to_ascii_lowercase);
            return self
                .long
                .binary_search_by(|(w, _)| w.iter().copied().cmp(lower.clone()))
                .ok()
                .map(|i| self.long[i].1);
        };
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(key, self.shift);
        loop {
            match self.slots[i] {
                0 => return None,
                k if k == key => return Some(self.roles[i]),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// A list of keywords and the window they are looked for in.
#[derive(Debug)]
pub(crate) struct Keywords {
    automaton: AhoCorasick,
    /// How many characters besides the keyword itself the window holds
    /// (the gap is also limited to three connector words).
    gap_chars: usize,
    /// The last word of each keyword written in ASCII, and the connectors:
    /// the quick test before the automaton runs.
    words: WordMap,
    /// Sorted: the last letter of each keyword and connector that ends in
    /// a letter beyond ASCII, as the quick test reaches it walking back
    /// (over trailing punctuation and signs that are not letters).
    script_ends: Vec<char>,
    /// Connectors of this list only, on top of [`CONNECTORS`] (the banks
    /// named between an account word and its number).
    own_connectors: &'static [&'static str],
    /// Per automaton pattern: the keyword was listed in capitals, an
    /// abbreviation that is a keyword only when shouted (`PP#` names a
    /// passport; `pp.` is a page).
    capitals_only: Vec<bool>,
}

/// The letter the quick test reaches first, walking back from the end of
/// `word` over what it treats as the gap.
fn last_letter(word: &str) -> Option<char> {
    word.chars()
        .rev()
        .find(|&c| is_alphanumeric(c) || c == '/' || c == '_')
}

impl Keywords {
    /// Keywords (lower case; matched ignoring ASCII case), looked for in a
    /// window of `gap_chars` characters plus the longest keyword. A keyword
    /// listed in ASCII capitals (`PP`) matches only as written.
    pub(crate) fn new(words: &[&str], gap_chars: usize) -> Keywords {
        Keywords::with_connectors(words, &[], gap_chars)
    }

    /// [`Self::new`], with words of its own that may stand between a
    /// keyword and its value besides the shared connectors (lower case).
    pub(crate) fn with_connectors(
        words: &[&str],
        own_connectors: &'static [&'static str],
        gap_chars: usize,
    ) -> Keywords {
        // A DFA: the search runs before many numbers, over a short window.
        let is_capitals = |w: &str| w.bytes().any(|b| b.is_ascii_uppercase());
        let forms: Vec<String> = words
            .iter()
            .flat_map(|w| crate::text::case_variants(w))
            .collect();
        let capitals_only = words
            .iter()
            .flat_map(|w| vec![is_capitals(w); crate::text::case_variants(w).len()])
            .collect();
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&forms)
            .expect("keyword automaton");
        // A word that ends a keyword and is a connector too ("no") ends
        // the walk: its keyword is looked for.
        let keyword_ends = words
            .iter()
            .filter_map(|w| w.split([' ', '-']).next_back())
            .map(|w| {
                (
                    w.trim_end_matches(['.', ':'])
                        .as_bytes()
                        .to_ascii_lowercase(),
                    Role::KeywordEnd,
                )
            });
        let all_connectors = || CONNECTORS.iter().chain(own_connectors).copied();
        let connectors = all_connectors().filter(|c| c.is_ascii()).map(|c| {
            (
                c.trim_end_matches(['.', ':']).as_bytes().to_vec(),
                Role::Connector,
            )
        });
        let mut script_ends: Vec<char> = forms
            .iter()
            .map(String::as_str)
            .chain(all_connectors())
            .filter_map(last_letter)
            .filter(|c| !c.is_ascii())
            .collect();
        script_ends.sort_unstable();
        script_ends.dedup();
        let words = WordMap::new(keyword_ends.chain(connectors));
        Keywords {
            automaton,
            gap_chars,
            words,
            script_ends,
            own_connectors,
            capitals_only,
        }
    }

    /// The quick test: walking back from `start` over punctuation and up to
    /// three connector words, the word reached is the last word of a
    /// keyword, or is written in another script (whose words the slow path
    /// judges: Chinese and Japanese write no spaces). Most numbers in chat
    /// follow some other word and stop here, before any automaton runs.
    fn may_follow_keyword(&self, text: &[u8], start: usize) -> bool {
        self.quick_test(text, start, |c| self.script_ends.binary_search(&c).is_ok())
    }

    /// [`Self::may_follow_keyword`], with `script_end` saying whether a
    /// keyword or connector may end in a letter beyond ASCII.
    fn quick_test(&self, text: &[u8], start: usize, script_end: impl Fn(char) -> bool) -> bool {
        let ascii_word = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_');
        let mut end = start;
        for _ in 0..4 {
            // Punctuation, symbols and spaces between words, a few at most.
            let mut gap = 0;
            loop {
                match char_before(text, end) {
                    (Some(c), w) if gap < 6 && !is_alphanumeric(c) && c != '/' && c != '_' => {
                        if matches!(c, '\n' | '\r') {
                            return false;
                        }
                        end -= w;
                        gap += 1;
                    }
                    // A word of another script: the slow path judges it,
                    // if a keyword or a connector can end in this letter
                    // (text in Hindi or Arabic before most numbers, seldom
                    // a keyword's).
                    (Some(c), _) if !c.is_ascii() && is_alphabetic(c) => return script_end(c),
                    _ => break,
                }
            }
            let mut word_start = end;
            while word_start > 0 && end - word_start < 32 && ascii_word(text[word_start - 1]) {
                word_start -= 1;
            }
            if word_start == end {
                return false;
            }
            if word_start > 0 && text[word_start - 1] >= 0x80 {
                // A word glued to a masked value was glued to the letters or
                // digits the bullets stand for (`J8369854A/c` masked as
                // `••••••••A/c`): not a keyword before, so not one now, or
                // redaction would not be idempotent. Other scripts go to
                // the slow path.
                return char_before(text, word_start).0 != Some(BULLET);
            }
            match self.words.get(&text[word_start..end]) {
                Some(Role::KeywordEnd) => return true,
                Some(Role::Connector) => end = word_start,
                None => return false,
            }
        }
        false
    }

    /// Whether a keyword names the value that starts at `start`.
    pub(crate) fn before(&self, text: &[u8], start: usize) -> bool {
        self.may_follow_keyword(text, start) && self.named_in_window(text, start)
    }

    /// The slow path of [`Self::before`]: the keyword automaton over the
    /// window before `start`.
    fn named_in_window(&self, text: &[u8], start: usize) -> bool {
        // Keywords are short: the window is the gap plus the longest word.
        let from = window_start(text, start, self.gap_chars + 20);
        let window = &text[from..start];
        // Leftmost-longest: a match glued inside a word ("bank account" in
        // "GTBank account") must not hide a shorter one after its start.
        let mut at = 0;
        while let Some(m) = self
            .automaton
            .find(aho_corasick::Input::new(window).range(at..))
        {
            if whole_word(text, from + m.start(), from + m.end(), start)
                && only_connectors(&window[m.end()..], self.own_connectors)
                && (!self.capitals_only[m.pattern().as_usize()]
                    || !window[m.range()].iter().any(u8::is_ascii_lowercase))
            {
                return true;
            }
            at = m.start() + 1;
        }
        false
    }
}

/// The start of the window that ends at `end`: the same line and clause, at
/// most `chars` characters back, not beyond a number of two digits or more
/// (a keyword names the number right after it; a single digit may belong
/// to the keyword, as in `IMEI1`, `IMEI 2:`).
fn window_start(text: &[u8], end: usize, chars: usize) -> usize {
    let mut start = end;
    let mut digits = 0;
    for _ in 0..chars {
        // ASCII, most of the walk, decided on the byte.
        if let Some(b) = start.checked_sub(1).map(|i| text[i]).filter(u8::is_ascii) {
            if matches!(b, b'\n' | b'\r' | b'?' | b'!' | b';' | b'@') {
                break;
            }
            digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
            if digits > 1 {
                // Keep the window after this number.
                let (_, w) = char_at(text, start);
                return start + w;
            }
            start -= 1;
            continue;
        }
        match char_before(text, start) {
            (None, _) => break,
            (Some(c), _)
                if matches!(c, '\n' | '\r' | '?' | '!' | ';' | '@' | '？' | '！' | '；')
                    || c == BULLET =>
            {
                break
            }
            (Some(c), width) => {
                digits = if digit_value(c).is_some() {
                    digits + 1
                } else {
                    0
                };
                if digits > 1 {
                    // Keep the window after this number.
                    let (_, w) = char_at(text, start);
                    return start + w;
                }
                start -= width.max(1);
            }
        }
    }
    start
}

/// Letters of a word, including the combining signs of Indic scripts
/// (the virama in `संख्या` is not alphabetic).
fn is_word_char(c: char) -> bool {
    is_alphabetic(c) || ('\u{0900}'..='\u{0DFF}').contains(&c)
}

/// Latin keywords stand as whole words ("acc" is not in "accept"); words of
/// other scripts stand anywhere.
/// `start..end` is the keyword in `text`, `value` where the value starts.
/// What comes before the keyword is read in the whole text, not the window:
/// the window stops after a number, and `…4321IMEI:` must read the same
/// once that number is masked (`…••321IMEI:`), or redaction would not be
/// idempotent.
fn whole_word(text: &[u8], start: usize, end: usize, value: usize) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| is_latin_letter(c) || c.is_ascii_digit());
    // A mask bullet stands for the letter or digit it hides.
    let word_char =
        |c: Option<char>| c.is_some_and(|c| is_alphanumeric(c) || c == '_' || c == BULLET);
    // Chinese and Japanese write Latin words without a space (`在吗passport
    // no.`): their characters do not glue.
    let glued_before = latin(char_at(text, start).0)
        && word_char(char_before(text, start).0)
        && !char_before(text, start).0.is_some_and(is_spaceless_script);
    let after = if end < value {
        char_at(text, end).0
    } else {
        None
    };
    let glued_after = latin(char_before(text, end).0) && word_char(after);
    !glued_before && !glued_after
}

/// Letters of scripts written without spaces between words (CJK
/// ideographs, kana, and the blocks after them): a Latin word may touch
/// them.
fn is_spaceless_script(c: char) -> bool {
    c >= '\u{2E80}' && is_alphanumeric(c)
}

/// Whether `gap` holds only punctuation, spaces and connector words (the
/// shared ones or `own`).
fn only_connectors(gap: &[u8], own: &[&str]) -> bool {
    let mut i = 0;
    let mut words = 0;
    while i < gap.len() {
        match char_at(gap, i) {
            (Some(c), _) if is_word_char(c) => {
                let mut j = i;
                while let (Some(c), w) = char_at(gap, j) {
                    if !(is_word_char(c) || c == '.' && j > i) || w == 0 {
                        break;
                    }
                    j += w;
                }
                let word = &gap[i..j];
                let word = word.strip_suffix(b".").unwrap_or(word);
                words += 1;
                if words > 3
                    || !CONNECTORS
                        .iter()
                        .chain(own)
                        .any(|k| k.as_bytes().eq_ignore_ascii_case(word))
                {
                    return false;
                }
                i = j;
            }
            (_, w) => i += w.max(1),
        }
    }
    true
}

/// Whether a value touching `c` would be part of a longer word or number:
/// a Latin letter, a digit of any script or `_`. CJK, Arabic or Thai text,
/// punctuation and emoji may touch a value (Chinese and Japanese write no
/// spaces).
pub(crate) fn glues(c: Option<char>) -> bool {
    c.is_some_and(|c| is_latin_letter(c) || digit_value(c).is_some() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Keywords of several scripts, some ending in signs that are not
    /// letters (a virama, a colon, a full stop).
    const SCRIPT_KEYWORDS: &[&str] = &[
        "a/c",
        "account no.",
        "खाता",
        "खाता संख्या",
        "खाते",
        "अकाउंट्",
        "账号",
        "账号：",
        "رقم الحساب",
        "حساب",
        "счёт",
        "номер счета",
        "hesap no",
        "número de cuenta",
    ];

    /// Words and signs a chat puts between a keyword and a number.
    const PIECES: &[&str] = &[
        "खाता",
        "संख्या",
        "मेरा",
        "है",
        "का",
        "नंबर",
        "्",
        "账号",
        "是",
        "我的",
        "：",
        "حساب",
        "رقم",
        "هو",
        "счёт",
        "номер",
        "мой",
        "no",
        "is",
        "my",
        "é",
        "número",
        "de",
        "cuenta",
        "hesap",
        " ",
        " ",
        " ",
        ".",
        ":",
        "-",
        "\n",
        "🙏",
        "७",
        "x",
        "a/c",
        "ए",
        "े",
    ];

    proptest! {
        /// The letter test never turns away a number the slow path would
        /// find named (it only spares the slow path letters no keyword or
        /// connector ends in).
        #[test]
        fn script_letter_test_spares_only_what_the_slow_path_rejects(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..8)
        ) {
            let keywords = Keywords::new(SCRIPT_KEYWORDS, 24);
            let text = pieces.concat();
            let t = text.as_bytes();
            if keywords.quick_test(t, t.len(), |_| true) && keywords.named_in_window(t, t.len()) {
                prop_assert!(keywords.may_follow_keyword(t, t.len()), "{text:?}");
            }
        }
    }

    #[test]
    fn script_words_that_end_no_keyword_skip_the_slow_path() {
        let keywords = Keywords::new(SCRIPT_KEYWORDS, 24);
        for text in [
            "मेरा खाता ",
            "账号：",
            "رقم الحساب ",
            "номер счета: ",
            "खाता संख्या है ",
        ] {
            assert!(keywords.before(text.as_bytes(), text.len()), "{text}");
        }
        for text in ["धन्यवाद ", "我们明天见 ", "شكرا ", "спасибо "] {
            let t = text.as_bytes();
            assert!(!keywords.may_follow_keyword(t, t.len()), "{text}");
            assert!(keywords.quick_test(t, t.len(), |_| true), "{text}");
        }
    }

    fn named(words: &[&str], text: &str) -> bool {
        Keywords::new(words, 24).before(text.as_bytes(), text.len())
    }

    #[test]
    fn keyword_must_be_about_the_value() {
        let k = &["a/c", "account", "खाता"];
        assert!(named(k, "A/c no. "));
        assert!(named(k, "my account number is: "));
        assert!(named(k, "ACCOUNT # "));
        assert!(named(k, "खाता संख्या "));
        assert!(!named(k, "my account was blocked, call "));
        assert!(!named(k, "accounts "));
        assert!(!named(k, "account\n"));
        assert!(!named(k, "account 12 and "));
        assert!(named(&["imei1", "imei 2"], "IMEI1: "));
        assert!(named(&["imei1", "imei 2"], "imei 2 - "));
        assert!(named(k, "account number is "));
        // Glued to a number, before and after that number is masked alike.
        assert!(!named(&["imei"], "wa.me/5511987654321IMEI: "));
        assert!(!named(&["imei"], "wa.me/••••••••••321IMEI: "));
        assert!(!named(k, "passport J8369854A/c no. "));
        assert!(!named(k, "passport ••••••••A/c no. "));
    }

    #[test]
    fn latin_keywords_may_touch_spaceless_scripts() {
        let k = &["passport"];
        assert!(named(k, "在吗passport no. "));
        assert!(named(k, "パスポートpassport: "));
        // Letters of spaced scripts still glue, as Latin ones do.
        assert!(!named(k, "mypassport no. "));
        assert!(!named(k, "мойpassport no. "));
    }

    #[test]
    fn word_map_holds_exactly_its_words() {
        let words = [
            "a",
            "no",
            "nr",
            "ab",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "passport",
            "passeport",
        ];
        let role = |w: &str| {
            if w.len() % 2 == 0 {
                Role::KeywordEnd
            } else {
                Role::Connector
            }
        };
        let map = WordMap::new(words.iter().map(|w| (w.as_bytes().to_vec(), role(w))));
        for w in words {
            assert_eq!(map.get(w.as_bytes()), Some(role(w)), "{w}");
            assert_eq!(
                map.get(w.to_ascii_uppercase().as_bytes()),
                Some(role(w)),
                "{w}"
            );
        }
        // Prefixes, extensions and near misses of every length.
        for w in [
            "b",
            "n",
            "abc",
            "abcdef",
            "abcdefgi",
            "abcdefghij",
            "passpor",
            "passports",
            "ab\0",
        ] {
            assert_eq!(map.get(w.as_bytes()), None, "{w}");
        }
        // A word given twice keeps its first role.
        let twice = WordMap::new([
            (b"no".to_vec(), Role::KeywordEnd),
            (b"no".to_vec(), Role::Connector),
        ]);
        assert_eq!(twice.get(b"NO"), Some(Role::KeywordEnd));
        assert_eq!(WordMap::new(Vec::new()).get(b"no"), None);
    }

    #[test]
    fn survives_any_bytes() {
        let k = Keywords::new(&["imei"], 8);
        for text in [&b"\xff\xfeIMEI \xe0"[..], b"", b"\xe4\xb8", b"#"] {
            for end in 0..=text.len() {
                let _ = k.before(text, end);
            }
        }
    }
}
