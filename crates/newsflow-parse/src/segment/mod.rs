//! Story segmentation: where one article ends and the next begins in a run
//! of paragraph lines.
//!
//! A logistic boundary scorer (lexical cohesion across the candidate,
//! lede/closing shape of the lines around it, truncation, layout cues) gives
//! each gap a log-odds; [`decode`] then picks boundaries by dynamic
//! programming with a prior against very short stories. Everything is linear
//! in the input: words are interned to integer ids once and all window
//! statistics slide. The weights are trained by `newsflow-eval`'s `segtrain`.

mod analyze;
mod cohesion;
mod decode;
pub mod features;
mod lexicon;
mod weights;

pub use decode::{decode, DecodeParams};
pub use features::{FeatureMatrix, FEATURE_NAMES, NUM_FEATURES};

/// A non-blank input line, with what the layout says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    /// 1-based line number in the input.
    pub number: u64,
    /// How many blank lines stood right before this one.
    pub blank_before: u32,
}

/// Scorer weights and decoder settings. `Default` is the trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentOptions {
    pub weights: [f32; NUM_FEATURES],
    pub decode: DecodeParams,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions {
            weights: weights::WEIGHTS,
            decode: weights::DECODE,
        }
    }
}

/// Indices into `lines` of the first line of each story; `[0]` for one story,
/// empty for no lines.
pub fn segment(lines: &[Line<'_>]) -> Vec<usize> {
    segment_with(lines, &SegmentOptions::default())
}

/// [`segment`] with explicit weights and decoder settings.
pub fn segment_with(lines: &[Line<'_>], options: &SegmentOptions) -> Vec<usize> {
    let matrix = features::extract(lines);
    decode(
        &scores(&matrix, &options.weights),
        &matrix.clipped,
        &options.decode,
    )
}

/// Boundary log-odds per line (`[0]` unused) under `weights`.
pub fn scores(matrix: &FeatureMatrix, weights: &[f32; NUM_FEATURES]) -> Vec<f32> {
    matrix
        .rows
        .iter()
        .map(|row| row.iter().zip(weights).map(|(x, w)| x * w).sum())
        .collect()
}

#[cfg(test)]
mod tests;
