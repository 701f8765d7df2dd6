//! Errors. No error ever carries the scanned text: messages name the field,
//! option or code that was wrong, never the data being scanned.

use std::fmt;

/// Everything that can go wrong building a scanner or redacting.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A region code that the phone metadata does not know.
    UnknownRegion(String),
    /// A kind name that is neither built in nor defined by a custom detector.
    UnknownKind(String),
    /// A configuration that failed validation; `field` is its JSON path.
    Config {
        /// Where in the configuration, e.g. `custom[2].pattern`.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Redaction could not complete; no text is returned.
    Redaction(String),
    /// A role that the scanner's policy does not define.
    UnknownRole(String),
    /// A keyed operator (`token`, `hash`, `fpe`) was needed but the scanner
    /// has no key.
    MissingKey(&'static str),
    /// The role may not reveal values; the attempt was audited.
    RevealDenied,
    /// The value to reveal is not one this scanner produced (unknown token,
    /// or not a format-preserving value of the kind); the attempt was audited.
    RevealFailed(String),
}

impl Error {
    pub(crate) fn config(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Config {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownRegion(code) => write!(
                f,
                "unknown region code {code:?} (expected ISO 3166 alpha-2, e.g. \"IN\")"
            ),
            Error::UnknownKind(name) => write!(f, "unknown kind {name:?}"),
            Error::Config { field, reason } => {
                write!(f, "invalid configuration at `{field}`: {reason}")
            }
            Error::Redaction(reason) => write!(f, "redaction failed: {reason}"),
            Error::UnknownRole(role) => write!(f, "unknown role {role:?}"),
            Error::MissingKey(op) => {
                write!(f, "the {op:?} operator needs a key and none was given")
            }
            Error::RevealDenied => f.write_str("this role may not reveal values"),
            Error::RevealFailed(reason) => write!(f, "cannot reveal: {reason}"),
        }
    }
}

impl std::error::Error for Error {}
