//! The leak guard: catches one customer's data written into another
//! conversation, and personal data that belongs to no conversation, in what
//! agents send, before it leaves; decides what to do with the message; and
//! tells the agent why on the spot.
//!
//! Masking hides customers' data from agents, but the leaks that hurt a
//! distribution network come from what agents *write*: customer A's number
//! pasted to customer B, an ID forwarded to the wrong person, an agent's own
//! number handed out to take the business off the platform. Catching those
//! needs to know who owns which value, so the guard learns ownership from
//! what customers write ([`Guard::observe_inbound`]) and from what the host
//! knows ([`Guard::register`]), and checks each outbound message against it
//! ([`Guard::check_outbound`]).
//!
//! The guard never stores a value: it stores a keyed fingerprint
//! (HMAC-SHA-256 under the tenant key's guard subkey, truncated to 128 bits)
//! of the value's normal form (E.164 for phones, lower case for e-mail,
//! bare upper-case letters and digits for cards, IBANs and IDs), so
//! `98765 43210`, `+91-98765-43210`, `0091 98765 43210`,
//! `wa.me/919876543210` and `919876543210@s.whatsapp.net` are one value, and
//! a stolen snapshot reveals nothing without the key. An e-mail address is
//! owned under its mailbox too (`ravi.kumar+deals@googlemail.com` under
//! `ravikumar@gmail.com`; see the `mailbox` module), so another spelling of
//! a customer's mailbox is the customer's.
//!
//! ```
//! use std::sync::Arc;
//! use piimask::guard::{Action, Guard, GuardConfig, LeakClass};
//! use piimask::{policy::Key, Scanner};
//!
//! let scanner = Arc::new(Scanner::builder().region("IN").build()?);
//! let guard = Guard::new(scanner, &Key::new(&[7; 32])?, GuardConfig::default())?;
//!
//! guard.observe_inbound("c-1", "my number is 98765 43210")?;
//! guard.observe_inbound("c-2", "hi, I need 20 boxes")?;
//!
//! // The conversation's own number, in another format: nothing to say.
//! let own = guard.check_outbound("c-1", "agent-3", "calling +91-98765-43210 now");
//! assert_eq!(own.action, Action::Deliver);
//! assert!(own.events.is_empty());
//!
//! // Customer 1's number sent to customer 2: held, and the agent told why.
//! let leak = guard.check_outbound("c-2", "agent-3", "ask wa.me/919876543210");
//! assert_eq!(leak.action, Action::Hold);
//! assert_eq!(leak.events[0].class, LeakClass::CrossConversationLeak);
//! assert_eq!(leak.events[0].owners, ["c-1"]);
//! assert!(leak.events[0].coaching.contains("another customer"));
//!
//! // A number nobody shared here (the agent's own?): masked by default.
//! let unknown = guard.check_outbound("c-2", "agent-3", "or call me on 91234 56789");
//! assert_eq!(unknown.action, Action::Mask);
//! assert_eq!(unknown.text_to_send("or call me on 91234 56789"), Some("or call me on ••••• ••789"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::finding::{Finding, Kind};
use crate::policy::Key;
use crate::region::Region;
use crate::scanner::Scanner;

#[doc(hidden)]
pub mod conformance;
pub mod counters;
pub mod log;
mod mailbox;
pub mod monitor;
#[cfg(feature = "redis")]
pub mod redis;
mod snapshot;
pub(crate) mod split;
pub mod store;

pub use store::{Limits, MemoryStore, Ownership, Record, Store, MAX_LISTED_OWNERS};

/// Default lifetime of ownership not seen again: 90 days.
pub const DEFAULT_LIFETIME_SECS: u64 = 90 * 24 * 3600;

/// Default window for values split across two messages: two minutes.
pub const DEFAULT_SPLIT_WINDOW_SECS: u64 = 120;

/// Default cap on the values one conversation owns.
pub const DEFAULT_MAX_VALUES_PER_CONVERSATION: u32 = 256;

/// Longest conversation id accepted, in bytes.
pub const MAX_CONVERSATION_ID_BYTES: usize = 1024;

/// A keyed fingerprint of one value of one kind: the first 128 bits of
/// HMAC-SHA-256 under the guard subkey over the kind's name and the value's
/// normal form.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub [u8; 16]);

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint(")?;
        for b in &self.0[..4] {
            write!(f, "{b:02x}")?;
        }
        write!(f, "…)")
    }
}

/// What can go wrong in the guard. Messages never hold a checked text or
/// a value.
#[derive(Debug)]
#[non_exhaustive]
pub enum GuardError {
    /// The configuration is invalid (or names a role the scanner lacks).
    Config(String),
    /// An argument is unusable (a conversation id too long, a registered
    /// value that is not a valid value of its kind).
    Invalid(String),
    /// The ownership store failed.
    Store(String),
    /// A snapshot file could not be written or read: I/O, or a file that
    /// is corrupt, truncated, of another version or made with another key.
    Snapshot(String),
    /// Scanning failed (a panic in a detector was caught).
    Check(String),
}

impl fmt::Display for GuardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GuardError::Config(m) => write!(f, "invalid guard configuration: {m}"),
            GuardError::Invalid(m) => write!(f, "invalid argument: {m}"),
            GuardError::Store(m) => write!(f, "ownership store: {m}"),
            GuardError::Snapshot(m) => write!(f, "guard snapshot: {m}"),
            GuardError::Check(m) => write!(f, "check failed: {m}"),
        }
    }
}

impl std::error::Error for GuardError {}

impl From<crate::Error> for GuardError {
    fn from(e: crate::Error) -> Self {
        GuardError::Config(e.to_string())
    }
}

/// Why an event was raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakClass {
    /// The value is owned by other conversations and not by this one.
    CrossConversationLeak,
    /// Personal data that no conversation owns.
    UnknownOutbound,
    /// The ownership store failed, so the value could not be checked: held.
    StoreError,
    /// Scanning or masking failed, so the message could not be checked or
    /// masked: held.
    CheckError,
}

impl LeakClass {
    /// The snake_case name (as serialised).
    pub fn name(self) -> &'static str {
        match self {
            LeakClass::CrossConversationLeak => "cross_conversation_leak",
            LeakClass::UnknownOutbound => "unknown_outbound",
            LeakClass::StoreError => "store_error",
            LeakClass::CheckError => "check_error",
        }
    }
}

impl fmt::Display for LeakClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What happens to a message. Ordered by strictness: a message gets the
/// strictest action of its events.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Sent as written; the event is recorded.
    #[default]
    Deliver,
    /// Sent with the caught values masked (see [`Outcome::text_to_send`]).
    Mask,
    /// Not sent.
    Hold,
}

impl Action {
    /// The snake_case name (as serialised).
    pub fn name(self) -> &'static str {
        match self {
            Action::Deliver => "deliver",
            Action::Mask => "mask",
            Action::Hold => "hold",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One caught value in an outbound message. It never holds the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Why it was caught.
    pub class: LeakClass,
    /// What it is.
    pub kind: Kind,
    /// UTF-8 byte offset of its first byte in the checked text.
    pub start: usize,
    /// UTF-8 byte offset one past its last byte.
    pub end: usize,
    /// The conversations that own it (sorted; empty unless the class is
    /// [`LeakClass::CrossConversationLeak`]).
    pub owners: Vec<String>,
    /// The rule that fired: `<class>.<kind>`, e.g.
    /// `cross_conversation_leak.phone`.
    pub rule: String,
    /// What the rule does with the message.
    pub action: Action,
    /// The explanation for the agent.
    pub coaching: String,
}

/// The result of checking an outbound message.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The strictest action of the events ([`Action::Deliver`] when none).
    pub action: Action,
    /// One event per caught value, in text order.
    pub events: Vec<Event>,
    /// Every finding in the message (the conversation's own values too).
    pub findings: Vec<Finding>,
    /// For [`Action::Mask`]: the message with the caught values masked.
    pub masked: Option<String>,
}

impl Outcome {
    /// The text to send: the original for [`Action::Deliver`], the masked
    /// text for [`Action::Mask`], nothing for [`Action::Hold`].
    pub fn text_to_send<'a>(&'a self, original: &'a str) -> Option<&'a str> {
        match self.action {
            Action::Deliver => Some(original),
            Action::Mask => self.masked.as_deref(),
            Action::Hold => None,
        }
    }

    fn hold(events: Vec<Event>, findings: Vec<Finding>) -> Outcome {
        Outcome {
            action: Action::Hold,
            events,
            findings,
            masked: None,
        }
    }
}

/// The actions of one class: a default and overrides per kind name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassActions {
    /// The action for kinds without their own entry.
    pub default: Action,
    /// Actions by kind name (`phone`, `email`, `credit_card`, …).
    #[serde(default)]
    pub kinds: BTreeMap<String, Action>,
}

impl ClassActions {
    /// The action for `kind`.
    pub fn action(&self, kind: &Kind) -> Action {
        self.kinds.get(kind.name()).copied().unwrap_or(self.default)
    }
}

/// The actions per class and kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Actions {
    /// For [`LeakClass::CrossConversationLeak`]; default: hold everything.
    pub cross_conversation_leak: ClassActions,
    /// For [`LeakClass::UnknownOutbound`]; default: mask phones, e-mails
    /// and IP addresses, hold the rest (cards, IBANs, national IDs, custom
    /// kinds).
    pub unknown_outbound: ClassActions,
}

impl Default for Actions {
    fn default() -> Self {
        let mask = |names: &[&str]| {
            names
                .iter()
                .map(|n| (n.to_string(), Action::Mask))
                .collect()
        };
        Actions {
            cross_conversation_leak: ClassActions {
                default: Action::Hold,
                kinds: BTreeMap::new(),
            },
            unknown_outbound: ClassActions {
                default: Action::Hold,
                kinds: mask(&["phone", "email", "ip_address"]),
            },
        }
    }
}

/// Coaching texts of one language, per class. `{kind}` is replaced by the
/// kind's name (`phone`, `credit_card`), `{label}` by an English label
/// (`phone number`, `card number`), `{rule}` by the rule and `{action}` by
/// the action; a class
/// without a text here uses the guard's default language, then English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Coaching {
    /// For [`LeakClass::CrossConversationLeak`].
    pub cross_conversation_leak: Option<String>,
    /// For [`LeakClass::UnknownOutbound`].
    pub unknown_outbound: Option<String>,
    /// For [`LeakClass::StoreError`].
    pub store_error: Option<String>,
    /// For [`LeakClass::CheckError`].
    pub check_error: Option<String>,
}

impl Coaching {
    fn get(&self, class: LeakClass) -> Option<&str> {
        match class {
            LeakClass::CrossConversationLeak => self.cross_conversation_leak.as_deref(),
            LeakClass::UnknownOutbound => self.unknown_outbound.as_deref(),
            LeakClass::StoreError => self.store_error.as_deref(),
            LeakClass::CheckError => self.check_error.as_deref(),
        }
    }
}

/// The built-in English coaching text of each class.
pub fn default_coaching(class: LeakClass) -> &'static str {
    match class {
        LeakClass::CrossConversationLeak => {
            "This {label} belongs to another customer's conversation. Our data-privacy policy \
             does not allow sharing one customer's details with anyone else (rule {rule}: {action})."
        }
        LeakClass::UnknownOutbound => {
            "This {label} was not shared by this customer. Do not send personal contact details \
             or other people's data in customer chats; keep the conversation on the platform \
             (rule {rule}: {action})."
        }
        LeakClass::StoreError => {
            "This {label} could not be checked against the privacy rules right now, so the \
             message was held; please try again (rule {rule})."
        }
        LeakClass::CheckError => {
            "The message could not be checked against the privacy rules, so it was held; \
             please try again (rule {rule})."
        }
    }
}

/// The guard's configuration (JSON with serde; every field optional).
///
/// ```json
/// {
///   "lifetime_secs": 7776000,
///   "max_values_per_conversation": 256,
///   "mask_role": null,
///   "actions": {
///     "cross_conversation_leak": { "default": "hold" },
///     "unknown_outbound": { "default": "hold", "kinds": { "phone": "mask", "email": "mask" } }
///   },
///   "language": "en",
///   "coaching": { "hi": { "unknown_outbound": "Yeh {kind} is grahak ka nahin hai ({rule})." } },
///   "monitor": { "rules": [ { "id": "leak_events", "counter": "leak_events", "threshold": 3, "window_secs": 3600 } ] },
///   "fail_open": false
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GuardConfig {
    /// Seconds after which ownership not seen again lapses; `0` keeps it
    /// until forgotten. Default 90 days.
    pub lifetime_secs: u64,
    /// Most values one conversation owns (the least recently seen goes
    /// first). Default 256.
    pub max_values_per_conversation: u32,
    /// The role whose operators mask caught values for [`Action::Mask`]
    /// (`None`: the typed masks).
    pub mask_role: Option<String>,
    /// Actions per class and kind.
    pub actions: Actions,
    /// The coaching language used when a check names none. Default `en`.
    pub language: String,
    /// Coaching texts by language code.
    pub coaching: BTreeMap<String, Coaching>,
    /// The monitor's rules and working hours (see [`monitor`]).
    pub monitor: monitor::MonitorConfig,
    /// When the ownership store cannot be reached: `false` (the default)
    /// holds outbound personal data; `true` delivers it. Both raise a
    /// `store_error` event per finding.
    pub fail_open: bool,
    /// Also read values spelled out as words (`nine eight seven …`, `ravi
    /// [at] gmail [dot] com`), as agents write them to slip past masking,
    /// in what the guard observes and checks, even if its scanner does not
    /// ([`spelled_out`](crate::ScannerBuilder::spelled_out)). Default
    /// `false`: it reads every word of every message, which about doubles
    /// the cost of a check on chat (docs/guard.md, "Cost").
    pub read_spelled_out: bool,
    /// Seconds within which a sender's next message in a conversation is
    /// read joined to the end of the last one, for a value split across
    /// the two (`98765`, then `43210`); `0` reads each message alone.
    /// Default 120. The ends are kept in this process's memory, at most
    /// 48 bytes each (docs/guard.md, "Values split across two messages").
    pub split_window_secs: u64,
}

impl Default for GuardConfig {
    fn default() -> Self {
        GuardConfig {
            lifetime_secs: DEFAULT_LIFETIME_SECS,
            max_values_per_conversation: DEFAULT_MAX_VALUES_PER_CONVERSATION,
            mask_role: None,
            actions: Actions::default(),
            language: "en".into(),
            coaching: BTreeMap::new(),
            monitor: monitor::MonitorConfig::default(),
            fail_open: false,
            read_spelled_out: false,
            split_window_secs: DEFAULT_SPLIT_WINDOW_SECS,
        }
    }
}

impl GuardConfig {
    /// Parses a JSON configuration.
    pub fn from_json(json: &str) -> Result<GuardConfig, GuardError> {
        serde_json::from_str(json).map_err(|e| GuardError::Config(e.to_string()))
    }

    /// The store limits this configuration asks for.
    pub fn limits(&self) -> Limits {
        Limits {
            lifetime_secs: (self.lifetime_secs > 0).then_some(self.lifetime_secs),
            max_values_per_conversation: self.max_values_per_conversation,
        }
    }

    /// The coaching text for `class` in `language` (falling back to the
    /// configured default language, then to English), placeholders filled.
    pub fn coaching_text(
        &self,
        class: LeakClass,
        kind: &Kind,
        rule: &str,
        action: Action,
        language: Option<&str>,
    ) -> String {
        let template = [language, Some(self.language.as_str())]
            .into_iter()
            .flatten()
            .find_map(|lang| self.coaching.get(lang).and_then(|c| c.get(class)))
            .unwrap_or_else(|| default_coaching(class));
        fill(template, kind, rule, action.name())
    }
}

/// The English label of a kind, for coaching texts.
pub fn kind_label(kind: &Kind) -> &str {
    match kind {
        Kind::Phone => "phone number",
        Kind::Email => "e-mail address",
        Kind::CreditCard => "card number",
        Kind::Iban => "IBAN",
        Kind::IpAddress => "IP address",
        Kind::SocialHandle => "messenger handle",
        Kind::BrPixKey => "PIX key",
        Kind::ArCbuAlias => "transfer alias",
        Kind::UpiId | Kind::EgInstapay => "payment address",
        Kind::Custom(name) => name,
        _ => "ID number",
    }
}

/// Replaces the placeholders in one pass (a value containing `{rule}` is
/// not expanded again).
fn fill(template: &str, kind: &Kind, rule: &str, action: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (with, len) = if tail.starts_with("{kind}") {
            (kind.name(), 6)
        } else if tail.starts_with("{label}") {
            (kind_label(kind), 7)
        } else if tail.starts_with("{rule}") {
            (rule, 6)
        } else if tail.starts_with("{action}") {
            (action, 8)
        } else {
            ("{", 1)
        };
        out.push_str(with);
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

/// An outbound message to check, with the optional parts of a check.
#[derive(Clone, Copy, Debug)]
pub struct Outbound<'a> {
    /// The conversation the message is sent in.
    pub conversation: &'a str,
    /// Who sends it (an agent id), passed to the [`EventSink`].
    pub sender: &'a str,
    /// The message.
    pub text: &'a str,
    /// When it is sent (Unix seconds); `None`: now.
    pub time: Option<u64>,
    /// A region hint for this message (`None`: the scanner's).
    pub region: Option<Region>,
    /// The coaching language (`None`: the configuration's).
    pub language: Option<&'a str>,
}

impl<'a> Outbound<'a> {
    /// A message sent now, with the scanner's region and the default
    /// coaching language.
    pub fn new(conversation: &'a str, sender: &'a str, text: &'a str) -> Outbound<'a> {
        Outbound {
            conversation,
            sender,
            text,
            time: None,
            region: None,
            language: None,
        }
    }
}

/// Receives every checked message that raised events (for monitoring,
/// alerting, audit). Called after the check, outside the store's lock.
pub trait EventSink: Send + Sync {
    /// One checked message and its outcome (which has events).
    fn record(&self, message: &Outbound<'_>, outcome: &Outcome);
}

/// The leak guard. Build one per tenant and share it (`Arc<Guard>` or a
/// reference) across threads: its configuration is immutable and its
/// ownership store internally synchronised.
pub struct Guard {
    scanner: Arc<Scanner>,
    /// Rule and coaching text per class, kind and action in the default
    /// language, rendered once.
    rendered: std::collections::HashMap<(LeakClass, Kind, Action), (String, String)>,
    /// The guard subkey's MAC, keyed once and cloned per value.
    mac: Hmac<Sha256>,
    config: GuardConfig,
    store: Box<dyn Store>,
    sink: Option<Arc<dyn EventSink>>,
    /// Alerts on patterns per actor (fed by the log processor).
    monitor: monitor::Monitor,
    /// The end of each sender's last message, for values split across two.
    tails: split::Tails,
}

impl fmt::Debug for Guard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Guard")
            .field("config", &self.config)
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

/// Unix seconds now.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn panic_message(_: Box<dyn std::any::Any + Send>) -> GuardError {
    // The payload could quote the text: never pass it on.
    GuardError::Check("scanning panicked".into())
}

impl Guard {
    /// A guard with an in-memory store sized by `config`.
    pub fn new(scanner: Arc<Scanner>, key: &Key, config: GuardConfig) -> Result<Guard, GuardError> {
        let store = Box::new(MemoryStore::new(config.limits()));
        Guard::with_store(scanner, key, config, store)
    }

    /// A guard over another [`Store`] (for example one shared by replicas).
    /// The store applies its own limits.
    pub fn with_store(
        scanner: Arc<Scanner>,
        key: &Key,
        config: GuardConfig,
        store: Box<dyn Store>,
    ) -> Result<Guard, GuardError> {
        if let Some(role) = &config.mask_role {
            scanner.policy().role(role)?;
        }
        if config.max_values_per_conversation == 0 {
            return Err(GuardError::Config(
                "max_values_per_conversation must be at least 1".into(),
            ));
        }
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(key.guard_subkey())
            .expect("HMAC takes any key length");
        let monitor = monitor::Monitor::new(config.monitor.clone())?;
        let mut rendered = std::collections::HashMap::new();
        for kind in scanner.kinds() {
            for class in [
                LeakClass::CrossConversationLeak,
                LeakClass::UnknownOutbound,
                LeakClass::StoreError,
                LeakClass::CheckError,
            ] {
                for action in [Action::Deliver, Action::Mask, Action::Hold] {
                    let rule = format!("{}.{}", class.name(), kind.name());
                    let coaching = config.coaching_text(class, kind, &rule, action, None);
                    rendered.insert((class, kind.clone(), action), (rule, coaching));
                }
            }
        }
        Ok(Guard {
            scanner,
            rendered,
            mac,
            config,
            store,
            sink: None,
            monitor,
            tails: split::Tails::default(),
        })
    }

    /// Replaces the monitor (for example with one over counters shared by
    /// replicas: [`monitor::Monitor::with_counters`]).
    pub fn with_monitor(mut self, monitor: monitor::Monitor) -> Guard {
        self.monitor = monitor;
        self
    }

    /// The monitor, built from the configuration's `monitor` part; the log
    /// processor feeds it, a host feeds it checked messages with their time
    /// ([`monitor::Monitor::observe_outbound`]) and reveal audit events.
    pub fn monitor(&self) -> &monitor::Monitor {
        &self.monitor
    }

    /// Sends every check that raised events to `sink` as well.
    pub fn with_sink(mut self, sink: Arc<dyn EventSink>) -> Guard {
        self.sink = Some(sink);
        self
    }

    /// The configuration.
    pub fn config(&self) -> &GuardConfig {
        &self.config
    }

    /// The scanner.
    pub fn scanner(&self) -> &Arc<Scanner> {
        &self.scanner
    }

    /// The ownership store.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// The fingerprint of a finding's value.
    pub fn fingerprint(&self, finding: &Finding) -> Fingerprint {
        self.fingerprint_of(&finding.kind, &finding.normalized)
    }

    /// The fingerprint of `normalized` (a [`Finding::normalized`] value) of
    /// `kind`, after the guard's per-kind normal form.
    pub fn fingerprint_of(&self, kind: &Kind, normalized: &str) -> Fingerprint {
        self.fingerprint_named(kind.name().as_bytes(), kind, normalized)
    }

    /// The fingerprint of a form of a customer's whole phone number without
    /// its area code (see [`crate::detect::phone::local_forms`]). It is
    /// kept apart from the fingerprints of numbers written that way: a
    /// local number a customer gave matches any whole number it is a form
    /// of, but two whole numbers never match through the forms they share
    /// (`+55 11 98765-4321` and `+55 21 98765-4321` are two people).
    fn cut_form_fingerprint(&self, form: &str) -> Fingerprint {
        self.fingerprint_named(CUT_FORM, &Kind::Phone, form)
    }

    fn fingerprint_named(&self, name: &[u8], kind: &Kind, normalized: &str) -> Fingerprint {
        // Gathered on the stack and fed to the MAC in one piece: values are
        // short, and one update per character costs more than the hash.
        let mut feeder = Feeder {
            mac: self.mac.clone(),
            buf: [0; 128],
            len: 0,
        };
        feeder.push(&(name.len() as u64).to_be_bytes());
        feeder.push(name);
        normal_form(kind, normalized, &mut |bytes| feeder.push(bytes));
        let Feeder { mut mac, buf, len } = feeder;
        mac.update(&buf[..len]);
        let digest = mac.finalize().into_bytes();
        let mut out = [0; 16];
        out.copy_from_slice(&digest[..16]);
        Fingerprint(out)
    }

    fn check_conversation(conversation: &str) -> Result<(), GuardError> {
        if conversation.len() > MAX_CONVERSATION_ID_BYTES {
            return Err(GuardError::Invalid(format!(
                "conversation id longer than {MAX_CONVERSATION_ID_BYTES} bytes"
            )));
        }
        Ok(())
    }

    fn scan(&self, text: &str, region: Option<Region>) -> Result<Vec<Finding>, GuardError> {
        let region = region.or(self.scanner.region());
        catch_unwind(AssertUnwindSafe(|| {
            let mut out = Vec::new();
            self.scanner.scan_into(text.as_bytes(), region, &mut out);
            if self.config.read_spelled_out && !self.scanner.reads_spelled_out() {
                let min_confidence = self.scanner.min_confidence();
                self.scanner.add_spelled_out_settled(
                    text.as_bytes(),
                    region,
                    min_confidence,
                    crate::spelled::Spelling::Everything,
                    &mut out,
                );
            }
            out
        }))
        .map_err(panic_message)
    }

    /// Learns the personal data a customer wrote in `conversation` (now);
    /// returns the findings.
    pub fn observe_inbound(
        &self,
        conversation: &str,
        text: &str,
    ) -> Result<Vec<Finding>, GuardError> {
        self.observe_inbound_at(conversation, text, now(), None)
    }

    /// Like [`observe_inbound`](Self::observe_inbound) at `time` (Unix
    /// seconds), with a region hint (`None`: the scanner's).
    pub fn observe_inbound_at(
        &self,
        conversation: &str,
        text: &str,
        time: u64,
        region: Option<Region>,
    ) -> Result<Vec<Finding>, GuardError> {
        Guard::check_conversation(conversation)?;
        let mut findings = self.scan(text, region)?;
        let side = split::Side::Customer;
        self.join_split_values(conversation, side, text, region, time, &mut findings)?;
        let fingerprints = self.owned_fingerprints(&findings);
        self.store.add(conversation, &fingerprints, time)?;
        Ok(findings)
    }

    /// Records that `conversation` owns `value` of `kind` (the customer's
    /// WhatsApp number, the e-mail on file), now. The value must be a valid
    /// value of its kind for the scanner (a phone number valid for its
    /// country, or for the scanner's region when written nationally).
    pub fn register(&self, conversation: &str, kind: &Kind, value: &str) -> Result<(), GuardError> {
        self.register_at(conversation, kind, value, now())
    }

    /// Like [`register`](Self::register) at `time` (Unix seconds).
    pub fn register_at(
        &self,
        conversation: &str,
        kind: &Kind,
        value: &str,
        time: u64,
    ) -> Result<(), GuardError> {
        Guard::check_conversation(conversation)?;
        let findings = self.scan(value, None)?;
        let finding = findings
            .iter()
            .find(|f| f.kind == *kind)
            .ok_or_else(|| GuardError::Invalid(format!("the value is not a valid {kind}")))?;
        let fingerprints = self.owned_fingerprints(std::slice::from_ref(finding));
        self.store.add(conversation, &fingerprints, time)
    }

    /// The fingerprints a conversation owns for `findings`: each value's,
    /// what it stands for (an e-mail address's mailbox, the mobile a payment
    /// address is named after: [`Self::push_underlying_fingerprints`]), and
    /// a phone number's forms without its area code (an agent who writes
    /// `98765-4321` for the customer's `+55 11 98765-4321` still pastes it;
    /// see [`crate::detect::phone::local_forms`]).
    fn owned_fingerprints(&self, findings: &[Finding]) -> Vec<Fingerprint> {
        let mut fingerprints = Vec::with_capacity(findings.len());
        for finding in findings {
            fingerprints.push(self.fingerprint(finding));
            self.push_underlying_fingerprints(finding, &mut fingerprints);
            if finding.kind == Kind::Phone {
                crate::detect::phone::local_forms(&finding.normalized, |form| {
                    fingerprints.push(self.cut_form_fingerprint(&form));
                });
            }
        }
        fingerprints
    }

    /// The fingerprints under which an outbound `finding` may be owned,
    /// appended to `out`: its value's, what it stands for, and for a phone
    /// number the other side of the forms without an area code. A whole
    /// number is a conversation's when its customer gave it without the
    /// area code (`98765-4321`, then the agent elsewhere writes `+55 11
    /// 98765-4321`); a number written without one is a conversation's when
    /// its customer gave the whole number.
    fn outbound_fingerprints(&self, finding: &Finding, out: &mut Vec<Fingerprint>) {
        out.push(self.fingerprint(finding));
        self.push_underlying_fingerprints(finding, out);
        if finding.kind != Kind::Phone {
            return;
        }
        let whole = crate::detect::phone::local_forms(&finding.normalized, |form| {
            out.push(self.fingerprint_of(&Kind::Phone, &form));
        });
        // Not a whole number: the value of one given without its area
        // code (`+55987654321`).
        if !whole && finding.normalized.starts_with('+') {
            out.push(self.cut_form_fingerprint(&finding.normalized));
        }
    }

    /// The values a finding's value stands for, owned and looked up beside
    /// it: an e-mail address's mailbox when it is spelled otherwise
    /// (`ravi.kumar+deals@googlemail.com` delivers to `ravikumar@gmail.com`;
    /// see [`mailbox`]), and the mobile a payment address is named after
    /// (`9876543210@ybl` is `+919876543210`'s; see
    /// [`crate::detect::phone::number_named_by`]). Each in the namespace of
    /// its kind: the mailbox is an address of the customer's, the mobile
    /// the customer's number.
    fn push_underlying_fingerprints(&self, finding: &Finding, out: &mut Vec<Fingerprint>) {
        let network = match finding.kind {
            Kind::Email => {
                if let Some(mailbox) = mailbox::mailbox(&finding.normalized) {
                    out.push(self.fingerprint_of(&Kind::Email, &mailbox));
                }
                return;
            }
            Kind::UpiId => "IN",
            Kind::EgInstapay => "EG",
            _ => return,
        };
        let Some((name, _)) = finding.normalized.rsplit_once('@') else {
            return;
        };
        if let Some(number) = crate::detect::phone::number_named_by(network, name.as_bytes()) {
            out.push(self.fingerprint_of(&Kind::Phone, &number));
        }
    }

    /// Erases everything `conversation` owns (an erasure request); returns
    /// how many values.
    pub fn forget(&self, conversation: &str) -> Result<usize, GuardError> {
        self.tails.forget(conversation);
        self.store.forget(conversation)
    }

    /// Adds to `findings` (those of `text`, sent by `side` in
    /// `conversation` at `time`) the values split across the end of the
    /// last message `side` sent there and the start of this one, and keeps
    /// this one's end (see [`split`]).
    fn join_split_values(
        &self,
        conversation: &str,
        side: split::Side<'_>,
        text: &str,
        region: Option<Region>,
        time: u64,
        findings: &mut Vec<Finding>,
    ) -> Result<(), GuardError> {
        let window = self.config.split_window_secs;
        if window == 0 {
            return Ok(());
        }
        let start = split::start_to_join(text, findings);
        let end = split::end_to_keep(text, findings);
        if start.is_none() && end.is_none() {
            return Ok(());
        }
        let before = self
            .tails
            .exchange(conversation, side, (time, window), start.is_some(), end);
        let (Some(before), Some((from, start))) = (before, start) else {
            return Ok(());
        };
        let mut joined =
            zeroize::Zeroizing::new(String::with_capacity(before.len() + 1 + start.len()));
        joined.push_str(&before);
        joined.push(' ');
        joined.push_str(start);
        let across = self.scan(&joined, region)?;
        let join = before.len();
        if !across.iter().any(|f| f.start < join && f.end > join + 1) {
            return Ok(());
        }
        let end_alone = self.scan(&before, region)?;
        for found in split::across_the_join(&before, from, across, &end_alone) {
            if !findings
                .iter()
                .any(|f| f.start < found.end && found.start < f.end)
            {
                findings.push(found);
            }
        }
        findings.sort_by_key(|f| f.start);
        Ok(())
    }

    /// Checks a message an agent (`sender`) sends in `conversation` now.
    /// Never fails: when the check cannot complete, the message is held.
    pub fn check_outbound(&self, conversation: &str, sender: &str, text: &str) -> Outcome {
        self.check(&Outbound::new(conversation, sender, text))
    }

    /// Checks an outbound message. Never fails: a scan, store or masking
    /// failure holds the message (with a `store_error` or `check_error`
    /// event).
    pub fn check(&self, message: &Outbound<'_>) -> Outcome {
        let outcome = self.check_inner(message);
        if let Some(sink) = &self.sink {
            if !outcome.events.is_empty() {
                sink.record(message, &outcome);
            }
        }
        outcome
    }

    fn event(
        &self,
        class: LeakClass,
        finding: &Finding,
        owners: Vec<String>,
        action: Action,
        language: Option<&str>,
    ) -> Event {
        let default_language = language.is_none_or(|l| l == self.config.language);
        let cached = default_language
            .then(|| self.rendered.get(&(class, finding.kind.clone(), action)))
            .flatten();
        let (rule, coaching) = match cached {
            Some((rule, coaching)) => (rule.clone(), coaching.clone()),
            None => {
                let rule = format!("{}.{}", class.name(), finding.kind.name());
                let coaching =
                    self.config
                        .coaching_text(class, &finding.kind, &rule, action, language);
                (rule, coaching)
            }
        };
        Event {
            class,
            kind: finding.kind.clone(),
            start: finding.start,
            end: finding.end,
            owners,
            rule,
            action,
            coaching,
        }
    }

    fn check_inner(&self, message: &Outbound<'_>) -> Outcome {
        let language = message.language;
        let time = message.time.unwrap_or_else(now);
        let side = split::Side::Agent(message.sender);
        let scanned = self
            .scan(message.text, message.region)
            .and_then(|mut findings| {
                self.join_split_values(
                    message.conversation,
                    side,
                    message.text,
                    message.region,
                    time,
                    &mut findings,
                )?;
                Ok(findings)
            });
        let findings = match scanned {
            Ok(findings) => findings,
            Err(_) => {
                let whole = Finding {
                    kind: Kind::Custom("message".into()),
                    start: 0,
                    end: message.text.len(),
                    confidence: 0.0,
                    normalized: String::new(),
                };
                let event = self.event(
                    LeakClass::CheckError,
                    &whole,
                    vec![],
                    Action::Hold,
                    language,
                );
                return Outcome::hold(vec![event], Vec::new());
            }
        };
        if findings.is_empty() {
            return Outcome {
                action: Action::Deliver,
                events: Vec::new(),
                findings,
                masked: None,
            };
        }
        // Each finding's fingerprints, and where they end.
        let mut fingerprints = Vec::with_capacity(findings.len());
        let mut ends = Vec::with_capacity(findings.len());
        for finding in &findings {
            self.outbound_fingerprints(finding, &mut fingerprints);
            ends.push(fingerprints.len());
        }
        let mut owners = Vec::new();
        let looked_up = self
            .store
            .lookup(message.conversation, &fingerprints, time, &mut owners);
        let looked_up = looked_up.is_ok() && owners.len() == fingerprints.len();
        if looked_up && fingerprints.len() > findings.len() {
            owners = merge_ownership(owners, &ends);
        }
        if !looked_up {
            let action = if self.config.fail_open {
                Action::Deliver
            } else {
                Action::Hold
            };
            let events: Vec<Event> = findings
                .iter()
                .map(|f| self.event(LeakClass::StoreError, f, vec![], action, language))
                .collect();
            if self.config.fail_open {
                return Outcome {
                    action,
                    events,
                    findings,
                    masked: None,
                };
            }
            return Outcome::hold(events, findings);
        }
        let mut events = Vec::new();
        for (finding, ownership) in findings.iter().zip(owners) {
            if ownership.own {
                continue; // the conversation's own value
            }
            let owners = ownership.others;
            let (class, actions) = if owners.is_empty() {
                (
                    LeakClass::UnknownOutbound,
                    &self.config.actions.unknown_outbound,
                )
            } else {
                (
                    LeakClass::CrossConversationLeak,
                    &self.config.actions.cross_conversation_leak,
                )
            };
            let action = actions.action(&finding.kind);
            let owners = owners.iter().map(|o| o.to_string()).collect();
            events.push(self.event(class, finding, owners, action, language));
        }
        let action = events.iter().map(|e| e.action).max().unwrap_or_default();
        let mut outcome = Outcome {
            action,
            events,
            findings,
            masked: None,
        };
        if action == Action::Mask {
            self.mask(message, &mut outcome);
        }
        outcome
    }

    /// Masks the findings of the `mask` events; on failure, holds.
    fn mask(&self, message: &Outbound<'_>, outcome: &mut Outcome) {
        let to_mask: Vec<Finding> = outcome
            .events
            .iter()
            .filter(|e| e.action == Action::Mask)
            .filter_map(|e| outcome.findings.iter().find(|f| f.start == e.start))
            .cloned()
            .collect();
        let mut out = Vec::with_capacity(message.text.len());
        let role = self.config.mask_role.as_deref();
        let masked = catch_unwind(AssertUnwindSafe(|| {
            self.scanner
                .mask_findings_into(message.text.as_bytes(), &to_mask, role, &mut out)
                .ok()
                .and_then(|()| String::from_utf8(std::mem::take(&mut out)).ok())
        }))
        .ok()
        .flatten();
        match masked {
            Some(text) => outcome.masked = Some(text),
            None => {
                outcome.action = Action::Hold;
                outcome.masked = None;
                for f in &to_mask {
                    let event = self.event(
                        LeakClass::CheckError,
                        f,
                        vec![],
                        Action::Hold,
                        message.language,
                    );
                    outcome.events.push(event);
                }
                outcome.events.sort_by_key(|e| e.start);
            }
        }
    }
}

/// Buffers the MAC's input.
struct Feeder {
    mac: Hmac<Sha256>,
    buf: [u8; 128],
    len: usize,
}

impl Feeder {
    fn push(&mut self, bytes: &[u8]) {
        if self.len + bytes.len() > self.buf.len() {
            self.mac.update(&self.buf[..self.len]);
            self.len = 0;
            if bytes.len() > self.buf.len() {
                self.mac.update(bytes);
                return;
            }
        }
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }
}

/// The name fingerprints of [`Guard::cut_form_fingerprint`] are made
/// under, instead of a kind's.
const CUT_FORM: &[u8] = b"phone/without-area-code";

/// One ownership per finding out of the ownerships of each finding's
/// fingerprints (`ends[i]`: where finding `i`'s fingerprints end): owned
/// when any is, and the other owners of all, sorted, without repeats, at
/// most [`MAX_LISTED_OWNERS`].
fn merge_ownership(owners: Vec<Ownership>, ends: &[usize]) -> Vec<Ownership> {
    let mut merged = Vec::with_capacity(ends.len());
    let mut owners = owners.into_iter();
    let mut start = 0;
    for &end in ends {
        let mut one = Ownership::default();
        for ownership in owners.by_ref().take(end - start) {
            one.own |= ownership.own;
            one.others.extend(ownership.others);
        }
        one.others.sort();
        one.others.dedup();
        one.others.truncate(MAX_LISTED_OWNERS);
        merged.push(one);
        start = end;
    }
    merged
}

/// Feeds the guard's normal form of a value to `feed`: E.164 for phones
/// (already the finding's), lower case for e-mail and IP addresses and for
/// the names of handles and payment addresses, upper case letters and
/// digits only for cards, IBANs and IDs, lower case with white space
/// collapsed for custom kinds.
///
/// A handle's or payment address's separators are part of it:
/// `ravi_kumar_99` and `ravi.kumar.99` are two Instagram accounts, and
/// `ravi.kumar@oksbi` and `ravikumar@oksbi` two UPI IDs, where an ID's
/// separators are only how it was written.
fn normal_form(kind: &Kind, normalized: &str, feed: &mut dyn FnMut(&[u8])) {
    let mut buf = [0u8; 4];
    match kind {
        Kind::Phone => feed(normalized.as_bytes()),
        Kind::Email
        | Kind::IpAddress
        | Kind::SocialHandle
        | Kind::UpiId
        | Kind::EgInstapay
        | Kind::ArCbuAlias => {
            for c in normalized.chars().flat_map(char::to_lowercase) {
                feed(c.encode_utf8(&mut buf).as_bytes());
            }
        }
        Kind::Custom(_) => {
            let mut space = false;
            for c in normalized.trim().chars().flat_map(char::to_lowercase) {
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                if space {
                    feed(b" ");
                    space = false;
                }
                feed(c.encode_utf8(&mut buf).as_bytes());
            }
        }
        _ => {
            for b in normalized.bytes().filter(u8::is_ascii_alphanumeric) {
                feed(&[b.to_ascii_uppercase()]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> Guard {
        let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
        Guard::new(
            scanner,
            &Key::new(&[7; 32]).unwrap(),
            GuardConfig::default(),
        )
        .unwrap()
    }

    #[test]
    fn whatsapp_forms_of_one_number_are_one_fingerprint() {
        let guard = guard();
        let forms = [
            "98765 43210",
            "+91-98765-43210",
            "0091 98765 43210",
            "wa.me/919876543210",
            "919876543210@s.whatsapp.net",
            "+91 9876543210",
        ];
        let prints: Vec<Fingerprint> = forms
            .iter()
            .map(|text| {
                let found = guard.scan(text, None).unwrap();
                let phone = found.iter().find(|f| f.kind == Kind::Phone);
                let phone = phone.unwrap_or_else(|| panic!("no phone in {text:?}"));
                assert_eq!(phone.normalized, "+919876543210", "{text}");
                guard.fingerprint(phone)
            })
            .collect();
        assert!(prints.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn normal_forms_per_kind() {
        let guard = guard();
        let fp = |kind: Kind, v: &str| guard.fingerprint_of(&kind, v);
        assert_eq!(
            fp(Kind::Email, "Priya@Example.IN"),
            fp(Kind::Email, "priya@example.in")
        );
        assert_eq!(
            fp(Kind::CreditCard, "4111 1111-1111 1111"),
            fp(Kind::CreditCard, "4111111111111111")
        );
        assert_eq!(
            fp(Kind::InPan, "abcde1234f"),
            fp(Kind::InPan, "ABCDE 1234 F")
        );
        // A handle's or payment address's separators are part of it, its
        // case is not.
        assert_ne!(
            fp(Kind::SocialHandle, "instagram:ravi_kumar_99"),
            fp(Kind::SocialHandle, "instagram:ravi.kumar.99")
        );
        assert_eq!(
            fp(Kind::SocialHandle, "instagram:RaviKumar99"),
            fp(Kind::SocialHandle, "instagram:ravikumar99")
        );
        assert_ne!(
            fp(Kind::UpiId, "ravi.kumar@oksbi"),
            fp(Kind::UpiId, "ravikumar@oksbi")
        );
        assert_eq!(
            fp(Kind::UpiId, "Ravi.Kumar@OKSBI"),
            fp(Kind::UpiId, "ravi.kumar@oksbi")
        );
        // The kind is part of the fingerprint.
        assert_ne!(fp(Kind::UsSsn, "123456789"), fp(Kind::CaSin, "123456789"));
        // And so is the key.
        let other = Guard::new(
            guard.scanner().clone(),
            &Key::new(&[8; 32]).unwrap(),
            GuardConfig::default(),
        )
        .unwrap();
        assert_ne!(
            other.fingerprint_of(&Kind::Email, "a@b.co"),
            fp(Kind::Email, "a@b.co")
        );
    }

    #[test]
    fn placeholders_fill_once() {
        assert_eq!(
            fill(
                "{kind} / {label} / {rule} / {action} / {other} {",
                &Kind::CreditCard,
                "{kind}",
                "hold"
            ),
            "credit_card / card number / {kind} / hold / {other} {"
        );
    }

    #[test]
    fn coaching_falls_back_by_language() {
        let config = GuardConfig::from_json(
            r#"{"language": "es", "coaching": {
                "hi": {"unknown_outbound": "yeh {kind} ({rule})"},
                "es": {"cross_conversation_leak": "este {kind} es de otro cliente"}}}"#,
        )
        .unwrap();
        let text =
            |class, lang| config.coaching_text(class, &Kind::Phone, "r.phone", Action::Mask, lang);
        assert_eq!(
            text(LeakClass::UnknownOutbound, Some("hi")),
            "yeh phone (r.phone)"
        );
        assert_eq!(
            text(LeakClass::CrossConversationLeak, Some("hi")),
            "este phone es de otro cliente"
        );
        assert!(
            text(LeakClass::UnknownOutbound, Some("fr")).starts_with("This phone number was not")
        );
    }

    #[test]
    fn config_rejects_unknown_fields_and_bad_roles() {
        assert!(GuardConfig::from_json(r#"{"lifetime": 3}"#).is_err());
        assert!(GuardConfig::from_json(
            r#"{"actions": {"unknown_outbound": {"default": "drop"}}}"#
        )
        .is_err());
        let config = GuardConfig {
            mask_role: Some("nobody".into()),
            ..GuardConfig::default()
        };
        let scanner = Arc::new(Scanner::new());
        assert!(Guard::new(scanner, &Key::new(&[1; 32]).unwrap(), config).is_err());
    }
}
