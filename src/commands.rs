//! Each subcommand as a function: reads inputs, calls the layers, prints. Exit codes: 0 all
//! well, 1 some inputs failed (the rest was processed), 2 the command could not run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::extract::Extractor;
use crate::extract::officials::Gazetteer;
use crate::extract::topics::Taxonomy;
use crate::input;
use crate::model::Statement;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let config = Config::load(&cli.config)?;
    for w in &config.warnings {
        eprintln!("onrecord: {w}");
    }
    match cli.command {
        Some(Command::Extract { ref paths, json }) => extract(&cli, &config, paths, json),
        _ => anyhow::bail!("this command is not available yet"),
    }
}

/// The gazetteer from `DATA/officials.toml`, else the built-in one.
pub fn load_gazetteer(data: &Path) -> Result<Gazetteer> {
    let path = data.join("officials.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            Gazetteer::parse(&text, &path.display().to_string()).map_err(anyhow::Error::msg)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Gazetteer::builtin()),
        Err(e) => Err(e).with_context(|| format!("{}: cannot read", path.display())),
    }
}

pub fn extractor(data: &Path, config: &Config) -> Result<Extractor> {
    Ok(Extractor::new(
        load_gazetteer(data)?,
        Taxonomy::new(config.topics.clone(), config.topic_threshold),
    ))
}

fn extract(cli: &Cli, config: &Config, paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let ex = extractor(&cli.data, config)?;
    let (files, mut problems) = input::collect_files(paths);
    if files.is_empty() && problems.is_empty() {
        problems.push(format!(
            "{}: no article files found (.txt, .html, .json, .jsonl, optionally .gz/.zst)",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = !problems.is_empty();
    for p in &problems {
        eprintln!("onrecord: {p}");
    }
    let mut write_err = None;
    for f in &files {
        let ok = input::read_file(
            f,
            config.max_file_bytes,
            &mut |article| {
                for st in ex.extract(&article) {
                    let r = if json {
                        writeln!(out, "{}", serde_json::to_string(&st).unwrap_or_default())
                    } else {
                        write_block(&mut out, &st)
                    };
                    if let Err(e) = r {
                        write_err.get_or_insert(e);
                    }
                }
            },
            &mut |problem| {
                eprintln!("onrecord: {problem}");
                failed = true;
            },
        );
        failed |= !ok;
        if let Some(e) = &write_err
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            return Ok(ExitCode::SUCCESS);
        }
    }
    out.flush().ok();
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_block(out: &mut impl Write, st: &Statement) -> std::io::Result<()> {
    let clean = crate::sanitize::for_terminal;
    let title = st
        .speaker_title
        .as_deref()
        .map(|t| format!(" ({})", clean(t)))
        .unwrap_or_default();
    writeln!(
        out,
        "{}{} · {} · {}",
        clean(&st.speaker),
        title,
        st.kind.as_str(),
        st.topics.join(", ")
    )?;
    let meta: Vec<String> = [st.date.clone(), st.outlet.clone(), Some(st.source.clone())]
        .into_iter()
        .flatten()
        .map(|s| clean(&s))
        .collect();
    writeln!(out, "  {}", meta.join(" · "))?;
    writeln!(out, "  “{}”", clean(&st.text))?;
    writeln!(out)
}
