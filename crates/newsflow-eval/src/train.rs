//! Reproducible training of the boundary scorer: logistic regression
//! (Newton's method, L2) on the TRAIN split only, then a grid search of the
//! decoder settings minimising Pk on the same split.

use std::fmt::Write as _;
use std::path::Path;

use newsflow_parse::segment::{
    decode, features, scores, DecodeParams, SegmentOptions, FEATURE_NAMES, NUM_FEATURES,
};

use crate::corpus;
use crate::segmentation::score_streams;
use crate::streams::{self, Augment, Split, Stream};
use crate::EvalError;

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub articles_per_stream: usize,
    /// Shuffles of the train split used to fit the weights.
    pub repeats: usize,
    pub seed: u64,
    /// Layout variants mixed into the fitting streams.
    pub augment: Augment,
    /// L2 penalty on the non-bias weights.
    pub l2: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            articles_per_stream: 8,
            repeats: 12,
            seed: 7,
            augment: Augment {
                truncate: 0.1,
                headlines: 0.15,
                blanks: 0.15,
                sentences: 0.2,
                snippets: 0.3,
                kickers: 0.15,
            },
            l2: 0.1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TrainedModel {
    pub options: SegmentOptions,
    /// Pk on plain train streams with the tuned decoder.
    pub train_pk: f64,
    pub examples: usize,
}

/// Fits weights and decoder on the train split of `corpus_dir`.
pub fn train(corpus_dir: &Path, opts: &TrainOptions) -> Result<TrainedModel, EvalError> {
    let articles = corpus::load(corpus_dir)?;
    let chosen = streams::select(&articles, Split::Train);
    if chosen.len() < 2 {
        return Err(EvalError::TooFewArticles {
            corpus: corpus_dir.to_path_buf(),
            split: Split::Train,
            articles: chosen.len(),
        });
    }
    let fitting = streams::build(
        &chosen,
        opts.articles_per_stream,
        opts.repeats,
        opts.seed,
        &opts.augment,
    );
    let (rows, labels) = examples(&fitting);
    let weights = fit_logistic(&rows, &labels, opts.l2);
    // Decoder tuned on plain streams (the evaluated format), other shuffles.
    let tuning = streams::build(
        &chosen,
        opts.articles_per_stream,
        4,
        opts.seed ^ 0x5eed,
        &Augment::default(),
    );
    let (decode_params, train_pk) = tune_decoder(&tuning, &weights);
    Ok(TrainedModel {
        options: SegmentOptions {
            weights,
            decode: decode_params,
        },
        train_pk,
        examples: rows.len(),
    })
}

fn examples(streams: &[Stream]) -> (Vec<[f32; NUM_FEATURES]>, Vec<bool>) {
    let mut rows = Vec::new();
    let mut labels = Vec::new();
    for stream in streams {
        let matrix = features::extract(&stream.as_lines());
        for (i, row) in matrix.rows.iter().enumerate().skip(1) {
            rows.push(*row);
            labels.push(stream.starts.binary_search(&i).is_ok());
        }
    }
    (rows, labels)
}

/// L2-regularised logistic regression by Newton's method.
pub fn fit_logistic(rows: &[[f32; NUM_FEATURES]], labels: &[bool], l2: f64) -> [f32; NUM_FEATURES] {
    let mut w = [0.0f64; NUM_FEATURES];
    for _ in 0..30 {
        let mut gradient = [0.0f64; NUM_FEATURES];
        let mut hessian = vec![[0.0f64; NUM_FEATURES]; NUM_FEATURES];
        for (row, &label) in rows.iter().zip(labels) {
            let z: f64 = row.iter().zip(&w).map(|(&x, w)| f64::from(x) * w).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let residual = p - f64::from(u8::from(label));
            let curvature = (p * (1.0 - p)).max(1e-9);
            for a in 0..NUM_FEATURES {
                let xa = f64::from(row[a]);
                if xa == 0.0 {
                    continue;
                }
                gradient[a] += residual * xa;
                for b in 0..NUM_FEATURES {
                    hessian[a][b] += curvature * xa * f64::from(row[b]);
                }
            }
        }
        // Index 0 is the bias: not penalised.
        for a in 1..NUM_FEATURES {
            gradient[a] += l2 * w[a];
            hessian[a][a] += l2;
        }
        hessian[0][0] += 1e-9;
        let step = solve(hessian, gradient);
        let mut change = 0.0f64;
        for a in 0..NUM_FEATURES {
            w[a] -= step[a];
            change = change.max(step[a].abs());
        }
        if change < 1e-7 {
            break;
        }
    }
    w.map(|x| x as f32)
}

/// Gaussian elimination with partial pivoting (the matrix is positive definite).
fn solve(mut a: Vec<[f64; NUM_FEATURES]>, mut b: [f64; NUM_FEATURES]) -> [f64; NUM_FEATURES] {
    for col in 0..NUM_FEATURES {
        let pivot = (col..NUM_FEATURES)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let diagonal = a[col][col];
        if diagonal.abs() < 1e-12 {
            continue;
        }
        for row in col + 1..NUM_FEATURES {
            let factor = a[row][col] / diagonal;
            let pivot_row = a[col];
            for (value, pivot_value) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *value -= factor * pivot_value;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = [0.0f64; NUM_FEATURES];
    for row in (0..NUM_FEATURES).rev() {
        let tail: f64 = (row + 1..NUM_FEATURES).map(|c| a[row][c] * x[c]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - tail) / a[row][row]
        };
    }
    x
}

/// Grid search over decoder settings; returns the best and its Pk.
fn tune_decoder(streams: &[Stream], weights: &[f32; NUM_FEATURES]) -> (DecodeParams, f64) {
    let scored: Vec<(Vec<f32>, Vec<bool>)> = streams
        .iter()
        .map(|s| {
            let matrix = features::extract(&s.as_lines());
            (scores(&matrix, weights), matrix.clipped)
        })
        .collect();
    let mut best = (
        DecodeParams {
            bias: 0.0,
            single_line_penalty: 0.0,
            two_line_penalty: 0.0,
        },
        f64::INFINITY,
    );
    for bias_step in -16..=16 {
        for single in [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0] {
            for two in [0.0, 0.5, 1.0, 2.0, 3.0, 4.0] {
                let params = DecodeParams {
                    bias: bias_step as f32 * 0.25,
                    single_line_penalty: single,
                    two_line_penalty: two,
                };
                let mut index = 0;
                let report = score_streams(streams, |_| {
                    let (stream_scores, clipped) = &scored[index];
                    let starts = decode(stream_scores, clipped, &params);
                    index += 1;
                    starts
                });
                if report.pk < best.1 - 1e-9 {
                    best = (params, report.pk);
                }
            }
        }
    }
    best
}

/// Rust source of `segment/weights.rs` for a trained model.
pub fn weights_source(options: &SegmentOptions, command: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Trained boundary model. Generated by\n//! `{command}`;\n//! do not edit by hand.\n"
    );
    out.push_str("use super::decode::DecodeParams;\nuse super::features::NUM_FEATURES;\n\n");
    out.push_str("#[cfg(test)]\npub(super) const TRAINED_FEATURES: [&str; NUM_FEATURES] = [\n");
    for name in FEATURE_NAMES {
        let _ = writeln!(out, "    {name:?},");
    }
    out.push_str("];\n\n#[rustfmt::skip]\npub(super) const WEIGHTS: [f32; NUM_FEATURES] = [\n");
    for (name, w) in FEATURE_NAMES.iter().zip(&options.weights) {
        let _ = writeln!(out, "    {w:.4}, // {name}");
    }
    let d = &options.decode;
    let _ = writeln!(
        out,
        "];\n\npub(super) const DECODE: DecodeParams = DecodeParams {{\n    bias: {:.2},\n    single_line_penalty: {:.2},\n    two_line_penalty: {:.2},\n}};",
        d.bias, d.single_line_penalty, d.two_line_penalty
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_regression_recovers_a_separating_direction() {
        // Label is x1 > 0.5; x2 is noise.
        let mut rows = Vec::new();
        let mut labels = Vec::new();
        for i in 0..200 {
            let mut row = [0.0f32; NUM_FEATURES];
            row[0] = 1.0;
            row[1] = (i % 20) as f32 / 20.0;
            row[2] = ((i * 7) % 13) as f32 / 13.0;
            labels.push(row[1] > 0.5);
            rows.push(row);
        }
        let w = fit_logistic(&rows, &labels, 0.01);
        assert!(w[1] > 5.0, "weight on the informative feature: {}", w[1]);
        assert!(w[1].abs() > 5.0 * w[2].abs());
        // Decision boundary near 0.5.
        assert!((-w[0] / w[1] - 0.5).abs() < 0.1);
    }
}
