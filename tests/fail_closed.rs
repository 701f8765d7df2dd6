//! Fail closed: every way a redaction can fail gives an error and no text,
//! in the Rust API, the C ABI and the CLI, even when the failing step had
//! already written a value unmasked.
//!
//! Failures come from two places. `Scanner::inject_masking_fault` (a
//! hidden, per-thread hook in the real masking step) makes the operator of
//! one finding write that finding's value unmasked and then fail, with an
//! error or a panic; everything else is the real redaction. And a real
//! failure: keyed operators (token, hash) on a scanner without a key.
//! Each test checks that neither the value nor any other text comes back,
//! and that error messages (and panic messages) do not carry the value.

use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use piimask::ffi::{
    piimask_bytes, piimask_bytes_free, piimask_bytes_len, piimask_bytes_list,
    piimask_bytes_list_free, piimask_bytes_new, piimask_last_error, piimask_redact,
    piimask_redact_batch, piimask_redact_into, piimask_scanner, piimask_scanner_free,
    piimask_scanner_new, piimask_status, piimask_text,
};
use piimask::{Error, Scanner};

/// A message with three findings (a phone, an e-mail, a card) and text
/// around them.
const TEXT: &str =
    "hi, call +91 98765 43210 or mail priya.r@example.in; card 4111 1111 1111 1111 thanks";
const VALUES: [&str; 3] = [
    "+91 98765 43210",
    "priya.r@example.in",
    "4111 1111 1111 1111",
];

/// Arms the masking fault on this thread and disarms it when dropped
/// (also when a test fails).
struct Fault;

impl Fault {
    fn at(finding: usize, panic: bool) -> Fault {
        Scanner::inject_masking_fault(Some(finding), panic);
        Fault
    }
}

impl Drop for Fault {
    fn drop(&mut self) {
        Scanner::inject_masking_fault(None, false);
    }
}

fn scanner() -> Scanner {
    Scanner::builder().region("IN").build().unwrap()
}

/// Nothing of `TEXT` is in `bytes`: no value, and no text around them.
fn assert_no_text(what: &str, bytes: &[u8]) {
    assert!(
        bytes.is_empty(),
        "{what}: returned {:?}",
        String::from_utf8_lossy(bytes)
    );
}

/// `message` names no value of `TEXT` (nor its digits).
fn assert_no_value(what: &str, message: &str) {
    for value in VALUES {
        assert!(
            !message.contains(value),
            "{what}: {message:?} holds {value:?}"
        );
    }
    assert!(!message.contains("9876543210"), "{what}: {message:?}");
    assert!(!message.contains("4111111111111111"), "{what}: {message:?}");
}

#[test]
fn the_findings_are_the_ones_the_faults_aim_at() {
    let found: Vec<&str> = scanner()
        .scan(TEXT)
        .iter()
        .map(|f| &TEXT[f.range()])
        .collect();
    assert_eq!(found, VALUES);
    // Unarmed, the hook changes nothing.
    assert!(scanner().redact(TEXT).unwrap().contains("••••"));
}

#[test]
fn rust_api_errors_return_no_text() {
    let s = scanner();
    let region = s.region();
    for at in 0..VALUES.len() {
        let _fault = Fault::at(at, false);
        let checks: [(&str, Result<String, Error>); 3] = [
            ("redact", s.redact(TEXT)),
            ("redact_with", s.redact_with(TEXT, region)),
            ("redact_as", s.redact_as(TEXT, region, Some("supervisor"))),
        ];
        for (name, result) in checks {
            let e = result.expect_err(name);
            assert!(matches!(e, Error::Redaction(_)), "{name}: {e:?}");
            assert_no_value(name, &format!("{e} {e:?}"));
        }
        let (mut findings, mut out) = (Vec::new(), b"stale".to_vec());
        let e = s
            .redact_into(TEXT.as_bytes(), region, &mut findings, &mut out)
            .unwrap_err();
        assert_no_text("redact_into", &out);
        assert_no_value("redact_into", &e.to_string());
        out.extend_from_slice(b"stale");
        s.redact_role_into(
            TEXT.as_bytes(),
            region,
            Some("compliance"),
            &mut findings,
            &mut out,
        )
        .unwrap_err();
        assert_no_text("redact_role_into", &out);
    }
}

#[test]
fn rust_api_panics_leave_no_text() {
    let s = scanner();
    for at in 0..VALUES.len() {
        let _fault = Fault::at(at, true);
        let (mut findings, mut out) = (Vec::new(), Vec::new());
        let panic = catch_unwind(AssertUnwindSafe(|| {
            s.redact_into(TEXT.as_bytes(), s.region(), &mut findings, &mut out)
        }))
        .expect_err("the injected fault panics");
        assert_no_text("redact_into after a panic", &out);
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        assert_no_value("panic message", &message);
    }
}

#[test]
fn keyed_operators_without_a_key_fail_closed() {
    // A real failure, not an injected one: the agent role tokenises phones
    // and e-mails, the export role hashes them, and neither can without a
    // key. Masking the text before the first finding has already happened
    // when the operator fails.
    let s = scanner();
    for role in ["agent", "export"] {
        let (mut findings, mut out) = (Vec::new(), Vec::new());
        let e = s
            .redact_role_into(
                TEXT.as_bytes(),
                s.region(),
                Some(role),
                &mut findings,
                &mut out,
            )
            .unwrap_err();
        assert!(matches!(e, Error::MissingKey(_)), "{role}: {e:?}");
        assert_no_text(role, &out);
        assert_no_value(role, &format!("{e} {e:?}"));
    }
    // The same through a configuration's default role.
    let config = piimask::Config::from_json(r#"{"policy":{"default_role":"export"}}"#).unwrap();
    let s = Scanner::builder().config(&config).build().unwrap();
    assert!(s.redact(TEXT).is_err());
    assert!(s.redact_with("no personal data here", None).is_ok());
}

/// A C scanner with the default configuration and region `IN`.
fn c_scanner() -> *mut piimask_scanner {
    let config = br#"{"region":"IN"}"#;
    let mut s = ptr::null_mut();
    // SAFETY: a valid buffer of `len` bytes and a writable out-pointer.
    let status = unsafe { piimask_scanner_new(config.as_ptr().cast(), config.len(), &mut s) };
    assert_eq!(status, piimask_status::Ok);
    s
}

/// This thread's last C ABI error message.
fn last_error() -> String {
    let mut buf = vec![0u8; 512];
    // SAFETY: `buf` has `cap` writable bytes.
    let n = unsafe { piimask_last_error(buf.as_mut_ptr().cast::<c_char>(), buf.len()) };
    buf.truncate(n.min(buf.len() - 1));
    String::from_utf8_lossy(&buf).into_owned()
}

#[test]
fn c_abi_redact_fails_closed() {
    let s = c_scanner();
    for (at, panic) in [(0, false), (1, false), (2, false), (0, true), (2, true)] {
        let _fault = Fault::at(at, panic);
        // A sentinel: on failure, the out-parameter is left untouched.
        let sentinel = ptr::NonNull::<piimask_bytes>::dangling().as_ptr();
        let mut out = sentinel;
        // SAFETY: live scanner, `TEXT` readable, NULL region and role.
        let status = unsafe {
            piimask_redact(
                s,
                TEXT.as_ptr(),
                TEXT.len(),
                ptr::null(),
                ptr::null(),
                &mut out,
            )
        };
        let expected = if panic {
            piimask_status::Panic
        } else {
            piimask_status::RedactionFailed
        };
        assert_eq!(status, expected, "fault at {at}, panic {panic}");
        assert_eq!(out, sentinel, "out written on failure");
        assert_no_value("piimask_last_error", &last_error());
    }
    // SAFETY: from piimask_scanner_new, freed once.
    unsafe { piimask_scanner_free(s) };
}

#[test]
fn c_abi_redact_into_leaves_its_bytes_empty() {
    let s = c_scanner();
    let mut bytes = ptr::null_mut();
    // SAFETY: writable out-pointer.
    assert_eq!(unsafe { piimask_bytes_new(&mut bytes) }, piimask_status::Ok);
    for (at, panic) in [(0, false), (2, false)] {
        // A successful redaction first, so the bytes hold text.
        // SAFETY: live scanner and bytes, readable text, NULL region/role.
        let ok = unsafe {
            piimask_redact_into(
                s,
                TEXT.as_ptr(),
                TEXT.len(),
                ptr::null(),
                ptr::null(),
                bytes,
                ptr::null_mut(),
                ptr::null_mut(),
            )
        };
        assert_eq!(ok, piimask_status::Ok);
        // SAFETY: live bytes.
        assert!(unsafe { piimask_bytes_len(bytes) } > 0);
        let _fault = Fault::at(at, panic);
        let (mut data, mut len) = (ptr::null(), usize::MAX);
        // SAFETY: as above, with writable `data` and `len`.
        let status = unsafe {
            piimask_redact_into(
                s,
                TEXT.as_ptr(),
                TEXT.len(),
                ptr::null(),
                ptr::null(),
                bytes,
                &mut data,
                &mut len,
            )
        };
        assert_eq!(status, piimask_status::RedactionFailed);
        assert!(
            data.is_null() && len == usize::MAX,
            "outputs written on failure"
        );
        // SAFETY: live bytes.
        assert_eq!(
            unsafe { piimask_bytes_len(bytes) },
            0,
            "text left in the bytes"
        );
    }
    // SAFETY: from piimask_bytes_new / piimask_scanner_new, freed once.
    unsafe {
        piimask_bytes_free(bytes);
        piimask_scanner_free(s);
    }
}

#[test]
fn c_abi_batch_fails_whole() {
    let s = c_scanner();
    // The first messages redact fine; the fault hits the one with findings.
    let messages = ["no data here", "nor here", TEXT];
    let texts: Vec<piimask_text> = messages
        .iter()
        .map(|m| piimask_text {
            ptr: m.as_ptr(),
            len: m.len(),
        })
        .collect();
    for panic in [false, true] {
        let _fault = Fault::at(1, panic);
        let sentinel = ptr::NonNull::<piimask_bytes_list>::dangling().as_ptr();
        let mut out = sentinel;
        // SAFETY: live scanner, `texts` holds `n` readable texts.
        let status = unsafe {
            piimask_redact_batch(
                s,
                texts.as_ptr(),
                texts.len(),
                ptr::null(),
                ptr::null(),
                &mut out,
            )
        };
        assert_ne!(status, piimask_status::Ok);
        assert_eq!(out, sentinel, "a partial batch was returned");
        assert_no_value("piimask_last_error", &last_error());
    }
    // Without a fault the same batch works (and is freed).
    let mut out = ptr::null_mut();
    // SAFETY: as above.
    let status = unsafe {
        piimask_redact_batch(
            s,
            texts.as_ptr(),
            texts.len(),
            ptr::null(),
            ptr::null(),
            &mut out,
        )
    };
    assert_eq!(status, piimask_status::Ok);
    // SAFETY: from piimask_redact_batch / piimask_scanner_new, freed once.
    unsafe {
        piimask_bytes_list_free(out);
        piimask_scanner_free(s);
    }
}

#[test]
fn c_abi_keyed_role_without_a_key_fails_closed() {
    let s = c_scanner();
    let role = CString::new("agent").unwrap();
    let sentinel = ptr::NonNull::<piimask_bytes>::dangling().as_ptr();
    let mut out = sentinel;
    // SAFETY: live scanner, readable text, NUL-terminated role.
    let status = unsafe {
        piimask_redact(
            s,
            TEXT.as_ptr(),
            TEXT.len(),
            ptr::null(),
            role.as_ptr(),
            &mut out,
        )
    };
    assert_ne!(status, piimask_status::Ok);
    assert_eq!(out, sentinel);
    assert_no_value("piimask_last_error", &last_error());
    // SAFETY: from piimask_scanner_new, freed once.
    unsafe { piimask_scanner_free(s) };
}

#[cfg(feature = "cli")]
#[test]
fn cli_errors_carry_no_text() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let json_line = serde_json::json!({ "id": 1, "text": TEXT }).to_string();
    for (args, input) in [
        (&["redact", "--role", "agent"][..], json_line.as_str()),
        (&["redact", "--role", "export", "--plain"][..], TEXT),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_piimask"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{input}").unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        if args.contains(&"--plain") {
            // Plain output stays plain text: an empty line stands for the
            // failed one, and the problem goes to standard error.
            assert_eq!(stdout, "\n", "{args:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains("line 1: "), "{stderr}");
        } else {
            let line: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
            assert!(line["error"].is_string(), "{args:?}: {stdout}");
            assert!(line.get("text").is_none(), "{args:?}: {stdout}");
        }
        assert!(
            !stdout.contains("hi, call") && !stdout.contains("thanks"),
            "{stdout}"
        );
        assert_no_value("CLI output", &stdout);
        assert_no_value("CLI errors", &String::from_utf8_lossy(&out.stderr));
    }
}

#[cfg(feature = "cli")]
#[test]
fn cli_error_lines_for_malformed_input_carry_no_text() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let malformed: [&[u8]; 6] = [
        br#"{"text": "call +91 98765 43210", "region": 5}"#,
        br#"{"text": "call +91 98765 43210", "region": "+91 98765 43210"}"#,
        br#"{"text": "call +91 98765 43210""#,
        br#"{"text": ["call +91 98765 43210"]}"#,
        br#"["call +91 98765 43210"]"#,
        b"{\"text\": \"call +91 98765 43210 \xff\"}",
    ];
    let mut input = Vec::new();
    for line in malformed {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    for args in [&["redact"][..], &["scan"][..], &["redact", "--plain"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_piimask"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let errors = stdout
            .lines()
            .filter(|l| l.starts_with("{\"error\""))
            .count();
        if args.contains(&"--plain") {
            // Plain lines are messages: every line comes back masked, the
            // one with invalid UTF-8 too (the byte passes through).
            assert_eq!(errors, 0, "{stdout}");
        } else {
            // The invalid byte in the last line's string is read as U+FFFD
            // and the line redacted; the others are answered with errors.
            assert_eq!(errors, malformed.len() - 1, "{args:?}: {stdout}");
        }
        // A scan reports the number it found in the line it could read;
        // no error line, and no redacted line, shows it.
        let shown = |l: &&str| args != ["scan"] || l.starts_with("{\"error\"");
        for line in stdout.lines().filter(shown) {
            assert!(!line.contains("98765"), "{args:?}: {line}");
        }
        assert!(!String::from_utf8_lossy(&out.stderr).contains("98765"));
    }
}

/// A reused result object holds what an earlier call put there (here, as a
/// vault callback would: a revealed value). A call that fails must leave it
/// empty whatever the failure, a NULL scanner included.
#[test]
fn c_abi_reused_objects_are_emptied_on_every_failure() {
    use piimask::ffi::{
        piimask_bytes_set, piimask_findings_free, piimask_findings_len, piimask_findings_new,
        piimask_scan_into,
    };
    let s = c_scanner();
    let mut bytes = ptr::null_mut();
    let mut findings = ptr::null_mut();
    // SAFETY: writable out-pointers; live objects; readable buffers.
    unsafe {
        assert_eq!(piimask_bytes_new(&mut bytes), piimask_status::Ok);
        assert_eq!(piimask_findings_new(&mut findings), piimask_status::Ok);
        let secret = b"+91 98765 43210";
        assert_eq!(
            piimask_bytes_set(bytes, secret.as_ptr(), secret.len()),
            piimask_status::Ok
        );
        let status = piimask_redact_into(
            ptr::null(),
            TEXT.as_ptr(),
            TEXT.len(),
            ptr::null(),
            ptr::null(),
            bytes,
            ptr::null_mut(),
            ptr::null_mut(),
        );
        assert_eq!(status, piimask_status::NullArgument);
        assert_eq!(
            piimask_bytes_len(bytes),
            0,
            "redact_into kept the old bytes"
        );

        let ok = piimask_scan_into(
            s,
            TEXT.as_ptr(),
            TEXT.len(),
            ptr::null(),
            findings,
            ptr::null_mut(),
            ptr::null_mut(),
        );
        assert_eq!(ok, piimask_status::Ok);
        assert_eq!(piimask_findings_len(findings), 3);
        let status = piimask_scan_into(
            ptr::null(),
            TEXT.as_ptr(),
            TEXT.len(),
            ptr::null(),
            findings,
            ptr::null_mut(),
            ptr::null_mut(),
        );
        assert_eq!(status, piimask_status::NullArgument);
        assert_eq!(
            piimask_findings_len(findings),
            0,
            "scan_into kept the old findings"
        );

        piimask_findings_free(findings);
        piimask_bytes_free(bytes);
        piimask_scanner_free(s);
    }
}
