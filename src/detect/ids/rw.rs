//! Rwanda: the National Identification Number (NIN) of the Indangamuntu,
//! the identity card NIDA issues.
//!
//! Sixteen digits in six groups, as the card prints them
//! (`1 1990 8 0012345 0 12`): the holder's status (`1` a citizen, `2` a
//! refugee, `3` a foreigner), the year of birth, the sex (`8` male, `7`
//! female), a seven-digit serial within that year and sex, how many times
//! the card has been issued, and two security digits whose rule NIDA keeps
//! to itself. So the status, a year of the last two centuries and the sex
//! are what can be checked. Mobile money, SIM registration and banks ask
//! for it, so customers type it in chat, grouped as printed or in one run.
//! The printed grouping is Rwanda's alone and stands at home or after the
//! keyword; sixteen digits in one run are also how a card number is
//! written, so they are read only after a keyword (`indangamuntu`, `NID`,
//! `NIDA`, `Rwanda ID`).

use super::{digits_n, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::RwNid,
    country: "RW",
    shapes: &[
        shape("d dddd d ddddddd d dd", Home),
        shape("dddddddddddddddd", Keyword),
    ],
    validate: nid,
}];

pub(super) fn nid(s: &[u8]) -> bool {
    digits_n(s, 16)
        && matches!(s[0], b'1'..=b'3')
        && (1900..=2099).contains(&num(&s[1..5]))
        && matches!(s[5], b'7' | b'8')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn status_year_and_sex() {
        // A citizen born in 1990 (male), a refugee born in 2001 (female),
        // a foreigner born in 1985 on a second card.
        for v in ["1199080012345012", "2200170000042031", "3198570001234145"] {
            assert!(nid(v.as_bytes()), "{v}");
        }
        for v in [
            // Status 0 or 4.
            "0199080012345012",
            "4199080012345012",
            // Born in 1890 or 2190.
            "1189080012345012",
            "1219080012345012",
            // Sex 6 or 9.
            "1199060012345012",
            "1199090012345012",
            // A digit short, one more.
            "119908001234501",
            "11990800123450123",
        ] {
            assert!(!nid(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        let printed = "1 1990 8 0012345 0 12";
        assert_eq!(
            scan(&format!("Indangamuntu: {printed}"), None),
            [(Kind::RwNid, printed.into())]
        );
        assert_eq!(scan(printed, Some("RW")), [(Kind::RwNid, printed.into())]);
        assert!(scan(printed, Some("KE")).is_empty());
        for text in [
            "nimero y'indangamuntu 1199080012345012",
            "NID 1199080012345012",
            "my rwanda id: 1199080012345012",
        ] {
            assert_eq!(
                scan(text, None),
                [(Kind::RwNid, "1199080012345012".into())],
                "{text}"
            );
        }
        // Sixteen digits in one run, unnamed, are no NIN even at home.
        assert!(scan("1199080012345012", Some("RW")).is_empty());
        assert!(scan("order 1 1990 8 0012345 0 12", Some("RW")).is_empty());
    }
}
