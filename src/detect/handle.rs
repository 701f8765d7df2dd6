//! Handles on other messaging and social apps: `telegram @ravi_k`, `IG:
//! @priya.styles`, `微信 @wx_li88`, `tiktok.com/@ravi`.
//!
//! Why: the way an agent takes a customer off the platform, or a rival
//! takes them over, is to move the chat to another app, and on the apps
//! that chat commerce moves to (Telegram, Instagram, TikTok, LINE, WeChat,
//! KakaoTalk …) a person is reached by a username, not a number. A handle
//! so given is contact data as much as a phone number, and the leak guard
//! sees it cross conversations only if it is a finding.
//!
//! What makes `@name` a handle rather than a mention or a word after an
//! `@` is the app named before it: on the same line, at most three words
//! between (`telegram pe message karo @ravi_k`, `find me on IG, user
//! @priya`), no sentence end, digit or other `@` between. `line` and
//! `snap`, which are English words too, count only right before the
//! handle (`Line: @shop88`, `line id @shop88`). A link
//! (`tiktok.com/@ravi`, `youtube.com/@…`, `threads.net/@…`) names its app
//! itself. Without an app's name, `@name` is a mention and stays
//! unreported.
//!
//! Many write the username bare after the app's name and a colon, `LINE
//! ID: shop88` above all (how LINE IDs are given in Thailand), `IG:
//! priya.styles`, `微信号：wx_li88`. There the word after the colon may be
//! any word (`Telegram: yes`), so it counts only when it looks like a
//! username (a digit, `_` or inner `.` in it), and at a lower confidence.
//! After a name word (`LINE ID: somchai`, `insta username: priyastyles`,
//! `ไลน์ไอดี: somchai`, as Thai LINE IDs often are) letters alone will do,
//! three at least, when the word is the whole answer (the line, sentence
//! or clause ends after it) and not one that answers otherwise (`none`,
//! `same` …). A username of letters only after the app's name alone
//! (`IG: priya`) is missed. With neither
//! `@` nor colon (`add LINE shop88`, `my insta is priya_88`), a username
//! with a digit counts right after the app's name, or after the name and
//! `is` ([`GluedHandleDetector`]).
//!
//! Profile links name their app by their host: `t.me/ravi_k`,
//! `telegram.me/…`, `instagram.com/priya.styles`, `instagr.am/…`,
//! `m.me/ravi.kumar` (Messenger), `facebook.com/ravi.kumar.5`, `fb.com/…`,
//! `x.com/…`, `twitter.com/…`, `linkedin.com/in/…`, `snapchat.com/add/…`,
//! LINE's add-friend links (`line.me/ti/p/~…`, `line.me/R/ti/p/@…`),
//! and a WhatsApp Business account's short link (`wa.me/message/…`, which
//! opens a chat with the account's number without writing it). Neither
//! they nor a bare username need hold a digit or `@`, so the scanner's
//! prefilter stops at a `/` or `:` too when this kind is asked for, and
//! confirms the host or the app's name before it
//! ([`is_profile_link_slash`], [`is_app_colon`]); a first path
//! segment that is the site's own page (`instagram.com/p/…`,
//! `t.me/joinchat/…`, `facebook.com/groups/…`, `x.com/home`) is no
//! username. Other sites' links (`medium.com/@…`) are not read.
//!
//! The handle: ASCII letters, digits, `_`, `.` and `-` (the union of what
//! the apps allow), two to 32 of them with at least one letter (three
//! after a leading digit: `@5pm` is a time, `@9gag` a name), not
//! glued to a word before the `@` (that is an e-mail address) nor going on
//! to another `@`, not a domain (`@gmail.com`: its last label a country's
//! top-level domain or `com`, `net`, `org` …; `@priya.shop` is a
//! username), and not a group mention (`@everyone`, `@all`). Normalized as
//! `app:handle` in lower case, the apps' usernames being case-insensitive,
//! so that `tg @Ravi_K` and `telegram @ravi_k` are one value to the guard.
//!
//! A Gmail username given the same ways (`my gmail is ravi.kumar88`,
//! `gmail id: ravikumar88`, `mi gmail es juanperez92`) is an e-mail
//! address, the most common there is, written without its domain once a
//! plain address gets a message masked. It is reported as
//! [`Kind::Email`], normalized to the whole address
//! (`ravi.kumar88@gmail.com`), so that masks, tokens and the leak guard
//! treat it as the address; only a name Gmail accepts counts (six to 30
//! letters, digits and inner single dots, [`is_gmail_username`]). Other
//! mail services are not read so: their names do not say which of their
//! domains the address is at (`yahoo.com`, `yahoo.co.in` …).

use super::{email, Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::masked::bullet_before;
use crate::text::{char_at, char_before, is_alphanumeric};

/// An app named right before a well-formed username.
const CONFIDENCE: f32 = 0.9;
/// A username without its `@` after an app's name and a colon: the word
/// after `Line:` is most often, not always, a username.
const BARE_CONFIDENCE: f32 = 0.8;
const MIN_HANDLE: usize = 2;
const MAX_HANDLE: usize = 32;
/// How far before the `@` the app's name may stand, in bytes.
const WINDOW: usize = 48;
/// Words that may stand between the app's name and the handle.
const MAX_WORDS_BETWEEN: usize = 3;

/// How people name an app in chat, lower case, and the app.
struct AppName {
    word: &'static str,
    app: &'static str,
    /// An everyday word too: counts only right before the handle.
    right_before: bool,
}

const fn app(word: &'static str, app: &'static str) -> AppName {
    AppName {
        word,
        app,
        right_before: false,
    }
}

const fn app_right_before(word: &'static str, app: &'static str) -> AppName {
    AppName {
        word,
        app,
        right_before: true,
    }
}

const APP_NAMES: &[AppName] = &[
    app("telegram", "telegram"),
    app("tg", "telegram"),
    app("telegrama", "telegram"),
    app("телеграм", "telegram"),
    app("телеграмм", "telegram"),
    app("телега", "telegram"),
    app("instagram", "instagram"),
    app("insta", "instagram"),
    app("ig", "instagram"),
    app("инстаграм", "instagram"),
    app("инста", "instagram"),
    app("tiktok", "tiktok"),
    app("snapchat", "snapchat"),
    app_right_before("snap", "snapchat"),
    app("twitter", "twitter"),
    app("facebook", "facebook"),
    app("fb", "facebook"),
    app("messenger", "facebook"),
    app_right_before("line", "line"),
    app("ไลน์", "line"),
    app("ライン", "line"),
    app("wechat", "wechat"),
    app("weixin", "wechat"),
    app("微信", "wechat"),
    app("微信号", "wechat"),
    app("kakaotalk", "kakaotalk"),
    app("kakao", "kakaotalk"),
    app("카톡", "kakaotalk"),
    app("카카오톡", "kakaotalk"),
    // Arabic: Snapchat above all in the Gulf (`سنابي`, my snap).
    app("سناب", "snapchat"),
    app("سنابي", "snapchat"),
    app("انستا", "instagram"),
    app("انستقرام", "instagram"),
    app("انستغرام", "instagram"),
    app("انستجرام", "instagram"),
    app("تليجرام", "telegram"),
    app("تيليجرام", "telegram"),
    app("تلغرام", "telegram"),
    app("تويتر", "twitter"),
    app("فيسبوك", "facebook"),
    app("discord", "discord"),
    app("skype", "skype"),
    // A Threads profile is its Instagram account.
    app_right_before("threads", "instagram"),
    app("youtube", "youtube"),
    app("ไลน์ไอดี", "line"),
    app("gmail", GMAIL),
];

/// The app name under which a username is a Gmail address.
const GMAIL: &str = "gmail";

/// What follows an `@` in group chats to call everyone, not a person.
const GROUP_MENTIONS: &[&str] = &["everyone", "here", "all", "channel", "admin", "admins"];

/// Words that may follow a `right_before` app name before the handle
/// (`line id @…`).
const NAME_WORDS: &[&str] = &["id", "user", "username", "handle", "아이디"];

/// The length, first and last letter of every ASCII app name and name
/// word, one bit per letter at each length: most words before a `:` or `@`
/// are neither, and are told apart here in a few instructions instead of a
/// comparison with every name.
static ASCII_NAME_ENDS: [[u32; 16]; 2] = {
    const fn mark(table: &mut [[u32; 16]; 2], word: &str) {
        let bytes = word.as_bytes();
        let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
        if first < 0x80 && last < 0x80 && bytes.len() < 16 {
            table[0][bytes.len()] |= 1 << (first & 31);
            table[1][bytes.len()] |= 1 << (last & 31);
        }
    }
    let mut table = [[0u32; 16]; 2];
    let mut i = 0;
    while i < APP_NAMES.len() {
        mark(&mut table, APP_NAMES[i].word);
        i += 1;
    }
    let mut i = 0;
    while i < NAME_WORDS.len() {
        mark(&mut table, NAME_WORDS[i]);
        i += 1;
    }
    table
};

/// Whether `word` may be an app name or a name word: false for most words.
#[inline]
fn may_name(word: &[u8]) -> bool {
    let bit = |b: u8| 1u32 << ((b | 0x20) & 31);
    match (word.first(), word.last()) {
        // ASCII names are lower case: `| 0x20` folds an upper-case letter.
        (Some(&first), Some(&last)) if last < 0x80 => {
            let n = word.len();
            n < 16
                && ASCII_NAME_ENDS[0][n] & bit(first) != 0
                && ASCII_NAME_ENDS[1][n] & bit(last) != 0
        }
        (Some(_), Some(_)) => true,
        _ => false,
    }
}

/// The app `word` names, if any (see [`names`]).
fn app_named(word: &[u8]) -> Option<&'static AppName> {
    if !may_name(word) {
        return None;
    }
    if word.is_ascii() {
        // Only the ASCII names can be equal to it.
        APP_NAMES
            .iter()
            .find(|n| n.word.len() == word.len() && n.word.as_bytes().eq_ignore_ascii_case(word))
    } else {
        APP_NAMES.iter().find(|n| names(n.word, word))
    }
}

/// Whether `word` is `is` (or Spanish `es`, Portuguese `é`), which may
/// stand between an app's name and a username written bare.
fn is_copula(word: &[u8]) -> bool {
    word.eq_ignore_ascii_case(b"is") || word == b"es" || word == "é".as_bytes()
}

/// Whether `word` is a name word (`id`, `username` …).
fn is_name_word(word: &[u8]) -> bool {
    may_name(word)
        && NAME_WORDS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

#[derive(Debug)]
pub(crate) struct HandleDetector;

impl Detector for HandleDetector {
    fn kinds(&self) -> &[Kind] {
        // A Gmail username is an e-mail address (see the module docs).
        &[Kind::SocialHandle, Kind::Email]
    }

    fn trigger(&self) -> Trigger {
        Trigger::AtSign
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let at = span.start;
        // `%40` in a link is an e-mail address's (see the e-mail detector).
        if span.end != at + 1 || text.get(at) != Some(&b'@') {
            return;
        }
        // Glued to a word on its left: an e-mail address (most `@`s).
        if (at > 0 && is_handle_byte(text[at - 1])) || bullet_before(text, at) {
            return;
        }
        let Some(end) = handle_end(text, at + 1) else {
            return;
        };
        // A Gmail username is not written after an `@` (`gmail @ravi88` is
        // a mention), and a mask of `@ravi88` would keep the name.
        let Some(app) = app_before(text, at).filter(|&app| app != GMAIL) else {
            return;
        };
        // The `@` with the username: the span a mask covers.
        out.extend(finding(app, at, end, &text[at + 1..end]));
    }
}

fn is_handle_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-')
}

/// The end of a username starting at `from`, right after its `@`.
fn handle_end(text: &[u8], from: usize) -> Option<usize> {
    let run = text[from..]
        .iter()
        .take_while(|&&b| is_handle_byte(b))
        .count();
    let mut end = from + run;
    // Sentence punctuation after the handle is not part of it.
    while end > from && matches!(text[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let handle = &text[from..end];
    let ok = (MIN_HANDLE..=MAX_HANDLE).contains(&handle.len())
        && !GROUP_MENTIONS
            .iter()
            .any(|m| m.as_bytes().eq_ignore_ascii_case(handle))
        && handle[0] != b'.'
        && handle.iter().any(u8::is_ascii_alphabetic)
        // A time or an ordinal (`@5pm`, `@10am`, `@2nd`), not a name
        // (`@9gag`).
        && !(handle[0].is_ascii_digit()
            && handle.iter().filter(|b| b.is_ascii_alphabetic()).count() < 3)
        // Going on to another `@` or written as a domain: an address.
        && text.get(from + run) != Some(&b'@')
        // Going on in letters of another script (`@ravi_kcédula`): one
        // word, not an ASCII username.
        && !char_at(text, from + run).0.is_some_and(is_alphanumeric)
        && !written_as_domain(handle);
    ok.then_some(end)
}

/// Whether a dotted handle reads as a domain (`gmail.com`, `shop.co.in`):
/// its last label a country's top-level domain or one of the original
/// generic ones. Usernames end in words that are newer top-level domains
/// too (`priya.shop`, `noura.store`, `ravi.design`), and stay handles.
fn written_as_domain(handle: &[u8]) -> bool {
    const ORIGINAL_GENERIC: &[&[u8]] = &[b"com", b"net", b"org", b"info", b"biz", b"edu", b"gov"];
    let Some(dot) = handle.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let last = &handle[dot + 1..];
    (last.len() == 2 && email::is_top_level_domain(last))
        || ORIGINAL_GENERIC
            .iter()
            .any(|tld| tld.eq_ignore_ascii_case(last))
}

/// The app named before the `@` at `at`, if any (see the module docs).
fn app_before(text: &[u8], at: usize) -> Option<&'static str> {
    let before = &text[..at];
    match before.last() {
        None => return None,
        Some(b'/') => {
            return AT_LINK_HOSTS
                .iter()
                .find(|(host, _)| ends_with_host(&before[..before.len() - 1], host))
                .map(|&(_, app)| app)
        }
        // Glued to a word: an e-mail address's `@`, or a mention inside
        // one (`x@y`).
        Some(&b) if is_handle_byte(b) || b == b'@' => return None,
        Some(_) => {}
    }
    if char_before(text, at).0.is_some_and(is_alphanumeric) {
        return None;
    }
    // Words back from the `@`, nearest first, within the window and the
    // line.
    let mut end = at;
    let mut words_between = 0;
    let floor = at.saturating_sub(WINDOW);
    let mut only_name_words = true;
    loop {
        // The gap before the next word back: spaces and punctuation that
        // do not end a sentence.
        let mut start = end;
        loop {
            let (c, width) = char_before(text, start);
            match c {
                Some(c) if is_word_char(c) => break,
                Some('.' | '!' | '?' | ';' | '\n' | '\r' | '@' | '。' | '！' | '？') | None => {
                    return None
                }
                // A masked value between: what it masked stood there, a
                // word with a digit or another value (`微信号：••_•••• at
                // @ravi`, the mask of `wx_li88`; found by the stream
                // property test).
                Some(crate::policy::mask::BULLET) => return None,
                Some(_) if start - width >= floor => start -= width,
                Some(_) => return None,
            }
        }
        end = start;
        // The word.
        loop {
            match char_before(text, start) {
                (Some(c), width) if is_word_char(c) && start - width >= floor => start -= width,
                (Some(c), _) if is_word_char(c) => return None,
                _ => break,
            }
        }
        let word = &text[start..end];
        if word.iter().any(u8::is_ascii_digit) || bullet_before(text, start) {
            return None;
        }
        if let Some(name) = app_named(word) {
            if !name.right_before || only_name_words {
                return Some(name.app);
            }
        }
        only_name_words &= is_name_word(word);
        words_between += 1;
        if words_between > MAX_WORDS_BETWEEN {
            return None;
        }
        end = start;
    }
}

/// The app named right before the `:` at `colon` (or the `：` there):
/// `IG:`, `LINE ID :`, `ID Line:`, `微信号：`, `카톡 아이디:`. One name word
/// may stand between; a space or two around it.
pub(crate) fn app_before_colon(text: &[u8], colon: usize) -> Option<&'static str> {
    app_word_before(text, colon, false)
}

/// The app named before the colon at `colon`, and whether a name word
/// goes with it (`LINE ID:`, `insta username:`, `ID Line:`): then what
/// follows the colon is the username itself.
fn named_app_before_colon(text: &[u8], colon: usize) -> Option<(&'static str, bool)> {
    let app = app_word_before(text, colon, false)?;
    let floor = colon.saturating_sub(WINDOW);
    let (word, start) = word_before(text, colon, floor)?;
    // Thai and Chinese write the app and "ID" as one word (`ไลน์ไอดี`,
    // `微信号`).
    let named = is_name_word(word)
        || ["ไอดี", "号"].iter().any(|id| word.ends_with(id.as_bytes()))
        || word_before(text, start, floor).is_some_and(|(before, _)| is_name_word(before));
    Some((app, named))
}

/// Words people answer with where a username is asked for: no username.
const NON_ANSWERS: &[&str] = &[
    "none", "nil", "nothing", "same", "private", "pending", "unknown", "later", "soon", "yes",
    "not", "deleted", "blocked", "ask", "dm", "inbox", "below", "above",
];

/// Whether a username written bare after a name word (`LINE ID:
/// somchai`) may be all letters ([`handle_end`] found a letter in it):
/// three characters at least, and not a word that answers the question
/// otherwise.
fn plausible_plain_username(handle: &[u8]) -> bool {
    handle.len() >= 3
        && !NON_ANSWERS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(handle))
}

/// The app named right before `at`, a space or two and at most one name
/// word between. With `no_colon` (a username right after the name), a name
/// that is an everyday word too (`line`, `snap`) counts only in capitals
/// (`LINE shop88`) or with a name word after it (`line id shop88`), not in
/// `stand in line a12`.
fn app_word_before(text: &[u8], at: usize, no_colon: bool) -> Option<&'static str> {
    let floor = at.saturating_sub(WINDOW);
    let (mut word, mut start) = word_before(text, at, floor)?;
    // `my insta is priya_88`, `mi insta es juan_92`, `meu insta é joao_92`:
    // the verb says the username follows, as a colon would.
    if no_colon && is_copula(word) {
        (word, start) = word_before(text, start, floor)?;
    }
    // An app's name right after an `@` is an address's domain
    // (`ravi@gmail: …`), no app named.
    if start > 0 && text[start - 1] == b'@' {
        return None;
    }
    if let Some(name) = app_named(word) {
        let capitals = word.iter().all(|b| !b.is_ascii_lowercase());
        return (!no_colon || !name.right_before || capitals).then_some(name.app);
    }
    if !is_name_word(word) {
        return None;
    }
    let (word, _) = word_before(text, start, floor)?;
    app_named(word).map(|n| n.app)
}

/// The word ending at most two spaces before `end`, and its start; none if
/// it reaches back past `floor`.
fn word_before(text: &[u8], end: usize, floor: usize) -> Option<(&[u8], usize)> {
    let mut end = end;
    for _ in 0..2 {
        if end > floor && text[end - 1] == b' ' {
            end -= 1;
        }
    }
    // An ASCII word, byte by byte (most words before a colon).
    let ascii = text[floor..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let mut start = end - ascii;
    if start == floor && floor > 0 {
        return None;
    }
    if start > 0 && text[start - 1] >= 0x80 {
        loop {
            match char_before(text, start) {
                (Some(c), width) if is_word_char(c) && start - width >= floor => start -= width,
                (Some(c), _) if is_word_char(c) => return None,
                _ => break,
            }
        }
        if bullet_before(text, start) {
            return None;
        }
    }
    (start < end).then(|| (&text[start..end], start))
}

/// Whether the `:` at `i` (or the `：` starting there) follows an app's
/// name: the prefilter's test for [`Trigger::AppColon`].
#[inline]
pub(crate) fn is_app_colon(text: &[u8], i: usize) -> bool {
    // A letter (of any script) ends every app name and name word, at most
    // two spaces before.
    let last = text[..i].iter().rev().take(3).find(|&&b| b != b' ');
    last.is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80)
        && app_before_colon(text, i).is_some()
}

/// A username written bare after its app's name and a colon: `LINE ID:
/// shop88`, `snapchat: ravi_k22`, `IG: priya.styles`, `微信号：wx_li88`.
///
/// A bare word after `Telegram:` may be any word (`Telegram: yes`), so
/// the username must look like one: a digit, an `_` or an inner `.` in it.
/// `IG: @priya` is left to [`HandleDetector`].
#[derive(Debug)]
pub(crate) struct NamedHandleDetector;

impl Detector for NamedHandleDetector {
    fn kinds(&self) -> &[Kind] {
        // A Gmail username is an e-mail address (see the module docs).
        &[Kind::SocialHandle, Kind::Email]
    }

    fn trigger(&self) -> Trigger {
        Trigger::AppColon
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let Some((app, named)) = named_app_before_colon(text, span.start) else {
            return;
        };
        let mut start = span.end;
        while start < text.len() && start < span.end + 3 && text[start] == b' ' {
            start += 1;
        }
        let Some(end) = handle_end(text, start) else {
            return;
        };
        let handle = &text[start..end];
        let looks_like_a_username = handle
            .iter()
            .any(|&b| b.is_ascii_digit() || b == b'_' || b == b'.')
            || (named && plausible_plain_username(handle) && ends_the_answer(text, end));
        if looks_like_a_username {
            push_bare(app, text, start, end, out);
        }
    }
}

/// A username written bare right after its app's name, no `@` and no
/// colon, when it holds a digit: `add LINE shop88`, `telegram ravi_k88`,
/// `ไลน์ไอดี shop88`, `line id shop88`. Its digits bring it here (a span
/// glued to the letters before it); without a digit nothing would.
///
/// Only the app's name right before it (one name word may stand between)
/// counts, and the username must open with a letter (`tg 2pcs` is a
/// quantity), with two characters and a lower-case letter before its
/// digits (`IG ABC123` is a code) and three letters in all. Reported from
/// its first digit run, at the bare form's confidence.
#[derive(Debug)]
pub(crate) struct GluedHandleDetector;

impl Detector for GluedHandleDetector {
    fn kinds(&self) -> &[Kind] {
        // A Gmail username is an e-mail address (see the module docs).
        &[Kind::SocialHandle, Kind::Email]
    }

    fn trigger(&self) -> Trigger {
        Trigger::Numeric
    }

    fn glued_only(&self) -> bool {
        true
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // Letters (and `_ . -`) glued before the digits: the username's
        // start, if it is one.
        let back = text[span.start.saturating_sub(MAX_HANDLE)..span.start]
            .iter()
            .rev()
            .take_while(|&&b| is_handle_byte(b))
            .count();
        if back == 0 {
            return;
        }
        let start = span.start - back;
        let token = &text[start..span.start];
        // From its first digit run, opening with a letter, after a space
        // (a `:` before it is the colon form's, an `@` the `@` form's).
        // Codes in capitals (`ABCPE1234F`, `GHA-712…`) are IDs and orders:
        // a username typed bare has a lower-case letter before its digits.
        if back < 2
            || !token[0].is_ascii_alphabetic()
            || token.iter().any(u8::is_ascii_digit)
            || !token.iter().any(u8::is_ascii_lowercase)
            || start == 0
            || text[start - 1] != b' '
        {
            return;
        }
        named_bare_handle(text, start, out);
    }
}

/// Whether the word ending at `end` is the whole answer: the line, the
/// sentence or the clause ends after it (`LINE ID: somchai`, `…: somchai,
/// thanks`), rather than a sentence going on (`IG id: not sure yet`).
fn ends_the_answer(text: &[u8], end: usize) -> bool {
    let rest = &text[end..];
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    match rest.get(spaces) {
        None => true,
        Some(b) => {
            matches!(b, b'\n' | b'\r' | b',' | b'.' | b'!' | b'?' | b';' | b')') || *b >= 0x80
        }
    }
}

/// Reports the bare username at `start` if an app is named right before.
#[inline(never)]
fn named_bare_handle(text: &[u8], start: usize, out: &mut Vec<Finding>) {
    let Some(app) = app_word_before(text, start, true) else {
        return;
    };
    let Some(end) = handle_end(text, start) else {
        return;
    };
    let letters = text[start..end]
        .iter()
        .filter(|b| b.is_ascii_alphabetic())
        .count();
    if letters >= 3 {
        push_bare(app, text, start, end, out);
    }
}

/// Reports the username written without its `@` at `start..end` (as
/// [`handle_end`] found it), unless it is cut short: a link's scheme, a
/// time or the start of a path goes on after it.
fn push_bare(app: &str, text: &[u8], start: usize, end: usize, out: &mut Vec<Finding>) {
    if !matches!(text.get(end), Some(b':' | b'/' | b'\\')) {
        if let Some(mut found) = finding(app, start, end, &text[start..end]) {
            found.confidence = BARE_CONFIDENCE;
            out.push(found);
        }
    }
}

/// Sites whose profile links are `host/@username`, and their apps.
const AT_LINK_HOSTS: &[(&str, &str)] = &[
    ("tiktok.com", "tiktok"),
    ("youtube.com", "youtube"),
    ("threads.net", "instagram"),
    ("threads.com", "instagram"),
    // LINE's add-friend links for official accounts.
    ("line.me/ti/p", "line"),
    ("line.me/R/ti/p", "line"),
];

/// A site whose profile links are `host/username` (or `host/path/username`).
struct ProfileHost {
    host: &'static str,
    app: &'static str,
    /// What stands between the host's `/` and the username
    /// (`linkedin.com/in/…`), in lower case; most sites have nothing.
    path: &'static str,
    /// First path segments that are the site's own pages, not usernames.
    pages: &'static [&'static str],
}

#[rustfmt::skip]
static PROFILE_HOSTS: &[ProfileHost] = &[
    ProfileHost {
        host: "t.me",
        app: "telegram",
        path: "",
        pages: &[
            "joinchat", "addstickers", "addemoji", "addlist", "addtheme", "share", "s", "c",
            "m", "iv", "proxy", "socks", "setlanguage", "login", "contact", "boost",
            "giftcode", "invoice", "bg",
        ],
    },
    ProfileHost {
        host: "telegram.me",
        app: "telegram",
        path: "",
        pages: &["joinchat", "addstickers", "share", "s", "c"],
    },
    ProfileHost {
        host: "instagram.com",
        app: "instagram",
        path: "",
        pages: &[
            "p", "reel", "reels", "stories", "explore", "tv", "accounts", "direct", "about",
            "legal", "developer", "web", "s", "share", "ar",
        ],
    },
    ProfileHost {
        host: "instagr.am",
        app: "instagram",
        path: "",
        pages: &["p", "reel", "tv"],
    },
    ProfileHost {
        host: "m.me",
        app: "facebook",
        path: "",
        pages: &["j", "ch", "join"],
    },
    ProfileHost {
        host: "facebook.com",
        app: "facebook",
        path: "",
        pages: FACEBOOK_PAGES,
    },
    ProfileHost {
        host: "fb.com",
        app: "facebook",
        path: "",
        pages: FACEBOOK_PAGES,
    },
    ProfileHost {
        host: "x.com",
        app: "twitter",
        path: "",
        pages: X_PAGES,
    },
    ProfileHost {
        host: "twitter.com",
        app: "twitter",
        path: "",
        pages: X_PAGES,
    },
    ProfileHost {
        host: "linkedin.com",
        app: "linkedin",
        path: "in/",
        pages: &[],
    },
    ProfileHost {
        host: "line.me",
        app: "line",
        path: "ti/p/~",
        pages: &[],
    },
    ProfileHost {
        host: "snapchat.com",
        app: "snapchat",
        path: "add/",
        pages: &[],
    },
    // A WhatsApp Business account's short link (Settings, Business tools,
    // Short link): it opens a chat with the account's own number, and
    // stands for it where the number is not written. `wa.me/<number>` is
    // a phone number (the phone detector's); a group's invite
    // (`chat.whatsapp.com/…`) is no one's handle.
    ProfileHost {
        host: "wa.me",
        app: "whatsapp",
        path: "message/",
        pages: &[],
    },
    // Where the short link leads.
    ProfileHost {
        host: "api.whatsapp.com",
        app: "whatsapp",
        path: "message/",
        pages: &[],
    },
];

/// X's (Twitter's) own pages (`x.com/home`, `x.com/i/status/…`).
#[rustfmt::skip]
const X_PAGES: &[&str] = &[
    "home", "explore", "search", "i", "intent", "share", "hashtag", "settings", "messages",
    "notifications", "login", "logout", "signup", "tos", "privacy", "compose", "jobs",
    "about", "download",
];

/// Facebook's own pages, groups, posts and tools (`facebook.com/groups/…`,
/// `facebook.com/share/…`); `profile.php?id=…` names a person by a number,
/// not a username, and is not read.
#[rustfmt::skip]
const FACEBOOK_PAGES: &[&str] = &[
    "groups", "pages", "events", "watch", "marketplace", "gaming", "photo", "photos",
    "photo.php", "story.php", "permalink.php", "profile.php", "share", "sharer", "sharer.php",
    "reel", "reels", "videos", "login", "login.php", "help", "policies", "privacy", "ads",
    "business", "hashtag", "notes", "messages", "friends", "search", "settings", "home.php",
    "l.php", "dialog", "plugins", "stories", "live", "fundraisers", "media", "posts", "p",
];

/// The profile host that ends right before the `/` at `slash`: the whole
/// host (not `pat.me/`), in any ASCII case.
fn host_before(text: &[u8], slash: usize) -> Option<&'static ProfileHost> {
    PROFILE_HOSTS
        .iter()
        .find(|site| ends_with_host(&text[..slash], site.host))
}

/// Whether `before` ends with the whole host `host` (not `pat.me`), in any
/// ASCII case.
fn ends_with_host(before: &[u8], host: &str) -> bool {
    let host = host.as_bytes();
    let Some(at) = before.len().checked_sub(host.len()) else {
        return false;
    };
    before[at..].eq_ignore_ascii_case(host)
        && before[..at]
            .last()
            .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
        && !bullet_before(before, at)
        && !site_subdomain_before(&before[..at])
}

/// Subdomains where a site keeps its own pages, not its users' profiles
/// (`developers.facebook.com/blog/…`, `business.facebook.com/…`). Profile
/// links come under `www.`, `m.`, `web.`, a country's or a language's
/// subdomain (`in.linkedin.com/in/…`, `de-de.facebook.com/…`), or none.
#[rustfmt::skip]
const SITE_SUBDOMAINS: &[&str] = &[
    "developers", "developer", "business", "about", "help", "support", "blog", "engineering",
    "newsroom", "investor", "investors", "transparency", "api", "graph", "apps", "ads",
    "status", "docs", "l", "lm", "careers", "legal", "media", "brand", "design", "research",
    "security", "upload", "static", "cdn",
];

/// Whether `before` (the text before a host) ends with one of the
/// [`SITE_SUBDOMAINS`] and its dot.
fn site_subdomain_before(before: &[u8]) -> bool {
    let Some(dot) = before.len().checked_sub(1).filter(|&i| before[i] == b'.') else {
        return false;
    };
    // Read back one byte past the longest of them (`transparency`): a
    // longer label is none of them, and a run of letters costs no more.
    const LONGEST: usize = 12;
    let len = before[..dot]
        .iter()
        .rev()
        .take(LONGEST + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let label = &before[dot - len..dot];
    SITE_SUBDOMAINS
        .iter()
        .any(|s| label.eq_ignore_ascii_case(s.as_bytes()))
}

/// Whether the `/` at `i` ends a profile link's host (`t.me/`,
/// `instagram.com/`): the prefilter's test for [`Trigger::LinkSlash`].
#[inline]
pub(crate) fn is_profile_link_slash(text: &[u8], i: usize) -> bool {
    // Every host ends in `e`, `m` (`t.me`, `.com`, `.am`).
    i > 0 && matches!(text[i - 1] | 0x20, b'e' | b'm') && host_before(text, i).is_some()
}

/// A username in a profile link: `t.me/ravi_k`, `instagram.com/priya.styles`,
/// `m.me/ravi.kumar` (the username, as the `@` form reports it).
#[derive(Debug)]
pub(crate) struct ProfileLinkDetector;

impl Detector for ProfileLinkDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::SocialHandle]
    }

    fn trigger(&self) -> Trigger {
        Trigger::LinkSlash
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        let slash = span.start;
        let Some(site) = host_before(text, slash) else {
            return;
        };
        let path = site.path.as_bytes();
        if !text
            .get(slash + 1..slash + 1 + path.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(path))
        {
            return;
        }
        let start = slash + 1 + path.len();
        let Some(end) = handle_end(text, start) else {
            return;
        };
        let handle = &text[start..end];
        if site
            .pages
            .iter()
            .any(|p| p.as_bytes().eq_ignore_ascii_case(handle))
        {
            return;
        }
        out.extend(finding(site.app, start, end, handle));
    }
}

/// A handle of `app` at `start..end`; under Gmail's name, its address, if
/// Gmail accepts the name.
fn finding(app: &str, start: usize, end: usize, handle: &[u8]) -> Option<Finding> {
    // ASCII by construction (see `handle_end`).
    let lower = handle.iter().map(|b| char::from(b.to_ascii_lowercase()));
    let (kind, normalized) = if app == GMAIL {
        if !is_gmail_username(handle) {
            return None;
        }
        (Kind::Email, lower.chain("@gmail.com".chars()).collect())
    } else {
        let mut normalized = String::with_capacity(app.len() + 1 + handle.len());
        normalized.push_str(app);
        normalized.push(':');
        normalized.extend(lower);
        (Kind::SocialHandle, normalized)
    };
    Some(Finding {
        kind,
        start,
        end,
        confidence: CONFIDENCE,
        normalized,
    })
}

/// Whether Gmail accepts `name` as a username: six to 30 ASCII letters,
/// digits and dots, not opening or closing with a dot nor holding two in a
/// row (Google's rules for a new account; no `_` or `-`).
fn is_gmail_username(name: &[u8]) -> bool {
    (6..=30).contains(&name.len())
        && name.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'.')
        && name.first() != Some(&b'.')
        && name.last() != Some(&b'.')
        && !name.windows(2).any(|w| w == b"..")
}

/// Letters, digits and the combining marks of the scripts app names are
/// written in (Thai's `ไลน์` ends in one).
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c)
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Whether `word` is the app name `name`: the same word in any ASCII case,
/// or, for names written in scripts without spaces between words, the end
/// of the word (`加我微信`, `แอดไลน์`).
fn names(name: &str, word: &[u8]) -> bool {
    if name.is_ascii() {
        name.as_bytes().eq_ignore_ascii_case(word)
    } else {
        word.ends_with(name.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};

    /// `(matched text, normalized)` of every handle found in `text`.
    fn handles(text: &str) -> Vec<(String, String)> {
        let scanner = Scanner::builder()
            .kinds([Kind::SocialHandle, Kind::Email])
            .build()
            .unwrap();
        scanner
            .scan(text)
            .into_iter()
            .filter(|f| f.kind == Kind::SocialHandle)
            .map(|f| (text[f.range()].to_string(), f.normalized))
            .collect()
    }

    #[test]
    fn a_handle_after_its_apps_name() {
        for (text, handle, normalized) in [
            ("telegram @Ravi_K", "@Ravi_K", "telegram:ravi_k"),
            ("tg: @ravi_k pe message karo", "@ravi_k", "telegram:ravi_k"),
            (
                "find me on IG, user @priya.styles.",
                "@priya.styles",
                "instagram:priya.styles",
            ),
            ("Instagram - @priya_88!", "@priya_88", "instagram:priya_88"),
            ("IG @priya.shop", "@priya.shop", "instagram:priya.shop"),
            (
                "حسابي انستا @noura_store",
                "@noura_store",
                "instagram:noura_store",
            ),
            (
                "add me on snapchat my username is @sam-j",
                "@sam-j",
                "snapchat:sam-j",
            ),
            ("snap @sam_j", "@sam_j", "snapchat:sam_j"),
            ("Line: @shop88", "@shop88", "line:shop88"),
            ("line id @shop88", "@shop88", "line:shop88"),
            ("แอดไลน์ @shop88 ได้เลย", "@shop88", "line:shop88"),
            ("加我微信 @wx_li88，谢谢", "@wx_li88", "wechat:wx_li88"),
            ("카톡 @kim_store", "@kim_store", "kakaotalk:kim_store"),
            (
                "пиши в телеграм @ivan_petrov",
                "@ivan_petrov",
                "telegram:ivan_petrov",
            ),
            (
                "see tiktok.com/@ravi.k for more",
                "@ravi.k",
                "tiktok:ravi.k",
            ),
            (
                "fb (@ravi.kumar.5)",
                "@ravi.kumar.5",
                "facebook:ravi.kumar.5",
            ),
        ] {
            assert_eq!(
                handles(text),
                [(handle.to_string(), normalized.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn a_mention_an_address_or_another_sentence_is_no_handle() {
        for text in [
            // No app named: a mention.
            "thanks @ravi_k",
            "@priya pls check",
            // An e-mail address, written whole or spaced.
            "telegram ravi@gmail.com",
            "telegram @gmail.com",
            "ig @shop.co.in",
            "ig @ravi@gmail.com",
            // `line` and `snap` are words too.
            "the queue line is long, ask @ravi",
            "snap a photo and send @priya",
            // The app in another sentence, after a number, too far back.
            "I saw it on telegram. @ravi can you check",
            "telegram 3 days ago @ravi",
            "telegram is what my friend and his sister use @ravi",
            // A time.
            "see you on telegram @5pm",
            "ig live @10am tomorrow",
            // A group mention.
            "posted it on telegram @everyone",
            "ig @All check the reel",
            // Too short, no letter, an encoded `@`.
            "telegram @r",
            "telegram @12345",
            "telegram %40ravi_k",
            // Another site's link.
            "medium.com/@ravi",
        ] {
            assert!(handles(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_username_in_a_profile_link() {
        for (text, handle, normalized) in [
            ("join me t.me/Ravi_K", "Ravi_K", "telegram:ravi_k"),
            ("https://t.me/ravi_k?start=1", "ravi_k", "telegram:ravi_k"),
            ("https://telegram.me/ravi_k", "ravi_k", "telegram:ravi_k"),
            (
                "see www.instagram.com/priya.styles/ for designs",
                "priya.styles",
                "instagram:priya.styles",
            ),
            ("Instagram.com/priya_88.", "priya_88", "instagram:priya_88"),
            (
                "msg me m.me/ravi.kumar.5",
                "ravi.kumar.5",
                "facebook:ravi.kumar.5",
            ),
            (
                "https://www.facebook.com/Ravi.Kumar.5?mibextid=ZbWKwL",
                "Ravi.Kumar.5",
                "facebook:ravi.kumar.5",
            ),
            (
                "fb.com/priya.styles",
                "priya.styles",
                "facebook:priya.styles",
            ),
            ("my twitter x.com/Ravi_K", "Ravi_K", "twitter:ravi_k"),
            (
                "https://twitter.com/priya_styles/status/1",
                "priya_styles",
                "twitter:priya_styles",
            ),
            (
                "https://www.linkedin.com/in/ravi-kumar-123/",
                "ravi-kumar-123",
                "linkedin:ravi-kumar-123",
            ),
            ("snapchat.com/add/ravi_k22", "ravi_k22", "snapchat:ravi_k22"),
            (
                "in.linkedin.com/in/ravi-kumar-123",
                "ravi-kumar-123",
                "linkedin:ravi-kumar-123",
            ),
            (
                "https://mobile.twitter.com/priya_styles",
                "priya_styles",
                "twitter:priya_styles",
            ),
            ("youtube.com/@RaviStore", "@RaviStore", "youtube:ravistore"),
            ("https://line.me/ti/p/~shop88", "shop88", "line:shop88"),
            ("line.me/R/ti/p/@shop88", "@shop88", "line:shop88"),
            (
                "threads.net/@priya.styles",
                "@priya.styles",
                "instagram:priya.styles",
            ),
            (
                "order on my whatsapp https://wa.me/message/2V4BUOC3LIGNH1",
                "2V4BUOC3LIGNH1",
                "whatsapp:2v4buoc3lignh1",
            ),
            (
                "api.whatsapp.com/message/2V4BUOC3LIGNH1?autoload=1&app_absent=0",
                "2V4BUOC3LIGNH1",
                "whatsapp:2v4buoc3lignh1",
            ),
        ] {
            assert_eq!(
                handles(text),
                [(handle.to_string(), normalized.to_string())],
                "{text}"
            );
        }
        for text in [
            // The sites' own pages, an invite, another host.
            "instagram.com/p/CxYz123abc",
            "instagram.com/reel/CxYz123abc",
            "t.me/joinchat/AAAAAE",
            "t.me/+AbCdEf123",
            // A group's invite, a catalogue, a number's link without one.
            "chat.whatsapp.com/AbCdEf123456",
            "wa.me/c/919876543210",
            "wa.me/message/",
            "wa.me/messages/2V4BUOC3LIGNH1",
            "t.me/s/channel",
            "facebook.com/groups/123456789",
            "https://www.facebook.com/share/p/1AbCdEfGh/",
            "facebook.com/profile.php?id=100012345678901",
            "facebook.com/marketplace/item/123",
            "pat.me/ravi_k",
            "format.me/ravi",
            "box.com/ravi_k",
            "see the 1/2 and/or 3 x/y",
            "x.com/home",
            "x.com/i/status/1234567890",
            "twitter.com/search?q=sale",
            "linkedin.com/company/acme",
            "linkedin.com/ravi",
            "snapchat.com/ravi_k",
            // Found in public WhatsApp exports: an AR effect, a group
            // invitation, a site's own subdomain.
            "https://www.instagram.com/ar/416934036653581/?ch=YWUw",
            "https://m.me/join/AbaZG1LK1ZelKZog",
            "https://developers.facebook.com/blog/post/v2/2019/04/30/",
            "business.facebook.com/latest/inbox",
        ] {
            assert!(handles(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_bare_username_after_the_apps_name_and_a_colon() {
        for (text, handle, normalized) in [
            ("LINE ID: shop88", "shop88", "line:shop88"),
            ("ID Line: shop88 ya kak", "shop88", "line:shop88"),
            ("ไลน์ไอดี: shop88 นะคะ", "shop88", "line:shop88"),
            ("snapchat: ravi_k22", "ravi_k22", "snapchat:ravi_k22"),
            ("IG:priya.styles", "priya.styles", "instagram:priya.styles"),
            (
                "ig : priya.styles.",
                "priya.styles",
                "instagram:priya.styles",
            ),
            ("WeChat ID: wx_li88, thanks", "wx_li88", "wechat:wx_li88"),
            ("微信号：wx_li88", "wx_li88", "wechat:wx_li88"),
            ("카톡 아이디: kim_store", "kim_store", "kakaotalk:kim_store"),
            (
                "facebook: Ravi.Kumar.5",
                "Ravi.Kumar.5",
                "facebook:ravi.kumar.5",
            ),
            ("سنابي: noura_22", "noura_22", "snapchat:noura_22"),
            ("IG: priya.shop", "priya.shop", "instagram:priya.shop"),
        ] {
            assert_eq!(
                handles(text),
                [(handle.to_string(), normalized.to_string())],
                "{text}"
            );
        }
        // The `@` form is reported once, by its own detector.
        assert_eq!(
            handles("Line ID: @shop88"),
            [("@shop88".to_string(), "line:shop88".to_string())]
        );
        for text in [
            // Words, not usernames.
            "Telegram: yes please",
            "Instagram: the best app for shops",
            "IG: priya",
            // A number, a time, a link, an address, a domain.
            "LINE: 0812345678",
            "tg: 10:30 tomorrow",
            "IG: https://www.example.org",
            "telegram: ravi@gmail.com",
            "insta: gmail.com",
            // No app's name before the colon, or too far before.
            "Note: ravi_k22",
            "telegram is where we talk, note: ravi_k22",
            "ig   : ravi_k22",
        ] {
            assert!(handles(text).is_empty(), "{text}");
        }
        let scanner = Scanner::builder().build().unwrap();
        let found = scanner.scan("LINE ID: shop88");
        assert_eq!(found[0].confidence, super::BARE_CONFIDENCE);
    }

    /// After a name word (`LINE ID:`, `insta username:`) the word after
    /// the colon is the username even in letters only, as Thai LINE IDs
    /// often are, when it is the whole answer and not a word that answers
    /// otherwise.
    #[test]
    fn a_plain_username_after_a_name_word_and_a_colon() {
        for (text, handle, normalized) in [
            ("LINE ID: somchai", "somchai", "line:somchai"),
            ("ไลน์ไอดี: somchai นะคะ", "somchai", "line:somchai"),
            ("ID Line: Somchai, ya", "Somchai", "line:somchai"),
            (
                "insta username: priyastyles, thanks",
                "priyastyles",
                "instagram:priyastyles",
            ),
            (
                "telegram id: ravikumar\nok",
                "ravikumar",
                "telegram:ravikumar",
            ),
        ] {
            assert_eq!(
                handles(text),
                [(handle.to_string(), normalized.to_string())],
                "{text}"
            );
        }
        for text in [
            "LINE ID: none",
            "IG id: same as whatsapp",
            "telegram id: will send later",
            "LINE ID: ok",
            "IG: priya",
            "Telegram: yes",
        ] {
            assert!(handles(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_bare_username_with_digits_right_after_the_apps_name() {
        for (text, handle, normalized) in [
            ("add LINE shop88", "shop88", "line:shop88"),
            ("line id shop88 na", "shop88", "line:shop88"),
            ("แอดไลน์ shop88 นะคะ", "shop88", "line:shop88"),
            ("SNAP ravi_k22", "ravi_k22", "snapchat:ravi_k22"),
            ("my insta priya_88 follow", "priya_88", "instagram:priya_88"),
            (
                "telegram ravi_k88 pe message karo",
                "ravi_k88",
                "telegram:ravi_k88",
            ),
            ("wechat wx_li88", "wx_li88", "wechat:wx_li88"),
            ("fb ravi.kumar.5", "ravi.kumar.5", "facebook:ravi.kumar.5"),
            ("tg shop88abc", "shop88abc", "telegram:shop88abc"),
            ("my insta is priya_88", "priya_88", "instagram:priya_88"),
            ("telegram is ravi_k88", "ravi_k88", "telegram:ravi_k88"),
            (
                "my twitter handle is elon_m42",
                "elon_m42",
                "twitter:elon_m42",
            ),
            ("LINE id is shop88", "shop88", "line:shop88"),
            ("mi insta es juan_92", "juan_92", "instagram:juan_92"),
            (
                "meu insta é joao_92 me segue",
                "joao_92",
                "instagram:joao_92",
            ),
        ] {
            assert_eq!(
                handles(text),
                [(handle.to_string(), normalized.to_string())],
                "{text}"
            );
        }
        for text in [
            // `line` and `snap` in lower case are words.
            "stand in line a12",
            "line item2 missing",
            "snap ravi_k22",
            // A quantity, a code in capitals, too few letters, no app right
            // before.
            "tg 2pcs",
            "telegram ABC123",
            "telegram ab1",
            // The verb stands right before the username, the app right
            // before the verb (and `line`, `snap` still need capitals or a
            // name word).
            "telegram group is ravi_k88",
            "the line is busy2day",
            "my snap is ravi_k22",
            "insta is 2day",
            // An address, a link, a number.
            "telegram ravi88@gmail.com",
            "telegram ravi88.com",
            "telegram 98765 43210",
        ] {
            assert!(handles(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn masked_handles_are_not_read_again() {
        let scanner = Scanner::builder().build().unwrap();
        for text in [
            "telegram @Ravi_K",
            "IG @priya.styles",
            "tiktok.com/@ravi.k",
            "t.me/priya_k",
            "instagram.com/priya.styles",
            "LINE ID: priya_88",
            "insta priya_88",
            "微信号：priya.88",
            "x.com/priya_k",
        ] {
            let masked = scanner.redact(text).unwrap();
            assert!(!masked.contains("priya"), "{masked}");
            assert!(scanner.scan(&masked).is_empty(), "{masked}");
            assert_eq!(scanner.redact(&masked).unwrap(), masked);
        }
        // What was glued to a masked value is read again as it was the
        // first time (the hosts, app names and handles beside it).
        for text in [
            "passport J8369854x.com/priya_k",
            "passport J8369854telegram @priya_k",
            "passport J8369854LINE ID: priya_88",
            "passport J8369854 LINE shop88",
            "telegram @ravi_kcédula 171234567-5",
            // A mention after a masked value is no more the app's than it
            // was after the value (found by the stream property test).
            "微信号：wx_li88 at @ravi . kumar @ gmail . com",
        ] {
            let masked = scanner.redact(text).unwrap();
            assert_eq!(scanner.redact(&masked).unwrap(), masked, "{text}");
        }
    }

    /// A Gmail username named by the service is its address
    /// (`ravi.kumar88@gmail.com`), reported as an e-mail address.
    #[test]
    fn a_gmail_username_is_an_address() {
        let scanner = Scanner::builder()
            .kinds([Kind::SocialHandle, Kind::Email])
            .build()
            .unwrap();
        let emails = |text: &str| -> Vec<(String, String)> {
            scanner
                .scan(text)
                .into_iter()
                .map(|f| {
                    assert_eq!(f.kind, Kind::Email, "{text}");
                    (text[f.range()].to_string(), f.normalized)
                })
                .collect()
        };
        for (text, name, address) in [
            (
                "my gmail is ravi.kumar88",
                "ravi.kumar88",
                "ravi.kumar88@gmail.com",
            ),
            (
                "my Gmail id RaviKumar88 pls",
                "RaviKumar88",
                "ravikumar88@gmail.com",
            ),
            ("gmail id: ravikumar", "ravikumar", "ravikumar@gmail.com"),
            (
                "Gmail: ravi.kumar88",
                "ravi.kumar88",
                "ravi.kumar88@gmail.com",
            ),
            (
                "mi gmail es juanperez92",
                "juanperez92",
                "juanperez92@gmail.com",
            ),
            (
                "meu gmail é joao.silva92",
                "joao.silva92",
                "joao.silva92@gmail.com",
            ),
            // Written whole, it is the plain address.
            (
                "gmail: ravi.kumar88@gmail.com",
                "ravi.kumar88@gmail.com",
                "ravi.kumar88@gmail.com",
            ),
        ] {
            assert_eq!(
                emails(text),
                [(name.to_string(), address.to_string())],
                "{text}"
            );
        }
        for text in [
            // Names Gmail does not accept: `_`, two dots, too short.
            "gmail ravi_kumar88",
            "gmail: ravi..kumar88",
            "gmail: rk.88",
            "gmail ab12",
            // Not a name, or no answer.
            "gmail 12345678",
            "gmail id: none",
            "login with gmail: yes",
            "my gmail password is abcd1234",
            // After an `@`, a mention.
            "gmail @ravikumar88",
        ] {
            assert!(emails(text).is_empty(), "{text}: {:?}", emails(text));
        }
        // The domain of an address before a colon names no app (found by
        // the redaction property test): the address alone.
        let text = "email ravi.kumar@gmail:a00A0a";
        assert_eq!(emails(text).len(), 1, "{text}: {:?}", emails(text));
        assert!(super::is_gmail_username(b"ravi.kumar.88"));
        for name in [
            &b".ravikumar"[..],
            b"ravikumar.",
            b"ravi-kumar",
            b"abcde",
            &[b'a'; 31],
        ] {
            assert!(!super::is_gmail_username(name));
        }
    }
}
