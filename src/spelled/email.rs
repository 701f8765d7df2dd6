//! An address's `@` and dots spelled out: `ravi [at] gmail [dot] com`,
//! `ravi(at)gmail.com`, `juan arroba gmail punto com`.
//!
//! The edit writes `@` and `.` in place of the markers and the spaces
//! around them, so that the e-mail detector reads `ravi@gmail.com` and
//! validates it as any address. How sure a marker is decides how much else
//! is asked for:
//!
//! - A bracketed one (`[at]`, `(@)`), `arroba` or French `arobase` is
//!   never prose, nor is India's `at the rate` (how `@` is said there:
//!   `ravi at the rate gmail dot com`), unless `of` follows (`at the rate
//!   of 12 %`).
//! - A plain `at` is English: read as `@` only when a dot is spelled out
//!   too and the domain ends in a common top-level domain (`sales at
//!   example dot com`, not `at work dot dot dot`), or when the local part
//!   looks like a mailbox or the domain is a mail service's (`ravi.kumar
//!   at example.com`, `ravi at gmail.com`, not `find us at shop.com`).
//!
//! Every scan reads, without the opt-in pass, the addresses that name
//! themselves ([`Spelling::AddressWords`]): an `@` written `arroba` or `at
//! the rate`, or a plain `at` before a mail service's domain (`ravi at
//! gmail dot com`), never before an everyday word or one letter (`sign
//! up at gmail.com`), unless its dot is spelled out too.
//!
//! The local part's dots may be spelled out too (`ravi dot kumar at gmail
//! dot com`): up to three pieces are joined, each a run of address bytes
//! with a `dot` word or bracket between.

use super::words::{lookup, Word};
use super::{Edit, Spelling};
use crate::detect::email::{
    glued_after_tld, is_mail_service, is_top_level_domain, label_runs_into_mask,
    looks_like_mailbox, number_after_tld, opens_mask, MAIL_SERVICE_NAMES, MAX_DOMAIN, MAX_LOCAL,
};
use crate::text::char_before;

/// Top-level domains that a spelled-out `dot` may end an address with.
const COMMON_TLDS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "info", "biz", "io", "co", "me", "in", "id", "br", "mx",
    "ar", "cl", "pe", "ng", "ke", "za", "ae", "sa", "eg", "tr", "ru", "de", "fr", "es", "it", "uk",
    "pk", "bd", "lk", "ph", "my", "sg", "vn", "th", "cn", "jp", "au", "ca", "us", "ma",
];

/// Most labels a domain is read with.
const MAX_LABELS: usize = 6;
/// Most pieces a local part is read with, its dots spelled out (`ravi dot
/// kumar dot 88`).
const MAX_LOCAL_PIECES: usize = 3;

/// How an `@` was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    /// `at` between spaces.
    Word,
    /// `[at]`, `(@)`, `arroba`, `arobase`: never prose.
    Sure,
}

/// Adds an edit for each address in `text` written with a spelled-out `@`
/// or dot; `at_words` are where `at` or `arroba` is written. Reading
/// [`Spelling::AddressWords`], only the addresses that name themselves
/// (see the module docs), and no `@` in brackets, which the e-mail
/// detector reads as written.
pub(super) fn find(
    text: &[u8],
    at_words: &[(usize, usize)],
    spelling: Spelling,
    edits: &mut Vec<Edit>,
) {
    let every_scan = spelling == Spelling::AddressWords;
    // Each address with whether every scan reads it (see the module docs).
    let mut addresses = Vec::new();
    for &(start, end) in at_words {
        let marker = match bracketed(text, start, end) {
            Some(_) if every_scan => None,
            Some(outer) => Some((outer, Marker::Sure, false)),
            None if spaced(text, start, end) => match the_rate(text, start, end) {
                Some(rate_end) => Some(((start, rate_end), Marker::Sure, true)),
                None => {
                    let word = &text[start..end];
                    let sure = word.eq_ignore_ascii_case(b"arroba")
                        || word.eq_ignore_ascii_case(b"arobase");
                    let marker = if sure { Marker::Sure } else { Marker::Word };
                    Some(((start, end), marker, sure || every_scan))
                }
            },
            None => None,
        };
        if let Some(((start, end), marker, everyday)) = marker {
            if let Some(edit) = address(text, start, end, marker, spelling, 0) {
                let everyday = everyday
                    || address(text, start, end, marker, Spelling::AddressWords, 0).is_some();
                addresses.push(Candidate {
                    edit,
                    at: (start, end),
                    marker,
                    everyday,
                });
            }
        }
    }
    let at_signs = if every_scan { None } else { Some(text) };
    for at in at_signs
        .into_iter()
        .flat_map(|text| memchr::memchr_iter(b'@', text))
    {
        if let Some((start, end)) = bracketed(text, at, at + 1) {
            if let Some(edit) = address(text, start, end, Marker::Sure, spelling, 0) {
                addresses.push(Candidate {
                    edit,
                    at: (start, end),
                    marker: Marker::Sure,
                    everyday: false,
                });
            }
        }
    }
    addresses.sort_by_key(|c| c.edit.start);
    // The addresses every scan reads settle first, as every scan settles
    // them; those only the opt-in pass reads fill the words left between
    // them. Read in one walk, an address only this pass reads took words
    // that every scan gives another (`a at a dot co AT GMAIL DOT COM`:
    // `a@a.co`, where every scan reads `a.co@gmail.com`), and reading more
    // lost a value that reading less masks: found by the `scan` fuzz
    // target.
    let (everyday, others): (Vec<_>, Vec<_>) = addresses.into_iter().partition(|c| c.everyday);
    let settled = settle(text, everyday, Spelling::AddressWords, &[]);
    if every_scan {
        edits.extend(settled);
    } else {
        let mut all = settle(text, others, spelling, &settled);
        all.extend(settled);
        all.sort_by_key(|e| e.start);
        edits.extend(all);
    }
}

/// An address read at an `@` written `at` (see [`find`]).
struct Candidate {
    edit: Edit,
    at: (usize, usize),
    marker: Marker,
    /// Whether every scan reads it ([`Spelling::AddressWords`]).
    everyday: bool,
}

/// The addresses of `candidates` (sorted by start) that stand together,
/// read `spelling`, each clear of every address of `settled` (sorted).
///
/// An `at` after an address reads the address's domain, or its last
/// labels, as a local part (`ab at x dot co.vi at cd at y dot co.vi`:
/// `co.vi at cd`; `x at cd.vi at y dot co`: `cd.vi at y`). The first
/// address keeps them, and the one that would take them is no address:
/// kept in part, it glued the next one to the first, which redacting again
/// then found. Pieces of its local part after the first address stand,
/// read again without what the first took (`0 at 1 dot dot o.v at 1 dot
/// om`: the first address is `0@1.dot`, and `dot dot` no spelled dot of
/// `o.v`'s, as in its mask `0•••@1.dot o.v at …`). An edit starts after
/// its local part's first piece, which it leaves as written.
fn settle(
    text: &[u8],
    candidates: Vec<Candidate>,
    spelling: Spelling,
    settled: &[Edit],
) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut taken = 0;
    let mut next_settled = 0;
    // Moves past the settled addresses that end before `start`, which a
    // local part after them may not take.
    let mut pass_settled = |start: usize, taken: &mut usize| {
        while let Some(s) = settled.get(next_settled).filter(|s| s.end <= start) {
            *taken = (*taken).max(s.end);
            next_settled += 1;
        }
        next_settled
    };
    for candidate in candidates {
        let Candidate {
            edit,
            at: (at_start, at_end),
            marker,
            ..
        } = candidate;
        pass_settled(local_start(text, edit.start), &mut taken);
        let edit = if local_start(text, edit.start) >= taken {
            Some(edit)
        } else {
            address(text, at_start, at_end, marker, spelling, taken)
        };
        let Some(edit) = edit else { continue };
        let next = pass_settled(local_start(text, edit.start), &mut taken);
        // Settled addresses are sorted and apart: the next one is the
        // only one this one may reach.
        if settled
            .get(next)
            .is_none_or(|s| edit.end <= local_start(text, s.start))
        {
            taken = edit.end;
            edits.push(edit);
        }
    }
    edits
}

/// The range of `[` … `]` (or `()`, `{}`, `<>`) around `start..end`, with
/// at most one space inside each bracket.
fn bracketed(text: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let open = skip_back(text, start, 1).checked_sub(1)?;
    let close = skip(text, end, 1);
    let pair = (text[open], *text.get(close)?);
    matches!(
        pair,
        (b'[', b']') | (b'(', b')') | (b'{', b'}') | (b'<', b'>')
    )
    .then_some((open, close + 1))
}

/// Whether `start..end` has a space on either side.
fn spaced(text: &[u8], start: usize, end: usize) -> bool {
    start > 0 && text[start - 1] == b' ' && text.get(end) == Some(&b' ')
}

/// Where ` the rate` ends after the `at` at `start..end`, when that is how
/// the `@` is said (`ravi at the rate gmail dot com`): a space and no `of`
/// after it (`at the rate of 12 %` is a rate).
fn the_rate(text: &[u8], start: usize, end: usize) -> Option<usize> {
    const THE_RATE: &[u8] = b" the rate ";
    let rest = text.get(end..end + THE_RATE.len())?;
    let after = &text[end + THE_RATE.len()..];
    let of = after.len() >= 2
        && after[..2].eq_ignore_ascii_case(b"of")
        && !after.get(2).is_some_and(u8::is_ascii_alphanumeric);
    (text[start..end].eq_ignore_ascii_case(b"at") && rest.eq_ignore_ascii_case(THE_RATE) && !of)
        .then_some(end + THE_RATE.len() - 1)
}

/// `at` moved past at most `most` spaces.
fn skip(text: &[u8], at: usize, most: usize) -> usize {
    at + text[at..]
        .iter()
        .take(most)
        .take_while(|&&b| b == b' ')
        .count()
}

/// `at` moved back over at most `most` spaces.
fn skip_back(text: &[u8], at: usize, most: usize) -> usize {
    at - text[..at]
        .iter()
        .rev()
        .take(most)
        .take_while(|&&b| b == b' ')
        .count()
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_label_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// The end of the domain label starting at `at`, if one does.
fn label_end(text: &[u8], at: usize) -> Option<usize> {
    let len = text[at.min(text.len())..]
        .iter()
        .take_while(|&&b| is_label_byte(b))
        .count();
    (len > 0).then_some(at + len)
}

/// After a label ending at `at`: a dot, plain, spaced or spelled out, and
/// where the next label starts; `true` if the dot was spaced or spelled
/// out.
fn dot_after(text: &[u8], at: usize) -> Option<(usize, bool)> {
    if text.get(at) == Some(&b'.') && text.get(at + 1).is_some_and(|&b| is_label_byte(b)) {
        return Some((at + 1, false));
    }
    let from = skip(text, at, 2);
    let letters = |i: usize| {
        text[i.min(text.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count()
    };
    let end = match text.get(from) {
        // A dot spaced from the label before it (`gmail . com`, `gmail
        // .com`): as deliberate as one spelled out.
        Some(b'.') if from > at => from + 1,
        Some(b'[' | b'(' | b'{' | b'<') => {
            let inner = skip(text, from + 1, 1);
            let inner_end = match text.get(inner) {
                Some(b'.') => inner + 1,
                _ => {
                    let word_end = inner + letters(inner);
                    (lookup(&text[inner..word_end]) == Some(Word::Dot)).then_some(word_end)?
                }
            };
            bracketed(text, inner, inner_end)?.1
        }
        _ => {
            let word_end = from + letters(from);
            let word = lookup(&text[from..word_end]) == Some(Word::Dot);
            (word && from > at && spaced(text, from, word_end)).then_some(word_end)?
        }
    };
    Some((skip(text, end, 2), true))
}

/// The start of the run of local-part bytes ending at `end`.
pub(super) fn local_start(text: &[u8], end: usize) -> usize {
    end - text[..end]
        .iter()
        .rev()
        .take_while(|&&b| is_local_byte(b))
        .count()
}

/// Before a local-part piece starting at `at`: a dot spelled out (` dot `,
/// ` [dot] `, ` (.) `) or spaced (` . `) with a piece before it; that
/// piece's range.
fn dot_before(text: &[u8], at: usize) -> Option<(usize, usize)> {
    let marker_end = skip_back(text, at, 2);
    let marker_start = match marker_end.checked_sub(1).map(|i| text[i]) {
        // A dot spaced on both sides (`ravi . kumar at …`); one side alone
        // may end a sentence before it (`ok. ravi at …`).
        Some(b'.') if marker_end < at && marker_end >= 2 && text[marker_end - 2] == b' ' => {
            marker_end - 1
        }
        Some(b']' | b')' | b'}' | b'>') => {
            let inner_end = skip_back(text, marker_end - 1, 1);
            let inner_start = match inner_end.checked_sub(1).map(|i| text[i]) {
                Some(b'.') => inner_end - 1,
                _ => {
                    let start = inner_end
                        - text[..inner_end]
                            .iter()
                            .rev()
                            .take_while(|b| b.is_ascii_alphabetic())
                            .count();
                    (lookup(&text[start..inner_end]) == Some(Word::Dot)).then_some(start)?
                }
            };
            bracketed(text, inner_start, inner_end)?.0
        }
        _ => {
            let start = marker_end
                - text[..marker_end]
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            let word = lookup(&text[start..marker_end]) == Some(Word::Dot);
            (word && marker_end < at && spaced(text, start, marker_end)).then_some(start)?
        }
    };
    let piece_end = skip_back(text, marker_start, 2);
    let piece_start = local_start(text, piece_end);
    let piece = &text[piece_start..piece_end];
    (!piece.is_empty() && piece[0] != b'.' && !piece.ends_with(b"."))
        .then_some((piece_start, piece_end))
}

/// Whether a local part starting at `start` stands clear of what comes
/// before it: after white space, punctuation or a symbol (`(`, `*` of
/// WhatsApp's bold, `：`, `«`, `“`, `👉`), not after a letter, nor after a
/// sign that makes it the end of another token (`site.com/ravi`, `#ravi`,
/// `@ravi`, `&ravi`, `\ravi`, `$ravi`), where its letters may be only
/// part of the name.
fn stands_clear(text: &[u8], start: usize) -> bool {
    match char_before(text, start).0 {
        None => true,
        Some(c) if c.is_ascii() => {
            !c.is_ascii_alphanumeric() && !matches!(c, '/' | '#' | '@' | '&' | '\\' | '$' | '`')
        }
        Some(c) => !c.is_alphanumeric(),
    }
}

/// The edit for an address whose `@` is written `text[start..end]`, its
/// local part from `floor` on.
fn address(
    text: &[u8],
    start: usize,
    end: usize,
    marker: Marker,
    spelling: Spelling,
    floor: usize,
) -> Option<Edit> {
    let local_end = skip_back(text, start, 1);
    let mut pieces = vec![(local_start(text, local_end), local_end)];
    if pieces[0].0 < floor {
        return None;
    }
    while pieces.len() < MAX_LOCAL_PIECES {
        match dot_before(text, pieces[0].0) {
            Some(piece) if piece.0 >= floor => pieces.insert(0, piece),
            _ => break,
        }
    }
    // A piece glued to a token before it (`site.com/abc dot ravi at …`)
    // may be that token's end: the pieces after it are the address.
    while pieces.len() > 1 && !stands_clear(text, pieces[0].0) {
        pieces.remove(0);
    }
    let (local_start, _) = pieces[0];
    let local: Vec<u8> = pieces
        .iter()
        .flat_map(|&(s, e)| std::iter::once(b'.').chain(text[s..e].iter().copied()))
        .skip(1)
        .collect();
    let last_piece = &text[pieces[pieces.len() - 1].0..local_end];
    // No longer than an address may be, as the e-mail detector reads one:
    // what a scan reads of a spelled address then lies within
    // `crate::stream::REACH` of the words that name it.
    if last_piece.is_empty()
        || local[0] == b'.'
        || local.ends_with(b".")
        || !stands_clear(text, local_start)
        || local.len() > MAX_LOCAL
    {
        return None;
    }
    let mut labels = vec![];
    // Whether the dot before each label but the first is spelled out.
    let mut spelled_dots = vec![];
    let mut at = skip(text, end, 1);
    loop {
        let label = (at, label_end(text, at)?);
        // A label that runs into a mask (`e.do+55•••`, `e.do•••`, or its
        // dot does: `e.doU.+55•••`) went on, before masking, into what the
        // mask stands for (`e.do11nne000…`, no domain), as the e-mail
        // detector reads it.
        if opens_mask(text, label.1)
            || (text.get(label.1) == Some(&b'.') && opens_mask(text, label.1 + 1))
        {
            return None;
        }
        labels.push(label);
        if labels.len() == MAX_LABELS {
            break;
        }
        match dot_after(text, label.1) {
            // A label after the dot that runs into a mask went on into the
            // masked value's characters (`co[dot]0•••@b.coc`, the mask of
            // `co[dot]01--a@b.coc`), before the number below is asked for;
            // so did a mask right after the dot (`go[dot]•••…99`, the mask
            // of a number the copy read as a label: found by the `redact`
            // fuzz target), as the e-mail detector reads it.
            Some((next, _)) if opens_mask(text, next) || label_runs_into_mask(text, next) => {
                return None
            }
            // A number typed after the full stop is none of the domain's
            // labels, as the e-mail detector reads it
            // (`x[at]gmail.com.9876543210`).
            Some((next, _))
                if labels.len() >= 2 && number_after_tld(text, &text[label.0..label.1], next) =>
            {
                break
            }
            Some((next, spelled)) if label_end(text, next).is_some() => {
                spelled_dots.push(spelled);
                at = next;
            }
            _ => break,
        }
    }
    // A word after a spelled or spaced dot that is no top-level domain
    // starts the next sentence (`ravi at gmail dot com dot thanks`), as
    // the e-mail detector reads it.
    while labels.len() > 2
        && spelled_dots.last() == Some(&true)
        && labels
            .last()
            .is_some_and(|&(s, e)| !is_top_level_domain(&text[s..e]))
    {
        labels.pop();
        spelled_dots.pop();
    }
    let spelled_dot = spelled_dots.contains(&true);
    let (tld_start, mut tld_end) = *labels.last()?;
    // A word or a code typed against the top-level domain ends it, as the
    // e-mail detector reads it (`e.doUble119…`: `e.do`); read whole, the
    // label is no top-level domain, and the words after it are read as a
    // number, which takes the label's word with it the first time and
    // not, once the address is masked, the second.
    if let Some(len) = glued_after_tld(&text[tld_start..tld_end]) {
        tld_end = tld_start + len;
        *labels.last_mut()? = (tld_start, tld_end);
    }
    // A top-level domain has two letters at least, as the e-mail detector
    // reads it: a copy with an `@` the detector refuses (`n%@e.ni333.p`)
    // would glue what follows it to the `@`, an alias among it no alias.
    let tld = &text[tld_start..tld_end];
    if labels.len() < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let domain: Vec<u8> = labels
        .iter()
        .flat_map(|&(s, e)| std::iter::once(b'.').chain(text[s..e].iter().copied()))
        .skip(1)
        .collect();
    if domain.len() > MAX_DOMAIN {
        return None;
    }
    let common_tld = COMMON_TLDS
        .iter()
        .any(|t| t.as_bytes().eq_ignore_ascii_case(tld));
    let sure = match (marker, spelling) {
        // Every scan reads the `@` that says it is one, and a word `at`
        // before a mail service it names (the words that call for this
        // reading: see `super::may_spell_address`).
        (Marker::Word, Spelling::AddressWords) => {
            let (first_start, first_end) = labels[0];
            names_a_service(&text[first_start..first_end])
                && is_mail_service(&domain)
                && (spelled_dot || looks_like_mailbox(&local) || reads_as_a_name(&local))
        }
        (Marker::Sure, _) => true,
        (Marker::Word, Spelling::Everything | Spelling::SignsBetweenDigits) => {
            (spelled_dot && common_tld) || looks_like_mailbox(&local) || is_mail_service(&domain)
        }
    };
    if !sure {
        return None;
    }
    // The local part's spelled dots, then the `@`.
    let mut bytes = vec![];
    for pair in pieces.windows(2) {
        bytes.push((b'.', pair[0].1));
        bytes.extend((pair[1].0..pair[1].1).map(|at| (text[at], at)));
    }
    bytes.push((b'@', local_end));
    for (i, &(s, e)) in labels.iter().enumerate() {
        if i > 0 {
            bytes.push((b'.', labels[i - 1].1));
        }
        bytes.extend((s..e).map(|at| (text[at], at)));
    }
    Some(Edit {
        start: pieces[0].1,
        end: tld_end,
        bytes,
        words: Vec::new(),
    })
}

/// Whether `label` is a mail service's name that people write as its
/// domain (`gmail`, `yahoo`; see `crate::detect::email`).
pub(super) fn names_a_service(label: &[u8]) -> bool {
    MAIL_SERVICE_NAMES
        .iter()
        .any(|(name, _)| name.as_bytes().eq_ignore_ascii_case(label))
}

/// How long the words at `at` are that make a plain `at` before them an
/// `@` every scan reads: a mail service's name (see [`names_a_service`];
/// `address` asks for the whole label), or `the rate ` (see [`the_rate`]).
pub(super) fn service_or_the_rate_at(text: &[u8], at: usize) -> Option<usize> {
    MAIL_SERVICE_NAMES
        .iter()
        .map(|&(name, _)| name)
        .chain(["the rate "])
        .find(|word| {
            text.get(at..at + word.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(word.as_bytes()))
        })
        .map(str::len)
}

/// Words that stand before `at` in prose about a mail service (`sign up
/// at gmail.com`, `I work at yahoo.com`, `find us at outlook.com`).
const EVERYDAY_WORDS: &[&str] = &[
    "account",
    "accounts",
    "am",
    "and",
    "are",
    "available",
    "be",
    "been",
    "check",
    "contact",
    "do",
    "find",
    "go",
    "help",
    "here",
    "him",
    "her",
    "in",
    "inbox",
    "is",
    "it",
    "job",
    "jobs",
    "log",
    "login",
    "logged",
    "me",
    "now",
    "on",
    "online",
    "or",
    "reach",
    "register",
    "registered",
    "sent",
    "sign",
    "signed",
    "signup",
    "still",
    "support",
    "team",
    "them",
    "there",
    "up",
    "us",
    "visit",
    "was",
    "we",
    "were",
    "work",
    "worked",
    "working",
    "works",
    "write",
    "you",
];

/// Whether a local part without a digit or sign (`ravi`, `juanperez`)
/// reads as a name before `at`, not as prose: three letters or more, and
/// none of [`EVERYDAY_WORDS`].
fn reads_as_a_name(local: &[u8]) -> bool {
    local.len() >= 3
        && !EVERYDAY_WORDS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(local))
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_through as read;
    use super::super::{read as read_spelled, Spelling};

    /// `text` as every scan reads it, without the opt-in pass.
    fn read_by_every_scan(text: &str) -> String {
        match read_spelled(text.as_bytes(), &[], Spelling::AddressWords) {
            Some(reading) => String::from_utf8(reading.copy.text).unwrap(),
            None => text.to_string(),
        }
    }

    #[test]
    fn every_scan_reads_the_addresses_that_name_themselves() {
        for (text, read_as) in [
            ("mail ravi at gmail dot com", "mail ravi@gmail.com"),
            ("mail RAVI AT GMAIL DOT COM", "mail RAVI@GMAIL.COM"),
            ("ravi at gmail.com pls", "ravi@gmail.com pls"),
            ("ravi_88 at yahoo.co.in", "ravi_88@yahoo.co.in"),
            ("juan arroba gmail punto com", "juan@gmail.com"),
            ("juan arroba empresa punto com", "juan@empresa.com"),
            ("awa arobase orange point sn", "awa@orange.sn"),
            ("Awa Arobase yahoo point fr", "Awa@yahoo.fr"),
            ("joao arroba uol ponto com ponto br", "joao@uol.com.br"),
            ("ravi at the rate gmail dot com", "ravi@gmail.com"),
            ("ravi at the rate example dot in", "ravi@example.in"),
            ("ravi dot kumar at gmail dot com", "ravi.kumar@gmail.com"),
            ("budi at yahoo titik co titik id", "budi@yahoo.co.id"),
            // Spaced dots are as deliberate as spelled ones.
            ("mail ravi at gmail . com", "mail ravi@gmail.com"),
            ("ravi . kumar at gmail . com", "ravi.kumar@gmail.com"),
            ("ravi . kumar at gmail dot com", "ravi.kumar@gmail.com"),
            ("ravi at yahoo .co .in", "ravi@yahoo.co.in"),
            // A word after the last dot that is no top-level domain.
            (
                "ravi at gmail dot com dot thanks",
                "ravi@gmail.com dot thanks",
            ),
            ("ravi at gmail . com . thanks", "ravi@gmail.com . thanks"),
            // An everyday word before a spelled dot is an address too: the
            // dot is a dodge.
            ("send to me at gmail dot com", "send to me@gmail.com"),
        ] {
            assert_eq!(read_by_every_scan(text), read_as, "{text}");
        }
    }

    /// An address glued to a sign before it: WhatsApp's bold and strike,
    /// a full-width colon, quotes of other languages, an emoji (all left
    /// shown before). A local part glued to a path, a tag, a handle or an
    /// escape may be only the end of another token: a piece of it so
    /// glued is dropped, and an address of that piece alone is none.
    #[test]
    fn an_address_glued_to_punctuation_or_a_symbol_before_it() {
        for (text, read_as) in [
            ("*ravi at gmail dot com*", "*ravi@gmail.com*"),
            ("~ravi at gmail dot com~", "~ravi@gmail.com~"),
            (
                "邮箱：ravi.kumar at gmail dot com",
                "邮箱：ravi.kumar@gmail.com",
            ),
            ("«ravi at gmail dot com»", "«ravi@gmail.com»"),
            ("“ravi at gmail dot com”", "“ravi@gmail.com”"),
            ("¿ravi at gmail dot com?", "¿ravi@gmail.com?"),
            ("'ravi at gmail dot com'", "'ravi@gmail.com'"),
            ("email=ravi at gmail dot com", "email=ravi@gmail.com"),
            ("> ravi at gmail dot com", "> ravi@gmail.com"),
            ("👉ravi at gmail dot com", "👉ravi@gmail.com"),
            // Read whole or, the first piece glued to a path, from the
            // next piece on (`微信号：wx_li88 punto comravi at …` was read
            // only once its handle was masked, so a line alone and the
            // text around it read it differently).
            (
                "微信号：wx_li88 punto comravi at gmail dot com",
                "微信号：wx_li88.comravi@gmail.com",
            ),
            (
                "x.com/abc punto comravi at gmail dot com",
                "x.com/abc punto comravi@gmail.com",
            ),
        ] {
            assert_eq!(read_by_every_scan(text), read_as, "{text}");
        }
        for text in [
            "x.com/ravi at gmail dot com",
            "#ravi at gmail dot com",
            "@ravi at gmail dot com",
            "&ravi at gmail dot com",
            "éravi at gmail dot com",
        ] {
            assert_eq!(read_by_every_scan(text), text, "{text}");
        }
    }

    #[test]
    fn every_scan_leaves_what_needs_the_opt_in_pass_or_is_prose() {
        for text in [
            // No mail service's name, nor an `@` said in words.
            "sales at example dot com",
            "ravi.kumar at example dot in",
            "find us at shop dot com",
            // Prose about a mail service.
            "sign up at gmail.com",
            "I work at yahoo.com",
            "I'm at gmail.com now",
            "check your inbox at gmail.com",
            "we use gmail and yahoo at work",
            "mail ravi at gmail",
            // `[at]` the e-mail detector reads as written.
            "mail ravi [at] gmail [dot] com",
            // Arroba, the weight of cattle.
            "preco da arroba do boi 300",
            "interest at the rate of 12 percent",
            // A point that ends a sentence, its space after it only.
            "I'm at gmail. com on it",
        ] {
            assert_eq!(read_by_every_scan(text), text, "{text}");
        }
    }

    #[test]
    fn an_address_longer_than_one_can_be_is_none() {
        let local = "a".repeat(65);
        let text = format!("{local} at gmail dot com");
        assert_eq!(read(&text), text);
        assert_eq!(read_by_every_scan(&text), text);
        let text = format!("ravi at gmail dot {}", "c".repeat(260));
        assert_eq!(read(&text), text);
        assert_eq!(read_by_every_scan(&text), text);
        let text = format!("{} at gmail dot com", "a".repeat(64));
        assert_ne!(read_by_every_scan(&text), text);
    }

    #[test]
    fn reads_spelled_out_signs() {
        for (text, read_as) in [
            (
                "mail ravi [at] gmail [dot] com pls",
                "mail ravi@gmail.com pls",
            ),
            ("mail ravi[at]gmail[dot]com", "mail ravi@gmail.com"),
            ("mail ravi(at)gmail.com", "mail ravi@gmail.com"),
            (
                "mail ravi {at} gmail {dot} co {dot} in",
                "mail ravi@gmail.co.in",
            ),
            ("mail ravi [ at ] gmail [ . ] com", "mail ravi@gmail.com"),
            ("mail ravi (@) gmail (.) com", "mail ravi@gmail.com"),
            ("mail RAVI AT GMAIL DOT COM", "mail RAVI@GMAIL.COM"),
            ("sales at example dot com", "sales@example.com"),
            ("ravi at gmail.com", "ravi@gmail.com"),
            ("ravi.kumar at example.in", "ravi.kumar@example.in"),
            ("juan arroba gmail punto com", "juan@gmail.com"),
            // How India says `@`.
            (
                "mail me ravi at the rate gmail dot com",
                "mail me ravi@gmail.com",
            ),
            ("ravi.kumar At The Rate gmail.com", "ravi.kumar@gmail.com"),
            ("joao arroba uol ponto com ponto br", "joao@uol.com.br"),
            ("budi at yahoo titik co titik id", "budi@yahoo.co.id"),
            (
                "my email is ravi dot kumar at gmail dot com",
                "my email is ravi.kumar@gmail.com",
            ),
            (
                "ravi [dot] kumar [dot] 88 [at] gmail [dot] com",
                "ravi.kumar.88@gmail.com",
            ),
            ("juan punto perez arroba gmail.com", "juan.perez@gmail.com"),
            // A number typed after the full stop is no label.
            (
                "mail x[at]gmail.com.9876543210",
                "mail x@gmail.com.9876543210",
            ),
            (
                "mail x at gmail dot com.9876543210",
                "mail x@gmail.com.9876543210",
            ),
        ] {
            assert_eq!(read(text), read_as, "{text}");
        }
    }

    /// The opt-in pass reads more addresses than every scan; one only it
    /// reads does not take the words of one every scan reads, which would
    /// leave that one shown where reading less masks it (found by the
    /// `scan` fuzz target). Between them it reads what is left.
    #[test]
    fn the_opt_in_pass_reads_around_what_every_scan_reads() {
        for (text, read_as) in [
            ("a at a dot co AT GMAIL DOT COM", "a at a.co@GMAIL.COM"),
            (
                "sales at example dot com or ravi at gmail dot com",
                "sales@example.com or ravi@gmail.com",
            ),
            (
                "ravi at gmail dot com, sales at example dot com",
                "ravi@gmail.com, sales@example.com",
            ),
        ] {
            assert!(read_by_every_scan(text).contains('@'), "{text}");
            assert_eq!(read(text), read_as, "{text}");
        }
    }

    #[test]
    fn leaves_prose_and_half_addresses() {
        for text in [
            "find us at shop.com",
            "see you at five dot thirty",
            "I'm at work dot dot dot",
            "we are at home",
            "mail ravi at gmail",
            "ravi at gmail dot",
            "at gmail dot com",
            "mail ravi [at gmail dot com",
            "ravi [at] .com",
            "ravi [at] gmail.c",
            "look at this (dot) matrix",
            "dot ravi at home",
            "interest at the rate of 12 percent dot com",
            "bought at the rate 5 dot 5 percent",
            "sold at the rate",
            // A label after the dot runs into a mask: it went on, before
            // masking, into a masked address (found by the `redact` fuzz
            // target: the address before was read the second time only).
            "x[at]mail.example{.}co[dot]0•••@b.coc ok",
            // So does a mask right after the dot.
            "x[at]amail.example{.}go[dot]•••••••••••99 ok",
        ] {
            assert_eq!(read(text), text, "{text}");
        }
    }
}
