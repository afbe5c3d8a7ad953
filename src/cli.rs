//! Command-line definitions (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "onrecord",
    version,
    about = "Who said what, about what, when: statements of officials from news articles, in a local index and a terminal browser."
)]
pub struct Cli {
    /// Directory of articles (and officials.toml)
    #[arg(long, global = true, default_value = "data")]
    pub data: PathBuf,
    /// Index directory [default: platform data directory, keyed by the data path]
    #[arg(long, global = true)]
    pub index: Option<PathBuf>,
    /// Configuration file
    #[arg(long, global = true, default_value = "config.toml")]
    pub config: PathBuf,
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
