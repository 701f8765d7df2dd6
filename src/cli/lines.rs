//! `piimask scan` and `piimask redact`: the line pipeline they share.
//!
//! A malformed line never stops the run: it is answered by an
//! `{"error": …, "line": N}` line, counted, and makes the exit code 1.
//!
//! For throughput on large archives, input is read in blocks of whole lines
//! that worker threads process in parallel (one shared scanner), and output
//! is written back in input order. JSON objects are not rebuilt: every field
//! but `"text"` is copied through as the raw JSON text it was.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::sync::mpsc;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::common::{build_scanner, open_input, thread_count, Options};
use super::Outcome;
use crate::{Finding, Region, Scanner};

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

/// Whether findings are reported or masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `scan`: each line comes back with its findings.
    Scan,
    /// `redact`: each line comes back masked.
    Redact,
}

/// How input lines are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line, the message in its `"text"` field.
    JsonLines,
    /// Each line is a message.
    Plain,
}

/// What a run needs: the scanner and the mode; buffers are per worker.
pub struct Job<'s> {
    /// The scanner every worker shares.
    pub scanner: &'s Scanner,
    /// The role to redact as (`None`: the policy's default).
    pub role: Option<&'s str>,
    /// Scan or redact.
    pub mode: Mode,
    /// How lines are read.
    pub format: Format,
    /// Worker threads (at least one).
    pub threads: usize,
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
        let redact = self.job.mode == Mode::Redact;
        if self.job.format == Format::Plain {
            let region = scanner.region();
            if redact {
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
        let redact = self.job.mode == Mode::Redact;
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
        if redact {
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
            if redact && key == "text" {
                let masked = std::str::from_utf8(&self.masked)
                    .map_err(|_| "masked text is not UTF-8".to_string())?;
                write_json_str(out, masked);
            } else {
                out.extend_from_slice(value.get().as_bytes());
            }
        }
        if !redact {
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
        let plain = self.job.format == Format::Plain;
        for (i, end) in ends.enumerate() {
            let line = &data[start..end];
            start = end + 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if !plain && line.iter().all(u8::is_ascii_whitespace) {
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

/// What a run did, for the closing line on standard error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input lines read.
    pub lines: usize,
    /// Findings in all lines.
    pub found: usize,
    /// Lines answered with an error.
    pub failed: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} lines, {} findings, {} failed",
            self.lines, self.found, self.failed
        )
    }
}

/// Runs `piimask scan` (`Mode::Scan`) or `piimask redact`.
pub fn run(opts: Options, mode: Mode) -> Outcome {
    let scanner = build_scanner(&opts)?;
    let mut input = open_input(opts.file.as_deref())?;
    let threads = thread_count(opts.threads);
    if let Some(role) = &opts.role {
        scanner.policy().role(role).map_err(|e| e.to_string())?;
    }
    let job = Job {
        scanner: &scanner,
        role: opts.role.as_deref(),
        mode,
        format: if opts.plain {
            Format::Plain
        } else {
            Format::JsonLines
        },
        threads,
    };
    let mut writer = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let summary = process(&job, &mut *input, &mut writer)?;
    writer.flush().map_err(|e| format!("write error: {e}"))?;
    eprintln!("piimask: {summary}");
    Ok(summary.failed == 0)
}

/// Reads every line of `input`, processes it as `job` says and writes the
/// answers to `output` in input order (the caller flushes it).
pub fn process(
    job: &Job<'_>,
    input: &mut (dyn BufRead + Send),
    output: &mut dyn Write,
) -> Result<Summary, String> {
    let threads = job.threads.max(1);
    let mut summary = Summary::default();

    // Bounded queues keep memory flat however large the input is.
    let (work_tx, work_rx) = mpsc::sync_channel::<Block>(threads);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(threads);
    std::thread::scope(|scope| -> Result<(), String> {
        for _ in 0..threads {
            let (work_rx, done_tx) = (&work_rx, done_tx.clone());
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
                read_block(input, &mut carry).map_err(|e| format!("read error: {e}"))?
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
                summary.found += done.found;
                summary.failed += done.failed;
                if write_error.is_none() {
                    write_error = output.write_all(&done.out).err();
                }
                next += 1;
            }
        }
        summary.lines = reader
            .join()
            .map_err(|_| "reader thread failed".to_string())??;
        if let Some(e) = write_error {
            return Err(format!("write error: {e}"));
        }
        Ok(())
    })?;
    Ok(summary)
}
