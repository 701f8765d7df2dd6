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
//! handle (`Line: @shop88`, `line id @shop88`). A TikTok link
//! (`tiktok.com/@ravi`) names its app itself. Without an app's name,
//! `@name` is a mention and stays unreported.
//!
//! Profile links name their app by their host: `t.me/ravi_k`,
//! `telegram.me/…`, `instagram.com/priya.styles`, `instagr.am/…`,
//! `m.me/ravi.kumar` (Messenger), `facebook.com/ravi.kumar.5`, `fb.com/…`.
//! They hold no digit or `@`, so the
//! scanner's prefilter stops at a `/` too when this kind is asked for, and
//! confirms the host before it ([`is_profile_link_slash`]); a first path
//! segment that is the site's own page (`instagram.com/p/…`,
//! `t.me/joinchat/…`, `facebook.com/groups/…`) is no username. Other
//! sites' links (`x.com/…`) are not read.
//!
//! The handle: ASCII letters, digits, `_`, `.` and `-` (the union of what
//! the apps allow), two to 32 of them with at least one letter (three
//! after a leading digit: `@5pm` is a time, `@9gag` a name), not
//! glued to a word before the `@` (that is an e-mail address) nor going on
//! to another `@`, not a domain (`@gmail.com`: its last label a top-level
//! domain), and not a group mention (`@everyone`, `@all`). Normalized as
//! `app:handle` in lower case, the apps' usernames being case-insensitive,
//! so that `tg @Ravi_K` and `telegram @ravi_k` are one value to the guard.

use super::{email, Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::{char_before, is_alphanumeric};

/// An app named right before a well-formed username.
const CONFIDENCE: f32 = 0.9;
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

static APP_NAMES: &[AppName] = &[
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
    app("discord", "discord"),
    app("skype", "skype"),
];

/// What follows an `@` in group chats to call everyone, not a person.
const GROUP_MENTIONS: &[&str] = &["everyone", "here", "all", "channel", "admin", "admins"];

/// Words that may follow a `right_before` app name before the handle
/// (`line id @…`).
const NAME_WORDS: &[&str] = &["id", "user", "username", "handle"];

#[derive(Debug)]
pub(crate) struct HandleDetector;

impl Detector for HandleDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::SocialHandle]
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
        if at > 0 && is_handle_byte(text[at - 1]) {
            return;
        }
        let Some(end) = handle_end(text, at + 1) else {
            return;
        };
        let Some(app) = app_before(text, at) else {
            return;
        };
        // The `@` with the username: the span a mask covers.
        out.push(finding(app, at, end, &text[at + 1..end]));
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
        && !handle
            .rsplit(|&b| b == b'.')
            .next()
            .filter(|_| handle.contains(&b'.'))
            .is_some_and(email::is_top_level_domain);
    ok.then_some(end)
}

/// The app named before the `@` at `at`, if any (see the module docs).
fn app_before(text: &[u8], at: usize) -> Option<&'static str> {
    let before = &text[..at];
    match before.last() {
        None => return None,
        Some(b'/') => {
            let link = before.len().saturating_sub(b"tiktok.com/".len());
            return before[link..]
                .eq_ignore_ascii_case(b"tiktok.com/")
                .then_some("tiktok");
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
        if word.iter().any(u8::is_ascii_digit) {
            return None;
        }
        if let Some(name) = APP_NAMES.iter().find(|n| names(n.word, word)) {
            if !name.right_before || only_name_words {
                return Some(name.app);
            }
        }
        only_name_words &= NAME_WORDS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word));
        words_between += 1;
        if words_between > MAX_WORDS_BETWEEN {
            return None;
        }
        end = start;
    }
}

/// A site whose profile links are `host/username`.
struct ProfileHost {
    host: &'static str,
    app: &'static str,
    /// First path segments that are the site's own pages, not usernames.
    pages: &'static [&'static str],
}

#[rustfmt::skip]
static PROFILE_HOSTS: &[ProfileHost] = &[
    ProfileHost {
        host: "t.me",
        app: "telegram",
        pages: &[
            "joinchat", "addstickers", "addemoji", "addlist", "addtheme", "share", "s", "c",
            "m", "iv", "proxy", "socks", "setlanguage", "login", "contact", "boost",
            "giftcode", "invoice", "bg",
        ],
    },
    ProfileHost {
        host: "telegram.me",
        app: "telegram",
        pages: &["joinchat", "addstickers", "share", "s", "c"],
    },
    ProfileHost {
        host: "instagram.com",
        app: "instagram",
        pages: &[
            "p", "reel", "reels", "stories", "explore", "tv", "accounts", "direct", "about",
            "legal", "developer", "web", "s", "share",
        ],
    },
    ProfileHost {
        host: "instagr.am",
        app: "instagram",
        pages: &["p", "reel", "tv"],
    },
    ProfileHost {
        host: "m.me",
        app: "facebook",
        pages: &["j", "ch"],
    },
    ProfileHost {
        host: "facebook.com",
        app: "facebook",
        pages: FACEBOOK_PAGES,
    },
    ProfileHost {
        host: "fb.com",
        app: "facebook",
        pages: FACEBOOK_PAGES,
    },
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
    let before = &text[..slash];
    PROFILE_HOSTS.iter().find(|site| {
        let host = site.host.as_bytes();
        before.len() >= host.len()
            && before[before.len() - host.len()..].eq_ignore_ascii_case(host)
            && before[..before.len() - host.len()]
                .last()
                .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
    })
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
        let start = slash + 1;
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
        out.push(finding(site.app, start, end, handle));
    }
}

/// A handle of `app` at `start..end`.
fn finding(app: &str, start: usize, end: usize, handle: &[u8]) -> Finding {
    let mut normalized = String::with_capacity(app.len() + 1 + handle.len());
    normalized.push_str(app);
    normalized.push(':');
    // ASCII by construction (see `handle_end`).
    normalized.extend(handle.iter().map(|b| char::from(b.to_ascii_lowercase())));
    Finding {
        kind: Kind::SocialHandle,
        start,
        end,
        confidence: CONFIDENCE,
        normalized,
    }
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
            "t.me/s/channel",
            "facebook.com/groups/123456789",
            "https://www.facebook.com/share/p/1AbCdEfGh/",
            "facebook.com/profile.php?id=100012345678901",
            "facebook.com/marketplace/item/123",
            "pat.me/ravi_k",
            "format.me/ravi",
            "x.com/ravi_k",
            "see the 1/2 and/or 3 x/y",
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
        ] {
            let masked = scanner.redact(text).unwrap();
            assert!(!masked.contains("priya"), "{masked}");
            assert!(scanner.scan(&masked).is_empty(), "{masked}");
            assert_eq!(scanner.redact(&masked).unwrap(), masked);
        }
    }
}
