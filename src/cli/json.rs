//! Reading JSON Lines objects without rebuilding them: fields are kept as
//! raw JSON text (only `"text"` and `"region"` are decoded), and a line's
//! lone surrogate escapes are replaced before parsing (see
//! [`lone_surrogates_replaced`]).

use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// One field of a JSON object: its key and its value as raw JSON text.
pub(super) type Field<'a> = (Cow<'a, str>, &'a RawValue);

/// The fields of one JSON object, in order, values left as raw JSON text.
pub(super) struct Fields<'a>(pub(super) Vec<Field<'a>>);

/// Reads a JSON object's fields into a vector the caller lends (a worker
/// reuses one allocation for every line).
pub(super) struct FieldsSeed<'v, 'a>(pub(super) &'v mut Vec<Field<'a>>);

impl<'de: 'a, 'a> DeserializeSeed<'de> for FieldsSeed<'_, 'a> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        struct FieldsVisitor<'v, 'a>(&'v mut Vec<Field<'a>>);
        impl<'de: 'a, 'a> Visitor<'de> for FieldsVisitor<'_, 'a> {
            type Value = ();
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while let Some(entry) = map.next_entry::<Cow<'de, str>, &'de RawValue>()? {
                    self.0.push(entry);
                }
                Ok(())
            }
        }
        deserializer.deserialize_map(FieldsVisitor(self.0))
    }
}

/// Empties `fields` and hands its allocation back for fields of another
/// line (the collect reuses the buffer in place: same size and alignment).
pub(super) fn recycle<'b>(mut fields: Vec<Field<'_>>) -> Vec<Field<'b>> {
    fields.clear();
    fields
        .into_iter()
        .map(|_| unreachable!("emptied"))
        .collect()
}

impl Fields<'_> {
    /// The last value of `key` (JSON's usual reading of duplicate keys).
    pub(super) fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

/// The string a raw JSON value holds, borrowed when it has no escapes (the
/// common case: no second parse, no copy); `None` when it is no string.
pub(super) fn json_str(raw: &RawValue) -> Option<Cow<'_, str>> {
    let raw = raw.get();
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if memchr::memchr(b'\\', inner.as_bytes()).is_none() {
        // The deserializer checked the string: no control characters, and
        // a quote inside would have been escaped.
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str(raw).ok()
}

/// `json` with every escape of a lone UTF-16 surrogate (`\udce9` alone,
/// `\ud83d` without its low half) replaced by `\ufffd`; `None` when it
/// has none (the common case: no copy).
///
/// Python's `json.dumps` writes such escapes for text read with
/// `surrogateescape`, JavaScript tools for a broken emoji; strict readers
/// (serde_json among them) refuse them. Replaced here, before parsing,
/// they read as U+FFFD wherever they are (the text, other fields, keys),
/// and the line written is valid JSON. The replacement is as long as the
/// escape, so error columns stay those of the input.
pub(super) fn lone_surrogates_replaced(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let mut fixed: Option<Vec<u8>> = None;
    let mut at = memchr::memchr(b'\\', bytes)?;
    while at + 1 < bytes.len() {
        // Backslashes only occur in escapes (inside strings) in JSON: each
        // one starts an escape, which is skipped whole.
        // Most `\u` escapes are not surrogates (those start `\ud`), and
        // no escape but `\u` needs more than its two bytes skipped.
        let next = if !matches!(bytes.get(at + 1..at + 3), Some([b'u', b'd' | b'D'])) {
            at + 2
        } else {
            match hex_unit(bytes, at + 2) {
                Some(0xD800..=0xDBFF) => {
                    let paired = bytes.get(at + 6..at + 8) == Some(b"\\u")
                        && matches!(hex_unit(bytes, at + 8), Some(0xDC00..=0xDFFF));
                    if paired {
                        at + 12
                    } else {
                        fixed.get_or_insert_with(|| bytes.to_vec())[at..at + 6]
                            .copy_from_slice(b"\\ufffd");
                        at + 6
                    }
                }
                Some(0xDC00..=0xDFFF) => {
                    fixed.get_or_insert_with(|| bytes.to_vec())[at..at + 6]
                        .copy_from_slice(b"\\ufffd");
                    at + 6
                }
                _ => at + 2,
            }
        };
        match memchr::memchr(b'\\', bytes.get(next..).unwrap_or_default()) {
            Some(i) => at = next + i,
            None => break,
        }
    }
    // Only ASCII escapes were rewritten: still UTF-8.
    fixed.map(|f| String::from_utf8(f).expect("ASCII replaced by ASCII"))
}

/// The UTF-16 unit of the four hex digits at `at`, if there are four.
fn hex_unit(bytes: &[u8], at: usize) -> Option<u16> {
    bytes.get(at..at + 4)?.iter().try_fold(0u16, |unit, &b| {
        let digit = (b as char).to_digit(16)?;
        Some(unit << 4 | digit as u16)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_escapes() {
        let fix = |json: &str| lone_surrogates_replaced(json);
        assert_eq!(fix(r#""caf\udce9""#).as_deref(), Some(r#""caf\ufffd""#));
        assert_eq!(fix(r#""\uD83D x""#).as_deref(), Some(r#""\ufffd x""#));
        assert_eq!(fix(r#""\ud83d""#).as_deref(), Some(r#""\ufffd""#));
        // A high half followed by another high half, then a pair.
        assert_eq!(
            fix(r#""\ud83d\ud83d\ude00""#).as_deref(),
            Some(r#""\ufffd\ud83d\ude00""#)
        );
        // A high half followed by another escape.
        assert_eq!(fix(r#""\ud83d\n""#).as_deref(), Some(r#""\ufffd\n""#));
        // In keys and other values too.
        assert_eq!(
            fix(r#"{"k\udc80":["\udc80"]}"#).as_deref(),
            Some(r#"{"k\ufffd":["\ufffd"]}"#)
        );
        // Nothing to do: no copy.
        for json in [
            r#""plain""#,
            r#""\ud83d\ude00 \u00e9""#,
            r#""\\udce9""#,
            r#""\\\\""#,
            r#""\ud8"#,
            r#""\"#,
            r#""\uzzzz""#,
        ] {
            assert_eq!(fix(json), None, "{json}");
        }
        // What comes out parses, and reads U+FFFD.
        let fixed = fix(r#"{"text":"caf\udce9 \ud83d"}"#).unwrap();
        let v: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(v["text"], "caf\u{FFFD} \u{FFFD}");
    }
}
