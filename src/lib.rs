//! # piimask
//!
//! Find and mask personal data in chat messages: phone numbers (validated
//! against libphonenumber metadata for every country, including WhatsApp
//! links and JIDs), e-mail addresses, payment cards (issuer ranges and
//! Luhn), IBANs (mod 97), IP addresses, 114 national and tax IDs (each
//! with its checksum or published structure), UPI IDs and InstaPay
//! addresses, domestic bank accounts and Argentine transfer aliases,
//! IMEIs, crypto addresses and passports, plus custom regex and
//! dictionary kinds. Built for the
//! hot path of a messaging platform: one pass over the bytes, text without
//! digits or `@` skipped at memory speed, validation only where a candidate
//! stands, no allocation on a clean message.
//!
//! - [`Scanner`]: built once from a [`ScannerBuilder`] (or a [`Config`]),
//!   shared across threads; [`Scanner::scan`] finds, [`Scanner::redact`]
//!   masks, `*_into` and `*_batch` variants reuse buffers.
//! - [`policy`]: what each viewer role sees (keep, mask, label, remove,
//!   keyed tokens, hashes and format-preserving encryption) and audited
//!   reveal.
//! - [`guard`]: the leak guard: which conversation owns which value (keyed
//!   fingerprints only), outbound checks for cross-conversation leaks and
//!   unknown data with actions and coaching, monitor rules and alerts, and
//!   stores in memory or Redis (feature `redis`).
//! - [`report`]: KPIs and ROI from guard output and reveal audit logs.
//! - [`stream`]: redaction of text that arrives in chunks split anywhere;
//!   [`formats`]: WhatsApp exports, CSV columns and nested JSON fields.
//! - [`ffi`]: the C ABI (`include/piimask.h`), which the Python and Node
//!   packages wrap.
//!
//! Phone metadata is compiled at build time into DFAs the library reads in
//! place: nothing compiles at run time, so a scanner with every region
//! starts in milliseconds, and the first number checked against a region
//! costs tens of microseconds more while its DFA is read. The default `cli`
//! feature builds the `piimask` command; depend with
//! `default-features = false` for the library alone.
//!
//! ```
//! use piimask::{Kind, Region, Scanner};
//!
//! // Build once, share across threads.
//! let scanner = Scanner::builder().region("IN").build()?;
//!
//! let text = "Hi! WhatsApp me at +91 98765 43210 or mail priya@example.in, order #48213977";
//! let findings = scanner.scan(text);
//! let kinds: Vec<&Kind> = findings.iter().map(|f| &f.kind).collect();
//! assert_eq!(kinds, [&Kind::Phone, &Kind::Email]); // the order number is not a phone
//! assert_eq!(&text[findings[0].range()], "+91 98765 43210");
//!
//! assert_eq!(
//!     scanner.redact(text)?,
//!     "Hi! WhatsApp me at +91 ••••• ••210 or mail p•••@example.in, order #48213977"
//! );
//!
//! // The platform knows each customer's country: override the hint per call.
//! let ar = Region::new("AR")?;
//! let found = scanner.scan_in("llamame al (011) 2345-6789", ar);
//! assert_eq!(found[0].normalized, "+541123456789");
//! # Ok::<(), piimask::Error>(())
//! ```
//!
//! Offsets in [`Finding`] are UTF-8 byte offsets into the scanned text.
// `unsafe` lives in the C ABI module only (`#[allow]`ed there).
#![deny(unsafe_code)]
#![warn(missing_docs)]

pub(crate) mod checksum;
mod confidence;
pub mod config;
// The `piimask` command line (in the library so tests can drive it).
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
mod detect;
mod error;
#[allow(unsafe_code)]
pub mod ffi;
mod finding;
pub mod formats;
pub mod guard;
mod marks;
mod masked;
pub mod policy;
mod prefilter;
mod region;
pub mod report;
mod rewrite;
mod scanner;
mod spelled;
pub mod stream;
mod text;

pub use confidence::MinConfidence;
pub use config::Config;
pub use error::Error;
pub use finding::{Finding, Kind};
pub use region::Region;
pub use scanner::{BatchFindings, Scanner, ScannerBuilder};
pub use stream::RedactStream;

/// The README's Rust examples compile and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// So do those of the guides in `docs/`.
#[cfg(doctest)]
#[doc = include_str!("../docs/archives.md")]
struct ArchivesDoctests;
