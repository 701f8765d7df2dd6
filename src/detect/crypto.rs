//! Cryptocurrency addresses: where a customer is paid, or pays. Four
//! encodings, each with a checksum, so no keyword is needed:
//!
//! * Bitcoin Base58Check (P2PKH `1…`, P2SH `3…`): a version byte, a
//!   20-byte hash and a 4-byte double-SHA-256 checksum.
//! * Bitcoin Bech32 / Bech32m (BIP-173, BIP-350; `bc1…`, testnet `tb1…`):
//!   segwit v0 with the Bech32 checksum, v1+ (taproot) with Bech32m, and
//!   the witness program lengths the BIPs allow (the `bech32` crate).
//! * Tron (`T…`, where USDT's TRC-20 transfers go): Base58Check with
//!   version byte 0x41, 34 characters.
//! * Ethereum: `0x` and 40 hex digits; mixed case carries the EIP-55
//!   checksum (Keccak-256 of the lower-case address), which must hold.
//!   All-lower or all-upper case has no checksum and scores a little less.
//!
//! Bitcoin's and Ethereum's forms start with a digit (`1`, `3`, `bc1`,
//! `0x`), so the scanner's digit trigger brings them here: the address
//! starts at the last digit run of a numeric span that is followed by a
//! letter or digit (the span ends where the letters begin), or two letters
//! before it for `bc1`/`tb1`. A Tron address is read from its first digit
//! run, after the letters it opens with.

use sha2::{Digest, Sha256};
use sha3::Keccak256;

use super::keywords::glues;
use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::{char_at, char_before};

/// Base58Check and Bech32 checksums, and EIP-55 in mixed case.
const CONF_CHECKED: f32 = 0.98;
/// An Ethereum address in one case: no checksum, but `0x` and exactly 40
/// hex digits standing alone.
const CONF_UNCHECKED: f32 = 0.9;

/// The longest address looked at (Bech32's limit is 90 characters).
const MAX_LEN: usize = 90;
/// The shortest address: a segwit one of a two-byte program (`bc1` and
/// fourteen characters in all). The words after most numbers in chat
/// (`10am`, `2pcs`) are shorter and end here, before any decoding.
const MIN_LEN: usize = 14;

/// Finds Bitcoin and Ethereum addresses.
#[derive(Debug)]
pub(crate) struct CryptoDetector;

impl Detector for CryptoDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::CryptoAddress]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn glued_only(&self) -> bool {
        true
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        // The span ends at its last digit; an address goes on with letters.
        // Nearly every span stops here, before the calls below.
        if ctx
            .text
            .get(span.end)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            address(ctx, span, out);
        }
        // A Tron address opens with a letter: its first digits arrive here
        // after letters.
        if span.start > 0 && ctx.text[span.start - 1].is_ascii_alphabetic() {
            tron_address(ctx, span, out);
        }
    }
}

/// The Tron address (`T…`: USDT's TRC-20 rail, how much of chat commerce
/// is paid in stablecoins) whose first digits start `span`, if there is
/// one. Base58Check with version byte 0x41, 34 characters. An address
/// with no digit at all (about one in 250) never reaches a detector.
#[inline(never)]
fn tron_address(ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
    const LEN: usize = 34;
    let text = ctx.text;
    let mut start = span.start;
    while start > 0 && span.start - start < LEN && text[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    if text[start] != b'T' || glues(char_before(text, start).0) {
        return;
    }
    let end = start + LEN;
    let Some(token) = text.get(start..end) else {
        return;
    };
    if !token.iter().all(u8::is_ascii_alphanumeric) || glues(char_at(text, end).0) {
        return;
    }
    if base58check_version(token, 0x41) {
        out.push(Finding {
            kind: Kind::CryptoAddress,
            start,
            end,
            confidence: CONF_CHECKED,
            // ASCII by construction.
            normalized: String::from_utf8_lossy(token).into_owned(),
        });
    }
}

/// The address whose digits end at `span.end`, if there is one.
#[inline(never)]
fn address(ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
    let text = ctx.text;
    let mut run = span.end;
    while run > span.start && text[run - 1].is_ascii_digit() {
        run -= 1;
    }
    let start = if text[run] == b'1'
        && run >= span.start.max(2)
        && (text[run - 2..run].eq_ignore_ascii_case(b"bc")
            || text[run - 2..run].eq_ignore_ascii_case(b"tb"))
    {
        run - 2
    } else {
        run
    };
    if glues(char_before(text, start).0) {
        return;
    }
    let mut end = start;
    while end < text.len() && end - start <= MAX_LEN && text[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if !(MIN_LEN..=MAX_LEN).contains(&(end - start)) || glues(char_at(text, end).0) {
        return;
    }
    let token = &text[start..end];
    let confidence = match token {
        [b'0', b'x' | b'X', hex @ ..] => ethereum(hex),
        [b'1' | b'3', ..] => base58check(token).then_some(CONF_CHECKED),
        _ => bech32(token).then_some(CONF_CHECKED),
    };
    if let Some(confidence) = confidence {
        out.push(Finding {
            kind: Kind::CryptoAddress,
            start,
            end,
            confidence,
            // ASCII by construction.
            normalized: String::from_utf8_lossy(token).into_owned(),
        });
    }
}

/// A P2PKH or P2SH mainnet address with a valid Base58Check checksum.
fn base58check(token: &[u8]) -> bool {
    (26..=35).contains(&token.len())
        && (base58check_version(token, 0x00) || base58check_version(token, 0x05))
}

/// Whether `token` is Base58Check of 25 bytes: `version`, a 20-byte hash
/// and a 4-byte double-SHA-256 checksum.
fn base58check_version(token: &[u8], version: u8) -> bool {
    let mut bytes = [0u8; 25];
    if bs58::decode(token).onto(&mut bytes[..]) != Ok(25) || bytes[0] != version {
        return false;
    }
    let (payload, checksum) = bytes.split_at(21);
    let hash = Sha256::digest(Sha256::digest(payload));
    hash[..4] == *checksum
}

/// A Bitcoin segwit address (mainnet `bc` or testnet `tb`) whose checksum,
/// witness version and program length are valid.
fn bech32(token: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(token) else {
        return false;
    };
    match bech32::segwit::decode(s) {
        Ok((hrp, _, _)) => hrp == bech32::hrp::BC || hrp == bech32::hrp::TB,
        Err(_) => false,
    }
}

/// The confidence of `0x` + `hex`, if it is an Ethereum address: 40 hex
/// digits, in one case or with a valid EIP-55 checksum.
fn ethereum(hex: &[u8]) -> Option<f32> {
    if hex.len() != 40 || !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let lower = hex.iter().any(u8::is_ascii_lowercase);
    let upper = hex.iter().any(u8::is_ascii_uppercase);
    if !(lower && upper) {
        return Some(CONF_UNCHECKED);
    }
    let lowered = hex.to_ascii_lowercase();
    let hash = Keccak256::digest(&lowered);
    let checksum_holds = hex.iter().enumerate().all(|(i, &c)| {
        let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
        !c.is_ascii_alphabetic() || c.is_ascii_uppercase() == (nibble >= 8)
    });
    checksum_holds.then_some(CONF_CHECKED)
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};

    /// Base58Check: the genesis block's address and P2SH examples from
    /// BIP-13 / the Bitcoin wiki.
    const BASE58: &[&str] = &[
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    ];
    /// Bech32 (v0) and Bech32m (v1) test vectors of BIP-173 and BIP-350.
    const BECH32: &[&str] = &[
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
        // The shortest: version 16, a two-byte program (`MIN_LEN`).
        "BC1SW50QGDZ25J",
    ];
    /// EIP-55's own test vectors (mixed case, checksummed).
    const EIP55: &[&str] = &[
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ];

    /// Tron: USDT's TRC-20 contract, and addresses made with Python's
    /// `hashlib` (version byte 0x41, random hash, double-SHA-256 checksum).
    const TRON: &[&str] = &[
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL",
        "TQVHCEUnXAzKFbAEQn9nyAGnUfffPGn9de",
        "TWxAU8TiMJBvqxHUkryveQL9VaKJFibwmW",
        "TTscEMyHh2r1uuC1u6uu4DwGyekjjKqPzC",
    ];

    static SCANNER: once_cell::sync::Lazy<Scanner> = once_cell::sync::Lazy::new(|| {
        Scanner::builder()
            .kinds([Kind::CryptoAddress])
            .build()
            .unwrap()
    });

    fn found(text: &str) -> Vec<(String, f32)> {
        SCANNER
            .scan(text)
            .iter()
            .map(|f| (text[f.range()].to_string(), f.confidence))
            .collect()
    }

    #[test]
    fn tron_addresses_need_their_checksum_and_stand_alone() {
        for v in TRON {
            assert_eq!(found(&format!("USDT TRC20: {v}.")), [(v.to_string(), 0.98)]);
            // Any one character changed breaks the checksum.
            for i in 1..v.len() {
                let mut changed = v.as_bytes().to_vec();
                changed[i] = if changed[i] == b'2' { b'3' } else { b'2' };
                let changed = String::from_utf8(changed).unwrap();
                assert!(found(&changed).is_empty(), "{changed}");
            }
            // Glued to a longer token, it is none.
            assert!(found(&format!("x{v}")).is_empty());
            assert!(found(&format!("{v}9")).is_empty());
        }
        assert!(found("The T1000 model, TR7 and T9 keyboards").is_empty());
    }

    #[test]
    fn published_test_vectors() {
        for v in BASE58.iter().chain(BECH32).chain(EIP55).chain(TRON) {
            assert_eq!(
                found(&format!("send to {v} pls")),
                [(v.to_string(), 0.98)],
                "{v}"
            );
            assert_eq!(found(v), [(v.to_string(), 0.98)], "{v}");
        }
        // One case: no checksum to check.
        let lower = EIP55[0].to_ascii_lowercase();
        assert_eq!(found(&lower), [(lower.clone(), 0.9)]);
    }

    /// Every change of one character to another of the same alphabet.
    fn each_change(v: &str, alphabet: &[u8], skip: usize, mut f: impl FnMut(String)) {
        for i in skip..v.len() {
            for &c in alphabet {
                if c != v.as_bytes()[i] {
                    let mut b = v.as_bytes().to_vec();
                    b[i] = c;
                    f(String::from_utf8(b).unwrap());
                }
            }
        }
    }

    #[test]
    fn single_character_changes_are_rejected() {
        let base58 = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        for v in BASE58 {
            each_change(v, base58, 0, |c| assert!(found(&c).is_empty(), "{c}"));
        }
        let bech = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for v in BECH32
            .iter()
            .filter(|v| v.starts_with("bc1q") || v.starts_with("bc1p"))
        {
            each_change(v, bech, 4, |c| assert!(found(&c).is_empty(), "{c}"));
        }
        // EIP-55: flipping the case of any letter breaks the checksum.
        for v in EIP55 {
            for i in 2..v.len() {
                let mut b = v.as_bytes().to_vec();
                if b[i].is_ascii_alphabetic() {
                    b[i] ^= 0x20;
                    let c = String::from_utf8(b).unwrap();
                    assert!(found(&c).is_empty(), "{c}");
                }
            }
        }
    }

    #[test]
    fn wrong_version_length_or_glue() {
        for t in [
            // Bech32 checksum on a v1 program (BIP-350 invalid vector).
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            // Bech32m checksum on v0.
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            // Mixed case Bech32.
            "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            // 39 and 41 hex digits; glued.
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed1",
            "x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            // (An underscore with nothing after it is an italic mark.)
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa_x",
            // A transaction hash is not an address.
            "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        ] {
            assert!(found(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn chat_context_reaches_the_detector() {
        let scanner = Scanner::builder().region("NG").build().unwrap();
        let kinds = |t: &str| {
            scanner
                .scan(t)
                .into_iter()
                .map(|f| (t[f.range()].to_string(), f.kind))
                .collect::<Vec<_>>()
        };
        let one = |v: &str| vec![(v.to_string(), Kind::CryptoAddress)];
        assert_eq!(
            kinds("pay 0.05 BTC to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 abeg"),
            one("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
        );
        assert_eq!(
            kinds("USDT (ERC20): 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed."),
            one("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
        );
        assert_eq!(
            kinds("minha carteira bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, obrigado"),
            one("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
        );
        // A digit run just before the address joins its span.
        assert_eq!(
            kinds("amount 5 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
            one("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")
        );
        assert_eq!(
            kinds(
                "kirim ke dompet: bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
            ),
            one("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
        );
    }
}
