//! The guard over a conversation log, one JSON object per line: what
//! `piimask guard` runs, in the library so that the fuzz target, the tests
//! and other front ends (a monitor adding alert lines) share it.
//!
//! Input lines:
//! - a message: `{"conversation", "direction": "in"|"out", "sender",
//!   "text", "ts"}` (other fields kept, in order; `ts` RFC 3339, optional:
//!   a line without one takes the latest time seen);
//! - a registration: `{"register": {"conversation", "kind", "value"}}`;
//! - an acknowledgement: `{"ack": …}`, passed through unchanged.
//!
//! Inbound messages teach the guard, outbound ones are checked. Each message
//! comes back with `"text"` redacted for the role (the typed masks by
//! default), so the output is itself safe to keep as an audit log, and with
//! `"pii"` (findings by kind), `"events"` and `"action"`. A registration
//! comes back with its value masked and `"ok"`. A line that cannot be read
//! is answered with `{"error", "line"}`; an error never quotes the text.
//!
//! After each outbound message and reveal, the guard's monitor counts it;
//! every alert it raises follows that line as `{"alert": {...}}`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::monitor::{Activity, Alert, What};
use super::{Action, Guard, GuardError, Outbound, Outcome};
use crate::finding::{Finding, Kind};
use crate::region::Region;

/// A message's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Written by the customer: teaches the guard.
    In,
    /// Written by an agent: checked.
    Out,
}

/// What one line was, for callers that act on it (a monitor counting
/// events per sender). Holds no message text.
#[derive(Clone, Debug)]
pub enum LineReport {
    /// A message line.
    Message {
        /// Its conversation.
        conversation: String,
        /// Its sender (empty when the line had none).
        sender: String,
        /// Its direction.
        direction: Direction,
        /// Its time (Unix seconds): its `ts`, else the latest seen.
        time: u64,
        /// Its `ts` field as written, if any.
        ts: Option<String>,
        /// For outbound lines: the check's outcome.
        outcome: Option<Outcome>,
    },
    /// A registration line (`ok` tells whether it was accepted).
    Register {
        /// Whether the value was registered.
        ok: bool,
    },
    /// An acknowledgement line, passed through.
    Ack,
    /// A reveal audit event, passed through.
    Reveal,
    /// A line that could not be read (answered with an error line).
    Error(String),
}

/// Runs a guard over log lines, keeping the line count and the latest time.
pub struct LogProcessor<'g> {
    guard: &'g Guard,
    role: Option<String>,
    line: usize,
    time: u64,
    masked: Vec<u8>,
    /// The reveal audit line being processed: actor, time, conversation.
    reveal: Option<(String, i64, Option<String>)>,
}

impl fmt::Debug for LogProcessor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogProcessor")
            .field("role", &self.role)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

/// One JSON object's fields in order, values as raw JSON text.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(V)
    }
}

impl Fields {
    /// Writes the fields in input order as `"key":value` pairs joined by
    /// commas (no braces), leaving out the keys in `skip` (the ones the
    /// guard writes itself); `value` writes each kept field's value.
    fn write_except(
        &self,
        out: &mut Vec<u8>,
        skip: &[&str],
        mut value: impl FnMut(&str, &RawValue, &mut Vec<u8>),
    ) {
        let mut first = true;
        for (key, raw) in &self.0 {
            if skip.contains(&key.as_str()) {
                continue;
            }
            if !first {
                out.push(b',');
            }
            first = false;
            write_str(out, key);
            out.push(b':');
            value(key, raw, out);
        }
    }

    /// The last value of `key` (JSON's usual reading of duplicate keys).
    fn get(&self, key: &str) -> Option<&RawValue> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| &**v)
    }

    fn string(&self, key: &str) -> Result<Option<String>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(raw) if raw.get() == "null" => Ok(None),
            Some(raw) => serde_json::from_str::<String>(raw.get())
                .map(Some)
                .map_err(|_| format!("\"{key}\" must be a string")),
        }
    }

    fn required(&self, key: &str) -> Result<String, String> {
        self.string(key)?
            .ok_or_else(|| format!("missing \"{key}\""))
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(out, s).expect("writing to a Vec cannot fail");
}

/// Unix seconds of an RFC 3339 time.
fn parse_ts(ts: &str) -> Result<u64, String> {
    humantime::parse_rfc3339_weak(ts)
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
        .ok_or_else(|| "\"ts\" is not an RFC 3339 time".to_string())
}

impl<'g> LogProcessor<'g> {
    /// A processor redacting text for `role` (`None`: the typed masks).
    pub fn new(guard: &'g Guard, role: Option<&str>) -> Result<LogProcessor<'g>, GuardError> {
        if let Some(role) = role {
            guard.scanner().policy().role(role)?;
        }
        Ok(LogProcessor {
            guard,
            role: role.map(str::to_string),
            line: 0,
            time: 0,
            masked: Vec::new(),
            reveal: None,
        })
    }

    /// The number of lines processed.
    pub fn lines(&self) -> usize {
        self.line
    }

    /// Processes the next line (without its newline), appending the answer
    /// and a newline to `out`.
    pub fn line(&mut self, line: &[u8], out: &mut Vec<u8>) -> LineReport {
        self.line += 1;
        let start = out.len();
        match self.try_line(line, out) {
            Ok(report) => {
                out.push(b'\n');
                self.monitor(&report, out);
                report
            }
            Err(message) => {
                out.truncate(start);
                out.extend_from_slice(b"{\"error\":");
                write_str(out, &message);
                writeln!(out, ",\"line\":{}}}", self.line).expect("Vec write");
                LineReport::Error(message)
            }
        }
    }

    /// Feeds an outbound message or a reveal to the guard's monitor and
    /// appends a line for each alert (or an error line when its counters
    /// failed).
    fn monitor(&mut self, report: &LineReport, out: &mut Vec<u8>) {
        let alerts = match report {
            LineReport::Message {
                conversation,
                sender,
                time,
                outcome: Some(outcome),
                ..
            } => {
                let message = Outbound {
                    conversation,
                    sender,
                    text: "",
                    time: Some(*time),
                    region: None,
                    language: None,
                };
                self.guard.monitor().observe_outbound(&message, outcome)
            }
            LineReport::Reveal => match self.reveal.take() {
                Some((actor, ts, conversation)) => self.guard.monitor().observe(&Activity {
                    actor: &actor,
                    ts,
                    conversation: conversation.as_deref(),
                    what: What::Reveal,
                }),
                None => Ok(Vec::new()),
            },
            _ => return,
        };
        match alerts {
            Ok(alerts) => {
                for alert in alerts {
                    #[derive(serde::Serialize)]
                    struct Line<'a> {
                        alert: &'a Alert,
                    }
                    serde_json::to_writer(&mut *out, &Line { alert: &alert }).expect("Vec write");
                    out.push(b'\n');
                }
            }
            Err(e) => {
                out.extend_from_slice(b"{\"error\":");
                write_str(out, &format!("monitor: {e}"));
                writeln!(out, ",\"line\":{}}}", self.line).expect("Vec write");
            }
        }
    }

    /// `text` redacted for the role (all its findings), found in `findings`.
    fn redacted(&mut self, text: &str, findings: &[Finding]) -> Result<&str, String> {
        self.guard
            .scanner()
            .mask_findings_into(
                text.as_bytes(),
                findings,
                self.role.as_deref(),
                &mut self.masked,
            )
            .map_err(|e| e.to_string())?;
        std::str::from_utf8(&self.masked).map_err(|_| "masked text is not UTF-8".to_string())
    }

    fn try_line(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<LineReport, String> {
        let line = std::str::from_utf8(line).map_err(|_| "line is not valid UTF-8".to_string())?;
        let fields: Fields = serde_json::from_str(line).map_err(|e| {
            if e.is_data() {
                "line is not a JSON object".to_string()
            } else {
                format!("invalid JSON at column {}", e.column())
            }
        })?;
        if let Some(ts) = fields.string("ts")? {
            self.time = parse_ts(&ts)?;
        }
        if fields.get("ack").is_some() {
            out.extend_from_slice(line.trim().as_bytes());
            return Ok(LineReport::Ack);
        }
        if fields.get("direction").is_none()
            && fields.get("outcome").is_some()
            && fields.get("role").is_some()
        {
            // A reveal audit event: its own time, its actor.
            let time = fields.required("time")?;
            let ts = crate::report::parse_ts(&time)
                .ok_or_else(|| "\"time\" is not an RFC 3339 time".to_string())?;
            self.reveal = Some((
                fields.required("actor")?,
                ts,
                fields.string("conversation")?,
            ));
            out.extend_from_slice(line.trim().as_bytes());
            return Ok(LineReport::Reveal);
        }
        if let Some(register) = fields.get("register") {
            return self.register(&fields, register, out);
        }
        self.message(&fields, out)
    }

    fn register(
        &mut self,
        fields: &Fields,
        register: &RawValue,
        out: &mut Vec<u8>,
    ) -> Result<LineReport, String> {
        let inner: Fields = serde_json::from_str(register.get())
            .map_err(|_| "\"register\" must be an object".to_string())?;
        let conversation = inner.required("conversation")?;
        let kind = Kind::from_name(&inner.required("kind")?);
        let value = inner.required("value")?;
        let result = self
            .guard
            .register_at(&conversation, &kind, &value, self.time);
        // Mask the value as the role sees values of its kind.
        let scanner = self.guard.scanner();
        let findings: Vec<Finding> = scanner
            .scan(&value)
            .into_iter()
            .filter(|f| f.kind == kind)
            .take(1)
            .collect();
        let masked = match findings.first() {
            Some(f) if f.start == 0 && f.end == value.len() => {
                self.redacted(&value, &findings)?.to_string()
            }
            // Not read as one value of the kind: show none of it.
            _ => "•".repeat(value.chars().count().min(32)),
        };
        out.push(b'{');
        fields.write_except(out, &["ok", "error"], |key, raw, out| {
            if key == "register" {
                out.push(b'{');
                inner.write_except(out, &[], |k, v, out| {
                    if k == "value" {
                        write_str(out, &masked);
                    } else {
                        out.extend_from_slice(v.get().as_bytes());
                    }
                });
                out.push(b'}');
            } else {
                out.extend_from_slice(raw.get().as_bytes());
            }
        });
        match &result {
            Ok(()) => out.extend_from_slice(b",\"ok\":true}"),
            Err(e) => {
                out.extend_from_slice(b",\"ok\":false,\"error\":");
                write_str(out, &e.to_string());
                out.push(b'}');
            }
        }
        Ok(LineReport::Register { ok: result.is_ok() })
    }

    fn message(&mut self, fields: &Fields, out: &mut Vec<u8>) -> Result<LineReport, String> {
        let conversation = fields.required("conversation")?;
        let direction = match fields.required("direction")?.as_str() {
            "in" => Direction::In,
            "out" => Direction::Out,
            _ => return Err("\"direction\" must be \"in\" or \"out\"".into()),
        };
        let text = fields.required("text")?;
        let sender = fields.string("sender")?.unwrap_or_default();
        let region = match fields.string("region")? {
            Some(code) => Some(Region::new(&code).map_err(|e| e.to_string())?),
            None => None,
        };
        let (findings, outcome) = match direction {
            Direction::In => {
                let findings = self
                    .guard
                    .observe_inbound_at(&conversation, &text, self.time, region)
                    .map_err(|e| e.to_string())?;
                (findings, None)
            }
            Direction::Out => {
                let outcome = self.guard.check(&Outbound {
                    conversation: &conversation,
                    sender: &sender,
                    text: &text,
                    time: Some(self.time),
                    region,
                    language: None,
                });
                (Vec::new(), Some(outcome))
            }
        };
        let findings = outcome.as_ref().map_or(&findings, |o| &o.findings);
        let mut pii: BTreeMap<&str, usize> = BTreeMap::new();
        for f in findings {
            *pii.entry(f.kind.name()).or_default() += 1;
        }
        let findings = findings.clone();
        let redacted = self.redacted(&text, &findings)?.to_string();
        out.push(b'{');
        fields.write_except(out, &["pii", "events", "action"], |key, raw, out| {
            if key == "text" {
                write_str(out, &redacted);
            } else {
                out.extend_from_slice(raw.get().as_bytes());
            }
        });
        out.extend_from_slice(b",\"pii\":");
        serde_json::to_writer(&mut *out, &pii).expect("Vec write");
        out.extend_from_slice(b",\"events\":");
        let (events, action) = match &outcome {
            Some(o) => (&o.events[..], o.action),
            None => (&[][..], Action::Deliver),
        };
        serde_json::to_writer(&mut *out, events).expect("Vec write");
        out.extend_from_slice(b",\"action\":");
        write_str(out, action.name());
        out.push(b'}');
        Ok(LineReport::Message {
            conversation,
            sender,
            direction,
            time: self.time,
            ts: fields.string("ts")?,
            outcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::GuardConfig;
    use crate::policy::Key;
    use crate::Scanner;
    use std::sync::Arc;

    fn run(lines: &[&str]) -> Vec<serde_json::Value> {
        let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
        let guard = Guard::new(
            scanner,
            &Key::new(&[3; 32]).unwrap(),
            GuardConfig::default(),
        )
        .unwrap();
        let mut p = LogProcessor::new(&guard, None).unwrap();
        let mut out = Vec::new();
        for line in lines {
            p.line(line.as_bytes(), &mut out);
        }
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn lines_teach_check_and_come_back_redacted() {
        let out = run(&[
            r#"{"conversation":"c-1","direction":"in","sender":"cust","text":"I am 98765 43210","ts":"2026-03-12T10:00:00Z","x":[1]}"#,
            r#"{"register":{"conversation":"c-2","kind":"email","value":"Ravi@Shop.in"}}"#,
            r#"{"conversation":"c-2","direction":"out","sender":"agent-1","text":"try +91 98765 43210","ts":"2026-03-12T10:05:00Z"}"#,
            r#"{"conversation":"c-2","direction":"out","sender":"agent-1","text":"mailing ravi@shop.in"}"#,
            r#"{"ack":"a-1","by":"sup-1"}"#,
            r#"{"conversation":"c-2","direction":"sideways","text":"x"}"#,
            "not json",
        ]);
        assert_eq!(out[0]["text"], "I am ••••• ••210");
        assert_eq!(out[0]["x"], serde_json::json!([1]));
        assert_eq!(out[0]["pii"]["phone"], 1);
        assert_eq!(out[0]["events"], serde_json::json!([]));
        assert_eq!(out[1]["ok"], true);
        assert_eq!(out[1]["register"]["value"], "R•••@Shop.in");
        let event = &out[2]["events"][0];
        assert_eq!(event["class"], "cross_conversation_leak");
        assert_eq!(event["owners"], serde_json::json!(["c-1"]));
        assert_eq!(event["rule"], "cross_conversation_leak.phone");
        assert_eq!(out[2]["action"], "hold");
        assert_eq!(out[3]["events"], serde_json::json!([]));
        assert_eq!(out[3]["action"], "deliver");
        assert_eq!(out[4], serde_json::json!({"ack":"a-1","by":"sup-1"}));
        assert_eq!(out[5]["line"], 6);
        assert_eq!(out[6]["line"], 7);
        let all = serde_json::to_string(&out).unwrap();
        assert!(!all.contains("43210") && !all.contains("ravi@"), "{all}");
    }
}
