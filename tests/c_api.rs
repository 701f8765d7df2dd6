//! The C programs under `tests/c/`, compiled with `$CC` (default `cc`)
//! against `include/piimask.h` and linked twice, to the shared and to the
//! static library, then run; and the C++ ones (`*.cpp`), compiled with
//! `$CXX` (default `c++`) as C++17, the same way. The same programs run under AddressSanitizer,
//! UBSan and valgrind in `scripts/c-tests.sh`.
//!
//! `cargo test` builds only the Rust library, so this test first runs
//! `cargo build --lib` (same profile) to get fresh `libpiimask.so` and
//! `libpiimask.a`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/<profile>`, from the test binary's own path
/// (`target/<profile>/deps/c_api-*`), so `CARGO_TARGET_DIR` is honoured.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps")
        .to_path_buf()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the cdylib and staticlib of this crate in the test's profile.
fn build_libraries(profile: &Path) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root()).args(["build", "--lib", "--quiet"]);
    if profile.file_name().is_some_and(|n| n == "release") {
        cmd.arg("--release");
    }
    if let Some(target_dir) = profile.parent() {
        cmd.env("CARGO_TARGET_DIR", target_dir);
    }
    let status = cmd.status().expect("run cargo build --lib");
    assert!(status.success(), "cargo build --lib failed");
    for lib in ["libpiimask.so", "libpiimask.a"] {
        assert!(profile.join(lib).exists(), "{} missing", lib);
    }
}

/// Compiles `tests/c/<program>` (a `.c` or `.cpp` file) into `out`, linked
/// to the shared library (with an rpath) or the static one.
fn compile(program: &str, profile: &Path, out: &Path, shared: bool) {
    let (compiler, default, standard) = if program.ends_with(".cpp") {
        ("CXX", "c++", "-std=c++17")
    } else {
        ("CC", "cc", "-std=c11")
    };
    let cc = std::env::var(compiler).unwrap_or_else(|_| default.into());
    let mut cmd = Command::new(&cc);
    cmd.args([standard, "-Wall", "-Wextra", "-Werror", "-pedantic", "-g"])
        .arg("-I")
        .arg(root().join("include"))
        .arg(root().join("tests/c").join(program))
        .arg("-o")
        .arg(out);
    if shared {
        cmd.arg(format!("-L{}", profile.display()))
            .arg("-lpiimask")
            .arg(format!("-Wl,-rpath,{}", profile.display()));
    } else {
        // What `--print native-static-libs` lists for this target.
        cmd.arg(profile.join("libpiimask.a")).args([
            "-lgcc_s",
            "-lutil",
            "-lrt",
            "-lpthread",
            "-lm",
            "-ldl",
            "-lc",
        ]);
    }
    cmd.arg("-lpthread");
    let output = cmd.output().unwrap_or_else(|e| panic!("run {cc}: {e}"));
    assert!(
        output.status.success(),
        "{cc} failed on tests/c/{program}:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The file names of the C and C++ programs under `tests/c/`, sorted.
fn c_programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/c"))
        .expect("tests/c")
        .filter_map(|e| {
            let path = e.ok()?.path();
            matches!(path.extension()?.to_str()?, "c" | "cpp")
                .then(|| path.file_name()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    names
}

#[test]
fn c_programs_pass_against_shared_and_static_library() {
    if !cfg!(target_os = "linux") {
        eprintln!("skipped: the C test harness links Linux libraries");
        return;
    }
    let profile = profile_dir();
    build_libraries(&profile);
    let out_dir = profile.join("c-tests");
    std::fs::create_dir_all(&out_dir).expect("create target/<profile>/c-tests");

    let programs = c_programs();
    for expected in [
        "cpp_example.cpp",
        "errors.c",
        "readme_example.c",
        "reveal.c",
        "reveal_example.c",
        "scan.c",
    ] {
        assert!(
            programs.iter().any(|n| n == expected),
            "tests/c/{expected} missing; found {programs:?}"
        );
    }
    for program in &programs {
        let name = program
            .rsplit_once('.')
            .map_or(program.as_str(), |(stem, _)| stem);
        for shared in [true, false] {
            let linkage = if shared { "shared" } else { "static" };
            let exe = out_dir.join(format!("{name}-{linkage}"));
            compile(program, &profile, &exe, shared);
            let output = Command::new(&exe).output().expect("run C test program");
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(
                output.status.success(),
                "tests/c/{program} ({linkage}) failed:\n{stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            let expected = root().join("tests/c").join(format!("{name}.expected"));
            match std::fs::read_to_string(&expected) {
                Ok(expected) => assert_eq!(stdout, expected, "output of tests/c/{program}"),
                Err(_) => assert_eq!(stdout.trim(), format!("{name}: ok")),
            }
        }
    }
}

/// The C, C++ and Go examples of the documentation are these programs,
/// verbatim: `tests/c/readme_example.c` in the README; the reveal, C++
/// and Go examples in the C ABI guide.
#[test]
fn documented_c_examples_are_the_tested_ones() {
    for (program, doc, fence) in [
        ("tests/c/readme_example.c", "README.md", "c"),
        ("tests/c/reveal_example.c", "docs/c-api.md", "c"),
        ("tests/c/cpp_example.cpp", "docs/c-api.md", "cpp"),
        ("examples/go/main.go", "docs/c-api.md", "go"),
    ] {
        let example = std::fs::read_to_string(root().join(program))
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        let text =
            std::fs::read_to_string(root().join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"));
        assert!(
            text.contains(&format!("```{fence}\n{example}```")),
            "{doc} must show {program} verbatim in a ```{fence} block"
        );
    }
}
