//! The bundled example (`examples/guard/`): `piimask guard` on the
//! distribution network's log prints what `network.expected` holds, catches
//! every planted leak (`planted.json`) with the right class, kind and
//! owners, and raises nothing else, in particular nothing for the many
//! replies that repeat a conversation's own data in another format.

use std::process::Command;

use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guard");

fn run_example() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args([
            "guard",
            "--key-file",
            "demo.key",
            "--config",
            "config.json",
            "network.jsonl",
        ])
        .current_dir(DIR)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cli_prints_the_expected_output() {
    let expected = std::fs::read_to_string(format!("{DIR}/network.expected")).unwrap();
    assert!(
        run_example() == expected,
        "output differs from network.expected"
    );
}

#[test]
fn every_planted_leak_is_caught_and_nothing_else() {
    let output = run_example();
    let lines: Vec<Value> = output
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let input = std::fs::read_to_string(format!("{DIR}/network.jsonl")).unwrap();
    assert_eq!(lines.len(), input.lines().count());
    let planted: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/planted.json")).unwrap())
            .unwrap();
    let classes: std::collections::BTreeSet<&str> = planted
        .iter()
        .map(|p| p["class"].as_str().unwrap())
        .collect();
    assert_eq!(classes.len(), 2, "both classes are planted");
    for p in &planted {
        let n = p["line"].as_u64().unwrap() as usize;
        let events = lines[n - 1]["events"].as_array().unwrap();
        assert_eq!(events.len(), 1, "line {n}: {events:?}");
        assert_eq!(events[0]["class"], p["class"], "line {n}");
        assert_eq!(events[0]["kind"], p["kind"], "line {n}");
        assert_eq!(events[0]["owners"], p["owners"], "line {n}");
    }
    let planted_lines: Vec<usize> = planted
        .iter()
        .map(|p| p["line"].as_u64().unwrap() as usize)
        .collect();
    let mut own_data_replies = 0;
    for (i, line) in lines.iter().enumerate() {
        assert!(line.get("error").is_none(), "line {}: {line}", i + 1);
        if line.get("register").is_some() {
            assert_eq!(line["ok"], true, "line {}", i + 1);
            continue;
        }
        if planted_lines.contains(&(i + 1)) {
            continue;
        }
        assert_eq!(
            line["events"],
            Value::Array(vec![]),
            "line {}: {line}",
            i + 1
        );
        assert_eq!(line["action"], "deliver");
        let outbound = line["direction"] == "out";
        let has_pii = line["pii"].as_object().is_some_and(|m| !m.is_empty());
        own_data_replies += usize::from(outbound && has_pii);
    }
    assert!(
        own_data_replies >= 50,
        "{own_data_replies} replies with own data"
    );
}
