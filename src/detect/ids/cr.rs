//! Costa Rica: cédula de identidad (TSE).
//!
//! Nine digits, printed `1-1234-5678`: the province of registration (1 to
//! 7, 8 for naturalized citizens, 9 for special cases), the volume (tomo)
//! and the entry (asiento). No check digit exists, so the printed form
//! needs a Costa Rican conversation or a keyword (`cédula`), and nine bare
//! digits a keyword in one (phone numbers there are eight digits).

use super::{digits_n, not_all_zeros, shape, IdSpec, Strength::*};
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::CrCedula,
    country: "CR",
    shapes: &[
        shape("d-dddd-dddd", Home),
        shape("d dddd dddd", HomeKeyword),
        shape("ddddddddd", HomeKeyword),
    ],
    validate: cedula,
}];

pub(super) fn cedula(s: &[u8]) -> bool {
    digits_n(s, 9) && s[0] != b'0' && not_all_zeros(&s[1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::scan;

    #[test]
    fn in_chat() {
        assert!(cedula(b"112345678") && !cedula(b"012345678") && !cedula(b"11234567"));
        assert_eq!(
            scan("mi cédula 1-1234-5678", Some("PA")),
            [(Kind::CrCedula, "1-1234-5678".into())]
        );
        assert_eq!(scan("1-1234-5678", Some("CR")).len(), 1);
        assert_eq!(scan("cédula 112345678", Some("CR")).len(), 1);
        assert!(scan("1-1234-5678", Some("MX")).is_empty());
        assert!(scan("112345678", Some("CR")).is_empty());
        // An order's number, written alike.
        assert!(scan("pedido 1-1234-5678", Some("CR")).is_empty());
    }
}
