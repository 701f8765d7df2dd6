//! An address's `@` and dots written in brackets: `ravi[at]gmail.com`,
//! `ravi (at) gmail (dot) com`, `ravi[@]gmail[.]com`.
//!
//! Why: once `@` gets a message masked, the first dodge is to bracket it,
//! and a bracketed `at` or `dot` is never prose. Unlike the words `at` and
//! `dot`, which only the opt-in spelled-out pass reads (`crate::spelled`:
//! telling `find us at shop.com` from an address takes a pass over every
//! word), a bracketed sign is found from its bytes: the prefilter flags a
//! closing bracket right after `at`, and the address detectors read the
//! whole sign as the `@` they otherwise start from, in the text as written.
//! No copy is rewritten; the finding's normalized value is the address
//! written plainly (`ravi.kumar@gmail.com`), so that masks, tokens and the
//! leak guard treat it as that address.
//!
//! A sign is `at`, `@`, `dot` or `.` (`at` and `dot` in any case) between
//! `[]`, `()`, `{}` or `<>`, with at most one space inside each bracket;
//! one space on either side of it belongs to the sign (`ravi [at] gmail
//! [dot] com`, `ravi<at>gmail<dot>com`).

use super::Span;

/// Whether `open` and `close` are a pair of brackets a sign is written in.
fn pair(open: u8, close: u8) -> bool {
    matches!(
        (open, close),
        (b'[', b']') | (b'(', b')') | (b'{', b'}') | (b'<', b'>')
    )
}

/// `at` moved back over one space, if there is one.
fn back_over_space(text: &[u8], at: usize) -> usize {
    at - usize::from(at > 0 && text[at - 1] == b' ')
}

/// `at` moved over one space, if there is one.
fn over_space(text: &[u8], at: usize) -> usize {
    at + usize::from(text.get(at) == Some(&b' '))
}

/// The sign around `inner` (`at` or `@`, or `dot` or `.`): its brackets,
/// and one space outside each, if any.
fn around(text: &[u8], inner: (usize, usize)) -> Option<Span> {
    let open = back_over_space(text, inner.0).checked_sub(1)?;
    let close = over_space(text, inner.1);
    if !pair(text[open], *text.get(close)?) {
        return None;
    }
    Some(Span {
        start: back_over_space(text, open),
        end: over_space(text, close + 1),
    })
}

/// Whether the byte at `close` closes a bracketed `at` (`[at]`, `( at )`):
/// the prefilter's test, on the bytes before it.
pub(crate) fn closes_at_sign(text: &[u8], close: usize) -> bool {
    at_sign_closed_at(text, close).is_some()
}

/// The bracketed `at` whose closing bracket is at `close`, with one space
/// on either side (see the module docs).
pub(crate) fn at_sign_closed_at(text: &[u8], close: usize) -> Option<Span> {
    if !matches!(text.get(close), Some(b')' | b']' | b'}' | b'>')) {
        return None;
    }
    let inner_end = back_over_space(text, close);
    let inner_start = inner_end.checked_sub(2)?;
    if !text[inner_start..inner_end].eq_ignore_ascii_case(b"at") {
        return None;
    }
    around(text, (inner_start, inner_end))
}

/// The bracketed `@` at `at` (`[@]`, `( @ )`), with one space on either
/// side; `None` for an `@` written plainly.
pub(crate) fn at_sign_around(text: &[u8], at: usize) -> Option<Span> {
    around(text, (at, at + 1))
}

/// The bracketed `at` or `@` whose sign (one space before it included)
/// starts at `start`: what ends a local part as a plain `@` does.
pub(crate) fn at_sign_starting_at(text: &[u8], start: usize) -> Option<Span> {
    let open = over_space(text, start);
    if !matches!(text.get(open), Some(b'[' | b'(' | b'{' | b'<')) {
        return None;
    }
    let inner = over_space(text, open + 1);
    let sign = match text.get(inner)? {
        b'@' => at_sign_around(text, inner),
        _ => at_sign_closed_at(text, over_space(text, inner + 2)),
    }?;
    (sign.start == start).then_some(sign)
}

/// The bracketed `at` or `@` whose sign (one space after it included)
/// ends at `end`: what walks back over words read as one `@`, as a mask
/// writes it (`n [at] e.ne`, masked `n•••@e.ne`, is one word).
pub(crate) fn at_sign_ending_at(text: &[u8], end: usize) -> Option<Span> {
    let close = back_over_space(text, end).checked_sub(1)?;
    let inner_end = back_over_space(text, close);
    let sign = match inner_end.checked_sub(1).map(|i| text[i]) {
        Some(b'@') => at_sign_around(text, inner_end - 1),
        _ => at_sign_closed_at(text, close),
    }?;
    (sign.end == end).then_some(sign)
}

/// The end of a bracketed dot (`[dot]`, `(.)`, ` {dot} `) starting at
/// `from`, one space before it included.
pub(crate) fn dot_after(text: &[u8], from: usize) -> Option<usize> {
    let open = over_space(text, from);
    if !matches!(text.get(open), Some(b'[' | b'(' | b'{' | b'<')) {
        return None;
    }
    let inner = over_space(text, open + 1);
    let inner_end = match text.get(inner..)? {
        [b'.', ..] => inner + 1,
        [d, o, t, ..] if [*d, *o, *t].eq_ignore_ascii_case(b"dot") => inner + 3,
        _ => return None,
    };
    let sign = around(text, (inner, inner_end))?;
    (sign.start <= from).then_some(sign.end)
}

/// The start of a bracketed dot ending at `to`, one space after it
/// included.
pub(crate) fn dot_before(text: &[u8], to: usize) -> Option<usize> {
    let close = back_over_space(text, to).checked_sub(1)?;
    if !matches!(text[close], b']' | b')' | b'}' | b'>') {
        return None;
    }
    let inner_end = back_over_space(text, close);
    let inner_start = match text[..inner_end] {
        [.., b'.'] => inner_end - 1,
        [.., d, o, t] if [d, o, t].eq_ignore_ascii_case(b"dot") => inner_end - 3,
        _ => return None,
    };
    let sign = around(text, (inner_start, inner_end))?;
    (sign.end >= to).then_some(sign.start)
}

/// The end of the word `dot` after `from`, a space on each side (`gmail
/// dot com`), the next label's start, if it is there. Read only in an
/// address whose `@` is bracketed: whoever brackets the `at` means the
/// `dot` too, where `dot` alone is prose to all but the opt-in pass.
pub(crate) fn word_dot_after(text: &[u8], from: usize) -> Option<usize> {
    let word = text.get(from..from + 5)?;
    (word[0] == b' ' && word[1..4].eq_ignore_ascii_case(b"dot") && word[4] == b' ')
        .then_some(from + 5)
}

/// The start of the word `dot` ending one space before `to`, a space
/// before it (`ravi dot kumar [at] …`), if it is there; see
/// [`word_dot_after`].
pub(crate) fn word_dot_before(text: &[u8], to: usize) -> Option<usize> {
    let start = to.checked_sub(5)?;
    let word = &text[start..to];
    (word[0] == b' ' && word[1..4].eq_ignore_ascii_case(b"dot") && word[4] == b' ').then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_signs_starting_at() {
        for (text, start, sign) in [
            ("ravi[at]gmail.com", 4, "[at]"),
            ("ravi [ AT ] gmail.com", 4, " [ AT ] "),
            ("9(@)gmail.com", 1, "(@)"),
        ] {
            let span = at_sign_starting_at(text.as_bytes(), start).unwrap();
            assert_eq!(&text[span.start..span.end], sign, "{text}");
        }
        for (text, start) in [
            ("ravi [at) x", 4),
            ("ravi[cat]x", 4),
            ("ravi[at]", 5),
            ("[a", 0),
        ] {
            assert!(
                at_sign_starting_at(text.as_bytes(), start).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn at_signs() {
        for (text, sign) in [
            ("ravi[at]gmail.com", "[at]"),
            ("ravi(AT)gmail.com", "(AT)"),
            ("ravi {at} gmail.com", " {at} "),
            ("ravi [ at ] gmail.com", " [ at ] "),
            ("ravi [at]gmail.com", " [at]"),
            ("ravi<at>gmail.com", "<at>"),
            ("ravi < AT > gmail.com", " < AT > "),
        ] {
            let close = text.find([')', ']', '}', '>']).unwrap();
            let span = at_sign_closed_at(text.as_bytes(), close).unwrap();
            assert_eq!(&text[span.start..span.end], sign, "{text}");
            assert!(closes_at_sign(text.as_bytes(), close));
        }
        for (text, close) in [
            ("see [cat] x.com", 8),
            ("ravi [at) gmail.com", 8),
            ("(at", 2),
            ("at]", 2),
            ("ravi [  at] x.com", 10),
            ("[bat]", 4),
            ("<b>at", 2),
            ("ravi [at> x.com", 8),
        ] {
            assert!(
                at_sign_closed_at(text.as_bytes(), close).is_none(),
                "{text}"
            );
        }
        // `[bat]`: the byte before `at` must be the bracket (or one space).
        assert!(at_sign_closed_at(b"[b at]", 5).is_none());
        let text = "ravi [@] gmail.com";
        let span = at_sign_around(text.as_bytes(), 6).unwrap();
        assert_eq!(&text[span.start..span.end], " [@] ");
        assert!(at_sign_around(b"ravi@gmail.com", 4).is_none());
        for (text, end, sign) in [
            ("n[at]e", 5, Some("[at]")),
            ("n [ at ] e", 9, Some(" [ at ] ")),
            ("n (@)e", 5, Some(" (@)")),
            ("n [at]", 6, Some(" [at]")),
            ("n [at] e", 6, None),
            ("n at] e", 6, None),
        ] {
            let found = at_sign_ending_at(text.as_bytes(), end).map(|s| &text[s.start..s.end]);
            assert_eq!(found, sign, "{text}");
        }
        assert!(at_sign_around(b"@x", 0).is_none());
    }

    #[test]
    fn dots() {
        for (text, from, sign) in [
            ("gmail[dot]com", 5, "[dot]"),
            ("gmail (DOT) com", 5, " (DOT) "),
            ("gmail{.}com", 5, "{.}"),
            ("gmail [ dot ] com", 5, " [ dot ] "),
            ("gmail<dot>com", 5, "<dot>"),
            ("gmail <.> com", 5, " <.> "),
        ] {
            let end = dot_after(text.as_bytes(), from).unwrap();
            assert_eq!(&text[from..end], sign, "{text}");
            let start = dot_before(text.as_bytes(), end).unwrap();
            assert_eq!(start, from, "{text}");
        }
        for text in [
            "gmail[dots]com",
            "gmail (dot com",
            "gmail  [dot] com",
            "gmail.com",
        ] {
            assert!(dot_after(text.as_bytes(), 5).is_none(), "{text}");
        }
        assert!(dot_before(b"[dot]", 5).is_some());
        assert!(dot_before(b"dot]", 4).is_none());
        assert!(dot_before(b"x]", 2).is_none());
        assert!(dot_before(b"", 0).is_none());
    }
}
