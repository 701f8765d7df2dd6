//! `piimask_stream`: redacting a text that arrives in chunks.

use std::ffi::c_char;

use super::handle::{hand_out, release};
use super::redact::region_and_role;
use super::{
    boundary, fail, fail_with, piimask_bytes, piimask_findings, piimask_scanner, piimask_status,
    require, text,
};
use crate::stream::StreamState;

/// A redaction in progress over a text delivered in chunks (opaque).
/// Chunks may be split anywhere (inside a UTF-8 character, a phone number,
/// between a keyword and its number); the outputs of all calls, put
/// together, are exactly what `piimask_redact` gives for the whole text.
/// Text is held back only until no finding can reach across it: normally
/// to the end of the current line (see the crate's `stream` module for the
/// bound). Create with `piimask_stream_new`, release with
/// `piimask_stream_free`. One thread at a time may use a stream.
pub struct piimask_stream {
    scanner: *const piimask_scanner,
    state: StreamState,
    /// The output of one call, before it is copied to the caller's bytes.
    piece: Vec<u8>,
}

/// Starts a streaming redaction with `scanner`, for `role` (NULL: the
/// policy's default role) with a `region` hint (as in `piimask_redact`).
/// A role no policy defines gives `PIIMASK_STATUS_UNKNOWN_ROLE` at once.
///
/// On success writes a new stream to `*out`, owned by the caller (release
/// with `piimask_stream_free`). The scanner is borrowed, not copied: it
/// must stay alive until the stream is freed. On failure `*out` is left
/// untouched. Thread-safe.
///
/// # Safety
/// `scanner` must be NULL or live, and outlive the stream; `region` and
/// `role` NULL or NUL-terminated; `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_stream_new(
    scanner: *const piimask_scanner,
    region: *const c_char,
    role: *const c_char,
    out: *mut *mut piimask_stream,
) -> piimask_status {
    boundary! {
        require!(scanner, out);
        // SAFETY: non-NULL and live per the contract.
        let s = unsafe { &*scanner };
        // SAFETY: NULL or NUL-terminated per the contract.
        let (region, role) = match unsafe { region_and_role(s, region, role) } {
            Ok(args) => args,
            Err(status) => return status,
        };
        let state = match StreamState::new(&s.scanner, region, role) {
            Ok(state) => state,
            Err(e) => return fail(&e),
        };
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_stream { scanner, state, piece: Vec::new() }) }
    }
}

/// Feeds the next `len` bytes at `chunk` (any bytes) to the stream and
/// replaces the contents of `out` (from `piimask_bytes_new`) with the
/// redacted text that is now certain, possibly empty; read it with
/// `piimask_bytes_data` and `piimask_bytes_len`. When `findings` is not
/// NULL its contents are replaced with the findings in that text, with
/// byte offsets into the whole input stream.
///
/// On failure `out` and `findings` are left empty and the stream is
/// closed: every later call fails (`PIIMASK_STATUS_REDACTION_FAILED`) and
/// no unmasked text is ever returned. Not thread-safe per stream.
///
/// # Safety
/// `stream` must be NULL or live (and its scanner too); `chunk` NULL or
/// `len` readable bytes; `out` NULL or live; `findings` NULL or live. None
/// may be used by another thread during the call.
#[no_mangle]
pub unsafe extern "C" fn piimask_stream_write(
    stream: *mut piimask_stream,
    chunk: *const u8,
    len: usize,
    out: *mut piimask_bytes,
    findings: *mut piimask_findings,
) -> piimask_status {
    boundary! {
        // SAFETY: per the contract.
        unsafe { step(stream, Some((chunk, len)), out, findings) }
    }
}

/// Ends the stream: replaces the contents of `out` with the redaction of
/// all text still held back (and of `findings`, when not NULL, with its
/// findings). Later writes fail. Failure as in `piimask_stream_write`.
///
/// # Safety
/// As `piimask_stream_write`.
#[no_mangle]
pub unsafe extern "C" fn piimask_stream_finish(
    stream: *mut piimask_stream,
    out: *mut piimask_bytes,
    findings: *mut piimask_findings,
) -> piimask_status {
    boundary! {
        // SAFETY: per the contract.
        unsafe { step(stream, None, out, findings) }
    }
}

/// One write (`chunk` given) or the finish.
///
/// # Safety
/// As `piimask_stream_write`.
unsafe fn step(
    stream: *mut piimask_stream,
    chunk: Option<(*const u8, usize)>,
    out: *mut piimask_bytes,
    findings: *mut piimask_findings,
) -> piimask_status {
    require!(out);
    // SAFETY: non-NULL, live and ours alone per the contract.
    let o = unsafe { &mut *out };
    o.set(b"");
    // SAFETY: NULL or live and ours alone per the contract.
    let mut found = unsafe { findings.as_mut() };
    if let Some(f) = found.as_deref_mut() {
        f.clear();
    }
    require!(stream);
    // SAFETY: non-NULL, live and ours alone per the contract.
    let st = unsafe { &mut *stream };
    // SAFETY: the scanner outlives the stream per the contract of `_new`.
    let s = unsafe { &*st.scanner };
    st.piece.clear();
    let result = match chunk {
        Some((ptr, len)) => {
            // SAFETY: `len` readable bytes per the contract.
            let Some(bytes) = (unsafe { text(ptr, len) }) else {
                return fail_with(
                    piimask_status::NullArgument,
                    "`chunk` is NULL with a non-zero length",
                );
            };
            st.state.write(&s.scanner, bytes, &mut st.piece)
        }
        None => st.state.finish(&s.scanner, &mut st.piece),
    };
    if let Err(e) = result {
        st.piece.clear();
        return fail(&e);
    }
    o.set(&st.piece);
    if let Some(f) = found {
        f.set(s, st.state.findings());
    }
    piimask_status::Ok
}

/// How many input bytes the stream holds back: taken by
/// `piimask_stream_write` but not yet in any output (0 for NULL). So the
/// outputs so far are the redaction of the first `written - held` bytes
/// of the input, where `written` is the total length of all chunks; the
/// findings of the next output start at or after that offset. A binding
/// that converts byte offsets into other units keeps only the held bytes.
/// Not thread-safe per stream.
///
/// # Safety
/// `stream` must be NULL or live and not used by another thread during
/// the call.
#[no_mangle]
pub unsafe extern "C" fn piimask_stream_held(stream: *const piimask_stream) -> usize {
    boundary! {
        // SAFETY: NULL or live per the contract.
        unsafe { stream.as_ref() }.map_or(0, |st| st.state.held())
    }
}

/// Releases a stream (NULL: nothing happens). Text still held back is
/// dropped unredacted and never returned.
///
/// # Safety
/// `stream` must be NULL or a live stream not used by another thread, and
/// is invalid afterwards.
#[no_mangle]
pub unsafe extern "C" fn piimask_stream_free(stream: *mut piimask_stream) {
    boundary! {
        // SAFETY: NULL or a live stream from `piimask_stream_new`, per the
        // contract.
        unsafe { release(stream) }
    }
}
