//! `piimask`: scan or redact chat logs (JSON Lines or plain text) in bulk.
//! The command line lives in the library's `cli` module.

fn main() -> std::process::ExitCode {
    piimask::cli::main()
}
