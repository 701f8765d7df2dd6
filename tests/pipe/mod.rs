//! Piping text into a `piimask` process, for the tests that run the CLI.
//!
//! The CLI answers while it still reads (blocks of lines go out as they are
//! done), so a test that wrote all of standard input before reading
//! standard output would fill both pipes and wait for ever. [`feed`] writes
//! from a thread while the output is read.

use std::io::{self, Write};
use std::process::{Child, Output};

/// Writes `input` to `child`'s standard input (then closes it) while its
/// output is collected. Returns the output and how the writing went: a
/// process that rejects its options may exit before reading.
pub fn feed(mut child: Child, input: &[u8]) -> (Output, io::Result<()>) {
    let mut stdin = child.stdin.take().expect("standard input is piped");
    std::thread::scope(|s| {
        let writer = s.spawn(move || stdin.write_all(input));
        let out = child.wait_with_output().expect("the process ends");
        (out, writer.join().expect("the writer thread returns"))
    })
}
