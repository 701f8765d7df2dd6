//! Options and set-up shared by the subcommands: the scanner options of
//! `scan` and `redact`, reading a key file and a configuration, opening the
//! input.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use clap::Args;

use super::lines::Malformed;

use crate::policy::Key;
use crate::{Config, Kind, Scanner, ScannerBuilder};

/// The options of `scan` and `redact`.
#[derive(Args, Clone, Debug, Default)]
pub struct Options {
    /// Default region hint (ISO 3166 alpha-2); a line's own "region" wins.
    #[arg(long)]
    pub region: Option<String>,
    /// Only these kinds, comma-separated (e.g. phone,email).
    #[arg(long, value_delimiter = ',')]
    pub kinds: Option<Vec<String>>,
    /// JSON configuration file (the schema the C ABI takes).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Drop findings below this confidence, 0 to 1 (default 0.5; see
    /// docs/confidence.md); lower it to mask weak evidence too. A role with
    /// its own threshold keeps it.
    #[arg(long)]
    pub min_confidence: Option<f32>,
    /// Also read contact details spelled out as words (`nine eight seven
    /// …`, `ravi [at] gmail [dot] com`; see docs/detection.md). Slower:
    /// every word is read.
    #[arg(long)]
    pub spelled_out: bool,
    /// Input lines are messages, not JSON objects.
    #[arg(long)]
    pub plain: bool,
    /// Plain text: write invalid UTF-8 as U+FFFD (by default it passes
    /// through unchanged; numbers never span it either way).
    #[arg(long)]
    pub lossy: bool,
    /// JSON Lines: what to do with a line that is not a JSON object: answer
    /// it with an error line, or redact (scan) it as plain text.
    #[arg(long, value_enum, default_value_t)]
    pub malformed: Malformed,
    /// Worker threads (default: the number of CPUs).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Redact as this role sees the text (the roles of docs/roles.md);
    /// the policy's default role, or the typed masks, when absent.
    #[arg(long)]
    pub role: Option<String>,
    /// File holding the tenant key (raw bytes, at least 16) for the keyed
    /// operators (token, hash, fpe).
    #[arg(long)]
    pub key_file: Option<PathBuf>,
    /// Archive formats: --format, --columns, --field, --mask-senders.
    #[command(flatten)]
    pub archive: super::archive::ArchiveOptions,
    /// Input file (JSON Lines); standard input when absent.
    pub file: Option<PathBuf>,
}

/// Reads a tenant key file (raw bytes).
pub fn read_key(path: &Path) -> Result<Key, String> {
    // The key bytes live in a zeroised buffer only as long as needed.
    let bytes = zeroize::Zeroizing::new(
        std::fs::read(path).map_err(|e| format!("cannot read key file {}: {e}", path.display()))?,
    );
    Key::new(&bytes).map_err(|e| format!("key file {}: {e}", path.display()))
}

/// A builder with the configuration file and the key file applied.
pub fn base_builder(
    config: Option<&Path>,
    key_file: Option<&Path>,
) -> Result<ScannerBuilder, String> {
    let mut builder = Scanner::builder();
    if let Some(path) = config {
        let json = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let config = Config::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        builder = builder.config(&config);
    }
    if let Some(path) = key_file {
        builder = builder.key(read_key(path)?);
    }
    Ok(builder)
}

/// The scanner `opts` ask for.
pub fn build_scanner(opts: &Options) -> Result<Scanner, String> {
    let mut builder = base_builder(opts.config.as_deref(), opts.key_file.as_deref())?;
    if let Some(region) = &opts.region {
        builder = builder.region(region);
    }
    if let Some(kinds) = &opts.kinds {
        builder = builder.kinds(kinds.iter().map(|k| Kind::from_name(k.trim())));
    }
    if let Some(min) = opts.min_confidence {
        builder = builder.min_confidence(min);
    }
    if opts.spelled_out {
        builder = builder.spelled_out(true);
    }
    builder.build().map_err(|e| e.to_string())
}

/// The input file, or standard input when there is none, buffered.
pub fn open_input(file: Option<&Path>) -> Result<Box<dyn BufRead + Send>, String> {
    Ok(match file {
        Some(path) => Box::new(BufReader::with_capacity(
            1 << 16,
            File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?,
        )),
        None => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
    })
}

/// Worker threads: the option, else one per CPU; at least one.
pub fn thread_count(threads: Option<usize>) -> usize {
    threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// Joins scoped threads, reporting one that panicked as an error. A scope
/// returns once its threads have *returned*, while they may still be
/// exiting (running thread-local destructors, freeing their own state);
/// joining waits for the exit, so nothing of theirs outlives the call (a
/// leak checker run right after it, as the fuzz targets do, sees none).
pub(crate) fn join_all<T>(
    threads: Vec<std::thread::ScopedJoinHandle<'_, T>>,
) -> Result<(), String> {
    let mut panicked = false;
    for thread in threads {
        panicked |= thread.join().is_err();
    }
    if panicked {
        return Err("a worker thread panicked; the output is incomplete".to_string());
    }
    Ok(())
}

/// Block buffers handed back once used, so that each block of a pipeline
/// does not allocate (and fault in) megabytes afresh: with two workers that
/// was a few per cent of the run in the kernel. The pool holds no more
/// buffers than blocks in flight; one grown past [`Spare::KEEP_BYTES`] by a
/// giant line is freed rather than kept for the rest of the run.
#[derive(Default)]
pub(super) struct Spare(std::sync::Mutex<Vec<Vec<u8>>>);

impl Spare {
    const KEEP_BYTES: usize = 8 << 20;

    /// An empty buffer, reused when one is spare.
    pub(super) fn take(&self) -> Vec<u8> {
        let mut buf = self
            .0
            .lock()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_default();
        buf.clear();
        buf
    }

    /// Hands `buf` back for a later block.
    pub(super) fn give(&self, buf: Vec<u8>) {
        if buf.capacity() <= Self::KEEP_BYTES {
            if let Ok(mut v) = self.0.lock() {
                v.push(buf);
            }
        }
    }
}
