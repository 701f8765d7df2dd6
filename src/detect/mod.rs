//! Detectors: one module per family of personal data, behind one small trait.
//!
//! The scanner does the walking. It skips to the next byte that could start
//! a finding (see [`crate::prefilter`]), grows a *numeric span* around it (a
//! run of digits of any script and the separators people type between digit
//! groups), and hands that span to every detector that asked for numeric
//! spans. A detector validates what it sees (metadata, checksums, structure)
//! and may look outside the span for letters that belong to its format or
//! for context words. An `@` goes to the detectors that asked for it.
//!
//! Adding a detector: write a module with a type implementing [`Detector`],
//! then add one line to [`builtin`].

use crate::finding::{Finding, Kind};
use crate::region::Region;

pub(crate) mod alias;
pub(crate) mod bank_account;
pub(crate) mod bracketed;
pub(crate) mod card;
pub(crate) mod context;
pub(crate) mod crypto;
pub(crate) mod custom;
pub(crate) mod email;
pub(crate) mod handle;
pub(crate) mod iban;
pub(crate) mod ids;
pub(crate) mod imei;
pub(crate) mod ip;
pub(crate) mod keywords;
pub(crate) mod overlapping;
pub(crate) mod passport;
pub(crate) mod phone;
pub(crate) mod pix;
pub(crate) mod upi;

/// What a detector is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trigger {
    /// Numeric spans: runs of digits and group separators.
    Numeric,
    /// Positions of `@` signs.
    AtSign,
    /// Positions of `/` right after a profile link's host (`t.me/`,
    /// `instagram.com/`; see [`handle::is_profile_link_slash`]).
    LinkSlash,
    /// Positions of `:` (or `：`) right after an app's name (`LINE ID:`;
    /// see [`handle::is_app_colon`]).
    AppColon,
    /// Positions of a `.` between two letters or digits, the first of its
    /// token, with the word `alias` before the token (see
    /// [`alias::is_alias_dot`]).
    AliasDot,
    /// The whole text, once per scan (caller-defined patterns and
    /// dictionaries, which need not contain a digit or `@`). Only scanners
    /// built with such detectors pay for it.
    WholeText,
}

/// Per-call facts every detector may use.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context<'t> {
    /// The whole text being scanned (any bytes; see [`crate::text`]).
    pub text: &'t [u8],
    /// The region hint for national formats, if any.
    pub region: Option<Region>,
    /// Whether the text holds a mask bullet, that is, may have been
    /// redacted before (see [`crate::masked`]); most text does not, and
    /// skips those checks.
    pub masked: bool,
}

impl<'t> Context<'t> {
    /// A context that searches `text` for a mask bullet (tests build
    /// theirs so).
    #[cfg(test)]
    pub(crate) fn new(text: &'t [u8], region: Option<Region>) -> Context<'t> {
        Context {
            text,
            region,
            masked: crate::masked::holds_bullet(text),
        }
    }

    /// A context whose caller already knows whether `text` holds a mask
    /// bullet (the scanner searches each text once).
    pub(crate) fn with_masked(text: &'t [u8], region: Option<Region>, masked: bool) -> Context<'t> {
        Context {
            text,
            region,
            masked,
        }
    }
}

/// A numeric span: `start..end` covers digits and separators, starting at an
/// optional `+` or `(` and ending at the last digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The same span from `start` on (a later part of it).
    pub(crate) fn with_start(self, start: usize) -> Span {
        Span { start, ..self }
    }
}

/// One family of personal data.
///
/// Implementations are immutable after construction and shared between
/// threads; `detect` must run in time linear in the span it is given (plus a
/// bounded look-around) and must not panic on any input.
pub(crate) trait Detector: Send + Sync + std::fmt::Debug {
    /// The kinds this detector can report.
    fn kinds(&self) -> &[Kind];

    /// What the detector wants to be shown.
    fn trigger(&self) -> Trigger;

    /// Narrows a detector of several kinds to those the scanner reports, so
    /// that unselected kinds cost nothing at scan time. The default keeps
    /// everything (the scanner drops unselected findings anyway).
    fn select(&mut self, _selected: &dyn Fn(&Kind) -> bool) {}

    /// For [`Trigger::Numeric`]: the fewest digits (of any script) a span
    /// must hold for this detector to find anything in it. The scanner
    /// counts them while growing the span and skips the call for shorter
    /// spans, most of a chat's (prices, times, quantities): an IMEI needs
    /// 15, a card 12.
    fn min_span_digits(&self) -> usize {
        1
    }

    /// For [`Trigger::Numeric`]: whether this detector reads only spans
    /// with an ASCII letter, digit or `-` against one of their ends (or a
    /// `_` or `.` before them), the digit runs of tokens that mix digits
    /// and letters (a crypto address, a PIX key's UUID, a username). The scanner tests that once per span for all of
    /// them; most spans (phones, amounts, dates) stand apart.
    fn glued_only(&self) -> bool {
        false
    }

    /// For [`Trigger::Numeric`]: whether this detector weighs every run of
    /// a span's digit groups by itself (a phone number among other
    /// groups, a quantity after it, a code before it), so that the scanner
    /// need not show it the span again without the groups of the words
    /// around it (see `Scanner::scan_bytes`).
    fn reads_groups_apart(&self) -> bool {
        false
    }

    /// Appends findings for the span (for [`Trigger::AtSign`], the one byte of
    /// the `@`; for [`Trigger::WholeText`], the whole text) to `out`. Findings may overlap those of other detectors; the
    /// scanner resolves overlaps.
    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>);
}

/// Every built-in detector, one line each.
pub(crate) fn builtin() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(phone::PhoneDetector::new()),
        Box::new(email::EmailDetector),
        Box::new(card::CardDetector::new()),
        Box::new(iban::IbanDetector),
        Box::new(ip::IpDetector),
        Box::new(ids::IdDetector::new()),
        Box::new(imei::ImeiDetector::new()),
        Box::new(crypto::CryptoDetector),
        Box::new(upi::UpiDetector),
        Box::new(handle::HandleDetector),
        Box::new(handle::ProfileLinkDetector),
        Box::new(handle::NamedHandleDetector),
        Box::new(handle::GluedHandleDetector),
        Box::new(pix::PixKeyDetector),
        Box::new(alias::AliasDetector),
        Box::new(bank_account::BankAccountDetector::new()),
        Box::new(passport::PassportDetector::new()),
    ]
}
