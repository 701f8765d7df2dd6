//! Any configuration JSON through `Config::from_json` and the builder, with
//! and without a key: no panic; errors never echo the document; and with
//! every role the configuration can name, redaction either succeeds or
//! fails closed (no text at all).
#![no_main]

use libfuzzer_sys::fuzz_target;
use piimask::policy::Key;
use piimask::{Config, Scanner};
use piimask_fuzz::{check_findings, check_redaction};

/// Chat lines with something of every kind, and some near-misses.
const MESSAGES: &[&[u8]] = &[
    "call me +91 98765 43210 or rahul.s@example.co.in, order #48213977".as_bytes(),
    "llamame al (011) 2345-6789 o escribe a ana@correo.com.ar".as_bytes(),
    "card 4111 1111 1111 1111 iban DE89 3704 0044 0532 0130 00 ip 192.168.10.7".as_bytes(),
    "cpf 123.456.789-09 ssn 078-05-1120 wa.me/5511987654321".as_bytes(),
    "٠١٠٠١٢٣٤٥٦٧ ٩٨٧٦٥ \u{202E}+44 20 7946 0958\u{202C}".as_bytes(),
    b"bad \xff+49 30 \xc3 901820 \x00 x@y.z",
];

fn key() -> Key {
    Key::new(&[7; 32]).expect("32-byte key")
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let config = match Config::from_json(json) {
        Ok(c) => c,
        Err(e) => {
            let message = format!("{e} {e:?}");
            assert!(
                json.len() < 16 || !message.contains(json),
                "error echoes the document"
            );
            return;
        }
    };
    let mut roles: Vec<Option<String>> = vec![None, Some(String::new())];
    if let Some(policy) = &config.policy {
        roles.extend(policy.roles.keys().cloned().map(Some));
        roles.extend(policy.default_role.clone().map(Some));
    }
    for keyed in [false, true] {
        let mut builder = Scanner::builder().config(&config);
        if keyed {
            builder = builder.key(key());
        }
        let Ok(scanner) = builder.build() else {
            continue;
        };
        roles.extend(scanner.policy().role_names().map(|r| Some(r.to_string())));
        let (mut found, mut scratch, mut out) = (Vec::new(), Vec::new(), Vec::new());
        for text in MESSAGES {
            scanner.scan_into(text, None, &mut found);
            check_findings(&scanner, text, &found);
            if scanner.policy().default_role().is_none() {
                scanner
                    .redact_into(text, None, &mut scratch, &mut out)
                    .expect("default masks never fail");
                check_redaction(text, &found, &out);
            }
            for role in &roles {
                out.extend_from_slice(b"stale");
                let result =
                    scanner.redact_role_into(text, None, role.as_deref(), &mut scratch, &mut out);
                match result {
                    Ok(()) => {}
                    Err(e) => {
                        assert!(out.is_empty(), "{e}: text returned on error");
                        let message = format!("{e} {e:?}");
                        for f in &found {
                            let value = String::from_utf8_lossy(&text[f.range()]);
                            assert!(
                                value.len() < 4 || !message.contains(&*value),
                                "error names a value"
                            );
                        }
                    }
                }
            }
        }
    }
});
