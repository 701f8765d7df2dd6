//! `\n`, `\r` and `\t` written as text (double-escaped logs, CSV exports)
//! are white space for identifiers and their context words, as they are
//! for phones and cards (docs/detection.md).

use piimask::{Region, Scanner};

fn found(text: &str, region: &str) -> Vec<(String, String, f32)> {
    let mut out = Vec::new();
    Scanner::new().scan_into(
        text.as_bytes(),
        Some(Region::new(region).unwrap()),
        &mut out,
    );
    out.into_iter()
        .map(|f| {
            (
                f.kind.name().to_string(),
                text[f.range()].to_string(),
                f.confidence,
            )
        })
        .collect()
}

#[test]
fn an_identifier_after_an_escape_is_not_glued_to_its_letter() {
    for text in [r"my SSN:\n536-90-4399\n", r"SSN\t536-90-4399\r\n"] {
        let f = found(text, "US");
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str()),
            ("us_ssn", "536-90-4399")
        );
    }
}

#[test]
fn a_keyword_after_an_escape_names_the_number() {
    let bare = found("44051401359", "PL")[0].2;
    let named = found("PESEL 44051401359", "PL")[0].2;
    assert!(named > bare);
    assert_eq!(found(r"Dane:\nPESEL 44051401359", "PL")[0].2, named);
    assert_eq!(found(r"Dane:\tPESEL 44051401359", "PL")[0].2, named);
}

#[test]
fn a_line_break_written_as_text_ends_the_context() {
    // A veto on the line before does not reach the number, as with a real
    // line break.
    assert!(found("order no.\n44051401359", "PL").len() == 1);
    assert_eq!(found(r"order no.\n44051401359", "PL").len(), 1);
    assert!(found("order no. 44051401359", "PL").is_empty());
}
