//! Digit groups each wrapped alike in brackets or quotes, side by side:
//! `[98765] [43210]`, `"98765" "43210"`, `(11) (98765) (4321)`,
//! `«98765» «43210»`.
//!
//! Why: wrapping every piece of a number is a way to slip it past a filter
//! that reads a run of digits and separators, and no one writes a number
//! so otherwise. Read by the reading of signs between digit groups
//! ([`Spelling::SignsBetweenDigits`](super::Spelling::SignsBetweenDigits)):
//! the closing and opening characters between two wrapped groups read as
//! one space (`[98765 43210]`), and what comes out must still validate.
//!
//! Both groups must be wrapped by the same pair, each pair right against
//! what it wraps (a group, or a number's groups with their signs:
//! `(11) (98765-4321)`), with at most [`MAX_SPACES`] spaces between the
//! pairs: a group wrapped alone (`98765 (43210)`), a note in brackets
//! after a number (`12345 (67890 units)`) or a quoted list (`"98765",
//! "43210"`) is left as written. Between two groups wrapped in parentheses, the scanner's
//! numeric span crosses the gap (`(` and `)` are a number's separators),
//! which is why the spaces are bounded by what a span crosses: the scanner
//! notes `) (` inside a span, and asks [`wrapped_after`] after one.

use crate::text::{char_at, char_before};

/// The most spaces between the closing character of one wrapped group and
/// the opening one of the next: as many as a numeric span crosses.
const MAX_SPACES: usize = 2;

/// The brackets and quotes chat wraps a value in, as `(open, close)`
/// (a quote that closes itself included).
const PAIRS: [(char, char); 19] = [
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('<', '>'),
    ('"', '"'),
    ('\'', '\''),
    ('`', '`'),
    ('\u{201C}', '\u{201D}'), // “ ”
    ('\u{2018}', '\u{2019}'), // ‘ ’
    ('\u{201E}', '\u{201C}'), // „ “
    ('\u{00AB}', '\u{00BB}'), // « »
    ('\u{00BB}', '\u{00AB}'), // » «, as Danish and Swedish quote
    ('\u{300C}', '\u{300D}'), // 「 」
    ('\u{300E}', '\u{300F}'), // 『 』
    ('\u{3010}', '\u{3011}'), // 【 】
    ('\u{300A}', '\u{300B}'), // 《 》
    ('\u{3008}', '\u{3009}'), // 〈 〉
    ('\u{FF08}', '\u{FF09}'), // （ ）
    ('\u{FF3B}', '\u{FF3D}'), // ［ ］
];

/// The character that closes what `open` opens, if `open` opens a pair.
fn closer_of(open: char) -> Option<char> {
    PAIRS
        .iter()
        .find(|&&(o, _)| o == open)
        .map(|&(_, close)| close)
}

/// Whether `c` closes one of the [`PAIRS`].
fn is_closer(c: char) -> bool {
    PAIRS.iter().any(|&(_, close)| close == c)
}

/// The most digits of a group read as wrapped: far more than a piece of
/// any number, and a bound on the scanner's look back over a group.
const MAX_GROUP_DIGITS: usize = 32;

/// The pair `gap` closes and opens again, if it is one wrapped group's
/// closing character, at most [`MAX_SPACES`] spaces and the next one's
/// opening character (`] [`, `""`, `» «`): the shape alone.
fn pair_between(gap: &[u8]) -> Option<(char, char)> {
    let (close, close_width) = char_at(gap, 0);
    let (open, open_width) = char_before(gap, gap.len());
    let (close, open) = (close?, open?);
    let spaces = gap.get(close_width..gap.len().checked_sub(open_width)?)?;
    (spaces.len() <= MAX_SPACES
        && spaces.iter().all(|&b| b == b' ')
        && closer_of(open) == Some(close))
    .then_some((open, close))
}

/// Whether `gap`, between two digit groups of a run the reading has
/// joined, is the gap between two wrapped groups (its shape alone: the
/// run's reading checked the groups around it with [`wrapped_alike`]).
pub(super) fn is_gap_between_wrapped(gap: &[u8]) -> bool {
    pair_between(gap).is_some()
}

/// What may stand with a group inside one pair: digits and the signs of
/// a written number (`[98765-4321]`, `(+91 98765)`).
fn in_unit(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'/' | b' ' | b'+')
}

/// The most bytes walked over beside a group to the pair around its unit.
const MAX_UNIT: usize = 24;

/// Whether the digit groups `text[prev.0..prev.1]` and
/// `text[next.0..next.1]` (a group may start with its `+`) are wrapped
/// alike, with nothing but the closing and opening characters and at most
/// [`MAX_SPACES`] spaces between: each pair right against what it wraps,
/// a group or a number's groups with their signs (`(11) (98765-4321)`).
pub(super) fn wrapped_alike(text: &[u8], prev: (usize, usize), next: (usize, usize)) -> bool {
    let digits = |(start, end): (usize, usize)| end - start - usize::from(text[start] == b'+');
    let Some((open, close)) = text.get(prev.1..next.0).and_then(pair_between) else {
        return false;
    };
    if digits(prev) > MAX_GROUP_DIGITS || digits(next) > MAX_GROUP_DIGITS {
        return false;
    }
    let unit_start = prev.0
        - text[..prev.0]
            .iter()
            .rev()
            .take(MAX_UNIT)
            .take_while(|&&b| in_unit(b))
            .count();
    let unit_end = next.1
        + text[next.1..]
            .iter()
            .take(MAX_UNIT)
            .take_while(|&&b| in_unit(b))
            .count();
    char_before(text, unit_start).0 == Some(open) && char_at(text, unit_end).0 == Some(close)
}

/// Whether the ASCII digits ending `text[..end]` (the end of a numeric
/// span) are a wrapped group with another after it, wrapped alike: whether
/// the reading of signs between digit groups may join them. The scanner
/// asks after a span when the byte after it may open such a gap.
pub(crate) fn wrapped_after(text: &[u8], end: usize) -> bool {
    // Most spans are followed by something else than a closing character:
    // asked first.
    let (close, close_width) = char_at(text, end);
    if !close.is_some_and(is_closer) {
        return false;
    }
    let before = &text[end.saturating_sub(MAX_GROUP_DIGITS + 1)..end];
    let digits = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return false;
    }
    let mut start = end - digits;
    if start > 0 && text[start - 1] == b'+' {
        start -= 1;
    }
    // The next group starts after the closing character, the spaces and
    // the opening one: a few bytes on.
    let mut at = end + close_width;
    at += text[at..]
        .iter()
        .take(MAX_SPACES + 1)
        .take_while(|&&b| b == b' ')
        .count();
    let (open, open_width) = char_at(text, at);
    if open.is_none() {
        return false;
    }
    let next_start = at + open_width;
    let mut next_end = next_start + usize::from(text.get(next_start) == Some(&b'+'));
    let next_digits = text.get(next_end..).map_or(0, |rest| {
        rest.iter()
            .take(MAX_GROUP_DIGITS + 1)
            .take_while(|b| b.is_ascii_digit())
            .count()
    });
    if next_digits == 0 {
        return false;
    }
    next_end += next_digits;
    wrapped_alike(text, (start, end), (next_start, next_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups of `text`: runs of ASCII digits, each with a `+` before
    /// it if one is.
    fn groups(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = if i > 0 && bytes[i - 1] == b'+' {
                    i - 1
                } else {
                    i
                };
                let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                out.push((start, end));
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Whether every two groups side by side in `text` are wrapped alike,
    /// and the scanner's question after each but the last says so too.
    fn all_wrapped(text: &str) -> bool {
        let g = groups(text);
        g.windows(2).all(|w| {
            let alike = wrapped_alike(text.as_bytes(), w[0], w[1]);
            assert_eq!(wrapped_after(text.as_bytes(), w[0].1), alike, "{text}");
            alike
        })
    }

    #[test]
    fn groups_wrapped_alike_are_read_together() {
        for text in [
            "[98765] [43210]",
            "[98765][43210]",
            "[98765]  [43210]",
            "\"98765\" \"43210\"",
            "'98765' '43210'",
            "`98765` `43210`",
            "(98765) (43210)",
            "(11) (98765) (4321)",
            "{98765} {43210}",
            "<98765> <43210>",
            "[+91] [98765] [43210]",
            "\u{201C}98765\u{201D} \u{201C}43210\u{201D}",
            "\u{201E}98765\u{201C} \u{201E}43210\u{201C}",
            "\u{AB}98765\u{BB} \u{AB}43210\u{BB}",
            "\u{BB}98765\u{AB}\u{BB}43210\u{AB}",
            "\u{300C}98765\u{300D}\u{300C}43210\u{300D}",
            "\u{3010}98765\u{3011} \u{3010}43210\u{3011}",
            "\u{FF08}98765\u{FF09}\u{FF08}43210\u{FF09}",
        ] {
            assert!(all_wrapped(text), "{text}");
        }
    }

    #[test]
    fn a_pair_may_wrap_a_number_with_its_signs() {
        // `(group, group)` pairs across the gap between two pairs.
        for (text, across) in [
            ("[11] [98765-4321]", 0),
            ("(11) (98765-4321)", 0),
            ("\"11\" \"98765 4321\"", 0),
            ("[+91 98765] [43210]", 1),
            ("[98765-4321] [55]", 1),
        ] {
            let g = groups(text);
            let bytes = text.as_bytes();
            assert!(wrapped_alike(bytes, g[across], g[across + 1]), "{text}");
            assert!(wrapped_after(bytes, g[across].1), "{text}");
        }
        for text in [
            "[11] [98765-4321 x]",
            "[ref 11] [98765-4321]",
            "[11] [98765-43:21]",
        ] {
            let g = groups(text);
            assert!(!wrapped_alike(text.as_bytes(), g[0], g[1]), "{text}");
            assert!(!wrapped_after(text.as_bytes(), g[0].1), "{text}");
        }
    }

    #[test]
    fn other_brackets_and_quotes_are_left_as_written() {
        for text in [
            "98765 (43210)",
            "(98765) 43210",
            "[98765] (43210)",
            "[98765]   [43210]",
            "\"98765\", \"43210\"",
            "\"98765\" '43210'",
            "[98765] [43210 units]",
            "[ref 98765] [43210]",
            "[98765x] [43210]",
            "]98765[ ]43210[",
            "98765] [43210",
            "\u{201D}98765\u{201C} \u{201D}43210\u{201C}",
        ] {
            assert!(groups(text).len() >= 2 && !all_wrapped(text), "{text}");
        }
    }

    #[test]
    fn the_gap_alone_has_the_shape() {
        for gap in ["] [", "][", "]  [", "\" \"", "\"\"", "\u{BB} \u{AB}", ") ("] {
            assert!(is_gap_between_wrapped(gap.as_bytes()), "{gap:?}");
        }
        for gap in ["]", "\"", "]   [", "] -[", "[ ]", ") [", "", " ", "\u{BB}"] {
            assert!(!is_gap_between_wrapped(gap.as_bytes()), "{gap:?}");
        }
    }

    #[test]
    fn any_bytes_around_a_group_are_safe() {
        for text in [
            &b"\xFF1]"[..],
            b"1\xE2\x80",
            b"]1] [",
            b"1] [+",
            b"1\xC3",
            b"+1",
            b"[98765] [",
            b"[98765]",
            b"[1] [\xFF",
        ] {
            for end in 0..=text.len() {
                let _ = wrapped_after(text, end);
            }
        }
    }
}
