//! Contact details spelled out to slip past filters: `nine eight seven six
//! five four three two one zero`, `double five`, `ek do teen`, `一三八…`,
//! `ravi [at] gmail [dot] com`, `juan arroba gmail punto com`.
//!
//! Why: an agent who wants to take a customer off the platform, or pass a
//! number to a rival, learns within a day that digits in a row get masked,
//! and writes them as words. Nothing in such text triggers a detector (no
//! digit, no `@`), so the scanner cannot notice it on the way, as it does
//! keycap emoji (`crate::marks`): reading it takes a pass over the words
//! of every message. That pass is opt-in
//! ([`ScannerBuilder::spelled_out`], or the guard's `read_spelled_out` for
//! what it checks): it costs a scan of chat about as much again. Every
//! scan reads two parts of it, which it can tell a text holds without
//! reading its words: signs typed between digit groups
//! ([`Spelling::SignsBetweenDigits`]) and the addresses that name a mail
//! service or say `arroba` or `arobase` ([`Spelling::AddressWords`]).
//!
//! The pass rewrites what it recognises into a copy (`crate::rewrite`) that
//! the detectors then read as usual: digit words become digits, `at` and
//! `dot` become `@` and `.`. Recognising is deliberately loose and
//! validating is not: a run of number words becomes digits only when it
//! holds three digit words and seven digits in all, and what comes out
//! must still pass the phone detector's metadata, vetoes and context rules
//! (`order nine eight seven …` stays an order), or the e-mail detector's.
//! What it recognises:
//!
//! - **Digit words** of the languages of WhatsApp commerce (`words::DIGITS`:
//!   English, Hinglish and Hindi, Spanish, Portuguese, French, Italian,
//!   German, Indonesian and Malay, Turkish, Swahili, Arabic, Russian,
//!   Vietnamese with and without its marks, Bengali in its script and in
//!   Latin letters, Urdu, Tagalog), in any ASCII case, mixed freely with
//!   digit groups (`98765 four three two one zero`), the teens and tens of English,
//!   Spanish and Portuguese (`ninety-eight`, `onze`, `vinte e um`), with
//!   `double`/`triple` before a digit and `plus` before a number. Words
//!   are joined by spaces, `-`, `.`, `,` or `/`; a run ends at anything
//!   else. Words that are everyday words too (`do`, `oh`, `un`) count
//!   inside a run; at its ends they stand apart, as a group of their own.
//! - **Chinese numerals**, one character a digit (`一三八一二三四五六七八`),
//!   and digits enclosed, raised or lowered (`⑨⑧⑦…`, `❾❽❼…`, `⁹⁸⁷…`), which
//!   Unicode does not count as decimal digits.
//! - **Signs between digit groups** that nobody writes inside a number:
//!   emoji and other symbols, `*`, `_`, `~`, `|`, `#`, `=`, an ellipsis
//!   (`98765🔥43210`, `98765 ✅ 43210`, `98765*43210`, `98765...43210`),
//!   read as a space (these every scan reads, without this pass: see
//!   [`Spelling::SignsBetweenDigits`]); and one line break
//!   between two halves of a number, each of two to six digits
//!   (`98765⏎43210`); see `digits`. Digit groups each wrapped alike in
//!   brackets or quotes (`[98765] [43210]`, `"98765" "43210"`) are read
//!   so too, every scan, the characters between two groups as a space;
//!   see `wrapped`.
//! - **Letters for digits** touching a digit (`98765 4321O`: `O`/`o` as 0,
//!   `l`/`I` as 1), and one digit word glued to digits (`98765four3210`);
//!   see `digits`.
//! - **An address's `@` and dots** written as words or in brackets: `at`,
//!   `arroba`, `arobase`, `[at]`, `(at)`, `{at}`, `[@]` and `dot`, `punto`, `ponto`,
//!   `point`, `titik`, `nokta`, `punkt`, `[dot]`, `(.)` (the bracketed
//!   signs alone the address detectors read without this pass, see
//!   `crate::detect::bracketed`). A plain `at` with
//!   real dots (`find us at shop.com`) is English; it is read as an `@`
//!   only before a mail service's domain (`ravi at gmail.com`) or after a
//!   local part that looks like a mailbox (`ravi.kumar at …`).
//!
//! The words are read as the detectors read a text: through the marks
//! that `crate::marks` drops (invisible characters, keycaps, italics,
//! full-width forms), so `ju\u{200B}an[at]gmail.com` is read as
//! `ju\u{200B}an@gmail.com` is, and `nine\u{200B} eight …` as one run.
//! The scanner hands this pass the copy without them when a text has any.
//!
//! Tens of the other languages, hundreds, and Thai or Japanese readings are
//! not read.
//!
//! [`ScannerBuilder::spelled_out`]: crate::ScannerBuilder::spelled_out

mod digits;
mod email;
mod words;
mod wrapped;

use crate::finding::Finding;
use crate::marks;
use crate::rewrite::Rewritten;
use crate::text::char_at;

/// A copy of a text with its spelled-out values rewritten, and the words
/// each run of digits in it was read from.
#[derive(Debug)]
pub(crate) struct Reading {
    /// The rewritten copy.
    pub copy: Rewritten,
    /// The words (and digit groups) of each run read as digits, in order
    /// (none when reading signs between digit groups alone).
    pub runs: Vec<Vec<(usize, usize)>>,
    /// Reading signs between digit groups alone: each run's range.
    ranges: Vec<(usize, usize)>,
    spelling: Spelling,
}

impl Reading {
    /// This reading of `outer`'s text as a reading of `outer`'s original:
    /// the copy and each run's words mapped back through it.
    pub(crate) fn through(self, outer: &Rewritten) -> Reading {
        let runs = self
            .runs
            .into_iter()
            .map(|words| {
                words
                    .into_iter()
                    .map(|(start, end)| outer.original(start, end))
                    .collect()
            })
            .collect();
        let ranges = self
            .ranges
            .into_iter()
            .map(|(start, end)| outer.original(start, end))
            .collect();
        Reading {
            copy: self.copy.through(outer),
            runs,
            ranges,
            spelling: self.spelling,
        }
    }

    /// Whether a value found in the copy, at `start..end` of `text` (the
    /// text read, offsets mapped back), is this reading's to add: one
    /// inside a single digit group of a run is written as it stands
    /// (`IMG_20231105_9876543210`: the scan of the text as written read
    /// it glued by `_`, a file's name, where the copy reads a space); and
    /// reading only signs between digit groups, a value must take in two
    /// tokens of one run, across a sign or a gap beside one: elsewhere the
    /// copy differs from the text only in the context it gives, and what
    /// a text holds in one place would hang on signs in another.
    pub(crate) fn reads(&self, text: &[u8], start: usize, end: usize) -> bool {
        // Reading the addresses every scan reads, the copy differs from
        // the text in them alone: a value elsewhere is the scan's to find.
        if self.spelling == Spelling::AddressWords {
            let first = self.ranges.partition_point(|&(_, to)| to <= start);
            return self.ranges.get(first).is_some_and(|&(from, _)| from < end);
        }
        if self.spelling == Spelling::SignsBetweenDigits {
            let first = self.ranges.partition_point(|&(_, to)| to <= start);
            return self.ranges[first..]
                .iter()
                .take_while(|&&(from, _)| from < end)
                .any(|&(from, to)| {
                    let held = &text[start.max(from)..end.min(to)];
                    let digit = |b: &u8| b.is_ascii_digit();
                    match (held.iter().position(digit), held.iter().rposition(digit)) {
                        (Some(first), Some(last)) => held[first..last]
                            .iter()
                            .any(|&b| !b.is_ascii_digit() && b != b'+'),
                        _ => false,
                    }
                });
        }
        let mut in_one_group = false;
        for words in &self.runs {
            let first = words.partition_point(|&(_, to)| to <= start);
            let mut overlapped = words[first..].iter().take_while(|&&(from, _)| from < end);
            match (overlapped.next(), overlapped.next()) {
                (Some(_), Some(_)) => return true,
                (Some(&(from, to)), None) => {
                    in_one_group |= from <= start
                        && end <= to
                        && text[from..to]
                            .iter()
                            .all(|&b| b.is_ascii_digit() || b == b'+');
                }
                _ => {}
            }
        }
        !in_one_group
    }
}

/// What a reading of spelled-out values reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spelling {
    /// Every form this module reads: the opt-in pass.
    Everything,
    /// Only signs typed between digit groups (`98765🔥43210`,
    /// `98765*43210`, `98765...43210`) and digit groups each wrapped alike
    /// in brackets or quotes (`[98765] [43210]`), read by every scan:
    /// nobody writes them inside a number by accident, and the scanner
    /// learns on its way whether a text holds any ([`signs_after`],
    /// [`wrapped_after`]), so text without them pays nothing. Line breaks and commas between groups, which
    /// lists and amounts hold too, and every word stay opt-in.
    SignsBetweenDigits,
    /// Only the addresses that name themselves as such (`ravi at gmail dot
    /// com`, `juan arroba empresa punto com`, `ravi at the rate gmail.com`;
    /// see `email`), read by every scan: the words that call for this
    /// reading (` at ` before a mail service's name or `the rate`,
    /// ` arroba `, ` arobase `, in any case) are searched for in every text at once
    /// ([`may_spell_address`]), so text without them, nearly all, pays
    /// that search. Other spelled addresses (`sales at example dot com`),
    /// which only a pass over every word tells from prose, stay opt-in.
    AddressWords,
}

/// An `@` said in words that calls for reading [`Spelling::AddressWords`]:
/// `at` between spaces before a mail service's name or `the rate`, or
/// `arroba` or `arobase` after a space, in any case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AddressWord {
    /// Where `at`, `arroba` or `arobase` is written.
    pub at: (usize, usize),
    /// The end of the words that make it an `@`: the mail service's name
    /// after `at` (`at gmail`), or `at the rate `; `arroba` or `arobase`
    /// alone.
    pub end: usize,
}

/// The [`AddressWord`] starting at `a` (an `a` or `A`), if one does.
fn address_word_at(text: &[u8], a: usize) -> Option<AddressWord> {
    if a == 0 || text[a - 1] != b' ' {
        return None;
    }
    // `arroba` (Spanish, Portuguese) and `arobase` (French): never prose
    // before an address. Told apart by their third letter, as this runs
    // at every ` at` and ` ar` of every text.
    let word: &[u8] = match text.get(a + 2).map(|b| b | 0x20) {
        Some(b'r') => b"arroba",
        Some(b'o') => b"arobase",
        _ => b"",
    };
    if !word.is_empty()
        && text
            .get(a..a + word.len())
            .is_some_and(|written| written.eq_ignore_ascii_case(word))
    {
        let end = a + word.len();
        return Some(AddressWord { at: (a, end), end });
    }
    let at_word = text.get(a..a + 3)?;
    if !at_word[..2].eq_ignore_ascii_case(b"at") || at_word[2] != b' ' {
        return None;
    }
    let after = a + 3;
    let len = email::service_or_the_rate_at(text, after)?;
    Some(AddressWord {
        at: (a, a + 2),
        end: after + len,
    })
}

/// Hands each [`AddressWord`] of `text` to `take`, in order, until `take`
/// returns `true`; returns whether it did, and if not, whether `text` is
/// ASCII (learnt on the way, for a bit-or a word: see
/// [`may_spell_address`]).
///
/// Every text is read here, so the search is a word (eight bytes) at a
/// time for a space, an `a` and a `t` or an `r`, in any case, as
/// `memchr`'s fallback finds a byte: a few operations a byte, and only
/// what it finds is looked at (in chat, about one in a hundred bytes). Three
/// `memchr::memmem` searches (` at `, ` AT `, `rroba`) cost about 5.8
/// instructions a byte of realistic chat, most of it each call's set-up
/// on messages of about a hundred bytes; an Aho-Corasick automaton of the
/// words more, and case-insensitive it lost its vector prefilter.
fn each_address_word(text: &[u8], mut take: impl FnMut(AddressWord) -> bool) -> Walk {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const LOWER: u64 = 0x2020_2020_2020_2020;
    // Flags each zero byte of `v` (and maybe a byte above one, which the
    // look at the text rules out).
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let word = |at: usize| {
        let bytes: [u8; 8] = text[at..at + 8].try_into().expect("eight bytes");
        u64::from_le_bytes(bytes) | LOWER
    };
    // The high bits of every byte looked at: none set, the text is ASCII.
    let mut high = u64::from(text.first().copied().unwrap_or(0));
    // From the second byte: an address word follows a space.
    let mut i = 1;
    while i + 9 <= text.len() {
        let (before, here, next) = (word(i - 1), word(i), word(i + 1));
        high |= here;
        // A space is the only byte that `| 0x20` leaves a space.
        let mut found = zero_bytes(before ^ (ONES * u64::from(b' ')))
            & zero_bytes(here ^ (ONES * u64::from(b'a')))
            & (zero_bytes(next ^ (ONES * u64::from(b't')))
                | zero_bytes(next ^ (ONES * u64::from(b'r'))));
        while found != 0 {
            let a = i + (found.trailing_zeros() / 8) as usize;
            if address_word_at(text, a).is_some_and(&mut take) {
                return Walk::Taken;
            }
            found &= found - 1;
        }
        i += 8;
    }
    let ascii = high & HIGHS == 0 && text.get(i..).is_none_or(<[u8]>::is_ascii);
    while i + 1 < text.len() {
        let pair = (text[i] | 0x20, text[i + 1] | 0x20);
        if matches!(pair, (b'a', b't' | b'r')) && address_word_at(text, i).is_some_and(&mut take) {
            return Walk::Taken;
        }
        i += 1;
    }
    Walk::Ended { ascii }
}

/// How [`each_address_word`] ended.
enum Walk {
    /// `take` took a word.
    Taken,
    /// It took none; `ascii`: the text is ASCII.
    Ended { ascii: bool },
}

/// Whether `text` says an `@` in words that calls for reading the
/// addresses it spells out ([`Spelling::AddressWords`]); nearly all text
/// does not. The words are read as written and, in text beyond ASCII with
/// marks (see `crate::marks`), through them: behind an invisible
/// character or in full-width letters (`ravi at\u{200B} gmail dot com`, a
/// zero-width space slipped in to hide the address from a filter), as
/// the copy without the marks reads them. What else `crate::marks` drops,
/// the underscores of italics, changes the words around it, and a word
/// beside one neither calls for the reading nor is read (see
/// [`read_copy`]).
///
/// A search for marks in every text would cost about 3 instructions a
/// byte of chat, most of it each call's set-up: the walk for the words
/// learns whether the text is ASCII, and only text beyond ASCII is
/// searched; [`may_spell_address_as_written`] is for text the scanner
/// found no marks in.
pub(crate) fn may_spell_address(text: &[u8]) -> bool {
    match each_address_word(text, |_| true) {
        Walk::Taken => true,
        Walk::Ended { ascii } => {
            !ascii && marks::any(text, false) && {
                let copy = marks::strip(text);
                let read = |word| read_in_copy(&copy, text, &word);
                matches!(each_address_word(&copy.text, read), Walk::Taken)
            }
        }
    }
}

/// [`may_spell_address`] of text without marks.
pub(crate) fn may_spell_address_as_written(text: &[u8]) -> bool {
    matches!(each_address_word(text, |_| true), Walk::Taken)
}

/// Every [`AddressWord`] of `text`, in order: as written, and in text
/// beyond ASCII with marks, those they hide (see [`may_spell_address`]),
/// mapped back onto the text. Every address a scan reads spelled out
/// starts at one, and lies within [`crate::stream::REACH`] bytes of it (a
/// stream cuts nowhere nearer).
pub(crate) fn address_words(text: &[u8]) -> Vec<AddressWord> {
    let mut words = address_words_as_written(text);
    if !text.is_ascii() && marks::any(text, false) {
        let copy = marks::strip(text);
        words.extend(
            address_words_as_written(&copy.text)
                .into_iter()
                .map(|word| {
                    let (start, at_end) = copy.original(word.at.0, word.at.1);
                    let (_, end) = copy.original(word.at.0, word.end);
                    let at = (start, marks::end_before_invisible(text, start, at_end));
                    AddressWord { at, end }
                }),
        );
        words.sort_by_key(|word| word.at);
        words.dedup();
    }
    words
}

/// Every [`AddressWord`] of `text` as written, in order.
fn address_words_as_written(text: &[u8]) -> Vec<AddressWord> {
    let mut words = Vec::new();
    each_address_word(text, |word| {
        words.push(word);
        false
    });
    words
}

pub(crate) use digits::signs_after;
pub(crate) use wrapped::wrapped_after;

/// A copy of `text` with its spelled-out digits and address signs written
/// as digits and signs, `None` when it holds none (nearly all text); the
/// words in `taken` (sorted and disjoint) read as no number's, a run ending
/// at them.
///
/// The scanner takes the words of a run that the values found in it leave
/// out (`tam / 98765...43210`: the number, and `tam`, an `8` beside it):
/// as digits they changed the words around (`…67:tam` became `…67:8`, no
/// longer a number's end), where a second redaction, the value masked and
/// the run ending at its mask, reads them as words.
///
/// Reading [`Spelling::AddressWords`], only such addresses are read, and
/// no digit word.
pub(crate) fn read(text: &[u8], taken: &[(usize, usize)], spelling: Spelling) -> Option<Reading> {
    read_words(text, taken, spelling, |_| true)
}

/// [`read`] of `copy`, a copy of `original` without its marks (see
/// `crate::marks`), reading [`Spelling::AddressWords`] only at the words
/// with no underscore as written. The scanner calls for the reading where
/// the words say an `@` as written or behind invisible characters and in
/// full-width letters ([`may_spell_address`]),
/// so a word behind one of those is read (`ravi at gmail\u{200B} dot
/// com`). The underscores of italics are dropped where the characters
/// around them make them formatting (`ravi _at gmail …`), and a word
/// beside one is not read: only the words as written called for the
/// reading before, and a word a mark hid was read in a text whose other
/// words called for it and not in its line alone (`-- \u{200B}at the rate
/// t.me`, found by the stream property test).
pub(crate) fn read_copy(
    copy: &Rewritten,
    original: &[u8],
    taken: &[(usize, usize)],
    spelling: Spelling,
) -> Option<Reading> {
    read_words(&copy.text, taken, spelling, |word| {
        read_in_copy(copy, original, word)
    })
}

/// Whether [`read_copy`] reads `word`, an [`AddressWord`] of `copy`, a
/// copy of `original` without its marks: whether no underscore stands in
/// it as written, nor in the space before it (an underscore made a space
/// in the copy, `_at gmail`, was no word as written).
fn read_in_copy(copy: &Rewritten, original: &[u8], word: &AddressWord) -> bool {
    let (from, to) = copy.original(word.at.0 - 1, word.end);
    !original[from..to].contains(&b'_')
}

/// [`read`], reading [`Spelling::AddressWords`] at the words `keep` keeps.
fn read_words(
    text: &[u8],
    taken: &[(usize, usize)],
    spelling: Spelling,
    keep: impl Fn(&AddressWord) -> bool,
) -> Option<Reading> {
    let (mut edits, mut at_words) = (Vec::new(), Vec::new());
    if spelling == Spelling::AddressWords {
        at_words.extend(
            address_words_as_written(text)
                .into_iter()
                .filter(|word| keep(word))
                .map(|word| word.at),
        );
    } else {
        digits::find(text, taken, &mut edits, &mut at_words);
    }
    let mut addresses = Vec::new();
    email::find(text, &at_words, spelling, &mut addresses);
    // The two passes may claim the same words (`nine[at]e.nine, 119nine…`:
    // the address's last label and a number's first digit word). The
    // address keeps them, and the numbers are read again without them: as
    // they are read once the address is masked (its domain kept as
    // written), which a number that only dropped the words it shared would
    // not be (`e.nine, DO119…`: `DO` was a digit in the middle of the
    // number, then a word at its edge).
    let addresses_taken: Vec<_> = addresses
        .iter()
        .map(|e| (email::local_start(text, e.start), e.end))
        .collect();
    let shared = addresses_taken
        .iter()
        .any(|&(start, end)| edits.iter().any(|e| e.start < end && e.end > start));
    if shared {
        edits.clear();
        let taken = digits::union(
            addresses_taken
                .into_iter()
                .chain(taken.iter().copied())
                .collect(),
        );
        digits::find(text, &taken, &mut edits, &mut Vec::new());
    }
    let ranges = match spelling {
        Spelling::AddressWords => addresses
            .iter()
            .map(|e| (email::local_start(text, e.start), e.end))
            .collect(),
        _ => Vec::new(),
    };
    edits.append(&mut addresses);
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.start);
    let runs = edits
        .iter_mut()
        .filter(|e| !e.words.is_empty())
        .map(|e| std::mem::take(&mut e.words))
        .collect();
    let mut out = Rewritten::with_capacity(text.len());
    let mut copied = 0;
    for edit in &edits {
        let (start, bytes) = if edit.start >= copied {
            (edit.start, &edit.bytes[..])
        } else {
            match edit.bytes.iter().position(|&(_, at)| at >= copied) {
                Some(i) => (edit.bytes[i].1, &edit.bytes[i..]),
                None => continue,
            }
        };
        out.copy(text, copied, start);
        for &(byte, at) in bytes {
            out.push(byte, at);
        }
        copied = edit.end;
    }
    out.copy(text, copied, text.len());
    Some(Reading {
        copy: out.finish(text.len()),
        runs,
        ranges,
        spelling,
    })
}

/// A copy of `text` with the signs typed between the digit groups of a
/// number written as one space (see [`Spelling::SignsBetweenDigits`]),
/// `None` when it holds none. `through` is the copy of `text` without the
/// marks the detectors read through (`crate::marks`), if it has any: the
/// signs are read in it, and it becomes the reading's copy, in place.
pub(crate) fn read_signs(text: &[u8], through: Option<Rewritten>) -> Option<Reading> {
    let runs = digits::signs_runs(through.as_ref().map_or(text, |copy| &copy.text));
    if runs.is_empty() {
        return None;
    }
    let mut copy = through.unwrap_or_else(|| {
        let mut copy = Rewritten::with_capacity(text.len());
        copy.copy(text, 0, text.len());
        copy.finish(text.len())
    });
    let ranges = runs
        .iter()
        .map(|&(start, end)| copy.original(start, end))
        .collect();
    copy.collapse_gaps(&runs, |gap| {
        digits::is_symbol_gap(gap) || wrapped::is_gap_between_wrapped(gap)
    });
    Some(Reading {
        copy,
        runs: Vec::new(),
        ranges,
        spelling: Spelling::SignsBetweenDigits,
    })
}

/// The words of `runs` that none of `found` (sorted and disjoint) holds,
/// in runs that one of them overlaps: what a run took beyond the values
/// read in it or beside it. Sorted and disjoint. A word glued to a value
/// (`DO` of `DO119nine000…`, `tam` of `ba:tam987/65..43210`) is among
/// them: read again as letters it glues to the value, which the scanner
/// then keeps from the first reading (its mask leaves the word as letters,
/// `tam•••/…`, which end no number before it as the digit `8` did).
pub(crate) fn words_left_out(
    runs: &[Vec<(usize, usize)>],
    found: &[Finding],
) -> Vec<(usize, usize)> {
    let overlapped = |(start, end): (usize, usize)| {
        let i = found.partition_point(|f| f.end <= start);
        found.get(i).is_some_and(|f| f.start < end)
    };
    let mut left_out = Vec::new();
    for words in runs {
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if overlapped((first.0, last.1)) {
            left_out.extend(words.iter().copied().filter(|&word| !overlapped(word)));
        }
    }
    digits::union(left_out)
}

/// Whether a finding's text spells its value out: an address with its `@`
/// spelled or in brackets, another value with a digit word, a Chinese
/// numeral or a letter that looks like a digit. Operators replace such a value as if it had been written in
/// digits: a mask or format-preserving encryption of the digits as written
/// would leave the words, that is the value, in place.
pub(crate) fn is_spelled(finding: &Finding, value: &[u8]) -> bool {
    let opens = |b: u8| matches!(b, b'[' | b'(' | b'{' | b'<');
    // An address is spelled when its `@` is: missing, or in brackets.
    if finding.kind.is_address() {
        return match memchr::memchr(b'@', value) {
            None => true,
            Some(at) => value[..at]
                .iter()
                .rev()
                .find(|&&b| b != b' ')
                .is_some_and(|&b| opens(b)),
        };
    }
    // Values written in ASCII digits and signs, nearly all, have no byte
    // from `A` up (a maximum that compiles to a few vector instructions).
    if value.iter().copied().max().unwrap_or(0) < b'A' {
        return false;
    }
    // A value with letters of its own (a PAN, an IBAN, a passport number)
    // is never spelled out: its letters would break any run of digit words.
    let normal = finding.normalized.as_bytes();
    if normal.iter().any(u8::is_ascii_alphabetic) {
        return false;
    }
    // Other values written in digits have about as many (of any script) as
    // their normal form: a national number lacks the calling code's, at
    // most three, while one spelled out lacks at least three, and more
    // than a calling code's when it has a `+`.
    let (mut letters, mut digits, mut plus, mut i) = (false, 0, false, 0);
    while let Some(&b) = value.get(i) {
        if b < 0x80 {
            letters |= b.is_ascii_alphabetic();
            digits += usize::from(b.is_ascii_digit());
            plus |= b == b'+';
            i += 1;
        } else {
            let (c, width) = char_at(value, i);
            match c.and_then(crate::text::digit_value) {
                Some(_) => digits += 1,
                None => letters = true,
            }
            i += width.max(1);
        }
    }
    // A letter that stands for a digit (`98765 4321O`), a digit word glued
    // to digits (`98765four3210`) or a Chinese numeral (`201200000一`) is a
    // digit spelled, however few.
    let hidden_digit = |t: &Token| match t.kind {
        TokenKind::Numeral(_) => true,
        TokenKind::Word => digits::hides_a_digit(value, t.start, t.end),
        TokenKind::Digits => false,
    };
    if letters && Tokens::new(value).any(|t| hidden_digit(&t)) {
        return true;
    }
    let normal_digits = normal.iter().filter(|b| b.is_ascii_digit()).count();
    let missing = if plus { 0 } else { 3 };
    if !letters || digits + missing >= normal_digits {
        return false;
    }
    Tokens::new(value).any(|token| match token.kind {
        TokenKind::Numeral(_) => true,
        TokenKind::Digits => false,
        TokenKind::Word => match words::lookup(&value[token.start..token.end]) {
            Some(words::Word::Digit { weak, .. }) => !weak,
            Some(_) => true,
            None => false,
        },
    })
}

/// `text[start..end]` is to be read as `bytes`, each with the offset it
/// stands for (non-decreasing, in `start..end`).
#[derive(Debug)]
struct Edit {
    start: usize,
    end: usize,
    bytes: Vec<(u8, usize)>,
    /// A run of digits' words (none for an address).
    words: Vec<(usize, usize)>,
}

/// A word, a group of ASCII digits (with a `+` glued before it) or one
/// Chinese numeral.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokenKind {
    Word,
    Digits,
    Numeral(u8),
}

#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    kind: TokenKind,
}

/// The tokens of a text, in order. What lies between two tokens is
/// neither letters nor digits: spaces, punctuation, emoji, invalid bytes.
struct Tokens<'t> {
    text: &'t [u8],
    at: usize,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t [u8]) -> Self {
        Tokens { text, at: 0 }
    }
}

/// A letter of a word beyond ASCII: letters and combining marks of any
/// script (Devanagari vowel signs and viramas are marks), not Chinese
/// numerals, which are tokens of their own.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (!c.is_ascii()
            && unicode_ident::is_xid_continue(c)
            && !crate::text::is_numeric(c)
            && words::numeral(c).is_none())
}

/// What an ASCII byte can be in a token (`OTHER` for bytes of characters
/// beyond ASCII): the tokenizer's inner loops look bytes up here rather
/// than decode characters, as nearly all text it reads is ASCII.
const SKIP: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const PLUS: u8 = 3;
const OTHER: u8 = 4;

static CLASSES: [u8; 256] = {
    let mut classes = [SKIP; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'+' => PLUS,
            0x80..=0xFF => OTHER,
            _ => SKIP,
        };
        b += 1;
    }
    classes
};

/// The end of the word whose letters continue at `at`.
fn word_end(text: &[u8], mut at: usize) -> usize {
    loop {
        match text.get(at).map(|&b| CLASSES[usize::from(b)]) {
            Some(LETTER) => at += 1,
            Some(OTHER) => match char_at(text, at) {
                (Some(c), width) if is_word_char(c) => at += width,
                _ => return at,
            },
            _ => return at,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        loop {
            // Spaces and ASCII punctuation start no token.
            while CLASSES[usize::from(*text.get(self.at)?)] == SKIP {
                self.at += 1;
            }
            let start = self.at;
            let class = CLASSES[usize::from(text[start])];
            let (end, kind) = match class {
                DIGIT | PLUS => {
                    let digits = text[start + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                    if class == PLUS && digits == 0 {
                        self.at = start + 1;
                        continue;
                    }
                    (start + 1 + digits, TokenKind::Digits)
                }
                LETTER => (word_end(text, start + 1), TokenKind::Word),
                _ => {
                    let (c, width) = char_at(text, start);
                    let next = start + width.max(1);
                    match c {
                        // A word starts with a letter: a joiner or a mark
                        // after no letter belongs to an emoji
                        // (`👨\u{200D}👩`, `❤\u{FE0F}`), not a word.
                        Some(c) if is_word_char(c) && unicode_ident::is_xid_start(c) => {
                            (word_end(text, next), TokenKind::Word)
                        }
                        Some(c) => match words::numeral(c) {
                            Some(value) => (next, TokenKind::Numeral(value)),
                            None => {
                                self.at = next;
                                continue;
                            }
                        },
                        None => {
                            self.at = next;
                            continue;
                        }
                    }
                }
            };
            self.at = end;
            return Some(Token { start, end, kind });
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::finding::Kind;

    /// The copy [`read`] makes of `text`, no words taken.
    fn rewrite(text: &[u8]) -> Option<Rewritten> {
        super::read(text, &[], Spelling::Everything).map(|reading| reading.copy)
    }

    /// `text` as the detectors read it: rewritten, or as it is.
    pub(in crate::spelled) fn read_through(text: &str) -> String {
        read(text).unwrap_or_else(|| text.to_string())
    }

    /// The rewritten text, as a string.
    fn read(text: &str) -> Option<String> {
        rewrite(text.as_bytes()).map(|r| String::from_utf8(r.text).unwrap())
    }

    #[test]
    fn an_at_said_in_words_calls_for_reading_spelled_addresses() {
        for text in [
            "ravi at gmail dot com",
            "RAVI AT GMAIL DOT COM",
            "juan arroba empresa punto com",
            "Juan Arroba empresa punto com",
            "ravi at The Rate example dot in",
            "a@b.com and ravi at yahoo.co.in",
            "Ravi At Gmail",
            "juan ARROBA",
            // Both sides of the eight-byte words.
            "1234567 at gmail",
            "12345678 at gmail",
            "123456789 at gmail",
            "123456 arroba",
            "ravi arobase gmail point com",
            // Behind invisible characters, in full-width letters.
            "ravi at\u{200B} gmail dot com",
            "ravi a\u{200D}t gmail dot com",
            "ravi \u{2060}at gmail dot com",
            "ravi at g\u{00AD}mail dot com",
            "juan arr\u{FEFF}oba empresa punto com",
            "ｒａｖｉ ａｔ ｇｍａｉｌ ｄｏｔ ｃｏｍ",
        ] {
            assert!(may_spell_address(text.as_bytes()), "{text}");
        }
        // A word an underscore hides is not read (see `read_copy`), nor
        // called for in ASCII text; marks elsewhere hide nothing.
        for text in [
            "ravi _at gmail dot com_",
            "ravi\u{200B} at home",
            "é at gmai\u{200B}",
        ] {
            assert!(!may_spell_address(text.as_bytes()), "{text}");
        }
        for text in [
            "ravi@gmail.com",
            "mail RAVI@GMAIL.COM",
            "gmail",
            "mygmail",
            "we are at home",
            "tarroba",
            "at gmail",
            "ravi at  gmail",
            "98765 43210",
            "",
        ] {
            assert!(!may_spell_address(text.as_bytes()), "{text}");
        }
        let text = b"x at gmail, y arroba z, the rate, a AT THE RATE b";
        let words: Vec<_> = address_words(text).iter().map(|w| (w.at, w.end)).collect();
        assert_eq!(words, [((2, 4), 10), ((14, 20), 20), ((36, 38), 48)]);
        // A word a mark hides, mapped back onto the text.
        let text = "x at\u{200B} gmail, y a\u{200B}t gmail".as_bytes();
        let words: Vec<_> = address_words(text).iter().map(|w| (w.at, w.end)).collect();
        assert_eq!(words, [((2, 4), 13), ((17, 22), 28)]);
    }

    #[test]
    fn the_search_for_address_words_finds_what_a_byte_by_byte_one_does() {
        // Texts of the pieces that make or nearly make an address word, at
        // every offset from the eight-byte words' edges.
        let pieces: [&[u8]; 14] = [
            b" ",
            b"a",
            b"A",
            b"t",
            b"T",
            b"r",
            b"at",
            b" at gmail",
            b" AT the rate ",
            b" arroba",
            b"gmail",
            b"\xFF",
            "\u{200B}".as_bytes(),
            "é".as_bytes(),
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..20_000 {
            let mut text = Vec::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.extend_from_slice(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let byte_by_byte: Vec<_> = (0..text.len())
                .filter(|&a| text[a] | 0x20 == b'a')
                .filter_map(|a| address_word_at(&text, a))
                .collect();
            assert_eq!(address_words_as_written(&text), byte_by_byte, "{text:?}");
            let walk = each_address_word(&text, |_| true);
            match walk {
                Walk::Taken => assert!(!byte_by_byte.is_empty(), "{text:?}"),
                Walk::Ended { ascii } => {
                    assert!(byte_by_byte.is_empty(), "{text:?}");
                    assert_eq!(ascii, text.is_ascii(), "{text:?}");
                }
            }
            // Through the marks, it finds at least as much.
            if !byte_by_byte.is_empty() {
                assert!(may_spell_address(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn tokens_are_words_digit_groups_and_numerals() {
        let text = [
            &b"Call +91 nine-8 "[..],
            "छः 一二x बात!".as_bytes(),
            b"\xFFok",
        ]
        .concat();
        let tokens: Vec<_> = Tokens::new(&text)
            .map(|t| (std::str::from_utf8(&text[t.start..t.end]).unwrap(), t.kind))
            .collect();
        use TokenKind::*;
        assert_eq!(
            tokens,
            [
                ("Call", Word),
                ("+91", Digits),
                ("nine", Word),
                ("8", Digits),
                ("छः", Word),
                ("一", Numeral(1)),
                ("二", Numeral(2)),
                ("x", Word),
                ("बात", Word),
                ("ok", Word),
            ]
        );
    }

    #[test]
    fn text_without_spelled_values_is_not_copied() {
        for text in [
            "",
            "hi, where is my order? it was due on monday",
            "one or two boxes, three if you can",
            "see you at five, at the shop.com counter",
            "nine\u{FE0F} eight seven six five four three",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    #[test]
    fn tells_spelled_values_from_written_ones() {
        let spelled = |kind: Kind, value: &str, normalized: &str| {
            let finding = Finding {
                kind,
                start: 0,
                end: value.len(),
                confidence: 0.9,
                normalized: normalized.into(),
            };
            is_spelled(&finding, value.as_bytes())
        };
        let phone = "+919876543210";
        assert!(spelled(
            Kind::Phone,
            "nine eight seven six five four three two one zero",
            phone
        ));
        assert!(spelled(Kind::Phone, "98765 four three two one zero", phone));
        assert!(spelled(Kind::Phone, "98765 43 two one zero", phone));
        assert!(spelled(Kind::Phone, "98765 4321O", phone));
        assert!(spelled(Kind::Phone, "98765four3210", phone));
        assert!(spelled(Kind::Phone, "+91 98765 43 two one zero", phone));
        assert!(spelled(
            Kind::Phone,
            "一三八一二三四五六七八",
            "+8613812345678"
        ));
        let mail = "ravi@gmail.com";
        assert!(spelled(Kind::Email, "ravi [at] gmail [dot] com", mail));
        assert!(spelled(Kind::Email, "ravi[@]gmail(.)com", mail));
        assert!(spelled(Kind::Email, "ravi arroba gmail punto com", mail));

        assert!(!spelled(Kind::Phone, "+91 98765 43210", phone));
        assert!(!spelled(Kind::Phone, "98765 43210", phone));
        assert!(!spelled(Kind::Phone, "wa.me/919876543210", phone));
        assert!(!spelled(Kind::Phone, "+९१ ९८७६५ ४३२१०", phone));
        assert!(!spelled(Kind::Phone, "(011) 2345-6789", "+911123456789"));
        assert!(!spelled(
            Kind::Email,
            "ravi.kumar@gmail.com",
            "ravi.kumar@gmail.com"
        ));
        assert!(!spelled(Kind::Email, "dot.one@two.com", "dot.one@two.com"));
        assert!(!spelled(Kind::InPan, "ABCPE1234F", "ABCPE1234F"));
        assert!(!spelled(Kind::InPassport, "O1234567", "O1234567"));
        let iban = "DE89370400440532013000";
        assert!(!spelled(Kind::Iban, "DE89 3704 0044 0532 0130 00", iban));
    }

    #[test]
    fn edits_map_back_to_what_was_written() {
        let text = "call nine eight seven six five four three two one zero or mail ravi [at] gmail [dot] com";
        let r = rewrite(text.as_bytes()).unwrap();
        let copy = std::str::from_utf8(&r.text).unwrap();
        assert_eq!(copy, "call 9876543210 or mail ravi@gmail.com");
        let digits = copy.find('9').unwrap();
        let (start, end) = r.original(digits, digits + 10);
        assert_eq!(
            &text[start..end],
            "nine eight seven six five four three two one zero"
        );
        let mail = copy.find("ravi").unwrap();
        let (start, end) = r.original(mail, copy.len());
        assert_eq!(&text[start..end], "ravi [at] gmail [dot] com");
    }

    #[test]
    fn any_bytes_rewrite_to_a_monotonic_map() {
        let text = b"nine\xffeight seven six five four three two \xc3 one zero one two three four five six seven x [at] y [dot] z";
        let r = rewrite(text).unwrap();
        let mut last = 0;
        for i in 0..=r.text.len() {
            let (at, _) = r.original(i, i);
            assert!(at >= last && at <= text.len());
            last = at;
        }
    }
}
