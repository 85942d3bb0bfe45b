//! Attribution rules checked on invented articles, end to end (entities,
//! then quotes).

use newsflow_model::{Article, EnrichedArticle, Quote};

use crate::entities::EntityEnricher;
use crate::Enricher;

pub(super) fn quotes_of(paragraphs: &[&str]) -> Vec<Quote> {
    let paragraphs = paragraphs.iter().map(|p| p.to_string()).collect();
    let mut article = Article::from_paragraphs("test", "t", paragraphs);
    article.id = "t".into();
    let mut record = EnrichedArticle::from_article(article);
    EntityEnricher::new().enrich(&mut record).unwrap();
    super::extract_quotes(&record)
}

pub(super) fn speaker_of(quotes: &[Quote], text: &str) -> Option<String> {
    quotes
        .iter()
        .find(|q| q.text.starts_with(text))
        .unwrap_or_else(|| panic!("no quote {text:?} in {quotes:#?}"))
        .speaker
        .clone()
}

#[test]
fn perfect_and_colourful_cue_verbs_attribute_the_quote() {
    let qs = quotes_of(&[
        "Harbour fees rose again this spring, and few owners were pleased.",
        "“The town charges more every year,” Delia Marsh, a boat owner in the harbour, has written.",
        "“We will not pay twice,” Tobias Wren quipped.",
        "“The fees fund the new pier,” countered Mayor Ines Calloway.",
    ]);
    assert_eq!(
        speaker_of(&qs, "The town charges").as_deref(),
        Some("Delia Marsh")
    );
    assert_eq!(
        speaker_of(&qs, "We will not").as_deref(),
        Some("Tobias Wren")
    );
    assert_eq!(
        speaker_of(&qs, "The fees fund").as_deref(),
        Some("Ines Calloway")
    );
}
