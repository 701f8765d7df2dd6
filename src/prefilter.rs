//! Skip-ahead over text that cannot hold a finding.
//!
//! Every built-in kind contains at least one decimal digit or an `@`, so the
//! scanner only has to look closely around those. Chat text is mostly words,
//! so finding the next such byte fast is most of the speed: we test eight
//! bytes at a time with SWAR arithmetic (plain `u64` operations, which the
//! compiler vectorises further; no `unsafe`), and confirm candidates byte by
//! byte. Measured on English prose this runs at several GB/s per core.
//!
//! Non-ASCII digits (Arabic-Indic, Devanagari, full-width …) are found by
//! their UTF-8 lead bytes; the caller decodes the character to confirm.

use crate::text::is_digit_lead_byte;

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Which bytes start something worth a closer look.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Triggers {
    /// `@`, for e-mail addresses.
    pub at_sign: bool,
}

impl Triggers {
    #[inline]
    fn is_trigger(self, b: u8) -> bool {
        b.is_ascii_digit() || (b == b'@' && self.at_sign) || is_digit_lead_byte(b)
    }

    /// The position of the first trigger byte at or after `from`.
    #[inline]
    pub(crate) fn next(self, haystack: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        while let Some(word) = haystack.get(i..i + 8) {
            let x = u64::from_le_bytes(word.try_into().expect("slice of eight bytes"));
            // A byte is flagged when it may be a digit, an '@' or non-ASCII.
            // The arithmetic can over-flag (borrows), never under-flag; the
            // byte loop below confirms.
            let digits = x ^ (0x30 * LO);
            let maybe_digit = digits.wrapping_sub(10 * LO) & !digits;
            let at = x ^ (0x40 * LO);
            let maybe_at = at.wrapping_sub(LO) & !at;
            if (maybe_digit | maybe_at | x) & HI != 0 {
                if let Some(k) = word.iter().position(|&b| self.is_trigger(b)) {
                    return Some(i + k);
                }
            }
            i += 8;
        }
        haystack
            .get(i..)?
            .iter()
            .position(|&b| self.is_trigger(b))
            .map(|k| i + k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(t: Triggers, h: &[u8], from: usize) -> Option<usize> {
        (from..h.len()).find(|&i| t.is_trigger(h[i]))
    }

    #[test]
    fn agrees_with_naive_search_on_every_byte_value() {
        let t = Triggers { at_sign: true };
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
    fn at_sign_only_when_asked() {
        let h = b"hello@world 5";
        assert_eq!(Triggers { at_sign: true }.next(h, 0), Some(5));
        assert_eq!(Triggers { at_sign: false }.next(h, 0), Some(12));
        assert_eq!(Triggers::default().next(h, 13), None);
        assert_eq!(Triggers::default().next(h, 99), None);
    }

    #[test]
    fn finds_non_ascii_digit_leads() {
        let h = "abc ٣ def".as_bytes();
        assert_eq!(Triggers::default().next(h, 0), Some(4));
    }
}
