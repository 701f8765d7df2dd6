//! `piimask`: scan or redact chat logs (JSON Lines or plain text) in bulk.
//!
//! A thin layer over the library: argument parsing, line I/O and JSON
//! plumbing. A malformed line never stops the run: it is answered by an
//! `{"error": …, "line": N}` line, counted, and makes the exit code 1.
//!
//! For throughput on large archives, input is read in blocks of whole lines
//! that worker threads process in parallel (one shared scanner), and output
//! is written back in input order. JSON objects are not rebuilt: every field
//! but `"text"` is copied through as the raw JSON text it was.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use clap::{Args, Parser, Subcommand};
use piimask::policy::{AuditEvent, AuditSink, Key, RevealRequest, TokenVault};
use piimask::{Config, Finding, Kind, Region, Scanner, ScannerBuilder};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

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
    /// Reveal a token or FPE value for a role allowed to reveal; every
    /// attempt is written to the audit log.
    Reveal(RevealOptions),
}

#[derive(Args)]
struct RevealOptions {
    /// The role asking (it must be allowed to reveal).
    #[arg(long)]
    role: String,
    /// Who is asking; recorded in the audit log.
    #[arg(long)]
    actor: String,
    /// The kind of the value (phone, email, credit_card …).
    #[arg(long)]
    kind: String,
    /// The conversation the value came from; recorded.
    #[arg(long)]
    conversation: Option<String>,
    /// Region hint to read an FPE phone number in national format.
    #[arg(long)]
    region: Option<String>,
    /// JSON configuration file (policy and roles).
    #[arg(long)]
    config: Option<PathBuf>,
    /// File holding the tenant key (raw bytes, at least 16).
    #[arg(long)]
    key_file: Option<PathBuf>,
    /// Token vault: JSON Lines of {"token": …, "value": …}.
    #[arg(long)]
    vault: Option<PathBuf>,
    /// Append audit events (JSON Lines) here; standard error when absent.
    #[arg(long)]
    audit_log: Option<PathBuf>,
    /// The token or FPE value to reveal.
    value: String,
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
    /// Worker threads (default: the number of CPUs).
    #[arg(long)]
    threads: Option<usize>,
    /// Redact as this role sees the text (see the README's roles table);
    /// the policy's default role, or the typed masks, when absent.
    #[arg(long)]
    role: Option<String>,
    /// File holding the tenant key (raw bytes, at least 16) for the keyed
    /// operators (token, hash, fpe).
    #[arg(long)]
    key_file: Option<PathBuf>,
    /// Input file (JSON Lines); standard input when absent.
    file: Option<PathBuf>,
}

/// Why one input line could not be processed. Never holds message text.
type LineError = String;

/// One field of a JSON object: its key and its value as raw JSON text.
type Field<'a> = (Cow<'a, str>, &'a RawValue);

/// The fields of one JSON object, in order, values left as raw JSON text.
struct Fields<'a>(Vec<Field<'a>>);

/// Reads a JSON object's fields into a vector the caller lends (a worker
/// reuses one allocation for every line).
struct FieldsSeed<'v, 'a>(&'v mut Vec<Field<'a>>);

impl<'de: 'a, 'a> DeserializeSeed<'de> for FieldsSeed<'_, 'a> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        struct FieldsVisitor<'v, 'a>(&'v mut Vec<Field<'a>>);
        impl<'de: 'a, 'a> Visitor<'de> for FieldsVisitor<'_, 'a> {
            type Value = ();
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while let Some(entry) = map.next_entry::<Cow<'de, str>, &'de RawValue>()? {
                    self.0.push(entry);
                }
                Ok(())
            }
        }
        deserializer.deserialize_map(FieldsVisitor(self.0))
    }
}

/// Empties `fields` and hands its allocation back for fields of another
/// line (the collect reuses the buffer in place: same size and alignment).
fn recycle<'b>(mut fields: Vec<Field<'_>>) -> Vec<Field<'b>> {
    fields.clear();
    fields
        .into_iter()
        .map(|_| unreachable!("emptied"))
        .collect()
}

impl Fields<'_> {
    /// The last value of `key` (JSON's usual reading of duplicate keys).
    fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

/// The string a raw JSON value holds, borrowed when it has no escapes (the
/// common case: no second parse, no copy); `None` when it is no string.
fn json_str(raw: &RawValue) -> Option<Cow<'_, str>> {
    let raw = raw.get();
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if memchr::memchr(b'\\', inner.as_bytes()).is_none() {
        // The deserializer checked the string: no control characters, and
        // a quote inside would have been escaped.
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str(raw).ok()
}

/// What a worker needs: the scanner and the mode; buffers are per worker.
struct Job<'s> {
    scanner: &'s Scanner,
    role: Option<&'s str>,
    redact: bool,
    plain: bool,
}

struct Worker<'s> {
    job: &'s Job<'s>,
    findings: Vec<Finding>,
    masked: Vec<u8>,
    /// The fields of the line being read; empty between lines.
    fields: Vec<Field<'static>>,
}

fn write_json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(out, s).expect("writing to a Vec cannot fail");
}

impl Worker<'_> {
    fn region(&self, fields: &Fields<'_>) -> Result<Option<Region>, LineError> {
        match fields.get("region") {
            None => Ok(self.job.scanner.region()),
            Some(raw) if raw.get() == "null" => Ok(self.job.scanner.region()),
            Some(raw) => {
                let code =
                    json_str(raw).ok_or_else(|| "\"region\" must be a string".to_string())?;
                Region::new(&code).map(Some).map_err(|e| e.to_string())
            }
        }
    }

    fn write_findings(&self, text: &str, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, f) in self.findings.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"kind\":");
            write_json_str(out, f.kind.name());
            write!(out, ",\"start\":{},\"end\":{},\"text\":", f.start, f.end).expect("Vec write");
            write_json_str(out, &text[f.range()]);
            out.extend_from_slice(b",\"confidence\":");
            serde_json::to_writer(&mut *out, &f.confidence).expect("Vec write");
            out.extend_from_slice(b",\"normalized\":");
            write_json_str(out, &f.normalized);
            out.push(b'}');
        }
        out.push(b']');
    }

    /// Processes one line into `out` (without the newline); returns the
    /// number of findings. On error `out` may hold partial output, which
    /// the caller discards.
    fn line(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, LineError> {
        let line = std::str::from_utf8(line).map_err(|_| "line is not valid UTF-8".to_string())?;
        let scanner = self.job.scanner;
        if self.job.plain {
            let region = scanner.region();
            if self.job.redact {
                scanner
                    .redact_role_into(
                        line.as_bytes(),
                        region,
                        self.job.role,
                        &mut self.findings,
                        &mut self.masked,
                    )
                    .map_err(|e| e.to_string())?;
                out.extend_from_slice(&self.masked);
            } else {
                scanner.scan_into(line.as_bytes(), region, &mut self.findings);
                out.extend_from_slice(b"{\"text\":");
                write_json_str(out, line);
                out.extend_from_slice(b",\"findings\":");
                self.write_findings(line, out);
                out.push(b'}');
            }
            return Ok(self.findings.len());
        }
        let mut fields = Fields(recycle(std::mem::take(&mut self.fields)));
        let result = self.object(line, &mut fields, out);
        self.fields = recycle(fields.0);
        result
    }

    /// Processes one JSON object line, its fields read into `fields`.
    fn object<'l>(
        &mut self,
        line: &'l str,
        fields: &mut Fields<'l>,
        out: &mut Vec<u8>,
    ) -> Result<usize, LineError> {
        let scanner = self.job.scanner;
        let mut de = serde_json::Deserializer::from_str(line);
        FieldsSeed(&mut fields.0)
            .deserialize(&mut de)
            .and_then(|()| de.end())
            .map_err(|e| {
                if e.is_data() {
                    "line is not a JSON object".to_string()
                } else {
                    format!("invalid JSON at column {}", e.column())
                }
            })?;
        let fields = &*fields;
        let region = self.region(fields)?;
        let text = match fields.get("text") {
            Some(raw) => json_str(raw).ok_or_else(|| "\"text\" must be a string".to_string())?,
            None => return Err("missing \"text\"".into()),
        };
        if self.job.redact {
            scanner
                .redact_role_into(
                    text.as_bytes(),
                    region,
                    self.job.role,
                    &mut self.findings,
                    &mut self.masked,
                )
                .map_err(|e| e.to_string())?;
        } else {
            scanner.scan_into(text.as_bytes(), region, &mut self.findings);
        }
        out.push(b'{');
        for (i, (key, value)) in fields.0.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_json_str(out, key);
            out.push(b':');
            if self.job.redact && key == "text" {
                let masked = std::str::from_utf8(&self.masked)
                    .map_err(|_| "masked text is not UTF-8".to_string())?;
                write_json_str(out, masked);
            } else {
                out.extend_from_slice(value.get().as_bytes());
            }
        }
        if !self.job.redact {
            out.extend_from_slice(b",\"findings\":");
            self.write_findings(&text, out);
        }
        out.push(b'}');
        Ok(self.findings.len())
    }

    /// Processes a block of whole lines starting at line number `first`.
    fn block(&mut self, block: &Block) -> Done {
        let mut done = Done {
            seq: block.seq,
            out: Vec::with_capacity(block.data.len() * 2),
            found: 0,
            failed: 0,
        };
        let mut scratch = Vec::new();
        let data = &block.data[..];
        // Lines end at a newline (found with memchr, not byte by byte); the
        // last one may lack it.
        let ends = memchr::memchr_iter(b'\n', data)
            .chain((data.last() != Some(&b'\n') && !data.is_empty()).then_some(data.len()));
        let mut start = 0;
        for (i, end) in ends.enumerate() {
            let line = &data[start..end];
            start = end + 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if !self.job.plain && line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            scratch.clear();
            match self.line(line, &mut scratch) {
                Ok(count) => {
                    done.found += count;
                    done.out.extend_from_slice(&scratch);
                }
                Err(error) => {
                    done.failed += 1;
                    // Fail closed: whatever the line produced is dropped.
                    done.out.extend_from_slice(b"{\"error\":");
                    write_json_str(&mut done.out, &error);
                    write!(done.out, ",\"line\":{}}}", block.first_line + i).expect("Vec write");
                }
            }
            done.out.push(b'\n');
        }
        done
    }
}

/// A run of whole input lines.
struct Block {
    seq: usize,
    first_line: usize,
    data: Vec<u8>,
}

/// A processed block, ready to be written in sequence.
struct Done {
    seq: usize,
    out: Vec<u8>,
    found: usize,
    failed: usize,
}

const BLOCK_BYTES: usize = 1 << 20;

/// Reads the next block of whole lines (the last line may lack a newline).
fn read_block(
    input: &mut (dyn BufRead + Send),
    carry: &mut Vec<u8>,
) -> io::Result<Option<Vec<u8>>> {
    let mut data = std::mem::take(carry);
    while data.len() < BLOCK_BYTES {
        let n =
            Read::take(&mut *input, (BLOCK_BYTES - data.len()) as u64).read_to_end(&mut data)?;
        if n == 0 {
            break;
        }
    }
    if data.is_empty() {
        return Ok(None);
    }
    // Keep whole lines; finish a long last line before handing it out.
    if data.last() != Some(&b'\n') {
        match memchr_last_newline(&data) {
            Some(i) => *carry = data.split_off(i + 1),
            None => {
                input.read_until(b'\n', &mut data)?;
            }
        }
    }
    Ok(Some(data))
}

fn memchr_last_newline(data: &[u8]) -> Option<usize> {
    data.iter().rposition(|&b| b == b'\n')
}

fn read_key(path: &PathBuf) -> Result<Key, String> {
    // The key bytes live in a zeroised buffer only as long as needed.
    let bytes = zeroize::Zeroizing::new(
        std::fs::read(path).map_err(|e| format!("cannot read key file {}: {e}", path.display()))?,
    );
    Key::new(&bytes).map_err(|e| format!("key file {}: {e}", path.display()))
}

fn base_builder(
    config: Option<&PathBuf>,
    key_file: Option<&PathBuf>,
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

fn build_scanner(opts: &Options) -> Result<Scanner, String> {
    let mut builder = base_builder(opts.config.as_ref(), opts.key_file.as_ref())?;
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
    let mut input: Box<dyn BufRead + Send> = match &opts.file {
        Some(path) => Box::new(BufReader::with_capacity(
            1 << 16,
            File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?,
        )),
        None => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
    };
    let threads = opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    if let Some(role) = &opts.role {
        scanner.policy().role(role).map_err(|e| e.to_string())?;
    }
    let job = Job {
        scanner: &scanner,
        role: opts.role.as_deref(),
        redact,
        plain: opts.plain,
    };
    let mut writer = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let (mut lines, mut found, mut failed) = (0usize, 0usize, 0usize);

    // Bounded queues keep memory flat however large the input is.
    let (work_tx, work_rx) = mpsc::sync_channel::<Block>(threads);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(threads);
    std::thread::scope(|scope| -> Result<(), String> {
        for _ in 0..threads {
            let (work_rx, done_tx, job) = (&work_rx, done_tx.clone(), &job);
            scope.spawn(move || {
                let mut worker = Worker {
                    job,
                    findings: Vec::new(),
                    masked: Vec::new(),
                    fields: Vec::new(),
                };
                loop {
                    let block = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(block) = block else { return };
                    if done_tx.send(worker.block(&block)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let reader = scope.spawn(move || -> Result<usize, String> {
            let mut carry = Vec::new();
            let (mut seq, mut next_line) = (0, 1);
            while let Some(data) =
                read_block(&mut *input, &mut carry).map_err(|e| format!("read error: {e}"))?
            {
                let count = memchr::memchr_iter(b'\n', &data).count()
                    + usize::from(data.last() != Some(&b'\n'));
                let block = Block {
                    seq,
                    first_line: next_line,
                    data,
                };
                next_line += count;
                seq += 1;
                if work_tx.send(block).is_err() {
                    break;
                }
            }
            Ok(next_line - 1)
        });
        // Write blocks back in input order.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut write_error = None;
        for done in done_rx {
            pending.insert(done.seq, done);
            while let Some(done) = pending.remove(&next) {
                found += done.found;
                failed += done.failed;
                if write_error.is_none() {
                    write_error = writer.write_all(&done.out).err();
                }
                next += 1;
            }
        }
        lines = reader
            .join()
            .map_err(|_| "reader thread failed".to_string())??;
        if let Some(e) = write_error {
            return Err(format!("write error: {e}"));
        }
        Ok(())
    })?;
    writer.flush().map_err(|e| format!("write error: {e}"))?;
    eprintln!("piimask: {lines} lines, {found} findings, {failed} failed");
    Ok(failed == 0)
}

/// A vault read from JSON Lines `{"token": …, "value": …}`.
struct FileVault(std::collections::HashMap<String, String>);

impl TokenVault for FileVault {
    fn lookup(&self, token: &str) -> Option<String> {
        self.0.get(token).cloned()
    }
}

/// Audit events as JSON Lines, to a file or standard error.
struct JsonlAudit(std::sync::Mutex<Box<dyn Write + Send>>);

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

fn reveal(opts: RevealOptions) -> Result<bool, String> {
    let scanner = base_builder(opts.config.as_ref(), opts.key_file.as_ref())?
        .build()
        .map_err(|e| e.to_string())?;
    let vault = match &opts.vault {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read vault {}: {e}", path.display()))?;
            let mut map = std::collections::HashMap::new();
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
            Some(FileVault(map))
        }
        None => None,
    };
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
    let audit = JsonlAudit(std::sync::Mutex::new(sink));
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(opts) => run(opts, false),
        Command::Redact(opts) => run(opts, true),
        Command::Reveal(opts) => reveal(opts),
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
