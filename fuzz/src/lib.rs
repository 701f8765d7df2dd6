//! Shared pieces of the fuzz targets: the input format, the scanners, and
//! the invariants every scan and redaction must satisfy.
//!
//! Input format of the `scan` and `redact` targets: the first two bytes
//! pick the region hint (an ISO 3166 code such as `IN`; anything that is
//! not a known code means no hint), the rest is the text, any bytes. Seed
//! files therefore read as `INcall me on 98765 43210`.

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use piimask::{Finding, Kind, Region, Scanner};

/// A region hint and a text, read from the fuzzer's bytes.
#[derive(Debug)]
pub struct TextInput<'a> {
    /// The region hint for this call (`None`: no hint).
    pub region: Option<Region>,
    /// Any bytes.
    pub text: &'a [u8],
}

impl<'a> Arbitrary<'a> for TextInput<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let code = u.bytes(2.min(u.len()))?;
        let region = std::str::from_utf8(code)
            .ok()
            .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
            .and_then(|c| Region::new(c).ok());
        Ok(TextInput {
            region,
            text: u.bytes(u.len())?,
        })
    }

    fn arbitrary_take_rest(mut u: Unstructured<'a>) -> arbitrary::Result<Self> {
        Self::arbitrary(&mut u)
    }
}

/// A scanner for every registered kind, without a region hint (each call
/// passes its own).
pub fn all_kinds() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| Scanner::builder().build().expect("default scanner"))
}

/// A scanner for every registered kind that also reads values spelled out
/// as words (`nine eight seven …`, `ravi [at] gmail [dot] com`).
pub fn spelled_out() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| {
        Scanner::builder()
            .spelled_out(true)
            .build()
            .expect("spelled-out scanner")
    })
}

/// One scanner per registered kind, reporting that kind only, so that a
/// detector's findings are checked even where another kind would win the
/// overlap resolution.
pub fn single_kind() -> &'static [(Kind, Scanner)] {
    static S: OnceLock<Vec<(Kind, Scanner)>> = OnceLock::new();
    S.get_or_init(|| {
        all_kinds()
            .kinds()
            .map(|k| {
                let s = Scanner::builder()
                    .kinds([k.clone()])
                    .build()
                    .expect("single-kind scanner");
                (k.clone(), s)
            })
            .collect()
    })
}

/// Offsets in bounds, on character boundaries of valid UTF-8, non-empty,
/// sorted and disjoint; confidences in `0..=1`; only kinds the scanner
/// reports; phones normalized to `+` and digits (libphonenumber allows national
/// numbers of up to 17 digits, so E.164's 15 is not enforced).
pub fn check_findings(scanner: &Scanner, text: &[u8], findings: &[Finding]) {
    for f in findings {
        assert!(
            f.start < f.end && f.end <= text.len(),
            "span out of bounds: {f:?}"
        );
        assert!(
            std::str::from_utf8(&text[f.range()]).is_ok(),
            "span not valid UTF-8 on char boundaries: {f:?}"
        );
        assert!(
            f.confidence.is_finite() && (0.0..=1.0).contains(&f.confidence),
            "confidence: {f:?}"
        );
        assert!(
            scanner.kinds().any(|k| *k == f.kind),
            "kind not selected: {f:?}"
        );
        if f.kind == Kind::Phone {
            let digits = f.normalized.strip_prefix('+').expect("E.164 starts with +");
            assert!(
                (7..=20).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()),
                "phone not E.164: {f:?}"
            );
        }
    }
    for w in findings.windows(2) {
        assert!(w[0].end <= w[1].start, "not sorted and disjoint: {w:?}");
    }
}

/// Checks `masked` (the default masks) against `text` and its findings:
///
/// - every byte outside findings comes back unchanged, in order;
/// - an e-mail becomes its first character, `•••`, `@` and its domain;
/// - any other finding keeps its length in characters: separators stay,
///   each letter or digit stays or becomes `•`, at least one is hidden and
///   at most half stay visible;
/// - no occurrence of a finding's text (nor of a phone's E.164 digits) in
///   the output touches a replacement: a value never shows through its
///   mask, nor across the edge of one together with the text kept beside
///   it. Not checked: e-mail values, and occurrences within a shown e-mail
///   domain (the mask shows the domain by design; `a@b.coa@b.co` spells an
///   address from a domain and the text after it), values of fewer than
///   four letters and digits (they turn up in any shown tail: `8::8`), and
///   occurrences made only of characters shown where they stood in the
///   input (`AB 12 34 56 C5511…@s.whatsapp.net` keeps the e-mail's `C`: the
///   same characters were there, unfound, before masking; whether they
///   should have been found is a question of recall, not of masking).
pub fn check_redaction(text: &[u8], findings: &[Finding], masked: &[u8]) {
    let mut at = 0;
    let mut last = 0;
    // Where each replacement sits in the output, and where an e-mail's
    // shown domain starts in it.
    let mut replacements = Vec::with_capacity(findings.len());
    // For each output byte shown where it stood, its offset in the input.
    let mut origin = vec![usize::MAX; masked.len()];
    for f in findings {
        let gap = &text[last..f.start];
        assert!(
            masked[at..].starts_with(gap),
            "text before {f:?} not kept byte for byte"
        );
        for (k, o) in origin[at..at + gap.len()].iter_mut().enumerate() {
            *o = last + k;
        }
        at += gap.len();
        let value = std::str::from_utf8(&text[f.range()]).expect("finding is UTF-8");
        let n = replacement_len(f, value, &masked[at..], &mut origin[at..]);
        let domain = f
            .kind
            .is_address()
            .then(|| memchr::memchr(b'@', &masked[at..at + n]).map(|i| at + i))
            .flatten();
        replacements.push((at..at + n, domain));
        at += n;
        last = f.end;
    }
    assert_eq!(
        &masked[at..],
        &text[last..],
        "text after the last finding not kept"
    );
    for (k, o) in origin[at..].iter_mut().enumerate() {
        *o = last + k;
    }
    let shown_in_place = |p: usize, end: usize| {
        origin[p] != usize::MAX && (p..end).all(|q| origin[q] == origin[p] + (q - p))
    };

    for f in findings {
        let value = &text[f.range()];
        let meaningful = String::from_utf8_lossy(value)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            >= 4;
        if f.kind.is_address() || !meaningful {
            continue;
        }
        let mut needles = vec![value];
        if f.kind == Kind::Phone {
            needles.extend(f.normalized.strip_prefix('+').map(str::as_bytes));
        }
        for needle in needles.into_iter().filter(|n| !n.is_empty()) {
            let finder = memchr::memmem::Finder::new(needle);
            let mut from = 0;
            while let Some(p) = finder.find(&masked[from..]).map(|p| p + from) {
                let end = p + needle.len();
                let i = replacements.partition_point(|(r, _)| r.end <= p);
                let over_a_mask = replacements[i..]
                    .iter()
                    .take_while(|(r, _)| r.start < end)
                    .any(|(r, domain)| domain.is_none_or(|d| p.max(r.start) < d));
                assert!(
                    !over_a_mask || shown_in_place(p, end),
                    "{:?} of {f:?} shows in the output at {p}, over a replacement",
                    String::from_utf8_lossy(needle)
                );
                from = p + 1;
            }
        }
    }
}

/// Length in bytes of the replacement of `f` (text `value`) at the start of
/// `rest`, checking its shape; records in `origin` where each character it
/// shows stood in the input.
fn replacement_len(f: &Finding, value: &str, rest: &[u8], origin: &mut [usize]) -> usize {
    const BULLET: char = '•';
    // A UPI ID (`name@handle`) is masked as an e-mail address is.
    if f.kind.is_address() {
        // Written without an ASCII `@` (`%40`, `＠`, `[at]`) or with one in
        // brackets (`(@)`), an address is masked as its normal form is.
        let plain_at = value.find('@').is_some_and(|at| {
            !value[..at]
                .trim_end_matches(' ')
                .ends_with(['[', '(', '{', '<'])
        });
        let value = if plain_at {
            value
        } else {
            f.normalized.as_str()
        };
        let (local, domain) = value.rsplit_once('@').expect("e-mail or UPI ID has an @");
        let first = local.chars().next().expect("non-empty local part");
        let expected = format!("{first}{BULLET}{BULLET}{BULLET}@{domain}");
        assert!(
            rest.starts_with(expected.as_bytes()),
            "{f:?} not masked as first character, bullets, domain"
        );
        for (k, o) in origin[..first.len_utf8()].iter_mut().enumerate() {
            *o = f.start + k;
        }
        return expected.len();
    }
    let mut i = 0;
    let (mut total, mut visible) = (0usize, 0usize);
    for (from, original) in value.char_indices() {
        // One character: at most four bytes (decoding all of `rest` per
        // character would make the check quadratic).
        let got = rest[i..rest.len().min(i + 4)]
            .utf8_chunks()
            .next()
            .and_then(|chunk| chunk.valid().chars().next());
        let Some(got) = got else {
            panic!("replacement of {f:?} ends early or is not UTF-8")
        };
        let width = got.len_utf8();
        if got == original {
            for (k, o) in origin[i..i + width].iter_mut().enumerate() {
                *o = f.start + from + k;
            }
        }
        if original.is_alphanumeric() {
            total += 1;
            assert!(
                got == original || got == BULLET,
                "{got:?} replaces {original:?} in {f:?}"
            );
            visible += usize::from(got == original);
        } else {
            assert_eq!(got, original, "separator changed in {f:?}");
        }
        i += width;
    }
    assert!(
        total == 0 || visible < total,
        "nothing hidden in {f:?} ({visible} of {total} visible)"
    );
    assert!(
        visible <= total / 2,
        "more than half visible in {f:?} ({visible} of {total})"
    );
    i
}
