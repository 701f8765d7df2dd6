//! The JSON configuration shared by the CLI (`--config`), the C ABI
//! (`piimask_scanner_new`) and the bindings.
//!
//! ```json
//! { "region": "IN", "kinds": ["phone", "email"] }
//! ```
//!
//! Callers add kinds of their own with `custom` detectors, a regular
//! expression or a dictionary of terms each, and may select them in `kinds`:
//!
//! ```json
//! { "kinds": ["phone", "employee_id", "customer_name"],
//!   "custom": [
//!     { "kind": "employee_id", "pattern": "\\bEMP-\\d{6}\\b" },
//!     { "kind": "customer_name", "terms": ["Priya Raman", "Rahul"], "case_insensitive": true } ] }
//! ```
//!
//! `min_confidence` (default 0.5) drops findings below it; lower it to mask
//! weak evidence too (see `docs/confidence.md`):
//!
//! ```json
//! { "region": "NG", "min_confidence": 0.3 }
//! ```
//!
//! Unknown fields are rejected, so a typo never silently disables masking.

use serde::Deserialize;

use crate::detect::custom::CustomSpec;
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
    /// Detectors for kinds of the caller's own.
    pub custom: Option<Vec<CustomConfig>>,
    /// Findings below this confidence are dropped (default 0.5; see
    /// [`crate::MinConfidence`]). Roles may set their own.
    pub min_confidence: Option<crate::MinConfidence>,
    /// Also read contact details spelled out as words (`nine eight seven
    /// …`, `ravi [at] gmail [dot] com`); default `false`. See
    /// [`ScannerBuilder::spelled_out`](crate::ScannerBuilder::spelled_out).
    pub spelled_out: Option<bool>,
}

/// One caller-defined detector: `kind` and either `pattern` (a regular
/// expression) or `terms` (a dictionary matched as whole words, optionally
/// ignoring ASCII case).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CustomConfig {
    /// The kind's name: `a-z`, `0-9` and `_`, not a built-in kind's name.
    pub kind: String,
    /// A regular expression (the `regex` crate's syntax).
    pub pattern: Option<String>,
    /// Dictionary terms.
    pub terms: Option<Vec<String>>,
    /// For `terms`: ignore ASCII case. Default `false`.
    pub case_insensitive: Option<bool>,
}

impl CustomConfig {
    /// The detector spec of entry `index`; errors name `custom[index]…`.
    pub(crate) fn spec(&self, index: usize) -> CustomSpec {
        let field = format!("custom[{index}]");
        match (&self.pattern, &self.terms) {
            (Some(pattern), _) => CustomSpec::Pattern {
                kind: self.kind.clone(),
                pattern: pattern.clone(),
                field,
            },
            (None, terms) => CustomSpec::Dictionary {
                kind: self.kind.clone(),
                terms: terms.clone().unwrap_or_default(),
                case_insensitive: self.case_insensitive.unwrap_or(false),
                field,
            },
        }
    }

    /// Checks the entry's shape and compiles it once, so that a bad entry
    /// is reported when the configuration is read.
    fn validate(&self, index: usize) -> Result<(), Error> {
        let field = format!("custom[{index}]");
        match (&self.pattern, &self.terms) {
            (Some(_), Some(_)) | (None, None) => {
                return Err(Error::config(
                    field,
                    "needs exactly one of `pattern` and `terms`",
                ))
            }
            (Some(_), None) if self.case_insensitive.is_some() => {
                return Err(Error::config(
                    format!("{field}.case_insensitive"),
                    "applies to `terms` only (use `(?i)` in a pattern)",
                ))
            }
            (None, Some(terms)) if terms.is_empty() => {
                return Err(Error::config(format!("{field}.terms"), "must not be empty"))
            }
            _ => {}
        }
        self.spec(index).compile().map(drop)
    }
}

impl Config {
    /// Parses and validates a configuration. Errors name the bad field and
    /// never echo values from the document.
    pub fn from_json(json: &str) -> Result<Config, Error> {
        let config: Config = serde_json::from_str(json).map_err(|e| {
            // A bad custom entry: name it by index.
            if let Some(i) = bad_custom_entry(json) {
                return Error::config(format!("custom[{i}]"), "unknown field or wrong value type");
            }
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
        })?;
        for (i, c) in config.custom.iter().flatten().enumerate() {
            c.validate(i)?;
        }
        Ok(config)
    }
}

/// The index of the first `custom` entry that does not deserialize, if the
/// document is otherwise JSON with a `custom` array.
fn bad_custom_entry(json: &str) -> Option<usize> {
    let doc: serde_json::Value = serde_json::from_str(json).ok()?;
    let entries = doc.get("custom")?.as_array()?;
    entries
        .iter()
        .position(|e| CustomConfig::deserialize(e).is_err())
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

    fn field_of(json: &str) -> String {
        match Config::from_json(json).unwrap_err() {
            Error::Config { field, .. } => field,
            e => panic!("{e}"),
        }
    }

    #[test]
    fn custom_detectors() {
        let json = r#"{"kinds": ["phone", "employee_id", "customer_name"], "custom": [
            {"kind": "employee_id", "pattern": "EMP-\\d{6}"},
            {"kind": "customer_name", "terms": ["Priya Raman", "rahul"], "case_insensitive": true}
        ]}"#;
        let config = Config::from_json(json).unwrap();
        let scanner = crate::Scanner::builder().config(&config).build().unwrap();
        let text = "EMP-123456 is Rahul, call +91 98765 43210";
        let kinds: Vec<String> = scanner
            .scan(text)
            .iter()
            .map(|f| f.kind.to_string())
            .collect();
        assert_eq!(kinds, ["employee_id", "customer_name", "phone"]);
        // Unselected custom kinds cost nothing and report nothing.
        let only = Config::from_json(
            r#"{"kinds": ["customer_name"], "custom": [{"kind": "customer_name", "terms": ["Rahul"]},
               {"kind": "employee_id", "pattern": "EMP"}]}"#,
        )
        .unwrap();
        let scanner = crate::Scanner::builder().config(&only).build().unwrap();
        assert_eq!(scanner.scan(text).len(), 1);
    }

    #[test]
    fn custom_errors_name_the_field() {
        let entry = |e: &str| {
            format!(
                r#"{{"custom": [{{"kind": "a", "terms": ["x"]}}, {{"kind": "b", "terms": ["y"]}}, {e}]}}"#
            )
        };
        assert_eq!(
            field_of(&entry(r#"{"kind": "c", "pattern": "("}"#)),
            "custom[2].pattern"
        );
        assert_eq!(
            field_of(&entry(r#"{"kind": "c", "patern": "x"}"#)),
            "custom[2]"
        );
        assert_eq!(
            field_of(&entry(r#"{"kind": "phone", "pattern": "x"}"#)),
            "custom[2].kind"
        );
        assert_eq!(field_of(&entry(r#"{"kind": "c"}"#)), "custom[2]");
        assert_eq!(
            field_of(&entry(r#"{"kind": "c", "terms": []}"#)),
            "custom[2].terms"
        );
        assert_eq!(
            field_of(&entry(r#"{"kind": "c", "terms": [""]}"#)),
            "custom[2].terms"
        );
        assert_eq!(
            field_of(&entry(
                r#"{"kind": "c", "pattern": "x", "case_insensitive": true}"#
            )),
            "custom[2].case_insensitive"
        );
        // Selecting a kind nobody defines is still an error.
        let config = Config::from_json(r#"{"kinds": ["employee_id"]}"#).unwrap();
        assert!(crate::Scanner::builder().config(&config).build().is_err());
    }
}
