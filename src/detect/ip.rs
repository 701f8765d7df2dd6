//! IP addresses, version 4 and 6.
//!
//! An IP address identifies a subscriber's connection as well as a phone
//! number does, and customers paste them from router pages and error
//! screens. The forms are exact (RFC 791's dotted quad; RFC 4291 section
//! 2.2 for IPv6, of which RFC 5952's canonical form is one), so validation
//! is parsing; the work is in the boundaries:
//!
//! * IPv4: four decimal octets 0–255 without leading zeros (`010` is octal
//!   to some parsers and a typo to people), not part of a longer dotted
//!   number (`1.3.6.1.4.1`, OIDs, `1.2.3.4.5`) and not a version string
//!   (`v1.2.3.4`, `build 10.0.19041.1`). A port (`:8080`) or prefix length
//!   (`/24`) after it is not part of the address.
//! * IPv6: hex groups and colons, `::` compression, an embedded IPv4 tail
//!   (`::ffff:192.0.2.1`), any letter case. The scanner shows us numeric
//!   spans, which start at a digit, so we look back over hex letters and
//!   colons for the start of the token (`fe80::1` starts with letters) and
//!   forward for its end. Only the first numeric span of a token parses it,
//!   so an address with many digit runs costs one parse. Times (`10:30`),
//!   MAC addresses (six groups) and ratios fail the group count. A zone id
//!   (`fe80::1%eth0`) names an interface and is not part of the finding;
//!   an embedded IPv4 tail counts as two groups (`::192.168.1.1`).
//! * An `@` next to an IPv4 address is a login (`ssh root@203.0.113.5`,
//!   `http://admin:pw@10.0.0.7/`) or an interface (`192.168.2.1@eth0`):
//!   the address is reported (an e-mail address needs a domain with a
//!   top-level label of letters, so it never claims these).
//! * Loopback (`127.0.0.0/8`, `::1`) and unspecified (`0.0.0.0`, `::`)
//!   addresses, and their IPv4-mapped forms, are never reported: they
//!   point at no one's connection, whatever machine they are typed on.
//!   Neither do subnet masks (`255.255.255.0`) and the broadcast address.

use std::net::Ipv6Addr;

use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::{
    char_at, char_before, ends_with_ignore_case, is_alphanumeric, is_latin_letter, is_numeric,
};

/// The longest textual IPv6 address (`ffff:…:255.255.255.255`).
const MAX_V6: usize = 45;
const CONF_V4: f32 = 0.92;
const CONF_V6: f32 = 0.95;

/// Words after which a dotted quad is a version number.
const VERSION_WORDS: &[&[u8]] = &[
    b"version ",
    b"version: ",
    b"ver ",
    b"ver. ",
    b"build ",
    b"release ",
    b"firmware ",
    b"versao ",
    "versión ".as_bytes(),
    "versão ".as_bytes(),
    b"versione ",
    b"miui ",
    b"ios ",
    b"android ",
    b"oid ",
    // A browser's user agent (`Mozilla/5.0 (…; rv:1.9.6.20) Gecko/…`).
    b"rv:",
    b"update to ",
    b"updated to ",
    b"upgrade to ",
    b"upgraded to ",
];

/// Parses a dotted quad at exactly `s`. No leading zeros except `0`.
pub(crate) fn parse_ipv4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|&b| b == b'.');
    for octet in &mut out {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || !p.iter().all(u8::is_ascii_digit) {
            return None;
        }
        if p.len() > 1 && p[0] == b'0' {
            return None;
        }
        let v = p.iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
        *octet = u8::try_from(v).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// Parses an IPv6 address in any RFC 4291 textual form.
pub(crate) fn parse_ipv6(s: &[u8]) -> Option<Ipv6Addr> {
    if s.len() > MAX_V6 || !s.contains(&b':') {
        return None;
    }
    let s = std::str::from_utf8(s).ok()?;
    // The standard library's parser takes every RFC 4291 form (with and
    // without `::`, embedded IPv4) and rejects leading-zero octets in the
    // IPv4 tail; it also refuses groups of more than four hex digits.
    s.parse::<Ipv6Addr>().ok()
}

/// Whether an IPv4 address can point at someone's connection: not the
/// loopback network (127/8) nor the unspecified address (0.0.0.0), nor a
/// subnet mask (`255.255.255.0`, `255.255.240.0`: ones then zeros, as
/// router pages and `ip route` lines write them) or the broadcast address
/// `255.255.255.255`.
fn identifies_a_host_v4(octets: [u8; 4]) -> bool {
    let bits = u32::from_be_bytes(octets);
    let netmask = octets[0] == 255 && bits.leading_ones() + bits.trailing_zeros() == 32;
    octets[0] != 127 && octets != [0, 0, 0, 0] && !netmask
}

/// The same for IPv6: not `::1` nor `::`, nor an IPv4-mapped form of the
/// IPv4 ones (`::ffff:127.0.0.1`).
fn identifies_a_host_v6(addr: Ipv6Addr) -> bool {
    !addr.is_loopback()
        && !addr.is_unspecified()
        && addr
            .to_ipv4_mapped()
            .is_none_or(|v4| identifies_a_host_v4(v4.octets()))
}

fn is_hex_or_colon(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':'
}

/// The IP detector.
#[derive(Debug, Default)]
pub(crate) struct IpDetector;

impl IpDetector {
    /// Tries an IPv6 address whose token contains the digit at `d0`.
    fn ipv6(&self, text: &[u8], d0: usize, out: &mut Vec<Finding>) -> bool {
        // Back over hex digits, colons and (for an embedded IPv4 tail) dots.
        let mut start = d0;
        while start > 0 && d0 - start < MAX_V6 && is_hex_or_colon(text[start - 1]) {
            start -= 1;
        }
        // An earlier digit of the same token: its numeric span parsed it.
        if text[start..d0].iter().any(u8::is_ascii_digit) {
            return true;
        }
        // A lone colon before the address ends a label (`IP:2001:db8::1`,
        // as `IP:192.0.2.1` for IPv4): an address opens with a hex digit
        // or with `::`.
        if start < d0 && text[start] == b':' && text[start + 1] != b':' {
            start += 1;
        }
        let mut end = d0;
        while end < text.len()
            && end - start < MAX_V6
            && (is_hex_or_colon(text[end]) || text[end] == b'.')
        {
            end += 1;
        }
        // Every IPv6 address has two colons at least (`::`); a time
        // (`10:30`) has one.
        let token = &text[start..end];
        if token.iter().filter(|&&b| b == b':').count() < 2 {
            return false;
        }
        // Trailing sentence punctuation is not part of the address.
        let mut e = end;
        while e > start && matches!(text[e - 1], b'.' | b':') && !text[start..e].ends_with(b"::") {
            e -= 1;
        }
        if !free_standing(text, start, e) || parse_ipv6(&text[start..e]).is_none() {
            return false;
        }
        // "9018::" or "::1" in prose is not taken for an address: it needs
        // at least two non-empty groups (std already demands a full address,
        // which times and ratios never are). Glued to a mask bullet, it is
        // the kept tail of a masked value.
        // An embedded IPv4 tail is two groups' worth (`::192.168.1.1`).
        let groups: usize = text[start..e]
            .split(|&b| b == b':')
            .filter(|g| !g.is_empty())
            .map(|g| if g.contains(&b'.') { 2 } else { 1 })
            .sum();
        if groups < 2 || char_before(text, start).0 == Some(crate::policy::mask::BULLET) {
            return false;
        }
        // A compressed form of up to three groups, each of one or two
        // decimal digits, is a time or a ratio typed with a double colon (`10:30::`,
        // `12::34`), not an address.
        let clock_like = groups <= 3
            && text[start..e].windows(2).any(|w| w == b"::")
            && text[start..e]
                .split(|&b| b == b':')
                .filter(|g| !g.is_empty())
                .all(|g| g.len() <= 2 && g.iter().all(u8::is_ascii_digit));
        if clock_like {
            return false;
        }
        // Loopback and unspecified addresses (and their IPv4-mapped forms)
        // identify no one: the token is read, and not reported.
        if parse_ipv6(&text[start..e]).is_some_and(|a| !identifies_a_host_v6(a)) {
            return true;
        }
        out.push(Finding {
            kind: Kind::IpAddress,
            start,
            end: e,
            confidence: CONF_V6,
            normalized: String::from_utf8_lossy(&text[start..e]).to_ascii_lowercase(),
        });
        true
    }

    /// Tries a dotted quad starting at `d0`.
    fn ipv4(&self, text: &[u8], d0: usize, out: &mut Vec<Finding>) {
        let mut end = d0;
        while end < text.len() && (text[end].is_ascii_digit() || text[end] == b'.') {
            end += 1;
        }
        // Final dots end the sentence ("…", "...").
        let mut e = end;
        while e > d0 && text[e - 1] == b'.' {
            e -= 1;
        }
        let Some(octets) = parse_ipv4(&text[d0..e]) else {
            return;
        };
        if !identifies_a_host_v4(octets) {
            return;
        }
        // An `@` before or after is a user (`ssh root@203.0.113.5`,
        // `http://admin:pw@10.0.0.7/`) or an interface (`192.168.2.1@eth0`);
        // an e-mail address with such a local part is longer and wins.
        let before = char_before(text, d0).0;
        if matches!(before, Some(c) if glues(c) || matches!(c, '.' | '-' | '/' | '\\' | crate::policy::mask::BULLET))
        {
            return;
        }
        // An IPv6 tail (`::ffff:1.2.3.4`) is reported by the IPv6 path.
        if before == Some(':') && d0 >= 2 && is_hex_or_colon(text[d0 - 2]) {
            return;
        }
        let after = char_at(text, e).0;
        if after.is_some_and(|c| glues(c) || c == '-') {
            return;
        }
        let version_word = |w: &&[u8]| {
            ends_with_ignore_case(text, d0, w)
                && !char_before(text, d0 - w.len())
                    .0
                    .is_some_and(is_alphanumeric)
        };
        if VERSION_WORDS.iter().any(version_word) {
            return;
        }
        out.push(Finding {
            kind: Kind::IpAddress,
            start: d0,
            end: e,
            confidence: CONF_V4,
            normalized: String::from_utf8_lossy(&text[d0..e]).into_owned(),
        });
    }
}

/// Whether a character next to an address makes it part of a longer token:
/// a Latin letter, a digit of any script, `_`. Letters of scripts written
/// without spaces do not (`VPN gives 192.168.1.159お返事…`), as for phone
/// numbers.
fn glues(c: char) -> bool {
    is_latin_letter(c) || is_numeric(c) || c == '_'
}

/// Not glued to letters or digits, nor continuing a dotted or colon token.
fn free_standing(text: &[u8], start: usize, end: usize) -> bool {
    let before = char_before(text, start).0;
    let after = char_at(text, end).0;
    let glued = |c: Option<char>| c.is_some_and(glues);
    !glued(before)
        && !glued(after)
        && before != Some('.')
        && !matches!(after, Some('.') if text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric))
}

impl Detector for IpDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::IpAddress]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let end = span.end.min(text.len());
        // Most spans hold neither address shape: fewer than three dots in
        // the span (a dotted quad, whose dots are span separators, lies
        // inside one span), and no IPv6 colon near it. A colon ends a
        // numeric span, and an IPv6 group is at most four hex digits, so
        // every digit of an address has one of the address's colons within
        // four bytes on one side: the five bytes on either side of the span
        // hold it. (Hex letters right before a digit are no sign by
        // themselves: `0x5aAeb6053F…`, a wallet, is ten such spans.)
        // (Byte loops: spans are short, and memchr's set-up, which
        // `contains` calls, cost more than the search: callgrind.)
        let dotted = end - span.start >= "1.2.3.4".len() && {
            let mut dots = 0usize;
            for &b in &text[span.start..end] {
                dots += usize::from(b == b'.');
            }
            dots >= 3
        };
        let coloned = v6_colon_in(text, span.start.saturating_sub(5), span.start)
            || v6_colon_in(text, end, (end + 5).min(text.len()));
        if !dotted && !coloned {
            return;
        }
        // An address can start at any token of the span ("server 10
        // 2001:db8::1" is one numeric span): try each digit run that does
        // not continue a dotted or colon-separated token.
        for d0 in span.start..end {
            let starts_token = text[d0].is_ascii_digit()
                && (d0 == span.start
                    || !(text[d0 - 1].is_ascii_hexdigit() || matches!(text[d0 - 1], b'.' | b':')));
            if starts_token {
                self.try_at(text, d0, out);
            }
        }
    }
}

/// Whether `text[i]` is a colon that can belong to an IPv6 address: in one,
/// every colon is followed by a hex digit or a colon, or ends a `::`. A
/// label's colon (`Mob: (208) …`, `kyc: 784-…`), common next to numbers in
/// chat, is followed by a space and sends no span to the IPv6 parser.
/// Checked over `text[from..to]` with a plain loop: the windows are a few
/// bytes, and most hold no colon at all.
#[inline]
fn v6_colon_in(text: &[u8], from: usize, to: usize) -> bool {
    // Most windows hold no colon: one pass over the slice, without the
    // bounds checks of the indexed loop, says so. (`contains` goes through
    // memchr, whose set-up costs more on five bytes: callgrind.)
    #[allow(clippy::manual_contains)]
    if !text[from..to].iter().any(|&b| b == b':') {
        return false;
    }
    for i in from..to {
        if text[i] == b':'
            && (text
                .get(i + 1)
                .is_some_and(|&b| b.is_ascii_hexdigit() || b == b':')
                || (i > 0 && text[i - 1] == b':'))
        {
            return true;
        }
    }
    false
}

impl IpDetector {
    fn try_at(&self, text: &[u8], d0: usize, out: &mut Vec<Finding>) {
        // Cheap gates, one pass over a few bytes (memchr's set-up costs more
        // on slices this short): an IPv6 address has one of its colons
        // within five characters of its first digit (see `detect`); an IPv4
        // address starts with one to three digits and a dot.
        let colon = v6_colon_in(text, d0.saturating_sub(5), (d0 + 5).min(text.len()));
        if colon && self.ipv6(text, d0, out) {
            return;
        }
        let octet = text[d0..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if octet <= 3 && text.get(d0 + octet) == Some(&b'.') {
            self.ipv4(text, d0, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<String> {
        let scanner = crate::Scanner::builder()
            .kinds([Kind::IpAddress])
            .build()
            .unwrap();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| text[f.range()].to_string())
            .collect()
    }

    #[test]
    fn ipv4_forms() {
        assert_eq!(scan("router at 192.168.1.1 ok"), ["192.168.1.1"]);
        assert_eq!(scan("server 76.215.207.99."), ["76.215.207.99"]);
        assert_eq!(scan("rdp 10.0.0.254:3389"), ["10.0.0.254"]);
        assert_eq!(scan("net 10.0.0.0/8"), ["10.0.0.0"]);
        assert_eq!(scan("IP:8.8.8.8"), ["8.8.8.8"]);
        assert_eq!(scan("meine IP ist 71.46.158.5... danke"), ["71.46.158.5"]);
        assert_eq!(
            scan("0.0.1.0 and 255.255.254.255"),
            ["0.0.1.0", "255.255.254.255"]
        );
    }

    /// #18: addresses next to `@`, `:` credentials, zone ids and in
    /// `::a.b.c.d`.
    #[test]
    fn addresses_in_logins_urls_and_embedded_forms() {
        assert_eq!(scan("ssh root@203.0.113.5"), ["203.0.113.5"]);
        assert_eq!(scan("http://admin:pw@10.0.0.7/"), ["10.0.0.7"]);
        assert_eq!(scan("ping 192.168.2.1@eth0"), ["192.168.2.1"]);
        assert_eq!(
            scan("scp file deploy@198.51.100.23:/srv"),
            ["198.51.100.23"]
        );
        assert_eq!(scan("ip fe80::1%eth0 ok"), ["fe80::1"]);
        assert_eq!(
            scan("fe80::1ff:fe23:4567:890a%3"),
            ["fe80::1ff:fe23:4567:890a"]
        );
        assert_eq!(scan("addr ::192.168.1.1 here"), ["::192.168.1.1"]);
        assert_eq!(scan("addr ::ffff:192.0.2.1 here"), ["::ffff:192.0.2.1"]);
        // The whole scanner: no e-mail address is read in these.
        let scanner = crate::Scanner::new();
        for (text, ip) in [
            ("ssh root@203.0.113.5", "203.0.113.5"),
            ("http://admin:pw@10.0.0.7/", "10.0.0.7"),
            ("192.168.2.1@eth0", "192.168.2.1"),
        ] {
            let found = scanner.scan(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(
                (found[0].kind.clone(), &text[found[0].range()]),
                (Kind::IpAddress, ip)
            );
        }
        // An e-mail address whose domain is a host name stays one.
        let found = scanner.scan("mail root@203.0.113.5.nip.io");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Email);
    }

    /// Loopback and unspecified addresses, in either version, are not
    /// reported (documented in docs/detection.md).
    #[test]
    fn loopback_and_unspecified_are_not_reported() {
        for t in [
            "127.0.0.1",
            "127.10.20.30",
            "0.0.0.0",
            "::1",
            "0:0:0:0:0:0:0:1",
            "::ffff:127.0.0.1",
            "::ffff:0.0.0.0",
            "::0.0.0.0",
            "0:0:0:0:0:0:0:0",
            "ssh root@127.0.0.1",
        ] {
            assert!(scan(&format!("host {t} up")).is_empty(), "{t}");
        }
        assert_eq!(scan("127.0.0.1 and 10.0.0.1"), ["10.0.0.1"]);
        // Subnet masks and the broadcast address name no host.
        for t in [
            "255.255.255.0",
            "255.255.255.128",
            "255.255.240.0",
            "255.0.0.0",
            "255.255.255.255",
        ] {
            assert!(scan(&format!("mask {t} ok")).is_empty(), "{t}");
        }
        assert_eq!(
            scan("ip route 10.0.0.0 255.0.0.0 20.0.0.2"),
            ["10.0.0.0", "20.0.0.2"]
        );
    }

    #[test]
    fn ipv4_hard_negatives() {
        for t in [
            "1.2.3.4.5",
            "oid 1.3.6.1.4.1.311",
            "v1.2.3.4",
            "version 1.2.3.4",
            "Mozilla/5.0 (X11; Linux x86_64; rv:1.9.5.20) Gecko/20100101",
            "update to 2.3.4.5 please",
            "upgraded to 10.1.2.3 yesterday",
            "Version: 1.2.3.4",
            "build 10.0.19041.1",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3",
            "price 1.234.567.890",
            "12.03.2024",
            "a1.2.3.4",
            "1.2.3.4a",
            "1.2.3.4.",
        ] {
            let found = scan(t);
            assert!(found.is_empty() || t == "1.2.3.4.", "{t}: {found:?}");
        }
        // A sentence-final dot is punctuation.
        assert_eq!(scan("1.2.3.4."), ["1.2.3.4"]);
    }

    /// Text of scripts written without spaces may touch an address.
    #[test]
    fn addresses_glued_to_cjk_text() {
        assert_eq!(
            scan("VPN gives 192.168.1.159お返事お待ちしております"),
            ["192.168.1.159"]
        );
        assert_eq!(scan("服务器地址10.20.30.40请检查"), ["10.20.30.40"]);
        assert_eq!(
            scan("IPv6: fe80::fdbf:fb95:930eよろしくお願いします"),
            ["fe80::fdbf:fb95:930e"]
        );
        // Digits of any script still glue.
        assert!(scan("192.168.1.1٣").is_empty());
    }

    #[test]
    fn ipv6_forms() {
        for ip in [
            "2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001",
            "2001:DB8:85A3::8A2E:370:7334",
            "fe80::1",
            "::",
            "::ffff:192.0.2.1",
            "64:ff9b::198.51.100.7",
            "2001:db8:0:0:1:0:0:1",
            "1:2:3:4:5:6:7::",
        ] {
            let text = format!("addr {ip} here");
            if ip == "::" {
                // A bare `::` has no digit: the scanner never looks.
                assert!(scan(&text).is_empty());
                continue;
            }
            assert_eq!(scan(&text), [ip.to_string()], "{ip}");
        }
        // After a label's colon, glued or spaced: the label's colon is
        // no sign of an address, the address's own colons are.
        for (text, ip) in [
            ("IP:2001:db8::1", "2001:db8::1"),
            ("ip: ::ffff:192.0.2.1", "::ffff:192.0.2.1"),
            ("gw:fe80::1:2 ok", "fe80::1:2"),
            ("Mob: 2001:db8:85a3::7334", "2001:db8:85a3::7334"),
        ] {
            assert_eq!(scan(text), [ip.to_string()], "{text}");
        }
        // After another number in the same span.
        assert_eq!(scan("server 10 2001:db8::1 down"), ["2001:db8::1"]);
        assert_eq!(scan("call 12 192.168.1.20 now"), ["192.168.1.20"]);
        // One group is a loopback or a prefix, not a host: not reported.
        for ip in ["::1", "fe80::", "9018::"] {
            assert!(scan(&format!("addr {ip} here")).is_empty(), "{ip}");
        }
        assert_eq!(scan("[2001:db8::1]:443"), ["2001:db8::1"]);
        assert_eq!(scan("ip fe80::1%eth0"), ["fe80::1"]);
        assert_eq!(scan("see 2001:db8::1."), ["2001:db8::1"]);
    }

    #[test]
    fn ipv6_hard_negatives() {
        for t in [
            "at 10:30 pm",
            "10:30:45",
            "mac 00:1a:2b:3c:4d:5e",
            "ratio 3:2",
            "2001:db8:::1",
            "1:2:3:4:5:6:7:8:9",
            "12345::1",
            "2001:db8::g1",
            "x2001:db8::1",
            // A time or a ratio with a double colon.
            "at 10:30:: ok",
            "ratio 12::34",
            "10:30:45::",
        ] {
            assert!(scan(t).is_empty(), "{t}: {:?}", scan(t));
        }
    }

    #[test]
    fn parsers() {
        assert_eq!(parse_ipv4(b"1.2.3.4"), Some([1, 2, 3, 4]));
        assert_eq!(parse_ipv4(b"1.2.3.04"), None);
        assert_eq!(parse_ipv4(b"1..3.4"), None);
        assert_eq!(parse_ipv4(b"1.2.3.4.5"), None);
        assert_eq!(parse_ipv4(b"1000.2.3.4"), None);
        assert!(parse_ipv6(b"::ffff:1.2.3.4").is_some());
        assert!(parse_ipv6(b"::ffff:1.2.3.04").is_none());
        assert!(parse_ipv6(b"1.2.3.4").is_none());
    }

    #[test]
    fn survives_any_bytes() {
        let d = IpDetector;
        for t in [
            &b"fe80::1\xff"[..],
            b"\xe4:1.2.3.4",
            b"1.",
            b":1",
            b"::\xff1.2.3.4",
        ] {
            let ctx = Context::new(t, None);
            for s in 0..t.len() {
                for e in s..=t.len() {
                    d.detect(&ctx, Span { start: s, end: e }, &mut Vec::new());
                }
            }
        }
    }
}
