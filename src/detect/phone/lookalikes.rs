//! What looks like a phone number and is something else: a decimal or a
//! coordinate, a hyphenated ISBN, a piece of a UUID, a dotted IPv4
//! address, a card grouped in fours, an amount next to its currency.
//! Each test is cheap and runs on candidates before (or instead of)
//! validation against the metadata.

use once_cell::sync::Lazy;

use super::groups::Group;
use crate::detect::Span;
use crate::text::{self, char_at, char_before, digit_value, ends_with_ignore_case, is_alphabetic};

/// Currency signs and codes: a number next to one is an amount.
pub(super) static CURRENCIES: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₩", "₺", "₽", "₦", "₱", "฿", "₫", "₴", "₪", "r$", "rs", "rs.", "inr",
    "usd", "eur", "gbp", "brl", "mxn", "ars", "clp", "idr", "rp", "rm", "myr", "php", "aed", "sar",
    "egp", "ngn", "kes", "zar", "tl", "rub", "pln", "zł", "s/", "kr", "cad", "aud", "sgd", "jpy",
    "cny", "rmb", "krw", "vnd", "thb", "pkr", "chf", "руб", "rp.", "tk", "tk.", "bdt", "ugx",
    "ghs", "tzs", "lkr", "npr", "xof", "xaf", "etb", "kwd", "qar", "omr", "bhd", "jod", "hkd",
    "twd", "nzd", "uyu", "gtq", "dop", "uah", "czk", "huf", "sek", "nok", "dkk",
];

/// Currencies written out, mostly after the amount (`98765432 reais`), and
/// the Indian and Indonesian words for large amounts: read as [`CURRENCIES`].
pub(super) static CURRENCY_WORDS: &[&str] = &[
    "reais",
    "pesos",
    "rupees",
    "rupee",
    "rupiah",
    "ringgit",
    "dollars",
    "dólares",
    "dolares",
    "euros",
    "naira",
    "shillings",
    "ksh",
    "baht",
    "soles",
    "dirhams",
    "dirham",
    "riyals",
    "riyal",
    "rubles",
    "рублей",
    "paise",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "juta",
    "ribu",
];

/// Whether two groups joined by one `.` read as a decimal number: a
/// coordinate or a measure (`23.6683665`, `-83.419569`: one or two digits,
/// a dot and the rest, without a trunk `0`), or an amount (`41731757.7`: a
/// last group of one or two digits after a dot). A minus sign glued before
/// it makes three integer digits a decimal too. The caller still reads one
/// after a phone word.
pub(super) fn is_decimal(text: &[u8], start: usize, groups: &[Group]) -> bool {
    let [whole, fraction] = groups else {
        return false;
    };
    if !(fraction.sep.is_tight() && fraction.sep.punct == '.') {
        return false;
    }
    let minus = start > 0
        && text[start - 1] == b'-'
        && (start < 2 || !text[start - 2].is_ascii_alphanumeric());
    let short_whole = whole.len <= 2 && whole.digits[0] != b'0';
    // `0.7918538877`: a lone zero before the point is a fraction's.
    let zero_point = whole.len == 1 && whole.digits[0] == b'0';
    short_whole || zero_point || fraction.len <= 2 || (minus && whole.len <= 3)
}

/// Whether the groups are a serial with a short suffix (`3181914-01`,
/// `0284444-82`: an order's number and its line, an account and its check
/// digits): six digits or more, a `-`, then one or two. No country writes
/// a phone number's last group that short after so long a first.
pub(super) fn is_serial_with_suffix(groups: &[Group]) -> bool {
    let [serial, suffix] = groups else {
        return false;
    };
    serial.len >= 6 && suffix.len <= 2 && suffix.sep.is_tight() && suffix.sep.punct == '-'
}

/// Whether the groups open with a decimal below one (`0.559411 0.158967`,
/// two columns of a table), as [`is_decimal`] reads two groups: a number
/// only after a phone word.
pub(super) fn opens_with_a_fraction(groups: &[Group]) -> bool {
    let [zero, fraction, ..] = groups else {
        return false;
    };
    zero.len == 1 && zero.digits[0] == b'0' && fraction.sep.is_tight() && fraction.sep.punct == '.'
}

/// Whether two groups are a range of hours written in four digits each
/// (`(0600-1900)`, `0830-1730`): each an hour and minutes of 00, 15, 30
/// or 45, the second later, joined by one `-`.
pub(super) fn is_hours_range(groups: &[Group]) -> bool {
    let [from, to] = groups else {
        return false;
    };
    let hhmm = |g: &Group| {
        let d = |i: usize| u32::from(g.digits[i] - b'0');
        (g.len == 4 && d(0) * 10 + d(1) <= 24 && matches!(d(2) * 10 + d(3), 0 | 15 | 30 | 45))
            .then(|| (d(0) * 10 + d(1)) * 100 + d(2) * 10 + d(3))
    };
    to.sep.is_tight()
        && to.sep.punct == '-'
        && matches!((hhmm(from), hhmm(to)), (Some(a), Some(b)) if a < b)
}

/// Whether two groups are a range of round amounts (`salary 90000-95000`,
/// `rent 85000 – 90000`): as many digits each, four or more, each ending
/// in `000`, the second larger, joined by one dash. A phone number whose
/// halves are both round thousands, the second the larger, is far rarer
/// than a salary, a budget or a rent given as a range, which no currency
/// word needs to stand beside.
pub(super) fn is_amount_range(groups: &[Group]) -> bool {
    let [from, to] = groups else {
        return false;
    };
    to.sep.puncts == 1
        && to.sep.punct == '-'
        && rise_as_round_amounts(&from.digits[..from.len], &to.digits[..to.len])
}

/// Whether two runs of ASCII digits are the ends of a range of round
/// amounts: as many digits each, four or more, each ending in `000`, the
/// second larger ([`is_amount_range`]; the signs read between digit groups
/// leave `~` there, `crate::spelled`).
pub(crate) fn rise_as_round_amounts(from: &[u8], to: &[u8]) -> bool {
    from.len() == to.len()
        && from.len() >= 4
        && from.ends_with(b"000")
        && to.ends_with(b"000")
        && from < to
}

/// Whether the groups are a range of clock times written with dots
/// (`18.00 - 20.00`, `9.30–11.30`): an hour, a `.` and two digits of
/// minutes, a dash, and the same again.
pub(super) fn is_time_range(groups: &[Group]) -> bool {
    let [hour, minutes, to_hour, to_minutes] = groups else {
        return false;
    };
    let value = |g: &Group| {
        g.digits[..g.len]
            .iter()
            .fold(0, |v, &d| v * 10 + u32::from(d - b'0'))
    };
    let clock = |h: &Group, m: &Group| {
        h.len <= 2
            && m.len == 2
            && m.sep.is_tight()
            && m.sep.punct == '.'
            && value(h) <= 24
            && value(m) <= 59
    };
    clock(hour, minutes)
        && clock(to_hour, to_minutes)
        && to_hour.sep.puncts == 1
        && to_hour.sep.punct == '-'
}

/// Whether `groups`, four or more of one or two digits each, joined by
/// single spaces, are part of a longer list of such numbers: another goes
/// on right before or after them the same way (`24 25 26 27 28 29 30`, the
/// days of a week; `4 5 6 7 12 14 15 16`). Numbers written in pairs
/// (`06 12 34 56 78`) are written with their trunk prefix, and one may be
/// followed by a small number (`06 12 34 56 78 23 rue …`): they are left
/// alone.
pub(super) fn in_list_of_small_numbers(
    text: &[u8],
    groups: &[Group],
    next: Option<&Group>,
) -> bool {
    let single_space = |g: &Group| g.sep.chars == 1 && g.sep.spaces == 1;
    if groups.len() < 4
        || groups[0].digits[0] == b'0'
        || groups.iter().any(|g| g.len > 2)
        || !groups[1..].iter().all(single_space)
    {
        return false;
    }
    let after = next.is_some_and(|g| g.len <= 2 && single_space(g));
    let start = groups[0].start;
    let small_before = |len: usize| {
        start > len
            && text[start - 1] == b' '
            && text[start - 1 - len..start - 1]
                .iter()
                .all(u8::is_ascii_digit)
            && (start - 1 - len == 0 || !text[start - 2 - len].is_ascii_alphanumeric())
    };
    after || small_before(1) || small_before(2)
}

/// Whether the groups are an ISBN-10 written with hyphens (`0-7421-8096-4`,
/// `650-61780-0`, an old nine-character SBN): three or four groups joined
/// by single `-`, the last one the check digit, and the check holds. A
/// phone number is not written with a one-digit last group, so a number
/// lost here passed a check it had no reason to pass (one in eleven).
/// The check may be an `X` after the digits (`84-470-1746-X`).
pub(super) fn is_isbn(text: &[u8], end: usize, groups: &[Group], digits: &[u8]) -> bool {
    // The cheap test first: this runs for every candidate.
    if groups[groups.len() - 1].len != 1 && text.get(end) != Some(&b'-') {
        return false;
    }
    let hyphenated = groups[1..]
        .iter()
        .all(|g| g.sep.is_tight() && g.sep.punct == '-');
    if !hyphenated || !(2..=4).contains(&groups.len()) {
        return false;
    }
    let check_x = matches!(text.get(end..end + 2), Some([b'-', b'X' | b'x']))
        && !text.get(end + 2).is_some_and(u8::is_ascii_alphanumeric);
    if check_x {
        let n = digits.len() + 1;
        let mut chars = [b'X'; 10];
        if n > chars.len() {
            return false;
        }
        chars[..n - 1].copy_from_slice(digits);
        return crate::checksum::isbn10_valid(&chars[..n]);
    }
    groups.len() >= 3 && groups[groups.len() - 1].len == 1 && crate::checksum::isbn10_valid(digits)
}

/// Whether `text[start..end]` lies inside a UUID (`8-4-4-4-12` hexadecimal
/// digits: `4ecf271c-5054-4969-a604-e4c57472aafb` holds `5054-4969`, a
/// Danish number).
pub(super) fn within_uuid(text: &[u8], start: usize, end: usize) -> bool {
    use crate::detect::pix::{is_uuid, UUID_LEN as LEN};
    let part = |b: u8| b.is_ascii_hexdigit() || b == b'-';
    let mut from = start;
    while from > start.saturating_sub(LEN) && part(text[from - 1]) {
        from -= 1;
    }
    let to = (end..text.len().min(end + LEN))
        .find(|&i| !part(text[i]))
        .unwrap_or(text.len().min(end + LEN));
    (from..=start)
        .filter(|&at| at + LEN >= end && at + LEN <= to)
        .any(|at| is_uuid(&text[at..at + LEN]))
}

/// `76.215.207.99`: four dotted groups of at most three digits, each at most
/// 255, is an IPv4 address (the IP detector decides), not a phone number.
/// Addresses are not written with leading zeros; Swedish numbers can be
/// (`08.14.27.74`, `070.132.81.56`).
pub(super) fn looks_like_ipv4(text: &[u8], span: Span) -> bool {
    let s = &text[span.start..span.end];
    let mut parts = 0;
    for part in s.split(|&b| b == b'.') {
        parts += 1;
        let small = !part.is_empty()
            && part.len() <= 3
            && part.iter().all(u8::is_ascii_digit)
            && (part.len() == 1 || part[0] != b'0');
        if parts > 4 || !small || part.iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0')) > 255
        {
            return false;
        }
    }
    parts == 4
}

/// Four groups of four digits (or Amex 4-6-5) read as a card, valid or not;
/// the card detector decides, and no phone number hides in its pieces.
/// `groups` are all the digit runs of the span (digits of every script
/// count: a phone number in Arabic-Indic digits after a card, `4111 … 1111
/// -٠١٠…`, is not part of it).
pub(super) fn looks_like_card(groups: &[Group]) -> bool {
    let mut sizes = [0usize; 5];
    if groups.len() > sizes.len() {
        return false;
    }
    for (size, g) in sizes.iter_mut().zip(groups) {
        *size = g.len;
    }
    matches!(
        &sizes[..groups.len()],
        [4, 4, 4, 4] | [4, 4, 4, 4, 1..=3] | [4, 6, 5] | [4, 6, 4]
    )
}

/// Whether a group is a byte written in binary (`01001101 01110010`):
/// eight zeros and ones.
pub(super) fn has_binary_byte(groups: &[Group]) -> bool {
    groups
        .iter()
        .any(|g| g.len == 8 && g.digits[..8].iter().all(|&d| d <= b'1'))
}

/// Units of measure a quantity is written with (`800-1200 kg daily`,
/// `5000000 pcs`): a number followed by one is a quantity. Not one-letter
/// units (`m`, `g`, `l`), which are words and abbreviations in chat
/// (`98765… m msg kar do`).
const UNITS: &[&str] = &[
    "kg", "kgs", "gm", "gms", "grams", "ml", "ltr", "ltrs", "litre", "litres", "liter", "liters",
    "km", "kms", "cm", "mm", "mtr", "mtrs", "pcs", "pieces", "units", "tons", "tonnes", "sqft",
    "acres",
];

/// Whether a unit of measure ([`UNITS`]) follows the number at `end`,
/// after at most one space.
pub(super) fn unit_after(text: &[u8], end: usize) -> bool {
    let at = if text.get(end) == Some(&b' ') {
        end + 1
    } else {
        end
    };
    // No unit is longer than six letters: a longer word is read no further.
    let word = text[at.min(text.len())..]
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let glued = text.get(at + word).is_some_and(|&b| b >= 0x80);
    word > 0
        && !glued
        && UNITS
            .iter()
            .any(|u| u.as_bytes().eq_ignore_ascii_case(&text[at..at + word]))
}

/// Whether a currency sign or code sits right before or after the number.
pub(super) fn near_currency(text: &[u8], start: usize, end: usize) -> bool {
    let trim_back = |mut at: usize| {
        while at > 0 && text[at - 1] == b' ' {
            at -= 1;
        }
        at
    };
    let before = trim_back(start);
    let before_ok = |cur: &str| {
        ends_with_ignore_case(text, before, cur.as_bytes())
            && !matches!(char_before(text, before - cur.len()).0, Some(c) if is_alphabetic(c) && cur.as_bytes()[0].is_ascii_alphabetic())
    };
    let mut after = end;
    while text.get(after) == Some(&b' ') {
        after += 1;
    }
    // A currency after the number is its unit, unless an amount of its own
    // follows ("call 02144422175 Rs 3,790 sent", "… Rs. 70,230.00", "… Rs:500").
    let after_ok = |cur: &str| {
        let mut next = after + cur.len();
        if matches!(text.get(next), Some(b'.' | b':')) {
            next += 1;
        }
        while text.get(next) == Some(&b' ') {
            next += 1;
        }
        text::starts_with_ignore_case(text, after, cur.as_bytes())
            && !matches!(char_at(text, after + cur.len()).0, Some(c) if is_alphabetic(c))
            && !matches!(char_at(text, next).0, Some(c) if digit_value(c).is_some())
    };
    // Only the currencies that end with the byte before (start with the
    // byte after) can match: most numbers have no candidate at all.
    let by_last = before.checked_sub(1).map_or(&[][..], |i| {
        &CURRENCY_INDEX.by_last[usize::from(text[i].to_ascii_lowercase())]
    });
    let by_first = text.get(after).map_or(&[][..], |&b| {
        &CURRENCY_INDEX.by_first[usize::from(b.to_ascii_lowercase())]
    });
    by_last.iter().any(|cur| before_ok(cur)) || by_first.iter().any(|cur| after_ok(cur))
}

/// [`CURRENCIES`] and [`CURRENCY_WORDS`] by their last and by their first
/// byte (ASCII lower case).
pub(super) struct CurrencyIndex {
    pub(super) by_last: [Vec<&'static str>; 256],
    pub(super) by_first: [Vec<&'static str>; 256],
}

pub(super) static CURRENCY_INDEX: Lazy<CurrencyIndex> = Lazy::new(|| {
    let by = |byte: fn(&str) -> u8| {
        std::array::from_fn(|b| {
            CURRENCIES
                .iter()
                .chain(CURRENCY_WORDS)
                .copied()
                .filter(|cur| usize::from(byte(cur).to_ascii_lowercase()) == b)
                .collect()
        })
    };
    CurrencyIndex {
        by_last: by(|cur| cur.as_bytes()[cur.len() - 1]),
        by_first: by(|cur| cur.as_bytes()[0]),
    }
});
