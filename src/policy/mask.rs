//! The default typed masks: readable, and never revealing more than a few
//! trailing characters.
//!
//! | kind | written | masked |
//! |---|---|---|
//! | phone, international | `+91 98765 43210` | `+91 ••••• ••210` |
//! | phone, national | `(011) 2345-6789` | `(•••) ••••-•789` |
//! | e-mail | `rahul.s@example.com` | `r•••@example.com` |
//! | card | `4111 1111 1111 1111` | `•••• •••• •••• 1111` |
//! | IBAN | `DE89 3704 0044 0532 0130 00` | `DE•• •••• •••• •••• •••• •0` |
//! | other | `123.456.789-09` | `•••.•••.•••-•9` |
//!
//! Separators are kept so the masked text still reads as a number; the
//! calling code of an international number is kept because it tells an
//! agent the customer's country without identifying anyone. An e-mail keeps
//! the first character of its local part and its domain; the local part's
//! length is hidden behind a fixed three bullets.

use crate::detect::phone::metadata::TABLES;
use crate::finding::{Finding, Kind};

/// The masking character.
pub const BULLET: char = '•';

/// How many trailing digits each kind keeps.
fn kept_tail(kind: &Kind) -> usize {
    match kind {
        Kind::Phone => 3,
        Kind::CreditCard | Kind::Iban => 4,
        // A handle's last character is one more clue to whom it is, and
        // a handle masked whole reads, beside the text that follows it, as
        // any masked value does.
        Kind::IpAddress | Kind::SocialHandle => 0,
        _ => 1,
    }
}

/// Appends the default mask of `finding`, whose text is `value`, to `out`.
pub fn default_mask(finding: &Finding, value: &str, out: &mut Vec<u8>) {
    match &finding.kind {
        // A payment address shows its handle as an e-mail address shows
        // its domain.
        kind if kind.is_address() => mask_email(value, out),
        kind => {
            let keep_head = match kind {
                Kind::Phone if value.trim_start_matches('(').starts_with(['+', '＋']) => {
                    calling_code_len(&finding.normalized)
                }
                Kind::Iban => 2,
                _ => 0,
            };
            // Cards keep their last four as a group: the display every
            // cardholder knows (PCI DSS), and four digits start no finding.
            let glue_tail = *kind != Kind::CreditCard;
            let tail = kept_tail(kind);
            // A part of a value (the first half of a number split across
            // two messages, `98765` of `+919876543210`) keeps none of its
            // characters: what it ends with is not what the value ends
            // with, which the other part's mask shows.
            let tail = if ends_as(value, &finding.normalized, tail) {
                tail
            } else {
                0
            };
            mask_inner(value, keep_head, tail, BULLET, glue_tail, out)
        }
    }
}

/// Whether the last `n` letters and digits of `value` are those of
/// `normalized` (digits of any script by their value, letters in any
/// case); `true` when `normalized` has fewer.
fn ends_as(value: &str, normalized: &str, n: usize) -> bool {
    let key = |c: char| match crate::text::digit_value(c) {
        Some(d) => Some(char::from(b'0' + d)),
        // Full-width letters (`Ｘ`) are their ASCII letters.
        None => c.is_alphanumeric().then(|| {
            let ascii = match u32::from(c) {
                code @ 0xFF21..=0xFF5A => char::from_u32(code - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            ascii.to_ascii_lowercase()
        }),
    };
    let mut written = value.chars().rev().filter_map(key);
    let mut wanted = normalized.chars().rev().filter_map(key).take(n);
    if normalized
        .chars()
        .filter_map(key)
        .nth(n.saturating_sub(1))
        .is_none()
    {
        return true;
    }
    wanted.all(|c| written.next() == Some(c))
}

/// Digits of the calling code at the start of an E.164 number.
fn calling_code_len(e164: &str) -> usize {
    let digits = e164.trim_start_matches('+').as_bytes();
    let mut code = 0u32;
    for (i, d) in digits.iter().take(3).enumerate() {
        code = code * 10 + u32::from(d.wrapping_sub(b'0'));
        if !TABLES.regions_for_code(code).is_empty() {
            return i + 1;
        }
    }
    0
}

/// Keeps the first `head` and last `tail` alphanumerics and every other
/// character (separators); replaces the rest with `mask_char`. However many
/// are asked for, at most half of a value's alphanumerics stay visible.
pub fn mask_with(value: &str, head: usize, tail: usize, mask_char: char, out: &mut Vec<u8>) {
    mask_inner(value, head, tail, mask_char, true, out)
}

fn mask_inner(
    value: &str,
    head: usize,
    tail: usize,
    mask_char: char,
    glue_tail: bool,
    out: &mut Vec<u8>,
) {
    let total = value.chars().filter(|c| c.is_alphanumeric()).count();
    // Kept trailing characters always follow a masked one in their own
    // group ("(•••) ••••-•789", never "••• 912"): a kept group standing
    // alone would read as digits of a new value when the masked text is
    // scanned again, and redaction must be idempotent.
    let last_group = value
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .count();
    // Never reveal everything: short values keep at most half.
    let tail = tail.min(total / 2);
    let tail = if glue_tail {
        tail.min(last_group.saturating_sub(1))
    } else {
        tail
    };
    let head = head.min(total / 2 - tail);
    let mut seen = 0;
    let mut buf = [0u8; 4];
    for c in value.chars() {
        let c = if c.is_alphanumeric() {
            seen += 1;
            if seen <= head || seen > total - tail {
                c
            } else {
                mask_char
            }
        } else {
            c
        };
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

fn mask_email(value: &str, out: &mut Vec<u8>) {
    let (local, domain) = value.rsplit_once('@').unwrap_or((value, ""));
    if let Some(first) = local.chars().next() {
        let mut buf = [0u8; 4];
        out.extend_from_slice(first.encode_utf8(&mut buf).as_bytes());
    }
    for _ in 0..3 {
        out.extend_from_slice("•".as_bytes());
    }
    out.push(b'@');
    out.extend_from_slice(domain.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(kind: Kind, value: &str, normalized: &str) -> String {
        let f = Finding {
            kind,
            start: 0,
            end: value.len(),
            confidence: 1.0,
            normalized: normalized.into(),
        };
        let mut out = Vec::new();
        default_mask(&f, value, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_part_of_a_value_keeps_nothing_its_value_does_not_end_with() {
        for (kind, value, normalized, want) in [
            // The halves of a number split across two messages: the first
            // shows nothing, the second what the whole number's mask would
            // (at most half of a value's characters show).
            (Kind::Phone, "98765", "+919876543210", "•••••"),
            (Kind::Phone, "+91 98765", "+919876543210", "+91 •••••"),
            (Kind::Phone, "43210", "+919876543210", "•••10"),
            (
                Kind::CreditCard,
                "4539 1488",
                "4539148803436467",
                "•••• ••••",
            ),
            (
                Kind::CreditCard,
                "0343 6467",
                "4539148803436467",
                "•••• 6467",
            ),
            // Digits of another script end as their values do, full-width
            // letters as theirs.
            (Kind::Phone, "٩٨٧٦٥٤٣٢١٠", "+919876543210", "•••••••٢١٠"),
            (
                Kind::CnResidentId,
                "１１０１０５１９４９１２３１００２Ｘ",
                "11010519491231002X",
                "•••••••••••••••••Ｘ",
            ),
        ] {
            assert_eq!(masked(kind, value, normalized), want, "{value}");
        }
    }

    #[test]
    fn documented_forms() {
        assert_eq!(
            masked(Kind::Phone, "+91 98765 43210", "+919876543210"),
            "+91 ••••• ••210"
        );
        assert_eq!(
            masked(Kind::Phone, "(011) 2345-6789", "+541123456789"),
            "(•••) ••••-•789"
        );
        assert_eq!(
            masked(Kind::Phone, "+1 (415) 555-2671", "+14155552671"),
            "+1 (•••) •••-•671"
        );
        assert_eq!(
            masked(Kind::Email, "rahul.s@example.com", ""),
            "r•••@example.com"
        );
        assert_eq!(
            masked(Kind::CreditCard, "4111 1111 1111 1111", ""),
            "•••• •••• •••• 1111"
        );
        assert_eq!(
            masked(Kind::Iban, "DE89 3704 0044 0532 0130 00", ""),
            "DE•• •••• •••• •••• •••• •0"
        );
        assert_eq!(masked(Kind::BrCpf, "123.456.789-09", ""), "•••.•••.•••-•9");
    }

    #[test]
    fn short_values_keep_at_most_half() {
        assert_eq!(masked(Kind::Phone, "12", ""), "•2");
        assert_eq!(masked(Kind::Phone, "1", ""), "•");
    }
}
