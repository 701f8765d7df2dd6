//! Caller-defined detectors: regular expressions and keyword dictionaries,
//! each reporting a kind named by the caller ([`Kind::Custom`]).
//!
//! A tenant knows things no built-in detector can: its employee ID format
//! (`EMP-\d{6}`), its customers' names (thousands of them). Patterns are
//! compiled with the `regex` crate (linear-time matching, no
//! backtracking), dictionaries into one Aho-Corasick automaton per
//! dictionary (leftmost-longest, so "Anna Maria" wins over "Anna"), and
//! dictionary terms match whole words only: "Ann" is not found in
//! "Annual". Case-insensitive dictionaries fold ASCII letters only (the
//! automaton's guarantee); list other spellings as separate terms.
//!
//! These are not triggered by digits or `@`, so they see the whole text
//! ([`Trigger::WholeText`]); a scanner without custom detectors never runs
//! this code.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::bytes::Regex;

use super::{Context, Detector, Span, Trigger};
use crate::error::Error;
use crate::finding::{Finding, Kind};
use crate::text::{char_at, char_before, is_alphanumeric};

/// Confidence of custom findings: the caller's own definition is trusted,
/// just below the built-in kinds' canonical forms, so that a built-in kind
/// written unambiguously keeps its span.
const CONFIDENCE: f32 = 0.9;

/// The longest pattern or dictionary the scanner compiles (bytes of the
/// compiled program / automaton), to keep a bad configuration from eating
/// memory.
const SIZE_LIMIT: usize = 64 << 20;

/// Checks a custom kind name: not empty, not a built-in kind's name, at
/// most 64 bytes of lower-case letters, digits and `_`.
pub(crate) fn check_kind_name(name: &str) -> Result<Kind, &'static str> {
    if name.is_empty() || name.len() > 64 {
        return Err("kind names have 1 to 64 characters");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err("kind names use a-z, 0-9 and _ only");
    }
    if Kind::from_builtin_name(name).is_some() {
        return Err("a custom kind cannot reuse a built-in kind's name");
    }
    Ok(Kind::Custom(Arc::from(name)))
}

/// A custom detector as configured, compiled by [`CustomSpec::compile`]
/// when the scanner is built. `field` names it in errors (`custom[2]` for
/// the JSON configuration, `custom_pattern("name")` from code).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CustomSpec {
    Pattern {
        kind: String,
        pattern: String,
        field: String,
    },
    Dictionary {
        kind: String,
        terms: Vec<String>,
        case_insensitive: bool,
        field: String,
    },
}

impl CustomSpec {
    /// The kind this detector reports, checked.
    pub(crate) fn kind(&self) -> Result<Kind, Error> {
        let (kind, field) = match self {
            CustomSpec::Pattern { kind, field, .. }
            | CustomSpec::Dictionary { kind, field, .. } => (kind, field),
        };
        check_kind_name(kind).map_err(|reason| Error::config(format!("{field}.kind"), reason))
    }

    /// Compiles the detector.
    pub(crate) fn compile(&self) -> Result<Box<dyn Detector>, Error> {
        let kind = self.kind()?;
        Ok(match self {
            CustomSpec::Pattern { pattern, field, .. } => Box::new(PatternDetector::new(
                kind,
                pattern,
                &format!("{field}.pattern"),
            )?),
            CustomSpec::Dictionary {
                terms,
                case_insensitive,
                field,
                ..
            } => Box::new(DictionaryDetector::new(
                kind,
                terms,
                *case_insensitive,
                &format!("{field}.terms"),
            )?),
        })
    }
}

/// A caller's regular expression.
#[derive(Debug)]
pub(crate) struct PatternDetector {
    kinds: [Kind; 1],
    regex: Regex,
}

impl PatternDetector {
    /// Compiles `pattern`; on error, `field` names it in the message.
    pub(crate) fn new(kind: Kind, pattern: &str, field: &str) -> Result<PatternDetector, Error> {
        let regex = regex::bytes::RegexBuilder::new(pattern)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| {
                let reason = match e {
                    regex::Error::CompiledTooBig(_) => "regular expression too large",
                    _ => "invalid regular expression",
                };
                Error::config(field, reason)
            })?;
        Ok(PatternDetector {
            kinds: [kind],
            regex,
        })
    }
}

impl Detector for PatternDetector {
    fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    fn trigger(&self) -> Trigger {
        Trigger::WholeText
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let Some(text) = ctx.text.get(span.start..span.end) else {
            return;
        };
        for m in self.regex.find_iter(text) {
            // Findings are UTF-8 spans: skip matches that split or hold
            // invalid bytes (a byte regex can match anywhere).
            let (start, end) = (span.start + m.start(), span.start + m.end());
            if m.is_empty() || std::str::from_utf8(m.as_bytes()).is_err() {
                continue;
            }
            out.push(finding(&self.kinds[0], ctx.text, start, end));
        }
    }
}

/// A caller's dictionary of terms.
#[derive(Debug)]
pub(crate) struct DictionaryDetector {
    kinds: [Kind; 1],
    automaton: AhoCorasick,
}

impl DictionaryDetector {
    /// Builds the automaton; on error, `field` names the terms in the message.
    pub(crate) fn new<I, T>(
        kind: Kind,
        terms: I,
        case_insensitive: bool,
        field: &str,
    ) -> Result<DictionaryDetector, Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        let terms: Vec<T> = terms.into_iter().collect();
        if terms.iter().any(|t| t.as_ref().is_empty()) {
            return Err(Error::config(field, "terms must not be empty"));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(case_insensitive)
            .build(&terms)
            .map_err(|_| Error::config(field, "dictionary too large"))?;
        if automaton.memory_usage() > SIZE_LIMIT {
            return Err(Error::config(field, "dictionary too large"));
        }
        Ok(DictionaryDetector {
            kinds: [kind],
            automaton,
        })
    }
}

impl Detector for DictionaryDetector {
    fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    fn trigger(&self) -> Trigger {
        Trigger::WholeText
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let Some(text) = ctx.text.get(span.start..span.end) else {
            return;
        };
        for m in self.automaton.find_iter(text) {
            let (start, end) = (span.start + m.start(), span.start + m.end());
            if is_whole_word(ctx.text, start, end) {
                out.push(finding(&self.kinds[0], ctx.text, start, end));
            }
        }
    }
}

fn finding(kind: &Kind, text: &[u8], start: usize, end: usize) -> Finding {
    Finding {
        kind: kind.clone(),
        start,
        end,
        confidence: CONFIDENCE,
        normalized: String::from_utf8_lossy(&text[start..end]).into_owned(),
    }
}

/// Whether `start..end` is not glued to letters, digits or `_` on either
/// side (only where the term itself starts or ends with one: a term like
/// `@acme` may follow a letter), and does not split a UTF-8 character.
fn is_whole_word(text: &[u8], start: usize, end: usize) -> bool {
    let Ok(term) = std::str::from_utf8(&text[start..end]) else {
        return false;
    };
    let word = |c: char| is_alphanumeric(c) || c == '_';
    let first = term.chars().next().is_some_and(word);
    let last = term.chars().next_back().is_some_and(word);
    let (before, bw) = char_before(text, start);
    let (after, aw) = char_at(text, end);
    // An invalid byte next to the match: the match split a character.
    if (before.is_none() && bw > 0) || (after.is_none() && aw > 0) {
        return false;
    }
    let glued_before = first && before.is_some_and(word);
    let glued_after = last && after.is_some_and(word);
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(d: &dyn Detector, text: &str) -> Vec<String> {
        let ctx = Context::new(text.as_bytes(), None);
        let mut out = Vec::new();
        d.detect(
            &ctx,
            Span {
                start: 0,
                end: text.len(),
            },
            &mut out,
        );
        out.iter().map(|f| text[f.range()].to_string()).collect()
    }

    fn kind(name: &str) -> Kind {
        check_kind_name(name).unwrap()
    }

    #[test]
    fn patterns() {
        let d = PatternDetector::new(kind("employee_id"), r"EMP-\d{6}", "p").unwrap();
        assert_eq!(run(&d, "hi EMP-123456 and EMP-12"), ["EMP-123456"]);
        // Empty matches are never findings.
        let d = PatternDetector::new(kind("x"), r"\d*", "p").unwrap();
        assert_eq!(run(&d, "ab 12"), ["12"]);
        let err = PatternDetector::new(kind("x"), r"(", "custom[0].pattern").unwrap_err();
        assert_eq!(
            err,
            Error::config("custom[0].pattern", "invalid regular expression")
        );
    }

    #[test]
    fn dictionaries_whole_words_and_case() {
        let d = DictionaryDetector::new(
            kind("customer_name"),
            ["Anna", "Anna Maria", "Bo"],
            false,
            "t",
        )
        .unwrap();
        assert_eq!(
            run(&d, "Anna Maria called; Annabel and Bob did not; anna"),
            ["Anna Maria"]
        );
        let d =
            DictionaryDetector::new(kind("customer_name"), ["anna", "josé"], true, "t").unwrap();
        assert_eq!(run(&d, "ANNA and José, josé"), ["ANNA", "José", "josé"]);
        assert!(DictionaryDetector::new(kind("x"), [""], true, "t").is_err());
    }

    #[test]
    fn thousands_of_terms() {
        let terms: Vec<String> = (0..5000).map(|i| format!("customer{i}")).collect();
        let d = DictionaryDetector::new(kind("customer_name"), &terms, true, "t").unwrap();
        assert_eq!(
            run(&d, "ask Customer4999 or customer50000"),
            ["Customer4999"]
        );
    }

    #[test]
    fn kind_names() {
        assert!(check_kind_name("employee_id").is_ok());
        for bad in ["", "phone", "Employee", "emp id", &"x".repeat(65)] {
            assert!(check_kind_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn survives_any_bytes() {
        let d = DictionaryDetector::new(kind("x"), ["ab", "\u{e9}"], true, "t").unwrap();
        let p = PatternDetector::new(kind("y"), r"(?-u:\xC3)", "p").unwrap();
        for t in [&b"ab\xff\xc3\xa9"[..], b"\xc3ab", b""] {
            let ctx = Context::new(t, None);
            for s in 0..t.len() {
                for e in s..=t.len() {
                    let mut out = Vec::new();
                    d.detect(&ctx, Span { start: s, end: e }, &mut out);
                    p.detect(&ctx, Span { start: s, end: e }, &mut out);
                    for f in &out {
                        assert!(std::str::from_utf8(&t[f.range()]).is_ok());
                    }
                }
            }
        }
    }
}
