//! The clean path allocates nothing: once its buffers have grown, scanning
//! or redacting messages that hold no personal data (prose, dates, prices,
//! order and tracking numbers) makes no heap allocation, whatever the
//! region. A counting global allocator in this test binary checks it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use piimask::{Region, Scanner};

/// Counts this thread's allocations (tests run in parallel threads).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: every method forwards to `System` with the caller's arguments;
// the counter is a const-initialised thread-local, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded as is.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// Chat without personal data, numbers of every other sort included.
const CLEAN: &[&str] = &[
    "Hello there, I wanted to ask about the blue shirt you showed me yesterday.",
    "bhai mera order 336130245152 abhi tak nahi aaya 😡",
    "courier AWB 1ZBJC2WQ3919863189, delivery on 12/03/2024 at 10:30",
    "Total: ₹5,780 incl. GST, or $49.99 + 7.5% tax; invoice INV-2024-00017",
    "Your OTP is 482913. Update the app to v2.3.14 please",
    "pedido 236001220 confirmado, llega el 2024-03-12 entre 9 y 11",
    "Bestellung Nr. 4711-0815 ist unterwegs 🚚 Sendungsnummer 00340434161234567890",
    "заказ №5532198 отправлен 03.12.2024, сумма 12 499 ₽",
    "订单号 781234561 已发货, 单价 ¥199.00",
    "room 1204, floor 12, 3 x 250 ml, score 3-1, 1:30 pm",
];

#[test]
fn scanning_clean_messages_allocates_nothing() {
    let scanner = Scanner::new();
    let mut found = Vec::new();
    let regions: Vec<Option<Region>> = [
        None,
        Some("IN"),
        Some("BR"),
        Some("DE"),
        Some("RU"),
        Some("CN"),
    ]
    .into_iter()
    .map(|r| r.map(|r| Region::new(r).unwrap()))
    .collect();
    // Warm-up: buffers grow, each region's patterns compile, the regex
    // caches of this thread fill.
    for region in &regions {
        for text in CLEAN {
            scanner.scan_into(text.as_bytes(), *region, &mut found);
            assert!(found.is_empty(), "{text:?} in {region:?}: {found:?}");
        }
    }
    let mut allocating = Vec::new();
    for region in &regions {
        for text in CLEAN {
            let n = allocations_during(|| {
                for _ in 0..20 {
                    scanner.scan_into(text.as_bytes(), *region, &mut found);
                }
            });
            if n > 0 {
                allocating.push((*region, *text, n));
            }
        }
    }
    assert!(
        allocating.is_empty(),
        "allocations while scanning: {allocating:?}"
    );
}

#[test]
fn redacting_clean_messages_allocates_nothing() {
    let scanner = Scanner::builder().region("IN").build().unwrap();
    let (mut found, mut masked) = (Vec::new(), Vec::new());
    for text in CLEAN {
        scanner
            .redact_into(text.as_bytes(), scanner.region(), &mut found, &mut masked)
            .unwrap();
        assert_eq!(masked, text.as_bytes());
    }
    let n = allocations_during(|| {
        for _ in 0..20 {
            for text in CLEAN {
                scanner
                    .redact_into(text.as_bytes(), scanner.region(), &mut found, &mut masked)
                    .unwrap();
            }
        }
    });
    assert_eq!(n, 0, "allocations while redacting clean messages");
}
