//! Archive formats: whole exports and dumps rather than single messages.
//!
//! Operators clean archives before they leave the company: WhatsApp's own
//! "Export chat" files, JSON logs whose message sits somewhere inside each
//! object, CRM dumps in CSV. Each format here redacts the message text and
//! writes everything else back as it was, one line (or record) at a time,
//! so a run holds one record in memory, not the archive. The same rules as
//! everywhere apply to bytes that are not UTF-8: they pass through
//! unchanged and no finding spans them.

#[cfg(feature = "formats")]
pub mod csv;
#[cfg(feature = "formats")]
pub mod json;
pub mod whatsapp;
