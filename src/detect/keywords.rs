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

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::{char_at, char_before, digit_value, is_latin_letter};

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
];

/// A list of keywords and the window they are looked for in.
#[derive(Debug)]
pub(crate) struct Keywords {
    automaton: AhoCorasick,
    /// How many characters besides the keyword itself the window holds
    /// (the gap is also limited to three connector words).
    gap_chars: usize,
}

impl Keywords {
    /// Keywords (lower case; matched ignoring ASCII case), looked for in a
    /// window of `gap_chars` characters plus the longest keyword.
    pub(crate) fn new(words: &[&str], gap_chars: usize) -> Keywords {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("keyword automaton");
        Keywords {
            automaton,
            gap_chars,
        }
    }

    /// Whether a keyword names the value that starts at `start`.
    pub(crate) fn before(&self, text: &[u8], start: usize) -> bool {
        // Keywords are short: the window is the gap plus the longest word.
        let from = window_start(text, start, self.gap_chars + 32);
        let window = &text[from..start];
        self.automaton
            .find_overlapping_iter(window)
            .any(|m| whole_word(window, m.start(), m.end()) && only_connectors(&window[m.end()..]))
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
        match char_before(text, start) {
            (None, _) => break,
            (Some(c), _)
                if matches!(c, '\n' | '\r' | '?' | '!' | ';' | '@' | '？' | '！' | '；')
                    || c == crate::policy::mask::BULLET =>
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
    c.is_alphabetic() || ('\u{0900}'..='\u{0DFF}').contains(&c)
}

/// Latin keywords stand as whole words ("acc" is not in "accept"); words of
/// other scripts stand anywhere.
fn whole_word(window: &[u8], start: usize, end: usize) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| is_latin_letter(c) || c.is_ascii_digit());
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let glued_before = latin(char_at(window, start).0) && word_char(char_before(window, start).0);
    let glued_after = latin(char_before(window, end).0) && word_char(char_at(window, end).0);
    !glued_before && !glued_after
}

/// Whether `gap` holds only punctuation, spaces and connector words.
fn only_connectors(gap: &[u8]) -> bool {
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
