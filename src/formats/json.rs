//! JSON objects whose message is not at the top: `payload.message.body`.
//!
//! A [`FieldPath`] names the strings to redact by keys separated by dots.
//! An array on the way applies the rest of the path to each of its
//! elements, and an array at the end redacts each string in it, so
//! `messages.text` reaches `{"messages": [{"text": …}, {"text": …}]}`.
//! The object is not rebuilt: only the bytes of the string values at the
//! path change, every other byte (key order, spacing, number formatting,
//! escapes elsewhere) is written back as it was.

use std::borrow::Cow;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::error::Error;
use crate::finding::Finding;
use crate::region::Region;
use crate::scanner::Scanner;

/// A dotted path to the strings to redact in each JSON object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath(Vec<String>);

impl FieldPath {
    /// Parses `a.b.c` (keys may not be empty).
    pub fn new(path: &str) -> Result<FieldPath, Error> {
        let keys: Vec<String> = path.split('.').map(str::to_owned).collect();
        if keys.iter().any(String::is_empty) {
            return Err(Error::config(
                "field",
                "a field path is keys joined by dots",
            ));
        }
        Ok(FieldPath(keys))
    }
}

/// Why a line could not be read; never holds its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// Not a JSON object (or not JSON).
    NotJson(String),
    /// Redaction failed.
    Redaction(Error),
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineError::NotJson(why) => f.write_str(why),
            LineError::Redaction(e) => write!(f, "{e}"),
        }
    }
}

/// The raw values of an object's keys, in order.
fn object_fields(raw: &RawValue) -> Option<Vec<(Cow<'_, str>, &RawValue)>> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<(Cow<'de, str>, &'de RawValue)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut v = Vec::new();
            while let Some(e) = map.next_entry::<Cow<'de, str>, &'de RawValue>()? {
                v.push(e);
            }
            Ok(v)
        }
    }
    let mut de = serde_json::Deserializer::from_str(raw.get());
    de.deserialize_map(V).ok()
}

/// The raw elements of an array.
fn array_items(raw: &RawValue) -> Option<Vec<&RawValue>> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<&'de RawValue>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut v = Vec::new();
            while let Some(e) = seq.next_element::<&'de RawValue>()? {
                v.push(e);
            }
            Ok(v)
        }
    }
    let mut de = serde_json::Deserializer::from_str(raw.get());
    de.deserialize_seq(V).ok()
}

/// Collects the byte ranges (in `line`) of the string values at `path`.
fn targets(line: &str, raw: &RawValue, path: &[String], out: &mut Vec<(usize, usize)>) {
    let at = raw.get().as_ptr() as usize - line.as_ptr() as usize;
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'[') => {
            for item in array_items(raw).unwrap_or_default() {
                targets(line, item, path, out);
            }
        }
        Some(b'{') => {
            let Some((key, rest)) = path.split_first() else {
                return;
            };
            let fields = object_fields(raw).unwrap_or_default();
            // The last value of a duplicated key, as JSON readers take it.
            if let Some((_, v)) = fields.iter().rev().find(|(k, _)| k == key) {
                targets(line, v, rest, out);
            }
        }
        Some(b'"') if path.is_empty() => out.push((at, at + text.len())),
        _ => {}
    }
}

/// The region named by an object's top-level `"region"` string, if any.
fn line_region(fields: &[(Cow<'_, str>, &RawValue)]) -> Result<Option<Region>, LineError> {
    match fields.iter().rev().find(|(k, _)| k == "region") {
        Some((_, v)) if v.get() != "null" => {
            let code: String = serde_json::from_str(v.get())
                .map_err(|_| LineError::NotJson("\"region\" must be a string".into()))?;
            Region::new(&code).map(Some).map_err(LineError::Redaction)
        }
        _ => Ok(None),
    }
}

/// Redacts the strings at a field path in JSON Lines, one object per call.
#[derive(Debug)]
pub struct JsonFieldRedactor<'s> {
    scanner: &'s Scanner,
    path: FieldPath,
    role: Option<String>,
    findings: Vec<Finding>,
    masked: Vec<u8>,
    spans: Vec<(usize, usize)>,
}

impl<'s> JsonFieldRedactor<'s> {
    /// A redactor for `path`, as `role` sees it (`None`: the default).
    pub fn new(
        scanner: &'s Scanner,
        path: FieldPath,
        role: Option<&str>,
    ) -> Result<JsonFieldRedactor<'s>, Error> {
        if let Some(name) = role.or(scanner.policy().default_role()) {
            scanner.policy().role(name)?;
        }
        Ok(JsonFieldRedactor {
            scanner,
            path,
            role: role.map(str::to_owned),
            findings: Vec::new(),
            masked: Vec::new(),
            spans: Vec::new(),
        })
    }

    /// Writes `line` (one JSON object, without its line break) to `out`
    /// with the strings at the path redacted, and returns the number of
    /// findings. `region` overrides the line's own top-level `"region"`
    /// (`None`: the line's, else the scanner's). A line with nothing at the
    /// path comes back unchanged. On error nothing is written.
    ///
    /// ```
    /// use piimask::{formats::json::{FieldPath, JsonFieldRedactor}, Scanner};
    /// let scanner = Scanner::builder().region("IN").build()?;
    /// let mut r = JsonFieldRedactor::new(&scanner, FieldPath::new("payload.message.body")?, None)?;
    /// let mut out = Vec::new();
    /// r.line(br#"{"id": 7, "payload": {"message": {"body": "call 98765 43210"}}}"#, None, &mut out).unwrap();
    /// assert_eq!(out, r#"{"id": 7, "payload": {"message": {"body": "call ••••• ••210"}}}"#.as_bytes());
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn line(
        &mut self,
        line: &[u8],
        region: Option<Region>,
        out: &mut Vec<u8>,
    ) -> Result<usize, LineError> {
        let text = std::str::from_utf8(line)
            .map_err(|_| LineError::NotJson("line is not valid UTF-8".into()))?;
        let raw: &RawValue = serde_json::from_str(text).map_err(|e| {
            LineError::NotJson(if e.is_data() {
                "line is not a JSON object".into()
            } else {
                format!("invalid JSON at column {}", e.column())
            })
        })?;
        if !raw.get().starts_with('{') {
            return Err(LineError::NotJson("line is not a JSON object".into()));
        }
        // The top-level fields are read once: for the path, and for a
        // "region" giving the line's region hint (as in the CLI's default
        // JSON Lines mode).
        let fields = object_fields(raw).unwrap_or_default();
        let region = match region {
            Some(r) => Some(r),
            None => line_region(&fields)?,
        };
        self.spans.clear();
        let mut spans = std::mem::take(&mut self.spans);
        if let Some((key, rest)) = self.path.0.split_first() {
            if let Some((_, v)) = fields.iter().rev().find(|(k, _)| k == key) {
                targets(text, v, rest, &mut spans);
            }
        }
        let start = out.len();
        let mut last = 0;
        let mut found = 0;
        for &(a, b) in &spans {
            let value: String = match serde_json::from_str(&text[a..b]) {
                Ok(v) => v,
                Err(_) => {
                    out.truncate(start);
                    self.spans = spans;
                    return Err(LineError::NotJson(
                        "a string at the field path cannot be read".into(),
                    ));
                }
            };
            if let Err(e) = self.scanner.redact_role_into(
                value.as_bytes(),
                region.or(self.scanner.region()),
                self.role.as_deref(),
                &mut self.findings,
                &mut self.masked,
            ) {
                out.truncate(start);
                self.spans = spans;
                return Err(LineError::Redaction(e));
            }
            found += self.findings.len();
            out.extend_from_slice(&line[last..a]);
            if self.findings.is_empty() {
                // Unchanged: keep its escapes as written.
                out.extend_from_slice(&line[a..b]);
            } else {
                let masked = String::from_utf8_lossy(&self.masked);
                serde_json::to_writer(&mut *out, &masked).expect("writing to a Vec");
            }
            last = b;
        }
        out.extend_from_slice(&line[last..]);
        self.spans = spans;
        Ok(found)
    }
}
