//! Builders shared by the enricher tests.
#![allow(dead_code)]

use newsflow_model::{Article, EnrichedArticle, Language};

pub fn article(id: &str, body: &str) -> Article {
    let paragraphs = body.split("\n\n").map(str::to_owned).collect();
    let mut article = Article::from_paragraphs("test", "test", paragraphs);
    article.id = id.into();
    article
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
