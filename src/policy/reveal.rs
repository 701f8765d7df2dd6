//! Audited reveal of pseudonymised values.
//!
//! A role allowed to reveal (`supervisor`, `compliance` by default) may turn
//! a token back into the value, through the host's vault (tokens are keyed
//! hashes: only the host, which saw the values, can map them back), or an
//! FPE value back into the original, with the key. Every attempt, allowed
//! or denied, produces an [`AuditEvent`] for the host's [`AuditSink`]; the
//! event names who, as which role, what kind, in which conversation, when,
//! and the outcome, and never holds the value.

use std::time::SystemTime;

use serde::Serialize;

use crate::finding::Kind;
use crate::region::Region;

/// Maps tokens back to values; implemented by the host, which stored them.
pub trait TokenVault {
    /// The value behind `token` (e.g. `[PHONE:q3k9x2mb7d]`), if known.
    fn lookup(&self, token: &str) -> Option<String>;
}

/// Receives audit events; implemented by the host (a log, a database, a
/// SIEM). Must not fail: an event that cannot be stored is the sink's
/// problem to report.
pub trait AuditSink {
    /// Records one event.
    fn record(&self, event: &AuditEvent);
}

/// How a reveal attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The value was returned.
    Revealed,
    /// The role may not reveal (or does not exist).
    Denied,
    /// The token is not in the vault, or the value is not an FPE value of
    /// its kind.
    NotFound,
}

/// One reveal attempt. Holds no personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    /// RFC 3339 time, UTC, seconds.
    pub time: String,
    /// Who asked.
    pub actor: String,
    /// As which role.
    pub role: String,
    /// The kind of the value.
    pub kind: Kind,
    /// The conversation the value came from, when the host says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// What happened.
    pub outcome: Outcome,
}

/// What to reveal, for whom.
#[derive(Clone, Copy, Debug)]
pub struct RevealRequest<'a> {
    /// A token (`[PHONE:…]`) or an FPE value as it appeared in redacted text.
    pub value: &'a str,
    /// The kind of the value (tokens also carry it; they must agree).
    pub kind: &'a Kind,
    /// The role asking.
    pub role: &'a str,
    /// Who is asking (an agent id); recorded, never interpreted.
    pub actor: &'a str,
    /// The conversation, if known; recorded.
    pub conversation: Option<&'a str>,
    /// Region hint to read an FPE phone number written in national format.
    pub region: Option<Region>,
}

impl AuditEvent {
    pub(crate) fn new(request: &RevealRequest<'_>, outcome: Outcome) -> AuditEvent {
        AuditEvent {
            time: humantime::format_rfc3339_seconds(SystemTime::now()).to_string(),
            actor: request.actor.to_string(),
            role: request.role.to_string(),
            kind: request.kind.clone(),
            conversation: request.conversation.map(str::to_string),
            outcome,
        }
    }
}

/// Whether `value` is written as a token of `kind`: `[KIND:base32]`.
pub(crate) fn is_token_of(value: &str, kind: &Kind) -> bool {
    let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) else {
        return false;
    };
    let Some((name, code)) = inner.split_once(':') else {
        return false;
    };
    name.eq_ignore_ascii_case(kind.name())
        && !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
}
