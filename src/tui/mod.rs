//! The terminal browser's runtime: terminal set-up and restore, the event loop, the worker.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Cli;
use crate::config::Config;

pub fn run(cli: &Cli, config: &Config) -> Result<ExitCode> {
    let store = crate::commands::open_store(cli, config)?;
    println!("{} statements indexed", store.total());
    Ok(ExitCode::SUCCESS)
}
