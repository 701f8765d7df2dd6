//! The confidence threshold: in the builder, the JSON configuration and per
//! role, at several values.

use piimask::{Config, Kind, MinConfidence, Scanner};

/// One phone in national format (0.85), one bare card (0.9), one with `+`
/// (0.95) and an e-mail (0.97).
const TEXT: &str =
    "call 98765 43210, card 4111111111111111, or +91 98765 43211, mail a@example.com";

fn kinds_at(scanner: &Scanner) -> Vec<String> {
    scanner
        .scan(TEXT)
        .iter()
        .map(|f| format!("{}@{:.2}", f.kind, f.confidence))
        .collect()
}

#[test]
fn the_default_is_one_half_and_keeps_everything_found_today() {
    let scanner = Scanner::builder().region("IN").build().unwrap();
    assert_eq!(scanner.min_confidence(), MinConfidence::DEFAULT);
    assert_eq!(scanner.min_confidence().get(), 0.5);
    assert_eq!(
        kinds_at(&scanner),
        ["phone@0.85", "credit_card@0.92", "phone@0.95", "email@0.97"]
    );
    let none = Scanner::builder()
        .region("IN")
        .min_confidence(0.0)
        .build()
        .unwrap();
    assert_eq!(kinds_at(&none), kinds_at(&scanner));
}

#[test]
fn findings_below_the_threshold_are_dropped() {
    let at = |t: f32| {
        let scanner = Scanner::builder()
            .region("IN")
            .min_confidence(t)
            .build()
            .unwrap();
        scanner
            .scan(TEXT)
            .iter()
            .map(|f| f.kind.clone())
            .collect::<Vec<_>>()
    };
    use Kind::*;
    assert_eq!(at(0.85), [Phone, CreditCard, Phone, Email]);
    assert_eq!(at(0.86), [CreditCard, Phone, Email]);
    assert_eq!(at(0.93), [Phone, Email]);
    assert_eq!(at(0.96), [Email]);
    assert_eq!(at(0.98), []);
    assert_eq!(at(1.0), []);
}

#[test]
fn per_call_threshold() {
    let scanner = Scanner::builder().region("IN").build().unwrap();
    let mut out = Vec::new();
    let strict = MinConfidence::new(0.96).unwrap();
    scanner.scan_into_with_min_confidence(TEXT.as_bytes(), scanner.region(), strict, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].kind, Kind::Email);
}

#[test]
fn out_of_range_thresholds_are_errors() {
    for bad in [-0.1, 1.5, f32::NAN] {
        let err = Scanner::builder().min_confidence(bad).build().unwrap_err();
        assert!(err.to_string().contains("min_confidence"), "{err}");
    }
    assert!(Config::from_json(r#"{"min_confidence": 2}"#).is_err());
    assert!(Config::from_json(r#"{"min_confidence": "high"}"#).is_err());
    assert!(Config::from_json(r#"{"policy":{"roles":{"agent":{"min_confidence":-1}}}}"#).is_err());
}

#[test]
fn configuration_sets_the_threshold() {
    let config = Config::from_json(r#"{"region": "IN", "min_confidence": 0.93}"#).unwrap();
    let scanner = Scanner::builder().config(&config).build().unwrap();
    assert_eq!(scanner.min_confidence().get(), 0.93);
    assert_eq!(kinds_at(&scanner), ["phone@0.95", "email@0.97"]);
}

#[test]
fn roles_have_their_own_threshold() {
    let config = Config::from_json(
        r#"{"region": "IN", "min_confidence": 0.9,
            "policy": {"roles": {"strict_agent": {"default": "label", "min_confidence": 0.5},
                                 "analytics": {"default": "label", "min_confidence": 0.96}}}}"#,
    )
    .unwrap();
    let scanner = Scanner::builder().config(&config).build().unwrap();
    let text = "call 98765 43210 or +91 98765 43211";
    // The scanner's own threshold drops the national-format number (0.85)…
    assert_eq!(
        scanner.redact(text).unwrap(),
        "call 98765 43210 or +91 ••••• ••211"
    );
    // … a leak-averse role masks it…
    assert_eq!(
        scanner
            .redact_as(text, scanner.region(), Some("strict_agent"))
            .unwrap(),
        "call [PHONE] or [PHONE]"
    );
    // … and a role that wants only the surest findings keeps both.
    assert_eq!(
        scanner
            .redact_as(text, scanner.region(), Some("analytics"))
            .unwrap(),
        text
    );
    // Roles without a threshold of their own use the scanner's.
    assert_eq!(
        scanner
            .redact_as(text, scanner.region(), Some("supervisor"))
            .unwrap(),
        "call 98765 43210 or +91 ••••• ••211"
    );
    let policy = scanner.policy();
    assert_eq!(
        policy.role("export").unwrap().min_confidence,
        Some(MinConfidence::LEAK_AVERSE)
    );
    assert_eq!(policy.role("agent").unwrap().min_confidence, None);
}

#[test]
fn a_bare_checksum_valid_id_of_another_country_is_weak_evidence() {
    // A Brazilian CPF, unnamed, in an Indian conversation.
    let text = "got it 39053344705 thanks";
    let default = Scanner::builder().region("IN").build().unwrap();
    assert!(default.scan(text).is_empty());
    let lenient = Scanner::builder()
        .region("IN")
        .min_confidence(0.3)
        .build()
        .unwrap();
    let found = lenient.scan(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, Kind::BrCpf);
    assert!(found[0].confidence < 0.5);
    // The leak-averse export role removes it.
    assert_eq!(
        default
            .redact_as(text, default.region(), Some("export"))
            .unwrap(),
        "got it  thanks"
    );
    // Named, or in Brazil, it is not weak.
    let br = Scanner::builder().region("BR").build().unwrap();
    assert_eq!(br.scan(text).len(), 1);
    // After a reference word it is that reference, not even weak
    // evidence: a wallet receipt's `TID` (in capitals only).
    let pk = Scanner::builder()
        .region("PK")
        .min_confidence(0.3)
        .build()
        .unwrap();
    assert_eq!(pk.scan("got it 39053344705 thanks").len(), 1);
    assert!(pk
        .scan("PKR 950 bhej diye hain, TID 39053344705")
        .is_empty());
}
