//! Qatar: the QID, the number of the identity card and residence permit
//! (البطاقة الشخصية) of citizens and residents alike.
//!
//! Eleven digits that say who holds them: the century of birth (`2` for
//! the 1900s, `3` from 2000), the last two digits of the birth year, the
//! holder's nationality as an ISO 3166 numeric code (`634` for a Qatari,
//! `356` for an Indian, `124` for a Canadian) and a five-digit serial
//! within that year and nationality (`27612405934`: a Canadian born in
//! 1976). The Ministry of Interior publishes no check digit, so the
//! century, the nationality and a serial that is not all zeros are all
//! that can be checked, and about one eleven-digit number in twenty
//! passes: the number is read only after its keyword (`QID`, `Qatar ID`,
//! `الرقم الشخصي`), or a generic identity word in a Qatari conversation.
//! Qatar's phone numbers are eight digits (`974` and eight), so none is
//! read as a QID.
//!
//! The nationalities are every numeric code of ISO 3166-1, the codes ISO
//! 3166-3 withdrew (Czechoslovakia's, the USSR's …) and those Sudan,
//! Ethiopia, Yemen, Yugoslavia and West Germany had before their current
//! ones: a number given under a code since withdrawn still passes.

use super::{digits_n, not_all_zeros, num, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::QaQid,
    country: "QA",
    shapes: &[shape("ddddddddddd", Keyword)],
    validate: qid,
}];

/// ISO 3166 numeric country codes, current and withdrawn, sorted (from
/// Debian's `iso-codes`: `iso_3166-1.json` and `iso_3166-3.json`).
#[rustfmt::skip]
static NATIONALITIES: &[u16] = &[
    4, 8, 10, 12, 16, 20, 24, 28, 31, 32, 36, 40, 44, 48, 50, 51, 52, 56, 60, 64, 68, 70, 72,
    74, 76, 84, 86, 90, 92, 96, 100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140, 144,
    148, 152, 156, 158, 162, 166, 170, 174, 175, 178, 180, 184, 188, 191, 192, 196, 200, 203,
    204, 208, 212, 214, 216, 218, 222, 226, 230, 231, 232, 233, 234, 238, 239, 242, 246, 248,
    249, 250, 254, 258, 260, 262, 266, 268, 270, 275, 276, 278, 280, 288, 292, 296, 300, 304,
    308, 312, 316, 320, 324, 328, 332, 334, 336, 340, 344, 348, 352, 356, 360, 364, 368, 372,
    376, 380, 384, 388, 392, 396, 398, 400, 404, 408, 410, 414, 417, 418, 422, 426, 428, 430,
    434, 438, 440, 442, 446, 450, 454, 458, 462, 466, 470, 474, 478, 480, 484, 488, 492, 496,
    498, 499, 500, 504, 508, 512, 516, 520, 524, 528, 530, 531, 533, 534, 535, 536, 540, 548,
    554, 558, 562, 566, 570, 574, 578, 580, 581, 582, 583, 584, 585, 586, 591, 598, 600, 604,
    608, 612, 616, 620, 624, 626, 630, 634, 638, 642, 643, 646, 652, 654, 659, 660, 662, 663,
    666, 670, 674, 678, 682, 686, 688, 690, 694, 702, 703, 704, 705, 706, 710, 716, 720, 724,
    728, 729, 732, 736, 740, 744, 748, 752, 756, 760, 762, 764, 768, 772, 776, 780, 784, 788,
    792, 795, 796, 798, 800, 804, 807, 810, 818, 826, 831, 832, 833, 834, 840, 849, 850, 854,
    858, 860, 862, 872, 876, 882, 886, 887, 890, 891, 894,
];

pub(super) fn qid(s: &[u8]) -> bool {
    digits_n(s, 11)
        && matches!(s[0], b'2' | b'3')
        && u16::try_from(num(&s[3..6])).is_ok_and(|code| NATIONALITIES.binary_search(&code).is_ok())
        && not_all_zeros(&s[6..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn century_nationality_and_serial() {
        // The explainers' example (a Canadian born in 1976), a Qatari, an
        // Indian and a Filipino born in 2005.
        for v in ["27612405934", "28463400217", "29035612345", "30560801234"] {
            assert!(qid(v.as_bytes()), "{v}");
        }
        for v in [
            // Century 1 or 4.
            "17612405934",
            "47612405934",
            // No country has the code 999 or 000 (Qatar's phone numbers,
            // `974` and eight digits, open with a 9 anyway).
            "27699905934",
            "27600005934",
            // A serial of zeros; a digit short, one more.
            "27612400000",
            "2761240593",
            "276124059345",
        ] {
            assert!(!qid(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn nationalities_are_sorted_and_known() {
        assert!(NATIONALITIES.windows(2).all(|w| w[0] < w[1]));
        // Qatar, India, Nepal, Egypt, the Philippines, Sudan now and before 2011.
        for code in [634, 356, 524, 818, 608, 729, 736] {
            assert!(NATIONALITIES.binary_search(&code).is_ok(), "{code}");
        }
        assert_eq!(NATIONALITIES.len(), 269);
    }

    #[test]
    fn in_chat() {
        for text in [
            "QID 28463400217",
            "my qid no: 28463400217",
            "Qatar ID 28463400217 for the sim",
            "الرقم الشخصي 28463400217",
        ] {
            assert_eq!(
                scan(text, None),
                [(Kind::QaQid, "28463400217".into())],
                "{text}"
            );
        }
        // A generic identity word names it at home only; bare, nowhere.
        assert_eq!(scan("ID card 28463400217", Some("QA")).len(), 1);
        assert!(scan("ID card 28463400217", Some("AE")).is_empty());
        assert!(scan("28463400217", Some("QA")).is_empty());
        assert!(scan("order 28463400217", Some("QA")).is_empty());
        // A phone number with the country code is no QID.
        assert!(scan("QID holders call 97455123456", Some("QA"))
            .iter()
            .all(|(k, _)| *k != Kind::QaQid));
    }
}
