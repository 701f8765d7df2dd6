//! WhatsApp "Export chat" files.
//!
//! An export is plain text, one message per header line, continued on
//! lines without a header:
//!
//! - Android: `12/03/2024, 14:32 - Ravi Kumar: text`, the date order and
//!   separators of the phone's locale (`3/12/24`, `12.03.24`), 12-hour
//!   clocks written `2:32 pm` or `2:32\u{202f}PM`; system lines (the
//!   encryption notice, "joined", "left") have no `Name: ` part.
//! - iOS: `[12/03/24, 2:32:01 PM] Ravi Kumar: text`, with an invisible
//!   U+200E before attachment and some system lines, and attachments as
//!   `<attached: 00000012-PHOTO-2024-03-12-14-33-10.jpg>`; older iOS
//!   exports without the brackets (`12/03/24 14:32:01: Ravi Kumar: text`).
//! - Messages copied out of the app and saved as text: `[12/03, 2:32 PM]
//!   Ravi Kumar: text`, a date without its year.
//! - The locales of both: Arabic-Indic digits and the direction marks of
//!   right-to-left locales (`[١٢‏/٣‏/٢٠٢٤، ٢:٣٢ م]`), 12-hour marks before
//!   the time (`下午2:32`, `午後`, `오후`), the time first
//!   (`[14:32:01, 3/12/24]`), Buddhist and Japanese-era years, `à` and
//!   `klo` between date and time (`prefix_pattern`). A sender that is a
//!   number comes wrapped in U+202A … U+202C on Android; the marks stay
//!   around whatever replaces it.
//!
//! [`ExportRedactor`] redacts message bodies and writes every header,
//! timestamp and line break back where it was. A sender written as a phone
//! number (people not in the exporter's contacts) is masked like any
//! phone, and gives the messages it sends the region of its calling code,
//! so a Brazilian customer's national-format numbers are found in an
//! Indian distributor's chat. With `mask_senders`, every sender name is
//! replaced by a stable pseudonym (`Contact 1`, `Contact 2`, … in order of
//! first appearance), in the headers and in `@Name` mentions.
//!
//! Nothing is held but the current line and the table of senders, so an
//! export of any size streams through in constant memory. Lines are
//! independent once the sender state before them is known
//! ([`SenderState`]), which is what lets the CLI redact blocks of lines in
//! parallel.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use once_cell::sync::Lazy;
use regex::bytes::Regex;

use crate::detect::phone::metadata::TABLES;
use crate::error::Error;
use crate::finding::{Finding, Kind};
use crate::guard::split;
use crate::region::Region;
use crate::scanner::Scanner;

/// The parts of a header line, as byte ranges into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The date and time, as written (`12/03/2024, 14:32`).
    pub timestamp: Range<usize>,
    /// The sender's name or number, when the line is a message (system
    /// lines have none).
    pub sender: Option<Range<usize>>,
    /// Where the message body (or the system text) starts.
    pub body: usize,
}

/// The date-and-time prefix of a header line (a DFA search, no captures:
/// the parts are found from the match's ends). See [`prefix_pattern`].
static PREFIX: Lazy<Regex> =
    Lazy::new(|| Regex::new(&prefix_pattern()).expect("the header pattern compiles"));

/// The header prefixes of the exports of every locale seen in the wild:
///
/// - dates in the locale's order and separators, with a Buddhist-era year
///   (`3/18/2565 BE`) or a Japanese era's (`3/18/R4`), digits of Arabic
///   locales (`١٨‏/٣‏/٢٠٢٢`) and the direction marks they put between the
///   parts;
/// - between date and time `, `, a space, the Arabic comma, `à` (French),
///   `klo` (Finnish); times with or without seconds, 12-hour marks after
///   (`PM`, `p. m.`, `م`, `in the morning`) or before (`下午`, `午後`,
///   `오후`), time first in some locales (`[14:56:01, 3/18/22]`);
/// - Android's `date, time - `, iOS's `[date, time] `, the older iOS
///   exports' `date time: ` (always with seconds, which keeps a line that
///   merely starts with a time out), and messages copied out of the app
///   (`[9/9, 7:50 PM] Name: …`), whose date has no year.
fn prefix_pattern() -> String {
    let d = r"[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]";
    let m = r"[\x{200E}\x{200F}]?";
    let date =
        format!(r"{m}{d}{{1,4}}{m}[/.\-]{m}{d}{{1,2}}{m}[/.\-]{m}[HRS]?{d}{{1,4}}(?: BE)?{m}\.?");
    let day_month = format!(r"{m}{d}{{1,2}}{m}[/.\-]{m}{d}{{1,2}}{m}");
    let before = "(?:(?:上午|下午|午前|午後|오전|오후) ?)?";
    let after = r"(?:[ \x{202F}\x{00A0}]?(?:[aApP]\.?[ \x{00A0}]?[mM]\.?|[\x{645}\x{635}])| in the (?:morning|afternoon|evening)| at night)?";
    let time = format!(r"{before}{d}{{1,2}}[:.]{d}{{2}}(?:[:.]{d}{{2}})?{after}");
    let time_with_seconds = format!(r"{before}{d}{{1,2}}[:.]{d}{{2}}[:.]{d}{{2}}{after}");
    let sep = r"(?:,? |\x{60C} | à | klo )";
    let stamp = format!(r"{date}{sep}{time}|{time}, {date}");
    let copied = format!(r"{day_month},? {time}|{time}, {day_month}");
    format!(
        r"^{m}(?:\[(?:{stamp}|{copied}){m}\] |(?:{stamp}){m} [-–] |{date}{sep}{time_with_seconds}: )"
    )
}

/// The longest sender name read, in characters.
const MAX_SENDER_CHARS: usize = 80;
const MARK: &[u8] = "\u{200E}".as_bytes();
const RIGHT_TO_LEFT_MARK: &[u8] = "\u{200F}".as_bytes();

/// The length of the direction mark (U+200E or U+200F) `text` starts with,
/// if any.
fn direction_mark_len(text: &[u8]) -> usize {
    if text.starts_with(MARK) || text.starts_with(RIGHT_TO_LEFT_MARK) {
        MARK.len()
    } else {
        0
    }
}

/// Reads the header of an export line (without its line break), if it has
/// one; a line without one continues the message before it.
///
/// ```
/// use piimask::formats::whatsapp::parse_header;
/// let line = "12/03/2024, 14:32 - Ravi Kumar: call me";
/// let h = parse_header(line.as_bytes()).unwrap();
/// assert_eq!(&line[h.timestamp], "12/03/2024, 14:32");
/// assert_eq!(&line[h.sender.unwrap()], "Ravi Kumar");
/// assert_eq!(&line[h.body..], "call me");
/// let ios = "[12/03/24, 2:32:01 PM] +55 11 91234-5678: oi";
/// assert_eq!(&ios[parse_header(ios.as_bytes()).unwrap().sender.unwrap()], "+55 11 91234-5678");
/// assert!(parse_header(b"just a second line").is_none());
/// ```
pub fn parse_header(line: &[u8]) -> Option<Header> {
    // A file's byte order mark is not part of its first header.
    if let Some(rest) = line.strip_prefix(b"\xEF\xBB\xBF") {
        let h = parse_header(rest)?;
        let shift = |r: Range<usize>| r.start + 3..r.end + 3;
        return Some(Header {
            timestamp: shift(h.timestamp),
            sender: h.sender.map(shift),
            body: h.body + 3,
        });
    }
    // Cheap gate: headers start with a digit (an Arabic-Indic one's lead
    // byte is D9, a Persian one's DB), `[` or a direction mark.
    match line.first() {
        Some(b'0'..=b'9' | b'[' | 0xE2 | 0xD9 | 0xDB) => {}
        _ => return None,
    }
    let end = PREFIX.find(line)?.end();
    let mut start = direction_mark_len(line);
    let ts_end = if line[..end].ends_with(b"] ") {
        start += 1; // the `[`
        end - 2
    } else if line[..end].ends_with(b" - ") {
        end - 3
    } else if line[..end].ends_with(b": ") {
        end - 2
    } else {
        end - " – ".len()
    };
    // The sender: up to the first `: ` within 80 characters, without a
    // colon or another mark in it (a mark may open it).
    let name_start = end + direction_mark_len(&line[end..]);
    let mut sender = None;
    let mut body = end;
    let mut chars = 0;
    let mut i = name_start;
    while i < line.len() && chars <= MAX_SENDER_CHARS {
        match line[i] {
            b':' => {
                if i > name_start && line.get(i + 1) == Some(&b' ') {
                    sender = Some(end..i);
                    body = i + 2;
                }
                break;
            }
            b'\n' => break,
            0xE2 if line[i..].starts_with(MARK) => break,
            _ => {}
        }
        if line[i] & 0xC0 != 0x80 {
            chars += 1;
        }
        i += 1;
    }
    if chars > MAX_SENDER_CHARS {
        sender = None;
        body = end;
    }
    Some(Header {
        timestamp: start..ts_end,
        sender,
        body,
    })
}

/// One message of an export, as [`parse_export`] reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The timestamp as written.
    pub timestamp: Vec<u8>,
    /// The sender as written, if any.
    pub sender: Option<Vec<u8>>,
    /// The body: the header line's text and its continuation lines, joined
    /// by `\n`.
    pub body: Vec<u8>,
}

/// Reads a whole export into its messages (lines before the first header
/// are a message without timestamp). For tests and tools; redaction
/// streams line by line instead.
pub fn parse_export(text: &[u8]) -> Vec<Message> {
    let mut messages: Vec<Message> = Vec::new();
    for line in text.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match parse_header(line) {
            Some(h) => messages.push(Message {
                timestamp: line[h.timestamp].to_vec(),
                sender: h.sender.map(|s| line[s].to_vec()),
                body: line[h.body..].to_vec(),
            }),
            None => match messages.last_mut() {
                Some(m) => {
                    m.body.push(b'\n');
                    m.body.extend_from_slice(line);
                }
                None => messages.push(Message {
                    timestamp: Vec::new(),
                    sender: None,
                    body: line.to_vec(),
                }),
            },
        }
    }
    messages
}

/// The region of an international phone number's calling code (the main
/// region of a shared code: `+1` is `US`).
fn region_of(e164: &str) -> Option<Region> {
    let digits = e164.strip_prefix('+')?.as_bytes();
    let mut code = 0u32;
    for &d in digits.iter().take(3) {
        code = code * 10 + u32::from(d.checked_sub(b'0').filter(|d| *d < 10)?);
        if let Some(&main) = TABLES.regions_for_code(code).first() {
            return Region::new(TABLES.regions[usize::from(main)].id).ok();
        }
    }
    None
}

/// What the lines before a position said: the pseudonyms given so far and
/// the region hint of the message in progress. Cheap to clone (the names
/// are shared).
#[derive(Clone, Debug, Default)]
pub struct SenderState {
    names: Arc<Names>,
    region: Option<Option<Region>>,
    /// The sender of the message in progress, as written (empty: none).
    sender: Vec<u8>,
    /// The end of the last line that ended in a digit: the first part of a
    /// value that its sender's next message may finish (see
    /// `crate::guard::split`). Kept across one message in between
    /// ([`passes_over`]).
    end: Option<Arc<str>>,
    /// Whose message `end` ends (empty: none).
    end_sender: Vec<u8>,
    /// Whether a message was passed over since `end`.
    passed_over: bool,
}

/// Whether a message of `sender` with `body` (one line) may stand between
/// the two parts of a value split by `end_sender` and leave the first
/// part kept, as the guard keeps it across messages that neither start nor
/// end with a digit (`98765`, `wait`, `43210`): another sender's message
/// (`ok`), or the sender's own, that ends in no digit and starts with none.
/// One such message, no more: the part before it is masked knowing the
/// two lines after it.
fn passes_over(sender: &[u8], body: &[u8], end_sender: &[u8]) -> bool {
    !ends_with_digit(body) && (sender != end_sender || !starts_with_digit(body))
}

/// Whether the first character of `text` that is not white space is an
/// ASCII digit.
fn starts_with_digit(text: &[u8]) -> bool {
    text.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(u8::is_ascii_digit)
}

/// Whether the last character of `text` that is not white space is an
/// ASCII digit.
fn ends_with_digit(text: &[u8]) -> bool {
    text.iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(u8::is_ascii_digit)
}

#[derive(Clone, Debug, Default)]
struct Names {
    numbers: HashMap<Vec<u8>, usize>,
    /// In order of first appearance; pseudonym `i + 1`.
    order: Vec<Vec<u8>>,
}

/// What a line's body may be joined to (see [`ExportRedactor::joins`]).
struct Joins<'n> {
    /// The end of the message before, of the same sender.
    end: Option<Arc<str>>,
    /// The body of the next line, a message of the same sender.
    start: Option<&'n [u8]>,
}

/// Redacts an export line by line. See the module docs.
///
/// ```
/// use piimask::{formats::whatsapp::ExportRedactor, Scanner};
/// let scanner = Scanner::builder().region("IN").build()?;
/// let mut r = ExportRedactor::new(&scanner, scanner.region(), None, true)?;
/// let mut out = Vec::new();
/// for line in ["12/03/2024, 14:32 - Ravi Kumar: my number is 98765 43210",
///              "12/03/2024, 14:33 - Priya: thanks @Ravi Kumar"] {
///     r.line(line.as_bytes(), &mut out)?;
///     out.push(b'\n');
/// }
/// assert_eq!(String::from_utf8(out).unwrap(),
///     "12/03/2024, 14:32 - Contact 1: my number is ••••• ••210\n\
///      12/03/2024, 14:33 - Contact 2: thanks @Contact 1\n");
/// # Ok::<(), piimask::Error>(())
/// ```
#[derive(Debug)]
pub struct ExportRedactor<'s> {
    scanner: &'s Scanner,
    region: Option<Region>,
    role: Option<String>,
    mask_senders: bool,
    state: SenderState,
    findings: Vec<Finding>,
    masked: Vec<u8>,
    scratch: Vec<u8>,
    /// The regions of phone-number senders met so far.
    regions: HashMap<Vec<u8>, Option<Region>>,
}

impl<'s> ExportRedactor<'s> {
    /// A redactor with a default region hint, for `role` (`None`: the
    /// policy's default), replacing sender names with pseudonyms when
    /// `mask_senders` is set.
    pub fn new(
        scanner: &'s Scanner,
        region: Option<Region>,
        role: Option<&str>,
        mask_senders: bool,
    ) -> Result<ExportRedactor<'s>, Error> {
        if let Some(name) = role.or(scanner.policy().default_role()) {
            scanner.policy().role(name)?;
        }
        Ok(ExportRedactor {
            scanner,
            region,
            role: role.map(str::to_owned),
            mask_senders,
            state: SenderState::default(),
            findings: Vec::new(),
            masked: Vec::new(),
            scratch: Vec::new(),
            regions: HashMap::new(),
        })
    }

    /// The state after the lines seen so far.
    pub fn state(&self) -> &SenderState {
        &self.state
    }

    /// Continues from `state` (taken from another redactor that saw the
    /// lines before).
    pub fn set_state(&mut self, state: SenderState) {
        self.state = state;
    }

    /// Updates the state for `line` without redacting it: what a reader
    /// does for each line before handing blocks of lines to redactors on
    /// other threads.
    pub fn observe(&mut self, line: &[u8]) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        self.observe_header(line, parse_header(line));
    }

    /// [`observe`](Self::observe) for a line without `\r` and its header.
    fn observe_header(&mut self, line: &[u8], header: Option<Header>) -> Option<Header> {
        let body = header.as_ref().map_or(line, |h| &line[h.body..]);
        // Most lines end in no digit: they need no UTF-8 check.
        let own_end = ends_with_digit(body)
            .then(|| std::str::from_utf8(body).ok())
            .flatten()
            .and_then(|body| split::end_to_keep(body, &[]))
            .map(Arc::from);
        if let Some(h) = &header {
            let sender = h.sender.clone().map(|s| &line[s]);
            self.state.sender.clear();
            self.state
                .sender
                .extend_from_slice(sender.unwrap_or_default());
        }
        let state = &mut self.state;
        if own_end.is_some() {
            state.end = own_end;
            state.end_sender.clone_from(&state.sender);
            state.passed_over = false;
        } else if state.end.is_some()
            && !state.passed_over
            && header.as_ref().is_some_and(|h| h.sender.is_some())
            && passes_over(&state.sender, body, &state.end_sender)
        {
            state.passed_over = true;
        } else {
            state.end = None;
        }
        let h = header?;
        let sender = h.sender.clone().map(|s| &line[s]);
        self.state.region = Some(sender.and_then(|s| self.sender_region(s)));
        if self.mask_senders {
            if let Some(s) = sender {
                let name = &s[sender_name(s)];
                if !self.state.names.numbers.contains_key(name) {
                    let names = Arc::make_mut(&mut self.state.names);
                    names.order.push(name.to_vec());
                    let n = names.order.len();
                    names.numbers.insert(name.to_vec(), n);
                }
            }
        }
        Some(h)
    }

    /// Learns the sender of `line` (when it has one) without redacting or
    /// changing anything else: a first pass over an export with this lets
    /// pseudonyms also replace names that appear in system lines before
    /// the person's first message ("Ravi Kumar added Priya").
    pub fn learn_sender(&mut self, line: &[u8]) {
        let names = Arc::clone(&self.state.names);
        let before = std::mem::replace(
            &mut self.state,
            SenderState {
                names,
                ..SenderState::default()
            },
        );
        self.observe(line);
        let names = std::mem::take(&mut self.state.names);
        self.state = SenderState { names, ..before };
    }

    /// The region hint of a sender's messages: its calling code's region
    /// when the sender is an international phone number.
    fn sender_region(&mut self, sender: &[u8]) -> Option<Region> {
        let text = &sender[sender_name(sender)];
        if !text.starts_with(b"+") {
            return None;
        }
        if let Some(&region) = self.regions.get(text) {
            return region;
        }
        self.scanner
            .scan_into(text, self.region, &mut self.findings);
        let region = self
            .findings
            .iter()
            .find(|f| f.kind == Kind::Phone)
            .and_then(|f| region_of(&f.normalized));
        if self.regions.len() > 10_000 {
            self.regions.clear(); // bounded memory on exports with many numbers
        }
        self.regions.insert(text.to_vec(), region);
        region
    }

    /// Redacts one line (without its line break; a trailing `\r` is kept)
    /// onto `out`, returning the number of findings. On error nothing of
    /// the line is written.
    ///
    /// A value split across two messages of one sender, one after the
    /// other (`… my number is 98765`, then `43210`), is read whole, as the
    /// leak guard reads it (`crate::guard::split`): this line's part of it
    /// is masked when it starts the next message; for the part at this
    /// line's end, see [`line_before`](Self::line_before).
    pub fn line(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, Error> {
        self.line_before(line, &[], out)
    }

    /// [`line`](Self::line), knowing the line after it (`None` at the end
    /// of the export): a value split across this message and the
    /// sender's next one is masked in both, this line's part in full
    /// (`his number is •••••`, then `•••10`).
    pub fn line_before(
        &mut self,
        line: &[u8],
        following: &[&[u8]],
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        let bare = line.strip_suffix(b"\r").unwrap_or(line);
        let header = parse_header(bare);
        // The end of the message before (or the one before that), when
        // this line starts the next message of its sender.
        let same_sender = header
            .as_ref()
            .and_then(|h| h.sender.clone())
            .is_some_and(|s| {
                !self.state.end_sender.is_empty() && bare[s] == self.state.end_sender[..]
            });
        let end_before = self.state.end.clone().filter(|_| same_sender);
        let header = self.observe_header(bare, header);
        let mut next = [None; 2];
        for (slot, line) in next.iter_mut().zip(following) {
            *slot = Some(line.strip_suffix(b"\r").unwrap_or(line));
        }
        self.redact_with(line, header, end_before, next, out)
    }

    /// Redacts a line whose [`observe`](Self::observe) already ran (in this
    /// redactor, or in the one whose state was given to this one). A value
    /// split across two messages is not read.
    pub fn redact_observed(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, Error> {
        let header = parse_header(line.strip_suffix(b"\r").unwrap_or(line));
        self.redact_with(line, header, None, [None; 2], out)
    }

    fn redact_with(
        &mut self,
        line: &[u8],
        header: Option<Header>,
        end_before: Option<Arc<str>>,
        next: [Option<&[u8]>; 2],
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        let (line, cr) = match line.strip_suffix(b"\r") {
            Some(l) => (l, true),
            None => (line, false),
        };
        let start = out.len();
        let had_sender = header.as_ref().map(|h| h.sender.clone());
        let joins = self.joins(line, header.as_ref(), end_before, next);
        let result = self.redact_parts(line, header, joins, out);
        match result {
            Ok(n) => {
                if let Some(sender) = had_sender {
                    keep_sender_or_none(line, sender, start, out);
                }
                if cr {
                    out.push(b'\r');
                }
                Ok(n)
            }
            Err(e) => {
                out.truncate(start);
                Err(e)
            }
        }
    }

    /// What this line's body may be joined to: the end of the message
    /// before, when this line starts a message of the same sender; the
    /// start of the next line's body, when that line starts a message of
    /// the sender of this one, or of the line after it, when the next is a
    /// message that [passes over](passes_over) the join.
    fn joins<'n>(
        &self,
        line: &[u8],
        header: Option<&Header>,
        end_before: Option<Arc<str>>,
        [next, after_next]: [Option<&'n [u8]>; 2],
    ) -> Joins<'n> {
        let this_sender = match header {
            Some(h) => h.sender.clone().map(|s| &line[s]),
            None => Some(&self.state.sender[..]).filter(|s| !s.is_empty()),
        };
        // Only a line that ends in a digit looks at the next one, and
        // parses its header only when its sender and a digit seem to open
        // it (a header's pattern costs more than the search).
        let ends_in_digit = self.state.end.is_some() && !self.state.passed_over;
        let may_continue = |next: &[u8]| {
            this_sender.is_some_and(|sender| {
                memchr::memmem::find_iter(next, sender).any(|at| {
                    let rest = &next[at + sender.len()..];
                    rest.strip_prefix(b":").is_some_and(|rest| {
                        rest.iter()
                            .find(|b| !b.is_ascii_whitespace())
                            .is_some_and(u8::is_ascii_digit)
                    })
                })
            })
        };
        let continued = |next: &'n [u8]| {
            let h = parse_header(next)?;
            let next_sender = &next[h.sender?];
            (Some(next_sender) == this_sender).then(|| &next[h.body..])
        };
        let start = next
            .filter(|&next| ends_in_digit && may_continue(next))
            .and_then(continued)
            .or_else(|| {
                // One message between: a line of its own (the one after
                // it opens a message), which passes over the join.
                let after_next = after_next.filter(|&a| ends_in_digit && may_continue(a))?;
                let next = next?;
                let h = parse_header(next)?;
                let passes = passes_over(&next[h.sender?], &next[h.body..], this_sender?);
                passes.then(|| continued(after_next)).flatten()
            });
        Joins {
            end: end_before,
            start,
        }
    }

    fn redact_parts(
        &mut self,
        line: &[u8],
        header: Option<Header>,
        joins: Joins<'_>,
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        let region = self.state.region.unwrap_or(None).or(self.region);
        let mut found = 0;
        let system = matches!(header, Some(Header { sender: None, .. }));
        let body = match header {
            Some(h) => {
                out.extend_from_slice(&line[..h.body]);
                if let Some(s) = h.sender {
                    out.truncate(out.len() - (h.body - s.start));
                    let sender = &line[s.clone()];
                    let name_at = sender_name(sender);
                    let name = &sender[name_at.clone()];
                    match self
                        .state
                        .names
                        .numbers
                        .get(name)
                        .filter(|_| self.mask_senders)
                    {
                        Some(n) => {
                            out.extend_from_slice(&sender[..name_at.start]);
                            out.extend_from_slice(format!("Contact {n}").as_bytes());
                            out.extend_from_slice(&sender[name_at.end..]);
                        }
                        None => found += self.redact_text(sender, self.region, out)?,
                    }
                    out.extend_from_slice(&line[s.end..h.body]);
                }
                &line[h.body..]
            }
            None => line,
        };
        if self.mask_senders && (system || memchr::memchr(b'@', body).is_some()) {
            // Mentions, and names in system lines ("Ravi Kumar left").
            let mut masked = Vec::new();
            found += self.redact_body(body, region, &joins, &mut masked)?;
            self.replace_names(&masked, !system, out);
        } else {
            found += self.redact_body(body, region, &joins, out)?;
        }
        Ok(found)
    }

    /// [`redact_text`](Self::redact_text) of a message's body, with the
    /// parts of values split across it and the message before or after
    /// (see [`joins`](Self::joins)) masked too: the body is scanned once,
    /// and masked again only when it holds such a part.
    fn redact_body(
        &mut self,
        body: &[u8],
        region: Option<Region>,
        joins: &Joins<'_>,
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        self.scanner.redact_role_into(
            body,
            region,
            self.role.as_deref(),
            &mut self.findings,
            &mut self.masked,
        )?;
        let alone = std::mem::take(&mut self.findings);
        let parts = self.split_parts(body, region, joins, &alone);
        self.findings = alone;
        let parts = parts?;
        if !parts.is_empty() {
            for part in parts {
                if !self
                    .findings
                    .iter()
                    .any(|f| f.start < part.end && part.start < f.end)
                {
                    self.findings.push(part);
                }
            }
            self.findings.sort_by_key(|f| f.start);
            let role = self
                .role
                .as_deref()
                .or(self.scanner.policy().default_role());
            self.scanner
                .mask_findings_into(body, &self.findings, role, &mut self.masked)?;
        }
        out.extend_from_slice(&self.masked);
        Ok(self.findings.len())
    }

    /// The parts of values split across `body` (whose own findings are
    /// `alone`) and the message before or after it; none nearly always
    /// (neither join applies).
    fn split_parts(
        &mut self,
        body: &[u8],
        region: Option<Region>,
        joins: &Joins<'_>,
        alone: &[Finding],
    ) -> Result<Vec<Finding>, Error> {
        let mut parts = Vec::new();
        let after_end = joins.end.is_some() && starts_with_digit(body);
        let before_start = joins.start.is_some_and(starts_with_digit) && ends_with_digit(body);
        if !after_end && !before_start {
            return Ok(parts);
        }
        let Ok(text) = std::str::from_utf8(body) else {
            return Ok(parts);
        };
        if let (true, Some(end)) = (after_end, joins.end.as_deref()) {
            if let Some((from, start)) = split::start_to_join(text, alone) {
                let joined = self.findings_of(format!("{end} {start}").as_bytes(), region)?;
                let end_alone = self.findings_of(end.as_bytes(), region)?;
                parts.extend(split::across_the_join(end, from, joined, &end_alone));
            }
        }
        let next = joins.start.and_then(|next| std::str::from_utf8(next).ok());
        if let (true, Some(next)) = (before_start, next) {
            let next_alone = self.findings_of(next.as_bytes(), region)?;
            let end = split::end_to_keep(text, alone);
            let start = split::start_to_join(next, &next_alone);
            if let (Some(end), Some((from, start))) = (end, start) {
                let joined = self.findings_of(format!("{end} {start}").as_bytes(), region)?;
                let start_alone: Vec<Finding> = next_alone
                    .into_iter()
                    .filter(|f| f.start >= from)
                    .map(|f| Finding {
                        start: f.start - from,
                        end: f.end - from,
                        ..f
                    })
                    .collect();
                parts.extend(split::before_the_join(text, end, joined, &start_alone));
            }
        }
        Ok(parts)
    }

    /// The findings of `text` as this redactor's role reads it.
    fn findings_of(&mut self, text: &[u8], region: Option<Region>) -> Result<Vec<Finding>, Error> {
        let mut findings = Vec::new();
        self.scanner.redact_role_into(
            text,
            region,
            self.role.as_deref(),
            &mut findings,
            &mut self.scratch,
        )?;
        Ok(findings)
    }

    fn redact_text(
        &mut self,
        text: &[u8],
        region: Option<Region>,
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        self.scanner.redact_role_into(
            text,
            region,
            self.role.as_deref(),
            &mut self.findings,
            &mut self.masked,
        )?;
        out.extend_from_slice(&self.masked);
        Ok(self.findings.len())
    }

    /// Writes `body` with each known sender name replaced by its
    /// pseudonym: after an `@` only (`mentions`), or anywhere at word
    /// boundaries (system lines). The longest name wins: `Ravi Kumar`
    /// before `Ravi`.
    fn replace_names(&mut self, body: &[u8], mentions: bool, out: &mut Vec<u8>) {
        use crate::text::{char_at, char_before};
        self.scratch.clear();
        let names = &self.state.names;
        let mut last = 0;
        let mut at = 0;
        while at < body.len() {
            let (c, w) = char_at(body, at);
            let w = w.max(1);
            let start = if mentions {
                if c != Some('@') {
                    at += w;
                    continue;
                }
                at + 1
            } else {
                if char_before(body, at).0.is_some_and(char::is_alphanumeric) {
                    at += w;
                    continue;
                }
                at
            };
            let rest = &body[start..];
            let best = names
                .order
                .iter()
                .enumerate()
                .filter(|(_, n)| !n.is_empty() && rest.starts_with(n))
                .filter(|(_, n)| {
                    char_at(rest, n.len())
                        .0
                        .is_none_or(|c| !c.is_alphanumeric())
                })
                .max_by_key(|(_, n)| n.len());
            match best {
                Some((i, n)) => {
                    self.scratch.extend_from_slice(&body[last..start]);
                    self.scratch
                        .extend_from_slice(format!("Contact {}", i + 1).as_bytes());
                    last = start + n.len();
                    at = last;
                }
                None => at += w,
            }
        }
        self.scratch.extend_from_slice(&body[last..]);
        out.extend_from_slice(&self.scratch);
    }
}

/// Keeps a redacted header line (`out[start..]`, from `line`) a message
/// line when it was one, and a system line when it was one. Masks and
/// pseudonyms change lengths (`priya@…` becomes `p•••@…`, `Ravi Kumar`
/// `Contact 3`), and a header's sender is read only up to its 80th
/// character: a system line with a `: ` further in could come to read as a
/// message, and a long sender grown by its mask could stop reading as one.
/// The first gets spaces before that colon until it is as far in again;
/// the second gets its sender fully masked at its own length.
fn keep_sender_or_none(line: &[u8], sender: Option<Range<usize>>, start: usize, out: &mut Vec<u8>) {
    let now = |out: &[u8]| parse_header(&out[start..]).and_then(|h| h.sender);
    match sender {
        None => {
            while let Some(s) = now(out) {
                out.insert(start + s.end, b' ');
            }
        }
        Some(s) if now(out).is_none() => {
            // The redacted sender ends at the first colon after it (masks
            // and pseudonyms write none).
            let at = start + s.start;
            let Some(colon) = memchr::memchr(b':', &out[at..]) else {
                return;
            };
            let name = &line[s];
            let at_name = sender_name(name);
            let chars = String::from_utf8_lossy(&name[at_name.clone()])
                .chars()
                .count();
            let masked = [
                &name[..at_name.start],
                &"•".repeat(chars).into_bytes(),
                &name[at_name.end..],
            ]
            .concat();
            out.splice(at..at + colon, masked);
        }
        Some(_) => {}
    }
}

/// Where the name is in a sender, without the direction marks around it:
/// the U+200E iOS may put before it, and the embedding (U+202A … U+202C)
/// or isolate Android wraps a number in (`\u{202A}+62 821-3990-0958\u{202C}`).
/// The name keys the pseudonyms and gives a number's region; the marks stay
/// in the output around what replaces it.
fn sender_name(sender: &[u8]) -> Range<usize> {
    fn mark_len(c: Option<char>, width: usize) -> Option<usize> {
        matches!(
            c?,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
        .then_some(width)
    }
    let mut start = 0;
    while let Some(w) = {
        let (c, w) = crate::text::char_at(sender, start);
        mark_len(c, w)
    } {
        start += w;
    }
    let mut end = sender.len();
    while end > start {
        let (c, w) = crate::text::char_before(sender, end);
        match mark_len(c, w) {
            Some(w) => end -= w,
            None => break,
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(line: &str) -> Option<(String, Option<String>, String)> {
        parse_header(line.as_bytes()).map(|h| {
            (
                line[h.timestamp].to_string(),
                h.sender.map(|s| line[s].to_string()),
                line[h.body..].to_string(),
            )
        })
    }

    #[test]
    fn variants() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            header("3/12/24, 2:32 pm - Ravi: hi"),
            Some(("3/12/24, 2:32 pm".into(), s("Ravi"), "hi".into()))
        );
        assert_eq!(
            header("12.03.24, 14:32 - Ravi: hi"),
            Some(("12.03.24, 14:32".into(), s("Ravi"), "hi".into()))
        );
        assert_eq!(
            header("3/12/24, 2:32\u{202f}PM - Ravi: hi").unwrap().0,
            "3/12/24, 2:32\u{202f}PM"
        );
        assert_eq!(
            header("12/03/2024, 14:30 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more."),
            Some(("12/03/2024, 14:30".into(), None, "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.".into()))
        );
        assert_eq!(
            header("\u{200e}[12/03/24, 2:33:10 PM] Ravi Kumar: \u{200e}<attached: 00000012-PHOTO-2024-03-12-14-33-10.jpg>"),
            Some(("12/03/24, 2:33:10 PM".into(), s("Ravi Kumar"), "\u{200e}<attached: 00000012-PHOTO-2024-03-12-14-33-10.jpg>".into()))
        );
        assert_eq!(header("12 March: not a header"), None);
        assert_eq!(
            header("\u{feff}12/03/2024, 14:32 - Ravi: hi"),
            Some(("12/03/2024, 14:32".into(), s("Ravi"), "hi".into()))
        );
        assert_eq!(header("98765 43210 is my number"), None);
    }

    #[test]
    fn locales_and_older_exports() {
        let s = |x: &str| Some(x.to_string());
        for (line, timestamp, sender) in [
            // Older iOS exports: no brackets, seconds always, then `: `.
            ("21/05/16 09:14:07: Asha: hi", "21/05/16 09:14:07", s("Asha")),
            ("5/21/16, 9:14:07 PM: Asha: hi", "5/21/16, 9:14:07 PM", s("Asha")),
            // Messages copied out of the app: no year.
            ("[5/21, 9:14 PM] Asha: hi", "5/21, 9:14 PM", s("Asha")),
            ("[21/05 21:14] Asha: hi", "21/05 21:14", s("Asha")),
            ("[9:14 PM, 5/21/2016] Asha: hi", "9:14 PM, 5/21/2016", s("Asha")),
            // Time first, other calendars.
            ("[21:14:07, 5/21/16] Asha: hi", "21:14:07, 5/21/16", s("Asha")),
            ("[5/21/2559 BE, 21:14:07] Asha: hi", "5/21/2559 BE, 21:14:07", s("Asha")),
            ("[5/21/R2, 21:14:07] Asha: hi", "5/21/R2, 21:14:07", s("Asha")),
            // Arabic locales: direction marks, Arabic-Indic digits, the
            // Arabic comma, `م` for the afternoon.
            (
                "\u{200f}[\u{200f}21\u{200f}/5\u{200f}/2016\u{60c} 21:14:07] Asha: hi",
                "\u{200f}21\u{200f}/5\u{200f}/2016\u{60c} 21:14:07",
                s("Asha"),
            ),
            (
                "[\u{662}\u{661}\u{200f}/\u{665}\u{200f}/\u{662}\u{660}\u{661}\u{666}\u{60c} \u{669}:\u{661}\u{664} \u{645}] Asha: hi",
                "\u{662}\u{661}\u{200f}/\u{665}\u{200f}/\u{662}\u{660}\u{661}\u{666}\u{60c} \u{669}:\u{661}\u{664} \u{645}",
                s("Asha"),
            ),
            // 12-hour marks before the time, words between date and time.
            ("[2016/5/21 下午9:14:07] Asha: hi", "2016/5/21 下午9:14:07", s("Asha")),
            ("[2016/05/21 午後9:14:07] Asha: hi", "2016/05/21 午後9:14:07", s("Asha")),
            ("21/05/2016 à 21:14 - Asha: hi", "21/05/2016 à 21:14", s("Asha")),
            ("[21.5.2016 klo 21.14.07] Asha: hi", "21.5.2016 klo 21.14.07", s("Asha")),
            ("21/05/2016, 9:14 in the evening - Asha: hi", "21/05/2016, 9:14 in the evening", s("Asha")),
            // A system line of an older iOS export.
            ("5/21/16, 9:14:07 PM: \u{200e}Asha joined", "5/21/16, 9:14:07 PM", None),
        ] {
            let (t, who, _) = header(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!((t.as_str(), who), (timestamp, sender), "{line:?}");
        }
        // A line that only starts with a time or a date is no header: the
        // older iOS form needs the seconds, a copied one its brackets.
        for line in [
            "21/05/16 09:14: meet at the gate",
            "5/21, 9:14 PM - see you",
            "21:14 - Asha: hi",
            "21/05 21:14 Asha: hi",
        ] {
            assert_eq!(header(line), None, "{line:?}");
        }
    }

    #[test]
    fn a_number_sender_wrapped_in_marks_keeps_them_and_its_region() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        // Android wraps a sender that is a number in U+202A … U+202C; the
        // number is still Brazilian, so its national numbers are found.
        let line = "21/05/2016, 21:14 - \u{202a}+55 11 91234-5678\u{202c}: me liga (11) 98765-4321";
        let mut r = ExportRedactor::new(&scanner, scanner.region(), None, true).unwrap();
        let mut out = Vec::new();
        r.line(line.as_bytes(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "21/05/2016, 21:14 - \u{202a}Contact 1\u{202c}: me liga (••) •••••-•321"
        );
        let mut r = ExportRedactor::new(&scanner, scanner.region(), None, false).unwrap();
        let mut out = Vec::new();
        r.line(line.as_bytes(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("21/05/2016, 21:14 - \u{202a}+55 ")
                && out.contains("\u{202c}: me liga (••)"),
            "{out}"
        );
    }

    #[test]
    fn system_lines_stay_system_lines() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        // The ": " is past the 80th character, so this is a system line;
        // the shorter pseudonym and e-mail mask must not make it a message.
        let line = "[3/12/24, 2:34:00 PM] +1 (202) 555-01232 Hi, this is Dana from priya@example.in office, reach Ravi Kumar: hi";
        assert_eq!(header(line).unwrap().1, None);
        let mut r = ExportRedactor::new(&scanner, scanner.region(), None, true).unwrap();
        r.learn_sender(b"[3/12/24, 2:33:00 PM] Ravi Kumar: hello");
        let mut out = Vec::new();
        r.line(line.as_bytes(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("p•••@example.in") && out.contains("Contact 1"),
            "{out}"
        );
        assert!(!out.contains("Ravi"), "{out}");
        assert_eq!(header(&out).unwrap().1, None, "{out}");

        // A sender just under 80 characters whose e-mail mask grows it
        // past them stays a sender, fully masked.
        let sender = format!("{} ab@x.in", "n".repeat(72));
        let line = format!("12/03/2024, 14:32 - {sender}: hi");
        assert_eq!(header(&line).unwrap().1.as_deref(), Some(&sender[..]));
        let mut r = ExportRedactor::new(&scanner, scanner.region(), None, false).unwrap();
        let mut out = Vec::new();
        r.line(line.as_bytes(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let got = header(&out).unwrap();
        assert_eq!(got.1, Some("•".repeat(sender.chars().count())), "{out}");
        assert_eq!(got.2, "hi");
    }

    /// `lines` redacted one by one, each knowing `look_ahead` lines after it.
    fn redact_lines(scanner: &Scanner, lines: &[&str], look_ahead: usize) -> String {
        let mut r = ExportRedactor::new(scanner, scanner.region(), None, false).unwrap();
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let following: Vec<&[u8]> = lines[i + 1..]
                .iter()
                .take(look_ahead)
                .map(|l| l.as_bytes())
                .collect();
            r.line_before(line.as_bytes(), &following, &mut out)
                .unwrap();
            out.push(b'\n');
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_value_split_across_two_messages_of_one_sender_is_masked_in_both() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let lines = [
            "12/03/2024, 14:32 - Ravi Kumar: his number is +91 98765",
            "12/03/2024, 14:32 - Ravi Kumar: 43210 call him",
            "12/03/2024, 14:33 - Priya: 43210",
        ];
        let redact =
            |lookahead: bool| redact_lines(&scanner, &lines, if lookahead { 2 } else { 0 });
        assert_eq!(
            redact(true),
            "12/03/2024, 14:32 - Ravi Kumar: his number is +91 •••••\n\
             12/03/2024, 14:32 - Ravi Kumar: •••10 call him\n\
             12/03/2024, 14:33 - Priya: 43210\n"
        );
        // Line by line without the next line, the second half alone.
        assert!(redact(false).contains("his number is +91 98765\n"));
        assert!(redact(false).contains("Ravi Kumar: •••10 call him"));
        // A continuation line ends the message the next one continues.
        let mut r = ExportRedactor::new(&scanner, scanner.region(), None, false).unwrap();
        let mut out = Vec::new();
        r.line(b"12/03/2024, 14:32 - Ravi Kumar: hi", &mut out)
            .unwrap();
        r.line_before(
            b"my no 98765",
            &[b"12/03/2024, 14:32 - Ravi Kumar: 43210"],
            &mut out,
        )
        .unwrap();
        assert!(String::from_utf8_lossy(&out).ends_with("my no •••••"));
    }

    /// One message between the parts, the sender's own that starts and ends
    /// with no digit or another sender's, leaves the join; two do not, nor
    /// one that starts or ends with a digit.
    #[test]
    fn a_value_split_around_one_message_is_masked_in_both() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let redact = |lines: &[&str]| redact_lines(&scanner, lines, 2);
        let ravi = |body: &str| format!("12/03/2024, 14:32 - Ravi Kumar: {body}");
        let priya = |body: &str| format!("12/03/2024, 14:32 - Priya: {body}");
        for between in [ravi("wait"), priya("ok"), priya("5 mins?")] {
            let lines = [ravi("his number is 98765"), between.clone(), ravi("43210")];
            let out = redact(&lines.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(out.contains("his number is •••••\n"), "{between}: {out}");
            assert!(out.contains("Ravi Kumar: •••10\n"), "{between}: {out}");
            assert!(out.contains(&between), "{between}: {out}");
        }
        for between in [
            vec![ravi("wait"), priya("ok")],
            vec![ravi("5 min")],
            vec![ravi("wait 5")],
            vec![priya("room 12")],
        ] {
            let mut lines = vec![ravi("his number is 98765")];
            lines.extend(between.iter().cloned());
            lines.push(ravi("43210"));
            let out = redact(&lines.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(out.contains("his number is 98765\n"), "{between:?}: {out}");
        }
    }

    #[test]
    fn calling_code_regions() {
        assert_eq!(region_of("+5511912345678").unwrap().code(), "BR");
        assert_eq!(region_of("+12025550123").unwrap().code(), "US");
        assert_eq!(region_of("+919876543210").unwrap().code(), "IN");
    }
}
