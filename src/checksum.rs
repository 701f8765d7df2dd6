//! Check-digit algorithms shared by the card, IBAN and national-ID
//! validators.
//!
//! Every function here is pure, allocation-free and total: it takes ASCII
//! bytes (digits, and letters where the algorithm defines them) and answers
//! `false`/`None` for anything else instead of panicking, so detectors can
//! feed it whatever the text held. Validators differ mostly in *weights*
//! and in how a remainder maps to a check character, so the weighted
//! variants take the weights as a parameter and leave the mapping to the
//! caller (the country modules), where the official description of each
//! identifier lives.
//!
//! What each algorithm guarantees matters for the tests and for how much a
//! detector may trust a match:
//!
//! | algorithm | every single-digit change | adjacent transpositions |
//! |---|---|---|
//! | Luhn (mod 10) | detected | all but `09`↔`90` |
//! | Verhoeff | detected | all detected |
//! | ISO 7064 mod 97-10 | detected | all detected |
//! | ISO 7064 mod 11-2, mod 11-10 | detected | all detected |
//! | weighted mod 11 with distinct non-zero weights | detected, unless the remainder maps two values to one check character (e.g. CPF's `10 → 0`) | mostly |
//! | weighted mod 10 (`1 3 7 9`, PESEL) | detected when the weight is odd and not 5 | not all |

/// The value of an ASCII digit, or `None`.
#[inline]
pub(crate) fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}

/// The Luhn sum of `digits` as if a check digit were appended (`with_check
/// = false`) or already the last digit (`true`), modulo 10.
fn luhn_sum(digits: &[u8], with_check: bool) -> Option<u32> {
    let mut sum = 0;
    for (i, &b) in digits.iter().rev().enumerate() {
        let mut d = digit(b)?;
        // The rightmost digit of the payload is doubled when the check digit
        // is still to come.
        if (i % 2 == 1) == with_check {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    Some(sum % 10)
}

/// Whether `number` (ASCII digits, check digit last) passes the Luhn check.
pub(crate) fn luhn_valid(number: &[u8]) -> bool {
    number.len() >= 2 && luhn_sum(number, true) == Some(0)
}

/// The Luhn check digit for `payload`.
#[cfg(test)]
pub(crate) fn luhn_check_digit(payload: &[u8]) -> Option<u8> {
    let sum = luhn_sum(payload, false)?;
    Some(b'0' + ((10 - sum) % 10) as u8)
}

/// The value of an alphanumeric character in ISO 7064 / IBAN arithmetic:
/// digits are themselves, letters (either case) are 10 for `A` to 35 for `Z`.
#[inline]
pub(crate) fn alnum_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        b'a'..=b'z' => Some(u32::from(b - b'a') + 10),
        _ => None,
    }
}

/// The remainder modulo 97 of the number spelled by `chars`, letters
/// expanded to two digits each (ISO 7064 mod 97-10, as IBAN uses it).
/// Streaming, so callers can feed a rearranged IBAN without copying it.
/// `None` for a character that is not an ASCII letter or digit.
pub(crate) fn mod97(chars: impl IntoIterator<Item = u8>) -> Option<u32> {
    let mut r = 0u32;
    for b in chars {
        let v = alnum_value(b)?;
        r = if v < 10 { r * 10 + v } else { r * 100 + v } % 97;
    }
    Some(r)
}

/// Verhoeff's multiplication table of the dihedral group D5.
const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/// Verhoeff's position permutation, applied `i mod 8` times.
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

#[cfg(test)]
const VERHOEFF_INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

fn verhoeff_state(digits: &[u8], offset: usize) -> Option<u8> {
    let mut c = 0u8;
    for (i, &b) in digits.iter().rev().enumerate() {
        let d = digit(b)? as usize;
        c = VERHOEFF_D[usize::from(c)][usize::from(VERHOEFF_P[(i + offset) % 8][d])];
    }
    Some(c)
}

/// Whether `number` (check digit last) passes the Verhoeff check.
pub(crate) fn verhoeff_valid(number: &[u8]) -> bool {
    number.len() >= 2 && verhoeff_state(number, 0) == Some(0)
}

/// The Verhoeff check digit for `payload`.
#[cfg(test)]
pub(crate) fn verhoeff_check_digit(payload: &[u8]) -> Option<u8> {
    let c = verhoeff_state(payload, 1)?;
    Some(b'0' + VERHOEFF_INV[usize::from(c)])
}

/// ISO 7064 mod 11-2: the check value (0..=10, where 10 is written `X`) of
/// a digit payload. Used by the Chinese resident ID.
pub(crate) fn iso7064_mod11_2(payload: &[u8]) -> Option<u32> {
    let mut p = 0;
    for &b in payload {
        p = ((p + digit(b)?) * 2) % 11;
    }
    Some((12 - p) % 11)
}

/// ISO 7064 mod 11-10 (hybrid): the check digit of a digit payload. Used by
/// the German tax ID (IdNr).
pub(crate) fn iso7064_mod11_10(payload: &[u8]) -> Option<u32> {
    let mut p = 10;
    for &b in payload {
        let mut s = (p + digit(b)?) % 10;
        if s == 0 {
            s = 10;
        }
        p = (s * 2) % 11;
    }
    Some((11 - p) % 10)
}

/// `Σ digit[i] · weights[i]` over the shorter of the two. `None` on a
/// non-digit.
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> Option<u32> {
    let mut sum = 0;
    for (&b, &w) in digits.iter().zip(weights) {
        sum += digit(b)? * w;
    }
    Some(sum)
}

/// `Σ` of the digit sums of `digit[i] · weights[i]` (one level: `7 · 4 =
/// 28` counts `10`), over the shorter of the two, as Luhn counts its
/// doubled digits with other weights (Germany's social insurance number).
/// `None` on a non-digit.
pub(crate) fn weighted_digit_sum(digits: &[u8], weights: &[u32]) -> Option<u32> {
    let mut sum = 0;
    for (&b, &w) in digits.iter().zip(weights) {
        let product = digit(b)? * w;
        sum += product / 10 + product % 10;
    }
    Some(sum)
}

/// The remainder of the weighted sum modulo `m` (`m > 0`); the country
/// modules map it to a check digit (`11 - r`, `r`, `10 → 0` …) as each
/// identifier's rules say.
pub(crate) fn weighted_mod(digits: &[u8], weights: &[u32], m: u32) -> Option<u32> {
    debug_assert!(m > 0);
    Some(weighted_sum(digits, weights)? % m.max(1))
}

/// The common mod-11 check digit: `11 - (Σ dᵢwᵢ mod 11)`, with 10 and 11
/// mapped to 0 (CPF, CNPJ and many others). `None` on a non-digit.
pub(crate) fn mod11_check_ten_zero(digits: &[u8], weights: &[u32]) -> Option<u32> {
    let r = weighted_mod(digits, weights, 11)?;
    Some(match 11 - r {
        10 | 11 => 0,
        d => d,
    })
}

/// Whether an ISBN-10 (ten characters) or an old SBN (nine, an ISBN-10
/// without its leading `0`) passes its check: `Σ dᵢ · (n - i) ≡ 0 (mod 11)`,
/// the last character weighing 1 and `X`/`x` standing for 10 there only.
pub(crate) fn isbn10_valid(chars: &[u8]) -> bool {
    let n = chars.len();
    if !(9..=10).contains(&n) {
        return false;
    }
    let mut sum = 0;
    for (i, &b) in chars.iter().enumerate() {
        let value = match b {
            b'X' | b'x' if i == n - 1 => 10,
            _ => match digit(b) {
                Some(d) => d,
                None => return false,
            },
        };
        sum += value * (n - i) as u32;
    }
    sum % 11 == 0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn weighted_digit_sums() {
        // Germany's social insurance number 15 070649 C 103, the letter as
        // `03`: products 2 5 0 35 0 6 8 9 0 3 2 0, digit sums adding to 43.
        let weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
        assert_eq!(weighted_digit_sum(b"150706490310", &weights), Some(43));
        // One level only: 7 · 4 counts 10.
        assert_eq!(weighted_digit_sum(b"4", &[7]), Some(10));
        assert_eq!(weighted_digit_sum(b"4x", &[7, 1]), None);
    }

    /// Calls `f` with every number that differs from `valid` in exactly one
    /// digit position (letters and other bytes are left alone).
    pub(crate) fn for_each_one_digit_change(valid: &[u8], mut f: impl FnMut(&[u8])) {
        let mut buf = valid.to_vec();
        for i in 0..buf.len() {
            if !buf[i].is_ascii_digit() {
                continue;
            }
            let orig = buf[i];
            for d in b'0'..=b'9' {
                if d != orig {
                    buf[i] = d;
                    f(&buf);
                }
            }
            buf[i] = orig;
        }
    }

    /// Calls `f` with every adjacent transposition of two different digits.
    fn for_each_transposition(valid: &[u8], mut f: impl FnMut(&[u8])) {
        let mut buf = valid.to_vec();
        for i in 1..buf.len() {
            if buf[i] != buf[i - 1] && buf[i].is_ascii_digit() && buf[i - 1].is_ascii_digit() {
                buf.swap(i, i - 1);
                f(&buf);
                buf.swap(i, i - 1);
            }
        }
    }

    #[test]
    fn luhn() {
        // Values checked with python-stdnum's luhn module.
        for v in [
            "4111111111111111",
            "79927398713",
            "5555555555554444",
            "378282246310005",
            "6011111111111117",
            "046454286",
            "0",
        ] {
            if v.len() < 2 {
                assert!(!luhn_valid(v.as_bytes()));
                continue;
            }
            assert!(luhn_valid(v.as_bytes()), "{v}");
            let (payload, check) = v.as_bytes().split_at(v.len() - 1);
            assert_eq!(luhn_check_digit(payload), Some(check[0]), "{v}");
            for_each_one_digit_change(v.as_bytes(), |c| assert!(!luhn_valid(c), "{c:?}"));
            // Luhn misses 09 <-> 90 only.
            for_each_transposition(v.as_bytes(), |c| {
                let s = std::str::from_utf8(c).unwrap();
                let caught = !luhn_valid(c);
                assert!(caught || s.contains("09") || s.contains("90"), "{s}");
            });
        }
        assert!(!luhn_valid(b"4111 1111"));
        assert_eq!(luhn_check_digit(b"7992739871"), Some(b'3'));
        assert_eq!(luhn_check_digit(b"12a"), None);
        assert_eq!(luhn_check_digit(b""), Some(b'0'));
    }

    #[test]
    fn mod97_iban() {
        // DE89 3704 0044 0532 0130 00, rearranged: BBAN + DE89.
        let iban = b"DE89370400440532013000";
        let rearranged = iban[4..].iter().chain(&iban[..4]).copied();
        assert_eq!(mod97(rearranged), Some(1));
        let lower = b"gb82west12345698765432";
        assert_eq!(
            mod97(lower[4..].iter().chain(&lower[..4]).copied()),
            Some(1)
        );
        assert_eq!(mod97(*b"12-3"), None);
        assert_eq!(mod97(*b""), Some(0));
        for_each_one_digit_change(iban, |c| {
            let r = mod97(c[4..].iter().chain(&c[..4]).copied());
            assert_ne!(r, Some(1), "{c:?}");
        });
        for_each_transposition(iban, |c| {
            let r = mod97(c[4..].iter().chain(&c[..4]).copied());
            assert_ne!(r, Some(1), "{c:?}");
        });
        // Every single-letter change is caught too.
        let mut buf = iban.to_vec();
        for l in b'A'..=b'Z' {
            if l != b'D' {
                buf[0] = l;
                assert_ne!(mod97(buf[4..].iter().chain(&buf[..4]).copied()), Some(1));
            }
        }
    }

    #[test]
    fn verhoeff() {
        // Values checked with python-stdnum's verhoeff module.
        for v in [
            "2363",
            "236",
            "123451",
            "234123412346",
            "499999999999",
            "987789328793",
            "417421809677",
        ] {
            let v = v.as_bytes();
            let (payload, check) = v.split_at(v.len() - 1);
            if verhoeff_valid(v) {
                assert_eq!(verhoeff_check_digit(payload), Some(check[0]));
                for_each_one_digit_change(v, |c| assert!(!verhoeff_valid(c), "{c:?}"));
                for_each_transposition(v, |c| assert!(!verhoeff_valid(c), "{c:?}"));
            }
        }
        assert!(verhoeff_valid(b"2363"));
        assert!(verhoeff_valid(b"123451"));
        assert_eq!(verhoeff_check_digit(b"236"), Some(b'3'));
        assert_eq!(verhoeff_check_digit(b"12345"), Some(b'1'));
        assert!(!verhoeff_valid(b"2364"));
        assert!(!verhoeff_valid(b"x"));
    }

    #[test]
    fn isbn10() {
        // Values checked with python-stdnum's isbn module (the SBN as
        // `0` + its nine characters).
        for v in [
            "0306406152",
            "080442957X",
            "0-7421-8096-4",
            "0-8044-2957-X",
            "650617800",
        ] {
            let chars: Vec<u8> = v.bytes().filter(|&b| b != b'-').collect();
            assert!(isbn10_valid(&chars), "{v}");
            for_each_one_digit_change(&chars, |c| assert!(!isbn10_valid(c), "{c:?}"));
            for_each_transposition(&chars, |c| assert!(!isbn10_valid(c), "{c:?}"));
        }
        assert!(!isbn10_valid(b"X306406152"));
        assert!(!isbn10_valid(b"03064061"));
        assert!(!isbn10_valid(b"03064061521"));
        assert!(!isbn10_valid(b"030640615-"));
    }

    #[test]
    fn iso7064() {
        // CN: 11010519491231002X (python-stdnum cn.ric).
        assert_eq!(iso7064_mod11_2(b"11010519491231002"), Some(10));
        assert_eq!(iso7064_mod11_2(b"44052418800101001"), Some(4));
        // DE IdNr 36574261809 (python-stdnum de.idnr).
        assert_eq!(iso7064_mod11_10(b"3657426180"), Some(9));
        assert_eq!(iso7064_mod11_2(b"1x"), None);
        for_each_one_digit_change(b"3657426180", |c| {
            assert_ne!(iso7064_mod11_10(c), Some(9), "{c:?}")
        });
        for_each_one_digit_change(b"11010519491231002", |c| {
            assert_ne!(iso7064_mod11_2(c), Some(10), "{c:?}")
        });
    }

    #[test]
    fn weighted() {
        assert_eq!(weighted_sum(b"123", &[3, 2, 1]), Some(10));
        assert_eq!(weighted_sum(b"12", &[1]), Some(1));
        assert_eq!(weighted_sum(b"1a", &[1, 1]), None);
        assert_eq!(weighted_mod(b"99", &[1, 1], 7), Some(4));
        // CPF 111.444.777-35: first check digit 3.
        assert_eq!(
            mod11_check_ten_zero(b"111444777", &[10, 9, 8, 7, 6, 5, 4, 3, 2]),
            Some(3)
        );
    }
}
