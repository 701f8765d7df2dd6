//! Lithuania: personal code (asmens kodas).
//!
//! Built as Estonia's isikukood ([`super::ee`]): century digit, birth date,
//! serial and the same two-pass check digit. Codes opening with `9`, given
//! when the birth date is unknown, hold no date to check and are not read.
//! A code valid in both countries is the conversation's country's; named
//! by neither, it reads as Estonian.

use super::ee::{birth_date, check_digit};
use super::{digits_n, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::LtAsmensKodas,
    country: "LT",
    shapes: &[shape("ddddddddddd", Checked)],
    validate: asmens_kodas,
}];

pub(super) fn asmens_kodas(s: &[u8]) -> bool {
    digits_n(s, 11) && birth_date(s) && check_digit(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (lt.asmens) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/lt_asmens_kodas.txt"))
    }

    #[test]
    fn valid_codes() {
        for v in values() {
            assert!(asmens_kodas(v.as_bytes()), "{v}");
        }
        // python-stdnum's example.
        assert!(asmens_kodas(b"33309240064") && !asmens_kodas(b"33309240164"));
    }

    #[test]
    fn in_chat() {
        let v = values()[0];
        assert_eq!(
            scan(&format!("asmens kodas {v}"), None),
            [(Kind::LtAsmensKodas, v.into())]
        );
        assert_eq!(scan(v, Some("LT")), [(Kind::LtAsmensKodas, v.into())]);
        assert_eq!(scan(v, Some("EE")), [(Kind::EeIsikukood, v.into())]);
        assert!(scan(&format!("užsakymas {v}"), Some("LT")).is_empty());
    }
}
