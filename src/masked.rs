//! What text that was masked before looks like, so that redacting the
//! redacted text again changes nothing.
//!
//! A mask replaces a value's letters and digits with bullets and keeps its
//! separators. Read again, the shown parts beside the bullets (a card's
//! last four, an e-mail's domain) would look like values of their own, and
//! digits that were joined to the masked ones (and so refused, as part of a
//! longer number) would now stand alone. So the scanner hands no detector
//! a numeric span that touches a masked value (what is left of a span read
//! whole before masking), and drops any other finding that touches one.
//! Text without a bullet skips all of this ([`holds_bullet`]).

use memchr::memmem;
use once_cell::sync::Lazy;

use crate::detect::bracketed;
use crate::policy::mask::BULLET;
use crate::text::{char_at, char_before, is_alphanumeric, is_inline_space};

/// Whether `text` holds a mask bullet anywhere: without one, nothing in it
/// was masked and every check below is false.
pub(crate) fn holds_bullet(text: &[u8]) -> bool {
    BULLETS.find(text).is_some()
}

/// The search for a mask bullet, built once.
static BULLETS: Lazy<memmem::Finder<'static>> =
    Lazy::new(|| memmem::Finder::new(BULLET.encode_utf8(&mut [0; 4]).as_bytes()).into_owned());

/// Whether a mask bullet ends `text[..at]`. What is glued to one was glued
/// to a value before the value was masked (`J8369854x.com/…` masked to
/// `••••••••x.com/…` names no host), and redacting again must read the
/// text as the first time did.
#[inline]
pub(crate) fn bullet_before(text: &[u8], at: usize) -> bool {
    at > 0 && text[at - 1] >= 0x80 && char_before(text, at).0 == Some(BULLET)
}

/// Whether a mask bullet starts at `at` (see [`bullet_before`]).
#[inline]
pub(crate) fn bullet_at(text: &[u8], at: usize) -> bool {
    text.get(at).is_some_and(|&b| b >= 0x80) && char_at(text, at).0 == Some(BULLET)
}

/// Punctuation that may join two parts of one token: neither a letter,
/// digit or mask bullet, nor white space.
#[inline]
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        // The common case, without the Unicode tables: ASCII white space
        // is `\t` to `\r` and the space.
        return !c.is_ascii_alphanumeric() && !matches!(c, '\t'..='\r' | ' ');
    }
    !is_alphanumeric(c) && !c.is_whitespace() && c != BULLET
}

/// Whether `start` lies in the domain of an e-mail address whose local
/// part was masked (`A•••@s.whatsapp.net-1120000000-wa.me`): the address
/// was read whole before masking, so a number inside its domain was part of
/// it, not a value of its own. The walk back covers domain characters only
/// (any non-ASCII byte among them: internationalized domains such as
/// `по9012345678.de`), at most 253 bytes, an address's longest domain.
///
/// A mask keeps the domain as written, so its dots may be bracketed, said
/// as the word `dot` or spaced (`e•••@n[dot]756449l{.}co`, `r•••@ gmail
/// dot com`), and a space may follow the `@`: the walk steps over those
/// too (found by the `redact` fuzz target: a number read in such a domain
/// once its address was masked, not before).
pub(crate) fn in_masked_email_domain(text: &[u8], start: usize) -> bool {
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-') || b >= 0x80;
    let mut at = start;
    while at > 0 && start - at <= 512 {
        if domain(text[at - 1]) {
            at -= 1;
        } else if let Some(dot) = bracketed::dot_before(text, at)
            .or_else(|| bracketed::word_dot_before(text, at))
            .or_else(|| (at >= 3 && &text[at - 3..at] == b" . ").then(|| at - 3))
        {
            // A number after the dot, the last label, ended the address
            // before the dot, as the e-mail detector reads it
            // (`x•••@mail.example.co[dot]75+y[at]…`: `75+y` starts the
            // next address).
            if number_ends_domain(text, at) {
                break;
            }
            at = dot;
        } else {
            break;
        }
    }
    if at > 1 && text[at - 1] == b' ' {
        at -= 1;
    }
    at > 0 && text[at - 1] == b'@' && char_before(text, at - 1).0 == Some(BULLET)
}

/// Whether the label at `at`, after a dot, is a number that ends the
/// domain before that dot: digits and hyphens, and no label after it
/// through a dot of any writing (`…co[dot]75+y`, not `…[dot]7564491{.}co`,
/// which a copy reading `l` as `1` holds).
fn number_ends_domain(text: &[u8], at: usize) -> bool {
    let end = at
        + text[at..]
            .iter()
            .take_while(|&&b| b.is_ascii_digit() || b == b'-')
            .count();
    let label_at = |i: usize| {
        text.get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    };
    let goes_on = label_at(end)
        || (text.get(end) == Some(&b'.') && label_at(end + 1))
        || bracketed::dot_after(text, end).is_some()
        || bracketed::word_dot_after(text, end).is_some()
        || text.get(end..end + 3) == Some(b" . ");
    end > at && !goes_on
}

/// Whether `start..end` touches a masked value: a mask bullet right beside
/// it or beyond punctuation, or a masked group (a bullet beside another
/// bullet, a letter, a digit or punctuation) beyond inline spaces. Each
/// walk stops at the first other character, so over all the findings of a
/// text the walks stay linear.
pub(crate) fn touches_masked_value(text: &[u8], start: usize, end: usize) -> bool {
    let group =
        |c: Option<char>| c.is_some_and(|c| c == BULLET || is_alphanumeric(c) || is_punctuation(c));
    let joining = |c: char| is_punctuation(c) || is_inline_space(c);
    // Backwards.
    let (mut at, mut spaced) = (start, false);
    loop {
        match char_before(text, at) {
            (Some(BULLET), w) => {
                if !spaced
                    || group(char_before(text, at - w).0)
                    || bullet_nearby(text, at - w, Direction::Back)
                {
                    return true;
                }
                break;
            }
            (Some(c), w) if joining(c) => {
                spaced |= is_inline_space(c);
                at -= w;
            }
            _ => break,
        }
    }
    // Forwards.
    let (mut at, mut spaced) = (end, false);
    loop {
        match char_at(text, at) {
            (Some(BULLET), w) => {
                return !spaced
                    || group(char_at(text, at + w).0)
                    || bullet_nearby(text, at + w, Direction::Forward)
            }
            // A phone's mask shows its calling code (`+55••••••••000`),
            // which the text may not have had: the `+` then stands where
            // a digit was glued to what goes before (`e.double119…`).
            (Some('+'), _) if !spaced && shown_calling_code(text, at + 1) => return true,
            (Some(c), w) if joining(c) => {
                spaced |= is_inline_space(c);
                at += w;
            }
            _ => return false,
        }
    }
}

/// A copy of `text` (which holds a bullet) with each list bullet typed
/// against what follows it written as spaces, the same number of bytes,
/// so offsets into the copy are offsets into `text`; `None` if it has
/// none. A list bullet is a lone bullet that opens a line or follows
/// white space, with neither white space nor a bullet after it and no
/// bullet a few spaces or punctuation marks from it (`•98765 43210`,
/// `•ravi@gmail.com`, as bulleted details are pasted into chat). Glued
/// to a value, it made the value read as the shown part of a mask, and
/// left it shown.
///
/// A mask glues a bullet to shown characters only where it shows a
/// value's last few (`••210`, `-•5`, `••••• •321`), after other bullets or
/// inside the value, and a value's first bullet has the rest of its mask
/// after it (`•-• •5`, `•.•.•.•`): a lone bullet with a whole value after
/// it is no mask's.
pub(crate) fn blank_list_bullets(text: &[u8]) -> Option<Vec<u8>> {
    let bullet = BULLET.len_utf8();
    let mut copy: Option<Vec<u8>> = None;
    for at in BULLETS.find_iter(text) {
        let after = char_at(text, at + bullet).0;
        let listed = char_before(text, at).0.is_none_or(char::is_whitespace)
            && after.is_some_and(|c| !c.is_whitespace() && c != BULLET)
            && !bullet_nearby(text, at, Direction::Back)
            && !bullet_nearby(text, at + bullet, Direction::Forward);
        if listed {
            copy.get_or_insert_with(|| text.to_vec())[at..at + bullet].fill(b' ');
        }
    }
    copy
}

/// Whether one to three digits and a mask bullet start at `at`: the
/// calling code a phone's mask shows after its `+`.
fn shown_calling_code(text: &[u8], at: usize) -> bool {
    let digits = text[at.min(text.len())..]
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=3).contains(&digits) && bullet_at(text, at + digits)
}

#[derive(Clone, Copy)]
enum Direction {
    Back,
    Forward,
}

/// Whether another bullet lies a few spaces or punctuation marks from `at`
/// (which is beside a lone bullet): then the lone bullet is the masked
/// last group of a value (`+44•••-••••  (••) •`, a phone whose last group
/// had one digit), not a list bullet (`• 98765 43210`, `Call • 98765…`).
/// Looks at most four characters away, so the walk stays short.
fn bullet_nearby(text: &[u8], mut at: usize, direction: Direction) -> bool {
    const NEARBY: usize = 4;
    for _ in 0..NEARBY {
        let (c, w) = match direction {
            Direction::Back => char_before(text, at),
            Direction::Forward => char_at(text, at),
        };
        match c {
            Some(BULLET) => return true,
            Some(c) if is_punctuation(c) || is_inline_space(c) => match direction {
                Direction::Back => at -= w,
                Direction::Forward => at += w,
            },
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> Option<String> {
        blank_list_bullets(text.as_bytes()).map(|copy| String::from_utf8(copy).unwrap())
    }

    #[test]
    fn list_bullets_typed_against_a_value_read_as_spaces() {
        assert_eq!(blanked("•98765 43210").as_deref(), Some("   98765 43210"));
        assert_eq!(
            blanked("a:\n•x@y.in\t•+91 98").as_deref(),
            Some("a:\n   x@y.in\t   +91 98")
        );
        // The same number of bytes: offsets into the copy are offsets
        // into the text.
        let text = "• one\n•two • •three";
        assert_eq!(blanked(text).unwrap().len(), text.len());
        assert_eq!(blanked(text).as_deref(), Some("• one\n   two • •three"));
    }

    #[test]
    fn bullets_of_a_mask_stay() {
        for text in [
            // Beside another bullet, a letter or a digit, or alone.
            "••••• ••210",
            "r•••@gmail.com",
            "+91 •• •• •• •• •0",
            "•••.•••.•••-•5",
            "x•98765",
            "1•2",
            "• 98765 43210",
            "•",
            "text •",
            // A lone bullet a few spaces or signs after a masked group.
            "•• •98765 43210",
            "•-• •5",
            "•.•.•.•",
        ] {
            assert_eq!(blanked(text), None, "{text}");
        }
    }
}
