//! CSV dumps (CRM exports, ticket systems): chosen columns redacted, the
//! header, the other columns and the quoting kept.
//!
//! Fields are read with the `csv` crate. To keep the file as it was, each
//! record is also split into its raw fields (the bytes between the commas,
//! quotes included): untouched fields are written back as those bytes, and
//! a redacted field is quoted again when it was quoted or now needs it.
//! Records are found with [`record_end`] (a line break outside quotes), so
//! a caller can hand blocks of whole records to several threads.

use crate::error::Error;
use crate::finding::Finding;
use crate::region::Region;
use crate::scanner::Scanner;

/// The end of the first record in `data` (just after its line break), or
/// `None` when `data` holds no complete record yet. A line break inside a
/// quoted field belongs to the field.
pub fn record_end(data: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in data.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The raw fields of one record without its line break: byte ranges.
fn raw_fields(record: &[u8], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut quoted = false;
    let mut start = 0;
    for (i, &b) in record.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                out.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
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
        })
    }

    /// Reads the header record (written back unchanged by the caller) and
    /// finds the columns to redact. A column the header lacks is an error
    /// that names it.
    pub fn header(&mut self, record: &[u8]) -> Result<(), Error> {
        let fields = parse(record)?;
        self.selected.clear();
        for name in &self.columns {
            let i = fields
                .iter()
                .position(|f| f == name.as_bytes())
                .ok_or_else(|| Error::config("columns", format!("no column named {name:?}")))?;
            self.selected.push(i);
        }
        Ok(())
    }

    /// The indices of the columns to redact (after [`header`](Self::header)).
    pub fn selected(&self) -> &[usize] {
        &self.selected
    }

    /// Redacts one record (its bytes up to and including the line break,
    /// which may be missing on the last one) onto `out`; returns the
    /// number of findings. On error nothing is written.
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
        if body.is_empty() {
            out.extend_from_slice(record);
            return Ok(0);
        }
        let fields = parse(body)?;
        let mut spans = std::mem::take(&mut self.spans);
        raw_fields(body, &mut spans);
        // The raw split agrees with the parser on well-formed CSV; on
        // anything else, write the parsed record again instead.
        let raw_ok = spans.len() == fields.len()
            && spans.iter().zip(&fields).all(|(&(a, b), f)| {
                let raw = &body[a..b];
                raw == f.as_slice() || unquote(raw).as_deref() == Some(f.as_slice())
            });
        let start = out.len();
        let mut found = 0;
        let result = (|| {
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let quoted = raw_ok && body.get(spans[i].0) == Some(&b'"');
                if !self.selected.contains(&i) {
                    if raw_ok {
                        out.extend_from_slice(&body[spans[i].0..spans[i].1]);
                    } else {
                        write_field(field, false, out);
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
                    write_field(&self.masked, quoted, out);
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

/// The fields of one record, read by the `csv` crate.
fn parse(record: &[u8]) -> Result<Vec<Vec<u8>>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(record);
    let mut rec = csv::ByteRecord::new();
    match reader.read_byte_record(&mut rec) {
        Ok(_) => Ok(rec.iter().map(<[u8]>::to_vec).collect()),
        Err(_) => Err(Error::Redaction("a CSV record cannot be read".into())),
    }
}

/// The value of a quoted raw field.
fn unquote(raw: &[u8]) -> Option<Vec<u8>> {
    let inner = raw.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    let mut v = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        v.push(inner[i]);
        i += if inner[i] == b'"' { 2 } else { 1 };
    }
    Some(v)
}

/// Writes a field, quoted when `quote` is set or the value needs it.
fn write_field(value: &[u8], quote: bool, out: &mut Vec<u8>) {
    let needs = value
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
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
