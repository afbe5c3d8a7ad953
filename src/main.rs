use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A bug must not greet the user with a backtrace: one line, then the usual exit.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("onrecord: internal error: {msg}{at}");
    }));
    let cli = onrecord::cli::Cli::parse();
    match onrecord::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: {e:#}");
            ExitCode::from(2)
        }
    }
}
