//! Sri Lanka: national identity card number (NIC, Department for
//! Registration of Persons).
//!
//! Two forms are in use. The old one, on cards issued until 2015 and still
//! held by most adults, is nine digits and a letter: `85 340 0937 V` is a
//! person born in 1985 on day 340 of the year (500 is added for women), a
//! serial, a last digit, and `V` (or `X` for those not on the voters'
//! list). The new one, since 2016, is twelve digits: the full birth year,
//! the same day number, and five more (an old card's serial becomes `0`
//! and its three digits, then the last digit). The Department publishes
//! no check-digit algorithm (public implementations disagree), so the birth
//! year and the day number (1–366, 501–866) are what is checked.
//!
//! Nine digits and `V` or `X` are a NIC anywhere: nothing else is written
//! so. Nine digits without the letter need a keyword (`NIC`); twelve are a
//! NIC in a Sri Lankan conversation (mobile numbers there are ten digits,
//! eleven with `94`) and weak evidence elsewhere. Sri Lankans abroad (the
//! Gulf, Italy, Korea) give it in those countries' chats too, after `NIC`.

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::LkNic,
    country: "LK",
    shapes: &[
        shape("dddddddddL", Strong),
        shape("ddddddddd", Keyword),
        shape("dddddddddddd", Bare),
    ],
    validate: nic,
}];

/// The old form (nine digits, with or without its `V`/`X`) or the new one
/// (twelve digits).
pub(super) fn nic(s: &[u8]) -> bool {
    match s.len() {
        9 => digits_n(s, 9) && day_of_year(&s[2..5]),
        10 => digits_n(&s[..9], 9) && matches!(s[9], b'V' | b'X') && day_of_year(&s[2..5]),
        12 => digits_n(s, 12) && matches!(&s[..2], b"19" | b"20") && day_of_year(&s[4..7]),
        _ => false,
    }
}

/// A birth day as the card encodes it: the day of the year, plus 500 for
/// women.
fn day_of_year(digits: &[u8]) -> bool {
    matches!(num(digits), 1..=366 | 501..=866)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    // Built from the published structure (no independent implementation
    // exists to generate them): a man born on day 340 of 1985, a woman born
    // on day 12 of 1992 (512), and their cards in the new form.
    const OLD: &[&str] = &["853400937V", "925121234X"];
    const NEW: &[&str] = &["198534000937", "199251201234", "200136512345"];

    #[test]
    fn birth_year_and_day() {
        for v in OLD.iter().chain(NEW) {
            assert!(nic(v.as_bytes()), "{v}");
        }
        assert!(nic(b"853400937"));
        // Day 0, 367 to 500, and beyond 866 are no birth day.
        for bad in ["850000937V", "853670937V", "855000937V", "858670937V"] {
            assert!(!nic(bad.as_bytes()), "{bad}");
        }
        // Another letter, a year outside the 1900s and 2000s.
        assert!(!nic(b"853400937A") && !nic(b"178534000937") && !nic(b"218534000937"));
        assert!(!nic(b"85340093V") && !nic(b"1985340009371"));
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("my NIC 853400937V", None),
            [(Kind::LkNic, "853400937V".into())]
        );
        // Lower case, as typed on a phone, and without any keyword.
        assert_eq!(
            scan("ok 853400937v thanks", Some("AE")),
            [(Kind::LkNic, "853400937v".into())]
        );
        assert_eq!(
            scan("NIC no: 198534000937", Some("QA")),
            [(Kind::LkNic, "198534000937".into())]
        );
        assert_eq!(scan("198534000937", Some("LK")).len(), 1);
        assert_eq!(scan("NIC 853400937", None).len(), 1);
        // Nine digits alone are anything; twelve outside Sri Lanka are weak.
        assert!(scan("853400937", Some("LK")).is_empty());
        assert!(scan("198534000937", Some("AE")).is_empty());
        assert!(scan("order 198534000937", Some("LK")).is_empty());
        // A book's ISBN-10 can end in `X` too.
        assert!(scan("ISBN 080442957X", Some("IN")).is_empty());
        // Digits glued to other letters are no NIC.
        assert!(scan("853400937VA", None).is_empty());
    }
}
