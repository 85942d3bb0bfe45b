//! Entity enrichment: people, organisations, places and other names with
//! canonical names, roles, every mention (code-point offsets) and salience.
//! Rule/gazetteer based: no model download, a few µs per article.

mod build;
mod caps_lines;
pub mod eval;
#[cfg(test)]
mod hyphen_tests;
mod joins;
pub mod lexicon;
#[cfg(test)]
mod listing_tests;
#[cfg(test)]
mod org_rule_tests;
mod orgs;
#[cfg(test)]
mod outlet_rule_tests;
pub(crate) mod recognize;
mod results;
mod rules;
mod sport;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod works_tests;

use newsflow_model::{EnrichedArticle, Entity};

pub use build::PersonFacts;
pub use lexicon::Gender;

use crate::{EnrichError, Enricher};

/// Fills `entities`. English only.
#[derive(Debug, Default, Clone)]
pub struct EntityEnricher;

impl EntityEnricher {
    pub fn new() -> Self {
        // Load the word lists and the gazetteer now, not on the first article.
        let _ = &*lexicon::WORDS;
        let _ = &*lexicon::GIVEN_NAMES;
        let _ = &*crate::places::gazetteer::GAZETTEER;
        Self
    }
}

impl Enricher for EntityEnricher {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn enrich(&self, article: &mut EnrichedArticle) -> Result<(), EnrichError> {
        ensure_english(article)?;
        article.entities = analyze(article).0;
        Ok(())
    }
}

/// English-only enrichers skip articles detected as another language.
pub(crate) fn ensure_english(article: &EnrichedArticle) -> Result<(), EnrichError> {
    match &article.language {
        Some(lang) if lang.code != "en" => Err(EnrichError::UnsupportedLanguage {
            found: lang.code.clone(),
            supported: "en",
        }),
        _ => Ok(()),
    }
}

/// Entities of an article (most salient first) and, index for index, the
/// person facts (gender, nationality) used by quote attribution.
pub fn analyze(article: &EnrichedArticle) -> (Vec<Entity>, Vec<PersonFacts>) {
    let a = &article.article;
    let mut builder = build::Builder::default();
    builder.add_field(&build::Field {
        name: None,
        text: &a.body,
        weight: 1.0,
        lede_paragraphs: 1,
    });
    let named = [
        ("title", &a.title, 3.0),
        ("kicker", &a.kicker, 2.0),
        ("deck", &a.deck, 2.0),
        ("dateline", &a.dateline, 0.5),
    ];
    for (name, text, weight) in named {
        if let Some(text) = text {
            builder.add_field(&build::Field {
                name: Some(name.to_owned()),
                text,
                weight,
                lede_paragraphs: 0,
            });
        }
    }
    for (k, line) in a.byline.iter().enumerate() {
        builder.add_field(&build::Field {
            name: Some(format!("byline[{k}]")),
            text: line,
            weight: 0.2,
            lede_paragraphs: 0,
        });
    }
    builder.finish()
}
