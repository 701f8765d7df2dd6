//! Paraguay: RUC (registro único de contribuyentes), the tax number asked
//! for on every invoice (`factura con RUC`).
//!
//! A person's RUC is their cédula number, up to eight digits, and a check
//! digit, printed `1234567-8`: the digits weighted 2, 3, 4 … from the
//! right, `(−Σ) mod 11 mod 10` (python-stdnum's `py.ruc`, our oracle;
//! companies' numbers start at 80000000). A check one random number in ten
//! passes and no other structure: read only after `RUC`, the printed form
//! anywhere, the bare digits in a Paraguayan conversation.

use super::{shape, IdSpec, Strength::*};
use crate::checksum::weighted_sum;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[IdSpec {
    kind: Kind::PyRuc,
    country: "PY",
    shapes: &[
        shape("dddddddd-d", Keyword),
        shape("ddddddd-d", Keyword),
        shape("dddddd-d", Keyword),
        shape("ddddddddd", HomeKeyword),
        shape("dddddddd", HomeKeyword),
        shape("ddddddd", HomeKeyword),
    ],
    validate: ruc,
}];

pub(super) fn ruc(s: &[u8]) -> bool {
    // Weights 2, 3, 4 … from the right: the last `body.len()` of these.
    const WEIGHTS: [u32; 8] = [9, 8, 7, 6, 5, 4, 3, 2];
    let Some((&check, body)) = s.split_last() else {
        return false;
    };
    if !(6..=8).contains(&body.len()) || body[0] == b'0' || !check.is_ascii_digit() {
        return false;
    }
    weighted_sum(body, &WEIGHTS[WEIGHTS.len() - body.len()..])
        .is_some_and(|sum| (11 - sum % 11) % 11 % 10 == u32::from(check - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, one_digit_escapes, scan};

    fn values() -> Vec<&'static str> {
        // Generated with python-stdnum (py.ruc) by tests/data/ids/gen_vectors.py.
        lines(include_str!("../../../tests/data/ids/py_ruc.txt"))
    }

    #[test]
    fn check_digit() {
        let (escaped, total) = one_digit_escapes(ruc, &values());
        assert!(escaped * 8 < total, "{escaped} of {total}");
        // python-stdnum's examples (its five-digit one is shorter than any
        // cédula in use now).
        assert!(ruc(b"800280610") && ruc(b"9991603") && !ruc(b"800532492"));
        assert!(!ruc(b"26603") && !ruc(b"0123456") && !ruc(b"1234567890"));
    }

    #[test]
    fn in_chat() {
        for v in values() {
            let printed = format!("{}-{}", &v[..v.len() - 1], &v[v.len() - 1..]);
            assert_eq!(
                scan(&format!("factura con RUC {printed} por favor"), None),
                [(Kind::PyRuc, printed.clone())]
            );
            assert_eq!(
                scan(&format!("RUC: {v}"), Some("PY")),
                [(Kind::PyRuc, v.into())]
            );
            assert!(!scan(&printed, Some("PY"))
                .iter()
                .any(|(k, _)| *k == Kind::PyRuc));
        }
    }
}
