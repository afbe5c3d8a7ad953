//! Each subcommand as a function: reads inputs, calls the layers, prints. Exit codes: 0 all
//! well, 1 some inputs failed (the rest was processed), 2 the command could not run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, FilterArgs};
use crate::config::Config;
use crate::extract::Extractor;
use crate::extract::officials::Gazetteer;
use crate::extract::topics::Taxonomy;
use crate::index::reader::{Store, parse_user_date};
use crate::index::writer::{self, IngestOptions};
use crate::input;
use crate::model::Statement;
use crate::model::{Filter, Kind};
use crate::{lookup, names};

/// The configuration. A user's file is read at once, so that its mistakes are reported
/// whatever the command; the built-in one (no file, or the shipped `config.toml` as is) is
/// parsed when a command first needs it, so a search that needs no taxonomy never parses it
/// (about a millisecond, a fifth of a search's own time).
pub struct Settings {
    path: Option<PathBuf>,
    config: std::cell::OnceCell<Config>,
}

impl Settings {
    /// Where the configuration is; a file named on the command line must be there (a typo is
    /// not the defaults), whatever the command.
    fn locate(cli: &Cli) -> Result<Settings> {
        let env = |v: &str| std::env::var(v).ok();
        let path = crate::cli::config_path(cli.config.as_ref(), Path::new(""), env);
        if let Some(p) = &path
            && cli.config.is_some()
            && !p.exists()
        {
            anyhow::bail!("{}: no such configuration file", p.display())
        }
        let settings = Settings {
            path,
            config: std::cell::OnceCell::new(),
        };
        let built_in = match &settings.path {
            None => true,
            Some(p) => match std::fs::read(p) {
                Ok(bytes) => bytes == crate::config::DEFAULT_CONFIG.as_bytes(),
                Err(e) => e.kind() == std::io::ErrorKind::NotFound,
            },
        };
        if !built_in {
            settings.get()?;
        }
        Ok(settings)
    }

    /// The configuration, read (and its warnings printed) on first use.
    pub fn get(&self) -> Result<&Config> {
        if let Some(c) = self.config.get() {
            return Ok(c);
        }
        let config = match &self.path {
            Some(p) => Config::load(p)?,
            None => Config::defaults(),
        };
        for w in &config.warnings {
            eprintln!("onrecord: {w}");
        }
        Ok(self.config.get_or_init(|| config))
    }
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let settings = Settings::locate(&cli)?;
    lookup::set_color(cli.color);
    lookup::set_quiet(cli.quiet);
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Into memory first: clap_complete panics on a write error (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "onrecord", &mut script);
            let mut out = std::io::stdout().lock();
            match out.write_all(&script).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir }) => man_page(dir.as_deref()),
        Some(Command::Extract { paths, json }) => extract(&cli, settings.get()?, paths, *json),
        Some(Command::Ingest { paths, rebuild }) => {
            ingest_cmd(&cli, settings.get()?, paths, *rebuild)
        }
        Some(Command::Search {
            query,
            filters,
            limit,
            dedup,
            sort,
            json,
        }) => {
            let store = open_store(&cli, &settings)?;
            let filter = resolve_filter(&store, &settings, query.as_deref(), filters)?;
            let sort = sort.map(|s| match s {
                crate::cli::SortArg::Relevance => crate::index::reader::Sort::Relevance,
                crate::cli::SortArg::Newest => crate::index::reader::Sort::Date,
                crate::cli::SortArg::Speaker => crate::index::reader::Sort::Speaker,
            });
            lookup::search(&store, &filter, sort, *limit, *dedup, *json)
        }
        Some(Command::Export {
            format,
            query,
            filters,
            output,
        }) => {
            let store = open_store(&cli, &settings)?;
            let filter = resolve_filter(&store, &settings, query.as_deref(), filters)?;
            lookup::export(&store, &filter, *format, output.as_deref())
        }
        Some(Command::Officials { json }) => {
            lookup::officials(&open_store(&cli, &settings)?, *json)
        }
        Some(Command::Topics { json }) => {
            lookup::topics(&open_store(&cli, &settings)?, settings.get()?, *json)
        }
        Some(Command::Stats {
            official,
            topic,
            by,
            json,
        }) => {
            let store = open_store(&cli, &settings)?;
            match by {
                None if official.is_none() && topic.is_none() => lookup::stats(&store, *json),
                by => {
                    let args = FilterArgs {
                        official: official.clone(),
                        topic: topic.clone(),
                        ..FilterArgs::default()
                    };
                    let filter = resolve_filter(&store, &settings, None, &args)?;
                    let period = match by.unwrap_or(crate::cli::PeriodArg::Month) {
                        crate::cli::PeriodArg::Week => crate::index::reader::Period::Week,
                        crate::cli::PeriodArg::Month => crate::index::reader::Period::Month,
                        crate::cli::PeriodArg::Year => crate::index::reader::Period::Year,
                    };
                    lookup::timeline(&store, &filter, period, *json)
                }
            }
        }
        Some(Command::Verify {
            sentence,
            limit,
            json,
        }) => lookup::verify(&open_store(&cli, &settings)?, sentence, *limit, *json),
        None => crate::tui::run(&cli, settings.get()?),
    }
}

/// `--index`, else the platform data directory keyed by the data path.
pub fn index_dir(cli: &Cli) -> PathBuf {
    if let Some(d) = &cli.index {
        return d.clone();
    }
    let base = directories::ProjectDirs::from("", "", "onrecord")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".onrecord"));
    base.join(crate::index::writer::data_key(&cli.data))
}

/// Ingests `paths` (default: the data directory) and prints the one-line summary.
fn ingest_cmd(cli: &Cli, config: &Config, paths: &[PathBuf], rebuild: bool) -> Result<ExitCode> {
    let ex = extractor(&cli.data, config)?;
    let dir = index_dir(cli);
    let paths = if paths.is_empty() {
        vec![cli.data.clone()]
    } else {
        paths.to_vec()
    };
    let opts = IngestOptions {
        rebuild,
        max_file_bytes: config.max_file_bytes,
        progress: !cli.quiet,
    };
    let report = writer::ingest(&dir, &paths, &ex, &opts)?;
    for p in &report.problems {
        eprintln!("onrecord: {p}");
    }
    if !cli.quiet {
        eprintln!("onrecord: {}", report.summary());
    }
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The index a command may use: at `--index` it must exist (a mistyped path is no reason to
/// build a new one), and a `--data` typed on the command line must be the corpus the index
/// was built from. One line and exit 2 otherwise.
pub fn check_index_and_data(cli: &Cli) -> Result<()> {
    let dir = index_dir(cli);
    let exists = crate::index::exists(&dir);
    if let Some(given) = &cli.index
        && !exists
    {
        anyhow::bail!(
            "no index at {}: check the path, or build one with `onrecord --index {} ingest PATH`",
            given.display(),
            given.display()
        );
    }
    if exists && cli.data_given && cli.data.is_dir() && !writer::built_from(&dir, &cli.data) {
        anyhow::bail!(
            "the index at {} was not built from {}: add it with `onrecord --index {} ingest {}`, or leave out --data",
            dir.display(),
            cli.data.display(),
            dir.display(),
            cli.data.display()
        );
    }
    Ok(())
}

/// Opens the index, building it from the data directory first when there is none.
pub fn open_store(cli: &Cli, settings: &Settings) -> Result<Store> {
    check_index_and_data(cli)?;
    let dir = index_dir(cli);
    if !crate::index::exists(&dir) {
        if !cli.data.is_dir() {
            anyhow::bail!(
                "no index at {} and no data directory {}: run `onrecord ingest PATH`",
                dir.display(),
                cli.data.display()
            );
        }
        if !cli.quiet {
            eprintln!(
                "onrecord: building the index from {} (first run)",
                cli.data.display()
            );
        }
        let config = settings.get()?;
        let ex = extractor(&cli.data, config)?;
        let opts = IngestOptions {
            rebuild: false,
            max_file_bytes: config.max_file_bytes,
            progress: !cli.quiet,
        };
        let report = writer::ingest(&dir, std::slice::from_ref(&cli.data), &ex, &opts)?;
        for p in &report.problems {
            eprintln!("onrecord: {p}");
        }
        if !cli.quiet {
            eprintln!("onrecord: {}", report.summary());
        }
    }
    Ok(Store::open(&dir)?)
}

/// Turns command-line filters into a `Filter`, matching names leniently and suggesting the
/// closest when nothing matches.
pub fn resolve_filter(
    store: &Store,
    settings: &Settings,
    query: Option<&str>,
    f: &FilterArgs,
) -> Result<Filter> {
    let mut filter = Filter {
        query: query.unwrap_or_default().to_string(),
        ..Filter::default()
    };
    if let Some(o) = &f.official {
        // The common case, a gazetteer name in any spelling, needs no scan of all speakers.
        if let Some(canon) = store.official_name(o)
            && store.has_value("speaker", &canon)
        {
            filter.official = Some(canon);
        }
    }
    if let (Some(o), None) = (&f.official, &filter.official) {
        let speakers = store.values("speaker")?;
        filter.official = Some(names::match_official(o, &speakers).map_err(anyhow::Error::msg)?);
    }
    if let Some(t) = &f.topic {
        let key = t.trim().to_lowercase();
        // A topic with statements in the index needs no taxonomy; the taxonomy says whether
        // another is a topic with none yet, or a typo.
        if !store.has_value("topic", &key) {
            let ids: Vec<String> = settings
                .get()?
                .topics
                .iter()
                .map(|t| t.id.clone())
                .collect();
            if !ids.contains(&key) {
                anyhow::bail!(
                    "unknown topic '{t}'{}; see `onrecord topics`",
                    names::suggest(&key, &ids)
                );
            }
        }
        filter.topic = Some(key);
    }
    if let Some(o) = &f.outlet {
        let outlets = store.values("outlet")?;
        filter.outlet =
            Some(names::match_value(o, &outlets, "outlet").map_err(anyhow::Error::msg)?);
    }
    if let Some(k) = &f.kind {
        filter.kind =
            Some(Kind::parse(k).ok_or_else(|| {
                anyhow::anyhow!("unknown kind '{k}': use direct, indirect or mixed")
            })?);
    }
    if let Some(s) = &f.since {
        filter.since = Some(parse_user_date(s, false).map_err(anyhow::Error::msg)?);
    }
    if let Some(u) = &f.until {
        filter.until = Some(parse_user_date(u, true).map_err(anyhow::Error::msg)?);
    }
    Ok(filter)
}

/// The gazetteer from `DATA/officials.toml`, `DATA/speakers.toml` and `DATA/cues.toml`, each
/// else the built-in one.
pub fn load_gazetteer(data: &Path) -> Result<Gazetteer> {
    let read = |file: &str| -> Result<Option<(String, String)>> {
        let path = data.join(file);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some((text, path.display().to_string()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("{}: cannot read", path.display())),
        }
    };
    let mut g = match read("officials.toml")? {
        Some((text, name)) => Gazetteer::parse(&text, &name).map_err(anyhow::Error::msg)?,
        None => Gazetteer::parse(
            crate::extract::officials::BUILTIN_OFFICIALS,
            "built-in officials",
        )
        .map_err(anyhow::Error::msg)?,
    };
    let (text, name) = read("speakers.toml")?.unwrap_or_else(|| {
        (
            crate::extract::kinds::BUILTIN_SPEAKERS.to_string(),
            "built-in speakers".to_string(),
        )
    });
    g.add_speakers(&text, &name).map_err(anyhow::Error::msg)?;
    let (text, name) = read("cues.toml")?.unwrap_or_else(|| {
        (
            crate::extract::attribution::BUILTIN_CUES.to_string(),
            "built-in cues".to_string(),
        )
    });
    g.add_cues(&text, &name).map_err(anyhow::Error::msg)?;
    Ok(g)
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
    let internal = std::cell::Cell::new(false);
    for f in &files {
        let ok = input::read_file(
            f,
            config.max_file_bytes,
            &mut |article| {
                let sts = match ex.extract_guarded(&article) {
                    Ok(sts) => sts,
                    Err(e) => {
                        eprintln!("onrecord: {e}");
                        internal.set(true);
                        Vec::new()
                    }
                };
                for st in sts {
                    let r = if json {
                        writeln!(out, "{}", st.to_json_line())
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
    failed |= internal.get();
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
    writeln!(out, "  {}", clean(&st.reported()))?;
    writeln!(out)
}

/// `onrecord man`: the man page from the same definitions as `--help`, generated on demand
/// (not at build time), to stdout or to `DIR/onrecord.1`.
fn man_page(dir: Option<&Path>) -> Result<ExitCode> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let man = clap_mangen::Man::new(cmd);
    let mut page = Vec::new();
    man.render(&mut page)?;
    match dir {
        Some(d) => {
            let path = d.join("onrecord.1");
            std::fs::write(&path, &page).with_context(|| format!("{}", path.display()))?;
            eprintln!("onrecord: wrote {}", path.display());
        }
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&page).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
