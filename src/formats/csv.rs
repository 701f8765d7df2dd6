//! CSV dumps (CRM exports, ticket systems): chosen columns redacted, the
//! header, the other columns and the quoting kept.
//!
//! Fields are read with the `csv` crate. To keep the file as it was, each
//! record is also split into its raw fields (the bytes between the commas,
//! quotes included): untouched fields are written back as those bytes, and
//! a redacted field is quoted again when it was quoted or now needs it.
//! Records are found with [`record_end`] (a line break outside quotes), so
//! a caller can hand blocks of whole records to several threads.
//!
//! The delimiter is a comma unless the caller names another
//! ([`CsvRedactor::with_delimiter`]); without one, the header decides:
//! spreadsheets in much of Europe and Latin America (Brazil, Mexico,
//! Argentina, Colombia …) write CSV with semicolons, where the comma is the
//! decimal point, and other exports use tabs or `|`. The first of `,`,
//! `;`, tab and `|` under which the header holds every column asked for is
//! the file's. The records are then split, parsed and written with it.
//!
//! Quotes are read as the `csv` crate reads them: a quote opens a quoted
//! field only as a field's first byte (elsewhere it is an ordinary
//! character, as in `5" screen`), `""` inside a quoted field is one quote,
//! and only a line feed ends a record (a lone carriage return is text). A
//! quoted field that is never closed would swallow every later record into
//! one field; [`unclosed_quote`] finds it, and [`CsvRedactor::record`]
//! fails on such a record (fail closed) rather than write it.

use crate::error::Error;
use crate::finding::Finding;
use crate::region::Region;
use crate::scanner::Scanner;

/// Where a CSV reader is inside a record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    #[default]
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: it closed the field,
    /// unless another quote follows (`""`).
    QuoteInQuoted,
}

/// The delimiters [`CsvRedactor::header`] tries, in order, when none is
/// named.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The `sep=;` line that Excel writes before the header to name the
/// delimiter, at the start of `data` (after a byte order mark): the
/// delimiter and the line's length with its line break (and the mark).
pub fn sep_line(data: &[u8]) -> Option<(u8, usize)> {
    let bom = if data.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let line = data.get(bom..)?;
    let delimiter = *line.strip_prefix(b"sep=")?.first()?;
    let ending = match line.get(5..)? {
        [b'\n', ..] => 1,
        [b'\r', b'\n', ..] => 2,
        _ => return None,
    };
    (delimiter.is_ascii() && !matches!(delimiter, b'"' | b'\n' | b'\r'))
        .then_some((delimiter, bom + 5 + ending))
}

/// Finds record ends in CSV that arrives in pieces: the state of one
/// record read so far.
#[derive(Clone, Copy, Debug)]
pub struct RecordSplitter {
    state: State,
    /// Bytes of the current record read so far.
    read: usize,
    /// Where (in the current record) the open quoted field's quote is.
    quote_at: usize,
    /// The byte between fields: a quote opens a quoted field right after it.
    delimiter: u8,
}

impl Default for RecordSplitter {
    /// A splitter of comma-separated records.
    fn default() -> RecordSplitter {
        RecordSplitter::new(b',')
    }
}

impl RecordSplitter {
    /// A splitter of records whose fields are separated by `delimiter`.
    pub fn new(delimiter: u8) -> RecordSplitter {
        RecordSplitter {
            state: State::FieldStart,
            read: 0,
            quote_at: 0,
            delimiter,
        }
    }

    /// Reads on through `data`, the bytes after those read before, and
    /// returns the end of the current record in `data` (just after its line
    /// break); the splitter then starts a new record. `None`: the record
    /// goes on past `data`.
    pub fn feed(&mut self, data: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < data.len() {
            match self.state {
                State::Quoted => match memchr::memchr(b'"', &data[i..]) {
                    Some(q) => {
                        self.state = State::QuoteInQuoted;
                        i += q + 1;
                    }
                    None => i = data.len(),
                },
                State::Unquoted => match memchr::memchr2(self.delimiter, b'\n', &data[i..]) {
                    Some(d) => {
                        i += d;
                        self.state = State::FieldStart;
                        if data[i] == b'\n' {
                            return Some(self.end(i + 1));
                        }
                        i += 1;
                    }
                    None => i = data.len(),
                },
                State::FieldStart | State::QuoteInQuoted => {
                    let b = data[i];
                    self.state = match (self.state, b) {
                        (_, b'\n') => {
                            self.state = State::FieldStart;
                            return Some(self.end(i + 1));
                        }
                        (_, b) if b == self.delimiter => State::FieldStart,
                        (State::FieldStart, b'"') => {
                            self.quote_at = self.read + i;
                            State::Quoted
                        }
                        (State::QuoteInQuoted, b'"') => State::Quoted,
                        _ => State::Unquoted,
                    };
                    i += 1;
                }
            }
        }
        self.read += data.len();
        None
    }

    /// Ends the current record `end` bytes into the last data.
    fn end(&mut self, end: usize) -> usize {
        self.read = 0;
        end
    }

    /// When the record read so far ends inside a quoted field: the offset
    /// (from the record's start) of the quote that opened it.
    pub fn open_quote(&self) -> Option<usize> {
        (self.state == State::Quoted).then_some(self.quote_at)
    }
}

/// The end of the first record in `data` (just after its line break), or
/// `None` when `data` holds no complete record yet. A line break inside a
/// quoted field belongs to the field; a quote opens one only at a field's
/// start, after `delimiter`.
pub fn record_end(data: &[u8], delimiter: u8) -> Option<usize> {
    RecordSplitter::new(delimiter).feed(data)
}

/// When `record` (one record, as [`record_end`] splits them, or the rest
/// of the input when no record end was found) ends inside a quoted field:
/// the offset of the quote that opened the field. Such a record holds
/// everything up to the end of the input.
pub fn unclosed_quote(record: &[u8], delimiter: u8) -> Option<usize> {
    let mut s = RecordSplitter::new(delimiter);
    match s.feed(record) {
        Some(_) => None,
        None => s.open_quote(),
    }
}

/// The raw fields of one record without its line break: byte ranges.
fn raw_fields(record: &[u8], delimiter: u8, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut state = State::FieldStart;
    let mut start = 0;
    for (i, &b) in record.iter().enumerate() {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::FieldStart, b'"') => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b) if b == delimiter => {
                out.push((start, i));
                start = i + 1;
                State::FieldStart
            }
            _ => State::Unquoted,
        };
    }
    out.push((start, record.len()));
}

/// Redacts chosen columns of a CSV file, record by record.
#[derive(Debug)]
pub struct CsvRedactor<'s> {
    scanner: &'s Scanner,
    role: Option<String>,
    columns: Vec<String>,
    /// Indices of the columns to redact, known once the header is read.
    selected: Vec<usize>,
    findings: Vec<Finding>,
    masked: Vec<u8>,
    spans: Vec<(usize, usize)>,
    parser: Parser,
    /// The delimiter named by the caller, if any.
    named_delimiter: Option<u8>,
}

impl<'s> CsvRedactor<'s> {
    /// A redactor of the columns named `columns` (by their header), as
    /// `role` sees them (`None`: the default role).
    pub fn new(
        scanner: &'s Scanner,
        columns: &[String],
        role: Option<&str>,
    ) -> Result<CsvRedactor<'s>, Error> {
        if let Some(name) = role.or(scanner.policy().default_role()) {
            scanner.policy().role(name)?;
        }
        if columns.is_empty() {
            return Err(Error::config("columns", "name at least one column"));
        }
        Ok(CsvRedactor {
            scanner,
            role: role.map(str::to_owned),
            columns: columns.to_vec(),
            selected: Vec::new(),
            findings: Vec::new(),
            masked: Vec::new(),
            spans: Vec::new(),
            parser: Parser::new(b','),
            named_delimiter: None,
        })
    }

    /// Reads and writes fields separated by `delimiter` (an ASCII byte
    /// other than a quote, a line break or a carriage return), instead of
    /// the one [`header`](Self::header) would find.
    ///
    /// ```
    /// use piimask::{formats::csv::CsvRedactor, Scanner};
    /// let scanner = Scanner::builder().region("BR").build()?;
    /// let mut r = CsvRedactor::new(&scanner, &["mensagem".into()], None)?.with_delimiter(b';')?;
    /// r.header(b"id;mensagem\n")?;
    /// let mut out = Vec::new();
    /// r.record(b"7;\"zap (11) 98765-4321; valor 1,50\"\n", None, &mut out)?;
    /// assert_eq!(out, "7;\"zap (••) •••••-•321; valor 1,50\"\n".as_bytes());
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn with_delimiter(mut self, delimiter: u8) -> Result<CsvRedactor<'s>, Error> {
        if !delimiter.is_ascii() || matches!(delimiter, b'"' | b'\n' | b'\r') {
            return Err(Error::config(
                "delimiter",
                "an ASCII character other than a quote or a line break",
            ));
        }
        self.named_delimiter = Some(delimiter);
        self.parser = Parser::new(delimiter);
        Ok(self)
    }

    /// The delimiter records are read and written with: the one named, or
    /// the one [`header`](Self::header) found (a comma before it).
    pub fn delimiter(&self) -> u8 {
        self.parser.delimiter
    }

    /// Reads the header record (written back unchanged by the caller) and
    /// finds the columns to redact, and, unless one was named, the
    /// delimiter: the one an Excel `sep=` line before the header names
    /// ([`sep_line`]; `record` then holds both), or the first of
    /// [`DELIMITERS`] under which the header holds every column. A column
    /// the header lacks is an error that names it.
    ///
    /// ```
    /// use piimask::{formats::csv::CsvRedactor, Scanner};
    /// let scanner = Scanner::builder().region("BR").build()?;
    /// let mut r = CsvRedactor::new(&scanner, &["mensagem".into()], None)?;
    /// r.header(b"id;mensagem;valor\n")?;
    /// assert_eq!(r.delimiter(), b';');
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn header(&mut self, record: &[u8]) -> Result<(), Error> {
        // Excel's `sep=;` line before the header names the delimiter,
        // unless the caller named one.
        let record = match sep_line(record) {
            Some((delimiter, len)) => {
                if self.named_delimiter.is_none() {
                    self.named_delimiter = Some(delimiter);
                }
                &record[len..]
            }
            None => record,
        };
        // A byte order mark is not part of the first column's name.
        let record = record.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(record);
        let whole = record;
        let record = record.strip_suffix(b"\n").unwrap_or(record);
        let record = record.strip_suffix(b"\r").unwrap_or(record);
        let named = self.named_delimiter.map(|d| [d]);
        let candidates: &[u8] = match &named {
            Some(d) => d,
            None => &DELIMITERS,
        };
        for &delimiter in candidates {
            // The header must be one whole record read with the delimiter,
            // as the records after it are split with it.
            let one_record = match record_end(whole, delimiter) {
                Some(end) => end == whole.len(),
                None => unclosed_quote(whole, delimiter).is_none(),
            };
            self.parser = Parser::new(delimiter);
            if one_record && self.find_columns(record) {
                return Ok(());
            }
        }
        // The error names the first column missing under the first
        // delimiter; with none missing, the header is no whole record.
        self.parser = Parser::new(candidates[0]);
        let n = self.parser.parse(record);
        let missing = self
            .columns
            .iter()
            .find(|name| !(0..n).any(|i| self.parser.field(i) == name.as_bytes()));
        let read_with = match self.named_delimiter {
            Some(_) => "",
            None => " (the header read with `,`, `;`, a tab or `|` between columns)",
        };
        Err(Error::config(
            "columns",
            match missing {
                Some(name) => format!("no column named {name:?}{read_with}"),
                None => "the header holds a quoted field that is never closed".to_string(),
            },
        ))
    }

    /// Whether the header `record` holds every column asked for, read with
    /// the parser's delimiter; if so, their indices are `selected`.
    fn find_columns(&mut self, record: &[u8]) -> bool {
        let n = self.parser.parse(record);
        self.selected.clear();
        for name in &self.columns {
            match (0..n).position(|i| self.parser.field(i) == name.as_bytes()) {
                Some(i) => self.selected.push(i),
                None => return false,
            }
        }
        true
    }

    /// The indices of the columns to redact (after [`header`](Self::header)).
    pub fn selected(&self) -> &[usize] {
        &self.selected
    }

    /// Redacts one record (its bytes up to and including the line break,
    /// which may be missing on the last one) onto `out`; returns the
    /// number of findings. On error nothing is written. A record that ends
    /// inside a quoted field ([`unclosed_quote`]) is an error: its fields
    /// cannot be told apart.
    ///
    /// ```
    /// use piimask::{formats::csv::CsvRedactor, Scanner};
    /// let scanner = Scanner::builder().region("IN").build()?;
    /// let mut r = CsvRedactor::new(&scanner, &["message".into()], None)?;
    /// r.header(b"id,message,amount\n")?;
    /// let mut out = Vec::new();
    /// r.record(b"7,\"call 98765 43210, thanks\",\"1,499\"\n", None, &mut out)?;
    /// assert_eq!(out, "7,\"call ••••• ••210, thanks\",\"1,499\"\n".as_bytes());
    /// # Ok::<(), piimask::Error>(())
    /// ```
    pub fn record(
        &mut self,
        record: &[u8],
        region: Option<Region>,
        out: &mut Vec<u8>,
    ) -> Result<usize, Error> {
        let body_end = record.len()
            - record
                .iter()
                .rev()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
        let (body, ending) = record.split_at(body_end);
        let delimiter = self.parser.delimiter;
        if let Some(at) = unclosed_quote(record, delimiter) {
            return Err(Error::Redaction(format!(
                "the quoted field opened at byte {at} of the record is never closed"
            )));
        }
        if body.is_empty() {
            out.extend_from_slice(record);
            return Ok(0);
        }
        let count = self.parser.parse(body);
        let mut spans = std::mem::take(&mut self.spans);
        raw_fields(body, delimiter, &mut spans);
        // The raw split agrees with the parser on well-formed CSV; on
        // anything else, write the parsed record again instead.
        let parser = &self.parser;
        let raw_ok = spans.len() == count
            && spans.iter().enumerate().all(|(i, &(a, b))| {
                let raw = &body[a..b];
                let f = parser.field(i);
                raw_reads_as(raw, f)
            });
        let start = out.len();
        let mut found = 0;
        let result = (|| {
            for i in 0..count {
                let field = self.parser.field(i);
                if i > 0 {
                    out.push(delimiter);
                }
                let quoted = raw_ok && body.get(spans[i].0) == Some(&b'"');
                if !self.selected.contains(&i) {
                    if raw_ok {
                        out.extend_from_slice(&body[spans[i].0..spans[i].1]);
                    } else {
                        write_field(field, false, delimiter, out);
                    }
                    continue;
                }
                self.scanner.redact_role_into(
                    field,
                    region.or(self.scanner.region()),
                    self.role.as_deref(),
                    &mut self.findings,
                    &mut self.masked,
                )?;
                found += self.findings.len();
                if self.findings.is_empty() && raw_ok {
                    out.extend_from_slice(&body[spans[i].0..spans[i].1]);
                } else {
                    write_field(&self.masked, quoted, delimiter, out);
                }
            }
            Ok(())
        })();
        self.spans = spans;
        match result {
            Ok(()) => {
                out.extend_from_slice(ending);
                Ok(found)
            }
            Err(e) => {
                out.truncate(start);
                Err(e)
            }
        }
    }
}

/// A reusable record parser: `csv_core` (the `csv` crate's engine), which
/// allocates nothing per record once its buffers have grown.
#[derive(Debug)]
struct Parser {
    reader: csv_core::Reader,
    values: Vec<u8>,
    ends: Vec<usize>,
    delimiter: u8,
}

impl Parser {
    fn new(delimiter: u8) -> Parser {
        Parser {
            // Only a line feed ends a record, as for [`record_end`].
            reader: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(csv_core::Terminator::Any(b'\n'))
                .build(),
            values: Vec::new(),
            ends: Vec::new(),
            delimiter,
        }
    }

    /// Reads one record (without its line break) and returns its number of
    /// fields: field `i` is [`field`](Self::field)`(i)`.
    fn parse(&mut self, record: &[u8]) -> usize {
        use csv_core::ReadRecordResult as R;
        self.reader.reset();
        if self.values.len() < record.len() + 16 {
            self.values.resize(record.len() + 16, 0);
        }
        if self.ends.len() < 16 {
            self.ends.resize(16, 0);
        }
        // The first byte goes alone: csv_core drops a byte order mark at the
        // start of its input, and here that is a record's start, where it is
        // text (the header drops the file's own).
        let (mut input, mut later) = record.split_at(record.len().min(1));
        let (mut nout, mut nends) = (0, 0);
        loop {
            let (result, nin, o, e) =
                self.reader
                    .read_record(input, &mut self.values[nout..], &mut self.ends[nends..]);
            input = &input[nin..];
            nout += o;
            nends += e;
            match result {
                // All input read: the next call, with none, ends the record.
                R::InputEmpty => input = std::mem::take(&mut later),
                R::OutputFull => {
                    let n = self.values.len() * 2;
                    self.values.resize(n, 0);
                }
                R::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                R::Record | R::End => return nends,
            }
        }
    }

    /// Field `i` of the last record parsed.
    fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.values[start..self.ends[i]]
    }
}

/// Whether the raw bytes of a field read as `value`, as the `csv` crate
/// reads them: a quoted field's `""` is one quote, and whatever follows its
/// closing quote (`"a"b` reads as `ab`) is taken as it is.
fn raw_reads_as(raw: &[u8], value: &[u8]) -> bool {
    let Some(inner) = raw.strip_prefix(b"\"") else {
        return raw == value;
    };
    let mut v = value.iter();
    let mut i = 0;
    while i < inner.len() {
        if inner[i] == b'"' {
            if inner.get(i + 1) != Some(&b'"') {
                // The closing quote: the rest is literal.
                return v.as_slice() == &inner[i + 1..];
            }
            i += 1;
        }
        if v.next() != Some(&inner[i]) {
            return false;
        }
        i += 1;
    }
    // Never closed: not a record `record` writes.
    false
}

/// Writes a field, quoted when `quote` is set or the value needs it.
fn write_field(value: &[u8], quote: bool, delimiter: u8, out: &mut Vec<u8>) {
    let needs = value
        .iter()
        .any(|&b| b == delimiter || matches!(b, b'"' | b'\n' | b'\r'));
    if !(quote || needs) {
        out.extend_from_slice(value);
        return;
    }
    out.push(b'"');
    for &b in value {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_reads_fields() {
        let mut p = Parser::new(b',');
        let n = p.parse(b"id,message,\"a,\"\"b\",");
        let fields: Vec<&[u8]> = (0..n).map(|i| p.field(i)).collect();
        assert_eq!(fields, [&b"id"[..], b"message", b"a,\"b", b""]);
        let n = p.parse(b"x");
        assert_eq!(n, 1);
        assert_eq!(p.field(0), b"x");
        // A byte order mark starting a record is text.
        let n = p.parse("\u{feff}a,b".as_bytes());
        assert_eq!((n, p.field(0)), (2, "\u{feff}a".as_bytes()));
        // A quote inside an unquoted field and a lone CR are text.
        let n = p.parse(b"5\" screen,a\rb,\"q\"x\"");
        let fields: Vec<&[u8]> = (0..n).map(|i| p.field(i)).collect();
        assert_eq!(fields, [&b"5\" screen"[..], b"a\rb", b"qx\""]);
    }

    #[test]
    fn records_end_where_the_csv_crate_ends_them() {
        let data = b"1,5\" screen,x\n2,\"a\"\"\n,b\",c\r\n3,\"q\"x\"\n4\n\"open,\n5,6\n";
        let mut ends = Vec::new();
        let mut at = 0;
        while let Some(end) = record_end(&data[at..], b',') {
            at += end;
            ends.push(at);
        }
        let mut want = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(&data[..]);
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap() {
            want.push(reader.position().byte() as usize);
        }
        // The csv crate ends the unclosed last record at the end of input.
        assert_eq!([&ends[..], &[data.len()]].concat(), want);
        assert_eq!(unclosed_quote(&data[at..], b','), Some(0));
        assert_eq!(unclosed_quote(b"1,\"a\"\"b", b','), Some(2));
        assert_eq!(unclosed_quote(b"1,\"a\"\"b\"", b','), None);
        assert_eq!(unclosed_quote(b"1,a\"b", b','), None);

        // Fed in pieces of any size, the same ends.
        for size in 1..8 {
            let mut splitter = RecordSplitter::default();
            let mut got = Vec::new();
            for (k, piece) in data.chunks(size).enumerate() {
                let mut off = 0;
                while let Some(end) = splitter.feed(&piece[off..]) {
                    off += end;
                    got.push(k * size + off);
                }
            }
            assert_eq!(got, ends, "pieces of {size}");
            assert_eq!(splitter.open_quote(), Some(0));
        }
    }

    #[test]
    fn text_after_a_closing_quote_is_kept_as_written() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let mut r = CsvRedactor::new(&scanner, &["message".into()], None).unwrap();
        r.header(b"notes,message,more\n").unwrap();
        let mut out = Vec::new();
        let record = b"\"a\"}b,\"98765 43210\",\"x\"\"y\"z\"\n";
        r.record(record, None, &mut out).unwrap();
        assert_eq!(out, "\"a\"}b,\"••••• ••210\",\"x\"\"y\"z\"\n".as_bytes());
        assert!(raw_reads_as(b"\"a\"}b", b"a}b"));
        assert!(raw_reads_as(b"\"x\"\"y\"z\"", b"x\"yz\""));
        assert!(!raw_reads_as(b"\"x\"\"y\"z\"", b"x\"yz"));
        assert!(!raw_reads_as(b"\"open", b"open"));
    }

    #[test]
    fn the_header_finds_the_delimiter() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let columns = ["message".to_string(), "notes".to_string()];
        for (header, delimiter) in [
            (&b"id,message,notes\n"[..], b','),
            (b"id;message;notes\r\n", b';'),
            (b"id\tnotes\tmessage", b'\t'),
            (b"\xEF\xBB\xBFmessage|notes\n", b'|'),
            // Every column asked for: a comma inside a name is no delimiter.
            (b"id;\"message, full\";message;notes\n", b';'),
        ] {
            let mut r = CsvRedactor::new(&scanner, &columns, None).unwrap();
            r.header(header).unwrap();
            assert_eq!(r.delimiter(), delimiter, "{header:?}");
        }
        // Excel's `sep=` line names it.
        let mut r = CsvRedactor::new(&scanner, &columns, None).unwrap();
        r.header(b"\xEF\xBB\xBFsep=|\r\nid|message|notes\r\n")
            .unwrap();
        assert_eq!((r.delimiter(), r.selected()), (b'|', &[1, 2][..]));
        assert_eq!(sep_line(b"sep=;\nid;x\n"), Some((b';', 6)));
        assert_eq!(sep_line(b"sep=;x\n"), None);
        assert_eq!(sep_line(b"sep=\"\n"), None);
        // A header that is not one record with the delimiter is not read
        // with it: its records would be split otherwise.
        let mut r = CsvRedactor::new(&scanner, &columns, None).unwrap();
        let e = r.header(b"id;\"message;notes\n").unwrap_err();
        assert!(e.to_string().contains("no column named \"message\""), "{e}");
        let mut r = CsvRedactor::new(&scanner, &columns, None).unwrap();
        let e = r.header(b"message,\"notes\n").unwrap_err();
        assert!(e.to_string().contains("never closed"), "{e}");
        // Named, no other is tried.
        let mut r = CsvRedactor::new(&scanner, &columns, None)
            .unwrap()
            .with_delimiter(b';')
            .unwrap();
        assert!(r.header(b"id,message,notes\n").is_err());
        for bad in [b'"', b'\n', b'\r', 0xE9] {
            assert!(CsvRedactor::new(&scanner, &columns, None)
                .unwrap()
                .with_delimiter(bad)
                .is_err());
        }
    }

    #[test]
    fn records_are_read_and_written_with_the_delimiter() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let mut r = CsvRedactor::new(&scanner, &["message".into()], None).unwrap();
        r.header(b"id;message;amount\n").unwrap();
        let mut out = Vec::new();
        // Commas are text; a quote after a semicolon opens a field that
        // holds a line break and a semicolon.
        let data = b"1;call 98765 43210, thanks;1,50\n2;\"a;b\n98765 43210\";x\n";
        let first = record_end(data, b';').unwrap();
        assert_eq!(record_end(&data[first..], b';'), Some(data.len() - first));
        assert_eq!(record_end(&data[first..], b','), Some(7));
        r.record(&data[..first], None, &mut out).unwrap();
        r.record(&data[first..], None, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1;call ••••• ••210, thanks;1,50\n2;\"a;b\n••••• ••210\";x\n"
        );
        // A value that now holds the delimiter is quoted.
        let mut out = Vec::new();
        write_field(b"a;b", false, b';', &mut out);
        write_field(b"a,b", false, b';', &mut out);
        assert_eq!(out, b"\"a;b\"a,b");
    }

    #[test]
    fn a_record_with_an_unclosed_quote_fails_closed() {
        let scanner = Scanner::builder().region("IN").build().unwrap();
        let mut r = CsvRedactor::new(&scanner, &["message".into()], None).unwrap();
        r.header(b"id,notes,message\n").unwrap();
        let mut out = b"kept".to_vec();
        let record = b"7,\"unclosed 98765 43210,x\n8,ok,98765 43210\n";
        let e = r.record(record, None, &mut out).unwrap_err();
        assert_eq!(out, b"kept");
        assert!(e.to_string().contains("byte 2"), "{e}");
        assert!(!e.to_string().contains("98765"), "{e}");
    }
}
