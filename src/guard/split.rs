//! Values split across two messages: `98765`, then `43210`.
//!
//! Why: once a number in one message is caught, the next dodge is to send
//! it in two. Neither half is a value of its own (five digits are a price,
//! a pin code, an order), so a check that reads each message alone
//! delivers both, and the rival has the number. A sender's messages come
//! one after another in one conversation, so the guard keeps the end of a
//! sender's last message when it ends in a digit, and reads the start of
//! the sender's next one, if it starts with a digit, joined to it. A value
//! found only so, across the join, is a finding of the second message: its
//! span is the part written there, its normalized value the whole one, so
//! ownership, leak classes and actions treat it as the whole value (held
//! as a leak, the second half never reaches the rival).
//!
//! What is kept: at most [`MAX_PART`] bytes of the end of a message, in
//! this process's memory (not the ownership store: it is text, not a
//! fingerprint), for [`GuardConfig::split_window_secs`] at most, zeroed
//! when dropped, for at most [`MAX_SENDERS`] senders at once (beyond that,
//! lapsed ends are dropped, and if none has lapsed, all are). Only a
//! message that starts or ends with a digit takes the lock: the end kept
//! is that of the sender's last message that ended in one, and messages
//! between that neither start nor end with a digit (`wait`, `ok?`) leave
//! it there, as an agent who chats between the halves would.
//! A deployment that spreads one conversation over several guard
//! processes catches a split only when both halves reach the same one.
//!
//! [`GuardConfig::split_window_secs`]: super::GuardConfig::split_window_secs

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;

use zeroize::Zeroizing;

use crate::finding::Finding;

/// The most bytes of either part that are read together: a phone number
/// written with its calling code and separators, or a card in groups, with
/// the words that name it (`my number is +91 98765`).
pub(crate) const MAX_PART: usize = 48;

/// The most senders whose last message's end is kept at once.
pub(crate) const MAX_SENDERS: usize = 65_536;

/// Who sent a message: an agent (by id), or the customer (inbound).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Side<'a> {
    Agent(&'a str),
    Customer,
}

/// The end of each sender's last message, by a hash of the conversation
/// and the sender (so that a check looks one up without allocating; with
/// at most [`MAX_SENDERS`] kept, two of 64 bits collide about once in
/// 10^10 checks, and then only a value that crosses the join is read).
#[derive(Default)]
pub(crate) struct Tails {
    ends: Mutex<HashMap<u64, Tail>>,
    hasher: RandomState,
}

struct Tail {
    conversation: String,
    text: Zeroizing<String>,
    time: u64,
}

impl Tails {
    fn key(&self, conversation: &str, side: Side<'_>) -> u64 {
        self.hasher.hash_one((conversation, side))
    }

    /// Under one lock: when `take`, the end kept of the last message
    /// `side` sent in `conversation` that ended in a digit, if it was sent
    /// at most `window` seconds before `time` (it is forgotten); then keeps
    /// `keep`, the end of this message, if any.
    pub(crate) fn exchange(
        &self,
        conversation: &str,
        side: Side<'_>,
        (time, window): (u64, u64),
        take: bool,
        keep: Option<&str>,
    ) -> Option<Zeroizing<String>> {
        let key = self.key(conversation, side);
        let mut ends = self.ends.lock().unwrap_or_else(|e| e.into_inner());
        let taken = if take { ends.remove(&key) } else { None };
        if let Some(end) = keep {
            if ends.len() >= MAX_SENDERS {
                ends.retain(|_, tail| time >= tail.time && time - tail.time <= window);
                // Full of fresh ends (a flood of senders): start again
                // rather than pay this walk on every message.
                if ends.len() >= MAX_SENDERS {
                    ends.clear();
                }
            }
            let tail = Tail {
                conversation: conversation.to_string(),
                text: Zeroizing::new(end.to_string()),
                time,
            };
            ends.insert(key, tail);
        }
        drop(ends);
        let tail = taken?;
        (tail.conversation == conversation && time >= tail.time && time - tail.time <= window)
            .then_some(tail.text)
    }

    /// Forgets what was kept of `conversation`.
    pub(crate) fn forget(&self, conversation: &str) {
        let mut ends = self.ends.lock().unwrap_or_else(|e| e.into_inner());
        ends.retain(|_, tail| tail.conversation != conversation);
    }
}

/// The end of `text` worth keeping, if it ends in a digit that no finding
/// of its own covers: its last [`MAX_PART`] bytes at most, from the start
/// of a word.
pub(crate) fn end_to_keep<'t>(text: &'t str, findings: &[Finding]) -> Option<&'t str> {
    let trimmed = text.trim_end();
    let last = trimmed.chars().next_back()?;
    if !last.is_ascii_digit() || findings.iter().any(|f| f.end >= trimmed.len()) {
        return None;
    }
    let mut start = trimmed.len().saturating_sub(MAX_PART);
    while !trimmed.is_char_boundary(start) {
        start += 1;
    }
    // From a word's start, so that a word cut in two names nothing.
    if start > 0 && !trimmed[..start].ends_with(char::is_whitespace) {
        // After the white space, whatever its width (`\u{2008}` takes
        // three bytes; found by the export property test).
        if let Some((space, c)) = trimmed[start..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
        {
            start += space + c.len_utf8();
        }
    }
    Some(&trimmed[start..])
}

/// The start of `text` to read after the end of the message before: where
/// it starts (after white space) and its first [`MAX_PART`] bytes at most,
/// up to a word's end, if it starts with a digit that no finding of its
/// own covers.
pub(crate) fn start_to_join<'t>(text: &'t str, findings: &[Finding]) -> Option<(usize, &'t str)> {
    let from = text.len() - text.trim_start().len();
    if !text[from..].starts_with(|c: char| c.is_ascii_digit())
        || findings.iter().any(|f| f.start <= from)
    {
        return None;
    }
    let mut end = (from + MAX_PART).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() && !text[end..].starts_with(char::is_whitespace) {
        if let Some(space) = text[from..end].rfind(char::is_whitespace) {
            end = from + space;
        }
    }
    Some((from, &text[from..end]))
}

/// The values read across the join of `end` (the end of the message
/// before) and `start` (the start of this one, at `from` in it): each
/// finding of `joined` (the findings of `end`, a space and `start`, read
/// together) that crosses the join and overlaps no finding of `end` read
/// alone (`end_alone`), mapped onto this message.
pub(crate) fn across_the_join(
    end: &str,
    from: usize,
    joined: Vec<Finding>,
    end_alone: &[Finding],
) -> Vec<Finding> {
    let join = end.len();
    joined
        .into_iter()
        .filter(|f| f.start < join && f.end > join + 1)
        .filter(|f| !end_alone.iter().any(|e| e.start < f.end && f.start < e.end))
        .map(|f| Finding {
            start: from,
            end: from + (f.end - join - 1),
            ..f
        })
        .collect()
}

/// The first parts of the values read across the join of `end` (the end
/// of this message, the last `end.len()` bytes of `text` before its
/// trailing white space) and `start` (the start of the next message): each
/// finding of `joined` (`end`, a space and `start`, read together) that
/// crosses the join and overlaps no finding of `start` read alone
/// (`start_alone`, in `start`'s offsets), cut at the join and mapped onto
/// `text`. Where the message before stays readable (an archive redacted
/// whole), its half is masked as well as the second.
pub(crate) fn before_the_join(
    text: &str,
    end: &str,
    joined: Vec<Finding>,
    start_alone: &[Finding],
) -> Vec<Finding> {
    let join = end.len();
    let offset = text.trim_end().len() - end.len();
    joined
        .into_iter()
        .filter(|f| f.start < join && f.end > join + 1)
        .filter(|f| {
            !start_alone
                .iter()
                .any(|s| s.start + join + 1 < f.end && f.start < s.end + join + 1)
        })
        .map(|f| Finding {
            start: offset + f.start,
            end: offset + join,
            ..f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Kind;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            kind: Kind::Phone,
            start,
            end,
            confidence: 0.9,
            normalized: String::new(),
        }
    }

    #[test]
    fn the_end_kept() {
        assert_eq!(
            end_to_keep("my number is 98765 ", &[]),
            Some("my number is 98765")
        );
        assert_eq!(end_to_keep("98765", &[]), Some("98765"));
        // Not ending in a digit, or ending in a value of its own.
        assert_eq!(end_to_keep("98765 ok", &[]), None);
        assert_eq!(end_to_keep("call 98765 43210", &[finding(5, 16)]), None);
        assert_eq!(end_to_keep("", &[]), None);
        // At most MAX_PART bytes, from a word's start and a char boundary.
        let long = format!("{} 98765", "वार्ता ".repeat(20));
        let end = end_to_keep(&long, &[]).unwrap();
        assert!(end.len() <= MAX_PART && end.ends_with("98765"), "{end}");
        assert!(end.starts_with("वार्ता"), "{end}");
        let glued = format!("x{}", "9".repeat(100));
        assert_eq!(end_to_keep(&glued, &[]).unwrap().len(), MAX_PART);
        // White space of any width between the words.
        for space in ['\u{2008}', '\u{3000}', '\u{A0}', ' '] {
            let text = format!("{}{space}98765", "x".repeat(MAX_PART));
            assert_eq!(end_to_keep(&text, &[]), Some("98765"), "{space:?}");
        }
    }

    #[test]
    fn the_start_joined() {
        assert_eq!(start_to_join("  43210 ok", &[]), Some((2, "43210 ok")));
        assert_eq!(start_to_join("ok 43210", &[]), None);
        assert_eq!(
            start_to_join("43210 98765 43210", &[finding(6, 17)]),
            Some((0, "43210 98765 43210"))
        );
        assert_eq!(start_to_join("98765 43210", &[finding(0, 11)]), None);
        let long = format!("43210 {}", "word ".repeat(20));
        let (_, start) = start_to_join(&long, &[]).unwrap();
        assert!(
            start.len() <= MAX_PART && !start.ends_with("wor"),
            "{start}"
        );
    }

    #[test]
    fn only_what_crosses_the_join() {
        // `98765` + ` ` + `43210 ok`: the join is at 5.
        let joined = vec![finding(0, 11), finding(0, 4), finding(7, 10)];
        assert_eq!(
            across_the_join("98765", 3, joined.clone(), &[]),
            [finding(3, 8)]
        );
        // A value of the end alone that the joined one overlaps.
        assert!(across_the_join("98765", 3, joined, &[finding(0, 5)]).is_empty());
    }

    #[test]
    fn tails_lapse_and_are_taken_once() {
        let tails = Tails::default();
        let (a, b) = (Side::Agent("a"), Side::Agent("b"));
        let taken = |c: &str, side: Side<'_>, time: u64| {
            tails
                .exchange(c, side, (time, 120), true, None)
                .map(|t| t.to_string())
        };
        tails.exchange("c", a, (100, 120), false, Some("98765"));
        assert_eq!(taken("c", b, 110), None);
        assert_eq!(taken("c", Side::Customer, 110), None);
        assert_eq!(taken("d", a, 110), None);
        assert_eq!(taken("c", a, 110).as_deref(), Some("98765"));
        assert_eq!(taken("c", a, 110), None);
        tails.exchange("c", a, (100, 120), false, Some("98765"));
        assert_eq!(taken("c", a, 221), None);
        // Taken and replaced under one lock.
        tails.exchange("c", a, (100, 120), false, Some("98765"));
        let before = tails.exchange("c", a, (101, 120), true, Some("12"));
        assert_eq!(before.as_deref().map(String::as_str), Some("98765"));
        assert_eq!(taken("c", a, 102).as_deref(), Some("12"));
        tails.exchange("c", Side::Customer, (100, 120), false, Some("98765"));
        tails.forget("c");
        assert_eq!(taken("c", Side::Customer, 110), None);
    }

    #[test]
    fn a_flood_of_senders_stays_bounded() {
        let tails = Tails::default();
        for i in 0..MAX_SENDERS + 10 {
            let id = i.to_string();
            tails.exchange("c", Side::Agent(&id), (100, 120), false, Some("1"));
        }
        // Full of fresh ends at the flood's MAX_SENDERS + 1st: all dropped.
        assert_eq!(tails.ends.lock().unwrap().len(), 10);
        for i in 10..MAX_SENDERS {
            let id = format!("y{i}");
            tails.exchange("c", Side::Agent(&id), (100, 120), false, Some("1"));
        }
        assert_eq!(tails.ends.lock().unwrap().len(), MAX_SENDERS);
        // Lapsed ends go first.
        tails.exchange("c", Side::Agent("x"), (1000, 120), false, Some("1"));
        assert_eq!(tails.ends.lock().unwrap().len(), 1);
    }
}
