//! The forms WhatsApp and its neighbours give a number in text: `wa.me/`
//! and `phone=` links, Viber links, JIDs (`…@s.whatsapp.net`, `…@c.us`),
//! group mentions (`@919876543210`) and a `+` encoded as `%2B`. In all of
//! them the digits are international, without a `+`.

use crate::text::{self, char_before, ends_with_ignore_case};

/// `@s.whatsapp.net` and `@c.us` follow a phone number in WhatsApp JIDs.
pub(super) fn is_jid_domain(after_at: &[u8]) -> bool {
    let rest = |d: &[u8]| {
        after_at.len() >= d.len()
            && after_at[..d.len()].eq_ignore_ascii_case(d)
            // Digits may follow, typed against it in text without spaces
            // (`…@s.whatsapp.net2023/3/10`): no domain ends in them.
            && !matches!(after_at.get(d.len()), Some(b) if b.is_ascii_alphabetic() || *b == b'-')
    };
    rest(b"s.whatsapp.net") || rest(b"c.us")
}

/// Whether `%2B`, a `+` encoded in a link, ends at `at`.
#[inline]
pub(super) fn encoded_plus_before(text: &[u8], at: usize) -> bool {
    at >= 3 && text[at - 1] | 0x20 == b'b' && text[at - 2] == b'2' && text[at - 3] == b'%'
}

/// Whether the `@` before the digits at `start` mentions a group member:
/// WhatsApp writes a mention into the message's text as `@` and the
/// member's number in international digits (`@919876543210 please call`).
/// People type the mention against the word before it (`Hi@91…`,
/// `Sports-@91…`, `best@91…`, `@91…@91…`, one mention after another): with
/// no domain after the digits (the caller checks) no e-mail address holds
/// them, so only a link's signs before the `@` (`+`, `%`, `/`, `=`) and an
/// escape make it no mention.
pub(super) fn is_mention(text: &[u8], start: usize) -> bool {
    let at = start - 1;
    !text::escape_ends_at(text, at)
        && !char_before(text, at)
            .0
            .is_some_and(|c| matches!(c, '+' | '%' | '/' | '='))
}

/// Whether a `.` or `-` at `end` goes on with letters or digits: the digits
/// after an `@` then open a domain (`ops@1234567890.in`), not a mention.
pub(super) fn continues_a_domain(text: &[u8], end: usize) -> bool {
    matches!(text.get(end), Some(b'.' | b'-'))
        && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// `wa.me/…`, `api.whatsapp.com/send?phone=…` and `whatsapp://send?phone=…`;
/// a business's catalog link, `wa.me/c/…`, and the link to one product of
/// it, `wa.me/p/<product>/…`; and the `waid=…` of a contact card shared in
/// a chat (`TEL;type=CELL;waid=919876543210:+91 98765 43210`).
pub(super) fn is_whatsapp_link(text: &[u8], start: usize) -> bool {
    // Viber's links hold international digits too, with or without `+`.
    [
        &b"wa.me/"[..],
        b"wa.me/c/",
        b"phone=",
        b"waid=",
        b"viber://add?number=",
        b"viber://chat?number=",
        b"viber://contact?number=",
    ]
    .iter()
    .any(|form| ends_with_ignore_case(text, start, form))
        || after_product_id(text, start)
}

/// Whether `start` follows a product's id in a WhatsApp catalog link
/// (`wa.me/p/7133962053301430/919876543210`): the business's number comes
/// after the product's digits.
fn after_product_id(text: &[u8], start: usize) -> bool {
    let Some(slash) = start.checked_sub(1).filter(|&i| text[i] == b'/') else {
        return false;
    };
    let id = text[..slash]
        .iter()
        .rev()
        .take(MAX_PRODUCT_ID + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=MAX_PRODUCT_ID).contains(&id) && ends_with_ignore_case(text, slash - id, b"wa.me/p/")
}

/// Most digits a catalog product's id has (16 in the links WhatsApp
/// makes; room for growth).
const MAX_PRODUCT_ID: usize = 24;
