//! Turkey: T.C. kimlik numarası (TCKN).
//!
//! Eleven digits, the first not 0. The tenth digit is `(7·(d₁+d₃+d₅+d₇+d₉)
//! − (d₂+d₄+d₆+d₈)) mod 10` and the eleventh the sum of the first ten mod
//! 10. Two check digits catch every single-digit change; a bare TCKN still
//! needs a keyword or a Turkish conversation.

use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::TrTckn,
    country: "TR",
    shapes: &[
        shape("ddddddddddd", Bare),
        // In groups of three (`TC: 123 456 789 50`), named.
        shape("ddd ddd ddd dd", Keyword),
    ],
    validate: tckn,
}];

pub(super) fn tckn(s: &[u8]) -> bool {
    if !digits_n(s, 11) || s[0] == b'0' {
        return false;
    }
    let d = |i: usize| i32::from(s[i] - b'0');
    let odd = d(0) + d(2) + d(4) + d(6) + d(8);
    let even = d(1) + d(3) + d(5) + d(7);
    let tenth = (7 * odd - even).rem_euclid(10);
    let eleventh = (0..10).map(d).sum::<i32>() % 10;
    tenth == d(9) && eleventh == d(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{scan, valid_and_one_digit_changes_rejected};

    // Generated with python-stdnum (tr.tckimlik).
    const TCKNS: &[&str] = &["17291716060", "10000000146", "56208812754", "98765432150"];

    #[test]
    fn checks() {
        valid_and_one_digit_changes_rejected(tckn, TCKNS);
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("TC kimlik no 17291716060", None),
            [(Kind::TrTckn, "17291716060".into())]
        );
        assert_eq!(scan("tamam 17291716060", Some("TR")).len(), 1);
        assert!(scan("sipariş 17291716060", Some("TR")).is_empty());
        // In groups of three: named only.
        assert_eq!(
            scan("TC: 172 917 160 60", Some("TR")),
            [(Kind::TrTckn, "172 917 160 60".into())]
        );
        assert!(scan("172 917 160 60", Some("TR")).is_empty());
        assert!(scan("sipariş 172 917 160 60", Some("TR")).is_empty());
    }
}
