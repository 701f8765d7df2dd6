//! An invalid UTF-8 byte is a hard boundary: no finding spans one, and no
//! context (keywords, vetoes, glue checks, mask bullets) is read across
//! one. Scanning a byte string finds exactly what scanning each of its
//! valid stretches alone finds, offsets shifted.

use piimask::{Finding, Region, Scanner};
use proptest::prelude::*;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::new)
}

fn scan(text: &[u8], region: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    scanner().scan_into(text, Some(Region::new(region).unwrap()), &mut out);
    out
}

/// Values with the words and signs around them that context reads:
/// keywords, vetoes, `#`, letters glued on, mask bullets.
const PIECES: &[&str] = &[
    "+91 98765 43210",
    "98765 43210",
    "order #98765 43210",
    "(011) 2345-6789",
    "rahul.s+x@example.co.in",
    "card 4111 1111 1111 1111",
    "IBAN DE89 3704 0044 0532 0130 00",
    "＋８１ ９０ １２３４ ５６７８",
    "\u{2069}",
    "router at 192.168.1.1 ok",
    "my SSN is 536-90-4399 ok",
    "CPF 390.533.447-05",
    "Aadhaar 2341 2341 2346",
    "PAN: ABCPE1234F.",
    "mój PESEL to 44051401359",
    "mijn BSN is 123456782",
    "NI number AB 12 34 56 C",
    "身份证号码：11010519491231002X",
    "NIK KTP 3171234512850001",
    "invoice no 4111111111111111",
    "OTP 123456",
    "ref ABC98765 43210x",
    "•••• 1111",
    "call me at 020 7946 0958 pls",
    "Phone:\\n+1 306 555 0199",
    "آدرس ۰۹۱۲۳۴۵۶۷۸۹",
    " ",
    "\n",
    ", ",
];

/// Bytes that are never valid UTF-8 where they are put (a lone
/// continuation byte, a truncated sequence, an encoded surrogate, an
/// overlong form, a code point above U+10FFFF); inserting one inside a
/// character makes that character invalid too.
const INVALID: &[&[u8]] = &[
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3",
    b"\xe0\xa5",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf4\x90\x80\x80",
];

const REGIONS: &[&str] = &["IN", "US", "GB", "BR", "PL", "NL", "CN", "IR"];

/// The findings of each valid stretch scanned alone, shifted to their
/// place in `text`, and the text redacted stretch by stretch.
fn per_stretch(text: &[u8], region: Option<Region>) -> (Vec<Finding>, Vec<u8>) {
    let (mut found, mut redacted) = (Vec::new(), Vec::new());
    let (mut scratch, mut masked) = (Vec::new(), Vec::new());
    let mut offset = 0;
    for chunk in text.utf8_chunks() {
        let stretch = chunk.valid().as_bytes();
        scanner().scan_into(stretch, region, &mut scratch);
        found.extend(scratch.drain(..).map(|mut f| {
            f.start += offset;
            f.end += offset;
            f
        }));
        scanner()
            .redact_into(stretch, region, &mut scratch, &mut masked)
            .unwrap();
        redacted.extend_from_slice(&masked);
        redacted.extend_from_slice(chunk.invalid());
        offset += stretch.len() + chunk.invalid().len();
    }
    (found, redacted)
}

fn message() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 1..8),
        prop::collection::vec(
            (any::<prop::sample::Index>(), prop::sample::select(INVALID)),
            1..5,
        ),
    )
        .prop_map(|(pieces, invalid)| {
            let mut text = pieces.join(" ").into_bytes();
            for (at, bytes) in invalid {
                let at = at.index(text.len() + 1);
                text.splice(at..at, bytes.iter().copied());
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn whole_equals_stretches(text in message(), region in prop::sample::select(REGIONS), hinted in any::<bool>()) {
        let region = hinted.then(|| Region::new(region).unwrap());
        let (expected, expected_redacted) = per_stretch(&text, region);
        let mut found = Vec::new();
        scanner().scan_into(&text, region, &mut found);
        prop_assert_eq!(&found, &expected, "{:?}", String::from_utf8_lossy(&text));
        let mut redacted = Vec::new();
        scanner().redact_into(&text, region, &mut found, &mut redacted).unwrap();
        prop_assert_eq!(redacted, expected_redacted);
    }
}

/// An invisible character inside a character's bytes (`EF BC` + U+2069 +
/// `95`): the marks copy must not drop it and join the bytes around it
/// into a full-width digit the text does not hold (found by fuzzing).
#[test]
fn an_invisible_character_does_not_join_the_bytes_around_it() {
    let mut text = "JP 0 ０９０-１２３４-５６７８ まで ＋８１ ９０ １２３４ "
        .as_bytes()
        .to_vec();
    text.extend_from_slice(b"\xef\xbc\xe2\x81\xa9\x95");
    text.extend_from_slice("６７８".as_bytes());
    for region in [None, Some(Region::new("JP").unwrap())] {
        let mut found = Vec::new();
        scanner().scan_into(&text, region, &mut found);
        for f in &found {
            assert!(std::str::from_utf8(&text[f.range()]).is_ok(), "{f:?}");
        }
        assert_eq!(found, per_stretch(&text, region).0);
    }
}

#[test]
fn a_veto_before_an_invalid_byte_does_not_reach_the_number() {
    assert!(scan(b"#98765 43210", "IN").is_empty(), "order-number veto");
    let found = scan(b"#\xff98765 43210", "IN");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].start, found[0].end), (2, 13));
    assert_eq!(found[0].normalized, "+919876543210");
}

#[test]
fn a_keyword_before_an_invalid_byte_does_not_name_the_number() {
    // A bare PESEL passes its checksum only; its keyword raises the score.
    let confidence = |text: &[u8]| {
        let found = scan(text, "PL");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind.name(), "pl_pesel");
        assert_eq!(&text[found[0].range()], b"44051401359");
        found[0].confidence
    };
    let bare = confidence(b"44051401359");
    assert!(confidence("PESEL 44051401359".as_bytes()) > bare);
    assert_eq!(confidence(b"PESEL \xff44051401359"), bare);
    assert_eq!(confidence(b"PESEL\xff 44051401359"), bare);
    assert_eq!(confidence(b"PES\xffEL 44051401359"), bare);
}

/// The numbers found before an invalid byte are not the ones a detector
/// after it asks about: a number after `12/` is glued to the date, and
/// was read as the second of two numbers listed with a slash when a phone
/// before the invalid byte ended at the offset into the text that the
/// `/` has into its stretch (found by the stream property test).
#[test]
fn the_numbers_before_an_invalid_byte_list_nothing_after_it() {
    for (before, after) in [
        (&b"98765 43210"[..], &b"yyyyyyyy 12/2712387654"[..]),
        (b"wa.me/919876543210", b"yyyyyyyyyyyyyyy 12/2712387654"),
    ] {
        assert!(scan(after, "IN").is_empty(), "{after:?}");
        let text = [before, b"\x80", after].concat();
        let found = scan(&text, "IN");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].end, before.len(), "{found:?}");
    }
}
