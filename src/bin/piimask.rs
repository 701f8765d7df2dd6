//! `piimask`: scan or redact chat logs (JSON Lines or plain text) in bulk.
//!
//! A thin layer over the library: argument parsing, line I/O and JSON
//! plumbing. A malformed line never stops the run: it is answered by an
//! `{"error": …, "line": N}` line, counted, and makes the exit code 1.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use piimask::{Config, Finding, Kind, Region, Scanner};
use serde_json::{json, Map, Value};

#[derive(Parser)]
#[command(
    name = "piimask",
    version,
    about = "Find and mask personal data in chat messages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report findings: each input object comes back with a "findings" array
    /// (kind, start, end as UTF-8 byte offsets into "text", text, confidence,
    /// normalized).
    Scan(Options),
    /// Mask findings: each input object comes back with "text" masked.
    Redact(Options),
}

#[derive(Args)]
struct Options {
    /// Default region hint (ISO 3166 alpha-2); a line's own "region" wins.
    #[arg(long)]
    region: Option<String>,
    /// Only these kinds, comma-separated (e.g. phone,email).
    #[arg(long, value_delimiter = ',')]
    kinds: Option<Vec<String>>,
    /// JSON configuration file (the schema the C ABI takes).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Input lines are messages, not JSON objects.
    #[arg(long)]
    plain: bool,
    /// Input file (JSON Lines); standard input when absent.
    file: Option<PathBuf>,
}

/// Why one input line could not be processed. Never holds message text.
type LineError = String;

struct Run {
    scanner: Scanner,
    redact: bool,
    plain: bool,
    findings: Vec<Finding>,
    masked: Vec<u8>,
}

impl Run {
    fn region(&self, object: &Map<String, Value>) -> Result<Option<Region>, LineError> {
        match object.get("region") {
            None | Some(Value::Null) => Ok(self.scanner.region()),
            Some(Value::String(code)) => Region::new(code).map(Some).map_err(|e| e.to_string()),
            Some(_) => Err("\"region\" must be a string".into()),
        }
    }

    fn findings_json(&self, text: &str) -> Value {
        Value::Array(
            self.findings
                .iter()
                .map(|f| {
                    json!({
                        "kind": f.kind.name(),
                        "start": f.start,
                        "end": f.end,
                        "text": &text[f.range()],
                        "confidence": f.confidence,
                        "normalized": f.normalized,
                    })
                })
                .collect(),
        )
    }

    /// Processes one line into `out` (without the newline).
    fn line(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, LineError> {
        let line = std::str::from_utf8(line).map_err(|_| "line is not valid UTF-8".to_string())?;
        if self.plain {
            let region = self.scanner.region();
            return if self.redact {
                self.scanner
                    .redact_into(
                        line.as_bytes(),
                        region,
                        &mut self.findings,
                        &mut self.masked,
                    )
                    .map_err(|e| e.to_string())?;
                out.extend_from_slice(&self.masked);
                Ok(self.findings.len())
            } else {
                self.scanner
                    .scan_into(line.as_bytes(), region, &mut self.findings);
                let value = json!({ "text": line, "findings": self.findings_json(line) });
                serde_json::to_writer(out, &value).map_err(|e| e.to_string())?;
                Ok(self.findings.len())
            };
        }
        let mut value: Value = serde_json::from_str(line)
            .map_err(|e| format!("invalid JSON at column {}", e.column()))?;
        let object = value.as_object_mut().ok_or("line is not a JSON object")?;
        let region = self.region(object)?;
        let text = match object.get("text") {
            Some(Value::String(text)) => text.clone(),
            Some(_) => return Err("\"text\" must be a string".into()),
            None => return Err("missing \"text\"".into()),
        };
        if self.redact {
            self.scanner
                .redact_into(
                    text.as_bytes(),
                    region,
                    &mut self.findings,
                    &mut self.masked,
                )
                .map_err(|e| e.to_string())?;
            let masked = String::from_utf8(std::mem::take(&mut self.masked))
                .map_err(|_| "masked text is not UTF-8")?;
            object.insert("text".into(), Value::String(masked));
        } else {
            self.scanner
                .scan_into(text.as_bytes(), region, &mut self.findings);
            let findings = self.findings_json(&text);
            object.insert("findings".into(), findings);
        }
        serde_json::to_writer(out, &value).map_err(|e| e.to_string())?;
        Ok(self.findings.len())
    }
}

fn build_scanner(opts: &Options) -> Result<Scanner, String> {
    let mut builder = Scanner::builder();
    if let Some(path) = &opts.config {
        let json = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let config = Config::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        builder = builder.config(&config);
    }
    if let Some(region) = &opts.region {
        builder = builder.region(region);
    }
    if let Some(kinds) = &opts.kinds {
        builder = builder.kinds(kinds.iter().map(|k| Kind::from_name(k.trim())));
    }
    builder.build().map_err(|e| e.to_string())
}

fn run(opts: Options, redact: bool) -> Result<bool, String> {
    let scanner = build_scanner(&opts)?;
    let input: Box<dyn BufRead> = match &opts.file {
        Some(path) => Box::new(BufReader::with_capacity(
            1 << 16,
            File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?,
        )),
        None => Box::new(io::stdin().lock()),
    };
    let stdout = io::stdout().lock();
    let mut writer = BufWriter::with_capacity(1 << 16, stdout);
    let mut run = Run {
        scanner,
        redact,
        plain: opts.plain,
        findings: Vec::new(),
        masked: Vec::new(),
    };
    let (mut lines, mut failed, mut found) = (0usize, 0usize, 0usize);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut reader = input;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("read error: {e}"))?;
        if n == 0 {
            break;
        }
        lines += 1;
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) && !opts.plain {
            continue;
        }
        out.clear();
        match run.line(line, &mut out) {
            Ok(count) => found += count,
            Err(error) => {
                failed += 1;
                out.clear();
                serde_json::to_writer(&mut out, &json!({ "error": error, "line": lines }))
                    .map_err(|e| e.to_string())?;
            }
        }
        out.push(b'\n');
        writer
            .write_all(&out)
            .map_err(|e| format!("write error: {e}"))?;
    }
    writer.flush().map_err(|e| format!("write error: {e}"))?;
    eprintln!("piimask: {lines} lines, {found} findings, {failed} failed");
    Ok(failed == 0)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(opts) => run(opts, false),
        Command::Redact(opts) => run(opts, true),
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
