//! GDELT-style tone from the VADER lexicon (Hutto & Gilbert 2014, MIT
//! licence), which the `vader_sentiment` crate embeds. Each body word found
//! in the lexicon counts as positive or negative by its valence's sign —
//! flipped when one of the three words before it negates ("not good").
//!
//! positive / negative: % of words that are positive / negative;
//! score = positive − negative (GDELT's tone, −100..100);
//! polarity = positive + negative (how emotive the text is);
//! words: the number of words.

use std::sync::LazyLock;

use newsflow_model::{EnrichedArticle, Tone};
use rustc_hash::FxHashMap;

use crate::dates::body_cache;
use crate::dates::tokens::{ascii_lower, Kind, Token};
use crate::language::require_english;
use crate::{EnrichError, Enricher};

/// Lower-case word → valence (−4..4), built once from the crate's table.
static VALENCE: LazyLock<FxHashMap<Box<str>, f32>> = LazyLock::new(|| {
    vader_sentiment::LEXICON
        .iter()
        .filter(|(word, _)| !IGNORED.contains(&word.to_lowercase().as_str()))
        .map(|(word, &valence)| (word.to_lowercase().into_boxed_str(), valence as f32))
        .collect()
});

/// Lexicon words that are mostly function words in news prose
/// ("like" a preposition, "no" a negation handled below).
const IGNORED: &[&str] = &["like", "no", "yes", "ok", "okay", "please", "well"];

/// Words that flip the polarity of the next three words.
fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not"
            | "no"
            | "never"
            | "nor"
            | "neither"
            | "without"
            | "cannot"
            | "don't"
            | "doesn't"
            | "didn't"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "won't"
            | "wouldn't"
            | "couldn't"
            | "shouldn't"
            | "hasn't"
            | "haven't"
            | "hadn't"
            | "can't"
    )
}

#[derive(Debug, Default, Clone, Copy)]
pub struct ToneEnricher;

impl ToneEnricher {
    /// Builds the lexicon index now, so the first article does not pay for it.
    pub fn new() -> Self {
        LazyLock::force(&VALENCE);
        Self
    }
}

impl Enricher for ToneEnricher {
    fn name(&self) -> &'static str {
        "tone"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        require_english(record)?;
        record.tone = Some(tone(&record.article.body));
        Ok(())
    }
}

/// The tone of `text`.
pub fn tone(text: &str) -> Tone {
    body_cache::with_words(text, |_, _, tokens| tone_of(tokens))
}

fn tone_of(tokens: &[Token<'_>]) -> Tone {
    let mut words = 0u32;
    let (mut positive, mut negative) = (0u32, 0u32);
    // Words since the last negation, capped: negation reaches three words.
    let mut since_negation = usize::MAX;
    let mut buf = [0u8; 24];
    for token in tokens {
        if token.kind != Kind::Word {
            if token.ends_sentence() || token.is_punct(',') {
                since_negation = usize::MAX;
            }
            continue;
        }
        words += 1;
        let straightened;
        let word = if token.lower.is_empty() && token.text.contains('\u{2019}') {
            straightened = token.text.replace('\u{2019}', "'");
            ascii_lower(&straightened, &mut buf)
        } else {
            token.lower
        };
        if is_negation(word) {
            since_negation = 0;
            continue;
        }
        since_negation = since_negation.saturating_add(1);
        if let Some(&valence) = VALENCE.get(word) {
            let negated = since_negation <= 3;
            match (valence > 0.0) != negated {
                true => positive += 1,
                false => negative += 1,
            }
        }
    }
    let percent = |n: u32| {
        if words == 0 {
            0.0
        } else {
            round4(f64::from(n) * 100.0 / f64::from(words))
        }
    };
    let (pos, neg) = (percent(positive), percent(negative));
    Tone {
        score: round4(pos - neg),
        positive: pos,
        negative: neg,
        polarity: round4(pos + neg),
        words,
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
