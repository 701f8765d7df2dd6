//! The C ABI: the only module with `unsafe` code.
//!
//! Conventions (the header `include/piimask.h` is generated from this module
//! by cbindgen, doc comments included):
//!
//! - Objects are opaque handles. `piimask_<thing>_new` (or a call such as
//!   `piimask_scan`) writes a new handle through its last argument, and
//!   `piimask_<thing>_free` releases it; freeing `NULL` does nothing.
//! - Every fallible function returns a [`piimask_status`]; on failure it
//!   leaves its out-parameters untouched. `piimask_status_message` gives a
//!   static description of a status and `piimask_last_error` the details of
//!   the last failure on the calling thread.
//! - Text is a pointer and a length in bytes: any bytes, not NUL-terminated,
//!   invalid UTF-8 included (it is never part of a finding). A `NULL` pointer
//!   with length 0 is the empty text.
//! - Offsets are UTF-8 byte offsets, end exclusive.
//! - No panic crosses the boundary: each entry point catches it and returns
//!   `PIIMASK_STATUS_PANIC` (or a neutral value where no status is returned).
//! - A scanner is immutable once built: any number of threads may use one
//!   at the same time.

// C naming in the C ABI: the types are spelled as C callers see them.
#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]

// In header order: scanners, then scanning, then redaction.
mod scanner;

mod findings;

mod packed;

mod redact;

mod reveal;

mod kinds;

mod stream;

mod guard;

mod handle;

use std::cell::RefCell;
use std::ffi::{c_char, CStr, CString};

use once_cell::sync::Lazy;

use crate::error::Error;
use crate::finding::Kind;
use crate::region::Region;

pub use findings::*;
pub use guard::*;
pub use kinds::*;
pub use packed::*;
pub use redact::*;
pub use reveal::*;
pub use scanner::*;
pub use stream::*;

/// The first code given to custom kinds: a scanner numbers the custom kinds
/// of its configuration from here, in name order.
pub const PIIMASK_CUSTOM_KIND_FIRST: u32 = 1000;

/// The outcome of a call. `PIIMASK_STATUS_OK` is 0; every other value is a
/// failure, after which the call's out-parameters are left untouched.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum piimask_status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// The configuration JSON is malformed, not UTF-8, or fails validation.
    InvalidConfig = 2,
    /// A region code the phone metadata does not know.
    UnknownRegion = 3,
    /// A kind name that is neither built in nor defined by the configuration.
    UnknownKind = 4,
    /// A role that the scanner's policy does not define.
    UnknownRole = 5,
    /// An index past the end of a list.
    OutOfRange = 6,
    /// An argument is malformed (e.g. a region or role that is not UTF-8).
    InvalidArgument = 7,
    /// Redaction could not complete; no text is returned.
    RedactionFailed = 8,
    /// An internal error (a caught panic). The call had no effect.
    Panic = 9,
    /// An error without a more specific status; see `piimask_last_error`.
    Error = 10,
    /// A role's keyed operator (token, hash, fpe) needs a key and the
    /// scanner has none (see `piimask_scanner_new_with_key`).
    MissingKey = 11,
    /// `piimask_reveal`: the role may not reveal values. The attempt was
    /// audited (outcome `PIIMASK_OUTCOME_DENIED`).
    RevealDenied = 12,
    /// `piimask_reveal`: nothing to reveal: the token is not in the vault,
    /// or the value is not a format-preserving value of its kind. The
    /// attempt was audited (outcome `PIIMASK_OUTCOME_NOT_FOUND`).
    NotFound = 13,
}

impl piimask_status {
    /// Every status, in code order.
    const ALL: [piimask_status; 14] = [
        Self::Ok,
        Self::NullArgument,
        Self::InvalidConfig,
        Self::UnknownRegion,
        Self::UnknownKind,
        Self::UnknownRole,
        Self::OutOfRange,
        Self::InvalidArgument,
        Self::RedactionFailed,
        Self::Panic,
        Self::Error,
        Self::MissingKey,
        Self::RevealDenied,
        Self::NotFound,
    ];

    /// Converts a value that came from C, which may be anything.
    fn from_code(code: u32) -> Option<piimask_status> {
        Self::ALL.iter().copied().find(|s| *s as u32 == code)
    }

    fn message(self) -> &'static CStr {
        match self {
            Self::Ok => c"success",
            Self::NullArgument => c"a required pointer argument was NULL",
            Self::InvalidConfig => c"invalid configuration",
            Self::UnknownRegion => c"unknown region code",
            Self::UnknownKind => c"unknown kind",
            Self::UnknownRole => c"unknown role",
            Self::OutOfRange => c"index out of range",
            Self::InvalidArgument => c"invalid argument",
            Self::RedactionFailed => c"redaction failed; no text is returned",
            Self::Panic => c"internal error (panic caught at the C boundary)",
            Self::Error => c"error",
            Self::MissingKey => c"a keyed operator needs a key and the scanner has none",
            Self::RevealDenied => c"this role may not reveal values",
            Self::NotFound => c"nothing to reveal: unknown token or not a value of this kind",
        }
    }
}

impl From<&Error> for piimask_status {
    fn from(e: &Error) -> Self {
        #[allow(unreachable_patterns)] // Error is non_exhaustive for the future.
        match e {
            Error::UnknownRegion(_) => Self::UnknownRegion,
            Error::UnknownKind(_) => Self::UnknownKind,
            Error::Config { .. } => Self::InvalidConfig,
            Error::Redaction(_) => Self::RedactionFailed,
            Error::UnknownRole(_) => Self::UnknownRole,
            Error::MissingKey(_) => Self::MissingKey,
            Error::RevealDenied => Self::RevealDenied,
            Error::RevealFailed(_) => Self::NotFound,
            _ => Self::Error,
        }
    }
}

/// What an entry point returns when it caught a panic.
trait PanicValue {
    fn panic_value() -> Self;
}

impl PanicValue for piimask_status {
    fn panic_value() -> Self {
        set_last_error(Self::Panic.message().to_string_lossy().into_owned());
        Self::Panic
    }
}

impl PanicValue for () {
    fn panic_value() -> Self {}
}

impl PanicValue for usize {
    fn panic_value() -> Self {
        0
    }
}

impl<T> PanicValue for *const T {
    fn panic_value() -> Self {
        std::ptr::null()
    }
}

/// Runs an entry point's body, turning a panic into the return type's
/// [`PanicValue`]. The body is a closure: `return` leaves the body.
macro_rules! boundary {
    ($($body:tt)*) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(_) => $crate::ffi::PanicValue::panic_value(),
        }
    };
}
use boundary;

/// Records `e` as this thread's last error and returns its status.
fn fail(e: &Error) -> piimask_status {
    set_last_error(e.to_string());
    piimask_status::from(e)
}

/// Records a status without more details as this thread's last error.
fn fail_with(status: piimask_status, details: &str) -> piimask_status {
    set_last_error(format!("{}: {details}", status.message().to_string_lossy()));
    status
}

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

fn set_last_error(message: String) {
    // A thread being torn down has no slot left; the status still tells.
    let _ = LAST_ERROR.try_with(|slot| *slot.borrow_mut() = message);
}

/// Returns early with `PIIMASK_STATUS_NULL_ARGUMENT` if a pointer is NULL.
macro_rules! require {
    ($($ptr:ident),+) => {
        $(
            if $ptr.is_null() {
                return $crate::ffi::fail_with(
                    $crate::ffi::piimask_status::NullArgument,
                    concat!("`", stringify!($ptr), "` is NULL"),
                );
            }
        )+
    };
}
use require;

/// The bytes of a pointer + length text; `None` for NULL with a non-zero
/// length.
///
/// # Safety
/// Unless NULL, `ptr` must point to `len` readable bytes that stay valid and
/// unchanged for `'a`.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if ptr.is_null() {
        return (len == 0).then_some(&[]);
    }
    // SAFETY: non-NULL, and the caller guarantees `len` readable bytes.
    Some(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// A region argument: NULL means the scanner's default; `""` means no region
/// hint; anything else must be a known ISO 3166 alpha-2 code.
///
/// # Safety
/// Unless NULL, `region` must be a NUL-terminated string.
unsafe fn region_arg(
    region: *const c_char,
    default: Option<Region>,
) -> Result<Option<Region>, piimask_status> {
    if region.is_null() {
        return Ok(default);
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let bytes = unsafe { CStr::from_ptr(region) }.to_bytes();
    if bytes.is_empty() {
        return Ok(None);
    }
    let code = std::str::from_utf8(bytes).map_err(|_| {
        fail_with(
            piimask_status::InvalidArgument,
            "`region` is not a UTF-8 string",
        )
    })?;
    Region::new(code).map(Some).map_err(|e| fail(&e))
}

/// A role argument: NULL means the policy's default role.
///
/// # Safety
/// Unless NULL, `role` must be a NUL-terminated string valid for `'a`.
unsafe fn role_arg<'a>(role: *const c_char) -> Result<Option<&'a str>, piimask_status> {
    if role.is_null() {
        return Ok(None);
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let role = unsafe { CStr::from_ptr(role) };
    role.to_str().map(Some).map_err(|_| {
        fail_with(
            piimask_status::InvalidArgument,
            "`role` is not a UTF-8 string",
        )
    })
}

/// Writes `value` through `out`.
///
/// # Safety
/// `out` must be non-NULL, aligned and writable.
unsafe fn write_out<T>(out: *mut T, value: T) {
    // SAFETY: per the caller's contract.
    unsafe { out.write(value) }
}

/// The version of the library, e.g. `"0.1.0"`: a static NUL-terminated
/// string, never NULL, never to be freed. Thread-safe.
#[no_mangle]
pub extern "C" fn piimask_version() -> *const c_char {
    static VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => c"unknown",
        };
    VERSION.as_ptr()
}

/// A static description of a status, e.g. `"unknown region code"` (also for
/// values that are not a status: `"unknown status"`). Never NULL, never to be
/// freed. Thread-safe.
#[no_mangle]
pub extern "C" fn piimask_status_message(status: u32) -> *const c_char {
    boundary! {
        piimask_status::from_code(status)
            .map_or(c"unknown status", piimask_status::message)
            .as_ptr()
    }
}

/// The name of a built-in kind code (e.g. 1 gives `"phone"`), or NULL for
/// any other code. Codes of custom kinds (1000 and up) belong to a scanner:
/// use `piimask_scanner_kind_name` for them. The string is static, never to
/// be freed. Thread-safe.
#[no_mangle]
pub extern "C" fn piimask_kind_name(kind: u32) -> *const c_char {
    boundary! {
        BUILTIN_NAMES
            .iter()
            .find(|(code, _)| *code == kind)
            .map_or(std::ptr::null(), |(_, name)| name.as_ptr())
    }
}

/// NUL-terminated names of the built-in kinds, by code.
static BUILTIN_NAMES: Lazy<Vec<(u32, CString)>> = Lazy::new(|| {
    Kind::BUILTIN
        .iter()
        .filter_map(|k| Some((k.builtin_code()?, CString::new(k.name()).ok()?)))
        .collect()
});

/// Copies the details of the last failure on the calling thread (such as
/// "invalid configuration at line 1 column 9: malformed JSON") into `buf`,
/// truncated to `cap - 1` bytes and NUL-terminated, and returns the full
/// length of the message in bytes (without the NUL), like `snprintf`.
/// Returns 0 when no call on this thread has failed yet. `buf` may be NULL
/// when `cap` is 0, to ask for the length. Messages never contain scanned
/// text. Each thread has its own last error; successful calls leave it as
/// it was.
///
/// # Safety
/// Unless `cap` is 0, `buf` must point to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn piimask_last_error(buf: *mut c_char, cap: usize) -> usize {
    boundary! {
        LAST_ERROR
            .try_with(|slot| {
                let message = slot.borrow();
                if cap > 0 && !buf.is_null() {
                    let n = message.len().min(cap - 1);
                    // SAFETY: `buf` has `cap > n` writable bytes per the
                    // contract; the source is a live String of at least `n`
                    // bytes, and the regions cannot overlap (ours is owned).
                    unsafe {
                        std::ptr::copy_nonoverlapping(message.as_ptr(), buf.cast::<u8>(), n);
                        buf.add(n).write(0);
                    }
                }
                message.len()
            })
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_round_trip() {
        for (i, s) in piimask_status::ALL.iter().enumerate() {
            assert_eq!(*s as u32, i as u32);
            assert_eq!(piimask_status::from_code(i as u32), Some(*s));
        }
        assert_eq!(piimask_status::from_code(999), None);
    }

    #[test]
    fn custom_kind_codes_agree() {
        assert_eq!(
            PIIMASK_CUSTOM_KIND_FIRST,
            crate::Scanner::CUSTOM_KIND_CODES_START
        );
    }

    #[test]
    fn builtin_kind_names() {
        // SAFETY: piimask_kind_name returns static C strings or NULL.
        let name = |code| unsafe { CStr::from_ptr(piimask_kind_name(code)) };
        assert_eq!(name(1).to_str(), Ok("phone"));
        assert_eq!(name(2).to_str(), Ok("email"));
        assert!(piimask_kind_name(0).is_null());
        assert!(piimask_kind_name(1000).is_null());
    }

    #[test]
    fn panics_become_statuses() {
        fn boom() -> piimask_status {
            boundary! {
                if true {
                    panic!("boom");
                }
                piimask_status::Ok
            }
        }
        // The default hook prints the message; the host's stderr is its own.
        assert_eq!(boom(), piimask_status::Panic);
    }
}
