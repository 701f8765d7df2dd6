//! The Redis store against a real Redis (`scripts/redis-tests.sh` starts
//! one on a loopback port and sets `PIIMASK_REDIS_URL`; it also sets
//! `PIIMASK_REDIS_SERVER`, the `redis-server` binary, for the test that
//! starts and stops a server of its own). The same suites as the
//! in-memory store and counters; two guards on one Redis standing for two
//! replicas; and Redis stopped mid-run.
#![cfg(feature = "redis")]

mod pipe;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use piimask::guard::conformance::{counters_suite, store_suite};
use piimask::guard::counters::{Counters, Observation, Window, WindowKey};
use piimask::guard::monitor::Monitor;
use piimask::guard::redis::RedisStore;
use piimask::guard::{Action, Guard, GuardConfig, LeakClass, Limits, Outbound};
use piimask::policy::Key;
use piimask::Scanner;

/// The URL of the Redis the test command started, or `None` (the test then
/// says it was skipped: `cargo test --features redis` alone has no Redis).
fn url() -> Option<String> {
    let url = std::env::var("PIIMASK_REDIS_URL").ok();
    if url.is_none() {
        eprintln!("skipped: PIIMASK_REDIS_URL is not set (scripts/redis-tests.sh sets it)");
    }
    url
}

/// A key prefix no other test (or run) uses.
fn prefix() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "piimask-test:{}:{}:",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

const LIMITS: Limits = Limits {
    lifetime_secs: Some(90 * 86_400),
    max_values_per_conversation: 256,
};

const T0: u64 = 1_773_306_000; // 2026-03-12T09:00:00Z

#[test]
fn the_store_suite_passes_on_redis() {
    let Some(url) = url() else { return };
    store_suite(&|limits| {
        let store = RedisStore::with_prefix(&url, limits, &prefix()).unwrap();
        Box::new(store)
    });
}

#[test]
fn the_counters_suite_passes_on_redis() {
    let Some(url) = url() else { return };
    let store = RedisStore::with_prefix(&url, LIMITS, &prefix()).unwrap();
    counters_suite(&store, 0);
}

fn guard(store: RedisStore, config: GuardConfig) -> Guard {
    let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
    let monitor = Monitor::with_counters(config.monitor.clone(), Arc::new(store.clone())).unwrap();
    Guard::with_store(
        scanner,
        &Key::new(&[7; 32]).unwrap(),
        config,
        Box::new(store),
    )
    .unwrap()
    .with_monitor(monitor)
}

fn outbound<'a>(conversation: &'a str, sender: &'a str, text: &'a str, time: u64) -> Outbound<'a> {
    Outbound {
        conversation,
        sender,
        text,
        time: Some(time),
        region: None,
        language: None,
    }
}

#[test]
fn two_replicas_share_ownership_and_count_one_agent_once() {
    let Some(url) = url() else { return };
    let prefix = prefix();
    // Two replicas: separate stores (connections) on one Redis and prefix.
    let a = guard(
        RedisStore::with_prefix(&url, LIMITS, &prefix).unwrap(),
        GuardConfig::default(),
    );
    let b = guard(
        RedisStore::with_prefix(&url, LIMITS, &prefix).unwrap(),
        GuardConfig::default(),
    );
    // A customer writes to replica A; replica B knows the number is theirs.
    a.observe_inbound_at("c-1", "my number is 98765 43210", T0, None)
        .unwrap();
    let o = b.check(&outbound(
        "c-1",
        "agent-3",
        "calling +91 98765 43210",
        T0 + 10,
    ));
    assert!(o.events.is_empty(), "{:?}", o.events);
    // The agent leaks it elsewhere, alternately through both replicas: the
    // third leak crosses the default threshold (3 in an hour) once.
    let mut alerts = Vec::new();
    for (i, replica) in [&a, &b, &a, &b, &a].into_iter().enumerate() {
        let message = outbound(
            "c-2",
            "agent-3",
            "try 0091 98765 43210",
            T0 + 60 * (i as u64 + 1),
        );
        let o = replica.check(&message);
        assert_eq!(o.events.len(), 1);
        assert_eq!(o.events[0].class, LeakClass::CrossConversationLeak);
        assert_eq!(o.events[0].owners, ["c-1"]);
        assert_eq!(o.action, Action::Hold);
        let raised = replica.monitor().observe_outbound(&message, &o).unwrap();
        alerts.extend(raised.into_iter().map(|alert| (i, alert)));
    }
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let (at, alert) = &alerts[0];
    assert_eq!(*at, 2, "the third leak, seen by replica A");
    assert_eq!(alert.count, 3);
    assert_eq!(alert.id, format!("leak_events:agent-3:{}", T0 + 60));
    // Forgetting on one replica erases for both.
    assert_eq!(b.forget("c-1").unwrap(), 1);
    let o = a.check(&outbound("c-2", "agent-3", "try 98765 43210", T0 + 600));
    assert_eq!(o.events[0].class, LeakClass::UnknownOutbound);
}

#[test]
fn concurrent_replicas_never_double_count() {
    let Some(url) = url() else { return };
    let prefix = prefix();
    let window = Window {
        secs: 86_400,
        threshold: 100,
    };
    let key = WindowKey([42; 16]);
    let crossings: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|r| {
                let store = RedisStore::with_prefix(&url, LIMITS, &prefix).unwrap();
                s.spawn(move || {
                    (0..50)
                        .filter_map(|i| {
                            let o = Observation {
                                ts: T0 as i64 + r * 100 + i,
                                member: None,
                            };
                            store.hit(&key, &[o], window).unwrap()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    // 200 observations, threshold 100, one long window: exactly one
    // crossing, at exactly 100; the rest of the window stays quiet.
    assert_eq!(crossings.len(), 1, "{crossings:?}");
    assert_eq!(crossings[0].count, 100);
}

/// A `redis-server` of this test's own, on a free loopback port.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start() -> Option<Server> {
        let binary = std::env::var("PIIMASK_REDIS_SERVER").ok()?;
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(binary)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        // Owned by `Server` at once: dropping it (even on a panic) stops it.
        let server = Server {
            child,
            url: format!("redis://127.0.0.1:{port}/0"),
        };
        let store = RedisStore::open(&server.url, LIMITS).unwrap();
        for _ in 0..100 {
            if store.ping().is_ok() {
                return Some(server);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("redis-server did not answer on port {port}");
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

#[test]
fn redis_stopped_mid_run_holds_outbound_personal_data() {
    let Some(mut server) = Server::start() else {
        eprintln!("skipped: PIIMASK_REDIS_SERVER is not set (scripts/redis-tests.sh sets it)");
        return;
    };
    let store = RedisStore::open(&server.url, LIMITS).unwrap();
    let closed = guard(store.clone(), GuardConfig::default());
    let open = guard(
        store,
        GuardConfig {
            fail_open: true,
            ..GuardConfig::default()
        },
    );
    closed
        .observe_inbound_at("c-1", "my number is 98765 43210", T0, None)
        .unwrap();
    let own = outbound("c-1", "agent-3", "calling +91 98765 43210", T0 + 5);
    assert!(closed.check(&own).events.is_empty());

    server.stop();

    // Fail closed: the message is held, one store_error event per finding.
    let o = closed.check(&own);
    assert_eq!(o.action, Action::Hold);
    assert_eq!(o.text_to_send("calling +91 98765 43210"), None);
    assert_eq!(o.events.len(), 1);
    assert_eq!(o.events[0].class, LeakClass::StoreError);
    assert!(closed
        .observe_inbound_at("c-1", "new number 98111 22334", T0 + 6, None)
        .is_err());
    // Clean messages need no store and still go out.
    let clean = outbound("c-1", "agent-3", "your parcel left today", T0 + 7);
    assert_eq!(closed.check(&clean).action, Action::Deliver);
    // The monitor's counters are in Redis too: they report the failure.
    assert!(closed.monitor().observe_outbound(&own, &o).is_err());
    // Fail open, when configured: delivered, the error still raised.
    let o = open.check(&own);
    assert_eq!(o.action, Action::Deliver);
    assert_eq!(o.events[0].class, LeakClass::StoreError);
    assert_eq!(o.events[0].action, Action::Deliver);
}

#[test]
fn a_guard_reconnects_when_redis_is_back() {
    let Some(mut server) = Server::start() else {
        return;
    };
    let store = RedisStore::open(&server.url, LIMITS).unwrap();
    let url = server.url.clone();
    server.stop();
    assert!(store.ping().is_err());
    let port = url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches("/0")
        .to_string();
    let mut again = Command::new(std::env::var("PIIMASK_REDIS_SERVER").unwrap())
        .args([
            "--port",
            &port,
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut ok = false;
    for _ in 0..100 {
        if store.ping().is_ok() {
            ok = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = again.kill();
    let _ = again.wait();
    assert!(ok, "the store reconnected");
}

/// `piimask guard` over `input` (from the example's directory).
fn piimask_guard(store: &str, input: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guard");
    let child = Command::new(env!("CARGO_BIN_EXE_piimask"))
        .args(["guard", "--key-file", "demo.key", "--config", "config.json"])
        .args(["--store", store])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (out, written) = pipe::feed(child, input.as_bytes());
    written.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn two_cli_replicas_on_redis_print_what_one_guard_in_memory_prints() {
    let Some(url) = url() else { return };
    // Database 1, emptied: `piimask guard` uses the default prefix.
    let url = format!("{}/1", url.trim_end_matches("/0"));
    let client = ::redis::Client::open(url.as_str()).unwrap();
    let mut c = client.get_connection().unwrap();
    ::redis::cmd("FLUSHDB").query::<()>(&mut c).unwrap();

    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guard");
    let input = std::fs::read_to_string(format!("{dir}/network.jsonl")).unwrap()
        + &std::fs::read_to_string(format!("{dir}/monitor.jsonl")).unwrap();
    let lines: Vec<&str> = input.lines().collect();
    // The first replica handles the network log and the bursting agent's
    // first leak, the second the rest: it raises the alert at the third
    // leak counting the one the first replica saw, and together they
    // print what one guard prints.
    let network = std::fs::read_to_string(format!("{dir}/network.jsonl")).unwrap();
    let (first, second) = lines.split_at(network.lines().count() + 3);
    assert!(first.last().unwrap().contains("agent-farid"));
    let join = |part: &[&str]| part.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut replicas = piimask_guard(&url, &join(first));
    replicas.extend(piimask_guard(&url, &join(second)));
    let memory = piimask_guard("memory", &input);
    assert!(
        replicas == memory,
        "two replicas on Redis differ from one guard in memory"
    );
    assert!(String::from_utf8(memory).unwrap().contains("\"alert\""));
    let keys: Vec<String> = ::redis::cmd("KEYS").arg("*").query(&mut c).unwrap();
    assert!(!keys.is_empty());
    // Fingerprints only: no value of the example is in a key or a field.
    for key in &keys {
        assert!(!key.contains("98111") && !key.contains('@'), "{key}");
    }
}
