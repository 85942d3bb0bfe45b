//! Lexical cohesion statistics, each linear in the number of tokens.
//!
//! Word weights are inverse line frequencies measured on the input itself,
//! quantised to integers so the sliding-window sums stay exact.

use super::analyze::Analysis;

/// Which term list of a line to use.
#[derive(Clone, Copy)]
pub(crate) enum Terms {
    Content,
    Names,
}

fn terms_of(analysis: &Analysis, which: Terms, line: usize) -> &[u32] {
    match which {
        Terms::Content => analysis.line_terms(line),
        Terms::Names => analysis.line_names(line),
    }
}

/// Integer IDF weight per word id: round(8 * ln((lines + 1) / line_frequency)).
pub(crate) fn idf_weights(analysis: &Analysis) -> Vec<i64> {
    let vocabulary = analysis.vocabulary as usize;
    let lines = analysis.shapes.len();
    let mut line_frequency = vec![0u32; vocabulary];
    let mut last_counted = vec![u32::MAX; vocabulary];
    for line in 0..lines {
        for &t in analysis.line_terms(line) {
            let t = t as usize;
            if last_counted[t] != line as u32 {
                last_counted[t] = line as u32;
                line_frequency[t] += 1;
            }
        }
    }
    let total = (lines + 1) as f64;
    line_frequency
        .iter()
        .map(|&df| {
            if df == 0 {
                0
            } else {
                (8.0 * (total / f64::from(df)).ln()).round() as i64
            }
        })
        .collect()
}

/// One side of a sliding window: weighted term counts and the squared norm.
struct Side {
    counts: Vec<i32>,
    norm: i64,
}

impl Side {
    fn new(vocabulary: usize) -> Self {
        Side {
            counts: vec![0; vocabulary],
            norm: 0,
        }
    }
}

/// Moves one line's terms into (`delta` = 1) or out of (`-1`) `side`,
/// keeping `dot` = sum of weight^2 * left * right exact.
fn shift(side: &mut Side, other: &Side, terms: &[u32], delta: i32, weights: &[i64], dot: &mut i64) {
    for &t in terms {
        let t = t as usize;
        let w2 = weights[t] * weights[t];
        let before = i64::from(side.counts[t]);
        let after = before + i64::from(delta);
        side.counts[t] = after as i32;
        side.norm += w2 * (after * after - before * before);
        *dot += w2 * i64::from(delta) * i64::from(other.counts[t]);
    }
}

/// Cosine between the `width` lines before and the `width` lines from each
/// candidate boundary; index `i` is the boundary before line `i` (0 unused).
pub(crate) fn window_cosine(
    analysis: &Analysis,
    which: Terms,
    width: usize,
    weights: &[i64],
) -> Vec<f32> {
    let n = analysis.shapes.len();
    let mut out = vec![0.0f32; n];
    if n < 2 {
        return out;
    }
    let mut left = Side::new(weights.len());
    let mut right = Side::new(weights.len());
    let mut dot = 0i64;
    shift(
        &mut left,
        &right,
        terms_of(analysis, which, 0),
        1,
        weights,
        &mut dot,
    );
    for line in 1..(1 + width).min(n) {
        shift(
            &mut right,
            &left,
            terms_of(analysis, which, line),
            1,
            weights,
            &mut dot,
        );
    }
    for (i, slot) in out.iter_mut().enumerate().skip(1) {
        if left.norm > 0 && right.norm > 0 {
            *slot = (dot as f64 / ((left.norm as f64) * (right.norm as f64)).sqrt()) as f32;
        }
        if i + 1 == n {
            break;
        }
        // Slide: line i crosses to the left, line i-width leaves, line i+width enters.
        let moving = terms_of(analysis, which, i);
        shift(&mut right, &left, moving, -1, weights, &mut dot);
        shift(&mut left, &right, moving, 1, weights, &mut dot);
        if i >= width {
            shift(
                &mut left,
                &right,
                terms_of(analysis, which, i - width),
                -1,
                weights,
                &mut dot,
            );
        }
        if i + width < n {
            shift(
                &mut right,
                &left,
                terms_of(analysis, which, i + width),
                1,
                weights,
                &mut dot,
            );
        }
    }
    out
}

/// Per-line overlap of a line's words with its neighbourhood.
pub(crate) struct Overlap {
    /// Weighted share of line i's words that occurred in the `span` lines before it.
    pub backward: Vec<f32>,
    /// Weighted share of line i's words that occur again in the `span` lines after it.
    pub forward: Vec<f32>,
    /// Share of line i's names not seen in the `span` lines before it (0 without names).
    pub new_names: Vec<f32>,
    /// Line i has a "Mr X" whose X occurred in the lines before it.
    pub titled_seen: Vec<bool>,
    /// Line i has a "Mr X" whose X did not occur in the lines before it.
    pub titled_unseen: Vec<bool>,
}

pub(crate) fn overlap(analysis: &Analysis, span: usize, weights: &[i64]) -> Overlap {
    let n = analysis.shapes.len();
    let mut result = Overlap {
        backward: vec![0.0; n],
        forward: vec![0.0; n],
        new_names: vec![0.0; n],
        titled_seen: vec![false; n],
        titled_unseen: vec![false; n],
    };
    // Line indices are stored +1 so 0 means "never".
    let mut seen = vec![0usize; weights.len()];
    let near = |seen: &[usize], t: u32, line: usize| {
        let at = seen[t as usize];
        at != 0 && at - 1 != line && (at - 1).abs_diff(line) <= span
    };
    for line in 0..n {
        result.backward[line] =
            weighted_share(analysis.line_terms(line), weights, |t| near(&seen, t, line));
        let names = analysis.line_names(line);
        if !names.is_empty() {
            let new = names.iter().filter(|&&t| !near(&seen, t, line)).count();
            result.new_names[line] = new as f32 / names.len() as f32;
        }
        for &t in analysis.line_titled(line) {
            if near(&seen, t, line) {
                result.titled_seen[line] = true;
            } else {
                result.titled_unseen[line] = true;
            }
        }
        for &t in analysis.line_terms(line) {
            seen[t as usize] = line + 1;
        }
    }
    seen.iter_mut().for_each(|s| *s = 0);
    for line in (0..n).rev() {
        result.forward[line] =
            weighted_share(analysis.line_terms(line), weights, |t| near(&seen, t, line));
        for &t in analysis.line_terms(line) {
            seen[t as usize] = line + 1;
        }
    }
    result
}

fn weighted_share(terms: &[u32], weights: &[i64], hit: impl Fn(u32) -> bool) -> f32 {
    let mut total = 0i64;
    let mut hits = 0i64;
    for &t in terms {
        let w = weights[t as usize];
        total += w;
        if hit(t) {
            hits += w;
        }
    }
    if total == 0 {
        0.0
    } else {
        hits as f32 / total as f32
    }
}
