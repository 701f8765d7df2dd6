//! Brazil's PIX random keys (`chave aleatória`, EVP): `chave pix
//! 7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b2`.
//!
//! Why: PIX is how Brazil pays, and a PIX key points at its owner's bank
//! account. Four of its five key types are values other detectors already
//! read (CPF, CNPJ, phone, e-mail); the fifth, the random key that the
//! central bank's directory (DICT) issues so that no personal datum need
//! be shared, is a UUID: `8-4-4-4-12` hexadecimal digits. Handing it to
//! another conversation leaks the account as surely as its number, and
//! customers paste it into chat to be paid.
//!
//! A UUID is also what order systems, logs and links are full of, and
//! nothing in it says PIX, so it counts only after a PIX word on its line
//! or the line before (`pix`, `chave`, `EVP`). Its digits bring it here: the detector runs at
//! every digit run, finds the UUID around it, and reports it once, from
//! the first digit run inside it. Normalized in lower case, as the
//! directory stores it.

use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::masked::{bullet_at, bullet_before};

/// The exact layout of a UUID and a PIX word before it.
const CONFIDENCE: f32 = 0.9;
/// `8-4-4-4-12`.
pub(crate) const UUID_LEN: usize = 36;
const LEN: usize = UUID_LEN;
const DASHES: [usize; 4] = [8, 13, 18, 23];

/// Whether `bytes` are laid out as a UUID: `8-4-4-4-12` hexadecimal digits,
/// any case.
pub(crate) fn is_uuid(bytes: &[u8]) -> bool {
    bytes.len() == LEN
        && bytes.iter().enumerate().all(|(i, &b)| {
            if DASHES.contains(&i) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}
/// How far before the key a PIX word may stand, on its line, in bytes.
const WINDOW: usize = 48;
/// Words that name a PIX key, lower case (`chave aleatória`, `chave pix`,
/// `EVP`, the directory's name for the random key).
const PIX_WORDS: &[&[u8]] = &[b"pix", b"chave", b"evp"];

#[derive(Debug)]
pub(crate) struct PixKeyDetector;

impl Detector for PixKeyDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::BrPixKey]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn glued_only(&self) -> bool {
        true
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        // Digits inside a UUID touch a hex letter or a dash on one side;
        // nearly every span (a phone, an amount, a date) stops here.
        let part_of_uuid =
            |b: Option<&u8>| b.is_some_and(|&b| matches!(b | 0x20, b'a'..=b'f') || b == b'-');
        if part_of_uuid(span.start.checked_sub(1).map(|i| &ctx.text[i]))
            || part_of_uuid(ctx.text.get(span.end))
        {
            key(ctx, span, out);
        }
    }
}

/// The key around `span`, if it is one and `span` is its first digit run.
#[inline(never)]
fn key(ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
    let text = ctx.text;
    // Back over what a UUID is made of, to where it would start.
    let back = text[span.start.saturating_sub(LEN)..span.start]
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_hexdigit() || b == b'-')
        .count();
    let start = span.start - back;
    if text.get(start + DASHES[0]) != Some(&b'-') {
        return;
    }
    let Some(key) = text.get(start..start + LEN) else {
        return;
    };
    let layout = is_uuid(key);
    let glued = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-');
    // A key glued to a masked value was glued to that value before
    // masking: redacting again reads the text as the first time.
    let beside_mask = bullet_before(text, start) || bullet_at(text, start + LEN);
    // Reported from its first digit run only.
    let first_run = !text[start..span.start].iter().any(u8::is_ascii_digit);
    if !layout
        || !first_run
        || glued(start.checked_sub(1).map(|i| &text[i]))
        || glued(text.get(start + LEN))
        || beside_mask
        || !pix_word_before(text, start)
    {
        return;
    }
    out.push(Finding {
        kind: Kind::BrPixKey,
        start,
        end: start + LEN,
        confidence: CONFIDENCE,
        normalized: String::from_utf8_lossy(key).to_ascii_lowercase(),
    });
}

/// Whether a PIX word starts a word within [`WINDOW`] bytes before
/// `start`, on its line or the line before (`chave pix:` and the key under
/// it).
fn pix_word_before(text: &[u8], start: usize) -> bool {
    let from = start.saturating_sub(WINDOW);
    let mut breaks = text[from..start]
        .iter()
        .enumerate()
        .rev()
        .filter(|&(_, &b)| b == b'\n');
    let line_from = breaks.nth(1).map_or(from, |(i, _)| from + i + 1);
    let window = &text[line_from..start];
    (0..window.len()).any(|i| {
        let word_start = i == 0 || !window[i - 1].is_ascii_alphabetic();
        word_start
            && PIX_WORDS.iter().any(|w| {
                window
                    .get(i..i + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
                    && !window.get(i + w.len()).is_some_and(u8::is_ascii_alphabetic)
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};

    fn keys(text: &str) -> Vec<(String, String)> {
        let scanner = Scanner::builder().build().unwrap();
        scanner
            .scan(text)
            .into_iter()
            .filter(|f| f.kind == Kind::BrPixKey)
            .map(|f| (text[f.range()].to_string(), f.normalized))
            .collect()
    }

    const KEY: &str = "7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b2";

    #[test]
    fn a_random_key_after_a_pix_word() {
        for text in [
            format!("chave pix aleatória: {KEY}"),
            format!("manda no pix {KEY} obrigado"),
            format!("Chave: {}", KEY.to_uppercase()),
            format!("EVP {KEY}."),
            format!("segue o pix\n{KEY}"),
        ] {
            let found = keys(&text);
            assert_eq!(found.len(), 1, "{text}");
            assert!(KEY.eq_ignore_ascii_case(&found[0].0), "{text}");
            assert_eq!(found[0].1, KEY, "{text}");
        }
        // A key opening with letters, and one with digits only in its tail.
        for key in [
            "ad9f0335-8dcc-4054-9bf9-0dbd61a1e5b2",
            "abcdefab-cdef-abcd-efab-cdefabcdef12",
        ] {
            assert_eq!(keys(&format!("pix {key}")), [(key.into(), key.into())]);
        }
    }

    #[test]
    fn other_uuids_and_broken_layouts_are_not_keys() {
        for text in [
            // No PIX word, or on another line.
            format!("order id {KEY}"),
            format!("session {KEY}"),
            format!("pix feito\n\nref {KEY}"),
            format!("pix feito, o pedido de hoje chegou e o rastreio é {KEY}"),
            // Not the layout, or glued to more.
            "pix 7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b".into(),
            "pix 7d9f03358dcc40549bf90dbd61a1e5b2".into(),
            "pix 7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b2c".into(),
            "pix 7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b2-01".into(),
            "pix x7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b2".into(),
            "pix 7g9f0335-8dcc-4054-9bf9-0dbd61a1e5b2".into(),
            // `pix` inside another word.
            format!("pixel {KEY}"),
            format!("apix {KEY}"),
        ] {
            assert!(keys(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn masked_keys_are_not_read_again() {
        let scanner = Scanner::builder().build().unwrap();
        let masked = scanner.redact(&format!("pix {KEY}")).unwrap();
        assert!(!masked.contains("8dcc"), "{masked}");
        assert!(scanner.scan(&masked).is_empty(), "{masked}");
    }
}
