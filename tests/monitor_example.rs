//! The monitor and the report on the bundled example: `examples/guard/`'s
//! network log followed by `monitor.jsonl` (an agent who leaks in two
//! bursts, acknowledgements, reveal audit lines). The bursting agent gets
//! exactly one alert per rule and window, nobody else gets one, every
//! figure of the report matches the planted events (computed here from
//! the input and the planted lists, not from the guard's output), and
//! replaying gives byte-identical alerts and report.
#![cfg(feature = "cli")]

mod pipe;

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guard");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

/// The example's input: the network log, then the monitor's lines.
fn input() -> String {
    read("network.jsonl") + &read("monitor.jsonl")
}

fn guard() -> Vec<u8> {
    let child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(["guard", "--key-file", "demo.key", "--config", "config.json"])
        .current_dir(DIR)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (out, written) = pipe::feed(child, input().as_bytes());
    written.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

const ROI: [&str; 8] = [
    "--cost-of-measures",
    "1000",
    "--cost-per-leaked-record",
    "150",
    "--revenue-per-conversation",
    "20",
    "--period-days",
    "30",
];

fn report(guarded: &[u8], format: &[&str]) -> Vec<u8> {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("monitor_example");
    std::fs::create_dir_all(&dir).unwrap();
    // One file per call: the tests run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let log = dir.join(format!("guarded-{n}.jsonl"));
    std::fs::write(&log, guarded).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .arg("report")
        .args(format)
        .args(ROI)
        .arg(&log)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The actions of the example's configuration, per class and kind.
fn action(class: &str, kind: &str) -> &'static str {
    match (class, kind) {
        ("unknown_outbound", "phone" | "email" | "ip_address") => "mask",
        _ => "hold",
    }
}

struct Planted {
    /// (input line index, class, kind, owners)
    leaks: Vec<(usize, String, String, Value)>,
    alerts: Vec<Value>,
    reveals: Vec<Value>,
}

fn planted(input: &[Value]) -> Planted {
    let base: Vec<Value> = serde_json::from_str(&read("planted.json")).unwrap();
    let monitor: Value = serde_json::from_str(&read("monitor-planted.json")).unwrap();
    let offset = read("network.jsonl").lines().count();
    let mut leaks = Vec::new();
    for (list, offset) in [(&base, 0), (monitor["leaks"].as_array().unwrap(), offset)] {
        for p in list {
            let i = offset + p["line"].as_u64().unwrap() as usize - 1;
            assert_eq!(input[i]["direction"], "out", "planted on an outbound line");
            if let Some(sender) = p.get("sender") {
                assert_eq!(input[i]["sender"], *sender);
            }
            leaks.push((
                i,
                p["class"].as_str().unwrap().to_string(),
                p["kind"].as_str().unwrap().to_string(),
                p["owners"].clone(),
            ));
        }
    }
    Planted {
        leaks,
        alerts: monitor["alerts"].as_array().unwrap().clone(),
        reveals: monitor["reveals"].as_array().unwrap().clone(),
    }
}

#[test]
fn the_bursting_agent_gets_one_alert_per_window_and_nobody_else_any() {
    let input: Vec<Value> = input()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let planted = planted(&input);
    let output = lines(&guard());
    // Every input line comes back in order; alert lines come in between.
    type Numbered<'a> = Vec<(usize, &'a Value)>;
    let (alerts, answers): (Numbered, Numbered) = output
        .iter()
        .enumerate()
        .partition(|(_, v)| v.get("alert").is_some());
    assert_eq!(answers.len(), input.len());
    assert_eq!(alerts.len(), planted.alerts.len(), "{alerts:?}");
    let network_lines = read("network.jsonl").lines().count();
    for (expected, (at, line)) in planted.alerts.iter().zip(&alerts) {
        let a = &line["alert"];
        for field in ["id", "rule", "actor", "first_ts", "last_ts"] {
            assert_eq!(a[field], expected[field], "{field}");
        }
        assert_eq!(
            (a["count"].as_u64(), a["threshold"].as_u64()),
            (Some(3), Some(3))
        );
        assert_eq!(a["window_secs"], 600);
        // Right after the line that crossed the threshold.
        let after = network_lines + expected["after_line"].as_u64().unwrap() as usize;
        let before: usize = answers.iter().filter(|(i, _)| i < at).count();
        assert_eq!(
            before, after,
            "alert {} placed after input line {after}",
            a["id"]
        );
    }
    // Events land on exactly the planted lines.
    let leak_lines: BTreeSet<usize> = planted.leaks.iter().map(|l| l.0).collect();
    for (i, (_, line)) in answers.iter().enumerate() {
        let n = line["events"].as_array().map_or(0, Vec::len);
        assert_eq!(
            n,
            usize::from(leak_lines.contains(&i)),
            "input line {}",
            i + 1
        );
    }
    for (i, class, kind, owners) in &planted.leaks {
        let e = &answers[*i].1["events"][0];
        assert_eq!(
            (&e["class"], &e["kind"], &e["owners"]),
            (&json!(class), &json!(kind), owners)
        );
    }
}

#[test]
fn every_report_figure_matches_the_planted_events() {
    let input: Vec<Value> = input()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let planted = planted(&input);
    let guarded = guard();
    let r: Value = serde_json::from_slice(&report(&guarded, &["--json"])).unwrap();

    let messages: Vec<&Value> = input
        .iter()
        .filter(|v| v.get("direction").is_some())
        .collect();
    let outbound: Vec<&Value> = messages
        .iter()
        .copied()
        .filter(|v| v["direction"] == "out")
        .collect();
    let conversations: BTreeSet<&str> = messages
        .iter()
        .map(|v| v["conversation"].as_str().unwrap())
        .collect();
    let m = &r["messages"];
    assert_eq!(m["scanned"], messages.len());
    assert_eq!(m["outbound"], outbound.len());
    assert_eq!(m["inbound"], messages.len() - outbound.len());
    assert_eq!(m["conversations"], conversations.len());
    let count = |key: &str| input.iter().filter(|v| v.get(key).is_some()).count();
    let l = &r["lines"];
    assert_eq!(l["messages"], messages.len());
    assert_eq!(l["registrations"], count("register"));
    assert_eq!(l["acks"], count("ack"));
    assert_eq!(l["reveal_audit"], planted.reveals.len());
    assert_eq!(l["alerts"], planted.alerts.len());
    assert_eq!(
        (&l["unreadable"], &l["guard_errors"]),
        (&json!(0), &json!(0))
    );

    // Leak events: by class, kind and agent, with the configured actions.
    type Counts = BTreeMap<&'static str, u64>;
    let mut all = Counts::new();
    let mut by: BTreeMap<(&str, String), Counts> = BTreeMap::new();
    let mut per_agent_leaky: BTreeMap<String, u64> = BTreeMap::new();
    let mut per_day: BTreeMap<String, u64> = BTreeMap::new();
    for (i, class, kind, _) in &planted.leaks {
        let fate = match action(class, kind) {
            "hold" => "held",
            _ => "masked",
        };
        let sender = input[*i]["sender"].as_str().unwrap().to_string();
        let count = |counts: &mut Counts| {
            *counts.entry("total").or_default() += 1;
            *counts.entry(fate).or_default() += 1;
        };
        count(&mut all);
        count(by.entry(("by_class", class.clone())).or_default());
        count(by.entry(("by_kind", kind.clone())).or_default());
        count(by.entry(("by_agent", sender.clone())).or_default());
        *per_agent_leaky.entry(sender).or_default() += 1;
        *per_day
            .entry(input[*i]["ts"].as_str().unwrap()[..10].to_string())
            .or_default() += 1;
    }
    let outcomes = |c: &Counts| {
        json!({
            "total": c.get("total").copied().unwrap_or(0),
            "held": c.get("held").copied().unwrap_or(0),
            "masked": c.get("masked").copied().unwrap_or(0),
            "delivered": 0,
        })
    };
    let le = &r["leak_events"];
    assert_eq!(le["all"], outcomes(&all));
    for ((table, key), counts) in &by {
        assert_eq!(le[table][key], outcomes(counts), "{table} {key}");
    }
    for table in ["by_class", "by_kind", "by_agent"] {
        let expected = by.keys().filter(|(t, _)| *t == table).count();
        assert_eq!(le[table].as_object().unwrap().len(), expected, "{table}");
    }

    // Compliance: outbound messages without a leak event, per agent.
    let mut per_agent: BTreeMap<&str, u64> = BTreeMap::new();
    for v in &outbound {
        *per_agent.entry(v["sender"].as_str().unwrap()).or_default() += 1;
    }
    let c = &r["compliance"];
    assert_eq!(c["agents"].as_object().unwrap().len(), per_agent.len());
    let share = |ok: u64, n: u64| ((ok as f64 / n as f64) * 10_000.0).round() / 10_000.0;
    for (agent, n) in &per_agent {
        let leaky = per_agent_leaky.get(*agent).copied().unwrap_or(0);
        let a = &c["agents"][agent];
        assert_eq!(
            (a["outbound"].as_u64(), a["with_leak_event"].as_u64()),
            (Some(*n), Some(leaky))
        );
        assert_eq!(a["share"].as_f64(), Some(share(n - leaky, *n)), "{agent}");
    }
    let leaky = planted.leaks.len() as u64;
    assert_eq!(c["team"]["outbound"], outbound.len());
    assert_eq!(c["team"]["with_leak_event"], leaky);

    // Alerts and response times: the first acknowledgement counts.
    let a = &r["alerts"];
    assert_eq!(a["total"], planted.alerts.len());
    assert_eq!(
        (&a["acknowledged"], &a["unacknowledged"]),
        (&json!(2), &json!(0))
    );
    assert_eq!(a["by_actor"], json!({"agent-farid": 2}));
    assert_eq!(a["by_rule"], json!({"leak_events": 2}));
    let mut responses = Vec::new();
    for (row, expected) in a["list"].as_array().unwrap().iter().zip(&planted.alerts) {
        assert_eq!(row["id"], expected["id"]);
        assert_eq!(row["ack_by"], expected["ack_by"]);
        assert_eq!(row["response_secs"], expected["response_secs"]);
        responses.push(expected["response_secs"].as_u64().unwrap());
    }
    assert_eq!(
        a["median_response_secs"].as_f64(),
        Some((responses[0] + responses[1]) as f64 / 2.0)
    );
    assert_eq!(
        a["worst_response_secs"].as_u64(),
        responses.iter().copied().max()
    );

    // Reveals by role and actor.
    let mut by_role: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut by_actor: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for p in &planted.reveals {
        for (map, key) in [(&mut by_role, &p["role"]), (&mut by_actor, &p["actor"])] {
            let e = map.entry(key.as_str().unwrap().to_string()).or_default();
            *e.entry("total".into()).or_default() += 1;
            *e.entry(p["outcome"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    for (table, expected) in [("by_role", &by_role), ("by_actor", &by_actor)] {
        assert_eq!(
            r["reveals"][table].as_object().unwrap().len(),
            expected.len()
        );
        for (key, counts) in expected {
            for (field, n) in counts {
                assert_eq!(r["reveals"][table][key][field], *n, "{table} {key} {field}");
            }
        }
    }
    assert_eq!(r["reveals"]["all"]["total"], planted.reveals.len());

    // Days and ROI: 30 days from a log of two calendar days.
    let days: Vec<&str> = r["per_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-03-12", "2026-03-13"]);
    for d in r["per_day"].as_array().unwrap() {
        let expected = per_day
            .get(d["date"].as_str().unwrap())
            .copied()
            .unwrap_or(0);
        assert_eq!(d["leak_events"]["total"], expected);
    }
    let scale = 30.0 / 2.0;
    let avoided = leaky as f64 * 150.0 * scale;
    let roi = &r["roi"];
    assert_eq!(roi["log_days"], 2);
    assert_eq!(roi["exposure_avoided"]["value"].as_f64(), Some(avoided));
    assert_eq!(roi["exposure_remaining"]["value"].as_f64(), Some(0.0));
    assert_eq!(
        roi["conversation_value"]["value"].as_f64(),
        Some(conversations.len() as f64 * 20.0 * scale)
    );
    assert_eq!(
        roi["roi"]["value"].as_f64(),
        Some((avoided - 1000.0) / 1000.0)
    );
    assert!(roi["exposure_avoided"]["formula"]
        .as_str()
        .unwrap()
        .starts_with(&format!(
            "(held {} + masked {}) leak events x 150.00 per record x 30 / 2 days",
            all["held"], all["masked"]
        )));
}

#[test]
fn replaying_gives_byte_identical_alerts_and_report() {
    let (a, b) = (guard(), guard());
    assert!(a == b, "guard output differs between runs");
    for format in [&[][..], &["--json"][..]] {
        assert!(report(&a, format) == report(&b, format), "{format:?}");
    }
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("monitor_example");
    let html = |name: &str| {
        let path = dir.join(name);
        report(&a, &["--html", path.to_str().unwrap()]);
        std::fs::read(path).unwrap()
    };
    assert!(html("a.html") == html("b.html"));
}

#[test]
fn the_store_option_is_checked() {
    let run = |store: &str| {
        Command::new(env!("CARGO_BIN_EXE_piimask"))
            .args(["guard", "--key-file", "demo.key", "--store", store])
            .current_dir(DIR)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let bad = run("postgres://db");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--store takes memory or a redis:// URL"));
    assert!(run("memory").status.success());
    if cfg!(not(feature = "redis")) {
        let out = run("redis://127.0.0.1:1/0");
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("without the redis feature"));
    }
}

#[test]
fn docs_report_md_shows_the_reports_real_output() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.md")).unwrap();
    let begin = doc.find("<!-- report:begin -->\n```text\n").unwrap() + 30;
    let end = doc.find("```\n<!-- report:end -->").unwrap();
    let text = report(&guard(), &[]);
    assert_eq!(&doc[begin..end], std::str::from_utf8(&text).unwrap());
}
