//! `piimask_guard`: the leak guard (see the Rust `guard` module): learn who
//! owns which value, check outbound messages, forget, snapshot and restore.

use std::ffi::{c_char, CStr};
use std::path::Path;
use std::sync::Arc;

use super::findings::array_ptr;
use super::handle::{hand_out, pointer_and_len, release, write_optional};
use super::{
    boundary, fail_with, piimask_scanner, piimask_status, piimask_text, region_arg, require, text,
};
use crate::finding::Kind;
use crate::guard::{Action, Guard, GuardConfig, GuardError, LeakClass, Outbound, Outcome};
use crate::policy::Key;
use crate::scanner::Scanner;

/// A leak guard (opaque): a scanner, the tenant key's guard subkey, a
/// configuration and the ownership store. Any number of threads may use one
/// guard at the same time (its store is internally synchronised). Create it
/// with `piimask_guard_new`, release it with `piimask_guard_free`.
pub struct piimask_guard {
    guard: Guard,
}

/// What happens to a checked message (`piimask_check_action`), ordered by
/// strictness.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum piimask_action {
    /// Send it as written.
    Deliver = 0,
    /// Send `piimask_check_text` instead: the caught values masked.
    Mask = 1,
    /// Do not send it.
    Hold = 2,
}

/// Why a guard event was raised (`piimask_guard_event.leak_class`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum piimask_leak_class {
    /// The value belongs to other conversations, not to this one.
    CrossConversationLeak = 1,
    /// Personal data that no conversation owns.
    UnknownOutbound = 2,
    /// The ownership store failed: the message is held.
    StoreError = 3,
    /// Scanning or masking failed: the message is held.
    CheckError = 4,
}

/// One caught value of a checked message; mirrors `piimask_finding`. It
/// never holds the value. Strings are UTF-8, not NUL-terminated, borrowed
/// from the check result (valid until `piimask_check_free`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct piimask_guard_event {
    /// Why it was caught.
    pub leak_class: piimask_leak_class,
    /// The kind code, as in `piimask_finding.kind`.
    pub kind: u32,
    /// Offset of the value's first byte in the checked text.
    pub start: usize,
    /// Offset one past its last byte.
    pub end: usize,
    /// What this event's rule does with the message.
    pub action: piimask_action,
    /// The rule that fired, e.g. `cross_conversation_leak.phone`.
    pub rule: *const u8,
    /// Length of `rule` in bytes.
    pub rule_len: usize,
    /// The explanation for the agent.
    pub coaching: *const u8,
    /// Length of `coaching` in bytes.
    pub coaching_len: usize,
    /// The conversations that own the value (cross-conversation leaks), as
    /// `owners_len` texts.
    pub owners: *const piimask_text,
    /// How many owners.
    pub owners_len: usize,
}

/// The result of `piimask_guard_check` (opaque), owned by the caller;
/// release with `piimask_check_free`. Read-only: threads may read one at
/// the same time.
pub struct piimask_check {
    outcome: Outcome,
    events: Vec<piimask_guard_event>,
    /// Owns the owner texts the events point to, one list per event.
    _owners: Vec<Vec<piimask_text>>,
}

fn status_of(e: &GuardError) -> piimask_status {
    let status = match e {
        GuardError::Config(_) => piimask_status::InvalidConfig,
        GuardError::Invalid(_) => piimask_status::InvalidArgument,
        _ => piimask_status::Error,
    };
    fail_with(status, &e.to_string())
}

/// A required NUL-terminated UTF-8 string argument.
///
/// # Safety
/// `s` must be non-NULL and NUL-terminated, valid for `'a`.
unsafe fn str_arg<'a>(s: *const c_char, what: &str) -> Result<&'a str, piimask_status> {
    // SAFETY: per the caller's contract.
    unsafe { CStr::from_ptr(s) }.to_str().map_err(|_| {
        fail_with(
            piimask_status::InvalidArgument,
            &format!("`{what}` is not a UTF-8 string"),
        )
    })
}

/// A time argument: negative means now.
fn time_arg(time: i64) -> Option<u64> {
    u64::try_from(time).ok()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Builds a guard on `scanner` (shared: the scanner may be freed before the
/// guard), keyed by the tenant key (`key_len` bytes at `key`, at least 16:
/// the fingerprints and snapshots use a subkey of it), with a JSON guard
/// configuration (`config_len` bytes at `config_json`; NULL for the
/// defaults), for example
/// `{"actions": {"unknown_outbound": {"default": "hold"}}}`.
///
/// On success writes a new guard to `*out` (release with
/// `piimask_guard_free`); on failure returns `PIIMASK_STATUS_INVALID_CONFIG`
/// (a short key, a malformed configuration, an unknown mask role) and
/// leaves `*out` untouched. Thread-safe.
///
/// # Safety
/// `scanner` NULL or live; `key` NULL or `key_len` readable bytes;
/// `config_json` NULL or `config_len` readable bytes; `out` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_new(
    scanner: *const piimask_scanner,
    key: *const u8,
    key_len: usize,
    config_json: *const c_char,
    config_len: usize,
    out: *mut *mut piimask_guard,
) -> piimask_status {
    boundary! {
        require!(scanner, key, out);
        // SAFETY: non-NULL and live per the contract.
        let scanner: Arc<Scanner> = unsafe { &*scanner }.scanner.clone();
        // SAFETY: non-NULL with `key_len` readable bytes per the contract.
        let key = match Key::new(unsafe { std::slice::from_raw_parts(key, key_len) }) {
            Ok(key) => key,
            Err(e) => return super::fail(&e),
        };
        let config = if config_json.is_null() {
            GuardConfig::default()
        } else {
            // SAFETY: non-NULL with `config_len` readable bytes per the contract.
            let bytes = unsafe { std::slice::from_raw_parts(config_json.cast::<u8>(), config_len) };
            let parsed = std::str::from_utf8(bytes)
                .map_err(|_| GuardError::Config("the configuration is not UTF-8".into()))
                .and_then(GuardConfig::from_json);
            match parsed {
                Ok(config) => config,
                Err(e) => return status_of(&e),
            }
        };
        match Guard::new(scanner, &key, config) {
            // SAFETY: `out` is non-NULL and writable per the contract.
            Ok(guard) => unsafe { hand_out(out, piimask_guard { guard }) },
            Err(e) => status_of(&e),
        }
    }
}

/// Releases a guard. NULL does nothing. No other thread may be using it;
/// check results stay valid.
///
/// # Safety
/// `guard` must be NULL or a pointer from `piimask_guard_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_free(guard: *mut piimask_guard) {
    boundary! {
        // SAFETY: NULL or from piimask_guard_new, freed once, per the
        // contract.
        unsafe { release(guard) }
    }
}

/// Learns the personal data a customer wrote (`len` bytes at `text`) in
/// `conversation` (NUL-terminated UTF-8) at `time` (Unix seconds; negative
/// for now), with a region hint (NULL: the scanner's, `""`: none). Writes
/// how many values were found to `*found` unless `found` is NULL.
/// Thread-safe.
///
/// # Safety
/// `guard` NULL or live; `conversation` NULL or NUL-terminated; `text` NULL
/// or `len` readable bytes; `region` NULL or NUL-terminated; `found` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_observe(
    guard: *const piimask_guard,
    conversation: *const c_char,
    text: *const u8,
    len: usize,
    time: i64,
    region: *const c_char,
    found: *mut usize,
) -> piimask_status {
    boundary! {
        require!(guard, conversation);
        // SAFETY: non-NULL and live per the contract.
        let g = &unsafe { &*guard }.guard;
        // SAFETY: non-NULL and NUL-terminated per the contract.
        let conversation = match unsafe { str_arg(conversation, "conversation") } {
            Ok(c) => c,
            Err(status) => return status,
        };
        // SAFETY: per the contract.
        let Some(bytes) = (unsafe { self::text(text, len) }) else {
            return fail_with(piimask_status::NullArgument, "`text` is NULL with a non-zero length");
        };
        // SAFETY: per the contract.
        let region = match unsafe { region_arg(region, g.scanner().region()) } {
            Ok(r) => r,
            Err(status) => return status,
        };
        // Invalid UTF-8 is never part of a finding: read the rest.
        let text = String::from_utf8_lossy(bytes);
        match g.observe_inbound_at(conversation, &text, time_arg(time).unwrap_or_else(now), region) {
            Ok(findings) => {
                // SAFETY: NULL or writable per the contract.
                unsafe { write_optional(found, findings.len()) };
                piimask_status::Ok
            }
            Err(e) => status_of(&e),
        }
    }
}

/// Records that `conversation` owns `value` (`len` bytes) of `kind` (a kind
/// name such as `"phone"` or `"email"`), at `time` (negative: now): the
/// customer's WhatsApp number or the e-mail on file. The value must be a
/// valid value of the kind (`PIIMASK_STATUS_INVALID_ARGUMENT` otherwise).
/// Thread-safe.
///
/// # Safety
/// `guard` NULL or live; `conversation` and `kind` NULL or NUL-terminated;
/// `value` NULL or `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_register(
    guard: *const piimask_guard,
    conversation: *const c_char,
    kind: *const c_char,
    value: *const u8,
    len: usize,
    time: i64,
) -> piimask_status {
    boundary! {
        require!(guard, conversation, kind);
        // SAFETY: non-NULL and live per the contract.
        let g = &unsafe { &*guard }.guard;
        // SAFETY: non-NULL and NUL-terminated per the contract.
        let (conversation, kind) = match unsafe {
            (str_arg(conversation, "conversation"), str_arg(kind, "kind"))
        } {
            (Ok(c), Ok(k)) => (c, Kind::from_name(k)),
            (Err(status), _) | (_, Err(status)) => return status,
        };
        // SAFETY: per the contract.
        let Some(bytes) = (unsafe { self::text(value, len) }) else {
            return fail_with(piimask_status::NullArgument, "`value` is NULL with a non-zero length");
        };
        let Ok(value) = std::str::from_utf8(bytes) else {
            return fail_with(piimask_status::InvalidArgument, "`value` is not UTF-8");
        };
        match g.register_at(conversation, &kind, value, time_arg(time).unwrap_or_else(now)) {
            Ok(()) => piimask_status::Ok,
            Err(e) => status_of(&e),
        }
    }
}

/// Checks a message `sender` sends in `conversation` (`len` bytes at
/// `text`) at `time` (negative: now), with coaching texts in `language`
/// (NULL: the configuration's). Never fails for a store or masking
/// failure: the message is then held. On success writes the result to
/// `*out` (release with `piimask_check_free`); it does not borrow `text`.
/// Thread-safe.
///
/// # Safety
/// `guard` NULL or live; `conversation`, `sender` and `language` NULL or
/// NUL-terminated; `text` NULL or `len` readable bytes; `out` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_check(
    guard: *const piimask_guard,
    conversation: *const c_char,
    sender: *const c_char,
    text: *const u8,
    len: usize,
    time: i64,
    language: *const c_char,
    out: *mut *mut piimask_check,
) -> piimask_status {
    boundary! {
        require!(guard, conversation, sender, out);
        // SAFETY: non-NULL and live per the contract.
        let g = &unsafe { &*guard }.guard;
        // SAFETY: non-NULL and NUL-terminated per the contract.
        let (conversation, sender) = match unsafe {
            (str_arg(conversation, "conversation"), str_arg(sender, "sender"))
        } {
            (Ok(c), Ok(s)) => (c, s),
            (Err(status), _) | (_, Err(status)) => return status,
        };
        let language = if language.is_null() {
            None
        } else {
            // SAFETY: non-NULL and NUL-terminated per the contract.
            match unsafe { str_arg(language, "language") } {
                Ok(l) => Some(l),
                Err(status) => return status,
            }
        };
        // SAFETY: per the contract.
        let Some(bytes) = (unsafe { self::text(text, len) }) else {
            return fail_with(piimask_status::NullArgument, "`text` is NULL with a non-zero length");
        };
        let Ok(text) = std::str::from_utf8(bytes) else {
            return fail_with(piimask_status::InvalidArgument, "`text` is not UTF-8");
        };
        let outcome = g.check(&Outbound {
            time: Some(time_arg(time).unwrap_or_else(now)),
            language,
            ..Outbound::new(conversation, sender, text)
        });
        let scanner = g.scanner();
        let owners: Vec<Vec<piimask_text>> = outcome
            .events
            .iter()
            .map(|e| {
                e.owners
                    .iter()
                    .map(|o| piimask_text { ptr: o.as_ptr(), len: o.len() })
                    .collect()
            })
            .collect();
        let events = outcome
            .events
            .iter()
            .zip(&owners)
            .map(|(e, owners)| piimask_guard_event {
                leak_class: match e.class {
                    LeakClass::CrossConversationLeak => piimask_leak_class::CrossConversationLeak,
                    LeakClass::UnknownOutbound => piimask_leak_class::UnknownOutbound,
                    LeakClass::StoreError => piimask_leak_class::StoreError,
                    LeakClass::CheckError => piimask_leak_class::CheckError,
                },
                kind: e
                    .kind
                    .builtin_code()
                    .or_else(|| scanner.kind_code(&e.kind))
                    .unwrap_or(0),
                start: e.start,
                end: e.end,
                action: action_code(e.action),
                rule: e.rule.as_ptr(),
                rule_len: e.rule.len(),
                coaching: e.coaching.as_ptr(),
                coaching_len: e.coaching.len(),
                owners: owners.as_ptr(),
                owners_len: owners.len(),
            })
            .collect();
        // SAFETY: `out` is non-NULL and writable per the contract.
        unsafe { hand_out(out, piimask_check { outcome, events, _owners: owners }) }
    }
}

/// A panic in `piimask_check_action` answers hold: fail closed.
impl super::PanicValue for piimask_action {
    fn panic_value() -> Self {
        piimask_action::Hold
    }
}

fn action_code(action: Action) -> piimask_action {
    match action {
        Action::Deliver => piimask_action::Deliver,
        Action::Mask => piimask_action::Mask,
        Action::Hold => piimask_action::Hold,
    }
}

/// The action for a checked message: the strictest of its events', `PIIMASK_ACTION_DELIVER` when none, and
/// `PIIMASK_ACTION_HOLD` for a NULL check.
///
/// # Safety
/// `check` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn piimask_check_action(check: *const piimask_check) -> piimask_action {
    boundary! {
        if check.is_null() {
            return piimask_action::Hold;
        }
        // SAFETY: non-NULL and live per the contract.
        action_code(unsafe { &*check }.outcome.action)
    }
}

/// The events of a checked message, in text order: writes their number to
/// `*len` and returns the array (NULL when there are none, or for a NULL
/// argument), borrowed from `check`.
///
/// # Safety
/// `check` NULL or live; `len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_check_events(
    check: *const piimask_check,
    len: *mut usize,
) -> *const piimask_guard_event {
    boundary! {
        // SAFETY: `check` NULL or live, `len` NULL or writable, per the
        // contract.
        unsafe { pointer_and_len(check, len, |c| Some((array_ptr(&c.events), c.events.len()))) }
    }
}

/// For `PIIMASK_ACTION_MASK`: the text to send (the caught values masked),
/// UTF-8, its length written to `*len`, borrowed from `check`. NULL for the
/// other actions (send the original, or nothing) and NULL arguments.
///
/// # Safety
/// `check` NULL or live; `len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_check_text(
    check: *const piimask_check,
    len: *mut usize,
) -> *const u8 {
    boundary! {
        // SAFETY: `check` NULL or live, `len` NULL or writable, per the
        // contract.
        unsafe {
            pointer_and_len(check, len, |c| match (&c.outcome.masked, c.outcome.action) {
                (Some(masked), Action::Mask) => Some((masked.as_ptr(), masked.len())),
                _ => None,
            })
        }
    }
}

/// Releases a check result. NULL does nothing.
///
/// # Safety
/// `check` must be NULL or a pointer from `piimask_guard_check` not yet
/// freed.
#[no_mangle]
pub unsafe extern "C" fn piimask_check_free(check: *mut piimask_check) {
    boundary! {
        // SAFETY: NULL or from piimask_guard_check, freed once, per the
        // contract.
        unsafe { release(check) }
    }
}

/// Erases everything `conversation` owns (an erasure request); writes how
/// many values to `*forgotten` unless it is NULL. Thread-safe.
///
/// # Safety
/// `guard` NULL or live; `conversation` NULL or NUL-terminated;
/// `forgotten` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_forget(
    guard: *const piimask_guard,
    conversation: *const c_char,
    forgotten: *mut usize,
) -> piimask_status {
    boundary! {
        require!(guard, conversation);
        // SAFETY: per the contract.
        unsafe { counted(guard, conversation, "conversation", forgotten, |g, c| g.forget(c)) }
    }
}

/// The shared body of the calls that take a guard and one string argument
/// and count what they did (forget, snapshot, restore): runs `op` and
/// writes its count through `count` unless that is NULL.
///
/// # Safety
/// `guard` non-NULL and live; `arg` non-NULL and NUL-terminated (`what`
/// names it in errors); `count` NULL or writable.
unsafe fn counted(
    guard: *const piimask_guard,
    arg: *const c_char,
    what: &str,
    count: *mut usize,
    op: impl FnOnce(&Guard, &str) -> Result<usize, GuardError>,
) -> piimask_status {
    // SAFETY: non-NULL and live per the caller's contract.
    let g = &unsafe { &*guard }.guard;
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let arg = match unsafe { str_arg(arg, what) } {
        Ok(a) => a,
        Err(status) => return status,
    };
    match op(g, arg) {
        Ok(n) => {
            // SAFETY: NULL or writable per the caller's contract.
            unsafe { write_optional(count, n) };
            piimask_status::Ok
        }
        Err(e) => status_of(&e),
    }
}

/// Writes the guard's ownership (fingerprints only, never values) to the
/// file at `path` (NUL-terminated UTF-8) atomically: a temporary file
/// beside it, then a rename. Writes the number of values to `*values`
/// unless it is NULL. `PIIMASK_STATUS_ERROR` with details from
/// `piimask_last_error` on I/O failure. Thread-safe.
///
/// # Safety
/// `guard` NULL or live; `path` NULL or NUL-terminated; `values` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_snapshot(
    guard: *const piimask_guard,
    path: *const c_char,
    values: *mut usize,
) -> piimask_status {
    boundary! {
        require!(guard, path);
        // SAFETY: per the contract.
        unsafe { counted(guard, path, "path", values, |g, p| g.snapshot(Path::new(p))) }
    }
}

/// Replaces the guard's ownership with the snapshot at `path`; writes the
/// number of values held to `*values` unless it is NULL. A missing,
/// truncated, corrupt or foreign file, or one made with another key, gives
/// `PIIMASK_STATUS_ERROR` (details from `piimask_last_error`) and leaves
/// the guard unchanged. Thread-safe.
///
/// # Safety
/// `guard` NULL or live; `path` NULL or NUL-terminated; `values` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_guard_restore(
    guard: *const piimask_guard,
    path: *const c_char,
    values: *mut usize,
) -> piimask_status {
    boundary! {
        require!(guard, path);
        // SAFETY: per the contract.
        unsafe { counted(guard, path, "path", values, |g, p| g.restore(Path::new(p))) }
    }
}
