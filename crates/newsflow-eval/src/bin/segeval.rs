//! Story segmentation scores on a BBC-style corpus:
//! `cargo run --release -p newsflow-eval --bin segeval -- --corpus ../shared/corpus/bbc-dev`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsflow_eval::{evaluate_segmentation, SegEvalOptions, Split};

#[derive(Parser)]
#[command(about = "Pk and WindowDiff of newsflow's story segmentation on glued article streams")]
struct Args {
    /// Corpus directory (<category>/<nnn>.txt, line 1 the headline).
    #[arg(long)]
    corpus: PathBuf,
    #[arg(long, default_value_t = 8)]
    articles_per_stream: usize,
    /// How many seeded shuffles of each split.
    #[arg(long, default_value_t = 5)]
    repeats: usize,
    #[arg(long)]
    max_streams: Option<usize>,
    #[arg(long, default_value_t = 2024)]
    seed: u64,
    /// Sets to report: train, test, all (repeatable).
    #[arg(long = "split", value_delimiter = ',', default_values_t = vec![Split::Train, Split::Test, Split::All])]
    splits: Vec<Split>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = SegEvalOptions {
        articles_per_stream: args.articles_per_stream,
        repeats: args.repeats,
        max_streams: args.max_streams,
        seed: args.seed,
        splits: args.splits,
    };
    match evaluate_segmentation(&args.corpus, &options) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("segeval: {error}");
            ExitCode::FAILURE
        }
    }
}
