//! `piimask_reveal`: audited reveal of tokens (through the caller's vault
//! callback) and FPE values (with the scanner's key).

use std::cell::Cell;
use std::ffi::{c_char, c_void, CStr, CString};

use zeroize::Zeroize;

use super::handle::hand_out;
use super::{
    boundary, fail, fail_with, piimask_bytes, piimask_scanner, piimask_status, region_arg, require,
    text,
};
use crate::policy::{AuditEvent, AuditSink, Outcome, RevealRequest, TokenVault};

/// How a reveal attempt ended, as told to the audit callback.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum piimask_outcome {
    /// The value was returned.
    Revealed = 0,
    /// The role may not reveal, or the policy does not define it.
    Denied = 1,
    /// The token is not in the vault (or there is no vault), or the value
    /// is not a format-preserving value of its kind.
    NotFound = 2,
}

impl From<Outcome> for piimask_outcome {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Revealed => Self::Revealed,
            Outcome::Denied => Self::Denied,
            Outcome::NotFound => Self::NotFound,
        }
    }
}

/// One reveal attempt, for the audit callback. Holds no personal data: not
/// the value asked about, not the value revealed. Every string is UTF-8,
/// NUL-terminated, with its length in bytes (without the NUL) beside it,
/// and borrowed: valid only while the callback runs (copy what you keep).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct piimask_audit_event {
    /// When, RFC 3339 in UTC to the second (`2024-05-01T09:30:00Z`).
    pub time: *const c_char,
    /// Length of `time`.
    pub time_len: usize,
    /// Who asked (the `actor` argument).
    pub actor: *const c_char,
    /// Length of `actor`.
    pub actor_len: usize,
    /// As which role (the `role` argument).
    pub role: *const c_char,
    /// Length of `role`.
    pub role_len: usize,
    /// The kind code of the value (the `kind` argument).
    pub kind: u32,
    /// The kind's name (`"phone"`, or a custom kind's).
    pub kind_name: *const c_char,
    /// Length of `kind_name`.
    pub kind_name_len: usize,
    /// The conversation (the `conversation` argument); NULL when not given.
    pub conversation: *const c_char,
    /// Length of `conversation` (0 when NULL).
    pub conversation_len: usize,
    /// What happened.
    pub outcome: piimask_outcome,
}

/// A token vault: looks up the value behind a token for `piimask_reveal`.
///
/// Called with the `vault_ctx` given to `piimask_reveal`, the token
/// (`token_len` bytes of UTF-8 such as `[PHONE:q3k9x2mb7d]`, followed by a
/// NUL that `token_len` does not count), and `value`: empty bytes owned by
/// the library. If the vault knows the token, it stores the value (UTF-8)
/// with `piimask_bytes_set(value, data, len)` and returns true; otherwise
/// it returns false (whatever it stored is then discarded). The library
/// copies the value before the callback returns to it, so the callback's
/// own memory need not outlive the call. `token` and `value` are valid
/// only during the call: do not keep them, nor free `value`.
///
/// The callback runs on the thread that called `piimask_reveal`, before it
/// returns, at most once per call, and only for a role allowed to reveal.
/// It may call other piimask functions. It must not unwind (no C++
/// exception, no `longjmp` out of it).
pub type piimask_vault_lookup_fn = Option<
    unsafe extern "C" fn(
        ctx: *mut c_void,
        token: *const u8,
        token_len: usize,
        value: *mut piimask_bytes,
    ) -> bool,
>;

/// An audit sink: receives every reveal attempt of `piimask_reveal`.
///
/// Called with the `audit_ctx` given to `piimask_reveal` and the event,
/// which is valid only during the call. It runs on the thread that called
/// `piimask_reveal`, exactly once per attempt, before the value is handed
/// back. Storing the event is the callback's job; the library cannot
/// learn that it failed, so a sink that can fail should keep a record of
/// its failures (or abort). It may call other piimask functions. It must
/// not unwind (no C++ exception, no `longjmp` out of it).
pub type piimask_audit_fn =
    Option<unsafe extern "C" fn(ctx: *mut c_void, event: *const piimask_audit_event)>;

/// The caller's vault callback as a [`TokenVault`].
struct CVault {
    lookup: unsafe extern "C" fn(*mut c_void, *const u8, usize, *mut piimask_bytes) -> bool,
    ctx: *mut c_void,
    /// Set when the vault answered with bytes that are not UTF-8.
    not_utf8: Cell<bool>,
}

impl TokenVault for CVault {
    fn lookup(&self, token: &str) -> Option<String> {
        if token.as_bytes().contains(&0) {
            return None;
        }
        let mut token_z = Vec::with_capacity(token.len() + 1);
        token_z.extend_from_slice(token.as_bytes());
        token_z.push(0);
        let mut value = piimask_bytes::from_vec(Vec::new());
        // SAFETY: the caller of piimask_reveal vouches for the callback and
        // its context. The token is `token.len()` bytes and a NUL, alive
        // during the call; `value` is live, ours, and used by no other
        // thread.
        let found = unsafe { (self.lookup)(self.ctx, token_z.as_ptr(), token.len(), &mut value) };
        let mut data = value.take();
        if !found {
            data.zeroize();
            return None;
        }
        match String::from_utf8(data) {
            Ok(value) => Some(value),
            Err(e) => {
                e.into_bytes().zeroize();
                self.not_utf8.set(true);
                None
            }
        }
    }
}

/// The caller's audit callback as an [`AuditSink`].
struct CAudit<'a> {
    record: unsafe extern "C" fn(*mut c_void, *const piimask_audit_event),
    ctx: *mut c_void,
    scanner: &'a piimask_scanner,
}

/// `s` as a C string (the event's strings come from C strings or are
/// generated, so they hold no NUL; one would end the string early).
fn c_string(s: &str) -> CString {
    let end = s.find('\0').unwrap_or(s.len());
    CString::new(&s[..end]).unwrap_or_default()
}

impl AuditSink for CAudit<'_> {
    fn record(&self, event: &AuditEvent) {
        let time = c_string(&event.time);
        let actor = c_string(&event.actor);
        let role = c_string(&event.role);
        let conversation = event.conversation.as_deref().map(c_string);
        let kind = self.scanner.code(&event.kind);
        let kind_name = self
            .scanner
            .kind_name(kind)
            .map_or_else(|| c_string(event.kind.name()), CStr::to_owned);
        let c_event = piimask_audit_event {
            time: time.as_ptr(),
            time_len: time.as_bytes().len(),
            actor: actor.as_ptr(),
            actor_len: actor.as_bytes().len(),
            role: role.as_ptr(),
            role_len: role.as_bytes().len(),
            kind,
            kind_name: kind_name.as_ptr(),
            kind_name_len: kind_name.as_bytes().len(),
            conversation: conversation
                .as_ref()
                .map_or(std::ptr::null(), |c| c.as_ptr()),
            conversation_len: conversation.as_ref().map_or(0, |c| c.as_bytes().len()),
            outcome: event.outcome.into(),
        };
        // SAFETY: the caller of piimask_reveal vouches for the callback and
        // its context; the event and its strings live until it returns.
        unsafe { (self.record)(self.ctx, &c_event) };
    }
}

/// A required NUL-terminated UTF-8 argument.
///
/// # Safety
/// `ptr` must be non-NULL and NUL-terminated, valid for `'a`.
unsafe fn str_arg<'a>(ptr: *const c_char, what: &str) -> Result<&'a str, piimask_status> {
    // SAFETY: per the caller's contract.
    unsafe { CStr::from_ptr(ptr) }.to_str().map_err(|_| {
        fail_with(
            piimask_status::InvalidArgument,
            &format!("`{what}` is not a UTF-8 string"),
        )
    })
}

/// Reveals a token or an FPE value for a role allowed to reveal, and
/// reports the attempt to the audit callback, whatever its outcome.
///
/// - `value`, `len`: the token (`[PHONE:q3k9x2mb7d]`) or FPE value as it
///   appeared in redacted text, UTF-8.
/// - `kind`: its kind code (1 phone, ...; custom kinds as the scanner
///   numbers them, see `piimask_scanner_kind_code`).
/// - `role`: the role asking (required; it must be allowed to reveal, as
///   `supervisor` and `compliance` are by default). `actor`: who asks
///   (required; recorded, never interpreted). `conversation`: where the
///   value came from, recorded; NULL if unknown. `region`: the hint to read
///   back an FPE phone number in national format, as in `piimask_scan`
///   (NULL: the scanner's).
/// - `vault`, `vault_ctx`: the lookup for tokens (see
///   `piimask_vault_lookup_fn`); NULL when the caller keeps no vault, in
///   which case every token is not found. FPE values need no vault: the
///   scanner's key (`piimask_scanner_new_with_key`) decrypts them.
/// - `audit`, `audit_ctx`: the audit sink (see `piimask_audit_fn`).
///   Required: without it the call returns `PIIMASK_STATUS_NULL_ARGUMENT`
///   and attempts nothing, so no reveal goes unaudited.
///
/// On success writes the value to `*out`, owned by the caller (release with
/// `piimask_bytes_free`, ideally after wiping it). Failures of the attempt
/// itself are audited and return `PIIMASK_STATUS_REVEAL_DENIED` (the role
/// may not reveal), `PIIMASK_STATUS_UNKNOWN_ROLE` (audited as denied),
/// `PIIMASK_STATUS_NOT_FOUND` (unknown token, or not an FPE value of the
/// kind) or `PIIMASK_STATUS_MISSING_KEY` (an FPE value and a scanner
/// without a key; audited as not found). Malformed calls are refused before
/// any attempt, without an audit event: a NULL required argument
/// (`PIIMASK_STATUS_NULL_ARGUMENT`), a string that is not UTF-8
/// (`PIIMASK_STATUS_INVALID_ARGUMENT`), a kind code the scanner does not
/// know (`PIIMASK_STATUS_UNKNOWN_KIND`), an unknown region. `*out` is
/// untouched on every failure. Messages (`piimask_last_error`) and audit
/// events never contain the value. Thread-safe: the callbacks run on the
/// calling thread, before this returns.
///
/// # Safety
/// `scanner` must be NULL or live; `value` NULL or `len` readable bytes;
/// `role`, `actor`, `conversation` and `region` NULL or NUL-terminated;
/// `vault` NULL or a function as `piimask_vault_lookup_fn` describes, to
/// which `vault_ctx` is passed as is; `audit` likewise with `audit_ctx`;
/// `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn piimask_reveal(
    scanner: *const piimask_scanner,
    value: *const u8,
    len: usize,
    kind: u32,
    role: *const c_char,
    actor: *const c_char,
    conversation: *const c_char,
    region: *const c_char,
    vault: piimask_vault_lookup_fn,
    vault_ctx: *mut c_void,
    audit: piimask_audit_fn,
    audit_ctx: *mut c_void,
    out: *mut *mut piimask_bytes,
) -> piimask_status {
    boundary! {
        require!(scanner, role, actor, out);
        let Some(record) = audit else {
            return fail_with(
                piimask_status::NullArgument,
                "`audit` is NULL: every reveal must be audited",
            );
        };
        // SAFETY: non-NULL and live per the contract.
        let s = unsafe { &*scanner };
        // SAFETY: `value` has `len` readable bytes per the contract.
        let Some(bytes) = (unsafe { text(value, len) }) else {
            return fail_with(piimask_status::NullArgument, "`value` is NULL with a non-zero length");
        };
        let Ok(value) = std::str::from_utf8(bytes) else {
            return fail_with(piimask_status::InvalidArgument, "`value` is not UTF-8");
        };
        let Some(kind) = s.scanner.kind_by_code(kind) else {
            return fail_with(
                piimask_status::UnknownKind,
                &format!("no kind has code {kind} in this scanner"),
            );
        };
        // SAFETY: non-NULL (checked above) and NUL-terminated per the
        // contract; the same holds for the strings below.
        let role = match unsafe { str_arg(role, "role") } {
            Ok(r) => r,
            Err(status) => return status,
        };
        // SAFETY: as above.
        let actor = match unsafe { str_arg(actor, "actor") } {
            Ok(a) => a,
            Err(status) => return status,
        };
        let conversation = if conversation.is_null() {
            None
        } else {
            // SAFETY: as above.
            match unsafe { str_arg(conversation, "conversation") } {
                Ok(c) => Some(c),
                Err(status) => return status,
            }
        };
        // SAFETY: as above.
        let region = match unsafe { region_arg(region, s.scanner.region()) } {
            Ok(r) => r,
            Err(status) => return status,
        };
        let request = RevealRequest { value, kind, role, actor, conversation, region };
        let vault = vault.map(|lookup| CVault { lookup, ctx: vault_ctx, not_utf8: Cell::new(false) });
        let sink = CAudit { record, ctx: audit_ctx, scanner: s };
        match s.scanner.reveal(&request, vault.as_ref().map(|v| v as &dyn TokenVault), &sink) {
            Ok(mut revealed) => {
                // Room for the NUL up front: no stray copy of the value.
                let mut data = Vec::with_capacity(revealed.len() + 1);
                data.extend_from_slice(revealed.as_bytes());
                revealed.zeroize();
                // SAFETY: `out` is non-NULL and writable per the contract.
                unsafe { hand_out(out, piimask_bytes::from_vec(data)) }
            }
            Err(_) if vault.as_ref().is_some_and(|v| v.not_utf8.get()) => fail_with(
                piimask_status::NotFound,
                "the vault's value for the token is not UTF-8",
            ),
            Err(e) => fail(&e),
        }
    }
}
