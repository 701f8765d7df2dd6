//! Indonesia: NIK (nomor induk kependudukan, on the KTP), NPWP and the
//! BPJS Kesehatan card number.
//!
//! Sixteen digits: province (two digits, 11–94), regency and district (two
//! each), the birth date `DDMMYY` with 40 added to the day for women, and a
//! four-digit serial from 0001. There is no check digit: one-digit changes
//! are caught only where they break the date or the region code, so a NIK
//! needs a keyword or an Indonesian conversation.
//!
//! An NPWP (nomor pokok wajib pajak) is fifteen digits written
//! `99.999.999.9-999.999`, the ninth a Luhn check over the first eight (the
//! rest, tax office and branch, are unchecked). Since 2024 (PMK
//! 112/PMK.03/2022) it is sixteen digits: a citizen's NIK, or the old
//! number with a `0` in front (python-stdnum's `id.npwp`). The dotted form
//! stands alone; fifteen bare digits need an Indonesian conversation or a
//! keyword (`NPWP`), sixteen (a NIK's length) the keyword.
//!
//! The BPJS Kesehatan (national health insurance, JKN-KIS) card number is
//! thirteen digits, which clinics, employers and insurers' agents ask for
//! in chat. No check digit is published and thirteen digits are also
//! resi and order numbers, so it is read only after its keyword (`BPJS`,
//! `kartu KIS`, `JKN`), bare or spaced `0001 2345 67890` as on the card.

use super::{digits_n, not_all_zeros, num, shape, valid_date, IdSpec, Strength::*};
use crate::checksum::luhn_valid;
use crate::finding::Kind;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::IdNik,
        country: "ID",
        shapes: &[
            shape("dddddddddddddddd", Bare),
            shape("dd.dd.dd.dddddd.dddd", Home),
            // Grouped as a card is (`NIK 3171 2345 1285 0001`): named, or
            // at home below any card.
            shape("dddd dddd dddd dddd", Named),
        ],
        validate: nik,
    },
    IdSpec {
        kind: Kind::IdNpwp,
        country: "ID",
        shapes: &[
            shape("dd.ddd.ddd.d-ddd.ddd", Strong),
            shape("ddddddddddddddd", Bare),
            shape("dddddddddddddddd", Keyword),
        ],
        validate: npwp,
    },
    IdSpec {
        kind: Kind::IdBpjs,
        country: "ID",
        shapes: &[
            shape("ddddddddddddd", Keyword),
            shape("dddd dddd ddddd", Keyword),
        ],
        validate: bpjs,
    },
];

/// Thirteen digits, not all zeros: the structure is all BPJS publishes.
/// Digits that open as a mobile does (`08…`, `628…`) are the phone a
/// sentence about BPJS gives (`no hp bpjs 0812345678901`).
pub(super) fn bpjs(s: &[u8]) -> bool {
    digits_n(s, 13) && not_all_zeros(s) && !s.starts_with(b"08") && !s.starts_with(b"628")
}

pub(super) fn npwp(s: &[u8]) -> bool {
    match s.len() {
        15 => digits_n(s, 15) && luhn_valid(&s[..9]),
        16 if s[0] == b'0' => digits_n(s, 16) && luhn_valid(&s[1..10]),
        16 => nik(s),
        _ => false,
    }
}

/// Province codes of Indonesia's Dukcapil numbering.
fn province_ok(p: u32) -> bool {
    matches!(
        p,
        11..=19 | 21 | 31..=36 | 51..=53 | 61..=65 | 71..=76 | 81 | 82 | 91..=97
    )
}

pub(super) fn nik(s: &[u8]) -> bool {
    if !digits_n(s, 16) || !province_ok(num(&s[..2])) || &s[2..4] == b"00" || &s[12..] == b"0000" {
        return false;
    }
    let mut day = num(&s[6..8]);
    if day > 40 {
        day -= 40;
    }
    let (mm, yy) = (num(&s[8..10]), num(&s[10..12]));
    valid_date(1900 + yy, mm, day) || valid_date(2000 + yy, mm, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{lines, scan};

    // Generated with python-stdnum (id.nik).
    const NIKS: &[&str] = &["3171234512850001", "3273015502900123", "5171044107950002"];

    #[test]
    fn structure() {
        for v in NIKS {
            assert!(nik(v.as_bytes()), "{v}");
        }
        // Not a real date, province 99, serial 0000.
        for v in ["3171233212850001", "9971234512850001", "3171234512850000"] {
            assert!(!nik(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("NIK KTP 3171234512850001", None),
            [(Kind::IdNik, "3171234512850001".into())]
        );
        assert_eq!(scan("ini 3171234512850001 saya", Some("ID")).len(), 1);
        assert!(scan("pesanan 3171234512850001", Some("ID")).is_empty());
        assert_eq!(
            scan("NIK 3171 2345 1285 0001", None),
            [(Kind::IdNik, "3171 2345 1285 0001".into())]
        );
        assert_eq!(
            scan("no ktp saya 3171 2345 1285 0001", Some("ID")),
            [(Kind::IdNik, "3171 2345 1285 0001".into())]
        );
        assert!(scan("pesanan 3171 2345 1285 0001", Some("ID")).is_empty());
        // The family card (KK) has the NIK's layout; `kartu` alone is a
        // card's word, and `kk` alone is `kakak`.
        for (text, value) in [
            ("kartu keluarga: 3201 0125 0515 0003", "3201 0125 0515 0003"),
            ("nomor KK 3201 0125 0515 0003", "3201 0125 0515 0003"),
            ("no kk 3201012505150003", "3201012505150003"),
        ] {
            assert_eq!(scan(text, None), [(Kind::IdNik, value.into())], "{text}");
        }
        assert!(scan("makasih kk 3201 0125 0515 0003", None).is_empty());
    }

    /// Generated with python-stdnum (id.npwp) by tests/data/ids/gen_vectors.py.
    fn npwps() -> Vec<&'static str> {
        lines(include_str!("../../../tests/data/ids/id_npwp.txt"))
    }

    #[test]
    fn npwp_check_digit() {
        for v in npwps() {
            assert!(npwp(v.as_bytes()), "{v}");
            // The Luhn digit covers the first nine digits (after the `0`
            // of a 16-digit number): every change there is caught.
            let head = if v.len() == 16 { 1..10 } else { 0..9 };
            let mut b = v.as_bytes().to_vec();
            for i in head {
                let orig = b[i];
                for d in b'0'..=b'9' {
                    b[i] = d;
                    assert_eq!(npwp(&b), d == orig, "{}", String::from_utf8_lossy(&b));
                }
                b[i] = orig;
            }
        }
        // A 16-digit NPWP not starting with 0 is a NIK.
        assert!(npwp(b"3171234512850001") && !npwp(b"3171234513850001"));
    }

    #[test]
    fn bpjs_after_its_keyword() {
        assert!(bpjs(b"0001234567890") && !bpjs(b"000123456789") && !bpjs(b"0000000000000"));
        for (region, text, value) in [
            ("ID", "no BPJS saya 0001234567890", "0001234567890"),
            ("ID", "kartu KIS: 0001 2345 67890", "0001 2345 67890"),
            ("MY", "bpjs kesehatan 0002345678901", "0002345678901"),
        ] {
            assert_eq!(
                scan(text, Some(region)),
                [(Kind::IdBpjs, value.into())],
                "{text}"
            );
        }
        assert!(scan("0001234567890", Some("ID")).is_empty());
        // A mobile number given in a sentence about BPJS.
        for text in ["no hp bpjs 0812345678901", "BPJS 6281234567890"] {
            assert!(
                scan(text, Some("ID"))
                    .iter()
                    .all(|(k, _)| *k != Kind::IdBpjs),
                "{text}"
            );
        }
        assert!(scan("resi 0001234567890", Some("ID")).is_empty());
    }

    #[test]
    fn npwp_in_chat() {
        assert_eq!(
            scan("NPWP saya 01.234.567.4-901.000 ya", None),
            [(Kind::IdNpwp, "01.234.567.4-901.000".into())]
        );
        assert_eq!(
            scan("nomor pokok wajib pajak 012345674901000", None),
            [(Kind::IdNpwp, "012345674901000".into())]
        );
        assert_eq!(scan("ini 012345674901000 saya", Some("ID")).len(), 1);
        assert!(scan("012345674901000", Some("MY")).is_empty());
        assert!(scan("resi 012345674901000", Some("ID")).is_empty());
    }
}
