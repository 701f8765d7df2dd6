//! India UPI virtual payment addresses (VPA, "UPI ID"): `name@handle`,
//! where the handle names the payment service provider (`okaxis`, `ybl`,
//! `paytm` …). It is how Indian customers are paid on WhatsApp, and it is
//! tied to one bank account (and often is the mobile number:
//! `9876543210@ybl`).
//!
//! A VPA has no top-level domain, so the e-mail detector never reports it;
//! both detectors see every `@`, and this one reports only handles from
//! the published list of UPI handles (NPCI's list of PSP and third-party app
//! handles), so `name@company` stays unreported and `name@paytm.com` stays
//! an e-mail address. No e-mail detector change is needed.
//!
//! The name part follows NPCI's rules: letters, digits, `.`, `-` and `_`,
//! 2 to 256 characters (no leading or trailing dot).
//!
//! Egypt's InstaPay, its central bank's instant payment network, addresses
//! an account the same way (an IPA, `ahmed.ali@instapay`): one handle,
//! the same name part, tied to one bank account, and how Egyptian
//! customers ask to be paid since 2023. It is its own kind
//! (`eg_instapay`), read here.

use super::{Context, Detector, Span, Trigger};
use crate::finding::{Finding, Kind};
use crate::text::is_alphanumeric;

/// A published handle after a well-formed name: nothing else has this form.
const CONFIDENCE: f32 = 0.97;
/// The same with a space beside the `@`, as a spaced e-mail address.
const CONFIDENCE_SPACED: f32 = 0.9;

/// Longest name part NPCI allows.
const MAX_NAME: usize = 256;
const MIN_NAME: usize = 2;

/// UPI handles, lower case and sorted (binary search). From NPCI's list of
/// live PSP banks and third-party apps and their handles.
static HANDLES: &[&str] = &[
    "abfspay",
    "airtel",
    "airtelpaymentsbank",
    "albk",
    "allahabadbank",
    "allbank",
    "andb",
    "apb",
    "apl",
    "aubank",
    "axis",
    "axisb",
    "axisbank",
    "axisgo",
    "axl",
    "bandhan",
    "barodampay",
    "barodapay",
    "birla",
    "boi",
    "cbin",
    "cboi",
    "centralbank",
    "cmsidfc",
    "cnrb",
    "csbcash",
    "csbpay",
    "cub",
    "dbs",
    "dcb",
    "dcbbank",
    "denabank",
    "dlb",
    "eazypay",
    "equitas",
    "ezeepay",
    "fam",
    "fbl",
    "federal",
    "finobank",
    "freecharge",
    "hdfcbank",
    "hdfcbankjd",
    "hsbc",
    "ibl",
    "icici",
    "idbi",
    "idbibank",
    "idfc",
    "idfcbank",
    "idfcfirst",
    "idfcnetc",
    "ikwik",
    "imobile",
    "indbank",
    "indianbank",
    "indianbk",
    "indus",
    "indusind",
    "iob",
    "jio",
    "jkb",
    "jsbp",
    "jupiteraxis",
    "kaypay",
    "kbl",
    "kbl052",
    "kmb",
    "kmbl",
    "kotak",
    "kvb",
    "kvbank",
    "lime",
    "lvb",
    "lvbank",
    "mahb",
    "mairtel",
    "myicici",
    "naviaxis",
    "nsdl",
    "obc",
    "okaxis",
    "okbizaxis",
    "okhdfcbank",
    "okicici",
    "oksbi",
    "paytm",
    "payzapp",
    "pingpay",
    "pnb",
    "pockets",
    "postbank",
    "psb",
    "ptaxis",
    "pthdfc",
    "ptsbi",
    "ptyes",
    "purz",
    "rajgovhdfcbank",
    "rapl",
    "rbl",
    "rmhdfcbank",
    "sbi",
    "sc",
    "scb",
    "scbl",
    "scmobile",
    "sib",
    "slice",
    "srcb",
    "superyes",
    "syndicate",
    "tapicici",
    "timecosmos",
    "tjsb",
    "ubi",
    "uboi",
    "uco",
    "union",
    "unionbank",
    "unionbankofindia",
    "united",
    "upi",
    "utbi",
    "vijb",
    "vjb",
    "waaxis",
    "wahdfcbank",
    "waicici",
    "wasbi",
    "yapl",
    "ybl",
    "yesbank",
    "yesbankltd",
    "yescred",
    "yesfam",
    "yesg",
    "yespay",
];

/// Finds UPI IDs at `@` signs.
#[derive(Debug)]
pub(crate) struct UpiDetector;

impl Detector for UpiDetector {
    fn kinds(&self) -> &[Kind] {
        &[Kind::UpiId, Kind::EgInstapay]
    }

    fn trigger(&self) -> Trigger {
        Trigger::AtSign
    }

    fn detect(&self, ctx: &Context<'_>, span: Span, out: &mut Vec<Finding>) {
        let text = ctx.text;
        // The `@`, or `%40` as a link encodes it (`upi://pay?pa=ravi%40okaxis`).
        let (at, after) = (span.start, span.end);
        // One space typed beside a plain `@` (`ravi.kumar @ okhdfcbank`,
        // `9876543210@ ybl`), the dodge of a filter that looks for `name@`.
        let plain = after == at + 1;
        let spaced_after = plain
            && text.get(after) == Some(&b' ')
            && text.get(after + 1).is_some_and(u8::is_ascii_alphanumeric);
        let spaced_before = plain && at >= 2 && text[at - 1] == b' ' && is_name_byte(text[at - 2]);
        let after = after + usize::from(spaced_after);
        let name_end = at - usize::from(spaced_before);
        // The handle: letters and digits up to the first other byte.
        let mut end = after;
        while end < text.len() && end - after < 24 && text[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let mut buf = [0u8; 24];
        let handle = &text[after..end];
        if handle.is_empty() || handle.len() > buf.len() {
            return;
        }
        // A domain goes on (`@paytm.com`, `@ybl-x`): an e-mail or nothing.
        let goes_on = |i: usize| text.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        match text.get(end) {
            Some(b'.' | b'-') if goes_on(end + 1) => return,
            Some(b'_' | b'@') => return,
            Some(&b) if b >= 0x80 && is_letter_after(text, end) => return,
            _ => {}
        }
        let handle = {
            let lower = &mut buf[..handle.len()];
            lower.copy_from_slice(handle);
            lower.make_ascii_lowercase();
            &*lower
        };
        let kind = if handle == b"instapay" {
            Kind::EgInstapay
        } else if HANDLES
            .binary_search_by(|h| h.as_bytes().cmp(handle))
            .is_ok()
        {
            Kind::UpiId
        } else {
            return;
        };
        // The name part, back from the `@`.
        let mut start = name_end;
        while start > 0 && name_end - start <= MAX_NAME && is_name_byte(text[start - 1]) {
            start -= 1;
        }
        // Sentence punctuation before the name is not part of it.
        while start < name_end && matches!(text[start], b'.' | b'-' | b'_') {
            start += 1;
        }
        let name = &text[start..name_end];
        // Spaced, `@` may be the word "at" (`pay @ paytm`): the name must
        // read as an ID's, with a digit or a `.`, `-` or `_` in it.
        let reads_as_id = || {
            name.iter()
                .any(|&b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_'))
        };
        if !(MIN_NAME..=MAX_NAME).contains(&name.len())
            || ((spaced_before || spaced_after) && !reads_as_id())
            || name.ends_with(b".")
            || start
                .checked_sub(1)
                .is_some_and(|i| text[i] >= 0x80 && is_letter_before(text, start))
        {
            return;
        }
        // `…@ybl@…` or `a@b@ybl`: not one address.
        if start > 0 && text[start - 1] == b'@' {
            return;
        }
        let mut normalized = String::with_capacity(end - start);
        normalized.push_str(&String::from_utf8_lossy(name));
        normalized.push('@');
        normalized.push_str(&String::from_utf8_lossy(handle));
        out.push(Finding {
            kind,
            start,
            end,
            confidence: if spaced_before || spaced_after {
                CONFIDENCE_SPACED
            } else {
                CONFIDENCE
            },
            normalized,
        });
    }
}

/// Whether `b` may be part of an ID's name: letters, digits, `.`, `-`, `_`.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')
}

/// Whether a letter (of any script) starts at `at`.
fn is_letter_after(text: &[u8], at: usize) -> bool {
    crate::text::char_at(text, at)
        .0
        .is_some_and(is_alphanumeric)
}

/// Whether a letter (of any script) ends at `at`.
fn is_letter_before(text: &[u8], at: usize) -> bool {
    crate::text::char_before(text, at)
        .0
        .is_some_and(is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::HANDLES;
    use crate::{Kind, Scanner};

    fn found(text: &str) -> Vec<(Kind, String)> {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| (f.kind.clone(), text[f.range()].to_string()))
            .collect()
    }

    fn upi(v: &str) -> Vec<(Kind, String)> {
        vec![(Kind::UpiId, v.to_string())]
    }

    #[test]
    fn handles_are_sorted_lower_case() {
        assert!(HANDLES.windows(2).all(|w| w[0] < w[1]));
        assert!(HANDLES
            .iter()
            .all(|h| h.bytes().all(|b| !b.is_ascii_uppercase())));
    }

    #[test]
    fn published_handles() {
        for v in [
            "ravi.kumar@okaxis",
            "priya-s@oksbi",
            "anil_99@okhdfcbank",
            "sunita@okicici",
            "9876543210@ybl",
            "ravi@ibl",
            "ravi@axl",
            "9876543210@paytm",
            "ravi.k@apl",
            "9876543210@upi",
            "RAVI@YBL",
        ] {
            assert_eq!(found(&format!("pay to {v} pls")), upi(v), "{v}");
        }
    }

    #[test]
    fn egyptian_instapay_addresses() {
        for (text, value) in [
            (
                "ابعتلي على انستاباي ahmed.ali@instapay شكرا",
                "ahmed.ali@instapay",
            ),
            ("InstaPay: Mona_88@InstaPay", "Mona_88@InstaPay"),
            ("IPA 01012345678@instapay", "01012345678@instapay"),
        ] {
            assert_eq!(
                found(text),
                [(Kind::EgInstapay, value.to_string())],
                "{text}"
            );
        }
        // A domain after it is an e-mail address; an `@` before it is none.
        for text in ["ahmed@instapay.com.eg", "a@b@instapay", "ahmed@instapayx"] {
            assert!(
                found(text).iter().all(|(k, _)| *k != Kind::EgInstapay),
                "{text}"
            );
        }
        let scanner = Scanner::new();
        let masked = scanner.redact("pay ahmed.ali@instapay").unwrap();
        assert_eq!(masked, "pay a•••@instapay");
    }

    /// One space beside the `@`, when the name reads as an ID's.
    #[test]
    fn a_space_beside_the_at_sign() {
        for (text, id) in [
            ("UPI ID: ravi.kumar @ okhdfcbank", "ravi.kumar @ okhdfcbank"),
            ("gpay 9876543210 @ okicici", "9876543210 @ okicici"),
            ("9876543210@ ybl", "9876543210@ ybl"),
            ("ravi_k @paytm", "ravi_k @paytm"),
        ] {
            assert_eq!(found(text), upi(id), "{text}");
        }
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let found_id = &scanner.scan("ravi.kumar @ okhdfcbank")[0];
        assert_eq!(found_id.normalized, "ravi.kumar@okhdfcbank");
        assert_eq!(found_id.confidence, 0.9);
        // `@` as "at", or two spaces.
        for text in [
            "pay @ paytm",
            "available @ paytm",
            "ravikumar @ paytm",
            "ravi.kumar @  ybl",
            "ravi.kumar  @ ybl",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        assert_eq!(
            scanner.redact("UPI ID: ravi.kumar @ okhdfcbank").unwrap(),
            "UPI ID: r•••@ okhdfcbank"
        );
    }

    #[test]
    fn an_at_sign_encoded_in_a_payment_link() {
        assert_eq!(
            found("upi://pay?pa=ravi%40okaxis&pn=Ravi&am=500"),
            upi("ravi%40okaxis")
        );
        assert_eq!(
            found("pay upi://pay?pa=9876543210%40ybl"),
            upi("9876543210%40ybl")
        );
        let scanner = Scanner::builder().region("IN").build().unwrap();
        assert_eq!(
            scanner.scan("upi://pay?pa=Ravi%40OKAXIS")[0].normalized,
            "Ravi@okaxis"
        );
        // As HTML escapes it, in a link copied from a page.
        assert_eq!(
            found("upi://pay?pa=ravi&#64;okaxis&amp;pn=Ravi"),
            upi("ravi&#64;okaxis")
        );
        for t in [
            "discount 12%40 off",
            "a%40okaxis",
            "%40okaxis",
            "a&#64;okaxis",
            "&#x40;okaxis",
        ] {
            assert!(found(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn not_upi() {
        assert!(found("write to ravi@company").is_empty());
        assert!(found("meet @ybl").is_empty());
        assert!(found("a@ybl").is_empty());
        assert!(found("mail ravi@ybl_x").is_empty());
        // A domain: an e-mail address.
        assert_eq!(
            found("mail ravi@paytm.com"),
            [(Kind::Email, "ravi@paytm.com".to_string())]
        );
        // A changed handle is not in the list.
        for v in ["ravi@okaxiss", "ravi@okaxi", "ravi@ybk", "ravi@upii"] {
            assert!(found(v).is_empty(), "{v}");
        }
    }

    #[test]
    fn never_a_phone_or_a_broken_email() {
        assert_eq!(found("GPay: 9876543210@okaxis."), upi("9876543210@okaxis"));
        assert_eq!(found("(ravi.kumar@okaxis)"), upi("ravi.kumar@okaxis"));
    }

    #[test]
    fn chat_context() {
        assert_eq!(
            found("Bhai payment ravi.kumar@okaxis pe bhej do, thanks"),
            upi("ravi.kumar@okaxis")
        );
        assert_eq!(
            found("कृपया भुगतान करें: sharma.traders@oksbi"),
            upi("sharma.traders@oksbi")
        );
        assert_eq!(
            found("UPI ID - 9812345678@ybl, amount ₹1,250"),
            upi("9812345678@ybl")
        );
        // Masked once, not found again.
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let masked = scanner.redact("pay ravi.kumar@okaxis now").unwrap();
        assert!(!masked.contains("ravi.kumar"), "{masked}");
        assert_eq!(scanner.redact(&masked).unwrap(), masked);
    }
}
