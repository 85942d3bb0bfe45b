//! Boundary features: one row per candidate boundary "before line i".

use super::analyze::{analyze, Analysis, LineShape, Opening};
use super::cohesion::{idf_weights, overlap, window_cosine, Terms};
use super::lexicon::Interner;
use super::Line;

/// Names of the features, in row order. The trained weights are checked
/// against this list so a reordering cannot silently mismatch them.
pub const FEATURE_NAMES: [&str; NUM_FEATURES] = [
    "bias",
    "cosine_w1",
    "cosine_w2",
    "cosine_w4",
    "name_cosine_w2",
    "name_cosine_w4",
    "cosine_w2_depth",
    "backward_overlap",
    "previous_forward_overlap",
    "new_names",
    "has_names",
    "single_sentence",
    "previous_single_sentence",
    "next_single_sentence",
    "relative_length",
    "opens_pronoun",
    "opens_connective",
    "opens_definite_noun",
    "opens_quote",
    "opens_name_run",
    "has_quote",
    "titled_seen",
    "titled_unseen",
    "previous_truncated",
    "truncated",
    "previous_headline_like",
    "headline_like",
    "extra_blank_lines",
    "caps_kicker",
    "previous_ends_in_quote",
    "backward_overlap_long",
    "new_names_long",
    "wire_style",
    "wire_style_new_names_long",
    "wire_style_truncated",
    "isolated",
];

pub const NUM_FEATURES: usize = 36;

/// Lines either side used for the local averages that make shape features
/// relative to the text's own style.
const LOCAL_SPAN: usize = 20;
/// Lines looked back/ahead for word overlap.
const OVERLAP_SPAN: usize = 4;
/// Longer look-back: a new story's names are new to the whole recent text.
const LONG_OVERLAP_SPAN: usize = 20;

/// Feature rows; `rows[i]` describes the boundary before line `i` (row 0 is
/// all zeros: the first line always starts a story).
pub struct FeatureMatrix {
    pub rows: Vec<[f32; NUM_FEATURES]>,
    /// Line i ends mid-sentence (for the decoder's short-story prior).
    pub clipped: Vec<bool>,
}

/// Computes the features of every candidate boundary.
pub fn extract(lines: &[Line<'_>]) -> FeatureMatrix {
    let mut interner = Interner::new();
    let analysis = analyze(lines, &mut interner);
    from_analysis(&analysis)
}

fn from_analysis(analysis: &Analysis) -> FeatureMatrix {
    let n = analysis.shapes.len();
    let mut rows = vec![[0.0f32; NUM_FEATURES]; n];
    let clipped = analysis.shapes.iter().map(|s| s.truncated).collect();
    if n < 2 {
        return FeatureMatrix { rows, clipped };
    }
    let weights = idf_weights(analysis);
    let cos1 = window_cosine(analysis, Terms::Content, 1, &weights);
    let cos2 = window_cosine(analysis, Terms::Content, 2, &weights);
    let cos4 = window_cosine(analysis, Terms::Content, 4, &weights);
    let name2 = window_cosine(analysis, Terms::Names, 2, &weights);
    let name4 = window_cosine(analysis, Terms::Names, 4, &weights);
    let over = overlap(analysis, OVERLAP_SPAN, &weights);
    let long = overlap(analysis, LONG_OVERLAP_SPAN, &weights);
    let local = LocalStyle::new(&analysis.shapes);
    let shapes = &analysis.shapes;
    let single = |i: usize| f32::from(u8::from(shapes[i].sentences <= 1));
    for i in 1..n {
        let shape = &shapes[i];
        let previous = &shapes[i - 1];
        let next_cos2 = if i + 1 < n { cos2[i + 1] } else { cos2[i] };
        let previous_cos2 = if i > 1 { cos2[i - 1] } else { cos2[i] };
        let (single_rate, mean_words, mean_blank) = local.around(i);
        let plain = 1.0 - single_rate;
        let next_single = if i + 1 < n { single(i + 1) } else { 0.0 };
        rows[i] = [
            1.0,
            cos1[i],
            cos2[i],
            cos4[i],
            name2[i],
            name4[i],
            cos2[i] - 0.5 * (previous_cos2 + next_cos2),
            over.backward[i],
            over.forward[i - 1],
            over.new_names[i],
            flag(!analysis.line_names(i).is_empty()),
            single(i) * plain,
            single(i - 1) * plain,
            next_single * plain,
            ((shape.words as f32 + 1.0) / (mean_words + 1.0)).ln(),
            flag(shape.opening == Opening::Pronoun),
            flag(shape.opening == Opening::Connective),
            flag(shape.opening == Opening::DefiniteNoun),
            flag(shape.opening == Opening::Quote),
            flag(shape.opening == Opening::NameRun),
            flag(shape.has_quote),
            flag(over.titled_seen[i]),
            flag(over.titled_unseen[i]),
            flag(previous.truncated),
            flag(shape.truncated),
            flag(previous.headline_like),
            flag(shape.headline_like),
            (shape.blank_before as f32 - mean_blank).clamp(0.0, 2.0),
            flag(shape.caps_kicker),
            flag(previous.ends_in_quote),
            long.backward[i],
            long.new_names[i],
            // Wire style (one sentence per line) changes what cohesion and
            // clipping mean; these let the scorer weigh them separately.
            single_rate,
            single_rate * long.new_names[i],
            single_rate * flag(shape.truncated),
            // Nothing in common with the recent text: new names, few old words.
            flag(long.backward[i] < 0.1 && long.new_names[i] > 0.8),
        ];
    }
    FeatureMatrix { rows, clipped }
}

fn flag(value: bool) -> f32 {
    f32::from(u8::from(value))
}

/// Prefix sums for local style averages over +-LOCAL_SPAN lines.
struct LocalStyle {
    single: Vec<u32>,
    words: Vec<u64>,
    blank: Vec<u64>,
}

impl LocalStyle {
    fn new(shapes: &[LineShape]) -> Self {
        let mut style = LocalStyle {
            single: Vec::with_capacity(shapes.len() + 1),
            words: Vec::with_capacity(shapes.len() + 1),
            blank: Vec::with_capacity(shapes.len() + 1),
        };
        let (mut s, mut w, mut b) = (0u32, 0u64, 0u64);
        style.single.push(0);
        style.words.push(0);
        style.blank.push(0);
        for shape in shapes {
            s += u32::from(shape.sentences <= 1);
            w += u64::from(shape.words);
            b += u64::from(shape.blank_before.min(4));
            style.single.push(s);
            style.words.push(w);
            style.blank.push(b);
        }
        style
    }

    /// (share of single-sentence lines, mean words per line, mean blank lines before).
    fn around(&self, i: usize) -> (f32, f32, f32) {
        let lo = i.saturating_sub(LOCAL_SPAN);
        let hi = (i + LOCAL_SPAN + 1).min(self.single.len() - 1);
        let count = (hi - lo) as f32;
        (
            (self.single[hi] - self.single[lo]) as f32 / count,
            (self.words[hi] - self.words[lo]) as f32 / count,
            (self.blank[hi] - self.blank[lo]) as f32 / count,
        )
    }
}
