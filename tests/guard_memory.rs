//! Memory per owned value: a million values in 100 000 conversations, the
//! bytes the in-memory store holds counted by a counting global allocator
//! (the figure in docs/guard.md). The bar is 64 bytes per value.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use piimask::guard::{Fingerprint, Limits, MemoryStore, Store};

/// Counts the bytes currently allocated (the only test in this binary).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards to `System` with the caller's arguments and
// only updates an atomic counter besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        // SAFETY: forwarded as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        // SAFETY: forwarded as is.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// SplitMix64: stands in for the MAC's uniformly random output.
fn fingerprint(i: u64) -> Fingerprint {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut fp = [0; 16];
    fp[..8].copy_from_slice(&mix(i).to_le_bytes());
    fp[8..].copy_from_slice(&mix(!i).to_le_bytes());
    Fingerprint(fp)
}

#[test]
fn a_million_owned_values_take_at_most_64_bytes_each() {
    const VALUES: u64 = 1_000_000;
    const CONVERSATIONS: u64 = 100_000;
    let before = LIVE.load(Relaxed);
    let store = MemoryStore::new(Limits::default());
    let per = VALUES / CONVERSATIONS;
    let mut batch = Vec::with_capacity(per as usize);
    for c in 0..CONVERSATIONS {
        batch.clear();
        batch.extend((0..per).map(|k| fingerprint(c * per + k)));
        store
            .add(&format!("conversation-{c:06}"), &batch, 1_773_000_000)
            .unwrap();
    }
    drop(batch);
    let bytes = LIVE.load(Relaxed) - before;
    assert_eq!(store.len().unwrap(), VALUES as usize);
    let per_value = bytes as f64 / VALUES as f64;
    println!("{VALUES} values in {CONVERSATIONS} conversations: {bytes} bytes, {per_value:.1} bytes per value");
    assert!(per_value <= 64.0, "{per_value:.1} bytes per owned value");
}
