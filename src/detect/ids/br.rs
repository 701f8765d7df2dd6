//! Brazil: CPF (individuals) and CNPJ (companies), PIS/NIS, CNS and the
//! voter's title.
//!
//! Both end in two mod-11 check digits (`11 − Σ dᵢwᵢ mod 11`, 10 and 11
//! mapped to 0), which catch every single-digit change. Strings of one
//! repeated digit pass the arithmetic but are never issued. `123.456.789-09`
//! and `12.345.678/0001-95` are how Brazilians write them; eleven bare
//! digits are also a mobile number (`11 98765-4321` without separators), so
//! bare CPFs need a keyword or a Brazilian conversation, and a valid phone
//! number wins over a bare CPF without a keyword (see the module docs).
//!
//! Since July 2026 new CNPJs are alphanumeric (IN RFB 2.229/2024): the
//! first twelve characters may be letters, the check digits stay digits,
//! computed over each character's ASCII code minus 48. Written in the
//! usual layout (`12.ABC.345/01DE-35`) they stand alone.
//!
//! Two numbers of the social and health systems that Brazilians give for
//! benefits, jobs, loans and appointments:
//!
//! * the PIS/PASEP (also NIS, NIT), eleven digits with one mod-11 check
//!   digit (weights `3 2 9 8 7 6 5 4 3 2`), written `123.45678.90-1`: that
//!   layout stands alone; bare digits, which are CPFs and mobiles as often,
//!   only after `PIS`, `PASEP`, `NIS` or `NIT`;
//! * the CNS (Cartão Nacional de Saúde, the SUS card), fifteen digits whose
//!   weighted sum (weights 15 … 1) is a multiple of 11. A definitive number
//!   opens with 1 or 2 (then `000` or `001` and a check digit follow the
//!   first eleven), a provisional one with 7, 8 or 9. Printed
//!   `898 0012 3456 7890` in a Brazilian conversation or after its keyword;
//!   fifteen bare digits (an IMEI's length) after the keyword only.
//!
//! The voter's title (título de eleitor), which banks and employers ask
//! for, is twelve digits: eight of a serial, two of the state (`01` São
//! Paulo … `28` abroad) and two mod-11 check digits (TSE Resolution
//! 23.659/2021: weights 2 … 9 over the serial, then 7 8 9 over the state and
//! the first check digit, remainder 10 written 0). Some issuers in São
//! Paulo and Minas Gerais write a remainder of 0 as 1, so both are taken
//! there. Its `dddd dddd dddd` layout is Aadhaar's and an order's too: it is
//! read only after its keyword.
//!
//! The driving licence (CNH, Carteira Nacional de Habilitação), which
//! Brazilians show as identity as often as the RG, carries an eleven-digit
//! registration number: nine digits and two mod-11 check digits (weights
//! 9 … 1, then 1 … 9 over the same nine, a remainder of 10 written 0).
//! Where the first remainder is 10, the rule circulates in readings that
//! differ on the second digit: validate-docbr takes 2 off it, brutils does
//! not, and the DETRAN code as copied around takes 2 off only where a
//! digit is left. Each of those is taken (one base in eleven has two
//! accepted second digits). Eleven digits are a CPF, a PIS or a
//! mobile as often, so a CNH is read only after its keyword (`CNH`,
//! `habilitação`, `carteira de motorista`).
//!
//! The RG (registro geral, the state identity card) is numbered by each
//! state. São Paulo's, the most common, is eight digits and a check
//! character, written `12.345.678-9`: weights 9 … 2, the remainder modulo
//! 11 is the check, 10 written `X`. That check makes the dotted form an RG
//! in a Brazilian conversation (a Chilean RUT has the same layout and its
//! own check; one value in eleven passes both, and stays a RUT there unless
//! `RG` names it), and bare digits one after `RG`. After `RG`, `registro
//! geral` or a generic identity word (`identidade`) in Brazil, the other
//! states' numbers that end in a check character after a dash are read by
//! that layout alone, whatever their rule (`1.234.567-8`, `12.345.678-9`,
//! `12345678-9`). Digits without it (`12.345.678`, `1234567`) are prices
//! and orders as often after `identidade visual` or a keyword further back:
//! only São Paulo's check makes them an RG, or the office that issued it
//! cited after them, as the card and every form print it (`12.345.678
//! SSP/MG`, `1234567 PC-MG`, `órgão emissor: SSP`): no price or order is
//! followed by a police department's name, so that is read anywhere. So is
//! any state's number, with its check character or without, right after
//! the document's name (`RG: 12.345.678`, `meu rg é 1234567`): signs and a
//! few connector words between, no other word.

use super::{digits_n, num, shape, shape_at_last_run, shape_confirmed, IdSpec, Strength::*};
use crate::checksum::{mod11_check_ten_zero, weighted_mod};
use crate::detect::Context;
use crate::finding::Kind;
use crate::text::starts_with_ignore_case;

pub(super) static SPECS: &[IdSpec] = &[
    IdSpec {
        kind: Kind::BrCpf,
        country: "BR",
        shapes: &[
            shape("ddd.ddd.ddd-dd", Strong),
            shape("ddddddddd-dd", Home),
            shape("ddddddddddd", Bare),
            // Spaced where the points go (`cpf 390 533 447 05`): named, or
            // in Brazil below any card.
            shape("ddd ddd ddd dd", Named),
            // The dash typed as a slash, or left out, named (`cpf
            // 529.982.247/25`, `cpf 529.982.24725`).
            shape("ddd.ddd.ddd/dd", Keyword),
            shape("ddd.ddd.ddddd", Keyword),
        ],
        validate: cpf,
    },
    IdSpec {
        kind: Kind::BrCnpj,
        country: "BR",
        shapes: &[
            shape("dd.ddd.ddd/dddd-dd", Strong),
            shape("dddddddd/dddd-dd", Strong),
            shape("dddddddddddddd", Bare),
        ],
        validate: cnpj,
    },
    // Alphanumeric CNPJs, issued since July 2026.
    IdSpec {
        kind: Kind::BrCnpj,
        country: "BR",
        shapes: &[shape_at_last_run("XX.XXX.XXX/XXXX-dd", Strong)],
        validate: cnpj_alphanumeric,
    },
    IdSpec {
        kind: Kind::BrPis,
        country: "BR",
        shapes: &[
            shape("ddd.ddddd.dd-d", Strong),
            shape("ddddddddddd", Keyword),
        ],
        validate: pis,
    },
    IdSpec {
        kind: Kind::BrCns,
        country: "BR",
        shapes: &[
            shape("ddd dddd dddd dddd", Home),
            shape("ddddddddddddddd", Keyword),
        ],
        validate: cns,
    },
    IdSpec {
        kind: Kind::BrTituloEleitor,
        country: "BR",
        shapes: &[
            shape("dddd dddd dddd", Keyword),
            shape("dddddddddddd", Keyword),
        ],
        validate: titulo_eleitor,
    },
    IdSpec {
        kind: Kind::BrCnh,
        country: "BR",
        shapes: &[
            shape("ddddddddddd", Keyword),
            shape("ddd ddd ddd dd", Keyword),
            shape("ddddddddd-dd", Keyword),
        ],
        validate: cnh,
    },
    IdSpec {
        kind: Kind::BrRg,
        country: "BR",
        shapes: &[
            shape("dd.ddd.ddd-X", Home),
            shape("dddddddd-X", Keyword),
            shape("ddddddddX", Keyword),
        ],
        validate: rg_sao_paulo,
    },
    // Every state's number with a check character, whatever its rule:
    // after the keyword, at home. Not without the dash, which after
    // `identidade`, or a keyword further back, is a price or an order as
    // often (`identidade visual: R$ 1.500.000`).
    IdSpec {
        kind: Kind::BrRg,
        country: "BR",
        shapes: &[
            shape("dd.ddd.ddd-X", HomeKeyword),
            shape("d.ddd.ddd-X", HomeKeyword),
            shape("dddddddd-X", HomeKeyword),
        ],
        validate: rg_layout,
    },
    // Minas Gerais (and whoever copies its card) writes the state before
    // the number, which has no check character: `MG-12.345.678`. The
    // state's letters make it an RG at home; run together or spaced, only
    // after the keyword.
    IdSpec {
        kind: Kind::BrRg,
        country: "BR",
        shapes: &[
            shape("LL-dd.ddd.ddd", Home),
            shape("LL-d.ddd.ddd", Home),
            shape("LL-dddddddd", HomeKeyword),
            shape("LL dd.ddd.ddd", HomeKeyword),
        ],
        validate: rg_with_state,
    },
    // Any state's number cited with the office that issued it (`RG
    // 12.345.678 SSP/MG`, `4.567.890 PC-MG`, `12.345.678-9 ssp sp`), as on
    // the card and on every form that asks for it (no price or order is
    // followed by a police department's name), or right after the
    // document's name (`RG: 12.345.678`, `meu rg é 1234567`: only signs
    // and a few connector words between, so no keyword further back):
    // anywhere.
    IdSpec {
        kind: Kind::BrRg,
        country: "BR",
        shapes: &[
            shape_confirmed("dd.ddd.ddd", Strong, rg_cited),
            shape_confirmed("d.ddd.ddd", Strong, rg_cited),
            shape_confirmed("dddddddd", Strong, rg_cited),
            shape_confirmed("ddddddd", Strong, rg_cited),
        ],
        validate: rg_digits,
    },
    IdSpec {
        kind: Kind::BrRg,
        country: "BR",
        shapes: &[
            shape_confirmed("dd.ddd.ddd-X", Strong, rg_cited),
            shape_confirmed("d.ddd.ddd-X", Strong, rg_cited),
            shape_confirmed("dddddddd-X", Strong, rg_cited),
        ],
        validate: rg_layout,
    },
];

fn repeated(s: &[u8]) -> bool {
    s.iter().all(|&b| b == s[0])
}

fn check(s: &[u8], weights: &[u32]) -> Option<u8> {
    mod11_check_ten_zero(s, weights).map(|d| b'0' + d as u8)
}

pub(crate) fn cpf(s: &[u8]) -> bool {
    digits_n(s, 11)
        && !repeated(s)
        && check(&s[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]) == Some(s[9])
        && check(&s[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) == Some(s[10])
}

pub(super) fn cnpj(s: &[u8]) -> bool {
    digits_n(s, 14)
        && !repeated(s)
        && check(&s[..12], &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == Some(s[12])
        && check(&s[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == Some(s[13])
}

/// The check digit over characters valued by their ASCII code minus 48
/// (`0`–`9` → 0–9, `A`–`Z` → 17–42), 10 and 11 written 0.
fn alnum_check(s: &[u8], weights: &[u32]) -> u8 {
    let sum: u32 = s
        .iter()
        .zip(weights)
        .map(|(&b, &w)| u32::from(b - b'0') * w)
        .sum();
    match 11 - sum % 11 {
        10 | 11 => b'0',
        d => b'0' + d as u8,
    }
}

/// A CNPJ whose first twelve characters hold a letter (IN RFB 2.229/2024:
/// from July 2026 new CNPJs are alphanumeric, with the same two check
/// digits over the characters' ASCII codes minus 48). All-digit CNPJs are
/// [`cnpj`]'s.
pub(super) fn cnpj_alphanumeric(s: &[u8]) -> bool {
    s.len() == 14
        && s[..12]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && s[..12].iter().any(u8::is_ascii_uppercase)
        && digits_n(&s[12..], 2)
        && alnum_check(&s[..12], &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == s[12]
        && alnum_check(&s[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == s[13]
}

pub(super) fn pis(s: &[u8]) -> bool {
    digits_n(s, 11)
        && !repeated(s)
        && check(&s[..10], &[3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == Some(s[10])
}

pub(super) fn cns(s: &[u8]) -> bool {
    if !digits_n(s, 15) || repeated(s) {
        return false;
    }
    const WEIGHTS: [u32; 15] = [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    let whole = weighted_mod(s, &WEIGHTS, 11) == Some(0);
    match s[0] {
        // Definitive: the first eleven digits (a PIS), then `000` and the
        // digit that completes the multiple of 11; when that digit would be
        // 10, `001` and the one that completes it after the 1's weight 2.
        b'1' | b'2' => {
            let tail: &[u8] = if weighted_mod(&s[..11], &WEIGHTS, 11) == Some(1) {
                b"001"
            } else {
                b"000"
            };
            &s[11..14] == tail && whole
        }
        // Provisional.
        b'7' | b'8' | b'9' => whole,
        _ => false,
    }
}

pub(super) fn titulo_eleitor(s: &[u8]) -> bool {
    if !digits_n(s, 12) {
        return false;
    }
    let state = num(&s[8..10]);
    if !(1..=28).contains(&state) {
        return false;
    }
    // São Paulo's and Minas Gerais's remainder 0 may be written 1.
    let fits = |remainder: u32, written: u32| {
        written == remainder % 10 || (remainder == 0 && written == 1 && state <= 2)
    };
    let (Some(first), Some(second)) = (
        weighted_mod(&s[..8], &[2, 3, 4, 5, 6, 7, 8, 9], 11),
        weighted_mod(&s[8..11], &[7, 8, 9], 11),
    ) else {
        return false;
    };
    let written = |i: usize| u32::from(s[i] - b'0');
    fits(first, written(10)) && fits(second, written(11))
}

pub(super) fn cnh(s: &[u8]) -> bool {
    if !digits_n(s, 11) || repeated(s) {
        return false;
    }
    let (Some(first), Some(second)) = (
        weighted_mod(&s[..9], &[9, 8, 7, 6, 5, 4, 3, 2, 1], 11),
        weighted_mod(&s[..9], &[1, 2, 3, 4, 5, 6, 7, 8, 9], 11),
    ) else {
        return false;
    };
    let written = |i: usize| u32::from(s[i] - b'0');
    let ten_as_zero = |r: u32| if r == 10 { 0 } else { r };
    // After a first remainder of 10, validate-docbr takes 2 off the second
    // (modulo 11); brutils and the DETRAN code as circulated do not, or
    // only where the result stays a digit. Either writing is taken.
    written(9) == ten_as_zero(first)
        && (written(10) == ten_as_zero(second)
            || (first == 10 && written(10) == ten_as_zero((second + 9) % 11)))
}

/// The check character of a São Paulo RG over its eight digits: weights
/// 9 … 2, the remainder modulo 11, 10 written `X`.
fn rg_check(body: &[u8]) -> Option<u8> {
    weighted_mod(body, &[9, 8, 7, 6, 5, 4, 3, 2], 11).map(|r| match r {
        10 => b'X',
        r => b'0' + r as u8,
    })
}

pub(super) fn rg_sao_paulo(s: &[u8]) -> bool {
    let [body @ .., check] = s else {
        return false;
    };
    digits_n(body, 8) && !repeated(body) && rg_check(body) == Some(check.to_ascii_uppercase())
}

/// Seven or eight digits and a check character (a digit or `X`), not one
/// digit repeated: a number by its layout alone.
pub(super) fn rg_layout(s: &[u8]) -> bool {
    let [body @ .., check] = s else {
        return false;
    };
    (7..=8).contains(&body.len())
        && body.iter().all(u8::is_ascii_digit)
        && (check.is_ascii_digit() || check.eq_ignore_ascii_case(&b'X'))
        && !repeated(body)
}

/// The 27 federative units' letters, as issuing states write them.
const STATES: [&[u8; 2]; 27] = [
    b"AC", b"AL", b"AP", b"AM", b"BA", b"CE", b"DF", b"ES", b"GO", b"MA", b"MT", b"MS", b"MG",
    b"PA", b"PB", b"PR", b"PE", b"PI", b"RJ", b"RN", b"RS", b"RO", b"RR", b"SC", b"SP", b"SE",
    b"TO",
];

/// A state's letters and seven or eight digits, not one digit repeated
/// (`MG12345678`, separators dropped).
pub(super) fn rg_with_state(s: &[u8]) -> bool {
    let [a, b, digits @ ..] = s else {
        return false;
    };
    STATES.contains(&&[*a, *b])
        && (7..=8).contains(&digits.len())
        && digits.iter().all(u8::is_ascii_digit)
        && !repeated(digits)
}

/// Seven or eight digits, not one digit repeated: an RG without its check
/// character, as most states issue it.
pub(super) fn rg_digits(s: &[u8]) -> bool {
    (7..=8).contains(&s.len()) && s.iter().all(u8::is_ascii_digit) && !repeated(s)
}

/// Offices that issue RGs and are cited by name alone: the states'
/// public security departments (`SSP`, Paraná's `SESP`, Ceará's `SSPDS`,
/// Pernambuco's `SDS`, `SEJUSP`) and São Paulo's identification institute.
const RG_ISSUERS: [&[u8]; 7] = [
    b"SSP", b"SESP", b"SSPDS", b"SDS", b"SEJUSP", b"IIRGD", b"SSPDC",
];

/// Offices cited with their state only (`PC/MG`, `DETRAN-RJ`, `IFP/RJ`,
/// `IGP/RS`, `DGPC/GO`, `ITEP/RN`, `POLITEC/MT`): alone, each is a word or
/// an abbreviation of something else as well (`PC`, `IGP-M`).
const RG_ISSUERS_WITH_STATE: [&[u8]; 8] = [
    b"PC", b"DETRAN", b"IFP", b"IGP", b"DGPC", b"ITEP", b"POLITEC", b"SEGUP",
];

/// Whether an RG's number at `start..end` is cited as one: before the
/// office that issued it ([`rg_issuer_follows`]) or right after the
/// document's name ([`rg_named_right_before`]).
fn rg_cited(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    rg_issuer_follows(ctx, start, end) || rg_named_right_before(ctx, start, end)
}

/// Whether the RG's name stands right before the value at `start`, with
/// only signs (`:`, `-`, `.`, `#`, `=`) and up to three connector words
/// (`é`, `o`, `nº`, `número`) between: `RG: 12.345.678`, `meu rg é o
/// 1234567`, `R.G. nº 12.345.678`. Not the generic identity words
/// (`identidade visual: 1.500.000`), not German's abbreviated invoice
/// (`Rg. 1234567`, `RG-Nr. 12345678`, any `RG` in a German-speaking
/// region), and not a number that goes on in a
/// check character (`RG 1.234.567-8`: read whole, by its own shape).
fn rg_named_right_before(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    const CONNECTORS: [&str; 10] = [
        "é", "eh", "o", "nº", "n°", "n", "no", "num", "numero", "número",
    ];
    // Where German is written, `RG` is an invoice (`Rechnung`) however
    // it is abbreviated.
    const GERMAN: [&str; 5] = ["DE", "AT", "CH", "LI", "LU"];
    if ctx.region.is_some_and(|r| GERMAN.contains(&r.code())) {
        return false;
    }
    let text = ctx.text;
    if text.get(end) == Some(&b'-') && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let mut at = start;
    for _ in 0..4 {
        let gap_end = at;
        while at > 0
            && gap_end - at < 4
            && matches!(
                text[at - 1],
                b' ' | b'\t' | b':' | b'-' | b'.' | b'#' | b'='
            )
        {
            at -= 1;
        }
        // A word: ASCII letters and the bytes of other characters (`é`,
        // `º`), at most a connector's length.
        let word_end = at;
        while at > 0
            && word_end - at <= 8
            && (text[at - 1].is_ascii_alphabetic() || text[at - 1] >= 0x80)
        {
            at -= 1;
        }
        let word = &text[at..word_end];
        let free = at == 0 || !(text[at - 1].is_ascii_alphanumeric() || text[at - 1] >= 0x80);
        if word.is_empty() || !free {
            return false;
        }
        // `RG` or `rg`, or the `G` of `R.G.`. Not `Rg.`, nor `RG.` with
        // its dot: German's invoice (`Rg. 1234567`, `Rg.-Nr.`).
        let abbreviated = text.get(word_end) == Some(&b'.');
        if ((word == b"RG" || word == b"rg") && !abbreviated)
            || (word.eq_ignore_ascii_case(b"G")
                && at >= 2
                && text[at - 1] == b'.'
                && text[at - 2] | 0x20 == b'r'
                && (at == 2 || !text[at - 3].is_ascii_alphanumeric()))
        {
            return true;
        }
        if !CONNECTORS
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(word))
        {
            return false;
        }
    }
    false
}

/// Whether an RG's issuing office is cited right after `end`: past a
/// space, a dash, a comma, a bracket or the line's end, one of
/// [`RG_ISSUERS`], or any issuer with a state's letters after `/`, `-`, a
/// space or nothing (`SSP/MG`, `PC-MG`, `SSPMG`), in any case; or the
/// same after the form's label for it (`, órgão emissor: SSP/MG`,
/// `⏎Emissor SSP`, `expedido pela SSP-SP`).
fn rg_issuer_follows(ctx: &Context<'_>, _start: usize, end: usize) -> bool {
    let text = ctx.text;
    const MOST_GAP: usize = 4;
    let gap = text[end..]
        .iter()
        .take(MOST_GAP)
        .take_while(|&&b| matches!(b, b' ' | b'-' | b',' | b'(' | b'/' | b';' | b'\n' | b'\r'))
        .count();
    if gap == 0 {
        return false;
    }
    let from = end + gap;
    // A label opens with `o`, `ó` or `e`: most words after a number do not.
    let may_be_label = matches!(text.get(from).map(|b| b | 0x20), Some(b'o' | b'e' | 0xE3));
    issuer_at(text, from)
        || (may_be_label && issuer_label_end(text, from).is_some_and(|at| issuer_at(text, at)))
}

/// Whether an RG's issuing office is written at `from` (see
/// [`rg_issuer_follows`]).
fn issuer_at(text: &[u8], from: usize) -> bool {
    let letters = text[from..]
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if letters == 0 || letters > 9 {
        return false;
    }
    let word = &text[from..from + letters];
    let is = |list: &[&[u8]], w: &[u8]| list.iter().any(|i| i.eq_ignore_ascii_case(w));
    let any_issuer = |w: &[u8]| is(&RG_ISSUERS, w) || is(&RG_ISSUERS_WITH_STATE, w);
    let is_state = |w: &[u8]| w.len() == 2 && STATES.iter().any(|s| s.eq_ignore_ascii_case(w));
    if is(&RG_ISSUERS, word) {
        return true;
    }
    // Run together with the state (`SSPMG`).
    if letters > 2 && any_issuer(&word[..letters - 2]) && is_state(&word[letters - 2..]) {
        return true;
    }
    // The state after one sign (`PC/MG`, `DETRAN-RJ`, `pc mg`).
    let after = from + letters;
    any_issuer(word)
        && matches!(text.get(after), Some(b'/' | b'-' | b' '))
        && text.get(after + 1..after + 3).is_some_and(is_state)
        && !text.get(after + 3).is_some_and(u8::is_ascii_alphabetic)
}

/// Where the issuer's value starts after a form's label for it at `from`
/// (`órgão emissor:`, `org. exp.`, `emissor`, `expedido pela`), spaces,
/// a colon or a dash after it skipped.
fn issuer_label_end(text: &[u8], from: usize) -> Option<usize> {
    // `text[at..]` opens with one of `words` (ASCII case aside), then no
    // letter: where it ends.
    let opens = |at: usize, words: &[&str]| {
        words.iter().find_map(|w| {
            let end = at + w.len();
            (starts_with_ignore_case(text, at, w.as_bytes())
                && !text.get(end).is_some_and(u8::is_ascii_alphabetic))
            .then_some(end)
        })
    };
    let spaces = |at: usize| {
        at + text[at..]
            .iter()
            .take(2)
            .take_while(|&&b| b == b' ')
            .count()
    };
    const ORGAN: &[&str] = &[
        "órgão", "Órgão", "ÓRGÃO", "orgão", "orgao", "órgao", "org.", "org",
    ];
    const WHAT: &[&str] = &["emissor", "expedidor", "exp.", "exp", "emissão", "emissao"];
    const DONE_BY: &[&str] = &[
        "expedido pela",
        "expedido por",
        "expedida pela",
        "emitido pela",
        "emitido por",
        "emitida pela",
    ];
    let label_end = match opens(from, ORGAN) {
        Some(organ) => opens(spaces(organ), WHAT)?,
        None => opens(from, WHAT).or_else(|| opens(from, DONE_BY))?,
    };
    Some(
        label_end
            + text[label_end..]
                .iter()
                .take(3)
                .take_while(|&&b| matches!(b, b' ' | b':' | b'-'))
                .count(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ids::testutil::{one_digit_escapes, scan};

    // Generated with python-stdnum (br.cpf, br.cnpj).
    const CPFS: &[&str] = &["39053344705", "11144477735", "52998224725", "12345678909"];
    const CNPJS: &[&str] = &["11222333000181", "45723174000110", "16727230000197"];

    #[test]
    fn checksums() {
        // Two mod-11 digits with 10 and 11 both written 0: a change that
        // moves a remainder between those two keeps the check digits, so a
        // few one-digit changes pass; every other one is caught.
        for (validate, values) in [(cpf as fn(&[u8]) -> bool, CPFS), (cnpj, CNPJS)] {
            let (escaped, total) = one_digit_escapes(validate, values);
            assert!(escaped * 25 <= total, "{escaped} of {total}");
        }
        assert!(!cpf(b"11111111111") && !cnpj(b"00000000000000"));
    }

    /// Alphanumeric CNPJs (Receita Federal, IN RFB 2.229/2024, issued
    /// since July 2026); generated with python-stdnum 2.2 (br.cnpj), the
    /// first its documented example.
    #[test]
    fn alphanumeric_cnpj() {
        for v in [
            "12ABC34501DE35",
            "GMX1TF3A7NUF19",
            "8S8800DDAAIK85",
            "BUUB3G1MP1ZQ03",
        ] {
            assert!(cnpj_alphanumeric(v.as_bytes()), "{v}");
            // Every change of a check digit is caught.
            let mut b = v.as_bytes().to_vec();
            for i in [12, 13] {
                let orig = b[i];
                for d in b'0'..=b'9' {
                    b[i] = d;
                    assert_eq!(cnpj_alphanumeric(&b), d == orig);
                }
                b[i] = orig;
            }
        }
        assert!(!cnpj_alphanumeric(b"11222333000181") && !cnpj_alphanumeric(b"12ABC34501DE36"));
        assert_eq!(
            scan("CNPJ da loja: 12.ABC.345/01DE-35", None),
            [(Kind::BrCnpj, "12.ABC.345/01DE-35".into())]
        );
        assert_eq!(
            scan("segue GM.X1T.F3A/7NUF-19 obg", None),
            [(Kind::BrCnpj, "GM.X1T.F3A/7NUF-19".into())]
        );
        assert!(scan("12.ABC.345/01DE-36", None).is_empty());
    }

    /// Generated with validate-docbr by tests/data/ids/gen_vectors.py.
    #[test]
    fn pis_and_cns_checks() {
        use crate::detect::ids::testutil::lines;
        let pis_values = lines(include_str!("../../../tests/data/ids/br_pis.txt"));
        let cns_values = lines(include_str!("../../../tests/data/ids/br_cns.txt"));
        for v in &pis_values {
            assert!(pis(v.as_bytes()), "{v}");
        }
        for v in &cns_values {
            assert!(cns(v.as_bytes()), "{v}");
        }
        // One mod-11 digit with 10 and 11 written 0 lets a few changes by;
        // so does the CNS's fifth digit, whose weight is 11.
        for (validate, values) in [(pis as fn(&[u8]) -> bool, &pis_values), (cns, &cns_values)] {
            let (escaped, total) = one_digit_escapes(validate, values);
            assert!(escaped * 10 <= total, "{escaped} of {total}");
        }
        // A definitive CNS with the wrong middle, and the wrong first digit.
        assert!(!cns(b"162872423441005") && !cns(b"362872423440005"));
        assert!(!pis(b"11111111111") && !cns(b"000000000000000"));
    }

    /// Generated with validate-docbr by tests/data/ids/gen_vectors.py.
    #[test]
    fn titulo_eleitor_checks() {
        use crate::detect::ids::testutil::lines;
        let values = lines(include_str!(
            "../../../tests/data/ids/br_titulo_eleitor.txt"
        ));
        let (escaped, total) = one_digit_escapes(titulo_eleitor, &values);
        assert!(escaped * 10 <= total, "{escaped} of {total}");
        // A state that does not exist (00, 29).
        assert!(!titulo_eleitor(b"102385000060") && !titulo_eleitor(b"102385012906"));
        // São Paulo's remainder 0 written as 1, as some issuers do: the
        // serial 00000012 weighs 1·8 + 2·9 = 26 → 4; state 01, then 0·7 +
        // 1·8 + 4·9 = 44 → remainder 0, written 0 or 1 there only.
        assert!(titulo_eleitor(b"000000120140") && titulo_eleitor(b"000000120141"));
        assert!(!titulo_eleitor(b"000000120142"));
    }

    #[test]
    fn pis_and_cns_in_chat() {
        for (region, text, kind, value) in [
            (
                "BR",
                "meu PIS 128.17825.35-9",
                Kind::BrPis,
                "128.17825.35-9",
            ),
            ("MX", "128.17825.35-9", Kind::BrPis, "128.17825.35-9"),
            ("BR", "NIS: 12817825359", Kind::BrPis, "12817825359"),
            (
                "BR",
                "cartão do SUS 898 0012 3456 7891",
                Kind::BrCns,
                "898 0012 3456 7891",
            ),
            (
                "BR",
                "951 3293 8813 1273",
                Kind::BrCns,
                "951 3293 8813 1273",
            ),
            ("PT", "CNS 162872423440005", Kind::BrCns, "162872423440005"),
            (
                "BR",
                "título de eleitor: 1023 8501 0671",
                Kind::BrTituloEleitor,
                "1023 8501 0671",
            ),
        ] {
            assert_eq!(scan(text, Some(region)), [(kind, value.into())], "{text}");
        }
        // Bare digits unnamed, a grouped CNS abroad, a wrong check digit.
        assert!(scan("ok 162872423440005", Some("BR")).is_empty());
        assert!(scan("951 3293 8813 1273", Some("IN")).is_empty());
        assert!(scan("PIS 12817825358", Some("BR")).is_empty());
        assert!(scan("pedido 951 3293 8813 1273", Some("BR")).is_empty());
    }

    #[test]
    fn in_chat() {
        assert_eq!(
            scan("segue 390.533.447-05 obg", None),
            [(Kind::BrCpf, "390.533.447-05".into())]
        );
        assert_eq!(
            scan("CPF 39053344705", None),
            [(Kind::BrCpf, "39053344705".into())]
        );
        assert_eq!(
            scan("CNPJ: 11.222.333/0001-81", None),
            [(Kind::BrCnpj, "11.222.333/0001-81".into())]
        );
        assert!(scan("pedido 39053344705", Some("BR")).is_empty());
        assert!(scan("39053344705", None).is_empty());
        assert_eq!(scan("ok 39053344705", Some("BR")).len(), 1);
        assert!(scan("390.533.447-06", None).is_empty());
        assert_eq!(
            scan("meu cpf 390 533 447 05", None),
            [(Kind::BrCpf, "390 533 447 05".into())]
        );
        assert!(scan("pedido 390 533 447 05", Some("BR")).is_empty());
        // The dash typed as a slash, or left out: named only.
        for text in ["meu cpf é 390.533.447/05", "CPF 390.533.44705"] {
            assert_eq!(scan(text, Some("BR")).len(), 1, "{text}");
        }
        for text in [
            "pedido 390.533.447/05",
            "390.533.44705",
            "nf 390.533.447/05",
        ] {
            assert!(scan(text, Some("BR")).is_empty(), "{text}");
        }
    }

    fn cnh_values() -> Vec<&'static str> {
        // Generated with validate-docbr by tests/data/ids/gen_vectors.py.
        crate::detect::ids::testutil::lines(include_str!("../../../tests/data/ids/br_cnh.txt"))
    }

    #[test]
    fn cnh_check_digits() {
        let values = cnh_values();
        for v in &values {
            assert!(cnh(v.as_bytes()), "{v}");
        }
        // Remainders of 0 and 10 are both written 0, so a few one-digit
        // changes keep the first check; the second catches most of them.
        let (escaped, total) = one_digit_escapes(cnh, &values);
        assert!(escaped * 25 <= total, "{escaped} of {total}");
        // 100000001: the first remainder is 10 (written 0), the second 10:
        // 0 without the discount (brutils, DETRAN), 8 with it (validate-docbr).
        assert!(cnh(b"10000000100") && cnh(b"10000000108"));
        assert!(!cnh(b"10000000101") && !cnh(b"10000000109"));
        // 100000028: remainders 10 and 1: 1 without the discount, and
        // (1 − 2) mod 11 = 10, written 0, with it.
        assert!(cnh(b"10000002801") && cnh(b"10000002800"));
        assert!(!cnh(b"10000002809"));
        // brutils's documented example (remainders 10 and 0).
        assert!(cnh(b"98765432100") && cnh(b"98765432109"));
        // A first remainder other than 10 allows one second digit only:
        // 938781710 gives 6 and 5.
        assert!(cnh(b"93878171065") && !cnh(b"93878171063"));
        assert!(!cnh(b"00000000000") && !cnh(b"9387817106") && !cnh(b"9387817106a"));
    }

    #[test]
    fn cnh_in_chat() {
        let v = cnh_values()[0];
        let spaced = format!("{} {} {} {}", &v[..3], &v[3..6], &v[6..9], &v[9..]);
        let hyphenated = format!("{}-{}", &v[..9], &v[9..]);
        for (text, value) in [
            (format!("minha CNH: {v}"), v.to_string()),
            (format!("nº da cnh {spaced}"), spaced.clone()),
            (format!("Habilitação {hyphenated}"), hyphenated.clone()),
            (format!("carteira de motorista {v} ok"), v.to_string()),
        ] {
            assert_eq!(
                scan(&text, Some("BR")),
                [(Kind::BrCnh, value.clone())],
                "{text}"
            );
        }
        // Bare, the digits say nothing: no CNH at home or abroad.
        for region in [Some("BR"), None] {
            assert!(scan(v, region).iter().all(|(kind, _)| *kind != Kind::BrCnh));
        }
        assert!(scan(&format!("pedido {v}"), Some("BR")).is_empty());
        let mut wrong = v.as_bytes().to_vec();
        wrong[9] = if wrong[9] == b'9' { b'0' } else { wrong[9] + 1 };
        let wrong = String::from_utf8(wrong).unwrap();
        assert!(scan(&format!("CNH {wrong}"), Some("BR"))
            .iter()
            .all(|(kind, _)| *kind != Kind::BrCnh));
    }

    #[test]
    fn rg_check_character() {
        // Generated by tests/data/ids/gen_vectors.py from the check's other
        // form (weights 2 … 9, 11 minus the remainder).
        let values =
            crate::detect::ids::testutil::lines(include_str!("../../../tests/data/ids/br_rg.txt"));
        for v in &values {
            assert!(rg_sao_paulo(v.as_bytes()), "{v}");
        }
        // One check character modulo 11 with weights under 11: every
        // one-digit change is caught.
        let (escaped, total) = one_digit_escapes(rg_sao_paulo, &values);
        assert_eq!(escaped, 0, "{escaped} of {total}");
        // The example most guides give, and a remainder of 10
        // written X (1·9 + 6·2 = 21), in either case.
        assert!(rg_sao_paulo(b"312031312") && !rg_sao_paulo(b"312031313"));
        assert!(rg_sao_paulo(b"10000006X") && rg_sao_paulo(b"10000006x"));
        assert!(!rg_sao_paulo(b"100000060") && !rg_sao_paulo(b"11111111X"));
        // Other states' layouts: seven or eight digits and a check
        // character, `X` included.
        assert!(rg_layout(b"12345678") && rg_layout(b"123456789") && rg_layout(b"12345678X"));
        assert!(!rg_layout(b"123456") && !rg_layout(b"1234567890") && !rg_layout(b"1234567Y"));
        assert!(!rg_layout(b"77777770"));
    }

    #[test]
    fn rg_in_chat() {
        for (region, text, value) in [
            // São Paulo's check makes the dotted form an RG at home.
            (Some("BR"), "meu RG é 31.203.131-2", "31.203.131-2"),
            (Some("BR"), "segue 31.203.131-2", "31.203.131-2"),
            (Some("BR"), "RG 10.000.006-X", "10.000.006-X"),
            (None, "RG: 31.203.131-2", "31.203.131-2"),
            // After the keyword at home, any state's number and check.
            (Some("BR"), "RG 31.203.131-3", "31.203.131-3"),
            (Some("BR"), "rg: 1.234.567-8", "1.234.567-8"),
            (Some("BR"), "identidade 4.567.890-1", "4.567.890-1"),
            (Some("BR"), "registro geral 31203131-2", "31203131-2"),
            // Bare, with São Paulo's check.
            (Some("BR"), "R.G. 312031312", "312031312"),
            // A state's letters before a number without check.
            (Some("BR"), "meu rg é MG-12.345.678", "MG-12.345.678"),
            (Some("BR"), "mg-1.234.567 ssp", "mg-1.234.567"),
            (None, "RG: MG-12.345.678", "MG-12.345.678"),
            (Some("BR"), "RG MG 12.345.678", "MG 12.345.678"),
            (Some("BR"), "identidade MG-12345678", "MG-12345678"),
            // Any state's number cited with its issuing office, anywhere.
            (Some("BR"), "RG: 12.345.678 SSP/MG", "12.345.678"),
            (Some("BR"), "meu rg 12.345.678 ssp-sp", "12.345.678"),
            (None, "RG 1.234.567 SSP/BA", "1.234.567"),
            (Some("BR"), "12345678 SSP RJ", "12345678"),
            (Some("BR"), "doc 4.567.890 PC/MG", "4.567.890"),
            (Some("BR"), "identidade 1234567 detran-rj", "1234567"),
            (Some("BR"), "rg 12.345.678 (SSPMG)", "12.345.678"),
            (Some("BR"), "RG 12.345.678-9 SESP/PR", "12.345.678-9"),
            (None, "12.345.678 - SSP", "12.345.678"),
            // After the form's label for the issuer.
            (
                Some("BR"),
                "RG: 12.345.678, órgão emissor: SSP/MG",
                "12.345.678",
            ),
            (Some("BR"), "RG 1234567\nOrgao Expedidor: PC-MG", "1234567"),
            (Some("BR"), "rg 12.345.678 org. exp. ssp", "12.345.678"),
            (
                Some("BR"),
                "rg 12.345.678 expedido pela SSP-SP",
                "12.345.678",
            ),
            (Some("BR"), "12.345.678\nEmissor: DETRAN/RJ", "12.345.678"),
            // Any state's number right after the document's name, anywhere.
            (Some("BR"), "RG 12.345.678", "12.345.678"),
            (Some("BR"), "RG 12345678", "12345678"),
            (None, "meu rg é 1234567", "1234567"),
            (Some("BR"), "R.G. nº 12.345.678", "12.345.678"),
            (Some("BR"), "meu RG é o número 12.345.678 ok", "12.345.678"),
            (Some("BR"), "CPF e RG: 12.345.678", "12.345.678"),
            (None, "RG 1.234.567-8", "1.234.567-8"),
            (Some("PT"), "RG 1.234.567-8", "1.234.567-8"),
        ] {
            assert_eq!(scan(text, region), [(Kind::BrRg, value.into())], "{text}");
        }
        for (region, text) in [
            // The check fails and nothing names it; abroad; a veto word.
            (Some("BR"), "31.203.131-3"),
            (Some("CL"), "31.203.131-2"),
            (Some("BR"), "pedido 31.203.131-2"),
            // Unchecked layouts need the keyword: at home in the window, or
            // right before.
            (Some("BR"), "1.234.567-8"),
            (None, "identidade 1.234.567-8"),
            // Digits without a check character: prices and orders, unless
            // the RG's name stands right before them.
            (Some("BR"), "RG do cliente 12345678"),
            // German's invoice, abbreviated.
            (Some("DE"), "Rg. 1234567"),
            (Some("DE"), "Rg.-Nr. 12345678"),
            (None, "RG-Nr. 12345678"),
            (None, "Rg 12345678"),
            (None, "RG. 12345678"),
            // Where German is written, any `RG` is an invoice.
            (Some("DE"), "RG: 12345678"),
            (Some("AT"), "RG 1234567"),
            (Some("BR"), "ORG 12345678"),
            (Some("BR"), "RG 11.111.111"),
            (Some("BR"), "RG 123456789"),
            (Some("BR"), "identidade visual: R$ 1.500.000"),
            (Some("BR"), "a identidade visual custa 1500000"),
            // Not a state; abroad unnamed; run together without a keyword.
            (Some("BR"), "XY-12.345.678"),
            (None, "MG-12.345.678"),
            (Some("BR"), "MG-12345678"),
            (Some("BR"), "pedido MG-12.345.678"),
            // No issuing office after it, or one that needs its state.
            (Some("BR"), "R$ 12.345.678 sim"),
            (Some("BR"), "12.345.678 pc gamer"),
            (Some("BR"), "1.234.567 IGP-M"),
            (Some("BR"), "12.345.678 detran"),
            (Some("BR"), "12.345.678 SSPX"),
            (Some("BR"), "12.345.678SSP/MG"),
            (Some("BR"), "11.111.111 SSP/MG"),
            (Some("BR"), "R$ 12.345.678, emissor da nota: loja"),
            (Some("BR"), "12.345.678 expedido pela transportadora"),
            (Some("BR"), "12.345.678 órgão emissor: PC"),
        ] {
            assert!(
                scan(text, region).iter().all(|(k, _)| *k != Kind::BrRg),
                "{text}"
            );
        }
        // A Chilean RUT's layout and check stays a RUT unless `RG` names it.
        assert_eq!(
            scan("12.345.678-5", Some("BR")),
            [(Kind::ClRut, "12.345.678-5".into())]
        );
        assert_eq!(
            scan("RG 12.345.678-5", Some("BR")),
            [(Kind::BrRg, "12.345.678-5".into())]
        );
    }
}
