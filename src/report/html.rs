//! The report as one self-contained HTML page: inline CSS, inline SVG
//! charts, no scripts, fonts or images from anywhere else, so the file can
//! be mailed or archived and opens the same everywhere.

use std::fmt::Write;

use super::{money, num, Outcomes, Report, RevealCounts};

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn pct(share: Option<f64>) -> String {
    match share {
        Some(s) => format!("{:.1}%", s * 100.0),
        None => "–".to_string(),
    }
}

const HELD: &str = "#b42318";
const MASKED: &str = "#dc8a0e";
const DELIVERED: &str = "#6b7280";
const GOOD: &str = "#2e7d32";

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;\
margin:24px auto;max-width:1000px;color:#1f2328;padding:0 16px}\
h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;margin-top:28px;\
border-bottom:1px solid #d0d7de;padding-bottom:4px}\
p.period{color:#57606a;margin-top:0}\
.cards{display:flex;flex-wrap:wrap;gap:12px}\
.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:150px}\
.card .v{font-size:22px;font-weight:600}.card .l{color:#57606a;font-size:13px}\
table{border-collapse:collapse;margin:8px 0;font-size:14px}\
th,td{padding:4px 10px;border-bottom:1px solid #eaeef2;text-align:right}\
th:first-child,td:first-child{text-align:left}th{background:#f6f8fa}\
.t{text-align:left}#roi td.t{font-family:ui-monospace,monospace;font-size:12px;color:#57606a}\
.charts{display:flex;flex-wrap:wrap;gap:24px}svg{font-size:11px}\
.key span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}";

struct Page {
    out: String,
}

impl Page {
    /// A table; `left` lists the columns of text (left-aligned) besides
    /// the first.
    fn table(&mut self, id: &str, header: &[&str], left: &[usize], rows: &[Vec<String>]) {
        let class = |i: usize| {
            if i > 0 && left.contains(&i) {
                " class=\"t\""
            } else {
                ""
            }
        };
        let _ = write!(self.out, "<table id=\"{id}\"><thead><tr>");
        for (i, h) in header.iter().enumerate() {
            let _ = write!(self.out, "<th{}>{}</th>", class(i), esc(h));
        }
        self.out.push_str("</tr></thead><tbody>");
        for r in rows {
            self.out.push_str("<tr>");
            for (i, c) in r.iter().enumerate() {
                let _ = write!(self.out, "<td{}>{}</td>", class(i), esc(c));
            }
            self.out.push_str("</tr>");
        }
        self.out.push_str("</tbody></table>\n");
    }

    fn card(&mut self, id: &str, value: &str, label: &str) {
        let _ = write!(
            self.out,
            "<div class=\"card\" id=\"{id}\"><div class=\"v\">{}</div><div class=\"l\">{}</div></div>",
            esc(value),
            esc(label)
        );
    }
}

fn outcome_rows<'a>(items: impl Iterator<Item = (&'a String, &'a Outcomes)>) -> Vec<Vec<String>> {
    items
        .map(|(k, o)| {
            vec![
                k.clone(),
                o.total.to_string(),
                o.held.to_string(),
                o.masked.to_string(),
                o.delivered.to_string(),
            ]
        })
        .collect()
}

fn reveal_rows<'a>(
    items: impl Iterator<Item = (&'a String, &'a RevealCounts)>,
) -> Vec<Vec<String>> {
    items
        .map(|(k, r)| {
            vec![
                k.clone(),
                r.total.to_string(),
                r.revealed.to_string(),
                r.denied.to_string(),
                r.not_found.to_string(),
            ]
        })
        .collect()
}

/// Stacked bars of leak events per day (held, masked, delivered).
fn events_chart(r: &Report) -> String {
    let days = &r.per_day;
    // Whole-number gridlines: four steps of a whole size.
    let top_count = days.iter().map(|d| d.leak_events.total).max().unwrap_or(0);
    let step = top_count.div_ceil(4).max(1);
    let max = step * 4;
    let (left, top, height) = (36.0, 16.0, 180.0);
    let slot = (600.0 / days.len().max(1) as f64).clamp(8.0, 60.0);
    let width = left + slot * days.len() as f64 + 16.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg id=\"chart-events\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" \
         role=\"img\" aria-label=\"Leak events per day\">",
        w = width.max(240.0),
        h = top + height + 40.0
    );
    // Axis with a few gridlines.
    for i in 0..=4 {
        let v = step * i;
        let y = top + height - height * i as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{x2:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#eaeef2\"/>\
             <text x=\"{tx}\" y=\"{ty:.1}\" text-anchor=\"end\" fill=\"#57606a\">{}</text>",
            v,
            x2 = width - 8.0,
            tx = left - 4.0,
            ty = y + 4.0
        );
    }
    let label_every = (days.len() / 8).max(1);
    for (i, d) in days.iter().enumerate() {
        let x = left + slot * i as f64 + slot * 0.15;
        let w = slot * 0.7;
        let mut y = top + height;
        let o = &d.leak_events;
        for (n, color, what) in [
            (o.held, HELD, "held"),
            (o.masked, MASKED, "masked"),
            (o.delivered, DELIVERED, "delivered"),
        ] {
            if n == 0 {
                continue;
            }
            let h = height * n as f64 / max as f64;
            y -= h;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{color}\">\
                 <title>{} {what}: {n}</title></rect>",
                d.date
            );
        }
        if o.total > 0 {
            let _ = write!(
                s,
                "<text x=\"{cx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\">{}</text>",
                o.total,
                cx = x + w / 2.0,
                ty = y - 3.0
            );
        }
        if i % label_every == 0 {
            let _ = write!(
                s,
                "<text x=\"{cx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\" fill=\"#57606a\">{}</text>",
                &d.date[5..],
                cx = x + w / 2.0,
                ty = top + height + 16.0
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// Horizontal bars: each agent's compliance, and the team's.
fn compliance_chart(r: &Report) -> String {
    let c = &r.compliance;
    let team = "team".to_string();
    let rows: Vec<(&String, Option<f64>)> = c
        .agents
        .iter()
        .map(|(a, x)| (a, x.share))
        .chain(std::iter::once((&team, c.team.share)))
        .collect();
    let label_w = rows
        .iter()
        .map(|(a, _)| a.chars().count())
        .max()
        .unwrap_or(4) as f64
        * 7.0
        + 12.0;
    let (bar_w, row_h) = (300.0, 22.0);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg id=\"chart-compliance\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" \
         role=\"img\" aria-label=\"Compliance per agent\">",
        w = label_w + bar_w + 60.0,
        h = row_h * rows.len() as f64 + 8.0
    );
    for (i, (agent, share)) in rows.iter().enumerate() {
        let y = 4.0 + row_h * i as f64;
        let v = share.unwrap_or(0.0);
        let color = if v >= 0.95 {
            GOOD
        } else if v >= 0.8 {
            MASKED
        } else {
            HELD
        };
        let weight = if *agent == &team {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<text x=\"{lx:.1}\" y=\"{ty:.1}\" text-anchor=\"end\"{weight}>{}</text>\
             <rect x=\"{label_w:.1}\" y=\"{y:.1}\" width=\"{bar_w}\" height=\"{bh}\" fill=\"#eaeef2\"/>\
             <rect x=\"{label_w:.1}\" y=\"{y:.1}\" width=\"{fw:.1}\" height=\"{bh}\" fill=\"{color}\"/>\
             <text x=\"{vx:.1}\" y=\"{ty:.1}\"{weight}>{}</text>",
            esc(agent),
            pct(*share),
            lx = label_w - 6.0,
            ty = y + 12.0,
            bh = row_h - 6.0,
            fw = bar_w * v,
            vx = label_w + bar_w + 6.0
        );
    }
    s.push_str("</svg>");
    s
}

pub(super) fn render(r: &Report) -> String {
    let mut p = Page { out: String::new() };
    p.out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>piimask report</title><style>",
    );
    p.out.push_str(STYLE);
    p.out
        .push_str("</style></head><body>\n<h1>piimask report</h1>");
    let _ = writeln!(
        p.out,
        "<p class=\"period\">{} to {} · {} days</p>",
        esc(r.period.first_ts.as_deref().unwrap_or("–")),
        esc(r.period.last_ts.as_deref().unwrap_or("–")),
        r.period.days
    );

    let m = &r.messages;
    let l = &r.leak_events;
    p.out.push_str("<div class=\"cards\">");
    p.card("kpi-messages", &m.scanned.to_string(), "messages scanned");
    p.card(
        "kpi-with-pii",
        &m.with_pii.to_string(),
        "with personal data",
    );
    p.card("kpi-leaks", &l.all.total.to_string(), "leak events caught");
    p.card(
        "kpi-delivered",
        &l.all.delivered.to_string(),
        "leaks delivered",
    );
    p.card(
        "kpi-compliance",
        &pct(r.compliance.team.share),
        "team compliance",
    );
    p.card("kpi-alerts", &r.alerts.total.to_string(), "alerts");
    p.card(
        "kpi-roi",
        &r.roi
            .roi
            .value
            .map_or("–".to_string(), |v| format!("{:.0}%", v * 100.0)),
        "ROI",
    );
    p.out.push_str("</div>\n");

    p.out.push_str(
        "<h2>Charts</h2><div class=\"charts\"><figure><figcaption>Leak events per day</figcaption>",
    );
    p.out.push_str(&events_chart(r));
    let _ = write!(
        p.out,
        "<div class=\"key\"><span style=\"background:{HELD}\"></span>held\
         <span style=\"background:{MASKED}\"></span>masked\
         <span style=\"background:{DELIVERED}\"></span>delivered</div></figure>\
         <figure><figcaption>Compliance per agent</figcaption>"
    );
    p.out.push_str(&compliance_chart(r));
    p.out.push_str("</figure></div>\n");

    p.out.push_str("<h2>Messages</h2>");
    let rows = vec![
        vec!["scanned".into(), m.scanned.to_string()],
        vec!["inbound".into(), m.inbound.to_string()],
        vec!["outbound".into(), m.outbound.to_string()],
        vec!["conversations".into(), m.conversations.to_string()],
        vec!["with personal data".into(), m.with_pii.to_string()],
        vec!["findings".into(), m.findings.to_string()],
        vec![
            "outbound with personal data".into(),
            m.outbound_with_pii.to_string(),
        ],
        vec![
            "outbound delivered".into(),
            m.outbound_actions.deliver.to_string(),
        ],
        vec![
            "outbound masked".into(),
            m.outbound_actions.mask.to_string(),
        ],
        vec!["outbound held".into(), m.outbound_actions.hold.to_string()],
        vec!["share masked".into(), pct(m.share_masked)],
        vec!["share held".into(), pct(m.share_held)],
    ];
    p.table("messages", &["", "count"], &[], &rows);
    let rows: Vec<Vec<String>> = m
        .with_pii_by_kind
        .iter()
        .map(|(k, n)| {
            let f = m.findings_by_kind.get(k).copied().unwrap_or(0);
            vec![k.clone(), n.to_string(), f.to_string()]
        })
        .collect();
    p.table("pii-by-kind", &["kind", "messages", "findings"], &[], &rows);

    let head = |first| [first, "events", "held", "masked", "delivered"];
    p.out.push_str("<h2>Leak events</h2>");
    let all = "all".to_string();
    let mut rows = outcome_rows(l.by_class.iter());
    rows.extend(outcome_rows(std::iter::once((&all, &l.all))));
    p.table("leaks-by-class", &head("class"), &[], &rows);
    p.table(
        "leaks-by-kind",
        &head("kind"),
        &[],
        &outcome_rows(l.by_kind.iter()),
    );
    p.table(
        "leaks-by-agent",
        &head("agent"),
        &[],
        &outcome_rows(l.by_agent.iter()),
    );
    for (class, n) in &l.error_events {
        let _ = writeln!(
            p.out,
            "<p class=\"errors\">Guard errors ({}): {n} (messages held)</p>",
            esc(class)
        );
    }

    p.out.push_str("<h2>Agent compliance</h2>");
    let c = &r.compliance;
    let team = "team".to_string();
    let rows: Vec<Vec<String>> = c
        .agents
        .iter()
        .chain(std::iter::once((&team, &c.team)))
        .map(|(a, x)| {
            vec![
                a.clone(),
                x.outbound.to_string(),
                x.with_leak_event.to_string(),
                pct(x.share),
            ]
        })
        .collect();
    p.table(
        "compliance",
        &["agent", "outbound", "with leak event", "compliance"],
        &[],
        &rows,
    );

    let a = &r.alerts;
    p.out.push_str("<h2>Alerts</h2>");
    let _ = writeln!(
        p.out,
        "<p id=\"alert-summary\">{} alerts, {} acknowledged, {} not; response time median {}, worst {}.</p>",
        a.total,
        a.acknowledged,
        a.unacknowledged,
        a.median_response_secs.map_or("–".to_string(), |s| format!("{} s", num(s))),
        a.worst_response_secs.map_or("–".to_string(), |s| format!("{s} s")),
    );
    let rows: Vec<Vec<String>> = a
        .list
        .iter()
        .map(|x| {
            vec![
                x.last_ts.clone(),
                x.rule.clone(),
                x.actor.clone(),
                format!("{}/{} in {} s", x.count, x.threshold, x.window_secs),
                x.ack_by.clone().unwrap_or_else(|| "–".into()),
                x.response_secs.map_or("–".into(), |s| format!("{s} s")),
            ]
        })
        .collect();
    p.table(
        "alerts",
        &["raised", "rule", "actor", "count", "ack by", "response"],
        &[1, 2, 4],
        &rows,
    );

    p.out.push_str("<h2>Reveals</h2>");
    let head = |first| [first, "attempts", "revealed", "denied", "not found"];
    let mut rows = reveal_rows(r.reveals.by_role.iter());
    rows.extend(reveal_rows(std::iter::once((&all, &r.reveals.all))));
    p.table("reveals-by-role", &head("role"), &[], &rows);
    p.table(
        "reveals-by-actor",
        &head("actor"),
        &[],
        &reveal_rows(r.reveals.by_actor.iter()),
    );

    p.out.push_str("<h2>Return on investment</h2>");
    let roi = &r.roi;
    let rows: Vec<Vec<String>> = [
        ("exposure avoided", &roi.exposure_avoided, true),
        ("exposure remaining", &roi.exposure_remaining, true),
        ("conversation value", &roi.conversation_value, true),
        ("ROI", &roi.roi, false),
    ]
    .into_iter()
    .map(|(label, f, as_money)| {
        let v = match f.value {
            Some(v) if as_money => money(v),
            Some(v) => num(v),
            None => "–".into(),
        };
        vec![label.to_string(), v, f.formula.clone()]
    })
    .collect();
    p.table("roi", &["", "value", "formula"], &[2], &rows);
    p.out.push_str("</body></html>\n");
    p.out
}
