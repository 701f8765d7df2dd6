//! The scanner: configuration compiled into detectors, then `scan` and
//! `redact`.
//!
//! A [`Scanner`] is built once (that is where patterns and metadata tables
//! are compiled) and then shared: it is immutable, `Send + Sync`, and every
//! method takes `&self`. Scanning is a single pass over the bytes: skip to
//! the next byte that could start a finding, grow the numeric span around it
//! or look around the `@`, let the detectors that asked for it validate, and
//! resume after the span. Every detector runs in time linear in what it is
//! shown, so a scan is linear in the input. Input that is not valid UTF-8
//! is scanned one valid stretch at a time: an invalid byte is a boundary
//! for findings and for the context around them.

use std::collections::BTreeSet;

use crate::confidence::MinConfidence;
use crate::config::Config;
use crate::detect::context::{bit, KindSet};
use crate::detect::custom::CustomSpec;
use crate::detect::{self, phone, Context, Detector, Span, Trigger};
use crate::error::Error;
use crate::finding::{resolve_overlaps, Finding, Kind};
use crate::marks;
use crate::masked::{self, in_masked_email_domain, touches_masked_value};
use crate::policy::reveal::{self, AuditEvent, Outcome};
use crate::policy::{
    AuditSink, Key, Operator, Policy, PolicyConfig, RevealRequest, Role, TokenVault,
};
use crate::prefilter::{self, Triggers, FULLWIDTH_COLON};
use crate::region::Region;
use crate::rewrite;
use crate::spelled::{self, Spelling};
use crate::text::{self, char_at, char_before, digit_value};

/// Builds a [`Scanner`]. Obtain one with [`Scanner::builder`].
#[derive(Debug, Default, Clone)]
pub struct ScannerBuilder {
    region: Option<String>,
    kinds: Option<Vec<Kind>>,
    policy: Option<PolicyConfig>,
    key: Option<Key>,
    custom: Vec<CustomSpec>,
    min_confidence: Option<f32>,
    spelled_out: bool,
}

impl ScannerBuilder {
    /// Adds a detector for a kind of the caller's own, found by a regular
    /// expression (the `regex` crate's syntax; matching is linear-time).
    /// `kind` is a new name (`a-z`, `0-9`, `_`), reported as
    /// [`Kind::Custom`]; errors surface from [`build`](Self::build).
    ///
    /// ```
    /// use piimask::{Kind, Scanner};
    /// let scanner = Scanner::builder()
    ///     .custom_pattern("employee_id", r"\bEMP-\d{6}\b")
    ///     .custom_dictionary_case_insensitive("customer_name", ["Priya Raman", "Rahul"])
    ///     .build()?;
    /// let found = scanner.scan("EMP-004211 spoke to priya raman");
    /// assert_eq!(found[0].kind, Kind::from_name("employee_id"));
    /// assert_eq!(found[1].kind.name(), "customer_name");
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn custom_pattern(mut self, kind: &str, pattern: &str) -> Self {
        self.custom.push(CustomSpec::Pattern {
            kind: kind.to_string(),
            pattern: pattern.to_string(),
            field: format!("custom_pattern({kind:?})"),
        });
        self
    }

    /// Adds a dictionary of terms (names, code words …, thousands are fine)
    /// reported as the caller's kind `kind` when they stand as whole words.
    /// Matching is case-sensitive; see
    /// [`custom_dictionary_case_insensitive`](Self::custom_dictionary_case_insensitive).
    pub fn custom_dictionary<I, T>(self, kind: &str, terms: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        self.dictionary(kind, terms, false)
    }

    /// Like [`custom_dictionary`](Self::custom_dictionary), ignoring ASCII
    /// case (other letters match as written).
    pub fn custom_dictionary_case_insensitive<I, T>(self, kind: &str, terms: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        self.dictionary(kind, terms, true)
    }

    fn dictionary<I, T>(mut self, kind: &str, terms: I, case_insensitive: bool) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        self.custom.push(CustomSpec::Dictionary {
            kind: kind.to_string(),
            terms: terms.into_iter().map(Into::into).collect(),
            case_insensitive,
            field: format!("custom_dictionary({kind:?})"),
        });
        self
    }

    /// The default region hint for national formats (ISO 3166 alpha-2).
    /// Each call may override it with [`Scanner::scan_in`].
    pub fn region(mut self, region: &str) -> Self {
        self.region = Some(region.to_string());
        self
    }

    /// Only detect these kinds. Detectors for other kinds are not built and
    /// cost nothing at scan time. By default every built-in kind is detected.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// Drops findings below this confidence (default
    /// [`MinConfidence::DEFAULT`], 0.5); lower it to report weak evidence
    /// too. A value outside `0.0..=1.0` is an error from
    /// [`build`](Self::build). A role of the policy may set its own.
    pub fn min_confidence(mut self, min_confidence: f32) -> Self {
        self.min_confidence = Some(min_confidence);
        self
    }

    /// Also reads contact details spelled out to slip past filters: digits
    /// written as words in fourteen languages (`nine eight seven …`, `ek do
    /// teen …`, `double five`, Chinese numerals) and an address's `@` and
    /// dots written as words or in brackets (`ravi [at] gmail [dot] com`).
    /// What they spell must still validate as the value it would be in
    /// digits; the findings cover the words. Off by default: it reads every
    /// word of every message, where the scanner otherwise skips text
    /// without a digit or an `@` (see `docs/detection.md` for the cost).
    /// A [guard](crate::guard) reads them if its scanner does, or if its
    /// configuration asks (`read_spelled_out`).
    ///
    /// ```
    /// use piimask::{Kind, Scanner};
    /// let scanner = Scanner::builder().region("IN").spelled_out(true).build()?;
    /// let text = "call nine eight seven six five, four three two one zero";
    /// let found = scanner.scan(text);
    /// assert_eq!(found[0].normalized, "+919876543210");
    /// assert_eq!(&text[found[0].range()], "nine eight seven six five, four three two one zero");
    /// let mail = scanner.scan("ravi [at] gmail [dot] com");
    /// assert_eq!((mail[0].kind.clone(), mail[0].normalized.as_str()), (Kind::Email, "ravi@gmail.com"));
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn spelled_out(mut self, on: bool) -> Self {
        self.spelled_out = on;
        self
    }

    /// Roles and their operators, merged over the built-in roles (see
    /// [`crate::policy`]).
    pub fn policy(mut self, policy: PolicyConfig) -> Self {
        self.policy = Some(policy);
        self
    }

    /// The tenant key for the keyed operators (`token`, `hash`, `fpe`) and
    /// for revealing FPE values. Without one those operators fail closed.
    pub fn key(mut self, key: Key) -> Self {
        self.key = Some(key);
        self
    }

    /// Applies a parsed configuration (the JSON schema shared by the CLI's
    /// `--config` and the C ABI).
    pub fn config(mut self, config: &Config) -> Self {
        if let Some(policy) = &config.policy {
            self.policy = Some(policy.clone());
        }
        if let Some(region) = &config.region {
            self.region = Some(region.clone());
        }
        if let Some(kinds) = &config.kinds {
            self.kinds = Some(kinds.iter().map(|k| Kind::from_name(k)).collect());
        }
        for (i, c) in config.custom.iter().flatten().enumerate() {
            self.custom.push(c.spec(i));
        }
        if let Some(min) = config.min_confidence {
            self.min_confidence = Some(min.get());
        }
        if let Some(on) = config.spelled_out {
            self.spelled_out = on;
        }
        self
    }

    /// Compiles the detectors.
    pub fn build(self) -> Result<Scanner, Error> {
        let region = self.region.as_deref().map(Region::new).transpose()?;
        let min_confidence = self
            .min_confidence
            .map(MinConfidence::new)
            .transpose()?
            .unwrap_or_default();
        let mut all = detect::builtin();
        for spec in &self.custom {
            all.push(spec.compile()?);
        }
        let selected: BTreeSet<Kind> = match self.kinds {
            None => all.iter().flat_map(|d| d.kinds().iter().cloned()).collect(),
            Some(kinds) => {
                let known: BTreeSet<Kind> =
                    all.iter().flat_map(|d| d.kinds().iter().cloned()).collect();
                if let Some(unknown) = kinds.iter().find(|k| !known.contains(k)) {
                    return Err(Error::UnknownKind(unknown.name().to_string()));
                }
                kinds.into_iter().collect()
            }
        };
        let (mut numeric, mut numeric_glued, mut at_sign, mut link_slash, mut app_colon) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut alias_dot = Vec::new();
        let mut whole_text = Vec::new();
        for mut d in all {
            if !d.kinds().iter().any(|k| selected.contains(k)) {
                continue;
            }
            d.select(&|k| selected.contains(k));
            match d.trigger() {
                Trigger::Numeric if d.glued_only() => numeric_glued.push((d.min_span_digits(), d)),
                Trigger::Numeric => numeric.push((d.min_span_digits(), d)),
                Trigger::AtSign => at_sign.push(d),
                Trigger::LinkSlash => link_slash.push(d),
                Trigger::AppColon => app_colon.push(d),
                Trigger::AliasDot => alias_dot.push(d),
                Trigger::WholeText => whole_text.push(d),
            }
        }
        // The default region's phone automata are read with the scanner;
        // other regions' on their first number (microseconds: nothing is
        // compiled at run time, see `detect::phone::metadata`).
        if let Some(region) = region.filter(|_| selected.contains(&Kind::Phone)) {
            region.prepare();
        }
        let triggers = Triggers {
            at_sign: !at_sign.is_empty(),
            link_slash: !link_slash.is_empty(),
            app_colon: !app_colon.is_empty(),
            alias_dot: false,
            alias_region: (!alias_dot.is_empty())
                .then(|| Region::new("AR").expect("Argentina is a region")),
        };
        let policy = match &self.policy {
            // Built-in kinds are always valid policy keys, detected or not.
            Some(config) => Policy::from_config(config, &|k| {
                k.builtin_code().is_some() || selected.contains(k)
            })?,
            None => Policy::default(),
        };
        let selected_builtin = selected.iter().fold(KindSet::EMPTY, |set, k| set | bit(k));
        let scanner = Scanner {
            region,
            selected_builtin,
            selected,
            numeric,
            numeric_glued,
            at_sign,
            link_slash,
            app_colon,
            alias_dot,
            whole_text,
            triggers,
            policy,
            key: self.key,
            min_confidence,
            spelled_out: self.spelled_out,
        };
        scanner.warm_up();
        Ok(scanner)
    }
}

/// A message that walks every detector's common path, scanned once when a
/// scanner is built: a fresh process's first real message then finds the
/// scanning code and tables already in memory and the allocator set up
/// (that first call cost about 60 µs more than the next).
const WARM_UP: &[u8] = "Ravi: call +91 98765 43210 / 011 2345 6789, mail ravi@example.in, \
    card 4111 1111 1111 1111 exp 12/29, IBAN DE89 3704 0044 0532 0130 00, \
    A/c no. 123456789012, PAN ABCPE1234F, server 192.0.2.7, order #4711 ₹1,250 \
    ٠١٢ 1Lbc 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    .as_bytes();

/// Finds and masks personal data. Build once, share everywhere.
///
/// ```
/// use piimask::{Kind, Scanner};
///
/// let scanner = Scanner::builder().region("IN").build()?;
/// let text = "Call me on 98765 43210 or write to rahul@example.com";
/// let findings = scanner.scan(text);
/// assert_eq!(findings[0].kind, Kind::Phone);
/// assert_eq!(findings[0].normalized, "+919876543210");
/// assert_eq!(&text[findings[1].range()], "rahul@example.com");
/// assert_eq!(scanner.redact(text)?, "Call me on ••••• ••210 or write to r•••@example.com");
/// # Ok::<(), piimask::Error>(())
/// ```
#[derive(Debug)]
pub struct Scanner {
    region: Option<Region>,
    selected: BTreeSet<Kind>,
    /// The selected built-in kinds by code: the filter every finding passes.
    selected_builtin: KindSet,
    /// Numeric detectors, each with the fewest digits a span must hold
    /// for it to be asked.
    numeric: Vec<(usize, Box<dyn Detector>)>,
    /// Numeric detectors asked only for spans glued to a token (see
    /// `Detector::glued_only`), likewise.
    numeric_glued: Vec<(usize, Box<dyn Detector>)>,
    at_sign: Vec<Box<dyn Detector>>,
    /// Detectors triggered by `/` after a profile link's host.
    link_slash: Vec<Box<dyn Detector>>,
    /// Detectors triggered by `:` (or `：`) after an app's name.
    app_colon: Vec<Box<dyn Detector>>,
    /// Detectors triggered by a `.` inside a token after `alias`.
    alias_dot: Vec<Box<dyn Detector>>,
    whole_text: Vec<Box<dyn Detector>>,
    triggers: Triggers,
    policy: Policy,
    key: Option<Key>,
    min_confidence: MinConfidence,
    /// Whether spelled-out values are read (see `crate::spelled`).
    spelled_out: bool,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::new()
    }
}

impl Scanner {
    /// A scanner for every built-in kind, without a region hint (only
    /// international phone formats are recognised).
    pub fn new() -> Scanner {
        ScannerBuilder::default()
            .build()
            .expect("the default configuration is valid")
    }

    /// Starts building a scanner.
    pub fn builder() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// The default region hint, if any.
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// The confidence below which findings are dropped (roles of the policy
    /// may set their own for redaction).
    pub fn min_confidence(&self) -> MinConfidence {
        self.min_confidence
    }

    /// The kinds this scanner reports.
    pub fn kinds(&self) -> impl Iterator<Item = &Kind> {
        self.selected.iter()
    }

    /// The first numeric code given to custom kinds (see [`kind_code`](Self::kind_code)).
    pub const CUSTOM_KIND_CODES_START: u32 = 1000;

    /// The numeric code of `kind` for this scanner (used by the C ABI and
    /// the bindings): [`Kind::builtin_code`] for built-in kinds; for a custom
    /// kind this scanner reports, [`CUSTOM_KIND_CODES_START`](Self::CUSTOM_KIND_CODES_START)
    /// plus its rank among this scanner's custom kinds in name order, so the
    /// same configuration always gives the same codes. `None` for a custom
    /// kind this scanner does not report.
    pub fn kind_code(&self, kind: &Kind) -> Option<u32> {
        if let Some(code) = kind.builtin_code() {
            return Some(code);
        }
        if !self.selected.contains(kind) {
            return None;
        }
        let rank = self
            .selected
            .iter()
            .filter(|k| k.builtin_code().is_none())
            .take_while(|k| *k != kind)
            .count();
        u32::try_from(rank)
            .ok()
            .and_then(|r| Self::CUSTOM_KIND_CODES_START.checked_add(r))
    }

    /// The kind with this code for this scanner (the inverse of
    /// [`kind_code`](Self::kind_code)).
    pub fn kind_by_code(&self, code: u32) -> Option<&Kind> {
        if code < Self::CUSTOM_KIND_CODES_START {
            return Kind::BUILTIN
                .iter()
                .find(|k| k.builtin_code() == Some(code));
        }
        let rank = usize::try_from(code - Self::CUSTOM_KIND_CODES_START).ok()?;
        self.selected
            .iter()
            .filter(|k| k.builtin_code().is_none())
            .nth(rank)
    }

    /// Finds personal data in `text`, with the scanner's region hint.
    /// Findings are sorted by position and never overlap.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        self.scan_into(text.as_bytes(), self.region, &mut out);
        out
    }

    /// Like [`scan`](Self::scan) with another region hint for this call.
    pub fn scan_in(&self, text: &str, region: Region) -> Vec<Finding> {
        let mut out = Vec::new();
        self.scan_into(text.as_bytes(), Some(region), &mut out);
        out
    }

    /// Scans any bytes (invalid UTF-8 is never part of a finding) into a
    /// caller-owned buffer, which is cleared first; reusing it across calls
    /// avoids allocation on text without findings. `region: None` means no
    /// region hint for this call (not the scanner's default).
    pub fn scan_into(&self, text: &[u8], region: Option<Region>, out: &mut Vec<Finding>) {
        self.scan_into_with_min_confidence(text, region, self.min_confidence, out);
    }

    /// Like [`scan_into`](Self::scan_into) with another confidence threshold
    /// for this call (the scanner's is [`min_confidence`](Self::min_confidence)).
    ///
    /// ```
    /// use piimask::{MinConfidence, Scanner};
    /// let scanner = Scanner::builder().region("IN").build()?;
    /// let mut found = Vec::new();
    /// let strict = MinConfidence::new(0.95)?;
    /// // A national-format number scores 0.85: kept by default, not at 0.95.
    /// scanner.scan_into_with_min_confidence(b"call 98765 43210", scanner.region(), strict, &mut found);
    /// assert!(found.is_empty());
    /// scanner.scan_into(b"call 98765 43210", scanner.region(), &mut found);
    /// assert_eq!(found.len(), 1);
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn scan_into_with_min_confidence(
        &self,
        text: &[u8],
        region: Option<Region>,
        min_confidence: MinConfidence,
        out: &mut Vec<Finding>,
    ) {
        let seen = self.scan_as_written(text, region, min_confidence, out);
        // Addresses that name themselves in words (`ravi at gmail dot
        // com`), which the opt-in pass reads with the rest.
        let address_words = !self.spelled_out
            && self.triggers.at_sign
            && if seen.without_marks {
                spelled::may_spell_address_as_written(text)
            } else {
                spelled::may_spell_address(text)
            };
        if seen.signs_between_digits
            || seen.dropped_beyond
            || seen.masked_otherwise
            || self.spelled_out
            || address_words
        {
            self.read_beyond_as_written(text, region, min_confidence, seen, address_words, out);
        }
    }

    /// The rest of [`scan_into_with_min_confidence`](Self::scan_into_with_min_confidence)
    /// after the scan of `text` as written, where that scan saw (`seen`)
    /// that more may be read: out of line, so that the common call pays
    /// nothing for it.
    #[inline(never)]
    fn read_beyond_as_written(
        &self,
        text: &[u8],
        region: Option<Region>,
        min_confidence: MinConfidence,
        seen: Seen,
        address_words: bool,
        out: &mut Vec<Finding>,
    ) {
        // Signs first, then every spelled-out value when asked: the whole
        // pass reads a run's words with its groups (`छः1120000_000`, a
        // six glued before), and may find no number where the signs alone
        // find one; what a scan finds, a scan that reads more keeps.
        let mut read_masked = false;
        if seen.signs_between_digits {
            let signs = Spelling::SignsBetweenDigits;
            read_masked |= self.add_spelled_out_settled(text, region, min_confidence, signs, out);
        }
        let spelling = if self.spelled_out {
            Some(Spelling::Everything)
        } else {
            address_words.then_some(Spelling::AddressWords)
        };
        if let Some(spelling) = spelling {
            read_masked |=
                self.add_spelled_out_settled(text, region, min_confidence, spelling, out);
        }
        // A candidate that lost to an overlapping value and reached beyond
        // it leaves text that, once the value is masked, may read as a
        // value of its own (`A123456789 dot rahul.s+x@…` in Taiwan: the ID
        // wins over an address that took it as its first piece, and a
        // second redaction reads `rahul.s+x@…` after the ID's mask; found
        // by the stream property test). The masked text is read now, as
        // that redaction would read it.
        // An address written without its `@` (a Gmail username alone,
        // `gmail ravi88`, or `ravi[at]gmail.com`) is masked as the address
        // it is (`r•••@gmail.com`), which changes what stands beside it: a
        // number after `aiN987 ` went on from a code, and after the mask
        // stands alone (`gmail aiN987 3216543210`, found by the `redact`
        // fuzz target). The masked text is read now too.
        if (seen.dropped_beyond || seen.masked_otherwise) && !read_masked {
            let spelling = spelling.filter(|&s| s == Spelling::Everything);
            self.add_read_once_masked(text, region, min_confidence, spelling, out);
        }
    }

    /// [`add_spelled_out`](Self::add_spelled_out), then, if `text` spells
    /// anything out, or holds a value and names an address in words,
    /// [`add_read_once_masked`](Self::add_read_once_masked). Returns
    /// whether it read the masked text.
    pub(crate) fn add_spelled_out_settled(
        &self,
        text: &[u8],
        region: Option<Region>,
        min_confidence: MinConfidence,
        spelling: Spelling,
        out: &mut Vec<Finding>,
    ) -> bool {
        // Signs between digit groups change no word around them: where
        // they hide nothing (nearly always, an emoji between two values
        // found as written), the masked text reads as the text did. Words
        // are read across the values between them: where the text names
        // an address in words and holds a value, masking the value may
        // make words that read nothing read an address (`NRC
        // 123456/78/1_4111-…-ravi at gmail dot com`: the Myanmar NRC's mask
        // ends the run that hid the address; found by the stream property
        // test, where another line's address called for the masked read).
        let as_written = (spelling == Spelling::SignsBetweenDigits).then(|| out.clone());
        let spelled = self.add_spelled_out(text, region, min_confidence, spelling, out);
        let read_masked = match as_written {
            Some(as_written) => spelled && as_written != *out,
            None => {
                spelled
                    || (!out.is_empty()
                        && (spelling == Spelling::AddressWords || spelled::may_spell_address(text)))
            }
        };
        if read_masked {
            self.add_read_once_masked(text, region, min_confidence, Some(spelling), out);
        }
        read_masked
    }

    /// Adds to `out` (the findings of `text`, which spells out a value) what
    /// a scan of `text` with `out` masked finds in the text the masks leave
    /// as written, until such a scan finds nothing more (at most
    /// [`MAX_MASKED_READS`] scans).
    ///
    /// Words are read across the values between them: masking a value
    /// changes the words a spelled-out run may take, and a value the words
    /// hid, left shown by a redaction, was found by the next one (an alias
    /// six words on from a masked address; a digit word glued to a masked
    /// number). Reading the masked text as a redaction will leave it makes
    /// redaction settle where such cases remain, and masks what a re-read
    /// of its output would otherwise find. Values read across a mask are
    /// not mapped back: part of what they read is the mask, not the text.
    /// The masks read are the typed masks whatever the role: a role's
    /// operators write other replacements, and are applied once, to the
    /// original values.
    ///
    /// The masked text's spelled-out values are read as `spelling` reads
    /// them; without one, as every scan reads them (the addresses that
    /// name themselves in words).
    fn add_read_once_masked(
        &self,
        text: &[u8],
        region: Option<Region>,
        min_confidence: MinConfidence,
        spelling: Option<Spelling>,
        out: &mut Vec<Finding>,
    ) {
        let (mut masked, mut again) = (Vec::new(), Vec::new());
        let mut replaced = Replacements::default();
        for _ in 0..MAX_MASKED_READS {
            // Nothing masked: the text reads as it did.
            if out.is_empty() {
                return;
            }
            let written = write_replacements(
                text,
                out,
                None,
                None,
                None,
                &mut masked,
                Some(&mut replaced),
            );
            if written.is_err() {
                return;
            }
            self.scan_as_written(&masked, region, min_confidence, &mut again);
            let spelling = spelling.or_else(|| {
                (self.triggers.at_sign && spelled::may_spell_address(&masked))
                    .then_some(Spelling::AddressWords)
            });
            if let Some(spelling) = spelling {
                self.add_spelled_out(&masked, region, min_confidence, spelling, &mut again);
            }
            let kept: Vec<Finding> = again
                .drain(..)
                .filter_map(|mut f| {
                    (f.start, f.end) = replaced.original_of_kept(f.start, f.end)?;
                    Some(f)
                })
                .collect();
            if kept.is_empty() {
                return;
            }
            add_clear_of(out, kept);
        }
    }

    /// Whether spelled-out values are read by every scan.
    pub fn reads_spelled_out(&self) -> bool {
        self.spelled_out
    }

    /// Adds to `out` (the findings of `text` as written) the values `text`
    /// spells out (see `crate::spelled`): the findings of its rewritten copy
    /// that overlap none of `out`, mapped back onto the words. A spelled
    /// value that holds the written findings it overlaps and more, and is
    /// surer than each, replaces them: in `9876543 21O` the seven digits
    /// written are a local number, and reading them alone would leave the
    /// rest shown.
    ///
    /// Returns whether `text` spells anything out.
    fn add_spelled_out(
        &self,
        text: &[u8],
        region: Option<Region>,
        min_confidence: MinConfidence,
        spelling: Spelling,
        out: &mut Vec<Finding>,
    ) -> bool {
        if text.len() > rewrite::MAX_LEN {
            return false;
        }
        // Words are read as the detectors read the text: through the marks
        // that `crate::marks` drops (`ju\u{200B}an[at]gmail.com` is
        // `ju\u{200B}an@gmail.com`, an address either way), so that what
        // the pass reads, and where its words end, is what a redaction,
        // which drops the marks inside a value, leaves to be read again.
        // Digits of other scripts too, which the copy writes in ASCII: as
        // the scan of the text as written reads them (and whatever else
        // the text holds, so that a value reads the same wherever a mark
        // stands in the text).
        let ascii = text.is_ascii();
        let stripped = (marks::any(text, ascii)
            || (!ascii && prefilter::next_non_ascii_digit(text, 0).is_some()))
        .then(|| marks::strip(text));
        if spelling == Spelling::SignsBetweenDigits {
            let Some(reading) = spelled::read_signs(text, stripped) else {
                return false;
            };
            self.add_read_in_copy(text, &reading, region, min_confidence, out);
            return true;
        }
        let read = |taken: &[(usize, usize)]| match &stripped {
            None => spelled::read(text, taken, spelling),
            Some(stripped) => {
                let taken: Vec<_> = taken
                    .iter()
                    .map(|&(start, end)| (stripped.position(start), stripped.position(end)))
                    .collect();
                spelled::read_copy(stripped, text, &taken, spelling)
                    .map(|reading| reading.through(stripped))
            }
        };
        let Some(reading) = read(&[]) else {
            return false;
        };
        let written = (!reading.runs.is_empty()).then(|| out.clone());
        self.add_read_in_copy(text, &reading, region, min_confidence, out);
        // Words a run took beyond the values found in it or beside it are
        // read again as words (see `spelled::read`), as a second
        // redaction, the values masked, reads them.
        let Some(written) = written else {
            return true;
        };
        let left_out = spelled::words_left_out(&reading.runs, out);
        if left_out.is_empty() {
            return true;
        }
        let first = std::mem::replace(out, written);
        if let Some(reading) = read(&left_out) {
            self.add_read_in_copy(text, &reading, region, min_confidence, out);
        }
        // A value the first reading found stays where the second, a word
        // glued to it left as letters, loses it (`tam987/65..43210`: its
        // mask leaves `tam•••/…`, and the value is masked).
        add_clear_of(out, first);
        true
    }

    /// Adds to `out` (the findings of `text` as written) the findings of
    /// `reading`'s copy, `text` with its spelled-out values rewritten, that
    /// overlap none of `out` and that the reading reads
    /// (`spelled::Reading::reads`), mapped back onto the words; see
    /// [`add_spelled_out`](Self::add_spelled_out).
    fn add_read_in_copy(
        &self,
        text: &[u8],
        reading: &spelled::Reading,
        region: Option<Region>,
        min_confidence: MinConfidence,
        out: &mut Vec<Finding>,
    ) {
        let copy = &reading.copy;
        let mut found = Vec::new();
        self.scan_as_written(&copy.text, region, min_confidence, &mut found);
        if self.triggers.in_region(region).alias_dot
            && min_confidence.admits(detect::alias::CONFIDENCE)
        {
            self.add_aliases_rewritten_in_copy(text, copy, out);
        }
        let written = out.len();
        let mut replaced = 0;
        // Both lists are sorted and disjoint: one walk finds the overlaps.
        let mut next = 0;
        for mut finding in found {
            (finding.start, finding.end) = copy.original(finding.start, finding.end);
            // Marks the copy dropped right after the value stand outside
            // it, as they do for the text as written.
            finding.end = marks::end_before_invisible(text, finding.start, finding.end);
            if !reading.reads(text, finding.start, finding.end) {
                continue;
            }
            while next < written && out[next].end <= finding.start {
                next += 1;
            }
            let overlapped = out[next..written]
                .iter()
                .take_while(|w| w.start < finding.end)
                .count();
            let them = &out[next..next + overlapped];
            let holds = |w: &Finding| {
                finding.start <= w.start
                    && w.end <= finding.end
                    && w.confidence < finding.confidence
            };
            let reads_more = them
                .first()
                .is_some_and(|first| first.start > finding.start)
                || them.last().is_some_and(|last| last.end < finding.end);
            let holds_them = them.iter().all(holds) && reads_more;
            if overlapped == 0 {
                out.push(finding);
            } else if holds_them {
                // Emptied here (an empty span overlaps nothing), dropped below.
                for w in &mut out[next..next + overlapped] {
                    w.end = w.start;
                }
                replaced += overlapped;
                next += overlapped;
                out.push(finding);
            }
        }
        if replaced > 0 {
            out.retain(|f| f.start < f.end);
        }
        if out.len() > written - replaced {
            out.sort_by_key(|f| f.start);
        }
    }

    /// Adds to `out` (the findings of `text` as written) the Argentine
    /// aliases whose characters the spelled-out copy rewrote, where they
    /// overlap none of `out`; see `detect::alias::rewritten_in_copy`.
    fn add_aliases_rewritten_in_copy(
        &self,
        text: &[u8],
        copy: &rewrite::Rewritten,
        out: &mut Vec<Finding>,
    ) {
        let mut aliases = Vec::new();
        detect::alias::rewritten_in_copy(text, copy, &mut aliases);
        add_clear_of(out, aliases);
    }

    /// [`scan_into_with_min_confidence`](Self::scan_into_with_min_confidence)
    /// of the text as written (keycap digits included), without reading
    /// spelled-out values. Returns what it saw: whether signs typed between
    /// digit groups may hide a number (see `spelled::Spelling`), and
    /// whether a candidate dropped for an overlap reached beyond the
    /// value that won.
    fn scan_as_written(
        &self,
        text: &[u8],
        region: Option<Region>,
        min_confidence: MinConfidence,
        out: &mut Vec<Finding>,
    ) -> Seen {
        // List bullets typed against a value (`•98765 43210`) are read as
        // the spaces they stand for, not as masks, by the triggers and the
        // detectors alike (see `masked::blank_list_bullets`); offsets stay
        // the same. Text beyond ASCII without a bullet pays one search
        // for one. (A copy with all its bullets blanked may be ASCII, and
        // is read as text beyond ASCII: the slower, general path.)
        let ascii = text.is_ascii();
        // The one search for a bullet: a stretch of text without one has
        // none either (and a copy without marks gains none).
        let bullet = !ascii && masked::holds_bullet(text);
        let blanked = bullet.then(|| masked::blank_list_bullets(text)).flatten();
        let text = blanked.as_deref().unwrap_or(text);
        // Every finding of a built-in detector holds a trigger (a digit,
        // an `@`, or a profile link's `/`): text without one, most of chat, needs no UTF-8 check, no
        // copy and no detector. Triggers are found on the raw bytes, and a
        // stretch below has no trigger the whole text lacks (a lead byte
        // cut off at a stretch's end confirms nothing), so the scan can
        // start at the first one.
        let Some(first_trigger) = self
            .triggers
            .in_region(region)
            .next(text, 0)
            .or((!self.whole_text.is_empty()).then_some(text.len()))
        else {
            out.clear();
            return Seen::default();
        };
        // Values written with keycap emoji or invisible characters among
        // their characters, in italics (`_98765 43210_`) or in full-width
        // characters are read through a copy without those marks, and the
        // findings mapped back (see `crate::marks`): text without them
        // pays one search for them. So are values typed in the digits of
        // another script (`٢٩٠٠…`), which only the phone detector reads as
        // they stand: whether a text holds one is learnt on the way, from
        // its numeric spans, and such a text (few do) is read again.
        let fits = text.len() <= rewrite::MAX_LEN;
        // A first trigger beyond ASCII is such a digit (or `＠`, which
        // `marks::any` asks for): no need to scan up to it first.
        let native_first = text.get(first_trigger).is_some_and(|&b| b >= 0x80);
        if !(fits && (native_first || marks::any(text, ascii))) {
            let mut seen = self.scan_bytes(
                text,
                ascii,
                bullet,
                first_trigger,
                region,
                min_confidence,
                out,
                fits,
            );
            if !(seen.native && fits) {
                // No marks, or a text too long to copy.
                seen.without_marks = true;
                return seen;
            }
        }
        let stripped = marks::strip(text);
        let copy = &stripped.text;
        let first_trigger = self
            .triggers
            .in_region(region)
            .next(copy, 0)
            .unwrap_or(copy.len());
        let seen = self.scan_bytes(
            copy,
            copy.is_ascii(),
            bullet,
            first_trigger,
            region,
            min_confidence,
            out,
            false,
        );
        for f in out.iter_mut() {
            (f.start, f.end) = stripped.original(f.start, f.end);
            f.end = marks::end_before_invisible(text, f.start, f.end);
        }
        seen
    }

    /// [`scan_into_with_min_confidence`](Self::scan_into_with_min_confidence)
    /// of the text as it is (`ascii`: all of it is ASCII; `bullet`: it may
    /// hold a mask bullet), from its first trigger on. Returns what it saw
    /// on the way; with `stop_at_native`, it stops at a digit of a script
    /// other than ASCII, and `out` holds no complete result (the text is to
    /// be read through a copy).
    #[allow(clippy::too_many_arguments)]
    fn scan_bytes(
        &self,
        text: &[u8],
        ascii: bool,
        bullet: bool,
        first_trigger: usize,
        region: Option<Region>,
        min_confidence: MinConfidence,
        out: &mut Vec<Finding>,
        stop_at_native: bool,
    ) -> Seen {
        out.clear();
        let mut seen = Seen::default();
        // Each valid UTF-8 stretch is a text of its own: an invalid byte
        // ends a text as a line break would, for findings and for every
        // look-around (keywords, vetoes, glue checks, mask bullets), so a
        // `#` or a keyword on the far side of it says nothing about a
        // number. Splitting here, once, keeps every detector simple and
        // makes the whole scan equal to scanning the stretches apart.
        let mut base = 0;
        let mut rest = text;
        // The findings of the stretches before, which the detectors of a
        // stretch must not see: theirs are offsets into the stretch, and
        // the ones before are offsets into the text (a number read after
        // `/` in one stretch took a phone that ended at the same offset in
        // the stretch before as the number listed before it; found by the
        // stream property test).
        let mut before = Vec::new();
        loop {
            // ASCII needs no more checking; other text gets SIMD validation
            // that stops at the first invalid sequence, as std's does
            // (simdutf8's `basic` API reads to the end before it fails,
            // which made text full of invalid bytes quadratic). Both stop
            // at the first invalid byte, so the loop stays linear.
            let checked = if (ascii && base == 0) || rest.is_ascii() {
                Ok("")
            } else {
                simdutf8::compat::from_utf8(rest)
            };
            let (stretch, invalid) = match checked {
                Ok(_) => (rest, 0),
                Err(e) => {
                    let valid = e.valid_up_to();
                    let invalid = e.error_len().unwrap_or(rest.len() - valid);
                    (&rest[..valid], invalid)
                }
            };
            before.append(out);
            // One stretch (nearly every text) holds a bullet if the text
            // does; of several, each is asked.
            let masked = bullet && (stretch.len() == text.len() || masked::holds_bullet(stretch));
            let ctx = Context::with_masked(stretch, region, masked);
            self.scan_stretch(
                &ctx,
                first_trigger.saturating_sub(base),
                out,
                ascii,
                stop_at_native,
                &mut seen,
            );
            if seen.native && stop_at_native {
                return seen;
            }
            // A value glued to a mask bullet is the kept part of a value
            // masked before; one joined to a masked value by punctuation
            // (`1111(•••`, `308T.•••`, `•-(+)0201000`) was, before masking,
            // joined to the digits or letters the bullets stand for, which
            // the detectors refuse (`1111(5511…`); one spaces after a
            // masked group is that value's shown last group (`•••• 1111::0`
            // was `4111 … 1111::0`, a card that won over an address), or
            // was read with the group. Reading any would make redaction
            // not idempotent. The price: a value typed next to a literal
            // `•` inside a word, or spaces away from `••`, is missed (a
            // list bullet, `• 98765 43210` or `•98765 43210` at a line's
            // start or after white space, is no mask and does not count).
            let mut kept = 0;
            for i in 0..out.len() {
                let f = &mut out[i];
                if min_confidence.admits(f.confidence)
                    && self.is_selected(&f.kind)
                    && !(ctx.masked
                        && (touches_masked_value(stretch, f.start, f.end)
                            || in_masked_email_domain(stretch, f.start)))
                {
                    f.start += base;
                    f.end += base;
                    out.swap(kept, i);
                    kept += 1;
                }
            }
            out.truncate(kept);
            base += stretch.len() + invalid;
            if base >= text.len() {
                break;
            }
            rest = &text[base..];
        }
        if !before.is_empty() {
            before.append(out);
            std::mem::swap(out, &mut before);
        }
        seen.dropped_beyond = resolve_overlaps(out);
        seen.masked_otherwise = out
            .iter()
            .any(|f| matches!(f.kind, Kind::Email) && !text[f.start..f.end].contains(&b'@'));
        seen
    }

    /// Scans [`WARM_UP`] once and forgets what it found.
    fn warm_up(&self) {
        let mut found = Vec::new();
        self.scan_into(WARM_UP, self.region, &mut found);
    }

    /// Whether the scanner reports `kind`.
    #[inline]
    fn is_selected(&self, kind: &Kind) -> bool {
        self.selected_builtin.contains(kind)
            || (kind.builtin_code().is_none() && self.selected.contains(kind))
    }

    /// Runs the detectors over `text`, one valid UTF-8 stretch with no
    /// trigger before `from`, appending their raw findings (offsets into
    /// `text`) to `out`, and notes in `seen` what it saw on the way (with
    /// `stop_at_native`, it stops at a digit of a script other than ASCII).
    fn scan_stretch(
        &self,
        ctx: &Context<'_>,
        from: usize,
        out: &mut Vec<Finding>,
        ascii: bool,
        stop_at_native: bool,
        seen: &mut Seen,
    ) {
        let text = ctx.text;
        let mut pos = from;
        let triggers = self.triggers.in_region(ctx.region);
        while let Some(i) = triggers.next(text, pos) {
            // A mark that is no digit: the detectors that start from it,
            // and the span they are shown.
            let byte = |width: usize| Span {
                start: i,
                end: i + width,
            };
            let mark = match text[i] {
                // An `@`, or one in brackets (`[@]`), or the end of an `at`
                // in brackets (`[at]`): such a sign, with a space either
                // side, reads as the `@` (see `detect::bracketed`).
                b'@' => Some((
                    &self.at_sign,
                    detect::bracketed::at_sign_around(text, i).unwrap_or(byte(1)),
                )),
                b')' | b']' | b'}' | b'>' => {
                    detect::bracketed::at_sign_closed_at(text, i).map(|sign| (&self.at_sign, sign))
                }
                b'/' => Some((&self.link_slash, byte(1))),
                b':' => Some((&self.app_colon, byte(1))),
                b'.' => Some((&self.alias_dot, byte(1))),
                0xEF if text[i..].starts_with(FULLWIDTH_COLON) => {
                    Some((&self.app_colon, byte(FULLWIDTH_COLON.len())))
                }
                _ => None,
            };
            if let Some((detectors, span)) = mark {
                for d in detectors {
                    d.detect(ctx, span, out);
                }
                pos = span.end;
                continue;
            }
            let (c, width) = char_at(text, i);
            if c.and_then(digit_value).is_none() {
                pos = i + width.max(1);
                continue;
            }
            // `%40`, an `@` encoded in a link (`mailto:ravi%40gmail.com`,
            // `upi://pay?pa=ravi%40okaxis`), or `&#64;` as HTML escapes one
            // (a page or a web export copied into chat): the address
            // detectors read it as an `@`.
            if i > 0 && matches!(text[i - 1], b'%' | b'#' | b'x' | b'X') {
                self.encoded_at_sign(ctx, i, out);
            }
            let NumericSpan {
                span,
                digits,
                ellipsis,
                reopened,
                spaced,
            } = numeric_span(text, i);
            let spanned = &text[span.start..span.end];
            if !ascii
                && !spanned.is_ascii()
                && prefilter::next_non_ascii_digit(spanned, 0).is_some()
            {
                seen.native = true;
                if stop_at_native {
                    return;
                }
            }
            // Signs typed between digit groups (`98765🔥43210`) are read
            // after the scan, through a copy, in the few texts that hold
            // them (see `spelled::Spelling`); masked or not, as the
            // reading reads them.
            if !seen.signs_between_digits {
                seen.signs_between_digits = ellipsis
                    || reopened
                    || (may_open_symbol_gap(text, span.end)
                        && (spelled::signs_after(text, span.end)
                            || spelled::wrapped_after(text, span.end)));
            }
            // A span touching a masked value is what is left of a longer
            // span read before masking (`+66••••••666--5526…` was one run
            // of digits): its pieces are not values of their own.
            if ctx.masked && touches_masked_value(text, span.start, span.end) {
                pos = span.end;
                continue;
            }
            let found_here = out.len();
            for (min_digits, d) in &self.numeric {
                if digits >= *min_digits {
                    d.detect(ctx, span, out);
                }
            }
            // A group glued to a word at either end of the span (`v2 4111…`,
            // `…1111 4ravi@…`, `3pm`), or a count before a word at its end
            // (`…1111 2 times`), is no part of the number; nor are the
            // groups of a phone number at either end (`4111 1111 1111 1111
            // 98765 43210`, two values a space apart).
            if spaced {
                self.read_around_words(ctx, span, digits, found_here, out);
            }
            // A token goes on before the digits (`ravi_k22`, `ravi.k.5`,
            // `7d9f…`) or after them (`1Lbc…`, `…0335-8dcc`); a `.` after
            // them mostly ends a sentence.
            let glued = span.start.checked_sub(1).is_some_and(|i| {
                text[i].is_ascii_alphanumeric() || matches!(text[i], b'-' | b'_' | b'.')
            }) || text
                .get(span.end)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-');
            if glued {
                for (min_digits, d) in &self.numeric_glued {
                    if digits >= *min_digits {
                        d.detect(ctx, span, out);
                    }
                }
            }
            pos = span.end;
        }
        if !self.whole_text.is_empty() {
            let span = Span {
                start: 0,
                end: text.len(),
            };
            for d in &self.whole_text {
                d.detect(ctx, span, out);
            }
        }
    }

    /// Finds the digit groups of `span` that belong to the words around it,
    /// or to a phone number at one of its ends (see [`words_around_number`]
    /// and [`phone_at_an_end`]; `found_here` is where the span's findings
    /// start in `out`), and reads the span again without them. Only for
    /// spans with white space between digits, apart from the scan's loop.
    #[inline(never)]
    fn read_around_words(
        &self,
        ctx: &Context<'_>,
        span: Span,
        digits: usize,
        found_here: usize,
        out: &mut Vec<Finding>,
    ) {
        let text = ctx.text;
        let cuts = match words_around_number(text, span) {
            (None, None)
                if digits >= MIN_DIGITS_BESIDE_A_PHONE
                    && out[found_here..].iter().any(|f| f.kind == Kind::Phone) =>
            {
                phone_at_an_end(text, span, &out[found_here..])
            }
            cuts => cuts,
        };
        if cuts.0.is_some() || cuts.1.is_some() {
            self.read_between_words(ctx, span, digits, cuts, out);
        }
    }

    /// Reads `span` again without the digit groups of the words around it
    /// (`cuts`, see [`words_around_number`]): a card, an IBAN or an ID is
    /// never read inside a longer run of digits, and such a word made it
    /// one. Each cut alone and both are read, as if the text ended there,
    /// by every numeric detector that does not weigh a span's groups apart
    /// by itself, unless a value found already covers those digits: a
    /// phone number (the phone detector weighs every run of groups, and a
    /// number in pairs before a word, `06 19 19 18 27 merci`, is the most
    /// common case), or any value read with confidence (an IBAN whose last
    /// group is short, `GB80 YGIM 9365 0823 2430 67 here`). A weaker one may
    /// be the longer run the word made (`4111 1111 1111 1111 3 cuotas` is
    /// a Luhn-valid number after a card word, 0.87), so the readings
    /// without the word's group are made, and what they find is resolved
    /// as any overlap.
    #[cold]
    #[inline(never)]
    fn read_between_words(
        &self,
        ctx: &Context<'_>,
        span: Span,
        digits: usize,
        (start_cut, end_cut): (Cut, Cut),
        out: &mut Vec<Finding>,
    ) {
        let text = ctx.text;
        // The first group may be a code's (`DE89 3704 …`), the last a
        // card's (`… 4825 69 for the EMI`).
        let starts = [Some((span.start, 0)), start_cut];
        let ends = [Some((span.end, 0)), end_cut];
        for (start, start_digits) in starts.into_iter().flatten() {
            for (end, end_digits) in ends.into_iter().flatten() {
                let covered = out.iter().rev().take(COVERING_LOOK_BACK).any(|f| {
                    f.start <= start
                        && f.end >= end
                        && (f.confidence >= CONFIDENT
                            || (f.kind == Kind::Phone
                                && MinConfidence::DEFAULT.admits(f.confidence)))
                });
                // Two phone numbers the span's reading found may overlap,
                // one at each end: their cuts may cross.
                if (start, end) == (span.start, span.end) || covered || start >= end {
                    continue;
                }
                let cut = Context::with_masked(&text[..end], ctx.region, ctx.masked);
                let inner = Span { start, end };
                let left = digits.saturating_sub(start_digits + end_digits);
                for (min_digits, d) in &self.numeric {
                    if left >= *min_digits && !d.reads_groups_apart() {
                        d.detect(&cut, inner, out);
                    }
                }
            }
        }
    }

    /// Runs the address detectors on an encoded `@` whose first digit is
    /// at `digit`, if one is there (see [`text::encoded_at_sign`]).
    #[cold]
    #[inline(never)]
    fn encoded_at_sign(&self, ctx: &Context<'_>, digit: usize, out: &mut Vec<Finding>) {
        if let Some((start, end)) = text::encoded_at_sign(ctx.text, digit) {
            let span = Span { start, end };
            for d in &self.at_sign {
                d.detect(ctx, span, out);
            }
        }
    }

    /// Scans many messages in one call, appending their findings to `out`
    /// (cleared first) without an allocation per message. Hosts that cross
    /// a language boundary per call (the C ABI, Python, Node) use this to
    /// pay the crossing once for a batch of short chat messages.
    ///
    /// ```
    /// use piimask::{BatchFindings, Scanner};
    /// let scanner = Scanner::builder().region("IN").build()?;
    /// let mut batch = BatchFindings::default();
    /// let messages = ["hi", "call 98765 43210", "mail a@b.co"];
    /// scanner.scan_batch(messages.iter().map(|m| m.as_bytes()), scanner.region(), &mut batch);
    /// assert_eq!(batch.len(), 3);
    /// assert!(batch.get(0).unwrap().is_empty());
    /// assert_eq!(batch.get(1).unwrap()[0].normalized, "+919876543210");
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn scan_batch<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t [u8]>,
        region: Option<Region>,
        out: &mut BatchFindings,
    ) {
        out.findings.clear();
        out.ends.clear();
        let mut scratch = std::mem::take(&mut out.scratch);
        for text in texts {
            self.scan_into(text, region, &mut scratch);
            out.findings.append(&mut scratch);
            out.ends.push(out.findings.len());
        }
        out.scratch = scratch;
    }

    /// Masks every finding in `text` for the policy's default role (without
    /// one, each kind's typed mask, see [`crate::policy::mask`]); text
    /// outside findings is kept byte for byte.
    pub fn redact(&self, text: &str) -> Result<String, Error> {
        self.redact_as(text, self.region, None)
    }

    /// Masks `text` as `role` sees it (`None`: the default role), with a
    /// region hint for this call. On error no text is returned.
    ///
    /// ```
    /// use piimask::{policy::Key, Scanner};
    /// let scanner = Scanner::builder().region("IN").key(Key::new(&[7; 32])?).build()?;
    /// let text = "call 98765 43210";
    /// let agent = scanner.redact_as(text, scanner.region(), Some("agent"))?;
    /// assert!(agent.starts_with("call [PHONE:"));
    /// // Same customer, same token, whatever the formatting.
    /// assert_eq!(agent, scanner.redact_as("call +91-98765-43210", None, Some("agent"))?);
    /// assert_eq!(scanner.redact_as(text, scanner.region(), Some("supervisor"))?, "call ••••• ••210");
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn redact_as(
        &self,
        text: &str,
        region: Option<Region>,
        role: Option<&str>,
    ) -> Result<String, Error> {
        let mut findings = Vec::new();
        let mut out = Vec::with_capacity(text.len());
        self.redact_role_into(text.as_bytes(), region, role, &mut findings, &mut out)?;
        // Replacements are UTF-8 and only replace whole UTF-8 spans.
        String::from_utf8(out).map_err(|_| Error::Redaction("masked text is not UTF-8".into()))
    }

    /// Like [`redact`](Self::redact) with another region hint (or none).
    pub fn redact_with(&self, text: &str, region: Option<Region>) -> Result<String, Error> {
        self.redact_as(text, region, None)
    }

    /// Redacts any bytes into `out` (cleared first) for the default role,
    /// using `findings` as scratch space. On error `out` is left empty: no
    /// unmasked text leaves.
    pub fn redact_into(
        &self,
        text: &[u8],
        region: Option<Region>,
        findings: &mut Vec<Finding>,
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        self.redact_role_into(text, region, None, findings, out)
    }

    /// Redacts any bytes into `out` as `role` sees them (`None`: the default
    /// role). On error `out` is left empty, and so it is when a panic
    /// unwinds out of this call.
    pub fn redact_role_into(
        &self,
        text: &[u8],
        region: Option<Region>,
        role: Option<&str>,
        findings: &mut Vec<Finding>,
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        out.clear();
        let guard = ClearOnUnwind(out);
        let result = match role.or(self.policy.default_role()) {
            Some(name) => self.policy.role(name).map(Some),
            None => Ok(None),
        }
        .and_then(|role| {
            // A role may be more (or less) leak-averse than the scanner.
            let min_confidence = role
                .and_then(|r| r.min_confidence)
                .unwrap_or(self.min_confidence);
            self.scan_into_with_min_confidence(text, region, min_confidence, findings);
            apply_operators(text, findings, role, self.key.as_ref(), guard.0)
        });
        if result.is_err() {
            guard.0.clear();
        }
        result
    }

    /// Masks only `findings` (sorted, disjoint, found in `text`) into `out`
    /// (cleared first), as `role` sees them (`None`: the typed masks), with
    /// the same operators and fail-closed behaviour as
    /// [`redact_role_into`](Self::redact_role_into). The leak guard masks
    /// the values it caught and leaves the rest of the message alone.
    pub(crate) fn mask_findings_into(
        &self,
        text: &[u8],
        findings: &[Finding],
        role: Option<&str>,
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        out.clear();
        let guard = ClearOnUnwind(out);
        let result = role
            .map(|name| self.policy.role(name))
            .transpose()
            .and_then(|role| apply_operators(text, findings, role, self.key.as_ref(), guard.0));
        if result.is_err() {
            guard.0.clear();
        }
        result
    }

    /// Fault injection for the tests of fail-closed redaction; not part of
    /// the API. Until called again with `None`, the masking step of every
    /// redaction on the calling thread writes the value of finding number
    /// `at` (0-based) unmasked, as a broken operator might, and then fails:
    /// with [`Error::Redaction`], or with a panic when `panic` is set. The
    /// rest of the redaction is the real one, so a test that sees neither
    /// that value nor any text come back proves the failure path closed.
    #[doc(hidden)]
    pub fn inject_masking_fault(at: Option<usize>, panic: bool) {
        MASKING_FAULT.with(|f| f.set(at.map(|at| (at, panic))));
    }

    /// Whether some detector sees the whole text rather than the places
    /// around digits and `@`: custom detectors, and the reading of
    /// spelled-out values.
    pub(crate) fn has_whole_text_detectors(&self) -> bool {
        !self.whole_text.is_empty() || self.spelled_out
    }

    /// The scanner's policy (its roles).
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Reveals a token (through `vault`) or an FPE value (with the key) for
    /// a role allowed to reveal. Every attempt, allowed or not, is recorded
    /// in `audit` first; the event never holds the value.
    ///
    /// ```
    /// use piimask::{policy::{AuditEvent, AuditSink, Key, Outcome, RevealRequest}, Kind, Scanner};
    /// use std::sync::Mutex;
    ///
    /// struct Log(Mutex<Vec<AuditEvent>>);
    /// impl AuditSink for Log {
    ///     fn record(&self, e: &AuditEvent) { self.0.lock().unwrap().push(e.clone()) }
    /// }
    /// let config = piimask::Config::from_json(r#"{"policy":{"roles":{"agent":{"kinds":{"phone":"fpe"}}}}}"#)?;
    /// let scanner = Scanner::builder().config(&config).key(Key::new(&[7; 32])?).build()?;
    /// let masked = scanner.redact_as("call +91 98765 43210", None, Some("agent"))?;
    /// let fpe_value = masked.strip_prefix("call ").unwrap();
    /// let log = Log(Mutex::new(Vec::new()));
    /// let request = |role| RevealRequest {
    ///     value: fpe_value, kind: &Kind::Phone, role, actor: "sup-7", conversation: Some("c-17"), region: None,
    /// };
    /// assert_eq!(scanner.reveal(&request("supervisor"), None, &log)?, "+91 98765 43210");
    /// assert!(scanner.reveal(&request("agent"), None, &log).is_err());
    /// let outcomes: Vec<Outcome> = log.0.lock().unwrap().iter().map(|e| e.outcome).collect();
    /// assert_eq!(outcomes, [Outcome::Revealed, Outcome::Denied]);
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn reveal(
        &self,
        request: &RevealRequest<'_>,
        vault: Option<&dyn TokenVault>,
        audit: &dyn AuditSink,
    ) -> Result<String, Error> {
        let result = self.try_reveal(request, vault);
        let outcome = match &result {
            Ok(_) => Outcome::Revealed,
            Err(Error::RevealDenied | Error::UnknownRole(_)) => Outcome::Denied,
            Err(_) => Outcome::NotFound,
        };
        audit.record(&AuditEvent::new(request, outcome));
        result
    }

    fn try_reveal(
        &self,
        request: &RevealRequest<'_>,
        vault: Option<&dyn TokenVault>,
    ) -> Result<String, Error> {
        if !self.policy.role(request.role)?.can_reveal {
            return Err(Error::RevealDenied);
        }
        let value = request.value.trim();
        if reveal::is_token_of(value, request.kind) {
            return vault
                .and_then(|v| v.lookup(value))
                .ok_or_else(|| Error::RevealFailed("token not in the vault".into()));
        }
        let key = self.key.as_ref().ok_or(Error::MissingKey("fpe"))?;
        // The operator that produced the value decides the walk (Luhn).
        let luhn = self
            .policy
            .role_names()
            .filter_map(|name| self.policy.role(name).ok())
            .find_map(|role| match role.operator(request.kind) {
                Operator::Fpe { luhn } => Some(*luhn),
                _ => None,
            })
            .unwrap_or(false);
        let finding = if *request.kind == Kind::Phone {
            // Read the number back (it is valid by construction).
            let mut found = Vec::new();
            self.scan_into(value.as_bytes(), request.region, &mut found);
            found
                .into_iter()
                .find(|f| f.kind == Kind::Phone && f.start == 0 && f.end == value.len())
                .ok_or_else(|| Error::RevealFailed("not a phone number".into()))?
        } else {
            Finding {
                kind: request.kind.clone(),
                start: 0,
                end: value.len(),
                confidence: 1.0,
                normalized: value.chars().filter(char::is_ascii_digit).collect(),
            }
        };
        let ff1 = crate::policy::fpe_cipher(key);
        crate::policy::operator::fpe_value(&ff1, &finding, value, luhn, false)
            .map_err(|_| Error::RevealFailed("not a format-preserving value of this kind".into()))
    }
}

/// The findings of a batch of messages (see [`Scanner::scan_batch`]),
/// stored flat. Reuse one across batches to avoid allocation.
#[derive(Clone, Debug, Default)]
pub struct BatchFindings {
    findings: Vec<Finding>,
    /// `ends[i]` is one past the last finding of message `i`.
    ends: Vec<usize>,
    scratch: Vec<Finding>,
}

impl BatchFindings {
    /// The number of messages.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the batch holds no messages.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The findings of message `i`, in order.
    pub fn get(&self, i: usize) -> Option<&[Finding]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.findings[start..end])
    }

    /// The findings of each message, in message order.
    pub fn iter(&self) -> impl Iterator<Item = &[Finding]> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// Clears the output buffer if a panic unwinds while it is borrowed, so
/// that a caller who catches the panic finds no partial (possibly
/// unmasked) text in it.
struct ClearOnUnwind<'a>(&'a mut Vec<u8>);

impl Drop for ClearOnUnwind<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.clear();
        }
    }
}

thread_local! {
    /// See [`Scanner::inject_masking_fault`]: the finding to fail at, and
    /// whether to panic.
    static MASKING_FAULT: std::cell::Cell<Option<(usize, bool)>> = const { std::cell::Cell::new(None) };
}

/// Writes `text` with each finding replaced as `role` says (no role: the
/// typed masks).
fn apply_operators(
    text: &[u8],
    findings: &[Finding],
    role: Option<&Role>,
    key: Option<&Key>,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let fault = MASKING_FAULT.with(std::cell::Cell::get);
    write_replacements(text, findings, role, key, fault, out, None)
}

/// Where [`write_replacements`] wrote each replacement: the spans of the
/// findings in the text and of their replacements in the output, in order.
#[derive(Default)]
struct Replacements(Vec<(Span, Span)>);

impl Replacements {
    /// The span of the text that `start..end` of the output, text kept as
    /// written between replacements, was copied from; `None` if it overlaps
    /// a replacement.
    fn original_of_kept(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let before = self.0.partition_point(|(_, written)| written.end <= start);
        if self
            .0
            .get(before)
            .is_some_and(|(_, written)| written.start < end)
        {
            return None;
        }
        let shift = |at: usize| match before.checked_sub(1) {
            Some(i) => at - self.0[i].1.end + self.0[i].0.end,
            None => at,
        };
        Some((shift(start), shift(end)))
    }
}

/// [`apply_operators`] with `fault` (see [`Scanner::inject_masking_fault`])
/// given; writes where the replacements went to `replaced`, if asked (a
/// redaction does not ask, and allocates nothing for it).
fn write_replacements(
    text: &[u8],
    findings: &[Finding],
    role: Option<&Role>,
    key: Option<&Key>,
    fault: Option<(usize, bool)>,
    out: &mut Vec<u8>,
    mut replaced: Option<&mut Replacements>,
) -> Result<(), Error> {
    out.clear();
    if let Some(replaced) = replaced.as_deref_mut() {
        replaced.0.clear();
    }
    let mut last = 0;
    for (i, f) in findings.iter().enumerate() {
        let value = text
            .get(f.start..f.end)
            .filter(|_| f.start >= last)
            .and_then(|v| std::str::from_utf8(v).ok())
            .ok_or_else(|| Error::Redaction("finding spans are inconsistent".into()))?;
        out.extend_from_slice(&text[last..f.start]);
        if let Some((at, panic)) = fault.filter(|&(at, _)| at == i) {
            out.extend_from_slice(value.as_bytes());
            if panic {
                panic!("injected fault in the masking step at finding {at}");
            }
            return Err(Error::Redaction("injected fault".into()));
        }
        let written_from = out.len();
        role.map_or(&Operator::MASK, |r| r.operator(&f.kind))
            .apply(f, value, key, out)?;
        if let Some(replaced) = replaced.as_deref_mut() {
            let written = Span {
                start: written_from,
                end: out.len(),
            };
            replaced.0.push((
                Span {
                    start: f.start,
                    end: f.end,
                },
                written,
            ));
        }
        last = f.end;
    }
    out.extend_from_slice(&text[last..]);
    Ok(())
}

/// How many times [`Scanner::add_read_once_masked`] reads a text masked:
/// each read masks more only where the one before found a value.
const MAX_MASKED_READS: usize = 3;

/// Most white space allowed between two digit groups of one span.
const MAX_SPACES: usize = 2;
/// What [`Scanner::scan_bytes`] saw on its way through a text.
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    /// A numeric span held a digit of a script other than ASCII.
    native: bool,
    /// Signs typed between digit groups may hide a number
    /// (`spelled::signs_between_digits`).
    signs_between_digits: bool,
    /// A candidate dropped for an overlap reached beyond the value that
    /// won (see `finding::resolve_overlaps`).
    dropped_beyond: bool,
    /// An e-mail address found is written without its `@`, so its mask
    /// (`r•••@gmail.com`) stands in another form than the text did.
    masked_otherwise: bool,
    /// The text holds none of the marks that `crate::marks` drops, or is
    /// too long to be read through a copy without them (no spelled-out
    /// value is read in it then either); `false` where the scan did not
    /// look.
    without_marks: bool,
}

/// Whether the first byte after the numeric span ending at `end`, past
/// its spaces, may open signs typed between digit groups: one of ASCII's
/// (`*`, `_`, `~`, `|`, `\`, `#`, `=`, `.`), a character beyond ASCII (an
/// emoji, `…`, `·`), or what closes a wrapped group (`]`, `}`, `>` and
/// quotes; a `)` before the next group's `(` is inside the span). Inlined:
/// asked after every numeric span. Any gap the reading joins must be seen
/// here (a text's findings in one place must not hang on signs in
/// another).
#[inline]
fn may_open_symbol_gap(text: &[u8], end: usize) -> bool {
    let mut i = end;
    while text.get(i) == Some(&b' ') {
        i += 1;
    }
    text.get(i).is_some_and(|&b| {
        b >= 0xC2
            || matches!(
                b,
                b'*' | b'_'
                    | b'~'
                    | b'|'
                    | b'\\'
                    | b'#'
                    | b'&'
                    | b'='
                    | b'.'
                    | b']'
                    | b'}'
                    | b'>'
                    | b'"'
                    | b'\''
                    | b'`'
            )
    })
}

/// How far back from a digit an opening `+` or `(` is looked for.
const MAX_LEAD: usize = 3;

/// A run of digits and the separators of a number, as the numeric
/// detectors are shown it.
struct NumericSpan {
    span: Span,
    /// How many digits it holds.
    digits: usize,
    /// Whether two of its digits have an ellipsis between them
    /// (`98765...43210`, `98765 .. 43210`): dots and spaces only, two dots
    /// or more (see `spelled::Spelling`).
    ellipsis: bool,
    /// Whether a `(` follows a `)` with no digit between (`(98765)
    /// (43210)`: groups each wrapped in parentheses, which the reading of
    /// signs between digit groups joins; see `spelled::wrapped_after`).
    reopened: bool,
    /// Whether white space stands between two of its digits: only then
    /// may a group of it be a word's (see [`words_around_number`]).
    spaced: bool,
}

/// Grows the numeric span around the digit at `first_digit`, which is the
/// first digit after any earlier span: back over an opening `+`/`(` (and a
/// space between it and the digit), forward over digits and separators,
/// ending at the last digit.
fn numeric_span(text: &[u8], first_digit: usize) -> NumericSpan {
    let mut start = first_digit;
    let mut back = first_digit;
    for _ in 0..MAX_LEAD {
        match char_before(text, back) {
            (Some(c), w) if matches!(phone::separator(c), Some('+' | '(' | ' ')) => {
                back -= w;
                if phone::separator(c) != Some(' ') {
                    start = back;
                }
            }
            _ => break,
        }
    }
    let mut end = first_digit;
    let mut i = first_digit;
    let mut spaces = 0;
    let mut digits = 0;
    // Where the last dot and the last other sign than a space stand (one
    // past, 0 for none), and the first dot after another with nothing
    // but spaces since a digit: kept out of the digits' branch, which
    // runs for most bytes of a span.
    let (mut last_dot, mut last_other, mut last_close) = (0, 0, 0);
    let mut second_dot = usize::MAX;
    let mut reopened = false;
    // One past the first space: a space before the last digit stands
    // between two digits.
    let mut first_space = 0;
    loop {
        let (c, w) = char_at(text, i);
        let Some(c) = c else { break };
        if digit_value(c).is_some() {
            end = i + w;
            spaces = 0;
            digits += 1;
        } else if let Some(sep) = phone::separator(c) {
            match sep {
                ' ' => {
                    spaces += 1;
                    if spaces > MAX_SPACES {
                        break;
                    }
                    if first_space == 0 {
                        first_space = i + 1;
                    }
                }
                '.' => {
                    if last_dot > end && last_other <= end {
                        second_dot = second_dot.min(i);
                    }
                    last_dot = i + 1;
                }
                ')' => {
                    last_other = i + 1;
                    last_close = i + 1;
                }
                '(' => {
                    last_other = i + 1;
                    reopened |= last_close > end;
                }
                _ => last_other = i + 1,
            }
        } else {
            break;
        }
        i += w;
    }
    NumericSpan {
        span: Span { start, end },
        digits,
        ellipsis: second_dot < end,
        reopened,
        spaced: first_space > first_digit && first_space < end,
    }
}

/// How many of the last findings [`Scanner::read_between_words`] looks at
/// for one that covers a span's digits: the span's own, and an IBAN's or
/// other value's read from an earlier span (its letters part them).
const COVERING_LOOK_BACK: usize = 4;
/// The confidence above which a value covering a span's digits is not
/// weighed against the readings without the groups of the words around.
const CONFIDENT: f32 = 0.9;

/// The fewest digits a span holds for a phone number at one end and
/// another value to stand beside it (an SSN's nine and a phone number's
/// seven).
const MIN_DIGITS_BESIDE_A_PHONE: usize = 16;

/// The cuts of `span` that leave out a phone number found at its start or
/// end (`found`: what the span's reading found), set apart from the rest
/// by white space: the digits before or after it are read as if it were a
/// word (see [`Scanner::read_between_words`]).
#[cold]
#[inline(never)]
fn phone_at_an_end(text: &[u8], span: Span, found: &[Finding]) -> (Cut, Cut) {
    let digits_in = |start: usize, end: usize| {
        let mut n = 0;
        let mut i = start;
        while i < end {
            let (c, w) = char_at(text, i);
            n += usize::from(c.and_then(digit_value).is_some());
            i += w.max(1);
        }
        n
    };
    let mut cuts: (Cut, Cut) = (None, None);
    for f in found.iter().filter(|f| f.kind == Kind::Phone) {
        if f.end == span.end && f.start > span.start {
            let before = text[span.start..f.start]
                .iter()
                .rev()
                .take_while(|&&b| b == b' ')
                .count();
            let end = f.start - before;
            if before > 0 && end > span.start && text[end - 1].is_ascii_digit() {
                cuts.1 = Some((end, digits_in(f.start, f.end)));
            }
        }
        if f.start == span.start && f.end < span.end {
            let after = text[f.end..span.end]
                .iter()
                .take_while(|&&b| b == b' ')
                .count();
            let start = f.end + after;
            if after > 0 && text[start].is_ascii_digit() {
                cuts.0 = Some((start, digits_in(f.start, f.end)));
            }
        }
    }
    cuts
}

/// A cut of a span: where it starts or ends, and the digits it leaves out.
type Cut = Option<(usize, usize)>;

/// Where a span's number starts and ends without the digit groups that
/// belong to the words around it: a first group of at most three digits
/// glued to a small letter before it (`v2 4111 …`, `room4 …`), and a last
/// group that starts a word or counts before one (`… 1111 3pm`,
/// `… 4ravi@gmail.com`, `… 1111 2 times`; see
/// [`text::digits_start_a_word`]). Each is set apart from the next group
/// by white space only.
fn words_around_number(text: &[u8], span: Span) -> (Cut, Cut) {
    // Decided on the bytes around the span where they are ASCII (nearly
    // always): this runs for every span.
    let small_letter_before = match span.start.checked_sub(1).map(|i| text[i]) {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        Some(_) => char_before(text, span.start)
            .0
            .is_some_and(|c| text::is_alphabetic(c) && !c.is_uppercase()),
        None => false,
    };
    // Not after a capital: `TXN3305… 080…`, `DE89 3704 …` are codes whose
    // groups go on.
    let start_cut = if small_letter_before && text[span.start].is_ascii_digit() {
        group_then_space(text, span.start, span.end)
            .filter(|&(digits, _)| digits <= 3)
            .map(|(digits, next)| (next, digits))
    } else {
        None
    };
    let letter_at = |at: usize| match text.get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(text, at).0.is_some_and(text::is_alphabetic),
        None => false,
    };
    let glued_word = letter_at(span.end);
    let word_after = glued_word
        || match char_at(text, span.end) {
            (Some(c), w) if text::is_inline_space(c) => letter_at(span.end + w),
            _ => false,
        };
    // A count has one or two digits: most spans before a word end in a
    // longer group, and need no walk back.
    let long_group = span.end >= 3 && text[span.end - 3..span.end].iter().all(u8::is_ascii_digit);
    let from = start_cut.map_or(span.start, |(next, _)| next);
    let end_cut = (word_after && (glued_word || !long_group))
        .then(|| space_then_group(text, from, span.end))
        .flatten()
        .filter(|&(_, previous)| text::digits_start_a_word(text, skip_inline_space(text, previous)))
        .map(|(digits, previous)| (previous, digits));
    (start_cut, end_cut)
}

/// The digits of the group at `at` and where the group after it starts,
/// when white space alone parts them (both within `..end`).
fn group_then_space(text: &[u8], at: usize, end: usize) -> Option<(usize, usize)> {
    let (mut i, mut digits) = (at, 0);
    while i < end {
        match char_at(text, i) {
            (Some(c), w) if digit_value(c).is_some() => {
                digits += 1;
                i += w;
            }
            _ => break,
        }
    }
    let gap = i;
    while i < end {
        match char_at(text, i) {
            (Some(c), w) if text::is_inline_space(c) => i += w,
            _ => break,
        }
    }
    let digit_next = i < end && char_at(text, i).0.and_then(digit_value).is_some();
    (i > gap && digit_next).then_some((digits, i))
}

/// Where the first character after the white space at `at` stands.
fn skip_inline_space(text: &[u8], mut at: usize) -> usize {
    while let (Some(c), w) = char_at(text, at) {
        if !text::is_inline_space(c) {
            break;
        }
        at += w;
    }
    at
}

/// The digits of the group ending at `end` and where the group before it
/// ends, when white space alone parts them (both within `start..`).
fn space_then_group(text: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let (mut i, mut digits) = (end, 0);
    while i > start {
        match char_before(text, i) {
            (Some(c), w) if digit_value(c).is_some() => {
                digits += 1;
                i -= w;
            }
            _ => break,
        }
    }
    let gap = i;
    while i > start {
        match char_before(text, i) {
            (Some(c), w) if text::is_inline_space(c) => i -= w,
            _ => break,
        }
    }
    let digit_before = i > start && char_before(text, i).0.and_then(digit_value).is_some();
    (i < gap && digit_before).then_some((digits, i))
}

/// Adds to `out` (sorted and disjoint) each of `more` that overlaps none of
/// it, and keeps `out` sorted. The one finding of `out` that could overlap
/// one of `more` is the first that ends after it starts.
fn add_clear_of(out: &mut Vec<Finding>, more: Vec<Finding>) {
    let before = out.len();
    for finding in more {
        let i = out[..before].partition_point(|f| f.end <= finding.start);
        if out[..before].get(i).is_none_or(|f| f.start >= finding.end) {
            out.push(finding);
        }
    }
    if out.len() > before {
        out.sort_by_key(|f| f.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_touching_a_masked_value_are_not_read_again() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let found = |t: &str| {
            scanner
                .scan(t)
                .iter()
                .map(|f| t[f.range()].to_string())
                .collect::<Vec<_>>()
        };
        // Beside bullets, through punctuation, or spaces after a masked group.
        assert!(found("•••98765 43210").is_empty());
        assert!(found("••.+-(98765) 43210").is_empty());
        assert!(found("x•98765 43210").is_empty());
        assert!(found("•• •98765 43210").is_empty());
        assert!(found("•••• ••••  98765 43210").is_empty());
        assert!(found("98765 43210 -••").is_empty());
        // A list bullet is not a masked group.
        assert_eq!(found("• 98765 43210"), ["98765 43210"]);
        assert_eq!(found("notes:\n• 98765 43210"), ["98765 43210"]);
        // Nor is one typed against the value, at a line's start or after
        // white space.
        assert_eq!(found("•98765 43210"), ["98765 43210"]);
        assert_eq!(found("notes:\n•+91 98765 43210"), ["+91 98765 43210"]);
        assert_eq!(found("• call\t•98765 43210"), ["98765 43210"]);
        assert_eq!(found("•ravi@gmail.com"), ["ravi@gmail.com"]);
        assert_eq!(found("•.98765 43210"), ["98765 43210"]);
        // Nor is a number inside the domain of a masked address, whose dots
        // the mask keeps bracketed, spoken or spaced.
        assert!(found("A•••@s.whatsapp.net-1120000000-wa.me/").is_empty());
        assert!(found("e•••@n[dot]9876543210{.}co").is_empty());
        assert!(found("r•••@ gmail dot 9876543210 dot com").is_empty());
        assert!(found("r•••@ gmail . 9876543210 . com").is_empty());
        // A number after the address is one.
        assert_eq!(found("r•••@gmail dot com 98765 43210"), ["98765 43210"]);
    }

    #[test]
    fn kept_text_of_a_masked_copy_maps_back() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let text = "mail ravi@example.com or call 98765 43210 today";
        let findings = scanner.scan(text);
        assert_eq!(findings.len(), 2);
        let mut masked = Vec::new();
        let mut replaced = Replacements::default();
        write_replacements(
            text.as_bytes(),
            &findings,
            None,
            None,
            None,
            &mut masked,
            Some(&mut replaced),
        )
        .unwrap();
        let masked = String::from_utf8(masked).unwrap();
        let at = |part: &str| {
            let start = masked.find(part).unwrap();
            (start, start + part.len())
        };
        // Kept text, before, between and after the masks, and touching them.
        for part in ["mail ", " or call ", " today", "ma", "call ", " tod"] {
            let (start, end) = at(part);
            let (from, to) = replaced.original_of_kept(start, end).unwrap();
            assert_eq!(&text[from..to], part);
        }
        // Spans holding part of a mask hold no text kept as written.
        let phone_mask = masked.rfind('•').unwrap();
        assert_eq!(replaced.original_of_kept(phone_mask, phone_mask + 5), None);
        assert_eq!(replaced.original_of_kept(2, at(" or").1), None);
        // With nothing replaced, the copy is the text.
        let mut none = Replacements::default();
        write_replacements(
            b"abc",
            &[],
            None,
            None,
            None,
            &mut Vec::new(),
            Some(&mut none),
        )
        .unwrap();
        assert_eq!(none.original_of_kept(1, 3), Some((1, 3)));
    }

    #[test]
    fn numeric_spans() {
        fn span(t: &str) -> &str {
            let i = t.bytes().position(|b| b.is_ascii_digit()).unwrap();
            let s = numeric_span(t.as_bytes(), i).span;
            &t[s.start..s.end]
        }
        assert_eq!(span("call +91 98765 43210 now"), "+91 98765 43210");
        assert_eq!(span("at (011) 2345-6789."), "(011) 2345-6789");
        assert_eq!(span("x 12   34"), "12");
        assert_eq!(span("on 12/03/2024, ok"), "12/03/2024");
        assert_eq!(span("+ 44 20"), "+ 44 20");
        let ellipsis = |t: &str| numeric_span(t.as_bytes(), 0).ellipsis;
        assert!(ellipsis("98765...43210"));
        assert!(ellipsis("98765 .. 43210"));
        assert!(ellipsis("1.2..3"));
        assert!(!ellipsis("98765.43210"));
        assert!(!ellipsis("98.765.432.10"));
        assert!(!ellipsis("98765.-.43210"));
        assert!(!ellipsis("98765... call"));
    }

    #[test]
    fn unknown_kind_and_region_are_errors() {
        assert_eq!(
            Scanner::builder().region("XX").build().unwrap_err(),
            Error::UnknownRegion("XX".into())
        );
        let err = Scanner::builder()
            .kinds([Kind::Custom("nope".into())])
            .build()
            .unwrap_err();
        assert_eq!(err, Error::UnknownKind("nope".into()));
    }

    #[test]
    fn scanner_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Scanner>();
    }
}
