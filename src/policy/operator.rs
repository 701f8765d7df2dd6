//! Masking operators: what replaces a finding in redacted text.
//!
//! | operator | `+91 98765 43210` becomes | keyed | reversible |
//! |---|---|---|---|
//! | `mask` (typed default) | `+91 ••••• ••210` | no | no |
//! | `mask` with `keep_first`/`keep_last`/`char` | e.g. `+91 *****-**210` | no | no |
//! | `label` | `[PHONE]` | no | no |
//! | `remove` | (nothing) | no | no |
//! | `token` | `[PHONE:q3k9x2mb7d]` | yes | through the host's vault |
//! | `hash` | 64 hex digits | yes | no |
//! | `fpe` | `+91 73164 20958` (another valid Indian number) | yes | with the key |
//! | `keep` | `+91 98765 43210` | no | – |
//!
//! Tokens and hashes are HMAC-SHA-256 over the kind and the *normalized*
//! value (E.164 for phones, lower-cased address for e-mails), so the same
//! customer gets the same token in every message, whatever the formatting,
//! and a different tenant key gives unrelated tokens.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::fpe::{Ff1, MIN_DIGITS};
use super::key::Key;
use super::mask;
use crate::detect::phone::metadata::TABLES;
use crate::error::Error;
use crate::finding::{Finding, Kind};
use crate::spelled;

/// Characters of a token: lower-case RFC 4648 base32.
const TOKEN_ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
/// 50 bits: collisions stay unlikely across millions of customers.
const TOKEN_CHARS: usize = 10;

/// What replaces a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Operator {
    /// Show the value as it is.
    Keep,
    /// Mask alphanumerics, keeping separators. `None` fields take the kind's
    /// typed default (see [`mask`]).
    Mask {
        /// Leading alphanumerics to keep.
        keep_first: Option<usize>,
        /// Trailing alphanumerics to keep.
        keep_last: Option<usize>,
        /// The masking character (default `•`).
        mask_char: Option<char>,
    },
    /// `[PHONE]`, `[EMAIL]` …
    Label,
    /// Nothing at all.
    Remove,
    /// A deterministic keyed pseudonym, `[PHONE:q3k9x2mb7d]`.
    Token,
    /// The keyed hex digest (HMAC-SHA-256) of the normalized value.
    Hash,
    /// Format-preserving encryption of the digits (FF1): same length, same
    /// separators, a valid number of the same country for phones; Luhn-valid
    /// for cards when `luhn` is set. Reversible with the key.
    Fpe {
        /// Keep the result Luhn-valid (for cards).
        luhn: bool,
    },
}

impl Operator {
    /// The kind's typed default mask.
    pub const MASK: Operator = Operator::Mask {
        keep_first: None,
        keep_last: None,
        mask_char: None,
    };

    /// Whether the operator needs a tenant key.
    pub fn needs_key(&self) -> bool {
        matches!(
            self,
            Operator::Token | Operator::Hash | Operator::Fpe { .. }
        )
    }

    /// The operator's name in configuration files.
    pub fn name(&self) -> &'static str {
        match self {
            Operator::Keep => "keep",
            Operator::Mask { .. } => "mask",
            Operator::Label => "label",
            Operator::Remove => "remove",
            Operator::Token => "token",
            Operator::Hash => "hash",
            Operator::Fpe { .. } => "fpe",
        }
    }

    /// Whether the operator can be applied to `kind` (FPE needs digits).
    pub(crate) fn supports(&self, kind: &Kind) -> bool {
        !matches!(self, Operator::Fpe { .. }) || !matches!(kind, Kind::Email | Kind::Custom(_))
    }

    /// Appends the replacement of `finding` (whose text is `value`) to `out`.
    pub(crate) fn apply(
        &self,
        finding: &Finding,
        value: &str,
        key: Option<&Key>,
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        let need_key = || key.ok_or_else(|| Error::MissingKey(self.name()));
        // A value spelled out in words is replaced as if written in digits:
        // masks and encryption work on the digits as written and would
        // leave the words, that is the value, in place.
        let value =
            if !matches!(self, Operator::Keep) && spelled::is_spelled(finding, value.as_bytes()) {
                finding.normalized.as_str()
            } else {
                value
            };
        match self {
            Operator::Keep => out.extend_from_slice(value.as_bytes()),
            Operator::Mask {
                keep_first: None,
                keep_last: None,
                mask_char: None,
            } => mask::default_mask(finding, value, out),
            Operator::Mask {
                keep_first,
                keep_last,
                mask_char,
            } => mask::mask_with(
                value,
                keep_first.unwrap_or(0),
                keep_last.unwrap_or(0),
                mask_char.unwrap_or(mask::BULLET),
                out,
            ),
            Operator::Label => label(&finding.kind, out),
            Operator::Remove => {}
            Operator::Token => {
                let mac = need_key()?.token_mac(&[
                    finding.kind.name().as_bytes(),
                    token_input(finding).as_bytes(),
                ]);
                out.push(b'[');
                out.extend(finding.kind.name().bytes().map(|b| b.to_ascii_uppercase()));
                out.push(b':');
                out.extend_from_slice(&base32(&mac)[..TOKEN_CHARS]);
                out.push(b']');
            }
            Operator::Hash => {
                let mac = need_key()?.hash_mac(&[
                    finding.kind.name().as_bytes(),
                    token_input(finding).as_bytes(),
                ]);
                for b in mac {
                    out.extend_from_slice(format!("{b:02x}").as_bytes());
                }
            }
            Operator::Fpe { luhn } => {
                let ff1 = Ff1::new(need_key()?);
                match fpe_value(&ff1, finding, value, *luhn, true) {
                    Ok(encrypted) => out.extend_from_slice(encrypted.as_bytes()),
                    // Too few digits for FF1, or no valid value in reach:
                    // fall back to the typed mask (closed, never the value).
                    Err(_) => mask::default_mask(finding, value, out),
                }
            }
        }
        Ok(())
    }
}

fn label(kind: &Kind, out: &mut Vec<u8>) {
    out.push(b'[');
    out.extend(kind.name().bytes().map(|b| b.to_ascii_uppercase()));
    out.push(b']');
}

/// What tokens and hashes are computed over: the normalized value, with
/// e-mail addresses lower-cased whole (mailboxes are case-insensitive in
/// practice, and a token must not change with how a customer typed it).
fn token_input(finding: &Finding) -> String {
    match finding.kind {
        Kind::Email => finding.normalized.to_lowercase(),
        _ => finding.normalized.clone(),
    }
}

fn base32(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(TOKEN_ALPHABET[((acc >> bits) & 31) as usize]);
        }
    }
    out
}

/// Encrypts (or decrypts) the digits of a written value in place, keeping
/// every other character. For phones only the national number changes, and
/// it stays valid for its country; the calling code and any national prefix
/// as written are kept.
pub(crate) fn fpe_value(
    ff1: &Ff1,
    finding: &Finding,
    value: &str,
    luhn: bool,
    forward: bool,
) -> Result<String, Error> {
    // ASCII digits only: values in other scripts fall back to the mask.
    let written: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
    let tweak = finding.kind.name().as_bytes();
    let (start, new) = match finding.kind {
        Kind::Phone => {
            // The national significant number is the tail of the written
            // digits (after the calling code or national prefix).
            let e164 = finding.normalized.trim_start_matches('+').as_bytes();
            let (code, nsn) = TABLES
                .parse_international(e164, false)
                .ok_or_else(|| Error::Redaction("phone is not valid".into()))?;
            let nsn = nsn.as_slice();
            if !written.ends_with(nsn) || nsn.len() < MIN_DIGITS {
                return Err(Error::Redaction(
                    "phone digits are not in national form".into(),
                ));
            }
            let valid = |d: &[u8]| {
                TABLES
                    .regions_for_code(u32::from(code))
                    .iter()
                    .any(|&r| TABLES.regions[usize::from(r)].is_valid(d))
            };
            let code_tweak = code.to_be_bytes();
            let tweak = [tweak, &code_tweak[..]].concat();
            let new = if forward {
                ff1.encrypt(&tweak, nsn, &valid)?
            } else {
                ff1.decrypt(&tweak, nsn, &valid)?
            };
            (written.len() - nsn.len(), new)
        }
        _ => {
            let valid = |d: &[u8]| !luhn || crate::checksum::luhn_valid(d);
            let new = if forward {
                ff1.encrypt(tweak, &written, &valid)?
            } else {
                ff1.decrypt(tweak, &written, &valid)?
            };
            (0, new)
        }
    };
    // Put the digits back where the written value had them.
    let mut out = String::with_capacity(value.len());
    let mut i = 0;
    for c in value.chars() {
        if c.is_ascii_digit() {
            let d = if i >= start {
                new[i - start]
            } else {
                written[i]
            };
            out.push(char::from(d));
            i += 1;
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

impl<'de> Deserialize<'de> for Operator {
    /// `"token"`, or `{"op": "mask", "keep_last": 4, "char": "*"}`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OpVisitor;
        fn by_name<E: de::Error>(name: &str) -> Result<Operator, E> {
            Ok(match name {
                "keep" => Operator::Keep,
                "mask" => Operator::MASK,
                "label" => Operator::Label,
                "remove" => Operator::Remove,
                "token" => Operator::Token,
                "hash" => Operator::Hash,
                "fpe" => Operator::Fpe { luhn: false },
                _ => {
                    return Err(E::unknown_variant(
                        name,
                        &["keep", "mask", "label", "remove", "token", "hash", "fpe"],
                    ))
                }
            })
        }
        impl<'de> Visitor<'de> for OpVisitor {
            type Value = Operator;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an operator name or an object with \"op\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Operator, E> {
                by_name(v)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Operator, A::Error> {
                let (mut op, mut keep_first, mut keep_last, mut mask_char, mut luhn) =
                    (None, None, None, None, false);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "op" => op = Some(map.next_value::<String>()?),
                        "keep_first" => keep_first = Some(map.next_value::<usize>()?),
                        "keep_last" => keep_last = Some(map.next_value::<usize>()?),
                        "char" => mask_char = Some(map.next_value::<char>()?),
                        "luhn" => luhn = map.next_value::<bool>()?,
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["op", "keep_first", "keep_last", "char", "luhn"],
                            ))
                        }
                    }
                }
                let op = op.ok_or_else(|| de::Error::missing_field("op"))?;
                match by_name::<A::Error>(&op)? {
                    Operator::Mask { .. } => {
                        if mask_char.is_some_and(char::is_alphanumeric) {
                            return Err(de::Error::custom(
                                "the mask character must not be a letter or digit",
                            ));
                        }
                        Ok(Operator::Mask {
                            keep_first,
                            keep_last,
                            mask_char,
                        })
                    }
                    Operator::Fpe { .. } => Ok(Operator::Fpe { luhn }),
                    other
                        if keep_first.is_none()
                            && keep_last.is_none()
                            && mask_char.is_none()
                            && !luhn =>
                    {
                        Ok(other)
                    }
                    other => Err(de::Error::custom(format!(
                        "options given to \"{}\", which takes none",
                        other.name()
                    ))),
                }
            }
        }
        deserializer.deserialize_any(OpVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: Kind, value: &str, normalized: &str) -> Finding {
        Finding {
            kind,
            start: 0,
            end: value.len(),
            confidence: 1.0,
            normalized: normalized.into(),
        }
    }

    fn apply(op: &Operator, f: &Finding, value: &str, key: Option<&Key>) -> Result<String, Error> {
        let mut out = Vec::new();
        op.apply(f, value, key, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    fn key(byte: u8) -> Key {
        Key::new(&[byte; 32]).unwrap()
    }

    #[test]
    fn simple_operators() {
        let f = finding(Kind::Phone, "+91 98765 43210", "+919876543210");
        let v = "+91 98765 43210";
        assert_eq!(apply(&Operator::Keep, &f, v, None).unwrap(), v);
        assert_eq!(apply(&Operator::Label, &f, v, None).unwrap(), "[PHONE]");
        assert_eq!(apply(&Operator::Remove, &f, v, None).unwrap(), "");
        assert_eq!(
            apply(&Operator::MASK, &f, v, None).unwrap(),
            "+91 ••••• ••210"
        );
        let custom = Operator::Mask {
            keep_first: Some(0),
            keep_last: Some(4),
            mask_char: Some('*'),
        };
        assert_eq!(apply(&custom, &f, v, None).unwrap(), "+** ***** *3210");
    }

    #[test]
    fn tokens_are_stable_across_formats_and_differ_across_keys() {
        let a = finding(Kind::Phone, "+91 98765 43210", "+919876543210");
        let b = finding(Kind::Phone, "098765-43210", "+919876543210");
        let t1 = apply(&Operator::Token, &a, "+91 98765 43210", Some(&key(1))).unwrap();
        let t2 = apply(&Operator::Token, &b, "098765-43210", Some(&key(1))).unwrap();
        let t3 = apply(&Operator::Token, &a, "+91 98765 43210", Some(&key(2))).unwrap();
        assert_eq!(t1, t2);
        assert_ne!(t1, t3);
        assert!(
            t1.starts_with("[PHONE:") && t1.len() == "[PHONE:]".len() + TOKEN_CHARS,
            "{t1}"
        );
        let e1 = finding(Kind::Email, "Ana@X.com", "Ana@x.com");
        let e2 = finding(Kind::Email, "ana@x.com", "ana@x.com");
        assert_eq!(
            apply(&Operator::Token, &e1, "Ana@X.com", Some(&key(1))).unwrap(),
            apply(&Operator::Token, &e2, "ana@x.com", Some(&key(1))).unwrap()
        );
        let h = apply(&Operator::Hash, &a, "", Some(&key(1))).unwrap();
        assert_eq!(h.len(), 64);
        assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn keyed_operators_refuse_to_run_without_a_key() {
        let f = finding(Kind::Phone, "+91 98765 43210", "+919876543210");
        for op in [
            Operator::Token,
            Operator::Hash,
            Operator::Fpe { luhn: false },
        ] {
            assert_eq!(
                apply(&op, &f, "+91 98765 43210", None),
                Err(Error::MissingKey(op.name()))
            );
        }
    }

    #[test]
    fn fpe_phone_stays_a_valid_number_of_its_country() {
        let k = key(3);
        let ff1 = Ff1::new(&k);
        let f = finding(Kind::Phone, "+91 98765 43210", "+919876543210");
        let enc = fpe_value(&ff1, &f, "+91 98765 43210", false, true).unwrap();
        assert_ne!(enc, "+91 98765 43210");
        assert!(
            enc.starts_with("+91 ") && enc.len() == "+91 98765 43210".len(),
            "{enc}"
        );
        let nsn: Vec<u8> = enc[4..].bytes().filter(u8::is_ascii_digit).collect();
        let india = &TABLES.regions[usize::from(TABLES.region_index("IN").unwrap())];
        assert!(india.is_valid(&nsn), "{enc}");
        // Decrypting the encrypted form gives the original back.
        let enc_finding = finding(
            Kind::Phone,
            &enc,
            &format!("+91{}", String::from_utf8(nsn).unwrap()),
        );
        assert_eq!(
            fpe_value(&ff1, &enc_finding, &enc, false, false).unwrap(),
            "+91 98765 43210"
        );
    }

    #[test]
    fn operators_parse_from_json() {
        let parse = |s: &str| serde_json::from_str::<Operator>(s);
        assert_eq!(parse(r#""token""#).unwrap(), Operator::Token);
        assert_eq!(
            parse(r#"{"op":"fpe","luhn":true}"#).unwrap(),
            Operator::Fpe { luhn: true }
        );
        assert_eq!(
            parse(r#"{"op":"mask","keep_last":4,"char":"*"}"#).unwrap(),
            Operator::Mask {
                keep_first: None,
                keep_last: Some(4),
                mask_char: Some('*')
            }
        );
        assert!(parse(r#""tokenize""#).is_err());
        assert!(parse(r#"{"op":"label","keep_last":2}"#).is_err());
        assert!(parse(r#"{"op":"mask","char":"x"}"#).is_err());
        assert!(parse(r#"{"keep_last":2}"#).is_err());
    }
}
