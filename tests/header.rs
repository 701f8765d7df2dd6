//! The committed C header is exactly what cbindgen (pinned in Cargo.toml)
//! generates from `src/ffi` with `cbindgen.toml`.
//!
//! After changing the C ABI, regenerate it with
//!
//! ```sh
//! PIIMASK_BLESS=1 cargo test --test header
//! ```

use std::path::Path;

/// The version macros, from Cargo.toml's version (so that the header cannot
/// claim another version than the library's `piimask_version()`).
fn version_macros() -> String {
    format!(
        "\n// The version of the library this header comes with (Cargo.toml's).\n\
         // A host can compare them with piimask_version() at run time: a\n\
         // library of the same major version and an equal or newer minor version\n\
         // has every declaration of this header (see CHANGELOG.md).\n\
         #define PIIMASK_VERSION_MAJOR {}\n\
         #define PIIMASK_VERSION_MINOR {}\n\
         #define PIIMASK_VERSION_PATCH {}\n\
         #define PIIMASK_VERSION_STRING \"{}\"",
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION"),
    )
}

#[test]
fn committed_header_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut config =
        cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(version_macros());
    let bindings = cbindgen::Builder::new()
        // Only the C ABI module (and its submodules), not the whole crate.
        .with_src(root.join("src/ffi/mod.rs"))
        .with_config(config)
        .generate()
        .expect("cbindgen could not generate the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);

    let path = root.join("include/piimask.h");
    if std::env::var_os("PIIMASK_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write include/piimask.h");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    if committed != generated {
        let first_difference = String::from_utf8_lossy(&generated)
            .lines()
            .zip(
                String::from_utf8_lossy(&committed)
                    .lines()
                    .chain(std::iter::repeat("")),
            )
            .position(|(g, c)| g != c)
            .map_or(0, |i| i + 1);
        panic!(
            "include/piimask.h is not what cbindgen generates from src/ffi \
             (first difference at line {first_difference}).\n\
             Regenerate it with:\n\n    PIIMASK_BLESS=1 cargo test --test header\n"
        );
    }
}
