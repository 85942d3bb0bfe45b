//! Subjects: IPTC Media Topic top-level codes with scores, from a
//! hand-written keyword lexicon (`data/subjects/lexicon.txt`).
//!
//! Each topic scores Σ weight × (1 + ln count) over its terms found in
//! the body, title terms counting [`TITLE_BOOST`] times more. Scores are
//! shared out (they sum to 1 over the topics found); the best topic and
//! any other with at least [`MIN_SHARE`] of the total are reported, at
//! most [`MAX_SUBJECTS`]. An article with less than [`MIN_EVIDENCE`] total
//! score gets no subject rather than a guess.

pub(crate) mod lexicon;

use newsflow_model::{EnrichedArticle, Subject};

use crate::dates::body_cache;
use crate::dates::tokens::{Kind, Token};
use crate::language::require_english;
use crate::{EnrichError, Enricher};
use lexicon::{
    exact_hash, extend_ngram, lowered_hash, ngram_seed, Lexicon, LEXICON, MAX_TERM_WORDS,
};

pub const TITLE_BOOST: f64 = 3.0;
pub const MIN_SHARE: f64 = 0.2;
pub const MAX_SUBJECTS: usize = 3;
pub const MIN_EVIDENCE: f64 = 2.0;

#[derive(Debug, Default, Clone, Copy)]
pub struct SubjectEnricher;

impl SubjectEnricher {
    /// Parses the lexicon now, so the first article does not pay for it.
    pub fn new() -> Self {
        std::sync::LazyLock::force(&LEXICON);
        Self
    }
}

impl Enricher for SubjectEnricher {
    fn name(&self) -> &'static str {
        "subjects"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        require_english(record)?;
        let article = &record.article;
        record.subjects = subjects(article.title.as_deref().unwrap_or(""), &article.body);
        Ok(())
    }
}

/// The subjects of an article, best first.
pub fn subjects(title: &str, body: &str) -> Vec<Subject> {
    let lexicon = &*LEXICON;
    let mut hits: Vec<(u64, f64)> = Vec::with_capacity(64);
    collect_hits(lexicon, body, 1.0, &mut hits);
    collect_hits(lexicon, title, TITLE_BOOST, &mut hits);
    // Per term: total count (title hits weigh more), then per topic.
    hits.sort_unstable_by_key(|&(h, _)| h);
    let mut scores = vec![0.0; lexicon.topics.len()];
    let mut i = 0;
    while i < hits.len() {
        let term = hits[i].0;
        let mut count = 0.0;
        while i < hits.len() && hits[i].0 == term {
            count += hits[i].1;
            i += 1;
        }
        for &(topic, weight) in lexicon.terms.get(&term).into_iter().flatten() {
            scores[topic] += weight * (1.0 + f64::ln(count.max(1.0)));
        }
    }
    let total: f64 = scores.iter().sum();
    if total < MIN_EVIDENCE {
        return Vec::new();
    }
    let mut ranked: Vec<(usize, f64)> = scores
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, s)| s > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .enumerate()
        .take_while(|&(rank, (_, score))| rank == 0 || score / total >= MIN_SHARE)
        .take(MAX_SUBJECTS)
        .map(|(_, (topic, score))| Subject {
            code: lexicon.topics[topic].code.to_owned(),
            name: lexicon.topics[topic].name.to_owned(),
            score: (score / total * 1000.0).round() / 1000.0,
        })
        .collect()
}

/// Pushes (term hash, weight) for every lexicon term in `text`: single
/// words and runs of up to [`MAX_TERM_WORDS`] adjacent words ("interest
/// rate", "semi-final"), matched stemmed and, for capitalised terms, as
/// written (a capitalised term starts with a capitalised word).
///
/// Runs are followed incrementally: only n-grams that begin some
/// multi-word term (`lexicon.prefixes`) are carried to the next word.
fn collect_hits(lexicon: &Lexicon, text: &str, weight: f64, hits: &mut Vec<(u64, f64)>) {
    body_cache::with_words(text, |_, _, tokens| {
        collect_token_hits(lexicon, tokens, weight, hits);
    });
}

fn collect_token_hits(
    lexicon: &Lexicon,
    tokens: &[Token<'_>],
    weight: f64,
    hits: &mut Vec<(u64, f64)>,
) {
    // Open n-grams: (hash so far, exact, words so far).
    let mut open: Vec<(u64, bool, usize)> = Vec::new();
    let mut next: Vec<(u64, bool, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != Kind::Word {
            if !is_word_joiner(tokens, i) {
                open.clear();
            }
            continue;
        }
        let upper = token.starts_upper();
        let stemmed = lowered_hash(token.lower);
        let exact = if upper { exact_hash(token.text) } else { 0 };
        next.clear();
        let starts = [(ngram_seed(false), false, 0), (ngram_seed(true), true, 0)];
        let candidates = open
            .iter()
            .copied()
            .chain(starts.into_iter().filter(|s| !s.1 || upper));
        for (hash, is_exact, words) in candidates {
            let hash = extend_ngram(hash, if is_exact { exact } else { stemmed });
            if !lexicon.keys.may_contain(hash) {
                continue;
            }
            if lexicon.terms.contains_key(&hash) {
                hits.push((hash, weight));
            }
            if words + 1 < MAX_TERM_WORDS && lexicon.prefixes.contains(&hash) {
                next.push((hash, is_exact, words + 1));
            }
        }
        std::mem::swap(&mut open, &mut next);
    }
}

/// A hyphen glued between two words keeps them in one run ("semi-final").
fn is_word_joiner(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].is_punct('-')
        && !tokens[i].space_before
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_word() && !t.space_before)
}
