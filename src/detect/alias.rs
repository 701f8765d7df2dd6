//! Argentina's transfer aliases: `mi alias es juan.perez.mp`, `Alias:
//! GATO.PERRO.CASA`.
//!
//! Why: in Argentina a transfer is asked for by the account's alias, not
//! its 22-digit CBU or CVU (`pasame el alias`). The alias is a name the
//! account's owner or bank chose, registered with the central bank
//! (BCRA) and resolved by every bank and wallet to that one account: it
//! leaks the account as surely as the CBU, and often its owner's name
//! (`juan.perez.mp`). Banks hand out three random words joined by dots
//! (`gato.perro.casa`); Mercado Pago, a name and `.mp`.
//!
//! The BCRA's rule is 6 to 20 characters of letters, digits, `.` and `-`,
//! which any word meets, so an alias counts only after the word `alias`
//! (`alias:`, `mi alias es`, `alias del CBU:`, `te paso el alias para la
//! seña: …`): at most [`MAX_WORDS_BETWEEN`] words between, in the same
//! sentence, on the same line or right under it. And it must hold an
//! inner `.`, as nearly every alias does (bank-issued ones always): `el
//! alias es correcto` names no alias. An alias of letters alone or joined
//! by `-` alone (`juanperez`, `juan-perez`) is therefore missed; a site's
//! name (`www.tienda.com`, `tienda.com.ar`) is no alias.
//!
//! Nothing in an alias is a digit or an `@`, so the scanner's prefilter
//! also stops at a `.` between two letters or digits, and confirms it
//! ([`is_alias_dot`]): the token's first `.`, the token laid out as an
//! alias, `alias` before it. That costs every text with dots (prose's
//! sentence ends, links, addresses), so it is done only in an Argentine
//! conversation (region `AR`), the one country whose transfers go by
//! alias: elsewhere the prefilter's loop is the one without dots, and an
//! alias is not read.
//!
//! Normalized in lower case: banks resolve aliases without regard to
//! case, and the guard then sees `GATO.PERRO.CASA` and `gato.perro.casa`
//! as one value.

use super::{bracketed, Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::marks;
use crate::masked::bullet_before;
use crate::policy::mask::BULLET;
use crate::rewrite::Rewritten;
use crate::text::{char_at, char_before};

/// The word `alias` and the BCRA's layout with an inner dot.
pub(crate) const CONFIDENCE: f32 = 0.9;
const MIN_LEN: usize = 6;
const MAX_LEN: usize = 20;
/// The longest stretch between two words, in bytes.
const MAX_GAP: usize = 64;
/// The longest word, in bytes: an address with a long domain, kept when
/// masked, is one word either way.
const MAX_WORD: usize = 512;
/// How many words may stand between `alias` and the alias (`te paso el
/// alias para la seña: …`, `el alias es el mismo de siempre, …`).
const MAX_WORDS_BETWEEN: usize = 6;

#[derive(Debug)]
pub(crate) struct AliasDetector;

impl Detector for AliasDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::ArCbuAlias]
    }

    fn trigger(&self) -> Trigger {
        Trigger::AliasDot
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // The prefilter confirmed the alias (`is_alias_dot`).
        let Some((start, end)) = alias_around(text, span.start) else {
            return;
        };
        out.push(alias_finding(text, start, end));
    }
}

/// Letters, digits, `-` (1) and `.` (2): what an alias is made of, by
/// table (the prefilter asks at every dot inside a word).
static ALIAS_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'-' {
            table[b] = 1;
        } else if c == b'.' {
            table[b] = 2;
        }
        b += 1;
    }
    table
};

#[inline(always)]
fn is_alias_byte(b: u8) -> bool {
    ALIAS_BYTE[usize::from(b)] != 0
}

/// The alias whose first `.` is at `dot`, as `start..end`, if the token
/// there has the BCRA's layout: 6 to 20 letters, digits, `.` and `-`, at
/// least one letter, an inner `.`, not glued to an address, a link, a
/// mask or a letter of another script. A `.` or `-` after it ends the
/// sentence, not the alias.
fn alias_around(text: &[u8], dot: usize) -> Option<(usize, usize)> {
    let floor = dot.saturating_sub(MAX_LEN);
    let mut start = dot;
    while start > floor && ALIAS_BYTE[usize::from(text[start - 1])] == 1 {
        start -= 1;
    }
    // The token's first dot only (the others are the same alias), and
    // not the tail of a longer token (longer than an alias may be, or in
    // any script: `ر3333.p`), an address (its `@` maybe encoded:
    // `ravi%40mail.example`, `R.K&#x40;example.co`) or a masked value.
    if start == dot
        || crate::text::html_at_sign_ending_at(text, start).is_some()
        || start > 0
            && (matches!(text[start - 1], b'.' | b'@' | b'/' | b'%')
                || is_alias_byte(text[start - 1])
                || bullet_before(text, start)
                || text[start - 1] >= 0x80
                    && char_before(text, start)
                        .0
                        .is_some_and(char::is_alphanumeric))
    {
        return None;
    }
    let last = text.len().min(start + MAX_LEN + 1);
    let mut end = dot + 1;
    while end < last && is_alias_byte(text[end]) {
        end += 1;
    }
    // Glued to an address, a link's path, a letter or digit of another
    // script (`juan.pérez`) or a mask; or too long.
    let glued = match text.get(end) {
        None => false,
        Some(&b) if b < 0x80 => matches!(b, b'@' | b'/') || is_alias_byte(b),
        Some(_) => char_at(text, end)
            .0
            .is_some_and(|c| c.is_alphanumeric() || c == BULLET),
    };
    // A label of a domain written with bracketed dots (`alie@insl.example
    // {.}co[dot]insl.example{.}co`), which a masked address keeps as
    // written: read as an alias there, it would be masked only on
    // redacting again (found by the `redact` fuzz target).
    if glued
        || bracketed::dot_before(text, start).is_some()
        || bracketed::dot_after(text, end).is_some()
    {
        return None;
    }
    // Bounded by `start`: a token of dots and dashes only trims to nothing.
    while end > start && matches!(text[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let alias = &text[start..end];
    let valid = (MIN_LEN..=MAX_LEN).contains(&alias.len())
        && alias[..alias.len() - 1].contains(&b'.')
        && alias.iter().any(u8::is_ascii_alphabetic)
        && !is_domain(alias);
    valid.then_some((start, end))
}

/// Whether the word `alias` stands before `start`: at most
/// [`MAX_WORDS_BETWEEN`] words between, no sentence end (`.`, `!`, `?` or
/// `;` before a space) and at most one line break.
///
/// Bounded by words, not bytes: masking changes a value's length
/// (`juannBRnine[at]e.nine` is `j•••@e.nine`), and a reach in bytes would
/// find `alias` in a redacted text that it missed in the text as written
/// (found by the `redact` fuzz target). Each word and each stretch between
/// two words is bounded ([`MAX_WORD`], [`MAX_GAP`]), so the walk is.
fn alias_word_before(text: &[u8], start: usize) -> bool {
    let mut at = start;
    let mut words = 0;
    let mut breaks = 0;
    loop {
        // Back over what stands between words.
        let floor = at.saturating_sub(MAX_GAP);
        while at > floor {
            let (c, len) = char_before(text, at);
            match c {
                Some(c) if is_word_char(c) => break,
                Some('\n') => {
                    breaks += 1;
                    if breaks > 1 {
                        return false;
                    }
                }
                Some('.' | '!' | '?' | ';')
                    if text.get(at).is_some_and(u8::is_ascii_whitespace) =>
                {
                    return false;
                }
                _ => {}
            }
            at -= len.max(1);
        }
        let word_end = at;
        let floor = at.saturating_sub(MAX_WORD);
        // Where the word's last piece starts, after its last joiner.
        let mut last_piece = None;
        while at > floor {
            // An invisible character inside a word joins it: the detectors
            // read the word without it, and a mask over the word drops it
            // (`n[at]e.n\u{2069}e[a]e.nine` masked is `n•••@e.ne[a]…`,
            // one word; found by the `redact` fuzz target).
            if let Some(width) = marks::mark_before(text, at) {
                if at - width > floor
                    && char_before(text, at - width)
                        .0
                        .is_some_and(|c| is_word_char(c) || is_joiner(c))
                {
                    at -= width;
                    continue;
                }
            }
            let (c, len) = char_before(text, at);
            match c {
                Some(c) if is_word_char(c) => at -= len.max(1),
                // Joined into one word: an address or a name with dots
                // counts once, masked or not (`ahmed.ali@instapay` and its
                // mask `a•••@instapay`; `n%@e.ni` and `n•••@e.ni`; found
                // by the `redact` fuzz target). Signs may follow each
                // other (`n%@`), as long as a letter or digit comes before.
                // A sign right after a bracketed one joins too (`n
                // [dot]%k[at]e.in`, masked `n•••@e.in`; found by the
                // `redact` fuzz target).
                Some(c)
                    if is_joiner(c)
                        && at - 1 > floor
                        && (char_before(text, at - 1)
                            .0
                            .is_some_and(|c| is_word_char(c) || is_joiner(c))
                            || marks::mark_before(text, at - 1).is_some()
                            || bracketed::dot_before(text, at - 1).is_some()
                            || bracketed::at_sign_ending_at(text, at - 1).is_some()) =>
                {
                    last_piece.get_or_insert(at);
                    at -= 1
                }
                // So do an address's `@` and dots in brackets, which its
                // mask writes as `@` and `.` (`n [at] e [dot] in`, masked
                // `n•••@e.in`).
                // And the word `dot` between two words, which the e-mail
                // detector reads as a dot after a bracketed `@` (`ravi
                // [at] gmail dot com`, masked `r•••@gmail.com`): joined
                // wherever it stands, so the count is the same whether or
                // not the address around it was read (found by the
                // `redact` fuzz target).
                // An `@` escaped as HTML (`ravi&#64;gmail.com`, masked
                // `r•••@gmail.com`) and a dot spaced between two words
                // (`ravi . kumar @ gmail dot com`, masked `r•••@ gmail dot
                // com`), which the e-mail detector reads as a dot: joined
                // too, for the same reason (found by the `redact` fuzz
                // target).
                // And an `@` with one space before it (`ravi.kumar
                // @gmail.com`), which the e-mail detector reads and whose
                // mask drops the space (`r•••@gmail.com`; found by the
                // `redact` fuzz target).
                _ => {
                    let spaced_dot = (at >= 3 && &text[at - 3..at] == b" . ").then(|| at - 3);
                    let spaced_at = (at >= 2 && &text[at - 2..at] == b" @").then(|| at - 2);
                    let sign_start = bracketed::at_sign_ending_at(text, at)
                        .map(|sign| sign.start)
                        .or_else(|| bracketed::dot_before(text, at))
                        .or_else(|| bracketed::word_dot_before(text, at))
                        .or_else(|| crate::text::html_at_sign_ending_at(text, at))
                        .or(spaced_dot)
                        .or(spaced_at);
                    match sign_start {
                        Some(start)
                            if start > floor
                                && char_before(text, start)
                                    .0
                                    .is_some_and(|c| is_word_char(c) || is_joiner(c)) =>
                        {
                            last_piece.get_or_insert(at);
                            at = start;
                        }
                        _ => break,
                    }
                }
            }
        }
        // A word must stand whole within its bound.
        if at == word_end || (at == floor && floor > 0) {
            return false;
        }
        if text[last_piece.unwrap_or(at)..word_end].eq_ignore_ascii_case(b"alias") {
            return true;
        }
        words += 1;
        if words > MAX_WORDS_BETWEEN {
            return false;
        }
    }
}

/// The aliases of `text` whose own characters the spelled-out pass
/// rewrote in `copy` (`sol.nine, 119nine000…`: the copy reads `sol.9, 119
/// 9 000…`, too short for an alias), each confirmed by the word `alias`
/// as the copy reads the words between. Those are the words a redaction
/// leaves: a spelled address is one word once masked (`juan at gmail dot
/// com`, `j•••@gmail.com`) as it is in the copy (`juan@gmail.com`), so
/// reading the words as written would miss an alias that redacting the
/// redacted text finds (found by the `redact` fuzz target). An alias
/// the copy leaves whole is read in the copy as usual.
pub(crate) fn rewritten_in_copy(text: &[u8], copy: &Rewritten, out: &mut Vec<Finding>) {
    for dot in memchr::memchr_iter(b'.', text) {
        let Some((start, end)) = alias_around(text, dot) else {
            continue;
        };
        let (copy_start, copy_end) = (copy.position(start), copy.position(end));
        if copy.text[copy_start..copy_end] != text[start..end]
            && alias_word_before(&copy.text, copy_start)
        {
            out.push(alias_finding(text, start, end));
        }
    }
}

/// The finding of the alias `text[start..end]`, normalized in lower case.
fn alias_finding(text: &[u8], start: usize, end: usize) -> Finding {
    Finding {
        kind: Kind::ArCbuAlias,
        start,
        end,
        confidence: CONFIDENCE,
        normalized: String::from_utf8_lossy(&text[start..end]).to_ascii_lowercase(),
    }
}

/// Whether `c` is part of a word: a letter or digit, a mask bullet, or a
/// keycap mark or variation selector. A masked value keeps its separators
/// and its words' count (`juan.perez.mp` masked is `••••.•••••.•p`, three
/// words still), so redacting again counts the same words between `alias`
/// and the next alias as the first time did; and a keycap mark or
/// variation selector, which the scanner's copy without marks drops after
/// a bullet but keeps after a letter (`p⃣z`, masked `•⃣z`), joins the word
/// either way (found by the `redact` fuzz target).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == BULLET || c == '\u{20E3}' || ('\u{FE00}'..='\u{FE0F}').contains(&c)
}

/// Whether `c` joins the pieces of one word: the signs inside an address
/// (its name's `.`, `_`, `%`, `+`, `-`, `'`, and `@`) or a name with dots.
fn is_joiner(c: char) -> bool {
    // The signs an address's local part may hold (`ahme'd.alie@…`, masked
    // `a•••@…`; found by the `redact` fuzz target).
    matches!(c, '.' | '@' | '_' | '-' | '+' | '%' | '\'')
}

/// Whether `alias` is written as a domain (`www.tienda.com`,
/// `tienda.com.ar`): a site named near the word `alias` is no alias.
fn is_domain(alias: &[u8]) -> bool {
    let last = alias.rsplit(|&b| b == b'.').next().unwrap_or_default();
    alias.len() > 4 && alias[..4].eq_ignore_ascii_case(b"www.")
        || [
            &b"com"[..],
            b"net",
            b"org",
            b"ar",
            b"io",
            b"gob",
            b"edu",
            b"info",
            b"app",
        ]
        .iter()
        .any(|tld| last.eq_ignore_ascii_case(tld))
}

/// Whether the `.` at `i` starts an alias: the prefilter's confirmation,
/// cheap for the dots of prose, links and addresses, which fail at the
/// token's layout or at the first word before it.
pub(crate) fn is_alias_dot(text: &[u8], i: usize) -> bool {
    alias_around(text, i).is_some_and(|(start, _)| alias_word_before(text, start))
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Scanner};

    fn aliases(text: &str) -> Vec<(String, String)> {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        scanner
            .scan(text)
            .into_iter()
            .filter(|f| f.kind == Kind::ArCbuAlias)
            .map(|f| (text[f.range()].to_string(), f.normalized))
            .collect()
    }

    #[test]
    fn an_alias_after_the_word_alias() {
        for (text, alias) in [
            ("mi alias es juan.perez.mp", "juan.perez.mp"),
            ("Alias: GATO.PERRO.CASA", "GATO.PERRO.CASA"),
            (
                "te paso el alias: mesa.silla.foco gracias!",
                "mesa.silla.foco",
            ),
            ("alias del CBU: rio.nube.sol.", "rio.nube.sol"),
            ("alias de la cuenta es lucia.gomez-88", "lucia.gomez-88"),
            ("*Alias:* tienda.norte", "tienda.norte"),
            (
                "ALIAS DE MERCADO PAGO 👉 pepe.argento.mp",
                "pepe.argento.mp",
            ),
            ("alias mp = caja.verde.luz", "caja.verde.luz"),
            ("transferime al alias\nsol.luna.mar", "sol.luna.mar"),
            ("my alias is maria.lopez, thanks", "maria.lopez"),
            ("alias: 4ever.juan", "4ever.juan"),
            // An address is one word, whatever signs its name holds.
            ("alias es n%x@e.ni 1 p,0 y sol.luna.mar", "sol.luna.mar"),
            // Its `@` in brackets too, as its mask writes it (`n•••@e.in`).
            ("alias es n [at] e.in 1 p,0 y sol.luna.mar", "sol.luna.mar"),
            ("alias es n(@)e.in 1 p,0 y sol.luna.mar", "sol.luna.mar"),
            ("alias x n[at]e[dot]in a b c d sol.luna.mar", "sol.luna.mar"),
            (
                "alias x n [dot] k[at]e.in a b c d sol.luna.mar",
                "sol.luna.mar",
            ),
            // Words, not bytes, bound the reach: an address is one word.
            (
                "el alias de mercadopago.argentina.oficial@gmail.com, el larguísimo: sol.luna.mar",
                "sol.luna.mar",
            ),
            (
                "te paso el alias para la seña: MATE.LIBRO.SOL",
                "MATE.LIBRO.SOL",
            ),
            (
                "el alias es el mismo de siempre, jorge.ruiz.mp",
                "jorge.ruiz.mp",
            ),
            (
                "pasame el alias y te transfiero a juan.perez.mp",
                "juan.perez.mp",
            ),
            (
                "alias que me diste no anda, usá rio.nube.sol",
                "rio.nube.sol",
            ),
        ] {
            assert_eq!(
                aliases(text),
                [(alias.to_string(), alias.to_ascii_lowercase())],
                "{text}"
            );
        }
    }

    #[test]
    fn no_alias_word_no_layout_no_alias() {
        for text in [
            // No `alias` before, or other words between.
            "mi usuario es juan.perez.mp",
            "alias\n\njuan.perez.mp",
            "pasame el alias. Mi usuario es juan.perez.mp",
            "el alias lo tengo en el otro celu, te escribo a juan.perez.mp",
            "aliasing rio.nube.sol",
            "elalias rio.nube.sol",
            // Not an alias's layout.
            "el alias es correcto.",
            "alias: a.b",
            "alias: juan.perez.rodriguez.gomez.mp",
            "alias 1.500.000",
            "alias: .juanperez",
            "alias juan.pérez",
            // An address, a link.
            "alias: juan.perez@gmail.com",
            "alias tienda.com/pagos",
            "el alias está en www.tienda.online",
            "alias de la tienda: tienda.com.ar",
            // What was masked before.
            "alias: ••••.•••ez.mp",
        ] {
            assert_eq!(aliases(text), [], "{text}");
        }
    }

    #[test]
    fn only_in_an_argentine_conversation() {
        let text = "mi alias es juan.perez.mp";
        for scanner in [
            Scanner::builder().build().unwrap(),
            Scanner::builder().region("UY").build().unwrap(),
        ] {
            assert_eq!(scanner.scan(text), [], "{scanner:?}");
        }
        let scanner = Scanner::builder().build().unwrap();
        let ar = crate::Region::new("AR").unwrap();
        assert_eq!(scanner.scan_in(text, ar)[0].kind, Kind::ArCbuAlias);
    }

    #[test]
    fn an_address_after_alias_stays_an_address() {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        let found = scanner.scan("alias: juan.perez@gmail.com");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Email);
    }

    /// Found by the `redact` fuzz target: after the first alias was
    /// masked, its bullets no longer counted as words, so `alias` stood
    /// within six words of a second one only on redacting again.
    #[test]
    fn an_address_with_an_html_at_sign_or_spaced_dots_counts_as_one_word_masked_or_not() {
        // Six words between, the address one of them, as in its mask.
        for text in [
            "alias: a b c d ravi&#64;gmail.com juan.perez",
            "alias: a b c d r•••@gmail.com juan.perez",
            "alias: a b c d ravi . kumar @ gmail dot com juan.perez",
            "alias: a b c d r•••@ gmail dot com juan.perez",
            // One space before the `@`, which the mask drops (found by
            // the `redact` fuzz target in CI): six words, the address one.
            "alias: a b c d e ravi.kumar @gmail.com juan.perez",
            "alias: a b c d e r•••@gmail.com juan.perez",
            "alias: a b c d e 1 @r.ay juan.perez",
            "alias: a b c d e 1•••@r.ay juan.perez",
        ] {
            assert_eq!(aliases(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn no_alias_after_an_encoded_at_sign() {
        for text in [
            "alias: ravi&#64;gmail.com R.K&#X40;Example.c es",
            "alias: R.K&#x40;juan.perez",
            "alias: ravi%40juan.perez",
        ] {
            assert!(aliases(text).is_empty(), "{text}: {:?}", aliases(text));
        }
    }

    #[test]
    fn a_masked_alias_counts_its_words() {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        let text = "Alias es juan.perez.mp, dale uno dos tres cuatro GATO.PERRO.CASA";
        assert_eq!(
            aliases(text),
            [("juan.perez.mp".into(), "juan.perez.mp".into())]
        );
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once);
    }

    /// Found by the `redact` fuzz target: an address between `alias` and
    /// the alias counted three words (`ahmed.ali@instapay`) and one once
    /// masked (`a•••@instapay`), so the alias was read only on redacting
    /// again. A word joined by `.`, `@`, `_`, `-` or `+` counts once.
    #[test]
    fn an_address_between_counts_as_one_word_masked_or_not() {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        let text = "alias: ahmed.ali@instapay uno dos tres cuatro juan.perez.mp";
        assert!(aliases(text).contains(&("juan.perez.mp".into(), "juan.perez.mp".into())));
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once);
    }

    /// Found by the `redact` fuzz target: an address with the word `dot`
    /// after a bracketed `@` (`com [at] c dot com`) counted three words
    /// and one once masked (`c••@c.com`), so `alias` reached the alias
    /// only on redacting again. The word `dot` between two words joins
    /// them wherever it stands.
    #[test]
    fn an_address_with_the_word_dot_counts_as_one_word_masked_or_not() {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        for text in [
            "*Alias:* GAas es juadot com [at] c dot com, jun.p521@sc ahmed.alie@instapay anstaparez.mp, *As",
            "alias: ravi [at] gmail dot com uno dos tres cuatro juan.perez.mp",
            // A sign right after a bracketed dot: `[dot]%k[at]e.in` was
            // two words, `n•••@e.in` one.
            "alias x n [dot]%k[at]e.in a b c d sol.luna.mar",
            // An apostrophe inside the address's name: `ahme'd.alie@…`
            // was two words, `a•••@…` one.
            "alias: x ahme'd.alie@insl.example a b c d sol.luna.mar",
        ] {
            let once = scanner.redact(text).unwrap();
            assert_eq!(scanner.redact(&once).unwrap(), once, "{text}");
        }
        assert!(
            aliases("alias: ravi [at] gmail dot com uno dos tres cuatro juan.perez.mp")
                .contains(&("juan.perez.mp".into(), "juan.perez.mp".into()))
        );
    }

    /// Found by the `redact` fuzz target: a label of a domain written with
    /// bracketed dots is kept as written when its address is masked, and
    /// was then read as an alias.
    #[test]
    fn no_alias_among_the_labels_of_a_bracketed_domain() {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        for text in [
            "Alias: x[at]mail.example{.}co[.alie@insl.example{.}co[dot]insl.example{.}co",
            "Alias: x•••@mail.example.co[.a•••@insl.example{.}co[dot]insl.example{.}co",
            "alias: ravi [at] mail [dot] juan.perez [dot] com",
        ] {
            assert!(aliases(text).is_empty(), "{text}");
            let once = scanner.redact(text).unwrap();
            assert_eq!(scanner.redact(&once).unwrap(), once, "{text}");
        }
    }

    #[test]
    fn no_alias_glued_after_a_letter_or_digit_of_another_script() {
        for text in [
            "mi alias es ر3333.p",
            "alias: é3333.pz",
            "alias: Ωjuan.perez",
        ] {
            assert!(aliases(text).is_empty(), "{text}");
        }
        // Punctuation of another script before it is no glue.
        assert_eq!(
            aliases("alias «juan.perez»"),
            [("juan.perez".into(), "juan.perez".into())]
        );
    }

    #[test]
    fn redaction_masks_the_alias_once() {
        let scanner = Scanner::builder().region("AR").build().unwrap();
        let once = scanner.redact("mi alias es juan.perez.mp dale").unwrap();
        assert!(!once.contains("juan"), "{once}");
        assert_eq!(scanner.redact(&once).unwrap(), once);
    }

    #[test]
    fn a_run_of_dashes_longer_than_an_alias_is_no_alias_and_no_panic() {
        // Trimming a token's closing dots and dashes once walked back past
        // its start into the dashes before it, at a dot the spelled-out
        // pass asks about (any dot; found by the `redact` fuzz target: 48
        // dashes, a dot and a stray byte).
        let dashes = "-".repeat(48);
        for text in [
            format!("alias: {dashes}."),
            format!("alias: {dashes}.\u{a8}"),
            format!("ra{dashes}.-- x"),
            format!("alias: x{dashes}.ab"),
        ] {
            let text = text.as_bytes();
            for dot in memchr::memchr_iter(b'.', text) {
                assert_eq!(super::alias_around(text, dot), None, "{dot}");
            }
        }
        let mut bytes = b"alias: ".to_vec();
        bytes.extend_from_slice(dashes.as_bytes());
        bytes.extend_from_slice(b".\xa8\xe0-");
        assert_eq!(super::alias_around(&bytes, 7 + dashes.len()), None);
        // An alias after a shorter run of dashes is still one.
        assert_eq!(
            aliases("alias: ---juan.perez"),
            [("---juan.perez".into(), "---juan.perez".into())]
        );
    }
}
