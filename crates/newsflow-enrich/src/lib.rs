//! Enrichment: pure, synchronous functions that add entities, quotes,
//! dates, ... to a parsed [`Article`]. Each [`Enricher`] is one step; an
//! [`EnrichChain`] runs the configured steps in order. A step that fails on
//! one article records the failure in `errors`; the article always flows.

use std::panic::{catch_unwind, AssertUnwindSafe};

use newsflow_model::{Article, EnrichedArticle, StageError};

pub mod amounts;
mod config;
pub mod dates;
pub mod dedup;
pub mod entities;
pub mod keywords;
pub mod language;
pub mod places;
pub mod quotes;
pub mod subjects;
pub mod text_util;
pub mod tone;

pub use config::EnrichConfig;

#[derive(Debug, thiserror::Error)]
pub enum EnrichError {
    #[error("{0}")]
    Failed(String),
    #[error("skipped: article language is {found}, this enricher supports {supported}")]
    UnsupportedLanguage {
        found: String,
        supported: &'static str,
    },
}

/// One enrichment step.
pub trait Enricher: Send + Sync {
    /// Name used in `errors[].stage`, config and metrics.
    fn name(&self) -> &'static str;

    fn enrich(&self, article: &mut EnrichedArticle) -> Result<(), EnrichError>;
}

/// Builds one enricher when its switch is on.
type MakeEnricher<'a> = &'a dyn Fn() -> Box<dyn Enricher>;

/// The configured enrichers, in order.
#[derive(Default)]
pub struct EnrichChain {
    enrichers: Vec<Box<dyn Enricher>>,
}

impl EnrichChain {
    /// The chain that `config` switches on, in dependency order: language
    /// first (English-only steps check it), entities before the places and
    /// quotes that build on them, near-duplicates last.
    pub fn from_config(config: &EnrichConfig) -> Self {
        let mut chain = Self::default();
        if config.disabled {
            return chain;
        }
        let steps: [(bool, MakeEnricher<'_>); 10] = [
            (config.language, &|| {
                Box::new(if config.english_fast_path {
                    language::LanguageEnricher::new()
                } else {
                    language::LanguageEnricher::whatlang_only()
                })
            }),
            (config.entities, &|| {
                Box::new(entities::EntityEnricher::new())
            }),
            (config.places, &|| Box::new(places::PlaceEnricher::new())),
            (config.quotes, &|| Box::new(quotes::QuoteEnricher::new())),
            (config.dates, &|| {
                Box::new(dates::DateEnricher::new(config.reference_date))
            }),
            (config.amounts, &|| Box::new(amounts::AmountEnricher::new())),
            (config.keywords, &|| {
                Box::new(keywords::KeywordEnricher::new(config.max_keywords))
            }),
            (config.subjects, &|| {
                Box::new(subjects::SubjectEnricher::new())
            }),
            (config.tone, &|| Box::new(tone::ToneEnricher::new())),
            (config.near_duplicates, &|| {
                Box::new(dedup::NearDuplicateEnricher::new(
                    config.duplicate_max_distance,
                    config.duplicate_window,
                ))
            }),
        ];
        for (enabled, make) in steps {
            if enabled {
                chain = chain.with(make());
            }
        }
        chain
    }

    pub fn with(mut self, enricher: Box<dyn Enricher>) -> Self {
        self.enrichers.push(enricher);
        self
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.enrichers.iter().map(|e| e.name()).collect()
    }

    /// Runs every enricher on `article`. Errors and panics of a step are
    /// recorded in `errors` and the next step still runs.
    pub fn enrich(&self, article: Article) -> EnrichedArticle {
        let mut record = EnrichedArticle::from_article(article);
        for enricher in &self.enrichers {
            let outcome = catch_unwind(AssertUnwindSafe(|| enricher.enrich(&mut record)));
            let message = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e.to_string(),
                Err(panic) => format!("panicked: {}", panic_message(&panic)),
            };
            record.errors.push(StageError {
                stage: enricher.name().to_owned(),
                message,
            });
        }
        record
    }
}

/// The article's short text fields other than the body, by record name:
/// dates, amounts and entities found there carry `field` and offsets into it.
pub(crate) fn text_fields(article: &Article) -> impl Iterator<Item = (&'static str, &str)> {
    [
        ("title", article.title.as_deref()),
        ("kicker", article.kicker.as_deref()),
        ("deck", article.deck.as_deref()),
        ("dateline", article.dateline.as_deref()),
    ]
    .into_iter()
    .filter_map(|(name, text)| text.filter(|t| !t.trim().is_empty()).map(|t| (name, t)))
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing;
    impl Enricher for Failing {
        fn name(&self) -> &'static str {
            "failing"
        }
        fn enrich(&self, _: &mut EnrichedArticle) -> Result<(), EnrichError> {
            Err(EnrichError::Failed("no luck".into()))
        }
    }

    struct Panicking;
    impl Enricher for Panicking {
        fn name(&self) -> &'static str {
            "panicking"
        }
        fn enrich(&self, _: &mut EnrichedArticle) -> Result<(), EnrichError> {
            panic!("boom")
        }
    }

    struct Keyworder;
    impl Enricher for Keyworder {
        fn name(&self) -> &'static str {
            "keywords"
        }
        fn enrich(&self, a: &mut EnrichedArticle) -> Result<(), EnrichError> {
            a.keywords.push(newsflow_model::Keyword {
                term: a.article.body.clone(),
                score: 1.0,
            });
            Ok(())
        }
    }

    fn article() -> Article {
        let mut article = Article::from_paragraphs("test", "t", vec!["word".into()]);
        article.id = "x".into();
        article
    }

    #[test]
    fn config_switches_enrichers_on_and_off() {
        let all = EnrichChain::from_config(&EnrichConfig::default()).names();
        assert_eq!(all.len(), 10, "{all:?}");
        assert_eq!(all[0], "language");
        let config = EnrichConfig {
            tone: false,
            near_duplicates: false,
            ..EnrichConfig::default()
        };
        let some = EnrichChain::from_config(&config).names();
        assert_eq!(some.len(), 8);
        assert!(!some.contains(&"tone"));
        let off = EnrichConfig {
            disabled: true,
            ..EnrichConfig::default()
        };
        assert!(EnrichChain::from_config(&off).names().is_empty());
    }

    #[test]
    fn failures_are_recorded_and_later_steps_still_run() {
        let chain = EnrichChain::default()
            .with(Box::new(Failing))
            .with(Box::new(Panicking))
            .with(Box::new(Keyworder));
        let out = chain.enrich(article());
        assert_eq!(out.errors.len(), 2);
        assert_eq!(out.errors[0].stage, "failing");
        assert_eq!(out.errors[0].message, "no luck");
        assert!(out.errors[1].message.contains("boom"));
        assert_eq!(out.keywords[0].term, "word");
        assert_eq!(out.article.id, "x");
    }
}
