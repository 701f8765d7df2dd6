use super::*;

const LOG: &str = r#"{"conversation":"c-1","direction":"in","sender":"cust-1","text":"x","ts":"2026-03-12T09:00:00Z","pii":{"phone":1},"events":[],"action":"deliver"}
{"conversation":"c-1","direction":"out","sender":"agent-1","text":"x","ts":"2026-03-12T09:05:00Z","pii":{"phone":1},"events":[],"action":"deliver"}
{"conversation":"c-2","direction":"out","sender":"agent-2","text":"x","ts":"2026-03-12T09:10:00Z","pii":{"phone":1,"email":1},"events":[{"class":"cross_conversation_leak","kind":"phone","start":0,"end":5,"owners":["c-1"],"rule":"cross_conversation_leak.phone","action":"hold","coaching":"."},{"class":"unknown_outbound","kind":"email","start":6,"end":9,"owners":[],"rule":"unknown_outbound.email","action":"mask","coaching":"."}],"action":"hold"}
{"alert":{"id":"leak_events:agent-2:1773306600","rule":"leak_events","actor":"agent-2","window_secs":3600,"threshold":1,"count":1,"first_ts":"2026-03-12T09:10:00Z","last_ts":"2026-03-12T09:10:00Z"}}
{"conversation":"c-2","direction":"out","sender":"agent-2","text":"x","ts":"2026-03-14T10:00:00Z","pii":{"email":2},"events":[{"class":"unknown_outbound","kind":"email","start":0,"end":5,"owners":[],"rule":"unknown_outbound.email","action":"mask","coaching":"."},{"class":"unknown_outbound","kind":"email","start":6,"end":9,"owners":[],"rule":"unknown_outbound.email","action":"deliver","coaching":"."}],"action":"mask"}
{"ack":"leak_events:agent-2:1773306600","by":"sup-1","ts":"2026-03-12T09:13:20Z"}
{"ack":"leak_events:agent-2:1773306600","by":"sup-2","ts":"2026-03-12T09:20:00Z"}
{"register":{"conversation":"c-1","kind":"phone","value":"[PHONE]"},"ok":true}
{"error":"bad","line":9}
not json
{"time":"2026-03-13T08:00:00Z","actor":"sup-1","role":"supervisor","kind":"phone","conversation":"c-1","outcome":"revealed"}
{"time":"2026-03-13T08:01:00Z","actor":"agent-1","role":"agent","kind":"phone","outcome":"denied"}
"#;

fn report() -> Report {
    Report::from_lines(
        LOG.lines(),
        &RoiOptions {
            cost_of_measures: 100.0,
            cost_per_leaked_record: 50.0,
            revenue_per_conversation: 10.0,
            period_days: Some(30.0),
        },
    )
}

#[test]
fn counts_every_shape() {
    let r = report();
    assert_eq!(r.lines.read, 12);
    assert_eq!(r.lines.messages, 4);
    assert_eq!(r.lines.registrations, 1);
    assert_eq!(r.lines.guard_errors, 1);
    assert_eq!(r.lines.unreadable, 1);
    assert_eq!(r.lines.alerts, 1);
    assert_eq!(r.lines.acks, 2);
    assert_eq!(r.lines.reveal_audit, 2);
    let m = &r.messages;
    assert_eq!(
        (m.scanned, m.inbound, m.outbound, m.conversations),
        (4, 1, 3, 2)
    );
    assert_eq!((m.with_pii, m.findings), (4, 6));
    assert_eq!(m.with_pii_by_kind["phone"], 3);
    assert_eq!(m.with_pii_by_kind["email"], 2);
    assert_eq!(m.findings_by_kind["email"], 3);
    assert_eq!(
        m.outbound_actions,
        Actions {
            deliver: 1,
            mask: 1,
            hold: 1
        }
    );
    assert_eq!(m.share_masked, Some(0.3333));
}

#[test]
fn a_held_message_holds_all_its_events() {
    let l = report().leak_events;
    assert_eq!(
        l.all,
        Outcomes {
            total: 4,
            held: 2,
            masked: 1,
            delivered: 1
        }
    );
    assert_eq!(l.by_class["cross_conversation_leak"].held, 1);
    assert_eq!(
        l.by_class["unknown_outbound"],
        Outcomes {
            total: 3,
            held: 1,
            masked: 1,
            delivered: 1
        }
    );
    assert_eq!(l.by_kind["email"].total, 3);
    assert_eq!(l.by_agent["agent-2"].total, 4);
    assert!(!l.by_agent.contains_key("agent-1"));
}

#[test]
fn compliance_alerts_and_reveals() {
    let r = report();
    let c = &r.compliance;
    assert_eq!(c.agents["agent-1"].share, Some(1.0));
    assert_eq!(c.agents["agent-2"].share, Some(0.0));
    assert_eq!((c.team.outbound, c.team.with_leak_event), (3, 2));
    let a = &r.alerts;
    assert_eq!((a.total, a.acknowledged), (1, 1));
    // The first ack counts: 200 s after the alert.
    assert_eq!(a.list[0].ack_by.as_deref(), Some("sup-1"));
    assert_eq!(a.median_response_secs, Some(200.0));
    assert_eq!(a.worst_response_secs, Some(200));
    assert_eq!(r.reveals.all.total, 2);
    assert_eq!(r.reveals.by_role["agent"].denied, 1);
    assert_eq!(r.reveals.by_actor["sup-1"].revealed, 1);
}

#[test]
fn days_and_roi() {
    let r = report();
    assert_eq!(r.period.days, 3);
    let dates: Vec<&str> = r.per_day.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(dates, ["2026-03-12", "2026-03-13", "2026-03-14"]);
    assert_eq!(r.per_day[1].messages, 0);
    assert_eq!(r.per_day[0].alerts, 1);
    assert_eq!(r.per_day[2].leak_events.total, 2);
    // 3 avoided x 50 x 30/3 = 1500; 1 delivered x 50 x 10 = 500.
    assert_eq!(r.roi.exposure_avoided.value, Some(1500.0));
    assert_eq!(r.roi.exposure_remaining.value, Some(500.0));
    assert_eq!(r.roi.conversation_value.value, Some(200.0));
    assert_eq!(r.roi.roi.value, Some(14.0));
    assert!(r
        .roi
        .roi
        .formula
        .contains("(exposure avoided 1500.00 - cost 100.00) / cost 100.00 = 14"));
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
    let mut lines: Vec<String> = Vec::new();
    for (i, secs) in [10, 30, 20, 100].iter().enumerate() {
        lines.push(format!(r#"{{"alert":{{"id":"a{i}","rule":"r","actor":"x","window_secs":60,"threshold":1,"count":1,"first_ts":"2026-01-01T00:00:00Z","last_ts":"2026-01-01T00:00:00Z"}}}}"#));
        lines.push(format!(
            r#"{{"ack":"a{i}","by":"s","ts":"{}"}}"#,
            format_ts(1_767_225_600 + secs)
        ));
    }
    let r = Report::from_lines(lines.iter().map(String::as_str), &RoiOptions::default());
    assert_eq!(r.alerts.median_response_secs, Some(25.0));
    assert_eq!(r.alerts.worst_response_secs, Some(100));
    assert_eq!(r.roi.roi.value, None);
}

#[test]
fn renderings_are_deterministic_and_escape_names() {
    let a = report();
    let b = report();
    assert_eq!(a.to_json(), b.to_json());
    assert_eq!(a.to_text(), b.to_text());
    assert_eq!(a.to_html(), b.to_html());
    let evil = r#"{"conversation":"c","direction":"out","sender":"<script>x</script>","text":"","ts":"2026-01-01T00:00:00Z","pii":{},"events":[],"action":"deliver"}"#;
    let html = Report::from_lines([evil], &RoiOptions::default()).to_html();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn dates_and_times_round_trip() {
    assert_eq!(format_ts(0), "1970-01-01T00:00:00Z");
    assert_eq!(parse_ts("2026-03-12T14:32:05Z"), Some(1_773_325_925));
    assert_eq!(format_ts(1_773_325_925), "2026-03-12T14:32:05Z");
    assert_eq!(format_ts(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(parse_ts("2026-03-12T14:32:05.250Z"), Some(1_773_325_925));
    assert_eq!(parse_ts("yesterday"), None);
}

#[test]
fn a_bad_line_leaves_no_partial_counts() {
    let bad = r#"{"conversation":"c","direction":"out","sender":"a","ts":"2026-01-01T00:00:00Z","pii":{"phone":1},"events":[{"class":"x"}],"action":"hold"}"#;
    let mut b = ReportBuilder::new();
    assert_eq!(b.add_line(bad), Err(LineError::BadField("action")));
    let r = b.finish(&RoiOptions::default());
    assert_eq!(r.messages.scanned, 0);
    assert_eq!(r.leak_events.all.total, 0);
    assert_eq!(r.lines.unreadable, 1);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines in the shapes the report reads, with fields of any type.
    fn line() -> impl Strategy<Value = String> {
        let value = prop_oneof![
            Just("1".to_string()),
            Just("-7".to_string()),
            Just("null".to_string()),
            Just("\"2026-03-12T09:00:00Z\"".to_string()),
            Just("\"out\"".to_string()),
            Just("\"hold\"".to_string()),
            Just("{\"phone\":18446744073709551615}".to_string()),
            Just("[{\"class\":\"x_error\",\"kind\":\"k\",\"action\":\"mask\"}]".to_string()),
            "\\PC{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        ];
        let key = prop_oneof![
            Just("direction"),
            Just("ts"),
            Just("pii"),
            Just("events"),
            Just("action"),
            Just("sender"),
            Just("alert"),
            Just("ack"),
            Just("by"),
            Just("time"),
            Just("role"),
            Just("outcome"),
            Just("actor"),
            Just("register"),
            Just("error"),
            Just("line"),
            Just("id"),
            Just("first_ts"),
            Just("last_ts"),
        ];
        prop_oneof![
            prop::collection::vec((key, value), 0..8).prop_map(|fields| {
                let body: Vec<String> =
                    fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", body.join(","))
            }),
            "\\PC{0,40}",
        ]
    }

    proptest! {
        #[test]
        fn any_lines_give_a_report_and_renderings(lines in prop::collection::vec(line(), 0..20)) {
            let r = Report::from_lines(lines.iter().map(String::as_str), &RoiOptions::default());
            prop_assert_eq!(r.lines.read as usize, lines.iter().filter(|l| !l.trim().is_empty()).count());
            let _ = (r.to_text(), r.to_json(), r.to_html());
        }

        #[test]
        fn bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let mut b = ReportBuilder::new();
            let _ = b.add_bytes(&bytes);
            let _ = b.finish(&RoiOptions { period_days: Some(1e300), ..RoiOptions::default() }).to_html();
        }
    }
}
