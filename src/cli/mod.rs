//! The `piimask` command line, compiled with the default `cli` feature.
//!
//! It lives in the library (hidden from its docs) rather than in the binary
//! so that tests and fuzz targets can drive it in-process, and so that
//! `src/bin/piimask.rs` stays a one-line `main`. A library built with
//! `default-features = false` has neither this module nor clap.
//!
//! Layout: one file per subcommand (`reveal`), `scan` and `redact` sharing
//! the line pipeline in [`lines`], and [`common`] for the options and the
//! scanner set-up every subcommand takes. A new subcommand is a new file
//! with an `Args` struct and a `run` function, plus one variant of
//! [`Command`] and one arm in [`run`].

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod archive;
pub mod common;
pub mod guard;
mod json;
pub mod lines;
pub mod progress;
pub mod report;
pub mod reveal;

/// The command line as `piimask` parses it.
#[derive(Parser)]
#[command(
    name = "piimask",
    version,
    about = "Find and mask personal data in chat messages"
)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands, one variant each (the doc comments are their help).
#[derive(Subcommand)]
pub enum Command {
    /// Report findings: each input object comes back with a "findings" array
    /// (kind, start, end as UTF-8 byte offsets into "text", text, confidence,
    /// normalized).
    Scan(common::Options),
    /// Mask findings: each input object comes back with "text" masked.
    Redact(common::Options),
    /// Reveal a token or FPE value for a role allowed to reveal; every
    /// attempt is written to the audit log.
    Reveal(reveal::RevealOptions),
    /// The operator's KPIs and ROI from `piimask guard` output and reveal
    /// audit logs: a text table, JSON (--json) or an HTML page (--html).
    Report(report::ReportOptions),
    /// Leak guard over a conversation log: inbound lines teach who owns
    /// which value, outbound lines are checked; each line comes back
    /// redacted, with "pii", "events" and "action".
    Guard(guard::GuardOptions),
}

/// What a subcommand's `run` returns: `Ok(true)` when everything went
/// well, `Ok(false)` when it ran but something failed (exit code 1), and
/// `Err` for a usage or I/O problem that stopped it (exit code 2).
pub type Outcome = Result<bool, String>;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Scan(opts) => lines::run(opts, lines::Mode::Scan),
        Command::Redact(opts) => lines::run(opts, lines::Mode::Redact),
        Command::Reveal(opts) => reveal::run(opts),
        Command::Report(opts) => report::run(opts),
        Command::Guard(opts) => guard::run(opts),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("piimask: {message}");
            ExitCode::from(2)
        }
    }
}

/// The `piimask` binary: parses the process's arguments and runs them.
pub fn main() -> ExitCode {
    run(Cli::parse())
}
