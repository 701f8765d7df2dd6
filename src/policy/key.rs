//! Tenant keys for the keyed operators (`token`, `hash`, `fpe`).
//!
//! Keys come from the host (bytes, or a key file on the CLI); there is no
//! default key, so a scanner without one refuses the keyed operators. Key
//! bytes and every subkey derived from them are zeroised on drop and never
//! printed (`Debug` shows nothing of them).
//!
//! One tenant key serves every operator through independent subkeys
//! (HMAC-SHA-256 of the key over a purpose label), so a token never equals
//! the hash of the same value, and FPE uses a key of its own.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::Error;

/// Shortest key accepted: 128 bits.
pub const MIN_KEY_BYTES: usize = 16;

/// A tenant's secret key. Cheap to clone (the bytes are shared and zeroised
/// when the last clone drops).
#[derive(Clone)]
pub struct Key(std::sync::Arc<Subkeys>);

struct Subkeys {
    token: Zeroizing<[u8; 32]>,
    hash: Zeroizing<[u8; 32]>,
    fpe: Zeroizing<[u8; 32]>,
    guard: Zeroizing<[u8; 32]>,
}

impl Key {
    /// A key from raw bytes (at least 16; use 32 random bytes).
    pub fn new(bytes: &[u8]) -> Result<Key, Error> {
        if bytes.len() < MIN_KEY_BYTES {
            return Err(Error::config(
                "key",
                format!("must be at least {MIN_KEY_BYTES} bytes"),
            ));
        }
        let derive = |purpose: &[u8]| {
            let mut mac =
                <Hmac<Sha256> as Mac>::new_from_slice(bytes).expect("HMAC takes any key length");
            mac.update(purpose);
            Zeroizing::new(<[u8; 32]>::from(mac.finalize().into_bytes()))
        };
        Ok(Key(std::sync::Arc::new(Subkeys {
            token: derive(b"piimask/v1/token"),
            hash: derive(b"piimask/v1/hash"),
            fpe: derive(b"piimask/v1/ff1-aes256"),
            guard: derive(b"piimask/v1/guard"),
        })))
    }

    /// HMAC-SHA-256 under the token subkey.
    pub(crate) fn token_mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        mac(&self.0.token, parts)
    }

    /// HMAC-SHA-256 under the hash subkey.
    pub(crate) fn hash_mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        mac(&self.0.hash, parts)
    }

    /// The subkey of the leak guard's fingerprints (HMAC-SHA-256), returned
    /// for callers that key one MAC and clone it per value.
    pub(crate) fn guard_subkey(&self) -> &[u8; 32] {
        &self.0.guard
    }

    /// The AES-256 key for FF1.
    pub(crate) fn fpe_key(&self) -> &[u8; 32] {
        &self.0.fpe
    }
}

fn mac(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    for part in parts {
        // Length-prefix each part so that ("ab","c") and ("a","bc") differ.
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_refused() {
        assert!(Key::new(&[7; 15]).is_err());
        assert!(Key::new(&[7; 16]).is_ok());
    }

    #[test]
    fn subkeys_are_independent_and_deterministic() {
        let a = Key::new(&[1; 32]).unwrap();
        let b = Key::new(&[1; 32]).unwrap();
        let c = Key::new(&[2; 32]).unwrap();
        assert_eq!(a.token_mac(&[b"x"]), b.token_mac(&[b"x"]));
        assert_ne!(a.token_mac(&[b"x"]), a.hash_mac(&[b"x"]));
        assert_ne!(a.guard_subkey(), &*a.0.token);
        assert_ne!(a.guard_subkey(), &*a.0.hash);
        assert_ne!(a.guard_subkey(), a.fpe_key());
        assert_ne!(a.token_mac(&[b"x"]), c.token_mac(&[b"x"]));
        assert_ne!(a.token_mac(&[b"ab", b"c"]), a.token_mac(&[b"a", b"bc"]));
    }

    #[test]
    fn debug_shows_no_key_material() {
        assert_eq!(format!("{:?}", Key::new(&[0xAB; 32]).unwrap()), "Key(..)");
    }
}
