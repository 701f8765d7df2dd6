//! Adversarial inputs: huge, degenerate, malformed and hostile texts. Each
//! must be scanned and redacted without a panic, with memory bounded by a
//! small multiple of the input (measured by a counting allocator in this
//! test binary), and with redaction keeping its guarantees (text outside
//! findings byte for byte; redacting again changes nothing).
//!
//! Time is not asserted here (wall-clock tests are flaky on shared
//! machines): `benches/scaling.rs` shows that these inputs scan in linear
//! time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::OnceLock;

use piimask::{Finding, Kind, Region, Scanner};

/// Counts the bytes each thread has allocated and not yet freed, and the
/// peak of that count, so that tests running in parallel do not see each
/// other's allocations.
struct Counting;

thread_local! {
    static CURRENT: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    // `try_with`: a thread being torn down has no counters left.
    let _ = CURRENT.try_with(|c| {
        let now = c.get() + delta;
        c.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn size(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, so `System`'s guarantees hold; the counting only touches
// const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            track(size(layout.size()));
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc_zeroed`'s contract.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            track(size(layout.size()));
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) };
        track(-size(layout.size()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller upholds `realloc`'s contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            track(size(new_size) - size(layout.size()));
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the most memory it held at once
/// on this thread beyond what was allocated before.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = CURRENT.with(Cell::get);
    PEAK.with(|p| p.set(start));
    let value = f();
    let peak = PEAK.with(Cell::get) - start;
    (value, usize::try_from(peak).unwrap_or(0))
}

/// Memory a scan or redaction may hold: the redacted output (a digit
/// becomes a three-byte `•`) in a vector that grows by doubling, so up to
/// six times the input, plus the findings (each a `Finding` and its
/// normalized value, also in a doubling vector), plus fixed scratch space.
/// Anything beyond means a copy per candidate or worse.
fn memory_bound(input: usize, findings: &[Finding]) -> usize {
    let per_finding = 2 * std::mem::size_of::<Finding>() + 16;
    let normalized: usize = findings.iter().map(|f| f.normalized.len()).sum();
    INPUT_RATIO * input + per_finding * findings.len() + normalized + SLACK
}
const INPUT_RATIO: usize = 8;
/// Fixed costs: scratch buffers, lazily built per-region tables.
const SLACK: usize = 1 << 20;
/// Findings are at least three bytes long and need a separator between
/// them, so `memory_bound` is at most this multiple of the input.
const WORST_RATIO: usize = 64;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| {
        let s = Scanner::new();
        // First use builds lazily initialised tables; do it before measuring.
        for r in ["IN", "BR", "US", "DE"] {
            let _ = s.redact_with(
                "warm up +91 98765 43210 a@b.co",
                Some(Region::new(r).unwrap()),
            );
        }
        s
    })
}

/// Scans and redacts `text` (with and without a region hint), checking the
/// findings, the redaction, idempotence and the memory used; returns the
/// findings of the scan with region `IN`.
fn survive(name: &str, text: &[u8]) -> Vec<Finding> {
    // Megabytes take a while in debug builds: one region hint for those.
    let regions: &[Option<&str>] = if text.len() >= MB / 4 {
        &[Some("IN")]
    } else {
        &[None, Some("IN"), Some("BR"), Some("AR")]
    };
    survive_in(name, text, regions)
}

/// [`survive`] with these region hints.
fn survive_in(name: &str, text: &[u8], regions: &[Option<&str>]) -> Vec<Finding> {
    let scanner = scanner();
    let mut findings = Vec::new();
    for region in regions.iter().map(|r| r.map(|r| Region::new(r).unwrap())) {
        let ((), scan_peak) = peak_during(|| scanner.scan_into(text, region, &mut findings));
        check_findings(text, &findings);
        let mut scratch = Vec::new();
        let mut masked = Vec::new();
        let (result, redact_peak) =
            peak_during(|| scanner.redact_into(text, region, &mut scratch, &mut masked));
        result.unwrap_or_else(|e| panic!("{name}: redaction failed: {e}"));
        check_kept(name, text, &findings, &masked);
        let bound = memory_bound(text.len(), &findings);
        assert!(bound <= WORST_RATIO * text.len() + SLACK);
        println!(
            "{name} (region {region:?}): {} bytes, {} findings, peak scan {} B ({:.2}x), redact {} B ({:.2}x)",
            text.len(),
            findings.len(),
            scan_peak,
            scan_peak as f64 / text.len().max(1) as f64,
            redact_peak,
            redact_peak as f64 / text.len().max(1) as f64,
        );
        assert!(
            scan_peak <= bound,
            "{name}: scan held {scan_peak} bytes for {} of input",
            text.len()
        );
        assert!(
            redact_peak <= bound,
            "{name}: redact held {redact_peak} bytes for {} of input",
            text.len()
        );
        let mut twice = Vec::new();
        scanner
            .redact_into(&masked, region, &mut scratch, &mut twice)
            .unwrap();
        assert!(twice == masked, "{name}: redaction is not idempotent");
    }
    scanner.scan_into(text, Some(Region::new("IN").unwrap()), &mut findings);
    findings
}

fn check_findings(text: &[u8], findings: &[Finding]) {
    for f in findings {
        assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        assert!(std::str::from_utf8(&text[f.range()]).is_ok(), "{f:?}");
    }
    for w in findings.windows(2) {
        assert!(w[0].end <= w[1].start, "sorted and disjoint: {w:?}");
    }
}

/// Text outside findings is kept byte for byte, and every finding is
/// replaced by something other than itself.
fn check_kept(name: &str, text: &[u8], findings: &[Finding], masked: &[u8]) {
    let mut at = 0;
    let mut last = 0;
    for (i, f) in findings.iter().enumerate() {
        let gap = &text[last..f.start];
        assert!(
            masked[at..].starts_with(gap),
            "{name}: text before {f:?} changed"
        );
        at += gap.len();
        // The replacement's end, by its shape: as many characters as the
        // value, or `x•••@domain` for e-mails. It is valid UTF-8 of at most
        // four bytes per character of the value (plus `•••@`): decode only
        // that much, so the walk stays linear.
        let value = std::str::from_utf8(&text[f.range()]).unwrap();
        let window = &masked[at..masked.len().min(at + 4 * value.len() + 16)];
        let rest = window.utf8_chunks().next().map_or("", |c| c.valid());
        let len = if f.kind.is_address() {
            // Written with its `@` in brackets or spelled (`[at]`, `(@)`),
            // an address is masked as its normal form is.
            let plain_at = value.find('@').is_some_and(|at| {
                !value[..at]
                    .trim_end_matches(' ')
                    .ends_with(['[', '(', '{', '<'])
            });
            let written = if plain_at { value } else { &f.normalized };
            let domain = written.rsplit_once('@').unwrap().1;
            let end = rest.find('@').unwrap() + 1 + domain.len();
            assert!(rest[..end].ends_with(domain), "{name}: {f:?}");
            end
        } else {
            let n = value.chars().count();
            assert!(
                rest.chars().count() >= n,
                "{name}: replacement of {f:?} cut short"
            );
            rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i)
        };
        assert_ne!(
            &masked[at..at + len],
            value.as_bytes(),
            "{name}: finding {i} kept"
        );
        at += len;
        last = f.end;
    }
    assert_eq!(
        &masked[at..],
        &text[last..],
        "{name}: text after the last finding"
    );
}

fn repeat(piece: &str, total: usize) -> Vec<u8> {
    piece
        .as_bytes()
        .iter()
        .copied()
        .cycle()
        .take(total)
        .collect()
}

const MB: usize = 1 << 20;

#[test]
fn ten_megabytes_of_digits() {
    assert!(survive("10 MB of digits", &repeat("0123456789", 10 * MB)).is_empty());
    survive("10 MB of 9", &vec![b'9'; 10 * MB]);
}

#[test]
fn ten_megabytes_of_at_signs() {
    assert!(survive("10 MB of @", &vec![b'@'; 10 * MB]).is_empty());
    survive("10 MB of a@", &repeat("a@", 10 * MB));
}

/// Runs of single digits between groups (`98765 4 3 2 1 0`) are read a
/// few groups at a time: a megabyte of them, one numeric span, holds
/// memory bounded by the text, not by the groups.
#[test]
fn megabytes_of_single_digit_runs_between_groups() {
    survive("1 MB of 1 2 3 45", &repeat("1 2 3 45 ", MB));
    survive("1 MB of 9-8-7 65-", &repeat("9-8-7 65-", MB));
    survive("1 MB of 98765 4 3 2 1 0", &repeat("98765 4 3 2 1 0 ", MB));
}

/// An `@` and dots in brackets (`detect::bracketed`): every sign is read
/// back over a bounded local part and on over a bounded domain.
#[test]
fn megabytes_of_bracketed_signs() {
    assert!(survive("1 MB of [at]", &repeat("[at]", MB)).is_empty());
    assert!(survive("1 MB of (@)", &repeat("(@)", MB)).is_empty());
    survive("1 MB of a[at]b[dot]", &repeat("a[at]b[dot]", MB));
    survive("1 MB of x [dot] y [at] z", &repeat("x [dot] y [at] z ", MB));
    let found = survive(
        "1 MB of addresses in brackets",
        &repeat("ravi [at] gmail [dot] com, priya(at)example.in ", MB),
    );
    assert!(found.len() >= 2 * (MB / 48), "{}", found.len());
    // A long domain after every sign.
    let long = format!("u[at]{}com ", "ab.".repeat(120));
    survive("1 MB of long domains after a sign", &repeat(&long, MB));
}

#[test]
fn megabytes_of_list_bullets() {
    // Each a list bullet typed against a value (read through a copy with
    // the bullets as spaces), or bullets as a mask writes them.
    let found = survive("1 MB of •98765 43210", &repeat("•98765 43210\n", MB));
    assert!(found.len() >= MB / 16, "{}", found.len());
    survive("1 MB of • •x", &repeat("• •x", MB));
    survive("1 MB of bullets", &repeat("•", MB));
    survive("1 MB of •1", &repeat(" •1", MB));
}

#[test]
fn megabytes_of_signs_between_digits() {
    // Every numeric span opens a gap of signs: the reading runs over the
    // whole megabyte once, through one copy.
    survive("1 MB of 1*", &repeat("1*", MB));
    survive("1 MB of 9🔥", &repeat("9🔥", MB));
    survive("1 MB of 1...", &repeat("1...", MB));
    survive("1 MB of 98765 ✅ ", &repeat("98765 ✅ ", MB));
    survive("1 MB of _+9", &repeat("_+9", MB));
    let piece = "call 98765🔥43210 or 98765*43210, ok ";
    let found = survive("1 MB of numbers with signs", &repeat(piece, MB));
    assert!(found.len() >= 2 * (MB / piece.len()), "{}", found.len());
}

#[test]
fn one_megabyte_without_a_newline() {
    let line = "hey, call me on +91 98765 43210 or mail priya.r@example.in; order #48213977 ships 12/03/2024 ";
    let text = repeat(line, MB);
    assert!(!text.contains(&b'\n'));
    let findings = survive("1 MB line", &text);
    assert!(
        findings.len() >= 2 * (MB / line.len()),
        "{}",
        findings.len()
    );
}

#[test]
fn deeply_repeated_separators() {
    for piece in [
        "1-",
        "+(",
        ".",
        "1.",
        "1 ",
        "1  ",
        "(1)",
        "+1",
        "1/",
        "1:",
        ":",
        "::",
        "1::",
        "-",
        "  ",
        "１-",
        "٠-",
        "+ ",
        "@.",
        ".@",
        "a.",
        "1,",
        "+91 ",
        "00",
        // Numbers after dial-string pauses, without a space to stop a
        // look back.
        "1234567,,",
        // A list of numbers that a phone word names, each read back to the
        // ones before it.
        "Tel 2345678 / ",
        "2345678, ",
        "+91 9876543210, ",
        "23 / ",
        "(11) 3456-7890 / ",
        "Tanvi/9953921288 ",
        "CRN-0111-",
        "CM90",
        "PP# ",
        "1 1990 8 ",
    ] {
        survive(&format!("{piece:?} repeated"), &repeat(piece, MB / 4));
    }
    // Separators around a real number, then a long tail.
    let mut text = repeat("+(", MB / 2);
    text.extend_from_slice(b"+91 98765 43210");
    text.extend(repeat("-1", MB / 2));
    survive("separators around a number", &text);
}

/// The zero of every Unicode decimal-digit (`Nd`) block.
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

fn in_script(zero: u32, ascii: &str) -> String {
    ascii
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero + d).unwrap(),
            None => c,
        })
        .collect()
}

#[test]
fn every_unicode_digit_block() {
    let mut all = String::new();
    for &zero in DIGIT_ZEROS {
        for d in 0..10 {
            assert!(char::from_u32(zero + d).is_some_and(char::is_numeric));
        }
        let phone = in_script(zero, "+91 98765 43210");
        let text = format!(
            "call {phone} now, or {}",
            in_script(zero, "(011) 2345-6789")
        );
        let found = survive(&format!("digits from U+{zero:04X}"), text.as_bytes());
        assert!(
            found
                .iter()
                .any(|f| f.kind == Kind::Phone && f.normalized == "+919876543210"),
            "U+{zero:04X}: {found:?}"
        );
        all.push_str(&in_script(zero, "0123456789 "));
        all.push_str(&in_script(zero, "4111 1111 1111 1111, "));
    }
    // Long runs of each script, and of all scripts mixed in one number.
    let long: String = all.repeat(64);
    survive("every digit block, repeated", long.as_bytes());
    let mixed: String = DIGIT_ZEROS
        .iter()
        .cycle()
        .take(100_000)
        .enumerate()
        .map(|(i, &z)| char::from_u32(z + (i % 10) as u32).unwrap())
        .collect();
    survive("one number in every script", mixed.as_bytes());
}

#[test]
fn invalid_utf8_inside_a_phone_number() {
    let cases: &[&[u8]] = &[
        b"call +91 98765 \xff43210 now",
        b"call +91 987\xc3 65 43210 now",
        b"call +91 98765 4321\xe0\xa5",
        b"\xf0\x9f+91 98765 43210\xf0",
        b"+91 98765 43210\xed\xa0\x80 (surrogate)",
        b"mail priya\xff@example.in or pri\xc0ya@exa\x80mple.in",
        b"\xef\xbc\x91\xef\xbc 2345 6789",
    ];
    for (i, text) in cases.iter().enumerate() {
        let found = survive(&format!("invalid UTF-8 case {i}"), text);
        for f in &found {
            assert!(std::str::from_utf8(&text[f.range()]).is_ok());
        }
    }
    // An invalid byte splits the number: neither half is the whole number.
    let found = survive("split", b"call +91 98765 \xff43210 now");
    assert!(
        found.iter().all(|f| f.normalized != "+919876543210"),
        "{found:?}"
    );
    // Megabytes of invalid bytes with numbers between them.
    let mut text = Vec::new();
    while text.len() < MB {
        text.extend_from_slice(b"\xff\xfe+91 98765 43210\xc3\x28\x80");
    }
    survive("invalid bytes around numbers", &text);
}

#[test]
fn nul_bytes() {
    survive("NULs", &vec![0u8; MB]);
    let found = survive(
        "NUL-separated",
        b"call\0+91 98765 43210\0or\0priya@example.in\0",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    survive("NUL inside", b"+91\x0098765\x0043210 a\0@b.co");
    survive("NUL-heavy", &repeat("\x009\x00@\x00", MB));
}

#[test]
fn mixed_right_to_left_text() {
    let text = "اتصل بي على \u{202E}+971 50 123 4567\u{202C} أو \u{2067}٠٥٠١٢٣٤٥٦٧\u{2069} \
                \u{05D4}\u{05DE}\u{05E1}\u{05E4}\u{05E8} \u{200F}052-123-4567\u{200F} \
                \u{202B}mail: rahel@example.co.il\u{202C} \u{2066}+972 52 123 4567\u{2069} \
                \u{061C}٩٨٧٦٥ ٤٣٢١٠\u{061C} \u{202D}4111 1111 1111 1111\u{202C}";
    let found = survive("RTL with bidi controls", text.as_bytes());
    assert!(found.iter().any(|f| f.kind == Kind::Email), "{found:?}");
    assert!(found.iter().any(|f| f.kind == Kind::Phone), "{found:?}");
    // Bidi controls between every character.
    let spliced: String = "+971 50 123 4567 rahel@example.co.il"
        .chars()
        .flat_map(|c| [c, '\u{202E}'])
        .collect();
    survive("bidi control after every character", spliced.as_bytes());
    survive("RTL, 1 MB", text.repeat(MB / text.len()).as_bytes());
}

#[test]
fn invisible_characters_and_keycaps_everywhere() {
    // Every character followed by an invisible one or a keycap mark: the
    // copy without them is as long as the text, and the scan stays linear.
    for (name, piece) in [
        (
            "zero-width space after every digit",
            "9\u{200B}8\u{200B}7\u{200B} ",
        ),
        ("soft hyphens in addresses", "r\u{AD}a@e\u{AD}x.in "),
        (
            "keycaps and marks",
            "9\u{FE0F}\u{20E3}\u{202A}#\u{20E3}•\u{20E3}\u{2069}",
        ),
        (
            "invisible characters alone",
            "\u{200B}\u{2060}\u{FEFF}\u{61C}",
        ),
    ] {
        survive(name, piece.repeat(MB / piece.len()).as_bytes());
    }
}

#[test]
fn a_hundred_thousand_glued_emails() {
    let text = repeat("priya.r@example.in", 100_000 * 18);
    survive("100k glued e-mails", &text);
    let text = repeat("a@b.co", 100_000 * 6);
    survive("100k glued short e-mails", &text);
    let text = repeat("a@b.coa@", 100_000 * 8);
    survive("100k e-mails sharing letters", &text);
    let text = repeat("priya.r@example.in,", 100_000 * 19);
    let found = survive("100k e-mails, commas only", &text);
    assert_eq!(found.len(), 100_000);
}

#[test]
fn huge_numbers_of_findings() {
    let dense = [
        ("phones", "+91 98765 43210, "),
        ("e-mails", "a@b.co "),
        ("cards", "4111 1111 1111 1111, "),
        ("IPv4", "10.0.0.1, "),
        ("IPv6", "2001:db8::1, "),
        ("IBANs", "DE89370400440532013000 "),
        ("CPFs", "CPF 390.533.447-05 "),
        (
            "mixed",
            "+91 98765 43210, a@b.co 4111111111111111, 10.0.0.1; ",
        ),
    ];
    for (name, piece) in dense {
        let text = repeat(piece, MB);
        let found = survive(&format!("1 MB of {name}"), &text);
        let expected = text.len() / piece.len();
        assert!(
            found.len() >= expected,
            "{name}: {} of {expected}",
            found.len()
        );
    }
}

/// In an Argentine conversation the prefilter also stops at a `.` inside a
/// word, for transfer aliases (`alias: juan.perez.mp`): a megabyte of
/// aliases, of dotted words after `alias`, and of dots.
#[test]
fn a_megabyte_of_dots_in_an_argentine_conversation() {
    for (name, piece, aliases) in [
        ("aliases", "alias: juan.perez.mp ", 1),
        ("dotted words", "alias ab.cd.ef.gh.ij.kl.mn.op.qr.st ", 0),
        ("alias words", "alias alias.alias.", 1),
        ("dots", "a.", 0),
        (
            "dotted letters",
            "alias a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p ",
            0,
        ),
    ] {
        let text = repeat(piece, MB);
        survive_in(&format!("1 MB of {name}"), &text, &[Some("AR")]);
        let mut found = Vec::new();
        scanner().scan_into(&text, Some(Region::new("AR").unwrap()), &mut found);
        let found = found.iter().filter(|f| f.kind == Kind::ArCbuAlias).count();
        assert_eq!(found, aliases * (text.len() / piece.len()), "{name}");
    }
}

/// A region hint, a text, and what must be found in it.
type Case = (&'static str, &'static str, &'static [(Kind, &'static str)]);

/// The forms of issues #13 and #18 (cards with their expiry or CVV, numbers
/// of regions sharing a calling code, addresses next to `@`, numbers in
/// escaped and glued text), each found with its region hint and masked
/// idempotently, and each surviving dense repetition.
#[test]
fn leak_forms_of_issues_13_and_18() {
    use Kind::{CreditCard, IpAddress, Phone};
    let scanner = scanner();
    let cases: &[Case] = &[
        (
            "US",
            "card 4111111111111111 12/25",
            &[(CreditCard, "4111111111111111")],
        ),
        (
            "US",
            "my card is 4111 1111 1111 1111 123",
            &[(CreditCard, "4111 1111 1111 1111")],
        ),
        (
            "US",
            "amex 3782 822463 10005 1234",
            &[(CreditCard, "3782 822463 10005")],
        ),
        (
            "BR",
            "cartões 4111111111111111 5555555555554444",
            &[
                (CreditCard, "4111111111111111"),
                (CreditCard, "5555555555554444"),
            ],
        ),
        (
            "US",
            "UATP card 135410014004955",
            &[(CreditCard, "135410014004955")],
        ),
        (
            "MX",
            "tarjeta 6799990000000000003 vence 12/27",
            &[(CreditCard, "6799990000000000003")],
        ),
        (
            "ID",
            "bayar pakai kartu 7200123456789018",
            &[(CreditCard, "7200123456789018")],
        ),
        ("US", "(416) 979-1234", &[(Phone, "(416) 979-1234")]),
        ("US", "(876) 927-1234", &[(Phone, "(876) 927-1234")]),
        ("CA", "(415) 555-0132", &[(Phone, "(415) 555-0132")]),
        (
            "RU",
            "мой номер 8 (727) 272-45-67",
            &[(Phone, "8 (727) 272-45-67")],
        ),
        ("GB", "ring me on 01534 123456", &[(Phone, "01534 123456")]),
        ("US", "ssh root@203.0.113.5", &[(IpAddress, "203.0.113.5")]),
        (
            "US",
            "http://admin:pw@10.0.0.7/",
            &[(IpAddress, "10.0.0.7")],
        ),
        ("US", "192.168.2.1@eth0", &[(IpAddress, "192.168.2.1")]),
        ("US", "::192.168.1.1", &[(IpAddress, "::192.168.1.1")]),
        ("US", "fe80::1%eth0", &[(IpAddress, "fe80::1")]),
        (
            "CA",
            r"Phone:\n+1 306-454-2547\n",
            &[(Phone, "+1 306-454-2547")],
        ),
        ("FR", r"Fax: 03.78.31.72.77\n", &[(Phone, "03.78.31.72.77")]),
        ("ZA", "abc+27 10 123 4243", &[(Phone, "+27 10 123 4243")]),
        ("NL", "#+31 6 12345678", &[(Phone, "+31 6 12345678")]),
        (
            "FR",
            "USD+33 6 12 34 56 12",
            &[(Phone, "+33 6 12 34 56 12")],
        ),
        ("DE", "Tel.+49 1512 3456789", &[(Phone, "+49 1512 3456789")]),
        (
            "ZA",
            "+27 71 123 3517/+27 10 123 4243",
            &[(Phone, "+27 71 123 3517"), (Phone, "+27 10 123 4243")],
        ),
        (
            "JP",
            "090-1232-7175/+81 90-1234-5587",
            &[(Phone, "090-1232-7175"), (Phone, "+81 90-1234-5587")],
        ),
    ];
    for &(region, text, expected) in cases {
        let region = Some(Region::new(region).unwrap());
        let mut found = Vec::new();
        scanner.scan_into(text.as_bytes(), region, &mut found);
        let got: Vec<(Kind, &str)> = found
            .iter()
            .map(|f| (f.kind.clone(), &text[f.range()]))
            .collect();
        assert_eq!(got, expected, "{text}");
        let masked = scanner.redact_with(text, region).unwrap();
        for (_, value) in expected {
            assert!(!masked.contains(value), "{text} -> {masked}");
        }
        assert_eq!(
            scanner.redact_with(&masked, region).unwrap(),
            masked,
            "{text}"
        );
    }
    for piece in [
        "card 4111111111111111 12/25 ",
        "4111 1111 1111 1111 123 ",
        "4111111111111111 5555555555554444 ",
        "4111111111111111 ",
        "+27 71 123 3517/",
        "ssh root@203.0.113.5 ",
        "::192.168.1.1 ",
        r"Phone:\n+91 98765 43210\n",
        "abc+91 98765 43210",
        r"\n",
    ] {
        survive(&format!("{piece:?} repeated"), &repeat(piece, MB / 4));
    }
}
