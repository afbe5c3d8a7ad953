use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = onrecord::cli::Cli::parse();
    match onrecord::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: {e:#}");
            ExitCode::from(2)
        }
    }
}
