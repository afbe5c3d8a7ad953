//! Command-line definitions (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The browser's keys, for `--help` and the man page (`?` in the browser lists the live ones,
/// with any rebinding from `[keys]`).
const BROWSER_KEYS: &str = "\
Keys in the browser (onrecord with no command; ? lists the live bindings):
  j/k ↓/↑ move · gg/G top/bottom · ctrl-d/ctrl-u page · tab/shift-tab panes · enter open
  h/l collapse/expand · / search (↑/↓ earlier searches) · f filter pane · esc back, clear
  n/N next/previous hit · m mark · S save the search · o open the URL · Y copy the URL
  y copy a citation · e export the view · s sort · d collapse repeats · t timeline
  c compare two officials · v verify a sentence · ? help · q quit";

#[derive(Parser, Debug)]
#[command(
    name = "onrecord",
    version,
    about = "Who said what, about what, when: statements of officials from news articles, in a local index and a terminal browser.",
    after_help = BROWSER_KEYS
)]
pub struct Cli {
    /// Directory of articles (and officials.toml)
    #[arg(long, global = true, default_value = "data")]
    pub data: PathBuf,
    /// Index directory [default: platform data directory, keyed by the data path]
    #[arg(long, global = true)]
    pub index: Option<PathBuf>,
    /// Configuration file [default: ./config.toml, else $XDG_CONFIG_HOME/onrecord/config.toml]
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// When to use colour: auto (a terminal, unless NO_COLOR or TERM=dumb; CLICOLOR_FORCE
    /// forces it), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// No progress bar and no summary line; problems are still reported
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Whether `--data` was given on the command line (not the default).
    #[arg(skip)]
    pub data_given: bool,
}

impl Cli {
    /// Parses the command line, noting whether `--data` was typed.
    pub fn parse_args() -> Cli {
        use clap::{CommandFactory, FromArgMatches, parser::ValueSource};
        let matches = Cli::command().get_matches();
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        cli.data_given = matches.value_source("data") == Some(ValueSource::CommandLine);
        cli
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add or refresh articles in the index (files, directories, .jsonl, .gz/.zst)
    Ingest {
        /// Inputs [default: the data directory]
        paths: Vec<PathBuf>,
        /// Throw the index away and build it again
        #[arg(long)]
        rebuild: bool,
    },
    /// Print the statements of articles without touching the index
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// One JSON statement record per line
        #[arg(long)]
        json: bool,
    },
    /// Look statements up in the index
    Search {
        /// Full-text query (tantivy syntax: words, "phrases", AND/OR, -exclude)
        query: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Most results to print
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Collapse the same statement reported by several outlets into one
        #[arg(long)]
        dedup: bool,
        /// Order of results [default: relevance with a query, newest first without]
        #[arg(long, value_enum)]
        sort: Option<SortArg>,
        /// One JSON statement record per line
        #[arg(long)]
        json: bool,
    },
    /// Write a selection of statements to a file or stdout
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Full-text query
        query: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output file [default: stdout]
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List officials with statement counts
    Officials {
        #[arg(long)]
        json: bool,
    },
    /// List topics with statement counts
    Topics {
        #[arg(long)]
        json: bool,
    },
    /// Counts per official, topic, outlet and year; or, with --by, a timeline
    Stats {
        /// Timeline of one official (with --by)
        #[arg(long)]
        official: Option<String>,
        /// Timeline of one topic (with --by)
        #[arg(long)]
        topic: Option<String>,
        /// Statements per week, month or year, with the topic mix of each
        #[arg(long, value_enum)]
        by: Option<PeriodArg>,
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man page (roff) to stdout, or to DIR/onrecord.1 with --dir
    Man {
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Who really said it? Find a sentence someone sent you among the statements on record
    Verify {
        /// The sentence, as you received it
        sentence: String,
        /// Most matches to print
        #[arg(long, default_value_t = 3)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Official, by any name variant ("lavrov", "Sergei Lavrov")
    #[arg(long)]
    pub official: Option<String>,
    /// Topic id (see `onrecord topics`)
    #[arg(long)]
    pub topic: Option<String>,
    /// Outlet name
    #[arg(long)]
    pub outlet: Option<String>,
    /// direct, indirect or mixed
    #[arg(long)]
    pub kind: Option<String>,
    /// From this date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long)]
    pub since: Option<String>,
    /// Up to this date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long)]
    pub until: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (`is_tty`), by the conventions of
    /// no-color.org and bixense.com/clicolors: `NO_COLOR` wins over `CLICOLOR_FORCE` in `auto`.
    pub fn enabled(self, is_tty: bool, env: impl Fn(&str) -> Option<String>) -> bool {
        let set = |v: &str| env(v).is_some_and(|x| !x.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto
                if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").as_deref() != Some("0") =>
            {
                true
            }
            ColorChoice::Auto if env("TERM").as_deref() == Some("dumb") => false,
            ColorChoice::Auto => is_tty,
        }
    }
}

/// Where the configuration comes from: `--config`, else `./config.toml` when there is one, else
/// `$XDG_CONFIG_HOME/onrecord/config.toml` (`~/.config/…` without it), on every platform.
/// `None`: no file, the built-in defaults.
/// `cwd` is where `config.toml` is looked for first (the working directory).
pub fn config_path(
    given: Option<&PathBuf>,
    cwd: &std::path::Path,
    env: impl Fn(&str) -> Option<String>,
) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.clone());
    }
    let here = cwd.join("config.toml");
    if here.is_file() {
        return Some(here);
    }
    let base = env("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty() && std::path::Path::new(v).is_absolute())
        .map(PathBuf::from)
        .or_else(|| {
            env("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    let p = base.join("onrecord").join("config.toml");
    p.is_file().then_some(p)
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortArg {
    /// Best match first
    Relevance,
    /// Newest first
    Newest,
    /// Speaker A→Z
    Speaker,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodArg {
    Week,
    Month,
    Year,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Json,
    Csv,
    Md,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |v| {
            vars.iter()
                .find(|(k, _)| *k == v)
                .map(|(_, x)| x.to_string())
        }
    }

    #[test]
    fn colour_follows_no_color_clicolor_force_and_term_dumb() {
        use ColorChoice::*;
        assert!(Auto.enabled(true, env(&[])));
        assert!(!Auto.enabled(false, env(&[])));
        assert!(!Auto.enabled(true, env(&[("NO_COLOR", "1")])));
        // An empty NO_COLOR is not set (no-color.org).
        assert!(Auto.enabled(true, env(&[("NO_COLOR", "")])));
        assert!(Auto.enabled(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!Auto.enabled(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!Auto.enabled(true, env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])));
        assert!(!Auto.enabled(true, env(&[("TERM", "dumb")])));
        assert!(Always.enabled(false, env(&[("NO_COLOR", "1"), ("TERM", "dumb")])));
        assert!(!Never.enabled(true, env(&[("CLICOLOR_FORCE", "1")])));
    }

    #[test]
    fn the_config_is_the_given_one_else_here_else_under_xdg_config_home() {
        let d = std::env::temp_dir().join(format!("onrecord-cfg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        let (here, xdg, home) = (d.join("here"), d.join("xdg"), d.join("home"));
        for p in [
            &here,
            &xdg.join("onrecord"),
            &home.join(".config").join("onrecord"),
        ] {
            std::fs::create_dir_all(p).unwrap();
        }
        let (xdg_s, home_s) = (xdg.display().to_string(), home.display().to_string());
        let both = [
            ("XDG_CONFIG_HOME", xdg_s.as_str()),
            ("HOME", home_s.as_str()),
        ];
        let given = PathBuf::from("/nowhere/mine.toml");
        assert_eq!(
            config_path(Some(&given), &here, env(&both)),
            Some(given.clone())
        );
        assert_eq!(
            config_path(None, &here, env(&both)),
            None,
            "no file anywhere"
        );
        let home_cfg = home.join(".config").join("onrecord").join("config.toml");
        std::fs::write(&home_cfg, "").unwrap();
        assert_eq!(
            config_path(None, &here, env(&both)),
            None,
            "XDG_CONFIG_HOME wins"
        );
        assert_eq!(
            config_path(None, &here, env(&both[1..])),
            Some(home_cfg.clone())
        );
        assert_eq!(
            config_path(None, &here, env(&[("XDG_CONFIG_HOME", "rel"), both[1]])),
            Some(home_cfg),
            "a relative XDG_CONFIG_HOME is ignored"
        );
        let xdg_cfg = xdg.join("onrecord").join("config.toml");
        std::fs::write(&xdg_cfg, "").unwrap();
        assert_eq!(config_path(None, &here, env(&both)), Some(xdg_cfg));
        std::fs::write(here.join("config.toml"), "").unwrap();
        assert_eq!(
            config_path(None, &here, env(&both)),
            Some(here.join("config.toml")),
            "the working directory's first"
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}
