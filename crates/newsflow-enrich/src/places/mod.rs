//! Place enrichment: every place entity geocoded offline (ISO 3166-1 code,
//! coordinates, kind) from the compiled-in gazetteer; ambiguous names are
//! resolved by the other places of the article, then by kind and size.

pub mod gazetteer;

use rustc_hash::FxHashSet;

use newsflow_model::{EnrichedArticle, Entity, EntityType, Place};

use crate::entities::{analyze, ensure_english};
use crate::text_util::CharToByte;
use crate::{EnrichError, Enricher};
use gazetteer::{PlaceKind, GAZETTEER};

/// Fills `places` from the place entities (runs the entity analysis itself
/// when the entity enricher is switched off).
#[derive(Debug, Default, Clone)]
pub struct PlaceEnricher;

impl PlaceEnricher {
    pub fn new() -> Self {
        let _ = &*GAZETTEER;
        Self
    }
}

impl Enricher for PlaceEnricher {
    fn name(&self) -> &'static str {
        "places"
    }

    fn enrich(&self, article: &mut EnrichedArticle) -> Result<(), EnrichError> {
        ensure_english(article)?;
        let computed;
        let entities = if article.entities.is_empty() {
            computed = analyze(article).0;
            &computed
        } else {
            &article.entities
        };
        article.places = geocode(entities, &article.article.body);
        Ok(())
    }
}

/// One `Place` per place entity, in entity order. Names the gazetteer does
/// not know keep `None` coordinates and kind "unknown" (never dropped).
pub fn geocode(entities: &[Entity], body: &str) -> Vec<Place> {
    let places: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Place)
        .collect();
    // Countries the unambiguous places point to.
    let mut context: FxHashSet<&str> = FxHashSet::default();
    for e in &places {
        let candidates = GAZETTEER.lookup(&e.name);
        if candidates.len() == 1 {
            if let Some(cc) = GAZETTEER.entries[candidates[0]].country_code {
                context.insert(cc);
            }
        }
    }
    // Built on the first ambiguous name only.
    let mut offsets: Option<CharToByte<'_>> = None;
    places
        .iter()
        .map(|e| {
            let candidates = GAZETTEER.lookup(&e.name);
            let chosen = if candidates.len() > 1 {
                let offsets = offsets.get_or_insert_with(|| CharToByte::new(body));
                choose(candidates, e, offsets, &context)
            } else {
                candidates.first().copied()
            };
            match chosen {
                Some(i) => {
                    let g = &GAZETTEER.entries[i];
                    Place {
                        name: e.name.clone(),
                        country_code: g.country_code.map(str::to_owned),
                        lat: Some(g.lat),
                        lon: Some(g.lon),
                        kind: g.kind.as_str().to_owned(),
                    }
                }
                None => Place {
                    name: e.name.clone(),
                    country_code: None,
                    lat: None,
                    lon: None,
                    kind: "unknown".into(),
                },
            }
        })
        .collect()
}

fn choose(
    candidates: &[usize],
    entity: &Entity,
    body: &CharToByte<'_>,
    context: &FxHashSet<&str>,
) -> Option<usize> {
    // "Washington state", "the state of Georgia": the region reading.
    let says_state = entity
        .mentions
        .iter()
        .filter(|m| m.field.is_none())
        .any(|m| {
            let after = body.slice(m.end, m.end + 7);
            let before = body.slice(m.start.saturating_sub(9), m.start);
            after.trim_start().starts_with("state")
                || after.trim_start().starts_with("State")
                || before.ends_with("state of ")
        });
    if says_state {
        if let Some(&r) = candidates
            .iter()
            .find(|&&i| GAZETTEER.entries[i].kind == PlaceKind::Region)
        {
            return Some(r);
        }
    }
    let in_context: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| {
            let g = &GAZETTEER.entries[i];
            // A country does not count as its own context.
            g.kind != PlaceKind::Country && g.country_code.is_some_and(|cc| context.contains(cc))
        })
        .collect();
    if !in_context.is_empty() {
        return GAZETTEER.default_choice(&in_context);
    }
    GAZETTEER.default_choice(candidates)
}
