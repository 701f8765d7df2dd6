//! Format-preserving encryption of digit strings: FF1 (NIST SP 800-38G)
//! with AES-256, from the `fpe` crate.
//!
//! A value is encrypted as a string of decimal digits, so its length never
//! changes. To keep the result *valid-looking* (a phone number valid for its
//! country, a card number that passes Luhn) we cycle-walk: encrypt again
//! until the result is in the valid set. Decryption walks back the same way,
//! so the mapping is a permutation of the valid set and reverses exactly.

use aes::Aes256;
use fpe::ff1::{FlexibleNumeralString, FF1};

use super::key::Key;
use crate::error::Error;

/// FF1 needs radix^length >= 1 000 000: six decimal digits.
pub const MIN_DIGITS: usize = 6;
/// Bound on cycle-walking steps: a valid set sparser than this fails closed.
const MAX_WALK: usize = 4096;

pub(crate) struct Ff1(FF1<Aes256>);

impl Ff1 {
    pub(crate) fn new(key: &Key) -> Ff1 {
        Ff1(FF1::<Aes256>::new(key.fpe_key(), 10).expect("radix 10 is valid"))
    }

    fn step(&self, tweak: &[u8], digits: &[u8], forward: bool) -> Result<Vec<u8>, Error> {
        let numerals: Vec<u16> = digits.iter().map(|&d| u16::from(d - b'0')).collect();
        let ns = FlexibleNumeralString::from(numerals);
        let out = if forward {
            self.0.encrypt(tweak, &ns)
        } else {
            self.0.decrypt(tweak, &ns)
        }
        .map_err(|_| Error::Redaction("format-preserving encryption failed".into()))?;
        Ok(Vec::<u16>::from(out)
            .into_iter()
            .map(|n| b'0' + n as u8)
            .collect())
    }

    fn walk(
        &self,
        tweak: &[u8],
        digits: &[u8],
        valid: &dyn Fn(&[u8]) -> bool,
        forward: bool,
    ) -> Result<Vec<u8>, Error> {
        if digits.len() < MIN_DIGITS || !digits.iter().all(u8::is_ascii_digit) {
            return Err(Error::Redaction(format!(
                "format-preserving encryption needs at least {MIN_DIGITS} digits"
            )));
        }
        let mut current = self.step(tweak, digits, forward)?;
        for _ in 0..MAX_WALK {
            if valid(&current) {
                return Ok(current);
            }
            current = self.step(tweak, &current, forward)?;
        }
        Err(Error::Redaction(
            "no valid format-preserving value within the walk bound".into(),
        ))
    }

    /// Encrypts ASCII `digits` to another digit string of the same length
    /// for which `valid` holds (`digits` itself should satisfy it).
    pub(crate) fn encrypt(
        &self,
        tweak: &[u8],
        digits: &[u8],
        valid: &dyn Fn(&[u8]) -> bool,
    ) -> Result<Vec<u8>, Error> {
        self.walk(tweak, digits, valid, true)
    }

    /// The inverse of [`encrypt`](Self::encrypt) with the same tweak and
    /// predicate.
    pub(crate) fn decrypt(
        &self,
        tweak: &[u8],
        digits: &[u8],
        valid: &dyn Fn(&[u8]) -> bool,
    ) -> Result<Vec<u8>, Error> {
        self.walk(tweak, digits, valid, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checksum::luhn_valid as luhn;

    fn ff1() -> Ff1 {
        Ff1::new(&Key::new(&[9; 32]).unwrap())
    }

    #[test]
    fn round_trips_and_keeps_length() {
        let f = ff1();
        let any = |_: &[u8]| true;
        for input in [
            &b"123456"[..],
            b"9876543210",
            b"4111111111111111",
            b"000000000000000000",
        ] {
            let ct = f.encrypt(b"t", input, &any).unwrap();
            assert_eq!(ct.len(), input.len());
            assert_ne!(ct, input);
            assert_eq!(f.decrypt(b"t", &ct, &any).unwrap(), input);
        }
    }

    #[test]
    fn cycle_walking_stays_in_the_valid_set() {
        let f = ff1();
        let card = b"4111111111111111";
        let ct = f.encrypt(b"card", card, &luhn).unwrap();
        assert!(luhn(&ct));
        assert_eq!(f.decrypt(b"card", &ct, &luhn).unwrap(), card);
    }

    #[test]
    fn short_or_non_digit_input_is_refused() {
        let f = ff1();
        assert!(f.encrypt(b"", b"12345", &|_| true).is_err());
        assert!(f.encrypt(b"", b"12a456", &|_| true).is_err());
    }
}
