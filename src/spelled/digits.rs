//! Runs of digit words (and digit groups among them) read as digits.
//!
//! A run is a sequence of number tokens, each joined to the next by a short
//! gap of spaces or `-`, `.`, `,`, `/`. It is rewritten only if, weak words
//! at its ends aside, it holds at least [`MIN_WORD_DIGITS`] digits from
//! words (two beside a digit group: `nine eight 7654 3210`) and
//! [`MIN_DIGITS`] in all: fewer is a quantity (`two boxes`, `one or two`),
//! not a number anyone would need to hide. Words become digits
//! written together (`nine eight` is `98`); a gap beside a digit group
//! stays, so `98765 four three two one zero` reads `98765 43210`, as a
//! number in two groups; weak words at the ends become groups of their own
//! (see [`edit`]).
//!
//! Letters that look like digits, typed inside a number to break it up
//! (`98765 4321O`, `O98765 43210`, `98765 432l0`), are read as the digits
//! they imitate when they touch a digit: `O`/`o` as 0, `l`/`I` as 1. So is
//! a single digit word glued to a digit group (`98765four3210`). One is
//! enough, with [`MIN_DIGITS`] in all: nobody writes either into a number
//! by accident, and what comes out must still validate. The same holds for
//! emoji and symbols typed between two digit groups (`98765🔥43210`): the
//! signs are read as one space ([`is_symbol_gap`]), and for one line break
//! between two halves of two to six digits (`98765⏎43210`).

use super::words::{lookup, Word};
use super::wrapped::wrapped_alike;
use super::{Edit, Token, TokenKind, Tokens};
use crate::detect::{bracketed, email};
use crate::marks;
use crate::text::{char_at, char_before, is_alphanumeric};

/// Digits from words a run needs.
const MIN_WORD_DIGITS: usize = 3;
/// Digits a run needs in all: the shortest phone numbers have seven.
const MIN_DIGITS: usize = 7;
/// The longest gap between two tokens of a run, in bytes.
const MAX_GAP: usize = 4;

#[derive(Clone, Copy, Debug)]
enum Part {
    /// A digit word, or a number word of two digits (`ninety`, `onze`).
    Digit {
        value: u8,
        weak: bool,
    },
    /// Letters that look like digits, glued to a digit (`O` for 0).
    Lookalike,
    Times(u8),
    Plus,
    /// `e`, `y`: joins tens to a unit (`vinte e um`, `treinta y dos`).
    And,
    Group,
}

impl Part {
    /// Digits a word stands for, before `double`.
    fn width(self) -> usize {
        match self {
            Part::Digit { value, .. } if value >= 10 => 2,
            Part::Digit { .. } => 1,
            _ => 0,
        }
    }
}

/// Writes `value` (below 100) as the digits it stands for.
fn push_number(value: u8, at: usize, bytes: &mut Vec<(u8, usize)>) {
    if value >= 10 {
        bytes.push((b'0' + value / 10, at));
    }
    bytes.push((b'0' + value % 10, at));
}

#[derive(Clone, Copy, Debug)]
struct Item {
    start: usize,
    end: usize,
    part: Part,
    /// Joined to the digit group before it by signs or emoji nobody writes
    /// inside a number (see [`is_symbol_gap`]).
    after_symbols: bool,
}

/// Adds an edit for each run of `text` worth reading as digits, and notes
/// where `at` (or `arroba`) is written, for the address pass (one pass over
/// the words serves both). Tokens that touch a range of `taken` (sorted and
/// disjoint: spelled addresses, whole, or values found as written) are
/// theirs, and end a run as any other word does.
pub(super) fn find(
    text: &[u8],
    taken: &[(usize, usize)],
    edits: &mut Vec<Edit>,
    at_words: &mut Vec<(usize, usize)>,
) {
    let mut run: Vec<Item> = Vec::new();
    // Tokens come in order: the ranges before a token are behind for good.
    let mut next_taken = 0;
    let mut is_taken = |start: usize, end: usize| {
        while taken.get(next_taken).is_some_and(|&(_, to)| to <= start) {
            next_taken += 1;
        }
        taken.get(next_taken).is_some_and(|&(from, _)| from < end)
    };
    for token in Tokens::new(text) {
        let part = match token.kind {
            _ if is_taken(token.start, token.end) => None,
            TokenKind::Digits | TokenKind::Word
                if in_written_address(text, token.start, token.end) =>
            {
                None
            }
            TokenKind::Digits => Some(Part::Group),
            TokenKind::Word if lookalike(text, token.start, token.end) => Some(Part::Lookalike),
            TokenKind::Numeral(value) => Some(Part::Digit { value, weak: false }),
            TokenKind::Word => match lookup(&text[token.start..token.end]) {
                Some(Word::Digit { value, weak }) => Some(Part::Digit { value, weak }),
                Some(Word::Times(n)) => Some(Part::Times(n)),
                Some(Word::Plus) => Some(Part::Plus),
                Some(Word::And) => Some(Part::And),
                Some(Word::At) => {
                    at_words.push((token.start, token.end));
                    None
                }
                _ => None,
            },
        };
        let Some(part) = part else {
            if !run.is_empty() {
                flush(text, &mut run, edits);
            }
            continue;
        };
        let gap = run.last().map(|last| &text[last.end..token.start]);
        let after_symbols = matches!(part, Part::Group)
            && matches!(run.last(), Some(last) if matches!(last.part, Part::Group))
            && gap.is_some_and(|gap| {
                (is_symbol_gap(gap)
                    && !run
                        .last()
                        .is_some_and(|last| is_range(text, last.start, last.end, gap, token)))
                    || run.last().is_some_and(|last| {
                        wrapped_alike(text, (last.start, last.end), (token.start, token.end))
                    })
                    || (is_comma(gap)
                        && run.last().is_some_and(|last| last.end - last.start == 1)
                        && token.end - token.start == 1)
                    || (is_line_break(gap)
                        && run
                            .last()
                            .is_some_and(|last| is_half(&text[last.start..last.end]))
                        && is_half(&text[token.start..token.end]))
            });
        let joined = after_symbols || gap.is_some_and(is_gap);
        // `plus` starts a number: one inside a run starts another.
        if !joined || matches!(part, Part::Plus) {
            flush(text, &mut run, edits);
        }
        run.push(Item {
            start: token.start,
            end: token.end,
            part,
            after_symbols,
        });
    }
    flush(text, &mut run, edits);
}

/// `ranges` sorted and those that overlap or touch merged: what
/// [`find`] takes.
pub(super) fn union(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// The digit a letter imitates (`O`, `o`: 0; `l`, `I`: 1).
fn lookalike_digit(b: u8) -> Option<u8> {
    match b {
        b'O' | b'o' => Some(b'0'),
        b'l' | b'I' => Some(b'1'),
        _ => None,
    }
}

/// Whether the word `text[start..end]` is made of letters that look like
/// digits and touches a digit on either side, in a token of nothing but
/// digits and such letters (`4321O`, not the `o` of a mailbox `o0nivi`).
fn lookalike(text: &[u8], start: usize, end: usize) -> bool {
    end - start <= 3
        && text[start..end]
            .iter()
            .all(|&b| lookalike_digit(b).is_some())
        && touches_digit(text, start, end)
        && only_digits_and_lookalikes(text, start, end)
}

/// Whether the ASCII letters and digits glued to `text[start..end]` are
/// all digits or letters that look like one (at most 32 on each side: a
/// number is shorter).
fn only_digits_and_lookalikes(text: &[u8], start: usize, end: usize) -> bool {
    const MOST: usize = 32;
    let fits = |run: &mut dyn Iterator<Item = &u8>| {
        run.take_while(|b| b.is_ascii_alphanumeric())
            .enumerate()
            .all(|(i, &b)| i < MOST && (b.is_ascii_digit() || lookalike_digit(b).is_some()))
    };
    fits(&mut text[..start].iter().rev()) && fits(&mut text[end..].iter())
}

/// Whether the word `text[start..end]` is in an e-mail address written
/// with its `@`. In its name (`shat@example.com`, `nine.eight@…`): the
/// address is found as written, and a number read into its name would lose
/// the word once the address is masked, so that redacting twice would mask
/// the number only the second time. In its domain (`x@e.double119…`): the
/// domain stays as written when masked, and the word is its label both
/// times, however the address was first written (`x[at]e.doUble119…`, where
/// the spelled address and the number once claimed the same word).
///
/// Keycap marks and invisible characters among the address's characters
/// (`shat0\u{20E3}@example.com`) are looked through, as the detectors,
/// reading a copy without them, find the address; so are the bullets of
/// a masked name (`1•••@e.in`, the mask of `1[at]e.in`, whose `1` the
/// spelled address held the first time).
fn in_written_address(text: &[u8], start: usize, end: usize) -> bool {
    const MOST: usize = 64;
    let bullet = crate::policy::mask::BULLET.len_utf8();
    // The characters the e-mail detector reads in a name and a domain
    // (`shat'0@…`: an apostrophe is a name's).
    let mut name_ends = end;
    while name_ends - end < MOST {
        // `%40` is a link's `@`, not more of the name.
        if text.get(name_ends..name_ends + 3) == Some(b"%40") {
            break;
        }
        if crate::masked::bullet_at(text, name_ends) {
            name_ends += bullet;
        } else if let Some(width) = marks::mark_at(text, name_ends) {
            name_ends += width;
        } else {
            match char_at(text, name_ends) {
                (Some(c), width) if email::is_local_char(c) => name_ends += width,
                _ => break,
            }
        }
    }
    let mut domain_starts = start;
    while start - domain_starts < MOST && domain_starts > 0 {
        if let Some(width) = marks::mark_before(text, domain_starts) {
            domain_starts -= width;
        } else {
            match char_before(text, domain_starts) {
                (Some(c), width) if c == '.' || email::is_label_char(c) => domain_starts -= width,
                _ => break,
            }
        }
    }
    // A name's `@` written plainly, bracketed or encoded (`9[at]gmail.com`,
    // found by the `redact` fuzz target: the number before it read the
    // name's digit). After a bracketed `@`, the domain's words may be
    // digits a number reads (`nine[at]e.double119nine000…`, no address).
    text.get(name_ends) == Some(&b'@')
        || domain_starts.checked_sub(1).map(|i| text[i]) == Some(b'@')
        || bracketed::at_sign_starting_at(text, name_ends)
            .is_some_and(|sign| domain_follows(text, sign.end))
        || [&b"&#64;"[..], b"&#x40;", b"%40"]
            .iter()
            .any(|sign| crate::text::starts_with_ignore_case(text, name_ends, sign))
}

/// Whether a domain's first label and a dot after it (plain, bracketed or
/// the word `dot`) start at `at`: a bracketed `at` before it is an
/// address's `@`, not the word (`98765...43210 [at] home`).
fn domain_follows(text: &[u8], at: usize) -> bool {
    let label_end = at
        + text[at.min(text.len())..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-')
            .count();
    label_end > at
        && (text.get(label_end) == Some(&b'.')
            || bracketed::dot_after(text, label_end).is_some()
            || bracketed::word_dot_after(text, label_end).is_some())
}

/// Whether the word `text[start..end]` has an ASCII digit right beside it.
fn touches_digit(text: &[u8], start: usize, end: usize) -> bool {
    (start > 0 && text[start - 1].is_ascii_digit()) || text.get(end).is_some_and(u8::is_ascii_digit)
}

/// Whether the word `text[start..end]` stands for a digit inside a number:
/// a letter that looks like one, or a digit word glued to digits
/// (`98765 4321O`, `98765four3210`).
pub(super) fn hides_a_digit(text: &[u8], start: usize, end: usize) -> bool {
    lookalike(text, start, end)
        || (touches_digit(text, start, end)
            && matches!(lookup(&text[start..end]), Some(Word::Digit { .. })))
}

/// Whether `items`, whose words give `word_digits` digits, hold enough
/// words to be a number written to be hidden: three (`two or three boxes`
/// are fewer), two beside a digit group (`nine eight 7654 3210`: with the
/// group's digits the run still needs seven in all), or a disguise.
fn enough_words(word_digits: usize, items: &[Item]) -> bool {
    word_digits >= MIN_WORD_DIGITS
        || (word_digits >= 2 && items.iter().any(|i| matches!(i.part, Part::Group)))
        || disguised(items)
}

/// Whether `items` hide a number's digits among its digits: a letter that
/// looks like one, a digit word glued to a digit group (`98765four3210`),
/// or signs between two groups (`98765🔥43210`). Nobody writes any of
/// them by accident, so one is enough.
fn disguised(items: &[Item]) -> bool {
    items
        .iter()
        .any(|i| matches!(i.part, Part::Lookalike) || i.after_symbols)
        || items.windows(2).any(|w| {
            w[0].end == w[1].start
                && matches!(
                    (w[0].part, w[1].part),
                    (Part::Group, Part::Digit { .. }) | (Part::Digit { .. }, Part::Group)
                )
        })
}

/// A comma, with a space after it or not: between two single digits
/// (`9,8,7,6,5,4,3,2,1,0`) it spells a number out digit by digit, as the
/// phone detector reads `9 8 7 …`; between longer groups it lists numbers
/// or groups thousands.
fn is_comma(gap: &[u8]) -> bool {
    matches!(gap, b"," | b", ")
}

/// Whether `gap` may join two tokens of a run.
fn is_gap(gap: &[u8]) -> bool {
    gap.len() <= MAX_GAP && {
        let mut rest = gap;
        loop {
            match rest {
                [] => break true,
                [b' ' | b'\t' | b'-' | b'.' | b',' | b'/', tail @ ..] => rest = tail,
                [0xC2, 0xA0, tail @ ..] => rest = tail,
                _ => break false,
            }
        }
    }
}

/// Whether `gap` between two digit groups is made of signs that break a
/// number up without belonging in one (`98765🔥43210`, `98765 ✅ 43210`,
/// `98765*43210`, `98765_43210`): emoji and other symbols, and ASCII
/// `*`, `_`, `~`, `|`, `\`, `#`, `=`, and an ellipsis (`98765...43210`,
/// `98765…43210`), with spaces around them. Not the signs of a number, a
/// list or a sentence (`-`, one `.`, `,`, `/`, `:`, brackets, CJK
/// punctuation), and not a mask bullet.
pub(super) fn is_symbol_gap(gap: &[u8]) -> bool {
    gap.len() <= MAX_SYMBOL_GAP
        && matches!(symbol_gap_prefix(gap), (length, true) if length == gap.len())
}

/// The most bytes of signs read between two digit groups.
const MAX_SYMBOL_GAP: usize = 32;

/// How many bytes of the start of `text` are characters of a gap
/// [`is_symbol_gap`] takes, and whether they hold a sign (or an ellipsis).
/// Stops at the first other character: in nearly every text that is at
/// once.
fn symbol_gap_prefix(text: &[u8]) -> (usize, bool) {
    let (mut symbols, mut dots) = (0, 0);
    let mut i = 0;
    while i < text.len() {
        let (c, width) = char_at(text, i);
        match c {
            Some(' ') => {}
            Some('*' | '_' | '~' | '|' | '\\' | '#' | '&' | '=' | '…' | '·') => symbols += 1,
            // Dots count as an ellipsis, two or more.
            Some('.') => dots += 1,
            // Emoji joiners and variation selectors, inside an emoji.
            Some('\u{200D}' | '\u{FE0F}') => {}
            // Arrows, mathematical and technical signs, shapes, dingbats,
            // emoji: from U+2190 up, but CJK punctuation, full-width forms,
            // letters or digits of any script, and U+FFFD, which stands
            // for bytes lost, as an invalid byte does (an invalid byte ends
            // a text to the scanner: a number is not read across either).
            Some(c)
                if u32::from(c) >= 0x2190
                    && !matches!(u32::from(c), 0x3000..=0x303F | 0xFF00..=0xFFEF)
                    && c != char::REPLACEMENT_CHARACTER
                    && !is_alphanumeric(c) =>
            {
                symbols += 1
            }
            _ => break,
        }
        i += width.max(1);
    }
    (i, symbols > 0 || dots >= 2)
}

/// Whether signs that break a number up ([`is_symbol_gap`]) and then an
/// ASCII digit follow `text[..end]`, the digits of a numeric span: whether
/// a [`Spelling::SignsBetweenDigits`](super::Spelling::SignsBetweenDigits) reading may find something in
/// `text`. The scanner asks after a span only when the byte after it may
/// open such a gap (an ellipsis inside a span, whose dots are separators
/// to the scanner, it notes on its own).
#[cold]
#[inline(never)]
pub(crate) fn signs_after(text: &[u8], end: usize) -> bool {
    let after = &text[end..text.len().min(end + MAX_SYMBOL_GAP + 1)];
    let (length, signs) = symbol_gap_prefix(&after[..after.len().min(MAX_SYMBOL_GAP)]);
    // A digit group may start with its `+` (see `Tokens`).
    let digit_at = |i: usize| after.get(i).is_some_and(u8::is_ascii_digit);
    signs && (digit_at(length) || (after.get(length) == Some(&b'+') && digit_at(length + 1)))
}

/// The runs of `text` that the reading of
/// [`Spelling::SignsBetweenDigits`](super::Spelling::SignsBetweenDigits)
/// rewrites, each as its first group's start and last group's end. A run
/// here is what [`find`] reads of digit groups alone, joined by the same
/// gaps, and worth reading on the same terms (signs between two of its
/// groups, [`MIN_DIGITS`] digits, groups glued to letters after it left
/// out), so that the copy made of them (`Rewritten::collapse_gaps`) is
/// the one [`find`] would make. Kept apart from [`find`] for memory: a run
/// may be as long as the text (`1*1*1*…`), and this keeps a few offsets
/// of it where [`find`] keeps every word and byte, so that a reading costs
/// its copy alone (five bytes a byte), made in place.
pub(super) fn signs_runs(text: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut run: Option<SignsRun> = None;
    for token in Tokens::new(text) {
        let group =
            token.kind == TokenKind::Digits && !in_written_address(text, token.start, token.end);
        let joined = match (&mut run, group) {
            (Some(run), true) => {
                let gap = &text[run.end..token.start];
                let signs = (is_symbol_gap(gap)
                    && !is_range(text, run.last_start, run.end, gap, token))
                    || wrapped_alike(text, (run.last_start, run.end), (token.start, token.end));
                let joined = signs || is_gap(gap);
                if joined {
                    run.push(text, token, signs);
                }
                joined
            }
            _ => false,
        };
        if !joined {
            if let Some(run) = run.take() {
                runs.extend(run.worth_reading(text));
            }
            run = group.then(|| SignsRun::new(text, token));
        }
    }
    runs.extend(run.and_then(|run| run.worth_reading(text)));
    runs
}

/// A run of digit groups being read by [`signs_runs`]: where it stands,
/// what it holds, and the same of it without its last *segment*, the
/// groups joined by no gap at its end (`98765+43210`), which [`flush`]
/// leaves out when letters are glued after it.
struct SignsRun {
    start: usize,
    end: usize,
    /// Where its last group starts.
    last_start: usize,
    digits: usize,
    signs: bool,
    /// `(end, digits, signs)` of the run before its last segment, if a
    /// group stands before that segment.
    before_segment: Option<(usize, usize, bool)>,
}

impl SignsRun {
    fn new(text: &[u8], group: Token) -> SignsRun {
        SignsRun {
            start: group.start,
            end: group.end,
            last_start: group.start,
            digits: digits_of(text, group),
            signs: false,
            before_segment: None,
        }
    }

    /// Adds `group`, after a gap that holds signs or not.
    fn push(&mut self, text: &[u8], group: Token, signs: bool) {
        if group.start > self.end {
            self.before_segment = Some((self.end, self.digits, self.signs));
        }
        self.signs |= signs;
        self.digits += digits_of(text, group);
        self.end = group.end;
        self.last_start = group.start;
    }

    /// The run's range, if it is worth reading.
    fn worth_reading(self, text: &[u8]) -> Option<(usize, usize)> {
        let (end, digits, signs) = if text.get(self.end).is_some_and(u8::is_ascii_alphabetic) {
            self.before_segment?
        } else {
            (self.end, self.digits, self.signs)
        };
        (signs && digits + masked_digits_before(text, self.start) >= MIN_DIGITS)
            .then_some((self.start, end))
    }
}

/// How many digits a digit group holds (its `+` aside).
fn digits_of(text: &[u8], group: Token) -> usize {
    group.end - group.start - usize::from(text[group.start] == b'+')
}

/// Whether the group `text[start..end]`, `gap` and the group `next` are a
/// range of round amounts written with `~` (`salary 90000~95000`, as the
/// phone detector reads `90000-95000`): `~` is a range's sign as well as
/// a sign typed into a number.
fn is_range(text: &[u8], start: usize, end: usize, gap: &[u8], next: Token) -> bool {
    gap.iter().filter(|&&b| b != b' ').eq(b"~".iter())
        && crate::detect::phone::rise_as_round_amounts(
            &text[start..end],
            &text[next.start..next.end],
        )
}

/// Whether `gap` is one line break, spaces around it allowed: a number
/// split over two lines of a message (`98765⏎43210`).
fn is_line_break(gap: &[u8]) -> bool {
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    let start = gap.iter().position(|b| !blank(b)).unwrap_or(gap.len());
    let end = gap.iter().rposition(|b| !blank(b)).map_or(start, |i| i + 1);
    matches!(&gap[start..end], b"\n" | b"\r\n")
}

/// Whether a digit group is short enough to be part of a number split
/// over two lines: two to six ASCII digits. A whole number on each line
/// (a list) is read line by line, as written.
fn is_half(group: &[u8]) -> bool {
    (2..=6).contains(&group.len()) && group.iter().all(u8::is_ascii_digit)
}

/// Ends the current run: adds its edit if it is worth one, and empties it.
fn flush(text: &[u8], run: &mut Vec<Item>, edits: &mut Vec<Edit>) {
    // A digit group glued to the letters after it belongs to their word
    // (`o0nivi`, a mailbox's name), not to a number before it; so does
    // what is glued to that group (the `o`).
    let mut cut = None;
    while let Some(last) = run.last() {
        let glued_to_letters = matches!(last.part, Part::Group)
            && text.get(last.end).is_some_and(u8::is_ascii_alphabetic);
        if !glued_to_letters && cut != Some(last.end) {
            break;
        }
        cut = Some(last.start);
        run.pop();
    }
    // Nearly every run is a lone digit group or word: count before building.
    let words: usize = run.iter().map(|i| i.part.width()).sum();
    if enough_words(words, run) {
        edits.extend(edit(text, run));
    }
    run.clear();
}

/// The digits `run` stands for, if it is worth reading.
///
/// Weak words at its ends may be ordinary words (`please do nine eight …`)
/// or digits (`… três dois um`, `oh seven …`): they are written as a group
/// of their own, apart from the rest, and the phone detector, which tries
/// a number with and without its edge groups, keeps the reading that
/// validates. The thresholds count the rest only.
fn edit(text: &[u8], run: &[Item]) -> Option<Edit> {
    // A connector before the first number joins nothing.
    let run = &run[run.iter().position(|i| !matches!(i.part, Part::And))?..];
    let is_core = |i: &Item| !matches!(i.part, Part::Digit { weak: true, .. } | Part::And);
    // A `double` or `plus` ends nothing.
    let ends_core = |i: &Item| is_core(i) && !matches!(i.part, Part::Times(_) | Part::Plus);
    let core_start = run.iter().position(is_core);
    let core_end = run.iter().rposition(ends_core).map(|i| i + 1);
    let (mut head, mut core, mut tail) = match (core_start, core_end) {
        (Some(start), Some(end)) if start < end => (&run[..start], &run[start..end], &run[end..]),
        _ => (&run[..0], &run[..0], &run[..0]),
    };
    let tail_end = tail
        .iter()
        .rposition(|i| matches!(i.part, Part::Digit { .. } | Part::Lookalike))
        .map_or(0, |i| i + 1);
    tail = &tail[..tail_end];

    let mut bytes = Vec::new();
    let mut word_digits = write(text, core, &mut bytes);
    // A run that opens with the digits a mask left shown (`••••••••1=3ek
    // dui`) goes on from a number: its masked digits count, so that the
    // words glued to it read as they did before it was masked.
    let masked = match run[0].part {
        Part::Group => masked_digits_before(text, run[0].start),
        _ => 0,
    };
    let enough = |word_digits: usize, core: &[Item], bytes: &[(u8, usize)]| {
        let digits = bytes.iter().filter(|(b, _)| b.is_ascii_digit()).count();
        enough_words(word_digits, core) && digits + masked >= MIN_DIGITS
    };
    if !enough(word_digits, core, &bytes) {
        // Seven weak digit words or more, of three values at least, are
        // a number whole: a language whose every digit is another word as
        // well (Vietnamese typed without its marks: `khong chin mot hai ba
        // …`) leaves no core of its own, and prose repeats a word
        // (`do do do …`) rather than count with seven.
        let (mut weak, mut values) = (0, 0u128);
        for item in run {
            if let Part::Digit { value, weak: true } = item.part {
                weak += 1;
                values |= 1 << value;
            }
        }
        let end = run
            .iter()
            .rposition(|i| matches!(i.part, Part::Digit { .. } | Part::Group))
            .map_or(0, |i| i + 1);
        if weak < MIN_DIGITS || values.count_ones() < 3 || end == 0 {
            return None;
        }
        (head, core, tail) = (&run[..0], &run[..end], &run[end..end]);
        bytes.clear();
        word_digits = write(text, core, &mut bytes);
        if !enough(word_digits, core, &bytes) {
            return None;
        }
    }
    if let (Some(last), Some(first)) = (head.last(), core.first()) {
        let mut edge = Vec::new();
        write_digits(head, &mut edge);
        edge.push((b' ', last.end.min(first.start)));
        bytes.splice(0..0, edge);
    }
    if let (Some(last), false) = (core.last(), tail.is_empty()) {
        bytes.push((b' ', last.end));
        write_digits(tail, &mut bytes);
    }
    let start = run[0].start;
    let end = tail.last().or(core.last())?.end;
    let words = run
        .iter()
        .take_while(|i| i.end <= end)
        .map(|i| (i.start, i.end))
        .collect();
    Some(Edit {
        start,
        end,
        bytes,
        words,
    })
}

/// How many mask bullets stand right before `at` (a masked value's hidden
/// digits), counted up to [`MIN_DIGITS`].
fn masked_digits_before(text: &[u8], at: usize) -> usize {
    let bullet_len = crate::policy::mask::BULLET.len_utf8();
    let mut n = 0;
    while n < MIN_DIGITS && crate::masked::bullet_before(text, at - n * bullet_len) {
        n += 1;
    }
    n
}

/// Appends the digit words of `items` as digits, each from its word.
fn write_digits(items: &[Item], bytes: &mut Vec<(u8, usize)>) {
    for item in items {
        if let Part::Digit { value, .. } = item.part {
            push_number(value, item.start, bytes);
        }
    }
}

/// Appends what `items` stand for; returns how many digits came from
/// words. Words are written together; a gap beside a digit group stays;
/// tens take the unit after them (`ninety eight`, `vinte e um`).
fn write(text: &[u8], items: &[Item], bytes: &mut Vec<(u8, usize)>) -> usize {
    let mut word_digits = 0;
    let mut times = None;
    let mut i = 0;
    while let Some(item) = items.get(i) {
        if i > 0 {
            let before = &items[i - 1];
            // Letters that look like digits are written as a group is.
            let group = |part| matches!(part, Part::Group | Part::Lookalike);
            let beside_group = group(item.part) || group(before.part);
            if item.after_symbols {
                bytes.push((b' ', before.end));
            } else if beside_group && !matches!(before.part, Part::Plus) {
                bytes.extend((before.end..item.start).map(|at| (text[at], at)));
            }
        }
        i += 1;
        match item.part {
            Part::Group => bytes.extend((item.start..item.end).map(|at| (text[at], at))),
            Part::Lookalike => bytes.extend(
                (item.start..item.end).filter_map(|at| Some((lookalike_digit(text[at])?, at))),
            ),
            Part::Plus => bytes.push((b'+', item.start)),
            Part::Times(n) => times = Some((n, item.start)),
            Part::And => {}
            Part::Digit { mut value, .. } => {
                if value >= 20 && value % 10 == 0 {
                    let and = usize::from(matches!(items.get(i).map(|i| i.part), Some(Part::And)));
                    if let Some(Part::Digit {
                        value: unit @ 1..=9,
                        ..
                    }) = items.get(i + and).map(|i| i.part)
                    {
                        value += unit;
                        i += and + 1;
                    }
                }
                let (n, at) = times.take().unwrap_or((1, item.start));
                for _ in 0..n {
                    push_number(value, at, bytes);
                }
                word_digits += usize::from(n) * item.part.width();
            }
        }
        if !matches!(item.part, Part::Times(_)) {
            times = None;
        }
    }
    word_digits
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_through as read;
    use super::signs_after;

    #[test]
    fn reads_digit_words_of_every_language() {
        for (text, digits) in [
            (
                "nine eight seven six five four three two one zero",
                "9876543210",
            ),
            (
                "Nine-Eight-Seven-Six-Five-Four-Three-Two-One-Zero",
                "9876543210",
            ),
            ("NINE EIGHT SEVEN SIX FIVE FOUR THREE", "9876543"),
            (
                "nau aath saat chhe paanch chaar teen do ek shunya",
                "9876543210",
            ),
            ("नौ आठ सात छह पांच चार तीन दो एक शून्य", "9876543210"),
            (
                "nueve ocho siete seis cinco cuatro tres dos uno cero",
                "9876543210",
            ),
            (
                "nove oito sete meia cinco quatro três dois um zero",
                "9876543210",
            ),
            (
                "neuf huit sept six cinq quatre trois deux un zéro",
                "9876543210",
            ),
            (
                "nove otto sette sei cinque quattro tre due uno zero",
                "9876543210",
            ),
            (
                "neun acht sieben sechs fünf vier drei zwei eins null",
                "9876543210",
            ),
            (
                "sembilan delapan tujuh enam lima empat tiga dua satu nol",
                "9876543210",
            ),
            (
                "dokuz sekiz yedi altı beş dört üç iki bir sıfır",
                "9876543210",
            ),
            (
                "tisa nane saba sita tano nne tatu mbili moja sifuri",
                "9876543210",
            ),
            (
                "تسعة ثمانية سبعة ستة خمسة أربعة ثلاثة اثنان واحد صفر",
                "9876543210",
            ),
            (
                "девять восемь семь шесть пять четыре три два один ноль",
                "9876543210",
            ),
            ("chín tám bảy sáu năm bốn ba hai một không", "9876543210"),
            ("chin tam bay sau nam bon ba hai mot khong", "9876543210"),
            // Bengali's `য়` precomposed, then as `য` and its nukta; "nine"
            // is also "is not", a weak word, apart at an end.
            ("ন\u{9df} আট সাত ছ\u{9df} পাঁচ চার তিন দুই এক শূন্য", "9 876543210"),
            (
                "ন\u{9af}\u{9bc} আট সাত ছ\u{9af}\u{9bc} পাঁচ চার তিন দুই এক শূন্য",
                "9 876543210",
            ),
            (
                "noy aath shat choy pach char tin dui ek shunno",
                "9 876543210",
            ),
            ("نو آٹھ سات چھ پانچ چار تین دو ایک صفر", "9876543210"),
            (
                "siyam walo pito anim lima apat tatlo dalawa isa sero",
                "9876543210",
            ),
            ("一三八一二三四五六七八", "13812345678"),
        ] {
            assert_eq!(read(text), digits, "{text}");
        }
    }

    #[test]
    fn mixes_words_with_digit_groups_doubles_and_plus() {
        for (text, read_as) in [
            ("call 98765 four three two one zero", "call 98765 43210"),
            ("call 98765 43 two one zero", "call 98765 43 210"),
            (
                "my no is +91 nine eight seven six five 43210",
                "my no is +91 98765 43210",
            ),
            (
                "plus nine one nine eight seven six five four three two one zero",
                "+919876543210",
            ),
            ("nine double eight seven six triple five", "98876555"),
            (
                "double nine eight seven six five four three double",
                "99876543 double",
            ),
            (
                "nine eight seven, six five four, three two one zero ok",
                "9876543210 ok",
            ),
            ("9 eight 7 six 5 four 3 two 1 zero", "9 8 7 6 5 4 3 2 1 0"),
            // Two words beside a digit group are enough with seven digits.
            ("call nine eight 7654 3210", "call 98 7654 3210"),
            ("call 98765 432 one zero", "call 98765 432 10"),
        ] {
            assert_eq!(read(text), read_as, "{text}");
        }
    }

    #[test]
    fn quantities_and_prose_stay_words() {
        for text in [
            "one or two boxes",
            "two three days",
            "five six seven",
            "I need one two three",
            "one two three four five six",
            "do do do do do do do",
            "oh oh oh nine eight seven six",
            "it was one. then two! then three? four five six seven",
            "order 12345 six",
            "nine eight seven\nsix five four three",
            // Two words and a group, too few digits for any number.
            "two 500 notes",
            "one two 3-4 days",
            "five 2023",
        ] {
            assert_eq!(read(text), text, "{text}");
        }
    }

    /// Letters typed for digits inside a number are read as those digits;
    /// letters that touch no digit, or a number too short for a phone,
    /// stay letters.
    #[test]
    fn letters_that_look_like_digits_inside_a_number() {
        for (text, digits) in [
            ("98765 4321O", "98765 43210"),
            ("O98765 43210", "098765 43210"),
            ("98765 432l0", "98765 43210"),
            ("98765 43I0o", "98765 43100"),
            ("call 98765 4321O now", "call 98765 43210 now"),
            ("98765four3210", "9876543210"),
            ("9876five43210", "9876543210"),
        ] {
            assert_eq!(read(text), digits, "{text}");
        }
        for text in [
            "HELLO 98765",
            "ORDO 1234567",
            "98765 4321 OK",
            "room 12O",
            "I have 2O boxes",
            "98765 4321 O",
            "98765 4321OOOO",
            "98765 four 3210",
            "24seven",
            "1one2",
        ] {
            assert_eq!(read(text), text, "{text}");
        }
    }

    #[test]
    fn weak_words_at_the_ends_stand_apart() {
        // At an end, a group of its own: the phone detector tries the
        // number with and without it.
        assert_eq!(
            read("please do nine eight oh seven six five four"),
            "please 2 9807654"
        );
        assert_eq!(
            read("un nueve ocho siete seis cinco cuatro tres un"),
            "1 9876543 1"
        );
        assert_eq!(
            read("do do nine eight seven six five four three"),
            "22 9876543"
        );
        // Only the rest counts: six digits and a weak word are not enough.
        let short = "nine eight seven six five four do";
        assert_eq!(read(short), short);
        // Vietnamese without its marks is other languages' words too.
        for text in [
            "bon voyage et bon courage",
            "khong sao, hai ba ngay nua",
            "chin up, the bay is calm",
            "sau nam mot lan",
        ] {
            assert_eq!(read(text), text, "{text}");
        }
    }

    #[test]
    fn reads_tens_and_teens() {
        for (text, digits) in [
            (
                "ninety-eight seventy-six fifty-four thirty-two ten",
                "9876543210",
            ),
            (
                "ninety eight seventy six five four three two one oh",
                "987654321 0",
            ),
            (
                "nine eight seven six five forty three twenty one",
                "987654321",
            ),
            ("eleven ninety nineteen twelve", "11901912"),
            (
                "onze nove oito sete seis cinco quatro três dois um",
                "1198765432 1",
            ),
            (
                "vinte e um nove oito sete seis cinco quatro três dois",
                "2198765432",
            ),
            (
                "noventa y ocho setenta y seis cincuenta y cuatro treinta y dos",
                "98765432",
            ),
            (
                "cincuenta y cinco doce treinta y cuatro cincuenta y seis",
                "55123456",
            ),
        ] {
            assert_eq!(read(text), digits, "{text}");
        }
        // A connector counts inside a run only.
        let text = "y nueve ocho siete seis cinco cuatro tres e";
        assert_eq!(read(text), "y 9876543 e");
    }

    #[test]
    fn signs_between_digit_groups_are_read_as_a_space() {
        for (text, digits) in [
            ("98765🔥43210", "98765 43210"),
            ("call 98765 ✅ 43210 pls", "call 98765 43210 pls"),
            ("98765*43210", "98765 43210"),
            ("98765_43210", "98765 43210"),
            ("98765 | 43210", "98765 43210"),
            ("9876🔥543🔥210", "9876 543 210"),
            // An emoji joined of several, and one with its style selector.
            ("98765👨\u{200D}👩\u{200D}👧43210", "98765 43210"),
            ("98765❤\u{FE0F}43210", "98765 43210"),
            ("+91 98765➡️43210", "+91 98765 43210"),
            // An ellipsis: two dots or more, or its own character.
            ("my no 98765...43210", "my no 98765 43210"),
            ("98765..43210", "98765 43210"),
            ("98765 … 43210", "98765 43210"),
            // A number split over two lines of a message.
            ("call me 98765\n43210", "call me 98765 43210"),
            ("98765 \r\n 43210", "98765 43210"),
            // A middle dot; commas between single digits.
            ("98765·43210", "98765 43210"),
            ("call 9,8,7,6,5,4,3,2,1,0", "call 9 8 7 6 5 4 3 2 1 0"),
            ("9, 8, 7, 6, 5, 4, 3, 2, 1, 0", "9 8 7 6 5 4 3 2 1 0"),
        ] {
            assert_eq!(read(text), digits, "{text}");
        }
        // Signs of numbers, lists and sentences, a mask bullet, fewer than
        // seven digits, or a word after the signs: read as written.
        for text in [
            "98765,43210",
            "98,76,543",
            "1,2,3,4,5,6",
            "98765、43210",
            "98765•43210",
            "98765.43210",
            "1...10",
            "page 12...15",
            "Rs 499 🔥 Rs 599 🔥 Rs 699",
            "12:30 ⏰ 14:00",
            "size 38 | 40 | 42",
            "98765 🔥 four",
            // Whole numbers on lines of their own, a blank line between
            // halves, a group too long to be half of one.
            "9876543210\n9123456789",
            "98765\n\n43210",
            "9876543\n210",
        ] {
            assert_eq!(read(text), text, "{text}");
        }
    }

    /// `text` as a reading of signs between digit groups alone writes it.
    fn read_signs(text: &str) -> String {
        super::super::read_signs(text.as_bytes(), None).map_or_else(
            || text.to_string(),
            |reading| String::from_utf8(reading.copy.text).unwrap(),
        )
    }

    #[test]
    fn signs_alone_read_signs_between_groups_and_nothing_else() {
        for (text, digits) in [
            ("98765🔥43210", "98765 43210"),
            ("call 98765 ✅ 43210 pls", "call 98765 43210 pls"),
            ("98765*43210 or 98765#43210", "98765 43210 or 98765 43210"),
            ("+91*98765*43210", "+91 98765 43210"),
            ("my no 98765...43210", "my no 98765 43210"),
            ("98765·43210", "98765 43210"),
            // Digit words and look-alike letters stay words.
            ("98765 🔥 4321O", "98765 🔥 4321O"),
            ("nine eight 🔥 7654 3210", "nine eight 🔥 7654 3210"),
        ] {
            assert_eq!(read_signs(text), digits, "{text}");
        }
        // What only the whole pass reads: words, line breaks and commas
        // between groups, which lists and amounts hold too.
        for text in [
            "nine eight seven six five four three two one zero",
            "98765four3210",
            "call me 98765\n43210",
            "call 9,8,7,6,5,4,3,2,1,0",
            "ravi [at] gmail dot com",
            "一三八一二三四五六七八",
        ] {
            assert_eq!(read_signs(text), text, "{text}");
            assert_ne!(read(text), text, "{text}");
        }
    }

    #[test]
    fn the_scanner_is_told_of_every_gap_the_reading_joins() {
        // `signs_after` is asked after a numeric span; each gap that joins
        // two groups must answer yes (a text's findings in one place must
        // not hang on signs in another), and others no.
        let after = |text: &str| {
            let end = text.find(|c: char| !c.is_ascii_digit()).unwrap();
            signs_after(text.as_bytes(), end)
        };
        for text in [
            "98765🔥43210",
            "98765 ✅ 43210",
            "98765*43210",
            "98765_+9143210",
            "98765     *   43210",
            "98765.🔥43210",
            "98765 . . 43210",
            "98765…43210",
        ] {
            assert!(after(text), "{text}");
            assert_ne!(read_signs(text), text, "{text}");
        }
        for text in [
            "98765 🔥 pls",
            "98765🔥",
            "98765.",
            "98765. 43210",
            "98765-🔥43210",
            "98765 \u{FFFD}43210",
            "98765 पर 43210",
            "98765🔥+ 43210",
        ] {
            assert!(!after(text), "{text}");
            assert_eq!(read_signs(text), text, "{text}");
        }
    }

    #[test]
    fn enclosed_raised_and_lowered_digits_are_digits() {
        for (text, digits) in [
            ("⑨⑧⑦⑥⑤④③②①⓪", "9876543210"),
            ("❾❽❼❻❺ ❹❸❷❶⓿", "9876543210"),
            ("➈➇➆➅➄➃➂➁➀🄋", "9876543210"),
            ("➒➑➐➏➎➍➌➋➊🄌", "9876543210"),
            ("⓽⓼⓻⓺⓹⓸⓷⓶⓵", "987654321"),
            ("⑼⑻⑺⑹⑸⑷⑶⑵⑴", "987654321"),
            ("⒐⒏⒎⒍⒌⒋⒊⒉⒈🄀", "9876543210"),
            ("🄊🄉🄈🄇🄆🄅🄄🄃🄂🄁", "9876543210"),
            ("⁹⁸⁷⁶⁵⁴³²¹⁰", "9876543210"),
            ("₉₈₇₆₅₄₃₂₁₀", "9876543210"),
        ] {
            assert_eq!(read(text), digits, "{text}");
        }
        // Two-digit signs stand for no one digit; a lone square is a unit.
        for text in ["⑩⑪⑫⑬⑭⑮⑯", "area 120 m²", "H₂O and CO₂"] {
            assert_eq!(read(text), text, "{text}");
        }
    }
}
