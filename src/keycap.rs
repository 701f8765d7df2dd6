//! Keycap digits: numbers written as emoji (`9️⃣8️⃣7️⃣6️⃣5️⃣…`).
//!
//! Why: a keycap is a digit followed by U+20E3 COMBINING ENCLOSING KEYCAP
//! (with U+FE0F, the emoji variation selector, in between as a rule). Chat
//! users write phone numbers this way to slip past filters that look for
//! digits in a row, which is exactly the leak this crate exists to stop.
//! To a reader the value is the digits; to the detectors the two marks after
//! each digit break every run.
//!
//! The scanner therefore reads text holding a keycap again through a copy
//! without the marks (digits, `#` and `*` keep their place) and maps each
//! finding's offsets back: a finding covers the marks of its digits, so
//! masking it masks the whole keycaps. Whether a text holds one is noticed
//! where the scanner grows a numeric span anyway (the character that ends
//! the span is a keycap mark right after a digit), so text without keycaps
//! (nearly all text) pays one comparison per numeric span, not a search.

use crate::rewrite::Rewritten;

/// U+20E3 COMBINING ENCLOSING KEYCAP in UTF-8.
const KEYCAP: &[u8] = "\u{20E3}".as_bytes();
/// U+FE0F VARIATION SELECTOR-16 in UTF-8.
const EMOJI_STYLE: &[u8] = "\u{FE0F}".as_bytes();
/// The mask bullet in UTF-8.
const BULLET: &[u8] = "\u{2022}".as_bytes();

/// Whether a keycap mark (U+FE0F or U+20E3) starts at `at`: what the
/// scanner looks for right after a numeric span's last digit.
#[inline]
pub(crate) fn mark_at(text: &[u8], at: usize) -> bool {
    // Most spans end before an ASCII byte: one comparison.
    matches!(text.get(at), Some(0xE2 | 0xEF)) && {
        let rest = &text[at..];
        rest.starts_with(KEYCAP) || rest.starts_with(EMOJI_STYLE)
    }
}

/// `text` with U+FE0F U+20E3 (or U+20E3 alone) removed after each ASCII
/// digit, `#`, `*` and mask bullet. Marks after anything else stay: they
/// make no keycap. The marks belong to the digit before them.
pub(crate) fn strip(text: &[u8]) -> Rewritten {
    let mut out = Rewritten::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        out.push(b, i);
        i += 1;
        // A mask bullet stands for a digit: masked keycaps read as masked
        // digits do (see `crate::masked`).
        let base = b.is_ascii_digit()
            || b == b'#'
            || b == b'*'
            || (b == BULLET[2] && out.text.ends_with(BULLET));
        if base {
            let rest = &text[i..];
            if rest.starts_with(KEYCAP) {
                i += KEYCAP.len();
            } else if rest.starts_with(EMOJI_STYLE) && rest[EMOJI_STYLE.len()..].starts_with(KEYCAP)
            {
                i += EMOJI_STYLE.len() + KEYCAP.len();
            }
        }
    }
    out.finish(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(s.text, b"\xe2\x83\xa3 1\xe2\x83 2\xef\xb8\x8f 3\xff4");
        let mut last = 0;
        for i in 0..=s.text.len() {
            let (at, _) = s.original(i, i);
            assert!(at >= last && at <= text.len());
            last = at;
        }
    }
}
