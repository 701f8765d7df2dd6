//! Values beside a word that holds digits: a card, an IBAN or an ID
//! followed by a word glued to digits (`3pm`, `4ravi@gmail.com`, `2x`), by
//! a count (`2 times`, `12 pcs`), or after a word that ends in digits
//! (`v2`, `room4`). Such a word's digits are no part of the value: the
//! value is read as it is alone, masked the same, the same in a stream,
//! and an address that starts with digits is read after a number too.
//! Codes in capitals (`TXN3305… 080…`) and digits that go on stay as
//! written.

mod common;

use piimask::{Kind, Region, Scanner};

fn scanner(region: &str) -> Scanner {
    Scanner::builder().region(region).build().unwrap()
}

/// Values whose written form ends in a digit, each with its context, the
/// region it is read in and its kind.
const VALUES: &[(&str, &str, &str, Kind)] = &[
    ("US", "card ", "4111 1111 1111 1111", Kind::CreditCard),
    ("US", "card ", "4111111111111111", Kind::CreditCard),
    ("US", "amex ", "3782 822463 10005", Kind::CreditCard),
    ("IN", "use card ", "6250 9410 0652 8599", Kind::CreditCard),
    ("DE", "IBAN ", "DE89 3704 0044 0532 0130 00", Kind::Iban),
    ("DE", "IBAN ", "DE89370400440532013000", Kind::Iban),
    ("GB", "IBAN ", "GB82 WEST 1234 5698 7654 32", Kind::Iban),
    ("IN", "Aadhaar ", "2341 2341 2346", Kind::InAadhaar),
    ("BR", "CPF ", "390.533.447-05", Kind::BrCpf),
    ("US", "SSN ", "536-90-4399", Kind::UsSsn),
    ("AU", "Medicare ", "2123 45670 1", Kind::AuMedicare),
    ("FR", "NIR ", "1 80 05 31 566 180 35", Kind::FrNir),
    ("IN", "call ", "98765 43210", Kind::Phone),
];

/// What follows a value: a word glued to digits, a count before a word.
const AFTER: &[&str] = &[
    " 3pm tomorrow",
    " 4ravi@gmail.com",
    " 2x",
    " 500rs",
    " 2 times",
    " 12 pcs",
    " 3 cuotas",
    " 5 बार",
];

/// What may stand between a value's context and the value: a word that
/// ends in digits.
const BEFORE: &[&str] = &["v2 ", "room4 ", "no1 "];

/// The normalized values of `kind` found in `text`.
fn normalized(scanner: &Scanner, text: &str, kind: &Kind) -> Vec<String> {
    scanner
        .scan(text)
        .into_iter()
        .filter(|f| &f.kind == kind)
        .map(|f| f.normalized)
        .collect()
}

#[test]
fn a_value_before_a_word_with_digits_is_read_as_alone() {
    for &(region, context, value, ref kind) in VALUES {
        let s = scanner(region);
        let alone = normalized(&s, &format!("{context}{value}"), kind);
        assert_eq!(alone.len(), 1, "{context}{value}");
        for after in AFTER {
            let text = format!("{context}{value}{after}");
            assert_eq!(normalized(&s, &text, kind), alone, "{text}");
            // Masked as alone, and nothing more read once masked.
            let masked = common::masked_once(&text, Region::new(region).unwrap());
            let masked_alone =
                common::masked_once(&format!("{context}{value}"), Region::new(region).unwrap());
            assert!(masked.starts_with(&masked_alone), "{text}: {masked}");
        }
    }
}

#[test]
fn a_value_after_a_word_that_ends_in_digits_is_read_as_alone() {
    for &(region, _, value, ref kind) in VALUES {
        let s = scanner(region);
        // The word stands where a keyword-free value stands alone.
        let alone = normalized(&s, &format!("ok {value} thanks"), kind);
        for before in BEFORE {
            for after in ["", " thanks", " 3pm"] {
                let text = format!("ok {before}{value}{after}");
                assert_eq!(normalized(&s, &text, kind), alone, "{text}");
            }
        }
    }
}

#[test]
fn an_address_that_starts_with_digits_is_read_after_a_number() {
    let s = scanner("IN");
    for (text, address) in [
        ("flat 3 4ravi@gmail.com", "4ravi@gmail.com"),
        ("room 12 4n@gmail.com", "4n@gmail.com"),
        ("call 98765 43210 4ravi@gmail.com", "4ravi@gmail.com"),
        (
            "card 4111 1111 1111 1111 4ravi@gmail.com",
            "4ravi@gmail.com",
        ),
        ("ref 4111 1111abc@example.com", "1111abc@example.com"),
    ] {
        assert_eq!(normalized(&s, text, &Kind::Email), [address], "{text}");
        let masked = common::masked_once(text, Region::new("IN").unwrap());
        assert!(!masked.contains(&address[1..]), "{text}: {masked}");
    }
    // The number before keeps its own reading.
    let found = s.scan("call 98765 43210 4ravi@gmail.com");
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].normalized, "+919876543210");
}

#[test]
fn digits_that_go_on_or_codes_in_capitals_stay_as_written() {
    let us = scanner("US");
    for text in [
        // A count at the end of the text, or more digits, make a longer
        // number.
        "4111 1111 1111 1111 12",
        "4111 1111 1111 1111 12345 pcs",
        "ref 1234 4111 1111 1111 1111 2x",
        // A code in capitals goes on into its groups.
        "AB12 4111 1111 1111 1111",
        "TXN33056067006 4111 1111 1111 1111",
        // A word that ends in more than three digits is a code.
        "ab1234 4111 1111 1111 1111",
    ] {
        assert!(
            normalized(&us, text, &Kind::CreditCard).is_empty(),
            "{text}"
        );
    }
    // Letters of scripts written without spaces glue no word: the group
    // before them is the value's.
    let jp = scanner("JP");
    assert_eq!(
        normalized(
            &jp,
            "カード 3528 6597 2999 9532ありがとう",
            &Kind::CreditCard
        ),
        ["3528659729999532"]
    );
}

#[test]
fn the_guard_holds_an_address_that_starts_with_digits() {
    common::assert_guard_holds_leak(
        scanner("IN"),
        "my mail 4ravi@gmail.com",
        "flat 3 4ravi@gmail.com",
    );
}

#[test]
fn values_beside_such_words_read_alike_beside_anything() {
    let s = scanner("US");
    for line in [
        "card 4111 1111 1111 1111 3pm",
        "card v2 4111 1111 1111 1111 2 times",
        "room 12 4n@gmail.com",
    ] {
        common::assert_reads_alike_beside(&s, line, &[" ok", "\nnext 98765", " 2", ", 3"]);
    }
}

#[test]
fn a_value_and_a_phone_number_a_space_apart_are_both_read() {
    let india = scanner("IN");
    for (text, card) in [
        ("card 4111 1111 1111 1111 98765 43210", "4111111111111111"),
        ("98765 43210 4111 1111 1111 1111", "4111111111111111"),
        ("card 4111111111111111 9876543210", "4111111111111111"),
        (
            "card 4111 1111 1111 1111 +91 98765 43210",
            "4111111111111111",
        ),
    ] {
        assert_eq!(
            normalized(&india, text, &Kind::CreditCard),
            [card],
            "{text}"
        );
        assert_eq!(
            normalized(&india, text, &Kind::Phone),
            ["+919876543210"],
            "{text}"
        );
    }
    // Digits that only go on into a phone number's groups make no value.
    assert!(normalized(&india, "ref 1234 5678 98765 43210", &Kind::CreditCard).is_empty());
}
