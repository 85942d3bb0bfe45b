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
        let mut dates = find_dates(&article.body, reference);
        // Headlines and datelines carry dates too ("WASHINGTON, June 5").
        for (name, text) in crate::text_fields(article) {
            dates.extend(find_field_dates(text, reference).into_iter().map(|mut d| {
                d.field = Some(name.to_owned());
                d
            }));
        }
        record.dates = dates;
        Ok(())
    }
}

/// Every resolvable date mention in `text`, in order.
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    body_cache::with_dates(text, |tokens, dates| {
        resolve_all(text, tokens, dates, reference)
    })
}

/// The date mentions of a short text field, bypassing the body cache.
fn find_field_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    body_cache::with_dates_uncached(text, |tokens, dates| {
        resolve_all(text, tokens, dates, reference)
    })
}

/// A bare weekday right before ", <day with a year>", as in a dateline.
fn is_dateline_weekday(
    tokens: &[tokens::Token<'_>],
    found: &scan::Found,
    next: Option<&scan::Found>,
) -> bool {
    matches!(found.expr, scan::Expr::Weekday { .. })
        && found.first == found.last
        && next.is_some_and(|n| {
            n.first == found.last + 2
                && tokens[found.last + 1].is_punct(',')
                && matches!(n.expr, scan::Expr::Day { year: Some(_), .. })
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
    for (k, found) in dates.iter().enumerate() {
        if is_dateline_weekday(tokens, found, dates.get(k + 1)) {
            continue;
        }
        let Some(resolved) = resolve::resolve(&found.expr, reference, previous_day) else {
            continue;
        };
        if resolved.day.is_some() {
            previous_day = resolved.day;
        }
        // "Friday, July 21, 2017": the weekday belongs to the date after it.
        let first = k
            .checked_sub(1)
            .map(|p| &dates[p])
            .filter(|p| is_dateline_weekday(tokens, p, Some(found)))
            .map_or(found.first, |p| p.first);
        out.push(DateMention {
            text: tokens::span_text(text, tokens, first, found.last).to_owned(),
            start: tokens[first].start,
            end: tokens[found.last].end,
            value: resolved.value,
            granularity: resolved.granularity,
            relative: found.expr.is_relative(),
            field: None,
        });
    }
    out
}
