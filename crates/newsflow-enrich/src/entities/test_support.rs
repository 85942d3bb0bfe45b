//! What the recogniser finds in invented text, shared by the entity unit
//! tests.

use newsflow_model::EntityType;

use super::eval::predict;
use super::recognize::recognize;
use crate::text_util::tokenize;

/// Every span of `text` but demonyms, as (surface, type), `Other` included.
pub fn names(text: &str) -> Vec<(String, EntityType)> {
    let tokens = tokenize(text);
    recognize(text, &tokens)
        .into_iter()
        .filter(|s| !s.demonym)
        .map(|s| {
            let surface = text[tokens[s.tok_start].start..tokens[s.tok_end - 1].end].to_string();
            (surface, s.kind)
        })
        .collect()
}

/// The typed spans of `text` as (surface, type): people, organisations and
/// places, as the evaluation scores them.
pub fn typed(text: &str) -> Vec<(String, EntityType)> {
    let chars: Vec<char> = text.chars().collect();
    predict(text)
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.kind))
        .collect()
}

pub fn has(text: &str, surface: &str, kind: EntityType) -> bool {
    typed(text).iter().any(|(s, k)| s == surface && *k == kind)
}
