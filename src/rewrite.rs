//! A copy of a text with some of its bytes rewritten, and where each byte
//! of the copy came from.
//!
//! Why: some values are written so that no detector can read them as they
//! stand: keycap emoji or invisible characters among a value's characters
//! (`crate::marks`), digits and an address's `@` and dots spelled out as
//! words (`crate::spelled`). The scanner reads such a text again through a
//! copy that holds plain digits and signs in their place, and maps each
//! finding's offsets back into the original, so that masking a finding
//! masks what was written.

/// The longest text a copy is made of: offsets into the original are kept
/// as `u32`, so that a copy costs five bytes per byte of text rather than
/// nine (a scan's memory stays within a few times its input). Longer texts
/// are read as written.
pub(crate) const MAX_LEN: usize = u32::MAX as usize;

/// The copy and, for each of its bytes, where it came from.
#[derive(Debug, Default)]
pub(crate) struct Rewritten {
    /// The rewritten text.
    pub text: Vec<u8>,
    /// `origin[i]` is where `text[i]` came from (non-decreasing); once the
    /// copy is finished, one more entry, the original's length, stands for
    /// the end.
    origin: Vec<u32>,
}

impl Rewritten {
    /// An empty copy with room for `len` bytes.
    pub(crate) fn with_capacity(len: usize) -> Rewritten {
        Rewritten {
            text: Vec::with_capacity(len),
            origin: Vec::with_capacity(len + 1),
        }
    }

    /// Appends one byte that stands for the original's text from `at`.
    #[inline]
    pub(crate) fn push(&mut self, byte: u8, at: usize) {
        self.text.push(byte);
        self.origin.push(offset(at));
    }

    /// Appends `original[from..to]` unchanged.
    pub(crate) fn copy(&mut self, original: &[u8], from: usize, to: usize) {
        self.text.extend_from_slice(&original[from..to]);
        self.origin.extend(offset(from)..offset(to));
    }

    /// Ends the copy of an original of `len` bytes.
    pub(crate) fn finish(mut self, len: usize) -> Rewritten {
        self.origin.push(offset(len));
        self
    }

    /// The original range of `start..end` of the copy (a finished one):
    /// from where its first byte came from to where the byte after its last
    /// one came from, so whatever was dropped or rewritten inside belongs
    /// to it.
    pub(crate) fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin[start] as usize, self.origin[end] as usize)
    }

    /// Where the original's byte `at` stands in the copy (a finished
    /// one): the first byte of the copy that came from `at` or after it.
    pub(crate) fn position(&self, at: usize) -> usize {
        self.origin.partition_point(|&from| (from as usize) < at)
    }
}

/// An offset into an original of at most [`MAX_LEN`] bytes.
#[inline]
fn offset(at: usize) -> u32 {
    debug_assert!(
        at <= MAX_LEN,
        "copies are made of texts up to MAX_LEN bytes"
    );
    at as u32
}
