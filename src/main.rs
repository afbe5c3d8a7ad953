use std::process::ExitCode;

/// mimalloc, not glibc's malloc: extraction allocates many short strings, and spends about a
/// sixth less time with it (the whole AllSides corpus on one core, alternating runs: 42.1–48.6 s
/// → 35.8–39.4 s; the same output).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, mimalloc.h); the bindings
/// name only some options.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system at once rather than after mimalloc's default 10 ms
/// (100 ms for whole arenas): an ingest then peaks at 147 MB resident instead of 207 MB, as
/// fast. An environment's `MIMALLOC_PURGE_DELAY` still decides.
fn return_freed_memory_promptly() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one allocator option; valid at any time.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

/// glibc's malloc still serves the C libraries (zstd), and gives every thread that calls it its
/// own 64 MiB arena of address space: with the extraction and indexing threads, an ingest
/// under `ulimit -v 1G` ran out of address space at 280 MB resident. Four arenas are plenty
/// for what it still allocates; `MALLOC_ARENA_MAX` in the environment still decides.
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
    return_freed_memory_promptly();
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
