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

    /// This copy (a finished one), made of `outer`'s text, as a copy of
    /// `outer`'s original: each byte mapped back through both.
    pub(crate) fn through(mut self, outer: &Rewritten) -> Rewritten {
        for from in &mut self.origin {
            *from = outer.origin[*from as usize];
        }
        self
    }

    /// Rewrites in place, inside each of `ranges` of this copy's text (a
    /// finished copy; sorted and disjoint, each from a digit group's start
    /// to one's end, with nothing but groups and the gaps between them
    /// inside), each gap between two digit groups that `collapse` holds
    /// for as one space, which stands for where the gap started. A group
    /// is ASCII digits, after a `+` or not. The copy only shrinks, so no
    /// byte is moved before it is read.
    pub(crate) fn collapse_gaps(
        &mut self,
        ranges: &[(usize, usize)],
        collapse: impl Fn(&[u8]) -> bool,
    ) {
        let len = self.text.len();
        let (mut read, mut write) = (0, 0);
        for &(start, end) in ranges {
            let mut i = start;
            loop {
                if self.text.get(i) == Some(&b'+') {
                    i += 1;
                }
                while i < end && self.text[i].is_ascii_digit() {
                    i += 1;
                }
                if i >= end {
                    break;
                }
                let gap = i;
                while i < end
                    && !(self.text[i].is_ascii_digit()
                        || (self.text[i] == b'+'
                            && self.text.get(i + 1).is_some_and(u8::is_ascii_digit)))
                {
                    i += 1;
                }
                if i > gap && collapse(&self.text[gap..i]) {
                    self.text.copy_within(read..gap, write);
                    self.origin.copy_within(read..gap, write);
                    write += gap - read;
                    self.text[write] = b' ';
                    self.origin[write] = self.origin[gap];
                    write += 1;
                    read = i;
                }
            }
        }
        self.text.copy_within(read..len, write);
        // The origin of the end moves with the text.
        self.origin.copy_within(read..len + 1, write);
        self.text.truncate(write + len - read);
        self.origin.truncate(write + len - read + 1);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `original` with the bytes `drop` says dropped.
    fn without(original: &[u8], drop: impl Fn(u8) -> bool) -> Rewritten {
        let mut out = Rewritten::with_capacity(original.len());
        for (at, &b) in original.iter().enumerate() {
            if !drop(b) {
                out.push(b, at);
            }
        }
        out.finish(original.len())
    }

    #[test]
    fn a_copy_of_a_copy_maps_back_to_the_first_original() {
        let original = b"a-b_c-d";
        let outer = without(original, |b| b == b'-');
        assert_eq!(outer.text, b"ab_cd");
        let inner = without(&outer.text, |b| b == b'_').through(&outer);
        assert_eq!(inner.text, b"abcd");
        // `c` came from the original's byte 4, and the `-` dropped after it
        // belongs to it; the end maps to the original's end.
        assert_eq!(inner.original(2, 3), (4, 6));
        assert_eq!(inner.original(0, 4), (0, original.len()));
        // What either copy dropped inside a range belongs to it.
        assert_eq!(inner.original(1, 2), (2, 4));
        for at in 0..=original.len() {
            let i = inner.position(at);
            assert!(i <= inner.text.len());
            assert!(inner.original(i, i).0 >= at, "{at}");
        }
    }
}
