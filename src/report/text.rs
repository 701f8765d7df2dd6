//! The report as plain-text tables for a terminal.

use std::fmt::Write;

use super::{money, num, Figure, Outcomes, Report, RevealCounts};

/// A table: a title, a header and rows of cells, columns padded to their
/// widest cell (counted in characters), numbers right-aligned.
struct Table {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns of text, left-aligned (the others hold figures).
    left: Vec<usize>,
}

impl Table {
    fn new(title: &str, header: &[&str]) -> Table {
        Table {
            title: title.to_string(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            left: vec![0],
        }
    }

    fn left(mut self, columns: &[usize]) -> Table {
        self.left.extend_from_slice(columns);
        self
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, out: &mut String) {
        let cols = self.header.len();
        let mut width = vec![0; cols];
        for r in std::iter::once(&self.header).chain(&self.rows) {
            for (i, c) in r.iter().enumerate().take(cols) {
                width[i] = width[i].max(c.chars().count());
            }
        }
        let _ = writeln!(out, "{}", self.title);
        let line = |out: &mut String, cells: &[String]| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate().take(cols) {
                let w = width[i];
                if i > 0 {
                    s.push_str("  ");
                }
                // Format widths count characters.
                if self.left.contains(&i) {
                    let _ = write!(s, "{c:<w$}");
                } else {
                    let _ = write!(s, "{c:>w$}");
                }
            }
            let _ = writeln!(out, "  {}", s.trim_end());
        };
        line(out, &self.header);
        let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
        line(out, &rule);
        for r in &self.rows {
            line(out, r);
        }
        out.push('\n');
    }
}

fn pct(share: Option<f64>) -> String {
    match share {
        Some(s) => format!("{:.1}%", s * 100.0),
        None => "-".to_string(),
    }
}

fn outcomes_row(label: &str, o: &Outcomes) -> Vec<String> {
    vec![
        label.to_string(),
        o.total.to_string(),
        o.held.to_string(),
        o.masked.to_string(),
        o.delivered.to_string(),
    ]
}

fn reveal_row(label: &str, r: &RevealCounts) -> Vec<String> {
    vec![
        label.to_string(),
        r.total.to_string(),
        r.revealed.to_string(),
        r.denied.to_string(),
        r.not_found.to_string(),
    ]
}

fn figure(f: &Figure, as_money: bool) -> String {
    match f.value {
        Some(v) if as_money => money(v),
        Some(v) => num(v),
        None => "-".to_string(),
    }
}

pub(super) fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "piimask report: {} to {} ({} days)\n",
        r.period.first_ts.as_deref().unwrap_or("-"),
        r.period.last_ts.as_deref().unwrap_or("-"),
        r.period.days
    );

    let m = &r.messages;
    let mut t = Table::new("Messages", &["", "count"]);
    let rows: [(&str, String); 11] = [
        ("scanned", m.scanned.to_string()),
        ("inbound", m.inbound.to_string()),
        ("outbound", m.outbound.to_string()),
        ("conversations", m.conversations.to_string()),
        ("with personal data", m.with_pii.to_string()),
        ("findings", m.findings.to_string()),
        (
            "outbound with personal data",
            m.outbound_with_pii.to_string(),
        ),
        ("outbound delivered", m.outbound_actions.deliver.to_string()),
        ("outbound masked", m.outbound_actions.mask.to_string()),
        ("outbound held", m.outbound_actions.hold.to_string()),
        (
            "share masked / held",
            format!("{} / {}", pct(m.share_masked), pct(m.share_held)),
        ),
    ];
    for (label, value) in rows {
        t.row(vec![label.to_string(), value]);
    }
    t.render(&mut out);

    let mut t = Table::new("Personal data by kind", &["kind", "messages", "findings"]);
    for (kind, n) in &m.with_pii_by_kind {
        let f = m.findings_by_kind.get(kind).copied().unwrap_or(0);
        t.row(vec![kind.clone(), n.to_string(), f.to_string()]);
    }
    t.render(&mut out);

    let l = &r.leak_events;
    let head = |first| [first, "events", "held", "masked", "delivered"];
    let mut t = Table::new("Leak events by class", &head("class"));
    for (class, o) in &l.by_class {
        t.row(outcomes_row(class, o));
    }
    t.row(outcomes_row("all", &l.all));
    t.render(&mut out);
    let mut t = Table::new("Leak events by kind", &head("kind"));
    for (kind, o) in &l.by_kind {
        t.row(outcomes_row(kind, o));
    }
    t.render(&mut out);
    let mut t = Table::new("Leak events by agent", &head("agent"));
    for (agent, o) in &l.by_agent {
        t.row(outcomes_row(agent, o));
    }
    t.render(&mut out);
    for (class, n) in &l.error_events {
        let _ = writeln!(out, "Guard errors ({class}): {n} (messages held)\n");
    }

    let mut t = Table::new(
        "Agent compliance (outbound messages without a leak event)",
        &["agent", "outbound", "with leak", "compliance"],
    );
    let c = &r.compliance;
    for (agent, a) in c
        .agents
        .iter()
        .chain(std::iter::once((&"team".to_string(), &c.team)))
    {
        t.row(vec![
            agent.clone(),
            a.outbound.to_string(),
            a.with_leak_event.to_string(),
            pct(a.share),
        ]);
    }
    t.render(&mut out);

    let a = &r.alerts;
    let _ = writeln!(
        out,
        "Alerts: {} ({} acknowledged, {} not); response time median {}, worst {}\n",
        a.total,
        a.acknowledged,
        a.unacknowledged,
        a.median_response_secs
            .map_or("-".to_string(), |s| format!("{} s", num(s))),
        a.worst_response_secs
            .map_or("-".to_string(), |s| format!("{s} s")),
    );
    if !a.list.is_empty() {
        let mut t = Table::new(
            "Alerts",
            &["raised", "rule", "actor", "count", "ack by", "response"],
        )
        .left(&[1, 2, 4]);
        for row in &a.list {
            t.row(vec![
                row.last_ts.clone(),
                row.rule.clone(),
                row.actor.clone(),
                format!("{}/{} in {} s", row.count, row.threshold, row.window_secs),
                row.ack_by.clone().unwrap_or_else(|| "-".to_string()),
                row.response_secs
                    .map_or("-".to_string(), |s| format!("{s} s")),
            ]);
        }
        t.render(&mut out);
    }

    let v = &r.reveals;
    let head = |first| [first, "attempts", "revealed", "denied", "not found"];
    let mut t = Table::new("Reveals by role", &head("role"));
    for (role, counts) in &v.by_role {
        t.row(reveal_row(role, counts));
    }
    t.row(reveal_row("all", &v.all));
    t.render(&mut out);
    let mut t = Table::new("Reveals by actor", &head("actor"));
    for (actor, counts) in &v.by_actor {
        t.row(reveal_row(actor, counts));
    }
    t.render(&mut out);

    let roi = &r.roi;
    let mut t = Table::new("ROI", &["", "value", "formula"]).left(&[2]);
    for (label, f, as_money) in [
        ("exposure avoided", &roi.exposure_avoided, true),
        ("exposure remaining", &roi.exposure_remaining, true),
        ("conversation value", &roi.conversation_value, true),
        ("ROI", &roi.roi, false),
    ] {
        t.row(vec![
            label.to_string(),
            figure(f, as_money),
            f.formula.clone(),
        ]);
    }
    t.render(&mut out);
    if r.lines.unreadable > 0 {
        let _ = writeln!(out, "Unreadable lines skipped: {}", r.lines.unreadable);
    }
    out
}
