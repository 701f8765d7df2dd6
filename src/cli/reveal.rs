//! `piimask reveal`: turns a token or FPE value back into the original for
//! a role allowed to reveal, writing every attempt to the audit log.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use clap::Args;

use super::common::base_builder;
use super::Outcome;
use crate::policy::{AuditEvent, AuditSink, RevealRequest, TokenVault};
use crate::{Kind, Region};

/// The options of `reveal`.
#[derive(Args, Clone, Debug)]
pub struct RevealOptions {
    /// The role asking (it must be allowed to reveal).
    #[arg(long)]
    pub role: String,
    /// Who is asking; recorded in the audit log.
    #[arg(long)]
    pub actor: String,
    /// The kind of the value (phone, email, credit_card …).
    #[arg(long)]
    pub kind: String,
    /// The conversation the value came from; recorded.
    #[arg(long)]
    pub conversation: Option<String>,
    /// Region hint to read an FPE phone number in national format.
    #[arg(long)]
    pub region: Option<String>,
    /// JSON configuration file (policy and roles).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// File holding the tenant key (raw bytes, at least 16).
    #[arg(long)]
    pub key_file: Option<PathBuf>,
    /// Token vault: JSON Lines of {"token": …, "value": …}.
    #[arg(long)]
    pub vault: Option<PathBuf>,
    /// Append audit events (JSON Lines) here; standard error when absent.
    #[arg(long)]
    pub audit_log: Option<PathBuf>,
    /// The token or FPE value to reveal.
    pub value: String,
}

/// A vault read from JSON Lines `{"token": …, "value": …}`.
struct FileVault(HashMap<String, String>);

impl TokenVault for FileVault {
    fn lookup(&self, token: &str) -> Option<String> {
        self.0.get(token).cloned()
    }
}

/// Audit events as JSON Lines, to a file or standard error.
struct JsonlAudit(Mutex<Box<dyn Write + Send>>);

impl AuditSink for JsonlAudit {
    fn record(&self, event: &AuditEvent) {
        let mut line = serde_json::to_vec(event).expect("audit events serialise");
        line.push(b'\n');
        if let Ok(mut out) = self.0.lock() {
            if out.write_all(&line).and_then(|_| out.flush()).is_err() {
                eprintln!("piimask: could not write the audit log");
            }
        }
    }
}

fn read_vault(path: &PathBuf) -> Result<FileVault, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read vault {}: {e}", path.display()))?;
    let mut map = HashMap::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        #[derive(serde::Deserialize)]
        struct Entry {
            token: String,
            value: String,
        }
        let entry: Entry = serde_json::from_str(line).map_err(|_| {
            format!(
                "vault {}: line {} is not {{\"token\", \"value\"}}",
                path.display(),
                i + 1
            )
        })?;
        map.insert(entry.token, entry.value);
    }
    Ok(FileVault(map))
}

/// Runs `piimask reveal`.
pub fn run(opts: RevealOptions) -> Outcome {
    let scanner = base_builder(opts.config.as_deref(), opts.key_file.as_deref())?
        .build()
        .map_err(|e| e.to_string())?;
    let vault = opts.vault.as_ref().map(read_vault).transpose()?;
    let sink: Box<dyn Write + Send> = match &opts.audit_log {
        Some(path) => Box::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| format!("cannot open audit log {}: {e}", path.display()))?,
        ),
        None => Box::new(io::stderr()),
    };
    let audit = JsonlAudit(Mutex::new(sink));
    let region = opts
        .region
        .as_deref()
        .map(Region::new)
        .transpose()
        .map_err(|e| e.to_string())?;
    let kind = Kind::from_name(&opts.kind);
    if kind.builtin_code().is_none() && !scanner.kinds().any(|k| *k == kind) {
        return Err(format!("unknown kind {:?}", opts.kind));
    }
    let request = RevealRequest {
        value: &opts.value,
        kind: &kind,
        role: &opts.role,
        actor: &opts.actor,
        conversation: opts.conversation.as_deref(),
        region,
    };
    match scanner.reveal(
        &request,
        vault.as_ref().map(|v| v as &dyn TokenVault),
        &audit,
    ) {
        Ok(value) => {
            println!("{value}");
            Ok(true)
        }
        Err(e) => {
            eprintln!("piimask: {e}");
            Ok(false)
        }
    }
}
