//! Writes the benches' realistic chat corpus (`benches/common/corpus.rs`,
//! the text of criterion's `c_realistic_chat`) as JSON Lines, for timing
//! the CLI end to end on a large file:
//!
//! ```text
//! cargo run --release --example realistic_jsonl -- 50000000 IN > chat.jsonl
//! time target/release/piimask scan chat.jsonl > /dev/null
//! ```
//!
//! Arguments: the total message text in bytes (default 50 000 000), the
//! region hint written on each line (default `IN`, as in the benches) and
//! the shape of text (`realistic`, the default, or the other benches'
//! `prose`, `numbers` or `dense`).

use std::io::{self, BufWriter, Write};

#[path = "../benches/common/corpus.rs"]
#[allow(dead_code)]
mod corpus;

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let total = args
        .next()
        .map(|n| n.parse().expect("total bytes: a number"))
        .unwrap_or(50_000_000);
    let region = args.next().unwrap_or_else(|| "IN".to_string());
    let region = serde_json::to_string(&region)?;
    let messages = match args.next().as_deref() {
        None | Some("realistic") => corpus::realistic(total),
        Some("prose") => corpus::prose(total),
        Some("numbers") => corpus::numbers_no_pii(total),
        Some("dense") => corpus::dense(total),
        Some(other) => panic!("unknown shape {other:?}: realistic, prose, numbers or dense"),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for message in messages {
        writeln!(
            out,
            "{{\"region\":{region},\"text\":{}}}",
            serde_json::to_string(&message)?
        )?;
    }
    out.flush()
}
