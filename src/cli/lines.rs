//! `piimask scan` and `piimask redact`: the line pipeline they share.
//!
//! Every input line gives one output line, whatever bytes it holds (the
//! rules: docs/input.md). A line that cannot be processed never stops the
//! run: it is answered by an `{"error": …, "line": N}` line (in plain text,
//! an empty line and a message on standard error), counted, and makes the
//! exit code 1.
//!
//! For throughput on large archives, input is read in blocks of whole lines
//! that worker threads process in parallel (one shared scanner), and output
//! is written back in input order. JSON objects are not rebuilt: every field
//! but `"text"` is copied through as the raw JSON text it was.
//!
//! Long runs show a progress bar on standard error when it is a terminal,
//! and the closing summary line ends with the time taken and MB/s
//! (`super::progress`, shared with the `--format` paths).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use serde::de::DeserializeSeed;

use super::json::{json_str, lone_surrogates_replaced, recycle, Field, Fields, FieldsSeed};

use super::common::{build_scanner, open_input, thread_count, Options, Spare};
use super::progress::{input_size, Progress, Rate};
use super::Outcome;
use crate::{Finding, Region, Scanner};

/// Why one input line could not be processed. Never holds message text.
type LineError = String;

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

/// What to do with a JSON Lines line that is not a JSON object at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Malformed {
    /// Answer it with `{"error": …, "line": N}` (its text is not written).
    #[default]
    Error,
    /// Treat it as a plain-text message: redacted (or scanned) as `--plain`
    /// would.
    Redact,
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
    /// Invalid UTF-8 in plain-text output becomes U+FFFD (else it is
    /// passed through unchanged).
    pub lossy: bool,
    /// JSON Lines: what becomes of a line that is not a JSON object.
    pub malformed: Malformed,
}

/// What became of invalid data in the line being processed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Invalid {
    /// None there (or none that the output had to change).
    #[default]
    None,
    /// Invalid UTF-8 or lone surrogates were read as U+FFFD.
    Replaced,
    /// Invalid UTF-8 bytes were copied to the output unchanged.
    PassedThrough,
}

struct Worker<'s> {
    job: &'s Job<'s>,
    findings: Vec<Finding>,
    masked: Vec<u8>,
    /// The fields of the line being read; empty between lines.
    fields: Vec<Field<'static>>,
    /// Invalid data met in the line being processed.
    invalid: Invalid,
    /// The line being processed was not JSON and went through as plain text.
    as_plain: bool,
}

fn write_json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(out, s).expect("writing to a Vec cannot fail");
}

/// U+FFFD, for what cannot be decoded.
const REPLACEMENT: &str = "\u{FFFD}";

/// A UTF-8 byte order mark, which some exporters put before the first line.
const BOM: &str = "\u{FEFF}";

/// Why `serde_json` rejected a line, without its position suffix. Only
/// syntax and end-of-input errors come here: their messages are fixed texts
/// that never quote the input (data errors, which can, are not used).
fn syntax_problem(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let what = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(what, _)| what);
    format!("invalid JSON at column {}: {what}", e.column())
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

    /// Processes one line (without its line end) into `out`; returns the
    /// number of findings. On error `out` may hold partial output, which
    /// the caller discards.
    fn line(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, LineError> {
        self.invalid = Invalid::None;
        self.as_plain = false;
        if self.job.format == Format::Plain {
            return self.plain(line, out);
        }
        // JSON is UTF-8: invalid bytes are read as U+FFFD.
        let json = match std::str::from_utf8(line) {
            Ok(json) => Cow::Borrowed(json),
            Err(_) => {
                self.invalid = Invalid::Replaced;
                String::from_utf8_lossy(line)
            }
        };
        let json = json.strip_prefix(BOM).unwrap_or(&json);
        let fixed = lone_surrogates_replaced(json);
        if fixed.is_some() {
            self.invalid = Invalid::Replaced;
        }
        let json = fixed.as_deref().unwrap_or(json);
        if json.bytes().all(|b| b.is_ascii_whitespace()) {
            // A blank line stays a blank line: output lines match input lines.
            return Ok(0);
        }
        let mut fields = Fields(recycle(std::mem::take(&mut self.fields)));
        let result = match parse_object(json, &mut fields) {
            Ok(()) => self.object(&fields, out),
            Err(_) if self.job.malformed == Malformed::Redact => {
                out.clear();
                self.invalid = Invalid::None;
                self.as_plain = true;
                self.plain(line, out)
            }
            Err(problem) => Err(problem),
        };
        self.fields = recycle(fields.0);
        result
    }

    /// Processes a line that is a message as it stands. Redacted output is
    /// the line's own bytes outside the masked spans; a scan writes JSON.
    fn plain(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, LineError> {
        let scanner = self.job.scanner;
        let region = scanner.region();
        if std::str::from_utf8(line).is_err() {
            return self.plain_invalid(line, out);
        }
        match self.job.mode {
            Mode::Redact => {
                scanner
                    .redact_role_into(
                        line,
                        region,
                        self.job.role,
                        &mut self.findings,
                        &mut self.masked,
                    )
                    .map_err(|e| e.to_string())?;
                out.extend_from_slice(&self.masked);
            }
            Mode::Scan => {
                scanner.scan_into(line, region, &mut self.findings);
                let text = std::str::from_utf8(line).map_err(|_| "text is not UTF-8")?;
                self.write_scan(text, out);
            }
        }
        Ok(self.findings.len())
    }

    /// [`Self::plain`] for a line with invalid UTF-8. Each valid stretch
    /// is a text of its own: no finding spans an invalid byte nor takes
    /// context (a `#` before a number, a keyword) from across one, so every
    /// number or address a stretch holds is found as if it stood alone.
    /// Redacted, each invalid sequence is passed through (or becomes U+FFFD
    /// with `lossy`); a scan reports on the text with U+FFFD for each, as
    /// JSON can hold no other.
    fn plain_invalid(&mut self, line: &[u8], out: &mut Vec<u8>) -> Result<usize, LineError> {
        let scanner = self.job.scanner;
        let region = scanner.region();
        let lossy = self.job.lossy || self.job.mode == Mode::Scan;
        self.invalid = if lossy {
            Invalid::Replaced
        } else {
            Invalid::PassedThrough
        };
        let mut findings = Vec::new();
        let mut text = Vec::with_capacity(line.len() + 8);
        for chunk in line.utf8_chunks() {
            let stretch = chunk.valid().as_bytes();
            let offset = text.len();
            if self.job.mode == Mode::Redact {
                scanner
                    .redact_role_into(
                        stretch,
                        region,
                        self.job.role,
                        &mut self.findings,
                        &mut self.masked,
                    )
                    .map_err(|e| e.to_string())?;
                text.extend_from_slice(&self.masked);
            } else {
                scanner.scan_into(stretch, region, &mut self.findings);
                text.extend_from_slice(stretch);
            }
            findings.extend(self.findings.drain(..).map(|mut f| {
                f.start += offset;
                f.end += offset;
                f
            }));
            match chunk.invalid() {
                [] => {}
                _ if lossy => text.extend_from_slice(REPLACEMENT.as_bytes()),
                invalid => text.extend_from_slice(invalid),
            }
        }
        self.findings = findings;
        if self.job.mode == Mode::Redact {
            out.extend_from_slice(&text);
        } else {
            let text = std::str::from_utf8(&text).map_err(|_| "text is not UTF-8")?;
            self.write_scan(text, out);
        }
        Ok(self.findings.len())
    }

    /// Writes a plain-text line's scan: `{"text": …, "findings": […]}`.
    fn write_scan(&self, text: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"text\":");
        write_json_str(out, text);
        out.extend_from_slice(b",\"findings\":");
        self.write_findings(text, out);
        out.push(b'}');
    }

    /// Processes one JSON object line, read into `fields`.
    fn object(&mut self, fields: &Fields<'_>, out: &mut Vec<u8>) -> Result<usize, LineError> {
        let scanner = self.job.scanner;
        let redact = self.job.mode == Mode::Redact;
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

    /// Processes a block of whole lines.
    fn block(&mut self, block: &Block, mut out: Vec<u8>) -> Done {
        out.clear();
        out.reserve(block.data.len() * 2);
        let mut done = Done {
            seq: block.seq,
            out,
            counts: Counts::default(),
            problems: Vec::new(),
            bytes: block.data.len(),
        };
        let mut scratch = Vec::new();
        let data = &block.data[..];
        // Lines end at a newline (found with memchr, not byte by byte); the
        // last one may lack it.
        let ends = memchr::memchr_iter(b'\n', data)
            .chain((data.last() != Some(&b'\n') && !data.is_empty()).then_some(data.len()));
        let mut start = 0;
        // Redacted plain text is a copy of the input: each line keeps its
        // own line end (LF, CRLF, or none on a last line). Other output is
        // JSON Lines, every line ending in LF.
        let copy = self.job.format == Format::Plain && self.job.mode == Mode::Redact;
        for (i, end) in ends.enumerate() {
            let line = &data[start..end];
            start = end + 1;
            let (line, cr) = match line.strip_suffix(b"\r") {
                Some(line) => (line, true),
                None => (line, false),
            };
            scratch.clear();
            match self.line(line, &mut scratch) {
                Ok(count) => {
                    done.counts.found += count;
                    done.counts.done += 1;
                    done.out.extend_from_slice(&scratch);
                }
                Err(error) => {
                    let line_no = block.first_line + i;
                    done.counts.failed += 1;
                    // Fail closed: whatever the line produced is dropped.
                    if self.job.format == Format::Plain {
                        // Plain text stays plain: an empty line stands for
                        // it, and the problem goes to standard error.
                        if done.problems.len() < MAX_PROBLEMS {
                            done.problems.push(format!("line {line_no}: {error}"));
                        }
                    } else {
                        done.out.extend_from_slice(b"{\"error\":");
                        write_json_str(&mut done.out, &error);
                        write!(done.out, ",\"line\":{line_no}}}").expect("Vec write");
                    }
                }
            }
            match self.invalid {
                Invalid::None => {}
                Invalid::Replaced => done.counts.replaced += 1,
                Invalid::PassedThrough => done.counts.passed_through += 1,
            }
            done.counts.as_plain += usize::from(self.as_plain);
            if copy {
                if cr {
                    done.out.push(b'\r');
                }
                if end < data.len() {
                    done.out.push(b'\n');
                }
            } else {
                done.out.push(b'\n');
            }
        }
        done
    }
}

/// Reads a JSON object's fields into `fields`; the error names the problem
/// (without quoting the line).
fn parse_object<'l>(json: &'l str, fields: &mut Fields<'l>) -> Result<(), LineError> {
    let mut de = serde_json::Deserializer::from_str(json);
    FieldsSeed(&mut fields.0)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| {
            if e.is_data() {
                "line is not a JSON object".to_string()
            } else {
                syntax_problem(&e)
            }
        })
}

/// How many problems of plain-text lines a block reports on standard
/// error (they are all counted).
const MAX_PROBLEMS: usize = 20;

/// Line counts of a block or a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Lines redacted (or scanned) and written.
    pub done: usize,
    /// Lines answered with an error.
    pub failed: usize,
    /// Lines where invalid UTF-8 or lone surrogates were read as U+FFFD.
    pub replaced: usize,
    /// Lines whose invalid UTF-8 was passed through unchanged.
    pub passed_through: usize,
    /// JSON Lines input: lines that were not JSON, treated as plain text.
    pub as_plain: usize,
    /// Findings in all lines.
    pub found: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.done += other.done;
        self.failed += other.failed;
        self.replaced += other.replaced;
        self.passed_through += other.passed_through;
        self.as_plain += other.as_plain;
        self.found += other.found;
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
    counts: Counts,
    /// Problems of plain-text lines, for standard error (a few at most).
    problems: Vec<String>,
    /// Input bytes of the block, for the progress bar and throughput.
    bytes: usize,
}

const BLOCK_BYTES: usize = 1 << 18;

/// Reads the next block of whole lines (the last line may lack a newline)
/// into `data`, after what `carry` held over from the block before.
fn read_block(
    input: &mut (dyn BufRead + Send),
    carry: &mut Vec<u8>,
    mut data: Vec<u8>,
) -> io::Result<Option<Vec<u8>>> {
    data.clear();
    data.append(carry);
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
            Some(i) => {
                carry.extend_from_slice(&data[i + 1..]);
                data.truncate(i + 1);
            }
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Scan or redact (the summary names what was done to the lines).
    pub mode: Option<Mode>,
    /// Input lines read: `counts.done + counts.failed`.
    pub lines: usize,
    /// Input bytes read.
    pub bytes: u64,
    /// What became of them.
    pub counts: Counts,
    /// The first problems of plain-text lines (each `line N: why`), which
    /// have no error line in the output to tell them.
    pub problems: Vec<String>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.counts;
        let verb = match self.mode {
            Some(Mode::Scan) => "scanned",
            _ => "redacted",
        };
        write!(
            f,
            "{} lines, {} {verb}, {} failed, {} with invalid data ({} replaced, {} passed through), {} findings",
            self.lines,
            c.done,
            c.failed,
            c.replaced + c.passed_through,
            c.replaced,
            c.passed_through,
            c.found,
        )?;
        if c.as_plain > 0 {
            write!(f, ", {} not JSON read as plain text", c.as_plain)?;
        }
        Ok(())
    }
}

/// Runs `piimask scan` (`Mode::Scan`) or `piimask redact`.
pub fn run(opts: Options, mode: Mode) -> Outcome {
    if let Some(outcome) = super::archive::dispatch(&opts, mode) {
        return outcome;
    }
    let scanner = build_scanner(&opts)?;
    let mut input = open_input(opts.file.as_deref())?;
    let threads = thread_count(opts.threads);
    let start = Instant::now();
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
        lossy: opts.lossy,
        malformed: opts.malformed,
    };
    let mut writer = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut progress = Progress::new(input_size(opts.file.as_deref()), "lines");
    let result = process_with_progress(&job, &mut *input, &mut writer, &mut progress);
    progress.finish();
    let summary = result?;
    writer.flush().map_err(|e| format!("write error: {e}"))?;
    for problem in &summary.problems {
        eprintln!("piimask: {problem}");
    }
    let unreported = summary.counts.failed.saturating_sub(summary.problems.len());
    if job.format == Format::Plain && unreported > 0 {
        eprintln!("piimask: {unreported} more lines failed");
    }
    let rate = Rate {
        bytes: summary.bytes,
        elapsed: start.elapsed(),
    };
    eprintln!("piimask: {summary} {rate}");
    Ok(summary.counts.failed == 0)
}

/// Reads every line of `input`, processes it as `job` says and writes the
/// answers to `output` in input order (the caller flushes it).
pub fn process(
    job: &Job<'_>,
    input: &mut (dyn BufRead + Send),
    output: &mut dyn Write,
) -> Result<Summary, String> {
    process_with_progress(job, input, output, &mut Progress::quiet())
}

/// [`process`], reporting bytes and lines written to `progress` as it goes.
pub fn process_with_progress(
    job: &Job<'_>,
    input: &mut (dyn BufRead + Send),
    output: &mut dyn Write,
    progress: &mut Progress,
) -> Result<Summary, String> {
    let threads = job.threads.max(1);
    let mut summary = Summary {
        mode: Some(job.mode),
        ..Summary::default()
    };

    // Bounded queues keep memory flat however large the input is.
    let (work_tx, work_rx) = mpsc::sync_channel::<Block>(threads);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(threads);
    // Set when the output fails (`… | head` closed the pipe): the reader
    // stops reading and the workers drop what is queued, so the run ends
    // now rather than after the rest of the input.
    let stopped = AtomicBool::new(false);
    let (spare_inputs, spare_outputs) = (Spare::default(), Spare::default());
    std::thread::scope(|scope| -> Result<(), String> {
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (work_rx, done_tx, stopped) = (&work_rx, done_tx.clone(), &stopped);
            let (spare_inputs, spare_outputs) = (&spare_inputs, &spare_outputs);
            workers.push(scope.spawn(move || {
                let mut worker = Worker {
                    job,
                    findings: Vec::new(),
                    masked: Vec::new(),
                    fields: Vec::new(),
                    invalid: Invalid::None,
                    as_plain: false,
                };
                loop {
                    let block = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(block) = block else { return };
                    if stopped.load(Ordering::Relaxed) {
                        continue;
                    }
                    let done = worker.block(&block, spare_outputs.take());
                    spare_inputs.give(block.data);
                    if done_tx.send(done).is_err() {
                        return;
                    }
                }
            }));
        }
        drop(done_tx);
        let stopped = &stopped;
        let spare_inputs = &spare_inputs;
        let reader = scope.spawn(move || -> Result<usize, String> {
            let mut carry = Vec::new();
            let (mut seq, mut next_line) = (0, 1);
            while !stopped.load(Ordering::Relaxed) {
                let Some(data) = read_block(input, &mut carry, spare_inputs.take())
                    .map_err(|e| format!("read error: {e}"))?
                else {
                    break;
                };
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
                summary.counts += done.counts;
                summary.bytes += done.bytes as u64;
                progress.update(summary.bytes, summary.counts.done + summary.counts.failed);
                let room = MAX_PROBLEMS.saturating_sub(summary.problems.len());
                summary
                    .problems
                    .extend(done.problems.into_iter().take(room));
                if write_error.is_none() {
                    write_error = output.write_all(&done.out).err();
                    if write_error.is_some() {
                        stopped.store(true, Ordering::Relaxed);
                    }
                }
                spare_outputs.give(done.out);
                next += 1;
            }
        }
        // Every worker has returned (the answers' channel is closed);
        // joining them waits until their threads have exited too, which
        // the scope's end does not (see `join_all`).
        super::common::join_all(workers)?;
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
