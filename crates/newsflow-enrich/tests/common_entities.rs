// Shared by the entity tests: what the recogniser and the entity enricher
// find in text we write. Each test file uses a part, hence the allow.
#![allow(dead_code)]

#[path = "common_article.rs"]
mod common_article;

use common_article::article;
use newsflow_enrich::entities::eval::predict;
use newsflow_enrich::entities::EntityEnricher;
use newsflow_enrich::Enricher;
use newsflow_model::{Entity, EntityType};

/// The entities of an article made of `paragraphs`.
pub fn entities(paragraphs: &[&str]) -> Vec<Entity> {
    let mut record = article(None, paragraphs);
    EntityEnricher::new().enrich(&mut record).unwrap();
    record.entities
}

pub fn find<'a>(es: &'a [Entity], name: &str) -> Option<&'a Entity> {
    es.iter().find(|e| e.name == name)
}

pub fn kind_of(es: &[Entity], name: &str) -> Option<EntityType> {
    find(es, name).map(|e| e.entity_type)
}

/// (surface, type) of every span the recogniser predicts in `text`.
pub fn spans(text: &str) -> Vec<(String, EntityType)> {
    let chars: Vec<char> = text.chars().collect();
    predict(text)
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.kind))
        .collect()
}

pub fn count(spans: &[(String, EntityType)], name: &str, kind: EntityType) -> usize {
    spans
        .iter()
        .filter(|(s, k)| s == name && *k == kind)
        .count()
}

pub fn has(spans: &[(String, EntityType)], name: &str, kind: EntityType) -> bool {
    count(spans, name, kind) > 0
}
