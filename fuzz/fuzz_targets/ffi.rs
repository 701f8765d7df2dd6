//! Drives the C ABI with arbitrary sequences of calls: arbitrary bytes,
//! lengths (a prefix of a buffer, or NULL with any length), NULL pointers
//! for every argument, unknown or non-UTF-8 regions and roles, indices out
//! of range, reused result objects. Checks, call by call:
//!
//! - the status is a valid one; success exactly when every argument is
//!   valid and the Rust API succeeds on the same input;
//! - on failure, out-parameters are untouched (fail closed) and reusable
//!   result objects are empty;
//! - on success, the results equal what the Rust API gives (findings,
//!   redacted bytes, per message for batches);
//! - `piimask_last_error` never holds the text that was scanned.
//!
//! Every object is freed at the end, so LeakSanitizer sees any leak.
#![no_main]

use std::ffi::{c_char, CStr, CString};
use std::ptr;
use std::sync::{Arc, OnceLock};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use piimask::ffi::*;
use piimask::policy::Key;
use piimask::{Config, Finding, Region, Scanner};

/// Chat lines dense in findings, so calls find something without the
/// fuzzer having to invent a valid phone number first.
const SAMPLES: &[&[u8]] = &[
    b"call me +91 98765 43210 or priya.r@example.in, order #48213977",
    b"card 4111 1111 1111 1111 iban DE89 3704 0044 0532 0130 00 ip 10.0.0.1",
    b"CPF 390.533.447-05, zap (11) 98765-4321, Priya Raman, TKT-1234",
    b"\xff+91 98765\x00 43210 \xc3 a@b.co",
    "\u{202E}+44 20 7946 0958\u{202C} \u{0660}\u{0661}\u{0660}\u{0660}\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}\u{0666}\u{0667}".as_bytes(),
    b"",
];

const REGIONS: &[&str] = &["IN", "BR", "US", "GB", "DE", "AR", "in", "ZZ", "I", "INDIA"];
const ROLES: &[&str] = &[
    "agent",
    "supervisor",
    "compliance",
    "export",
    "bot",
    "",
    "nobody",
];

/// The scanners every input may use, built once; `None` stands for NULL.
struct Fixed(Vec<(*mut piimask_scanner, Arc<Scanner>)>);
// SAFETY: scanners are immutable and documented as usable from any
// thread; the pointers are never freed.
unsafe impl Send for Fixed {}
// SAFETY: as above.
unsafe impl Sync for Fixed {}

const KEY: [u8; 32] = [7; 32];

const CONFIGS: &[(&str, bool)] = &[
    (r#"{"region":"IN"}"#, false),
    ("{}", false),
    (
        r#"{"region":"BR","kinds":["phone","email","br_cpf","credit_card"]}"#,
        false,
    ),
    (r#"{"region":"IN","policy":{"default_role":"agent"}}"#, true),
    (
        r#"{"custom":[{"kind":"customer_name","terms":["Priya Raman"]},{"kind":"ticket","pattern":"TKT-[0-9]{4}"}]}"#,
        false,
    ),
];

/// Builds a scanner through the C ABI and the same one in Rust.
fn build(
    config: &[u8],
    key: Option<&[u8]>,
) -> (piimask_status, *mut piimask_scanner, Option<Scanner>) {
    let sentinel = ptr::NonNull::<piimask_scanner>::dangling().as_ptr();
    let mut out = sentinel;
    // SAFETY: valid buffers of the given lengths; `out` writable.
    let status = unsafe {
        match key {
            None => piimask_scanner_new(config.as_ptr().cast(), config.len(), &mut out),
            Some(k) => piimask_scanner_new_with_key(
                config.as_ptr().cast(),
                config.len(),
                k.as_ptr(),
                k.len(),
                &mut out,
            ),
        }
    };
    let rust = std::str::from_utf8(config)
        .ok()
        .and_then(|json| Config::from_json(json).ok())
        .and_then(|c| {
            let mut b = Scanner::builder().config(&c);
            if let Some(k) = key {
                b = b.key(Key::new(k).ok()?);
            }
            b.build().ok()
        });
    check_status(status);
    if status == piimask_status::Ok {
        assert!(!out.is_null() && out != sentinel);
        assert!(rust.is_some(), "C ABI built a scanner the Rust API refuses");
    } else {
        assert_eq!(out, sentinel, "out written on failure");
        assert!(
            rust.is_none(),
            "C ABI refused a configuration the Rust API takes: {status:?}"
        );
    }
    (status, out, rust)
}

fn fixed() -> &'static Fixed {
    static F: OnceLock<Fixed> = OnceLock::new();
    F.get_or_init(|| {
        Fixed(
            CONFIGS
                .iter()
                .map(|(json, keyed)| {
                    let key = keyed.then_some(&KEY[..]);
                    let (_, ptr, rust) = build(json.as_bytes(), key);
                    (ptr, Arc::new(rust.expect("fixed configurations are valid")))
                })
                .collect(),
        )
    })
}

fn check_status(status: piimask_status) {
    // A value that is not a status would print as "unknown status".
    // SAFETY: returns a static C string.
    let message = unsafe { CStr::from_ptr(piimask_status_message(status as u32)) };
    assert_ne!(message.to_bytes(), b"unknown status", "{status:?}");
}

#[derive(Arbitrary, Debug)]
enum TextArg {
    /// NULL with this length (0: the empty text; otherwise an error).
    Null(u8),
    /// One of `SAMPLES`.
    Sample(u8),
    /// These bytes, or a prefix of them.
    Bytes(Vec<u8>, Option<u16>),
}

impl TextArg {
    /// The pointer and length to pass, and the bytes they denote (`None`
    /// for an invalid NULL).
    fn resolve(&self) -> (*const u8, usize, Option<&[u8]>) {
        match self {
            TextArg::Null(0) => (ptr::null(), 0, Some(&[])),
            TextArg::Null(n) => (ptr::null(), usize::from(*n), None),
            TextArg::Sample(i) => {
                let s = SAMPLES[usize::from(*i) % SAMPLES.len()];
                (s.as_ptr(), s.len(), Some(s))
            }
            TextArg::Bytes(b, cut) => {
                let n = cut.map_or(b.len(), |c| usize::from(c).min(b.len()));
                (b.as_ptr(), n, Some(&b[..n]))
            }
        }
    }
}

#[derive(Arbitrary, Debug)]
enum StrArg {
    Null,
    Known(u8),
    /// Any bytes up to the first NUL.
    Raw(Vec<u8>),
}

impl StrArg {
    fn to_c(&self, known: &[&str]) -> Option<CString> {
        match self {
            StrArg::Null => None,
            StrArg::Known(i) => Some(CString::new(known[usize::from(*i) % known.len()]).unwrap()),
            StrArg::Raw(b) => {
                let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
                Some(CString::new(&b[..end]).unwrap())
            }
        }
    }
}

fn c_ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// What the C ABI makes of a region argument (`Err`: the call fails).
fn expected_region(arg: &Option<CString>, default: Option<Region>) -> Result<Option<Region>, ()> {
    match arg {
        None => Ok(default),
        Some(c) if c.as_bytes().is_empty() => Ok(None),
        Some(c) => {
            let code = c.to_str().map_err(|_| ())?;
            Region::new(code).map(Some).map_err(|_| ())
        }
    }
}

/// What the C ABI makes of a role argument (`Err`: the call fails).
fn expected_role(arg: &Option<CString>) -> Result<Option<&str>, ()> {
    match arg {
        None => Ok(None),
        Some(c) => c.to_str().map(Some).map_err(|_| ()),
    }
}

#[derive(Arbitrary, Debug)]
enum Op {
    NewScanner {
        config: Option<Vec<u8>>,
        key: Option<Vec<u8>>,
    },
    Scan {
        scanner: u8,
        text: TextArg,
        region: StrArg,
        null_out: bool,
    },
    ScanInto {
        scanner: u8,
        text: TextArg,
        region: StrArg,
        read: bool,
    },
    ScanBatch {
        scanner: u8,
        texts: Vec<TextArg>,
        null_texts: bool,
        region: StrArg,
    },
    Redact {
        scanner: u8,
        text: TextArg,
        region: StrArg,
        role: StrArg,
    },
    RedactInto {
        scanner: u8,
        text: TextArg,
        region: StrArg,
        role: StrArg,
        read: bool,
    },
    RedactBatch {
        scanner: u8,
        texts: Vec<TextArg>,
        region: StrArg,
        role: StrArg,
    },
    ScanPacked {
        scanner: u8,
        text: TextArg,
        region: StrArg,
        words: u8,
        bytes: u8,
    },
    RedactTo {
        scanner: u8,
        text: TextArg,
        region: StrArg,
        role: StrArg,
        cap: u16,
        null_len: bool,
    },
    BytesSet {
        data: TextArg,
    },
    LastError {
        cap: u8,
        null_buf: bool,
    },
    Names {
        scanner: u8,
        code: u32,
        name: StrArg,
    },
}

/// Objects of one input, freed at the end.
#[derive(Default)]
struct State {
    scanners: Vec<(*mut piimask_scanner, Arc<Scanner>)>,
    findings: Option<*mut piimask_findings>,
    bytes: Option<*mut piimask_bytes>,
    /// Every text scanned or redacted, to look for in error messages.
    texts: Vec<Vec<u8>>,
}

impl State {
    /// The scanner at `i`: a fixed one, one built by this input, or NULL.
    fn scanner(&self, i: u8) -> (*const piimask_scanner, Option<Arc<Scanner>>) {
        let fixed = &fixed().0;
        let i = usize::from(i);
        let found = if i < fixed.len() {
            Some(&fixed[i])
        } else {
            self.scanners.get(i - fixed.len())
        };
        found.map_or((ptr::null(), None), |(p, s)| {
            (p.cast_const(), Some(Arc::clone(s)))
        })
    }

    fn findings_object(&mut self) -> *mut piimask_findings {
        *self.findings.get_or_insert_with(|| {
            let mut f = ptr::null_mut();
            // SAFETY: writable out-pointer.
            assert_eq!(unsafe { piimask_findings_new(&mut f) }, piimask_status::Ok);
            f
        })
    }

    fn bytes_object(&mut self) -> *mut piimask_bytes {
        *self.bytes.get_or_insert_with(|| {
            let mut b = ptr::null_mut();
            // SAFETY: writable out-pointer.
            assert_eq!(unsafe { piimask_bytes_new(&mut b) }, piimask_status::Ok);
            b
        })
    }

    /// After a failed call: the thread's last error names no scanned text.
    fn check_last_error(&self) {
        let mut buf = vec![0u8; 1024];
        // SAFETY: `buf` has `cap` writable bytes.
        let n = unsafe { piimask_last_error(buf.as_mut_ptr().cast(), buf.len()) };
        let message = &buf[..n.min(buf.len() - 1)];
        assert_eq!(
            buf[n.min(buf.len() - 1)],
            0,
            "last error not NUL-terminated"
        );
        for text in &self.texts {
            if text.len() >= 8 {
                assert!(
                    !message.windows(text.len()).any(|w| w == &text[..]),
                    "last error holds scanned text"
                );
            }
        }
    }
}

impl Drop for State {
    fn drop(&mut self) {
        // SAFETY: each object came from its constructor and is freed once.
        unsafe {
            for (s, _) in self.scanners.drain(..) {
                piimask_scanner_free(s);
            }
            if let Some(f) = self.findings.take() {
                piimask_findings_free(f);
            }
            if let Some(b) = self.bytes.take() {
                piimask_bytes_free(b);
            }
        }
    }
}

/// The findings the C ABI gave, against the Rust API's.
fn same_findings(rust_scanner: &Scanner, c: &[piimask_finding], rust: &[Finding]) {
    assert_eq!(c.len(), rust.len(), "finding count");
    for (c, r) in c.iter().zip(rust) {
        assert_eq!(c.kind, rust_scanner.kind_code(&r.kind).unwrap_or(0));
        assert_eq!((c.start, c.end), (r.start, r.end));
        assert_eq!(c.confidence.to_bits(), r.confidence.to_bits());
        assert!(!c.normalized.is_null());
        // SAFETY: `normalized_len` bytes at `normalized`, borrowed from a
        // live findings object.
        let normalized = unsafe { std::slice::from_raw_parts(c.normalized, c.normalized_len) };
        assert_eq!(normalized, r.normalized.as_bytes());
    }
}

/// `count` findings at `items` (NULL when there are none).
fn items<'a>(items: *const piimask_finding, count: usize) -> &'a [piimask_finding] {
    if count == 0 {
        return &[];
    }
    assert!(!items.is_null());
    // SAFETY: the C ABI hands out `count` findings at `items`.
    unsafe { std::slice::from_raw_parts(items, count) }
}

/// Packed findings (`piimask_findings_pack`'s layout), against the Rust
/// API's findings per message.
fn same_packed(rust_scanner: &Scanner, words: &[u32], bytes: &[u8], rust: &[Vec<Finding>]) {
    let (n, b, m) = (words[0] as usize, words[1] as usize, words[2] as usize);
    assert_eq!(m, rust.len(), "message count");
    assert_eq!(n, rust.iter().map(Vec::len).sum::<usize>(), "finding count");
    let bounds = &words[3..3 + m + 1];
    let mut k = 0;
    let mut at = 0;
    for (message, found) in rust.iter().enumerate() {
        assert_eq!(bounds[message] as usize, k, "message bound");
        for r in found {
            let w = &words[3 + m + 1 + k * PIIMASK_PACKED_FINDING_WORDS..]
                [..PIIMASK_PACKED_FINDING_WORDS];
            assert_eq!(w[0], rust_scanner.kind_code(&r.kind).unwrap_or(0));
            assert_eq!((w[1] as usize, w[2] as usize), (r.start, r.end));
            assert_eq!(w[3], r.confidence.to_bits());
            let len = w[4] as usize;
            assert_eq!(&bytes[at..at + len], r.normalized.as_bytes());
            at += len;
            k += 1;
        }
    }
    assert_eq!((bounds[m] as usize, at), (n, b));
}

fn run(op: &Op, st: &mut State) {
    match op {
        Op::NewScanner { config, key } => {
            let config = config.as_deref().unwrap_or(b"{}");
            let (status, p, rust) = build(config, key.as_deref());
            if status == piimask_status::Ok {
                st.scanners.push((p, Arc::new(rust.unwrap())));
            } else {
                st.check_last_error();
            }
            // NULL out and NULL config.
            // SAFETY: NULL out is checked; a NULL config means defaults.
            unsafe {
                assert_eq!(
                    piimask_scanner_new(ptr::null(), 0, ptr::null_mut()),
                    piimask_status::NullArgument
                );
            }
        }
        Op::Scan {
            scanner,
            text,
            region,
            null_out,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let (tp, tl, bytes) = text.resolve();
            let region = region.to_c(REGIONS);
            let sentinel = ptr::NonNull::<piimask_findings>::dangling().as_ptr();
            let mut out = sentinel;
            let out_ptr = if *null_out {
                ptr::null_mut()
            } else {
                &mut out as *mut _
            };
            // SAFETY: valid or NULL arguments per the contract.
            let status = unsafe { piimask_scan(sp, tp, tl, c_ptr(&region), out_ptr) };
            check_status(status);
            st.texts.extend(bytes.map(<[u8]>::to_vec));
            let expected = s.zip(bytes).and_then(|(rs, b)| {
                let r = expected_region(&region, rs.region()).ok()?;
                (!*null_out).then_some((rs, b, r))
            });
            match expected {
                Some((rs, b, r)) => {
                    assert_eq!(status, piimask_status::Ok);
                    let mut found = Vec::new();
                    rs.scan_into(b, r, &mut found);
                    let (mut it, mut n) = (ptr::null(), usize::MAX);
                    // SAFETY: live findings; writable outs.
                    unsafe {
                        assert_eq!(
                            piimask_findings_items(out, &mut it, &mut n),
                            piimask_status::Ok
                        );
                        assert_eq!(piimask_findings_len(out), n);
                        let mut one = std::mem::zeroed::<piimask_finding>();
                        assert_eq!(
                            piimask_findings_get(out, n, &mut one),
                            piimask_status::OutOfRange
                        );
                        if n > 0 {
                            assert_eq!(
                                piimask_findings_get(out, n - 1, &mut one),
                                piimask_status::Ok
                            );
                        }
                    }
                    same_findings(rs, items(it, n), &found);
                    // SAFETY: from piimask_scan, freed once.
                    unsafe { piimask_findings_free(out) };
                }
                None => {
                    assert_ne!(status, piimask_status::Ok);
                    assert_eq!(out, sentinel, "out written on failure");
                    st.check_last_error();
                }
            }
        }
        Op::ScanInto {
            scanner,
            text,
            region,
            read,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let (tp, tl, bytes) = text.resolve();
            let region = region.to_c(REGIONS);
            let f = st.findings_object();
            let (mut it, mut n) = (ptr::null(), usize::MAX);
            let (ip, np) = if *read {
                (&mut it as *mut _, &mut n as *mut _)
            } else {
                (ptr::null_mut(), ptr::null_mut())
            };
            // SAFETY: valid or NULL arguments; `f` live and ours.
            let status = unsafe { piimask_scan_into(sp, tp, tl, c_ptr(&region), f, ip, np) };
            check_status(status);
            st.texts.extend(bytes.map(<[u8]>::to_vec));
            let expected = s
                .zip(bytes)
                .and_then(|(rs, b)| Some((rs, b, expected_region(&region, rs.region()).ok()?)));
            match expected {
                Some((rs, b, r)) => {
                    assert_eq!(status, piimask_status::Ok);
                    let mut found = Vec::new();
                    rs.scan_into(b, r, &mut found);
                    if *read {
                        same_findings(rs, items(it, n), &found);
                    } else {
                        // SAFETY: live findings.
                        assert_eq!(unsafe { piimask_findings_len(f) }, found.len());
                    }
                }
                None => {
                    assert_ne!(status, piimask_status::Ok);
                    assert!(it.is_null() && n == usize::MAX, "outs written on failure");
                    // SAFETY: live findings.
                    assert_eq!(
                        unsafe { piimask_findings_len(f) },
                        0,
                        "findings left on failure"
                    );
                    st.check_last_error();
                }
            }
        }
        Op::ScanBatch {
            scanner,
            texts,
            null_texts,
            region,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let resolved: Vec<_> = texts.iter().map(TextArg::resolve).collect();
            let c_texts: Vec<piimask_text> = resolved
                .iter()
                .map(|(p, l, _)| piimask_text { ptr: *p, len: *l })
                .collect();
            let region = region.to_c(REGIONS);
            let tptr = if *null_texts {
                ptr::null()
            } else {
                c_texts.as_ptr()
            };
            let sentinel = ptr::NonNull::<piimask_batch>::dangling().as_ptr();
            let mut out = sentinel;
            // SAFETY: `tptr` is NULL or `n` readable texts.
            let status =
                unsafe { piimask_scan_batch(sp, tptr, c_texts.len(), c_ptr(&region), &mut out) };
            check_status(status);
            let all: Option<Vec<&[u8]>> = resolved.iter().map(|(_, _, b)| *b).collect();
            st.texts.extend(
                resolved
                    .iter()
                    .filter_map(|(_, _, b)| b.map(<[u8]>::to_vec)),
            );
            let texts_ok = !*null_texts || c_texts.is_empty();
            let expected = s
                .zip(all)
                .filter(|_| texts_ok)
                .and_then(|(rs, all)| Some((rs, all, expected_region(&region, rs.region()).ok()?)));
            match expected {
                Some((rs, all, r)) => {
                    assert_eq!(status, piimask_status::Ok);
                    // SAFETY: live batch; writable outs.
                    unsafe {
                        assert_eq!(piimask_batch_len(out), all.len());
                        let mut found = Vec::new();
                        for (m, b) in all.iter().enumerate() {
                            rs.scan_into(b, r, &mut found);
                            let (mut it, mut n) = (ptr::null(), 0);
                            assert_eq!(
                                piimask_batch_findings(out, m, &mut it, &mut n),
                                piimask_status::Ok
                            );
                            same_findings(rs, items(it, n), &found);
                        }
                        let (mut it, mut n) = (ptr::null(), 0);
                        assert_eq!(
                            piimask_batch_findings(out, all.len(), &mut it, &mut n),
                            piimask_status::OutOfRange
                        );
                        let (mut flat, mut total, mut offsets) = (ptr::null(), 0, ptr::null());
                        assert_eq!(
                            piimask_batch_flat(out, &mut flat, &mut total, &mut offsets),
                            piimask_status::Ok
                        );
                        let offsets = std::slice::from_raw_parts(offsets, all.len() + 1);
                        assert_eq!((offsets[0], offsets[all.len()]), (0, total));
                        let (mut need_w, mut need_b) = (0, 0);
                        assert_eq!(
                            piimask_batch_pack_size(out, &mut need_w, &mut need_b),
                            piimask_status::Ok
                        );
                        let (mut w, mut b) = (vec![0u32; need_w], vec![0u8; need_b]);
                        if need_w > 0 {
                            assert_eq!(
                                piimask_batch_pack(
                                    out,
                                    w.as_mut_ptr(),
                                    need_w - 1,
                                    b.as_mut_ptr(),
                                    need_b
                                ),
                                piimask_status::OutOfRange
                            );
                        }
                        assert_eq!(
                            piimask_batch_pack(out, w.as_mut_ptr(), need_w, b.as_mut_ptr(), need_b),
                            piimask_status::Ok
                        );
                        let per_message: Vec<Vec<Finding>> = all
                            .iter()
                            .map(|b| {
                                let mut found = Vec::new();
                                rs.scan_into(b, r, &mut found);
                                found
                            })
                            .collect();
                        same_packed(rs, &w, &b, &per_message);
                        piimask_batch_free(out);
                    }
                }
                None => {
                    assert_ne!(status, piimask_status::Ok);
                    assert_eq!(out, sentinel, "out written on failure");
                    st.check_last_error();
                }
            }
        }
        Op::Redact {
            scanner,
            text,
            region,
            role,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let (tp, tl, bytes) = text.resolve();
            let (region, role) = (region.to_c(REGIONS), role.to_c(ROLES));
            let sentinel = ptr::NonNull::<piimask_bytes>::dangling().as_ptr();
            let mut out = sentinel;
            // SAFETY: valid or NULL arguments per the contract.
            let status =
                unsafe { piimask_redact(sp, tp, tl, c_ptr(&region), c_ptr(&role), &mut out) };
            check_status(status);
            st.texts.extend(bytes.map(<[u8]>::to_vec));
            let expected = expected_redaction(s, bytes, &region, &role);
            match expected {
                Some(masked) => {
                    assert_eq!(
                        status,
                        piimask_status::Ok,
                        "C ABI failed where Rust redacts"
                    );
                    // SAFETY: live bytes from piimask_redact, freed once.
                    unsafe {
                        assert_eq!(bytes_of(out), &masked[..]);
                        piimask_bytes_free(out);
                    }
                }
                None => {
                    assert_ne!(
                        status,
                        piimask_status::Ok,
                        "C ABI redacted where Rust fails"
                    );
                    assert_eq!(out, sentinel, "out written on failure");
                    st.check_last_error();
                }
            }
        }
        Op::RedactInto {
            scanner,
            text,
            region,
            role,
            read,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let (tp, tl, bytes) = text.resolve();
            let (region, role) = (region.to_c(REGIONS), role.to_c(ROLES));
            let b = st.bytes_object();
            let (mut data, mut len) = (ptr::null(), usize::MAX);
            let (dp, lp) = if *read {
                (&mut data as *mut _, &mut len as *mut _)
            } else {
                (ptr::null_mut(), ptr::null_mut())
            };
            // SAFETY: valid or NULL arguments; `b` live and ours.
            let status =
                unsafe { piimask_redact_into(sp, tp, tl, c_ptr(&region), c_ptr(&role), b, dp, lp) };
            check_status(status);
            st.texts.extend(bytes.map(<[u8]>::to_vec));
            let expected = expected_redaction(s, bytes, &region, &role);
            // SAFETY: live bytes.
            let got = unsafe { bytes_of(b) };
            match expected {
                Some(masked) => {
                    assert_eq!(
                        status,
                        piimask_status::Ok,
                        "C ABI failed where Rust redacts"
                    );
                    assert_eq!(got, &masked[..]);
                    if *read {
                        assert_eq!((data, len), (got.as_ptr(), got.len()));
                    }
                }
                None => {
                    assert_ne!(
                        status,
                        piimask_status::Ok,
                        "C ABI redacted where Rust fails"
                    );
                    assert!(got.is_empty(), "text left in the bytes on failure");
                    assert!(
                        data.is_null() && len == usize::MAX,
                        "outs written on failure"
                    );
                    st.check_last_error();
                }
            }
        }
        Op::ScanPacked {
            scanner,
            text,
            region,
            words,
            bytes: byte_cap,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let (tp, tl, bytes) = text.resolve();
            let region = region.to_c(REGIONS);
            let f = st.findings_object();
            const SENTINEL: u32 = 0xA5A5_A5A5;
            let mut w = vec![SENTINEL; usize::from(*words)];
            let mut b = vec![0xA5u8; usize::from(*byte_cap)];
            // SAFETY: valid or NULL arguments; `f` live and ours; the arrays
            // have the lengths given.
            let status = unsafe {
                piimask_scan_packed(
                    sp,
                    tp,
                    tl,
                    c_ptr(&region),
                    f,
                    w.as_mut_ptr(),
                    w.len(),
                    b.as_mut_ptr(),
                    b.len(),
                )
            };
            check_status(status);
            st.texts.extend(bytes.map(<[u8]>::to_vec));
            let expected = s
                .zip(bytes)
                .and_then(|(rs, t)| Some((rs, t, expected_region(&region, rs.region()).ok()?)));
            let untouched = |w: &[u32], b: &[u8]| {
                w.iter().all(|&x| x == SENTINEL) && b.iter().all(|&x| x == 0xA5)
            };
            match expected {
                Some((rs, t, r)) => {
                    let mut found = Vec::new();
                    rs.scan_into(t, r, &mut found);
                    let (mut need_w, mut need_b) = (0, 0);
                    // SAFETY: live findings; writable outs.
                    assert_eq!(
                        unsafe { piimask_findings_pack_size(f, &mut need_w, &mut need_b) },
                        piimask_status::Ok
                    );
                    if need_w <= w.len() && need_b <= b.len() {
                        assert_eq!(status, piimask_status::Ok);
                        same_packed(rs, &w, &b, &[found]);
                    } else {
                        // Scanned, arrays too small: nothing written, the
                        // findings kept for a second pack.
                        assert_eq!(status, piimask_status::OutOfRange);
                        assert!(untouched(&w, &b), "arrays written on failure");
                        st.check_last_error();
                        let (mut w, mut b) = (vec![0u32; need_w], vec![0u8; need_b]);
                        // SAFETY: live findings; arrays of the sizes asked for.
                        let again = unsafe {
                            piimask_findings_pack(
                                f,
                                w.as_mut_ptr(),
                                w.len(),
                                b.as_mut_ptr(),
                                b.len(),
                            )
                        };
                        assert_eq!(again, piimask_status::Ok);
                        same_packed(rs, &w, &b, &[found]);
                    }
                }
                None => {
                    assert_ne!(status, piimask_status::Ok);
                    assert!(untouched(&w, &b), "arrays written on failure");
                    // SAFETY: live findings.
                    assert_eq!(
                        unsafe { piimask_findings_len(f) },
                        0,
                        "findings left on failure"
                    );
                    st.check_last_error();
                }
            }
        }
        Op::RedactTo {
            scanner,
            text,
            region,
            role,
            cap,
            null_len,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let (tp, tl, bytes) = text.resolve();
            let (region, role) = (region.to_c(REGIONS), role.to_c(ROLES));
            let b = st.bytes_object();
            let mut dst = vec![0xA5u8; usize::from(*cap)];
            let mut len = usize::MAX;
            let lp = if *null_len {
                ptr::null_mut()
            } else {
                &mut len as *mut usize
            };
            // SAFETY: valid or NULL arguments; `b` live and ours; `dst` has
            // `cap` writable bytes.
            let status = unsafe {
                piimask_redact_to(
                    sp,
                    tp,
                    tl,
                    c_ptr(&region),
                    c_ptr(&role),
                    b,
                    dst.as_mut_ptr(),
                    dst.len(),
                    lp,
                )
            };
            check_status(status);
            st.texts.extend(bytes.map(<[u8]>::to_vec));
            let expected = expected_redaction(s, bytes, &region, &role).filter(|_| !*null_len);
            // SAFETY: live bytes.
            let got = unsafe { bytes_of(b) };
            let untouched = dst.iter().all(|&x| x == 0xA5) && len == usize::MAX;
            match expected {
                Some(masked) if masked.len() <= dst.len() => {
                    assert_eq!(status, piimask_status::Ok);
                    assert_eq!((&dst[..len], got), (&masked[..], &masked[..]));
                }
                Some(masked) => {
                    assert_eq!(status, piimask_status::OutOfRange);
                    assert!(untouched, "dst written on failure");
                    assert_eq!(got, &masked[..], "masked text not kept");
                    st.check_last_error();
                }
                None => {
                    assert!(!matches!(
                        status,
                        piimask_status::Ok | piimask_status::OutOfRange
                    ));
                    assert!(untouched, "dst written on failure");
                    assert!(got.is_empty(), "text left in the bytes on failure");
                    st.check_last_error();
                }
            }
        }
        Op::RedactBatch {
            scanner,
            texts,
            region,
            role,
        } => {
            let (sp, s) = st.scanner(*scanner);
            let s = s.as_deref();
            let resolved: Vec<_> = texts.iter().map(TextArg::resolve).collect();
            let c_texts: Vec<piimask_text> = resolved
                .iter()
                .map(|(p, l, _)| piimask_text { ptr: *p, len: *l })
                .collect();
            let (region, role) = (region.to_c(REGIONS), role.to_c(ROLES));
            let sentinel = ptr::NonNull::<piimask_bytes_list>::dangling().as_ptr();
            let mut out = sentinel;
            // SAFETY: `n` readable texts; valid or NULL arguments.
            let status = unsafe {
                piimask_redact_batch(
                    sp,
                    c_texts.as_ptr(),
                    c_texts.len(),
                    c_ptr(&region),
                    c_ptr(&role),
                    &mut out,
                )
            };
            check_status(status);
            st.texts.extend(
                resolved
                    .iter()
                    .filter_map(|(_, _, b)| b.map(<[u8]>::to_vec)),
            );
            let expected: Option<Vec<Vec<u8>>> = resolved
                .iter()
                .map(|(_, _, b)| expected_redaction(s, *b, &region, &role))
                .collect();
            // An empty batch has nothing to fail on but its arguments.
            let expected = expected.filter(|_| s.is_some()).filter(|_| {
                expected_region(&region, s.and_then(Scanner::region)).is_ok()
                    && expected_role(&role).is_ok()
            });
            match expected {
                Some(all) => {
                    assert_eq!(
                        status,
                        piimask_status::Ok,
                        "C ABI failed where Rust redacts"
                    );
                    // SAFETY: live list; writable outs.
                    unsafe {
                        assert_eq!(piimask_bytes_list_len(out), all.len());
                        for (i, masked) in all.iter().enumerate() {
                            let (mut d, mut n) = (ptr::null(), 0);
                            assert_eq!(
                                piimask_bytes_list_get(out, i, &mut d, &mut n),
                                piimask_status::Ok
                            );
                            let got = if n == 0 {
                                &[][..]
                            } else {
                                std::slice::from_raw_parts(d, n)
                            };
                            assert_eq!(got, &masked[..]);
                        }
                        let (mut d, mut n) = (ptr::null(), 0);
                        assert_eq!(
                            piimask_bytes_list_get(out, all.len(), &mut d, &mut n),
                            piimask_status::OutOfRange
                        );
                        piimask_bytes_list_free(out);
                    }
                }
                None => {
                    assert_ne!(
                        status,
                        piimask_status::Ok,
                        "C ABI redacted where Rust fails"
                    );
                    assert_eq!(out, sentinel, "out written on failure");
                    st.check_last_error();
                }
            }
        }
        Op::BytesSet { data } => {
            let b = st.bytes_object();
            let (p, l, bytes) = data.resolve();
            // SAFETY: live bytes; `p` NULL or `l` readable bytes.
            let status = unsafe { piimask_bytes_set(b, p, l) };
            // SAFETY: live bytes.
            let got = unsafe { bytes_of(b) };
            match bytes {
                Some(expected) => {
                    assert_eq!(status, piimask_status::Ok);
                    assert_eq!(got, expected);
                }
                None => assert_eq!(status, piimask_status::NullArgument),
            }
        }
        Op::LastError { cap, null_buf } => {
            let mut buf = vec![0xAAu8; usize::from(*cap)];
            let (p, c) = if *null_buf {
                (ptr::null_mut(), 0)
            } else {
                (buf.as_mut_ptr(), buf.len())
            };
            // SAFETY: `p` has `c` writable bytes (or is NULL with 0).
            let n = unsafe { piimask_last_error(p.cast(), c) };
            if c > 0 {
                assert_eq!(buf[n.min(c - 1)], 0, "not NUL-terminated");
            }
        }
        Op::Names {
            scanner,
            code,
            name,
        } => {
            let (sp, _) = st.scanner(*scanner);
            let name = name.to_c(&["phone", "email", "customer_name", "ticket", "nope"]);
            // SAFETY: static or scanner-owned C strings, or NULL.
            unsafe {
                let n = piimask_kind_name(*code);
                if !n.is_null() {
                    assert!(!CStr::from_ptr(n).to_bytes().is_empty());
                }
                let n = piimask_scanner_kind_name(sp, *code);
                if !n.is_null() {
                    // The name maps back to the code.
                    let mut back = u32::MAX;
                    assert_eq!(
                        piimask_scanner_kind_code(sp, n, &mut back),
                        piimask_status::Ok
                    );
                    assert_eq!(back, *code);
                }
                let mut out = 12345u32;
                let status = piimask_scanner_kind_code(sp, c_ptr(&name), &mut out);
                check_status(status);
                if status != piimask_status::Ok {
                    assert_eq!(out, 12345, "out written on failure");
                }
                assert!(!piimask_version().is_null());
            }
        }
    }
}

/// What the Rust API redacts the call's arguments to; `None` if the call
/// must fail (a NULL scanner, an invalid text, region or role, or a
/// redaction error).
fn expected_redaction(
    scanner: Option<&Scanner>,
    text: Option<&[u8]>,
    region: &Option<CString>,
    role: &Option<CString>,
) -> Option<Vec<u8>> {
    let s = scanner?;
    let text = text?;
    let region = expected_region(region, s.region()).ok()?;
    let role = expected_role(role).ok()?;
    let (mut findings, mut out) = (Vec::new(), Vec::new());
    s.redact_role_into(text, region, role, &mut findings, &mut out)
        .ok()?;
    Some(out)
}

/// The bytes of a `piimask_bytes`, checking the NUL after them.
///
/// # Safety
/// `b` must be live.
unsafe fn bytes_of<'a>(b: *const piimask_bytes) -> &'a [u8] {
    // SAFETY: live per the contract.
    let (data, len) = unsafe { (piimask_bytes_data(b), piimask_bytes_len(b)) };
    assert!(!data.is_null());
    // SAFETY: `len` bytes and a NUL at `data`.
    let with_nul = unsafe { std::slice::from_raw_parts(data, len + 1) };
    assert_eq!(with_nul[len], 0, "bytes not NUL-terminated");
    &with_nul[..len]
}

fuzz_target!(|ops: Vec<Op>| {
    let mut state = State::default();
    for op in ops.iter().take(16) {
        run(op, &mut state);
    }
});
