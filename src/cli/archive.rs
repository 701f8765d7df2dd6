//! `piimask redact --format whatsapp|csv|jsonl`: whole archives.
//!
//! WhatsApp exports, CSV dumps (`--columns`) and JSON Lines with the
//! message at a nested path (`--field payload.message.body`). The input is
//! read in blocks of whole records (about 1 MiB; a CSV record may span
//! lines inside quotes), redacted by `--threads` workers sharing one
//! scanner, and written back in input order. At most a few blocks per
//! thread are in memory at any time (a block is only read once an earlier
//! one has been written), so memory stays flat however large the archive.
//!
//! A progress bar (bytes, records, MB/s, ETA when the input is a file)
//! goes to standard error when it is a terminal; the closing summary line
//! gives the time taken and the throughput.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::sync::mpsc;
use std::time::Instant;

use clap::{Args, ValueEnum};

use super::common::{build_scanner, open_input, thread_count, Options, Spare};
use super::lines::Mode;
use super::progress::{input_size, Progress, Rate};
use super::Outcome;
use crate::formats::csv::{record_end, sep_line, unclosed_quote, CsvRedactor, RecordSplitter};
use crate::formats::json::{FieldPath, JsonFieldRedactor};
use crate::formats::whatsapp::{ExportRedactor, SenderState};
use crate::Scanner;

/// Archive formats, for `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ArchiveFormat {
    /// WhatsApp "Export chat" text (Android or iOS).
    Whatsapp,
    /// CSV with a header; `--columns` names the columns to redact.
    Csv,
    /// JSON Lines; `--field` names the string(s) to redact (default `text`).
    Jsonl,
}

/// The options of archive formats (flattened into `scan`/`redact`).
#[derive(Args, Clone, Debug, Default)]
pub struct ArchiveOptions {
    /// Archive format: whatsapp, csv or jsonl (redact only). Without it,
    /// input is JSON Lines with the message in "text" (or --plain).
    #[arg(long, value_enum)]
    pub format: Option<ArchiveFormat>,
    /// CSV: the columns to redact, by header name, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub columns: Option<Vec<String>>,
    /// CSV: the character between fields (`;`, `tab`, `|` …). Without it,
    /// the first of `,`, `;`, tab and `|` under which the header holds
    /// every column named by --columns.
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// JSON Lines: dotted path of the string(s) to redact (arrays apply
    /// the rest of the path to each element), e.g. payload.message.body.
    #[arg(long)]
    pub field: Option<String>,
    /// WhatsApp: replace sender names with stable pseudonyms (Contact 1,
    /// …), also in @mentions and system lines.
    #[arg(long)]
    pub mask_senders: bool,
}

/// `--delimiter`: one ASCII character, or `tab` (`\t`).
fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if value.len() == 1 && !matches!(value, "\"" | "\n" | "\r") => Ok(value.as_bytes()[0]),
        _ => Err("one ASCII character other than a quote, or `tab`".into()),
    }
}

/// Runs an archive format when `--format` was given; `None` otherwise.
pub fn dispatch(opts: &Options, mode: Mode) -> Option<Outcome> {
    let format = opts.archive.format?;
    if mode != Mode::Redact {
        return Some(Err("--format is for `piimask redact`".into()));
    }
    Some(run(opts, format))
}

/// One block of whole records, and what a worker needs to start it.
struct Block {
    seq: usize,
    data: Vec<u8>,
    /// WhatsApp: the sender state before the block's first line.
    senders: Option<SenderState>,
    /// WhatsApp: the two lines after the block's last one, as many as
    /// there are (a value split across two messages, with at most one
    /// message between, is masked in both).
    next_lines: Vec<Vec<u8>>,
    /// The number of the block's first record (1-based).
    first_record: usize,
    /// The line of the input the block starts on (1-based).
    first_line: usize,
}

/// A redacted block.
struct Done {
    seq: usize,
    out: Vec<u8>,
    records: usize,
    found: usize,
    failed: usize,
    problems: Vec<String>,
    input_bytes: usize,
}

const BLOCK_BYTES: usize = 1 << 18;

/// The longest CSV record read: a quoted field still open after this many
/// bytes stops the run (it is almost surely a quote that is never closed,
/// and reading on would hold the rest of the input in memory).
const MAX_CSV_RECORD: usize = 16 << 20;

/// The number of line feeds in `data`.
fn line_breaks(data: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', data).count()
}

/// The end of the last complete record in `data` (CSV, with the
/// delimiter `csv`: outside quotes).
fn last_record_end(data: &[u8], csv: Option<u8>) -> Option<usize> {
    let Some(delimiter) = csv else {
        return memchr::memrchr(b'\n', data).map(|i| i + 1);
    };
    let mut at = 0;
    let mut last = None;
    while let Some(end) = record_end(&data[at..], delimiter) {
        at += end;
        last = Some(at);
    }
    last
}

/// Splits `data` into records (each with its line break, if any); CSV
/// records with the delimiter `csv`.
fn records(data: &[u8], csv: Option<u8>) -> impl Iterator<Item = &[u8]> {
    let mut rest = data;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match csv {
            Some(delimiter) => record_end(rest, delimiter),
            None => memchr::memchr(b'\n', rest).map(|i| i + 1),
        }
        .unwrap_or(rest.len());
        let (rec, tail) = rest.split_at(end);
        rest = tail;
        Some(rec)
    })
}

/// What each worker builds once and reuses for every block.
enum Redactor<'s> {
    Whatsapp(ExportRedactor<'s>),
    Csv(Box<CsvRedactor<'s>>),
    Json(JsonFieldRedactor<'s>),
}

struct Setup<'a> {
    scanner: &'a Scanner,
    opts: &'a Options,
    format: ArchiveFormat,
    /// CSV: the header record.
    header: Vec<u8>,
}

impl<'a> Setup<'a> {
    fn redactor(&self) -> Result<Redactor<'a>, String> {
        let role = self.opts.role.as_deref();
        let e = |e: crate::Error| e.to_string();
        Ok(match self.format {
            ArchiveFormat::Whatsapp => Redactor::Whatsapp(
                ExportRedactor::new(
                    self.scanner,
                    self.scanner.region(),
                    role,
                    self.opts.archive.mask_senders,
                )
                .map_err(e)?,
            ),
            ArchiveFormat::Csv => {
                let columns = self.opts.archive.columns.clone().unwrap_or_default();
                let mut r = CsvRedactor::new(self.scanner, &columns, role).map_err(e)?;
                if let Some(delimiter) = self.opts.archive.delimiter {
                    r = r.with_delimiter(delimiter).map_err(e)?;
                }
                r.header(&self.header).map_err(e)?;
                Redactor::Csv(Box::new(r))
            }
            ArchiveFormat::Jsonl => {
                let path = FieldPath::new(self.opts.archive.field.as_deref().unwrap_or("text"))
                    .map_err(e)?;
                Redactor::Json(JsonFieldRedactor::new(self.scanner, path, role).map_err(e)?)
            }
        })
    }
}

impl Redactor<'_> {
    /// CSV: the delimiter its records are split with.
    fn csv_delimiter(&self) -> Option<u8> {
        match self {
            Redactor::Csv(r) => Some(r.delimiter()),
            _ => None,
        }
    }

    fn block(&mut self, block: &mut Block, mut out: Vec<u8>) -> Done {
        let delimiter = self.csv_delimiter();
        let csv = delimiter.is_some();
        out.clear();
        out.reserve(block.data.len() + block.data.len() / 4);
        let mut done = Done {
            seq: block.seq,
            out,
            records: 0,
            found: 0,
            failed: 0,
            problems: Vec::new(),
            input_bytes: block.data.len(),
        };
        if let (Redactor::Whatsapp(r), Some(state)) = (&mut *self, block.senders.take()) {
            r.set_state(state);
        }
        let mut line_number = block.first_line;
        let block_records: Vec<&[u8]> = records(&block.data, delimiter).collect();
        for (i, &rec) in block_records.iter().enumerate() {
            let mut following: [&[u8]; 2] = [&[]; 2];
            let mut n = 0;
            let after = block_records[i + 1..].iter().copied();
            for line in after
                .chain(block.next_lines.iter().map(Vec::as_slice))
                .take(2)
            {
                following[n] = line.strip_suffix(b"\n").unwrap_or(line);
                n += 1;
            }
            let next = &following[..n];
            let number = block.first_record + i;
            let first_line = line_number;
            line_number += line_breaks(rec);
            done.records += 1;
            let (line, newline) = match rec.strip_suffix(b"\n") {
                Some(l) if !csv => (l, true),
                _ => (rec, false),
            };
            let result = match self {
                Redactor::Whatsapp(r) => r
                    .line_before(line, next, &mut done.out)
                    .map_err(|e| e.to_string()),
                Redactor::Csv(r) => r
                    .record(line, None, &mut done.out)
                    .map_err(|e| e.to_string()),
                Redactor::Json(r) => {
                    let body = line.strip_suffix(b"\r").unwrap_or(line);
                    // As in the default JSON Lines mode: invalid UTF-8 and
                    // lone surrogate escapes are read as U+FFFD, a BOM
                    // is dropped.
                    let text = String::from_utf8_lossy(body);
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    let fixed = super::json::lone_surrogates_replaced(text);
                    let json = fixed.as_deref().unwrap_or(text);
                    let r = r
                        .line(json.as_bytes(), None, &mut done.out)
                        .map_err(|e| e.to_string());
                    if r.is_ok() && body.len() < line.len() {
                        done.out.push(b'\r');
                    }
                    r
                }
            };
            match result {
                Ok(n) => done.found += n,
                Err(error) => {
                    // Fail closed: the record's text is dropped.
                    done.failed += 1;
                    if let Redactor::Json(_) = self {
                        done.out.extend_from_slice(b"{\"error\":");
                        serde_json::to_writer(&mut done.out, &error).expect("Vec write");
                        write!(done.out, ",\"line\":{number}}}").expect("Vec write");
                    } else if done.problems.len() < 20 {
                        done.problems
                            .push(match delimiter.and_then(|d| unclosed_quote(rec, d)) {
                                // Its fields cannot be told apart: name the line
                                // to fix.
                                Some(at) => format!(
                                    "line {}: a quoted field opens here and is never closed; \
                                 record {number}, from there to the end of the input, is dropped",
                                    first_line + line_breaks(&rec[..at])
                                ),
                                None => format!("record {number}: {error}"),
                            });
                    }
                    if csv && rec.ends_with(b"\n") {
                        done.out.push(b'\n');
                    }
                }
            }
            if newline {
                done.out.push(b'\n');
            }
        }
        done
    }
}

/// What a run did, for the closing line.
#[derive(Debug, Default)]
struct Totals {
    records: usize,
    found: usize,
    failed: usize,
    bytes: usize,
}

fn run(opts: &Options, format: ArchiveFormat) -> Outcome {
    let scanner = build_scanner(opts)?;
    if let Some(role) = &opts.role {
        scanner.policy().role(role).map_err(|e| e.to_string())?;
    }
    if format == ArchiveFormat::Csv && opts.archive.columns.is_none() {
        return Err("--format csv needs --columns".into());
    }
    let size = input_size(opts.file.as_deref());
    let mut input = open_input(opts.file.as_deref())?;
    let threads = thread_count(opts.threads);
    let start = Instant::now();
    let mut writer = BufWriter::with_capacity(1 << 16, io::stdout());

    let csv = format == ArchiveFormat::Csv;
    let mut header = Vec::new();
    if csv {
        // The header record, written back as it is once it names the
        // columns (a quote opens a field after a comma unless another
        // delimiter is named; a header's names hold no line break).
        // After Excel's `sep=;` line, the header is the record after it.
        let mut delimiter = opts.archive.delimiter.unwrap_or(b',');
        let mut from = 0;
        loop {
            let n = input
                .read_until(b'\n', &mut header)
                .map_err(|e| format!("read error: {e}"))?;
            if from == 0 {
                if let Some((named, len)) = sep_line(&header) {
                    delimiter = opts.archive.delimiter.unwrap_or(named);
                    from = len;
                    continue;
                }
            }
            if n == 0 || record_end(&header[from..], delimiter).is_some() {
                break;
            }
        }
    }
    let setup = Setup {
        scanner: &scanner,
        opts,
        format,
        header: header.clone(),
    };
    // Fail early on a bad --columns or --field, before any worker starts
    // and before anything is written.
    let mut reader_state = setup.redactor()?;
    let csv = reader_state.csv_delimiter();
    writer
        .write_all(&header)
        .map_err(|e| format!("write error: {e}"))?;
    if format == ArchiveFormat::Whatsapp && opts.archive.mask_senders {
        if let (Some(path), Redactor::Whatsapp(r)) = (opts.file.as_deref(), &mut reader_state) {
            // A first pass learns every sender, so names in system lines
            // before someone's first message get their pseudonym too.
            let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
            for line in io::BufReader::with_capacity(1 << 16, file).split(b'\n') {
                r.learn_sender(&line.map_err(|e| format!("read error: {e}"))?);
            }
        }
    }

    let mut progress = Progress::new(size, "records");
    let mut totals = Totals {
        bytes: header.len(),
        records: usize::from(!header.is_empty()),
        ..Totals::default()
    };
    let mut problems = Vec::new();
    // Tokens bound the blocks in flight: one is taken per block read and
    // given back once that block is written.
    let in_flight = 2 * threads + 2;
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).expect("room for every token");
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<Block>(threads);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Result<Done, String>>();
    let (spare_inputs, spare_outputs) = (Spare::default(), Spare::default());

    let result = std::thread::scope(|scope| -> Result<(), String> {
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (work_rx, done_tx, setup) = (&work_rx, done_tx.clone(), &setup);
            let (spare_inputs, spare_outputs) = (&spare_inputs, &spare_outputs);
            workers.push(scope.spawn(move || {
                let mut redactor = match setup.redactor() {
                    Ok(r) => Some(r),
                    Err(e) => {
                        let _ = done_tx.send(Err(e));
                        None
                    }
                };
                // Once the writer has stopped (a write error, or the error
                // above), blocks are taken and dropped unread, so that the
                // reader, which may be waiting to hand one over, is never
                // left waiting.
                loop {
                    let block = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(mut block) = block else { return };
                    if let Some(r) = redactor.as_mut() {
                        let done = r.block(&mut block, spare_outputs.take());
                        spare_inputs.give(block.data);
                        if done_tx.send(Ok(done)).is_err() {
                            redactor = None;
                        }
                    }
                }
            }));
        }
        drop(done_tx);

        // The writer: puts blocks back in order.
        let writer_thread = scope.spawn(|| -> Result<(Totals, Vec<String>), String> {
            // The writer owns the tokens' sender: when it stops (a write
            // error: `| head` closed the pipe), the reader waiting for a
            // token wakes up to a closed channel and stops reading, instead
            // of waiting for ever.
            let token_tx = token_tx;
            let mut pending = BTreeMap::new();
            let mut next = 0;
            let mut t = Totals::default();
            let mut problems = Vec::new();
            let progress = &mut progress;
            for done in done_rx {
                let done = done?;
                pending.insert(done.seq, done);
                while let Some(d) = pending.remove(&next) {
                    writer
                        .write_all(&d.out)
                        .map_err(|e| format!("write error: {e}"))?;
                    t.records += d.records;
                    t.found += d.found;
                    t.failed += d.failed;
                    t.bytes += d.input_bytes;
                    problems.extend(d.problems);
                    spare_outputs.give(d.out);
                    next += 1;
                    let _ = token_tx.send(());
                    progress.update((t.bytes + header.len()) as u64, t.records);
                }
            }
            writer.flush().map_err(|e| format!("write error: {e}"))?;
            Ok((t, problems))
        });

        // The reader (this thread).
        let mut carry = Vec::new();
        let mut seq = 0;
        let mut first_record = usize::from(csv.is_some()) + 1;
        let mut first_line = 1 + line_breaks(&header);
        let read_result = (|| -> Result<(), String> {
            loop {
                if token_rx.recv().is_err() {
                    return Ok(());
                }
                let mut data = spare_inputs.take();
                data.append(&mut carry);
                while data.len() < BLOCK_BYTES {
                    let n = Read::take(&mut *input, (BLOCK_BYTES - data.len()) as u64)
                        .read_to_end(&mut data)
                        .map_err(|e| format!("read error: {e}"))?;
                    if n == 0 {
                        break;
                    }
                }
                if data.is_empty() {
                    return Ok(());
                }
                let at_end = data.len() < BLOCK_BYTES;
                if !at_end {
                    match last_record_end(&data, csv) {
                        Some(end) => {
                            carry.extend_from_slice(&data[end..]);
                            data.truncate(end);
                        }
                        None => {
                            // One record longer than a block: read on to
                            // its end, a line at a time (a CSV record ends
                            // with the first line that leaves no quoted
                            // field open).
                            let mut splitter = RecordSplitter::new(csv.unwrap_or(b','));
                            if csv.is_some() {
                                splitter.feed(&data);
                            }
                            loop {
                                if csv.is_some() && data.len() > MAX_CSV_RECORD {
                                    let at = splitter.open_quote().unwrap_or(0);
                                    return Err(format!(
                                        "line {}: a quoted field opens here and is still open \
                                         after {} MiB; stopped, the rest of the input is not \
                                         written",
                                        first_line + line_breaks(&data[..at]),
                                        MAX_CSV_RECORD >> 20
                                    ));
                                }
                                let before = data.len();
                                let n = input
                                    .read_until(b'\n', &mut data)
                                    .map_err(|e| format!("read error: {e}"))?;
                                if n == 0
                                    || csv.is_none()
                                    || splitter.feed(&data[before..]).is_some()
                                {
                                    break;
                                }
                            }
                        }
                    }
                }
                let (senders, next_lines) = match &mut reader_state {
                    Redactor::Whatsapp(r) => {
                        let before = r.state().clone();
                        for line in records(&data, None) {
                            r.observe(line.strip_suffix(b"\n").unwrap_or(line));
                        }
                        // The next block's first two lines, read whole.
                        while !at_end && memchr::memchr_iter(b'\n', &carry).nth(1).is_none() {
                            let n = input
                                .read_until(b'\n', &mut carry)
                                .map_err(|e| format!("read error: {e}"))?;
                            if n == 0 {
                                break;
                            }
                        }
                        let next = records(&carry, None)
                            .take(2)
                            .map(|line| line.strip_suffix(b"\n").unwrap_or(line).to_vec())
                            .collect();
                        (Some(before), next)
                    }
                    _ => (None, Vec::new()),
                };
                let count = records(&data, csv).count();
                let lines = line_breaks(&data);
                let block = Block {
                    seq,
                    data,
                    senders,
                    next_lines,
                    first_record,
                    first_line,
                };
                first_record += count;
                first_line += lines;
                seq += 1;
                if work_tx.send(block).is_err() {
                    return Ok(());
                }
            }
        })();
        drop(work_tx);
        let written = writer_thread.join();
        // The work queue is closed: the workers return once it is drained.
        super::common::join_all(workers)?;
        let (t, p) = written.map_err(|_| "the writer thread panicked".to_string())??;
        read_result?;
        totals.records += t.records;
        totals.found += t.found;
        totals.failed += t.failed;
        totals.bytes += t.bytes;
        problems = p;
        Ok(())
    });
    progress.finish();
    result?;
    for problem in &problems {
        eprintln!("piimask: {problem}");
    }
    let rate = Rate {
        bytes: totals.bytes as u64,
        elapsed: start.elapsed(),
    };
    eprintln!(
        "piimask: {} records, {} findings, {} failed {rate}",
        totals.records, totals.found, totals.failed,
    );
    Ok(totals.failed == 0)
}
