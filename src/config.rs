//! The JSON configuration shared by the CLI (`--config`), the C ABI
//! (`piimask_scanner_new`) and the bindings.
//!
//! ```json
//! { "region": "IN", "kinds": ["phone", "email"] }
//! ```
//!
//! Unknown fields are rejected, so a typo never silently disables masking.

use serde::Deserialize;

use crate::error::Error;

/// A scanner configuration. Every field is optional.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Default region hint (ISO 3166 alpha-2).
    pub region: Option<String>,
    /// Kinds to detect, by name; all built-in kinds when absent.
    pub kinds: Option<Vec<String>>,
    /// Roles and their operators (see [`crate::policy`]).
    pub policy: Option<crate::policy::PolicyConfig>,
}

impl Config {
    /// Parses and validates a configuration. Errors name the bad field and
    /// never echo values from the document.
    pub fn from_json(json: &str) -> Result<Config, Error> {
        serde_json::from_str(json).map_err(|e| {
            // serde_json's messages quote offending *values* only for
            // unknown variants or fields, which are names, not data; still,
            // keep just the category and position.
            let what = match e.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    "malformed JSON"
                }
                serde_json::error::Category::Data => "unexpected field or value type",
                serde_json::error::Category::Io => "could not be read",
            };
            Error::config(format!("line {} column {}", e.line(), e.column()), what)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_unknown_fields() {
        let c = Config::from_json(r#"{"region":"IN","kinds":["phone"]}"#).unwrap();
        assert_eq!(c.region.as_deref(), Some("IN"));
        let err = Config::from_json(r#"{"regoin":"IN"}"#).unwrap_err();
        assert!(matches!(err, Error::Config { .. }), "{err}");
        assert!(Config::from_json("{").is_err());
    }
}
