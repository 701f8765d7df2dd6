//! The operator's report: KPIs and an ROI estimate from what the guard and
//! the reveal audit already wrote.
//!
//! Why a separate pass over logs rather than live counters: the guard's
//! output is itself the audit trail (text redacted, events, alerts and
//! their acknowledgements in one JSON Lines file), so a report computed
//! from it can be recomputed by anyone who holds the file, and replaying
//! the same files always gives the same figures. Nothing here reads the
//! clock: every time comes from the lines' own `ts` (or `time` for reveal
//! audit events), every map is sorted, and the three renderings
//! ([`Report::to_text`], [`Report::to_json`], [`Report::to_html`]) are
//! byte-for-byte deterministic.
//!
//! Lines are recognised by shape (any mix, any number of files):
//! - a guard message line (`"direction"`, with `"pii"`, `"events"`,
//!   `"action"`),
//! - an alert (`{"alert": {...}}`) and its acknowledgement
//!   (`{"ack": ID, "by", "ts"}`),
//! - a registration (`{"register": ..., "ok": true}`) and a guard error
//!   line (`{"error", "line"}`), counted,
//! - a reveal audit event (`time`, `actor`, `role`, `kind`, `outcome`).
//!
//! The field names of the JSON rendering are stable and documented in
//! `docs/report.md`.

mod html;
mod text;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

/// Version of the JSON rendering's layout; bumped on any incompatible
/// change to its field names or meaning.
pub const REPORT_FORMAT: u32 = 1;

/// What the operator enters for the ROI estimate (all in one currency).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoiOptions {
    /// What the measures cost over `period_days` (subscription, training).
    pub cost_of_measures: f64,
    /// What one leaked record costs (legal fees, lost customers).
    pub cost_per_leaked_record: f64,
    /// Revenue one conversation brings.
    pub revenue_per_conversation: f64,
    /// The period the cost covers; the log's figures are scaled from the
    /// days the log spans to this. `None`: the log's own span.
    pub period_days: Option<f64>,
}

/// Why a line was not counted: never contains the line's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// Not a JSON object.
    NotJson,
    /// A JSON object of no shape the report knows.
    UnknownShape,
    /// A known shape with a field of the wrong type (named).
    BadField(&'static str),
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineError::NotJson => f.write_str("not a JSON object"),
            LineError::UnknownShape => f.write_str("not a guard, alert, ack or reveal audit line"),
            LineError::BadField(name) => write!(f, "field \"{name}\" missing or of the wrong type"),
        }
    }
}

impl std::error::Error for LineError {}

/// Parses an RFC 3339 time (as the guard and the audit write it) into Unix
/// seconds.
pub fn parse_ts(ts: &str) -> Option<i64> {
    let t = humantime::parse_rfc3339_weak(ts).ok()?;
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).ok(),
        Err(e) => i64::try_from(e.duration().as_secs()).ok().map(|s| -s),
    }
}

/// Formats Unix seconds as RFC 3339 UTC (`2026-03-12T14:32:05Z`).
pub fn format_ts(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format_date(days),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The civil date (`YYYY-MM-DD`, proleptic Gregorian) of a day number
/// counted from 1970-01-01.
fn format_date(days: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// How a message (and each of its events) ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fate {
    Delivered,
    Masked,
    Held,
}

impl Fate {
    fn parse(action: &str) -> Option<Fate> {
        match action {
            "deliver" => Some(Fate::Delivered),
            "mask" => Some(Fate::Masked),
            "hold" => Some(Fate::Held),
            _ => None,
        }
    }
}

/// Held, masked and delivered counts of some events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcomes {
    /// All of them.
    pub total: u64,
    /// The message was not delivered.
    pub held: u64,
    /// Delivered with the finding masked.
    pub masked: u64,
    /// Delivered as written (the leak reached its reader).
    pub delivered: u64,
}

impl Outcomes {
    fn add(&mut self, fate: Fate) {
        self.total += 1;
        match fate {
            Fate::Held => self.held += 1,
            Fate::Masked => self.masked += 1,
            Fate::Delivered => self.delivered += 1,
        }
    }
}

/// Counts of the guard's actions on outbound messages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Actions {
    /// Delivered as written.
    pub deliver: u64,
    /// Delivered with findings masked.
    pub mask: u64,
    /// Not delivered.
    pub hold: u64,
}

/// Messages and the personal data in them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Messages {
    /// Message lines read (both directions).
    pub scanned: u64,
    /// Inbound (customer) messages.
    pub inbound: u64,
    /// Outbound (agent) messages.
    pub outbound: u64,
    /// Distinct conversations seen in message lines.
    pub conversations: u64,
    /// Messages with at least one finding.
    pub with_pii: u64,
    /// Messages with at least one finding of each kind.
    pub with_pii_by_kind: BTreeMap<String, u64>,
    /// Findings in all messages.
    pub findings: u64,
    /// Findings by kind.
    pub findings_by_kind: BTreeMap<String, u64>,
    /// Outbound messages with at least one finding.
    pub outbound_with_pii: u64,
    /// The guard's action on each outbound message.
    pub outbound_actions: Actions,
    /// Outbound messages with personal data that left masked:
    /// `outbound_actions.mask / outbound_with_pii` (`null` when none).
    pub share_masked: Option<f64>,
    /// Outbound messages with personal data that were held:
    /// `outbound_actions.hold / outbound_with_pii` (`null` when none).
    pub share_held: Option<f64>,
}

/// Leak events (every class but the `*_error` ones): the breaches caught.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LeakEvents {
    /// All leak events, by how they ended.
    pub all: Outcomes,
    /// By class (`cross_conversation_leak`, `unknown_outbound`).
    pub by_class: BTreeMap<String, Outcomes>,
    /// By kind of the leaked value.
    pub by_kind: BTreeMap<String, Outcomes>,
    /// By agent (the outbound message's `sender`).
    pub by_agent: BTreeMap<String, Outcomes>,
    /// Events of the `*_error` classes by class (`store_error`: the
    /// ownership store was unreachable; `check_error`: scanning failed):
    /// the guard held those messages, but they are no leaks.
    pub error_events: BTreeMap<String, u64>,
}

/// One agent's (or the team's) compliance.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Compliance {
    /// Outbound messages written.
    pub outbound: u64,
    /// Of which carried at least one leak event.
    pub with_leak_event: u64,
    /// `(outbound - with_leak_event) / outbound` (`null` when no outbound).
    pub share: Option<f64>,
}

/// Agent compliance: the share of outbound messages without a leak event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ComplianceReport {
    /// All agents together.
    pub team: Compliance,
    /// Per agent.
    pub agents: BTreeMap<String, Compliance>,
}

/// One alert and its acknowledgement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AlertRow {
    /// `<rule>:<actor>:<window start>`.
    pub id: String,
    /// The rule that fired.
    pub rule: String,
    /// Whom it is about.
    pub actor: String,
    /// The rule's window.
    pub window_secs: u64,
    /// The rule's threshold.
    pub threshold: u64,
    /// Events counted when it fired.
    pub count: u64,
    /// First event counted.
    pub first_ts: String,
    /// The event that crossed the threshold: when the alert was raised.
    pub last_ts: String,
    /// Who acknowledged it (the first `ack` line for its id).
    pub ack_by: Option<String>,
    /// When.
    pub ack_ts: Option<String>,
    /// `ack_ts - last_ts` in seconds (0 when the ack is dated earlier).
    pub response_secs: Option<u64>,
}

/// Alerts and response times.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Alerts {
    /// Distinct alerts (by id).
    pub total: u64,
    /// With an acknowledgement.
    pub acknowledged: u64,
    /// Without one.
    pub unacknowledged: u64,
    /// By rule.
    pub by_rule: BTreeMap<String, u64>,
    /// By actor.
    pub by_actor: BTreeMap<String, u64>,
    /// Median response time in seconds (`null` without acknowledgements).
    pub median_response_secs: Option<f64>,
    /// Worst response time in seconds.
    pub worst_response_secs: Option<u64>,
    /// Every alert, by time raised then id.
    pub list: Vec<AlertRow>,
}

/// Reveal attempts by outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RevealCounts {
    /// All attempts.
    pub total: u64,
    /// The value was returned.
    pub revealed: u64,
    /// The role may not reveal.
    pub denied: u64,
    /// Unknown token or not a value of its kind.
    pub not_found: u64,
}

/// Reveals, from the reveal audit logs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reveals {
    /// All attempts.
    pub all: RevealCounts,
    /// By role.
    pub by_role: BTreeMap<String, RevealCounts>,
    /// By actor.
    pub by_actor: BTreeMap<String, RevealCounts>,
}

/// One day's figures (UTC).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Message lines dated this day.
    pub messages: u64,
    /// Leak events this day, by how they ended.
    pub leak_events: Outcomes,
    /// Alerts raised this day.
    pub alerts: u64,
}

/// One ROI figure and how it was computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figure {
    /// The amount (`null` when undefined, e.g. ROI without a cost).
    pub value: Option<f64>,
    /// The formula with this report's numbers filled in.
    pub formula: String,
}

/// The ROI estimate.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Roi {
    /// `--cost-of-measures`.
    pub cost_of_measures: f64,
    /// `--cost-per-leaked-record`.
    pub cost_per_leaked_record: f64,
    /// `--revenue-per-conversation`.
    pub revenue_per_conversation: f64,
    /// `--period-days` (the log's span when not given).
    pub period_days: f64,
    /// Calendar days (UTC) the log spans, first to last dated line.
    pub log_days: u64,
    /// `period_days / log_days`: how the log's counts are extrapolated.
    pub scale: f64,
    /// Held and masked leak events x cost per record, scaled.
    pub exposure_avoided: Figure,
    /// Delivered leak events x cost per record, scaled.
    pub exposure_remaining: Figure,
    /// Conversations x revenue per conversation, scaled.
    pub conversation_value: Figure,
    /// `(exposure_avoided - cost_of_measures) / cost_of_measures`.
    pub roi: Figure,
}

/// Lines read, by shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LineCounts {
    /// Every non-blank line.
    pub read: u64,
    /// Guard message lines.
    pub messages: u64,
    /// Guard registration lines.
    pub registrations: u64,
    /// Guard error lines (malformed guard input).
    pub guard_errors: u64,
    /// Alert lines.
    pub alerts: u64,
    /// Acknowledgement lines.
    pub acks: u64,
    /// Reveal audit events.
    pub reveal_audit: u64,
    /// Lines the report could not read (not counted anywhere else).
    pub unreadable: u64,
}

/// The period the log covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Period {
    /// Earliest dated line.
    pub first_ts: Option<String>,
    /// Latest dated line.
    pub last_ts: Option<String>,
    /// Calendar days (UTC) from the first to the last, both included.
    pub days: u64,
}

/// The whole report. Field names are stable (see `docs/report.md`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// [`REPORT_FORMAT`].
    pub format: u32,
    /// The period covered.
    pub period: Period,
    /// Lines read by shape.
    pub lines: LineCounts,
    /// Messages and personal data.
    pub messages: Messages,
    /// Leak events ("breaches reported").
    pub leak_events: LeakEvents,
    /// Agent compliance.
    pub compliance: ComplianceReport,
    /// Alerts and response times.
    pub alerts: Alerts,
    /// Reveals.
    pub reveals: Reveals,
    /// Per day, every day from the first to the last (at most
    /// [`MAX_DAYS`]; beyond that only days with lines).
    pub per_day: Vec<Day>,
    /// The ROI estimate.
    pub roi: Roi,
}

/// Longest span of days listed day by day, gaps included.
pub const MAX_DAYS: i64 = 400;

#[derive(Default)]
struct DayAcc {
    messages: u64,
    leak_events: Outcomes,
    alerts: u64,
}

#[derive(Clone, Copy)]
enum RevealOutcome {
    Revealed,
    Denied,
    NotFound,
}

impl RevealCounts {
    fn add(&mut self, outcome: RevealOutcome) {
        self.total += 1;
        match outcome {
            RevealOutcome::Revealed => self.revealed += 1,
            RevealOutcome::Denied => self.denied += 1,
            RevealOutcome::NotFound => self.not_found += 1,
        }
    }
}

struct AlertAcc {
    row: AlertRow,
    raised: i64,
}

/// Reads lines, then [`ReportBuilder::finish`] computes the report.
#[derive(Default)]
pub struct ReportBuilder {
    lines: LineCounts,
    messages: Messages,
    conversations: BTreeSet<String>,
    leaks: LeakEvents,
    compliance: BTreeMap<String, Compliance>,
    alerts: BTreeMap<String, AlertAcc>,
    /// First ack per alert id: (by, unix seconds, as written).
    acks: BTreeMap<String, (String, i64, String)>,
    reveals: Reveals,
    days: BTreeMap<i64, DayAcc>,
    first: Option<i64>,
    last: Option<i64>,
}

fn str_field<'a>(obj: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, LineError> {
    obj.get(name)
        .and_then(Value::as_str)
        .ok_or(LineError::BadField(name))
}

fn opt_str_field<'a>(
    obj: &'a Map<String, Value>,
    name: &'static str,
) -> Result<Option<&'a str>, LineError> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(LineError::BadField(name)),
    }
}

fn u64_field(obj: &Map<String, Value>, name: &'static str) -> Result<u64, LineError> {
    obj.get(name)
        .and_then(Value::as_u64)
        .ok_or(LineError::BadField(name))
}

fn ts_field(obj: &Map<String, Value>, name: &'static str) -> Result<i64, LineError> {
    parse_ts(str_field(obj, name)?).ok_or(LineError::BadField(name))
}

/// `part / whole`, rounded to four decimals; `None` when `whole` is 0.
fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl ReportBuilder {
    /// An empty builder.
    pub fn new() -> ReportBuilder {
        ReportBuilder::default()
    }

    fn saw_time(&mut self, t: i64) {
        self.first = Some(self.first.map_or(t, |f| f.min(t)));
        self.last = Some(self.last.map_or(t, |l| l.max(t)));
    }

    fn day(&mut self, t: i64) -> &mut DayAcc {
        self.days.entry(t.div_euclid(86_400)).or_default()
    }

    /// Reads one line. Blank lines are skipped; a line that cannot be read
    /// is counted in `lines.unreadable` and its reason returned (the caller
    /// may warn; the report goes on).
    pub fn add_line(&mut self, line: &str) -> Result<(), LineError> {
        if line.trim().is_empty() {
            return Ok(());
        }
        self.lines.read += 1;
        let result = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => self.add_object(&obj),
            _ => Err(LineError::NotJson),
        };
        if result.is_err() {
            self.lines.unreadable += 1;
        }
        result
    }

    /// Reads one line given as bytes: a line that is not UTF-8 is
    /// unreadable.
    pub fn add_bytes(&mut self, line: &[u8]) -> Result<(), LineError> {
        match std::str::from_utf8(line) {
            Ok(text) => self.add_line(text),
            Err(_) => {
                self.lines.read += 1;
                self.lines.unreadable += 1;
                Err(LineError::NotJson)
            }
        }
    }

    fn add_object(&mut self, obj: &Map<String, Value>) -> Result<(), LineError> {
        if let Some(alert) = obj.get("alert") {
            return self.add_alert(alert.as_object().ok_or(LineError::BadField("alert"))?);
        }
        if obj.contains_key("ack") {
            return self.add_ack(obj);
        }
        if obj.contains_key("register") {
            self.lines.registrations += 1;
            return Ok(());
        }
        if obj.contains_key("direction") {
            return self.add_message(obj);
        }
        if obj.contains_key("error") && obj.contains_key("line") {
            self.lines.guard_errors += 1;
            return Ok(());
        }
        if obj.contains_key("outcome") && obj.contains_key("role") && obj.contains_key("time") {
            return self.add_reveal(obj);
        }
        Err(LineError::UnknownShape)
    }

    fn add_message(&mut self, obj: &Map<String, Value>) -> Result<(), LineError> {
        let outbound = match str_field(obj, "direction")? {
            "in" => false,
            "out" => true,
            _ => return Err(LineError::BadField("direction")),
        };
        let ts = match opt_str_field(obj, "ts")? {
            Some(ts) => Some(parse_ts(ts).ok_or(LineError::BadField("ts"))?),
            None => None,
        };
        let conversation = opt_str_field(obj, "conversation")?;
        let sender = opt_str_field(obj, "sender")?.unwrap_or("(unknown)");
        let pii = match obj.get("pii") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(m)) => m.clone(),
            Some(_) => return Err(LineError::BadField("pii")),
        };
        let mut pii_counts = Vec::with_capacity(pii.len());
        for (kind, n) in &pii {
            pii_counts.push((kind.as_str(), n.as_u64().ok_or(LineError::BadField("pii"))?));
        }
        let events = match obj.get("events") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a.clone(),
            Some(_) => return Err(LineError::BadField("events")),
        };
        // (class, kind, own action) of each event, checked before counting
        // anything so that a bad line leaves no partial counts.
        let mut parsed = Vec::with_capacity(events.len());
        for e in &events {
            let e = e.as_object().ok_or(LineError::BadField("events"))?;
            let action =
                Fate::parse(str_field(e, "action")?).ok_or(LineError::BadField("action"))?;
            parsed.push((str_field(e, "class")?, str_field(e, "kind")?, action));
        }
        let message_fate = match opt_str_field(obj, "action")? {
            Some(a) => Fate::parse(a).ok_or(LineError::BadField("action"))?,
            None => parsed.iter().map(|p| p.2).max().unwrap_or(Fate::Delivered),
        };

        self.lines.messages += 1;
        let m = &mut self.messages;
        m.scanned += 1;
        if let Some(c) = conversation {
            if !self.conversations.contains(c) {
                self.conversations.insert(c.to_string());
            }
        }
        let findings: u64 = pii_counts.iter().map(|p| p.1).sum();
        if findings > 0 {
            m.with_pii += 1;
        }
        m.findings += findings;
        for &(kind, n) in &pii_counts {
            if n > 0 {
                *m.with_pii_by_kind.entry(kind.to_string()).or_default() += 1;
                *m.findings_by_kind.entry(kind.to_string()).or_default() += n;
            }
        }
        if !outbound {
            m.inbound += 1;
        } else {
            m.outbound += 1;
            if findings > 0 {
                m.outbound_with_pii += 1;
            }
            match message_fate {
                Fate::Delivered => m.outbound_actions.deliver += 1,
                Fate::Masked => m.outbound_actions.mask += 1,
                Fate::Held => m.outbound_actions.hold += 1,
            }
        }
        let mut leaks = 0;
        for &(class, kind, action) in &parsed {
            if class.ends_with("_error") {
                *self
                    .leaks
                    .error_events
                    .entry(class.to_string())
                    .or_default() += 1;
                continue;
            }
            leaks += 1;
            // A held message holds every finding in it; otherwise each
            // event ended as its own action says.
            let fate = if message_fate == Fate::Held {
                Fate::Held
            } else {
                action
            };
            self.leaks.all.add(fate);
            self.leaks
                .by_class
                .entry(class.to_string())
                .or_default()
                .add(fate);
            self.leaks
                .by_kind
                .entry(kind.to_string())
                .or_default()
                .add(fate);
            self.leaks
                .by_agent
                .entry(sender.to_string())
                .or_default()
                .add(fate);
            if let Some(t) = ts {
                self.day(t).leak_events.add(fate);
            }
        }
        if outbound {
            let c = self.compliance.entry(sender.to_string()).or_default();
            c.outbound += 1;
            if leaks > 0 {
                c.with_leak_event += 1;
            }
        }
        if let Some(t) = ts {
            self.saw_time(t);
            self.day(t).messages += 1;
        }
        Ok(())
    }

    fn add_alert(&mut self, a: &Map<String, Value>) -> Result<(), LineError> {
        let id = str_field(a, "id")?;
        let first = ts_field(a, "first_ts")?;
        let last = ts_field(a, "last_ts")?;
        let row = AlertRow {
            id: id.to_string(),
            rule: str_field(a, "rule")?.to_string(),
            actor: str_field(a, "actor")?.to_string(),
            window_secs: u64_field(a, "window_secs")?,
            threshold: u64_field(a, "threshold")?,
            count: u64_field(a, "count")?,
            first_ts: format_ts(first),
            last_ts: format_ts(last),
            ..AlertRow::default()
        };
        self.lines.alerts += 1;
        self.saw_time(last);
        if !self.alerts.contains_key(id) {
            self.day(last).alerts += 1;
            self.alerts
                .insert(id.to_string(), AlertAcc { row, raised: last });
        }
        Ok(())
    }

    fn add_ack(&mut self, obj: &Map<String, Value>) -> Result<(), LineError> {
        let id = str_field(obj, "ack")?;
        let by = str_field(obj, "by")?;
        let ts = ts_field(obj, "ts")?;
        self.lines.acks += 1;
        self.saw_time(ts);
        self.acks
            .entry(id.to_string())
            .or_insert_with(|| (by.to_string(), ts, format_ts(ts)));
        Ok(())
    }

    fn add_reveal(&mut self, obj: &Map<String, Value>) -> Result<(), LineError> {
        let time = ts_field(obj, "time")?;
        let actor = str_field(obj, "actor")?;
        let role = str_field(obj, "role")?;
        let outcome = match str_field(obj, "outcome")? {
            "revealed" => RevealOutcome::Revealed,
            "denied" => RevealOutcome::Denied,
            "not_found" => RevealOutcome::NotFound,
            _ => return Err(LineError::BadField("outcome")),
        };
        self.lines.reveal_audit += 1;
        self.saw_time(time);
        self.reveals.all.add(outcome);
        self.reveals
            .by_role
            .entry(role.to_string())
            .or_default()
            .add(outcome);
        self.reveals
            .by_actor
            .entry(actor.to_string())
            .or_default()
            .add(outcome);
        Ok(())
    }

    /// Computes the report.
    pub fn finish(self, roi: &RoiOptions) -> Report {
        let mut messages = self.messages;
        messages.conversations = self.conversations.len() as u64;
        messages.share_masked = share(messages.outbound_actions.mask, messages.outbound_with_pii);
        messages.share_held = share(messages.outbound_actions.hold, messages.outbound_with_pii);

        let mut compliance = ComplianceReport::default();
        for (agent, mut c) in self.compliance {
            c.share = share(c.outbound - c.with_leak_event, c.outbound);
            compliance.team.outbound += c.outbound;
            compliance.team.with_leak_event += c.with_leak_event;
            compliance.agents.insert(agent, c);
        }
        let team = &mut compliance.team;
        team.share = share(team.outbound - team.with_leak_event, team.outbound);

        let alerts = alerts(self.alerts, &self.acks);

        let (first_day, last_day) = (
            self.first.map(|t| t.div_euclid(86_400)),
            self.last.map(|t| t.div_euclid(86_400)),
        );
        let log_days = match (first_day, last_day) {
            (Some(f), Some(l)) => (l - f + 1) as u64,
            _ => 0,
        };
        let mut days = self.days;
        if let (Some(f), Some(l)) = (first_day, last_day) {
            if l - f < MAX_DAYS {
                for d in f..=l {
                    days.entry(d).or_default();
                }
            }
        }
        let per_day = days
            .into_iter()
            .map(|(d, acc)| Day {
                date: format_date(d),
                messages: acc.messages,
                leak_events: acc.leak_events,
                alerts: acc.alerts,
            })
            .collect();

        let roi = compute_roi(roi, &self.leaks.all, messages.conversations, log_days);
        Report {
            format: REPORT_FORMAT,
            period: Period {
                first_ts: self.first.map(format_ts),
                last_ts: self.last.map(format_ts),
                days: log_days,
            },
            lines: self.lines,
            messages,
            leak_events: self.leaks,
            compliance,
            alerts,
            reveals: self.reveals,
            per_day,
            roi,
        }
    }
}

fn alerts(
    acc: BTreeMap<String, AlertAcc>,
    acks: &BTreeMap<String, (String, i64, String)>,
) -> Alerts {
    let mut out = Alerts::default();
    let mut rows: Vec<(i64, AlertRow)> = Vec::with_capacity(acc.len());
    let mut responses = Vec::new();
    for (id, AlertAcc { mut row, raised }) in acc {
        if let Some((by, at, written)) = acks.get(&id) {
            let secs = (*at - raised).max(0) as u64;
            row.ack_by = Some(by.clone());
            row.ack_ts = Some(written.clone());
            row.response_secs = Some(secs);
            responses.push(secs);
            out.acknowledged += 1;
        } else {
            out.unacknowledged += 1;
        }
        out.total += 1;
        *out.by_rule.entry(row.rule.clone()).or_default() += 1;
        *out.by_actor.entry(row.actor.clone()).or_default() += 1;
        rows.push((raised, row));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    out.list = rows.into_iter().map(|r| r.1).collect();
    responses.sort_unstable();
    let n = responses.len();
    out.median_response_secs = match n {
        0 => None,
        _ if n % 2 == 1 => Some(responses[n / 2] as f64),
        _ => Some((responses[n / 2 - 1] + responses[n / 2]) as f64 / 2.0),
    };
    out.worst_response_secs = responses.last().copied();
    out
}

/// Formats money with two decimals.
fn money(x: f64) -> String {
    format!("{x:.2}")
}

/// Formats a plain number without trailing zeros (`30`, `4.5`).
fn num(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

fn compute_roi(opts: &RoiOptions, leaks: &Outcomes, conversations: u64, log_days: u64) -> Roi {
    let days = log_days.max(1) as f64;
    let period = opts.period_days.unwrap_or(days);
    let scale = period / days;
    let per = opts.cost_per_leaked_record;
    let scaled = format!("x {} / {} days", num(period), num(days));
    let avoided = cents((leaks.held + leaks.masked) as f64 * per * scale);
    let remaining = cents(leaks.delivered as f64 * per * scale);
    let value = cents(conversations as f64 * opts.revenue_per_conversation * scale);
    let cost = opts.cost_of_measures;
    let roi = (cost > 0.0).then(|| ((avoided - cost) / cost * 10_000.0).round() / 10_000.0);
    Roi {
        cost_of_measures: cost,
        cost_per_leaked_record: per,
        revenue_per_conversation: opts.revenue_per_conversation,
        period_days: period,
        log_days,
        scale,
        exposure_avoided: Figure {
            value: Some(avoided),
            formula: format!(
                "(held {} + masked {}) leak events x {} per record {} = {}",
                leaks.held,
                leaks.masked,
                money(per),
                scaled,
                money(avoided)
            ),
        },
        exposure_remaining: Figure {
            value: Some(remaining),
            formula: format!(
                "delivered {} leak events x {} per record {} = {}",
                leaks.delivered,
                money(per),
                scaled,
                money(remaining)
            ),
        },
        conversation_value: Figure {
            value: Some(value),
            formula: format!(
                "{} conversations x {} per conversation {} = {}",
                conversations,
                money(opts.revenue_per_conversation),
                scaled,
                money(value)
            ),
        },
        roi: Figure {
            value: roi,
            formula: match roi {
                Some(r) => format!(
                    "(exposure avoided {} - cost {}) / cost {} = {}",
                    money(avoided),
                    money(cost),
                    money(cost),
                    num(r)
                ),
                None => "(exposure avoided - cost) / cost: undefined without --cost-of-measures"
                    .to_string(),
            },
        },
    }
}

impl Report {
    /// Computes a report from lines (e.g. a file's lines, several files
    /// one after another); unreadable lines are counted and skipped.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>, roi: &RoiOptions) -> Report {
        let mut b = ReportBuilder::new();
        for line in lines {
            let _ = b.add_line(line);
        }
        b.finish(roi)
    }

    /// The report as pretty-printed JSON (stable field names, sorted maps),
    /// with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a report always serialises");
        s.push('\n');
        s
    }

    /// The report as aligned text tables for a terminal.
    pub fn to_text(&self) -> String {
        text::render(self)
    }

    /// The report as one self-contained HTML page (inline CSS and SVG, no
    /// scripts, fonts or images from elsewhere).
    pub fn to_html(&self) -> String {
        html::render(self)
    }
}

#[cfg(test)]
mod tests;
