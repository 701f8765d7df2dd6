//! Values typed in "fancy text": the Latin letters and digits of Unicode's
//! mathematical alphanumeric symbols (`𝐫𝐚𝐯𝐢@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦`, `𝘈𝘉𝘊𝘗𝘌𝟣𝟤𝟥𝟦𝘍`),
//! the letterlike symbols that fill their gaps (`ℊ`, `ℯ`, `ℴ`) and circled
//! letters (`ⓡⓐⓥⓘ`), as stylish-text keyboards type them, and values
//! struck through or underlined by a combining mark after every character
//! (`9̶8̶7̶…`, `r̲a̲v̲i̲@…`): found as the same values in ASCII, with the same normalized form (so the guard
//! matches them to the plain value), masked whole, and masked text is not
//! read again.

mod common;

use common::{scanner, values};
use piimask::{Region, Scanner};

/// The first code point of each style's `A` (then `B` … `Z`, `a` … `z`)
/// among the mathematical alphanumeric symbols, and of its `0` where the
/// style has digits.
const STYLES: [(u32, Option<u32>); 13] = [
    (0x1D400, Some(0x1D7CE)), // bold
    (0x1D434, None),          // italic
    (0x1D468, None),          // bold italic
    (0x1D49C, None),          // script
    (0x1D4D0, None),          // bold script
    (0x1D504, None),          // fraktur
    (0x1D538, Some(0x1D7D8)), // double-struck
    (0x1D56C, None),          // bold fraktur
    (0x1D5A0, Some(0x1D7E2)), // sans-serif
    (0x1D5D4, Some(0x1D7EC)), // sans-serif bold
    (0x1D608, None),          // sans-serif italic
    (0x1D63C, None),          // sans-serif bold italic
    (0x1D670, Some(0x1D7F6)), // monospace
];

/// The letters the mathematical styles leave out, as Unicode's letterlike
/// symbols hold them: `(style's A, letter, symbol)`.
const LETTERLIKE: &[(u32, char, char)] = &[
    (0x1D434, 'h', 'ℎ'),
    (0x1D49C, 'B', 'ℬ'),
    (0x1D49C, 'E', 'ℰ'),
    (0x1D49C, 'F', 'ℱ'),
    (0x1D49C, 'H', 'ℋ'),
    (0x1D49C, 'I', 'ℐ'),
    (0x1D49C, 'L', 'ℒ'),
    (0x1D49C, 'M', 'ℳ'),
    (0x1D49C, 'R', 'ℛ'),
    (0x1D49C, 'e', 'ℯ'),
    (0x1D49C, 'g', 'ℊ'),
    (0x1D49C, 'o', 'ℴ'),
    (0x1D504, 'C', 'ℭ'),
    (0x1D504, 'H', 'ℌ'),
    (0x1D504, 'I', 'ℑ'),
    (0x1D504, 'R', 'ℜ'),
    (0x1D504, 'Z', 'ℨ'),
    (0x1D538, 'C', 'ℂ'),
    (0x1D538, 'H', 'ℍ'),
    (0x1D538, 'N', 'ℕ'),
    (0x1D538, 'P', 'ℙ'),
    (0x1D538, 'Q', 'ℚ'),
    (0x1D538, 'R', 'ℝ'),
    (0x1D538, 'Z', 'ℤ'),
];

/// `plain` with its ASCII letters (and digits, where the style has them
/// and `digits` asks) in the style whose `A` is `letters`, as a fancy-text
/// generator writes it: a letter the style lacks comes from the letterlike
/// symbols.
fn styled(plain: &str, (letters, zero): (u32, Option<u32>), digits: bool) -> String {
    plain
        .chars()
        .map(|c| {
            if let Some(&(_, _, symbol)) = LETTERLIKE
                .iter()
                .find(|&&(style, letter, _)| style == letters && letter == c)
            {
                return symbol;
            }
            let code = match c {
                'A'..='Z' => letters + (c as u32 - 'A' as u32),
                'a'..='z' => letters + 26 + (c as u32 - 'a' as u32),
                '0'..='9' if digits => match zero {
                    Some(zero) => zero + (c as u32 - '0' as u32),
                    None => return c,
                },
                _ => return c,
            };
            char::from_u32(code).unwrap()
        })
        .collect()
}

/// `plain` with its ASCII letters circled (`ⓡⓐⓥⓘ`, `ⒶⒷⒸ`).
fn circled(plain: &str) -> String {
    plain
        .chars()
        .map(|c| match c {
            'A'..='Z' => char::from_u32(0x24B6 + (c as u32 - 'A' as u32)).unwrap(),
            'a'..='z' => char::from_u32(0x24D0 + (c as u32 - 'a' as u32)).unwrap(),
            _ => c,
        })
        .collect()
}

#[test]
fn values_in_every_style_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in common::TEXTS {
        let region = Region::new(region).unwrap();
        let expected = s.scan_in(plain, region);
        assert!(!expected.is_empty(), "{plain}");
        let mut forms: Vec<String> = STYLES
            .iter()
            .flat_map(|&style| [styled(plain, style, true), styled(plain, style, false)])
            .collect();
        forms.push(circled(plain));
        for text in forms {
            let found = s.scan_in(&text, region);
            assert_eq!(values(&found), values(&expected), "{text:?}");
            common::masked_once(&text, region);
        }
    }
}

#[test]
fn a_styled_address_is_masked_and_caught_by_the_guard() {
    let india = Scanner::builder().region("IN").build().unwrap();
    let bold = "mail me at 𝐫𝐚𝐯𝐢.𝐤𝐮𝐦𝐚𝐫@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦 ok";
    let found = india.scan(bold);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].normalized, "ravi.kumar@gmail.com");
    assert_eq!(&bold[found[0].range()], "𝐫𝐚𝐯𝐢.𝐤𝐮𝐦𝐚𝐫@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦");
    let masked = india.redact(bold).unwrap();
    assert!(!masked.contains("𝐤𝐮𝐦𝐚𝐫"), "{masked}");
    assert_eq!(india.redact(&masked).unwrap(), masked);

    common::assert_guard_holds_leak(
        india,
        "my mail is ravi.kumar@gmail.com",
        "his mail 𝓻𝓪𝓿𝓲.𝓴𝓾𝓶𝓪𝓻@𝓰𝓶𝓪𝓲𝓵.𝓬𝓸𝓶",
    );
}

#[test]
fn styled_words_are_read_as_words() {
    // A veto or a phone word in fancy text says what it says plain.
    let india = Scanner::builder().region("IN").build().unwrap();
    assert!(india.scan("𝐨𝐫𝐝𝐞𝐫 𝟗𝟖𝟕𝟔𝟓𝟒𝟑𝟐𝟏𝟎").is_empty());
    assert_eq!(india.scan("𝐜𝐚𝐥𝐥 𝟗𝟖𝟕𝟔𝟓𝟒𝟑𝟐𝟏𝟎").len(), 1);
    // Decoration around no value stays decoration; emoji share the
    // styled letters' lead byte and are no letters.
    for text in ["𝗢𝗳𝗳𝗲𝗿 𝟱𝟬% 𝗼𝗳𝗳 😀🔥 today", "5ℓ water, 20°C", "Ⓜ️ metro 😀"]
    {
        assert!(india.scan(text).is_empty(), "{text}");
        assert_eq!(india.redact(text).unwrap(), text);
    }
}

/// The combining marks that strikethrough and underline generators put
/// after each character.
const LINE_MARKS: [&str; 11] = [
    "\u{336}", "\u{335}", "\u{334}", "\u{337}", "\u{338}", "\u{332}", "\u{333}", "\u{330}",
    "\u{33D}", "\u{353}", "\u{35F}",
];

/// `plain` with `mark` after each ASCII character that `which` selects.
fn lined(plain: &str, mark: &str, which: impl Fn(char) -> bool) -> String {
    plain
        .chars()
        .map(|c| {
            if which(c) {
                format!("{c}{mark}")
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[test]
fn values_struck_through_or_underlined_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in common::TEXTS {
        let region = Region::new(region).unwrap();
        let expected = s.scan_in(plain, region);
        for mark in LINE_MARKS {
            for text in [
                // What a generator writes: every character, spaces too.
                lined(plain, mark, |_| true),
                lined(plain, mark, |c| c.is_ascii_alphanumeric()),
                lined(plain, &format!("{mark}{mark}\u{332}"), |c| {
                    c.is_ascii_digit()
                }),
            ] {
                let found = s.scan_in(&text, region);
                assert_eq!(values(&found), values(&expected), "{text:?}");
                common::masked_once(&text, region);
            }
        }
    }
}

#[test]
fn accents_stay_accents() {
    // A decomposed accent (text copied from macOS, say) is no line mark:
    // `e\u{301}` is `é`, glued to what follows as a letter is.
    let india = Scanner::builder().region("IN").build().unwrap();
    let nfd = "Jose\u{301} 98765 43210 cafe\u{301}";
    assert_eq!(
        values(&india.scan(nfd)),
        values(&india.scan("José 98765 43210 café"))
    );
    // A line mark after something else than a value's character stays.
    for text in ["ok 😀\u{336} fine", "e\u{301}\u{336}9876543210"] {
        assert_eq!(
            values(&india.scan(text)),
            values(&india.scan(&text.replace('\u{336}', ""))),
            "{text:?}"
        );
    }
}
