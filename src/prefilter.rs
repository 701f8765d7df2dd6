//! Skip-ahead over text that cannot hold a finding.
//!
//! Every built-in kind contains at least one decimal digit or an `@` (or
//! `＠`, which `crate::marks` reads as one), or is a username after a
//! profile link's `/` (`t.me/ravi_k`) or an app's name and its `:` (`LINE
//! ID: shop88`), or, in an Argentine conversation, a transfer alias with a
//! `.` inside (`alias: juan.perez.mp`), so the scanner only has to look
//! closely around those.
//! Chat text is mostly words, so finding the next such byte fast is most
//! of the speed: we test eight bytes at a time with SWAR arithmetic (plain
//! `u64` operations, which the compiler vectorises further; no `unsafe`),
//! and look only at the bytes flagged, first to last. Measured on English
//! prose this runs at several GB/s per core.
//!
//! Non-ASCII digits (Arabic-Indic, Devanagari, full-width …) are found by
//! their UTF-8 lead bytes, confirmed from the bytes that follow without a
//! full decode, so text in Hindi, Arabic or Thai without digits is skipped
//! almost as fast as English.

use crate::region::Region;
use crate::text::{char_at, digit_value, is_digit_lead_byte};

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Which bytes start something worth a closer look.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Triggers {
    /// `@`, for e-mail addresses.
    pub at_sign: bool,
    /// `/` right after a profile link's host (`t.me/`, `instagram.com/`),
    /// for handles on other apps.
    pub link_slash: bool,
    /// `:` or `：` right after an app's name (`LINE ID:`), for handles
    /// written without their `@`.
    pub app_colon: bool,
    /// `.` inside a token after the word `alias`, for Argentina's
    /// transfer aliases: set by [`Triggers::in_region`] for a
    /// conversation of `alias_region`.
    pub alias_dot: bool,
    /// Where aliases are read (Argentina, when the kind is asked for).
    pub alias_region: Option<Region>,
}

/// U+FF20 FULLWIDTH COMMERCIAL AT, which Chinese and Japanese input methods
/// type for `@` (see `crate::marks`).
const FULLWIDTH_AT: &[u8] = "\u{FF20}".as_bytes();

/// U+FF1A FULLWIDTH COLON, which Chinese and Japanese input methods type
/// for `:`.
pub(crate) const FULLWIDTH_COLON: &[u8] = "\u{FF1A}".as_bytes();

/// Byte classes: what a byte may start.
const DIGIT: u8 = 1;
const AT: u8 = 2;
const LEAD: u8 = 3;
/// 0xE0: Indic scripts, Thai, Lao, Tibetan (Devanagari text is full of it).
const LEAD_E0: u8 = 4;
const SLASH: u8 = 5;
const COLON: u8 = 6;
const DOT: u8 = 7;
const CLOSE: u8 = 8;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'@' => AT,
            b'/' => SLASH,
            b':' => COLON,
            b'.' => DOT,
            b')' | b']' | b'}' | b'>' => CLOSE,
            0xE0 => LEAD_E0,
            lead if is_digit_lead_byte(lead) => LEAD,
            _ => 0,
        };
        b += 1;
    }
    table
};

impl Triggers {
    /// These triggers in a conversation of `region`: an alias's `.` only
    /// in Argentina's (elsewhere the `.`s of prose and links are not
    /// looked at).
    #[inline(always)]
    pub(crate) fn in_region(self, region: Option<Region>) -> Triggers {
        Triggers {
            alias_dot: region.is_some() && region == self.alias_region,
            ..self
        }
    }

    #[inline(always)]
    fn confirm(self, class: u8, h: &[u8], i: usize) -> bool {
        match class {
            DIGIT => true,
            AT => self.at_sign,
            LEAD => {
                is_non_ascii_digit(h, i)
                    || (self.at_sign && h[i..].starts_with(FULLWIDTH_AT))
                    || (self.app_colon && h[i..].starts_with(FULLWIDTH_COLON) && app_colon(h, i))
            }
            // Most 0xE0 characters are letters of a block whose second
            // byte holds no digit (Devanagari letters: 0xA4): no call.
            LEAD_E0 => e0_block_has_digits(h.get(i + 1)) && is_non_ascii_digit(h, i),
            SLASH => self.link_slash && profile_link_slash(h, i),
            COLON => self.app_colon && app_colon(h, i),
            // Most dots end a sentence: a space follows.
            DOT => {
                self.alias_dot
                    && h.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                    && i > 0
                    && h[i - 1].is_ascii_alphanumeric()
                    && alias_dot(h, i)
            }
            // Most closing brackets end a remark or a smiley.
            CLOSE => {
                self.at_sign
                    && i > 0
                    && matches!(h[i - 1], b't' | b'T' | b' ')
                    && closes_at_sign(h, i)
            }
            _ => false,
        }
    }

    /// The position of the first trigger byte at or after `from`.
    #[inline(always)]
    pub(crate) fn next(self, haystack: &[u8], from: usize) -> Option<usize> {
        if self.alias_dot {
            self.next_from::<true>(haystack, from)
        } else {
            self.next_from::<false>(haystack, from)
        }
    }

    /// [`Triggers::next`], with `.` flagged only when aliases are looked
    /// for (a constant, so that the other loop pays nothing for it).
    #[inline(always)]
    fn next_from<const DOTS: bool>(self, haystack: &[u8], from: usize) -> Option<usize> {
        let from_2e_or_2f = if DOTS { 0x52 * LO } else { 0x51 * LO };
        let mut i = from;
        while let Some(word) = haystack.get(i..i + 8) {
            let x = u64::from_le_bytes(word.try_into().expect("slice of eight bytes"));
            // A byte is flagged when it may be a digit, an '@', a closing
            // bracket or a lead byte of 0xD8 or above (every non-ASCII
            // digit's lead is; Latin accents, Cyrillic, Greek and Hebrew
            // are below, so European text stays on the fast path). Flags
            // are exact per byte (no carries: on the low seven bits,
            // adding at most 0x7F stays within the byte), and cover a few
            // bytes more than asked, which their class turns down: one
            // range rather than two tests is cheaper than the rare `;`,
            // `<`, `=` or `?` it takes in (and `>`, which closes `<at>`,
            // comes in it at no cost).
            //
            // - `b >= 0x2F` (`0x2E` with aliases) and not `b >= 0x41` (and
            //   not high): a digit, `/`, `:` or `@` (or `.`), with `;` to
            //   `?`. (`/` and `:`, for handles, and `.`, for aliases, come
            //   with the digits at no cost in this arithmetic.)
            // - `]` or `}`, with `^`, `_`, `~`: 0x7D and above once 0x20 is
            //   set. `)`: a byte equal to 0x29 has no high bit after adding
            //   0x7F to its difference.
            // - A high byte with `(b & 0x7F) >= 0x58`: a lead of 0xD8 or
            //   above.
            //
            // Leads, `/`, `:`, `.` and brackets are confirmed below.
            let low = x & (0x7F * LO);
            let ge2e_or_2f = low + from_2e_or_2f;
            let ge41 = low + 0x3F * LO;
            let square_or_curly = (low | (0x20 * LO)) + 0x03 * LO;
            let not_round = (low ^ (0x29 * LO)) + 0x7F * LO;
            let ascii = ((ge2e_or_2f & !ge41) | square_or_curly | !not_round) & !x;
            let high_lead = x & (low + 0x28 * LO);
            let mut flagged = (ascii | high_lead) & HI;
            // Only flagged bytes are looked at, first to last.
            while flagged != 0 {
                let k = (flagged.trailing_zeros() / 8) as usize;
                let class = CLASS[usize::from(word[k])];
                if class != 0 && self.confirm(class, haystack, i + k) {
                    return Some(i + k);
                }
                flagged &= flagged - 1;
            }
            i += 8;
        }
        // The last bytes, fewer than eight: one look-up each.
        while let Some(&b) = haystack.get(i) {
            let class = CLASS[usize::from(b)];
            if class != 0 && self.confirm(class, haystack, i) {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

/// [`crate::detect::handle::is_profile_link_slash`], out of line: rare,
/// and kept out of the loop above.
#[cold]
#[inline(never)]
fn profile_link_slash(h: &[u8], i: usize) -> bool {
    crate::detect::handle::is_profile_link_slash(h, i)
}

/// [`crate::detect::bracketed::closes_at_sign`], out of line as above.
#[cold]
#[inline(never)]
fn closes_at_sign(h: &[u8], i: usize) -> bool {
    crate::detect::bracketed::closes_at_sign(h, i)
}

/// [`crate::detect::alias::is_alias_dot`], out of line as above.
#[cold]
#[inline(never)]
fn alias_dot(h: &[u8], i: usize) -> bool {
    crate::detect::alias::is_alias_dot(h, i)
}

/// [`crate::detect::handle::is_app_colon`], out of line as above.
#[cold]
#[inline(never)]
fn app_colon(h: &[u8], i: usize) -> bool {
    crate::detect::handle::is_app_colon(h, i)
}

/// The position of the first decimal digit of a script other than ASCII
/// at or after `from` (full-width digits included): [`Triggers::next`]
/// without its stops at ASCII digits and `@`, which fill the text around.
pub(crate) fn next_non_ascii_digit(haystack: &[u8], from: usize) -> Option<usize> {
    let confirm = |h: &[u8], i: usize| match CLASS[usize::from(h[i])] {
        LEAD => is_non_ascii_digit(h, i),
        LEAD_E0 => e0_block_has_digits(h.get(i + 1)) && is_non_ascii_digit(h, i),
        _ => false,
    };
    let mut i = from;
    while let Some(word) = haystack.get(i..i + 8) {
        let x = u64::from_le_bytes(word.try_into().expect("slice of eight bytes"));
        // Lead bytes of 0xD8 or above, as in `Triggers::next`.
        let mut flagged = x & ((x & (0x7F * LO)) + 0x28 * LO) & HI;
        while flagged != 0 {
            let k = (flagged.trailing_zeros() / 8) as usize;
            if confirm(haystack, i + k) {
                return Some(i + k);
            }
            flagged &= flagged - 1;
        }
        i += 8;
    }
    (i..haystack.len()).find(|&k| confirm(haystack, k))
}

/// Whether a character starting 0xE0 with this second byte may be a digit
/// (the second bytes [`is_non_ascii_digit`] accepts after 0xE0).
#[inline(always)]
fn e0_block_has_digits(b1: Option<&u8>) -> bool {
    matches!(
        b1,
        Some(
            0xA5 | 0xA7
                | 0xA9
                | 0xAB
                | 0xAD
                | 0xAF
                | 0xB1
                | 0xB3
                | 0xB5
                | 0xB7
                | 0xB9
                | 0xBB
                | 0xBC
        )
    )
}

/// Whether the lead byte at `h[i]` starts a decimal digit, judged from the
/// bytes that follow for the common scripts.
#[inline]
pub(crate) fn is_non_ascii_digit(h: &[u8], i: usize) -> bool {
    let b1 = h.get(i + 1).copied().unwrap_or(0);
    let b2 = h.get(i + 2).copied().unwrap_or(0);
    match h[i] {
        // Arabic-Indic, Extended Arabic-Indic, NKo.
        0xD9 => (0xA0..=0xA9).contains(&b1),
        0xDB => (0xB0..=0xB9).contains(&b1),
        0xDF => (0x80..=0x89).contains(&b1),
        // Indic scripts (U+0966 …), Thai, Lao, Tibetan.
        0xE0 => match b1 {
            0xA5 | 0xA7 | 0xA9 | 0xAB | 0xAD | 0xAF | 0xB1 | 0xB3 | 0xB5 | 0xB7 => {
                (0xA6..=0xAF).contains(&b2)
            }
            0xB9 | 0xBB => (0x90..=0x99).contains(&b2),
            0xBC => (0xA0..=0xA9).contains(&b2),
            _ => false,
        },
        // Full-width digits.
        0xEF => b1 == 0xBC && (0x90..=0x99).contains(&b2),
        // Rarer scripts: decode.
        _ => char_at(h, i).0.and_then(digit_value).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_non_ascii_digit_skips_ascii_digits_and_letters() {
        let naive = |h: &[u8], from: usize| {
            (from..h.len())
                .find(|&i| h[i] >= 0x80 && char_at(h, i).0.and_then(digit_value).is_some())
        };
        for text in [
            "call 98765 43210 now",
            "मेरा नंबर ९८७६५४३२१० है 123",
            "رقمي ٠١٠١٢٣٤٥٦٧٨ و 123",
            "شماره ۰۹۱۲ 12",
            "เบอร์ ๐๘๑ 0812",
            "１２３ and 𝟗𝟖𝟕",
            "é ü ß 😀 ок 12345678",
        ] {
            let h = text.as_bytes();
            for from in 0..=h.len() {
                assert_eq!(
                    next_non_ascii_digit(h, from),
                    naive(h, from),
                    "{text} {from}"
                );
            }
        }
    }

    /// The definition: a byte that starts a decimal digit of any script
    /// (or an `@` or `＠`, a profile link's `/`, an app's `:` or an alias's
    /// `.`, when asked for).
    fn naive(t: Triggers, h: &[u8], from: usize) -> Option<usize> {
        (from..h.len()).find(|&i| {
            let c = char_at(h, i).0;
            (matches!(c, Some('@' | '＠')) && t.at_sign)
                || (h[i] == b'/'
                    && t.link_slash
                    && crate::detect::handle::is_profile_link_slash(h, i))
                || (matches!(c, Some(':' | '：'))
                    && t.app_colon
                    && crate::detect::handle::is_app_colon(h, i))
                || (h[i] == b'.' && t.alias_dot && crate::detect::alias::is_alias_dot(h, i))
                || (t.at_sign && crate::detect::bracketed::closes_at_sign(h, i))
                || (h[i] != b'@' && c.and_then(digit_value).is_some())
        })
    }

    #[test]
    fn profile_link_slash_only_when_asked() {
        let links = Triggers {
            link_slash: true,
            ..Triggers::default()
        };
        for (text, at) in [
            ("a/b and/or see t.me/ravi_k", Some(19)),
            ("INSTAGRAM.COM/priya", Some(13)),
            ("www.instagram.com/priya", Some(17)),
            ("pat.me/ravi and box.com/y", None),
        ] {
            let h = text.as_bytes();
            assert_eq!(links.next(h, 0), at, "{text}");
            assert_eq!(links.next(h, 0), naive(links, h, 0), "{text}");
            assert_eq!(Triggers::default().next(h, 0), None, "{text}");
        }
    }

    #[test]
    fn app_colon_only_when_asked() {
        let colons = Triggers {
            app_colon: true,
            ..Triggers::default()
        };
        for (text, at) in [
            ("note: see https://x and LINE ID: shop_a", Some(31)),
            ("IG:priya.styles", Some(2)),
            ("加微信：wx_li", Some(9)),
            ("note: see, time: now", None),
        ] {
            let h = text.as_bytes();
            assert_eq!(colons.next(h, 0), at, "{text}");
            assert_eq!(colons.next(h, 0), naive(colons, h, 0), "{text}");
            assert_eq!(Triggers::default().next(h, 0), None, "{text}");
        }
    }

    #[test]
    fn alias_dot_only_when_asked() {
        let dots = Triggers {
            alias_dot: true,
            ..Triggers::default()
        };
        for (text, at) in [
            ("Hi. See www.x.com, alias: juan.perez.mp", Some(30)),
            ("ALIAS\nGATO.PERRO.CASA", Some(10)),
            ("alias: juan.perez.mp", Some(11)),
            ("Hi. See www.x.com. Alias. Ok. alias tienda.com/pagos", None),
        ] {
            let h = text.as_bytes();
            assert_eq!(dots.next(h, 0), at, "{text}");
            assert_eq!(dots.next(h, 0), naive(dots, h, 0), "{text}");
            assert_eq!(Triggers::default().next(h, 0), None, "{text}");
        }
    }

    #[test]
    fn bracketed_at_sign_only_when_asked() {
        let at_signs = Triggers {
            at_sign: true,
            ..Triggers::default()
        };
        for (text, at) in [
            ("ok :) (see) ravi[at]gmail.com", Some(19)),
            ("ravi (AT) gmail", Some(8)),
            ("ravi { at } gmail", Some(10)),
            ("at] [at) (cat) (a t) [bat] :)", None),
        ] {
            let h = text.as_bytes();
            assert_eq!(at_signs.next(h, 0), at, "{text}");
            assert_eq!(Triggers::default().next(h, 0), None, "{text}");
            // At every alignment of the eight-byte words.
            for pad in 0..8 {
                let padded = format!("{}{text}", " ".repeat(pad));
                let h = padded.as_bytes();
                assert_eq!(at_signs.next(h, 0), naive(at_signs, h, 0), "{padded}");
                assert_eq!(at_signs.next(h, 0), at.map(|i| i + pad), "{padded}");
            }
        }
    }

    #[test]
    fn agrees_with_naive_search_on_every_byte_value() {
        let t = Triggers {
            at_sign: true,
            link_slash: true,
            app_colon: true,
            alias_dot: true,
            alias_region: None,
        };
        for b in 0..=255u8 {
            for pos in 0..20 {
                let mut h = vec![b'a'; 20];
                h[pos] = b;
                for from in [0, 3, pos] {
                    assert_eq!(
                        t.next(&h, from),
                        naive(t, &h, from),
                        "byte {b:#x} at {pos} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn agrees_with_naive_search_on_every_digit_and_its_neighbours() {
        let t = Triggers {
            at_sign: true,
            link_slash: true,
            app_colon: true,
            alias_dot: true,
            alias_region: None,
        };
        for cp in 0x80..0x20000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let text = format!("ab{c}cd{c}");
            assert_eq!(
                t.next(text.as_bytes(), 0),
                naive(t, text.as_bytes(), 0),
                "{c:?} U+{cp:04X}"
            );
        }
    }

    #[test]
    fn at_sign_only_when_asked() {
        let h = b"hello@world 5";
        assert_eq!(
            Triggers {
                at_sign: true,
                ..Triggers::default()
            }
            .next(h, 0),
            Some(5)
        );
        assert_eq!(Triggers::default().next(h, 0), Some(12));
        assert_eq!(Triggers::default().next(h, 13), None);
        assert_eq!(Triggers::default().next(h, 99), None);
    }

    #[test]
    fn full_width_at_sign_only_when_asked() {
        let h = "ravi＠gmail.com 5".as_bytes();
        assert_eq!(
            Triggers {
                at_sign: true,
                ..Triggers::default()
            }
            .next(h, 0),
            Some(4)
        );
        assert_eq!(Triggers::default().next(h, 0), Some(h.len() - 1));
    }

    #[test]
    fn finds_non_ascii_digit_leads() {
        let h = "abc ٣ def".as_bytes();
        assert_eq!(Triggers::default().next(h, 0), Some(4));
    }
}
