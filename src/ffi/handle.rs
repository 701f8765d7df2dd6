//! The shapes every C object shares, written once: handing a boxed object
//! to C and taking it back, optional out-parameters, and the packed lists
//! behind the batch results (`piimask_batch`, `piimask_bytes_list`), whose
//! `_len`, `_get` and `_flat` accessors all read the same two arrays.

use std::ops::Range;

use super::{piimask_status, write_out};

/// Boxes `value`, writes the pointer through `out` (the caller owns it
/// from then on and releases it with [`release`]) and returns OK.
///
/// # Safety
/// `out` must be non-NULL, aligned and writable.
pub(super) unsafe fn hand_out<T>(out: *mut *mut T, value: T) -> piimask_status {
    // SAFETY: per the caller's contract.
    unsafe { write_out(out, Box::into_raw(Box::new(value))) };
    piimask_status::Ok
}

/// Drops an object given out by [`hand_out`]; NULL does nothing.
///
/// # Safety
/// `object` must be NULL or from [`hand_out`], not yet released, and no
/// longer in use.
pub(super) unsafe fn release<T>(object: *mut T) {
    if !object.is_null() {
        // SAFETY: from Box::into_raw in hand_out, released once.
        drop(unsafe { Box::from_raw(object) });
    }
}

/// Writes `value` through `out` unless it is NULL.
///
/// # Safety
/// `out` must be NULL or aligned and writable.
pub(super) unsafe fn write_optional<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: non-NULL, and writable per the caller's contract.
        unsafe { write_out(out, value) };
    }
}

/// The shape of an accessor that returns a pointer and writes its length
/// through `len`: NULL, with `*len` untouched, when `object` or `len` is
/// NULL or `read` gives nothing.
///
/// # Safety
/// `object` must be NULL or live; `len` NULL or writable.
pub(super) unsafe fn pointer_and_len<O, T>(
    object: *const O,
    len: *mut usize,
    read: impl FnOnce(&O) -> Option<(*const T, usize)>,
) -> *const T {
    // SAFETY: NULL or live per the caller's contract.
    let Some(object) = (unsafe { object.as_ref() }) else {
        return std::ptr::null();
    };
    if len.is_null() {
        return std::ptr::null();
    }
    match read(object) {
        Some((ptr, n)) => {
            // SAFETY: non-NULL and writable per the caller's contract.
            unsafe { write_out(len, n) };
            ptr
        }
        None => std::ptr::null(),
    }
}

/// The parts of a batch result stored back to back: part `i` is
/// `items[offsets[i]..offsets[i + 1]]`. `items` may hold more after the
/// last part (the NUL after the texts of a bytes list).
pub(super) struct Packed<T> {
    pub(super) items: Vec<T>,
    /// Starts with 0; one more entry than there are parts.
    pub(super) offsets: Vec<usize>,
}

impl<T> Packed<T> {
    /// An empty list with room for `items` items in `parts` parts.
    pub(super) fn with_capacity(items: usize, parts: usize) -> Packed<T> {
        let mut offsets = Vec::with_capacity(parts + 1);
        offsets.push(0);
        Packed {
            items: Vec::with_capacity(items),
            offsets,
        }
    }

    /// Ends the current part at the items pushed so far.
    pub(super) fn end_part(&mut self) {
        self.offsets.push(self.items.len());
    }

    /// The number of parts.
    pub(super) fn parts(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Where part `i` lies in `items`; `None` past the end.
    pub(super) fn part(&self, i: usize) -> Option<Range<usize>> {
        match (self.offsets.get(i), self.offsets.get(i.checked_add(1)?)) {
            (Some(&from), Some(&to)) => Some(from..to),
            _ => None,
        }
    }

    /// The number of items in all parts.
    pub(super) fn total(&self) -> usize {
        self.offsets[self.offsets.len() - 1]
    }
}
