//! Builders shared by the enricher tests.
#![allow(dead_code)]

use newsflow_model::{Article, EnrichedArticle, Language, Provenance, SCHEMA_VERSION};

pub fn article(id: &str, body: &str) -> Article {
    Article {
        schema_version: SCHEMA_VERSION,
        id: id.into(),
        source: "test".into(),
        url: None,
        title: None,
        kicker: None,
        deck: None,
        dateline: None,
        lede: None,
        byline: vec![],
        agencies: vec![],
        media_credits: vec![],
        published_at: None,
        fetched_at: None,
        body: body.into(),
        paragraphs: body.split("\n\n").map(str::to_owned).collect(),
        truncated: false,
        provenance: Provenance {
            parser: "test".into(),
            origin: "test".into(),
            segment: 0,
            lines: None,
        },
    }
}

pub fn record(id: &str, body: &str) -> EnrichedArticle {
    EnrichedArticle::from_article(article(id, body))
}

pub fn in_language(mut record: EnrichedArticle, code: &str) -> EnrichedArticle {
    record.language = Some(Language {
        code: code.into(),
        confidence: 1.0,
    });
    record
}
