use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use newsflow_eval::{evaluate_segmentation, SegEvalOptions, Split};

#[derive(clap::Args)]
pub struct SegmentationArgs {
    /// A folder of articles laid out like the BBC set: `<category>/<nnn>.txt`
    /// with the headline on line 1 (e.g. ../shared/corpus/bbc-dev).
    #[arg(long, default_value = "../shared/corpus/bbc-dev")]
    corpus: PathBuf,
    /// Articles glued into each stream.
    #[arg(long, default_value_t = 8)]
    articles_per_stream: usize,
    /// How many seeded shuffles of each split are measured.
    #[arg(long, default_value_t = 5)]
    repeats: usize,
    #[arg(long, default_value_t = 2024)]
    seed: u64,
    /// Sets to report: train, test (the half never tuned on), all.
    #[arg(long, value_delimiter = ',', default_value = "train,test,all")]
    splits: Vec<Split>,
}

/// `newsflow eval segmentation`: Pk and WindowDiff over glued streams.
pub fn segmentation(args: &SegmentationArgs) -> anyhow::Result<ExitCode> {
    let options = SegEvalOptions {
        articles_per_stream: args.articles_per_stream,
        repeats: args.repeats,
        seed: args.seed,
        splits: args.splits.clone(),
        ..SegEvalOptions::default()
    };
    let report = evaluate_segmentation(&args.corpus, &options)
        .with_context(|| format!("evaluating segmentation on {}", args.corpus.display()))?;
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}
