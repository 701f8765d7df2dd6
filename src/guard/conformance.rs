//! The behaviour every [`Store`] and [`Counters`] implementation must have,
//! as test suites that panic on the first difference. The in-memory
//! implementations run them in unit tests, the Redis one in
//! `tests/redis_store.rs` against a real server: one suite, both stores.
//! Public (and hidden from the docs) so that integration tests and other
//! implementations can run them.

use super::counters::{Counters, Observation, Window, WindowKey};
use super::store::{Ownership, MAX_LISTED_OWNERS};
use super::{Fingerprint, Limits, Record, Store};

fn fp(n: u8) -> Fingerprint {
    Fingerprint([n; 16])
}

/// The owners of `f`, asked from a conversation that owns nothing.
fn owners(store: &dyn Store, f: Fingerprint, now: u64) -> Vec<String> {
    let mut out = Vec::new();
    store.lookup("(nobody)", &[f], now, &mut out).unwrap();
    assert_eq!(out.len(), 1);
    assert!(!out[0].own);
    out[0].others.iter().map(|s| s.to_string()).collect()
}

fn lookup(store: &dyn Store, conversation: &str, f: &[Fingerprint], now: u64) -> Vec<Ownership> {
    let mut out = vec![Ownership::default(); 3];
    store.lookup(conversation, f, now, &mut out).unwrap();
    out
}

fn sorted(mut records: Vec<Record>) -> Vec<Record> {
    records.sort_by(|a, b| (&a.conversation, a.fingerprint).cmp(&(&b.conversation, b.fingerprint)));
    records
}

/// Runs the store suite; `make` returns a new, empty store with the given
/// limits each time it is called.
pub fn store_suite(make: &dyn Fn(Limits) -> Box<dyn Store>) {
    let unlimited = Limits {
        lifetime_secs: None,
        max_values_per_conversation: 256,
    };

    // Owners are every conversation holding the value, sorted; a value
    // added again is refreshed, not duplicated.
    let store = make(unlimited);
    assert!(store.is_empty().unwrap());
    store.add("c-2", &[fp(1), fp(2)], 100).unwrap();
    store.add("c-1", &[fp(1)], 100).unwrap();
    store.add("c-1", &[fp(1)], 200).unwrap();
    assert_eq!(owners(&*store, fp(1), 300), ["c-1", "c-2"]);
    assert_eq!(owners(&*store, fp(2), 300), ["c-2"]);
    assert!(owners(&*store, fp(3), 300).is_empty());
    assert_eq!(store.len().unwrap(), 3);
    let out = lookup(&*store, "c-2", &[fp(2), fp(3), fp(1)], 300);
    assert_eq!(out.len(), 3, "one answer per fingerprint, in order");
    assert!(out[0].own && !out[1].own && out[2].own);
    assert!(out[1].others.is_empty());
    let out = lookup(&*store, "c-1", &[fp(2), fp(1)], 300);
    assert!(!out[0].own && out[1].own);
    assert_eq!(out[0].others.len(), 1);
    assert_eq!(&*out[0].others[0], "c-2");
    assert!(lookup(&*store, "c-1", &[], 300).is_empty());
    store.add("c-9", &[], 100).unwrap();
    assert_eq!(store.len().unwrap(), 3);

    // Forget erases one conversation only.
    let store = make(unlimited);
    store.add("a", &[fp(1), fp(2)], 1).unwrap();
    store.add("b", &[fp(1)], 1).unwrap();
    assert_eq!(store.forget("a").unwrap(), 2);
    assert_eq!(store.forget("a").unwrap(), 0);
    assert_eq!(owners(&*store, fp(1), 1), ["b"]);
    assert!(owners(&*store, fp(2), 1).is_empty());
    store.add("c", &[fp(3), fp(4)], 1).unwrap();
    assert_eq!(store.len().unwrap(), 3);

    // Ownership lapses after its lifetime (from the events' times).
    let store = make(Limits {
        lifetime_secs: Some(10),
        max_values_per_conversation: 8,
    });
    store.add("a", &[fp(1)], 100).unwrap();
    store.add("b", &[fp(1)], 105).unwrap();
    assert_eq!(owners(&*store, fp(1), 110), ["a", "b"]);
    assert_eq!(owners(&*store, fp(1), 111), ["b"]);
    assert!(owners(&*store, fp(1), 116).is_empty());
    assert_eq!(store.purge_expired(111).unwrap(), 1);
    assert_eq!(store.len().unwrap(), 1);

    // The cap drops the least recently seen value of the conversation.
    let store = make(Limits {
        lifetime_secs: None,
        max_values_per_conversation: 3,
    });
    store.add("a", &[fp(1)], 1).unwrap();
    store.add("a", &[fp(2)], 2).unwrap();
    store.add("a", &[fp(3)], 3).unwrap();
    store.add("a", &[fp(1)], 4).unwrap();
    store.add("a", &[fp(4)], 5).unwrap();
    assert_eq!(store.len().unwrap(), 3);
    assert!(owners(&*store, fp(2), 6).is_empty());
    for n in [1, 3, 4] {
        assert_eq!(owners(&*store, fp(n), 6), ["a"]);
    }

    // At most MAX_LISTED_OWNERS others are listed, sorted.
    let store = make(unlimited);
    for i in 0..MAX_LISTED_OWNERS + 4 {
        store.add(&format!("c-{i:02}"), &[fp(5)], 1).unwrap();
    }
    let listed = owners(&*store, fp(5), 2);
    assert_eq!(listed.len(), MAX_LISTED_OWNERS);
    assert!(listed.windows(2).all(|w| w[0] < w[1]));
    assert!(lookup(&*store, "c-03", &[fp(5)], 2)[0].own);

    // Export and replace round trip; replace drops what was there.
    let store = make(unlimited);
    store.add("a", &[fp(1), fp(2)], 7).unwrap();
    store.add("b", &[fp(2)], 9).unwrap();
    let records = sorted(store.export().unwrap());
    assert_eq!(records.len(), 3);
    assert!(records
        .iter()
        .any(|r| &*r.conversation == "b" && r.seen == 9));
    let other = make(unlimited);
    other.add("z", &[fp(9)], 1).unwrap();
    other.replace(records.clone()).unwrap();
    assert_eq!(sorted(other.export().unwrap()), records);
    assert!(owners(&*other, fp(9), 1).is_empty());
    assert_eq!(owners(&*other, fp(2), 10), ["a", "b"]);
}

/// Runs the counters suite on `counters`; `salt` keeps its window keys
/// apart from other runs on the same (shared) counters.
pub fn counters_suite(counters: &dyn Counters, salt: u8) {
    let at = |ts: i64| Observation { ts, member: None };
    let member = |ts: i64, m: u8| Observation {
        ts,
        member: Some([m; 16]),
    };
    let w = Window {
        secs: 3600,
        threshold: 3,
    };
    let key = |n: u8| {
        let mut k = [salt; 16];
        k[0] = n;
        WindowKey(k)
    };
    let hit = |k: &WindowKey, o: &[Observation]| counters.hit(k, o, w).unwrap();

    // Three in an hour fire once, with the first and last times.
    let k = key(1);
    assert_eq!(hit(&k, &[at(1000)]), None);
    assert_eq!(hit(&k, &[at(1100)]), None);
    let c = hit(&k, &[at(1200)]).expect("third fires");
    assert_eq!((c.count, c.first_ts, c.last_ts), (3, 1000, 1200));
    // More in the same window: quiet.
    for t in [1300, 1400, 1500, 4000, 4599] {
        assert_eq!(hit(&k, &[at(t)]), None, "t = {t}");
    }
    // After the window (1000 + 3600), a new window counts afresh.
    assert_eq!(hit(&k, &[at(4600)]), None);
    assert_eq!(hit(&k, &[at(4700)]), None);
    let c = hit(&k, &[at(4800)]).expect("a second window fires");
    assert_eq!((c.first_ts, c.last_ts), (4600, 4800));

    // Old observations slide out of the window.
    let k = key(2);
    assert_eq!(hit(&k, &[at(0)]), None);
    assert_eq!(hit(&k, &[at(10)]), None);
    assert_eq!(hit(&k, &[at(3605)]), None); // 0 has slid out
    let c = hit(&k, &[at(3606)]).expect("10, 3605, 3606");
    assert_eq!((c.count, c.first_ts), (3, 10));

    // Several observations of one event count each; one crossing.
    let k = key(3);
    let c = hit(&k, &[at(50), at(50), at(50), at(50)]).expect("fires");
    assert_eq!(c.count, 3);

    // Distinct members: repeats count once.
    let k = key(4);
    assert_eq!(hit(&k, &[member(100, 1), member(110, 1)]), None);
    assert_eq!(hit(&k, &[member(120, 2), member(130, 1)]), None);
    let c = hit(&k, &[member(140, 3)]).expect("three distinct");
    assert_eq!((c.count, c.first_ts, c.last_ts), (3, 120, 140));

    // Keys are independent.
    let (a, b) = (key(5), key(6));
    assert_eq!(hit(&a, &[at(1), at(2)]), None);
    assert_eq!(hit(&b, &[at(1), at(2)]), None);
    assert!(hit(&a, &[at(3)]).is_some());
    assert!(hit(&b, &[at(3)]).is_some());

    // A late observation does not move the window back.
    let k = key(7);
    assert_eq!(hit(&k, &[at(10_000)]), None);
    assert_eq!(hit(&k, &[at(5_000)]), None);
    assert_eq!(hit(&k, &[at(10_001)]), None);
    assert!(hit(&k, &[at(10_002)]).is_some());
}

#[cfg(test)]
mod tests {
    use super::super::counters::MemoryCounters;
    use super::super::MemoryStore;
    use super::*;

    #[test]
    fn memory_store_passes_the_store_suite() {
        store_suite(&|limits| Box::new(MemoryStore::new(limits)));
    }

    #[test]
    fn memory_counters_pass_the_counters_suite() {
        counters_suite(&MemoryCounters::new(), 0);
    }
}
