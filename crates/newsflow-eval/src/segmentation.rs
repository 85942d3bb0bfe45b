//! `newsflow eval segmentation`: Pk and WindowDiff of story segmentation on
//! glued BBC-style streams.

use std::fmt;
use std::path::Path;

use newsflow_parse::segment::{segment, Line};

use crate::corpus;
use crate::metrics::{half_mean_segment_length, pk, window_diff, Tally};
use crate::streams::{self, Augment, Split, Stream};
use crate::EvalError;

/// What to measure.
#[derive(Debug, Clone)]
pub struct SegEvalOptions {
    pub articles_per_stream: usize,
    /// How many times each split is shuffled into streams.
    pub repeats: usize,
    /// Stop after this many streams per split (all when `None`).
    pub max_streams: Option<usize>,
    pub seed: u64,
    /// Sets to report, in order.
    pub splits: Vec<Split>,
}

impl Default for SegEvalOptions {
    fn default() -> Self {
        SegEvalOptions {
            articles_per_stream: 8,
            repeats: 5,
            max_streams: None,
            seed: 2024,
            splits: vec![Split::Train, Split::Test, Split::All],
        }
    }
}

/// Scores of one set of streams.
#[derive(Debug, Clone, PartialEq)]
pub struct SetReport {
    pub split: Split,
    pub articles: usize,
    pub streams: usize,
    pub lines: usize,
    pub k: usize,
    pub pk: f64,
    pub window_diff: f64,
    pub gold_boundaries: usize,
    pub found_boundaries: usize,
    /// Found boundaries at exactly a gold position.
    pub exact_boundaries: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SegmentationReport {
    pub corpus: String,
    pub articles_per_stream: usize,
    pub repeats: usize,
    pub seed: u64,
    pub sets: Vec<SetReport>,
}

impl fmt::Display for SegmentationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "segmentation on {} ({} articles/stream, {} shuffles, seed {})",
            self.corpus, self.articles_per_stream, self.repeats, self.seed
        )?;
        writeln!(
            f,
            "{:<6} {:>8} {:>7} {:>6} {:>2} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "split", "articles", "streams", "lines", "k", "Pk", "WinDiff", "gold", "found", "exact"
        )?;
        for s in &self.sets {
            writeln!(
                f,
                "{:<6} {:>8} {:>7} {:>6} {:>2} {:>7.4} {:>7.4} {:>6} {:>6} {:>6}",
                s.split.to_string(),
                s.articles,
                s.streams,
                s.lines,
                s.k,
                s.pk,
                s.window_diff,
                s.gold_boundaries,
                s.found_boundaries,
                s.exact_boundaries
            )?;
        }
        Ok(())
    }
}

/// Builds the streams of each requested split and scores [`segment`] on them.
pub fn evaluate_segmentation(
    corpus_dir: &Path,
    opts: &SegEvalOptions,
) -> Result<SegmentationReport, EvalError> {
    if opts.articles_per_stream < 2 || opts.repeats == 0 {
        return Err(EvalError::InvalidOption(
            "articles per stream must be >= 2 and repeats >= 1".into(),
        ));
    }
    let articles = corpus::load(corpus_dir)?;
    let mut sets = Vec::with_capacity(opts.splits.len());
    for &split in &opts.splits {
        let chosen = streams::select(&articles, split);
        if chosen.len() < 2 {
            return Err(EvalError::TooFewArticles {
                corpus: corpus_dir.to_path_buf(),
                split,
                articles: chosen.len(),
            });
        }
        let mut built = streams::build(
            &chosen,
            opts.articles_per_stream,
            opts.repeats,
            opts.seed,
            &Augment::default(),
        );
        if let Some(limit) = opts.max_streams {
            built.truncate(limit.max(1));
        }
        let mut report = score_streams(&built, segment);
        report.split = split;
        report.articles = chosen.len();
        sets.push(report);
    }
    Ok(SegmentationReport {
        corpus: corpus_dir.display().to_string(),
        articles_per_stream: opts.articles_per_stream,
        repeats: opts.repeats,
        seed: opts.seed,
        sets,
    })
}

/// Scores any segmenter on streams (k from the streams' gold segmentation).
pub fn score_streams(
    streams: &[Stream],
    mut segmenter: impl FnMut(&[Line<'_>]) -> Vec<usize>,
) -> SetReport {
    let lines: usize = streams.iter().map(|s| s.lines.len()).sum();
    let gold_segments: usize = streams.iter().map(|s| s.starts.len()).sum();
    let k = half_mean_segment_length(lines, gold_segments);
    let (mut pk_tally, mut wd_tally) = (Tally::default(), Tally::default());
    let (mut found, mut exact) = (0, 0);
    for stream in streams {
        let hypothesis = segmenter(&stream.as_lines());
        let n = stream.lines.len();
        pk_tally.add(pk(&stream.starts, &hypothesis, n, k));
        wd_tally.add(window_diff(&stream.starts, &hypothesis, n, k));
        found += hypothesis.iter().filter(|&&s| s > 0).count();
        exact += hypothesis
            .iter()
            .filter(|&&s| s > 0 && stream.starts.binary_search(&s).is_ok())
            .count();
    }
    SetReport {
        split: Split::All,
        articles: gold_segments,
        streams: streams.len(),
        lines,
        k,
        pk: pk_tally.rate(),
        window_diff: wd_tally.rate(),
        gold_boundaries: gold_segments - streams.len(),
        found_boundaries: found,
        exact_boundaries: exact,
    }
}
