//! Date mentions: absolute ("Aug. 6, 1945", "5 June 2024", "2024-03-01",
//! "2023", "the 1990s") and relative ("yesterday", "on Monday", "last
//! month", "three days later"), resolved against the article's
//! `published_at`, else `fetched_at`, else the reference date given to
//! [`DateEnricher::new`].
//!
//! A mention that cannot be resolved (a relative date with no reference
//! at all, "three days later" with no day mentioned before it, "February
//! 30") is left out: the record contract requires a value, and a guessed
//! one would be wrong more often than missing.

pub(crate) mod body_cache;
mod relative;
pub(crate) mod resolve;
pub(crate) mod scan;
pub(crate) mod tokens;
pub(crate) mod words;

use chrono::NaiveDate;
use newsflow_model::{DateMention, EnrichedArticle};

use crate::language::require_english;
use crate::{EnrichError, Enricher};

#[derive(Debug, Clone, Default)]
pub struct DateEnricher {
    reference: Option<NaiveDate>,
}

impl DateEnricher {
    /// `reference`: the date relative mentions count from when an article
    /// has neither `published_at` nor `fetched_at` (the CLI's
    /// `--reference-date`).
    pub fn new(reference: Option<NaiveDate>) -> Self {
        Self { reference }
    }
}

impl Enricher for DateEnricher {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn enrich(&self, record: &mut EnrichedArticle) -> Result<(), EnrichError> {
        require_english(record)?;
        let article = &record.article;
        let reference = article
            .published_at
            .or(article.fetched_at)
            .map(|t| t.date_naive())
            .or(self.reference);
        record.dates = find_dates(&article.body, reference);
        Ok(())
    }
}

/// Every resolvable date mention in `text`, in order.
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    body_cache::with_dates(text, |tokens, dates| {
        resolve_all(text, tokens, dates, reference)
    })
}

fn resolve_all(
    text: &str,
    tokens: &[tokens::Token<'_>],
    dates: &[scan::Found],
    reference: Option<NaiveDate>,
) -> Vec<DateMention> {
    let mut previous_day = None;
    let mut out = Vec::new();
    for found in dates {
        let Some(resolved) = resolve::resolve(&found.expr, reference, previous_day) else {
            continue;
        };
        if resolved.day.is_some() {
            previous_day = resolved.day;
        }
        out.push(DateMention {
            text: tokens::span_text(text, tokens, found.first, found.last).to_owned(),
            start: tokens[found.first].start,
            end: tokens[found.last].end,
            value: resolved.value,
            granularity: resolved.granularity,
            relative: found.expr.is_relative(),
        });
    }
    out
}
