//! Results copied into arrays the caller owns: findings packed as integers
//! (`piimask_findings_pack`, `piimask_batch_pack`, and `piimask_scan_packed`,
//! which scans and packs) and masked text (`piimask_redact_to`).
//!
//! Why: a host that reads C structs field by field through a generic FFI
//! pays for every field. Node's koffi decodes one `piimask_finding` into a
//! JavaScript object in about 1.9 µs, more than the engine needs to scan a
//! chat message. Here the findings are copied into a `uint32_t` array and a
//! byte array that the host allocated once and reuses (a `Uint32Array` and
//! a `Buffer`): one call, no out-parameter, and the host reads plain
//! integers.
//!
//! Layout of `words`, all `uint32_t`:
//!
//! | words | value |
//! |---|---|
//! | 0 | `N`, the number of findings |
//! | 1 | `B`, the bytes of all normalized values, back to back in `bytes` |
//! | 2 | `M`, the number of messages (1 for a `piimask_findings`) |
//! | 3 .. 3 + M + 1 | finding indices: message `m` has findings `idx[m]` up to (excluding) `idx[m + 1]` |
//! | then `N` × 5 | per finding: kind code, start, end, confidence (the bits of an IEEE-754 `float`), normalized length |
//!
//! Finding `k`'s normalized value is the next `normalized length` bytes of
//! `bytes`, after those of findings `0..k`. Offsets are UTF-8 byte offsets,
//! as everywhere in the C ABI; they must fit 32 bits (texts under 4 GiB).

use std::ffi::c_char;
use std::ptr;

use super::findings::{piimask_batch, piimask_finding, piimask_findings, piimask_scan_into};
use super::handle::write_optional;
use super::redact::{piimask_bytes, piimask_redact_into};
use super::{boundary, fail_with, piimask_scanner, piimask_status, require, write_out};

/// Words at the start of a packed array before the message bounds.
const HEADER_WORDS: usize = 3;

/// Words per finding in a packed array: kind, start, end, confidence bits,
/// normalized length.
pub const PIIMASK_PACKED_FINDING_WORDS: usize = 5;

/// What a packed array of `items`, split into messages at `offsets`
/// (`offsets.len()` = messages + 1), needs: words, bytes.
fn packed_size(items: &[piimask_finding], offsets: &[usize]) -> (usize, usize) {
    let words = HEADER_WORDS + offsets.len() + PIIMASK_PACKED_FINDING_WORDS * items.len();
    let bytes = items.iter().map(|f| f.normalized_len).sum();
    (words, bytes)
}

/// Packs `items` (messages split at `offsets`) into `words` and `bytes`,
/// or fails without writing.
fn pack(
    items: &[piimask_finding],
    offsets: &[usize],
    words: &mut [u32],
    bytes: &mut [u8],
) -> piimask_status {
    let (need_words, need_bytes) = packed_size(items, offsets);
    if words.len() < need_words || bytes.len() < need_bytes {
        return fail_with(
            piimask_status::OutOfRange,
            "the packed arrays are too small (see piimask_findings_pack_size)",
        );
    }
    let fits = |n: usize| u32::try_from(n).is_ok();
    if !fits(need_bytes)
        || !fits(offsets.len())
        || !items.iter().all(|f| fits(f.end) && fits(f.normalized_len))
    {
        return fail_with(
            piimask_status::InvalidArgument,
            "offsets or sizes do not fit 32 bits: use piimask_findings_items for texts of 4 GiB or more",
        );
    }
    // Every value below fits 32 bits: checked above (start <= end, and the
    // finding indices are at most the count, which the bytes bound).
    let word = |n: usize| n as u32;
    let (head, rest) = words.split_at_mut(HEADER_WORDS + offsets.len());
    head[0] = word(items.len());
    head[1] = word(need_bytes);
    head[2] = word(offsets.len() - 1);
    for (slot, &at) in head[HEADER_WORDS..].iter_mut().zip(offsets) {
        *slot = word(at);
    }
    let mut at = 0;
    for (f, out) in items
        .iter()
        .zip(rest.chunks_exact_mut(PIIMASK_PACKED_FINDING_WORDS))
    {
        out.copy_from_slice(&[
            f.kind,
            word(f.start),
            word(f.end),
            f.confidence.to_bits(),
            word(f.normalized_len),
        ]);
        // SAFETY: `normalized` points to `normalized_len` bytes owned by
        // the findings (or batch) object `items` borrows from, alive for
        // the call (see `piimask_finding`); never NULL.
        let value = unsafe { std::slice::from_raw_parts(f.normalized, f.normalized_len) };
        bytes[at..at + value.len()].copy_from_slice(value);
        at += value.len();
    }
    piimask_status::Ok
}

/// [`pack`] into the caller's arrays, given as pointers and lengths; a
/// NULL array with a non-zero length fails.
///
/// # Safety
/// Unless NULL, `words` must have `words_len` writable `uint32_t`s and
/// `bytes` `bytes_len` writable bytes, not otherwise in use during the call.
unsafe fn pack_to(
    items: &[piimask_finding],
    offsets: &[usize],
    words: *mut u32,
    words_len: usize,
    bytes: *mut u8,
    bytes_len: usize,
) -> piimask_status {
    if (words.is_null() && words_len > 0) || (bytes.is_null() && bytes_len > 0) {
        return fail_with(
            piimask_status::NullArgument,
            "an array is NULL with a non-zero length",
        );
    }
    let words: &mut [u32] = if words.is_null() {
        &mut []
    } else {
        // SAFETY: non-NULL with `words_len` writable elements per the contract.
        unsafe { std::slice::from_raw_parts_mut(words, words_len) }
    };
    let bytes: &mut [u8] = if bytes.is_null() {
        &mut []
    } else {
        // SAFETY: non-NULL with `bytes_len` writable bytes per the contract.
        unsafe { std::slice::from_raw_parts_mut(bytes, bytes_len) }
    };
    pack(items, offsets, words, bytes)
}

/// How large the arrays of `piimask_findings_pack` must be for `findings`:
/// `*words` `uint32_t`s (3 + 2 + 5 per finding) and `*bytes` bytes. Either
/// out-parameter may be NULL. Thread-safe.
///
/// # Safety
/// `findings` must be NULL or live; `words` and `bytes` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_pack_size(
    findings: *const piimask_findings,
    words: *mut usize,
    bytes: *mut usize,
) -> piimask_status {
    boundary! {
        require!(findings);
        // SAFETY: non-NULL and live per the contract.
        let f = unsafe { &*findings };
        let (w, b) = packed_size(f.items(), &[0, f.items().len()]);
        // SAFETY: each NULL or writable per the contract.
        unsafe {
            write_optional(words, w);
            write_optional(bytes, b);
        }
        piimask_status::Ok
    }
}

/// Copies `findings` into `words` (`words_len` `uint32_t`s) and their
/// normalized values into `bytes` (`bytes_len` bytes). For hosts that read
/// integers far faster than structs (JavaScript): reuse both arrays from
/// call to call, after `piimask_scan_into` with NULL `items` and `count`.
///
/// Layout of `words`: `[0]` the number of findings N; `[1]` the bytes B of
/// all normalized values, back to back in `bytes`; `[2]` the number of
/// messages M (1 here); `[3 .. 3 + M + 1]` the finding indices where each
/// message starts, and N; then `PIIMASK_PACKED_FINDING_WORDS` (5) words per
/// finding: kind code, start, end, confidence (the bits of a `float`),
/// normalized length. Finding k's normalized value follows those of
/// findings 0..k in `bytes`. Offsets are UTF-8 byte offsets.
///
/// `PIIMASK_STATUS_OUT_OF_RANGE` when an array is too small (grow it to
/// `piimask_findings_pack_size` and call again: the findings are still
/// there); `PIIMASK_STATUS_INVALID_ARGUMENT` when an offset does not fit 32
/// bits. Nothing is written on failure. An array may be NULL when its
/// length is 0. Thread-safe for `findings`; the arrays are the caller's.
///
/// # Safety
/// `findings` must be NULL or live; `words` NULL or `words_len` writable
/// `uint32_t`s; `bytes` NULL or `bytes_len` writable bytes; the arrays
/// must not overlap each other or `findings`.
#[no_mangle]
pub unsafe extern "C" fn piimask_findings_pack(
    findings: *const piimask_findings,
    words: *mut u32,
    words_len: usize,
    bytes: *mut u8,
    bytes_len: usize,
) -> piimask_status {
    boundary! {
        require!(findings);
        // SAFETY: non-NULL and live per the contract.
        let f = unsafe { &*findings };
        // SAFETY: the arrays are NULL or writable for their lengths per the contract.
        unsafe { pack_to(f.items(), &[0, f.items().len()], words, words_len, bytes, bytes_len) }
    }
}

/// `piimask_scan_into` and `piimask_findings_pack` in one call (a call
/// across a generic FFI costs as much as packing): scans `len` bytes at
/// `text` into `findings`, then packs them into `words` and `bytes`. When
/// it returns `PIIMASK_STATUS_OUT_OF_RANGE` the scan succeeded and only the
/// arrays were too small: the findings are in `findings`, to size with
/// `piimask_findings_pack_size` and pack with `piimask_findings_pack`. Any
/// other failure leaves `findings` empty. Arguments as for those two.
///
/// # Safety
/// As for `piimask_scan_into` (with NULL `items` and `count`) and
/// `piimask_findings_pack`.
#[no_mangle]
pub unsafe extern "C" fn piimask_scan_packed(
    scanner: *const piimask_scanner,
    text: *const u8,
    len: usize,
    region: *const c_char,
    findings: *mut piimask_findings,
    words: *mut u32,
    words_len: usize,
    bytes: *mut u8,
    bytes_len: usize,
) -> piimask_status {
    // SAFETY: the caller keeps the contract of piimask_scan_into; NULL
    // `items` and `count` are allowed there.
    let status = unsafe {
        piimask_scan_into(
            scanner,
            text,
            len,
            region,
            findings,
            ptr::null_mut(),
            ptr::null_mut(),
        )
    };
    if status != piimask_status::Ok {
        return status;
    }
    // SAFETY: `findings` is live (the scan succeeded with it) and the
    // arrays are as piimask_findings_pack requires, per the contract.
    unsafe { piimask_findings_pack(findings, words, words_len, bytes, bytes_len) }
}

/// `piimask_redact_into`, then the masked text copied into `dst`, an array
/// of `dst_cap` bytes the caller reuses, and its length written to
/// `*dst_len` (no NUL is added). For hosts where an out-parameter or
/// reading a pointer costs more than the copy (a generic FFI).
/// `PIIMASK_STATUS_OUT_OF_RANGE` when the masked text is longer than
/// `dst_cap`: the redaction succeeded and the text is in `out`
/// (`piimask_bytes_data`, `piimask_bytes_len`), `dst` and `*dst_len` are
/// untouched. Any other failure leaves `out` empty, as
/// `piimask_redact_into` does: never unmasked text. `dst` may be NULL when
/// `dst_cap` is 0.
///
/// # Safety
/// As for `piimask_redact_into` (with NULL `data` and `data_len`); `dst`
/// NULL or `dst_cap` writable bytes not overlapping `out`; `dst_len`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_redact_to(
    scanner: *const piimask_scanner,
    text: *const u8,
    len: usize,
    region: *const c_char,
    role: *const c_char,
    out: *mut piimask_bytes,
    dst: *mut u8,
    dst_cap: usize,
    dst_len: *mut usize,
) -> piimask_status {
    boundary! {
        if dst_len.is_null() || (dst.is_null() && dst_cap > 0) {
            // Never unmasked text, nor an earlier one, in `out` on failure.
            // SAFETY: NULL or live and ours per the contract.
            if let Some(o) = unsafe { out.as_mut() } {
                o.clear();
            }
            return fail_with(
                piimask_status::NullArgument,
                "`dst_len` is NULL, or `dst` with a non-zero capacity",
            );
        }
        // SAFETY: the caller keeps the contract of piimask_redact_into;
        // NULL `data` and `data_len` are allowed there.
        let status = unsafe {
            piimask_redact_into(scanner, text, len, region, role, out, ptr::null_mut(), ptr::null_mut())
        };
        if status != piimask_status::Ok {
            return status;
        }
        // SAFETY: `out` is live (the redaction succeeded with it).
        let masked = unsafe { &*out }.bytes();
        if masked.len() > dst_cap {
            return fail_with(piimask_status::OutOfRange, "`dst` is smaller than the masked text");
        }
        if !masked.is_empty() {
            // SAFETY: `dst` has `dst_cap` >= masked.len() writable bytes,
            // apart from `out`, per the contract (non-NULL: checked above).
            unsafe { ptr::copy_nonoverlapping(masked.as_ptr(), dst, masked.len()) };
        }
        // SAFETY: non-NULL (checked above) and writable per the contract.
        unsafe { write_out(dst_len, masked.len()) };
        piimask_status::Ok
    }
}

/// How large the arrays of `piimask_batch_pack` must be for `batch`:
/// `*words` `uint32_t`s (3 + messages + 1 + 5 per finding) and `*bytes`
/// bytes. Either out-parameter may be NULL. Thread-safe.
///
/// # Safety
/// `batch` must be NULL or live; `words` and `bytes` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_batch_pack_size(
    batch: *const piimask_batch,
    words: *mut usize,
    bytes: *mut usize,
) -> piimask_status {
    boundary! {
        require!(batch);
        // SAFETY: non-NULL and live per the contract.
        let b = unsafe { &*batch };
        let (items, offsets) = b.flat();
        let (w, n) = packed_size(items, offsets);
        // SAFETY: each NULL or writable per the contract.
        unsafe {
            write_optional(words, w);
            write_optional(bytes, n);
        }
        piimask_status::Ok
    }
}

/// `piimask_findings_pack` for a whole batch result: every message's
/// findings in one pair of arrays, message m's findings from index
/// `words[3 + m]` up to (excluding) `words[3 + m + 1]`. Same failures; nothing is written on
/// failure. Thread-safe for `batch`; the arrays are the caller's.
///
/// # Safety
/// `batch` must be NULL or live; `words` NULL or `words_len` writable
/// `uint32_t`s; `bytes` NULL or `bytes_len` writable bytes; the arrays
/// must not overlap each other or `batch`.
#[no_mangle]
pub unsafe extern "C" fn piimask_batch_pack(
    batch: *const piimask_batch,
    words: *mut u32,
    words_len: usize,
    bytes: *mut u8,
    bytes_len: usize,
) -> piimask_status {
    boundary! {
        require!(batch);
        // SAFETY: non-NULL and live per the contract.
        let b = unsafe { &*batch };
        let (items, offsets) = b.flat();
        // SAFETY: the arrays are NULL or writable for their lengths per the contract.
        unsafe { pack_to(items, offsets, words, words_len, bytes, bytes_len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: u32, start: usize, end: usize, normalized: &'static str) -> piimask_finding {
        piimask_finding {
            kind,
            start,
            end,
            confidence: 0.75,
            normalized: normalized.as_ptr(),
            normalized_len: normalized.len(),
        }
    }

    #[test]
    fn packs_the_documented_layout() {
        let items = [
            finding(1, 5, 19, "+919876543210"),
            finding(2, 25, 31, ""),
            finding(3, 0, 4, "ab"),
        ];
        let offsets = [0, 2, 2, 3];
        assert_eq!(packed_size(&items, &offsets), (3 + 4 + 15, 15));
        let mut words = [u32::MAX; 22];
        let mut bytes = [0u8; 15];
        assert_eq!(
            pack(&items, &offsets, &mut words, &mut bytes),
            piimask_status::Ok
        );
        let half = 0.75f32.to_bits();
        assert_eq!(
            words,
            [3, 15, 3, 0, 2, 2, 3, 1, 5, 19, half, 13, 2, 25, 31, half, 0, 3, 0, 4, half, 2]
        );
        assert_eq!(&bytes, b"+919876543210ab");
    }

    #[test]
    fn too_small_or_too_large_writes_nothing() {
        let items = [finding(1, 5, 19, "+919876543210")];
        let mut words = [7u32; 10];
        let mut bytes = [7u8; 13];
        assert_eq!(
            pack(&items, &[0, 1], &mut words[..9], &mut bytes),
            piimask_status::OutOfRange
        );
        assert_eq!(
            pack(&items, &[0, 1], &mut words, &mut bytes[..12]),
            piimask_status::OutOfRange
        );
        assert!(words.iter().all(|&w| w == 7) && bytes.iter().all(|&b| b == 7));
        if let Ok(far) = usize::try_from(1u64 << 32) {
            let far = [finding(1, far, far + 3, "x")];
            assert_eq!(
                pack(&far, &[0, 1], &mut words, &mut bytes),
                piimask_status::InvalidArgument
            );
            assert!(words.iter().all(|&w| w == 7) && bytes.iter().all(|&b| b == 7));
        }
        let none: [piimask_finding; 0] = [];
        assert_eq!(
            pack(&none, &[0, 0], &mut words[..5], &mut []),
            piimask_status::Ok
        );
        assert_eq!(words[..5], [0, 0, 1, 0, 0]);
    }
}
