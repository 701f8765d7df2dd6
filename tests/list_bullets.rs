//! Values typed against a list bullet (`•98765 43210`, `•ravi@gmail.com`),
//! as bulleted details are pasted into chat, are found as the same values
//! written plainly, masked, and the masked text is not read again. The
//! bullet is the mask's character too: one a mask wrote (beside another
//! bullet, a letter or a digit, or a few signs from a masked group) still
//! marks what touches it as masked before.

mod common;

use common::{scanner, values, TEXTS};
use piimask::Region;
use proptest::prelude::*;

#[test]
fn values_after_a_list_bullet_are_the_plain_values() {
    let s = scanner();
    for &(region, plain) in TEXTS {
        let region = Region::new(region).unwrap();
        let expected = values(&s.scan_in(plain, region));
        assert!(!expected.is_empty(), "{plain}");
        // Each value with a bullet typed against it, at the text's start,
        // after a line break or after a space.
        for f in s.scan_in(plain, region) {
            for lead in ["", "notes:\n", "x "] {
                let text = format!("{lead}{}•{}", &plain[..f.start], &plain[f.start..]);
                let found = values(&s.scan_in(&text, region));
                if plain[..f.start].is_empty() || plain[..f.start].ends_with(char::is_whitespace) {
                    assert_eq!(found, expected, "{text:?}");
                }
                common::masked_once(&text, region);
            }
        }
    }
}

#[test]
fn a_bulleted_list_of_contact_details_is_masked() {
    let region = Region::new("IN").unwrap();
    let text = "Contact:\n•Ravi Kumar\n•98765 43210\n•+91 91234 56789\n•ravi.k@gmail.com\n\
                •PAN ABCPE1234F\n•4111 1111 1111 1111";
    let masked = common::masked_once(text, region);
    for shown in ["98765", "91234", "ravi.k", "ABCPE1234F", "4111 1111"] {
        assert!(!masked.contains(shown), "{masked}");
    }
    // The bullets and the name stay as they were.
    assert_eq!(masked.matches("\n•").count(), 6, "{masked}");
    assert!(masked.contains("•Ravi Kumar"), "{masked}");
}

#[test]
fn bullets_a_mask_wrote_still_mark_masked_text() {
    let s = scanner();
    let region = Region::new("IN").unwrap();
    for text in [
        // Glued to a letter or another bullet, or a few signs from a
        // masked group: what follows was masked before, or glued to it.
        "x•98765 43210",
        "•• •98765 43210",
        "••.+-(98765) 43210",
        "•-• •98765 43210",
    ] {
        assert!(s.scan_in(text, region).is_empty(), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Bullets put anywhere among values and look-alikes: whatever is
    /// found, masking the masked text again changes nothing.
    #[test]
    fn bullets_anywhere_keep_redaction_idempotent(
        plain in prop::collection::vec(prop_oneof![
            3 => prop::sample::select(vec![
                "+91 98765 43210", "98765 43210", "ravi.k@gmail.com", "4111 1111 1111 1111",
                "2341 2341 2346", "ABCPE1234F", "order #48213977", "\n", " ", "-", ".",
            ]).prop_map(str::to_string),
            1 => "[0-9 +()#.@a-z-]{1,12}",
        ], 0..8).prop_map(|pieces| pieces.concat()),
        bullets in prop::collection::vec(0usize..128, 0..6),
    ) {
        let s = scanner();
        let region = Region::new("IN").unwrap();
        let mut text = plain.clone();
        for at in bullets {
            let at = at.min(text.len());
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            text.insert(at, '•');
        }
        let masked = s.redact_with(&text, Some(region)).unwrap();
        prop_assert_eq!(s.redact_with(&masked, Some(region)).unwrap(), masked);
    }
}
