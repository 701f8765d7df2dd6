//! Marks that split a value without showing (keycap emoji, invisible
//! format characters, the underscores of WhatsApp's italics), and values
//! typed in full-width characters.
//!
//! Why: the marks are how a chat user slips a number or an address past a
//! filter, and all keep the value readable while breaking the run of
//! characters every detector reads; full-width characters are how Chinese
//! and Japanese input methods type a value.
//!
//! - **Keycaps** (`9️⃣8️⃣7️⃣6️⃣5️⃣…`): a digit followed by U+20E3 COMBINING
//!   ENCLOSING KEYCAP, with U+FE0F, the emoji variation selector, in between
//!   as a rule. To a reader the value is the digits; to the detectors the
//!   two marks after each digit break every run.
//! - **Invisible characters** (`98765\u{200B}43210`,
//!   `ravi\u{200B}@gmail.com`): zero-width spaces and joiners, the word
//!   joiner, bidirectional marks and embeddings, the soft hyphen, U+FEFF,
//!   and a variation selector after an ASCII character. Nothing shows, so the text
//!   reads as the plain value; they also arrive unasked, when a number is
//!   copied from a contact card or an app that wraps it in bidirectional
//!   marks (U+202A … U+202C) or from right-to-left text.
//! - **Italic underscores** (`_98765 43210_`, `_Aadhaar_: …`): WhatsApp
//!   shows `_text_` in italics and the underscores not at all, but to a
//!   detector `_` is a word character, the glue of `user_98765…` and
//!   `IMG_2023…`, and a value inside it stands glued on both sides. A run
//!   of `_` is read as the formatting mark (`underscore_run`) when one side
//!   of it is the value's (not white space) and the other the outside: the
//!   text's edge, white space, punctuation that formatting sits in (`*`,
//!   `~`, brackets, quotes, `,` `:` `!` `?`, a `.` that ends a sentence) or
//!   a sign that is no letter or digit (emoji, `“`). Between two letters or
//!   digits (`order_id_4821`) it stays glue, and `first_.last@…` keeps its
//!   address.
//!
//! The same copy folds what Chinese and Japanese input methods type in
//! full-width mode: `ｒａｖｉ＠ｇｍａｉｌ．ｃｏｍ`, `身份证：１１０１…００２Ｘ`.
//! The digits, letters, `＠`, `．`, `＿`, `－` and `＋` become ASCII
//! (`fullwidth_at`); the detectors read full-width brackets and clause
//! punctuation as they stand. It also folds the decimal digits of other
//! scripts (`الرقم القومي ٢٩٠٠…`, typed on an Arabic keyboard; `९८७…`),
//! which only the phone detector reads as they stand; a digit beside a
//! digit of another script stays (`folded_digit`). And it folds the
//! styled letters of "fancy text" keyboards and generators (`𝐫𝐚𝐯𝐢`,
//! `𝓻𝓪𝓿𝓲`, `𝚛𝚊𝚟𝚒`, `ⓡⓐⓥⓘ`, with `ℊ`, `ℯ`, `ℴ` … where a style lacks a
//! letter): every character of the letterlike symbols, the circled
//! letters and the mathematical alphanumeric symbols whose compatibility
//! form is one ASCII letter, but `ℹ️` and `Ⓜ️`, typed as emoji
//! (`styled_letter_at`). A name, an ID or an address in them reads as the
//! plain one to anyone; folded, `𝐀𝐁𝐂𝐏𝐄𝟏𝟐𝟑𝟒𝐅` is a PAN and `𝐫𝐚𝐯𝐢@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦`
//! normalizes to `ravi@gmail.com`, which the guard matches to the plain
//! address. The same generators strike a value through or underline it
//! with a combining mark after every character (`9̶8̶7̶…`, `r̲a̲v̲i̲@…`): a run
//! of such marks after a printable ASCII character or a mask's bullet is
//! dropped (`line_run`); accents are no such marks. The scanner learns
//! whether a text holds one from its numeric spans, on the way, and reads
//! such a text again through the copy.
//!
//! The scanner reads a text holding any of them through a copy (`strip`)
//! instead of as written, keycap marks and invisible characters dropped,
//! italic underscores turned into spaces and full-width characters into
//! ASCII, and maps each finding's offsets back: a finding covers the marks
//! among its characters, so masking it masks the whole value, and leaves
//! the underscores around it. Whether a text holds one (`any`) costs two
//! searches of its non-ASCII stretches for the lead bytes the marks and
//! the styled letters start with (three each), and one of every text for
//! `_`; invisible characters count only
//! next to an ASCII character or a digit (`hiding_run`). Text without `_`
//! next to a value, and text whose invisible characters sit between emoji
//! or right-to-left letters (`👨\u{200D}👩`, the marks of Arabic or Hebrew
//! chat), pay no copy.

use memchr::memmem;
use once_cell::sync::Lazy;

use crate::rewrite::Rewritten;
use crate::text::{
    char_at, char_before, digit_value, escape_ends_at, escape_starts_at, is_alphanumeric,
    is_digit_lead_byte,
};

/// U+20E3 COMBINING ENCLOSING KEYCAP in UTF-8.
const KEYCAP: &[u8] = "\u{20E3}".as_bytes();
/// U+FE0F VARIATION SELECTOR-16 in UTF-8.
const EMOJI_STYLE: &[u8] = "\u{FE0F}".as_bytes();
/// The mask bullet in UTF-8.
const BULLET: &[u8] = "\u{2022}".as_bytes();

/// The length of the invisible character at `at`, if one starts there
/// (`after_ascii`: the character before it is ASCII, after which a
/// variation selector selects nothing; after an emoji it picks its style).
#[inline]
fn invisible_at(text: &[u8], at: usize, after_ascii: bool) -> Option<usize> {
    match *text.get(at..)? {
        // U+00AD SOFT HYPHEN.
        [0xC2, 0xAD, ..] => Some(2),
        // U+061C ARABIC LETTER MARK.
        [0xD8, 0x9C, ..] => Some(2),
        // U+200B..U+200F zero-width space, non-joiner, joiner, LRM, RLM;
        // U+202A..U+202E embeddings and overrides.
        [0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE, ..] => Some(3),
        // U+2060..U+2064 word joiner and invisible operators; U+2066..U+2069
        // isolates.
        [0xE2, 0x81, 0xA0..=0xA4 | 0xA6..=0xA9, ..] => Some(3),
        // U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark inside text).
        [0xEF, 0xBB, 0xBF, ..] => Some(3),
        // U+FE00..U+FE0F variation selectors, after ASCII.
        [0xEF, 0xB8, 0x80..=0x8F, ..] if after_ascii => Some(3),
        _ => None,
    }
}

/// Where a value found in the [`strip`]ped copy ends in `text`, the
/// original: before the invisible characters right after it. Mapped back,
/// a finding's end covers what was dropped after its last character (that
/// keeps a keycap's marks with its digit), but invisible characters after
/// the value stand outside it: WhatsApp and contact cards wrap a number in
/// bidirectional marks (`\u{202A}+44 7830 332317\u{202C}`), and a span
/// that held the closing mark would report it as part of the value, and a
/// label or a token in its place would drop it and leave the embedding
/// open over the rest of the line.
pub(crate) fn end_before_invisible(text: &[u8], start: usize, mut end: usize) -> usize {
    while end > start {
        let (_, width) = char_before(text, end);
        let at = end - width.max(1);
        let after_ascii = at > 0 && text[at - 1].is_ascii();
        if width == 0 || invisible_at(text, at, after_ascii) != Some(width) {
            break;
        }
        end = at;
    }
    end
}

/// The ASCII character that the full-width form at `at` stands for, if it
/// is one [`strip`] folds: the digits, `＠`, the Latin letters, and the
/// signs that go on inside a value (`．`, `＿`, `－`, `＋`). Chinese and
/// Japanese input methods type these in full-width mode
/// (`ｒａｖｉ＠ｇｍａｉｌ．ｃｏｍ`, `身份证：１１０１…００２Ｘ`). Brackets and clause
/// punctuation (`（`, `：`, `，` …) are left as they are: the detectors
/// read them already, and they fill every Chinese text.
#[inline]
fn fullwidth_at(text: &[u8], at: usize) -> Option<u8> {
    match *text.get(at..)? {
        // U+FF0B + U+FF0D - U+FF0E . U+FF10..U+FF19 0-9 U+FF20 @
        // U+FF21..U+FF3A A-Z U+FF3F _: EF BC 80+n is U+FF00+n, which stands
        // for U+0020+n.
        [0xEF, 0xBC, b @ (0x8B | 0x8D | 0x8E | 0x90..=0x99 | 0xA0..=0xBA | 0xBF), ..] => {
            Some(b - 0x60)
        }
        // U+FF41..U+FF5A a-z: EF BD 80+n is U+FF40+n, for U+0060+n.
        [0xEF, 0xBD, b @ 0x81..=0x9A, ..] => Some(b - 0x20),
        _ => None,
    }
}

/// The ASCII letter that the styled letter at `at` stands for, and its
/// width, if one starts there: the Latin letters of Unicode's
/// mathematical alphanumeric symbols (`𝐫𝐚𝐯𝐢`, `𝘳𝘢𝘷𝘪`, `𝓻𝓪𝓿𝓲`, `𝕣𝕒𝕧𝕚`,
/// `𝚛𝚊𝚟𝚒`: bold, italic, script, double-struck, monospace … thirteen
/// styles), the letterlike symbols that fill their gaps (`ℊ`, `ℯ`, `ℴ`,
/// `ℂ`, `ℍ` …), and circled letters (`ⓡⓐⓥⓘ`). "Fancy text" keyboards and
/// web generators type them, on WhatsApp as on Instagram: a name, an ID
/// or an address in them reads as the plain one to anyone, and a detector
/// reading letters by their code sees none. Their digits are decimal
/// digits already (`folded_digit`).
#[inline]
fn styled_letter_at(text: &[u8], at: usize) -> Option<(u8, usize)> {
    let letter = |index: u32| {
        let index = index % 52;
        if index < 26 {
            b'A' + index as u8
        } else {
            b'a' + (index - 26) as u8
        }
    };
    match *text.get(at..)? {
        // U+1D400..U+1D6A3: thirteen styles of A-Z then a-z.
        [0xF0, 0x9D, b2 @ 0x90..=0x9A, b3, ..] if (0x80..0xC0).contains(&b3) => {
            let code = 0x1D000 | (u32::from(b2 & 0x3F) << 6) | u32::from(b3 & 0x3F);
            (code < 0x1D6A4).then(|| (letter(code - 0x1D400), 4))
        }
        // U+24B6..U+24E9: circled A-Z then a-z; but U+24C2, Ⓜ️, which
        // chat types as an emoji (the metro's sign).
        [0xE2, 0x92, b @ 0xB6..=0xBF, ..] => Some((letter(u32::from(b - 0xB6)), 3)),
        [0xE2, 0x93, b @ 0x80..=0xA9, ..] if b != 0x82 => {
            Some((letter(u32::from(b - 0x80) + 10), 3))
        }
        // U+2145..U+2149: double-struck italic D, d, e, i, j.
        [0xE2, 0x85, b @ 0x85..=0x89, ..] => Some((b"Ddeij"[usize::from(b - 0x85)], 3)),
        // The letterlike symbols that stand for letters missing from the
        // mathematical styles.
        [0xE2, 0x84, b, ..] => {
            let ascii = match b {
                0x82 | 0xAD => b'C',
                0x8A => b'g',
                0x8B..=0x8D => b'H',
                0x8E => b'h',
                0x90 | 0x91 => b'I',
                0x92 => b'L',
                0x93 => b'l',
                0x95 => b'N',
                0x99 => b'P',
                0x9A => b'Q',
                0x9B..=0x9D => b'R',
                0xA4 | 0xA8 => b'Z',
                0xAA => b'K',
                0xAC => b'B',
                0xAF => b'e',
                0xB0 => b'E',
                0xB1 => b'F',
                0xB3 => b'M',
                0xB4 => b'o',
                _ => return None,
            };
            Some((ascii, 3))
        }
        _ => None,
    }
}

/// The length of the line or stroke mark at `at`, if one starts there:
/// the combining marks that "strikethrough" and "underline" text
/// generators put after every character (`9̶8̶7̶…`, `9̲8̲7̲…`, `r̲a̲v̲i̲@…`):
/// U+0330 tilde below, U+0332..U+0338 low lines, overlays and solidi,
/// U+033D x above, U+0353 x below, U+035F double macron below. Not the
/// accents of any language (a decomposed `é` keeps its U+0301).
#[inline]
fn line_mark_at(text: &[u8], at: usize) -> Option<usize> {
    match *text.get(at..)? {
        [0xCC, 0xB0 | 0xB2..=0xB8 | 0xBD, ..] | [0xCD, 0x93 | 0x9F, ..] => Some(2),
        _ => None,
    }
}

/// If line marks start at `at` (the first of a run), where the run ends
/// and whether it strikes through or underlines a value's character or
/// what stands around one: a printable ASCII character or space (the
/// generators mark every character, `+̶9̶1̶ ̶9̶8̶…`, `@̲`), or a mask's bullet
/// (which stands for one), right before it. After anything else (`é̲`, an
/// emoji) the run stays.
fn line_run(text: &[u8], at: usize) -> Option<(usize, bool)> {
    let mut end = at + line_mark_at(text, at)?;
    while let Some(width) = line_mark_at(text, end) {
        end += width;
    }
    let base = char_before(text, at).0;
    let strikes =
        base.is_some_and(|c| c.is_ascii_graphic() || c == ' ' || c == crate::policy::mask::BULLET);
    Some((end, strikes))
}

/// Whether [`strip`] would change `text` (`ascii`: it is all ASCII):
/// whether it holds an italic underscore (`underscore_run`), a full-width
/// letter or address sign (`fullwidth_at`), a styled letter
/// (`styled_letter_at`), a keycap mark after a digit,
/// `#`, `*` or mask bullet, or a run of invisible characters that hides
/// something (`hiding_run`). Only non-ASCII text can hold the last three;
/// the search jumps between the lead bytes that they start with. Asking
/// exactly this keeps the scan of a text the same whether or not another
/// line of it asked for a copy.
pub(crate) fn any(text: &[u8], ascii: bool) -> bool {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'_', &text[from..]) {
        let (end, marks) = underscore_run(text, from + i);
        if marks {
            return true;
        }
        from = end;
    }
    if ascii {
        return false;
    }
    let mut from = 0;
    while let Some(i) = memchr::memchr3(0xE2, 0xC2, 0xEF, &text[from..]) {
        let at = from + i;
        if fullwidth_at(text, at).is_some() || styled_letter_at(text, at).is_some() {
            return true;
        }
        match hiding_run(text, at) {
            Some((_, true)) => return true,
            Some((end, false)) => from = end,
            None if keycap_of_base(text, at) => return true,
            None => from = at + 1,
        }
    }
    // The mathematical styles' letters, whose lead byte is every emoji's
    // (the second byte tells them apart), and line marks after a value's
    // character, a run at a time.
    let mut from = 0;
    while let Some(i) = memchr::memchr3(0xF0, 0xCC, 0xCD, &text[from..]) {
        let at = from + i;
        if styled_letter_at(text, at).is_some() {
            return true;
        }
        match line_run(text, at) {
            Some((_, true)) => return true,
            Some((end, false)) => from = end,
            None => from = at + 1,
        }
    }
    // U+061C, the one whose lead byte is that of most Arabic letters: only
    // text with Arabic letters can hold it (one quick byte search), and the
    // finder is built once, as building one costs more than most searches.
    static ARABIC_LETTER_MARK: Lazy<memmem::Finder<'static>> =
        Lazy::new(|| memmem::Finder::new("\u{061C}".as_bytes()));
    memchr::memchr(0xD8, text).is_some_and(|arabic| {
        ARABIC_LETTER_MARK
            .find_iter(&text[arabic..])
            .any(|at| hiding_run(text, arabic + at).is_some_and(|(_, hides)| hides))
    })
}

/// The length of the mark at `at` that [`strip`] may drop from among a
/// value's characters, if one starts there: a keycap mark, a variation
/// selector or another invisible character. Asked by readers of the text
/// as written that must see through them as the detectors do (the
/// spelled-out pass's `shat0\u{20E3}@example.com` is an address's name).
pub(crate) fn mark_at(text: &[u8], at: usize) -> Option<usize> {
    if text.get(at..)?.starts_with(KEYCAP) {
        return Some(KEYCAP.len());
    }
    invisible_at(text, at, true).or_else(|| line_mark_at(text, at))
}

/// The length of the mark that ends at `at`, as [`mark_at`] reads it.
pub(crate) fn mark_before(text: &[u8], at: usize) -> Option<usize> {
    [3, 2]
        .into_iter()
        .find(|&width| at >= width && mark_at(text, at - width) == Some(width))
}

/// Whether U+20E3 starts at `at` right after a keycap's base (an ASCII
/// digit, `#`, `*` or a mask bullet), with U+FE0F in between or not.
fn keycap_of_base(text: &[u8], at: usize) -> bool {
    if !text[at..].starts_with(KEYCAP) {
        return false;
    }
    let before = &text[..at];
    let before = before.strip_suffix(EMOJI_STYLE).unwrap_or(before);
    before.ends_with(BULLET)
        || before
            .last()
            .is_some_and(|&b| b.is_ascii_digit() || b == b'#' || b == b'*')
}

/// If invisible characters start at `at` (the first of a run, or the
/// character before is not one), where the run ends and whether it hides
/// something: whether a character on either side of it is ASCII, a digit
/// of any script or a mask's bullet, or the text ends there. Such a run stands among a
/// value's characters, or among the words and signs around it that the
/// detectors read as its context (`order\u{200B} #4821…` is an order number
/// as much as `order #4821…`). A run between two other characters joins an
/// emoji sequence (`👨\u{200D}👩`) or marks the direction of right-to-left
/// words, and is left alone. The decision depends on the run's neighbours
/// only, so a text cut at a line break decides it as the whole text does.
fn hiding_run(text: &[u8], at: usize) -> Option<(usize, bool)> {
    let after_ascii = at > 0 && text[at - 1].is_ascii();
    let mut end = at + invisible_at(text, at, after_ascii)?;
    while let Some(width) = invisible_at(text, end, false) {
        end += width;
    }
    let (before, before_width) = char_before(text, at);
    let (after, after_width) = char_at(text, end);
    // Next to bytes that are no character (`EF BC` + U+2069 + `95`), a run
    // stays: dropping it could join them into one the text does not hold.
    if (before.is_none() && before_width > 0) || (after.is_none() && after_width > 0) {
        return Some((end, false));
    }
    // A mask's bullet stands for the value's character it hides: a run
    // beside it hides as it did beside that character, or the masked text
    // would read the words after it otherwise (`…1.20\u{200B}ΑΜΚΑ
    // 0101…ravi@gmail`: the run went, and `20ΑΜΚΑ` was a number before
    // the address, but stayed beside `••`, and the address was read once
    // the IP address was masked; found by the stream property test).
    let shows_value = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_ascii() || digit_value(c).is_some() || c == crate::policy::mask::BULLET
        })
    };
    let hides = shows_value(before) || shows_value(after);
    Some((end, hides))
}

/// Where the run of `_` that starts at `at` ends, and whether it is an
/// italic mark: one side of it stands against the value (anything but
/// white space), the other against the outside (`outside_before`,
/// `outside_after`). WhatsApp's own rule is stricter (a closing mark for
/// every opening one, on the same line); the looser one also catches the
/// mark written on one side only, and depends on the run's neighbours
/// only, so a text cut at a line break decides it as the whole text does.
fn underscore_run(text: &[u8], at: usize) -> (usize, bool) {
    let mut end = at + 1;
    while text.get(end) == Some(&b'_') {
        end += 1;
    }
    let value_before =
        !escape_ends_at(text, at) && char_before(text, at).0.is_some_and(|c| !c.is_whitespace());
    let value_after =
        !escape_starts_at(text, end) && char_at(text, end).0.is_some_and(|c| !c.is_whitespace());
    let marks =
        (value_after && outside_before(text, at)) || (value_before && outside_after(text, end));
    (end, marks)
}

/// Whether what ends at `at` is outside a value that italics open there:
/// the text's start, white space (or `\n`, `\t` written as text), or a
/// sign formatting sits in.
fn outside_before(text: &[u8], at: usize) -> bool {
    if escape_ends_at(text, at) {
        return true;
    }
    match char_before(text, at).0 {
        None => true,
        Some(c) => c.is_whitespace() || encloses(c),
    }
}

/// Whether what starts at `at` is outside a value that italics close
/// there: as [`outside_before`], and a `.` that ends a sentence (the end,
/// white space, another `.` or such a sign after it): a `.` before a
/// letter or digit goes on with an address (`first_.last@…`).
fn outside_after(text: &[u8], at: usize) -> bool {
    if escape_starts_at(text, at) {
        return true;
    }
    match char_at(text, at).0 {
        None => true,
        Some('.') => char_at(text, at + 1)
            .0
            .is_none_or(|c| c.is_whitespace() || c == '.' || encloses(c)),
        Some(c) => c.is_whitespace() || encloses(c),
    }
}

/// Signs that formatting marks stand inside or beside: WhatsApp's other
/// marks, brackets, quotes and clause punctuation, and any character that
/// is no ASCII sign and no letter or digit (emoji, `“`, `、`). ASCII signs
/// that go on inside values (`@`, `.`, `-`, `+`, `/`, `#` …) are not.
fn encloses(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            '*' | '~'
                | '`'
                | '"'
                | '\''
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '<'
                | '>'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '|'
        )
    } else {
        !is_alphanumeric(c)
    }
}

/// `text` without its keycap marks and hiding invisible characters, with
/// spaces for its italic underscores and ASCII for its full-width letters
/// and address signs: U+FE0F U+20E3 (or U+20E3 alone) after each ASCII
/// digit, `#`, `*` and mask bullet, and every run of invisible characters
/// that `hiding_run` says hides something, are dropped; every run of `_`
/// that `underscore_run` calls a mark becomes as many spaces, a word
/// boundary as it is to the reader; `ｒａｖｉ＠ｇｍａｉｌ．ｃｏｍ` becomes
/// `ravi@gmail.com`, each character mapped to its three bytes, and
/// full-width digits become ASCII digits; so do styled letters (`𝐫𝐚𝐯𝐢`,
/// `ⓡⓐⓥⓘ`: `styled_letter_at`). Keycap marks after
/// anything else stay: they make no keycap. What is dropped belongs to the
/// character before it. [`any`] says whether this changes anything.
pub(crate) fn strip(text: &[u8]) -> Rewritten {
    let mut out = Rewritten::with_capacity(text.len());
    // What stays as it is gets copied a run at a time, from `kept` on,
    // whenever something else is written or dropped.
    let mut kept = 0;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if b >= 0xC2 {
            // Only these leads start an invisible character or a
            // full-width form; digits have leads of their own.
            let marked = matches!(b, 0xC2 | 0xD8 | 0xE2 | 0xEF);
            if marked {
                if let Some(ascii) = fullwidth_at(text, i) {
                    out.copy(text, kept, i);
                    out.push(ascii, i);
                    i += 3;
                    kept = i;
                    continue;
                }
            }
            if matches!(b, 0xCC | 0xCD) {
                if let Some((end, strikes)) = line_run(text, i) {
                    if strikes {
                        out.copy(text, kept, i);
                        kept = end;
                    }
                    i = end;
                    continue;
                }
            }
            if matches!(b, 0xE2 | 0xF0) {
                if let Some((ascii, width)) = styled_letter_at(text, i) {
                    out.copy(text, kept, i);
                    out.push(ascii, i);
                    i += width;
                    kept = i;
                    continue;
                }
            }
            if is_digit_lead_byte(b) && crate::prefilter::is_non_ascii_digit(text, i) {
                if let Some((d, width)) = folded_digit(text, i) {
                    out.copy(text, kept, i);
                    out.push(d, i);
                    i += width;
                    kept = i;
                    continue;
                }
            }
            if marked {
                if let Some((end, hides)) = hiding_run(text, i) {
                    if hides {
                        out.copy(text, kept, i);
                        kept = end;
                    }
                    i = end;
                    continue;
                }
            }
            // A mask bullet goes on below, as a keycap's base.
            if !text[i..].starts_with(BULLET) {
                i += 1 + text[i + 1..]
                    .iter()
                    .take(3)
                    .take_while(|&&b| (0x80..0xC0).contains(&b))
                    .count();
                continue;
            }
        }
        if b == b'_' {
            let (end, marks) = underscore_run(text, i);
            if marks {
                out.copy(text, kept, i);
                for at in i..end {
                    out.push(b' ', at);
                }
                kept = end;
            }
            i = end;
            continue;
        }
        i += 1;
        // A mask bullet stands for a digit: masked keycaps read as masked
        // digits do (see `crate::masked`).
        let base = b.is_ascii_digit()
            || b == b'#'
            || b == b'*'
            || (b == BULLET[2] && text[..i].ends_with(BULLET));
        if base {
            let rest = &text[i..];
            let marks = if rest.starts_with(KEYCAP) {
                KEYCAP.len()
            } else if rest.starts_with(EMOJI_STYLE) && rest[EMOJI_STYLE.len()..].starts_with(KEYCAP)
            {
                EMOJI_STYLE.len() + KEYCAP.len()
            } else {
                0
            };
            if marks > 0 {
                out.copy(text, kept, i);
                i += marks;
                kept = i;
            }
        }
    }
    out.copy(text, kept, text.len());
    out.finish(text.len())
}

/// The ASCII digit for the digit of another script at `at`, and its
/// width; `None` when it stands beside a digit of another script
/// (`192.168.1.1٣`: a run that mixes scripts is no number anyone typed, and
/// its digits stay as they are, and still glue).
fn folded_digit(text: &[u8], at: usize) -> Option<(u8, usize)> {
    let (c, width) = char_at(text, at);
    let c = c?;
    let d = digit_value(c)?;
    let zero = c as u32 - u32::from(d);
    let other_script = |n: Option<char>| {
        n.and_then(|n| Some(n as u32 - u32::from(digit_value(n)?)))
            .is_some_and(|z| z != zero)
    };
    if other_script(char_before(text, at).0) || other_script(char_at(text, at + width).0) {
        return None;
    }
    Some((b'0' + d, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::any`] of a whole text.
    fn any(text: &[u8]) -> bool {
        super::any(text, text.is_ascii())
    }

    #[test]
    fn strips_the_marks_of_keycaps_only() {
        let text = "9\u{FE0F}\u{20E3}8\u{20E3} #\u{FE0F}\u{20E3} ❤\u{FE0F} a\u{20E3} •\u{20E3} 7";
        let s = strip(text.as_bytes());
        assert_eq!(s.text, "98 # ❤\u{FE0F} a\u{20E3} • 7".as_bytes());
        // "98" maps to the two keycaps, marks included.
        assert_eq!(s.original(0, 2), (0, 11));
        let seven = s.text.len() - 1;
        assert_eq!(s.original(seven, seven + 1), (text.len() - 1, text.len()));
    }

    #[test]
    fn any_bytes_map_back_monotonically() {
        let text =
            b"\xe2\x83\xa3 1\xe2\x83 2\xef\xb8\x8f 3\xef\xb8\x8f\xe2\x83\xa3\xff4\xe2\x83\xa3";
        let s = strip(text);
        // A variation selector after a digit selects nothing: it goes too.
        assert_eq!(s.text, b"\xe2\x83\xa3 1\xe2\x83 2 3\xff4");
        let mut last = 0;
        for i in 0..=s.text.len() {
            let (at, _) = s.original(i, i);
            assert!(at >= last && at <= text.len());
            last = at;
        }
    }

    /// Every invisible character, as Unicode lists it (general category
    /// Cf, or a variation selector), from its code point.
    const INVISIBLE: &[char] = &[
        '\u{00AD}', '\u{061C}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}',
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2061}',
        '\u{2062}', '\u{2063}', '\u{2064}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        '\u{FEFF}',
    ];

    #[test]
    fn invisible_characters_are_recognised_by_their_encoding() {
        for &c in INVISIBLE {
            let text = c.to_string();
            assert_eq!(
                invisible_at(text.as_bytes(), 0, false),
                Some(c.len_utf8()),
                "{c:?}"
            );
        }
        for selector in '\u{FE00}'..='\u{FE0F}' {
            let text = format!("9{selector}");
            assert_eq!(invisible_at(text.as_bytes(), 1, true), Some(3));
            assert_eq!(invisible_at(text.as_bytes(), 1, false), None);
        }
        // Their neighbours in the code charts are visible (or spaces, which
        // the detectors read as spaces).
        for c in [
            '\u{00AC}', '\u{00AE}', '\u{061B}', '\u{061D}', '\u{200A}', '\u{2010}', '\u{2029}',
            '\u{202F}', '\u{205F}', '\u{2065}', '\u{206A}', '\u{FEFE}', '\u{FE10}', '\u{20E3}',
            '\u{2022}', '…', '’', '€', 'ا',
        ] {
            let text = c.to_string();
            assert_eq!(invisible_at(text.as_bytes(), 0, true), None, "{c:?}");
        }
        assert_eq!(invisible_at(b"\xe2\x80", 0, false), None);
    }

    #[test]
    fn marks_are_read_forward_and_back_by_their_width() {
        for c in INVISIBLE.iter().copied().chain(['\u{20E3}', '\u{FE0F}']) {
            let text = format!("a{c}@");
            let width = c.len_utf8();
            assert_eq!(mark_at(text.as_bytes(), 1), Some(width), "{c:?}");
            assert_eq!(
                mark_before(text.as_bytes(), 1 + width),
                Some(width),
                "{c:?}"
            );
        }
        for text in ["a@", "a\u{2022}@", "a…@", "aé@", "a\u{200A}@"] {
            let at = text.len() - 1;
            assert_eq!(mark_at(text.as_bytes(), 1), None, "{text:?}");
            assert_eq!(mark_before(text.as_bytes(), at), None, "{text:?}");
        }
        assert_eq!(mark_at(b"a", 5), None);
        assert_eq!(mark_before(b"\xa3", 1), None);
    }

    #[test]
    fn only_marks_that_strip_removes_ask_for_a_copy() {
        for &c in INVISIBLE {
            for text in [
                format!("98765{c}43210"),
                format!("ravi{c}@gmail.com"),
                format!("{c}{c}+91 98765 43210{c}"),
                format!("order{c} #48213977"),
                format!("नमस्ते {c}9"),
                format!("٠٥٠{c}١٢٣٤٥٦٧"),
                format!("{c}👍"),
            ] {
                assert!(any(text.as_bytes()), "{text:?}");
            }
            for text in [
                format!("👨{c}👩{c}👧 98765 43210"),
                format!("رقم{c}ي ٠٥٠١٢٣٤٥٦٧"),
                format!("ok 👍{c}{c}🙏 ok"),
            ] {
                assert!(!any(text.as_bytes()), "{text:?}");
            }
        }
        assert!(!any("❤\u{FE0F} ok ❤\u{FE0F}".as_bytes()));
        // Keycaps count after their bases only.
        for text in [
            "9\u{20E3}",
            "#\u{FE0F}\u{20E3}",
            "*\u{20E3}",
            "•\u{FE0F}\u{20E3}",
            "•\u{20E3}",
        ] {
            assert!(any(text.as_bytes()), "{text:?}");
        }
        for text in ["a\u{20E3}", "\u{20E3}", "❤\u{FE0F}\u{20E3}"] {
            assert!(!any(text.as_bytes()), "{text:?}");
        }
        assert!(any("98765\u{FE0F}43210".as_bytes()));
        assert!(!any("call 98765 43210 … ’ “”".as_bytes()));
    }

    #[test]
    fn invisible_characters_are_dropped_and_belong_to_the_character_before() {
        let text = "a\u{200B}b\u{202A}+91\u{FEFF}98\u{FE0F}7\u{00AD} ❤\u{FE0F}👨\u{200D}👩";
        let s = strip(text.as_bytes());
        // Between emoji a joiner joins them, and stays.
        assert_eq!(s.text, "ab+91987 ❤\u{FE0F}👨\u{200D}👩".as_bytes());
        // "+91987" covers the marks among its characters and after it.
        let plus = 2;
        assert_eq!(
            s.original(plus, plus + 6),
            (text.find('+').unwrap(), text.find(' ').unwrap())
        );
    }

    #[test]
    fn styled_letters_are_the_letters_their_compatibility_form_is() {
        use unicode_normalization::UnicodeNormalization;
        // Every character of the letterlike symbols, the enclosed
        // alphanumerics and the mathematical alphanumeric symbols whose
        // compatibility form (NFKC) is one ASCII letter folds to it, but
        // the two that chat types as emoji (`ℹ️`, `Ⓜ️`); none else folds.
        let blocks = [0x2100..0x2150, 0x2460..0x2500, 0x1D400..0x1D800];
        let mut folded = 0;
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let nfkc: String = c.to_string().nfkc().collect();
            // The reserved code points in the styles' gaps (unassigned, so
            // their own compatibility form) are never typed: the letterlike
            // symbols stand there.
            if (0x1D400..0x1D6A4).contains(&(c as u32)) && nfkc == c.to_string() {
                continue;
            }
            let letter = match nfkc.as_bytes() {
                &[b] if b.is_ascii_alphabetic() && !matches!(c, '\u{2139}' | '\u{24C2}') => Some(b),
                _ => None,
            };
            let text = c.to_string();
            assert_eq!(
                styled_letter_at(text.as_bytes(), 0),
                letter.map(|b| (b, text.len())),
                "U+{:04X}",
                c as u32
            );
            folded += usize::from(letter.is_some());
            // And it is the one character read: what follows stays.
            let glued = format!("{c}9");
            assert_eq!(
                styled_letter_at(glued.as_bytes(), 0).map(|(_, w)| w),
                letter.map(|_| text.len())
            );
        }
        assert!(folded > 13 * 52, "{folded}");
        // Emoji share the mathematical letters' lead byte.
        for emoji in ["😀", "🔥", "👨\u{200D}👩", "🅰", "\u{1D7CE}"] {
            assert_eq!(styled_letter_at(emoji.as_bytes(), 0), None, "{emoji}");
        }
        // Cut short, or any bytes: no letter, no panic.
        for bytes in [
            &b"\xF0\x9D\x90"[..],
            b"\xF0\x9D",
            b"\xE2\x84",
            b"\xF0\x9D\x90\x20",
            b"\xE2\x93",
        ] {
            assert_eq!(styled_letter_at(bytes, 0), None, "{bytes:?}");
        }
    }

    #[test]
    fn styled_letters_ask_for_the_copy_and_fold_in_it() {
        assert!(any("mail 𝐫𝐚𝐯𝐢@x.in".as_bytes()));
        assert!(any("ⓡⓐⓥⓘ".as_bytes()));
        assert!(any("ℊmail".as_bytes()));
        assert!(!any("😀🔥 ℃ № ™ ok".as_bytes()));
        let copy = strip("𝐫𝐚𝐯𝐢@ℊ𝓂𝒶𝒾𝓁.ⓒⓞⓜ 😀".as_bytes());
        assert_eq!(copy.text, "ravi@gmail.com 😀".as_bytes());
    }

    #[test]
    fn line_marks_after_a_value_go_and_others_stay() {
        let copy = strip("9\u{336}8\u{336}7\u{332}\u{336} +\u{336}9 \u{2022}\u{336}".as_bytes());
        assert_eq!(copy.text, "987 +9 \u{2022}".as_bytes());
        // A decomposed accent stays, and so does a line mark after it or
        // after an emoji.
        for kept in [
            "e\u{301}",
            "e\u{301}\u{336}",
            "\u{1F600}\u{336}",
            "\u{336}9",
        ] {
            assert!(!any(kept.as_bytes()), "{kept:?}");
            assert_eq!(strip(kept.as_bytes()).text, kept.as_bytes(), "{kept:?}");
        }
        assert!(any("ravi\u{332}@x.in".as_bytes()));
        assert_eq!(mark_at("9\u{336}".as_bytes(), 1), Some(2));
        assert_eq!(mark_before("9\u{336}".as_bytes(), 3), Some(2));
    }

    proptest::proptest! {
        /// [`any`] says whether [`strip`] changes a text, for texts of the
        /// characters either reads (digits of other scripts aside: the
        /// scanner finds those on its own).
        #[test]
        fn any_says_whether_strip_changes_the_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "9", "a", "Z", " ", "_", "@", ".", "+", "\u{2022}", "\u{336}", "\u{332}",
                "\u{35F}", "\u{301}", "\u{200B}", "\u{FE0F}", "\u{20E3}", "\u{1D42B}",
                "\u{1F600}", "\u{210A}", "\u{24E1}", "\u{24C2}", "\u{FF52}", "\u{FF0C}",
                "\u{E9}", "\u{5D0}", "\u{61C}", "\u{627}",
            ]), 0..12),
        ) {
            let text = pieces.concat();
            let changes = strip(text.as_bytes()).text != text.as_bytes();
            proptest::prop_assert_eq!(any(text.as_bytes()), changes, "{:?}", text);
        }
    }
}
