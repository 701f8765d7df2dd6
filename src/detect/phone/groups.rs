//! A written number as digit groups and the separators between them
//! (`+91 98765-43210` is `91`, `98765`, `43210`), and the shape tests that
//! need only the groups: dates, parentheses that pair up, where a group
//! ends.

use super::{MAX_DIGITS, WINDOW};
use crate::detect::Span;
use crate::text;

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Group {
    /// Byte offsets of the first digit and one past the last digit.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Up to `MAX_DIGITS` ASCII digits; `len > MAX_DIGITS` marks a run too
    /// long to be part of any number.
    pub(super) digits: [u8; MAX_DIGITS],
    pub(super) len: usize,
    /// The separator before this group (for the first group of a span: the
    /// `+` or `(` that opens it).
    pub(super) sep: Separator,
    /// Part of a date with a four-digit year.
    pub(super) in_date: bool,
}

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Separator {
    pub(super) start: usize,
    /// Where a leading `+` is, if the separator holds one.
    pub(super) plus_at: Option<usize>,
    /// Where a `(` is, if any.
    pub(super) open_at: Option<usize>,
    pub(super) closes: u8,
    pub(super) spaces: u8,
    /// Count and last one of `-`, `.`, `/` and dashes.
    pub(super) puncts: u8,
    pub(super) punct: char,
    pub(super) chars: u8,
}

impl Separator {
    /// Pushes every character of `text[from..to]`.
    pub(super) fn push_all(&mut self, text: &[u8], from: usize, to: usize) {
        for (k, _, c) in bstr::ByteSlice::char_indices(&text[from..to]) {
            self.push(c, from + k);
        }
    }

    /// Inlined: `detect` calls it for every separator of every span, and
    /// left to itself the compiler stopped inlining it there once another
    /// caller appeared (0.25 % of dense chat's instructions).
    #[inline(always)]
    pub(super) fn push(&mut self, c: char, at: usize) {
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
    pub(super) fn joins_groups(&self) -> bool {
        self.plus_at.is_none()
            && self.chars <= 3
            && self.spaces <= 2
            && self.puncts <= 1
            && self.closes <= 1
    }

    /// A single `-` or `.` with nothing else: the groups around it belong to
    /// one token (a date, a code, a decimal), so a number cannot start or
    /// end there.
    pub(super) fn is_tight(&self) -> bool {
        self.chars == 1 && self.puncts == 1 && matches!(self.punct, '-' | '.')
    }
}

/// Whether the parentheses between `groups` pair up, with one already open
/// before the first of them if `open`.
pub(super) fn parentheses_pair_up(open: bool, groups: &[Group]) -> bool {
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

/// The group of two or more digits that opens `span` with a `+` and ends
/// one separator before `at`, if there is one (`+91 ` before `9 8 7 6 …`).
pub(super) fn opening_group(text: &[u8], span: Span, at: usize) -> Option<Group> {
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

/// Whether `at` digits into the candidate written as `groups` is the end
/// of a group or falls in the last one (`00 919876543210`).
pub(super) fn ends_a_group(groups: &[Group], at: usize) -> bool {
    let mut end = 0;
    for (i, g) in groups.iter().enumerate() {
        end += g.len;
        if end >= at {
            return end == at || i + 1 == groups.len();
        }
    }
    false
}

/// Whether three consecutive groups form a date written with one separator
/// (`12/03/2024`, `2024-03-12`, `12.03.24`): `Some(true)` with a four-digit
/// year, `Some(false)` with a two-digit one (weak: `06.12.34.56.78` is a
/// French number).
pub(super) fn date_triple(a: &Group, b: &Group, c: &Group) -> Option<bool> {
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

/// Whether two groups are a year and a serial number joined by one `-`
/// (`2021-016917`, `BKR-2020-000218`): how tickets, cases and invoices are
/// numbered. The serial has five digits or more and starts with a 0,
/// which no group after a four-digit first one of a phone number does
/// (Brazil's `2021-0169` has four).
///
/// Two years so joined are a range (`2020-2021`, `1999-2004`), and after a
/// code in capitals glued by a dash (`ASU-2021-132346`) a year opens a
/// reference whatever follows (`code_before`).
pub(super) fn year_serial(a: &Group, b: &Group, code_before: bool) -> bool {
    let year = |g: &Group| g.len == 4 && matches!(&g.digits[..2], b"19" | b"20");
    let one_dash = b.sep.chars == 1 && b.sep.puncts == 1 && b.sep.punct == '-';
    let value = |g: &Group| {
        g.digits[..4]
            .iter()
            .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'))
    };
    if !(year(a) && one_dash) {
        return false;
    }
    let range = || year(b) && value(b) > value(a) && value(b) - value(a) <= 20;
    (b.len >= 5 && b.digits[0] == b'0') || code_before || range()
}

/// Whether a code in capitals is glued by a dash right before `start`
/// (`ASU-`, `BKR-`): two or more capitals that start a word.
pub(super) fn capital_code_before(text: &[u8], start: usize) -> bool {
    if start < 3 || text[start - 1] != b'-' {
        return false;
    }
    let letters = text[..start - 1]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let word_start = start - 1 - letters;
    letters >= 2 && (word_start == 0 || !text[word_start - 1].is_ascii_alphanumeric())
}

/// Keeps the group read at `window[*held]`, marking the groups of a date
/// with a four-digit year, or written with slashes, so that no candidate
/// uses them (`[05/02/21 16.14.59]`, a chat export's timestamp).
pub(super) fn close_group(window: &mut [Group; WINDOW], held: &mut usize) {
    let h = *held;
    // A date stands by itself: three groups that go on from a group before
    // them, joined as tightly (`+54-9-11-2070-6136`), are not one.
    // With a two-digit year, only a date written with slashes: `06.12.34`
    // opens a French number, `05/02/21` no one's.
    let date = |a: &Group, b: &Group, c: &Group| match date_triple(a, b, c) {
        Some(full_year) => full_year || b.sep.punct == '/',
        None => false,
    };
    if h >= 2 && !window[h - 2].sep.is_tight() && date(&window[h - 2], &window[h - 1], &window[h]) {
        window[h - 2].in_date = true;
        window[h - 1].in_date = true;
        window[h].in_date = true;
    }
    *held += 1;
}
