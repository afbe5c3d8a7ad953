use std::process::ExitCode;

/// glibc gives every thread that allocates its own 64 MiB arena of address space: with the
/// extraction and indexing threads, an ingest under `ulimit -v 1G` ran out of address space
/// at 280 MB resident. Four arenas keep ingest as fast (two cost a third of its speed);
/// `MALLOC_ARENA_MAX` in the environment still decides.
fn few_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets an allocator parameter; called before any thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 4);
        }
    }
}

fn main() -> ExitCode {
    few_malloc_arenas();
    // A bug must not greet the user with a backtrace: one line, then the usual exit.
    std::panic::set_hook(Box::new(|info| eprintln!("{}", onrecord::panic_line(info))));
    let cli = onrecord::cli::Cli::parse_args();
    match onrecord::commands::run(cli) {
        Ok(code) => code,
        // Said already by the panic hook; the exit status is a panic's.
        Err(e) if e.is::<onrecord::tui::WorkerPanicked>() => ExitCode::from(101),
        Err(e) => {
            eprintln!("onrecord: {e:#}");
            ExitCode::from(2)
        }
    }
}
