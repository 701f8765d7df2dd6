//! Snapshot files: the guard's ownership (fingerprints, conversation ids and
//! last-seen times, never a value), so a restarted service loses none.
//!
//! Layout, little-endian, version 1:
//!
//! | bytes | content |
//! |---|---|
//! | 16 | magic `PIIMASK-GUARD\r\n\x1a` (a text-mode copy breaks it visibly) |
//! | 4 | version (`1`) |
//! | 16 | key check: the guard MAC of a fixed label, so a snapshot made with another tenant key is refused instead of silently matching nothing |
//! | 4 | conversation count `C` |
//! | C × (2 + n) | conversation ids: length, UTF-8 bytes |
//! | 8 | record count `R` |
//! | R × 28 | records: fingerprint (16), conversation number (4), last seen (8) |
//! | 32 | SHA-256 of everything before it |
//!
//! The trailing digest is checked before anything is parsed, and every
//! count is checked against the bytes that remain, so a truncated, corrupt
//! or foreign file is refused with a clear error; the store is replaced
//! only once the whole file has been read.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{Fingerprint, Guard, GuardError, Record};

const MAGIC: &[u8; 16] = b"PIIMASK-GUARD\r\n\x1a";
const VERSION: u32 = 1;
const RECORD_BYTES: usize = 16 + 4 + 8;
const DIGEST_BYTES: usize = 32;
const KEY_CHECK_LABEL: &str = "piimask/guard/snapshot/key-check";

fn corrupt(what: &str) -> GuardError {
    GuardError::Snapshot(format!("corrupt snapshot: {what}"))
}

/// Reads the body (after the digest was checked) front to back.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], GuardError> {
        if self.bytes.len() < n {
            return Err(corrupt(what));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], GuardError> {
        Ok(self.take(N, what)?.try_into().expect("N bytes"))
    }
}

impl Guard {
    fn key_check(&self) -> Fingerprint {
        self.fingerprint_of(
            &crate::finding::Kind::Custom(Arc::from(KEY_CHECK_LABEL)),
            "",
        )
    }

    /// The ownership as snapshot bytes (see [`snapshot`](Self::snapshot)).
    pub fn snapshot_bytes(&self) -> Result<Vec<u8>, GuardError> {
        self.encode().map(|(bytes, _)| bytes)
    }

    /// The snapshot bytes and how many records they hold.
    fn encode(&self) -> Result<(Vec<u8>, usize), GuardError> {
        let records = self.store.export()?;
        let mut numbers: std::collections::HashMap<&str, u32> = Default::default();
        let mut names: Vec<&str> = Vec::new();
        for record in &records {
            let next = names.len() as u32;
            numbers.entry(&record.conversation).or_insert_with(|| {
                names.push(&record.conversation);
                next
            });
        }
        let mut out = Vec::with_capacity(64 + names.len() * 16 + records.len() * RECORD_BYTES);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.key_check().0);
        out.extend_from_slice(&(names.len() as u32).to_le_bytes());
        for name in &names {
            let len = u16::try_from(name.len())
                .map_err(|_| GuardError::Snapshot("a conversation id is too long".into()))?;
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
        }
        out.extend_from_slice(&(records.len() as u64).to_le_bytes());
        for record in &records {
            out.extend_from_slice(&record.fingerprint.0);
            out.extend_from_slice(&numbers[&*record.conversation].to_le_bytes());
            out.extend_from_slice(&record.seen.to_le_bytes());
        }
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        Ok((out, records.len()))
    }

    /// Replaces the ownership with that of snapshot `bytes`; returns how
    /// many values the guard now holds (fewer than the file's records when
    /// the cap per conversation is lower than the snapshot's guard had).
    /// All or nothing: on error the guard is unchanged.
    pub fn restore_bytes(&self, bytes: &[u8]) -> Result<usize, GuardError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(GuardError::Snapshot(
                "not a piimask guard snapshot (wrong magic bytes)".into(),
            ));
        }
        let after_magic = &bytes[MAGIC.len()..];
        let version = after_magic
            .get(..4)
            .map(|v| u32::from_le_bytes(v.try_into().expect("4 bytes")))
            .ok_or_else(|| corrupt("truncated header"))?;
        if version != VERSION {
            return Err(GuardError::Snapshot(format!(
                "snapshot version {version} is not supported (this build reads version {VERSION})"
            )));
        }
        let Some(split) = bytes.len().checked_sub(DIGEST_BYTES) else {
            return Err(corrupt("truncated"));
        };
        let (body, digest) = bytes.split_at(split);
        if body.len() < MAGIC.len() + 4 || Sha256::digest(body).as_slice() != digest {
            return Err(corrupt("checksum mismatch (truncated or damaged file)"));
        }
        let mut reader = Reader {
            bytes: &body[MAGIC.len() + 4..],
        };
        let key_check: [u8; 16] = reader.array("truncated header")?;
        if key_check != self.key_check().0 {
            return Err(GuardError::Snapshot(
                "the snapshot was made with another key".into(),
            ));
        }
        let count = u32::from_le_bytes(reader.array("truncated header")?) as usize;
        // Each id takes at least its two length bytes.
        if count > reader.bytes.len() / 2 {
            return Err(corrupt("conversation count beyond the file"));
        }
        let mut names: Vec<Arc<str>> = Vec::with_capacity(count);
        for _ in 0..count {
            let len = u16::from_le_bytes(reader.array("truncated conversation id")?) as usize;
            let name = std::str::from_utf8(reader.take(len, "truncated conversation id")?)
                .map_err(|_| corrupt("a conversation id is not UTF-8"))?;
            if len > super::MAX_CONVERSATION_ID_BYTES {
                return Err(corrupt("a conversation id is too long"));
            }
            names.push(Arc::from(name));
        }
        let records = u64::from_le_bytes(reader.array("truncated record count")?);
        if records != (reader.bytes.len() / RECORD_BYTES) as u64
            || reader.bytes.len() % RECORD_BYTES != 0
        {
            return Err(corrupt("record count does not match the file"));
        }
        let mut out = Vec::with_capacity(records as usize);
        for _ in 0..records {
            let fingerprint = Fingerprint(reader.array("truncated record")?);
            let number = u32::from_le_bytes(reader.array("truncated record")?) as usize;
            let seen = u64::from_le_bytes(reader.array("truncated record")?);
            let conversation = names
                .get(number)
                .ok_or_else(|| corrupt("a record names no conversation"))?
                .clone();
            out.push(Record {
                fingerprint,
                conversation,
                seen,
            });
        }
        self.store.replace(out)?;
        self.store.len()
    }

    /// Writes the ownership to `path` atomically (a temporary file beside
    /// it, synced, then renamed over it); returns how many values.
    pub fn snapshot(&self, path: &Path) -> Result<usize, GuardError> {
        let (bytes, records) = self.encode()?;
        let io = |what: &str, e: std::io::Error| {
            GuardError::Snapshot(format!("{what} {}: {e}", path.display()))
        };
        let file_name = path.file_name().ok_or_else(|| {
            GuardError::Snapshot(format!("{} is not a file path", path.display()))
        })?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(file_name);
        temp_name.push(format!(".tmp-{}", std::process::id()));
        let temp = path.with_file_name(temp_name);
        let written = (|| {
            let mut file = std::fs::File::create(&temp)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&temp, path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(io("cannot write", e));
        }
        Ok(records)
    }

    /// Replaces the ownership with the snapshot at `path`; returns how many
    /// values. All or nothing: on error the guard is unchanged.
    pub fn restore(&self, path: &Path) -> Result<usize, GuardError> {
        let bytes = std::fs::read(path)
            .map_err(|e| GuardError::Snapshot(format!("cannot read {}: {e}", path.display())))?;
        self.restore_bytes(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::GuardConfig;
    use crate::policy::Key;
    use crate::Scanner;

    fn guard(key: u8) -> Guard {
        let scanner = Arc::new(Scanner::builder().region("IN").build().unwrap());
        Guard::new(
            scanner,
            &Key::new(&[key; 32]).unwrap(),
            GuardConfig::default(),
        )
        .unwrap()
    }

    fn filled() -> Guard {
        let g = guard(1);
        g.observe_inbound_at("c-1", "98765 43210, priya@example.in", 100, None)
            .unwrap();
        g.observe_inbound_at("c-2", "call +91 98765 43210", 200, None)
            .unwrap();
        g
    }

    #[test]
    fn bytes_round_trip() {
        let g = filled();
        let bytes = g.snapshot_bytes().unwrap();
        let back = guard(1);
        assert_eq!(back.restore_bytes(&bytes).unwrap(), 3);
        let mut a = g.store().export().unwrap();
        let mut b = back.store().export().unwrap();
        let order = |r: &Record| (r.conversation.clone(), r.fingerprint, r.seen);
        a.sort_by_key(order);
        b.sort_by_key(order);
        assert_eq!(a, b);
    }

    #[test]
    fn every_damage_is_refused_and_changes_nothing() {
        let g = filled();
        let bytes = g.snapshot_bytes().unwrap();
        let target = guard(1);
        target
            .observe_inbound_at("x", "mail a@b.co", 1, None)
            .unwrap();
        let before = target.store().export().unwrap();
        for cut in 0..bytes.len() {
            assert!(target.restore_bytes(&bytes[..cut]).is_err(), "cut {cut}");
        }
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(target.restore_bytes(&bad).is_err(), "flip {at}");
        }
        assert_eq!(target.store().export().unwrap(), before);
        let foreign = guard(2).restore_bytes(&bytes).unwrap_err().to_string();
        assert!(foreign.contains("another key"), "{foreign}");
        let text = target
            .restore_bytes(b"{\"json\": 1}")
            .unwrap_err()
            .to_string();
        assert!(text.contains("not a piimask guard snapshot"), "{text}");
    }
}
