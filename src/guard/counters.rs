//! Sliding-window counters for the monitor, behind a trait so that
//! replicas can share them (the Redis store implements it too).
//!
//! One operation, [`Counters::hit`], adds observations to a window and
//! decides in the same step whether the threshold was crossed. Doing both
//! at once is what lets two replicas count one agent without
//! double-counting or alerting twice: the Redis implementation runs the
//! same steps as one server-side script.
//!
//! The semantics, shared by every implementation:
//! - a window is the last `window_secs` seconds before the newest
//!   observation seen (`(now - window_secs, now]`, where `now` is the
//!   greatest observation time so far, so a late observation never moves
//!   the window back);
//! - the count is the number of observations in the window, or the number
//!   of distinct members when observations carry one;
//! - when the count reaches the threshold, [`Counters::hit`] returns a
//!   [`Crossing`], the window is emptied, and observations dated before
//!   the end of the window that fired (its first observation plus
//!   `window_secs`) are ignored: one alert per rule, actor and window.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use super::GuardError;

/// Identifies one sliding window: a rule and an actor. Implementations
/// that store it elsewhere store a fingerprint of it, not the names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WindowKey(pub [u8; 16]);

/// One thing counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Observation {
    /// When (Unix seconds, from the event).
    pub ts: i64,
    /// For distinct counts: what is counted once (a conversation's
    /// fingerprint); `None`: every observation counts.
    pub member: Option<[u8; 16]>,
}

/// A window's rule: how long and how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Length in seconds (at least 1).
    pub secs: u64,
    /// Count that fires (at least 1).
    pub threshold: u64,
}

/// A threshold crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crossing {
    /// The count when it fired.
    pub count: u64,
    /// The first observation counted (the window's start).
    pub first_ts: i64,
    /// The observation that crossed the threshold.
    pub last_ts: i64,
}

/// Sliding-window counters (see the module docs for the exact semantics).
/// Internally synchronised.
pub trait Counters: Send + Sync + fmt::Debug {
    /// Adds `observations` (all of one event, usually one) to the window
    /// `key` and returns the crossing if they reach `window.threshold`.
    /// Atomic: concurrent hits on one key, from any number of processes
    /// sharing the counters, see each other's observations exactly once.
    fn hit(
        &self,
        key: &WindowKey,
        observations: &[Observation],
        window: Window,
    ) -> Result<Option<Crossing>, GuardError>;
}

/// One window's state.
#[derive(Debug, Default)]
struct WindowState {
    /// Observations in the window: (time, member); a distinct member
    /// appears once, with its latest time.
    entries: Vec<(i64, Option<[u8; 16]>)>,
    /// Greatest observation time seen.
    now: i64,
    /// Observations before this time are ignored (the window that fired).
    quiet_until: i64,
}

impl WindowState {
    /// The shared semantics, step by step (the Redis script mirrors it).
    fn hit(&mut self, observations: &[Observation], window: Window) -> Option<Crossing> {
        let secs = i64::try_from(window.secs).unwrap_or(i64::MAX);
        let mut crossing = None;
        for o in observations {
            self.now = self.now.max(o.ts);
            if o.ts < self.quiet_until {
                continue;
            }
            match o.member {
                Some(m) => match self.entries.iter_mut().find(|e| e.1 == Some(m)) {
                    Some(e) => e.0 = e.0.max(o.ts),
                    None => self.entries.push((o.ts, Some(m))),
                },
                None => self.entries.push((o.ts, None)),
            }
            let floor = self.now.saturating_sub(secs);
            self.entries.retain(|e| e.0 > floor);
            let count = self.entries.len() as u64;
            if count >= window.threshold {
                let first = self.entries.iter().map(|e| e.0).min().unwrap_or(o.ts);
                crossing = Some(Crossing {
                    count,
                    first_ts: first,
                    last_ts: o.ts,
                });
                self.entries.clear();
                self.quiet_until = first.saturating_add(secs);
            }
        }
        crossing
    }
}

/// Counters in this process's memory. Windows of actors that fell silent
/// are dropped once their window has passed and the table has grown
/// (bounded by the actors active within one window).
#[derive(Default)]
pub struct MemoryCounters {
    windows: Mutex<HashMap<WindowKey, WindowState>>,
}

impl fmt::Debug for MemoryCounters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.windows.lock().map(|w| w.len()).unwrap_or(0);
        f.debug_struct("MemoryCounters")
            .field("windows", &n)
            .finish()
    }
}

impl MemoryCounters {
    /// Empty counters.
    pub fn new() -> MemoryCounters {
        MemoryCounters::default()
    }
}

/// Windows kept before idle ones are swept.
const SWEEP_AT: usize = 4096;

impl Counters for MemoryCounters {
    fn hit(
        &self,
        key: &WindowKey,
        observations: &[Observation],
        window: Window,
    ) -> Result<Option<Crossing>, GuardError> {
        let mut windows = self
            .windows
            .lock()
            .map_err(|_| GuardError::Store("monitor counters poisoned".into()))?;
        let crossing = windows.entry(*key).or_default().hit(observations, window);
        if windows.len() >= SWEEP_AT {
            // Drop windows with nothing counted and nothing to keep quiet
            // about at the newest time seen here.
            let now = observations.iter().map(|o| o.ts).max().unwrap_or(i64::MIN);
            windows.retain(|_, w| !w.entries.is_empty() || w.quiet_until > now);
        }
        Ok(crossing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ts: i64) -> Observation {
        Observation { ts, member: None }
    }

    // The semantics are checked by `super::super::conformance`.

    #[test]
    fn idle_windows_are_swept() {
        let c = MemoryCounters::new();
        let w = Window {
            secs: 10,
            threshold: 1,
        };
        for i in 0..(SWEEP_AT as u32 * 2) {
            let mut k = [0; 16];
            k[..4].copy_from_slice(&i.to_le_bytes());
            c.hit(&WindowKey(k), &[at(i64::from(i) * 100)], w).unwrap();
        }
        assert!(c.windows.lock().unwrap().len() <= SWEEP_AT);
    }
}
