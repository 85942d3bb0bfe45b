//! Trains the segmentation boundary model on the TRAIN split and prints (or
//! writes) `crates/newsflow-parse/src/segment/weights.rs`:
//! `cargo run --release -p newsflow-eval --bin segtrain -- --corpus ../shared/corpus/bbc-dev --write`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use newsflow_eval::train::{train, weights_source, TrainOptions};

const COMMAND: &str = "cargo run --release -p newsflow-eval --bin segtrain -- --corpus ../shared/corpus/bbc-dev --write";

#[derive(Parser)]
#[command(about = "Fit the story-boundary scorer on the train split")]
struct Args {
    #[arg(long)]
    corpus: PathBuf,
    /// Write the weights file into the newsflow-parse sources instead of printing it.
    #[arg(long)]
    write: bool,
    #[arg(long, default_value_t = TrainOptions::default().repeats)]
    repeats: usize,
    #[arg(long, default_value_t = TrainOptions::default().l2)]
    l2: f64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = TrainOptions {
        repeats: args.repeats,
        l2: args.l2,
        ..TrainOptions::default()
    };
    let model = match train(&args.corpus, &options) {
        Ok(model) => model,
        Err(error) => {
            eprintln!("segtrain: {error}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "fitted on {} boundary candidates; tuned train Pk {:.4}; decoder {:?}",
        model.examples, model.train_pk, model.options.decode
    );
    let source = weights_source(&model.options, COMMAND);
    if args.write {
        let target = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../newsflow-parse/src/segment/weights.rs");
        if let Err(error) = std::fs::write(&target, source) {
            eprintln!("segtrain: cannot write {}: {error}", target.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", target.display());
    } else {
        print!("{source}");
    }
    ExitCode::SUCCESS
}
