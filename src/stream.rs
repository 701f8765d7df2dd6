//! Redacting text that arrives in pieces: a socket, a streaming LLM answer,
//! a file read in blocks.
//!
//! [`Scanner::stream`] gives a [`RedactStream`]: write chunks of any size,
//! split anywhere (inside a UTF-8 character, inside a phone number, between
//! a keyword and its number), and it writes redacted text out as soon as no
//! finding can reach across what it has seen. The concatenated output is
//! byte for byte what [`Scanner::redact_role_into`] gives for the whole
//! text at once, and findings carry byte offsets into the whole stream.
//!
//! # Why the output is the same, and how much is held back
//!
//! The stream keeps the text after its last *cut* and redacts up to a new
//! cut as soon as it sees one. A cut is a place no detector looks across,
//! so redacting the pieces on either side separately gives the same
//! findings as redacting them together:
//!
//! - **After a line break.** No built-in detector reads across `\n`: a
//!   number's separators are inline spaces and punctuation, context words
//!   are looked for on the same line, an e-mail address holds no white
//!   space, and the check for a value glued to a masked one stops at it.
//! - **Inside a long quiet stretch** (built-in kinds only): before a
//!   letter that has no digit and no `@` (or `＠`) within [`REACH`] bytes
//!   on either side, nor an `@` said in words that every scan reads
//!   (`at gmail`, `arroba`; see `crate::spelled`). Every built-in detector starts from a
//!   digit or `@` and looks at most [`REACH`] bytes around it (the longest
//!   reach is an e-mail domain, 253 bytes; context words are looked for at
//!   most 48 characters back), the addresses every scan reads spelled out
//!   hold one of those words, and a letter stops the walk that finds values
//!   glued to a masked one.
//!
//! So the text held back is at most the current line, or, on a line longer
//! than `2 × REACH` bytes, the stretch since the last quiet place. A line
//! that keeps a digit or `@` at least every [`REACH`] bytes (or has no
//! letters) for [`MAX_HELD`] bytes is the one case with no cut: the stream
//! then cuts before the last character that is neither a digit nor an
//! inline separator, and a value across that forced cut may be found
//! differently than in the whole text. Custom patterns and dictionaries,
//! and values spelled out as words
//! ([`ScannerBuilder::spelled_out`](crate::ScannerBuilder::spelled_out)),
//! see the whole text, not only digits and `@`: a scanner with any of them
//! is redacted line by line, and a custom pattern that matches across a
//! line break is not found in a stream.
//!
//! Invalid UTF-8 passes through unchanged and is never part of a finding,
//! as everywhere else; a character split between two chunks is joined
//! before it is read.

use crate::error::Error;
use crate::finding::Finding;
use crate::region::Region;
use crate::scanner::Scanner;
use crate::text::{char_at, char_before, digit_value, is_alphabetic};

/// How far around a digit or `@` any built-in detector looks, in bytes
/// (with margin: the longest look is an e-mail domain of 253 bytes plus
/// the character after it).
pub const REACH: usize = 512;

/// The most text a stream holds back before it cuts whatever the text:
/// 1 MiB.
pub const MAX_HELD: usize = 1 << 20;

/// An incremental redaction of one text delivered in chunks. Create with
/// [`Scanner::stream`]; feed it with [`write`](Self::write), end it with
/// [`finish`](Self::finish).
///
/// ```
/// use piimask::Scanner;
/// let scanner = Scanner::builder().region("IN").build()?;
/// let mut stream = scanner.stream(scanner.region(), None)?;
/// let mut out = Vec::new();
/// for chunk in ["call me on 98765 4", "3210 or mail ri", "ya@example.in\nbye"] {
///     stream.write(chunk.as_bytes(), &mut out)?;
/// }
/// stream.finish(&mut out)?;
/// assert_eq!(
///     String::from_utf8(out).unwrap(),
///     scanner.redact("call me on 98765 43210 or mail riya@example.in\nbye")?
/// );
/// # Ok::<(), piimask::Error>(())
/// ```
#[derive(Debug)]
pub struct RedactStream<'s> {
    scanner: &'s Scanner,
    state: StreamState,
}

impl Scanner {
    /// Starts redacting a text that arrives in chunks, with a region hint
    /// (`None`: none) as `role` sees it (`None`: the policy's default
    /// role). Fails at once for a role the policy does not define.
    pub fn stream(
        &self,
        region: Option<Region>,
        role: Option<&str>,
    ) -> Result<RedactStream<'_>, Error> {
        Ok(RedactStream {
            scanner: self,
            state: StreamState::new(self, region, role)?,
        })
    }
}

impl RedactStream<'_> {
    /// Takes the next chunk (any bytes, split anywhere) and appends to
    /// `out` the redacted text that is now certain; the rest is held back
    /// until a later chunk or [`finish`](Self::finish). Findings of the
    /// text written by this call are in [`findings`](Self::findings).
    ///
    /// On error nothing is appended to `out` and the stream is finished:
    /// every later call fails too (redaction fails closed).
    pub fn write(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), Error> {
        self.state.write(self.scanner, chunk, out)
    }

    /// Ends the text: appends the redaction of everything held back.
    pub fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        self.state.finish(self.scanner, out)
    }

    /// The findings in the text that the last `write` or `finish` put out,
    /// in order, with byte offsets into the whole input stream.
    pub fn findings(&self) -> &[Finding] {
        &self.state.findings
    }

    /// How many input bytes are held back, waiting for a cut.
    pub fn held(&self) -> usize {
        self.state.held()
    }

    /// How many input bytes the stream has taken so far.
    pub fn position(&self) -> usize {
        self.state.base + self.state.held.len()
    }
}

/// The state of a stream without its scanner, so that the C ABI can pair
/// it with a scanner it does not own.
#[derive(Debug)]
pub(crate) struct StreamState {
    region: Option<Region>,
    role: Option<String>,
    /// Custom detectors see the whole text: cut at line breaks only.
    lines_only: bool,
    /// Input after the last cut.
    held: Vec<u8>,
    /// Stream offset of `held[0]`.
    base: usize,
    /// Look for a quiet cut again once `held` is this long (doubling after
    /// each miss keeps the searches linear overall).
    next_look: usize,
    /// Findings of the last output, in stream offsets.
    findings: Vec<Finding>,
    /// Scratch output of one piece.
    piece: Vec<u8>,
    failed: bool,
    finished: bool,
}

impl StreamState {
    pub(crate) fn new(
        scanner: &Scanner,
        region: Option<Region>,
        role: Option<&str>,
    ) -> Result<StreamState, Error> {
        if let Some(name) = role.or(scanner.policy().default_role()) {
            scanner.policy().role(name)?;
        }
        Ok(StreamState {
            region,
            role: role.map(str::to_owned),
            lines_only: scanner.has_whole_text_detectors(),
            held: Vec::new(),
            base: 0,
            next_look: 4 * REACH,
            findings: Vec::new(),
            piece: Vec::new(),
            failed: false,
            finished: false,
        })
    }

    /// Findings of the last output, in stream offsets.
    pub(crate) fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Input bytes held back, waiting for a cut.
    pub(crate) fn held(&self) -> usize {
        self.held.len()
    }

    fn check_open(&self) -> Result<(), Error> {
        if self.failed {
            return Err(Error::Redaction("the stream failed earlier".into()));
        }
        if self.finished {
            return Err(Error::Redaction("the stream is finished".into()));
        }
        Ok(())
    }

    pub(crate) fn write(
        &mut self,
        scanner: &Scanner,
        chunk: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        self.check_open()?;
        self.findings.clear();
        let before = self.held.len();
        self.held.extend_from_slice(chunk);
        // Nothing held back before this chunk had a line break.
        let cut = match memchr::memrchr(b'\n', &self.held[before..]) {
            Some(i) => Some(before + i + 1),
            None if !self.lines_only && self.held.len() >= self.next_look => {
                let cut = quiet_cut(&self.held);
                if cut.is_none() {
                    self.next_look = self.held.len().saturating_mul(2);
                }
                cut
            }
            None => None,
        };
        let cut = cut.or_else(|| (self.held.len() > MAX_HELD).then(|| forced_cut(&self.held)));
        match cut {
            Some(cut) if cut > 0 => self.emit(scanner, cut, out),
            _ => Ok(()),
        }
    }

    pub(crate) fn finish(&mut self, scanner: &Scanner, out: &mut Vec<u8>) -> Result<(), Error> {
        self.check_open()?;
        self.findings.clear();
        let all = self.held.len();
        let result = self.emit(scanner, all, out);
        self.finished = true;
        self.held = Vec::new();
        result
    }

    /// Redacts `held[..cut]` onto `out` and drops it.
    fn emit(&mut self, scanner: &Scanner, cut: usize, out: &mut Vec<u8>) -> Result<(), Error> {
        let result = scanner.redact_role_into(
            &self.held[..cut],
            self.region,
            self.role.as_deref(),
            &mut self.findings,
            &mut self.piece,
        );
        if let Err(e) = result {
            self.failed = true;
            self.findings.clear();
            self.held.clear();
            self.piece.clear();
            return Err(e);
        }
        for f in &mut self.findings {
            f.start += self.base;
            f.end += self.base;
        }
        out.extend_from_slice(&self.piece);
        self.piece.clear();
        self.held.drain(..cut);
        self.base += cut;
        self.next_look = (4 * REACH).max(self.held.len() + REACH);
        Ok(())
    }
}

/// Whether the character is one a built-in detector starts from (`＠` is
/// read as `@`, see `crate::marks`; a `/` may end a profile link's host, a
/// `:` or `：` an app's name).
fn is_trigger(c: Option<char>) -> bool {
    c.is_some_and(|c| matches!(c, '@' | '＠' | '/' | ':' | '：') || digit_value(c).is_some())
}

/// The last place in `text` before a letter with no trigger within
/// [`REACH`] bytes on either side, with at least `REACH` bytes after it
/// (more text may follow, and it may start with a digit). See the module
/// docs.
fn quiet_cut(text: &[u8]) -> Option<usize> {
    let mut best = None;
    // Start of the current trigger-free stretch (the text's start is a cut).
    let mut quiet_since = 0;
    // The words that name a spelled-out address are triggers too.
    let mut words = crate::spelled::address_words(text).into_iter().peekable();
    let mut i = 0;
    while i < text.len() {
        while let Some(word) = words.next_if(|word| word.at.0 <= i) {
            let before = word.at.0.saturating_sub(REACH);
            best = last_letter(text, quiet_since + REACH, before).or(best);
            quiet_since = quiet_since.max(word.end);
        }
        let (c, w) = char_at(text, i);
        if is_trigger(c) {
            best = last_letter(text, quiet_since + REACH, i.saturating_sub(REACH)).or(best);
            quiet_since = i + w;
        }
        i += w.max(1);
    }
    last_letter(text, quiet_since + REACH, text.len().saturating_sub(REACH)).or(best)
}

/// The start of the last alphabetic character starting in `from..=to`.
fn last_letter(text: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut found = None;
    let mut i = from;
    // Align to a character start.
    while i < text.len() && i <= to && (text[i] & 0xC0) == 0x80 {
        i += 1;
    }
    while i <= to && i < text.len() {
        let (c, w) = char_at(text, i);
        if c.is_some_and(is_alphabetic) {
            found = Some(i);
        }
        i += w.max(1);
    }
    found
}

/// Where to cut a text of [`MAX_HELD`] bytes that has no safe place: at
/// the start of the last character (at least [`REACH`] bytes from the end)
/// that is neither a digit nor a separator nor beside one, so no number is
/// split; failing that, [`MAX_HELD`] bytes in, on a character boundary.
fn forced_cut(text: &[u8]) -> usize {
    let numeric = |c: Option<char>| {
        c.is_none_or(|c| {
            c == '@' || digit_value(c).is_some() || crate::detect::phone::separator(c).is_some()
        })
    };
    let mut at = text.len().saturating_sub(REACH);
    while at > 0 && !(!numeric(char_at(text, at).0) && !numeric(char_before(text, at).0)) {
        at -= char_before(text, at).1.max(1);
    }
    if at > 0 {
        return at;
    }
    let mut at = MAX_HELD.min(text.len());
    while at > 0 && at < text.len() && (text[at] & 0xC0) == 0x80 {
        at -= 1;
    }
    at
}
