//! Roles over a labelled corpus: what each built-in role's output reveals.
//!
//! `tests/data/labelled_chat.jsonl` was produced by
//! `tests/corpus/gen_corpus.py --seed 1234 --messages 500` (values checked
//! by python-stdnum / phonenumbers). For every role, no run of five or more
//! of a value's letters or digits may survive in the redacted text, beyond
//! what the role's policy explicitly keeps.

use std::collections::BTreeSet;
use std::sync::Mutex;

use piimask::policy::{AuditEvent, AuditSink, Key, Operator, Outcome, RevealRequest, TokenVault};
use piimask::{Config, Kind, Region, Scanner};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Message {
    region: String,
    text: String,
    labels: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    kind: String,
    start: usize,
    end: usize,
}

fn corpus() -> Vec<Message> {
    include_str!("data/labelled_chat.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn key() -> Key {
    Key::new(b"piimask test key, 32 bytes long!").unwrap()
}

fn scanner() -> Scanner {
    Scanner::builder().key(key()).build().unwrap()
}

fn alnum(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The part of a value that a role must hide and the part it explicitly
/// keeps: all hidden, except what the operator keeps on purpose (the typed
/// mask keeps an e-mail's domain, which identifies nobody).
fn split_value<'a>(op: &Operator, kind: &Kind, value: &'a str) -> Option<(&'a str, &'a str)> {
    match op {
        Operator::Keep => None,
        // The first character of the local part and the domain are kept.
        Operator::Mask { .. } if *kind == Kind::Email => {
            let (local, _) = value.rsplit_once('@')?;
            let first = local.chars().next().map_or(0, char::len_utf8);
            Some((&local[first..], &value[..first]))
        }
        _ => Some((value, "")),
    }
}

#[test]
fn no_role_leaks_a_run_of_five() {
    let scanner = scanner();
    let messages = corpus();
    let supported: BTreeSet<Kind> = scanner.kinds().cloned().collect();
    for role_name in ["agent", "supervisor", "compliance", "export"] {
        let role = scanner.policy().role(role_name).unwrap();
        let mut checked = 0;
        for m in &messages {
            let region = Region::new(&m.region).ok();
            let out = scanner.redact_as(&m.text, region, Some(role_name)).unwrap();
            let out_chars = alnum(&out);
            // Runs that the unlabelled rest of the message holds anyway
            // ("my gmail: …") are not evidence of a leak.
            let mut context = String::new();
            let mut last = 0;
            for label in &m.labels {
                context.push_str(&m.text[last..label.start.max(last)]);
                context.push(' ');
                last = last.max(label.end);
            }
            context.push_str(&m.text[last..]);
            let context_chars = alnum(&context);
            for label in &m.labels {
                let kind = Kind::from_name(&label.kind);
                if !supported.contains(&kind) {
                    continue; // no detector for this kind yet
                }
                let value = &m.text[label.start..label.end];
                let Some((hidden, kept)) = split_value(role.operator(&kind), &kind, value) else {
                    continue;
                };
                let chars = alnum(hidden);
                let kept_chars = alnum(&format!(
                    "{kept}{}",
                    value.rsplit_once('@').map_or("", |(_, d)| d)
                ));
                for run in chars.windows(5) {
                    let seen_in = |chars: &[char]| chars.windows(5).any(|w| w == run);
                    let leaked =
                        seen_in(&out_chars) && !seen_in(&context_chars) && !seen_in(&kept_chars);
                    assert!(
                        !leaked,
                        "{role_name} leaks {:?} of {kind} {value:?}: {out}",
                        run.iter().collect::<String>()
                    );
                }
                checked += 1;
            }
        }
        // Compliance keeps contact data on purpose; the others hide it.
        if role.operator(&Kind::Phone) != &Operator::Keep {
            assert!(checked > 300, "{role_name}: only {checked} values checked");
        }
    }
}

#[test]
fn tokens_are_stable_across_runs_and_processes() {
    // A golden value: the same key and number give this token in every
    // process, on every machine, in every version.
    let scanner = scanner();
    let out = scanner
        .redact_as("call +91 98765 43210", None, Some("agent"))
        .unwrap();
    assert_eq!(out, "call [PHONE:hqomqmz4zj]");
    let out = scanner
        .redact_as("mail Priya.S@Example.IN", None, Some("agent"))
        .unwrap();
    assert_eq!(
        out,
        scanner
            .redact_as("mail priya.s@example.in", None, Some("agent"))
            .unwrap()
    );
    // Another key, unrelated tokens.
    let other = Scanner::builder()
        .key(Key::new(&[1; 32]).unwrap())
        .build()
        .unwrap();
    assert_ne!(
        other
            .redact_as("call +91 98765 43210", None, Some("agent"))
            .unwrap(),
        "call [PHONE:hqomqmz4zj]"
    );
}

#[test]
fn keyed_roles_fail_closed_without_a_key() {
    let scanner = Scanner::new();
    for role in ["agent", "export"] {
        let err = scanner
            .redact_as("call +91 98765 43210", None, Some(role))
            .unwrap_err();
        assert!(matches!(err, piimask::Error::MissingKey(_)), "{err}");
        let mut findings = Vec::new();
        let mut out = b"stale".to_vec();
        assert!(scanner
            .redact_role_into(
                b"call +91 98765 43210",
                None,
                Some(role),
                &mut findings,
                &mut out
            )
            .is_err());
        assert!(out.is_empty(), "no text on error");
    }
    // Roles without keyed operators need no key.
    assert_eq!(
        scanner
            .redact_as("call +91 98765 43210", None, Some("supervisor"))
            .unwrap(),
        "call +91 ••••• ••210"
    );
    assert!(matches!(
        scanner.redact_as("x", None, Some("intern")),
        Err(piimask::Error::UnknownRole(_))
    ));
}

#[derive(Default)]
struct Log(Mutex<Vec<AuditEvent>>);

impl AuditSink for Log {
    fn record(&self, event: &AuditEvent) {
        self.0.lock().unwrap().push(event.clone());
    }
}

struct Vault(Vec<(String, String)>);

impl TokenVault for Vault {
    fn lookup(&self, token: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(t, _)| t == token)
            .map(|(_, v)| v.clone())
    }
}

#[test]
fn reveal_is_permissioned_and_audited() {
    let scanner = scanner();
    let token = scanner
        .redact_as("+91 98765 43210", None, Some("agent"))
        .unwrap();
    let vault = Vault(vec![(token.clone(), "+919876543210".into())]);
    let log = Log::default();
    let ask = |role, value| RevealRequest {
        value,
        kind: &Kind::Phone,
        role,
        actor: "agent-42",
        conversation: Some("c-9"),
        region: None,
    };
    assert_eq!(
        scanner
            .reveal(&ask("supervisor", &token), Some(&vault), &log)
            .unwrap(),
        "+919876543210"
    );
    assert!(matches!(
        scanner.reveal(&ask("agent", &token), Some(&vault), &log),
        Err(piimask::Error::RevealDenied)
    ));
    assert!(scanner
        .reveal(&ask("export", &token), Some(&vault), &log)
        .is_err());
    assert!(scanner
        .reveal(&ask("supervisor", "[PHONE:aaaaaaaaaa]"), Some(&vault), &log)
        .is_err());
    assert!(scanner
        .reveal(&ask("intern", &token), Some(&vault), &log)
        .is_err());
    let events = log.0.lock().unwrap();
    let outcomes: Vec<Outcome> = events.iter().map(|e| e.outcome).collect();
    assert_eq!(
        outcomes,
        [
            Outcome::Revealed,
            Outcome::Denied,
            Outcome::Denied,
            Outcome::NotFound,
            Outcome::Denied
        ]
    );
    for e in events.iter() {
        assert_eq!(
            (e.actor.as_str(), e.conversation.as_deref(), &e.kind),
            ("agent-42", Some("c-9"), &Kind::Phone)
        );
        let json = serde_json::to_string(e).unwrap();
        assert!(
            !json.contains("98765") && !json.contains(&token),
            "audit holds no value: {json}"
        );
    }
}

fn fpe_scanner() -> Scanner {
    let config = Config::from_json(
        r#"{"policy":{"roles":{"agent":{"kinds":{"phone":"fpe","credit_card":{"op":"fpe","luhn":true}}}}}}"#,
    )
    .unwrap();
    Scanner::builder()
        .config(&config)
        .key(key())
        .build()
        .unwrap()
}

/// Valid numbers of several countries, from the metadata's examples with
/// their last digits varied (kept only when still valid).
fn phone_numbers() -> impl Strategy<Value = (String, &'static str)> {
    let examples = vec![
        ("+919876543210", "+91"),
        ("+5511961234567", "+55"),
        ("+442079460958", "+44"),
        ("+14155552671", "+1"),
        ("+33612345678", "+33"),
    ];
    (prop::sample::select(examples), 0u32..1000).prop_map(|((e, code), tail)| {
        let mut s = e.to_string();
        s.truncate(s.len() - 3);
        (format!("{s}{tail:03}"), code)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fpe_phones_round_trip((number, code) in phone_numbers()) {
        let scanner = fpe_scanner();
        let found = scanner.scan(&number);
        prop_assume!(found.len() == 1 && found[0].end == number.len());
        let masked = scanner.redact_as(&number, None, Some("agent")).unwrap();
        prop_assert_eq!(masked.len(), number.len());
        prop_assert_ne!(&masked, &number);
        // Still a valid phone number of the same country.
        let again = scanner.scan(&masked);
        prop_assert_eq!(again.len(), 1);
        prop_assert!(again[0].normalized.starts_with(code));
        let log = Log::default();
        let req = RevealRequest { value: &masked, kind: &Kind::Phone, role: "supervisor", actor: "t", conversation: None, region: None };
        prop_assert_eq!(scanner.reveal(&req, None, &log).unwrap(), number);
    }
}

/// Appends the Luhn check digit to `payload`.
fn with_luhn(payload: &str) -> String {
    let sum: u32 = payload
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    format!("{payload}{}", (10 - sum % 10) % 10)
}

fn fpe_all_scanner() -> Scanner {
    let config = Config::from_json(
        r#"{"policy":{"roles":{"agent":{"kinds":{"phone":"fpe","br_cpf":"fpe","credit_card":{"op":"fpe","luhn":true}}}}}}"#,
    )
    .unwrap();
    Scanner::builder()
        .region("BR")
        .config(&config)
        .key(key())
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Cards keep length, grouping and Luhn validity, and come back whole.
    #[test]
    fn fpe_cards_round_trip(payload in "4[0-9]{14}") {
        let card = with_luhn(&payload);
        let written = format!("{} {} {} {}", &card[..4], &card[4..8], &card[8..12], &card[12..]);
        let scanner = fpe_all_scanner();
        let found = scanner.scan(&written);
        prop_assume!(found.len() == 1 && found[0].kind == Kind::CreditCard);
        let masked = scanner.redact_as(&written, None, Some("agent")).unwrap();
        prop_assert_eq!(masked.len(), written.len());
        prop_assert_ne!(&masked, &written);
        let digits: String = masked.chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(with_luhn(&digits[..15]), digits.clone(), "still Luhn-valid");
        let log = Log::default();
        let req = RevealRequest { value: &masked, kind: &Kind::CreditCard, role: "compliance", actor: "t", conversation: None, region: None };
        prop_assert_eq!(scanner.reveal(&req, None, &log).unwrap(), written);
    }

    /// Identifiers (here a Brazilian CPF in its canonical form) keep their
    /// punctuation and length and come back whole.
    #[test]
    fn fpe_identifiers_round_trip(base in "[0-9]{9}") {
        // CPF check digits: weights 10..2 then 11..2, remainder < 2 -> 0.
        let check = |digits: &str, top: u32| {
            let s: u32 = digits.bytes().zip((2..=top).rev()).map(|(b, w)| u32::from(b - b'0') * w).sum();
            let r = s % 11;
            if r < 2 { 0 } else { 11 - r }
        };
        let d1 = check(&base, 10);
        let with_d1 = format!("{base}{d1}");
        let d2 = check(&with_d1, 11);
        let cpf = format!("{}.{}.{}-{d1}{d2}", &base[..3], &base[3..6], &base[6..9]);
        let text = format!("meu CPF {cpf}");
        let scanner = fpe_all_scanner();
        let found = scanner.scan(&text);
        prop_assume!(found.iter().any(|f| f.kind == Kind::BrCpf));
        let masked = scanner.redact_as(&text, None, Some("agent")).unwrap();
        let value = masked.strip_prefix("meu CPF ").unwrap();
        prop_assert_eq!(value.len(), cpf.len());
        prop_assert_eq!(value.chars().filter(|c| !c.is_ascii_digit()).collect::<String>(), "..-");
        let log = Log::default();
        let req = RevealRequest { value, kind: &Kind::BrCpf, role: "supervisor", actor: "t", conversation: None, region: None };
        prop_assert_eq!(scanner.reveal(&req, None, &log).unwrap(), cpf);
    }
}
