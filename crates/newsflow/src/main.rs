//! `newsflow`: the daemon and its one-shot commands.

mod admin;
mod commands;
mod components;
mod config;
mod distributed;
mod logging;
mod pipeline;
mod stages;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Streaming ETL for news: raw text, pages and feeds in; structured,
/// enriched records out to files, Kafka or a database.
#[derive(Parser)]
#[command(name = "newsflow", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline as a daemon until SIGTERM/SIGINT (or until every
    /// finite source is done).
    Run {
        /// Config file.
        #[arg(short, long, default_value = "config/newsflow.toml")]
        config: PathBuf,
        /// Run only these stages, joined to the others by the Kafka topics
        /// of the config's [kafka] section (distributed mode), e.g.
        /// `--stages parse,enrich`.
        #[arg(long, value_enum, value_delimiter = ',')]
        stages: Option<Vec<distributed::Stage>>,
    },
    /// Check a config file and name every problem with its TOML path and line.
    Validate {
        #[arg(short, long, default_value = "config/newsflow.toml")]
        config: PathBuf,
    },
    /// Print the JSON Schema of the output record.
    Schema,
    /// Parse files (or `-` for stdin) and print their records.
    Parse {
        /// Input files; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// Skip the enrichment stage.
        #[arg(long)]
        no_enrich: bool,
        /// Resolve relative dates ("yesterday", "on Monday") against this
        /// date (YYYY-MM-DD) when an article has no date of its own.
        #[arg(long, value_name = "DATE")]
        reference_date: Option<chrono::NaiveDate>,
        /// Each file (or standard input) is one article: no story
        /// segmentation (the default finds where glued articles begin).
        #[arg(long)]
        one_story: bool,
    },
    /// Measure newsflow against corpora with gold values.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Story segmentation: Pk and WindowDiff on shuffled article streams.
    Segmentation(commands::eval::SegmentationArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// The native record, one JSON object per line.
    Json,
    /// IPTC ninjs 2.1, one JSON object per line.
    Ninjs,
    /// A readable summary for people.
    Pretty,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run { config, stages } => commands::run::run(&config, stages),
        Command::Validate { config } => commands::validate::validate(&config),
        Command::Schema => commands::schema::print_schema(),
        Command::Parse {
            files,
            format,
            no_enrich,
            reference_date,
            one_story,
        } => commands::parse::parse_files(
            &files,
            format,
            !no_enrich,
            reference_date,
            newsflow_parse::ParseLimits {
                one_story_per_document: one_story,
                ..newsflow_parse::ParseLimits::default()
            },
        ),
        Command::Eval { what } => match what {
            EvalCommand::Segmentation(args) => commands::eval::segmentation(&args),
        },
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
