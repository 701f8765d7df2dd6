//! The monitor: alerts on unusual patterns of an actor (an agent, a
//! supervisor) from what the guard and the reveal audit already see.
//!
//! Why counters per actor over sliding windows, fed by events: one leak is
//! a coaching moment, but the same agent leaking three times in an hour,
//! revealing numbers across ten conversations, or working at 3 a.m. is a
//! pattern a supervisor wants to hear about once, promptly. Each rule
//! counts one thing per actor over a window and raises one [`Alert`] when
//! it reaches its threshold, then stays quiet for the rest of that window
//! (the exact semantics are in [`super::counters`]).
//!
//! Time is always the events' own (`Outbound::time`, the audit event's
//! `time`), never the clock: replaying a log gives the same alerts, which
//! is what makes them testable and auditable. The counters live behind
//! the [`Counters`] trait so that replicas can share them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::counters::{Counters, MemoryCounters, Observation, Window, WindowKey};
use super::{GuardError, LeakClass, Outbound, Outcome};
use crate::policy::AuditEvent;
use crate::report::{format_ts, parse_ts};

/// What a rule counts, per actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counter {
    /// Leak events in the actor's outbound messages (every class but the
    /// `*_error` ones, or the rule's `class`).
    LeakEvents,
    /// Reveal attempts (every outcome).
    Reveals,
    /// Distinct conversations the actor asked reveals in.
    RevealConversations,
    /// Distinct conversations the actor touched (outbound messages and
    /// reveals).
    Conversations,
    /// Outbound messages carrying personal data (the conversation's own
    /// too).
    OutboundPii,
    /// Outbound messages and reveals outside the working hours (nothing
    /// is counted when none are configured).
    OffHours,
}

/// One rule: a counter, a threshold and a window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The rule's id, used in alert ids (`leak_events`).
    pub id: String,
    /// What it counts.
    pub counter: Counter,
    /// For [`Counter::LeakEvents`]: only this class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<LeakClass>,
    /// The count that raises the alert (at least 1).
    pub threshold: u64,
    /// The window in seconds (at least 1).
    pub window_secs: u64,
}

impl Rule {
    fn new(id: &str, counter: Counter, threshold: u64, window_secs: u64) -> Rule {
        Rule {
            id: id.into(),
            counter,
            class: None,
            threshold,
            window_secs,
        }
    }
}

/// When the team works, in its own time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingHours {
    /// Start of the working day, `HH:MM` local time.
    pub start: String,
    /// End of the working day, `HH:MM` local time (exclusive; earlier than
    /// `start` for a night shift across midnight).
    pub end: String,
    /// The team's offset from UTC in minutes (`330` for India).
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// Working days (`mon` … `sun`); default Monday to Saturday.
    #[serde(default = "default_days")]
    pub days: Vec<String>,
}

fn default_days() -> Vec<String> {
    ["mon", "tue", "wed", "thu", "fri", "sat"]
        .map(String::from)
        .to_vec()
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The monitor's part of the guard configuration (`"monitor": {...}`).
///
/// ```json
/// {
///   "rules": [
///     { "id": "leak_events", "counter": "leak_events", "threshold": 3, "window_secs": 3600 },
///     { "id": "cross_leaks", "counter": "leak_events", "class": "cross_conversation_leak",
///       "threshold": 2, "window_secs": 86400 }
///   ],
///   "working_hours": { "start": "08:00", "end": "20:00", "utc_offset_minutes": 330 }
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonitorConfig {
    /// The rules, in the order their alerts are reported. Default
    /// [`MonitorConfig::default_rules`].
    pub rules: Vec<Rule>,
    /// Working hours for [`Counter::OffHours`]; `None`: no off-hours rule
    /// counts anything.
    pub working_hours: Option<WorkingHours>,
}

impl Default for MonitorConfig {
    fn default() -> Self {
        MonitorConfig {
            rules: MonitorConfig::default_rules(),
            working_hours: None,
        }
    }
}

impl MonitorConfig {
    /// Defaults for a support team: 3 leak events in an hour, 20 reveals
    /// in an hour, reveals in 10 conversations in an hour, 30 outbound
    /// messages with personal data in an hour, and 5 actions outside the
    /// working hours in an hour (counted once working hours are set).
    pub fn default_rules() -> Vec<Rule> {
        vec![
            Rule::new("leak_events", Counter::LeakEvents, 3, 3600),
            Rule::new("reveals", Counter::Reveals, 20, 3600),
            Rule::new(
                "reveal_conversations",
                Counter::RevealConversations,
                10,
                3600,
            ),
            Rule::new("outbound_pii", Counter::OutboundPii, 30, 3600),
            Rule::new("off_hours", Counter::OffHours, 5, 3600),
        ]
    }
}

/// An alert: a rule's threshold crossed by one actor in one window. The
/// contract's `{"alert": {...}}` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// `<rule>:<actor>:<window start, Unix seconds>`: the same alert has
    /// the same id on every replica and every replay.
    pub id: String,
    /// The rule's id.
    pub rule: String,
    /// Whom it is about.
    pub actor: String,
    /// The rule's window.
    pub window_secs: u64,
    /// The rule's threshold.
    pub threshold: u64,
    /// The count when it fired.
    pub count: u64,
    /// The first event counted (RFC 3339 UTC).
    pub first_ts: String,
    /// The event that crossed the threshold.
    pub last_ts: String,
}

/// Working hours in minutes, checked once.
#[derive(Clone, Debug)]
struct Hours {
    start: i64,
    end: i64,
    offset_secs: i64,
    /// Monday = bit 0.
    days: u8,
}

fn minutes(hhmm: &str) -> Result<i64, GuardError> {
    let bad = || GuardError::Config(format!("working hours: {hhmm:?} is not HH:MM"));
    let (h, m) = hhmm.split_once(':').ok_or_else(bad)?;
    let (h, m): (i64, i64) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(0..=24).contains(&h) || !(0..60).contains(&m) || h * 60 + m > 1440 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

impl Hours {
    fn new(w: &WorkingHours) -> Result<Hours, GuardError> {
        let mut days = 0;
        for d in &w.days {
            let i = DAYS
                .iter()
                .position(|x| x.eq_ignore_ascii_case(d))
                .ok_or_else(|| GuardError::Config(format!("working hours: unknown day {d:?}")))?;
            days |= 1 << i;
        }
        if !(-24 * 60..=24 * 60).contains(&w.utc_offset_minutes) {
            return Err(GuardError::Config(
                "working hours: utc_offset_minutes out of range".into(),
            ));
        }
        Ok(Hours {
            start: minutes(&w.start)?,
            end: minutes(&w.end)?,
            offset_secs: i64::from(w.utc_offset_minutes) * 60,
            days,
        })
    }

    fn outside(&self, ts: i64) -> bool {
        let local = ts.saturating_add(self.offset_secs);
        let minute = local.rem_euclid(86_400) / 60;
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let mut day = (local.div_euclid(86_400) + 3).rem_euclid(7);
        let inside_time = if self.start <= self.end {
            (self.start..self.end).contains(&minute)
        } else {
            // A night shift: its early hours belong to the previous day.
            if minute < self.end {
                day = (day + 6) % 7;
                true
            } else {
                minute >= self.start
            }
        };
        !(inside_time && self.days & (1 << day) != 0)
    }
}

/// A conversation's fingerprint for distinct counts (counters shared in
/// a store hold no names).
fn member(conversation: &str) -> [u8; 16] {
    let digest = Sha256::new()
        .chain_update(b"piimask monitor conversation\0")
        .chain_update(conversation.as_bytes())
        .finalize();
    digest[..16].try_into().expect("16 of 32 bytes")
}

fn window_key(rule: &str, actor: &str) -> WindowKey {
    let digest = Sha256::new()
        .chain_update(b"piimask monitor window\0")
        .chain_update((rule.len() as u64).to_le_bytes())
        .chain_update(rule.as_bytes())
        .chain_update(actor.as_bytes())
        .finalize();
    WindowKey(digest[..16].try_into().expect("16 of 32 bytes"))
}

/// What one actor did at one time, as the monitor counts it.
#[derive(Clone, Copy, Debug)]
pub struct Activity<'a> {
    /// Who.
    pub actor: &'a str,
    /// When (Unix seconds, from the event).
    pub ts: i64,
    /// In which conversation, when known.
    pub conversation: Option<&'a str>,
    /// What kind of activity.
    pub what: What<'a>,
}

/// The kinds of activity the monitor counts.
#[derive(Clone, Copy, Debug)]
pub enum What<'a> {
    /// An outbound message: whether it carried personal data, and the
    /// classes of its events.
    Outbound {
        /// It carried at least one finding.
        has_pii: bool,
        /// The class of each of its events.
        events: &'a [LeakClass],
    },
    /// A reveal attempt.
    Reveal,
}

/// The monitor. Shared by all threads (internally synchronised through its
/// counters).
#[derive(Debug, Clone)]
pub struct Monitor {
    config: MonitorConfig,
    hours: Option<Hours>,
    counters: Arc<dyn Counters>,
}

impl Monitor {
    /// A monitor with counters in memory.
    pub fn new(config: MonitorConfig) -> Result<Monitor, GuardError> {
        Monitor::with_counters(config, Arc::new(MemoryCounters::new()))
    }

    /// A monitor over shared counters (for example Redis, shared by
    /// replicas).
    pub fn with_counters(
        config: MonitorConfig,
        counters: Arc<dyn Counters>,
    ) -> Result<Monitor, GuardError> {
        for r in &config.rules {
            if r.threshold == 0 || r.window_secs == 0 {
                return Err(GuardError::Config(format!(
                    "monitor rule {:?}: threshold and window_secs must be at least 1",
                    r.id
                )));
            }
            if r.id.is_empty() || r.id.contains(':') {
                return Err(GuardError::Config(format!(
                    "monitor rule {:?}: an id is non-empty and has no ':'",
                    r.id
                )));
            }
            if r.class.is_some() && r.counter != Counter::LeakEvents {
                return Err(GuardError::Config(format!(
                    "monitor rule {:?}: class applies to leak_events only",
                    r.id
                )));
            }
        }
        let hours = config.working_hours.as_ref().map(Hours::new).transpose()?;
        Ok(Monitor {
            config,
            hours,
            counters,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &MonitorConfig {
        &self.config
    }

    /// Counts one activity; returns the alerts it raised, in rule order.
    /// On a counter failure (a shared store unreachable) nothing after the
    /// failing rule is counted and the error is returned.
    pub fn observe(&self, activity: &Activity<'_>) -> Result<Vec<Alert>, GuardError> {
        let mut alerts = Vec::new();
        let mut observations = Vec::new();
        let ts = activity.ts;
        let outside = self.hours.as_ref().is_some_and(|h| h.outside(ts));
        let conversation = activity.conversation.map(member);
        for rule in &self.config.rules {
            observations.clear();
            let plain = Observation { ts, member: None };
            match (rule.counter, activity.what) {
                (Counter::LeakEvents, What::Outbound { events, .. }) => {
                    let counted = events.iter().filter(|c| match rule.class {
                        Some(class) => **c == class,
                        None => !matches!(c, LeakClass::StoreError | LeakClass::CheckError),
                    });
                    observations.extend(counted.map(|_| plain));
                }
                (Counter::Reveals, What::Reveal) => observations.push(plain),
                (Counter::RevealConversations, What::Reveal) | (Counter::Conversations, _) => {
                    if let Some(m) = conversation {
                        observations.push(Observation {
                            ts,
                            member: Some(m),
                        });
                    }
                }
                (Counter::OutboundPii, What::Outbound { has_pii: true, .. }) => {
                    observations.push(plain)
                }
                (Counter::OffHours, _) if outside => observations.push(plain),
                _ => {}
            }
            if observations.is_empty() {
                continue;
            }
            let window = Window {
                secs: rule.window_secs,
                threshold: rule.threshold,
            };
            let key = window_key(&rule.id, activity.actor);
            if let Some(c) = self.counters.hit(&key, &observations, window)? {
                alerts.push(Alert {
                    id: format!("{}:{}:{}", rule.id, activity.actor, c.first_ts),
                    rule: rule.id.clone(),
                    actor: activity.actor.to_string(),
                    window_secs: rule.window_secs,
                    threshold: rule.threshold,
                    count: c.count,
                    first_ts: format_ts(c.first_ts),
                    last_ts: format_ts(c.last_ts),
                });
            }
        }
        Ok(alerts)
    }

    /// Counts a checked outbound message. It must carry its time
    /// ([`Outbound::time`]): the monitor never reads the clock.
    pub fn observe_outbound(
        &self,
        message: &Outbound<'_>,
        outcome: &Outcome,
    ) -> Result<Vec<Alert>, GuardError> {
        let ts = message
            .time
            .ok_or_else(|| GuardError::Invalid("the monitor needs the message's time".into()))?;
        let classes: Vec<LeakClass> = outcome.events.iter().map(|e| e.class).collect();
        self.observe(&Activity {
            actor: message.sender,
            ts: i64::try_from(ts).unwrap_or(i64::MAX),
            conversation: Some(message.conversation),
            what: What::Outbound {
                has_pii: !outcome.findings.is_empty(),
                events: &classes,
            },
        })
    }

    /// Counts a reveal attempt from its audit event (its `time`).
    pub fn observe_reveal(&self, event: &AuditEvent) -> Result<Vec<Alert>, GuardError> {
        let ts = parse_ts(&event.time)
            .ok_or_else(|| GuardError::Invalid("audit event time is not RFC 3339".into()))?;
        self.observe(&Activity {
            actor: &event.actor,
            ts,
            conversation: event.conversation.as_deref(),
            what: What::Reveal,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out<'a>(
        actor: &'a str,
        ts: i64,
        conversation: &'a str,
        events: &'a [LeakClass],
    ) -> Activity<'a> {
        Activity {
            actor,
            ts,
            conversation: Some(conversation),
            what: What::Outbound {
                has_pii: !events.is_empty(),
                events,
            },
        }
    }

    fn reveal<'a>(actor: &'a str, ts: i64, conversation: &'a str) -> Activity<'a> {
        Activity {
            actor,
            ts,
            conversation: Some(conversation),
            what: What::Reveal,
        }
    }

    const LEAK: &[LeakClass] = &[LeakClass::CrossConversationLeak];
    const T0: i64 = 1_773_306_000; // 2026-03-12T09:00:00Z, a Thursday

    #[test]
    fn three_leaks_in_an_hour_raise_one_alert_per_window() {
        let m = Monitor::new(MonitorConfig::default()).unwrap();
        let mut alerts = Vec::new();
        for i in 0..8 {
            alerts.extend(
                m.observe(&out("agent-3", T0 + i * 300, "c-1", LEAK))
                    .unwrap(),
            );
        }
        // Another agent's two leaks raise nothing.
        for i in 0..2 {
            assert!(m
                .observe(&out("agent-1", T0 + i, "c-2", LEAK))
                .unwrap()
                .is_empty());
        }
        assert_eq!(alerts.len(), 1, "{alerts:?}");
        let a = &alerts[0];
        assert_eq!(a.id, format!("leak_events:agent-3:{T0}"));
        assert_eq!((a.count, a.threshold, a.window_secs), (3, 3, 3600));
        assert_eq!(a.first_ts, "2026-03-12T09:00:00Z");
        assert_eq!(a.last_ts, "2026-03-12T09:10:00Z");
        // The next window fires again.
        let later: Vec<Alert> = (0..3)
            .flat_map(|i| {
                m.observe(&out("agent-3", T0 + 3600 + i, "c-1", LEAK))
                    .unwrap()
            })
            .collect();
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].id, format!("leak_events:agent-3:{}", T0 + 3600));
    }

    #[test]
    fn error_events_are_no_leaks_and_class_rules_filter() {
        let config = MonitorConfig {
            rules: vec![Rule {
                class: Some(LeakClass::UnknownOutbound),
                ..Rule::new("unknown", Counter::LeakEvents, 2, 60)
            }],
            working_hours: None,
        };
        let m = Monitor::new(config).unwrap();
        let errors = [
            LeakClass::StoreError,
            LeakClass::CheckError,
            LeakClass::CrossConversationLeak,
        ];
        assert!(m.observe(&out("a", 1, "c", &errors)).unwrap().is_empty());
        let two = [LeakClass::UnknownOutbound, LeakClass::UnknownOutbound];
        assert_eq!(m.observe(&out("a", 2, "c", &two)).unwrap().len(), 1);
        let d = Monitor::new(MonitorConfig::default()).unwrap();
        let errs = [LeakClass::StoreError; 5];
        assert!(d.observe(&out("a", 1, "c", &errs)).unwrap().is_empty());
    }

    #[test]
    fn reveals_across_ten_conversations() {
        let m = Monitor::new(MonitorConfig::default()).unwrap();
        let mut alerts = Vec::new();
        // Nine conversations, many reveals each: below both thresholds
        // until the twentieth reveal.
        for i in 0..19 {
            let c = format!("c-{}", i % 9);
            alerts.extend(m.observe(&reveal("sup-1", T0 + i, &c)).unwrap());
        }
        assert!(alerts.is_empty(), "{alerts:?}");
        let a = m.observe(&reveal("sup-1", T0 + 19, "c-9")).unwrap();
        let rules: Vec<&str> = a.iter().map(|a| a.rule.as_str()).collect();
        assert_eq!(rules, ["reveals", "reveal_conversations"]);
        assert_eq!(a[1].count, 10);
    }

    #[test]
    fn conversations_touched_count_outbound_messages_and_reveals() {
        let config = MonitorConfig {
            rules: vec![Rule::new("spread", Counter::Conversations, 4, 600)],
            working_hours: None,
        };
        let m = Monitor::new(config).unwrap();
        let mut alerts = Vec::new();
        // Repeats of one conversation count once, reveals count too.
        for (i, c) in ["c-1", "c-1", "c-2", "c-2", "c-3"].iter().enumerate() {
            alerts.extend(m.observe(&out("agent-1", T0 + i as i64, c, &[])).unwrap());
        }
        assert!(alerts.is_empty());
        alerts.extend(m.observe(&reveal("agent-1", T0 + 10, "c-4")).unwrap());
        assert_eq!(alerts.len(), 1);
        assert_eq!((alerts[0].rule.as_str(), alerts[0].count), ("spread", 4));
        // A reveal without a conversation counts for no distinct rule.
        let none = Activity {
            actor: "agent-2",
            ts: T0,
            conversation: None,
            what: What::Reveal,
        };
        assert!(m.observe(&none).unwrap().is_empty());
    }

    #[test]
    fn working_hours_and_night_shifts() {
        let day = Hours::new(&WorkingHours {
            start: "09:00".into(),
            end: "18:00".into(),
            utc_offset_minutes: 330,
            days: default_days(),
        })
        .unwrap();
        // 09:00Z is 14:30 in India, a Thursday.
        assert!(!day.outside(T0));
        // 03:00Z is 08:30 in India: too early.
        assert!(day.outside(T0 - 6 * 3600));
        // Sunday 2026-03-15 at 14:30 India time.
        assert!(day.outside(T0 + 3 * 86_400));
        let night = Hours::new(&WorkingHours {
            start: "22:00".into(),
            end: "06:00".into(),
            utc_offset_minutes: 0,
            days: vec!["fri".into()],
        })
        .unwrap();
        // Friday 23:00 and Saturday 02:00 belong to Friday's shift.
        let fri = T0 + 86_400 - 9 * 3600; // Friday 00:00Z
        assert!(!night.outside(fri + 23 * 3600));
        assert!(!night.outside(fri + 26 * 3600));
        assert!(night.outside(fri + 2 * 3600)); // Thursday's shift
        assert!(night.outside(fri + 12 * 3600));
        assert!(minutes("25:00").is_err() && minutes("9").is_err() && minutes("24:00").is_ok());
    }

    #[test]
    fn off_hours_rule_counts_only_with_hours_set() {
        let config = MonitorConfig {
            working_hours: Some(WorkingHours {
                start: "09:00".into(),
                end: "18:00".into(),
                utc_offset_minutes: 0,
                days: default_days(),
            }),
            ..MonitorConfig::default()
        };
        let m = Monitor::new(config).unwrap();
        let night = T0 - 7 * 3600; // 02:00Z
        let mut alerts = Vec::new();
        for i in 0..5 {
            alerts.extend(
                m.observe(&out("agent-9", night + i * 60, "c-1", &[]))
                    .unwrap(),
            );
        }
        assert_eq!(alerts.len(), 1);
        assert_eq!(alerts[0].rule, "off_hours");
        let d = Monitor::new(MonitorConfig::default()).unwrap();
        for i in 0..10 {
            assert!(d
                .observe(&out("agent-9", night + i, "c-1", &[]))
                .unwrap()
                .is_empty());
        }
    }

    #[test]
    fn the_guard_configuration_carries_the_monitor() {
        let config = crate::guard::GuardConfig::from_json(
            r#"{"monitor": {"rules": [{"id": "leak_events", "counter": "leak_events",
                "threshold": 3, "window_secs": 3600}]}, "fail_open": true}"#,
        )
        .unwrap();
        assert_eq!(config.monitor.rules.len(), 1);
        assert!(config.fail_open);
        let default = crate::guard::GuardConfig::default();
        assert_eq!(default.monitor, MonitorConfig::default());
        assert!(!default.fail_open);
        let bad = r#"{"monitor": {"rules": [{"id": "x", "counter": "telepathy", "threshold": 1, "window_secs": 1}]}}"#;
        assert!(crate::guard::GuardConfig::from_json(bad).is_err());
    }

    #[test]
    fn bad_rules_are_refused() {
        let bad = |r: Rule| {
            Monitor::new(MonitorConfig {
                rules: vec![r],
                working_hours: None,
            })
            .is_err()
        };
        assert!(bad(Rule::new("x", Counter::Reveals, 0, 10)));
        assert!(bad(Rule::new("x", Counter::Reveals, 1, 0)));
        assert!(bad(Rule::new("a:b", Counter::Reveals, 1, 10)));
        assert!(bad(Rule {
            class: Some(LeakClass::UnknownOutbound),
            ..Rule::new("x", Counter::Reveals, 1, 10)
        }));
        let json = r#"{"rules":[{"id":"r","counter":"outbound_pii","threshold":2,"window_secs":60}],
            "working_hours":{"start":"08:00","end":"20:00"}}"#;
        let config: MonitorConfig = serde_json::from_str(json).unwrap();
        assert_eq!(config.working_hours.unwrap().days.len(), 6);
        assert!(serde_json::from_str::<MonitorConfig>(r#"{"rulez":[]}"#).is_err());
    }

    #[test]
    fn replaying_gives_the_same_alerts() {
        let run = || {
            let m = Monitor::new(MonitorConfig::default()).unwrap();
            let mut all = Vec::new();
            for i in 0..200i64 {
                let actor = format!("agent-{}", i % 3);
                let c = format!("c-{}", i % 17);
                let ev: &[LeakClass] = if i % 4 == 0 { LEAK } else { &[] };
                all.extend(m.observe(&out(&actor, T0 + i * 97, &c, ev)).unwrap());
                all.extend(m.observe(&reveal(&actor, T0 + i * 97, &c)).unwrap());
            }
            serde_json::to_string(&all).unwrap()
        };
        assert_eq!(run(), run());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// For any times of one agent's leaks (in order): every alert
            /// counts exactly the threshold within one window, alerts'
            /// windows never overlap, and no window with enough leaks after
            /// the last alert's window goes unreported.
            #[test]
            fn one_alert_per_window(
                gaps in prop::collection::vec(0i64..900, 1..80),
                threshold in 1u64..6,
                window_secs in 1u64..4000,
            ) {
                let config = MonitorConfig {
                    rules: vec![Rule::new("r", Counter::LeakEvents, threshold, window_secs)],
                    working_hours: None,
                };
                let m = Monitor::new(config).unwrap();
                let mut t = T0;
                let mut times = Vec::new();
                let mut alerts = Vec::new();
                for g in gaps {
                    t += g;
                    times.push(t);
                    alerts.extend(m.observe(&out("a", t, "c", LEAK)).unwrap());
                }
                let w = window_secs as i64;
                let mut quiet_until = i64::MIN;
                let mut expected = 0;
                // The reference: scan the times, counting those after the
                // last alert's window within the last `w` seconds.
                let mut counted: Vec<i64> = Vec::new();
                for &t in &times {
                    if t < quiet_until {
                        continue;
                    }
                    counted.push(t);
                    counted.retain(|&x| x > t - w);
                    if counted.len() as u64 >= threshold {
                        let first = counted[0];
                        let a = &alerts[expected];
                        prop_assert_eq!(&a.id, &format!("r:a:{first}"));
                        prop_assert_eq!(a.count, threshold);
                        prop_assert_eq!(&a.last_ts, &format_ts(t));
                        prop_assert!(t - first < w);
                        expected += 1;
                        quiet_until = first + w;
                        counted.clear();
                    }
                }
                prop_assert_eq!(alerts.len(), expected);
            }
        }
    }
}
