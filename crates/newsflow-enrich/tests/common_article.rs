// Shared by the entities/quotes/places tests: an article from paragraphs we write.
use newsflow_model::{Article, EnrichedArticle, Provenance, SCHEMA_VERSION};

pub fn article(title: Option<&str>, paragraphs: &[&str]) -> EnrichedArticle {
    EnrichedArticle::from_article(Article {
        schema_version: SCHEMA_VERSION,
        id: "t".into(),
        source: "test".into(),
        url: None,
        title: title.map(str::to_owned),
        kicker: None,
        deck: None,
        dateline: None,
        lede: paragraphs.first().map(|p| p.to_string()),
        byline: vec![],
        agencies: vec![],
        media_credits: vec![],
        published_at: None,
        fetched_at: None,
        body: paragraphs.join("\n\n"),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        truncated: false,
        provenance: Provenance {
            parser: "test".into(),
            origin: "t".into(),
            segment: 0,
            lines: None,
        },
    })
}
