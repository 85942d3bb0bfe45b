//! Entity-level exact-span evaluation over person / organization / place,
//! as used on GUM news (`examples/ner_eval.rs`).

use newsflow_model::EntityType;

use super::recognize::recognize;
use crate::text_util::tokenize;

/// A typed span in code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TypedSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// True/false positives and false negatives for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Evaluated types, in report order.
pub const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
];

/// Name spans the recogniser finds in `text` (demonyms and `Other` left out:
/// newswire gold does not mark demonym adjectives as names).
pub fn predict(text: &str) -> Vec<TypedSpan> {
    let tokens = tokenize(text);
    recognize(text, &tokens)
        .into_iter()
        .filter(|s| !s.demonym && TYPES.contains(&s.kind))
        .map(|s| TypedSpan {
            start: tokens[s.tok_start].char_start,
            end: tokens[s.tok_end - 1].char_end,
            kind: s.kind,
        })
        .collect()
}

/// Per-type counts of `predicted` against `gold` (exact span and type).
pub fn score(predicted: &[TypedSpan], gold: &[TypedSpan]) -> [Counts; 3] {
    let mut out = [Counts::default(); 3];
    for (k, kind) in TYPES.iter().enumerate() {
        let p: std::collections::HashSet<_> =
            predicted.iter().filter(|s| s.kind == *kind).collect();
        let g: std::collections::HashSet<_> = gold.iter().filter(|s| s.kind == *kind).collect();
        let tp = p.intersection(&g).count();
        out[k] = Counts {
            tp,
            fp: p.len() - tp,
            fn_: g.len() - tp,
        };
    }
    out
}
