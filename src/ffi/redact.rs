//! `piimask_redact` and `piimask_redact_batch`, and the bytes they return.

use std::ffi::c_char;

use super::findings::{batch_texts, piimask_text};
use super::handle::{hand_out, release, Packed};
use super::{
    boundary, fail, fail_with, piimask_scanner, piimask_status, region_arg, require, role_arg,
    text, write_out,
};
use crate::finding::Finding;
use crate::region::Region;

/// Bytes owned by the caller (opaque): a redacted text. Read with
/// `piimask_bytes_data` and `piimask_bytes_len`, release with
/// `piimask_bytes_free`. Threads may read it at the same time, but
/// `piimask_redact_into` replaces its contents and needs it to themselves.
pub struct piimask_bytes {
    /// The bytes followed by one NUL, which is not part of them.
    data: Vec<u8>,
    /// Scratch space for `piimask_redact_into`.
    findings: Vec<Finding>,
}

impl piimask_bytes {
    /// Empties them (the NUL stays).
    pub(super) fn clear(&mut self) {
        self.data.clear();
        self.data.push(0);
    }

    /// The bytes, without the NUL after them.
    pub(super) fn bytes(&self) -> &[u8] {
        &self.data[..self.data.len().saturating_sub(1)]
    }

    /// Bytes holding `data` (without a NUL; one is added).
    pub(super) fn from_vec(mut data: Vec<u8>) -> piimask_bytes {
        data.push(0);
        piimask_bytes {
            data,
            findings: Vec::new(),
        }
    }

    /// Replaces the contents with `data` (a NUL is added).
    pub(super) fn set(&mut self, data: &[u8]) {
        self.data.clear();
        self.data.extend_from_slice(data);
        self.data.push(0);
    }

    /// The bytes, without the NUL, leaving these empty.
    pub(super) fn take(&mut self) -> Vec<u8> {
        let mut data = std::mem::replace(&mut self.data, vec![0]);
        data.pop();
        data
    }
}

/// The redacted texts of one `piimask_redact_batch` (opaque), stored back
/// to back. Owned by the caller; release with `piimask_bytes_list_free`.
/// Read-only: threads may read it at the same time.
pub struct piimask_bytes_list {
    /// Part `i` holds text `i`; after the last text, one NUL.
    packed: Packed<u8>,
}

/// The region and role arguments of a redaction, in that order (each
/// fails as `region_arg` and `role_arg` do).
///
/// # Safety
/// `region` and `role` must be NULL or NUL-terminated, valid for `'a`.
pub(super) unsafe fn region_and_role<'a>(
    scanner: &piimask_scanner,
    region: *const c_char,
    role: *const c_char,
) -> Result<(Option<Region>, Option<&'a str>), piimask_status> {
    // SAFETY: per the caller's contract.
    let region = unsafe { region_arg(region, scanner.scanner.region()) }?;
    // SAFETY: per the caller's contract.
    Ok((region, unsafe { role_arg(role) }?))
}

/// Replaces every finding in `len` bytes at `text` as the viewer's `role`
/// says (masks such as `+91 ••••• ••210`, labels, tokens, ...) and keeps all
/// other bytes as they are. `role` is a built-in role (`agent`,
/// `supervisor`, `compliance`, `export`) or one of the configuration's
/// policy; NULL means the policy's default role (the default typed masks
/// unless the configuration names one). A role no policy defines gives
/// `PIIMASK_STATUS_UNKNOWN_ROLE`; a keyed operator (token, hash, fpe) on a
/// scanner without a key gives `PIIMASK_STATUS_MISSING_KEY`. `region` as in
/// `piimask_scan`.
///
/// On success writes the redacted text to `*out`, owned by the caller
/// (release with `piimask_bytes_free`). On any failure `*out` is left
/// untouched: no unmasked text is ever returned. Thread-safe.
///
/// # Safety
/// `scanner` must be NULL or live; `text` NULL or `len` readable bytes;
/// `region` and `role` NULL or NUL-terminated; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_redact(
    scanner: *const piimask_scanner,
    text: *const u8,
    len: usize,
    region: *const c_char,
    role: *const c_char,
    out: *mut *mut piimask_bytes,
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
        let (region, role) = match unsafe { region_and_role(s, region, role) } {
            Ok(args) => args,
            Err(status) => return status,
        };
        let mut findings = Vec::new();
        let mut data = Vec::with_capacity(bytes.len() + 16);
        if let Err(e) = s.scanner.redact_role_into(bytes, region, role, &mut findings, &mut data) {
            return fail(&e);
        }
        data.push(0);
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_bytes { data, findings: Vec::new() }) }
    }
}

/// Creates empty bytes for `piimask_redact_into`, which reuses their
/// memory from call to call. Owned by the caller; release with
/// `piimask_bytes_free`. Thread-safe.
///
/// # Safety
/// `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_new(out: *mut *mut piimask_bytes) -> piimask_status {
    boundary! {
        require!(out);
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_bytes { data: vec![0], findings: Vec::new() }) }
    }
}

/// Like `piimask_redact`, into bytes the caller keeps and reuses (from
/// `piimask_bytes_new` or an earlier redaction): their contents are
/// replaced, and once they have grown, redacting text without findings
/// allocates nothing. Pointers obtained from them before are invalidated.
/// When `data` and `data_len` are not NULL, also writes what
/// `piimask_bytes_data` and `piimask_bytes_len` would give, so one call
/// redacts and reads. On failure `out` is left empty (never unmasked text)
/// and `data` and `data_len` are untouched. The scanner may be shared
/// between threads, `out` may not (one per thread).
///
/// # Safety
/// `scanner` must be NULL or live; `text` NULL or `len` readable bytes;
/// `region` and `role` NULL or NUL-terminated; `out` NULL or live and not
/// used by another thread; `data` and `data_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_redact_into(
    scanner: *const piimask_scanner,
    text: *const u8,
    len: usize,
    region: *const c_char,
    role: *const c_char,
    out: *mut piimask_bytes,
    data: *mut *const u8,
    data_len: *mut usize,
) -> piimask_status {
    boundary! {
        require!(out);
        // SAFETY: non-NULL, live, and ours alone per the contract.
        let o = unsafe { &mut *out };
        // Emptied first: no failure, a NULL scanner included, leaves an
        // earlier text in it.
        o.data.clear();
        let status = 'redact: {
            if scanner.is_null() {
                break 'redact fail_with(piimask_status::NullArgument, "`scanner` is NULL");
            }
            // SAFETY: non-NULL and live per the contract.
            let s = unsafe { &*scanner };
            // SAFETY: `text` has `len` readable bytes per the contract.
            let Some(bytes) = (unsafe { self::text(text, len) }) else {
                break 'redact fail_with(
                    piimask_status::NullArgument,
                    "`text` is NULL with a non-zero length",
                );
            };
            // SAFETY: NULL or NUL-terminated per the contract.
            let (region, role) = match unsafe { region_and_role(s, region, role) } {
                Ok(args) => args,
                Err(status) => break 'redact status,
            };
            match s.scanner.redact_role_into(bytes, region, role, &mut o.findings, &mut o.data) {
                Ok(()) => piimask_status::Ok,
                Err(e) => break 'redact fail(&e),
            }
        };
        if status != piimask_status::Ok {
            o.data.clear();
        }
        o.data.push(0);
        if status == piimask_status::Ok && !data.is_null() && !data_len.is_null() {
            // SAFETY: both non-NULL and writable per the contract.
            unsafe {
                write_out(data, o.data.as_ptr());
                write_out(data_len, o.data.len() - 1);
            }
        }
        status
    }
}

/// Replaces the contents of `bytes` with a copy of the `len` bytes at
/// `data` (NULL with `len` 0: empty). This is how a vault callback of
/// `piimask_reveal` hands back a value; it works on any bytes the caller
/// may modify. Pointers obtained from `bytes` before are invalidated.
/// `data` may point into `bytes` itself. On failure `bytes` is unchanged.
///
/// # Safety
/// `bytes` must be NULL or live and not used by another thread; `data`
/// NULL or `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_set(
    bytes: *mut piimask_bytes,
    data: *const u8,
    len: usize,
) -> piimask_status {
    boundary! {
        require!(bytes);
        // Copy first: `data` may point into `bytes`.
        // SAFETY: `data` has `len` readable bytes per the contract.
        let Some(copy) = (unsafe { text(data, len) }).map(|d| {
            let mut copy = Vec::with_capacity(d.len() + 1);
            copy.extend_from_slice(d);
            copy.push(0);
            copy
        }) else {
            return fail_with(piimask_status::NullArgument, "`data` is NULL with a non-zero length");
        };
        // SAFETY: non-NULL, live and ours alone per the contract; no
        // reference into it is alive any more.
        let b = unsafe { &mut *bytes };
        b.data = copy;
        piimask_status::Ok
    }
}

/// The bytes (NULL for a NULL `bytes`). They are followed by a NUL byte
/// that `piimask_bytes_len` does not count, so a text without NUL bytes can
/// be used as a C string. Borrowed: valid until `piimask_bytes_free`.
/// Thread-safe.
///
/// # Safety
/// `bytes` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_data(bytes: *const piimask_bytes) -> *const u8 {
    boundary! {
        // SAFETY: NULL or live per the contract.
        unsafe { bytes.as_ref() }.map_or(std::ptr::null(), |b| b.data.as_ptr())
    }
}

/// The number of bytes, without the trailing NUL (0 for NULL). Thread-safe.
///
/// # Safety
/// `bytes` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_len(bytes: *const piimask_bytes) -> usize {
    boundary! {
        // SAFETY: NULL or live per the contract.
        unsafe { bytes.as_ref() }.map_or(0, |b| b.data.len() - 1)
    }
}

/// Releases bytes. NULL does nothing.
///
/// # Safety
/// `bytes` must be NULL or from `piimask_redact` or `piimask_bytes_new`,
/// not yet freed, and no longer in use.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_free(bytes: *mut piimask_bytes) {
    boundary! {
        // SAFETY: NULL or from piimask_redact or piimask_bytes_new, freed
        // once, per the contract.
        unsafe { release(bytes) }
    }
}

/// Redacts `n` texts in one call, as `piimask_redact` does each. `texts`
/// may be NULL when `n` is 0. If any text fails, the whole call fails and
/// `*out` is left untouched: no unmasked text is ever returned. On success
/// writes the results to `*out`, one per text in order, owned by the caller
/// (release with `piimask_bytes_list_free`). Thread-safe.
///
/// # Safety
/// `scanner` must be NULL or live; `texts` NULL or `n` readable
/// `piimask_text`s, each NULL or with `len` readable bytes; `region` and
/// `role` NULL or NUL-terminated; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_redact_batch(
    scanner: *const piimask_scanner,
    texts: *const piimask_text,
    n: usize,
    region: *const c_char,
    role: *const c_char,
    out: *mut *mut piimask_bytes_list,
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
        let (region, role) = match unsafe { region_and_role(s, region, role) } {
            Ok(args) => args,
            Err(status) => return status,
        };
        let mut findings = Vec::new();
        let mut one = Vec::new();
        let mut packed = Packed::with_capacity(texts.iter().map(|t| t.len).sum::<usize>() + 1, n);
        for t in texts {
            // SAFETY: each text has `len` readable bytes per the contract.
            let Some(bytes) = (unsafe { text(t.ptr, t.len) }) else {
                return fail_with(
                    piimask_status::NullArgument,
                    "a text of the batch is NULL with a non-zero length",
                );
            };
            if let Err(e) = s.scanner.redact_role_into(bytes, region, role, &mut findings, &mut one) {
                return fail(&e);
            }
            packed.items.extend_from_slice(&one);
            packed.end_part();
        }
        packed.items.push(0);
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_bytes_list { packed }) }
    }
}

/// The number of texts in a list (0 for NULL). Thread-safe.
///
/// # Safety
/// `list` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_list_len(list: *const piimask_bytes_list) -> usize {
    boundary! {
        // SAFETY: NULL or live per the contract.
        unsafe { list.as_ref() }.map_or(0, |l| l.packed.parts())
    }
}

/// Text `i` (0-based) of a list: writes a pointer to its bytes to `*data`
/// (borrowed from `list`; not NUL-terminated) and its length to `*len`.
/// `PIIMASK_STATUS_OUT_OF_RANGE` when `i >= piimask_bytes_list_len(list)`;
/// out-parameters untouched on failure. Thread-safe.
///
/// # Safety
/// `list` must be NULL or live; `data` and `len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_list_get(
    list: *const piimask_bytes_list,
    i: usize,
    data: *mut *const u8,
    len: *mut usize,
) -> piimask_status {
    boundary! {
        require!(list, data, len);
        // SAFETY: non-NULL and live per the contract.
        let l = unsafe { &*list };
        let Some(part) = l.packed.part(i) else {
            return fail_with(piimask_status::OutOfRange, "text index out of range");
        };
        // Not NULL even when empty: a slice points into the list.
        let text = &l.packed.items[part];
        // SAFETY: both non-NULL and writable per the contract.
        unsafe {
            write_out(data, text.as_ptr());
            write_out(len, text.len());
        }
        piimask_status::Ok
    }
}

/// The whole list at once, for bindings: `*data` gets all texts back to
/// back (`*total` bytes, followed by a NUL), `*offsets` an array of
/// `piimask_bytes_list_len(list) + 1` byte offsets such that text `i` is
/// `data[offsets[i]]` up to (excluding) `data[offsets[i + 1]]`. Both borrow
/// from `list`. Thread-safe.
///
/// # Safety
/// `list` must be NULL or live; `data`, `total` and `offsets` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_list_flat(
    list: *const piimask_bytes_list,
    data: *mut *const u8,
    total: *mut usize,
    offsets: *mut *const usize,
) -> piimask_status {
    boundary! {
        require!(list, data, total, offsets);
        // SAFETY: non-NULL and live per the contract.
        let l = unsafe { &*list };
        // SAFETY: all non-NULL and writable per the contract.
        unsafe {
            write_out(data, l.packed.items.as_ptr());
            write_out(total, l.packed.total());
            write_out(offsets, l.packed.offsets.as_ptr());
        }
        piimask_status::Ok
    }
}

/// Releases a list. NULL does nothing.
///
/// # Safety
/// `list` must be NULL or from `piimask_redact_batch`, not yet freed, and
/// no longer in use (nor any pointer into it).
#[no_mangle]
pub unsafe extern "C" fn piimask_bytes_list_free(list: *mut piimask_bytes_list) {
    boundary! {
        // SAFETY: NULL or from piimask_redact_batch, freed once, per the
        // contract.
        unsafe { release(list) }
    }
}
