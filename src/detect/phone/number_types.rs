//! The number types of a region's libphonenumber metadata whose patterns
//! make a number valid. Shared, as a file, by `build.rs` (which compiles
//! them into the crate) and the metadata tests (which check every example
//! number against the compiled tables).

use phonenumber::metadata::{Descriptor, Metadata};

/// The region's number types, empty ones (written `NA`) left out.
pub fn number_types(meta: &Metadata) -> impl Iterator<Item = &Descriptor> {
    let d = meta.descriptors();
    [
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.personal_number(),
        d.voip(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
    .filter(|desc| desc.national_number().as_str().trim() != "NA")
}
