//! Character-level helpers shared by the detectors.
//!
//! Scanning works on bytes that may not be valid UTF-8 (the C ABI accepts any
//! bytes). Decoding goes through `bstr`, which maps each invalid byte to an
//! error of length one; we treat such a byte as an opaque "other" character,
//! so it never joins a finding and offsets of findings stay on boundaries of
//! the valid text around them. Detectors never see one in practice: the
//! scanner hands them each valid stretch as a text of its own, so context
//! look-around cannot cross an invalid byte either.

/// Code points of the digit zero of every Unicode `Nd` block (Unicode 14).
/// Each block holds the ten digits contiguously, so a digit's value is its
/// distance from the block's zero.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// One bit per 64 code points below U+20000: whether a decimal digit lies
/// there. Letters of most scripts (Hangul, CJK, Cyrillic, Arabic letters)
/// fall in blocks without one, and are told apart from digits without a
/// search of [`DIGIT_ZEROS`].
const DIGIT_BLOCKS: [u64; 32] = digit_blocks();

const fn digit_blocks() -> [u64; 32] {
    let mut bits = [0u64; 32];
    let mut i = 0;
    while i < DIGIT_ZEROS.len() {
        let mut cp = DIGIT_ZEROS[i];
        while cp <= DIGIT_ZEROS[i] + 9 {
            let block = (cp >> 6) as usize;
            bits[block >> 6] |= 1 << (block & 63);
            cp += 1;
        }
        i += 1;
    }
    bits
}

/// The decimal value of `c` if it is a decimal digit of any script.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u8> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some((cp - 0x30) as u8);
    }
    if !(0x660..0x20000).contains(&cp) {
        return None;
    }
    let block = (cp >> 6) as usize;
    if DIGIT_BLOCKS[block >> 6] & (1 << (block & 63)) == 0 {
        return None;
    }
    // The table is sorted: find the last zero not above `cp`.
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
    let zero = DIGIT_ZEROS[i - 1];
    (cp - zero < 10).then(|| (cp - zero) as u8)
}

/// Whether byte `b` can start the UTF-8 encoding of a non-ASCII decimal digit
/// (or of the full-width plus sign). Used by the prefilter to skip text.
#[inline]
pub(crate) const fn is_digit_lead_byte(b: u8) -> bool {
    matches!(b, 0xD9 | 0xDB | 0xDF | 0xE0 | 0xE1 | 0xEA | 0xEF | 0xF0)
}

/// Decodes the character starting at `at`. Returns `None` for an invalid
/// sequence (with its length, at least one byte) and at the end of the text.
/// The ASCII case is always inlined (detectors call this per byte, mostly
/// on ASCII); other characters are decoded out of line.
#[inline(always)]
pub(crate) fn char_at(text: &[u8], at: usize) -> (Option<char>, usize) {
    match text.get(at) {
        None => (None, 0),
        Some(&b) if b < 0x80 => (Some(b as char), 1),
        Some(_) => decode_at(text, at),
    }
}

/// Valid text takes a short path, decoded here (bstr's general decoder cost
/// three times the instructions: callgrind); an invalid sequence goes to
/// bstr, which says how long it is.
#[inline(never)]
fn decode_at(text: &[u8], at: usize) -> (Option<char>, usize) {
    // Two- and three-byte characters first, decoded straight (see
    // `decode_before`).
    let lead = text[at];
    let continues = |i: usize| text.get(i).is_some_and(|&b| b & 0xC0 == 0x80);
    if (0xC2..=0xDF).contains(&lead) && continues(at + 1) {
        let cp = (u32::from(lead & 0x1F) << 6) | u32::from(text[at + 1] & 0x3F);
        return (char::from_u32(cp), 2);
    }
    if (0xE0..=0xEF).contains(&lead) && continues(at + 1) && continues(at + 2) {
        let cp = (u32::from(lead & 0x0F) << 12)
            | (u32::from(text[at + 1] & 0x3F) << 6)
            | u32::from(text[at + 2] & 0x3F);
        if cp >= 0x800 {
            if let Some(c) = char::from_u32(cp) {
                return (Some(c), 3);
            }
        }
    }
    let width = sequence_width(lead);
    if let Some(c) = text.get(at..at + width).and_then(decode_one) {
        return (Some(c), width);
    }
    bstr::decode_utf8(&text[at..])
}

/// How many bytes a multi-byte sequence with this lead byte has (0 for
/// ASCII, continuation bytes and bytes that never lead).
#[inline]
fn sequence_width(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// The one character `bytes` (two to four of them) encode, if they are
/// well-formed UTF-8: a lead byte of that width, continuation bytes, not
/// overlong, not a surrogate, not past U+10FFFF.
#[inline]
fn decode_one(bytes: &[u8]) -> Option<char> {
    let (&lead, rest) = bytes.split_first()?;
    let (payload, min) = match sequence_width(lead) {
        w if w != bytes.len() => return None,
        2 => (0x1F, 0x80),
        3 => (0x0F, 0x800),
        _ => (0x07, 0x1_0000),
    };
    let mut cp = u32::from(lead & payload);
    for &b in rest {
        if b & 0xC0 != 0x80 {
            return None;
        }
        cp = (cp << 6) | u32::from(b & 0x3F);
    }
    if cp < min {
        return None;
    }
    char::from_u32(cp)
}

/// Decodes the character that ends at `end`, as [`char_at`] does forwards.
#[inline(always)]
pub(crate) fn char_before(text: &[u8], end: usize) -> (Option<char>, usize) {
    match end.checked_sub(1).map(|i| text[i]) {
        None => (None, 0),
        Some(b) if b < 0x80 => (Some(b as char), 1),
        Some(_) => decode_before(text, end),
    }
}

/// As [`decode_at`]: the lead byte is at most three continuation bytes
/// back; valid text is decoded here, anything else goes to bstr.
#[inline(never)]
fn decode_before(text: &[u8], end: usize) -> (Option<char>, usize) {
    // Two- and three-byte characters (every script of chat but emoji) are
    // told by their last bytes alone: the walks back over a window of
    // Arabic, Devanagari or Cyrillic words call this per character.
    let continues = |i: usize| text[i] & 0xC0 == 0x80;
    if end >= 2 && continues(end - 1) {
        let (second_last, last) = (text[end - 2], u32::from(text[end - 1] & 0x3F));
        // A two-byte character's lead.
        if (0xC2..=0xDF).contains(&second_last) {
            return (
                char::from_u32((u32::from(second_last & 0x1F) << 6) | last),
                2,
            );
        }
        // A three-byte character's middle byte, after its lead.
        if end >= 3 && continues(end - 2) && (0xE0..=0xEF).contains(&text[end - 3]) {
            let cp = (u32::from(text[end - 3] & 0x0F) << 12)
                | (u32::from(second_last & 0x3F) << 6)
                | last;
            // Not overlong; `from_u32` refuses surrogates.
            if cp >= 0x800 {
                if let Some(c) = char::from_u32(cp) {
                    return (Some(c), 3);
                }
            }
        }
    }
    let floor = end.saturating_sub(4);
    let mut lead = end - 1;
    while lead > floor && text[lead] & 0xC0 == 0x80 {
        lead -= 1;
    }
    if let Some(c) = decode_one(&text[lead..end]) {
        return (Some(c), end - lead);
    }
    bstr::decode_last_utf8(&text[..end])
}

// `ALPHABETIC`, `NUMERIC`, `ALPHANUMERIC`: one bit per code point below
// U+20000, written by build.rs from the standard library's own answers.
include!(concat!(env!("OUT_DIR"), "/char_classes.rs"));

/// Whether bit `c` of `set` is on; beyond the set's planes, `otherwise`.
#[inline]
fn in_set(set: &[u64], c: char, otherwise: fn(char) -> bool) -> bool {
    let cp = c as u32;
    match set.get((cp >> 6) as usize) {
        Some(word) => word >> (cp & 63) & 1 == 1,
        None => otherwise(c),
    }
}

/// [`char::is_alphabetic`] by one table look-up. The standard library
/// searches its tables for every character beyond ASCII (hundreds of
/// instructions for an emoji, a Devanagari or an Arabic letter), and the
/// detectors ask about the characters around every candidate.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_set(&ALPHABETIC, c, char::is_alphabetic)
}

/// [`char::is_numeric`] by one table look-up (see [`is_alphabetic`]).
#[inline]
pub(crate) fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_set(&NUMERIC, c, char::is_numeric)
}

/// [`char::is_alphanumeric`] by one table look-up (see [`is_alphabetic`]).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_set(&ALPHANUMERIC, c, char::is_alphanumeric)
}

/// Latin letters (ASCII, Latin-1, Latin Extended, Vietnamese). A number glued
/// to one of these is part of a code or a word, not a phone number; numbers
/// glued to CJK, Arabic or Thai text are normal there.
#[inline]
pub(crate) fn is_latin_letter(c: char) -> bool {
    let cp = c as u32;
    c.is_ascii_alphabetic()
        || (is_alphabetic(c) && (0xC0..0x250).contains(&cp))
        || (0x1E00..0x1F00).contains(&cp)
}

/// Where the token that goes on at `start` ends, at most at `end`: Latin
/// letters, ASCII digits and `_ . -`. A context window that a digit, an
/// `@` or a mask bullet stopped in the middle of such a token (`@ravi_k0order`,
/// `••••-•D`) starts after it: the token is one value, read or masked
/// whole, and what its neighbours read must not change when it is masked.
/// Scripts written without spaces glue their words to digits (`…8490身份证`)
/// and are not skipped.
pub(crate) fn token_rest_end(text: &[u8], start: usize, end: usize) -> usize {
    let mut at = start;
    while at < end {
        match char_at(text, at) {
            (Some(c), w)
                if is_latin_letter(c) || c.is_ascii_digit() || matches!(c, '_' | '.' | '-') =>
            {
                at += w
            }
            _ => break,
        }
    }
    at
}

/// How far back [`within_link`] looks for the start of a link.
const MAX_LINK_PREFIX: usize = 1024;

/// An `@` written encoded, whose first digit is at `digit`: `%40`, as a link
/// encodes it (`mailto:ravi%40gmail.com`), or `&#64;` or `&#x40;`, as HTML
/// escapes it (a page or a web export pasted into chat). Its span, which
/// starts with `%` or `&` (see [`is_encoded_at_sign`]).
pub(crate) fn encoded_at_sign(text: &[u8], digit: usize) -> Option<(usize, usize)> {
    let (back, form): (usize, &[u8]) = match text.get(digit.checked_sub(1)?)? {
        b'%' => (1, b"%40"),
        b'#' => (2, b"&#64;"),
        b'x' | b'X' => (3, b"&#x40;"),
        _ => return None,
    };
    let start = digit.checked_sub(back)?;
    let end = start + form.len();
    text.get(start..end)
        .is_some_and(|written| written.eq_ignore_ascii_case(form))
        .then_some((start, end))
}

/// Where an `@` escaped as HTML (`&#64;`, `&#x40;`, any case) ending at
/// `end` starts, if one does: what follows it is an address's domain.
pub(crate) fn html_at_sign_ending_at(text: &[u8], end: usize) -> Option<usize> {
    [&b"&#64;"[..], b"&#x40;"].iter().find_map(|form| {
        end.checked_sub(form.len())
            .filter(|&start| text[start..end].eq_ignore_ascii_case(form))
    })
}

/// Whether the `@` of an address detector's span starting at `at` is an
/// encoded one ([`encoded_at_sign`]) rather than a bracketed one.
pub(crate) fn is_encoded_at_sign(text: &[u8], at: usize) -> bool {
    matches!(text.get(at), Some(b'%' | b'&'))
}

/// Whether `at` lies inside a link: the run of the characters a link is
/// written with before it (printable ASCII but quotes, `<`, `>` and `(`;
/// back to anything else or the text's start, at most [`MAX_LINK_PREFIX`]
/// bytes: Chinese text glues its words to a link) holds `://` or starts
/// with `www.`. The
/// digits of a link's path or query are the ids of posts, stories and
/// pages (`story.php?story_fbid=3536761386342517`,
/// `…-activity-6599537107709063168-…`): ten in a hundred such ids pass
/// Luhn, and many fall in an issuer's range or fit a national ID. A link
/// that carries a value names it (`?card=…`, `?phone=…`, `wa.me/…`): the
/// detectors that read links ask for that name.
///
/// A mask's bullets are the link's characters too: a value masked inside
/// a link (`://p•••@axis&4111…`) stood for characters of it, and the link
/// reads the same once masked (found by the `redact` fuzz target: the
/// digits after the mask were read as a card on a second redaction).
pub(crate) fn within_link(text: &[u8], at: usize) -> bool {
    const BULLET: &[u8] = "•".as_bytes();
    let floor = at.saturating_sub(MAX_LINK_PREFIX);
    let mut token_start = at;
    while token_start > floor {
        let b = text[token_start - 1];
        if b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'(' | b'>') {
            token_start -= 1;
        } else if token_start - floor >= BULLET.len() && text[..token_start].ends_with(BULLET) {
            token_start -= BULLET.len();
        } else {
            break;
        }
    }
    let token = &text[token_start..at];
    memchr::memmem::find(token, b"://").is_some() || starts_with_ignore_case(token, 0, b"www.")
}

/// Whether the digits at `at` (of any script, one or more) are no group of
/// a number written before them: they run into a letter, as the start of a
/// word does (`3pm`, `4ravi@gmail.com`, `2x`), or one or two of them stand
/// before a word, a count (`2 times`, `12 pcs`). Letters of the scripts
/// written without spaces (from U+2E80: `9532ありがとう`) start no word.
pub(crate) fn digits_start_a_word(text: &[u8], at: usize) -> bool {
    let spaced_letter = |c: char| is_alphabetic(c) && (c as u32) < 0x2E80;
    let (mut i, mut digits) = (at, 0);
    loop {
        match char_at(text, i) {
            (Some(c), w) if digit_value(c).is_some() => {
                digits += 1;
                i += w;
            }
            (Some(c), _) if digits > 0 && spaced_letter(c) => return true,
            (Some(c), w) if (1..=2).contains(&digits) && is_inline_space(c) => {
                return char_at(text, i + w).0.is_some_and(spaced_letter);
            }
            _ => return false,
        }
    }
}

/// Horizontal white space that may separate groups of a number.
#[inline]
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{3000}'
    )
}

/// Whether an escape sequence written out as text (a backslash and `n`, `r`
/// or `t`, as double-escaped JSON logs, CSV exports and templates carry
/// them) ends at `end`: it stands for white space, so a number after it is
/// not glued to the letter.
#[inline]
pub(crate) fn escape_ends_at(text: &[u8], end: usize) -> bool {
    end >= 2 && text[end - 2] == b'\\' && matches!(text[end - 1], b'n' | b'r' | b't')
}

/// Whether a line break written as text (`\n`, `\r`) ends at `end`: it
/// ends a line as a real one does, for every context window.
#[inline]
pub(crate) fn escaped_line_break_ends_at(text: &[u8], end: usize) -> bool {
    end >= 2 && text[end - 2] == b'\\' && matches!(text[end - 1], b'n' | b'r')
}

/// Whether such an escape sequence starts at `start`.
#[inline]
pub(crate) fn escape_starts_at(text: &[u8], start: usize) -> bool {
    text.get(start) == Some(&b'\\') && matches!(text.get(start + 1), Some(b'n' | b'r' | b't'))
}

/// Whether the bytes just before `end` end with `suffix`, ignoring ASCII case.
pub(crate) fn ends_with_ignore_case(text: &[u8], end: usize, suffix: &[u8]) -> bool {
    end >= suffix.len() && text[end - suffix.len()..end].eq_ignore_ascii_case(suffix)
}

/// Whether the bytes at `start` begin with `prefix`, ignoring ASCII case.
pub(crate) fn starts_with_ignore_case(text: &[u8], start: usize, prefix: &[u8]) -> bool {
    text.len() >= start + prefix.len()
        && text[start..start + prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The written forms of a keyword to look for: the word itself and, for a
/// word with letters beyond ASCII, its lower-case, upper-case and
/// capitalised forms (`заказ`, `ЗАКАЗ`, `Заказ`), and the upper case of
/// Turkish. Automata built with
/// ASCII case folding fold nothing else, and chat capitalises words at a
/// sentence start and shouts them.
pub(crate) fn case_variants(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if !word.is_ascii() {
        let lower = word.to_lowercase();
        let mut chars = lower.chars();
        let title: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        // Turkish capitalises `i` as `İ` (`SİPARİŞ`), which Unicode's
        // default mapping does not.
        let turkish: String = lower
            .chars()
            .flat_map(|c| match c {
                'i' => "İ".chars().collect::<Vec<_>>(),
                c => c.to_uppercase().collect(),
            })
            .collect();
        for form in [lower.clone(), word.to_uppercase(), title, turkish] {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_at_signs() {
        fn at(text: &str) -> Option<&str> {
            let digit = text.find(|c: char| c.is_ascii_digit()).unwrap();
            encoded_at_sign(text.as_bytes(), digit).map(|(s, e)| &text[s..e])
        }
        assert_eq!(at("a%40b"), Some("%40"));
        assert_eq!(at("a&#64;b"), Some("&#64;"));
        assert_eq!(at("a&#x40;b"), Some("&#x40;"));
        assert_eq!(at("a&#X40;b"), Some("&#X40;"));
        for text in [
            "%41", "&#65;", "#64;", "&#64", "&#x41;", "x40;", "&x40;", "%4", "&#6",
        ] {
            assert_eq!(at(text), None, "{text}");
        }
        assert!(is_encoded_at_sign(b"a&#64;b", 1) && is_encoded_at_sign(b"a%40b", 1));
        assert!(!is_encoded_at_sign(b"a[at]b", 1) && !is_encoded_at_sign(b"a", 1));
    }

    #[test]
    fn links_reach_back_to_their_scheme_or_www() {
        let at =
            |text: &str, needle: &str| within_link(text.as_bytes(), text.find(needle).unwrap());
        assert!(at("see https://x.com/p?id=4111&a=1", "4111"));
        assert!(at("(www.x.com/u/4111)", "4111"));
        assert!(at("https://x.com/a-4111-b", "4111"));
        assert!(!at("https://x.com 4111", "4111"));
        assert!(!at("https://x.com, card 4111", "4111"));
        assert!(!at("x.com/u/4111", "4111"));
        assert!(!at("\"https://x.com\"4111", "4111"));
        // Chinese text glued to a link ends it.
        assert!(!at("https://x.com/a。4111", "4111"));
        assert!(!at("4111", "4111"));
        // A mask inside a link is the link's: it stood for its characters.
        assert!(at("upi://p•••@axis&4111", "4111"));
        assert!(at("https://x.com/•••••/4111", "4111"));
        assert!(!at("•••• 4111", "4111"));
        assert!(!at("https://x.com/a。•••4111", "4111"));
    }

    #[test]
    fn decoding_agrees_with_bstr_on_any_bytes() {
        // Every first and second byte, with third and fourth bytes at the
        // edges of each class (continuation, ASCII, lead, invalid), in
        // texts of every length from one to four, read from both ends.
        let tails = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xF0, 0xFF,
        ];
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for &c in &tails {
                    for &d in &tails {
                        let text = [a, b, c, d];
                        for len in 1..=4 {
                            let t = &text[..len];
                            assert_eq!(char_at(t, 0), bstr::decode_utf8(t), "{t:x?}");
                            assert_eq!(char_before(t, len), bstr::decode_last_utf8(t), "{t:x?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn digits_of_every_script() {
        for &zero in &DIGIT_ZEROS {
            for v in 0..10u32 {
                let c = char::from_u32(zero + v).unwrap();
                assert_eq!(digit_value(c), Some(v as u8), "{c:?}");
                let mut buf = [0; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(lead < 0x80 || is_digit_lead_byte(lead), "{c:?}");
            }
        }
        for c in ['a', '²', '½', '٫', '\u{65F}', '\u{FF1A}', '\u{10FFFF}'] {
            assert_eq!(digit_value(c), None, "{c:?}");
        }
    }

    #[test]
    fn digit_blocks_skip_no_digit() {
        // Every scalar value: the block bitmap only ever skips the search.
        let reference = |c: char| {
            let cp = c as u32;
            DIGIT_ZEROS
                .iter()
                .find(|&&zero| (zero..zero + 10).contains(&cp))
                .map(|&zero| (cp - zero) as u8)
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(digit_value(c), reference(c), "{c:?}");
        }
    }

    #[test]
    fn decoding_survives_invalid_bytes() {
        let text = b"a\xffb\xe0\xa5";
        assert_eq!(char_at(text, 1), (None, 1));
        assert_eq!(char_at(text, 2), (Some('b'), 1));
        assert_eq!(char_at(text, 3).0, None);
        assert_eq!(char_before(text, 2), (None, 1));
        assert_eq!(char_before(text, 0), (None, 0));
        assert_eq!(char_at(text, 99), (None, 0));
    }

    #[test]
    fn escapes_written_as_text() {
        let t = br"Phone:\n+1 306\t";
        assert!(escape_ends_at(t, 8));
        assert!(!escape_ends_at(t, 7) && !escape_ends_at(t, 1));
        assert!(escape_starts_at(t, 14) && !escape_starts_at(t, 15));
        assert!(!escape_starts_at(br"\x", 0) && !escape_starts_at(br"\", 0));
    }

    #[test]
    fn character_classes_agree_with_the_standard_library() {
        // Every scalar value: the table's planes, and the fallback beyond.
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:X}", c as u32);
            assert_eq!(is_numeric(c), c.is_numeric(), "{:X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:X}", c as u32);
        }
    }

    #[test]
    fn latin_letters() {
        assert!(is_latin_letter('é') && is_latin_letter('z') && is_latin_letter('ệ'));
        assert!(!is_latin_letter('我') && !is_latin_letter('ب') && !is_latin_letter('×'));
    }
}

#[cfg(test)]
mod case_variant_tests {
    use super::case_variants;

    #[test]
    fn forms_of_a_keyword() {
        assert_eq!(case_variants("order"), ["order"]);
        assert_eq!(case_variants("заказ"), ["заказ", "ЗАКАЗ", "Заказ"]);
        assert_eq!(
            case_variants("sipariş"),
            ["sipariş", "SIPARIŞ", "Sipariş", "SİPARİŞ"]
        );
        assert_eq!(case_variants("đơn"), ["đơn", "ĐƠN", "Đơn"]);
        // Scripts without case have one form.
        assert_eq!(case_variants("订单"), ["订单"]);
    }
}
