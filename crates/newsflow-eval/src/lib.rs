//! newsflow-eval: measurement tools run against the reference corpora.
//! Unlike pipeline stages these do file I/O directly.

pub mod corpus;
pub mod metrics;
mod rng;
pub mod segmentation;
pub mod streams;
pub mod synthetic;
pub mod train;

pub use segmentation::{evaluate_segmentation, SegEvalOptions, SegmentationReport, SetReport};
pub use streams::Split;

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no articles with at least one paragraph found under {0}")]
    EmptyCorpus(PathBuf),
    #[error("split {split} of {corpus} has {articles} usable articles; at least 2 are needed for a stream")]
    TooFewArticles {
        corpus: PathBuf,
        split: Split,
        articles: usize,
    },
    #[error("invalid option: {0}")]
    InvalidOption(String),
}
