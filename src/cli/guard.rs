//! `piimask guard`: runs the leak guard over a conversation log (JSON
//! Lines; see [`crate::guard::log`] for the line format). Inbound lines
//! teach, outbound lines are checked; every line comes back, in order, with
//! its text redacted for `--role`, its findings by kind, its events and the
//! action. `--snapshot` restores the ownership before and saves it after.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;

use super::common::{open_input, read_key};
use super::Outcome;
use crate::guard::log::{LineReport, LogProcessor};
use crate::guard::{Guard, GuardConfig};
use crate::{Config, Scanner};

/// The options of `guard`.
#[derive(Args, Clone, Debug)]
pub struct GuardOptions {
    /// File holding the tenant key (raw bytes, at least 16): fingerprints
    /// and snapshots are keyed with it.
    #[arg(long)]
    pub key_file: PathBuf,
    /// JSON configuration file: the scanner's configuration, with the
    /// guard's (actions, coaching, lifetime, cap) under "guard".
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Ownership snapshot: restored before (when the file exists) and
    /// saved after the run.
    #[arg(long)]
    pub snapshot: Option<PathBuf>,
    /// Redact the output's text as this role sees it (default: the typed
    /// masks).
    #[arg(long)]
    pub role: Option<String>,
    /// Default region hint (ISO 3166 alpha-2); a line's "region" wins.
    #[arg(long)]
    pub region: Option<String>,
    /// Where ownership and the monitor's counters live: `memory` (the
    /// default) or `redis://HOST:PORT/DB`, shared by replicas (needs the
    /// `redis` feature). With Redis unreachable, outbound personal data is
    /// held with `store_error` events (unless the configuration fails open).
    #[arg(long, value_name = "URL")]
    pub store: Option<String>,
    /// Conversation log (JSON Lines); standard input when absent.
    pub file: Option<PathBuf>,
}

/// The scanner and guard configurations from one file: the guard's under
/// `"guard"`, the rest the scanner's.
fn read_config(path: &Path) -> Result<(Config, GuardConfig), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let guard = match value.as_object_mut().and_then(|o| o.remove("guard")) {
        Some(g) => {
            serde_json::from_value(g).map_err(|e| format!("{}: guard: {e}", path.display()))?
        }
        None => GuardConfig::default(),
    };
    let config =
        Config::from_json(&value.to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((config, guard))
}

/// Builds the guard `opts` ask for.
pub fn build_guard(opts: &GuardOptions) -> Result<Guard, String> {
    let key = read_key(&opts.key_file)?;
    let (config, guard_config) = match &opts.config {
        Some(path) => read_config(path)?,
        None => (Config::default(), GuardConfig::default()),
    };
    let mut builder = Scanner::builder().config(&config).key(key.clone());
    if let Some(region) = &opts.region {
        builder = builder.region(region);
    }
    let scanner = builder.build().map_err(|e| e.to_string())?;
    match opts.store.as_deref() {
        None | Some("memory") => {
            Guard::new(Arc::new(scanner), &key, guard_config).map_err(|e| e.to_string())
        }
        Some(url) if url.starts_with("redis://") || url.starts_with("rediss://") => {
            redis_guard(url, Arc::new(scanner), &key, guard_config)
        }
        Some(_) => Err("--store takes memory or a redis:// URL".into()),
    }
}

/// A guard whose ownership and monitor counters live in Redis.
#[cfg(feature = "redis")]
fn redis_guard(
    url: &str,
    scanner: Arc<Scanner>,
    key: &crate::policy::Key,
    config: GuardConfig,
) -> Result<Guard, String> {
    use crate::guard::monitor::Monitor;
    use crate::guard::redis::RedisStore;
    let store = RedisStore::open(url, config.limits()).map_err(|e| e.to_string())?;
    let monitor = Monitor::with_counters(config.monitor.clone(), Arc::new(store.clone()))
        .map_err(|e| e.to_string())?;
    Guard::with_store(scanner, key, config, Box::new(store))
        .map(|g| g.with_monitor(monitor))
        .map_err(|e| e.to_string())
}

#[cfg(not(feature = "redis"))]
fn redis_guard(
    _: &str,
    _: Arc<Scanner>,
    _: &crate::policy::Key,
    _: GuardConfig,
) -> Result<Guard, String> {
    Err("--store redis://: this piimask was built without the redis feature".into())
}

/// Runs `piimask guard`.
pub fn run(opts: GuardOptions) -> Outcome {
    let guard = build_guard(&opts)?;
    if let Some(path) = &opts.snapshot {
        if path.exists() {
            let n = guard.restore(path).map_err(|e| e.to_string())?;
            eprintln!("piimask: restored {n} owned values from {}", path.display());
        }
    }
    let mut processor =
        LogProcessor::new(&guard, opts.role.as_deref()).map_err(|e| e.to_string())?;
    let input = open_input(opts.file.as_deref())?;
    let mut writer = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let summary = process(&mut processor, input, &mut writer)?;
    writer.flush().map_err(|e| format!("write error: {e}"))?;
    if let Some(path) = &opts.snapshot {
        let n = guard.snapshot(path).map_err(|e| e.to_string())?;
        eprintln!("piimask: saved {n} owned values to {}", path.display());
    }
    eprintln!(
        "piimask: {} lines, {} outbound checked, {} events, {} held, {} masked, {} failed",
        summary.lines,
        summary.checked,
        summary.events,
        summary.held,
        summary.masked,
        summary.failed
    );
    Ok(summary.failed == 0)
}

/// Counts over a run.
#[derive(Debug, Default)]
pub struct Summary {
    /// Lines read.
    pub lines: usize,
    /// Outbound messages checked.
    pub checked: usize,
    /// Events raised.
    pub events: usize,
    /// Messages held.
    pub held: usize,
    /// Messages masked.
    pub masked: usize,
    /// Lines answered with an error.
    pub failed: usize,
}

/// Runs `processor` over every line of `input`, writing the answers to
/// `output` (the caller flushes it).
pub fn process(
    processor: &mut LogProcessor<'_>,
    mut input: Box<dyn BufRead + Send>,
    output: &mut dyn Write,
) -> Result<Summary, String> {
    let mut summary = Summary::default();
    let (mut line, mut out) = (Vec::new(), Vec::new());
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("read error: {e}"))?;
        if n == 0 {
            break;
        }
        let body = line.strip_suffix(b"\n").unwrap_or(&line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        out.clear();
        summary.lines += 1;
        match processor.line(body, &mut out) {
            LineReport::Message {
                outcome: Some(outcome),
                ..
            } => {
                summary.checked += 1;
                summary.events += outcome.events.len();
                summary.held += usize::from(outcome.action == crate::guard::Action::Hold);
                summary.masked += usize::from(outcome.action == crate::guard::Action::Mask);
            }
            LineReport::Error(_) => summary.failed += 1,
            _ => {}
        }
        output
            .write_all(&out)
            .map_err(|e| format!("write error: {e}"))?;
    }
    Ok(summary)
}
