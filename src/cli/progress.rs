//! Progress on long runs, shared by every input format of `scan` and
//! `redact`: an `indicatif` bar on standard error (bytes, records or
//! lines, MB/s, ETA when the input size is known) only when standard error
//! is a terminal, so pipes and logs stay quiet; and the time taken and
//! throughput that end the closing summary line.

use std::fmt;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::{Duration, Instant};

/// A progress bar that draws only on a terminal, at most a few times a
/// second (updates in between are dropped, so the hot loop pays little).
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    unit: &'static str,
    last_tick: Instant,
}

impl Progress {
    /// A bar counting `unit` (e.g. "lines") over an input of `total` bytes
    /// (`None` when unknown, e.g. standard input: no ETA then).
    pub fn new(total: Option<u64>, unit: &'static str) -> Self {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = match total {
                Some(n) => indicatif::ProgressBar::new(n),
                None => indicatif::ProgressBar::no_length(),
            };
            let template = if total.is_some() {
                "{bar:30} {bytes}/{total_bytes} {msg} {binary_bytes_per_sec} ETA {eta}"
            } else {
                "{spinner} {bytes} {msg} {binary_bytes_per_sec}"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
            bar
        });
        Progress {
            bar,
            unit,
            last_tick: Instant::now(),
        }
    }

    /// A bar that never draws (for library callers and tests).
    pub fn quiet() -> Self {
        Progress {
            bar: None,
            unit: "",
            last_tick: Instant::now(),
        }
    }

    /// Reports `bytes` read and `items` done so far.
    pub fn update(&mut self, bytes: u64, items: usize) {
        if let Some(bar) = &self.bar {
            if self.last_tick.elapsed() > Duration::from_millis(100) {
                bar.set_position(bytes);
                bar.set_message(format!("{items} {}", self.unit));
                self.last_tick = Instant::now();
            }
        }
    }

    /// Removes the bar, before the summary line is written.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The size of an input file, for the bar's ETA (`None` for standard
/// input or anything whose size is unknown).
pub fn input_size(file: Option<&Path>) -> Option<u64> {
    file.and_then(|p| std::fs::metadata(p).ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
}

/// Time taken and throughput, the end of every closing summary line:
/// `in 1.23 s (45.6 MB/s)` (MB = 10^6 bytes).
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    /// Input bytes processed.
    pub bytes: u64,
    /// Wall-clock time the run took.
    pub elapsed: Duration,
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        let mb_per_sec = if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        };
        write!(f, "in {secs:.2} s ({mb_per_sec:.1} MB/s)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_gives_seconds_and_megabytes_per_second() {
        let rate = Rate {
            bytes: 3_000_000,
            elapsed: Duration::from_millis(1500),
        };
        assert_eq!(rate.to_string(), "in 1.50 s (2.0 MB/s)");
        let instant = Rate {
            bytes: 10,
            elapsed: Duration::ZERO,
        };
        assert_eq!(instant.to_string(), "in 0.00 s (0.0 MB/s)");
    }
}
