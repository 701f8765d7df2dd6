//! The leak guard end to end: format invariance, both classes for every
//! kind family, actions, fail-closed checks, snapshots and many threads.

use std::sync::{Arc, Barrier, OnceLock};

use piimask::guard::{
    Action, Fingerprint, Guard, GuardConfig, GuardError, LeakClass, Outbound, Outcome, Ownership,
    Record, Store,
};
use piimask::policy::Key;
use piimask::{Kind, Region, Scanner};
use proptest::prelude::*;

fn scanner() -> Arc<Scanner> {
    static S: OnceLock<Arc<Scanner>> = OnceLock::new();
    S.get_or_init(|| {
        Arc::new(
            Scanner::builder()
                .region("IN")
                .custom_dictionary_case_insensitive("customer_name", ["Ravi Kumar"])
                .key(Key::new(&[9; 32]).unwrap())
                .build()
                .unwrap(),
        )
    })
    .clone()
}

fn key() -> Key {
    Key::new(&[5; 32]).unwrap()
}

fn guard_with(config: GuardConfig) -> Guard {
    Guard::new(scanner(), &key(), config).unwrap()
}

fn new_guard() -> Guard {
    guard_with(GuardConfig::default())
}

/// One value of each kind family, written two ways.
const FAMILIES: &[(&str, &str, &str)] = &[
    ("phone", "my number 98765 43210", "call 0091-98765-43210"),
    (
        "email",
        "mail Priya.S@Example.in",
        "write to PRIYA.S@example.IN",
    ),
    (
        "credit_card",
        "card 4111 1111 1111 1111",
        "card 4111-1111-1111-1111",
    ),
    (
        "iban",
        "IBAN DE89 3704 0044 0532 0130 00",
        "to DE89370400440532013000",
    ),
    (
        "ip_address",
        "my server 203.0.113.7",
        "log in to 203.0.113.7",
    ),
    (
        "in_aadhaar",
        "aadhaar 2341 2341 2346",
        "aadhaar 2341-2341-2346",
    ),
    ("in_pan", "PAN ABCPE1234F", "PAN: ABCPE1234F."),
    ("us_ssn", "SSN 536-22-8417", "SSN 536 22 8417"),
    ("customer_name", "I am Ravi Kumar", "ask ravi kumar"),
    (
        "social_handle",
        "my telegram @Ravi_K88",
        "his telegram id: ravi_k88",
    ),
    (
        "br_pix_key",
        "chave pix 7d9f0335-8dcc-4054-9bf9-0dbd61a1e5b2",
        "pix: 7D9F0335-8DCC-4054-9BF9-0DBD61A1E5B2",
    ),
    (
        "eg_instapay",
        "ابعتلي على ahmed.ali@instapay",
        "instapay: Ahmed.Ali@InstaPay",
    ),
];

fn classes(outcome: &piimask::guard::Outcome) -> Vec<(LeakClass, String, Vec<String>)> {
    outcome
        .events
        .iter()
        .map(|e| (e.class, e.kind.name().to_string(), e.owners.clone()))
        .collect()
}

/// Two customers' handles that differ only in their separators are two
/// accounts: one's handle in the other's conversation is no leak of the
/// first, and each is still caught elsewhere.
#[test]
fn handles_that_differ_in_separators_are_two_values() {
    let guard = new_guard();
    guard
        .observe_inbound_at("cust-a", "my insta ravi_kumar_99", 1000, None)
        .unwrap();
    guard
        .observe_inbound_at("cust-b", "insta: ravi.kumar.99", 1000, None)
        .unwrap();
    // B's own handle, in any case, in B's conversation: silent.
    let own = guard.check(&Outbound {
        time: Some(1001),
        ..Outbound::new("cust-b", "agent-1", "insta: Ravi.Kumar.99")
    });
    assert_eq!(own.events.len(), 0, "{own:?}");
    assert_eq!(own.action, Action::Deliver);
    let leak = guard.check(&Outbound {
        time: Some(1002),
        ..Outbound::new("cust-b", "agent-1", "insta: ravi_kumar_99")
    });
    assert_eq!(
        classes(&leak),
        [(
            LeakClass::CrossConversationLeak,
            "social_handle".to_string(),
            vec!["cust-a".to_string()]
        )]
    );
}

/// An address the customer wrote with its dots as words and a spaced `@`
/// is the same value as the address written plainly: pasted into another
/// conversation in either form, it is a leak.
#[test]
fn an_address_spoken_with_dots_is_the_plain_address() {
    let guard = new_guard();
    guard
        .observe_inbound_at(
            "cust-a",
            "mail me: ravi dot kumar @ gmail dot com",
            1000,
            None,
        )
        .unwrap();
    for (time, text) in [
        (1001, "send the invoice to ravi.kumar@gmail.com"),
        (1002, "try ravi . kumar @ gmail . com"),
        (1003, "RAVI at GMAIL . com"),
    ] {
        let check = guard.check(&Outbound {
            time: Some(time),
            ..Outbound::new("cust-b", "agent-1", text)
        });
        let want = if time == 1003 {
            // Another address, `ravi@gmail.com`, read too: nobody's.
            vec![(LeakClass::UnknownOutbound, "email".to_string(), vec![])]
        } else {
            vec![(
                LeakClass::CrossConversationLeak,
                "email".to_string(),
                vec!["cust-a".to_string()],
            )]
        };
        assert_eq!(classes(&check), want, "{text}");
    }
}

/// Argentina's transfer aliases are read in Argentine conversations only.
#[test]
fn an_alias_pasted_into_another_argentine_conversation() {
    let guard = new_guard();
    let ar = Some(Region::new("AR").unwrap());
    let found = guard
        .observe_inbound_at("cliente-1", "mi alias es juan.perez.mp", 1000, ar)
        .unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind.name(), "ar_cbu_alias");
    let leak = guard.check(&Outbound {
        time: Some(1001),
        region: ar,
        ..Outbound::new("cliente-2", "agent-1", "Alias: JUAN.PEREZ.MP")
    });
    assert_eq!(
        classes(&leak),
        [(
            LeakClass::CrossConversationLeak,
            "ar_cbu_alias".to_string(),
            vec!["cliente-1".to_string()]
        )],
    );
    assert_eq!(leak.action, Action::Hold);
}

#[test]
fn both_classes_for_every_kind_family() {
    let guard = new_guard();
    for (kind, inbound, outbound) in FAMILIES {
        let owner = format!("own-{kind}");
        let found = guard
            .observe_inbound_at(&owner, inbound, 1000, None)
            .unwrap();
        assert_eq!(found.len(), 1, "{kind}: {found:?}");
        assert_eq!(found[0].kind.name(), *kind);

        // The owner's own value, written differently: silent.
        let own = guard.check(&Outbound {
            time: Some(1001),
            ..Outbound::new(&owner, "agent-1", outbound)
        });
        assert_eq!(classes(&own), [], "{kind}");
        assert_eq!(own.action, Action::Deliver);
        assert_eq!(own.text_to_send(outbound), Some(*outbound));

        // The same value in another conversation: a cross-conversation leak.
        let leak = guard.check(&Outbound {
            time: Some(1002),
            ..Outbound::new("elsewhere", "agent-1", outbound)
        });
        assert_eq!(
            classes(&leak),
            [(
                LeakClass::CrossConversationLeak,
                kind.to_string(),
                vec![owner.clone()]
            )],
        );
        assert_eq!(leak.action, Action::Hold, "{kind}");
        assert_eq!(
            leak.events[0].rule,
            format!("cross_conversation_leak.{kind}")
        );

        // After forget, nobody owns it: unknown outbound.
        assert_eq!(guard.forget(&owner).unwrap(), 1);
        let unknown = guard.check(&Outbound {
            time: Some(1003),
            ..Outbound::new("elsewhere", "agent-1", outbound)
        });
        assert_eq!(
            classes(&unknown),
            [(LeakClass::UnknownOutbound, kind.to_string(), vec![])]
        );
        // Default actions: phones, e-mails, IPs masked; the rest held.
        let expected = match *kind {
            "phone" | "email" | "ip_address" => Action::Mask,
            _ => Action::Hold,
        };
        assert_eq!(unknown.action, expected, "{kind}");
        let event = &unknown.events[0];
        let value = &outbound[event.start..event.end];
        match unknown.text_to_send(outbound) {
            Some(sent) => assert!(!sent.contains(value), "{kind}: {sent}"),
            None => assert_eq!(unknown.action, Action::Hold),
        }
        // Events never carry the value.
        let json = serde_json::to_string(&unknown.events).unwrap();
        assert!(!json.contains(value), "{json}");
    }
}

#[test]
fn events_name_every_owner_and_never_this_conversation() {
    let guard = new_guard();
    for c in ["c-3", "c-9", "c-1"] {
        guard.observe_inbound(c, "+91 98765 43210").unwrap();
    }
    let leak = guard.check_outbound("c-7", "a", "ring 09876543210");
    assert_eq!(leak.events[0].owners, ["c-1", "c-3", "c-9"]);
    // An owner among others writing it: its own value.
    assert!(guard
        .check_outbound("c-3", "a", "ring 09876543210")
        .events
        .is_empty());
}

#[test]
fn registered_values_are_owned() {
    let guard = new_guard();
    guard
        .register("c-1", &Kind::Phone, "919876543210@s.whatsapp.net")
        .unwrap();
    guard.register("c-1", &Kind::Email, "Ravi@Shop.IN").unwrap();
    assert!(guard
        .check_outbound("c-1", "a", "+91 98765 43210, ravi@shop.in")
        .events
        .is_empty());
    let leak = guard.check_outbound("c-2", "a", "try wa.me/919876543210 or RAVI@shop.in");
    assert_eq!(leak.events.len(), 2);
    assert!(leak.events.iter().all(|e| e.owners == ["c-1"]));
    // Not a value of the kind: refused, and the error does not quote it.
    let err = guard
        .register("c-1", &Kind::CreditCard, "4111 1111 1111 1112")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("1112"), "{err}");
}

#[test]
fn whatsapp_ids_of_legacy_mobiles_are_todays_numbers() {
    let guard = new_guard();
    // WhatsApp's ID of a Mexican mobile holds the old `1`; that of an
    // older Brazilian account, the mobile without its ninth digit.
    guard
        .register("mx", &Kind::Phone, "5215512345678@s.whatsapp.net")
        .unwrap();
    guard
        .register("br", &Kind::Phone, "558191234567@s.whatsapp.net")
        .unwrap();
    for (owner, today) in [("mx", "+52 55 1234 5678"), ("br", "+55 81 99123-4567")] {
        assert!(guard
            .check_outbound(owner, "a", &format!("ok {today}"))
            .events
            .is_empty());
        let leak = guard.check_outbound("other", "a", &format!("call {today}"));
        assert_eq!(leak.events.len(), 1, "{today}");
        assert_eq!(leak.events[0].owners, [owner]);
    }
    assert!(guard
        .check_outbound("mx", "a", "tel +52 1 55 1234 5678")
        .events
        .is_empty());
}

#[test]
fn actions_come_from_the_configuration() {
    let config = GuardConfig::from_json(
        r#"{"actions": {
            "cross_conversation_leak": {"default": "hold", "kinds": {"email": "deliver"}},
            "unknown_outbound": {"default": "deliver", "kinds": {"phone": "mask", "credit_card": "hold"}}
        }}"#,
    )
    .unwrap();
    let guard = guard_with(config);
    guard.observe_inbound("c-1", "a@b.co").unwrap();
    let text = "mail A@B.co";
    let out = guard.check_outbound("c-2", "x", text);
    assert_eq!(out.action, Action::Deliver);
    assert_eq!(out.events[0].class, LeakClass::CrossConversationLeak);
    assert_eq!(out.text_to_send(text), Some(text));

    // The strictest event decides; only the `mask` values are masked.
    let text = "call 91234 56789 or 98765 43210, ip 203.0.113.7";
    let out = guard.check_outbound("c-2", "x", text);
    assert_eq!(
        out.events.iter().map(|e| e.action).collect::<Vec<_>>(),
        [Action::Mask, Action::Mask, Action::Deliver]
    );
    assert_eq!(out.action, Action::Mask);
    assert_eq!(
        out.text_to_send(text),
        Some("call ••••• ••789 or ••••• ••210, ip 203.0.113.7")
    );
    let out = guard.check_outbound("c-2", "x", "card 4111 1111 1111 1111, call 91234 56789");
    assert_eq!(out.action, Action::Hold);
    assert_eq!(out.text_to_send("ignored"), None);
}

#[test]
fn a_mask_role_masks_with_its_operators() {
    let config = GuardConfig {
        mask_role: Some("export".into()),
        ..GuardConfig::default()
    };
    let guard = guard_with(config);
    let text = "call 91234 56789 now";
    let out = guard.check_outbound("c-2", "x", text);
    assert_eq!(out.action, Action::Mask);
    let sent = out.text_to_send(text).unwrap();
    assert!(
        sent.starts_with("call ") && sent.ends_with(" now"),
        "{sent}"
    );
    assert!(!sent.contains("56789") && !sent.contains('•'), "{sent}");
}

#[test]
fn coaching_per_language_with_placeholders() {
    let config = GuardConfig::from_json(
        r#"{"coaching": {"hi": {"unknown_outbound": "{kind} {rule} {action}: mat bhejo"}}}"#,
    )
    .unwrap();
    let guard = guard_with(config);
    let hindi = guard.check(&Outbound {
        language: Some("hi"),
        ..Outbound::new("c", "a", "91234 56789")
    });
    assert_eq!(
        hindi.events[0].coaching,
        "phone unknown_outbound.phone mask: mat bhejo"
    );
    let english = guard.check_outbound("c", "a", "91234 56789");
    assert!(english.events[0].coaching.contains("phone number"));
}

#[test]
fn a_masking_failure_holds_the_message() {
    let guard = new_guard();
    let text = "call 91234 56789 now";
    for panic in [false, true] {
        Scanner::inject_masking_fault(Some(0), panic);
        let out = guard.check_outbound("c-2", "x", text);
        Scanner::inject_masking_fault(None, false);
        assert_eq!(out.action, Action::Hold, "panic: {panic}");
        assert_eq!(out.masked, None);
        assert_eq!(out.text_to_send(text), None);
        assert!(out.events.iter().any(|e| e.class == LeakClass::CheckError));
    }
    // And the guard goes on working.
    assert_eq!(guard.check_outbound("c-2", "x", text).action, Action::Mask);
}

/// A store whose backend is down (a shared store unreachable).
#[derive(Debug)]
struct Unreachable;

impl Store for Unreachable {
    fn add(&self, _: &str, _: &[Fingerprint], _: u64) -> Result<(), GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
    fn lookup(
        &self,
        _: &str,
        _: &[Fingerprint],
        _: u64,
        _: &mut Vec<Ownership>,
    ) -> Result<(), GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
    fn forget(&self, _: &str) -> Result<usize, GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
    fn purge_expired(&self, _: u64) -> Result<usize, GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
    fn len(&self) -> Result<usize, GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
    fn export(&self) -> Result<Vec<Record>, GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
    fn replace(&self, _: Vec<Record>) -> Result<(), GuardError> {
        Err(GuardError::Store("connection refused".into()))
    }
}

#[test]
fn a_store_failure_holds_the_message() {
    let guard = Guard::with_store(
        scanner(),
        &key(),
        GuardConfig::default(),
        Box::new(Unreachable),
    )
    .unwrap();
    assert!(guard.observe_inbound("c", "98765 43210").is_err());
    let out = guard.check_outbound("c", "a", "hello 98765 43210 and a@b.co");
    assert_eq!(out.action, Action::Hold);
    assert_eq!(
        out.events.iter().map(|e| e.class).collect::<Vec<_>>(),
        [LeakClass::StoreError, LeakClass::StoreError]
    );
    // A clean message needs no store.
    assert_eq!(
        guard.check_outbound("c", "a", "order 48213977").action,
        Action::Deliver
    );
    assert!(guard.snapshot_bytes().is_err());
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("piimask-guard-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn snapshot_files_round_trip_and_damage_is_refused() {
    let guard = new_guard();
    guard.observe_inbound("c-1", "98765 43210").unwrap();
    guard.register("c-2", &Kind::Email, "ravi@shop.in").unwrap();
    let path = temp_path("round-trip.snap");
    assert_eq!(guard.snapshot(&path).unwrap(), 2);
    // Nothing but the file is left (the temporary file was renamed).
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("round-trip"))
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("round-trip.snap")]);
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.windows(5).any(|w| w == b"43210" || w == b"ravi@"));

    let restarted = new_guard();
    assert_eq!(restarted.restore(&path).unwrap(), 2);
    let leak = restarted.check_outbound("c-3", "a", "+91 98765 43210 / RAVI@shop.in");
    assert_eq!(leak.events.len(), 2);
    assert_eq!(leak.events[0].owners, ["c-1"]);
    assert_eq!(leak.events[1].owners, ["c-2"]);

    // Truncated, corrupt, foreign, another key, missing: refused, unchanged.
    let bad = temp_path("bad.snap");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("corrupt", {
            let mut b = bytes.clone();
            b[40] ^= 1;
            b
        }),
        ("foreign", b"PK\x03\x04 not a snapshot at all".to_vec()),
        ("empty", Vec::new()),
    ];
    let before = restarted.store().len().unwrap();
    for (what, content) in cases {
        std::fs::write(&bad, content).unwrap();
        let err = restarted.restore(&bad).unwrap_err();
        assert!(matches!(err, GuardError::Snapshot(_)), "{what}: {err}");
        assert_eq!(restarted.store().len().unwrap(), before, "{what}");
    }
    let other_key = Guard::new(
        scanner(),
        &Key::new(&[6; 32]).unwrap(),
        GuardConfig::default(),
    )
    .unwrap();
    let err = other_key.restore(&path).unwrap_err().to_string();
    assert!(err.contains("another key"), "{err}");
    assert!(restarted.restore(&temp_path("missing.snap")).is_err());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn many_threads_observe_and_check_at_once() {
    let guard = Arc::new(new_guard());
    let threads = 8;
    let per_thread = 40;
    let barrier = Arc::new(Barrier::new(threads));
    // Thread t's customer k writes the mobile 9 t k ... (valid Indian mobiles).
    let number = |t: usize, k: usize| format!("9{t:01}{k:03}{:05}", t * 7 + k);
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (guard, barrier) = (guard.clone(), barrier.clone());
            scope.spawn(move || {
                for k in 0..per_thread {
                    let conversation = format!("t{t}-c{k}");
                    let n = number(t, k);
                    guard
                        .observe_inbound(&conversation, &format!("my number {n}"))
                        .unwrap();
                    // Its own number, another format: always silent.
                    let own = guard.check_outbound(
                        &conversation,
                        "agent",
                        &format!("+91-{}-{}", &n[..5], &n[5..]),
                    );
                    assert!(own.events.is_empty());
                }
                barrier.wait();
                // Everybody's numbers are known now: leak the next thread's.
                let other = (t + 1) % threads;
                for k in 0..per_thread {
                    let out = guard.check_outbound(
                        &format!("t{t}-c0"),
                        "agent",
                        &format!("call 0{}", number(other, k)),
                    );
                    assert_eq!(out.events.len(), 1);
                    assert_eq!(out.events[0].class, LeakClass::CrossConversationLeak);
                    assert_eq!(out.events[0].owners, [format!("t{other}-c{k}")]);
                }
                barrier.wait();
                // Erasure requests while others look up.
                for k in (0..per_thread).step_by(2) {
                    assert_eq!(guard.forget(&format!("t{t}-c{k}")).unwrap(), 1);
                }
            });
        }
    });
    assert_eq!(guard.store().len().unwrap(), threads * per_thread / 2);
}

/// Ways to write one Indian mobile number.
fn phone_forms(n: &str) -> Vec<String> {
    let (a, b) = n.split_at(5);
    vec![
        format!("{a} {b}"),
        format!("+91 {a} {b}"),
        format!("+91-{a}-{b}"),
        format!("0{n}"),
        format!("0091 {a} {b}"),
        format!("wa.me/91{n}"),
        format!("91{n}@s.whatsapp.net"),
        format!("+91{n}"),
        format!("{a}-{b}"),
        format!("(+91) {n}"),
        // A group mention, italics, and full-width digits.
        format!("@91{n}"),
        format!("_{a} {b}_"),
        n.chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
            .collect(),
    ]
}

fn shared_guard() -> &'static Guard {
    static G: OnceLock<Guard> = OnceLock::new();
    G.get_or_init(new_guard)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A value observed in one format is the same value in any other.
    #[test]
    fn phones_are_one_value_in_every_format(
        first in "[6-9]", rest in "[0-9]{9}", seen in 0usize..13, written in 0usize..13, id in any::<u64>(),
    ) {
        let n = format!("{first}{rest}");
        let forms = phone_forms(&n);
        let guard = shared_guard();
        let owner = format!("p-{id}-{n}");
        let found = guard.observe_inbound(&owner, &format!("my number {}", forms[seen])).unwrap();
        // Some random numbers are not valid mobiles: then there is nothing to own.
        prop_assume!(found.len() == 1 && found[0].kind == Kind::Phone);
        let text = format!("ok {}", forms[written]);
        let own = guard.check_outbound(&owner, "a", &text);
        prop_assert!(own.events.is_empty(), "{:?}", own.events);
        let leak = guard.check_outbound("someone-else", "a", &text);
        prop_assert_eq!(leak.events.len(), 1);
        prop_assert!(leak.events[0].owners.contains(&owner));
        guard.forget(&owner).unwrap();
    }

    #[test]
    fn emails_cards_and_ids_are_one_value_in_every_format(
        local in "[a-z]{1,8}(\\.[a-z]{1,5})?", domain in "[a-z]{2,10}\\.(com|in|co\\.in)",
        upper in prop::collection::vec(any::<bool>(), 24),
        sep_a in prop::sample::select(vec![" ", "-", ""]), sep_b in prop::sample::select(vec![" ", "-", ""]),
        id in any::<u64>(),
    ) {
        let guard = shared_guard();
        let owner = format!("e-{id}");
        let email = format!("{local}@{domain}");
        let shouty: String = email.chars().zip(upper.iter().cycle())
            .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c }).collect();
        let card = |sep: &str| ["4111", "1111", "1111", "1111"].join(sep);
        let aadhaar = |sep: &str| ["2341", "2341", "2346"].join(sep);
        let found = guard.observe_inbound(
            &owner,
            &format!("mail {email}, card {}, aadhaar {}", card(sep_a), aadhaar(sep_a)),
        ).unwrap();
        prop_assert_eq!(found.len(), 3);
        let text = format!("mail {shouty}; card {}; aadhaar {}", card(sep_b), aadhaar(sep_b));
        let own = guard.check_outbound(&owner, "a", &text);
        prop_assert!(own.events.is_empty(), "{:?}", own.events);
        let leak = guard.check_outbound("someone-else", "a", &text);
        prop_assert_eq!(leak.events.len(), 3);
        prop_assert!(leak.events.iter().all(|e| e.owners.contains(&owner)));
        guard.forget(&owner).unwrap();
    }
}

#[test]
fn an_event_sink_sees_every_check_with_events() {
    use std::sync::Mutex;
    #[derive(Default)]
    struct Seen(Mutex<Vec<(String, String, usize)>>);
    impl piimask::guard::EventSink for Seen {
        fn record(&self, message: &Outbound<'_>, outcome: &piimask::guard::Outcome) {
            self.0.lock().unwrap().push((
                message.sender.to_string(),
                message.conversation.to_string(),
                outcome.events.len(),
            ));
        }
    }
    let seen = Arc::new(Seen::default());
    let guard = new_guard().with_sink(seen.clone());
    guard.observe_inbound("c-1", "98765 43210").unwrap();
    guard.check_outbound("c-1", "agent-1", "call 98765 43210"); // own: no events
    guard.check_outbound("c-2", "agent-7", "call 98765 43210 or a@b.co");
    assert_eq!(
        *seen.0.lock().unwrap(),
        [("agent-7".to_string(), "c-2".to_string(), 2)]
    );
}

/// A guard scanning in `region` that has seen `inbound` in the
/// conversation `customer`.
fn guard_that_saw(region: &str, inbound: &str) -> Guard {
    let scanner = Arc::new(Scanner::builder().region(region).build().unwrap());
    let guard = Guard::new(scanner, &key(), GuardConfig::default()).unwrap();
    guard
        .observe_inbound_at("customer", inbound, 1000, None)
        .unwrap();
    guard
}

/// The events of `outbound`, sent by an agent in `conversation`.
fn sent_in(
    guard: &Guard,
    conversation: &str,
    outbound: &str,
) -> Vec<(LeakClass, String, Vec<String>)> {
    classes(&guard.check(&Outbound {
        time: Some(1001),
        ..Outbound::new(conversation, "agent-1", outbound)
    }))
}

/// One cross-conversation leak of a `kind` that `customer` owns.
fn customers(kind: &str) -> Vec<(LeakClass, String, Vec<String>)> {
    vec![(
        LeakClass::CrossConversationLeak,
        kind.to_string(),
        vec!["customer".to_string()],
    )]
}

/// `ravi.kumar@gmail`, the service's name alone, is the address
/// `ravi.kumar@gmail.com` that another conversation owns.
#[test]
fn an_address_without_its_top_level_domain_is_the_customers() {
    let guard = guard_that_saw("IN", "mail me at Ravi.Kumar@gmail.com");
    let outbound = "his mail is ravi.kumar@gmail, try him";
    assert_eq!(sent_in(&guard, "elsewhere", outbound), customers("email"));
}

/// One mailbox, many spellings: a customer's address written with a
/// subaddress, without its dots at Gmail or at `googlemail.com` is the
/// customer's mailbox, and an agent who writes it so elsewhere pastes it.
/// Where the spelling makes another mailbox (dots outside Gmail), it is
/// another address.
#[test]
fn another_spelling_of_a_customers_mailbox_is_the_customers() {
    for (inbound, outbound) in [
        (
            "mail me at ravi.kumar@gmail.com",
            "his mail: ravikumar@gmail.com",
        ),
        (
            "mail me at ravi.kumar@gmail.com",
            "try r.a.v.i.kumar@gmail.com",
        ),
        (
            "mail me at ravi.kumar@gmail.com",
            "try RaviKumar+deals@googlemail.com",
        ),
        // The other way round: the customer gave the spelled-out form.
        (
            "mail: ravi.kumar+shop@googlemail.com",
            "his mail: ravikumar@gmail.com",
        ),
        (
            "orders: sales+india@acme.co.in",
            "write to sales@acme.co.in",
        ),
        (
            "mail me at ravi@outlook.com",
            "mail ravi+offers@outlook.com",
        ),
        // Two subaddresses of one mailbox.
        ("mail me at ravi+a@icloud.com", "mail ravi+b@icloud.com"),
        // A Gmail username named by the service is its address.
        (
            "mail me at ravi.kumar88@gmail.com",
            "his gmail id: ravikumar88",
        ),
        ("my gmail is ravi.kumar88", "write to ravikumar88@gmail.com"),
    ] {
        let guard = guard_that_saw("IN", inbound);
        assert_eq!(
            sent_in(&guard, "elsewhere", outbound),
            customers("email"),
            "{inbound} / {outbound}"
        );
        // In its own conversation it is the customer's own.
        assert_eq!(sent_in(&guard, "customer", outbound), [], "{outbound}");
    }
    for (inbound, outbound) in [
        (
            "mail me at ravi.kumar@yahoo.com",
            "his mail: ravikumar@yahoo.com",
        ),
        (
            "mail me at ravi.kumar@acme.co.in",
            "his mail: ravikumar@acme.co.in",
        ),
        ("mail me at ravi@gmail.com", "his mail: ravi@outlook.com"),
    ] {
        let guard = guard_that_saw("IN", inbound);
        assert_eq!(
            sent_in(&guard, "elsewhere", outbound),
            [(
                LeakClass::UnknownOutbound,
                "email".to_string(),
                Vec::<String>::new()
            )],
            "{inbound} / {outbound}"
        );
    }
    // The mailbox is one more value the conversation owns.
    let guard = guard_that_saw("IN", "mail me at ravi.kumar@gmail.com");
    assert_eq!(guard.forget("customer").unwrap(), 2);
}

/// A mobile-money wallet's number is its holder's phone number: an agent
/// who sends another conversation's customer's number as a wallet to pay
/// (`opay 8031234567`) pastes that customer's phone.
#[test]
fn a_wallet_number_is_the_customers_phone() {
    for (region, inbound, outbound) in [
        (
            "NG",
            "my number is 0803 123 4567",
            "pay to my opay 8031234567",
        ),
        ("PH", "text me +63 917 123 4567", "GCash 917 123 4567 po"),
        ("KE", "nipigie 0712 345678", "tuma M-Pesa 712 345 678"),
    ] {
        let guard = guard_that_saw(region, inbound);
        let leak = sent_in(&guard, "elsewhere", outbound);
        assert_eq!(leak, customers("phone"), "{outbound}");
    }
}

/// A payment address named after its holder's mobile (`9876543210@ybl`,
/// as Indian UPI apps make them) is that mobile: an agent who copies the
/// number out of a customer's address, or sends the address built on a
/// customer's number, pastes the customer's number.
#[test]
fn a_payment_address_named_after_a_mobile_is_the_customers_number() {
    for (region, inbound, outbound, kind) in [
        (
            "IN",
            "pay to 9876543210@paytm",
            "call him 98765 43210",
            "phone",
        ),
        (
            "IN",
            "my number is 98765 43210",
            "pay him on 9876543210@ybl",
            "upi_id",
        ),
        (
            "IN",
            "upi: 919876543210@okaxis",
            "his no +91 98765 43210",
            "phone",
        ),
        (
            "EG",
            "رقمي 0100 123 4567",
            "حول على 01001234567@instapay",
            "eg_instapay",
        ),
    ] {
        let guard = guard_that_saw(region, inbound);
        assert_eq!(
            sent_in(&guard, "elsewhere", outbound),
            customers(kind),
            "{inbound} / {outbound}"
        );
        assert_eq!(sent_in(&guard, "customer", outbound), [], "{outbound}");
    }
    // An address not named after a number stands for no number.
    let guard = guard_that_saw("IN", "upi: ravi.kumar@okaxis");
    assert_eq!(guard.forget("customer").unwrap(), 1);
    let guard = guard_that_saw("IN", "upi: 9876543210@okaxis");
    assert_eq!(guard.forget("customer").unwrap(), 2);
}

/// An agent who drops the area code of a customer's mobile still pastes
/// it: the guard owns a number's forms without its area code (Brazil,
/// Argentina's mobile token), not where mobiles never lose it (India).
#[test]
fn a_number_pasted_without_its_area_code_is_the_customers() {
    for (region, inbound, outbound) in [
        (
            "BR",
            "meu zap é +55 11 98765-4321",
            "me chama no zap 98765-4321",
        ),
        ("BR", "fixo (11) 3456-7890", "liga no fixo 3456-7890"),
        ("AR", "mi cel +54 9 11 4123-4567", "llamame al 15 4123-4567"),
        ("AR", "mi cel 011 15-4123-4567", "mi cel: 4123-4567"),
        // The other way round: the customer gave the number without its
        // area code, and the agent writes it whole elsewhere.
        (
            "BR",
            "me chama no zap 98765-4321",
            "cliente: +55 11 98765-4321",
        ),
        (
            "AR",
            "llamame al 15 4123-4567",
            "su cel es +54 9 11 4123-4567",
        ),
    ] {
        let guard = guard_that_saw(region, inbound);
        let leak = sent_in(&guard, "elsewhere", outbound);
        assert_eq!(leak, customers("phone"), "{outbound}");
        // In its own conversation it is the customer's own.
        assert_eq!(sent_in(&guard, "customer", outbound), [], "{outbound}");
    }
    // Two whole numbers that share their digits after the area code are
    // two people: neither is the other's.
    let scanner = Arc::new(Scanner::builder().region("BR").build().unwrap());
    let guard = Guard::new(scanner, &key(), GuardConfig::default()).unwrap();
    guard
        .observe_inbound_at("customer", "meu zap +55 11 98765-4321", 1000, None)
        .unwrap();
    let other = guard.check(&Outbound {
        time: Some(1001),
        ..Outbound::new(
            "elsewhere",
            "agent-1",
            "zap do fornecedor +55 21 98765-4321",
        )
    });
    assert_eq!(
        classes(&other),
        [(
            LeakClass::UnknownOutbound,
            "phone".to_string(),
            Vec::<String>::new()
        )]
    );
    // An Indian mobile is never given without its first digits: only the
    // number is owned.
    let guard = new_guard();
    guard
        .observe_inbound_at("customer", "my number 98765 43210", 1000, None)
        .unwrap();
    assert_eq!(guard.forget("customer").unwrap(), 1);
}

/// The outcome of `text`, sent by `sender` in `conversation` at `time`.
fn sent_at(guard: &Guard, conversation: &str, sender: &str, text: &str, time: u64) -> Outcome {
    guard.check(&Outbound {
        time: Some(time),
        ..Outbound::new(conversation, sender, text)
    })
}

/// A customer's number sent to another conversation in two messages
/// (`98765`, then `43210`): neither half is a value, the two are the
/// customer's number, and the second is held.
#[test]
fn a_number_split_across_two_messages_is_read_whole() {
    let guard = guard_that_saw("IN", "my number is 98765 43210");
    for (first, second, part) in [
        ("his number 98765", "43210", "43210"),
        ("try +91 98765", " 43210 ok?", "43210"),
        ("9876", "543210 call him", "543210"),
    ] {
        let outcome = sent_at(&guard, "elsewhere", "agent-1", first, 1001);
        assert_eq!(outcome.action, Action::Deliver, "{first}");
        let outcome = sent_at(&guard, "elsewhere", "agent-1", second, 1030);
        assert_eq!(classes(&outcome), customers("phone"), "{first} / {second}");
        assert_eq!(outcome.action, Action::Hold);
        let event = &outcome.events[0];
        assert_eq!(&second[event.start..event.end], part, "{second}");
        // Whole, in its own conversation: the customer's own.
        sent_at(&guard, "customer", "agent-1", first, 1040);
        let own = sent_at(&guard, "customer", "agent-1", second, 1041);
        assert!(own.events.is_empty(), "{second}: {:?}", own.events);
    }
}

#[test]
fn only_one_senders_next_message_within_the_window_is_joined() {
    let guard = guard_that_saw("IN", "my number is 98765 43210");
    let pairs = [
        // Another agent, another conversation, too late.
        (
            ("elsewhere", "agent-1", 1001),
            ("elsewhere", "agent-2", 1002),
        ),
        (("elsewhere", "agent-1", 1001), ("other", "agent-1", 1002)),
        (
            ("elsewhere", "agent-1", 1001),
            ("elsewhere", "agent-1", 1122),
        ),
    ];
    for ((c1, s1, t1), (c2, s2, t2)) in pairs {
        sent_at(&guard, c1, s1, "his number 98765", t1);
        let outcome = sent_at(&guard, c2, s2, "43210", t2);
        assert!(
            outcome.events.is_empty(),
            "{c2} {s2} {t2}: {:?}",
            outcome.events
        );
    }
    // Chat between the halves does not hide them; a message that starts
    // with a digit takes the end kept, so it is joined once.
    sent_at(&guard, "elsewhere", "agent-1", "his number 98765", 1200);
    sent_at(&guard, "elsewhere", "agent-1", "wait", 1201);
    let second = sent_at(&guard, "elsewhere", "agent-1", "43210", 1202);
    assert_eq!(classes(&second), customers("phone"));
    sent_at(&guard, "elsewhere", "agent-1", "his number 98765", 1300);
    sent_at(&guard, "elsewhere", "agent-1", "2 boxes", 1301);
    let second = sent_at(&guard, "elsewhere", "agent-1", "43210", 1302);
    assert!(second.events.is_empty(), "{:?}", second.events);
    // Turned off.
    let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
    let config = GuardConfig {
        split_window_secs: 0,
        ..GuardConfig::default()
    };
    let guard = Guard::new(scanner, &key(), config).unwrap();
    guard
        .observe_inbound_at("customer", "my number is 98765 43210", 1000, None)
        .unwrap();
    sent_at(&guard, "elsewhere", "agent-1", "his number 98765", 1001);
    assert!(sent_at(&guard, "elsewhere", "agent-1", "43210", 1002)
        .events
        .is_empty());
}

/// Numbers that are no value read together stay as they are.
#[test]
fn numbers_in_two_messages_that_make_no_value_are_left_alone() {
    let guard = guard_that_saw("IN", "my number is 98765 43210");
    for (first, second) in [
        ("price 499", "599 with delivery"),
        ("order 12345", "67890"),
        ("otp 4821", "9182"),
        ("call 98765 43210", "5 pm ok"),
    ] {
        sent_at(&guard, "elsewhere", "agent-1", first, 1001);
        let outcome = sent_at(&guard, "elsewhere", "agent-1", second, 1002);
        assert!(
            outcome.events.is_empty(),
            "{first} / {second}: {:?}",
            outcome.events
        );
    }
}

/// A customer who gives their number in two messages owns it.
#[test]
fn a_customer_who_splits_their_number_owns_it() {
    let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
    let guard = Guard::new(scanner, &key(), GuardConfig::default()).unwrap();
    let first = guard
        .observe_inbound_at("customer", "my number is 98765", 1000, None)
        .unwrap();
    assert!(first.is_empty());
    let second = guard
        .observe_inbound_at("customer", "43210", 1010, None)
        .unwrap();
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].normalized, "+919876543210");
    let own = sent_at(&guard, "customer", "agent-1", "calling 9876543210", 1020);
    assert!(own.events.is_empty(), "{:?}", own.events);
    assert_eq!(
        sent_in(&guard, "elsewhere", "ask +91 98765 43210"),
        customers("phone")
    );
}
