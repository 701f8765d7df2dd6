//! Contact details spelled out as words (`nine eight seven …`, `ravi [at]
//! gmail [dot] com`): found as the values they spell when asked for,
//! validated as those values, masked whole, and caught by the guard.

use std::sync::{Arc, OnceLock};

use piimask::guard::{Action, Guard, GuardConfig, LeakClass};
use piimask::policy::Key;
use piimask::{Config, Kind, Region, Scanner};
use proptest::prelude::*;

fn spelled(region: &str) -> Scanner {
    Scanner::builder()
        .region(region)
        .spelled_out(true)
        .build()
        .unwrap()
}

/// `(kind, matched text, normalized)` of every finding.
fn found(scanner: &Scanner, text: &str) -> Vec<(Kind, String, String)> {
    scanner
        .scan(text)
        .into_iter()
        .map(|f| (f.kind.clone(), text[f.range()].to_string(), f.normalized))
        .collect()
}

/// Whether `wide` is `narrow` read over more of the text: same kind, same
/// value, its span containing `narrow`'s.
fn covers_with_same_value(wide: &piimask::Finding, narrow: &piimask::Finding) -> bool {
    wide.kind == narrow.kind
        && wide.normalized == narrow.normalized
        && wide.start <= narrow.start
        && narrow.end <= wide.end
}

#[test]
fn a_digit_word_glued_before_a_number_is_read_as_its_country_code() {
    // Found by the property test below: plain scanning reads the national
    // number, spelled-out reading the same number with its `1` spelled.
    let text = "один2012000000 ";
    let plain = Scanner::builder().region("US").build().unwrap().scan(text);
    let wide = spelled("US").scan(text);
    assert_eq!(plain.len(), 1);
    assert_eq!(wide.len(), 1);
    assert_eq!(plain[0].normalized, "+12012000000");
    assert_eq!(&text[plain[0].range()], "2012000000");
    assert!(covers_with_same_value(&wide[0], &plain[0]), "{wide:?}");
    assert_eq!(&text[wide[0].range()], "один2012000000");
}

#[test]
fn an_address_after_a_number_with_a_digit_word_glued_reads_the_same_masked() {
    // Found by the property test below: the glued word was read as a digit
    // while the number was whole (so the address, starting with a digit,
    // was the number's next group and no address), and not once it was
    // masked, when the address was read.
    let scanner = spelled("US");
    for text in [
        "201200000一 0ninety[at]at.nine",
        "2012000000नौ 0ninety[at]at.nine",
        "2012000000four 0ninety[at]at.nine",
    ] {
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once, "{text}");
    }
}

#[test]
fn words_glued_to_a_masked_number_read_as_before_it_was_masked() {
    // Found by the `redact` fuzz target: `=3ek dui` went on from the first
    // DUI's digits (`440511401 312`), so the second DUI lost its keyword
    // `dui`; once the first was masked (`••••••••1=3ek dui`) the run was
    // too short, `dui` a word again, and the second DUI was read.
    for region in ["IN", "BR"] {
        let scanner = spelled(region);
        let text = "dui eSel 44051l401=3ek dui eSel 44051l401=3";
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once, "{region}");
    }
}

#[test]
fn an_alias_whose_last_word_runs_into_a_number_reads_as_it_will_once_masked() {
    // Found by the `redact` fuzz target: the spelled-out copy reads
    // `sol.nine, 119nine…` as digits (`sol.9, 119 9…`), no alias; the
    // words between `alias` and it, seven as written, are four once the
    // address is masked (`j•••@gmail.com`), and the second redaction read
    // the alias the first had left. The alias is read as written and its
    // words counted as the copy (and the redaction) reads them, an
    // invisible character inside a word part of it.
    let scanner = spelled("AR");
    for (text, alias) in [
        (
            "alias es mail juan at gmail dot com o sol.nine, 119nine000nine000",
            "sol.nine",
        ),
        (
            "alias es mail juan[at]gmail.com o si sol.nine, 119nine000nine000",
            "sol.nine",
        ),
        (
            "mi alias es gmail dot com / khine[at]e.ninBRnine[at]e.nine, 119nine000nine000",
            "e.nine",
        ),
        // An invisible character inside the address: the detectors read
        // through it and its mask drops it, so it joins the word.
        (
            "alias es el mail juan[at]gmail.c\u{200B}om o si sol.nine, 119nine000nine000",
            "sol.nine",
        ),
        (
            "alias s a t\0c n[at]e.n\u{2069}e[a]e.nine,119nine00",
            "e.nine",
        ),
        (
            "alias es j\u{200B}.pe x y juan at gmail dot com o sol.nine, 119nine000nine000",
            "sol.nine",
        ),
    ] {
        let aliases: Vec<_> = scanner
            .scan(text)
            .into_iter()
            .filter(|f| f.kind == Kind::ArCbuAlias)
            .map(|f| text[f.range()].to_string())
            .collect();
        assert_eq!(aliases, [alias], "{text}");
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once, "{text}");
    }
    // A digit group in a written address's name, masked or not, is the
    // address's (`1` of `1•••@e.in`, which the spelled address held the
    // first time): not a number's, whose words (`o`, `e`) the copy would
    // rewrite, bringing the alias within six words the second time.
    let text = "alias s s o 00nne000 e 1[at]e.in[a]e.ni36";
    let once = scanner.redact(text).unwrap();
    assert_eq!(scanner.redact(&once).unwrap(), once);
    // A spelled address the e-mail detector refuses (`n%[at]e.ni333.p`,
    // a one-letter top-level domain) is left as written: rewritten, its
    // `@` was glued to the alias, which the redaction, counting the masked
    // address before as one word, then read (found by the `redact` fuzz
    // target).
    let text = "alias\0s n%[at]e.ias\0s n%[at]e.ni333.p";
    let once = scanner.redact(text).unwrap();
    assert_eq!(scanner.redact(&once).unwrap(), once);
    assert!(!once.contains("ni333"), "{once}");
    // Too many words between, in the copy as well: no alias either way.
    let text = "alias es el que te dije ayer en el mail sol.nine, 119nine000nine000";
    assert!(scanner
        .scan(text)
        .iter()
        .all(|f| f.kind != Kind::ArCbuAlias));
}

#[test]
fn a_digit_word_in_an_address_written_with_a_keycap_stays_in_the_address() {
    // Found by the `redact` fuzz target: `shat` (seven) opens the name of
    // `shat0\u{20E3}@example.com`, an address the detectors read through
    // the keycap. Taken into the number before it, the word went with the
    // address once masked (`s•••@example.com`), and the number was read
    // only by the second redaction.
    // So with an apostrophe in the name, which the detector reads there
    // too (`shat'0\u{20E3}@…`).
    let scanner = spelled("IN");
    for text in [
        "call\"or O987…65 43choy shat0\u{20E3}@example.com",
        "call\"or O988…65 43choy shat'0\u{20E3}@example.com",
    ] {
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once);
        let kinds: Vec<_> = scanner.scan(text).into_iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Kind::Phone, Kind::Email], "{text}");
    }
}

#[test]
fn spelled_values_are_read_through_the_marks_the_detectors_read_through() {
    // An invisible character, a full-width digit or an italic underscore
    // hid a spelled value (or a word of it) that the same marks do not hide
    // from the detectors in a written one: `ju\u{200B}an@gmail.com` is an
    // address, `ju\u{200B}an[at]gmail.com` was not, and `nine\u{200B}`
    // stood apart from the rest of its number.
    let scanner = spelled("IN");
    for (text, kind, value) in [
        (
            "mail ju\u{200B}an[at]gmail.com ok",
            Kind::Email,
            "juan@gmail.com",
        ),
        (
            "mail juan[at]gm\u{2060}ail.com ok",
            Kind::Email,
            "juan@gmail.com",
        ),
        (
            "call nine\u{200B} eight seven six five four three two one zero",
            Kind::Phone,
            "+919876543210",
        ),
        (
            "call \u{FF19}\u{FF18}\u{FF17}\u{FF16}\u{FF15} four three two one zero",
            Kind::Phone,
            "+919876543210",
        ),
        (
            "call nine eight seven six five \u{FF14}\u{FF13}\u{FF12}\u{FF11}\u{FF10}",
            Kind::Phone,
            "+919876543210",
        ),
    ] {
        let found = found(&scanner, text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(
            (&found[0].0, found[0].2.as_str()),
            (&kind, value),
            "{text:?}"
        );
        let once = scanner.redact(text).unwrap();
        assert!(!once.contains("nine") && !once.contains("an["), "{once}");
        assert_eq!(scanner.redact(&once).unwrap(), once);
    }
    // A mark after the value stays outside it, as after a written one.
    let text = "call nine eight seven six five four three two one zero\u{202C} ok";
    let found = scanner.scan(text);
    assert_eq!(
        &text[found[0].range()],
        "nine eight seven six five four three two one zero"
    );
}

#[test]
fn a_digit_word_glued_to_a_number_it_is_not_part_of_ends_no_number_before() {
    // Found by the `redact` fuzz target (CI), minimized: `tam` (eight)
    // glued to `987/65..43210` was read as that number's first digit, but
    // the phone found holds the digits written; the `8` in the copy ended
    // the number before at `:8`, so only the second redaction, where the
    // mask leaves `tam•••/…` as letters, read it. The word is read again
    // as letters, and the phone it is glued to kept from the first reading.
    let scanner = spelled("BR");
    let text = "\x00119nine000nine0sau ba:tam987/65..43210";
    let once = scanner.redact(text).unwrap();
    assert_eq!(scanner.redact(&once).unwrap(), once);
    let phones = scanner
        .scan(text)
        .into_iter()
        .filter(|f| f.kind == Kind::Phone)
        .count();
    assert_eq!(phones, 2, "{once}");
}

#[test]
fn what_a_reading_of_the_masked_text_finds_is_masked_at_once() {
    // Found by the `redact` fuzz target against the build before the
    // masked re-read, minimized: the first redaction masked the two
    // disguised numbers after `tam` and left `119nine000nne0sau ba` shown,
    // which, the numbers masked, reads as a Brazilian mobile number and was
    // masked by the second. A scan now also reads the text masked and
    // masks what it finds there in the text kept as written.
    let scanner = spelled("BR");
    let text = "119nine000nne0sau ba:tam98765..4321ba:tam98765..43210";
    let once = scanner.redact(text).unwrap();
    assert!(!once.starts_with("119nine"), "{once}");
    assert_eq!(scanner.redact(&once).unwrap(), once);
    let found = scanner.scan(text);
    assert_eq!(found.len(), 3, "{once}");
    assert!(found.iter().all(|f| f.kind == Kind::Phone));
    assert_eq!(&text[found[0].range()], "119nine000nne0sau ba");
}

#[test]
fn an_alias_the_masked_text_reads_is_masked_at_once() {
    // The second find of the same fuzzing, minimized (invalid UTF-8 kept):
    // the alias `e.n0000nne00` stood more than six words after `alias`
    // until the disguised number before it was masked into fewer words.
    let scanner = spelled("AR");
    let text = b"alias s\xff7 t]e87..43210\xe2/h p\0e.n0000nne00";
    let region = Some(Region::new("AR").unwrap());
    let (mut findings, mut once, mut twice) = (Vec::new(), Vec::new(), Vec::new());
    scanner
        .redact_into(text, region, &mut findings, &mut once)
        .unwrap();
    assert!(findings.iter().any(|f| f.kind == Kind::ArCbuAlias));
    scanner
        .redact_into(&once, region, &mut findings, &mut twice)
        .unwrap();
    assert_eq!(twice, once);
}

#[test]
fn a_spelled_address_before_a_run_of_dashes_does_not_panic() {
    // Found by the `redact` fuzz target (minimized): the spelled-out pass
    // asks at every dot of its copy whether an alias stands there, and
    // trimming the closing `-` and `.` of a token of dashes only walked
    // back past its start.
    let scanner = spelled("AR");
    let text = format!("a[at]c.us{}.", "-".repeat(23));
    let once = scanner.redact(&text).unwrap();
    assert_eq!(scanner.redact(&once).unwrap(), once);
}

#[test]
fn a_word_beside_a_number_read_with_it_stays_a_word_when_left_out() {
    // Found by the `redact` fuzz target: `tam` (Vietnamese eight) joined the
    // disguised number after it (`tam / 98765...43210`, read `8 98765
    // 43210`), of which the phone holds only the digits written; as an `8`
    // it ended the number before (`…67:8`, no number's end), which the
    // second redaction, the phone masked and `tam` a word, read.
    let scanner = spelled("BR");
    let text = "nin 119nine000nine0sau bay:tam / 98765...43210";
    let phones: Vec<_> = scanner
        .scan(text)
        .into_iter()
        .map(|f| text[f.range()].to_string())
        .collect();
    assert_eq!(phones, ["119nine000nine0sau bay", "98765...43210"]);
    let once = scanner.redact(text).unwrap();
    assert_eq!(scanner.redact(&once).unwrap(), once);
    // A word glued to the number stays its edge: as letters it would glue
    // the number to them.
    assert_eq!(scanner.scan("DO119nine000nine000").len(), 1);
}

#[test]
fn a_spelled_address_whose_label_runs_into_a_masked_number_is_none() {
    // Found by the `redact` fuzz target (`nne` is Swahili four): the label
    // `do11nne000nne000` is no top-level domain, so `nne[at]e.do…` is no
    // address and its `nne` joins the number before; masked, the label
    // was `do` before `+55•••`, the address pass read `nne[at]e.do`, took
    // its `nne`, and the number before was read only then.
    let scanner = spelled("BR");
    for text in [
        "nne000nne00o nne[at]e.do11nne000nne000",
        // The same with the mask after the label's dot.
        "n[at]e.doU.nne000nne000",
    ] {
        let once = scanner.redact(text).unwrap();
        assert_eq!(scanner.redact(&once).unwrap(), once);
        assert!(scanner.scan(&once).is_empty(), "{once}");
    }
}

#[test]
fn digit_words_glued_before_an_id_are_read_into_a_number() {
    // Found by the property test below: `two4498986` alone has the shape of
    // an Indian voter ID; after `do一` (two, one) the words spell a number.
    let text = "do一two4498986 ";
    let plain = Scanner::builder().region("IN").build().unwrap().scan(text);
    let wide = spelled("IN").scan(text);
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].kind, Kind::InVoterId);
    assert_eq!(wide.len(), 1);
    assert_eq!(wide[0].kind, Kind::Phone);
    assert_eq!(&text[wide[0].range()], "do一two4498986");
}

/// Mobile numbers of the markets of WhatsApp commerce, spelled as their
/// customers would, with the E.164 form each must give. Written for this
/// test from the national numbering plans, not from the crate's tables.
const NUMBERS: &[(&str, &str, &str)] = &[
    (
        "IN",
        "nine eight seven six five four three two one zero",
        "+919876543210",
    ),
    (
        "IN",
        "nau aath saat chhe paanch chaar teen do ek shunya",
        "+919876543210",
    ),
    ("IN", "नौ आठ सात छह पांच चार तीन दो एक शून्य", "+919876543210"),
    ("IN", "98765 four three two one zero", "+919876543210"),
    (
        "IN",
        "plus nine one nine eight seven six five four three two one zero",
        "+919876543210",
    ),
    (
        "BR",
        "11 nove oito sete seis cinco quatro três dois um",
        "+5511987654321",
    ),
    (
        "MX",
        "cinco cinco uno dos tres cuatro cinco seis siete ocho",
        "+525512345678",
    ),
    (
        "ID",
        "nol delapan satu dua tiga empat lima enam tujuh delapan sembilan",
        "+628123456789",
    ),
    (
        "NG",
        "zero eight zero three one two three four five six seven",
        "+2348031234567",
    ),
    (
        "KE",
        "sifuri saba moja mbili tatu nne tano sita saba nane",
        "+254712345678",
    ),
    (
        "TR",
        "sıfır beş üç iki bir iki üç dört beş altı yedi",
        "+905321234567",
    ),
    (
        "SA",
        "صفر خمسة خمسة واحد اثنان ثلاثة أربعة خمسة ستة سبعة",
        "+966551234567",
    ),
    (
        "RU",
        "восемь девять один шесть один два три четыре пять шесть семь",
        "+79161234567",
    ),
    (
        "VN",
        "không chín một hai ba bốn năm sáu bảy tám",
        "+84912345678",
    ),
    // Without the marks, as chat often goes.
    (
        "VN",
        "khong chin mot hai ba bon nam sau bay tam",
        "+84912345678",
    ),
    ("BD", "শূন্য এক সাত এক দুই তিন চার পাঁচ ছয় সাত আট", "+8801712345678"),
    (
        "BD",
        "shunno ek shat ek dui tin char pach choy shat aath",
        "+8801712345678",
    ),
    (
        "PK",
        "صفر تین صفر صفر ایک دو تین چار پانچ چھ سات",
        "+923001234567",
    ),
    (
        "PH",
        "sero siyam isa pito isa dalawa tatlo apat lima anim pito",
        "+639171234567",
    ),
    ("CN", "一三八一二三四五六七八", "+8613812345678"),
    (
        "BR",
        "onze nove oito sete seis cinco quatro três dois um",
        "+5511987654321",
    ),
    (
        "MX",
        "cincuenta y cinco doce treinta y cuatro cincuenta y seis setenta y ocho",
        "+525512345678",
    ),
    (
        "US",
        "two oh two five five five eleven twenty-three",
        "+12025551123",
    ),
    (
        "GB",
        "oh seven nine one one one two three four five six",
        "+447911123456",
    ),
    (
        "US",
        "two oh two five five five double one two three",
        "+12025551123",
    ),
    // Letters typed for digits, to break the number up.
    ("IN", "98765 4321O", "+919876543210"),
    ("IN", "O98765 432l0", "+919876543210"),
    ("IN", "98765four3210", "+919876543210"),
    // The seven digits written are a local number by themselves: the
    // whole number spelled wins over it, or the rest would show.
    ("IN", "9876543 21O", "+919876543210"),
];

#[test]
fn spelled_numbers_are_found_as_the_numbers_they_spell() {
    for &(region, spelled_number, e164) in NUMBERS {
        let text = format!("my number: {spelled_number} ok");
        let found = found(&spelled(region), &text);
        assert_eq!(
            found,
            [(Kind::Phone, spelled_number.to_string(), e164.to_string())],
            "{region}: {text}"
        );
    }
}

#[test]
fn nothing_is_read_unless_asked_for() {
    let scanner = Scanner::builder().region("IN").build().unwrap();
    assert!(!scanner.reads_spelled_out());
    for &(_, spelled_number, _) in NUMBERS.iter().filter(|n| !n.1.contains("98765")) {
        assert!(scanner.scan(spelled_number).is_empty(), "{spelled_number}");
    }
    let config = Config::from_json(r#"{"region": "IN", "spelled_out": true}"#).unwrap();
    let scanner = Scanner::builder().config(&config).build().unwrap();
    assert!(scanner.reads_spelled_out());
    assert_eq!(scanner.scan(NUMBERS[0].1).len(), 1);
}

#[test]
fn spelled_values_are_validated_as_written_ones() {
    let scanner = spelled("IN");
    for text in [
        // Context vetoes apply as they do to digits.
        "order nine eight seven six five four three two one zero",
        "tracking nine eight seven six five four three two one zero",
        "otp is nine eight seven six five four",
        // No valid number: too short, too long, a wrong prefix.
        "one two three four five six seven",
        "nine eight seven six five four three two one zero nine eight seven six five four three two one zero",
        "nine nine nine nine nine nine nine",
        // Quantities and prose.
        "two or three boxes, four if you can, then one more",
        "do you have size nine? or eight?",
        "find us at shop.com",
        "meet me at home",
    ] {
        assert_eq!(found(&scanner, text), [], "{text}");
    }
}

#[test]
fn spelled_cards_and_addresses_are_found_too() {
    let scanner = spelled("IN");
    let card = "four one one one one one one one one one one one one one one one";
    assert_eq!(
        found(&scanner, &format!("card {card} thanks")),
        [(Kind::CreditCard, card.into(), "4111111111111111".into())]
    );
    for (text, address, normalized) in [
        (
            "mail ravi [at] gmail [dot] com pls",
            "ravi [at] gmail [dot] com",
            "ravi@gmail.com",
        ),
        (
            "mail ravi(at)gmail.com",
            "ravi(at)gmail.com",
            "ravi@gmail.com",
        ),
        (
            "sales at example dot com",
            "sales at example dot com",
            "sales@example.com",
        ),
        (
            "ravi.kumar at yahoo.co.in",
            "ravi.kumar at yahoo.co.in",
            "ravi.kumar@yahoo.co.in",
        ),
        (
            "correo juan arroba gmail punto com",
            "juan arroba gmail punto com",
            "juan@gmail.com",
        ),
    ] {
        assert_eq!(
            found(&scanner, text),
            [(Kind::Email, address.into(), normalized.into())],
            "{text}"
        );
    }
}

#[test]
fn masks_cover_the_words_and_show_no_more_than_digits_would() {
    let scanner = Scanner::builder()
        .region("IN")
        .spelled_out(true)
        .key(Key::new(&[3; 32]).unwrap())
        .build()
        .unwrap();
    let text =
        "call nine eight seven six five four three two one zero or ravi [at] gmail [dot] com";
    assert_eq!(
        scanner.redact(text).unwrap(),
        "call +91•••••••210 or r•••@gmail.com"
    );
    // A token is the same value's token, however it was written.
    let token = |t: &str| {
        scanner
            .redact_as(t, scanner.region(), Some("agent"))
            .unwrap()
    };
    assert_eq!(token(NUMBERS[0].1), token("+91 98765 43210"));
    assert_eq!(token("98765 4321O"), token("98765 43210"));
    assert_eq!(token("9876five43210"), token("98765 43210"));
    assert_eq!(
        scanner.redact("call 98765 4321O").unwrap(),
        "call +91•••••••210"
    );
    assert_eq!(token(NUMBERS[1].1), token("98765 43210"));
    // Format-preserving encryption encrypts the number, not the words.
    let config = r#"{"region": "IN", "spelled_out": true,
        "policy": {"roles": {"pseudo": {"kinds": {"phone": "fpe"}}}}}"#;
    let fpe = Scanner::builder()
        .config(&Config::from_json(config).unwrap())
        .key(Key::new(&[3; 32]).unwrap())
        .build()
        .unwrap();
    let out = fpe
        .redact_as(NUMBERS[3].1, fpe.region(), Some("pseudo"))
        .unwrap();
    assert!(!out.contains("four") && !out.contains("98765"), "{out}");
    assert_eq!(
        out,
        fpe.redact_as("+919876543210", fpe.region(), Some("pseudo"))
            .unwrap()
    );
}

#[test]
fn a_calling_code_shown_by_a_mask_separates_nothing() {
    // The word before the spelled number was glued to it (`double119…`),
    // so the address before it had no end; the mask writes `+55` there,
    // and redacting again must not read the address then (found by the
    // property test below).
    let scanner = Scanner::builder().spelled_out(true).build().unwrap();
    for (region, text, masked) in [
        (
            "BR",
            "nine[at]e.double119nine000nine000",
            "nine[at]e.double+55••••••••000",
        ),
        // With a capital in the word, the address ends before it, as the
        // e-mail detector reads `e.doUble…`, and the word is the address's
        // label, not the number's, whether the address is masked or not
        // (found by the `redact` fuzz target).
        (
            "BR",
            "nine[at]e.doUble119nine000nine000",
            "n•••@e.doUble119nine000nine000",
        ),
        // A weak digit word (`DO`) after the address's last label: read in
        // the middle of a number with the label the first time, it was the
        // number's edge once the address was masked (found by the `redact`
        // fuzz target).
        (
            "BR",
            "nine[at]e.nine, DO119nine000nine000",
            "n•••@e.nine, DO+55••••••••000",
        ),
        // The address's last label is a digit word too: the address keeps
        // it, the number keeps the rest (found by the property test too).
        (
            "BR",
            "nine[at]e.nine, 119nine000nine000",
            "n•••@e.nine, +55••••••••000",
        ),
        // A letter that looks like a digit, in a mailbox's name beside a
        // number (`01820 o0nivi`), is the name's: the number's mask would
        // leave too few digits to take it the second time (found by the
        // `redact` fuzz target).
        (
            "DE",
            "an: 0340 30 =01820 o0nivi at the rate gmail dot com",
            "an: •••• •• =••820 o•••@gmail.com",
        ),
        // Spaced from it, the address was read the first time, and is again.
        (
            "BR",
            "nine[at]e.com 119nine000nine000",
            "n•••@e.com +55••••••••000",
        ),
        // A digit word that is a written address's name (`shat@…`, Bengali
        // for seven) is the address's: read into the number before it, it
        // hid that number behind the address until the address was masked
        // (found by the `redact` fuzz target).
        (
            "IN",
            "call or O987…65 43choy shat@example.com",
            "call or +91•••••436 s•••@example.com",
        ),
        // An `at` after a spelled address read the address's last labels
        // as a local part (`co.vi at 10ni.vi`), gluing the next address to
        // the first: it was found only once the first was masked (found by
        // the `redact` fuzz target).
        (
            "BR",
            "ab.vi at 59l dot co.vi at 10ni.vi at 59l dot co.vi",
            "a•••@59l.co.vi at 1•••@59l.co.vi",
        ),
        (
            "IN",
            "ravi at gmail dot com at priya.k at yahoo dot co.in",
            "r•••@gmail.com at p•••@yahoo.co.in",
        ),
        // The same with an address's whole domain (`10ni.vi`) read as the
        // next one's local part.
        (
            "BR",
            "59l dot co.vi at 10ni.vi at 59l dot co.vi at 19l dot com",
            "5•••@10ni.vi at 5•••@19l.com",
        ),
        // A spelled dot the first address took as a label (`dot`, its
        // top-level domain) is none of the next one's local part, as in
        // its mask (`0•••@1.dot o.v at …`): the next stands without it
        // (found by the `redact` fuzz target).
        (
            "IN",
            "0 at 1 dot dot o.v at 1 dot om",
            "0•••@1.dot o•••@1.om",
        ),
        // A number typed after an address's full stop is no label of it.
        (
            "IN",
            "mail x[at]gmail.com.9876543210",
            "mail x•••@gmail.com.•••••••210",
        ),
    ] {
        let region = Some(Region::new(region).unwrap());
        let once = scanner.redact_with(text, region).unwrap();
        assert_eq!(once, masked, "{text}");
        assert_eq!(scanner.redact_with(&once, region).unwrap(), once, "{text}");
    }
}

#[test]
fn a_stream_gives_what_the_whole_text_gives() {
    let scanner = spelled("IN");
    let text = "hi\ncall नौ आठ सात छह पांच चार तीन दो एक शून्य now\nor nine eight seven six five four three two one zero\nand ravi [at] gmail [dot] com\n";
    let whole = scanner.redact(text).unwrap();
    assert_eq!(whole.matches("+91•••••••210").count(), 2, "{whole}");
    // Split anywhere, inside a word or a character too.
    let bytes = text.as_bytes();
    for split in 1..bytes.len() {
        let mut stream = scanner.stream(scanner.region(), None).unwrap();
        let mut out = Vec::new();
        stream.write(&bytes[..split], &mut out).unwrap();
        stream.write(&bytes[split..], &mut out).unwrap();
        stream.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole, "split at {split}");
    }
}

#[test]
fn the_guard_catches_a_number_passed_on_in_words() {
    // The host's scanner does not read spelled-out values; the guard can.
    let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
    let key = Key::new(&[7; 32]).unwrap();
    let config = GuardConfig {
        read_spelled_out: true,
        ..GuardConfig::default()
    };
    let guard = Guard::new(scanner.clone(), &key, config).unwrap();
    guard
        .observe_inbound("c-1", "my number is 98765 43210")
        .unwrap();
    guard.observe_inbound("c-2", "need 20 boxes").unwrap();
    let text = "his number is nau aath saat chhe paanch chaar teen do ek shunya";
    let leak = guard.check_outbound("c-2", "agent-7", text);
    assert_eq!(leak.action, Action::Hold);
    assert_eq!(leak.events[0].class, LeakClass::CrossConversationLeak);
    assert_eq!(leak.events[0].owners, ["c-1"]);

    // By default it reads what its scanner reads.
    let blind = Guard::new(scanner, &key, GuardConfig::default()).unwrap();
    blind
        .observe_inbound("c-1", "my number is 98765 43210")
        .unwrap();
    assert_eq!(
        blind.check_outbound("c-2", "agent-7", text).action,
        Action::Deliver
    );
    let reading = Arc::new(spelled("IN"));
    let guard = Guard::new(reading, &key, GuardConfig::default()).unwrap();
    guard
        .observe_inbound("c-1", "my number is 98765 43210")
        .unwrap();
    assert_eq!(
        guard.check_outbound("c-2", "agent-7", text).action,
        Action::Hold
    );
}

#[test]
fn every_scan_reads_an_address_that_names_itself() {
    // `ravi at gmail dot com` is the first dodge once `@` gets masked: a
    // mail service's name, or `arroba`, calls for the reading.
    let scanner = Scanner::builder().region("IN").build().unwrap();
    assert!(!scanner.reads_spelled_out());
    for (text, address, normalized) in [
        (
            "mail ravi at gmail dot com pls",
            "ravi at gmail dot com",
            "ravi@gmail.com",
        ),
        (
            "RAVI AT GMAIL DOT COM",
            "RAVI AT GMAIL DOT COM",
            "RAVI@gmail.com",
        ),
        (
            "ok ravi.kumar at yahoo.co.in",
            "ravi.kumar at yahoo.co.in",
            "ravi.kumar@yahoo.co.in",
        ),
        (
            "correo juan arroba empresa punto com",
            "juan arroba empresa punto com",
            "juan@empresa.com",
        ),
        (
            "mail ravi at the rate gmail dot com",
            "ravi at the rate gmail dot com",
            "ravi@gmail.com",
        ),
        // A big service's country domain.
        (
            "mail ravi at hotmail dot co dot uk",
            "ravi at hotmail dot co dot uk",
            "ravi@hotmail.co.uk",
        ),
        (
            "juan at yahoo dot com dot mx",
            "juan at yahoo dot com dot mx",
            "juan@yahoo.com.mx",
        ),
    ] {
        assert_eq!(
            found(&scanner, text),
            [(Kind::Email, address.into(), normalized.into())],
            "{text}"
        );
    }
    assert_eq!(
        scanner.redact("mail ravi at gmail dot com pls").unwrap(),
        "mail r•••@gmail.com pls"
    );
    // Prose, and what needs the pass over every word.
    for text in [
        "sign up at gmail.com",
        "sales at example dot com",
        "we use gmail at work",
    ] {
        assert!(scanner.scan(text).is_empty(), "{text}");
    }
    // Nor when e-mail is not among the kinds asked for.
    let phones = Scanner::builder()
        .region("IN")
        .kinds([Kind::Phone])
        .build()
        .unwrap();
    assert!(phones.scan("ravi at gmail dot com").is_empty());

    // The guard links it to the address written plainly.
    let scanner = Arc::new(scanner);
    let key = Key::new(&[7; 32]).unwrap();
    let guard = Guard::new(scanner.clone(), &key, GuardConfig::default()).unwrap();
    guard
        .observe_inbound("c-1", "my mail is ravi.kumar88@gmail.com")
        .unwrap();
    let leak = guard.check_outbound("c-2", "agent-7", "ravi dot kumar88 at gmail dot com");
    assert_eq!(leak.action, Action::Hold);
    assert_eq!(leak.events[0].owners, ["c-1"]);

    // A stream cuts no quiet stretch near the words that name it.
    let text = format!(
        "{}ravi at gmail dot com{}",
        "lorem ipsum ".repeat(200),
        " dolor sit".repeat(200)
    );
    let whole = scanner.redact(&text).unwrap();
    assert!(whole.contains("r•••@gmail.com"));
    for size in [1, 7, 64, 500] {
        let mut stream = scanner.stream(scanner.region(), None).unwrap();
        let mut out = Vec::new();
        for chunk in text.as_bytes().chunks(size) {
            stream.write(chunk, &mut out).unwrap();
        }
        stream.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole, "chunks of {size}");
    }
}

/// Text made of digit words of several languages, digit groups, the
/// address signs, separators and other characters.
fn wordy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "nine", "eight", "Seven", "SIX", "five", "four", "three", "two", "one", "zero", "oh",
            "o", "double", "triple", "plus", "do", "ek", "nau", "um", "três", "नौ", "छः", "один",
            "一", "八", "at", "dot", "arroba", "punto", "[at]", "(dot)", "[@]", "(.)", "ninety", "eleven", "onze", "vinte", "e", "y", "gmail",
            "com", "ravi", "order", "otp", "O", "l", "I",
        ]).prop_map(str::to_string),
        2 => "[0-9]{1,6}",
        3 => prop::sample::select(vec![" ", " ", "-", ".", ", ", "/", "\n", "  ", "\u{a0}", "@", "+"])
            .prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        // Marks the detectors read through: invisible characters, a
        // keycap, a variation selector, italics, full-width forms.
        1 => prop::sample::select(vec![
            "\u{200B}", "\u{2069}", "\u{00AD}", "\u{20E3}", "\u{FE0F}", "_", "\u{FF19}", "\u{FF20}",
            "\u{FF0E}",
        ]).prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Reading spelled-out values only adds findings, each on character
    /// boundaries and clear of the others.
    #[test]
    fn reading_spelled_values_only_adds_well_formed_findings(
        text in wordy_text(),
        region in prop::sample::select(vec!["IN", "BR", "US", "GB", "CN", "ID"]),
    ) {
        static SCANNERS: OnceLock<(Scanner, Scanner)> = OnceLock::new();
        let (plain, spelled) = SCANNERS.get_or_init(|| {
            (Scanner::new(), Scanner::builder().spelled_out(true).build().unwrap())
        });
        let region = Region::new(region).unwrap();
        let (mut before, mut after) = (Vec::new(), Vec::new());
        plain.scan_into(text.as_bytes(), Some(region), &mut before);
        spelled.scan_into(text.as_bytes(), Some(region), &mut after);
        // A plain finding is kept, or lies inside a wider one, so its bytes
        // are still masked: digit words glued before a number are read into
        // it (`один2012000000` in US is +12012000000 over the word too;
        // `do一two4498986` in IN a phone, not the voter ID `two4498986`).
        for f in &before {
            prop_assert!(
                after.iter().any(|g| g.start <= f.start && f.end <= g.end),
                "{f:?} lost"
            );
        }
        for pair in after.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "overlap: {pair:?}");
        }
        for f in &after {
            prop_assert!(f.start < f.end && text.get(f.range()).is_some(), "{f:?}");
        }
        // Redaction of what it found is idempotent.
        let once = spelled.redact_with(&text, Some(region)).unwrap();
        prop_assert_eq!(spelled.redact_with(&once, Some(region)).unwrap(), once.clone());
    }
}

#[test]
fn long_texts_of_words_and_signs_are_read_through() {
    let scanner = spelled("IN");
    for piece in [
        "nine eight seven six five four three two one zero ",
        "nine-eight-seven-six-five-four-three-two-one-zero-",
        "one one one one one one one one one one one one one ",
        "ravi [at] gmail [dot] com ",
        "a.b.c.d.e(@)x(.)y(.)z(.)w(.)v(.)u(.)t ",
        "[at][at](dot)(.)[@] at dot arroba punto ",
        "double triple double plus plus do do oh oh ",
    ] {
        let text = piece.repeat((1 << 18) / piece.len());
        let found = scanner.scan(&text);
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
        for f in &found {
            assert!(text.get(f.range()).is_some(), "{f:?}");
        }
        let masked = scanner.redact(&text).unwrap();
        assert_eq!(scanner.redact(&masked).unwrap(), masked, "{piece}");
    }
}
