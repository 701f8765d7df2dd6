//! `piimask_scanner`: building, freeing, and naming its kinds.

use std::ffi::{c_char, CStr, CString};

use super::handle::{hand_out, release};
use super::{boundary, fail, fail_with, piimask_status, require, write_out};
use crate::config::Config;
use crate::error::Error;
use crate::finding::Kind;
use crate::policy::{printable, Key};
use crate::scanner::Scanner;

/// A compiled scanner (opaque). Immutable once built: any number of threads
/// may use one scanner at the same time, with no locking. Create it with
/// `piimask_scanner_new`, release it with `piimask_scanner_free` once no
/// thread uses it any more.
pub struct piimask_scanner {
    /// Shared with the guards built on it (`piimask_guard_new`).
    pub(super) scanner: std::sync::Arc<Scanner>,
    /// NUL-terminated names of the custom kinds, by code - 1000.
    custom_names: Vec<CString>,
}

impl piimask_scanner {
    /// The code findings of `kind` are reported under (0 if none).
    pub(super) fn code(&self, kind: &Kind) -> u32 {
        kind.builtin_code()
            .or_else(|| self.scanner.kind_code(kind))
            .unwrap_or(0)
    }

    /// The NUL-terminated name of a kind code, if this scanner knows it.
    pub(super) fn kind_name(&self, code: u32) -> Option<&CStr> {
        match code.checked_sub(Scanner::CUSTOM_KIND_CODES_START) {
            None => super::BUILTIN_NAMES
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, name)| name.as_c_str()),
            Some(i) => usize::try_from(i)
                .ok()
                .and_then(|i| self.custom_names.get(i))
                .map(CString::as_c_str),
        }
    }
}

/// Builds a scanner from a JSON configuration, the schema the CLI's
/// `--config` takes (e.g. `{"region": "IN", "kinds": ["phone", "email"]}`),
/// given as `len` bytes of UTF-8 at `config_json` (no NUL needed).
/// `config_json` NULL means the defaults: every built-in kind, no region
/// hint (only international phone formats).
/// Its `min_confidence` (0 to 1, default 0.5) drops findings below that
/// confidence; a role of its `policy` may set its own for redaction. Its
/// `spelled_out` (default false) also reads values spelled out as words
/// (`nine eight seven …`, `ravi [at] gmail [dot] com`; docs/detection.md).
///
/// On success writes a new scanner to `*out`, which the caller owns and
/// releases with `piimask_scanner_free`. On failure returns
/// `PIIMASK_STATUS_INVALID_CONFIG`, `PIIMASK_STATUS_UNKNOWN_REGION` or
/// `PIIMASK_STATUS_UNKNOWN_KIND` (details from `piimask_last_error`) and
/// leaves `*out` untouched. `out` NULL gives `PIIMASK_STATUS_NULL_ARGUMENT`.
///
/// Building compiles patterns and tables: do it once and share the scanner.
/// Thread-safe.
///
/// # Safety
/// Unless NULL, `config_json` must point to `len` readable bytes; `out` must
/// be NULL or valid for writing a pointer.
#[no_mangle]
pub unsafe extern "C" fn piimask_scanner_new(
    config_json: *const c_char,
    len: usize,
    out: *mut *mut piimask_scanner,
) -> piimask_status {
    boundary! {
        // SAFETY: forwarded contract.
        unsafe { new_scanner(config_json, len, None, out) }
    }
}

/// Like `piimask_scanner_new`, with the tenant's secret key for the keyed
/// operators of roles (`token`, `hash`, `fpe`): `key_len` bytes at `key`,
/// at least 16 (use 32 random bytes). The scanner keeps only keys derived
/// from it, wiped when the scanner is freed; the caller may wipe its own
/// copy as soon as this returns. The key is never logged nor part of any
/// message. A key shorter than 16 bytes gives
/// `PIIMASK_STATUS_INVALID_CONFIG`; `key` NULL gives
/// `PIIMASK_STATUS_NULL_ARGUMENT`. Thread-safe.
///
/// # Safety
/// As `piimask_scanner_new`; `key` must be NULL or point to `key_len`
/// readable bytes.
#[no_mangle]
pub unsafe extern "C" fn piimask_scanner_new_with_key(
    config_json: *const c_char,
    len: usize,
    key: *const u8,
    key_len: usize,
    out: *mut *mut piimask_scanner,
) -> piimask_status {
    boundary! {
        require!(key);
        // SAFETY: non-NULL with `key_len` readable bytes per the contract.
        let key = unsafe { std::slice::from_raw_parts(key, key_len) };
        // SAFETY: forwarded contract.
        unsafe { new_scanner(config_json, len, Some(key), out) }
    }
}

/// Builds a scanner for the two constructors.
///
/// # Safety
/// `config_json` NULL or `len` readable bytes; `out` NULL or writable.
unsafe fn new_scanner(
    config_json: *const c_char,
    len: usize,
    key: Option<&[u8]>,
    out: *mut *mut piimask_scanner,
) -> piimask_status {
    require!(out);
    let mut builder = Scanner::builder();
    if !config_json.is_null() {
        // SAFETY: non-NULL, with `len` readable bytes per the contract.
        let bytes = unsafe { std::slice::from_raw_parts(config_json.cast::<u8>(), len) };
        let Ok(json) = std::str::from_utf8(bytes) else {
            return fail_with(
                piimask_status::InvalidConfig,
                "the configuration is not UTF-8",
            );
        };
        match Config::from_json(json) {
            Ok(config) => builder = builder.config(&config),
            Err(e) => return fail(&e),
        }
    }
    if let Some(key) = key {
        match Key::new(key) {
            Ok(key) => builder = builder.key(key),
            Err(e) => return fail(&e),
        }
    }
    let scanner = match builder.build() {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let custom_names = (Scanner::CUSTOM_KIND_CODES_START..)
        .map_while(|code| scanner.kind_by_code(code))
        .map(|kind| CString::new(kind.name().replace('\0', "\u{FFFD}")).unwrap_or_default())
        .collect();
    let handle = piimask_scanner {
        scanner: std::sync::Arc::new(scanner),
        custom_names,
    };
    // SAFETY: `out` is non-NULL and writable per the contract.
    unsafe { hand_out(out, handle) }
}

/// Releases a scanner. NULL does nothing. No other thread may be using it,
/// and results obtained from it (findings, bytes) stay valid: they do not
/// borrow from the scanner.
///
/// # Safety
/// `scanner` must be NULL or a pointer from `piimask_scanner_new` not yet
/// freed.
#[no_mangle]
pub unsafe extern "C" fn piimask_scanner_free(scanner: *mut piimask_scanner) {
    boundary! {
        // SAFETY: NULL or from piimask_scanner_new, freed once, per the
        // contract.
        unsafe { release(scanner) }
    }
}

/// The name of a kind code as this scanner reports it: built-in names as
/// `piimask_kind_name` gives them, and the names of the configuration's
/// custom kinds (codes 1000 and up, numbered in name order). NULL for a
/// code this scanner does not know, or a NULL scanner. The string belongs
/// to the scanner and lives as long as it. Thread-safe.
///
/// # Safety
/// `scanner` must be NULL or a live scanner.
#[no_mangle]
pub unsafe extern "C" fn piimask_scanner_kind_name(
    scanner: *const piimask_scanner,
    kind: u32,
) -> *const c_char {
    boundary! {
        // SAFETY: NULL or a live scanner per the contract.
        unsafe { scanner.as_ref() }
            .and_then(|s| s.kind_name(kind))
            .map_or(std::ptr::null(), CStr::as_ptr)
    }
}

/// The code of the kind named `name` (NUL-terminated, e.g. `"phone"`, or a
/// custom kind of the configuration), the inverse of
/// `piimask_scanner_kind_name`: writes it to `*out`. A name that is neither
/// built in nor one of this scanner's custom kinds gives
/// `PIIMASK_STATUS_UNKNOWN_KIND`; out-parameters untouched on failure.
/// Thread-safe.
///
/// # Safety
/// `scanner` must be NULL or live; `name` NULL or NUL-terminated; `out`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_scanner_kind_code(
    scanner: *const piimask_scanner,
    name: *const c_char,
    out: *mut u32,
) -> piimask_status {
    boundary! {
        require!(scanner, name, out);
        // SAFETY: non-NULL and live per the contract.
        let s = unsafe { &*scanner };
        // SAFETY: non-NULL and NUL-terminated per the contract.
        let Ok(name) = unsafe { CStr::from_ptr(name) }.to_str() else {
            return fail_with(piimask_status::InvalidArgument, "`name` is not a UTF-8 string");
        };
        let Some(code) = s.scanner.kind_code(&Kind::from_name(name)) else {
            return fail(&Error::UnknownKind(printable(name)));
        };
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { write_out(out, code) };
        piimask_status::Ok
    }
}
