use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must not greet the user with a backtrace: one line, then the usual exit.
    std::panic::set_hook(Box::new(|info| eprintln!("{}", onrecord::panic_line(info))));
    let cli = onrecord::cli::Cli::parse_args();
    match onrecord::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: {e:#}");
            ExitCode::from(2)
        }
    }
}
