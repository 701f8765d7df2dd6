//! `piimask_scan` and `piimask_scan_batch`, and reading their findings.

use std::ffi::c_char;

use super::handle::{hand_out, release, Packed};
use super::{
    boundary, fail_with, piimask_scanner, piimask_status, region_arg, require, text, write_out,
};
use crate::finding::Finding;
use crate::scanner::BatchFindings;

/// One finding. Offsets are UTF-8 byte offsets into the scanned text, end
/// exclusive.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct piimask_finding {
    /// The kind code: built-in codes as in `piimask_kind_name` (1 phone,
    /// 2 e-mail, ...); custom kinds 1000 and up (`piimask_scanner_kind_name`).
    pub kind: u32,
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
    /// How sure the detector is, from 0 to 1.
    pub confidence: f32,
    /// The canonical value (E.164 for phones, ...), UTF-8, not
    /// NUL-terminated. Borrowed from the findings (or batch) it came from:
    /// valid until that is freed. Never NULL.
    pub normalized: *const u8,
    /// Length of `normalized` in bytes.
    pub normalized_len: usize,
}

/// One text of a batch: `len` bytes at `ptr` (NULL allowed when `len` is 0).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct piimask_text {
    /// The bytes, any encoding; not NUL-terminated.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

/// The findings of one `piimask_scan` or `piimask_scan_into` (opaque),
/// sorted by position, never overlapping. Owned by the caller; release with
/// `piimask_findings_free`. Threads may read one at the same time, but
/// `piimask_scan_into` replaces its contents and needs it to themselves.
pub struct piimask_findings {
    items: Vec<piimask_finding>,
    /// Owns the bytes `items[..].normalized` point to.
    found: Vec<Finding>,
}

/// The findings of one `piimask_scan_batch` (opaque): for each message, its
/// findings, stored back to back. Owned by the caller; release with
/// `piimask_batch_free`. Read-only: threads may read one at the same time.
pub struct piimask_batch {
    /// Part `m` holds the findings of message `m`.
    packed: Packed<piimask_finding>,
    /// Owns the bytes `items[..].normalized` point to.
    _found: BatchFindings,
}

impl piimask_findings {
    /// Replaces the contents with copies of `found`, reported under
    /// `scanner`'s kind codes.
    pub(super) fn set(&mut self, scanner: &piimask_scanner, found: &[Finding]) {
        self.items.clear();
        self.found.clear();
        self.found.extend_from_slice(found);
        self.items
            .extend(self.found.iter().map(|x| convert(scanner, x)));
    }

    /// The findings, in text order.
    pub(super) fn items(&self) -> &[piimask_finding] {
        &self.items
    }

    /// Empties it.
    pub(super) fn clear(&mut self) {
        self.items.clear();
        self.found.clear();
    }
}

impl piimask_batch {
    /// Every finding, and the message bounds in it (messages + 1 indices).
    pub(super) fn flat(&self) -> (&[piimask_finding], &[usize]) {
        (&self.packed.items, &self.packed.offsets)
    }
}

/// The C view of `f`, whose normalized value must outlive it.
fn convert(scanner: &piimask_scanner, f: &Finding) -> piimask_finding {
    let normalized = if f.normalized.is_empty() {
        b"".as_ptr()
    } else {
        f.normalized.as_ptr()
    };
    piimask_finding {
        kind: scanner.code(&f.kind),
        start: f.start,
        end: f.end,
        confidence: f.confidence,
        normalized,
        normalized_len: f.normalized.len(),
    }
}

/// Finds personal data in `len` bytes at `text` (any bytes; invalid UTF-8 is
/// never part of a finding; NULL with `len` 0 is the empty text).
///
/// `region` overrides the scanner's region hint for this call: NULL keeps
/// the scanner's, `""` means none, otherwise an ISO 3166 alpha-2 code such
/// as `"IN"` (`PIIMASK_STATUS_UNKNOWN_REGION` if unknown).
///
/// On success writes the findings to `*out`, owned by the caller (release
/// with `piimask_findings_free`); they do not borrow `text` or the scanner.
/// On failure leaves `*out` untouched. Thread-safe: many threads may scan
/// with one scanner at once.
///
/// # Safety
/// `scanner` must be NULL or live; `text` NULL or `len` readable bytes;
/// `region` NULL or NUL-terminated; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_scan(
    scanner: *const piimask_scanner,
    text: *const u8,
    len: usize,
    region: *const c_char,
    out: *mut *mut piimask_findings,
) -> piimask_status {
    boundary! {
        require!(scanner, out);
        // SAFETY: non-NULL and live per the contract.
        let s = unsafe { &*scanner };
        // SAFETY: `text` has `len` readable bytes per the contract.
        let Some(bytes) = (unsafe { self::text(text, len) }) else {
            return fail_with(piimask_status::NullArgument, "`text` is NULL with a non-zero length");
        };
        // SAFETY: NULL or NUL-terminated per the contract.
        let region = match unsafe { region_arg(region, s.scanner.region()) } {
            Ok(r) => r,
            Err(status) => return status,
        };
        let mut found = Vec::new();
        s.scanner.scan_into(bytes, region, &mut found);
        let items = found.iter().map(|f| convert(s, f)).collect();
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_findings { items, found }) }
    }
}

/// Creates an empty findings object for `piimask_scan_into`, which reuses
/// its memory from call to call. Owned by the caller; release with
/// `piimask_findings_free`. Thread-safe.
///
/// # Safety
/// `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_new(out: *mut *mut piimask_findings) -> piimask_status {
    boundary! {
        require!(out);
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_findings { items: Vec::new(), found: Vec::new() }) }
    }
}

/// Like `piimask_scan`, into a findings object the caller keeps and reuses
/// (from `piimask_findings_new` or an earlier scan): its contents are
/// replaced, and once it has grown, scanning allocates nothing. Pointers
/// obtained from it before are invalidated. When `items` and `count` are
/// not NULL, also writes the findings as `piimask_findings_items` does, so
/// one call scans and reads. On failure the findings object is left empty
/// and `items` and `count` are untouched. The scanner may be shared between
/// threads, the findings object may not (one per thread).
///
/// # Safety
/// `scanner` must be NULL or live; `text` NULL or `len` readable bytes;
/// `region` NULL or NUL-terminated; `findings` NULL or live and not used by
/// another thread; `items` and `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_scan_into(
    scanner: *const piimask_scanner,
    text: *const u8,
    len: usize,
    region: *const c_char,
    findings: *mut piimask_findings,
    items: *mut *const piimask_finding,
    count: *mut usize,
) -> piimask_status {
    boundary! {
        require!(findings);
        // SAFETY: non-NULL, live, and ours alone per the contract.
        let f = unsafe { &mut *findings };
        // Emptied first: no failure, a NULL scanner included, leaves
        // earlier findings in it.
        f.clear();
        require!(scanner);
        // SAFETY: non-NULL and live per the contract.
        let s = unsafe { &*scanner };
        // SAFETY: `text` has `len` readable bytes per the contract.
        let Some(bytes) = (unsafe { self::text(text, len) }) else {
            return fail_with(piimask_status::NullArgument, "`text` is NULL with a non-zero length");
        };
        // SAFETY: NULL or NUL-terminated per the contract.
        let region = match unsafe { region_arg(region, s.scanner.region()) } {
            Ok(r) => r,
            Err(status) => return status,
        };
        s.scanner.scan_into(bytes, region, &mut f.found);
        f.items.extend(f.found.iter().map(|x| convert(s, x)));
        if !items.is_null() && !count.is_null() {
            // SAFETY: both non-NULL and writable per the contract.
            unsafe {
                write_out(items, array_ptr(&f.items));
                write_out(count, f.items.len());
            }
        }
        piimask_status::Ok
    }
}

/// The number of findings (0 for NULL). Thread-safe.
///
/// # Safety
/// `findings` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_len(findings: *const piimask_findings) -> usize {
    boundary! {
        // SAFETY: NULL or live per the contract.
        unsafe { findings.as_ref() }.map_or(0, |f| f.items.len())
    }
}

/// Copies finding `i` (0-based, in text order) to `*out`. Its `normalized`
/// pointer borrows from `findings`. `PIIMASK_STATUS_OUT_OF_RANGE` when
/// `i >= piimask_findings_len(findings)`; `*out` is untouched on failure.
/// Thread-safe.
///
/// # Safety
/// `findings` must be NULL or live; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_get(
    findings: *const piimask_findings,
    i: usize,
    out: *mut piimask_finding,
) -> piimask_status {
    boundary! {
        require!(findings, out);
        // SAFETY: non-NULL and live per the contract.
        let f = unsafe { &*findings };
        let Some(item) = f.items.get(i) else {
            return fail_with(piimask_status::OutOfRange, "finding index out of range");
        };
        // SAFETY: non-NULL and writable per the contract.
        unsafe { write_out(out, *item) };
        piimask_status::Ok
    }
}

/// All findings at once: writes a pointer to an array of `*count`
/// findings to `*items` (borrowed from `findings`, valid until it is freed;
/// NULL when there are none). Thread-safe.
///
/// # Safety
/// `findings` must be NULL or live; `items` and `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_items(
    findings: *const piimask_findings,
    items: *mut *const piimask_finding,
    count: *mut usize,
) -> piimask_status {
    boundary! {
        require!(findings, items, count);
        // SAFETY: non-NULL and live per the contract.
        let f = unsafe { &*findings };
        // SAFETY: both non-NULL and writable per the contract.
        unsafe {
            write_out(items, array_ptr(&f.items));
            write_out(count, f.items.len());
        }
        piimask_status::Ok
    }
}

/// Releases findings. NULL does nothing.
///
/// # Safety
/// `findings` must be NULL or from `piimask_scan` or
/// `piimask_findings_new`, not yet freed, and no
/// longer in use by any thread (nor any `normalized` pointer into it).
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_free(findings: *mut piimask_findings) {
    boundary! {
        // SAFETY: NULL or from piimask_scan or piimask_findings_new, freed
        // once, per the contract.
        unsafe { release(findings) }
    }
}

/// Scans `n` texts in one call (far cheaper per message than `n` calls
/// for short chat messages). `texts` may be NULL when `n` is 0; a text
/// with a NULL `ptr` and a non-zero `len` fails the whole call with
/// `PIIMASK_STATUS_NULL_ARGUMENT`. `region` as in `piimask_scan`, for every
/// message.
///
/// On success writes the results to `*out`, owned by the caller (release
/// with `piimask_batch_free`), with one entry per text in order. On failure
/// leaves `*out` untouched. Thread-safe.
///
/// # Safety
/// `scanner` must be NULL or live; `texts` NULL or `n` readable
/// `piimask_text`s, each NULL or with `len` readable bytes; `region` NULL or
/// NUL-terminated; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_scan_batch(
    scanner: *const piimask_scanner,
    texts: *const piimask_text,
    n: usize,
    region: *const c_char,
    out: *mut *mut piimask_batch,
) -> piimask_status {
    boundary! {
        require!(scanner, out);
        // SAFETY: non-NULL and live per the contract.
        let s = unsafe { &*scanner };
        // SAFETY: `n` readable piimask_texts per the contract.
        let Some(texts) = (unsafe { batch_texts(texts, n) }) else {
            return fail_with(piimask_status::NullArgument, "`texts` is NULL with a non-zero count");
        };
        // SAFETY: NULL or NUL-terminated per the contract.
        let region = match unsafe { region_arg(region, s.scanner.region()) } {
            Ok(r) => r,
            Err(status) => return status,
        };
        let mut slices = Vec::with_capacity(texts.len());
        for t in texts {
            // SAFETY: each text has `len` readable bytes per the contract.
            match unsafe { text(t.ptr, t.len) } {
                Some(bytes) => slices.push(bytes),
                None => {
                    return fail_with(
                        piimask_status::NullArgument,
                        "a text of the batch is NULL with a non-zero length",
                    )
                }
            }
        }
        let mut found = BatchFindings::default();
        s.scanner.scan_batch(slices, region, &mut found);
        let mut packed = Packed::with_capacity(0, found.len());
        for message in found.iter() {
            packed.items.extend(message.iter().map(|f| convert(s, f)));
            packed.end_part();
        }
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_batch { packed, _found: found }) }
    }
}

/// The number of messages in a batch result (0 for NULL). Thread-safe.
///
/// # Safety
/// `batch` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn piimask_batch_len(batch: *const piimask_batch) -> usize {
    boundary! {
        // SAFETY: NULL or live per the contract.
        unsafe { batch.as_ref() }.map_or(0, |b| b.packed.parts())
    }
}

/// The findings of message `message` (0-based): writes a pointer to an
/// array of `*count` findings to `*items` (borrowed from `batch`; NULL when
/// there are none). `PIIMASK_STATUS_OUT_OF_RANGE` when `message >=
/// piimask_batch_len(batch)`; out-parameters untouched on failure.
/// Thread-safe.
///
/// # Safety
/// `batch` must be NULL or live; `items` and `count` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_batch_findings(
    batch: *const piimask_batch,
    message: usize,
    items: *mut *const piimask_finding,
    count: *mut usize,
) -> piimask_status {
    boundary! {
        require!(batch, items, count);
        // SAFETY: non-NULL and live per the contract.
        let b = unsafe { &*batch };
        let Some(part) = b.packed.part(message) else {
            return fail_with(piimask_status::OutOfRange, "message index out of range");
        };
        let found = &b.packed.items[part];
        // SAFETY: both non-NULL and writable per the contract.
        unsafe {
            write_out(items, array_ptr(found));
            write_out(count, found.len());
        }
        piimask_status::Ok
    }
}

/// Every finding of the batch in one array, for bindings that read it all
/// at once: `*items` gets the array of `*count` findings (NULL when there
/// are none), and `*offsets` an array of `piimask_batch_len(batch) + 1`
/// indices such that the findings of message `m` are `items[offsets[m]]` up
/// to (excluding) `items[offsets[m + 1]]`. Both arrays borrow from `batch`.
/// Thread-safe.
///
/// # Safety
/// `batch` must be NULL or live; `items`, `count` and `offsets` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_batch_flat(
    batch: *const piimask_batch,
    items: *mut *const piimask_finding,
    count: *mut usize,
    offsets: *mut *const usize,
) -> piimask_status {
    boundary! {
        require!(batch, items, count, offsets);
        // SAFETY: non-NULL and live per the contract.
        let b = unsafe { &*batch };
        // SAFETY: all non-NULL and writable per the contract.
        unsafe {
            write_out(items, array_ptr(&b.packed.items));
            write_out(count, b.packed.total());
            write_out(offsets, b.packed.offsets.as_ptr());
        }
        piimask_status::Ok
    }
}

/// Releases a batch result. NULL does nothing.
///
/// # Safety
/// `batch` must be NULL or from `piimask_scan_batch`, not yet freed, and
/// no longer in use (nor any pointer into it).
#[no_mangle]
pub unsafe extern "C" fn piimask_batch_free(batch: *mut piimask_batch) {
    boundary! {
        // SAFETY: NULL or from piimask_scan_batch, freed once, per the
        // contract.
        unsafe { release(batch) }
    }
}

/// NULL for an empty array, else its start.
pub(super) fn array_ptr<T>(items: &[T]) -> *const T {
    if items.is_empty() {
        std::ptr::null()
    } else {
        items.as_ptr()
    }
}

/// The texts of a batch; `None` for NULL with a non-zero count.
///
/// # Safety
/// Unless NULL, `texts` must point to `n` readable `piimask_text`s valid for
/// `'a`.
pub(super) unsafe fn batch_texts<'a>(
    texts: *const piimask_text,
    n: usize,
) -> Option<&'a [piimask_text]> {
    if texts.is_null() {
        return (n == 0).then_some(&[]);
    }
    // SAFETY: non-NULL with `n` readable elements per the contract.
    Some(unsafe { std::slice::from_raw_parts(texts, n) })
}
